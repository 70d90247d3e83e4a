"""Times programs end to end, their runs interleaved, and prints each one's median and range.

Usage: interleaved_timing.py RUNS NAME -- COMMAND… [--- NAME -- COMMAND…]…

Each round runs every command once, in turn, so a change of load on a shared machine falls
on all of them alike; wall time is taken with time.perf_counter around the whole process
(start-up, reading, computing, writing). Prints, per command, the median, fastest and
slowest wall times, then the ratio of the first command's median to each other's. The CPU
time of each run (user + system, from getrusage of the children) is printed too: on a
machine shared with other work, wall time includes waiting for a core, CPU time does not.
"""
import resource
import statistics
import subprocess
import sys
import time


def parse(arguments):
    runs = int(arguments[0])
    commands, rest = [], arguments[1:]
    while rest:
        name, separator, *rest = rest
        assert separator == "--", "expected NAME -- COMMAND…"
        end = rest.index("---") if "---" in rest else len(rest)
        commands.append((name, rest[:end]))
        rest = rest[end + 1:]
    return runs, commands


def main():
    runs, commands = parse(sys.argv[1:])
    times = {name: [] for name, _ in commands}
    cpu = {name: [] for name, _ in commands}
    for _ in range(runs):
        for name, command in commands:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
            times[name].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[name].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    for name, _ in commands:
        values = times[name]
        print(f"{name}: median {statistics.median(values):.3f} s, fastest {min(values):.3f} s, slowest {max(values):.3f} s ({runs} runs)")
    for name, _ in commands:
        print(f"{name}: CPU (user + system) median {statistics.median(cpu[name]):.3f} s")
    base = commands[0][0]
    for name, _ in commands[1:]:
        print(f"{base} / {name}: {statistics.median(times[base]) / statistics.median(times[name]):.1f}× by median, "
              f"{min(times[base]) / min(times[name]):.1f}× by the fastest runs")


if __name__ == "__main__":
    main()
