"""Peak memory: one large file, and a large tree whose report is streamed file by file.

    python -m benchmarks.memory [--file-mb 50] [--tree-mb 1000] [--small-tree-mb 10] [--jobs N]

Writes the inputs into a temporary directory (removed afterwards) from real-shaped articles,
runs `newslint check --format json` as a child process on each, and reads the peak RSS of the
largest process it started (the command or one of its `--jobs` workers). Bars (issue 8): the
50 MB file needs under 10x its size; the tree is linted one file at a time, so its peak must
not grow with the tree: what the large tree needs above a small tree of the same articles
(the interpreter, the rules and the automaton, the same for any tree) stays under 10x the
tree's largest file.
"""
from __future__ import annotations

import argparse
import datetime
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.articles import articles_of_size, source_name  # noqa: E402


MEASURE = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def peak_rss_of(command) -> tuple[float, float]:
    """(peak RSS in MB, seconds) of a child process, measured by a fresh parent of its own."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    return int(result.stdout.strip()) / 1024, seconds


def write_big_file(path: Path, megabytes: float) -> float:
    with path.open("w", encoding="utf-8") as out:
        for doc in articles_of_size(megabytes):
            out.write(doc)
    return path.stat().st_size / 1e6


def write_tree(folder: Path, megabytes: float) -> tuple[int, float, int]:
    """Articles as files, a thousand a folder; (files, MB written, largest file in bytes)."""
    docs = [doc.encode("utf-8") for doc in articles_of_size(min(megabytes, 20))]
    written, count, largest = 0, 0, 0
    while written < megabytes * 1e6:
        doc = docs[count % len(docs)]
        sub = folder / f"{count // 1000:04d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{count}.txt").write_bytes(doc)
        written += len(doc)
        largest = max(largest, len(doc))
        count += 1
    return count, written / 1e6, largest


def tree_run(command, megabytes: float) -> tuple[int, float, int, float, float]:
    with tempfile.TemporaryDirectory() as folder:
        count, size, largest = write_tree(Path(folder), megabytes)
        rss, seconds = peak_rss_of(command + [folder])
    return count, size, largest, rss, seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--file-mb", type=float, default=50)
    parser.add_argument("--tree-mb", type=float, default=1000)
    parser.add_argument("--small-tree-mb", type=float, default=10)
    parser.add_argument("--jobs", type=int, default=None, help="--jobs of the tree runs [default: all cores]")
    args = parser.parse_args()
    print(f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, {platform.machine()} "
          f"{os.cpu_count()} cores, Python {platform.python_version()}; text: {source_name()}")
    command = [sys.executable, "-m", "lint", "check", "--format", "json"]
    if args.file_mb:
        with tempfile.TemporaryDirectory() as folder:
            big = Path(folder) / "big.txt"
            size = write_big_file(big, args.file_mb)
            rss, seconds = peak_rss_of(command + [str(big)])
            print(f"one {size:.0f} MB file: peak RSS {rss:.0f} MB = {rss / size:.1f}x its size "
                  f"(bar: under 10x), {seconds:.1f} s")
    if args.tree_mb:
        tree = command + ["--select", "typos,punctuation"] + (["--jobs", str(args.jobs)] if args.jobs else [])
        print(f"trees: {' '.join(['newslint'] + tree[3:])} DIR")
        small = tree_run(tree, args.small_tree_mb)
        large = tree_run(tree, args.tree_mb)
        for count, size, largest, rss, seconds in (small, large):
            print(f"tree of {count} files, {size:.0f} MB (largest file {largest / 1e3:.1f} kB): "
                  f"peak RSS {rss:.0f} MB, {seconds:.1f} s")
        growth = (large[3] - small[3]) * 1e6
        print(f"the {large[1]:.0f} MB tree needs {growth / 1e6:+.1f} MB beside the {small[1]:.0f} MB one = "
              f"{growth / large[2]:.1f}x its largest file (bar: under 10x)")


if __name__ == "__main__":
    main()
