"""Markdown articles: exact positions, prose only, front matter as metadata, safe fixes."""
import pytest

from tests.conftest import EXAMPLES, out, run_cli

from lint import default_linter, lint_text
from lint.readers import read_document


def where(findings, rule=None):
    return [(f.rule, f.line, f.column, f.text) for f in findings if rule is None or f.rule.startswith(rule)]


def prose(doc, scope):
    return [doc.text[s:e] for s, e in doc.scopes[scope]]


def test_example_article_findings_point_at_the_exact_characters():
    text = (EXAMPLES / "article.md").read_text(encoding="utf-8")
    assert where(lint_text(text, "article.md")) == [
        ("punctuation.halfwidth-comma", 11, 12, ","),
        ("typos.idiom", 13, 27, "见缝插扎"),
        ("punctuation.halfwidth-comma", 20, 7, ","),  # image alt text is prose
    ]


def test_code_urls_targets_and_front_matter_keys_are_never_flagged():
    text = (
        "---\n"
        "title: 社区食堂开张\n"
        "slug: jian-feng,cha-zha\n"
        "作者: 王平\n"
        "责任编辑: 李安\n"
        "---\n"
        "\n"
        "食堂每天中午供应两荤两素。\n"
        "\n"
        "    缩进代码：见缝插扎,照旧\n"
        "\n"
        "~~~\n"
        "围栏代码：见缝插扎,照旧\n"
        "~~~\n"
        "\n"
        "行内 `见缝插扎,照旧` 代码，链接 [食堂](https://example.org/见缝插扎,照旧 \"见缝插扎,\")，"
        "自动链接 <https://example.org/见缝插扎>，网址 https://example.org/a,b。\n"
        "\n"
        "<div title=\"见缝插扎,\">原始 HTML 标签里的属性不是正文</div>\n"
        "\n"
        "[参考]: https://example.org/见缝插扎,照旧\n"
    )
    assert lint_text(text, "news.md") == []


def test_link_text_and_alt_text_are_prose_with_their_own_columns():
    text = "# 标题\n\n请看[见缝插扎的例子](https://example.org)与![见缝插扎](x.png)。\n"
    assert where(lint_text(text, "a.md"), "typos") == [
        ("typos.idiom", 3, 4, "见缝插扎"),
        ("typos.idiom", 3, 36, "见缝插扎"),
    ]


def test_positions_inside_quotes_lists_tables_and_emphasis():
    text = (
        "# 标题\n"
        "\n"
        "> - 引文列表里的见缝插扎\n"
        ">   续行也有见缝插扎\n"
        "\n"
        "| 甲 | 乙 |\n"
        "|----|----|\n"
        "| 见缝插扎 | 见缝插扎 |\n"
        "\n"
        "这是**强调**里的*见缝插扎*，和 \\*转义\\* 后的见缝插扎。\n"
    )
    assert where(lint_text(text, "a.md"), "typos") == [
        ("typos.idiom", 3, 11, "见缝插扎"),
        ("typos.idiom", 4, 9, "见缝插扎"),
        ("typos.idiom", 8, 3, "见缝插扎"),
        ("typos.idiom", 8, 10, "见缝插扎"),
        ("typos.idiom", 10, 12, "见缝插扎"),
        ("typos.idiom", 10, 29, "见缝插扎"),
    ]


def test_windows_line_endings_keep_columns():
    text = "# 标题\r\n\r\n第一段。\r\n第二段有见缝插扎。\r\n"
    assert where(lint_text(text, "a.md"), "typos") == [("typos.idiom", 4, 5, "见缝插扎")]


def test_front_matter_title_is_the_headline_and_h1_is_then_body():
    doc = read_document("---\ntitle: \"震惊！社区食堂开张\"\n---\n# 另一个标题\n\n正文。\n", "a.md")
    assert prose(doc, "headline") == ["震惊！社区食堂开张"]
    assert "另一个标题" in prose(doc, "body")
    assert where(lint_text(doc.text, "a.md"), "headline.shock") == [("headline.shock", 2, 9, "震惊")]


