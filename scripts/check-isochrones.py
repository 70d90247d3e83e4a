#!/usr/bin/env python3
"""Checks `maillage access isochrones` output with shapely (PyPI): every polygon valid, rings
closed, outer rings counter-clockwise and holes clockwise (RFC 7946), and which of the given
points each isochrone contains.

Reads a JSON file {"geojson": PATH, "points": {"id": [lon, lat], ...}} and prints JSON.
"""
import json
import sys

from shapely.geometry import Point, shape

spec = json.load(open(sys.argv[1]))
collection = json.load(open(spec["geojson"]))
report = {"features": []}
for feature in collection["features"]:
    coordinates = feature["geometry"]["coordinates"]
    closed = all(ring[0] == ring[-1] and len(ring) >= 4 for polygon in coordinates for ring in polygon)
    geometry = shape(feature["geometry"])
    right_handed = True
    holes = 0
    for polygon in geometry.geoms:
        right_handed &= polygon.exterior.is_ccw
        for ring in polygon.interiors:
            holes += 1
            right_handed &= not ring.is_ccw
    inside = sorted(name for name, (x, y) in spec["points"].items() if geometry.contains(Point(x, y)))
    report["features"].append({
        "minutes": feature["properties"]["minutes"],
        "valid": bool(geometry.is_valid),
        "closed": closed,
        "right_handed": bool(right_handed),
        "holes": holes,
        "area": geometry.area,
        "inside": inside,
    })
print(json.dumps(report))
