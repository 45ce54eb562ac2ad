"""Format checks for the fourth blind headline set tests/data/headlines-blind4.jsonl.

The set was written without reading the headline rules, their docs, their data or the
older sets (see tests/data/README-headlines-blind4.md). It is a held-out measurement
set: this test guards its shape only, never what the linter says about it.
"""
import re
from collections import Counter
from pathlib import Path

import pytest

from tests.headline_sets import read_rows

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
    assert [r["id"] for r in rows] == [f"hb4-{n:03d}" for n in range(1, len(rows) + 1)]
    sittings = [int(re.fullmatch(r"s(\d+)", r["sitting"]).group(1)) for r in rows]
    assert sittings == sorted(sittings)
    assert len(set(sittings)) >= 5


def test_ids_and_headlines_unique(rows):
    assert [i for i, c in Counter(r["id"] for r in rows).items() if c > 1] == []
    # headlines compared with whitespace removed, so a re-spaced copy also counts as a duplicate
    norm = Counter(re.sub(r"\s+", "", r["headline"]) for r in rows)
    assert [h for h, c in norm.items() if c > 1] == []


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


def test_subtle_lines_have_no_exclamation_mark(rows):
    # "subtle" is defined by a word list (see the README); the exclamation mark is the
    # one entry of that list this test can check without restating the list
    for r in rows:
        if r["label"] == "clickbait" and r["cue"] == "subtle":
            assert "！" not in r["headline"] and "!" not in r["headline"], r


def test_enough_per_label_family_and_cue(rows):
    labels = Counter(r["label"] for r in rows)
    assert labels["clickbait"] >= 300 and labels["sober"] >= 300, labels
    families = Counter(r["family"] for r in rows if r["label"] == "clickbait")
    assert {f for f in FAMILIES if families[f] < 7} == set(), families
    cues = Counter(r["cue"] for r in rows if r["label"] == "clickbait")
    # at least 40 % of the clickbait carries no loud trigger word
    assert cues["subtle"] * 10 >= labels["clickbait"] * 4, cues
    hard = sum(r["cue"] != "plain" for r in rows if r["label"] == "sober")
    assert hard * 2 >= labels["sober"], hard


def test_topics_shared_by_both_labels(rows):
    by_label = {lab: Counter(r["topic"] for r in rows if r["label"] == lab)
                for lab in ("clickbait", "sober")}
    common = {t for t in TOPICS if by_label["clickbait"][t] >= 7 and by_label["sober"][t] >= 7}
    assert len(common) >= 18, by_label
