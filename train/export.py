"""Keras -> ONNX with tf2onnx, made exact for padded batches and checked against Keras.

The export fails loudly (:class:`ExportError`) unless the graph uses the fused ONNX ``LSTM`` op
(no ``Loop``) and onnxruntime reproduces Keras on held-out lines: identical labels on every
character and logits within ``PARITY_ATOL``.  A graph input ``lengths`` is wired into input 4
(``sequence_lens``) of every LSTM node, so a padded batch gives exactly the per-line result,
reverse direction included.  The vocabulary, labels, sizes, training summary and evaluation
go into the model's metadata: the runtime needs nothing else.
"""
from __future__ import annotations

import json
import os
from collections import defaultdict

import numpy as np

from logsplit import defaults
from logsplit.model import FORMAT as MODEL_FORMAT  # the format the runtime reads
from logsplit.model import session_options
from logsplit.vocab import LABELS, Vocabulary, pad_batch


class ExportError(RuntimeError):
    """The ONNX graph is not what the runtime needs, or it disagrees with Keras."""


def convert(model, opset: int = defaults.OPSET):
    """tf2onnx conversion plus the ``lengths`` input; returns an ``onnx.ModelProto``."""
    import tensorflow as tf
    import tf2onnx
    from onnx import TensorProto, helper

    spec = (tf.TensorSpec((None, None), tf.int32, name="chars"),)
    proto, _ = tf2onnx.convert.from_keras(model, input_signature=spec, opset=opset)
    g = proto.graph
    ops = [n.op_type for n in g.node]
    if "Loop" in ops or "Scan" in ops:
        raise ExportError("the exported graph contains a Loop: the LSTM was not fused "
                          "(was the Embedding built with mask_zero=True?)")
    lstms = [n for n in g.node if n.op_type == "LSTM"]
    if not lstms:
        raise ExportError(f"the exported graph has no fused LSTM op (ops: {sorted(set(ops))})")
    if [i.name for i in g.input] != ["chars"] or len(g.output) != 1:
        raise ExportError(f"unexpected graph inputs/outputs: {[i.name for i in g.input]} -> "
                          f"{[o.name for o in g.output]}")
    g.input.append(helper.make_tensor_value_info("lengths", TensorProto.INT32, ["batch"]))
    for n in lstms:
        while len(n.input) < 5:
            n.input.append("")
        n.input[4] = "lengths"
    out_name = g.output[0].name
    if out_name != "logits":
        for n in g.node:
            for k, name in enumerate(n.output):
                if name == out_name:
                    n.output[k] = "logits"
        g.output[0].name = "logits"
    return proto


def set_metadata(proto, meta: dict) -> None:
    """Replace the model's ``logsplit.*`` metadata with ``meta`` (values JSON-encoded)."""
    keep = [p for p in proto.metadata_props if not p.key.startswith("logsplit.")]
    del proto.metadata_props[:]
    proto.metadata_props.extend(keep)
    for k, v in meta.items():
        p = proto.metadata_props.add()
        p.key = f"logsplit.{k}"
        p.value = v if isinstance(v, str) else json.dumps(v, sort_keys=True)


def base_metadata(vocab: Vocabulary, sizes: dict, max_len: int) -> dict:
    return {"format": MODEL_FORMAT, "vocab": vocab.spec, "labels": list(LABELS),
            "sizes": sizes, "max_len": str(max_len)}


def save(proto, path: str) -> None:
    import onnx
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    onnx.checker.check_model(proto)
    onnx.save(proto, path)


def session(path_or_bytes):
    """A bare onnxruntime session (path or bytes) with the runtime's own options."""
    import onnxruntime as ort
    so = session_options()
    so.log_severity_level = 3
    return ort.InferenceSession(path_or_bytes, so, providers=["CPUExecutionProvider"])


