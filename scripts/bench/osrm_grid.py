"""Writes a synthetic road network as .osm.pbf (PyPI's osmium) and a territory on it.

A SIZE × SIZE grid of nodes about 110 m apart (lat 45°, lon 1°, so 1,000 gives 1 million
nodes over 110 km × 110 km); every 20th row and column is a primary road, the others
residential; plus ORIGINS zones and DESTINATIONS actors (GPs) at seeded random points.
Usage: osrm_grid.py OUT_DIR [SIZE=1000] [ORIGINS=2000] [DESTINATIONS=3500] [SEED=1]
"""
import os, random, sys

import osmium

out = sys.argv[1]
size = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
origins = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
destinations = int(sys.argv[4]) if len(sys.argv) > 4 else 3500
seed = int(sys.argv[5]) if len(sys.argv) > 5 else 1
os.makedirs(out, exist_ok=True)
lat0, lon0, dlat, dlon = 45.0, 1.0, 0.001, 0.0014
meta = dict(version=1, changeset=1, timestamp="2024-01-01T00:00:00Z", uid=1, user="maillage")

pbf = os.path.join(out, "grid.osm.pbf")
if os.path.exists(pbf):
    os.remove(pbf)
writer = osmium.SimpleWriter(pbf)
node = lambda r, c: r * size + c + 1
for r in range(size):
    for c in range(size):
        writer.add_node(osmium.osm.mutable.Node(id=node(r, c), location=(lon0 + c * dlon, lat0 + r * dlat), **meta))
way = 1
for r in range(size):
    kind = "primary" if r % 20 == 0 else "residential"
    writer.add_way(osmium.osm.mutable.Way(id=way, nodes=[node(r, c) for c in range(size)], tags={"highway": kind}, **meta))
    way += 1
for c in range(size):
    kind = "primary" if c % 20 == 0 else "residential"
    writer.add_way(osmium.osm.mutable.Way(id=way, nodes=[node(r, c) for r in range(size)], tags={"highway": kind}, **meta))
    way += 1
writer.close()

rng = random.Random(seed)
span_lat, span_lon = (size - 1) * dlat, (size - 1) * dlon
with open(os.path.join(out, "zones.csv"), "w") as f:
    f.write("id,name,lat,lon,population\n")
    for i in range(origins):
        f.write(f"Z{i:05d},z{i},{lat0 + rng.random() * span_lat:.6f},{lon0 + rng.random() * span_lon:.6f},{rng.randint(100, 5000)}\n")
with open(os.path.join(out, "actors.csv"), "w") as f:
    f.write("id,kind,name,lat,lon\n")
    for i in range(destinations):
        f.write(f"G{i:05d},gp,g{i},{lat0 + rng.random() * span_lat:.6f},{lon0 + rng.random() * span_lon:.6f}\n")
print(f"{pbf}: {size * size} nodes, {way - 1} ways; {origins} zones, {destinations} actors")
