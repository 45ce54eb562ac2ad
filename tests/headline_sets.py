"""The headline sets (JSON lines in tests/data/) and the checks of their shape test,
tests/test_headline_sets_data.py.

These are measurement sets: no check here prints a row. A failure names ids (or line numbers,
counts, names of families and topics), never a headline. Every assertion is written so that
even pytest's assertion rewriting could show nothing else; rows are read as `Row`s and `Rows`,
whose repr is their id and their number, so a traceback's argument values show no headline
either; the checks hide their own frames from tracebacks (`__tracebackhide__`), and a line that
is not JSON is reported by its number without the decoder's frames.
"""
import json
import re
from collections import Counter
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

# the fields of the first two sets (split tune/holdout); the later sets add topic, cue, sitting
OLD_KEYS = frozenset({"id", "headline", "label", "family", "split"})
KEYS = OLD_KEYS | {"topic", "cue", "sitting"}
CLICKBAIT_CUES = frozenset({"loud", "subtle"})
DATA = Path(__file__).parent / "data"


class Row(dict):
    """One line of a set; shown as its id only."""

    def __repr__(self) -> str:
        return f"<row {self.get('id')}>"


class Rows(list):
    """The lines of a set; shown as their number only."""

    def __repr__(self) -> str:
        return f"<{len(self)} rows>"


def _json_line(line: str, where: str):
    """`line` decoded; if it is not JSON, an assertion that names `where` only (the decoder's
    message and frames would show the line)."""
    __tracebackhide__ = True
    try:
        return json.loads(line)
    except json.JSONDecodeError:
        pass
    raise AssertionError(f"{where} is not valid JSON")


def names(text: str) -> frozenset:
    """The names in `text`, separated by white space (a set's families, topics or cues)."""
    return frozenset(text.split())


@dataclass(frozen=True, repr=False)
class HeadlineSet:
    """One set (tests/data/<name>.jsonl) and what its shape test checks, as its README promises.

    The first two sets have no topics, cues or sittings (`topics` empty) and alternate
    tune/holdout lines within every family; the later ones are held out whole (`holdout`) or are
    training material (`train`). A flag that is off, or a field left empty, marks a check that set
    does not have."""

    name: str
    prefix: str
    families: frozenset  # the clickbait families; sober lines have the family "sober"
    per_label: int  # at least this many lines of each label
    per_family: int  # ... and of each clickbait family
    topics: frozenset = frozenset()
    sober_cues: frozenset = frozenset()
    splits: frozenset = frozenset({"holdout"})
    subtle: Fraction = Fraction(0)  # at least this share of the clickbait cued "subtle"
    per_topic: int = 0  # a topic counts as shared by both labels with this many lines of each
    common_topics: int = 0  # ... and at least this many topics are shared (0: every topic)
    sittings: int = 5  # ids number the lines in order of writing, over this many sittings or more
    id_digits: int = 3
    numbered: bool = False  # no sittings: ids are only checked to be the prefix and a number
    escapes: bool = True  # written without \\u escapes
    respaced: bool = True  # a headline re-spaced counts as a duplicate
    bang: bool = True  # no exclamation mark in a "subtle" clickbait line
    others: bool = True  # no headline equal to a field of another headline set
    equal_labels: bool = False  # as many clickbait as sober lines
    length: tuple = ()  # (least, most) characters of a headline
    mirrored: bool = False  # each sober sitting mirrors the clickbait sitting before it
    banned: tuple = ()  # phrasings that may not appear

    def __repr__(self) -> str:
        return self.name

    @property
    def path(self) -> Path:
        return DATA / f"{self.name}.jsonl"

    @property
    def keys(self) -> frozenset:
        return KEYS if self.topics else OLD_KEYS

    @property
    def alternating(self) -> bool:
        return len(self.splits) > 1


def read_rows(path, keys) -> list[dict]:
    """The rows of a set, checked line by line: one JSON object a line with exactly `keys`,
    every value a non-empty string without surrounding blanks, one-line headlines, and the
    file ending with one newline."""
    __tracebackhide__ = True
    lines = path.read_text(encoding="utf-8").split("\n")
    ends_with_newline = lines[-1] == ""
    assert ends_with_newline, "file must end with one newline"
    lines = lines[:-1]
    assert lines, "empty set"
    out = Rows()
    for n, line in enumerate(lines, 1):
        assert line.strip(), f"blank line {n}"
        row = _json_line(line, f"line {n}")
        is_object = isinstance(row, dict)
        assert is_object, f"line {n} is not an object"
        row = Row(row)
        assert set(row) == set(keys), f"line {n} keys {sorted(row)}"
        for key, value in row.items():
            trimmed = isinstance(value, str) and value == value.strip() and value != ""
            assert trimmed, (n, key)
        one_line = "\n" not in row["headline"] and "\t" not in row["headline"]
        assert one_line, n
        out.append(row)
    return out


