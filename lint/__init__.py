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
    """Findings of `text` (a list of `lint.findings.Finding`), sorted by position. `select`
    and `ignore` (rule ids or packs) choose rules for this call; the shared linter keeps one
    engine for every choice, so a selection costs no more than the default set."""
    return default_linter().lint_text(text, path, select=select, ignore=ignore)


__all__ = ["lint_text", "default_linter", "__version__"]
