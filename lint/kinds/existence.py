"""existence — flag literal `tokens` or regular-expression `patterns`.

Fields:
- `tokens`: literal strings; all tokens of all rules are found in one pass of the engine's
  shared Aho-Corasick automaton.
- `patterns`: regular expressions (Python `regex` module syntax, lookarounds allowed), merged
  into one expression per rule and compiled once, on first use. An expression written only
  with literal characters, escaped marks, `(?:…|…)` groups, `[…]` sets of plain characters
  and `?` (`真相(?:令人|让人)`) matches a short list of strings: up to 128 of them join the
  shared automaton as tokens do. That costs nothing on a headline without them, while every
  expression left in the merged one costs a search at every character (see
  [performance.md](performance.md)). Any other expression that must contain one of a few
  literal strings (a literal run or a `(?:…|…)` group that is not optional, none of them
  one of the most common characters or two-character words of news text: `？` in
  `…[？?]`, `出手` in `\\p{Han}{1,8}?(?:出手|发声)！`) gives them to the automaton as
  *anchors*: it is searched only where one of its anchors was found in the rule's scope, so
  a rule whose expressions all have anchors costs nothing on a text without them. A rule
  that never reads the body (scope headline, byline or meta) may also be anchored on the common
  strings: the engine searches its literals around its scope only; and an expression of such a
  rule whose every match ends with one of its anchors where the range ends (`…(?:时|以后)$`,
  `anchor_at_end`) makes the engine visit the rule only where such a hit ends a range
  (session 15: `时` is in many headlines, at the end of few). Where
  several matches overlap, the leftmost, then the longest is reported.
- `exceptions`: literal strings; a match lying inside an occurrence of one is not reported.
- `titles` (default true): whether a match lying inside the title of a work (`《…》`, on one
  line) is reported; with `false` it is not: the words are the work's name, not the writer's
  (电影《封神》定档春节).
- `ignorecase: true`: match ignoring case (tokens then become patterns).

No fix. Message placeholder: `{match}`.
"""
from __future__ import annotations

from pathlib import Path

import regex

from ..cache import digest_entry, read_cache, write_cache
from ..findings import Match
from ..patterns import LazyPattern
from ..spans import covered, leftmost_longest
from .fields import boolean, pattern_list, text_list
from .rule import FieldError, Rule
from ..budget import search_limit
from .search import REGEX_TIMEOUT_SECONDS, TRUSTED_UNTIMED_CHARS, Prefiltered

LITERAL_LIMIT = 128


class _NotLiteral(Exception):
    pass


def literal_strings(source: str, limit: int = LITERAL_LIMIT) -> list[str] | None:
    """The strings an expression made only of literal characters, escaped marks (`\\.`),
    `(?:…|…)` groups, `[…]` sets of plain characters and `?` can match, or None when it uses
    anything else (classes with ranges, `\\p`, anchors, lookarounds, other quantifiers) or
    matches the empty string or more than `limit` strings."""
    try:
        strings, end = _alternation(source, 0, limit)
    except _NotLiteral:
        return None
    if end != len(source) or "" in strings:
        return None
    return sorted(set(strings))


def _alternation(source: str, i: int, limit: int) -> tuple[list[str], int]:
    options, current = [], [""]
    while i < len(source) and source[i] != ")":
        ch = source[i]
        if ch == "|":
            options += current
            current, i = [""], i + 1
            continue
        if source.startswith("(?:", i):
            atom, i = _alternation(source, i + 3, limit)
            if source[i:i + 1] != ")":
                raise _NotLiteral
            i += 1
        elif ch == "[":
            atom, i = _character_set(source, i + 1)
        elif ch == "\\":
            escaped = source[i + 1:i + 2]
            if not escaped or escaped.isalnum():
                raise _NotLiteral
            atom, i = [escaped], i + 2
        elif ch in "()[]{}.^$*+?":
            raise _NotLiteral
        else:
            atom, i = [ch], i + 1
        if source[i:i + 1] == "?":
            if source[i + 1:i + 2] in ("?", "+"):
                raise _NotLiteral
            atom, i = atom + [""], i + 1
        elif source[i:i + 1] in ("*", "+", "{"):
            raise _NotLiteral
        current = [a + b for a in current for b in atom]
        if len(current) > limit:
            raise _NotLiteral
    return options + current, i


