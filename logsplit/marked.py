"""The marked format: a line with its fields between ``⟦`` and ``⟧``, editable in any editor.

``logsplit --marked`` prints it, a user moves the marks where the fields should be, and
``logsplit-train`` reads the file back as training data (the way to teach logsplit a format).
The notation is the labeling document's: everything between ``⟦`` and ``⟧`` is a field, the
rest is delimiters, and ``⟦⟧`` is an empty field (a zero-length span).

Escapes: ``⟡`` (U+27E1) is the escape character.  ``⟡⟦``, ``⟡⟧`` and ``⟡⟡`` stand for a
literal ``⟦``, ``⟧`` and ``⟡`` of the line; ``⟡`` before anything else is an error.  All three
characters are so rare in logs that almost no line needs an escape, and every escape is two
characters that mean the same wherever they stand, so moving or deleting a mark never changes
the text.  The text of a marked line is the line without its marks, escapes resolved: marks
cannot change it.

>>> format_marked("a,,c x", [(0, 1), (2, 2), (3, 4), (5, 6)])
'⟦a⟧,⟦⟧,⟦c⟧ ⟦x⟧'
>>> parse_marked('⟦k⟧=⟦⟡⟦v⟡⟧⟧')
('k=⟦v⟧', [(0, 1), (2, 5)])
"""
from __future__ import annotations

from .errors import LogsplitError

OPEN = "\u27e6"     # ⟦
CLOSE = "\u27e7"    # ⟧
ESCAPE = "\u27e1"   # ⟡
_SPECIAL = OPEN + CLOSE + ESCAPE
_ESCAPES = str.maketrans({c: ESCAPE + c for c in _SPECIAL})

__all__ = ["OPEN", "CLOSE", "ESCAPE", "MarkedError", "format_marked", "parse_marked", "escape"]


class MarkedError(LogsplitError):
    """A malformed marked line: unbalanced or nested marks, or a bad escape.

    ``column`` is the 1-based position in the marked line where the problem was found.

    >>> str(MarkedError("unclosed ⟦", 3))
    'column 3: unclosed ⟦'
    """

    def __init__(self, reason: str, column: int, kind: str | None = None):
        super().__init__(f"column {column}: {reason}")
        self.reason = reason
        self.column = column
        #: the reason without specifics (what non-strict readers count skipped lines by)
        self.kind = kind or reason


def escape(text: str) -> str:
    """``text`` with its ``⟦``, ``⟧`` and ``⟡`` escaped.

    >>> escape("a⟦b⟡")
    'a⟡⟦b⟡⟡'
    """
    return text.translate(_ESCAPES) if any(c in text for c in _SPECIAL) else text


def format_marked(text: str, spans) -> str:
    """``text`` with each span ``(start, end)`` marked ``⟦…⟧`` (``⟦⟧`` for an empty span).

    ``spans`` are code-point offsets, sorted, not overlapping (an empty span may sit at a
    neighbour's boundary); a ``ValueError`` otherwise, as that is a caller's bug.

    >>> format_marked('ua="" x', [(0, 2), (4, 4), (6, 7)])
    '⟦ua⟧="⟦⟧" ⟦x⟧'
    """
    out = []
    pos = 0
    n = len(text)
    for s, e in spans:
        if not (pos <= s <= e <= n):
            raise ValueError(f"spans must be sorted, not overlapping and within the text: "
                             f"({s}, {e}) after offset {pos} in a text of {n} characters")
        out += (escape(text[pos:s]), OPEN, escape(text[s:e]), CLOSE)
        pos = e
    out.append(escape(text[pos:]))
    return "".join(out)


def parse_marked(line: str) -> tuple[str, list[tuple[int, int]]]:
    """The text and the field spans of a marked line; :class:`MarkedError` if malformed.

    >>> parse_marked("⟦a⟧,⟦⟧,⟦c⟧")
    ('a,,c', [(0, 1), (2, 2), (3, 4)])
    >>> parse_marked("⟦a⟦b⟧⟧")
    Traceback (most recent call last):
    ...
    logsplit.marked.MarkedError: column 3: nested ⟦: a field is already open (opened at column 1); write ⟡⟦ for a literal ⟦
    """
    text = []
    spans = []
    start = None          # offset in text of the open field, None outside a field
    opened_at = 0         # column of the open mark
    i, n = 0, len(line)
    pos = 0               # length of text so far
    while i < n:
        c = line[i]
        if c == ESCAPE:
            if i + 1 >= n or line[i + 1] not in _SPECIAL:
                what = "the end of the line" if i + 1 >= n else repr(line[i + 1])
                raise MarkedError(f"bad escape: {ESCAPE} before {what} (only {ESCAPE}{OPEN}, "
                                  f"{ESCAPE}{CLOSE} and {ESCAPE}{ESCAPE} are escapes)", i + 1,
                                  "bad escape")
            text.append(line[i + 1])
            pos += 1
            i += 2
            continue
        if c == OPEN:
            if start is not None:
                raise MarkedError(f"nested {OPEN}: a field is already open (opened at column "
                                  f"{opened_at}); write {ESCAPE}{OPEN} for a literal {OPEN}",
                                  i + 1, "nested marks")
            start, opened_at = pos, i + 1
        elif c == CLOSE:
            if start is None:
                raise MarkedError(f"{CLOSE} without an open {OPEN}; write {ESCAPE}{CLOSE} for "
                                  f"a literal {CLOSE}", i + 1, "unbalanced marks")
            spans.append((start, pos))
            start = None
        else:
            # copy the run of ordinary characters up to the next special one in one go
            j = i + 1
            while j < n and line[j] not in _SPECIAL:
                j += 1
            text.append(line[i:j])
            pos += j - i
            i = j
            continue
        i += 1
    if start is not None:
        raise MarkedError(f"unclosed {OPEN} (no {CLOSE} after it)", opened_at, "unbalanced marks")
    return "".join(text), spans
