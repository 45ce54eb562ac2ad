"""typos.idiom-near: misspelt idioms that no dictionary lists (lint/kinds/near_idiom.py)."""
import inspect
import json
import textwrap

import pytest

from lint.kinds import KINDS
from lint.kinds.rule import FieldError
from lint.linter import Linter
from lint.spelling.lexicon import NOT_A_WORD, words
from tests.conftest import err, out, run_cli

RULE = "typos.idiom-near"


@pytest.fixture(scope="module")
def linter():
    return Linter(select=["typos", RULE])


def near(linter, text):
    return [f for f in linter.lint_text(text, "a.md") if f.rule == RULE]


def rule_with(**options):
    spec = {"id": "near", "kind": "near-idiom", "level": "warning", "message": "{match}->{replacement} {why}",
            **options}
    return KINDS["near-idiom"](spec, "test")


def lint_with(rule, text):
    return Linter(rules=[rule], select=[rule.id]).lint_text(text, "a.md")


def test_a_misspelt_idiom_is_found_with_its_reason_and_best_replacement(linter):
    found = near(linter, "展会开幕后，观众对新车的热情家喻户小。")
    assert [(f.text, f.replacements[0]) for f in found] == [("家喻户小", "家喻户晓")]
    assert found[0].message == "“家喻户小”疑为“家喻户晓”之误（小/晓 同音）"
    assert found[0].level == "warning"
    assert (found[0].line, found[0].column) == (1, 15)


@pytest.mark.parametrize("text", [
    "展会开幕后，观众对新车趋之若鹜。",
    "他一如既往地支持社区的志愿服务。",
    "消息传出后，市民们议论纷纷。",
    "他不知可否先把材料寄过去。",          # 不知|可否 is no misspelt 不置可否
    "两队实力旗鼓相当，比分交替上升。",
    "这一年，他的变化可谓翻天覆地。",
])
def test_correct_text_is_left_alone(linter, text):
    assert near(linter, text) == []


@pytest.mark.parametrize("text", [
    "这个说法在当地“家喻户小”，成了一句玩笑。",
    "节目《家喻户小》今晚开播。",
])
def test_quoted_or_titled_wordplay_is_left_alone(linter, text):
    assert near(linter, text) == []


def test_curated_entries_are_left_to_their_rule(linter):
    findings = linter.lint_text("队员们表示将再接再励。观众对新车趋之若骛。", "a.md")
    assert [f.rule for f in findings] == ["typos.idiom", "typos.idiom"]


def test_fixes_are_suggestions_never_applied_by_plain_fix(linter):
    text = "展会开幕后，观众对新车的热情家喻户小。"
    finding, = near(linter, text)
    assert finding.fixable is False
    fixed, count, left = linter.fix_text(text, "a.md")
    assert fixed == text and count == 0 and [f.rule for f in left] == [RULE]


@pytest.mark.skipif("unsafe" not in inspect.signature(Linter.fix_text).parameters,
                    reason="the fix model with unsafe fixes has not landed")
def test_unsafe_fixes_apply_the_suggestion(linter):
    fixed, count, _ = linter.fix_text("这个说法早已家喻户小。", "a.md", unsafe=True)
    assert fixed == "这个说法早已家喻户晓。" and count == 1


def test_a_projects_own_forms_are_never_corrected():
    text = "本店招牌菜叫作家喻户小。"
    assert [f.text for f in lint_with(rule_with(), text)] == ["家喻户小"]
    assert lint_with(rule_with(forms=["家喻户小"]), text) == []
    assert lint_with(rule_with(forms=["招牌菜叫作家"]), text) == []  # overlapping is enough


def test_a_projects_own_idioms_are_looked_for():
    text = "本报坚持实事求是、报道求真。"
    wrong = "本报坚持实事求是、报道求针。"
    custom = rule_with(idioms=["报道求真"])
    assert lint_with(custom, text) == []
    assert [(f.text, f.replacements[0]) for f in lint_with(custom, wrong)] == [("报道求针", "报道求真")]
    assert lint_with(rule_with(), wrong) == []


def test_a_projects_own_confusion_pairs():
    # 戊/戌 share neither reading nor a rare component: only the project's pair links them
    text = "这座城的史料里写着戊戌变法。"
    wrong = "这座城的史料里写着戊戊变法。"
    paired = rule_with(idioms=["戊戌变法"], pairs=["戌戊"], thresholds={"custom": 0})
    assert [f.replacements[0] for f in lint_with(paired, wrong)] == ["戊戌变法"]
    assert "易混" in lint_with(paired, wrong)[0].message
    assert lint_with(paired, text) == []


