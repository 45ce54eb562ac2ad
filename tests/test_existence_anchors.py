"""Anchors of `existence` expressions: the literal strings one of which every match contains.

An expression with anchors is searched only where the shared automaton found one of them in
the rule's scope, so a headline rule costs nothing on an article whose headline has none of
its words. The anchors must be *necessary*: a rule with anchors must find exactly what the
same rule finds by searching its whole expression everywhere.
"""
from __future__ import annotations

import csv
import json
import textwrap
from pathlib import Path

import pytest

from lint.engine import Engine
from lint.kinds.existence import anchor_needs, anchors
from lint.linter import Linter
from lint.readers.text import read_text
from lint.rulepack import parse_pack
from lint.spans import covered, leftmost_longest

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("source,expected", [
    ("竟(?<![究毕未]竟)(?![日相争])(?:然|是)?", ["竟"]),  # lookarounds skipped, optional group left out
    ("(?<![^\\s，。])(?:[^\\s，。]){4,}[？?]", ["?", "？"]),  # a set of marks
    ("\\p{Han}{1,8}?(?:出手|发声)(?:了|啦)?[！!]", ["出手!", "出手！", "出手了!", "出手了！", "出手啦!", "出手啦！",
                                             "发声!", "发声！", "发声了!", "发声了！", "发声啦!", "发声啦！"]),
    ("请(?:多|大家)?转(?=一下|$)", ["请大家转", "请多转", "请转"]),
    ("结局(?:令人|让人)?", ["结局"]),  # 结局令人 holds 结局: the shorter one is enough  # x? inside a run: with and without it
    ("(?r)(?<![^\\s])(?:重磅|突发)[！!]", ["突发!", "突发！", "重磅!", "重磅！"]),  # the reverse flag is harmless
    ("真相|结局(?:令人|让人)", ["结局令人", "结局让人", "真相"]),  # each top-level alternative has its own
    ("你(?:所)?不知道的", ["你不知道的", "你所不知道的"]),
    ("(?i)secret", None),  # case folding changes what matches: no anchors
    ("\\p{Han}+错了", ["错了"]),
    ("的\\p{Han}+了", None),  # 的 and 了 alone are too common to be worth an automaton hit
    ("(?:结果|最后)\\p{Han}+", None),  # and so are the most frequent words
    (".{2,5}", None),
])
def test_anchors_of_expressions(source, expected):
    assert anchors(source) == (None if expected is None else sorted(expected))


def test_a_group_of_expressions_gives_what_every_match_of_it_contains():
    # the group's alternatives are expressions, not strings; each contains one anchor
    assert anchors("(?:[0-9]+\\s*％|百分之[一二三]+)\\p{Han}") == sorted(["％", "百分之一", "百分之二", "百分之三"])
    # ASCII digits and marks such as % are everywhere in news text: no anchor
    assert anchors("(?:[0-9]+\\s*%|百分之[一二三]+)\\p{Han}") is None
    # a longer string beside it wins: it is found less often in running text
    assert anchors("(?:[0-9]+\\s*％|百分之[一二三]+)的家长") == ["的家长"]


def test_no_anchor_when_an_alternative_has_none():
    assert anchors("结果|\\p{Han}{2}") is None
    assert anchors("(?:竟然)?\\p{Han}") is None


RULE = """
    rules:
      - id: hook
        kind: existence
        level: warning
        scope: [headline]
        message: "“{match}”"
        patterns:
          - "\\\\p{Han}{1,4}?出手[！!]"
          - "(?<![^\\\\s])\\\\p{Han}{1,6}(?:了|啦)"
"""


def lint(text, rule=RULE):
    rules = parse_pack(textwrap.dedent(rule), "test.yaml")
    findings, failures = Engine(rules).lint(read_text(text))
    assert not failures
    return [f.text for f in findings]


