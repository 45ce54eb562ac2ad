"""Hostile YAML in rule packs and configs (issue 16 items 7 and 12): aliases that expand
without bound, extends that multiply, extends of files outside the project."""
from __future__ import annotations

import pytest

from lint import config as config_module
from lint.config import ConfigError, load_config
from lint.rulepack import RuleFileError, parse_pack


def laughs(levels: int, indent: str = "  ") -> str:
    """Nested anchors, each a list of nine aliases of the one before: 9**levels strings."""
    lines = [indent + 'l0: &l0 ["哈哈", "哈哈", "哈哈", "哈哈", "哈哈", "哈哈", "哈哈", "哈哈", "哈哈"]']
    for level in range(1, levels):
        lines.append(f"{indent}l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_billion_laughs_in_a_pack_is_refused_at_once(tmp_path, monkeypatch):
    """Nine levels took over 60 s and 5.8 GB (the cache writer expanded them); six levels
    (531,441 strings) are enough to be refused, and were loaded before."""
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    for levels in (6, 9):
        source = "pack: house\ndescription:\n" + laughs(levels) + "rules: []\n"
        with pytest.raises(RuleFileError, match=r"house.yaml:\d+: YAML error: aliases expand to .* nodes"):
            parse_pack(source, "house.yaml")
    assert not list((tmp_path / "cache").glob("pack-*.json"))


@pytest.mark.parametrize("source", ["a: &a [*a]\n", "rules: &r {x: *r}\n", "- &s [1, [2, *s]]\n"])
def test_a_recursive_alias_is_refused(source):
    with pytest.raises(RuleFileError, match="alias inside its own anchor"):
        parse_pack(source, "r.yaml")


def test_merge_keys_and_a_few_aliases_still_load():
    source = """\
pack: house
rules:
  - &base {id: one, kind: existence, level: warning, message: m, tokens: [某某]}
  - <<: *base
    id: two
    tokens: &words [某甲, 某乙]
  - {id: three, kind: existence, level: error, message: m, tokens: *words}
"""
    rules = parse_pack(source, "house.yaml")
    assert [(r.id, r.level) for r in rules] == [("house.one", "warning"), ("house.two", "warning"), ("house.three", "error")]


def test_billion_laughs_in_a_config_is_refused(tmp_path):
    path = tmp_path / ".newslint.yml"
    path.write_text(
                    "x-anchors: &x\n" + laughs(6) + "ignore: []\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="aliases expand to"):
        load_config(path)


def test_each_extended_file_is_read_once(tmp_path, monkeypatch):
    """Each level extending the next twice: 2**depth reads (depth 24 hung); now one each."""
    depth = 10
    for level in range(depth):
        (tmp_path / f"c{level}.yml").write_text(f"extends: [c{level + 1}.yml, ./c{level + 1}.yml]\nignore: [r{level}]\n",
                                                encoding="utf-8")
    (tmp_path / f"c{depth}.yml").write_text("ignore: [last]\n", encoding="utf-8")
    reads = []
    real_read = config_module._read
    monkeypatch.setattr(config_module, "_read", lambda path: reads.append(path) or real_read(path))
    loaded = load_config(tmp_path / "c0.yml")
    assert len(reads) == depth + 1
    assert loaded.ignore == ["last", *(f"r{level}" for level in reversed(range(depth)))]


def test_a_loop_through_extends_is_still_an_error(tmp_path):
    (tmp_path / "a.yml").write_text("extends: [b.yml]\n", encoding="utf-8")
    (tmp_path / "b.yml").write_text("extends: [a.yml]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="loops back"):
        load_config(tmp_path / "a.yml")


SECRETS = {
    "unknown key": "aws_secret_access_key: hunter2\n",
    "duplicate key": "aws_secret_access_key: 1\naws_secret_access_key: hunter2\n",
    "bad value": "rules:\n  aws_secret_access_key: hunter2\n",
    "bad list": "ignore: {aws_secret_access_key: hunter2}\n",
    "not yaml": "[default]\naws_secret_access_key = hunter2\n  - : ]\n",
}


@pytest.mark.parametrize("content", SECRETS.values(), ids=SECRETS.keys())
def test_extends_outside_the_project_never_echoes_the_files_content(tmp_path, content):
    outside = tmp_path / "home"
    outside.mkdir()
    (outside / "credentials").write_text(content, encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    (project / "link.yml").symlink_to(outside / "credentials")  # a name inside, a file outside
    for extends in ("../home/credentials", "link.yml"):
        (project / ".newslint.yml").write_text(f"extends: {extends}\n", encoding="utf-8")
        with pytest.raises(ConfigError) as caught:
            load_config(project / ".newslint.yml")
        message = str(caught.value)
        assert "not a valid newslint config" in message and extends.split("/")[-1] in message
        assert "aws" not in message and "hunter2" not in message and "default" not in message


def test_extends_outside_the_project_still_works_and_inside_errors_keep_their_detail(tmp_path):
    shared = tmp_path / "presets"
    shared.mkdir()
    (shared / "house.yml").write_text("ignore: [typos.idiom]\n", encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    (project / ".newslint.yml").write_text("extends: ../presets/house.yml\n", encoding="utf-8")
    assert load_config(project / ".newslint.yml").ignore == ["typos.idiom"]
    (project / "base.yml").write_text("rulez: {}\n", encoding="utf-8")
    (project / ".newslint.yml").write_text("extends: base.yml\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown config key 'rulez'"):
        load_config(project / ".newslint.yml")
