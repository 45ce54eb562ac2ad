"""confusable — a right word written in the place of another: wrong only in the context given.

For confusions where the written character or word is itself right elsewhere (`在`/`再`,
`象`/`像`, `的`/`得`): `再这之前` is wrong, `再次` is right. Each form is a literal with the
error marked, written with short alternations that are expanded when the rule is loaded; every
expanded literal goes into the engine's one shared Aho-Corasick automaton, so the text is
passed once whatever the number of forms, and the rule does work only where a form occurs.

Fields:
- `groups` (required): a list of groups, each with
  - `why` (required): why the marked form is wrong in this context, in the message's language
    (`“在”表示时间、处所`);
  - `forms` (required): literals with exactly one marked error `[wrong>right]` and any number
    of alternations `(a|b|c)` (not nested; an empty alternative is allowed), expanded to every
    combination: `[再>在](这|此)(之前|之后)` is four literals. The finding covers the marked
    characters only, and its replacement is the right form;
  - `exceptions`: literals, with alternations too; a marked error inside an occurrence of one
    is not reported (`(现|实|存)在也` keeps `现在也不` from reading as `再也不`). They are
    compared with the text around a form's hit only, not searched for: a common exception
    (`生活的`) costs nothing where no form occurs.
  - `clause` (optional): a test of the sentence around a hit, for a confusion that one literal
    cannot decide (`先把车洗干净，在打蜡`: 在 or 再 depends on the 先 before it):
    - `before`: literals (alternations allowed); a form is reported only when one of them
      stands earlier in the same sentence, at most 30 characters (CLAUSE_REACH) before the hit;
    - `unless_after`: literals; a form is not reported when one of them stands after the hit
      in the same clause, at most 30 characters on (`在回家的路上`, `在安装过程中`:
      the time or place reading);
    - `after`: literals; a form is reported only when one of them stands after the hit in the
      same sentence, at most 30 characters on (`即要……，又要……`: the second half of 既……又……).
    - `prev` / `unless_prev`: literals one of which must (none of which may) end right where
      the form starts: `(都|也|一边)` before `认真[的>地]`, not `(而|既)(都|也)`; the literal
      `^` in `prev` also passes where the form starts the text (`(^|，|。)` before `[做>作]为`);
    - `next` / `unless_next`: literals one of which must (none of which may) begin right where
      the form ends: a preposition or a verb-only word after `认真[的>地]`, not `向导`.
    All are looked at only where a form of the group occurs. `clause` may also be a list of such mappings: a form is reported
    when one of them passes.

A literal written twice in one group, a form whose correction gives another form of the rule
(the fix would be reported again), or a marker that is missing or repeated is an error. When
forms overlap, each marked error is reported once. `fix` defaults to `unsafe`: the context says
the form is wrong, a reader confirms the correction. Message placeholders: `{match}` (the
literal as written), `{replacement}` (the literal corrected), `{why}`.
"""
from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

from ..cache import digest_entry, read_cache, write_cache
from ..findings import Match
from .rule import Rule

CLAUSE_REACH = 30
# the parts of a group's `clause`, each a list of literals
CLAUSE_PARTS = ("before", "unless_after", "after", "prev", "unless_prev", "next", "unless_next")
SENTENCE_ENDS = "。！？；!?;\n"
CLAUSE_ENDS = SENTENCE_ENDS + "，,：:、"
_PART = re.compile(r"\[([^\[\]>]+)>([^\[\]>]+)\]|\(([^()]*)\)|([^\[\]()]+)")


