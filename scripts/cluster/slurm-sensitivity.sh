#!/usr/bin/env bash
# One share of a sensitivity analysis, as a Slurm job-array task: task I of N runs
# `maillage sensitivity … --shard I/N`. Submit it with `submit-slurm.sh --sensitivity` (which
# also queues the merge), or by hand:
#
#   sbatch --array=1-50 scripts/cluster/slurm-sensitivity.sh RESULTS --db t.db --ranges r.yaml --method sobol
#
# RESULTS, the database and the ranges file must be on a file system every node sees. Each
# task writes RESULTS/shards/sensitivity-shard-I-of-N.json; a failed task can be rerun alone.
#SBATCH --job-name=maillage-sensitivity
#SBATCH --cpus-per-task=4
#SBATCH --mem=8G
#SBATCH --time=04:00:00
#SBATCH --output=maillage-sensitivity-%A_%a.log
set -euo pipefail
results=${1:?usage: slurm-sensitivity.sh RESULTS SENSITIVITY-ARGUMENTS…}
shift
maillage=${MAILLAGE:-maillage}
index=${SLURM_ARRAY_TASK_ID:?run this as a Slurm job array (sbatch --array=1-N)}
count=${MAILLAGE_SHARDS:-${SLURM_ARRAY_TASK_COUNT:-${SLURM_ARRAY_TASK_MAX}}}
exec "$maillage" sensitivity "$@" --shard "$index/$count" --threads "${SLURM_CPUS_PER_TASK:-1}" \
  --out "$results/shards" --quiet
