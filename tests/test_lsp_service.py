"""The language server's adapter to the linter (lint/lsp/service.py), called directly."""
from __future__ import annotations

from lint.findings import Edit as CoreEdit
from lint.findings import Finding, Fix
from lint.lsp.service import DISPLAY, SAFE, UNSAFE, Edit, Service, _fixes


def finding(applicability="safe", **changes) -> Finding:
    values = dict(rule="typos.idiom", level="error", message="m", path="a.txt", offset=4, length=4, text="见缝插扎",
                  replacements=["见缝插针"])
    values |= changes
    fix = Fix((CoreEdit(4, 4, values["replacements"][0]),), applicability)
    return Finding(**values, fix=fix)


def test_a_safe_fix_comes_first_and_other_replacements_are_for_display():
    fixes = _fixes(finding(replacements=["见缝插针", "见针插缝"]))
    assert [(f.applicability, f.label) for f in fixes] == [(SAFE, "见缝插针"), (DISPLAY, "见针插缝")]
    assert fixes[0].edits == (Edit(4, 4, "见缝插针"),)


def test_the_engines_applicability_is_kept():
    assert [f.applicability for f in _fixes(finding("display"))] == [DISPLAY]
    assert [(f.applicability, f.edits) for f in _fixes(finding("unsafe"))] == [(UNSAFE, (Edit(4, 4, "见缝插针"),))]


def test_a_finding_without_replacements_has_no_fix():
    assert _fixes(Finding(rule="r", level="info", message="m", path="a", offset=0, length=0, text="")) == []


def test_issues_of_a_document(tmp_path):
    service = Service(str(tmp_path))
    issues, failures = service.lint("标题\n\n明天阳光见缝插扎地照进来。\n", str(tmp_path / "a.txt"), ".txt")
    typo = next(i for i in issues if i.rule == "typos.idiom")
    assert (typo.offset, typo.length, typo.fixes[0].applicability) == (8, 4, SAFE)
    assert failures == []


def test_excluded_documents_have_no_issues(tmp_path):
    (tmp_path / ".newslint.yml").write_text("exclude: ['vendor/*']\n", encoding="utf-8")
    service = Service(str(tmp_path))
    issues, _ = service.lint("标题\n\n明天阳光见缝插扎地照进来。\n", str(tmp_path / "vendor" / "a.txt"), ".txt")
    assert issues == []


def test_fix_all_edits_cover_only_the_changed_lines():
    import pytest

    pytest.importorskip("pygls")
    from lint.lsp.server import line_edits

    old = "一\n二扎\n三\n四扎\n"
    new = "一\n二针\n三\n四针\n"
    edits = line_edits(old, new)
    assert edits == [Edit(2, 3, "二针\n"), Edit(7, 3, "四针\n")]
    text = old
    for edit in reversed(edits):
        text = text[:edit.offset] + edit.content + text[edit.offset + edit.length:]
    assert text == new


def test_unsafe_fixes_are_offered_marked_and_never_preferred_display_ones_not_at_all():
    import pytest

    pytest.importorskip("pygls")
    from lint.lsp.positions import TextIndex
    from lint.lsp.server import NewslintServer, Result
    from lint.lsp.service import Fix, Issue

    text = "明天见缝插扎。"
    issue = Issue("typos.idiom", "warning", "m", 2, 4, "见缝插扎", fixes=[
        Fix((Edit(2, 4, "见缝插针"),), UNSAFE), Fix((Edit(2, 4, "见针插缝"),), DISPLAY)])
    result = Result(1, text, None, ".txt", [issue], TextIndex(text))
    server = NewslintServer()
    actions = server.fix_actions("file:///a.txt", result, issue, server.diagnostic(result, issue))
    assert [(a.title, a.is_preferred) for a in actions] == [("改为“见缝插针”（不安全的修复：请核对）（typos.idiom）", None)]


def test_the_protocol_forgets_the_future_of_a_handled_notification():
    """pygls keeps them all (memory grows with every edit); the server's protocol drops them."""
    import pytest

    pytest.importorskip("pygls")
    from concurrent.futures import Future

    from lint.lsp.server import NewslintServer

    protocol = NewslintServer().protocol
    done, pending = Future(), Future()
    done.set_result(None)
    protocol._request_futures.update({"notification": done, "request": pending})
    protocol._check_handler_result(done)
    assert protocol._request_futures == {"request": pending}
