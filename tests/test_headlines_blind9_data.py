"""Format checks for the ninth blind headline set tests/data/headlines-blind9.jsonl.

The set was written by a new writer without reading the headline rules, their docs, their
data, the model or the older sets' rows (see tests/data/README-headlines-blind9.md). It is a
held-out measurement set: this test guards its shape only and never runs the linter on it.
The comparison with the other sets reports ids of this set only.
"""
from pathlib import Path

import pytest

from tests.headline_sets import (check_counts, check_labels, check_order_of_writing, check_unique,
                                 ids_taken_from_other_sets, read_rows, topics_of_both_labels)

DATA_DIR = Path(__file__).parent / "data"
DATA = DATA_DIR / "headlines-blind9.jsonl"
KEYS = {"id", "headline", "label", "family", "split", "topic", "cue", "sitting"}
FAMILIES = {
    "pointer-veil", "cliff-cut", "guild-secret", "crowd-verdict", "relay-request", "bang-prefix",
    "seo-stack", "riddle-why", "hollow-tally", "sum-hidden", "second-person-jab",
    "faceless-protagonist", "vague-danger", "years-later", "crowd-gasp", "roll-call", "myth-flip",
    "magic-step", "vote-bait", "dot-dot-dot", "footage-tease", "grapevine", "white-coat-says",
    "memoir-moral", "fork-in-road", "net-hype", "lump-in-throat", "clock-ticking", "quit-now",
    "claim-it", "game-changer", "bureau-shell", "will-it-happen", "podium-veil",
    "n-day-experiment", "settled-unsaid", "neither-nor", "floating-quote", "symptom-quiz",
    "blind-item", "quiz-challenge", "savings-promise", "hashtag-fragment", "twist-flag",
    "secret-identity",
}
TOPICS = {
    "local", "health", "finance", "tech", "sports", "education", "traffic", "food", "culture",
    "weather", "housing", "workplace", "law", "consumer", "travel", "family", "agriculture",
    "environment", "science", "entertainment",
}
SOBER_CUES = {
    "plain", "named-specialist", "source-named", "this-with-referent", "answered-question",
    "figures-given", "story-resolved", "advice-given", "poll-figures", "official-notice",
    "alert-exclaim", "search-answered", "bar-column", "list-spelled", "profile-told",
    "hazard-named", "result", "deadline-dated", "rumor-denied", "first-person-facts",
    "contrast-stated", "winner-named", "dots-in-quote", "policy-change", "study-cited",
    "decision-stated", "speaker-quote", "hashtag-told", "trigger-literal", "record-set",
    "interview-answer", "site-title", "quote-then-speaker", "bracket-column",
}
CLICKBAIT_CUES = {"loud", "subtle"}
# the set is complete: at least this many lines per label, per family, and per topic and label
PER_LABEL, PER_FAMILY, PER_TOPIC = 500, 11, 15


@pytest.fixture(scope="module")
def rows():
    return read_rows(DATA, KEYS)


def test_written_without_ascii_escapes():
    assert "\\u" not in DATA.read_text(encoding="utf-8")


def test_ids_record_the_order_of_writing(rows):
    check_order_of_writing(rows, "hb9")


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
    # most of the clickbait (over nine in ten as written) carries no loud trigger word
    check_counts(rows, FAMILIES, per_label=PER_LABEL, per_family=PER_FAMILY, subtle_tenths=8)


def test_topics_shared_by_both_labels(rows):
    common, by_label = topics_of_both_labels(rows, TOPICS, least=PER_TOPIC)
    assert common == TOPICS, by_label
