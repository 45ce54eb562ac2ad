"""The words of the command line's own lines — the summary, error and warning lines — in English
or Chinese (``--lang en|zh``). Findings' messages are the rules' own (Chinese) and never pass
through here.

The language defaults to the locale: Chinese when the first of ``LC_ALL``, ``LC_MESSAGES`` and
``LANG`` that is set names a Chinese locale (``zh_CN.UTF-8``, ``zh_TW``), else English. A
Chinese error line keeps what names a file, a line, a rule or an option as written and turns
the known reasons into Chinese (`localize`); a reason not in the table stays English. A leaf
module.
"""
from __future__ import annotations

import os
import re

LANGS = ("en", "zh")

_CONTROL = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")


def one_line(text: str) -> str:
    """`text` with the control characters that a name or path from a user's file may hold (a
    line break inside a YAML string) written as escapes (`\\n`): an error stays one line."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)

# English reasons and frames of error lines -> Chinese, longest first where one contains another
_PHRASES = [
    ("not UTF-8, UTF-16 or GB18030 text (use --encoding to force one)",
     "不是 UTF-8、UTF-16 或 GB18030 编码的文本（可用 --encoding 指定编码）"),
    ("binary file (contains NUL bytes)", "二进制文件（含 NUL 字节）"),
    ("UTF-32 text is not supported (convert it to UTF-8)", "不支持 UTF-32 文本（请转换为 UTF-8）"),
    ("no such file or directory", "文件或目录不存在"),
    ("permission denied", "没有权限"),
    ("symbolic link loop (too many levels of symbolic links)", "符号链接循环"),
    ("is a directory", "是目录"),
    ("cannot read directory", "无法读取目录"),
    ("cannot read", "无法读取"),
    ("the file is read-only; left as it is", "文件只读，未作修改"),
    ("not fixed", "未修复"),
    ("not linted", "未检查"),
    ("internal error", "内部错误"),
    ("unknown rule or pack", "未知的规则或规则包"),
    ("see 'newslint rules'", "见 newslint rules"),
    ("did you mean", "是不是"),
    ("fixes did not converge after", "修复未能收敛，轮数："),
]


def default_lang(environ=None) -> str:
    """zh when the locale is Chinese, else en."""
    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def localize(line: str, lang: str) -> str:
    """An error or warning line in `lang`: known English reasons become Chinese for zh."""
    if lang != "zh":
        return line
    for english, chinese in _PHRASES:
        line = line.replace(english, chinese)
    return line


def prefix(kind: str, lang: str) -> str:
    """The word before an error or warning line of the text report ("error: " / "错误：")."""
    if lang == "zh":
        return {"error": "错误：", "warning": "警告："}[kind]
    return f"{kind}: "


def summary(totals, lang: str = "en") -> str:
    """The last line of the text report: problems found (by level), files checked, what --fix
    and --unsafe-fixes would do, files fixed, errors, skipped files."""
    return _summary_zh(totals) if lang == "zh" else _summary_en(totals)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' * (count != 1)}"


def _summary_en(totals) -> str:
    counts, total, files = totals.levels, totals.findings, totals.files
    parts = []
    if totals.fixed:
        parts.append(f"Fixed {_plural(totals.fixed, 'problem')}.")
    if total:
        levels = ", ".join(_plural(counts[l], l) for l in ("error", "warning", "info") if counts[l])
        parts.append(f"Found {_plural(total, 'problem')} ({levels}) in {_plural(files, 'file')} checked.")
        if totals.fixable:
            parts.append(f"{totals.fixable} fixable with --fix.")
        if totals.unsafe_fixable:
            parts.append(f"{totals.unsafe_fixable} more with --unsafe-fixes.")
    else:
        parts.append(f"No problems found in {_plural(files, 'file')} checked.")
    if totals.errors:
        parts.append(f"{_plural(len(totals.errors), 'error')} stopped part of the run.")
    if totals.skipped:
        parts.append(f"Skipped {totals.skipped} binary file{'s' * (totals.skipped != 1)}.")
    return " ".join(parts)


_LEVEL_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}


def _summary_zh(totals) -> str:
    counts, total, files = totals.levels, totals.findings, totals.files
    parts = []
    if totals.fixed:
        parts.append(f"已修复 {totals.fixed} 处问题。")
    if total:
        levels = "，".join(f"{_LEVEL_NAMES[l]} {counts[l]} 处" for l in ("error", "warning", "info") if counts[l])
        parts.append(f"检查了 {files} 个文件，发现 {total} 处问题（{levels}）。")
        if totals.fixable:
            parts.append(f"其中 {totals.fixable} 处可用 --fix 自动修复。")
        if totals.unsafe_fixable:
            parts.append(f"另有 {totals.unsafe_fixable} 处可用 --unsafe-fixes 修复。")
    else:
        parts.append(f"检查了 {files} 个文件，未发现问题。")
    if totals.errors:
        parts.append(f"{len(totals.errors)} 个错误使部分检查未能完成。")
    if totals.skipped:
        parts.append(f"跳过了 {totals.skipped} 个二进制文件。")
    return "".join(parts)


def lang_option(value: str | None) -> str:
    """--lang's value, or the locale's language."""
    return value if value in LANGS else default_lang()

