"""referent — a demonstrative phrase whose referent the text never names: 这3样东西, 那位老人.

A headline that says "这种蔬菜" or "那个细节" and never says which one withholds its subject to
make the reader click. A *phrase* is one of `demonstratives` (这, 那), an optional number
(digits, or characters of `numerals`, by default 一二两三四五六七八九十百千万几: 这3样, 这几处, 这一步) and one of `classifiers` (个,
位, 种, 些 …). It is reported unless the text shows what it points at:

- `deictic`: words that, right after the phrase, point at the here and now rather than at
  something withheld (这个春节, 这个夏天, 这些年);
- `antecedent` (default 6): the phrase opens a clause after a colon, and the clause before the colon
  (back to the start or to a 。！？；) has at least this many characters: that clause is what
  the phrase points back to (手机预装软件可卸载：这项规定明年起施行). A shorter one is a
  speaker (专家：这几类人……), and the phrase is still reported. 0 turns this off;
- `shell`: when given, the colon rule above applies only when one of these words follows the
  phrase: nouns that sum up a statement (规定, 政策, 做法 …). A concrete noun after a colon
  (……出主意：这三种武器……) does not point back to the clause, it withholds;
- `listed` (default 0, off): a colon follows the phrase later in its clause and at least this
  many characters follow the colon: they say what the phrase points at
  (这些地区明天有强降雪：北京、天津、河北北部);
- `echo` (default 0, off): the phrase follows a space or a colon after a clause of at least this
  many characters, and one of the two characters right after the phrase occurs in that clause:
  the phrase's noun repeats the head of a word the clause named (青岛地铁6号线一期开通 这条线……,
  12种降压药纳入集采 这类药品……): it points back to it. Two-part headlines state a fact, then go
  on about its subject; a clause that names nothing of the kind (空间站变换构型 这个系统是关键)
  leaves the phrase withholding;
- `sequel` (default 0, off): the phrase opens the second part of a two-part headline, after a
  space (not a colon or a mark) that follows a clause of at least `echo` characters (8 if `echo`
  is off), and that part runs on to the end for at least this many characters with no ！？…:
  the first part states a fact, the second goes on about its subject in a statement of its own
  (U17女足夺得亚洲杯 这支队伍平均年龄不到16岁, 城北垃圾填埋场完成封场 这块地将改建为生态公园),
  whatever word it uses for it. A short second part (…稳定运行 这个系统是关键) or one that
  ends in a mark (…启动高考报名 这些新变化要注意！) still withholds;
- `stated` (default 0, off): the phrase opens a clause after a comma, the clause before the comma
  (back to the start or to a mark) has at least this many characters, holds none of `unstated`
  and does not end with one of `topic_ends`, and the phrase's clause runs on to the end for at least
  `stated_rest` (default 7) characters with no ！？…: a headline that states a fact and goes on
  about what it named (溪口水库通过竣工验收，这座水库可灌溉农田三万亩, 新规要求快递柜免费存放
  24小时，这项规定下月施行), whatever word it uses for it. A clause that only names an audience, a
  time or a hearsay (家里有老人的，这件事…, 下个月起，这类药…, 邻居都在说，那家店…: `topic_ends`
  such as 的, 后, 起, 说), asks (`unstated`: 谁, 什么 …) or is only a quotation (“……”，这句话……) names
  nothing, and the phrase still withholds; so does one followed by a word of `stated_open` (a claim
  whose verdict is kept back: ……，这个说法只对了一半; a group of people: ……，这类人可以申请; a pick
  of one: ……，这一种最……) or whose own clause asks (`unstated` after it: ……，这所学校怎么了);
- `repeat` (default 2): the first `repeat` characters after the phrase already occur earlier in the
  segment (城西新建一座图书馆 这座图书馆……): the phrase points back. 0 turns this off;
- `quoted` (default 0, off): a phrase inside a quotation (“…”, "…") of at least this many
  characters, with more of the headline after the quotation, is a speaker's words quoted by a
  feature headline (“那片林子如今成了景区”——重访……), not the headline withholding
  its subject; so is one that opens after a colon following a clause of four or more
  characters, its speaker (镇卫生院院长：“这台救护车……”, session 10; or a speech verb 说, 称,
  表示 … in place of the colon, session 14: 老站长退休时说“这台救护车……”; a quotation alone, or after a
  short 医生： or 医生说, still withholds); a short quoted phrase (“这种病”) is still reported;
- `titled` (default 0, off): a quotation of at least this many characters (“…”, "…", 「…」)
  or a title in 《》 of any length opens right after the phrase: it names what the phrase points
  at (这句“再晚也要回家吃饭”的家训, 这部《长河》); a short quoted word (这种“零食”) is a scare
  quote and still withholds;
- `vocative` (default none): second-person words (你, 您). A phrase that opens its clause,
  followed within `VOCATIVE_REACH` characters by a comma and one of them, addresses the reader
  (这位朋友，你的……): the referent is the reader, nothing is withheld;
- `named_before` (default none): a mapping from a noun to words that name one of its kind. A
  phrase right after one of those words (no mark between) and followed by that noun renames
  what the headline just named (万亿国债这笔钱: 钱 after 国债; 考老师这条路: 路 after 老师). Only
  the listed pairs: a place or a container before the phrase (中国这座城市, 冰箱里这3样东西)
  withholds what it holds;
- `named_earlier` (default none): a mapping from a noun to words that, anywhere earlier in the
  segment, name what the noun sums up: 这笔钱 after an amount or a fee (物业费每平方米上调三角，这笔钱……:
  钱 after 费; 他攒下3万元，用这笔钱……: after 元). With none of them before it (还没领这笔钱的) the
  phrase withholds;
- `names_after` (default none): an expression matched right after the phrase that gives the
  referent's own name (这种名叫一枝黄花的植物: 名叫 + a name + 的); the phrase then names it;
- `exceptions`: literal strings; a phrase inside an occurrence of one is not reported
  (这样, 那样: 样 is a classifier only after a number).

A rule that never reads the body (the built-in one: scope headline) runs only on documents
whose headline holds one of the demonstratives (the engine searches such rules' literals around
their scope only); with the body in its scope, a search for the phrase decides.

Each range of the scope (e.g. the headline) is judged on its own. The finding spans the
phrase (demonstrative, number, classifier). Message placeholders: `{match}`.
"""
from __future__ import annotations

