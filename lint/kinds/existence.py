"""existence — flag literal `tokens` or regular-expression `patterns`.

Fields:
- `tokens`: literal strings; all tokens of all rules are found in one pass of the engine's
  shared Aho-Corasick automaton.
- `patterns`: regular expressions (Python `regex` module syntax, lookarounds allowed), merged
  into one expression per rule and compiled once, on first use. An expression written only
  with literal characters, escaped marks, `(?:…|…)` groups, `[…]` sets of plain characters
  and `?` (`真相(?:令人|让人)`) matches a short list of strings: up to 128 of them join the
  shared automaton as tokens do. That costs nothing on a headline without them, while every
  expression left in the merged one costs a search at every character (see
  [performance.md](performance.md)). Any other expression that must contain one of a few
  literal strings (a literal run or a `(?:…|…)` group that is not optional, two characters
  or more, or one character that is not among the most common ones: `？` in
  `…[？?]`, `出手` in `\\p{Han}{1,8}?(?:出手|发声)！`) gives them to the automaton as
  *anchors*: it is searched only where one of its anchors was found in the rule's scope, so
  a rule whose expressions all have anchors costs nothing on a text without them. Where
  several matches overlap, the leftmost, then the longest is reported.
- `exceptions`: literal strings; a match lying inside an occurrence of one is not reported.
- `ignorecase: true`: match ignoring case (tokens then become patterns).

No fix. Message placeholder: `{match}`.
"""
from __future__ import annotations

import regex

from ..findings import Match
from ..patterns import LazyPattern
from ..spans import covered, leftmost_longest
from .fields import boolean, pattern_list, text_list
from .rule import FieldError, Rule
from .search import search_segments

LITERAL_LIMIT = 128


class _NotLiteral(Exception):
    pass


def literal_strings(source: str, limit: int = LITERAL_LIMIT) -> list[str] | None:
    """The strings an expression made only of literal characters, escaped marks (`\\.`),
    `(?:…|…)` groups, `[…]` sets of plain characters and `?` can match, or None when it uses
    anything else (classes with ranges, `\\p`, anchors, lookarounds, other quantifiers) or
    matches the empty string or more than `limit` strings."""
    try:
        strings, end = _alternation(source, 0, limit)
    except _NotLiteral:
        return None
    if end != len(source) or "" in strings:
        return None
    return sorted(set(strings))


def _alternation(source: str, i: int, limit: int) -> tuple[list[str], int]:
    options, current = [], [""]
    while i < len(source) and source[i] != ")":
        ch = source[i]
        if ch == "|":
            options += current
            current, i = [""], i + 1
            continue
        if source.startswith("(?:", i):
            atom, i = _alternation(source, i + 3, limit)
            if source[i:i + 1] != ")":
                raise _NotLiteral
            i += 1
        elif ch == "[":
            atom, i = _character_set(source, i + 1)
        elif ch == "\\":
            escaped = source[i + 1:i + 2]
            if not escaped or escaped.isalnum():
                raise _NotLiteral
            atom, i = [escaped], i + 2
        elif ch in "()[]{}.^$*+?":
            raise _NotLiteral
        else:
            atom, i = [ch], i + 1
        if source[i:i + 1] == "?":
            if source[i + 1:i + 2] in ("?", "+"):
                raise _NotLiteral
            atom, i = atom + [""], i + 1
        elif source[i:i + 1] in ("*", "+", "{"):
            raise _NotLiteral
        current = [a + b for a in current for b in atom]
        if len(current) > limit:
            raise _NotLiteral
    return options + current, i


def _character_set(source: str, i: int) -> tuple[list[str], int]:
    chars = []
    if source[i:i + 1] == "^":
        raise _NotLiteral
    while i < len(source) and source[i] != "]":
        ch = source[i]
        if ch == "\\":
            ch = source[i + 1:i + 2]
            if not ch or ch.isalnum():
                raise _NotLiteral
            i += 1
        elif ch == "-" and chars and source[i + 1:i + 2] not in ("]", ""):
            raise _NotLiteral  # a range
        chars.append(ch)
        i += 1
    if i >= len(source):
        raise _NotLiteral
    return chars, i + 1



# single characters too common in running text to be worth an automaton hit
_COMMON_CHARS = frozenset(
    "，。、；：“”‘’（）《》 的一是了不在人有我他这中大来上个国到说们为子和你地出道也时年得就那要下以生会"
    "自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本"
    "见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情"
    "部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内"
    "加化由却代军产入先山五太水万市眼体别处总才场师书比住员九性通目报立马命张活难神数件安表原车白应路期"
    "死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直"
    "服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言"
    "权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空众技轻程告江语英基派满式李"
    "息写识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失"
    "拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴切"
)


