"""Throughput of `lint_text` with the default rule set, against autocorrect-py in the same run.

    python benchmarks/throughput.py [--mb 10] [--rounds 3] [--without RULE ...] [--scaling] [--dictionary]

Prints MB/s (UTF-8 megabytes of article text per second, one process, one core) for newslint
and for autocorrect-py's `lint_for` over the same documents, and their ratio, in CPU time. The contenders
take turns, `--rounds` times, and each keeps its best round: on a shared machine a burst of
load then hits one round, not one contender. `--without RULE` (a rule id or pack, repeatable)
adds the default rules minus those as a third contender: the cost of a rule as a ratio. `--scaling`
adds 1, 10 and 100 MB runs; `--dictionary` adds a generated dictionary pack of about 10 MB to
show that dictionary size does not change the cost per MB. Each tool first lints 50 articles
untimed (one-time compilation is measured by the latency benchmark).
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.articles import articles_of_size, source_name  # noqa: E402
from lint.linter import Linter  # noqa: E402


def megabytes(docs) -> float:
    return sum(len(d.encode("utf-8")) for d in docs) / 1_000_000


WARM_UP_ARTICLES = 50


def rate(function, docs) -> tuple[float, float]:
    """MB/s over all `docs`, after a warm-up over the first articles (not timed): one-time
    costs (compiling expressions on first use) belong to the latency benchmark."""
    for doc in docs[:WARM_UP_ARTICLES]:
        function(doc)
    start = time.perf_counter()
    for doc in docs:
        function(doc)
    seconds = time.perf_counter() - start
    return megabytes(docs) / seconds, seconds


def interleaved(contenders: dict, docs, rounds: int) -> dict[str, float]:
    """CPU seconds of each contender's best round over all `docs`, the contenders taking turns.
    CPU time, not wall time: on a loaded machine a process waits for a core, which is not the
    tool's cost (both contenders run single-threaded in this process)."""
    for function in contenders.values():
        for doc in docs[:WARM_UP_ARTICLES]:
            function(doc)
    best = dict.fromkeys(contenders, float("inf"))
    for _ in range(rounds):
        for name, function in contenders.items():
            start = time.process_time()
            for doc in docs:
                function(doc)
            best[name] = min(best[name], time.process_time() - start)
    return best


def autocorrect_lint():
    try:
        import autocorrect_py
    except ImportError:
        return None
    return lambda doc: autocorrect_py.lint_for(doc, "article.txt")


def generated_dictionary(path: Path, target_mb: float = 10.0) -> int:
    """A pack of random four-character wrong -> right entries, about `target_mb` of YAML."""
    rng = random.Random(3)
    han = [chr(c) for c in range(0x4E00, 0x9FA5)]
    lines, size = ["pack: big", "rules:", "  - id: dict", "    kind: substitution", "    level: error",
                   "    message: “{match}”应为“{replacement}”", "    swap:"], 0
    seen = set()
    while size < target_mb * 1_000_000:
        wrong = "".join(rng.choice(han) for _ in range(4))
        if wrong in seen:
            continue
        seen.add(wrong)
        right = wrong[:3] + ("一" if wrong[3] != "一" else "二")
        line = f"      {wrong}: {right}"
        lines.append(line)
        size += len(line.encode("utf-8")) + 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(seen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--without", action="append", default=[], metavar="RULE")
    parser.add_argument("--scaling", action="store_true")
    parser.add_argument("--dictionary", action="store_true")
    args = parser.parse_args()

    linter = Linter()
    docs = articles_of_size(args.mb)
    print(f"text: {source_name()}, {len(docs)} articles, {megabytes(docs):.1f} MB; "
          f"{len(linter.rules)} rules; best of {args.rounds} interleaved rounds")
    contenders = {"newslint lint_text": lambda d: linter.lint_text(d, "article.txt")}
    if args.without:
        fewer = Linter(ignore=args.without)
        contenders[f"newslint without {','.join(args.without)}"] = lambda d: fewer.lint_text(d, "article.txt")
    baseline = autocorrect_lint()
    if baseline is not None:
        contenders["autocorrect-py lint_for"] = baseline
    best = interleaved(contenders, docs, args.rounds)
    for name, seconds in best.items():
        print(f"{name:32s} {megabytes(docs) / seconds:7.2f} MB/s  ({seconds:.2f} s)")
    ours = best["newslint lint_text"]
    for name, seconds in best.items():
        if name.startswith("newslint without"):
            print(f"cost of {','.join(args.without)}: default rules take {ours / seconds:5.2f}x the time without")
    if baseline is not None:
        theirs = best["autocorrect-py lint_for"]
        print(f"ratio newslint/autocorrect {theirs / ours:5.2f}x  (bar: 1.4x; and 10 MB/s)")
    else:
        print("autocorrect-py is not installed (pip install -e '.[benchmark]'): no ratio")

    if args.scaling:
        for size in (1, 10, 100):
            sized = articles_of_size(size)
            speed, seconds = rate(lambda d: linter.lint_text(d, "article.txt"), sized)
            print(f"scaling {size:4d} MB: {speed:7.2f} MB/s  ({seconds:.2f} s, {seconds / size:.3f} s per MB)")

    if args.dictionary:
        with tempfile.TemporaryDirectory() as folder:
            pack = Path(folder) / "big.yaml"
            entries = generated_dictionary(pack)
            start = time.perf_counter()
            big = Linter([pack])
            load = time.perf_counter() - start
            speed, _ = rate(lambda d: big.lint_text(d, "article.txt"), docs)
            print(f"dictionary: +{entries} entries ({pack.stat().st_size / 1e6:.1f} MB YAML), "
                  f"load {load:.2f} s, {speed:7.2f} MB/s vs {ours:7.2f} MB/s without")


if __name__ == "__main__":
    main()
