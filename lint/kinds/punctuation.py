"""punctuation — the width and form rules of GB/T 15834-2011, configured from YAML.

A rule picks one named `check` (required); each check is one small function over one compiled
expression (the expressions begin with the marks they look for, so a pass over clean text is
cheap). `fix` defaults to `safe`. Checks and their `marks`:

- `halfwidth` (`marks`: half-width -> full-width, e.g. `{",": "，"}`): a half-width mark
  inside Chinese text, i.e. touching a Han character, before an opening mark, after a
  full-width mark, or with spaces between it and Chinese on both sides (`前面 , 后面`,
  `好 !`); and a `?` / `!` ending a line (or before a closing mark) after a Latin word or a
  number that ends a Chinese sentence (`用Kimi?`, `跌了12%?`). Marks between Latin letters or digits
  (`1,000`, `17:54`, `3:2`, `Hello, world`), the marks of an English phrase inside
  Chinese text (`写下Thank you very much!然后`) and the `;` of an HTML entity (`&quot;`,
  `&#34;`) are never touched. Fix: the full-width form, taking the spaces around the mark
  along (not a table cell's `|` spacing, a line's indent, a Markdown hard break, or the
  spaces between the fields of a credit line).
- `halfwidth-period`: a half-width `.` ending a Chinese sentence: after a Han character
  (or a closing mark right after one), or after a Latin word, a number or `%` that ends a
  Chinese sentence (`语言是Python.`, `增长了5%.`), before a space, the line end, a closing
  mark or a Han character (a number only before the line end or a closing mark). Decimals,
  `.NET`, `Node.js`, `e.g.`, `v2.0.1`, abbreviations (`Inc.`, `Ph.D.`), English
  sentences and list numbers (`一.`, `：1.加强`) are never touched. Fix: `。` (with the
  spaces after it).
- `halfwidth-pairs` (`marks`: the opening and the closing mark, `{"(": "（", ")": "）"}`):
  half-width brackets around or beside Chinese text; both marks are reported and fixed
  together, never one alone.
- `straight-quotes`: straight `"…"` / `'…'` whose content is Chinese become `“…”` /
  `‘…’`, and so does a straight-quoted English phrase inside a Chinese sentence
  (`写了"Hello, world!"几个字`; the phrase keeps its own marks, code such as `name="x"`
  is left); a straight double pair inside `“…”` becomes `‘…’` (nesting). Lines with an
  odd number of straight quotes are left alone (the pairing would be a guess); apostrophes
  (`don't`) never pair.
- `fullwidth-alnum`: full-width Latin letters and digits (`ＡＢＣ１２３`). Fix: ASCII.
- `fullwidth-in-english`: full-width `，。：；！？` inside an English sentence that stands
  alone or inside quotes/brackets (three words or more, two in lower case). Fix: the
  half-width mark (`, ` with a space before a word).
- `ellipsis`: `...` (in Chinese text), `。。。`, a lone `…`, `……。`. Dots after an
  English phrase (`To be continued...`, `wait.........`) are English and left alone.
  Fix: `……`.
- `dash`: `--` in Chinese text, a lone `—` standing between a word and a punctuation mark
  or the line end, and every dash form GB/T 15834 rules out: `———` and `————`, `－－`, `――`
  (U+2015), box-drawing `──` / `━━` and en dashes `––` in Chinese text. Connectors
  (`1998—1999年`, `北京—上海`), runs of five or more (rules of dashes) and lines holding
  nothing but dashes (separators) are not touched. Fix: `——`.
- `repeated-marks`: runs of `！` / `？` (`？？`, `！！！`, `？！？`); the pairs `？！` and `！？` are
  allowed. Fix: one mark (`？！` for a mixed run).
- `unpaired` (`marks`: opening -> closing, `{"“": "”", "（": "）"}`): a quote or bracket
  without its partner in its paragraph, reported at the lone mark; no fix. A quotation
  running over several paragraphs (each paragraph opening with `“`, only the last one
  closing) is paired.
- `spaces`: spaces (U+0020) before or after `，。、；：！？`, after an opening or before a
  closing quote/bracket. Fix: remove them. U+3000 indents and separators, credit lines, and
  the spaces beside a table cell's `|` are never touched.
- `spaces-outside`: spaces between a Han character and an opening quote/bracket, or a closing
  quote/bracket and a Han character. Fix: remove them.
- `headline-end` (`marks`: mark -> replacement, `{"。": ""}`): the headline ends with one of
  the marks; the value is the fix.
- `cjk-latin-spacing`: no space between a Han character and a Latin letter or digit
  (copywriting style; ship it with `enabled: false`). Fix: insert one space.

URLs and e-mail addresses are outside every scope (the readers cut them out), so their own
commas, dots and parentheses are never seen. Message placeholders: `{match}`, `{replacement}`.
"""
from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate
from operator import itemgetter

import regex

from .. import patterns
from ..findings import Match
from .fields import one_of, text_map
from .rule import FieldError, Rule
from .search import REGEX_TIMEOUT_SECONDS, search_segments, timed

HAN = r"\p{Han}"
OPENING = "“‘（《「『【〔〈"
CLOSING = "”’）》」』】〕〉"
STOPS = "，。、；：！？"  # full-width marks that take no space on either side
FULLWIDTH = STOPS + OPENING + CLOSING + "…—"
LATIN = "A-Za-z"
ALNUM = "A-Za-z0-9"
ALNUM_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def _cls(chars) -> str:
    return "[" + "".join(regex.escape(c) for c in chars) + "]"


