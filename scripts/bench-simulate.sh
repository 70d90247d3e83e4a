#!/usr/bin/env bash
# Simulation benchmarks (issue 5), release build:
#  1. the reference rule (100,000 patients, 200 GPs with 6 slots a day, p = 0.01 a day, 365 days)
#     in Maillage (event calendar, and day-stepped like Mesa) and in Mesa, on the same instance;
#  2. the full model at department scale (600 zones, 1.5 million inhabitants, one year).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.build-venv
if ! $venv/bin/python -c "import mesa" 2>/dev/null; then
  python3 -m venv $venv
  $venv/bin/pip install -q mesa
fi
scripts/build-release.sh maillage-bench >/dev/null
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
bench=.build/release/maillage-bench
$bench reference-rule --mode calendar --instance-out "$data/instance.json"
$bench reference-rule --mode day-stepped
$venv/bin/python scripts/bench/mesa_reference_rule.py "$data/instance.json"
/usr/bin/time -f "maillage-bench simulate: %e s wall, %M KiB peak" $bench simulate --zones 600 --population 1500000
