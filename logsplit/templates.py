"""Message templates: Drain3 mines them over logsplit's fields instead of whitespace tokens.

Drain3 (the ``[templates]`` extra; this is the only module that imports it, and only when a
:class:`Templates` is made) normally splits a line on whitespace, so ``user=alice,`` or
``[pid 42]`` are tokens glued to their punctuation.  Here each of logsplit's fields is one
token: a timestamp with spaces stays one token, ``key=value`` gives a constant ``key`` and a
variable ``value``.  A field holding a digit is a variable before Drain3 sees it
(:data:`~logsplit.defaults.TEMPLATE_DIGIT_FIELDS_VARIABLE`).  Two more steps, both without
configuration, stand in for the per-system header format and masking the Loghub benchmark
gives Drain by hand:

* the line's *header* (timestamp, host, level, component) is found from its delimiters
  (:func:`message_start`) and left out of mining, so lines of one log that share a host and a
  program are not drawn together by them; the header is still shown, its fields ``<*>`` where
  they differ between the template's lines;
* an empty pair of brackets in the message is a slot holding one variable (:func:`slots`).

Otherwise Drain3 runs with its defaults.  A template is shown as a line whose variable fields
are ``<*>``, the delimiters kept as they are in the line.

Streaming: templates are mined one line at a time, so a template's id is known as soon as its
first line arrives (``tail -f | logsplit --templates`` prints each new template then); a
template may still generalise later (a field that differs becomes ``<*>``), and the summary
shows each template as it is at the end.

>>> t = Templates()                                           # doctest: +SKIP
>>> t.add("user alice logged in", ((0, 4), (5, 10), (11, 17), (18, 20)))[0]  # doctest: +SKIP
1
>>> t.add("user bob logged in", ((0, 4), (5, 8), (9, 15), (16, 18)))[0]      # doctest: +SKIP
1
>>> t.summary()[0].template                                   # doctest: +SKIP
'user <*> logged in'
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

from . import defaults
from .errors import TemplatesUnavailable

#: What Drain3 calls a variable token (its default parameter string).
WILDCARD = "<*>"
#: Joins the fields of a line into the text given to Drain3.  Control characters are always
#: delimiters (labeling rule 6), so no field can contain it: splitting on it gives back the
#: fields exactly, empty fields included.
SEP = "\x1f"


def _tokens_of(content: str) -> list[str]:
    """Drain3's tokeniser replaced: the fields joined by :func:`_joined`, split back."""
    return content.split(SEP)[1:]


def _joined(tokens) -> str:
    """``SEP`` before every token, so no fields and one empty field stay distinct."""
    return "".join(SEP + t for t in tokens)


def render_template(text: str, spans, tokens) -> str:
    """The line with each field whose template token is ``<*>`` replaced by ``<*>``.

    >>> render_template("took 12 ms", ((0, 4), (5, 7), (8, 10)), ("took", "<*>", "ms"))
    'took <*> ms'
    """
    out = []
    pos = 0
    for (s, e), tok in zip(spans, tokens):
        if tok == WILDCARD:
            out.append(text[pos:s])
            out.append(WILDCARD)
            pos = e
    out.append(text[pos:])
    return "".join(out)


#: A delimiter that ends a line's header: `: ` (syslog, log4j ``%c: %m``), ` - ` (Python logging,
#: log4j ``%c - %m``), ` | ` (loguru), or a `] ` right after the field (``[notice] msg``).
HEADER_END = re.compile(r":\s|\s-\s|\s\|\s|^\]\s")
#: Level words (and Android's one-letter levels): when one stands among the first fields, the
#: header ends after it, not at a `: ` or ` - ` before it (Zookeeper's ``ts - INFO [..] - msg``).
LEVEL_WORDS = frozenset(
    w for base in ("TRACE", "DEBUG", "INFO", "NOTICE", "WARN", "WARNING", "ERROR", "ERR",
                   "SEVERE", "FATAL", "CRITICAL", "CRIT", "ALERT", "EMERG")
    for w in (base, base.lower(), base.capitalize())) | frozenset("VDIWEF")
_EMPTY_BRACKETS = re.compile(r"\(\)|\[\]|\{\}")


def message_start(text: str, spans, header_fields: int = defaults.TEMPLATE_HEADER_FIELDS,
                  level_fields: int = defaults.TEMPLATE_LEVEL_FIELDS) -> int:
    """The index of the line's first message field: the fields before it are the header
    (0 when no header end is found among the first ``header_fields`` fields).

    >>> text = "Dec 10 06:55:46 LabSZ sshd[24200]: Failed password for root"
    >>> spans = ((0, 15), (16, 21), (22, 26), (27, 32), (35, 41), (42, 50), (51, 54), (55, 59))
    >>> message_start(text, spans)
    4
    >>> t = "2015-07-29 17:41:44,747 - INFO  [main:QuorumPeer@913] - LOOKING"
    >>> message_start(t, ((0, 23), (26, 30), (33, 37), (38, 48), (49, 52), (56, 63)))
    5
    """
    n = len(spans)
    first = 0
    for i in range(min(n, level_fields)):
        s, e = spans[i]
        if text[s:e] in LEVEL_WORDS:
            first = i
            break
    for i in range(first, min(n - 1, header_fields)):
        if HEADER_END.search(text[spans[i][1]:spans[i + 1][0]]):
            return i + 1
    return 0


