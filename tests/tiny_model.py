"""Small ONNX models that honour logsplit's model contract, for tests and benchmarks.

Built with the ``onnx`` helper API (never TensorFlow), random but seeded weights:

* :func:`build_lstm_model` has the shipped model's shape: embedding (``Gather``) -> time-major
  ``Transpose`` -> bidirectional ``LSTM`` fed ``sequence_lens`` -> ``Reshape`` -> ``MatMul`` +
  ``Add`` -> ``logits``.
* :func:`build_conv_model` labels each character from a fixed neighbourhood (a 1-D convolution of
  radius ``radius``), so a windowed run must give exactly the unwindowed labels whenever the
  windows' context covers that radius.

>>> import tempfile, os
>>> path = os.path.join(tempfile.mkdtemp(), "m.onnx")
>>> save(build_lstm_model(), path) == path
True
"""
from __future__ import annotations

import json

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from logsplit.vocab import LABELS, Vocabulary, vocab_spec

OPSET = 17


def metadata(*, embed: int, units: int, layers: int, max_len: int = 256,
             spec: dict | None = None, labels=LABELS, fmt: str = "1") -> dict[str, str]:
    """The ``logsplit.*`` metadata_props of a contract-conforming model."""
    return {
        "logsplit.format": fmt,
        "logsplit.vocab": json.dumps(spec if spec is not None else vocab_spec()),
        "logsplit.labels": json.dumps(list(labels)),
        "logsplit.sizes": json.dumps({"embed": embed, "units": units, "layers": layers}),
        "logsplit.max_len": str(max_len),
        "logsplit.training": json.dumps({"data": "tests/tiny_model.py", "epochs": 0,
                                         "note": "random weights, seeded"}),
        "logsplit.evaluation": json.dumps({"val_char_accuracy": 0.5}),
    }


