"""Records: the plain data classes a run builds (findings, documents, settings …).

Why not `dataclasses`: `@dataclass` writes each class's methods as source text and compiles
it when the module is imported, 1-2 ms a class (more with ``slots`` or ``frozen``), and a check
of one article imported 19 of them: about 6 % of its start-up (session 10). A record spells out
its ``__slots__`` (its fields, in order) and its ``__init__``; equality, ``repr`` and
``replace`` come from the field names here, as a dataclass's would.
"""
from __future__ import annotations


class Record:
    """Fields are the names in the subclass's ``__slots__``; equal when of the same class with
    equal fields. Mutable, so not hashable."""

    __slots__ = ()
    __hash__ = None  # type: ignore[assignment]

    def _values(self) -> tuple:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"

    def replace(self, **changes):
        """A copy with some fields changed (`dataclasses.replace`)."""
        return type(self)(**{**{name: getattr(self, name) for name in self.__slots__}, **changes})


class FrozenRecord(Record):
    """A record whose fields are set once, in ``__init__``: hashable, and changing a field
    raises ``AttributeError`` (a dataclass's ``frozen=True``)."""

    __slots__ = ()

    def __hash__(self) -> int:
        return hash(self._values())

    def __setattr__(self, name, value):
        raise AttributeError(f"cannot assign to field {name!r} of {type(self).__name__}: it is frozen")

    def __delattr__(self, name):
        raise AttributeError(f"cannot delete field {name!r} of {type(self).__name__}: it is frozen")

    def __reduce__(self):
        # (pickle sets fields with setattr by default; worker processes send findings back)
        return _restore, (type(self), self._values())


def _restore(cls, values):
    record = object.__new__(cls)
    for name, value in zip(cls.__slots__, values):
        object.__setattr__(record, name, value)
    return record
