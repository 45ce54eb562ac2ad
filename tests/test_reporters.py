"""SARIF, GitHub workflow commands and reviewdog rdjson: golden files on the example article,
and the properties each consumer relies on (positions, units, escaping, fixes)."""
import json
import re

import pytest

from lint.findings import FileReport, Finding, Run
from lint.reporters import render
from tests.conftest import err, out, run_cli
from tests.test_cli import golden

TOOL = {"name": "newslint", "version": "X"}
SARIF_LEVELS = {"none", "note", "warning", "error"}


# --- golden files ----------------------------------------------------------------------

def test_flawed_example_sarif_report_is_pinned():
    result = run_cli("check", "examples/flawed.txt", "--format", "sarif")
    assert result.returncode == 1
    report = json.loads(out(result))
    driver = report["runs"][0]["tool"]["driver"]
    driver["version"] = driver["semanticVersion"] = "X"
    golden("flawed.txt.sarif", json.dumps(report, ensure_ascii=False, indent=2) + "\n")


def test_flawed_example_github_report_is_pinned():
    result = run_cli("check", "examples/flawed.txt", "--format", "github")
    assert result.returncode == 1
    golden("flawed.txt.github", out(result))


def test_flawed_example_rdjson_report_is_pinned():
    result = run_cli("check", "examples/flawed.txt", "--format", "rdjson")
    assert result.returncode == 1
    golden("flawed.txt.rdjson", out(result))


# --- SARIF -----------------------------------------------------------------------------

def sarif_of(path, *args, cwd=None):
    result = run_cli("check", path, "--format", "sarif", *args, cwd=cwd)
    assert result.returncode in (0, 1, 2), err(result)
    return json.loads(out(result))


def check_sarif_structure(doc):
    """The parts of the SARIF 2.1.0 schema that newslint's output uses, field by field."""
    assert set(doc) == {"$schema", "version", "runs"}
    assert doc["version"] == "2.1.0" and len(doc["runs"]) == 1
    run = doc["runs"][0]
    assert run["columnKind"] in ("unicodeCodePoints", "utf16CodeUnits")
    driver = run["tool"]["driver"]
    assert isinstance(driver["name"], str) and driver["name"]
    rules = driver["rules"]
    ids = [rule["id"] for rule in rules]
    assert len(ids) == len(set(ids)), "one descriptor per rule"
    for rule in rules:
        assert set(rule) <= {"id", "shortDescription", "fullDescription", "helpUri", "help",
                             "defaultConfiguration", "properties"}
        for key in ("shortDescription", "fullDescription", "help"):
            assert isinstance(rule[key]["text"], str) and rule[key]["text"]
        assert rule["defaultConfiguration"]["level"] in SARIF_LEVELS
        if "helpUri" in rule:
            assert re.match(r"^[a-z][a-z0-9+.-]*:", rule["helpUri"])
    assert {r["ruleId"] for r in run["results"]} == set(ids), "descriptors only for rules used"
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in SARIF_LEVELS and result["message"]["text"]
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert isinstance(physical["artifactLocation"]["uri"], str)
        check_region(physical["region"])
        fingerprints = result["partialFingerprints"]
        assert fingerprints and all(isinstance(k, str) and isinstance(v, str) and v for k, v in fingerprints.items())
        for fix in result.get("fixes", []):
            assert fix["description"]["text"]
            for change in fix["artifactChanges"]:
                assert change["artifactLocation"] == physical["artifactLocation"]
                for replacement in change["replacements"]:
                    check_region(replacement["deletedRegion"])
                    assert isinstance(replacement["insertedContent"]["text"], str)
    invocation = run["invocations"][0]
    assert isinstance(invocation["executionSuccessful"], bool)
    for note in invocation["toolExecutionNotifications"]:
        assert note["level"] in SARIF_LEVELS and note["message"]["text"]


def check_region(region):
    for key in ("startLine", "startColumn", "endLine", "endColumn"):
        assert isinstance(region[key], int) and region[key] >= 1
    assert (region["endLine"], region["endColumn"]) >= (region["startLine"], region["startColumn"])
    assert region["charOffset"] >= 0 and region["charLength"] >= 0


