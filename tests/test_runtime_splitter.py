"""Splitter: encoding, cache, batching independence, spans, long-line windows, the API."""
import tracemalloc

import numpy as np

from logsplit.fieldspans import force_controls, spans_of
import pytest
from hypothesis import given, settings, strategies as st

from logsplit import Result, Splitter
from logsplit.errors import UsageError
from logsplit.splitter import EMPTY, Layout, bounds, plan_calls
from logsplit.vocab import mask_to_spans


def reference_spans(splitter, line):
    """Label one line alone, unbatched, unwindowed, uncached: the model's own answer, with
    control characters forced to delimiters (rule 6) and the derived empty fields (rule 8)."""
    ids = splitter.vocab.encode(line).astype(np.int32)
    if ids.size == 0:
        return ()
    mask = splitter.model.delimiters(ids[None, :], np.array([ids.size], np.int32))[0]
    mask = mask.astype(np.uint8)
    force_controls(line, mask)
    return tuple(spans_of(line, mask))


# ------------------------------------------------------------------ spans from masks
@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.integers(0, 1), max_size=40), max_size=12))
def test_bounds_matches_mask_to_spans(masks):
    lengths = np.array([len(m) for m in masks], np.int64)
    flat = np.array([x for m in masks for x in m], np.uint8)
    starts, ends, counts = bounds(flat, lengths)
    pos = 0
    for m, c in zip(masks, counts.tolist()):
        got = list(zip(starts[pos:pos + c].tolist(), ends[pos:pos + c].tolist()))
        assert got == mask_to_spans(m)
        pos += c
    assert pos == len(starts)


def test_layout_and_result():
    lay = Layout((0, 3, 4, 7))
    r = Result("foo bar", lay)
    assert r.fields == ["foo", "bar"] and r.spans == ((0, 3), (4, 7))
    assert r.delimiter_mask().tolist() == [0, 0, 0, 1, 0, 0, 0]
    assert len(lay) == 2 and lay == Layout((0, 3, 4, 7)) and hash(lay) == hash(Layout((0, 3, 4, 7)))
    one = Layout((1, 2))
    assert list(one.fields("abc")) == ["b"] and list(one.fields("xyz")) == ["y"]  # getter path
    assert list(EMPTY.fields("x")) == [] and list(EMPTY.fields("y")) == []
    assert EMPTY.spans_json == "[]"
    lay.fields("xyz abc")  # the second use builds the getter
    assert list(lay.fields("123 456")) == ["123", "456"]
    assert "foo bar" in repr(r)


# ------------------------------------------------------------------ call planning
def test_plan_calls_sorted_bounded_complete():
    rng = np.random.default_rng(0)
    lengths = rng.integers(1, 600, 1000)
    calls = plan_calls(lengths, 64)
    order = np.concatenate(calls)
    assert sorted(order.tolist()) == list(range(1000))
    assert all(len(c) <= 64 for c in calls)
    assert (np.diff(lengths[order]) <= 0).all()  # longest first, each call pads to its first


def test_plan_calls_bound_padded_characters():
    rng = np.random.default_rng(4)
    lengths = rng.integers(1, 2000, 500)
    for cap in (512, 4096, 8192):
        calls = plan_calls(lengths, 256, max_chars=cap)
        assert sorted(np.concatenate(calls).tolist()) == list(range(500))
        for c in calls:  # a row longer than the cap goes alone
            assert len(c) * lengths[c[0]] <= cap or len(c) == 1


def test_plan_calls_small():
    assert [c.tolist() for c in plan_calls(np.array([3, 9]), 256)] == [[1, 0]]
    assert [c.tolist() for c in plan_calls(np.array([3, 9, 5]), 1)] == [[1], [2], [0]]


# ------------------------------------------------------------------ splitting
def test_simple_lines(tiny_splitter):
    res = tiny_splitter.split(["a b", "foo=bar, baz", "", "   ", "x"])
    assert [r.fields for r in res] == [["a", "b"], ["foo", "bar", "baz"], [], [], ["x"]]
    assert res[1].spans == ((0, 3), (4, 7), (9, 12))
    for r in res:
        assert r.fields == [r.text[s:e] for s, e in r.spans]


def test_matches_the_model_line_by_line(random_model_path):
    sp = Splitter(random_model_path, batch_size=7)
    rng = np.random.default_rng(1)
    alphabet = list("abc XYZ=:,[]()-_./\"'\t0123456789é")
    lines = ["".join(rng.choice(alphabet, rng.integers(0, 120))) for _ in range(150)]
    res = sp.split(lines)
    for line, r in zip(lines, res):
        assert r.text == line
        assert r.spans == reference_spans(sp, line)  # padding/sorting/batching change nothing


