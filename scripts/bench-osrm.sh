#!/usr/bin/env bash
# Times `maillage travel osrm` on a synthetic road network (BENCHMARKS.md, "Road times with OSRM"):
# a ~1-million-node road grid written as .pbf with PyPI's osmium (scripts/bench/osrm_grid.py),
# 2,000 zones × 3,500 GPs within 60 minutes.
# One cold run (graph prepared: osrm-extract, -partition, -customize, then the table), then warm
# runs (graph cached) on growing tables (250, 750 and all destinations) to show memory as the
# table grows. Each run prints, per program of the process tree (scripts/bench/proc_usage.py):
# CPU time, peak resident memory and time alive, so OSRM's share and Maillage's own are apart;
# plus the command's phases (--json timings), the stored pairs and pairs per second.
# Usage: scripts/bench-osrm.sh [ROADS=300] [SPACING=6] [ORIGINS=2000] [DESTINATIONS=3500]
# Env: MAILLAGE (default .build/release/maillage), OSRM_BIN (default: .build-osrm/bin, installed
# by scripts/install-osrm.sh), WORK (default out/bench-osrm), NICE (default 10).
set -euo pipefail
cd "$(dirname "$0")/.."
roads=${1:-300}; spacing=${2:-6}; origins=${3:-2000}; destinations=${4:-3500}
maillage=${MAILLAGE:-.build/release/maillage}
[[ -x $maillage ]] || { echo "build first: scripts/build-release.sh" >&2; exit 66; }
if [[ -z ${OSRM_BIN:-} ]]; then scripts/install-osrm.sh; OSRM_BIN=.build-osrm/bin; fi
venv=.build-bench-osrm
[[ -x $venv/bin/python ]] && $venv/bin/python -c "import osmium" 2>/dev/null \
  || { python3 -m venv "$venv"; "$venv/bin/pip" install -q --disable-pip-version-check "osmium==4.*"; }
work=${WORK:-out/bench-osrm}/grid-$roads-$spacing
mkdir -p "$work"
[[ -f $work/grid.osm.pbf && -f $work/zones.csv ]] \
  || "$venv/bin/python" scripts/bench/osrm_grid.py "$work" "$roads" "$spacing" "$origins" "$destinations"
rm -rf "$work/cache"
nice=(nice -n "${NICE:-10}")
# run LABEL DESTINATIONS: a fresh database with the first DESTINATIONS actors, then the command.
run() {
  local label=$1 count=$2 db="$work/t-$2.db"
  rm -f "$db"
  "$maillage" init "$db" -q
  "$maillage" import zones "$work/zones.csv" --db "$db" -q
  head -n $((count + 1)) "$work/actors.csv" > "$work/actors-$count.csv"
  "$maillage" import actors "$work/actors-$count.csv" --db "$db" -q
  echo "$label: $origins × $count pairs"
  "${nice[@]}" python3 scripts/bench/proc_usage.py --json "$work/usage-$label.json" -- \
    "$maillage" travel osrm --db "$db" --pbf "$work/grid.osm.pbf" --osrm-bin "$OSRM_BIN" \
    --cache-dir "$work/cache" --to gp --limit 60 --json > "$work/report-$label.json"
  python3 - "$work/report-$label.json" "$work/usage-$label.json" "$origins" "$count" <<'EOF'
import json, sys
r, u = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
pairs = r["origins"] * r["destinations"]
t = r["timings"]
osrm = sum(p["cpu_s"] for n, p in u["programs"].items() if n.startswith("osrm-"))
own = sum(p["cpu_s"] for n, p in u["programs"].items() if not n.startswith("osrm-"))
peak = max(p["peak_rss_mb"] for n, p in u["programs"].items() if not n.startswith("osrm-"))
routed = u["programs"].get("osrm-routed", {}).get("peak_rss_mb", 0.0)
print(f"  phases (s): " + ", ".join(f"{k} {v:.1f}" for k, v in t.items()))
print(f"  pairs asked {pairs:,}, stored within 60 min {r['stored']:,}, requests {r['requests']}; "
      f"table {pairs / t['table']:,.0f} pairs/s of wall time")
print(f"  CPU: OSRM programs {osrm:.1f} s, maillage {own:.1f} s "
      f"(maillage {100 * own / max(osrm + own, 1e-9):.1f} % of the CPU); peak RSS maillage {peak:.0f} MB, "
      f"osrm-routed {routed:.0f} MB")
EOF
}
run cold "$destinations"
run warm-250 250
run warm-750 750
run warm-all "$destinations"
