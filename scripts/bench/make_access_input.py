"""Writes a scaled-up accessibility input in PySAL access's fixture layout.

zones.csv (zone_id, population, lat, lon), sites.csv (site_id, capacity, lat, lon) and
times.csv (origin_id, destination_id, minutes): every zone-site pair within 60 minutes of
a straight-line model (1.44 detour, 50 km/h, 2 min access), like the reference fixture.
The same zones and sites also go to maillage-zones.csv and maillage-sites.csv in the layout
`maillage import zones|actors` reads (id, name, lat, lon, population; id, kind, name, lat,
lon, capacity.fte), so that both programs read the same data, each in its own layout.
Deterministic for a given seed.

An optional fifth argument, SIDE, stretches the square's sides SIDE times (SIDE² times the
area): with ten times the zones and sites on ten times the area (SIDE 3.1623), each zone
keeps about as many sites within 60 minutes as at the default size, as a region has, where
the default square would put 15 % of all 500 million pairs of 50,000 × 10,000 within reach.
Pairs are then found with numpy, a block of zones at a time (same rule, same order).
"""
import csv
import math
import random
import sys

zones, sites, seed, folder = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
side = float(sys.argv[5]) if len(sys.argv) > 5 else 1.0
rng = random.Random(seed)
def place():
    return 43.2 + side * rng.random(), 0.8 + 2.0 * side * rng.random()
zone_rows = [(f"Z{i:05d}", rng.randint(50, 20000), *place()) for i in range(zones)]
site_rows = [(f"S{i:04d}", round(rng.uniform(0.5, 12), 2), *place()) for i in range(sites)]
with open(f"{folder}/zones.csv", "w", newline="") as f:
    w = csv.writer(f); w.writerow(["zone_id", "population", "lat", "lon"]); w.writerows(zone_rows)
with open(f"{folder}/sites.csv", "w", newline="") as f:
    w = csv.writer(f); w.writerow(["site_id", "capacity", "lat", "lon"]); w.writerows(site_rows)
with open(f"{folder}/maillage-zones.csv", "w", newline="") as f:
    w = csv.writer(f); w.writerow(["id", "name", "lat", "lon", "population"])
    w.writerows((zid, zid, lat, lon, population) for zid, population, lat, lon in zone_rows)
with open(f"{folder}/maillage-sites.csv", "w", newline="") as f:
    w = csv.writer(f); w.writerow(["id", "kind", "name", "lat", "lon", "capacity.fte"])
    w.writerows((sid, "gp", sid, lat, lon, capacity) for sid, capacity, lat, lon in site_rows)
def write_pairs_numpy(w):
    import numpy as np
    slat = np.array([row[2] for row in site_rows]); slon = np.array([row[3] for row in site_rows])
    sids = np.array([row[0] for row in site_rows])
    count = 0
    for start in range(0, len(zone_rows), 256):
        block = zone_rows[start:start + 256]
        zlat = np.array([row[2] for row in block])[:, None]; zlon = np.array([row[3] for row in block])[:, None]
        dy = (slat[None, :] - zlat) * 111.2
        dx = (slon[None, :] - zlon) * 111.2 * np.cos(np.radians(zlat))
        minutes = 2 + 1.44 * np.hypot(dx, dy) / 50 * 60
        for i, row in enumerate(block):
            within = np.nonzero(minutes[i] <= 60)[0]
            w.writerows(zip([row[0]] * len(within), sids[within], np.round(minutes[i][within], 3).tolist()))
            count += len(within)
    return count

pairs = 0
with open(f"{folder}/times.csv", "w", newline="") as f:
    w = csv.writer(f); w.writerow(["origin_id", "destination_id", "minutes"])
    if side != 1.0:
        pairs = write_pairs_numpy(w)
    else:
        for zid, _, zlat, zlon in zone_rows:
            for sid, _, slat, slon in site_rows:
                dy = (slat - zlat) * 111.2
                dx = (slon - zlon) * 111.2 * math.cos(math.radians(zlat))
                minutes = 2 + 1.44 * math.hypot(dx, dy) / 50 * 60
                if minutes <= 60:
                    w.writerow([zid, sid, round(minutes, 3)]); pairs += 1
print(f"{zones} zones, {sites} sites, {pairs} pairs within 60 min")
