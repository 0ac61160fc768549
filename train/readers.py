"""Readers for labeled training data: JSON Lines, character labels and Loghub structured CSVs.

Every reader returns a list of :class:`~logsplit_train.sample.Sample`.  Malformed input is a
:class:`DataError` naming the file and line (``data/x.jsonl:12: spans overlap``), never a
traceback.  With ``strict=False`` malformed records are skipped and counted in ``stats``
(``{"skipped": n, "reasons": {reason: n}}``) instead.

Formats (``docs/LABELING.md`` part 3):

* JSON Lines ``{"text": "...", "spans": [[start, end], ...]}``: code-point offsets of the fields,
  sorted, not overlapping, non-empty spans not touching.  A zero-length span ``[p, p]`` is an
  empty field: accepted only where :func:`logsplit.fieldspans.empty_positions` derives one from
  the delimiters (``a,,c``, ``ruser=``, ``""``), since the character labels cannot express any
  other; an implied empty field left out is derived anyway.  Other keys are ignored, except
  that ``"fields"``, when present, must equal the text slices, so the output of
  ``logsplit --json`` can be corrected by hand and fed back.
* Character labels ``TEXT<TAB>LABELS``, one ``O``/``D`` per character of TEXT (split at the last
  tab: TEXT may contain tabs).
* Loghub ``X_structured.csv`` beside its raw ``X``: each header column is a field (a timestamp
  made of several columns is one field), everything else is labeled by
  :mod:`logsplit_train.convention`.  A header value that is only a placeholder (``-``) is a
  field too (product rule 8); control characters are delimiters whatever the CSV says.
  Lines whose header, content or event template cannot be located in the raw line are data
  quirks: skipped and counted, never an error.

>>> import tempfile, os
>>> d = tempfile.mkdtemp(); p = os.path.join(d, "x.tsv")
>>> _ = open(p, "w").write("a=1\\tODO\\n")
>>> [(s.text, s.fields) for s in read_path(p)]
[('a=1', ['a', '1'])]
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path

import numpy as np

from logsplit.fieldspans import empty_positions, force_controls, has_controls
from logsplit.vocab import labels_to_mask, mask_to_spans, spans_to_mask

from .convention import label_text
from .sample import Sample

__all__ = ["DataError", "read_jsonl", "read_char_labels", "read_marked", "read_loghub", "read_path",
           "LOGHUB_SYSTEMS", "new_stats"]


class DataError(Exception):
    """Malformed training data: ``path:line: reason`` (``line`` may be None)."""

    def __init__(self, path, line: int | None, reason: str, kind: str | None = None):
        self.path = str(path)
        self.line = line
        self.reason = reason
        #: short reason without specifics, the key under which non-strict mode counts it
        self.kind = kind or reason
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {reason}")


def new_stats() -> dict:
    return {"skipped": 0, "reasons": {}}


def _count(stats: dict | None, kind: str, n: int = 1, example: str | None = None):
    if stats is None:
        return
    stats["skipped"] = stats.get("skipped", 0) + n
    reasons = stats.setdefault("reasons", {})
    reasons[kind] = reasons.get(kind, 0) + n
    if example is not None:
        ex = stats.setdefault("examples", [])
        if len(ex) < 20:
            ex.append(example)


def _handle(err: DataError, strict: bool, stats: dict | None):
    """Raise in strict mode, otherwise count the malformed record and go on."""
    if strict:
        raise err
    _count(stats, err.kind, example=str(err))


# ----------------------------------------------------------------------------- raw lines
def _read_bytes(path) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read()
    except IsADirectoryError:
        raise DataError(path, None, "is a directory, expected a file") from None
    except FileNotFoundError:
        raise DataError(path, None, "no such file") from None
    except PermissionError:
        raise DataError(path, None, "permission denied") from None
    except OSError as e:
        raise DataError(path, None, f"cannot read: {e.strerror or e}") from None


def _split_lines(data: bytes) -> list[bytes]:
    """Lines split at ``\\n``; a final newline does not start a line; one trailing ``\\r`` is
    not part of a line (the convention of the Loghub scorer)."""
    lines = data.split(b"\n")
    if data.endswith(b"\n"):
        lines.pop()
    return [l[:-1] if l.endswith(b"\r") else l for l in lines]


def _decode(raw: bytes, path, lineno: int) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise DataError(path, lineno, f"not valid UTF-8 (byte 0x{raw[e.start]:02x} at byte "
                        f"{e.start + 1} of the line)", kind="not valid UTF-8") from None
    if lineno == 1 and text.startswith("\ufeff"):
        text = text[1:]
    return text


def _lines(path, strict: bool, stats: dict | None):
    """(line number, text) of the non-blank lines of a UTF-8 file."""
    for i, raw in enumerate(_split_lines(_read_bytes(path)), 1):
        try:
            text = _decode(raw, path, i)
        except DataError as e:
            _handle(e, strict, stats)
            continue
        if text.strip():
            yield i, text


# ----------------------------------------------------------------------------- JSON Lines
def _is_int(x) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def _parse_jsonl_record(line: str, path, lineno: int, source: str) -> Sample:
    def bad(reason, kind=None):
        return DataError(path, lineno, reason, kind)

    try:
        obj = json.loads(line)
    except ValueError as e:
        msg = getattr(e, "msg", str(e))
        col = getattr(e, "colno", None)
        raise bad(f"bad JSON: {msg}" + (f" (column {col})" if col else ""), "bad JSON") from None
    if not isinstance(obj, dict):
        raise bad(f"expected a JSON object, got {type(obj).__name__}", "not a JSON object")
    if "text" not in obj:
        raise bad('no "text" key', 'no "text"')
    text = obj["text"]
    if not isinstance(text, str):
        raise bad(f'"text" must be a string, got {type(text).__name__}', '"text" not a string')
    if "spans" not in obj:
        raise bad('no "spans" key', 'no "spans"')
    spans = obj["spans"]
    if not isinstance(spans, list):
        raise bad(f'"spans" must be a list of [start, end] pairs, got {type(spans).__name__}',
                  '"spans" not a list')
    n = len(text)
    prev = None
    for k, sp in enumerate(spans):
        if not (isinstance(sp, (list, tuple)) and len(sp) == 2 and _is_int(sp[0]) and _is_int(sp[1])):
            raise bad(f"span {k + 1} is not a [start, end] pair of integers: {json.dumps(sp)}",
                      "span not an integer pair")
        s, e = sp
        if not (0 <= s <= e <= n):
            raise bad(f"span {k + 1} [{s}, {e}] is out of range (text has {n} characters)",
                      "span out of range")
        if prev is not None:
            ps, pe = prev
            if s < ps or (s == ps == pe == e):
                what = "not sorted" if s < ps else "repeated"
                raise bad(f"spans {what}: [{s}, {e}] after [{ps}, {pe}]", f"spans {what}")
            if s < pe:
                raise bad(f"spans overlap: [{ps}, {pe}] and [{s}, {e}]", "spans overlap")
            if s == pe and ps < pe and s < e:
                raise bad(f"spans touch: [{ps}, {pe}] and [{s}, {e}] (two fields need a "
                          f"delimiter between them)", "spans touch")
        prev = (s, e)
    if "fields" in obj:
        flds = obj["fields"]
        if not isinstance(flds, list):
            raise bad('"fields" must be a list of strings', '"fields" mismatch')
        if len(flds) != len(spans):
            raise bad(f'{len(flds)} "fields" for {len(spans)} spans', '"fields" mismatch')
        for k, (f, (s, e)) in enumerate(zip(flds, spans)):
            if f != text[s:e]:
                raise bad(f'field {k + 1} is {json.dumps(f)} but span [{s}, {e}] is '
                          f'{json.dumps(text[s:e])}', '"fields" mismatch')
    full = [(s, e) for s, e in spans if s < e]
    mask = spans_to_mask(n, full)
    declared = [s for s, e in spans if s == e]
    if declared:
        derived = set(empty_positions(text, mask))
        for k, (s, e) in enumerate(spans):
            if s == e and s not in derived:
                raise bad(f"span {k + 1} [{s}, {e}] is an empty field where the delimiters "
                          f"imply none (empty fields come from ',,' ';;' '||', empty quotes "
                          f"and 'key=' before a blank: docs/LABELING.md rule 8)",
                          "empty span not implied")
    meta = {"file": str(path), "line": lineno}
    return Sample(text, mask, source, meta, empties=declared or None)


def _read_records(path, parse, strict, stats, source) -> list[Sample]:
    """Parse each non-blank line of a file with ``parse``; malformed ones raise or are counted."""
    source = source if source is not None else Path(path).stem
    out = []
    for lineno, line in _lines(path, strict, stats):
        try:
            s = parse(line, path, lineno, source)
        except DataError as e:
            _handle(e, strict, stats)
            continue
        if not s.text:
            _count(stats, "empty text")
            continue
        out.append(s)
    return out


def read_jsonl(path, strict: bool = True, stats: dict | None = None,
               source: str | None = None) -> list[Sample]:
    """Samples of a JSON Lines file ``{"text": ..., "spans": [[s, e], ...]}`` per line.

    ``source`` defaults to the file's name without extension.  Blank lines are skipped.
    """
    return _read_records(path, _parse_jsonl_record, strict, stats, source)


# ----------------------------------------------------------------------------- character labels
def _parse_char_label_line(line: str, path, lineno: int, source: str) -> Sample:
    tab = line.rfind("\t")
    if tab < 0:
        raise DataError(path, lineno, "no TAB between text and labels", "no TAB")
    text, labels = line[:tab], line[tab + 1:].rstrip(" \r\n")
    if len(labels) != len(text):
        raise DataError(path, lineno, f"{len(labels)} labels for {len(text)} characters",
                        "label count mismatch")
    try:
        mask = labels_to_mask(labels)
    except ValueError as e:
        raise DataError(path, lineno, str(e), "bad label letter") from None
    return Sample(text, mask, source, {"file": str(path), "line": lineno})


def read_char_labels(path, strict: bool = True, stats: dict | None = None,
                     source: str | None = None) -> list[Sample]:
    """Samples of a ``TEXT<TAB>LABELS`` file, one ``O``/``D`` per character of TEXT."""
    return _read_records(path, _parse_char_label_line, strict, stats, source)


# ----------------------------------------------------------------------------- Loghub
META_COLS = ("LineId", "Content", "EventId", "EventTemplate")

#: Per-system header decisions for the Loghub systems.  ``ts``: groups of header columns that
#: make up one timestamp field each (columns of one group are adjacent in the line); ``fix``:
#: a repair of a known Loghub column-split mistake.
LOGHUB_SYSTEMS = {
    "HDFS": dict(ts=[["Date", "Time"]]),                  # 081109 203615
    "Hadoop": dict(ts=[["Date", "Time"]]),                # 2015-10-18 18:01:47,978
    "Spark": dict(ts=[["Date", "Time"]]),                 # 17/06/09 20:10:40
    # Loghub splits "[<thread>:<class>@<line>]" at the FIRST colon, which is wrong whenever the
    # thread name has colons ("QuorumPeer[myid=1]/0:0:0:0:0:0:0:0:2181:FastLeaderElection"):
    # re-split at the LAST colon.
    "Zookeeper": dict(ts=[["Date", "Time"]], fix="zookeeper"),
    "OpenSSH": dict(ts=[["Date", "Day", "Time"]]),        # Dec 10 06:55:46
    "Linux": dict(ts=[["Month", "Date", "Time"]]),        # Jun 14 15:16:01
    "Apache": dict(ts=[["Time"]]),                        # Sun Dec 04 04:47:44 2005
    "Android": dict(ts=[["Date", "Time"]]),               # 03-17 16:13:38.811
    # the other Loghub 2k systems
    "BGL": dict(ts=[["Timestamp"], ["Date"], ["Time"]]),  # epoch, 2005.06.03, 2005-06-03-15.42.50.675872
    "Thunderbird": dict(ts=[["Timestamp"], ["Date"], ["Month", "Day", "Time"]]),
    "HPC": dict(ts=[["Time"]]),                           # epoch
    "Windows": dict(ts=[["Date", "Time"]]),               # 2016-09-28 04:30:30
    "HealthApp": dict(ts=[["Time"]]),                     # 20171223-22:15:29:606
    "Proxifier": dict(ts=[["Time"]]),                     # 10.30 16:49:06
    "OpenStack": dict(ts=[["Date", "Time"]]),             # 2017-05-16 00:00:00.008
    "Mac": dict(ts=[["Month", "Date", "Time"]]),          # Jul  1 09:00:55
}
#: Column names taken for timestamp parts in a system not listed above.
TS_COLUMN_NAMES = {"date", "time", "month", "day", "year", "timestamp", "datetime"}

SKIP_TEMPLATE = "loghub: template does not match"
SKIP_HEADER = "loghub: header not located"
SKIP_CONTENT = "loghub: content not located"
SKIP_NO_ROW = "loghub: raw line without CSV row"
SKIP_NO_LINE = "loghub: CSV row without raw line"
SKIP_ENCODING = "loghub: not valid UTF-8"


def _system_name(csv_path: Path) -> str:
    name = csv_path.name[: -len("_structured.csv")]          # HDFS_2k.log
    name = re.sub(r"\.log$", "", name)
    return re.sub(r"_\d+[kKmM]?$", "", name) or name        # HDFS


def _template_regex(template: str) -> re.Pattern:
    # "<NUM>" is a second placeholder of some templates; adjacent placeholders ("<*><*>") cannot
    # be told apart by matching, so they are one variable.
    t = template.replace("<NUM>", "<*>")
    t = re.sub(r"(?:<\*>)+", "<*>", t)
    parts = t.split("<*>")
    return re.compile("^" + "(.*?)".join(re.escape(p) for p in parts) + "$", re.S)


def _ts_groups(cfg: dict | None, cols: list[str], row: dict) -> list[list[str]]:
    if cfg is not None:
        return [[c for c in g if c in cols] for g in cfg.get("ts", [])]
    groups, cur = [], []
    for c in cols:
        if c.lower() in TS_COLUMN_NAMES:
            # an epoch number is a value of its own, not part of a date beside it
            if c.lower() == "timestamp" and row.get(c, "").isdigit():
                if cur:
                    groups.append(cur)
                groups.append([c])
                cur = []
            else:
                cur.append(c)
        elif cur:
            groups.append(cur)
            cur = []
    if cur:
        groups.append(cur)
    return groups


def _glued(text: str, i: int, j: int) -> bool:
    """Would text[i:j] be glued to a letter/digit before or after it?"""
    before = i > 0 and text[i - 1].isalnum() and text[i].isalnum()
    after = j < len(text) and text[j].isalnum() and text[j - 1].isalnum()
    return before or after


def _locate(text: str, values: list[tuple[str, str]]):
    """Each non-empty (column, value) in order: [(col, start, end)], end position; or None.
    An occurrence not glued to a neighbouring letter or digit is preferred."""
    pos, out = 0, []
    for col, v in values:
        if not v:
            continue
        i = text.find(v, pos)
        first = i
        while i >= 0 and _glued(text, i, i + len(v)):
            i = text.find(v, i + 1)
        if i < 0:
            i = first
        if i < 0:
            return None, col
        out.append((col, i, i + len(v)))
        pos = i + len(v)
    return out, pos


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


class _Labeler:
    """Labels the lines of one Loghub system."""

    def __init__(self, system: str, cols: list[str]):
        self.system = system
        self.cols = cols
        self.cfg = LOGHUB_SYSTEMS.get(system)
        self.rx_cache: dict[str, re.Pattern] = {}

    def header_values(self, row: dict) -> list[tuple[str, str]]:
        values = [(c, row.get(c) or "") for c in self.cols]
        if self.cfg and self.cfg.get("fix") == "zookeeper":
            d = dict(values)
            if "Node" in d and "Component" in d and d["Node"] and d["Component"]:
                thread, comp = (d["Node"] + ":" + d["Component"]).rsplit(":", 1)
                values = [(c, thread if c == "Node" else comp if c == "Component" else v)
                          for c, v in values]
        return values

    def label(self, text: str, row: dict):
        """(mask, info) for one raw line, or (None, skip reason)."""
        located, pos = _locate(text, self.header_values(row))
        if located is None:
            return None, SKIP_HEADER
        content = row.get("Content") or ""
        rest = text.rstrip()
        cs = len(rest) - len(content)
        if cs < pos or rest[cs:] != content:
            cs = text.find(content, pos) if content else len(rest)
            if cs < 0:
                return None, SKIP_CONTENT
        tpl = row.get("EventTemplate") or ""
        rx = self.rx_cache.get(tpl)
        if rx is None:
            rx = self.rx_cache[tpl] = _template_regex(tpl)
        off = cs
        m = rx.match(content)
        if m is None:
            stripped = content.strip()
            off = cs + len(content) - len(content.lstrip())
            m = rx.match(stripped)
        if m is None:
            return None, SKIP_TEMPLATE

        n = len(text)
        mask = label_text(text)
        # header: timestamp groups are one field, every header value is delimited from its
        # neighbours (what is inside a value follows the convention: sshd(pam_unix) gives
        # sshd, pam_unix; "IPC Server handler 20" gives four fields)
        spans = {col: (s, e) for col, s, e in located}
        units = []
        ts_cols = set()
        for g in _ts_groups(self.cfg, self.cols, row):
            parts = [spans[c] for c in g if c in spans]
            if not parts:
                continue
            s, e = parts[0][0], parts[-1][1]
            mask[s:e] = 0
            units.append((s, e))
            ts_cols.update(c for c in g if c in spans)
        units += [(s, e) for col, s, e in located if col not in ts_cols]
        for s, e in units:
            # a header value that the rules leave without any field character is a
            # placeholder in its column's place (`-` in BGL's alert column): a field (rule 8)
            if not (mask[s:e] == 0).any() and not any(c.isspace() for c in text[s:e]):
                mask[s:e] = 0
            if s > 0:
                mask[s - 1] = 1
            if e < n:
                mask[e] = 1
        # template variables: labeled by the convention like the rest of the content; they
        # are kept for the agreement statistic (how often a variable comes out as a field)
        variables = []
        for gi in range(1, (m.lastindex or 0) + 1):
            s, e = m.span(gi)
            s, e = _trim(text, s + off, e + off)
            if e - s >= 2 and text[s] + text[e - 1] in ('""', "''", "()", "[]", "{}", "<>"):
                s, e = _trim(text, s + 1, e - 1)
            if e > s:
                variables.append((s, e))
                if set(text[s:e]) == {"-"} and e - s <= 4:
                    mask[s:e] = 0        # a variable's value "-" fills its place (rule 8)
        if has_controls(text):
            force_controls(text, mask)   # rule 6, whatever the header columns say
        return mask, {"header": units, "vars": variables, "content": (cs, len(rest))}


_WORDCH = re.compile(r"[A-Za-z0-9_]")
_NONBLANK = re.compile(r"\S+")


def _var_recovered(text: str, fieldset: set, s: int, e: int) -> bool:
    """Is the variable text[s:e] a field, or the field it forms with adjacent word characters
    (``blk_<*>``), or, when it has blanks, are its blank-separated pieces fields?  (What the
    Loghub scorer's VarRecall accepts.)"""
    a, b = s, e
    while a > 0 and _WORDCH.match(text[a - 1]):
        a -= 1
    while b < len(text) and _WORDCH.match(text[b]):
        b += 1
    if (s, e) in fieldset or (a, b) in fieldset:
        return True
    if any(c.isspace() for c in text[s:e]):
        for x, y in ((s, e), (a, b)):
            if all((m.start() + x, m.end() + x) in fieldset
                   for m in _NONBLANK.finditer(text[x:y])):
                return True
    return False


def read_loghub(csv_path, strict: bool = True, stats: dict | None = None) -> list[Sample]:
    """Labeled lines of one Loghub system from ``X_structured.csv`` and the raw ``X`` beside it.

    Lines whose header, content or template cannot be located are skipped and counted in
    ``stats`` (also per system under ``stats["loghub"][system]``), in strict mode too: they are
    quirks of Loghub's parsing, not errors.  A missing raw log, a CSV without Content and
    EventTemplate columns, or unreadable CSV are errors; an undecodable raw line is an error
    in strict mode and skipped otherwise.
    """
    csv_path = Path(csv_path)
    if not csv_path.name.endswith("_structured.csv"):
        raise DataError(csv_path, None, "not a Loghub structured CSV (name must end in "
                        "_structured.csv)")
    raw_path = csv_path.with_name(csv_path.name[: -len("_structured.csv")])
    if not raw_path.is_file():
        raise DataError(csv_path, None, f"raw log {raw_path.name} not found beside it")
    system = _system_name(csv_path)

    data = _read_bytes(csv_path)
    try:
        csv_text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise DataError(csv_path, line, "not valid UTF-8", "not valid UTF-8") from None
    reader = csv.DictReader(io.StringIO(csv_text, newline=""))
    try:
        header = reader.fieldnames or []
    except csv.Error as e:
        raise DataError(csv_path, 1, f"bad CSV: {e}", "bad CSV") from None
    missing = [c for c in ("Content", "EventTemplate") if c not in header]
    if missing:
        raise DataError(csv_path, 1, f"not a Loghub structured CSV: no {', '.join(missing)} "
                        f"column", "not a Loghub structured CSV")
    cols = [c for c in header if c not in META_COLS]

    raw_lines = _split_lines(_read_bytes(raw_path))
    sys_stats = {"lines": len(raw_lines), "labeled": 0, "skipped": {}, "vars": 0,
                 "vars_as_fields": 0}

    def skip(kind):
        sys_stats["skipped"][kind] = sys_stats["skipped"].get(kind, 0) + 1
        _count(stats, kind)

    labeler = _Labeler(system, cols)
    out = []
    seen = set()
    k = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            raise DataError(csv_path, reader.line_num, f"bad CSV: {e}", "bad CSV") from None
        k += 1
        lid = (row.get("LineId") or "").strip()
        lineno = int(lid) if lid.isdigit() else k
        if not 1 <= lineno <= len(raw_lines) or lineno in seen:
            skip(SKIP_NO_LINE)
            continue
        seen.add(lineno)
        try:
            text = _decode(raw_lines[lineno - 1], raw_path, lineno)
        except DataError as e:
            if strict:
                raise
            skip(SKIP_ENCODING)
            continue
        if not text.strip():
            skip(SKIP_CONTENT)
            continue
        mask, info = labeler.label(text, row)
        if mask is None:
            skip(info)
            continue
        sys_stats["labeled"] += 1
        sys_stats["vars"] += len(info["vars"])
        fieldset = set(mask_to_spans(mask))
        sys_stats["vars_as_fields"] += sum(_var_recovered(text, fieldset, s, e)
                                           for s, e in info["vars"])
        out.append(Sample(text, mask, system, {"file": str(raw_path), "line": lineno,
                                               "event": row.get("EventId")}))
    for _ in range(len(raw_lines) - len(seen)):
        skip(SKIP_NO_ROW)
    if stats is not None:
        per = stats.setdefault("loghub", {})
        if system in per:                      # the same system from two folders: add up
            old = per[system]
            for key in ("lines", "labeled", "vars", "vars_as_fields"):
                old[key] += sys_stats[key]
            for key, v in sys_stats["skipped"].items():
                old["skipped"][key] = old["skipped"].get(key, 0) + v
        else:
            per[system] = sys_stats
    return out


# ----------------------------------------------------------------------------- marked lines
def _marked_column(text: str, spans, p: int) -> int:
    """1-based column in the marked line of text offset ``p`` (marks and escapes counted)."""
    from logsplit.marked import format_marked
    return len(format_marked(text[:p], [sp for sp in spans if sp[1] <= p and sp != (p, p)])) + 1


def _parse_marked_record(line: str, path, lineno: int, source: str) -> Sample:
    """One ``⟦field⟧`` line (:mod:`logsplit.marked`): the text without its marks, a delimiter
    mask from the marked fields; the marked empty fields ``⟦⟧`` must be exactly those the
    delimiters imply (:func:`logsplit.fieldspans.empty_positions`)."""
    from logsplit.fieldspans import empty_positions
    from logsplit.marked import OPEN, MarkedError, parse_marked

    try:
        text, spans = parse_marked(line)
    except MarkedError as e:
        raise DataError(path, lineno, str(e), e.kind) from None
    if not spans and any(c.isalnum() for c in text):
        raise DataError(path, lineno, f"no {OPEN}…⟧ marks: mark the fields of the line (only a "
                        f"line of delimiters has no field)", "no marks")
    full = [(s, e) for s, e in spans if e > s]
    for (ps, pe), (s, e) in zip(full, full[1:]):
        if s == pe:
            raise DataError(path, lineno, f"column {_marked_column(text, spans, s)}: fields "
                            f"{text[ps:pe]!r} and {text[s:e]!r} touch (two fields need a "
                            f"delimiter between them)", "fields touch")
    mask = spans_to_mask(len(text), full)
    declared = [s for s, e in spans if s == e]
    derived = empty_positions(text, mask)
    if declared != derived:
        extra = sorted(set(declared) - set(derived))
        if extra:
            p = extra[0]
            raise DataError(path, lineno, f"column {_marked_column(text, spans, p)}: an empty "
                            f"field ⟦⟧ where the delimiters imply none (empty fields come from "
                            f"',,' ';;' '||', empty quotes and 'key=' before a blank; "
                            f"docs/LABELING.md rule 8)", "empty field not implied")
        p = sorted(set(derived) - set(declared))[0]
        raise DataError(path, lineno, f"column {_marked_column(text, spans, p)}: the delimiters "
                        f"{text[max(p - 2, 0):p + 1]!r} imply an empty field here: mark it ⟦⟧",
                        "implied empty field not marked")
    return Sample(text, mask, source, {"file": str(path), "line": lineno}, empties=declared)


def read_marked(path, strict: bool = True, stats: dict | None = None,
                source: str | None = None) -> list[Sample]:
    """Samples of a marked file (what ``logsplit --marked`` prints, corrected by hand): one line
    per line, fields between ``⟦`` and ``⟧``, ``⟦⟧`` an empty field, ``⟡`` escapes.

    Malformed marks (unbalanced, nested, a bad escape, touching fields, an empty field where
    the delimiters imply none or a missing one where they do) are a ``file:line: reason``
    DataError.  Blank lines are skipped.
    """
    return _read_records(path, _parse_marked_record, strict, stats, source)


def _looks_marked(path) -> bool:
    line = _first_line(path)
    return line is not None and "\u27e6" in line


# ----------------------------------------------------------------------------- dispatch
JSONL_EXT = (".jsonl", ".json")
MARKED_EXT = (".marked", ".marked.txt")
CHAR_EXT = (".tsv", ".txt", ".labels")


def _first_line(path) -> str | None:
    """First non-blank line of a file (bytes decoded leniently), None if unreadable/empty."""
    try:
        with open(path, "rb") as f:
            head = f.read(65536)
    except OSError:
        return None
    for raw in head.split(b"\n"):
        line = raw.decode("utf-8", "replace").lstrip("\ufeff").rstrip("\r")
        if line.strip():
            return line
    return None


def _looks_jsonl(path) -> bool:
    line = _first_line(path)
    if line is None or not line.lstrip().startswith("{"):
        return False
    try:
        obj = json.loads(line)
    except ValueError:
        return False
    return isinstance(obj, dict) and "text" in obj


def _looks_char_labels(path) -> bool:
    line = _first_line(path)
    if line is None or "\t" not in line:
        return False
    labels = line[line.rfind("\t") + 1:].rstrip()
    return bool(labels) and set(labels) <= {"O", "D"}


def _kind(path: Path, explicit: bool) -> str | None:
    """"jsonl", "chars", "loghub" or None (not a data file)."""
    name = path.name
    low = name.lower()
    if name.endswith("_structured.csv"):
        return "loghub"
    if low.endswith(JSONL_EXT):
        return "jsonl" if explicit or _looks_jsonl(path) else None
    if low.endswith(MARKED_EXT):
        return "marked"
    if low.endswith(CHAR_EXT) and _looks_marked(path) and not _looks_char_labels(path):
        return "marked"
    if low.endswith(CHAR_EXT):
        return "chars" if explicit or _looks_char_labels(path) else None
    if explicit:
        # a raw Loghub log named instead of its structured CSV
        if path.with_name(name + "_structured.csv").is_file():
            return "loghub-raw"
        if low.endswith(".csv"):
            return None
        if _looks_jsonl(path):
            return "jsonl"
        if _looks_char_labels(path):
            return "chars"
        if _looks_marked(path):
            return "marked"
    return None


def read_path(path, strict: bool = True, stats: dict | None = None) -> list[Sample]:
    """Samples from a file or a directory (searched recursively), by file type:

    * ``.jsonl`` / ``.json``: JSON Lines; ``.tsv`` / ``.txt`` / ``.labels``: character labels;
    * ``*_structured.csv``: a Loghub system (its raw log beside it; the raw ``.log`` and the
      ``_templates.csv`` are not read on their own).

    In a directory, files of other types, and ``.json``/``.txt``... files whose first line is
    not in the expected format (a model's ``.eval.json``, a README.txt), are ignored (listed in
    ``stats["ignored_files"]``).  A file of unknown type named explicitly is a DataError, as is
    a directory without any data file.
    """
    p = Path(path)
    if not p.exists():
        raise DataError(path, None, "no such file or directory")
    if p.is_dir():
        files = []
        for root, dirs, names in os.walk(p):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                if name.startswith("."):
                    continue
                f = Path(root) / name
                kind = _kind(f, explicit=False)
                if kind is None:
                    if stats is not None and not name.endswith(("_templates.csv", ".log")):
                        stats.setdefault("ignored_files", []).append(str(f))
                    continue
                files.append((f, kind))
        if not files:
            raise DataError(path, None, "no labeled data files found (expected .jsonl, .json, "
                            ".tsv, .txt, .labels, .marked or Loghub *_structured.csv)")
        out = []
        for f, kind in files:
            out += _read_one(f, kind, strict, stats)
        return out
    kind = _kind(p, explicit=True)
    if kind is None:
        raise DataError(path, None, "unknown data file type (expected .jsonl, .json, .tsv, "
                        ".txt, .labels, .marked or a Loghub *_structured.csv)")
    return _read_one(p, kind, strict, stats)


def _read_one(p: Path, kind: str, strict: bool, stats: dict | None) -> list[Sample]:
    if kind == "jsonl":
        return read_jsonl(p, strict, stats)
    if kind == "chars":
        return read_char_labels(p, strict, stats)
    if kind == "marked":
        return read_marked(p, strict, stats)
    if kind == "loghub-raw":
        p = p.with_name(p.name + "_structured.csv")
    return read_loghub(p, strict, stats)
