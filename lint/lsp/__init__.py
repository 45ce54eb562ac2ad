"""`newslint lsp`: a Language Server for editors, over standard input and output.

- `service` is the one adapter to the linter (configs, linting, fixes, suppression, explain);
- `positions` converts character offsets to LSP positions in the negotiated encoding;
- `server` is the pygls server: document sync, diagnostics, code actions, hover.

pygls and lsprotocol are an optional extra (``pip install 'newslint[lsp]'``); nothing here
imports them until the server starts.
"""
from __future__ import annotations

import importlib

REQUIRES = ("pygls", "lsprotocol")


def missing_dependency() -> str | None:
    """The first package of the extra that cannot be imported, or None."""
    for name in REQUIRES:
        try:
            importlib.import_module(name)
        except ImportError:
            return name
    return None


def main() -> None:
    from .server import serve

    serve()