# the run of spaces ending at a position, matched backwards by the regex engine (not walked
# back a character at a time in Python)
_SPACES_BEFORE = patterns.LazyPattern(" *", regex.REVERSE)


def anchored(rule, doc, hits, spaces_before=False):
    """Matches of the rule's expression anchored at its trigger literals (found by the engine's
    shared automaton in one pass), in text order, not overlapping, inside the rule's scope.
    `spaces_before`: a run of spaces may start before its trigger (or right after a trigger's
    first character), as with spaces around a mark."""
    text, pattern, last_end = doc.text, rule.pattern, -1
    # the same time limit as a search (a runaway match is a failure of the rule, never a hang)
    limit = REGEX_TIMEOUT_SECONDS if timed(rule.trusted, 0, len(text)) else None
    for start in sorted({start for _, start, _ in hits}):
        if start < last_end:
            continue
        if spaces_before:
            if text[start] != " ":
                start += 1  # the trigger is a mark followed by the run
            start = _SPACES_BEFORE.match(text, max(last_end, 0), start).start()
        m = pattern.match(text, start, timeout=limit)
        if m is None or m.end() == m.start():
            continue
        last_end = m.end()
        if rule.in_scope(doc, m.start(), m.end()):
            yield m


# --- the text around a mark ------------------------------------------------------------------
# A Latin word, number or phrase right before a mark ("tail"): whether it ends a Chinese
# sentence (`用Kimi?`, `增长了5%.`) or is an English sentence of its own (`Thank you!`).
TAIL_CHARS = "A-Za-z0-9%'’&+#/_.,:;\\- "
TAIL_LIMIT = 200  # characters walked back at most; a longer Latin run is English text
_TAIL_BACK = patterns.LazyPattern(rf"[{TAIL_CHARS}]*", regex.REVERSE)
_ALL_TAIL = patterns.LazyPattern(rf"[{TAIL_CHARS}]*")
_CHINESE_LEFT = patterns.LazyPattern(rf"[{HAN}，、；：{CLOSING}]")  # a Chinese sentence runs on here
_TAIL_WORD = patterns.LazyPattern(r"[A-Za-z][A-Za-z'’\-]*")
_ENGLISH_PUNCTUATION = patterns.LazyPattern(r"[,;:] ")
# abbreviations whose own period may end a Chinese sentence too: left alone
ABBREVIATIONS = frozenset(
    "inc ltd co corp llc plc jr sr st mr mrs ms dr prof vs etc al no vol fig ed eds dept univ "
    "gov govt rev gen col capt lt sgt ave approx est misc".split())
_ENTITY_BEFORE = patterns.LazyPattern(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6})", regex.REVERSE)


class _Tails:
    """Where the run of Latin letters, digits and half-width marks ending at a position starts.
    Positions are asked in increasing order; a run already walked is not walked again, so a
    document costs one pass however many marks it holds."""

    def __init__(self, text):
        self.text = text
        self.start = self.reach = -1

    def start_of(self, end: int) -> int:
        text = self.text
        if self.start >= 0 and self.reach <= end and _ALL_TAIL.match(text, self.reach, end).end() == end:
            start = max(self.start, end - TAIL_LIMIT)
        else:
            start = _TAIL_BACK.match(text, max(0, end - TAIL_LIMIT), end).start()
        self.start, self.reach = start, end
        return start

    def chinese(self, end: int) -> str | None:
        """The Latin run ending at `end` when a Chinese sentence leads into it (`用Kimi`,
        `跌了12%`); None when it stands alone or follows an opening quote or a sentence end."""
        start = self.start_of(end)
        text = self.text
        if start == 0 or not _CHINESE_LEFT.match(text, start - 1):
            return None
        if text[start - 1] in "，、；：" and (start < 2 or not _CHINESE_LEFT.match(text, start - 2)):
            return None  # `gutter，but…`: a full-width mark inside English text
        return text[start:end]


def english(tail: str) -> bool:
    """An English phrase or sentence rather than a name, a word or a number: two words or more
    with a lower-case one (`Thank you very much`, `So... what`), or English punctuation between
    words (`Notes: bring`). `Hey Jude`, `iPhone 15 Pro`, `12%` and `GPU` are not."""
    words = _TAIL_WORD.findall(tail)
    if len(words) < 2:
        return False
    return any(w.islower() for w in words) or bool(_ENGLISH_PUNCTUATION.search(tail))


_LAST_LETTERS = patterns.LazyPattern(r"[A-Za-z]+$")
_LAST_CAPITALISED = patterns.LazyPattern(r"[A-Z]?[a-z]+$")


def ends_chinese_sentence(tails: _Tails, end: int, text: str) -> bool:
    """True when the mark at `end` closes a Chinese sentence whose last word is Latin or a
    number: a Chinese run leads into it, it is not an English phrase, and (for a period) its
    last word is not an abbreviation or an initial (`Inc.`, `Ph.D.`, `J.`, `&Co.`, `SmithJr.`)."""
    tail = tails.chinese(end)
    if tail is None or english(tail):
        return False
    if text[end] == ".":
        letters = _LAST_LETTERS.search(tail)
        if letters:
            word = letters.group()
            last = _LAST_CAPITALISED.search(word)
            if len(word) < 2 or word.lower() in ABBREVIATIONS or last and last.group().lower() in ABBREVIATIONS:
                return False
    return True


