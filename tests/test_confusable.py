"""The confusable kind (lint/kinds/confusable.py) and the two typos rules written with it:
typos.confusable (在/再, 象/像, 以/已, 帐/账 …) and typos.particle (的/地/得)."""
from __future__ import annotations

import pytest

from lint import lint_text
from lint.kinds import KINDS, FieldError
from lint.kinds.confusable import _in_clause, expand
from lint.rulepack import builtin_rules_dir, load_packs

RULES = [r for r in load_packs([builtin_rules_dir()]) if r.pack == "typos" and r.KIND == "confusable"]


def rule(groups, **fields):
    spec = {"id": "t", "kind": "confusable", "level": "warning", "message": "“{match}”应为“{replacement}”（{why}）",
            "groups": groups, **fields}
    return KINDS["confusable"](spec, "test")


def found(r, text):
    from lint.linter import Linter

    return [(f.text, f.offset, f.replacements, f.message)
            for f in Linter(rules=[r], builtin=False).lint_text("标题\n" + text, "a.txt")]


# --- the template --------------------------------------------------------------------------
def test_a_template_expands_to_every_combination_with_the_marked_error():
    assert expand("[再>在](这|此)(之前|之后)") == [
        ("再这之前", 0, 1, "在"), ("再这之后", 0, 1, "在"), ("再此之前", 0, 1, "在"), ("再此之后", 0, 1, "在")]
    assert expand("(|好)[象>像]") == [("象", 0, 1, "像"), ("好象", 1, 2, "像")]
    assert expand("(现|实)在也", marked=False) == [("现在也", 0, 0, ""), ("实在也", 0, 0, "")]


@pytest.mark.parametrize("bad", ["再这之前", "[再>在][这>那]", "[再>在](这|(此|那))", "[再>在](这", "[再>在]这]"])
def test_a_form_without_exactly_one_readable_marker_is_refused(bad):
    with pytest.raises(ValueError):
        expand(bad)


def test_an_exception_marks_no_error():
    with pytest.raises(ValueError):
        expand("(现|实)[在>再]", marked=False)


# --- the kind --------------------------------------------------------------------------------
def test_the_finding_covers_the_marked_characters_and_the_message_shows_the_context():
    r = rule([{"why": "“在”表示时间", "forms": ["[再>在](这|此)之前"]}])
    assert found(r, "再这之前，双方已有接触。") == [
        ("再", 3, ["在"], "“再这之前”应为“在这之前”（“在”表示时间）")]
    assert found(r, "再次之前，双方已有接触。") == []


def test_an_exception_shelters_the_marked_error_of_its_own_group_only():
    r = rule([{"why": "a", "forms": ["[在>再]也不"], "exceptions": ["现在也"]},
              {"why": "b", "forms": ["现[在>再]也没"]}])
    assert found(r, "他现在也不知道。") == []
    assert [f[0] for f in found(r, "他在也不来了。")] == ["在"]
    # the other group's exceptions do not apply to it
    assert [f[3] for f in found(r, "他现在也没来。")] == ["“现在也没”应为“现再也没”（b）"]


def test_overlapping_forms_report_one_error_once():
    r = rule([{"why": "a", "forms": ["[帐>账]户", "转[帐>账]"]}])
    assert [f[:3] for f in found(r, "请转帐户头。")] == [("帐", 5, ["账"])]


@pytest.mark.parametrize("groups, message", [
    ([{"why": "a", "forms": ["[在>再](也|也)"]}], "written twice"),
    ([{"why": "a", "forms": ["[在>再]也"]}, {"why": "b", "forms": ["[在>再]也"]}], "two groups"),
    ([{"why": "a", "forms": ["[象>像]是", "好[像>象]是"]}], "holds the form"),
    ([{"why": "a", "forms": ["再也"]}], "exactly one"),
    ([{"forms": ["[再>在]也"]}], "why"),
    ([{"why": "a", "forms": []}], "forms"),
])
def test_mistakes_in_the_groups_are_refused(groups, message):
    with pytest.raises(FieldError, match=message):
        rule(groups)


