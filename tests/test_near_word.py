"""typos.word-near (the near_word kind): variants of frequent words, the project's own right
forms and confusion pairs, neighbours that make a word boundary, and the unsafe fix."""
import pytest

from lint.kinds import near_word
from lint.kinds.near_word import NearWord, load_variants, pair_variants
from lint.linter import Linter
from lint.rulepack import load_packs
from tests.conftest import ROOT

RULE = "typos.word-near"


def rule(**options):
    spec = {"id": "w", "kind": "near_word", "level": "warning", "message": "“{match}”疑为“{replacement}”之误（{pair} {kind}）"}
    return NearWord({**spec, **options}, "t")


def findings(text, linter=None):
    linter = linter or Linter(select=[RULE])
    return [(f.text, f.replacements[0]) for f in linter.lint_text(text) if f.rule == RULE]


def a_variant():
    """A shipped variant whose neighbours in the test sentence are not its own absorbers."""
    for variant, (right, kind, left, after) in load_variants().items():
        if len(variant) == 2 and "。" not in after and "，" not in left and kind == "同音":
            return variant, right, kind
    raise AssertionError("no variant")


def test_the_data_file_is_well_formed():
    table = load_variants()
    assert 5_000 <= len(table) <= 20_000  # every variant is a literal of the shared automaton
    for variant, (right, kind, left, after) in table.items():
        assert len(variant) == len(right) and variant != right
        assert sum(a != b for a, b in zip(variant, right)) == 1
        assert kind in ("同音", "音近", "近音")


def test_a_variant_is_reported_with_its_right_form_and_why():
    variant, right, kind = a_variant()
    linter = Linter(select=[RULE])
    found = linter.lint_text(f"文章里写着，{variant}。")
    ours = [f for f in found if f.rule == RULE]
    assert [(f.text, f.replacements) for f in ours] == [(variant, [right])]
    i = next(i for i, (a, b) in enumerate(zip(variant, right)) if a != b)
    assert ours[0].message == f"“{variant}”疑为“{right}”之误（{variant[i]}/{right[i]} {kind}）"
    assert ours[0].level == "warning"


def test_the_fix_is_a_suggestion_never_applied_by_plain_fix():
    variant, right, _ = a_variant()
    linter = Linter(select=[RULE])
    text = f"文章里写着，{variant}。"
    found = [f for f in linter.lint_text(text) if f.rule == RULE]
    assert found and not any(f.fixable for f in found)
    assert linter.fix_text(text)[0] == text


def test_a_neighbour_that_makes_a_word_silences_the_variant():
    for variant, (right, kind, left, after) in load_variants().items():
        if left and len(variant) == 2:
            break
    r = rule()
    r.literals()
    assert findings(f"文章里写着，{variant}。") == [(variant, right)]
    assert findings(f"文章里写着{left[0]}{variant}。") == []


def test_a_variant_right_after_a_surname_is_taken_for_a_name():
    variant, right, _ = a_variant()
    assert findings(f"文章里写着，{variant}。") == [(variant, right)]
    assert findings(f"文章里写着王{variant}。") == []


def test_the_projects_own_right_forms_are_never_corrected(tmp_path):
    variant, right, _ = a_variant()
    (tmp_path / "house.yaml").write_text(
        "pack: house\nrules:\n  - id: near\n    kind: near_word\n    level: warning\n"
        "    message: “{match}”疑为“{replacement}”之误\n"
        f"    words: [{variant}牌]\n", encoding="utf-8")
    rules = load_packs([tmp_path])
    linter = Linter(rules=rules, select=["house.near"])
    assert [f.text for f in linter.lint_text(f"文章里写着，{variant}。")] == [variant]
    assert linter.lint_text(f"文章里写着，{variant}牌。") == []
    mine = rule(words=[variant])
    mine.literals()
    assert variant not in mine._variants  # listed as a right form: no longer a variant


def test_a_projects_confusion_pair_makes_variants_of_frequent_words():
    words = {"镀铬": 200, "铬合金": 150, "格子": 900, "合格": 5000}
    made = pair_variants({"格": "铬"}, words)
    assert made == {"镀格": ("镀铬", "易混", "", ""), "格合金": ("铬合金", "易混", "", "")}
    # a variant that is itself a word is never made
    assert pair_variants({"合": "铬"}, {"铬合金": 150, "合合金": 3}) == {}


def test_pairs_option_through_a_rule(monkeypatch, tmp_path):
    (tmp_path / "words.txt").write_text("# test list\n镀铬 300\n格子 900\n", encoding="utf-8")
    monkeypatch.setattr(near_word, "DATA_DIR", tmp_path)
    (tmp_path / "word_near.tsv").write_text("# empty\n", encoding="utf-8")
    r = rule(pairs={"格": "铬"})
    assert "镀格" in r.literals()
    (tmp_path / "house.yaml").write_text(
        "pack: house\nrules:\n  - id: near\n    kind: near_word\n    level: warning\n"
        "    message: “{match}”疑为“{replacement}”之误（{pair} {kind}）\n"
        "    pairs: {格: 铬}\n", encoding="utf-8")
    linter = Linter(rules=load_packs([tmp_path]), select=["house.near"])
    found = linter.lint_text("车把手是镀格的。")
    assert [(f.text, f.replacements, f.message) for f in found] == [("镀格", ["镀铬"], "“镀格”疑为“镀铬”之误（格/铬 易混）")]


@pytest.mark.parametrize("pairs", [{"格格": "铬"}, {"格": "格"}])
def test_bad_pairs_are_refused(pairs):
    with pytest.raises(ValueError):
        rule(pairs=pairs)


def test_nothing_is_read_until_an_engine_uses_the_rule(monkeypatch):
    monkeypatch.setattr(near_word, "_cache", {})
    r = rule()
    assert near_word._cache == {}
    r.literals()
    assert list(near_word._cache) == [str(near_word.DATA_DIR / near_word.VARIANTS_FILE)]


def test_the_rule_is_off_by_default():
    assert RULE not in {r.id for r in Linter().rules}
    assert (ROOT / "lint" / "data" / "word_near.tsv").is_file()
