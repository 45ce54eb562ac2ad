"""Latency of one `newslint check` on one article, as a whole process.

    python benchmarks/latency.py [--runs 15]

Prints the median wall time of `newslint check examples/flawed.txt` and, beside it, of
`python -c pass` (the floor any Python command pays). Bar: under 0.25 s.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def median_seconds(command, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--article", default="examples/flawed.txt")
    args = parser.parse_args()
    floor = median_seconds([sys.executable, "-c", "pass"], args.runs)
    check = median_seconds([sys.executable, "-m", "lint", "check", args.article], args.runs)
    rules = median_seconds([sys.executable, "-m", "lint", "rules"], args.runs)
    print(f"python -c pass                 {floor:.3f} s (median of {args.runs})")
    print(f"newslint check one article     {check:.3f} s (bar: 0.25 s)")
    print(f"newslint rules                 {rules:.3f} s")


if __name__ == "__main__":
    main()
