"""What every rule kind shares: the common header of a rule, field checking, and helpers.

A kind is a subclass of `Rule` in its own module. It declares `FIELDS` (its own YAML fields:
name -> (type, default)), may ask for literal strings to be found by the engine's shared
Aho-Corasick automaton (`literals`), and yields `Match`es from `run`. It never sets its own
id or level: the engine fills those in from the rule file and the configuration.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

import regex

from ..document import SCOPES, Document
from ..findings import LEVELS, Match

# A user's regular expression gets this long per search before it is abandoned.
REGEX_TIMEOUT_SECONDS = 2.0
TRUSTED_UNTIMED_CHARS = 10_000
FIX_SAFETY = ("safe", "unsafe", "none")


class FieldError(ValueError):
    """A field of a rule is wrong; `field` names it so the loader can point at its line."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


# --- field types: each returns the cleaned value or raises ValueError ---------------------
def text(value):
    if not isinstance(value, str):
        raise ValueError("must be a string")
    return value


def nonempty_text(value):
    if not isinstance(value, str) or not value:
        raise ValueError("must be a non-empty string")
    return value


def text_list(value):
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise ValueError("must be a list of non-empty strings")
    return value


def text_map(value):
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and k and isinstance(v, str) for k, v in value.items()
    ):
        raise ValueError("must be a mapping of non-empty strings to strings")
    return value


def boolean(value):
    if not isinstance(value, bool):
        raise ValueError("must be true or false")
    return value


def count(value):
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError("must be a whole number >= 0")
    return value


def one_of(*choices):
    def check(value):
        if value not in choices:
            raise ValueError(f"must be one of {', '.join(map(str, choices))}")
        return value

    return check


def names_from(choices, what: str):
    """A field type: a list of names, each one of `choices` (scopes, credits …)."""

    def check(value):
        value = text_list(value)
        for name in value:
            if name not in choices:
                raise ValueError(f"unknown {what} {name!r} (expected {', '.join(choices)})")
        return value

    return check


scope_list = names_from(SCOPES, "scope")


def examples(value):
    if not isinstance(value, dict) or set(value) - {"bad", "good"}:
        raise ValueError("must be a mapping with 'bad' and/or 'good' lists")
    return {key: text_list(items) for key, items in value.items()}


def pattern_list(value):
    """Regular expressions, compiled here so that a bad one is reported at load time."""
    value = text_list(value)
    for item in value:
        try:
            regex.compile(item)
        except regex.error as error:
            raise ValueError(f"invalid regular expression {item!r}: {error}") from None
    return value


# A field type may name a cheaper check (`unchecked`) for values known to have passed the full
# one before: a rule file whose exact text loaded cleanly (see lint.rulepack.cache_entry) does
# not compile its expressions again just to check them (compiling is most of start-up).
pattern_list.unchecked = text_list


COMMON_FIELDS = {
    "id": (nonempty_text, None),
    "kind": (nonempty_text, None),
    "level": (one_of(*LEVELS), None),
    "message": (nonempty_text, None),
    "description": (text, ""),
    "scope": (scope_list, None),
    "link": (text, None),
    "examples": (examples, None),
    "fix": (one_of(*FIX_SAFETY), None),
    "enabled": (boolean, True),
}
REQUIRED_FIELDS = ("id", "kind", "level", "message")


