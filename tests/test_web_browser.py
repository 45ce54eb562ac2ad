"""The editors' page in a real Chromium (Playwright driving the system browser).

Paste the bundled flawed example, check the highlights against the findings, apply fixes,
undo, confirm suggestions, open files in other encodings, and keep astral characters (𠮷,
two UTF-16 units, one code point) in place. `NEWSLINT_UPDATE_DOCS=1` saves the page as
docs/serve.png (otherwise the screenshot goes to a temporary folder: a test run never dirties
the checkout).

Needs the Python package `playwright` and a Chromium (`apt-get install chromium
fonts-noto-cjk`; never `playwright install`, which downloads a browser). Without them these
tests skip, saying why; under CI (CI set) they fail instead, since CI must run them.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT, out, run_cli

# a browser and a server start once per run of this module (~10 s), then ~2 s a test
pytestmark = pytest.mark.slow

FLAWED = (EXAMPLES / "flawed.txt").read_text(encoding="utf-8")
VARIANT = "社区花园今日开放\n\n（记者 王某）本书每章末尾都附有编者的案语。\n\n责任编辑：李四"
SCREENSHOT = ROOT / "docs" / "serve.png"
BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def _missing(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"CI must run the browser tests, but {reason} (see .ci/run)")
    pytest.skip(f"browser tests skipped: {reason}")


def _browser_path() -> str | None:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("the Python package 'playwright' is not installed (pip install playwright)")
    executable = _browser_path()
    if executable is None:
        _missing("no Chromium found (apt-get install chromium fonts-noto-cjk)")
    pytest.importorskip("starlette", reason="the web extra (newslint[web]) is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def server():
    """`newslint serve` as a user starts it, on a free port."""
    process = subprocess.Popen([sys.executable, "-m", "lint", "serve", "--port", "0"], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    line = process.stdout.readline()
    if not line.startswith("newslint serve: http"):
        process.kill()
        pytest.fail(f"the server did not start: {line}{process.stderr.read()}")
    yield line.split()[2]
    process.terminate()
    process.wait(timeout=30)


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.elsewhere = []  # requests to anything but the server: there must be none
    page.errors = []
    page.on("request", lambda request: None if request.url.startswith((server, "blob:", "data:"))
            else page.elsewhere.append(request.url))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(server)
    yield page
    assert page.elsewhere == []
    assert page.errors == []
    context.close()


def paste(page, text: str, count: int | None = None):
    page.fill("#text", text)
    settle(page, text)
    if count is not None:
        assert page.locator(".finding").count() == count


def settle(page, text: str | None = None):
    """Wait until the page has the answer for its current text."""
    page.wait_for_function(
        "(t) => { const s = window.newslintPage.state; return !s.busy && s.checked === s.text && (t === null || s.text === t); }",
        arg=text)


def findings(page) -> list[dict]:
    return page.evaluate("window.newslintPage.state.findings")


def marked(page) -> dict[int, str]:
    """Finding index -> the characters its marks cover in the backdrop."""
    return page.evaluate("""() => {
        const out = {};
        for (const mark of document.querySelectorAll('#backdrop mark'))
            for (const id of mark.dataset.ids.split(' ')) out[id] = (out[id] || '') + mark.textContent;
        return out;
    }""")


def api_findings(text: str, filename: str = "稿件.txt") -> list[dict]:
    import json

    result = run_cli("check", "-", "--stdin-filename", filename, "--format", "json", input=text)
    return json.loads(out(result))["files"][0]["findings"]


def test_pasting_the_flawed_example_highlights_every_finding_in_place(page):
    paste(page, FLAWED, count=18)  # 17 before session 8 turned headline.score on
    shown = findings(page)
    cli = api_findings(FLAWED)
    assert [(f["rule"], f["offset"], f["length"]) for f in shown] == [(f["rule"], f["offset"], f["length"]) for f in cli]
    covered = marked(page)
    for f in shown:
        if f["length"]:
            assert covered[str(f["index"])] == f["text"], f
    assert len(covered) == 17  # the missing editor credit has no characters: it is in the byline summary
    levels = {mark.get_attribute("data-ids"): mark.get_attribute("class")
              for mark in page.locator("#backdrop mark").all()}
    idiom = next(f for f in shown if f["text"] == "见缝插扎")
    assert "lv-error" in levels[str(idiom["index"])]
    assert page.locator(".count.lv-error b").inner_text() == "3"
    assert page.locator(".count.lv-warning b").inner_text() == "14"
    assert [h.inner_text() for h in page.locator(".group-head span:first-child").all()] == ["错别字", "标点符号", "标题", "署名"]
    assert page.locator("#fix-safe").inner_text() == "全部安全修复（13）"


def test_the_summary_shows_headline_credits_and_what_is_missing(page):
    paste(page, FLAWED)
    assert page.locator("#headline").inner_text() == "震惊！老街改造后的变化竟然是这样！！！"
    credits = [pill.inner_text() for pill in page.locator("#credits .pill").all()]
    assert credits == ["作者：（空）", "来源：江城晚报", "缺少编辑署名"]
    assert page.locator("#headline-issues .pill").count() == 3  # shock, withheld, score


def test_apply_one_fix_then_undo(page):
    paste(page, FLAWED)
    item = page.locator('.finding[data-rule="typos.idiom"]').first
    assert "见缝插扎" in item.inner_text()
    item.locator("button.apply").click()
    expected = FLAWED.replace("见缝插扎", "见缝插针", 1)
    settle(page, expected)
    assert page.input_value("#text") == expected
    assert page.locator(".finding").count() == 17
    assert "见缝插扎" not in "".join(marked(page).values())
    page.click("#undo")
    settle(page, FLAWED)
    assert page.input_value("#text") == FLAWED
    assert page.locator(".finding").count() == 18


def test_fix_all_safe_fixes_gives_the_cli_fixed_text(page):
    paste(page, FLAWED)
    page.click("#fix-safe")
    fixed = out(run_cli("check", "-", "--fix", "--stdin-filename", "稿件.txt", input=FLAWED))
    settle(page, fixed)
    assert page.input_value("#text") == fixed
    assert not [f for f in findings(page) if f["applicability"] == "safe"]
    assert page.locator("#fix-safe").is_disabled()


def test_suggestions_need_a_confirmation(page):
    paste(page, VARIANT, count=1)
    assert page.locator("#fix-safe").is_disabled()
    page.click("#fix-unsafe")
    dialog = page.locator("#confirm")
    assert dialog.is_visible()
    assert "案语 → 按语" in dialog.locator("li").inner_text()
    dialog.locator('button[value="cancel"]').click()
    assert not dialog.is_visible()
    assert page.input_value("#text") == VARIANT
    page.click("#fix-unsafe")
    page.click("#confirm-ok")
    settle(page, VARIANT.replace("案语", "按语"))
    assert page.locator(".empty-state.clean").is_visible()


def test_one_suggestion_from_its_finding(page):
    paste(page, VARIANT, count=1)
    page.locator(".finding button.apply").click()
    page.click("#confirm-ok")
    settle(page, VARIANT.replace("案语", "按语"))


def test_astral_characters_keep_highlights_and_fixes_in_place(page):
    text = "𠮷𠮷花园今日开放\n\n（记者 王某）𠮷居民们𠮷在新建的花园里散步,𠮷施工队见缝插扎地作业。\n\n责任编辑：李四"
    paste(page, text)
    shown = findings(page)
    assert {f["rule"] for f in shown} == {"punctuation.halfwidth-comma", "typos.idiom"}
    covered = marked(page)
    assert sorted(covered[str(f["index"])] for f in shown) == sorted([",", "见缝插扎"])
    # the page's conversions agree with Python's code points
    assert page.evaluate("(t) => { const p = window.newslintPage.positions(t); return [p.toUnits(4), p.toPoints(6)]; }", text) == [6, 4]
    page.locator('.finding[data-rule="typos.idiom"] button.apply').click()
    settle(page, text.replace("见缝插扎", "见缝插针"))
    page.locator('.finding[data-rule="punctuation.halfwidth-comma"] button.apply').click()
    settle(page, text.replace("见缝插扎", "见缝插针").replace(",", "，"))
    assert page.locator(".empty-state.clean").is_visible()


def test_clicking_a_finding_selects_its_characters_and_explains_on_demand(page):
    paste(page, FLAWED)
    item = page.locator('.finding[data-rule="typos.idiom"]').nth(1)
    item.click()
    selected = page.evaluate("() => { const t = document.getElementById('text'); return t.value.slice(t.selectionStart, t.selectionEnd); }")
    assert selected == "再接再励"
    assert page.locator("#backdrop mark.active").inner_text() == "再接再励"
    item.locator("button.why").click()
    explanation = item.locator(".explain")
    explanation.wait_for()
    assert explanation.inner_text().startswith("typos.idiom")
    assert "错误示例" in explanation.inner_text()
    item.locator("button.why").click()
    assert explanation.is_hidden()


def test_clicking_in_the_article_selects_the_finding_there(page):
    paste(page, FLAWED)
    offset = FLAWED.index("再接再励") + 1
    page.evaluate("(o) => { const t = document.getElementById('text'); t.focus(); t.setSelectionRange(o, o); t.dispatchEvent(new MouseEvent('click')); }", offset)
    assert page.locator(".finding.active").get_attribute("data-rule") == "typos.idiom"
    assert "再接再励" in page.locator(".finding.active").inner_text()


def test_level_filters_hide_findings_and_their_marks(page):
    paste(page, FLAWED)
    page.click('.count[data-level="warning"]')
    assert page.locator(".finding").count() == 4  # 3 errors and the headline model's info
    assert page.locator("#backdrop mark.lv-warning").count() == 0
    page.click('.count[data-level="warning"]')
    assert page.locator(".finding").count() == 18


def test_the_file_picker_reads_gb18030_utf16_markdown_and_refuses_binary(page, tmp_path):
    gbk = tmp_path / "旧稿.txt"
    gbk.write_bytes(FLAWED.replace("\n", "\r\n").encode("gb18030"))
    page.set_input_files("#file", str(gbk))
    settle(page, FLAWED)
    assert page.input_value("#text") == FLAWED
    assert page.locator("#filename").inner_text() == "旧稿.txt"
    assert page.locator(".finding").count() == 18
    with page.expect_download() as download:
        page.click("#download")
    saved = Path(download.value.path()).read_bytes()
    assert saved == gbk.read_bytes() and download.value.suggested_filename == "旧稿.txt"  # GB18030 and CRLF kept

    markdown = tmp_path / "article.md"
    markdown.write_bytes(b"\xff\xfe" + (EXAMPLES / "article.md").read_text(encoding="utf-8").encode("utf-16-le"))
    page.set_input_files("#file", str(markdown))
    settle(page, (EXAMPLES / "article.md").read_text(encoding="utf-8"))
    with page.expect_download() as download:
        page.click("#download")
    assert Path(download.value.path()).read_bytes() == markdown.read_bytes()  # UTF-16 LE with its BOM
    assert page.input_value("#format") == ".md"
    assert page.locator("#headline").inner_text() == "老城区改造首批居民回迁"

    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x01")
    page.set_input_files("#file", str(binary))
    page.locator("#toast.error").wait_for()
    assert "binary" in page.locator("#toast").inner_text()
    assert page.input_value("#text") == (EXAMPLES / "article.md").read_text(encoding="utf-8")


def test_html_articles_are_checked_in_their_source(page):
    html = (EXAMPLES / "article.html").read_text(encoding="utf-8")
    page.select_option("#format", ".html")
    paste(page, html)
    shown = findings(page)
    assert [(f["rule"], f["offset"]) for f in shown] == [(f["rule"], f["offset"]) for f in api_findings(html, "稿件.html")]
    covered = marked(page)
    assert all(covered[str(f["index"])] == f["text"] for f in shown if f["length"])


def test_copy_puts_the_text_on_the_clipboard(page, browser):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    paste(page, FLAWED)
    page.click("#copy")
    assert page.evaluate("navigator.clipboard.readText()") == FLAWED


def test_a_server_error_is_shown_and_the_page_goes_on(page):
    page.fill("#text", "字" * 10)
    settle(page)
    page.evaluate("(n) => { const s = window.newslintPage.state; s.text = '字'.repeat(n); return window.newslintPage.check(); }",
                  1024 * 1024)
    page.locator("#status.error").wait_for()
    assert "稿件太大，超过 2 MB 的上限" in page.locator("#status").inner_text()
    paste(page, FLAWED, count=18)


def test_screenshot_for_the_docs(page, tmp_path):
    """docs/serve.png: the page as an editor sees it, with one finding open."""
    target = SCREENSHOT if os.environ.get("NEWSLINT_UPDATE_DOCS") else tmp_path / "serve.png"
    paste(page, FLAWED)
    item = page.locator('.finding[data-rule="typos.idiom"]').first
    item.click()
    item.locator("button.why").click()
    item.locator(".explain").wait_for()
    page.mouse.move(0, 0)
    page.wait_for_timeout(1500)  # the highlight's flash is over
    page.evaluate("document.activeElement.blur()")
    page.screenshot(path=str(target))
    assert target.stat().st_size > 20_000


def test_packs_can_be_left_out_of_the_check(page):
    every = len(api_findings(FLAWED))
    others = len([f for f in api_findings(FLAWED) if not f["rule"].startswith("punctuation.")])
    paste(page, FLAWED, count=every)
    page.click('.pack[data-pack="punctuation"]')
    page.wait_for_function("(n) => window.newslintPage.state.findings.length === n", arg=others)
    settle(page, FLAWED)
    assert not any(f["rule"].startswith("punctuation.") for f in findings(page))
    assert page.locator('.pack[data-pack="punctuation"]').get_attribute("aria-pressed") == "false"
    page.click('.pack[data-pack="punctuation"]')
    page.wait_for_function("(n) => window.newslintPage.state.findings.length === n", arg=every)


def test_next_and_previous_walk_the_findings_in_text_order(page):
    paste(page, FLAWED)
    spans = sorted((f for f in findings(page) if f["length"]), key=lambda f: (f["start"], f["index"]))
    page.click("#next")
    assert page.locator("#backdrop mark.active").first.inner_text() == spans[0]["text"]
    page.keyboard.press("F8")
    assert page.evaluate("window.newslintPage.state.active") == spans[1]["index"]
    page.keyboard.press("Shift+F8")
    page.click("#prev")
    assert page.evaluate("window.newslintPage.state.active") == spans[-1]["index"]


@pytest.mark.parametrize("width, height", [(820, 1180), (1180, 820), (1280, 720)])
def test_tablet_and_laptop_screens_fit_without_sideways_scrolling(page, width, height):
    page.set_viewport_size({"width": width, "height": height})
    paste(page, FLAWED)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    article = page.locator(".paper-inner").bounding_box()
    panel = page.locator(".panel").bounding_box()
    if width < 860:  # upright tablet: the list goes under the article
        assert panel["y"] >= article["y"] + article["height"]
    else:
        assert panel["x"] >= article["x"] + article["width"]
    assert article["width"] >= 0.5 * width - 40


def test_a_fix_of_several_edits_changes_only_its_edits(page):
    """The JSON report's fix model: a pair of brackets is one finding with two edits, and the
    text between them stays (fed to the page as an answer, so it holds whatever the rules do)."""
    text = "标题𠮷\n\n正文𠮷(𠮷约30升)结束。"
    start = text.index("(")
    end = text.index(")") + 1
    finding = {"rule": "punctuation.halfwidth-parenthesis", "level": "warning", "message": "半角括号",
               "line": 3, "column": 4, "end_line": 3, "end_column": 11, "offset": start, "length": end - start,
               "text": text[start:end], "replacements": ["（𠮷约30升）"], "fixable": True, "applicability": "safe",
               "edits": [{"offset": start, "length": 1, "content": "（"}, {"offset": end - 1, "length": 1, "content": "）"}]}
    page.fill("#text", text)
    settle(page, text)
    page.evaluate("([entry, text]) => window.newslintPage.showEntry(entry, text)",
                  [{"path": "稿件.txt", "findings": [finding], "rules": {}, "document": None, "errors": []}, text])
    item = page.locator(".finding")
    assert item.locator(".change").inner_text() == "( → （ · ) → ）"
    assert marked(page)["0"] == "(𠮷约30升)"
    item.locator("button.apply").click()
    assert page.input_value("#text") == "标题𠮷\n\n正文𠮷（𠮷约30升）结束。"
