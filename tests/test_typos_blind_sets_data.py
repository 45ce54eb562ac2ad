"""Shape checks for the blind news typo sets tests/data/typos-blind-news*.jsonl.

Each set was written without reading the typos rules, detectors, their data, their docs or the
earlier sets' rows (see each set's README in tests/data/). They are measurement sets: these
tests guard their shape only, never what the linter says about them, and never print a row:
a failure names ids only. PYTEST_DONT_REWRITE: pytest must not explain a failed assertion with
the values in it (a sentence), and each test hides its own frame (`__tracebackhide__`), whose
locals hold rows.
"""
import json
import re
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest

HERE = Path(__file__).parent / "data"
KEYS = {"id", "domain", "input", "expected", "kind", "error", "sitting"}
KINDS = {"idiom", "word", "char", "none"}
ERRORS = {"same-sound", "near-sound", "shape", "other", "none"}
ASCII_PUNCT = re.compile(r"[,;:?!()\"'\[\]<>]|\.(?!\d)")
# Example errors of issue 13, which no set may reuse, and its real-word example pairs, which
# no error of the later sets may be.
ISSUE_EXAMPLES = ("趋之若骛", "镀格", "再这之前", "见缝插扎")
ISSUE_PAIRS = ({"止", "至"}, {"力", "利"})


def _set(name, prefix, rows, wrong, right, per_kind, per_error, **later):
    """A set and the minimum counts its README states. `later`: what only the later sets
    promise (sittings, the issue's pairs left out, errors spread over many contexts, distinct
    pairs)."""
    return SimpleNamespace(name=name, prefix=prefix, rows=rows, wrong=wrong, right=right, per_kind=per_kind,
                           per_error=per_error, sittings=later.get("sittings", 1), no_issue_pairs=later.get("no_issue_pairs", False),
                           spread=later.get("spread", False), pairs=later.get("pairs", 0))


SETS = [
    # 487 lines: 329 wrong, 158 right
    _set("typos-blind-news", "tb", 480, 320, 150, {"idiom": 100, "word": 145, "char": 60},
         {"same-sound": 260, "near-sound": 20, "shape": 20, "other": 10}),
    # 512 lines: 346 wrong, 166 right; idiom 101, word 178, char 67
    _set("typos-blind-news2", "tb2", 510, 340, 160, {"idiom": 90, "word": 170, "char": 60},
         {"same-sound": 290, "near-sound": 20, "shape": 20, "other": 5}),
    # 533 lines: 355 wrong, 178 right; idiom 113, word 195, char 47
    _set("typos-blind-news3", "tb3", 530, 350, 175, {"idiom": 110, "word": 190, "char": 45},
         {"same-sound": 280, "near-sound": 30, "shape": 15, "other": 10},
         sittings=5, no_issue_pairs=True, spread=True),
    # 527 lines: 357 wrong, 170 right; idiom 114, word 202, char 41; 334 distinct pairs
    _set("typos-blind-news4", "tb4", 525, 355, 170, {"idiom": 110, "word": 200, "char": 40},
         {"same-sound": 290, "near-sound": 25, "shape": 20, "other": 10},
         sittings=5, no_issue_pairs=True, spread=True, pairs=330),
    # 549 lines: 378 wrong, 171 right; idiom 118, word 219, char 41; 354 distinct pairs
    _set("typos-blind-news5", "tb5", 545, 375, 170, {"idiom": 115, "word": 215, "char": 40},
         {"same-sound": 315, "near-sound": 25, "shape": 20, "other": 10},
         sittings=5, no_issue_pairs=True, spread=True, pairs=345),
    # 580 lines: 405 wrong, 175 right; idiom 125, word 238, char 42; 400 distinct pairs
    _set("typos-blind-news6", "tb6", 545, 375, 170, {"idiom": 115, "word": 215, "char": 40},
         {"same-sound": 315, "near-sound": 25, "shape": 20, "other": 10},
         sittings=5, no_issue_pairs=True, spread=True, pairs=345),
    # 572 lines: 403 wrong, 169 right; idiom 121, word 241, char 41; 393 distinct pairs
    _set("typos-blind-news7", "tb7", 560, 400, 165, {"idiom": 115, "word": 235, "char": 40},
         {"same-sound": 330, "near-sound": 25, "shape": 20, "other": 10},
         sittings=5, no_issue_pairs=True, spread=True, pairs=385),
    # 623 lines: 446 wrong, 177 right; idiom 122, word 282, char 42; 446 distinct pairs
    _set("typos-blind-news8", "tb8", 615, 440, 170, {"idiom": 120, "word": 275, "char": 40},
         {"same-sound": 365, "near-sound": 35, "shape": 25, "other": 10},
         sittings=5, no_issue_pairs=True, spread=True, pairs=440),
]


