"""The `referent` kind: a demonstrative phrase whose referent the headline never names."""
import textwrap

import pytest

from lint.engine import Engine
from lint.kinds import FieldError
from lint.readers.text import read_text
from lint.rulepack import RuleFileError, parse_pack

RULE = """
    rules:
      - id: d
        kind: referent
        level: warning
        message: "“{match}”指什么？"
        demonstratives: [这, 那]
        classifiers: [个, 位, 种, 样, 些, 项, 笔, 座, 只]
        deictic: [春节, 时候]
        exceptions: [这样, 这只是]
"""


def found(headline, rule=RULE):
    rules = parse_pack(textwrap.dedent(rule), "test.yaml")
    findings, failures = Engine(rules).lint(read_text(headline + "\n这种正文不算。\n"))
    assert not failures
    return [(f.text, f.column, f.message) for f in findings]


def test_a_phrase_with_no_referent_is_reported_with_its_position():
    assert found("冰箱里这3样东西别放太久") == [("这3样", 4, "“这3样”指什么？")]
    assert found("那位老人每天坐在站台") == [("那位", 1, "“那位”指什么？")]
    assert [t for t, _, _ in found("提醒：这几种食物要少吃")] == ["这几种"]  # 提醒： is too short to name it
    assert [t for t, _, _ in found("这些人要注意")] == ["这些"]


def test_numbers_in_digits_or_characters():
    assert [t for t, _, _ in found("这12项新规明年施行")] == ["这12项"]
    assert [t for t, _, _ in found("这两种做法都不对")] == ["这两种"]


def test_the_body_is_not_the_headline():
    assert found("社区食堂开张") == []


def test_deictic_words_point_at_the_present():
    assert found("这个春节，返乡的人多了") == []
    assert found("这个时候出发最合适") == []


def test_a_colon_after_a_long_clause_names_the_referent():
    assert found("电动自行车不得进楼入户：这项规定下月起施行") == []
    # a short clause before the colon is a speaker, not the referent
    assert [t for t, _, _ in found("专家：这项规定下月起施行")] == ["这项"]


def test_a_word_repeated_from_earlier_names_the_referent():
    assert found("城南新建一座公园 这座公园明天开放") == []
    assert [t for t, _, _ in found("城南新建一座公园 这座桥明天通车")] == ["这座"]


def test_exceptions_cover_ordinary_words():
    assert found("存钱这样做更划算") == []
    assert found("这只是第一步") == []
    assert [t for t, _, _ in found("这只猫会开门")] == ["这只"]


def test_antecedent_and_repeat_can_be_turned_off():
    off = RULE + "        antecedent: 0\n        repeat: 0\n"
    assert [t for t, _, _ in found("电动自行车不得进楼入户：这项规定下月起施行", off)] == ["这项"]
    assert [t for t, _, _ in found("城南新建一座公园 这座公园明天开放", off)] == ["这座"]


def test_missing_fields_are_load_errors():
    with pytest.raises((RuleFileError, FieldError)) as error:
        parse_pack("rules:\n  - {id: d, kind: referent, level: warning, message: m, demonstratives: [这]}\n", "t.yaml")
    assert "classifiers" in str(error.value)


def test_a_colon_after_the_phrase_can_list_what_it_points_at():
    listed = RULE + "        listed: 6\n"
    assert found("这些地区明天有强降雪：北京、天津、河北北部", listed) == []
    # too little after the colon to name anything, or no colon in the phrase's clause
    assert [t for t, _, _ in found("这些地区明天有强降雪：快看", listed)] == ["这些"]
    assert [t for t, _, _ in found("这些地区明天有强降雪。专家：北京天津河北要注意", listed)] == ["这些"]
    # off by default
    assert [t for t, _, _ in found("这些地区明天有强降雪：北京、天津、河北北部")] == ["这些"]


def test_a_long_quotation_followed_by_the_headline_is_a_speakers_words():
    rule = RULE + "        quoted: 8\n"
    assert found("“那项工程让全村喝上了自来水”——走访山区供水站", rule) == []
    assert found('"这座桥修好以后，赶集只要十分钟"——记者回访', rule) == []
    # a short quoted phrase withholds as much as an unquoted one
    assert [t for t, _, _ in found("“这种病”早发现就能治好", rule)] == ["这种"]
    # a quotation that is the whole headline is the headline's own words
    assert [t for t, _, _ in found("“这个东西千万不要放进微波炉”", rule)] == ["这个"]
    # a speaker of four or more characters, with a colon or a speech verb (session 14)
    assert found("老站长退休那天说“这座小站陪了我三十年”", rule) == []
    assert found("县医院院长：“这项手术已做了两百例”", rule) == []
    assert [t for t, _, _ in found("医生说“这种水果千万别空腹吃”", rule)] == ["这种"]
    # off by default
    assert [t for t, _, _ in found("“那项工程让全村喝上了自来水”——走访山区供水站")] == ["那项"]