@pytest.mark.parametrize("options, field", [
    ({"idioms": ["太短"]}, "idioms"),
    ({"idioms": ["abcd"]}, "idioms"),
    ({"pairs": ["戊"]}, "pairs"),
    ({"pairs": ["戊戊"]}, "pairs"),
    ({"thresholds": {"sound": 3}}, "thresholds"),
    ({"thresholds": {"shape": -1}}, "thresholds"),
    ({"known_errors": [3]}, "known_errors"),
])
def test_bad_options_name_their_field(options, field):
    with pytest.raises(FieldError) as error:
        rule_with(**options)
    assert error.value.field == field


def test_config_adds_forms_and_pairs(tmp_path):
    (tmp_path / ".newslint.yml").write_text(textwrap.dedent("""\
        rules:
          typos.idiom-near:
            level: error
            forms: [家喻户小]
        """), encoding="utf-8")
    (tmp_path / "a.txt").write_text("标题\n\n本店招牌菜叫作家喻户小，观众对新车川流不习。\n", encoding="utf-8")
    result = run_cli("check", "a.txt", "--select", RULE, "--format", "json", cwd=tmp_path)
    import json
    findings = json.loads(out(result))["files"][0]["findings"]
    assert [(f["text"], f["level"]) for f in findings] == [("川流不习", "error")]


