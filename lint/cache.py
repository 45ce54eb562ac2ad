"""The user cache directory: parsed rule packs and the script kind's table of flagged
characters are kept there as JSON between runs (YAML parsing and OpenCC conversion are most of
newslint's start-up).

Entries are plain data (JSON, never pickle), so a tampered file cannot run code. An entry's
name is a hash of what it was derived from (the rule file's text, OpenCC's files, newslint's
version …), so a changed input is a new entry, never a stale answer. Entries are written to a
temporary file and renamed into place, so concurrent runs never read half of one. Anything
wrong with an entry, or a directory that cannot be written, only means deriving it again.
"""
from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path


def cache_dir() -> Path | None:
    """Where entries are kept: $NEWSLINT_CACHE_DIR, else the user cache directory.
    NEWSLINT_CACHE_DIR set to an empty string turns the cache off."""
    chosen = os.environ.get("NEWSLINT_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newslint"


def read_cache(entry: Path | None):
    """The data remembered in `entry`, or None when there is none (or it is unreadable)."""
    if entry is None:
        return None
    try:
        return json.loads(entry.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_cache(entry: Path, data) -> None:
    """Remember `data` (plain JSON data) in `entry`: written to a temporary file in the same
    directory and renamed into place, so a concurrent run reads the old entry, the new one or
    none, never half of one. Data JSON cannot hold exactly, or a cache directory that cannot
    be written, only means nothing is remembered."""
    try:
        text = json.dumps(data, ensure_ascii=False)
    except (TypeError, ValueError):
        return  # values JSON cannot hold (dates…): simply not cached
    if json.loads(text) != data:
        return
    import tempfile  # only when writing: a warm run never pays for it

    temporary = None
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".entry-", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, entry)
    except OSError:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
