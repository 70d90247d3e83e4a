#!/usr/bin/env bash
# One share of a comparison, as a Slurm job-array task: task I of N runs `maillage compare
# --shard I/N`. Submit it with submit-slurm.sh (which also queues the merge), or by hand:
#
#   sbatch --array=1-50 scripts/cluster/slurm-compare.sh RESULTS base.yaml alternative.yaml …
#
# RESULTS and the scenario files (and the territory databases they name) must be on a file
# system every node sees. Each task writes RESULTS/shards/shard-I-of-N.json; a task that
# fails can be rerun alone (`sbatch --array=17 …`): shards do not depend on each other.
#SBATCH --job-name=maillage-compare
#SBATCH --cpus-per-task=4
#SBATCH --mem=8G
#SBATCH --time=04:00:00
#SBATCH --output=maillage-compare-%A_%a.log
set -euo pipefail
results=${1:?usage: slurm-compare.sh RESULTS BASE.yaml ALT.yaml…}
shift
maillage=${MAILLAGE:-maillage}
index=${SLURM_ARRAY_TASK_ID:?run this as a Slurm job array (sbatch --array=1-N)}
# SLURM_ARRAY_TASK_COUNT is the number of tasks; arrays are numbered 1…N here.
count=${MAILLAGE_SHARDS:-${SLURM_ARRAY_TASK_COUNT:-${SLURM_ARRAY_TASK_MAX}}}
exec "$maillage" compare "$@" --shard "$index/$count" --threads "${SLURM_CPUS_PER_TASK:-1}" \
  --out "$results/shards" --quiet
