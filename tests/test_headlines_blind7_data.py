"""Format checks for the seventh blind headline set tests/data/headlines-blind7.jsonl.

The set was written without reading the headline rules, their docs, their data, the model or
the older sets (see tests/data/README-headlines-blind7.md). It is a held-out measurement set:
this test guards its shape only, never what the linter says about it.
"""
from pathlib import Path

import pytest

from tests.headline_sets import (check_counts, check_labels, check_order_of_writing, check_unique,
                                 ids_taken_from_other_sets, read_rows, topics_of_both_labels)

DATA_DIR = Path(__file__).parent / "data"
DATA = DATA_DIR / "headlines-blind7.jsonl"
KEYS = {"id", "headline", "label", "family", "split", "topic", "cue", "sitting"}
FAMILIES = {
    "pronoun-veil", "cut-before-ending", "trade-secret", "sweeping-majority", "share-appeal",
    "hook-prefix", "search-string", "open-why", "hidden-list", "withheld-figure",
    "second-person-risk", "nameless-figure", "vague-danger", "false-urgency", "missed-out",
    "crowd-reaction", "cohort-call", "wrong-all-along", "secret-method", "bait-poll",
    "trailing-dots", "footage-hook", "hearsay", "faceless-authority", "confession", "stop-doing",
    "free-money", "inflated-stakes", "fork-outcome", "hype-slang", "newsspeak-shell",
    "cliffhanger-question", "emotion-tug",
}
TOPICS = {
    "society", "health", "food", "finance", "tech", "cars", "housing", "education", "sports",
    "entertainment", "travel", "local", "science", "law", "weather", "agriculture",
    "workplace", "family", "consumer",
}
SOBER_CUES = {
    "plain", "figures", "answered-question", "interview-qa", "quoted-speech", "column-label",
    "official-notice", "series-label", "service-guide", "people-feature", "result-report",
    "explainer-named", "denial", "real-alert", "literal-stockword", "dated-deadline",
    "poll-shares", "named-this", "listed-items", "outcome-told", "byline-first-person",
    "portal-suffix", "ellipsis-in-quote", "record-set", "named-trade-source", "named-source",
    "contrast-told",
}
CLICKBAIT_CUES = {"loud", "subtle"}
# the set is complete: at least this many lines per label, per family, and per topic and label
PER_LABEL, PER_FAMILY, PER_TOPIC = 500, 13, 15


@pytest.fixture(scope="module")
def rows():
    return read_rows(DATA, KEYS)


def test_written_without_ascii_escapes():
    assert "\\u" not in DATA.read_text(encoding="utf-8")


def test_ids_record_the_order_of_writing(rows):
    check_order_of_writing(rows, "hb7")


def test_ids_and_headlines_unique(rows):
    check_unique(rows)


def test_no_headline_taken_from_another_set(rows):
    assert ids_taken_from_other_sets(rows, DATA) == []


def test_labels_families_topics_cues_valid(rows):
    check_labels(rows, TOPICS, FAMILIES, CLICKBAIT_CUES, SOBER_CUES)


def test_as_many_clickbait_as_sober(rows):
    labels = [r["label"] for r in rows]
    assert labels.count("clickbait") == labels.count("sober")


def test_enough_per_label_family_and_cue(rows):
    # most of the clickbait (about nine in ten as written) carries no loud trigger word
    check_counts(rows, FAMILIES, per_label=PER_LABEL, per_family=PER_FAMILY, subtle_tenths=8)


def test_topics_shared_by_both_labels(rows):
    common, by_label = topics_of_both_labels(rows, TOPICS, least=PER_TOPIC)
    assert common == TOPICS, by_label
