"""Key/value pairs from a split line: which field is a key and which field is its value.

The split already says where the fields are; whether two neighbouring fields form a pair is
decided here from the delimiter text between them (and the shape of the key), with no model.
Every rule looks only at the delimiters and at character *classes* of the fields (letter, digit,
``_``, ``.``...), never at which digit a field holds, so all lines of one cached
:class:`~logsplit.splitter.Layout` (their model inputs are equal once digits are normalised)
get the same pairs, and the pairs are computed once per Layout.

Decision rules, for two consecutive fields ``K`` (never an empty field) and ``V`` (an empty field
allowed: ``ruser=`` and ``ua=""`` pair their key with the empty field, labeling rule 8), with
``G`` the delimiter text between them:

1. **equals** (``key=value``, logfmt, ``key="quoted value"``, ``key = value``): ``G`` is a
   single ``=`` with optional blanks around it, optionally followed by one opening quote
   (``="``, ``='``, a backtick).  ``==`` ``!=`` ``<=`` ``>=`` ``=>`` are operators or arrows, not pairs; a
   ``=`` followed by ``[`` ``{`` ``(`` opens a list, not one value.  ``K`` must contain a
   letter or ``_`` and no blank (``1=2`` is not a pair); a quoted key (``"k" = 1``) counts.
2. **quoted key and colon** (JSON in a line, Python dict reprs: ``"key": value``,
   ``"key":"v"``, ``'k': 'v'``): the delimiters before ``K`` end with a quote and ``G`` is that
   quote, ``:``, optional blanks and an optional opening quote.  Any key text counts (JSON keys
   are free text).  ``":{"`` and ``":["`` open an object or array, which is not one value.
3. **bare key and colon** (``key: value``, ``client: 1.2.3.4, server: x``, ``(DC: dc1)``, and
   glued ``total-vm:97604kB``): ``G`` is ``:`` followed by blanks and an optional quote, or a
   glued ``:``.  This is where a component name before a message looks the same
   (``dfs.FSNamesystem: BLOCK*``, ``sshd: Invalid user``, ``tun0: DHCPv4 address ...``), so:

   * ``K`` is an identifier: a letter or ``_`` first, then letters, digits, ``_`` or ``-``.  A
     dotted, slashed or bracketed name (``dfs.FSNamesystem``, ``o.e.n.Node``,
     ``motd-news.timer``) is a component, a number or time (``at 12:00: done``) is not a key;
   * ``K`` is not a severity or a log-level word (``ERROR: ...``, ``LOG:  ...``, ``DETAIL:``);
   * ``G`` has no blank before the colon (``error : Could not connect`` is prose);
   * the value must end where a value ends: the value (with any fields glued to it without a
     blank, ``lb01:8080``, ``/10.0.0.1:9000``) is followed by the end of the line, a list
     separator or closing bracket (``, ; | ) ] }``, a closing quote), or by a blank and the next
     key of a pair (``src: /a dest: /b``).  A value followed by more words is the first word of a
     message (``sshd: Invalid user admin``), not a value;
   * glued (``key:value``, no blank): only when ``K`` has no digit and is not ``localhost``,
     and not when the value is all digits and ``K`` holds a ``-`` (``api-gw:443`` is host:port),
     nor when another glued ``:`` follows the value (``config:18251:LabSZ`` is a chain).
     Hostnames with digits or dots (``web01:8080``, ``10.0.0.1:80``) are never keys.

4. A field is never both a value and a key: when ``a b c`` would give both ``(a, b)`` and
   ``(b, c)``, the later pair wins if ``b`` stands apart from ``a`` (``MongoDB starting : pid=1``,
   ``userId = rows =7``: an empty value without a place, then ``rows=7``), else the earlier one
   (``a=b=c`` gives ``(a, b)``).

A key of several words (``Notification time out: 3200``) is its last word (``out``).
Deliberately not pairs: ``to: yarn,curi`` style lists after a colon pair only ``to`` with the
first item (``yarn``); the rest are separate fields (the value of a pair is one field).  A value
split by the model into several fields (``msg="disk full"`` split inside the quotes) pairs with
its first field.

>>> from logsplit.marked import parse_marked
>>> text, spans = parse_marked('⟦level⟧=⟦warn⟧ ⟦msg⟧="⟦disk full⟧" ⟦ruser⟧=⟦⟧ {"⟦id⟧": ⟦7⟧} '
...                            '⟦dfs.FSNamesystem⟧: ⟦BLOCK*⟧ ⟦x⟧')
>>> [(text[slice(*spans[k])], text[slice(*spans[v])]) for k, v in find_pairs(text, spans)]
[('level', 'warn'), ('msg', 'disk full'), ('ruser', ''), ('id', '7')]
"""
from __future__ import annotations

