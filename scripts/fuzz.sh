#!/usr/bin/env bash
# Fuzzes every importer with libFuzzer: scripts/fuzz.sh [SECONDS_PER_TARGET] (default 60).
#
# Builds the package fuzz/ (one executable per format, Swift compiled with
# -sanitize=fuzzer,address) into .build-fuzz, then runs the targets one after the other, each for
# SECONDS_PER_TARGET seconds, and prints the executions and the crashes of each.
#
# Seeds: small slices of the real files of ../shared/data (the first lines of each, copied at
# run time into .build-fuzz, never committed), plus the committed corpus Tests/FuzzCorpus/<format>
# (hand-written seeds and every input that once crashed, which the Swift tests replay).
# The corpus libFuzzer grows is kept in .build-fuzz/fuzz/corpus/<format>, so later runs start
# where earlier ones stopped. Crashing inputs land in .build-fuzz/fuzz/artifacts/<format>.
#
# libFuzzer stops at the first crash; the target is then started again for the time left, so a
# budget can find several. Leak reports are off (-detect_leaks=0, and ASAN_OPTIONS for the
# check at exit): the toolchain's Foundation leaks small buffers (see
# scripts/lsan-suppressions.txt), and a leak is not a crash.
#
# Environment: FUZZ_TARGETS="finess matrix" runs only those (FUZZ_TARGETS=" " only builds); FUZZ_NO_BUILD=1 skips the build;
# SHARED_DATA (default ../shared/data); FUZZ_TIMEOUT seconds per input (default 30);
# FUZZ_RSS_MB memory limit (default 2048). Exit status 1 when any target crashed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${1:-60}
data=${SHARED_DATA:-../shared/data}
scratch=$root/.build-fuzz
work=$scratch/fuzz
all_targets="finess actors zones-csv zones-geojson links population supply-counts matrix matrix-read emergency scenario sim-parameters sim-events comparison-shard osrm-table travel-matrix calibration-spec sensitivity-ranges geopackage calibration-shard sensitivity-shard"
targets=${FUZZ_TARGETS:-$all_targets}

[[ $seconds =~ ^[0-9]+$ && $seconds -gt 0 ]] || { echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET]" >&2; exit 64; }
for format in $targets; do
  [[ " $all_targets " == *" $format "* ]] || { echo "unknown target $format; targets: $all_targets" >&2; exit 64; }
done

# finess → MaillageFuzzFiness, zones-csv → MaillageFuzzZonesCSV, sim-events → MaillageFuzzSimEvents.
binary() {
  local name=""
  local part
  for part in ${1//-/ }; do
    case $part in
      csv) name+=CSV ;;
      geojson) name+=GeoJSON ;;
      *) name+=${part^} ;;
    esac
  done
  echo "$scratch/release/MaillageFuzz$name"
}

# `--sanitize=fuzzer` makes SwiftPM link libFuzzer's main instead of a Swift one, and adds
# coverage to C code (SQLite's is the system's, not rebuilt). The Swift flag must be one
# `-sanitize=fuzzer,address`: given `--sanitize=fuzzer --sanitize=address`, swiftc keeps only
# the last `-sanitize=`, in an order that changes from build to build, and compiles without
# coverage or without ASan. `-Xswiftc` comes after SwiftPM's own flags, so it wins.
build() {
  echo "== building fuzz targets into .build-fuzz (release, -sanitize=fuzzer,address)"
  # MAILLAGE_FUZZ_PRODUCTS=1: the main package exports MaillageFuzzFormats only when asked (Package.swift).
  (cd fuzz && MAILLAGE_FUZZ_PRODUCTS=1 swift build -c release --scratch-path "$scratch" --sanitize=fuzzer \
    -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=address -Xswiftc -parse-as-library)
}

# slice FORMAT FILE LINES: the first LINES lines of a shared data file, as a seed.
slice() {
  local source=$data/$2
  if [[ -f $source ]]; then
    head -n "$3" "$source" > "$work/seeds/$1/$(basename "${2%.*}")-$3.${2##*.}"
  else
    echo "   (seed $2 missing: $source)" >&2
  fi
}

