"""The punctuation pack (GB/T 15834-2011): what each check flags, how it fixes, and the traps
it must never touch."""
import pytest

from lint.linter import Linter

DEFAULT = Linter(select=None)
PUNCT = Linter(select=["punctuation"], ignore=["punctuation.cjk-latin-spacing"])
SPACING = Linter(select=["punctuation.cjk-latin-spacing"])


def found(text, linter=PUNCT):
    """(rule without pack, matched text, first replacement or None) for a body text."""
    return [(f.rule.split(".", 1)[1], f.text, f.replacements[0] if f.replacements else None)
            for f in linter.lint_text("标题\n" + text)]


def fixed(text, linter=PUNCT):
    return linter.fix_text("标题\n" + text)[0].split("\n", 1)[1]


TRAPS = [
    "圆周率约为3.14，同比增长6.2%，产量超过1,000吨。",
    "比赛于17:54结束，比分3:2，发布时间2023-08-15 17:54:44。",
    "服务器192.168.1.1和10.0.0.1:8080均已恢复。",
    "详见 https://example.com/wiki/Foo_(bar)?a=1,2 和 news.desk@example.com 的说明。",
    "新版本v2.0.1已上线，团队用.NET和Node.js开发。",
    "常用缩写如 e.g. 和 i.e. 在中文稿件中应少用。",
    "凯美特气（002549.SZ）与贵州茅台（600519.SH）的公告。",
    "他在信中写道：“Hello, world! Are you there?”",
    "他引用了一句英文：“Knowledge is power, and power is responsibility.”",
    "运行时加上--fix参数即可，日期写作2023-08-15。",
    "1998—1999年度的预算、北京—上海的航班都已确定。",
    "　　段首缩进用全角空格，署名行用全角空格分隔：作者　王某　编辑　李某",
    "他在信里写了 don't 和 it's，还有 Xi’an。",
    "难道不是这样吗？！",
]


@pytest.mark.parametrize("text", TRAPS)
def test_traps_are_never_flagged_by_any_default_rule(text):
    assert [f for f in DEFAULT.lint_text("标题\n" + text) if f.rule.startswith("punctuation.")] == []


@pytest.mark.parametrize("text", TRAPS)
def test_traps_are_never_changed_by_fix(text):
    assert fixed(text, DEFAULT) == text


def test_comma_after_closing_quote_and_parentheses_around_chinese():
    assert fixed("使社区居民从“观众”成为“主角”,使大家满意。") == "使社区居民从“观众”成为“主角”，使大家满意。"
    assert fixed("荆楚网(湖北日报网)发布。") == "荆楚网（湖北日报网）发布。"
    assert fixed("天气转凉;请注意保暖!真的吗?") == "天气转凉；请注意保暖！真的吗？"


def test_period_ending_a_chinese_sentence():
    assert found("会议结束.下一步是验收.") == [("halfwidth-period", ".", "。")] * 2
    assert fixed("会议结束.下一步是验收.") == "会议结束.下一步是验收。"  # between Han: no auto-fix
    assert fixed("设计师于贝尔.德.纪梵希去世。") == "设计师于贝尔.德.纪梵希去世。"
    assert found("他们用.NET和Node.js，版本v2.0.1，增速3.5%。") == []


def test_straight_quotes_become_curly_and_nest():
    assert fixed('他说："我们要\'再加把劲\'。"') == "他说：“我们要‘再加把劲’。”"
    assert fixed('他说：“这就是"社区边角"的变化。”') == "他说：“这就是‘社区边角’的变化。”"
    # an English phrase inside a Chinese sentence takes Chinese quotes too; code does not
    assert fixed('标语写着"Keep calm"，很醒目。') == "标语写着“Keep calm”，很醒目。"
    assert fixed('返回值是{"code": 0}，表示成功。') == '返回值是{"code": 0}，表示成功。'
    # an odd number on a line: the pairing would be a guess
    assert found('他说"你好，她说"再见"。') == []


def test_fullwidth_letters_digits_and_fullwidth_marks_in_english():
    assert fixed("新增５Ｇ基站１２００个。") == "新增5G基站1200个。"
    assert fixed("他写道：“We will win，and we will be back。”") == "他写道：“We will win, and we will be back.”"
    assert found("他使用了 Microsoft Office，Google Docs。") == []


