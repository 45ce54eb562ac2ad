"""Properties over arbitrary text in every format, and over arbitrary rule files.

For any text and any reader: linting never raises and no rule fails; every finding's span is
inside the text and holds the reported text; line/column agree with the offset; `--fix` is
idempotent. Any rule file either loads or is refused with a `RuleFileError`. Any bytes either
decode or are refused with an `InputError`, and what decodes encodes back to the same bytes
(so a file that needs no fix could be written back unchanged).
Settings are modest here; tests/fuzz/ runs the same properties at scale.
"""
from __future__ import annotations

import codecs

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.linter import Linter
from lint.readers import BOM_GB18030, ENCODINGS, InputError, decode, read_document
from lint.rulepack import RuleFileError, parse_pack
from tests.strategies import any_text, expected_position, rule_files, suffixes

LINTER = Linter(select=["ALL"])  # every built-in rule, the ones off by default too
BOMS = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
        "gb18030": BOM_GB18030}
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_document(linter, text: str, suffix: str) -> None:
    """The properties of one document; also called by the fuzz scripts."""
    path = "x" + suffix
    doc = read_document(text, path)
    assert doc.original == text, "offsets point into the file text, which readers keep"
    findings, failures = linter.lint_document(doc)
    assert failures == []
    for f in findings:
        assert 0 <= f.offset <= f.offset + f.length <= len(text), f
        assert text[f.offset:f.offset + f.length] == f.text, f
        assert (f.line, f.column) == expected_position(text, f.offset), f
        assert (f.end_line, f.end_column) == expected_position(text, f.offset + f.length), f
        if f.fixable:
            assert f.replacements, f
    fixed, _, left = linter.fix_text(text, path)
    again, count, _ = linter.fix_text(fixed, path)
    assert (again, count) == (fixed, 0), "fixing a fixed text changes nothing"


def check_rule_file(source: str, text: str) -> None:
    """A rule file loads or is refused cleanly; what loads runs without failing."""
    try:
        rules = parse_pack(source, "fuzz.yaml")
    except RuleFileError as error:
        assert str(error).startswith("fuzz.yaml")
        return
    findings, failures = Linter(rules=rules).lint_document(read_document(text, "x.txt"))
    assert all("timed out" in failure for failure in failures), failures
    for f in findings:
        assert text[f.offset:f.offset + f.length] == f.text


@SETTINGS
@given(any_text, suffixes)
def test_any_text_in_any_format(text, suffix):
    check_document(LINTER, text, suffix)


@SETTINGS
@given(rule_files, any_text)
def test_any_rule_file(source, text):
    check_rule_file(source, text)


def check_bytes(data: bytes) -> None:
    """Any bytes decode or are refused with InputError; what decodes writes back identically."""
    for encoding in ENCODINGS:
        try:
            text, source = decode(data, encoding)
        except InputError:
            continue
        assert source.encode(text) == data, (encoding, source)


@SETTINGS
@given(st.one_of(
    st.binary(max_size=300),
    st.builds(lambda text, codec, bom: (BOMS[codec] if bom else b"") + text.encode(codec, "replace"),
              st.text(max_size=100), st.sampled_from(sorted(BOMS)), st.booleans()),
))
def test_any_bytes_decode_or_are_refused_and_round_trip(data):
    check_bytes(data)
