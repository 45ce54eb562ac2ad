"""The engine: run rules over a document and turn their matches into findings.

It knows no particular rule. It is built once per rule set: at construction it gathers the
literal strings of every rule that reads the body into ONE Aho-Corasick automaton, so
dictionaries of any size cost one pass over the text (the literals of rules that never read the
body, the headline rules, are a second automaton searched only around their scopes). The body
automaton also holds what the `.txt` reader looks for (`lint.readers.text.search_literals`:
where credits may start, where a URL may be): a `.txt` reader given `credit_starts` takes them
from the same pass, which is kept for the next `lint`. For each
document it is told which rules run and at what level (`lint.settings.Settings`), runs the
automata once, hands each running rule its hits, and
fills in what rules never set themselves: id, level, path, line/column, matched text, and the
fix with its applicability (decided here and nowhere else). A rule that fails (a regular
expression that times out, an internal error) is contained and reported; the others still run.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import accumulate, chain, repeat
from operator import itemgetter

import ahocorasick_rs

from . import budget, patterns
from .readers.text import search_literals
from .document import Document
from .findings import Edit, Finding, Fix, Match
from .kinds import Rule
from .kinds.search import finds_any
from .suppress import apply as apply_suppressions


CHUNK_CHARS = 1 << 20
_first = itemgetter(0)




# the owner of the literals the .txt reader asks for (`lint.readers.text.search_literals`: where
# credits may start, and URLs) in the body automaton's hits: no rule
CREDIT_STARTS = -1

# a rule's `fix` field -> the applicability of its replacements
APPLICABILITY = {"safe": "safe", "unsafe": "unsafe", "none": "display"}


class Engine:
    def __init__(self, rules: Iterable[Rule]):
        self.rules = list(rules)
        self._build_automaton()
        self._gates = [rule.gate() for rule in self.rules]
        self._weighted = {index: _Weights(*weights) for index, rule in enumerate(self.rules)
                          if rule.literal_only and (weights := rule.literal_weights()) is not None}
        # rules that never look at the body (headline, byline, meta): their literals are hit
        # all over the body too (a headline rule's anchors are common words), and running such
        # a rule to throw those hits away cost more than the rest of the headline pack
        self._narrow = ["body" not in rule.scope for rule in self.rules]
        self.ids = frozenset(rule.id for rule in self.rules)
        self._visits: dict[frozenset, tuple[list[int], frozenset, list[Rule]]] = {}
        self._searched: tuple[str, dict] | None = None  # the last `credit_starts` text, its body hits

    def _rules_to_visit(self, enabled: frozenset) -> tuple[list[int], frozenset, list[Rule]]:
        """(the enabled rules that run on every document, the enabled rules that run only
        where their literals were hit, by index; the enabled rules). Most rules are of the
        second kind and most documents hit few of them: visiting only those hit saves a loop
        over every rule for every document."""
        visits = self._visits.get(enabled)
        if visits is None:
            chosen = [index for index, rule in enumerate(self.rules) if rule.id in enabled]
            visits = self._visits[enabled] = (
                [index for index in chosen if not self.rules[index].literal_only],
                frozenset(index for index in chosen if self.rules[index].literal_only),
                [self.rules[index] for index in chosen],
            )
        return visits

    def _build_automaton(self):
        # Two automata: the literals of rules that read the body, searched over the whole text,
        # and those of rules that never do (the headline rules), searched only in and around
        # their scopes. A headline rule's literals are common words and marks (？ ！ 的人): in
        # one automaton they were hit ~1,300 times per MB of body text, hits handed out, their
        # rules visited and the hits thrown away.
        narrow = {index for index, rule in enumerate(self.rules) if "body" not in rule.scope}
        # the body automaton also finds where credits may start: the reader of a .txt file gets
        # them from the pass made anyway instead of a scan of its own (`credit_starts`)
        self._body_literals = _Literals(self.rules, [i for i in range(len(self.rules)) if i not in narrow],
                                        search_literals())
        self._narrow_literals = _Literals(self.rules, sorted(narrow))
        with_literals = set(self._narrow_literals.rule_of)
        self._narrow_scopes = tuple(sorted({name for i in with_literals for name in self.rules[i].scope}))

    def literal_hits(self, text: str, narrow_segments=None) -> dict[int, list[tuple[int, int, int]]]:
        """{rule index: [(literal index, start, end)]}: the rules' literals found in text. Those
        of rules that never read the body only in and around `narrow_segments` (sorted, not
        overlapping; by default everywhere): every hit that overlaps one of them."""
        searched, self._searched = self._searched, None
        hits = searched[1] if searched is not None and searched[0] is text else self._body_hits(text)
        narrow = self._narrow_literals
        if narrow.automaton is None:
            return hits
        if narrow_segments is None:
            narrow.add_hits(hits, text, 0, len(text))
            return hits
        reach, size, find, rfind = narrow.longest - 1, len(text), text.find, text.rfind
        window_start = window_end = 0
        for first, last in narrow_segments:
            start, end = max(0, first - reach), min(size, last + reach)
            if narrow.one_line:  # a hit holds no line break: it never reaches past one
                start = rfind("\n", start, first) + 1 or start
                line_end = find("\n", last, end)
                end = end if line_end < 0 else line_end
            if start > window_end:  # windows that meet are searched as one
                if window_end > window_start:
                    narrow.add_hits(hits, text, window_start, window_end)
                window_start = start
            window_end = max(window_end, end)
        if window_end > window_start:
            narrow.add_hits(hits, text, window_start, window_end)
        return hits

    def _body_hits(self, text: str) -> dict[int, list[tuple[int, int, int]]]:
        hits: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
        self._body_literals.add_hits(hits, text, 0, len(text))
        return hits

    def credit_starts(self, text: str) -> list[tuple[int, int, int]]:
        """Where the literals of `lint.readers.text.search_literals()` occur in text (credit
        starts for `find_credits`, then where a URL may be), found by the body automaton. Its
        other hits are kept for the next `literal_hits` of the same text, so reading and linting
        a document search it once."""
        hits = self._body_hits(text)
        self._searched = (text, hits)
        return hits.get(CREDIT_STARTS, [])

    def _weighs_enough(self, index: int, rule_hits, doc: Document) -> bool:
        """Whether a weighted rule's hits add up to more than its cut (`Rule.literal_weights`):
        most headlines hold a few light n-grams of a model and are not worth a visit. What
        the hits add anywhere is summed in C; what they add where a range starts or ends is
        looked at only when that sum is not enough (hits outside the scope count: a bound)."""
        weights = self._weighted[index]
        total = sum(map(weights.anywhere.__getitem__, map(_first, rule_hits)))
        if total > weights.cut:
            return True
        rule, text = self.rules[index], doc.text
        for first, last in doc.segments(rule.scope):
            total += rule.range_weight(text, first, last)
            for literal, start, end in rule_hits:
                if start == first:
                    total += weights.at_start[literal]
                if end == last:
                    total += weights.at_end[literal]
        return total > weights.cut

    def lint(self, doc: Document, settings=None) -> tuple[list[Finding], list[str]]:
        """Findings (sorted, deduplicated) and the failures of rules that could not finish.
        `settings` (`lint.settings.Settings`) names the rules that run and their levels; by
        default every rule of the engine runs at its own level."""
        enabled = self.ids if settings is None else settings.enabled
        levels = {} if settings is None else settings.level_map()
        text = doc.text
        hits = self.literal_hits(text, doc.segments(self._narrow_scopes))
        findings: dict[tuple, Finding] = {}
        failures: list[str] = []
        every_document, where_hit, running = self._rules_to_visit(enabled)
        hit = [index for index in hits if index in where_hit]
        if self._weighted and hit:
            hit = [index for index in hit if index not in self._weighted or self._weighs_enough(index, hits[index], doc)]
        rules, narrow, gates, segments = self.rules, self._narrow, self._gates, doc.segments
        for rule_index in sorted(every_document + hit) if hit else every_document:
            rule = rules[rule_index]
            rule_hits = hits.get(rule_index)
            if rule_hits is not None and narrow[rule_index]:
                rule_hits = _overlapping(rule_hits, segments(rule.scope))
            if rule_hits is None:
                if rule.literal_only:
                    continue
                rule_hits, gate = [], gates[rule_index]
            else:
                gate = None  # its literals were hit: it runs
            try:
                if not rule.trusted:  # a user's rule runs under its time budget on this file
                    matches = run_on_budget(rule, gate, doc, rule_hits)
                elif gate is not None and not finds_any(gate, text, segments(rule.scope), True):
                    continue
                else:
                    matches = rule.run(doc, rule_hits)
                    if matches.__class__ is not tuple and matches.__class__ is not list:
                        matches = list(matches)  # (a generator; the every-document checks' plain ())
            except budget.BudgetSpent:
                failures.append(f"rule {rule.id} timed out on {doc.path}: stopped after its "
                                f"{budget.RULE_BUDGET_SECONDS:g} s per file (regular expression too slow)")
                continue
            except TimeoutError:
                failures.append(f"rule {rule.id} timed out (regular expression too slow) on {doc.path}")
                continue
            except Exception as error:  # a broken rule must not take the other rules down
                failures.append(f"rule {rule.id} failed on {doc.path}: {type(error).__name__}: {error}")
                continue
            if matches:
                level = levels.get(rule.id, rule.level)
                for match in matches:
                    finding = finding_of(doc, rule, match, level)
                    findings.setdefault((finding.offset, finding.length, finding.rule), finding)
        ordered = sorted(findings.values(), key=Finding.sort_key)
        return apply_suppressions(doc, ordered, running, levels), failures


class _Weights:
    """A weighted rule's literal weights (`Rule.literal_weights`), by where a hit stands."""

    def __init__(self, weights, cut):
        self.anywhere, self.at_start, self.at_end = weights
        self.cut = cut


