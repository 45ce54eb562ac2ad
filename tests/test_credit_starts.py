"""find_credits tries the credit expression only at candidate starts (lint.credits._credit_starts):
it must find exactly what one search of the expression over the whole text finds."""
from hypothesis import given, settings, strategies as st

from lint import credits
from lint.credits import FIELD_OF_LABEL, TRADITIONAL_LABELS, find_credits

# characters of Traditional labels that no Simplified label holds: a text with one of them is
# searched with the labels of both scripts
TRADITIONAL_ONLY_CHARS = {ch for label in TRADITIONAL_LABELS for ch in label} - {
    ch for label in FIELD_OF_LABEL if label not in TRADITIONAL_LABELS for ch in label}


def reference_credits(text, start=0, end=None):
    """The plain way: search the whole expression from each position (as before candidates)."""
    end = len(text) if end is None else end
    both_scripts = any(ch in TRADITIONAL_ONLY_CHARS for ch in text[start:end])
    search = (credits._CREDIT_BOTH_SCRIPTS if both_scripts else credits._CREDIT).search
    found, position = [], start
    while (match := search(text, position, end)) is not None:
        field = FIELD_OF_LABEL[match.group("label")]
        credit = None if field is None else credits._credit(text, match, field, end)
        if credit is not None or field is None:
            if credit is not None:
                found.append(credit)
            position = match.end()
        else:
            position = max(match.end("label"), match.start("value"), match.start() + 1)
    return found


# pieces credits are made of, and the prose around them
LABELS = sorted(FIELD_OF_LABEL) + ["本报", "新华社", "新京报"]
PIECES = LABELS + [
    "：", ":", "/", "／", "|", "｜", "丨", " ", "　", "\t", "\n", "（", "）", "(", ")", "【", "】",
    "。", "，", "？", "、", "王某", "李四", "张", "摄", "攝", "报道", "发自北京", "电", "10月10日",
    "2023-08-15 10:00", "你怎么看", "表示", "部", "们", "从市政府获悉", "a", "1",
]
texts = st.lists(st.sampled_from(PIECES), max_size=24).map("".join)


@settings(max_examples=3000, deadline=None)
@given(texts)
def test_candidate_starts_find_what_a_full_search_finds(text):
    assert find_credits(text) == reference_credits(text)


@settings(max_examples=500, deadline=None)
@given(texts, st.integers(0, 30), st.integers(0, 30))
def test_the_same_inside_a_slice(text, a, b):
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    assert find_credits(text, start, end) == reference_credits(text, start, end)


def test_glued_credits_in_a_row_and_labels_inside_labels():
    for text in ("记者王某责编李某编辑赵某", "（新华社特约评论员）", "责编辑王某", "新华社摄影记者王某 摄",
                 "文/王某 图/李四", "（李四/摄）", "（李四/攝）", "作者　王某　来源　新华社", "【作者】王某【来源】新华社",
                 "（記者 王某）", "責任編輯：李四", "記者王某責編李四", "來源：新华社 作者：王某"):
        assert find_credits(text) == reference_credits(text), text


# --- candidate starts found by the engine's automaton (Engine.credit_starts) ----------------------
def _engine_found(text):
    from lint.credits import start_literals
    from lint.engine import Engine

    # (the hits of `search_literals()`: the credit starts, then the URL needles the reader takes)
    return [hit for hit in Engine([]).credit_starts(text) if hit[0] < len(start_literals())]


@settings(max_examples=2000, deadline=None)
@given(texts, st.integers(0, 30), st.integers(0, 30))
def test_the_automatons_matches_give_what_the_scan_gives(text, a, b):
    """A .txt document is read with the credit starts the linting engine's body automaton found
    (no scan of the reader's own): the credits must be the same."""
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    found = _engine_found(text)
    assert find_credits(text, start, end, found) == find_credits(text, start, end)


def test_reading_and_linting_search_the_text_once():
    from lint.linter import Linter

    linter = Linter()
    settings = linter.settings_for("a.txt")
    engine = linter.engine(settings)
    text = "标题\n正文第一段。\n（记者 王某）\n责任编辑：李四\n"
    searches = []
    body_hits = engine._body_hits
    engine._body_hits = lambda t: searches.append(t) or body_hits(t)
    try:
        doc = linter.read(text, "a.txt", settings)
        assert [c.field for c in doc.credits] == ["author", "editor"]
        assert doc.credits == find_credits(text, doc.scopes["body"][0][0], len(text))
        linter.lint_document(doc, settings)
        assert searches == [text]  # the reader's search served the engine's lint too
        linter.lint_document(doc, settings)
        assert searches == [text, text]  # kept for one lint only
    finally:
        del engine._body_hits


# --- candidates read in plain Python (lint.credits._read_plainly) ---------------------------------
# (a few labels, so that the common shapes come up often)
PLAIN_PIECES = ["责任编辑", "编辑", "记者", "記者", "来源", "作者", "摄影记者", "评论员", "通讯员", "文", "图",
                "：", ":", "：", " ", "　", "\n", "（", "）", "(", "【", "】", "。", "，", "、", "；", "?",
                "·", "•", "１", "1", "Ab", "丨", "」", "［", "《", "—", "摄", "发自", "電（", "報導", "报道",
                "张玉", "刘德宾", "王某", "10月10日", "从会上获悉", "一起开展", "国家卫健委网站", "总台", "央视", "部", "们"]
