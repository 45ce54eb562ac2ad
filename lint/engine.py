"""The engine: run the enabled rules over a document and turn their matches into findings.

It knows no particular rule. At construction it gathers the literal strings of every rule into
ONE Aho-Corasick automaton, so dictionaries of any size cost one pass over the text. For each
document it runs that automaton once, hands each rule its hits, and fills in what rules never
set themselves: id, level, path, line/column, matched text. A rule that fails (a regular
expression that times out, an internal error) is contained and reported; the others still run.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import ahocorasick_rs
import regex

from .document import Document
from .findings import Finding, Match
from .kinds import Rule
from .kinds.base import finds_any
from .suppress import apply as apply_suppressions


CHUNK_CHARS = 1 << 20


_LONE_SURROGATE = regex.compile(r"[\ud800-\udfff]")


class RuleFailure(Exception):
    """A rule could not finish on a document; the message names the rule."""


class Engine:
    def __init__(self, rules: Iterable[Rule], levels: dict[str, str] | None = None):
        self.rules = list(rules)
        self.levels = levels or {}
        self._build_automaton()
        self._gates = [rule.gate() for rule in self.rules]

    def _build_automaton(self):
        index_of: dict[str, int] = {}
        owners: list[list[tuple[int, int]]] = []
        for rule_index, rule in enumerate(self.rules):
            for literal_index, literal in enumerate(rule.literals()):
                pattern_index = index_of.setdefault(literal, len(index_of))
                if pattern_index == len(owners):
                    owners.append([])
                owners[pattern_index].append((rule_index, literal_index))
        self._owners = owners
        self._longest_literal = max(map(len, index_of), default=0)
        self._literals = list(index_of)
        # The contiguous NFA builds almost as fast as the simplest automaton (one article:
        # start-up counts) and searches about as fast as a DFA; unlike the DFA it stays
        # compact and fast with hundreds of thousands of literals (docs/performance.md).
        self._automaton = ahocorasick_rs.AhoCorasick(
            self._literals, matchkind=ahocorasick_rs.MatchKind.Standard,
            implementation=ahocorasick_rs.Implementation.ContiguousNFA,
        ) if index_of else None

    def literal_hits(self, text: str) -> dict[int, list[tuple[int, int, int]]]:
        hits: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
        if self._automaton is None:
            return hits
        owners = self._owners
        try:
            found = self._find_literals(text)
        except UnicodeEncodeError:  # lone surrogates (reachable through the API only): the
            # automaton needs valid UTF-8; U+FFFD keeps every offset where it was
            found = self._find_literals(_LONE_SURROGATE.sub("\ufffd", text))
        for pattern_index, start, end in found:
            for rule_index, literal_index in owners[pattern_index]:
                hits[rule_index].append((literal_index, start, end))
        return hits

    def _find_literals(self, text: str) -> list[tuple[int, int, int]]:
        """Overlapping automaton matches. A large text is searched in chunks (overlapping by
        the longest literal) so the automaton's own copy of the text stays small."""
        find = self._automaton.find_matches_as_indexes
        if len(text) <= CHUNK_CHARS:
            return find(text, overlapping=True)
        found = []
        overlap = self._longest_literal
        for chunk_start in range(0, len(text), CHUNK_CHARS):
            chunk_end = chunk_start + CHUNK_CHARS
            found += [(pattern_index, start + chunk_start, end + chunk_start)
                      for pattern_index, start, end in find(text[chunk_start:chunk_end + overlap], overlapping=True)
                      if start + chunk_start < chunk_end]  # matches starting in the overlap belong to the next chunk
        return found

    def lint(self, doc: Document) -> tuple[list[Finding], list[str]]:
        """Findings (sorted, deduplicated) and the failures of rules that could not finish."""
        hits = self.literal_hits(doc.text)
        findings: dict[tuple, Finding] = {}
        failures: list[str] = []
        text = doc.text
        for rule_index, rule in enumerate(self.rules):
            rule_hits = hits.get(rule_index)
            if rule_hits is None:
                if rule.literal_only:
                    continue
                rule_hits, gate = [], self._gates[rule_index]
            else:
                gate = None  # its literals were hit: it runs
            try:
                if gate is not None and not finds_any(gate, text, doc.segments(rule.scope), rule.trusted):
                    continue
                matches = list(rule.run(doc, rule_hits))
            except TimeoutError:
                failures.append(f"rule {rule.id} timed out (regular expression too slow) on {doc.path}")
                continue
            except Exception as error:  # a broken rule must not take the other rules down
                failures.append(f"rule {rule.id} failed on {doc.path}: {type(error).__name__}: {error}")
                continue
            for match in matches:
                finding = self.finding(doc, rule, match)
                findings.setdefault((finding.offset, finding.length, finding.rule), finding)
        ordered = sorted(findings.values(), key=Finding.sort_key)
        return apply_suppressions(doc, ordered, self.rules, self.levels), failures

    def finding(self, doc: Document, rule: Rule, match: Match) -> Finding:
        # positions point into the file; a fix applies only where the file has the very
        # characters the rule saw (not across a tag or an entity)
        start, end = doc.to_original(match.start, match.end)
        text = doc.original[start:end]
        line, column = doc.position(start)
        end_line, end_column = doc.position(end)
        return Finding(
            rule=rule.id,
            level=self.levels.get(rule.id, rule.level),
            message=match.message,
            path=doc.path,
            offset=start,
            length=end - start,
            text=text,
            line=line, column=column, end_line=end_line, end_column=end_column,
            replacements=list(match.replacements),
            fixable=match.fixable and bool(match.replacements)
            and (doc.source_map is None or text == doc.text[match.start:match.end]),
            link=rule.link,
        )
