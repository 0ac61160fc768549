"""The synthetic corpus: breadth, determinism, labels consistent with the convention."""
import numpy as np
import pytest

from logsplit import defaults
from logsplit.vocab import mask_to_spans, spans_to_mask
from logsplit_train import corpus

PER_FAMILY = 150


@pytest.fixture(scope="module")
def samples():
    return {f: corpus.generate(PER_FAMILY, seed=11, families=[f]) for f in corpus.names()}


def test_breadth():
    assert len(corpus.names()) >= 30
    assert set(defaults.HOLDOUT_FAMILIES) <= set(corpus.names())
    assert len(set(corpus.GROUPS.values())) >= 5


def test_deterministic_and_seeded():
    a = corpus.generate(300, seed=3)
    b = corpus.generate(300, seed=3)
    c = corpus.generate(300, seed=4)
    assert [s.text for s in a] == [s.text for s in b]
    assert all(np.array_equal(x.mask, y.mask) for x, y in zip(a, b))
    assert [s.text for s in a] != [s.text for s in c]


def test_family_streams_are_independent():
    one = corpus.generate(50, seed=2, families=["logfmt"])
    mixed = corpus.generate(50 * len(corpus.names()), seed=2)
    assert [s.text for s in mixed if s.source == "logfmt"] == [s.text for s in one]


def test_labels_consistent_with_spans(samples):
    for fam, ss in samples.items():
        for s in ss:
            assert len(s.mask) == len(s.text), fam
            assert np.array_equal(spans_to_mask(len(s.text), mask_to_spans(s.mask)), s.mask), fam


def test_declared_empty_fields_are_the_derived_ones(samples):
    """Rule 8: every empty field a generator declares (``Line.empty()``) is exactly where
    :func:`logsplit.fieldspans.empty_positions` derives one from the delimiters, and no other
    empty field is derived: the runtime recovers the generator's columns from the mask alone."""
    from logsplit.fieldspans import empty_positions
    bad = []
    for fam, ss in samples.items():
        for s in ss:
            if empty_positions(s.text, s.mask) != list(s.empties or []):
                bad.append((fam, s.text, s.empties, empty_positions(s.text, s.mask)))
    assert not bad, f"{len(bad)} lines, e.g. {bad[:5]}"


def test_pairs_index_key_and_value_fields(samples):
    """Pairs recorded by ``Line.kv`` point at the key's and the value's fields."""
    for fam, ss in samples.items():
        for s in ss:
            n = len(s.spans)
            for k, v in s.pairs or []:
                assert 0 <= k < v < n, (fam, s.text, s.pairs)


@pytest.mark.parametrize("build,expected", [
    (lambda b: b.f("reset").d(" = ").f("web01").d(":").f("80"), [(0, 1)]),
    (lambda b: b.f("to").d(": ").f("yarn").d(",").f("curi"), [(0, 1)]),
    (lambda b: b.f("msg").d(' = "').f("disk full").d('"'), [(0, 1)]),
])
def test_paired_records_the_first_field_after_the_key(build, expected):
    """``Line.paired`` (pairs built piece by piece) pairs the key with the next field."""
    from logsplit_train.corpus.builder import Line
    b = build(Line())
    assert b.paired(0).build("t").pairs == expected


def test_control_characters_never_inside_a_field(samples):
    """Rule 6: control characters and escape sequences are delimiters, always."""
    from logsplit.fieldspans import has_controls
    bad = [(fam, f, s.text) for fam, ss in samples.items() for s in ss for f in s.fields
           if has_controls(f)]
    assert not bad, bad[:5]


# A quoted value may legitimately begin or end with a bracket (a user agent "... (+http://x)"),
# so brackets are checked by the families' own construction, not here.
EDGE_START = set(" \t\",;")
EDGE_END = set(" \t\",;")
NEVER_INSIDE = set("\t\n\r\x1b")


def _edge_ok(f: str) -> bool:
    """A field neither begins nor ends with a blank, a quote or an item separator, except that
    it may end with an escaped quote ``\\"`` (decision 61: ``"loading plugin \\"x\\""``)."""
    if not f:
        return True                      # an empty field (rule 8) has no edge
    if f[0] in EDGE_START or NEVER_INSIDE & set(f):
        return False
    return f[-1] not in EDGE_END or (f.endswith('\\"') and not f.endswith('\\\\"'))


@pytest.mark.parametrize("field,ok", [
    ('loading plugin \\"io.containerd\\"', True),  # decision 61: escaped quote at the end
    ('say \\"hi\\" now', True),
    ("", True),
    ('abc"', False),                                 # a bare quote never ends a field
    ('C:\\\\"', False),                               # an escaped backslash, then a bare quote
    ("abc,", False), ("abc ", False), ('"abc', False), ("a\tb", False),
])
def test_edge_rule(field, ok):
    assert _edge_ok(field) is ok


def test_fields_exclude_convention_delimiters(samples):
    """Whitespace, quotes and item separators never begin or end a field (a field may end in an
    escaped quote, decision 61); tabs, escapes and line breaks never occur inside one."""
    bad = []
    for fam, ss in samples.items():
        for s in ss:
            for f in s.fields:
                if not _edge_ok(f):
                    bad.append((fam, f, s.text))
    assert not bad, f"{len(bad)} bad fields, e.g. {bad[:5]}"


