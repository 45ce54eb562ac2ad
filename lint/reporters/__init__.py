"""Reporters turn a `Run` into text. One module per format, each with one function:
``render(run: Run, options: dict) -> str``. Options: ``color`` (bool), ``statistics`` (bool),
``quiet`` (bool), ``tool`` ({"name", "version"}).
"""
from __future__ import annotations

from . import github, json_format, rdjson, sarif, text

REPORTERS = {
    "text": text.render, "json": json_format.render, "sarif": sarif.render,
    "github": github.render, "rdjson": rdjson.render,
}


def render(name: str, run, options: dict) -> str:
    return REPORTERS[name](run, options)
