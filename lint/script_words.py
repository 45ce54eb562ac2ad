"""Words written the Traditional way with a character that is Simplified too (`终於`, `随著`,
`乾净`), for the `script` kind: the table `lint/data/script_words.tsv`.

The table is built by `scripts/build_script_words.py` from OpenCC's conversions and jieba's
dictionary (see docs/script.md). Its header names the characters it is about; they are the
literals the rule gives the engine's shared automaton (`WordTable.characters`, which reads only
the header). The rest is parsed on the first hit (`WordTable.get`): entries `written<TAB>right
<TAB>flags` (`s` a safe fix or `u`; `>`: a preposition, reported only before a Han character),
shelters `word<TAB>=` (Simplified words that use the character as written), and the verbs
(`@verbs`) after which a particle of the header (`著` for `着`, `於` for `于`) is a slip too.
"""
from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "script_words.tsv"
CHARACTERS = "# characters: "
PARTICLES = "# particles: "
VERBS = "@verbs\t"


class WordTable:
    _characters: list[str] | None = None
    _instance: WordTable | None = None

    def __init__(self, path: Path = DATA):
        self.entries: dict[str, tuple[str, bool, bool]] = {}  # written -> right, safe, before Han
        self.shelters: set[str] = set()
        self.particles: dict[str, str] = {}  # 著 -> 着: a slip after any verb, before a Han character
        self._verbs = ""  # "看 笑 专注 …", made a set on the first particle that needs it
        self._verb_set: frozenset[str] | None = None
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.startswith(PARTICLES):
                    self.particles = {pair[0]: pair[1] for pair in line[len(PARTICLES):].split()}
                if line.startswith("#"):
                    continue
                if line.startswith(VERBS):
                    self._verbs = line[len(VERBS):]
                    continue
                written, right, *rest = line.rstrip("\n").split("\t")
                if right == "=":
                    self.shelters.add(written)
                else:
                    flags = rest[0] if rest else "u"
                    self.entries[written] = (right, flags.startswith("s"), ">" in flags)
        self.longest = max(map(len, [*self.entries, *self.shelters]), default=1)
        # the pairs of characters around a changed character of an entry: a hit with neither
        # pair around it (著名, 覆盖: most hits) has no entry, which one set look-up tells
        self.pairs = set()
        for written, (right, _, _) in self.entries.items():
            for i, (a, b) in enumerate(zip(written, right)):
                if a != b:
                    self.pairs.update(p for p in (written[i - 1:i + 1] if i else "", written[i:i + 2]) if len(p) == 2)

    def near(self, text: str, position: int) -> bool:
        """Whether an entry, or a verb before a particle, may hold the character at `position`
        (a cheap first test)."""
        after = text[position:position + 2]
        before = text[position - 1:position + 1] if position else ""
        if after in self.pairs or before in self.pairs:
            return True
        if text[position] not in self.particles or after in self.shelters or before in self.shelters:
            return False  # 著名, 显著: most hits of a particle
        return (_han(text, position + 1, len(text))
                and not self._sheltered(text, position, 0, len(text))
                and (self.is_verb(text[position - 1:position])
                     or (position > 1 and self.is_verb(text[position - 2:position]))))

    def is_verb(self, word: str) -> bool:
        if self._verb_set is None:
            self._verb_set = frozenset(self._verbs.split())
        return word in self._verb_set

    def _sheltered(self, text: str, position: int, seg_start: int, seg_end: int) -> bool:
        return any(text[start:start + length] in self.shelters
                   for length in range(2, self.longest + 1)
                   for start in range(max(seg_start, position - length + 1), min(position, seg_end - length) + 1))

    @classmethod
    def characters(cls) -> list[str]:
        """The characters of the table (its header line), sorted."""
        if cls._characters is None:
            chars = ""
            with open(DATA, encoding="utf-8") as handle:
                for line in handle:
                    if not line.startswith("#"):
                        break
                    if line.startswith(CHARACTERS):
                        chars = line[len(CHARACTERS):].strip()
            cls._characters = sorted(set(chars))
        return list(cls._characters)

    @classmethod
    def get(cls) -> WordTable:
        if cls._instance is None:
            cls._instance = cls()
        return cls._instance

    def lookup(self, text: str, position: int, seg_start: int, seg_end: int):
        """The word written the Traditional way that holds the character at `position`, as
        (start, end, word_start, word, right, safe): [start, end) the characters to replace.
        None when there is none, or when a shelter word holds the character (`著名`)."""
        found = []
        for length in range(self.longest, 1, -1):
            for start in range(max(seg_start, position - length + 1), min(position, seg_end - length) + 1):
                word = text[start:start + length]
                if word in self.shelters:
                    return None
                entry = self.entries.get(word)
                if entry is None or entry[0][position - start] == word[position - start]:
                    continue
                right, safe, before_han = entry
                if before_han and not _han(text, start + length, seg_end):
                    continue  # a preposition without its object: `许某冲著，` (a credit)
                found.append((start, word, right, safe))
        if not found:
            return self._after_verb(text, position, seg_start, seg_end)
        word_start, word, right, safe = found[0]  # the longest, then the leftmost
        changed = [i for i, (a, b) in enumerate(zip(word, right)) if a != b]
        new = right[position - word_start]
        # certain only when every word around the character agrees on its right form
        safe = safe and all(r[position - s] == new for s, _, r, _ in found)
        return (word_start + changed[0], word_start + changed[-1] + 1, word_start, word, right, safe)

    def _after_verb(self, text: str, position: int, seg_start: int, seg_end: int):
        """A particle after a verb, before a Han character (`笑著说`): never certain."""
        new = self.particles.get(text[position])
        if new is None or not _han(text, position + 1, seg_end):
            return None
        for length in (2, 1):
            start = position - length
            if start >= seg_start and self.is_verb(text[start:position]):
                verb = text[start:position]
                return (position, position + 1, start, verb + text[position], verb + new, False)
        return None


def _han(text: str, offset: int, end: int) -> bool:
    return offset < end and "\u3400" <= text[offset] <= "\u9fff"
