"""Streamed reports: each file's part is written as soon as it is linted, the report is the one
rendered at once, and a run holds one file's findings at a time (docs/performance.md)."""
from __future__ import annotations

import gc
import json
import multiprocessing
import os
import sys

import pytest

from lint import runner
from lint.cli import cli
from lint.findings import Edit, FileReport, Finding, Fix, Run, Totals
from lint.reporters import STREAMS, render
from lint.linter import Linter
from lint.runner import lint_targets, walk_targets
from tests.test_jobs import RULES, collect, write_tree

STREAMED = sorted(STREAMS)


class Recorder:
    """Standard output for the command, and the events of the run in the order they happen."""

    def __init__(self, events):
        self.events = events

    def write(self, text):
        self.events.append(("write", text))
        return len(text)

    def flush(self):
        pass

    def isatty(self):
        return False


def run_in_process(monkeypatch, args, count_reports=False):
    """Run `newslint check ARGS` here with --jobs 1; returns the events: ("lint", path, live
    FileReports at that moment, when counted) and ("write", text), and the exit code."""
    events = []
    lint_target = runner.lint_target

    def recording_lint_target(linter, target, **options):
        live = None
        if count_reports:
            gc.collect()
            live = sum(1 for o in gc.get_objects() if isinstance(o, FileReport))
        events.append(("lint", target.path, live))
        return lint_target(linter, target, **options)

    monkeypatch.setattr(runner, "lint_target", recording_lint_target)
    monkeypatch.setattr(sys, "stdout", Recorder(events))
    with pytest.raises(SystemExit) as exit_:
        cli.main(["check", *map(str, args), "--jobs", "1"], prog_name="newslint", standalone_mode=False)
    return events, exit_.value.code


def written(events) -> str:
    return "".join(event[1] for event in events if event[0] == "write")


def whole_report(top, output_format, options, select=RULES) -> str:
    """The report rendered at once from every file's report, as newslint did before streaming."""
    errors = []
    targets = list(walk_targets([str(top)], (), None, errors))
    linter = Linter(select=select)
    run = Run(errors=errors, rules=[rule.describe() for rule in linter.rules])
    for outcome in lint_targets(linter, targets, jobs=1):
        if outcome.skipped:
            run.skipped += 1
            continue
        run.reports.append(outcome.report)
        if outcome.report.error:
            run.errors.append(outcome.report.error)
    return render(output_format, run, options)


@pytest.mark.parametrize("output_format", STREAMED)
def test_each_file_is_written_before_the_next_ones_are_linted(tmp_path, monkeypatch, output_format):
    write_tree(tmp_path, count=12)
    events, code = run_in_process(monkeypatch, [tmp_path, "--format", output_format, "--select", ",".join(RULES)],
                                  count_reports=True)
    assert code == 2  # bad.txt cannot be decoded
    linted = [event for event in events if event[0] == "lint"]
    report = written(events)
    first_reported = next(path for _, path, _ in linted if path in report)
    assert first_reported != linted[-1][1]
    first_write = next(i for i, event in enumerate(events) if event[0] == "write" and first_reported in event[1])
    last_lint = events.index(linted[-1])
    if output_format == "sarif":  # its rule list comes first: results are spooled as text till the end
        assert first_write > last_lint
    else:
        assert first_write < last_lint, "the first file's findings must be out before the last file is linted"
    # reports are dropped once written (SARIF: spooled): never more than the one being made and the last one
    assert max(live for _, _, live in linted) <= 2, [live for _, _, live in linted]


@pytest.mark.parametrize("output_format, flags", [(name, []) for name in STREAMED] + [
    ("text", ["--statistics"]), ("text", ["--quiet", "--statistics"])])
