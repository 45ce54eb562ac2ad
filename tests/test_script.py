"""The `script` kind: Traditional characters in Simplified text (and the reverse), via OpenCC."""
import importlib.util
import json
import os
import struct
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from lint.engine import Engine
from lint.linter import Linter
from lint.readers.text import read_example
from lint.rulepack import RuleFileError, builtin_rules_dir, load_pack, parse_pack
from lint.opencc_tables import OCD2_HEADER, Tables, _ocd2_values
from lint.script_words import DATA as WORD_TABLE, WordTable

from tests.conftest import ROOT

PACK = load_pack(builtin_rules_dir() / "script.yaml")
TRADITIONAL = next(r for r in PACK if r.name == "traditional")


def rule(**fields):
    spec = {"id": "r", "kind": "script", "level": "warning", "message": "{match}->{replacement}", **fields}
    return parse_pack(textwrap.dedent(f"rules: [{spec!r}]").replace("'", '"'), "test.yaml")[0]


# a Traditional publication's rule: the same kind with target zh-Hant (see docs/script.md)
SIMPLIFIED = rule(target="zh-Hant", surnames="王李張劉陳")


def check(rule_, text):
    """(text, offset, replacements, fixable) of each finding, body text without a headline."""
    findings = Engine([rule_]).lint(read_example(text, ("body",)))[0]
    return [(f.text, f.offset, f.replacements, f.fixable) for f in findings]


# --- which characters -------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "乾隆年间的著名学者",      # 乾 is also Simplified (乾隆, 乾坤); 著 is standard in 著名
    "沈阳的瞭望塔",            # 沈 (surname, 沈阳) and 瞭 (瞭望) are Simplified too
    "皇后和她的后代",          # 后 is both scripts' character
    "他于是在干净的后院里",    # Simplified characters that stand for several Traditional ones
    "天下大乱，旋乾转坤",      # a phrase OpenCC keeps: 乾 here is not 干
])
def test_characters_valid_in_both_scripts_are_not_flagged(text):
    assert check(TRADITIONAL, text) == []


def test_the_tables_come_from_opencc_and_keep_shared_characters_out():
    tables = Tables.get()
    only = tables.trad.only
    assert {"們", "後", "這", "國", "髮", "發"} <= only
    assert not {"乾", "於", "著", "沈", "瞭", "后", "干", "皇", "昇", "徵"} & only
    assert "乾" in tables.trad.ambiguous and "於" in tables.trad.ambiguous
    assert len(only) > 2500
    # every flagged character is one OpenCC's t2s really changes, into an everyday character
    converted = tables.trad.converter.convert("".join(sorted(only)))
    assert all(a != b and "\u4e00" <= b <= "\u9fff" for a, b in zip(sorted(only), converted))


def test_a_traditional_character_is_flagged_with_its_simplified_form_as_safe_fix():
    assert check(TRADITIONAL, "我们後来才知道") == [("後", 2, ["后"], True)]
    assert check(TRADITIONAL, "头髮很长，发展很快") == [("髮", 1, ["发"], True)]


def test_adjacent_characters_make_one_finding_and_the_context_gives_the_fix():
    assert check(TRADITIONAL, "研究國際關係的问题") == [("國際關係", 2, ["国际关系"], True)]


def test_a_shared_character_joins_a_finding_only_when_the_context_converts_it_and_is_never_fixed():
    # 乾 is 干 in 乾淨 but stays 乾 in 乾坤: the fix is offered, never applied automatically
    assert check(TRADITIONAL, "打扫得乾淨") == [("乾淨", 3, ["干净"], False)]
    assert check(TRADITIONAL, "扭转乾坤的決心") == [("決", 5, ["决"], True)]
    fixed, count, left = Linter(rules=[TRADITIONAL]).fix_text("我们後来打扫得乾淨")
    assert fixed == "我们后来打扫得乾淨" and count == 1
    assert [(f.text, f.fixable) for f in left] == [("乾淨", False)]


def test_the_context_must_confirm_a_character():
    # OpenCC keeps 濛 in the place name 八濛山, and converts it elsewhere
    assert check(TRADITIONAL, "八濛山下的村庄") == []
    assert check(TRADITIONAL, "湖面烟雨空濛") == [("濛", 5, ["蒙"], True)]


def test_a_character_whose_simplified_form_is_outside_the_everyday_block_is_not_flagged():
    # 鮠's Simplified form 𬶏 is in Extension E: texts keep 鮠
    assert check(TRADITIONAL, "长吻鮠和中华鲟") == []


