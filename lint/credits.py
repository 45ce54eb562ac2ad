"""Recognise credits (bylines, editor credits, sources) in article text.

Every credit becomes a `lint.document.Credit` (field ``author``, ``editor``, ``source`` or
``reviewer``). Readers call `find_credits` on the prose of a document; readers with metadata
(Markdown front matter, HTML ``<meta name="author">``) add their own `Credit` records to the
same list, so that the same ``required`` rules read both.

Forms recognised (see docs/bylines.md for the full list of labels):

- labelled fields: ``作者：王某``, ``来源: 新华社 2023-08-15 10:00``, ``责任编辑：李四``,
  ``文/王某``, ``图｜新华社``, with ``:``/``：`` (or ``/``, ``｜`` after ``文``/``图``), anywhere
  in a line, also glued to the end of the previous sentence (``…中心。责任编辑：张玉``) and in
  a row without separators between fields (``文：王某编辑：李四审校：赵五``);
- fields separated by spaces or U+3000 only, at the start of a field (``作者　王某　来源　新华社``);
- reporter credits, with or without the organisation, at the start of a line, after a sentence,
  inside brackets, or right after another credit: ``（记者 王某）``, ``（总台记者魏雯雯）``,
  ``本报记者 王某``, ``新华社记者 王某 摄``, ``新京报记者王某``, ``通讯员 李某``,
  ``记者王某责编李某编辑赵某``;
- commentary bylines: ``（本报评论员）``.

Not credits: sentences that merely contain the words (``据作者介绍``, ``编辑部表示``,
``记者从市政府获悉，``) and interview lines (``记者：你怎么看？``). A value must look like names
or an organisation and must end where a credit ends (line end, bracket, the next field); a
labelled value that ends a sentence (``。？！``) is prose.

An empty field (``作者: 来源: …``, a line ``责任编辑：`` with nothing after it) is a credit with an
empty value; its span is the label and separator, where the ``required`` kind reports it.

Speed: one scan of the standard library's `re` finds the few positions where a credit may
start (a separator or a space after a label's last character, a label a name may follow); the
credit expression is tried only there (`_credit_starts`), and Python only looks at its matches.
"""
from __future__ import annotations

import functools
import re

import regex

from . import patterns
from .document import Credit
from .patterns import LazyPattern

# label -> credit field; None: a credit the model does not keep (出品、监制、视觉 …), recognised
# so that it ends the value before it and is not mistaken for part of a name.
FIELD_OF_LABEL: dict[str, str | None] = {
    # editors
    "责任编辑": "editor", "责编": "editor", "编辑": "editor", "值班编辑": "editor",
    "实习编辑": "editor", "网络编辑": "editor", "文字编辑": "editor", "编审": "editor",
    "主编": "editor", "执行主编": "editor", "图片编辑": "editor", "视频编辑": "editor",
    "新媒体编辑": "editor", "流程编辑": "editor", "校对": "editor",
    # reviewers
    "审核": "reviewer", "审校": "reviewer", "终审": "reviewer", "复审": "reviewer",
    "初审": "reviewer", "审读": "reviewer", "签发": "reviewer", "监制": "reviewer",
    "总监制": "reviewer", "一审": "reviewer", "二审": "reviewer", "三审": "reviewer",
    # authors
    "作者": "author", "撰文": "author", "撰稿": "author", "文字": "author", "文案": "author",
    "采写": "author", "执笔": "author", "整理": "author", "记者": "author",
    "文字记者": "author", "视频记者": "author", "摄影记者": "author", "特约记者": "author",
    "实习记者": "author", "见习记者": "author", "首席记者": "author", "通讯员": "author",
    "特约通讯员": "author", "实习生": "author", "评论员": "author", "特约评论员": "author",
    "摄影": "author", "摄像": "author", "摄": "author", "拍摄": "author", "图文": "author", "文": "author", "图": "author",
    # sources
    "来源": "source", "稿源": "source", "资料来源": "source", "图片来源": "source",
    "新闻来源": "source", "消息来源": "source", "转自": "source", "图源": "source",
    "供稿": "source",
    # credits the model does not keep
    "视觉": None, "设计": None, "海报设计": None, "制图": None, "统筹": None, "策划": None,
    "总策划": None, "出品": None, "出品人": None, "制片": None, "执行制片": None, "协调": None,
    "制作": None, "运营": None, "编导": None, "剪辑": None, "配音": None, "美编": None,
    "视频": None, "报道员": None, "参考资料": None, "翻译": None, "编译": None, "排版": None,
    "校审": "reviewer", "美术编辑": None, "美术": None, "头图": None, "题图": None, "封图": None,
    "供图": None, "造型": None, "化妆": None, "发型": None, "妆发": None, "模特": None,
    "摄影助理": None, "设计助理": None, "编辑助理": None, "造型助理": None,
}

