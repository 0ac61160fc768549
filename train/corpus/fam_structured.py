"""Structured and semi-structured lines: zap, logrus, CSV/TSV/pipe records, JSON, key=value
lists, and free text with random headers (the families that teach unseen layouts).

Every field is appended with ``.f()`` and every delimiter with ``.d()`` while the line is
composed (docs/LABELING.md; JSON #8, records #9, empty values #6/#17).  Where a format decides
whether to quote a value (logrus, CSV), that decision is made on the value the generator just
chose, and only adds the quote delimiters around the one field.
"""
from __future__ import annotations

from . import family
from . import values as V
from .builder import Line
from .messages import (_CAMEL, _ERRNO_TEXT, _KEYS_ALL, _LCAMEL, _PATH_PARTS, _SNAKE,
                       _STATES, _c, _decimal, _duration, _email, _fqdn, _hex, _host, _id, _ip4,
                       _moment, _n, _num, _p, _percent, _plain_word, _port, _signed, _ts, _upath, _url,
                       _urlpath, _uuid, _version, _word, header, message, quoted, scalar,
                       typed_pair, value)

def _pair_from(b: Line, key_part: int, start: int) -> None:
    """Record ``b.parts[key_part]`` and the first field appended at or after part ``start``
    (an empty field included) as a key/value pair, for values written by a value generator."""
    for i in range(start, len(b.parts)):
        if b.parts[i][1]:
            b._pairs.append((key_part, i))
            return


def _pair(b: Line, key: str, sep: str, emit) -> Line:
    """``key<sep>`` then whatever ``emit()`` appends, recorded as a pair (like :meth:`Line.kv`
    for values that are not one plain string)."""
    b.f(key)
    k = len(b.parts) - 1
    b.d(sep)
    start = len(b.parts)
    emit()
    _pair_from(b, k, start)
    return b


_ANSI_LEVEL = {"DEBUG": "\x1b[35m", "INFO": "\x1b[34m", "WARN": "\x1b[33m", "ERROR": "\x1b[31m",
               "DPANIC": "\x1b[31m", "PANIC": "\x1b[31m", "FATAL": "\x1b[31m"}


def _go_ts(r) -> str:
    """zap ISO8601 / RFC3339 time (``2023-10-10T13:55:36.123+0200``)."""
    t = _moment(r)
    base = t.strftime("%Y-%m-%dT%H:%M:%S")
    k = _n(r, 0, 3)
    zone = _p(r, ("Z", "+0200", "-0700", "+0000", "+0530", "Z"))
    if k <= 1:
        return f"{base}.{t.microsecond // 1000:03d}{zone}"
    if k == 2:
        return f"{base}{_p(r, ('Z', '+02:00', '-07:00'))}"
    return f"{base}.{t.microsecond:06d}{_n(r, 0, 999):03d}Z"


def _epoch_float(r) -> str:
    v = _n(r, 1300000000, 1750000000) + r.random()
    if _c(r, 0.5):
        return f"{v / 1e9:.16f}".rstrip("0") + "e+09"    # zap console: 1.6969455361234567e+09
    return f"{v:.{_p(r, (3, 6, 7, 9))}f}"


# ============================================================================ Go messages
_GO_PHRASES = """started server|failed to fetch URL|request completed|connection established
|retrying request|shutting down|config loaded|listening on|cache miss|cache hit|received signal
|starting worker|worker stopped|flushing buffer|lease acquired|lost leadership|became leader
|reconciling object|successfully synced|failed to sync|health check failed|dropping message
|http: TLS handshake error|context canceled|opened database|applied migration|tick
|waiting for caches to sync|caches populated|sending request|upstream timeout|rate limited
|invalid token|user logged in|could not parse config|watch closed|leader election lost
|Starting controller|Shutdown complete|registered handler|skipping update|queue is full""".split("|")
_GO_PHRASES = [p.strip() for p in _GO_PHRASES]


def _go_msg(r, b: Line):
    """A short Go-style message: a phrase, sometimes followed by a value, or free text."""
    if _c(r, 0.25):
        message(r, b)
        return
    phrase = _p(r, _GO_PHRASES)
    if phrase.startswith("http: "):
        b.f("http").d(": ").words(phrase[6:])
    else:
        b.words(phrase)
    if _c(r, 0.3):
        b.sp()
        value(r, b)


# ============================================================================ JSON
_JSON_KEYS = ("addr", "retries", "user", "id", "latency", "status", "method", "path", "error",
              "count", "size", "host", "port", "duration", "elapsed", "remote_addr", "ip",
              "request_id", "trace_id", "span_id", "component", "version", "region", "ok",
              "enabled", "tags", "items", "attempt", "bytes", "name", "kind", "namespace", "pod",
              "url", "query", "rows", "took", "code", "reason", "uid", "email", "service",
              "userAgent", "statusCode", "responseTime", "http.method", "log.logger",
              "event.dataset", "@version", "thread_name", "logger_name", "level_value")


def _json_string(r) -> str:
    k = _n(r, 0, 19)
    if k < 5:
        return " ".join(_plain_word(r) for _ in range(_n(r, 1, 6)))
    if k == 5:
        return f"{_ip4(r)}:{_port(r)}"
    if k == 6:
        return ":" + _port(r)
    if k == 7:
        return _url(r)
    if k == 8:
        return _upath(r)
    if k == 9:
        return _uuid(r)
    if k == 10:
        return _email(r)
    if k == 11:
        return _ts(r, _p(r, ("iso_t", "iso_t", "iso_space", "rfc2822")))
    if k == 12:
        return _duration(r)
    if k == 13:
        return _p(r, ("GET", "POST", "PUT", "DELETE", "info", "debug", "error", "warn"))
    if k == 14:
        return _host(r) if _c(r, 0.5) else _fqdn(r)
    if k == 15:
        return f"dial tcp {_ip4(r)}:{_port(r)}: connect: {_p(r, _ERRNO_TEXT)}"
    if k == 16:
        return _p(r, ("curl/8.4.0", "Go-http-client/1.1", "kube-probe/1.27",
                      "Mozilla/5.0 (X11; Linux x86_64)", "python-requests/2.31.0"))
    if k == 17:
        return ""
    if k == 18:
        return _version(r)
    return _p(r, V.NAMES)


