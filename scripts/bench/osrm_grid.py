"""Writes a synthetic road network as .osm.pbf (PyPI's osmium) and a territory on it.

ROADS east–west and ROADS north–south straight roads over a 110 km × 110 km square (lat 45°,
lon 1°), crossing every SPACING nodes: each road is a way of (ROADS − 1) × SPACING + 1 nodes,
the crossings are shared nodes (intersections), the others shape nodes, as on a real road
map where most nodes only draw a road's bend. The default, 300 roads crossing every 6 nodes,
writes 987,000 nodes (90,000 intersections, roads 370 m apart, a node every 61 m). Every
10th road is primary, the others residential. SPACING 1 is the dense grid where every node
is an intersection (OSRM's worst case: 1,000 roads give 1 million intersections). Plus
ORIGINS zones and DESTINATIONS actors (GPs) at seeded random points.
Usage: osrm_grid.py OUT_DIR [ROADS=300] [SPACING=6] [ORIGINS=2000] [DESTINATIONS=3500] [SEED=1]
"""
import os, random, sys

import osmium

out = sys.argv[1]
roads = int(sys.argv[2]) if len(sys.argv) > 2 else 300
spacing = int(sys.argv[3]) if len(sys.argv) > 3 else 6
origins = int(sys.argv[4]) if len(sys.argv) > 4 else 2000
destinations = int(sys.argv[5]) if len(sys.argv) > 5 else 3500
seed = int(sys.argv[6]) if len(sys.argv) > 6 else 1
os.makedirs(out, exist_ok=True)
side = (roads - 1) * spacing + 1  # lattice points along a road
lat0, lon0, span_lat, span_lon = 45.0, 1.0, 0.999, 1.3986
dlat, dlon = span_lat / (side - 1), span_lon / (side - 1)
meta = dict(version=1, changeset=1, timestamp="2024-01-01T00:00:00Z", uid=1, user="maillage")

pbf = os.path.join(out, "grid.osm.pbf")
if os.path.exists(pbf):
    os.remove(pbf)
writer = osmium.SimpleWriter(pbf)
node = lambda r, c: r * side + c + 1
nodes = 0
for r in range(side):
    # Nodes in id order: a whole row on an east–west road, else only the north–south roads' points.
    columns = range(side) if r % spacing == 0 else range(0, side, spacing)
    for c in columns:
        writer.add_node(osmium.osm.mutable.Node(id=node(r, c), location=(lon0 + c * dlon, lat0 + r * dlat), **meta))
        nodes += 1
way = 1
for i in range(roads):
    kind = "primary" if i % 10 == 0 else "residential"
    writer.add_way(
        osmium.osm.mutable.Way(id=way, nodes=[node(i * spacing, c) for c in range(side)], tags={"highway": kind}, **meta))
    way += 1
for i in range(roads):
    kind = "primary" if i % 10 == 0 else "residential"
    writer.add_way(
        osmium.osm.mutable.Way(id=way, nodes=[node(r, i * spacing) for r in range(side)], tags={"highway": kind}, **meta))
    way += 1
writer.close()

rng = random.Random(seed)
with open(os.path.join(out, "zones.csv"), "w") as f:
    f.write("id,name,lat,lon,population\n")
    for i in range(origins):
        f.write(f"Z{i:05d},z{i},{lat0 + rng.random() * span_lat:.6f},{lon0 + rng.random() * span_lon:.6f},{rng.randint(100, 5000)}\n")
with open(os.path.join(out, "actors.csv"), "w") as f:
    f.write("id,kind,name,lat,lon\n")
    for i in range(destinations):
        f.write(f"G{i:05d},gp,g{i},{lat0 + rng.random() * span_lat:.6f},{lon0 + rng.random() * span_lon:.6f}\n")
print(f"{pbf}: {nodes} nodes ({roads * roads} intersections), {way - 1} ways; {origins} zones, {destinations} actors")