@pytest.mark.parametrize("bad", ["等待...", "等待。。。", "等待…", "等待……。", "等待......"])
def test_ellipsis_forms(bad):
    assert fixed(bad) == "等待……"


def test_english_ellipsis_is_left_alone():
    assert found("他说：“Wait... what?”") == []


@pytest.mark.parametrize("bad", ["主角--社区居民", "主角－－社区居民", "主角－－－社区居民"])
def test_dash_forms(bad):
    assert fixed(bad) == "主角——社区居民"


def test_lone_em_dash_as_dash_but_not_as_connector():
    assert fixed("这就是答案—") == "这就是答案——"
    assert found("北京—上海，9月11日—21日") == []


def test_runs_of_exclamation_and_question_marks():
    assert fixed("太好了！！！") == "太好了！"
    assert fixed("真的吗？？") == "真的吗？"
    assert fixed("真的吗？！？") == "真的吗？！"
    assert fixed("真的吗?!\n好。") == "真的吗？！\n好。"  # ? then ! at a line end
    assert found("真的吗？！") == []
    assert found('He shouted: "No way!!"') == []


def test_unpaired_marks_are_reported_at_the_lone_mark_without_fix():
    result = found("他说：“我们明天出发。他点头。\n详见《报告。")
    assert result == [("unpaired", "“", None), ("unpaired", "《", None)]
    assert found("他说：“第一段，\n“第二段，到此结束。”") == []
    assert found("1）加强管理；2）完善制度。") == []


def test_spaces_around_fullwidth_marks_are_removed_but_not_ideographic_spaces():
    assert fixed("近日 ，居民们说： 现在干净多了。") == "近日，居民们说：现在干净多了。"
    assert fixed("他说：“ 我们出发 ”") == "他说：“我们出发”"
    assert found("　　作者：王某　编辑：李某") == []


def test_spaces_in_credit_lines_separate_fields_and_stay():
    assert fixed("作者: 来源: 荆楚网") == "作者： 来源： 荆楚网"


def test_headline_endings():
    assert [(f.rule, f.text) for f in PUNCT.lint_text("老街改造完工。\n正文。")] == [("punctuation.headline-period", "。")]
    assert PUNCT.fix_text("老街改造完工。\n正文。")[0] == "老街改造完工\n正文。"
    rules = [(f.rule, f.fixable) for f in PUNCT.lint_text("专家解读：\n正文。")]
    assert rules == [("punctuation.headline-end", False)]


def test_chinese_latin_spacing_is_off_by_default_and_inserts_when_on():
    assert not any(f.rule == "punctuation.cjk-latin-spacing" for f in DEFAULT.lint_text("标题\n新增5G基站。"))
    assert fixed("新增5G基站1200个。", SPACING) == "新增 5G 基站 1200 个。"
    assert fixed("段首　全角空格", SPACING) == "段首　全角空格"


def test_quote_style_consistency_flags_the_minority_form():
    result = found("他说：“出发。”她说：“好的。”记者问：「还有谁？」")
    assert result == [("quote-style", "「", "“"), ("quote-style", "」", "”")]
    assert found("他说：「出发。」她说：「好的。」") == []


def test_positions_are_exact_characters():
    finding = PUNCT.lint_text("标题\n近日,居民")[0]
    assert (finding.line, finding.column, finding.offset, finding.length) == (2, 3, 5, 1)


def test_quotation_over_markdown_paragraphs_is_paired():
    text = "# 标题\n\n他说：“第一段，\n\n“第二段到此结束。”\n\n- 列表里的“引号\n"
    found_md = [(f.rule, f.line, f.text) for f in PUNCT.lint_text(text, "a.md")]
    assert found_md == [("punctuation.unpaired", 7, "“")]


from hypothesis import HealthCheck, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


def _unpaired_hits(rule, text):
    """The rule's literal hits in `text`, as the engine's automaton hands them over."""
    index = {literal: i for i, literal in enumerate(rule.literals())}
    return [(index[char], at, at + 1) for at, char in enumerate(text) if char in index]


