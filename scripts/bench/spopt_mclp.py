"""Exact MCLP optimum with PySAL spopt + CBC on the pairs Maillage wrote (same travel times)."""
import sys
import time
import numpy as np
import pandas as pd
import pulp
from spopt.locate import MCLP

pairs_file, p, limit = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
pairs = pd.read_csv(pairs_file)
population = np.loadtxt(pairs_file + ".population")
zones, sites = len(population), int(pairs["site"].max()) + 1
cost = np.full((zones, sites), 10_000.0)  # absent pair: unreachable
cost[pairs["zone"].to_numpy(), pairs["site"].to_numpy()] = pairs["minutes"].to_numpy()
start = time.time()
mclp = MCLP.from_cost_matrix(cost, population, limit, p_facilities=p).solve(pulp.PULP_CBC_CMD(msg=False))
print(f"spopt optimum {pulp.value(mclp.problem.objective)} in {time.time() - start:.2f} s")
