#!/usr/bin/env bash
# Merges the shards of a comparison, a sensitivity run or a calibration once every array task has finished
# (submit-slurm.sh queues it with --dependency=afterok) into RESULTS/FOLDER (default:
# comparison). The result is byte for byte what one machine writes.
#SBATCH --job-name=maillage-merge
#SBATCH --cpus-per-task=1
#SBATCH --mem=4G
#SBATCH --time=00:30:00
#SBATCH --output=maillage-merge-%j.log
set -euo pipefail
results=${1:?usage: slurm-merge.sh RESULTS [FOLDER]}
exec "${MAILLAGE:-maillage}" merge "$results/shards" --out "$results/${2:-comparison}"