# The same labels in Traditional characters (Taiwan, Hong Kong and overseas publications, and
# `script.traditional: {target: zh-Hant}`): Traditional form -> Simplified label. Every form
# OpenCC's s2t, s2tw and s2hk give (tests/test_credits.py checks against them), kept here as
# data so that recognising credits never imports OpenCC.
TRADITIONAL_LABELS: dict[str, str] = {
    "責任編輯": "责任编辑", "責編": "责编", "編輯": "编辑", "值班編輯": "值班编辑", "實習編輯": "实习编辑", "網絡編輯": "网络编辑",
    "文字編輯": "文字编辑", "編審": "编审", "主編": "主编", "執行主編": "执行主编", "圖片編輯": "图片编辑", "視頻編輯": "视频编辑",
    "新媒體編輯": "新媒体编辑", "流程編輯": "流程编辑", "校對": "校对", "審核": "审核", "審覈": "审核", "審校": "审校", "終審": "终审",
    "複審": "复审", "初審": "初审", "審讀": "审读", "簽發": "签发", "監製": "监制", "總監製": "总监制", "一審": "一审",
    "二審": "二审", "三審": "三审", "採寫": "采写", "執筆": "执笔", "記者": "记者", "文字記者": "文字记者", "視頻記者": "视频记者",
    "攝影記者": "摄影记者", "特約記者": "特约记者", "實習記者": "实习记者", "見習記者": "见习记者", "首席記者": "首席记者", "通訊員": "通讯员",
    "特約通訊員": "特约通讯员", "實習生": "实习生", "評論員": "评论员", "特約評論員": "特约评论员", "攝影": "摄影", "攝像": "摄像",
    "拍攝": "拍摄", "攝": "摄", "圖文": "图文", "圖": "图", "來源": "来源", "資料來源": "资料来源", "圖片來源": "图片来源", "新聞來源": "新闻来源",
    "消息來源": "消息来源", "轉自": "转自", "圖源": "图源", "視覺": "视觉", "設計": "设计", "海報設計": "海报设计", "製圖": "制图",
    "統籌": "统筹", "策劃": "策划", "總策劃": "总策划", "製片": "制片", "執行製片": "执行制片", "協調": "协调", "製作": "制作",
    "運營": "运营", "編導": "编导", "剪輯": "剪辑", "美編": "美编", "視頻": "视频", "報道員": "报道员", "參考資料": "参考资料",
    "翻譯": "翻译", "編譯": "编译", "校審": "校审", "美術編輯": "美术编辑", "美術": "美术", "頭圖": "头图", "題圖": "题图",
    "封圖": "封图", "供圖": "供图", "化妝": "化妆", "髮型": "发型", "妝髮": "妆发", "攝影助理": "摄影助理", "設計助理": "设计助理",
    "編輯助理": "编辑助理"
}
FIELD_OF_LABEL.update({label: FIELD_OF_LABEL[simplified] for label, simplified in TRADITIONAL_LABELS.items()})


def _both_scripts(labels: tuple[str, ...]) -> tuple[str, ...]:
    return labels + tuple(t for t, s in TRADITIONAL_LABELS.items() if s in labels)


# Labels that may stand right before a name with no separator, after a boundary
# (记者王某, 责编李某) — and of those, the ones an organisation may precede (新京报记者王某).
_GLUED = ("记者", "文字记者", "视频记者", "摄影记者", "特约记者", "实习记者", "见习记者",
          "首席记者", "通讯员", "特约通讯员", "实习生", "责任编辑", "责编", "编辑", "值班编辑",
          "实习编辑", "流程编辑", "摄影", "摄像", "作者", "撰稿", "撰文", "来源", "美编")
_WITH_ORG = ("记者", "文字记者", "视频记者", "摄影记者", "特约记者", "实习记者", "见习记者",
             "首席记者", "通讯员", "特约通讯员", "编辑")
_REPORTERS = _both_scripts(tuple(w for w in _WITH_ORG if w != "编辑"))  # may stand before a name with a space


# The label alternations recur many times in the credit expression; as `regex` named lists
# (\L<name>) they are parsed once, which makes compiling the expression (paid by every run
# at start-up) several times cheaper. Named lists match longest-first, like the alternations.
# The expression is compiled with the Simplified labels, and (when a text has a character only
# Traditional labels use) with the labels of both scripts: twice the labels in the lists make
# every search about 40 % slower, and almost every text is in one script.
def _lists(labels) -> dict[str, list[str]]:
    return {
        "multi": sorted((w for w in labels if len(w) > 1), key=len, reverse=True),
        "glued": [w for w in labels if w in _GLUED or TRADITIONAL_LABELS.get(w) in _GLUED],
        "with_org": [w for w in labels if w in _WITH_ORG or TRADITIONAL_LABELS.get(w) in _WITH_ORG],
    }


_LISTS_SIMPLIFIED = _lists([w for w in FIELD_OF_LABEL if w not in TRADITIONAL_LABELS])
_LISTS = _lists(list(FIELD_OF_LABEL))
# the characters that tell a text may hold a Traditional label (責, 編, 記, 來 …): looked for
# by the scan for candidate starts
_TRADITIONAL_CHAR_SET = frozenset(
    {ch for label in TRADITIONAL_LABELS for ch in label}
    - {ch for label in FIELD_OF_LABEL if label not in TRADITIONAL_LABELS for ch in label})
_MULTI = r"\L<multi>"
_GAP = r"[ \t\u3000\xa0]"
_SEP = r"[:：/／|｜丨]"  # 丨 (U+4E28) is a Han character: names and values exclude it
_WORD = r"[\p{Han}\p{L}\p{N}]"
_NOT_AFTER = (r"(?!部|们|室|组|团队|人员|工作|委员|部门|记者|认为|表示|介绍|发现|称|说|(?<=来源)[于自]"
              r"|們|組|團隊|人員|委員|部門|記者|認為|認爲|介紹|發現|稱|說|説|(?<=來源)[於自])")
