"""Format checks for the fourth blind headline set tests/data/headlines-blind4.jsonl.

The set was written without reading the headline rules, their docs, their data or the
older sets (see tests/data/README-headlines-blind4.md). It is a held-out measurement
set: this test guards its shape only, never what the linter says about it.
"""
from pathlib import Path

import pytest

from tests.headline_sets import (check_counts, check_labels, check_order_of_writing, check_unique, read_rows,
                                 topics_of_both_labels)

DATA = Path(__file__).parent / "data" / "headlines-blind4.jsonl"
KEYS = {"id", "headline", "label", "family", "split", "topic", "cue", "sitting"}
FAMILIES = {
    "withheld", "hidden-ending", "seo-repeat", "insider", "listicle", "everyone-claim",
    "you-warning", "curiosity-gap", "exclaim-prefix", "rumour", "share-plea",
    "emotion-bait", "comment-bait", "comparison", "false-urgency", "crowd-reaction",
    "fear-scare", "reversal", "benefit-promise", "freebie", "identity-callout",
    "number-tease", "pronoun-tease", "watch-to-end", "authority-borrow", "ellipsis-cliff",
    "hype-slang", "moral-coercion", "nostalgia", "quote-hook", "ultimate-guide",
    "unbelievable",
}
TOPICS = {
    "health", "finance", "society", "consumer", "food-safety", "weather", "education",
    "sport", "law", "housing", "tech", "local", "employment", "entertainment", "science",
    "traffic", "travel", "parenting", "agriculture", "environment",
}
SOBER_CUES = {
    "plain", "number", "question-mark", "quotation", "demonstrative", "trigger-lexeme",
    "exclamation", "colon", "you-service", "explainer-word", "column-tag", "hashtag",
    "affects-everyone", "number-list", "site-suffix", "everyone-stat", "insider-sourcing",
    "rumour-rebuttal", "countdown", "reversal-quote", "bracket-tag", "superlative",
    "ellipsis", "emotion-word",
}
CLICKBAIT_CUES = {"loud", "subtle"}


@pytest.fixture(scope="module")
def rows():
    return read_rows(DATA, KEYS)


def test_written_without_ascii_escapes():
    assert "\\u" not in DATA.read_text(encoding="utf-8")


def test_ids_record_the_order_of_writing(rows):
    check_order_of_writing(rows, "hb4")


def test_ids_and_headlines_unique(rows):
    check_unique(rows)


def test_labels_families_topics_cues_valid(rows):
    check_labels(rows, TOPICS, FAMILIES, CLICKBAIT_CUES, SOBER_CUES)


def test_enough_per_label_family_and_cue(rows):
    # at least 40 % of the clickbait carries no loud trigger word
    check_counts(rows, FAMILIES, per_label=300, per_family=7, subtle_tenths=4)


def test_topics_shared_by_both_labels(rows):
    common, by_label = topics_of_both_labels(rows, TOPICS, least=7)
    assert len(common) >= 18, by_label