def test_a_lone_character_in_a_personal_name_is_not_flagged_but_a_passage_is():
    assert check(TRADITIONAL, "陈啟明教授介绍了成果") == []
    assert check(TRADITIONAL, "启动仪式由王啟主持") == []
    # the same character among other Traditional ones is a pasted passage, not a name
    text = "记者今天在现场采访了很多观众。陈啟明說這個問題很重要。"
    assert [f[0] for f in check(TRADITIONAL, text)] == ["啟", "說這個問題"]
    # and a rule without surnames treats no character as a name
    assert check(rule(), "陈啟明教授") == [("啟", 1, ["启"], True)]


def test_kanji_beside_kana_are_japanese_not_a_slip():
    assert check(TRADITIONAL, "片名《東京の物語》在日本上映") == []
    assert check(TRADITIONAL, "片名《東京物语》在日本上映") == [("東", 3, ["东"], True)]
    # nor is a Japanese document written in Traditional
    assert check(TRADITIONAL, "東京都の議會で、國語の教育について討論が行われた。") == []


def test_exceptions_shelter_a_match():
    assert check(rule(exceptions=["中華書局"]), "他在中華書局工作，後来离开") == [("後", 9, ["后"], True)]


# --- characters of both scripts written in a word the Traditional way --------------------------
def word_check(rule_, text):
    """(text, offset, replacements, fixable, message) of each finding."""
    findings = Engine([rule_]).lint(read_example(text, ("body",)))[0]
    return [(f.text, f.offset, f.replacements, f.fixable, f.message) for f in findings]


@pytest.mark.parametrize("text, found", [
    ("他们终於赶到了现场", ("於", 3, ["于"], True, "“终於”中的“於”是繁体用字，简体文本中应为“终于”")),
    ("随著天气转暖，游客增多", ("著", 1, ["着"], True, "“随著”中的“著”是繁体用字，简体文本中应为“随着”")),
    ("地面已经乾净了", ("乾", 4, ["干"], True, "“乾净”中的“乾”是繁体用字，简体文本中应为“干净”")),
    ("我们需要瞭解实情", ("瞭", 4, ["了"], True, "“瞭解”中的“瞭”是繁体用字，简体文本中应为“了解”")),
    ("你在说什麽呢", ("麽", 4, ["么"], True, "“什麽”中的“麽”是繁体用字，简体文本中应为“什么”")),
    # jieba lists 藉口 among its rare variant spellings: offered, not applied by --fix
    ("他总是找藉口迟到", ("藉", 4, ["借"], False, "“藉口”中的“藉”是繁体用字，简体文本中应为“借口”")),
])
def test_a_character_of_both_scripts_in_a_traditional_spelling_of_a_word_is_reported(text, found):
    assert word_check(TRADITIONAL, text) == [found]


@pytest.mark.parametrize("text", [
    "这位著名学者的论著成效显著",    # 著 (zhù) in Simplified words
    "土著居民编著了一部新著",
    "乾隆年间扭转乾坤",              # 乾 (qián)
    "杯盘狼藉之后得到慰藉",          # 藉 (jí, jiè)
    "哨兵登上瞭望塔",                # 瞭 (liào)
    "他跟随著名导演多年",            # 随著 would be a slip, but 著名 holds the 著: 跟随 + 著名
    "《城市笔记》，张向著，本社出版",  # 向着 needs an object: here 著 is an author's credit
    "我和他都于是日出发",
])
def test_simplified_words_that_use_the_character_as_written_are_not_reported(text):
    assert check(TRADITIONAL, text) == []


def test_a_preposition_is_reported_before_its_object():
    assert [f[:2] for f in check(TRADITIONAL, "大家向著目标前进")] == [("著", 3)]


@pytest.mark.parametrize("text, found", [
    ("她笑著说了一句", ("著", 2, ["着"], False, "“笑著”中的“著”是繁体用字，简体文本中应为“笑着”")),
    ("他专注於研究", ("於", 3, ["于"], False, "“专注於”中的“於”是繁体用字，简体文本中应为“专注于”")),
])
def test_a_particle_after_a_verb_before_a_han_character_is_offered_but_never_certain(text, found):
    assert word_check(TRADITIONAL, text) == [found]


