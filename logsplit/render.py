"""Turn results into output text: JSON Lines, TSV, selected fields, plain or styled lines.

Every renderer maps a :class:`~logsplit.batching.Batch` and its results to one string (the CLI
writes and flushes it once per batch).  The JSON Lines schema is a contract (docs/CLI.md):

    {"line": N, "text": ..., "fields": [...], "spans": [[start, end], ...]}

with ``"file"`` first when several inputs are given.  ``rich`` is imported only by
:class:`StyledRenderer`, so machine-readable output never pays for it.

>>> from logsplit.batching import Batch
>>> from logsplit.splitter import Result, Layout
>>> JsonRenderer().render(Batch(["a b"], [(0, 1, 1)]), [Result("a b", Layout((0, 1, 2, 3)))])
'{"line": 1, "text": "a b", "fields": ["a", "b"], "spans": [[0, 1], [2, 3]]}\\n'
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
                    append(f'{prefix}{n}, "text": {et}, "fields": {fj}, '
                           f'"spans": {lay.spans_json}}}\n')
                else:
                    append(f'{prefix}{n}, "text": {et}, "fields": [], "spans": []}}\n')
        return "".join(out)


class Selection:
    """A ``-f`` field list like cut's: ``1,3-5,7-`` (1-based); negatives count from the end.

    >>> Selection("2,-1").pick(["a", "b", "c"])
    ['b', 'c']
    >>> Selection("3-4").pick(["a", "b", "c"])     # a missing field prints empty
    ['c', '']
    >>> Selection("2-").pick(["a", "b", "c"])
    ['b', 'c']
    """

    _ITEM = re.compile(r"^\s*(-?\d+)?\s*(?:(-)\s*(-?\d+)?)?\s*$")

    def __init__(self, spec: str):
        self.spec = spec
        self.items: list[tuple[int, int | None, bool]] = []  # (first, last, is_range)
        for part in spec.split(","):
            m = self._ITEM.match(part)
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

    def pick(self, fields: list[str]) -> list[str]:
        """The selected fields of one line, in selection order; absent single fields are ''."""
        n = len(fields)
        out = []
        for first, last, is_range in self.items:
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
        out = []
        for r in results:
            fields = r.layout.fields(r.text)
            out.append("\t".join(pick(fields) if pick else fields))
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

    def render(self, batch, results) -> str:
        console = self._console
        with console.capture() as cap:
            for r in results:
                console.print(self.text(r), end="\n")
        return cap.get()
