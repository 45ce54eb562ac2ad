"""The `score` kind and the built-in `headline.score` model (off by default)."""
from __future__ import annotations

import json
import textwrap

import pytest

from lint import lint_text
from lint.engine import Engine
from lint.kinds.score import DATA, load_model
from lint.readers.text import read_text
from lint.rulepack import RuleFileError, parse_pack

RULE = """
    rules:
      - id: s
        kind: score
        level: info
        message: "{score} {cues}"
        model: headline_score.json
"""


def found(text, rule=RULE):
    findings, failures = Engine(parse_pack(textwrap.dedent(rule), "test.yaml")).lint(read_text(text))
    assert not failures
    return findings


def test_the_model_is_small_data_read_once():
    path = DATA / "headline_score.json"
    assert path.stat().st_size < 300_000
    model = json.loads(path.read_text(encoding="utf-8"))
    assert model["n"] == [1, 2, 3] and model["threshold"] >= 3.0 and model["weights"]
    assert load_model("headline_score.json") is load_model("headline_score.json")


def test_a_headline_above_the_threshold_is_reported_with_its_cues():
    findings = found("辛苦攒了半辈子的钱，最后竟然换来这样一句话\n正文。\n")
    assert len(findings) == 1
    finding = findings[0]
    assert (finding.line, finding.column, finding.length) == (1, 1, len("辛苦攒了半辈子的钱，最后竟然换来这样一句话"))
    score, cues = finding.message.split(" ", 1)
    assert 0.5 < float(score) <= 1.0
    assert cues.count("“") == 3 and "竟然" in cues


def test_a_sober_headline_and_the_body_are_not_reported():
    assert found("市统计局：前三季度全市社会消费品零售总额同比增长4.2%\n正文竟然这样。\n") == []


def test_cues_can_be_fewer():
    finding, = found("辛苦攒了半辈子的钱，最后竟然换来这样一句话\n", RULE + "        cues: 1\n")
    assert finding.message.split(" ", 1)[1].count("“") == 1


def test_a_model_that_is_not_in_the_data_folder_is_a_rule_file_error():
    with pytest.raises(RuleFileError, match="model"):
        parse_pack(textwrap.dedent(RULE.replace("headline_score.json", "../rules/headline.yaml")), "test.yaml")
    with pytest.raises(RuleFileError, match="model"):
        parse_pack(textwrap.dedent(RULE.replace("headline_score.json", "missing.json")), "test.yaml")


def test_the_built_in_rule_is_off_unless_asked_for():
    text = "别再傻傻地这样晒衣服了，看完你就明白\n"
    assert "headline.score" not in {f.rule for f in lint_text(text)}
    assert [f.level for f in lint_text(text, select=["headline.score"])] == ["info"]


@pytest.mark.slow
def test_the_model_file_is_what_the_build_script_makes_of_the_data():
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "scripts" / "build_headline_score.py"
    result = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
