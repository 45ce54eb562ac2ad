"""Side by side: newslint's fixes against autocorrect-py's `format` / `lint_for` on tricky
sentences written for this comparison (none comes from the measurement corpus).

    .venv/bin/pip install -e '.[benchmark]'      # autocorrect-py: a benchmark extra only
    .venv/bin/python benchmarks/compare_autocorrect.py            # table to stdout
    .venv/bin/python benchmarks/compare_autocorrect.py --write    # also docs/comparison.md
    .venv/bin/python benchmarks/compare_autocorrect.py --corpus   # + pd1998 and seed figures

Each case has the text an editor following GB/T 15834-2011 (and mainland news style: no space
between Chinese and Latin letters or digits) would publish, and whether a checker must flag it
(for faults with no safe fix, such as an unpaired quote). A tool is right on a case when its
output equals that text and, for must-flag cases, when it reports the line.
"""
from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

import autocorrect_py

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from lint.linter import Linter  # noqa: E402

# Categories: the kinds of cases the peers' test suites (autocorrect, zhlint, pangu) cover,
# each with cases written for this comparison. (category, what it tests, input, expected text,
# must be flagged even without a fix[, file suffix: body text of a .txt unless ".md"])
CASES = [
    ("half-width marks in Chinese text", "comma after a closing quote", "居民从“观众”变成“主角”,大家都很满意。", "居民从“观众”变成“主角”，大家都很满意。", False),
    ("half-width marks in Chinese text", "parentheses around Chinese", "荆楚网(湖北日报网)发布了消息。", "荆楚网（湖北日报网）发布了消息。", False),
    ("half-width marks in Chinese text", "semicolon", "天气转凉;请注意保暖。", "天气转凉；请注意保暖。", False),
    ("half-width marks in Chinese text", "date-time after a colon", "发布时间:2023-08-15 17:54:44", "发布时间：2023-08-15 17:54:44", False),
    ("half-width marks in Chinese text", "version and sentence period", "新版本v2.0.1修复了问题.", "新版本v2.0.1修复了问题。", False),
    ("half-width marks in Chinese text", ".NET and Node.js", "团队用.NET和Node.js开发了系统.", "团队用.NET和Node.js开发了系统。", False),
    ("half-width marks in Chinese text", "stock code", "凯美特气(002549.SZ):正加速布局。", "凯美特气（002549.SZ）：正加速布局。", False),
    ("half-width marks in Chinese text", "period after a closing quote", "他说这是“最后一次”.", "他说这是“最后一次”。", False),
    ("half-width marks in Chinese text", "question and exclamation pair", "真的吗?!", "真的吗？！", False),
    ("half-width marks in Chinese text", "half-width comma listing Latin names", "系统支持Windows,macOS和Linux。", "系统支持Windows、macOS和Linux。", False),
    ("numbers, codes and addresses", "time and score", "比赛于17:54结束,比分3:2。", "比赛于17:54结束，比分3:2。", False),
    ("numbers, codes and addresses", "decimal and percent", "圆周率约为3.14,增速为6.2%。", "圆周率约为3.14，增速为6.2%。", False),
    ("numbers, codes and addresses", "IP address", "服务器地址为192.168.1.1,已恢复访问。", "服务器地址为192.168.1.1，已恢复访问。", False),
    ("numbers, codes and addresses", "URL with its own comma and brackets", "详见 https://example.com/a,b(c) 页面。", "详见 https://example.com/a,b(c) 页面。", False),
    ("numbers, codes and addresses", "e-mail address", "请联系news@example.com,我们会回复。", "请联系news@example.com，我们会回复。", False),
    ("numbers, codes and addresses", "e.g. inside Chinese", "常用缩写如e.g.表示举例。", "常用缩写如e.g.表示举例。", False),
    ("numbers, codes and addresses", "list number 一.", "一.总则", "一.总则", False),
    ("numbers, codes and addresses", "no space between Chinese and digits", "新增5G基站1200个。", "新增5G基站1200个。", False),
    ("numbers, codes and addresses", "ideographic-space indent", "\u3000\u3000段首缩进用全角空格。", "\u3000\u3000段首缩进用全角空格。", False),
    ("English inside Chinese text", "quoted English sentence", "他引用了一句英文:“Knowledge is power, and power is responsibility.”",
     "他引用了一句英文：“Knowledge is power, and power is responsibility.”", False),
    ("English inside Chinese text", "full-width marks in English", "他在信中写道：“We will win，and we will be back。”",
     "他在信中写道：“We will win, and we will be back.”", False),
    ("English inside Chinese text", "full-width ： and ！ in English", "门口的牌子上写着：“Notice：Please wait here，thank you！”",
     "门口的牌子上写着：“Notice: Please wait here, thank you!”", False),
    ("English inside Chinese text", "English sentence keeps its !", "他在留言本上写下Hope to see you again!便匆匆离开。", "他在留言本上写下Hope to see you again!便匆匆离开。", False),
    ("English inside Chinese text", "English question keeps its ?", "导游用英语问Are you ready?大家齐声回答。", "导游用英语问Are you ready?大家齐声回答。", False),
    ("English inside Chinese text", "English sentence keeps , and .", "墙上贴着Work hard, dream big.几个大字。", "墙上贴着Work hard, dream big.几个大字。", False),
    ("English inside Chinese text", "Chinese sentence ending in a product name", "这次更新主要针对Android.", "这次更新主要针对Android。", False),
    ("English inside Chinese text", "Chinese question ending in a name", "你们公司也用Slack?", "你们公司也用Slack？", False),
    ("English inside Chinese text", "question mark after a Latin word", "你用过ChatGPT吗?还是用Kimi?", "你用过ChatGPT吗？还是用Kimi？", False),
    ("HTML entities in plain text", "&quot; pair", "报道里的&quot;双减&quot;政策引发讨论。", "报道里的&quot;双减&quot;政策引发讨论。", False),
    ("HTML entities in plain text", "numeric entity", "原文写作&#34;共享&#34;二字。", "原文写作&#34;共享&#34;二字。", False),
    ("HTML entities in plain text", "&lt; &gt;", "代码中的&lt;br&gt;表示换行。", "代码中的&lt;br&gt;表示换行。", False),
    ("HTML entities in plain text", "a real semicolon after an entity", "输入&amp;符号;再输入空格。", "输入&amp;符号；再输入空格。", False),
    ("spaces around marks", "spaced comma between Chinese words", "天色已晚 , 大家陆续回家。", "天色已晚，大家陆续回家。", False),
    ("spaces around marks", "spaced exclamation at the line end", "这里真美 !", "这里真美！", False),
    ("spaces around marks", "spaced colon", "报名方式 : 电话或网上报名。", "报名方式：电话或网上报名。", False),
    ("spaces around marks", "space after a converted comma", "演出结束了, 观众久久不愿离去。", "演出结束了，观众久久不愿离去。", False),
    ("spaces around marks", "spaces around full-width marks", "近日 ，居民们说： 现在干净多了。", "近日，居民们说：现在干净多了。", False),
    ("Markdown tables and containers", "table cell: the space before | stays", "| 地区 | 备注 |\n|---|---|\n| 东区 | 已完成, |\n",
     "| 地区 | 备注 |\n|---|---|\n| 东区 | 已完成， |\n", False, ".md"),
    ("Markdown tables and containers", "table cell ending in a full-width colon", "| 指标 | 数值 |\n|---|---|\n| 增幅： | 5% |\n",
     "| 指标 | 数值 |\n|---|---|\n| 增幅： | 5% |\n", False, ".md"),
    ("Markdown tables and containers", "container: the content is prose", "::: warning 注意\n雨天路滑,请慢行。\n:::\n",
     "::: warning 注意\n雨天路滑，请慢行。\n:::\n", False, ".md"),
    ("Markdown tables and containers", "container fence before Chinese", ":::提醒\n雨天路滑。\n:::\n", ":::提醒\n雨天路滑。\n:::\n", False, ".md"),
    ("sentence end after a number or word", "percent then period", "全年接待游客1200万人次,增长18%.", "全年接待游客1200万人次，增长18%。", False),
    ("sentence end after a number or word", "number then period", "本届参赛队伍共有64.", "本届参赛队伍共有64。", False),
    ("sentence end after a number or word", "acronym then period", "会议重点讨论了ESG.", "会议重点讨论了ESG。", False),
    ("sentence end after a number or word", "number then ? at the line end", "票价会涨到80?", "票价会涨到80？", False),
    ("sentence end after a number or word", "percent then ? at the line end", "失业率能降到4%?", "失业率能降到4%？", False),
    ("sentence end after a number or word", "list number after a colon", "要求如下：1.按时到场", "要求如下：1.按时到场", False),
    ("quotes", "straight quotes around Chinese", '居民们称它为"共享花园"。', "居民们称它为“共享花园”。", False),
    ("quotes", "nested straight quotes", "他说：\"我们要'再加把劲'。\"", "他说：“我们要‘再加把劲’。”", False),
    ("quotes", "straight quotes inside curly ones", '他说：“这就是"社区边角"的变化。”', "他说：“这就是‘社区边角’的变化。”", False),
    ("quotes", "straight quotes around English", '他只回了一个词:"OK"。', "他只回了一个词：“OK”。", False),
    ("quotes", "straight-quoted English word", '她把这种状态称作"flow"。', "她把这种状态称作“flow”。", False),
    ("quotes", "straight-quoted English phrase keeps its !", '海报上只有一句"Just do it!"。', "海报上只有一句“Just do it!”。", False),
    ("quotes", "an attribute in code", '把 lang="zh" 写进页面头部。', '把 lang="zh" 写进页面头部。', False),
    ("ellipsis", "ellipsis as dots", "有的居民提供花草,有的义务松土...", "有的居民提供花草，有的义务松土……", False),
    ("ellipsis", "ellipsis as periods", "大家都在等待。。。", "大家都在等待……", False),
    ("ellipsis", "ellipsis then period", "活动还在继续……。", "活动还在继续……", False),
    ("ellipsis", "English ... before Chinese", "片尾字幕打出Thanks for watching...观众起身离场。", "片尾字幕打出Thanks for watching...观众起身离场。", False),
    ("ellipsis", "English ......... in a phrase", "信里只写了一句 I miss you......... 便没有下文。", "信里只写了一句 I miss you......... 便没有下文。", False),
    ("dashes", "dash as hyphens", "活动的主角--社区居民,全程参与。", "活动的主角——社区居民，全程参与。", False),
    ("dashes", "triple em dash", "他只说了一个字———走。", "他只说了一个字——走。", False),
    ("dashes", "horizontal bars", "这就是他的选择――留下来。", "这就是他的选择——留下来。", False),
    ("dashes", "box-drawing lines", "目标只有一个──夺冠。", "目标只有一个——夺冠。", False),
    ("dashes", "range dash (connector)", "1998—1999年度的预算已经确定。", "1998—1999年度的预算已经确定。", False),
    ("dashes", "command-line option", "运行时加上--fix参数即可。", "运行时加上--fix参数即可。", False),
    ("dashes", "a separator line", "——————————", "——————————", False),
    ("runs, full-width forms and pairs", "run of exclamation marks", "这里的变化太大了!!!", "这里的变化太大了！", False),
    ("runs, full-width forms and pairs", "full-width letters and digits", "全市新增５Ｇ基站１２００个。", "全市新增5G基站1200个。", False),
    ("runs, full-width forms and pairs", "full-width percent sign", "产量增长了５％。", "产量增长了5%。", False),
    ("runs, full-width forms and pairs", "doubled comma", "我们，，明天出发。", "我们，明天出发。", False),
    ("runs, full-width forms and pairs", "unpaired opening quote", "他说：“我们明天出发。", "他说：“我们明天出发。", True),
    ("runs, full-width forms and pairs", "unpaired book-title mark", "详见《社区治理报告。", "详见《社区治理报告。", True),
]

