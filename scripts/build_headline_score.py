"""Build `lint/data/headline_score.json`, the model of the `headline.score` rule (a development tool).

    python scripts/build_headline_score.py [--check] [--writers [--rules] [--cuts 3.5,4.0]]

A logistic regression over the character 2- and 3-grams of a headline (with `^` and `$`
marking its start and end), trained on the project's labelled headlines:

- `tests/data/headlines-blind.jsonl` (the first blind set, both splits: its holdout is spent),
- `tests/data/headlines-blind2.jsonl` (the second blind set, both splits: its holdout was
  measured once in session 3 and is spent; the model's figures on it are tuned figures now),
- `tests/data/headlines.tsv` and `tests/data/headlines-blind.tsv` (written with the rules),
- `tests/data/headlines-score-own.tsv`: sober headlines written for the model, in the registers
  where it had mistaken style for clickbait (features about people, entertainment and culture
  news, lifestyle and service pieces, column tags such as `｜城市观察`; session 10: headlines that
  address the reader with 你/您 and state the fact, a register the sober sets lacked).
- `tests/data/headlines-blind3.jsonl` (the third blind set: it judged the model once, at the end
  of session 4; spent, and training material since session 5).
- `tests/data/headlines-blind4.jsonl` (the fourth blind set: it judged the model once, at the end
  of session 5; spent, and training material since session 6).
- `tests/data/headlines-blind5.jsonl` (the fifth blind set: it judged the model once, at the end
  of session 6; spent, and training material since session 7).
- `tests/data/headlines-blind6.jsonl` (the sixth blind set: it judged the model once, at the end
  of session 7; spent, and training material since session 8).
- `tests/data/headlines-blind7.jsonl` (the seventh blind set: it judged the model once, at the end
  of session 8; spent, and training material since session 9).
- `tests/data/headlines-blind8.jsonl` (the eighth blind set: it judged the model once, at the end
  of session 9; spent, read to write rules and training material since session 10).
- `tests/data/headlines-train9.jsonl` (session 10: written blind by another helper who never saw
  the rules, the model or the other sets, as training material from the start: never a
  measurement, and never read to write rules, so the rules' figures on it leaving it out are
  those of a writer not tuned on).
- `tests/data/headlines-blind9.jsonl` (the ninth blind set: it judged the model once, at the end
  of session 10; spent, read to write rules and training material since session 11).
- `tests/data/headlines-train10.jsonl` and `headlines-train11.jsonl` (session 10: written blind
  as training material by two more helpers; in the model since session 11, never read to write
  rules).
- `tests/data/headlines-blind10.jsonl` (the tenth blind set: it judged the model once, at the end
  of session 11; spent, read to write rules and training material since session 12).
- `tests/data/headlines-train12.jsonl` and `headlines-train13.jsonl` (session 11: written blind as
  training material by two more helpers; in the model since session 12, never read to write rules).

- `tests/data/headlines-blind11.jsonl` (the eleventh blind set: it judged the model once, at the start
  of session 13; spent, read to write rules and training material since session 13).

- `tests/data/headlines-blind12.jsonl` (the twelfth blind set: it judged the model once, at the end of
  session 13; spent since, read to fix and write rules in session 14, **not** training material yet: a retrain
  with it was not shown to beat the shipped model leaving one writer out, see MIN_THRESHOLD).

Never read: `tests/data/headlines-blind13.jsonl`, `headlines-blind14.jsonl` (session 15's blind set, being
written while the model is built) and any later blind set (they judge the model, once; `NEVER` names them)
and the portal titles of the shared corpus (noisy labels; they stay a measurement of the model,
`benchmarks/eval_headlines.py` and `--cuts`, never its material: no portal title is a training row).

Why no 1-grams (session 6): the rule scores the headline of every document, and its cost is
mostly one Python object per n-gram of the model that the headline holds. With 1-grams almost
every character is one (27 per headline of the corpus articles, 19 of them single characters);
without them about 9, at the same recall on held-out headlines (measured on the fourth blind
set before it became training material, at the same share of portal titles flagged).

Training is plain Python (AdaGrad on the log loss with a small L2 penalty, a fixed seed and
order), so the same data gives the same bytes. Only n-grams seen in at least `MIN_SEEN` training
headlines and weighing at least `MIN_WEIGHT` are kept (a small file, read on first use; its format: `dump`).

`--writers` is the honest estimate of what the model does for a writer it has never seen (session
8): leave one writer out. The third to tenth blind sets and train9-13 were each written by a different helper
who never saw the rules, the model or the other sets; for each of them the model is trained as
shipped on every other labelled headline, and that writer's headlines are scored at the shipped
threshold: recall on its clickbait and the share of its sober headlines flagged, per writer and
pooled (counts only, never a headline). `--cuts 3.5,3.8,4.0` prints the same pooled figures (rules
with the model) at each of those thresholds, with the portal titles the whole pack flags with the
model file's weights at each: the table the threshold is chosen from (session 11, see
MIN_THRESHOLD). `--rules` adds the same figures for the rules alone and
for the rules with the model (a headline flagged by either), by the real engine; the rules were
written from the third to fifth sets, the eighth (session 10), the ninth (session 11) and the tenth (session
12; session 8 fixed three sober false alarms of the sixth; the seventh and train9-13 were never read to write
rules), so only the model's figures, and the seventh set's and train9-13's for the rules, are ones of a writer
not tuned on.

The threshold is `MIN_THRESHOLD`, chosen leaving one writer out (session 11: `--writers --rules
--cuts`, see there). Until session 10 it was the lowest logit at which at most `SOBER_FLAGGED` of
the sober training headlines are flagged out of fold, never below a floor raised against the portal
titles; that out-of-fold choice was recorded in the file until session 11 (`out_of_fold_threshold`) and
is printed by `--out-of-fold` (five fits) since session 12, when the build stopped training the five
out-of-fold models it had no use for (one fit, ~40 s, instead of six).

`--check` fails when the file was not made from this script and the training files as they are
now: the file records a digest of them (`inputs`), and the check compares it (session 10: the
test suite ran the full check, 72 s, the slowest test of CI). `--check --retrain` trains again
and fails when the file differs in any byte: run it after changing the script or the data (the
test of it runs when NEWSLINT_RETRAIN=1 is set).
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
OUT = ROOT / "lint" / "data" / "headline_score.json"

N = (2, 3)
EPOCHS = 30
RATE = 0.2
# Session 4: 1e-4 -> 1e-3 (a stronger penalty spread weight over more n-grams instead of a few
# words of a register). Session 6, without 1-grams: 3e-4 (at the same share of portal titles
# flagged, the fourth blind set as validation before it became training material: 1e-3 275/344,
# 3e-4 278/344, 1e-4 277/344 with the rules). Session 7: 1e-4, chosen on the fifth blind set held
# out of training (a writer the model never saw; the shipped model is then trained on it too): the
# model alone flags 230/410 of its clickbait at 3e-4, 241 at 1e-4, 247 at 3e-5, 247 at 1e-5, none
# of its 400 sober headlines at any, at the threshold 3.6. 3e-5 makes 17,159 n-grams (309 KB, over
# the 300 KB the tests allow; at the same steady cost: cachegrind, 1 MB of articles with the rule
# on, 474.9 M instructions per MB with 3e-4 or 3e-5 against 468.3 M without it); 1e-4 makes
# 16,102 (297 KB). Keeping n-grams seen once (MIN_SEEN = 1) found more (274/410 at 1e-4) but
# triples the file (845 KB) and the automaton; a higher MIN_WEIGHT (0.25) found fewer (222/410).
L2 = 1e-4
SEED = 14
# An n-gram is kept when seen in at least MIN_SEEN training headlines and weighing at least
# MIN_WEIGHT (session 6: 0.02 -> 0.2: an n-gram weighing less than that is mostly a common one,
# found in many headlines at a cost each time; 9.5 -> 7.2 n-grams found per headline of the
# corpus articles for out-of-fold recall 0.598 -> 0.572 at the same share of portal titles).
# Session 8 (trained with the sixth blind set too): 2 -> 3 and 0.2 -> 0.15, for a smaller file at
# the same figures: 19,271 -> 10,989 n-grams (347 -> 195 KB; 16,102 and 290 KB shipped in session
# 7). Compared leaving one writer out (`--writers`), each writer's model at the threshold where it
# flags as many portal titles labelled not-clickbait as the rules plus three (30 of 632, the bound),
# rules and model pooled over the third to sixth sets: 0.863 at 2 / 0.2, 0.858 at 3 / 0.15 (the
# session-7 data and settings: 0.870); at 34 portal titles 0.901 either way. MIN_SEEN 3 alone
# (9,981 n-grams) was as good at the bound, a little worse above it; MIN_WEIGHT 0.25 / 0.3 lost 1-3
# points. Other settings tried the same way, none better by more than a point at the bound: L2 3e-5,
# 10 epochs, a class weight of 0.7 on clickbait, digits read as one digit, 2-4-grams, 1-3-grams
# (worse at the bound: their logits spread the portal titles wider).
# Session 9 (trained with the seventh blind set too): 0.15 -> 0.2. Leaving one writer out over the
# third to seventh sets, each writer's model at the portal bound (30 of 632), rules and model pooled:
# 0.843 at 3 / 0.15 (13,638 n-grams), 0.839 at 3 / 0.2 (12,227), 0.824 at 3 / 0.25 (8,681) and at
# 4 / 0.15 (8,586); the session-8 data and settings (without the seventh set): 0.832 (10,989).
# Session 10 (trained with the eighth blind set and train9 too): 3 / 0.2 -> 4 / 0.2. Leaving one
# writer out over the third to eighth sets and train9, each writer's model at the portal bound (30 of
# 632), rules and model pooled: 0.794 at 4 / 0.2 (~9,500 n-grams a fold; 11,378 shipped, 159 KB), 0.790
# at 3 / 0.25 (~11,500; 12,491 shipped, 176 KB), 0.789 at 3 / 0.2 (~15,800; ~16,000, ~225 KB: over the
# 200 KB the tests allow). Without train9 in training (the eighth set in), blind3-8 and train9 pooled the
# same way: 0.796 (a tie); at one fixed threshold train9 helps (5.2: 0.756 against 0.744).
# (Settings compared before the session-10 own sober headlines were added; see MIN_THRESHOLD.)
# Session 11 (trained with the ninth blind set and train10-11 too): 4 -> 5 (13,378 n-grams; 4 / 0.2 makes
# ~16,600, ~240 KB, over the 200 KB the tests allow).
# Session 12 (trained with the tenth blind set and train12-13 too: 19,905 headlines): 5 / 0.2 -> 6 / 0.23
# (5 / 0.2 makes 19,118 n-grams, ~276 KB). Leaving one writer out over the thirteen writers, each
# setting at the threshold its two budgets give (MIN_THRESHOLD), rules + model pooled: 5 / 0.2 0.794
# (at 4.5), 6 / 0.2 0.807 (4.1, 15,057 n-grams, ~216 KB), 6 / 0.22 0.804 (4.1, ~201 KB), **6 / 0.23 0.802**
# (4.1, 13,525, ~194 KB), 6 / 0.25 0.800 (4.1), 7 / 0.2 0.798 (4.1), 5 / 0.25 0.805 (4.2, ~225 KB), 5 / 0.3
# 0.798 (4.2). Dropping every n-gram that holds a digit or a colon (the training writers' sober lines
# carry more of both than their clickbait) did not help: the same recall at 4.0 (0.821 at 5 / 0.2) for
# more sober headlines added (20 against 13 of 9,087); see docs/headlines.md, session 12.
# Then (session 12, with the session's rules): 6 / 0.23 -> 6 / 0.3. A higher weight cut drops light
# n-grams that spread the portal titles' scores, and the portal budget then allows a lower threshold:
# 6 / 0.27 0.811 (4.1), **6 / 0.3 0.824 (3.8, 10,572 n-grams, ~151 KB, sober 133 of 9,087)**, 6 / 0.33 0.820
# (3.8), 6 / 0.36 0.822 (3.7), 7 / 0.3 0.818 (3.8), 5 / 0.3 0.810 (4.2); 6 / 0.23 0.813 (4.1). With L2 3e-5
# the same within a point (6 / 0.3 0.825 at 3.9, 6 / 0.23 0.815 at 4.2).
# Session 13 (trained with the eleventh blind set too: 21,001 headlines; fourteen writers left out, the
# session's rules): each setting at the lowest threshold (steps of 0.1) where no left-out writer has more
# than 2 % of its sober headlines flagged by rules + model unless the model adds none of them (train13:
# 33 of 1,152, all the rules' `demonstrative`), and the whole pack flags at most the 33 portal titles
# labelled not-clickbait it flagged at the session's start: 6 / 0.3 0.831 (3.9), 5 / 0.3 0.837 (3.9),
# 4 / 0.3 0.844 (3.9, 17,315 n-grams: over the 200 KB the tests allow), 6 / 0.25 0.814 (4.3), 6 / 0.27
# 0.835 (3.9), 6 / 0.35 0.827 (3.8), **7 / 0.3 0.840 (3.6, 9,249 n-grams)**, 7 / 0.27 0.832 (3.8), 8 / 0.3
# 0.834 (3.6), 9 / 0.3 0.829, 10 / 0.3 0.824 (3.6). Fewer n-grams: a smaller file and automaton.
MIN_SEEN = 7
MIN_WEIGHT = 0.3
FOLDS = 5
# The threshold, for precision: the lowest logit at which at most SOBER_FLAGGED of the sober
# training headlines are flagged out of fold (session 6: 1 % -> 0.2 %; the floor had decided
# it before), never below MIN_THRESHOLD. Session 9: 0.2 % -> 0.25 %: with the seventh blind set in
# training a handful of sober headlines score high out of fold (the 5th to 8th highest of 2,970: 4.08,
# 3.97, 3.64, 3.42), and 0.2 % (5) put the threshold at 3.97: out-of-fold recall 0.564 against 0.644
# at 3.45, for two sober headlines of 2,970 (7 against 5); leaving one writer out, the model at 3.45
# flags no more sober headlines of a new writer than the rules do (18 of 2,047 either way).
SOBER_FLAGGED = 0.0025
# Session 6: 3.0 -> 3.2, raised after measuring the portal titles labelled not-clickbait
# (benchmarks/eval_headlines.py; never training rows): at the out-of-fold choice (2.99) the
# model flagged 4 titles more than the rules (28 -> 32 of 632, +0.6 point), at 3.2 three
# (+0.5 point, the bound for turning it on), for out-of-fold recall 0.601 -> 0.566 (3 of 1,586
# sober training headlines flagged at either). A choice made on the portal figure: that figure
# is a bound the threshold was tuned to, not a blind measurement.
# Session 7 (trained with the fifth blind set too): 3.2 -> 3.6 for the same bound: at the
# out-of-fold choice (3.24) the model flagged 6 portal titles labelled not-clickbait more than
# the rules (27 -> 33 of 632, +0.95 point), at 3.6 two (+0.3 point), with the same 8 portal
# titles labelled clickbait added at either. With L2 = 1e-4 (below its out-of-fold choice, 3.33,
# it adds 5-7): at 3.6 three (+0.47 point), with 8 titles labelled clickbait added.
# Session 8 (trained with the sixth blind set, MIN_SEEN 3, MIN_WEIGHT 0.15): out-of-fold choice
# 2.65; the floor stays 3.6, the lowest at which the model adds no more portal titles labelled
# not-clickbait than before (3: 27 -> 30 of 632; at 3.5, 31), with 7 titles labelled clickbait added.
# Session 9 (trained with the seventh blind set, MIN_WEIGHT 0.2): 3.6 -> 3.45, the lowest at which the
# model still adds three portal titles labelled not-clickbait to the rules (27 -> 30 of 632), with 12
# titles labelled clickbait added (9 at 3.6).
# Session 10 (trained with the eighth blind set and train9, MIN_SEEN 4): 3.45 -> 4.1, the lowest at which
# the model adds three portal titles labelled not-clickbait to the rules (27 -> 30; out-of-fold choice
# 3.27). Trained with train9 alone, the model scored three portal titles labelled not-clickbait that
# address the reader (你) at 5.6-5.9 and a fourth at 5.15, and the floor would have been 5.2 (out-of-fold
# recall 0.41; without train9, 4.3): the sober headlines had no register that addresses the reader, so
# 46 were written for it (headlines-score-own.tsv: service pieces, letters, columns with 你/您 and the
# fact stated). Leaving one writer out, rules and model pooled over blind3-8 and train9: at each
# writer's portal bound 0.794 -> 0.808 with them (scratch harness); at the shipped threshold 4.1 0.798
# (`--writers --rules`; the session-9 model and rules on the same writers: 0.803).
# Session 11: how the threshold is chosen changed. The portal bound above counts three or four titles whose
# labels are noisy, and trained with train10-11 it put the threshold at 5.02 (leaving one writer out,
# rules + model 0.767 over blind3-8 and train9). The threshold is now the lowest (in steps of 0.1) that
# meets two budgets, leaving one writer out (`--writers --rules --cuts`): (1) writers: the model adds at
# most 0.2 % of the sober headlines of all writers (blind3-9, train9-11: 6,097) to what the rules flag,
# each writer scored by a model trained without it (the pack's own target, 3 % of sober headlines,
# binds nowhere above 3.0: 1.5 % pooled, 2.0 % on the worst writer); (2) the whole pack on the portal
# titles labelled not-clickbait: the model may add at most 1 % of them (6 of 632) to the rules' 27 (the
# target for the pack, 19, is below what the rules flag alone). With the session-11 data and rules: (1)
# 3.8 (11 of 6,097), (2) 4.0 (27 -> 33): 4.0; leaving one writer out, rules + model over all ten writers
# 0.815 at 4.0 (0.825 at 3.8; the session-10 model and data at its 4.1, with the session-11 rules, 0.790).
# Session 12 (trained with the tenth blind set and train12-13 too, MIN_SEEN 6, MIN_WEIGHT 0.23), the same two
# budgets over thirteen writers (blind3-10, train9-13: 9,087 sober headlines, 0.2 % = 18): (1) 3.7, (2) 4.1
# (27 -> 33 portal titles labelled not-clickbait): 4.1; rules + model leaving one writer out 0.802. With
# MIN_WEIGHT 0.3 and the session's rules: (1) 3.7, (2) 3.8: 3.8; leaving one writer out 0.824.
# Session 13 (fourteen writers, the eleventh blind set among them; 9,635 sober headlines): the budgets are
# (1) on every left-out writer, rules + model flag at most 2 % of its sober headlines (a margin under the
# pack's 3 % for a new writer) unless the model adds none, and (2) the whole pack flags no more portal titles
# labelled not-clickbait than at the session's start (33). At MIN_SEEN 7 / MIN_WEIGHT 0.3: 3.5 fails (2)
# (34), 3.6 meets both: rules + model leaving one writer out 8,107 / 9,649 = 0.840, sober 140 / 9,635
# (1.45 %; the model adds 22), portal 33 (precision 0.841, recall 0.270).
MIN_THRESHOLD = 3.6

def grams(text: str, n=N) -> list[str]:
    """The n-grams of `text` with ^ and $ at its ends (whitespace-only ones left out), each as
    often as it occurs: the kind sums the weights of every match of its automaton, so the model
    is trained on counts (session 6; a set of n-grams before, which cost the kind a set per
    headline)."""
    marked = "^" + text + "$"
    return [marked[i:i + k] for k in n for i in range(len(marked) - k + 1) if marked[i:i + k].strip()]


# The blind sets each written by another writer who never saw the rules, the model or the other
# sets: the leave-one-writer-out figures (`--writers`) leave each out in turn.
WRITERS = ("headlines-blind3.jsonl", "headlines-blind4.jsonl", "headlines-blind5.jsonl", "headlines-blind6.jsonl",
           "headlines-blind7.jsonl", "headlines-blind8.jsonl", "headlines-train9.jsonl", "headlines-blind9.jsonl",
           "headlines-train10.jsonl", "headlines-train11.jsonl", "headlines-blind10.jsonl",
           "headlines-train12.jsonl", "headlines-train13.jsonl", "headlines-blind11.jsonl")
# Never read by this script: the blind set that judges the model next (written blind while the model
# is built; the lead measures it once, with benchmarks/eval_headlines.py).
NEVER = ("headlines-blind13.jsonl", "headlines-blind14.jsonl")
assert not set(NEVER) & set(WRITERS)


def read_jsonl(name: str) -> list[tuple[str, bool]]:
    if name in NEVER:
        raise ValueError(f"{name} is never read by this script")
    with (DATA / name).open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return [(row["headline"], row["label"] == "clickbait") for row in rows]


# Every file of tests/data the model is trained on, in the order `labelled` reads them.
JSONL_FILES = ("headlines-blind.jsonl", "headlines-blind2.jsonl") + WRITERS
TSV_FILES = ("headlines.tsv", "headlines-blind.tsv", "headlines-score-own.tsv")


def inputs_digest() -> str:
    """A digest of what the model is made of: this script and its training files (recorded in
    the model file as `inputs`; `--check` compares it)."""
    digest = hashlib.blake2b(digest_size=16)
    for path in (Path(__file__).resolve(), *(DATA / name for name in JSONL_FILES + TSV_FILES)):
        data = path.read_bytes()
        digest.update(f"{path.name}\0{len(data)}\0".encode() + data)
    return digest.hexdigest()


def labelled(without: str | None = None) -> list[tuple[str, bool]]:
    """Every training headline with its label (clickbait or not), sorted; `without`: leave out
    the rows of that file of tests/data."""
    rows: list[tuple[str, bool]] = []
    for name in JSONL_FILES:
        if name == without:
            continue
        with (DATA / name).open(encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                row = json.loads(line)
                rows.append((row["headline"], row["label"] == "clickbait"))
    for name in TSV_FILES:
        with (DATA / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                rows.append((row["headline"], row["label"] == "clickbait"))
    # one label per headline (a headline in two sets keeps its first label)
    seen: dict[str, bool] = {}
    for headline, clickbait in rows:
        seen.setdefault(headline, clickbait)
    return sorted(seen.items())


def train(rows: list[tuple[str, bool]]) -> tuple[dict[str, float], float]:
    """AdaGrad on the log loss (EPOCHS passes in a fixed shuffled order). Session 12: the n-grams
    are numbered and the weights kept in lists (1.5x faster than dicts keyed by n-gram; the same
    arithmetic in the same order, so the same bytes)."""
    index: dict[str, int] = {}
    examples = [([index.setdefault(g, len(index)) for g in sorted(grams(h))], y) for h, y in rows]
    weights = [0.0] * len(index)
    squares = [0.0] * len(index)
    bias = bias_squares = 0.0
    exp, sqrt = math.exp, math.sqrt
    rng = random.Random(SEED)
    for _ in range(EPOCHS):
        rng.shuffle(examples)
        for features, clickbait in examples:
            z = bias + sum([weights[g] for g in features])
            p = 1.0 / (1.0 + exp(-max(-30.0, min(30.0, z))))
            error = p - clickbait
            for g in features:
                step = error + L2 * weights[g]
                square = squares[g] + step * step
                squares[g] = square
                weights[g] -= RATE * step / sqrt(square + 1e-8)
            bias_squares += error * error
            bias -= RATE * error / sqrt(bias_squares + 1e-8)
    return dict(zip(index, weights)), bias


def score(weights: dict[str, float], bias: float, headline: str) -> float:
    return bias + sum(weights.get(g, 0.0) for g in grams(headline))


def fit(rows) -> tuple[dict[str, float], float]:
    """The model as shipped: trained, then only the n-grams seen in at least MIN_SEEN of the
    headlines and weighing at least MIN_WEIGHT kept (weights rounded as in the file)."""
    weights, bias = train(rows)
    seen = Counter(g for h, _ in rows for g in set(grams(h)))
    kept = {g: round(w, 3) for g, w in sorted(weights.items()) if seen[g] >= MIN_SEEN and abs(w) >= MIN_WEIGHT}
    return kept, round(bias, 3)


def out_of_fold(rows) -> list[tuple[float, bool]]:
    """Each headline scored by the shipped kind of model trained without its fold."""
    order = list(range(len(rows)))
    random.Random(SEED).shuffle(order)
    scored = []
    for fold in range(FOLDS):
        held = set(order[fold::FOLDS])
        weights, bias = fit([r for i, r in enumerate(rows) if i not in held])
        scored += [(score(weights, bias, rows[i][0]), rows[i][1]) for i in sorted(held)]
    return scored


def threshold(scored) -> float:
    """The out-of-fold choice (before the floor)."""
    sober = sorted((s for s, clickbait in scored if not clickbait), reverse=True)
    allowed = int(SOBER_FLAGGED * len(sober))
    return round(sober[allowed] + 0.005, 2) if allowed < len(sober) else MIN_THRESHOLD


def build() -> dict:
    """The model file's contents. Session 12: the five out-of-fold models are no longer trained
    here (the threshold has been chosen leaving one writer out since session 11, and the out-of-fold
    choice was only recorded; `--out-of-fold` prints it): one fit instead of six."""
    rows = labelled()
    kept, bias = fit(rows)
    clickbait = sum(y for _, y in rows)
    return {
        "about": "headline.score: logistic regression over character n-grams of a headline "
                 "(scripts/build_headline_score.py)",
        "inputs": inputs_digest(),
        "n": list(N), "bias": bias, "threshold": MIN_THRESHOLD,
        "training": {"headlines": len(rows), "clickbait": clickbait, "sober": len(rows) - clickbait},
        "weights": kept,
    }


def rules_checker():
    """Whether the rules (no model) flag a headline, by the real engine: any clickbait rule of
    the headline pack (not `length`, `empty`, `score`) or `punctuation.repeated-marks`, as
    benchmarks/eval_headlines.py counts them."""
    sys.path.insert(0, str(ROOT))
    from lint import lint_text

    form = {"headline.length", "headline.empty", "headline.score"}

    def flagged(headline: str) -> bool:
        return any(f.rule not in form for f in lint_text(headline + "\n", select=["headline", "punctuation.repeated-marks"]))

    return flagged


def writer_scores(rules: bool = False) -> dict:
    """For each blind writer: its headlines scored by the model trained as shipped without that
    writer's set (and without any of its headlines found elsewhere): {writer: [(score, clickbait,
    flagged by the rules or None)]}."""
    flagged = rules_checker() if rules else None
    out = {}
    for name in WRITERS:
        held = read_jsonl(name)
        heldset = {h for h, _ in held}
        weights, bias = fit([r for r in labelled(without=name) if r[0] not in heldset])
        out[name.removeprefix("headlines-").removesuffix(".jsonl")] = [
            (score(weights, bias, headline), clickbait, flagged(headline) if rules else None)
            for headline, clickbait in held]
    return out


def leave_one_writer_out(cut: float, rules: bool = False, scores: dict | None = None) -> dict:
    """Counts only, at `cut`: {writer: {"model": {"clickbait": [flagged, total], "sober": [flagged,
    total]}}}, and the same for the rules and the rules with the model when `rules`."""
    out = {}
    for writer, rows in (scores or writer_scores(rules)).items():
        figures = {"model": {"clickbait": [0, 0], "sober": [0, 0]}}
        if rules:
            figures["rules"] = {"clickbait": [0, 0], "sober": [0, 0]}
            figures["rules+model"] = {"clickbait": [0, 0], "sober": [0, 0]}
        for value, clickbait, ruled in rows:
            key = "clickbait" if clickbait else "sober"
            model_says = value > cut
            says = {"model": model_says}
            if rules:
                says["rules"], says["rules+model"] = ruled, ruled or model_says
            for who, yes in says.items():
                figures[who][key][0] += yes
                figures[who][key][1] += 1
        out[writer] = figures
    return out


def portal_titles() -> list[tuple[str, bool]]:
    """The labelled portal titles of the shared corpus (measurement only, never training rows)."""
    rows = []
    for path in sorted((ROOT.parent / "shared" / "corpus" / "articles").glob("hancd-*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            rows += [(record["title"].strip(), record["label"] == "clickbait")
                     for record in map(json.loads, handle) if record]
    return rows


def print_cuts(cuts: list[float], scores: dict) -> None:
    """The table a threshold is chosen from (session 11, MIN_THRESHOLD): at each cut, leaving one
    writer out, the rules with the model pooled over the writers (clickbait found; sober flagged, and
    how many of them the model adds to the rules), and the whole pack on the portal titles with the
    model file's weights."""
    model = json.loads(OUT.read_text(encoding="utf-8"))
    weights = dict(zip(model["grams"].split("\n"), (w / model["scale"] for w in model["weights"])))
    flagged = rules_checker()
    portal = [(score(weights, model["bias"], title), clickbait, flagged(title)) for title, clickbait in portal_titles()]
    print("cut    rules+model leaving one writer out: clickbait, sober (model adds) | portal, whole pack: "
          "labelled not-clickbait flagged, precision, recall")
    for cut in cuts:
        found = total = sober = sober_total = added = 0
        for rows in scores.values():
            for value, clickbait, ruled in rows:
                says = ruled or value > cut
                if clickbait:
                    found, total = found + says, total + 1
                else:
                    sober, sober_total, added = sober + says, sober_total + 1, added + (says and not ruled)
        hits = [(clickbait, ruled or value > cut) for value, clickbait, ruled in portal]
        true = sum(c and s for c, s in hits)
        false = sum(s and not c for c, s in hits)
        line = f"{cut:5.2f}  {found}/{total} = {found / total:.3f}, {sober}/{sober_total} = {sober / sober_total:.2%} ({added})"
        if portal:
            line += (f" | {false}/{sum(not c for c, _ in hits)}, {true / max(1, true + false):.3f}, "
                     f"{true / sum(c for c, _ in hits):.3f}")
        print(line)


