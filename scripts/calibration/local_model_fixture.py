"""Writes Tests/Fixtures/local-road-model/reference.json: the local road model computed by numpy.

An independent implementation of `travel calibrate --complete`'s model (the fit in local_model.py) (the one whose settings
correze_local_model.py chose), on a small made-up region: 40 places around 45.2° N 1.8° E,
road times from a formula with per-place quirks, 200 training trips. The fixture holds the
places, the training trips and numpy's minutes for 60 other pairs, which LocalRoadModelTests
compares with the Swift model's. Usage: python3 scripts/calibration/local_model_fixture.py
"""
import json, math
import numpy as np
from local_model import fit

rng = np.random.default_rng(20261205)
n = 40
lat = 45.2 + rng.uniform(-0.15, 0.15, n)
lon = 1.8 + rng.uniform(-0.2, 0.2, n)
extra = rng.uniform(0, 6, n)            # minutes to reach the main road, at both ends
pairs = [(i, j) for i in range(n) for j in range(n) if i != j]
order = rng.permutation(len(pairs))
train = [pairs[k] for k in order[:200]]
query = [pairs[k] for k in order[200:260]]

# The plane: km east and north of the mean point of the places the training trips name, in
# their order of first appearance (the Swift model's frame).
seen = []
for i, j in train:
    for p in (i, j):
        if p not in seen:
            seen.append(p)
mlat = sum(lat[p] for p in seen) / len(seen); mlon = sum(lon[p] for p in seen) / len(seen)
xy_all = np.stack([(lon - mlon) * 111.32 * math.cos(mlat * math.pi / 180), (lat - mlat) * 110.57], 1)
km_all = lambda i, j: float(np.hypot(*(xy_all[i] - xy_all[j])))
minutes = {(i, j): 3 + 1.3 * km_all(i, j) + 4 * math.sqrt(km_all(i, j)) + extra[i] + 0.5 * extra[j] for i, j in pairs}

index = {p: k for k, p in enumerate(seen)}
m = len(seen); xy = xy_all[seen]
o = np.array([index[i] for i, _ in train]); d = np.array([index[j] for _, j in train])
t = np.array([minutes[p] for p in train])

lp, la, h, shrink, steps, lr = 1.0, 1.0, 4.0, 0.02, 3000, 0.05
p, a, b, w = fit(xy, o, d, t, lp, la, steps, lr)


def fitted(i, j):
    D = math.sqrt(float(((p[i] - p[j]) ** 2).sum()) + 0.25)
    return w[0] + w[1] * D + w[2] * math.sqrt(D) + a[i] + b[j]


residual = [t[k] - fitted(o[k], d[k]) for k in range(len(t))]
starts = [xy[o[k]] for k in range(len(t))] + [xy[d[k]] for k in range(len(t))]
ends = [xy[d[k]] for k in range(len(t))] + [xy[o[k]] for k in range(len(t))]
both = residual + residual


def correction(i, j):
    num = den = 0.0
    for s, e, r in zip(starts, ends, both):
        weight = math.exp(-(float(((xy_all[i] - s) ** 2).sum()) + float(((xy_all[j] - e) ** 2).sum())) / (2 * h * h))
        num += weight * r; den += weight
    return num / (den + shrink)


expected = []
for i, j in query:
    if i in index and j in index:  # places the fit saw: their own terms
        expected.append({"origin": f"P{i}", "destination": f"P{j}", "minutes": fitted(index[i], index[j]) + correction(i, j)})
json.dump({
    "places": [{"id": f"P{k}", "lat": float(lat[k]), "lon": float(lon[k])} for k in range(n)],
    "training": [{"origin": f"P{i}", "destination": f"P{j}", "minutes": minutes[(i, j)]} for i, j in train],
    "expected": expected,
    "road": [{"origin": f"P{i}", "destination": f"P{j}", "minutes": minutes[(i, j)]} for i, j in query],
}, open("Tests/Fixtures/local-road-model/reference.json", "w"), indent=1)
print(len(seen), "places seen,", len(expected), "expected pairs")
