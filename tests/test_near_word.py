"""typos.word-near (the near_word kind): orphans, candidates made at run time, the scoring gates,
the project's own right forms and confusion pairs, and the unsafe fix."""
import pytest

from lint.kinds import near_word
from lint.kinds.near_word import NearWord, orphans, word_list
from lint.linter import Linter
from lint.rulepack import load_packs
from lint.spelling import context
from tests.conftest import ROOT

RULE = "typos.word-near"
SLIP = "工厂的生产效率明显提搞了。"  # 提搞 for 提高 (same reading, similar shape)


def rule(**options):
    spec = {"id": "w", "kind": "near_word", "level": "warning", "message": "“{match}”疑为“{replacement}”之误（{pair} {kind}）"}
    return NearWord({**spec, **options}, "t")


def findings(text, linter=None):
    linter = linter or Linter(select=[RULE])
    return [(f.text, f.replacements[0]) for f in linter.lint_text(text) if f.rule == RULE]


def test_the_word_list_is_well_formed():
    twos, threes, fours, right, common = word_list()
    assert 100_000 <= len(twos) + len(threes) + len(fours) <= 200_000
    assert 30_000 <= len(right) <= 60_000
    assert all(n >= 20 and 2 <= len(w) <= 4 for w, n in right.items())
    assert "提高" in right and "提搞" not in twos
    assert "的" in common and "增" in common
    header = (ROOT / "lint" / "data" / "words.txt").read_text(encoding="utf-8").splitlines()[0]
    assert "jieba" in header and "MIT" in header


def test_orphans_are_the_characters_no_listed_word_covers():
    assert orphans("甲乙丙丁戊", {"乙丙"}, set(), set()) == [0, 3, 4]
    assert orphans("甲乙丙丁戊", set(), {"丙丁戊"}, set()) == [0, 1]
    assert orphans("甲乙", set(), set(), {"甲乙丙丁"}) == [0, 1]  # a run's end cuts no word in two


def test_a_slip_is_reported_with_its_right_form_and_why():
    found = [f for f in Linter(select=[RULE]).lint_text(SLIP) if f.rule == RULE]
    assert [(f.text, f.replacements, f.column) for f in found] == [("提搞", ["提高"], 10)]
    assert found[0].message == "“提搞”疑为“提高”之误（搞/高 同音形近）"
    assert found[0].level == "warning"


def test_correct_text_is_left_alone():
    assert findings("公司今年的营业额大幅增长。") == []
    assert findings("新馆将于下月正式对外开放，市民可以预约参观。") == []


def test_the_fix_is_a_suggestion_never_applied_by_plain_fix():
    linter = Linter(select=[RULE])
    found = [f for f in linter.lint_text(SLIP) if f.rule == RULE]
    assert found and not any(f.fixable for f in found)
    assert linter.fix_text(SLIP)[0] == SLIP
    assert linter.fix_text(SLIP, unsafe=True)[0] == "工厂的生产效率明显提高了。"


def test_a_form_right_after_a_surname_is_taken_for_a_name():
    assert findings("记者王提搞报道。") == []


def test_a_surname_character_that_ends_a_word_is_no_surname():
    # 高 ends 提高 here: the window after it is no given name and is judged; after 记者王 it is
    r = rule(surnames="王高")
    r.trace = []
    list(r.judge_run("可以大幅提高效律", 0))
    assert any(t[2] == "效律" for t in r.trace)
    r.trace = []
    list(r.judge_run("记者王效律", 0))
    assert not any(t[2] == "效律" for t in r.trace)


def test_a_short_quoted_phrase_is_meant_as_written():
    assert findings("公司的口号是“明显提搞”。") == []


def test_a_form_written_twice_in_a_document_needs_more():
    r = rule()
    r.trace = []
    once = list(r.judge_run("效率明显提搞", 0, "效率明显提搞"))
    gain_once = [t for t in r.trace if t[3] == "提高"][0][6]  # the context gain
    r.trace = []
    list(r.judge_run("效率明显提搞", 0, "效率明显提搞。提搞"))
    assert once and [t for t in r.trace if t[3] == "提高"][0][6] == gain_once - near_word.REPEAT_PENALTY


def test_the_projects_own_right_forms_are_never_corrected(tmp_path):
    (tmp_path / "house.yaml").write_text(
        "pack: house\nrules:\n  - id: near\n    kind: near_word\n    level: warning\n"
        "    message: “{match}”疑为“{replacement}”之误\n"
        "    words: [提搞牌]\n", encoding="utf-8")
    linter = Linter(rules=load_packs([tmp_path]), select=["house.near"])
    assert [f.text for f in linter.lint_text(SLIP)] == ["提搞"]
    assert linter.lint_text("公司推出了提搞牌饮料。") == []


def test_a_projects_confusion_pair_adds_candidates(tmp_path):
    assert Linter(select=[RULE]).lint_text("今年的营业额大幅增宅。") == []  # 宅/长: no built-in confusion
    (tmp_path / "house.yaml").write_text(
        "pack: house\nrules:\n  - id: near\n    kind: near_word\n    level: warning\n"
        "    message: “{match}”疑为“{replacement}”之误（{pair} {kind}）\n"
        "    pairs: {宅: 长}\n", encoding="utf-8")
    linter = Linter(rules=load_packs([tmp_path]), select=["house.near"])
    found = linter.lint_text("今年的营业额大幅增宅。")
    assert [(f.text, f.replacements, f.message) for f in found] == [("增宅", ["增长"], "“增宅”疑为“增长”之误（宅/长 易混）")]


