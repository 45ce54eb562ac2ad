"""Shape checks for the blind news typo set tests/data/typos-blind-news.jsonl.

The set was written without reading the typos rules, detectors, their data, their docs or any
measurement set (see tests/data/README-typos-blind-news.md). It is a held-out measurement set:
this test guards its shape only, never what the linter says about it.
"""
import json
import re
from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "typos-blind-news.jsonl"
KEYS = {"id", "domain", "input", "expected", "kind", "error", "sitting"}
KINDS = {"idiom", "word", "char", "none"}
ERRORS = {"same-sound", "near-sound", "shape", "other", "none"}

# Minimum counts the README states (the set holds 487 lines: 329 wrong, 158 right).
MIN_ROWS = 480
MIN_WRONG = 320
MIN_RIGHT = 150
MIN_PER_KIND = {"idiom": 100, "word": 145, "char": 60}
MIN_PER_ERROR = {"same-sound": 260, "near-sound": 20, "shape": 20, "other": 10}

# Example errors of issue 13, which this set must not reuse.
ISSUE_EXAMPLES = ("趋之若骛", "镀格", "再这之前", "见缝插扎")
ASCII_PUNCT = re.compile(r"[,;:?!()\"'\[\]<>]|\.(?!\d)")


@pytest.fixture(scope="module")
def rows():
    out = []
    for number, line in enumerate(DATA.read_text(encoding="utf-8").splitlines(), 1):
        assert line.strip(), f"blank line {number}"
        row = json.loads(line)
        assert set(row) == KEYS, f"line {number}: keys {sorted(row)}"
        out.append(row)
    return out


def test_written_without_ascii_escapes():
    text = DATA.read_text(encoding="utf-8")
    assert "\\u" not in text
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_ids_record_the_order_of_writing(rows):
    assert [r["id"] for r in rows] == [f"tb-{i:03d}" for i in range(1, len(rows) + 1)]


def test_sittings_never_go_back(rows):
    sittings = [r["sitting"] for r in rows]
    assert all(isinstance(s, int) and s >= 1 for s in sittings)
    assert sittings == sorted(sittings)
    assert sittings[0] == 1 and set(sittings) == set(range(1, sittings[-1] + 1))


def test_fields_take_allowed_values(rows):
    for r in rows:
        assert r["domain"] == "blind-news", r["id"]
        assert r["kind"] in KINDS, r["id"]
        assert r["error"] in ERRORS, r["id"]
        assert (r["kind"] == "none") == (r["error"] == "none"), r["id"]


def test_inputs_unique(rows):
    for field in ("input", "expected"):
        repeated = [t for t, n in Counter(r[field] for r in rows).items() if n > 1]
        assert not repeated, f"repeated {field}: {repeated}"


def test_one_changed_character_exactly_when_wrong(rows):
    for r in rows:
        source, target = r["input"], r["expected"]
        assert len(source) == len(target), r["id"]
        changed = [i for i, (a, b) in enumerate(zip(source, target)) if a != b]
        if r["kind"] == "none":
            assert not changed, r["id"]
        else:
            assert len(changed) == 1, r["id"]
            i = changed[0]
            assert "\u4e00" <= source[i] <= "\u9fff" and "\u4e00" <= target[i] <= "\u9fff", r["id"]


def test_sentences_are_news_length_with_full_width_punctuation(rows):
    for r in rows:
        for text in (r["input"], r["expected"]):
            assert 15 <= len(text) <= 60, r["id"]
            assert not ASCII_PUNCT.search(text), r["id"]
            assert text == text.strip() and "\t" not in text, r["id"]
        assert r["expected"][-1] in "。！？”", r["id"]


def test_issue_examples_not_reused(rows):
    for r in rows:
        for example in ISSUE_EXAMPLES:
            assert example not in r["input"] and example not in r["expected"], r["id"]


def test_counts_at_least_as_stated(rows):
    kinds = Counter(r["kind"] for r in rows)
    errors = Counter(r["error"] for r in rows)
    assert len(rows) >= MIN_ROWS
    assert len(rows) - kinds["none"] >= MIN_WRONG
    assert kinds["none"] >= MIN_RIGHT
    for kind, minimum in MIN_PER_KIND.items():
        assert kinds[kind] >= minimum, kind
    for error, minimum in MIN_PER_ERROR.items():
        assert errors[error] >= minimum, error
