#!/usr/bin/env bash
# Why simulate stores its values in key order: scripts/reliability/simulation-value-order.sh ZONES ORDER
# inserts ZONES x 76 rows into simulation_value's schema (WAL, one transaction) by indicator
# (ORDER=column, as simulate did before) or by zone (ORDER=row), in a scratch file under $TMPDIR,
# and prints the table's size. Time it: /usr/bin/time -f "%U %S %O" scripts/reliability/simulation-value-order.sh 50000 column
set -euo pipefail
zones=$1; order=$2; db=${TMPDIR:-/tmp}/simulation-value-order-$$.db
rm -f $db $db-wal $db-shm
if [[ $order == column ]]; then by="c, z"; else by="z, c"; fi
sqlite3 $db <<SQL
PRAGMA journal_mode=WAL;
CREATE TABLE simulation_value (run_id INTEGER NOT NULL, scope TEXT NOT NULL, subject_id TEXT NOT NULL, replication INTEGER NOT NULL, name TEXT NOT NULL, value REAL, ci_low REAL, ci_high REAL, PRIMARY KEY (run_id, scope, subject_id, replication, name)) WITHOUT ROWID;
CREATE TEMP TABLE zs(z INTEGER PRIMARY KEY); CREATE TEMP TABLE cs(c INTEGER PRIMARY KEY);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < $zones) INSERT INTO zs SELECT i FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 76) INSERT INTO cs SELECT i FROM n;
BEGIN;
INSERT INTO simulation_value SELECT 1, 'zone', printf('Z%06d', z), 0, printf('indicator_name_%02d', c), z * 0.001 + c, NULL, NULL FROM zs, cs ORDER BY $by;
COMMIT;
SQL
ls -la $db | awk '{print "db bytes", $5}'
rm -f $db $db-wal $db-shm
