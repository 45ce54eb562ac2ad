"""Format checks for the tenth blind headline set tests/data/headlines-blind10.jsonl.

The set was written by a new writer without reading the headline rules, their docs, their
data, the model or the older sets' rows (see tests/data/README-headlines-blind10.md). It is a
held-out measurement set: this test guards its shape only and never runs the linter on it.
The comparison with the other sets reports ids of this set only.
"""
import re
from pathlib import Path

import pytest

from tests.headline_sets import (check_counts, check_labels, check_order_of_writing, check_unique,
                                 ids_taken_from_other_sets, read_rows, topics_of_both_labels)

DATA_DIR = Path(__file__).parent / "data"
DATA = DATA_DIR / "headlines-blind10.jsonl"
KEYS = {"id", "headline", "label", "family", "split", "topic", "cue", "sitting"}
FAMILIES = {
    "this-that-veil", "ending-withheld", "trade-whisper", "everybody-claim", "share-plea",
    "exclaim-opener", "seo-pipe", "fear-bait", "list-missing-item", "heartstring",
    "false-deadline", "tease-question", "puffed-superlative", "price-unsaid", "time-jump",
    "nameless-celebrity", "room-reaction", "belief-reversed", "single-trick", "trailing-ellipsis",
    "caught-on-camera", "word-of-mouth", "anonymous-expert", "lesson-untold", "split-fates",
    "double-life", "quit-this", "free-to-claim", "upend-claim", "hollow-notice", "fortune-tell",
    "rank-unrevealed", "reader-quiz", "omen-sign", "reversal-tag", "comment-poll",
    "group-callout", "silent-loss", "hype-slang", "peer-anxiety", "origin-riddle", "fine-print",
    "last-chance-stock", "authority-nod", "speakerless-quote",
}
TOPICS = {
    "local", "health", "finance", "tech", "sports", "education", "traffic", "food", "culture",
    "weather", "housing", "workplace", "law", "consumer", "travel", "family", "agriculture",
    "environment", "science", "entertainment",
}
SOBER_CUES = {
    "plain", "figures-stated", "outcome-told", "news-question", "explainer-answered",
    "quote-attributed", "named-referent", "official-must", "reader-facts", "strong-verb-factual",
    "list-itemized", "ranking-named", "rumor-checked", "study-result", "verdict", "profile-named",
    "deadline-real", "advice-concrete", "hazard-named", "policy-detail", "poll-share",
    "site-title", "column-tag", "trigger-word-literal", "ellipsis-in-quote", "insider-named",
    "expert-named", "first-person-stated", "forecast-sourced", "contrast-explained",
    "identity-told", "exclaim-with-facts",
}
CLICKBAIT_CUES = {"loud", "subtle"}
# the issue's illustrative phrasings (issue 14) are not test cases: none may appear in the set
ISSUE_PHRASINGS = ("这种做法", "那个细节", "这3件事", "结局谁也没想到", "最后的结果让人意外",
                   "只有业内人才懂", "医生私下才说的", "九成人都不知道", "大多数人一直理解反了",
                   "请一定告诉家人", "看完请分享", "重磅！", "刚刚！")
# the set is complete: at least this many lines per label, per family, and per topic and label;
# the least number of sittings
PER_LABEL, PER_FAMILY, PER_TOPIC, SITTINGS = 540, 11, 20, 10


@pytest.fixture(scope="module")
def rows():
    return read_rows(DATA, KEYS)


def test_written_without_ascii_escapes():
    assert "\\u" not in DATA.read_text(encoding="utf-8")


def test_ids_record_the_order_of_writing(rows):
    # four-digit ids (hb10-0001 …); the shared helper numbers with three digits, so it is given
    # the same rows renumbered once the set has the helper's minimum of five sittings
    assert [r["id"] for r in rows] == [f"hb10-{n:04d}" for n in range(1, len(rows) + 1)]
    sittings = [int(re.fullmatch(r"s(\d+)", r["sitting"]).group(1)) for r in rows]
    assert sittings == sorted(sittings)
    assert len(set(sittings)) >= SITTINGS
    if SITTINGS >= 5:
        check_order_of_writing([dict(r, id=f"hb10-{n:03d}") for n, r in enumerate(rows, 1)], "hb10")


def test_sober_sittings_mirror_clickbait_sittings_topic_for_topic(rows):
    by_sitting = {}
    for r in rows:
        by_sitting.setdefault(r["sitting"], []).append(r)
    order = sorted(by_sitting, key=lambda s: int(s[1:]))
    assert len(order) % 2 == 0
    for bait, sober in zip(order[::2], order[1::2]):
        assert {r["label"] for r in by_sitting[bait]} == {"clickbait"}, bait
        assert {r["label"] for r in by_sitting[sober]} == {"sober"}, sober
        assert [r["topic"] for r in by_sitting[bait]] == [r["topic"] for r in by_sitting[sober]]


def test_ids_and_headlines_unique(rows):
    check_unique(rows)


def test_no_headline_taken_from_another_set(rows):
    assert ids_taken_from_other_sets(rows, DATA) == []


def test_no_illustration_of_the_issue_reused(rows):
    assert [r["id"] for r in rows if any(p in r["headline"] for p in ISSUE_PHRASINGS)] == []


def test_labels_families_topics_cues_valid(rows):
    check_labels(rows, TOPICS, FAMILIES, CLICKBAIT_CUES, SOBER_CUES)


def test_as_many_clickbait_as_sober(rows):
    labels = [r["label"] for r in rows]
    assert labels.count("clickbait") == labels.count("sober")


def test_headline_length(rows):
    assert [r["id"] for r in rows if not 8 <= len(r["headline"]) <= 40] == []


def test_enough_per_label_family_and_cue(rows):
    # most of the clickbait (over nine in ten as written) carries no loud trigger word
    check_counts(rows, FAMILIES, per_label=PER_LABEL, per_family=PER_FAMILY, subtle_tenths=9)


def test_topics_shared_by_both_labels(rows):
    common, by_label = topics_of_both_labels(rows, TOPICS, least=PER_TOPIC)
    assert common == TOPICS, by_label
