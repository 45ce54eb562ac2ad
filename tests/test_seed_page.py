"""The real commentary page in ../shared/corpus/seed: what the issue promised it reports."""
import json

from tests.conftest import out, run_cli

SEED = "seed/jingchu-2023-08-15.txt"


def findings(corpus, *args):
    report = json.loads(out(run_cli("check", corpus / SEED, "--format", "json", *args)))
    return report["files"][0]["findings"]


def test_empty_author_field_on_line_3_once(corpus):
    empty = [f for f in findings(corpus) if f["rule"] == "byline.empty-field"]
    assert [(f["line"], f["column"], f["text"]) for f in empty] == [(3, 1, "作者:")]


def test_typo_is_reported_at_its_characters(corpus):
    typos = [f for f in findings(corpus) if f["rule"] == "typos.idiom"]
    assert typos and all(f["text"] == "见缝插扎" and f["replacements"] == ["见缝插针"] for f in typos)


def test_halfwidth_marks_in_header_and_none_inside_date_and_time(corpus):
    found = findings(corpus, "--select", "punctuation")
    line3 = [(f["column"], f["text"]) for f in found if f["line"] == 3]
    # 作者: 来源: 荆楚网(湖北日报网) 2023-08-15 17:54:44
    # a pair of brackets is one finding over the pair, fixed by one fix of two edits
    assert line3 == [(3, ":"), (7, ":"), (12, "(湖北日报网)")]
    (pair,) = [f for f in found if f["line"] == 3 and f["text"].startswith("(")]
    assert [(e["column"], e["content"]) for e in pair["edits"]] == [(12, "（"), (18, "）")]
    by_mark = {}
    for f in found:
        by_mark[f["text"]] = by_mark.get(f["text"], 0) + 1
    assert by_mark[","] > 50 and by_mark[":"] > 10


def test_footer_credits_are_recognised(corpus):
    rules = {f["rule"] for f in findings(corpus)}
    assert "byline.missing-author" not in rules and "byline.missing-editor" not in rules
