"""Built-in expressions run without the regex time limit on short text (it costs more than a
headline search), so the suite checks them for runaway backtracking instead: every built-in
expression must get through adversarial text built from its own characters within the limit."""
import random
import string

import pytest
import regex

from lint import credits
from lint.engine import Engine
from lint.kinds.search import REGEX_TIMEOUT_SECONDS
from lint.patterns import LazyPattern
from lint.linter import Linter
from lint.readers import read_document
from lint.readers.text import read_text
from lint.rulepack import parse_pack

ADVERSARIAL_CHARS = 1_000


def builtin_expressions():
    for rule in Linter().rules:
        for name, value in {**vars(rule), "pattern": getattr(rule, "pattern", None)}.items():
            if isinstance(value, LazyPattern):
                yield f"{rule.id}.{name}", value.compile()
            elif isinstance(value, regex.Pattern):
                yield f"{rule.id}.{name}", value
    yield "credits", credits._CREDIT.compile()


def adversarial_texts(source: str):
    """Runs of the characters the expression itself names (where backtracking explodes), a
    few pairs of them in turn, and seeded mixtures with spaces and line breaks."""
    chars = sorted({c for c in source if not c.isascii() or c in " .,!?:;-_|/()"})
    rng = random.Random(len(source))
    picked = rng.sample(chars, min(len(chars), 8)) or ["a"]
    yield from (c * ADVERSARIAL_CHARS for c in picked)
    yield from ((a + b) * (ADVERSARIAL_CHARS // 2) for a, b in zip(picked, picked[1:]))
    for _ in range(3):
        yield "".join(rng.choice(picked + [" ", "\n", "a", "1"]) for _ in range(ADVERSARIAL_CHARS))


@pytest.mark.parametrize("name,pattern", list(builtin_expressions()), ids=lambda v: v if isinstance(v, str) else "")
def test_builtin_expression_has_no_runaway_backtracking(name, pattern):
    for text in adversarial_texts(pattern.pattern):
        try:
            for _ in pattern.finditer(text, timeout=REGEX_TIMEOUT_SECONDS):
                pass
        except TimeoutError:
            pytest.fail(f"{name} backtracks out of control on {text[:20]!r}… ({len(text)} chars)")


RUN_MARKS = string.punctuation + " "  # every ASCII punctuation mark, and space
RUN_CHARS = 10_000


@pytest.mark.parametrize("name,pattern", list(builtin_expressions()), ids=lambda v: v if isinstance(v, str) else "")
def test_builtin_expression_is_linear_on_runs_of_every_ascii_mark(name, pattern):
    # issue 16 item 4: punctuation.dash was cubic on a run of hyphens (2,000: 40 s)
    for mark in RUN_MARKS:
        try:
            for _ in pattern.finditer(mark * RUN_CHARS, timeout=REGEX_TIMEOUT_SECONDS):
                pass
        except TimeoutError:
            pytest.fail(f"{name} backtracks out of control on a run of {RUN_CHARS} {mark!r}")


@pytest.mark.parametrize("path", ["a.txt", "a.md"])
def test_every_rule_gets_through_runs_of_every_ascii_mark(path):
    # the rules' own matching too (punctuation's anchored matches at each trigger): a run in a
    # Chinese article, through the whole default rule set; a runaway match is a failure
    # ("timed out") of its rule, never a hang
    linter = Linter()
    for mark in RUN_MARKS:
        doc = read_document("标题\n\n中文" + mark * RUN_CHARS + "中文。\n", path)
        _, failures = linter.lint_document(doc)
        assert failures == [], f"run of {RUN_CHARS} {mark!r} in {path}: {failures}"


def test_only_built_in_rules_are_trusted(tmp_path):
    assert all(rule.trusted for rule in Linter().rules if rule.pack != "newslint")
    user = tmp_path / "house.yaml"
    user.write_text("rules:\n  - {id: a, kind: existence, level: warning, message: m, tokens: [某某]}\n", encoding="utf-8")
    assert not any(rule.trusted for rule in Linter([user], builtin=False).rules)


def test_a_users_runaway_expression_is_stopped_even_on_a_short_headline():
    rules = parse_pack("""rules:
  - {id: slow, kind: existence, level: warning, message: m, scope: [headline], patterns: ['(a|aa)+$']}
""", "house.yaml")
    assert not rules[0].trusted
    findings, failures = Engine(rules).lint(read_text("a" * 60 + "!\n正文"))
    assert findings == [] and failures and "timed out" in failures[0]
