"""Reporters turn a `Run` into text. One module per format, each with one function:
``render(run: Run, options: dict) -> str``. Options: ``color`` (bool), ``statistics`` (bool),
``quiet`` (bool), ``tool`` ({"name", "version"}).
"""
from __future__ import annotations

from . import json_format, text

REPORTERS = {"text": text.render, "json": json_format.render}


def render(name: str, run, options: dict) -> str:
    return REPORTERS[name](run, options)
