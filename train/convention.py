"""The labeling convention as rules: which characters of a plain line are delimiters.

:func:`label_text` applies ``docs/LABELING.md`` to a line without knowing its format.  The Loghub
reader uses it for everything a structured CSV does not say (constant template text, the
punctuation around header columns, the inside of a variable); tests and the docs use it to show
what the convention means.  It is a careful approximation, not the model: the model learns from
data labeled by construction (the synthetic corpus) and from Loghub lines labeled with it.

How a line is labeled, in order of precedence:

1. ANSI escape sequences and control characters are delimiters; so is all whitespace.
2. Quoted strings (``"..."``, ``'...'`` not inside a word, backticks, typographic quotes): the
   quotes are delimiters, the content is one field, its inner blanks included (blanks at its
   edges are delimiters; a Python prefix ``u'…'`` is a delimiter).  Timestamps (many formats,
   with their inner blanks, weekday, AM/PM and zone) are one field.
3. Each remaining blank-separated chunk is split by the separator rules: brackets, ``= , ; |
   : ? ! @ " ` ^`` are delimiters, except inside an atomic value (URL, e-mail address, IPv4,
   IPv6, MAC, Windows or absolute path, ``::``-qualified name, ``R02-M1-N0-C:J12-U11``-style
   location code, ARN/URN, a file name with an embedded date and time); ``/`` directly before
   an IP address is a delimiter, as is ``#`` between an IP address and a port
   (``10.0.0.1#53``); ``->`` is a delimiter; an apostrophe inside a word is not; a ``/``
   between letters never is (``D/WindowManager``, ``I/O``).
4. Of what is left, a run with no letter or digit (``-``, ``--``, ``*``, ``***``, ``#``, ``...``,
   ``&``) is a delimiter, except a ``/`` glued to a value separator (``LABEL=/``: the root
   path); dots at the end of a word are sentence punctuation.  A ``-`` between a closing
   bracket and a value or before an opening ``[`` delimits (``Connection(2)-127.0.0.1``,
   ``__73-[Cls sel:]``).
5. A ``-`` that fills a value's place is a field (product rule 8): a run of standalone
   placeholders (``10.0.0.5 - - [``), one opening or closing the line, one glued to a bracket
   or value separator (``[-]``, ``ref=-``); a ``-`` between words stays a delimiter.
6. Control characters and whole ANSI sequences are delimiters whatever the rules above say
   (rule 6).  Empty fields are not labeled: :mod:`logsplit.fieldspans` derives them from the
   delimiters (``a,,c``, ``ruser=``, ``""``), and :func:`fields` / :func:`render` show them.

>>> render("Dec 10 06:55:46 LabSZ sshd[24200]: Invalid user webmaster from 173.234.31.186")
'⟦Dec 10 06:55:46⟧ ⟦LabSZ⟧ ⟦sshd⟧[⟦24200⟧]: ⟦Invalid⟧ ⟦user⟧ ⟦webmaster⟧ ⟦from⟧ ⟦173.234.31.186⟧'
>>> fields('level=warn msg="disk almost full" caller=main.go:42 used=93.5%')
['level', 'warn', 'msg', 'disk almost full', 'caller', 'main.go', '42', 'used', '93.5%']
>>> label_text("a=1").tolist()
[0, 1, 0]
"""
from __future__ import annotations

import re
import unicodedata

import numpy as np

from logsplit.fieldspans import force_controls, has_controls, spans_of

__all__ = ["label_text", "fields", "render", "TIMESTAMP"]

# ----------------------------------------------------------------------------- timestamps
_MON = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
        r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
        r"|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)")
_DOW = (r"(?:Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?|Fri(?:day)?"
        r"|Sat(?:urday)?|Sun(?:day)?|MON|TUE|WED|THU|FRI|SAT|SUN)")
_FRAC = r"(?:[.,]\d{1,9}(?![\d:])|:\d{3}(?![\d:]))"
_HMS = r"(?:[01]?\d|2[0-4]):[0-5]\d:[0-5]\d" + _FRAC + "?"
_HM = r"(?:[01]?\d|2[0-4]):[0-5]\d(?![:\d])"
_AMPM = r"(?:\s?[AaPp]\.?[Mm]\.?(?![A-Za-z]))"
# Zone names are listed, not any capital run: ``13:55:36 INFO`` must not take the level along.
_ZONES = ("UTC|GMT|CEST|CET|EEST|EET|WEST|WET|BST|IST|MSK|EST|EDT|CST|CDT|MST|MDT|PST|PDT|AKST"
          "|AKDT|HST|JST|KST|HKT|SGT|AEST|AEDT|ACST|AWST|NZST|NZDT|AST|ADT|NST|NDT|SAST|WIB|ICT|PHT")
