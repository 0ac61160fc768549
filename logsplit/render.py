"""Turn results into output text: JSON Lines, TSV, selected fields, plain or styled lines.

Every renderer maps a :class:`~logsplit.batching.Batch` and its results to one string (the CLI
writes and flushes it once per batch).  The JSON Lines schema is a contract (docs/CLI.md):

    {"line": N, "text": ..., "fields": [...], "spans": [[start, end], ...],
     "pairs": [[key_index, value_index], ...]}

with ``"file"`` first when several inputs are given.  ``rich`` is imported only by
:class:`StyledRenderer`, so machine-readable output never pays for it.

>>> from logsplit.batching import Batch
>>> from logsplit.splitter import Result, Layout
>>> JsonRenderer().render(Batch(["a b"], [(0, 1, 1)]), [Result("a b", Layout((0, 1, 2, 3)))])
'{"line": 1, "text": "a b", "fields": ["a", "b"], "spans": [[0, 1], [2, 3]], "pairs": []}\\n'
"""
from __future__ import annotations

import re
from json.encoder import encode_basestring  # the C string encoder behind ensure_ascii=False

from .errors import UsageError

#: Joins the fields of a line in plain (uncoloured) output.
SEPARATOR = " ¦ "

#: rich theme: delimiters stand out; fields alternate between two quiet styles.
THEME = {
    "logsplit.delim": "bold magenta",
    "logsplit.field.even": "none",
    "logsplit.field.odd": "cyan",
}


def _lines(batch, results):
    """(source, line number, result) of each line of a batch."""
    i = 0
    for source, first, count in batch.pieces:
        for k in range(count):
            yield source, first + k, results[i]
            i += 1


def _pairs_json(pairs) -> str:
    """Key/value pairs as JSON text: ``[[0, 1], [2, 3]]``."""
    if not pairs:
        return "[]"
    return "[" + ", ".join("[%d, %d]" % p for p in pairs) + "]"


class JsonRenderer:
    """JSON Lines, one object per input line; ``names`` (one per source) adds a ``"file"`` key."""

    def __init__(self, names: list[str] | None = None):
        self.names = [encode_basestring(n) for n in names] if names is not None else None

    def render(self, batch, results) -> str:
        enc = encode_basestring
        out = []
        append = out.append
        names = self.names
        i = 0
        for source, first, count in batch.pieces:
            prefix = '{"file": %s, "line": ' % names[source] if names is not None else '{"line": '
            for n in range(first, first + count):
                r = results[i]
                i += 1
                t = r.text
                lay = r.layout
                et = enc(t)
                if lay.flat:
                    fields = lay.fields(t)
                    if len(et) == len(t) + 2:  # nothing escaped in the line: nor in its fields
                        fj = '["' + '", "'.join(fields) + '"]'
                    else:
                        fj = "[" + ", ".join(map(enc, fields)) + "]"
                    pj = _pairs_json(lay.pairs(t))
                    append(f'{prefix}{n}, "text": {et}, "fields": {fj}, '
                           f'"spans": {lay.spans_json}, "pairs": {pj}}}\n')
                else:
                    append(f'{prefix}{n}, "text": {et}, "fields": [], "spans": [], '
                           f'"pairs": []}}\n')
        return "".join(out)


