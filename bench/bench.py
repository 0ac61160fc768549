#!/usr/bin/env python3
"""Throughput of ``logsplit --json`` as a whole process, beside baselines, in the same run.

  python bench/bench.py [--rounds 5] [--model PATH] [--compare OLD] [--unique-lines 40000] [--out FILE]

Two inputs: the Loghub dev systems concatenated (``../shared/data/loghub``), and a generated file
of log-like lines that never repeat, not even after digit normalisation (every line is a cache
miss).  Each round runs, on each input and in turn (interleaved, so the drift of a noisy machine
hits all alike):

* ``logsplit --json FILE > /dev/null``: the whole process, start-up included;
* the regex tokenizer baseline (``../shared/eval/baselines/regex_split.py``, when present) and
  Drain3 (``../shared/eval/baselines/drain3_params.py``, when ``drain3`` is importable; on the
  Loghub input only: on never-repeating lines it takes minutes), the same way;
* ``jobs1``: ``logsplit --json --jobs 1`` (when the machine has several cores: ``logsplit``
  itself runs with the default ``--jobs``, all cores up to ``MAX_JOBS``), for the scaling ratio;
* ``before`` and ``before-jobs1`` (with ``--compare OLD``): the same two runs with another model,
  e.g. the one shipped before a change, so "how much faster" is a ratio taken in the same run;
* ``import-floor``: a process that starts Python, imports numpy and onnxruntime and exits (on
  the Loghub input, beside the baselines): the ceiling of any ratio logsplit can reach;
* ``bare``: in this process, only ``session.run`` of the same model over the same lines, in the
  same length-sorted calls logsplit makes (batches of ``BATCH_SIZE`` lines, no cache, long lines
  windowed), i.e. the model's own cost with no glue at all.

Also per round: start-up on empty input, start to the first output line with one line written
on an open pipe, and the peak RSS (``wait4``) of every logsplit run.

Prints the median lines/s of each and the median of the per-round ratios; ``glue overhead`` is
``1 - logsplit/bare`` on the never-repeating lines (the share of logsplit's time that is not the
model: start-up, reading, encoding, spans, JSON).
"""
from __future__ import annotations

import argparse
import glob
import importlib.util
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(REPO), "shared")
LOGHUB = os.path.join(SHARED, "data", "loghub")
BASELINES = os.path.join(SHARED, "eval", "baselines")
DEV = ["HDFS", "Hadoop", "Spark", "Zookeeper", "OpenSSH", "Linux", "Apache", "Android"]


# ----------------------------------------------------------------------------- inputs
def loghub_lines(root: str = LOGHUB) -> list[str]:
    """The dev systems' lines, split as the judge does (``\\n``, one trailing ``\\r`` dropped)."""
    lines = []
    for name in DEV:
        paths = glob.glob(os.path.join(root, name, f"{name}_2k.log"))
        if not paths:
            continue
        with open(paths[0], "rb") as f:
            text = f.read().decode("utf-8", "replace")
        part = text.split("\n")
        if text.endswith("\n"):
            part.pop()
        lines += [s[:-1] if s.endswith("\r") else s for s in part]
    return lines


_SYLL = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "pa", "qu", "an", "el", "or", "ix",
         "ul", "br", "st", "gr", "ph"]
_LEVELS = ["INFO", "WARN", "DEBUG", "ERROR", "TRACE"]


def _word(rng: random.Random, lo: int = 1, hi: int = 4) -> str:
    return "".join(rng.choice(_SYLL) for _ in range(rng.randint(lo, hi)))


def unique_lines(n: int, seed: int = 0) -> list[str]:
    """``n`` log-like lines (about 110 characters) that differ beyond their digits."""
    from logsplit.vocab import Vocabulary

    vocab = Vocabulary()
    rng = random.Random(seed)
    seen: set[bytes] = set()
    out: list[str] = []
    while len(out) < n:
        cls = ".".join(_word(rng, 1, 3) for _ in range(rng.randint(2, 4))).title()
        words = " ".join(_word(rng) for _ in range(rng.randint(3, 9)))
        line = (f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} "
                f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
                f",{rng.randint(0, 999):03d} {rng.choice(_LEVELS)} [{_word(rng)}-{rng.randint(1, 64)}]"
                f" {cls}: {words} {_word(rng)}={_word(rng, 2, 5)} "
                f"host={_word(rng)}.{_word(rng)}.net:{rng.randint(1, 65535)}")
        key = vocab.encode(line).tobytes()
        if key not in seen:
            seen.add(key)
            out.append(line)
    return out


# ----------------------------------------------------------------------------- runners
def logsplit_cmd(model: str | None) -> list[str]:
    exe = shutil.which("logsplit")
    cmd = [exe] if exe else [sys.executable, "-m", "logsplit"]
    cmd.append("--json")
    if model:
        cmd += ["--model", model]
    return cmd


