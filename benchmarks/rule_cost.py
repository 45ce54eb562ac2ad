"""What one rule costs the default rule set: on vs off, in the same process, interleaved.

    python benchmarks/rule_cost.py [--rule typos.idiom-near] [--mb 2] [--rounds 7] [--option KEY=JSON ...]

Two linters over the same articles: the default rules, and the default rules without RULE
(`ignore`). Rounds alternate their order (on, off, off, on, ...) so that a machine shared with
others slows both alike; the figure is the median over the rounds of time(on) / time(off),
with the spread. Times are CPU times of this process (`time.process_time`): waiting for a
core does not count, though caches shared with other work still do. `--option` sets an option of the rule for the "on" linter (e.g.
`--option min_count=20`), to price an option before changing a default. The first 50
articles are linted untimed by each linter (one-time costs belong to the latency benchmark).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.articles import articles_of_size, source_name  # noqa: E402
from lint.config import load_config  # noqa: E402
from lint.linter import Linter  # noqa: E402


def seconds(linter: Linter, docs) -> float:
    """CPU time of this process (time spent waiting for a core shared with others is left out)."""
    start = time.process_time()
    for doc in docs:
        linter.lint_text(doc, "article.txt")
    return time.process_time() - start


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rule", default="typos.idiom-near")
    parser.add_argument("--mb", type=float, default=2.0)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--option", action="append", default=[], help="KEY=JSON, an option of RULE when on")
    args = parser.parse_args(argv)

    options = {}
    for item in args.option:
        key, _, value = item.partition("=")
        options[key] = json.loads(value)
    if options:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / ".newslint.yml"
            path.write_text(json.dumps({"rules": {args.rule: options}}), encoding="utf-8")  # JSON is YAML
            on = Linter(config=load_config(path), select=None)
    else:
        on = Linter()
    off = Linter(ignore=[args.rule])
    docs = articles_of_size(args.mb)
    size = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    for linter in (on, off):
        for doc in docs[:50]:
            linter.lint_text(doc, "article.txt")
    ratios, on_times, off_times = [], [], []
    for round_ in range(args.rounds):
        order = (on, off) if round_ % 2 == 0 else (off, on)
        times = {id(linter): seconds(linter, docs) for linter in order}
        on_times.append(times[id(on)])
        off_times.append(times[id(off)])
        ratios.append(times[id(on)] / times[id(off)])
    print(f"text: {source_name()}, {size:.1f} MB; rule {args.rule} {options or ''}")
    print(f"on  {size / min(on_times):6.2f} MB/s (best of {args.rounds})")
    print(f"off {size / min(off_times):6.2f} MB/s (best of {args.rounds})")
    print(f"cost on/off: median {statistics.median(ratios):.3f}  (min {min(ratios):.3f}, max {max(ratios):.3f}; "
          f"best-of ratio {min(on_times) / min(off_times):.3f})")


if __name__ == "__main__":
    main()