def run_on_budget(rule: Rule, gate, doc: Document, hits) -> list[Match]:
    """A user's rule's matches on `doc`, its gate included, within its wall-clock budget
    per file (`lint.budget`): `BudgetSpent` when it runs out."""
    with budget.RuleBudget() as clock:
        try:
            if gate is not None and not finds_any(gate, doc.text, doc.segments(rule.scope), False):
                return []
            matches = []
            for match in rule.run(doc, hits):
                matches.append(match)
                clock.check()
            return matches
        except TimeoutError:  # a search's limit is never more than what is left of the budget
            raise budget.BudgetSpent() from None


class _Literals:
    """The literals of some of the rules in one Aho-Corasick automaton, and their owners."""

    def __init__(self, rules, rule_indexes, credit_literals=()):
        owned = [(rule_index, rules[rule_index].literals()) for rule_index in rule_indexes]
        owned = [(rule_index, literals) for rule_index, literals in owned + [(CREDIT_STARTS, credit_literals)]
                 if literals]
        # Every rule's literals are patterns of their own, a literal two rules share included
        # (the automaton reports each): a pattern's owner and its index among the owner's
        # literals are then two list look-ups, built in C. Sharing patterns needed a Python
        # loop over the ~30,000 literals at every start (~30 ms of one article's run).
        self.literals = list(chain.from_iterable(literals for _, literals in owned))
        self.rule_of = list(chain.from_iterable(repeat(rule_index, len(literals)) for rule_index, literals in owned))
        firsts = accumulate((len(literals) for _, literals in owned), initial=0)
        self.first_of = list(chain.from_iterable(repeat(first, len(literals)) for first, (_, literals) in zip(firsts, owned)))
        self.longest = max(map(len, self.literals), default=0)
        # no literal holds a line break: a hit overlapping a one-line range lies on its line
        self.one_line = not any("\n" in literal for literal in self.literals)
        # The contiguous NFA builds almost as fast as the simplest automaton (one article:
        # start-up counts) and searches about as fast as a DFA; unlike the DFA it stays
        # compact and fast with hundreds of thousands of literals (docs/performance.md).
        self.automaton = ahocorasick_rs.AhoCorasick(
            self.literals, matchkind=ahocorasick_rs.MatchKind.Standard,
            implementation=ahocorasick_rs.Implementation.ContiguousNFA,
        ) if self.literals else None

    def add_hits(self, hits, text: str, start: int, end: int) -> None:
        """Add the literals found in text[start:end] to `hits`, by owner."""
        if self.automaton is None:
            return
        rule_of, first_of = self.rule_of, self.first_of
        if (start > 0 or end < len(text)) and end - start <= CHUNK_CHARS:
            # a window (the headline's): searched as a slice, its offsets shifted here
            window = text[start:end]
            try:
                found = self.automaton.find_matches_as_indexes(window, overlapping=True)
            except UnicodeEncodeError:  # (lone surrogates: as below)
                found = self.automaton.find_matches_as_indexes(
                    patterns.LONE_SURROGATE.sub("\ufffd", window), overlapping=True)
            for pattern_index, first, last in found:
                hits[rule_of[pattern_index]].append((pattern_index - first_of[pattern_index], first + start, last + start))
            return
        try:
            found = self._find(text, start, end)
        except UnicodeEncodeError:  # lone surrogates (reachable through the API only): the
            # automaton needs valid UTF-8; U+FFFD keeps every offset where it was
            found = self._find(patterns.LONE_SURROGATE.sub("\ufffd", text), start, end)
        for pattern_index, first, last in found:
            hits[rule_of[pattern_index]].append((pattern_index - first_of[pattern_index], first, last))

    def _find(self, text: str, start: int, end: int) -> list[tuple[int, int, int]]:
        """Overlapping automaton matches in text[start:end]. A large text is searched in chunks
        (overlapping by the longest literal) so the automaton's own copy of the text stays small."""
        find = self.automaton.find_matches_as_indexes
        if end - start <= CHUNK_CHARS:
            if start == 0 and end == len(text):
                return find(text, overlapping=True)
            return [(pattern_index, first + start, last + start)
                    for pattern_index, first, last in find(text[start:end], overlapping=True)]
        found = []
        for chunk_start in range(start, end, CHUNK_CHARS):
            chunk_end = min(chunk_start + CHUNK_CHARS, end)
            found += [(pattern_index, first + chunk_start, last + chunk_start)
                      for pattern_index, first, last in find(text[chunk_start:min(chunk_end + self.longest, end)], overlapping=True)
                      if first + chunk_start < chunk_end]  # matches starting in the overlap belong to the next chunk
        return found


