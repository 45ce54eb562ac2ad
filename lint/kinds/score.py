"""score — a linear model over the character n-grams of each range of the scope, shipped as data.

Fields:
- `model`: the name of a JSON file in `lint/data/` written by a build script (for the built-in
  `headline.score`: `scripts/build_headline_score.py`): `n` (the n-gram lengths), `bias`,
  `threshold` (a logit), `scale`, `grams` (the n-grams, one string, one per line, in sorted
  order) and `weights` (their weights in the same order, as whole numbers: weight × `scale`). Each range (e.g. the headline) is
  scored as `^` + its text + `$`: the bias plus the weight of each n-gram it holds, as often as
  it occurs (the model is trained on counts). The file is read when the rule first runs;
  nothing is downloaded.
- `cues` (default 3): how many n-grams that pushed the score up the message names: those of two
  or more characters first, then those without a mark (钱， after 一句), the heaviest first, none
  inside another, none of marks alone but ！？….
- `gate` (default true): the n-grams that push the score up (their `^`/`$` marks taken off) are
  the rule's literals, found by the engine's automaton with what each adds to a range's score
  (more at the range's start or end for a marked one); the engine visits the rule only where
  those found could lift a range over the threshold (their sum bounds the score from above:
  nothing the model flags is skipped). The model file is read when the engine is built, the
  full model when a first range is scored. `false`: every range is scored in full (slower,
  the same findings).

A range whose score is above the threshold is reported; the finding spans the range. No fix.
Message placeholders: `{score}` (the probability, 0-1, two decimals), `{cues}` (the cues, each in
“”, joined by 、).
"""
from __future__ import annotations

import json
import math
from functools import lru_cache, partial
from operator import is_not
from pathlib import Path
from typing import NamedTuple

from ..findings import Match
from ..cache import digest_entry, read_cache, whole_numbers, write_cache
from .fields import boolean, count, nonempty_text
from .rule import FieldError, Rule

DATA = Path(__file__).resolve().parents[1] / "data"
_MODELS: dict[str, "Model"] = {}
_is_not_none = partial(is_not, None)


class Model:
    """A model file read and ready to score: its n-grams, their weights in the same order, the
    bias and the threshold.

    A headline is scored in full (`logit`: cut into n-grams, each looked up) only where the
    n-grams that push the score up, found by the engine's automaton with the other headline
    rules' literals, could lift it over the threshold (`weighted_grams`, `Rule.literal_weights`):
    6 % of the corpus articles' headlines."""

    __slots__ = ("n", "bias", "threshold", "keys", "weights", "_index")

    def __init__(self, data: dict):
        self.n = tuple(data["n"])
        self.bias, self.threshold = float(data["bias"]), float(data["threshold"])
        scale = data["scale"]
        self.keys = data["grams"].split("\n")
        self._index: dict[str, int] | None = None
        self.weights = [w / scale for w in data["weights"]]
        if len(self.keys) != len(self.weights):
            raise ValueError("a model file must give one weight per n-gram")

    def grams(self, text: str) -> list[int]:
        """The indexes of the model's n-grams in `^` + text + `$`, each as often as it occurs.
        Only a headline the engine's bound lets through (`weighted_grams`: 6 % of the corpus
        articles' headlines) comes here. Each n-gram of the text is cut and looked up in C (`map` over slices and
        `dict.get`): a bisection per n-gram in the sorted keys (session 9) cost ~200 us a
        headline, 7 us an article on average, more than the rest of the rule. The index is
        built on the first headline that needs it (~1 ms for 11,000 n-grams)."""
        marked = "^" + text + "$"
        index = self._index if self._index is not None else self._build_index()
        size, cut, found = len(marked), marked.__getitem__, []
        for k in self.n:
            if size >= k:
                found += filter(_is_not_none, map(index.get, map(cut, map(slice, range(size - k + 1), range(k, size + 1)))))
        return found

    def _build_index(self) -> dict[str, int]:
        self._index = dict(zip(self.keys, range(len(self.keys))))
        return self._index

    def logit(self, text: str) -> float:
        """The score of `text` (a logit): the bias plus the weight of every n-gram it holds, as
        often as it occurs (as in training)."""
        return self.bias + sum(map(self.weights.__getitem__, self.grams(text)))

    def found(self, text: str) -> set[int]:
        """The indexes of the model's n-grams that `text` holds."""
        return set(self.grams(text))