def test_streamed_report_is_the_report_rendered_at_once(tmp_path, monkeypatch, output_format, flags):
    write_tree(tmp_path, count=12)
    events, _ = run_in_process(monkeypatch, [tmp_path, "--format", output_format, "--no-color",
                                             "--select", ",".join(RULES), *flags])
    options = {"statistics": "--statistics" in flags, "quiet": "--quiet" in flags, "color": False,
               "tool": json.loads(written(events))["tool"] if output_format == "json" else {"name": "newslint"}}
    if output_format == "sarif":
        driver = json.loads(written(events))["runs"][0]["tool"]["driver"]
        options["tool"] = {"name": driver["name"], "version": driver["version"]}
    expected = whole_report(tmp_path, output_format, options)
    if "--statistics" in flags:  # the table alone
        assert "a01.txt" not in expected and expected.strip()
    else:
        assert "a01.txt" in expected and ("bad.txt" in expected or output_format == "rdjson")
    assert written(events) == expected


def test_streamed_baseline_drops_the_same_findings(tmp_path, monkeypatch, capsys):
    write_tree(tmp_path, count=12)
    select = ["--select", ",".join(RULES), "--no-color"]
    base = tmp_path / "base.json"
    run_in_process(monkeypatch, [tmp_path, "--write-baseline", base, *select])
    recorded = sum(entry["count"] for entry in json.loads(base.read_text(encoding="utf-8"))["findings"])
    assert recorded == 18  # six flawed articles, three findings each
    events, code = run_in_process(monkeypatch, [tmp_path, "--baseline", base, *select])
    assert code == 2  # bad.txt cannot be decoded
    lines = written(events).splitlines()
    assert [line.split(":")[0] for line in lines[:-1]] == ["error"]
    assert lines[-1].startswith("No problems found in 13 files checked.")
    assert f"{recorded} findings in the baseline" in capsys.readouterr().err


@pytest.mark.parametrize("output_format", ["json", "rdjson", "sarif"])
@pytest.mark.parametrize("count", [0, 1, 12])
def test_streamed_json_is_byte_for_byte_json_dumps(tmp_path, monkeypatch, output_format, count):
    """The documents written piece by piece are those `json.dumps(indent=2)` writes at once."""
    write_tree(tmp_path, count=count)
    events, _ = run_in_process(monkeypatch, [tmp_path, "--format", output_format, "--select", ",".join(RULES),
                                             tmp_path / "missing.txt"])
    text = written(events)
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


def test_empty_run_streams_empty_lists():
    for name, expected in (("json", '"files": [],'), ("rdjson", '"diagnostics": []\n}')):
        assert expected in render(name, Run(), {})
    assert render("text", Run(), {"quiet": True}) == ""


def test_totals_count_like_the_findings():
    def finding(rule, level, fixable):
        return Finding(rule=rule, level=level, message="m", path="a", offset=0, length=1, text="x", fix=Fix((Edit(0, 1, "y"),)) if fixable else None)
    reports = [FileReport("a", [finding("b", "info", False), finding("a", "error", True)], fixed=2),
               FileReport("b", [finding("a", "error", False)], error="b: broken")]
    totals = Totals.of(Run(reports=reports, errors=["b: broken"], fixed=2))
    assert (totals.files, totals.findings, totals.fixable, totals.fixed) == (2, 3, 1, 2)
    assert totals.levels == {"info": 1, "warning": 0, "error": 2}
    assert list(totals.rules.most_common()) == [("a", 2), ("b", 1)]
    assert totals.reached("error") and totals.reached("info")
    assert not Totals.of(Run(reports=[FileReport("c", [finding("b", "info", False)])])).reached("warning")


# --- the pool keeps a bounded number of files in flight ------------------------------------------

class SyncPool:
    """A stand-in for ProcessPoolExecutor that runs each chunk when it is submitted and counts them."""

    submitted = 0

    def __init__(self, jobs, mp_context=None, initializer=None, initargs=()):
        initializer(*initargs)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def submit(self, function, *args):
        from concurrent.futures import Future
        SyncPool.submitted += 1
        future = Future()
        future.set_result(function(*args))
        return future