def baseline_cmds() -> dict[str, list[str]]:
    out = {}
    regex = os.path.join(BASELINES, "regex_split.py")
    if os.path.exists(regex):
        out["regex"] = [sys.executable, regex]
    drain = os.path.join(BASELINES, "drain3_params.py")
    if os.path.exists(drain) and importlib.util.find_spec("drain3"):
        out["drain3"] = [sys.executable, drain]
    return out


PEAK_RSS: dict[str, list[float]] = {}  # command name -> peak RSS (MB) of each of its runs


def time_process(cmd: list[str], path: str, name: str | None = None) -> float:
    """Wall seconds of ``cmd < path > /dev/null``; raises if the command fails.  With ``name``,
    the process's peak RSS (``wait4``) is recorded in :data:`PEAK_RSS`."""
    with open(path, "rb") as inp, open(os.devnull, "wb") as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=inp, stdout=out)
        _, status, usage = os.wait4(proc.pid, 0)
        secs = time.perf_counter() - t0
    rc = os.waitstatus_to_exitcode(status)
    proc.returncode = rc
    if rc != 0:
        raise SystemExit(f"bench: {' '.join(cmd)} exited {rc}")
    if name is not None:
        PEAK_RSS.setdefault(name, []).append(usage.ru_maxrss / 1024)
    return secs


def first_line_seconds(cmd: list[str]) -> float:
    """Seconds from starting ``cmd`` to its first output line, one line written on an open
    stdin (start-up as a ``tail -f | logsplit`` user sees it)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    proc.stdin.write(b"Dec 10 06:55:46 LabSZ sshd[24200]: Invalid user webmaster\n")
    proc.stdin.flush()
    proc.stdout.readline()
    secs = time.perf_counter() - t0
    proc.stdin.close()
    proc.wait()
    return secs


class Bare:
    """``session.run`` alone over prepared inputs: logsplit's calls minus everything else."""

    def __init__(self, model: str | None, lines: list[str]):
        import numpy as np

        from logsplit import defaults
        from logsplit.splitter import Splitter

        sp = Splitter(model, cache_size=0, jobs=1)  # one 1-thread session, logsplit's calls
        self.session = sp.model.session
        self.calls = []
        size = defaults.BATCH_SIZE
        for i in range(0, len(lines), size):
            chunk = lines[i:i + size]
            ids, lengths = sp.vocab.encode_joined(chunk)
            starts = np.cumsum(lengths) - lengths
            src, rlen, _, _, _ = sp._rows(starts, lengths, starts)
            for sel in sp.plan(rlen):
                n = rlen[sel]
                width = max(int(n[0]), 1)
                col = np.arange(width)
                idx = np.minimum(src[sel, None] + col, max(ids.size - 1, 0))
                chars = ids[idx].astype(np.int32) if ids.size else np.zeros((len(sel), 1), np.int32)
                chars[~(col < n[:, None])] = 0
                self.calls.append({"chars": chars, "lengths": n.astype(np.int32)})

    def run(self) -> float:
        run = self.session.run
        t = 0.0
        for feed in self.calls:
            t0 = time.perf_counter()
            run(["logits"], feed)
            t += time.perf_counter() - t0
        return t


