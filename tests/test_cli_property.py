"""Property: any bytes in -> one JSON object per line out, in order, text = decoded line.

Arbitrary bytes (invalid UTF-8, NUL, control characters, ANSI escapes, CRLF, empty and very long
lines) go through the same pieces the CLI uses, in-process for many examples (Reader -> Batcher
-> Splitter -> JsonRenderer), and through the real CLI subprocess for a handful.
"""
import json
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from logsplit.batching import Batcher
from logsplit.fieldspans import has_controls
from logsplit.reader import END, LINES, Reader
from logsplit.render import JsonRenderer
from logsplit.splitter import Result, Splitter

FRAGMENTS = [b"\x1b[2J", b"\x07", b"\x1b]0;t\x07", b",,", b"||", b'=""', b"= ", b"\n", b"\r\n", b"\r", b"\x00", b"\x1b[31m", b"\x1b[0m", b"\xff", b"\xfe", b"\xc3",
             b"\xe2\x82", b"\xed\xa0\x80", "é".encode(), "😀".encode(), "中".encode(), b" ",
             b"\t", b"a", b"key=value", b", ", b"[x]", b'"q"', b"\\", b"12:34:56", b"\x7f",
             b"\xc2\x85", b"x" * 70, b"y z " * 40]

data_strategy = st.lists(
    st.one_of(st.binary(max_size=24), st.sampled_from(FRAGMENTS),
              st.sampled_from([b"w" * 300, b"a, " * 200, b"\xff" * 150])),
    max_size=40).map(b"".join)


def reference(data: bytes) -> list[str]:
    if not data:
        return []
    text = data.decode("utf-8", "replace")
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    return [s[:-1] if s.endswith("\r") else s for s in lines]


def check(out: bytes, data: bytes) -> None:
    want = reference(data)
    rows = [json.loads(line) for line in out.decode("utf-8").split("\n")[:-1]]
    assert len(rows) == len(want)
    for i, (row, text) in enumerate(zip(rows, want), 1):
        assert list(row) == ["line", "text", "fields", "spans", "pairs"]
        assert row["line"] == i and row["text"] == text
        assert len(row["fields"]) == len(row["spans"])
        prev = -1
        for field, (s, e) in zip(row["fields"], row["spans"]):
            assert prev < s <= e <= len(text) and field == text[s:e]
            # rule 6: no control character, nor any part of an escape sequence, in a field
            assert not has_controls(field), (field, text)
            prev = e


@pytest.fixture(scope="module")
def small_window_splitter(random_model_path):
    # a small window so the generated long lines are windowed too
    return Splitter(random_model_path, window=40, context=8, batch_size=5)


def in_process(splitter, path, chunk: int) -> bytes:
    batcher = Batcher(size=splitter.batch_size, max_latency=10.0)
    render = JsonRenderer().render
    out = []

    def emit(batch):
        results = list(map(Result, batch.lines, splitter.layouts(batch.lines)))
        out.append(render(batch, results).encode("utf-8", "backslashreplace"))

    for item in Reader([path], chunk=chunk):
        if item[0] == LINES:
            for batch in batcher.add(item[3], item[1], item[2]):
                emit(batch)
        elif item[0] == END:
            last = batcher.take()
            if last is not None:
                emit(last)
        else:
            raise AssertionError(item)
    return b"".join(out)


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=data_strategy, chunk=st.sampled_from([1, 3, 16, 1 << 16]))
def test_property_in_process(small_window_splitter, tmp_path, data, chunk):
    path = tmp_path / "in.log"
    path.write_bytes(data)
    check(in_process(small_window_splitter, str(path), chunk), data)


@settings(max_examples=6, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=data_strategy)
def test_property_through_the_cli(tiny_model_path, cli_env, data):
    p = subprocess.run([sys.executable, "-m", "logsplit", "--model", tiny_model_path, "--json",
                        "--batch-size", "3"], input=data, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, env=cli_env(), timeout=60)
    assert p.returncode == 0 and p.stderr == b""
    check(p.stdout, data)


def test_very_long_line_through_the_cli(tiny_model_path, cli_env):
    data = b"start " + b"k=v, " * 60000 + b"\xff end\r\nshort\n"
    p = subprocess.run([sys.executable, "-m", "logsplit", "--model", tiny_model_path, "--json"],
                       input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       env=cli_env(), timeout=120)
    assert p.returncode == 0 and p.stderr == b""
    check(p.stdout, data)


def test_megabyte_line_peak_memory_is_bounded(tiny_model_path, cli_env, tmp_path):
    """A 1 MB line: the model runs its windows a few at a time (onnxruntime buffers included)."""
    big = tmp_path / "mb.log"
    big.write_bytes(b"[x] key=value, " * 70000 + b"\nafter\n")
    code = ("import resource, subprocess, sys\n"
            f"p = subprocess.run([sys.executable, '-m', 'logsplit', '--model', {tiny_model_path!r},"
            f" '--json', {str(big)!r}], stdout=subprocess.DEVNULL)\n"
            "print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    p = subprocess.run([sys.executable, "-c", code], stdout=subprocess.PIPE, env=cli_env(),
                       timeout=300)
    rc, peak_kb = map(int, p.stdout.split())
    assert rc == 0
    assert peak_kb < 250_000, peak_kb  # ~130 MB; calls of 256 whole windows peak at ~400 MB
