"""Regular expressions compiled on first use: a leaf module, shared by the rule kinds and the
credit finder (`credits`), which must not import the kinds."""
from __future__ import annotations

import regex


class LazyPattern:
    """A regular expression compiled on first use: a run over one article compiles only the
    expressions of rules that find something to look at (compiling is slow in `regex`)."""

    # the search methods become plain attributes once compiled: later calls go straight to
    # the compiled pattern (a gate is asked on every article)
    _METHODS = ("search", "finditer", "match", "findall", "sub")
    __slots__ = ("source", "flags", "lists", "_compiled", *_METHODS)

    def __init__(self, source: str, flags: int = 0, **lists):
        """`lists`: `regex` named lists (``\\L<name>``)."""
        self.source, self.flags, self.lists, self._compiled = source, flags, lists, None

    def compile(self):
        """The compiled expression (compiled now if it was not yet)."""
        if self._compiled is None:
            self._compiled = regex.compile(self.source, self.flags, **self.lists)
            for method in self._METHODS:
                setattr(self, method, getattr(self._compiled, method))
        return self._compiled

    def __getattr__(self, name):
        return getattr(self.compile(), name)
