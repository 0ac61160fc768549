"""Route the lines of a taught format to the taught network, every other line to its base.

Why: teaching a format from a handful of corrected lines (``logsplit-train --teach``) moves a
small network everywhere at once, and a few lines of formats it already knew come out split
differently (measured: 0.997 -> 0.952 line accuracy elsewhere).  A taught model therefore
carries its base model inside it and a *gate*: a line whose shape is close to one of the
corrected lines goes to the taught network, any other line to the base network, unchanged,
bit for bit.  The shape of a line is the sequence of its character classes (letters, digits,
blanks, each punctuation character itself), runs collapsed, over its first ``head`` classes;
two lines are close when the hashed n-grams of their shapes agree (cosine similarity).  The
threshold ``tau`` is set by ``teach`` from corpus lines the taught network would split worse
than its base, so those stay with the base.

The gate reads the model's own input ids, so it needs nothing but the model file.

>>> import numpy as np
>>> from logsplit.vocab import Vocabulary
>>> v = Vocabulary()
>>> rows = [v.encode("JOB#12~ok~3ms"), v.encode("JOB#7~failed~12ms")]
>>> g = Gate.build(rows, v, tau=0.9)
>>> ids, lengths = v.encode_joined(["JOB#3~ok~1ms", "Dec 10 sshd[42]: Accepted"])
>>> from logsplit.vocab import pad_batch
>>> g.routed(pad_batch(ids, lengths), lengths).tolist()
[True, False]
"""
from __future__ import annotations

import numpy as np

from .vocab import DIGIT, FIRST_CHAR_ID, LETTER, PAD, Vocabulary

#: Gate format written in a taught model's ``logsplit.route`` metadata.
GATE_VERSION = 1
HEAD = 32            # character classes of a line's shape that the gate reads
DIM = 4096           # hashed n-gram buckets
NGRAMS = (2, 3, 4, 5)
_START = 1           # class of the start-of-line marker
_LETTER, _DIGIT, _BLANK = 2, 3, 4
_P = np.int64(1_000_003)


def class_table(vocab: Vocabulary) -> np.ndarray:
    """Id -> shape class: every letter one class, every digit one, blanks one, any other
    character (punctuation, unknown, control) a class of its own."""
    t = np.arange(vocab.size, dtype=np.int64) + 8  # other ids: a class each
    t[PAD] = 0
    t[LETTER] = _LETTER
    t[DIGIT] = _DIGIT
    for i, c in enumerate(vocab.spec["chars"]):
        cid = FIRST_CHAR_ID + i
        if c.isalpha():
            t[cid] = _LETTER
        elif c.isdigit():
            t[cid] = _DIGIT
        elif c.isspace():
            t[cid] = _BLANK
    return t


def shape_buckets(row: np.ndarray, table: np.ndarray, head: int = HEAD, dim: int = DIM,
                  ngrams=NGRAMS) -> np.ndarray:
    """Sorted distinct n-gram buckets of one row of model ids (no padding).

    >>> v = Vocabulary(); t = class_table(v)
    >>> a = shape_buckets(v.encode("id=12 ok"), t); b = shape_buckets(v.encode("x=9 fine"), t)
    >>> bool(np.array_equal(a, b))
    True
    """
    cls = table[row]
    if cls.size:
        keep = np.ones(cls.size, bool)
        keep[1:] = cls[1:] != cls[:-1]
        cls = cls[keep][:head]
    seq = np.concatenate([[_START], cls]).astype(np.int64)
    out = []
    for n in ngrams:
        if seq.size < n:
            continue
        h = np.zeros(seq.size - n + 1, np.int64) + n
        for j in range(n):
            h = (h * _P + seq[j:seq.size - n + 1 + j]) % (1 << 31)
        out.append(h % dim)
    return np.unique(np.concatenate(out)) if out else np.zeros(0, np.int64)


class Gate:
    """Which rows of a padded id batch belong to the taught format (cosine >= ``tau``)."""

    def __init__(self, spec: dict, vocab: Vocabulary):
        if spec.get("version") != GATE_VERSION:
            raise ValueError(f"gate version {spec.get('version')!r} is not supported")
        self.spec = spec
        self.head, self.dim = int(spec["head"]), int(spec["dim"])
        self.ngrams = tuple(int(n) for n in spec["ngrams"])
        self.tau = float(spec["tau"])
        self.vocab = vocab
        self.table = class_table(vocab)
        taught = spec["taught"]
        if not taught:
            raise ValueError("gate has no taught lines")
        m = np.zeros((len(taught), self.dim), np.float32)
        for i, idx in enumerate(taught):
            idx = np.asarray(idx, np.int64)
            if idx.size and (idx.min() < 0 or idx.max() >= self.dim):
                raise ValueError("gate bucket out of range")
            m[i, idx] = 1.0
        self.matrix = m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-9)

    @classmethod
    def build(cls, rows, vocab: Vocabulary, tau: float, head: int = HEAD, dim: int = DIM,
              ngrams=NGRAMS) -> "Gate":
        """A gate over the taught lines ``rows`` (model id arrays), distinct shapes kept once."""
        return cls(cls.spec_of(rows, vocab, tau, head, dim, ngrams), vocab)

    @staticmethod
    def spec_of(rows, vocab: Vocabulary, tau: float, head: int = HEAD, dim: int = DIM,
                ngrams=NGRAMS) -> dict:
        table = class_table(vocab)
        seen, taught = set(), []
        for r in rows:
            b = tuple(int(x) for x in shape_buckets(np.asarray(r), table, head, dim, ngrams))
            if b not in seen:
                seen.add(b)
                taught.append(list(b))
        return {"version": GATE_VERSION, "head": head, "dim": dim, "ngrams": list(ngrams),
                "tau": float(tau), "taught": taught}

    def with_tau(self, tau: float) -> "Gate":
        """The same gate with another threshold (``teach`` calibrates it)."""
        return Gate(dict(self.spec, tau=float(tau)), self.vocab)

    def scores(self, chars: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Per row: the best cosine similarity of its shape to a taught line's."""
        out = np.zeros(chars.shape[0], np.float32)
        for i in range(chars.shape[0]):
            b = shape_buckets(chars[i, :int(lengths[i])], self.table, self.head, self.dim,
                              self.ngrams)
            if b.size:
                out[i] = self.matrix[:, b].sum(axis=1).max() / np.sqrt(b.size)
        return out

    def text_scores(self, texts) -> np.ndarray:
        """:meth:`scores` of whole lines (text), encoded as the runtime encodes them."""
        if not texts:
            return np.zeros(0, np.float32)
        return self.scores(*_encoded(self.vocab, texts))

    @classmethod
    def for_texts(cls, texts, vocab: Vocabulary, tau: float) -> "Gate":
        """:meth:`build` over whole lines (text), encoded as the runtime encodes them."""
        chars, lengths = _encoded(vocab, texts)
        return cls.build([chars[i, :lengths[i]] for i in range(len(lengths))], vocab, tau)

    def routed(self, chars: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Bool per row: True = the taught network splits it."""
        return self.scores(chars, lengths) >= self.tau - 1e-6


def _encoded(vocab: Vocabulary, texts):
    """Padded model-input ids and lengths of ``texts``, as the runtime makes them."""
    from .vocab import pad_batch
    ids, lengths = vocab.encode_joined(list(texts))
    ids, lengths, _ = vocab.model_input(ids, lengths)
    return pad_batch(ids, lengths), lengths
