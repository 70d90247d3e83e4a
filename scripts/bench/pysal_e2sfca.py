"""E2SFCA with PySAL access on the fixture layout, end to end (read CSV, compute, write CSV).

With PHASES=FILE in the environment, appends one line "read compute write read_cpu
compute_cpu" (seconds: wall time from time.perf_counter and CPU time from time.process_time,
inside the process, after Python and the packages have loaded).
"""
import os
import sys
import time
import pandas as pd
from access import Access, weights

folder, out = sys.argv[1], sys.argv[2]
start, start_cpu = time.perf_counter(), time.process_time()
zones = pd.read_csv(f"{folder}/zones.csv")
sites = pd.read_csv(f"{folder}/sites.csv")
times = pd.read_csv(f"{folder}/times.csv")
read, read_cpu = time.perf_counter(), time.process_time()
A = Access(demand_df=zones, demand_index="zone_id", demand_value="population",
           supply_df=sites, supply_index="site_id", supply_value="capacity",
           cost_df=times, cost_origin="origin_id", cost_dest="destination_id", cost_name="minutes")
A.enhanced_two_stage_fca(name="e2sfca", weight_fn=weights.step_fn({10: 1, 20: 0.68, 30: 0.22}))
computed, computed_cpu = time.perf_counter(), time.process_time()
A.access_df.to_csv(out)
written = time.perf_counter()
if os.environ.get("PHASES"):
    with open(os.environ["PHASES"], "a") as log:
        log.write(f"{read - start} {computed - read} {written - computed} {read_cpu - start_cpu} {computed_cpu - read_cpu}\n")