# +HH, +HHMM, +HH:MM, Z or a zone name, glued to the time or after exactly one blank
_ZONE = (rf"(?: ?[+-][01]\d(?::?[0-5]\d)?(?!\d)|Z(?![A-Za-z])| Z(?!\w)"
         rf"| ?(?:{_ZONES})(?:[+-]\d{{1,2}}(?::?\d{{2}})?)?(?![A-Za-z]))")
_TIME = rf"(?:{_HMS}|{_HM}){_AMPM}?{_ZONE}?"
_TIME_S = rf"{_HMS}{_AMPM}?{_ZONE}?"             # a time with seconds, for the looser date forms
_MM = r"(?:0?[1-9]|1[0-2])"
_DD = r"(?:0?[1-9]|[12]\d|3[01])"
_DATE = (rf"(?:\d{{4}}[-/.]{_MM}[-/.]{_DD}"        # 2015-10-18  2016/9/27  2005.06.03
         rf"|{_DD}[-/.]{_MM}[-/.]\d{{2,4}}|{_MM}[-/.]{_DD}[-/.]\d{{2,4}}"  # 17/06/09 10/10/2023
         rf"|\d{{2}}[-/.]{_MM}[-/.]{_DD}"          # 17/06/09 read as yy/mm/dd
         rf"|{_DD}[-/ ]{_MON}[-/ ]\d{{2,4}}"       # 10/Oct/2023  10 Oct 2023
         rf"|{_MON}\s{{1,2}}{_DD},?\s\d{{4}}"      # Oct 10, 2023
         rf"|(?:19|20)\d{{2}}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))")  # 20171223
_TS_ALTS = [
    # [weekday] date T|blank|:|- time [AM/PM] [zone]
    rf"(?:{_DOW},?\s{{1,2}})?{_DATE}(?:T|\s{{1,2}}|:|-|_){_TIME}",
    # [weekday] Mon dd [yyyy] hh:mm:ss [zone] [yyyy]  (syslog, ctime, Apache error log)
    rf"(?:{_DOW},?\s{{1,2}})?{_MON}\s{{1,2}}{_DD}(?:,?\s\d{{4}})?\s{{1,2}}{_TIME}(?:\s\d{{4}}(?!\d))?",
    # dd Mon hh:mm:ss (Redis; day and month without a year)
    rf"{_DD}\s{_MON}\s{_TIME_S}",
    # MM-DD hh:mm:ss.fff (Android logcat)
    rf"{_MM}-{_DD}\s{{1,2}}{_TIME_S}",
    # [IWEF]MMDD hh:mm:ss.ffffff (klog / glog; the level letter is glued on, decision 55)
    rf"[IWEF]?(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\s(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{{3,9}}",
    # MM.DD hh:mm:ss (Proxifier; decision 69)
    r"(?:0[1-9]|1[0-2])\.(?:0[1-9]|[12]\d|3[01])\s(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d",
    # yymmdd hhmmss (HDFS)
    r"\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\s(?:[01]\d|2[0-3])[0-5]\d[0-5]\d",
    # a time of day alone
    _TIME_S,
]
#: A timestamp somewhere in a line (one field, inner blanks included).
# (a ``:`` right after it is a header-ending delimiter only when a blank or the line end follows)
_TS_BODY = r"(?:" + "|".join(_TS_ALTS) + r")(?!\w|:(?!\s|$)|[.,]\d)"
TIMESTAMP = re.compile(r"(?<![\w:.+/-])" + _TS_BODY)
# in a line, a timestamp may also follow the ``:`` after a log file's name (``grep -r`` output,
# decision 67): ``/var/log/nova/nova-api.log:2017-05-16 00:00:00.008``
_TS_LINE = r"(?:(?<![\w:.+/-])|(?<=\.log:)|(?<=\.txt:)|(?<=\.out:))" + _TS_BODY