@pytest.mark.parametrize("text", [
    "王某著有多部作品",      # the pack's exception: 著有 (has written)
    "李某笑著，走了",        # no Han character after it
    "张某著《城市笔记》",    # an author's credit
    "这是他编著的教材",      # 编著: a shelter
])
def test_a_particle_is_not_reported_without_a_verb_before_and_a_han_character_after(text):
    assert check(TRADITIONAL, text) == []


def test_an_exception_shelters_a_word_finding():
    assert check(TRADITIONAL, "北宋毕昇发明活字印刷") == []  # the pack's exception: 昇 in a name
    assert [f[0] for f in check(rule(), "北宋毕昇发明活字印刷")] == ["昇"]
    assert check(rule(exceptions=["终於"]), "他终於来了") == []


def test_words_beside_traditional_only_characters_are_one_finding():
    # 乾 beside 淨 is the character-level finding; 於 in 終於 is OpenCC's context (終於 -> 终于)
    assert [f[:3] for f in check(TRADITIONAL, "打扫得乾淨")] == [("乾淨", 3, ["干净"])]
    assert [f[:3] for f in check(TRADITIONAL, "他終於来了")] == [("終於", 1, ["终于"])]
    assert [f[:3] for f in check(TRADITIONAL, "他終於明白，随著时间推移")] == [("終於", 1, ["终于"]), ("著", 7, ["着"])]
    # beside one, the word is read as it will be once that character is fixed: 隨著 as 随著
    assert word_check(TRADITIONAL, "他隨著人群走进会场") == [
        ("隨", 1, ["随"], True, "“隨”是繁体字，简体文本中应为“随”"),
        ("著", 2, ["着"], True, "“隨著”中的“著”是繁体用字，简体文本中应为“随着”"),
    ]
    fixed, _, left = Linter(rules=[TRADITIONAL]).fix_text("标题\n他隨著人群走进会场")
    assert fixed == "标题\n他随着人群走进会场" and left == []


def test_word_positions_count_characters_outside_the_bmp_as_one():
    text = "标题\n𠀀😀他终於来了，𪚥随著人流"
    findings = Linter(rules=[TRADITIONAL]).lint_text(text)
    assert [(f.text, f.line, f.column, f.offset, f.length) for f in findings] == [
        ("於", 2, 5, 7, 1), ("著", 2, 11, 13, 1),
    ]


def test_fix_applies_only_the_certain_word_fixes():
    fixed, count, left = Linter(rules=[TRADITIONAL]).fix_text("标题\n他终於找到藉口。")
    assert fixed == "标题\n他终于找到藉口。" and count == 1
    assert [(f.text, f.fixable) for f in left] == [("藉", False)]


def test_no_word_findings_in_a_traditional_document_or_for_a_traditional_target():
    text = "這篇報道從頭到尾都是繁體字，由於記者在現場，於是看到許多觀眾。"
    assert [f[0] for f in check(TRADITIONAL, text)] == ["這"]  # the one whole-document finding
    assert check(rule(target="auto"), text) == []
    assert check(SIMPLIFIED, "我們終於知道，由於這件事") == []
    assert check(rule(words=False), "他们终於赶到了") == []


def test_word_table_shape():
    table = WordTable.get()
    chars = set(WordTable.characters())
    assert {"於", "著", "乾", "瞭", "藉", "徵", "麽"} <= chars and "么" not in chars
    assert table.entries["终於"] == ("终于", True, False) and table.entries["随著"][:2] == ("随着", True)
    assert {"著名", "显著", "乾隆", "慰藉", "瞭望"} <= table.shelters
    assert table.particles == {"於": "于", "著": "着"} and all(map(table.is_verb, ["笑", "专注", "看"]))
    assert not table.is_verb("著名") and not table.is_verb("")
    # an entry differs from its right form only at the table's characters; none is a shelter
    for written, (right, _, _) in table.entries.items():
        assert len(written) == len(right) and written not in table.shelters
        assert all(a == b or a in chars for a, b in zip(written, right)), written
    # nothing here is flagged by the character-level table
    assert not chars & Tables.get().trad.only
    assert WORD_TABLE.read_text(encoding="utf-8").startswith("# script_words.tsv")


@pytest.mark.skipif(importlib.util.find_spec("jieba") is None,
                    reason="jieba builds the table (pip install -e '.[spelling-data]')")
def test_the_word_table_is_what_the_build_script_makes(tmp_path):
    from scripts.build_script_words import main

    main(["--out", str(tmp_path / "t.tsv")])
    assert (tmp_path / "t.tsv").read_bytes() == WORD_TABLE.read_bytes()