NEWSLINT = Linter()
HEAD = "标题\n"  # the first line of a .txt is its headline: the case is body text


def newslint(text, suffix=".txt"):
    head = HEAD if suffix == ".txt" else ""
    fixed = NEWSLINT.fix_text(head + text, "case" + suffix)[0][len(head):]
    found = NEWSLINT.lint_text(head + text, "case" + suffix)
    return fixed, any(f.rule.startswith("punctuation.") for f in found)


def autocorrect(text, suffix=".txt"):
    fixed = autocorrect_py.format_for(text, "case" + suffix) if suffix != ".txt" else autocorrect_py.format(text)
    flagged = bool(autocorrect_py.lint_for(text, "case" + suffix).lines)
    return fixed, flagged


_CJK_LATIN_SPACE = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[A-Za-z0-9])|(?<=[A-Za-z0-9%]) (?=[\u4e00-\u9fff])")


def verdict(expected, must_flag, before, output, flagged):
    """right: the expected text (and flagged when it must be); right but adds spaces: the
    expected text apart from spaces put between Chinese and Latin letters or digits (a style
    choice mainland news does not make); missed: left unchanged (or not flagged); differs:
    changed, but not into the expected text."""
    if must_flag and not flagged:
        return "missed"
    if output == expected:
        return "right"
    if _CJK_LATIN_SPACE.sub("", output) == expected:
        return "right but adds spaces"
    return "missed" if output == before else "differs"