def _json_number(r) -> str:
    k = _n(r, 0, 5)
    if k <= 1:
        return str(_n(r, 0, 999))
    if k == 2:
        return _num(r)
    if k == 3:
        return _signed(r)
    if k == 4:
        return f"{r.random() * 10 ** _n(r, 0, 4):.{_n(r, 1, 6)}f}"
    return _epoch_float(r) if _c(r, 0.5) else f"{r.random() * 9 + 1:.3f}e-0{_n(r, 1, 9)}"


def _json_value(r, b: Line, depth: int, colon: str, comma: str):
    x = r.random()
    if x < 0.45:
        b.quoted(_json_string(r))                       # `""` is one empty field (rule 8)
    elif x < 0.72:
        b.f(_json_number(r))
    elif x < 0.8:
        b.f(_p(r, ("true", "false")))
    elif x < 0.84:
        b.f("null")
    elif x < 0.92 and depth < 3:
        _json_array(r, b, depth + 1, colon, comma)
    elif depth < 3:
        _json_object(r, b, depth + 1, colon, comma, _n(r, 0, 4))
    else:
        b.f(str(_n(r, 0, 99)))


def _json_array(r, b: Line, depth: int, colon: str, comma: str):
    n = _n(r, 0, 4)
    b.d("[")
    kind = _n(r, 0, 3)
    for i in range(n):
        if i:
            b.d(comma)
        if kind == 0:
            b.quoted(_plain_word(r) if _c(r, 0.7) else _json_string(r))
        elif kind == 1:
            b.f(_json_number(r))
        else:
            _json_value(r, b, depth, colon, comma)
    b.d("]")


def _json_key(r) -> str:
    return _p(r, _JSON_KEYS) if _c(r, 0.7) else _p(r, _KEYS_ALL)


def _json_object(r, b: Line, depth: int, colon: str, comma: str, n: int, pad: bool = False):
    """``{"k": v, ...}``: braces, quotes, ``:`` and ``,`` are delimiters (docs #8)."""
    if n == 0:
        b.d("{}")
        return
    b.d("{ " if pad else "{")
    for i in range(n):
        if i:
            b.d(comma)
        b.d('"').f(_json_key(r))
        k = len(b.parts) - 1
        b.d('"' + colon)
        start = len(b.parts)
        _json_value(r, b, depth, colon, comma)
        if b.parts[start][0][:1] not in "[{":           # a scalar value: a key/value pair
            _pair_from(b, k, start)
    b.d(" }" if pad else "}")


def _json_seps(r):
    return (":", ",") if _c(r, 0.55) else (": ", ", ")


def _json_log_obj(r, b: Line, colon: str, comma: str):
    """A JSON log record with the usual keys first, then random context."""
    style = _n(r, 0, 3)
    if style == 0:      # zap production / logrus JSON
        b.d("{")
        b.d('"').f(_p(r, ("level", "lvl", "severity"))).d('"' + colon + '"').f(
            V.level(r, "lower")).d('"' + comma)
        b.d('"').f(_p(r, ("ts", "time", "timestamp"))).d('"' + colon)
        if _c(r, 0.5):
            b.f(_epoch_float(r))
        else:
            b.d('"').f(_go_ts(r)).d('"')
        if _c(r, 0.6):
            b.d(comma + '"').f("caller").d('"' + colon + '"').f(
                f"{_p(r, ('server', 'cmd', 'internal/api', 'pkg/store'))}/{_id(r, 3, 8)}.go:"
                f"{_n(r, 1, 900)}").d('"')
        b.d(comma + '"').f(_p(r, ("msg", "message"))).d('"' + colon + '"')
        b.f(" ".join(_plain_word(r) for _ in range(_n(r, 1, 7)))).d('"')
    elif style == 1:    # ECS / logstash
        b.d("{")
        b.d('"').f("@timestamp").d('"' + colon + '"').f(_ts(r, "iso_t")).d('"' + comma)
        b.d('"').f(_p(r, ("log.level", "level", "severity"))).d('"' + colon + '"').f(
            V.level(r, _p(r, (None, "lower")))).d('"' + comma)
        b.d('"').f("message").d('"' + colon + '"')
        b.f(" ".join(_word(r) for _ in range(_n(r, 1, 8)))).d('"')
        if _c(r, 0.5):
            b.d(comma + '"').f("service").d('"' + colon + "{" + '"').f("name").d(
                '"' + colon + '"').f(_id(r, 3, 10)).d('"}')
    elif style == 2:    # bunyan
        b.d("{")
        b.d('"').f("name").d('"' + colon + '"').f(_id(r, 3, 10)).d('"' + comma)
        b.d('"').f("hostname").d('"' + colon + '"').f(_host(r)).d('"' + comma)
        b.d('"').f("pid").d('"' + colon).f(_n(r, 1, 65535)).d(comma)
        b.d('"').f("level").d('"' + colon).f(_p(r, ("10", "20", "30", "40", "50", "60"))).d(comma)
        b.d('"').f("msg").d('"' + colon + '"')
        b.f(" ".join(_plain_word(r) for _ in range(_n(r, 1, 7)))).d('"' + comma)
        b.d('"').f("time").d('"' + colon + '"').f(_ts(r, "iso_t")).d('"' + comma)
        b.d('"').f("v").d('"' + colon).f("0")
    else:               # arbitrary nested object
        _json_object(r, b, 0, colon, comma, _n(r, 1, 7))
        return
    for _ in range(_n(r, 0, 4)):
        b.d(comma + '"').f(_json_key(r)).d('"' + colon)
        _json_value(r, b, 1, colon, comma)
    b.d("}")


