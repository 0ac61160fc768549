#!/usr/bin/env python3
"""How to cut and run model calls: rows per call, jobs (sessions side by side), threads each.

  python bench/tune.py [--rounds 3] [--model PATH] [--unique-lines 6000]

In this process, ``Splitter.split`` over the same lines for every configuration, interleaved
round by round (the drift of a noisy machine hits all alike).  Two inputs: never-repeating lines
(cache off: every line is a model row) and the Loghub dev systems (cache on, as the CLI runs, in
batches of ``--batch-size`` lines: few distinct lines per batch).  Prints lines/s and the median
per-round ratio against the old default (one 2-thread session, 256 rows per call); the defaults
``CALL_ROWS``/``INTRA_OP_THREADS``/``default_jobs`` in logsplit/defaults.py come from this.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import loghub_lines, unique_lines  # noqa: E402

#: (jobs, threads per session, rows per call); the first is the reference.
CONFIGS = [(1, 2, 256), (1, 1, 256), (1, 1, 64), (1, 1, 32), (1, 1, 16),
           (2, 1, 256), (2, 1, 128), (2, 1, 64), (2, 1, 32), (2, 1, 16), (2, 1, 8)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--model")
    ap.add_argument("--unique-lines", type=int, default=6000)
    ap.add_argument("--batch-size", type=int, default=256, help="lines per batch")
    args = ap.parse_args()

    from logsplit.model import Model
    from logsplit.splitter import Splitter

    inputs = {"never-repeating": (unique_lines(args.unique_lines), 0),
              "loghub-dev": (loghub_lines(), 65536)}
    models = {t: Model(args.model, threads=t) for t in {c[1] for c in CONFIGS}}
    times = {(name, c): [] for name in inputs for c in CONFIGS}
    for r in range(args.rounds):
        for name, (lines, cache) in inputs.items():
            for c in CONFIGS:
                jobs, threads, rows = c
                sp = Splitter(model=models[threads], jobs=jobs, threads=threads,
                              call_rows=rows, cache_size=cache, batch_size=args.batch_size)
                sp.split(lines[:64])  # warm the pool and sessions
                sp._cache.clear()
                sp._mcache.clear()
                t0 = time.perf_counter()
                sp.split(lines)
                times[name, c].append(time.perf_counter() - t0)
                sp.close()
        print(f"round {r + 1}/{args.rounds}", file=sys.stderr)
    for name, (lines, _) in inputs.items():
        print(f"\n{name}: {len(lines)} lines, {args.rounds} rounds, batches of "
              f"{args.batch_size} lines")
        print("  jobs threads rows   lines/s   ratio to (1 session x 2 threads, 256 rows)")
        ref = times[name, CONFIGS[0]]
        for c in CONFIGS:
            ts = times[name, c]
            ratio = statistics.median(a / b for a, b in zip(ref, ts))
            print(f"  {c[0]:4} {c[1]:7} {c[2]:4} {len(lines) / statistics.median(ts):9.0f}"
                  f"   {ratio:5.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
