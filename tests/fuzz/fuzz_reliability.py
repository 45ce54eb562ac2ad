"""Fuzz the readers, the rules, the rule loader and the decoder for a bounded time.

    python tests/fuzz/fuzz_reliability.py [--seconds N] [--only TARGET]

Targets: documents, rule-files, bytes, long-documents (tests/test_reliability_properties.py);
configs, baselines, front-matter, pack-aliases (tests/test_fuzz_inputs.py).

Each target is a property from tests/test_reliability_properties.py, run by hypothesis in
rounds of fresh random examples until its share of the time is spent. A failure is shrunk by
hypothesis, printed, and the target stops; the exit status is 1 if any target failed.
"""
from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the project: lint and tests

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.strategies import any_text, rule_files, suffixes  # noqa: E402
from tests.test_fuzz_inputs import (  # noqa: E402
    baselines, check_baseline, check_config, check_front_matter, check_pack_with_aliases, front_matters,
    pack_texts, yaml_texts,
)
from tests.test_reliability_properties import LINTER, check_bytes, check_document, check_rule_file  # noqa: E402

ROUND = 500


def targets():
    return {
        "documents": (st.tuples(any_text, suffixes), lambda args: check_document(LINTER, *args)),
        "rule-files": (st.tuples(rule_files, any_text), lambda args: check_rule_file(*args)),
        "bytes": (st.binary(max_size=2000), check_bytes),
        "long-documents": (st.tuples(st.lists(any_text, max_size=30).map("".join), suffixes),
                           lambda args: check_document(LINTER, *args)),
        "configs": (st.tuples(yaml_texts, st.sampled_from([".yml", ".toml"])), lambda args: check_config(*args)),
        "baselines": (baselines, check_baseline),
        "front-matter": (st.tuples(front_matters, any_text), lambda args: check_front_matter(*args)),
        "pack-aliases": (pack_texts, check_pack_with_aliases),
    }


def fuzz(name, strategy, prop, seconds) -> tuple[int, str | None]:
    tried = 0
    deadline = time.monotonic() + seconds

    @settings(max_examples=ROUND, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck),
              phases=[Phase.generate, Phase.target, Phase.shrink])
    @given(strategy)
    def run(args):
        nonlocal tried
        tried += 1
        prop(args)

    while time.monotonic() < deadline:
        try:
            run()
        except Exception:
            return tried, traceback.format_exc(limit=6)
    return tried, None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=120, help="total time budget")
    parser.add_argument("--only", choices=sorted(targets()), action="append")
    options = parser.parse_args()
    chosen = {k: v for k, v in targets().items() if not options.only or k in options.only}
    failed = False
    for name, (strategy, prop) in chosen.items():
        started = time.monotonic()
        tried, failure = fuzz(name, strategy, prop, options.seconds / len(chosen))
        status = "FAILED" if failure else "ok"
        print(f"{name:<16} {tried:>8} inputs  {time.monotonic() - started:6.1f} s  {status}", flush=True)
        if failure:
            failed = True
            print(failure, flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
