"""Renderers: JSON Lines contract, field selection, TSV/plain, styled rich Text."""
import json

import pytest

from logsplit.batching import Batch
from logsplit.errors import UsageError
from logsplit.render import (SEPARATOR, THEME, JsonRenderer, PlainRenderer, Selection,
                             StyledRenderer, TsvRenderer)
from logsplit.splitter import EMPTY, Layout, Result


def result(text, *spans):
    return Result(text, Layout(tuple(x for s in spans for x in s)) if spans else EMPTY)


def one(*results, pieces=None):
    return Batch([r.text for r in results], pieces or [(0, 1, len(results))]), list(results)


# ------------------------------------------------------------------ JSON
def test_json_keys_order_and_values():
    out = JsonRenderer().render(*one(result("a=1", (0, 1), (2, 3)), result("")))
    rows = [json.loads(line) for line in out.splitlines()]
    assert [list(r) for r in rows] == [["line", "text", "fields", "spans", "pairs"]] * 2
    assert rows[0] == {"line": 1, "text": "a=1", "fields": ["a", "1"], "spans": [[0, 1], [2, 3]],
                       "pairs": [[0, 1]]}
    assert rows[1] == {"line": 2, "text": "", "fields": [], "spans": [], "pairs": []}
    assert out.endswith("\n") and out.count("\n") == 2


def test_json_escaping_in_text_and_fields():
    text = 'say "hi"\\ \t\x00\x1b ü'
    r = result(text, (0, 3), (4, 8), (8, 10), (11, 14), (14, 15))
    (row,) = [json.loads(x) for x in JsonRenderer().render(*one(r)).splitlines()]
    assert row["text"] == text
    assert row["fields"] == [text[s:e] for s, e in r.spans]


def test_json_non_ascii_is_written_as_is():
    out = JsonRenderer().render(*one(result("café 😀", (0, 4), (5, 6))))
    assert "café" in out and "😀" in out and "\\u" not in out


def test_json_lone_surrogate_never_crashes():
    r = result("a\udc80b", (0, 3))
    out = JsonRenderer().render(*one(r)).encode("utf-8", "backslashreplace")  # as the CLI writes
    row = json.loads(out)
    assert row["text"] == "a\udc80b" and row["fields"] == ["a\udc80b"]


def test_json_file_key_first_and_line_numbers_per_source():
    batch = Batch(["x", "y", "z"], [(0, 7, 1), (1, 1, 2)])
    rs = [result("x", (0, 1)), result("y", (0, 1)), result("z", (0, 1))]
    rows = [json.loads(x) for x in JsonRenderer(["a.log", "-"]).render(batch, rs).splitlines()]
    assert [list(r)[:2] for r in rows] == [["file", "line"]] * 3
    assert [(r["file"], r["line"]) for r in rows] == [("a.log", 7), ("-", 1), ("-", 2)]


# ------------------------------------------------------------------ selection
@pytest.mark.parametrize("spec, fields, want", [
    ("1", ["a", "b", "c"], ["a"]),
    ("1,3", ["a", "b", "c"], ["a", "c"]),
    ("3,1", ["a", "b", "c"], ["c", "a"]),
    ("2-3", ["a", "b", "c", "d"], ["b", "c"]),
    ("2-", ["a", "b", "c", "d"], ["b", "c", "d"]),
    ("-1", ["a", "b", "c"], ["c"]),
    ("-2", ["a", "b", "c"], ["b"]),
    ("-2--1", ["a", "b", "c"], ["b", "c"]),
    ("2--1", ["a", "b", "c", "d"], ["b", "c", "d"]),
    ("1,3-5,7-", list("abcdefgh"), ["a", "c", "d", "e", "g", "h"]),
    ("5", ["a"], [""]),
    ("2-4", ["a", "b"], ["b", "", ""]),
    ("-5", ["a"], [""]),
    ("-5--4", ["a", "b"], []),
    ("4-", ["a"], []),
    ("1", [], [""]),
])
def test_selection(spec, fields, want):
    assert Selection(spec).pick(fields) == want


@pytest.mark.parametrize("spec", ["", "0", "1,,2", "3-1", "-", "1-2-3", "0-2", "1.5"])
def test_selection_errors(spec):
    with pytest.raises(UsageError):
        Selection(spec)