class Selection:
    """A ``-f`` field list like cut's: ``1,3-5,7-`` (1-based); negatives count from the end.

    >>> Selection("2,-1").pick(["a", "b", "c"])
    ['b', 'c']
    >>> Selection("3-4").pick(["a", "b", "c"])     # a missing field prints empty
    ['c', '']
    >>> Selection("2-").pick(["a", "b", "c"])
    ['b', 'c']

    An item that is not a number or a range is a key name: the value of that key
    (:mod:`logsplit.pairs`), empty where the line lacks it; ``has_names`` says whether any is.

    >>> Selection("status,1,time").pick(["status", "200", "x"], [(0, 1)])
    ['200', 'status', '']
    """

    _ITEM = re.compile(r"^\s*(-?\d+)?\s*(?:(-)\s*(-?\d+)?)?\s*$")

    def __init__(self, spec: str):
        self.spec = spec
        self.items: list[tuple[int, int | None, bool]] = []  # (first, last, is_range)
        for part in spec.split(","):
            m = self._ITEM.match(part)
            if m is None and part.strip() and part.strip("0123456789+-. \t"):
                self.items.append((part.strip(), None, None))  # a key name
                continue
            if not part.strip() or m is None or (m.group(1) is None and m.group(3) is None):
                raise UsageError(f"invalid field list {spec!r}: bad item {part!r}")
            a, dash, b = m.group(1), m.group(2), m.group(3)
            first = int(a) if a is not None else 1
            if dash is None:
                self.items.append((first, first, False))
                continue
            last = int(b) if b is not None else None
            if first == 0 or last == 0:
                raise UsageError(f"invalid field list {spec!r}: fields are numbered from 1")
            if last is not None and first > 0 and last > 0 and last < first:
                raise UsageError(f"invalid field list {spec!r}: decreasing range {part.strip()!r}")
            self.items.append((first, last, True))
        if any(f == 0 for f, _, _ in self.items):
            raise UsageError(f"invalid field list {spec!r}: fields are numbered from 1")
        self.has_names = any(r is None for _, _, r in self.items)

    def pick(self, fields: list[str], pairs=()) -> list[str]:
        """The selected fields of one line, in selection order; absent single fields are ''.
        ``pairs`` (key index, value index) serve the key names (the first pair of a key)."""
        n = len(fields)
        out = []
        values = None
        for first, last, is_range in self.items:
            if is_range is None:
                if values is None:
                    values = {}
                    for k, v in pairs:
                        values.setdefault(fields[k], fields[v])
                out.append(values.get(first, ""))
                continue
            if not is_range:
                i = first - 1 if first > 0 else n + first
                out.append(fields[i] if 0 <= i < n else "")
                continue
            lo = first - 1 if first > 0 else n + first
            hi = n - 1 if last is None else (last - 1 if last > 0 else n + last)
            if first > 0 and last is not None and last > 0:
                # a closed positive range has fixed columns: missing ones print empty
                out.extend(fields[i] if i < n else "" for i in range(lo, hi + 1))
            else:
                out.extend(fields[max(lo, 0):max(hi + 1, 0)])
        return out


class TsvRenderer:
    """Fields separated by tabs: all of them, or those of a :class:`Selection`."""

    def __init__(self, selection: Selection | None = None):
        self.selection = selection

    def render(self, batch, results) -> str:
        pick = self.selection.pick if self.selection is not None else None
        names = pick is not None and self.selection.has_names
        out = []
        for r in results:
            fields = r.layout.fields(r.text)
            if names:
                out.append("\t".join(pick(fields, r.layout.pairs(r.text))))
                continue
            out.append("\t".join(pick(fields) if pick else fields))
        out.append("")
        return "\n".join(out)


class MarkedRenderer:
    """Each line with its fields marked inline, ``⟦…⟧`` (``⟦⟧``: an empty field), the format a
    user corrects in an editor and ``logsplit-train`` reads back (:mod:`logsplit.marked`).

    The text is written as it is (no control character made visible): the marked line minus its
    marks must be the line itself.

    >>> from logsplit.splitter import Result, Layout
    >>> MarkedRenderer().render(None, [Result("a=1", Layout((0, 1, 2, 3)))])
    '⟦a⟧=⟦1⟧\\n'
    """

    def render(self, batch, results) -> str:
        from .marked import format_marked

        out = [format_marked(r.text, r.spans) for r in results]
        out.append("")
        return "\n".join(out)


class PlainRenderer:
    """Uncoloured human output: the fields of each line joined by :data:`SEPARATOR`."""

    def __init__(self, separator: str = SEPARATOR):
        self.separator = separator

    def render(self, batch, results) -> str:
        sep = self.separator
        out = [sep.join(r.layout.fields(r.text)) for r in results]
        out.append("")
        return "\n".join(out)


# Control characters would drive the terminal (an ESC in a log line can recolour or move the
# cursor), so styled output shows them as their visible Control Pictures, one for one (offsets
# and styles stay aligned with the original line).
_VISIBLE = {c: 0x2400 + c for c in range(32) if c != 9}
_VISIBLE[0x7F] = 0x2421
_VISIBLE.update({c: 0xFFFD for c in range(0x80, 0xA0)})


