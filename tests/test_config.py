"""Configuration: presets and extends, rule options, per-path overrides, errors with lines."""
import json

import pytest
from tests.conftest import err, out, run_cli

from lint.cli import STARTER_CONFIG
from lint.config import ConfigError, load_config
from lint.linter import Linter
from lint.readers import read_document
from lint.rulepack import builtin_rules_dir, load_packs
from lint.suppress import unused_suppression_rule

RULES = load_packs([builtin_rules_dir()]) + [unused_suppression_rule()]
LONG_HEADLINE = "市里今天上午召开新闻发布会介绍全市三十五个老旧小区改造的最新进展"  # 32 characters
ARTICLE = f"{LONG_HEADLINE}\n（记者 王平）居民们搬回了新家。\n责任编辑：李安\n"


def write(folder, text, name=".newslint.yml"):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


class Project:
    """A linter of a configured project, seen from one file's settings (`for_path`)."""

    def __init__(self, linter):
        self.linter, self.config = linter, linter.config
        self.default = self.for_path(None)

    def for_path(self, settings_path):
        return Scoped(self.linter, settings_path)


class Scoped:
    def __init__(self, linter, settings_path):
        self.linter, self.settings = linter, linter.settings_for(settings_path)

    def lint_text(self, text, path):
        return self.linter.lint_document(read_document(text, path), self.settings)[0]

    def rule(self, rule_id):
        return next(r for r in self.linter.engine(self.settings).rules if r.id == rule_id)


def linters(folder, text, name=".newslint.yml", select=None, ignore=None):
    return Project(Linter(rules=RULES, config=load_config(write(folder, text, name)), select=select, ignore=ignore))


def found(linter, text=ARTICLE, path="a.txt"):
    return [(f.rule, f.level) for f in linter.lint_text(text, path)]


def config_error(folder, text, name=".newslint.yml"):
    with pytest.raises(ConfigError) as caught:
        linters(folder, text, name)
    return str(caught.value)


def test_rule_options_are_validated_against_the_kind_and_rebuild_the_rule(tmp_path):
    assert found(linters(tmp_path, "rules: {}\n").default) == [("headline.length", "info")]
    short = linters(tmp_path, "rules:\n  headline.length: {level: warning, max: 20}\n").default
    assert found(short) == [("headline.length", "warning")]
    assert short.rule("headline.length").max == 20
    assert "标题共32字，超过20字" in short.lint_text(ARTICLE, "a.txt")[0].message


def test_bad_rule_options_name_the_file_and_line(tmp_path):
    message = config_error(tmp_path, "rules:\n  typos: warning\n  headline.length:\n    max: ten\n")
    assert message.startswith(f"{tmp_path / '.newslint.yml'}:4:") and "'max'" in message
    message = config_error(tmp_path, "rules:\n  headline.length:\n    maximum: 40\n")
    assert ":3:" in message and "no option 'maximum'" in message
    message = config_error(tmp_path, "rules:\n  typos: on\n  typo.idiom: off\n")
    assert ":3:" in message and "unknown rule or pack 'typo.idiom'" in message
    message = config_error(tmp_path, "rules:\n  headline: {max: 3}\n")
    assert ":2:" in message and "pack 'headline'" in message


def test_byline_require_chooses_the_presence_checks(tmp_path):
    article = f"{LONG_HEADLINE[:10]}\n居民们搬回了新家。\n"
    editor_only = linters(tmp_path, "rules:\n  byline: {require: [editor]}\n").default
    assert found(editor_only, article) == [("byline.missing-editor", "warning")]
    both = linters(tmp_path, "rules:\n  byline: {require: [author, editor]}\n").default
    assert [rule for rule, _ in found(both, article)] == ["byline.missing-author", "byline.missing-editor"]
    message = config_error(tmp_path, "rules:\n  byline:\n    require: [photographer]\n")
    assert ":3:" in message and "no presence check for 'photographer'" in message


