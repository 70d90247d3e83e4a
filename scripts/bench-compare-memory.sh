#!/usr/bin/env bash
# Peak memory of `maillage compare` as replications grow: with streaming accumulation it
# should stay flat (only the territory-wide values, a few numbers per replication, are kept).
# Usage: scripts/bench-compare-memory.sh [REPLICATIONS...]     (default: 8 64 256)
# Env: ZONES (3000), POPULATION (3000000), DAYS (7), SAMPLE (0.02), THREADS (2),
#      BIN (.build/release/maillage: give another binary to compare versions), KEEP=1 keeps files.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BIN:-.build/release/maillage}
[[ -x $bin ]] || { echo "build first: scripts/build-release.sh" >&2; exit 1; }
counts=("$@")
[[ ${#counts[@]} -gt 0 ]] || counts=(8 64 256)
out=$(mktemp -d)
[[ ${KEEP:-0} == 1 ]] && echo "files in $out" || trap 'rm -rf "$out"' EXIT

"$bin" generate --zones "${ZONES:-3000}" --population "${POPULATION:-3000000}" --seed 1 --out "$out/t.db" --quiet
# Short simulations of a small sample: the 13 default zone indicators are kept per zone.
cat > "$out/base.yaml" <<YAML
name: base
territory: t.db
days: ${DAYS:-7}
seed: 1
simulation: {sample: ${SAMPLE:-0.02}}
indicators:
  - {method: coverage, kind: hospital, service: emergency, limit: 30}
YAML
printf 'extends: base.yaml\nname: surge\nevents:\n  - surge: {zones: ["*"], factor: 1.3}\n    from: 1\n    until: 6\n' > "$out/surge.yaml"

for n in "${counts[@]}"; do
  /usr/bin/time -f "%M %e %U %S" -o "$out/time-$n" \
    "$bin" compare "$out/base.yaml" "$out/surge.yaml" --replications "$n" --threads "${THREADS:-2}" --out "$out/cmp-$n" --quiet > /dev/null
  read -r peak wall user system < "$out/time-$n"
  printf '%5d replications: %d KiB (%d MiB) peak memory, %.1f s wall, %.1f s CPU\n' "$n" "$peak" $((peak / 1024)) "$wall" \
    "$(echo "$user + $system" | bc)"
done