# ============================================================================ zap
_ZAP_LEVELS = ("DEBUG", "INFO", "INFO", "INFO", "WARN", "ERROR", "DPANIC", "PANIC", "FATAL")


def _zap_context(r, b: Line):
    """zap console context: ``{"addr": ":8080", "retries": 3}`` (always ``": "`` / ``", "``)."""
    _json_object(r, b, 1, ": ", ", ", _n(r, 1, 5))


@family("zap")
def zap(r) -> Line:
    """Variants: development console (ISO8601, CAPITAL level), production console (epoch float,
    lowercase level), coloured levels, optional logger name, optional caller, optional
    context JSON."""
    b = Line()
    variant = _n(r, 0, 3)
    lv = _p(r, _ZAP_LEVELS)
    if variant == 1:                                  # production console encoder
        b.f(_epoch_float(r)).d("\t").f(lv.lower())
    else:
        b.f(_go_ts(r)).d("\t")
        if variant == 2:                              # CapitalColorLevelEncoder
            b.d(_ANSI_LEVEL[lv]).f(lv).d("\x1b[0m")
        else:
            b.f(lv)
    if _c(r, 0.3):                                    # named logger
        b.d("\t").f(".".join(_p(r, ("main", "http", "server", "grpc", "db", "worker", "raft",
                                    "controller", "api")) for _ in range(_n(r, 1, 2))))
    if variant != 3 or _c(r, 0.3):                    # caller (ShortCallerEncoder)
        b.d("\t").f(f"{_p(r, ('server', 'cmd/app', 'internal/store', 'pkg/http', 'main'))}/"
                    f"{_id(r, 3, 10)}.go").d(":").f(_n(r, 1, 1500))
    b.d("\t")
    _go_msg(r, b)
    if _c(r, 0.65):
        b.d("\t")
        _zap_context(r, b)
    return b


# ============================================================================ logrus
_LOGRUS_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._/@^+")
_LOGRUS_TTY = {"debug": "DEBU", "info": "INFO", "warning": "WARN", "error": "ERRO",
               "fatal": "FATA", "panic": "PANI", "trace": "TRAC"}
_LOGRUS_COLOR = {"debug": "\x1b[37m", "trace": "\x1b[37m", "info": "\x1b[36m",
                 "warning": "\x1b[33m", "error": "\x1b[31m", "fatal": "\x1b[31m",
                 "panic": "\x1b[31m"}
_LOGRUS_LEVELS = ("info", "info", "info", "warning", "error", "debug", "trace", "fatal", "panic")


def _logrus_field_value(r) -> str:
    k = _n(r, 0, 13)
    if k < 3:
        return str(_n(r, 0, 9999))
    if k == 3:
        return _ip4(r)
    if k == 4:
        return f"{_ip4(r)}:{_port(r)}"
    if k == 5:
        return ":" + _port(r)
    if k == 6:
        return _duration(r)
    if k == 7:
        return " ".join(_plain_word(r) for _ in range(_n(r, 2, 5)))
    if k == 8:
        return _upath(r)
    if k == 9:
        return _p(r, V.NAMES)
    if k == 10:
        return f"dial tcp {_ip4(r)}:{_port(r)}: connect: {_p(r, _ERRNO_TEXT)}"
    if k == 11:
        return _uuid(r)
    if k == 12:
        return ""
    return _p(r, ("true", "false", _version(r), _host(r)))


def _logrus_value(b: Line, key: str, text: str, color: str = ""):
    """``key=value`` of the logrus text formatter, recorded as a pair: a value is quoted when
    it has a character outside ``[A-Za-z0-9-._/@^+]``; an empty value is written bare
    (``key=``, an empty field, rule 8).  With colours the ``=`` follows an escape sequence, not
    the key, so a bare ``key=`` keeps no empty place there: the coloured form is drawn with
    ``QuoteEmptyFields`` (``key=""``, one empty field)."""
    if color:
        b.d(color)
        sep = "\x1b[0m="
    else:
        sep = "="
    if (text and not _LOGRUS_SAFE.issuperset(text)) or (color and not text):
        b.kv(key, text, sep, q='"')
    else:
        b.kv(key, text, sep)


def _logrus_fields(r):
    keys = sorted({_p(r, ("addr", "component", "duration", "error", "method", "path", "port",
                           "remote", "request_id", "status", "user", "took", "count", "id",
                           "module", "retry", "host", "prefix", "file", "func"))
                   for _ in range(_n(r, 0, 5))})
    out = []
    for k in keys:
        if k == "func":
            out.append((k, f"main.{_p(r, _LCAMEL)}"))
        elif k == "file":
            out.append((k, f"/go/src/app/{_id(r, 3, 8)}.go:{_n(r, 1, 900)}"))
        elif k == "status":
            out.append((k, _p(r, ("200", "201", "404", "500", "503"))))
        else:
            out.append((k, _logrus_field_value(r)))
    return out