def _character_set(source: str, i: int) -> tuple[list[str], int]:
    chars = []
    if source[i:i + 1] == "^":
        raise _NotLiteral
    while i < len(source) and source[i] != "]":
        ch = source[i]
        if ch == "\\":
            ch = source[i + 1:i + 2]
            if not ch or ch.isalnum():
                raise _NotLiteral
            i += 1
        elif ch == "-" and chars and source[i + 1:i + 2] not in ("]", ""):
            raise _NotLiteral  # a range
        chars.append(ch)
        i += 1
    if i >= len(source):
        raise _NotLiteral
    return chars, i + 1



# single characters too common in running text to be worth an automaton hit
_COMMON_CHARS = frozenset(
    "，。、；：“”‘’（）《》 -—.%0123456789的一是了不在人有我他这中大来上个国到说们为子和你地出道也时年得就那要下以生会"
    "自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本"
    "见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情"
    "部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内"
    "加化由却代军产入先山五太水万市眼体别处总才场师书比住员九性通目报立马命张活难神数件安表原车白应路期"
    "死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直"
    "服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言"
    "权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空众技轻程告江语英基派满式李"
    "息写识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失"
    "拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴切"
)

# two-character words too common in running text to be worth an automaton hit: the 600 most
# frequent ones of wordfreq's Chinese list (wordfreq.top_n_list("zh", 3000), two Han characters)
_COMMON_WORDS = frozenset(
    "".join((
        "一个我们中国他们没有可以什么这个国家自己问题美国因为不是现在怎么就是已经这些发展开始这样公司政府可能工作社会如果知道进行世界日本不能计划成为时间认为需要国际地区时候使用经济活动但是历史应该政治",
        "不会以及情况真的组织人民其他发生主要地方网站香港生活这种你们通过为了同时必须所以所有包括发现还有一些全国决定出现如何还是一样企业其中北京觉得重要影响喜欢文化起来不过作为学生希望技术提供要求那么",
        "一定不同电影不要关系只是研究这么出来根据系统任何只有服务结果这里一起因此游戏看到虽然中心人们今天代表支持而且一直城市市场最后继续东西之后内容对于教育特别由于获得许多两个大学学校方式朋友目前表示",
        "资料这是一种关于孩子安全大家运动部分很多非常台湾建设新闻有人自由参加当时过去那些产品会议单位完全建立得到有关生产相关国内然后选择那个一切一次人口无法管理能够记者进入领导上海个人一般完成环境网络",
        "一点保护提出民主甚至事件当然机构法律视频过程准备直接设计之间事情人员信息哪里存在学习总统成功或者战争报告最大比较照片英国接受改变政策方法时期正在科技项目一下不断以后合作故事方面有些认识资源集团",
        "专业之前任务原因参与女人小时成立是否科学规定举行了解处理多少感觉拥有时代电话能力艺术解决传统全球其实机会独立行为超过韩国产生人类分析各种告诉它们手机投资期间法国目标真正调查世纪严重增加帮助并且",
        "行动造成作品受到基础家庭工业相信第一负责具有实现怎样控制根本男人结束努力只要如此媒体才能整个来自经过群众选举以下利用制度我国欧洲每个比赛表现达到主席以上以来几个办法图片年代开发成员未来革命价值",
        "基本导致注意的话离开除了加入反对发布属于建筑形成数据行政银行音乐之一变化增长官方德国显示经验语言专家价格医院建议指出权利条件来说标准说明这次部门可是改革母亲系列联系警察记录不仅人物别人后来女性",
        "意见执行最高机关用户确定解释中央以前先生关注分别区域工程父亲理论简单结构综合老师讨论证明采用一位不到儿子全部公开发表宣布当地最近社区自然那里今年介绍以为功能坚持学院意思找到提高范围例如共同农业",
        "力量取得同样土地实施旅游正式民族组成一天保证健康大量实际容易开放持续权力永远消息然而电视看看精神考虑重点位于免费印度变成另外声音女儿妈妈应用想要明白最终汽车相当空间终于美元设备足球里面领域产业",
        "作用几乎分钟十分回来意义文章生命面积亚洲原来名字唯一居民所谓曾经真是结合统一而是肯定三个人士军队大陆官员引起明显现场现象目的确实稳定重新加强强调总是教师模式死亡职业联合西方也许军事宣传带来平台",
        "更加每天电子节目阅读一年一条事实公民实行小说感到愿意来源现代理解知识行业责任长期飞机下来保持内部农民减少失去女孩形式报道攻击最好机场欢迎状态看见真实经历至少规模错误交易仍然动物反应只能思想承认",
        "担心此外清楚积极经常经营绝对苏联谢谢身体那样采取一名不想体育农村分享到底同意和平好像尤其尽管方案",
    ))[i:i + 2] for i in range(0, 1200, 2)
)