def test_config_rejects_a_bad_option(tmp_path):
    (tmp_path / ".newslint.yml").write_text("rules:\n  typos.idiom-near:\n    pairs: [戊]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("标题\n\n正文。\n", encoding="utf-8")
    result = run_cli("check", "a.txt", cwd=tmp_path)
    assert result.returncode == 2 and "pairs" in err(result)


def test_long_runs_of_han_without_punctuation_are_linted_once_each():
    # a long run with many correct idioms and one misspelt one: every window is looked at
    # from its own hits, never across the whole run
    text = "他一如既往地工作" * 500 + "早已家喻户小" + "大家各抒己见" * 500
    found = [f for f in Linter(select=[RULE]).lint_text(text, "a.md")]
    assert [f.text for f in found] == ["家喻户小"]


def test_lexicon_segments_by_word_counts():
    lexicon = words()
    assert lexicon.cost("趋之若鹜") is not None and lexicon.cost("趋之若鹜x") is None
    cost, pieces = lexicon.segment("大家都趋之若鹜")
    assert pieces == ["大家", "都", "趋之若鹜"]
    cost_without, pieces = lexicon.segment("大家都趋之若鹜", {"趋之若鹜": NOT_A_WORD})
    assert "趋之若鹜" not in pieces and cost_without > cost
    assert lexicon.lookup("趋之若")[1] is True  # a longer word starts with it


def test_plain_fix_on_the_command_line_leaves_the_suggestion_alone(tmp_path):
    article = tmp_path / "a.txt"
    text = "标题\n\n这个说法早已家喻户小，无须多作解释。\n"
    article.write_text(text, encoding="utf-8")
    result = run_cli("check", "a.txt", "--select", RULE, "--fix", cwd=tmp_path)
    assert "家喻户晓" in out(result)
    assert article.read_text(encoding="utf-8") == text


def test_a_set_phrase_in_a_title_is_no_wordplay(linter):
    # puns play on idioms; a slip in the name of a law is a slip
    found = near(linter, "他写了一本《议务教育史》。")
    assert [(f.text, f.replacements[0]) for f in found] == [("议务教育", "义务教育")]
    assert near(linter, "他写了一本《义务教育史》。") == []


def test_a_doubled_character_written_doubled_as_another_is_one_slip(linter):
    found = near(linter, "到了傍晚，会场里的人已经廖廖无几。")
    assert [(f.text, f.replacements[0]) for f in found] == [("廖廖无几", "寥寥无几")]
    assert near(linter, "到了傍晚，会场里的人已经寥寥无几。") == []
    # only the doubled pair: two different wrong characters are not one slip
    assert near(linter, "到了傍晚，会场里的人已经廖了无几。") == []


def test_a_written_character_that_makes_a_word_is_judged_by_its_context(linter):
    # input methods offer words: 愿意 for 愿以; the context tells the slip from correct text
    found = near(linter, "他终于如愿意偿，考上了心仪的大学。")
    assert [(f.text, f.replacements[0]) for f in found] == [("如愿意偿", "如愿以偿")]
    assert near(linter, "借款人如愿意偿还，可以申请分期。") == []


def test_the_shortest_anchors_find_every_position_they_can():
    from lint.kinds.near_idiom import _anchors

    # both two-character ends indexed: they find all four positions, no three-character anchor
    assert _anchors("家喻户晓", [0, 0, 0, 0], 2000, 500) == [(0, 2), (2, 2)]
    # the first two characters too common: 户晓 finds positions 0 and 1, 家喻户 position 3
    assert sorted(_anchors("家喻户晓", [0, 0, 900, 0], 2000, 500)) == [(0, 3), (2, 2)]
    # nothing short enough: the three-character sides, as many as positions allow
    assert sorted(_anchors("家喻户晓", [0, 900, 900, 0], 2000, 500)) == [(0, 3), (1, 3)]


def test_every_position_with_an_indexed_side_is_found():
    from lint.kinds.near_idiom import _anchors, builtin_idioms

    forms, _ = builtin_idioms()
    for form, (number, kind, spread) in list(forms.items())[::7]:
        spread = [int(value) for value in spread.split()]
        chosen = _anchors(form, spread, 2000, 500)
        found = {p for offset, length in chosen for p in range(len(form)) if not offset <= p < offset + length}
        for position in range(len(form)):
            left, right = form[:position], form[position + 1:]
            side = left if len(left) > len(right) else right
            if spread[position] <= (500 if len(side) == 2 else 2000):
                assert position in found, (form, position)
        # every anchor is an end of the form and at least half of it
        assert all((offset == 0 or offset + length == len(form)) and 2 * length >= len(form) - 1
                   for offset, length in chosen), form


def test_candidates_are_the_windows_a_brute_force_search_finds(monkeypatch):
    """The index (anchors at both ends, flat lists, early rejects) finds exactly the windows
    one confusable character (or one doubled pair) away from a form, checked by brute force
    on text mixing correct forms, slips and noise."""
    import random

    from lint.kinds import near_idiom
    from lint.spelling import confusion

    forms = ["家喻户晓", "寥寥无几", "川流不息", "刻不容缓", "义务教育法", "一如既往地", "二氧化碳排放"]
    rule = rule_with(idioms=forms, min_count=10 ** 9, phrase_min_count=10 ** 9)
    seen = []
    monkeypatch.setattr(near_idiom.NearIdiom, "_judge",
                        lambda self, doc, text, start, end, found: seen.append((start, end, sorted(f[:2] for f in found))))
    rng = random.Random(13)
    noise = "的是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经"
    pieces = []
    for _ in range(400):
        form = rng.choice(forms)
        choice = rng.random()
        if choice < 0.3:
            pieces.append(form)
        elif choice < 0.7:
            position = rng.randrange(len(form))
            others = sorted(confusion.candidates(form[position]))
            if choice > 0.6:  # any character (unlinked in long forms)
                others = list(noise)
            pieces.append(form[:position] + rng.choice(others) + form[position + 1:] if others else form)
        elif choice < 0.8 and form == "寥寥无几":
            pieces.append("廖廖无几")
        elif choice < 0.85:
            position = rng.randrange(len(form) - 1)
            pieces.append(form[:position] + form[position + 1] + form[position] + form[position + 2:])
        else:
            pieces.append("".join(rng.choice(noise + "家喻户晓无几不息缓") for _ in range(rng.randint(1, 6))))
    text = "".join(pieces)
    list(rule.run(_document(text), _hits(rule, text)))

    kinds = confusion.default().kinds
    expected, swapped, unlinked = {}, 0, 0
    for form in forms:
        for start in range(len(text) - len(form) + 1):
            window = text[start:start + len(form)]
            wrong = [p for p in range(len(form)) if window[p] != form[p]]
            one_wrong = len(wrong) == 1
            if len(wrong) == 2 and wrong[1] == wrong[0] + 1 and form[wrong[0]] == form[wrong[1]] \
                    and window[wrong[0]] == window[wrong[1]]:
                wrong = wrong[:1]
            if len(wrong) == 1 and kinds(window[wrong[0]], form[wrong[0]]):
                expected.setdefault((start, start + len(form)), []).append((form, wrong[0]))
            elif one_wrong and len(form) >= 5:  # any other character in a long form (unlinked)
                expected.setdefault((start, start + len(form)), []).append((form, wrong[0]))
                unlinked += 1
            # two swapped neighbours that are the whole part an anchor leaves (with both
            # ends indexed: the first or last two characters of a four-character form, the
            # last two of a five-character one)
            middle = (len(form) - 1) // 2
            rests = {(0, middle + 1), (middle + 1, len(form))}
            if len(wrong) == 2 and (wrong[0], wrong[1] + 1) in rests and window[wrong[0]] == form[wrong[1]] \
                    and window[wrong[1]] == form[wrong[0]]:
                expected.setdefault((start, start + len(form)), []).append((form, wrong[0]))
                swapped += 1
    assert {(s, e): f for s, e, f in seen} == {key: sorted(value) for key, value in expected.items()}
    assert len(expected) > 100 and swapped > 10 and unlinked > 10


def _document(text):
    from lint.readers import read_text

    return read_text(text, "a.txt")


def _hits(rule, text):
    import ahocorasick_rs

    literals = rule.literals()
    automaton = ahocorasick_rs.AhoCorasick(literals)
    return sorted(automaton.find_matches_as_indexes(text, overlapping=True), key=lambda hit: (hit[1], hit[0]))


def test_two_swapped_neighbours_are_one_slip(linter):
    found = near(linter, "这个说法早已喻家户晓，无须多作解释。")
    assert [(f.text, f.replacements[0]) for f in found] == [("喻家户晓", "家喻户晓")]
    assert found[0].message == "“喻家户晓”疑为“家喻户晓”之误（喻家/家喻 颠倒）"
    # both orders recorded as words (甘心情愿 beside 心甘情愿) are left alone
    assert near(linter, "他甘心情愿地留了下来。") == []


def test_a_long_form_with_an_unrelated_character_is_a_slip(linter):
    """Forms of five characters or more: any character stands in (a word of related meaning),
    judged by the `unlinked` bar; never in a four-character idiom, where chance likenesses
    are common."""
    found = near(linter, "这个问题他百思不得其答，只好去请教老师。")
    assert [(f.text, f.replacements[0]) for f in found] == [("百思不得其答", "百思不得其解")]
    assert found[0].message == "“百思不得其答”疑为“百思不得其解”之误（答/解 误用）"
    assert near(linter, "这个问题他百思不得其解，只好去请教老师。") == []
    rule = rule_with(idioms=["百思不得其解"], min_count=10 ** 9, phrase_min_count=10 ** 9, unlinked_length=0)
    assert lint_with(rule, "这个问题他百思不得其答，只好去请教老师。") == []
    four = rule_with(idioms=["家喻户晓"], min_count=10 ** 9, phrase_min_count=10 ** 9)
    assert lint_with(four, "这个说法早已家喻户闻，无须多作解释。") == []


def test_a_candidate_just_short_of_its_bar_gets_a_second_opinion_from_the_context_model():
    from lint.spelling import context

    # 与日剧增: a same reading whose unigram gain (~1,250) falls just short of the bar of 1,300;
    # the word bigram model finds the idiom far likelier in its place (~1,500)
    slip = "近年来，到这里的游客与日剧增，景区的压力也越来越大。"
    found = lint_with(rule_with(), slip)
    assert [(f.text, f.replacements[0]) for f in found] == [("与日剧增", "与日俱增")]
    assert lint_with(rule_with(second_opinion=0), slip) == []
    # an old variant just short of the bar: the context model does not prefer the idiom
    assert lint_with(rule_with(), "这座大桥的建成举世注目，各国记者纷纷前来采访。") == []
    # a candidate far from its bar, either way, never reads the model (7 MB)
    context.model.cache_clear()
    assert [f.text for f in lint_with(rule_with(), "展会开幕后，观众对新车的热情家喻户小。")] == ["家喻户小"]
    assert lint_with(rule_with(), "他一如既往地支持社区的志愿服务。") == []
    assert context.model.cache_info().currsize == 0
    # names and doubled pairs have bars of their own: no second opinion
    assert lint_with(rule_with(second_margin=10 ** 6), "身上的饰物叮叮铛铛地响。") == []


def test_idioms_counted_rarely_are_judged_more_strictly():
    from lint.kinds.near_idiom import builtin_idioms

    forms = builtin_idioms()[0]
    assert 10 <= forms["一吐为快"][0] < 30 and 10 <= forms["戮力同心"][0] < 30 and 10 <= forms["一棍子打死"][0] < 30
    # a rarely counted idiom (indexed at min_count 10), a linked character: found
    slip = "他这番话说得一吐为筷，台下掌声不断。"
    assert [(f.text, f.replacements[0]) for f in lint_with(rule_with(min_count=10), slip)] == [("一吐为筷", "一吐为快")]
    assert lint_with(rule_with(), slip) == []  # not indexed at the default min_count (20)
    # an accepted variant written with a rare character (勠: chosen, not mistyped), and a
    # proverb said with another word: left alone, although their gains clear the ordinary bars
    for text in ("各方勠力同心，共渡难关。", "对新事物不能一棒子打死。"):
        assert lint_with(rule_with(min_count=10), text) == []
        assert lint_with(rule_with(min_count=10, common_count=0), text) != []


def test_the_index_is_remembered_between_runs(own_cache_dir, monkeypatch):
    """The index is built once and read back from the user cache by later runs; a damaged
    entry is built again, never trusted."""
    from lint.kinds import near_idiom

    key = (30, 50, 2000, 500, ("报道求真",), 30, 2000, 500)
    built = near_idiom._build_index(*key)
    near_idiom._index.cache_clear()
    first = near_idiom._index(*key)  # built and written
    (entry,) = [p for p in own_cache_dir.glob("idioms-*.json") if near_idiom._index_entry(key) == p]
    near_idiom._index.cache_clear()
    build = near_idiom._build_index
    monkeypatch.setattr(near_idiom, "_build_index", lambda *a: (_ for _ in ()).throw(AssertionError("built again")))
    later = near_idiom._index(*key)
    assert [list(map(list, g)) for g in later.entries] == [list(map(list, g)) for g in built.entries]
    assert (later.literals, later.single, later.low, later.high, later.rest) == (
        built.literals, built.single, built.low, built.high, built.rest) == (
        first.literals, first.single, first.low, first.high, first.rest)
    monkeypatch.setattr(near_idiom, "_build_index", build)
    entry.write_text('{"key": [], "index": [1, 2]}', encoding="utf-8")
    entry.chmod(0o600)
    near_idiom._index.cache_clear()
    again = near_idiom._index(*key)
    assert again.literals == built.literals
    assert near_idiom._well_formed_index(json.loads(entry.read_text(encoding="utf-8"))["index"])  # written again
    near_idiom._index.cache_clear()


def test_a_candidate_does_not_parse_the_whole_idiom_list():
    # the index may come from the user cache: the judge looks a form up in the list's text
    from lint.kinds import near_idiom

    near_idiom.builtin_idioms.cache_clear()
    near_idiom.form_info.cache_clear()
    assert near_idiom.form_info("家喻户晓")[1:] == ("i", False)
    assert near_idiom.form_info("家喻户小") is None and near_idiom.form_info("喻户晓") is None
    assert near_idiom.builtin_idioms.cache_info().currsize == 0
    forms, names = near_idiom.builtin_idioms()
    assert near_idiom.form_info("家喻户晓")[0] == forms["家喻户晓"][0]
    assert all(near_idiom.form_info(name)[2] for name in list(names)[:20])
    # it is a binary search: the file's lines are sorted by form; every form is found
    listed = list(forms)
    assert listed == sorted(listed)
    near_idiom.builtin_idioms.cache_clear()
    near_idiom.form_info.cache_clear()
    for form in listed[:3] + listed[-3:] + listed[::500]:
        assert near_idiom.form_info(form) == (forms[form][0], forms[form][1], form in names)
    assert near_idiom.form_info("丁丁丁丁") is None and near_idiom.form_info("\U0002ffff" * 4) is None


def test_an_idiom_jieba_tags_as_a_name_takes_the_ordinary_bar_unless_the_slip_makes_a_word():
    # jieba tags hundreds of idioms as names (龙飞凤舞 `nr`): a near-miss of an idiom is no
    # variant transliteration, so the ordinary bar holds (gain ~1,900, under the names' 2,100)
    from lint.kinds import near_idiom

    assert near_idiom.form_info("龙飞凤舞")[1:] == ("i", True)
    found = lint_with(rule_with(), "他写的字龙飞风舞，很难辨认。")
    assert [(f.text, f.replacements[0]) for f in found] == [("龙飞风舞", "龙飞凤舞")]
    assert lint_with(rule_with(), "他写的字龙飞凤舞，很难辨认。") == []
    # where the written character makes a word with its neighbour (天崖 is a word of the
    # lexicon), the names' bar still holds: such windows are more often variants a writer meant
    assert words().cost("天崖") is not None and near_idiom.form_info("天涯海角")[2]
    assert lint_with(rule_with(), "他们走遍了天崖海角，也没有找到。") == []


def test_the_remembered_index_is_compact_and_decoded_when_needed(own_cache_dir):
    """The cache keeps the index as a few strings and two lists of numbers (read in C at
    start-up); a literal's group of entries is decoded at its first use."""
    from lint.kinds import near_idiom

    key = (30, 50, 2000, 500, (), 30, 2000, 500)
    built = near_idiom._build_index(*key)
    near_idiom._index.cache_clear()
    near_idiom._index(*key)
    near_idiom._index.cache_clear()
    read = near_idiom._index(*key)
    data = json.loads(near_idiom._index_entry(key).read_text(encoding="utf-8"))["index"]
    assert isinstance(data["literals"], str) and isinstance(data["groups"], str)
    assert isinstance(read.entries, near_idiom._Groups) and not read.entries.decoded
    shared = len(built.literals) - 1  # literals shared by several forms come last
    assert read.entries[shared] == tuple(built.entries[shared]) and len(read.entries.decoded) == 1
    # a damaged entry is refused when sampled; a damaged line elsewhere finds nothing
    assert near_idiom._decode({**data, "groups": "x"}) is None
    assert near_idiom._decode({**data, "low": data["low"][:-1]}) is None
    for bad in (1.5, "1", None, [1]):
        assert near_idiom._decode({**data, "high": data["high"][:-1] + [bad]}) is None
    assert near_idiom._Groups(["家喻户晓x"], ["户晓"])[0] == ()  # a line damaged where no sample looked
    near_idiom._index.cache_clear()
    # findings are the same either way
    text = "展会开幕后，观众对新车的热情家喻户小。"
    assert [f.text for f in lint_with(rule_with(), text)] == ["家喻户小"]


def test_idioms_counted_twenty_to_thirty_times_are_indexed_by_default():
    """min_count 20 (30 until session 8): idioms counted 20-29 times are looked for, through
    anchors text rarely holds and judged as rarely counted idioms are."""
    from lint.kinds.near_idiom import builtin_idioms

    forms = builtin_idioms()[0]
    assert 20 <= forms["鹤立鸡群"][0] < 30 and 20 <= forms["负荆请罪"][0] < 30
    for slip, right in (("他在队伍里鹤立鸡裙，一眼就能认出来。", "鹤立鸡群"),   # 裙/群 qun
                        ("他向对方负荆请最，两人握手言和。", "负荆请罪")):     # 最/罪 zui
        assert [f.replacements[0] for f in lint_with(rule_with(), slip)] == [right]
        assert lint_with(rule_with(min_count=30), slip) == []
    assert lint_with(rule_with(), "他在队伍里鹤立鸡群，一眼就能认出来。") == []


def test_rarely_counted_set_phrases_take_the_rare_anchors_limits():
    """A set phrase counted fewer than common_count times (with phrase_min_count lowered) is
    indexed only through anchors text rarely holds, as a rarely counted idiom is: 动真格的
    (25) is not found through 格的 (风格的, 价格的 …), which each use of a common word would hit."""
    from lint.kinds import near_idiom

    forms = near_idiom.builtin_idioms()[0]
    number, kind, spread = forms["动真格的"]
    assert kind == "p" and number < 30
    spread = [int(value) for value in spread.split()]
    assert (2, 2) in near_idiom._anchors("动真格的", spread, 2000, 500)  # 格的 under the ordinary limits
    rare = near_idiom._build_index(20, 4, 2000, 500, (), 30, 500, 100)
    ordinary = near_idiom._build_index(20, 4, 2000, 500, (), 0, 500, 100)
    assert "格的" not in rare.literals and {"动真格", "真格的"} <= set(rare.literals)
    assert "格的" in ordinary.literals