def _with_spaces(rule, doc, start, end, credit_lines):
    """Widen a converted mark's span over the spaces around it (`前面 , 后面` -> `前面，后面`),
    unless they separate a table cell (`|`), indent a line, end a line outside the scope
    (a Markdown hard break) or separate the fields of a credit line."""
    text = doc.text
    wide_start = _SPACES_BEFORE.match(text, 0, start).start()
    if wide_start == start or wide_start == 0 or text[wide_start - 1] in "|\n\r":
        wide_start = start
    wide_end = end
    while wide_end < len(text) and text[wide_end] == " ":
        wide_end += 1
    if wide_end < len(text) and text[wide_end] == "|":
        wide_end = end
    if (wide_start, wide_end) == (start, end):
        return start, end
    if credit_lines() and doc.position(start)[0] in credit_lines():
        return start, end
    if rule.in_scope(doc, wide_start, wide_end):
        return wide_start, wide_end
    if rule.in_scope(doc, start, wide_end):
        return start, wide_end
    if rule.in_scope(doc, wide_start, end):
        return wide_start, end
    return start, end


def _credit_lines(doc):
    """Lines holding credits, computed on first use."""
    cache = []

    def lines():
        if not cache:
            cache.append({doc.position(c.start)[0] for c in doc.credits if c.start >= 0})
        return cache[0]
    return lines


# --- halfwidth -----------------------------------------------------------------------------
# The expression only keeps the marks worth a closer look (most half-width marks sit between
# digits or Latin letters: `1,000`, `17:54`, `Hello, world`); `check_halfwidth` decides.
def compile_halfwidth(marks):
    m = _cls(marks)
    chinese_left = f"[{HAN}{CLOSING}{STOPS}]"
    chinese_right = f"[{HAN}{OPENING}]"
    return patterns.compile(
        rf"{m}(?:(?<={chinese_left}[ ]*.)|(?=[ ]*{chinese_right})"
        rf"|(?<=[{ALNUM}%].)(?=[ ]*(?:[{CLOSING}\"')]|[\r\n]|\Z)))",
        regex.MULTILINE,
    )


_CHINESE_CHAR = patterns.LazyPattern(rf"[{HAN}]")
_SENTENCE_MARKS = "!?"


def check_halfwidth(rule, doc, hits):
    text = doc.text
    tails = _Tails(text)
    credit_lines = _credit_lines(doc)
    size = len(text)
    for m in anchored(rule, doc, hits):
        pos = m.start()
        mark = text[pos]
        if mark == ";" and _ENTITY_BEFORE.match(text, max(0, pos - 34), pos):
            continue  # the end of an HTML entity (&quot; &#34; &lt;), not a semicolon
        before = text[pos - 1] if pos else "\n"
        after = text[pos + 1] if pos + 1 < size else "\n"
        outer_before = before
        if before == " ":
            spaces_start = _SPACES_BEFORE.match(text, 0, pos).start()
            outer_before = text[spaces_start - 1] if spaces_start else "\n"
        rest = pos + 1
        while rest < size and text[rest] == " ":
            rest += 1
        outer_after = text[rest] if rest < size else "\n"
        if _is_han(before):
            flag = True
        elif before in CLOSING or before in STOPS:
            # not before a Latin word or a space (`“Yes”, she said`); after a full-width stop
            # a line end does not make it English either (`真的吗？!`)
            flag = not (after.isascii() and after.isalnum() or after.isspace() and pos + 1 < size
                        and (before in CLOSING or after not in "\r\n"))
        elif _is_han(after) or after in OPENING:
            flag = not (mark in _SENTENCE_MARKS and before.isascii() and before.isalnum()
                        and english(text[tails.start_of(pos):pos]))
        elif (before == " " or after == " ") and (_is_han(outer_before) or outer_before in CLOSING) \
                and (_is_han(outer_after) or outer_after in OPENING or outer_after in "\r\n"):
            flag = True
        elif mark in _SENTENCE_MARKS and (before.isascii() and before.isalnum() or before == "%") \
                and (outer_after in "\r\n" or outer_after in CLOSING):
            flag = ends_chinese_sentence(tails, pos, text)
        else:
            flag = False
        if flag:
            start, end = _with_spaces(rule, doc, pos, pos + 1, credit_lines)
            replacement = rule.marks[mark]
            yield Match(start, end, rule.render(match=mark, replacement=replacement), (replacement,))


# --- halfwidth-period ------------------------------------------------------------------------
NUMERALS = "一二三四五六七八九十"


def compile_period(marks):
    return patterns.compile(
        rf"\.(?:(?<={HAN}[{CLOSING}]?\.)(?<!(?:^|[\s（(])[{NUMERALS}]+\.)(?=[\s\"'”’」』）)\]]|{HAN}|\Z)"
        # after a Latin word or a number: checked in Python (`ends_chinese_sentence`)
        rf"|(?<=[{ALNUM}%]\.)(?=[ ]*(?:[\r\n]|\Z|[”’」』）)\]\"']|{HAN})))",
        regex.MULTILINE,
    )


def _ends_line(text, at) -> bool:
    """Only spaces, then a line end or a closing mark, from `at` on."""
    while at < len(text) and text[at] == " ":
        at += 1
    return at == len(text) or text[at] in "\r\n" or text[at] in CLOSING or text[at] in "\"')]"


# A letter or digit right after the dot: never a sentence end (no branch of the expression
# matches there). Most dots in news are decimals (3.14): they are dropped before a match is tried.
_AFTER_NOT_END = frozenset(ALNUM_CHARS)


def check_period(rule, doc, hits):
    text = doc.text
    hits = [hit for hit in hits if text[hit[2]:hit[2] + 1] not in _AFTER_NOT_END]
    return _periods(rule, doc, hits) if hits else ()


