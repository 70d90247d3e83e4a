"""Optimal objectives of small location problems, solved by PySAL spopt with CBC.

Writes Tests/MaillageAccessTests/Fixtures/location-spopt.json: each case holds the dense
cost matrix (zones × candidates, minutes), the zone weights, the model and its parameters,
and spopt's optimal objective. Maillage's exact solver must reproduce every objective.
Run: .build-venv/bin/python scripts/location/spopt_expectations.py  (needs spopt, pulp)
"""
import json
import math
import random

import numpy as np
import pulp
from spopt.locate import LSCP, MCLP, PCenter, PMedian

solver = pulp.PULP_CBC_CMD(msg=False)
cases = []
for seed in range(4):
    rng = random.Random(seed)
    zones = [(rng.random() * 40, rng.random() * 40) for _ in range(30)]
    sites = [(rng.random() * 40, rng.random() * 40) for _ in range(12)]
    weights = [rng.randint(10, 500) for _ in zones]
    cost = [[round(2 + 1.3 * math.dist(z, s), 3) for s in sites] for z in zones]
    matrix = np.array(cost)
    w = np.array(weights, dtype=float)
    radius = 18.0
    # LSCP needs every zone within reach of some candidate: the radius is the farthest
    # nearest-candidate time, plus a little.
    cover_radius = math.ceil(matrix.min(axis=1).max()) + 2.0
    lscp = LSCP.from_cost_matrix(matrix, cover_radius).solve(solver)
    cases.append({"model": "lscp", "limit": cover_radius, "objective": pulp.value(lscp.problem.objective), "seed": seed,
                  "cost": cost, "weights": weights})
    for p in (2, 3):
        mclp = MCLP.from_cost_matrix(matrix, w, radius, p_facilities=p).solve(solver)
        cases.append({"model": "mclp", "p": p, "limit": radius, "objective": pulp.value(mclp.problem.objective),
                      "seed": seed, "cost": cost, "weights": weights})
        pmedian = PMedian.from_cost_matrix(matrix, w, p_facilities=p).solve(solver)
        cases.append({"model": "pmedian", "p": p, "objective": pulp.value(pmedian.problem.objective),
                      "seed": seed, "cost": cost, "weights": weights})
        pcenter = PCenter.from_cost_matrix(matrix, p_facilities=p).solve(solver)
        cases.append({"model": "pcenter", "p": p, "objective": pulp.value(pcenter.problem.objective),
                      "seed": seed, "cost": cost, "weights": weights})
    fixed = [0]
    mclp = MCLP.from_cost_matrix(matrix, w, radius, p_facilities=3,
                                 predefined_facilities_arr=np.array([i in fixed for i in range(len(sites))])).solve(solver)
    cases.append({"model": "mclp", "p": 3, "limit": radius, "fixed": fixed, "objective": pulp.value(mclp.problem.objective),
                  "seed": seed, "cost": cost, "weights": weights})

with open("Tests/MaillageAccessTests/Fixtures/location-spopt.json", "w") as f:
    json.dump({"generator": "scripts/location/spopt_expectations.py", "spopt": __import__("spopt").__version__,
               "cases": cases}, f)
print(len(cases), "cases")
