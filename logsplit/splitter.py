"""The core: lines in, fields out.  Encode, look up the cache, run the model, extract spans.

Per batch, everything is vectorised with numpy: one lookup encodes all lines, the model runs on
length-sorted rows with exact lengths, and field boundaries come from array differences; Python
only touches each line a handful of times (cache key, cache lookup, result).  Lines with the same
normalised ids (they differ at most in digits) are the same model input, so their layout is
cached (LRU); on typical logs most lines hit.  Lines longer than the window are labeled in
overlapping windows (:mod:`logsplit.windows`).  Nothing here reads stdin or prints.

>>> s = Splitter()                                                   # doctest: +SKIP
>>> r = s.split(["sshd[24200]: Invalid user admin"])[0]              # doctest: +SKIP
>>> r.fields                                                         # doctest: +SKIP
['sshd', '24200', 'Invalid', 'user', 'admin']
"""
from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from operator import itemgetter

import numpy as np

from . import defaults
from .errors import UsageError
from .fieldspans import CLASS_OF, empty_fields, force_controls, merge
from .model import Model
from .vocab import CONTROL, spans_to_mask
from .windows import check as check_window, plan as plan_windows


#: A model call ends when the next (sorted) row is shorter than this share of its longest row...
SHRINK = 0.75
#: ...and it already holds this many rows (tiny calls cost more per row than some padding).
MIN_ROWS = 4


_JSON_FORMATS: dict[int, str] = {}


def _spans_format(count: int) -> str:
    """A %-format writing ``count`` spans as JSON, e.g. ``[[%d, %d], [%d, %d]]`` (memoised)."""
    fmt = _JSON_FORMATS.get(count)
    if fmt is None:
        fmt = _JSON_FORMATS[count] = "[" + ", ".join(["[%d, %d]"] * count) + "]"
    return fmt


class Layout:
    """Where the fields of a line are, as a flat tuple ``(start0, end0, start1, end1, ...)``.

    One Layout is shared by every line with the same normalised ids (cache hits), so it is
    immutable and whatever is derived from it is computed once: ``spans`` (pairs), ``spans_json``
    (the JSON text) and the field getter behind :meth:`fields`.

    >>> lay = Layout((0, 1, 2, 3))
    >>> lay.spans, lay.spans_json, lay.fields("a=1"), lay.fields("b=2")
    (((0, 1), (2, 3)), '[[0, 1], [2, 3]]', ['a', '1'], ('b', '2'))
    """

    __slots__ = ("flat", "_spans", "_json", "_getter", "_pairs")

    def __init__(self, flat: tuple[int, ...]):
        self.flat = flat
        self._spans = self._json = self._getter = self._pairs = None

    def pairs(self, text: str) -> tuple[tuple[int, int], ...]:
        """Key/value pairs ``((key index, value index), ...)`` of ``text``, a line with this
        layout (:mod:`logsplit.pairs`).  Computed once: the rules see only what every line of
        one cached layout shares (delimiters, character classes).

        >>> Layout((0, 1, 2, 3)).pairs("a=1")
        ((0, 1),)
        """
        if self._pairs is None:
            from .pairs import find_pairs

            self._pairs = tuple(find_pairs(text, self.spans))
        return self._pairs

    def __len__(self) -> int:
        """The number of fields."""
        return len(self.flat) >> 1

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """``((start, end), ...)``: code-point offsets of each field."""
        if self._spans is None:
            f = self.flat
            self._spans = tuple(zip(f[0::2], f[1::2]))
        return self._spans

    @property
    def spans_json(self) -> str:
        """``spans`` as JSON text, e.g. ``[[0, 4], [5, 10]]``."""
        if self._json is None:
            self._json = _spans_format(len(self.flat) >> 1) % self.flat
        return self._json

    def fields(self, text: str) -> tuple[str, ...] | list[str]:
        """The fields of ``text`` (a line with this layout).

        A layout used again (a cache hit) gets a C-level getter, one call per line; building
        that getter costs more than slicing once, so a first use just slices.
        """
        get = self._getter
        if get:
            return get(text)
        f = self.flat
        if get is None:  # first use: most layouts of never-repeating lines are used once
            self._getter = False
            return [text[s:e] for s, e in zip(f[0::2], f[1::2])]
        if len(f) == 2:
            s, e = f
            get = self._getter = lambda t: (t[s:e],)
        elif not f:
            get = self._getter = lambda t: ()
        else:
            get = self._getter = itemgetter(*map(slice, f[0::2], f[1::2]))
        return get(text)

    def __eq__(self, other) -> bool:
        return isinstance(other, Layout) and self.flat == other.flat

    def __hash__(self) -> int:
        return hash(self.flat)

    def __repr__(self) -> str:
        return f"Layout({self.flat!r})"