def _overlapping(hits, segments):
    """The hits that overlap one of the segments (None when none does): a rule that does not
    look at the body gets the hits of its scope and of exceptions reaching into it."""
    if len(segments) == 1:
        (first, last), = segments
        kept = [hit for hit in hits if hit[2] > first and hit[1] < last]
    else:
        kept = [hit for hit in hits if any(hit[2] > first and hit[1] < last for first, last in segments)]
    return kept or None


def finding_of(doc: Document, rule: Rule, match: Match, level: str) -> Finding:
    """A rule's match as a finding: positions in the file (line and column in characters)."""
    start, end = doc.to_original(match.start, match.end)
    line, column = doc.position(start)
    end_line, end_column = doc.position(end)
    return Finding(rule.id, level, match.message, doc.path, start, end - start, doc.original[start:end],
                   line, column, end_line, end_column, list(match.replacements),
                   fix_of(doc, rule, match) if match.replacements else None, rule.link)


def fix_of(doc: Document, rule: Rule, match: Match) -> Fix | None:
    """The fix of a match and its applicability: the one place that decides it. The rule's
    ``fix`` field sets the ceiling; a replacement the kind calls uncertain is unsafe at most;
    an edit over characters the file does not hold as the rule saw them (a tag or an entity
    inside the span) is display-only, so fixes never touch markup."""
    if not match.replacements:
        return None
    applicability = APPLICABILITY[rule.fix]
    if not match.certain and applicability == "safe":
        applicability = "unsafe"
    edits = []
    for start, end, content in match.edits or ((match.start, match.end, match.replacements[0]),):
        file_start, file_end = doc.to_original(start, end)
        if doc.source_map is not None and doc.original[file_start:file_end] != doc.text[start:end]:
            applicability = "display"
        edits.append(Edit(content=content, **doc.span(file_start, file_end)))
    return Fix(tuple(edits), applicability)
