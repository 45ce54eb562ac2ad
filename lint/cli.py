"""The command line: config -> rules -> readers -> engine -> reporters -> exit status.

Exit status: 0 nothing at or above the fail level; 1 findings at or above it; 2 a usage,
config, rule-file or input error (printed to stderr, one line each).
"""
from __future__ import annotations

import io
import os
import json
import sys
from pathlib import Path

import click

from . import __version__, baseline
from .config import ConfigError
from .explain import explain_pack, explain_text
from .findings import LEVELS, Totals
from .linter import Linter
from .messages import LANGS, default_lang, localize, prefix
from .prose import first_sentence
from .readers import ENCODINGS
from .reporters import STREAMS
from .rulepack import RuleFileError, builtin_rules_dir, load_packs
from .runner import MAX_FILE_BYTES, lint_targets, walk_targets
from .settings import known_names, unknown_name
from .suppress import unused_suppression_rule

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _split_ids(_ctx, _param, value):
    if not value:
        return None
    return [item.strip() for chunk in value for item in chunk.split(",") if item.strip()]


_lang = None  # --lang of this run; the locale's language when not given


def _say(message: str) -> None:
    """One line on stderr, in the run's language (`lint.messages`)."""
    click.echo(f"newslint: {localize(message, _lang or default_lang())}", err=True)


def _fail(message: str) -> None:
    _say(message)
    sys.exit(EXIT_ERROR)


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, prog_name="newslint")
def cli():
    """newslint: an editorial-quality linter for Chinese news articles."""


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "output_format", type=click.Choice(sorted(STREAMS)), default="text",
              show_default=True, help="Report format.")
@click.option("--select", multiple=True, callback=_split_ids, help="Only these rule ids or packs (comma list).")
@click.option("--ignore", multiple=True, callback=_split_ids, help="Skip these rule ids or packs (comma list).")
@click.option("--fail-level", type=click.Choice(LEVELS), default=None,
              help="Lowest level that makes the exit status 1 [default: warning].")
@click.option("--fix", is_flag=True, help="Apply safe fixes in place (with '-', print the fixed text).")
@click.option("--unsafe-fixes", is_flag=True, default=None,
              help="Apply unsafe fixes too (suggestions such as a near-miss idiom) with --fix or --diff.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; change nothing.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Use this config file instead of searching for one.")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(path_type=Path),
              help="A directory or file of extra rule packs (repeatable).")
@click.option("--stdin-filename", default=None, help="Name (and format) of the text read from '-'.")
@click.option("--encoding", type=click.Choice(ENCODINGS), default="auto", show_default=True,
              help="Encoding of the input files.")
@click.option("--color", "color_mode", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True,
              help="Colour the text report: auto colours a terminal unless NO_COLOR is set "
                   "(FORCE_COLOR colours a pipe too).")
@click.option("--no-color", is_flag=True, help="Never colour the text report (same as --color never).")
@click.option("--quiet", "-q", is_flag=True, help="Print findings only: no source lines, no summary.")
@click.option("--statistics", is_flag=True, help="Add a count of findings per rule.")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Report only findings that are not in this baseline file.")
@click.option("--write-baseline", "write_baseline_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Record every finding in this baseline file (and exit 0 unless an input failed).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Lint files in this many processes [default: all cores; small inputs run in one].")
@click.option("--max-file-size", "max_megabytes", type=click.FloatRange(min=0, min_open=True),
              default=MAX_FILE_BYTES / 2**20, show_default=True,
              help="Largest input read, in MB (a larger file is an error).")
@click.option("--show-settings", "show_settings", metavar="PATH", default=None,
              help="Print the configuration file and the rules (with levels) that apply to PATH, and exit.")
@click.option("--verbose", "-v", is_flag=True, help="Say on stderr which configuration file applies, once per file.")
@click.option("--lang", type=click.Choice(LANGS), default=None,
              help="Language of the summary, error and warning lines (findings are always Chinese) "
                   "[default: zh in a Chinese locale (LANG=zh_CN.UTF-8), else en].")