class _NoAnchor(Exception):
    pass


def anchors(source: str, limit: int = LITERAL_LIMIT, common: bool = False) -> list[str] | None:
    """Strings one of which every match of the expression contains, or None when no such short
    list is found (a conservative reading: literal runs and `(?:…|…)` groups of literals that
    are not optional, at the top level of each top-level alternative; lookarounds, `\\K`,
    `\\G`, `^` and `$` are skipped; inline flags other than `r` give up). `common`: the most common
    characters and words of news text may be among them (a prefilter for a gate searched on a
    headline, not automaton anchors)."""
    try:
        found: set[str] = set()
        for alternative in _top_level_alternatives(source):
            found |= _sequence_anchors(alternative, limit, common)
    except _NoAnchor:
        return None
    if not found or len(found) > limit:
        return None
    # a string that holds another one of the list adds nothing (竟然 holds 竟); looking up
    # each one's parts of the lengths the list has is cheaper than comparing every pair
    lengths = sorted({len(a) for a in found})
    return sorted(a for a in found if not any(
        a[start:start + length] in found
        for length in lengths if length < len(a) for start in range(len(a) - length + 1)))


def _group_end(source: str, i: int) -> int:
    """Index just past the `)` closing the group opened at source[i] == '('."""
    depth, j = 0, i
    while j < len(source):
        ch = source[j]
        if ch == "\\":
            j += 2
            continue
        if ch == "[":
            j = _class_end(source, j)
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    raise _NoAnchor


def _class_end(source: str, i: int) -> int:
    """Index just past the `]` closing the set opened at source[i] == '['."""
    j = i + 1
    if source[j:j + 1] == "^":
        j += 1
    if source[j:j + 1] == "]":
        j += 1
    while j < len(source):
        if source[j] == "\\":
            j += 2
            continue
        if source[j] == "[":  # nested set (regex's V1 syntax): give up
            raise _NoAnchor
        if source[j] == "]":
            return j + 1
        j += 1
    raise _NoAnchor


def _top_level_alternatives(source: str) -> list[str]:
    parts, start, j = [], 0, 0
    while j < len(source):
        ch = source[j]
        if ch == "\\":
            j += 2
        elif ch == "[":
            j = _class_end(source, j)
        elif ch == "(":
            j = _group_end(source, j)
        elif ch == "|":
            parts.append(source[start:j])
            start = j = j + 1
        else:
            j += 1
    parts.append(source[start:])
    return parts


def _quantifier(source: str, j: int) -> tuple[str, int]:
    """('none' | 'optional' | 'repeated', index after the quantifier at source[j])."""
    ch = source[j:j + 1]
    kind, k = "none", j
    if ch in ("?", "*"):
        kind, k = "optional", j + 1
    elif ch == "+":
        kind, k = "repeated", j + 1
    elif ch == "{":
        close = source.find("}", j)
        body = source[j + 1:close] if close != -1 else ""
        low = body.split(",")[0].strip()
        if close == -1 or not all(c.isdigit() or c in ", " for c in body):
            raise _NoAnchor
        kind, k = ("optional" if not low or int(low) == 0 else "repeated"), close + 1
    if kind != "none" and source[k:k + 1] in ("?", "+"):
        k += 1
    return kind, k


