"""Free-text log messages built piece by piece: words, numbers, addresses, paths, key=value...

``message(r, b)`` appends one realistic message to a :class:`builder.Line`.  Families use it for
the free-text tail of a line after their own header.
"""
from __future__ import annotations

from . import values as V
from .builder import Line


def _value(r, b: Line):
    """One typed value as one field (or a host:port pair)."""
    k = r.randint(0, 13)
    if k == 0:
        b.f(V.ip4(r))
    elif k == 1:
        b.f(V.ip4(r)).d(":").f(V.port(r))
    elif k == 2:
        b.f(V.unix_path(r))
    elif k == 3:
        b.f(V.url(r))
    elif k == 4:
        b.f(V.uuid(r))
    elif k == 5:
        b.f(V.hexstr(r))
    elif k == 6:
        b.f(V.duration(r))
    elif k == 7:
        b.f(V.size(r))
    elif k == 8:
        b.f(V.number(r))
    elif k == 9:
        b.f(V.hostname(r))
    elif k == 10:
        b.f(V.java_class(r))
    elif k == 11:
        b.f(V.decimal(r))
    elif k == 12:
        b.f(V.percent(r))
    else:
        b.f(V.user(r))


def message(r, b: Line | None = None) -> Line:
    """Append a free-text message: words mixed with typed values, pairs and punctuation."""
    b = b if b is not None else Line()
    n = r.randint(2, 9)
    for i in range(n):
        if i:
            b.sp()
        k = r.randint(0, 9)
        if k < 5:
            b.f(V.word(r) if i else V.word(r).capitalize())
        elif k < 7:
            _value(r, b)
        elif k == 7:
            b.f(V.pick(r, ["id", "user", "size", "status", "pid", "port", "count"])).d("=")
            _value(r, b)
        elif k == 8:
            b.f(V.word(r)).d(": ")
            _value(r, b)
        else:
            b.d("[")
            _value(r, b)
            b.d("]")
    if V.chance(r, 0.3):
        b.d(V.pick(r, [".", "!", "...", "."]))
    return b
