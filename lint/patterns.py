"""Regular expressions compiled on first use, and remembered between runs: a leaf module,
shared by the rule kinds and the credit finder (`credits`), which must not import the kinds.

`regex` compiles in Python: the credit expression alone takes ~0.15 s, more than half of what
one article as a process may cost. What that work produces — the program `regex` hands its C
module — is plain data, so `compile` keeps it in the user cache (`lint.cache`, JSON, never
pickle) and a later run hands it straight to the C module (~5 ms). The entry is named by a hash
of everything the program depends on (`regex`'s version, the expression, its flags and named
lists) and holds the expression itself, which is compared before use, and a digest of
the program, checked before the C module sees it (it trusts its program: a damaged one could
crash the process). Like every cache entry it is read only if it is the user's own regular file
that nobody else can write (`lint.cache`). Anything wrong with it, or a `regex` that no longer
works this way, only means compiling afresh.
"""
from __future__ import annotations

import json
import threading

import regex

from .cache import cache_dir, digest, read_cache, write_cache

# expressions kept in the cache (each rule's own, user rules included)
KEEP_EXPRESSIONS = 1024
_SCHEMA = 2  # 2: the program's digest is BLAKE2 (field "digest"), not SHA-256

try:  # the C module `regex` compiles into, and the one place it calls it from
    from regex import _main as _regex_main
    _C_MODULE = _regex_main._regex
except (ImportError, AttributeError):  # a `regex` laid out otherwise: compile as usual
    _regex_main = _C_MODULE = None

_recording = threading.local()
_swap_lock = threading.Lock()


def compile(source: str, flags: int = 0, **lists):  # noqa: A001 - regex.compile's name and call
    """`regex.compile(source, flags, **lists)`, taken from the cache when this expression was
    compiled by an earlier run."""
    entry = _entry(source, flags, lists)
    if entry is not None:
        remembered = _from_cache(entry, source)
        if remembered is not None:
            return remembered
    compiled, program = _compile_recording(source, flags, lists)
    # every program is remembered: reading even a small one back (~0.15-0.25 ms) is cheaper
    # than `regex` compiling it (~0.3-0.45 ms)
    if entry is not None and program is not None:
        text = json.dumps(program, ensure_ascii=False)
        write_cache(entry, {"schema": _SCHEMA, "source": source, "program": text, "digest": _digest(text)},
                    keep=KEEP_EXPRESSIONS)
    return compiled


def _digest(text: str) -> str:
    return digest(text.encode("utf-8"))


def _entry(source, flags, lists):
    directory = cache_dir()
    if directory is None or _C_MODULE is None or not isinstance(source, str) or flags & regex.LOCALE:
        return None  # (a locale-dependent expression depends on more than its text)
    key = json.dumps([regex.__version__, regex.DEFAULT_VERSION, source, int(flags),
                      sorted((name, sorted(values)) for name, values in lists.items())],
                     ensure_ascii=False)
    return directory / f"regex-{digest(key.encode('utf-8'))[:32]}.json"


class _Recorder:
    """Stands in for `regex`'s C module while one expression compiles, keeping the arguments
    of the call that builds the compiled pattern (only for the thread that asked)."""

    def __getattr__(self, name):
        return getattr(_C_MODULE, name)

    @staticmethod
    def compile(*arguments):
        if getattr(_recording, "on", False):
            _recording.arguments = arguments
        return _C_MODULE.compile(*arguments)


_RECORDER = _Recorder()


def _compile_recording(source, flags, lists):
    """The compiled expression, and its program as plain data (None if it could not be
    recorded)."""
    if _C_MODULE is None:
        return regex.compile(source, flags, **lists), None
    with _swap_lock:
        _recording.on, _recording.arguments = True, None
        _regex_main._regex = _RECORDER
        try:
            # (not from `regex`'s own memory of this process: that would skip the call)
            compiled = regex.compile(source, flags, cache_pattern=False, **lists)
        finally:
            _regex_main._regex = _C_MODULE
            _recording.on = False
    arguments, _recording.arguments = _recording.arguments, None
    return compiled, _program(arguments) if arguments is not None and arguments[0] == source else None


def _program(arguments) -> dict | None:
    (_, flags, code, group_index, index_group, named_lists, named_list_indexes,
     required_offset, required_chars, required_flags, group_count) = arguments
    if not all(isinstance(value, int) for value in code):
        return None
    return {
        "flags": int(flags), "code": code, "group_index": group_index,
        "index_group": [[index, name] for index, name in sorted(index_group.items())],
        "named_lists": {name: sorted(values) for name, values in named_lists.items()},
        "named_list_indexes": [None if items is None else sorted(items) for items in named_list_indexes],
        "required": [required_offset, list(required_chars), required_flags], "group_count": group_count,
    }


def _from_cache(entry, source):
    cached = read_cache(entry)
    if (not isinstance(cached, dict) or cached.get("schema") != _SCHEMA or cached.get("source") != source
            or not isinstance(cached.get("program"), str) or cached.get("digest") != _digest(cached["program"])):
        return None
    try:
        program = json.loads(cached["program"])
        required_offset, required_chars, required_flags = program["required"]
        return _C_MODULE.compile(
            source, program["flags"], program["code"], program["group_index"],
            {int(index): name for index, name in program["index_group"]},
            {name: frozenset(values) for name, values in program["named_lists"].items()},
            [None if items is None else frozenset(items) for items in program["named_list_indexes"]],
            required_offset, tuple(required_chars), required_flags, program["group_count"],
        )
    except Exception:  # any damage to the entry: compile afresh  # noqa: BLE001
        return None


class LazyPattern:
    """A regular expression compiled on first use: a run over one article compiles only the
    expressions of rules that find something to look at (compiling is slow in `regex`)."""

    # the search methods become plain attributes once compiled: later calls go straight to
    # the compiled pattern (a gate is asked on every article)
    _METHODS = ("search", "finditer", "match", "findall", "sub")
    __slots__ = ("source", "flags", "lists", "_compiled", *_METHODS)

    def __init__(self, source: str, flags: int = 0, **lists):
        """`lists`: `regex` named lists (``\\L<name>``)."""
        self.source, self.flags, self.lists, self._compiled = source, flags, lists, None

    def compile(self):
        """The compiled expression (compiled now if it was not yet)."""
        if self._compiled is None:
            self._compiled = compile(self.source, self.flags, **self.lists)
            for method in self._METHODS:
                setattr(self, method, getattr(self._compiled, method))
        return self._compiled

    def __getattr__(self, name):
        return getattr(self.compile(), name)


# lone surrogates (reachable through the API only), which the automata cannot take as UTF-8:
# replaced by U+FFFD, which keeps every offset where it was (compiled only when one is met)
LONE_SURROGATE = LazyPattern(r"[\ud800-\udfff]")
