"""Format checks for the eleventh-writer training headline set tests/data/headlines-train11.jsonl.

The set was written by a new writer without reading the headline rules, their docs, their
data, the model or the older sets (see tests/data/README-headlines-train11.md). It is training
material for the headline model (`split: train`): this test guards its shape only, never what
the linter says about it. The comparison with the other sets reports ids of this set only.
"""
import re
from pathlib import Path

import pytest

from tests.headline_sets import (check_counts, check_unique, ids_taken_from_other_sets, read_rows,
                                 topics_of_both_labels)

DATA_DIR = Path(__file__).parent / "data"
DATA = DATA_DIR / "headlines-train11.jsonl"
KEYS = {"id", "headline", "label", "family", "split", "topic", "cue", "sitting"}
FAMILIES = {
    "pointer-fog", "cut-before-turn", "backroom-tip", "crowd-verdict", "relay-request",
    "tag-fragment", "voice-without-face", "kitchen-alarm", "parent-guilt", "office-riddle",
    "question-lure", "watch-to-end", "empty-inventory", "hidden-sum", "fork-in-road",
    "closing-door", "who-was-it", "room-reaction", "myth-flip", "mirror-test",
}
TOPICS = {
    "local", "health", "finance", "tech", "sports", "education", "traffic", "food", "culture",
    "weather", "housing", "workplace", "law", "consumer", "travel", "family", "agriculture",
    "environment", "science", "entertainment",
}
SOBER_CUES = {
    "plain", "named-advice", "notice-issued", "feature-told", "answer-given", "how-given",
    "figures-given", "ending-told", "quote-attributed", "tag-with-fact", "survey-share",
    "list-spelled", "deadline-dated", "person-named", "result-reported", "video-caption",
    "contrast-explained", "myth-checked", "first-person-facts", "police-report",
    "school-notice", "named-source",
}
CLICKBAIT_CUES = {"loud", "subtle"}
# interim (sittings s1-s2): at least this many lines per label, per family, per topic and label
PER_LABEL, PER_FAMILY, PER_TOPIC, SITTINGS = 250, 13, 0, 2


@pytest.fixture(scope="module")
def rows():
    return read_rows(DATA, KEYS)


def test_written_without_ascii_escapes():
    assert "\\u" not in DATA.read_text(encoding="utf-8")


def test_ids_record_the_order_of_writing(rows):
    assert [r["id"] for r in rows] == [
        f"ht11-{n:03d}" if n < 1000 else f"ht11-{n}" for n in range(1, len(rows) + 1)]
    sittings = [int(re.fullmatch(r"s(\d+)", r["sitting"]).group(1)) for r in rows]
    assert sittings == sorted(sittings)
    assert len(set(sittings)) >= SITTINGS


def test_ids_and_headlines_unique(rows):
    check_unique(rows)


def test_no_headline_taken_from_another_set(rows):
    assert ids_taken_from_other_sets(rows, DATA) == []


def test_labels_families_topics_cues_valid(rows):
    # the helper check_labels expects split "holdout"; this set is training material
    for r in rows:
        assert r["split"] == "train", r["id"]
        assert r["topic"] in TOPICS, r["id"]
        if r["label"] == "clickbait":
            assert r["family"] in FAMILIES, r["id"]
            assert r["cue"] in CLICKBAIT_CUES, r["id"]
            if r["cue"] == "subtle":
                assert "！" not in r["headline"] and "!" not in r["headline"], r["id"]
        else:
            assert r["label"] == "sober", r["id"]
            assert r["family"] == "sober", r["id"]
            assert r["cue"] in SOBER_CUES, r["id"]


def test_as_many_clickbait_as_sober(rows):
    labels = [r["label"] for r in rows]
    assert labels.count("clickbait") == labels.count("sober")


def test_headline_length(rows):
    assert [r["id"] for r in rows if not 8 <= len(r["headline"]) <= 40] == []


def test_enough_per_label_family_and_cue(rows):
    # most of the clickbait carries no loud trigger word
    check_counts(rows, FAMILIES, per_label=PER_LABEL, per_family=PER_FAMILY, subtle_tenths=8)


def test_topics_shared_by_both_labels(rows):
    common, by_label = topics_of_both_labels(rows, TOPICS, least=PER_TOPIC)
    assert common == TOPICS, by_label
