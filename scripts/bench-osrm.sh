#!/usr/bin/env bash
# Times `maillage travel osrm` on a synthetic road network (BENCHMARKS.md, "Road times with OSRM"):
# a 1-million-node grid written as .pbf with PyPI's osmium, 2,000 zones × 3,500 GPs within 60 min.
# Prints the cold run (graph prepared) and RUNS warm runs (graph cached), each with its phases
# (--json timings), wall time and peak memory (GNU time's %M is the largest of maillage and
# the OSRM programs it waited for, osrm-routed included; `ps` gives maillage's own), and the
# stored pairs.
# Usage: scripts/bench-osrm.sh [SIZE=1000] [ORIGINS=2000] [DESTINATIONS=3500] [RUNS=3]
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1000}; origins=${2:-2000}; destinations=${3:-3500}; runs=${4:-3}
maillage=${MAILLAGE:-.build/release/maillage}
[[ -x $maillage ]] || { echo "build first: scripts/build-release.sh" >&2; exit 66; }
scripts/install-osrm.sh
venv=.build-bench-osrm
[[ -x $venv/bin/python ]] && $venv/bin/python -c "import osmium" 2>/dev/null \
  || { python3 -m venv "$venv"; "$venv/bin/pip" install -q --disable-pip-version-check "osmium==4.*"; }
work=out/bench-osrm
mkdir -p "$work"
[[ -f $work/grid.osm.pbf && -f $work/zones.csv ]] || "$venv/bin/python" scripts/bench/osrm_grid.py "$work" "$size" "$origins" "$destinations"
rm -rf "$work/cache" "$work/t.db"
"$maillage" init "$work/t.db" -q
"$maillage" import zones "$work/zones.csv" --db "$work/t.db" -q
"$maillage" import actors "$work/actors.csv" --db "$work/t.db" -q
run() {
  /usr/bin/time -f "wall %e s, maillage peak RSS %M KB" "$maillage" travel osrm --db "$work/t.db" --pbf "$work/grid.osm.pbf" \
    --osrm-bin .build-osrm/bin --cache-dir "$work/cache" --to gp --limit 60 --json > "$work/report.json"
  python3 -c "import json; r = json.load(open('$work/report.json')); print('pairs stored', r['stored'], 'requests', r['requests'], 'timings', {k: round(v, 2) for k, v in r['timings'].items()})"
}
echo "cold (graph prepared):"; run
for i in $(seq "$runs"); do echo "warm $i (graph cached):"; run; done
