"""The kinds' reference in docs/rule-format.md is generated from each kind's module docstring
(as yamllint documents its rules from theirs): one text, so the two never drift.

After editing a kind's docstring, regenerate the section with
    NEWSLINT_UPDATE_DOCS=1 python -m pytest tests/test_kind_docs.py
"""
import inspect
import os
import re
import sys

from lint.kinds import KINDS
from lint.kinds.punctuation import CHECKS
from tests.conftest import ROOT

DOC = ROOT / "docs" / "rule-format.md"
BEGIN = ("<!-- Generated from the docstring of each kind's module (lint/kinds/*.py) by "
         "tests/test_kind_docs.py: edit the docstring, then run\n"
         "     NEWSLINT_UPDATE_DOCS=1 python -m pytest tests/test_kind_docs.py -->\n")
END = "<!-- end of the generated kinds -->\n"


def kind_doc(kind) -> str:
    """A kind's section: its module docstring, whose first line is `KIND — summary`."""
    text = inspect.cleandoc(sys.modules[kind.__module__].__doc__)
    name, dash, summary = text.partition("\n")[0].partition(" — ")
    assert name == kind.KIND and dash, f"{kind.__module__}: the docstring must start with '{kind.KIND} — '"
    rest = text.partition("\n")[2]
    return f"### {kind.KIND}\n{summary[:1].upper()}{summary[1:]}\n{rest}\n"


def generated() -> str:
    return BEGIN + "\n" + "\n".join(kind_doc(kind) for kind in KINDS.values()) + "\n" + END


def test_the_kinds_in_rule_format_md_are_their_docstrings():
    text = DOC.read_text(encoding="utf-8")
    start, end = text.index(BEGIN), text.index(END) + len(END)
    if os.environ.get("NEWSLINT_UPDATE_DOCS"):
        DOC.write_text(text[:start] + generated() + text[end:], encoding="utf-8")
        text = DOC.read_text(encoding="utf-8")
        start, end = text.index(BEGIN), text.index(END) + len(END)
    assert text[start:end] == generated(), (
        "docs/rule-format.md differs from the kinds' docstrings: run "
        "NEWSLINT_UPDATE_DOCS=1 python -m pytest tests/test_kind_docs.py")


def test_each_kind_documents_every_field_and_punctuation_every_check():
    for kind in KINDS.values():
        doc = kind_doc(kind)
        missing = [name for name in kind.FIELDS if f"`{name}" not in doc]
        assert not missing, f"{kind.KIND}: fields not documented: {missing}"
        placeholders = set(re.findall(r"\{(\w+)\}", doc))
        assert placeholders, f"{kind.KIND}: message placeholders not documented"
    doc = kind_doc(KINDS["punctuation"])
    assert [name for name in CHECKS if f"- `{name}`" not in doc] == []