def _plain_by_lines(marks, sequence):
    """The shortcut's question answered the plain way: in every line of `sequence` (marks
    and line breaks), each kind of mark alternates opening, closing … and ends closed."""
    for line in sequence.split("\n"):
        for opening, closing in marks.items():
            own = "".join(char for char in line if char in (opening, closing))
            if own != (opening + closing) * (len(own) // 2):
                return False
    return True


# random marks, and runs of pairs (mostly plainly paired, nested, across lines, or one mark off)
_UNPAIRED_TEXT = st.one_of(
    st.text(alphabet="“”‘’《》（）【】\n。！a字 ", max_size=40),
    st.lists(st.sampled_from(["“”", "（）", "《》", "‘’", "【】", "“（）”", "《“”》", "（“‘’”）", "字", "。\n",
                              "\n“", "“", "”", "（", "）", "《", "】", "“字\n字”", "“‘", "’”", "“。\n“字”"]),
             max_size=14).map("".join),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_UNPAIRED_TEXT)
def test_the_unpaired_checks_shortcut_never_changes_its_findings(body):
    """The check skips its careful pass when every kind of mark plainly alternates in every
    line; with the shortcut disabled the findings must be the same."""
    from lint.kinds import punctuation
    from lint.readers.text import read_text

    rule = DEFAULT.rule("punctuation.unpaired")  # built once: the examples test the rule, not loading
    text = "标题\n" + body
    shortcut = [(m.start, m.message) for m in rule.run(read_text(text), _unpaired_hits(rule, text))]
    original = punctuation._Pairs.plainly_paired
    try:
        punctuation._Pairs.plainly_paired = lambda self, text, positions, literals: False
        careful = [(m.start, m.message) for m in rule.run(read_text(text), _unpaired_hits(rule, text))]
    finally:
        punctuation._Pairs.plainly_paired = original
    assert shortcut == careful


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_UNPAIRED_TEXT)
@example("““””")  # one kind nested in itself: not plain (the careful pass pairs it)
@example("【【】】")
@example("《（》）")  # two kinds crossing: each alternates, plain
@example("”“")
@example("“”\n（）\n“\n”")
@example("“‘’”（）\n")
def test_the_unpaired_shortcut_answers_as_the_plain_reading_of_each_line(body):
    """The shortcut's depth arithmetic (each kind a base-4 digit) says "plainly paired"
    exactly when each kind alternates and closes in every line."""
    from lint.kinds import punctuation

    rule = DEFAULT.rule("punctuation.unpaired")
    hits = _unpaired_hits(rule, body)
    positions, literals = [at for _, at, _ in hits], [i for i, _, _ in hits]
    expected = _plain_by_lines(rule.marks, "".join(c for c in body if c == "\n" or c in rule.literals()))
    assert punctuation.marks_in_segments(body, hits, [(0, len(body))], rule.pattern) == (positions, expected)
    if hits:
        assert rule.pattern.plainly_paired(body, positions, literals) == expected


