"""Empty fields derived from delimiter runs (rule 8) and control characters (rule 6)."""
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from logsplit.fieldspans import (classes, empty_fields, empty_positions, force_controls,
                                 has_controls, mask_from_text, spans_of)

# (line, the characters that are delimiters in it, the expected fields)
CASES = [
    ("a,,c", ",", ["a", "", "c"]),
    ("a, ,c", ", ", ["a", "", "c"]),
    ("a,  ,c", ", ", ["a", "", "c"]),
    ("a,,,b", ",", ["a", "", "", "b"]),
    ("x||y", "|", ["x", "", "y"]),
    ("p;;q", ";", ["p", "", "q"]),
    ('ua="" ref="-"', '=" ', ["ua", "", "ref", "-"]),
    ("key= next=1", "= ", ["key", "", "next", "1"]),
    ("ruser= rhost=10.0.0.1", "= ", ["ruser", "", "rhost", "10.0.0.1"]),
    ("k=,b=1", ",=", ["k", "", "b", "1"]),
    ("tail=", "=", ["tail", ""]),
    ('"a", "", "b"', '", ', ["a", "", "b"]),
    ('{"k":""}', '{}":', ["k", ""]),
    ("it '' is", "' ", ["it", "", "is"]),
    ('""', '"', [""]),
    # blanks never make an empty field
    ("a   b", " ", ["a", "b"]),
    ("a\t\tb", "\t", ["a", "b"]),
    ("  lead and trail  ", " ", ["lead", "and", "trail"]),
    # not empty cells: an operator standing alone, a separator run with text between,
    # different separators, closing-then-opening quotes, `=` not glued to a key, `==`
    ("a || b", " |", ["a", "b"]),
    ("a, b, c", ", ", ["a", "b", "c"]),
    ("a,;b", ",;", ["a", "b"]),
    ('"a""b"', '"', ["a", "b"]),
    ("x = y", " =", ["x", "y"]),
    ("x == y", " =", ["x", "y"]),
    ("a=b", "=", ["a", "b"]),
    ("a=>b", "=>", ["a", "b"]),
    ("done.", ".", ["done"]),
    # a `=` before a blank that is part of a field (a model's odd label) gives no empty field
    ('"q"= x', '"=', ["q", " x"]),
]


@pytest.mark.parametrize("line, delims, fields", CASES)
def test_empty_fields_from_delimiter_runs(line, delims, fields):
    mask = mask_from_text(line, lambda c: c in delims)
    spans = spans_of(line, mask)
    assert [line[s:e] for s, e in spans] == fields
    assert all(s <= e for s, e in spans) and spans == sorted(spans)


def _reference(text, mask):
    """The rules of the module docstring, one character at a time."""
    out = []
    n = len(text)
    for i, c in enumerate(text):
        if not mask[i]:
            continue
        glued = i > 0 and not mask[i - 1]
        if c == "=" and glued and (i + 1 == n or (text[i + 1] in " \t,;|" and mask[i + 1])):
            out.append(i + 1)
        if c in ",;|":
            j = i - 1
            while j >= 0 and mask[j] and text[j] in " \t":
                j -= 1
            if j >= 0 and mask[j] and text[j] == c:
                standalone = (j == i - 1 and j - 1 >= 0 and mask[j - 1] and text[j - 1] in " \t"
                              and i + 1 < n and mask[i + 1] and text[i + 1] in " \t")
                if not standalone:
                    out.append(i)
        if (c in "\"'" and i > 0 and text[i - 1] == c and mask[i - 1]
                and not (i - 1 > 0 and not mask[i - 2])
                and not (i - 2 >= 0 and text[i - 2] in "\"'")):
            out.append(i)
    return sorted(out)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.text(alphabet='ab ,;|"\'=\t', max_size=30),
                          st.lists(st.booleans(), min_size=30, max_size=30)),
                min_size=1, max_size=8))
def test_vectorised_matches_the_reference(lines):
    texts = [t for t, _ in lines]
    masks = [np.array(m[:len(t)], np.uint8) for t, m in lines]
    line, off = empty_fields(classes("".join(texts)),
                             np.concatenate(masks) if masks else np.zeros(0, np.uint8),
                             np.array([len(t) for t in texts]))
    for k, (t, m) in enumerate(zip(texts, masks)):
        assert off[line == k].tolist() == _reference(t, m), (t, m.tolist())
        assert empty_positions(t, m) == _reference(t, m)


@pytest.mark.parametrize("text, controls", [
    ("a\x00b", [1]),
    ("\x1b[2Jtop", [0, 1, 2, 3]),
    ("x\x1b[0;32mok\x1b[0m", [1, 2, 3, 4, 5, 6, 7, 10, 11, 12, 13]),
    ("bell\x07", [4]),
    ("t\x1b]0;title\x07x", list(range(1, 11))),
    ("del\x7f c1\x85", [3, 7]),
    ("tab\there", [3]),
])
def test_control_characters_are_forced_delimiters(text, controls):
    mask = np.zeros(len(text), np.uint8)
    force_controls(text, mask)
    assert np.flatnonzero(mask).tolist() == controls
    assert has_controls(text)


def test_plain_text_has_no_controls():
    assert not has_controls("plain text, é 中 😀")
