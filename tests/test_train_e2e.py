"""End to end on the training side: tiny corpus, one epoch, export, parity, runtime split.

These train real (tiny) Keras models, so they are marked slow; CI runs them.
"""
import json
import os
import subprocess
import sys

import numpy as np
import pytest

pytest.importorskip("tensorflow")
pytest.importorskip("tf2onnx")

from logsplit_train import export  # noqa: E402
from logsplit_train.fit import TrainConfig, TrainError, read_metadata, train  # noqa: E402

pytestmark = pytest.mark.slow

TINY = dict(synthetic=400, synthetic_val=60, epochs=1, embed=8, units=8, verbose=0,
            parity_lines=40, holdout=("logfmt",))


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    out = str(tmp_path_factory.mktemp("m") / "tiny.onnx")
    data = tmp_path_factory.mktemp("d") / "fixes.jsonl"
    rows = []
    for i in range(30):
        n = len(str(i))  # "user=bob7 took 7ms": user | bob7 | took | 7ms
        rows.append({"text": f"user=bob{i} took {i}ms",
                     "spans": [[0, 4], [5, 8 + n], [9 + n, 13 + n], [14 + n, 16 + 2 * n]]})
    data.write_text("".join(json.dumps(r) + "\n" for r in rows))
    summary = train(TrainConfig(data=[str(data)], out=out, **TINY), log=lambda *a: None)
    return out, summary


def test_writes_model_and_evaluation(tiny):
    out, summary = tiny
    stem = out[:-5]
    for ext in (".onnx", ".keras", ".eval.json", ".eval.md", ".curves.png", ".confusion.png"):
        assert os.path.getsize(stem + ext) > 0, ext
    ev = json.load(open(stem + ".eval.json"))["evaluation"]
    assert {"logfmt", "fixes"} <= set(ev["per_source"])
    for key in ("classes", "confusion", "fields", "line_accuracy"):
        assert key in ev["overall"]
    md = open(stem + ".eval.md").read()
    assert "logfmt" in md
    # the title says what the figures were measured on
    assert md.splitlines()[0].endswith(
        "on held-out data (held-out families logfmt; held-out lines of each DATA source)")


def test_onnx_is_self_describing_and_fused(tiny):
    import onnx
    out, summary = tiny
    proto = onnx.load(out)
    ops = {n.op_type for n in proto.graph.node}
    assert "LSTM" in ops and "Loop" not in ops
    assert [i.name for i in proto.graph.input] == ["chars", "lengths"]
    lstm = [n for n in proto.graph.node if n.op_type == "LSTM"]
    assert all(n.input[4] == "lengths" for n in lstm)
    meta = read_metadata(out)
    assert meta["labels"] == ["O", "D"]
    assert meta["vocab"]["normalise_digits"] is True
    assert meta["sizes"] == {"embed": 8, "units": 8, "layers": 1}
    assert meta["training"]["parity"]["label_differences"] == 0
    assert "overall" in meta["evaluation"]
    assert summary["parity"]["max_abs_logit_diff"] <= 1e-4


def test_padded_batch_equals_each_line_alone(tiny):
    from logsplit.vocab import Vocabulary
    out, _ = tiny
    vocab = Vocabulary(read_metadata(out)["vocab"])
    sess = export.session(out)
    texts = ["a", "level=info msg=\"x y\"", "", "GET /x 200 12ms " * 5, "z=1"]
    together = export.onnx_logits(sess, texts, vocab, batch=8)
    for t, got in zip(texts, together):
        alone = export.onnx_logits(sess, [t], vocab, batch=1)[0]
        assert np.array_equal(alone, got)


def test_runtime_loads_the_export_and_splits(tiny):
    out, _ = tiny
    from logsplit import Splitter
    res = Splitter(model_path=out).split(["user=bob7 took 7ms", ""])
    assert len(res) == 2
    assert res[1].fields == []
    for r in res:
        assert [r.text[s:e] for s, e in r.spans] == r.fields


