#!/usr/bin/env bash
# Times `maillage generate` at national size and reports wall time and peak memory.
# Usage: scripts/bench-generate.sh [ZONES] [POPULATION]
set -euo pipefail
cd "$(dirname "$0")/.."
zones=${1:-35000}
population=${2:-68000000}
bin=.build/release/maillage
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for seed in 1 2 3; do
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -f "seed $seed: %e s wall, %M KiB peak" \
      "$bin" generate --zones "$zones" --population "$population" --seed "$seed" --out "$out/t$seed.db" --quiet
  else  # Debian's `time` package is absent: wall time only
    echo "seed $seed:"; time "$bin" generate --zones "$zones" --population "$population" --seed "$seed" --out "$out/t$seed.db" --quiet
  fi
done
"$bin" info "$out/t1.db"