def test_first_h1_is_the_headline_without_front_matter():
    doc = read_document("正文先出现。\n\n## 小标题\n\n# 真正的标题\n\n# 第二个一级标题\n", "a.md")
    assert prose(doc, "headline") == ["真正的标题"]
    assert "第二个一级标题" in prose(doc, "body")


def test_front_matter_credits_satisfy_byline_rules():
    body = "\n# 社区食堂开张\n\n食堂每天中午供应两荤两素。\n"
    credited = "---\nauthor: 王平\n责任编辑: 李安\n---\n" + body
    assert where(lint_text(credited, "a.md"), "byline") == []
    chinese = "---\n作者: [王平, 赵一]\neditor: 李安\n---\n" + body
    assert where(lint_text(chinese, "a.md"), "byline") == []
    bare = "---\ndate: 2025-01-02\n---\n" + body
    assert sorted(f.rule for f in lint_text(bare, "a.md") if f.rule.startswith("byline")) == [
        "byline.missing-author", "byline.missing-editor",
    ]


def test_empty_front_matter_credit_points_at_its_key():
    text = "---\nauthor: 王平\n责任编辑:\n---\n# 标题\n\n正文。\n"
    assert where(lint_text(text, "a.md"), "byline") == [("byline.empty-field", 3, 1, "责任编辑")]


def test_credit_lines_in_the_body_still_count():
    text = "# 社区食堂开张\n\n（记者 王平）食堂每天中午供应两荤两素。\n\n责任编辑：李安\n"
    assert where(lint_text(text, "a.md"), "byline") == []


def test_front_matter_values_are_metadata():
    doc = read_document("---\ntitle: 标题\ndate: 2025-01-02\ntags: [民生, 城建]\ndescription: 一段摘要\n---\n正文。\n", "a.md")
    assert doc.meta["date"] == "2025-01-02"
    assert doc.meta["tags"] == "民生、城建"
    assert prose(doc, "meta") == ["一段摘要"]
    assert all("date" not in piece and "2025" not in piece for piece in prose(doc, "body"))


def test_fixes_change_prose_only_and_leave_markup_byte_identical():
    text = (
        "---\ntitle: 标题\nslug: a,b\n---\n"
        "# 标题\n\n"
        "正文,见缝插扎。[链接,文字](https://example.org/x,y) `a,b` **强调,内容**\n"
        "```\n代码,见缝插扎\n```\n"
    )
    fixed, count, left = default_linter().fix_text(text, "a.md")
    assert fixed == (
        "---\ntitle: 标题\nslug: a,b\n---\n"
        "# 标题\n\n"
        "正文，见缝插针。[链接，文字](https://example.org/x,y) `a,b` **强调，内容**\n"
        "```\n代码,见缝插扎\n```\n"
    )
    assert count == 4 and not any(f.fixable for f in left)


def test_stdin_filename_picks_the_markdown_reader():
    text = "```\n见缝插扎\n```\n"
    as_markdown = run_cli("check", "-", "--stdin-filename", "稿件.md", "--select", "typos", input=text)
    as_text = run_cli("check", "-", "--select", "typos", input=text)
    assert as_markdown.returncode == 0, out(as_markdown)
    assert as_text.returncode == 1 and "-:2:1:" in out(as_text)


def test_credit_labels_in_bold_still_count_and_point_at_the_file():
    text = "# 社区食堂开张\n\n**作者**：王平\n\n食堂每天中午供应两荤两素。\n\n**责任编辑**： \n"
    doc = read_document(text, "a.md")
    assert [(c.field, c.value, doc.position(c.start)) for c in doc.credits] == [
        ("author", "王平", (3, 3)), ("editor", "", (7, 3)),
    ]
    assert where(lint_text(text, "a.md"), "byline") == [("byline.empty-field", 7, 3, "责任编辑**：")]


