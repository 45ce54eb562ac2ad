"""Latency of one `newslint check` on one article, as a whole process.

    python -m benchmarks.latency [--runs 15] [--article examples/flawed.txt]

Prints the median wall time of `newslint check examples/flawed.txt` and, beside it, of
`python -c pass` (the floor any Python command pays). Bar: under 0.25 s. Beside each, the
median CPU time of the process (user + system): on an idle machine the two are about equal,
on a shared one the wall time also counts waiting for a core, which is not newslint's cost.

What is measured is a warm start, as a user meets it from the second run on: one run first
fills the user cache (the parsed rule packs and the script kind's character table), and the
package's bytecode is compiled first, as `pip install` does. Without that step an editable
install run with PYTHONDONTWRITEBYTECODE=1 would compile every module of newslint from source
at each start (about 60 ms more); the benchmark says when that variable is set.
"""
from __future__ import annotations

import argparse
import compileall
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def median_seconds(command, runs: int) -> tuple[float, float]:
    """Median wall and median CPU seconds (user + system) of `command` as a process."""
    wall, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--article", default="examples/flawed.txt")
    args = parser.parse_args()
    import lint

    compileall.compile_dir(Path(lint.__file__).parent, quiet=1)
    check_command = [sys.executable, "-m", "lint", "check", args.article]
    subprocess.run(check_command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm the cache
    floor = median_seconds([sys.executable, "-c", "pass"], args.runs)
    check = median_seconds(check_command, args.runs)
    rules = median_seconds([sys.executable, "-m", "lint", "rules"], args.runs)
    print(f"                               wall      CPU   (medians of {args.runs})")
    print(f"python -c pass                 {floor[0]:.3f} s  {floor[1]:.3f} s")
    print(f"newslint check one article     {check[0]:.3f} s  {check[1]:.3f} s  (bar: 0.25 s)")
    print(f"newslint rules                 {rules[0]:.3f} s  {rules[1]:.3f} s")
    note = ", PYTHONDONTWRITEBYTECODE set" if os.environ.get("PYTHONDONTWRITEBYTECODE") else ""
    print(f"(warm cache, newslint's bytecode compiled first{note}; load average {os.getloadavg()[0]:.2f})")


if __name__ == "__main__":
    main()
