"""The `headline` pack on the project's labelled headline set, through the real engine.

tests/data/headlines.tsv holds headlines written by this project (label, family, headline):
`clickbait` ones name the family they belong to, `sober` ones the hard case they test.
benchmarks/eval_headlines.py prints the same figures with the misses and a corpus sample.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

import pytest

from lint import lint_text

DATA = Path(__file__).parent / "data" / "headlines.tsv"
BLIND = Path(__file__).parent / "data" / "headlines-blind.tsv"
# `length` and `empty` judge the form of a headline, not clickbait
FORM_RULES = {"headline.length", "headline.empty"}
# runs of one mark (！！！) are reported by the punctuation pack (with a fix), not twice
SELECT = ["headline", "headline.score", "punctuation.repeated-marks"]  # headline.score is off by default
# measured on tests/data/headlines.tsv when this test was written (see the report in
# benchmarks/eval_headlines.py): precision 1.000, recall 105/107 = 0.981; the misses are two
# SEO titles whose second half is a paraphrase, not a copy, of the first.
MIN_PRECISION = 0.95
MIN_RECALL = 0.98


def load(path=DATA):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


ROWS = load()
BLIND_ROWS = load(BLIND)


@lru_cache(maxsize=None)
def rules_on(headline: str) -> frozenset[str]:
    """ids of the headline rules that fire on a one-line article (its line is the headline)."""
    return frozenset(f.rule for f in lint_text(headline + "\n", select=SELECT))


def clickbait_rules(headline: str) -> set[str]:
    return set(rules_on(headline)) - FORM_RULES


def test_labelled_set_shape():
    labels = [row["label"] for row in ROWS]
    assert set(labels) == {"clickbait", "sober"}
    assert len(ROWS) >= 150
    assert 0.4 <= labels.count("clickbait") / len(labels) <= 0.6
    assert len({row["headline"] for row in ROWS}) == len(ROWS), "duplicate headline"
    assert all(row["family"] for row in ROWS)


def precision_recall(rows):
    tp = fp = fn = 0
    false_alarms, misses = [], []
    for row in rows:
        flagged = bool(clickbait_rules(row["headline"]))
        if row["label"] == "clickbait":
            tp += flagged
            fn += not flagged
            if not flagged:
                misses.append(row["headline"])
        elif flagged:
            fp += 1
            false_alarms.append((row["headline"], sorted(clickbait_rules(row["headline"]))))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn)
    return precision, recall, false_alarms, misses


def test_precision_and_recall():
    precision, recall, false_alarms, misses = precision_recall(ROWS)
    assert precision >= MIN_PRECISION, false_alarms
    assert recall >= MIN_RECALL, misses


# tests/data/headlines-blind.tsv: headlines written freely in four rounds, each measured
# before any rule was tuned on it. Measured before tuning (recall; false positives on sober):
#   A 7/30 (no sober rows), B 8/40 with 1 of 28 sober flagged, C 4/30 with 0 of 30,
#   D 10/40 with 1 of 40 (刚刚发布的数据显示…, fixed afterwards).
# Rounds A-C then grew the rules; D, written last, is the honest figure for clickbait the rules
# were never shaped by: about one in four. Precision stays first.
# Issue 14 (2026-12-02) made "the subject withheld behind a demonstrative" a clickbait family
# (headline.demonstrative): the three rows of this set labelled sober as "neutral-这" (这些新规8月
# 起施行, 台风过境后 这座海岛小城加紧恢复生产, 这些地方启动重污染天气橙色预警) name no rule, no
# town and no place, so they were relabelled clickbait/withheld. The issue's own blind set
# (tests/data/headlines-blind.jsonl) is measured by benchmarks/eval_headlines.py, not here.
# Issue 14's work read the misses of every round of this set (it is no longer blind; the issue's
# own blind set is tests/data/headlines-blind.jsonl): recall after it, A 29/30, B 41/41,
# C 29/31, D 34/41.
BLIND_RECALL = {"A": 0.96, "B": 1.0, "C": 0.93, "D": 0.82}


@pytest.mark.parametrize("round_name", sorted(BLIND_RECALL))
def test_blind_rounds(round_name):
    rows = [row for row in BLIND_ROWS if row["round"] == round_name]
    precision, recall, false_alarms, misses = precision_recall(rows)
    assert not false_alarms
    assert recall >= BLIND_RECALL[round_name], misses


@pytest.mark.parametrize(
    "row", [r for r in ROWS if r["label"] == "sober"], ids=lambda r: f"{r['family']}:{r['headline']}"
)
def test_sober_headline_is_clean(row):
    # every sober headline is a hard case by design: none may draw a clickbait finding
    assert clickbait_rules(row["headline"]) == set()


# Each clickbait family must be caught by its own rule (not merely by some rule).
FAMILY_RULE = {
    "shock": "headline.shock",
    "withheld": "headline.withheld",
    "urgency": "headline.urgency",
    "exaggeration": "headline.exaggeration",
    "numbers": "headline.numbers",
    "coercion": "headline.coercion",
    "expose": "headline.expose",
    "seo-repeat": "headline.seo-repeat",
    "demonstrative": "headline.demonstrative",
    "hidden-ending": "headline.hidden-ending",
    "share-plea": "headline.share-plea",
    "hook": "headline.hook",
}
KNOWN_MISSES = {
    # the part after the separator paraphrases the part before instead of repeating it
    "孕妇可以吃榴莲吗_孕妇吃榴莲",
    "驾照扣分怎么查询｜驾照扣分查询",
}


@pytest.mark.parametrize(
    "row",
    [r for r in ROWS if r["label"] == "clickbait" and r["headline"] not in KNOWN_MISSES],
    ids=lambda r: f"{r['family']}:{r['headline']}",
)
def test_clickbait_headline_is_flagged(row):
    fired = clickbait_rules(row["headline"])
    assert fired, "no clickbait rule fired"
    if row["family"] in FAMILY_RULE:
        assert FAMILY_RULE[row["family"]] in fired
    elif row["family"] == "marks":
        assert fired & {"headline.marks", "headline.exclamations", "punctuation.repeated-marks"}


# --- the hard cases named in the issue, one by one -------------------------------------------
@pytest.mark.parametrize(
    "headline",
    [
        "为何秋粮还能丰收？",  # a plain question
        "某某再发声明：绝不姑息！",  # a speaker's quoted exclamation
        "沪指收涨0.85% 创业板指下跌1.2%",  # sober finance with percentages
        "某光伏企业上半年营收同比增长99%",  # 99% that is a fact, not a hook
        "新款折叠屏手机外观图曝光",  # the neutral 曝光 of a product image
        "市场监管总局曝光10起价格违法典型案例",  # a regulator's 曝光
        "涉事视频已全网下架 网信部门约谈平台",  # 全网 in its neutral sense
        "三大运营商推出新一代全网通套餐",
        "群聊防刷屏功能上线 管理员可限制发言频率",  # 刷屏 as a thing, not a boast
        "刷屏式广告扰民 多地出台户外屏幕管理办法",
        "刚刚过去的一年 全国新增城镇就业1244万人",  # 刚刚 as an ordinary adverb
        "多地紧急转移受灾群众 救援力量持续集结",
        "外交部：对袭击事件深感震惊",  # a formal statement of shock
        "事故原因究竟是什么？调查组已进驻现场",  # 究竟, not 竟
        "继承先辈未竟事业 新一代航天人接过接力棒",
        "城北湿地公园原来是一座采石场",
        "拆除违建后，原来的空地变成口袋公园",
        "研究：约20%的人存在维生素D缺乏",  # a statistic about people with a source
        "调查：九成受访者支持垃圾分类立法",
        "快看漫画完成新一轮融资",  # a brand named 快看
        "居然之家发布半年报 营收同比增长6%",  # a brand named 居然之家
        "这十年，乡村公路通到了家门口",
        "2020-2023年全国粮食产量稳定在1.3万亿斤以上",  # a range, not an SEO repeat
        "视频丨暴雨过后 志愿者连夜清理街道淤泥",
        "他成为球队历史上最年轻的队长",  # 历史上最, not 史上最
        # (session 7) a notice's label before a whole notice of its own labels it
        "注意！本周日起滨江大道每晚20时至次日6时禁止货车通行",
        "警惕！冒充燃气公司上门推销报警器 已有23户居民受骗",
        "好消息！城东新建的两所小学明年秋季招生",
        "市消防支队重要提醒：电动车电池切勿带入电梯",  # a named source's notice
        # (session 7) the second part of a two-part headline goes on about what the first named
        "南湖大桥完成加固 这座桥今起恢复双向六车道通行",
        "家用储能电池频繁鼓包？工程师解析三个原因",  # a question answered
    ],
)
def test_hard_sober_case(headline):
    assert clickbait_rules(headline) == set()


@pytest.mark.parametrize(
    "headline, rule",
    [
        ("老人膝盖疼吃什么药好_膝盖疼吃什么药好", "headline.seo-repeat"),
        ("某地盗窃案嫌疑人被抓获 真相令人哭笑不得", "headline.withheld"),
        ("合作到期仍是伙伴!曝两家车企将联合开发新平台", "headline.expose"),
        ("三大亮点!某品牌新款空调震撼发布", "headline.exaggeration"),
        ("一季度狂赚20亿的某药企,市值为何缩水三成?", "headline.exaggeration"),
        ("99%的人不知道，冰箱这个按钮这么有用", "headline.numbers"),
        ("不转不是中国人！为祖国的这项成就点赞", "headline.coercion"),
        ("刚刚！又一家网红餐厅宣布关店", "headline.hook"),
        ("这届年轻人太会玩了！！！", "punctuation.repeated-marks"),
        ("明天起油价要大涨？!", "headline.marks"),
        ("价格翻倍！排队三小时！这家小店到底卖什么", "headline.exclamations"),
        # (session 7) the label before a short or vague claim, or twice, is still the hook
        ("好消息！退休金又要涨了", "headline.hook"),
        ("提醒！提醒！明天起全市多个路口要大变样", "headline.hook"),
        ("警惕！老人又被盯上了", "headline.shock"),
        ("紧急提醒：家里有这种电器的赶紧检查", "headline.urgency"),
        # a second part too short to state a fact, or one that ends in a mark, still withholds
        ("冬季流感进入高发期 这类人要注意", "headline.demonstrative"),
        ("全市中小学寒假安排公布 这几个变化家长要知道！", "headline.demonstrative"),
        ("明年起一批新规施行，件件和你有关", "headline.reader-bait"),
    ],
)
def test_named_clickbait_case(headline, rule):
    assert rule in rules_on(headline)


def test_length_counts_characters_without_spaces():
    assert "headline.length" not in rules_on("国务院常务会议部署进一步优化营商环境和稳定外贸工作")
    long = "某公司发布公告称公司相关业务已经覆盖华东华南西南等多个区域具体数据请见后续披露的定期报告"
    assert "headline.length" in rules_on(long)


def test_head_anchored_patterns_work_after_leading_blank_lines():
    # the headline is the first non-empty line; `\G` anchors at its start, not the file's
    findings = lint_text("\n\n曝某歌手已秘密结婚\n正文第一段。\n", select=["headline"])
    assert [f.rule for f in findings] == ["headline.expose"]
    assert findings[0].line == 3 and findings[0].column == 1


# --- the same checks wherever the headline comes from ----------------------------------------
HEADLINE_SOURCES = {
    "a.txt": "{h}\n\n正文第一段。\n",
    "front-matter.md": "---\ntitle: \"{h}\"\n---\n\n正文第一段。\n",
    "heading.md": "# {h}\n\n正文第一段。\n",
    "title.html": "<html><head><title>{h}</title></head><body><p>正文第一段。</p></body></html>\n",
    "h1.html": "<html><head><title>网站</title></head><body><h1>{h}</h1><p>正文第一段。</p></body></html>\n",
}


def _bad_examples():
    from lint.rulepack import builtin_rules_dir, load_packs

    return [(rule.name, example) for rule in load_packs([builtin_rules_dir()])
            if rule.pack == "headline" and rule.id not in FORM_RULES for example in rule.examples["bad"]]


@pytest.mark.parametrize("name, headline", _bad_examples(), ids=lambda v: str(v))
def test_every_headline_source_gets_the_same_checks(name, headline):
    seen = {}
    for path, template in HEADLINE_SOURCES.items():
        findings = lint_text(template.format(h=headline), path, select=SELECT)
        seen[path] = sorted((f.rule, f.text) for f in findings if f.rule not in FORM_RULES)
    assert f"headline.{name}" in {rule for rule, _ in seen["a.txt"]}
    assert all(found == seen["a.txt"] for found in seen.values()), seen


def test_only_the_known_headline_rules_search_every_article():
    """A headline rule without anchors is searched on every article (its gate): a pattern that
    loses its anchors (a common character, an unanchored alternative) costs silently, so the
    rules that may have a gate are listed here."""
    from lint.rulepack import builtin_rules_dir, load_packs

    gated = {rule.id for rule in load_packs([builtin_rules_dir()])
             if rule.pack == "headline" and (rule.gate() is not None or not rule.literal_only)}
    # the engine searches headline rules' literals around the headline only, so 这/那 (demonstrative)
    # and the separators - — (seo-repeat) are their literals; only the form rules run on every article
    assert gated <= {"headline.length", "headline.empty", "headline.score"}, gated
