#!/usr/bin/env bash
# MCLP on the 1,995 Occitanie communes, 300 candidates, p = 10, 30-minute cover:
# Maillage's heuristic (time, objective) against spopt/CBC's exact optimum on the same pairs.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.build-venv
if ! $venv/bin/python -c "import spopt, pulp" 2>/dev/null; then
  python3 -m venv $venv
  $venv/bin/pip install -q spopt pulp
fi
scripts/build-release.sh maillage-bench >/dev/null
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
/usr/bin/time -f "maillage-bench mclp: %e s wall, %M KiB peak" .build/release/maillage-bench mclp \
  --communes ../shared/data/communes/communes_occitanie5_pop_coords.csv --pairs-out "$data/pairs.csv"
$venv/bin/python scripts/bench/spopt_mclp.py "$data/pairs.csv" 10 30
