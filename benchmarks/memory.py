"""Peak memory: one large file, and a large tree linted one file at a time.

    python benchmarks/memory.py [--file-mb 50] [--tree-mb 1000]

Writes the inputs into a temporary directory from real-shaped articles, runs `newslint check`
as a child process on each, and reads the child's peak RSS. Bars: the 50 MB file needs under
10x its size; the tree's peak stays near the largest file's, not the tree's size.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.articles import articles_of_size  # noqa: E402


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


def write_tree(folder: Path, megabytes: float) -> tuple[int, float]:
    docs = articles_of_size(min(megabytes, 20))
    written, count = 0, 0
    while written < megabytes * 1e6:
        doc = docs[count % len(docs)].encode("utf-8")
        sub = folder / f"{count // 1000:04d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{count}.txt").write_bytes(doc)
        written += len(doc)
        count += 1
    return count, written / 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--file-mb", type=float, default=50)
    parser.add_argument("--tree-mb", type=float, default=1000)
    args = parser.parse_args()
    command = [sys.executable, "-m", "lint", "check", "--format", "json"]
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "big.txt"
        size = write_big_file(big, args.file_mb)
        rss, seconds = peak_rss_of(command + [str(big)])
        print(f"one {size:.0f} MB file: peak RSS {rss:.0f} MB = {rss / size:.1f}x its size "
              f"(bar: under 10x), {seconds:.1f} s")
        big.unlink()
    if args.tree_mb:
        with tempfile.TemporaryDirectory() as folder:
            count, size = write_tree(Path(folder), args.tree_mb)
            rss, seconds = peak_rss_of(command + ["--select", "typos,punctuation", folder])
            print(f"tree of {count} files, {size:.0f} MB: peak RSS {rss:.0f} MB, {seconds:.1f} s")


if __name__ == "__main__":
    main()
