"""The command line as users run it."""
import json
import os

import pytest

from tests.conftest import EXAMPLES, ROOT, err, out, run_cli

GOLDEN = ROOT / "tests" / "golden"


def golden(name: str, actual: str):
    """Compare with tests/golden/NAME; NEWSLINT_UPDATE_GOLDEN=1 rewrites it."""
    path = GOLDEN / name
    if os.environ.get("NEWSLINT_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")


def test_flawed_example_text_report_is_pinned():
    result = run_cli("check", "examples/flawed.txt", "--no-color")
    assert result.returncode == 1
    golden("flawed.txt.text", out(result))


def test_flawed_example_json_report_is_pinned():
    result = run_cli("check", "examples/flawed.txt", "--format", "json")
    assert result.returncode == 1
    report = json.loads(out(result))
    report["tool"]["version"] = "X"
    golden("flawed.txt.json", json.dumps(report, ensure_ascii=False, indent=2) + "\n")


def test_flawed_example_covers_the_four_packs():
    report = json.loads(out(run_cli("check", "examples/flawed.txt", "--format", "json")))
    packs = {f["rule"].split(".")[0] for f in report["files"][0]["findings"]}
    assert packs == {"typos", "punctuation", "headline", "byline"}


def test_clean_example_yields_nothing():
    result = run_cli("check", "examples/clean.txt")
    assert result.returncode == 0
    assert out(result) == "No problems found in 1 file checked.\n"


def test_caret_lines_up_under_wide_characters():
    lines = out(run_cli("check", "-", "--select", "typos", input="标题\n明天阳光“见缝插扎”\n")).splitlines()
    source, carets = lines[1], lines[2]
    assert source == "    2 | 明天阳光“见缝插扎”"
    # 明天阳光 are 4 wide characters (8 columns), “ is narrow (East Asian ambiguous, 1 column);
    # the typo is 4 wide characters = 8 carets. This is the layout DESIGN.md shows.
    assert carets == "      | " + " " * 9 + "^" * 8


def test_json_schema_keys():
    report = json.loads(out(run_cli("check", "-", "--format", "json", input="标题\n再接再励。\n")))
    assert set(report) == {"version", "tool", "files", "errors", "summary"}
    assert report["version"] == 1 and report["tool"]["name"] == "newslint"
    finding = next(f for f in report["files"][0]["findings"] if f["rule"] == "typos.idiom")
    assert finding == {
        "rule": "typos.idiom", "level": "error", "message": "“再接再励”应为“再接再厉”",
        "line": 2, "column": 1, "end_line": 2, "end_column": 5, "offset": 3, "length": 4,
        "text": "再接再励", "replacements": ["再接再厉"], "fixable": True, "applicability": "safe",
        "edits": [{"offset": 3, "length": 4, "content": "再接再厉",
                   "line": 2, "column": 1, "end_line": 2, "end_column": 5}],
    }


