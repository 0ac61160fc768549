"""Group incoming lines into batches: full batches at once, partial ones after a latency budget.

A batch leaves the :class:`Batcher` as soon as it holds ``size`` lines, or once its oldest line
has waited ``max_latency`` seconds: bulk input runs in full batches while ``tail -f`` output shows
each line within a fraction of a second.  Lines arrive as whole lists (one per read chunk), never
one call per line, and the clock is injected so the policy is testable without sleeping.

>>> t = [0.0]
>>> b = Batcher(size=3, max_latency=0.5, clock=lambda: t[0])
>>> [x.lines for x in b.add(["a", "b", "c", "d"])]
[['a', 'b', 'c']]
>>> b.due(), b.wait_time()
(False, 0.5)
>>> t[0] = 0.5
>>> b.due(), b.take().lines
(True, ['d'])
"""
from __future__ import annotations

import time

from . import defaults


class Batch:
    """Lines to process together, and where they came from.

    ``pieces`` lists ``(source, first_line, count)`` runs in order: the lines of one source with
    consecutive 1-based line numbers (a batch may span the end of one file and the next).
    """

    __slots__ = ("lines", "pieces")

    def __init__(self, lines: list[str], pieces: list[tuple[int, int, int]]):
        self.lines = lines
        self.pieces = pieces

    def __len__(self) -> int:
        return len(self.lines)

    def numbering(self):
        """``(source, line_number)`` of each line, in order (for tests and slow paths)."""
        for source, first, count in self.pieces:
            for k in range(count):
                yield source, first + k

    def __repr__(self) -> str:
        return f"Batch({len(self.lines)} lines, pieces={self.pieces})"


class Batcher:
    """Cuts a stream of line lists into batches by size and by the age of the oldest line."""

    def __init__(self, size: int = defaults.BATCH_SIZE,
                 max_latency: float = defaults.MAX_LATENCY, clock=time.monotonic):
        if size < 1:
            raise ValueError("batch size must be at least 1")
        if max_latency < 0:
            raise ValueError("max latency must not be negative")
        self.size = size
        self.max_latency = max_latency
        self.clock = clock
        self._pending: list[list] = []  # [source, first_line, lines, arrival time]
        self._count = 0

    def __len__(self) -> int:
        """Lines waiting for their batch."""
        return self._count

    def add(self, lines: list[str], source: int = 0, first_line: int = 1) -> list[Batch]:
        """Queue ``lines`` (consecutive lines of ``source`` starting at ``first_line``).

        Returns the batches that are full now (often none, sometimes several).
        """
        if not lines:
            return []
        self._pending.append([source, first_line, lines, self.clock()])
        self._count += len(lines)
        out = []
        while self._count >= self.size:
            out.append(self._cut(self.size))
        return out

    def wait_time(self) -> float | None:
        """Seconds until the pending lines are due (0 when overdue), None when nothing waits."""
        if not self._pending:
            return None
        return max(0.0, self._pending[0][3] + self.max_latency - self.clock())

    def due(self) -> bool:
        """Whether the oldest pending line has waited ``max_latency`` or longer."""
        return bool(self._pending) and self.clock() - self._pending[0][3] >= self.max_latency

    def take(self) -> Batch | None:
        """All pending lines as one batch (None when there are none): for latency and the end."""
        return self._cut(self._count) if self._count else None

    def _cut(self, n: int) -> Batch:
        lines: list[str] = []
        pieces = []
        pending = self._pending
        while n:
            piece = pending[0]
            source, first, chunk = piece[0], piece[1], piece[2]
            if len(chunk) <= n:
                pending.pop(0)
                taken = chunk
            else:
                taken = chunk[:n]
                piece[1] = first + n
                piece[2] = chunk[n:]
            if lines:
                lines.extend(taken)
            else:
                lines = taken if taken is not chunk else list(chunk)
            pieces.append((source, first, len(taken)))
            n -= len(taken)
        self._count -= len(lines)
        return Batch(lines, pieces)


def batches(reader, batcher: Batcher, on_error=None):
    """Batches of a :class:`~logsplit.reader.Reader`'s lines, each as soon as it is due.

    Blocks on the reader only as long as the oldest pending line may still wait; a partial
    batch leaves when its latency budget is spent and no more input is immediately available.
    ``on_error(source, reason)`` is called for each input that could not be read.
    """
    from .reader import END, ERROR, FATAL, LINES

    get = reader.get
    while True:
        item = get(batcher.wait_time())
        if item is None:  # nothing more arrived while the oldest pending line waited
            yield batcher.take()
            continue
        kind = item[0]
        if kind == LINES:
            yield from batcher.add(item[3], item[1], item[2])
        elif kind == ERROR:
            if on_error is not None:
                on_error(item[1], item[2])
        elif kind == END:
            last = batcher.take()
            if last is not None:
                yield last
            return
        elif kind == FATAL:
            raise item[1]
