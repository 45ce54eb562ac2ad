"""The rule: what every kind shares — the common header of a rule and the checking of its fields.

A kind is a subclass of `Rule` in its own module. It declares `FIELDS` (its own YAML fields:
name -> (type, default), types from `lint.kinds.fields`), may ask for literal strings to be
found by the engine's shared Aho-Corasick automaton (`literals`), and yields `Match`es from
`run`. It never sets its own id or level: the engine fills those in from the rule file and the
configuration.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..document import Document
from ..findings import LEVELS, Match
from ..prose import unwrap
from .fields import boolean, examples, nonempty_text, one_of, scope_list, text

FIX_SAFETY = ("safe", "unsafe", "none")


class FieldError(ValueError):
    """A field of a rule is wrong; `field` names it so the loader can point at its line."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


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
    # the fields holding message templates: a publication in Traditional characters gets them
    # converted (`with_messages`); what fills their placeholders is the document's own text
    MESSAGE_FIELDS: tuple[str, ...] = ("message",)

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
        self.description = unwrap(values["description"])  # wrapped lines joined as Chinese joins them
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

    def literal_weights(self):
        """None, or ((anywhere, at_start, at_end), cut) for a `literal_only` rule visited only
        when its literals weigh enough: three sequences giving, for each literal, what a hit
        of it adds anywhere, and more where it starts or ends a range of the rule's scope; the
        engine runs the rule only where the hits add up (with `range_weight`) to more than
        `cut` (a linear score's upper bound: `score`)."""
        return None

    def range_weight(self, text: str, start: int, end: int) -> float:
        """What the range text[start:end] adds to a weighted rule's hits by the strings at its
        two ends: strings that count only there are looked up there, not searched everywhere."""
        return 0.0

    def gate(self):
        """A compiled expression that finds something in the rule's scope whenever the rule
        could report anything there without literal hits, or None. The engine skips the rule
        on documents where the automaton found none of its literals and the gate finds
        nothing (a bare search costs far less than running the rule)."""
        return None

    def run(self, doc: Document, hits: list[tuple[int, int, int]]) -> Iterable[Match]:
        """Yield matches. `hits` are (literal index, start, end) of `literals()` anywhere in
        the document (not filtered by scope: exceptions may reach outside it); for a rule whose
        scope leaves out the body, only those that overlap its scope."""
        raise NotImplementedError

    # --- helpers for kinds -----------------------------------------------------------------
    def in_scope(self, doc: Document, start: int, end: int) -> bool:
        return doc.in_scope(self.scope, start, end)

    def segments(self, doc: Document) -> list[tuple[int, int]]:
        return doc.segments(self.scope)

    def render(self, **values) -> str:
        return fill(self.message, values)

    def with_options(self, values: dict) -> Rule:
        """This rule re-built from its original spec with `values` on top (checked like a
        rule file: raises `FieldError`)."""
        rule = type(self)({**self.spec, **values}, self.pack, self.path)
        rule.trusted = self.trusted
        return rule

    def with_messages(self, convert) -> Rule:
        """A copy of this rule whose message templates are `convert`ed (to Traditional
        characters for a zh-Hant publication); everything it has built is shared."""
        import copy

        rule = copy.copy(self)
        for name in self.MESSAGE_FIELDS:
            setattr(rule, name, convert(getattr(self, name)))
        return rule

    def publication_script(self) -> str | None:
        """The script the publication is written in, when this rule says (a script rule's
        ``target: zh-Hant``); None for most rules. Messages follow it."""
        return None

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


def fill(template: str, values: dict) -> str:
    """A message template with its `{placeholder}`s replaced by `values` (missing ones stay)."""
    for key, value in values.items():
        template = template.replace("{" + key + "}", str(value))
    return template