def test_several_files_and_a_directory(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("标题\n再接再励。\n", encoding="utf-8")
    (tmp_path / "sub" / "b.md").write_text("标题\n见缝插扎。\n", encoding="utf-8")
    (tmp_path / "sub" / "skip.py").write_text("再接再励", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.txt").write_text("标题\n再接再励。\n", encoding="utf-8")
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules" / "d.txt").write_text("标题\n再接再励。\n", encoding="utf-8")
    report = json.loads(out(run_cli("check", tmp_path, EXAMPLES / "clean.txt", "--format", "json", "--select", "typos")))
    paths = [os.path.relpath(f["path"], tmp_path) for f in report["files"]]
    assert paths == ["sub/a.txt", "sub/b.md", os.path.relpath(EXAMPLES / "clean.txt", tmp_path)]


def test_stdin_with_filename():
    result = run_cli("check", "-", "--stdin-filename", "稿件.txt", "--select", "typos", input="标题\n再接再励。\n")
    assert out(result).startswith("稿件.txt:2:1: error typos.idiom")


def test_select_and_ignore_by_pack_and_id():
    text = "标题\n再接再励,见缝插扎。\n"
    def rules(*args):
        report = json.loads(out(run_cli("check", "-", "--format", "json", *args, input=text)))
        return sorted({f["rule"] for f in report["files"][0]["findings"]})
    assert rules("--select", "typos") == ["typos.idiom"]
    assert rules("--select", "typos.idiom,punctuation.halfwidth-comma") == ["punctuation.halfwidth-comma", "typos.idiom"]
    assert "punctuation.halfwidth-comma" not in rules("--ignore", "punctuation")
    result = run_cli("check", "-", "--select", "nonsense", input=text)
    assert result.returncode == 2 and "unknown rule or pack 'nonsense'" in err(result)


@pytest.mark.parametrize("fail_level, code", [("error", 0), ("warning", 1), ("info", 1)])
def test_fail_level(fail_level, code):
    # a headline that is only too long (info) and a half-width comma (warning)
    text = "标题\n好,很好。\n"
    assert run_cli("check", "-", "--select", "punctuation", "--fail-level", fail_level, input=text).returncode == code


def test_missing_file_is_exit_2_and_others_still_linted():
    result = run_cli("check", "nope.txt", "examples/flawed.txt", "--format", "json")
    assert result.returncode == 2
    report = json.loads(out(result))
    assert report["errors"] == ["nope.txt: no such file or directory"]
    assert report["files"][0]["findings"]
    assert "nope.txt" in err(result)


def test_rules_command_text_and_json():
    text = out(run_cli("rules"))
    assert "typos.idiom" in text and "substitution" in text
    rules = json.loads(out(run_cli("rules", "--format", "json")))
    assert {"id", "kind", "level", "description"} <= set(rules[0])


def test_explain():
    result = run_cli("explain", "typos.idiom")
    assert result.returncode == 0
    assert "见缝插扎" in out(result) and "错误示例" in out(result)
    assert run_cli("explain", "no.such").returncode == 2


def test_test_rules_reports_failing_examples(tmp_path):
    (tmp_path / "house.yaml").write_text(
        "rules:\n  - id: r\n    kind: existence\n    level: warning\n    message: m\n    tokens: [某某]\n"
        "    examples:\n      bad: [这里没有]\n      good: [某某来了]\n", encoding="utf-8")
    result = run_cli("test-rules", tmp_path)
    assert result.returncode == 1
    assert "house.r: bad example '这里没有': not flagged" in out(result)
    assert "house.r: good example '某某来了': flagged at '某某'" in out(result)
    assert run_cli("test-rules").returncode == 0


def test_fix_rewrites_file_and_exit_reflects_what_is_left(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("标题\r\n再接再励,见缝插扎。\r\n".encode("gb18030"))
    result = run_cli("check", path, "--fix", "--select", "typos,punctuation")
    assert result.returncode == 0, out(result)
    assert path.read_bytes() == "标题\r\n再接再厉，见缝插针。\r\n".encode("gb18030")
    assert "Fixed 3 problems" in out(result)


def test_diff_changes_nothing(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("标题\n再接再励。\n", encoding="utf-8")
    result = run_cli("check", path, "--diff", "--select", "typos")
    assert "-再接再励。\n+再接再厉。\n" in out(result)
    assert path.read_text(encoding="utf-8") == "标题\n再接再励。\n"


def test_stdin_fix_prints_fixed_text():
    result = run_cli("check", "-", "--fix", "--select", "typos", input="标题\n再接再励。\n")
    assert out(result) == "标题\n再接再厉。\n"


def test_init_writes_a_config_that_loads(tmp_path):
    assert run_cli("init", cwd=tmp_path).returncode == 0
    (tmp_path / "a.txt").write_text("标题\n正文。\n", encoding="utf-8")
    result = run_cli("check", "a.txt", "--select", "typos", cwd=tmp_path)
    assert result.returncode == 0, err(result)


def test_config_file_turns_rules_off_and_changes_levels(tmp_path):
    (tmp_path / ".newslint.yml").write_text("rules:\n  punctuation: off\n  typos.idiom: warning\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("标题\n再接再励,好。\n", encoding="utf-8")
    report = json.loads(out(run_cli("check", "a.txt", "--format", "json", "--ignore", "byline,headline", cwd=tmp_path)))
    assert [(f["rule"], f["level"]) for f in report["files"][0]["findings"]] == [("typos.idiom", "warning")]


def test_bad_config_is_exit_2_with_file_and_line(tmp_path):
    (tmp_path / ".newslint.yml").write_text("rules:\n  typos: loud\n", encoding="utf-8")
    result = run_cli("check", "-", cwd=tmp_path, input="标题\n")
    assert result.returncode == 2
    assert ".newslint.yml:2:" in err(result) and "typos" in err(result)


def test_python_m_lint_is_the_command():
    assert "Usage: newslint" in out(run_cli("--help"))


def test_lint_text_api():
    from lint import lint_text

    findings = lint_text("明天阳光见缝插扎地照进来。")
    typo = next(f for f in findings if f.rule == "typos.idiom")
    assert (typo.line, typo.column, typo.text, typo.replacements) == (1, 5, "见缝插扎", ["见缝插针"])
    assert [f.rule for f in lint_text("标题\n再接再励,好。", select=["typos"])] == ["typos.idiom"]