def test_presets_ship_in_the_package_and_can_be_extended(tmp_path):
    strict = load_config(write(tmp_path, "extends: strict\n"))
    assert strict.fail_level == "info" and strict.rules["typos"] == "on"
    relaxed = linters(tmp_path, "extends: relaxed\n")
    assert relaxed.config.fail_level == "error"
    article = f"{LONG_HEADLINE[:10]}\n居民们搬回了新家。\n"
    assert {level for _, level in found(relaxed.default, article)} == {"info"}
    message = config_error(tmp_path, "rules: {}\nextends: [loose]\n")
    assert ":2:" in message and "unknown preset 'loose'" in message and "relaxed" in message


def test_child_settings_win_over_what_they_extend(tmp_path):
    write(tmp_path, "rules:\n  headline: off\n  typos: warning\nexclude: [old/**]\nfail_level: error\n", "base.yml")
    config = load_config(write(tmp_path, "extends: base.yml\nrules:\n  typos: info\nexclude: [drafts/**]\n"))
    assert config.rules == {"headline": "off", "typos": "info"}
    assert config.exclude == ["old/**", "drafts/**"] and config.fail_level == "error"
    write(tmp_path, "extends: .newslint.yml\n", "base.yml")
    assert "loops back" in config_error(tmp_path, "extends: base.yml\n")


def test_a_rule_id_beats_its_pack_and_overrides_beat_the_top_level(tmp_path):
    config = (
        "rules:\n  headline: off\n  headline.length: warning\n"
        "overrides:\n"
        "  - files: \"news/**\"\n    rules:\n      headline.length: {level: error, max: 40}\n"
        "  - files: [\"*.md\"]\n    rules: {headline.length: off}\n"
    )
    sets = linters(tmp_path, config)
    assert found(sets.for_path(str(tmp_path / "a.txt"))) == [("headline.length", "warning")]
    assert found(sets.for_path(str(tmp_path / "news" / "a.txt"))) == []  # max 40 there
    news = sets.for_path(str(tmp_path / "news" / "b.txt"))
    assert found(news, "市" * 41 + "\n（记者 王平）\n责任编辑：李安\n") == [("headline.length", "error")]
    assert found(sets.for_path(str(tmp_path / "news" / "c.md")), "# " + "市" * 41 + "\n\n（记者 王平）\n\n责任编辑：李安\n",
                 str(tmp_path / "news" / "c.md")) == []
    assert sets.for_path(str(tmp_path / "x.txt")).settings is sets.for_path(str(tmp_path / "y.txt")).settings


# --- layering: shipped < top level < matching overrides; select/ignore choose, never set levels ---
CREDITED = "老城区改造首批居民回迁\n（记者 王平）大家再接再励，防止肌肉松驰。\n责任编辑：李安\n"  # typos.idiom, typos.word


def by_folder(sets, folder):
    """Findings of CREDITED outside `wire/` and inside it."""
    return (found(sets.for_path(str(folder / "a.txt")), CREDITED),
            found(sets.for_path(str(folder / "wire" / "a.txt")), CREDITED))


def test_top_level_levels_still_apply_inside_an_override(tmp_path):
    config = "rules: {typos: warning}\noverrides:\n  - files: \"wire/**\"\n    rules: {typos.word: info}\n"
    for select in (None, ["typos"], ["typos.idiom", "typos.word"]):
        outside, wire = by_folder(linters(tmp_path, config, select=select), tmp_path)
        assert outside == [("typos.idiom", "warning"), ("typos.word", "warning")]
        assert wire == [("typos.idiom", "warning"), ("typos.word", "info")]