def test_escaped_quote_ends_a_quoted_field():
    """Decision 61 is generated: a quoted message ending in an escaped quote keeps it in its
    field, in free-text messages and in MongoDB's JSON."""
    import random

    from logsplit_train.corpus import messages as M
    from logsplit_train.corpus.builder import Line
    r = random.Random(61)
    seen = 0
    for _ in range(3000):
        b = Line()
        M.quoted(r, b)
        s = b.build()
        for f in s.fields:
            if f.endswith('\\"'):
                seen += 1
                assert s.text.endswith(f + '"'), s.text       # the bare closing quote delimits
    assert seen >= 10
    mongo = [s for s in corpus.generate(1500, seed=61, families=["mongodb"])
             if any(f.endswith('\\"') for f in s.fields)]
    assert mongo, "mongodb never writes an escaped quote at the end of a JSON string"
    for s in mongo:
        f = next(f for f in s.fields if f.endswith('\\"'))
        assert '"' + f + '"' in s.text, s.text


def test_every_family_varies(samples):
    """Randomised values and several layouts: lines of a family are mostly distinct and the
    delimiter structure (field count) varies."""
    for fam, ss in samples.items():
        texts = {s.text for s in ss}
        assert len(texts) >= 0.8 * len(ss), fam
        assert len({len(s.spans) for s in ss}) >= 3, fam


def test_every_line_has_fields_and_delimiters(samples):
    for fam, ss in samples.items():
        # a few lines legitimately have no field (table rules `+----+`, `{}`)
        assert sum(bool(s.spans) for s in ss) >= 0.9 * len(ss), fam
        assert sum(int(s.mask.sum()) > 0 for s in ss) >= 0.95 * len(ss), fam


def test_timestamp_styles_are_real_times():
    """Every style parses back as a plausible time: a 12-hour clock never shows `15:30 PM`."""
    import random
    import re

    from logsplit_train.corpus import values as V
    r = random.Random(5)
    for style, fn in V.TIMESTAMP_STYLES.items():
        for _ in range(200):
            ts = fn(r, V.moment(r))
            assert ts == ts.strip() and "\t" not in ts, style
            m = re.search(r"\b(\d{1,2}):\d\d(:\d\d)?(?:[.,]\d+)? (AM|PM)\b", ts)
            if m:
                assert 1 <= int(m.group(1)) <= 12, (style, ts)


def test_flag_strings_are_one_field_with_a_letter():
    """`CD--`, `-rw-r--r--`: never a run of `-` alone (that is a delimiter, decision 60)."""
    import random

    from logsplit_train.corpus import messages as M
    from logsplit_train.corpus.builder import Line
    r = random.Random(7)
    for _ in range(500):
        b = Line()
        M._v_flags(r, b)
        (f,) = b.build().fields
        assert any(c.isalpha() for c in f), f
        assert set(f) <= set("-" + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"), f


@pytest.mark.parametrize("builder", ["_ph_when", "_ph_numbers"])
def test_timestamp_neighbours_are_separate_fields(builder):
    """A word before a timestamp and a number after it are fields of their own (decision 65)."""
    import random

    from logsplit_train.corpus import messages as M
    from logsplit_train.corpus.builder import Line
    r = random.Random(3)
    for _ in range(300):
        b = Line()
        getattr(M, builder)(r, b, False)
        s = b.build()
        assert len(s.fields) >= 2, s.text
        for f in s.fields:
            assert f == f.strip(), s.text
        if builder == "_ph_when":
            assert not any(c.isdigit() for c in s.fields[0]), s.text   # `at`, not `at 2024-...`


def test_logcat_level_and_tag_are_one_field(samples):
    """Decision 45: `D/WindowManager( 1702):` gives `D/WindowManager` (product rule 7)."""
    seen = 0
    for s in samples["logcat"]:
        if len(s.text) > 2 and s.text[1] == "/" and s.text[0] in "VDIWEF":
            seen += 1
            assert s.fields[0].startswith(s.text[0] + "/"), s.text
    assert seen > 5


def test_decorations_are_delimiters():
    """Decision 36: a non-ASCII decoration (``↳``, ``├──``, ``✔``) before a message or a path
    is a delimiter, never inside a field; the generic families draw them often enough."""
    from logsplit_train.corpus.fam_structured import _DECOR
    marks = set("".join(_DECOR))
    lines = corpus.generate(4000, seed=5, families=["generic_app", "bare_message"])
    decorated = [s for s in lines if marks & set(s.text)]
    assert len(decorated) > 200
    for s in decorated:
        for a, b in s.spans:
            assert not marks & set(s.text[a:b]), (s.text, s.text[a:b])


def test_a_token_of_punctuation_in_a_value_place_is_a_field():
    """Decision 30 with rule 8: Rails' request format `*/*` is the format column's value, and a
    `--` flag column between counters (a wide record) is a value, like `----`."""
    rails = [s for s in corpus.generate(3000, seed=11, families=["rails"])
             if s.text.endswith(" as */*")]
    assert rails and all(s.fields[-1] == "*/*" for s in rails)
    wide = [s for s in corpus.generate(3000, seed=12, families=["column_tables"])
            if " -- " in s.text]
    assert wide and all("--" in s.fields for s in wide)
