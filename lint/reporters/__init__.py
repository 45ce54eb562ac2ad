"""Reporters write a run's report. One module per format, each a `reporter.Stream` subclass:
`start()`, `file(report)` per input as soon as it is linted, `finish(totals)`; the command line
writes every report that way, file by file (SARIF spools its results as text until the end,
because its rule list comes first). `render` gives the same bytes for a finished `Run` at once.
Options: ``color`` (bool), ``statistics`` (bool), ``quiet`` (bool), ``tool`` ({"name", "version"}),
``rules`` (the rules' descriptions, for SARIF).
"""
from __future__ import annotations

from . import github, json_format, rdjson, sarif, text
from .reporter import render_run

STREAMS = {
    "text": text.TextStream, "json": json_format.JsonStream,
    "github": github.GithubStream, "rdjson": rdjson.RdjsonStream, "sarif": sarif.SarifStream,
}


def render(name: str, run, options: dict) -> str:
    """The whole report of a finished `Run` in the format `name`."""
    return render_run(STREAMS[name], run, {**options, "rules": run.rules or options.get("rules", [])})
