"""The fix model (after ruff): a fix is edits plus an applicability, decided by the engine alone;
--fix applies safe fixes, --unsafe-fixes (or `unsafe_fixes: true`) unsafe ones too."""
import json
import textwrap

from lint.engine import Engine
from lint.findings import Edit, Finding, Fix
from lint.fixes import choose, fix_until_stable
from lint.linter import Linter
from lint.readers import read_document
from lint.rulepack import parse_pack
from tests.conftest import err, out, run_cli

RULES = """
rules:
  - {id: safe, kind: substitution, level: error, message: "{match}", swap: {再接再励: 再接再厉}}
  - {id: guess, kind: substitution, level: warning, message: "{match}", fix: unsafe, swap: {按步就班: 按部就班}}
  - {id: shown, kind: substitution, level: info, message: "{match}", fix: none, swap: {其它: 其他}}
"""
TEXT = "标题\n我们再接再励，按步就班，其它事情。\n"


def linter(**options):
    return Linter(rules=parse_pack(textwrap.dedent(RULES), "test.yaml"), **options)


def test_applicability_comes_from_the_rule_and_is_reported():
    found = {f.rule: f for f in linter().lint_text(TEXT)}
    assert {rule: f.applicability for rule, f in found.items()} == {
        "test.safe": "safe", "test.guess": "unsafe", "test.shown": "display"}
    assert [f.fixable for f in found.values()] == [True, False, False]
    (edit,) = found["test.guess"].fix.edits
    assert (edit.offset, edit.length, edit.content, edit.line, edit.column) == (10, 4, "按部就班", 2, 8)


def test_fix_applies_safe_fixes_and_unsafe_ones_only_when_asked():
    assert linter().fix_text(TEXT)[0] == "标题\n我们再接再厉，按步就班，其它事情。\n"
    assert linter().fix_text(TEXT, unsafe=True)[0] == "标题\n我们再接再厉，按部就班，其它事情。\n"
    assert linter(unsafe_fixes=True).fix_text(TEXT)[0] == "标题\n我们再接再厉，按部就班，其它事情。\n"


def test_markup_inside_a_span_makes_the_fix_display_only():
    html = "<html><body><p>我们再接<b>再励</b>。</p></body></html>"
    rules = parse_pack(textwrap.dedent(RULES), "test.yaml")
    (finding,) = Engine(rules).lint(read_document(html, "a.html"))[0]
    assert finding.applicability == "display" and not finding.fixable
    assert linter().fix_text(html, "a.html", unsafe=True)[0] == html


def test_a_pair_of_brackets_is_one_finding_with_one_fix_of_two_edits():
    (finding,) = Linter(select=["punctuation.halfwidth-parenthesis"]).lint_text("标题\n改造后(每平方米)更好。")
    assert (finding.text, finding.column, finding.end_column) == ("(每平方米)", 4, 10)
    assert [(e.column, e.content) for e in finding.fix.edits] == [(4, "（"), (9, "）")]
    assert finding.replacements == ["（每平方米）"]
    assert "“(…)”" in finding.message and "“（…）”" in finding.message


def test_a_pair_fix_and_a_fix_inside_it_apply_in_one_round():
    result = Linter(select=["punctuation"]).fix_document(read_document("标题\n他说(今天,明天)都行。", "a.txt"))
    assert result.text == "标题\n他说（今天，明天）都行。" and result.rounds == 1


def finding(offset, length, text, content, rule="r"):
    return Finding(rule=rule, level="error", message="m", path="a", offset=offset, length=length, text=text,
                   fix=Fix((Edit(offset, length, content),)))


def test_overlapping_edits_wait_for_the_next_round():
    text = "abcdef"
    first, overlapping, later = finding(0, 3, "abc", "X"), finding(2, 2, "cd", "Y"), finding(4, 1, "e", "Z")
    assert choose(text, [later, overlapping, first]) == [first, later]
    insert_a, insert_b = finding(3, 0, "", "1"), finding(3, 0, "", "2", rule="s")
    assert choose(text, [insert_b, insert_a]) == [insert_a]  # two insertions at one place: the first


def test_fixes_that_never_settle_say_so_and_keep_failures():
    flip = {"ab": "ba", "ba": "ab"}

    def lint(text):
        found = [finding(0, 2, text[:2], flip[text[:2]])] if text[:2] in flip else []
        return found, ["rule x failed on a"]

    result = fix_until_stable("ab", lint, max_rounds=3)
    assert not result.converged and result.rounds == 3 and result.failures == ["rule x failed on a"]
    settled = fix_until_stable("ab", lambda t: ([finding(0, 2, "ab", "cd")] if t == "ab" else [], []))
    assert settled.converged and settled.text == "cd" and settled.applied == 1


def test_cli_unsafe_fixes_flag_and_config_key(tmp_path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "test.yaml").write_text(textwrap.dedent(RULES), encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    base = ("check", article, "--rules", tmp_path / "rules", "--select", "test")
    report = json.loads(out(run_cli(*base, "--format", "json")))
    assert report["summary"]["fixable"] == 1
    assert [f["applicability"] for f in report["files"][0]["findings"]] == ["safe", "unsafe", "display"]
    text = out(run_cli(*base, "--no-color"))
    assert "1 fixable with --fix. 1 more with --unsafe-fixes." in text
    run_cli(*base, "--fix")
    assert article.read_text(encoding="utf-8") == "标题\n我们再接再厉，按步就班，其它事情。\n"
    run_cli(*base, "--fix", "--unsafe-fixes")
    assert article.read_text(encoding="utf-8") == "标题\n我们再接再厉，按部就班，其它事情。\n"
    article.write_text(TEXT, encoding="utf-8")
    (tmp_path / ".newslint.yml").write_text("unsafe_fixes: true\n", encoding="utf-8")
    result = run_cli("check", "a.txt", "--rules", "rules", "--select", "test", "--diff", cwd=tmp_path)
    assert "+我们再接再厉，按部就班，其它事情。" in out(result), err(result)
    (tmp_path / ".newslint.yml").write_text("unsafe_fixes: maybe\n", encoding="utf-8")
    bad = run_cli("check", "a.txt", cwd=tmp_path)
    assert bad.returncode == 2 and "'unsafe_fixes' must be true or false" in err(bad)