def test_the_segment_of_a_hit_is_found_by_binary_search():
    from lint.kinds.script import _segment_of

    segments = [(0, 5), (8, 12), (20, 30)]
    assert [_segment_of(segments, o) for o in (0, 4, 8, 11, 25)] == [(0, 5), (0, 5), (8, 12), (8, 12), (20, 30)]
    assert [_segment_of(segments, o) for o in (6, 15, 40)] == [(6, 7), (15, 16), (40, 41)]
    assert _segment_of([], 3) == (3, 4)
    # many hits in a document of many segments: each finding in its own paragraph
    text = "标题\n\n" + "他终於来了 http://example.cn/x 。\n\n" * 300
    findings = Linter(rules=[TRADITIONAL]).lint_text(text)
    assert len(findings) == 300 and {f.text for f in findings} == {"於"}


# --- positions --------------------------------------------------------------------------------
def test_positions_count_characters_outside_the_bmp_as_one():
    text = "标题\n𠀀𠀁😀們好，𪚥後"
    findings = Linter(rules=[TRADITIONAL]).lint_text(text)
    assert [(f.text, f.line, f.column, f.offset, f.length) for f in findings] == [
        ("們", 2, 4, 6, 1), ("後", 2, 8, 10, 1),
    ]
    assert [text[f.offset:f.offset + f.length] for f in findings] == ["們", "後"]


def test_positions_through_the_command_line(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("标题\n𠀀𠀁这是後来的事。\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "lint", "check", str(article), "--select", "script", "--format", "json"],
        capture_output=True, cwd=ROOT,
    )
    import json
    (finding,) = json.loads(result.stdout)["files"][0]["findings"]
    assert (finding["line"], finding["column"], finding["offset"], finding["text"]) == (2, 5, 7, "後")


# --- a document wholly in the other script ----------------------------------------------------
WHOLLY_TRADITIONAL = "這篇報道從頭到尾都是繁體字，記者在現場看到許多觀眾，場面熱鬧。"


def test_a_wholly_traditional_document_is_reported_once_at_its_first_traditional_character():
    (finding,) = check(TRADITIONAL, WHOLLY_TRADITIONAL)
    assert finding == ("這", 0, [], False)
    message = Engine([TRADITIONAL]).lint(read_example(WHOLLY_TRADITIONAL, ("body",)))[0][0].message
    assert message.startswith("全文是繁体中文") and "0 个简体字" in message


def test_a_mostly_simplified_document_with_a_traditional_passage_is_mixing():
    text = "记者今天在现场看到，许多观众早早来到这里排队。" * 3 + "這是從別處複製來的話。"
    found = check(TRADITIONAL, text)
    assert len(found) > 1 and all(f[1] >= 69 for f in found)


def test_whole_document_threshold_is_configurable():
    strict = rule(whole_ratio=1.0)
    mixed = WHOLLY_TRADITIONAL + "这们"  # two Simplified-only characters
    assert len(check(strict, mixed)) > 1
    assert len(check(rule(), mixed)) == 1
    assert len(check(rule(whole_min=100), WHOLLY_TRADITIONAL)) > 1


def test_target_zh_hant_flags_simplified_characters_in_traditional_text():
    assert check(SIMPLIFIED, "我們後來才知道这件事") == [("这", 7, ["這"], True)]
    # characters Traditional text uses as well (后 in 皇后, 干 in 干涉, 里 in 公里) pass alone
    assert check(SIMPLIFIED, "皇后大道的公里數，不容干涉") == []
    (finding,) = check(SIMPLIFIED, "这篇报道从头到尾都是简体字，记者在现场看到许多观众，场面热闹。")
    assert finding[0] == "这" and finding[3] is False


def test_a_traditional_publication_sets_the_target_in_its_config(tmp_path):
    (tmp_path / ".newslint.yml").write_text("rules:\n  script.traditional: {target: zh-Hant}\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("標題\n我們後來才知道这件事。\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "lint", "check", "a.txt", "--select", "script", "--format", "json"],
        capture_output=True, cwd=tmp_path,
    )
    import json
    (finding,) = json.loads(result.stdout)["files"][0]["findings"]
    assert (finding["text"], finding["replacements"]) == ("这", ["這"])
    assert finding["message"] == "“这”是簡體字，繁體文本中應爲“這”"


