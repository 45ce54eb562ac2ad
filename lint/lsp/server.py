"""The language server: LSP over stdio with pygls; everything about linting is in `service`.

Documents are synchronised in full (the client sends the whole text on each change): an
article is a few thousand characters, and the server's text is then exactly the client's,
whatever line separators it holds.

Diagnostics are published on open and save at once, and after a change once the document
has been quiet for `DEBOUNCE` seconds (a new change restarts the wait). Each carries the
document version it was computed for; the last result of each open document is kept (its
issues and its line index) to answer code actions and hovers, and is recomputed first if
the document changed since.
"""
from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from urllib.parse import unquote

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from .. import __version__
from .positions import UTF16, TextIndex
from .service import SAFE, UNSAFE, Issue, Service, reader_suffix

DEBOUNCE = 0.05  # seconds of quiet after a change before linting
FIX_ALL = "source.fixAll.newslint"
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
NO_COMMENTS = "纯文本（.txt）稿件没有注释，不能在行内禁用规则；请在 .newslint.yml 中关闭或调整该规则"
WATCHED = ("**/.newslint.yml", "**/.newslint.yaml", "**/pyproject.toml")

log = logging.getLogger(__name__)


@dataclass
class Result:
    """The last lint of one open document."""

    version: int | None
    text: str
    path: str | None
    suffix: str
    issues: list[Issue]
    index: TextIndex


class NewslintServer(LanguageServer):
    def __init__(self):
        super().__init__("newslint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
        self.service = Service()
        self.results: dict[str, Result] = {}
        self.pending: dict[str, asyncio.Task] = {}
        self.shown_errors: dict[object, str] = {}  # config path -> the error last shown for it
        self.debounce = DEBOUNCE

    # --- helpers ----------------------------------------------------------------------------
    @property
    def encoding(self) -> str:
        encoding = self.workspace.position_encoding
        return getattr(encoding, "value", encoding) or UTF16

    def capability(self, *names, default=None):
        node = self.client_capabilities
        for name in names:
            node = getattr(node, name, None)
            if node is None:
                return default
        return node

    def document(self, uri: str):
        """The open document at `uri`, or None (never read from disk)."""
        return self.workspace.text_documents.get(unquote(uri))

    def lint(self, uri: str) -> Result | None:
        """Lint the open document now and publish its diagnostics."""
        self.cancel(uri)
        document = self.document(uri)
        if document is None:
            return None
        path = to_fs_path(uri)
        suffix = reader_suffix(path, document.language_id)
        if suffix is None:
            return None  # not an article format: say nothing about it
        text = document.source
        try:
            setup = self.service.setup(path)
            self.report_config(setup)
            issues, failures = self.service.lint(text, path, suffix, setup)
        except Exception as error:  # a bug must cost this document's diagnostics, not the server
            log.exception("linting %s failed", uri)
            self.message(f"newslint: linting {path or uri} failed: {type(error).__name__}: {error}",
                         types.MessageType.Error)
            return None
        for failure in failures:
            self.window_log_message(types.LogMessageParams(types.MessageType.Warning, f"newslint: {failure}"))
        result = Result(document.version, text, path, suffix, issues, TextIndex(text, self.encoding))
        self.results[uri] = result
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=document.version, diagnostics=[self.diagnostic(result, i) for i in issues]))
        return result

    def fresh(self, uri: str) -> Result | None:
        """The result for the document as it is now (linting it again if it changed)."""
        document = self.document(uri)
        result = self.results.get(uri)
        if document is None:
            return None
        if result is None or result.version != document.version or result.text != document.source:
            result = self.lint(uri)
        return result

    def schedule(self, uri: str) -> None:
        self.cancel(uri)
        self.pending[uri] = asyncio.ensure_future(self._later(uri))

    async def _later(self, uri: str) -> None:
        await asyncio.sleep(self.debounce)
        self.pending.pop(uri, None)
        self.lint(uri)

    def cancel(self, uri: str) -> None:
        task = self.pending.pop(uri, None)
        if task is not None and task is not _current_task():
            task.cancel()

    def message(self, text: str, kind=types.MessageType.Warning) -> None:
        self.window_show_message(types.ShowMessageParams(type=kind, message=text))

    def report_config(self, setup) -> None:
        """Show a config error once (not on every keystroke); say when it is mended."""
        key = setup.config_path
        if setup.error:
            if self.shown_errors.get(key) != setup.error:
                self.shown_errors[key] = setup.error
                self.message(f"newslint: {setup.error}", types.MessageType.Error)
        elif self.shown_errors.pop(key, None) is not None:
            self.message(f"newslint: configuration {key} loaded", types.MessageType.Info)

    def diagnostic(self, result: Result, issue: Issue) -> types.Diagnostic:
        fixes = [{"applicability": fix.applicability, "replacement": fix.label} for fix in issue.fixes]
        return types.Diagnostic(
            range=self.range(result, issue.offset, issue.end),
            severity=SEVERITY.get(issue.level, types.DiagnosticSeverity.Warning),
            code=issue.rule,
            code_description=types.CodeDescription(href=issue.link) if issue.link else None,
            source="newslint",
            message=issue.message,
            tags=[types.DiagnosticTag.Unnecessary] if issue.unnecessary else None,
            data={"rule": issue.rule, "explain": f"newslint explain {issue.rule}", "fixes": fixes},
        )

    @staticmethod
    def range(result: Result, start: int, end: int) -> types.Range:
        line, character = result.index.position(start)
        end_line, end_character = result.index.position(end)
        return types.Range(types.Position(line, character), types.Position(end_line, end_character))

    def edit(self, uri: str, result: Result, edits) -> types.WorkspaceEdit:
        text_edits = [types.TextEdit(self.range(result, e.offset, e.offset + e.length), e.content) for e in edits]
        if self.capability("workspace", "workspace_edit", "document_changes", default=False):
            identifier = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=result.version)
            return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(identifier, text_edits)])
        return types.WorkspaceEdit(changes={uri: text_edits})