# --- the kinds of cases other checkers test (autocorrect, zhlint, pangu), in our own sentences -----
# Each case: (input, what an editor following GB/T 15834 and mainland news style publishes).
# A case whose expected text equals its input is a trap: no punctuation finding at all.
# Plain-text cases are body text (a headline line is put before them); "md:" cases are
# whole Markdown files; "headline:" cases are a headline with a body line after them.
PEER_KINDS = {
    # English sentences inside Chinese text keep their half-width marks; a Chinese sentence
    # that ends after an English word still gets its full-width mark
    "english-inside-chinese": [
        ("老师在黑板上写下 Never give up, keep going! 同学们都记住了。",) * 2,
        ("他用英语回答Thank you very much!然后离开了。",) * 2,
        ("她抬头问了一句Where is the station?路人给她指了方向。",) * 2,
        ("海报上印着Stay hungry, stay foolish.这句话很有名。",) * 2,
        ("展板上写着：Welcome to the show, enjoy it!",) * 2,
        ("卡片背面是Notes: bring a pen, and come early!随后是日程表。",) * 2,
        ("字幕写着So... what?观众都愣住了。",) * 2,
        ("他最常用的编程语言是Python.", "他最常用的编程语言是Python。"),
        ("我们下周再讨论GPU.", "我们下周再讨论GPU。"),
        ("发布会在Apple Park举行.", "发布会在Apple Park举行。"),
        ("她的新书名叫Echo.下个月上市。", "她的新书名叫Echo。下个月上市。"),
        ("你平时用Linux?", "你平时用Linux？"),
        ("这个功能最早来自Chrome!", "这个功能最早来自Chrome！"),
        ("你更喜欢Word?还是WPS?", "你更喜欢Word？还是WPS？"),
        ("他说：“我只用iPad.”", "他说：“我只用iPad。”"),
        ("承建方是Acme Inc.",) * 2,
        ("她拿到了美国的Ph.D.",) * 2,
        # and an English sentence typed with full-width marks gets its half-width ones
        ("展板上写着一行字。\nNote：Bring water，and wear a hat！\n大家都照做了。",
         "展板上写着一行字。\nNote: Bring water, and wear a hat!\n大家都照做了。"),
        ("她在卡片上写道：“See you soon，and take care！”", "她在卡片上写道：“See you soon, and take care!”"),
        ("他问：“Is this seat free？I can wait；no hurry。”", "他问：“Is this seat free? I can wait; no hurry.”"),
        ("他问：“Python是什么？”",) * 2,
    ],
    # HTML entities in plain text: their `;` is not a semicolon
    "html-entities": [
        ("他说&quot;明天见&quot;，然后挂了电话。",) * 2,
        ("页面上显示&#34;加载中&#34;。",) * 2,
        ("源码写作&lt;标题&gt;，需要转义。",) * 2,
        ("作者&amp;编辑都同意。",) * 2,
        ("两个词之间有&nbsp;空格。",) * 2,
        ("十六进制写法&#x22;也会出现。",) * 2,
        ("标签写作&lt;p&gt;;另一个写作&lt;div&gt;。", "标签写作&lt;p&gt;；另一个写作&lt;div&gt;。"),
    ],
    # half-width marks with spaces around them between Chinese words: fixed, spaces included
    "spaced-marks": [
        ("今天下雨 , 明天转晴。", "今天下雨，明天转晴。"),
        ("太好了 !", "太好了！"),
        ("你去过那里吗 ?", "你去过那里吗？"),
        ("注意事项 : 请带好证件。", "注意事项：请带好证件。"),
        ("上午开会 ; 下午参观。", "上午开会；下午参观。"),
        ("真不错 ! 我们再来一次。", "真不错！我们再来一次。"),
        ("他来了 ,我们走了。", "他来了，我们走了。"),
        ("参数 a , b 都是整数。",) * 2,
        ("The score was 3 : 2 , final.",) * 2,
    ],
    # a converted mark takes the spaces after it along; table cells and containers are markup
    "trailing-space-tables-containers": [
        ("他来了, Tom也来了。", "他来了，Tom也来了。"),
        ("今天休息! ", "今天休息！"),
        ("会议结束. 下午继续。", "会议结束。下午继续。"),
        ("数量: 120件", "数量：120件"),
        ("md:| 项目 | 说明 |\n|---|---|\n| 合计： | 三项 |\n",) * 2,
        ("md:| 项目 | 说明 |\n|---|---|\n| 备注, | 无 |\n", "| 项目 | 说明 |\n|---|---|\n| 备注， | 无 |\n"),
        ("md:::: tip 提示\n内容写在这里,请注意。\n:::\n", "::: tip 提示\n内容写在这里，请注意。\n:::\n"),
        ("md:::: warning\n别忘了带伞。\n:::\n",) * 2,
        ("md::::注意\n别忘了带伞。\n:::\n",) * 2,
        ("| 名称 | 数量： | 单位 |",) * 2,
        ("md:今天休息!  \n明天上班。\n", "今天休息！  \n明天上班。\n"),  # a hard break keeps its spaces
        ("作者: 来源: 荆楚网", "作者： 来源： 荆楚网"),  # so do the fields of a credit line
    ],
    # a Chinese sentence ending in a number, a percent sign or a Latin word takes 。
    "sentence-end-after-number-or-word": [
        ("今年的出生率为6.4%.", "今年的出生率为6.4%。"),
        ("参加活动的人数达到了3200.", "参加活动的人数达到了3200。"),
        ("本次调价幅度为5%.下月起执行。", "本次调价幅度为5%。下月起执行。"),
        ("项目总投资约12亿元,其中地方配套30%.", "项目总投资约12亿元，其中地方配套30%。"),
        ("最终比分定格在98:95.", "最终比分定格在98:95。"),
        ("系统已升级到v3.1.", "系统已升级到v3.1。"),
        ("他今年25.", "他今年25。"),
        ("1. 准备材料",) * 2,
        ("他的身高是1.85米，版本号为3.2.1。",) * 2,
    ],
    # straight quotes around an English phrase inside a Chinese sentence become “”; the
    # phrase keeps its own punctuation
    "straight-quoted-english": [
        ('他只说了一句"See you"就走了。', "他只说了一句“See you”就走了。"),
        ('标语写着"Keep calm and carry on"，很醒目。', "标语写着“Keep calm and carry on”，很醒目。"),
        ('他在便签上写了"Hello, world!"几个字。', "他在便签上写了“Hello, world!”几个字。"),
        ('这个词读作"data"，不读"dada"。', "这个词读作“data”，不读“dada”。"),
        ('她回答："Why not?"', "她回答：“Why not?”"),
        ('他说 "OK" 然后挂了电话。', "他说“OK”然后挂了电话。"),
        ('配置写成 name="newslint" 即可。',) * 2,
        ('He said "yes" and left.',) * 2,
        ('他说"OK，然后走了。',) * 2,
    ],
    # English ... and ......... inside an English phrase are not Chinese ellipses
    "english-ellipsis": [
        ("他在信的结尾写道：“And so it goes...”",) * 2,
        ("他在纸上写了 Wait for me......... 然后就睡着了。",) * 2,
        ("她念道To be continued...大家都笑了。",) * 2,
        ("屏幕上滚动着Loading, please wait.........随后黑屏。",) * 2,
        ('他回了一句"Well... maybe"就走了。', "他回了一句“Well... maybe”就走了。"),
        ("大家都在等待...", "大家都在等待……"),
        ("这首歌叫Hey Jude...", "这首歌叫Hey Jude……"),
    ],
    # a half-width ? after a digit or % at the end of a line or headline, as mid-line
    "question-after-number-at-line-end": [
        ("今年能否突破200?", "今年能否突破200？"),
        ("去年的增速是多少,5%?", "去年的增速是多少，5%？"),
        ("会议几点开始,是9:30?", "会议几点开始，是9:30？"),
        ("headline:房价为何涨了8%?", "房价为何涨了8%？"),
        ("headline:油价还会再降0.2元?", "油价还会再降0.2元？"),
        ("Is it 100?",) * 2,
    ],
    # every dash form GB/T 15834 rules out becomes ——
    "dash-forms": [
        ("答案只有一个———坚持。", "答案只有一个——坚持。"),
        ("他停了一下————又接着说。", "他停了一下——又接着说。"),
        ("答案只有一个――坚持。", "答案只有一个——坚持。"),
        ("答案只有一个──坚持。", "答案只有一个——坚持。"),
        ("答案只有一个━━坚持。", "答案只有一个——坚持。"),
        ("答案只有一个––坚持。", "答案只有一个——坚持。"),
        ("答案只有一个－－－坚持。", "答案只有一个——坚持。"),
        ("————————",) * 2,
        ("┌──────┐",) * 2,
        ("1998—1999年度和2000–2001年度",) * 2,
    ],
}

