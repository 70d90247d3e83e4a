#!/usr/bin/env bash
# E2SFCA side by side with PySAL access 1.1.10, end to end on the same CSV files
# (the reference fixture's layout, scaled to 5,000 zones × 1,000 sites, 60-minute pairs).
# Usage: scripts/bench-access.sh [ZONES] [SITES]
set -euo pipefail
cd "$(dirname "$0")/.."
zones=${1:-5000}
sites=${2:-1000}
venv=.build-venv
if [[ ! -x $venv/bin/python ]] || ! $venv/bin/python -c "import access" 2>/dev/null; then
  python3 -m venv $venv
  $venv/bin/pip install -q access==1.1.10
fi
swift build -c release --product maillage-bench >/dev/null
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
$venv/bin/python scripts/bench/make_access_input.py "$zones" "$sites" 42 "$data"
best() { sort -n | head -1; }
ours=$(for i in 1 2 3; do /usr/bin/time -f "%e %M" .build/release/maillage-bench csv-e2sfca --folder "$data" --out "$data/ours.csv" 2>&1 >/dev/null | tail -1; done)
theirs=$(for i in 1 2 3; do /usr/bin/time -f "%e %M" $venv/bin/python scripts/bench/pysal_e2sfca.py "$data" "$data/theirs.csv" 2>&1 >/dev/null | tail -1; done)
$venv/bin/python scripts/bench/compare_results.py "$data/ours.csv" "$data/theirs.csv"
t_ours=$(echo "$ours" | awk '{print $1}' | best); m_ours=$(echo "$ours" | awk '{print $2}' | sort -n | tail -1)
t_theirs=$(echo "$theirs" | awk '{print $1}' | best); m_theirs=$(echo "$theirs" | awk '{print $2}' | sort -n | tail -1)
echo "Maillage: best of 3 ${t_ours} s, peak ${m_ours} KiB"
echo "PySAL access: best of 3 ${t_theirs} s, peak ${m_theirs} KiB"
awk -v a="$t_theirs" -v b="$t_ours" 'BEGIN { printf "Maillage is %.1f× faster end to end\n", a / b }'
