#!/usr/bin/env bash
# Department-scale `maillage simulate` of two binaries, interleaved (A, B, A, B, ...), each run
# on a fresh copy of the territory; prints wall, user CPU and peak RSS per run, the medians and
# their ratio, and checks that the two binaries wrote the same result files.
#
# Usage: scripts/bench-simulate-ab.sh A_BINARY B_BINARY [ROUNDS]   (default 5 rounds)
set -euo pipefail
a=$1; b=$2; rounds=${3:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$a" generate --zones 600 --population 1500000 --seed 1 --out "$work/dept.db" -q
for round in $(seq 1 "$rounds"); do
  for side in a b; do
    bin=$a; [[ $side == b ]] && bin=$b
    rm -rf "$work/$side"; mkdir "$work/$side"; cp "$work/dept.db" "$work/$side/d.db"
    /usr/bin/time -f "$side %e %U %M" -a -o "$work/times" \
      "$bin" simulate --db "$work/$side/d.db" --days 365 --seed 1 --out "$work/$side/out" -q >/dev/null
  done
done
for file in territory.json zones.csv zones.geojson actors.csv occupancy.csv parameters.json; do
  cmp "$work/a/out/$file" "$work/b/out/$file" || echo "differs: $file"
done
cat "$work/times"
awk '{ wall[$1] = wall[$1] " " $2; user[$1] = user[$1] " " $3 }
     function median(list,   n, v, i, j, t) {
       n = split(list, v, " ")
       for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
       return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
     }
     END {
       printf "median wall: A %.2f s, B %.2f s, B/A %.3f\n", median(wall["a"]), median(wall["b"]), median(wall["b"]) / median(wall["a"])
       printf "median user: A %.2f s, B %.2f s, B/A %.3f\n", median(user["a"]), median(user["b"]), median(user["b"]) / median(user["a"])
     }' "$work/times"