def test_target_auto_flags_the_minority_script_and_never_the_whole_document():
    auto = rule(target="auto")
    assert check(auto, WHOLLY_TRADITIONAL) == []
    assert check(auto, "記者在現場看到許多觀眾，这場面熱鬧") == [("这", 12, ["這"], True)]
    assert check(auto, "记者在现场看到许多观众，這场面热闹") == [("這", 12, ["这"], True)]


def test_bad_fields_are_rule_file_errors():
    with pytest.raises(RuleFileError, match="target"):
        rule(target="zh-TW")
    with pytest.raises(RuleFileError, match="whole_ratio"):
        rule(whole_ratio=0.2)


# --- OpenCC only when a script rule needs it -------------------------------------------------
PROBE = """
import sys
from lint.cli import cli
try:
    cli([{args}], standalone_mode=False)
except SystemExit:
    pass
print("opencc" in sys.modules)
"""


def opencc_imported(args, cache, cwd=ROOT):
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(cache)}
    result = subprocess.run([sys.executable, "-c", PROBE.format(args=args)], capture_output=True, cwd=cwd, env=env)
    return result.stdout.decode().strip().splitlines()[-1] == "True"


@pytest.mark.parametrize("args", [
    '"rules"',
    '"explain", "script.traditional"',
    '"check", "examples/flawed.txt", "--ignore", "script", "--quiet"',
])
def test_opencc_is_not_imported_when_no_script_rule_runs(args):
    assert not opencc_imported(args, cache="")  # even with the cache turned off


def test_opencc_is_imported_only_to_derive_the_table_or_to_check_a_flagged_character(tmp_path):
    cache = tmp_path / "cache"
    flawed = '"check", "examples/flawed.txt", "--quiet"'
    assert opencc_imported(flawed, cache)  # cold cache: the table is derived from OpenCC
    assert len(list(cache.glob("script-trad-*.json"))) == 1
    assert not opencc_imported(flawed, cache)  # warm: no Traditional character, no OpenCC
    (tmp_path / "t.txt").write_text("会议结束後，代表们回到驻地。\n", encoding="utf-8")
    assert opencc_imported(f'"check", "{tmp_path / "t.txt"}", "--quiet"', cache)  # 後: the context is converted
    # characters of both scripts are decided by the word table alone
    (tmp_path / "w.txt").write_text("这位著名作家终於来到驻地。\n", encoding="utf-8")
    assert not opencc_imported(f'"check", "{tmp_path / "w.txt"}", "--quiet"', cache)


# --- the table of flagged characters, cached between runs ------------------------------------
@pytest.fixture
def table_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def entries(cache, side="trad"):
    return sorted(cache.glob(f"script-{side}-*.json"))


def test_the_table_is_derived_once_then_read_from_the_cache(table_cache):
    from lint.opencc_tables import flagged_characters

    derived = sorted(Tables.get().trad.only)
    assert flagged_characters("trad") == derived
    [entry] = entries(table_cache)
    assert json.loads(entry.read_text(encoding="utf-8")) == {"only": "".join(derived)}
    # the next run takes the entry as it is: a (well-formed) stand-in table proves it is read
    entry.write_text(json.dumps({"only": "們後"}, ensure_ascii=False), encoding="utf-8")
    assert flagged_characters("trad") == ["們", "後"]
    assert rule(words=False).literals() == ["們", "後"]
    assert rule().literals() == ["們", "後", *WordTable.characters()]  # the word table's after them
    # each target has its own entry
    assert flagged_characters("simp") == sorted(Tables.get().simp.only)
    assert len(entries(table_cache, "simp")) == 1


@pytest.mark.parametrize("damage", [
    "{not json",
    "",
    json.dumps({"only": "abc"}),           # not Han characters
    json.dumps({"only": "後們"}, ensure_ascii=False),  # not sorted
    json.dumps({"only": "們們"}, ensure_ascii=False),  # repeated
    json.dumps({"only": ["們"]}, ensure_ascii=False),
    json.dumps(["們"], ensure_ascii=False),
])
def test_a_damaged_entry_is_derived_again_and_rewritten(table_cache, damage):
    from lint.opencc_tables import flagged_characters

    derived = sorted(Tables.get().trad.only)
    flagged_characters("trad")
    [entry] = entries(table_cache)
    entry.write_text(damage, encoding="utf-8")
    assert flagged_characters("trad") == derived
    assert json.loads(entry.read_text(encoding="utf-8")) == {"only": "".join(derived)}
    assert [p.name for p in table_cache.iterdir()] == [entry.name]  # no temporary file left


