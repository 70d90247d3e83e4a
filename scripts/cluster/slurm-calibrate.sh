#!/usr/bin/env bash
# One share of a calibration's searches, as a Slurm job-array task: task I of N runs
# `maillage calibrate … --shard I/N` (the spec's `starts:` are dealt round robin). Submit it
# with `submit-slurm.sh --calibrate` (which also queues the merge), or by hand:
#
#   sbatch --array=1-8 scripts/cluster/slurm-calibrate.sh RESULTS --db t.db --targets spec.yaml
#
# RESULTS, the database and the spec must be on a file system every node sees (the merge reads
# them where the shards did). Each task writes RESULTS/shards/calibration-shard-I-of-N.json; a
# failed task can be rerun alone.
#SBATCH --job-name=maillage-calibrate
#SBATCH --cpus-per-task=2
#SBATCH --mem=8G
#SBATCH --time=08:00:00
#SBATCH --output=maillage-calibrate-%A_%a.log
set -euo pipefail
results=${1:?usage: slurm-calibrate.sh RESULTS CALIBRATE-ARGUMENTS…}
shift
maillage=${MAILLAGE:-maillage}
index=${SLURM_ARRAY_TASK_ID:?run this as a Slurm job array (sbatch --array=1-N)}
count=${MAILLAGE_SHARDS:-${SLURM_ARRAY_TASK_COUNT:-${SLURM_ARRAY_TASK_MAX}}}
exec "$maillage" calibrate "$@" --shard "$index/$count" --out "$results/shards" --quiet