def test_cli_over_runtime_with_trained_model(tiny):
    out, _ = tiny
    p = subprocess.run([sys.executable, "-m", "logsplit", "--json", "--model", out],
                       input=b"a=1 b=2\n", capture_output=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["text"] == "a=1 b=2"


def test_refuses_to_overwrite(tiny):
    out, _ = tiny
    with pytest.raises(TrainError, match="exists"):
        train(TrainConfig(out=out, **TINY), log=lambda *a: None)


def test_fine_tune_with_init(tiny, tmp_path):
    out, _ = tiny
    tuned = str(tmp_path / "tuned.onnx")
    s = train(TrainConfig(out=tuned, init=out, **{**TINY, "embed": 99}), log=lambda *a: None)
    # sizes come from the initial model, not from the (ignored) size options
    assert read_metadata(tuned)["sizes"] == {"embed": 8, "units": 8, "layers": 1}
    assert s["parity"]["label_differences"] == 0


def test_seed_reproducible(tmp_path):
    cfg = dict(TINY, synthetic=200, synthetic_val=30)
    a = train(TrainConfig(out=str(tmp_path / "a.onnx"), seed=5, **cfg), log=lambda *a: None)
    b = train(TrainConfig(out=str(tmp_path / "b.onnx"), seed=5, **cfg), log=lambda *a: None)
    assert a["history"] == b["history"]
    sa, sb = export.session(str(tmp_path / "a.onnx")), export.session(str(tmp_path / "b.onnx"))
    from logsplit.vocab import Vocabulary
    v = Vocabulary()
    texts = ["2023-10-10 12:00:01 INFO start", "x=1, y=2"]
    for la, lb in zip(export.onnx_logits(sa, texts, v), export.onnx_logits(sb, texts, v)):
        assert np.array_equal(la, lb)


def test_masked_embedding_is_refused():
    """A model whose LSTM would become an ONNX Loop must not export."""
    import keras
    from keras import layers
    inp = keras.Input((None,), dtype="int32")
    x = layers.Embedding(20, 4, mask_zero=True)(inp)
    x = layers.Bidirectional(layers.LSTM(4, return_sequences=True))(x)
    model = keras.Model(inp, layers.Dense(2)(x))
    with pytest.raises(export.ExportError, match="Loop"):
        export.convert(model)


def test_parity_failure_is_loud(tiny):
    """Tampered ONNX weights disagree with Keras: the parity check raises."""
    import onnx
    from logsplit.vocab import Vocabulary
    from logsplit_train.model import load_model
    out, _ = tiny
    keras_model = load_model(out[:-5] + ".keras")
    proto = onnx.load(out)
    for init in proto.graph.initializer:
        if init.name.startswith("W") or "W__" in init.name:
            arr = onnx.numpy_helper.to_array(init) + 0.5
            init.CopyFrom(onnx.numpy_helper.from_array(arr.astype(np.float32), init.name))
            break
    else:
        pytest.fail("no LSTM weight initializer found")
    sess = export.session(proto.SerializeToString())
    with pytest.raises(export.ExportError, match="disagrees"):
        export.check_parity(keras_model, sess, ["level=info msg=hello world", "a b c"], Vocabulary())


def test_cosine_schedule_lowers_the_rate_to_its_floor(tmp_path):
    from logsplit import defaults
    cfg = dict(TINY, synthetic=200, synthetic_val=30, epochs=2)
    s = train(TrainConfig(out=str(tmp_path / "c.onnx"), schedule="cosine", learning_rate=0.01,
                          **cfg), log=lambda *a: None)
    assert "--schedule cosine" in s["command"]
    rates = s["history"]["learning_rate"]
    assert len(rates) == s["epochs_run"] == 2  # no early stop: the last weights are the result
    assert rates[0] < 0.01 and rates[-1] == pytest.approx(0.01 * defaults.COSINE_FLOOR, rel=1e-3)


def test_parity_tolerance_grows_with_the_logit():
    """A taught network's logits near 20 differ by ~1e-4 in float32 with every label the same
    (seen in bench/fewshot.py); small logits keep the absolute 1e-4."""
    assert export.logits_agree(np.array([[20.0, -19.0]]), np.array([[20.000107, -19.0001]]))
    assert export.logits_agree(np.array([[0.5, -0.5]]), np.array([[0.50013, -0.5]]))
    assert not export.logits_agree(np.array([[0.5, -0.5]]), np.array([[0.501, -0.5]]))
    assert not export.logits_agree(np.array([[20.0]]), np.array([[20.01]]))
