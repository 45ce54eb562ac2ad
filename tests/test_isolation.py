"""The suite's own hygiene: each test has its own newslint cache, never the user's, and a CLI
run in a subprocess uses that cache and this checkout's code."""
import os
import subprocess
import sys

from tests.conftest import ROOT, SESSION_CACHE, run_cli

PACK = """\
pack: house
rules:
  - id: banned
    kind: existence
    level: warning
    message: 不要用“{match}”
    tokens: [某某]
"""


def test_each_test_has_its_own_warm_cache_directory(own_cache_dir):
    from lint.cache import cache_dir

    assert cache_dir() == own_cache_dir != SESSION_CACHE
    assert own_cache_dir.name.startswith("cache") and list(own_cache_dir.glob("pack-*.json"))
    assert list(own_cache_dir.glob("script-trad-*.json"))  # no CLI run starts cold


def test_a_cli_subprocess_writes_into_the_tests_cache_and_runs_this_checkout(own_cache_dir, tmp_path):
    pack = tmp_path / "house.yaml"
    pack.write_text(PACK, encoding="utf-8")
    before = set(own_cache_dir.iterdir())
    result = run_cli("check", "--rules", pack, "examples/clean.txt")
    assert result.returncode == 0, result.stderr.decode()
    new = sorted(p.name.split("-", 1)[0] for p in set(own_cache_dir.iterdir()) - before)
    # the new pack, expressions compiled for the first time (lint.patterns) and, when no test
    # before wrote them, the indexes a default check keeps (the idiom index …), nothing else
    assert new.count("pack") == 1 and set(new) <= {"pack", "regex", "idioms", "confusable", "existence"}, new
    probe = subprocess.run(
        [sys.executable, "-c", "import lint, lint.cache; print(lint.cache.cache_dir()); print(lint.__file__)"],
        cwd=tmp_path, capture_output=True, text=True, env={**os.environ})
    assert probe.stdout.splitlines() == [str(own_cache_dir), str(ROOT / "lint" / "__init__.py")]
