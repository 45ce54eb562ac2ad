"""The engine and the kinds, through small rule packs written in the test."""
import textwrap

from lint.engine import Engine
from lint.linter import Linter
from lint.readers import read_markdown
from lint.readers.text import read_text
from lint.rulepack import parse_pack


def pack(yaml_text):
    return parse_pack(textwrap.dedent(yaml_text), "test.yaml")


def lint(rules, text):
    return Engine(rules).lint(read_text(text))[0]


def test_one_automaton_serves_every_rule_with_overlapping_literals():
    rules = pack("""
        rules:
          - {id: a, kind: existence, level: warning, message: "a {match}", tokens: [见缝插扎]}
          - {id: b, kind: substitution, level: error, message: "b", swap: {插扎: 插针}}
    """)
    found = lint(rules, "标题\n阳光见缝插扎。")
    assert [(f.rule, f.text) for f in found] == [("test.a", "见缝插扎"), ("test.b", "插扎")]


def test_substitution_prefers_leftmost_longest_and_respects_exceptions():
    rules = pack("""
        rules:
          - id: s
            kind: substitution
            level: error
            message: "{match}->{replacement}"
            swap: {再接再励: 再接再厉, 再接: 再次}
            exceptions: [不再接再励]
    """)
    found = lint(rules, "标题\n我们再接再励，他不再接再励。")
    assert [(f.text, f.replacements, f.column) for f in found] == [("再接再励", ["再接再厉"], 3)]
    assert found[0].message == "再接再励->再接再厉"


def test_repetition_reports_whole_run_and_collapses_it():
    rules = pack("""
        rules:
          - {id: r, kind: repetition, level: warning, message: "{match} x{count}", tokens: [的, ！], exceptions: [的的确确], fix: safe}
    """)
    found = lint(rules, "标题\n我的的的书！！的的确确。")
    assert [(f.text, f.message, f.replacements) for f in found] == [("的的的", "的的的 x3", ["的"]), ("！！", "！！ x2", ["！"])]
    assert Linter(rules=rules).fix_text("标题\n我的的的书！！")[0] == "标题\n我的书！"


def test_scope_headline_only():
    rules = pack("""
        rules:
          - {id: h, kind: existence, level: warning, message: m, scope: [headline], tokens: [震惊]}
    """)
    assert [f.line for f in lint(rules, "震惊！标题\n正文里的震惊不算。")] == [1]


def test_existence_can_leave_the_titles_of_works_alone():
    rule = """
        rules:
          - {id: e, kind: existence, level: warning, message: m, tokens: [王炸], patterns: ['逆天\\p{Han}']TITLES}
    """
    text = "动画电影《王炸》定档 《一部逆天神作》首映\n王炸来了，逆天改命，《谈王炸》\n"
    assert [f.text for f in lint(pack(rule.replace("TITLES", "")), text)] == ["王炸", "逆天神", "王炸", "逆天改", "王炸"]
    # titles: false: only the words outside 《…》; a title does not run across lines
    assert [(f.line, f.text) for f in lint(pack(rule.replace("TITLES", ", titles: false")), text)] == [
        (2, "王炸"), (2, "逆天改")]
    assert [f.text for f in lint(pack(rule.replace("TITLES", ", titles: false")), "《新书\n王炸》\n")] == ["王炸"]


def test_metric_length_and_count():
    rules = pack("""
        rules:
          - {id: long, kind: metric, level: info, message: "{count}>{max}", scope: [headline], max: 5}
          - {id: marks, kind: metric, level: info, message: "{count}", scope: [headline], measure: count, tokens: ["！"], max: 1}
          - {id: sentence, kind: metric, level: info, message: "{count}", scope: [body], unit: sentence, max: 4}
    """)
    found = lint(rules, "一二三 四五六！！\n短句。这一句太长了。")
    assert [(f.rule, f.message, f.text) for f in found] == [
        ("test.long", "8>5", "一二三 四五六！！"), ("test.marks", "2", "一二三 四五六！！"), ("test.sentence", "7", "这一句太长了。")]


def test_required_present_and_non_empty():
    rules = pack("""
        rules:
          - {id: author, kind: required, level: warning, message: 缺作者, fields: [author]}
          - {id: empty, kind: required, level: error, message: "{label}空", fields: [author, source], check: non-empty}
    """)
    assert [f.rule for f in lint(rules, "标题\n正文。")] == ["test.author"]
    found = lint(rules, "标题\n作者: 来源: 新华社\n正文。")
    assert [(f.rule, f.message, f.text, f.line, f.column) for f in found] == [("test.empty", "作者空", "作者:", 2, 1)]


