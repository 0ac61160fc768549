"""Turn labeled samples into training batches: windows, length buckets, class weights (numpy).

>>> from logsplit.vocab import Vocabulary
>>> import numpy as np
>>> from logsplit_train.sample import Sample
>>> s = [Sample("a b", np.array([0, 1, 0], np.uint8))]
>>> x, y, w = make_batches(s, Vocabulary(), batch_size=8, delim_weight=2.0)[0]
>>> x.shape, y.tolist(), w.tolist()
((1, 3), [[0, 1, 0]], [[1.0, 2.0, 1.0]])
"""
from __future__ import annotations

import random

import numpy as np

from logsplit.vocab import Vocabulary, pad_batch

from .sample import Sample


def cut_windows(samples: list[Sample], max_len: int) -> list[Sample]:
    """Lines longer than ``max_len`` become consecutive pieces of at most ``max_len`` chars."""
    out = []
    for s in samples:
        if len(s.text) <= max_len:
            out.append(s)
            continue
        step = max_len * 3 // 4  # overlapping pieces: every character seen with context
        for start in range(0, len(s.text) - max_len + step, step):
            end = min(start + max_len, len(s.text))
            out.append(Sample(s.text[start:end], s.mask[start:end], s.source))
            if end == len(s.text):
                break
    return [s for s in out if s.text]


def delim_weight(samples: list[Sample], cap: float) -> float:
    """Loss weight of the delimiter class so both classes weigh alike, at most ``cap``."""
    n_d = sum(int(s.mask.sum()) for s in samples)
    n = sum(len(s.mask) for s in samples)
    if n_d == 0:
        return 1.0
    return float(min(cap, max(1.0, (n - n_d) / n_d)))


def make_batches(samples: list[Sample], vocab: Vocabulary, batch_size: int,
                 delim_weight: float = 1.0, rng: random.Random | None = None):
    """Length-bucketed batches ``(x, y, weight)``; padded positions weigh 0.

    Samples are sorted by length (shuffled within equal lengths when ``rng`` is given), cut into
    batches, so each batch pads to nearly its own length: little padding for the backward LSTM.
    """
    order = list(range(len(samples)))
    if rng is not None:
        rng.shuffle(order)
    order.sort(key=lambda i: len(samples[i].text))
    batches = []
    for b in range(0, len(order), batch_size):
        chunk = [samples[i] for i in order[b:b + batch_size]]
        ids, lengths = vocab.encode_joined([s.text for s in chunk])
        labels = np.concatenate([s.mask for s in chunk])
        ids, lengths, index = vocab.model_input(ids, lengths)
        if index is not None:  # one label per digit run: that of its first digit
            first = np.ones(index.size, bool)
            first[1:] = index[1:] != index[:-1]
            labels = labels[first]
        x = pad_batch(ids, lengths)
        y = pad_batch(labels, lengths)
        valid = np.arange(x.shape[1])[None, :] < lengths[:, None]
        w = np.where(valid, np.where(y == 1, delim_weight, 1.0), 0.0).astype(np.float32)
        batches.append((x, y.astype(np.int32), w))
    return batches


def split_by_source(samples: list[Sample], fractions: tuple[float, float], seed: int):
    """Split each source's samples into (train, val, test) with val/test ``fractions``."""
    by_src: dict[str, list[Sample]] = {}
    for s in samples:
        by_src.setdefault(s.source, []).append(s)
    train, val, test = [], [], []
    for src in sorted(by_src):
        items = by_src[src][:]
        random.Random(f"{seed}:{src}").shuffle(items)
        n_val = int(round(len(items) * fractions[0]))
        n_test = int(round(len(items) * fractions[1]))
        if len(items) >= 3:
            n_val, n_test = max(n_val, 1), max(n_test, 1)
        else:
            n_val = n_test = 0
        val += items[:n_val]
        test += items[n_val:n_val + n_test]
        train += items[n_val + n_test:]
    return train, val, test
