"""The `score` kind and the built-in `headline.score` model (on by default since session 8, gated)."""
from __future__ import annotations

import json
import os
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
    assert path.stat().st_size < 200_000  # session 8: 154 KB (290 KB in session 7)
    model = json.loads(path.read_text(encoding="utf-8"))
    assert model["n"] == [2, 3] and model["threshold"] >= 3.0 and model["weights"]
    # session 8: the n-grams as one string, their weights as whole thousandths in the same order
    assert len(model["grams"].split("\n")) == len(model["weights"]) and model["scale"] == 1000
    assert all(isinstance(w, int) and w for w in model["weights"])
    # session 9: sorted, so that the kind looks an n-gram up by bisection (no dict to build)
    grams = model["grams"].split("\n")
    assert grams == sorted(grams) and len(set(grams)) == len(grams)
    assert load_model("headline_score.json") is load_model("headline_score.json")


def test_a_headline_above_the_threshold_is_reported_with_its_cues():
    findings = found("辛苦攒了半辈子的钱，最后竟然换来这样一句话\n正文。\n")
    assert len(findings) == 1
    finding = findings[0]
    assert (finding.line, finding.column, finding.length) == (1, 1, len("辛苦攒了半辈子的钱，最后竟然换来这样一句话"))
    score, cues = finding.message.split(" ", 1)
    assert 0.5 < float(score) <= 1.0
    assert cues.count("“") == 3
    # the heaviest n-grams of the headline, words without a mark first (session 7: the model
    # trained with the fifth blind set weighs 钱， above 一句; 竟然 comes eighth)
    named = [c.strip("“”") for c in cues.split("）", 1)[0].split("、")]
    assert all(c in "辛苦攒了半辈子的钱，最后竟然换来这样一句话" and "，" not in c for c in named), named


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


def test_the_built_in_rule_is_on_by_default_at_info_and_can_be_turned_off():
    # session 8: on by default (with its gate), an info finding that never fails a run by itself
    text = "别再傻傻地这样晒衣服了，看完你就明白\n"
    assert [f.level for f in lint_text(text) if f.rule == "headline.score"] == ["info"]
    assert "headline.score" not in {f.rule for f in lint_text(text, ignore=["headline.score"])}
    assert [f.level for f in lint_text(text, select=["headline.score"])] == ["info"]


def build_script(*args: str):
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "scripts" / "build_headline_score.py"
    return subprocess.run([sys.executable, str(script), *args], capture_output=True, text=True, timeout=600)


def test_the_model_file_was_made_from_the_build_script_and_data_as_they_are():
    result = build_script("--check")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("NEWSLINT_RETRAIN"),
                    reason="trains the model again (over a minute): set NEWSLINT_RETRAIN=1 after changing its data or script")
def test_the_model_file_is_what_the_build_script_makes_of_the_data():
    result = build_script("--check", "--retrain")
    assert result.returncode == 0, result.stdout + result.stderr


# Headlines written for this test (not from any labelled set or the corpus): the built-in model's
# findings on them are fixed. A retrained model that changes one of them changes this list, with
# the reason in the commit. (Session 11: 老人每天早上喝一杯它，半年后体检结果让医生都愣了 left the list: the model
# trained with the ninth set and train10-11 scores it 3.83, under its 4.0; headline.withheld reports it.)
OWN_CLICKBAIT = [
    "这三样东西千万别放冰箱，很多人还不知道",
    "月底前一定要去银行办这件事，晚了就来不及了",
    "他退休后回到村里，村民们都没想到他会做这件事",
]
OWN_SOBER = [
    "市第一人民医院新院区下月启用 设床位1200张",
    "省气象台发布寒潮蓝色预警 本周末最低气温降至零下5摄氏度",
    "地铁3号线北延段开通试运营 新增站点6座",
    "区教育局公布今年义务教育招生方案 报名时间为6月1日至10日",
    "国家医保局：12种药品纳入新版目录 平均降价52%",
]


@pytest.mark.parametrize("headline", OWN_CLICKBAIT + OWN_SOBER)
def test_the_built_in_model_on_a_fixed_set(headline):
    findings = lint_text(headline + "\n\n正文。\n", select=["headline.score"])
    assert [f.rule for f in findings] == (["headline.score"] if headline in OWN_CLICKBAIT else [])