def load_model(name: str) -> Model:
    """The model file `name` of lint/data/, read and built once (on the rule's first run)."""
    model = _MODELS.get(name)
    if model is None:
        model = _MODELS[name] = Model(_model_data(name))
    return model


@lru_cache(maxsize=4)
def _model_data(name: str) -> dict:
    with open(DATA / name, encoding="utf-8") as handle:
        return json.load(handle)


@lru_cache(maxsize=4)
def weighted_grams(name: str) -> "WeightedGrams":
    """The n-grams of model `name` that push the score up, as strings an automaton over the text
    can find (the range marks `^`/`$` taken off), and what each adds to a range's score, in the
    model's whole units (weight × `scale`): anywhere, more where it starts the range, more
    where it ends it; and the strings that add only where they start or end a range (`^中`: a
    single character, hit in most headlines if searched), by where: looked up at the range's
    ends instead. Summed over a range they bound its score less the bias from above (`cut`):
    every other weight pulls it down. (`^X$`, a whole range, is counted at its start: still a
    bound.) Kept in the user cache, as whole numbers: making them from the model's ~9,000
    n-grams cost ~5 ms of every start."""
    entry = digest_entry("score-grams", Path(__file__).read_bytes(), (DATA / name).read_bytes())
    cached = read_cache(entry)
    if _well_formed(cached):
        return WeightedGrams(**{**cached, "end_lengths": tuple(cached["end_lengths"])})
    grams = _weighted_grams(_model_data(name))
    if entry is not None:
        write_cache(entry, {**grams._asdict(), "end_lengths": list(grams.end_lengths)})
    return grams


def _weighted_grams(data: dict) -> "WeightedGrams":
    added: dict[str, list[int]] = {}
    for gram, weight in zip(data["grams"].split("\n"), data["weights"]):
        text = gram.strip("^$")
        if weight > 0 and text:  # (an empty range is never flagged: it says nothing)
            place = 1 if gram.startswith("^") else 2 if gram.endswith("$") else 0
            added.setdefault(text, [0, 0, 0])[place] += weight
    searched = [(text, weights) for text, weights in added.items() if weights[0] > 0]
    at_start = {text: weights[1] for text, weights in added.items() if not weights[0] and weights[1]}
    at_end = {text: weights[2] for text, weights in added.items() if not weights[0] and weights[2]}
    return WeightedGrams(
        strings=[text for text, _ in searched], anywhere=[w[0] for _, w in searched],
        start_added=[w[1] for _, w in searched], end_added=[w[2] for _, w in searched],
        at_start=at_start, at_end=at_end, end_lengths=tuple(sorted({len(t) for t in (*at_start, *at_end)})),
        # the threshold less the bias, in whole units; a sum of whole units is exact
        cut=(float(data["threshold"]) - float(data["bias"])) * data["scale"] - 1e-6)


def _well_formed(cached) -> bool:
    """Whether a cache entry has the shape of `WeightedGrams` (checked in C where it can be)."""
    if not isinstance(cached, dict) or set(cached) != set(WeightedGrams._fields):
        return False
    lists = [cached[k] for k in ("strings", "anywhere", "start_added", "end_added", "end_lengths")]
    return (all(isinstance(x, list) for x in lists) and len({len(x) for x in lists[:4]}) == 1
            and all(map(str.__instancecheck__, cached["strings"])) and whole_numbers(cached["anywhere"])
            and whole_numbers(cached["start_added"]) and whole_numbers(cached["end_added"])
            and isinstance(cached["at_start"], dict) and isinstance(cached["at_end"], dict)
            and whole_numbers(cached["at_start"].values()) and whole_numbers(cached["at_end"].values())
            and whole_numbers(cached["end_lengths"]) and isinstance(cached["cut"], float))