@pytest.mark.parametrize("options", [{"pairs": {"格格": "铬"}}, {"pairs": {"格": "格"}},
                                     {"thresholds": {"sound": 3}}, {"thresholds": {"shape": -1}}])
def test_bad_options_are_refused(options):
    with pytest.raises(ValueError):
        rule(**options)


def test_nothing_is_read_until_the_rule_runs():
    word_list.cache_clear()
    near_word.gap_index.cache_clear()
    context.model.cache_clear()
    r = rule()
    r.literals()
    assert word_list.cache_info().currsize == 0 and near_word.gap_index.cache_info().currsize == 0
    Linter(select=[RULE]).lint_text("新馆将于下月正式对外开放。")  # no candidate: no context model
    assert word_list.cache_info().currsize == 1 and context.model.cache_info().currsize == 0
    Linter(select=[RULE]).lint_text(SLIP)
    assert context.model.cache_info().currsize == 1


def test_the_context_model_finds_slips_that_unigram_counts_rate_too_low():
    # 完膳 for 完善: the unigram gain is below what unigrams alone needed (1200 for a same
    # reading before the context model); the right form fits its neighbours far better
    r = rule()
    r.trace = []
    assert [form for *_, form, _, _ in r.judge_run("这个方案还需要进一步完膳")] == ["完善"]
    (_, _, window, form, kinds, unigram_gain, gain, threshold), = r.trace
    assert unigram_gain < 1200 <= threshold <= gain


def test_the_context_model_decides_between_candidates_that_unigrams_pass():
    # both pass the unigram test; only the context model tells the slip from a correct rare pair
    r = rule()
    r.trace = []
    assert [form for *_, form, _, _ in r.judge_run("生产效率明显提搞了")] == ["提高"]
    (_, _, window, form, kinds, unigram_gain, gain, threshold), = [t for t in r.trace if t[3] == "提高"]
    assert (window, form) == ("提搞", "提高") and unigram_gain >= r.unigram and gain >= threshold
    strict = rule(unigram=0, thresholds={"same-reading": 5000, "shape": 5000})
    assert list(strict.judge_run("生产效率明显提搞了")) == []


def test_the_rule_is_off_by_default():
    assert RULE not in {r.id for r in Linter().rules}


def test_a_word_written_the_traditional_way_is_left_to_the_script_pack():
    """`对於` is script.traditional's (its word table): one finding per error, not two."""
    text = "我们对於这个问题还需要进一步研究。"
    found = [(f.rule, f.text) for f in Linter(select=[RULE, "script"]).lint_text(text)]
    assert found == [("script.traditional", "於")]


def test_function_characters_are_the_busiest_single_character_words():
    from lint.kinds.near_word import BUSY_COST, function_characters
    from lint.spelling.lexicon import words

    lexicon = words()
    busy = function_characters()
    assert {"的", "了", "是"} <= busy and "增" not in busy
    assert all(lexicon.cost(ch) <= BUSY_COST for ch in busy)
    cheap = lexicon.cheaper_than(BUSY_COST)
    assert cheap and all(lexicon.cost(word) <= BUSY_COST for word in cheap)
    assert busy == {ch for ch in set("".join(word_list()[0])) if lexicon.cost(ch) is not None
                    and lexicon.cost(ch) <= BUSY_COST}


def test_the_tables_read_from_the_user_cache_are_the_tables_built(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    built = near_word._build_tables()
    near_word._tables.cache_clear()
    try:
        first = near_word._tables()  # built and written
        assert list(tmp_path.glob("words-*.json"))
        near_word._tables.cache_clear()
        again = near_word._tables()  # read back
    finally:
        near_word._tables.cache_clear()
    for tables in (first, again):
        assert tables["words"] == built["words"] and tables["busy"] == built["busy"]
        assert tables["gaps"] == built["gaps"]
    assert "提\x00" in built["gaps"] and "高" in built["gaps"]["提\x00"]


@pytest.mark.parametrize("broken", [None, [], {"twos": "甲"}, {"twos": 3},
                                    {"twos": "", "threes": "", "fours": "", "right": {"提高": "x"},
                                     "gaps": {}, "common": "", "busy": ""}])
def test_a_broken_cache_entry_is_not_used(broken):
    assert near_word._decode(broken) is None


def test_a_form_jieba_tags_as_a_name_is_suggested_with_a_higher_bar():
    # jieba tags 申报 nz and 明白 nr: right forms all the same (words.txt `n`), judged more strictly
    assert {"申报", "明白", "美丽"} <= near_word.named_forms() and "提高" not in near_word.named_forms()
    r = rule()
    r.trace = []
    assert [f[2] for f in r.judge_run("企业应当在月底前按时完成纳税伸报", 0)] == ["申报"]
    threshold = [t for t in r.trace if t[3] == "申报"][0][7]
    assert threshold == near_word.DEFAULT_THRESHOLDS["same-reading"] + near_word.NAMED_MARGIN


def test_a_common_function_character_can_be_a_slip_but_the_particles_are_not_looked_at():
    # 也 and 说 stand alone everywhere, yet 毕也 and 说士 are slips (session 13); 的/地/了/着 are
    # never taken for a slip's written character (typos.particle's and a recorded variant's)
    assert findings("今年高校毕也生人数再创新高。") == [("毕也", "毕业")]
    assert findings("他在国外读完了说士学位。") == [("说士", "硕士")]
    assert near_word.function_characters() & near_word.SKIPPED_PARTICLES == frozenset("的地了着")
