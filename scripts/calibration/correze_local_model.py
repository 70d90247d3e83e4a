"""How `travel calibrate --complete`'s settings were chosen (numpy; not run by the tests).

The local road model (Sources/MaillageTravel/Completion): each place that a road pair names
gets its own point in a learnt plane (pulled towards its real one with weight `lp`), its own
minutes to leave and to arrive (pulled towards 0 with weight `la`), and one curve
w0 + w1·km + w2·√km over learnt km; least squares by Adam (3,000 steps, rate 0.05 halving
every 1,000), then the training residuals smoothed in origin–destination space (a Gaussian
of bandwidth h km on both ends, both orientations, shrink 0.02), as in correze_correction.py.
The settings (lp, la, h) are chosen by 5-fold cross-validation on the training 10 % of the
splits of seeds 1 and 2, never 13 (the test's). Both seeds choose (1, 1, 4), the product's.
Usage: python3 scripts/calibration/correze_local_model.py [SEED…]   (default 1 2; ~3 min a seed)
"""
import sys
import numpy as np
from local_model import fit, fitted, load_correze

DATA = "../shared/data"
GRID = [(lp, la, h) for lp in (0.3, 1, 3) for la in (1,) for h in (3, 4, 5)]


o, d, t, km, xy, n = load_correze(DATA)


def predict(train, test, lp, la, h, s=0.02):
    model = fit(xy, o[train], d[train], t[train], lp, la)
    residual = t[train] - fitted(model, o[train], d[train]); predicted = fitted(model, o[test], d[test])
    start, end = np.concatenate([xy[o[train]], xy[d[train]]]), np.concatenate([xy[d[train]], xy[o[train]]])
    both = np.concatenate([residual, residual])
    for q in range(0, len(test), 2000):
        b = test[q:q + 2000]
        d2 = ((xy[o[b]][:, None] - start[None]) ** 2).sum(-1) + ((xy[d[b]][:, None] - end[None]) ** 2).sum(-1)
        weights = np.exp(-d2 / (2 * h * h))
        predicted[q:q + 2000] += (weights @ both) / (weights.sum(1) + s)
    return predicted


for seed in [int(a) for a in sys.argv[1:]] or [1, 2]:
    assert seed != 13, "13 is the test's seed"
    order = np.random.default_rng(seed).permutation(len(t)); cut = int(round(len(t) * 0.9))
    test, train = order[:cut], order[cut:]
    near = test[km[test] <= 50]
    folds = np.random.default_rng(0).permutation(len(train)); scores = {}
    for setting in GRID:
        errors = []
        for f in range(5):
            held = train[folds[f::5]]; rest = train[np.setdiff1d(folds, folds[f::5])]
            held = held[km[held] <= 50]
            errors.append(np.abs(predict(rest, held, *setting) - t[held]))
        scores[setting] = np.concatenate(errors).mean()
    best = min(scores, key=scores.get)
    print(f"seed {seed}: {len(train)} training pairs, {len(near)} test pairs within 50 km")
    for setting, score in scores.items():
        print(f"  lp {setting[0]:g} la {setting[1]:g} h {setting[2]:g}: CV MAE {score:.3f}")
    print(f"  chosen {best}: test MAE {np.abs(predict(train, near, *best) - t[near]).mean():.3f} min", flush=True)
