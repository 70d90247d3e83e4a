"""Runs a command and reports, per program of its process tree, CPU time, peak memory and wall span.

Polls /proc every 0.2 s: each live descendant's utime + stime and VmHWM (its own peak resident
memory, which the kernel keeps, so the last sample before it exits holds its peak), grouped by
program name. GNU time cannot split these: its peak is the largest waited-for process and its
CPU the sum. A process that lives less than one poll may be missed; its CPU is then counted in
no row (the "total" row comes from the kernel's children accounting and includes it).
The command's stdout goes to stdout, the usage table to stderr (and to --json FILE).
Usage: proc_usage.py [--json FILE] -- COMMAND…
"""
import json, os, resource, subprocess, sys, time

args = sys.argv[1:]
out_json = None
if args[:1] == ["--json"]:
    out_json, args = args[1], args[2:]
if args[:1] == ["--"]:
    args = args[1:]
tick = os.sysconf("SC_CLK_TCK")


def children_of(pids):
    """Every process whose parent is in pids, recursively: pid -> name."""
    found = {}
    frontier = set(pids)
    table = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    stat = f.read()
                name = stat[stat.index("(") + 1 : stat.rindex(")")]
                ppid = int(stat[stat.rindex(")") + 2 :].split()[1])
                table[int(entry)] = (ppid, name)
            except (OSError, ValueError):
                pass
    while frontier:
        frontier = {pid for pid, (ppid, _) in table.items() if ppid in frontier and pid not in found}
        for pid in frontier:
            found[pid] = table[pid][1]
    return found


def sample(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            stat = f.read()
        fields = stat[stat.rindex(")") + 2 :].split()
        cpu = (int(fields[11]) + int(fields[12])) / tick
        hwm = 0
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    hwm = int(line.split()[1])
        return cpu, hwm
    except (OSError, ValueError, IndexError):
        return None


start = time.monotonic()
process = subprocess.Popen(args)
seen = {}  # pid -> dict(name, cpu, hwm, first, last)
while True:
    pids = {process.pid: os.path.basename(args[0])}
    pids.update(children_of([process.pid]))
    now = time.monotonic() - start
    for pid, name in pids.items():
        s = sample(pid)
        if s is None:
            continue
        row = seen.setdefault(pid, dict(name=name, cpu=0.0, hwm=0, first=now, last=now))
        row["name"], row["cpu"], row["hwm"], row["last"] = name, s[0], max(row["hwm"], s[1]), now
    if process.poll() is not None:
        break
    time.sleep(0.2)
wall = time.monotonic() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
programs = {}
for row in seen.values():
    p = programs.setdefault(row["name"], dict(cpu_s=0.0, peak_rss_mb=0.0, wall_s=0.0, processes=0))
    p["cpu_s"] += row["cpu"]
    p["peak_rss_mb"] = max(p["peak_rss_mb"], row["hwm"] / 1024)
    p["wall_s"] += row["last"] - row["first"]
    p["processes"] += 1
report = dict(
    exit=process.returncode, wall_s=wall, total_cpu_s=usage.ru_utime + usage.ru_stime, programs=programs
)
for name, p in programs.items():
    print(
        f"  {name:18s} cpu {p['cpu_s']:8.1f} s  peak RSS {p['peak_rss_mb']:8.1f} MB  alive {p['wall_s']:8.1f} s",
        file=sys.stderr,
    )
print(f"  wall {wall:.1f} s, CPU of the whole tree {report['total_cpu_s']:.1f} s, exit {process.returncode}", file=sys.stderr)
if out_json:
    with open(out_json, "w") as f:
        json.dump(report, f, indent=1)
sys.exit(process.returncode)
