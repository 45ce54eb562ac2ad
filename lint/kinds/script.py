"""script — Traditional characters slipped into Simplified text (or the reverse), via OpenCC.

Which characters belong to one script only is decided from OpenCC's own tables (see
`lint.opencc_tables`), and each candidate is confirmed by converting its context; see
[script.md](script.md) for how.

Fields:
- `target`: the script the text should be in. `zh-Hans` (default) flags Traditional-only
  characters; `zh-Hant` flags Simplified-only characters; `auto` takes the document's
  majority script as the target and flags the minority, never the document as a whole.
- `whole_ratio` (default 0.8) and `whole_min` (default 5): a document in which the
  characters of the *other* script number at least `whole_min` and make up at least
  `whole_ratio` of all script-specific characters (Traditional-only plus Simplified-only) is
  written in the other script, not mixed. It gets ONE finding, at its first such character,
  with `whole_message`; its characters are not reported one by one.
- `whole_message`: message of that finding; placeholders `{count}` (characters of the
  other script), `{other}` (characters of the target script), `{found}` and `{expected}`.
- `exceptions`: literal strings; a finding inside an occurrence of one is not reported.
- `surnames`: a string of surname characters; a lone flagged character one or two places
  after one of them, with no other flagged character within 12 characters, is taken for part
  of a personal name (`梁靖崑`) and not reported.
- `words` (default true; Simplified targets only): also report characters that are Simplified
  characters too but are written in a word the Traditional way (`终於`, `随著`, `乾净`), from
  the table `lint/data/script_words.tsv` (built by `scripts/build_script_words.py` from OpenCC
  and jieba's dictionary). A character inside a Simplified word that uses it as written
  (`著名`, `乾隆`, `慰藉`: the table's shelters) or inside one of the `exceptions` is not
  reported; nor is one in a document written wholly in Traditional. The table's particles
  (`著`, `於`) are also reported after one of its verbs and before a Han character (`笑著说`).
  Only the character is reported, with `word_message`; its fix is safe when the table marks the
  written word as never a Simplified word, otherwise (and after a verb) unsafe.
- `word_message`: message of those findings; placeholders `{word}` (the word as written),
  `{right}` (the word in Simplified), `{match}`, `{replacement}`, `{found}` and `{expected}`.

`fix` defaults to `safe`, and a fix is applied only when the right form is unambiguous; a
finding whose right form is ambiguous is reported with its replacement but never fixed
automatically. Message placeholders: `{match}`, `{replacement}`, `{found}` (`繁体` or `简体`,
the script of the flagged characters) and `{expected}` (the other one), so one message serves
every target.
"""
from __future__ import annotations

import bisect
import re
import sys

from ..findings import Match
from ..opencc_tables import OpenCCDataError, Tables, flagged_characters
from ..script_words import WordTable
from ..spans import covered
from .fields import boolean, count, one_of, text, text_list
from .rule import FieldError, Rule, fill

