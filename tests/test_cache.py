"""The pack cache is never trusted blindly (issue 16 item 6): an entry is checked against the
source it claims to cache, only regular files of the user's are opened, anything wrong is
parsed again and rewritten, and old entries are pruned."""
from __future__ import annotations

import json
import os
import time

import pytest

from lint import cache, rulepack
from lint.builtin_rules import builtin_rules_dir
from lint.rulepack import load_packs
from tests.conftest import EXAMPLES, out, run_cli

TYPOS = builtin_rules_dir() / "typos.yaml"


@pytest.fixture
def entry(tmp_path, monkeypatch):
    """The cache entry of the built-in typos pack, in a cache of this test's own."""
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    load_packs([TYPOS])
    path = rulepack.cache_entry(TYPOS.read_text(encoding="utf-8"))
    assert path.is_file()
    return path


def typos_ids():
    return sorted(rule.id for rule in load_packs([TYPOS]))


PLANTED = {"pack": "typos", "rules": [{
    "id": "planted", "kind": "substitution", "level": "error", "message": "m",
    "swap": {"的": "地"}, "fix": "safe"}]}


@pytest.mark.parametrize("content", [
    {},                         # every run failed, and it never healed
    {"rules": []},              # the typos pack silently off
    PLANTED,                    # --fix rewrote 的 as 地
    {"schema": rulepack.PACK_SCHEMA, "source": "0" * 64, "pack": PLANTED},  # not this source's
    {"schema": rulepack.PACK_SCHEMA, "source": None, "pack": {"rules": []}},
    [], "", 1e308, {"schema": rulepack.PACK_SCHEMA},
], ids=["empty", "no-rules", "planted", "other-source", "no-source", "list", "string", "number", "schema-only"])
def test_a_wrong_entry_is_parsed_again_and_rewritten(entry, content):
    expected = typos_ids()
    entry.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    assert typos_ids() == expected
    healed = json.loads(entry.read_text(encoding="utf-8"))
    assert healed["source"] == rulepack._pack_key(TYPOS.read_text(encoding="utf-8"))
    assert typos_ids() == expected


def test_an_entry_with_the_right_key_but_a_broken_pack_is_parsed_again(entry):
    expected = typos_ids()
    key = rulepack._pack_key(TYPOS.read_text(encoding="utf-8"))
    broken = {"rules": [{"id": "x", "kind": "nonsense", "level": "error", "message": "m"}]}
    entry.write_text(json.dumps({"schema": rulepack.PACK_SCHEMA, "source": key, "pack": broken}), encoding="utf-8")
    assert typos_ids() == expected


def test_a_planted_entry_does_not_change_what_fix_writes(entry, tmp_path):
    entry.write_text(json.dumps(PLANTED, ensure_ascii=False), encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("标题\n我的书。\n", encoding="utf-8")
    result = run_cli("check", "--fix", article, timeout=60)
    assert article.read_text(encoding="utf-8") == "标题\n我的书。\n", out(result)


def test_a_fifo_at_the_entry_path_does_not_hang_the_run(entry):
    entry.unlink()
    os.mkfifo(entry)
    result = run_cli("check", EXAMPLES / "flawed.txt", timeout=60)  # it blocked forever
    assert result.returncode == 1 and "typos." in out(result)
    assert entry.is_file()  # rewritten as a regular file


@pytest.mark.parametrize("kind", ["symlink", "group-writable", "too-large"])
def test_only_regular_files_of_the_users_own_are_read(entry, tmp_path, monkeypatch, kind):
    expected = typos_ids()
    good = entry.read_text(encoding="utf-8")
    data = json.loads(good)
    data["pack"] = {"rules": []}
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text(json.dumps(data), encoding="utf-8")
    if kind == "symlink":
        entry.unlink()
        entry.symlink_to(elsewhere)
    elif kind == "group-writable":
        entry.write_text(json.dumps(data), encoding="utf-8")
        entry.chmod(0o664)
    else:
        entry.write_text(json.dumps(data), encoding="utf-8")
        monkeypatch.setattr(cache, "MAX_ENTRY_BYTES", 100)
    assert cache.read_cache(entry) is None
    assert typos_ids() == expected


def test_old_entries_are_pruned_when_one_is_written(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    folder.mkdir()
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(folder))
    long_ago = time.time() - 86_400
    for number in range(cache.KEEP_ENTRIES + 10):
        old = folder / f"pack-{number:064x}.json"
        old.write_text("{}", encoding="utf-8")
        os.utime(old, (long_ago + number, long_ago + number))
    leftover = folder / ".entry-abc.tmp"
    leftover.write_text("half", encoding="utf-8")
    os.utime(leftover, (long_ago, long_ago))
    other_kind = folder / "script-trad-0.json"
    other_kind.write_text("{}", encoding="utf-8")
    os.utime(other_kind, (long_ago, long_ago))
    load_packs([TYPOS])
    packs = sorted(folder.glob("pack-*.json"))
    assert len(packs) == cache.KEEP_ENTRIES
    assert rulepack.cache_entry(TYPOS.read_text(encoding="utf-8")) in packs
    assert folder / f"pack-{0:064x}.json" not in packs  # the oldest went first
    assert folder / f"pack-{cache.KEEP_ENTRIES + 9:064x}.json" in packs
    assert not leftover.exists() and other_kind.exists()