def test_cache_shares_layouts_of_lines_differing_in_digits(tiny_model_path):
    sp = Splitter(tiny_model_path)
    a, b = sp.split(["took 12 ms at 10:00:01", "took 99 ms at 23:59:59"])
    assert a.layout is b.layout  # one model run for both
    assert sp.cache_info()["misses"] == 1 and sp.cache_info()["hits"] == 1
    (c,) = sp.split(["took 12 ms at 10:00:01"])
    assert c.layout is a.layout and sp.cache_info()["hits"] == 2
    assert b.fields == ["took", "99", "ms", "at", "23", "59", "59"]


def test_lru_eviction(tiny_model_path):
    sp = Splitter(tiny_model_path, cache_size=2)
    sp.split(["a"])
    sp.split(["b b"])
    sp.split(["a"])        # refresh "a"
    sp.split(["c c c"])    # evicts "b b"
    assert sp.cache_info()["size"] == 2
    misses = sp.cache_info()["misses"]
    sp.split(["a"])
    assert sp.cache_info()["misses"] == misses
    sp.split(["b b"])
    assert sp.cache_info()["misses"] == misses + 1


def test_cache_disabled(tiny_model_path):
    sp = Splitter(tiny_model_path, cache_size=0)
    r1, r2 = sp.split(["x y", "x y"])
    assert r1 == r2 and sp.cache_info()["size"] == 0


def test_stream_yields_one_list_per_batch(tiny_splitter):
    out = list(tiny_splitter.stream([["a b"], ("c", "d e"), []]))
    assert [[r.fields for r in batch] for batch in out] == [[["a", "b"]], [["c"], ["d", "e"]], []]


def test_split_accepts_iterables_and_rejects_non_str(tiny_splitter):
    assert [r.fields for r in tiny_splitter.split(iter(["p q"]))] == [["p", "q"]]
    assert tiny_splitter.split([]) == []
    with pytest.raises(TypeError):
        tiny_splitter.split([b"bytes"])


def test_lone_surrogates_and_odd_characters(tiny_splitter):
    lines = ["a\udc80b c", "\x00\x1b[31mERR\x1b[0m", "tab\there", "😀 ✓ 中文"]
    for r in tiny_splitter.split(lines):
        assert r.fields == [r.text[s:e] for s, e in r.spans]
    assert tiny_splitter.split(["😀 ✓"])[0].spans == ((0, 1), (2, 3))  # code points, not UTF-16


def test_bad_settings(tiny_model_path):
    with pytest.raises(UsageError):
        Splitter(tiny_model_path, batch_size=0)
    with pytest.raises(UsageError):
        Splitter(tiny_model_path, window=100, context=50)
    with pytest.raises(UsageError):
        Splitter(tiny_model_path, cache_size=-1)


def test_window_defaults_to_defaults_or_model_max_len(tiny_splitter):
    from logsplit import defaults

    assert tiny_splitter.window == max(defaults.WINDOW, tiny_splitter.model.max_len)
    assert tiny_splitter.context == defaults.WINDOW_CONTEXT


# ------------------------------------------------------------------ long lines
def test_windowed_equals_unwindowed_when_context_covers_the_model(conv_model_path):
    """The conv model sees +-6 characters: with context >= 6 windows change nothing."""
    rng = np.random.default_rng(2)
    alphabet = list("ab =:,[]-_./0123456789")
    lines = ["".join(rng.choice(alphabet, n)) for n in (0, 5, 40, 41, 79, 80, 81, 200, 1234)]
    whole = Splitter(conv_model_path, window=4096, context=64).split(lines)
    for window, context in ((40, 6), (41, 7), (64, 20), (100, 6)):
        windowed = Splitter(conv_model_path, window=window, context=context).split(lines)
        assert windowed == whole, (window, context)


def test_windowed_lstm_covers_every_character(random_model_path):
    sp = Splitter(random_model_path, window=64, context=16)
    rng = np.random.default_rng(3)
    line = "".join(rng.choice(list("abc =:,[]-_./0123456789"), 1000))
    (r,) = sp.split([line])
    mask = r.delimiter_mask()
    assert mask.size == len(line)
    ref = reference_spans(sp, line)
    ref_mask = Result(line, Layout(tuple(x for s in ref for x in s))).delimiter_mask()
    # windows see less context than the whole line: most labels still agree
    assert (mask == ref_mask).mean() > 0.9
    assert sp.cache_info()["size"] == 0  # long lines are never cached


def test_mixed_long_and_short_lines_keep_order(conv_model_path):
    sp = Splitter(conv_model_path, window=50, context=10, batch_size=3)
    whole = Splitter(conv_model_path, window=100000, context=10)
    lines = ["a b" * k for k in (1, 60, 2, 200, 0, 3)]
    assert sp.split(lines) == whole.split(lines)


def test_megabyte_line_bounded_memory(conv_model_path):
    sp = Splitter(conv_model_path)
    line = ("key=value, other: [item] " * 42000)[:1_000_000]
    tracemalloc.start()
    try:
        (r,) = sp.split([line])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(r.text) == 1_000_000
    assert r.delimiter_mask().size == 1_000_000
    assert len(r.spans) > 100_000
    # the line's own arrays are a few MB; all windows padded at once would be ~10 MB more
    assert peak < 60_000_000, peak
    assert r.fields[:4] == ["key", "value", "other", "item"] or len(r.fields) > 4