# GeoJSON seeds: the first features of each boundary file, rings cut to 30 points and closed.
geojson_seeds() {
  local file
  for file in "$data"/communes/boundaries/*.geojson; do
    [[ -f $file ]] || continue
    python3 - "$file" "$work/seeds/zones-geojson/$(basename "$file")" <<'PY'
import json, sys
source, target = sys.argv[1], sys.argv[2]
with open(source) as f:
    collection = json.load(f)
def cut(ring):
    ring = ring[:30]
    return ring + [ring[0]] if ring and ring[-1] != ring[0] else ring
def shrink(geometry):
    if geometry["type"] == "Polygon":
        geometry["coordinates"] = [cut(ring) for ring in geometry["coordinates"][:2]]
    elif geometry["type"] == "MultiPolygon":
        geometry["coordinates"] = [[cut(ring) for ring in polygon[:2]] for polygon in geometry["coordinates"][:2]]
    return geometry
features = collection["features"][:3]
for feature in features:
    feature["geometry"] = shrink(feature["geometry"])
collection["features"] = features
with open(target, "w") as f:
    json.dump(collection, f)
PY
  done
}

seed() {
  rm -rf "$work/seeds"
  mkdir -p "$work/seeds"
  local format
  for format in $all_targets; do mkdir -p "$work/seeds/$format"; done
  slice finess finess/etalab_cs1100507_stock_occitanie5.csv 200
  slice finess finess/etalab_cs1100507_stock_occitanie5.csv 12
  slice finess finess/finess_occitanie5_flat.csv 100
  slice finess finess/finess_occitanie5_flat.csv 8
  slice finess finess/etalab_flat_ain_sample.csv 40
  slice finess finess/etalab_flat_ain_sample.csv 5
  slice actors hospitals/eurostat_healthcare_FR.csv 100
  slice actors hospitals/eurostat_healthcare_FR.csv 6
  slice zones-csv communes/communes_france_population_points.csv 200
  slice zones-csv communes/communes_france_population_points.csv 10
  slice zones-csv communes/communes_occitanie5_attributes.csv 100
  slice zones-csv communes/communes_occitanie5_pop_coords.csv 100
  slice zones-csv communes/communes_occitanie5_pop_coords.csv 6
  geojson_seeds
  slice population communes/donnees_communes.csv 200
  slice population communes/donnees_communes.csv 10
  slice population population/grille_densite_4niv_occitanie5.csv 100
  slice population communes/communes_france_population_points.csv 10
  slice supply-counts gp/sirene2019_etab_sante_par_commune_occitanie5.csv 200
  slice supply-counts gp/sirene2019_etab_sante_par_commune_occitanie5.csv 10
  slice matrix travel-times/osrm_correze_partial.csv 300
  slice matrix travel-times/osrm_correze_partial.csv 10
  slice emergency emergency/URGENCES_2020.csv 200
  slice emergency emergency/URGENCES_2020.csv 10
  slice emergency emergency/finess_activites_soins_occitanie5.csv 100
  slice emergency emergency/finess_activites_soins_occitanie5.csv 6
  slice emergency emergency/URGENCES2_2020.csv 20
  cp data/simulation-parameters.json "$work/seeds/sim-parameters/"
}

# run FORMAT: fuzz one target for $seconds, restarting after each crash while time is left.
run() {
  local format=$1 bin
  bin=$(binary "$format")
  [[ -x $bin ]] || { echo "missing $bin (build failed?)" >&2; return 1; }
  local corpus=$work/corpus/$format artifacts=$work/artifacts/$format logs=$work/logs/$format
  local tmp=$work/tmp
  # SQLite syncs on every commit; on a RAM disk that costs nothing.
  [[ -d /dev/shm && -w /dev/shm ]] && tmp=/dev/shm/maillage-fuzz-$$
  mkdir -p "$corpus" "$artifacts" "$logs" "$tmp"
  rm -f "$logs"/*.log
  local before executions=0 runs=0 start now left previous_unit=""
  before=$(find "$artifacts" -type f | wc -l)
  start=$(date +%s)
  left=$seconds
  while (( left > 0 && runs < 50 )); do
    runs=$((runs + 1))
    local log=$logs/run-$runs.log
    # New units go to the first folder; the seeds and the committed corpus are read only.
    # The Swift runtime's own backtracer would run after a trap and trip ASan; libFuzzer reports it.
    TMPDIR=$tmp SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0:${ASAN_OPTIONS:-} "$bin" -max_total_time="$left" -print_final_stats=1 -detect_leaks=0 \
      -timeout="${FUZZ_TIMEOUT:-30}" -rss_limit_mb="${FUZZ_RSS_MB:-2048}" \
      -artifact_prefix="$artifacts/" \
      "$corpus" "$work/seeds/$format" "$root/Tests/FuzzCorpus/$format" > "$log" 2>&1 || true
    local count
    count=$(awk '/^stat::number_of_executed_units:/ {n = $2} END {print n + 0}' "$log")
    executions=$((executions + count))
    grep -q "^Done [0-9]* runs" "$log" && break  # budget used up without a crash
    local unit
    unit=$(sed -n 's/.*Test unit written to //p' "$log" | tail -n 1)
    if [[ -z $unit ]]; then
      echo "   $format: libFuzzer stopped without a crash report, see $log" >&2
      break
    fi
    # The same input twice running: it is in the corpus (a committed crash not fixed yet?).
    if [[ $unit == "${previous_unit:-}" ]]; then
      echo "   $format: $unit crashes at every start (in the corpus?); stopping" >&2
      break
    fi
    previous_unit=$unit
    now=$(date +%s)
    left=$((seconds - (now - start)))
  done
  rm -rf "$tmp"
  local crashes total_found
  total_found=$(find "$artifacts" -type f | wc -l)
  crashes=$((total_found - before))
  local elapsed=$(( $(date +%s) - start ))
  printf '%-16s %10d %8d %6d %7d %8d\n' "$format" "$executions" "$elapsed" "$runs" "$crashes" \
    "$(find "$corpus" -type f | wc -l)" | tee -a "$work/summary.txt"
  if (( crashes > 0 )); then
    find "$artifacts" -type f -newermt "@$start" | sed "s|^|   found: |"
    echo "   replay: $bin ARTIFACT"
  fi
  return 0
}

[[ ${FUZZ_NO_BUILD:-0} == 1 ]] || build
[[ -d $data ]] || echo "warning: $data missing: only the committed seeds are used" >&2
seed
mkdir -p "$work"
: > "$work/summary.txt"
echo "== fuzzing $seconds s per target ($(date -u +%FT%TZ))"
printf '%-16s %10s %8s %6s %7s %8s\n' target executions seconds runs crashes corpus
failed=0
for format in $targets; do
  run "$format"
done
if awk '$5 > 0 {found = 1} END {exit !found}' "$work/summary.txt"; then
  failed=1
  echo "== crashes found: inputs in $work/artifacts/<target>; add each to Tests/FuzzCorpus/<target> once fixed"
fi
exit $failed
