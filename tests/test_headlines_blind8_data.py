"""Format checks for the eighth blind headline set tests/data/headlines-blind8.jsonl.

The set was written by a new writer without reading the headline rules, their docs, their
data, the model or the older sets (see tests/data/README-headlines-blind8.md). It is a
held-out measurement set: this test guards its shape only, never what the linter says about
it. The comparison with the other sets reports ids of this set only.
"""
from pathlib import Path

import pytest

from tests.headline_sets import (check_counts, check_labels, check_order_of_writing, check_unique,
                                 ids_taken_from_other_sets, read_rows, topics_of_both_labels)

DATA_DIR = Path(__file__).parent / "data"
DATA = DATA_DIR / "headlines-blind8.jsonl"
KEYS = {"id", "headline", "label", "family", "split", "topic", "cue", "sitting"}
FAMILIES = {
    "deictic-blank", "sealed-ending", "behind-the-counter", "universal-claim", "forward-plea",
    "exclaim-tag", "keyword-chain", "puzzle-question", "unlisted-count", "number-bait",
    "reader-indicted", "masked-person", "unspecified-peril", "hindsight-envy", "reaction-shot",
    "group-summons", "belief-reversal", "single-trick", "comment-prompt", "ellipsis-trail",
    "camera-caught", "whisper-network", "unnamed-pro", "diary-lesson", "split-fate",
    "slang-superlative", "heart-string", "countdown-vague", "habit-warning", "freebie-lure",
    "earthquake-claim", "hollow-bulletin", "open-future", "rank-tease", "body-aftermath",
    "decided-tease", "not-this-not-that", "orphan-quote", "self-check",
}
TOPICS = {
    "local", "health", "finance", "tech", "sports", "education", "traffic", "food", "culture",
    "weather", "housing", "workplace", "law", "consumer", "travel", "family", "agriculture",
    "environment", "science", "entertainment",
}
SOBER_CUES = {
    "plain", "itemized-list", "self-answered", "attributed-quote", "how-to-given",
    "named-expert", "feature-told", "column-tag", "notice-stated", "reminder-stated",
    "hard-figures", "this-named", "ending-told", "result", "rumor-rebutted", "real-alert",
    "literal-trigger", "survey-share", "first-person-stated", "dated-deadline", "site-suffix",
    "quoted-ellipsis", "record", "interview-qa", "contrast-told", "ranking-named",
    "change-stated", "seo-answered", "named-source", "named-trade-source", "quoted-speech",
}
CLICKBAIT_CUES = {"loud", "subtle"}
# the set is complete: at least this many lines per label, per family, and per topic and label
PER_LABEL, PER_FAMILY, PER_TOPIC = 520, 13, 15


@pytest.fixture(scope="module")
def rows():
    return read_rows(DATA, KEYS)


def test_written_without_ascii_escapes():
    assert "\\u" not in DATA.read_text(encoding="utf-8")


def test_ids_record_the_order_of_writing(rows):
    check_order_of_writing(rows, "hb8")


def test_ids_and_headlines_unique(rows):
    check_unique(rows)


def test_no_headline_taken_from_another_set(rows):
    assert ids_taken_from_other_sets(rows, DATA) == []


def test_labels_families_topics_cues_valid(rows):
    check_labels(rows, TOPICS, FAMILIES, CLICKBAIT_CUES, SOBER_CUES)


def test_as_many_clickbait_as_sober(rows):
    labels = [r["label"] for r in rows]
    assert labels.count("clickbait") == labels.count("sober")


def test_headline_length(rows):
    assert [r["id"] for r in rows if not 8 <= len(r["headline"]) <= 40] == []


def test_enough_per_label_family_and_cue(rows):
    # most of the clickbait (about nine in ten as written) carries no loud trigger word
    check_counts(rows, FAMILIES, per_label=PER_LABEL, per_family=PER_FAMILY, subtle_tenths=8)


def test_topics_shared_by_both_labels(rows):
    common, by_label = topics_of_both_labels(rows, TOPICS, least=PER_TOPIC)
    assert common == TOPICS, by_label