def check(paths, output_format, select, ignore, fail_level, fix, unsafe_fixes, diff, config_path, rule_dirs,
          stdin_filename, encoding, color_mode, no_color, quiet, statistics, baseline_file, write_baseline_file, jobs,
          max_megabytes, show_settings, verbose, lang):
    """Lint articles (.txt, .md, .html files, directories, or '-' for standard input).

    Each file uses the configuration nearest to it (.newslint.yml, .newslint.yaml or
    pyproject.toml with [tool.newslint], found walking up from the file's folder); --config
    gives one configuration for every file."""
    global _lang
    _lang = lang = lang or default_lang()
    linter = _setup(config_path, rule_dirs, select, ignore, unsafe_fixes)
    if show_settings is not None:
        _show_settings(linter, show_settings)
        return
    config = _run_config(linter, paths)
    fail_level = fail_level or config.fail_level or "warning"
    # the files are found as the run goes on; errors of the walk come first in the report
    walk_errors, file_errors = [], []
    targets = walk_targets(paths or ["."], linter.excluded, config.root, walk_errors)
    totals = Totals()
    rules = [r.describe() for r in linter.rules]
    excuse = _load_baseline(baseline_file) if baseline_file and not write_baseline_file else None
    recorder = baseline.Recorder(write_baseline_file) if write_baseline_file else None
    max_bytes = int(max_megabytes * 2**20)
    stdin_bytes = sys.stdin.buffer.read(max_bytes + 1) if "-" in paths else None
    if stdin_bytes is not None and len(stdin_bytes) > max_bytes:
        _fail(f"standard input: too large (over {max_megabytes:g} MB, see --max-file-size)")
    color = output_format == "text" and _use_color("never" if no_color else color_mode)
    options = {"color": color, "statistics": statistics, "quiet": quiet, "lang": lang,
               "tool": {"name": "newslint", "version": __version__}, "rules": rules}
    # The report is written file by file as the run goes on (see reporters/reporter.py); each
    # FileReport is dropped once written. With `--fix -` the fixed text replaces the report, so
    # the report is held until the end.
    held = io.StringIO() if fix and not diff and stdin_bytes is not None else None
    stream = None
    if not (diff or recorder):
        stream = STREAMS[output_format](held.write if held else sys.stdout.write, options)
        stream.start()
    diffed, fixed_stdout = False, None
    outcomes = lint_targets(
        linter, targets, jobs=jobs, stdin_name=stdin_filename,
        encoding=encoding, fix=fix, diff=diff, unsafe_fixes=unsafe_fixes, stdin_bytes=stdin_bytes,
        max_bytes=max_bytes,
    )
    for outcome in outcomes:
        if outcome.skipped:
            totals.skipped += 1
            continue
        report = outcome.report
        if verbose:
            _name_config(outcome)
        file_errors += outcome.failures
        if report.error:
            file_errors.append(report.error)
        if outcome.diff and not recorder:
            sys.stdout.write(outcome.diff)
            diffed = True
        if outcome.fixed_bytes is not None:
            fixed_stdout = outcome.fixed_bytes
        if excuse:
            excuse.apply(report)
        if recorder:
            recorder.add(report)
        totals.add(report)
        if stream:
            stream.file(report)
    totals.errors = walk_errors + file_errors

    if recorder:
        _write_baseline(recorder, totals)
    if excuse and excuse.dropped and not quiet:
        click.echo(f"newslint: {excuse.dropped} finding{'s' * (excuse.dropped != 1)} in the baseline "
                   f"{baseline_file} not shown", err=True)

    for warning in totals.warnings:
        _say(prefix("warning", lang) + warning)
    if fixed_stdout is not None:
        sys.stdout.flush()
        sys.stdout.buffer.write(fixed_stdout)  # in the input's own encoding and BOM
        if held and stream:
            # what the fix left goes to stderr, as ruff does: stdout is the fixed text alone
            stream.finish(totals)
            sys.stdout.flush()
            sys.stderr.write(held.getvalue())
        _echo_errors(totals)
    elif diff:
        _echo_errors(totals)
    else:
        stream.finish(totals)
        if held:
            sys.stdout.write(held.getvalue())
        if output_format != "text":
            _echo_errors(totals)
    sys.exit(_exit_status(totals, fail_level, diffed))


