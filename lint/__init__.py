"""newslint: an editorial-quality linter for Chinese news articles.

    >>> from lint import lint_text
    >>> [f.rule for f in lint_text("明天阳光见缝插扎地照进来。")]
    ['typos.idiom']

`lint_text(text, path=...)` lints a string as the format its path names (plain text by
default) with the default rule set and returns a list of `Finding`s.
"""
from __future__ import annotations

from .version import __version__

_default = None


def default_linter():
    """The shared linter with the built-in rule packs, built on first use."""
    global _default
    if _default is None:
        from .linter import Linter

        _default = Linter()
    return _default


def lint_text(text: str, path: str = "<text>", *, select=None, ignore=None):
    """Findings of `text` (a list of `lint.findings.Finding`), sorted by position."""
    if select is None and ignore is None:
        return default_linter().lint_text(text, path)
    from .linter import Linter

    linter = default_linter()
    return Linter(rules=linter.all_rules, select=select, ignore=ignore).lint_text(text, path)


__all__ = ["lint_text", "default_linter", "__version__"]