def test_a_clause_test_needs_its_word_before_in_the_same_sentence_and_none_of_its_stops_after():
    r = rule([{"why": "先……再……", "forms": ["，[在>再](买|做)"],
               "clause": {"before": ["先(把|去)"], "unless_after": ["(中|时)"]}}])
    assert [f[:3] for f in found(r, "先把钱存够，在买房。")] == [("在", 9, ["再"])]
    assert found(r, "他们把钱存够，在买房。") == []            # no 先 before
    assert found(r, "先去银行。钱存够了，在买房。") == []        # 先 in another sentence
    assert found(r, "先把钱存够，在买房时要注意。") == []        # the time reading (在……时)
    assert [f[0] for f in found(r, "先把钱存够，在买房，然后在做中学，再说。")] == ["在"]
    assert found(r, "先把" + "存" * 40 + "，在买房。") == []     # out of reach


def test_a_clause_test_can_need_a_word_after_in_the_same_sentence():
    r = rule([{"why": "既……又……", "forms": ["[即>既]要"], "clause": {"after": ["(，|,)(又|也)"]}}])
    assert [f[:3] for f in found(r, "即要保留老街，又要改善居住条件。")] == [("即", 3, ["既"])]
    assert found(r, "即要保留老街。又要改善居住条件。") == []    # 又 in another sentence
    assert found(r, "即要保留老街和老房子，并改善居住条件。") == []  # no second half
    assert found(r, "即要保留" + "老" * 40 + "，又要改善。") == []    # out of reach


@pytest.mark.parametrize("clause, message", [
    ({"later": ["先"]}, "a mapping of before, unless_after, after, prev"),
    ({"before": "先"}, "list of non-empty strings"),
    ({"unless_after": ["[在>再]"]}, "marks no error"),
    ("先", "a mapping of before, unless_after, after, prev"),
    ([], "a non-empty list of mappings"),
    ({"next": "向"}, "list of non-empty strings"),
    ({"prev": ["(都"]}, "must pair"),
])
def test_a_malformed_clause_is_refused(clause, message):
    with pytest.raises(FieldError, match=message):
        rule([{"why": "a", "forms": ["，[在>再]买"], "clause": clause}])


def test_the_reasons_follow_the_publication_script():
    r = rule([{"why": "“在”表示时间", "forms": ["[再>在]这之前"]}]).with_messages(lambda m: m.replace("时间", "時間"))
    assert found(r, "再这之前，他已离开。")[0][3] == "“再这之前”应为“在这之前”（“在”表示時間）"


def test_the_fix_is_unsafe_by_default():
    assert rule([{"why": "a", "forms": ["[再>在]这之前"]}]).fix == "unsafe"


# --- the shipped rules -----------------------------------------------------------------------
def lines_document(items):
    text, starts = "标题\n", []
    for item in items:
        starts.append(len(text))
        text += item + "。\n"
    return text, starts


# words before and after a form that the shipped groups' expression tests (prev, next) take
PROBES = [("都", ""), ("", "向他"), ("行驶", ""), ("", "完成"), ("", "三年")]


