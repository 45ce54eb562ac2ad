"""`newslint serve`: the editors' web page and its JSON API (the extra `newslint[web]`).

Starlette (the ASGI toolkit) and uvicorn (its server) were chosen because they are small,
well kept and typed, and need nothing else at run time: Starlette's routing, static files and
test client are all the page needs, without FastAPI's pydantic layer, and uvicorn is the
reference ASGI server. Importing this package fails with ImportError naming `starlette` or
`uvicorn` when the extra is not installed; `lint.cli` turns that into a one-line error.
"""
from __future__ import annotations

import starlette  # noqa: F401  (the extra: fail here, naming the missing package)
import uvicorn  # noqa: F401

from .app import DEFAULT_MAX_BYTES, create_app
from .server import ServeError, serve
from .service import Service, ServiceError

EXTRA_PACKAGES = ("starlette", "uvicorn")

__all__ = ["create_app", "serve", "Service", "ServiceError", "ServeError", "DEFAULT_MAX_BYTES", "EXTRA_PACKAGES"]