def test_the_rule_scores_as_the_model_does_counting_every_occurrence():
    model = load_model("headline_score.json")
    # the kind inlines Model.logit; both sum the weight of every match, repeats included (the
    # model is trained on counts)
    gram = next(k for k in model.keys if len(k) == 2 and "^" not in k and "$" not in k)
    once, twice = model.logit("某" + gram + "某"), model.logit("某" + gram + "某" + gram + "某")
    weight = model.weights[model.keys.index(gram)]
    assert abs((twice - once) - weight) < 1e-9 or gram[0] == gram[1]
    for text in OWN_CLICKBAIT + OWN_SOBER:
        assert (model.logit(text) > model.threshold) == (text in OWN_CLICKBAIT)


def test_n_grams_are_looked_up_by_bisection_as_a_dict_would_find_them():
    # session 9: Model.grams bisects the sorted n-grams instead of building a dict of them
    model = load_model("headline_score.json")
    index = {gram: place for place, gram in enumerate(model.keys)}
    for text in OWN_CLICKBAIT + OWN_SOBER + ["", "某", "^$", "“竟然”这样！！"] + model.keys[:50] + model.keys[-50:]:
        marked = "^" + text + "$"
        assert model.grams(text) == [index[marked[i:i + k]] for k in model.n for i in range(len(marked) - k + 1)
                                     if marked[i:i + k] in index]


def test_the_model_is_read_only_when_the_rule_runs(monkeypatch):
    import lint.kinds.score as score

    monkeypatch.setattr(score, "_MODELS", {})
    engine = Engine(parse_pack(textwrap.dedent(RULE), "test.yaml"))
    assert score._MODELS == {}  # building the engine does not read it
    lint_text("别再傻傻地这样晒衣服了，看完你就明白\n", ignore=["headline.score"])
    assert score._MODELS == {}  # a run without the rule does not either
    engine.lint(read_text("标题\n正文。\n"))
    assert score._MODELS == {}  # a headline whose n-grams could not lift it over the threshold
    engine.lint(read_text("辛苦攒了半辈子的钱，最后竟然换来这样一句话\n正文。\n"))
    assert list(score._MODELS) == ["headline_score.json"]


def _bound(headline: str) -> float:
    """What the engine sums for `headline` (`Engine._weighs_enough`): the weights of the
    score-raising n-grams it holds, a marked one counted where it starts or ends the range."""
    import ahocorasick_rs

    from lint.kinds.score import weighted_grams

    grams = weighted_grams("headline_score.json")
    automaton = _bound.__dict__.get("automaton") or _bound.__dict__.setdefault(
        "automaton", ahocorasick_rs.AhoCorasick(grams.strings, matchkind=ahocorasick_rs.MatchKind.Standard))
    total = 0.0
    for index, start, end in automaton.find_matches_as_indexes(headline, overlapping=True):
        total += grams.anywhere[index] + (grams.start_added[index] if start == 0 else 0)
        total += grams.end_added[index] if end == len(headline) else 0
    for k in grams.end_lengths:  # the strings that count only at the ends, looked up there
        if k <= len(headline):
            total += grams.at_start.get(headline[:k], 0) + grams.at_end.get(headline[len(headline) - k:], 0)
    return total / 1000  # (the model's scale: whole thousandths)


def _own_sober():
    import csv
    from pathlib import Path

    with (Path(__file__).parent / "data" / "headlines.tsv").open(encoding="utf-8", newline="") as handle:
        return [r["headline"] for r in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
                if r["label"] == "sober"]


def test_the_model_stays_cheap_to_search():
    """The engine finds the model's score-raising n-grams in every headline with the other
    headline rules' literals, and visits the rule only where they could lift it over the
    threshold (docs/headlines.md, Speed): no 1-grams (almost every character would be one), no
    light n-grams (mostly common ones). Session 14: the sum is a bound (never below the score)
    and lets under a tenth of the project's own sober headlines through."""
    model = load_model("headline_score.json")
    assert min(map(len, model.keys)) >= 2 and min(map(abs, model.weights)) >= 0.15
    sober = _own_sober()
    held = sum(len(model.grams(h)) for h in sober) / len(sober)
    assert held < 16, held
    for h in sober:
        assert model.bias + _bound(h) >= model.logit(h) - 1e-9
    assert sum(model.bias + _bound(h) > model.threshold for h in sober) < len(sober) / 10


