"""Build a labeled line piece by piece: the generator says what is a field, never a tokenizer.

Empty fields (labeling rule 8: ``a,,c``, ``ruser=``, ``ua=""``) are declared with
:meth:`Line.empty`; key/value pairs built with :meth:`Line.kv` are recorded as pairs, so the
corpus knows by construction which fields are keys and which their values.

>>> b = Line().f("uid").d("=").f("0").sp().f("msg").d('="').f("disk full").d('"')
>>> s = b.build("demo"); s.text, s.fields
('uid=0 msg="disk full"', ['uid', '0', 'msg', 'disk full'])
>>> s = Line().kv("ruser", "").sp().kv("rhost", "10.0.0.1").build()
>>> s.fields, s.empties, s.pairs
(['ruser', '', 'rhost', '10.0.0.1'], [6], [(0, 1), (2, 3)])
"""
from __future__ import annotations

import numpy as np

from ..sample import Sample

SENTENCE_END = (".", ",", "!", "?", "...", ":", ";")


class Line:
    """Accumulates (text, is_field) pieces.  Consecutive fields merge into one field, so a
    field must be followed by a delimiter before the next value (as the convention requires)."""

    __slots__ = ("parts", "_pairs")

    def __init__(self):
        self.parts: list[tuple[str, bool]] = []
        self._pairs: list[tuple[int, int]] = []   # (key part index, value part index)

    # -- primitives ---------------------------------------------------------------------------
    def f(self, text) -> "Line":
        """Append a field (one value, inner spaces and punctuation included)."""
        text = str(text)
        if text:
            self.parts.append((text, True))
        return self

    def d(self, text: str) -> "Line":
        """Append delimiter characters."""
        if text:
            self.parts.append((text, False))
        return self

    def empty(self) -> "Line":
        """Append an empty field (a zero-length span): an absent value whose place the
        delimiters around it keep (``a,,c``: ``.f("a").d(",").empty().d(",").f("c")``).  It
        must sit where :func:`logsplit.fieldspans.empty_positions` derives one; the corpus
        tests check that for every family."""
        self.parts.append(("", True))
        return self

    def sp(self, n: int = 1) -> "Line":
        return self.d(" " * n)

    def add(self, other: "Line") -> "Line":
        base = len(self.parts)
        self.parts.extend(other.parts)
        self._pairs.extend((k + base, v + base) for k, v in other._pairs)
        return self

    # -- common shapes ------------------------------------------------------------------------
    def fields(self, values, sep: str = " ") -> "Line":
        """Values separated by a delimiter string."""
        for i, v in enumerate(values):
            if i:
                self.d(sep)
            self.f(v)
        return self

    def kv(self, key, value, sep: str = "=", q: str = "") -> "Line":
        """``key=value`` (or ``key: value``, ``key="value"`` with ``q='"'``), recorded as a pair.

        An empty value is an empty field (rule 8): ``ruser=`` gives ``ruser`` and ``""``;
        ``ua=""`` gives ``ua`` and ``""``.  An empty value after a separator that does not end
        in ``=`` (``key: ``) has no place to keep, so it gives the key alone and no pair.
        """
        self.f(key)
        k = len(self.parts) - 1
        value = "" if value is None else str(value)
        if q:
            self.d(sep)
            self.quoted(value, q)
            self._pairs.append((k, len(self.parts) - 2))
            return self
        self.d(sep)
        if value:
            self.f(value)
        elif sep.endswith("="):
            self.empty()
        else:
            return self
        self._pairs.append((k, len(self.parts) - 1))
        return self

    def paired(self, key_part: int) -> "Line":
        """Record the field part ``key_part`` as a key whose value is the first field part
        after it, for pairs built piece by piece (``.f(k).d(" = ")`` then a value function):
        a compound value (``host:port``) pairs with its first field, as logsplit.pairs does.
        """
        for j in range(key_part + 1, len(self.parts)):
            if self.parts[j][1]:
                self._pairs.append((key_part, j))
                break
        return self

    def quoted(self, value, q: str = '"', close: str | None = None) -> "Line":
        """A quoted value: the quotes are delimiters, the content one field; empty quotes
        standing as a value are one empty field (rule 8)."""
        value = str(value)
        self.d(q)
        if value:
            self.f(value)
        else:
            self.empty()
        return self.d(close if close is not None else q)

    def bracketed(self, value, open_: str = "[", close: str = "]") -> "Line":
        return self.d(open_).f(value).d(close)

    def words(self, text: str) -> "Line":
        """Constant message words the generator wrote: split at single spaces, sentence
        punctuation at a word's end becomes a delimiter.  Only for text the generator itself
        composed from its word lists (never for finished lines)."""
        for i, w in enumerate(text.split(" ")):
            if i:
                self.sp()
            tail = ""
            for p in sorted(SENTENCE_END, key=len, reverse=True):
                if w.endswith(p) and len(w) > len(p):
                    w, tail = w[: -len(p)], p
                    break
            if w in ("-", "--", "->", "=>", "*", "#", "/", "|"):
                self.d(w)
            else:
                self.f(w)
            self.d(tail)
        return self

    # -- result -------------------------------------------------------------------------------
    @property
    def text(self) -> str:
        return "".join(t for t, _ in self.parts)

    def build(self, source: str = "") -> Sample:
        text = self.text
        mask = np.empty(len(text), dtype=np.uint8)
        pos = 0
        empties = []
        starts = []
        for t, is_field in self.parts:
            starts.append(pos)
            if is_field and not t:
                empties.append(pos)
            mask[pos:pos + len(t)] = 0 if is_field else 1
            pos += len(t)
        sample = Sample(text, mask, source, empties=empties)
        if self._pairs:
            index = {s: i for i, (s, _) in enumerate(sample.spans)}
            pairs = []
            for k, v in self._pairs:
                ki, vi = index.get(starts[k]), index.get(starts[v])
                if ki is not None and vi is not None and ki != vi:
                    pairs.append((ki, vi))
            sample.pairs = pairs
        return sample
