#!/usr/bin/env bash
# E2SFCA side by side with PySAL access 1.1.10, end to end on the same CSV files
# (the reference fixture's layout, scaled to 5,000 zones × 1,000 sites, 60-minute pairs).
# Usage: scripts/bench-access.sh [ZONES] [SITES]   (RUNS=11: interleaved runs of each program)
set -euo pipefail
cd "$(dirname "$0")/.."
zones=${1:-5000}
sites=${2:-1000}
venv=.build-venv
if [[ ! -x $venv/bin/python ]] || ! $venv/bin/python -c "import access" 2>/dev/null; then
  python3 -m venv $venv
  $venv/bin/pip install -q access==1.1.10
fi
scripts/build-release.sh maillage-bench >/dev/null
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
$venv/bin/python scripts/bench/make_access_input.py "$zones" "$sites" 42 "$data"
runs=${RUNS:-11}
$venv/bin/python scripts/bench/interleaved_timing.py "$runs" \
  "PySAL access" -- $venv/bin/python scripts/bench/pysal_e2sfca.py "$data" "$data/theirs.csv" --- \
  Maillage -- .build/release/maillage-bench csv-e2sfca --folder "$data" --out "$data/ours.csv"
$venv/bin/python scripts/bench/compare_results.py "$data/ours.csv" "$data/theirs.csv"
peak() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1; }
echo "peak memory: Maillage $(peak .build/release/maillage-bench csv-e2sfca --folder "$data" --out "$data/ours.csv") KiB," \
  "PySAL access $(peak $venv/bin/python scripts/bench/pysal_e2sfca.py "$data" "$data/theirs.csv") KiB"
