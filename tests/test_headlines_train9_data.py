"""Format checks for the ninth writer's headline set tests/data/headlines-train9.jsonl.

The set is TRAINING material for the clickbait model (every line has split "train"), written
by a new writer without reading the headline rules, their docs, their data, the model or the
older sets (see tests/data/README-headlines-train9.md). This test guards its shape only, never
what the linter or the model says about it. The comparison with the other sets reports ids of
this set only.
"""
from collections import Counter
from pathlib import Path

import pytest

from tests.headline_sets import (check_counts, check_labels, check_order_of_writing, check_unique,
                                 ids_taken_from_other_sets, read_rows, topics_of_both_labels)

DATA_DIR = Path(__file__).parent / "data"
DATA = DATA_DIR / "headlines-train9.jsonl"
KEYS = {"id", "headline", "label", "family", "split", "topic", "cue", "sitting"}
FAMILIES = {
    "veiled-referent", "cliffhanger-cut", "trade-whisper", "everyone-claim", "share-request",
    "bang-prefix", "query-stack", "untold-list", "hidden-sum", "you-accused", "faceless-subject",
    "nameless-danger", "years-later", "crowd-reaction", "group-call", "myth-flip", "one-move",
    "comment-bait", "dot-trail", "footage-tease", "hearsay", "nameless-authority",
    "me-confession", "forked-fate", "net-slang", "tug-heart", "vague-deadline", "stop-doing",
    "free-claim", "sea-change", "empty-notice", "what-next", "podium-hidden", "body-trial",
    "settled-secret", "neither-nor", "bare-quote", "mirror-test", "why-hook", "some-brand",
    "envy-compare", "gone-soon", "reader-quiz", "identity-twist", "hashtag-topic",
    "soft-address", "exclusive-shell", "fomo-deal", "watch-to-end", "irony-understate",
    "social-proof", "glow-up-secret", "paradox-bait", "banned-abroad", "provoke-reader",
    "symbol-bait",
}
TOPICS = {
    "local", "health", "finance", "tech", "sports", "education", "traffic", "food", "culture",
    "weather", "housing", "workplace", "law", "consumer", "travel", "family", "agriculture",
    "environment", "science", "entertainment", "military", "international", "auto", "pets",
    "parenting",
}
SOBER_CUES = {
    "plain", "advice-spelled", "profile-story", "numbers-given", "body-announces", "study-cited",
    "expert-by-name", "outcome-given", "asked-and-answered", "columnist-fact", "speaker-quoted",
    "company-says", "poll-figure", "date-fixed", "rumor-denied", "list-spelled",
    "top-spot-named", "hashtag-factual", "reminder-with-content", "trigger-literal",
    "search-answered", "scoreline", "two-paths-explained", "alert-specific", "this-resolved",
    "channel-suffix", "dots-in-quote", "section-tag", "qa-interview", "first-or-record",
    "quote-then-speaker", "scene-reported", "change-stated",
}
CLICKBAIT_CUES = {"loud", "subtle"}
# the set is complete: at least this many lines per label, per family, and per topic and label
PER_LABEL, PER_FAMILY, PER_TOPIC = 860, 11, 25


@pytest.fixture(scope="module")
def rows():
    return read_rows(DATA, KEYS)


def test_written_without_ascii_escapes():
    assert "\\u" not in DATA.read_text(encoding="utf-8")


def test_ids_record_the_order_of_writing(rows):
    check_order_of_writing(rows, "ht9")


def test_ids_and_headlines_unique(rows):
    check_unique(rows)


def test_no_headline_taken_from_another_set(rows):
    assert ids_taken_from_other_sets(rows, DATA) == []


def test_labels_families_topics_cues_valid(rows):
    check_labels(rows, TOPICS, FAMILIES, CLICKBAIT_CUES, SOBER_CUES, split="train")


def test_as_many_clickbait_as_sober(rows):
    labels = Counter(r["label"] for r in rows)
    assert labels["clickbait"] == labels["sober"], labels


def test_headline_length(rows):
    assert [r["id"] for r in rows if not 8 <= len(r["headline"]) <= 40] == []


def test_enough_per_label_family_and_cue(rows):
    # most of the clickbait (about nine in ten as written) carries no loud trigger word
    check_counts(rows, FAMILIES, per_label=PER_LABEL, per_family=PER_FAMILY, subtle_tenths=8)


def test_topics_shared_by_both_labels(rows):
    common, by_label = topics_of_both_labels(rows, TOPICS, least=PER_TOPIC)
    assert common == TOPICS, by_label
