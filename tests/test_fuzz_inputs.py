"""Fuzzing what a user or a hostile repository hands newslint besides articles (issue 16):
configs, baselines, front matter, rule packs with anchors and aliases. Each input is accepted
or refused with the one error type its loader documents, never anything else (a traceback,
a hang, a blow-up). Modest example counts here; tests/fuzz/fuzz_reliability.py runs the same
properties at scale (targets configs, baselines, front-matter)."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from lint import baseline
from lint.config import ConfigError, load_config
from lint.linter import Linter
from lint.readers import read_document
from lint.rulepack import RuleFileError, parse_pack
from tests.strategies import any_text, expected_position

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
LINTER = Linter(select=["ALL"])

# --- YAML pieces: keys a config or front matter has, values of every shape, and the syntax
# that broke loaders (anchors, aliases, merge keys, tags, flow collections, block scalars) ----
_words = st.sampled_from(["typos", "typos.idiom", "ALL", "punctuation", "off", "on", "warning", "error",
                          "info", "loud", "strict", "relaxed", "default", "*.md", "drafts/**", "", "标题", "王某"])
_scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**30), st.floats(allow_nan=True),
                     _words, st.text(max_size=10))
_values = st.recursive(_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.one_of(_words, st.text(max_size=6)), inner, max_size=4)),
    max_leaves=10)
CONFIG_KEYS = ["extends", "rules", "rule_paths", "exclude", "overrides", "select", "ignore", "fail_level",
               "unsafe_fixes", "files", "bogus"]
_fragments = st.sampled_from([
    "&a ", "*a", "<<: *a\n", "!!python/object/apply:os.system ['true']", "!!binary aGk=", "? ", "- ", ": ",
    "{", "}", "[", "]", ",", "'", '"', "\\", "\\\"", "\t", "\n", "  ", "|\n  ", ">\n  ", "%YAML 1.1\n",
    "---\n", "...\n", "# c\n", "\ufeff", "\x00", "\u2028", "见缝插扎", "title: ", "extends: ", "rules: ",
])


def _dumped(data) -> str:
    try:
        return yaml.safe_dump(data, allow_unicode=True)
    except (yaml.YAMLError, ValueError, OverflowError):
        return ""


yaml_texts = st.one_of(
    st.dictionaries(st.sampled_from(CONFIG_KEYS), _values, max_size=5).map(_dumped),
    st.lists(st.one_of(_fragments, st.sampled_from(CONFIG_KEYS).map(lambda k: k + ": "), st.text(max_size=8)),
             max_size=25).map("".join),
    st.text(max_size=120),
)


def check_config(source: str, suffix: str = ".yml") -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / (".newslint" + suffix if suffix != ".toml" else "pyproject.toml")
        path.write_bytes(source.encode("utf-8", "surrogatepass"))
        try:
            config = load_config(path)
            Linter(config=config)  # its rule_paths may name anything: a RuleFileError is clean
        except (ConfigError, RuleFileError) as error:
            message = str(error)
            assert message and "\n" not in message.strip(), message
            assert "Traceback" not in message


def check_baseline(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "baseline.json"
        path.write_bytes(data)
        try:
            table = baseline.load(path)
        except baseline.BaselineError as error:
            assert str(error).startswith(str(path))
            return
        assert all(isinstance(count, int) for count in table.values())


def check_front_matter(front: str, body: str) -> None:
    text = f"---\n{front}\n---\n{body}"
    doc = read_document(text, "x.md")
    assert doc.original == text
    if doc.problems:
        assert doc.problems[0].startswith("line ") and "front matter" in doc.problems[0]
        return
    findings, failures = LINTER.lint_document(doc)
    assert failures == [], failures
    for f in findings:
        assert 0 <= f.offset <= f.offset + f.length <= len(text), f
        assert text[f.offset:f.offset + f.length] == f.text, f
        assert (f.line, f.column) == expected_position(text, f.offset), f
    fixed, _, _ = LINTER.fix_text(text, "x.md")
    assert LINTER.fix_text(fixed, "x.md")[:2] == (fixed, 0)


def check_pack_with_aliases(source: str) -> None:
    try:
        parse_pack(source, "fuzz.yaml")
    except RuleFileError as error:
        assert str(error).startswith("fuzz.yaml")


_json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-10, 10**400), st.floats(), st.text(max_size=8)),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(
        st.sampled_from(["version", "findings", "path", "rule", "fingerprint", "count", "x"]), inner, max_size=5)),
    max_leaves=12)
_entries = st.fixed_dictionaries({
    "path": st.one_of(st.text(max_size=6), _json_values), "rule": st.sampled_from(["typos.idiom", "x"]),
    "fingerprint": st.text(max_size=6),
    "count": st.one_of(st.integers(-2, 10**400), st.floats(), st.text(max_size=3), st.none())})
baselines = st.one_of(
    st.builds(lambda entries: json.dumps({"version": baseline.VERSION, "findings": entries}).encode(),
              st.lists(_entries, max_size=3)),
    st.builds(lambda findings, version: json.dumps({"version": version, "findings": findings}).encode(),
              st.lists(st.dictionaries(st.sampled_from(["path", "rule", "fingerprint", "count"]), _json_values,
                                       max_size=4), max_size=4),
              st.sampled_from([1, 2, "1", None])),
    _json_values.map(lambda v: json.dumps(v).encode()),
    st.lists(st.sampled_from([b"[", b"{", b'"count": 1e400', b'"version": 1', b"]", b"}", b",", b"\xff",
                              b'{"findings": [', b"NaN", b"Infinity", b"-"]), max_size=30).map(b"".join),
    st.binary(max_size=80),
)
titles = st.one_of(
    st.builds(lambda t: "title: " + json.dumps(t, ensure_ascii=False), any_text),
    st.builds(lambda t: "title: " + json.dumps(t), st.text(max_size=30)),  # \\u escapes
    st.builds(lambda style, lines: f"title: {style}\n" + "".join("  " + line + "\n" for line in lines),
              st.sampled_from([">", "|", ">-", "|+", ">2"]), st.lists(st.text(alphabet="见缝插扎题 ，,\"'\\", max_size=8),
                                                                      max_size=3)),
    st.builds(lambda t: "title: '" + t.replace("'", "''") + "'", st.text(max_size=20)),
)
front_matters = st.one_of(
    st.lists(st.one_of(titles, yaml_texts, st.sampled_from(["author: 王某", "作者:", "editor: [a, b]",
                                                            "description: >\n  摘要", "date: 2024-01-01"])),
             max_size=4).map("\n".join),
    yaml_texts,
)


@SETTINGS
@given(yaml_texts, st.sampled_from([".yml", ".toml"]))
@example("rules:\n  typos: []\n", ".yml")  # found by the fuzz run: TypeError (unhashable list)
@example("rules:\n  typos: {level: [x]}\n", ".yml")
@example("[tool.newslint]\nrules = {typos = []}\n", ".toml")
@example('select: ["a\\nb"]\n', ".yml")  # found by the fuzz run: a line break in a name broke the line
@example('extends: "a\\nb"\n', ".yml")
@example('rule_paths: ["a\\nb"]\n', ".yml")
def test_any_config_loads_or_is_one_clean_error(source, suffix):
    check_config(source, suffix)


@SETTINGS
@given(baselines)
def test_any_baseline_loads_or_is_one_clean_error(data):
    check_baseline(data)


@SETTINGS
@given(front_matters, any_text)
def test_any_front_matter_is_read_or_refused_and_findings_point_into_the_file(front, body):
    check_front_matter(front, body)


pack_texts = st.lists(st.one_of(_fragments, st.sampled_from([
    "pack: p\n", "rules:\n", "  - id: a\n", "    kind: existence\n", "    tokens: *a\n", "description: &a [x, *a]\n",
    "  - &a ", "    level: warning\n", "    message: m\n"])), max_size=30).map("".join)


@SETTINGS
@given(pack_texts)
def test_any_pack_with_anchors_and_aliases_loads_or_is_refused(source):
    check_pack_with_aliases(source)
