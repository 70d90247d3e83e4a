#!/usr/bin/env bash
# Times `maillage simulate` on a 200,000-cell grid, two builds interleaved:
#   scripts/bench/simulate-grid.sh BASE_BINARY NEW_BINARY [ROUNDS] [THREADS]
#
# The territory is `maillage generate --zones 200000 --population 1200000 --seed 1` (6 people a
# cell, issue 20's grid), generated once into .build-bench/grid/ with NEW_BINARY. Each run gets a
# fresh copy of it. THREADS is a number for `--threads`, or "default" (the command's default).
# Prints one line per run (wall, CPU, peak memory from /usr/bin/time) and whether the two
# builds' result files are the same bytes. Medians are left to the reader: three rounds by default.
# REPLICATIONS=N runs N replications instead of one (their zone intervals are then written too).
set -euo pipefail
[[ $# -ge 2 ]] || { echo "usage: $0 BASE_BINARY NEW_BINARY [ROUNDS] [THREADS]" >&2; exit 64; }
base=$(realpath "$1")
new=$(realpath "$2")
rounds=${3:-3}
threads=${4:-default}
cd "$(dirname "$0")/../.."
work=.build-bench/grid
mkdir -p "$work"
[[ -f $work/grid.db ]] || "$new" generate --zones 200000 --population 1200000 --seed 1 --out "$work/grid.db" -q
options=(--seed 1 -q)
[[ $threads == default ]] || options+=(--threads "$threads")
[[ -z ${REPLICATIONS:-} ]] || options+=(--replications "$REPLICATIONS")
for round in $(seq "$rounds"); do
  for side in base new; do
    binary=$base
    [[ $side == new ]] && binary=$new
    cp "$work/grid.db" "$work/$side.db"
    rm -rf "$work/out-$side"
    sync
    /usr/bin/time -f "$side round $round: %e s wall, %U s user, %S s sys, %M KB peak" \
      "$binary" simulate --db "$work/$side.db" --out "$work/out-$side" "${options[@]}" > /dev/null
  done
done
for file in territory.json zones.csv zones.geojson actors.csv occupancy.csv parameters.json; do
  if cmp -s "$work/out-base/$file" "$work/out-new/$file"; then echo "same bytes: $file"; else echo "DIFFERENT: $file"; fi
done
rm -f "$work/base.db" "$work/new.db"