def test_an_anchored_expression_runs_only_where_its_anchor_is_in_scope():
    # in a rule that reads the body, the second expression's 了/啦 are too common to anchor it
    body = parse_pack(textwrap.dedent(RULE.replace("scope: [headline]", "scope: [headline, body]")), "test.yaml")[0]
    assert len(body.anchored) == 1 and body.anchor_strings == ["出手!", "出手！"]
    assert body.unanchored is not None and not body.literal_only  # the second one has no anchor
    # a rule that never reads the body has its literals searched around its scope only (the
    # headline): common strings anchor it there, and it runs only where one is found
    rule = parse_pack(textwrap.dedent(RULE), "test.yaml")[0]
    assert len(rule.anchored) == 2 and rule.anchor_strings == ["出手!", "出手！", "了", "啦"]
    assert rule.unanchored is None and rule.literal_only
    assert lint("天气热了\n正文。\n") == ["天气热了"]
    assert lint("交通部门出手！网约车将有新规\n正文。\n") == ["交通部门出手！"]
    # the anchor in the body does not make the headline match
    assert lint("网约车将有新规\n交通部门出手！正文。\n") == []


def test_a_rule_whose_expressions_all_have_anchors_is_literal_only():
    rule = parse_pack(textwrap.dedent(RULE.replace('          - "(?<![^\\\\s])\\\\p{Han}{1,6}(?:了|啦)"\n', "")),
                      "test.yaml")[0]
    assert rule.literal_only and rule.unanchored is None


def headlines() -> list[str]:
    out = []
    for name in ("headlines.tsv", "headlines-blind.tsv"):
        with (DATA / name).open(encoding="utf-8", newline="") as handle:
            out += [row["headline"] for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)]
    with (DATA / "headlines-blind.jsonl").open(encoding="utf-8") as handle:
        out += [row["headline"] for row in map(json.loads, handle) if row["split"] == "tune"]
    return out


def reference(rule, doc) -> list[tuple[int, int]]:
    """What the rule reports when every one of its expressions is searched over its whole
    scope, whether or not an anchor was found."""
    spans, shelters = [], []
    for word in rule.tokens:
        for start, end in rule.segments(doc):
            at = doc.text.find(word, start, end)
            while at != -1 and at + len(word) <= end:
                spans.append((at, at + len(word)))
                at = doc.text.find(word, at + 1, end)
    for word in rule.exceptions:
        at = doc.text.find(word)
        while at != -1:
            shelters.append((at, at + len(word)))
            at = doc.text.find(word, at + 1)
    for expression in [*rule.anchored, *filter(None, [rule.unanchored])]:
        for start, end in rule.segments(doc):
            spans += [m.span() for m in expression.finditer(doc.text, start, end) if m.end() > m.start()]
    return [s for s in leftmost_longest(spans) if not covered(*s, shelters)]


@pytest.mark.parametrize("source,found,expected", [
    ("[？?][^？?]*[？?]", ["?", "？"], (2, False)),  # the same marks twice, at two places
    ("(?=[^？?]*[？?][^？?]*[？?])\\p{Han}+[？?]", ["?", "？"], (1, False)),  # a lookahead's are not counted
    ("[！!](?![！!])[^\\n]*[！!]", ["!", "！"], (2, False)),
    ("\\G“[^”\\n]{4,}”$", ["“"], (1, True)),  # where the search starts
    ("\\G“?[^”\\n]{4,}”$", ["“"], (1, False)),  # an optional anchor: anywhere
    ("[？?]|[？?]{2}", ["?", "？"], (1, False)),  # a top-level alternative: one is enough
    ("[？?](?:吗|呢)[？?]", ["?", "？"], (1, False)),  # a run joined into longer strings is not the anchors
    ("你(?:所)?不知道的", ["你不知道的", "你所不知道的"], (1, False)),
])
def test_what_an_expression_needs_of_its_anchors(source, found, expected):
    assert anchor_needs(source, found) == expected


