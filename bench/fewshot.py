"""How many corrected lines does logsplit need to learn a format?  (issue 9, the few-shot bench)

For each format (the held-out corpus families, ``logsplit.defaults.HOLDOUT_FAMILIES``, and each
Loghub dev system under ``--loghub``), starting every time from the same model (``--init``, meant
to be the synthetic-only model, which never saw these formats), it fine-tunes with the teach
code path (:func:`logsplit_train.teach.teach_samples`, exactly what ``logsplit-train --teach``
runs) on k = 1, 2, 5, 10, 20 corrected lines drawn from the format's training side (3 seeds),
and reports:

* line accuracy on that format's unseen lines (its other side), before and after;
* the change of line accuracy on every other corpus family (forgetting: the worst drop);
* the wall time of each fine-tune (in process: TensorFlow's import is paid once).

Writes ``fewshot.json``, ``fewshot.md`` (tables) and ``fewshot.png`` (accuracy against k, one
curve per format) into ``--out``::

    python bench/fewshot.py --init runs/synth6.onnx --out runs/fewshot
    python bench/fewshot.py --init runs/synth6.onnx --out runs/fs --formats haproxy,HDFS --seeds 1
    python bench/fewshot.py --init runs/tiny.onnx --out /tmp/fs --quick    # a smoke run
    python bench/fewshot.py --init M --out runs/fs --merge runs/fs_a/fewshot.json runs/fs_b/fewshot.json
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_LOGHUB = os.path.join(HERE, "..", "..", "shared", "data", "loghub")
LOGHUB_DEV = ["HDFS", "Hadoop", "Spark", "Zookeeper", "OpenSSH", "Linux", "Apache", "Android"]


def parse_args(argv=None):
    from logsplit import defaults as d
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--init", required=True, help="model to start every fine-tune from "
                    "(.onnx with its .keras beside it)")
    ap.add_argument("--out", required=True, help="directory for fewshot.json/.md/.png")
    ap.add_argument("--k", default="1,2,5,10,20", help="corrected lines per fine-tune")
    ap.add_argument("--seeds", type=int, default=3, help="draws of corrected lines per k")
    ap.add_argument("--first-seed", type=int, default=0, help="number of the first draw (to "
                    "carry on a stopped run in another --out, then --merge)")
    ap.add_argument("--formats", default=None, help="comma list (default: the held-out "
                    "families and the Loghub dev systems found under --loghub)")
    ap.add_argument("--loghub", default=DEFAULT_LOGHUB, help="Loghub data directory")
    ap.add_argument("--eval-lines", type=int, default=300, help="unseen lines per format")
    ap.add_argument("--check-per-family", type=int, default=40,
                    help="fresh lines per other corpus family for the forgetting check")
    ap.add_argument("--replay", type=int, default=d.TEACH_REPLAY_LINES)
    ap.add_argument("--epochs", type=int, default=d.TEACH_EPOCHS)
    ap.add_argument("--learning-rate", type=float, default=d.TEACH_LEARNING_RATE)
    ap.add_argument("--batch", type=int, default=d.TEACH_BATCH)
    ap.add_argument("--share", type=float, default=d.TEACH_CORRECTION_SHARE,
                    help="share of the training lines that are corrections (repeated)")
    ap.add_argument("--varied", type=float, default=d.TEACH_VARIED_SHARE,
                    help="share of the corrections' repeats that are label-preserving variants")
    ap.add_argument("--quick", action="store_true", help="a smoke run: k=1,2, one seed, two "
                    "formats, few lines, small replay, one epoch")
    ap.add_argument("--no-route", dest="route", action="store_false",
                    help="fine-tune one network for every line (teach's --no-route)")
    ap.add_argument("--verbose", action="store_true", help="TensorFlow's own logs too")
    ap.add_argument("--threads", type=int, default=0, help="TensorFlow threads (default: all "
                    "cores; 1 when running one process per core side by side)")
    ap.add_argument("--merge", nargs="+", metavar="JSON", help="no run: combine the fewshot.json "
                    "of runs made side by side (e.g. one process per core on disjoint --formats) "
                    "into one --out; --init and the other options must be alike")
    a = ap.parse_args(argv)
    if a.quick:
        if a.k == ap.get_default("k"):
            a.k = "1,2"
        a.seeds, a.eval_lines, a.check_per_family = 1, 20, 3
        a.replay, a.epochs = 32, 1
        a.formats = a.formats or "haproxy,HDFS"
    a.k = [int(x) for x in a.k.split(",") if x]  # run in this order, reported sorted
    return a


def format_pools(names, loghub_dir, eval_lines, max_k, seed=0):
    """{format: (training side, unseen side)}: corpus families from two seeds; a Loghub system
    split in two halves (shuffled), unseen lines whose text is on the training side dropped."""
    from logsplit_train import corpus
    from logsplit_train.readers import read_path
    fams = set(corpus.names())
    pools = {}
    for name in names:
        if name in fams:
            train = corpus.generate(max(4 * max_k, 50), seed=seed + 11, families=[name])
            test = corpus.generate(eval_lines, seed=seed + 12, families=[name])
        else:
            d = os.path.join(loghub_dir, name)
            if not os.path.isdir(d):
                print(f"fewshot: {name}: neither a corpus family nor {d}; skipped", file=sys.stderr)
                continue
            lines = read_path(d, strict=False, stats={})
            random.Random(f"{seed}:{name}").shuffle(lines)
            half = len(lines) // 2
            train = lines[:half]
            seen = {s.text for s in train}
            test = [s for s in lines[half:] if s.text not in seen][:eval_lines]
        for s in train + test:
            s.source = name
        pools[name] = (train, test)
    return pools


def run(a) -> dict:
    from logsplit_train.teach import TeachConfig, quiet_tensorflow
    quiet_tensorflow(a.verbose)
    if a.threads:
        import tensorflow as tf
        tf.config.threading.set_intra_op_parallelism_threads(a.threads)
        tf.config.threading.set_inter_op_parallelism_threads(a.threads)
    from logsplit_train import corpus
    from logsplit_train.teach import teach_samples
    from logsplit import defaults as d

    names = a.formats.split(",") if a.formats else list(d.HOLDOUT_FAMILIES) + [
        s for s in LOGHUB_DEV if os.path.isdir(os.path.join(a.loghub, s))]
    pools = format_pools(names, a.loghub, a.eval_lines, max(a.k))
    fams = corpus.names()
    family_check = corpus.generate(a.check_per_family * len(fams), seed=9_000_001)
    tmp = tempfile.mkdtemp(prefix="fewshot-")
    rows = []
    # seeds outermost, then k in the order given, then formats: a run stopped early still has
    # every format at the first k (``--k 10,1,2,5,20`` measures the bar's k first)
    for seed in range(a.first_seed, a.first_seed + a.seeds):
        for k in a.k:
            for name, (train, test) in pools.items():
                others = [s for s in family_check if s.source != name]
                picked = random.Random(f"{seed}:{name}:{k}").sample(train, min(k, len(train)))
                cfg = TeachConfig(init=a.init, out=os.path.join(tmp, "m.onnx"), force=True,
                                  replay=a.replay, epochs=a.epochs, seed=seed,
                                  verbose=a.verbose, route=a.route,
                                  learning_rate=a.learning_rate, correction_share=a.share,
                                  batch=a.batch, varied=a.varied)
                t0 = time.time()
                s = teach_samples(picked, cfg, log=lambda m: None, check=test + others,
                                  report=False)
                wall = time.time() - t0
                routed = None
                if a.route:
                    from logsplit.model import Model
                    g = Model(cfg.out).gate
                    routed = float((g.text_scores([x.text for x in test]) >= g.tau - 1e-6).mean())
                fam = s["families"]
                drops = {f: v["before"] - v["after"] for f, v in fam.items() if f != name}
                worst = max(drops, key=drops.get) if drops else None
                row = {"format": name, "k": k, "seed": seed,
                       "before": fam[name]["before"], "after": fam[name]["after"],
                       "corrections_right_after": s["corrections_right"]["after"],
                       "others_before": _mean([v["before"] for f, v in fam.items() if f != name]),
                       "others_after": _mean([v["after"] for f, v in fam.items() if f != name]),
                       "worst_drop": drops.get(worst, 0.0), "worst_family": worst,
                       "seconds": round(wall, 2), "fit_seconds": s["fit_seconds"],
                       "route_tau": (s.get("route") or {}).get("tau"), "unseen_routed": routed,
                       "eval_lines": len(test)}
                rows.append(row)
                _save_partial(a, rows)
                print(f"{name:>12} k={k:<3} seed={seed}  line acc {row['before']:.3f} -> "
                      f"{row['after']:.3f}  worst drop elsewhere {row['worst_drop']:+.3f} "
                      f"({worst})  {wall:.1f} s"
                      + (f"  routed {routed:.2f} (tau {row['route_tau']:.2f})" if a.route else ""),
                      flush=True)
    return _result(a, rows)


def _result(a, rows: list) -> dict:
    return {"init": a.init, "k": a.k, "seeds": a.seeds, "replay": a.replay, "epochs": a.epochs,
            "route": a.route, "learning_rate": a.learning_rate, "share": a.share,
            "batch": a.batch, "varied": a.varied,
            "eval_lines": a.eval_lines, "check_per_family": a.check_per_family, "rows": rows}


def _save_partial(a, rows: list) -> None:
    """The rows so far, as ``fewshot.partial.json`` in ``--out`` (a long run that is stopped
    keeps what it measured; ``--merge`` reads it like a finished run's file)."""
    with open(os.path.join(a.out, "fewshot.partial.json"), "w", encoding="utf-8") as f:
        json.dump(_result(a, rows), f, indent=1)


def _mean(xs):
    return sum(xs) / len(xs) if xs else 0.0


def summarise(result: dict) -> dict:
    """Medians over seeds per (format, k)."""
    cells = {}
    for r in result["rows"]:
        cells.setdefault((r["format"], r["k"]), []).append(r)
    out = {}
    for (f, k), rs in cells.items():
        out.setdefault(f, {})[k] = {
            "before": statistics.median(r["before"] for r in rs),
            "after": statistics.median(r["after"] for r in rs),
            "worst_drop": max(r["worst_drop"] for r in rs),
            "seconds": statistics.median(r["seconds"] for r in rs),
            "n": len(rs),
            "routed": (statistics.median(r["unseen_routed"] for r in rs)
                       if all(r.get("unseen_routed") is not None for r in rs) else None)}
    return out


#: A format "the model got wrong": below the bar's 0.98 line accuracy before teaching.
WRONG_BELOW = 0.98


def headline(summary: dict, k: int) -> dict:
    """The bar's two figures at ``k``: median line accuracy over the formats the model got
    wrong, and the worst drop on any other family over every format and seed."""
    wrong = [by_k[k]["after"] for by_k in summary.values()
             if k in by_k and by_k[k]["before"] < WRONG_BELOW]
    drops = [by_k[k]["worst_drop"] for by_k in summary.values() if k in by_k]
    return {"k": k, "wrong_formats": len(wrong),
            "median_after_wrong": statistics.median(wrong) if wrong else None,
            "worst_drop": max(drops) if drops else None}


def markdown(result: dict, summary: dict) -> str:
    ks = sorted(result["k"])
    ns = sorted({v["n"] for by_k in summary.values() for v in by_k.values()})
    seeds = f"{ns[0]}" if len(ns) == 1 else f"{ns[0]} to {ns[-1]}"  # a stopped run has fewer
    lines = [f"Few-shot teaching from `{result['init']}`: line accuracy on each format's unseen "
             f"lines after fine-tuning on k corrected lines (median of {seeds} seeds per cell; "
             f"replay {result['replay']} lines, {result['epochs']} epochs, route "
             f"{'on' if result.get('route', True) else 'off'})", "",
             "| format | before | " + " | ".join(f"k={k}" for k in ks) + " |",
             "|---|---|" + "---|" * len(ks)]
    for f, by_k in summary.items():
        before = next(iter(by_k.values()))["before"]
        lines.append(f"| {f} | {before:.3f} | " +
                     " | ".join(f"{by_k[k]['after']:.3f}" if k in by_k else "–" for k in ks) + " |")
    lines += ["", "Forgetting: the largest drop of line accuracy on any other corpus family "
              f"({result['check_per_family']} fresh lines each), worst seed", "",
              "| format | " + " | ".join(f"k={k}" for k in ks) + " |", "|---|" + "---|" * len(ks)]
    for f, by_k in summary.items():
        lines.append(f"| {f} | " + " | ".join(f"{by_k[k]['worst_drop']:+.3f}" if k in by_k
                                               else "–" for k in ks) + " |")
    if any(v.get("routed") is not None for by_k in summary.values() for v in by_k.values()):
        lines += ["", "Route: share of each format's unseen lines that reach the taught network "
                  "(median of seeds)", "", "| format | " + " | ".join(f"k={k}" for k in ks) + " |",
                  "|---|" + "---|" * len(ks)]
        for f, by_k in summary.items():
            lines.append(f"| {f} | " + " | ".join(
                f"{by_k[k]['routed']:.2f}" if k in by_k and by_k[k]["routed"] is not None
                else "–" for k in ks) + " |")
    lines += ["", f"The bar, per k: median over the formats below {WRONG_BELOW} before "
              "(\"wrong\"), and the worst drop elsewhere", "",
              "| k | wrong formats | median after | worst drop elsewhere |", "|---|---|---|---|"]
    for k in ks:
        h = headline(summary, k)
        med = "–" if h["median_after_wrong"] is None else f"{h['median_after_wrong']:.3f}"
        wd = "–" if h["worst_drop"] is None else f"{h['worst_drop']:+.3f}"
        lines.append(f"| {k} | {h['wrong_formats']} | {med} | {wd} |")
    lines += ["", "Wall time per fine-tune (median, seconds, in process: TensorFlow's import not "
              "included)", "", "| format | " + " | ".join(f"k={k}" for k in ks) + " |",
              "|---|" + "---|" * len(ks)]
    for f, by_k in summary.items():
        lines.append(f"| {f} | " + " | ".join(f"{by_k[k]['seconds']:.1f}" if k in by_k
                                               else "–" for k in ks) + " |")
    return "\n".join(lines) + "\n"


def plot(result: dict, summary: dict, path: str) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(7, 4.5))
    for f, by_k in summary.items():
        ks = sorted(by_k)
        ax.plot([0] + ks, [by_k[ks[0]]["before"]] + [by_k[k]["after"] for k in ks], marker="o",
                label=f)
    ax.set_xscale("symlog", linthresh=1)
    ax.set_xlabel("corrected lines (k)")
    ax.set_ylabel("line accuracy on unseen lines")
    ax.set_title("logsplit few-shot teaching")
    ax.axhline(0.98, color="grey", lw=0.8, ls="--")
    ax.legend(fontsize=7, ncol=2)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


