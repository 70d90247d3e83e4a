#!/usr/bin/env bash
# Runs submit-slurm.sh end to end on a real single-node Slurm started for the occasion, and
# checks that the cluster's results are byte for byte the one-machine results.
#
#   MAILLAGE=.build/debug/maillage scripts/cluster/test-slurm.sh [WORK-DIR]
#
# Starts slurmctld and slurmd (Debian's slurm-wlm, installed by `scripts/install-deps.sh
# --test`) on loopback with AuthType=auth/none and CredType=cred/none, so neither munge nor a
# key is needed, under a private configuration, state and ports in WORK-DIR; the daemons are
# stopped on every exit path. Then, on a small generated territory:
#   1. a comparison as 3 array tasks + the merge job, against `maillage compare` on one machine;
#   2. a sensitivity run (Morris) as 3 array tasks + merge, against one `maillage sensitivity`;
#   3. a calibration (3 starts) as 2 array tasks + merge, against one `maillage calibrate`;
#   4. a comparison whose task 2 fails once: the merge job never runs; task 2 alone is
#      resubmitted (`sbatch --array=2 …`), then the merge, and the result is the same bytes.
# Prints "slurm test: passed" at the end; any difference or failure exits non-zero.
set -euo pipefail
maillage=$(realpath "${MAILLAGE:?set MAILLAGE to the maillage binary}")
here=$(cd "$(dirname "$0")" && pwd)
work=$(realpath -m "${1:-$(mktemp -d /tmp/maillage-slurm-XXXXXX)}")
mkdir -p "$work"
for tool in slurmctld slurmd sbatch squeue scontrol; do
    command -v "$tool" > /dev/null || { echo "slurm test: $tool is missing (scripts/install-deps.sh --test installs slurm-wlm)" >&2; exit 69; }
done

# Ports free on this machine (two tests may run at once).
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
port2=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$work/state" "$work/spool" "$work/logs"
host=$(hostname -s)
cat > "$work/slurm.conf" <<CONF
ClusterName=maillage-test
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$port2
AuthType=auth/none
CredType=cred/none
SlurmUser=$(id -un)
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/logs/slurmctld.log
SlurmdLogFile=$work/logs/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
MinJobAge=600
SchedulerParameters=defer_batch=0
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=2000 State=UNKNOWN
PartitionName=maillage Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$work/slurm.conf"

stop() {
    # Every process started with this configuration: the two daemons and any step they left.
    mine() { pgrep -f -- "$work/slurm.conf" || true; }
    for pid in $(mine); do kill "$pid" 2> /dev/null || true; done
    for _ in $(seq 1 50); do
        [ -z "$(mine)" ] && return 0
        sleep 0.2
    done
    for pid in $(mine); do kill -9 "$pid" 2> /dev/null || true; done
    sleep 0.5
}
trap stop EXIT
slurmctld -f "$SLURM_CONF" -i
slurmd -f "$SLURM_CONF" -N "$host"
for _ in $(seq 1 60); do
    sinfo -h -o %T 2> /dev/null | grep -qE '^(idle|mixed)' && break
    sleep 1
done
sinfo -h -o %T | grep -qE '^(idle|mixed)' || { echo "slurm test: the node never came up" >&2; tail -20 "$work/logs/"*.log >&2; exit 1; }

# The state of a job (or of every task of an array).
state() { scontrol show job "$1" -o 2> /dev/null | grep -o 'JobState=[A-Z_]*' | cut -d= -f2 | sort -u | tr '\n' ' '; }
# Waits until no job of the ids given is pending or running.
settle() {
    for _ in $(seq 1 600); do
        if [ -z "$(squeue -h -j "$(IFS=,; echo "$*")" -t PENDING,RUNNING,CONFIGURING,COMPLETING 2> /dev/null | grep -v DependencyNeverSatisfied)" ]; then return 0; fi
        sleep 1
    done
    echo "slurm test: jobs $* still running after 10 minutes" >&2; squeue >&2; exit 1
}
# Every file of a results folder but provenance.json, with its checksum.
digest() { (cd "$1" && find . -type f ! -name provenance.json | sort | xargs sha256sum); }
same() {
    if ! diff <(digest "$1") <(digest "$2") > "$work/diff.txt"; then
        echo "slurm test: $1 differs from $2:" >&2; cat "$work/diff.txt" >&2; exit 1
    fi
    echo "slurm test: $(digest "$1" | wc -l) files of $1 equal the one-machine results"
}
# Submits through submit-slurm.sh, shows its line, and sets $array and $merge to the job ids.
submit() {
    local line
    line=$("$here/submit-slurm.sh" "$@")
    echo "$line"
    read -r array merge < <(echo "$line" | sed -n 's/^array job \([0-9]*\) .*merge job \([0-9]*\).*/\1 \2/p')
}

cd "$work"
export MAILLAGE="$maillage" MAILLAGE_SBATCH_OPTIONS="--cpus-per-task=1 --mem=200M --time=00:20:00"
"$maillage" generate --zones 40 --population 30000 --seed 7 --out "$work/t.db" -q
cat > base.yaml <<YAML
territory: $work/t.db
name: base
days: 30
replications: 3
indicators:
  - {method: nearest, kind: gp}
