"""The byline pack: which credits are required (configuration), where findings point, and that
credits from the text and from metadata (front matter, HTML meta) feed the same rules."""
import json

from lint import default_linter
from lint.linter import Linter
from tests.conftest import out, run_cli

BODY = "居民们在新建的花园里散步。据作者介绍，编辑部表示花园明天起全天开放。"


def byline(text, path="a.txt", settings=None):
    linter = Linter(rules=default_linter().all_rules, select=None, settings=settings) if settings else default_linter()
    return [(f.rule, f.line, f.column, f.text) for f in linter.lint_text(text, path) if f.rule.startswith("byline.")]


def test_defaults_for_news_require_author_and_editor_only():
    assert byline(f"花园开放\n\n{BODY}\n") == [
        ("byline.missing-author", 1, 1, ""), ("byline.missing-editor", 1, 1, "")]
    assert byline(f"花园开放\n\n（记者 王某）{BODY}责任编辑：李四\n") == []


def test_editor_credit_glued_to_the_last_sentence_satisfies_the_rule():
    text = f"花园开放\n\n{BODY}（晚报记者王某）责任编辑：李四"
    assert byline(text) == []


def test_each_credit_is_switched_in_configuration():
    text = f"花园开放\n\n{BODY}\n"
    off = {"byline.missing-author": "off", "byline.missing-editor": "off"}
    assert byline(text, settings=off) == []
    on = {"byline.missing-source": "on", "byline.missing-reviewer": "error"}
    rules = {rule for rule, *_ in byline(text, settings=on)}
    assert rules == {"byline.missing-author", "byline.missing-editor", "byline.missing-source",
                     "byline.missing-reviewer"}
    assert byline(f"花园开放\n来源：本报 审核：王五\n{BODY}\n", settings=on) == [
        ("byline.missing-author", 1, 1, ""), ("byline.missing-editor", 1, 1, "")]


def test_empty_header_field_is_reported_once_at_its_label():
    text = f"花园开放\n\n作者: 来源: 晚报 2023-08-15 17:54:44\n\n{BODY}\n作者:王某\n责编:李四\n"
    assert byline(text) == [("byline.empty-field", 3, 1, "作者:")]


def test_empty_footer_field_at_the_end_of_the_text_is_reported_once():
    # the empty credit is reported as empty, not also as missing
    text = f"花园开放\n\n（记者 王某）{BODY}\n责任编辑："
    assert byline(text) == [("byline.empty-field", 4, 1, "责任编辑：")]


def test_interview_lines_are_neither_credits_nor_empty_fields():
    text = f"花园开放\n\n记者：你怎么看新花园？\n居民：很满意。\n{BODY}\n"
    assert [rule for rule, *_ in byline(text)] == ["byline.missing-author", "byline.missing-editor"]


def test_front_matter_credits_feed_the_same_rules():
    text = f"---\ntitle: 花园开放\nauthor: 王某\n责任编辑: 李四\n---\n\n{BODY}\n"
    assert byline(text, "a.md") == []
    text = f"---\ntitle: 花园开放\n作者:\neditor: 李四\n---\n\n{BODY}\n"
    assert byline(text, "a.md") == [("byline.empty-field", 3, 1, "作者")]
    text = f"---\ntitle: 花园开放\n---\n\n{BODY}\n\n作者：王某 编辑：李四\n"
    assert byline(text, "a.md") == []


def test_html_meta_author_feeds_the_same_rules():
    text = ('<html><head><title>花园开放</title><meta name="author" content="王某"></head>'
            f"<body><p>{BODY}</p><p>责任编辑：李四</p></body></html>")
    assert byline(text, "a.html") == []


def test_config_file_turns_a_credit_off(tmp_path):
    (tmp_path / ".newslint.yml").write_text("rules:\n  byline.missing-author: off\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(f"花园开放\n\n{BODY}\n", encoding="utf-8")
    result = run_cli("check", "a.txt", cwd=tmp_path)
    assert "byline.missing-editor" in out(result)
    assert "byline.missing-author" not in out(result)


def test_pack_require_lists_the_credits_a_publication_requires(tmp_path):
    (tmp_path / ".newslint.yml").write_text(
        "rules:\n  byline: {require: [author, source]}\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(f"花园开放\n\n{BODY}\n", encoding="utf-8")
    report = out(run_cli("check", "a.txt", "--format", "json", cwd=tmp_path))
    rules = {f["rule"] for f in json.loads(report)["files"][0]["findings"] if f["rule"].startswith("byline.")}
    assert rules == {"byline.missing-author", "byline.missing-source"}


def test_a_body_of_whitespace_is_no_article_to_credit():
    """The presence check looks at a body's ends first; a body of spaces and line breaks
    only, however long, is still no article."""
    from lint.document import Document

    rule = default_linter().rule("byline.missing-author")
    for body, reported in [("\n \u3000\n", False), (" 正文 ", True), ("\n\n正文\n", True), ("正文", True), ("", False)]:
        text = "标题\n" + body
        doc = Document(text, scopes={"headline": [(0, 2)], "body": [(3, len(text))]})
        assert bool(list(rule.run(doc, []))) == reported


def test_the_missing_credit_match_follows_the_rules_message():
    """The match of a missing credit is made once per rule; a copy with converted messages
    (a zh-Hant publication) reports its own message, and the original keeps its own."""
    from lint.document import Document

    rule = default_linter().rule("byline.missing-editor")
    doc = Document("标题\n正文。", scopes={"headline": [(0, 2)], "body": [(3, 6)]})
    first = list(rule.run(doc, []))
    converted = rule.with_messages(lambda message: "[" + message + "]")
    assert [m.message for m in converted.run(doc, [])] == ["[" + rule.message + "]"]
    assert [m.message for m in rule.run(doc, [])] == [m.message for m in first] == [rule.message]