def _periods(rule, doc, hits):
    text = doc.text
    tails = _Tails(text)
    credit_lines = _credit_lines(doc)
    for m in anchored(rule, doc, hits):
        pos, end = m.start(), m.end()
        after = text[end] if end < len(text) else ""
        before = text[pos - 1]
        if before.isascii() and (before.isalnum() or before == "%"):
            if before.isdigit() and not _ends_line(text, end):
                continue  # `：1.加强管理`, `1. 投稿`: a list number, not a sentence end
            if not ends_chinese_sentence(tails, pos, text):
                continue
        elif _is_han(after):
            # between Han characters it may also be a name separator (于贝尔.德.纪梵希 -> ·):
            # reported with both suggestions, never fixed automatically
            yield Match(pos, end, rule.render(match=".", replacement="。"), ("。", "·"), certain=False)
            continue
        start, stop = _with_spaces(rule, doc, pos, end, credit_lines)
        yield Match(start, stop, rule.render(match=".", replacement="。"), ("。",))


# --- halfwidth-pairs ---------------------------------------------------------------------------
def compile_pairs(marks):
    if len(marks) != 2:
        raise FieldError("marks", "check 'halfwidth-pairs' needs exactly an opening and a closing mark")
    o, c = (regex.escape(x) for x in marks)
    return patterns.compile(rf"{o}[^{o}{c}\r\n]{{0,200}}{c}")


def check_pairs(rule, doc, hits):
    text = doc.text
    opening, closing = list(rule.marks)
    for m in anchored(rule, doc, hits):
        start, end = m.span()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        chinese = _is_han(before) or _is_han(after) or _has_han(m.group())
        if chinese and rule.in_scope(doc, start, start + 1) and rule.in_scope(doc, end - 1, end):
            yield rule.pair_match(doc.text, start, end, rule.marks[opening], rule.marks[closing])


# --- straight-quotes ------------------------------------------------------------------------
def compile_quotes(marks):
    return (
        patterns.compile(r'"(?<![=\\]")[^"\r\n]{1,300}"'),
        patterns.compile(rf"'(?<![{ALNUM}\\]')[^'\r\n]{{1,200}}'(?![{ALNUM}])"),
    )


_INNER_APOSTROPHE = patterns.LazyPattern(rf"[{LATIN}]'[{LATIN}]")


def check_quotes(rule, doc, hits):
    if not hits:
        return
    text = doc.text
    double, single = rule.pattern
    segments = rule.segments(doc)
    taken = set()
    lines = _Lines(text)
    for pattern, mark in ((double, '"'), (single, "'")):
        for m in search_segments(pattern, doc, segments, rule.trusted):
            start, end = m.span()
            if start in taken or end - 1 in taken:
                continue
            if not _has_han(m.group()) and not (mark == '"' and _quoted_in_chinese(text, start, end)):
                continue
            if lines.count(start, mark) % 2:
                continue  # odd count on the line: which marks pair is a guess
            if mark == "'" and lines.apostrophes(start):
                continue  # apostrophes on this line: single quotes cannot be paired safely
            nested = mark == "'" or lines.inside_quotes(start)
            left, right = ("‘", "’") if nested else ("“", "”")
            if rule.in_scope(doc, start, start + 1) and rule.in_scope(doc, end - 1, end):
                taken.update((start, end - 1))
                yield rule.pair_match(doc.text, start, end, left, right)


class _Lines:
    """What the quote check asks about the line of a position, each line measured once (a
    document of one long line stays linear): its count of a mark, whether it holds an
    apostrophe, and whether a position is inside “…” (counted on from the last position asked,
    so positions asked in increasing order cost one pass)."""

    def __init__(self, text):
        self.text = text
        self.start = self.end = -1
        self.counts = {}
        self.cursor = self.opened = 0

    def _line(self, pos):
        if not self.start <= pos < self.end:
            text = self.text
            self.start = text.rfind("\n", 0, pos) + 1
            end = text.find("\n", pos)
            self.end = len(text) if end < 0 else end
            self.counts = {}
            self.cursor, self.opened = self.start, 0

    def count(self, pos, mark):
        self._line(pos)
        if mark not in self.counts:
            self.counts[mark] = self.text.count(mark, self.start, self.end)
        return self.counts[mark]

    def apostrophes(self, pos):
        self._line(pos)
        if "apostrophe" not in self.counts:
            self.counts["apostrophe"] = bool(_INNER_APOSTROPHE.search(self.text, self.start, self.end))
        return self.counts["apostrophe"]

    def inside_quotes(self, pos):
        self._line(pos)
        if pos < self.cursor:
            self.cursor, self.opened = self.start, 0
        text = self.text
        self.opened += text.count("“", self.cursor, pos) - text.count("”", self.cursor, pos)
        self.cursor = pos
        return self.opened > 0


_CODE_NEIGHBOURS = "=:[]{}(),<>\\"


def _quoted_in_chinese(text, start, end) -> bool:
    """A straight-quoted phrase without Han (`"See you"`, `"OK"`) inside a Chinese sentence:
    Chinese right outside the quotes (spaces skipped) on one side, and nothing on either side
    that makes it code (`name="x"`, `{"key": "value"}`)."""
    left = _SPACES_BEFORE.match(text, 0, start).start() - 1
    right = end
    while right < len(text) and text[right] == " ":
        right += 1
    before = text[left] if left >= 0 else "\n"
    after = text[right] if right < len(text) else "\n"
    if before == ":" and left and _is_han(text[left - 1]):
        before = "："  # 说:"OK" — the colon is Chinese, only half-width
    if before in _CODE_NEIGHBOURS or after in _CODE_NEIGHBOURS:
        return False
    return bool(_CHINESE_NEAR.match(before) or _CHINESE_NEAR.match(after))


