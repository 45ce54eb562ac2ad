"""Inline suppression comments in Markdown and HTML, and the report of unused ones."""
from tests.conftest import out, run_cli

from lint import lint_text
from lint.linter import Linter
from lint.suppress import UNUSED_ID, unused_suppression_rule

HEAD = "---\ntitle: 社区食堂开张\nauthor: 王平\neditor: 李安\n---\n"


def where(findings):
    return [(f.rule, f.line, f.column) for f in findings]


def test_disable_next_line_drops_only_the_next_line():
    text = HEAD + "<!-- newslint-disable-next-line typos -->\n见缝插扎一次。\n见缝插扎两次。\n"
    assert where(lint_text(text, "a.md")) == [("typos.idiom", 8, 1)]


def test_disable_and_enable_bound_a_region_by_rule_or_pack():
    text = HEAD + (
        "<!-- newslint-disable typos.idiom, punctuation -->\n"
        "见缝插扎,照旧。\n"
        "<!-- newslint-enable -->\n"
        "见缝插扎,照旧。\n"
    )
    assert where(lint_text(text, "a.md")) == [
        ("typos.idiom", 9, 1), ("punctuation.halfwidth-comma", 9, 5),
    ]


def test_disable_without_names_or_enable_lasts_to_the_end_and_covers_every_rule():
    text = HEAD + "正文。\n\n<!-- newslint-disable -->\n\n见缝插扎,照旧。\n\n震惊,见缝插扎。\n"
    assert lint_text(text, "a.md") == []


def test_enable_with_names_ends_only_the_disable_it_names():
    text = HEAD + (
        "<!-- newslint-disable typos -->\n<!-- newslint-disable punctuation -->\n"
        "见缝插扎,一。\n<!-- newslint-enable typos -->\n见缝插扎,二。\n"
    )
    assert where(lint_text(text, "a.md")) == [("typos.idiom", 10, 1)]


def test_unused_suppression_is_reported_at_info_on_the_comment():
    text = HEAD + "正文没有错别字。\n\n<!-- newslint-disable-next-line typos -->\n正文没有错别字。\n"
    findings = lint_text(text, "a.md")
    assert [(f.rule, f.level, f.line, f.column, f.text) for f in findings] == [
        (UNUSED_ID, "info", 8, 1, "<!-- newslint-disable-next-line typos -->"),
    ]
    assert "没有抑制任何问题" in findings[0].message


def test_unused_report_follows_configuration_and_selection():
    text = HEAD + "<!-- newslint-disable typos -->\n正文。\n"
    assert where(Linter(settings={UNUSED_ID: "off"}).lint_text(text, "a.md")) == []
    assert [f.level for f in Linter(settings={UNUSED_ID: "warning"}).lint_text(text, "a.md")] == ["warning"]
    assert where(Linter(ignore=["newslint"]).lint_text(text, "a.md")) == []
    # a comment naming a rule that is not running (turned off on purpose) is not stale
    assert where(Linter(select=["punctuation", UNUSED_ID]).lint_text(text, "a.md")) == []


def test_comments_inside_code_are_not_directives():
    text = HEAD + "```\n<!-- newslint-disable -->\n```\n\n见缝插扎。\n"
    assert where(lint_text(text, "a.md")) == [("typos.idiom", 10, 1)]


def test_html_comments_suppress_by_source_line():
    text = (
        '<html><head><meta name="author" content="王平"></head><body>\n'
        "<h1>社区食堂开张</h1>\n"
        "<!-- newslint-disable-next-line typos -->\n"
        "<p>&ldquo;见缝插扎&rdquo;一次。</p>\n"
        "<p>见缝插扎两次。</p>\n"
        "<!-- newslint-disable typos --><p>见缝插扎三次。</p><!-- newslint-enable -->\n"
        "<p>责任编辑：李安</p></body></html>\n"
    )
    assert where(lint_text(text, "a.html")) == [("typos.idiom", 5, 4)]


def test_plain_text_has_no_directives():
    text = "标题\n<!-- newslint-disable -->\n见缝插扎。\n（记者 王平）\n责任编辑：李安\n"
    assert where(lint_text(text, "a.txt")) == [("typos.idiom", 3, 1)]


def test_the_rule_is_listed_and_explained_and_its_examples_hold_in_markdown():
    listed = run_cli("rules")
    assert UNUSED_ID in out(listed)
    assert "没有抑制任何问题" in out(run_cli("explain", UNUSED_ID))
    rule = unused_suppression_rule()
    linter = Linter()
    for example in rule.examples["bad"]:
        assert UNUSED_ID in [f.rule for f in linter.lint_text(HEAD + example, "a.md")]
    for example in rule.examples["good"]:
        assert UNUSED_ID not in [f.rule for f in linter.lint_text(HEAD + example, "a.md")]
