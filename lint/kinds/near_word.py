"""near_word — a misspelt common word: one confusable character turned a frequent word into a
form that is rarely right (`镀格` for `镀铬`). The replacement is a suggestion (``fix`` defaults
to ``unsafe``).

The variants are data, built ahead of time by ``scripts/build_word_near.py`` from jieba's word
counts and pypinyin's readings into ``lint/data/word_near.tsv`` (see docs/typos.md): for each
frequent word, every character that reads the same or nearly the same written in its place,
kept only when the result is much more often a slip than correct text (as a word, inside a
longer word, or across a word boundary), the most frequent slips first. Each variant is a
literal of the engine's shared Aho-Corasick automaton, so finding them costs no pass of its
own; at a hit the rule looks at the two neighbouring characters: when one of them makes a
word with the variant's first or last character (`再这样`: `这样`), the variant is read across a
word boundary and the rule stays silent. A variant right after a character of ``surnames``
may be a given name and is skipped too.

Fields:
- ``words``: the project's right forms (names, brands, local place names …): a variant inside
  an occurrence of one is never reported, and a variant equal to one is dropped.
- ``pairs``: the project's own confusions, ``{wrong character: right character}``: every
  frequent word holding the right character, written with the wrong one, becomes a variant
  when the result is no word of the shipped word list (``lint/data/words.txt``, loaded only
  when ``pairs`` is set).
- ``surnames``: a string of surname characters (see above); empty turns the check off.
- ``exceptions``: literal strings, as ``words``.
Message placeholders: ``{match}``, ``{replacement}``, ``{pair}`` (``格/铬``: the written and the
right character), ``{kind}`` (``同音``, ``音近``, ``近音`` or ``易混`` for the project's pairs).

Nothing is read when the rule is loaded (``rules``, ``explain``): the data are read the first
time an engine puts the rule to work, once per process.
"""
from __future__ import annotations

from pathlib import Path

from ..findings import Match
from ..spans import covered, leftmost_longest, split_hits
from .fields import text, text_list, text_map
from .rule import FieldError, Rule

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
VARIANTS_FILE = "word_near.tsv"
WORDS_FILE = "words.txt"
PAIR_KIND = "易混"
PAIR_MIN_COUNT = 100  # a project's pair applies to right forms counted at least this often

_cache: dict[str, object] = {}


def load_variants(path: Path | None = None) -> dict[str, tuple[str, str, str, str]]:
    """variant -> (right form, kind, left neighbours, right neighbours), read once a process."""
    path = path or DATA_DIR / VARIANTS_FILE
    key = str(path)
    if key not in _cache:
        table = {}
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("#"):
                    continue
                variant, right, kind, left, after = line.rstrip("\n").split("\t")
                table[variant] = (right, kind, left, after)
        _cache[key] = table
    return _cache[key]  # type: ignore[return-value]


def load_words(path: Path | None = None) -> dict[str, int]:
    """The shipped word list (word -> count), for the project's pairs."""
    path = path or DATA_DIR / WORDS_FILE
    key = str(path)
    if key not in _cache:
        words = {}
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("#"):
                    continue
                word, number = line.split()
                words[word] = int(number)
        _cache[key] = words
    return _cache[key]  # type: ignore[return-value]


def pair_variants(pairs: dict[str, str], words: dict[str, int]) -> dict[str, tuple[str, str, str, str]]:
    """Variants made by writing each pair's wrong character into the frequent words holding its
    right character; a variant that is itself a listed word is no slip."""
    by_char: dict[str, list[str]] = {}
    for word, number in words.items():
        if number >= PAIR_MIN_COUNT:
            for ch in set(word):
                if ch in pairs.values():
                    by_char.setdefault(ch, []).append(word)
    out = {}
    for wrong, right in pairs.items():
        for word in by_char.get(right, ()):
            for i, ch in enumerate(word):
                if ch == right:
                    variant = word[:i] + wrong + word[i + 1:]
                    if variant not in words and variant not in out:
                        out[variant] = (word, PAIR_KIND, "", "")
    return out


def _pairs(value):
    value = text_map(value)
    for wrong, right in value.items():
        if len(wrong) != 1 or len(right) != 1 or wrong == right:
            raise ValueError("must map one character to another character")
    return value


class NearWord(Rule):
    KIND = "near_word"
    FIELDS = {
        "words": (text_list, []),
        "pairs": (_pairs, {}),
        "surnames": (text, ""),
        "exceptions": (text_list, []),
    }
    DEFAULT_FIX = "unsafe"
    literal_only = True

    def setup(self, words, pairs, surnames, exceptions):
        if any(len(w) < 2 for w in words):
            raise FieldError("words", "field 'words' lists forms of at least two characters")
        self.words = list(dict.fromkeys(words + exceptions))
        self.pairs = dict(pairs)
        self.surnames = frozenset(surnames)
        self._variants: list[str] | None = None
        self._info: list[tuple[str, str, str, str]] = []

    def _load(self):
        table = dict(load_variants())
        if self.pairs:
            for variant, info in pair_variants(self.pairs, load_words()).items():
                table.setdefault(variant, info)
        mine = set(self.words)
        self._variants = [v for v in table if v not in mine]
        self._info = [table[v] for v in self._variants]

    def literals(self):
        if self._variants is None:
            self._load()
        return self._variants + self.words

    def run(self, doc, hits):
        if self._variants is None:
            self._load()
        wanted, shelters = split_hits(hits, len(self._variants))
        text_ = doc.text
        size = len(text_)
        for start, end, index in leftmost_longest(wanted):
            right, kind, left, after = self._info[index]
            if start > 0 and (text_[start - 1] in left or text_[start - 1] in self.surnames):
                continue
            if end < size and text_[end] in after:
                continue
            if shelters and covered(start, end, shelters):
                continue
            if not self.in_scope(doc, start, end):
                continue
            found = text_[start:end]
            changed = next((i for i, (a, b) in enumerate(zip(found, right)) if a != b), 0)
            yield Match(
                start, end,
                self.render(match=found, replacement=right, pair=f"{found[changed]}/{right[changed]}", kind=kind),
                (right,),
            )