class _NoAnchor(Exception):
    pass


def anchors(source: str, limit: int = LITERAL_LIMIT) -> list[str] | None:
    """Strings one of which every match of the expression contains, or None when no such short
    list is found (a conservative reading: literal runs and `(?:…|…)` groups of literals that
    are not optional, at the top level of each top-level alternative; lookarounds, `\\K`,
    `\\G`, `^` and `$` are skipped; inline flags other than `r` give up)."""
    try:
        found: set[str] = set()
        for alternative in _top_level_alternatives(source):
            found |= _sequence_anchors(alternative, limit)
    except _NoAnchor:
        return None
    if not found or len(found) > limit:
        return None
    # a string that holds another one of the list adds nothing (竟然 holds 竟)
    return sorted(a for a in found if not any(b != a and b in a for b in found))


def _group_end(source: str, i: int) -> int:
    """Index just past the `)` closing the group opened at source[i] == '('."""
    depth, j = 0, i
    while j < len(source):
        ch = source[j]
        if ch == "\\":
            j += 2
            continue
        if ch == "[":
            j = _class_end(source, j)
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    raise _NoAnchor


def _class_end(source: str, i: int) -> int:
    """Index just past the `]` closing the set opened at source[i] == '['."""
    j = i + 1
    if source[j:j + 1] == "^":
        j += 1
    if source[j:j + 1] == "]":
        j += 1
    while j < len(source):
        if source[j] == "\\":
            j += 2
            continue
        if source[j] == "[":  # nested set (regex's V1 syntax): give up
            raise _NoAnchor
        if source[j] == "]":
            return j + 1
        j += 1
    raise _NoAnchor


def _top_level_alternatives(source: str) -> list[str]:
    parts, start, j = [], 0, 0
    while j < len(source):
        ch = source[j]
        if ch == "\\":
            j += 2
        elif ch == "[":
            j = _class_end(source, j)
        elif ch == "(":
            j = _group_end(source, j)
        elif ch == "|":
            parts.append(source[start:j])
            start = j = j + 1
        else:
            j += 1
    parts.append(source[start:])
    return parts


def _quantifier(source: str, j: int) -> tuple[str, int]:
    """('none' | 'optional' | 'repeated', index after the quantifier at source[j])."""
    ch = source[j:j + 1]
    kind, k = "none", j
    if ch in ("?", "*"):
        kind, k = "optional", j + 1
    elif ch == "+":
        kind, k = "repeated", j + 1
    elif ch == "{":
        close = source.find("}", j)
        body = source[j + 1:close] if close != -1 else ""
        low = body.split(",")[0].strip()
        if close == -1 or not all(c.isdigit() or c in ", " for c in body):
            raise _NoAnchor
        kind, k = ("optional" if not low or int(low) == 0 else "repeated"), close + 1
    if kind != "none" and source[k:k + 1] in ("?", "+"):
        k += 1
    return kind, k


def _sequence_anchors(source: str, limit: int) -> set[str]:
    """The best anchor set of one alternative (no top-level `|`)."""
    runs: list[list[str]] = []  # runs of adjacent required literal items, as their strings
    current: list[str] | None = None
    j = 0
    while j < len(source):
        ch = source[j]
        strings: list[str] | None = None  # the item's strings; None: not a literal item
        zero_width = False
        if ch == "(":
            end = _group_end(source, j)
            if source.startswith(("(?=", "(?!", "(?<=", "(?<!"), j):
                zero_width = True
            elif source.startswith("(?:", j):
                strings = literal_strings(source[j + 3:end - 1], limit)
                if strings is None:  # not a list of strings: what every match of it contains
                    contained = anchors(source[j + 3:end - 1], limit)
                    if contained is not None and _quantifier(source, end)[0] != "optional":
                        runs.append(contained)
            elif source.startswith("(?", j) and source[j + 2:j + 3] not in ("P", "<", ">", "|", "#"):
                flags = source[j + 2:end - 1]
                if not flags.isalpha() or set(flags) - {"r"}:
                    raise _NoAnchor  # case-folding and other flags change what matches
                zero_width = True
            j = end
        elif ch == "[":
            end = _class_end(source, j)
            strings = literal_strings(source[j:end], limit)
            j = end
        elif ch == "\\":
            escaped = source[j + 1:j + 2]
            if escaped in ("K", "G", "b", "B", "A", "Z"):
                zero_width, j = True, j + 2
            elif escaped in ("p", "P") and source[j + 2:j + 3] == "{":
                j = source.index("}", j) + 1
            elif escaped.isalnum() or not escaped:
                j += 2
            else:
                strings, j = [escaped], j + 2
        elif ch in "^$":
            zero_width, j = True, j + 1
        elif ch == ".":
            j += 1
        else:
            strings, j = [ch], j + 1
        if zero_width:
            continue
        quantifier_start = j
        kind, j = _quantifier(source, j)
        if strings is not None and kind == "optional" and source[quantifier_start] == "?" and current is not None:
            strings = [*strings, ""]  # `x?` after a run: the run goes on with or without it
            kind = "none"
        if strings is None or kind == "optional" or strings == [""]:
            current = None
            continue
        if current is None:
            current = list(strings)
            runs.append(current)
        else:
            joined = [a + b for a in current for b in strings]
            if len(joined) > limit:
                current = list(strings)
                runs.append(current)
            else:
                current[:] = joined
        if kind == "repeated":  # what follows a repetition is not adjacent to one copy of it
            current = None
    usable = [run for run in runs if "" not in run
              and (min(map(len, run)) >= 2 or not any(s in _COMMON_CHARS for s in run))]
    if not usable:
        raise _NoAnchor
    best = max(usable, key=lambda run: (min(map(len, run)), -len(run)))
    return set(best)


