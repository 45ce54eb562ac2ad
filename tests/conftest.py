"""Shared helpers: a tiny DSL so tests read as specifications."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

# tests/fuzz/ holds fuzz scripts that run for minutes: never part of the default test run
collect_ignore = ["fuzz"]

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
EXAMPLES = ROOT / "examples"


def rules_of(findings):
    return [f.rule for f in findings]


def run_cli(*args, input=None, cwd=None, timeout=None):
    """Run `python -m lint ARGS` as a user would; returns CompletedProcess with text output."""
    return subprocess.run(
        [sys.executable, "-m", "lint", *map(str, args)],
        input=input.encode("utf-8") if isinstance(input, str) else input,
        capture_output=True, cwd=cwd or ROOT, timeout=timeout,
    )


def out(result) -> str:
    return result.stdout.decode("utf-8")


def err(result) -> str:
    return result.stderr.decode("utf-8")


@pytest.fixture
def corpus():
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present beside the project")
    return CORPUS
