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
import csv, sys
import numpy as np

DATA = "../shared/data"
GRID = [(lp, la, h) for lp in (0.3, 1, 3) for la in (1,) for h in (3, 4, 5)]


def load():
    pts = {}
    for r in csv.DictReader(open(f"{DATA}/communes/communes_france_population_points.csv")):
        if r["dep"] == "19":
            pts[r["code_insee"] + "0000"] = (float(r["lat"]), float(r["lon"]))
    ids = sorted(pts); index = {c: i for i, c in enumerate(ids)}
    o, d, t = [], [], []
    for r in csv.DictReader(open(f"{DATA}/travel-times/osrm_correze_partial.csv")):
        if r["origin_id"] != r["destination_id"] and r["origin_id"] in pts and r["destination_id"] in pts:
            o.append(index[r["origin_id"]]); d.append(index[r["destination_id"]]); t.append(float(r["duration"]) / 60)
    lat = np.array([pts[c][0] for c in ids]); lon = np.array([pts[c][1] for c in ids])
    xy = np.stack([(lon - lon.mean()) * 111.32 * np.cos(np.radians(lat.mean())), (lat - lat.mean()) * 110.57], 1)
    return np.array(o), np.array(d), np.array(t), xy, len(ids)


o, d, t, xy, n = load()
km = np.hypot(*(xy[o] - xy[d]).T)


def fit(train, lp, la, steps=3000, lr=0.05):
    p = xy.copy(); a = np.zeros(n); b = np.zeros(n); w = np.array([0.0, 1.0, 0.0])
    oo, dd, tt = o[train], d[train], t[train]; m = len(train)
    params = [p, a, b, w]; M = [np.zeros_like(x) for x in params]; V = [np.zeros_like(x) for x in params]
    for step in range(1, steps + 1):
        diff = p[oo] - p[dd]; D = np.sqrt((diff ** 2).sum(1) + 0.25)
        g = (w[0] + w[1] * D + w[2] * np.sqrt(D) + a[oo] + b[dd] - tt) * 2 / m
        gw = np.array([g.sum(), (g * D).sum(), (g * np.sqrt(D)).sum()])
        gdiff = (g * (w[1] + w[2] * 0.5 / np.sqrt(D)) / D)[:, None] * diff
        gp = np.zeros_like(p); np.add.at(gp, oo, gdiff); np.add.at(gp, dd, -gdiff)
        gp += 2 * lp * (p - xy) / n
        ga = np.bincount(oo, g, n) + 2 * la * a / n; gb = np.bincount(dd, g, n) + 2 * la * b / n
        rate = lr * 0.5 ** (step / 1000)
        for i, gr in enumerate([gp, ga, gb, gw]):
            M[i] = 0.9 * M[i] + 0.1 * gr; V[i] = 0.999 * V[i] + 0.001 * gr * gr
            params[i] -= rate * (M[i] / (1 - 0.9 ** step)) / (np.sqrt(V[i] / (1 - 0.999 ** step)) + 1e-8)
    return p, a, b, w


def fitted(model, idx):
    p, a, b, w = model
    D = np.sqrt(((p[o[idx]] - p[d[idx]]) ** 2).sum(1) + 0.25)
    return w[0] + w[1] * D + w[2] * np.sqrt(D) + a[o[idx]] + b[d[idx]]


def predict(train, test, lp, la, h, s=0.02):
    model = fit(train, lp, la)
    residual = t[train] - fitted(model, train); predicted = fitted(model, test)
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