EMPTY = Layout(())


class Result:
    """One line split into fields.

    ``text`` is the line; ``spans`` its fields' ``(start, end)`` code-point offsets; ``fields``
    the field strings, ``fields[i] == text[start:end]``.

    >>> r = Result("a=1", Layout((0, 1, 2, 3)))
    >>> r.fields, r.spans
    (['a', '1'], ((0, 1), (2, 3)))
    """

    __slots__ = ("text", "layout")

    def __init__(self, text: str, layout: Layout):
        self.text = text
        self.layout = layout

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        return self.layout.spans

    @property
    def fields(self) -> list[str]:
        return list(self.layout.fields(self.text))

    @property
    def pairs(self) -> list[tuple[int, int]]:
        """Key/value pairs as ``(key index, value index)`` into ``fields`` (logsplit.pairs)."""
        return list(self.layout.pairs(self.text))

    def delimiter_mask(self) -> np.ndarray:
        """1 for each delimiter character, 0 for field characters (uint8, one per code point)."""
        return spans_to_mask(len(self.text), self.layout.spans)

    def __eq__(self, other) -> bool:
        return (isinstance(other, Result) and self.text == other.text
                and self.layout.flat == other.layout.flat)

    def __repr__(self) -> str:
        return f"Result(text={self.text!r}, spans={list(self.spans)!r})"


def bounds(mask: np.ndarray, lengths: np.ndarray):
    """Field starts and ends of concatenated lines' delimiter masks, vectorised.

    ``mask`` holds every line's mask back to back (1/True = delimiter); returns
    ``(starts, ends, counts)``: line-relative offsets of every field in order and the number of
    fields of each line.

    >>> s, e, c = bounds(np.array([1, 0, 0, 1, 0, 0, 0], np.uint8), np.array([5, 0, 2]))
    >>> s.tolist(), e.tolist(), c.tolist()
    ([1, 4, 0], [3, 5, 2], [2, 0, 1])
    """
    n = len(lengths)
    if mask.size == 0:
        z = np.zeros(0, np.int64)
        return z, z, np.zeros(n, np.int64)
    ends_of_line = np.cumsum(lengths)
    starts_of_line = ends_of_line - lengths
    nonempty = lengths > 0
    field = ~mask.astype(bool)
    before = np.empty(mask.size, bool)   # the character before is a delimiter or a line start
    before[0] = True
    np.logical_not(field[:-1], out=before[1:])
    before[starts_of_line[nonempty]] = True
    after = np.empty(mask.size, bool)    # the character after is a delimiter or a line end
    after[-1] = True
    np.logical_not(field[1:], out=after[:-1])
    after[ends_of_line[nonempty] - 1] = True
    first = np.flatnonzero(field & before)
    last = np.flatnonzero(field & after)
    line = np.searchsorted(ends_of_line, first, side="right")
    offset = starts_of_line[line]
    counts = np.bincount(line, minlength=n)
    return first - offset, last + 1 - offset, counts


