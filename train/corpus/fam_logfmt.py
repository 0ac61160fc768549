"""Go logfmt (``level=warn ts=... msg="..."``) and zap/logrus text output."""
from __future__ import annotations

from . import family
from . import values as V
from .builder import Line


def _value(r, b: Line, key: str):
    """``key=value`` with one logfmt value: bare, quoted (with spaces), empty-quoted
    (``key=""``), empty (``key=``, go-logfmt writes an empty string bare) or the ``-``
    placeholder; an empty value is an empty field and ``-`` a field (rule 8)."""
    kind = r.randint(0, 19)
    if kind < 10:
        b.kv(key, V.pick(r, [V.word(r), V.number(r), V.duration(r), V.ip4(r), V.percent(r),
                             V.hostname(r), V.uuid(r), V.size(r)]))
    elif kind < 17:
        b.kv(key, " ".join(V.word(r) for _ in range(r.randint(1, 5))), q='"')
    elif kind == 17:
        b.kv(key, "", q='"')
    elif kind == 18:
        b.kv(key, "")
    else:
        b.kv(key, "-", q='"' if V.chance(r, 0.3) else "")


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
        if k in ("ts", "time"):
            b.kv(k, V.timestamp(r, "iso_t"))
        elif k == "level":
            b.kv(k, V.level(r, "lower"))
        elif k == "caller":
            b.kv(k, V.ident(r, 3, 8) + ".go").d(":").f(V.number(r, 1, 900))
        elif k == "addr":
            b.kv(k, V.ip4(r)).d(":").f(V.port(r))
        elif k == "path":
            b.kv(k, V.unix_path(r))
        else:
            _value(r, b, k)
    return b
