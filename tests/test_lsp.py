"""`newslint lsp`, driven as an editor drives it: a server process spoken to over stdio.

Each test talks to a real `python -m lint lsp` process through pytest-lsp's client
(initialize, didOpen, didChange, publishDiagnostics, codeAction, hover, shutdown). Most tests
share one server per module (each on its own documents); tests that need other client
capabilities start their own.
"""
from __future__ import annotations

import asyncio
import os
import sys
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the lsp extra is not installed (pip install 'newslint[lsp]')")
pytest_lsp = pytest.importorskip("pytest_lsp", reason="pytest-lsp is not installed (pip install 'newslint[test]')")
pytest_asyncio = pytest.importorskip("pytest_asyncio")

from lsprotocol import types as t  # noqa: E402
from pygls.protocol import default_converter  # noqa: E402
from pygls.uris import from_fs_path  # noqa: E402
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, LanguageClient, register_lsp_features  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 30  # seconds: a stuck server fails the test instead of hanging the suite
TYPO = "明天阳光见缝插扎地照进来。"  # typos.idiom: 见缝插扎 -> 见缝插针
ARTICLE = "记者 王某\n\n" + TYPO + "\n\n责任编辑：李某\n"

aio = pytest.mark.asyncio(loop_scope="module")


def utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


# --- a client that records every publishDiagnostics --------------------------------------
def _make_client() -> LanguageClient:
    client = LanguageClient(converter_factory=default_converter)
    client.published = []
    client.registrations = []
    features = dict(DEFAULT_CLIENT_FEATURES)

    def register(client: LanguageClient, params: t.RegistrationParams):
        client.registrations += params.registrations

    features[t.CLIENT_REGISTER_CAPABILITY] = register

    def publish(client: LanguageClient, params: t.PublishDiagnosticsParams):
        client.diagnostics[params.uri] = params.diagnostics
        client.published.append(params)

    features[t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = publish
    register_lsp_features(client, features)
    return client


class Session:
    """One server process and the documents a test opened in it."""

    def __init__(self, client: LanguageClient, result: t.InitializeResult, root: Path):
        self.client, self.result, self.root = client, result, root
        self.versions: dict[str, int] = {}

    def uri(self, name: str) -> str:
        return from_fs_path(str(self.root / name))

    def open(self, name: str, text: str, language_id: str = "plaintext") -> str:
        uri = self.uri(name)
        self.versions[uri] = 1
        self.client.text_document_did_open(t.DidOpenTextDocumentParams(
            t.TextDocumentItem(uri=uri, language_id=language_id, version=1, text=text)))
        return uri

    def change(self, uri: str, text: str) -> int:
        self.versions[uri] += 1
        self.client.text_document_did_change(t.DidChangeTextDocumentParams(
            t.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
            [t.TextDocumentContentChangeWholeDocument(text=text)]))
        return self.versions[uri]

    def publications(self, uri: str) -> list[t.PublishDiagnosticsParams]:
        return [p for p in self.client.published if p.uri == uri]

    async def diagnostics(self, uri: str, version: int | None = None, after: int = 0) -> list[t.Diagnostic]:
        """The diagnostics published for `uri` (at `version`, if given), waiting for them;
        `after`: ignore the first publications of the document."""
        async def wait():
            while True:
                for params in self.publications(uri)[after:]:
                    if version is None or params.version == version:
                        return list(params.diagnostics)
                await asyncio.sleep(0.01)

        return await asyncio.wait_for(wait(), TIMEOUT)

    async def code_actions(self, uri: str, start: t.Position, end: t.Position | None = None, only=None):
        params = t.CodeActionParams(
            text_document=t.TextDocumentIdentifier(uri=uri), range=t.Range(start, end or start),
            context=t.CodeActionContext(diagnostics=[], only=only))
        return await asyncio.wait_for(self.client.text_document_code_action_async(params), TIMEOUT) or []

    async def hover(self, uri: str, position: t.Position):
        params = t.HoverParams(text_document=t.TextDocumentIdentifier(uri=uri), position=position)
        return await asyncio.wait_for(self.client.text_document_hover_async(params), TIMEOUT)


CAPABILITIES = t.ClientCapabilities(
    workspace=t.WorkspaceClientCapabilities(
        workspace_edit=t.WorkspaceEditClientCapabilities(document_changes=True),
        did_change_watched_files=t.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True)),
    text_document=t.TextDocumentClientCapabilities(
        code_action=t.CodeActionClientCapabilities(
            code_action_literal_support=t.ClientCodeActionLiteralOptions(
                code_action_kind=t.ClientCodeActionKindOptions(value_set=[t.CodeActionKind.QuickFix,
                                                                          t.CodeActionKind.SourceFixAll])),
            is_preferred_support=True, disabled_support=True,
            resolve_support=t.ClientCodeActionResolveOptions(properties=["edit"])),
        hover=t.HoverClientCapabilities(content_format=[t.MarkupKind.Markdown, t.MarkupKind.PlainText]),
        publish_diagnostics=t.PublishDiagnosticsClientCapabilities(version_support=True)),
)


