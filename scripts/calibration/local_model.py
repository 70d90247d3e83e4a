"""What the Corrèze experiments share (numpy): the Corrèze road sample, and the local road model's fit.

`load_correze` reads the communes of département 19 and the OSRM pairs between them;
`fit` is the least squares of `travel calibrate --complete`'s model (each place's learnt point,
pulled towards its real one by `lp`, leaving and arriving minutes pulled towards 0 by `la`, one
curve w0 + w1·km + w2·√km over learnt km; Adam, rate halving every 1,000 steps); `fitted` gives
its minutes for index pairs. Imported by correze_correction.py, correze_local_model.py and
local_model_fixture.py.
"""
import csv
import numpy as np


def load_correze(data="../shared/data"):
    """Trips (origin and destination indices, minutes, equirectangular km), the places' km, their count."""
    pts = {}
    for r in csv.DictReader(open(f"{data}/communes/communes_france_population_points.csv")):
        if r["dep"] == "19":
            pts[r["code_insee"] + "0000"] = (float(r["lat"]), float(r["lon"]))
    ids = sorted(pts)
    index = {c: i for i, c in enumerate(ids)}
    o, d, t = [], [], []
    for r in csv.DictReader(open(f"{data}/travel-times/osrm_correze_partial.csv")):
        if r["origin_id"] != r["destination_id"] and r["origin_id"] in pts and r["destination_id"] in pts:
            o.append(index[r["origin_id"]]); d.append(index[r["destination_id"]]); t.append(float(r["duration"]) / 60)
    lat = np.array([pts[c][0] for c in ids]); lon = np.array([pts[c][1] for c in ids])
    xy = np.stack([(lon - lon.mean()) * 111.32 * np.cos(np.radians(lat.mean())), (lat - lat.mean()) * 110.57], 1)
    o, d = np.array(o), np.array(d)
    return o, d, np.array(t), np.hypot(*(xy[o] - xy[d]).T), xy, len(ids)


def fit(xy, o, d, t, lp, la, steps=3000, lr=0.05):
    """The model's parameters (learnt points, leaving, arriving, curve) fitted on trips o → d of t minutes."""
    n = len(xy)
    p = xy.copy(); a = np.zeros(n); b = np.zeros(n); w = np.array([0.0, 1.0, 0.0])
    params = [p, a, b, w]; M = [np.zeros_like(x) for x in params]; V = [np.zeros_like(x) for x in params]
    for step in range(1, steps + 1):
        diff = p[o] - p[d]; D = np.sqrt((diff ** 2).sum(1) + 0.25)
        g = (w[0] + w[1] * D + w[2] * np.sqrt(D) + a[o] + b[d] - t) * 2 / len(t)
        gw = np.array([g.sum(), (g * D).sum(), (g * np.sqrt(D)).sum()])
        gdiff = (g * (w[1] + w[2] * 0.5 / np.sqrt(D)) / D)[:, None] * diff
        gp = np.zeros_like(p); np.add.at(gp, o, gdiff); np.add.at(gp, d, -gdiff)
        gp += 2 * lp * (p - xy) / n
        ga = np.bincount(o, g, n) + 2 * la * a / n; gb = np.bincount(d, g, n) + 2 * la * b / n
        rate = lr * 0.5 ** (step / 1000)
        for k, gr in enumerate([gp, ga, gb, gw]):
            M[k] = 0.9 * M[k] + 0.1 * gr; V[k] = 0.999 * V[k] + 0.001 * gr * gr
            params[k] -= rate * (M[k] / (1 - 0.9 ** step)) / (np.sqrt(V[k] / (1 - 0.999 ** step)) + 1e-8)
    return p, a, b, w


def fitted(model, o, d):
    """The fit's minutes from places o to places d (index arrays), before any residual smoothing."""
    p, a, b, w = model
    D = np.sqrt(((p[o] - p[d]) ** 2).sum(1) + 0.25)
    return w[0] + w[1] * D + w[2] * np.sqrt(D) + a[o] + b[d]
