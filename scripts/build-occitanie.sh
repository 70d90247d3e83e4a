#!/usr/bin/env bash
# Builds out/occitanie5.db, the real test territory, from ../shared/data: the communes of
# Ariège, Haute-Garonne, Gers, Lot and Tarn with population, estimated age bands, density
# class and polygons; the FINESS establishments; emergency departments (SAE 2020); GP
# practices per commune (SIRENE 2019).
# Usage: scripts/build-occitanie.sh [OUT.db]   (MAILLAGE=path/to/maillage to choose the binary)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${SHARED_DATA:-../shared/data}
out=${1:-out/occitanie5.db}
maillage=${MAILLAGE:-.build/release/maillage}
[[ -x $maillage ]] || { echo "build first: scripts/build-release.sh" >&2; exit 66; }
[[ -d $data ]] || { echo "missing $data (the shared datasets)" >&2; exit 66; }

rm -f "$out" "$out-wal" "$out-shm"
run() { "$maillage" "$@" --quiet; }
"$maillage" init "$out" --name "Occitanie: Ariège, Haute-Garonne, Gers, Lot, Tarn" --quiet

# Zones: INSEE attributes (population 2021, density grid), then IGN polygons (2019 codes).
run import zones "$data/communes/communes_occitanie5_attributes.csv" --db "$out" \
  --id-column code_insee --name-column nom --population-column population_2021 --density-column dens4_code
for file in "$data"/communes/boundaries/communes-*.geojson; do
  run import zones "$file" --db "$out" --id-column code
done
# Age bands: each département's 2021 pyramid, scaled to the commune and to its 75+ share.
run import population "$data/communes/communes_occitanie5_attributes.csv" --db "$out" \
  --id-column code_insee --population-column population_2021 \
  --age-pyramid "$data/population/pop_dep_sexe_age5_occitanie5_1975_2021.csv" --year 2021 --over75-column pct_75plus_rp2020

# Establishments, emergency departments and mobile units, GP practices.
run import finess "$data/finess/etalab_cs1100507_stock_occitanie5.csv" --db "$out"
run import emergency "$data/emergency/URGENCES_2020.csv" --db "$out" --year 2020 \
  --visits "$data/emergency/URGENCES2_2020.csv" --smur "$data/emergency/SMURSAMU_2020.csv"
run import supply-counts "$data/communes/communes_occitanie5_attributes.csv" --db "$out" \
  --kind gp --column gp_establishments_sirene_2019 --id-column code_insee

"$maillage" info "$out"
