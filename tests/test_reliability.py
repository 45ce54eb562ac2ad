"""Hostile input, hostile rules, and files that must never be lost (docs/reliability.md)."""
from __future__ import annotations

import os
import shutil
import stat
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import ROOT, err, out, run_cli
from lint import lint_text
from lint.cli import cli
from lint.kinds import KINDS, Rule
from lint.linter import Linter
from lint.readers import Source
from lint.runner import Target, lint_target, write_atomically

TYPO = "见缝插扎"  # a built-in typos.idiom entry
NOBODY = 65534


def check(*args):
    """Run `newslint check ARGS` in this process; returns (exit code, stdout, stderr)."""
    result = CliRunner().invoke(cli, ["check", *map(str, args)], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def error_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("error: ")]


# --- positions on awkward text ---------------------------------------------------------------
@pytest.mark.parametrize("text, line, column", [
    ("标题\r\n一\r二\n" + TYPO + "。", 4, 1),                 # mixed line endings, no final newline
    ("标题\n😀𠮷" + TYPO + "。\n", 2, 3),                    # emoji and a character outside the BMP
    ("标题\n\ue000\U000f0000" + TYPO + "。\n", 2, 3),         # private-use characters
    ("标题\n\ud800\udfff" + TYPO + "。\n", 2, 3),             # lone surrogates (only reachable via the API)
    ("标题\r\r\n\r" + TYPO, 4, 1),                            # \r then \r\n then \r: three breaks
    ("\ufeff标题\n" + TYPO, 2, 1),
], ids=["mixed-line-endings", "non-bmp", "private-use", "lone-surrogates", "cr-crlf-cr", "bom-char"])
def test_positions_are_counted_in_characters(text, line, column):
    found = [f for f in lint_text(text) if f.rule == "typos.idiom"]
    assert [(f.line, f.column, f.text) for f in found] == [(line, column, TYPO)]
    assert text[found[0].offset:found[0].offset + found[0].length] == TYPO


@pytest.mark.parametrize("text", ["", "\n", "\r\n\r\n", " ", "\u3000", "\ufeff", "标题"])
def test_empty_and_tiny_files_do_not_crash(tmp_path, text):
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8", newline="")
    code, stdout, stderr = check("--fix", path)
    assert code in (0, 1), stdout + stderr
    assert error_lines(stdout) == []


def test_one_five_megabyte_line_is_linted_and_shown_truncated(tmp_path):
    line = "今天天气很好，我们一起去公园散步。" * 150_000
    middle = len(line) // 2
    path = tmp_path / "big.txt"
    path.write_text("标题\n" + line[:middle] + TYPO + line[middle:], encoding="utf-8")
    assert path.stat().st_size > 5_000_000
    started = time.perf_counter()
    code, stdout, _ = check("--select", "typos", path)
    elapsed = time.perf_counter() - started
    assert code == 1
    header, source, carets = stdout.splitlines()[:3]
    assert header.startswith(f"{path}:2:{middle + 1}: ")
    assert len(source) < 200 and TYPO in source  # the reporter shows a window, not 5 MB
    assert carets.count("^") == 8  # four wide characters
    assert elapsed < 30


# --- paths that cannot be read ---------------------------------------------------------------
@contextmanager
def unprivileged():
    """Run the body as an ordinary user: root may read anything, so drop to nobody for a while."""
    if os.geteuid() != 0:
        yield
        return
    os.setegid(NOBODY)
    os.seteuid(NOBODY)
    try:
        if not os.access(ROOT / "rules", os.R_OK | os.X_OK, effective_ids=True):
            pytest.skip("the project folder is not readable by an unprivileged user here")
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


@pytest.fixture
def shared_tmp():
    """A temporary folder that an unprivileged user can enter (pytest's tmp_path is 0700)."""
    folder = Path(tempfile.mkdtemp(prefix="newslint-"))
    folder.chmod(0o777)
    yield folder
    for place, dirs, _ in os.walk(folder):
        for name in dirs:
            os.chmod(Path(place) / name, 0o755)
    shutil.rmtree(folder)


