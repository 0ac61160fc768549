"""From a delimiter mask to the fields of a line: the runs of field characters, plus the empty
fields that the delimiters themselves imply (labeling rule 8), and the characters that are
delimiters whatever the model says (rule 6).

The model labels characters; an *empty* field has no character to label, so it is derived here,
deterministically, from the delimiter runs the model predicts.  Inside one run of delimiters,
an empty field (a zero-length span ``(p, p)``) sits:

* between two of the same list separator ``,`` ``;`` ``|`` with nothing but blanks between
  them, at the second separator (``a,,c``, ``a, ,c``, ``x||y``); a doubled separator standing
  alone between blanks is an operator, not an empty cell (``a || b``);
* between empty quotes ``""`` or ``''`` that open a value (the first quote is glued neither to a
  field nor to another quote before it), at the closing quote (``ua="" ref``);
* after a ``=`` glued to its key and followed by a blank, a list separator or the end of the
  line, right after the ``=`` (``ruser= rhost=``).

Whitespace alone never makes an empty field.  Training, evaluation and the runtime all use this
one module, so the generator's empty fields, the metrics and the CLI cannot disagree.

>>> text = 'a,,c ua="" k= x'
>>> spans_of(text, mask_from_text(text, lambda c: c in ',"= '))
[(0, 1), (2, 2), (3, 4), (5, 7), (9, 9), (11, 12), (13, 13), (14, 15)]
"""
from __future__ import annotations

import re

import numpy as np

#: Separators between the items of a list: two of them with only blanks between give an empty item.
LIST_SEPARATORS = ",;|"
BLANKS = " \t"
QUOTES = "\"'"

_CONTROL_RE = re.compile(
    "\x1b\\[[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"       # CSI: ESC [ params intermediates final
    "|\x1b\\][^\x07\x1b]*(?:\x07|\x1b\\\\)?"             # OSC: ESC ] ... BEL or ESC \
    "|\x1b[\x20-\x2f]*[\x30-\x7e]?"                      # other escapes: ESC (B, ESC =, ESC c
    "|\x9b[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"          # C1 CSI
    "|[\x00-\x1f\x7f-\x9f]")                             # any other C0 / DEL / C1 control


def mask_from_text(text: str, is_delim) -> np.ndarray:
    """A delimiter mask from a per-character predicate (for examples and tests).

    >>> mask_from_text("a b", str.isspace).tolist()
    [0, 1, 0]
    """
    return np.fromiter((1 if is_delim(c) else 0 for c in text), np.uint8, len(text))


def has_controls(text: str) -> bool:
    """Whether ``text`` holds a control character (C0, DEL or C1)."""
    return _CONTROL_RE.search(text) is not None


def force_controls(text: str, mask: np.ndarray) -> None:
    """Mark every control character and every whole ANSI escape sequence of ``text`` as a
    delimiter in ``mask`` (in place): rule 6, whatever the model said.

    >>> m = np.zeros(9, np.uint8); force_controls("a\\x1b[31mb\\x00c", m); m.tolist()
    [0, 1, 1, 1, 1, 1, 0, 1, 0]
    """
    for m in _CONTROL_RE.finditer(text):
        mask[m.start():m.end()] = 1


#: Character classes the derivation looks at (everything else is class 0).
BLANK, SEP_COMMA, SEP_SEMI, SEP_PIPE, QUOTE2, QUOTE1, EQUALS = 1, 2, 3, 4, 5, 6, 7
CLASS_OF = {" ": BLANK, "\t": BLANK, ",": SEP_COMMA, ";": SEP_SEMI, "|": SEP_PIPE,
            '"': QUOTE2, "'": QUOTE1, "=": EQUALS}


def classes(text: str) -> np.ndarray:
    """The derivation's character class of each code point of ``text`` (int8)."""
    out = np.zeros(len(text), np.int8)
    for i, c in enumerate(text):
        k = CLASS_OF.get(c)
        if k:
            out[i] = k
    return out