def test_tsv_and_selection_render():
    rs = [result("a b c", (0, 1), (2, 3), (4, 5)), result("")]
    assert TsvRenderer().render(*one(*rs)) == "a\tb\tc\n\n"
    assert TsvRenderer(Selection("-1,1,9")).render(*one(*rs)) == "c\ta\t\n\t\t\n"


def test_plain_render_shows_the_split():
    rs = [result("k=v w", (0, 1), (2, 3), (4, 5)), result("   ")]
    assert PlainRenderer().render(*one(*rs)) == f"k{SEPARATOR}v{SEPARATOR}w\n\n"


# ------------------------------------------------------------------ styled
def styles(text):
    return [(s.start, s.end, s.style) for s in text.spans]


def test_styled_text_ranges():
    t = StyledRenderer.text(result(" ab, cd:e ", (1, 3), (5, 7), (8, 9)))
    assert t.plain == " ab, cd:e "
    assert styles(t) == [(0, 1, "logsplit.delim"), (1, 3, "logsplit.field.even"),
                         (3, 5, "logsplit.delim"), (5, 7, "logsplit.field.odd"),
                         (7, 8, "logsplit.delim"), (8, 9, "logsplit.field.even"),
                         (9, 10, "logsplit.delim")]


def test_styled_text_without_fields_and_empty():
    assert styles(StyledRenderer.text(result(" , "))) == [(0, 3, "logsplit.delim")]
    assert styles(StyledRenderer.text(result(""))) == []


def test_styled_control_characters_are_made_visible_one_for_one():
    t = StyledRenderer.text(result("\x1b[1mX\x00\r\t", (2, 4)))
    assert t.plain == "␛[1mX␀␍\t"
    assert styles(t)[1] == (2, 4, "logsplit.field.even")


def test_theme_names():
    assert set(THEME) == {"logsplit.delim", "logsplit.field.even", "logsplit.field.odd"}
    assert THEME["logsplit.field.even"] != THEME["logsplit.field.odd"]


def test_styled_render_emits_ansi_for_delimiters():
    out = StyledRenderer().render(*one(result("a b", (0, 1), (2, 3))))
    assert "\x1b[" in out and out.endswith("\n")
    assert out.replace("\x1b[0m", "").count("a") == 1


def _through_rich(renderer, r):
    """What printing the rich Text of ``r`` through the renderer's console writes."""
    console = renderer._console
    with console.capture() as cap:
        console.print(StyledRenderer.text(r), end="\n")
    return cap.get()


@pytest.mark.parametrize("color_system", ["standard", "256", "truecolor"])
@pytest.mark.parametrize("text, spans", [
    ("a b", [(0, 1), (2, 3)]),
    (" ab, cd:e ", [(1, 3), (5, 7), (8, 9)]),
    ("x,,y", [(0, 1), (2, 2), (3, 4)]),                 # an empty field between delimiters
    ("ruser= rhost=1", [(0, 5), (6, 6), (7, 12), (13, 14)]),
    (" , ", []),
    ("", []),
    ("a\tb", [(0, 1), (2, 3)]),                         # rich expands tabs: so must we
    ("\tx", [(1, 2)]),
    ("ab \t\tc d", [(0, 2), (5, 6), (7, 8)]),
    ("é\t😀\tz 日本語\tq", [(0, 1), (2, 3), (4, 5), (6, 9), (10, 11)]),  # wide characters
    ("tail\t", [(0, 4)]),
    ("\x1b[1mX\x00\r\x7f\x85y", [(2, 4), (8, 9)]),      # controls made visible one for one
])
def test_styled_line_is_what_rich_writes(color_system, text, spans):
    renderer = StyledRenderer(color_system)
    r = result(text, *spans)
    assert renderer.render(*one(r)) == _through_rich(renderer, r)


def test_styled_long_line_is_written_span_by_span():
    text = " ".join(f"k{i}=v{i}" for i in range(60000))  # ~700 kB, 120,000 fields
    spans, pos = [], 0
    for word in text.split(" "):
        k, v = word.split("=")
        spans += [(pos, pos + len(k)), (pos + len(k) + 1, pos + len(word))]
        pos += len(word) + 1
    out = StyledRenderer("standard").render(*one(result(text, *spans)))
    plain = out.replace("\x1b[1;35m", "").replace("\x1b[36m", "").replace("\x1b[0m", "")
    assert plain == text + "\n"
    assert out.count("\x1b[36m") == 60000  # odd fields (the values) in cyan, one code each
