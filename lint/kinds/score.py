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
- `gate` (default 0: every range is scored): how many of the heaviest n-grams that push the
  score up (without the `^`/`$` marks) are the rule's literals, found by the engine's automaton:
  a document whose ranges hold none of them is not visited at all. Cheaper (most headlines
  hold none of the heaviest n-grams), but a range could pass the threshold on many light
  n-grams alone (the test suite checks what the built-in gate loses on the labelled
  headlines). With a gate the model file is read when the rule's literals are, at the first
  lint.

A range whose score is above the threshold is reported; the finding spans the range. No fix.
Message placeholders: `{score}` (the probability, 0-1, two decimals), `{cues}` (the cues, each in
“”, joined by 、).
"""
from __future__ import annotations

import json
import math
from functools import lru_cache, partial
from operator import is_not, itemgetter
from pathlib import Path

import ahocorasick_rs

from .. import patterns
from ..findings import Match
from .fields import count, nonempty_text
from .rule import FieldError, Rule

DATA = Path(__file__).resolve().parents[1] / "data"
_MODELS: dict[str, "Model"] = {}
_first = itemgetter(0)
_is_not_none = partial(is_not, None)


def _automaton(keys):
    return ahocorasick_rs.AhoCorasick(
        keys, matchkind=ahocorasick_rs.MatchKind.Standard,
        implementation=ahocorasick_rs.Implementation.ContiguousNFA).find_matches_as_indexes


class Model:
    """A model file read and ready to score: its n-grams, their weights in the same order, the
    bias and the threshold.

    A headline is scored in every document, and its cost is mostly one Python tuple per n-gram
    found and the search itself, so a headline is first searched only for the n-grams that push
    the score up: one overlapping search of an Aho-Corasick automaton of those n-grams (about
    half the model; 1.6 of the 7.2 n-grams a corpus headline holds), in Rust. Their sum is an
    upper bound of the score, since every other weight pulls it down. Only a headline whose bound
    passes the threshold (3 % of the corpus articles' headlines) is scored in full, by cutting it
    into n-grams and looking each one up (`logit`)."""

    __slots__ = ("n", "bias", "threshold", "keys", "weights", "positive", "bound_find", "_index")

    def __init__(self, data: dict):
        self.n = tuple(data["n"])
        self.bias, self.threshold = float(data["bias"]), float(data["threshold"])
        scale = data["scale"]
        self.keys = data["grams"].split("\n")
        self._index: dict[str, int] | None = None
        self.weights = [w / scale for w in data["weights"]]
        if len(self.keys) != len(self.weights):
            raise ValueError("a model file must give one weight per n-gram")
        up = [(k, w) for k, w in zip(self.keys, self.weights) if w > 0]
        self.positive = [w for _, w in up]
        self.bound_find = ahocorasick_rs.AhoCorasick(
            [k for k, _ in up], matchkind=ahocorasick_rs.MatchKind.Standard,
            implementation=ahocorasick_rs.Implementation.ContiguousNFA).find_matches_as_indexes

    def bound(self, text: str) -> float:
        """An upper bound of `logit(text)`: the bias plus the weights that push the score up. The
        automaton needs valid UTF-8: a lone surrogate (reachable through the API only) is searched
        as U+FFFD."""
        try:
            matches = self.bound_find("^" + text + "$", overlapping=True)
        except UnicodeEncodeError:
            matches = self.bound_find("^" + patterns.LONE_SURROGATE.sub("\ufffd", text) + "$", overlapping=True)
        return self.bias + sum(map(self.positive.__getitem__, map(_first, matches)))

    def grams(self, text: str) -> list[int]:
        """The indexes of the model's n-grams in `^` + text + `$`, each as often as it occurs.
        Only a headline whose bound passes the threshold (3 % of the corpus articles' headlines)
        comes here. Each n-gram of the text is cut and looked up in C (`map` over slices and
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


def heaviest_grams(name: str, size: int) -> list[str]:
    """The `size` heaviest n-grams of model `name` that push the score up, without those that
    hold the range marks `^`/`$` (an automaton over the text cannot see them): a `gate`."""
    data = _model_data(name)
    up = sorted((-weight, gram) for gram, weight in zip(data["grams"].split("\n"), data["weights"])
                if weight > 0 and "^" not in gram and "$" not in gram)
    return [gram for _, gram in up[:size]]


class Score(Rule):
    KIND = "score"
    DEFAULT_SCOPE = ("headline",)
    FIELDS = {
        "model": (nonempty_text, None),
        "cues": (count, 3),
        "gate": (count, 0),
    }
    REQUIRED = ("model",)

    def setup(self, model, cues, gate):
        if "/" in model or "\\" in model or not (DATA / model).is_file():
            raise FieldError("model", f"field 'model' names no model file in lint/data/: {model!r}")
        self.model, self.cues, self.gate_size = model, cues, gate
        self.literal_only = gate > 0  # visited only where one of its gate's n-grams was found

    def literals(self):
        return heaviest_grams(self.model, self.gate_size) if self.gate_size else []

    def run(self, doc, hits):
        model = _MODELS.get(self.model) or load_model(self.model)
        find, positive, text = model.bound_find, model.positive, doc.text
        # (a margin far above the rounding of a sum, so the bound never skips what the score flags)
        cut = model.threshold - 1e-9 - model.bias
        for start, end in doc.segments(self.scope):
            # Model.bound, inlined: this runs on every document
            try:
                matches = find("^" + text[start:end] + "$", overlapping=True)
            except UnicodeEncodeError:  # lone surrogates (through the API only): scored in full
                matches = None
            if matches is not None and sum(map(positive.__getitem__, map(_first, matches))) <= cut:
                continue
            headline = text[start:end]
            logit = model.logit(headline)
            if logit > model.threshold:
                probability = 1.0 / (1.0 + math.exp(-min(30.0, logit)))
                cues = self.top_cues([(model.weights[i], model.keys[i]) for i in model.found(headline)])
                yield Match(start, end, self.render(score=f"{probability:.2f}", cues=cues))

    def top_cues(self, present) -> str:
        """The heaviest n-grams that pushed the score up, words before single characters (a
        lone 了 or ， says less to an editor than 竟然 or 看完) and before n-grams that hold a
        mark (钱，), none inside another."""
        chosen: list[str] = []
        ranked = sorted(present, key=lambda item: (len(item[1].strip("^$")) < 2,
                                                    not all(_wordlike(c) for c in item[1].strip("^$")),
                                                    -item[0], item[1]))
        for weight, gram in ranked:
            if len(chosen) == self.cues:
                break
            shown = gram.strip("^$")
            if weight <= 0 or not any(_wordlike(c) for c in shown) or any(shown in c or c in shown for c in chosen):
                continue
            chosen.append(shown)
        return "、".join(f"“{c}”" for c in chosen)


def _wordlike(ch: str) -> bool:
    return ch.isalnum() or ch in "！？!?…"
