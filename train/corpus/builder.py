"""Build a labeled line piece by piece: the generator says what is a field, never a tokenizer.

>>> b = Line().f("uid").d("=").f("0").sp().f("msg").d('="').f("disk full").d('"')
>>> s = b.build("demo"); s.text, s.fields
('uid=0 msg="disk full"', ['uid', '0', 'msg', 'disk full'])
"""
from __future__ import annotations

import numpy as np

from ..sample import Sample

SENTENCE_END = (".", ",", "!", "?", "...", ":", ";")


class Line:
    """Accumulates (text, is_field) pieces.  Consecutive fields merge into one field, so a
    field must be followed by a delimiter before the next value (as the convention requires)."""

    __slots__ = ("parts",)

    def __init__(self):
        self.parts: list[tuple[str, bool]] = []

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

    def sp(self, n: int = 1) -> "Line":
        return self.d(" " * n)

    def add(self, other: "Line") -> "Line":
        self.parts.extend(other.parts)
        return self

    # -- common shapes ------------------------------------------------------------------------
    def fields(self, values, sep: str = " ") -> "Line":
        """Values separated by a delimiter string."""
        for i, v in enumerate(values):
            if i:
                self.d(sep)
            self.f(v)
        return self

    def kv(self, key, value, sep: str = "=") -> "Line":
        """``key=value``; an empty value gives the key alone (``ruser=``)."""
        return self.f(key).d(sep).f(value)

    def quoted(self, value, q: str = '"', close: str | None = None) -> "Line":
        """A quoted value: the quotes are delimiters, the content one field (empty: no field)."""
        return self.d(q).f(value).d(close if close is not None else q)

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
        for t, is_field in self.parts:
            mask[pos:pos + len(t)] = 0 if is_field else 1
            pos += len(t)
        return Sample(text, mask, source)