def test_an_expression_that_needs_two_anchors_is_searched_only_with_two():
    rule = parse_pack(textwrap.dedent("""
        rules:
          - {id: two, kind: existence, level: info, scope: [headline], message: m, patterns: ["[？?][^？?\\\\n]{2,}[？?]"]}
    """), "test.yaml")[0]
    assert rule.needs == {0: (2, False)}
    searched = []
    expression = rule.anchored[0]

    class Counting:
        def finditer(self, *args, **kwargs):
            searched.append(args[1:3])
            return expression.finditer(*args, **kwargs)

    rule.anchored[0] = Counting()
    engine = Engine([rule])
    for headline, expected in (("他来了吗？真的吗", []), ("他来了吗？真的吗？", [(4, 9)])):
        doc = read_text(headline + "\n正文？第二段？\n")
        found = [(m.start, m.end) for m in rule.run(doc, engine.literal_hits(doc.text).get(0, []))]
        assert found == expected
    assert len(searched) == 1  # the headline with one ？ was never searched


def test_built_in_rules_with_anchors_find_what_their_whole_expressions_find():
    linter = Linter()
    engine = linter.engine(linter.settings_for("a.txt", None, None))
    rules = [(i, r) for i, r in enumerate(engine.rules) if r.KIND == "existence"]
    assert rules
    for headline in headlines():
        doc = read_text(headline + "\n正文第一段。\n")
        hits = engine.literal_hits(doc.text)
        for index, rule in rules:
            got = [(m.start, m.end) for m in rule.run(doc, hits.get(index, []))]
            assert got == reference(rule, doc), (rule.id, headline)


def test_readings_are_remembered_between_runs(own_cache_dir, monkeypatch):
    """What an expression reads as (its strings, else its anchors) is kept in the user cache:
    a later run takes it from there instead of reading the expressions of every pack again."""
    from lint.kinds import existence

    first = existence._Readings()
    assert first.of("真相(?:令人|让人)") == (["真相令人", "真相让人"], None)
    assert first.of("\\p{Han}{1,8}?(?:出手|发声)！") == (None, ["出手！", "发声！"])
    first.save()

    def must_not_read(*args, **kwargs):
        raise AssertionError("read again, not taken from the cache")

    monkeypatch.setattr(existence, "literal_strings", must_not_read)
    monkeypatch.setattr(existence, "anchors", must_not_read)
    later = existence._Readings()
    assert later.of("真相(?:令人|让人)") == (["真相令人", "真相让人"], None)
    assert later.of("\\p{Han}{1,8}?(?:出手|发声)！") == (None, ["出手！", "发声！"])


def test_a_damaged_reading_is_read_again(own_cache_dir):
    from lint.kinds import existence

    readings = existence._Readings()
    readings.of("甲")
    readings.save()
    (entry,) = own_cache_dir.glob("existence-*.json")
    entry.write_text(json.dumps({"readings": {"(?:乙|丙)": ["丁"], "甲": [["戊"], None]}}), encoding="utf-8")
    entry.chmod(0o600)
    again = existence._Readings()
    assert again.of("(?:乙|丙)") == (["丙", "乙"], None)  # a malformed answer is not taken
    assert again.of("甲") == (["戊"], None)  # a well-formed one is (the entry is the user's own)


@pytest.mark.parametrize("pattern,headlines", [
    ("[？?][^？?\\\\n]{2,}[？?]", {"他来了吗？真的吗": False, "他来了吗？真的吗？": True}),
    ("\\\\G“[^”\\\\n]{2,}”$", {"他说“好的呀”": False, "“好的呀”": True}),
])
def test_a_rule_is_visited_only_where_its_expressions_needs_can_be_met(pattern, headlines):
    """The needs of `anchor_needs` become the rule's literal weights (`Rule.literal_weights`): the
    engine does not even visit the rule where no expression's needs are met."""
    rule = parse_pack(textwrap.dedent(f"""
        rules:
          - {{id: r, kind: existence, level: info, scope: [headline], message: m, patterns: ["{pattern}"]}}
    """), "test.yaml")[0]
    assert rule.literal_weights() is not None
    runs = []
    original = type(rule).run
    type(rule).run = lambda self, doc, hits: runs.append(doc) or original(self, doc, hits)
    try:
        for headline, visited in headlines.items():
            runs.clear()
            findings, _ = Engine([rule]).lint(read_text(headline + "\n正文？“第二段”？\n"))
            assert (len(runs), len(findings)) == ((1, 1) if visited else (0, 0)), headline
    finally:
        type(rule).run = original
