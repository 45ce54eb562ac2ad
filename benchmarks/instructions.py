"""Instructions per MB of linting, counted by valgrind (cachegrind): a measure of cost that a
shared, loaded machine does not disturb, unlike time.

    python -m benchmarks.instructions [--mb 2] [--without RULE ...] [--baseline]

Each contender runs twice as a process under `valgrind --tool=cachegrind`: once loading and
warming up only, once also linting the articles; the difference, divided by the megabytes of
text, is the steady-state cost per MB (start-up and warm-up cancel out). `--without` adds the
default rules minus RULE (a rule id or pack, repeatable); `--baseline` adds autocorrect-py's
`lint_for`. Instruction counts are not time: interpreted Python retires more instructions per
cycle than autocorrect's compiled code, so the ratio of instructions runs well above the ratio
of times (docs/performance.md gives both, measured the same day). Use it to compare versions
of newslint with each other; `benchmarks.throughput` gives the time ratio. Repeated runs of one
tree still differ (memory addresses change the order of some sets, and so the one-time work
that falls inside the measured part): by up to ~3 % at 0.5 MB, ~0.3 % at 2 MB, the default. Needs valgrind (`apt-get install valgrind`).
"""
from __future__ import annotations

import argparse
import compileall
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WARM_UP_ARTICLES = 40

# what one run does: load, warm up, and (when asked) lint every article once
_RUN = """
import sys
sys.path.insert(0, {root!r})
from benchmarks.articles import articles_of_size
docs = articles_of_size({mb})
{setup}
for doc in docs[:{warm}]:
    lint(doc)
if {timed}:
    for doc in docs:
        lint(doc)
"""
NEWSLINT = ("from lint.linter import Linter\n"
            "linter = Linter.load(ignore={ignore!r} or None)\n"
            "lint = lambda doc: linter.lint_text(doc, 'article.txt')")
AUTOCORRECT = "import autocorrect_py\nlint = lambda doc: autocorrect_py.lint_for(doc, 'article.txt')"


def instructions(setup: str, mb: float, timed: bool, cache: str) -> int:
    program = _RUN.format(root=str(ROOT), mb=mb, setup=setup, warm=WARM_UP_ARTICLES, timed=timed)
    result = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
         sys.executable, "-c", program],
        capture_output=True, text=True, cwd=ROOT, env=_environment(cache),
    )
    found = re.search(r"I\s+refs:\s+([\d,]+)", result.stderr)
    if result.returncode != 0 or found is None:
        raise SystemExit(f"valgrind run failed:\n{result.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def _environment(cache: str) -> dict:
    # the same hashes each run (so the same work), and a cache of newslint's own that nobody
    # else prunes in between; bytecode is read as an installed package's is (with
    # PYTHONDONTWRITEBYTECODE a module imported lazily, on the first candidate of a rule, was
    # compiled from source inside the measured part)
    environment = {**os.environ, "PYTHONHASHSEED": "0", "NEWSLINT_CACHE_DIR": cache}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    return environment


def per_mb(setup: str, mb: float) -> float:
    with tempfile.TemporaryDirectory() as cache:
        # one plain run over every article first fills the cache (parsed packs, compiled
        # expressions): what a later run compiles is start-up, not the cost per MB
        program = _RUN.format(root=str(ROOT), mb=mb, setup=setup, warm=WARM_UP_ARTICLES, timed=True)
        subprocess.run([sys.executable, "-c", program], capture_output=True, cwd=ROOT, env=_environment(cache))
        return (instructions(setup, mb, True, cache) - instructions(setup, mb, False, cache)) / mb


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=2.0)
    parser.add_argument("--without", action="append", default=[], metavar="RULE")
    parser.add_argument("--baseline", action="store_true", help="also count autocorrect-py's lint_for")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    from benchmarks.articles import articles_of_size, source_name

    compileall.compile_dir(ROOT / "lint", quiet=1)  # as `pip install` does

    docs = articles_of_size(args.mb)
    real_mb = sum(len(d.encode("utf-8")) for d in docs) / 1_000_000
    print(f"text: {source_name()}, {len(docs)} articles, {real_mb:.2f} MB; steady state, per MB")
    default = per_mb(NEWSLINT.format(ignore=[]), args.mb)
    print(f"newslint default rules            {default / 1e6:8.1f} M instructions")
    for rule in args.without:
        without = per_mb(NEWSLINT.format(ignore=[rule]), args.mb)
        print(f"newslint without {rule:<17} {without / 1e6:8.1f} M instructions"
              f"  (the rule costs {default / without:.3f}x)")
    if args.baseline:
        baseline = per_mb(AUTOCORRECT, args.mb)
        print(f"autocorrect-py lint_for           {baseline / 1e6:8.1f} M instructions"
              f"  (ratio autocorrect/newslint {baseline / default:.2f}x)")


if __name__ == "__main__":
    main()
