#!/usr/bin/env bash
# Times `maillage import matrix` on large generated matrices: wall time, rows/s, peak memory.
# Usage: scripts/bench-matrix.sh [ROWS...]      (default: 1000000 10000000)
# Needs the release binary (make build, or scripts/build-release.sh).
# Set KEEP=1 to keep the generated files (their folder is printed); DISTANCES=0 writes no km
# column (times only, as the access benchmark's matrices; the importer's fast lane reads them).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release/maillage
[[ -x $bin ]] || { echo "build first: scripts/build-release.sh" >&2; exit 1; }
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1000000 10000000)
zones=3200  # 3,200 zones give 10.24 million ordered pairs, ids Z00001…Z03200
out=$(mktemp -d)
[[ ${KEEP:-0} == 1 ]] && echo "files in $out" || trap 'rm -rf "$out"' EXIT

"$bin" generate --zones $zones --population 4000000 --seed 1 --out "$out/territory.db" --quiet

for rows in "${sizes[@]}"; do
  # Origins in order, each with every destination: the long format OSRM and r5r write.
  awk -v rows="$rows" -v zones="$zones" -v km="${DISTANCES:-1}" 'BEGIN {
    print "origin_id,destination_id,minutes" (km == 1 ? ",km" : "")
    n = 0
    for (o = 1; n < rows; o++)
      for (d = 1; d <= zones && n < rows; d++) {
        m = ((o * 7919 + d * 104729) % 12000) / 100
        if (km == 1) printf "Z%05d,Z%05d,%.2f,%.2f\n", o, d, m, m * 1.1
        else printf "Z%05d,Z%05d,%.2f\n", o, d, m
        n++
      }
  }' > "$out/matrix-$rows.csv"
  cp "$out/territory.db" "$out/t-$rows.db"
  echo "$rows rows, $(du -m "$out/matrix-$rows.csv" | cut -f1) MB of CSV:"
  /usr/bin/time -f "%e %M %U %S" -o "$out/time-$rows" \
    "$bin" import matrix "$out/matrix-$rows.csv" --db "$out/t-$rows.db" --name bench --quiet
  read -r wall peak user system < "$out/time-$rows"
  stored=$(sqlite3 "$out/t-$rows.db" "SELECT sum(pairs) FROM travel_row r JOIN travel_matrix m ON m.id = r.matrix_id WHERE m.name = 'bench'")
  awk -v w="$wall" -v c="$(echo "$user + $system" | bc)" -v p="$peak" -v r="$rows" -v s="$stored" -v mb="$(du -m "$out/t-$rows.db" | cut -f1)" 'BEGIN {
    printf "  %.1f s wall (%d rows/s), %.1f s CPU (%d rows/s), %d MiB peak memory, %d pairs stored, database %d MB\n", w, r / w, c, r / c, p / 1024, s, mb
  }'
  rm -f "$out/t-$rows.db" "$out/t-$rows.db-wal" "$out/t-$rows.db-shm"
done