def _run_config(linter: Linter, paths):
    """The configuration of the run as a whole (its fail level): --config's, else the working
    directory's, else — when the working directory has none — the one nearest the first path."""
    if linter.config.path is not None or not paths or paths[0] == "-":
        return linter.config
    try:
        return linter.for_path(os.path.join(paths[0], "_") if os.path.isdir(paths[0]) else paths[0]).config
    except (ConfigError, RuleFileError) as error:
        _fail(str(error))


def _name_config(outcome) -> None:
    """--verbose: the configuration of each file, on stderr."""
    where = outcome.config or "no configuration file (built-in defaults)"
    click.echo(f"newslint: {outcome.report.path}: {where}", err=True)


def _show_settings(linter: Linter, path: str) -> None:
    """--show-settings PATH: which configuration applies to PATH, and what it makes of the rules."""
    try:
        chosen = linter.for_path(os.path.join(path, "_") if os.path.isdir(path) else path)
    except (ConfigError, RuleFileError) as error:
        _fail(str(error))
    config = chosen.config
    settings = chosen.settings_for(path)
    levels = settings.level_map()
    rules = {rule.id: rule for rule in chosen.all_rules}
    lines = [f"path: {path}",
             f"config: {config.path if config.path else 'none (built-in defaults)'}"]
    if config.path is None and chosen is linter:
        lines[-1] += "; searched from the file's folder up, then the working directory"
    if config.overrides:
        matched = config.overrides_for(path)
        lines.append("overrides: " + (", ".join(
            f"#{i + 1} {', '.join(config.overrides[i].files)}" for i in matched) or "none match"))
    lines += [f"fail level: {config.fail_level or 'warning'}",
              f"unsafe fixes: {'on' if chosen.unsafe_fixes else 'off'}",
              f"exclude: {', '.join(config.exclude) or 'nothing'}"
              + ("" if not linter.excluded(path) else " (this path is excluded)"),
              f"rules on ({len(settings.enabled)} of {len(rules)}):"]
    for rule_id in sorted(settings.enabled):
        lines.append(f"  {rule_id:<34} {levels.get(rule_id, rules[rule_id].level)}")
    off = sorted(set(rules) - settings.enabled)
    if off:
        lines.append(f"rules off ({len(off)}): " + ", ".join(off))
    click.echo("\n".join(lines))


def _use_color(mode: str) -> bool:
    """--color always|never|auto; auto follows NO_COLOR and FORCE_COLOR (no-color.org,
    force-color.org: set and not empty), then whether stdout is a terminal."""
    if mode != "auto":
        return mode == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def _setup(config_path, rule_dirs, select, ignore, unsafe_fixes) -> Linter:
    """The project's linter (config, packs, selection); exits 2 on a config or rule error."""
    try:
        linter = Linter.load(config_path, rule_dirs, select, ignore, unsafe_fixes)
    except (ConfigError, RuleFileError) as error:
        _fail(str(error))
    known = known_names(linter.all_rules)
    for name in (select or []) + (ignore or []):
        if name not in known:
            _fail(unknown_name(name, known))
    return linter


def _load_baseline(baseline_file):
    """--baseline: a filter that drops the findings the file holds; exits 2 if it is unusable."""
    try:
        return baseline.Filter(baseline.load(baseline_file), baseline_file)
    except baseline.BaselineError as error:
        _fail(str(error))


