"""Types of a rule's YAML fields: each checks a value and returns it cleaned, or raises
ValueError with what is wrong (the loader adds the file, line and field name)."""
from __future__ import annotations

import regex

from .. import patterns
from ..document import SCOPES

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


def count_map(keys, what: str):
    """A field type: a mapping of some of `keys` to whole numbers >= 0 (thresholds by kind)."""

    def check(value):
        if not isinstance(value, dict) or not all(
            k in keys and isinstance(v, int) and not isinstance(v, bool) and v >= 0 for k, v in value.items()
        ):
            raise ValueError(f"must map {what} ({', '.join(keys)}) to whole numbers")
        return value

    return check


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
            patterns.compile(item)
        except regex.error as error:
            raise ValueError(f"invalid regular expression {item!r}: {error}") from None
    return value


# A field type may name a cheaper check (`unchecked`) for values known to have passed the full
# one before: a rule file whose exact text loaded cleanly (see lint.rulepack.cache_entry) does
# not compile its expressions again just to check them (compiling is most of start-up).
pattern_list.unchecked = text_list
