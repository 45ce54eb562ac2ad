"""Plain-text articles (.txt): the first non-empty line is the headline.

Everything after the headline is body. Credit lines are recognised anywhere (header and
footer) and also form the ``byline`` scope. URLs and e-mail addresses are not prose: they are
cut out of every scope so that no rule looks inside them.
"""
from __future__ import annotations

import regex

from .. import patterns
from ..credits import find_credits
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


def not_prose_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """URLs and e-mail addresses in text[start:end]."""
    if "://" not in text and "www." not in text and "@" not in text:
        return []  # the usual case, decided without a regular-expression pass
    end = len(text) if end is None else end
    return [m.span() for m in _NOT_PROSE.finditer(text, start, end)]


def read_text(text: str, path: str = "<text>", credit_starts=None) -> Document:
    """`credit_starts`: a function giving where credits may start in a text (`find_credits`'s
    `found`), e.g. the linting engine's, which finds them in the search it makes anyway."""
    first = _FIRST_TEXT_LINE.search(text)
    if first is None:
        return Document(text=text, path=path, scopes={"headline": [], "body": [], "byline": []})
    headline = [first.span(1)]
    body = [(first.end(), len(text))] if first.end() < len(text) else []
    return build_document(text, path, headline, body, credit_starts)


def read_example(text: str, scopes) -> Document:
    """A rule example as a document: body text, a headline, or a whole article."""
    if "body" in scopes:
        return build_document(text, "<example>", [], [(0, len(text))])
    if "headline" in scopes:
        return build_document(text, "<example>", [(0, len(text))], [])
    return read_text(text, "<example>")


def build_document(text, path, headline, body, credit_starts=None) -> Document:
    holes = not_prose_spans(text)
    found = credit_starts(text) if credit_starts is not None and body else None
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