def _rows(spec):
    out = []
    for number, line in enumerate((HERE / f"{spec.name}.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        assert line.strip(), f"{spec.name}: blank line {number}"
        row = json.loads(line)
        assert set(row) == KEYS, f"{spec.name} line {number}: keys {sorted(row)}"
        out.append(row)
    return out


@pytest.fixture(scope="module", params=SETS, ids=[spec.name for spec in SETS])
def typo_set(request):
    return request.param, _rows(request.param)


def _changed(row):
    return [i for i, (a, b) in enumerate(zip(row["input"], row["expected"])) if a != b]


def _errors(rows):
    """(row, index of its changed character) of the wrong rows."""
    return [(r, _changed(r)[0]) for r in rows if r["kind"] != "none"]


def test_written_without_ascii_escapes(typo_set):
    __tracebackhide__ = True
    spec, _ = typo_set
    text = (HERE / f"{spec.name}.jsonl").read_text(encoding="utf-8")
    assert "\\u" not in text
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_ids_and_sittings_record_the_order_of_writing(typo_set):
    __tracebackhide__ = True
    spec, rows = typo_set
    assert [r["id"] for r in rows] == [f"{spec.prefix}-{i:03d}" for i in range(1, len(rows) + 1)]
    sittings = [r["sitting"] for r in rows]
    assert all(isinstance(s, int) and s >= 1 for s in sittings)
    assert sittings == sorted(sittings)
    assert sittings[0] == 1 and set(sittings) == set(range(1, sittings[-1] + 1))
    assert sittings[-1] >= spec.sittings


def test_fields_take_allowed_values(typo_set):
    __tracebackhide__ = True
    spec, rows = typo_set
    for r in rows:
        assert r["domain"] == spec.name.removeprefix("typos-"), r["id"]
        assert r["kind"] in KINDS and r["error"] in ERRORS, r["id"]
        assert (r["kind"] == "none") == (r["error"] == "none"), r["id"]


def test_sentences_unique(typo_set):
    __tracebackhide__ = True
    _, rows = typo_set
    for field in ("input", "expected"):
        counts = Counter(r[field] for r in rows)
        assert not [r["id"] for r in rows if counts[r[field]] > 1], f"repeated {field}"


def test_one_changed_han_character_exactly_when_wrong(typo_set):
    __tracebackhide__ = True
    _, rows = typo_set
    for r in rows:
        assert len(r["input"]) == len(r["expected"]), r["id"]
        changed = _changed(r)
        if r["kind"] == "none":
            assert not changed, r["id"]
        else:
            assert len(changed) == 1, r["id"]
            assert all("\u4e00" <= text[changed[0]] <= "\u9fff" for text in (r["input"], r["expected"])), r["id"]


def test_sentences_are_news_length_with_full_width_punctuation(typo_set):
    __tracebackhide__ = True
    _, rows = typo_set
    for r in rows:
        for text in (r["input"], r["expected"]):
            assert 15 <= len(text) <= 60, r["id"]
            assert not ASCII_PUNCT.search(text), r["id"]
            assert text == text.strip() and "\t" not in text, r["id"]
        assert r["expected"][-1] in "。！？”", r["id"]


def test_no_sentence_of_an_earlier_set_repeated(typo_set):
    __tracebackhide__ = True
    spec, rows = typo_set
    earlier = set()
    for other in SETS[:SETS.index(spec)]:
        earlier.update(text for row in _rows(other) for text in (row["input"], row["expected"]))
    repeated = [r["id"] for r in rows if r["input"] in earlier or r["expected"] in earlier]
    assert not repeated, f"sentences shared with an earlier blind set: {repeated}"


def test_issue_examples_not_reused(typo_set):
    __tracebackhide__ = True
    spec, rows = typo_set
    for r in rows:
        assert not any(example in r["input"] or example in r["expected"] for example in ISSUE_EXAMPLES), r["id"]
    if spec.no_issue_pairs:
        for r, i in _errors(rows):
            assert {r["input"][i], r["expected"][i]} not in ISSUE_PAIRS, r["id"]


def test_errors_spread_over_many_words(typo_set):
    __tracebackhide__ = True
    spec, rows = typo_set
    if not spec.spread:
        pytest.skip("not promised by this set's README")
    # the same wrong character in the same three-character context at most twice
    contexts = Counter((r["expected"][max(0, i - 1):i + 2], r["input"][i]) for r, i in _errors(rows))
    assert max(contexts.values()) <= 2
    assert len({(r["input"][i], r["expected"][i]) for r, i in _errors(rows)}) >= spec.pairs


def test_counts_at_least_as_stated(typo_set):
    __tracebackhide__ = True
    spec, rows = typo_set
    kinds = Counter(r["kind"] for r in rows)
    errors = Counter(r["error"] for r in rows)
    assert len(rows) >= spec.rows
    assert len(rows) - kinds["none"] >= spec.wrong and kinds["none"] >= spec.right
    for kind, minimum in spec.per_kind.items():
        assert kinds[kind] >= minimum, kind
    for error, minimum in spec.per_error.items():
        assert errors[error] >= minimum, error