def test_a_quotation_or_a_title_right_after_the_phrase_names_it():
    rule = RULE.replace("classifiers: [", "classifiers: [句, 部, ") + "        titled: 8\n"
    assert found("这句“晚饭前一定要回家”的家训 传了四代人", rule) == []
    assert found('这句"晚饭前一定要回家"的家训 传了四代人', rule) == []
    assert found("这部《山海图志》下月播出", rule) == []  # a title, whatever its length
    # a short quotation is a scare quote or a nickname: still withheld
    assert [t for t, _, _ in found("这种“零食”孩子天天吃", rule)] == ["这种"]
    assert [t for t, _, _ in found("这部“年轻人的必看剧”火了十年", rule)] == ["这部"]
    # an unclosed quotation or an empty title names nothing
    assert [t for t, _, _ in found("这句“晚饭前一定要回家", rule)] == ["这句"]
    assert [t for t, _, _ in found("这部《》下月播出", rule)] == ["这部"]
    # off by default
    assert [t for t, _, _ in found("这句“晚饭前一定要回家”的家训 传了四代人",
                                   RULE.replace("classifiers: [", "classifiers: [句, "))] == ["这句"]


def test_a_phrase_that_addresses_the_reader_is_not_reported():
    rule = RULE + "        vocative: [你, 您]\n"
    assert found("这位车主，你的保险快到期了吗", rule) == []
    assert found("提醒｜这些家长，您报的托管班有备案吗", rule) == []
    # a third person after the comma: someone withheld; and off by default
    assert [t for t, _, _ in found("这位车主，他的保险快到期了", rule)] == ["这位"]
    assert [t for t, _, _ in found("这位车主，你的保险快到期了吗")] == ["这位"]
    # the phrase must open its clause
    assert [t for t, _, _ in found("看看这位车主，你就明白了", rule)] == ["这位"]


def test_a_noun_that_renames_the_words_before_the_phrase():
    rule = RULE.replace("项, 笔, 座", "项, 笔, 条, 座") + "        named_before: {钱: [国债, 补贴], 路: [学医]}\n"
    assert found("新发国债这笔钱投向哪里", rule) == []
    assert found("学医这条路越来越难走", rule) == []
    # another noun, a word not listed, or a mark between: still withheld
    assert [t for t, _, _ in found("新发国债这座桥今天通车", rule)] == ["这座"]
    assert [t for t, _, _ in found("还没领这笔钱的抓紧", rule)] == ["这笔"]
    assert [t for t, _, _ in found("国债，这笔钱投向哪里", rule)] == ["这笔"]


def test_named_before_must_map_nouns_to_lists():
    with pytest.raises((RuleFileError, FieldError)) as error:
        parse_pack(textwrap.dedent(RULE + "        named_before: {钱: 国债}\n"), "t.yaml")
    assert "named_before" in str(error.value)


def test_a_noun_that_repeats_the_head_of_a_word_the_clause_before_named():
    rule = RULE.replace("项, 笔, 座", "项, 笔, 条, 类, 座") + "        echo: 8\n"
    assert found("东郊地铁5号线今天开通 这条线连起三座高铁站", rule) == []
    assert found("八种抗癌药纳入医保目录：这类药品平均降价五成", rule) == []
    # the clause names nothing of the kind, is too short, or a comma comes before the phrase
    assert [t for t, _, _ in found("卫星变换轨道后仍然稳定 这个系统是关键", rule)] == ["这个"]
    assert [t for t, _, _ in found("5号线开通 这条线连起三座高铁站", rule)] == ["这条"]
    assert [t for t, _, _ in found("东郊地铁5号线今天开通，这条线连起三座高铁站", rule)] == ["这条"]
    # off by default
    assert [t for t, _, _ in found("东郊地铁5号线今天开通 这条线连起三座高铁站", RULE.replace("项, 笔, 座", "项, 笔, 条, 座"))] == ["这条"]


