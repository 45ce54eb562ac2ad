"""Every built-in rule carries bad and good examples, and they hold."""
import pytest

from lint.rule_selftest import check_rule_examples
from lint.rulepack import builtin_rules_dir, load_packs

BUILTIN = load_packs([builtin_rules_dir()])


@pytest.mark.parametrize("rule", BUILTIN, ids=lambda r: r.id)
def test_examples_hold(rule):
    assert rule.examples.get("bad"), f"{rule.id} has no bad examples"
    assert rule.examples.get("good"), f"{rule.id} has no good examples"
    failures = check_rule_examples(rule)
    assert not failures, "\n".join(map(str, failures))


@pytest.mark.parametrize("rule", BUILTIN, ids=lambda r: r.id)
def test_messages_and_descriptions_are_chinese(rule):
    assert any("\u4e00" <= ch <= "\u9fff" for ch in rule.message)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in rule.description)


def test_builtin_packs_are_the_four_of_the_design():
    packs = {rule.pack for rule in BUILTIN}
    assert {"typos", "punctuation", "headline", "byline"} <= packs


def test_typos_pack_has_at_least_100_entries():
    entries = sum(len(rule.wrong) for rule in BUILTIN if rule.pack == "typos" and rule.KIND == "substitution")
    assert entries >= 100
