#!/usr/bin/env bash
# Held-out validation of the emergency part on real data: fit on SAE 2018, predict 2019
# (occitanie-emergency.yaml), and fit on the sites of 31 and 09, predict those of 32, 46 and 81
# (occitanie-regions.yaml, the region split). Each writes sites.csv and sites.geojson (per-site
# residuals, to map) and the per-site measures against the issue's goals in calibration.json.
#
# Builds the five-département Occitanie territory like scripts/build-occitanie.sh but WITHOUT
# `import emergency --visits` (which derives each department's daily capacity from SAE visits:
# validating against those visits would be circular), imports the observed SAE series of
# 2018 and 2019 (URGENCES2: PASSU, dtMCO…), then runs `maillage calibrate` with
# scripts/calibration/occitanie-emergency.yaml, then with occitanie-regions.yaml, then both splits
# again with the emergency choice model (occitanie-choice.yaml, occitanie-choice-regions.yaml).
# Usage: scripts/calibration/occitanie-holdout.sh [OUT_DIR]   (MAILLAGE=binary, SHARED_DATA=../shared/data)
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${SHARED_DATA:-../shared/data}
out=${1:-out/holdout}
maillage=${MAILLAGE:-.build/release/maillage}
[[ -x $maillage ]] || { echo "build first: scripts/build-release.sh (or MAILLAGE=.build/debug/maillage)" >&2; exit 66; }
[[ -d $data ]] || { echo "missing $data (the shared datasets)" >&2; exit 66; }
mkdir -p "$out"
db=$out/occitanie5-no-visits.db
if [[ ! -f $db ]]; then
  run() { "$maillage" "$@" --quiet; }
  "$maillage" init "$db.tmp" --name "Occitanie 5 (no SAE visit capacities)" --quiet
  run import zones "$data/communes/communes_occitanie5_attributes.csv" --db "$db.tmp" \
    --id-column code_insee --name-column nom --population-column population_2021 --density-column dens4_code
  run import population "$data/communes/communes_occitanie5_attributes.csv" --db "$db.tmp" \
    --id-column code_insee --population-column population_2021 \
    --age-pyramid "$data/population/pop_dep_sexe_age5_occitanie5_1975_2021.csv" --year 2021 --over75-column pct_75plus_rp2020
  run import finess "$data/finess/etalab_cs1100507_stock_occitanie5.csv" --db "$db.tmp"
  # Authorisations only (2018, the fit year): no --visits, so no capacity comes from the observed visits.
  # The short-stay unit's beds (LIT_UHCD, a resource) are the emergency choice's size; never the visits.
  run import emergency "$data/emergency/URGENCES_2020.csv" --db "$db.tmp" --year 2018 --smur "$data/emergency/SMURSAMU_2020.csv" \
    --short-stay-beds "$data/emergency/URGENCES2_2020.csv"
  run import supply-counts "$data/communes/communes_occitanie5_attributes.csv" --db "$db.tmp" \
    --kind gp --column gp_establishments_sirene_2019 --id-column code_insee
  run import observed "$data/emergency/URGENCES2_2020.csv" --db "$db.tmp" --year 2018 --year 2019
  mv "$db.tmp" "$db"; rm -f "$db.tmp-wal" "$db.tmp-shm"
fi
"$maillage" calibrate --db "$db" --targets scripts/calibration/occitanie-emergency.yaml --out "$out/fit"
"$maillage" calibrate --db "$db" --targets scripts/calibration/occitanie-regions.yaml --out "$out/fit-regions"
# The same two splits with the emergency choice model fitted per site (occitanie-choice.json's logit).
"$maillage" calibrate --db "$db" --targets scripts/calibration/occitanie-choice.yaml --out "$out/fit-choice"
"$maillage" calibrate --db "$db" --targets scripts/calibration/occitanie-choice-regions.yaml --out "$out/fit-choice-regions"
