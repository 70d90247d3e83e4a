#!/usr/bin/env bash
# Runs a comparison as N shards in parallel processes on this machine, then merges them:
# the same path a cluster takes, for trying it out or for a big workstation.
#
#   scripts/cluster/local-shards.sh 4 out/sharded base.yaml alternative.yaml
set -euo pipefail
shards=${1:?usage: local-shards.sh SHARDS RESULTS BASE.yaml ALT.yaml…}
results=${2:?usage: local-shards.sh SHARDS RESULTS BASE.yaml ALT.yaml…}
shift 2
maillage=${MAILLAGE:-maillage}
threads=${THREADS:-1}
mkdir -p "$results/shards"
seq 1 "$shards" | xargs -P "$shards" -I{} "$maillage" compare "$@" --shard "{}/$shards" --threads "$threads" \
  --out "$results/shards" --quiet
"$maillage" merge "$results/shards" --out "$results/comparison"