import regex

from .. import patterns
from ..findings import Match
from ..patterns import LazyPattern
from .fields import count, text, text_list
from .rule import FieldError, Rule
from .search import Prefiltered, search_segments

_COLONS = "：:"
_CLAUSE_ENDS = "。！？!?；;\n"
_COMMAS = "，,"
_ECHO_MARKS = " 　：:"
_SPACES = " 　"
_SEQUEL_STOPS = "！!？?…"
_STATED_BOUNDS = "，,、：:。！？!?；;|｜ 　\n"  # `stated`: what opens the clause before the comma
_CLAUSE_MARKS = "，,、：:。！？!?；;“”\"'‘’「」|｜—…《》()（）\n "
VOCATIVE_REACH = 8  # at most this many characters between the phrase and the comma before 你
_CLAUSE_END_OR_COLON = patterns.LazyPattern("[" + regex.escape(_CLAUSE_ENDS + _COLONS) + "]")
_SAYS = ("表示", "坦言", "直言", "笑称", "说", "称")  # a speech verb right before a quotation, like its colon
SPEAKER = 4  # `quoted`: at least this many characters before the colon that opens a quotation name its speaker


def text_list_map(value):
    """A mapping of non-empty strings to lists of non-empty strings (field `named_before`)."""
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and k and isinstance(v, list) and v and all(isinstance(w, str) and w for w in v)
        for k, v in value.items()
    ):
        raise ValueError("must be a mapping of non-empty strings to lists of non-empty strings")
    return value


