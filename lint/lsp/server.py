"""The language server: LSP over stdio with pygls; everything about linting is in `service`.

Documents are synchronised in full (the client sends the whole text on each change): an
article is a few thousand characters, and the server's text is then exactly the client's,
whatever line separators it holds.

Diagnostics are published on open and save at once. After a change they are published at
once too when the document was last linted more than `DEBOUNCE` seconds ago; changes that
come faster than that (a burst of typing) are linted once, `DEBOUNCE` seconds after the last
of them (each new change restarts the wait). So an edit after a pause costs one lint of
latency, and fast typing costs at most one lint per `DEBOUNCE`. Each carries the
document version it was computed for; the last result of each open document is kept (its
issues and its line index) to answer code actions and hovers, and is recomputed first if
the document changed since.
"""
from __future__ import annotations

import asyncio
import difflib
import logging
import os
import sys
import time
from dataclasses import dataclass
from urllib.parse import unquote

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.uris import to_fs_path

from .. import __version__
from .positions import UTF16, TextIndex
from .service import SAFE, UNSAFE, Edit, Issue, Service, reader_suffix

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
    fixed: str | None = None  # the text with every safe fix applied, computed on demand


class Protocol(LanguageServerProtocol):
    """pygls 2.1 keeps the future of every notification that a built-in (generator) handler
    runs, didOpen/didChange/didClose among them, in `_request_futures` and never removes it:
    about 1.3 kB more memory per edit (+3.9 MB over 3,000 edits, measured). Drop each one
    when it is done."""

    def _check_handler_result(self, future):
        super()._check_handler_result(future)
        for key in [key for key, pending in self._request_futures.items() if pending is future]:
            del self._request_futures[key]


class NewslintServer(LanguageServer):
    def __init__(self):
        super().__init__("newslint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full,
                         protocol_cls=Protocol)
        self.service = Service()
        self.results: dict[str, Result] = {}
        self.pending: dict[str, asyncio.Task] = {}
        self.linted: dict[str, float] = {}  # when each open document was last linted (monotonic)
        self.shown_errors: dict[object, str] = {}  # config path -> the error last shown for it
        self.debounce = DEBOUNCE

    # --- helpers ----------------------------------------------------------------------------
    @property
    def encoding(self) -> str:
        encoding = self.workspace.position_encoding
        return getattr(encoding, "value", encoding) or UTF16

    def capability(self, *names, default=None):
        """A client capability by its path of names (default: the client did not say)."""
        node = getattr(self.protocol, "client_capabilities", None)  # None before initialize
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
        self.linted[uri] = time.monotonic()
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
        """Lint after a change: at once when the document was last linted more than
        `debounce` ago (a change after a pause), else `debounce` after the last of a burst."""
        if uri not in self.pending and time.monotonic() - self.linted.get(uri, float("-inf")) >= self.debounce:
            self.lint(uri)
            return
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


    # --- code actions ------------------------------------------------------------------------
    def code_actions(self, uri: str, result: Result, start: int, end: int, only) -> list[types.CodeAction]:
        def wanted(kind: str) -> bool:
            return not only or any(kind == o or kind.startswith(o + ".") for o in only)

        lazy = "edit" in (self.capability("text_document", "code_action", "resolve_support", "properties") or ())
        actions = []
        touched = [i for i in result.issues if i.offset <= end and start <= i.end]
        safe_in_file = sum(1 for i in result.issues if any(f.applicability == SAFE for f in i.fixes))
        if wanted(types.CodeActionKind.QuickFix):
            for issue in touched:
                diagnostic = self.diagnostic(result, issue)
                actions += self.fix_actions(uri, result, issue, diagnostic)
                suppress = self.suppress_action(uri, result, issue, diagnostic)
                if suppress is not None:
                    actions.append(suppress)
            if safe_in_file > 1 and any(any(f.applicability == SAFE for f in i.fixes) for i in touched):
                actions.append(self.fix_all_action(uri, result, types.CodeActionKind.QuickFix, lazy, safe_in_file))
        if wanted(FIX_ALL) and safe_in_file:
            actions.append(self.fix_all_action(uri, result, FIX_ALL, lazy, safe_in_file))
        return actions

    def fix_actions(self, uri, result, issue, diagnostic) -> list[types.CodeAction]:
        actions = []
        for fix in issue.fixes:
            if fix.applicability not in (SAFE, UNSAFE):
                continue  # a suggestion for display: the message shows it, no action applies it
            label = fix.label
            title = f"改为“{label}”" if label else f"删除“{issue.text}”"
            if fix.applicability == UNSAFE:
                title += "（不安全的修复：请核对）"
            actions.append(types.CodeAction(
                title=f"{title}（{issue.rule}）", kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
                edit=self.edit(uri, result, fix.edits),
                is_preferred=fix.applicability == SAFE and not actions or None))
        return actions

    def suppress_action(self, uri, result, issue, diagnostic) -> types.CodeAction | None:
        """Disable the rule on the issue's line with an inline comment; offered only when the
        comment is known to work there (computed now, not on resolve, for that reason)."""
        title = f"在此行禁用 {issue.rule}（newslint）"
        if issue.unnecessary:
            return None
        if result.suffix not in (".md", ".html"):
            if not self.capability("text_document", "code_action", "disabled_support", default=False):
                return None
            return types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
                                    disabled=types.CodeActionDisabled(reason=NO_COMMENTS))
        edit = self.service.suppression(result.text, result.path, result.suffix, issue, result.issues)
        if edit is None:
            return None
        return types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
                                edit=self.edit(uri, result, [edit]))

    def fix_all_action(self, uri, result, kind, lazy, count) -> types.CodeAction:
        action = types.CodeAction(title=f"修复本文件中可安全自动修复的 {count} 个问题（newslint）", kind=kind,
                                  data={"uri": uri, "version": result.version, "do": "fix-all"})
        if lazy:
            return action
        return self.resolve(action)

    def resolve(self, action: types.CodeAction) -> types.CodeAction | None:
        """Fill in the edit of a fix-all action (lazily, when the client supports
        codeAction/resolve). None: the document changed since the action was offered."""
        data = action.data if isinstance(action.data, dict) else {}
        uri = data.get("uri")
        result = self.fresh(uri) if uri else None
        if result is None or result.version != data.get("version"):
            return None
        if data.get("do") == "fix-all":
            if result.fixed is None:
                result.fixed = self.service.fix_all(result.text, result.path, result.suffix)
            action.edit = self.edit(uri, result, line_edits(result.text, result.fixed))
            return action
        return None