class Existence(Rule):
    KIND = "existence"
    FIELDS = {
        "tokens": (text_list, []),
        "patterns": (pattern_list, []),
        "exceptions": (text_list, []),
        "ignorecase": (boolean, False),
    }

    def setup(self, tokens, patterns, exceptions, ignorecase):
        if not tokens and not patterns:
            raise FieldError("tokens", "needs 'tokens' or 'patterns'")
        self.tokens = [] if ignorecase else list(tokens)
        sources, unanchored = [], []
        anchored: list[tuple[str, list[str]]] = []
        for pattern in patterns:
            strings = None if ignorecase else literal_strings(pattern)
            if strings is not None:
                self.tokens += strings
                continue
            sources.append(pattern)
            found = None if ignorecase else anchors(pattern)
            if found is None:
                unanchored.append(pattern)
            else:
                anchored.append((pattern, found))
        self.tokens = list(dict.fromkeys(self.tokens))
        if ignorecase:
            sources += [regex.escape(t) for t in tokens]
            unanchored = sources
        flags = regex.IGNORECASE if ignorecase else 0

        def merged(parts):
            return LazyPattern("|".join(f"(?:{p})" for p in parts), flags) if parts else None

        # every expression, merged: what the rule can match (checked by the test suite)
        self.pattern = merged(sources)
        # searched on every run that reaches it: the expressions without anchors
        self.unanchored = merged(unanchored)
        # one expression per anchored pattern, searched only where an anchor was found
        self.anchored = [LazyPattern(p, flags) for p, _ in anchored]
        self.anchor_strings = list(dict.fromkeys(a for _, found in anchored for a in found))
        position = {a: i for i, a in enumerate(self.anchor_strings)}
        self.anchor_owners: list[list[int]] = [[] for _ in self.anchor_strings]
        for index, (_, found) in enumerate(anchored):
            for a in found:
                self.anchor_owners[position[a]].append(index)
        self.exceptions = list(exceptions)
        # with no expression left unanchored, a text without any literal of the rule is skipped
        self.literal_only = self.unanchored is None

    def literals(self):
        return self.tokens + self.exceptions + self.anchor_strings

    def gate(self):
        return self.unanchored  # tokens, exceptions and anchors come as literal hits

    def run(self, doc, hits):
        tokens, first_anchor = len(self.tokens), len(self.tokens) + len(self.exceptions)
        segments = self.segments(doc)
        few = len(segments) <= 4

        def inside(start, end):
            if few:
                return any(a <= start and end <= b for a, b in segments)
            return self.in_scope(doc, start, end)

        spans, shelters, wanted = [], [], set()
        for index, start, end in hits:
            if index < tokens:
                if self.in_scope(doc, start, end):
                    spans.append((start, end))
            elif index < first_anchor:
                shelters.append((start, end))
            else:
                owners = self.anchor_owners[index - first_anchor]
                if not wanted.issuperset(owners) and inside(start, end):
                    wanted.update(owners)
        expressions = [self.anchored[i] for i in sorted(wanted)]
        if self.unanchored is not None:
            expressions.append(self.unanchored)
        for expression in expressions:
            spans += [m.span() for m in search_segments(expression, doc, segments, self.trusted) if m.end() > m.start()]
        for start, end in leftmost_longest(spans):
            if not covered(start, end, shelters):
                yield self.match(doc, start, end)

    def match(self, doc, start, end):
        return Match(start, end, self.render(match=doc.text[start:end]))
