#!/usr/bin/env python3
"""Key/value pair precision and recall on corpus lines, with true and with predicted spans.

    python bench/pairs.py [--lines 200] [--seed 7] [--model M.onnx] [--show 5 [--show-only held-out]] [--no-model]

The corpus generator records pairs by construction (``Line.kv`` -> ``Sample.pairs``), but only
where a family's generator uses ``kv()``; a line whose generator wrote its pairs by hand has
no recorded pairs, and predicted pairs there could not be told right from wrong.  So only lines
with at least one recorded pair are scored (their count per family is printed): a pair the
rules find on such a line and the generator did not record counts against precision.

* **true spans**: :func:`logsplit.pairs.find_pairs` on the generator's own spans, which isolates
  the pair rules from the split;
* **predicted spans**: the model's split (empty fields derived by :mod:`logsplit.fieldspans`),
  end to end; a predicted pair is right when its key's and its value's spans both equal a
  recorded pair's.

Reported on the held-out families (``logsplit.defaults.HOLDOUT_FAMILIES``) and on all families.
``--show N`` prints up to N wrong and N missed pairs per family (true spans).
"""
from __future__ import annotations

import argparse
import collections
import sys

from logsplit import defaults
from logsplit.fieldspans import spans_of
from logsplit.pairs import find_pairs


def span_pairs(spans, pairs):
    return {(tuple(spans[k]), tuple(spans[v])) for k, v in pairs}


def draw(text, pair):
    (ks, ke), (vs, ve) = pair
    return f"{text[ks:ke]!r}->{text[vs:ve]!r} in {text[max(ks - 50, 0):ve + 50]!r}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lines", type=int, default=200, help="lines per family (default 200)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--model", help="ONNX model for the predicted spans (default: shipped)")
    ap.add_argument("--no-model", action="store_true", help="true spans only")
    ap.add_argument("--show", type=int, default=0, help="examples of errors per family")
    ap.add_argument("--show-only", default="",
                    help="comma-separated families whose errors --show prints (default all; "
                         "'held-out' for the held-out families)")
    args = ap.parse_args(argv)

    from logsplit_train.corpus import generate, names

    fams = names()
    only = set(defaults.HOLDOUT_FAMILIES) if args.show_only == "held-out" else \
        {f for f in args.show_only.split(",") if f}
    samples = [s for s in generate(args.lines * len(fams), seed=args.seed) if s.pairs]
    pred_spans = None
    if not args.no_model:
        from logsplit.splitter import Splitter

        sp = Splitter(args.model)
        pred_spans = [spans_of(s.text, r.delimiter_mask()) for s, r in
                      zip(samples, sp.split([s.text for s in samples]))]
    # family -> [lines, tp, fp, fn] for true spans and for predicted spans
    tab = {m: collections.defaultdict(lambda: [0, 0, 0, 0]) for m in ("true", "pred")}
    shown = collections.Counter()
    for i, s in enumerate(samples):
        spans = s.spans
        truth = span_pairs(spans, s.pairs)
        runs = [("true", spans)] + ([("pred", pred_spans[i])] if pred_spans else [])
        for mode, sps in runs:
            got = span_pairs(sps, find_pairs(s.text, sps))
            row = tab[mode][s.source]
            row[0] += 1
            row[1] += len(got & truth)
            row[2] += len(got - truth)
            row[3] += len(truth - got)
            if mode == "true" and args.show and (not only or s.source in only):
                for p in sorted(got - truth):
                    if shown[s.source, "fp"] < args.show:
                        shown[s.source, "fp"] += 1
                        print(f"  FP {s.source}: {draw(s.text, p)}")
                for p in sorted(truth - got):
                    if shown[s.source, "fn"] < args.show:
                        shown[s.source, "fn"] += 1
                        print(f"  FN {s.source}: {draw(s.text, p)}")

    def prf(rows):
        lines = sum(r[0] for r in rows)
        tp, fp, fn = (sum(r[k] for r in rows) for k in (1, 2, 3))
        p = tp / (tp + fp) if tp + fp else float("nan")
        r = tp / (tp + fn) if tp + fn else float("nan")
        return lines, tp, fp, fn, p, r

    holdout = set(defaults.HOLDOUT_FAMILIES)
    modes = ["true"] + (["pred"] if pred_spans else [])
    print(f"lines with recorded pairs, of {args.lines} per family, seed {args.seed}")
    print("| family | lines | " + " | ".join(f"{m} P | {m} R" for m in modes) + " |")
    print("|---|---|" + "---|---|" * len(modes))
    for f in sorted(tab["true"]):
        cells = []
        for m in modes:
            _, _, _, _, p, r = prf([tab[m][f]])
            cells += [f"{p:.3f}", f"{r:.3f}"]
        mark = " (held out)" if f in holdout else ""
        print(f"| {f}{mark} | {tab['true'][f][0]} | " + " | ".join(cells) + " |")
    for label, keep in (("held-out families", lambda f: f in holdout),
                        ("all families", lambda f: True)):
        cells = []
        for m in modes:
            lines, tp, fp, fn, p, r = prf([v for f, v in tab[m].items() if keep(f)])
            cells.append(f"{m} spans: P {p:.4f} R {r:.4f} (tp {tp} fp {fp} fn {fn})")
        print(f"{label} ({lines} lines): " + "; ".join(cells))
    missing = sorted(holdout - set(tab["true"]))
    if missing:
        print(f"held-out families with no recorded pairs: {', '.join(missing)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