def make_article(path: Path, text: str = "标题\n" + TYPO + "。\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(0o666)
    return path


def test_missing_file_and_symlink_loops_are_one_line_each(tmp_path):
    good = make_article(tmp_path / "good.txt")
    loop = tmp_path / "loop.txt"
    loop.symlink_to(tmp_path / "loop2.txt")
    (tmp_path / "loop2.txt").symlink_to(loop)
    (tmp_path / "walked").mkdir()
    (tmp_path / "walked" / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "walked" / "self.md").symlink_to(tmp_path / "walked" / "self.md")
    make_article(tmp_path / "walked" / "ok.txt")

    code, stdout, stderr = check(tmp_path / "missing.txt", loop, good, tmp_path / "walked")
    assert code == 2
    assert error_lines(stdout) == [
        f"error: {tmp_path / 'missing.txt'}: no such file or directory",
        f"error: {loop}: symbolic link loop (too many levels of symbolic links)",
        f"error: {tmp_path / 'walked' / 'dangling.txt'}: no such file or directory",
        f"error: {tmp_path / 'walked' / 'self.md'}: symbolic link loop (too many levels of symbolic links)",
    ]
    assert stdout.count("typos.idiom") == 2  # good.txt and walked/ok.txt are still linted
    assert "Traceback" not in stdout + stderr


def test_unreadable_file_and_directory_are_one_line_each(shared_tmp):
    secret = make_article(shared_tmp / "secret.txt")
    secret.chmod(0)
    locked = shared_tmp / "tree" / "locked"
    make_article(locked / "inside.txt")
    make_article(shared_tmp / "tree" / "open.txt")
    locked.chmod(0)
    with unprivileged():
        code, stdout, stderr = check(secret, shared_tmp / "tree")
    assert code == 2
    assert error_lines(stdout) == [
        f"error: {locked}: cannot read directory: permission denied",
        f"error: {secret}: cannot read: permission denied",
    ]
    assert f"{shared_tmp / 'tree' / 'open.txt'}:2:1:" in stdout
    assert "Traceback" not in stdout + stderr


def test_a_directory_named_on_the_command_line_without_permission(shared_tmp):
    locked = shared_tmp / "locked"
    make_article(locked / "a.txt")
    locked.chmod(0)
    with unprivileged():
        code, stdout, _ = check(locked)
    assert code == 2
    assert error_lines(stdout) == [f"error: {locked}: cannot read directory: permission denied"]


def test_a_fifo_met_while_walking_is_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    make_article(tmp_path / "a.txt")
    result = run_cli("check", tmp_path, timeout=20)  # reading the FIFO would block forever
    assert result.returncode == 1 and "pipe.txt" not in out(result)


# --- hostile rules -------------------------------------------------------------------------
SLOW_PACK = """\
pack: house
rules:
  - id: slow
    kind: existence
    level: warning
    message: 慢
    patterns: ['(a+)+$']
  - id: banned
    kind: existence
    level: warning
    message: 不要用“{match}”
    tokens: [某某]
"""


def test_catastrophic_regex_times_out_and_the_run_goes_on(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "house.yaml").write_text(SLOW_PACK, encoding="utf-8")
    slow = make_article(tmp_path / "slow.txt", "标题\n某某说" + "a" * 40_000 + "!\n")
    other = make_article(tmp_path / "other.txt")
    started = time.perf_counter()
    result = run_cli("check", "--rules", rules, slow, other, timeout=120)
    elapsed = time.perf_counter() - started
    assert result.returncode == 2
    report = out(result)
    assert (f"error: rule house.slow timed out on {slow}: stopped after its 2 s per file "
            "(regular expression too slow)") in report
    assert f"{slow}:2:1: warning house.banned" in report  # the other rule still ran on that file
    assert f"{other}:2:1:" in report and "typos.idiom" in report  # and the other file was linted
    assert "Traceback" not in err(result)
    assert elapsed < 60  # the budget is 2 s of wall clock; start-up on a busy machine is slow


def test_a_slow_user_rule_is_stopped_per_file_and_named(tmp_path):
    """Each search under the per-search limit, but thirty paragraphs of them: the rule's
    budget on the file (2 s of wall clock) stops it; exit 2 names rule and file; the other
    rule on that file and the other file still run (on main this took ~15 s and exited 1)."""
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "house.yaml").write_text(SLOW_PACK.replace("(a+)+$", "(a|aa)+$"), encoding="utf-8")
    paragraphs = "".join("某某说" + "a" * 26 + "。\n\n" for _ in range(30))
    slow = make_article(tmp_path / "slow.md", "# 标题\n\n" + paragraphs)
    other = make_article(tmp_path / "other.txt")
    result = run_cli("check", "--rules", rules, slow, other, timeout=120)
    report = out(result)
    assert result.returncode == 2, report
    assert f"error: rule house.slow timed out on {slow}: stopped after its 2 s per file" in report
    assert report.count("warning house.banned") == 30
    assert f"{other}:2:1:" in report and "typos.idiom" in report
    assert "Traceback" not in err(result)


