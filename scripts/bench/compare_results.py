"""Largest relative difference between Maillage's and PySAL's E2SFCA results (NaN must match)."""
import sys
import math
import pandas as pd
ours = pd.read_csv(sys.argv[1]).set_index("zone_id")["e2sfca"]
theirs = pd.read_csv(sys.argv[2]).set_index("zone_id")
column = [c for c in theirs.columns if c.startswith("e2sfca")][0]
theirs = theirs[column]
worst, nan_mismatch = 0.0, 0
for zone, value in theirs.items():
    mine = ours.get(zone)
    if math.isnan(value) != math.isnan(mine):
        nan_mismatch += 1
    elif not math.isnan(value):
        worst = max(worst, abs(mine - value) / max(abs(value), 1e-300))
print(f"zones {len(theirs)}, NaN mismatches {nan_mismatch}, largest relative difference {worst:.3g}")
sys.exit(0 if nan_mismatch == 0 and worst < 1e-9 else 1)
