"""score — a linear model over the character n-grams of each range of the scope, shipped as data.

Fields:
- `model`: the name of a JSON file in `lint/data/` written by a build script (for the built-in
  `headline.score`: `scripts/build_headline_score.py`): `n` (the n-gram lengths), `bias`,
  `threshold` (a logit) and `weights` (n-gram -> weight). Each range (e.g. the headline) is
  scored as `^` + its text + `$`: the bias plus the weight of each n-gram it holds, as often as
  it occurs (the model is trained on counts). The file is read when the rule first runs;
  nothing is downloaded.
- `cues` (default 3): how many n-grams that pushed the score up the message names: those of two
  or more characters first, the heaviest first, none inside another, none of marks alone but ！？….

A range whose score is above the threshold is reported; the finding spans the range. No fix.
Message placeholders: `{score}` (the probability, 0-1, two decimals), `{cues}` (the cues, each in
“”, joined by 、).
"""
from __future__ import annotations

import json
import math
from operator import itemgetter
from pathlib import Path

import ahocorasick_rs
import regex

from ..findings import Match
from .fields import count, nonempty_text
from .rule import FieldError, Rule

DATA = Path(__file__).resolve().parents[1] / "data"
_MODELS: dict[str, "Model"] = {}
_first = itemgetter(0)
_LONE_SURROGATE = regex.compile(r"[\ud800-\udfff]")


class Model:
    """A model file read and ready to score: its n-grams in an Aho-Corasick automaton (an
    overlapping search finds every n-gram of the model a text holds in one pass in Rust, several
    times cheaper than cutting the text into n-grams in Python), their weights in the same
    order, the bias and the threshold. A headline's cost is mostly one Python tuple per n-gram
    found, so the model keeps few n-grams that common headlines hold (see
    scripts/build_headline_score.py)."""

    __slots__ = ("n", "bias", "threshold", "keys", "weights", "find")

    def __init__(self, data: dict):
        self.n = tuple(data["n"])
        self.bias, self.threshold = float(data["bias"]), float(data["threshold"])
        self.keys = list(data["weights"])
        self.weights = [data["weights"][k] for k in self.keys]
        self.find = ahocorasick_rs.AhoCorasick(
            self.keys, matchkind=ahocorasick_rs.MatchKind.Standard,
            implementation=ahocorasick_rs.Implementation.ContiguousNFA).find_matches_as_indexes

    def search(self, text: str) -> list[tuple[int, int, int]]:
        """The automaton's matches in `^` + text + `$`. The automaton needs valid UTF-8: a lone
        surrogate (reachable through the API only) is searched as U+FFFD."""
        try:
            return self.find("^" + text + "$", overlapping=True)
        except UnicodeEncodeError:
            return self.find("^" + _LONE_SURROGATE.sub("\ufffd", text) + "$", overlapping=True)

    def logit(self, text: str) -> float:
        """The score of `text` (a logit): the bias plus the weight of every n-gram it holds, as
        often as it occurs (as in training)."""
        return self.bias + sum(map(self.weights.__getitem__, map(_first, self.search(text))))

    def found(self, text: str) -> set[int]:
        """The indexes of the model's n-grams that `text` holds."""
        return set(map(_first, self.search(text)))


def load_model(name: str) -> Model:
    """The model file `name` of lint/data/, read and built once (on the rule's first run)."""
    model = _MODELS.get(name)
    if model is None:
        with open(DATA / name, encoding="utf-8") as handle:
            model = _MODELS[name] = Model(json.load(handle))
    return model


class Score(Rule):
    KIND = "score"
    DEFAULT_SCOPE = ("headline",)
    FIELDS = {
        "model": (nonempty_text, None),
        "cues": (count, 3),
    }
    REQUIRED = ("model",)

    def setup(self, model, cues):
        if "/" in model or "\\" in model or not (DATA / model).is_file():
            raise FieldError("model", f"field 'model' names no model file in lint/data/: {model!r}")
        self.model, self.cues = model, cues

    def run(self, doc, hits):
        model = _MODELS.get(self.model) or load_model(self.model)
        find, weights, text = model.find, model.weights, doc.text
        bias, threshold = model.bias, model.threshold
        for start, end in doc.segments(self.scope):
            # Model.logit, inlined: this runs on every document
            try:
                matches = find("^" + text[start:end] + "$", overlapping=True)
            except UnicodeEncodeError:  # lone surrogates (through the API only)
                matches = model.search(text[start:end])
            logit = bias + sum(map(weights.__getitem__, map(_first, matches)))
            if logit > threshold:
                probability = 1.0 / (1.0 + math.exp(-min(30.0, logit)))
                cues = self.top_cues([(weights[i], model.keys[i]) for i in model.found(text[start:end])])
                yield Match(start, end, self.render(score=f"{probability:.2f}", cues=cues))

    def top_cues(self, present) -> str:
        """The heaviest n-grams that pushed the score up, words before single characters (a
        lone 了 or ， says less to an editor than 竟然 or 看完), none inside another."""
        chosen: list[str] = []
        ranked = sorted(present, key=lambda item: (len(item[1].strip("^$")) < 2, -item[0], item[1]))
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
