"""Shape checks for the fourth blind news typo set tests/data/typos-blind-news4.jsonl.

The set was written without reading the typos rules, detectors, their data, their docs, the
earlier blind sets' rows or any other measurement set (see tests/data/README-typos-blind-news4.md).
It is a held-out measurement set: this test guards its shape only, never what the linter says
about it. It never prints a row of any blind set.
"""
import json
import re
from collections import Counter
from pathlib import Path

import pytest

HERE = Path(__file__).parent / "data"
DATA = HERE / "typos-blind-news4.jsonl"
EARLIER_SETS = (
    HERE / "typos-blind-news.jsonl",
    HERE / "typos-blind-news2.jsonl",
    HERE / "typos-blind-news3.jsonl",
)
KEYS = {"id", "domain", "input", "expected", "kind", "error", "sitting"}
KINDS = {"idiom", "word", "char", "none"}
ERRORS = {"same-sound", "near-sound", "shape", "other", "none"}

# Minimum counts the README states (the set holds 527 lines: 357 wrong, 170 right;
# idiom 114, word 202, char 41; same-sound 298, near-sound 28, shape 21, other 10;
# 334 different (wrong, right) character pairs).
MIN_ROWS = 525
MIN_WRONG = 355
MIN_RIGHT = 170
MIN_PER_KIND = {"idiom": 110, "word": 200, "char": 40}
MIN_PER_ERROR = {"same-sound": 290, "near-sound": 25, "shape": 20, "other": 10}
MIN_SITTINGS = 5
MIN_PAIRS = 330

# Example errors of issue 13 (and of the earlier sets' shape tests), which this set must not
# reuse, and the issue's real-word example pairs, which no error of this set may be.
ISSUE_EXAMPLES = ("趋之若骛", "镀格", "再这之前", "见缝插扎")
ISSUE_PAIRS = ({"止", "至"}, {"力", "利"})
ASCII_PUNCT = re.compile(r"[,;:?!()\"'\[\]<>]|\.(?!\d)")


def _changed(row):
    return [i for i, (a, b) in enumerate(zip(row["input"], row["expected"])) if a != b]


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
    assert [r["id"] for r in rows] == [f"tb4-{i:03d}" for i in range(1, len(rows) + 1)]


def test_sittings_never_go_back(rows):
    sittings = [r["sitting"] for r in rows]
    assert all(isinstance(s, int) and s >= 1 for s in sittings)
    assert sittings == sorted(sittings)
    assert sittings[0] == 1 and set(sittings) == set(range(1, sittings[-1] + 1))
    assert sittings[-1] >= MIN_SITTINGS


def test_fields_take_allowed_values(rows):
    for r in rows:
        assert r["domain"] == "blind-news4", r["id"]
        assert r["kind"] in KINDS, r["id"]
        assert r["error"] in ERRORS, r["id"]
        assert (r["kind"] == "none") == (r["error"] == "none"), r["id"]


def test_inputs_unique(rows):
    for field in ("input", "expected"):
        counts = Counter(r[field] for r in rows)
        repeated = [r["id"] for r in rows if counts[r[field]] > 1]
        assert not repeated, f"repeated {field}: {repeated}"


def test_one_changed_character_exactly_when_wrong(rows):
    for r in rows:
        assert len(r["input"]) == len(r["expected"]), r["id"]
        changed = _changed(r)
        if r["kind"] == "none":
            assert not changed and r["input"] == r["expected"], r["id"]
        else:
            assert len(changed) == 1, r["id"]
            i = changed[0]
            for ch in (r["input"][i], r["expected"][i]):
                assert "\u4e00" <= ch <= "\u9fff", r["id"]


def test_sentences_are_news_length_with_full_width_punctuation(rows):
    for r in rows:
        for text in (r["input"], r["expected"]):
            assert 15 <= len(text) <= 60, r["id"]
            assert not ASCII_PUNCT.search(text), r["id"]
            assert text == text.strip() and "\t" not in text, r["id"]
        assert r["expected"][-1] in "。！？”", r["id"]


def test_no_sentence_of_the_earlier_blind_sets_repeated(rows):
    # Read the earlier sets programmatically only; report ids of this set, never their rows.
    earlier = set()
    for path in EARLIER_SETS:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            earlier.update((row["input"], row["expected"]))
    repeated = [r["id"] for r in rows if r["input"] in earlier or r["expected"] in earlier]
    assert not repeated, f"sentences shared with an earlier blind set: {repeated}"


def test_issue_examples_not_reused(rows):
    for r in rows:
        for example in ISSUE_EXAMPLES:
            assert example not in r["input"] and example not in r["expected"], r["id"]
        if r["kind"] != "none":
            i = _changed(r)[0]
            assert {r["input"][i], r["expected"][i]} not in ISSUE_PAIRS, r["id"]


def test_errors_spread_over_many_words(rows):
    # The same wrong character in the same three-character context at most twice.
    contexts = Counter()
    for r in rows:
        if r["kind"] != "none":
            i = _changed(r)[0]
            contexts[(r["expected"][max(0, i - 1):i + 2], r["input"][i])] += 1
    assert max(contexts.values()) <= 2


def test_many_different_character_pairs(rows):
    pairs = set()
    for r in rows:
        if r["kind"] != "none":
            i = _changed(r)[0]
            pairs.add((r["input"][i], r["expected"][i]))
    assert len(pairs) >= MIN_PAIRS


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
