"""--write-baseline and --baseline: adopting newslint on an old archive."""
import json

from lint import baseline
from lint.findings import FileReport, Finding, Run
from lint.fingerprint import fingerprint as fingerprint_of
from tests.conftest import err, out, run_cli

RULES = "typos.idiom,punctuation.halfwidth-comma"
ARTICLE = """老街改造完工

第一段：施工队再接再励,按期完成了路面铺设。

第二段：居民们说,改造后出行方便多了。

第三段：街道将见缝插扎地安排后续工程。
"""


def check(folder, *args):
    result = run_cli("check", "content", "--select", RULES, "--format", "json", *args, cwd=folder)
    report = json.loads(out(result)) if out(result) else None
    return result, report


def texts(report):
    return [(f["rule"], f["text"], f["line"]) for file in report["files"] for f in file["findings"]]


def archive(tmp_path, text=ARTICLE, expected=4):
    (tmp_path / "content").mkdir(exist_ok=True)
    (tmp_path / "content" / "a.txt").write_text(text, encoding="utf-8")
    result = run_cli("check", "content", "--select", RULES, "--write-baseline", "baseline.json", cwd=tmp_path)
    assert result.returncode == 0, err(result)
    assert f"wrote {expected} findings to the baseline baseline.json" in err(result)
    return tmp_path / "content" / "a.txt"


def test_baseline_hides_todays_findings(tmp_path):
    archive(tmp_path)
    result, report = check(tmp_path)
    assert result.returncode == 1 and len(texts(report)) == 4
    result, report = check(tmp_path, "--baseline", "baseline.json")
    assert result.returncode == 0 and texts(report) == []


def test_moving_a_paragraph_does_not_resurrect_its_findings(tmp_path):
    path = archive(tmp_path)
    head, first, second, third = ARTICLE.rstrip("\n").split("\n\n")
    path.write_text("\n\n".join([head, third, "新增的一段，没有问题。", second, first]) + "\n", encoding="utf-8")
    result, report = check(tmp_path, "--baseline", "baseline.json")
    assert result.returncode == 0, texts(report)
    assert texts(report) == []


def test_a_new_typo_is_reported(tmp_path):
    path = archive(tmp_path)
    path.write_text(ARTICLE + "\n第四段：记者再接再励,继续追踪报道。\n", encoding="utf-8")
    result, report = check(tmp_path, "--baseline", "baseline.json")
    assert result.returncode == 1
    assert texts(report) == [("typos.idiom", "再接再励", 9), ("punctuation.halfwidth-comma", ",", 9)]


def test_counts_two_identical_findings_excuse_two_not_three(tmp_path):
    sentence = "\n\n会上大家表示要再接再励。"
    path = archive(tmp_path, ARTICLE + sentence + sentence + "\n", expected=6)
    data = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert sorted(e["count"] for e in data["findings"] if e["text"] == "再接再励") == [1, 2]
    path.write_text(ARTICLE + sentence * 3 + "\n", encoding="utf-8")
    result, report = check(tmp_path, "--baseline", "baseline.json")
    assert result.returncode == 1
    assert [(rule, text) for rule, text, _ in texts(report)] == [("typos.idiom", "再接再励")]


def test_editing_right_beside_a_finding_makes_it_new(tmp_path):
    path = archive(tmp_path)
    path.write_text(ARTICLE.replace("第一段：施工队", "第一段：工程队"), encoding="utf-8")
    result, report = check(tmp_path, "--baseline", "baseline.json")
    # the typo and the comma right after it have 工程队 within their context; the rest stay excused
    assert texts(report) == [("typos.idiom", "再接再励", 3), ("punctuation.halfwidth-comma", ",", 3)]


def test_baseline_paths_are_relative_to_the_baseline_file(tmp_path):
    archive(tmp_path)
    data = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert {e["path"] for e in data["findings"]} == {"content/a.txt"}
    assert all("line" not in e and "column" not in e for e in data["findings"])
    result = run_cli("check", ".", "--select", RULES, "--baseline", tmp_path / "baseline.json", cwd=tmp_path / "content")
    assert result.returncode == 0, out(result)


