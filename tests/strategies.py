"""Hypothesis strategies shared by the property tests and the fuzz scripts in tests/fuzz/.

Documents are built from fragments that exercise every reader and rule (typos the built-in
packs fix, credit lines, Markdown and HTML syntax, URLs, every kind of line break, characters
outside the BMP, private-use characters) mixed with arbitrary Unicode.
"""
from __future__ import annotations

import regex
import yaml
from hypothesis import strategies as st

from lint.kinds import KINDS
from lint.readers import TEXT_SUFFIXES

FRAGMENTS = [
    "见缝插扎", "再接再励", "按装", "的的", "！！！", "？？", "……", "...", "--", "——",
    "，", ",", "。", ".", "：", ":", "；", ";", "（", "(", "）", ")", "“", "”", '"', "'", "「", "」",
    "ＡＢＣ１２３", "3.14", "12:30", "192.168.0.1", "v1.2.3", "https://example.com/a?b=1", "a@b.cn",
    "作者：", "作者: 来源: 新华社", "记者 王某", "（记者 李某）", "责任编辑：张某", "编辑:", "本报记者 赵某",
    "标题", "新闻", "正文", "今天", "我们", "中国", "Hello world.", "A, B and C.",
    "\n", "\r\n", "\r", "\t", " ", "\u3000", "\ufeff", "\u200b", "\u2028", "\x0c",
    "😀", "𠮷", "\ue000", "\U000f0000", "e\u0301", "👨‍👩‍👧",
    # Markdown
    "---\n", "title: 标题\n", "作者: 王某\n", "# ", "## ", "```\n", "```python\n", "`code`", "**粗体**", "*斜体*",
    "[链接](https://example.com)", "![图](a.png)", "> ", "- ", "1. ", "| a | b |\n", "<!-- newslint-disable -->",
    "<!-- newslint-enable -->", "<!-- newslint-disable-next-line typos -->", "<br>", "\\", "&amp;",
    # HTML
    "<html>", "<head>", "<title>标题</title>", '<meta name="author" content="王某">', "<body>", "<h1>",
    "</h1>", "<p>", "</p>", "<script>var a = 1;</script>", "<style>p{}</style>", "<pre>", "</pre>",
    "<!--", "-->", "<![CDATA[", "]]>", "&nbsp;", "&#x4e2d;", "&#20013;", "&bogus;", "<a href='x'>", "</a>",
    "<", ">", "&", '="', "<img src=x alt='见缝插扎'>",
]

awkward_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8), st.characters(codec="utf-8")),
    max_size=40,
).map("".join)

# arbitrary Unicode, lone surrogates included (only the API can receive those)
any_text = st.one_of(awkward_text, st.text(max_size=200), st.text(st.characters(), max_size=60))

suffixes = st.sampled_from(TEXT_SUFFIXES)

_BREAK = regex.compile(r"\r\n|\r|\n")


def expected_position(text: str, offset: int) -> tuple[int, int]:
    """Line and column of `offset` computed afresh: lines end at \\r\\n, \\r or \\n; columns
    count characters; a position between the \\r and \\n of one break belongs to its line."""
    prefix = text[:offset]
    if prefix.endswith("\r") and text[offset:offset + 1] == "\n":
        prefix = prefix[:-1]
    breaks = list(_BREAK.finditer(prefix))
    line_start = breaks[-1].end() if breaks else 0
    return len(breaks) + 1, offset - line_start + 1


# --- rule files ------------------------------------------------------------------------------
_scalar = st.one_of(st.none(), st.booleans(), st.integers(-3, 50), st.text(max_size=12),
                    st.sampled_from(["warning", "error", "info", "safe", "unsafe", "body", "headline",
                                     "halfwidth", "halfwidth-pairs", "author", "editor", "，", ","]))
_values = st.recursive(_scalar, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)), max_leaves=12)
_patterns = st.lists(st.one_of(
    st.sampled_from(["见缝插扎", "(a+)+$", "[，,]", r"\d+", "(?<=标)题", r"\p{Han}+", "(", "[", "*", "a{2,}"]),
    st.text(alphabet="ab()[]{}*+?|^$.\\,，题见", max_size=10),
), min_size=1, max_size=3)
_field_names = ["tokens", "patterns", "exceptions", "swap", "field", "fields", "max", "min", "marks",
                "unit", "measure", "ignorecase", "nonword", "chars", "words", "scope", "fix", "enabled",
                "description", "link", "examples", "forms", "bogus", "check", "surnames", "target",
                "whole_message", "whole_min", "whole_ratio"]


@st.composite
def rule_specs(draw):
    spec = {
        "id": draw(st.one_of(st.sampled_from(["r", "rule-1", "a"]), st.text(max_size=6))),
        "kind": draw(st.one_of(st.sampled_from(sorted(KINDS)), st.text(max_size=6))),
        "level": draw(st.sampled_from(["warning", "error", "info", "loud"])),
        "message": draw(st.sampled_from(["“{match}”应为“{replacement}”", "消息", ""])),
    }
    for name in draw(st.lists(st.sampled_from(_field_names), max_size=4, unique=True)):
        if name in ("patterns", "exceptions"):
            spec[name] = draw(_patterns)
        elif name == "tokens":
            spec[name] = draw(st.lists(st.sampled_from(["见缝插扎", "某某", "的的", "", "a"]), min_size=1, max_size=3))
        elif name == "swap":
            spec[name] = draw(st.dictionaries(st.sampled_from(["见缝插扎", "再接再励", "a", ""]),
                                              st.sampled_from(["见缝插针", "再接再厉", "b", ""]), max_size=3))
        else:
            spec[name] = draw(_values)
    for name in draw(st.lists(st.sampled_from(list(spec)), max_size=1)):
        del spec[name]
    return spec


rule_files = st.one_of(
    st.builds(lambda specs, pack: yaml.safe_dump({"pack": pack, "rules": specs}, allow_unicode=True),
              st.lists(rule_specs(), max_size=4), st.sampled_from(["house", "x", "Bad Name"])),
    st.text(max_size=200),
    st.lists(st.sampled_from(["pack: p\n", "rules:\n", "  - id: a\n", "    kind: existence\n",
                              "    tokens: [见]\n", "!!python/object/apply:os.system ['true']\n", "- ", ": ",
                              "{", "[", "&a ", "*a ", "<<: *a\n", "'", '"', "\t", "%YAML 1.1\n", "---\n"]),
             max_size=20).map("".join),
)