def test_pool_submits_only_a_few_chunks_ahead(tmp_path, monkeypatch):
    import concurrent.futures
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", SyncPool)
    SyncPool.submitted = 0
    write_tree(tmp_path, count=200)
    targets = collect([str(tmp_path)])
    outcomes = lint_targets(Linter(select=RULES), targets, jobs=2, serial_below=0)
    first = next(outcomes)
    assert first.report.path == targets[0].path
    chunk = max(1, min(64, len(targets) // 16))
    assert SyncPool.submitted <= 2 * runner.CHUNKS_IN_FLIGHT + 1
    assert SyncPool.submitted * chunk < len(targets)
    rest = list(outcomes)
    assert [o.report.path for o in [first, *rest]] == [t.path for t in targets]


def dying_chunk(chunk, options):
    """A worker that dies on the chunk holding a01.txt, as a process killed by the system would."""
    if any(t.path.endswith("a01.txt") for t in chunk):
        os._exit(1)
    return runner_lint_chunk(chunk, options)


runner_lint_chunk = runner._lint_chunk


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_a_dying_worker_costs_its_chunks_not_the_run(tmp_path, monkeypatch):
    monkeypatch.setattr(runner, "_lint_chunk", dying_chunk)  # forked workers inherit it
    write_tree(tmp_path, count=60)
    targets = collect([str(tmp_path)])
    result = list(lint_targets(Linter(select=RULES), targets, jobs=2, serial_below=0))
    assert [o.report.path for o in result] == [t.path for t in targets]
    failed = [o for o in result if o.report.error and "worker failed" in o.report.error]
    assert any(o.report.path.endswith("a01.txt") for o in failed)


# --- the list of files is not held whole ----------------------------------------------------------

def counted(targets, seen):
    for target in targets:
        seen.append(target.path)
        yield target


@pytest.mark.parametrize("jobs", [1, 2])
def test_targets_are_read_as_the_run_goes_on(tmp_path, monkeypatch, jobs):
    import concurrent.futures
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", SyncPool)
    count = 3000 if jobs > 1 else 50
    write_tree(tmp_path, count=count)
    errors, seen = [], []
    targets = counted(runner.walk_targets([str(tmp_path)], (), None, errors), seen)
    outcomes = lint_targets(Linter(select=RULES), targets, jobs=jobs, serial_below=0)
    first = next(outcomes)
    # serial: one file read; a pool: the files that decide on it and the chunks in flight
    if jobs == 1:
        assert len(seen) == 1
    else:
        assert len(seen) <= 2 * 8 * runner.CHUNK + (2 * runner.CHUNKS_IN_FLIGHT + 1) * runner.CHUNK < 3000
    rest = list(outcomes)
    assert [o.report.path for o in [first, *rest]] == seen
    assert len(seen) == count + 2 and errors == []  # the articles, bad.txt and zz.txt (skipped)


def test_sarif_results_spooled_to_disk_give_the_same_report(tmp_path, monkeypatch):
    """Past a few MB the spool of SARIF results moves to a temporary file; the report is the same."""
    from lint.reporters import sarif

    write_tree(tmp_path, count=12)
    args = [tmp_path, "--format", "sarif", "--select", ",".join(RULES)]
    in_memory = written(run_in_process(monkeypatch, args)[0])
    rolled = []
    spooled_temporary_file = __import__("tempfile").SpooledTemporaryFile

    def tiny_spool(*a, **k):
        spool = spooled_temporary_file(*a, **{**k, "max_size": 10})
        rolled.append(spool)
        return spool

    monkeypatch.setattr("tempfile.SpooledTemporaryFile", tiny_spool)
    on_disk = written(run_in_process(monkeypatch, args)[0])
    assert rolled and rolled[0]._rolled
    assert on_disk == in_memory and json.loads(on_disk)["runs"][0]["results"]