class Rule:
    """One compiled rule. Subclasses set KIND, FIELDS, REQUIRED and implement `run`."""

    KIND = ""
    FIELDS: dict = {}
    REQUIRED: tuple[str, ...] = ()
    DEFAULT_SCOPE = ("headline", "body")
    DEFAULT_FIX = "none"
    # True when the rule can only report where its literals were found: the engine then
    # skips it on documents where the shared automaton found none of them.
    literal_only = False
    # Rules of the built-in packs (set by the loader): their expressions are checked by the
    # test suite, so short searches skip the time limit (see `timed`).
    trusted = False

    def __init__(self, spec: dict, pack: str, path: str = "", *, check_patterns: bool = True):
        """`check_patterns=False`: the spec's regular expressions are known to compile (its
        rule file loaded cleanly before), so fields take their `unchecked` check."""
        values = _checked_fields(spec, {**COMMON_FIELDS, **self.FIELDS}, REQUIRED_FIELDS + self.REQUIRED,
                                 check_patterns)
        self.spec = spec  # as written: options re-build the rule from it (`with_options`)
        self.pack = pack
        self.path = path
        self.name = values["id"]
        self.id = f"{pack}.{values['id']}"
        self.level = values["level"]
        self.message = values["message"]
        self.description = values["description"]
        self.scope = tuple(values["scope"] or self.DEFAULT_SCOPE)
        self.link = values["link"]
        self.examples = values["examples"] or {}
        self.fix = values["fix"] or self.DEFAULT_FIX
        self.enabled = values["enabled"]
        self.options = {name: values[name] for name in self.FIELDS}
        self.setup(**self.options)

    # --- what kinds implement ------------------------------------------------------------
    def setup(self, **options) -> None:
        """Compile the kind's options once, at load time."""

    def literals(self) -> Sequence[str]:
        """Literal strings this rule wants found by the engine's shared automaton."""
        return ()

    def gate(self):
        """A compiled expression that finds something in the rule's scope whenever the rule
        could report anything there without literal hits, or None. The engine skips the rule
        on documents where the automaton found none of its literals and the gate finds
        nothing (a bare search costs far less than running the rule)."""
        return None

    def run(self, doc: Document, hits: list[tuple[int, int, int]]) -> Iterable[Match]:
        """Yield matches. `hits` are (literal index, start, end) of `literals()` anywhere in
        the document (not filtered by scope: exceptions may reach outside it)."""
        raise NotImplementedError

    # --- helpers for kinds -----------------------------------------------------------------
    def in_scope(self, doc: Document, start: int, end: int) -> bool:
        return doc.in_scope(self.scope, start, end)

    def segments(self, doc: Document) -> list[tuple[int, int]]:
        return doc.segments(self.scope)

    def render(self, **values) -> str:
        message = self.message
        for key, value in values.items():
            message = message.replace("{" + key + "}", str(value))
        return message

    def with_options(self, values: dict) -> Rule:
        """This rule re-built from its original spec with `values` on top (checked like a
        rule file: raises `FieldError`)."""
        rule = type(self)({**self.spec, **values}, self.pack, self.path)
        rule.trusted = self.trusted
        return rule

    def presence_fields(self) -> frozenset[str]:
        """The credits whose presence this rule checks (a pack's ``require`` option turns such
        rules on and off); none for most kinds."""
        return frozenset()

    def describe(self) -> dict:
        return {
            "id": self.id, "kind": self.KIND, "level": self.level, "enabled": self.enabled,
            "description": self.description, "message": self.message, "link": self.link,
            "scope": list(self.scope), "fix": self.fix, "path": self.path,
        }


def _checked_fields(spec: dict, fields: dict, required: Sequence[str], check_patterns: bool = True) -> dict:
    for name in spec:
        if name not in fields:
            raise FieldError(name, f"unknown field '{name}'")
    for name in required:
        if spec.get(name) is None:
            raise FieldError(name, f"missing required field '{name}'")
    values = {}
    for name, (check, default) in fields.items():
        if spec.get(name) is None:
            values[name] = default
            continue
        if not check_patterns:
            check = getattr(check, "unchecked", check)
        try:
            values[name] = check(spec[name])
        except ValueError as error:
            raise FieldError(name, f"field '{name}' {error}") from None
    return values


# --- shared match helpers -------------------------------------------------------------------
def leftmost_longest(spans):
    """Non-overlapping spans, preferring the leftmost, then the longest. Items are tuples
    whose first two entries are start and end."""
    chosen = []
    last_end = -1
    for item in sorted(spans, key=lambda s: (s[0], -s[1])):
        if item[0] >= last_end:
            chosen.append(item)
            last_end = item[1]
    return chosen


def covered(start: int, end: int, shelters: list[tuple[int, int]]) -> bool:
    """True when [start, end) lies inside one of the shelter spans (exception occurrences)."""
    return any(s <= start and end <= e for s, e in shelters)


def split_hits(hits, boundary: int):
    """Split automaton hits into (wanted, exception spans) at a literal index boundary."""
    wanted, shelters = [], []
    for index, start, end in hits:
        if index < boundary:
            wanted.append((start, end, index))
        else:
            shelters.append((start, end))
    return wanted, shelters


def search_segments(pattern, doc: Document, segments, trusted: bool = False):
    """finditer over each segment, with the time limit where it is needed (`timed`)."""
    text = doc.text
    for start, end in segments:
        if timed(trusted, start, end):
            yield from pattern.finditer(text, start, end, timeout=REGEX_TIMEOUT_SECONDS)
        else:
            yield from pattern.finditer(text, start, end)


def finds_any(pattern, text: str, segments, trusted: bool = False) -> bool:
    """Whether `pattern` finds anything in text[start:end] for some segment (a rule's gate),
    with the time limit where `timed` says so."""
    search = pattern.search
    for start, end in segments:
        found = (search(text, start, end, timeout=REGEX_TIMEOUT_SECONDS) if timed(trusted, start, end)
                 else search(text, start, end))
        if found is not None:
            return True
    return False


def timed(trusted: bool, start: int, end: int) -> bool:
    """Whether a search of text[start:end] needs the time limit. Users' expressions always
    do. Built-in ones are checked by the test suite for runaway (exponential) backtracking;
    what is left is slow growth on very long text, so they are limited only there. The limit
    costs more than a search of a short headline (about 2 us a call)."""
    return not trusted or end - start > TRUSTED_UNTIMED_CHARS
