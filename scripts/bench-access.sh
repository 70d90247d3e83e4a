#!/usr/bin/env bash
# E2SFCA side by side with PySAL access 1.1.10: the `maillage` commands a planner runs, each a
# separate process, against PySAL's read + compute, on the same data (the reference fixture's
# layout scaled to ZONES × SITES, every pair within 60 minutes), runs interleaved, medians.
#
# Usage: scripts/bench-access.sh [ZONES] [SITES] [SIDE]   (default 5000 1000 1; RUNS=11 rounds)
#   SIDE stretches the square's sides (scripts/bench/make_access_input.py): 3.1623 gives
#   50,000 zones × 10,000 sites on ten times the area, about 9.4 million pairs.
#   BIN=path/to/maillage to time another build; SKIP_PYSAL=1 to time Maillage alone.
#
# Timed, each round in turn (scripts/bench/interleaved_timing.py, wall time per process):
#   PySAL          python scripts/bench/pysal_e2sfca.py: read the three CSVs (pandas), build
#                  Access, E2SFCA with PySAL's default steps, write the CSV; its in-process
#                  phases (after Python and pandas have loaded) are logged too: read, compute.
#   import         maillage init + import zones + import actors + import matrix (4 processes)
#   access --db    maillage access e2sfca --travel matrix on the imported territory
#   import matrix  maillage import matrix alone (replacing the matrix of a copy of the territory)
#   access files   maillage access e2sfca --zones --sites --matrix-file (no import)
# then checks that every result equals PySAL's (1e-9, NaN alike) and that the two Maillage
# paths give the same bytes, and prints the ratios the issue asks for and peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
zones=${1:-5000}
sites=${2:-1000}
side=${3:-1}
runs=${RUNS:-11}
venv=.build-venv
if [[ ! -x $venv/bin/python ]] || ! $venv/bin/python -c "import access" 2>/dev/null; then
  python3 -m venv $venv
  $venv/bin/pip install -q access==1.1.10
fi
if [[ -z ${BIN:-} ]]; then
  scripts/build-release.sh maillage >/dev/null
  BIN=.build/release/maillage
fi
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
$venv/bin/python scripts/bench/make_access_input.py "$zones" "$sites" 42 "$data" "$side"
pairs=$(($(wc -l < "$data/times.csv") - 1))

cat > "$data/import.sh" <<SCRIPT
set -e
rm -f "$data/t.db" "$data/t.db-wal" "$data/t.db-shm"
"$BIN" init "$data/t.db" -q
"$BIN" import zones "$data/maillage-zones.csv" --db "$data/t.db" -q
"$BIN" import actors "$data/maillage-sites.csv" --db "$data/t.db" -q
"$BIN" import matrix "$data/times.csv" --db "$data/t.db" --name road -q
SCRIPT
bash "$data/import.sh"   # the territory access --db reads, from the first round on
cp "$data/t.db" "$data/m.db"   # a territory whose matrix is imported again (replaced) each round

access_db=("$BIN" access e2sfca --db "$data/t.db" --kind gp --travel matrix --out "$data/ours-db.csv" -q)
access_files=("$BIN" access e2sfca --zones "$data/maillage-zones.csv" --sites "$data/maillage-sites.csv"
              --matrix-file "$data/times.csv" --kind gp --out "$data/ours-files.csv" -q)
commands=()
if [[ -z ${SKIP_PYSAL:-} ]]; then
  commands+=("PySAL read+compute+write" -- env PHASES="$data/phases" $venv/bin/python scripts/bench/pysal_e2sfca.py "$data" "$data/theirs.csv" ---)
fi
commands+=("maillage init+import (4 processes)" -- bash "$data/import.sh" ---
           "maillage import matrix" -- "$BIN" import matrix "$data/times.csv" --db "$data/m.db" --name road -q ---
           "maillage access e2sfca --db" -- "${access_db[@]}" ---
           "maillage access e2sfca --zones --sites --matrix-file" -- "${access_files[@]}")
echo "$zones zones, $sites sites, $pairs pairs; $runs interleaved rounds; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
$venv/bin/python scripts/bench/interleaved_timing.py "$runs" "${commands[@]}" | tee "$data/timing"

cmp "$data/ours-db.csv" "$data/ours-files.csv" && echo "access --db and access --matrix-file: byte-identical results"
if [[ -z ${SKIP_PYSAL:-} ]]; then
  $venv/bin/python scripts/bench/compare_results.py "$data/ours-db.csv" "$data/theirs.csv"
  $venv/bin/python - "$data/phases" "$data/timing" "$pairs" <<'PY'
import re, statistics, sys
phases = [list(map(float, line.split())) for line in open(sys.argv[1])]
med = lambda values: statistics.median(list(values))
read, compute, both = med(p[0] for p in phases), med(p[1] for p in phases), med(p[0] + p[1] for p in phases)
read_cpu, compute_cpu, both_cpu = med(p[3] for p in phases), med(p[4] for p in phases), med(p[3] + p[4] for p in phases)
text = open(sys.argv[2]).read()
wall = {m.group(1): float(m.group(2)) for m in re.finditer(r"^(.*?): median ([0-9.]+) s,", text, re.M)}
cpu = {m.group(1): float(m.group(2)) for m in re.finditer(r"^(.*?): CPU \(user \+ system\) median ([0-9.]+) s", text, re.M)}
names = ("maillage init+import (4 processes)", "maillage access e2sfca --db", "maillage access e2sfca --zones --sites --matrix-file")
pysal = wall["PySAL read+compute+write"]
(imp, db, files), (imp_cpu, db_cpu, files_cpu) = (wall[n] for n in names), (cpu[n] for n in names)
print(f"PySAL in-process medians: read {read:.3f} s, compute {compute:.3f} s, read+compute {both:.3f} s (whole process {pysal:.3f} s); "
      f"CPU: read {read_cpu:.3f} s, compute {compute_cpu:.3f} s")
print(f"access --db vs PySAL compute alone: {compute / db:.1f}x by wall medians, {compute_cpu / db_cpu:.1f}x by CPU  (target >= 20x)")
print(f"access --zones --sites --matrix-file vs PySAL read+compute: {both / files:.1f}x by wall, {both_cpu / files_cpu:.1f}x by CPU  (target >= 5x); "
      f"vs PySAL's whole process: {pysal / files:.1f}x")
print(f"init+import then access --db vs PySAL read+compute: {both / (imp + db):.1f}x by wall, {both_cpu / (imp_cpu + db_cpu):.1f}x by CPU; "
      f"vs PySAL's whole process: {pysal / (imp + db):.1f}x")
pairs = int(sys.argv[3])
print(f"import matrix: {pairs} pairs, {pairs / wall['maillage import matrix'] / 1e6:.2f} M pairs/s by the wall median, "
      f"{pairs / cpu['maillage import matrix'] / 1e6:.2f} M pairs/s by CPU (whole process)  (target >= 3 M pairs/s)")
PY
fi
peak() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1; }
echo "peak memory (KiB): access --db $(peak "${access_db[@]}"), access --matrix-file $(peak "${access_files[@]}")," \
  "import matrix $(peak "$BIN" import matrix "$data/times.csv" --db "$data/m.db" --name road -q)"
