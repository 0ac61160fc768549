"""Batcher: full batches at once, partial batches after the latency budget (injected clock)."""
import pytest

from logsplit.batching import Batch, Batcher


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_full_batches_leave_at_once_and_keep_order():
    b = Batcher(size=3, max_latency=1.0, clock=Clock())
    out = b.add([f"l{i}" for i in range(8)])
    assert [x.lines for x in out] == [["l0", "l1", "l2"], ["l3", "l4", "l5"]]
    assert len(b) == 2
    assert b.take().lines == ["l6", "l7"]
    assert b.take() is None and len(b) == 0


def test_small_adds_accumulate_into_one_full_batch():
    b = Batcher(size=4, max_latency=1.0, clock=Clock())
    assert b.add(["a"]) == [] and b.add(["b", "c"]) == []
    (full,) = b.add(["d", "e"])
    assert full.lines == ["a", "b", "c", "d"]
    assert full.pieces == [(0, 1, 1), (0, 1, 2), (0, 1, 1)]  # as added (first_line given per add)
    assert b.take().lines == ["e"]


def test_latency_flush_with_injected_clock():
    clock = Clock()
    b = Batcher(size=100, max_latency=0.25, clock=clock)  # binary-exact times
    assert b.wait_time() is None and not b.due()
    b.add(["first"])
    assert b.wait_time() == 0.25
    clock.now += 0.125
    b.add(["second"])  # a younger line does not restart the oldest line's clock
    assert not b.due() and b.wait_time() == 0.125
    clock.now += 0.125
    assert b.due() and b.wait_time() == 0.0
    assert b.take().lines == ["first", "second"]
    assert b.wait_time() is None


def test_oldest_remaining_line_sets_the_deadline_after_a_cut():
    clock = Clock()
    b = Batcher(size=2, max_latency=1.0, clock=clock)
    b.add(["a"])
    clock.now += 0.5
    (full,) = b.add(["b", "c"])  # "c" stays; it arrived at +0.5
    assert full.lines == ["a", "b"]
    assert b.wait_time() == pytest.approx(1.0)
    clock.now += 1.0
    assert b.due()


def test_zero_latency_is_always_due():
    b = Batcher(size=10, max_latency=0.0, clock=Clock())
    b.add(["x"])
    assert b.due() and b.wait_time() == 0.0


def test_pieces_number_lines_per_source_across_files():
    b = Batcher(size=4, max_latency=1.0, clock=Clock())
    b.add(["a1", "a2", "a3"], source=0, first_line=1)
    (full,) = b.add(["b1", "b2", "b3"], source=1, first_line=1)
    assert full.lines == ["a1", "a2", "a3", "b1"]
    assert full.pieces == [(0, 1, 3), (1, 1, 1)]
    rest = b.take()
    assert rest.pieces == [(1, 2, 2)]
    assert list(rest.numbering()) == [(1, 2), (1, 3)]


def test_no_line_lost_duplicated_or_reordered():
    import random

    rng = random.Random(7)
    b = Batcher(size=5, max_latency=1.0, clock=Clock())
    sent, got, n = [], [], 0
    for _ in range(200):
        k = rng.randint(0, 12)
        chunk = [f"x{n + i}" for i in range(k)]
        n += k
        sent += chunk
        for batch in b.add(chunk, first_line=n - k + 1):
            assert len(batch) == 5
            got.append(batch)
        if rng.random() < 0.2 and len(b):
            got.append(b.take())
    if len(b):
        got.append(b.take())
    assert [line for batch in got for line in batch.lines] == sent
    numbers = [ln for batch in got for _, ln in batch.numbering()]
    assert numbers == list(range(1, n + 1))


def test_caller_list_is_not_mutated():
    b = Batcher(size=2, max_latency=1.0, clock=Clock())
    chunk = ["a"]
    b.add(chunk)
    b.add(["b", "c"])
    assert chunk == ["a"]


def test_invalid_settings():
    with pytest.raises(ValueError):
        Batcher(size=0)
    with pytest.raises(ValueError):
        Batcher(max_latency=-1)


def test_batch_repr_and_len():
    batch = Batch(["a", "b"], [(0, 1, 2)])
    assert len(batch) == 2 and "2 lines" in repr(batch)


class FakeReader:
    """Replays reader items; None stands for "nothing arrived before the timeout"."""

    def __init__(self, items, clock):
        self.items = list(items)
        self.clock = clock
        self.timeouts = []

    def get(self, timeout=None):
        self.timeouts.append(timeout)
        item = self.items.pop(0)
        if item is None:
            self.clock.now += timeout  # the wait ran out
        return item


def test_batches_pipeline_size_latency_errors_end():
    from logsplit.batching import batches
    from logsplit.reader import END, ERROR, LINES

    clock = Clock()
    items = [(LINES, 0, 1, ["a", "b", "c"]), None, (ERROR, 1, "No such file"),
             (LINES, 2, 1, ["x"]), (LINES, 2, 2, ["y", "z", "w"]), (END,)]
    reader = FakeReader(items, clock)
    errors = []
    out = list(batches(reader, Batcher(size=2, max_latency=0.5, clock=clock),
                       lambda s, r: errors.append((s, r))))
    assert [b.lines for b in out] == [["a", "b"], ["c"], ["x", "y"], ["z", "w"]]
    assert [b.pieces for b in out][1:3] == [[(0, 3, 1)], [(2, 1, 1), (2, 2, 1)]]
    assert errors == [(1, "No such file")]
    assert reader.timeouts[0] is None  # nothing pending: wait for input as long as it takes
    assert reader.timeouts[1] == 0.5   # "c" pending: wait at most its latency budget


def test_batches_pipeline_reraises_reader_failure():
    from logsplit.batching import batches
    from logsplit.reader import FATAL

    with pytest.raises(RuntimeError):
        list(batches(FakeReader([(FATAL, RuntimeError("boom"))], Clock()), Batcher()))