def _sequence_anchors(source: str, limit: int, common: bool = False) -> set[str]:
    """The best anchor set of one alternative (no top-level `|`)."""
    runs = _sequence_runs(source, limit, common)
    usable = [run for run in runs if "" not in run
              and (common or not any(s in _COMMON_CHARS or s in _COMMON_WORDS for s in run))]
    if not usable:
        raise _NoAnchor
    best = max(usable, key=lambda run: (min(map(len, run)), -len(run)))
    return set(best)


def anchor_needs(source: str, found: list[str], limit: int = LITERAL_LIMIT) -> tuple[int, bool]:
    """What every match of the expression holds of its anchors `found`, beyond one of them:
    (how many of them, at distinct places: `[？?]…[？?]` needs two; whether one of them stands
    where the search starts: `\\G“…`). Conservative: one expression without a top-level `|`,
    counted over the required runs of its own sequence (never those of its lookarounds) whose
    strings are exactly `found`; otherwise (1, False)."""
    # quick answers for most (start-up reads every expression): an anchor written once in the
    # expression is needed once, and an expression that does not begin with `\\G` and one
    # anchor can match anywhere
    twice = all(source.count(anchor) > 1 for anchor in found)
    at_start = (source.startswith("\\G") and len(found) == 1 and source.startswith(found[0], 2)
                and source[2 + len(found[0]):3 + len(found[0])] not in ("?", "*", "{", "|"))
    if not twice and not at_start:
        return 1, False
    try:
        if len(_top_level_alternatives(source)) != 1:
            return 1, False
        runs = _sequence_runs(source, limit, True) if twice else []
    except _NoAnchor:
        return 1, False
    wanted = set(found)
    return max(1, sum(1 for run in runs if set(run) == wanted)), at_start


_SPECIAL = frozenset("()[]{}.^$*+?|\\")


def anchor_at_end(source: str, found: list[str]) -> bool:
    """Whether every match of the expression ends with one of its anchors `found` where the search
    ends: one top-level alternative ending in `$` (not `\\$`), right after a literal run or a
    `(?:…|…)` group (no quantifier) each of whose alternatives ends in a literal run, every such
    run ending with one of the anchors (`…(?:时|之时|以后)$`: a hit of 时 or 以后 must end the range).
    Conservative: anything else is False. (Used for a rule that never reads the body, whose range
    ends where `$` matches: a headline.)"""
    if not found or not source.endswith("$") or source.endswith("\\$"):
        return False
    try:
        if len(_top_level_alternatives(source)) != 1:
            return False
        body = source[:-1]
        last, quantified, j = 0, False, 0  # the start of the last top-level item, and whether it repeats
        while j < len(body):
            start, ch = j, body[j]
            if ch == "\\":
                j += 2
            elif ch == "[":
                j = _class_end(body, j)
            elif ch == "(":
                j = _group_end(body, j)
            else:
                j += 1
            kind, j = _quantifier(body, j)
            last, quantified = start, kind != "none"
    except _NoAnchor:
        return False
    if not body or quantified:
        return False
    if body.startswith("(?:", last):
        endings = _top_level_alternatives(body[last + 3:-1])
    elif body[last] == "(":
        return False
    else:
        endings = [body]
    return all(_ends_with_anchor(ending, found) for ending in endings)


def _ends_with_anchor(source: str, found: list[str]) -> bool:
    """Whether `source` ends in a plain literal run (no escape, set or quantifier in it) that ends with
    one of `found`."""
    i = len(source)
    while i > 0 and source[i - 1] not in _SPECIAL:
        i -= 1
    run = source[i:]
    if i > 0 and source[i - 1] == "\\":  # the run's first character is escaped: not plain
        run = run[1:]
    return any(run.endswith(anchor) for anchor in found)