def _runs(line: str, spans):
    """(text, style name) of each non-empty run of a styled line, in order: delimiter runs and
    fields, the fields alternating between the even and the odd style.

    >>> list(_runs("a, b", ((0, 1), (3, 4))))
    [('a', 'logsplit.field.even'), (', ', 'logsplit.delim'), ('b', 'logsplit.field.odd')]
    """
    pos = 0
    for k, (s, e) in enumerate(spans):
        if s > pos:
            yield line[pos:s], "logsplit.delim"
        if e > s:
            yield line[s:e], "logsplit.field.odd" if k % 2 else "logsplit.field.even"
        pos = e
    if pos < len(line):
        yield line[pos:], "logsplit.delim"


class StyledRenderer:
    """The original line with delimiters highlighted and fields in alternating styles (rich).

    ``color_system`` is passed to rich (None lets rich detect it from the environment).
    """

    def __init__(self, color_system: str | None = "auto"):
        from rich.console import Console
        from rich.theme import Theme

        self._console = Console(theme=Theme(THEME), force_terminal=True, no_color=False,
                                color_system=color_system, highlight=False, markup=False,
                                emoji=False, soft_wrap=True, width=1 << 20, legacy_windows=False)

    @staticmethod
    def text(result):
        """A rich Text of the line: named styles over delimiter runs and alternating fields.

        >>> from logsplit.splitter import Result, Layout
        >>> t = StyledRenderer.text(Result("a, b", Layout((0, 1, 3, 4))))
        >>> [(s.start, s.end, s.style) for s in t.spans]
        [(0, 1, 'logsplit.field.even'), (1, 3, 'logsplit.delim'), (3, 4, 'logsplit.field.odd')]
        """
        from rich.text import Span, Text

        line = result.text.translate(_VISIBLE)
        spans = []
        pos = 0
        for k, (s, e) in enumerate(result.spans):
            if s > pos:
                spans.append(Span(pos, s, "logsplit.delim"))
            spans.append(Span(s, e, "logsplit.field.odd" if k % 2 else "logsplit.field.even"))
            pos = e
        if pos < len(line):
            spans.append(Span(pos, len(line), "logsplit.delim"))
        text = Text(line, end="")
        text.spans[:] = spans
        return text

    def _codes(self) -> dict:
        """Per style name, the (before, after) escape codes this console writes around text.

        Taken from the console itself (one probe per style), so the direct writer emits what rich
        would for the same colour system.
        """
        codes = getattr(self, "_style_codes", None)
        if codes is None:
            from rich.text import Text

            codes = {}
            console = self._console
            for name in THEME:
                with console.capture() as cap:
                    console.print(Text("\x00x\x00", style=name, end=""), end="")
                before, _, after = cap.get().partition("\x00x\x00")
                codes[name] = (before, after)
            self._style_codes = codes
        return codes

    def line(self, result) -> str:
        """The styled line as text with escape codes, written span by span without rich: the
        same output as printing :meth:`text` through rich (tabs expanded to the next multiple of
        8 columns as rich does), in time and memory proportional to the line.

        >>> StyledRenderer("standard").line(Result("a, b", Layout((0, 1, 3, 4))))  # doctest: +SKIP
        'a\\x1b[1;35m, \\x1b[0m\\x1b[36mb\\x1b[0m'
        """
        codes = self._codes()
        line = result.text.translate(_VISIBLE)
        if "\t" in line:
            return self._line_with_tabs(line, result.spans, codes)
        return "".join(codes[name][0] + text + codes[name][1]
                       for text, name in _runs(line, result.spans))

    @staticmethod
    def _line_with_tabs(line: str, spans, codes) -> str:
        """:meth:`line` for a line holding tabs: each tab becomes the spaces up to the next
        multiple of 8 terminal columns (rich's ``expand_tabs``), in the tab's delimiter style."""
        from rich.cells import cell_len

        out = []
        column = 0
        for text, name in _runs(line, spans):
            b, a = codes[name]
            if "\t" not in text:
                column += cell_len(text)
                out.append(b + text + a)
                continue
            parts = text.split("\t")  # rich writes each tab-ended part as its own segment
            for part in parts[:-1]:
                column += cell_len(part) + 1
                rest = column % 8
                if rest:
                    column += 8 - rest
                out.append(b + part + " " * (1 + (8 - rest if rest else 0)) + a)
            if parts[-1]:
                column += cell_len(parts[-1])
                out.append(b + parts[-1] + a)
        return "".join(out)

    def render(self, batch, results) -> str:
        line = self.line
        out = [line(r) for r in results]
        out.append("")
        return "\n".join(out)
