"""Rule selection has one home (lint.settings) and one engine per rule set."""
import textwrap

from lint import default_linter, lint_text
from lint.config import Config, Override
from lint.linter import Linter
from lint.rulepack import parse_pack
from lint.settings import Selection, resolve

RULES = parse_pack(textwrap.dedent("""
    rules:
      - {id: a, kind: existence, level: warning, message: "a", tokens: [甲]}
      - {id: b, kind: existence, level: info, message: "b", tokens: [乙], enabled: false}
"""), "test.yaml")


def test_resolve_is_pure_and_layers_as_documented():
    config = Config(rules={"test": "error"}, overrides=[Override(files=["wire/*"], rules={"test.a": "off"})])
    top = resolve(RULES, config, Selection(), ())
    assert top.enabled == {"test.a"} and top.level_map() == {"test.a": "error"}
    assert resolve(RULES, config, Selection(), ()) == top
    wire = resolve(RULES, config, Selection(), (0,))
    assert wire.enabled == set()
    # --select beats `off` at the top level, not `off` in a matching override
    off_at_top = Config(rules={"test.a": "off"})
    assert resolve(RULES, off_at_top, Selection.of(["test.a"]), ()).enabled == {"test.a"}
    assert resolve(RULES, config, Selection.of(["test.a"]), (0,)).enabled == set()
    # the configuration's own select does not beat its own `off`
    own = Config(rules={"test.a": "off"}, select=["test"])
    assert resolve(RULES, own, Selection(), ()).enabled == set()
    assert resolve(RULES, Config(), Selection.of(["test.b"]), ()).enabled == {"test.b"}
    assert resolve(RULES, Config(), Selection.of(["ALL"], ["test.a"]), ()).enabled == set()


def test_one_engine_serves_every_selection():
    linter = Linter(rules=RULES)
    engine = linter.engine(linter.settings_for(None))
    assert [f.rule for f in linter.lint_text("标题\n甲乙", select=["test.a"])] == ["test.a"]
    assert [f.rule for f in linter.lint_text("标题\n甲乙")] == ["test.a"]
    assert linter.engine(linter.settings_for(None, select=["test.a"])) is engine
    # a rule no settings asked for is not in the engine; asking for it adds it once
    assert "test.b" not in engine.ids
    assert [f.rule for f in linter.lint_text("标题\n甲乙", select=["test"])] == ["test.a"]
    assert [f.rule for f in linter.lint_text("标题\n甲乙", select=["test.b"])] == ["test.b"]
    grown = linter.engine(linter.settings_for(None))
    assert grown.ids == {"test.a", "test.b"}
    assert linter.engine(linter.settings_for(None, select=["test.a"])) is grown


def test_library_selection_does_not_rebuild_the_shared_engine():
    lint_text("标题\n再接再励。")
    engines = dict(default_linter()._engines)
    assert [f.rule for f in lint_text("标题\n再接再励。", select=["typos"])] == ["typos.idiom"]
    assert lint_text("标题\n再接再励。", select=["punctuation"]) == []
    assert default_linter()._engines == engines


def test_options_rebuild_the_rule_from_its_spec_and_keep_what_the_loader_set():
    rule = next(r for r in default_linter().all_rules if r.id == "headline.length")
    assert rule.trusted
    config = Config(options={"headline.length": {"max": 12}})
    linter = Linter(config=config)
    rebuilt = linter.rule("headline.length")
    assert rebuilt.max == 12 and rebuilt.trusted and rebuilt.description == rule.description
    assert rebuilt.examples == rule.examples and rebuilt.link == rule.link


def test_overrides_with_options_get_their_own_rule_set_and_others_share_one():
    config = Config(overrides=[Override(files=["short/*"], options={"headline.length": {"max": 5}}),
                               Override(files=["wire/*"], rules={"typos": "off"})])
    linter = Linter(config=config)
    headline = "标题有八个字长了\n正文。\n"
    assert "headline.length" in [f.rule for f in linter.lint_text(headline, "short/a.txt")]
    assert "headline.length" not in [f.rule for f in linter.lint_text(headline, "a.txt")]
    assert "headline.length" not in [f.rule for f in linter.lint_text(headline, "wire/a.txt")]
    assert len(linter._engines) == 2  # the shipped rule set, and the one with the option