_CHINESE_NEAR = patterns.LazyPattern(rf"[{HAN}{STOPS}{OPENING}{CLOSING}…—]")


# --- fullwidth-alnum -------------------------------------------------------------------------
_TO_ASCII = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF5B)}


def compile_alnum(marks):
    return patterns.compile(r"[０-９Ａ-Ｚａ-ｚ]+")


def check_alnum(rule, doc, hits):
    for m in anchored(rule, doc, hits):
        yield rule.mark_match(doc.text, m.start(), m.end(), m.group().translate(_TO_ASCII))


# --- fullwidth-in-english ---------------------------------------------------------------------
_WORD = rf"[{ALNUM}][{ALNUM}'’\-]*"


def compile_english(marks):
    # An English sentence standing alone or opening a quote/bracket, running to the line end
    # or a closing mark: a capitalised word, then two or more words.
    return patterns.compile(
        rf"(?<=(?:^|[\"“‘'（(「『])[ ]*)[A-Z][{ALNUM}'’\-]*"
        rf"(?:(?:[ ]+|[,;:][ ]+|[.!?][ ]+(?=[A-Z])|[，；：][ ]?|[。！？][ ]?(?=[A-Z]))\"?{_WORD}\"?){{2,}}"
        rf"[.!?。！？]?(?=[ ]*(?:[\r\n\"”’'）)」』]|\Z))",
        regex.MULTILINE,
    )


def _english_chunks(rule, doc, hits):
    """English sentences on the lines where a full-width mark follows a Latin word."""
    text, done = doc.text, -1
    for start in sorted({start for _, start, _ in hits}):
        if start < done:
            continue
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        done = line_end = len(text) if line_end < 0 else line_end
        for m in rule.pattern.finditer(text, line_start, line_end):
            if rule.in_scope(doc, m.start(), m.end()):
                yield m


_LOWER_WORD = patterns.LazyPattern(r"(?:^|[\s,，])[a-z]")
HALF_IN_ENGLISH = {"，": ",", "。": ".", "：": ":", "；": ";", "！": "!", "？": "?"}


def check_english(rule, doc, hits):
    text = doc.text
    for m in _english_chunks(rule, doc, hits):
        chunk = m.group()
        if not any(mark in chunk for mark in HALF_IN_ENGLISH) or len(_LOWER_WORD.findall(chunk)) < 2:
            continue
        for i, char in enumerate(chunk):
            if char in HALF_IN_ENGLISH:
                pos = m.start() + i
                after = text[pos + 1] if pos + 1 < len(text) else ""
                half = HALF_IN_ENGLISH[char]
                if after and (after.isascii() and (after.isalnum() or after == "\"")):
                    half += " "
                yield rule.mark_match(doc.text, pos, pos + 1, half)


# --- ellipsis --------------------------------------------------------------------------------
_CHINESE_BEFORE = patterns.LazyPattern(rf"[{HAN}{STOPS}{CLOSING}]")
_CHINESE_AFTER = patterns.LazyPattern(rf"[{HAN}{STOPS}{OPENING}]")


def compile_ellipsis(marks):
    return patterns.compile(r"(?:\.{3,}|。{3,}|…(?<!……)(?!…)|……)。?")


def check_ellipsis(rule, doc, hits):
    text = doc.text
    hits = [hit for hit in hits if text[hit[1]] != "…" or not _right_ellipsis_half(text, hit[1])]
    return _ellipses(rule, doc, hits) if hits else ()


def _right_ellipsis_half(text: str, at: int) -> bool:
    """Whether the `…` at `at` is a half of a right `……` (no third `…`, no `。` after it):
    the expression matches `……` there, which is never reported, or nothing at all."""
    if text[at + 1:at + 2] == "…":
        return text[at + 2:at + 3] not in ("…", "。")
    return at > 0 and text[at - 1] == "…"


def _ellipses(rule, doc, hits):
    text = doc.text
    tails = _Tails(text)
    for m in anchored(rule, doc, hits):
        found = m.group()
        if found == "……":
            continue
        start, end = m.span()
        core = found.rstrip("。") if not found.startswith("。") else found
        if core.startswith(".") and start and text[start - 1].isascii() and text[start - 1].isalnum():
            # dots after a Latin word: an English phrase keeps its own (`To be continued...`);
            # a Chinese sentence ending in a word or number takes ……
            stop = start + len(core)
            after = text[stop] if stop < len(text) else "\n"
            if english(text[tails.start_of(start):start]):
                continue
            if not (_chinese_context(text, start, stop) or found.endswith("。")
                    or (after in "\r\n" or after in CLOSING) and ends_chinese_sentence(tails, start, text)):
                continue
        elif core.startswith(".") or core == "…":
            if not _chinese_context(text, start, start + len(core)) and not found.endswith("。"):
                continue
        yield rule.mark_match(doc.text, start, end, "……")


def _chinese_context(text, start, end) -> bool:
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return bool(before and _CHINESE_BEFORE.match(before)) or bool(after and _CHINESE_AFTER.match(after))


# --- dash ------------------------------------------------------------------------------------
DASHES = "—―－─━–"  # em dash, horizontal bar, full-width hyphen-minus, box lines, en dash
MAX_DASH_RUN = 4  # ——— and ———— are dashes typed too long; longer runs are rules
_ONLY_DASHES = patterns.LazyPattern(rf"[ \t\u3000{DASHES}\-_=*·.]*")  # what a separator line holds
_ONLY_DASHES_BACK = patterns.LazyPattern(_ONLY_DASHES.pattern, regex.REVERSE)


