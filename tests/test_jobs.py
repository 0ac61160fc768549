"""--jobs: model calls in parallel workers, output unchanged, in order, and still live."""
import json
import random
import select
import subprocess
import sys
import time

import numpy as np
import pytest

from logsplit import Splitter
from logsplit.errors import UsageError


def varied_lines(n=700, seed=3):
    """Short and long lines, repeats, digit-only variants, empties, unicode, controls, and
    lines longer than the window (labeled in overlapping windows)."""
    rng = random.Random(seed)
    words = ["alpha", "beta=1", "x,,y", "[req-7 admin - -]", "café", "😀", "\t", "\x1b[1m",
             "GET /a/b?c=d HTTP/1.1", "k: v", "10.0.0.1:443", "->", "ruser= rhost=1"]
    out = []
    for i in range(n):
        kind = i % 9
        if kind == 0:
            out.append("")
        elif kind == 1:
            out.append(out[-2] if len(out) > 1 else "dup")  # a repeat
        elif kind == 2:
            out.append(f"pid {rng.randint(0, 10 ** rng.randint(1, 8))} started")  # digits only
        elif kind == 3:
            out.append(" ".join(rng.choice(words) for _ in range(rng.randint(60, 200))))  # long
        else:
            out.append(f"{i} " + " ".join(rng.choice(words) for _ in range(rng.randint(1, 12))))
    return out


def test_jobs_do_not_change_results_even_when_calls_finish_out_of_order(random_model_path):
    lines = varied_lines()
    base = Splitter(random_model_path, jobs=1).split(lines)
    assert any(len(t) > 512 for t in lines)  # windows are part of it
    for jobs, rows in ((2, 32), (3, 5), (2, 1)):
        sp = Splitter(random_model_path, jobs=jobs, call_rows=rows)
        run = sp.model.delimiters
        rng = random.Random(jobs)

        def slow(chars, lengths, session=None, _run=run, _rng=rng):
            time.sleep(_rng.random() * 0.003)  # calls complete in a scrambled order
            return _run(chars, lengths, session)

        sp.model.delimiters = slow
        try:
            got = sp.split(lines)
        finally:
            sp.close()
        assert [r.text for r in got] == lines
        assert [r.spans for r in got] == [r.spans for r in base], (jobs, rows)


def test_few_distinct_lines_still_reach_every_job(tiny_model_path):
    sp = Splitter(tiny_model_path, jobs=2, call_rows=32)
    calls = sp.plan(np.full(10, 40))
    assert len(calls) == 2 and sorted(np.concatenate(calls).tolist()) == list(range(10))
    assert len(Splitter(tiny_model_path, jobs=1, call_rows=32).plan(np.full(10, 40))) == 1


def test_cache_is_shared_and_counts_each_distinct_line_once(tiny_model_path):
    sp = Splitter(tiny_model_path, jobs=2, call_rows=2)
    lines = [f"user{i % 5} logged in" for i in range(40)] * 2  # 5 distinct inputs (digits)
    sp.split(lines)
    assert sp.cache_info()["misses"] == 1 and sp.cache_info()["hits"] == 79
    sp.close()


@pytest.mark.parametrize("jobs", [0, -1])
def test_bad_jobs_raise_usage_error(tiny_model_path, jobs):
    with pytest.raises(UsageError):
        Splitter(tiny_model_path, jobs=jobs)


def test_cli_jobs_2_same_output_in_input_order(run_cli, random_model_path):
    lines = varied_lines(900, seed=5)
    data = "".join(t + "\n" for t in lines).encode()
    one = run_cli("--model", random_model_path, "--json", "--jobs", "1", input=data)
    two = run_cli("--model", random_model_path, "--json", "--jobs", "2", input=data)
    assert one.returncode == two.returncode == 0 and two.stderr == b""
    rows = [json.loads(x) for x in two.stdout.decode().splitlines()]
    assert [r["line"] for r in rows] == list(range(1, len(lines) + 1))
    assert [r["text"] for r in rows] == lines
    assert two.stdout == one.stdout
    tsv = run_cli("--model", random_model_path, "--tsv", "-j", "2", "--batch-size", "7",
                  input=data)
    assert tsv.stdout == run_cli("--model", random_model_path, "--tsv", "-j", "1",
                                 input=data).stdout


def test_cli_jobs_2_streams_live(tiny_model_path, cli_env):
    proc = subprocess.Popen([sys.executable, "-m", "logsplit", "--model", tiny_model_path,
                             "--json", "--jobs", "2", "--max-latency", "0.05"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=cli_env())
    try:
        proc.stdin.write(b"warm up\n")
        proc.stdin.flush()
        proc.stdout.readline()  # start-up is not what this test measures
        for i in range(3):
            t0 = time.monotonic()
            proc.stdin.write(b"live line %d a=b, c\n" % i * 1)
            proc.stdin.flush()  # the pipe stays open: no EOF to wait for
            ready, _, _ = select.select([proc.stdout], [], [], 1.0)
            assert ready, "no output within 1 s"
            row = json.loads(proc.stdout.readline())
            assert row["line"] == i + 2 and row["text"] == f"live line {i} a=b, c"
            assert time.monotonic() - t0 < 1.0
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
    assert proc.returncode == 0 and proc.stderr.read() == b""
