"""Recognise credit lines (bylines, editor credits, sources) in article text.

Newsrooms print credits in many forms; all of them become `Credit` records:
- labelled fields, anywhere on a line: ``作者：王某``, ``来源: 新华社 2023-08-15 10:00``,
  ``责任编辑：李四``, with ``:``/``：``, spaces or U+3000 between label and value;
- several fields on one line: ``作者: 来源: 荆楚网`` gives an EMPTY author credit, since the
  author label is followed at once by the next field;
- reporter credits in parentheses: ``（记者 王某）``, ``（总台记者魏雯雯）``;
- reporter credits at the start of a line: ``本报记者 王某``, ``新华社记者 王某 摄``;
- ``文/王某``.
Body sentences that merely contain the words (``据作者介绍``, ``编辑部表示``) are not credits:
a label must stand at a field boundary and a value must look like names, not a sentence.
"""
from __future__ import annotations

import regex

from .document import Credit

FIELD_OF_LABEL = {
    "责任编辑": "editor", "责编": "editor", "编辑": "editor", "编审": "editor",
    "审核": "reviewer", "审校": "reviewer",
    "作者": "author", "撰文": "author", "撰稿": "author", "记者": "author", "通讯员": "author",
    "文": "author",
    "来源": "source",
}
_LABELS = "|".join(sorted(FIELD_OF_LABEL, key=len, reverse=True))
_GAP = r"[ \t\u3000]"

# A label at a field boundary, then its separator.
_LABELLED = regex.compile(
    rf"(?<![\p{{Han}}\p{{L}}\p{{N}}])(?P<label>(?!文){_LABELS})(?P<sep>{_GAP}*[:：]{_GAP}*|{_GAP}+(?=\S))"
    rf"|(?<![\p{{Han}}\p{{L}}\p{{N}}])(?P<label>文){_GAP}*(?P<sep>[/／|｜]){_GAP}*"
    # reporters introduced by their organisation at the start of a line or a parenthesis
    rf"|(?:^|(?<=[（(])){_GAP}*\p{{Han}}{{0,10}}?(?P<label>记者|通讯员)(?P<sep>{_GAP}*[:：]?{_GAP}*)(?=\p{{Han}})",
    regex.MULTILINE,
)
_VALUE_STOP = regex.compile(r"[（()）\r\n]")
_TRAILING_DATE = regex.compile(
    r"[\s\u3000]*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:[\s\u3000]+\d{1,2}:\d{2}(?::\d{2})?)?[\s\u3000]*$"
)
_TRAILING_PHOTO = regex.compile(r"(?:[\s\u3000]*(?:摄|报道|发自\S*))$")
_NOT_A_NAME = regex.compile(r"[。！？!?；;，,]")
MAX_VALUE_CHARS = 40


def find_credits(text: str, start: int = 0, end: int | None = None) -> list[Credit]:
    """All credits in text[start:end], in order."""
    end = len(text) if end is None else end
    labels = [m for m in _LABELLED.finditer(text, start, end) if _labelled_here(m)]
    credits = []
    for index, match in enumerate(labels):
        value_start = match.end()
        limit = labels[index + 1].start("label") if index + 1 < len(labels) else end
        value_end = _value_end(text, value_start, limit)
        credit = _make_credit(text, match, value_start, value_end)
        if credit is not None:
            credits.append(credit)
    return credits


def _value_end(text: str, position: int, limit: int) -> int:
    """A value ends at the line end, or at a closing parenthesis it did not open itself."""
    depth = 0
    while True:
        stop = _VALUE_STOP.search(text, position, limit)
        if stop is None:
            return limit
        mark = stop.group()
        if mark in "（(":
            depth += 1
        elif mark in "）)" and depth > 0:
            depth -= 1
        else:
            return stop.start()
        position = stop.end()


def _labelled_here(match) -> bool:
    # "作者 来源" style (space separator) needs the label to open its line or follow a gap,
    # otherwise ordinary prose such as "记者 …" in the middle of a sentence would qualify.
    return bool(match.group("sep").strip(" \t\u3000")) or _opens_field(match)


def _opens_field(match) -> bool:
    text, position = match.string, match.start("label")
    before = text[max(0, position - 1):position]
    return before in ("", "\n", "\r", " ", "\u3000", "\t", "（", "(") or match.group("label") in ("记者", "通讯员")


def _make_credit(text, match, value_start, value_end) -> Credit | None:
    raw = text[value_start:value_end]
    value = _TRAILING_PHOTO.sub("", _TRAILING_DATE.sub("", raw)).strip(" \t\u3000")
    if len(value) > MAX_VALUE_CHARS or _NOT_A_NAME.search(value):
        return None
    leading = len(raw) - len(raw.lstrip(" \t\u3000"))
    v_start = value_start + leading if value else value_start
    label = match.group("label")
    return Credit(
        field=FIELD_OF_LABEL[label], label=label, value=value,
        start=match.start("label"),
        end=v_start + len(value) if value else match.start("sep") + len(match.group("sep").rstrip(" \t\u3000")),
        value_start=v_start, value_end=v_start + len(value),
    )