def expand(template: str, marked: bool = True) -> list[tuple[str, int, int, str]]:
    """Every literal a template stands for: (literal, start and end of the marked error in it,
    its right form); without `marked`, a template with no marker (start = end = 0)."""
    parts, at, markers = [], 0, 0
    while at < len(template):
        found = _PART.match(template, at)
        if found is None:
            raise ValueError(f"cannot read {template!r} at {at + 1}: brackets and parentheses must pair, without nesting")
        wrong, right, choices, plain = found.groups()
        if wrong is not None:
            markers += 1
            parts.append([(wrong, right)])
        elif choices is not None:
            parts.append(choices.split("|"))
        else:
            parts.append([plain])
        at = found.end()
    if markers != (1 if marked else 0):
        raise ValueError(f"{template!r} must mark exactly one error as [wrong>right]" if marked
                         else f"{template!r}: an exception marks no error")
    literals = []
    for combination in itertools.product(*parts):
        text, start, end, right = "", 0, 0, ""
        for piece in combination:
            if isinstance(piece, tuple):
                start, end, right = len(text), len(text) + len(piece[0]), piece[1]
                text += piece[0]
            else:
                text += piece
        literals.append((text, start, end, right))
    return literals


def _groups(value) -> dict:
    """The field `groups`, checked and compiled (`_compile`); what a set of groups compiles to
    is remembered in the user cache, named by a digest of this module and the groups: compiling
    the built-in packs' ~8,000 literals cost ~60 ms of every start."""
    entry = _cache_entry(value)
    compiled = read_cache(entry) if entry is not None else None
    if not _well_formed(compiled):
        compiled = _compile(value)
        if entry is not None:
            write_cache(entry, compiled)
    return compiled


def _cache_entry(value):
    try:
        groups = json.dumps(value, ensure_ascii=False, sort_keys=True)
    except (TypeError, ValueError):
        return None  # not JSON data (a date in a user's YAML): compiled every time, checked there
    return digest_entry("confusable", Path(__file__).read_bytes(), groups.encode("utf-8", "surrogatepass"))


def _well_formed(compiled) -> bool:
    """The shape of a compiled entry (what `_compile` returns); each line of `info` and of the
    shelters is read when a hit needs it (a damaged line fails the run, which the engine reports)."""
    if not isinstance(compiled, dict) or set(compiled) != {"whys", "forms", "info", "shelters", "clauses"}:
        return False
    whys, forms, info, shelters = compiled["whys"], compiled["forms"], compiled["info"], compiled["shelters"]
    clauses = compiled["clauses"]
    if not isinstance(clauses, list) or len(clauses) != len(whys) or not all(
            clause is None or isinstance(clause, list) and clause and all(
                isinstance(choice, list) and len(choice) == len(CLAUSE_PARTS)
                and all(isinstance(part, list) and all(isinstance(item, str) and item for item in part)
                        for part in choice) for choice in clause)
            for clause in clauses):
        return False
    return (isinstance(whys, list) and whys and all(isinstance(why, str) for why in whys)
            and isinstance(forms, str) and isinstance(info, str) and forms.count("\n") == info.count("\n")
            and isinstance(shelters, list) and len(shelters) == len(whys)
            and all(isinstance(index, dict) and all(isinstance(v, str) for v in index.values()) for index in shelters))