def line_edits(old: str, new: str) -> list[Edit]:
    """Edits turning `old` into `new`, one per run of changed lines (not one edit of the whole
    document, which would move the editor's cursor and folds)."""
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    starts = [0]
    for line in old_lines:
        starts.append(starts[-1] + len(line))
    edits = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            edits.append(Edit(starts[i1], starts[i2] - starts[i1], "".join(new_lines[j1:j2])))
    return edits


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
    ls.linted.pop(uri, None)
    if ls.results.pop(uri, None) is not None:
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: NewslintServer, params: types.DidChangeWatchedFilesParams) -> None:
    ls.service.forget()
    for uri in list(ls.results):
        ls.lint(uri)


# --- code actions, hover ----------------------------------------------------------------------
@server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
    code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL], resolve_provider=True))
def code_action(ls: NewslintServer, params: types.CodeActionParams):
    uri = params.text_document.uri
    result = ls.fresh(uri)
    if result is None:
        return None
    start = result.index.offset(params.range.start.line, params.range.start.character)
    end = result.index.offset(params.range.end.line, params.range.end.character)
    return ls.code_actions(uri, result, start, end, params.context.only) or None


@server.feature(types.CODE_ACTION_RESOLVE)
def code_action_resolve(ls: NewslintServer, action: types.CodeAction) -> types.CodeAction:
    resolved = ls.resolve(action)
    if resolved is None:
        action.disabled = types.CodeActionDisabled(reason="文档已改动，请重试")
        return action
    return resolved


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: NewslintServer, params: types.HoverParams) -> types.Hover | None:
    """`newslint explain` of the rules whose findings are under the cursor."""
    uri = params.text_document.uri
    result = ls.fresh(uri)
    if result is None:
        return None
    at = result.index.offset(params.position.line, params.position.character)
    under = [i for i in result.issues if i.offset <= at < i.end or i.offset == at == i.end]
    texts, rules = [], []
    for issue in under:
        if issue.rule in rules:
            continue
        rules.append(issue.rule)
        explanation = ls.service.explain(issue.rule, result.path)
        if explanation:
            texts.append(explanation)
    if not texts:
        return None
    formats = ls.capability("text_document", "hover", "content_format") or [types.MarkupKind.PlainText]
    if types.MarkupKind.Markdown in formats:
        # the explain text is plain, aligned text: shown as it is, in a fenced block
        content = types.MarkupContent(types.MarkupKind.Markdown,
                                      "\n\n".join(f"```text\n{text}\n```" for text in texts))
    else:
        content = types.MarkupContent(types.MarkupKind.PlainText, "\n\n".join(texts))
    first = under[0]
    return types.Hover(contents=content, range=ls.range(result, first.offset, first.end))


def serve() -> None:
    """Serve on standard input and output until the client says exit.

    The protocol gets its own copy of standard output, and file descriptor 1 then points to
    standard error: a stray print (ours or a library's) becomes a log line instead of
    corrupting the message stream, and pygls closing its stream at exit leaves `sys.stdout`
    usable for the command's last flush."""
    protocol_out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    sys.stdout.flush()
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    server.start_io(sys.stdin.buffer, protocol_out)
