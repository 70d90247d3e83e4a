"""The peer of `maillage locate` on a benchmark instance: PySAL spopt + CBC (MCLP, p-median)
or a PuLP/CBC capacitated formulation, reading the same zones, candidates and matrix files.

Absent pairs are unreachable: for MCLP they cover nobody; for p-median they cost
max(1, 2 x the longest time in the matrix) a person, as Maillage charges a zone no open site
reaches (so both objectives are the same function of the chosen sites).
Prints one JSON line: model, objective, solve seconds (model build + CBC), total seconds.
Usage: locate_peer.py DIR mclp|pmedian|capacitated-pmedian|capacitated-mclp P [LIMIT] [PEOPLE_PER_FTE]
"""
import json
import sys
import time

start = time.time()
import numpy as np
import pandas as pd
import pulp
from spopt.locate import MCLP, PMedian

folder, model, p = sys.argv[1], sys.argv[2], int(sys.argv[3])
limit = float(sys.argv[4]) if len(sys.argv) > 4 else None
per_fte = float(sys.argv[5]) if len(sys.argv) > 5 else 1.0
zones = pd.read_csv(f"{folder}/zones.csv", dtype={"id": str})
actors = pd.read_csv(f"{folder}/actors.csv", dtype={"id": str})
matrix = pd.read_csv(f"{folder}/matrix.csv", dtype={"origin_id": str, "destination_id": str})
zone_index = {z: i for i, z in enumerate(zones["id"])}
site_index = {s: j for j, s in enumerate(actors["id"])}
rows = matrix["origin_id"].map(zone_index).to_numpy()
cols = matrix["destination_id"].map(site_index).to_numpy()
minutes = matrix["minutes"].to_numpy(dtype=float)
weights = zones["population"].to_numpy(dtype=float)
penalty = max(1.0, 2 * minutes.max())
solver = pulp.PULP_CBC_CMD(msg=False)
solve_start = time.time()
if model in ("mclp", "pmedian"):
    cost = np.full((len(zones), len(actors)), 1e6 if model == "mclp" else penalty)
    cost[rows, cols] = minutes
    if model == "mclp":
        solved = MCLP.from_cost_matrix(cost, weights, limit, p_facilities=p).solve(solver)
    else:
        solved = PMedian.from_cost_matrix(cost, weights, p_facilities=p).solve(solver)
    objective = pulp.value(solved.problem.objective)
else:
    # Divisible demand, unassigned people at `penalty` (p-median) or not covered (MCLP).
    capacity = actors["capacity.fte"].to_numpy(dtype=float) * per_fte
    keep = minutes <= limit if model == "capacitated-mclp" else np.ones(len(minutes), bool)
    prob = pulp.LpProblem("c", pulp.LpMinimize)
    y = [pulp.LpVariable(f"y{j}", cat="Binary") for j in range(len(actors))]
    u = [pulp.LpVariable(f"u{i}", lowBound=0, upBound=1) for i in range(len(zones))]
    x = {(int(i), int(j)): (pulp.LpVariable(f"x{i}_{j}", lowBound=0, upBound=1), float(t))
         for i, j, t in zip(rows[keep], cols[keep], minutes[keep])}
    unit = 1.0 if model == "capacitated-mclp" else penalty
    arc = (lambda t: 0.0) if model == "capacitated-mclp" else (lambda t: t)
    prob += pulp.lpSum(weights[i] * arc(t) * v for (i, j), (v, t) in x.items()) + pulp.lpSum(
        unit * weights[i] * u[i] for i in range(len(zones)))
    by_zone, by_site = {}, {}
    for (i, j), (v, t) in x.items():
        by_zone.setdefault(i, []).append(v)
        by_site.setdefault(j, []).append((i, v))
        prob += v <= y[j]
    for i in range(len(zones)):
        prob += pulp.lpSum(by_zone.get(i, [])) + u[i] == 1
    for j, items in by_site.items():
        prob += pulp.lpSum(weights[i] * v for i, v in items) <= capacity[j] * y[j]
    prob += pulp.lpSum(y) == p
    status = prob.solve(solver)
    objective = pulp.value(prob.objective)
    if model == "capacitated-mclp":
        objective = weights.sum() - objective
end = time.time()
print(json.dumps({"model": model, "p": p, "objective": objective, "solve_seconds": round(end - solve_start, 2),
                  "total_seconds": round(end - start, 2)}))