TARGETS = ("zh-Hans", "zh-Hant", "auto")
CONTEXT = 12  # characters of context each side for the phrase-level conversion
KANA = re.compile("[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
NAME_GAPS = (1, 2)  # a given name: the flagged character is one or two places after the surname
WHOLE_MESSAGE = ("全文是{found}中文（{count} 个{found}字，{other} 个{expected}字），不是个别字混用；"
                 "如需{expected}，请整体转换")
WORD_MESSAGE = "“{word}”中的“{match}”是{found}用字，{expected}文本中应为“{right}”"
SCRIPT_NAMES = {"trad": "繁体", "simp": "简体"}
# the names in a Traditional publication's messages (its templates are converted too)
SCRIPT_NAMES_HANT = {"trad": "繁體", "simp": "簡體"}


def ratio(value):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.5 <= value <= 1:
        raise ValueError("must be a number from 0.5 to 1")
    return float(value)


# --- the kind ---------------------------------------------------------------------------------
class Script(Rule):
    """Finds the characters of `opencc_tables` (literals of the engine's one shared automaton,
    so matching costs no pass of its own; nothing else runs on a document without one), then:

    3. Each candidate is confirmed by converting the surrounding text (up to 12 characters each
       side) with OpenCC's phrase-level conversion: a character that stays unchanged in its
       context (a phrase OpenCC keeps, such as ``八濛山``) is not reported. A character valid
       in both scripts (``乾``) is flagged only beside a flagged one when the context converts
       it (``乾淨`` -> ``干净``). The converted context gives the fix. Characters within 12
       characters of kana are Japanese and are skipped.
    4. The fix is safe only when every character of the finding exists only in the source
       script, has a single form in the target script (no alternative in OpenCC's dictionary,
       none shared with another source character that has alternatives), and the context
       agrees with the character-level conversion. Otherwise it is offered but marked unsafe.

    5. Characters of both scripts that the word table watches (`於`, `著`: literals too) are
       looked up in it around each hit, with no OpenCC (`lint.script_words`): a Traditional
       spelling of a word (`终於`) is a finding on the character, a Simplified word that uses
       it as written (`著名`) silences it. Not in a document wholly in Traditional, nor where a
       character-level finding already is.

    (Steps 1 and 2, which characters are flagged at all, are in `lint.opencc_tables`.)
    """

    KIND = "script"
    MESSAGE_FIELDS = ("message", "whole_message", "word_message")
    FIELDS = {
        "target": (one_of(*TARGETS), "zh-Hans"),
        "whole_ratio": (ratio, 0.8),
        "whole_min": (count, 5),
        "whole_message": (text, WHOLE_MESSAGE),
        "exceptions": (text_list, []),
        "surnames": (text, ""),
        "words": (boolean, True),
        "word_message": (text, WORD_MESSAGE),
    }
    DEFAULT_FIX = "safe"

    def setup(self, target, whole_ratio, whole_min, whole_message, exceptions, surnames, words, word_message):
        if whole_min < 1:
            raise FieldError("whole_min", "field 'whole_min' must be at least 1")
        self.target = target
        self.whole_ratio = whole_ratio
        self.whole_min = whole_min
        self.whole_message = whole_message
        self.exceptions = list(exceptions)
        self.surnames = frozenset(surnames)
        self._surnames: dict[int, set] = {}
        self.words = words and target != "zh-Hant"  # the table holds Simplified words
        self.word_message = word_message
        self._word_chars: list[str] = []  # the table's characters, literals after the flagged ones
        self._chars = None  # the flagged characters, known once the OpenCC tables are built
        # with a fixed target, a document without a hit of the flagged characters has nothing
        self.literal_only = target != "auto"
        self._error = None

    def publication_script(self):
        return "zh-Hant" if self.target == "zh-Hant" else None

    def literals(self):
        """The flagged characters go into the engine's shared automaton: no extra pass.

        Asking for them builds the OpenCC tables; the engine asks only when the rule is
        enabled for a run, so other commands never import OpenCC. If OpenCC's data cannot be
        read, the rule reports that as its failure on each document; other rules still run."""
        try:
            if self.target == "zh-Hans":
                self._chars = flagged_characters("trad")
            elif self.target == "zh-Hant":
                self._chars = flagged_characters("simp")
            else:  # auto flags either script: counted with character classes in `run`
                self._chars = []
        except OpenCCDataError as error:
            self._chars, self._error = [], error
            self.literal_only = False  # so that `run` reports the failure
        self._word_chars = WordTable.characters() if self.words else []
        return self._chars + self._word_chars + self.exceptions

    def run(self, doc, hits):
        if self._chars is None:  # run without the engine's automaton
            self.literals()
        if self._error is not None:
            raise self._error
        n_chars, n_words = len(self._chars), len(self._word_chars)
        wanted, words, shelters = [], [], []
        for index, start, end in hits:
            if index < n_chars:
                wanted.append(start)
            elif index < n_chars + n_words:
                words.append(start)
            else:
                shelters.append((start, end))
        text_ = doc.text
        every_word = words  # beside a Traditional-only character, looked at again (隨著)
        if words:  # most hits (著名, 覆盖) are in no entry of the table: one look-up each
            table = WordTable.get()
            words = [start for start in words if table.near(text_, start)]
            if not words and not wanted and self.target != "auto":
                return
        segments = self.segments(doc)
        flagged = sorted(start for start in wanted if self.in_scope(doc, start, start + 1))
        words = sorted(start for start in words if self.in_scope(doc, start, start + 1))
        kana = (flagged or words) and KANA.search(text_)
        if kana:  # Japanese: its kanji are neither script's slip
            flagged, words = (_not_japanese(text_, flagged), _not_japanese(text_, words))
        if not flagged and self.target != "auto":
            # only characters of both scripts (著名, 由於): the word table alone, no OpenCC
            yield from self._words(text_, text_, words, segments, shelters, [])
            return
        tables = Tables.get()
        other = None  # characters of the target script, counted only for the whole-document test
        if self.target == "zh-Hans":
            side = tables.trad
            if len(flagged) >= self.whole_min:
                other = _count(tables.simp_count_pattern, text_, segments)
        elif self.target == "zh-Hant":
            side = tables.simp
            if len(flagged) >= self.whole_min:
                other = _count(tables.trad.pattern, text_, segments)
        else:  # auto: the minority script is the slip
            trad = _positions(tables.trad.pattern, text_, segments)
            simp = _positions(tables.simp.pattern, text_, segments)
            side, flagged = (tables.trad, trad) if len(trad) <= len(simp) else (tables.simp, simp)
            if kana:
                flagged = _not_japanese(text_, flagged)
        if other is not None and len(flagged) >= self.whole_ratio * (len(flagged) + other):
            first = flagged[0]
            message = fill(self.whole_message, dict(count=len(flagged), other=other, **_names(side, tables)))
            yield Match(first, first + 1, message)
            return
        found = list(self._runs(doc, side, flagged, segments, shelters)) if flagged else []
        yield from found
        if side is tables.trad and every_word:
            view = text_
            if found:  # the words as they read once the Traditional-only characters are fixed
                view = list(text_)
                for match in found:
                    view[match.start:match.end] = match.replacements[0]
                view = "".join(view)
                words = [p for p in every_word if self.in_scope(doc, p, p + 1) and table.near(view, p)]
                if kana:
                    words = _not_japanese(text_, words)
            yield from self._words(view, text_, sorted(words), segments, shelters, found)

    def _words(self, view, text_, positions, segments, shelters, found):
        """Characters of both scripts written in a word the Traditional way (`终於`): the word
        table decides (see `lint.script_words`), reading `view` (the text, with the findings of
        `found` fixed: `隨著` is looked up as `随著`). Not where a finding of `found` already is."""
        if not positions:
            return
        table = WordTable.get()
        taken = {offset for match in found for offset in range(match.start, match.end)}
        names = {"found": SCRIPT_NAMES["trad"], "expected": SCRIPT_NAMES["simp"]}
        for position in positions:
            if position in taken:
                continue
            seg_start, seg_end = _segment_of(segments, position)
            hit = table.lookup(view, position, seg_start, seg_end)
            if hit is None:
                continue
            start, end, word_start, word, right, safe = hit
            taken.update(range(start, end))
            if covered(start, end, shelters):
                continue
            values = dict(word=text_[word_start:word_start + len(word)], right=right, match=text_[start:end],
                          replacement=right[start - word_start:end - word_start], **names)
            yield Match(start, end, fill(self.word_message, values), (values["replacement"],), certain=safe)

    def _runs(self, doc, side, flagged, segments, shelters):
        text_ = doc.text
        for start, end in _group(flagged):
            seg_start, seg_end = _segment_of(segments, start)
            # extend over neighbours valid in both scripts (乾 in 乾淨); the context decides
            while start > seg_start and text_[start - 1] in side.ambiguous:
                start -= 1
            while end < seg_end and text_[end] in side.ambiguous:
                end += 1
            window_start = max(seg_start, start - CONTEXT)
            window_end = min(seg_end, end + CONTEXT)
            window = text_[window_start:window_end]
            converted = side.converter.convert(window)
            if len(converted) != len(window):  # a phrase changed length: go char by char
                converted = "".join(side.to.get(ch, ch) for ch in window)
            for run_start, run_end in _changed_runs(text_, converted, window_start, start, end):
                original = text_[run_start:run_end]
                if covered(run_start, run_end, shelters) or not any(ch in side.only for ch in original):
                    continue
                if self._personal_name(text_, run_start, run_end, flagged, seg_start, side):
                    continue
                right = converted[run_start - window_start:run_end - window_start]
                safe = all(
                    ch in side.only and ch not in side.multi and side.to.get(ch) == new and new <= "\uffff"
                    for ch, new in zip(original, right)
                )
                yield Match(run_start, run_end,
                            self.render(match=original, replacement=right, **_names(side, Tables.get())),
                            (right,), certain=safe)


    def _personal_name(self, text_, start, end, flagged, seg_start, side) -> bool:
        """A lone character one or two places after a common surname: 梁靖崑, 黄霑. A person's
        name keeps the characters its bearer uses, so it is not reported. A character with
        other flagged characters near it is part of a passage, not a name."""
        if not self.surnames or end - start != 1:
            return False
        surnames = self._surnames.get(id(side))
        if surnames is None:  # the surnames as the flagged script writes them, too (陈 and 陳)
            surnames = self._surnames[id(side)] = self.surnames | set(side.converter.convert("".join(self.surnames)))
        if not any(start - k >= seg_start and text_[start - k] in surnames for k in NAME_GAPS):
            return False
        near = bisect.bisect_right(flagged, start + CONTEXT) - bisect.bisect_left(flagged, start - CONTEXT)
        return near == 1


def _names(side, tables) -> dict:
    """{found}: the script of the flagged characters; {expected}: the target script (named in
    the script of the text: Traditional names when Simplified characters are flagged)."""
    trad = side is tables.trad
    names = SCRIPT_NAMES if trad else SCRIPT_NAMES_HANT
    return {"found": names["trad" if trad else "simp"], "expected": names["simp" if trad else "trad"]}


def _not_japanese(text_, positions) -> list[int]:
    return [p for p in positions if not KANA.search(text_, max(0, p - CONTEXT), p + CONTEXT + 1)]


def _positions(pattern, text_, segments) -> list[int]:
    return [m.start() for start, end in segments for m in pattern.finditer(text_, start, end)]


def _count(pattern, text_, segments) -> int:
    return sum(len(pattern.findall(text_, start, end)) for start, end in segments)


def _group(positions):
    """Adjacent positions as (start, end) runs."""
    runs = []
    for position in positions:
        if runs and runs[-1][1] == position:
            runs[-1][1] = position + 1
        else:
            runs.append([position, position + 1])
    return [tuple(run) for run in runs]


def _segment_of(segments, offset):
    """The segment (sorted, disjoint) holding `offset`: a binary search, so that many hits in a
    document of many segments stay linear."""
    i = bisect.bisect_right(segments, (offset, sys.maxsize)) - 1
    if i >= 0 and segments[i][0] <= offset < segments[i][1]:
        return segments[i]
    return offset, offset + 1


def _changed_runs(text_, converted, window_start, start, end):
    """Runs inside [start, end) where the converted context differs from the text."""
    runs, current = [], None
    for offset in range(start, end):
        if text_[offset] != converted[offset - window_start]:
            if current and current[1] == offset:
                current[1] = offset + 1
            else:
                current = [offset, offset + 1]
                runs.append(current)
    return [tuple(run) for run in runs]
