#!/usr/bin/env python3
"""Reference Morris and Sobol indices from SALib on the Ishigami function, for the Swift tests.

Writes one JSON object on stdout: the sample matrices, the model outputs (Ishigami evaluated by
SALib), the bootstrap resample indices SALib draws, and SALib's indices. The Swift estimators
read the same matrices, outputs and resamples and must give the same indices to 1e-9.

usage: salib_reference.py [N_SOBOL] [TRAJECTORIES]
"""
import json
import sys

import numpy as np
from SALib.analyze import morris as morris_analyze
from SALib.analyze import sobol as sobol_analyze
from SALib.sample import morris as morris_sample
from SALib.sample import sobol as sobol_sample
from SALib.test_functions import Ishigami

n_sobol = int(sys.argv[1]) if len(sys.argv) > 1 else 256
trajectories = int(sys.argv[2]) if len(sys.argv) > 2 else 20
problem = {"num_vars": 3, "names": ["x1", "x2", "x3"], "bounds": [[-np.pi, np.pi]] * 3}

# Sobol': SALib's own Saltelli sample, first-order and total indices only.
X = sobol_sample.sample(problem, n_sobol, calc_second_order=False, seed=11)
Y = Ishigami.evaluate(X)
resamples, seed = 100, 5
# SALib 1.5 draws its bootstrap indices with numpy's default_rng(seed): the same draws here.
sobol_r = np.random.default_rng(seed).integers(n_sobol, size=(n_sobol, resamples))
S = sobol_analyze.analyze(problem, Y, calc_second_order=False, num_resamples=resamples, conf_level=0.95, seed=seed)

# Morris: trajectories on a 4-level grid.
levels = 4
XM = morris_sample.sample(problem, trajectories, num_levels=levels, seed=13)
YM = Ishigami.evaluate(XM)
m_resamples, m_seed = 1000, 7
# One fresh draw per input, in input order, as SALib 1.5's _compute_mu_star_confidence does.
m_rng = np.random.default_rng(m_seed)
morris_r = [m_rng.integers(trajectories, size=(m_resamples, trajectories)) for _ in range(3)]
M = morris_analyze.analyze(problem, XM, YM, num_resamples=m_resamples, conf_level=0.95, num_levels=levels, seed=m_seed)

json.dump({
    "sobol": {
        "outputs": Y.tolist(), "dimension": 3,
        "resamples": sobol_r.T.tolist(),
        "S1": S["S1"].tolist(), "S1_conf": S["S1_conf"].tolist(),
        "ST": S["ST"].tolist(), "ST_conf": S["ST_conf"].tolist(),
    },
    "morris": {
        "inputs": XM.tolist(), "outputs": YM.tolist(), "levels": levels,
        "resamples": [r.tolist() for r in morris_r],
        "mu": np.asarray(M["mu"]).tolist(), "mu_star": np.asarray(M["mu_star"]).tolist(),
        "sigma": np.asarray(M["sigma"]).tolist(), "mu_star_conf": np.asarray(M["mu_star_conf"]).tolist(),
    },
}, sys.stdout)
