"""The plain data classes (lint.records): what a dataclass gave them, kept without dataclasses."""
import copy
import pickle

import pytest

from lint.document import Credit, Document
from lint.findings import Edit, Finding, Fix, Match, Totals
from lint.settings import Settings


def a_finding(**changes):
    fields = dict(rule="typos.idiom", level="warning", message="m", path="a.txt", offset=3, length=4, text="再接再励",
                  replacements=["再接再厉"], fix=Fix((Edit(3, 4, "再接再厉", 1, 4, 1, 8),)))
    return Finding(**{**fields, **changes})


def test_equal_when_every_field_is_and_the_class_is_the_same():
    assert a_finding() == a_finding()
    assert a_finding() != a_finding(offset=4)
    assert Match(1, 2, "m") != (1, 2, "m", (), (), True)
    assert Match(1, 2, "m", edits=((1, 2, "x"),)) != Match(1, 2, "m")


def test_defaults_are_fresh_for_each_instance():
    first, second = Finding("r", "info", "m", "p", 0, 0, ""), Finding("r", "info", "m", "p", 0, 0, "")
    first.replacements.append("x")
    assert second.replacements == []
    assert Totals().levels == {"info": 0, "warning": 0, "error": 0} and Totals().levels is not Totals().levels
    assert Document("t").scopes is not Document("t").scopes


def test_frozen_records_cannot_change_and_hash_by_value():
    match = Match(1, 2, "m", ("x",), certain=False)
    with pytest.raises(AttributeError):
        match.start = 5
    with pytest.raises(AttributeError):
        del match.end
    assert hash(match) == hash(Match(1, 2, "m", ("x",), certain=False))
    assert len({Settings((), frozenset({"a"})), Settings((), frozenset({"a"}))}) == 1
    with pytest.raises(TypeError):
        hash(a_finding())  # a mutable record is not hashable


def test_replace_and_repr_name_the_fields():
    credit = Credit("author", "作者", "王某", 0, 5, 3, 5)
    moved = credit.replace(start=10, end=15)
    assert (moved.start, moved.end, moved.value, credit.start) == (10, 15, "王某", 0)
    assert repr(Match(1, 2, "m")) == "Match(start=1, end=2, message='m', replacements=(), edits=(), certain=True)"


@pytest.mark.parametrize("record", [a_finding(), Match(1, 2, "m", ("x",), edits=((1, 2, "x"),), certain=False),
                                    Credit("author", "作者", "王某", 0, 5, 3, 5), Totals(files=2)])
def test_records_survive_pickling_and_copying(record):
    # (worker processes send file reports back pickled)
    assert pickle.loads(pickle.dumps(record)) == record
    assert copy.deepcopy(record) == record and copy.copy(record) == record
