"""Compiled expressions remembered between runs (lint.patterns.compile): a later run gets the
same expression without compiling it, and nothing wrong with an entry ever reaches `regex`'s C
module or changes what an expression finds."""
import json
from pathlib import Path
import threading

import pytest
import regex
from regex import _main as regex_main

from lint import credits, patterns

TEXTS = [
    "本报记者 王小明 摄\n责任编辑：李四\n来源：新华社",
    "（记者 张三 通讯员 李四）近日，……\n作者：王五　来源：江城晚报",
    "记者：你怎么看？他说：好的，我们明天再谈。",
    "",
]
# an expression large enough to be remembered: the credit expression with its named lists
SOURCE, FLAGS, LISTS = credits._CREDIT.source, credits._CREDIT.flags, credits._CREDIT.lists


def spans(pattern):
    return [[m.span() for m in pattern.finditer(text)] for text in TEXTS]


def entries(folder):
    return sorted(folder.glob("regex-*.json"))


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    return tmp_path


def compiled_without_regex(monkeypatch):
    """patterns.compile with `regex`'s own compiler made unusable: only the cache can answer."""
    def refuse(*args, **kwargs):
        raise AssertionError("compiled afresh")
    with monkeypatch.context() as patch:
        patch.setattr(regex_main, "_compile", refuse)
        return patterns.compile(SOURCE, FLAGS, **LISTS)


def test_a_later_run_takes_the_expression_from_the_cache(cache, monkeypatch):
    first = patterns.compile(SOURCE, FLAGS, **LISTS)
    assert len(entries(cache)) == 1
    again = compiled_without_regex(monkeypatch)
    assert spans(again) == spans(first) == spans(regex.compile(SOURCE, FLAGS, **LISTS))
    assert any(spans(first))  # the texts do hold credits: the comparison means something
    assert [m.groupdict() for m in again.finditer(TEXTS[0])] == [m.groupdict() for m in first.finditer(TEXTS[0])]


def test_the_c_module_is_put_back_after_compiling(cache):
    patterns.compile(SOURCE, FLAGS, **LISTS)
    assert regex_main._regex is patterns._C_MODULE


def damage_program(entry):
    data = json.loads(entry.read_text(encoding="utf-8"))
    program = json.loads(data["program"])
    program["code"][len(program["code"]) // 2] += 7  # would crash the C module if it got it
    data["program"] = json.dumps(program)
    entry.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("damage", [
    damage_program,
    lambda entry: entry.write_bytes(entry.read_bytes()[: entry.stat().st_size // 2]),
    lambda entry: entry.write_text(json.dumps({**json.loads(entry.read_text("utf-8")), "source": "记者"}), "utf-8"),
    lambda entry: entry.write_text(json.dumps({**json.loads(entry.read_text("utf-8")), "digest": None}), "utf-8"),
    lambda entry: entry.write_text("[]", encoding="utf-8"),
])
def test_a_damaged_entry_means_compiling_afresh(cache, monkeypatch, damage):
    expected = spans(patterns.compile(SOURCE, FLAGS, **LISTS))
    [entry] = entries(cache)
    damage(entry)
    with pytest.raises(AssertionError, match="afresh"):
        compiled_without_regex(monkeypatch)  # the damaged entry is not used
    assert spans(patterns.compile(SOURCE, FLAGS, **LISTS)) == expected
    assert spans(compiled_without_regex(monkeypatch)) == expected  # and it was written anew


def test_an_entry_of_another_regex_version_is_not_used(cache, monkeypatch):
    patterns.compile(SOURCE, FLAGS, **LISTS)
    monkeypatch.setattr(regex, "__version__", "0.0.0")
    with pytest.raises(AssertionError, match="afresh"):
        compiled_without_regex(monkeypatch)


def test_named_lists_are_part_of_the_entry(cache):
    small = {name: values[:3] for name, values in LISTS.items()}
    whole, fewer = patterns.compile(SOURCE, FLAGS, **LISTS), patterns.compile(SOURCE, FLAGS, **small)
    assert len(entries(cache)) == 2
    assert spans(patterns.compile(SOURCE, FLAGS, **small)) == spans(fewer) != spans(whole)


def test_small_expressions_are_remembered_too(cache):
    assert patterns.compile(r"[A-Za-z]+").findall("ab 中 cd") == ["ab", "cd"]
    assert len(entries(cache)) == 1
    assert patterns.compile(r"[A-Za-z]+").findall("ab 中 cd") == ["ab", "cd"]  # read back


def test_no_cache_directory_still_compiles(monkeypatch):
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", "")
    assert spans(patterns.compile(SOURCE, FLAGS, **LISTS)) == spans(regex.compile(SOURCE, FLAGS, **LISTS))


def test_threads_compiling_at_once_each_get_their_own_expression(cache):
    sources = [SOURCE, *(rf"(?:{i}|[\p{{Han}}]{{2,{i + 2}}})" for i in range(6))]
    results = {}

    def work(source):
        results[source] = patterns.compile(source, FLAGS, **(LISTS if source == SOURCE else {}))

    threads = [threading.Thread(target=work, args=(source,)) for source in sources]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert regex_main._regex is patterns._C_MODULE
    assert all(results[source].pattern == source for source in sources)
    assert spans(results[SOURCE]) == spans(regex.compile(SOURCE, FLAGS, **LISTS))


def test_built_in_expressions_are_the_same_whatever_the_hash_seed(tmp_path):
    """An expression built from a set in hash order would be a new cache entry in every run
    (and never found again): two runs with different seeds remember the same entries."""
    import os
    import subprocess
    import sys

    program = ("from lint.linter import Linter\n"
               "linter = Linter.load()\n"
               "linter.lint_text(open('examples/flawed.txt', encoding='utf-8').read(), 'flawed.txt')\n")
    names = []
    for seed in ("1", "2"):
        cache = tmp_path / seed
        subprocess.run([sys.executable, "-c", program], check=True, cwd=Path(__file__).resolve().parents[1],
                       env={**os.environ, "NEWSLINT_CACHE_DIR": str(cache), "PYTHONHASHSEED": seed})
        names.append(sorted(p.name for p in cache.glob("regex-*.json")))
    assert names[0] and names[0] == names[1]