def cell(text):
    if not text:
        return "—"
    return "`" + text.replace("|", "\\|").replace("\u3000", "␣").replace("\n", "⏎") + "`"


def table():
    rows = ["| case | input | expected | newslint | autocorrect-py |", "|---|---|---|---|---|"]
    score = collections.Counter()
    by_category = collections.defaultdict(collections.Counter)
    category = None
    for name_category, name, text, expected, must_flag, *suffix in CASES:
        suffix = suffix[0] if suffix else ".txt"
        if name_category != category:
            category = name_category
            rows.append(f"| **{category}** | | | | |")
        results = []
        for tool, run in (("newslint", newslint), ("autocorrect", autocorrect)):
            output, flagged = run(text, suffix)
            v = verdict(expected, must_flag, text, output, flagged)
            score[tool, v] += 1
            by_category[category][tool, v] += 1
            shown = "" if output == expected else " " + cell(output)
            flag = " (flagged)" if must_flag and flagged else ""
            results.append(f"{v}{flag}{shown}")
        rows.append(f"| {name} | {cell(text)} | {cell(expected)} | {results[0]} | {results[1]} |")
    return rows, score, by_category


def category_table(by_category):
    """Per category: cases each tool gets right (autocorrect-py's spacing style aside, in
    brackets: right but for the spaces it adds between Chinese and Latin letters or digits)."""
    rows = ["| category | cases | newslint right | autocorrect-py right (+ right but adds spaces) |",
            "|---|---|---|---|"]
    for category, counts in by_category.items():
        total = sum(n for (tool, _), n in counts.items() if tool == "newslint")
        spaced = counts["autocorrect", "right but adds spaces"]
        rows.append(f"| {category} | {total} | {counts['newslint', 'right']} | "
                    f"{counts['autocorrect', 'right']}{f' (+{spaced})' if spaced else ''} |")
    return rows