# ----------------------------------------------------------------------------- line pass
_ANSI = r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]?"
_QUOTED = (r'(?<![\w\\])(?P<eqo>\\"|\\042|\\x22|&quot;)(?P<eq>[^"\\\n&]*?)(?P=eqo)'  # decision 63
           # a Python string prefix (u'abc', b"x") is a delimiter, like the quotes
           r'|(?<![\w"])(?:[uUbB](?="))?"(?P<dq>(?:[^"\\\n]|\\.)*)"'
           r"|(?<![\w'])(?:[uUbB](?='))?'(?P<sq>[^'\n]*?)'(?!\w)"
           r"|`(?P<bq>[^`\n]*)`"
           r"|[“„](?P<uq>[^“”„\n]*)[”“]|‘(?P<usq>[^‘’\n]*)’|«(?P<gq>[^«»\n]*)»")
_PHRASE = r"(?<=\()(?P<ph>Native Method|Unknown Source|native method|unknown source)(?=\))"
# a clock duration standing alone: `lifetime 00:01`, `1:02:03` (decision 64)
_CLOCK = r"(?<!\S)\d{1,3}:[0-5]\d(?::[0-5]\d)?(?:\.\d{1,3})?(?=[\s,;)\]]|$)"
_LINE = re.compile(rf"(?P<ansi>{_ANSI})|{_QUOTED}|{_PHRASE}|(?P<ts>{_TS_LINE})"
                   rf"|(?P<clk>{_CLOCK})")
_QUOTE_GROUPS = ("eq", "dq", "sq", "bq", "uq", "usq", "gq")

# ----------------------------------------------------------------------------- atomic values
_H = r"[0-9A-Fa-f]{1,4}"
_V4 = r"(?:\d{1,3}\.){3}\d{1,3}"
_IPV6 = (rf"(?:(?:{_H}:){{6}}{_V4}|::(?:ffff(?::0{{1,4}})?:)?{_V4}|(?:{_H}:){{1,4}}:{_V4}"
         rf"|(?:{_H}:){{7}}{_H}|(?:{_H}:){{1,6}}:{_H}|(?:{_H}:){{1,5}}(?::{_H}){{1,2}}"
         rf"|(?:{_H}:){{1,4}}(?::{_H}){{1,3}}|(?:{_H}:){{1,3}}(?::{_H}){{1,4}}"
         rf"|(?:{_H}:){{1,2}}(?::{_H}){{1,5}}|{_H}:(?::{_H}){{1,6}}|:(?::{_H}){{1,7}}"
         rf"|(?:{_H}:){{1,7}}:)(?:%[\w.]+)?")