def _compile(value) -> dict:
    """The groups as the rule runs them: `whys`; `forms`, the expanded literals, one a line;
    `info`, a line per literal: group, start and end of the error in it, right form (tabs);
    `shelters`, per group, wrong form -> lines of where it stands in an exception and the
    exception (tab); `clauses`, per group, None or a list of choices, each a list per part of
    CLAUSE_PARTS (expanded literals).
    ValueError names what is wrong."""
    if not isinstance(value, list) or not value:
        raise ValueError("must be a non-empty list of groups")
    whys, forms, info, shelters, clauses, owner = [], [], [], [], [], {}
    for number, group in enumerate(value, 1):
        if not isinstance(group, dict) or set(group) - {"why", "forms", "exceptions", "clause"}:
            raise ValueError(f"group {number}: a mapping of why, forms, exceptions and clause")
        clauses.append(_clause(group.get("clause"), number))
        why, written, exceptions = group.get("why"), group.get("forms"), group.get("exceptions") or []
        if not isinstance(why, str) or not why:
            raise ValueError(f"group {number}: `why` must be a non-empty string")
        for name, items in (("forms", written), ("exceptions", exceptions)):
            if name == "forms" and not items or not isinstance(items, list) \
                    or not all(isinstance(item, str) and item for item in items):
                raise ValueError(f"group {number}: `{name}` must be a list of non-empty strings")
        try:
            expanded = [literal for form in written for literal in expand(form)]
            sheltering = [literal for form in exceptions for literal, *_ in expand(form, marked=False)]
        except ValueError as error:
            raise ValueError(f"group {number}: {error}") from None
        seen = [literal for literal, *_ in expanded]
        if len(set(seen)) != len(seen):
            twice = sorted({literal for literal in seen if seen.count(literal) > 1})
            raise ValueError(f"group {number}: {', '.join(twice)} written twice")
        wrongs = set()
        for literal, start, end, right in expanded:
            if literal in owner:
                raise ValueError(f"writes {literal!r} in two groups")
            owner[literal] = len(whys)
            forms.append(literal)
            info.append([len(whys), start, end, right])
            wrongs.add(literal[start:end])
        whys.append(why)
        shelters.append(_shelters(sheltering, wrongs))
    longest = max(map(len, forms))
    for literal, (_, start, end, right) in zip(forms, info):
        fixed = literal[:start] + right + literal[end:]
        # a form the fix brings in overlaps the corrected characters (one that lies apart
        # from them is in the literal as written too, and is reported there on its own)
        again = [fixed[i:j] for i in range(max(0, start - longest + 1), start + len(right))
                 for j in range(max(i + 1, start + 1), min(len(fixed), i + longest) + 1) if fixed[i:j] in owner]
        if again:
            raise ValueError(f"fixing {literal!r} gives {fixed!r}, which holds the form {again[0]!r}")
    # packed as strings split when the rule is built (a few big JSON strings read back in a
    # fraction of the time of ~50,000 small values); a line of `info` or of a shelter list is
    # read only when a hit needs it
    return {"whys": whys, "forms": "\n".join(forms), "clauses": clauses,
            "info": "\n".join(f"{group}\t{start}\t{end}\t{right}" for group, start, end, right in info),
            "shelters": [{wrong: "\n".join(f"{at}\t{exception}" for exception, at in places)
                          for wrong, places in index.items()} for index in shelters]}


def _clause(value, number):
    """A group's `clause` (a mapping, or a list of mappings any one of which may pass) as a
    list of choices, each a list per part of CLAUSE_PARTS (expanded literals), or None."""
    if value is None:
        return None
    if isinstance(value, list):
        if not value:
            raise ValueError(f"group {number}: `clause` is a mapping or a non-empty list of mappings")
        return [_choice(item, number) for item in value]
    return [_choice(value, number)]


def _choice(value, number):
    if not isinstance(value, dict) or not value or set(value) - set(CLAUSE_PARTS):
        raise ValueError(f"group {number}: `clause` is a mapping of {', '.join(CLAUSE_PARTS)}")
    parts = []
    for name in CLAUSE_PARTS:
        items = value.get(name) or []
        if not isinstance(items, list) or not all(isinstance(item, str) and item for item in items):
            raise ValueError(f"group {number}: `clause.{name}` must be a list of non-empty strings")
        try:
            parts.append(sorted({literal for item in items for literal, *_ in expand(item, marked=False)}))
        except ValueError as error:
            raise ValueError(f"group {number}: clause.{name}: {error}") from None
    return parts