def lines_with_escapes(path) -> list[int]:
    """The numbers of the lines of `path` with a \\u escape (a set is written as UTF-8 text)."""
    __tracebackhide__ = True
    return [n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if "\\u" in line]


# The checks of a set's rows: each takes (rows, spec) and names ids (never a row) when it fails.

def check_ids_numbered(rows: list[dict], spec: HeadlineSet) -> None:
    """Ids are the set's prefix, a hyphen and three digits or more (`hb-001`)."""
    __tracebackhide__ = True
    malformed = [r["id"] for r in rows if not re.fullmatch(rf"{re.escape(spec.prefix)}-\d{{3,}}", r["id"])]
    assert not malformed, f"malformed ids: {malformed}"


def check_order_of_writing(rows: list[dict], spec: HeadlineSet) -> None:
    """Ids number the lines in the order they were written (`hb5-001` …, with `id_digits` digits
    at least); sittings never go back, and there are at least `sittings` of them."""
    __tracebackhide__ = True
    ids = [r["id"] for r in rows]
    expected = [f"{spec.prefix}-{n:0{spec.id_digits}d}" for n in range(1, len(rows) + 1)]
    assert ids == expected, next((i for i, e in zip(ids, expected) if i != e), None)
    numbers = [int(re.fullmatch(r"s(\d+)", r["sitting"]).group(1)) for r in rows]
    assert numbers == sorted(numbers), "sittings go back"
    assert len(set(numbers)) >= spec.sittings, f"{len(set(numbers))} sittings, fewer than {spec.sittings}"


def check_mirrored_sittings(rows: list[dict], spec: HeadlineSet) -> None:
    """Sittings pair up in order: a clickbait sitting, then a sober one with the same topics
    line for line. A failure names sittings or ids."""
    __tracebackhide__ = True
    by_sitting = {}
    for r in rows:
        by_sitting.setdefault(r["sitting"], []).append(r)
    order = sorted(by_sitting, key=lambda s: int(s[1:]))
    assert len(order) % 2 == 0, f"sittings do not pair up: {order}"
    for bait, sober in zip(order[::2], order[1::2]):
        assert all(r["label"] == "clickbait" for r in by_sitting[bait]), bait
        assert all(r["label"] == "sober" for r in by_sitting[sober]), sober
        assert len(by_sitting[bait]) == len(by_sitting[sober]), (bait, sober)
        unlike = [s["id"] for b, s in zip(by_sitting[bait], by_sitting[sober]) if b["topic"] != s["topic"]]
        assert not unlike, f"topics unlike those of the clickbait sitting {bait}: {unlike}"


def check_unique(rows: list[dict], spec: HeadlineSet) -> None:
    """Ids unique; headlines unique (if `respaced`, whitespace removed first: a re-spaced copy
    is a duplicate). A failure names the ids of the repeated lines."""
    __tracebackhide__ = True
    ids = Counter(r["id"] for r in rows)
    repeated = [i for i, c in ids.items() if c > 1]
    assert not repeated, repeated
    key = _norm if spec.respaced else str
    headlines = Counter(key(r["headline"]) for r in rows)
    repeated = [r["id"] for r in rows if headlines[key(r["headline"])] > 1]
    assert not repeated, f"repeated headlines: {repeated}"


def check_not_in_other_sets(rows: list[dict], spec: HeadlineSet) -> None:
    """No headline equal to a field of another headline set."""
    __tracebackhide__ = True
    taken = ids_taken_from_other_sets(rows, spec.path)
    assert not taken, f"headlines another set holds: {taken}"


def check_not_banned(rows: list[dict], spec: HeadlineSet) -> None:
    """None of the `banned` phrasings in a headline."""
    __tracebackhide__ = True
    found = [r["id"] for r in rows if any(p in r["headline"] for p in spec.banned)]
    assert not found, f"banned phrasings in: {found}"


def label_problem(row: dict, spec: HeadlineSet) -> str:
    """What is wrong with the split, topic, label, family or cue of `row` ("" if nothing).
    Every line is of one of the set's splits and topics; clickbait of a known family and cue,
    sober lines of the family `sober` and a sober cue; no "subtle" clickbait with an
    exclamation mark ("subtle" is defined by a word list in the README; the mark is the one
    entry of it that can be checked without restating the list)."""
    if row["split"] not in spec.splits:
        return "split"
    if spec.topics and row["topic"] not in spec.topics:
        return "topic"
    if row["label"] == "clickbait":
        if row["family"] not in spec.families:
            return "family"
        if spec.topics and row["cue"] not in CLICKBAIT_CUES:
            return "cue"
        loud_mark = "！" in row["headline"] or "!" in row["headline"]
        if spec.topics and spec.bang and row["cue"] == "subtle" and loud_mark:
            return "subtle with an exclamation mark"
        return ""
    if row["label"] != "sober":
        return "label"
    if row["family"] != "sober":
        return "family"
    if spec.topics and row["cue"] not in spec.sober_cues:
        return "cue"
    return ""