def test_a_rule_that_times_out_is_reported_and_the_others_still_run(monkeypatch):
    import lint.kinds.search as search

    monkeypatch.setattr(search, "REGEX_TIMEOUT_SECONDS", 0.05)
    rules = pack("""
        rules:
          - {id: slow, kind: existence, level: warning, message: m, patterns: ['(a+)+$']}
          - {id: fast, kind: existence, level: warning, message: m, tokens: [见缝插扎]}
    """)
    findings, failures = Engine(rules).lint(read_text("标题\n见缝插扎" + "a" * 50000 + "!"))
    assert [f.rule for f in findings] == ["test.fast"]
    assert failures and "test.slow" in failures[0] and "timed out" in failures[0]


def test_levels_from_settings_and_selection():
    rules = pack("""
        rules:
          - {id: a, kind: existence, level: warning, message: m, tokens: [甲]}
          - {id: b, kind: existence, level: warning, message: m, tokens: [乙], enabled: false}
    """)
    linter = Linter(rules=rules, settings={"test.a": "error"})
    assert [(f.rule, f.level) for f in linter.lint_text("标题\n甲乙")] == [("test.a", "error")]
    # a rule that is off by default runs when named by its id, not when its pack is selected
    assert [f.rule for f in Linter(rules=rules, select=["test"]).lint_text("标题\n甲乙")] == ["test.a"]
    assert [f.rule for f in Linter(rules=rules, select=["test", "test.b"]).lint_text("标题\n甲乙")] == ["test.a", "test.b"]
    assert [f.rule for f in Linter(rules=rules, ignore=["test.a"]).lint_text("标题\n甲乙")] == []


def test_literals_are_found_across_chunk_boundaries(monkeypatch):
    import lint.engine as engine_module

    monkeypatch.setattr(engine_module, "CHUNK_CHARS", 8)
    rules = pack("""
        rules:
          - {id: a, kind: substitution, level: error, message: m, swap: {见缝插扎: 见缝插针}}
    """)
    text = "标题\n" + "".join(f"{'一' * n}见缝插扎" for n in range(12))
    found = lint(rules, text)
    assert len(found) == 12
    assert all(text[f.offset:f.offset + f.length] == "见缝插扎" for f in found)


def _counting_existence(calls):
    from lint.kinds.existence import Existence

    class Counting(Existence):
        def run(self, doc, hits):
            calls.append(self.id)
            return super().run(doc, hits)

    return Counting


def test_a_rule_is_skipped_when_its_gate_finds_nothing_in_scope_and_no_literal_was_hit():
    calls = []
    Counting = _counting_existence(calls)
    spec = {"kind": "existence", "level": "warning", "message": "{match}", "scope": ["headline"]}
    rules = [
        Counting({**spec, "id": "a", "patterns": [r"震惊(?!中外)"]}, "t"),
        Counting({**spec, "id": "b", "patterns": [r"\G这个"], "tokens": ["万万没想到"]}, "t"),
    ]
    engine = Engine(rules)
    assert engine.lint(read_text("市政府召开常务会议\n震惊！这个东西"))[0] == []  # the body is out of scope
    # 震惊 is an anchor of a's expression (kinds/existence.py): the automaton found it in the
    # body, which a does not look at, so a is not run; b's expression has no anchor (这个 is
    # too common a word) and its gate finds nothing in the headline: b is skipped
    assert calls == []
    calls.clear()
    found = engine.lint(read_text("万万没想到，结果震惊中外\n正文"))[0]
    assert [(f.rule, f.text) for f in found] == [("t.b", "万万没想到")]
    assert calls == ["t.a", "t.b"]  # b's token was hit: it runs without asking its gate
    calls.clear()
    found = engine.lint(read_text("这个东西让人震惊\n正文"))[0]
    assert [(f.rule, f.text) for f in found] == [("t.b", "这个"), ("t.a", "震惊")]
    assert sorted(calls) == ["t.a", "t.b"]