class Exploding(Rule):
    KIND = "exploding"

    def run(self, doc, hits):
        yield from ()
        raise ZeroDivisionError("division by zero")


def test_a_rule_that_raises_is_contained(tmp_path, monkeypatch):
    monkeypatch.setitem(KINDS, "exploding", Exploding)
    rules = tmp_path / "house.yaml"
    rules.write_text("pack: house\nrules:\n  - {id: boom, kind: exploding, level: error, message: m}\n",
                     encoding="utf-8")
    first, second = make_article(tmp_path / "a.txt"), make_article(tmp_path / "b.txt")
    code, stdout, stderr = check("--rules", rules, first, second)
    assert code == 2
    assert error_lines(stdout) == [
        f"error: rule house.boom failed on {name}: ZeroDivisionError: division by zero" for name in (first, second)
    ]
    assert stdout.count("typos.idiom") == 2
    assert "Traceback" not in stdout + stderr


@pytest.mark.parametrize("document", [
    "rules: !!python/object/apply:os.system ['touch {marker}']\n",
    "fail_level: !!python/object/new:os.system ['touch {marker}']\n",
    "rules: !!python/name:os.system\n",
])
def test_a_config_file_with_a_python_tag_is_refused(tmp_path, monkeypatch, document):
    marker = tmp_path / "owned"
    (tmp_path / ".newslint.yml").write_text(document.format(marker=marker), encoding="utf-8")
    make_article(tmp_path / "a.txt")
    monkeypatch.chdir(tmp_path)
    code, stdout, stderr = check("a.txt")
    assert code == 2
    assert ".newslint.yml:1: YAML error: could not determine a constructor" in stderr
    assert "Traceback" not in stdout + stderr
    assert not marker.exists()


# --- never lose a file ---------------------------------------------------------------------
def fix_one(path, linter=None):
    return lint_target(linter or Linter(select=["typos"]), Target(str(path)), fix=True)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".newslint-tmp"))


def test_fix_keeps_permissions(tmp_path):
    path = make_article(tmp_path / "a.txt")
    path.chmod(0o640)
    outcome = fix_one(path)
    assert outcome.report.fixed == 1 and outcome.report.error is None
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert "见缝插针" in path.read_text(encoding="utf-8")
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another owner to test this")
def test_fix_keeps_owner_and_group(tmp_path):
    path = make_article(tmp_path / "a.txt")
    os.chown(path, 4321, 8765)
    fix_one(path)
    assert (path.stat().st_uid, path.stat().st_gid) == (4321, 8765)
    assert "见缝插针" in path.read_text(encoding="utf-8")


def test_fix_through_a_symbolic_link_rewrites_the_target_and_keeps_the_link(tmp_path):
    real = make_article(tmp_path / "real.txt")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    fix_one(link)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert "见缝插针" in real.read_text(encoding="utf-8")
    assert leftovers(tmp_path) == []


def test_fix_refuses_a_read_only_file(tmp_path):
    # issue 16 item 3: a 0444 file was rewritten (the rename does not need its write bit)
    path = make_article(tmp_path / "a.txt")
    before = path.read_bytes()
    path.chmod(0o444)
    result = run_cli("check", "--fix", "--select", "typos", "a.txt", cwd=tmp_path)
    assert result.returncode == 2, out(result) + err(result)
    lines = [line for line in (out(result) + err(result)).splitlines() if "read-only" in line]
    assert len(lines) == 1 and "a.txt: not fixed: the file is read-only; left as it is" in lines[0]
    assert "Traceback" not in err(result)
    assert path.read_bytes() == before and stat.S_IMODE(path.stat().st_mode) == 0o444
    assert leftovers(tmp_path) == []


