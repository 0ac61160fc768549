"""Go logfmt (``level=warn ts=... msg="..."``) and zap/logrus text output."""
from __future__ import annotations

from . import family
from . import values as V
from .builder import Line


def _value(r, b: Line):
    """One logfmt value: bare, quoted (with spaces) or empty-quoted."""
    kind = r.randint(0, 9)
    if kind < 5:
        b.f(V.pick(r, [V.word(r), V.number(r), V.duration(r), V.ip4(r), V.percent(r),
                       V.hostname(r), V.uuid(r), V.size(r)]))
    elif kind < 9:
        b.quoted(" ".join(V.word(r) for _ in range(r.randint(1, 5))))
    else:
        b.d('""')


@family("logfmt")
def logfmt(r) -> Line:
    b = Line()
    first = True
    keys = ["level", "ts", "caller", "msg"] + [V.pick(r, ["component", "err", "duration",
                                                           "user", "addr", "status", "id",
                                                           "took", "used", "path"])
                                               for _ in range(r.randint(0, 5))]
    if V.chance(r, 0.3):
        keys.insert(0, "time")
        keys.remove("ts")
    for k in keys:
        if not first:
            b.sp()
        first = False
        b.f(k).d("=")
        if k in ("ts", "time"):
            b.f(V.timestamp(r, "iso_t"))
        elif k == "level":
            b.f(V.level(r, "lower"))
        elif k == "caller":
            b.f(V.ident(r, 3, 8) + ".go").d(":").f(V.number(r, 1, 900))
        elif k == "addr":
            b.f(V.ip4(r)).d(":").f(V.port(r))
        elif k == "path":
            b.f(V.unix_path(r))
        else:
            _value(r, b)
    return b