class Referent(Rule):
    KIND = "referent"
    DEFAULT_SCOPE = ("headline",)
    FIELDS = {
        "demonstratives": (text_list, None),
        "classifiers": (text_list, None),
        "numerals": (text, "一二两三四五六七八九十百千万几"),
        "deictic": (text_list, []),
        "antecedent": (count, 6),
        "listed": (count, 0),
        "repeat": (count, 2),
        "echo": (count, 0),
        "sequel": (count, 0),
        "stated": (count, 0),
        "stated_rest": (count, 7),
        "topic_ends": (text_list, []),
        "unstated": (text_list, []),
        "stated_open": (text_list, []),
        "shell": (text_list, []),
        "quoted": (count, 0),
        "titled": (count, 0),
        "vocative": (text_list, []),
        "named_before": (text_list_map, {}),
        "named_earlier": (text_list_map, {}),
        "names_after": (text, ""),
        "exceptions": (text_list, []),
    }
    REQUIRED = ("demonstratives", "classifiers")

    def setup(self, demonstratives, classifiers, numerals, deictic, antecedent, listed, repeat, echo, sequel, stated,
              stated_rest, topic_ends, unstated, stated_open, shell, quoted,
              titled, vocative, named_before, named_earlier, names_after, exceptions):
        def alternation(words):
            # longest first; ties in a fixed order, so the expression (and its entry in the
            # cache of compiled expressions) is the same in every run whatever the hash seed
            return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))

        number = r"(?:[0-9０-９]+" + (f"|[{regex.escape(numerals)}]+" if numerals else "") + ")?"
        def choice(words):  # single characters as one set: the expression then starts with a set
            if all(len(w) == 1 for w in words):  # the search scans for it instead of trying each word
                return "[" + "".join(regex.escape(w) for w in sorted(set(words))) + "]"
            return f"(?:{alternation(words)})"

        source = f"{choice(demonstratives)}{number}{choice(classifiers)}"
        try:
            patterns.compile(source)
        except regex.error as error:  # pragma: no cover - escaped words always compile
            raise FieldError("classifiers", f"field 'classifiers' makes an invalid expression: {error}") from None
        self.pattern = LazyPattern(source)
        self.demonstratives = tuple(sorted(set(demonstratives)))
        self.literal_only = "body" not in self.scope
        self.deictic = tuple(deictic)
        self.antecedent = antecedent
        self.listed = listed
        self.repeat = repeat
        self.echo = echo
        self.sequel = sequel
        self.stated = stated
        self.stated_rest = stated_rest
        self.topic_ends = tuple(topic_ends)
        self.unstated = tuple(unstated)
        self.stated_open = tuple(stated_open)
        self.shell = tuple(shell)
        self.quoted = quoted
        self.titled = titled
        self.vocative = tuple(vocative)
        self.named_before = [(noun, tuple(words)) for noun, words in sorted(named_before.items())]
        self.named_earlier = [(noun, tuple(words)) for noun, words in sorted(named_earlier.items())]
        if names_after:
            try:
                patterns.compile(names_after)
            except regex.error as error:
                raise FieldError("names_after", f"field 'names_after' is not a valid expression: {error}") from None
        self.names_after = LazyPattern(names_after) if names_after else None
        self.exceptions = list(exceptions)
        # every string an exception holds: a phrase that is none of them lies inside no
        # occurrence of an exception (one look-up instead of a loop over the exceptions)
        self._inside_exceptions = frozenset(w[i:j] for w in self.exceptions
                                            for i in range(len(w)) for j in range(i + 1, len(w) + 1))

    def literals(self):
        # a rule that never reads the body: its demonstratives are searched by the engine
        # around its scope only (the headline), and it runs only where one is found there
        return list(self.demonstratives) if self.literal_only else []

    def gate(self):
        if self.literal_only:
            return None
        return Prefiltered(self.demonstratives, self.pattern)  # 这/那 in the headline, then the phrase

    def run(self, doc, hits):
        text = doc.text
        for seg_start, seg_end in self.segments(doc):
            for m in search_segments(self.pattern, doc, [(seg_start, seg_end)], self.trusted):
                start, end = m.span()
                if not self.withheld(text, seg_start, seg_end, start, end):
                    continue
                yield Match(start, end, self.render(match=text[start:end]))

    def withheld(self, text: str, seg_start: int, seg_end: int, start: int, end: int) -> bool:
        """Whether the phrase text[start:end] leaves its referent unnamed."""
        phrase = text[start:end]
        for word in self.exceptions if phrase in self._inside_exceptions else ():
            if phrase not in word:
                continue  # no occurrence of it can cover the phrase
            # an occurrence of the exception that covers the phrase
            first = max(seg_start, end - len(word))
            at = text.find(word, first, min(seg_end, start + len(word)))
            while at != -1:
                if at <= start and end <= at + len(word):
                    return False
                at = text.find(word, at + 1, min(seg_end, start + len(word)))
        if self.deictic and text.startswith(self.deictic, end, seg_end):
            return False
        if (self.antecedent and start > seg_start and text[start - 1] in _COLONS
                and (not self.shell or text.startswith(self.shell, end, seg_end))):
            clause_start = start - 1
            while clause_start > seg_start and text[clause_start - 1] not in _CLAUSE_ENDS:
                clause_start -= 1
            if len(text[clause_start:start - 1].strip()) >= self.antecedent:
                return False
        if self.listed:
            found = _CLAUSE_END_OR_COLON.search(text, end, seg_end)  # the first mark after the phrase
            clause_end = seg_end if found is None else found.start()
            if (clause_end < seg_end and text[clause_end] in _COLONS
                    and len(text[clause_end + 1:seg_end].strip()) >= self.listed):
                return False
        if self.quoted and _inside_quotation(text, seg_start, seg_end, start, end, self.quoted):
            return False
        if self.titled and end < seg_end and _titled(text, end, seg_end, self.titled):
            return False
        if self.vocative and (start == seg_start or text[start - 1] in _CLAUSE_MARKS):
            reach = text[end:min(seg_end, end + VOCATIVE_REACH + 1)]
            for at, ch in enumerate(reach):
                if ch in _COMMAS:
                    if text.startswith(self.vocative, end + at + 1, seg_end):
                        return False
                    break
                if ch in _CLAUSE_MARKS:
                    break
        for noun, words in self.named_before:
            if text.startswith(noun, end, seg_end) and text.endswith(words, seg_start, start):
                return False
        for noun, words in self.named_earlier:
            if text.startswith(noun, end, seg_end) and any(text.find(w, seg_start, start) != -1 for w in words):
                return False
        if self.names_after is not None and self.names_after.match(text, end, seg_end):
            return False
        if self.echo and start > seg_start and text[start - 1] in _ECHO_MARKS:
            clause_start = start - 1
            while clause_start > seg_start and text[clause_start - 1] not in _CLAUSE_ENDS:
                clause_start -= 1
            clause = text[clause_start:start - 1].strip()
            if len(clause) >= self.echo and any(
                    ch.isalpha() and ch in clause for ch in text[end:min(seg_end, end + 2)]):
                return False
        if self.sequel and start > seg_start and text[start - 1] in _SPACES:
            rest = text[start:seg_end].strip()
            if len(rest) >= self.sequel and not any(mark in rest for mark in _SEQUEL_STOPS):
                clause_start = start - 1
                while clause_start > seg_start and text[clause_start - 1] not in _CLAUSE_ENDS:
                    clause_start -= 1
                if len(text[clause_start:start - 1].strip()) >= (self.echo or 8):
                    return False
        if self.stated and start > seg_start and text[start - 1] in _COMMAS:
            rest = text[start:seg_end].strip()
            if (len(rest) >= self.stated_rest and not any(mark in rest for mark in _SEQUEL_STOPS)
                    and not text.startswith(self.stated_open, end, seg_end)
                    and not any(word in rest for word in self.unstated)):
                clause_start = start - 1
                while clause_start > seg_start and text[clause_start - 1] not in _STATED_BOUNDS:
                    clause_start -= 1
                clause = text[clause_start:start - 1].strip()
                if (len(clause) >= self.stated and not clause.endswith(self.topic_ends)
                        and not any(word in clause for word in self.unstated)
                        and _PAIRS.get(clause[0]) != clause[-1]):  # a quotation alone states nothing
                    return False
        if self.repeat:
            head = text[end:end + self.repeat]
            if len(head) == self.repeat and head.isalpha() and text.find(head, seg_start, start) != -1:
                return False
        return True