@pytest.mark.parametrize("shipped", RULES, ids=lambda r: r.id)
def test_every_form_is_reported_once_by_its_rule_and_its_fix_is_not_reported_again(shipped):
    """Each expanded literal, written alone, is one finding of its own rule at the marked
    characters with the right form (no other typos rule reports the same error: one finding per
    error), and the corrected literal is not reported by any typos.confusable/particle form."""
    info = [shipped.form_info(index) for index in range(len(shipped.forms))]
    # a form of a group with a clause test is written after a word its test needs before it
    # and before a word its test needs after it: the first pair of PROBES that passes the test
    prefixes, suffixes = [], []
    for literal, (group, *_) in zip(shipped.forms, info):
        clause = shipped.clauses[group]
        probes = [("", "")]
        if clause:
            before, after = clause[0][0][:1], clause[0][2][:1]
            probes = [(before[0] + "了" if before else "", "了" + after[0] if after else "")] + PROBES
            # a group whose test needs a word right after the form (`next`): that word first
            probes += [("", choice[5][0]) for choice in clause if choice[5]]
            # and one that needs a word right before it (`prev`)
            probes += [(next(p for p in choice[3] if p != "^"), "") for choice in clause
                       if any(p != "^" for p in choice[3])]
            probes = [(p, s) for p, s in probes
                      if any(_in_clause(p + literal + s + "。", len(p), len(p) + len(literal), c) for c in clause)][:1] or [("", "")]
        prefixes.append(probes[0][0])
        suffixes.append(probes[0][1])
    text, starts = lines_document([prefix + literal + suffix
                                   for prefix, literal, suffix in zip(prefixes, shipped.forms, suffixes)])
    starts = [start + len(prefix) for start, prefix in zip(starts, prefixes)]
    findings = lint_text(text, select=["typos", shipped.id])
    problems = []
    by_start = {}
    for f in findings:
        by_start.setdefault(f.offset, []).append(f)
    for literal, start, (_, at, until, right) in zip(shipped.forms, starts, info):
        here = [f for f in findings if f.offset < start + until and start + at < f.offset + f.length]
        mine = [f for f in here if f.rule == shipped.id and f.offset == start + at and f.replacements == [right]]
        if len(mine) != 1 or len(here) != 1:
            problems.append(f"{literal}: {[(f.rule, f.text) for f in here]}")
    fixed = [lit[:at] + right + lit[until:] for lit, (_, at, until, right) in zip(shipped.forms, info)]
    text, starts = lines_document([prefix + literal + suffix
                                   for prefix, literal, suffix in zip(prefixes, fixed, suffixes)])
    starts = [start + len(prefix) for start, prefix in zip(starts, prefixes)]
    findings = lint_text(text, select=["typos", *(r.id for r in RULES)])
    for start, (_, at, until, right) in zip(starts, info):
        again = [f for f in findings if f.offset < start + at + len(right) and start + at < f.offset + f.length]
        problems += [f"fixed text flagged: {f.rule} {f.text} {f.message}" for f in again]
    assert not problems, "\n".join(problems[:40])


@pytest.mark.parametrize("text", [
    "在此之前，他已经离开了。", "代表团在次日抵达。", "他现在也不清楚。", "他实在也没有办法。",
    "他从小爱好象棋。", "这一现象这么普遍。", "他的形象一直很好。", "大象一样的身躯。",
    "该公司以经营家电为主。", "可以经有关部门批准后实施。", "他们已上市三年。", "股价已下跌。",
    "帐篷里很暖和。", "挂上蚊帐。", "没有甲方负责人的签字不能生效。", "只有乙方承担了费用。",
    "他从事写作生意兴隆。", "一部分人提前离开。", "他分到了全部份额。", "沪深三百成份股。",
    "引导至出口。", "从南极至北极。", "既使用方便又便宜。", "既便宜又实用。",
    "这事到处与人争执。", "他们相处与合作都很融洽。", "他带着眼镜盒出门。",
    "权利和义务是统一的。", "滥用权力必然导致腐败。",
    "这场比赛势必需要全力以赴。", "报名将于明天截止。", "大家齐心协力渡过难关。", "获得话语权。",
    "约个地方见面。", "他资深人士。",
    "先把车洗干净，在打蜡时要戴手套。", "李先生，在吃饭吗？", "然后在回家的路上买了菜。", "首先，在检查中发现了问题。",
    "他摆出一副画家的派头。", "现在过几天就放假了。", "墙上挂着一幅山水画。",
    "法院判决对双方都有约束力。", "这可以解决大部分问题。", "所以久了就习惯了。", "演员化装成老人。",
    "现在想想，当时太冲动了。", "他在办公室看一下午文件。", "我们一再本着互利的原则合作。",
    "一位资深人士表示。", "付经理介绍了情况。", "货币具有支付作用。", "本合同一式两份。",
    "他对化学反应很感兴趣。", "据群众反映，路灯坏了。", "这得益于政策支持。",
    "这块石头外形像一只鸟。", "很少出现像他这样的人。", "针对像他这样的情况。", "展出了一批图像征集作品。", "要认识问题及其重要性。", "母公司及其有限公司。", "驯兽师调教动物。",
    "他们正在做为期两周的集中培训。", "要做为人民服务的好干部。", "这家店今后不再凌晨营业。",
    "火车站用地的规划已经公布。", "他做出了毫不犹豫的决定。", "我们再去年货市场转转。",
    "他还能在来宾席上坐一会儿。",
])
def test_correct_text_is_not_reported(text):
    assert [f.text for f in lint_text("标题\n" + text, select=[r.id for r in RULES])] == []