def compile_dash(marks):
    chinese_left = rf"[{HAN}{STOPS}{CLOSING}]"
    chinese_right = rf"[{HAN}{OPENING}]"
    return patterns.compile(
        # hyphens in Chinese text (possessive runs, and what precedes a run tested at its
        # start: linear on long runs)
        rf"(?<={chinese_left})-{{2,}}+(?![\-{ALNUM}])|(?<![\-{ALNUM}])-{{2,}}+(?={chinese_right})"
        # two or more dash-like characters that are not exactly —— (———, ――, ──, ––, —―)
        rf"|(?!——(?![{DASHES}]))[{DASHES}]{{2,}}+"
        # a lone em dash between a word and a mark or the line end (not a connector)
        rf"|—(?<!——)(?!—)(?:(?<=(?:^|[\s{STOPS}])—)(?={chinese_right})|(?<={HAN}—)(?=[{STOPS}]|[ \t]*$))",
        regex.MULTILINE,
    )


_CJK_DASHES = set("—―－")


def check_dash(rule, doc, hits):
    text = doc.text
    hits = [hit for hit in hits if text[hit[1]] != "—" or _may_start_dash(text, hit[1])]
    return _dashes(rule, doc, hits) if hits else ()


_DASH_CHARS = frozenset(DASHES)


def _may_start_dash(text: str, at: int) -> bool:
    """False where the dash expression cannot match at the em dash at `at` (most em dashes:
    the halves of a right `——`, and connectors such as `1998—1999`): the first of exactly
    two, a last one, or one after a Latin letter or digit that no dash follows."""
    after = text[at + 1:at + 2]
    if after == "—":
        return text[at + 2:at + 3] in _DASH_CHARS
    if after in _DASH_CHARS:
        return True
    before = text[at - 1:at] if at else ""
    return not (before == "—" or before.isascii() and before.isalnum())


def _dashes(rule, doc, hits):
    text = doc.text
    for m in anchored(rule, doc, hits):
        start, end = m.span()
        run = m.group()
        if run[0] in DASHES and len(run) > 1:
            if len(run) > MAX_DASH_RUN:
                continue  # a rule of dashes (——————分割线——————): decoration, not a dash
            left = _ONLY_DASHES_BACK.match(text, 0, start).start()
            right = _ONLY_DASHES.match(text, end).end()
            if (left == 0 or text[left - 1] in "\r\n") and (right == len(text) or text[right] in "\r\n"):
                continue  # a line of dashes is a separator, not a dash
            if not _CJK_DASHES.issuperset(run) and not _chinese_context(text, start, end):
                continue  # box-drawing lines and en dashes outside Chinese text
        yield rule.mark_match(doc.text, start, end, "——")


# --- repeated-marks -------------------------------------------------------------------------
_WIDEN = str.maketrans("!?", "！？")


def compile_repeated(marks):
    return patterns.compile(r"[！？!?]{2,}")


def check_repeated(rule, doc, hits):
    text = doc.text
    for m in anchored(rule, doc, hits):
        run = m.group()
        start = m.start()
        wide = run.translate(_WIDEN)
        if wide == run.encode("ascii", "ignore").decode().translate(_WIDEN) and not (
            start and _CHINESE_BEFORE.match(text[start - 1])
        ):
            continue  # half-width only and not after Chinese: English
        if wide in ("？！", "！？"):
            continue
        kinds = set(wide)
        keep = wide[0] if len(kinds) == 1 else "？！"
        yield rule.mark_match(doc.text, start, m.end(), keep)


# --- unpaired ---------------------------------------------------------------------------------
def compile_unpaired(marks):
    for opening, closing in marks.items():
        if len(opening) != 1 or len(closing) != 1:
            raise FieldError("marks", "check 'unpaired' maps single opening marks to single closing marks")
    return _Pairs(marks)


class _Pairs:
    """The unpaired check's marks, compiled once: each literal's step of the depth (opening mark
    of the k-th kind +4**k, its closing mark -4**k; the literals are the opening marks, then
    the closing marks, as `TRIGGERS` lists them)."""

    def __init__(self, marks: dict[str, str]):
        chars = "".join(marks) + "".join(marks.values())
        self.distinct = len(set(chars)) == len(chars)
        kinds = len(marks)
        self.steps = [4 ** k for k in range(kinds)] + [-(4 ** k) for k in range(kinds)]
        # the high bit of every kind's base-4 digit: set in a depth when a kind is open twice
        # or closed before it opened (see `plainly_paired`)
        self.twice = sum(2 * 4 ** k for k in range(kinds))

    def plainly_paired(self, text: str, positions: list[int], literals: list[int]) -> bool:
        """True when, in every line of the marks at `positions` (sorted, inside one segment;
        `literals`: their literal indexes), each kind of mark only alternates opening,
        closing, opening, closing … and ends closed. Then no mark is unpaired and the careful
        pass is not needed (most paragraphs); anything else (nesting of one kind, quotations
        across paragraphs) takes it. Decided with C-level calls, no Python step per mark: the
        depth after each mark sums each kind's open count (0 or 1) as a base-4 digit, so the
        first kind to open twice (digit 2) or close unopened (a borrow: digit 3, or below
        zero) sets a digit's high bit; a line break may stand only where the depth is zero."""
        if not self.distinct:
            return False
        depths = list(accumulate(map(self.steps.__getitem__, literals)))
        if depths[-1] or any(map(self.twice.__and__, depths)):
            return False
        # few line breaks stand between the first and the last mark (most paragraphs are one line)
        last = positions[-1]
        newline = text.find("\n", positions[0], last)
        while newline >= 0:
            if depths[bisect_left(positions, newline) - 1]:
                return False  # a pair open across the line break
            newline = text.find("\n", newline + 1, last)
        return True