def corpus_figures(corpus: Path):
    lines = []
    pd = (corpus / "clean/pd1998.txt").read_text(encoding="utf-8")
    found = [f for f in NEWSLINT.lint_text(pd, "pd1998.txt") if f.rule.startswith("punctuation.")]
    legacy = sum(pd.count(c) for c in "／％．")
    touching = [f for f in found if any(c in f.text for c in "／％．")]
    lines.append(f"pd1998: {len(pd):,} characters; {len(found)} punctuation findings "
                 f"({len(found) / len(pd) * 10000:.2f} per 10,000 characters); "
                 f"{len(touching)} of them on the {legacy} legacy ／％． forms")
    for rule, count in collections.Counter(f.rule for f in found).most_common():
        lines.append(f"  {rule}: {count}")
    seed = (corpus / "seed/jingchu-2023-08-15.txt").read_text(encoding="utf-8")
    fixed, count, left = NEWSLINT.fix_text(seed, "seed.txt")
    lines.append(f"seed page: {count} fixes applied; fixable findings left: {sum(f.fixable for f in left)}; "
                 f"'2023-08-15 17:54:44' untouched: {'2023-08-15 17:54:44' in fixed}")
    return lines, fixed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="write docs/comparison.md")
    parser.add_argument("--corpus", type=Path, nargs="?", const=ROOT.parent / "shared" / "corpus",
                        help="also measure pd1998 and the seed page (printed, never written to docs)")
    args = parser.parse_args()
    rows, score, by_category = table()
    summary = []
    for tool in ("newslint", "autocorrect"):
        parts = ", ".join(f"{v} {n}" for (t, v), n in sorted(score.items()) if t == tool)
        summary.append(f"- **{tool}** over {len(CASES)} cases: {parts}")
    rows = category_table(by_category) + [""] + rows
    print("\n".join(rows + [""] + summary))
    if args.corpus:
        lines, fixed = corpus_figures(args.corpus)
        print("\n" + "\n".join(lines))
        print("\n--- seed page, fixed (first 12 lines) ---")
        print("\n".join(fixed.splitlines()[:12]))
    if args.write:
        doc = ROOT / "docs" / "comparison.md"
        head, _, tail = doc.read_text(encoding="utf-8").partition("<!-- table -->")
        _, _, tail = tail.partition("<!-- /table -->")
        doc.write_text(head + "<!-- table -->\n" + "\n".join(rows + [""] + summary) + "\n<!-- /table -->" + tail,
                       encoding="utf-8")


if __name__ == "__main__":
    main()