@family("logrus")
def logrus(r) -> Line:
    """Variants: text formatter with time, text formatter without time, TTY colour form with
    elapsed seconds ``INFO[0001]``, TTY form with full timestamp, TTY form with colours
    stripped."""
    b = Line()
    variant = _n(r, 0, 4)
    lv = _p(r, _LOGRUS_LEVELS)
    msg = " ".join(_plain_word(r) for _ in range(_n(r, 1, 7)))
    if _c(r, 0.2):
        msg = _p(r, _GO_PHRASES)
    fields = _logrus_fields(r)
    if variant <= 1:
        if variant == 0:
            b.kv("time", _ts(r, "iso_t") if _c(r, 0.3) else _go_ts(r), q='"').sp()
        b.kv("level", lv).sp()
        _logrus_value(b, "msg", msg)
        for k, v in fields:
            b.sp()
            _logrus_value(b, k, v)
        return b
    colored = variant != 4
    tty = _LOGRUS_TTY[lv]
    if colored:
        b.d(_LOGRUS_COLOR[lv]).f(tty).d("\x1b[0m")
    else:
        b.f(tty)
    if variant == 3:
        b.d("[").f(_go_ts(r) if _c(r, 0.5) else _ts(r, _p(r, ("iso_space", "iso_t",
                                                                       "time_only")))).d("]")
    elif _c(r, 0.85):
        b.d("[").f(f"{_n(r, 0, 9999):04d}").d("]")
    b.sp()
    # message words, padded to 44 columns (%-44s); `msg` is the generator's own word list
    b.words(msg)
    b.d(" " * max(0, 44 - len(msg)) + " ")
    for k, v in fields:
        b.sp()
        _logrus_value(b, k, v, _LOGRUS_COLOR[lv] if colored else "")
    return b


# ============================================================================ record cells
_COLS = ("id", "timestamp", "time", "date", "level", "host", "user", "user_id", "email",
         "status", "code", "message", "msg", "duration_ms", "bytes", "ip", "src_ip", "dst_ip",
         "port", "method", "path", "url", "amount", "price", "qty", "name", "city", "country",
         "event", "action", "result", "session", "uuid", "latency", "cpu", "mem", "region",
         "component", "EventId", "EventTemplate", "Content", "Date", "Time", "Pid", "Level")
_TEXT_WORDS = ("Smith", "Jones", "New York", "San Francisco", "Berlin", "payment", "order",
               "refund", "shipped", "pending", "checkout", "login", "logout")


def _cell(r):
    """One record cell: (kind, text).  kind: 'e' empty, 'a' atom (one field, may hold blanks:
    a timestamp), 't' text (words; split at blanks unless quoted), 'c' text with a comma."""
    k = _n(r, 0, 24)
    if k < 4:
        return "a", str(_n(r, 0, 99999))
    if k == 4:
        return "a", _signed(r)
    if k == 5:
        return "a", _decimal(r)
    if k == 6:
        return "a", f"{_n(r, 0, 999)}.{_n(r, 0, 99):02d}"
    if k == 7:
        return "a", _ts(r, _p(r, ("iso_t", "iso_space", "iso_space", "us_date",
                                          "slash_iso", "epoch", "date_only", "time_only")))
    if k == 8:
        return "a", _ip4(r)
    if k == 9:
        return "a", _email(r)
    if k == 10:
        return "a", _uuid(r)
    if k == 11:
        return "a", _p(r, ("true", "false", "TRUE", "FALSE", "True", "False", "Y", "N", "NULL"))
    if k == 12:
        return "a", V.level(r, _p(r, (None, "lower")))
    if k == 13:
        return "a", _host(r)
    if k == 14:
        return "a", _p(r, V.NAMES)
    if k == 15:
        return "a", _percent(r) if _c(r, 0.5) else _duration(r)
    if k == 16:
        return "a", _urlpath(r) if _c(r, 0.5) else _upath(r)
    if k == 17:
        return "a", _p(r, ("GET", "POST", "PUT", "DELETE", "200", "404", "500", "OK", "FAIL"))
    if k <= 19:
        return "e", ""
    if k == 20:
        return "c", f"{_p(r, _TEXT_WORDS)}, {_p(r, ('J', 'A', 'Bob', 'CA', 'NY', 'DE', 'inc'))}"
    if k == 21:
        return "a", _p(r, _STATES)
    return "t", " ".join(_plain_word(r) if _c(r, 0.8) else _word(r).replace("'", "")
                         for _ in range(_n(r, 2, 6)))


def _emit_cell(b: Line, kind: str, text: str, quote: bool, q: str = '"',
               between: bool = False):
    """One cell.  An empty cell is an empty field (rule 8) where the delimiters keep its place:
    empty quotes ``""``, or nothing ``between`` two of the same list separator ``,`` ``;``
    ``|`` (``a,,c``, ``a, ,c``, ``x||y``).  A first or last cell, and any cell of a
    tab-separated record, has no such place: whitespace never makes an empty field."""
    if kind == "e":
        if quote:
            b.quoted("", q)
        elif between:
            b.empty()
        return
    if quote or kind == "c":
        b.d(q).f(text).d(q)                             # quoted: one field, blanks included
    elif kind == "t":
        b.words(text)                                   # unquoted words split at blanks
    else:
        b.f(text)


def _row(r, n: int):
    return [_cell(r) for _ in range(n)]


def _header_row(r, b: Line, n: int, sep: str, quote_all: bool):
    for i in range(n):
        if i:
            b.d(sep)
        name = _p(r, _COLS)
        if quote_all:
            b.d('"').f(name).d('"')
        else:
            b.f(name)


# ============================================================================ CSV
#: What exports and tables write where a value is absent: each fills its cell, so it is a field.
_PLACEHOLDERS = ("-", "-", "-", "NULL", "\\N", "null", "N/A", "n/a", "--", "None", "nil")