# An IPv6 address is the whole hex-and-colon run (a trailing ':' ends a header element); only a
# full 8-group address can carry an unbracketed :port, as `fe80::1:8080` is itself an address.
_IP6_END = r"(?=:?(?![\w.:%]))"
_IP_AHEAD = rf"(?:{_V4}(?![\w]|\.\w)|{_IPV6}(?![\w.]))"
_PATH_CH = r"[\w.~%+\-$*#@!&]"
_ATOM = re.compile(
    # AWS ARN / URN: one identifier, colons included (product rule 9)
    r"(?P<arn>(?<![\w:.-])(?:arn:[\w-]+:[\w-]*:[\w-]*:[\w-]*:|urn:[A-Za-z0-9][\w-]*:)"
    r"[\w.:/=+@%$!*~-]+)"
    # a file name with an embedded date and time (decision 67): nova-api.log.1.2017-05-16_13:53:08
    r"|(?P<fname>(?<![\w.-])[\w.-]*[A-Za-z][\w.-]*[._-]\d{4}-\d{2}-\d{2}[T_.-]\d{2}:\d{2}:\d{2}"
    r"(?:[.,]\d+)?(?:\.[A-Za-z0-9]+)*(?![\w:]))"
    # URL: scheme://...
    r"|(?P<url>(?<![\w.+-])[A-Za-z][A-Za-z0-9+.-]*://[^\s\"'<>`\[\]{}|\\^]*)"
    # e-mail address (a dotted domain ending in letters)
    r"|(?P<email>(?<![\w.+$%-])[A-Za-z0-9][\w.+%-]*@[A-Za-z0-9](?:[\w-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[\w-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}(?![\w@-]|\.[A-Za-z0-9]))"
    # Windows path (C:\..., C:/..., \\server\share)
    r"|(?P<win>(?<![\w/\\])(?:[A-Za-z]:[\\/]|\\\\[\w.$-]+\\)[^\s\"'<>|*?:,;()\[\]{}]*)"
    # MAC address; 6+ colon-separated bytes also cover the iptables MAC= header (dst, src, type)
    r"|(?P<mac>(?<![\w:.-])[0-9A-Fa-f]{2}(?:(?::[0-9A-Fa-f]{2}){5,}|(?:-[0-9A-Fa-f]{2}){5})"
    r"(?![\w.-]|:[\w:.-]))"
    # PCI address (domain:bus:device.function)
    r"|(?P<pci>(?<![\w:.])[0-9A-Fa-f]{4}:[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}\.[0-7](?![\w:.]))"
    # IPv6 (a full 8-group address may be followed by :port)
    rf"|(?P<ip6>(?<![\w:.])(?:{_IPV6}{_IP6_END}|(?:{_H}:){{7}}{_H}(?=:\d{{1,5}}(?![\w.]))))"
    # IPv4
    rf"|(?P<ip4>(?<![\w.]){_V4}(?!\w|\.\w))"
    # C++/Objective-C qualified name: AirPort_Brcm43xx::syncPowerState
    r"|(?P<cxx>(?<![\w:$])[A-Za-z_][\w.$]*(?:::~?[A-Za-z_][\w.$]*)+)"
    # hardware location code: R02-M1-N0-C:J12-U11
    r"|(?P<loc>(?<![\w-])[A-Z0-9]+(?:-[A-Z0-9]+)+:[A-Z0-9]+(?:-[A-Z0-9]+)+(?![\w-]))"
    # absolute path, /D:/x.jar!/y, with a query string (not a / before an IP address)
    rf"|(?P<path>(?<![\w.~\-])(?:/[A-Za-z]:)?/(?!{_IP_AHEAD}){_PATH_CH}+"
    rf"(?:/{_PATH_CH}*)*(?:\?[\w.~%+\-$*#@!&=,;:/]*)?)"
)
_IP_KINDS = ("ip4", "ip6")
_TRIM_TAIL = ".,;:!?'\""
_CLOSERS = {")": "(", "]": "[", "}": "{", ">": "<"}

# ----------------------------------------------------------------------------- characters
# ASCII characters that separate values wherever they stand outside an atomic value.
_SEP = re.compile(r"[\[\](){}<>=,;|:?!@\"`^\x00-\x1f\x7f]")
_HASH_PORT = re.compile(r"#\d{1,5}(?![\w.])")   # BIND/named client 10.0.0.1#53
_WORD_END_DOTS = re.compile(r"\.+$")
_ALNUM = re.compile(r"[^\W_]")          # a letter or digit (any script)
_NONASCII = re.compile(r"[^\x00-\x7f]")


def _nonascii_delim(c: str) -> bool:
    """Non-ASCII: quotes, brackets, other punctuation, blanks and format characters delimit;
    letters, digits, marks and symbols (°, µ, €) are field characters; dashes are like ``-``."""
    cat = unicodedata.category(c)
    return cat[0] in "ZC" or cat in ("Ps", "Pe", "Pi", "Pf", "Po")


def _trim_atom(chunk: str, s: int, e: int) -> int:
    """End of a URL / path without trailing sentence punctuation or an unbalanced closer."""
    while e > s:
        c = chunk[e - 1]
        if c in _TRIM_TAIL:
            e -= 1
        elif c in _CLOSERS and chunk.count(_CLOSERS[c], s, e) < chunk.count(c, s, e):
            e -= 1
        else:
            break
    return e


_CHUNK_CACHE: dict[str, bytes] = {}
_CACHE_MAX = 200_000


