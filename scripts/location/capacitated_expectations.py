"""Optimal objectives of capacitated and directed location problems, solved by PuLP + CBC
(our own formulation) and PySAL spopt, independently of Maillage.

Writes
- Tests/MaillageAccessTests/Fixtures/location-capacitated.json: small dense instances of the
  capacitated p-median and capacitated MCLP with CBC's optimum;
- Tests/MaillageAccessTests/Fixtures/locate-matrix/: a territory (zones.csv, actors.csv), a directed
  travel matrix (matrix.csv: zone -> actor and actor -> zone times differ), a candidates file,
  and expected.json with the optima `maillage locate --travel matrix` must reach.

Formulation (divisible demand, as Maillage documents): minimise
  sum_ij P_i c_ij x_ij + U sum_i P_i u_i
  s.t. sum_j x_ij + u_i = 1, sum_i P_i x_ij <= C_j y_j, x_ij <= y_j, sum_j y_j = p, y_fixed = 1,
with c_ij the time (p-median, U = 2 x the longest time) or 0 for pairs within the limit and no
arc otherwise (MCLP, U = 1: the cost is the people not covered).
Run: .build-venv/bin/python scripts/location/capacitated_expectations.py  (needs spopt, pulp)
"""
import csv
import json
import math
import os
import random

import numpy as np
import pulp
from spopt.locate import MCLP, PMedian

solver = pulp.PULP_CBC_CMD(msg=False)


def capacitated(cost, weights, capacity, p, limit=None, fixed=()):
    """CBC optimum of the capacitated p-median (limit None) or MCLP, and the unassigned people."""
    zones, sites = len(cost), len(cost[0])
    longest = max(c for row in cost for c in row if c is not None)
    unassigned_cost = 1.0 if limit is not None else max(1.0, 2 * longest)
    model = pulp.LpProblem("c", pulp.LpMinimize)
    y = [pulp.LpVariable(f"y{j}", cat="Binary") for j in range(sites)]
    u = [pulp.LpVariable(f"u{i}", lowBound=0, upBound=1) for i in range(zones)]
    x = {}
    for i in range(zones):
        for j in range(sites):
            c = cost[i][j]
            if c is None or (limit is not None and c > limit):
                continue
            x[i, j] = pulp.LpVariable(f"x{i}_{j}", lowBound=0, upBound=1)
    arc = lambda i, j: 0.0 if limit is not None else cost[i][j]
    model += pulp.lpSum(weights[i] * arc(i, j) * v for (i, j), v in x.items()) + pulp.lpSum(
        unassigned_cost * weights[i] * u[i] for i in range(zones))
    for i in range(zones):
        model += pulp.lpSum(v for (a, j), v in x.items() if a == i) + u[i] == 1
    for j in range(sites):
        model += pulp.lpSum(weights[i] * v for (i, b), v in x.items() if b == j) <= capacity[j] * y[j]
    for (i, j), v in x.items():
        model += v <= y[j]
    model += pulp.lpSum(y) == p
    for j in fixed:
        model += y[j] == 1
    assert model.solve(solver) == 1
    value = pulp.value(model.objective)
    unassigned = sum(weights[i] * u[i].value() for i in range(zones))
    if limit is not None:
        return sum(weights) - value, unassigned
    return value, unassigned


def dense_cases():
    cases = []
    for seed in range(4):
        rng = random.Random(100 + seed)
        zones = [(rng.random() * 40, rng.random() * 40) for _ in range(30)]
        sites = [(rng.random() * 40, rng.random() * 40) for _ in range(12)]
        weights = [rng.randint(10, 500) for _ in zones]
        cost = [[round(2 + 1.3 * math.dist(z, s), 3) for s in sites] for z in zones]
        # Tight capacities (some people cannot be served by 2 or 3 sites) and generous ones.
        for scale in (0.25, 1.0):
            capacity = [round(scale * sum(weights) * rng.uniform(0.6, 1.4), 1) for _ in sites]
            for p in (2, 3):
                value, unassigned = capacitated(cost, weights, capacity, p)
                cases.append({"model": "capacitated-pmedian", "p": p, "objective": value, "unassigned": unassigned,
                              "seed": seed, "cost": cost, "weights": weights, "capacity": capacity})
                value, unassigned = capacitated(cost, weights, capacity, p, limit=18.0)
                cases.append({"model": "capacitated-mclp", "p": p, "limit": 18.0, "objective": value,
                              "unassigned": unassigned, "seed": seed, "cost": cost, "weights": weights,
                              "capacity": capacity})
            value, unassigned = capacitated(cost, weights, capacity, 3, fixed=[0])
            cases.append({"model": "capacitated-pmedian", "p": 3, "fixed": [0], "objective": value,
                          "unassigned": unassigned, "seed": seed, "cost": cost, "weights": weights,
                          "capacity": capacity})
    return cases