class WeightedGrams(NamedTuple):
    strings: list[str]  # searched everywhere: the rule's literals
    anywhere: list[int]  # what each adds anywhere (whole units)
    start_added: list[int]  # ... more where it starts a range
    end_added: list[int]  # ... more where it ends a range
    at_start: dict[str, int]  # strings that count only where a range starts
    at_end: dict[str, int]  # ... only where it ends
    end_lengths: tuple[int, ...]  # the lengths of those
    cut: float  # what the weights of a range must pass: (threshold - bias) in whole units


class Score(Rule):
    KIND = "score"
    DEFAULT_SCOPE = ("headline",)
    FIELDS = {
        "model": (nonempty_text, None),
        "cues": (count, 3),
        "gate": (boolean, True),
    }
    REQUIRED = ("model",)

    def setup(self, model, cues, gate):
        if "/" in model or "\\" in model or not (DATA / model).is_file():
            raise FieldError("model", f"field 'model' names no model file in lint/data/: {model!r}")
        self.model, self.cues, self.gated = model, cues, gate
        self._ends = None  # (look-ups of the strings that count only at a range's start, end; their lengths)
        self.literal_only = gate  # visited only where its n-grams could lift a range over the threshold

    def literals(self):
        return weighted_grams(self.model).strings if self.gated else []

    def literal_weights(self):
        if not self.gated:
            return None
        grams = weighted_grams(self.model)
        return (grams.anywhere, grams.start_added, grams.end_added), grams.cut

    def range_weight(self, text, start, end):
        # (called for each headline holding one of the n-grams that push the score up but not
        # enough of them on their own: a third of the corpus articles; a plain loop over the
        # one or two lengths, without generators, costs a third of the two sums it replaced)
        ends = self._ends
        if ends is None:
            grams = weighted_grams(self.model)
            ends = self._ends = (grams.at_start.get, grams.at_end.get, grams.end_lengths)
        at_start, at_end, lengths = ends
        total = 0
        for k in lengths:  # ascending
            if start + k > end:
                break
            total += at_start(text[start:start + k], 0) + at_end(text[end - k:end], 0)
        return total

    def run(self, doc, hits):
        model = _MODELS.get(self.model) or load_model(self.model)
        text = doc.text
        for start, end in doc.segments(self.scope):
            found = model.grams(text[start:end])  # cut once: the score, then (when flagged) the cues
            logit = model.bias + sum(map(model.weights.__getitem__, found))
            if logit > model.threshold:
                probability = 1.0 / (1.0 + math.exp(-min(30.0, logit)))
                cues = self.top_cues([(model.weights[i], model.keys[i]) for i in set(found)])
                yield Match(start, end, self.render(score=f"{probability:.2f}", cues=cues))

    def top_cues(self, present) -> str:
        """The heaviest n-grams that pushed the score up, words before single characters (a
        lone 了 or ， says less to an editor than 竟然 or 看完) and before n-grams that hold a
        mark (钱，), none inside another."""
        # (only the n-grams that can be shown are ranked: a weight above 0 and a character that is a
        # letter, a digit or ！？…; the order is that of ranking them all and skipping the others)
        ranked = []
        for weight, gram in present:
            if weight > 0:
                shown = gram.strip("^$")
                wordlike = list(map(_wordlike, shown))
                if any(wordlike):
                    ranked.append((len(shown) < 2, not all(wordlike), -weight, gram, shown))
        ranked.sort()
        chosen: list[str] = []
        for *_, shown in ranked:
            if len(chosen) == self.cues:
                break
            if not any(shown in c or c in shown for c in chosen):
                chosen.append(shown)
        return "、".join(f"“{c}”" for c in chosen)


def _wordlike(ch: str) -> bool:
    return ch.isalnum() or ch in "！？!?…"