def _io():
    inputs = [helper.make_tensor_value_info("chars", TensorProto.INT32, ["batch", "time"]),
              helper.make_tensor_value_info("lengths", TensorProto.INT32, ["batch"])]
    outputs = [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", "time", 2])]
    return inputs, outputs


def _model(nodes, inits, meta: dict[str, str], name: str) -> onnx.ModelProto:
    inputs, outputs = _io()
    graph = helper.make_graph(nodes, name, inputs, outputs, initializer=inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                              producer_name="logsplit-tests")
    model.ir_version = 8  # readable by any onnxruntime >= 1.10
    helper.set_model_props(model, meta)
    onnx.checker.check_model(model)
    return model


def _embedding(rng, vocab_size: int, embed: int) -> np.ndarray:
    emb = rng.normal(0, 1.0, (vocab_size, embed)).astype(np.float32)
    emb[0] = 0.0  # padding is all zeros, as a convolution's own zero padding
    return emb


#: Characters the default tiny LSTM labels as delimiters (so test output looks like a split).
TINY_DELIMITERS = " \t,;=:[](){}<>\"'|\x1b"


def build_lstm_model(*, embed: int = 16, units: int = 32, layers: int = 1, seed: int = 0,
                     delimiters: str | None = TINY_DELIMITERS, vocab_size: int | None = None,
                     meta: dict | None = None) -> onnx.ModelProto:
    """A small BiLSTM tagger with the real model's graph and contract (inputs, output, metadata).

    With ``delimiters`` (default), hidden unit 0 of each direction is wired to be memoryless and
    to fire on those characters, and it dominates the output layer: the model labels exactly
    those characters ``D`` with a wide margin, while the other (random, seeded) units still feed
    some context into the logits.  ``delimiters=None`` gives a purely random, context-dependent
    model.
    """
    rng = np.random.default_rng(seed)
    vocab = Vocabulary()
    vocab_size = vocab_size or vocab.size
    h = units
    emb = _embedding(rng, vocab_size, embed)
    if delimiters is not None:
        is_delim = np.zeros(vocab_size, bool)
        for c in delimiters:
            if vocab.id_of(c) < vocab_size:
                is_delim[vocab.id_of(c)] = True
        emb[:, 0] = np.where(is_delim, 1.0, -1.0)
        emb[0, 0] = 0.0
    inits = [numpy_helper.from_array(emb, "embedding"),
             numpy_helper.from_array(np.array([0, 0, -1], np.int64), "shape_btf")]
    nodes = [helper.make_node("Gather", ["embedding", "chars"], ["emb"], axis=0),
             helper.make_node("Transpose", ["emb"], ["x0"], perm=[1, 0, 2]),  # [T, B, E]
             helper.make_node("Cast", ["lengths"], ["seq_lens"], to=TensorProto.INT32)]
    x, width = "x0", embed
    for i in range(layers):
        scale = 1.0 / np.sqrt(h)
        w = rng.uniform(-scale, scale, (2, 4 * h, width)).astype(np.float32) * 3
        r = rng.uniform(-scale, scale, (2, 4 * h, h)).astype(np.float32) * 3
        b = rng.uniform(-0.5, 0.5, (2, 8 * h)).astype(np.float32)
        if delimiters is not None:  # unit 0: gates i, o open, f shut; cell input = the flag
            gi, go, gf, gc = 0, h, 2 * h, 3 * h  # ONNX gate order: i, o, f, c
            w[:, [gi, go, gf, gc], :] = 0.0
            r[:, [gi, go, gf, gc], :] = 0.0
            b[:, [gi, go, gf, gc]] = [10.0, 10.0, -10.0, 0.0]
            b[:, 4 * h + np.array([gi, go, gf, gc])] = 0.0
            if i == 0:
                w[:, gc, 0] = 5.0
            else:
                w[:, gc, 0] = w[:, gc, h] = 5.0
        inits += [numpy_helper.from_array(w, f"W{i}"), numpy_helper.from_array(r, f"R{i}"),
                  numpy_helper.from_array(b, f"B{i}")]
        nodes += [
            helper.make_node("LSTM", [x, f"W{i}", f"R{i}", f"B{i}", "seq_lens"], [f"y{i}"],
                             direction="bidirectional", hidden_size=h),  # [T, 2, B, H]
            helper.make_node("Transpose", [f"y{i}"], [f"yt{i}"], perm=[0, 2, 1, 3]),  # [T,B,2,H]
            helper.make_node("Reshape", [f"yt{i}", "shape_btf"], [f"x{i + 1}"]),  # [T, B, 2H]
        ]
        x, width = f"x{i + 1}", 2 * h
    if delimiters is not None:
        dense = rng.normal(0, 0.05, (width, 2)).astype(np.float32)
        dense[0] = dense[h] = [-2.0, 2.0]
        bias = np.zeros(2, np.float32)
    else:
        dense = rng.normal(0, 1.0 / np.sqrt(width), (width, 2)).astype(np.float32) * 2
        bias = np.array([-0.1, 0.1], np.float32)  # about a third of characters are D
    inits += [numpy_helper.from_array(dense, "dense_w"), numpy_helper.from_array(bias, "dense_b")]
    nodes += [helper.make_node("Transpose", [x], ["xb"], perm=[1, 0, 2]),  # [B, T, 2H]
              helper.make_node("MatMul", ["xb", "dense_w"], ["mm"]),
              helper.make_node("Add", ["mm", "dense_b"], ["logits"])]
    meta = meta if meta is not None else metadata(embed=embed, units=units, layers=layers)
    return _model(nodes, inits, meta, "logsplit_tiny_lstm")


def build_conv_model(*, radius: int = 6, embed: int = 8, channels: int = 16, seed: int = 1,
                     meta: dict | None = None) -> onnx.ModelProto:
    """A tagger whose label at i depends exactly on characters i-radius .. i+radius.

    ``lengths`` is consumed (multiplied by zero into the logits) so the graph keeps both inputs.
    """
    rng = np.random.default_rng(seed)
    k = 2 * radius + 1
    inits = [
        numpy_helper.from_array(_embedding(rng, Vocabulary().size, embed), "embedding"),
        numpy_helper.from_array(rng.normal(0, 1 / np.sqrt(embed * k), (channels, embed, k))
                                .astype(np.float32), "conv_w"),
        numpy_helper.from_array(rng.normal(0, 0.2, channels).astype(np.float32), "conv_b"),
        numpy_helper.from_array(rng.normal(0, 1, (channels, 2)).astype(np.float32), "dense_w"),
        numpy_helper.from_array(np.zeros(2, np.float32), "dense_b"),
        numpy_helper.from_array(np.zeros((), np.float32), "zero"),
        numpy_helper.from_array(np.array([1, 2], np.int64), "axes12"),
    ]
    nodes = [helper.make_node("Gather", ["embedding", "chars"], ["emb"], axis=0),  # [B, T, E]
             helper.make_node("Transpose", ["emb"], ["xc"], perm=[0, 2, 1]),  # [B, E, T]
             helper.make_node("Conv", ["xc", "conv_w", "conv_b"], ["c"], pads=[radius, radius]),
             helper.make_node("Tanh", ["c"], ["a"]),
             helper.make_node("Transpose", ["a"], ["at"], perm=[0, 2, 1]),  # [B, T, C]
             helper.make_node("MatMul", ["at", "dense_w"], ["mm"]),
             helper.make_node("Add", ["mm", "dense_b"], ["pre"]),
             helper.make_node("Cast", ["lengths"], ["lf"], to=TensorProto.FLOAT),
             helper.make_node("Mul", ["lf", "zero"], ["lz"]),
             helper.make_node("Unsqueeze", ["lz", "axes12"], ["lz3"]),  # [B, 1, 1]
             helper.make_node("Add", ["pre", "lz3"], ["logits"])]
    meta = meta if meta is not None else metadata(embed=embed, units=channels, layers=1)
    return _model(nodes, inits, meta, "logsplit_tiny_conv")


def save(model: onnx.ModelProto, path: str) -> str:
    """Write ``model`` to ``path`` and return the path."""
    onnx.save(model, path)
    return path


if __name__ == "__main__":  # python tests/tiny_model.py OUT.onnx [--units 32]
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out")
    ap.add_argument("--embed", type=int, default=16)
    ap.add_argument("--units", type=int, default=32)
    ap.add_argument("--layers", type=int, default=1)
    a = ap.parse_args()
    print(save(build_lstm_model(embed=a.embed, units=a.units, layers=a.layers), a.out))
