#!/usr/bin/env python3
"""Where a model loses the Loghub scorer's LinePerfectG: the missed units, grouped and counted.

    python bench/misses.py [--model M.onnx] [--systems dev|NAME,...] [--top 8]

Splits each system's raw log in-process with `logsplit.Splitter`, scores it with the
scorer's own ground truth (`../shared/eval/truth.py`) and prints, per system, the most
frequent reasons a line is not perfect: the unit (template variable or header column)
that no predicted field recovers, with one example line drawn as ⟦field⟧ runs.  It is a
diagnostic for choosing what the corpus must teach, not a metric: the figures of record
come from `../shared/eval/score.py`.
"""
import argparse
import collections
import os
import sys

from logsplit.splitter import Splitter

HERE = os.path.dirname(os.path.abspath(__file__))
EVAL = os.path.join(HERE, "..", "..", "shared", "eval")


def draw(text, spans):
    """`a ⟦b⟧ c` rendering of a line and its predicted spans."""
    out, pos = [], 0
    for s, e in spans:
        out += [text[pos:s], "⟦", text[s:e], "⟧"]
        pos = e
    out.append(text[pos:])
    return "".join(out)


def line_misses(S, T, rec, spans):
    """Reasons (kind, name, unit text) this line is not LinePerfectG."""
    L = S.Line(rec["text"], spans)
    t = rec["text"]
    out = []
    for v in rec["vars"]:
        sp, ext, grp = v["span"], v["ext"], v["grp"]
        ok = L.has(sp) or L.has(ext) or (L.has_space(sp) and (L.tiled(sp) or L.tiled(ext)))
        ok = ok or (grp is not None and (L.has(grp) or (L.has_space(grp) and L.tiled(grp))))
        if not ok:
            g = grp or sp
            out.append(("var", rec["event"], t[g[0]:g[1]]))
    for h in rec["header"]:
        if h["kind"] == "field":
            sp = h["span"]
            if not (L.has(sp) or (L.has_space(sp) and L.tiled(sp))):
                out.append(("hdr", h["col"], t[sp[0]:sp[1]]))
    for g in rec["ts_groups"]:
        if not (all(L.has(p) for p in g["parts"]) or L.has(g["span"]) or L.tiled(g["span"])):
            out.append(("ts", "+".join(g["cols"]), t[g["span"][0]:g["span"][1]]))
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", help="ONNX model (default: the shipped one)")
    ap.add_argument("--systems", default="dev")
    ap.add_argument("--eval-dir", default=EVAL, help="folder holding score.py and truth.py")
    ap.add_argument("--top", type=int, default=8, help="reasons shown per system")
    args = ap.parse_args(argv)
    sys.path.insert(0, os.path.abspath(args.eval_dir))
    import score as S  # noqa: E402  (the scorer's own matching rules)
    import truth as T  # noqa: E402

    splitter = Splitter(args.model)
    for name in T.resolve_systems(args.systems):
        recs, _ = T.build_system(name)
        texts = [r["text"] for r in recs]
        results = splitter.split(texts)
        reasons = collections.Counter()
        example = {}
        bad = 0
        scored = 0
        for rec, res in zip(recs, results):
            if not rec["ok"]:
                continue
            scored += 1
            spans = [tuple(s) for s in res.spans]
            miss = line_misses(S, T, rec, spans)
            bad += bool(miss)
            for kind, key, unit in miss:
                k = (kind, key, unit if kind != "var" else "")
                reasons[k] += 1
                example.setdefault(k, (unit, draw(rec["text"], spans)))
        print(f"== {name}: {scored - bad}/{scored} lines perfect (G)")
        for (kind, key, _), n in reasons.most_common(args.top):
            unit, ex = example[(kind, key, _)]
            print(f"  {n:5d}  {kind} {key}: {unit!r}")
            print(f"         {ex[:240]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
