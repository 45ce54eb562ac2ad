"""Credit recognition (lint/credits.py): every form newsrooms print, exact spans, and the body
sentences that only mention the words."""
import pytest

from lint.credits import find_credits


def credits(text):
    """(field, label, value, the credit's span as text) for each credit."""
    return [(c.field, c.label, c.value, text[c.start:c.end]) for c in find_credits(text)]


def values(text):
    return [(c.field, c.value) for c in find_credits(text)]


# --- header lines -----------------------------------------------------------------------------
def test_header_with_empty_author_field():
    text = "作者: 来源: 荆楚网(湖北日报网) 2023-08-15 17:54:44"
    assert credits(text) == [
        ("author", "作者", "", "作者:"),
        ("source", "来源", "荆楚网(湖北日报网)", "来源: 荆楚网(湖北日报网)"),
    ]


def test_header_with_fields_filled():
    assert values("作者:张三 来源:新华社 2023-08-15 10:00:00") == [("author", "张三"), ("source", "新华社")]


@pytest.mark.parametrize("gap", [" ", "\u3000", "  ", "\t"])
def test_fields_separated_by_spaces_only(gap):
    text = f"作者{gap}王某{gap}来源{gap}新华社"
    assert credits(text) == [
        ("author", "作者", "王某", f"作者{gap}王某"),
        ("source", "来源", "新华社", f"来源{gap}新华社"),
    ]


@pytest.mark.parametrize("sep", [":", "：", " : ", "\u3000：\u3000", "/", "／", "|", "｜", "丨"])
def test_separators(sep):
    text = f"撰文{sep}王某"
    assert credits(text) == [("author", "撰文", "王某", text)]


def test_value_with_balanced_brackets_and_a_trailing_date_kept_out():
    text = "作者:袁帅(江汉区新华街道)"
    assert credits(text) == [("author", "作者", "袁帅(江汉区新华街道)", text)]
    text = "来源：本报 2024年3月1日"
    assert credits(text) == [("source", "来源", "本报", "来源：本报")]


# --- footers ----------------------------------------------------------------------------------
@pytest.mark.parametrize("label, field", [
    ("责任编辑", "editor"), ("责编", "editor"), ("编辑", "editor"), ("值班编辑", "editor"),
    ("审核", "reviewer"), ("审校", "reviewer"), ("终审", "reviewer"), ("来源", "source"),
    ("作者", "author"), ("撰文", "author"), ("采写", "author"), ("文案", "author"),
])
def test_footer_labels(label, field):
    text = f"居民们在花园里散步。\n{label}：李四\n"
    found = find_credits(text)
    assert [(c.field, c.label, c.value) for c in found] == [(field, label, "李四")]
    assert text[found[0].start:found[0].end] == f"{label}：李四"
    assert text[found[0].value_start:found[0].value_end] == "李四"


def test_footer_glued_to_the_last_sentence_of_the_body():
    text = "花园明天起全天开放。（总台记者魏某某）责任编辑：张某"
    assert credits(text) == [
        ("author", "记者", "魏某某", "记者魏某某"),
        ("editor", "责任编辑", "张某", "责任编辑：张某"),
    ]
    # after a Han character too: the colon makes the label a field
    assert values("市气象台10日6时发布责任编辑：张某") == [("editor", "张某")]


def test_footer_fields_in_a_row_without_separators_between_them():
    text = "文：马某某编辑：雷某审校：李某某责任编辑：张某"
    assert credits(text) == [
        ("author", "文", "马某某", "文：马某某"),
        ("editor", "编辑", "雷某", "编辑：雷某"),
        ("reviewer", "审校", "李某某", "审校：李某某"),
        ("editor", "责任编辑", "张某", "责任编辑：张某"),
    ]


def test_glued_chain_of_reporter_and_editor_credits():
    text = "事故仍在调查中。晚报记者王某某李某责编赵某编辑钱某"
    assert credits(text) == [
        ("author", "记者", "王某某李某", "记者王某某李某"),
        ("editor", "责编", "赵某", "责编赵某"),
        ("editor", "编辑", "钱某", "编辑钱某"),
    ]


def test_a_credit_opening_its_line_may_run_into_the_dateline():
    assert values("本报记者王某10月10日，股市收跌。") == [("author", "王某")]
    assert values("昨天下午，记者今天10月10日来到现场。") == []


def test_production_credit_after_a_name_ends_it():
    assert values("晚报客户端|记者王某美编李某") == [("author", "王某")]


