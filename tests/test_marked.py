"""The marked correction format: print -> parse round trip, escapes, malformed marks, the
training reader, and ``logsplit --marked`` through a real subprocess."""
import json

import pytest
from hypothesis import given, settings, strategies as st

from logsplit.marked import CLOSE, ESCAPE, OPEN, MarkedError, format_marked, parse_marked

ROUND_TRIP = [
    # (text, spans, marked)
    ("a b", [(0, 1), (2, 3)], "⟦a⟧ ⟦b⟧"),
    ("a,,c", [(0, 1), (2, 2), (3, 4)], "⟦a⟧,⟦⟧,⟦c⟧"),
    ("ruser= rhost=1", [(0, 5), (6, 6), (7, 12), (13, 14)], "⟦ruser⟧=⟦⟧ ⟦rhost⟧=⟦1⟧"),
    ('ua=""', [(0, 2), (4, 4)], '⟦ua⟧="⟦⟧"'),
    ("k=v", [(0, 1), (3, 3)], "⟦k⟧=v⟦⟧"),                     # an empty span at the end
    ("", [], ""),
    ("---", [], "---"),
    ("x ⟦y⟧", [(0, 1), (2, 5)], "⟦x⟧ ⟦⟡⟦y⟡⟧⟧"),               # marks in the text itself
    ("⟦", [], "⟡⟦"),
    ("a⟡b", [(0, 3)], "⟦a⟡⟡b⟧"),                             # the escape character itself
    ("⟡⟦⟧", [(0, 3)], "⟦⟡⟡⟡⟦⟡⟧⟧"),
    ("C:\\dir\\ x", [(0, 7), (8, 9)], "⟦C:\\dir\\⟧ ⟦x⟧"),     # backslashes are plain text
    ("é 日本", [(0, 1), (2, 4)], "⟦é⟧ ⟦日本⟧"),
]


@pytest.mark.parametrize("text,spans,marked", ROUND_TRIP)
def test_round_trip(text, spans, marked):
    assert format_marked(text, spans) == marked
    assert parse_marked(marked) == (text, spans)


MALFORMED = [
    # (marked line, kind, column)
    ("⟦a", "unbalanced marks", 1),
    ("a⟧", "unbalanced marks", 2),
    ("⟦a⟧ b⟧", "unbalanced marks", 6),
    ("⟦a⟦b⟧⟧", "nested marks", 3),
    ("⟦⟦⟧", "nested marks", 2),
    ("⟦a⟡⟧", "unbalanced marks", 1),           # the escaped ⟧ is text: ⟦ stays open
    ("a⟡", "bad escape", 2),
    ("⟦a⟡b⟧", "bad escape", 3),
]


@pytest.mark.parametrize("line,kind,column", MALFORMED)
def test_malformed(line, kind, column):
    with pytest.raises(MarkedError) as e:
        parse_marked(line)
    assert e.value.kind == kind and e.value.column == column
    assert str(e.value).startswith(f"column {column}: ")


def test_format_rejects_unsorted_spans():
    with pytest.raises(ValueError):
        format_marked("abc", [(1, 2), (0, 1)])


_chars = st.sampled_from(list("ab ,=\"|;\\\t-") + [OPEN, CLOSE, ESCAPE, "é"])


@st.composite
def text_and_spans(draw):
    text = draw(st.text(_chars, max_size=30))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=12)))
    spans = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
    return text, spans


@settings(max_examples=300, deadline=None)
@given(text_and_spans())
def test_round_trip_property(ts):
    text, spans = ts
    assert parse_marked(format_marked(text, spans)) == (text, spans)


@settings(max_examples=300, deadline=None)
@given(st.text(_chars, max_size=30))
def test_parse_never_crashes_and_reformats_to_itself(line):
    try:
        text, spans = parse_marked(line)
    except MarkedError as e:
        assert 1 <= e.column <= len(line)
        return
    # the canonical form of a well-formed line is the line itself (escapes are unique)
    assert format_marked(text, spans) == line


# ------------------------------------------------------------------ the training reader
readers = pytest.importorskip("logsplit_train.readers")


@pytest.mark.parametrize("name", ["fix.marked", "fix.marked.txt", "fix.txt", "fix"])
def test_reader_by_extension_and_content(tmp_path, name):
    p = tmp_path / name
    p.write_text("⟦a⟧,⟦⟧,⟦c⟧ ⟦k⟧=⟦⟧ ⟦v⟧\n\n⟦x ⟡⟦1⟡⟧⟧\n", encoding="utf-8")
    got = readers.read_path(p)
    assert [(s.text, s.spans) for s in got] == [
        ("a,,c k= v", [(0, 1), (2, 2), (3, 4), (5, 6), (7, 7), (8, 9)]),
        ("x ⟦1⟧", [(0, 5)])]
    assert [s.meta["line"] for s in got] == [1, 3]
    assert got[0].labels == "ODDODODDO"


def test_reader_in_a_directory(tmp_path):
    (tmp_path / "a.marked").write_text("⟦a⟧ ⟦b⟧\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("just notes\n", encoding="utf-8")
    assert [s.text for s in readers.read_path(tmp_path)] == ["a b"]


BAD_FILES = [
    # (line 2 of the file, what the error says)
    ("⟦a⟦b⟧⟧", "column 3: nested ⟦"),
    ("⟦a", "column 1: unclosed ⟦"),
    ("⟦a⟧⟦b⟧", "column 4: fields 'a' and 'b' touch"),
    ("⟦a⟧,,⟦c⟧", "column 5: the delimiters 'a,,' imply an empty field here"),
    ("⟦a⟧ ⟦⟧⟦c⟧", "column 5: an empty field ⟦⟧ where the delimiters imply none"),
    ("plain words", "no ⟦…⟧ marks"),
    ("⟦a⟡x⟧", "column 3: bad escape"),
]


@pytest.mark.parametrize("line,reason", BAD_FILES)
def test_reader_errors_name_file_and_line(tmp_path, line, reason):
    p = tmp_path / "fix.marked"
    p.write_text(f"⟦ok⟧\n{line}\n", encoding="utf-8")
    with pytest.raises(readers.DataError) as e:
        readers.read_path(p)
    assert str(e.value).startswith(f"{p}:2: {reason}")
    stats = readers.new_stats()
    assert [s.text for s in readers.read_path(p, strict=False, stats=stats)] == ["ok"]
    assert stats["skipped"] == 1


# ------------------------------------------------------------------ logsplit --marked
def test_marked_cli_round_trips_json(run_cli, tiny_model_path):
    lines = "a b,,c\nk=⟦v⟧ ⟡ x\n\nC:\\x\\ y\n"
    p = run_cli("--model", tiny_model_path, "--marked", input=lines.encode())
    assert p.returncode == 0 and p.stderr == b""
    marked = p.stdout.decode("utf-8").split("\n")
    assert marked[-1] == "" and len(marked) == 5
    j = run_cli("--model", tiny_model_path, "--json", input=lines.encode())
    rows = [json.loads(r) for r in j.stdout.decode().splitlines()]
    for m, row in zip(marked, rows):
        text, spans = parse_marked(m)
        assert text == row["text"]
        assert [list(s) for s in spans] == row["spans"]


def test_marked_is_exclusive_with_json(run_cli, tiny_model_path):
    p = run_cli("--model", tiny_model_path, "--marked", "--json", input=b"a\n")
    assert p.returncode == 2 and b"not allowed with" in p.stderr
