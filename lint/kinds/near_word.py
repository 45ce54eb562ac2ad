"""near_word — a misspelt common word: one confusable character turned a frequent word into
something that is no word where it stands (`提搞` for `提高`). The replacement is a
suggestion (``fix`` defaults to ``unsafe``).

Candidates are made at run time, only where the text looks wrong, so no list of wrong forms
caps what the rule can find:

1. *Orphans.* In each run of Han characters, every character that no word of the word list
   (``lint/data/words.txt``: jieba's words of 2-4 characters counted at least 5 times) covers
   where it stands is an orphan. Correct text is mostly covered; a slip inside a word leaves
   its characters uncovered (`提|搞`).
2. *Candidates.* At an orphan that is no particle (的, 地, 了, 着), each window of
   2-4 characters holding it (and at least ``orphans`` orphans) is looked up among the frequent
   words (list entries marked ``r``: counted at least 20 times, no names, places, idioms or
   numerals; and ``n``: words of 2-3 characters jieba tags as names, places, times or
   abbreviations, often wrongly, `明白` nr, `美丽` ns, judged with a higher bar, step 4) that
   differ from the window only there; the word's character must be confusable with the
   written one (`lint.spelling.confusion`: same or near reading, similar
   shape, or the project's ``pairs``).
3. *Gates.* Silent when the written window is a word of the lexicon counted at least
   ``known`` times, right after a common surname (``surnames``: a given name), when the
   written character is rare (chosen, not mistyped) or only Traditional text uses it (the
   script pack reports those), inside a short quoted phrase or title (wordplay, names), and
   when it overlaps a project's ``words``.
4. *Score.* The run around the window (``context`` characters each side) is segmented as
   written and with the word put in, first with jieba's unigram model
   (`lint.spelling.lexicon`): the gain (100 × ln of the probability ratio) must reach
   ``unigram`` (a cheap first test); then with the word bigram model
   (`lint.spelling.context`: does the word fit its neighbours?), whose gain must reach the
   threshold of the kind of confusion (NAMED_MARGIN, 200, more for a name-tagged form). The
   gains get +300 (unigram) and +500 (context) when the written character is the Traditional
   form of the right one, -200 for each further orphan among the three characters each side (names, transliterations, classical Chinese); the context gain -400 when the
   written form occurs again within 20,000 characters. The best candidate of overlapping
   windows wins.

Cost: three set look-ups per Han character, a few dictionary look-ups per orphan, two
unigram segmentations of ~10 characters per candidate that a cheap estimate lets through and
two bigram segmentations per candidate that passes ``unigram``; linear in the length of a
run. The word list and the lexicon are read the first time the rule runs, the context model
the first time a candidate passes ``unigram``.

Fields:
- ``words``: the project's right forms (names, brands, local place names …): a window
  overlapping an occurrence of one is never reported.
- ``pairs``: the project's own confusions, ``{written character: right character}`` (kind
  ``custom``).
- ``surnames``: a string of surname characters (see above); empty turns the check off.
- ``thresholds``: context gain needed per kind of confusion (``same-reading`` 1300,
  ``near-reading`` 1400, ``shape`` 1400, ``custom`` 1300); a kind left out keeps its default.
- ``unigram`` (default 300): unigram gain needed before the context model is asked.
- ``orphans`` (default 1): orphans a window must hold to be looked at (2: only windows where
  the slip also orphaned a neighbour; cheaper, finds less).
- ``context`` (default 4): characters each side that the segmentation sees.
- ``known`` (default 10): a written window jieba counts at least this often is a word.
- ``exceptions``: literal strings, as ``words``.
Message placeholders: ``{match}``, ``{replacement}``, ``{pair}`` (``涨/长``: the written and the
right character), ``{kind}`` (``同音``, ``音近``, ``形近``, ``易混`` …).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..cache import digest_entry, read_cache, whole_numbers, write_cache
from ..findings import Match
from ..spelling import confusion
from .fields import count, count_map, text, text_list, text_map
from .rule import Rule

DATA = Path(__file__).resolve().parents[1] / "data" / "words.txt"
DEFAULT_THRESHOLDS = {   # the context gain needed (see `judge_run`)
    confusion.SAME_READING: 1300,
    confusion.NEAR_READING: 1400,
    confusion.SHAPE: 1400,
    confusion.CUSTOM: 1300,
}
DEFAULT_UNIGRAM = 300     # the unigram gain a candidate needs before the context model is asked
TRADITIONAL_BONUS = 300  # the written character is the Traditional form of the right one
CONTEXT_TRADITIONAL_BONUS = 500  # the same, for the context gain (on LEMON's tuned domains such
                                 # candidates that pass the unigram test were all real slips)
CROWD_PENALTY = 200      # per orphan beyond the first among the 3 characters each side
CROWD_REACH = 3
REPEAT_PENALTY = 400     # the written form occurs again in the document: probably meant
REPEAT_REACH = 20_000    # characters each side searched for it (an article; keeps the cost linear)
MIN_CHAR_USE = 300       # a written character used less in the list's words is no typing slip
BUSY_COST = 600          # single-character words this frequent are function words (function_characters)
SKIPPED_PARTICLES = frozenset("的地了着")  # of those, never taken for a slip's written character:
                         # 的/地/得 are typos.particle's; 着 for 著 is a recorded variant (着作权 is a
                         # typos.word entry); the others (到, 和, 为, 也, 说 …: 毕也生, 说士) are judged
                         # (session 13: +3 lines of the spent blind sets, nothing on correct text)
ESTIMATE_MARGIN = 500    # how far the real gain may exceed the estimate (context)
NAMED_MARGIN = 200       # more context gain for a right form jieba tags as a name, place, time …
                         # (words.txt `n`: its tags are often wrong for common words, 明白 nr, 美丽 ns)
QUOTE_REACH = 8          # a window inside a quoted phrase or title this short is taken as meant
GAP = "\x00"
_CUT = {length: re.compile(f".{{{length}}}", re.DOTALL) for length in (2, 3, 4)}  # words of one length, joined
HAN_RUN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]{2,}")


@lru_cache(maxsize=1)
def word_list() -> tuple[frozenset, frozenset, frozenset, dict[str, int], frozenset]:
    """(words of 2, 3 and 4 characters, {right form: count}, the characters used in words
    counted MIN_CHAR_USE times together), read once a process."""
    return _tables()["words"]


@lru_cache(maxsize=1)
def named_forms() -> frozenset:
    """The right forms judged with NAMED_MARGIN more (words.txt `n`)."""
    return _tables()["named"]


@lru_cache(maxsize=1)
def gap_index() -> dict[str, str]:
    """{a right form with one character replaced by GAP: the characters that fill the gap to
    make a right form} (the form is the key with GAP replaced by one of them)."""
    return _tables()["gaps"]


@lru_cache(maxsize=1)
def function_characters() -> frozenset:
    """The characters most used as words of their own (的, 了, 是, 在 …: jieba's single-character
    words of cost at most BUSY_COST): never taken for the wrong character of a slip (they
    stand alone everywhere, and a slip of one makes a word on its own rarely)."""
    return _tables()["busy"]


@lru_cache(maxsize=1)
def _tables() -> dict:
    """The rule's tables, from the user cache or built (and then remembered there): building
    them from words.txt and the lexicon is ~0.3 s, most of the first lint that reaches the
    rule; the cache's compact form is read in ~0.05 s. The entry's name holds a digest of this
    module and both data files, so a changed input is a new entry."""
    from ..spelling import lexicon

    entry = digest_entry("words", Path(__file__).read_bytes(), DATA.read_bytes(), lexicon.DATA.read_bytes())
    tables = _decode(read_cache(entry))
    if tables is None:
        tables = _build_tables()
        if entry is not None:
            write_cache(entry, _encode(tables))
    return tables


def _build_tables() -> dict:
    from ..spelling.lexicon import words as lexicon

    with open(DATA, encoding="utf-8") as handle:
        lines = [line for line in handle.read().splitlines() if not line.startswith("#")]
    # one split for all the fields (word, count, use) instead of one list per line
    fields = "\t".join(lines).split("\t")
    words, numbers, uses = fields[0::3], list(map(int, fields[1::3])), fields[2::3]
    right = {word: number for word, number, use in zip(words, numbers, uses) if use in ("r", "n")}
    named = frozenset(word for word, use in zip(words, uses) if use == "n")
    # a word counted MIN_CHAR_USE times makes its characters common at once; only words with
    # a character not yet common are summed, character by character
    common = set("".join(word for word, number in zip(words, numbers) if number >= MIN_CHAR_USE))
    use_of: dict[str, int] = {}
    for word, number in zip(words, numbers):
        if number < MIN_CHAR_USE and not common.issuperset(word):
            for ch in word:
                use_of[ch] = use_of.get(ch, 0) + number
    common.update(ch for ch, number in use_of.items() if number >= MIN_CHAR_USE)
    twos, threes, fours = (frozenset(word for word in words if len(word) == length) for length in (2, 3, 4))
    gaps: dict[str, str] = {}
    for word in right:
        for i in range(len(word)):
            key = word[:i] + GAP + word[i + 1:]
            gaps[key] = gaps.get(key, "") + word[i]
    in_words = set("".join(twos))
    busy = frozenset(word for word in lexicon().cheaper_than(BUSY_COST) if word in in_words)
    return {"words": (twos, threes, fours, right, frozenset(common)), "gaps": gaps, "busy": busy,
            "named": named}


def _encode(tables: dict) -> dict:
    """The tables as the cache keeps them: the words of each length as one string, the rest as
    JSON reads them in C (objects of numbers and strings)."""
    twos, threes, fours, right, common = tables["words"]
    return {"twos": "".join(sorted(twos)), "threes": "".join(sorted(threes)), "fours": "".join(sorted(fours)),
            "right": right, "common": "".join(sorted(common)), "gaps": tables["gaps"],
            "busy": "".join(sorted(tables["busy"])), "named": "\t".join(sorted(tables["named"]))}


def _decode(data) -> dict | None:
    """The tables from the cache's form (`_encode`), or None when the entry is missing or not
    well formed (then they are built again)."""
    try:
        by_length = []
        for length, key in ((2, "twos"), (3, "threes"), (4, "fours")):
            joined = data[key]
            if not isinstance(joined, str) or len(joined) % length:
                return None
            by_length.append(frozenset(_CUT[length].findall(joined)))
        right, gaps, common, busy = data["right"], data["gaps"], data["common"], data["busy"]
        named = data["named"]
        # (checked in C: whole numbers by their sum, strings by joining them)
        if not (isinstance(right, dict) and isinstance(gaps, dict) and isinstance(common, str)
                and isinstance(busy, str) and isinstance(named, str) and whole_numbers(right.values())
                and isinstance("".join(gaps.values()), str)):
            return None
    except (TypeError, KeyError):
        return None
    return {"words": (*by_length, right, frozenset(common)), "gaps": gaps, "busy": frozenset(busy),
            "named": frozenset(named.split("\t")) if named else frozenset()}


def orphans(run: str, twos, threes, fours) -> list[int]:
    """Positions of `run` that no listed word covers."""
    n = len(run)
    cover = bytearray(n)
    for i in range(n - 1):
        if run[i:i + 2] in twos:
            cover[i] = cover[i + 1] = 1
        if run[i:i + 3] in threes:
            cover[i:i + 3] = b"\x01" * len(run[i:i + 3])
        if run[i:i + 4] in fours:
            cover[i:i + 4] = b"\x01" * len(run[i:i + 4])
    return [i for i in range(n) if not cover[i]]




@lru_cache(maxsize=4096)
def _traditional(ch: str) -> str:
    """The Simplified form OpenCC gives `ch` alone (`ch` itself when it has none)."""
    return _t2s().convert(ch)


def _script_word(run: str, position: int) -> bool:
    """Whether the script pack's word table reads the character at `position` as a word
    written the Traditional way (`终於`, `随著`): script.traditional reports it."""
    from ..script_words import WordTable

    return WordTable.get().lookup(run, position, 0, len(run)) is not None


@lru_cache(maxsize=1)
def _traditional_only() -> frozenset:
    """The characters only Traditional text uses (the script pack's table, cached)."""
    from ..opencc_tables import flagged_characters

    return frozenset(flagged_characters("trad"))


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


_OPENING = "“‘「『《\"'"
_CLOSING = "”’」』》\"'"


def _quoted(text: str, start: int, end: int) -> bool:
    """The span lies inside a quoted phrase or a title of at most QUOTE_REACH characters each
    side (“十年磨一X”: wordplay, a name or a term, meant as written)."""
    before = text[max(0, start - QUOTE_REACH):start]
    after = text[end:end + QUOTE_REACH]
    opening = max(before.rfind(ch) for ch in _OPENING)
    if opening < 0 or any(ch in before[opening + 1:] for ch in _CLOSING):
        return False
    closing = [after.find(ch) for ch in _CLOSING if ch in after]
    return bool(closing) and not any(ch in after[:min(closing)] for ch in _OPENING)


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
        "thresholds": (count_map(DEFAULT_THRESHOLDS, "kinds of confusion"), {}),
        "context": (count, 4),
        "known": (count, 10),
        "unigram": (count, DEFAULT_UNIGRAM),
        "orphans": (count, 1),
        "exceptions": (text_list, []),
    }
    DEFAULT_FIX = "unsafe"

    def setup(self, words, pairs, surnames, thresholds, context, known, unigram, orphans, exceptions):
        self.shelter_literals = list(dict.fromkeys(list(words) + list(exceptions)))
        self.pairs = dict(pairs)
        self.surnames = frozenset(surnames)
        self.thresholds = {**DEFAULT_THRESHOLDS, **thresholds}
        self.context = context
        self.known = known
        self.unigram = unigram
        self.min_orphans = max(1, orphans)
        self._confusions = None
        self.trace = None  # a list to append candidate features to (tuning)

    def literals(self):
        return self.shelter_literals

    def confusions(self) -> confusion.ConfusionSet:
        if self._confusions is None:
            self._confusions = (confusion.ConfusionSet(self.pairs.items()) if self.pairs
                                else confusion.default())
        return self._confusions

    def run(self, doc, hits):
        shelters = sorted((start, end) for _, start, end in hits)
        text_ = doc.text
        for seg_start, seg_end in self.segments(doc):
            for found in HAN_RUN.finditer(text_, seg_start, seg_end):
                for start, end, form, position, kinds in self.judge_run(found.group(), found.start(), text_):
                    if any(s < end and start < e for s, e in shelters):
                        continue
                    window = text_[start:end]
                    yield Match(
                        start, end,
                        self.render(match=window, replacement=form, pair=f"{window[position]}/{form[position]}",
                                    kind=confusion.describe(kinds)),
                        (form,),
                    )

    def judge_run(self, run: str, offset: int = 0, document: str | None = None):
        """(start, end, right form, changed position, kinds) of each finding in a run of Han
        characters (positions offset by `offset`); `document`, the whole text, tells whether
        the written form occurs more than once."""
        twos, threes, fours, _, common = word_list()
        lonely = orphans(run, twos, threes, fours)
        if not lonely:
            return
        index = gap_index()
        confusions = self.confusions()
        candidates = []
        n = len(run)
        # orphans before each position, to count the orphans of any span in two look-ups
        before = [0] * (n + 1)
        for i in lonely:
            before[i + 1] = 1
        for i in range(n):
            before[i + 1] += before[i]
        busy = function_characters() & SKIPPED_PARTICLES
        named = named_forms()
        for i in lonely:
            ch = run[i]
            if ch in busy:
                continue
            near = None
            for length in (2, 3, 4):
                for s in range(max(0, i - length + 1), min(i, n - length) + 1):
                    # a slip leaves characters of the window orphaned (the one written
                    # wrong, and often a neighbour that lost its word)
                    if before[s + length] - before[s] < self.min_orphans:
                        continue
                    gapped = run[s:i] + GAP + run[i + 1:s + length]
                    fills = index.get(gapped)
                    if not fills:
                        continue
                    if near is None:
                        near = confusions.candidates(ch)
                    if near.keys().isdisjoint(fills):  # in C (fills: a character or two)
                        continue
                    for fill in fills:
                        if fill in near:
                            candidates.append((s, s + length, gapped.replace(GAP, fill), i - s))
        if not candidates:
            return
        from ..spelling.lexicon import words

        lexicon = words()
        known_cost = lexicon.cost_of_count(self.known)
        scored = []
        unknown = lexicon.unknown
        lowest = self.unigram - ESTIMATE_MARGIN - TRADITIONAL_BONUS
        context_model = None
        single: dict[str, int] = {}
        written_costs: dict[tuple[int, int], int] = {}
        context_costs: dict[tuple[int, int], int] = {}
        for s, e, form, position in candidates:
            window = run[s:e]
            # a cheap estimate first: the window's characters as words of their own against
            # the right form (the segmentations below cost ~50 times more)
            estimate = -lexicon.cost(form)
            for ch in window:
                cost = single.get(ch)
                if cost is None:
                    cost = single[ch] = lexicon.cost(ch) or unknown
                estimate += cost
            if estimate < lowest:
                continue
            written_cost = lexicon.cost(window)
            if written_cost is not None and written_cost <= known_cost:
                continue
            if s > 0 and run[s - 1] in self.surnames and not (
                    run[s - 2:s] in twos or run[s - 3:s] in threes or run[s - 4:s] in fours):
                continue  # a given name (not when the surname character ends a word: 提高|效率)
            traditional = _traditional(window[position]) == form[position]
            if traditional and (window[position] in _traditional_only() or _script_word(run, s + position)):
                continue  # script.traditional reports it (one finding per error)
            if window[position] not in common and not traditional:
                continue  # a rare character is chosen, not mistyped (勠力, 磅礴's 礴 aside)
            left = run[max(0, s - self.context):s]
            right = run[e:e + self.context]
            # the text as written is the same for every form proposed for this window
            written = written_costs.get((s, e))
            if written is None:
                written = written_costs[s, e] = lexicon.segment(left + window + right)[0]
            fixed, _ = lexicon.segment(left + form + right)
            adjust = TRADITIONAL_BONUS if traditional else 0
            crowd = before[s] - before[max(0, s - CROWD_REACH)] + before[min(n, e + CROWD_REACH)] - before[e]
            adjust -= CROWD_PENALTY * max(0, crowd - 1)
            unigram_gain = written - fixed + adjust
            kinds = confusions.kinds(window[position], form[position])
            if not kinds:
                continue
            threshold = min(self.thresholds[kind] for kind in kinds)
            if form in named:
                threshold += NAMED_MARGIN
            gain = None
            if unigram_gain >= self.unigram:
                # the word bigram model: does the right form fit its neighbours better?
                if context_model is None:
                    from ..spelling.context import model

                    context_model = model()
                written_context = context_costs.get((s, e))
                if written_context is None:
                    written_context = context_costs[s, e] = context_model.cost(left + window + right)
                gain = written_context - context_model.cost(left + form + right) + adjust
                if traditional:
                    gain += CONTEXT_TRADITIONAL_BONUS - TRADITIONAL_BONUS
                if gain >= threshold and document is not None:
                    at = offset + s
                    if document.count(window, max(0, at - REPEAT_REACH), at + REPEAT_REACH) >= 2:
                        gain -= REPEAT_PENALTY
                    elif _quoted(document, offset + s, offset + e):
                        continue
            if self.trace is not None:
                self.trace.append((offset + s, offset + e, window, form, kinds, unigram_gain, gain, threshold))
            if gain is not None and gain >= threshold:
                scored.append((gain, s, e, form, position, kinds))
        taken: list[tuple[int, int]] = []
        for gain, s, e, form, position, kinds in sorted(scored, key=lambda item: -item[0]):
            if any(a < e and s < b for a, b in taken):
                continue
            taken.append((s, e))
            yield offset + s, offset + e, form, position, kinds