@family("csv_records")
def csv_records(r) -> Line:
    """Variants: minimal quoting (only cells with commas), all strings quoted, a header row of
    column names, semicolon-separated, ``, ``-separated log export (timestamp, level, text)."""
    b = Line()
    variant = _n(r, 0, 4)
    n = _n(r, 2, 12)
    if variant == 2:
        _header_row(r, b, n, ",", _c(r, 0.3))
        return b
    if variant == 4:
        # `2016-09-28 04:30:30, Info, CBS, message words`: the comma ends each cell
        b.f(_ts(r, _p(r, ("iso_space", "us_date", "iso_t")))).d(", ")
        b.f(V.level(r, _p(r, (None, "lower")))).d(", ")
        b.f(_p(r, ("CBS", "CSI", "App", "Security", "System", _id(r, 3, 8))))
        for kind, text in _row(r, _n(r, 0, 3)):
            b.d(", ")
            _emit_cell(b, kind, text, False, between=True)   # `, , `: an empty field
        b.d(", ")
        message(r, b) if _c(r, 0.5) else b.words(" ".join(_plain_word(r) for _ in range(_n(r, 2, 8))))
        return b
    sep = _p(r, (";", ";", "; ")) if variant == 3 else _p(r, (",", ",", ",", ", "))
    quote_all = variant == 1
    for i, (kind, text) in enumerate(_row(r, n)):
        if i:
            b.d(sep)
        quote = quote_all and (kind != "a" or not text[:1].isdigit() or _c(r, 0.3))
        if (kind == "t" and _c(r, 0.3)) or sep.strip() in text:
            quote = True                                # a writer quotes a cell holding `,`
        if kind == "e" and _c(r, 0.3):
            b.f(_p(r, _PLACEHOLDERS))                 # a placeholder in the cell: a field
            continue
        _emit_cell(b, kind, text, quote, between=0 < i < n - 1)
    return b


# ============================================================================ TSV
_ZEEK_FIELDS = ("ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p", "proto",
                "service", "duration", "orig_bytes", "resp_bytes", "conn_state",
                "missed_bytes", "history", "orig_pkts", "tunnel_parents")


def _zeek_row(r, b: Line):
    """Zeek conn.log: tab separated; the ``-`` of an unset cell fills its place and is a field
    (rule 8), ``(empty)`` gives ``empty``."""
    b.f(f"{_n(r, 1300000000, 1700000000)}.{_n(r, 0, 999999):06d}").d("\t")
    b.f("C" + "".join(r.choices("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
                                k=17))).d("\t")
    b.f(_ip4(r)).d("\t").f(_n(r, 1024, 65535)).d("\t").f(_ip4(r)).d("\t").f(_port(r)).d("\t")
    b.f(_p(r, ("tcp", "udp", "icmp"))).d("\t")
    cells = [_p(r, ("http", "dns", "ssl", "-", "-")), f"{r.random() * 10:.6f}",
             str(_n(r, 0, 99999)), str(_n(r, 0, 99999)),
             _p(r, ("SF", "S0", "REJ", "RSTO", "OTH")), "0",
             _p(r, ("ShADadFf", "Dd", "S", "ShAdDaFf", "-")), str(_n(r, 1, 999)),
             _p(r, ("(empty)", "-", "-"))]
    for i, c in enumerate(cells):
        if i:
            b.d("\t")
        if c == "(empty)":
            b.d("(").f("empty").d(")")
        else:
            b.f(c)


@family("tsv_records")
def tsv_records(r) -> Line:
    """Variants: mixed typed cells with empty cells, a header row, Zeek conn.log rows and their
    ``#fields`` header, ``key<TAB>value`` pairs, records with a free-text last column."""
    b = Line()
    variant = _n(r, 0, 4)
    if variant == 0:
        for i, (kind, text) in enumerate(_row(r, _n(r, 2, 12))):
            if i:
                b.d("\t")
            if kind == "c":
                kind, text = "t", text.replace(",", "")
            if kind == "e" and _c(r, 0.3):
                b.f(_p(r, _PLACEHOLDERS))              # a placeholder: a field (rule 8)
                continue
            _emit_cell(b, kind, text, False)
    elif variant == 1:
        _header_row(r, b, _n(r, 2, 10), "\t", False)
    elif variant == 2:
        if _c(r, 0.2):
            directive = _p(r, ("#fields", "#fields", "#types", "#path"))
            b.f(directive).d("\t")
            if directive == "#fields":
                b.fields(_ZEEK_FIELDS[: _n(r, 4, len(_ZEEK_FIELDS))], "\t")
            else:
                b.fields([_p(r, ("time", "string", "addr", "port", "count", "conn", "interval"))
                          for _ in range(_n(r, 1, 6))], "\t")
        else:
            _zeek_row(r, b)
    elif variant == 3:
        for i in range(_n(r, 1, 4)):
            if i:
                b.d("\t")
            b.f(_p(r, _KEYS_ALL)).d("\t" * _n(r, 1, 2))
            scalar(r, b)
    else:
        b.f(_ts(r)).d("\t").f(V.level(r)).d("\t")
        for _ in range(_n(r, 0, 3)):
            kind, text = _cell(r)
            if kind in "ct":
                kind, text = "a", _p(r, V.NAMES)
            _emit_cell(b, kind, text, False)
            b.d("\t")
        message(r, b)
    return b