def region_text(text: str, region) -> str:
    """Cut a region out of text by line and column, counting columns in code points."""
    lines = text.splitlines(keepends=True)
    start = sum(len(l) for l in lines[: region["startLine"] - 1]) + region["startColumn"] - 1
    end = sum(len(l) for l in lines[: region["endLine"] - 1]) + region["endColumn"] - 1
    return text[start:end]


ASTRAL = "标题\n𠮷𠮷的说法是再接再励,也有人说见缝插扎。\n"  # 𠮷 is outside the BMP: 1 code point, 2 UTF-16 units


def test_sarif_structure_and_one_descriptor_per_rule_used():
    doc = sarif_of("examples/flawed.txt")
    check_sarif_structure(doc)
    rules = doc["runs"][0]["tool"]["driver"]["rules"]
    typo = next(r for r in rules if r["id"] == "typos.idiom")
    assert typo["defaultConfiguration"]["level"] == "error"
    assert typo["shortDescription"]["text"].endswith("。")
    assert len([r for r in doc["runs"][0]["results"] if r["ruleId"] == "typos.idiom"]) == 2


def test_sarif_columns_are_true_code_points(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ASTRAL, encoding="utf-8")
    doc = sarif_of(path, "--select", "typos,punctuation")
    run = doc["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    check_sarif_structure(doc)
    texts = []
    for result in run["results"]:
        region = result["locations"][0]["physicalLocation"]["region"]
        cut = region_text(ASTRAL, region)
        assert cut == region["snippet"]["text"]
        assert ASTRAL[region["charOffset"]: region["charOffset"] + region["charLength"]] == cut
        texts.append(cut)
    assert texts == ["再接再励", ",", "见缝插扎"]
    typo = run["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert typo["startColumn"] == 7  # in UTF-16 units it would be 9


def test_sarif_fixes_reproduce_newslint_fix(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ASTRAL, encoding="utf-8")
    doc = sarif_of(path, "--select", "typos,punctuation")
    edits = []
    for result in doc["runs"][0]["results"]:
        for fix in result.get("fixes", []):
            for replacement in fix["artifactChanges"][0]["replacements"]:
                region = replacement["deletedRegion"]
                edits.append((region["charOffset"], region["charLength"], replacement["insertedContent"]["text"]))
    assert len(edits) == 3
    fixed = ASTRAL
    for offset, length, text in sorted(edits, reverse=True):
        fixed = fixed[:offset] + text + fixed[offset + length:]
    run_cli("check", path, "--fix", "--select", "typos,punctuation")
    assert fixed == path.read_text(encoding="utf-8") == "标题\n𠮷𠮷的说法是再接再厉，也有人说见缝插针。\n"


def test_sarif_unsafe_suggestions_are_not_fixes():
    doc = sarif_of("examples/flawed.txt")
    for result in doc["runs"][0]["results"]:
        assert ("fixes" in result) == (result["ruleId"].startswith(("typos.", "punctuation.")))


def test_sarif_uris_relative_percent_encoded_and_absolute(tmp_path):
    (tmp_path / "稿 件.txt").write_text("标题\n再接再励。\n", encoding="utf-8")
    doc = sarif_of("稿 件.txt", "--select", "typos", cwd=tmp_path)
    location = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "%E7%A8%BF%20%E4%BB%B6.txt", "uriBaseId": "%SRCROOT%"}
    doc = sarif_of(tmp_path / "稿 件.txt", "--select", "typos")
    uri = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == (tmp_path / "稿 件.txt").as_uri()


def test_sarif_reports_errors_as_notifications():
    doc = sarif_of("missing.txt")
    invocation = doc["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"] == "missing.txt: no such file or directory"
    check_sarif_structure(doc)


def sarif_fingerprints(text, path="a.txt"):
    """(rule, matched text, line, newslint/v1 fingerprint) of each SARIF result for `text`."""
    from lint import lint_text

    lines = text.splitlines()
    findings = lint_text(text, path, select=["typos"])
    report = FileReport(path, findings, lines={f.line: lines[f.line - 1] for f in findings})
    results = json.loads(render("sarif", Run(reports=[report]), {"tool": TOOL}))["runs"][0]["results"]
    return [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["snippet"]["text"],
             r["locations"][0]["physicalLocation"]["region"]["startLine"], r["partialFingerprints"]["newslint/v1"])
            for r in results]