@pytest.mark.parametrize("text, wrong, right", [
    ("再这之前，他已经离开了。", "再", "在"),
    ("离开以后，他在也没有回来。", "在", "再"),
    ("用它来形容在合适不过了。", "在", "再"),
    ("他看上去好象很累。", "象", "像"),
    ("大家象往常一样上班。", "象", "像"),
    ("新校区以经投入使用。", "以", "已"),
    ("从此已后，他再没来过。", "已", "以"),
    ("请核对帐户信息。", "帐", "账"),
    ("费用有乙方承担。", "有", "由"),
    ("他做为一名教师。", "做为一名", "作为一名"),  # typos.word's entry: one finding
    ("这部份内容很重要。", "份", "分"),
    ("多喝水补充水份。", "份", "分"),
    ("司机换档时要踩离合。", "档", "挡"),
    ("工人应当遵守权力和义务。", "力", "利"),
    ("这会导至严重后果。", "至", "致"),
    ("即便如此，既使如此也不行。", "既", "即"),
    ("这取决与你自己。", "与", "于"),
    ("该公司的营业收人增长了。", "人", "入"),
    ("截止目前，已有三千人报名。", "止", "至"),
    ("他在乡下渡过了童年。", "渡", "度"),
    ("所有人必需遵守规定。", "需", "须"),
    ("甲方由权解除合同。", "由", "有"),
    ("车子又陷人困境。", "人", "入"),
    ("只花了两快钱。", "快", "块"),
    ("不舒服得话就休息。", "得", "的"),
    ("这损害了企业的形像。", "像", "象"),
    ("笑得时候要自然。", "得", "的"),
    ("双方没有厉害关系。", "厉", "利"),
    ("鸽子像征着和平。", "像", "象"),
    ("这一点及其重要。", "及", "极"),
    ("这款车的底盘调教偏硬。", "教", "校"),
    ("这个问题下次在聊聊。", "在", "再"),
    ("请大家在检查一下试卷。", "在", "再"),
    ("东西在好也不能多吃。", "在", "再"),
    ("双方再本合同中约定了违约责任。", "再", "在"),
    ("他一点也不再乎别人的看法。", "再", "在"),
    ("这再很大程度上取决于天气。", "再", "在"),
    ("我只是随便说说而以。", "以", "已"),
    ("他多带了一把伞，已防万一。", "已", "以"),
    ("有此可见，方案是可行的。", "有", "由"),
    ("据居民反应，路灯已经坏了一周。", "应", "映"),
    ("服药后出现过敏反映。", "映", "应"),
    ("汽车行使在公路上。", "使", "驶"),
    ("依法行驶职权。", "驶", "使"),
    ("他被任命为付局长。", "付", "副"),
    ("这种药的付作用很小。", "付", "副"),
    ("他拒绝接收采访。", "收", "受"),
    ("本合同一式两分。", "分", "份"),
    ("专家深人基层调研。", "人", "入"),
    ("哪么多人在排队。", "哪", "那"),
    ("这款车调教偏硬。", "教", "校"),
    ("他长得象他父亲。", "象", "像"),
    ("这得益与政策支持。", "与", "于"),
    ("先把车洗干净，在打蜡。", "在", "再"),
    ("把面团揉好，然后在切成小块。", "在", "再"),
    ("再他的帮助下，我进步很快。", "再", "在"),
    ("病人再医院里住了一周。", "再", "在"),
    ("比赛在度上演逆转。", "在", "再"),
    ("在过几天就放假了。", "在", "再"),
    ("在怎么努力也赶不上。", "在", "再"),
    ("进入车间必须佩带安全帽。", "带", "戴"),
    ("墙上挂着一副山水画。", "副", "幅"),
    ("他戴着一幅墨镜。", "幅", "副"),
    ("院子里有一颗大树。", "颗", "棵"),
    ("这是一枝球队。", "枝", "支"),
    ("这是决对不允许的。", "决", "绝"),
    ("他买了一套化装品。", "装", "妆"),
    ("这是大家期待以久的好消息。", "以", "已"),
    ("会议开了40份钟。", "份", "分"),
    ("他跑的非常快。", "的", "得"),
    ("他悄悄的走进了会议室。", "的", "地"),
    ("这一点值的一提。", "的", "得"),
    ("做为本市最早的商场，它见证了很多变化。", "做", "作"),
    ("列车再凌晨抵达了终点站。", "再", "在"),
    ("老街两侧不允许站道经营。", "站", "占"),
    ("个别商户擅自站用公共绿地。", "站", "占"),
    ("志愿者们毫不迟疑的奔向救灾一线。", "的", "地"),
    ("台下的学员认真的聆听专家讲座。", "的", "地"),
    ("这里的小吃很地道，下回还能在来尝尝。", "在", "再"),
])
def test_classic_confusions_are_reported_with_the_right_form(text, wrong, right):
    findings = lint_text("标题\n" + text, select=["typos", "typos.particle"])  # particle: off by default
    assert [(f.text, f.replacements[0]) for f in findings] == [(wrong, right)]


