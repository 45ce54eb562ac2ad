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

# (what it tests, input, expected text, must be flagged even without a fix)
CASES = [
    ("comma after a closing quote", "居民从“观众”变成“主角”,大家都很满意。", "居民从“观众”变成“主角”，大家都很满意。", False),
    ("parentheses around Chinese", "荆楚网(湖北日报网)发布了消息。", "荆楚网（湖北日报网）发布了消息。", False),
    ("semicolon", "天气转凉;请注意保暖。", "天气转凉；请注意保暖。", False),
    ("time and score", "比赛于17:54结束,比分3:2。", "比赛于17:54结束，比分3:2。", False),
    ("date-time after a colon", "发布时间:2023-08-15 17:54:44", "发布时间：2023-08-15 17:54:44", False),
    ("decimal and percent", "圆周率约为3.14,增速为6.2%。", "圆周率约为3.14，增速为6.2%。", False),
    ("IP address", "服务器地址为192.168.1.1,已恢复访问。", "服务器地址为192.168.1.1，已恢复访问。", False),
    ("URL with its own comma and brackets", "详见 https://example.com/a,b(c) 页面。", "详见 https://example.com/a,b(c) 页面。", False),
    ("e-mail address", "请联系news@example.com,我们会回复。", "请联系news@example.com，我们会回复。", False),
    ("version and sentence period", "新版本v2.0.1修复了问题.", "新版本v2.0.1修复了问题。", False),
    (".NET and Node.js", "团队用.NET和Node.js开发了系统.", "团队用.NET和Node.js开发了系统。", False),
    ("e.g. inside Chinese", "常用缩写如e.g.表示举例。", "常用缩写如e.g.表示举例。", False),
    ("stock code", "凯美特气(002549.SZ):正加速布局。", "凯美特气（002549.SZ）：正加速布局。", False),
    ("quoted English sentence", "他引用了一句英文:“Knowledge is power, and power is responsibility.”",
     "他引用了一句英文：“Knowledge is power, and power is responsibility.”", False),
    ("full-width marks in English", "他在信中写道：“We will win，and we will be back。”",
     "他在信中写道：“We will win, and we will be back.”", False),
    ("straight quotes around Chinese", '居民们称它为"共享花园"。', "居民们称它为“共享花园”。", False),
    ("nested straight quotes", "他说：\"我们要'再加把劲'。\"", "他说：“我们要‘再加把劲’。”", False),
    ("straight quotes inside curly ones", '他说：“这就是"社区边角"的变化。”', "他说：“这就是‘社区边角’的变化。”", False),
    ("full-width letters and digits", "全市新增５Ｇ基站１２００个。", "全市新增5G基站1200个。", False),
    ("ellipsis as dots", "有的居民提供花草,有的义务松土...", "有的居民提供花草，有的义务松土……", False),
    ("ellipsis as periods", "大家都在等待。。。", "大家都在等待……", False),
    ("ellipsis then period", "活动还在继续……。", "活动还在继续……", False),
    ("dash as hyphens", "活动的主角--社区居民,全程参与。", "活动的主角——社区居民，全程参与。", False),
    ("range dash (connector)", "1998—1999年度的预算已经确定。", "1998—1999年度的预算已经确定。", False),
    ("command-line option", "运行时加上--fix参数即可。", "运行时加上--fix参数即可。", False),
    ("run of exclamation marks", "这里的变化太大了!!!", "这里的变化太大了！", False),
    ("question and exclamation pair", "真的吗?!", "真的吗？！", False),
    ("spaces around full-width marks", "近日 ，居民们说： 现在干净多了。", "近日，居民们说：现在干净多了。", False),
    ("ideographic-space indent", "\u3000\u3000段首缩进用全角空格。", "\u3000\u3000段首缩进用全角空格。", False),
    ("list number 一.", "一.总则", "一.总则", False),
    ("no space between Chinese and digits", "新增5G基站1200个。", "新增5G基站1200个。", False),
    ("half-width comma listing Latin names", "系统支持Windows,macOS和Linux。", "系统支持Windows、macOS和Linux。", False),
    ("straight quotes around English", '他只回了一个词:"OK"。', "他只回了一个词：“OK”。", False),
    ("full-width percent sign", "产量增长了５％。", "产量增长了5%。", False),
    ("doubled comma", "我们，，明天出发。", "我们，明天出发。", False),
    ("period after a closing quote", "他说这是“最后一次”.", "他说这是“最后一次”。", False),
    ("question mark after a Latin word", "你用过ChatGPT吗?还是用Kimi?", "你用过ChatGPT吗？还是用Kimi？", False),
    ("unpaired opening quote", "他说：“我们明天出发。", "他说：“我们明天出发。", True),
    ("unpaired book-title mark", "详见《社区治理报告。", "详见《社区治理报告。", True),
]

NEWSLINT = Linter()
HEAD = "标题\n"  # the first line of a .txt is its headline: the case is body text


def newslint(text):
    fixed = NEWSLINT.fix_text(HEAD + text)[0][len(HEAD):]
    flagged = bool([f for f in NEWSLINT.lint_text(HEAD + text) if f.rule.startswith("punctuation.")])
    return fixed, flagged


def autocorrect(text):
    fixed = autocorrect_py.format(text)
    flagged = bool(autocorrect_py.lint_for(text, "case.txt").lines)
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
    return "`" + text.replace("|", "\\|").replace("\u3000", "␣") + "`" if text else "—"


def table():
    rows = ["| case | input | expected | newslint | autocorrect-py |", "|---|---|---|---|---|"]
    score = collections.Counter()
    for name, text, expected, must_flag in CASES:
        results = []
        for tool, run in (("newslint", newslint), ("autocorrect", autocorrect)):
            output, flagged = run(text)
            v = verdict(expected, must_flag, text, output, flagged)
            score[tool, v] += 1
            shown = "" if output == expected else " " + cell(output)
            flag = " (flagged)" if must_flag and flagged else ""
            results.append(f"{v}{flag}{shown}")
        rows.append(f"| {name} | {cell(text)} | {cell(expected)} | {results[0]} | {results[1]} |")
    return rows, score


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
    rows, score = table()
    summary = []
    for tool in ("newslint", "autocorrect"):
        parts = ", ".join(f"{v} {n}" for (t, v), n in sorted(score.items()) if t == tool)
        summary.append(f"- **{tool}** over {len(CASES)} cases: {parts}")
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