def _label_chunk(chunk: str) -> bytes:
    """Delimiter flags (1 = delimiter) of one blank-free piece of a line."""
    got = _CHUNK_CACHE.get(chunk)
    if got is not None:
        return got
    n = len(chunk)
    m = bytearray(n)
    atom = bytearray(n)           # 1 inside an atomic value
    ip_starts, ip_ends = set(), []
    if n > 2:
        for a in _ATOM.finditer(chunk):
            s, e = a.span()
            kind = a.lastgroup
            if kind in ("url", "path", "win", "arn"):
                e = _trim_atom(chunk, s, e)
                if e - s < 2:
                    continue
            elif kind in _IP_KINDS:
                ip_starts.add(s)
                ip_ends.append(e)
            atom[s:e] = b"\x01" * (e - s)
    for x in _SEP.finditer(chunk):
        i = x.start()
        if not atom[i]:
            m[i] = 1
    if _NONASCII.search(chunk):
        for i, c in enumerate(chunk):
            if ord(c) > 127 and not atom[i] and _nonascii_delim(c):
                m[i] = 1
    # apostrophes: inside a word (don't) they belong to it, elsewhere they delimit
    j = chunk.find("'")
    while j >= 0:
        if not atom[j] and not (0 < j < n - 1 and chunk[j - 1].isalnum() and chunk[j + 1].isalpha()):
            m[j] = 1
        j = chunk.find("'", j + 1)
    # "/" directly before an IP address
    j = chunk.find("/")
    while j >= 0:
        if not atom[j] and j + 1 in ip_starts:
            m[j] = 1
        j = chunk.find("/", j + 1)
    # arrows: "->" (and "-->") between values
    j = chunk.find("->")
    while j >= 0:
        k = j
        while k >= 0 and chunk[k] == "-" and not atom[k]:
            m[k] = 1
            k -= 1
        j = chunk.find("->", j + 2)
    # "#" between an IP address and a port (a word-initial "#1" keeps its "#", rule 7)
    for e in ip_ends:
        if _HASH_PORT.match(chunk, e):
            m[e] = 1
    # runs of field characters: punctuation-only runs delimit, trailing dots are sentence ends
    i = 0
    while i < n:
        if m[i]:
            i += 1
            continue
        j = i
        while j < n and not m[j]:
            j += 1
        end = j
        # a "-" between a closing bracket and a value, and a "-"/"+" between a value and an
        # opening "[", delimit (decisions 33, 68): Connection(2)-127.0.0.1, __73-[Engine sel:]
        if i > 0 and chunk[i - 1] in ")]" and chunk[i] == "-" and not atom[i]:
            k = i
            while k < j and chunk[k] == "-":
                k += 1
            if k < j:
                m[i:k] = b"\x01" * (k - i)
                i = k
        if j < n and chunk[j] == "[" and chunk[j - 1] in "-+" and not atom[j - 1]:
            k = j
            while k > i and chunk[k - 1] in "-+":
                k -= 1
            if k > i:
                m[k:j] = b"\x01" * (j - k)
                j = k
        run = chunk[i:j]
        if not atom[i] and not _ALNUM.search(run):
            # LABEL=/ is a value (the root path); a lone "/" or one between brackets is not
            if not (run == "/" and i > 0 and chunk[i - 1] in "=:"):
                m[i:j] = b"\x01" * (j - i)
        elif run[-1] == "." and not atom[j - 1]:
            d = _WORD_END_DOTS.search(run)
            m[i + d.start():j] = b"\x01" * (j - i - d.start())
        i = end
    out = bytes(m)
    if len(_CHUNK_CACHE) >= _CACHE_MAX:
        _CHUNK_CACHE.clear()
    _CHUNK_CACHE[chunk] = out
    return out


_BLANKS = re.compile(r"\S+")


def _label_plain(text: str, start: int, end: int, mask: np.ndarray):
    """Label text[start:end] (no quote, timestamp or escape inside) chunk by chunk."""
    for c in _BLANKS.finditer(text, start, end):
        s, e = c.span()
        flags = _label_chunk(c.group())
        if any(flags):
            mask[s:e] = np.frombuffer(flags, dtype=np.uint8)
        else:
            mask[s:e] = 0


_DASHES = re.compile(r"-+")
_GLUE_LEFT = "[({=,;|"       # a "-" right after one of these stands in a value's place
_GLUE_RIGHT = "])},;|"       # ... or right before one of these


