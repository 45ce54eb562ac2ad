"""Reading the blind headline sets (JSON lines) for their shape tests."""
import json
import re
from collections import Counter


def read_rows(path, keys: set) -> list[dict]:
    """The rows of a blind set, checked line by line: one JSON object a line with exactly
    `keys`, every value a non-empty string without surrounding blanks, one-line headlines, and
    the file ending with one newline."""
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "", "file must end with one newline"
    lines = lines[:-1]
    assert lines, "empty set"
    out = []
    for n, line in enumerate(lines, 1):
        assert line.strip(), f"blank line {n}"
        row = json.loads(line)
        assert isinstance(row, dict), f"line {n} is not an object"
        assert set(row) == keys, f"line {n} keys {sorted(row)}"
        for key, value in row.items():
            assert isinstance(value, str) and value == value.strip() and value, (n, key)
        assert "\n" not in row["headline"] and "\t" not in row["headline"], n
        out.append(row)
    return out


def check_order_of_writing(rows: list[dict], prefix: str) -> None:
    """Ids number the lines in the order they were written (`hb5-001` …); sittings never go
    back, and there are at least five of them."""
    assert [r["id"] for r in rows] == [f"{prefix}-{n:03d}" for n in range(1, len(rows) + 1)]
    sittings = [int(re.fullmatch(r"s(\d+)", r["sitting"]).group(1)) for r in rows]
    assert sittings == sorted(sittings)
    assert len(set(sittings)) >= 5


def check_unique(rows: list[dict]) -> None:
    """Ids unique; headlines unique with whitespace removed (a re-spaced copy is a duplicate)."""
    assert [i for i, c in Counter(r["id"] for r in rows).items() if c > 1] == []
    norm = Counter(re.sub(r"\s+", "", r["headline"]) for r in rows)
    assert [h for h, c in norm.items() if c > 1] == []


def check_labels(rows: list[dict], topics, families, clickbait_cues, sober_cues, split: str = "holdout") -> None:
    """Every line of the given split (a blind set is held out whole, a training set is
    `train`), of a known topic; clickbait of a known family and cue, sober lines
    of the family `sober` and a sober cue; no "subtle" clickbait with an exclamation mark
    ("subtle" is defined by a word list in the README; the mark is the one entry of it that
    can be checked without restating the list)."""
    for r in rows:
        assert r["split"] == split, r
        assert r["topic"] in topics, r
        if r["label"] == "clickbait":
            assert r["family"] in families, r
            assert r["cue"] in clickbait_cues, r
            if r["cue"] == "subtle":
                assert "！" not in r["headline"] and "!" not in r["headline"], r
        else:
            assert r["label"] == "sober", r
            assert r["family"] == "sober", r
            assert r["cue"] in sober_cues, r


def check_counts(rows: list[dict], families, per_label: int, per_family: int, subtle_tenths: int) -> None:
    """At least `per_label` lines of each label and `per_family` of each clickbait family; at
    least `subtle_tenths` tenths of the clickbait "subtle" (no loud trigger word); at least
    half of the sober lines hard negatives (any cue but "plain")."""
    labels = Counter(r["label"] for r in rows)
    assert labels["clickbait"] >= per_label and labels["sober"] >= per_label, labels
    counted = Counter(r["family"] for r in rows if r["label"] == "clickbait")
    assert {f for f in families if counted[f] < per_family} == set(), counted
    cues = Counter(r["cue"] for r in rows if r["label"] == "clickbait")
    assert cues["subtle"] * 10 >= labels["clickbait"] * subtle_tenths, cues
    hard = sum(r["cue"] != "plain" for r in rows if r["label"] == "sober")
    assert hard * 2 >= labels["sober"], hard


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
    fields = set()
    for path in sorted(data.parent.glob("headlines*")):
        if path == data or path.suffix not in (".jsonl", ".tsv"):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            if path.suffix == ".jsonl":
                values = [v for v in json.loads(line).values() if isinstance(v, str)]
            else:
                values = line.split("\t")
            fields.update(_norm(v) for v in values)
    return fields


def ids_taken_from_other_sets(rows: list[dict], data) -> list[str]:
    """The ids of `rows` whose headline another headline set holds (ids only, so a failure does
    not print the other sets' rows)."""
    others = other_sets_fields(data)
    assert others, "no other headline set found"
    return [r["id"] for r in rows if _norm(r["headline"]) in others]