# the start of the next field: a label with its separator or spaces (or a glued label before
# a name). It recurs ten times in the credit expression: one list of labels per branch less
# makes compiling it (paid by every run) a third cheaper.
_NEXT = (
    rf"(?:{_MULTI})(?:{_GAP}*{_SEP}|{_GAP}+(?=\S))"
    rf"|(?<!{_WORD})(?:文|图|圖){_GAP}*{_SEP}"
    rf"|【(?:{_MULTI})】"
    rf"|(?:\L<glued>){_NOT_AFTER}(?=\p{{Han}})"
)
# words that close a reporter credit without being part of the name
_TRAILER = r"(?:[摄攝](?=$|[\s）)】\]」，。])|报道|報道|報導|发自|發自|[电電](?=[（(]))"
# consumed after the name, so that a credit right after it still follows this one (\\G)
_CLOSING = rf"(?:{_GAP}*(?:[摄攝](?=$|[\s）)】\]」，。])|报道|報道|報導|(?:发自|發自)(?:(?!{_NEXT})\p{{Han}}){{0,10}}))?"
# Characters that may start the next field or a trailer. Only at these does a value test the
# (long) lookahead for the next field: most characters of a value pass on a cheap class.
_START_CHARS = frozenset({w[0] for w in FIELD_OF_LABEL} | set("【摄报发电攝報發電"))
_STARTS = regex.escape("".join(sorted(_START_CHARS)))
# the last characters of labels: a space after any other character cannot follow a label
_LABEL_ENDS = regex.escape("".join(sorted({w[-1] for w in FIELD_OF_LABEL})))
_NAME_CHAR = rf"(?:(?![{_STARTS}丨])[\p{{Han}}·•・]|(?!{_NEXT}|{_TRAILER})[{_STARTS}])"
_NAMES = rf"(?>{_NAME_CHAR}{{1,24}})(?:(?:、|{_GAP}+)(?>{_NAME_CHAR}{{1,24}})){{0,8}}"
_END = rf"(?={_GAP}*(?:$|[\r\n）)】\]」』（(【\[；;丨|｜]|{_NEXT}|{_TRAILER}))"
# a credit that opens its line may run straight into the dateline: 本报记者王某10月10日，…
_DATELINE = r"(?<=^[\p{Han}A-Za-z·\-－ \t\u3000]{3,40})(?=\d{1,2}月\d{1,2}日)"
_BOUNDARY = "：/／|｜ \t\u3000\xa0（(【[「『。！？!?；;”’）)】]」』"  # what a credit may follow
_BOUNDARY_CHARS = "[" + regex.escape(_BOUNDARY) + "]"
_ORG_CHARS = r"[\p{Han}A-Za-z·\-－]"
# a labelled value: names, an organisation, a date; balanced brackets allowed inside
_VALUE_CHAR = r"[^\r\n（）()【】\[\]；;，,。！？!?：:丨]"
_VALUE = (
    rf"(?:(?![{_STARTS} \t\u3000\xa0]){_VALUE_CHAR}"
    rf"|(?!{_GAP}*(?:{_NEXT}))(?:{_VALUE_CHAR}|(?<=\d):(?=\d)|\([^()\r\n]*\)|（[^（）\r\n]*）))*"
)
# a label at the end of its line whose value stands alone on the next line
_NEXT_LINE = rf"(?:(?:\r\n|\r|\n){_GAP}*(?=[^\r\n。！？!?，,：:]{{1,20}}$))?"

# Every branch starts with a separator or a label literal, so that the engine can skip text
# fast; what stands before it is checked with a lookbehind. Compiled on first use (~60 ms in
# `regex`): `rules`, `explain` and `--help` never pay for it.
_CREDIT_SOURCE = (
    # 1. labelled: 作者：王某, 文/王某, 责任编辑： (found at the separator)
    rf"{_SEP}(?<=(?P<label>{_MULTI}){_GAP}*{_SEP}|(?<!{_WORD})(?P<label>文|图|圖){_GAP}*{_SEP})"
    rf"(?P<colon>){_GAP}*{_NEXT_LINE}(?P<value>{_VALUE})"
    # 【作者】王某【来源】新华社
    rf"|】(?<=【(?P<label>{_MULTI})】)(?P<colon>){_GAP}*(?P<value>{_VALUE})"
    # 2. reporter and editor credits before a name: （记者 王某）, 新华社记者 王某 摄, 责编李某,
    #    at a boundary (perhaps after the organisation) or right after the previous credit
    rf"|(?P<label>\L<glued>)"
    rf"(?:(?<=(?:^|{_BOUNDARY_CHARS})(?:{_ORG_CHARS}{{1,14}}(?:\L<with_org>)|(?:\L<glued>)))"
    rf"|(?<=\G(?:\L<glued>)))"
    rf"{_NOT_AFTER}{_GAP}*(?P<value>{_NAMES}){_CLOSING}(?:{_END}|{_DATELINE})"
    # 3. any label at a field start, then spaces: 作者　王某　来源　新华社 (found at the space)
    #    (the class before the list rules out most spaces cheaply: runs of spaces stay fast)
    rf"|{_GAP}(?<=[{_LABEL_ENDS}]{_GAP})(?<=(?:^|{_BOUNDARY_CHARS})(?P<label>{_MULTI}){_GAP}){_GAP}*(?P<value>{_NAMES}){_CLOSING}{_END}"
    # 4. the name before the label: （本报评论员）, （王某/图）
    rf"|(?P<label>特约评论员|评论员|特約評論員|評論員)(?<=(?:^|[（(【]){_GAP}*(?P<value>[\p{{Han}}·]{{2,14}})(?:特约评论员|评论员|特約評論員|評論員))"
    rf"(?={_GAP}*(?:$|[\r\n）)】]))"
    rf"|[/／](?<=[（(](?P<value>[\p{{Han}}·]{{2,8}})[/／])(?P<label>图|文|摄影|摄|圖|攝影|攝)(?=[）)])"
)
_CREDIT = LazyPattern(_CREDIT_SOURCE, regex.MULTILINE, **_LISTS_SIMPLIFIED)
_CREDIT_BOTH_SCRIPTS = LazyPattern(_CREDIT_SOURCE, regex.MULTILINE, **_LISTS)
# The same without "right after the previous credit" (\G): what is tried at a candidate start
# (find_credits), where \G would mean the candidate itself.
_CREDIT_APART_SOURCE = _CREDIT_SOURCE.replace(r"|(?<=\G(?:\L<glued>)))", ")", 1)
assert _CREDIT_APART_SOURCE != _CREDIT_SOURCE
_CREDIT_APART = LazyPattern(_CREDIT_APART_SOURCE, regex.MULTILINE, **_LISTS_SIMPLIFIED)
_CREDIT_APART_BOTH_SCRIPTS = LazyPattern(_CREDIT_APART_SOURCE, regex.MULTILINE, **_LISTS)