def test_gates_change_no_finding_of_the_built_in_rules():
    from lint.readers import read_document

    linter = Linter()
    engine = linter.engine(linter.settings_for(None))
    # (the built-in rules may have no gate at all: `headline.length` looks at the length in its
    # run; then this compares the engine with itself, and users' gates are tested above)
    ungated = Engine(linter.rules)
    ungated._gates = [None] * len(ungated._gates)
    headlines = ["震惊！这个东西千万别吃", "原来如此：他竟然这样做", "市政府召开常务会议部署防汛工作",
                 "99%的人都不知道的秘密", "看完沉默了……", "快看！速看！", "今年粮食产量再创新高"]
    for headline in headlines:
        doc = read_document(headline + "\n正文第一段。\n", "a.txt")
        key = [(f.rule, f.offset, f.text) for f in ungated.lint(doc)[0]]
        assert [(f.rule, f.offset, f.text) for f in linter.lint_document(doc)[0]] == key


def test_a_count_with_only_a_maximum_is_gated_by_what_it_counts():
    rules = pack("""
        rules:
          - {id: most, kind: metric, level: info, message: "{count}", scope: [headline], measure: count, tokens: ["！"], max: 1}
          - {id: least, kind: metric, level: info, message: "{count}", scope: [headline], measure: count, tokens: ["！"], min: 1}
          - {id: long, kind: metric, level: info, message: "{count}", scope: [headline], max: 5}
    """)
    # (a length with only a maximum needs no gate: its run looks at the segment's length first)
    assert [rule.gate() is not None for rule in rules] == [True, False, False]
    found = lint(rules, "平静的标题\n正文！！！")
    assert [f.rule for f in found] == ["test.least"]  # no ！ in the headline: only the minimum fails
    found = lint(rules, "标题！！\n正文")
    assert [(f.rule, f.message) for f in found] == [("test.most", "2")]
    found = lint(rules, "一个 很长的 标题\n正文")  # 9 characters, 7 without the spaces
    assert [(f.rule, f.message) for f in found] == [("test.least", "0"), ("test.long", "7")]


# (a|aa)+$ on 26 a's and a mark: about half a second per paragraph (one search each in
# Markdown), under the per-search limit every time; twenty paragraphs took the rule seconds
SLOW_PARAGRAPHS = "# 标题\n\n" + "".join("见缝插扎" + "a" * 26 + "。\n\n" for _ in range(20))


def test_a_users_rule_has_a_time_budget_per_file_not_per_search(monkeypatch):
    import lint.budget as budget

    monkeypatch.setattr(budget, "RULE_BUDGET_SECONDS", 0.3)
    rules = pack("""
        rules:
          - {id: slow, kind: existence, level: warning, message: m, patterns: ['(a|aa)+$']}
          - {id: fast, kind: existence, level: warning, message: m, tokens: [见缝插扎]}
    """)
    findings, failures = Engine(rules).lint(read_markdown(SLOW_PARAGRAPHS, "slow.md"))
    assert {f.rule for f in findings} == {"test.fast"} and len(findings) == 20  # the others ran
    assert failures == ["rule test.slow timed out on slow.md: stopped after its 0.3 s per file "
                        "(regular expression too slow)"]


def test_the_metric_kind_is_held_to_the_time_budget(monkeypatch):
    import lint.budget as budget

    monkeypatch.setattr(budget, "RULE_BUDGET_SECONDS", 0.3)
    rules = pack("""
        rules:
          - {id: slow, kind: metric, level: warning, message: m, measure: count, patterns: ['(a|aa)+$'], max: 5}
          - {id: fast, kind: existence, level: warning, message: m, tokens: [见缝插扎]}
    """)
    findings, failures = Engine(rules).lint(read_markdown(SLOW_PARAGRAPHS, "slow.md"))
    assert {f.rule for f in findings} == {"test.fast"}
    assert len(failures) == 1 and failures[0].startswith("rule test.slow timed out on slow.md")


def test_the_time_budget_holds_in_a_worker_thread(monkeypatch):
    """The web server lints in a worker thread, where no timer signal can be delivered: the
    searches are cut to what is left of the budget instead."""
    import threading

    import lint.budget as budget

    monkeypatch.setattr(budget, "RULE_BUDGET_SECONDS", 0.3)
    rules = pack("""
        rules:
          - {id: slow, kind: existence, level: warning, message: m, patterns: ['(a|aa)+$']}
          - {id: count, kind: metric, level: warning, message: m, measure: count, patterns: ['(a|aa)+$'], max: 5}
    """)
    answer = []
    worker = threading.Thread(target=lambda: answer.append(Engine(rules).lint(read_markdown(SLOW_PARAGRAPHS, "slow.md"))))
    worker.start()
    worker.join()
    findings, failures = answer[0]
    assert sorted(failure.split(":")[0] for failure in failures) == [
        "rule test.count timed out on slow.md", "rule test.slow timed out on slow.md"]