PEER_CASES = [(kind, n, *case) for kind, cases in PEER_KINDS.items() for n, case in enumerate(cases)]


def _as_document(text):
    """(file text, path, prefix to drop from the fixed text) for one case."""
    if text.startswith("md:"):
        return text[3:], "case.md", ""
    if text.startswith("headline:"):
        return text[9:] + "\n正文。", "case.txt", None
    return "标题\n" + text, "case.txt", "标题\n"


@pytest.mark.parametrize("kind,n,text,expected", PEER_CASES, ids=[f"{k}-{n}" for k, n, *_ in PEER_CASES])
def test_peer_kinds(kind, n, text, expected):
    document, path, prefix = _as_document(text)
    out = PUNCT.fix_text(document, path)[0]
    if prefix is None:  # a headline case: compare the headline
        out, expected = out.split("\n", 1)[0], expected.removeprefix("headline:")
    else:
        out = out[len(prefix):]
        expected = expected.removeprefix("md:")
    assert out == expected
    if expected == text.removeprefix("md:"):
        assert [f.rule for f in DEFAULT.lint_text(document, path) if f.rule.startswith("punctuation.")] == []


def test_peer_kinds_are_at_least_sixty():
    assert len(PEER_CASES) >= 60


# --- fast paths against the expressions they stand in for -------------------------------------
def _literal_hits(rule, text):
    """The rule's literal hits in `text`, as the engine's automaton hands them over."""
    return sorted((i, at, at + len(literal)) for i, literal in enumerate(rule.literals())
                  for at in range(len(text)) if text.startswith(literal, at))