def check_labels(rows: list[dict], spec: HeadlineSet) -> None:
    """Every line passes `label_problem`; a failure names (id, problem)."""
    __tracebackhide__ = True
    wrong = [(r["id"], problem) for r in rows if (problem := label_problem(r, spec))]
    assert not wrong, f"(id, what is wrong): {wrong}"


def check_splits_alternate(rows: list[dict], spec: HeadlineSet) -> None:
    """Every family (`sober` too) in both splits, and neither side of a family larger than the
    other by more than one line (the splits alternate within a family)."""
    __tracebackhide__ = True
    seen = Counter((r["family"], r["split"]) for r in rows)
    off = {}
    for family in spec.families | {"sober"}:
        tune, holdout = seen[family, "tune"], seen[family, "holdout"]
        if not tune or not holdout or abs(tune - holdout) > 1:
            off[family] = (tune, holdout)
    assert not off, f"(tune, holdout) lines: {off}"


def check_equal_labels(rows: list[dict], spec: HeadlineSet) -> None:
    """As many clickbait as sober lines."""
    __tracebackhide__ = True
    labels = Counter(r["label"] for r in rows)
    assert labels["clickbait"] == labels["sober"], (labels["clickbait"], labels["sober"])


def check_length(rows: list[dict], spec: HeadlineSet) -> None:
    """Every headline `length` (least, most) characters long."""
    __tracebackhide__ = True
    least, most = spec.length
    outside = [r["id"] for r in rows if not least <= len(r["headline"]) <= most]
    assert not outside, f"not {least}-{most} characters long: {outside}"


def check_counts(rows: list[dict], spec: HeadlineSet) -> None:
    """At least `per_label` lines of each label and `per_family` of each clickbait family; in a
    set with cues, at least the share `subtle` of the clickbait "subtle" (no loud trigger word)
    and at least half of the sober lines hard negatives (any cue but "plain")."""
    __tracebackhide__ = True
    labels = Counter(r["label"] for r in rows)
    both = {"clickbait": labels["clickbait"], "sober": labels["sober"]}
    assert min(both.values()) >= spec.per_label, both
    counted = Counter(r["family"] for r in rows if r["label"] == "clickbait")
    short = {f: counted[f] for f in spec.families if counted[f] < spec.per_family}
    assert not short, f"clickbait families with fewer than {spec.per_family} lines: {short}"
    if spec.topics:
        subtle = sum(r["cue"] == "subtle" for r in rows if r["label"] == "clickbait")
        assert subtle >= labels["clickbait"] * spec.subtle, ("subtle", subtle, "of", labels["clickbait"])
        hard = sum(r["cue"] != "plain" for r in rows if r["label"] == "sober")
        assert hard * 2 >= labels["sober"], ("hard negatives", hard, "of", labels["sober"])


def check_topics(rows: list[dict], spec: HeadlineSet) -> None:
    """At least `common_topics` topics (every topic if 0) have `per_topic` lines of each label."""
    __tracebackhide__ = True
    common, by_label = topics_of_both_labels(rows, spec.topics, spec.per_topic)
    counts = {t: (by_label["clickbait"][t], by_label["sober"][t]) for t in sorted(spec.topics)}
    assert len(common) >= (spec.common_topics or len(spec.topics)), f"(clickbait, sober) lines by topic: {counts}"


def topics_of_both_labels(rows: list[dict], topics, least: int) -> tuple[set, dict]:
    """(the topics with at least `least` lines of each label, the counts by label)."""
    by_label = {lab: Counter(r["topic"] for r in rows if r["label"] == lab) for lab in ("clickbait", "sober")}
    return {t for t in topics if by_label["clickbait"][t] >= least and by_label["sober"][t] >= least}, by_label


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


def other_sets_fields(data) -> set:
    """Every string field of every line of the headline sets beside `data` (a Path; JSON lines:
    all string values; TSV: all tab-separated fields), whitespace removed. The comparison needs
    no knowledge of those files' columns, so the writer of a blind set never had to read them."""
    __tracebackhide__ = True
    fields = set()
    for path in sorted(data.parent.glob("headlines*")):
        if path == data or path.suffix not in (".jsonl", ".tsv"):
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            if path.suffix == ".jsonl":
                row = _json_line(line, f"{path.name} line {n}")
                is_object = isinstance(row, dict)
                assert is_object, f"{path.name} line {n} is not an object"
                values = [v for v in row.values() if isinstance(v, str)]
            else:
                values = line.split("\t")
            fields.update(_norm(v) for v in values)
    return fields


def ids_taken_from_other_sets(rows: list[dict], data) -> list[str]:
    """The ids of `rows` whose headline another headline set holds (ids only, so a failure does
    not print the other sets' rows)."""
    __tracebackhide__ = True
    others = other_sets_fields(data)
    assert others, "no other headline set found"
    return [r["id"] for r in rows if _norm(r["headline"]) in others]
