#!/usr/bin/env bash
# Resource bounds (issue 8, item 5): the largest inputs, imported with their wall time and peak
# memory (`/usr/bin/time -f '%e %M'`), on a pseudo-terminal so that the progress bar is drawn.
#
# Usage: scripts/reliability/resource-bounds.sh [matrix] [actors] [geojson] [logs]   (default: all)
#   matrix   50,013,184 rows (7,072 zones, every ordered pair), about 1.3 GB of CSV
#   actors   5,000,000 actors with capacities and services, about 1 GB of CSV
#   geojson  1,000 zones of 1,000 vertices each: a million vertices
#   logs     the same imports with stderr in a file: no progress bar there
# Needs the release binary (scripts/build-release.sh), sqlite3, python3, awk,
# script (util-linux) and about 8 GB free under .build-reliability. Inputs are generated in
# .build-reliability/bounds (ignored by git) and kept for a rerun; KEEP=0 removes them at the end.
# Run it alone: it takes a core for several minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$PWD/.build/release/maillage
[[ -x $bin ]] || { echo "build first: scripts/build-release.sh" >&2; exit 1; }
scratch=$PWD/.build-reliability/bounds
mkdir -p "$scratch"
[[ ${KEEP:-1} == 0 ]] && trap 'rm -rf "$scratch"' EXIT
steps=("$@")
[[ ${#steps[@]} -gt 0 ]] || steps=(matrix actors geojson logs)
zones=7072  # 7,072² = 50,013,184 ordered pairs, ids Z00001…Z07072

territory() {
  [[ -f $scratch/territory.db ]] && return
  "$bin" generate --zones $zones --population 9000000 --seed 1 --out "$scratch/territory.db" --quiet
}

fresh() {  # fresh NAME: a copy of the generated territory, without leftovers of a previous run
  rm -f "$scratch/$1" "$scratch/$1-wal" "$scratch/$1-shm"
  cp "$scratch/territory.db" "$scratch/$1"
}

# measure LABEL COMMAND...: runs COMMAND on a pseudo-terminal (stderr included), prints wall time,
# peak resident memory and how many progress-bar frames it drew (each ends with "s left").
measure() {
  local label=$1; shift
  local timing=$scratch/time-$label log=$scratch/terminal-$label.log
  script -qec "/usr/bin/time -f '%e %M' -o $(printf %q "$timing") $(printf '%q ' "$@")" /dev/null > "$log"
  read -r wall peak < "$timing"
  local frames; frames=$( (grep -ao ' s left' "$log" || true) | wc -l)
  printf '%s: %s s wall, %d MiB peak memory, %d progress-bar frames on the terminal\n' \
    "$label" "$wall" $((peak / 1024)) "$frames"
  tr '\r' '\n' < "$log" | grep -a '^Imported' | sed 's/^/  /' || true
}

megabytes() { echo $(( $(stat -c %s "$1") / 1000000 )); }

matrix_csv() {
  local file=$scratch/matrix-50m.csv
  [[ -f $file ]] && return
  # Origins in order, each with every destination (the long format OSRM and r5r write).
  awk -v zones=$zones 'BEGIN {
    print "origin_id,destination_id,minutes,km"
    for (o = 1; o <= zones; o++)
      for (d = 1; d <= zones; d++) {
        m = ((o * 7919 + d * 104729) % 12000) / 100
        printf "Z%05d,Z%05d,%.2f,%.2f\n", o, d, m, m * 1.1
      }
  }' > "$file.part" && mv "$file.part" "$file"
}

actors_csv() {
  local file=$scratch/actors-5m.csv
  [[ -f $file ]] && return
  # About 200 bytes a row: a long name and source reference, as FINESS or RPPS exports have.
  awk -v zones=$zones 'BEGIN {
    print "id,kind,name,lat,lon,zone_id,capacity.fte,capacity.beds,services,source_ref"
    for (i = 1; i <= 5000000; i++) {
      kind = (i % 10 == 0) ? "hospital" : "gp"
      printf "A%08d,%s,Cabinet medical pluridisciplinaire du Docteur Numero %d et associes,%.5f,%.5f,Z%05d,%.1f,%d,emergency;smur;consultation;imaging,FINESS-%09d-etablissement-secondaire-rattache\n", \
        i, kind, i, 43 + (i % 9973) / 10000, 1 + (i % 9967) / 10000, 1 + i % zones, 1 + (i % 7) / 2, (i % 10 == 0) ? 100 + i % 300 : 0, i
    }
  }' > "$file.part" && mv "$file.part" "$file"
}

geojson_file() {
  local file=$scratch/zones-1m-vertices.geojson
  [[ -f $file ]] && return
  # 1,000 zones on a 40 × 25 grid, each a closed ring of 1,000 positions (999 distinct + the
  # first again) on a wobbly circle, with the properties of the zones CSV.
  python3 - "$file.part" <<'PY'
import math, sys
with open(sys.argv[1], "w") as out:
    out.write('{"type":"FeatureCollection","features":[\n')
    for z in range(1000):
        cx, cy = 0.5 + (z % 40) * 0.05, 43.0 + (z // 40) * 0.05
        ring = []
        for k in range(999):
            a = 2 * math.pi * k / 999
            r = 0.02 * (1 + 0.1 * math.sin(7 * a))
            ring.append("[%.7f,%.7f]" % (cx + r * math.cos(a), cy + r * math.sin(a)))
        ring.append(ring[0])
        props = '{"id":"G%04d","name":"Zone %d","population":%d,"density_class":4}' % (z + 1, z + 1, 500 + z)
        out.write(('' if z == 0 else ',\n') + '{"type":"Feature","properties":%s,"geometry":{"type":"Polygon","coordinates":[[%s]]}}'
                  % (props, ",".join(ring)))
    out.write('\n]}\n')
PY
  mv "$file.part" "$file"
}

for step in "${steps[@]}"; do
  case $step in
  matrix)
    territory; matrix_csv; fresh matrix.db
    echo "matrix: $(megabytes "$scratch/matrix-50m.csv") MB of CSV, $(($(wc -l < "$scratch/matrix-50m.csv") - 1)) rows"
    measure matrix "$bin" import matrix "$scratch/matrix-50m.csv" --db "$scratch/matrix.db" --name bench
    echo "  stored: $(sqlite3 "$scratch/matrix.db" "SELECT sum(pairs) FROM travel_row r JOIN travel_matrix m ON m.id = r.matrix_id WHERE m.name = 'bench'") pairs, database $(megabytes "$scratch/matrix.db") MB"
    rm -f "$scratch/matrix.db" "$scratch/matrix.db-wal" "$scratch/matrix.db-shm"
    ;;
  actors)
    territory; actors_csv; fresh actors.db
    echo "actors: $(megabytes "$scratch/actors-5m.csv") MB of CSV, $(($(wc -l < "$scratch/actors-5m.csv") - 1)) rows"
    measure actors "$bin" import actors "$scratch/actors-5m.csv" --db "$scratch/actors.db"
    echo "  stored: $(sqlite3 "$scratch/actors.db" "SELECT count(*) FROM actor") actors, $(sqlite3 "$scratch/actors.db" "SELECT count(*) FROM actor_service") services, database $(megabytes "$scratch/actors.db") MB"
    rm -f "$scratch/actors.db" "$scratch/actors.db-wal" "$scratch/actors.db-shm"
    ;;
  geojson)
    geojson_file
    rm -f "$scratch/zones.db"*; "$bin" init "$scratch/zones.db" --quiet
    vertices=$(grep -o '\],\[' "$scratch/zones-1m-vertices.geojson" | wc -l)
    echo "geojson: $(megabytes "$scratch/zones-1m-vertices.geojson") MB, $((vertices + 1000)) vertices in 1,000 zones"
    measure geojson "$bin" import zones "$scratch/zones-1m-vertices.geojson" --db "$scratch/zones.db"
    echo "  stored: $(sqlite3 "$scratch/zones.db" "SELECT count(*) FROM zone WHERE boundary IS NOT NULL") zones with a boundary"
    ;;
  logs)
    # Not a terminal: the same kind of import must print its summary and no bar.
    territory; fresh logs.db
    head -n 2000001 "$scratch/matrix-50m.csv" > "$scratch/matrix-2m.csv" 2>/dev/null || { matrix_csv; head -n 2000001 "$scratch/matrix-50m.csv" > "$scratch/matrix-2m.csv"; }
    "$bin" import matrix "$scratch/matrix-2m.csv" --db "$scratch/logs.db" --name logs > "$scratch/logs.out" 2> "$scratch/logs.err"
    echo "logs: 2,000,000 matrix rows with stderr in a file: $( (grep -ao ' s left' "$scratch/logs.err" || true) | wc -l) progress-bar frames, $(tr -cd '\r' < "$scratch/logs.err" | wc -c) carriage returns, $(wc -l < "$scratch/logs.err") lines on stderr"
    ;;
  *) echo "unknown step $step (matrix, actors, geojson, logs)" >&2; exit 64 ;;
  esac
done