def _write_baseline(recorder, totals):
    """--write-baseline records the run and exits (0 unless an input failed)."""
    try:
        count = recorder.write()
    except baseline.BaselineError as error:
        _fail(str(error))
    _echo_errors(totals)
    click.echo(f"newslint: wrote {count} finding{'s' * (count != 1)} to the baseline "
               f"{recorder.file}", err=True)
    sys.exit(EXIT_ERROR if totals.errors else EXIT_CLEAN)


def _echo_errors(totals):
    for error in totals.errors:
        _say(error)


def _exit_status(totals, fail_level, diffed) -> int:
    if totals.errors:
        return EXIT_ERROR
    if diffed or totals.reached(fail_level):
        return EXIT_FINDINGS
    return EXIT_CLEAN


@cli.command("rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(path_type=Path), help="Extra rule packs.")
def list_rules(output_format, rule_dirs):
    """List every rule: id, kind, level, description."""
    rules = _load(rule_dirs) + [unused_suppression_rule()]
    if output_format == "json":
        click.echo(json.dumps([r.describe() for r in rules], ensure_ascii=False, indent=2))
        return
    for rule in rules:
        state = "" if rule.enabled else " (off by default)"
        summary = first_sentence(rule.description)  # a whole sentence, never a wrapped line
        click.echo(f"{rule.id:<34} {rule.KIND:<13} {rule.level:<8} {summary}{state}")


@cli.command()
@click.argument("rule_id")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(path_type=Path), help="Extra rule packs.")
def explain(rule_id, rule_dirs):
    """Explain a rule (what it checks, why, and its examples) or a pack (its rules, one a line)."""
    rules = _load(rule_dirs) + [unused_suppression_rule()]
    rule = next((r for r in rules if r.id == rule_id), None)
    if rule is not None:
        click.echo(explain_text(rule))
        return
    members = [r for r in rules if r.pack == rule_id]
    if not members:
        _fail(unknown_name(rule_id, {r.id for r in rules} | {r.pack for r in rules}))
    click.echo(explain_pack(rule_id, members))


@cli.command("lsp")
@click.option("--stdio", is_flag=True, hidden=True, help="Accepted for clients that pass it (stdio is the only transport).")
def lsp_command(stdio):
    """Run the language server over stdio, for editors (extra: pip install 'newslint[lsp]')."""
    from .lsp import main as serve, missing_dependency

    missing = missing_dependency()
    if missing:
        _fail(f"'newslint lsp' needs {missing}: pip install 'newslint[lsp]'")
    serve()


@cli.command("test-rules")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def test_rules(paths):
    """Run the examples embedded in rule files (default: the built-in packs)."""
    from .rule_selftest import check_rule_examples  # here: `check` does not pay for it

    rules = _load((), paths or None)
    failures, examples = [], 0
    for rule in rules:
        examples += sum(len(v) for v in rule.examples.values())
        failures += check_rule_examples(rule)
    for failure in failures:
        click.echo(f"FAIL {failure}")
    click.echo(f"{len(rules)} rules, {examples} examples: "
               + (f"{len(failures)} failed" if failures else "all passed"))
    sys.exit(EXIT_FINDINGS if failures else EXIT_CLEAN)


@cli.command()
@click.option("--force", is_flag=True, help="Overwrite an existing .newslint.yml.")
def init(force):
    """Write a starter .newslint.yml in the current directory."""
    target = Path(".newslint.yml")
    if target.is_symlink():  # a dangling link was written through (the file created elsewhere)
        _fail(f".newslint.yml is a symbolic link (to {os.readlink(target)}); not written: remove it first")
    if target.exists() and not force:
        _fail(".newslint.yml already exists (use --force to overwrite)")
    try:  # never through a link made meanwhile
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o666)
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            stream.write(STARTER_CONFIG)
    except OSError as error:
        _fail(f".newslint.yml: cannot write: {error.strerror}")
    click.echo(f"Wrote {target}")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (other than localhost: explicit only).")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True, help="Port (0: any free port).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Use this config file instead of searching for one.")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(path_type=Path), help="Extra rule packs.")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the default browser.")