def test_photo_and_dateline_trailers_end_the_name():
    text = "晚报记者王某摄影李某发自河南新乡责编赵某"
    assert values(text) == [("author", "王某"), ("author", "李某"), ("editor", "赵某")]


def test_value_on_the_line_after_its_label():
    text = "作者：\n王某\n正文从这里开始，写得很长。"
    assert credits(text) == [("author", "作者", "王某", "作者：\n王某")]


def test_bracket_labels():
    text = "【撰文】王某【通讯员】李某【来源】晚报客户端"
    assert credits(text) == [
        ("author", "撰文", "王某", "撰文】王某"),
        ("author", "通讯员", "李某", "通讯员】李某"),
        ("source", "来源", "晚报客户端", "来源】晚报客户端"),
    ]


def test_labels_kept_out_of_the_model_still_end_the_value_before_them():
    text = "（文案：王某、赵某；视觉：钱某；编辑：孙某）"
    assert values(text) == [("author", "王某、赵某"), ("editor", "孙某")]
    assert values("统筹：周某出品：某某工作室") == []


# --- inline reporter credits ------------------------------------------------------------------
@pytest.mark.parametrize("text, span, value", [
    ("（记者 王某）居民们在散步。", "记者 王某", "王某"),
    ("（记者王某、李某某）居民们在散步。", "记者王某、李某某", "王某、李某某"),
    ("本报讯（记者 王某 通讯员 李某）居民们在散步。", "记者 王某", "王某"),
    ("本报记者 王某", "记者 王某", "王某"),
    ("新华社记者 王某 摄", "记者 王某", "王某"),
    ("新华社北京5月13日电（记者王某）居民们在散步。", "记者王某", "王某"),
    ("【晚报记者王某】当地时间5月13日，居民们在散步。", "记者王某", "王某"),
    ("花园开放了。新京报记者王某某责任编辑：李某", "记者王某某", "王某某"),
    ("文/王某", "文/王某", "王某"),
    ("【文/观察者网王某某】当地时间5月13日，", "文/观察者网王某某", "观察者网王某某"),
    ("通讯员 王某", "通讯员 王某", "王某"),
    ("主持人/记者 王某", "记者 王某", "王某"),
    ("（作者：王某，某大学教授）", "作者：王某", "王某"),
    ("（作者系某大学教授）", "作者系某大学教授", "系某大学教授"),
    ("撰稿/王某（专栏作家）", "撰稿/王某（专栏作家）", "王某（专栏作家）"),
])
def test_inline_reporter_credits(text, span, value):
    found = [c for c in find_credits(text) if c.field == "author"]
    assert found, text
    assert (text[found[0].start:found[0].end], found[0].value) == (span, value)


def test_a_credit_inside_labelled_prose_is_still_found():
    # the source label runs on into the body (a lost line break), but the reporter credit in it counts
    text = "来源：晚报晚报讯（记者王某）2022年10月31日，花园开放。"
    assert credits(text) == [("author", "记者", "王某", "记者王某")]


def test_surname_that_is_also_a_function_word():
    assert values("。记者于某某\n") == [("author", "于某某")]
    assert values("资金来源于社会捐赠。") == []


def test_second_credit_inside_the_same_brackets():
    assert values("本报讯（记者 王某 通讯员 李某）") == [("author", "王某"), ("author", "李某")]


def test_name_before_its_label():
    text = "（本报评论员）"
    assert credits(text) == [("author", "评论员", "本报", "本报评论员")]
    text = "（王某某/图）"
    assert credits(text) == [("author", "图", "王某某", "王某某/图")]


def test_positions_count_characters_on_later_lines():
    text = "𠮷标题\n\n正文。\n责编：李四\n"
    credit, = find_credits(text)
    assert (credit.start, credit.value_start, credit.end) == (text.index("责编"), text.index("李四"), text.index("李四") + 2)


def test_search_stays_inside_the_range_given():
    text = "作者：王某\n正文。\n编辑：李四"
    start = text.index("正文")
    assert values(text[:]) == [("author", "王某"), ("editor", "李四")]
    assert [(c.field, c.value) for c in find_credits(text, start)] == [("editor", "李四")]


# --- empty fields -----------------------------------------------------------------------------
@pytest.mark.parametrize("text, span", [
    ("作者: 来源: 晚报", "作者:"),
    ("作者：　来源：晚报", "作者："),
    ("居民们在花园里散步。\n责任编辑：", "责任编辑："),
    ("居民们在花园里散步。\n责任编辑：\u3000\n", "责任编辑："),
    ("【作者】【来源】晚报", "作者】"),
])
def test_empty_fields_are_credits_with_an_empty_value_spanning_the_label(text, span):
    empty = [c for c in find_credits(text) if c.empty]
    assert len(empty) == 1
    assert text[empty[0].start:empty[0].end] == span
    assert empty[0].value_start == empty[0].value_end == empty[0].end