# ----------------------------------------------------------------------------- main
def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--model", help="ONNX model (default: logsplit's default model)")
    ap.add_argument("--compare", metavar="OLD", help="also time this model (e.g. the previously "
                    "shipped one) the same way: ratios logsplit/before, jobs1/before-jobs1")
    ap.add_argument("--unique-lines", type=int, default=60000,
                    help="never-repeating lines to generate (default: %(default)s)")
    ap.add_argument("--loghub", default=LOGHUB, help="Loghub folder (default: %(default)s)")
    ap.add_argument("--no-baselines", action="store_true")
    ap.add_argument("--out", help="also write the figures here as JSON")
    args = ap.parse_args()

    inputs = {"loghub-dev": loghub_lines(args.loghub),
              "never-repeating": unique_lines(args.unique_lines)}
    inputs = {k: v for k, v in inputs.items() if v}
    cmds = {"logsplit": logsplit_cmd(args.model)}
    from logsplit.defaults import default_jobs

    jobs = default_jobs()
    if jobs > 1:  # --jobs scaling: the default (all cores) against one job
        cmds["jobs1"] = logsplit_cmd(args.model) + ["--jobs", "1"]
    if args.compare:
        cmds["before"] = logsplit_cmd(args.compare)
        if jobs > 1:
            cmds["before-jobs1"] = logsplit_cmd(args.compare) + ["--jobs", "1"]
    if not args.no_baselines:
        cmds.update(baseline_cmds())
        # the ceiling of any tool built on the runtime's own dependencies: a process that only
        # starts Python and imports numpy and onnxruntime, then exits (Loghub input only)
        cmds["import-floor"] = [sys.executable, "-c", "import numpy, onnxruntime"]
    tmp = tempfile.mkdtemp(prefix="logsplit-bench-")
    paths = {}
    for name, lines in inputs.items():
        paths[name] = os.path.join(tmp, f"{name}.log")
        with open(paths[name], "w", encoding="utf-8") as f:
            f.write("".join(s + "\n" for s in lines))
    bares = {name: Bare(args.model, lines) for name, lines in inputs.items()}
    times = {name: {c: [] for c in [*cmds, "bare"]
                    if c not in ("drain3", "import-floor") or name == "loghub-dev"}
             for name in inputs}
    empty = os.path.join(tmp, "empty.log")
    open(empty, "w").close()
    startup = []
    first_line = []
    try:
        for r in range(args.rounds):
            startup.append(time_process(cmds["logsplit"], empty))
            first_line.append(first_line_seconds(cmds["logsplit"]))
            for name in inputs:
                for c, cmd in cmds.items():
                    if c in ("drain3", "import-floor") and name != "loghub-dev":
                        continue  # minutes on never-repeating lines, and not a target there
                    rss = f"{c} {name}" if c in ("logsplit", "jobs1", "before") else None
                    times[name][c].append(time_process(cmd, paths[name], rss))
                times[name]["bare"].append(bares[name].run())
            print(f"round {r + 1}/{args.rounds} done", file=sys.stderr)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    summary = {"rounds": args.rounds, "cmd": " ".join(cmds["logsplit"]), "inputs": {},
               "compare": args.compare,
               "jobs": jobs, "startup_seconds": statistics.median(startup),
               "first_line_seconds": statistics.median(first_line),
               "peak_rss_mb": {k: max(v) for k, v in PEAK_RSS.items()}}
    print(f"logsplit (default --jobs {jobs}) start-up and exit on empty input: median "
          f"{statistics.median(startup):.3f} s; start to first output line (one line on an "
          f"open pipe): median {statistics.median(first_line):.3f} s")
    print("peak RSS (max over rounds): " + ", ".join(f"{k} {v:.0f} MB"
                                                     for k, v in summary["peak_rss_mb"].items()))
    for name, lines in inputs.items():
        n = len(lines)
        t = times[name]
        print(f"\n{name}: {n} lines, {args.rounds} rounds (median lines/s; min-max seconds)")
        res = {"lines": n, "lines_per_sec": {}, "ratios": {}}
        for c, ts in t.items():
            lps = n / statistics.median(ts)
            res["lines_per_sec"][c] = lps
            note = " (session.run only, in-process)" if c == "bare" else ""
            print(f"  {c:10} {lps:10.0f} lines/s   {min(ts):6.2f}-{max(ts):6.2f} s{note}")
        for c in t:
            if c == "logsplit":
                continue
            ratio = statistics.median(b / a for a, b in zip(t["logsplit"], t[c]))
            res["ratios"][f"logsplit/{c}"] = ratio
            what = f"--jobs {jobs} / --jobs 1" if c == "jobs1" else f"logsplit / {c:8}"
            print(f"  {what} {ratio:6.2f}x  (median of per-round ratios)")
        if "before-jobs1" in t and "jobs1" in t:  # this model against the compared one, 1 core
            ratio = statistics.median(b / a for a, b in zip(t["jobs1"], t["before-jobs1"]))
            res["ratios"]["jobs1/before-jobs1"] = ratio
            print(f"  --jobs 1, this model / --compare model {ratio:6.2f}x  (median of per-round "
                  f"ratios)")
        if "import-floor" in t:  # the best ratio any numpy + onnxruntime process could reach
            for c in ("regex", "drain3"):
                if c in t:
                    ceiling = statistics.median(b / a for a, b in zip(t["import-floor"], t[c]))
                    res["ratios"][f"import-floor/{c}"] = ceiling
                    print(f"  import-floor / {c:8} {ceiling:6.2f}x  (python + import numpy, "
                          f"onnxruntime, nothing else: the ceiling of logsplit / {c})")
        one = "jobs1" if "jobs1" in t else "logsplit"  # the bare model runs on one core
        if one != "logsplit":
            ratio = statistics.median(b / a for a, b in zip(t[one], t["bare"]))
            res["ratios"]["jobs1/bare"] = ratio
            print(f"  --jobs 1 / bare   {ratio:6.2f}x  (median of per-round ratios)")
        if name == "never-repeating":  # glue is only defined where the cache cannot help
            glue = 1 - statistics.median(b / a for a, b in zip(t[one], t["bare"]))
            res["glue_overhead"] = glue
            print(f"  glue overhead at --jobs 1 (1 - logsplit/bare): {glue:6.1%}")
            run = [max(a - statistics.median(startup), 1e-9) for a in t[one]]
            no_start = 1 - statistics.median(b / a for a, b in zip(run, t["bare"]))
            res["glue_overhead_without_startup"] = no_start
            print(f"  the same without start-up time:    {no_start:6.1%}")
        summary["inputs"][name] = res
    if args.out:
        with open(args.out, "w") as f:
            json.dump(summary, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
