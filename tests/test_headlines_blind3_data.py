"""Format checks for the third blind headline set tests/data/headlines-blind3.jsonl.

The set was written without reading the headline rules, their docs or the older
sets (see tests/data/README-headlines-blind3.md). It is a held-out measurement
set: this test guards its shape only, never what the linter says about it.
"""
from collections import Counter
from pathlib import Path

import pytest

from tests.headline_sets import check_order_of_writing, read_rows

DATA = Path(__file__).parent / "data" / "headlines-blind3.jsonl"
KEYS = {"id", "headline", "label", "family", "split", "topic", "cue", "sitting"}
FAMILIES = {
    "withheld", "hidden-ending", "insider", "everyone-claim", "share-plea",
    "exclaim-prefix", "seo-repeat", "emotion-hype", "you-address",
    "curiosity-question", "false-urgency", "hidden-list", "reversal",
    "authority-halo", "fear-bait", "envy-compare", "identity-callout",
    "regret-bait", "freebie-bait", "comment-bait", "watch-to-end",
    "ellipsis-cliff", "moral-coercion", "relatable-mirror", "bandwagon",
    "benefit-promise", "rumor-bait", "pronoun-tease", "slang-hype", "ultimate-guide",
}
TOPICS = {
    "society", "health", "finance", "tech", "sport", "entertainment", "education",
    "local", "science", "food-safety", "traffic", "weather", "law", "housing",
    "employment", "consumer", "travel", "environment", "agriculture", "parenting",
    "international",
}
SOBER_CUES = {
    "plain", "number", "trigger-lexeme", "question-mark", "demonstrative",
    "you-service", "quotation", "colon", "exclamation", "affects-everyone",
    "explainer-word", "hashtag", "column-tag", "number-list", "bracket-tag",
    "countdown", "everyone-stat", "site-suffix", "reversal-quote", "insider-sourcing",
}
CLICKBAIT_CUES = {"loud", "subtle"}


@pytest.fixture(scope="module")
def rows():
    return read_rows(DATA, KEYS)


def test_written_without_ascii_escapes():
    assert "\\u" not in DATA.read_text(encoding="utf-8")


def test_ids_record_the_order_of_writing(rows):
    check_order_of_writing(rows, "hb3")


def test_ids_and_headlines_unique(rows):
    for key in ("id", "headline"):
        counts = Counter(r[key] for r in rows)
        assert [v for v, c in counts.items() if c > 1] == [], key


def test_labels_families_topics_cues_valid(rows):
    for r in rows:
        assert r["split"] == "holdout", r
        assert r["topic"] in TOPICS, r
        if r["label"] == "clickbait":
            assert r["family"] in FAMILIES, r
            assert r["cue"] in CLICKBAIT_CUES, r
        else:
            assert r["label"] == "sober", r
            assert r["family"] == "sober", r
            assert r["cue"] in SOBER_CUES, r


def test_enough_per_label_family_and_cue(rows):
    labels = Counter(r["label"] for r in rows)
    assert labels["clickbait"] >= 300 and labels["sober"] >= 300, labels
    families = Counter(r["family"] for r in rows if r["label"] == "clickbait")
    assert {f for f in FAMILIES if families[f] < 5} == set(), families
    cues = Counter(r["cue"] for r in rows if r["label"] == "clickbait")
    # about a third (or more) of the clickbait carries no loud trigger word
    assert cues["subtle"] * 3 >= labels["clickbait"], cues
    hard = sum(r["cue"] != "plain" for r in rows if r["label"] == "sober")
    assert hard * 2 >= labels["sober"], hard


def test_topics_shared_by_both_labels(rows):
    by_label = {lab: Counter(r["topic"] for r in rows if r["label"] == lab)
                for lab in ("clickbait", "sober")}
    common = {t for t in TOPICS if by_label["clickbait"][t] >= 5 and by_label["sober"][t] >= 5}
    assert len(common) >= 12, by_label
