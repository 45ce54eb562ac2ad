"""Format checks for the sixth blind headline set tests/data/headlines-blind6.jsonl.

The set was written without reading the headline rules, their docs, their data, the model or
the older sets (see tests/data/README-headlines-blind6.md). It is a held-out measurement set:
this test guards its shape only, never what the linter says about it.
"""
from pathlib import Path

import pytest

from tests.headline_sets import (check_counts, check_labels, check_order_of_writing, check_unique,
                                 ids_taken_from_other_sets, read_rows, topics_of_both_labels)

DATA_DIR = Path(__file__).parent / "data"
DATA = DATA_DIR / "headlines-blind6.jsonl"
KEYS = {"id", "headline", "label", "family", "split", "topic", "cue", "sitting"}
FAMILIES = {
    "veiled-referent", "hidden-ending", "insider-tip", "all-of-us", "pass-it-on", "bang-prefix",
    "seo-repeat", "unanswered-why", "teaser-list", "you-targeted", "mystery-person", "scare-vague",
    "deadline-tease", "fomo-regret", "number-tease", "reaction-only", "group-callout", "myth-flip",
    "trick-promise", "freebie-lure", "comment-bait", "hyperbole", "ellipsis-cut", "video-tease",
    "rumour-mill", "expert-halo", "split-fate", "slang-hype", "testimony", "admonish",
}
TOPICS = {
    "society", "health", "food", "finance", "tech", "cars", "housing", "education", "sports",
    "entertainment", "travel", "local", "science", "law", "weather", "agriculture",
    "workplace", "family", "consumer",
}
SOBER_CUES = {
    "plain", "number", "question", "quote", "named-demonstrative", "alert-exclaim",
    "explainer", "speaker-colon", "reader-service", "literal-trigger", "survey-share",
    "deadline", "column-tag", "site-suffix", "named-source", "rumour-denied", "list-named",
    "ellipsis-quote", "record", "contrast-told", "named-insider", "told-ending", "first-person",
    "seo-answered", "whole-group",
}
CLICKBAIT_CUES = {"loud", "subtle"}
# the set is complete: at least this many lines per label, per family, and per topic and label
PER_LABEL, PER_FAMILY, PER_TOPIC = 440, 13, 15


@pytest.fixture(scope="module")
def rows():
    return read_rows(DATA, KEYS)


def test_written_without_ascii_escapes():
    assert "\\u" not in DATA.read_text(encoding="utf-8")


def test_ids_record_the_order_of_writing(rows):
    check_order_of_writing(rows, "hb6")


def test_ids_and_headlines_unique(rows):
    check_unique(rows)


def test_no_headline_taken_from_another_set(rows):
    assert ids_taken_from_other_sets(rows, DATA) == []


def test_labels_families_topics_cues_valid(rows):
    check_labels(rows, TOPICS, FAMILIES, CLICKBAIT_CUES, SOBER_CUES)


def test_enough_per_label_family_and_cue(rows):
    # most of the clickbait (nine in ten as written) carries no loud trigger word
    check_counts(rows, FAMILIES, per_label=PER_LABEL, per_family=PER_FAMILY, subtle_tenths=7)


def test_topics_shared_by_both_labels(rows):
    common, by_label = topics_of_both_labels(rows, TOPICS, least=PER_TOPIC)
    assert common == TOPICS, by_label
