"""Searching with regular expressions under a time limit: users' expressions always, the
built-in ones only on long text (see `timed`)."""
from __future__ import annotations

from ..budget import search_limit
from ..document import Document

# A user's regular expression gets this long per search before it is abandoned.
REGEX_TIMEOUT_SECONDS = 2.0
TRUSTED_UNTIMED_CHARS = 10_000


def search_segments(pattern, doc: Document, segments, trusted: bool = False):
    """finditer over each segment, with the time limit where it is needed (`timed`)."""
    text = doc.text
    for start, end in segments:
        if timed(trusted, start, end):
            yield from pattern.finditer(text, start, end, timeout=search_limit(REGEX_TIMEOUT_SECONDS))
        else:
            yield from pattern.finditer(text, start, end)


def finds_any(pattern, text: str, segments, trusted: bool = False) -> bool:
    """Whether `pattern` finds anything in text[start:end] for some segment (a rule's gate),
    with the time limit where `timed` says so."""
    search = pattern.search
    for start, end in segments:
        # (`timed` written out: a gate is asked on every document)
        if not trusted or end - start > TRUSTED_UNTIMED_CHARS:
            found = search(text, start, end, timeout=search_limit(REGEX_TIMEOUT_SECONDS))
        else:
            found = search(text, start, end)
        if found is not None:
            return True
    return False


def timed(trusted: bool, start: int, end: int) -> bool:
    """Whether a search of text[start:end] needs the time limit. Users' expressions always
    do. Built-in ones are checked by the test suite for runaway (exponential) backtracking;
    what is left is slow growth on very long text, so they are limited only there. The limit
    costs more than a search of a short headline (about 2 us a call). A timed search is also
    cut to what is left of the rule's time budget on the file (`lint.budget.search_limit`)."""
    return not trusted or end - start > TRUSTED_UNTIMED_CHARS


class Prefiltered:
    """A gate (see `Rule.gate`): an expression searched only where text[start:end] holds one
    of a few strings that every match of it contains (`str.find` on a headline costs a small
    fraction of a `regex` search). For strings too common to be automaton anchors (这, 那,
    the separators - and — ...) but rare enough in one headline."""

    __slots__ = ("strings", "pattern")

    def __init__(self, strings, pattern):
        self.strings, self.pattern = tuple(strings), pattern

    def search(self, text: str, start: int = 0, end: int | None = None, **options):
        end = len(text) if end is None else end
        for string in self.strings:
            if text.find(string, start, end) != -1:
                return self.pattern.search(text, start, end, **options)
        return None