QUOTES = "“‘「『"
_NEXT_CHAR = patterns.LazyPattern(r"[ \t\u3000\r\n]*(.)")
SENTENCE_END = "。！？…"
_APOSTROPHE = patterns.LazyPattern(rf"(?<=[{LATIN}])’(?=[{LATIN}])|(?<=[{LATIN}]s)’(?=[ \t])")
_LIST_NUMBER = patterns.LazyPattern(rf"(?:^|[\s；。，、：])[0-9{LATIN}{NUMERALS}]{{1,3}}$")


def marks_in_segments(text: str, hits, segments, pairs: _Pairs) -> tuple[list[int], bool]:
    """(where the marks (the rule's literals, found by the engine's automaton) stand inside the
    segments, in order; whether every segment's marks plainly pair: `_Pairs.plainly_paired`).
    Built with C-level calls: a Python step per mark cost more than the scan it replaced."""
    ordered = sorted(hits, key=_START)
    positions = list(map(_START, ordered))
    literals = list(map(_LITERAL, ordered))
    marks: list[int] = []
    plain = True
    for start, end in segments:
        first, last = bisect_left(positions, start), bisect_left(positions, end)
        if first < last:
            inside = positions[first:last]
            marks += inside
            plain = plain and pairs.plainly_paired(text, inside, literals[first:last])
    return marks, plain


_LITERAL, _START = itemgetter(0), itemgetter(1)


def check_unpaired(rule, doc, hits):
    marks, plain = marks_in_segments(doc.text, hits, rule.segments(doc), rule.pattern)
    # plainly paired (most articles): no generator made for nothing
    return () if plain else _lone_marks(rule, doc.text, marks)


def _lone_marks(rule, text, marks):
    """The careful pass: pair the marks paragraph by paragraph; report each lone one."""
    closing_of = rule.marks
    opening_of = {c: o for o, c in closing_of.items()}
    stacks: dict[str, list[int]] = {o: [] for o in closing_of}
    carried: set[str] = set()

    def paragraph_end(newline_at):
        after = _NEXT_CHAR.match(text, newline_at + 1)
        follows = after.group(1) if after else ""
        for opening, stack in stacks.items():
            if stack and follows == opening and opening in QUOTES:
                carried.add(opening)  # a quotation that runs on into the next paragraph
                continue
            for start in stack:
                yield start
            stack.clear()

    lone = []
    last = 0
    find = text.find
    for start in marks:
        char = text[start]
        newline = find("\n", last, start)  # scopes may leave line breaks out (Markdown)
        if newline >= 0:
            lone.extend(paragraph_end(newline))
        last = start + 1
        stack = stacks.get(char)
        if stack is not None:  # an opening mark
            if char in carried:
                carried.discard(char)  # the continuation mark of a carried quotation
            elif not (stack and char in QUOTES and start and text[start - 1] in SENTENCE_END):
                stack.append(start)
            # else: a quotation's next paragraph run into this one (line break lost)
            continue
        stack = stacks[opening_of[char]]
        if stack:
            stack.pop()
        elif char == "’" and _APOSTROPHE.match(text, start):
            continue
        elif not (char in "）)" and _LIST_NUMBER.search(text, max(0, start - 8), start)):
            lone.append(start)
    for stack in stacks.values():
        lone.extend(stack)
    for start in sorted(lone):
        mark = text[start]
        partner = closing_of.get(mark) or opening_of.get(mark)
        yield Match(start, start + 1, rule.render(match=mark, replacement=partner))


# --- spaces ------------------------------------------------------------------------------------
# The space checks match from the start of a run of spaces (`anchored` walks back to it), so
# what stands before the run is one lookbehind at the start: a lookbehind over the run at its
# end would rescan the run for every shorter try (quadratic on a long run of spaces).
def compile_spaces(marks):
    stops, opening, closing = _cls(STOPS), _cls(OPENING), _cls(CLOSING)
    return patterns.compile(
        rf"(?<=[^\s|])[ ]+(?={stops})|(?<={stops})[ ]+(?=[^\s|])"
        rf"|(?<={opening})[ ]+(?=[^\s|])|(?<=[^\s|])[ ]+(?={closing})"
    )


def compile_spaces_outside(marks):
    return patterns.compile(
        rf"(?<={HAN})[ ]+(?={_cls(OPENING)})|(?<={_cls(CLOSING)})[ ]+(?={HAN})"
    )


def check_spaces(rule, doc, hits):
    credit_lines = {doc.position(c.start)[0] for c in doc.credits if c.start >= 0} if hits else ()
    for m in anchored(rule, doc, hits, spaces_before=True):
        if credit_lines and doc.position(m.start())[0] in credit_lines:
            continue  # spaces separate the fields of credit lines (作者： 来源：…)
        yield rule.mark_match(doc.text, m.start(), m.end(), "")


# --- headline-end ------------------------------------------------------------------------------
def compile_headline_end(marks):
    if not marks:
        raise FieldError("marks", "check 'headline-end' needs 'marks'")
    return patterns.compile(_cls(marks) + r"(?=\s*\Z)")