# ============================================================================ pipes
@family("pipe_records")
def pipe_records(r) -> Line:
    """Variants: HealthApp compact records ``ts|Component|pid|message``, `` | ``-padded table
    rows (with or without outer pipes, empty cells), loguru ``ts | LEVEL    | mod:func:42 -
    message``, ``ts | level | logger | message`` app layout, table rule lines."""
    b = Line()
    variant = _n(r, 0, 4)
    if variant == 0:
        b.f(_ts(r, _p(r, ("compact", "compact", "iso_space", "epoch_ms")))).d("|")
        b.f(_p(r, ("Step_LSC", "Step_SPUtils", "Step_ExtSDM", "HiH_HiHealthDataInsertStore",
                   "Step_StandReportReceiver", "Step_NotificationUtil", "HiH_HiSyncControl",
                   "Step_" + _p(r, _CAMEL), "HiH_" + _p(r, _CAMEL)))).d("|")
        b.f(_n(r, 10000000, 39999999)).d("|")
        if _c(r, 0.6):
            b.f(_p(r, _LCAMEL))
            for _ in range(_n(r, 0, 3)):
                b.sp()
                scalar(r, b) if _c(r, 0.5) else b.f(_n(r, 0, 99999))
        else:
            message(r, b)
    elif variant == 1:
        outer = _c(r, 0.6)
        pad = _c(r, 0.8)
        cells = _row(r, _n(r, 2, 8))
        if outer:
            b.d("|")
        for i, (kind, text) in enumerate(cells):
            if pad and (i or outer):
                b.d(" ")
            if kind == "c":
                kind, text = "t", text.replace(",", "")
            if kind == "e" and _c(r, 0.3):
                kind, text = "a", _p(r, _PLACEHOLDERS)   # a placeholder: a field (rule 8)
            _emit_cell(b, kind, text, False)
            if pad and kind != "t":
                b.d(" " * _n(r, 0, 8))                  # column padding
            last = i == len(cells) - 1
            if last and not outer:
                break
            if pad:
                b.d(" ")
            if kind == "e" and (i or outer):
                b.empty()                               # `| |`, `||`: at the second pipe
            b.d("|")
    elif variant == 2:
        # loguru default format
        b.f(_ts(r, "iso_space")).d(" | ")
        lv = _p(r, ("TRACE", "DEBUG", "INFO", "SUCCESS", "WARNING", "ERROR", "CRITICAL"))
        b.f(lv).d(" " * (8 - len(lv)) + " | ")
        b.f(_p(r, ("__main__", "app", "app.api", "worker.tasks", "db.session", "utils"))).d(":")
        if _c(r, 0.2):
            b.d("<").f("module").d(">")                 # `__main__:<module>:12`
        else:
            b.f(_p(r, ("main", "run", "handle", "connect", "process_item", "_worker")))
        b.d(":").f(_n(r, 1, 800)).d(" - ")
        message(r, b)
    elif variant == 3:
        sep = _p(r, (" | ", " | ", "|", " |", "| "))
        b.f(_ts(r)).d(sep).f(V.level(r)).d(sep)
        if _c(r, 0.5):
            b.f(_p(r, _PATH_PARTS) if _c(r, 0.4) else V.short_class(r)).d(sep)
        if _c(r, 0.3):
            b.f(_host(r)).d(sep)
        message(r, b)
    else:
        # a table rule line is all delimiters; a header row of column names is fields
        if _c(r, 0.3):
            n = _n(r, 2, 7)
            corner = _p(r, ("+", "|"))
            b.d(corner + corner.join("-" * _n(r, 3, 14) for _ in range(n)) + corner)
        else:
            b.d("| ")
            for i in range(_n(r, 2, 7)):
                if i:
                    b.d(" | ")
                b.f(_p(r, _COLS)).d(" " * _n(r, 0, 6))
            b.d(" |")
    return b


# ============================================================================ JSON lines
@family("json_line")
def json_line(r) -> Line:
    """Variants: a JSON log record (zap/logrus JSON, ECS, bunyan), an arbitrary nested object,
    a JSON object after a ``timestamp LEVEL`` prefix (optionally a message between), compact or
    spaced separators, and rarely a top-level array."""
    b = Line()
    colon, comma = _json_seps(r)
    variant = _n(r, 0, 4)
    if variant <= 1:
        _json_log_obj(r, b, colon, comma)
    elif variant == 2:
        _json_object(r, b, 0, colon, comma, _n(r, 1, 8), pad=colon == ": " and _c(r, 0.2))
    elif variant == 3:
        b.f(_ts(r)).d(_p(r, (" ", "\t", " - ")))
        lv = V.level(r)
        if _c(r, 0.3):
            b.d("[").f(lv).d("]")
        else:
            b.f(lv)
        b.d(_p(r, (" ", "\t", " - ", ": ")))
        if _c(r, 0.4):
            b.words(" ".join(_plain_word(r) for _ in range(_n(r, 1, 4))))
            b.d(_p(r, (": ", " ", " - ")))
        _json_object(r, b, 0, colon, comma, _n(r, 1, 6))
    else:
        if _c(r, 0.3):
            _json_array(r, b, 1, colon, comma)
        else:
            _json_log_obj(r, b, colon, comma)
    return b


# ============================================================================ key=value
def _kv_value(r, b: Line, quotes: float, keeps_empty: bool = True):
    """A value after ``key=``; ``keeps_empty``: the delimiters here keep an empty value's place
    (``=`` glued to the key and followed by a blank, a list separator or the end of the line),
    so ``ruser=`` gives an empty field (rule 8).  Where they do not (``key =``, ``k=&``) the
    value is never empty."""
    x = r.random()
    if x < 0.08 and keeps_empty:
        b.empty()                                       # `ruser=`: an empty value
        return
    if x < 0.11:
        b.f("-")                                        # `user=-`: the placeholder is a field
        return
    if x < quotes:
        quoted(r, b, 0.05)
    elif x < 0.7:
        scalar(r, b)
    else:
        value(r, b)