_pieces = st.lists(st.sampled_from(PLAIN_PIECES), max_size=8).map("".join)
# and the shape itself, a label and its separator before a value, with anything around it
_field = st.tuples(st.sampled_from(sorted(FIELD_OF_LABEL)), st.sampled_from(["", " ", "　"]),
                   st.sampled_from("：:/／|｜丨"), st.sampled_from(["", " "]),
                   st.lists(st.sampled_from(["张玉", "王", "某", "·", "1", "A", "新", "网站", "（", "）", " ", "　", "编辑", "11月9日",
                                            ":", "0", "文", "摄", "【", "供图", "(", ")", "审校：", "记者", "编辑 ", "文/", "图｜",
                                            "报道", "发自", "来源于", "们", "、", "\n", "正文", "١", "²"]), max_size=8),
                   st.sampled_from(["", "\n", "。", "，", "）", "；", " ", "丨", "？", "（"])).map(
    lambda parts: "".join(parts[:4]) + "".join(parts[4]) + parts[5])
plain_texts = st.lists(st.one_of(_pieces, _field), max_size=5).map("".join)


@settings(max_examples=1500, deadline=None)
@given(plain_texts)
def test_plain_reading_answers_only_what_the_expression_answers(text):
    """Where the plain reading answers (a match, or certainly none), the credit expression gives
    the same: the same spans, or no match (also with \\G, right after a previous credit)."""
    for both_scripts in (False, True):
        multi = credits._MULTI_BOTH_SCRIPTS if both_scripts else credits._MULTI_SIMPLIFIED
        apart = credits._CREDIT_APART_BOTH_SCRIPTS if both_scripts else credits._CREDIT_APART
        full = credits._CREDIT_BOTH_SCRIPTS if both_scripts else credits._CREDIT
        for start in credits._credit_starts(text, 0, len(text), both_scripts) or []:
            plain = credits._read_plainly(text, start, len(text), multi)
            if plain is credits._UNSURE:
                continue
            expected = apart.match(text, start, len(text))
            if plain is None:
                assert expected is None and full.match(text, start, len(text)) is None, (text, start)
            else:
                assert expected is not None, (text, start)
                assert _spans(start, plain) == _match_spans(expected), (text, start)


def _spans(start, plain):
    """The spans of a plain reading's match (a labelled field whose separator is at start)."""
    match_end, label_start, label_end, value_start = plain
    return {"": (start, match_end), "label": (label_start, label_end), "colon": (start + 1, start + 1),
            "value": (value_start, match_end)}


def _match_spans(match):
    return {"": match.span(), **{name: match.span(name) for name in ("label", "colon", "value")}}


def _label_and_value(text, plain):
    match_end, label_start, label_end, value_start = plain
    return text[label_start:label_end], text[value_start:match_end]


def test_plain_reading_answers_the_common_shapes():
    text = "正文。责任编辑：张玉\n记者从市政府获悉，今年……"
    multi = credits._MULTI_SIMPLIFIED
    field = credits._read_plainly(text, text.index("："), len(text), multi)
    assert _label_and_value(text, field) == ("责任编辑", "张玉")
    assert credits._read_plainly(text, text.index("记者"), len(text), multi) is None
    spaced = "编辑：张玉 李四\n"
    assert _label_and_value(spaced, credits._read_plainly(spaced, 2, len(spaced), multi)) == ("编辑", "张玉 李四")
    assert credits._read_plainly("如下：感染者", 2, 6, multi) is None  # no label before the colon
    # a row of fields, a bracket inside a value, other separators, 文/图 after no word
    for text, at, label, value in (("编辑：张玉 来源：新华社", "：", "编辑", "张玉"), ("编辑｜张三审校｜李四", "｜", "编辑", "张三"),
                                   ("来源：新华社（北京）\n", "：", "来源", "新华社（北京）"), ("（文/王某）", "/", "文", "王某"),
                                   ("来源：新华社 2023-08-15 10:00\n", "：", "来源", "新华社 2023-08-15 10:00")):
        field = credits._read_plainly(text, text.index(at), len(text), multi)
        assert _label_and_value(text, field) == (label, value), text
    assert credits._read_plainly("正文：王某", 2, 5, multi) is None  # 文 after a word is no label
    # a reporter before a line end, the name before a slash: the expression decides
    for text, at in (("（记者王某）", "记"), ("（王某/摄）", "/")):
        assert credits._read_plainly(text, text.index(at), len(text), multi) is credits._UNSURE


def test_a_label_or_trailer_at_is_any_label_or_trailer_word():
    words = sorted(FIELD_OF_LABEL) + list(credits._TRAILER_WORDS)
    text = "，".join(words) + "王某" + "".join(words)
    for q in range(len(text)):
        expected = any(text[q:q + n] in FIELD_OF_LABEL for n in range(1, 7)) or text.startswith(credits._TRAILER_WORDS, q)
        assert credits._label_or_trailer_at(text, q) == expected, (text[q:q + 6], q)


def test_a_value_is_searched_for_a_trailing_date_only_where_one_may_end():
    """_credit skips _TRAILING_DATE when the value's last character (but spaces) is certainly
    not a digit, a space or 日 — checked against `regex` for every character."""
    import regex

    may_end = regex.compile(r"[\d\s\u3000日]")
    every = "".join(map(chr, range(0x30000)))
    for char in may_end.findall(every):
        if char not in credits._SPACE:
            assert credits._may_end_in_a_date("某" + char), hex(ord(char))
    assert credits._TRAILING_DATE.sub("", "新华社 2023-08-15 10:00") == "新华社"
    assert not credits._may_end_in_a_date("张玉") and credits._may_end_in_a_date("新华社 2023-08-15 10:00")
