"""Plain-text articles (.txt): the first non-empty line is the headline.

Everything after the headline is body. Credit lines are recognised anywhere (header and
footer) and also form the ``byline`` scope. URLs and e-mail addresses are not prose: they are
cut out of every scope so that no rule looks inside them.
"""
from __future__ import annotations

import regex

from .. import patterns
from ..credits import find_credits, start_literals
from ..document import Document
from ..spans import subtract

_FIRST_TEXT_LINE = patterns.LazyPattern(r"^[ \t\u3000\ufeff]*(\S(?:[^\r\n]*\S)?)", regex.MULTILINE)
# A URL ends at white space, at a Han character and at full-width punctuation: news text runs
# straight on after a link (`详见http://example.com/a查询`), and a link that holds Han characters
# is rare next to that (browsers copy them percent-encoded), so the prose after it stays checked.
_URL_TAIL = r"[^\s\p{Han}\u3000-\u303f\uff01-\uff60“”‘’…—]"
_NOT_PROSE = patterns.LazyPattern(
    rf"(?:https?|ftp)://{_URL_TAIL}+"
    rf"|www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+{_URL_TAIL}*"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
)


_NEEDLES = ("://", "www.", "@")  # every match of _NOT_PROSE holds one of them


def search_literals() -> tuple[str, ...]:
    """What the reader of a `.txt` file asks an engine's automaton to find in the search it
    makes anyway (`Engine.credit_starts`): where credits may start (`start_literals()`), then
    `_NEEDLES`, without which no URL or e-mail address is there."""
    return start_literals() + _NEEDLES


def not_prose_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """URLs and e-mail addresses in text[start:end]."""
    if "://" not in text and "www." not in text and "@" not in text:
        return []  # the usual case, decided without a regular-expression pass
    end = len(text) if end is None else end
    at = []
    for needle in _NEEDLES:
        position = text.find(needle, start, end)
        while position >= 0:
            at.append(position)
            position = text.find(needle, position + 1, end)
    return _not_prose_in_runs(text, at, start, end)


# what no match of _NOT_PROSE holds (the complement of what _URL_TAIL admits; the scheme, `www.`
# and an address's characters are all ASCII it admits): matches lie inside the runs between
_NOT_IN_A_URL = r"[\s\p{Han}\u3000-\u303f\uff01-\uff60“”‘’…—]"
_RUN_END = patterns.LazyPattern(_NOT_IN_A_URL)
_RUN_START = patterns.LazyPattern(_NOT_IN_A_URL, regex.REVERSE)


def _not_prose_in_runs(text: str, at, start: int, end: int) -> list[tuple[int, int]]:
    """The matches of _NOT_PROSE in text[start:end], searched only over the runs of characters
    a URL may hold that hold one of the positions `at` (those of `_NEEDLES`). No match holds
    a character of `_NOT_IN_A_URL`, so none crosses a run's end, and the matches of a run are
    those a search of the whole range finds there (in Chinese text a run is a few characters:
    a search of each article that held an `@` cost ~3 % of all articles' lint)."""
    runs: dict[int, int] = {}  # run start -> run end
    for position in sorted(at):
        if runs and position < last_end:
            continue  # in the run of an earlier needle
        before = _RUN_START.search(text, start, position)
        after = _RUN_END.search(text, position, end)
        last_end = runs[start if before is None else before.end()] = end if after is None else after.start()
    return [m.span() for run_start, run_end in runs.items() for m in _NOT_PROSE.finditer(text, run_start, run_end)]


def read_text(text: str, path: str = "<text>", credit_starts=None) -> Document:
    """`credit_starts`: a function giving where credits may start in a text (`find_credits`'s
    `found`), e.g. the linting engine's, which finds them in the search it makes anyway."""
    headline_end = _plain_first_line_end(text)
    if headline_end is None:
        first = _FIRST_TEXT_LINE.search(text)
        if first is None:
            return Document(text=text, path=path, scopes={"headline": [], "body": [], "byline": []})
        headline, headline_end = [first.span(1)], first.end()
    else:
        headline = [(0, headline_end)]
    body = [(headline_end, len(text))] if headline_end < len(text) else []
    return build_document(text, path, headline, body, credit_starts)


def _plain_first_line_end(text: str) -> int | None:
    """Where _FIRST_TEXT_LINE's headline ends when the text's first line both starts and ends
    with a character that is certainly no space (ASCII, CJK marks, Han, full-width forms):
    the usual article, read without the expression. None: ask the expression."""
    if not text or not _certainly_not_space(text[0]):
        return None
    line_end = text.find("\n")
    if line_end < 0:
        line_end = len(text)
    carriage = text.find("\r", 0, line_end)
    if carriage >= 0:
        line_end = carriage
    return line_end if _certainly_not_space(text[line_end - 1]) else None


def _certainly_not_space(char: str) -> bool:
    return "!" <= char <= "~" or "\u3001" <= char <= "\u9fff" or "\uff00" < char <= "\uffef"


def read_example(text: str, scopes) -> Document:
    """A rule example as a document: body text, a headline, or a whole article."""
    if "body" in scopes:
        return build_document(text, "<example>", [], [(0, len(text))])
    if "headline" in scopes:
        return build_document(text, "<example>", [(0, len(text))], [])
    return read_text(text, "<example>")


def build_document(text, path, headline, body, credit_starts=None) -> Document:
    found = credit_starts(text) if credit_starts is not None and body else None
    if found is None:
        holes = not_prose_spans(text)
    else:  # the automaton's hits of search_literals(): credit starts, then _NEEDLES
        credit_literals = len(start_literals())
        if found and max(found)[0] >= credit_literals:  # (rare: the largest literal index is a needle's)
            needles = [first for index, first, _ in found if index >= credit_literals]
            found = [hit for hit in found if hit[0] < credit_literals]
            holes = _not_prose_in_runs(text, needles, 0, len(text))
        else:
            holes = []
    credits = [c for start, end in body for c in find_credits(text, start, end, found)]
    byline = [(c.start, c.end) for c in credits if c.end > c.start]
    return Document(
        text=text,
        path=path,
        scopes={
            "headline": subtract(headline, holes),
            "body": subtract(body, holes),
            "byline": subtract(byline, holes),
        },
        credits=credits,
    )