def test_sarif_fingerprints_survive_moved_paragraphs_and_tell_matches_apart():
    first, second = "队员们表示要再接再励。", "大家对比赛结果迫不急待。"
    before = sarif_fingerprints(f"标题\n{first}\n{second}\n")
    after = sarif_fingerprints(f"标题\n新加的一段话。\n\n{second}\n另一段。\n{first}\n")
    assert [line for *_, line, _ in before] == [2, 3] and [line for *_, line, _ in after] == [4, 6]
    assert sorted((rule, text, print_) for rule, text, _, print_ in before) == \
        sorted((rule, text, print_) for rule, text, _, print_ in after)
    assert before[0][3] != before[1][3]
    # the same wrong form in other words around it is another finding; so is a different match
    (elsewhere,) = sarif_fingerprints("标题\n会议要求各单位再接再励。\n")
    assert elsewhere[1] == "再接再励" and elsewhere[3] not in {print_ for *_, print_ in before}


def test_sarif_fingerprints_count_identical_findings_in_a_file():
    prints = [print_ for *_, print_ in sarif_fingerprints("标题\n要再接再励。\n要再接再励。\n")]
    assert len(set(prints)) == 2 and [p.rsplit(":", 1)[1] for p in prints] == ["1", "2"]
    assert prints[0].rsplit(":", 1)[0] == prints[1].rsplit(":", 1)[0]


