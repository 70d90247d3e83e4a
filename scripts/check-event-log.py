"""Reads a `maillage simulate --event-log` CSV with pm4py and discovers its directly-follows graph.

Usage: python3 scripts/check-event-log.py LOG.csv
Prints the number of cases, events and directly-follows edges as JSON; exits 1 if pm4py
cannot read the log or finds no edge.
"""
import json
import sys

import pandas as pd
import pm4py

log = pd.read_csv(sys.argv[1], dtype={"case_id": str, "resource": str, "zone": str})
log["timestamp"] = pd.to_datetime(log["timestamp"], utc=True)
log = pm4py.format_dataframe(log, case_id="case_id", activity_key="activity", timestamp_key="timestamp")
dfg, start, end = pm4py.discover_dfg(log)
print(json.dumps({
    "cases": int(log["case:concept:name"].nunique()),
    "events": int(len(log)),
    "edges": len(dfg),
    "start_activities": sorted(start),
    "top_edge": list(max(dfg.items(), key=lambda item: item[1])[0]) if dfg else None,
}))
sys.exit(0 if dfg else 1)