def print_writers(figures: dict, cut: float) -> None:
    print(f"leave one writer out (trained without the writer's set, threshold {cut}): "
          f"clickbait flagged / sober flagged")
    whos = list(next(iter(figures.values())))
    pooled = {who: [0, 0, 0, 0] for who in whos}
    for writer, by_who in figures.items():
        cells = []
        for who in whos:
            (c, ct), (s, st) = by_who[who]["clickbait"], by_who[who]["sober"]
            pooled[who] = [a + b for a, b in zip(pooled[who], (c, ct, s, st))]
            cells.append(f"{who} {c}/{ct} = {c / ct:.3f}, {s}/{st} = {s / st:.1%}")
        print(f"  {writer:7} " + "; ".join(cells))
    cells = [f"{who} {c}/{ct} = {c / ct:.3f}, {s}/{st} = {s / st:.1%}" for who, (c, ct, s, st) in pooled.items()]
    print("  pooled  " + "; ".join(cells))


# The file keeps the n-grams as one string (one per line) and their weights as whole numbers of
# thousandths in the same order (session 8): reading it costs one string and one list of small
# integers instead of a dict of 11,000 keys and floats (7.1 -> 2.4 ms of the ~17 ms that reading
# the model and building its automaton take).
SCALE = 1000


def dump(model: dict) -> str:
    weights = model["weights"]
    assert all("\n" not in gram for gram in weights)
    # the kind looks n-grams up by bisection in this order (lint/kinds/score.py, Model.grams)
    assert list(weights) == sorted(weights)
    out = {key: value for key, value in model.items() if key != "weights"}
    out["scale"] = SCALE
    out["grams"] = "\n".join(weights)
    out["weights"] = [round(w * SCALE) for w in weights.values()]
    return json.dumps(out, ensure_ascii=False, indent=0, sort_keys=False) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="fail when the file was not made from this script and the training data as they are")
    parser.add_argument("--retrain", action="store_true", help="with --check: train again and compare every byte")
    parser.add_argument("--writers", action="store_true",
                        help="only print the leave-one-writer-out figures (at the threshold of the model file)")
    parser.add_argument("--rules", action="store_true", help="with --writers: also the rules, alone and with the model")
    parser.add_argument("--out-of-fold", action="store_true",
                        help="only print the out-of-fold choice of threshold (five fits; the rule until session 10)")
    parser.add_argument("--cuts", help="with --writers --rules: the pooled and portal figures at these thresholds (3.5,4.0)")
    args = parser.parse_args(argv)
    if args.writers:
        cut = json.loads(OUT.read_text(encoding="utf-8"))["threshold"]
        scores = writer_scores(args.rules)
        print_writers(leave_one_writer_out(cut, args.rules, scores), cut)
        if args.cuts and args.rules:
            print_cuts([float(c) for c in args.cuts.split(",")], scores)
        return 0
    if args.out_of_fold:
        scored = out_of_fold(labelled())
        cut = MIN_THRESHOLD
        clickbait = [s for s, y in scored if y]
        sober = [s for s, y in scored if not y]
        print(f"out-of-fold choice {threshold(scored)}; at {cut}: recall {sum(s > cut for s in clickbait) / len(clickbait):.3f}, "
              f"sober flagged {sum(s > cut for s in sober) / len(sober):.3%}")
        return 0
    if args.check and not args.retrain:
        recorded = json.loads(OUT.read_text(encoding="utf-8")).get("inputs") if OUT.exists() else None
        same = recorded == inputs_digest()
        print("up to date (its inputs)" if same else f"{OUT} was made from other data or another script: rebuild it")
        return 0 if same else 1
    text = dump(build())
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{OUT} differs from what the data gives: rebuild it")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    model = json.loads(text)
    print(f"wrote {OUT.relative_to(ROOT)}: {len(model['weights'])} n-grams, {len(text.encode()) / 1024:.0f} KB, "
          f"threshold {model['threshold']}; {model['training']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