def test_walking_a_directory_does_not_follow_a_link_out_of_the_tree(tmp_path):
    # issue 16 item 3: `--fix tree/` rewrote the target of tree/pwn.txt -> ../victim.txt
    victim = make_article(tmp_path / "victim.txt")
    before = victim.read_bytes()
    tree = tmp_path / "tree"
    make_article(tree / "inner" / "own.txt")
    (tree / "pwn.txt").symlink_to(victim)
    (tree / "sibling.txt").symlink_to(tree / "inner" / "own.txt")  # inside the tree: followed
    result = run_cli("check", "--fix", "--select", "typos", "tree", cwd=tmp_path)
    assert result.returncode == 0, out(result) + err(result)
    assert victim.read_bytes() == before
    assert "见缝插针" in (tree / "inner" / "own.txt").read_text(encoding="utf-8")
    # a link named on the command line is the user's choice, as before
    result = run_cli("check", "--fix", "--select", "typos", "tree/pwn.txt", cwd=tmp_path)
    assert result.returncode == 0 and "见缝插针" in victim.read_text(encoding="utf-8")


class Meddler(Linter):
    """Someone edits the file while newslint is fixing it."""

    def __init__(self, path, **options):
        super().__init__(**options)
        self.path = path

    def fix_document(self, doc, first=None, **options):
        result = super().fix_document(doc, first, **options)
        self.path.write_text("另一个人刚刚改过。\n", encoding="utf-8")
        return result


def test_a_file_changed_on_disk_meanwhile_is_not_overwritten(tmp_path):
    path = make_article(tmp_path / "a.txt")
    outcome = fix_one(path, Meddler(path, select=["typos"]))
    assert outcome.report.error == f"{path}: not fixed: the file changed on disk while it was being linted; left as it is, run again"
    assert path.read_text(encoding="utf-8") == "另一个人刚刚改过。\n"
    assert leftovers(tmp_path) == []


def test_write_failure_leaves_the_original_and_no_temporary_file(shared_tmp):
    folder = shared_tmp / "readonly"
    path = make_article(folder / "a.txt")
    before = path.read_bytes()
    folder.chmod(0o555)
    with unprivileged():
        code, stdout, _ = check("--fix", "--select", "typos", path)
    assert code == 2
    assert error_lines(stdout) == [f"error: {path}: not fixed: permission denied"]
    assert path.read_bytes() == before and leftovers(folder) == []


def test_write_atomically_refuses_text_the_encoding_cannot_hold(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"abc")
    with pytest.raises(UnicodeEncodeError):
        write_atomically(path, Source("utf-8"), "\ud800", b"abc")
    assert path.read_bytes() == b"abc" and leftovers(tmp_path) == []


# --- found by tests/fuzz/fuzz_reliability.py -------------------------------------------------
@pytest.mark.parametrize("source", ["<![图](a.png)", "<p>正文<![x", "<![ foo ]]>正文", "<![if x]>正文<![endif]>"])
def test_html_marked_sections_the_stdlib_parser_rejects_are_read(source):
    found = lint_text(source + TYPO, "x.html")
    assert [f.text for f in found if f.rule == "typos.idiom"] == [TYPO]


def test_a_reader_that_raises_costs_one_file_not_the_run(tmp_path, monkeypatch):
    import lint.readers as readers

    def broken(text, path):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setitem(readers.READERS, ".md", broken)
    bad, good = make_article(tmp_path / "a.md"), make_article(tmp_path / "b.txt")
    code, stdout, stderr = check(bad, good)
    assert code == 2
    assert error_lines(stdout) == [f"error: {bad}: internal error: RecursionError: maximum recursion depth exceeded"]
    assert f"{good}:2:1:" in stdout and "Traceback" not in stdout + stderr


def _one_line_exit_2(result):
    assert result.returncode == 2, out(result) + err(result)
    assert "Traceback" not in err(result) and len(err(result).strip().splitlines()) == 1, err(result)