def test_the_particle_rule_is_off_by_default_and_on_when_selected():
    text = "标题\n他跑的非常快。"
    assert [f.rule for f in lint_text(text) if f.rule.startswith("typos.")] == []
    assert [f.rule for f in lint_text(text, select=["typos.particle"])] == ["typos.particle"]


def test_compiled_groups_are_remembered_and_a_damaged_entry_is_compiled_again(own_cache_dir):
    """The built-in groups compile to ~8,000 literals at every start; the user cache keeps the
    result. What is read back equals a fresh compile, and an entry that is not the right shape
    (a damaged or foreign file) is compiled again and rewritten."""
    from lint.kinds import confusable

    groups = [{"why": "a", "forms": ["[再>在](这|此)(之前|之后)"], "exceptions": ["(现|实)在也"]},
              {"why": "b", "forms": ["[在>再]也(不|没)"], "exceptions": ["(现|实)在也"]}]
    fresh = confusable._compile(groups)
    for entry in own_cache_dir.glob("confusable-*.json"):
        entry.unlink()
    assert confusable._groups(groups) == fresh  # compiled, then written
    entry, = own_cache_dir.glob("confusable-*.json")
    assert confusable._groups(groups) == fresh  # read back
    for damaged in ('{"whys": ["a"]}', '[1, 2]', '{"whys": ["a", "b"], "forms": ["再这之前"], "info": [[5, 0, 1, "在"]], "shelters": [{}, {}]}'):
        entry.write_text(damaged, encoding="utf-8")
        assert confusable._groups(groups) == fresh
        assert confusable._well_formed(__import__("json").loads(entry.read_text(encoding="utf-8")))
    assert [f[:3] for f in found(rule(groups), "再这之前，他在也不来了。")] == [("再", 3, ["在"]), ("在", 9, ["再"])]


