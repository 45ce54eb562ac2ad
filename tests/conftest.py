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
import contextlib
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


def _warm_files(folder: Path) -> dict[str, tuple[int, int, int]]:
    files = {}
    for entry in os.scandir(folder):
        with contextlib.suppress(FileNotFoundError):  # (an entry being written and renamed)
            if not entry.name.startswith(".entry-") and entry.is_file(follow_symlinks=False):
                stat = entry.stat(follow_symlinks=False)
                files[entry.name] = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
    return files


@pytest.fixture(scope="session")
def pristine_cache(warm_cache, tmp_path_factory) -> tuple[Path, dict]:
    """A real copy of the warm cache's files, to repair it from, and what those files were."""
    copy = tmp_path_factory.mktemp("pristine-cache")
    shutil.copytree(warm_cache, copy, dirs_exist_ok=True, ignore=shutil.ignore_patterns(".entry-*"))
    return copy, _warm_files(warm_cache)


def _written_in_place(warm_cache: Path, pristine_cache) -> list[str]:
    """The warm cache's files whose content changed under the same inode (put back from the
    copy); entries replaced or added keep the warm cache as it now is. (In-process code may
    write into the warm cache itself: a module-level object that found its entry while the
    session cache was being warmed writes there again, by replacing.)"""
    copy, files = pristine_cache
    now = _warm_files(warm_cache)
    in_place = [name for name, (inode, *stamp) in now.items()
                if name in files and files[name][0] == inode and files[name][1:] != tuple(stamp)]
    for name in in_place:
        (warm_cache / name).unlink()
        shutil.copyfile(copy / name, warm_cache / name)
    for name in now.keys() - files.keys() | {n for n in now if n in files and files[n][0] != now[n][0]}:
        if name not in in_place:
            shutil.copyfile(warm_cache / name, copy / name)
    files.clear()
    files.update(_warm_files(warm_cache))
    return in_place


@pytest.fixture(autouse=True)
def own_cache_dir(warm_cache, pristine_cache, tmp_path_factory, monkeypatch) -> Path:
    """Every test's own cache directory, holding the warm one's entries (so a test never sees
    what another wrote, and CLI subprocesses do not start cold). Tests of the cache itself set
    NEWSLINT_CACHE_DIR to a directory of their own.

    The entries are hard links, not copies (a copy of the ~500 files cost ~90 ms a test, a
    third of the suite's time): newslint only ever replaces an entry (a new file renamed into
    place) or deletes one, which leaves the warm file alone. A test that damages an entry must
    do the same (`replace_entry`); one that writes into an entry in place would change the
    warm cache under every later test, so it fails, and the file is put back."""
    folder = tmp_path_factory.mktemp("cache")
    # (not the temporary files of an entry being written: a server a module started may be
    # writing one, and it can vanish while it is linked)
    for entry in os.scandir(warm_cache):
        if entry.is_file(follow_symlinks=False) and not entry.name.startswith(".entry-"):
            with contextlib.suppress(FileNotFoundError):
                os.link(entry.path, folder / entry.name)
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(folder))
    yield folder
    in_place = _written_in_place(warm_cache, pristine_cache)
    if in_place:
        pytest.fail("this test wrote into cache entries in place (the entries are hard links to "
                    "the warm cache's files; use replace_entry): " + ", ".join(in_place))


def replace_entry(entry: Path, content: str | bytes) -> None:
    """Give a cache entry new content as newslint would (a new file at its name), never by
    writing into it: the tests' cache entries are hard links to the warm cache's files."""
    entry.unlink(missing_ok=True)
    if isinstance(content, bytes):
        entry.write_bytes(content)
    else:
        entry.write_text(content, encoding="utf-8")


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