def _audit(r, b: Line):
    """Linux audit record: ``type=SYSCALL msg=audit(1364481363.243:24287): arch=c000003e ...``."""
    b.f("type").d("=").f(_p(r, ("SYSCALL", "CWD", "PATH", "USER_LOGIN", "USER_AUTH", "EXECVE",
                                "AVC", "CRED_ACQ", "SERVICE_START"))).sp()
    b.f("msg").d("=").f("audit").d("(").f(f"{_n(r, 1300000000, 1700000000)}.{_n(r, 0, 999):03d}")
    b.d(":").f(_n(r, 1, 999999)).d("):")
    for k in r.sample(("arch", "syscall", "success", "exit", "a0", "a1", "items", "ppid", "pid",
                       "auid", "uid", "gid", "tty", "ses", "comm", "exe", "key", "res",
                       "subj", "name", "inode", "dev", "mode", "addr", "terminal"), _n(r, 3, 10)):
        b.sp().f(k)
        ki = len(b.parts) - 1
        b.d("=")
        start = len(b.parts)
        if k in ("comm", "exe", "name"):
            b.d('"').f(_p(r, ("touch", "sshd", "bash", "cron")) if k == "comm"
                       else _upath(r)).d('"')
        elif k == "key":
            b.d("(").f("null").d(")") if _c(r, 0.6) else b.d('"').f(_id(r, 3, 8)).d('"')
        elif k == "success":
            b.f(_p(r, ("yes", "no")))
        elif k in ("arch", "a0", "a1"):
            b.f(_hex(r, _p(r, (1, 8, 12))))
        elif k == "exit":
            b.f(_p(r, ("0", "-13", "-2", str(_n(r, 1, 99)))))
        elif k == "tty":
            b.f(_p(r, ("pts0", "pts1", "ssh"))) if _c(r, 0.7) else b.d("(").f("none").d(")")
        elif k == "dev":
            b.f(f"{_n(r, 0, 255):02x}").d(":").f(f"{_n(r, 0, 255):02x}")
        elif k == "addr":
            b.f(_ip4(r))
        elif k == "subj":
            b.f("unconfined_u").d(":").f("unconfined_r").d(":").f("unconfined_t").d(":") \
                .f("s0-s0").d(":").f("c0.c1023")
        elif k == "res":
            b.f(_p(r, ("success", "failed")))
        else:
            b.f(_n(r, 0, 99999))
        _pair_from(b, ki, start)


def _iptables(r, b: Line):
    """Netfilter LOG target: ``IN=eth0 OUT= MAC=... SRC=... DST=... LEN=60 ... DF PROTO=TCP``."""
    k = _n(r, 0, 3)
    if k == 0:
        b.d("[").f("UFW").sp().f(_p(r, ("BLOCK", "ALLOW", "AUDIT"))).d("] ")
    elif k == 1:
        b.f(_p(r, ("IPTABLES-DROP", "FW-IN", "DROP", "INPUT-REJECT", "iptables"))).d(": ")
    pairs = [("IN", _p(r, ("eth0", "ens3", "wlan0", "br0"))), ("OUT", _p(r, ("", "", "eth1"))),
             ("MAC", ":".join(_hex(r, 2) for _ in range(14))), ("SRC", _ip4(r)),
             ("DST", _ip4(r)), ("LEN", str(_n(r, 40, 1500))), ("TOS", "0x00"),
             ("PREC", "0x00"), ("TTL", str(_n(r, 30, 255))), ("ID", str(_n(r, 0, 65535)))]
    for i, (k, v) in enumerate(pairs):
        if i:
            b.sp()
        b.kv(k, v)                                      # `OUT=`: an empty field (decision 17)
    if _c(r, 0.5):
        b.sp().f("DF")
    b.sp().kv("PROTO", _p(r, ("TCP", "UDP", "ICMP"))).sp()
    b.kv("SPT", _n(r, 1024, 65535)).sp().kv("DPT", _port(r))
    if _c(r, 0.7):
        b.sp().kv("WINDOW", _n(r, 0, 65535)).sp().kv("RES", "0x00")
        for flag in r.sample(("SYN", "ACK", "FIN", "RST", "PSH"), _n(r, 1, 2)):
            b.sp().f(flag)
        b.sp().kv("URGP", "0")


