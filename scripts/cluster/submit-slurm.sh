#!/usr/bin/env bash
# Submits a sharded comparison to Slurm: N array tasks, then the merge when all succeeded.
#
#   scripts/cluster/submit-slurm.sh 50 /shared/results base.yaml sweep.yaml
#
# Then read /shared/results/comparison/ (comparison.csv, comparison.json, replications.csv,
# one GeoJSON per alternative). MAILLAGE may name the binary (default: maillage on PATH).
set -euo pipefail
shards=${1:?usage: submit-slurm.sh SHARDS RESULTS BASE.yaml ALT.yaml…}
results=${2:?usage: submit-slurm.sh SHARDS RESULTS BASE.yaml ALT.yaml…}
shift 2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$results/shards"
array=$(sbatch --parsable --array="1-$shards" --export=ALL,MAILLAGE_SHARDS="$shards" \
  "$here/slurm-compare.sh" "$results" "$@")
merge=$(sbatch --parsable --dependency="afterok:$array" "$here/slurm-merge.sh" "$results")
echo "array job $array ($shards shards), merge job $merge → $results/comparison"