def _current_task():
    try:
        return asyncio.current_task()
    except RuntimeError:
        return None


server = NewslintServer()


# --- lifecycle --------------------------------------------------------------------------------
@server.feature(types.INITIALIZE)
def initialize(ls: NewslintServer, params: types.InitializeParams) -> None:
    root = params.root_uri or (params.workspace_folders[0].uri if params.workspace_folders else None)
    ls.service = Service(to_fs_path(root) if root else params.root_path)
    options = params.initialization_options
    if isinstance(options, dict) and isinstance(options.get("debounce_ms"), (int, float)):
        ls.debounce = max(0.0, options["debounce_ms"] / 1000)


@server.feature(types.INITIALIZED)
def initialized(ls: NewslintServer, params: types.InitializedParams) -> None:
    if ls.capability("workspace", "did_change_watched_files", "dynamic_registration", default=False):
        watchers = [types.FileSystemWatcher(glob_pattern=pattern) for pattern in WATCHED]
        registration = types.Registration(
            id="newslint-config", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers))
        ls.client_register_capability(types.RegistrationParams(registrations=[registration]))
    ls.service.warm_up()  # load the rules now, not on the first keystroke


@server.feature(types.SHUTDOWN)
def shutdown(ls: NewslintServer, params) -> None:
    for uri in list(ls.pending):
        ls.cancel(uri)


# --- documents -----------------------------------------------------------------------------
@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: NewslintServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.lint(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: NewslintServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: NewslintServer, params: types.DidSaveTextDocumentParams) -> None:
    ls.lint(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: NewslintServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls.cancel(uri)
    if ls.results.pop(uri, None) is not None:
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: NewslintServer, params: types.DidChangeWatchedFilesParams) -> None:
    ls.service.forget()
    for uri in list(ls.results):
        ls.lint(uri)


def serve() -> None:
    server.start_io()
