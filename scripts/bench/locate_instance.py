"""A location benchmark instance: communes as demand zones, every k-th commune a candidate
site (an actor of kind msp with an FTE capacity), and a zone -> site travel matrix, written
as the CSV files `maillage import zones|actors|matrix` read and the peer script reads too.

Times: 3 min + great-circle km x 1.3 (road detour) at 70 km/h, a fixed stand-in for road
times (both tools read the same file, so only the solvers are compared). Pairs beyond
`--reach` minutes are left out (unreachable), as a road matrix cut at a time limit would be.
Usage: locate_instance.py COMMUNES.csv OUTDIR --candidates 300 [--reach 60] [--seed 1]
"""
import argparse
import csv
import math
import os
import random

import numpy as np

parser = argparse.ArgumentParser()
parser.add_argument("communes")
parser.add_argument("out")
parser.add_argument("--candidates", type=int, default=300)
parser.add_argument("--reach", type=float, default=60.0)
parser.add_argument("--seed", type=int, default=1)
args = parser.parse_args()
os.makedirs(args.out, exist_ok=True)

with open(args.communes, newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
lat_key = next(k for k in rows[0] if k.startswith("lat"))
lon_key = next(k for k in rows[0] if k.startswith("lon"))
pop_key = next(k for k in rows[0] if k.startswith("pmun") or k == "population")
zones = []
for r in rows:
    try:
        zones.append((r["code_insee"], r["nom"], float(r[lat_key]), float(r[lon_key]), float(r[pop_key])))
    except ValueError:
        continue
step = max(1, len(zones) // args.candidates)
sites = [zones[i] for i in range(0, len(zones), step)][: args.candidates]
rng = random.Random(args.seed)

with open(f"{args.out}/zones.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["id", "name", "lat", "lon", "population"])
    for z in zones:
        w.writerow([z[0], z[1], z[2], z[3], int(z[4])])
with open(f"{args.out}/actors.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["id", "kind", "name", "lat", "lon", "capacity.fte"])
    for j, s in enumerate(sites):
        w.writerow([f"C{j:05d}", "msp", f"Candidate at {s[1]}", s[2], s[3], rng.randint(2, 12)])

lat = np.radians([z[2] for z in zones])
lon = np.radians([z[3] for z in zones])
pairs = 0
with open(f"{args.out}/matrix.csv", "w", newline="") as f:
    f.write("origin_id,destination_id,minutes\n")
    for j, s in enumerate(sites):
        slat, slon = math.radians(s[2]), math.radians(s[3])
        a = np.sin((lat - slat) / 2) ** 2 + np.cos(lat) * math.cos(slat) * np.sin((lon - slon) / 2) ** 2
        km = 2 * 6371.0088 * np.arcsin(np.sqrt(a))
        minutes = np.round(3 + km * 1.3 / 70 * 60, 2)
        for i in np.nonzero(minutes <= args.reach)[0]:
            f.write(f"{zones[i][0]},C{j:05d},{minutes[i]:.2f}\n")
            pairs += 1
print(f"{len(zones)} zones, {len(sites)} candidates, {pairs} pairs within {args.reach} min")
