"""A taught model's route (logsplit/route.py): lines shaped like the corrected ones reach the
taught network, every other line the base model it carries, bit for bit.  No TensorFlow: the
models are tiny ONNX graphs (tests/tiny_model.py) and the route is written by hand."""
from __future__ import annotations

import base64
import hashlib
import json
import subprocess
import sys

import numpy as np
import onnx
import pytest

from logsplit.errors import ModelError
from logsplit.model import Model
from logsplit.route import Gate, class_table, shape_buckets
from logsplit.splitter import Splitter
from logsplit.vocab import Vocabulary
from tiny_model import build_lstm_model, metadata, save

V = Vocabulary()
T = class_table(V)


def buckets(text):
    return shape_buckets(V.model_input(V.encode(text), np.array([len(text)]))[0], T)


# same shape, other values -> same buckets; another shape -> other buckets
SAME = [
    ("JOB#12~ok~3ms", "JOB#4410~failed~120ms"),
    ("id=1 user=bob", "x=99 name=alice"),
    ("[INFO] 2023-01-01 start", "[WARN] 1999-12-31 stop"),
]
DIFFERENT = [
    ("JOB#12~ok~3ms", "JOB 12 ok 3ms"),
    ("id=1 user=bob", "id:1 user:bob"),
    ("Dec 10 06:55:46 host sshd[1]: x", "2023-01-01T00:00:00Z host sshd[1]: x"),
]


@pytest.mark.parametrize("a,b", SAME)
def test_same_shape_same_buckets(a, b):
    assert np.array_equal(buckets(a), buckets(b))


@pytest.mark.parametrize("a,b", DIFFERENT)
def test_other_shape_other_buckets(a, b):
    assert not np.array_equal(buckets(a), buckets(b))


def test_gate_reads_only_the_head():
    """Only the first HEAD classes count: a long message tail does not move a line's shape."""
    head = "JOB#12~ok~3ms~" * 4
    assert np.array_equal(buckets(head + "short tail"), buckets(head + "a, very: [long] tail!"))


def test_gate_scores_and_threshold():
    g = Gate.build([V.encode("JOB#12~ok~3ms")], V, tau=0.9)
    s = g.text_scores(["JOB#7~failed~1ms", "JOB#7~failed", "Dec 10 sshd[42]: ok"])
    assert s[0] == pytest.approx(1.0) and s[1] < 1.0 and s[2] < 0.5
    assert g.with_tau(0.5).tau == 0.5 and g.tau == 0.9


def test_gate_rejects_bad_specs():
    spec = Gate.spec_of([V.encode("a=1")], V, tau=0.5)
    for bad in (dict(spec, version=99), dict(spec, taught=[]), dict(spec, taught=[[10 ** 6]])):
        with pytest.raises(ValueError):
            Gate(bad, V)


# ------------------------------------------------------------------ a routed model, by hand
TAUGHT_LINES = ["JOB#12~ok~3ms", "JOB#7~failed~12ms"]
OTHER_LINES = ["Dec 10 06:55:46 LabSZ sshd[24200]: Failed password for root",
               "2023-01-01 10:00:00,123 INFO main - started", "a,b,,c", "key=value other=1"]


def _routed(tmp_path, *, corrupt=False, tau=0.9):
    base = build_lstm_model(seed=2)
    base_path = save(base, str(tmp_path / "base.onnx"))
    data = open(base_path, "rb").read()
    taught = build_lstm_model(seed=5, delimiters="~#")  # splits at ~ and # only
    spec = Gate.spec_of([V.encode(t) for t in TAUGHT_LINES], V, tau=tau)
    meta = metadata(embed=16, units=32, layers=1)
    meta["logsplit.route"] = json.dumps({"gate": spec, "base": {
        "name": "base.onnx", "sha256": "0" * 64 if corrupt else hashlib.sha256(data).hexdigest(),
        "onnx": base64.b64encode(data).decode()}})
    del taught.metadata_props[:]
    onnx.helper.set_model_props(taught, meta)
    plain = save(build_lstm_model(seed=5, delimiters="~#"), str(tmp_path / "taught_alone.onnx"))
    return save(taught, str(tmp_path / "taught.onnx")), base_path, plain


def _spans(path, lines, **kw):
    sp = Splitter(path, **kw)
    try:
        return [r.spans for r in sp.split(lines)]
    finally:
        sp.close()


@pytest.mark.parametrize("jobs", [1, 2])
def test_routed_model_splits_taught_lines_with_its_network_and_others_with_the_base(tmp_path, jobs):
    routed, base, alone = _routed(tmp_path)
    new = ["JOB#99~retry~1ms", "JOB#3~ok~44ms"]
    lines = OTHER_LINES + new + OTHER_LINES[::-1]
    got = _spans(routed, lines, jobs=jobs, batch_size=3)
    want_base = _spans(base, lines)
    want_taught = _spans(alone, lines)
    for line, g, b, t in zip(lines, got, want_base, want_taught):
        assert g == (t if line.startswith("JOB#") else b), line
    # the two networks really differ on these lines, so the assertion above could fail
    assert all(b != t for line, b, t in zip(lines, want_base, want_taught)
               if line.startswith("JOB#"))
    m = Model(routed)
    assert m.route["taught_shapes"] == 1 and m.base is not None and m.gate.tau == 0.9
    assert Model(base).route is None


def test_route_below_threshold_goes_to_base(tmp_path):
    routed, base, _ = _routed(tmp_path, tau=1.01)  # nothing can reach the taught network
    lines = TAUGHT_LINES + OTHER_LINES
    assert _spans(routed, lines) == _spans(base, lines)


def test_corrupt_base_is_a_model_error(tmp_path):
    routed, _, _ = _routed(tmp_path, corrupt=True)
    with pytest.raises(ModelError, match="corrupt"):
        Model(routed)
    p = subprocess.run([sys.executable, "-m", "logsplit", "--model", routed], input=b"a b\n",
                       capture_output=True, timeout=60)
    err = p.stderr.decode()
    assert p.returncode == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("logsplit: ") and "corrupt" in err


def test_model_info_names_the_route(tmp_path):
    routed, _, _ = _routed(tmp_path)
    p = subprocess.run([sys.executable, "-m", "logsplit", "--model", routed, "--model-info"],
                       capture_output=True, timeout=60)
    assert p.returncode == 0
    out = p.stdout.decode()
    assert "route:       taught model" in out and "base.onnx" in out
    assert "AAAA" not in out  # the base model's bytes are not printed