def test_a_slash_before_another_label_is_no_empty_field():
    assert values("编辑/记者 王某") == [("author", "王某")]


# --- not credits ------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "据作者介绍，编辑部表示将继续关注。",
    "记者：你怎么看这件事？",
    "记者：好的，我们马上出发。",
    "记者从市政府了解到，新建的停车场共有300个车位。",
    "。记者了解到，花园明天起全天开放。",
    "他在接受记者采访时表示，花园很漂亮。",
    "编辑部主任王某某说，稿件已经送审。",
    "作者认为，这一做法值得推广。",
    "主要收入来源于旅游业。",
    "全文如下：花园明天起全天开放。",
    "新乡市中级人民法院作出终审：维持原判。",
    "他告诉红星新闻记者，事情已经解决。",
    "编辑：这本书写了什么？",
])
def test_body_sentences_that_mention_credit_words_are_not_credits(text):
    assert find_credits(text) == []


# --- a label glued to a name after a labelled field (issue 17 item 14) ---------------------------
@pytest.mark.parametrize("text, value, name", [
    ("资料来源：通讯员林晓周静", "通讯员林晓周静", "林晓周静"),
    ("来源：通讯员 林晓", "通讯员 林晓", "林晓"),
    ("来源：记者 林晓 摄", "记者 林晓 摄", "林晓"),
    ("【来源】实习生林晓", "实习生林晓", "林晓"),
])
def test_a_credit_glued_to_its_name_is_the_fields_value_not_a_new_empty_field(text, value, name):
    assert values(text) == [("source", value), ("author", name)]


def test_a_sentence_after_a_label_is_no_empty_field():
    assert find_credits("来源：记者从市政府获悉，新花园明天开放。") == []
    # a label with its separator is still a new field: the first one is empty
    assert values("作者: 来源: 新华社") == [("author", ""), ("source", "新华社")]
    assert values("作者:来源:新华社") == [("author", ""), ("source", "新华社")]


# --- Traditional script (issue 17 item 2) ---------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("居民們在花園裏散步。\n責任編輯：李四", [("editor", "責任編輯", "李四")]),
    ("（記者 王某）居民們在花園裏散步。", [("author", "記者", "王某")]),
    ("居民們在花園裏散步。\n編輯：李四", [("editor", "編輯", "李四")]),
    ("本報記者 王某 攝", [("author", "記者", "王某")]),
    ("作者: 來源: 新華社", [("author", "作者", ""), ("source", "來源", "新華社")]),
    ("圖／新華社 責編：李四 審核：王五", [("author", "圖", "新華社"), ("editor", "責編", "李四"), ("reviewer", "審核", "王五")]),
    ("記者王某責編李某編輯趙某", [("author", "記者", "王某"), ("editor", "責編", "李某"), ("editor", "編輯", "趙某")]),
    ("（本報評論員）", [("author", "評論員", "本報")]),
])
def test_credits_in_traditional_characters(text, expected):
    assert [(c.field, c.label, c.value) for c in find_credits(text)] == expected


@pytest.mark.parametrize("text", ["據記者介紹，花園明天開放。", "記者們在現場。", "記者從市政府了解到，花園明天開放。",
                                  "編輯部表示將繼續關注。"])
def test_traditional_sentences_that_mention_the_words_are_not_credits(text):
    assert find_credits(text) == []


def test_traditional_labels_are_every_form_opencc_gives():
    """The Traditional labels are data (credits never import OpenCC); OpenCC checks the data."""
    import opencc

    from lint.credits import FIELD_OF_LABEL, TRADITIONAL_LABELS

    converters = [opencc.OpenCC(f"{name}.json") for name in ("s2t", "s2tw", "s2hk")]
    simplified = [label for label in FIELD_OF_LABEL if label not in TRADITIONAL_LABELS]
    expected = {c.convert(label): label for label in simplified for c in converters if c.convert(label) != label}
    assert TRADITIONAL_LABELS == expected


def test_photo_credit_after_a_slash():
    # （李四/摄） used to raise KeyError: the label 摄 had no field
    (credit,) = find_credits("（李四/摄）")
    assert (credit.field, credit.label, credit.value) == ("author", "摄", "李四")
    (credit,) = find_credits("（李四/攝）")
    assert (credit.field, credit.value) == ("author", "李四")
