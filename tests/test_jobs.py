"""--jobs: a process pool that gives the same report, in the same order, as a serial run."""
import json
import os

from lint import runner
from lint.linter import Linter
from lint.runner import Target, lint_targets, walk_targets
from tests.conftest import err, out, run_cli

TYPO = "标题{n}\n第{n}段说再接再励,也说见缝插扎。\n"
FILLER = "\n本段文字没有问题，只为让文章长到值得并行检查。" * 600  # 30 articles: above runner.SERIAL_BELOW


def write_tree(top, count=30, filler=""):
    """`count` articles in nested folders, with different findings, plus two broken files."""
    for n in range(count):
        folder = top / f"{n % 4}" / f"{n % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        text = (TYPO.format(n=n) if n % 2 else f"标题{n}\n第{n}段没有问题。\n") + filler
        (folder / f"a{n:02d}.txt").write_text(text, encoding="utf-8")
    (top / "1" / "0").mkdir(parents=True, exist_ok=True)
    (top / "2").mkdir(exist_ok=True)
    (top / "1" / "0" / "bad.txt").write_bytes(b"\xa1\x80\xff\xff\x80abc")  # no text encoding
    (top / "2" / "zz.txt").write_bytes(b"\x00\x01binary")  # skipped while walking


RULES = ["typos.idiom", "punctuation.halfwidth-comma"]  # three findings in each flawed article


class CountingLinter(Linter):
    """A linter that records which process built its engine, and breaks on one chosen file,
    to see what the pool does with it."""

    def __init__(self, log, broken_name=None):
        super().__init__(select=RULES)
        self.log, self.broken_name = log, broken_name

    def engine(self, settings):
        if settings.variant not in self._engines:
            with open(self.log, "a") as stream:
                stream.write(f"{os.getpid()}\n")
        return super().engine(settings)

    def lint_document(self, doc, settings=None):
        if self.broken_name and doc.path.endswith(self.broken_name):
            raise RuntimeError("reader exploded")
        return super().lint_document(doc, settings)


def collect(paths):
    return list(walk_targets(paths, (), None, []))


def outcomes(targets, linter, **options):
    return list(lint_targets(linter, targets, **options))


def test_parallel_report_is_the_serial_report(tmp_path):
    write_tree(tmp_path, filler=FILLER)
    args = ("check", tmp_path, "--select", ",".join(RULES))
    serial = run_cli(*args, "--format", "json", "--jobs", "1")
    parallel = run_cli(*args, "--format", "json", "--jobs", "2")
    assert out(serial) == out(parallel)
    assert serial.returncode == parallel.returncode == 2  # bad.txt is an input error
    report = json.loads(out(parallel))
    assert len(report["files"]) == 31 and report["summary"]["findings"] == 15 * 3
    (error,) = report["errors"]
    assert error.startswith(f"{tmp_path / '1' / '0' / 'bad.txt'}: ")
    assert "bad.txt" in err(parallel)
    assert out(run_cli(*args, "--jobs", "1", "--no-color")) == out(run_cli(*args, "--jobs", "2", "--no-color"))


def test_workers_build_their_linter_once_and_really_run(tmp_path):
    write_tree(tmp_path)
    targets = collect([tmp_path])
    log = tmp_path / "built.log"
    serial = outcomes(targets, CountingLinter(log), jobs=1)
    assert log.read_text().split() == [str(os.getpid())]
    log.unlink()
    parallel = outcomes(targets, CountingLinter(log), jobs=2, serial_below=0)
    builders = log.read_text().split()
    assert len(builders) == 2  # one engine per worker, not one per file
    assert len(set(builders)) == 2 and str(os.getpid()) not in builders
    assert [o.report.path for o in parallel] == [o.report.path for o in serial]
    assert [[f.to_dict() for f in o.report.findings] for o in parallel] == \
           [[f.to_dict() for f in o.report.findings] for o in serial]
    assert [o.skipped for o in parallel] == [o.skipped for o in serial]
    assert sum(o.skipped for o in parallel) == 1


def test_a_file_that_fails_is_an_error_and_the_others_are_linted(tmp_path):
    write_tree(tmp_path)
    targets = collect([tmp_path])
    for jobs in (1, 2):
        linter = CountingLinter(tmp_path / "built.log", broken_name="a07.txt")
        results = outcomes(targets, linter, jobs=jobs, serial_below=0)
        errors = [o.report.error for o in results if o.report.error]
        assert len(errors) == 2
        assert errors[0].startswith(str(tmp_path / "1" / "0" / "bad.txt: "))  # walked before 3/1/a07.txt
        assert errors[1].endswith("a07.txt: internal error: RuntimeError: reader exploded")
        linted = [o for o in results if not o.report.error and not o.skipped]
        assert len(linted) == 29 and sum(len(o.report.findings) for o in linted) == 14 * 3


def test_small_runs_stay_serial(tmp_path):
    write_tree(tmp_path, count=3)
    targets = [t for t in collect([tmp_path]) if t.path.endswith("a00.txt") or t.path.endswith("a01.txt")]
    log = tmp_path / "built.log"
    results = outcomes(targets, CountingLinter(log), jobs=8)
    assert log.read_text().split() == [str(os.getpid())]  # no worker was started
    assert [len(o.report.findings) for o in results] == [0, 3]


def test_stdin_is_linted_in_process_with_its_name():
    targets = [Target("-")]
    (result,) = outcomes(targets, Linter(select=["typos"]), jobs=4, serial_below=0, stdin_bytes="标题\n再接再励。\n".encode(),
                         stdin_name="稿件.txt")
    assert result.report.path == "稿件.txt" and result.report.findings[0].path == "稿件.txt"


def test_default_jobs_is_every_usable_core():
    assert runner.default_jobs() == len(os.sched_getaffinity(0))


def test_jobs_must_be_positive():
    result = run_cli("check", "examples/clean.txt", "--jobs", "0")
    assert result.returncode == 2 and "--jobs" in err(result)


def test_workers_honour_per_path_config_overrides(tmp_path):
    write_tree(tmp_path, filler=FILLER)
    (tmp_path / ".newslint.yml").write_text(
        'rules:\n  typos: warning\noverrides:\n  - files: "3/**"\n    rules:\n      typos.idiom: off\n',
        encoding="utf-8")
    args = ("check", ".", "--format", "json")
    serial = json.loads(out(run_cli(*args, "--jobs", "1", cwd=tmp_path)))
    parallel = json.loads(out(run_cli(*args, "--jobs", "2", cwd=tmp_path)))
    assert serial == parallel
    by_folder = {}
    for report in parallel["files"]:
        for f in (f for f in report["findings"] if f["rule"] in RULES):
            by_folder.setdefault(report["path"].split("/")[0], set()).add((f["rule"], f["level"]))
    assert by_folder["3"] == {("punctuation.halfwidth-comma", "warning")}
    assert by_folder["1"] == {("punctuation.halfwidth-comma", "warning"), ("typos.idiom", "warning")}


def test_the_pool_starts_only_for_enough_input(tmp_path):
    small, large = tmp_path / "small", tmp_path / "large"
    write_tree(small)  # 30 short articles: a pool would cost more than it saves
    write_tree(large, filler=FILLER)
    for top, workers in ((small, False), (large, True)):
        log = top / "built.log"
        list(lint_targets(CountingLinter(log), collect([top]), jobs=2))
        builders = log.read_text().split()
        assert (builders != [str(os.getpid())]) == workers, top
