#!/usr/bin/env bash
# Times a comparison of 3 scenarios × 10 replications (one simulated year each, plus the
# warm-up) on the real Occitanie territory (out/occitanie5.db, 2.35 million inhabitants),
# with accessibility and the simulation, on every core of this machine.
# Usage: scripts/bench-compare.sh [REPLICATIONS]   (builds out/occitanie5.db first if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
replications=${1:-10}
scripts/build-release.sh maillage >/dev/null
maillage=$PWD/.build/release/maillage
[[ -f out/occitanie5.db ]] || MAILLAGE=$maillage scripts/build-occitanie.sh
work=.build-bench/compare
rm -rf "$work" && mkdir -p "$work"
cp out/occitanie5.db "$work/occitanie5.db"

cat > "$work/base.yaml" <<YAML
name: base
territory: occitanie5.db
start: 2026-01-01
days: 365
seed: 2026
replications: $replications
indicators:
  - method: coverage
    kind: hospital
    service: emergency
    limit: 30
  - method: e2sfca
    kind: gp,msp,health_centre
    capacity: fte
YAML
# Saint-Girons' emergency department (CH Ariège Couserans) closes at night all year.
cat > "$work/night.yaml" <<YAML
extends: base.yaml
name: st-girons-closed-at-night
changes:
  - close: "090000183"
    night_only: true
YAML
# A heatwave: urgent needs up by half in July and August, everywhere.
cat > "$work/heatwave.yaml" <<YAML
extends: base.yaml
name: heatwave
events:
  - surge: {zones: ["*"], factor: 1.5, needs: [acute_urgent]}
    from: 2026-07-01
    until: 2026-09-01
YAML

echo "compare: 3 scenarios × $replications replications on $(nproc) cores" >&2
/usr/bin/time -f "%e s wall, %U s user, %M KB peak" "$maillage" compare \
  "$work/base.yaml" "$work/night.yaml" "$work/heatwave.yaml" --out "$work/out" 2>&1 | tee "$work/compare.txt" | tail -40
