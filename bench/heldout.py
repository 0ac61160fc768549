#!/usr/bin/env python3
"""Score a trained model again on its held-out corpus families, as its training report did.

The training report (``X.eval.md``) is written once, when the model is trained; after a fix to
the corpus generator's labels (a construction that contradicted the convention) the same
model can be scored on the same held-out lines, labeled as the convention says now.  The lines
are regenerated exactly as ``train()`` made its test set: the families, seed and count come
from the model's metadata (``--seed``/``--lines``/``--holdout`` override them).

  python bench/heldout.py runs/synth14.onnx                      # table to stdout
  python bench/heldout.py runs/synth14.onnx --out docs/synthetic-only.eval.md
  python bench/heldout.py models/logsplit.onnx --holdout all --lines 5600 --seed 424242

``--holdout all`` draws fresh lines of every corpus family: on a model trained on all of them
(the shipped one) that measures fit, not generalisation.
"""
from __future__ import annotations

import argparse
import os
import sys


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("model", help="an .onnx model written by logsplit-train")
    ap.add_argument("--seed", type=int, help="the training seed (default: the model's)")
    ap.add_argument("--lines", type=int, help="held-out lines (default: the model's synthetic_val)")
    ap.add_argument("--holdout", help="comma list of families, or 'all' (default: the model's)")
    ap.add_argument("--out", help="also write the report as Markdown here")
    a = ap.parse_args(argv)

    from logsplit.vocab import Vocabulary
    from logsplit_train import export
    from logsplit_train.fit import TrainConfig, read_metadata, synthetic_sets
    from logsplit_train.metrics import evaluate
    from logsplit_train.report import format_report, report_markdown

    meta = read_metadata(a.model)
    conf = (meta.get("training") or {}).get("config") or {}
    every = a.holdout == "all"  # no family held out: train()'s test set is then every family
    holdout = () if every else tuple(
        h for h in (a.holdout or ",".join(conf.get("holdout") or [])).split(",") if h)
    if not holdout and not every:
        raise SystemExit("heldout: the model names no held-out family; give --holdout")
    cfg = TrainConfig(synthetic=1, synthetic_val=a.lines or conf.get("synthetic_val") or 6000,
                      holdout=holdout, seed=conf.get("seed", 0) if a.seed is None else a.seed)
    _, _, test = synthetic_sets(cfg)
    vocab = Vocabulary(meta.get("vocab"))
    sess = export.session(a.model)
    result = evaluate(test, export.onnx_masks(sess, [s.text for s in test], vocab))
    names = "every family" if every else ", ".join(holdout)
    title = (f"Held-out families of {os.path.basename(a.model)} ({names}), "
             f"{len(test)} lines, seed {cfg.seed}, labels as the corpus makes them now")
    from rich.console import Console
    Console().print(format_report(result, title))
    if a.out:
        with open(a.out, "w", encoding="utf-8") as f:
            f.write(report_markdown(result, title, {"command": "python bench/heldout.py "
                                                    + " ".join(argv or sys.argv[1:])}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