def matrix_fixture(folder):
    """A territory with a directed matrix, and the optima on it in each model's direction."""
    rng = random.Random(7)
    os.makedirs(folder, exist_ok=True)
    zones = [(f"Z{i:02d}", 43.3 + rng.random() * 0.6, 1.0 + rng.random() * 0.8, rng.randint(200, 5000)) for i in range(25)]
    actors = [(f"G{j:02d}", 43.3 + rng.random() * 0.6, 1.0 + rng.random() * 0.8, rng.randint(1, 4)) for j in range(10)]
    with open(f"{folder}/zones.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "lat", "lon", "population"])
        for zid, lat, lon, pop in zones:
            w.writerow([zid, f"Commune {zid}", f"{lat:.6f}", f"{lon:.6f}", pop])
    with open(f"{folder}/actors.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "kind", "name", "lat", "lon", "capacity.fte"])
        for aid, lat, lon, fte in actors:
            w.writerow([aid, "gp", f"GP {aid}", f"{lat:.6f}", f"{lon:.6f}", fte])
    # Directed times: going to the site (zone -> site) and coming out of it (site -> zone)
    # differ by up to 40 %, so a model reading the wrong direction finds another optimum.
    to_site = [[round(3 + 95 * math.dist((z[1], z[2]), (a[1], a[2])) * rng.uniform(0.8, 1.2), 2) for a in actors] for z in zones]
    to_zone = [[round(to_site[i][j] * rng.uniform(0.7, 1.4), 2) for j in range(len(actors))] for i in range(len(zones))]
    with open(f"{folder}/matrix.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["origin_id", "destination_id", "minutes"])
        for i, z in enumerate(zones):
            for j, a in enumerate(actors):
                w.writerow([z[0], a[0], to_site[i][j]])
                w.writerow([a[0], z[0], to_zone[i][j]])
    with open(f"{folder}/candidates.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "lat", "lon"])
        w.writerow(["G03", actors[3][1], actors[3][2]])
        w.writerow(["NEW-1", 43.5, 1.3])
    weights = np.array([z[3] for z in zones], dtype=float)
    site_to_zone = np.array(to_zone)  # [zone][site] = t(site -> zone)
    zone_to_site = np.array(to_site)
    expected = {"generator": "scripts/location/capacitated_expectations.py", "spopt": __import__("spopt").__version__}
    limit = 20.0
    for p in (2, 3):
        mclp = MCLP.from_cost_matrix(site_to_zone, weights, limit, p_facilities=p).solve(solver)
        expected[f"mclp_p{p}"] = pulp.value(mclp.problem.objective)
        wrong = MCLP.from_cost_matrix(zone_to_site, weights, limit, p_facilities=p).solve(solver)
        expected[f"mclp_p{p}_zone_to_site"] = pulp.value(wrong.problem.objective)
        pmedian = PMedian.from_cost_matrix(zone_to_site, weights, p_facilities=p).solve(solver)
        expected[f"pmedian_p{p}"] = pulp.value(pmedian.problem.objective)
    people_per_fte = 4000
    capacity = [a[3] * people_per_fte for a in actors]
    expected["people_per_fte"] = people_per_fte
    expected["limit"] = limit
    for p in (2, 3):
        value, unassigned = capacitated(to_site, [z[3] for z in zones], capacity, p)
        expected[f"capacitated_pmedian_p{p}"] = value
        expected[f"capacitated_pmedian_p{p}_unassigned"] = unassigned
        value, unassigned = capacitated([[to_zone[i][j] for j in range(len(actors))] for i in range(len(zones))],
                                        [z[3] for z in zones], capacity, p, limit=limit)
        expected[f"capacitated_mclp_p{p}"] = value
    with open(f"{folder}/expected.json", "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)


cases = dense_cases()
with open("Tests/MaillageAccessTests/Fixtures/location-capacitated.json", "w") as f:
    json.dump({"generator": "scripts/location/capacitated_expectations.py", "pulp": pulp.__version__, "cases": cases}, f)
matrix_fixture("Tests/MaillageAccessTests/Fixtures/locate-matrix")
print(len(cases), "cases")