def check_headline_end(rule, doc, hits):
    ranges = doc.scopes.get("headline")
    if not ranges:
        return ()
    start, end = ranges[-1]
    text = doc.text
    last = text[end - 1] if end > start else ""
    if last.isspace() or not rule.single_marks:  # the expression looks past the spaces
        m = rule.pattern.search(text, start, end)
        return (rule.mark_match(text, m.start(), m.end(), rule.marks[m.group()]),) if m else ()
    # no whitespace (every character `\s` matches is `isspace`) ends the headline: only its
    # last character can be the mark (no expression searched, no generator made: the check
    # runs on every article)
    return (rule.mark_match(text, end - 1, end, rule.marks[last]),) if last in rule.marks else ()


# --- cjk-latin-spacing ---------------------------------------------------------------------------
def compile_spacing(marks):
    return patterns.compile(rf"{HAN}(?=[{ALNUM}])|[{ALNUM}](?={HAN})")


def check_spacing(rule, doc, hits):
    text = doc.text
    for m in search_segments(rule.pattern, doc, rule.segments(doc), rule.trusted):
        at = m.end()
        pair = text[at - 1:at + 1]
        yield Match(at, at, rule.render(match=pair, replacement=pair[0] + " " + pair[1]), (" ",))


# Trigger literals: where a check's expression can start. The engine's shared automaton finds
# them all in one pass; a check does no work on a text without them.
_SPACE_BEFORE = [" " + c for c in STOPS + CLOSING]
_SPACE_AFTER = [c + " " for c in STOPS + OPENING]
TRIGGERS = {
    "halfwidth": lambda marks: list(marks),
    "halfwidth-period": lambda marks: ["."],
    "halfwidth-pairs": lambda marks: list(marks)[:1],
    "straight-quotes": lambda marks: ['"', "'"],
    "fullwidth-alnum": lambda marks: [chr(c) for c in _TO_ASCII if chr(c).isalnum()],  # not ：；？
    "fullwidth-in-english": lambda marks: [c + m for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                           "abcdefghijklmnopqrstuvwxyz0123456789\"" for m in "，。"]
    + [c + m for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz" for m in "：；！？"],
    "ellipsis": lambda marks: ["...", "。。。", "…"],
    "dash": lambda marks: ["--", "－－", "—", "―", "──", "━━", "––"],
    "repeated-marks": lambda marks: [a + b for a in "！？!?" for b in "！？!?"],
    # its marks: the engine's automaton finds them in the pass it makes anyway (a scan of its
    # own cost ~25 M instructions per MB, ~8 % of the default rules, more than the hits)
    "unpaired": lambda marks: list(marks) + list(marks.values()),
    "spaces": lambda marks: _SPACE_BEFORE + _SPACE_AFTER,
    "spaces-outside": lambda marks: [" " + c for c in OPENING] + [c + " " for c in CLOSING],
    "headline-end": lambda marks: [],
    "cjk-latin-spacing": lambda marks: [],
}

CHECKS = {
    "halfwidth": (compile_halfwidth, check_halfwidth, True),
    "halfwidth-period": (compile_period, check_period, False),
    "halfwidth-pairs": (compile_pairs, check_pairs, True),
    "straight-quotes": (compile_quotes, check_quotes, False),
    "fullwidth-alnum": (compile_alnum, check_alnum, False),
    "fullwidth-in-english": (compile_english, check_english, False),
    "ellipsis": (compile_ellipsis, check_ellipsis, False),
    "dash": (compile_dash, check_dash, False),
    "repeated-marks": (compile_repeated, check_repeated, False),
    "unpaired": (compile_unpaired, check_unpaired, True),
    "spaces": (compile_spaces, check_spaces, False),
    "spaces-outside": (compile_spaces_outside, check_spaces, False),
    "headline-end": (compile_headline_end, check_headline_end, True),
    "cjk-latin-spacing": (compile_spacing, check_spacing, False),
}


class Punctuation(Rule):
    KIND = "punctuation"
    FIELDS = {
        "check": (one_of(*CHECKS), None),
        "marks": (text_map, {}),
    }
    REQUIRED = ("check",)
    DEFAULT_FIX = "safe"

    def setup(self, check, marks):
        compile_check, self._run, needs_marks = CHECKS[check]
        if needs_marks and not marks:
            raise FieldError("marks", f"check '{check}' needs 'marks'")
        self.check = check
        self.marks = marks
        self.single_marks = all(len(mark) == 1 for mark in marks)
        self._compile_check = compile_check
        self._pattern = None
        self.trigger_literals = TRIGGERS[check](marks)
        self.literal_only = bool(self.trigger_literals)  # no trigger found: nothing to do

    @property
    def pattern(self):
        """The check's expression, compiled on first use (most checks never run on a clean
        article, and compiling is slow in `regex`)."""
        if self._pattern is None:
            self._pattern = self._compile_check(self.marks)
        return self._pattern

    def literals(self):
        return self.trigger_literals

    def run(self, doc, hits):
        return self._run(self, doc, hits)

    def pair_match(self, text, start, end, left, right):
        """A pair of marks around text[start + 1:end - 1]: one finding over the pair, one fix
        of two edits (the text between the marks is never touched)."""
        message = self.render(match=f"{text[start]}…{text[end - 1]}", replacement=f"{left}…{right}")
        return Match(start, end, message, (left + text[start + 1:end - 1] + right,),
                     edits=((start, start + 1, left), (end - 1, end, right)))

    def mark_match(self, text, start, end, replacement):
        return Match(start, end, self.render(match=text[start:end], replacement=replacement), (replacement,))


_HAN = patterns.LazyPattern(HAN)


def _is_han(char: str) -> bool:
    return bool(char) and _HAN.match(char) is not None


def _has_han(text: str) -> bool:
    return _HAN.search(text) is not None
