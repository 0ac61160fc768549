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


# A quoted value may legitimately begin or end with a bracket (a user agent "... (+http://x)"),
# so brackets are checked by the families' own construction, not here.
EDGE_START = set(" \t\",;")
EDGE_END = set(" \t\",;")
NEVER_INSIDE = set("\t\n\r\x1b")


def test_fields_exclude_convention_delimiters(samples):
    """Whitespace, quotes and item separators never begin or end a field; tabs, escapes and
    line breaks never occur inside one."""
    bad = []
    for fam, ss in samples.items():
        for s in ss:
            for f in s.fields:
                if f[0] in EDGE_START or f[-1] in EDGE_END or NEVER_INSIDE & set(f):
                    bad.append((fam, f, s.text))
    assert not bad, f"{len(bad)} bad fields, e.g. {bad[:5]}"


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