def plan_calls(length: np.ndarray, batch_size: int,
               max_chars: int | None = None) -> list[np.ndarray]:
    """Row indices of each model call: rows sorted longest first, cut into calls.

    Each call pads only to its own longest row (the model gets exact lengths).  A call holds at
    most ``batch_size`` rows and at most ``max_chars`` padded characters (default
    ``defaults.MAX_CALL_CHARS``: this bounds onnxruntime's buffers), and ends early when the
    next row is shorter than :data:`SHRINK` of its longest (once it has :data:`MIN_ROWS` rows):
    padding costs as much model time as real characters, while an extra call costs little.

    >>> [c.tolist() for c in plan_calls(np.array([10, 100, 90, 30, 95, 80, 12, 11]), 256)]
    [[1, 4, 2, 5], [3, 6, 7, 0]]
    >>> [len(c) for c in plan_calls(np.full(10, 512), 256, max_chars=2048)]
    [4, 4, 2]
    """
    order = np.argsort(-length, kind="stable")
    n = len(order)
    if max_chars is None:
        max_chars = defaults.MAX_CALL_CHARS
    sorted_len = length[order].tolist()
    if n <= MIN_ROWS and n <= batch_size and n * sorted_len[0] <= max_chars:
        return [order]
    calls = []
    start = 0
    limit = sorted_len[0] * SHRINK
    rows = max(1, min(batch_size, max_chars // max(sorted_len[0], 1)))
    for j in range(1, n):
        if j - start >= rows or (sorted_len[j] < limit and j - start >= MIN_ROWS):
            calls.append(order[start:j])
            start = j
            limit = sorted_len[j] * SHRINK
            rows = max(1, min(batch_size, max_chars // max(sorted_len[j], 1)))
    calls.append(order[start:])
    return calls


class Splitter:
    """Splits log lines into fields with a logsplit ONNX model.

    ``model_path``: an ONNX file honouring the model contract (default: the shipped model);
    ``batch_size``: lines :meth:`split` processes together; ``cache_size``: layouts remembered
    (0 disables the cache); ``window``/``context``: long-line windowing (default: the larger of
    ``defaults.WINDOW`` and the model's training length, and ``defaults.WINDOW_CONTEXT``);
    ``jobs``: model calls run in parallel, one onnxruntime session of ``threads`` threads per
    job (default :func:`defaults.default_jobs`: the cores this process may use, capped);
    ``call_rows``: rows per model call.  The cache and everything but ``session.run`` stay in
    the calling thread, so results do not depend on ``jobs`` (each row's labels are the same
    whatever call it is in).
    Raises :class:`~logsplit.errors.ModelError` for an unusable model.

    >>> from logsplit import Splitter                                    # doctest: +SKIP
    >>> sp = Splitter()                                                  # doctest: +SKIP
    >>> [r.fields for r in sp.split(["level=warn msg=\\"disk full\\"", ""])]  # doctest: +SKIP
    [['level', 'warn', 'msg', 'disk full'], []]
    """

    def __init__(self, model_path: str | os.PathLike | None = None, *, model: Model | None = None,
                 batch_size: int = defaults.BATCH_SIZE, cache_size: int = defaults.CACHE_SIZE,
                 window: int | None = None, context: int = defaults.WINDOW_CONTEXT,
                 threads: int = defaults.INTRA_OP_THREADS, jobs: int | None = None,
                 call_rows: int = defaults.CALL_ROWS):
        if batch_size < 1:
            raise UsageError("batch size must be at least 1")
        if jobs is None:
            jobs = defaults.default_jobs()
        if jobs < 1:
            raise UsageError("jobs must be at least 1")
        if call_rows < 1:
            raise UsageError("rows per model call must be at least 1")
        if cache_size < 0:
            raise UsageError("cache size must not be negative")
        self.model = model if model is not None else Model(model_path, threads=threads)
        self.vocab = self.model.vocab
        if window is None:
            window = max(defaults.WINDOW, self.model.max_len or 0)
        check_window(window, context)
        self.window = window
        self.context = context
        self.batch_size = batch_size
        self.cache_size = cache_size
        self.jobs = jobs
        self.call_rows = call_rows
        self._pool = None  # the worker threads and their sessions, made on first use (jobs > 1)
        self._threads = threads
        self._cache: OrderedDict[bytes, Layout] = OrderedDict()
        # collapsed model inputs -> model labels (only for models that collapse digit runs)
        self._mcache: OrderedDict[bytes, bytes] = OrderedDict()
        # per vocabulary id: the empty-field derivation's character class, and whether the
        # character is a control character (always a delimiter, rule 6)
        size = self.vocab.size
        self._classes = np.zeros(size, np.int8)
        for c, k in CLASS_OF.items():
            self._classes[self.vocab.id_of(c)] = k
        self._control = np.zeros(size, bool)
        self._control[CONTROL] = True
        for c in "\t\x1b":
            self._control[self.vocab.id_of(c)] = True
        self._esc = self.vocab.id_of("\x1b")
        self.hits = 0
        self.misses = 0
        self.model_rows = 0

    # ------------------------------------------------------------------ public API
    def split(self, lines: Iterable[str]) -> list[Result]:
        """Split every line; one :class:`Result` per line, in order.

        >>> [r.spans for r in splitter.split(["a b"])]                   # doctest: +SKIP
        [((0, 1), (2, 3))]
        """
        if isinstance(lines, (str, bytes)):
            raise TypeError("split() takes an iterable of lines, not a single "
                            f"{type(lines).__name__}: use split([line])")
        lines = list(lines)
        out: list[Result] = []
        size = self.batch_size
        for i in range(0, len(lines), size):
            chunk = lines[i:i + size]
            out.extend(map(Result, chunk, self.layouts(chunk)))
        return out

    def stream(self, batches: Iterable[Sequence[str]]) -> Iterator[list[Result]]:
        """For each batch of lines as it arrives, its results (one list per batch, in order).

        This is what the CLI uses: batches come from :class:`~logsplit.batching.Batcher`, and
        each is processed as soon as it is handed over, so live input is labeled live.

        >>> for results in splitter.stream([["a b"], ["c"]]):           # doctest: +SKIP
        ...     print([r.fields for r in results])
        [['a', 'b']]
        [['c']]
        """
        for batch in batches:
            batch = batch if isinstance(batch, list) else list(batch)
            yield list(map(Result, batch, self.layouts(batch)))

    def layouts(self, lines: list[str]) -> list[Layout]:
        """The :class:`Layout` of each line (the Result-free form of :meth:`split`)."""
        if not lines:
            return []
        try:
            ids, lengths = self.vocab.encode_joined(lines)
        except TypeError:
            bad = next(t for t in lines if not isinstance(t, str))
            raise TypeError(f"lines must be str, not {type(bad).__name__}") from None
        ends = np.cumsum(lengths)
        starts = ends - lengths
        st, en = starts.tolist(), ends.tolist()
        buf = ids.tobytes()
        window = self.window
        cache = self._cache
        get, touch = cache.get, cache.move_to_end
        out: list = [None] * len(lines)
        todo: dict = {}  # key -> indices of the lines needing it (model once per distinct key)
        for i, a, b in zip(range(len(lines)), st, en):
            if b - a > window:
                todo[i] = [i]  # long lines are never cached (their key could be megabytes)
                continue
            key = buf[a:b]
            lay = get(key)
            if lay is not None:
                touch(key)
                out[i] = lay
            else:
                wait = todo.get(key)
                if wait is None:
                    todo[key] = [i]
                else:
                    wait.append(i)
        n_miss = len(todo)
        self.hits += len(lines) - n_miss
        if n_miss:
            self.misses += n_miss
            self._label_missing(lines, ids, starts, lengths, todo, out)
        return out

    def cache_info(self) -> dict:
        """Counters: lines served without the model (``hits``: from the cache or a twin in the
        same batch), distinct lines labeled by the model (``misses``), model rows run."""
        return {"hits": self.hits, "misses": self.misses, "size": len(self._cache),
                "max_size": self.cache_size, "model_rows": self.model_rows}

    # ------------------------------------------------------------------ model side
    def _label_missing(self, lines, ids, starts, lengths, todo: dict, out: list) -> None:
        """Label one representative line per missing key, then fill ``out`` and the cache.

        After the model: control characters and whole escape sequences become delimiters
        (rule 6), and the empty fields the delimiter runs imply are added (rule 8); both depend
        only on the ids, so they are cached with the layout.
        """
        reps = np.fromiter((v[0] for v in todo.values()), np.int64, len(todo))
        rep_len = lengths[reps]
        rep_src = starts[reps]
        dest = np.cumsum(rep_len) - rep_len  # where each line's mask starts in the compact mask
        total = int(rep_len.sum())
        mask = np.zeros(total, np.uint8)
        if mask.size:
            rep_ids = ids[np.repeat(rep_src - dest, rep_len) + np.arange(total)]
            if self.vocab.collapse_digits:
                self._label_collapsed(rep_ids, rep_len, mask)
            else:
                real = rep_len > 0  # empty lines have no characters to label
                self._run_rows(ids, *self._rows(rep_src[real], rep_len[real], dest[real]), mask)
            mask[self._control[rep_ids]] = 1
            esc_at = np.flatnonzero(rep_ids == self._esc)
            if esc_at.size:  # whole ANSI sequences, not just their ESC
                for k in np.unique(np.searchsorted(dest, esc_at, side="right") - 1).tolist():
                    d, n = int(dest[k]), int(rep_len[k])
                    force_controls(lines[int(reps[k])], mask[d:d + n])
            e_line, e_off = empty_fields(self._classes[rep_ids], mask, rep_len)
        else:
            e_line = e_off = np.zeros(0, np.int64)
        f_start, f_end, counts = bounds(mask, rep_len)
        flat = np.empty(2 * f_start.size, np.int64)
        flat[0::2] = f_start
        flat[1::2] = f_end
        fl = flat.tolist()
        empties: dict[int, list[int]] = {}
        for k, p in zip(e_line.tolist(), e_off.tolist()):
            empties.setdefault(k, []).append(p)
        cache = self._cache
        keep = self.cache_size > 0
        window = self.window
        pos = 0
        for k, ((key, idx), c, n) in enumerate(zip(todo.items(), counts.tolist(),
                                                   rep_len.tolist())):
            end = pos + 2 * c
            if k in empties:
                runs = list(zip(fl[pos:end:2], fl[pos + 1:end:2]))
                lay = Layout(tuple(x for sp in merge(runs, empties[k]) for x in sp))
            elif c:
                lay = Layout(tuple(fl[pos:end]))
            else:
                lay = EMPTY
            pos = end
            if len(idx) == 1:
                out[idx[0]] = lay
            else:
                for i in idx:
                    out[i] = lay
            if keep and n <= window:
                cache[key] = lay
        if keep:  # least recently used first: drop the oldest beyond the size
            pop = cache.popitem
            for _ in range(len(cache) - self.cache_size):
                pop(last=False)

    def _label_collapsed(self, rep_ids, rep_len, mask) -> None:
        """Model labels for lines whose digit runs the model reads as one position each.

        Lines that differ only in the lengths of their digit runs are one model input: they are
        deduplicated here (and remembered in a second LRU cache of model masks), the model runs
        once per distinct collapsed input, and each line's labels are mapped back exactly.
        """
        m_ids, m_len, index = self.vocab.model_input(rep_ids, rep_len)
        m_end = np.cumsum(m_len)
        m_start = m_end - m_len
        buf = m_ids.tobytes()
        cache = self._mcache
        m_mask = np.zeros(m_ids.size, np.uint8)
        todo: dict = {}
        for k, a, b in zip(range(len(m_len)), m_start.tolist(), m_end.tolist()):
            if b == a:
                continue
            key = buf[a:b] if b - a <= self.window else k
            hit = cache.get(key) if b - a <= self.window else None
            if hit is not None:
                cache.move_to_end(key)
                m_mask[a:b] = np.frombuffer(hit, np.uint8)
            else:
                todo.setdefault(key, []).append(k)
        if todo:
            reps = np.fromiter((v[0] for v in todo.values()), np.int64, len(todo))
            r_len = m_len[reps]
            dest = np.cumsum(r_len) - r_len
            out = np.zeros(int(r_len.sum()), np.uint8)
            self._run_rows(m_ids, *self._rows(m_start[reps], r_len, dest), out)
            keep = self.cache_size > 0
            for (key, idx), d, n in zip(todo.items(), dest.tolist(), r_len.tolist()):
                lab = out[d:d + n]
                for k in idx:
                    a = int(m_start[k])
                    m_mask[a:a + n] = lab
                if keep and not isinstance(key, int):
                    cache[key] = lab.tobytes()
            if keep:
                for _ in range(len(cache) - self.cache_size):
                    cache.popitem(last=False)
        mask[:] = m_mask[index]

    def _rows(self, src, length, dest):
        """Model rows for lines starting at ``src`` in the id array: one per line, or windows.

        Returns arrays (row source start, row length, core start, core end, destination of the
        core's first label in the compact mask); cores are relative to the row.
        """
        long = length > self.window
        if not long.any():
            return src, length, np.zeros_like(length), length, dest
        parts = [(src[~long], length[~long], np.zeros(int((~long).sum()), np.int64),
                  length[~long], dest[~long])]
        for s, n, d in zip(src[long].tolist(), length[long].tolist(), dest[long].tolist()):
            w = plan_windows(n, self.window, self.context)
            parts.append((s + w.win_start, w.win_end - w.win_start, w.core_start - w.win_start,
                          w.core_end - w.win_start, d + w.core_start))
        return tuple(np.concatenate(col) for col in zip(*parts))

    def plan(self, length: np.ndarray) -> list[np.ndarray]:
        """Row indices of each model call for rows of these lengths (see :func:`plan_calls`).

        With several jobs, calls are made small enough that every job gets one (down to
        :data:`MIN_ROWS` rows): a batch of few distinct lines still runs on every core.
        """
        rows = self.call_rows
        if self.jobs > 1:
            rows = min(rows, max(MIN_ROWS, -(-len(length) // self.jobs)))
        return plan_calls(length, rows)

    def _workers(self):
        """The thread pool and a queue of its sessions (one per job), made once."""
        if self._pool is None:
            import queue
            from concurrent.futures import ThreadPoolExecutor

            sessions: queue.SimpleQueue = queue.SimpleQueue()
            sessions.put(None)  # None: the model's own session
            for _ in range(self.jobs - 1):
                sessions.put(self.model.new_session(self._threads))
            pool = ThreadPoolExecutor(self.jobs, thread_name_prefix="logsplit-model")
            self._pool = (pool, sessions)
        return self._pool

    def close(self) -> None:
        """Stop the worker threads (a Splitter with ``jobs > 1`` makes them on first use)."""
        if self._pool is not None:
            self._pool[0].shutdown(wait=True)
            self._pool = None

    def _calls(self, feeds):
        """Delimiter masks of ``(chars, lengths)`` feeds, in order; run ``jobs`` at a time.

        At most ``2 * jobs`` calls are in flight, so memory stays bounded on a huge line.
        """
        delimiters = self.model.delimiters
        if self.jobs == 1:
            for chars, lengths in feeds:
                yield delimiters(chars, lengths)
            return
        pool, sessions = self._workers()

        def run(chars, lengths):
            session = sessions.get()
            try:
                return delimiters(chars, lengths, session)
            finally:
                sessions.put(session)

        from collections import deque

        pending: deque = deque()
        ahead = 2 * self.jobs
        try:
            for chars, lengths in feeds:
                pending.append(pool.submit(run, chars, lengths))
                if len(pending) >= ahead:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for f in pending:  # an error or an abandoned generator: let the rest finish
                f.cancel()

    def _run_rows(self, ids, r_src, r_len, r_lo, r_hi, r_dest, mask) -> None:
        """Run the model over all rows, call by call, writing core labels into ``mask``.

        The gathers and scatters are computed once for all rows (in call order), so each call
        costs only a few numpy operations besides the model.
        """
        calls = self.plan(r_len)
        order = np.concatenate(calls)
        n, lo, hi = r_len[order], r_lo[order], r_hi[order]
        windowed = bool((lo != 0).any() or (hi != n).any())
        starts = np.cumsum(n) - n
        chars_flat = ids[np.repeat(r_src[order] - starts, n) + np.arange(int(n.sum()))]
        kept = hi - lo
        kept_starts = np.cumsum(kept) - kept
        dest_flat = (np.repeat(r_dest[order] - kept_starts, kept)
                     + np.arange(int(kept.sum())))
        feeds = []  # (first row, rows, char offset, chars, kept offset, kept) of each call
        row = char = done = 0
        for sel in calls:
            b = len(sel)
            nn = n[row:row + b]
            count = int(nn.sum())
            count_kept = int(kept[row:row + b].sum()) if windowed else count
            feeds.append((row, b, char, count, done, count_kept))
            row += b
            char += count
            done += count_kept

        def matrices():
            for row, b, char, count, _, _ in feeds:
                nn = n[row:row + b]
                width = int(nn[0])
                chars = np.zeros((b, width), np.int32)
                chars[np.arange(width) < nn[:, None]] = chars_flat[char:char + count]
                yield chars, nn.astype(np.int32)

        for (row, b, _, _, done, count_kept), lab in zip(feeds, self._calls(matrices())):
            nn = n[row:row + b]
            col = np.arange(lab.shape[1])
            if windowed:
                keep = (col >= lo[row:row + b, None]) & (col < hi[row:row + b, None])
            else:
                keep = col < nn[:, None]
            mask[dest_flat[done:done + count_kept]] = lab[keep]
        self.model_rows += len(order)
