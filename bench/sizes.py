#!/usr/bin/env python3
"""Choose model sizes by measurement: held-out accuracy vs onnxruntime lines/s, one table.

    python bench/sizes.py [--synthetic 20000] [--epochs 4] [--out runs/sizes]

Each row trains a model with `logsplit-train`'s own train() on the same synthetic data (seeded),
evaluates it on the held-out corpus families, and times the exported ONNX model on the same
4,096 held-out lines (length-sorted batches of 256, 2 threads) in this one process, so the
speed column is comparable across rows.  The last row repeats the default size without digit
normalisation, to measure what normalisation costs or buys.
"""
import argparse
import json
import os
import statistics
import sys
import time

from logsplit import defaults
from logsplit.vocab import Vocabulary

ROWS = [  # (label, embed, units, layers, normalise digits)
    ("E8/H16", 8, 16, 1, True),
    ("E16/H32", 16, 32, 1, True),
    ("E24/H48", 24, 48, 1, True),
    ("E32/H64", 32, 64, 1, True),
    ("2x E16/H32", 16, 32, 2, True),
    ("E16/H32 raw digits", 16, 32, 1, False),
]


def time_models(results, lines, rounds):
    """Time every model on the same lines, round-robin (A B C A B C ...), so that the noise of a
    shared machine hits all rows alike; fills in each row's median lines/s."""
    from logsplit_train import export
    from logsplit_train.fit import read_metadata
    runs = [(r, export.session(r[6]), Vocabulary(read_metadata(r[6])["vocab"])) for r in results]
    times = {id(r): [] for r in results}
    for _ in range(rounds):
        for r, sess, vocab in runs:
            t0 = time.perf_counter()
            export.onnx_logits(sess, lines, vocab, batch=256)
            times[id(r)].append(time.perf_counter() - t0)
    for r in results:
        r[4] = len(lines) / statistics.median(times[id(r)])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--synthetic", type=int, default=20000)
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--out", default="runs/sizes")
    ap.add_argument("--rounds", type=int, default=5, help="timing rounds (median is reported)")
    ap.add_argument("--time-only", action="store_true",
                    help="skip training: time the models already in --out")
    ap.add_argument("--rows", default="", help="comma-separated row labels (default: all)")
    ap.add_argument("--holdout", default=",".join(defaults.HOLDOUT_FAMILIES),
                    help="held-out families to evaluate and time on")
    args = ap.parse_args()
    from logsplit_train import corpus, export
    from logsplit_train.fit import TrainConfig, train

    os.makedirs(args.out, exist_ok=True)
    holdout = [h for h in args.holdout.split(",") if h]
    lines = [s.text for s in corpus.generate(4096, seed=99, families=holdout)]
    results = []
    rows = [r for r in ROWS if not args.rows or r[0] in args.rows.split(",")]
    for label, e, h, n, norm in rows:
        out = os.path.join(args.out, label.replace("/", "_").replace(" ", "_") + ".onnx")
        if args.time_only:
            with open(out[:-5] + ".eval.json", encoding="utf-8") as f:
                summary = json.load(f)
            summary = {**summary["training"], "evaluation": summary["evaluation"]}
        else:
            cfg = TrainConfig(out=out, force=True, synthetic=args.synthetic, epochs=args.epochs,
                              embed=e, units=h, layers=n, normalise_digits=norm, verbose=0,
                              synthetic_val=3000, parity_lines=100, holdout=tuple(holdout))
            summary = train(cfg, log=lambda *a: None)
        ov = summary["evaluation"]["overall"]
        results.append([label, ov["fields"]["f1"], ov["line_accuracy"], ov["char_accuracy"],
                        None, summary["fit_seconds"], out])
        print(f"{label:20} field F1 {ov['fields']['f1']:.4f}  line acc {ov['line_accuracy']:.4f}",
              file=sys.stderr, flush=True)
    time_models(results, lines, args.rounds)
    mean_len = sum(map(len, lines)) / len(lines)
    print(f"\n{args.synthetic} synthetic lines, {args.epochs} epochs max; speed on {len(lines)} "
          f"held-out lines (mean {mean_len:.0f} chars), median of {args.rounds} round-robin "
          f"rounds\n")
    print("| model | held-out field F1 | line accuracy | char accuracy | lines/s | fit s |")
    print("|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r[0]} | {r[1]:.4f} | {r[2]:.4f} | {r[3]:.4f} | {r[4]:.0f} | {r[5]:.0f} |")


if __name__ == "__main__":
    main()
