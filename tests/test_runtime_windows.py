"""Long-line windows: cores tile the line exactly once, windows fit, context is honoured."""
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from logsplit.errors import UsageError
from logsplit.windows import check, plan


def assert_valid(length, window, context):
    w = plan(length, window, context)
    ws, we, cs, ce = w.win_start, w.win_end, w.core_start, w.core_end
    # cores tile [0, length) in order, disjoint, nothing left out
    assert cs[0] == 0 and ce[-1] == length
    assert (cs[1:] == ce[:-1]).all()
    assert (ce > cs).all() or length == 0
    # each core lies inside its window, windows fit the model window and the line
    assert (ws <= cs).all() and (ce <= we).all()
    assert (we - ws <= window).all()
    assert (ws >= 0).all() and (we <= length).all()
    # context on both sides, except at the line's ends
    left_ok = (cs - ws >= context) | (ws == 0)
    right_ok = (we - ce >= context) | (we == length)
    assert left_ok.all() and right_ok.all()
    # windows are ordered
    assert (np.diff(ws) > 0).all() and (np.diff(cs) > 0).all()
    return w


def test_short_line_is_one_window():
    w = plan(100, 512, 64)
    assert len(w) == 1 and w.core_end.tolist() == [100] and w.win_end.tolist() == [100]
    assert len(plan(512, 512, 64)) == 1
    assert len(plan(0, 512, 64)) == 1


def test_just_longer_than_window():
    w = assert_valid(513, 512, 64)
    assert len(w) == 2


def test_defaults_on_a_megabyte_line_stay_small():
    w = assert_valid(1_000_000, 512, 64)
    assert len(w) == -(-(1_000_000 - 2 * 448) // 384) + 2
    assert w.win_start.nbytes < 100_000  # the plan is tiny: a few integers per window


@settings(max_examples=300, deadline=None)
@given(length=st.integers(0, 5000), window=st.integers(3, 600), data=st.data())
def test_cover_disjoint_context_property(length, window, data):
    context = data.draw(st.integers(0, (window - 1) // 2))
    assert_valid(length, window, context)


def test_window_must_leave_room_for_a_core():
    with pytest.raises(UsageError):
        check(128, 64)
    with pytest.raises(UsageError):
        plan(1000, 10, 5)
    with pytest.raises(UsageError):
        check(100, -1)
    check(129, 64)