# what the candidate starts of find_credits are made of (the first characters of the
# expression's branches)
_COMMENTARY = ("特约评论员", "评论员", "特約評論員", "評論員")
_SEPARATORS = ":：/／|｜丨"
_GAPS = " \t\u3000\xa0"
_LABEL_LAST_CHARS = frozenset(label[-1] for label in FIELD_OF_LABEL)
_SLASH_LABEL_FIRST_CHARS = frozenset("图文摄圖攝")
_GLUED_FIRST_CHARS = frozenset(label[0] for label in _LISTS["glued"])
_LABEL_FIRST_CHARS = _GLUED_FIRST_CHARS | {label[0] for label in _COMMENTARY}
# characters no name starts with (not 【: the expression lets a name hold it, as it holds the
# other characters labels start with)
_NOT_A_NAME_START = frozenset(_SEPARATORS + "，、。；！？（）】《》“”‘’「」『』…—")
# labels a candidate start is kept for whatever follows them: those whose value stands before
# them (评论员), and those that hold a shorter glued label (摄影记者: 摄影 may be the label and
# 记者 the start of what follows)
_LABELS_NOT_FILTERED = frozenset(_COMMENTARY) | {
    label for label in _LISTS["glued"]
    if any(label != shorter and label.startswith(shorter) for shorter in _LISTS["glued"])}
_BOUNDARY_SET = frozenset(_BOUNDARY + "\n")


# a labelled field whose value is itself a credit glued to its name: 资料来源：通讯员魏明俊赵赛楠
# (the source is the correspondents; 通讯员 is not a new, empty field)
_GLUED_VALUE = LazyPattern(
    rf"{_GAP}*(?P<value>(?:\L<glued>){_NOT_AFTER}{_GAP}*{_NAMES}{_CLOSING}){_END}",
    regex.MULTILINE, multi=_LISTS["multi"], glued=_LISTS["glued"],
)
# (a reporter's label may stand before the name with a space: 来源：通讯员 魏明俊)
_GLUED_START = LazyPattern(
    rf"{_GAP}*(?:(?:\L<glued>){_NOT_AFTER}|(?:{'|'.join(_REPORTERS)}){_GAP}+)(?=\p{{Han}})",
    glued=_LISTS["glued"],
)

_TRAILING_DATE = patterns.LazyPattern(
    r"[\s\u3000]*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:[\s\u3000]+\d{1,2}:\d{2}(?::\d{2})?)?[\s\u3000]*$"
)
_SPACE = " \t\u3000\xa0\r\n"
_OPENERS = "（(【[「"
_SENTENCE_END = "。！？!?"
MAX_VALUE_CHARS = 60