#: What must agree between runs combined by --merge (each row carries its own format, k, seed).
_SETTINGS = ("init", "replay", "epochs", "route", "learning_rate", "share", "batch",
             "varied", "eval_lines", "check_per_family")


def merge(paths: list[str]) -> dict:
    """One result from the fewshot.json files of runs made side by side: rows concatenated,
    settings checked alike, total_seconds the longest (the runs overlapped in time)."""
    parts = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            parts.append(json.load(f))
    first = parts[0]
    for other, path in zip(parts[1:], paths[1:]):
        differ = [k for k in _SETTINGS if other.get(k) != first.get(k)]
        if differ:
            raise SystemExit(f"fewshot: {path}: {', '.join(differ)} differ from {paths[0]}")
    out = {k: first.get(k) for k in _SETTINGS}
    out["rows"] = [r for p in parts for r in p["rows"]]
    seen = set()
    for r in out["rows"]:
        key = (r["format"], r["k"], r["seed"])
        if key in seen:
            raise SystemExit(f"fewshot: {key} is in more than one of the merged runs")
        seen.add(key)
    out["k"] = sorted({r["k"] for r in out["rows"]})
    out["seeds"] = len({r["seed"] for r in out["rows"]})
    out["total_seconds"] = max(p.get("total_seconds", 0) for p in parts)
    out["merged_from"] = paths
    return out


def main(argv=None) -> int:
    a = parse_args(argv)
    os.makedirs(a.out, exist_ok=True)
    if a.merge:
        result = merge(a.merge)
        a.k = result["k"]
    else:
        t0 = time.time()
        result = run(a)
        result["total_seconds"] = round(time.time() - t0, 1)
    summary = summarise(result)
    result["summary"] = {f: {str(k): v for k, v in by_k.items()} for f, by_k in summary.items()}
    result["headline"] = [headline(summary, k) for k in sorted(a.k)]
    with open(os.path.join(a.out, "fewshot.json"), "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1)
    md = markdown(result, summary)
    with open(os.path.join(a.out, "fewshot.md"), "w", encoding="utf-8") as f:
        f.write(md)
    plot(result, summary, os.path.join(a.out, "fewshot.png"))
    print(md)
    print(f"wrote {a.out}/fewshot.json, fewshot.md, fewshot.png in {result['total_seconds']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
