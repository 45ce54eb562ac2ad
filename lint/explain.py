"""The Chinese explanation of a rule: what `newslint explain RULE-ID` prints, and what the web
page shows when an editor asks why a finding was reported."""
from __future__ import annotations

from .kinds import Rule
from .prose import first_sentence

SCOPE_NAMES = {"headline": "标题", "body": "正文", "byline": "署名", "meta": "元数据"}
FIX_NAMES = {"safe": "可安全自动修复（--fix）", "unsafe": "有修改建议，需人工确认", "none": "无"}


def explain_text(rule: Rule) -> str:
    """What the rule checks, why, its message, scope, fix and examples, in Chinese."""
    lines = [
        f"{rule.id}  ({rule.KIND}, {rule.level}{'' if rule.enabled else ', 默认关闭'})",
        "",
        rule.description.strip() or "（无说明）",
        "",
        f"提示信息：{rule.message}",
        f"检查范围：{'、'.join(SCOPE_NAMES.get(s, s) for s in rule.scope)}",
        f"自动修复：{FIX_NAMES[rule.fix]}",
    ]
    if rule.link:
        lines.append(f"参考：{rule.link}")
    for key, title in (("bad", "错误示例"), ("good", "正确示例")):
        if rule.examples.get(key):
            lines += ["", f"{title}："] + [f"  {example}" for example in rule.examples[key]]
    return "\n".join(lines)


def explain_pack(pack: str, rules: list[Rule]) -> str:
    """A pack as the list of its rules: id, level (and whether off by default), first sentence."""
    lines = [f"{pack}  （规则包，共 {len(rules)} 条规则；用 newslint explain 规则编号 查看详情）", ""]
    width = max(len(rule.id) for rule in rules)
    for rule in sorted(rules, key=lambda r: r.id):
        state = rule.level + ("" if rule.enabled else "，默认关闭")
        lines.append(f"{rule.id.ljust(width)}  [{state}] {first_sentence(rule.description) or rule.message}")
    return "\n".join(lines)