def find_credits(text: str, start: int = 0, end: int | None = None, found=None) -> list[Credit]:
    """All credits in text[start:end], in order. `found`: where the literals of `start_literals()`
    occur in the whole text, as (literal index, start, end), any order, overlapping (the engine's
    automaton finds them in the pass it makes anyway); by default the text is scanned for them."""
    end = len(text) if end is None else end
    both_scripts = False
    candidates = _credit_starts(text, start, end, False) if found is None else _starts_of_found(text, start, end, found)
    if candidates is None:  # a character of a Traditional label: the labels of both scripts
        both_scripts, candidates = True, _credit_starts(text, start, end, True)
    match_apart = (_CREDIT_APART_BOTH_SCRIPTS if both_scripts else _CREDIT_APART).match
    script = _MULTI_BOTH_SCRIPTS if both_scripts else _MULTI_SIMPLIFIED
    credits = []
    position = start
    for candidate in candidates:
        if candidate < position:
            continue
        plain = _read_plainly(text, candidate, end, script)
        if plain is None:
            continue
        if plain is not _UNSURE:  # a labelled field, read plainly
            match_end, label_start, label_end, value_start = plain
            label = text[label_start:label_end]
            field = FIELD_OF_LABEL[label]
            credit = None if field is None else _credit_of(
                text, field, label, label_start, label_end, value_start, match_end, True, end)
            if credit is not None or field is None:
                if credit is not None:
                    credits.append(credit)
                position = match_end
            else:
                position = max(label_end, value_start, candidate + 1)
            continue
        match = match_apart(text, candidate, end)
        if match is None and candidate == position and _may_follow_a_credit(text, candidate):
            # a label right after the previous credit (记者王某责编李某): only the full
            # expression knows where that credit ended (\G)
            match = (_CREDIT_BOTH_SCRIPTS if both_scripts else _CREDIT).match(text, candidate, end)
        if match is None:
            continue
        field = FIELD_OF_LABEL[match.group("label")]
        credit = None if field is None else _credit(text, match, field, end)
        if credit is not None or field is None:
            if credit is not None:
                credits.append(credit)
            position = match.end()
        else:
            # prose after a label (记者：你怎么看？): look again inside what it spanned, where
            # a credit may stand (来源：本报讯（记者 王某）今天，…)
            position = max(match.end("label"), match.start("value"), match.start() + 1)
    return credits


# Plain Python for the two commonest kinds of candidate start, which the credit expression
# would take ~25,000 instructions and ~350 cache misses each to answer (docs/performance.md):
# a labelled field whose value is one plain run up to the line's end (责任编辑：张玉), and a
# reporter's label in prose that no credit can follow (记者从市政府获悉，…). Each answers only
# when the expression's answer is certain (tests/test_credit_starts.py compares them on
# generated text); anything else is _UNSURE and goes to the expression.
_UNSURE = object()


def _by_last_two(labels) -> dict[str, tuple[str, ...]]:
    """Labels of two characters or more by their last two characters, longest first: the
    label a separator follows is then one slice and a few `endswith` away."""
    by_last: dict[str, list[str]] = {}
    for label in sorted(labels, key=len, reverse=True):
        by_last.setdefault(label[-2:], []).append(label)
    return {last: tuple(labels) for last, labels in by_last.items()}


class _Script:
    """What the plain reading needs of the labels of one script (or both): the labels of two
    characters or more by their last two, and the expression's lookahead for the next field
    (spaces, then a label and its separator …), where a value that meets a label stops."""

    __slots__ = ("labels_by_last_two", "next_field")

    def __init__(self, lists: dict[str, list[str]]):
        self.labels_by_last_two = _by_last_two(lists["multi"])
        self.next_field = LazyPattern(rf"{_GAP}*(?:{_NEXT})", regex.MULTILINE, multi=lists["multi"], glued=lists["glued"])


_MULTI_SIMPLIFIED = _Script(_LISTS_SIMPLIFIED)
_MULTI_BOTH_SCRIPTS = _Script(_LISTS)
_LONGEST_LABEL = max(map(len, FIELD_OF_LABEL))
# characters a value's plain run is made of: not what the expression's value treats with
# care (brackets, punctuation, a colon between digits), not a character a label or trailer may
# start with, no space (a space may stand before the next field)
_NOT_PLAIN = frozenset("\r\n（）()【】[]；;，,。！？!?：:丨" + _GAPS) | _START_CHARS
# (found by the standard library's `re` in C: most values are a short plain run)
_NOT_PLAIN_CHAR = re.compile("[" + re.escape("".join(sorted(_NOT_PLAIN))) + "]")
# what the expression's value certainly stops at (its characters, minus the brackets and the
# colon it may take inside a value)
_PLAIN_VALUE_STOPS = frozenset("\r\n）)【】[]；;，,。！？!?：丨")
_PLAIN_VALUE_LIMIT = 80
_GLUED_SET = frozenset(_LISTS["glued"])
_SHORTEST_GLUED = min(map(len, _GLUED_SET))
_LONGEST_GLUED = max(map(len, _GLUED_SET))
# what a reporter credit's names may run over: Han characters, dots, 、 and spaces (丨 is Han
# but ends a value); at most nine names of 24 characters with their separators
_NAME_RUN = LazyPattern(r"[\p{Han}·•・、 \t\u3000\xa0]{0,300}")
_NAME_RUN_LIMIT = 300
# where a label or trailer may stand inside a run of name characters (丨 ends a value)
_START_CHAR_OR_BAR = re.compile("[" + re.escape("".join(sorted(_START_CHARS | {"丨"}))) + "]")
# what the end of a reporter credit may stand before (the expression's _END, its dateline and
# trailers: a digit, a line end, a closing or opening bracket, a field separator)
_MAY_END_A_NAME = frozenset("\r\n）)】]」』（(【[；;丨|｜")
_TRAILER_WORDS = ("摄", "攝", "报道", "報道", "報導", "发自", "發自", "电（", "電（", "电(", "電(")


def _words_by_first_char() -> dict[str, tuple[str, ...] | bool]:
    """Labels and trailer words by their first character; True where that character alone is
    a label (文, 图, 摄 …): a label or trailer at q is then one `startswith`."""
    words: dict[str, list[str]] = {}
    for word in list(FIELD_OF_LABEL) + list(_TRAILER_WORDS):
        words.setdefault(word[0], []).append(word)
    return {first: True if first in FIELD_OF_LABEL else tuple(these) for first, these in words.items()}


_WORDS_BY_FIRST_CHAR = _words_by_first_char()


