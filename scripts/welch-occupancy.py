#!/usr/bin/env python3
"""Welch plot and drift check of a simulation's daily occupancy (issue 14).

Usage: scripts/welch-occupancy.py OCCUPANCY_CSV [--window 15] [--svg out.svg]

Reads the occupancy.csv that `maillage simulate --out` writes (day, role, used, offered,
occupancy; the means over replications, so the input is already averaged across
replications as Welch's method asks), smooths each role's occupancy with a centred moving
average of 2w+1 days (Welch's procedure: shorter windows at the start), and prints per role
and per 30-day month the mean occupancy and its change from the month before. The warm-up
to choose is the first month boundary after which no role's month-to-month change exceeds
1 % (relative); it is printed at the end. Standard library only.
"""
import csv
import sys


def welch(values, window):
    smoothed = []
    for day in range(len(values)):
        half = min(window, day, len(values) - 1 - day)
        part = values[day - half: day + half + 1]
        smoothed.append(sum(part) / len(part))
    return smoothed


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    path = args[0]
    window = int(args[args.index("--window") + 1]) if "--window" in args else 15
    svg = args[args.index("--svg") + 1] if "--svg" in args else None
    series = {}
    with open(path, newline="") as handle:
        for row in csv.DictReader(handle):
            if row["occupancy"] == "":
                continue
            series.setdefault(row["role"], []).append((int(row["day"]), float(row["occupancy"])))
    roles = sorted(series)
    raw = {role: sorted(values) for role, values in series.items()}
    months = {}
    print(f"{'role':24} " + " ".join(f"m{m + 1:>6}" for m in range(12)))
    for role in roles:
        pairs = sorted(series[role])
        values = [v for _, v in pairs]
        smooth = welch(values, window)
        # Months of 30 days by day number (days with nothing offered, such as GP weekends, are left out).
        last = pairs[-1][0] + 1 if pairs else 0
        means = []
        for m in range(last // 30):
            part = [v for d, v in pairs if m * 30 <= d < (m + 1) * 30]
            means.append(sum(part) / len(part) if part else 0)
        months[role] = means
        print(f"{role:24} " + " ".join(f"{v:7.3f}" for v in means))
        series[role] = smooth
    print("\nrelative change from the month before (%):")
    for role in roles:
        means = months[role]
        changes = [abs(means[m] - means[m - 1]) / means[m - 1] * 100 if means[m - 1] else 0 for m in range(1, len(means))]
        print(f"{role:24} " + "        " + " ".join(f"{c:7.2f}" for c in changes))
    # Drift after a warm-up of w months: the least-squares slope of the daily occupancy from day
    # 30 w on, per 30 days, relative to its mean (in percentage points when the mean is under 5 %,
    # such as the share of beds blocked): noise averages out, a trend does not.
    print("\ndrift after a warm-up of w months (% of the mean a month; points a month under a 5 % mean):")
    print(f"{'role':24} " + " ".join(f"w={w:<5}" for w in range(7)))
    chosen = None
    worst = []
    for w in range(7):
        drifts = []
        for role in roles:
            pairs = [(d, v) for d, v in raw[role] if d >= 30 * w]
            if len(pairs) < 60:
                continue
            n = len(pairs)
            mx = sum(d for d, _ in pairs) / n
            my = sum(v for _, v in pairs) / n
            slope = sum((d - mx) * (v - my) for d, v in pairs) / sum((d - mx) ** 2 for d, _ in pairs)
            drifts.append(abs(slope * 30) / my * 100 if my >= 0.05 else abs(slope * 30) * 100)
        worst.append(drifts)
    for index, role in enumerate(roles):
        print(f"{role:24} " + " ".join(f"{worst[w][index]:7.2f}" if index < len(worst[w]) else "      -" for w in range(7)))
    for w in range(7):
        if worst[w] and max(worst[w]) <= 1.0:
            chosen = w
            break
    if chosen is None:
        print("\nno warm-up of up to 6 months leaves every role within 1 % a month")
    else:
        print(f"\nevery role drifts by at most 1 % a month after a warm-up of {chosen} month(s) ({chosen * 30} days)")
    if svg:
        width, height = 720, 300
        colours = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666", "#1f78b4", "#b2df8a"]
        days = max(len(s) for s in series.values())
        top = max(max(s) for s in series.values()) or 1
        lines = []
        for index, role in enumerate(roles):
            points = " ".join(f"{40 + d * (width - 60) / max(1, days - 1):.1f},{height - 30 - v / top * (height - 50):.1f}"
                              for d, v in enumerate(series[role]))
            lines.append(f'<polyline fill="none" stroke="{colours[index % len(colours)]}" points="{points}"><title>{role}</title></polyline>')
            lines.append(f'<text x="{width - 170}" y="{20 + 14 * index}" fill="{colours[index % len(colours)]}" font-size="11">{role}</text>')
        with open(svg, "w") as handle:
            handle.write(f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}">' + "".join(lines) + "</svg>\n")


if __name__ == "__main__":
    main()
