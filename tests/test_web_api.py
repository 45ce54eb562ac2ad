"""`newslint serve`'s JSON API, through Starlette's test client: same findings as the CLI,
positions in code points, fixes as `--fix`, and every bad request a 4xx that the server lives
through."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

pytest.importorskip("starlette", reason="the web extra (newslint[web]) is not installed")

from starlette.testclient import TestClient  # noqa: E402

from lint.web import Service, create_app  # noqa: E402
from tests.conftest import EXAMPLES, ROOT, err, out, run_cli  # noqa: E402

FLAWED = (EXAMPLES / "flawed.txt").read_text(encoding="utf-8")
# a non-recommended variant form: an unsafe fix (a suggestion)
VARIANT = "社区花园今日开放\n\n（记者 王某）本书每章末尾都附有编者的案语。\n\n责任编辑：李四"


@pytest.fixture(scope="module")
def service():
    return Service()


@pytest.fixture(scope="module")
def client(service):
    with TestClient(create_app(service)) as client:
        yield client


def check(client, text, filename="稿件.txt", **fields):
    response = client.post("/api/check", json={"text": text, "filename": filename, **fields})
    assert response.status_code == 200, response.text
    return response.json()


def cli_entry(path, *args):
    result = run_cli("check", path, "--format", "json", *args)
    entry, = json.loads(out(result))["files"]
    return entry


def same_keys_as_cli(finding: dict, cli_finding: dict) -> dict:
    """The API's finding, with the keys the CLI's JSON has (the API adds `applicability`
    until the report itself carries it)."""
    return {key: finding[key] for key in cli_finding}


@pytest.mark.parametrize("name", ["flawed.txt", "article.md", "article.html", "clean.txt"])
def test_check_answers_the_file_entry_of_the_cli_json_report(client, name):
    path = EXAMPLES / name
    entry = check(client, path.read_text(encoding="utf-8"), filename=f"examples/{name}")
    expected = cli_entry(f"examples/{name}")
    assert entry["path"] == expected["path"]
    assert [same_keys_as_cli(f, c) for f, c in zip(entry["findings"], expected["findings"])] == expected["findings"]
    assert len(entry["findings"]) == len(expected["findings"])
    assert entry["errors"] == []


def test_findings_say_how_they_may_be_fixed(client):
    findings = check(client, FLAWED)["findings"]
    by_rule = {f["rule"]: f["applicability"] for f in findings}
    assert by_rule["typos.idiom"] == "safe"
    assert by_rule["headline.shock"] is None  # nothing to replace: no fix at all
    assert all((f["applicability"] == "safe") == f["fixable"] for f in findings)
    variant = check(client, VARIANT)["findings"]
    assert [(f["rule"], f["applicability"]) for f in variant] == [("typos.variant", "unsafe")]


def test_positions_count_code_points_not_utf16_units(client):
    text = "标题\n\n𠮷𠮷施工队见缝插扎地作业。"
    finding, = [f for f in check(client, text)["findings"] if f["rule"] == "typos.idiom"]
    start = text.index("见缝插扎")
    assert (finding["offset"], finding["length"], finding["column"]) == (start, 4, 6)
    assert text[finding["offset"]:finding["offset"] + finding["length"]] == finding["text"] == "见缝插扎"


def test_the_document_summary_shows_headline_credits_and_what_is_missing(client):
    entry = check(client, FLAWED)
    document = entry["document"]
    assert document["headline"] == "震惊！老街改造后的变化竟然是这样！！！"
    assert document["headline_offset"] == 0
    credits = {(c["field"], c["value"], c["empty"]) for c in document["credits"]}
    assert credits == {("author", "", True), ("source", "江城晚报", False)}
    assert [m["fields"] for m in document["missing"]] == [["editor"]]
    assert entry["rules"]["typos.idiom"] == {"pack": "typos", "kind": "substitution", "fix": "safe"}


def test_the_summary_reads_markdown_front_matter(client):
    document = check(client, (EXAMPLES / "article.md").read_text(encoding="utf-8"), filename="a.md")["document"]
    assert document["headline"] == "老城区改造首批居民回迁"
    assert {c["field"]: c["value"] for c in document["credits"]} == {"author": "林晓", "editor": "周静"}
    assert document["missing"] == []
    assert document["meta"]["date"] == "2025-03-12"


def test_select_and_ignore_per_request_as_on_the_command_line(client):
    only_typos = check(client, FLAWED, select=["typos"])["findings"]
    assert {f["rule"] for f in only_typos} == {"typos.idiom"}
    assert check(client, FLAWED, select="typos,headline.shock", ignore=["typos.idiom"])["findings"] == \
        [f for f in check(client, FLAWED)["findings"] if f["rule"] == "headline.shock"]
    no_punctuation = check(client, FLAWED, ignore=["punctuation"])["findings"]
    assert not any(f["rule"].startswith("punctuation.") for f in no_punctuation)
    expected = cli_entry("examples/flawed.txt", "--select", "punctuation,byline", "--ignore", "byline.empty-field")
    entry = check(client, FLAWED, filename="examples/flawed.txt", select=["punctuation", "byline"],
                  ignore=["byline.empty-field"])
    assert [same_keys_as_cli(f, c) for f, c in zip(entry["findings"], expected["findings"])] == expected["findings"]


def test_the_engine_is_built_once_not_per_request(client, service, monkeypatch):
    import lint.linter

    check(client, FLAWED, select=["typos"])  # a new selection builds its linters once
    built = []
    original = lint.linter.Engine.__init__
    monkeypatch.setattr(lint.linter.Engine, "__init__", lambda self, *a, **k: (built.append(1), original(self, *a, **k)))
    for _ in range(3):
        check(client, FLAWED)
        check(client, FLAWED, select=["typos"])
        client.post("/api/fix", json={"text": FLAWED})
    assert built == []


def test_the_config_file_applies_as_in_the_cli(tmp_path):
    config = tmp_path / "newslint.yml"
    config.write_text("rules:\n  typos: off\n  headline.shock: error\n", encoding="utf-8")
    with TestClient(create_app(Service(config))) as client:
        findings = check(client, FLAWED, filename="examples/flawed.txt")["findings"]
        info = client.get("/api/info").json()
    assert not any(f["rule"].startswith("typos.") for f in findings)
    assert {f["level"] for f in findings if f["rule"] == "headline.shock"} == {"error"}
    expected = cli_entry("examples/flawed.txt", "--config", config)
    assert [same_keys_as_cli(f, c) for f, c in zip(findings, expected["findings"])] == expected["findings"]
    assert info["config"] == str(config)


def test_fix_applies_the_safe_fixes_as_the_cli_does(client):
    answer = client.post("/api/fix", json={"text": FLAWED, "filename": "flawed.txt"}).json()
    fixed = run_cli("check", "-", "--fix", "--stdin-filename", "flawed.txt", input=FLAWED)
    assert answer["text"] == out(fixed)
    assert answer["fixed"] == 13  # the pair of brackets is one fix
    assert "见缝插针" in answer["text"] and "再接再厉" in answer["text"]
    assert not any(f["fixable"] for f in answer["file"]["findings"])
    again = client.post("/api/fix", json={"text": answer["text"], "filename": "flawed.txt"}).json()
    assert (again["text"], again["fixed"]) == (answer["text"], 0)


def test_unsafe_fixes_only_when_asked(client):
    safe = client.post("/api/fix", json={"text": VARIANT}).json()
    assert (safe["text"], safe["fixed"]) == (VARIANT, 0)
    unsafe = client.post("/api/fix", json={"text": VARIANT, "unsafe": True}).json()
    assert (unsafe["text"], unsafe["fixed"]) == (VARIANT.replace("案语", "按语"), 1)
    assert unsafe["file"]["findings"] == []


def test_fix_keeps_astral_characters_and_html_markup(client):
    text = "标题\n\n𠮷施工队见缝插扎地作业,𠮷。"
    assert client.post("/api/fix", json={"text": text}).json()["text"] == "标题\n\n𠮷施工队见缝插针地作业，𠮷。"
    html = (EXAMPLES / "article.html").read_text(encoding="utf-8")
    fixed = client.post("/api/fix", json={"text": html, "filename": "a.html"}).json()["text"]
    assert fixed == out(run_cli("check", "-", "--fix", "--stdin-filename", "a.html", input=html))
    assert "见缝插针" in fixed and fixed.count("<") == html.count("<") and fixed.count("&") == html.count("&")


@pytest.mark.parametrize("body, status, message", [
    (b"\xff\xfe{}", 400, "not UTF-8"),
    (b"text=hello", 400, "not JSON"),
    (b"[1, 2]", 400, "JSON object"),
    (b'{"text": 12}', 400, "'text' must be a string"),
    (b'{"filename": "a.txt"}', 400, "'text' must be a string"),
    (b'{"text": "x", "colour": 1}', 400, "unknown field 'colour'"),
    (b'{"text": "x", "filename": 3}', 400, "'filename'"),
    (b'{"text": "x", "select": [1]}', 400, "'select'"),
    (b'{"text": "x", "select": ["nope"]}', 400, "unknown rule or pack 'nope'"),
    (b'{"text": "x", "ignore": "typos,nope"}', 400, "unknown rule or pack 'nope'"),
    (b'{"text": "\\ud800x"}', 400, "unpaired surrogate"),
    (b'{"text": "x", "select": ["\\udfff"]}', 400, "'select'"),
])
def test_bad_requests_answer_4xx_with_a_message_and_the_server_lives_on(client, body, status, message):
    for endpoint in ("/api/check", "/api/fix"):
        response = client.post(endpoint, content=body, headers={"content-type": "application/json"})
        assert response.status_code == status
        assert message in response.json()["error"]
        assert check(client, FLAWED)["findings"]  # still serving


def test_fix_rejects_a_non_boolean_unsafe(client):
    response = client.post("/api/fix", json={"text": "x", "unsafe": "yes"})
    assert response.status_code == 400 and "'unsafe'" in response.json()["error"]


def test_a_body_over_the_limit_is_refused_with_413(client):
    over = json.dumps({"text": "字" * (2 * 1024 * 1024 // 3 + 10)}, ensure_ascii=False).encode()
    assert len(over) > 2 * 1024 * 1024
    response = client.post("/api/check", content=over, headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert "too large" in response.json()["error"] and "2,097,152" in response.json()["error"]

    def chunks():  # no Content-Length: the server counts as it reads
        for _ in range(3):
            yield b"x" * 1024 * 1024

    assert client.post("/api/decode", content=chunks()).status_code == 413
    assert check(client, FLAWED)["findings"]


def test_the_limit_is_a_parameter(service):
    with TestClient(create_app(service, max_bytes=100)) as small:
        assert small.post("/api/check", json={"text": "字" * 40}).status_code == 413
        assert small.post("/api/check", json={"text": "字" * 10}).status_code == 200
        assert small.get("/api/info").json()["max_bytes"] == 100


@pytest.mark.parametrize("encoding, bom", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("gb18030", b""),
                                           ("utf-16-le", b"\xff\xfe")])
def test_decode_reads_files_as_the_cli_does(client, encoding, bom):
    response = client.post("/api/decode", content=bom + FLAWED.encode(encoding))
    assert response.status_code == 200
    assert response.json() == {"text": FLAWED, "encoding": encoding, "bom": bool(bom)}


def test_decode_refuses_what_the_cli_refuses(client):
    binary = client.post("/api/decode", content=b"\x00\x01\x02abc")
    assert binary.status_code == 400 and "binary" in binary.json()["error"]
    big5 = client.post("/api/decode", content="震驚！老街改造後的變化竟然是這樣，記者現場探訪".encode("big5"))
    assert big5.status_code == 400 and "GB18030" in big5.json()["error"]


def test_explain_is_the_text_of_newslint_explain(client):
    answer = client.get("/api/rules/typos.idiom").json()
    assert answer["text"] + "\n" == out(run_cli("explain", "typos.idiom"))
    assert (answer["pack"], answer["fix"]) == ("typos", "safe")
    missing = client.get("/api/rules/no.such")
    assert missing.status_code == 404 and "unknown rule 'no.such'" in missing.json()["error"]


def test_unknown_paths_and_methods_answer_json_errors(client):
    assert client.get("/api/nope").status_code == 404
    wrong = client.get("/api/check")
    assert wrong.status_code == 405 and wrong.json()["error"]


def test_check_reports_server_time(client):
    response = client.post("/api/check", json={"text": FLAWED})
    name, duration = response.headers["server-timing"].split(";dur=")
    assert name == "app" and float(duration) >= 0


# --- the command -----------------------------------------------------------------------
def test_serve_without_the_extra_is_one_line_and_exit_2():
    code = ("import sys; sys.modules['starlette'] = None; from lint.cli import main; "
            "sys.argv = ['newslint', 'serve']; main()")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT, timeout=60)
    assert result.returncode == 2
    assert err(result).strip().splitlines() == [
        "newslint: 'serve' needs the web extra (starlette is not installed): pip install 'newslint[web]'"]


def test_serve_with_a_bad_config_is_one_line_and_exit_2(tmp_path):
    config = tmp_path / "bad.yml"
    config.write_text("rules: [\n", encoding="utf-8")
    result = run_cli("serve", "--config", config, "--port", "0", timeout=60)
    assert result.returncode == 2
    assert len(err(result).strip().splitlines()) == 1 and str(config) in err(result)


def test_serve_on_a_busy_port_is_one_line_and_exit_2():
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        result = run_cli("serve", "--port", busy.getsockname()[1], timeout=60)
    assert result.returncode == 2
    assert "cannot listen on 127.0.0.1:" in err(result) and len(err(result).strip().splitlines()) == 1


def post(url, body: bytes):
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_serve_prints_its_url_and_answers_over_http():
    process = subprocess.Popen([sys.executable, "-m", "lint", "serve", "--port", "0"], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        line = process.stdout.readline()
        assert line.startswith("newslint serve: http://127.0.0.1:"), line + process.stderr.read()
        url = line.split()[2]
        status, answer = post(url + "api/check", json.dumps({"text": FLAWED}).encode())
        assert status == 200
        assert "typos.idiom" in {f["rule"] for f in answer["findings"]}
        assert post(url + "api/check", b"\xff")[0] == 400
        with urllib.request.urlopen(url + "api/info", timeout=30) as response:
            assert json.loads(response.read())["name"] == "newslint"
    finally:
        process.terminate()
        process.wait(timeout=30)


# --- the page and its assets -----------------------------------------------------------
def test_the_page_and_its_assets_are_served_by_the_package(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert '<html lang="zh-CN">' in page.text
    for asset, kind in (("app.js", "javascript"), ("style.css", "text/css"), ("icon.svg", "image/svg+xml")):
        answer = client.get(f"/static/{asset}")
        assert answer.status_code == 200 and kind in answer.headers["content-type"]
    assert client.get("/static/nope.js").status_code == 404


def test_the_page_loads_nothing_from_the_network():
    import re

    from lint.web.app import STATIC

    for asset in STATIC.iterdir():
        text = re.sub(r'xmlns="[^"]*"', "", asset.read_text(encoding="utf-8"))  # a name, not a fetch
        assert not re.search(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", text, re.I), asset.name
        assert "@import" not in text and "url(http" not in text, asset.name


def test_info_lists_the_packs_and_the_rules_on_by_default(client, service):
    info = client.get("/api/info").json()
    packs = {p["name"]: p for p in info["packs"]}
    assert {"typos", "punctuation", "headline", "byline", "script", "newslint"} <= set(packs)
    assert sum(p["rules"] for p in info["packs"]) == info["rules"] == len(service.rules)
    assert 0 < packs["byline"]["on"] < packs["byline"]["rules"]  # source and reviewer credits are off


def test_many_selections_keep_the_default_linters(client, service):
    packs = ["typos", "punctuation", "headline", "byline", "script"]
    for first in packs:
        for second in packs:
            check(client, FLAWED, select=[first], ignore=[second] if second != first else None)
    assert check(client, FLAWED)["findings"]
    assert client.get("/api/info").json()["packs"]


@pytest.mark.parametrize("stored", [FLAWED.encode("gb18030"), b"\xef\xbb\xbf" + FLAWED.encode("utf-8"),
                                    b"\xff\xfe" + FLAWED.encode("utf-16-le"), b"\xfe\xff" + FLAWED.encode("utf-16-be")])
def test_encode_gives_back_the_bytes_decode_read(client, stored):
    found = client.post("/api/decode", content=stored).json()
    assert found["text"] == FLAWED
    answer = client.post("/api/encode", json=found)
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/octet-stream"
    assert answer.content == stored


def test_encode_refuses_an_unknown_codec_or_bad_fields(client):
    assert "unknown encoding 'latin-1'" in client.post("/api/encode", json={"text": "x", "encoding": "latin-1"}).json()["error"]
    assert client.post("/api/encode", json={"text": 1}).status_code == 400
    assert client.post("/api/encode", json={"text": "x", "bom": "yes"}).status_code == 400