import re
from collections.abc import Sequence

#: ``key=value`` delimiters: one ``=`` (blanks around it allowed), optionally an opening quote.
_EQUALS = re.compile(r"[ \t]*=[ \t]*[\"'`]?\Z")
#: ``"key": value`` after a quoted key: the closing quote, ``:``, blanks, optional opening quote.
_QUOTED_COLON = re.compile(r"([\"'])[ \t]*:[ \t]*[\"']?\Z")
#: ``key: value`` (blanks after the colon, optionally an opening quote) or a glued ``key:value``.
_COLON = re.compile(r":(?:([ \t]+)[\"'`]?|[\"'`]?)\Z")
#: A bare key before a colon: an identifier (no dots, slashes, brackets; not a number).
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*\Z")
_HAS_LETTER = re.compile(r"[A-Za-z_]")
#: ASCII digits only: every other digit is one id with the letters for the model, so the rules
#: must not tell them apart (the pairs are cached per Layout).
_DIGIT = re.compile(r"[0-9]")
_DIGITS = re.compile(r"[0-9]+\Z")
#: What may follow a value: list separators and closing brackets (blanks before them ok), or
#: a closing quote right after it.
_VALUE_END = re.compile(r"[ \t]*[,;|)\]}>]|[\"'`]")

#: Words that end a header or start a message rather than name a value (``ERROR: disk full``,
#: PostgreSQL's ``LOG:  statement``), compared case-insensitively.
NOT_KEYS = frozenset("""
trace debug dbg info information informational notice note warn warning warnings err error
errors fatal critical crit alert emerg emergency severe panic fine finer finest verbose log
detail hint statement context query exception caused failure failed warn_once success
""".split())

#: The host part of ``host:port`` that looks like an identifier.
_HOSTS = frozenset(("localhost", "ip6-localhost", "ip6-loopback"))

EQUALS, QUOTED, COLON, GLUED = 1, 2, 3, 4


def _kind(text: str, spans: Sequence[tuple[int, int]], i: int) -> int:
    """The kind of pair fields ``i`` and ``i + 1`` could form (0: none), from the delimiters
    between them and the key's own shape (the value's end is checked later)."""
    s0, e0 = spans[i]
    s1 = spans[i + 1][0]
    if s0 == e0:
        return 0                                   # an empty field is never a key
    gap = text[e0:s1]
    if "=" in gap:
        if _EQUALS.match(gap) is None:
            return 0
        key = text[s0:e0]
        if _HAS_LETTER.search(key) is None or " " in key or "\t" in key:
            return 0
        return EQUALS
    if ":" not in gap:
        return 0
    before = text[spans[i - 1][1] if i else 0:s0]
    m = _QUOTED_COLON.match(gap)
    if m is not None:
        q = m.group(1)
        # a JSON key opens an object or follows a comma: `{"k": 1, "j": 2}`, not `by 'E': x`
        lead = before[:-1].rstrip(" \t")
        if before.endswith(q) and (lead[-1:] in ("{", ",") or (i == 0 and not lead)):
            return QUOTED
        return 0
    m = _COLON.match(gap)
    if m is None:
        return 0
    key = text[s0:e0]
    if _IDENT.match(key) is None or key.lower() in NOT_KEYS:
        return 0
    if before.endswith(("\"", "'")):               # a quoted key takes the quoted rule
        return 0
    if m.group(1) is not None:
        return COLON
    # glued key:value: host:port and name:space look the same, so only digit-free, non-host
    # keys standing apart on their left, and numeric values
    if _DIGIT.search(key) is not None or key.lower() in _HOSTS:
        return 0
    if before and before[-1] not in " \t([{,":
        return 0
    s2, e2 = spans[i + 1]
    value = text[s2:e2].lstrip("+-")
    if _DIGIT.match(value) is None or ("-" in key and _DIGITS.match(value) is not None):
        return 0
    if i + 2 < len(spans) and text[e2:spans[i + 2][0]][:1] == ":":
        return 0                                   # `a:1:b` is a chain, not a pair
    return GLUED