@family("kv_pairs")
def kv_pairs(r) -> Line:
    """Variants: ``k=v`` lists separated by blanks, ``,``, ``, ``, ``;``, `` | ``;
    ``key: value`` lists; ``key = value`` spaced; with a label prefix (``Stats: ``,
    ``[component] ``) or a header; Linux audit records; netfilter LOG lines."""
    b = Line()
    variant = _n(r, 0, 6)
    if variant == 5:
        _audit(r, b)
        return b
    if variant == 6:
        _iptables(r, b)
        return b
    if _c(r, 0.3):
        k = _n(r, 0, 3)
        if k == 0:
            if _c(r, 0.8):
                b.words(_p(r, ("Stats", "Metrics", "Summary", "Request", "Config", "Params",
                               "Result", "Context", "Connection stats", "Final counters")))
                b.d(_p(r, (": ", ":  ", ": ", " - ")))
            else:
                b.words(_p(r, ("authentication failure;", "session opened;", "check pass;")))
                b.sp()
        elif k == 1:
            b.d("[").f(_p(r, _SNAKE + _CAMEL)).d("] ")
        elif k == 2:
            header(r, b)
        else:
            b.f(_ts(r)).sp()
    n = _n(r, 1, 12)
    if variant <= 2:
        sep = _p(r, ((" ", " ", " ", "  ", "\t"), (",", ", "), ("; ", ";", " | ", "&"))[variant])
        eq = "="
    elif variant == 3:
        sep, eq = _p(r, (", ", ", ", "; ", " | ", "  ", "\t")), _p(r, (": ", ": ", ":\t"))
    else:
        # not `key= value`: logsplit.fieldspans reads a `=` glued to its key and followed by a
        # blank as an empty value (`ruser= rhost=1`), so `key= value` is not generated
        sep, eq = _p(r, (", ", " ", "; ")), _p(r, (" = ", " = ", " =", " =  "))
    quotes = _p(r, (0.1, 0.2, 0.35))
    keys = r.sample(_KEYS_ALL, min(n, len(_KEYS_ALL)))
    for i, key in enumerate(keys):
        if i:
            b.d(sep)
        if _c(r, 0.5):
            typed_pair(r, b, eq)
            continue
        if variant == 3:
            # `key: value`: an empty value is written as empty quotes (an empty field) or `null`
            x = r.random()
            if x < 0.05:
                b.kv(key, "", eq, q='"')
            elif x < 0.25:
                _pair(b, key, eq, lambda: quoted(r, b, 0.0))
            else:
                _pair(b, key, eq, lambda: scalar(r, b) if _c(r, 0.6) else value(r, b))
        else:
            # `ruser=` keeps an empty place only glued to its key and before a blank, a list
            # separator or the end of the line (logsplit.fieldspans)
            keeps = eq in ("=", "= ") and (i == len(keys) - 1 or sep[0] in " \t,;|")
            _pair(b, key, eq, lambda: _kv_value(r, b, quotes, keeps))
    return b


# ============================================================================ free text
@family("freetext")
def freetext(r) -> Line:
    """A random header (timestamp style, level, host, process, thread, logger in random order
    and separators) then a free-text message."""
    b = header(r, Line())
    return message(r, b)


@family("bare_message")
def bare_message(r) -> Line:
    """A message alone, no header: plain, indented, or with a level/label lead."""
    b = Line()
    k = _n(r, 0, 9)
    if k == 0:
        b.d(_p(r, ("  ", "    ", "\t")))
    elif k == 1:
        b.words(_p(r, ("Error", "Warning", "Note", "Info", "ERROR", "FATAL", "Hint", "Caused by",
                       "error", "panic", "Exception in thread main"))).d(": ")
    if _c(r, 0.15) and _decoration(r, b):
        return b
    message(r, b)
    return b


#: Non-ASCII decorations: arrows, bullets, tree branches, status marks (decision 36: an
#: unquoted non-ASCII symbol is a delimiter, like the punctuation it stands for).
_DECOR = ("↳", "→", "⇒", "•", "◦", "▸", "▶", "►", "❯", "»", "✔", "✓", "✗", "✘", "⚠", "★",
          "├──", "└──", "├─", "└─", "│", "—", "–", "·")


def _decoration(r, b: Line):
    """An indented decoration before a message or a path (``  ↳ app/models/user.rb:12``,
    ``├── lib/``, ``✔ done``): the symbol and the blanks around it are delimiters."""
    b.d(_p(r, ("", "", "  ", "    ", "\t")) + _p(r, _DECOR) + _p(r, (" ", " ", "  ")))
    if _c(r, 0.4):
        b.f(_p(r, ("app/models/user.rb", "lib/tasks/sync.rake", "src/main.rs", "pkg/api/server.go",
                   "app/controllers/orders_controller.rb", "config/routes.rb", "index.js")))
        b.d(":").f(_n(r, 1, 999))
        if _c(r, 0.6):
            b.d(":").f("in").d(" `").f(_p(r, ("create", "index", "call", "block in run", "perform")))
            b.d("'")
        return True
    return False


def _frame(r, b: Line):
    """A component prefix: ``[component] ``, ``(module) ``, ``<tag> ``, ``module.func(): ``,
    ``Component: ``, ``[a][b] ``, ``{module} ``, ``component - ``."""
    name = _p(r, ("auth", "db", "http", "cache", "scheduler", "worker", "api", "core", "net",
                  "ingest", "billing", "sync", "storage", "mailer", "cron", "gateway"))
    if _c(r, 0.3):
        name = _p(r, _CAMEL + _SNAKE + ("HTTP", "DB", "GC", "RPC", "TLS", "k8s", "S3"))
    k = _n(r, 0, 9)
    if k == 0:
        b.d("[").f(name).d("] ")
    elif k == 1:
        b.d("(").f(name).d(") ")
    elif k == 2:
        b.d("<").f(name).d(">" + _p(r, (" ", "")))
    elif k == 3:
        b.f(f"{name}.{_p(r, _LCAMEL + _SNAKE)}").d("(): ")
    elif k == 4:
        b.f(name).d(": ")
    elif k == 5:
        b.d("[").f(name).d("][").f(_p(r, ("main", "init", "tx", "rx", "gc", "io",
                                          str(_n(r, 0, 64))))).d("] ")
    elif k == 6:
        b.d("{").f(name).d("} ")
    elif k == 7:
        b.f(name).d(" - ")
    elif k == 8:
        b.f(f"{name}/{_p(r, ('handler', 'client', 'server', 'v2', 'util'))}.go").d(":") \
            .f(_n(r, 1, 999)).d(": ")
    else:
        b.f(name).d(":").f(_p(r, _LCAMEL)).d(": ")


@family("generic_app")
def generic_app(r) -> Line:
    """A header, one or two component frames, then a message."""
    b = header(r, Line()) if _c(r, 0.85) else Line()
    _frame(r, b)
    if _c(r, 0.2):
        _frame(r, b)
    if _c(r, 0.12) and _decoration(r, b):
        return b
    return message(r, b)
