"""A broken rule file stops the run with exit 2 and one line naming file, line, rule and fault."""
import textwrap

import pytest

from lint.rulepack import RuleFileError, load_packs
from tests.conftest import err, run_cli

GOOD_RULE = """\
pack: house
rules:
  - id: banned
    kind: existence
    level: warning
    message: 不要用“{match}”
    tokens: [某某]
"""


def write(tmp_path, text, name="house.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.mark.parametrize("text, line, fault", [
    ("pack: house\nrules:\n  - id: banned\n    kind: [existence\n", 5, "YAML error"),
    (GOOD_RULE.replace("existence", "existance"), 4, "unknown kind 'existance'"),
    (GOOD_RULE + "    colour: red\n", 8, "unknown field 'colour'"),
    (GOOD_RULE.replace("    message: 不要用“{match}”\n", ""), 3, "missing required field 'message'"),
    (GOOD_RULE.replace("level: warning", "level: loud"), 5, "field 'level' must be one of"),
    (GOOD_RULE.replace("tokens: [某某]", "tokens: 3"), 7, "field 'tokens' must be a list"),
    (GOOD_RULE.replace("tokens: [某某]", "patterns: ['(unclosed']"), 7, "invalid regular expression"),
    (GOOD_RULE + GOOD_RULE.split("rules:\n")[1], 8, "duplicate rule id 'house.banned'"),
    ("pack: house\nrules:\n  - !!python/object/apply:os.system ['echo owned']\n", 3, "YAML error"),
])
def test_broken_rule_file(tmp_path, text, line, fault):
    path = write(tmp_path, text)
    with pytest.raises(RuleFileError) as caught:
        load_packs([path])
    message = str(caught.value)
    assert message.startswith(f"{path}:{line}:"), message
    assert fault in message

    result = run_cli("check", "--rules", path, "examples/clean.txt")
    assert result.returncode == 2
    assert fault in err(result) and str(path) in err(result)
    assert len(err(result).strip().splitlines()) == 1


def test_error_names_the_rule(tmp_path):
    path = write(tmp_path, GOOD_RULE.replace("level: warning", "level: loud"))
    with pytest.raises(RuleFileError, match=r"rule 'house.banned'"):
        load_packs([path])


def test_duplicate_id_across_packs_names_both_files(tmp_path):
    first = write(tmp_path, GOOD_RULE, "a.yaml")
    write(tmp_path, GOOD_RULE, "b.yaml")
    with pytest.raises(RuleFileError, match=str(first)):
        load_packs([tmp_path])


def test_users_pack_loads_beside_builtin_ones(tmp_path):
    path = write(tmp_path, GOOD_RULE)
    result = run_cli("check", "--rules", path, "-", input="标题\n某某说了一句话。\n")
    assert "house.banned" in result.stdout.decode()


def test_malicious_tag_never_runs(tmp_path):
    marker = tmp_path / "owned"
    path = write(tmp_path, f"pack: house\nrules: !!python/object/apply:os.system ['touch {marker}']\n")
    with pytest.raises(RuleFileError, match="YAML error"):
        load_packs([path])
    assert not marker.exists()


def test_parsed_packs_are_cached_as_json_and_a_broken_cache_is_ignored(tmp_path, monkeypatch):
    from lint import cache

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    path = write(tmp_path, GOOD_RULE)
    first = load_packs([path])
    entries = list((tmp_path / "cache").glob("pack-*.json"))
    assert len(entries) == 1
    assert [r.id for r in load_packs([path])] == [r.id for r in first]
    entries[0].write_text("{not json", encoding="utf-8")  # a damaged entry: parse the YAML again
    assert [r.id for r in load_packs([path])] == ["house.banned"]
    # an edited rule file is a new key, never a stale answer
    path.write_text(GOOD_RULE.replace("某某", "某甲"), encoding="utf-8")
    assert load_packs([path])[0].literals() == ["某甲"]
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", "")
    assert cache.cache_dir() is None
    assert [r.id for r in load_packs([path])] == ["house.banned"]


def test_only_packs_that_loaded_cleanly_are_cached(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    path = write(tmp_path, GOOD_RULE.replace("tokens: [某某]", "patterns: ['(unclosed']"))
    for _ in range(2):  # the second load must not trust anything from the first
        with pytest.raises(RuleFileError, match="invalid regular expression"):
            load_packs([path])
    assert not list((tmp_path / "cache").glob("pack-*.json"))