@pytest.mark.parametrize("baseline", [
    '{"version": 1, "tool": "newslint", "findings": [{"path": "a.txt", "rule": "r", "fingerprint": "x", "count": 1e400}]}',
    "[" * 200_000,
], ids=["huge-count", "deeply-nested"])
def test_a_hostile_baseline_is_one_line_and_exit_2(tmp_path, baseline):
    # issue 16 item 10: tracebacks with exit 1 (read by CI as "findings")
    make_article(tmp_path / "a.txt")
    (tmp_path / "b.json").write_text(baseline, encoding="utf-8")
    _one_line_exit_2(run_cli("check", "a.txt", "--baseline", "b.json", cwd=tmp_path))


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("output_format", ["text", "sarif", "json"])
def test_output_to_a_full_device_is_one_line_and_exit_2(tmp_path, output_format):
    import subprocess
    import sys

    make_article(tmp_path / "a.txt")
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "lint", "check", "a.txt", "--format", output_format],
                                cwd=tmp_path, stdout=full, stderr=subprocess.PIPE)
    result.stdout = b""
    _one_line_exit_2(result)
    assert "No space left on device" in err(result)


def test_ctrl_c_is_one_line_and_exit_130(tmp_path):
    import signal
    import subprocess
    import sys

    # newslint waits on standard input ('-'): interrupt it there. A test run started in the
    # background by a non-interactive shell ignores SIGINT, and a child inherits that (newslint
    # then rightly keeps ignoring Ctrl-C, as any program does): start it with the default.
    process = subprocess.Popen([sys.executable, "-m", "lint", "check", "-"], cwd=tmp_path,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        deadline = time.monotonic() + 60
        # wait until it has started (its modules loaded) and sits on the read
        while time.monotonic() < deadline and "stdin" not in _open_fds_wchan(process.pid):
            time.sleep(0.1)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130, stderr
    assert stderr.decode().strip() == "newslint: interrupted"


def _open_fds_wchan(pid: int) -> str:
    """'stdin' once the process blocks reading a pipe (Linux /proc), else ''."""
    try:
        with open(f"/proc/{pid}/wchan") as wchan:
            return "stdin" if "pipe" in wchan.read() else ""
    except OSError:
        return ""


@pytest.mark.parametrize("front, line", [
    ("title: 专家: 拉林河水位上涨\nauthor: 王某\n", 2),
    ("author: 王某\ntitle: [broken\n", None),
], ids=["colon-in-title", "unclosed-list"])
def test_invalid_front_matter_is_an_error_naming_file_and_line(tmp_path, front, line):
    # issue 16 item 9: it was ignored without a word, then wrong headline and byline findings
    path = make_article(tmp_path / "a.md", f"---\n{front}---\n\n正文见缝插扎。\n")
    before = path.read_bytes()
    result = run_cli("check", "--fix", "a.md", cwd=tmp_path)
    assert result.returncode == 2, out(result) + err(result)
    expected = f"a.md: line {line}: invalid YAML front matter" if line else "a.md: line "
    assert expected in out(result) and "invalid YAML front matter" in out(result)
    assert "byline." not in out(result) and "headline." not in out(result)
    assert path.read_bytes() == before  # not fixed: nothing is lost


def test_invalid_toml_front_matter_is_an_error(tmp_path):
    make_article(tmp_path / "a.md", '+++\ntitle = "x\n+++\n\n正文。\n')
    result = run_cli("check", "a.md", cwd=tmp_path)
    assert result.returncode == 2 and "a.md: invalid TOML front matter" in out(result)


def test_markdown_nested_beyond_the_limit_is_reported_not_skipped(tmp_path):
    """Deeper than the reader reads (100 levels): the rest of the file is linted, and what was
    not checked is one error line naming the file and lines, exit 2 (it was skipped silently)."""
    deep = ">" * 120 + " 阳光见缝插扎。\n" + ">" * 120 + " 第二行。\n"
    article = make_article(tmp_path / "deep.md", "# 标题\n\n" + TYPO + "。\n\n" + deep + "\n正文。\n")
    result = run_cli("check", article, timeout=60)
    report = out(result)
    assert result.returncode == 2, report
    assert f"{article}: line 5: Markdown nested 100 levels deep or more: lines 5-6 not checked" in report
    assert f"{article}:3:" in report  # the rest was linted


# --- issue 16 item 11: the smaller ones ----------------------------------------------------
def test_a_fifo_named_on_the_command_line_is_refused(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    other = make_article(tmp_path / "other.txt")
    result = run_cli("check", fifo, other, timeout=60)  # it blocked forever
    report = out(result)
    assert result.returncode == 2
    assert f"error: {fifo}: not a regular file (a FIFO); to lint a stream, pipe it to '-'" in report
    assert f"{other}:2:1:" in report


def test_input_size_is_capped_with_a_clear_error(tmp_path):
    big = make_article(tmp_path / "big.txt", "标题\n" + "正文。" * 400_000)  # 3.6 MB
    small = make_article(tmp_path / "small.txt")
    result = run_cli("check", "--max-file-size", "1", big, small, timeout=60)
    assert result.returncode == 2
    assert f"error: {big}: too large (3.4 MB; the limit is 1 MB, see --max-file-size)" in out(result)
    assert f"{small}:2:1:" in out(result)
    piped = run_cli("check", "--max-file-size", "1", "-", input=big.read_bytes(), timeout=60)
    assert piped.returncode == 2 and "standard input: too large (over 1 MB" in err(piped)
    # /dev/zero was read until MemoryError
    zero = run_cli("check", "/dev/zero", timeout=60)
    assert zero.returncode == 2 and "/dev/zero: not a regular file (a character device)" in out(zero)
    assert run_cli("check", big, timeout=60).returncode == 1  # under the default limit (64 MB)


def test_fixing_a_file_whose_name_is_near_the_byte_limit(tmp_path):
    name = "稿" * 80 + "a" * 11 + ".txt"  # 255 bytes: the temporary name beside it was longer
    assert len(name.encode()) == 255
    article = make_article(tmp_path / name)
    result = run_cli("check", "--fix", article, timeout=60)
    assert "not fixed" not in out(result), out(result)
    assert TYPO not in article.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_the_text_report_escapes_control_and_bidi_characters_and_aligns_carets(tmp_path):
    """An article sent ESC sequences and bidi overrides to the terminal; carets were shifted
    by zero-width joiners and bidi controls."""
    line = "他说\x1b[31m红色\u202e反转\u202c，👨\u200d👩\u200d👧" + TYPO + "。"
    article = make_article(tmp_path / "a.txt", "标题\n" + line + "\n")
    report = out(run_cli("check", "--select", "typos", article, timeout=60))
    assert "\x1b" not in report and "\u202e" not in report and "\u202c" not in report
    shown, carets = [l for l in report.splitlines() if "|" in l][:2]
    assert "\\x1b[31m" in shown and "\\u202e" in shown and "\\u202c" in shown
    from lint.reporters.text import width

    source = shown.split("| ", 1)[1]
    column = width(source[: source.index(TYPO)])
    assert carets.split("| ", 1)[1] == " " * column + "^" * width(TYPO)


@pytest.mark.parametrize("output_format", ["json", "rdjson"])
def test_json_reports_stay_valid_utf8_with_a_file_name_that_is_not(tmp_path, output_format):
    import json

    folder = os.fsencode(tmp_path)
    path = os.path.join(folder, b"caf\xe9.txt")
    with open(path, "wb") as stream:
        stream.write(("标题\n" + TYPO + "。\n").encode())
    result = run_cli("check", "--format", output_format, os.fsdecode(path), timeout=60)
    document = json.loads(result.stdout.decode("utf-8"))  # it was invalid UTF-8
    names = ([f["path"] for f in document["files"]] if output_format == "json"
             else [d["location"]["path"] for d in document["diagnostics"]])
    assert names and all(os.fsencode(name).endswith(b"caf\xe9.txt") for name in names)


def test_init_refuses_a_dangling_symlink(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    (project / ".newslint.yml").symlink_to(tmp_path / "elsewhere.yml")
    result = run_cli("init", cwd=project, timeout=60)
    assert result.returncode == 2 and "symbolic link" in err(result)
    assert not (tmp_path / "elsewhere.yml").exists()
    assert run_cli("init", "--force", cwd=project, timeout=60).returncode == 2
    assert not (tmp_path / "elsewhere.yml").exists()