def test_a_clause_test_can_look_right_before_and_right_after_the_form():
    r = rule([{"why": "状语用“地”", "forms": ["(认真|耐心)[的>地]"],
               "exceptions": ["的态度"],
               "clause": [{"prev": ["(都|也)"], "unless_prev": ["而(都|也)"]},
                          {"next": ["(向|在)"], "unless_next": ["在职"]}]}])
    assert [f[:3] for f in found(r, "大家都认真的听讲。")] == [("的", 8, ["地"])]
    assert [f[0] for f in found(r, "民警耐心的向老人讲解。")] == ["的"]
    assert found(r, "医生耐心的讲解让人感动。") == []          # no adverb before, no preposition after
    assert found(r, "复杂而也认真的工作。") == []                # unless_prev
    assert found(r, "他们耐心的在职培训。") == []                # unless_next
    assert found(r, "他们都认真的态度。") == []                  # the exception
    assert found(r, "都。认真的听讲。") == []                    # the adverb in another sentence


def test_the_literal_caret_in_prev_also_passes_at_the_start_of_the_text():
    clause = [[], [], [], ["^", "，"], [], [], ["期"]]   # before … unless_next, as compiled
    assert _in_clause("做为本地商场，它很老。", 0, 2, clause)   # the literal 做为 at 0-2
    assert _in_clause("今年，做为本地商场。", 3, 5, clause)
    assert not _in_clause("他们在做为期两天的培训。", 3, 5, clause)   # no clause start before
    assert not _in_clause("做为期两天的培训。", 0, 2, clause)          # unless_next
    r = rule([{"why": "句首用“作为”", "forms": ["[做>作]为"], "clause": {"prev": ["(^|\n|，)"]}}])
    assert [f[:3] for f in found(r, "做为本地商场，它很老。")] == [("做", 3, ["作"])]
    assert found(r, "他们在做为本地商场。") == []


# session 15: function characters and measure words in contexts that decide them (docs/typos.md,
# "Session 15"); sentences of our own, never of a measurement set
@pytest.mark.parametrize("text, wrong, right", [
    ("今年的用电量叫去年增长了一成。", "叫", "较"),
    ("入秋以后，山区夜里仍叫冷。", "叫", "较"),
    ("这一带的交通拥堵叫为严重。", "叫", "较"),
    ("地铁开通后，从新区到老城之需二十分钟。", "之", "只"),
    ("暴雨过后，进山之剩下一条土路。", "之", "只"),
    ("他多次提交申请，确迟迟没有得到答复。", "确", "却"),
    ("该男子层因酒后驾驶被吊销驾照。", "层", "曾"),
    ("截至上周，新校区的主体工程己完成。", "己", "已"),
    ("春节前，全市个大商场都延长了营业时间。", "个", "各"),
    ("会上，个相关部门逐一汇报了进展。", "个", "各"),
    ("他要求个级政府加强监管。", "个", "各"),
    ("施工现场的工人都带着安全帽。", "带", "戴"),
    ("骑电动车时必须带好头盔。", "带", "戴"),
    ("这坐建于明代的石桥至今仍在使用。", "坐", "座"),
    ("共有三百为居民参加了义诊。", "为", "位"),
    ("这位导演先后拍摄了二十多步电影。", "步", "部"),
    ("该药物目前任处于临床试验阶段。", "任", "仍"),
    ("受损的桥梁目前扔未修复。", "扔", "仍"),
    ("明天本市有将迎来一次降温过程。", "有", "又"),
    ("比赛第70分钟，客队有扳回一球。", "有", "又"),
    ("这项活动有区总工会负责组织实施。", "有", "由"),
    ("首批药品以运抵灾区。", "以", "已"),
    ("这起盗窃案以于上周审结。", "以", "已"),
    ("目前还不清楚是那一方违约。", "那", "哪"),
    ("很多老人分不清那些消息是真是假。", "那", "哪"),
    ("每个人都愿意为社区建设尽一分力。", "分", "份"),
    ("他仔细核对了每一分保单。", "分", "份"),
    ("一只由退伍军人组成的巡逻队守护着大坝。", "只", "支"),
    ("公司派出一只三十人的技术团队。", "只", "支"),
    ("下一部，我们将扩大试点范围。", "部", "步"),
    ("防汛指挥部连夜部属抢险工作。", "属", "署"),
    ("市民出行时因当注意防暑。", "因", "应"),
    ("受天气影响，蔬菜价格有所下将。", "将", "降"),
])
def test_session_15_confusions_are_reported_with_the_right_form(text, wrong, right):
    findings = lint_text("标题\n" + text, select=["typos"])
    assert [(f.text, f.replacements[0]) for f in findings] == [(wrong, right)]