def test_baseline_is_per_file(tmp_path):
    archive(tmp_path)
    (tmp_path / "content" / "b.txt").write_text(ARTICLE, encoding="utf-8")
    result, report = check(tmp_path, "--baseline", "baseline.json")
    assert result.returncode == 1
    assert {file["path"] for file in report["files"] if file["findings"]} == {"content/b.txt"}


def test_bad_baseline_file_is_exit_2_naming_it(tmp_path):
    archive(tmp_path)
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    result, _ = check(tmp_path, "--baseline", "broken.json")
    assert result.returncode == 2 and "broken.json: not a newslint baseline" in err(result)
    result, _ = check(tmp_path, "--baseline", "missing.json")
    assert result.returncode == 2 and "missing.json: cannot read baseline" in err(result)


def test_fingerprint_ignores_position_but_not_context():
    def fingerprint(line_text, line, rule="typos.idiom"):
        column = line_text.index("再接再励") + 1
        finding = Finding(rule=rule, level="error", message="m", path="a.txt", offset=0, length=4, text="再接再励",
                          line=line, column=column, end_line=line, end_column=column + 4)
        return fingerprint_of(finding, line_text)
    window = "一二三四五六七施工队再接再励,按期完成了路面铺设"  # ten characters each side
    original = fingerprint(window, 3)
    assert fingerprint("很长的前文。" + window + "后面还有很多话。", 40) == original
    assert fingerprint(window.replace("一", "甲"), 3) != original
    assert fingerprint(window.replace("设", "施"), 3) != original
    assert fingerprint(window, 3, rule="house.other") != original


def test_apply_drops_in_file_order(tmp_path):
    findings = [Finding(rule="r", level="error", message="m", path="a.txt", offset=i, length=1, text="x",
                        line=i + 1, column=1, end_line=i + 1, end_column=2) for i in range(3)]
    run = Run(reports=[FileReport("a.txt", list(findings), lines={1: "x", 2: "x", 3: "x"})])
    file = tmp_path / "b.json"
    two = Run(reports=[FileReport("a.txt", findings[:2], lines={1: "x", 2: "x"})])
    recorder = baseline.Recorder(file)
    for report in two.reports:
        recorder.add(report)
    assert recorder.write() == 2
    excuse = baseline.Filter(baseline.load(file), file)
    for report in run.reports:
        excuse.apply(report)
    assert excuse.dropped == 2
    assert [f.line for f in run.findings] == [3]


def test_write_baseline_replaces_a_symlink_and_never_writes_through_it(tmp_path):
    # issue 16 item 2: a mode-600 file a baseline symlink points to was overwritten
    secret = tmp_path / "secret"
    secret.write_text("private\n", encoding="utf-8")
    secret.chmod(0o600)
    (tmp_path / "baseline.json").symlink_to(secret)
    archive(tmp_path)
    assert secret.read_text(encoding="utf-8") == "private\n" and secret.stat().st_mode & 0o777 == 0o600
    written = tmp_path / "baseline.json"
    assert not written.is_symlink() and json.loads(written.read_text(encoding="utf-8"))["findings"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["baseline.json", "content", "secret"]


def test_write_baseline_on_a_full_disk_keeps_the_old_baseline(tmp_path):
    # issue 16 item 2: a failed write truncated the old baseline; RLIMIT_FSIZE plays the full disk
    import resource
    import signal
    import subprocess
    import sys

    archive(tmp_path, text="老街改造完工\n\n施工队再接再励,见缝插扎。\n", expected=3)
    old = (tmp_path / "baseline.json").read_bytes()
    archive(tmp_path, text="".join(f"第{i}段：施工队再接再励,按期完成。\n\n" for i in range(40)), expected=80)
    assert len((tmp_path / "baseline.json").read_bytes()) > 4 * len(old)
    (tmp_path / "baseline.json").write_bytes(old)

    def small_disk():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails with EFBIG, like ENOSPC
        resource.setrlimit(resource.RLIMIT_FSIZE, (len(old) + 10, len(old) + 10))

    result = subprocess.run([sys.executable, "-m", "lint", "check", "content", "--select", RULES,
                             "--write-baseline", "baseline.json"], cwd=tmp_path, capture_output=True,
                            preexec_fn=small_disk)
    assert result.returncode == 2, err(result)
    assert "baseline.json: cannot write baseline" in err(result) and "Traceback" not in err(result)
    assert (tmp_path / "baseline.json").read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["baseline.json", "content"]