def _fast_path_finds_as_every_hit(rule_id, every_hit, body):
    """A check that drops hits its expression never matches finds what trying every hit
    (`every_hit`, the check's slow path) finds."""
    from lint.readers.text import read_text

    rule = DEFAULT.rule(rule_id)
    text = "标题\n" + body
    hits = _literal_hits(rule, text)
    fast = [(m.start, m.end, m.replacements) for m in rule.run(read_text(text), hits)]
    every = [(m.start, m.end, m.replacements) for m in every_hit(rule, read_text(text), hits)]
    assert fast == every


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet="..字aZ5% \n”)%", max_size=30))
@example("圆周率约为3.14，会议结束.")
@example("v2.0.1和e.g.结束.下一步")
def test_the_period_check_drops_only_dots_its_expression_never_matches(body):
    """Dots before a letter or digit (decimals) are dropped before a match is tried: the
    findings equal those of trying every dot."""
    from lint.kinds import punctuation

    _fast_path_finds_as_every_hit("punctuation.halfwidth-period", punctuation._periods, body)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet="。，；：字 \t\u3000\x1c\x85？", max_size=8))
@example("标题。 ")
@example("标题\x1c")
def test_the_headline_end_check_answers_as_its_expression(headline):
    """Only the last character is looked at unless whitespace ends the headline: the same
    finding as the expression's search."""
    from lint.document import Document

    for rule_id in ("punctuation.headline-period", "punctuation.headline-end"):
        rule = DEFAULT.rule(rule_id)
        text = headline + "\n正文。"
        doc = Document(text, scopes={"headline": [(0, len(headline))], "body": [(len(headline) + 1, len(text))]})
        m = rule.pattern.search(text, 0, len(headline))
        expected = [(m.start(), m.end(), rule.marks[m.group()])] if m else []
        assert [(f.start, f.end, f.replacements[0]) for f in rule.run(doc, [])] == expected


QUOTE_STYLE = Linter(select=["punctuation.quote-style"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet="“”「」字。\n", max_size=24))
def test_quote_style_is_skipped_only_where_it_has_nothing_to_report(body):
    """The engine visits the rule only where a form other than the first (`「」`) was hit;
    everywhere else the rule itself would report nothing."""
    rule = QUOTE_STYLE.rule("punctuation.quote-style")
    text = "标题\n" + body
    direct = [(m.start, m.end, m.message) for m in rule.run(QUOTE_STYLE.read(text, "a.txt", QUOTE_STYLE.settings_for("a.txt")), [])]
    through_engine = [(f.offset, f.offset + f.length, f.message) for f in QUOTE_STYLE.lint_text(text, "a.txt")]
    assert through_engine == direct


@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet="——―－─–-字9a，\n ", max_size=24))
@example("活动的主角——社区居民，1998—1999年，答案———坚持—")
def test_the_dash_check_drops_only_em_dashes_its_expression_never_matches(body):
    """Em dashes where the expression cannot match (halves of ——, connectors after a digit)
    are dropped before a match is tried: the findings equal those of trying every hit."""
    from lint.kinds import punctuation

    _fast_path_finds_as_every_hit("punctuation.dash", punctuation._dashes, body)


@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet="……。.字a\n", max_size=20))
@example("有的居民提供花草……大家都在等待。。。他停顿了一下…然后说………。还在继续……。")
def test_the_ellipsis_check_drops_only_the_halves_of_right_ellipses(body):
    """The halves of a right …… are dropped before a match is tried: the findings equal
    those of trying every hit."""
    from lint.kinds import punctuation

    _fast_path_finds_as_every_hit("punctuation.ellipsis", punctuation._ellipses, body)