YAML
sed 's/^name: base/name: closure/' base.yaml > closure.yaml
gp=$("$maillage" export actors --db t.db --out actors.csv > /dev/null && sed -n 's/^\(gp-[^,]*\),.*/\1/p' actors.csv | head -1)
printf 'changes:\n  - close: %s\n' "$gp" >> closure.yaml

# 1. A comparison.
"$maillage" compare base.yaml closure.yaml --out one/comparison --quiet
submit 3 cluster base.yaml closure.yaml
settle "$array" "$merge"
[ "$(state "$array")" = "COMPLETED " ] && [ "$(state "$merge")" = "COMPLETED " ] \
    || { echo "slurm test: comparison jobs ended $(state "$array")/$(state "$merge")" >&2; cat maillage-*.log >&2; exit 1; }
same cluster/comparison one/comparison

# 2. A sensitivity run.
cat > ranges.yaml <<YAML
parameters:
  - {name: gp.acute_to_emergency_without_slot, range: [0.1, 0.6], observed: false}
  - {name: gp.tolerance_acute_days, range: [1, 4], integer: true, observed: false}
YAML
arguments=(--db "$work/t.db" --ranges "$work/ranges.yaml" --method morris --trajectories 3 --days 20)
"$maillage" sensitivity "${arguments[@]}" --out one/sensitivity --quiet > one-sensitivity.txt
submit --sensitivity 3 sensitivity "${arguments[@]}"
settle "$array" "$merge"
[ "$(state "$array")" = "COMPLETED " ] && [ "$(state "$merge")" = "COMPLETED " ] \
    || { echo "slurm test: sensitivity jobs ended $(state "$array")/$(state "$merge")" >&2; cat maillage-*.log >&2; exit 1; }
same sensitivity/sensitivity one/sensitivity

# 3. A calibration: its three starts on two array tasks.
printf 'scope,subject_id,series,year,value\nterritory,t,ed_per_inhabitant,2018,0.3\n' > observed.csv
"$maillage" import observed observed.csv --db "$work/t.db" -q
cat > spec.yaml <<YAML
parameters:
  - {name: needs.acute_urgent.rate_per_year, scale: [0.5, 2.0]}
targets:
  - {name: visits, indicator: emergency_visits_per_inhabitant, series: ed_per_inhabitant, scope: territory}
fit_year: 2018
simulation: {days: 20, seed: 1, replications: 1, sample: 0.2}
max_evaluations: 5
starts: 3
YAML
"$maillage" calibrate --db "$work/t.db" --targets "$work/spec.yaml" --out one/calibration --quiet > one-calibration.txt
submit --calibrate 2 calibrate --db "$work/t.db" --targets "$work/spec.yaml"
settle "$array" "$merge"
[ "$(state "$array")" = "COMPLETED " ] && [ "$(state "$merge")" = "COMPLETED " ] \
    || { echo "slurm test: calibration jobs ended $(state "$array")/$(state "$merge")" >&2; cat maillage-*.log >&2; exit 1; }
same calibrate/calibration one/calibration

# 4. Task 2 fails once; it is rerun alone, then the merge.
cat > flaky <<SH
#!/bin/sh
if [ "\$SLURM_ARRAY_TASK_ID" = 2 ] && rm "$work/fail-once" 2> /dev/null; then echo "task 2 fails on purpose" >&2; exit 3; fi
exec "$maillage" "\$@"
SH
chmod +x flaky
touch fail-once
MAILLAGE="$work/flaky" submit 3 rerun base.yaml closure.yaml
settle "$array" "$merge"
[ "$(state "${array}_2")" = "FAILED " ] || { echo "slurm test: task 2 should have failed: $(state "${array}_2")" >&2; exit 1; }
[ "$(state "$merge")" != "COMPLETED " ] || { echo "slurm test: the merge ran after a failed task" >&2; exit 1; }
[ ! -e rerun/comparison ] || { echo "slurm test: a comparison was written after a failed task" >&2; exit 1; }
scancel "$merge" 2> /dev/null || true
ls rerun/shards > rerun-before.txt
rerun=$(sbatch --parsable $MAILLAGE_SBATCH_OPTIONS --array=2 --export=ALL,MAILLAGE_SHARDS=3 \
    "$here/slurm-compare.sh" rerun base.yaml closure.yaml)
merge=$(sbatch --parsable $MAILLAGE_SBATCH_OPTIONS --dependency="afterok:$rerun" "$here/slurm-merge.sh" rerun)
settle "$rerun" "$merge"
[ "$(state "$merge")" = "COMPLETED " ] || { echo "slurm test: the merge after the rerun ended $(state "$merge")" >&2; exit 1; }
echo "slurm test: task 2 failed, was rerun alone ($(wc -l < rerun-before.txt) shards were kept), then merged"
same rerun/comparison one/comparison
echo "slurm test: passed"