_PAIRS = {"“": "”", '"': '"', "「": "」", "『": "』"}


def _titled(text: str, end: int, seg_end: int, least: int) -> bool:
    """Whether a title in 《》 (any length) or a quotation of at least `least` characters opens at
    text[end] and closes within the segment."""
    opening = text[end]
    if opening == "《":
        close = text.find("》", end + 1, seg_end)
        return close > end + 1
    closing = _PAIRS.get(opening)
    if closing is None:
        return False
    close = text.find(closing, end + 1, seg_end)
    return close != -1 and close - end - 1 >= least


def _inside_quotation(text: str, seg_start: int, seg_end: int, start: int, end: int, least: int) -> bool:
    """Whether text[start:end] lies inside a quotation of at least `least` characters that
    something of the segment follows."""
    for opening, closing in _PAIRS.items():
        at = text.rfind(opening, seg_start, start)
        if at == -1:
            continue
        if opening == closing and text.count(opening, seg_start, at) % 2:
            continue  # that mark closes an earlier quotation
        if opening != closing and text.find(closing, at + 1, start) != -1:
            continue  # closed before the phrase
        close = text.find(closing, end, seg_end)
        if close == -1:
            continue
        if close - at - 1 >= least and (text[close + 1:seg_end].strip() or _after_speaker(text, seg_start, at)):
            return True
    return False


def _after_speaker(text: str, seg_start: int, at: int) -> bool:
    """Whether the quotation opening at `at` follows a colon after a clause of at least
    SPEAKER characters (its speaker: 镇卫生院院长：“这台救护车……”)."""
    before = text[seg_start:at].rstrip()
    if before.endswith(_SAYS):  # session 14: 全运会冠军某某说“这块金牌……”, the verb instead of the colon
        before = before[:-len(next(v for v in _SAYS if before.endswith(v)))] + "："
    if not before or before[-1] not in _COLONS:
        return False
    clause_start = len(before) - 1
    while clause_start > 0 and before[clause_start - 1] not in _CLAUSE_ENDS:
        clause_start -= 1
    return len(before[clause_start:-1].strip()) >= SPEAKER