def test_override_off_beats_select_and_the_rest_keeps_top_level_levels(tmp_path):
    config = "rules: {typos: warning}\noverrides:\n  - files: \"wire/**\"\n    rules: {typos.idiom: off}\n"
    outside, wire = by_folder(linters(tmp_path, config, select=["typos"]), tmp_path)
    assert outside == [("typos.idiom", "warning"), ("typos.word", "warning")]
    assert wire == [("typos.word", "warning")]
    # the pack turned off in an override beats a selection of one of its rules by id, and the reverse
    pack_off = "overrides:\n  - files: \"wire/**\"\n    rules: {typos: off}\n"
    outside, wire = by_folder(linters(tmp_path, pack_off, select=["typos.idiom"]), tmp_path)
    assert (outside, wire) == ([("typos.idiom", "error")], [])
    outside, wire = by_folder(linters(tmp_path, config.replace("typos.idiom: off", "typos: off"), select=["ALL"]), tmp_path)
    assert [rule for rule, _ in outside] == ["typos.idiom", "typos.word"] and wire == []


def test_a_later_override_can_turn_back_on_what_an_earlier_one_turned_off(tmp_path):
    config = ("overrides:\n  - files: \"wire/**\"\n    rules: {typos: off}\n"
              "  - files: \"wire/own/**\"\n    rules: {typos.word: info}\n")
    sets = linters(tmp_path, config, select=["typos"])
    assert found(sets.for_path(str(tmp_path / "wire" / "a.txt")), CREDITED) == []
    assert found(sets.for_path(str(tmp_path / "wire" / "own" / "a.txt")), CREDITED) == [("typos.word", "info")]


def test_command_line_select_beats_top_level_off_but_not_its_level(tmp_path):
    config = "rules:\n  typos: info\n  typos.idiom: off\n"
    assert found(linters(tmp_path, config).default, CREDITED) == [("typos.word", "info")]
    assert found(linters(tmp_path, config, select=["typos.idiom"]).default, CREDITED) == [("typos.idiom", "info")]
    assert found(linters(tmp_path, config, select=["typos"]).default, CREDITED) == [("typos.idiom", "info"), ("typos.word", "info")]


def test_select_in_the_config_file_does_not_beat_off_in_the_same_file(tmp_path):
    config = "select: [typos]\nrules: {typos.idiom: off}\n"
    assert found(linters(tmp_path, config).default, CREDITED) == [("typos.word", "error")]
    assert found(linters(tmp_path, config, select=["typos"]).default, CREDITED) == [("typos.idiom", "error"), ("typos.word", "error")]


def test_ignore_wins_and_overrides_never_add_rules_outside_the_selection(tmp_path):
    config = ("overrides:\n  - files: \"wire/**\"\n    rules: {typos.idiom: error, byline: on}\n")
    sets = linters(tmp_path, config, select=["typos"], ignore=["typos.idiom"])
    assert by_folder(sets, tmp_path) == ([("typos.word", "error")], [("typos.word", "error")])
    sets = linters(tmp_path, "ignore: [typos.word]\n" + config)
    outside, wire = by_folder(sets, tmp_path)
    assert outside == [("typos.idiom", "error")]
    assert "typos.word" not in [rule for rule, _ in wire] and ("byline.missing-source", "warning") in wire


def test_an_override_of_a_pack_replaces_the_top_level_setting_of_its_rules(tmp_path):
    config = ("rules:\n  typos: off\n  typos.word: info\n"
              "overrides:\n  - files: \"wire/**\"\n    rules: {typos: warning}\n")
    outside, wire = by_folder(linters(tmp_path, config), tmp_path)
    assert outside == [("typos.word", "info")]
    assert wire == [("typos.idiom", "warning"), ("typos.word", "warning")]
    # within one mapping the rule id still beats its pack
    inner = "overrides:\n  - files: \"wire/**\"\n    rules: {typos: warning, typos.word: off}\n"
    assert by_folder(linters(tmp_path, inner), tmp_path)[1] == [("typos.idiom", "warning")]


def test_a_pack_level_does_not_turn_on_its_off_by_default_rules(tmp_path):
    bare = "老城区改造首批居民回迁\n居民们搬回了新家。\n"
    optional = {"byline.missing-source", "byline.missing-reviewer"}
    assert found(linters(tmp_path, "rules: {byline: info}\n").default, bare) == [
        ("byline.missing-author", "info"), ("byline.missing-editor", "info")]
    assert {rule for rule, _ in found(linters(tmp_path, "rules: {byline: on}\n").default, bare)} >= optional
    one = found(linters(tmp_path, "rules:\n  byline: info\n  byline.missing-source: on\n").default, bare)
    assert ("byline.missing-source", "info") in one and "byline.missing-reviewer" not in dict(one)
    relaxed = {rule for rule, _ in found(linters(tmp_path, "extends: relaxed\n").default, bare)}
    assert relaxed == {"byline.missing-author", "byline.missing-editor"}