def test_another_newslint_version_never_reads_the_entry(table_cache, monkeypatch):
    from lint import version
    from lint.opencc_tables import flagged_characters

    flagged_characters("trad")
    [entry] = entries(table_cache)
    entry.write_text(json.dumps({"only": "們後"}, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(version, "__version__", "99.0")
    assert flagged_characters("trad") == sorted(Tables.get().trad.only)
    assert len(entries(table_cache)) == 2


def test_other_opencc_data_is_another_entry(table_cache, tmp_path, monkeypatch):
    """The key covers OpenCC's files: a dictionary with other content, even of the same size
    and modification time, is a new entry."""
    import importlib.util
    import shutil

    from lint import opencc_tables as tables

    real = importlib.util.find_spec("opencc")
    copy = tmp_path / "site" / "opencc"
    shutil.copytree(Path(real.origin).parent, copy, ignore=shutil.ignore_patterns("__pycache__"))
    fake = importlib.machinery.ModuleSpec("opencc", None, origin=str(copy / "__init__.py"))
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: fake if name == "opencc" else real)
    before = tables._table_entry("trad")
    dictionary = copy / "clib" / "share" / "opencc" / "TSCharacters.ocd2"
    info = dictionary.stat()
    data = bytearray(dictionary.read_bytes())
    data[-1] ^= 1
    dictionary.write_bytes(bytes(data))
    os.utime(dictionary, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert tables._table_entry("trad") not in (None, before)
    assert tables._table_entry("trad") != tables._table_entry("simp")


@pytest.mark.parametrize("setting", ["", "file"])
def test_without_a_usable_cache_the_table_is_derived(tmp_path, monkeypatch, setting):
    from lint.opencc_tables import flagged_characters

    if setting == "file":  # the cache "directory" is a file: nothing can be written there
        setting = str(tmp_path / "cache")
        (tmp_path / "cache").write_text("", encoding="utf-8")
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", setting)
    assert flagged_characters("trad") == sorted(Tables.get().trad.only)


def test_concurrent_cold_runs_agree_and_leave_one_entry(tmp_path):
    cache = tmp_path / "cache"
    code = "from lint.opencc_tables import flagged_characters; print(len(flagged_characters('trad')))"
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(cache)}
    runs = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, cwd=ROOT, env=env) for _ in range(3)]
    outputs = {run.communicate()[0] for run in runs}
    assert len(outputs) == 1 and int(outputs.pop()) == len(Tables.get().trad.only)
    assert [p.name for p in cache.iterdir()] == [entries(cache)[0].name]


# --- reading OpenCC's binary dictionaries -----------------------------------------------------
def ocd2(entries, trie=b"\x01" * 37):
    """A dictionary in OpenCC's ocd2 layout, with stand-in bytes for the marisa trie."""
    values = [v for entry in entries for v in entry]
    buffer = b"".join(v.encode() + b"\0" for v in values)
    tail = b"".join(
        struct.pack("<H", len(entry)) + b"".join(struct.pack("<H", len(v.encode()) + 1) for v in entry)
        for entry in entries
    )
    return OCD2_HEADER + trie + struct.pack("<II", len(entries), len(buffer)) + buffer + tail


@pytest.mark.parametrize("trie", [b"\x00" * 40, b"\x07" * 37])  # aligned, and not
def test_ocd2_values_are_read_in_entry_order(tmp_path, trie):
    entries = [["干", "乾"], ["后"], ["发"], ["面", "麺"]]
    path = tmp_path / "x.ocd2"
    path.write_bytes(ocd2(entries, trie))
    assert _ocd2_values(path) == entries


def test_an_unreadable_dictionary_is_a_clear_error(tmp_path):
    path = tmp_path / "x.ocd2"
    path.write_bytes(b"not a dictionary")
    with pytest.raises(RuntimeError, match="not an OpenCC"):
        _ocd2_values(path)


def test_unreadable_opencc_data_fails_the_rule_not_the_run(monkeypatch):
    import lint.opencc_tables as tables

    def broken():
        raise tables.OpenCCDataError("OpenCC dictionaries not found")

    monkeypatch.setattr(tables.Tables, "get", staticmethod(broken))
    fresh = rule()
    findings, failures = Engine([fresh]).lint(read_example("後来", ("body",)))
    assert findings == [] and failures == ["rule test.r failed on <example>: OpenCCDataError: OpenCC dictionaries not found"]