def empty_fields(cls: np.ndarray, mask: np.ndarray, lengths: np.ndarray):
    """Empty fields of many lines at once, vectorised: ``cls`` (:func:`classes`) and ``mask``
    (1 = delimiter) of the lines back to back, ``lengths`` per line.  Returns
    ``(line, offset)``: the line index and line-relative offset of every empty field, in order.

    >>> t = "a,,c"; empty_fields(classes(t), np.array([0, 1, 1, 0]), np.array([4]))
    (array([0]), array([2]))
    """
    n = cls.size
    if n == 0:
        z = np.zeros(0, np.int64)
        return z, z
    lengths = np.asarray(lengths, np.int64)
    ends = np.cumsum(lengths)
    starts = ends - lengths

    def line_of(pos):
        return np.searchsorted(ends, pos, side="right")

    first = np.zeros(n, bool)
    first[starts[lengths > 0]] = True           # first character of its line
    last = np.zeros(n, bool)
    last[ends[lengths > 0] - 1] = True          # last character of its line
    delim = np.asarray(mask).astype(bool)
    field = ~delim
    prev_field = np.zeros(n, bool)
    prev_field[1:] = field[:-1]
    prev_field &= ~first
    nxt = np.zeros(n, np.int8)
    nxt[:-1] = cls[1:]
    nxt[last] = -1                              # -1: end of the line
    prev = np.zeros(n, np.int8)
    prev[1:] = cls[:-1]
    prev[first] = 0
    hit = np.zeros(n, bool)
    # key=  followed by a blank, a list separator or the end of the line
    nxt_delim = np.zeros(n, bool)
    nxt_delim[:-1] = delim[1:]
    # (the blank or separator after the `=` must itself be a delimiter: the empty field sits
    # there, and a field starting at the same offset would make two spans start together)
    hit |= (delim & (cls == EQUALS) & prev_field
            & ((nxt == -1) | (nxt_delim & ((nxt == BLANK)
                                           | ((nxt >= SEP_COMMA) & (nxt <= SEP_PIPE))))))
    # "" or '' opening a value: both quotes delimiters, the first not glued to a field or quote
    quote = (cls == QUOTE2) | (cls == QUOTE1)
    pair = (delim & quote & (nxt == cls) & nxt_delim & ~prev_field
            & (prev != QUOTE2) & (prev != QUOTE1))
    qhit = np.zeros(n, bool)
    qhit[1:] = pair[:-1]                       # the empty field sits at the closing quote
    # the same list separator twice with only delimiter blanks between
    sep = delim & (cls >= SEP_COMMA) & (cls <= SEP_PIPE)
    cand = np.flatnonzero(sep)
    if cand.size:
        # the last non-blank character before each separator (int32 keeps long lines small)
        nonblank = np.flatnonzero(~(delim & (cls == BLANK))).astype(np.int32)
        k = np.searchsorted(nonblank, cand) - 1
        b = np.where(k >= 0, nonblank[np.maximum(k, 0)], -1).astype(np.int64)
        del nonblank
        keep = b >= starts[line_of(cand)]
        cand, b = cand[keep], b[keep]
    if cand.size:
        same = (cls[b] == cls[cand]) & delim[b]
        # nothing but delimiters between them: every character in (b, cand) is a blank delimiter
        # by construction of b, and both ends are delimiters
        adj = cand == b + 1
        left_blank = np.zeros(cand.size, bool)
        right_blank = np.zeros(cand.size, bool)
        lc = line_of(cand)
        has_left = (b - 1 >= starts[lc])
        li = np.where(has_left, b - 1, 0)
        left_blank = has_left & (cls[li] == BLANK) & delim[li]
        has_right = cand + 1 < ends[lc]
        ri = np.where(has_right, cand + 1, 0)
        right_blank = has_right & (cls[ri] == BLANK) & delim[ri]
        standalone = adj & left_blank & right_blank   # `a || b`: an operator, not a cell
        hit[cand[same & ~standalone]] = True
    at = np.concatenate((np.flatnonzero(hit), np.flatnonzero(qhit)))
    at.sort()
    # a key= gives its empty field right after the `=`; a separator or closing quote at itself
    line = line_of(at)
    return line, at - starts[line] + (cls[at] == EQUALS)


def empty_positions(text: str, mask) -> list[int]:
    """Offsets of the empty fields implied by the delimiter runs of one line (see the module).

    >>> empty_positions("a,,c", [0, 1, 1, 0])
    [2]
    >>> empty_positions("a || b", [0, 1, 1, 1, 1, 0])
    []
    >>> empty_positions("ruser=", [0, 0, 0, 0, 0, 1])
    [6]
    """
    _, off = empty_fields(classes(text), np.asarray(mask, np.uint8), np.array([len(text)]))
    return off.tolist()


def spans_of(text: str, mask) -> list[tuple[int, int]]:
    """All fields of a line, in order: the runs of field characters of ``mask`` and the empty
    fields its delimiters imply.

    >>> spans_of("x||y", [0, 1, 1, 0])
    [(0, 1), (2, 2), (3, 4)]
    """
    m = np.asarray(mask, dtype=np.int8)
    if m.size == 0:
        return []
    edges = np.diff(np.concatenate(([1], m, [1])))
    runs = list(zip(np.flatnonzero(edges == -1).tolist(), np.flatnonzero(edges == 1).tolist()))
    empties = empty_positions(text, m)
    if not empties:
        return runs
    return merge(runs, empties)


def merge(runs, empties) -> list[tuple[int, int]]:
    """Non-empty spans and empty-field offsets merged in order (an empty field never sits inside
    a run, so the order is by start)."""
    out = []
    k = 0
    for p in empties:
        while k < len(runs) and runs[k][0] < p:
            out.append(runs[k])
            k += 1
        out.append((p, p))
    out.extend(runs[k:])
    return out