def test_a_second_part_that_goes_on_about_what_the_first_named():
    rule = RULE + "        sequel: 10\n"
    assert found("南湖大桥完成加固 这座桥今起恢复双向六车道通行", rule) == []
    assert found("城北老粮站改建为社区书房 这些老房子保留了原来的木梁", rule) == []
    # a short second part, one that ends in a mark, a comma or a question mark before it,
    # or a short first part: still withheld
    assert [t for t, _, _ in found("卫星变换轨道后仍然稳定 这个系统是关键", rule)] == ["这个"]
    assert [t for t, _, _ in found("全市中小学寒假安排公布 这些变化家长都要知道！", rule)] == ["这些"]
    assert [t for t, _, _ in found("全市中小学寒假安排公布，这些变化家长都要知道", rule)] == ["这些"]
    assert [t for t, _, _ in found("寒假安排公布了吗？这些变化家长都要知道", rule)] == ["这些"]
    assert [t for t, _, _ in found("寒潮来袭 这些老房子保留了原来的木梁", rule)] == ["这些"]
    # off by default
    assert [t for t, _, _ in found("南湖大桥完成加固 这座桥今起恢复双向六车道通行")] == ["这座"]


def test_a_noun_that_sums_up_an_amount_or_a_fee_named_earlier():
    rule = RULE + "        named_earlier: {钱: [元, 费]}\n"
    assert found("物业费每平方米上调三角，这笔钱将用于加装电梯", rule) == []
    assert found("他攒下3万元，用这笔钱开了一家书店", rule) == []
    # nothing earlier names it, or another noun follows the phrase: still withheld
    assert [t for t, _, _ in found("还没领这笔钱的抓紧", rule)] == ["这笔"]
    assert [t for t, _, _ in found("物业费上调，这座桥下月通车", rule)] == ["这座"]
    # off by default
    assert [t for t, _, _ in found("物业费每平方米上调三角，这笔钱将用于加装电梯", RULE)] == ["这笔"]


def test_a_name_given_right_after_the_phrase():
    rule = RULE.replace("项, 笔, 座", "项, 笔, 座, 种") + "        names_after: \"名叫\\\\p{Han}{1,8}的\"\n"
    assert found("这种名叫一枝黄花的植物已在湿地蔓延", rule) == []
    assert [t for t, _, _ in found("这种植物已在湿地蔓延", rule)] == ["这种"]


def test_names_after_must_be_an_expression():
    with pytest.raises((RuleFileError, FieldError)) as error:
        parse_pack(textwrap.dedent(RULE + "        names_after: \"名叫(\"\n"), "t.yaml")
    assert "names_after" in str(error.value)


def test_a_phrase_after_a_comma_that_follows_a_statement():
    rule = RULE + textwrap.indent(textwrap.dedent("""\
        stated: 10
        stated_rest: 7
        topic_ends: [的, 起, 说]
        unstated: [谁, 怎么, 有一]
        stated_open: [说法, 人, 最]
    """), "        ")
    # a statement of ten or more characters, then a statement of its own about what it named
    assert found("溪口水库今年通过竣工验收，这座大坝可灌溉农田三万亩", rule) == []
    assert found("新规要求快递柜免费存放一天，这项规定下月起施行", rule) == []
    # an audience, a time or a hearsay before the comma names nothing
    assert [t for t, _, _ in found("家里有老人和孩子的，这项检查可以免费做", rule)] == ["这项"]
    assert [t for t, _, _ in found("从下个月的第一天起，这些药品可以报销", rule)] == ["这些"]
    assert [t for t, _, _ in found("住在附近的居民都在说，那座桥要拆了", rule)] == ["那座"]
    # a clause that asks or only says that something exists; a quotation alone
    assert [t for t, _, _ in found("体检报告里有一项常被忽略，这个指标比血糖要紧", rule)] == ["这个"]
    assert [t for t, _, _ in found("“喝骨头汤能补钙”这话流传很广，这个说法只对了一半", rule)] == ["这个"]
    assert [t for t, _, _ in found("“早睡早起的人更长寿的秘诀”，这个习惯你有没有", rule)] == ["这个"]
    # a short clause, a short or loud second part, a pick of one, a group of people, a question after it
    assert [t for t, _, _ in found("水库验收了，这座大坝可灌溉农田三万亩", rule)] == ["这座"]
    assert [t for t, _, _ in found("溪口水库今年通过竣工验收，这座大坝太绝了！", rule)] == ["这座"]
    assert [t for t, _, _ in found("退休以后最好培养一个爱好，这种最不容易老", rule)] == ["这种"]
    assert [t for t, _, _ in found("学费每年可减免五千元整，这些人可以申请", rule)] == ["这些"]
    assert [t for t, _, _ in found("全市中学运动会今天闭幕了，这座体育馆怎么了", rule)] == ["这座"]
    # off by default
    assert [t for t, _, _ in found("溪口水库今年通过竣工验收，这座大坝可灌溉农田三万亩")] == ["这座"]