def _sequence_runs(source: str, limit: int, common: bool = False) -> list[list[str]]:
    """The runs of adjacent required literal items of one alternative, as their strings, in order."""
    runs: list[list[str]] = []  # runs of adjacent required literal items, as their strings
    current: list[str] | None = None
    j = 0
    while j < len(source):
        ch = source[j]
        strings: list[str] | None = None  # the item's strings; None: not a literal item
        zero_width = False
        if ch == "(":
            end = _group_end(source, j)
            if source.startswith(("(?=", "(?!", "(?<=", "(?<!"), j):
                zero_width = True
            elif source.startswith("(?:", j):
                strings = literal_strings(source[j + 3:end - 1], limit)
                if strings is None:  # not a list of strings: what every match of it contains
                    contained = anchors(source[j + 3:end - 1], limit, common)
                    if contained is not None and _quantifier(source, end)[0] != "optional":
                        runs.append(contained)
            elif source.startswith("(?", j) and source[j + 2:j + 3] not in ("P", "<", ">", "|", "#"):
                flags = source[j + 2:end - 1]
                if not flags.isalpha() or set(flags) - {"r"}:
                    raise _NoAnchor  # case-folding and other flags change what matches
                zero_width = True
            j = end
        elif ch == "[":
            end = _class_end(source, j)
            strings = literal_strings(source[j:end], limit)
            j = end
        elif ch == "\\":
            escaped = source[j + 1:j + 2]
            if escaped in ("K", "G", "b", "B", "A", "Z"):
                zero_width, j = True, j + 2
            elif escaped in ("p", "P") and source[j + 2:j + 3] == "{":
                j = source.index("}", j) + 1
            elif escaped.isalnum() or not escaped:
                j += 2
            else:
                strings, j = [escaped], j + 2
        elif ch in "^$":
            zero_width, j = True, j + 1
        elif ch == ".":
            j += 1
        else:
            strings, j = [ch], j + 1
        if zero_width:
            continue
        quantifier_start = j
        kind, j = _quantifier(source, j)
        if strings is not None and kind == "optional" and source[quantifier_start] == "?" and current is not None:
            strings = [*strings, ""]  # `x?` after a run: the run goes on with or without it
            kind = "none"
        if strings is None or kind == "optional" or strings == [""]:
            current = None
            continue
        if current is None:
            current = list(strings)
            runs.append(current)
        else:
            joined = [a + b for a in current for b in strings]
            if len(joined) > limit:
                current = list(strings)
                runs.append(current)
            else:
                current[:] = joined
        if kind == "repeated":  # what follows a repetition is not adjacent to one copy of it
            current = None
    return runs


class _Readings:
    """What `literal_strings` and `anchors` make of each expression, remembered in the user
    cache between runs: reading the built-in packs' ~900 expressions cost ~35 ms of every
    start. The entry's name holds a digest of this module's source, so a changed reader never
    meets the answers of an old one; an answer is only taken if it has the right shape."""

    MAX_ENTRIES = 50_000  # expressions of every project seen; beyond it, start again

    def __init__(self):
        self.answers: dict[str, list] | None = None
        self.changed = False
        self.entry = None

    def of(self, pattern: str) -> tuple[list[str] | None, list[str] | None]:
        """(the strings the expression matches, or None; else its anchors, or None)."""
        if self.answers is None:
            self._load()
        answer = self.answers.get(pattern)
        if not _well_formed(answer):
            strings = literal_strings(pattern)
            answer = [strings, None if strings is not None else anchors(pattern)]
            self.answers[pattern] = answer
            self.changed = True
        return answer[0], answer[1]

    def needs(self, pattern: str, found: list[str]) -> tuple[int, bool]:
        """`anchor_needs` of the expression and its anchors."""
        if self.answers is None:
            self._load()
        key = "\0".join(("needs", pattern, *found))
        answer = self.answers.get(key)
        if not (isinstance(answer, list) and len(answer) == 2 and type(answer[0]) is int
                and type(answer[1]) is bool):
            answer = self.answers[key] = list(anchor_needs(pattern, found))
            self.changed = True
        return answer[0], answer[1]

    def at_end(self, pattern: str, found: list[str]) -> bool:
        """`anchor_at_end` of the expression and its anchors."""
        if self.answers is None:
            self._load()
        key = "\0".join(("end", pattern, *found))
        answer = self.answers.get(key)
        if type(answer) is not bool:
            answer = self.answers[key] = anchor_at_end(pattern, found)
            self.changed = True
        return answer

    def save(self) -> None:
        if self.changed and self.entry is not None:
            if len(self.answers) > self.MAX_ENTRIES:
                self.answers = {}
            write_cache(self.entry, {"readings": self.answers})
        self.changed = False

    def _load(self) -> None:
        self.entry = digest_entry("existence", Path(__file__).read_bytes(), str(LITERAL_LIMIT).encode())
        data = read_cache(self.entry)
        answers = data.get("readings") if isinstance(data, dict) else None
        self.answers = answers if isinstance(answers, dict) else {}