CONSISTENCY_TEXTS = [
    "标题\n他说：“出发。”她说：“好的。”记者问：「还有谁？」",
    "标题「一」\n其他人说：“好”，其它人说：“不”。其他其它其他",
    "标题\n「甲」「乙」“丙”，全文「丁」。其它",
    "标题\n只有一种引号：“甲”“乙”。",
    "",
]


def test_a_consistency_rule_of_few_literals_finds_what_the_automaton_finds(monkeypatch):
    """A consistency rule of a few literals searches for them itself (quote marks are too
    common for automaton hits); it must report exactly what the automaton path reports,
    exceptions and scope included."""
    from lint.kinds import consistency

    spec = {"id": "pairs", "kind": "consistency", "level": "warning", "message": "{match} -> {preferred}",
            "scope": ["body"], "forms": [["“", "”"], ["「", "」"], ["其他"], ["其它"]], "exceptions": ["其它人"]}

    def findings(own_search_max):
        monkeypatch.setattr(consistency, "OWN_SEARCH_MAX", own_search_max)
        rule = consistency.Consistency(dict(spec), "house", "house.yaml")
        assert rule.own_search == (own_search_max > 0)
        linter = Linter(rules=[rule])
        return [[(f.offset, f.length, f.message) for f in linter.lint_text(text)] for text in CONSISTENCY_TEXTS]

    own, automaton = findings(8), findings(0)
    assert own == automaton and any(own)


def test_headline_literals_are_looked_for_only_around_the_headline():
    """The literals of rules that never read the body have an automaton of their own, searched
    in and around their scopes: the same findings, and no hits from the body."""
    rules = pack("""
        rules:
          - {id: head, kind: existence, level: warning, message: "h {match}", tokens: [震惊, 标题党], scope: [headline]}
          - {id: body, kind: existence, level: warning, message: "b {match}", tokens: [震惊]}
    """)
    text = "震惊！这是标题\n正文也说震惊，还有标题党。"
    found = lint(rules, text)
    assert [(f.rule, f.line, f.column) for f in found] == [("test.body", 1, 1), ("test.head", 1, 1), ("test.body", 2, 5)]
    engine = Engine(rules)
    doc = read_text(text)
    head = next(i for i, r in enumerate(engine.rules) if r.id == "test.head")
    hits = engine.literal_hits(doc.text, doc.segments(("headline",)))
    assert [(start, end) for _, start, end in hits[head]] == [(0, 2)]
    assert len(engine.literal_hits(doc.text)[head]) == 3  # without segments: everywhere
    # a literal that reaches into the headline from outside it is found (the window reaches out)
    assert [(s, e) for _, s, e in engine.literal_hits("甲震惊", [(2, 3)])[head]] == [(1, 3)]


def test_the_headline_window_stops_at_line_breaks_unless_a_literal_holds_one():
    """The headline automaton is searched from the line break before the headline to the one
    after it: no hit of a literal without a line break reaches past one."""
    engine = Engine(pack("""
        rules:
          - {id: head, kind: existence, level: warning, message: h, tokens: [标题党], scope: [headline]}
    """))
    assert engine._narrow_literals.one_line
    searched = []
    add_hits = engine._narrow_literals.add_hits
    engine._narrow_literals.add_hits = lambda hits, text, start, end: (
        searched.append(text[start:end]) or add_hits(hits, text, start, end))
    hits = engine.literal_hits("正文说标题党\n标题\n正文标题党", [(7, 9)])
    assert searched == ["标题"] and not hits.get(0)
    # a literal holding a line break: the window reaches past it
    engine = Engine(pack("""
        rules:
          - {id: head, kind: existence, level: warning, message: h, tokens: ["题\\n正"], scope: [headline]}
    """))
    assert not engine._narrow_literals.one_line
    assert [(s, e) for _, s, e in engine.literal_hits("正文说标题党\n标题\n正文标题党", [(7, 9)])[0]] == [(8, 11)]
