"""The Keras character model: embedding -> bidirectional LSTM(s) -> dense over the labels.

No ``mask_zero``: with a mask tf2onnx emits a slow ONNX ``Loop``; without one it emits the fused
``LSTM`` op (about 2x faster).  Padding is handled instead by length-bucketed batches with zero
loss weight on padded positions in training, and by ``sequence_lens`` in the exported graph.
This module (with fit.py and export.py) is the only place that imports TensorFlow/Keras.
"""
from __future__ import annotations

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import keras  # noqa: E402
from keras import layers  # noqa: E402

from logsplit.vocab import LABELS  # noqa: E402


def build_model(vocab_size: int, embed: int, units: int, n_layers: int = 1) -> keras.Model:
    """A from-scratch character tagger returning per-character logits over ``LABELS``.

    >>> build_model(100, 8, 8).output_shape
    (None, None, 2)
    """
    chars = keras.Input((None,), dtype="int32", name="chars")
    x = layers.Embedding(vocab_size, embed, name="embed")(chars)
    for i in range(n_layers):
        x = layers.Bidirectional(layers.LSTM(units, return_sequences=True), name=f"bilstm{i}")(x)
    logits = layers.Dense(len(LABELS), name="logits")(x)
    return keras.Model(chars, logits, name="logsplit")


def compile_model(model: keras.Model, learning_rate: float) -> None:
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate, clipnorm=1.0),
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        weighted_metrics=[keras.metrics.SparseCategoricalAccuracy(name="acc")],
    )


def load_model(path: str) -> keras.Model:
    return keras.models.load_model(path, compile=False)


def batch_dataset(data):
    """A ``tf.data`` view of a Keras ``PyDataset`` of ``(x, y, weight)`` batches of any width.

    Why an explicit signature: Keras infers one from the first batches it peeks at and fixes
    the width when those happen to be equally long, so a later, shorter batch then fails
    (``yielded an element of shape (128, 31) where (None, 256) was expected``).  The
    dataset calls ``data.on_epoch_end()`` after each pass, so a shuffling dataset reshuffles.
    """
    import tensorflow as tf

    def gen():
        for i in range(len(data)):
            yield data[i]
        data.on_epoch_end()

    sig = (tf.TensorSpec((None, None), tf.int32), tf.TensorSpec((None, None), tf.int32),
           tf.TensorSpec((None, None), tf.float32))
    return tf.data.Dataset.from_generator(gen, output_signature=sig)
