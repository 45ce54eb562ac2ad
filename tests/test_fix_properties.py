"""Property tests of --fix over generated mixed Chinese/Latin/digit/punctuation text:
fixing is idempotent, leaves nothing fixable, keeps every letter, digit and Han character,
and each round changes nothing outside the spans of the findings it applies."""
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.fixes import apply, choose
from lint.linter import Linter

DEFAULT = Linter()
WITH_SPACING = Linter(settings={"punctuation.cjk-latin-spacing": "on"})

PIECES = [
    *"社区居民共同参与花园建设他说你好的是一", *"AbcXyz", *"0123",
    *",.:;!?()\"'", *"，。：；！？（）“”‘’《》【】「」、", " ", "　", "\n",
    "...", "…", "……", "--", "—", "——", "－－", "！！", "？！", "ＡＢ", "１２",
    "3.14", "17:54:44", "v2.0.1", "Node.js", "e.g.", "https://a.com/x,(y)", "a@b.cn",
    "Hello, world.", "We win，and go。",
    # the peers' kinds of cases (issue 17): English phrases, entities, spaced marks, tables,
    # a Latin word or a number ending a sentence, dash forms
    "Thank you", "Kimi", "12%", "200", "Inc", " , ", " ! ", "? ", "&quot;", "&#34;", "&lt;",
    "| ", " |", "———", "――", "──", "––", "————————", "\"OK\"",
]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def kept(text: str) -> str:
    """Letters, digits and Han characters, compared across width forms."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if ch.isalnum())


@SETTINGS
@given(texts)
def test_fix_is_idempotent_and_leaves_nothing_fixable(text):
    once, _, left = DEFAULT.fix_text(text)
    assert not [f for f in left if f.fixable]
    assert not [f for f in DEFAULT.lint_text(once) if f.fixable]
    assert DEFAULT.fix_text(once)[0] == once


@SETTINGS
@given(texts)
def test_fix_keeps_every_letter_digit_and_han_character(text):
    assert kept(DEFAULT.fix_text(text)[0]) == kept(text)


@SETTINGS
@given(texts)
def test_one_round_changes_nothing_outside_the_applied_spans(text):
    findings = DEFAULT.lint_text(text)
    chosen = choose(text, findings)
    result = apply(text, chosen)
    # walk the result: outside the chosen edits it must repeat the original text exactly
    cursor, position = 0, 0
    for edit in sorted((e for f in chosen for e in f.fix.edits), key=lambda e: (e.offset, e.end)):
        assert edit.offset >= cursor  # never overlapping
        gap = text[cursor:edit.offset]
        assert result[position:position + len(gap)] == gap
        position += len(gap)
        assert result[position:position + len(edit.content)] == edit.content
        position += len(edit.content)
        cursor = edit.end
    assert result[position:] == text[cursor:]


@SETTINGS
@given(texts)
def test_optional_spacing_rule_converges_too(text):
    once, _, left = WITH_SPACING.fix_text(text)
    assert not [f for f in left if f.fixable]
    assert WITH_SPACING.fix_text(once)[0] == once
    assert kept(once) == kept(text)


def test_overlapping_fixes_resolve_deterministically():
    # `??` after Han: the half-width rule (one mark) and the run rule (two marks) overlap;
    # the shorter span wins this round, the loop finishes the job.
    assert DEFAULT.fix_text("标题\n真的吗??")[0] == "标题\n真的吗？"


def test_stale_findings_are_not_applied():
    findings = DEFAULT.lint_text("标题\n近日,居民")
    assert choose("标题\n近日!居民", findings) == []
