"""Format checks for the blind clickbait set tests/data/headlines-blind2.jsonl.

The set was written without reading the rules; this test only guards its shape,
never what the linter says about it.
"""
import json
from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "headlines-blind2.jsonl"
FAMILIES = {
    "withheld", "hidden-ending", "insider", "everyone-claim", "share-plea",
    "exclaim-prefix", "seo-repeat", "shock", "false-urgency", "moral-coercion", "other",
}
KEYS = {"id", "headline", "label", "family", "split"}


@pytest.fixture(scope="module")
def rows():
    lines = DATA.read_text(encoding="utf-8").splitlines()
    assert lines, "empty set"
    out = []
    for n, line in enumerate(lines, 1):
        assert line.strip(), f"blank line {n}"
        row = json.loads(line)
        assert isinstance(row, dict), f"line {n} is not an object"
        assert set(row) == KEYS, f"line {n} keys {sorted(row)}"
        assert all(isinstance(v, str) and v.strip() for v in row.values()), f"line {n}"
        out.append(row)
    return out


def test_written_without_ascii_escapes():
    assert "\\u" not in DATA.read_text(encoding="utf-8")


def test_ids_and_headlines_unique(rows):
    for key in ("id", "headline"):
        counts = Counter(r[key] for r in rows)
        assert [v for v, c in counts.items() if c > 1] == [], key


def test_labels_families_splits_valid(rows):
    for r in rows:
        assert r["split"] in {"tune", "holdout"}, r
        if r["label"] == "clickbait":
            assert r["family"] in FAMILIES, r
        else:
            assert r["label"] == "sober" and r["family"] == "sober", r


def test_enough_per_label_and_family(rows):
    labels = Counter(r["label"] for r in rows)
    assert labels["clickbait"] >= 240 and labels["sober"] >= 240, labels
    families = Counter(r["family"] for r in rows)
    for fam in FAMILIES:
        assert families[fam] >= 20, (fam, families[fam])


def test_split_balanced_within_each_family(rows):
    by_family = Counter((r["family"], r["split"]) for r in rows)
    for fam in FAMILIES | {"sober"}:
        assert abs(by_family[(fam, "tune")] - by_family[(fam, "holdout")]) <= 1, fam
