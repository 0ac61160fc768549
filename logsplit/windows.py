"""Overlapping windows for lines longer than the model window: no truncation, no lost labels.

A line of ``length`` characters is cut into windows of at most ``window`` characters.  Each window
contributes the labels of its *core* only; the cores tile the line exactly once, and every core
character has at least ``context`` characters of its window on both sides, except where the line
itself begins or ends.  Windows are planned as small index arrays, so even a 1 MB line costs a few
kilobytes of plan; the caller runs the windows through the model a batch at a time.

>>> plan(10, window=6, context=1)
Windows(win_start=[0, 4], win_end=[6, 10], core_start=[0, 5], core_end=[5, 10])
"""
from __future__ import annotations

import numpy as np

from .errors import UsageError


class Windows:
    """Four int64 arrays, one entry per window: window and core bounds, in line coordinates."""

    __slots__ = ("win_start", "win_end", "core_start", "core_end")

    def __init__(self, win_start, win_end, core_start, core_end):
        self.win_start, self.win_end = win_start, win_end
        self.core_start, self.core_end = core_start, core_end

    def __len__(self) -> int:
        return len(self.win_start)

    def __repr__(self) -> str:
        return (f"Windows(win_start={self.win_start.tolist()}, win_end={self.win_end.tolist()}, "
                f"core_start={self.core_start.tolist()}, core_end={self.core_end.tolist()})")


def check(window: int, context: int) -> None:
    """Raise UsageError unless a window leaves room for a core between its two contexts."""
    if context < 0 or window <= 2 * context:
        raise UsageError(f"window ({window}) must be longer than twice the context ({context})")


def plan(length: int, window: int, context: int) -> Windows:
    """Windows covering a line of ``length`` characters (one window when it fits).

    The first core is ``[0, window - context)``, middle cores are ``window - 2*context`` long,
    the last core runs to the end of the line; windows extend each core by ``context`` on both
    sides, clipped to the line.

    >>> w = plan(1000, window=512, context=64)
    >>> w.core_start.tolist(), w.core_end.tolist()
    ([0, 448, 832], [448, 832, 1000])
    """
    check(window, context)
    if length <= window:
        z = np.zeros(1, np.int64)
        n = np.full(1, length, np.int64)
        return Windows(z, n, z.copy(), n.copy())
    first = window - context          # the first core: no context needed on its left
    step = window - 2 * context       # a middle core
    rest = length - first
    middle = -(-(rest - first) // step) if rest > first else 0  # the last core is <= first long
    starts = np.concatenate(([0], first + step * np.arange(middle + 1, dtype=np.int64)))
    ends = np.append(starts[1:], length)
    return Windows(np.maximum(starts - context, 0), np.minimum(ends + context, length),
                   starts, ends)
