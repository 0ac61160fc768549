"""Read input sources on a background thread and hand over whole lists of decoded lines.

Each source (a path, or ``-`` for standard input) is read with ``os.read`` in chunks, which
returns whatever is available: a pipe that stays open delivers its lines at once, and inference
never waits for input it does not need.  Lines are split on ``\\n``, one trailing ``\\r`` is
removed, and invalid UTF-8 becomes U+FFFD; nothing else is changed.  The thread puts one item per
chunk on a bounded queue (a list of complete lines, never one item per line), so the per-line
cost of the hand-over is nil and memory stays bounded when the consumer is slower.

>>> r = Reader([])
>>> r.get(1.0)
('end',)
"""
from __future__ import annotations

import os
import queue
import threading

#: Bytes asked of each ``os.read``.
CHUNK = 1 << 17
#: Chunks that may wait on the queue before the reader pauses.
QUEUE_CHUNKS = 64

LINES, ERROR, END, FATAL = "lines", "error", "end", "fatal"


def split_lines(data: bytes) -> list[str]:
    """Decode complete lines (``data`` ends with ``\\n``) and split them; one ``\\r`` is stripped.

    >>> split_lines(b"a\\r\\nb\\xff\\n\\n")
    ['a', 'b\\ufffd', '']
    """
    text = data.decode("utf-8", "replace")
    lines = text.split("\n")
    lines.pop()  # after the final "\n"
    if "\r" in text:
        lines = [s[:-1] if s[-1:] == "\r" else s for s in lines]
    return lines


class Reader:
    """Reads ``sources`` in order on a daemon thread; :meth:`get` returns what it found.

    Items: ``("lines", source, first_line, [str, ...])``, ``("error", source, reason)`` when a
    source cannot be read (the others are still read), ``("end",)`` after the last source, and
    ``("fatal", exception)`` if the thread itself fails.
    """

    def __init__(self, sources: list[str], *, chunk: int = CHUNK, stdin_fd: int = 0,
                 queue_chunks: int = QUEUE_CHUNKS):
        self.sources = list(sources)
        self.chunk = chunk
        self.stdin_fd = stdin_fd
        self._queue: queue.Queue = queue.Queue(maxsize=queue_chunks)
        self._thread = threading.Thread(target=self._run, name="logsplit-reader", daemon=True)
        self._thread.start()

    def get(self, timeout: float | None = None):
        """The next item; None if nothing arrived within ``timeout`` seconds (None: wait)."""
        try:
            if timeout is None:
                return self._queue.get()
            if timeout <= 0:
                return self._queue.get_nowait()
            return self._queue.get(timeout=timeout)
        except queue.Empty:
            return None

    def __iter__(self):
        """Every item up to and including the end item (blocking; for non-live uses)."""
        while True:
            item = self.get()
            yield item
            if item[0] in (END, FATAL):
                return

    # ------------------------------------------------------------------ thread
    def _run(self) -> None:
        put = self._queue.put
        try:
            for index, source in enumerate(self.sources):
                try:
                    self._read_one(index, source, put)
                except OSError as e:
                    put((ERROR, index, e.strerror or str(e)))
            put((END,))
        except BaseException as e:  # pragma: no cover - reported by the consumer
            put((FATAL, e))

    def _read_one(self, index: int, source: str, put) -> None:
        own = source != "-"
        fd = os.open(source, os.O_RDONLY) if own else self.stdin_fd
        try:
            line_no = 1
            parts: list[bytes] = []  # an incomplete line, possibly over many chunks
            read, size = os.read, self.chunk
            while True:
                data = read(fd, size)
                if not data:
                    break
                nl = data.rfind(b"\n")
                if nl < 0:
                    parts.append(data)
                    continue
                if parts:
                    parts.append(data[:nl + 1])
                    whole = b"".join(parts)
                    parts = []
                else:
                    whole = data if nl == len(data) - 1 else data[:nl + 1]
                if nl + 1 < len(data):
                    parts.append(data[nl + 1:])
                lines = split_lines(whole)
                put((LINES, index, line_no, lines))
                line_no += len(lines)
            if parts:  # a last line without "\n"
                lines = split_lines(b"".join(parts) + b"\n")
                put((LINES, index, line_no, lines))
        finally:
            if own:
                os.close(fd)
