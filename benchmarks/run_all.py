"""Every benchmark in one command; prints the results as the Markdown of docs/performance.md.

    python -m benchmarks.run_all [--quick] [--write docs/performance.md]

Runs: throughput against autocorrect-py (with 1/10/100 MB scaling and a generated dictionary
pack), pathological text, start-up latency, many files serial and --jobs 2, peak memory on a large file and a
large tree. `--quick` uses small sizes (a smoke run, not the figures to report).
"""
from __future__ import annotations

import argparse
import datetime
import os
import platform
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(title: str, args: list[str]) -> str:
    command = [sys.executable, "-m", *args]
    print(f"## {title}\n$ python -m {' '.join(args)}", flush=True)
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    output = (result.stdout + result.stderr).strip()
    print(output + "\n", flush=True)
    return f"### {title}\n\n```\n$ python -m {' '.join(args)}\n{output}\n```\n"


def machine() -> str:
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        cpu = platform.processor() or "unknown CPU"
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--write", type=Path)
    args = parser.parse_args()
    quick = args.quick
    sections = [
        run("Throughput (one process, default rules) against autocorrect-py",
            ["benchmarks.throughput", "--mb", "2" if quick else "10", *([] if quick else ["--scaling", "--dictionary"])]),
        run("Pathological text", ["benchmarks.pathological", "--mb", "0.3" if quick else "1"]),
        run("Latency of one `newslint check`", ["benchmarks.latency", "--runs", "5" if quick else "21"]),
        run("Many files", ["benchmarks.many_files", "--articles", "300" if quick else "5000", "--jobs", "2"]),
        run("Memory", ["benchmarks.memory", "--file-mb", "5" if quick else "50", "--tree-mb", "10" if quick else "1000"]),
    ]
    header = (f"Measured {datetime.date.today().isoformat()} on {machine()}.\n"
              f"Command: `python -m benchmarks.run_all{' --quick' if quick else ''}`.\n")
    if args.write:
        text = args.write.read_text(encoding="utf-8") if args.write.exists() else ""
        marker = "<!-- results -->"
        head = text.split(marker)[0] if marker in text else text
        args.write.write_text(head + marker + "\n\n" + header + "\n" + "\n".join(sections), encoding="utf-8")


if __name__ == "__main__":
    main()
