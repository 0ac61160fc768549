"""Message templates: Drain3 mines them over logsplit's fields instead of whitespace tokens.

Drain3 (the ``[templates]`` extra; this is the only module that imports it, and only when a
:class:`Templates` is made) normally splits a line on whitespace, so ``user=alice,`` or
``[pid 42]`` are tokens glued to their punctuation.  Here each of logsplit's fields is one
token: a timestamp with spaces stays one token, ``key=value`` gives a constant ``key`` and a
variable ``value``.  A field holding a digit is a variable before Drain3 sees it
(:data:`~logsplit.defaults.TEMPLATE_DIGIT_FIELDS_VARIABLE`); otherwise Drain3 runs with its
defaults, no configuration.  A template is shown as a line whose variable fields are ``<*>``,
the delimiters kept as they are in the line.

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
                 digits_variable: bool = defaults.TEMPLATE_DIGIT_FIELDS_VARIABLE):
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
        self._first: dict[int, tuple[str, tuple, int, int]] = {}  # id -> example, spans, where

    def tokens(self, text: str, spans) -> list[str]:
        """The tokens Drain3 is given for a line: its fields, digit-holding ones as ``<*>``."""
        fields = [text[s:e] for s, e in spans]
        if self.digits_variable:
            fields = [WILDCARD if any(c.isdigit() for c in f) else f for f in fields]
        return fields

    def add(self, text: str, spans, source: int = 0, line: int = 0) -> tuple[int, str]:
        """Mine one line; returns ``(template_id, template)``: the id of its template (1, 2...
        in order of first appearance) and the template rendered on this line, as it stands
        after this line."""
        spans = tuple(spans)
        result = self._miner.add_log_message(_joined(self.tokens(text, spans)))
        cid = result["cluster_id"]
        if cid not in self._first:
            self._first[cid] = (text, spans, source, line)
        tokens = self._miner.drain.id_to_cluster[cid].log_template_tokens
        return cid, render_template(text, spans, tokens)

    def is_new(self, template_id: int) -> bool:
        """Whether the last :meth:`add` created this template (its cluster holds one line)."""
        return self._miner.drain.id_to_cluster[template_id].size == 1

    def cluster_tokens(self, template_id: int) -> tuple[str, ...]:
        """The template's tokens now (one per field; ``<*>`` for a variable)."""
        return self._miner.drain.id_to_cluster[template_id].log_template_tokens

    def summary(self) -> list[Template]:
        """Every template, most frequent first (ties: first seen first), rendered on its
        first line with its final tokens."""
        out = []
        for c in self._miner.drain.clusters:
            text, spans, source, line = self._first[c.cluster_id]
            out.append(Template(c.cluster_id, c.size,
                                render_template(text, spans, c.log_template_tokens),
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