def test_require_in_an_override_replaces_the_top_level_presence_settings(tmp_path):
    bare = "老城区改造首批居民回迁\n居民们搬回了新家。\n"
    config = ("rules:\n  byline.missing-author: off\n  byline.missing-reviewer: error\n"
              "overrides:\n  - files: \"wire/**\"\n    rules: {byline: {require: [source]}}\n")
    sets = linters(tmp_path, config)
    assert found(sets.for_path(str(tmp_path / "a.txt")), bare) == [
        ("byline.missing-editor", "warning"), ("byline.missing-reviewer", "error")]
    assert found(sets.for_path(str(tmp_path / "wire" / "a.txt")), bare) == [("byline.missing-source", "warning")]


def test_unknown_names_in_config_select_and_ignore_are_errors_with_their_line(tmp_path):
    message = config_error(tmp_path, "rules: {}\nignore: [typo.idiom]\n")
    assert ":2:" in message and "'ignore'" in message and "typo.idiom" in message
    assert ":1:" in config_error(tmp_path, "select: [typos, headlines]\n")


def test_cli_override_off_beats_select_per_file(tmp_path):
    write(tmp_path, "rules: {typos: warning}\noverrides:\n  - files: \"wire/**\"\n    rules: {typos.idiom: off}\n")
    (tmp_path / "wire").mkdir()
    for name in ("a.txt", "wire/b.txt"):
        (tmp_path / name).write_text(CREDITED, encoding="utf-8")
    report = json.loads(out(run_cli("check", ".", "--select", "typos", "--format", "json", cwd=tmp_path)))
    by_path = {f["path"]: [(x["rule"], x["level"]) for x in f["findings"]] for f in report["files"]}
    assert by_path == {"a.txt": [("typos.idiom", "warning"), ("typos.word", "warning")],
                       "wire/b.txt": [("typos.word", "warning")]}


def test_a_bad_override_is_reported_before_linting_with_its_line(tmp_path):
    message = config_error(tmp_path, "overrides:\n  - files: \"news/**\"\n    rules:\n      headline.length: {max: -1}\n")
    assert ":4:" in message and "headline.length" in message
    message = config_error(tmp_path, "overrides:\n  - rules: {typos: off}\n")
    assert ":2:" in message and "'files'" in message


def test_pyproject_table_is_read_and_named_in_errors(tmp_path):
    write(tmp_path, '[project]\nname = "x"\n\n[tool.newslint]\nrules = { headline = "off", "typos.idiom" = "loud" }\n',
          "pyproject.toml")
    result = run_cli("check", "-", cwd=tmp_path, input="标题\n")
    assert result.returncode == 2
    assert "pyproject.toml:5:" in err(result) and "typos.idiom" in err(result)


def test_cli_uses_overrides_per_file_and_select_beats_config(tmp_path):
    write(tmp_path, "rules:\n  byline: off\n  headline: off\noverrides:\n  - files: \"archive/**\"\n    rules: {typos: off}\n")
    (tmp_path / "archive").mkdir()
    for name in ("a.txt", "archive/b.txt"):
        (tmp_path / name).write_text("标题\n再接再励。\n", encoding="utf-8")
    report = json.loads(out(run_cli("check", ".", "--format", "json", cwd=tmp_path)))
    by_path = {f["path"]: [x["rule"] for x in f["findings"]] for f in report["files"]}
    assert by_path["archive/b.txt"] == []
    assert by_path["a.txt"] and all(rule.startswith("typos.") for rule in by_path["a.txt"])
    selected = json.loads(out(run_cli("check", "a.txt", "--select", "headline", "--format", "json", cwd=tmp_path)))
    assert selected["files"][0]["findings"] == []


