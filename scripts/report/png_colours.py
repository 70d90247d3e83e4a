#!/usr/bin/env python3
"""Counts the colours of a PNG screenshot, to check a rendered report as a person would see it.

Usage: png_colours.py FILE.png [--frame '#f4f4f4'] '#ffffcc' '#253494' ...
Prints JSON: the image size, how many distinct colours it has, the share of white pixels,
and for each colour asked its pixel count, bounding box, and how many of its pixels lie
inside the rectangle the --frame colour fills (a map's background) and to its right (the
map's legend).
Standard library only (zlib decodes the PNG), so the test suite needs no image package.
"""
import argparse
import json
import struct
import sys
import zlib
from collections import Counter


def read_png(path):
    """Returns (width, height, bytes per pixel, rows of raw pixel bytes)."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG file")
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    width, height, depth, colour_type, _, _, interlace = header
    if depth != 8 or colour_type not in (2, 6) or interlace != 0:
        sys.exit(f"{path}: only 8-bit RGB/RGBA non-interlaced PNGs are read (got depth {depth}, type {colour_type})")
    bpp = 3 if colour_type == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous))
        elif kind == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = previous[i]
                c = previous[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, bpp, rows


def frame_box(points):
    """The rectangle a colour fills: rows holding at least 200 of its pixels, and the median
    of their leftmost and rightmost pixels (stray antialiased pixels elsewhere do not count)."""
    by_row = {}
    for x, y in points:
        by_row.setdefault(y, []).append(x)
    rows = sorted(y for y, xs in by_row.items() if len(xs) >= 200)
    if not rows:
        return None
    lefts = sorted(min(by_row[y]) for y in rows)
    rights = sorted(max(by_row[y]) for y in rows)
    return {"min_x": lefts[len(lefts) // 2], "max_x": rights[len(rights) // 2], "min_y": rows[0], "max_y": rows[-1]}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("png")
    parser.add_argument("--frame", default=None)
    parser.add_argument("colours", nargs="*")
    args = parser.parse_intermixed_args()
    width, height, bpp, rows = read_png(args.png)
    colours = args.colours + ([args.frame] if args.frame else [])
    wanted = {tuple(int(c.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)): c.lower() for c in colours}
    totals = Counter()
    positions = {c: [] for c in wanted.values()}
    found = {c: {"count": 0, "in_frame": 0, "right_of_frame": 0, "min_x": None, "max_x": None, "min_y": None, "max_y": None} for c in wanted.values()}
    for y, row in enumerate(rows):
        counts = Counter(zip(row[0::bpp], row[1::bpp], row[2::bpp]))
        totals.update(counts)
        for rgb in wanted.keys() & counts.keys():
            xs = [x for x in range(width) if (row[x * bpp], row[x * bpp + 1], row[x * bpp + 2]) == rgb]
            entry = found[wanted[rgb]]
            entry["count"] += len(xs)
            positions[wanted[rgb]] += [(x, y) for x in xs]
            entry["min_x"] = min(xs) if entry["min_x"] is None else min(entry["min_x"], min(xs))
            entry["max_x"] = max(xs) if entry["max_x"] is None else max(entry["max_x"], max(xs))
            entry["min_y"] = y if entry["min_y"] is None else entry["min_y"]
            entry["max_y"] = y
    frame = frame_box(positions[args.frame.lower()]) if args.frame else None
    if frame:
        found[args.frame.lower()]["frame"] = frame
        for colour, entry in found.items():
            inside_rows = [(x, y) for x, y in positions[colour] if frame["min_y"] <= y <= frame["max_y"]]
            entry["in_frame"] = sum(1 for x, _ in inside_rows if frame["min_x"] <= x <= frame["max_x"])
            entry["right_of_frame"] = sum(1 for x, _ in inside_rows if x > frame["max_x"])
    print(json.dumps({
        "width": width, "height": height, "distinct": len(totals),
        "white_share": totals[(255, 255, 255)] / (width * height), "colours": found,
    }, sort_keys=True))


if __name__ == "__main__":
    main()
