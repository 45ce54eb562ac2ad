"""Shape checks for the blind headline set (tests/data/headlines-blind.jsonl).

This test only validates the data file; it never runs the linter, so that the set stays a
measurement and not something the rules are fitted to in the test suite.
"""

import json
import re
from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "headlines-blind.jsonl"

CLICKBAIT_FAMILIES = {
    "withheld",
    "hidden-ending",
    "insider",
    "everyone-claim",
    "share-plea",
    "exclaim-prefix",
    "seo-repeat",
    "shock",
    "false-urgency",
    "moral-coercion",
}
FAMILIES = CLICKBAIT_FAMILIES | {"sober"}
LABELS = {"clickbait", "sober"}
SPLITS = {"tune", "holdout"}
KEYS = {"id", "headline", "label", "family", "split"}


@pytest.fixture(scope="module")
def rows():
    out = []
    with DATA.open(encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            assert line.strip(), f"line {number} is blank"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                pytest.fail(f"line {number} is not valid JSON: {exc}")
            assert isinstance(row, dict), f"line {number} is not a JSON object"
            out.append(row)
    return out


def test_every_row_has_exactly_the_expected_fields(rows):
    for row in rows:
        assert set(row) == KEYS, row
        assert all(isinstance(row[k], str) for k in KEYS), row


def test_ids_are_well_formed_and_unique(rows):
    ids = [row["id"] for row in rows]
    malformed = [i for i in ids if not re.fullmatch(r"hb-\d{3,}", i)]
    assert not malformed, malformed
    duplicates = [i for i, n in Counter(ids).items() if n > 1]
    assert not duplicates, duplicates


def test_labels_families_and_splits_are_from_the_allowed_sets(rows):
    for row in rows:
        assert row["label"] in LABELS, row
        assert row["family"] in FAMILIES, row
        assert row["split"] in SPLITS, row
        # sober rows carry the family "sober"; clickbait rows carry one of the clickbait families
        assert (row["label"] == "sober") == (row["family"] == "sober"), row


def test_headlines_are_non_empty_trimmed_and_unique(rows):
    normalised = []
    for row in rows:
        headline = row["headline"]
        assert headline and headline == headline.strip(), row
        assert "\n" not in headline and "\t" not in headline, row
        normalised.append(re.sub(r"\s+", "", headline))
    duplicates = [h for h, n in Counter(normalised).items() if n > 1]
    assert not duplicates, duplicates


def test_at_least_150_headlines_per_label(rows):
    counts = Counter(row["label"] for row in rows)
    assert counts["clickbait"] >= 150, counts
    assert counts["sober"] >= 150, counts


def test_every_clickbait_family_has_at_least_20_headlines(rows):
    counts = Counter(row["family"] for row in rows if row["label"] == "clickbait")
    short = {fam: counts[fam] for fam in CLICKBAIT_FAMILIES if counts[fam] < 20}
    assert not short, short


def test_every_family_appears_in_both_splits(rows):
    seen = Counter((row["family"], row["split"]) for row in rows)
    missing = [(fam, split) for fam in FAMILIES for split in SPLITS if seen[fam, split] == 0]
    assert not missing, missing
    # the splits alternate within a family, so neither side of a family is much larger
    for fam in FAMILIES:
        tune, holdout = seen[fam, "tune"], seen[fam, "holdout"]
        assert abs(tune - holdout) <= 1, (fam, tune, holdout)