@asynccontextmanager
async def session(root: Path, capabilities: t.ClientCapabilities = CAPABILITIES, options=None):
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    config = pytest_lsp.ClientServerConfig(server_command=[sys.executable, "-m", "lint", "lsp"],
                                           client_factory=_make_client, server_env=env)
    client = await config.start()
    try:
        result = await asyncio.wait_for(client.initialize_session(t.InitializeParams(
            capabilities=capabilities, root_uri=from_fs_path(str(root)),
            initialization_options=options)), TIMEOUT)
        yield Session(client, result, root)
        await asyncio.wait_for(client.shutdown_session(), TIMEOUT)
    finally:
        await client.stop()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def lsp(tmp_path_factory):
    async with session(tmp_path_factory.mktemp("workspace")) as shared:
        yield shared


def apply_edits(text: str, edits) -> str:
    """Apply LSP TextEdits (UTF-16 columns, lines ending in \\n) as a client does: last first."""
    lines = text.split("\n")

    def offset(position):
        line = lines[position.line] if position.line < len(lines) else ""
        column, units = 0, 0
        while column < len(line) and units < position.character:
            units += utf16_units(line[column])
            column += 1
        return sum(len(l) + 1 for l in lines[:position.line]) + column

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[:offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
    return text


def edits_of(action, uri):
    """The TextEdits of a code action's edit for `uri` (document changes or plain changes)."""
    if action.edit.document_changes:
        change, = action.edit.document_changes
        assert change.text_document.uri == uri
        return change.edits
    return action.edit.changes[uri]


def titled(actions, prefix):
    return [a for a in actions if a.title.startswith(prefix)]


def by_rule(diagnostics, rule):
    found = [d for d in diagnostics if d.code == rule]
    assert found, f"no {rule} among {[d.code for d in diagnostics]}"
    return found[0]


# --- initialize --------------------------------------------------------------------------
@aio
async def test_initialize_announces_what_the_server_does(lsp):
    capabilities = lsp.result.capabilities
    assert lsp.result.server_info.name == "newslint"
    assert capabilities.position_encoding == t.PositionEncodingKind.Utf16  # the client offered none
    assert capabilities.text_document_sync.change == t.TextDocumentSyncKind.Full
    assert capabilities.text_document_sync.open_close and capabilities.text_document_sync.save


# --- diagnostics -------------------------------------------------------------------------
@aio
async def test_open_publishes_a_diagnostic_per_finding(lsp):
    uri = lsp.open("open.txt", "阳光\n\n" + ARTICLE)
    diagnostics = await lsp.diagnostics(uri, version=1)
    typo = by_rule(diagnostics, "typos.idiom")
    assert typo.source == "newslint"
    assert typo.severity == t.DiagnosticSeverity.Error
    assert typo.message == "“见缝插扎”应为“见缝插针”"
    line = 4  # 阳光, blank, 记者 王某, blank, the sentence
    start = TYPO.index("见缝插扎")
    assert typo.range == t.Range(t.Position(line, start), t.Position(line, start + 4))
    assert typo.data["rule"] == "typos.idiom"
    assert typo.data["explain"] == "newslint explain typos.idiom"
    assert typo.data["fixes"] == [{"applicability": "safe", "replacement": "见缝插针"}]


@aio
async def test_levels_become_severities(lsp):
    uri = lsp.open("levels.txt", "标题\n\n" + TYPO + "\n")  # no credits: byline warnings
    diagnostics = await lsp.diagnostics(uri)
    assert by_rule(diagnostics, "byline.missing-author").severity == t.DiagnosticSeverity.Warning
    assert by_rule(diagnostics, "typos.idiom").severity == t.DiagnosticSeverity.Error


@aio
async def test_astral_character_before_a_finding_counts_two_utf16_units(lsp):
    prefix = "𠮷𠮷野家，"
    uri = lsp.open("astral.txt", "阳光\n\n" + ARTICLE.replace(TYPO, prefix + TYPO))
    typo = by_rule(await lsp.diagnostics(uri), "typos.idiom")
    before = prefix + TYPO[:TYPO.index("见缝插扎")]
    assert typo.range.start == t.Position(4, utf16_units(before))
    assert typo.range.start.character == len(before) + 2  # two surrogate pairs
    assert typo.range.end.character == typo.range.start.character + 4


@aio
async def test_change_publishes_for_the_new_version(lsp):
    uri = lsp.open("change.txt", "阳光\n\n" + ARTICLE)
    assert by_rule(await lsp.diagnostics(uri, version=1), "typos.idiom")
    version = lsp.change(uri, "阳光\n\n" + ARTICLE.replace("见缝插扎", "见缝插针"))
    diagnostics = await lsp.diagnostics(uri, version=version)
    assert "typos.idiom" not in [d.code for d in diagnostics]
    version = lsp.change(uri, "阳光\n\n新的一段。\n\n" + ARTICLE)
    moved = by_rule(await lsp.diagnostics(uri, version=version), "typos.idiom")
    assert moved.range.start.line == 6


@aio
async def test_save_publishes_again_and_close_clears(lsp):
    uri = lsp.open("save.txt", "阳光\n\n" + ARTICLE)
    await lsp.diagnostics(uri, version=1)
    count = len(lsp.publications(uri))
    lsp.client.text_document_did_save(t.DidSaveTextDocumentParams(t.TextDocumentIdentifier(uri=uri)))
    assert by_rule(await lsp.diagnostics(uri, after=count), "typos.idiom")
    count = len(lsp.publications(uri))
    lsp.client.text_document_did_close(t.DidCloseTextDocumentParams(t.TextDocumentIdentifier(uri=uri)))
    assert await lsp.diagnostics(uri, after=count) == []


@aio
async def test_markdown_and_html_point_into_the_file(lsp):
    md = lsp.open("story.md", "# 阳光\n\n" + "`见缝插扎` 不查，" + TYPO + "\n", "markdown")
    html = lsp.open("story.html", "<html><body><h1>阳光</h1>\n<p>&ldquo;好&rdquo;" + TYPO + "</p></body></html>\n",
                    "html")
    md_typos = [d for d in await lsp.diagnostics(md) if d.code == "typos.idiom"]
    assert len(md_typos) == 1  # inline code is not prose
    assert md_typos[0].range.start == t.Position(2, len("`见缝插扎` 不查，") + TYPO.index("见缝插扎"))
    html_typo = by_rule(await lsp.diagnostics(html), "typos.idiom")
    assert html_typo.range.start == t.Position(1, len("<p>&ldquo;好&rdquo;") + TYPO.index("见缝插扎"))


@aio
async def test_other_documents_get_no_diagnostics(lsp):
    other = lsp.open("script.py", "# " + TYPO + "\n", "python")
    article = lsp.open("after-script.txt", "阳光\n\n" + ARTICLE)
    await lsp.diagnostics(article)  # notifications are handled in order: the .py came first
    assert lsp.publications(other) == []


@aio
async def test_untitled_markdown_is_linted_by_its_language(lsp):
    uri = "untitled:Untitled-1"
    lsp.versions[uri] = 1
    lsp.client.text_document_did_open(t.DidOpenTextDocumentParams(
        t.TextDocumentItem(uri=uri, language_id="markdown", version=1, text="# 阳光\n\n" + TYPO + "\n")))
    assert by_rule(await lsp.diagnostics(uri), "typos.idiom")


# --- configuration ---------------------------------------------------------------------------
def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def watched(lsp: Session, path: Path, kind=t.FileChangeType.Changed) -> None:
    lsp.client.workspace_did_change_watched_files(t.DidChangeWatchedFilesParams(
        changes=[t.FileEvent(uri=from_fs_path(str(path)), type=kind)]))


async def wait_for(condition):
    async def poll():
        while not condition():
            await asyncio.sleep(0.01)
    await asyncio.wait_for(poll(), TIMEOUT)


@aio
async def test_the_server_watches_config_files(lsp):
    await wait_for(lambda: lsp.client.registrations)
    registration, = lsp.client.registrations
    assert registration.method == t.WORKSPACE_DID_CHANGE_WATCHED_FILES
    patterns = {w["globPattern"] for w in registration.register_options["watchers"]}
    assert patterns == {"**/.newslint.yml", "**/.newslint.yaml", "**/pyproject.toml"}


@aio
async def test_the_nearest_config_is_used_and_reloaded_when_it_changes(lsp):
    config = lsp.root / "desk" / ".newslint.yml"
    write(config, "rules:\n  typos.idiom: off\n")
    uri = lsp.open("desk/story.txt", "阳光\n\n" + ARTICLE)
    assert "typos.idiom" not in [d.code for d in await lsp.diagnostics(uri)]
    write(config, "rules:\n  typos.idiom: warning\n")
    count = len(lsp.publications(uri))
    watched(lsp, config)
    typo = by_rule(await lsp.diagnostics(uri, after=count), "typos.idiom")
    assert typo.severity == t.DiagnosticSeverity.Warning


@aio
async def test_a_changed_config_is_noticed_without_a_watcher(lsp):
    """Clients that watch no files: the config's stamp is checked at each lint."""
    config = lsp.root / "quiet" / ".newslint.yml"
    write(config, "rules:\n  typos: off\n")
    uri = lsp.open("quiet/story.txt", "阳光\n\n" + ARTICLE)
    assert "typos.idiom" not in [d.code for d in await lsp.diagnostics(uri)]
    write(config, "rules:\n  typos: info\n")  # another size: seen even on a coarse clock
    version = lsp.change(uri, "阳光\n\n" + ARTICLE + "\n")
    typo = by_rule(await lsp.diagnostics(uri, version=version), "typos.idiom")
    assert typo.severity == t.DiagnosticSeverity.Information


@aio
async def test_a_config_error_is_a_message_and_the_last_good_config_stays(lsp):
    config = lsp.root / "broken" / ".newslint.yml"
    write(config, "rules:\n  typos.idiom: warning\n")
    uri = lsp.open("broken/story.txt", "阳光\n\n" + ARTICLE)
    assert by_rule(await lsp.diagnostics(uri), "typos.idiom").severity == t.DiagnosticSeverity.Warning
    messages = len(lsp.client.messages)
    write(config, "rules:\n  typos.idiom: sometimes\n")
    watched(lsp, config)
    await wait_for(lambda: len(lsp.client.messages) > messages)
    error = lsp.client.messages[messages]
    assert error.type == t.MessageType.Error
    assert error.message.startswith(f"newslint: {config}:2: rule 'typos.idiom'")
    assert "last good version" in error.message
    version = lsp.change(uri, "阳光\n\n" + ARTICLE + "\n")  # the server lives on, with the old config
    assert by_rule(await lsp.diagnostics(uri, version=version), "typos.idiom").severity == t.DiagnosticSeverity.Warning
    assert len(lsp.client.messages) == messages + 1  # said once, not at every change
    write(config, "rules:\n  typos.idiom: info\n")
    watched(lsp, config)
    await wait_for(lambda: len(lsp.client.messages) > messages + 1)
    assert lsp.client.messages[-1].type == t.MessageType.Info
    version = lsp.change(uri, "阳光\n\n" + ARTICLE)
    assert by_rule(await lsp.diagnostics(uri, version=version), "typos.idiom").severity == t.DiagnosticSeverity.Information


@aio
async def test_a_config_that_never_loaded_falls_back_to_the_defaults(lsp):
    write(lsp.root / "never" / ".newslint.yml", "rules: [not, a, mapping]\n")
    messages = len(lsp.client.messages)
    uri = lsp.open("never/story.txt", "阳光\n\n" + ARTICLE)
    assert by_rule(await lsp.diagnostics(uri), "typos.idiom").severity == t.DiagnosticSeverity.Error
    await wait_for(lambda: len(lsp.client.messages) > messages)
    assert "built-in defaults" in lsp.client.messages[messages].message


@aio
async def test_a_broken_rule_file_is_a_message_too(lsp):
    write(lsp.root / "packs" / ".newslint.yml", "rule_paths: [house]\n")
    write(lsp.root / "packs" / "house" / "house.yaml", "pack: house\nrules: [\n")
    messages = len(lsp.client.messages)
    uri = lsp.open("packs/story.txt", "阳光\n\n" + ARTICLE)
    assert by_rule(await lsp.diagnostics(uri), "typos.idiom")
    await wait_for(lambda: len(lsp.client.messages) > messages)
    assert "house.yaml" in lsp.client.messages[messages].message


@aio
async def test_pyproject_table_is_a_config(lsp):
    write(lsp.root / "py" / "pyproject.toml", "[tool.newslint]\nrules = { typos = 'off' }\n")
    uri = lsp.open("py/story.md", "# 阳光\n\n" + TYPO + "\n", "markdown")
    assert "typos.idiom" not in [d.code for d in await lsp.diagnostics(uri)]


# --- code actions ---------------------------------------------------------------------------
@aio
async def test_quick_fix_replaces_the_finding(lsp):
    text = "阳光\n\n" + ARTICLE.replace(TYPO, "𠮷，" + TYPO)
    uri = lsp.open("fix.txt", text)
    typo = by_rule(await lsp.diagnostics(uri), "typos.idiom")
    actions = await lsp.code_actions(uri, typo.range.start)
    fix, = titled(actions, "改为“见缝插针”")
    assert fix.title == "改为“见缝插针”（typos.idiom）"
    assert fix.kind == t.CodeActionKind.QuickFix and fix.is_preferred
    assert fix.diagnostics[0].code == "typos.idiom"
    assert fix.edit.document_changes[0].text_document.version == 1  # a stale edit is refused by the client
    assert apply_edits(text, edits_of(fix, uri)) == text.replace("见缝插扎", "见缝插针")


@aio
async def test_an_unsafe_fix_is_offered_marked_and_left_out_of_fix_all(lsp):
    near = "这个说法早已家喻户小，无须多作解释。"  # typos.idiom-near: a suggestion to check
    text = "阳光\n\n记者 王某\n\n" + near + "\n\n" + TYPO + "\n\n责任编辑：李某\n"
    uri = lsp.open("unsafe.txt", text)
    diagnostic = by_rule(await lsp.diagnostics(uri), "typos.idiom-near")
    assert diagnostic.data["fixes"] == [{"applicability": "unsafe", "replacement": "家喻户晓"}]
    fix, = titled(await lsp.code_actions(uri, diagnostic.range.start), "改为“家喻户晓”")
    assert fix.title == "改为“家喻户晓”（不安全的修复：请核对）（typos.idiom-near）"
    assert not fix.is_preferred
    assert apply_edits(text, edits_of(fix, uri)) == text.replace("家喻户小", "家喻户晓")
    fix_all, = await lsp.code_actions(uri, t.Position(0, 0), only=[t.CodeActionKind.SourceFixAll])
    resolved = await asyncio.wait_for(lsp.client.code_action_resolve_async(fix_all), TIMEOUT)
    assert apply_edits(text, edits_of(resolved, uri)) == text.replace("见缝插扎", "见缝插针")  # safe ones only


@aio
async def test_no_rule_can_be_disabled_inline_in_plain_text(lsp):
    uri = lsp.open("no-comments.txt", "阳光\n\n" + ARTICLE)
    typo = by_rule(await lsp.diagnostics(uri), "typos.idiom")
    disable, = titled(await lsp.code_actions(uri, typo.range.start), "在此行禁用")
    assert disable.edit is None
    assert "没有注释" in disable.disabled.reason  # the client greys it out and says why


@aio
async def test_disable_on_this_line_in_markdown_inserts_the_comment(lsp):
    text = "# 阳光\n\n记者 王某\n\n" + TYPO + "\n\n责任编辑：李某\n"
    uri = lsp.open("disable.md", text, "markdown")
    typo = by_rule(await lsp.diagnostics(uri), "typos.idiom")
    disable, = titled(await lsp.code_actions(uri, typo.range.start), "在此行禁用 typos.idiom")
    fixed = apply_edits(text, edits_of(disable, uri))
    assert fixed == text.replace(TYPO, "<!-- newslint-disable-next-line typos.idiom -->\n" + TYPO)
    version = lsp.change(uri, fixed)
    codes = [d.code for d in await lsp.diagnostics(uri, version=version)]
    assert "typos.idiom" not in codes and "newslint.unused-suppression" not in codes


@aio
async def test_disable_inside_a_paragraph_keeps_the_paragraph_whole(lsp):
    text = "# 阳光\n\n记者 王某\n\n第一行没有问题，\n" + TYPO + "\n\n责任编辑：李某\n"
    uri = lsp.open("paragraph.md", text, "markdown")
    typo = by_rule(await lsp.diagnostics(uri), "typos.idiom")
    disable, = titled(await lsp.code_actions(uri, typo.range.start), "在此行禁用")
    fixed = apply_edits(text, edits_of(disable, uri))
    assert fixed == text.replace("第一行没有问题，\n", "第一行没有问题，<!-- newslint-disable-next-line typos.idiom -->\n")
    version = lsp.change(uri, fixed)
    assert "typos.idiom" not in [d.code for d in await lsp.diagnostics(uri, version=version)]


@aio
async def test_disable_is_not_offered_where_a_comment_would_not_work(lsp):
    """In front matter a comment is YAML text, not a directive: no such action."""
    text = "---\ntitle: 见缝插扎的阳光\nauthor: 王某\neditor: 李某\n---\n\n正文没有问题。\n"
    uri = lsp.open("front-matter.md", text, "markdown")
    typo = by_rule(await lsp.diagnostics(uri), "typos.idiom")
    assert typo.range.start.line == 1
    actions = await lsp.code_actions(uri, typo.range.start)
    assert titled(actions, "改为“见缝插针”") and not titled(actions, "在此行禁用")


@aio
async def test_disable_in_html(lsp):
    text = "<html><body><h1>阳光</h1>\n<p>记者 王某</p>\n<p>" + TYPO + "</p>\n<p>责任编辑：李某</p></body></html>\n"
    uri = lsp.open("disable.html", text, "html")
    typo = by_rule(await lsp.diagnostics(uri), "typos.idiom")
    disable, = titled(await lsp.code_actions(uri, typo.range.start), "在此行禁用")
    version = lsp.change(uri, apply_edits(text, edits_of(disable, uri)))
    assert "typos.idiom" not in [d.code for d in await lsp.diagnostics(uri, version=version)]


@aio
async def test_fix_all_applies_every_safe_fix(lsp):
    text = "阳光\n\n记者 王某\n\n" + TYPO + "\n\n第二段,也见缝插扎。\n\n责任编辑：李某\n"
    uri = lsp.open("fix-all.txt", text)
    await lsp.diagnostics(uri)
    actions = await lsp.code_actions(uri, t.Position(0, 0), only=[t.CodeActionKind.SourceFixAll])
    fix_all, = actions
    assert fix_all.kind == "source.fixAll.newslint" and fix_all.edit is None  # resolved on demand
    resolved = await asyncio.wait_for(lsp.client.code_action_resolve_async(fix_all), TIMEOUT)
    fixed = apply_edits(text, edits_of(resolved, uri))
    assert fixed == text.replace("见缝插扎", "见缝插针").replace("第二段,也", "第二段，也")
    assert all(e.range.start.line >= 4 for e in edits_of(resolved, uri))  # changed lines only
    version = lsp.change(uri, fixed)
    left = await lsp.diagnostics(uri, version=version)
    assert not any(d.data["fixes"] and d.data["fixes"][0]["applicability"] == "safe" for d in left)


@aio
async def test_fix_all_is_also_a_quick_fix_beside_a_fixable_finding(lsp):
    text = "阳光\n\n记者 王某\n\n" + TYPO + "\n\n第二段,也见缝插扎。\n\n责任编辑：李某\n"
    uri = lsp.open("fix-all-quick.txt", text)
    typo = by_rule(await lsp.diagnostics(uri), "typos.idiom")
    actions = await lsp.code_actions(uri, typo.range.start)
    kinds = sorted(a.kind for a in titled(actions, "修复本文件"))
    assert kinds == [t.CodeActionKind.QuickFix, "source.fixAll.newslint"]  # the lightbulb and the source menu


@aio
async def test_code_actions_follow_the_latest_text(lsp):
    """A request that comes before the debounced lint sees the new text, not the old one."""
    uri = lsp.open("stale.txt", "阳光\n\n" + ARTICLE)
    await lsp.diagnostics(uri, version=1)
    text = "阳光\n\n前面加了一句。" + ARTICLE
    lsp.change(uri, text)
    typo_line = 2 + ARTICLE.split("\n").index(TYPO)
    column = TYPO.index("见缝插扎")
    actions = await lsp.code_actions(uri, t.Position(typo_line, column))
    fix, = titled(actions, "改为“见缝插针”")
    assert fix.edit.document_changes[0].text_document.version == 2
    assert apply_edits(text, edits_of(fix, uri)) == text.replace("见缝插扎", "见缝插针")


# --- hover ---------------------------------------------------------------------------------
@aio
async def test_hover_on_a_finding_explains_its_rule(lsp):
    uri = lsp.open("hover.txt", "阳光\n\n" + ARTICLE.replace(TYPO, "𠮷" + TYPO))
    typo = by_rule(await lsp.diagnostics(uri), "typos.idiom")
    inside = t.Position(typo.range.start.line, typo.range.start.character + 2)
    hover = await lsp.hover(uri, inside)
    assert hover.contents.kind == t.MarkupKind.Markdown
    assert hover.contents.value.startswith("```text\ntypos.idiom  (")
    assert "错误示例" in hover.contents.value and "提示信息" in hover.contents.value
    assert hover.range == typo.range
    assert await lsp.hover(uri, t.Position(0, 0)) is None  # 阳光: nothing there (a headline, no finding)


# --- position encodings --------------------------------------------------------------------
@aio
@pytest.mark.slow  # a server of its own
@pytest.mark.parametrize("offered, encoding, width", [
    (["utf-8"], t.PositionEncodingKind.Utf8, lambda s: len(s.encode("utf-8"))),
    (["utf-32", "utf-16"], t.PositionEncodingKind.Utf32, len),  # the client's first choice wins
])
async def test_negotiated_position_encoding(tmp_path, offered, encoding, width):
    capabilities = t.ClientCapabilities(general=t.GeneralClientCapabilities(position_encodings=offered))
    async with session(tmp_path, capabilities) as own:
        assert own.result.capabilities.position_encoding == encoding
        prefix = "𠮷é，"
        uri = own.open("encoded.txt", "阳光\n\n" + ARTICLE.replace(TYPO, prefix + TYPO))
        typo = by_rule(await own.diagnostics(uri), "typos.idiom")
        before = prefix + TYPO[:TYPO.index("见缝插扎")]
        assert typo.range.start == t.Position(4, width(before))
        assert typo.range.end == t.Position(4, width(before + "见缝插扎"))
        # a client without codeAction/resolve gets the fix-all edit at once, in its units
        fix_all, = await own.code_actions(uri, t.Position(0, 0), only=[t.CodeActionKind.SourceFixAll])
        edit, = fix_all.edit.changes[uri]
        assert edit.range.start == t.Position(4, 0)
        assert "见缝插针" in edit.new_text
        # a client that takes plain text only gets the explanation as plain text
        hover = await own.hover(uri, typo.range.start)
        assert hover.contents.kind == t.MarkupKind.PlainText
        assert hover.contents.value.startswith("typos.idiom  (")


# --- debouncing, shutdown ------------------------------------------------------------------
@aio
@pytest.mark.slow  # a server of its own
async def test_changes_in_quick_succession_are_linted_once_and_shutdown_exits_0(tmp_path):
    async with session(tmp_path, options={"debounce_ms": 400}) as own:
        uri = own.open("typing.txt", "阳光\n\n" + ARTICLE)
        await own.diagnostics(uri, version=1)
        versions = [own.change(uri, "阳光\n\n" + ARTICLE + "多" * n) for n in range(1, 6)]
        await own.diagnostics(uri, version=versions[-1])
        assert [p.version for p in own.publications(uri)] == [1, versions[-1]]
        server = own.client._server
    assert server.returncode == 0  # shutdown, then exit: a clean end


def test_missing_extra_is_one_line_and_exit_2(tmp_path):
    """Without pygls, `newslint lsp` says what to install (simulated by hiding pygls)."""
    import subprocess

    blocker = tmp_path / "sitecustomize.py"
    blocker.write_text(
        "import sys\n"
        "class Hide:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('pygls', 'lsprotocol'):\n"
        "            raise ModuleNotFoundError(name)\n"
        "sys.meta_path.insert(0, Hide())\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(tmp_path), str(ROOT)]))
    result = subprocess.run([sys.executable, "-m", "lint", "lsp"], capture_output=True, env=env, timeout=60,
                            stdin=subprocess.DEVNULL)
    assert result.returncode == 2
    lines = result.stderr.decode().strip().splitlines()
    assert lines == ["newslint: 'newslint lsp' needs pygls: pip install 'newslint[lsp]'"]
