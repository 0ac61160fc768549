"""Label-preserving variants of a corrected line, so a handful of corrections teach a format.

Why: teaching from ten corrected lines repeats each line a hundred times, and the network
learns those exact strings rather than the format's delimiters.  A variant keeps every
delimiter character (and so every field boundary) where it is and redraws what the fields
hold: a run of letters inside a field becomes other letters of the same case pattern and of
a similar length.  Digits are left alone (the model reads every digit as one symbol, and a
redrawn length would make timestamps and addresses that never occur).  The delimiter mask is
carried along, so the variant is labeled exactly as its correction.  Nothing else changes: punctuation inside
fields (``.`` ``_`` ``-`` ``/`` ``:``), blanks inside fields and short words inside multi-word
fields (``Dec`` in a timestamp, ``GET`` in a request) stay as they are.

>>> import random
>>> import numpy as np
>>> from logsplit_train.sample import Sample
>>> s = Sample("user=alice took 12ms", np.array([0,0,0,0,1,0,0,0,0,0,1,0,0,0,0,1,0,0,0,0], np.uint8))
>>> v = vary(s, random.Random(1))
>>> [c for c, m in zip(v.text, v.mask) if m], len(v.fields), v.fields[3]
(['=', ' ', ' '], 4, '12ms')
"""
from __future__ import annotations

import random
import re

import numpy as np

from .sample import Sample

_RUN = re.compile(r"[A-Za-z]+")
_LOWER = "abcdefghijklmnopqrstuvwxyz"
_UPPER = _LOWER.upper()
#: A word this short inside a field that holds a blank is kept (month names, methods, AM/PM).
KEEP_SHORT = 3
#: Chance that each eligible run is redrawn.
P_REDRAW = 0.6


def _letters(run: str, rng: random.Random) -> str:
    n = max(1, len(run) + rng.randint(-2, 3)) if len(run) > 2 else len(run)
    if run.isupper() and len(run) > 1:
        return "".join(rng.choice(_UPPER) for _ in range(n))
    head = rng.choice(_UPPER) if run[0].isupper() else rng.choice(_LOWER)
    return head + "".join(rng.choice(_LOWER) for _ in range(n - 1))


def vary(sample: Sample, rng: random.Random) -> Sample:
    """A copy of ``sample`` with the letter runs inside its fields redrawn (see the
    module doc); delimiters, their positions relative to the fields and the labels are kept."""
    text, mask = sample.text, np.asarray(sample.mask, np.uint8)
    spaced = _fields_with_blanks(text, mask)
    out, labels, pos = [], [], 0
    for m in _RUN.finditer(text):
        s, e = m.span()
        out.append(text[pos:s])
        labels.append(mask[pos:s])
        run = m.group()
        inside = not mask[s:e].any()
        keep = (not inside or rng.random() >= P_REDRAW
                or (len(run) <= KEEP_SHORT and spaced[s]))
        new = run if keep else _letters(run, rng)
        out.append(new)
        labels.append(mask[s:e] if keep else np.zeros(len(new), np.uint8))
        pos = e
    out.append(text[pos:])
    labels.append(mask[pos:])
    return Sample("".join(out), np.concatenate(labels).astype(np.uint8), sample.source,
                  dict(sample.meta, variant=True))


def _fields_with_blanks(text: str, mask: np.ndarray) -> np.ndarray:
    """Per character: True where it lies in a field run that holds a blank."""
    flag = np.zeros(len(text), bool)
    i = 0
    while i < len(text):
        if mask[i]:
            i += 1
            continue
        j = i
        while j < len(text) and not mask[j]:
            j += 1
        if any(c.isspace() for c in text[i:j]):
            flag[i:j] = True
        i = j
    return flag