def _in_clause(text: str, start: int, end: int, clause) -> bool:
    """Whether the sentence around text[start:end] passes the group's clause test."""
    before, unless_after, after, prev, unless_prev, next_, unless_next = clause
    # (lists read as tuples: str.endswith/startswith try them all in C, on the text in place)
    if prev and not (text.endswith(tuple(prev), max(0, start - CLAUSE_REACH), start)
                     or (start == 0 and "^" in prev)):
        return False
    if unless_prev and text.endswith(tuple(unless_prev), max(0, start - CLAUSE_REACH), start):
        return False
    if next_ and not text.startswith(tuple(next_), end):
        return False
    if unless_next and text.startswith(tuple(unless_next), end):
        return False
    if before:
        low = max(0, start - CLAUSE_REACH)
        low = max([low] + [text.rfind(mark, low, start) + 1 for mark in SENTENCE_ENDS])
        left = text[low:start]
        if not any(literal in left for literal in before):
            return False
    if unless_after:
        high = min(len(text), end + CLAUSE_REACH)
        right = text[end:high]
        cut = min([len(right)] + [at for at in (right.find(mark) for mark in CLAUSE_ENDS) if at >= 0])
        right = right[:cut]
        if any(literal in right for literal in unless_after):
            return False
    if after:
        high = min(len(text), end + CLAUSE_REACH)
        right = text[end:high]
        cut = min([len(right)] + [at for at in (right.find(mark) for mark in SENTENCE_ENDS) if at >= 0])
        if not any(literal in right[:cut] for literal in after):
            return False
    return True


def _shelters(exceptions, wrongs) -> dict[str, list[list]]:
    """Wrong form -> [[exception, where the wrong form stands in it]]: each exception's
    substrings looked up among the group's wrong forms (a few dozen short strings), not each
    wrong form searched for in each exception (the rules load at every start)."""
    index: dict[str, list[list]] = {}
    lengths = sorted({len(wrong) for wrong in wrongs})
    for exception in dict.fromkeys(exceptions):
        for at in range(len(exception)):
            for length in lengths:
                piece = exception[at:at + length]
                if len(piece) == length and piece in wrongs:
                    index.setdefault(piece, []).append([exception, at])
    return index


class Confusable(Rule):
    KIND = "confusable"
    FIELDS = {"groups": (_groups, None)}
    REQUIRED = ("groups",)
    DEFAULT_FIX = "unsafe"
    literal_only = True

    def setup(self, groups):
        self.whys = groups["whys"]
        self.forms = groups["forms"].split("\n")
        self._info = groups["info"].split("\n")
        self._shelters = groups["shelters"]
        self.clauses = groups["clauses"]
        self._read: dict = {}  # lines of info and shelters read so far

    def form_info(self, index: int) -> tuple[int, int, int, str]:
        """(group, start and end of the error in literal `index`, its right form)."""
        key = ("info", index)
        found = self._read.get(key)
        if found is None:
            group, start, end, right = self._info[index].split("\t")
            found = self._read[key] = (int(group), int(start), int(end), right)
        return found

    def shelters(self, group: int, wrong: str) -> list[tuple[str, int]]:
        """[(exception, where `wrong` stands in it)] of the group."""
        key = ("shelters", group, wrong)
        found = self._read.get(key)
        if found is None:
            lines = self._shelters[group].get(wrong)
            found = self._read[key] = [(exception, int(at)) for at, exception in
                                       (line.split("\t", 1) for line in lines.split("\n"))] if lines else []
        return found

    def literals(self):
        return self.forms

    def with_messages(self, convert):
        rule = super().with_messages(convert)
        rule.whys = [convert(why) for why in self.whys]
        return rule

    def run(self, doc, hits):
        text = doc.text
        reported = []
        for index, start, end in sorted(hits, key=lambda h: (h[1], -h[2])):
            group, wrong_start, wrong_end, right = self.form_info(index)
            at, until = start + wrong_start, start + wrong_end
            if any(s < until and at < e for s, e in reported) or not self.in_scope(doc, at, until):
                continue
            if any(at >= offset and text.startswith(exception, at - offset)
                   for exception, offset in self.shelters(group, text[at:until])):
                continue
            clause = self.clauses[group]
            if clause is not None and not any(_in_clause(text, start, end, choice) for choice in clause):
                continue
            reported.append((at, until))
            literal = self.forms[index]
            yield Match(at, until,
                        self.render(match=literal, replacement=literal[:wrong_start] + right + literal[wrong_end:],
                                    why=self.whys[group]),
                        (right,))