@pytest.mark.parametrize("text", [
    "大家都叫他老王。", "这个村子现在仍叫王家庄。", "这是燃眉之需，必须马上解决。",
    "他确实一直很努力。", "经核实，情况确属实。", "办公楼的其他层因停电暂时关闭。",
    "他自己完成了全部实验。", "我们约个地方见面。", "他随身携带着安全帽。", "他一坐就是半天。",
    "这为老人出行提供了方便。", "以十为单位计算。", "他走好了人生的每一步。",
    "公司部属众多，管理难度大。", "因该校场地有限，活动改在体育馆举行。", "以下将介绍具体做法。",
    "手下将士们士气高涨。", "凡事都有是非之分。", "市民可以于近日到窗口办理。", "他那一年刚上大学。",
    "一只由志愿者收养的小狗。", "他养了一只三岁的猫。", "他的下一部作品即将出版。",
    "三部曲的第一部，讲的是他的童年。", "大家都在期待他的下一部。", "他不知道是那个人帮了他。",
    "他分不清那个人的声音。", "以5G为代表的新技术。", "困难群众可以申请以获救助。",
    "集团旗下将超过百家门店。", "满足日常之需一应俱全。",
    "行为人因该行为取得的财产应当退还。", "其中一个地区的降水偏多。", "西瓜个大，汁多味甜。",
])
def test_session_15_correct_text_is_not_reported(text):
    assert [f.text for f in lint_text("标题\n" + text, select=["typos"])] == []


# session 15: real words in a context that decides them (docs/typos.md, "Session 15")
@pytest.mark.parametrize("text, wrong, right", [
    ("该男子涉险合同诈骗被警方刑事拘留。", "险", "嫌"),
    ("防汛物质已经全部运到堤坝上。", "质", "资"),
    ("拟任人选名单公式期满无异议后正式任命。", "式", "示"),
    ("乘客的托运行礼被误送到了另一个城市。", "礼", "李"),
    ("老年人要控制盐分射入。", "射", "摄"),
    ("近期国际油价大幅拨动。", "拨", "波"),
    ("她在全国锦标赛上卫冕官军。", "官", "冠"),
    ("这条小路改为单项通行。", "项", "向"),
    ("学校开设了三十多门选秀课。", "秀", "修"),
    ("这部小说被改变成了话剧。", "变", "编"),
    ("图书馆每周一闭关。", "关", "馆"),
    ("今年共受理投宿两千余件。", "宿", "诉"),
    ("两条线路在这里实现无缝换成。", "成", "乘"),
    ("要做好农作物病虫害防止工作。", "止", "治"),
    ("交警依法扣压车辆。", "压", "押"),
    ("他在报上发表了一片评论。", "片", "篇"),
    ("大门两侧贴着一幅春联。", "幅", "副"),
])
def test_session_15_real_word_confusions_are_reported_with_the_right_form(text, wrong, right):
    findings = lint_text("标题\n" + text, select=["typos"])
    assert [(f.text, f.replacements[0]) for f in findings] == [(wrong, right)]


@pytest.mark.parametrize("text", [
    "他冒着生命危险涉险救人。", "精神文明和物质文明要协调发展。", "这道题要用求根公式。",
    "他向老师行礼致敬。", "要防止病毒传播。", "他用手指轻轻拨动琴弦。", "出版社退回了被扣压多年的稿件。",
    "他闭关修炼了三个月。", "旅客在小镇上投宿一晚。", "官军和义军在城外交战。", "他改变了原来的计划。",
])
def test_session_15_real_words_in_their_own_places_are_not_reported(text):
    assert [f.text for f in lint_text("标题\n" + text, select=["typos"])] == []