def test_encoding_and_cache_keys_are_the_normalised_ids(tiny_model_path):
    sp = Splitter(tiny_model_path)
    lines = ["id=42 ok", "id=99 ok", "é中 x", ""]
    sp.split(lines)
    want = {sp.vocab.encode(line).tobytes() for line in lines}
    assert set(sp._cache) == want and len(want) == 3  # the two id= lines share one key
    ids, lengths = sp.vocab.encode_joined(lines)
    assert lengths.tolist() == [8, 8, 4, 0]
    assert ids.tobytes() == b"".join(sp.vocab.encode(line).tobytes() for line in lines)


def test_splitting_creates_no_reference_cycles(tiny_model_path):
    """The CLI turns the cyclic garbage collector off while lines flow: that needs this."""
    import gc

    from logsplit.batching import Batch
    from logsplit.render import JsonRenderer, PlainRenderer, TsvRenderer

    sp = Splitter(tiny_model_path, window=40, context=8)
    lines = [f"line {i} key=v{i % 3}, [x] " + "w " * (i % 50) for i in range(600)]
    gc.collect()
    gc.disable()
    try:
        for i in range(0, 600, 100):
            chunk = lines[i:i + 100]
            results = sp.split(chunk)
            batch = Batch(chunk, [(0, i + 1, len(chunk))])
            for r in (JsonRenderer(), TsvRenderer(), PlainRenderer()):
                r.render(batch, results)
        assert gc.collect() < 50  # only a few renderer objects, nothing per line
    finally:
        gc.enable()


@pytest.mark.parametrize("bad", ["a string", b"bytes"])
def test_split_refuses_a_single_string(tiny_splitter, bad):
    """split() takes lines; a lone str would otherwise be split one character per line."""
    with pytest.raises(TypeError, match="iterable of lines"):
        tiny_splitter.split(bad)


def test_empty_fields_and_controls_in_the_splitter(tiny_splitter):
    """The tiny model labels `,|=" ` as delimiters: empty fields are derived, controls forced,
    identically on a cache hit."""
    lines = ["id,name,,score", "x||y", 'ua="" ref="-"', "ruser= rhost=1", "a\x00b\x1b[31mc",
             "id,name,,score"]
    got = [r.fields for r in tiny_splitter.split(lines)]
    assert got == [["id", "name", "", "score"], ["x", "", "y"], ["ua", "", "ref", "-"],
                   ["ruser", "", "rhost", "1"], ["a", "b", "c"], ["id", "name", "", "score"]]


@pytest.fixture(scope="module")
def collapse_model_path(tmp_path_factory):
    import tiny_model
    from logsplit.vocab import vocab_spec
    spec = vocab_spec(collapse_digits=True)
    path = str(tmp_path_factory.mktemp("models") / "collapse.onnx")
    meta = tiny_model.metadata(embed=16, units=32, layers=1, spec=spec)
    return tiny_model.save(tiny_model.build_lstm_model(delimiters=None, meta=meta), path)


def test_collapsed_digit_runs_map_back_exactly(collapse_model_path):
    """A model that reads each digit run as one position: every digit of a run gets the run's
    label, and lines that differ only in digit-run lengths are one model row."""
    sp = Splitter(collapse_model_path, batch_size=16)
    assert sp.vocab.collapse_digits
    lines = ["id 12345 took 7ms", "id 9 took 100000ms", "x=1,,2 \x1b[31m42\x1b[0m", "",
             "no digits here", "0" * 900 + " tail 12"]
    got = sp.split(lines)
    for line, r in zip(lines, got):
        ids = sp.vocab.encode(line)
        m_ids, m_len, index = sp.vocab.model_input(ids, np.array([ids.size]))
        if ids.size == 0:
            assert r.spans == ()
            continue
        lab = sp.model.delimiters(m_ids[None, :].astype(np.int32), m_len.astype(np.int32))[0]
        mask = lab[index].astype(np.uint8)
        force_controls(line, mask)
        if len(m_ids) <= sp.window:
            assert r.spans == tuple(spans_of(line, mask)), line
    # the first two lines collapse to the same model input: one model row for both
    sp2 = Splitter(collapse_model_path, batch_size=16)
    sp2.split(lines[:2])
    assert sp2.model_rows == 1
    # a third length variant is served from the model-input cache: still one model row
    r = sp2.split(["id 3 took 55555ms"])[0]
    assert sp2.model_rows == 1
    # and its labels are the first line's, mapped onto its own digit-run lengths
    a, b = got[0].delimiter_mask(), r.delimiter_mask()
    assert a[:3].tolist() == b[:3].tolist() and a[-2:].tolist() == b[-2:].tolist()
