"""Format checks for the eleventh-writer training headline set tests/data/headlines-train11.jsonl.

The set was written by a new writer without reading the headline rules, their docs, their
data, the model or the older sets (see tests/data/README-headlines-train11.md). It is training
material for the headline model (`split: train`): this test guards its shape only, never what
the linter says about it. The comparison with the other sets reports ids of this set only.
"""
from pathlib import Path

import pytest

from tests.headline_sets import (check_counts, check_labels, check_order_of_writing, check_unique,
                                 ids_taken_from_other_sets, read_rows, topics_of_both_labels)

DATA_DIR = Path(__file__).parent / "data"
DATA = DATA_DIR / "headlines-train11.jsonl"
KEYS = {"id", "headline", "label", "family", "split", "topic", "cue", "sitting"}
FAMILIES = {
    "advice-veil", "arc-span", "ask-the-crowd", "backroom-tip", "bang-prefix",
    "body-after-days", "calendar-shadow", "closing-door", "condition-veil", "confession-hook",
    "county-whisper", "crowd-echo", "crowd-verdict", "cut-before-turn", "dialect-hook",
    "double-hook", "elder-wisdom-bait", "empty-inventory", "empty-notice", "episode-hook",
    "feelings-essay", "footage-tease", "fork-in-road", "fortune-teller", "free-claim",
    "half-named-brand", "hearsay-cure", "heart-pull", "hidden-sum", "hometown-secret",
    "hot-words-spaced", "humble-hero", "invited-answer", "keyword-string", "kid-says",
    "kitchen-alarm", "life-maxim", "list-pick", "maker-log", "marriage-drama", "mirror-test",
    "myth-flip", "net-hype", "number-no-noun", "office-riddle", "old-timer-says",
    "one-move-fix", "parent-guilt", "podium-quote", "pointer-fog", "price-mystery",
    "price-whisper", "published-veil", "question-lure", "queue-legend", "quiz-dare",
    "rank-withheld", "relay-request", "reminder-veil", "reply-arrived", "roll-call",
    "room-reaction", "rumor-echo", "school-stir", "sequel-promise", "somewhere-in-town",
    "speaker-without-substance", "stat-scare", "streamer-call", "street-makeover",
    "survey-veil", "tag-fragment", "thread-tag-bait", "tide-turn", "trailing-dots",
    "turn-signal", "visual-tease", "voice-without-face", "watch-to-end", "who-was-it",
    "why-heartache", "years-later", "you-got-it-wrong",
}
TOPICS = {
    "local", "health", "finance", "tech", "sports", "education", "traffic", "food", "culture",
    "weather", "housing", "workplace", "law", "consumer", "travel", "family", "agriculture",
    "environment", "science", "entertainment",
}
SOBER_CUES = {
    "answer-given", "change-stated", "column-tag", "contrast-explained", "deadline-dated",
    "ending-told", "feature-told", "figures-given", "first-person-facts", "how-given",
    "interview-qa", "list-spelled", "literal-trigger", "myth-checked", "named-advice",
    "named-source", "notice-issued", "person-named", "plain", "police-report",
    "quote-attributed", "quoted-ellipsis", "ranking-with-winner", "real-alert",
    "reminder-stated", "result-reported", "rumor-answered", "school-notice", "seo-answered",
    "site-suffix", "survey-share", "tag-with-fact", "this-named", "video-caption",
}
CLICKBAIT_CUES = {"loud", "subtle"}
# the set is complete: at least this many lines per label, per family, and per topic and label
PER_LABEL, PER_FAMILY, PER_TOPIC = 1070, 13, 25


@pytest.fixture(scope="module")
def rows():
    return read_rows(DATA, KEYS)


def test_written_without_ascii_escapes():
    assert "\\u" not in DATA.read_text(encoding="utf-8")


def test_ids_record_the_order_of_writing(rows):
    # ht11-001 ... ht11-999, then ht11-1000 ... (four digits); sittings never go back, five or more
    check_order_of_writing(rows, "ht11")


def test_ids_and_headlines_unique(rows):
    check_unique(rows)


def test_no_headline_taken_from_another_set(rows):
    assert ids_taken_from_other_sets(rows, DATA) == []


def test_labels_families_topics_cues_valid(rows):
    check_labels(rows, TOPICS, FAMILIES, CLICKBAIT_CUES, SOBER_CUES, split="train")


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
