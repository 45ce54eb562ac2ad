"""Measure the `headline` pack: recall and false alarms on labelled headlines, real portal titles.

    python benchmarks/eval_headlines.py [--corpus DIR] [--show tune|tune2|portal-fp|portal-fn|portal-tp|corpus]
                                        [--sample N] [--json FILE] [--holdout] [--holdout2] [--blind3]
                                        [--blind4] [--blind5] [--blind6] [--blind7] [--blind8] [--blind9] [--blind10] [--blind11] [--blind12] [--blind13]
                                        [--blind14]
    python benchmarks/eval_headlines.py --throughput ROUNDS [--mb MB]

A headline counts as *flagged* when a clickbait rule fires on it: any rule of the headline pack
except `length` and `empty` (they judge form, not clickbait), plus
`punctuation.repeated-marks` (runs such as `！！！` in a headline are reported by the
punctuation pack, with a fix, and not a second time by the headline pack). Each headline is
linted by the real engine (`lint.lint_text`) as a one-line .txt document, whose line is the
headline.

1. tests/data/headlines.tsv (label, family, headline): written by this project, with the
   rules; it is what the rules were shaped on.
2. tests/data/headlines-blind.tsv (plus `round`): an older blind set in rounds A-D, each
   measured before the rules were tuned on it; only round D stayed untuned.
3. tests/data/headlines-blind.jsonl: the blind set of issue 14, written by someone who never
   saw the rules (see its README). Recall on clickbait and the share of sober headlines
   flagged, per `split` and per family. Only the `tune` split may be looked at:
   `--show tune` lists its misses and false alarms. The `holdout` split is measured only with
   `--holdout` (once before work on the rules starts and once at the end, never while tuning)
   and only ever counted: this script prints no holdout headline, whatever the options. That
   holdout is spent (counted twice in session 2).
3b. tests/data/headlines-blind2.jsonl: the second blind set (session 3, 11 families with `other`),
   the same figures; `--show tune2` lists its tune split's misses and false alarms, `--holdout2`
   counts its holdout (measured once at the end of session 3; spent since, and tuned on in
   session 4).
3c. tests/data/headlines-blind3.jsonl: the third blind set (session 4, all of it held out: 30
   families, a `cue` per line). Read only with `--blind3`, which prints counts (by family, by
   cue, rules alone and with the model), never a headline: once, when the rules and the model
   are final. Spent since session 5 (read and tuned on): its figures are tuned figures.
3d. tests/data/headlines-blind4.jsonl: the fourth blind set (session 5, all held out, the same
   fields). Read only with `--blind4`, counts only, once, when the rules and the model are final.
   Measured once in session 5; spent since session 6 (training material of the model).
3e. tests/data/headlines-blind5.jsonl: the fifth blind set (session 6, written by a helper who
   never saw the rules; the same fields). Read only with `--blind5`, counts only (by family and
   cue), never a headline: once, when the rules and the model are final (measured once in
   session 6, 07:08 UTC). Spent since session 7 (read to fix rules; training material of the model).
3f. tests/data/headlines-blind6.jsonl: the sixth blind set (session 7, written by a helper who
   never saw the rules; the same fields). Read only with `--blind6`, counts only (by family and
   cue), never a headline: once, when the rules and the model are final (measured once in
   session 7, 10:17 UTC). Spent since session 8 (read to fix rules; training material of the model).
3g. tests/data/headlines-blind7.jsonl: the seventh blind set (session 8, written by a helper
   who never saw the rules). Read only with `--blind7`, counts only, never a headline: measured
   once by the lead at the end of session 8 (its README gives the figures); spent since, and
   training material of the model since session 9.
3h. tests/data/headlines-blind8.jsonl: the eighth blind set (session 9, written by a helper who
   never saw the rules). Measured once by the lead at the end of session 9 (`--blind8`, counts
   only); spent since session 10 (read to write rules; training material of the model).
3i. tests/data/headlines-blind9.jsonl: the ninth blind set (session 10, written by a helper who
   never saw the rules). Measured once by the lead at the end of session 10 (`--blind9`, counts
   only); spent since session 11 (read to write rules; training material of the model).
3j. tests/data/headlines-blind10.jsonl: the tenth blind set (session 11, written by a helper who
   never saw the rules). Measured once by the lead at the end of session 11 (`--blind10`, counts
   only); spent since session 12 (read to write rules; training material of the model).
3k. tests/data/headlines-blind11.jsonl: the eleventh blind set (session 12). Measured once by the lead at
   the start of session 13 (`--blind11`, counts only); spent since (read to fix and write rules; training
   material of the model).
3l. tests/data/headlines-blind12.jsonl: the twelfth blind set (session 13). Measured once by the lead at the end of
   session 13 (counts only); spent since (session 14 read its flagged sober lines and its misses to fix and write
   rules by device; not training material of the model).
3m. tests/data/headlines-blind13.jsonl: the thirteenth blind set (session 14). Measured once by the lead at the end
   of session 14 (`--blind13`, counts only: 518/573 with the model, sober 17/573); spent since (the build script's
   NEVER list still keeps it out of training until a session decides otherwise).
3n. tests/data/headlines-blind14.jsonl: the fourteenth blind set (session 15, written blind while the rules were
   worked on). Held out: read only with `--blind14` (counts only, never a headline), once, by the lead at the end;
   no harness that tunes reads it (the build script's NEVER list names it).
   Every blind-set and portal figure is also given without `headline.score` (the model, on by
   default since session 8, asked for here by name), to show what it adds. The sets measured
   whole are listed in WHOLE_BLIND_SETS: a new set is one line there.
4. The labelled portal titles of <corpus>/articles/hancd-*.jsonl (a research data set's noisy
   clickbait label): precision and recall on those labelled `clickbait`, and the share of
   those labelled `not-clickbait` that are flagged. `--show portal-fp` lists the flagged
   not-clickbait titles (to judge the labels by hand), `portal-tp` the flagged clickbait and
   `portal-fn` a sample of the missed ones. These are measurement material: never copy them
   into the project.
5. The whole corpus as documents (each hancd article as title + body, each clean/ and seed/
   file as one .txt): the headline pack's findings per 10,000 characters (the project bar for
   false positives is < 1 per 10,000 over all default rules).
6. `--throughput ROUNDS`: the cost of the pack. Two linters in this process, the default rule
   set and the same without the `headline` pack, lint the same articles
   (benchmarks/articles.py) in alternating rounds timed in CPU time (the machine is shared,
   so rounds are interleaved; the ratio of the best rounds and the median of the per-round
   ratios are reported).
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT / "tests" / "data" / "headlines.tsv"
BLIND = ROOT / "tests" / "data" / "headlines-blind.tsv"
BLIND_JSONL = ROOT / "tests" / "data" / "headlines-blind.jsonl"
BLIND2_JSONL = ROOT / "tests" / "data" / "headlines-blind2.jsonl"
# the blind sets measured whole, counts only (`--blind3` ...): number -> what their figures are now
WHOLE_BLIND_SETS = {
    3: "third blind set (spent since session 5: tuned figures)",
    4: "fourth blind set (spent since session 6: training material of the model)",
    5: "fifth blind set (spent since session 7: tuned figures, training material of the model)",
    6: "sixth blind set (spent since session 8: tuned figures, training material of the model)",
    7: "seventh blind set (spent since session 8: training material of the model since session 9)",
    8: "eighth blind set (spent since session 10: tuned figures, training material of the model)",
    9: "ninth blind set (spent since session 11: tuned figures, training material of the model)",
    10: "tenth blind set (spent since session 12: tuned figures, training material of the model)",
    11: "eleventh blind set (spent since session 13: tuned figures, training material of the model)",
    12: "twelfth blind set (spent since session 14: tuned figures; not training material of the model)",
    13: "thirteenth blind set (session 14, written blind; measured once by the lead at the end of session 14, spent since)",
    14: "fourteenth blind set (session 15, written blind; held out: the lead measures it once, at the end)",
}


def blind_path(number: int) -> Path:
    return ROOT / "tests" / "data" / f"headlines-blind{number}.jsonl"


FORM_RULES = {"headline.length", "headline.empty"}
SCORE_RULE = "headline.score"  # the model (info level): also reported without it, to judge what it adds
SELECT = ["headline", "headline.score", "punctuation.repeated-marks"]  # the model by name (off by default until session 8)
FAMILY_ORDER = ["withheld", "hidden-ending", "insider", "everyone-claim", "share-plea",
                "exclaim-prefix", "seo-repeat", "shock", "false-urgency", "moral-coercion", "other"]


def load_labelled(path: Path = DATA) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def load_blind(path: Path = BLIND_JSONL) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def engine_checker():
    """(rule, matched text, message) of the clickbait findings on a headline, by the real engine."""
    from lint import lint_text

    def check(headline: str) -> list[tuple[str, str, str]]:
        findings = lint_text(headline + "\n", select=SELECT)
        return [(f.rule, f.text, f.message) for f in findings if f.rule not in FORM_RULES]

    return check


# --- 1, 2: the project's own sets --------------------------------------------------------------
def evaluate(name, rows, check, verbose):
    tp = fp = fn = tn = 0
    misses, false_alarms = [], []
    for row in rows:
        hits = check(row["headline"])
        if row["label"] == "clickbait":
            tp += bool(hits)
            fn += not hits
            if not hits:
                misses.append(row)
        elif hits:
            fp += 1
            false_alarms.append((row, hits))
        else:
            tn += 1
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"{name}: {len(rows)} headlines ({tp + fn} clickbait, {fp + tn} sober): "
          f"precision {precision:.3f}  recall {recall:.3f}  (tp {tp} fp {fp} fn {fn} tn {tn})")
    if verbose:
        for row in misses:
            print(f"  missed [{row['family']}] {row['headline']}")
    for row, hits in false_alarms:
        print(f"  FALSE POSITIVE [{row['family']}] {row['headline']}  <- {[h[:2] for h in hits]}")
    return precision, recall


# --- 3: the blind set of issue 14 --------------------------------------------------------------
def blind_figures(rows, check, splits=("tune",)) -> dict:
    """Per split: clickbait flagged/total per family, sober flagged/total, rules that fired."""
    out = {}
    for split in splits:
        part = [r for r in rows if r["split"] == split]
        families = defaultdict(lambda: [0, 0])
        sober = [0, 0]
        by_rule = Counter()
        without_score = [0, 0]  # clickbait caught, sober flagged by the rules alone
        for row in part:
            hits = check(row["headline"])
            ruled = any(h[0] != SCORE_RULE for h in hits)
            for rule in {h[0] for h in hits}:
                by_rule[rule] += 1
            if row["label"] == "clickbait":
                families[row["family"]][0] += bool(hits)
                families[row["family"]][1] += 1
                without_score[0] += ruled
            else:
                sober[0] += bool(hits)
                sober[1] += 1
                without_score[1] += ruled
        caught = sum(v[0] for v in families.values())
        total = sum(v[1] for v in families.values())
        out[split] = {
            "recall": caught / total, "clickbait": [caught, total],
            "false_alarm_rate": sober[0] / sober[1], "sober": sober,
            "families": {f: families[f] for f in FAMILY_ORDER if f in families},
            "without_score": {"clickbait": [without_score[0], total], "sober": [without_score[1], sober[1]]},
            "rules": dict(by_rule.most_common()),
        }
    return out


def print_blind(figures, path=BLIND_JSONL):
    splits = list(figures)
    print(f"\nblind set ({path.relative_to(ROOT)}), flagged/total:")
    print(f"  {'family':16} " + " ".join(f"{s:>12}" for s in splits))
    for family in FAMILY_ORDER:
        cells = []
        if not any(family in figures[split]["families"] for split in splits):
            continue
        for split in splits:
            hit, total = figures[split]["families"].get(family, [0, 0])
            cells.append(f"{hit:3}/{total:<3} {hit / total if total else 0:4.2f}")
        print(f"  {family:16} " + " ".join(f"{c:>12}" for c in cells))
    for label, key, rate in (("clickbait recall", "clickbait", "recall"),
                             ("sober flagged", "sober", "false_alarm_rate")):
        cells = [f"{figures[s][key][0]:3}/{figures[s][key][1]:<3} {figures[s][rate]:4.2f}" for s in splits]
        print(f"  {label:16} " + " ".join(f"{c:>12}" for c in cells))
    cells = []
    for s in splits:
        w = figures[s]["without_score"]
        cells.append(f"{w['clickbait'][0]}/{w['clickbait'][1]} {w['sober'][0]}/{w['sober'][1]}")
    print(f"  {'without ' + SCORE_RULE + ' (clickbait, sober flagged)':16} " + " ".join(f"{c:>12}" for c in cells))
    for split in splits:
        print(f"  rules that fired ({split}): {figures[split]['rules']}")


def show_tune(rows, check, path=BLIND_JSONL):
    """Misses and false alarms of the tune split only (never the holdout)."""
    print(f"\ntune split of {path.name}, misses and false alarms:")
    for row in rows:
        if row["split"] != "tune":
            continue
        hits = check(row["headline"])
        if row["label"] == "clickbait" and not hits:
            print(f"  missed [{row['family']}] {row['headline']}")
        elif row["label"] != "clickbait" and hits:
            print(f"  FALSE ALARM {row['headline']}  <- {[h[:2] for h in hits]}")


def blind3_figures(rows, check) -> dict:
    """Counts only (no headline is ever printed): clickbait flagged by family and by cue, sober
    flagged by cue, each by the rules alone and with the model."""
    out = {"families": defaultdict(lambda: [0, 0, 0]), "cues": defaultdict(lambda: [0, 0, 0]),
           "sober_cues": defaultdict(lambda: [0, 0, 0]), "rules": Counter()}
    for row in rows:
        hits = check(row["headline"])
        ruled = any(h[0] != SCORE_RULE for h in hits)
        for rule in {h[0] for h in hits}:
            out["rules"][f"{rule} ({row['label']})"] += 1
        if row["label"] == "clickbait":
            # (a set without `family` or `cue` fields is counted under "-")
            for key, table in ((row.get("family", "-"), out["families"]), (row.get("cue", "-"), out["cues"])):
                table[key][0] += ruled
                table[key][1] += bool(hits)
                table[key][2] += 1
        else:
            table = out["sober_cues"][row.get("cue", "-")]
            table[0] += ruled
            table[1] += bool(hits)
            table[2] += 1
    for name in ("families", "cues", "sober_cues"):
        out[name] = dict(sorted(out[name].items()))
    out["rules"] = dict(out["rules"].most_common())
    clickbait = [sum(v[i] for v in out["families"].values()) for i in range(3)]
    sober = [sum(v[i] for v in out["sober_cues"].values()) for i in range(3)]
    out["clickbait"], out["sober"] = clickbait, sober
    return out


def print_blind3(f, path, title):
    c, s = f["clickbait"], f["sober"]
    print(f"\n{title} ({path.relative_to(ROOT)}), counts only")
    print(f"  clickbait recall: rules {c[0]}/{c[2]} = {c[0] / c[2]:.3f}; with {SCORE_RULE} {c[1]}/{c[2]} = {c[1] / c[2]:.3f}")
    print(f"  sober flagged:    rules {s[0]}/{s[2]} = {s[0] / s[2]:.3f}; with {SCORE_RULE} {s[1]}/{s[2]} = {s[1] / s[2]:.3f}")
    for title, table in (("clickbait by family", f["families"]), ("clickbait by cue", f["cues"]),
                         ("sober flagged by cue", f["sober_cues"])):
        print(f"  {title} (rules / with the model / total):")
        for key, (ruled, both, total) in table.items():
            print(f"    {key:24} {ruled:3} / {both:3} / {total:3}")
    print(f"  rules that fired: {f['rules']}")


# --- 4: labelled portal titles -----------------------------------------------------------------
def hancd_rows(corpus: Path) -> list[dict]:
    rows = []
    for path in sorted((corpus / "articles").glob("hancd-*.jsonl")):
        site = path.stem.removeprefix("hancd-")
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                rows.append({"site": site, "label": record["label"], "title": record["title"].strip(),
                             "body": record["body"]})
    return rows


def portal_figures(rows, check) -> tuple[dict, list]:
    tp = fp = fn = tn = 0
    rules_tp = rules_fp = 0
    by_rule = Counter()
    judged = []
    for row in rows:
        hits = check(row["title"])
        ruled = any(h[0] != SCORE_RULE for h in hits)
        rules_tp += row["label"] == "clickbait" and ruled
        rules_fp += row["label"] != "clickbait" and ruled
        for rule in {h[0] for h in hits}:
            by_rule[rule, row["label"]] += 1
        clickbait = row["label"] == "clickbait"
        tp += clickbait and bool(hits)
        fn += clickbait and not hits
        fp += (not clickbait) and bool(hits)
        tn += (not clickbait) and not hits
        judged.append((row, hits))
    figures = {
        "precision": tp / (tp + fp) if tp + fp else 1.0, "recall": tp / (tp + fn),
        "not_clickbait_flagged": fp / (fp + tn), "tp": tp, "fp": fp, "fn": fn, "tn": tn,
        "rules": {f"{rule} ({label})": n for (rule, label), n in sorted(by_rule.items())},
        "without_score": {"precision": rules_tp / (rules_tp + rules_fp) if rules_tp + rules_fp else 1.0,
                          "recall": rules_tp / (tp + fn), "not_clickbait_flagged": rules_fp / (fp + tn)},
    }
    return figures, judged


def print_portal(figures):
    f = figures
    print(f"\nportal titles (hancd, noisy labels): {f['tp'] + f['fn']} labelled clickbait, "
          f"{f['fp'] + f['tn']} not-clickbait")
    print(f"  precision {f['precision']:.3f}  recall {f['recall']:.3f}  "
          f"not-clickbait flagged {f['fp']}/{f['fp'] + f['tn']} = {f['not_clickbait_flagged']:.3f}")
    w = f["without_score"]
    print(f"  without {SCORE_RULE}: precision {w['precision']:.3f}  recall {w['recall']:.3f}  "
          f"not-clickbait flagged {w['not_clickbait_flagged']:.3f}")
    for key, n in f["rules"].items():
        print(f"    {key:48} {n}")


# --- 5: the corpus as documents ----------------------------------------------------------------
def corpus_documents(corpus: Path) -> list[tuple[str, str, str]]:
    """(kind, name, text): each hancd article as title + body (kind: its label), each clean/ and
    seed/ file as one document (kind: `file`)."""
    docs = [(r["label"], f"{r['site']}:{r['title']}", f"{r['title']}\n\n{r['body']}\n") for r in hancd_rows(corpus)]
    for path in sorted((corpus / "clean").glob("*.txt")) + sorted((corpus / "seed").glob("*.txt")):
        docs.append(("file", path.name, path.read_text(encoding="utf-8")))
    return docs


def corpus_figures(corpus: Path, show: bool) -> dict:
    """The pack's findings on the corpus as documents. Findings on articles labelled
    `clickbait` are not counted as false positives; the others are the upper bound."""
    from lint import lint_text

    docs = corpus_documents(corpus)
    chars = sum(len(text) for _, _, text in docs)
    found = Counter()
    by_kind = Counter()
    for kind, name, text in docs:
        for f in lint_text(text, "article.txt", select=["headline", "headline.score"]):
            if f.rule in FORM_RULES:
                continue
            found[f.rule] += 1
            by_kind[kind] += 1
            if show and kind != "clickbait":
                print(f"  corpus [{kind}] [{name[:60]}] {f.rule}: {f.text}")
    total = sum(found.values())
    suspect = total - by_kind["clickbait"]
    print(f"\ncorpus documents ({len(docs)}, {chars:,} characters): headline clickbait findings {total} "
          f"({dict(by_kind)}); not on labelled clickbait: {suspect} = {suspect * 1e4 / chars:.3f} per 10,000 "
          f"characters (upper bound of the pack's false positives)")
    print(f"  by rule: {dict(found)}")
    return {"findings": total, "not_on_clickbait": suspect, "chars": chars, "per_10k": suspect * 1e4 / chars}


# --- 6: what the pack costs ------------------------------------------------------------------
def throughput(rounds: int, mb: float) -> dict:
    """MB/s with the headline pack against MB/s without it, rounds interleaved. Each round is
    timed in CPU time of this process (on a shared machine a process waits for a core, which
    is not the linter's cost); the ratio of the best rounds and the median of the per-round
    ratios are both reported."""
    import statistics
    import time

    from benchmarks.articles import articles_of_size
    from lint.linter import Linter

    docs = articles_of_size(mb)
    size = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    linters = {"with": Linter(), "without": Linter(ignore=["headline"])}
    for linter in linters.values():  # warm up: expressions compile on first use
        for doc in docs:
            linter.lint_text(doc, "article.txt")
    speeds = {name: [] for name in linters}
    for i in range(rounds):
        order = ("with", "without") if i % 2 == 0 else ("without", "with")
        for name in order:
            start = time.process_time()
            for doc in docs:
                linters[name].lint_text(doc, "article.txt")
            speeds[name].append(size / (time.process_time() - start))
    ratios = [w / wo for w, wo in zip(speeds["with"], speeds["without"])]
    best = max(speeds["with"]) / max(speeds["without"])
    result = {"rounds": rounds, "mb": round(size, 2),
              "with_best_mb_s": max(speeds["with"]), "without_best_mb_s": max(speeds["without"]),
              "ratio_best": best, "ratio_median": statistics.median(ratios),
              "ratios": [round(r, 3) for r in ratios]}
    print(f"\nthroughput ({rounds} interleaved rounds of {size:.1f} MB, CPU time): best round with the "
          f"headline pack {result['with_best_mb_s']:.2f} MB/s, without {result['without_best_mb_s']:.2f} MB/s, "
          f"ratio {best:.3f}; median of the per-round ratios {result['ratio_median']:.3f} "
          f"(per round: {result['ratios']})")
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--show", action="append", default=[],
                        choices=["own", "tune", "tune2", "portal-fp", "portal-fn", "portal-tp", "corpus"])
    parser.add_argument("--sample", type=int, default=60, help="missed portal clickbait titles to print")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--holdout", action="store_true",
                        help="also measure the old blind set's holdout split (aggregates only; spent: "
                             "measured twice in session 2)")
    parser.add_argument("--holdout2", action="store_true",
                        help="also measure headlines-blind2.jsonl's holdout split (aggregates only; once, at "
                             "the end of the work on the rules, never while tuning)")
    for number, title in WHOLE_BLIND_SETS.items():
        parser.add_argument(f"--blind{number}", action="store_true",
                            help=f"also measure headlines-blind{number}.jsonl, the {title} (counts only, never a "
                                 "headline)")
    parser.add_argument("--throughput", type=int, metavar="ROUNDS",
                        help="only measure what the pack costs: ROUNDS interleaved rounds with and without it")
    parser.add_argument("--mb", type=float, default=2.0, help="megabytes of articles per throughput round")
    args = parser.parse_args(argv)
    if args.throughput:
        result = throughput(args.throughput, args.mb)
        if args.json:
            args.json.write_text(json.dumps({"throughput": result}, indent=1), encoding="utf-8")
        return 0
    check = engine_checker()
    results = {}

    own = evaluate("project set (headlines.tsv)", load_labelled(DATA), check, verbose="own" in args.show)
    old = evaluate("old blind set (headlines-blind.tsv)", load_labelled(BLIND), check, verbose=False)
    results["own"] = {"precision": own[0], "recall": own[1]}
    results["old_blind"] = {"precision": old[0], "recall": old[1]}

    blind = load_blind()
    results["blind"] = blind_figures(blind, check, ("tune", "holdout") if args.holdout else ("tune",))
    print_blind(results["blind"])
    if "tune" in args.show:
        show_tune(blind, check)
    if BLIND2_JSONL.exists():
        blind2 = load_blind(BLIND2_JSONL)
        results["blind2"] = blind_figures(blind2, check, ("tune", "holdout") if args.holdout2 else ("tune",))
        print_blind(results["blind2"], BLIND2_JSONL)
        if "tune2" in args.show:
            show_tune(blind2, check, BLIND2_JSONL)
    for number, title in WHOLE_BLIND_SETS.items():
        path = blind_path(number)
        if getattr(args, f"blind{number}") and path.exists():
            results[f"blind{number}"] = blind3_figures(load_blind(path), check)
            print_blind3(results[f"blind{number}"], path, title)

    if args.corpus.is_dir():
        rows = hancd_rows(args.corpus)
        results["portal"], judged = portal_figures(rows, check)
        print_portal(results["portal"])
        if "portal-fp" in args.show:
            print("\n  flagged, labelled not-clickbait:")
            for row, hits in judged:
                if hits and row["label"] != "clickbait":
                    print(f"    [{row['site']}] {row['title']}  <- {[h[:2] for h in hits]}")
        if "portal-tp" in args.show:
            print("\n  flagged, labelled clickbait:")
            for row, hits in judged:
                if hits and row["label"] == "clickbait":
                    print(f"    [{row['site']}] {row['title']}  <- {[h[:2] for h in hits]}")
        if "portal-fn" in args.show:
            missed = [row for row, hits in judged if not hits and row["label"] == "clickbait"]
            rng = random.Random(args.seed)
            print(f"\n  missed, labelled clickbait (sample of {min(args.sample, len(missed))}):")
            for row in rng.sample(missed, min(args.sample, len(missed))):
                print(f"    [{row['site']}] {row['title']}")
        results["corpus"] = corpus_figures(args.corpus, "corpus" in args.show)
    else:
        print(f"(no corpus at {args.corpus}; skipping portal titles and corpus documents)")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
