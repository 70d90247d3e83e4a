#!/usr/bin/env python3
"""Reference values for `maillage access equity`, computed by PySAL from PyPI.

Reads a JSON file {"values": [...], "weights": [int...], "groups": [...],
"lattice": [rows, cols]}, {..., "points": [[lon, lat]...], "band_km": km} or {...,
"boundary_files": [GeoJSON...], "ids": [...]} (queen contiguity of the outlines whose `code`
property is each id, from the original files) and prints
the measures as JSON. Population weights are integers: a weighted measure equals the
unweighted measure of the values repeated once per inhabitant, which is what PySAL computes
here (PySAL's Gini and Theil take no weights).
"""
import json
import sys

import numpy as np
from esda.moran import Moran, Moran_Local
from inequality.gini import Gini
from inequality.theil import Theil, TheilD
from libpysal.weights import DistanceBand, Queen, lat2W

spec = json.load(open(sys.argv[1]))
values = np.array(spec["values"], dtype=float)
weights = np.array(spec["weights"], dtype=int)
groups = np.array(spec["groups"])
people = np.repeat(values, weights)
labels = np.repeat(groups, weights)
decomposition = TheilD(people, labels)

if "lattice" in spec:
    rows, cols = spec["lattice"]
    w = lat2W(rows, cols, rook=False)
elif "boundary_files" in spec:
    from shapely.geometry import shape

    outlines = {}
    for path in spec["boundary_files"]:
        for feature in json.load(open(path))["features"]:
            outlines[str(feature["properties"]["code"])] = shape(feature["geometry"])
    w = Queen.from_iterable([outlines[i] for i in spec["ids"]], silence_warnings=True)
else:
    w = DistanceBand(np.array(spec["points"], dtype=float), spec["band_km"], binary=True, radius=6371.0088, silence_warnings=True)
moran = Moran(values, w, permutations=0)
local = Moran_Local(values, w, permutations=0)
print(json.dumps({
    "gini": float(Gini(people).g),
    "theil": float(np.squeeze(Theil(people).T)),
    "theil_between": float(np.squeeze(decomposition.bg)),
    "theil_within": float(np.squeeze(decomposition.wg)),
    "moran_i": float(moran.I),
    "moran_expected": float(moran.EI),
    "moran_variance_normal": float(moran.VI_norm),
    "moran_z_normal": float(moran.z_norm),
    "moran_p_normal": float(moran.p_norm),
    "local_i": [float(v) for v in local.Is],
    "quadrant": [int(q) for q in local.q],
    "neighbours": [sorted(int(j) for j in w.neighbors[i]) for i in w.id_order],
}))