def _read_plainly(text: str, i: int, end: int, script: _Script):
    """The credit expression's match at candidate i, None where it certainly has none, or
    _UNSURE: read in plain Python for the commonest shapes. A match is a labelled field (the
    expression's first branch) as (its end, label start, label end, value start): the
    separator is at i, and the value ends where the match does."""
    char = text[i]
    if char in _SEPARATORS:
        return _plain_labelled_field(text, i, end, script)
    if char in _START_CHARS and not _a_name_may_end_after(text, i, end):
        return None
    return _UNSURE


def _plain_labelled_field(text: str, i: int, end: int, script: _Script):
    """责任编辑：张玉 up to the line's end, 编辑｜张三审校｜李四 up to the next field: the
    expression's first branch, whose label the separator at i follows (perhaps after spaces)."""
    j = i
    while j > 0 and text[j - 1] in _GAPS:
        j -= 1
    label_start = None
    if j >= 2:
        for label in script.labels_by_last_two.get(text[j - 2:j], ()):
            if text.endswith(label, 0, j):
                label_start = j - len(label)
                break
    if label_start is None and j > 0 and text[j - 1] in "文图圖":
        # 文/图 after no word (文｜王某); after a word (正文：) no label
        word = _is_word(text[j - 2]) if j >= 2 else False
        if word is _UNSURE:
            return _UNSURE
        if not word:
            label_start = j - 1
    if label_start is None:
        # (（王某/摄）: the name before the slash is the value, read by the expression)
        return _UNSURE if text[i] in "/／" else None
    k = i + 1
    while k < end and text[k] in _GAPS:
        k += 1
    value_end = _plain_value_end(text, k, end, script.next_field)
    if value_end is None:
        return _UNSURE
    return value_end, label_start, j, k


# characters certainly not of the expression's _WORD ([\p{Han}\p{L}\p{N}]) though not ASCII
_NOT_A_WORD = frozenset("，。、；：？！…—“”‘’（）【】《》「」『』〔〕·・•｜／\u3000\xa0")


def _is_word(char: str):
    """Whether char is a _WORD character: True, False or _UNSURE (outside the basic Han block
    and ASCII, `regex`'s Unicode tables and Python's may differ)."""
    if char.isascii():
        return char.isalnum()
    if "\u4e00" <= char <= "\u9fff":
        return True
    return False if char in _NOT_A_WORD else _UNSURE


def _plain_value_end(text: str, k: int, end: int, next_field) -> int | None:
    """Where the expression's value starting at k ends, if that is certain: a stop it cannot
    pass, or where the next field starts (a label, or the spaces before one). None where the
    value may stand on the next line (a line break at its start), at a colon between digits of
    other scripts, or past _PLAIN_VALUE_LIMIT characters."""
    if k < end and text[k] in "\r\n":
        return None
    limit = min(end, k + _PLAIN_VALUE_LIMIT)
    search = _NOT_PLAIN_CHAR.search
    while (found := search(text, k, limit)) is not None:
        m = found.start()
        char = text[m]
        if char in _PLAIN_VALUE_STOPS:
            return m
        if char in _START_CHARS or char in _GAPS:
            if (char in _GAPS or _label_or_trailer_at(text, m)) and next_field.match(text, m, end):
                return m  # the next field starts here (or after these spaces)
            k = m + 1
        elif char == ":":  # part of the value between two digits (10:00)
            digits = _is_digit(text[m - 1]), _is_digit(text[m + 1]) if m + 1 < end else False
            if _UNSURE in digits:
                return None
            if not all(digits):
                return m
            k = m + 1
        else:  # ( or （: the value takes a bracketed part whole
            close = (_ROUND_CLOSE if char == "(" else _FULL_WIDTH_CLOSE).search(text, m + 1, end)
            if close is None or text[close.start()] != (")" if char == "(" else "）"):
                return m
            k = close.start() + 1
    return limit if limit == end and k <= end else None


# the first character that ends a bracketed part of a value, or the line
_ROUND_CLOSE = re.compile(r"[()\r\n]")
_FULL_WIDTH_CLOSE = re.compile("[（）\r\n]")


def _is_digit(char: str):
    """Whether char is a \\d of `regex`: True, False or _UNSURE (outside ASCII and basic Han)."""
    if char.isascii():
        return char.isdigit()
    return False if "\u4e00" <= char <= "\u9fff" else _UNSURE


def _a_name_may_end_after(text: str, i: int, end: int) -> bool:
    """Whether a reporter credit (a glued label, names, then a credit's end) may start at i: a
    label starts here and the names after it reach something a credit may end before. False
    (no credit) only when that is certain: the run of name characters after the label ends at
    a character no credit ends before and holds no label or trailer where one could."""
    for n in range(_SHORTEST_GLUED, _LONGEST_GLUED + 1):
        if text[i:i + n] in _GLUED_SET:
            break
    else:
        return True  # a commentary byline or something else: the expression decides
    s = i + n
    run_end = _NAME_RUN.match(text, s, min(end, s + _NAME_RUN_LIMIT)).end()
    if run_end >= end or run_end - s >= _NAME_RUN_LIMIT:
        return True
    stop = text[run_end]
    if stop in _MAY_END_A_NAME or stop.isdigit():
        return True
    search = _START_CHAR_OR_BAR.search
    while (found := search(text, s, run_end)) is not None:
        q = found.start()
        if text[q] == "丨" or _label_or_trailer_at(text, q):
            return True
        s = q + 1
    return False