def test_stdin_filename_picks_the_overrides(tmp_path):
    write(tmp_path, "rules: {byline: off, headline: off}\noverrides:\n  - files: \"news/*\"\n    rules: {typos: off}\n")
    as_news = run_cli("check", "-", "--stdin-filename", "news/a.txt", cwd=tmp_path, input="标题\n再接再励。\n")
    elsewhere = run_cli("check", "-", "--stdin-filename", "a.txt", cwd=tmp_path, input="标题\n再接再励。\n")
    assert (as_news.returncode, elsewhere.returncode) == (0, 1)


def test_config_error_exits_2_naming_file_and_line(tmp_path):
    write(tmp_path, "rules:\n  headline.length:\n    max: many\n")
    result = run_cli("check", "-", cwd=tmp_path, input="标题\n")
    assert result.returncode == 2
    assert ".newslint.yml:3:" in err(result)


def test_starter_config_passes_validation_with_its_examples_uncommented(tmp_path):
    assert load_config(write(tmp_path, STARTER_CONFIG)).fail_level == "warning"
    Linter(rules=RULES, config=load_config(tmp_path / ".newslint.yml"))
    uncommented = "\n".join(
        line.replace("# ", "", 1) if line.startswith(("  # ", "  #   ")) else line
        for line in STARTER_CONFIG.splitlines()
    )
    sets = Project(Linter(rules=RULES, config=load_config(write(tmp_path, uncommented))))
    assert sets.config.rules["headline"] == "off" and len(sets.config.overrides) == 1

    folder = tmp_path / "fresh"
    folder.mkdir()
    assert run_cli("init", cwd=folder).returncode == 0
    assert (folder / ".newslint.yml").read_text(encoding="utf-8") == STARTER_CONFIG


def test_the_readme_configuration_example_is_valid(tmp_path):
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Configuration"):]
    example = section[section.index("```yaml\n") + 8:section.index("```\n", section.index("```yaml\n") + 8)]
    (tmp_path / "house-rules").mkdir()
    sets = linters(tmp_path, example)
    assert sets.config.rules["typos"] == "warning" and sets.config.fail_level == "warning"
    assert found(sets.for_path(str(tmp_path / "wire" / "a.txt")), "标题\n正文。\n") == []


def test_script_target_is_a_rule_option(tmp_path):
    script = next(rule.id for rule in RULES if rule.KIND == "script" and rule.enabled)
    article = "标题\n這是繁體字的句子。\n"
    simplified = linters(tmp_path, "rules: {headline: off, byline: off}\n").default
    traditional = linters(tmp_path, f"rules:\n  headline: off\n  byline: off\n  {script}: {{target: zh-Hant}}\n").default
    assert [f.text for f in simplified.lint_text(article, "a.txt") if f.rule == script] == ["這", "體"]
    assert [f.text for f in traditional.lint_text(article, "a.txt") if f.rule == script] == ["标题"]
    message = config_error(tmp_path, f"rules:\n  {script}:\n    target: zh-Latn\n")
    assert ":3:" in message and "target" in message


def test_selecting_a_pack_takes_the_rules_the_configuration_turned_on(tmp_path):
    """`--select byline` runs the pack's rules that are on: by default, or turned on by the
    configuration (here the off-by-default source check); without the configuration it stays off."""
    assert found(linters(tmp_path, "rules: {}\n", select=["byline"]).default, CREDITED) == []
    config = "rules: {byline.missing-source: on}\n"
    assert found(linters(tmp_path, config, select=["byline"]).default, CREDITED) == [("byline.missing-source", "warning")]
    required = "overrides:\n  - files: \"wire/**\"\n    rules: {byline: {require: [source]}}\n"
    outside, wire = by_folder(linters(tmp_path, required, select=["byline"]), tmp_path)
    assert outside == [] and [rule for rule, _ in wire] == ["byline.missing-source"]
