"""Writes a scaled-up accessibility input in PySAL access's fixture layout.

zones.csv (zone_id, population, lat, lon), sites.csv (site_id, capacity, lat, lon) and
times.csv (origin_id, destination_id, minutes): every zone-site pair within 60 minutes of
a straight-line model (1.44 detour, 50 km/h, 2 min access), like the reference fixture.
The same zones and sites also go to maillage-zones.csv and maillage-sites.csv in the layout
`maillage import zones|actors` reads (id, name, lat, lon, population; id, kind, name, lat,
lon, capacity.fte), so that both programs read the same data, each in its own layout.
Deterministic for a given seed.
"""
import csv
import math
import random
import sys

zones, sites, seed, folder = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rng = random.Random(seed)
def place():
    return 43.2 + 1.0 * rng.random(), 0.8 + 2.0 * rng.random()
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
pairs = 0
with open(f"{folder}/times.csv", "w", newline="") as f:
    w = csv.writer(f); w.writerow(["origin_id", "destination_id", "minutes"])
    for zid, _, zlat, zlon in zone_rows:
        for sid, _, slat, slon in site_rows:
            dy = (slat - zlat) * 111.2
            dx = (slon - zlon) * 111.2 * math.cos(math.radians(zlat))
            minutes = 2 + 1.44 * math.hypot(dx, dy) / 50 * 60
            if minutes <= 60:
                w.writerow([zid, sid, round(minutes, 3)]); pairs += 1
print(f"{zones} zones, {sites} sites, {pairs} pairs within 60 min")
