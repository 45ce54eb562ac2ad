"""Reporters turn a run into text. One module per format, each with a function
``render(run: Run, options: dict) -> str`` (the whole report at once). The formats in
`STREAMS` (all of them) also have a streamed form (see `stream.py`): the command line writes
their report file by file as the run goes on, with the same bytes (SARIF spools its results
as text until the end, because its rule list comes first).
Options: ``color`` (bool), ``statistics`` (bool), ``quiet`` (bool), ``tool`` ({"name", "version"}),
``rules`` (the rules' descriptions, for SARIF).
"""
from __future__ import annotations

from . import github, json_format, rdjson, sarif, text

REPORTERS = {
    "text": text.render, "json": json_format.render, "sarif": sarif.render,
    "github": github.render, "rdjson": rdjson.render,
}

STREAMS = {
    "text": text.TextStream, "json": json_format.JsonStream,
    "github": github.GithubStream, "rdjson": rdjson.RdjsonStream, "sarif": sarif.SarifStream,
}


def render(name: str, run, options: dict) -> str:
    return REPORTERS[name](run, options)
