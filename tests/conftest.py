"""Shared helpers: a tiny DSL so tests read as specifications; each test's own cache.

The suite never touches the user's newslint cache (~/.cache/newslint): from the moment this file
is imported (before test modules load packs at collection), NEWSLINT_CACHE_DIR names a
directory of this session, and every test then gets its own copy of it (`own_cache_dir`).
Subprocesses inherit both through the environment, and PYTHONPATH puts this checkout first,
so a CLI run in a subprocess tests the code under test, not some installed newslint (tests of
an installed copy take `installed_env()`).
"""
from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

# tests/fuzz/ holds fuzz scripts that run for minutes: never part of the default test run
collect_ignore = ["fuzz"]

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
EXAMPLES = ROOT / "examples"

# Set once per session, in the environment: pytest imports this file as `conftest` and test
# modules import it again as `tests.conftest`, and both must agree.
if "NEWSLINT_TEST_SESSION" not in os.environ:
    _session = tempfile.mkdtemp(prefix="newslint-tests-")
    atexit.register(shutil.rmtree, _session, ignore_errors=True)
    os.environ["NEWSLINT_TEST_SESSION"] = _session
    if "PYTHONPATH" in os.environ:
        os.environ["NEWSLINT_TEST_PYTHONPATH"] = os.environ["PYTHONPATH"]
    os.environ["NEWSLINT_CACHE_DIR"] = str(Path(_session) / "cache")
    os.environ["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])
SESSION_CACHE = Path(os.environ["NEWSLINT_TEST_SESSION"]) / "cache"


def installed_env(**extra) -> dict:
    """The environment for running an installed newslint (a wheel, a pre-commit hook): without
    this checkout on PYTHONPATH."""
    env = {**os.environ, **extra}
    original = env.pop("NEWSLINT_TEST_PYTHONPATH", None)
    if original is None:
        env.pop("PYTHONPATH")
    else:
        env["PYTHONPATH"] = original
    return env


@pytest.fixture(scope="session")
def warm_cache() -> Path:
    """The session's cache, warmed once by the code under test (the built-in packs parsed, the
    script kind's table derived, the credit expression compiled), as a user's runs find it.
    (Kept small: every test copies it.)"""
    from lint.credits import find_credits
    from lint.opencc_tables import flagged_characters
    from lint.rulepack import builtin_rules_dir, load_packs

    load_packs([builtin_rules_dir()])
    flagged_characters("trad")
    find_credits("作者：王某")  # the credit expression, remembered compiled (lint.patterns)
    return SESSION_CACHE


@pytest.fixture(autouse=True)
def own_cache_dir(warm_cache, tmp_path_factory, monkeypatch) -> Path:
    """Every test's own cache directory: a copy of the warm one (so a test never sees what
    another wrote, and CLI subprocesses do not start cold). Tests of the cache itself set
    NEWSLINT_CACHE_DIR to a directory of their own."""
    folder = tmp_path_factory.mktemp("cache")
    # (not the temporary files of an entry being written: a server a module started may be
    # writing one, and it can vanish while it is copied)
    shutil.copytree(warm_cache, folder, dirs_exist_ok=True, ignore=shutil.ignore_patterns(".entry-*"))
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(folder))
    return folder


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