def test_toml_front_matter_is_metadata_too():
    text = (
        "+++\n"
        'title = "震惊！社区食堂开张"\n'
        'author = "王平"\n'
        "\"责任编辑\" = ''\n"
        "date = 2025-01-02\n"
        'tags = ["民生", "城建"]\n'
        "[params]\n"
        'author = "不是署名"\n'
        "+++\n"
        "\n"
        "食堂每天中午供应两荤两素。\n"
    )
    doc = read_document(text, "a.md")
    assert prose(doc, "headline") == ["震惊！社区食堂开张"]
    assert doc.meta["tags"] == "民生、城建" and doc.meta["date"] == "2025-01-02"
    assert [(c.field, c.value) for c in doc.credits] == [("author", "王平"), ("editor", "")]
    assert where(lint_text(text, "a.md")) == [
        ("headline.shock", 2, 10, "震惊"), ("byline.empty-field", 4, 2, "责任编辑"),
    ]


@pytest.mark.parametrize("nesting", ["blockquotes", "lists"])
def test_markdown_nested_twenty_levels_and_more_is_linted(nesting):
    """markdown-it's CommonMark limit (20 levels: ten nested lists) skipped the rest silently."""
    if nesting == "blockquotes":
        text = "# 标题\n\n" + ">" * 40 + " 阳光见缝插扎。\n"
    else:
        text = "# 标题\n\n" + "".join("  " * i + "- 项目\n" for i in range(30)) + "  " * 30 + "- 阳光见缝插扎\n"
    assert "typos.idiom" in [f.rule for f in lint_text(text, "a.md")]


TITLES = {
    "escaped": ('title: "专家称\\"见缝插扎\\"不对"\n', 2, 14),
    "single-quoted": ("title: '专家''见缝插扎''不对'\n", 2, 13),
    "folded": ("title: >\n  专家称见缝插扎\n  不对\n", 3, 6),
    "literal": ("title: |\n  专家称见缝插扎不对\n", 3, 6),
    "unicode escape": ('title: "\\u4e13家称见缝插扎不对"\n', 2, 17),
}


@pytest.mark.parametrize("title, line, column", TITLES.values(), ids=TITLES.keys())
def test_front_matter_titles_of_any_yaml_form_are_read_as_yaml(title, line, column):
    """A title with escapes or a block scalar was read as no title (headline.empty, and the
    headline rules never saw it): it is read as YAML gives it, findings point into the file,
    and a fix never breaks the YAML."""
    import yaml

    text = "---\n" + title + "author: 王某\n---\n\n正文。\n"
    doc = read_document(text, "a.md")
    value = yaml.safe_load(title)["title"].rstrip()
    assert [doc.text[a:b] for a, b in doc.scopes["headline"]] == [value]
    found = lint_text(text, "a.md")
    assert "headline.empty" not in [f.rule for f in found]
    idiom = [f for f in found if f.rule == "typos.idiom"]
    assert [(f.line, f.column, f.text) for f in idiom] == [(line, column, "见缝插扎")]
    fixed = default_linter().fix_text(text, "a.md", unsafe=True)[0]
    assert yaml.safe_load(fixed.split("---\n")[1])["title"].rstrip() == value.replace("见缝插扎", "见缝插针")


def test_a_toml_front_matter_title_with_escapes_is_read_as_toml():
    text = '+++\ntitle = "专家称\\"见缝插扎\\"不对"\nauthor = "王某"\n+++\n\n正文。\n'
    doc = read_document(text, "a.md")
    assert [doc.text[a:b] for a, b in doc.scopes["headline"]] == ['专家称"见缝插扎"不对']
    found = lint_text(text, "a.md")
    assert "headline.empty" not in [f.rule for f in found]
    assert [(f.line, f.column) for f in found if f.rule == "typos.idiom"] == [(2, 15)]
    fixed = default_linter().fix_text(text, "a.md")[0]
    assert fixed == text.replace("见缝插扎", "见缝插针")