def serve(host, port, config_path, rule_dirs, open_browser):
    """Serve the editors' web page on this machine (needs the extra newslint[web])."""
    try:
        from . import web  # the extra's packages are imported only by this command
    except ImportError as error:
        if (error.name or "").split(".")[0] not in ("starlette", "uvicorn"):
            raise
        _fail(f"'serve' needs the web extra ({error.name} is not installed): pip install 'newslint[web]'")
    try:
        web.serve(host, port, config_path, rule_dirs, open_browser)
    except web.ServeError as error:
        _fail(str(error))


STARTER_CONFIG = """\
# newslint configuration; the README section "Configuration" lists every key.
# `newslint rules` lists every rule id; `newslint explain RULE-ID` explains one.

# Start from a built-in preset: default, strict (every rule on, info fails) or relaxed
# (headline and credit checks as advice, only errors fail). A path to another config works too.
extends: default

# Turn a rule or a whole pack off or on, change its level (error, warning, info), or give a
# rule options of its kind (checked like a rule file).
rules:
  # typos.word: warning
  # headline: off
  # headline.length: {level: info, max: 40}
  # byline: {require: [author, editor]}    # which credits an article must carry

# Your own rule packs (directories or YAML files), relative to this file.
rule_paths: []

# Paths not to lint (glob patterns relative to this file).
exclude:
  - "node_modules/**"

# Settings for some paths only, applied on top of the above, in order.
overrides:
  # - files: "archive/**"
  #   rules: {punctuation: off, byline: info}

# The lowest level that fails the run (error, warning or info).
fail_level: warning
"""


def _load(rule_dirs, paths=None):
    try:
        return load_packs(paths if paths else [builtin_rules_dir(), *rule_dirs])
    except RuleFileError as error:
        _fail(str(error))


EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it


class _Interrupted(BaseException):
    """Ctrl-C: not a KeyboardInterrupt, which click would turn into "Aborted!" and exit 1."""


def _interrupt(signum, frame):
    raise _Interrupted


def _flush_stdout() -> None:
    """Output the run could not write (a full disk, /dev/full) fails here; a reader that has
    gone (a language client after `exit`, `| head`) is no error of the run."""
    if sys.stdout is None or sys.stdout.closed:
        return  # the language server closes its stream when the client says exit
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        try:
            sys.stdout = open(os.devnull, "w")  # nothing left to flush at interpreter exit
        except OSError:
            pass


def main():
    """The `newslint` command. Whatever goes wrong ends in one line on standard error and exit 2
    (CI recipes read exit 1 as "findings"), never a traceback; Ctrl-C ends with 130."""
    import signal

    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _interrupt)
    try:
        try:
            cli(prog_name="newslint")
        finally:
            _flush_stdout()
    except SystemExit as done:
        code = done.code
    except _Interrupted:
        _last_words("interrupted", EXIT_INTERRUPTED)
    except MemoryError:
        _last_words("out of memory", EXIT_ERROR)
    except RecursionError:
        _last_words("input nested too deeply", EXIT_ERROR)
    except OSError as error:
        _last_words(f"{error.filename + ': ' if error.filename else ''}{error.strerror or error}", EXIT_ERROR)
    except Exception as error:  # a bug: still one line, and not exit 1
        _last_words(f"internal error: {type(error).__name__}: {error}", EXIT_ERROR)
    else:
        code = 0
    sys.exit(code)


def _last_words(message: str, status: int):
    """One line on standard error, then exit at once: standard output may be unwritable, and
    the interpreter's own flush at exit would print a traceback of its own."""
    try:
        sys.stderr.write(f"newslint: {message}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    os._exit(status)


if __name__ == "__main__":
    main()