def _value_ends(text: str, spans: Sequence[tuple[int, int]], j: int, ok: list[bool]) -> bool:
    """Whether the value starting at field ``j`` ends where a value ends (rule 3): the end of
    the line, a separator or closing bracket, or a blank and the key of the next accepted
    colon pair (``ok``, decided right to left)."""
    n = len(spans)
    k = j
    while k + 1 < n:                               # fields glued to the value belong to it
        gap = text[spans[k][1]:spans[k + 1][0]]
        if gap and not gap[0].isspace() and _VALUE_END.match(gap) is None and "=" not in gap \
                and not gap.endswith((": ", ":\t")):
            k += 1
            continue
        break
    if k + 1 >= n:
        return True
    gap = text[spans[k][1]:spans[k + 1][0]]
    if _VALUE_END.match(gap) is not None or "\t" in gap:
        return True
    return gap.isspace() and ok[k + 1]


def _data_value(text: str, spans: Sequence[tuple[int, int]], i: int, kind: int) -> bool:
    """Whether the value after key ``i`` is plainly data, so that words may follow it (rule 3):
    it starts with a digit (a sign allowed) or ``/``, or is quoted, and the key has no digit
    (``tun0: 3 addresses`` names a device)."""
    if kind == GLUED:
        return True                                # glued values are numeric already
    s0, e0 = spans[i]
    s1, e1 = spans[i + 1]
    if _DIGIT.search(text, s0, e0) is not None:
        return False
    if text[s1 - 1:s1] in ("\"", "'", "`"):
        return True
    head = text[s1:e1].lstrip("+-")
    return _DIGIT.match(head) is not None or text[s1:s1 + 1] == "/"


def find_pairs(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The key/value pairs of a line as ``(key index, value index)`` into ``spans``, in order.

    ``spans`` are the line's fields (empty fields included, as :mod:`logsplit.fieldspans`
    derives them).  See the module docstring for the rules.

    >>> t = "user=alice took: 3ms, sshd: Invalid user"
    >>> find_pairs(t, [(0, 4), (5, 10), (11, 15), (17, 20), (22, 26), (28, 35), (36, 40)])
    [(0, 1), (2, 3)]
    """
    n = len(spans)
    if n < 2:
        return []
    kinds = [0] * n
    for i in range(n - 1):
        if "=" in text[spans[i][1]:spans[i + 1][0]] or ":" in text[spans[i][1]:spans[i + 1][0]]:
            kinds[i] = _kind(text, spans, i)
    # colon pairs: whether each value ends where a value ends, right to left (a value may end
    # at the key of the next colon pair: `src: /a dest: /b`)
    ok = [False] * (n + 1)
    for i in range(n - 2, -1, -1):
        if kinds[i] in (COLON, GLUED):
            ok[i] = kinds[i + 1] == 0 and (_data_value(text, spans, i, kinds[i])
                                           or _value_ends(text, spans, i + 1, ok))
    out: list[tuple[int, int]] = []
    i = 0
    while i < n - 1:
        kind = kinds[i]
        if kind == 0 or (kind in (COLON, GLUED) and not ok[i]):
            i += 1
            continue
        if kinds[i + 1] != 0 and i + 2 < n:
            gap = text[spans[i][1]:spans[i + 1][0]]
            # rule 4: the field after this key is itself a key; who gets it?
            if kind in (COLON, GLUED) or gap[-1:].isspace() or spans[i + 1][0] == spans[i + 1][1]:
                i += 1
                continue
            out.append((i, i + 1))
            i += 2
            continue
        out.append((i, i + 1))
        i += 2
    return out


def lookup(names: Sequence[str], text: str, spans: Sequence[tuple[int, int]],
           pairs: Sequence[tuple[int, int]]) -> list[str]:
    """The value of each key name on one line ('' when the line lacks it; the first occurrence
    when a key repeats).

    >>> lookup(["b", "x"], "a=1 b=2", [(0, 1), (2, 3), (4, 5), (6, 7)], [(0, 1), (2, 3)])
    ['2', '']
    """
    values: dict[str, str] = {}
    for k, v in pairs:
        key = text[spans[k][0]:spans[k][1]]
        if key not in values:
            values[key] = text[spans[v][0]:spans[v][1]]
    return [values.get(name, "") for name in names]
