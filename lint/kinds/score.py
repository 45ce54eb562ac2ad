"""score — a linear model over the character n-grams of each range of the scope, shipped as data.

Fields:
- `model`: the name of a JSON file in `lint/data/` written by a build script (for the built-in
  `headline.score`: `scripts/build_headline_score.py`): `n` (the n-gram lengths), `bias`,
  `threshold` (a logit) and `weights` (n-gram -> weight). Each range (e.g. the headline) is
  scored as `^` + its text + `$`: the bias plus the weights of the n-grams it holds. The file
  is read when the rule first runs; nothing is downloaded.
- `cues` (default 3): how many n-grams that pushed the score up the message names: those of two
  or more characters first, the heaviest first, none inside another, none of marks alone but ！？….

A range whose score is above the threshold is reported; the finding spans the range. No fix.
Message placeholders: `{score}` (the probability, 0-1, two decimals), `{cues}` (the cues, each in
“”, joined by 、).
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import ahocorasick_rs

from ..findings import Match
from .fields import count, nonempty_text
from .rule import FieldError, Rule

DATA = Path(__file__).resolve().parents[1] / "data"
_MODELS: dict[str, tuple] = {}
_AUTOMATA: dict[str, tuple] = {}


def load_model(name: str) -> tuple[tuple[int, ...], float, float, dict[str, float]]:
    """(n-gram lengths, bias, threshold, weights) of the model file `name`, read once."""
    model = _MODELS.get(name)
    if model is None:
        with open(DATA / name, encoding="utf-8") as handle:
            data = json.load(handle)
        model = _MODELS[name] = (tuple(data["n"]), float(data["bias"]), float(data["threshold"]), data["weights"])
    return model


def automaton(name: str):
    """(automaton, n-grams, weights in the same order) of the model `name`, built once: an
    overlapping Aho-Corasick search finds every n-gram of the model a text holds in one pass
    in Rust, several times cheaper than cutting the text into n-grams in Python (a headline is
    scored in every document, so this is most of the rule's cost)."""
    built = _AUTOMATA.get(name)
    if built is None:
        weights = load_model(name)[3]
        keys = list(weights)
        built = _AUTOMATA[name] = (
            ahocorasick_rs.AhoCorasick(keys, matchkind=ahocorasick_rs.MatchKind.Standard,
                                       implementation=ahocorasick_rs.Implementation.ContiguousNFA),
            keys, [weights[k] for k in keys])
    return built


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
        _, bias, threshold, _ = load_model(self.model)
        search, keys, weights = automaton(self.model)
        text = doc.text
        for start, end in self.segments(doc):
            # each n-gram counts once, however often it occurs (as in training)
            found = {index for index, _, _ in search.find_matches_as_indexes("^" + text[start:end] + "$", overlapping=True)}
            logit = bias + sum(map(weights.__getitem__, found))
            if logit <= threshold:
                continue
            present = [(weights[i], keys[i]) for i in found]
            probability = 1.0 / (1.0 + math.exp(-min(30.0, logit)))
            yield Match(start, end, self.render(score=f"{probability:.2f}", cues=self.top_cues(present)))

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