def test_sarif_help_uri_from_rule_link(tmp_path):
    (tmp_path / "house.yaml").write_text(
        "rules:\n  - id: r\n    kind: existence\n    level: info\n    message: 不用“{match}”\n"
        "    link: https://example.org/style#r\n    tokens: [某某]\n"
        "    description: 第一句。第二句。\n"
        "    examples:\n      bad: [某某来了]\n      good: [他来了]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("标题\n某某来了。\n", encoding="utf-8")
    doc = sarif_of(tmp_path / "a.txt", "--rules", tmp_path, "--select", "house")
    (rule,) = doc["runs"][0]["tool"]["driver"]["rules"]
    assert rule["helpUri"] == "https://example.org/style#r"
    assert rule["shortDescription"]["text"] == "第一句。"
    assert rule["fullDescription"]["text"] == "第一句。第二句。"
    assert rule["defaultConfiguration"]["level"] == "note"
    assert doc["runs"][0]["results"][0]["level"] == "note"


# --- GitHub workflow commands ----------------------------------------------------------

def unescape_property(value: str) -> str:
    """What the Actions runner does to a property value."""
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(code, char)
    return value


def unescape_data(value: str) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%25", "%")):
        value = value.replace(code, char)
    return value


def parse_command(line: str):
    match = re.fullmatch(r"::(\w+) ([^:]*)::(.*)", line)
    assert match, line
    properties = dict(item.split("=", 1) for item in match.group(2).split(","))
    return match.group(1), {k: unescape_property(v) for k, v in properties.items()}, unescape_data(match.group(3))


def finding(**changes):
    values = dict(rule="house.r", level="warning", message="m", path="a.txt", offset=3, length=2,
                  text="某某", line=2, column=1, end_line=2, end_column=3)
    values.update(changes)
    return Finding(**values)


def test_github_escapes_data_and_properties():
    nasty = finding(path="dir,x/a:b%.txt", message="100% 不对,\n第二行\r:完", rule="house.a,b")
    line = render("github", Run(reports=[FileReport(nasty.path, [nasty])]), {}).rstrip("\n")
    assert "\n" not in line
    assert line == ("::warning file=dir%2Cx/a%3Ab%25.txt,line=2,col=1,endLine=2,endColumn=3,"
                    "title=house.a%2Cb::100%25 不对,%0A第二行%0D:完")
    command, properties, message = parse_command(line)
    assert properties == {"file": "dir,x/a:b%.txt", "line": "2", "col": "1", "endLine": "2",
                          "endColumn": "3", "title": "house.a,b"}
    assert message == "100% 不对,\n第二行\r:完"


@pytest.mark.parametrize("level, command", [("error", "error"), ("warning", "warning"), ("info", "notice")])
def test_github_command_by_level(level, command):
    f = finding(level=level)
    assert render("github", Run(reports=[FileReport("a.txt", [f])]), {}).startswith(f"::{command} ")


def test_github_positions_for_multiline_and_empty_spans():
    multi = finding(end_line=3, end_column=2)
    empty = finding(length=0, text="", end_column=1)
    lines = render("github", Run(reports=[FileReport("a.txt", [multi, empty])]), {}).splitlines()
    assert parse_command(lines[0])[1] == {"file": "a.txt", "line": "2", "endLine": "3", "title": "house.r"}
    assert parse_command(lines[1])[1] == {"file": "a.txt", "line": "2", "col": "1", "title": "house.r"}


def test_github_columns_are_characters_from_the_cli(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ASTRAL, encoding="utf-8")
    lines = out(run_cli("check", path, "--format", "github", "--select", "typos")).splitlines()
    _, properties, message = parse_command(lines[0])
    assert (properties["line"], properties["col"], properties["endColumn"]) == ("2", "7", "11")
    assert properties["title"] == "typos.idiom" and message == "“再接再励”应为“再接再厉”"


def test_github_errors_are_annotations_too():
    result = run_cli("check", "missing.txt", "--format", "github")
    assert result.returncode == 2
    assert out(result) == "::error title=newslint::missing.txt: no such file or directory\n"


# --- reviewdog rdjson ------------------------------------------------------------------

def test_rdjson_columns_are_utf8_bytes(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ASTRAL, encoding="utf-8")
    result = json.loads(out(run_cli("check", path, "--format", "rdjson", "--select", "typos,punctuation")))
    assert result["source"]["name"] == "newslint"
    line = ASTRAL.splitlines()[1].encode("utf-8")
    cuts = []
    for diagnostic in result["diagnostics"]:
        span = diagnostic["location"]["range"]
        assert span["start"]["line"] == span["end"]["line"] == 2
        cuts.append(line[span["start"]["column"] - 1: span["end"]["column"] - 1].decode("utf-8"))
    assert cuts == ["再接再励", ",", "见缝插扎"]
    typo = result["diagnostics"][0]
    assert typo["location"]["range"]["start"]["column"] == 4 + 4 + 3 * 4 + 1  # 𠮷𠮷 then 的说法是
    assert typo["severity"] == "ERROR" and typo["code"] == {"value": "typos.idiom"}
    assert typo["suggestions"] == [{"range": typo["location"]["range"], "text": "再接再厉"}]


def test_rdjson_suggestions_apply_as_reviewdog_would(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ASTRAL, encoding="utf-8")
    result = json.loads(out(run_cli("check", path, "--format", "rdjson", "--select", "typos,punctuation")))
    line = ASTRAL.splitlines()[1].encode("utf-8")
    for diagnostic in sorted(result["diagnostics"], key=lambda d: -d["location"]["range"]["start"]["column"]):
        (suggestion,) = diagnostic["suggestions"]
        start, end = suggestion["range"]["start"]["column"] - 1, suggestion["range"]["end"]["column"] - 1
        line = line[:start] + suggestion["text"].encode("utf-8") + line[end:]
    assert line.decode("utf-8") == "𠮷𠮷的说法是再接再厉，也有人说见缝插针。"


def test_rdjson_severity_and_no_suggestions_without_replacements():
    result = json.loads(out(run_cli("check", "examples/flawed.txt", "--format", "rdjson")))
    shock = next(d for d in result["diagnostics"] if d["code"]["value"] == "headline.shock")
    assert shock["severity"] == "WARNING" and "suggestions" not in shock
    assert {d["severity"] for d in result["diagnostics"]} == {"ERROR", "WARNING", "INFO"}
    score = next(d for d in result["diagnostics"] if d["code"]["value"] == "headline.score")
    assert score["severity"] == "INFO"


def test_every_format_is_offered_on_the_command_line():
    help_text = out(run_cli("check", "--help"))
    for name in ("sarif", "github", "rdjson"):
        assert name in help_text


def test_rdjson_multiline_end_column_from_the_matched_text():
    f = finding(text="甲\n乙乙", line=1, column=2, end_line=2, end_column=3, length=4)
    result = json.loads(render("rdjson", Run(reports=[FileReport("a.txt", [f], lines={1: "x甲"})]), {}))
    span = result["diagnostics"][0]["location"]["range"]
    assert span == {"start": {"line": 1, "column": 2}, "end": {"line": 2, "column": 7}}
