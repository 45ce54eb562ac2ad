"""The Starlette application: the page, its static assets, and the JSON API.

    GET  /                    the page (lint/web/static/index.html)
    GET  /static/...          its script, style sheet and icon (served from the package)
    GET  /api/info            version, configuration file, limit, rule packs
    POST /api/check           {"text", "filename", "select"?, "ignore"?} -> file entry
    POST /api/fix             {... , "unsafe"?} -> {"text", "fixed", "file"}
    POST /api/decode          a file's raw bytes -> {"text", "encoding", "bom"}
    POST /api/encode          {"text", "encoding", "bom"} -> the bytes, as the file was stored
    GET  /api/rules/{id}      a rule's explanation (the text of `newslint explain`)

Every error answers JSON `{"error": "..."}` with a 4xx status; nothing a client sends can stop
the server. Linting runs in a worker thread, so a long article never blocks the page's assets.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .. import __version__
from .service import Service, ServiceError

STATIC = Path(__file__).resolve().parent / "static"
DEFAULT_MAX_BYTES = 2 * 1024 * 1024
DEFAULT_FILENAME = "稿件.txt"
CHECK_FIELDS = {"text", "filename", "select", "ignore"}
FIX_FIELDS = CHECK_FIELDS | {"unsafe"}
# the page loads nothing from elsewhere, and the browser is told so
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; "
                               "base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


class BadRequest(Exception):
    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


def create_app(service: Service, max_bytes: int = DEFAULT_MAX_BYTES) -> Starlette:
    """The ASGI app around one `Service` (built once: the engine is not rebuilt per request)."""

    async def page(request: Request) -> Response:
        return FileResponse(STATIC / "index.html", headers=SECURITY_HEADERS)

    async def info(request: Request) -> Response:
        config = service.config.path
        return JSONResponse({"name": "newslint", "version": __version__, "max_bytes": max_bytes,
                             "config": str(config) if config else None, "rules": len(service.rules),
                             "packs": service.packs()})

    async def check(request: Request) -> Response:
        started = time.perf_counter()
        fields = await _json_body(request, max_bytes, CHECK_FIELDS)
        text, filename, select, ignore = _check_fields(fields)
        entry = await _serve(service.check, text, filename, select, ignore)
        return _timed(entry, started)

    async def fix(request: Request) -> Response:
        started = time.perf_counter()
        fields = await _json_body(request, max_bytes, FIX_FIELDS)
        text, filename, select, ignore = _check_fields(fields)
        unsafe = fields.get("unsafe", False)
        if not isinstance(unsafe, bool):
            raise BadRequest("'unsafe' must be true or false")
        result = await _serve(service.fix, text, filename, select, ignore, unsafe)
        return _timed(result, started)

    async def decode(request: Request) -> Response:
        data = await _body(request, max_bytes)
        return JSONResponse(await _serve(service.decode, data))

    async def encode(request: Request) -> Response:
        fields = await _json_body(request, max_bytes, {"text", "encoding", "bom"})
        text, encoding, bom = fields.get("text"), fields.get("encoding", "utf-8"), fields.get("bom", False)
        if not isinstance(text, str) or not _encodable(text):
            raise BadRequest("'text' must be a string without unpaired surrogates")
        if not isinstance(encoding, str) or not isinstance(bom, bool):
            raise BadRequest("'encoding' must be a string and 'bom' true or false")
        data = await _serve(service.encode, text, encoding, bom)
        return Response(data, media_type="application/octet-stream")

    async def explain(request: Request) -> Response:
        rule = service.explain(request.path_params["rule_id"])
        if rule is None:
            raise BadRequest(f"unknown rule '{request.path_params['rule_id']}'", 404)
        return JSONResponse(rule)

    async def bad_request(request: Request, error: BadRequest) -> Response:
        return JSONResponse({"error": str(error)}, status_code=error.status)

    async def http_error(request: Request, error: HTTPException) -> Response:
        return JSONResponse({"error": error.detail}, status_code=error.status_code, headers=error.headers)

    routes = [
        Route("/", page),
        Route("/api/info", info),
        Route("/api/check", check, methods=["POST"]),
        Route("/api/fix", fix, methods=["POST"]),
        Route("/api/decode", decode, methods=["POST"]),
        Route("/api/encode", encode, methods=["POST"]),
        Route("/api/rules/{rule_id:path}", explain),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    return Starlette(routes=routes, exception_handlers={BadRequest: bad_request, HTTPException: http_error})


async def _serve(function, *args):
    try:
        return await run_in_threadpool(function, *args)
    except ServiceError as error:
        raise BadRequest(str(error)) from None


def _timed(payload: dict, started: float) -> Response:
    response = JSONResponse(payload)
    elapsed = (time.perf_counter() - started) * 1000
    response.headers["Server-Timing"] = f"app;dur={elapsed:.2f}"
    return response


async def _body(request: Request, max_bytes: int) -> bytes:
    """The request body, refused (413) as soon as it passes `max_bytes`."""
    too_large = BadRequest(f"request body too large (limit {max_bytes:,} bytes)", 413)
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise too_large
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > max_bytes:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)


async def _json_body(request: Request, max_bytes: int, allowed: set[str]) -> dict:
    data = await _body(request, max_bytes)
    try:
        body = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BadRequest(f"request body is not UTF-8 (invalid byte at {error.start})") from None
    try:
        fields = json.loads(body)
    except json.JSONDecodeError as error:
        raise BadRequest(f"request body is not JSON: {error.msg} at line {error.lineno} column {error.colno}") from None
    if not isinstance(fields, dict):
        raise BadRequest("request body must be a JSON object such as {\"text\": \"...\"}")
    unknown = sorted(set(fields) - allowed)
    if unknown:
        raise BadRequest(f"unknown field '{unknown[0]}' (expected {', '.join(sorted(allowed))})")
    return fields


def _check_fields(fields: dict) -> tuple[str, str, list[str] | None, list[str] | None]:
    text = fields.get("text")
    if not isinstance(text, str):
        raise BadRequest("'text' must be a string (the article)")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise BadRequest(f"'text' holds an unpaired surrogate at character {error.start}") from None
    filename = fields.get("filename") or DEFAULT_FILENAME
    if not isinstance(filename, str) or "\x00" in filename or not _encodable(filename):
        raise BadRequest("'filename' must be a string such as \"article.md\"")
    return text, filename, _names(fields, "select"), _names(fields, "ignore")


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _names(fields: dict, key: str) -> list[str] | None:
    """A list of rule ids or packs, or a comma list as on the command line."""
    value = fields.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or not all(isinstance(name, str) and _encodable(name) for name in value):
        raise BadRequest(f"'{key}' must be a list of rule ids or packs")
    names = [name.strip() for name in value if name.strip()]
    return names or None