def slots(text: str, spans, end: int | None = None) -> list[tuple[int, int]]:
    """``spans`` with a zero-length slot inside each empty pair of brackets that stands between
    them or after the last (up to ``end``, default the line's end): ``()`` keeps the place of
    its absent value.

    >>> slots("from 10.0.0.1 () at 10:00", ((0, 4), (5, 13), (18, 20), (21, 26)))
    [(0, 4), (5, 13), (15, 15), (18, 20), (21, 26)]
    """
    out = []
    prev = spans[0][0] if spans else 0
    for s, e in list(spans) + [(len(text) if end is None else end, None)]:
        for m in _EMPTY_BRACKETS.finditer(text, prev, s):
            out.append((m.start() + 1, m.start() + 1))
        if e is None:
            break
        out.append((s, e))
        prev = e
    return out


@dataclass
class Template:
    """One template of the summary: its id, how many lines it holds, its text, the first line
    that made it (``example``) and where that line was (``source`` index, 1-based ``line``)."""

    template_id: int
    count: int
    template: str
    example: str
    source: int
    line: int


class Templates:
    """A template miner over split lines: :meth:`add` each line's text and spans, in order.

    Raises :class:`~logsplit.errors.TemplatesUnavailable` when Drain3 is not installed.

    >>> t = Templates()                                                   # doctest: +SKIP
    >>> t.add("took 12 ms", ((0, 4), (5, 7), (8, 10)))                    # doctest: +SKIP
    (1, 'took <*> ms')
    """

    def __init__(self, sim_th: float = defaults.TEMPLATE_SIM_TH,
                 depth: int = defaults.TEMPLATE_DEPTH,
                 digits_variable: bool = defaults.TEMPLATE_DIGIT_FIELDS_VARIABLE,
                 header: bool = True,
                 bracket_slots: bool = defaults.TEMPLATE_EMPTY_BRACKET_SLOTS):
        try:
            from drain3 import TemplateMiner
            from drain3.template_miner_config import TemplateMinerConfig
        except ImportError:
            raise TemplatesUnavailable() from None
        config = TemplateMinerConfig()  # defaults; no drain3.ini is read
        config.drain_sim_th = sim_th
        config.drain_depth = depth
        self._miner = TemplateMiner(config=config)
        # Drain3's tokeniser (strip, then split on whitespace) replaced by the fields
        self._miner.drain.get_content_as_tokens = _tokens_of
        self.digits_variable = digits_variable
        self.header = header
        self.bracket_slots = bracket_slots
        self._first: dict[int, tuple[str, tuple, int, int]] = {}  # id -> example, spans, where
        self._head: dict[int, list[str] | None] = {}  # id -> header tokens (None: ragged)

    def tokens(self, text: str, spans) -> list[str]:
        """The tokens of fields: the fields, digit-holding ones (and slots) as ``<*>``."""
        fields = [text[s:e] for s, e in spans]
        if self.digits_variable:
            fields = [WILDCARD if any(c.isdigit() for c in f) else f for f in fields]
        return [WILDCARD if s == e and text[s - 1:s + 1] in ("()", "[]", "{}") else f
                for f, (s, e) in zip(fields, spans)]

    def split(self, text: str, spans) -> tuple[list, list]:
        """The line's header spans and its message spans (with bracket slots) as mined."""
        spans = [tuple(sp) for sp in spans]
        k = message_start(text, spans) if self.header else 0
        body = spans[k:]
        if self.bracket_slots:
            body = slots(text, body)
        return spans[:k], self._runs(text, body)

    def _runs(self, text: str, body: list) -> list:
        """Variable fields separated by blanks only join into one span (a list of ids of any
        length is one variable: ``delete blk_1 blk_2 blk_3``)."""
        if not self.digits_variable:
            return body
        out = []
        var_prev = False
        for s, e in body:
            var = s < e and any(c.isdigit() for c in text[s:e])
            if var and var_prev and not text[out[-1][1]:s].strip():
                out[-1] = (out[-1][0], e)
            else:
                out.append((s, e))
            var_prev = var
        return out

    def add(self, text: str, spans, source: int = 0, line: int = 0) -> tuple[int, str]:
        """Mine one line; returns ``(template_id, template)``: the id of its template (1, 2...
        in order of first appearance) and the template rendered on this line, as it stands
        after this line."""
        spans = tuple(spans)
        head, body = self.split(text, spans)
        result = self._miner.add_log_message(_joined(self.tokens(text, body)))
        cid = result["cluster_id"]
        htok = self.tokens(text, head)
        if cid not in self._first:
            self._first[cid] = (text, spans, source, line)
            self._head[cid] = htok
        else:
            known = self._head[cid]
            if known is not None:
                self._head[cid] = ([a if a == b else WILDCARD for a, b in zip(known, htok)]
                                   if len(known) == len(htok) else None)
        return cid, render_template(text, *self._parts(head, body, cid))

    def parts(self, text: str, spans, template_id: int) -> tuple[list, list]:
        """The spans of a line (header fields, message fields, slots) and the template's token
        for each, as the template stands now: ``<*>`` marks a variable."""
        return self._parts(*self.split(text, spans), template_id)

    def _parts(self, head: list, body: list, template_id: int) -> tuple[list, list]:
        known = self._head.get(template_id)
        htok = known if known is not None and len(known) == len(head) else [WILDCARD] * len(head)
        btok = list(self._miner.drain.id_to_cluster[template_id].log_template_tokens)
        if len(btok) != len(body):               # another line's shape: every field variable
            btok = [WILDCARD] * len(body)
        return head + body, list(htok) + btok

    def is_new(self, template_id: int) -> bool:
        """Whether the last :meth:`add` created this template (its cluster holds one line)."""
        return self._miner.drain.id_to_cluster[template_id].size == 1

    def summary(self) -> list[Template]:
        """Every template, most frequent first (ties: first seen first), rendered on its
        first line with its final tokens."""
        out = []
        for c in self._miner.drain.clusters:
            text, spans, source, line = self._first[c.cluster_id]
            out.append(Template(c.cluster_id, c.size,
                                render_template(text, *self.parts(text, spans, c.cluster_id)),
                                text, source, line))
        out.sort(key=lambda t: (-t.count, t.template_id))
        return out


