"""lint.spelling.context: the word bigram model (format, segmentation, costs, gains)."""
import math

import pytest

from lint.spelling import context
from lint.spelling.context import ContextModel, encode, model


def tiny(tmp_path, bigrams=None):
    # ids: 0 甲, 1 甲乙, 2 丙, 3 乙
    words = ["甲", "甲乙", "丙", "乙"]
    order = sorted(words)
    ids = {w: order.index(w) for w in words}
    costs = {"甲": 300, "甲乙": 500, "乙": 400, "丙": 200}
    backoff = {"甲": 50, "甲乙": 0, "乙": 0, "丙": 0}
    rows = {}
    for (a, b), cost in (bigrams or {}).items():
        rows.setdefault(ids[a], []).append((ids[b], cost))
    path = tmp_path / "m.bin"
    path.write_bytes(encode(order, [costs[w] for w in order], [backoff[w] for w in order], 900, rows))
    return ContextModel(path)


def test_a_model_reads_back_what_was_written(tmp_path):
    m = tiny(tmp_path, {("甲乙", "丙"): 120, ("甲", "丙"): 777})
    assert len(m) == 4 and m.pairs == 2
    assert m.word_cost("甲乙") == 500 and m.word_cost("丁") is None
    assert "丙" in m and "丁" not in m
    assert m.pair_cost("甲乙", "丙") == 120
    assert m.pair_cost("甲", "丙") == 780          # stored in steps of 0.1 nat
    assert m.pair_cost("甲", "乙") == 50 + 400     # no bigram: back-off weight + unigram
    assert m.pair_cost("甲", "丁") is None


def test_segmentation_takes_the_cheapest_path_through_bigrams(tmp_path):
    m = tiny(tmp_path)
    # 甲乙|丙 = 500 + (0 + 200) beats 甲|乙|丙 = 300 + (50 + 400) + (0 + 200)
    assert m.segment("甲乙丙") == (700, ["甲乙", "丙"])
    # a bigram can make the split cheaper: 甲|乙 with 乙 very likely after 甲
    m = tiny(tmp_path, {("甲", "乙"): 10})
    assert m.segment("甲乙丙") == (300 + 10 + 200, ["甲", "乙", "丙"])
    # an unknown character costs `unknown`, and the next word starts afresh (unigram)
    assert m.segment("丙丁甲") == (200 + 900 + 300, ["丙", "丁", "甲"])
    assert m.cost("") == 0


def test_gain_compares_the_text_with_and_without_the_replacement(tmp_path):
    m = tiny(tmp_path)
    assert m.gain("", "丁乙", "丙", "甲乙") == m.cost("丁乙丙") - m.cost("甲乙丙") > 0
    assert m.gain("", "甲乙", "丙", "丁乙") < 0


def test_bad_input_is_refused(tmp_path):
    with pytest.raises(ValueError):
        encode(["甲", "乙"], [1, 1], [0, 0], 9, {})  # not in code-point order
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"not a model")
    with pytest.raises(ValueError):
        ContextModel(bad)


def test_the_shipped_model():
    m = model()
    assert 60_000 <= len(m) <= 65_536
    assert 1_000_000 <= m.pairs <= 3_000_000
    assert context.DATA.stat().st_size < 8_000_000
    # costs are -100 ln P: the commonest words are cheap; the words' probabilities add up to
    # one less the sentence boundary's (1/8, not kept)
    assert m.word_cost("的") < 500
    assert 0.8 < sum(math.exp(-c / 100) for c in m.unigram) < 1


@pytest.mark.parametrize("left, written, right, replacement, least", [
    ("工厂的生产效率明显", "提搞", "了，成本", "提高", 1000),    # a broken word
    ("我们要", "再", "此基础上继续改进", "在", 800),        # a function word: the next words decide
    ("报名", "截至", "日期是下周五", "截止", 100),          # two words: only the context decides
])
def test_context_prefers_the_right_word(left, written, right, replacement, least):
    assert model().gain(left, written, right, replacement) >= least
    assert model().gain(left, replacement, right, written) <= -least


def test_the_model_is_read_once_and_only_when_asked():
    model.cache_clear()
    assert model.cache_info().currsize == 0
    assert model() is model()


def test_the_model_is_read_without_a_list_of_words(tmp_path):
    # a list of 65,536 strings made at load time cost more than linting a document: the
    # vocabulary stays one string, searched in place
    m = tiny(tmp_path, {("甲乙", "丙"): 120})
    assert not any(isinstance(value, list) for value in vars(m).values())
    assert m.words == ["丙", "乙", "甲", "甲乙"]
    assert m.lookup("甲") == (2, True) and m.lookup("甲乙") == (3, False)
    assert m.lookup("乙丙") == (None, False) and m.lookup("丁") == (None, False)
    shipped = model()
    assert not any(isinstance(value, list) for value in vars(shipped).values())
    assert shipped.id_of(shipped.words[1234]) == 1234


def test_a_file_cut_short_is_refused(tmp_path):
    tiny(tmp_path)
    path = tmp_path / "m.bin"
    path.write_bytes(path.read_bytes()[:-4])
    with pytest.raises(ValueError):
        ContextModel(path)