def _well_formed(answer) -> bool:
    return (isinstance(answer, list) and len(answer) == 2
            and all(part is None or (isinstance(part, list) and all(isinstance(x, str) for x in part))
                    for part in answer))


_READINGS = _Readings()


class Existence(Rule):
    KIND = "existence"
    FIELDS = {
        "tokens": (text_list, []),
        "patterns": (pattern_list, []),
        "exceptions": (text_list, []),
        "ignorecase": (boolean, False),
        "titles": (boolean, True),
    }

    def setup(self, tokens, patterns, exceptions, ignorecase, titles):
        if not tokens and not patterns:
            raise FieldError("tokens", "needs 'tokens' or 'patterns'")
        self.tokens = [] if ignorecase else list(tokens)
        sources, unanchored = [], []
        anchored: list[tuple[str, list[str]]] = []
        for pattern in patterns:
            strings, found = (None, None) if ignorecase else _READINGS.of(pattern)
            if strings is not None:
                self.tokens += strings
                continue
            sources.append(pattern)
            if found is None and not ignorecase and "body" not in self.scope:
                # a rule that never reads the body: the engine searches its literals around its
                # scope only (the headline), so common strings (这, -, —) can anchor it there
                found = anchors(pattern, common=True)
            if found is None:
                unanchored.append(pattern)
            else:
                anchored.append((pattern, found))
        self.tokens = list(dict.fromkeys(self.tokens))
        if ignorecase:
            sources += [regex.escape(t) for t in tokens]
            unanchored = sources
        flags = regex.IGNORECASE if ignorecase else 0

        def merged(parts):
            return LazyPattern("|".join(f"(?:{p})" for p in parts), flags) if parts else None

        # every expression, merged: what the rule can match (checked by the test suite)
        self.pattern = merged(sources)
        # searched on every run that reaches it: the expressions without anchors
        self.unanchored = merged(unanchored)
        # their gate: searched only where one of the strings that each of them must contain,
        # common ones included, is in scope (when every one of them has such strings)
        required = [None if ignorecase else anchors(p, common=True) for p in unanchored]
        self._gate = self.unanchored
        if unanchored and all(required):
            self._gate = Prefiltered(sorted({s for found in required for s in found}), self.unanchored)
        # one expression per anchored pattern, searched only where an anchor was found
        self.anchored = [LazyPattern(p, flags) for p, _ in anchored]
        # the anchored expressions that need more than one hit of their anchors, or one where
        # the search starts (seo-repeat's two ？): searched only when the hits are there
        self.needs = {index: need for index, need in
                      ((index, _READINGS.needs(p, found)) for index, (p, found) in enumerate(anchored))
                      if need != (1, False)}
        # the anchored expressions whose match ends with one of their anchors where the range ends
        # (`…时$`): for a rule that never reads the body, searched only where such a hit ends the range
        self.ends = frozenset(index for index, (p, found) in enumerate(anchored)
                              if "body" not in self.scope and not ignorecase and _READINGS.at_end(p, found))
        _READINGS.save()
        self.anchor_strings = list(dict.fromkeys(a for _, found in anchored for a in found))
        position = {a: i for i, a in enumerate(self.anchor_strings)}
        self.anchor_owners: list[list[int]] = [[] for _ in self.anchor_strings]
        for index, (_, found) in enumerate(anchored):
            for a in found:
                self.anchor_owners[position[a]].append(index)
        self.exceptions = list(exceptions)
        self.titles = titles
        # with no expression left unanchored, a text without any literal of the rule is skipped
        self.literal_only = self.unanchored is None

    def literals(self):
        return self.tokens + self.exceptions + self.anchor_strings

    def literal_weights(self):
        """When an expression needs two hits of its anchors or one where the search starts
        (`anchor_needs`), the engine visits the rule only where some expression's needs can be
        met: a token or a plain anchor weighs 1, an anchor needed k times 1/k (the most any
        expression owning it asks), one needed where a range starts 1 there, an exception
        nothing; the cut is just under 1."""
        if not (self.needs or self.ends) or not self.literal_only:
            return None
        weights = [(1.0, 0.0, 0.0)] * len(self.tokens) + [(0.0, 0.0, 0.0)] * len(self.exceptions)
        for owners in self.anchor_owners:
            anywhere = at_start = at_end = 0.0
            for index in owners:
                if index in self.ends:  # a hit that ends the range (what else it needs, it needs too)
                    at_end = 1.0
                    continue
                count, start_only = self.needs.get(index, (1, False))
                if start_only and count == 1:
                    at_start = 1.0
                else:
                    anywhere = max(anywhere, 1.0 / count)
            weights.append((anywhere, at_start, at_end))
        return tuple(zip(*weights)), 1.0 - 1e-9

    def gate(self):
        return self._gate  # tokens, exceptions and anchors come as literal hits

    def run(self, doc, hits):
        # (written for the headline rules, which run on a short headline whenever one of their
        # anchors is in it: few calls, no closures, the search loop inline)
        tokens, first_anchor = len(self.tokens), len(self.tokens) + len(self.exceptions)
        segments = self.segments(doc)
        few = len(segments) <= 4
        owners_of = self.anchor_owners
        spans, shelters, wanted, needs, placed = [], [], set(), self.needs or self.ends, []
        for index, start, end in hits:
            if index < tokens:
                if self.in_scope(doc, start, end):
                    spans.append((start, end))
            elif index < first_anchor:
                shelters.append((start, end))
            else:
                owners = owners_of[index - first_anchor]
                if (needs or not wanted.issuperset(owners)) and (
                        any(a <= start and end <= b for a, b in segments) if few else self.in_scope(doc, start, end)):
                    wanted.update(owners)
                    if needs:
                        placed.append((owners, start, end))
        if needs and wanted:
            for index in self.needs.keys() & wanted:
                count, at_start = self.needs[index]
                starts = [start for owners, start, _ in placed if index in owners]
                if len(starts) < count or at_start and not any(start == a for start in starts for a, _ in segments):
                    wanted.discard(index)
            for index in self.ends & wanted:  # (`$`: the end of a range of the scope)
                if not any(end == b for owners, _, end in placed if index in owners for _, b in segments):
                    wanted.discard(index)
        expressions = [self.anchored[i] for i in sorted(wanted)] if wanted else []
        if self.unanchored is not None:
            expressions.append(self.unanchored)
        text, trusted = doc.text, self.trusted
        for expression in expressions:
            for first, last in segments:
                if trusted and last - first <= TRUSTED_UNTIMED_CHARS:
                    found = expression.finditer(text, first, last)
                else:
                    found = expression.finditer(text, first, last, timeout=search_limit(REGEX_TIMEOUT_SECONDS))
                for m in found:
                    start, end = m.span()
                    if end > start:
                        spans.append((start, end))
        if not spans:
            return
        for start, end in leftmost_longest(spans) if len(spans) > 1 else spans:
            if shelters and covered(start, end, shelters):
                continue
            if not self.titles and _in_title(text, start, end):
                continue
            yield self.match(doc, start, end)

    def match(self, doc, start, end):
        return Match(start, end, self.render(match=doc.text[start:end]))


def _in_title(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies inside a 《…》 title of a work, on one line."""
    line_start = text.rfind("\n", 0, start) + 1
    opening = text.rfind("《", line_start, start)
    if opening == -1 or text.find("》", opening, start) != -1:
        return False
    line_end = text.find("\n", end)
    closing = text.find("》", end, len(text) if line_end == -1 else line_end)
    return closing != -1 and text.find("《", end, closing) == -1