def onnx_logits(sess, texts: list[str], vocab: Vocabulary, batch: int = 256) -> list[np.ndarray]:
    """Per-line logits [len, 2] from onnxruntime, lines sorted by length into padded batches
    (per character: a model that reads digit runs as one position gives each digit its run's)."""
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    out: list[np.ndarray | None] = [None] * len(texts)
    for b in range(0, len(order), batch):
        idx = order[b:b + batch]
        ids, lengths = vocab.encode_joined([texts[i] for i in idx])
        m_ids, m_len, index = vocab.model_input(ids, lengths)
        x = pad_batch(m_ids, m_len)
        logits = sess.run(["logits"], {"chars": x, "lengths": m_len.astype(np.int32)})[0]
        flat = logits[np.arange(x.shape[1])[None, :] < m_len[:, None]]
        if index is not None:
            flat = flat[index]
        ends = np.cumsum(lengths)
        for k, i in enumerate(idx):
            out[i] = flat[ends[k] - lengths[k]:ends[k]]
    return out


def onnx_masks(sess, texts, vocab, batch: int = 256) -> list[np.ndarray]:
    """Per-line delimiter masks as the runtime makes them: the model's labels, then control
    characters and escape sequences forced to delimiters (labeling rule 6)."""
    from logsplit.fieldspans import force_controls
    out = []
    for t, lg in zip(texts, onnx_logits(sess, texts, vocab, batch)):
        m = (lg[:, 1] > lg[:, 0]).astype(np.uint8)
        force_controls(t, m)
        out.append(m)
    return out


def keras_logits(model, texts: list[str], vocab: Vocabulary) -> list[np.ndarray]:
    """Keras logits with no padding at all: lines of equal model length are run together."""
    import tensorflow as tf
    run = tf.function(lambda x: model(x, training=False), reduce_retracing=True,
                      input_signature=[tf.TensorSpec((None, None), tf.int32)])
    groups = defaultdict(list)
    inputs = []
    for i, t in enumerate(texts):
        ids = vocab.encode(t)
        m_ids, _, index = vocab.model_input(ids, np.array([ids.size]))
        inputs.append((m_ids.astype(np.int32), index))
        groups[m_ids.size].append(i)
    out: list[np.ndarray | None] = [None] * len(texts)
    for n, idx in groups.items():
        if n == 0:
            for i in idx:
                out[i] = np.zeros((0, len(LABELS)), np.float32)
            continue
        x = np.stack([inputs[i][0] for i in idx])
        y = run(x).numpy()
        for k, i in enumerate(idx):
            index = inputs[i][1]
            out[i] = y[k] if index is None else y[k][index]
    return out


def logits_agree(k: np.ndarray, o: np.ndarray, atol: float = defaults.PARITY_ATOL,
                 rtol: float = defaults.PARITY_RTOL) -> bool:
    """Whether every ONNX logit ``o`` is within ``atol + rtol * |k|`` of its Keras logit ``k``.

    >>> logits_agree(np.array([20.0]), np.array([20.000107]))   # float32 rounding at 20
    True
    >>> logits_agree(np.array([0.5]), np.array([0.501]))
    False
    """
    return bool((np.abs(k - o) <= atol + rtol * np.abs(k)).all())


def check_parity(model, sess, texts: list[str], vocab: Vocabulary,
                 atol: float = defaults.PARITY_ATOL, rtol: float = defaults.PARITY_RTOL) -> dict:
    """Compare Keras (unpadded) with onnxruntime (padded batches + lengths); raise on mismatch:
    any label that differs, or a logit off by more than ``atol + rtol * |logit|``."""
    ko = keras_logits(model, texts, vocab)
    oo = onnx_logits(sess, texts, vocab, batch=64)
    worst, label_diff, lines_bad, over = 0.0, 0, 0, False
    for k, o in zip(ko, oo):
        if k.shape != o.shape:
            raise ExportError(f"shape mismatch {k.shape} vs {o.shape}")
        if k.size:
            worst = max(worst, float(np.abs(k - o).max()))
            over = over or not logits_agree(k, o, atol, rtol)
            d = int(((k[:, 1] > k[:, 0]) != (o[:, 1] > o[:, 0])).sum())
            label_diff += d
            lines_bad += d > 0
    result = {"lines": len(texts), "chars": int(sum(len(t) for t in texts)),
              "max_abs_logit_diff": worst, "label_differences": label_diff}
    if label_diff or over:
        raise ExportError(f"ONNX disagrees with Keras on {lines_bad} of {len(texts)} lines: "
                          f"{label_diff} labels differ, max |logit diff| {worst:.2e} "
                          f"(tolerance {atol:.0e} + {rtol:.0e} x |logit|)")
    return result
