#!/usr/bin/env bash
# Submits a sharded sweep to Slurm: N array tasks, then the merge when all succeeded.
#
#   scripts/cluster/submit-slurm.sh 50 /shared/results base.yaml sweep.yaml
#   scripts/cluster/submit-slurm.sh --sensitivity 50 /shared/results --db t.db --ranges r.yaml --method sobol
#   scripts/cluster/submit-slurm.sh --calibrate 8 /shared/results --db t.db --targets spec.yaml
#
# A comparison (the default) ends in RESULTS/comparison/ (comparison.csv, comparison.json,
# replications.csv, one GeoJSON per alternative); a sensitivity run (every argument after
# RESULTS goes to `maillage sensitivity`) in RESULTS/sensitivity/, a calibration (the spec's
# `starts:` shared out; arguments to `maillage calibrate`) in RESULTS/calibration/. Each is byte
# for byte what one machine writes (provenance.json apart). MAILLAGE may name the binary (default: maillage
# on PATH); MAILLAGE_SBATCH_OPTIONS adds sbatch options to every job (e.g. a partition, or
# "--cpus-per-task=1 --mem=1G" on a small machine), overriding the scripts' #SBATCH lines.
# Prints the array job's and the merge job's ids on its last line.
set -euo pipefail
kind=compare
case "${1:-}" in
  --sensitivity) kind=sensitivity; shift ;;
  --calibrate) kind=calibrate; shift ;;
esac
usage="usage: submit-slurm.sh [--sensitivity|--calibrate] SHARDS RESULTS ARGUMENTS…"
shards=${1:?$usage}
results=${2:?$usage}
shift 2
here=$(cd "$(dirname "$0")" && pwd)
read -r -a extra <<< "${MAILLAGE_SBATCH_OPTIONS:-}"
mkdir -p "$results/shards"
array=$(sbatch --parsable "${extra[@]}" --array="1-$shards" --export=ALL,MAILLAGE_SHARDS="$shards" \
  "$here/slurm-$kind.sh" "$results" "$@")
case $kind in compare) folder=comparison ;; sensitivity) folder=sensitivity ;; *) folder=calibration ;; esac
merge=$(sbatch --parsable "${extra[@]}" --kill-on-invalid-dep=no --dependency="afterok:$array" \
  "$here/slurm-merge.sh" "$results" "$folder")
echo "array job $array ($shards shards), merge job $merge → $results/$folder"