def _label_or_trailer_at(text: str, q: int) -> bool:
    words = _WORDS_BY_FIRST_CHAR.get(text[q], False)
    return words if words is True or words is False else text.startswith(words, q)


def _may_follow_a_credit(text: str, i: int) -> bool:
    """Whether a glued label at i may be a credit only because the previous one ended at i.

    After a boundary (a line start, a space, a bracket …) a glued label needs no previous
    credit, so the expression without \\G has already given the answer there."""
    return text[i] in _GLUED_FIRST_CHARS and i > 0 and text[i - 1] not in _BOUNDARY_SET


def _credit_starts(text: str, start: int, end: int, both_scripts: bool, found=None) -> list[int] | None:
    """Every position in text[start:end] where a credit may start, in order (a superset);
    None if the labels of one script do not do and text[start:end] holds a character only
    Traditional labels use (the same scan finds them).

    Searching with the whole credit expression costs about as much as all the other checks
    of an article together: `regex` tries its branches at every separator, space and label
    character. One scan of the standard library's `re` for the characters and labels a
    credit starts with, and a look at the character before a separator or a space, leave it
    a few positions per article to try.
    """
    if found is not None:
        return _starts_of_found(text, start, end, found)
    starts = []
    spans = ((m.start(), m.end()) for m in _starts_expression(both_scripts).finditer(text, start, end))
    for i, found_end in spans:
        char = text[i]
        if char in _TRADITIONAL_CHAR_SET and not both_scripts:
            return None
        if char in _SEPARATORS:
            if _may_start_at_separator(text, i):
                starts.append(i)
        elif char in _GAPS or char == "】":
            if i > 0 and text[i - 1] in _LABEL_LAST_CHARS:
                starts.append(i)
        else:
            if _may_precede_a_name(text, text[i:found_end], found_end, end):
                starts.append(i)
            # a label may start inside this one (责编辑, 特约评论员): the scan skipped it
            for j in range(i + 1, found_end):
                if text[j] in _LABEL_FIRST_CHARS:
                    label = _label_expression(both_scripts).match(text, j, end)
                    if label and _may_precede_a_name(text, label.group(), label.end(), end):
                        starts.append(j)
    return starts


def _may_precede_a_name(text: str, label: str, after: int, end: int) -> bool:
    """Whether `label` (a glued label or a commentary byline) may start a credit: a glued label
    must be followed (after spaces) by a name. Most are followed by a separator (责任编辑：),
    where the credit starts at the separator."""
    if label in _LABELS_NOT_FILTERED:
        return True
    while after < end and text[after] in _GAPS:
        after += 1
    return after < end and text[after] not in _NOT_A_NAME_START and not text[after].isascii()


@functools.cache
def _label_expression(both_scripts: bool) -> re.Pattern:
    return re.compile(_label_source(both_scripts))


def _labels(both_scripts: bool) -> set[str]:
    """The labels a credit may start with: glued labels and commentary bylines."""
    return set(_LISTS["glued"] + list(_COMMENTARY)) if both_scripts else {
        label for label in _LISTS_SIMPLIFIED["glued"] + list(_COMMENTARY) if label not in TRADITIONAL_LABELS}


def _label_source(both_scripts: bool) -> str:
    return "|".join(map(re.escape, sorted(_labels(both_scripts), key=len, reverse=True)))


@functools.cache
def _starts_expression(both_scripts: bool) -> re.Pattern:
    # Every alternative a literal, no character class: then `re` skips to the next possible
    # first character in C (with a class among them it tries every alternative at every
    # position, ten times slower)
    return re.compile("|".join(map(re.escape, _start_alternatives(both_scripts))))


def _start_alternatives(both_scripts: bool) -> list[str]:
    """What a credit may start with, longest first: labels, separators, spaces, and (for the
    labels of one script) the characters only Traditional labels use."""
    singles = sorted(set(_SEPARATORS) | set(_GAPS) | {"】"} | (set() if both_scripts else _TRADITIONAL_CHAR_SET))
    return sorted(_labels(both_scripts), key=len, reverse=True) + singles


@functools.cache
def start_literals() -> tuple[str, ...]:
    """What an automaton finds for `find_credits(found=...)` (labels of one script): the scan's
    alternatives, except that a separator other than a slash is found only with the character
    before it, a label's last character or a space (`_may_start_at_separator`: the only places
    it may start a credit): a colon in prose (表示：) is then no match at all (most of the
    colons of an article)."""
    pairs = tuple(before + separator for separator in _PAIRED_SEPARATORS
                  for before in sorted(_LABEL_LAST_CHARS) + list(_GAPS))
    return tuple(a for a in _start_alternatives(False) if a not in _PAIRED_SEPARATORS) + pairs


# the separators start_literals() holds only after a label's last character or a space
_PAIRED_SEPARATORS = tuple(separator for separator in _SEPARATORS if separator not in "/／")

# what each literal of start_literals() is, by its index: a label, for a single character which
# test the scan applies to it, for a character and a separator (at the pair's second character)
# what stands before the separator
_LABEL, _SEPARATOR, _AFTER_LABEL, _TRADITIONAL, _SEPARATOR_AFTER_LABEL, _SEPARATOR_AFTER_GAP = range(6)


