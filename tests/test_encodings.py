"""Encodings: detection, forcing, clear errors, and fixes written back in the file's own encoding."""
from __future__ import annotations

import codecs
import json
import random

import subprocess

import pytest
from click.testing import CliRunner

from lint.cli import cli
from lint.readers import BOM_GB18030, InputError, Source, decode, implausible
from tests.conftest import err, out
from tests.conftest import run_cli as run_cli_process


def run_cli(*args, input=None):
    """The command in this process (no interpreter start-up per call)."""
    result = CliRunner().invoke(cli, list(map(str, args)), input=input, catch_exceptions=False)
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout_bytes, result.stderr_bytes)

ARTICLE = "标题\r\n再接再励,见缝插扎。𠮷\r\n"
FIXED = "标题\r\n再接再厉，见缝插针。𠮷\r\n"

# (file bytes of ARTICLE, the Source decode must report)
STORED = {
    "utf-8": (ARTICLE.encode("utf-8"), Source("utf-8")),
    "utf-8-bom": (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), Source("utf-8", codecs.BOM_UTF8)),
    "utf-16-le-bom": (codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), Source("utf-16-le", codecs.BOM_UTF16_LE)),
    "utf-16-be-bom": (codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), Source("utf-16-be", codecs.BOM_UTF16_BE)),
    "gb18030": (ARTICLE.encode("gb18030"), Source("gb18030")),
    "gb18030-bom": (BOM_GB18030 + ARTICLE.encode("gb18030"), Source("gb18030", BOM_GB18030)),
}


@pytest.mark.parametrize("name", sorted(STORED))
def test_detected_and_decoded_exactly(name):
    data, source = STORED[name]
    assert decode(data) == (ARTICLE, source)
    assert source.encode(ARTICLE) == data


def test_plain_gbk_article_is_detected():
    text = "新华社北京电 记者王某报道：今年夏粮再获丰收，全国总产量比上年增加。\n"
    assert decode(text.encode("gbk")) == (text, Source("gb18030"))


@pytest.mark.parametrize("name", sorted(STORED))
def test_positions_and_fix_are_the_same_in_every_encoding(tmp_path, name):
    data, _ = STORED[name]
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    report = json.loads(out(run_cli("check", "--format", "json", path)))
    spans = [(f["rule"], f["line"], f["column"], f["offset"], f["text"]) for f in report["files"][0]["findings"]]
    assert ("typos.idiom", 2, 1, 4, "再接再励") in spans
    assert ("typos.idiom", 2, 6, 9, "见缝插扎") in spans

    result = run_cli("check", "--fix", "--select", "typos,punctuation", path)
    assert result.returncode == 0, out(result) + err(result)
    assert path.read_bytes() == STORED[name][1].encode(FIXED)  # same codec, same BOM, same line ends


def test_stdin_fix_answers_in_the_input_encoding():
    result = run_cli_process("check", "--fix", "-", input=ARTICLE.encode("gb18030"))
    assert result.stdout == FIXED.encode("gb18030")


@pytest.mark.parametrize("data, reason", [
    ("Ça va? Très bien. Übermäßig schön.".encode("latin-1"), "GB2312"),
    ("中華民國的新聞報導，記者會在臺北舉行。".encode("big5"), "GB2312"),
    ("标题\x1b[0m正文".encode("gbk"), "control character U\\+001B"),
    (b"\x80\xff\xfe\x80 not text at all", "not UTF-8, UTF-16 or GB18030"),
    (codecs.BOM_UTF32_LE + "标题".encode("utf-32-le"), "UTF-32"),
    (codecs.BOM_UTF8 + b"\xff\xfe", "invalid UTF-8 (after its byte-order mark) at byte 3"),
    (codecs.BOM_UTF16_LE + b"\x00\xd8", "invalid UTF-16-LE"),  # a lone surrogate
])
def test_text_in_no_supported_encoding_is_refused_with_a_reason(data, reason):
    with pytest.raises(InputError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        decode(data)


def test_gb18030_is_not_a_catch_all_for_random_bytes():
    # GB18030 decodes many byte strings; the plausibility check must refuse nearly all noise.
    rng = random.Random(7)
    accepted = 0
    for _ in range(2000):
        data = bytes(rng.randrange(1, 256) for _ in range(rng.randrange(40, 400)))
        try:
            decode(data)
            accepted += 1
        except InputError:
            pass
    assert accepted == 0


def test_plausibility_tolerates_a_few_rare_characters():
    assert implausible("朱镕基、王喆、李堃在会上发言，会议讨论了今年的工作计划和明年的安排。") == ""
    assert "control" in implausible("正文\x00")


def test_forcing_an_encoding():
    big5 = "中華民國的新聞報導".encode("big5")
    text, source = decode(big5, "gb18030")  # forced: no plausibility check
    assert source == Source("gb18030") and len(text) > 0
    assert decode("标题".encode("utf-16-le"), "utf-16") == ("标题", Source("utf-16-le"))
    assert decode(codecs.BOM_UTF16_BE + "标题".encode("utf-16-be"), "utf-16") == ("标题", Source("utf-16-be", codecs.BOM_UTF16_BE))
    with pytest.raises(InputError, match="invalid UTF-8 at byte 0"):
        decode("标题".encode("gbk"), "utf-8")
    assert decode(codecs.BOM_UTF8 + b"x", "utf-8") == ("x", Source("utf-8", codecs.BOM_UTF8))


def test_cli_encoding_option_forces_and_bad_file_is_one_error_line(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes("Ça va? Très bien. Übermäßig schön.".encode("latin-1"))
    good = tmp_path / "good.txt"
    good.write_text("标题\n再接再励。\n", encoding="utf-8")
    result = run_cli("check", bad, good)
    assert result.returncode == 2
    assert "typos.idiom" in out(result)  # the other file is still linted
    errors = [line for line in out(result).splitlines() if line.startswith("error: ")]
    assert errors == [f"error: {bad}: not UTF-8, and as GB18030 it would be mostly rare characters "
                      "(1 of 5 in GB2312) (use --encoding gb18030 to force it)"]
    assert "Traceback" not in err(result)

    utf16 = tmp_path / "u.txt"
    utf16.write_bytes("标题\n再接再励。\n".encode("utf-16-le"))
    assert "binary" in out(run_cli("check", utf16))  # no BOM: NUL bytes look binary
    forced = run_cli("check", "--encoding", "utf-16", utf16)
    assert forced.returncode == 1 and "typos.idiom" in out(forced)


def test_binary_files_are_skipped_when_walking_and_an_error_when_named(tmp_path):
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "a.txt").write_text("标题\n再接再励。\n", encoding="utf-8")
    walked = run_cli("check", tmp_path)
    assert walked.returncode == 1, err(walked)  # findings, no error
    assert "photo.txt" not in out(walked)
    assert "Skipped 1 binary file." in out(walked)

    named = run_cli("check", tmp_path / "photo.txt")
    assert named.returncode == 2
    assert f"error: {tmp_path / 'photo.txt'}: binary file (contains NUL bytes)" in out(named)