def _pieces(batch):
    """(source, line number) of each line of a batch, in order."""
    for source, first, count in batch.pieces:
        for n in range(first, first + count):
            yield source, n


def _dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False) + "\n"


class SummaryRenderer:
    """``--templates``: nothing per line; :meth:`finish` gives the summary at the end.

    With ``live`` (the input is a stream), each template is also printed when its first line
    arrives: ``+ ID  TEMPLATE`` (with ``as_json`` an object with ``"new": true``).  ``names``
    (one per source, when there are several) adds the example's file.
    """

    def __init__(self, as_json: bool = False, live: bool = False,
                 names: list[str] | None = None, templates: Templates | None = None):
        self.templates = templates if templates is not None else Templates()
        self.as_json = as_json
        self.live = live
        self.names = names

    def _where(self, source: int, line: int) -> dict:
        where = {"file": self.names[source]} if self.names is not None else {}
        where["line"] = line
        return where

    def render(self, batch, results) -> str:
        add, is_new = self.templates.add, self.templates.is_new
        out = []
        for (source, n), r in zip(_pieces(batch), results):
            cid, template = add(r.text, r.spans, source, n)
            if self.live and is_new(cid):
                if self.as_json:
                    out.append(_dumps({"new": True, "template_id": cid, "template": template,
                                       "example": r.text, **self._where(source, n)}))
                else:
                    out.append(f"+ {cid}  {template}\n")
        return "".join(out)

    def finish(self) -> str:
        """The summary: one row (or JSON object) per template, most frequent first."""
        summary = self.templates.summary()
        if self.as_json:
            return "".join(_dumps({"template_id": t.template_id, "count": t.count,
                                   "template": t.template, "example": t.example,
                                   **self._where(t.source, t.line)}) for t in summary)
        if not summary:
            return ""
        wc = max(5, len(str(summary[0].count)))
        wi = max(2, max(len(str(t.template_id)) for t in summary))
        lines = [f"{'count':>{wc}}  {'id':>{wi}}  template"]
        for t in summary:
            lines.append(f"{t.count:>{wc}}  {t.template_id:>{wi}}  {t.template}")
            lines.append(f"{'':>{wc}}  {'':>{wi}}  e.g. {t.example}")
        return "\n".join(lines) + "\n"


class WithTemplatesRenderer:
    """``--json --with-templates``: the JSON Lines of ``inner`` (a JsonRenderer) with
    ``"template"`` and ``"template_id"`` added last to each object (the template as it stands
    when the line is printed)."""

    def __init__(self, inner, templates: Templates | None = None):
        self.inner = inner
        self.templates = templates if templates is not None else Templates()

    def render(self, batch, results) -> str:
        text = self.inner.render(batch, results)
        objs = text.split("\n")
        add = self.templates.add
        out = []
        for obj, (source, n), r in zip(objs, _pieces(batch), results):
            cid, template = add(r.text, r.spans, source, n)
            out.append(f'{obj[:-1]}, "template": {json.dumps(template, ensure_ascii=False)}, '
                       f'"template_id": {cid}}}\n')
        return "".join(out)