def test_weighted_grams_take_the_range_marks_off(own_cache_dir):
    from lint.kinds.score import _model_data, weighted_grams

    data = _model_data("headline_score.json")
    assert data["scale"] == 1000
    weighted_grams.cache_clear()
    made = weighted_grams("headline_score.json")
    weighted_grams.cache_clear()
    grams = weighted_grams("headline_score.json")  # the second time from the user cache
    assert grams == made
    assert len(grams.strings) == len(set(grams.strings)) == len(grams.anywhere) == len(grams.end_added)
    assert all(grams.strings) and not any("^" in s or "$" in s for s in [*grams.strings, *grams.at_start, *grams.at_end])
    assert all(w > 0 for w in grams.anywhere)  # a string that counts only at a range's end is not searched
    assert not set(grams.strings) & (set(grams.at_start) | set(grams.at_end))
    index = {text: i for i, text in enumerate(grams.strings)}
    for gram, weight in zip(data["grams"].split("\n"), data["weights"]):
        if weight > 0:
            place, text = (1 if gram.startswith("^") else 2 if gram.endswith("$") else 0), gram.strip("^$")
            if text in index:
                given = (grams.anywhere, grams.start_added, grams.end_added)[place][index[text]]
            else:
                given = (grams.at_start if place == 1 else grams.at_end).get(text, 0)
            assert given >= weight, gram
    assert grams.end_lengths == tuple(sorted({len(t) for t in [*grams.at_start, *grams.at_end]}))
    assert abs(grams.cut - (data["threshold"] - data["bias"]) * 1000) < 1e-3


def test_a_gated_rule_is_visited_only_where_its_n_grams_could_lift_a_headline():
    """`gate` (default true): the engine visits the rule only where the score-raising n-grams it
    found could lift a range over the threshold; a headline the model flags is reported as with
    `gate: false`, which scores every headline in full."""
    rule = parse_pack(textwrap.dedent(RULE), "test.yaml")[0]
    assert rule.literal_only and rule.literal_weights() is not None
    ungated = RULE + "        gate: false\n"
    assert not parse_pack(textwrap.dedent(ungated), "test.yaml")[0].literal_only
    bait = "辛苦攒了半辈子的钱，最后竟然换来这样一句话\n"
    calm = "市统计局公布前三季度数据\n正文。\n"
    assert [f.message for f in found(bait)] == [f.message for f in found(bait, ungated)] != []
    runs = []
    original = type(rule).run
    type(rule).run = lambda self, doc, hits: runs.append(doc) or original(self, doc, hits)
    try:
        assert Engine([rule]).lint(read_text(calm)) == ([], []) and runs == []
        Engine([rule]).lint(read_text(bait))
        assert len(runs) == 1
    finally:
        type(rule).run = original


def test_the_built_in_gate_never_skips_what_the_model_flags():
    """On every labelled headline of the project's sets (the spent blind sets and the training
    sets; never a set still held out): the built-in rule flags exactly what the model flags (the
    gate is a bound, session 14; the fixed gates of sessions 8-13, the 1,000-2,000 heaviest
    n-grams, lost a few)."""
    from pathlib import Path

    from lint.builtin_rules import builtin_rules_dir

    rule = [r for r in parse_pack((builtin_rules_dir() / "headline.yaml").read_text(encoding="utf-8"),
                                  "headline.yaml") if r.id.endswith("score")][0]
    assert rule.gated and rule.literal_only
    model = load_model("headline_score.json")
    data = Path(__file__).parent / "data"
    names = ["headlines-blind.jsonl"] + [f"headlines-blind{n}.jsonl" for n in range(2, 13)] + [
        f"headlines-train{n}.jsonl" for n in range(9, 15)]
    headlines = [json.loads(line)["headline"] for name in names
                 for line in (data / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    engine = Engine([rule])
    flagged = [h for h in headlines if model.logit(h) > model.threshold]
    assert len(flagged) > 5000
    for h in flagged:
        assert [f.rule for f in engine.lint(read_text(h + "\n正文。\n"))[0]] == ["headline.score"], h
    assert all(model.bias + _bound(h) > model.threshold for h in flagged)