@functools.cache
def _literal_kinds() -> tuple:
    return tuple((_SEPARATOR_AFTER_GAP if literal[0] in _GAPS else _SEPARATOR_AFTER_LABEL)
                 if len(literal) == 2 and literal[1] in _PAIRED_SEPARATORS
                 else _LABEL if len(literal) > 1 else _SEPARATOR if literal in _SEPARATORS
                 else _AFTER_LABEL if literal in _GAPS or literal == "】" else _TRADITIONAL
                 for literal in start_literals())


def _starts_of_found(text: str, start: int, end: int, found) -> list[int] | None:
    """`_credit_starts` from the automaton's matches of `start_literals()` (all of them,
    overlapping), with no scan: the same positions. The scan takes the longest label at each
    position it reaches and looks for labels inside the one it took; both together are every
    position where a label starts, with the longest label there that ends by `end`: here
    that is read off the matches directly. A separator or space never lies inside a label."""
    kinds = _literal_kinds()
    starts = []
    label_ends: dict[int, int] = {}
    for index, first, last in found:
        kind = kinds[index]
        if kind >= _SEPARATOR_AFTER_LABEL:
            first += 1  # the separator, after the character the pair starts with
        if first < start or last > end:
            continue
        if kind == _LABEL:
            if last > label_ends.get(first, 0):
                label_ends[first] = last
        elif kind == _SEPARATOR_AFTER_LABEL:
            starts.append(first)
        elif kind == _SEPARATOR_AFTER_GAP:
            if _may_start_at_separator(text, first):
                starts.append(first)
        elif kind == _SEPARATOR:  # a slash
            before = text[first - 1] if first else ""
            if before in _LABEL_LAST_CHARS or _may_start_at_separator(text, first):
                starts.append(first)
        elif kind == _AFTER_LABEL:
            if first > 0 and text[first - 1] in _LABEL_LAST_CHARS:
                starts.append(first)
        else:
            return None  # a character only Traditional labels use
    for first, last in label_ends.items():
        if _may_precede_a_name(text, text[first:last], last, end):
            starts.append(first)
    starts.sort()
    return starts


def _may_start_at_separator(text: str, i: int) -> bool:
    """A label's last character before the separator at i (perhaps after spaces), or 文/图/摄
    after a slash (（王某/摄）)."""
    j = i
    while j > 0 and text[j - 1] in _GAPS:
        j -= 1
    return (j > 0 and text[j - 1] in _LABEL_LAST_CHARS) or (
        text[i] in "/／" and text[i + 1:i + 2] in _SLASH_LABEL_FIRST_CHARS)


def _credit(text: str, match, field: str, end: int) -> Credit | None:
    label_start, label_end = match.span("label")
    value_start, value_end = match.span("value")
    return _credit_of(text, field, match.group("label"), label_start, label_end, value_start, value_end,
                      match.start("colon") >= 0, end)


def _credit_of(text: str, field: str, label: str, label_start: int, label_end: int, value_start: int,
               value_end: int, labelled: bool, end: int) -> Credit | None:
    """The credit of a match's parts (None: prose); `labelled`: a label with a separator."""
    if value_start < label_start:  # （本报评论员）, （王某/图）: the value stands before its label
        return Credit(field, label, text[value_start:value_end], value_start, label_end, value_start, value_end)
    raw = text[value_start:value_end]
    if labelled:
        after = text[value_end] if value_end < end else "\n"
        if after in _SENTENCE_END and not (after == "。" and field == "source"):
            return None  # 记者：你怎么看？ — a question or sentence, not a credit
        if after in "，," and (label_start == 0 or text[label_start - 1] not in _OPENERS):
            return None  # 记者：好的，… — prose; （作者：王某，某大学教授） is a credit
        if _may_end_in_a_date(raw):
            raw = _TRAILING_DATE.sub("", raw)
    value = raw.strip(_SPACE)
    if len(value) > MAX_VALUE_CHARS:
        return None
    if not value:
        between = text[label_end:value_start]
        if ":" not in between and "：" not in between and "】" not in between:
            return None  # 编辑/记者 王某: a slash before another label is no empty field
        if _GLUED_START.match(text, value_start, end):
            # a label glued to a name is no new field: 资料来源：通讯员魏明俊赵赛楠 has that
            # credit for its value; 来源：记者从市政府获悉 is a sentence
            glued = _GLUED_VALUE.match(text, value_start, end)
            if glued is None:
                return None
            v_start, v_end = glued.span("value")
            return Credit(field, label, text[v_start:v_end], label_start, v_end, v_start, v_end)
        sep_end = label_end + len(text[label_end:value_start].rstrip(_SPACE))
        return Credit(field, label, "", label_start, sep_end, sep_end, sep_end)
    v_start = value_start + (len(raw) - len(raw.lstrip(_SPACE)))
    return Credit(field, label, value, label_start, v_start + len(value), v_start, v_start + len(value))


def _may_end_in_a_date(raw: str) -> bool:
    """Whether _TRAILING_DATE may match raw: False only when its last character but spaces is
    certainly no digit, space or 日 (a Han character of the basic block, or ASCII; `regex` knows
    digits of later Unicode versions than str.isdigit)."""
    last = raw.rstrip(_SPACE)[-1:]
    if last == "":
        return False
    if "\u4e00" <= last <= "\u9fff":
        return last == "日"
    return not last.isascii() or last.isdigit() or last.isspace()
