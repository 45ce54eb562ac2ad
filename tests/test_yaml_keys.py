"""A key written twice in one YAML mapping is an error naming the file and the line, in rule
packs and in configs (PyYAML alone silently keeps the last value)."""
import textwrap

import pytest

from lint.config import ConfigError, load_config
from lint.rulepack import RuleFileError, load_packs
from lint.yamlsafe import SafeLoader, yaml
from tests.conftest import err, run_cli

PACK = """\
pack: house
rules:
  - id: words
    kind: substitution
    level: warning
    message: 应为“{replacement}”
    swap:
      按装: 安装
      再接再励: 再接再厉
      按装: 安放
"""


def load(text):
    return yaml.load(textwrap.dedent(text), Loader=SafeLoader)


@pytest.mark.parametrize("text, line, key", [
    ("a: 1\nb: 2\na: 3\n", 3, "'a'"),
    ("{a: 1, b: 2, a: 3}\n", 1, "'a'"),
    ("outer:\n  - inner:\n      x: 1\n      x: 1\n", 4, "'x'"),  # same value: still an error
    ("1: one\n0x1: also one\n", 2, "1"),  # compared as constructed
    ("? 甲\n: 乙\n甲: 丙\n", 3, "'甲'"),
])
def test_a_duplicate_key_names_its_line_and_the_first_one(text, line, key):
    with pytest.raises(yaml.constructor.ConstructorError) as caught:
        load(text)
    assert caught.value.problem_mark.line + 1 == line
    assert caught.value.problem.startswith(f"found duplicate key {key} (first on line ")


def test_what_is_not_a_duplicate_loads_as_pyyaml_loads_it():
    for text in [
        "a: 1\nb: {a: 2}\nc: [{a: 3}, {a: 3}]\n",        # the same key in different mappings
        "base: &b {a: 1, c: 3}\nmine:\n  <<: *b\n  a: 2\n",  # a merged key may be overridden
        "base: &b {a: 1}\nmine:\n  a: 2\n  <<: [*b]\n",
        "top:\n  <<: &m\n    <<: {a: 1}\n    a: 2\nagain: *m\n",  # a nested merge, used again
        "", "- 1\n- 1\n", "a: &x 1\nb: *x\n",
    ]:
        assert load(text) == yaml.load(text, Loader=yaml.SafeLoader), text
    with pytest.raises(yaml.constructor.ConstructorError, match="found duplicate key 'a'"):
        load("base: &b {a: 1}\nmine:\n  <<: *b\n  a: 2\n  a: 3\n")  # written twice by hand
    with pytest.raises(yaml.constructor.ConstructorError, match="unhashable"):
        load("? [1]\n: 2\n")


def test_the_same_wrong_form_twice_in_a_swap_stops_the_pack(tmp_path):
    path = tmp_path / "house.yaml"
    path.write_text(PACK, encoding="utf-8")
    for _ in range(2):  # never cached: the second load reports it too
        with pytest.raises(RuleFileError) as caught:
            load_packs([path])
        assert str(caught.value) == f"{path}:10: YAML error: found duplicate key '按装' (first on line 8)"
    result = run_cli("check", "--rules", path, "examples/clean.txt")
    assert result.returncode == 2
    assert err(result).strip() == f"newslint: {path}:10: YAML error: found duplicate key '按装' (first on line 8)"


def test_two_ids_in_one_rule_stop_the_pack(tmp_path):
    path = tmp_path / "house.yaml"
    path.write_text(PACK.replace("    kind: substitution\n", "    kind: substitution\n    id: other\n"),
                    encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"house.yaml:5: YAML error: found duplicate key 'id' \(first on line 3\)"):
        load_packs([path])


def test_a_duplicate_key_in_a_config_names_the_file_and_line(tmp_path):
    config = tmp_path / ".newslint.yml"
    config.write_text("rules:\n  headline.length: {max: 30}\n  typos: off\n  headline.length: off\n",
                      encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\.newslint\.yml:4: YAML error: found duplicate key 'headline.length'"):
        load_config(config)
    result = run_cli("check", "-", cwd=tmp_path, input="标题\n")
    assert result.returncode == 2
    assert ".newslint.yml:4: YAML error: found duplicate key 'headline.length' (first on line 2)" in err(result)