def _placeholders(text: str, mask: np.ndarray) -> None:
    """Mark as fields the ``-`` that fill a value's place (product rule 8), in place.

    A ``-`` standing alone between blanks separates (``a - b``, ``%(asctime)s - %(name)s``,
    ``Rect(0, 0 - 720, 1280)``) unless it is one of a run of such placeholders (``10.0.0.5 - -
    [``, ``[req-1 admin - - -]``, HAProxy ``- - ----``), opens the line (a flag column:
    ``- 1117838570 ...``) or ends it (CLF ``304 -``).  A ``-`` glued to a bracket or a value
    separator is a value (``[-]``, ``ref=-``, ``a|-|b``).  Only runs of at most four dashes
    that the rules left delimiters are considered; ``->`` ``<-`` ``|--`` are not placeholders.
    """
    n = len(text)
    cands = []                                   # (start, end, left glued, right glued)
    for d in _DASHES.finditer(text):
        s, e = d.span()
        if e - s > 4 or not mask[s:e].all():
            continue
        left = text[s - 1] if s > 0 else " "
        right = text[e] if e < n else " "
        lg = left in _GLUE_LEFT and bool(mask[s - 1])
        rg = right in _GLUE_RIGHT and bool(mask[e])
        if not (lg or left.isspace()) or not (rg or right.isspace()):
            continue
        cands.append((s, e, lg, rg))
    if not cands:
        return
    keep = [False] * len(cands)
    for k, (s, e, lg, rg) in enumerate(cands):
        single = e - s == 1
        if lg or rg:
            # a "|" on one side and a blank on the other is tree drawing (`|- x`), not a cell
            tree = ((lg and not rg and text[s - 1] == "|" and e < n)
                    or (rg and not lg and text[e] == "|" and s > 0))
            if (single or (lg and rg)) and not tree:
                keep[k] = True
                continue
        if single and not text[:s].strip() and text[e:].strip():
            keep[k] = True                       # a flag column opening the line
        elif single and not text[e:].strip() and text[:s].strip():
            keep[k] = True                       # a value closing the line
    # runs of standalone placeholders separated by blanks only: `- -`, `- - -]`, `- - ----`
    for k in range(len(cands) - 1):
        (s1, e1, _, rg1), (s2, e2, lg2, _) = cands[k], cands[k + 1]
        if (not rg1 and not lg2 and text[e1:s2].isspace()
                and (e1 - s1 == 1 or e2 - s2 == 1)):
            keep[k] = keep[k + 1] = True
    for k, (s, e, _, _) in enumerate(cands):
        if keep[k]:
            mask[s:e] = 0


def label_text(text: str) -> np.ndarray:
    """Delimiter mask of one line (uint8, 1 = delimiter) by the rules of docs/LABELING.md.

    >>> from logsplit.vocab import mask_to_labels
    >>> mask_to_labels(label_text('sshd[24200]: x="a b"'))
    'OOOODOOOOODDDODDOOOD'
    """
    mask = np.ones(len(text), dtype=np.uint8)
    pos = 0
    for m in _LINE.finditer(text):
        s, e = m.span()
        if s > pos:
            _label_plain(text, pos, s, mask)
        kind = m.lastgroup
        if kind in ("ts", "ph", "clk"):
            mask[s:e] = 0
        elif kind in _QUOTE_GROUPS:
            qs, qe = m.span(kind)
            while qs < qe and text[qs].isspace():
                qs += 1
            while qe > qs and text[qe - 1].isspace():
                qe -= 1
            mask[qs:qe] = 0          # quotes and edge blanks stay delimiters
        pos = e
    if pos < len(text):
        _label_plain(text, pos, len(text), mask)
    _placeholders(text, mask)
    if has_controls(text):
        force_controls(text, mask)           # rule 6, whatever the rules above said
    return mask


def fields(text: str, mask=None) -> list[str]:
    """The fields of ``text`` under ``mask`` (default: :func:`label_text`), the empty fields
    its delimiters imply included (:func:`logsplit.fieldspans.spans_of`).

    >>> fields("a,,c ruser= x")
    ['a', '', 'c', 'ruser', '', 'x']
    """
    mask = label_text(text) if mask is None else mask
    return [text[s:e] for s, e in spans_of(text, mask)]


def render(text: str, mask=None) -> str:
    """``text`` with every field wrapped in ``⟦ ⟧`` (the notation of docs/LABELING.md); an
    empty field is ``⟦⟧``.

    >>> render('ua="" x')
    '⟦ua⟧="⟦⟧" ⟦x⟧'
    """
    mask = label_text(text) if mask is None else mask
    out, pos = [], 0
    for s, e in spans_of(text, mask):
        out.append(text[pos:s])
        out.append("⟦" + text[s:e] + "⟧")
        pos = e
    out.append(text[pos:])
    return "".join(out)
