#!/usr/bin/env python3
"""Time and peak memory of every output view on one very long line, each in its own process.

  python bench/longline.py [--mb 5] [--rounds 1] [--model PATH] [--jobs N]

Writes one log-like line of ``--mb`` megabytes, then runs ``logsplit VIEW FILE > /dev/null`` for
the JSON, TSV, marked, plain (no colour) and styled (``--color always``) views; prints wall
seconds and peak RSS (``wait4``'s ``ru_maxrss``) of each, and both as ratios to the JSON view.
The bar (issue 10): the styled and plain views within 2x of the JSON view's time and memory.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import logsplit_cmd  # noqa: E402

VIEWS = {"json": ["--json"], "tsv": ["--tsv"], "marked": ["--marked"],
         "plain": ["--color", "never"], "styled": ["--color", "always"]}


def long_line(megabytes: float, seed: int = 0) -> str:
    """About ``megabytes`` MB of key=value pairs, words, numbers and punctuation, no newline."""
    rng = random.Random(seed)
    parts = []
    size = 0
    while size < megabytes * 1e6:
        p = rng.choice([f"k{rng.randint(0, 99)}={rng.randint(0, 10 ** 6)}",
                        rng.choice(["alpha", "beta", "gamma", "delta"]),
                        f"[{rng.randint(0, 9999)}]", "->", f"10.0.{rng.randint(0, 255)}.1:80"])
        parts.append(p)
        size += len(p) + 1
    return " ".join(parts)


def run(cmd: list[str], path: str) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of ``cmd < path > /dev/null``."""
    with open(path, "rb") as inp, open(os.devnull, "wb") as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=inp, stdout=out)
        _, status, usage = os.wait4(proc.pid, 0)
        secs = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"longline: {' '.join(cmd)} exited {proc.returncode}")
    return secs, usage.ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--model")
    ap.add_argument("--jobs", type=int)
    ap.add_argument("--views", default=",".join(VIEWS), help="comma-separated subset")
    args = ap.parse_args()
    base = logsplit_cmd(args.model)
    base.remove("--json")
    if args.jobs:
        base += ["--jobs", str(args.jobs)]
    views = args.views.split(",")
    tmp = tempfile.mkdtemp(prefix="logsplit-longline-")
    path = os.path.join(tmp, "long.log")
    with open(path, "w") as f:
        f.write(long_line(args.mb) + "\n")
    res = {v: [] for v in views}
    try:
        for _ in range(args.rounds):
            for v in views:
                res[v].append(run(base + VIEWS[v], path))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"one line of {args.mb:g} MB, {args.rounds} round(s), medians")
    print("  view      seconds   peak MB   time/json  memory/json")
    ref_t = statistics.median(t for t, _ in res.get("json", res[views[0]]))
    ref_m = statistics.median(m for _, m in res.get("json", res[views[0]]))
    for v in views:
        t = statistics.median(x for x, _ in res[v])
        m = statistics.median(y for _, y in res[v])
        print(f"  {v:8} {t:8.2f} {m:9.0f}   {t / ref_t:8.2f}x  {m / ref_m:8.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
