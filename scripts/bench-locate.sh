#!/usr/bin/env bash
# `maillage locate` against PySAL spopt + CBC, command against command, on the same files:
# communes as zones, every k-th commune a candidate actor, a zone -> site matrix
# (scripts/bench/locate_instance.py). Runs are interleaved; the figures are in BENCHMARKS.md.
#
# Usage: scripts/bench-locate.sh [occitanie|france] [RUNS]
#   occitanie: 1,995 communes x 300 candidates (MCLP p=10 30 min, p-median p=10, capacitated)
#   france:    34,885 communes x 3,000 candidates (MCLP p=100 30 min, p-median p=100); the
#              peer runs under `timeout` (PEER_TIMEOUT, default 2700 s) and an 8 GB memory cap.
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-occitanie}
runs=${2:-3}
venv=.build-venv
if ! $venv/bin/python -c "import spopt, pulp" 2>/dev/null; then
  python3 -m venv $venv
  $venv/bin/pip install -q spopt pulp
fi
scripts/build-release.sh maillage >/dev/null
maillage=$PWD/.build/release/maillage
dir=${BENCH_DIR:-$(mktemp -d)}
case $scale in
  occitanie) communes=../shared/data/communes/communes_occitanie5_pop_coords.csv; candidates=300; reach=60; p=10 ;;
  france) communes=../shared/data/communes/communes_france_population_points.csv; candidates=3000; reach=45; p=100 ;;
  *) echo "usage: $0 [occitanie|france] [RUNS]" >&2; exit 64 ;;
esac
[[ -f $dir/matrix.csv ]] || $venv/bin/python scripts/bench/locate_instance.py "$communes" "$dir" --candidates $candidates --reach $reach
if [[ ! -f $dir/b.db ]]; then
  $maillage init "$dir/b.db" -q
  $maillage import zones "$dir/zones.csv" --db "$dir/b.db" -q
  $maillage import actors "$dir/actors.csv" --db "$dir/b.db" -q
  $maillage import matrix "$dir/matrix.csv" --db "$dir/b.db" --name road --origins zones --destinations actors -q
fi
common=(--db "$dir/b.db" --kind msp --candidates actors --travel matrix --matrix road --json)
# CPU time beside wall time: the machine these figures come from was shared (load 15-20 on 2 cores).
timed() { /usr/bin/time -f "$1: %e s wall, %U s user + %S s sys, %M KiB peak" "${@:2}"; }
for run in $(seq "$runs"); do
  echo "== run $run"
  timed "maillage mclp" "$maillage" locate mclp -p $p --limit 30 "${common[@]}" --out "$dir/mclp.csv" | grep -E '"(objective|gap)"'
  if [[ $scale == occitanie ]]; then
    timed "spopt mclp" $venv/bin/python scripts/bench/locate_peer.py "$dir" mclp $p 30
  fi
  timed "maillage pmedian" "$maillage" locate pmedian -p $p "${common[@]}" --out "$dir/pmedian.csv" | grep -E '"(objective|gap)"'
done
if [[ $scale == occitanie ]]; then
  timed "maillage capacitated-mclp" "$maillage" locate mclp -p $p --limit 30 --capacitated --capacity-measure fte --people-per-unit 30000 "${common[@]}" --out "$dir/cmclp.csv" | grep -E '"(objective|gap|bound)"'
  timed "maillage capacitated-pmedian" "$maillage" locate pmedian -p $p --capacitated --capacity-measure fte --people-per-unit 30000 "${common[@]}" --out "$dir/cpmedian.csv" | grep -E '"(objective|gap|bound)"'
  timed "maillage maximin-access" "$maillage" locate pmedian -p $p --objective maximin-access --capacity-measure fte "${common[@]}" --out "$dir/equity.csv" | grep -E '"(objective|gap)"'
  # The peers that may run long, once each.
  timed "spopt pmedian" timeout "${PEER_TIMEOUT:-2700}" $venv/bin/python scripts/bench/locate_peer.py "$dir" pmedian $p || echo "spopt pmedian stopped"
  timed "CBC capacitated-mclp" timeout "${PEER_TIMEOUT:-2700}" $venv/bin/python scripts/bench/locate_peer.py "$dir" capacitated-mclp $p 30 30000 || echo "CBC capacitated-mclp stopped"
  timed "CBC capacitated-pmedian" timeout "${PEER_TIMEOUT:-2700}" $venv/bin/python scripts/bench/locate_peer.py "$dir" capacitated-pmedian $p 60 30000 || echo "CBC capacitated-pmedian stopped"
else
  (ulimit -v 8000000; timed "spopt mclp" timeout "${PEER_TIMEOUT:-2700}" $venv/bin/python scripts/bench/locate_peer.py "$dir" mclp $p 30) || echo "spopt mclp stopped"
  (ulimit -v 8000000; timed "spopt pmedian" timeout "${PEER_TIMEOUT:-2700}" $venv/bin/python scripts/bench/locate_peer.py "$dir" pmedian $p) || echo "spopt pmedian stopped"
fi
