"""Formats whose columns hold null placeholders, and lines where ``-`` separates (rule 8).

Why: product rule 8 keeps columns countable.  A ``-`` (or nothing) that fills a value's place
is a field -- Squid's ``-`` user, IIS/W3C ``-`` cells, CLF ``-`` sizes, ELB/ALB ``-`` targets --
and an empty cell between two list separators is an empty field (``a,,c``, ``x||y``).  A ``-``
that separates columns or words stays a delimiter (Python logging's ``%(asctime)s -
%(name)s``, ``app - host - msg``).  The two look alike, so this module draws both, often in one
line (a Python logger wrapping an access line, morgan's ``304 - - 2.345 ms``), and the model
must tell them apart from context.  The generator knows which is which: every line is built
from the format's own layout, placeholder slots with ``.f("-")``, literal separators with
``.d(" - ")``.

The line builders take their values as arguments (``squid_line``, ``w3c_line``, ``clf_line``,
``elb_line``, ``alb_line``, ``record_line``, ``dash_line``), so tests can check exact fields;
the families draw the values, seeded.

>>> squid_line(Line(), "1286536309.123", "350", "10.0.0.1", "TCP_MISS/200", "1234", "GET",
...            "http://x/", "-", "HIER_DIRECT", "1.2.3.4", "text/html").build().fields
['1286536309.123', '350', '10.0.0.1', 'TCP_MISS/200', '1234', 'GET', 'http://x/', '-', 'HIER_DIRECT', '1.2.3.4', 'text/html']
>>> record_line(Line(), ["a", "", "c"], ",").build().fields
['a', '', 'c']
"""
from __future__ import annotations

from . import family
from . import values as V
from .builder import Line
from .fam_db import L

pick, chance = V.pick, V.chance
DASH = "-"


# ============================================================================ shared values
def _clf_time(r) -> str:
    t = V.moment(r)
    return t.strftime("%d/%b/%Y:%H:%M:%S ") + pick(r, ["+0000", "+0000", "-0700", "+0200", "+0530"])


def _path(r) -> str:
    if chance(r, 0.15):
        return pick(r, ["/", "/favicon.ico", "/robots.txt", "/healthz", "/wp-login.php", "/.env"])
    return V.url_path(r, query=False)


def _request(r) -> str:
    return f"{pick(r, V.HTTP_METHODS[:5])} {_path(r)} {pick(r, ['HTTP/1.1', 'HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0'])}"


_UAS = ("curl/8.4.0", "curl/7.68.0", "Wget/1.21.3", "python-requests/2.31.0", "Go-http-client/1.1",
        "okhttp/4.9.3", "kube-probe/1.27", "ELB-HealthChecker/2.0", "Prometheus/2.45.0",
        "Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/118.0",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")
#: user agents as IIS writes them (spaces as `+`), kept free of brackets and `;`
_PLUS_UAS = ("curl/8.4.0", "Mozilla/5.0+zgrab/0.x", "okhttp/4.9.3", "Microsoft-WNS/10.0",
             "python-requests/2.31.0", "Go-http-client/1.1", "Microsoft+Office/16.0",
             "Microsoft-CryptoAPI/10.0", "AHC/2.1", "Apache-HttpClient/4.5.13")
_STATUS = (200, 200, 200, 200, 204, 301, 302, 304, 304, 400, 401, 403, 404, 404, 408, 499,
           500, 502, 503, 504)


def _maybe(r, value: str, p_dash: float) -> str:
    """``value``, or the ``-`` placeholder that fills its place when it is absent."""
    return DASH if chance(r, p_dash) else value


def _size(r, p_dash: float = 0.3) -> str:
    return _maybe(r, str(r.randint(1, 10 ** r.randint(2, 7))), p_dash)


# ============================================================================ Squid
_SQUID_CODES = ("TCP_MISS", "TCP_MISS", "TCP_HIT", "TCP_MEM_HIT", "TCP_REFRESH_UNMODIFIED",
                "TCP_DENIED", "TCP_TUNNEL", "TCP_MISS_ABORTED", "NONE_NONE", "TCP_CLIENT_REFRESH_MISS",
                "TCP_IMS_HIT", "TCP_NEGATIVE_HIT")
_HIER = ("HIER_DIRECT", "HIER_DIRECT", "HIER_NONE", "FIRSTUP_PARENT", "PARENT_HIT",
         "CD_PARENT_HIT", "DEFAULT_PARENT", "ORIGINAL_DST")
_MIME = ("text/html", "text/css", "application/json", "image/png", "image/jpeg",
         "application/javascript", "application/octet-stream", "text/plain", "-", "-")


def squid_line(b: Line, ts, elapsed, client, code, size, method, url, user, hier, peer,
               ctype, pad: int = 6) -> Line:
    """Squid's native ``access.log`` line (``%ts.%03tu %6tr %>a %Ss/%03>Hs %<st %rm %ru %[un
    %Sh/%<a %mt``).  ``TCP_MISS/200`` is one field (product rule 7); ``HIER_DIRECT/1.2.3.4``
    splits at the ``/`` before the address (rule 5) and ``HIER_NONE/-`` alike, the ``-`` peer
    a field (rule 8); a ``-`` user or type is a field.  A CONNECT target ``host:443`` splits at
    the port colon.

    >>> squid_line(Line(), "1.5", "7", "::1", "NONE_NONE/400", "0", "CONNECT", "x.com:443", "-",
    ...            "HIER_NONE", "-", "-").build().fields
    ['1.5', '7', '::1', 'NONE_NONE/400', '0', 'CONNECT', 'x.com', '443', '-', 'HIER_NONE', '-', '-']
    """
    b.f(ts).d(" " * max(1, pad + 1 - len(elapsed))).f(elapsed).sp().f(client).sp()
    b.f(code).sp().f(size).sp().f(method).sp()
    if method == "CONNECT" and "://" not in url:
        host, port = url.rsplit(":", 1)
        b.f(host).d(":").f(port)
    elif url.startswith("error:"):                      # `error:invalid-request` (decision 29)
        b.f("error").d(":").f(url[6:])
    else:
        b.f(url)
    b.sp().f(user).sp().f(hier).d("/").f(peer).sp().f(ctype)
    return b


def _squid_values(r):
    t = V.moment(r)
    code = pick(r, _SQUID_CODES)
    method = "CONNECT" if code == "TCP_TUNNEL" or chance(r, 0.1) else pick(r, V.HTTP_METHODS[:5])
    status = {"TCP_DENIED": "403", "NONE_NONE": pick(r, ["000", "400", "409"]),
              "TCP_TUNNEL": "200"}.get(code, str(pick(r, _STATUS)))
    if method == "CONNECT":
        url = f"{V.hostname(r, fqdn=True)}:{pick(r, ['443', '443', '8443'])}"
    elif code == "NONE_NONE" and chance(r, 0.5):
        url = pick(r, ["error:transaction-end-before-headers", "error:invalid-request"])
    else:
        url = V.url(r)
    hier = "HIER_NONE" if code in ("TCP_DENIED", "NONE_NONE", "TCP_MEM_HIT", "TCP_HIT") else pick(r, _HIER)
    peer = DASH if hier == "HIER_NONE" else (V.ip4(r) if chance(r, 0.9) else V.ip6(r))
    user = pick(r, [DASH, DASH, DASH, V.user(r), V.email(r)])
    size = "0" if code == "NONE_NONE" else str(r.randint(0, 10 ** r.randint(2, 7)))
    ctype = DASH if code in ("TCP_DENIED", "NONE_NONE") or method == "CONNECT" else pick(r, _MIME)
    return dict(ts=f"{int(t.timestamp())}.{t.microsecond // 1000:03d}",
                elapsed=str(r.randint(0, 10 ** r.randint(1, 6))), client=V.ip4(r),
                code=f"{code}/{status}", size=size, method=method, url=url, user=user,
                hier=hier, peer=peer, ctype=ctype)


@family("squid")
def squid(r) -> L:
    """Native access.log (padded or single-spaced elapsed), CONNECT tunnels, denied requests,
    ``error:`` pseudo-URLs, and the ``emulate_httpd_log`` common/combined form with the
    ``%Ss:%Sh`` tail."""
    b = L()
    v = _squid_values(r)
    if r.randint(0, 3) < 3:
        return squid_line(b, **v, pad=pick(r, [6, 6, 6, 0]))
    # logformat common / combined: `%>a %[ui %[un [%tl] "%rm %ru HTTP/%rv" %>Hs %<st`
    b.f(v["client"]).sp().f(DASH).sp().f(v["user"]).d(" [").f(_clf_time(r)).d('] "')
    b.f(f"{v['method']} {v['url']} HTTP/1.1").d('" ').f(v["code"].split("/")[1]).sp().f(v["size"])
    if chance(r, 0.5):
        b.sp().quoted(_maybe(r, V.url(r), 0.6)).sp().quoted(_maybe(r, pick(r, _UAS), 0.1))
    b.sp().f(v["code"].split("/")[0]).d(":").f(v["hier"])
    return b


# ============================================================================ IIS / W3C
_IIS_FIELDS = (
    ("date", "time", "s-ip", "cs-method", "cs-uri-stem", "cs-uri-query", "s-port",
     "cs-username", "c-ip", "cs(User-Agent)", "cs(Referer)", "sc-status", "sc-substatus",
     "sc-win32-status", "time-taken"),
    ("date", "time", "s-sitename", "s-computername", "s-ip", "cs-method", "cs-uri-stem",
     "cs-uri-query", "s-port", "cs-username", "c-ip", "cs-version", "cs(User-Agent)",
     "cs(Cookie)", "cs(Referer)", "cs-host", "sc-status", "sc-substatus", "sc-win32-status",
     "sc-bytes", "cs-bytes", "time-taken"),
    ("date", "time", "c-ip", "cs-username", "s-ip", "s-port", "cs-method", "cs-uri-stem",
     "cs-uri-query", "sc-status", "time-taken", "cs(User-Agent)"),
)


def _w3c_name(b: Line, name: str) -> Line:
    """A W3C field name: ``cs-uri-stem`` one field, ``cs(User-Agent)`` gives ``cs`` and
    ``User-Agent`` (brackets delimit, rule 4)."""
    if "(" in name:
        head, rest = name.split("(", 1)
        return b.f(head).d("(").f(rest.rstrip(")")).d(")")
    return b.f(name)


def w3c_directive(b: Line, directive: str, rest, sep: str = " ") -> Line:
    """``#Fields: date time ...``, ``#Version: 1.0``, ``#Date: 2023-10-10 13:55:36``,
    ``#Software: Microsoft Internet Information Services 10.0``: the ``#name`` is one field
    (decision 25), its ``:`` a delimiter; field names and words split at blanks.

    >>> w3c_directive(Line(), "Fields", ["date", "cs(User-Agent)"]).build().fields
    ['#Fields', 'date', 'cs', 'User-Agent']
    """
    b.f("#" + directive).d(": ")
    if directive == "Fields":
        for i, name in enumerate(rest):
            if i:
                b.d(sep)
            _w3c_name(b, name)
    elif directive == "Date":
        b.f(rest)
    else:
        for i, w in enumerate(rest.split(" ")):
            if i:
                b.sp()
            b.f(w)
    return b


def w3c_line(b: Line, cells, sep: str = " ") -> Line:
    """A W3C extended data line: every cell one field, a ``-`` cell (no value) a field too
    (rule 8).  A cell holding a blank (``date time`` joined by the caller) is one timestamp
    (rule 1); with ``sep`` a tab, date and time are two cells (rule 6: a tab always delimits).

    >>> w3c_line(Line(), ["2023-10-10 13:55:36", "GET", "/a", "-", "443", "-"]).build().fields
    ['2023-10-10 13:55:36', 'GET', '/a', '-', '443', '-']
    """
    for i, c in enumerate(cells):
        if i:
            b.d(sep)
        b.f(c)
    return b


def _w3c_cell(r, name: str) -> str:
    if name == "s-ip" or name == "c-ip":
        return V.ip4(r) if chance(r, 0.85) else V.ip6(r)
    if name == "cs-method":
        return pick(r, V.HTTP_METHODS[:5])
    if name == "cs-uri-stem":
        return _path(r)
    if name == "cs-uri-query":
        return _maybe(r, V.url_path(r, query=True).split("?", 1)[1], 0.6)
    if name == "s-port":
        return pick(r, ["443", "443", "80", "8080", "8443"])
    if name == "cs-username":
        return _maybe(r, pick(r, [V.user(r), "CONTOSO\\" + V.user(r), V.email(r)]), 0.7)
    if name == "cs(User-Agent)":
        return _maybe(r, pick(r, _PLUS_UAS), 0.1)
    if name == "cs(Referer)":
        return _maybe(r, V.url(r), 0.7)
    if name == "sc-status":
        return str(pick(r, _STATUS))
    if name == "sc-substatus":
        return pick(r, ["0", "0", "0", "1", "2", "13"])
    if name == "sc-win32-status":
        return pick(r, ["0", "0", "0", "64", "1236", "995", "2"])
    if name in ("sc-bytes", "cs-bytes", "time-taken"):
        return str(r.randint(0, 10 ** r.randint(1, 6)))
    if name == "s-sitename":
        return f"W3SVC{r.randint(1, 9)}"
    if name == "s-computername":
        return pick(r, ["WEB01", "IIS-PROD-2", "WIN-7H2K9QF3L1"])
    if name == "cs-version":
        return pick(r, ["HTTP/1.1", "HTTP/1.1", "HTTP/2"])
    if name == "cs-host":
        return _maybe(r, V.hostname(r, fqdn=True), 0.2)
    return DASH


@family("iis_w3c")
def iis_w3c(r) -> L:
    """IIS W3C extended logs: ``#Software`` / ``#Version`` / ``#Date`` / ``#Fields`` headers
    and data lines of three field lists, with ``-`` cells."""
    b = L()
    names = pick(r, _IIS_FIELDS)
    k = r.randint(0, 9)
    if k == 0:
        d = r.randint(0, 3)
        if d == 0:
            return w3c_directive(b, "Software", pick(r, ["Microsoft Internet Information Services 10.0",
                                                         "Microsoft Internet Information Services 8.5",
                                                         "Microsoft HTTP Server API 2.0"]))
        if d == 1:
            return w3c_directive(b, "Version", "1.0")
        if d == 2:
            return w3c_directive(b, "Date", V.moment(r).strftime("%Y-%m-%d %H:%M:%S"))
        return w3c_directive(b, "Fields", names)
    if k == 1:
        return w3c_directive(b, "Fields", names)
    t = V.moment(r)
    cells = [t.strftime("%Y-%m-%d %H:%M:%S")] + [_w3c_cell(r, n) for n in names[2:]]
    return w3c_line(b, cells)


# ============================================================================ CLF variants
def clf_line(b: Line, client, ident, user, ts, request, status, size, referer=None, ua=None,
             extra=(), vhost=None) -> Line:
    """A CLF / combined line, every place a field: ``-`` ident, user, size, request, referer
    and agent are fields (rule 8), a quoted ``""`` an empty field.  ``vhost`` leads
    (``%v:%p``-less lighttpd ``%h %V %u``: ``ip host - [..]``).

    >>> clf_line(Line(), "10.0.0.5", "-", "-", "10/Oct/2023:13:55:36 +0000", "-", "408", "-",
    ...          "-", "").build().fields
    ['10.0.0.5', '-', '-', '10/Oct/2023:13:55:36 +0000', '-', '408', '-', '-', '']
    """
    b.f(client).sp()
    if vhost is not None:
        b.f(vhost).sp()
    else:
        b.f(ident).sp()
    b.f(user).d(" [").f(ts).d("] ").quoted(request).sp().f(status).sp().f(size)
    if referer is not None:
        b.sp().quoted(referer).sp().quoted(ua if ua is not None else DASH)
    for x in extra:
        b.sp()
        if isinstance(x, tuple):                         # a quoted extra: ("q", text)
            b.quoted(x[1])
        else:
            b.f(x)
    return b


@family("clf_variants")
def clf_variants(r) -> L:
    """Apache/nginx/varnishncsa/gunicorn common and combined lines with ``-`` sizes, a ``"-"``
    request (a 408 with no request line), ``""`` agents, lighttpd's ``%h %V %u``, Tomcat's
    ``%h %l %u %t "%r" %s %b %D``, and combined lines with ``%I %O`` / ``%{X-Forwarded-For}i``
    tails that may be ``-``."""
    b = L()
    v = r.randint(0, 5)
    status = str(pick(r, _STATUS))
    request = _request(r)
    if chance(r, 0.1):
        status, request = pick(r, ["408", "400", "400"]), pick(r, [DASH, "", DASH])
    size = DASH if status in ("304", "204") and chance(r, 0.8) else _size(r, 0.25)
    user = _maybe(r, pick(r, [V.user(r), V.email(r), "frank"]), 0.85)
    ident = DASH if chance(r, 0.97) else pick(r, ["root", "nobody"])
    client = V.ip4(r) if chance(r, 0.85) else V.ip6(r)
    ts = _clf_time(r)
    if v == 0:                                         # common
        return clf_line(b, client, ident, user, ts, request, status, size)
    referer = _maybe(r, V.url(r), 0.5)
    ua = pick(r, _UAS) if chance(r, 0.85) else pick(r, [DASH, ""])
    if v == 1:                                         # combined
        return clf_line(b, client, ident, user, ts, request, status, size, referer, ua)
    if v == 2:                                         # lighttpd: %h %V %u %t "%r" %>s %b ...
        return clf_line(b, client, None, user, ts, request, status, size, referer, ua,
                        vhost=_maybe(r, V.hostname(r, fqdn=True), 0.1))
    if v == 3:                                         # Tomcat AccessLogValve with %D / %T
        return clf_line(b, client, ident, user, ts, request, status, size,
                        extra=(pick(r, [str(r.randint(0, 99999)), f"{r.uniform(0, 9):.3f}"]),))
    if v == 4:                                         # combinedio: %I %O
        return clf_line(b, client, ident, user, ts, request, status, size, referer, ua,
                        extra=(str(r.randint(50, 9999)), _size(r, 0.1)))
    # combined + "%{X-Forwarded-For}i" + request time (nginx main, varnishncsa, gunicorn)
    xff = _maybe(r, V.ip4(r) if chance(r, 0.6) else f"{V.ip4(r)}, {V.ip4(r)}", 0.5)
    extra = [("q", xff)]
    if chance(r, 0.5):
        extra.append(_maybe(r, f"{r.uniform(0, 3):.3f}", 0.2))
    return clf_line(b, client, ident, user, ts, request, status, size, referer, ua, extra=extra)


# ============================================================================ records
def record_line(b: Line, cells, sep: str, quote=(), outer: bool = False) -> Line:
    """A delimited record: each cell one field (unquoted text cells are composed by the caller
    as single values); an empty cell is an empty field where two of the same list separator
    keep its place (``a,,c``, ``a, ,c``, ``x||y``, rule 8), and none first or last without an
    outer separator; ``quote`` holds the indexes of quoted cells (``""`` is an empty field
    wherever it stands).  With ``outer`` the record is framed (``|a|b|``).

    >>> record_line(Line(), ["", "b", "", "-"], ";").build().fields
    ['b', '', '-']
    >>> record_line(Line(), ["x", "", "y"], " | ", outer=True).build().fields
    ['x', '', 'y']
    """
    lead = sep[:len(sep) - len(sep.lstrip())]           # blanks before the separator
    core = sep.strip()                                  # "" for a tab
    trail = sep[len(sep.rstrip()):] if core else ""     # blanks after it
    keeps = core in (",", ";", "|")                     # a list separator keeps empty places
    n = len(cells)
    if outer:
        b.d(core + trail)
    for i, c in enumerate(cells):
        if i in quote:
            b.quoted(c)
        elif c:
            b.f(c)
        last = i == n - 1
        if last and not outer:
            break
        b.d(lead)
        if not c and i not in quote and keeps and (i or outer):
            b.empty()                                   # at the second separator
        b.d(core + ("" if last else trail))
    return b


_NULLS = ("", "", "", "", "-", "NULL", "\\N", "null", "N/A", "")


def _record_cell(r, col: str) -> str:
    k = r.randint(0, 11)
    if k < 3:
        return pick(r, _NULLS)
    if col in ("id", "user_id", "qty", "bytes", "status"):
        return str(r.randint(0, 99999))
    if col in ("ts", "created_at", "updated_at"):
        return V.timestamp(r, pick(r, ["iso_t", "iso_space", "date_only", "epoch"]))
    if col in ("ip", "client"):
        return V.ip4(r)
    if col == "email":
        return V.email(r)
    if col in ("amount", "price", "score"):
        return f"{r.uniform(0, 999):.2f}"
    if col == "host":
        return V.hostname(r)
    if col == "user":
        return V.user(r)
    if col == "level":
        return V.level(r)
    if col == "path":
        return V.unix_path(r)
    return pick(r, ["active", "pending", "shipped", "closed", "admin", "ok", "FAIL", V.ident(r, 3, 9)])


_RECORD_COLS = ("id", "ts", "user", "email", "ip", "status", "amount", "host", "level",
                "created_at", "updated_at", "path", "state", "score", "qty", "client", "bytes",
                "price", "note")


@family("null_exports")
def null_exports(r) -> L:
    """CSV / semicolon / pipe / ``, `` exports with empty cells (empty fields between two
    separators), ``""`` cells, and ``-`` / ``NULL`` / ``\\N`` / ``N/A`` placeholders (fields);
    a header row; framed ``| a |  | c |`` tables."""
    b = L()
    cols = r.sample(_RECORD_COLS, r.randint(3, 10))
    sep = pick(r, [",", ",", ";", "|", ", ", " | ", "; ", "\t"])
    if chance(r, 0.1):
        return record_line(b, list(cols), sep)
    cells = [_record_cell(r, c) for c in cols]
    quote = ()
    if sep in (",", ";") and chance(r, 0.35):             # quoted strings, `""` for empties
        quote = tuple(i for i, c in enumerate(cells) if not c[:1].isdigit() or not c)
    cells = [c.replace(sep.strip() or sep, "") if i not in quote else c
             for i, c in enumerate(cells)]
    if "\t" not in sep:                                   # an unquoted cell never holds a blank
        cells = [c if i in quote else c.replace(" ", "T", 1).replace(" ", "")
                 for i, c in enumerate(cells)]
    return record_line(b, cells, sep, quote, outer=sep.strip() == "|" and chance(r, 0.4))


# ============================================================================ ELB / ALB / CloudFront
def elb_line(b: Line, ts, name, client, client_port, backend, backend_port, t1, t2, t3,
             elb_status, backend_status, received, sent, request, ua, cipher, proto) -> Line:
    """A Classic ELB access log line: ``backend:port`` is ``-`` when no backend answered
    (one field, rule 8), the times ``-1`` then (signed numbers), ``-`` cipher and protocol
    fields.

    >>> elb_line(Line(), "2015-05-13T23:39:43.945958Z", "lb", "1.2.3.4", "2817", "-", None,
    ...          "-1", "-1", "-1", "504", "0", "0", "0", "GET http://x:80/ HTTP/1.1", "-", "-", "-"
    ...          ).build().fields[4:9]
    ['-', '-1', '-1', '-1', '504']
    """
    b.f(ts).sp().f(name).sp().f(client).d(":").f(client_port).sp()
    b.f(backend)
    if backend_port is not None:
        b.d(":").f(backend_port)
    for x in (t1, t2, t3, elb_status, backend_status, received, sent):
        b.sp().f(x)
    b.sp().d('"').f(request.strip()).d(request[len(request.rstrip()):] + '" ')  # `"- - - "`
    b.quoted(ua).sp().f(cipher).sp().f(proto)
    return b


def alb_line(b: Line, kind, ts, name, client, target, t1, t2, t3, elb_status, target_status,
             received, sent, request, ua, cipher, proto, tg_arn, trace, domain, cert_arn,
             priority, created, actions, redirect, error, targets, target_codes) -> Line:
    """An ALB access log line: ``client:port`` and ``target:port`` split at the colon, ``-``
    target / status / cipher / ARN places are fields, an ARN is one field (rule 9), quoted
    ``"-"`` fields, the quoted trace id one field.

    >>> f = alb_line(Line(), "https", "2018-07-02T22:23:00.186641Z", "app/lb/50dc6c495c0c9188",
    ...     ("1.2.3.4", "2817"), None, "0.000", "-1", "-1", "460", "-", "34", "0",
    ...     "GET https://x:443/ HTTP/1.1", "curl/7.46.0", "-", "-", "-", "Root=1-58337262-3", "-",
    ...     "-", "-1", "2018-07-02T22:22:48.364000Z", "-", "-", "-", "-", "-").build().fields
    >>> f[5:13]
    ['-', '0.000', '-1', '-1', '460', '-', '34', '0']
    """
    b.f(kind).sp().f(ts).sp().f(name).sp().f(client[0]).d(":").f(client[1]).sp()
    if target is None:
        b.f(DASH)
    else:
        b.f(target[0]).d(":").f(target[1])
    for x in (t1, t2, t3, elb_status, target_status, received, sent):
        b.sp().f(x)
    b.sp().quoted(request).sp().quoted(ua).sp().f(cipher).sp().f(proto).sp().f(tg_arn)
    b.sp().quoted(trace).sp().quoted(domain).sp().quoted(cert_arn).sp().f(priority).sp().f(created)
    for x in (actions, redirect, error, targets, target_codes):
        b.sp().quoted(x)
    return b


_CIPHERS = ("ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384", "TLS_AES_128_GCM_SHA256")
_TLS = ("TLSv1.2", "TLSv1.3")


def _acct(r) -> str:
    return "".join(str(r.randint(0, 9)) for _ in range(12))


def _region(r) -> str:
    return pick(r, ["us-east-1", "us-east-2", "eu-west-1", "eu-central-1", "ap-southeast-2"])


def _elb_request(r, https: bool) -> str:
    host = V.hostname(r, fqdn=True)
    port = "443" if https else "80"
    return f"{pick(r, V.HTTP_METHODS[:5])} {'https' if https else 'http'}://{host}:{port}{V.url_path(r)} HTTP/1.1"


def _cloudfront(r, b: Line) -> Line:
    """CloudFront standard log: W3C, tab separated; date and time are two cells (a tab always
    delimits, rule 6); ``-`` cells are fields."""
    names = ("date", "time", "x-edge-location", "sc-bytes", "c-ip", "cs-method", "cs(Host)",
             "cs-uri-stem", "sc-status", "cs(Referer)", "cs(User-Agent)", "cs-uri-query",
             "cs(Cookie)", "x-edge-result-type", "x-edge-request-id", "x-host-header",
             "cs-protocol", "cs-bytes", "time-taken")
    if chance(r, 0.1):
        return w3c_directive(b, "Fields", names) if chance(r, 0.7) else w3c_directive(b, "Version", "1.0")
    t = V.moment(r)
    rid = "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
                  for _ in range(56))
    cells = [t.strftime("%Y-%m-%d"), t.strftime("%H:%M:%S"),
             pick(r, ["FRA2", "IAD89-C1", "LHR62-C2", "SFO5-P1", "NRT57-C3"]),
             str(r.randint(100, 10 ** 6)), V.ip4(r), pick(r, ["GET", "GET", "HEAD", "POST"]),
             f"d{V.ident(r, 12, 13)}.cloudfront.net", _path(r), str(pick(r, _STATUS)),
             _maybe(r, V.url(r), 0.7), _maybe(r, pick(r, _PLUS_UAS).replace("+", "%20"), 0.1),
             _maybe(r, V.url_path(r, query=True).split("?", 1)[1], 0.7), DASH,
             pick(r, ["Hit", "Miss", "RefreshHit", "Error"]), rid,
             V.hostname(r, fqdn=True), pick(r, ["https", "http"]), str(r.randint(50, 2000)),
             f"{r.uniform(0, 2):.3f}"]
    return w3c_line(b, cells, "\t")


@family("elb_access")
def elb_access(r) -> L:
    """Classic ELB, ALB and CloudFront access logs with their ``-`` places."""
    b = L()
    v = r.randint(0, 4)
    t = V.moment(r)
    ts = t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond:06d}Z"
    failed = chance(r, 0.25)
    if v == 0 or v == 1:
        https = chance(r, 0.5)
        tt = ("-1", "-1", "-1") if failed else tuple(f"{r.uniform(0, 0.01 if i != 1 else 2):.6f}" for i in range(3))
        status = pick(r, ["502", "503", "504", "408"]) if failed else str(pick(r, _STATUS))
        return elb_line(b, ts, pick(r, ["my-loadbalancer", "web-elb", "api-prod"]), V.ip4(r),
                        str(r.randint(1024, 65535)), DASH if failed else V.ip4(r),
                        None if failed else pick(r, ["80", "8080", "443"]), *tt, status,
                        "0" if failed and chance(r, 0.5) else (DASH if failed else status),
                        str(r.randint(0, 9999)), "0" if failed else str(r.randint(0, 99999)),
                        _elb_request(r, https) if chance(r, 0.9) else "- - - ",
                        _maybe(r, pick(r, _UAS), 0.1), pick(r, _CIPHERS) if https else DASH,
                        pick(r, _TLS) if https else DASH)
    if v <= 3:
        https = chance(r, 0.6)
        region, acct = _region(r), _acct(r)
        lb = f"app/{pick(r, ['my-loadbalancer', 'web-alb', 'k8s-default-ingress'])}/{V.hexstr(r, 16, '')}"
        tg = f"arn:aws:elasticloadbalancing:{region}:{acct}:targetgroup/{pick(r, ['my-targets', 'web', 'api'])}/{V.hexstr(r, 16, '')}"
        target = None if failed else (V.ip4(r), pick(r, ["80", "8080", "3000"]))
        status = pick(r, ["460", "502", "503", "504"]) if failed else str(pick(r, _STATUS))
        tt = (f"{r.uniform(0, 0.01):.3f}", "-1", "-1") if failed else tuple(f"{r.uniform(0, 1):.3f}" for _ in range(3))
        cert = f"arn:aws:acm:{region}:{acct}:certificate/{V.uuid(r)}" if https else DASH
        trace = f"Root=1-{V.hexstr(r, 8, '')}-{V.hexstr(r, 24, '')}"
        c = V.moment(r)
        created = c.strftime("%Y-%m-%dT%H:%M:%S.") + f"{c.microsecond:06d}Z"
        tport = f"{target[0]}:{target[1]}" if target else DASH
        return alb_line(b, "https" if https else pick(r, ["http", "h2"]), ts, lb,
                        (V.ip4(r), str(r.randint(1024, 65535))), target, *tt, status,
                        DASH if failed else status, str(r.randint(0, 9999)),
                        str(r.randint(0, 99999)), _elb_request(r, https),
                        _maybe(r, pick(r, _UAS), 0.1), pick(r, _CIPHERS) if https else DASH,
                        pick(r, _TLS) if https else DASH, DASH if failed and chance(r, 0.5) else tg,
                        trace, _maybe(r, V.hostname(r, fqdn=True), 0.4), cert,
                        pick(r, ["0", "1", "-1", "10"]), created,
                        pick(r, ["forward", "forward", "redirect", "fixed-response", DASH]),
                        DASH, pick(r, [DASH, DASH, "TargetConnectionError", "LambdaTimeout"]) if failed else DASH,
                        tport, DASH if failed else status)
    return _cloudfront(r, b)


# ============================================================================ ` - ` separators
_PY_LOGGERS = ("root", "__main__", "app", "app.db", "worker", "uvicorn.error", "gunicorn.access",
               "celery.app.trace", "scheduler.jobs", "api.views", "billing", "urllib3.connectionpool")
_LEVELS = ("INFO", "INFO", "INFO", "WARNING", "ERROR", "DEBUG", "CRITICAL")


def dash_line(b: Line, head, body=None) -> Line:
    """Header values joined by `` - `` separators (delimiters), then the message: ``head`` is
    a list of header values, ``body`` a function that appends the message (or a plain word
    string).

    >>> dash_line(Line(), ["2024-05-01 10:00:00,123", "app.db", "WARNING"], "pool exhausted").build().fields
    ['2024-05-01 10:00:00,123', 'app.db', 'WARNING', 'pool', 'exhausted']
    """
    for i, h in enumerate(head):
        if i:
            b.d(" - ")
        b.f(h)
    if body is not None:
        b.d(" - ")
        if callable(body):
            body(b)
        else:
            b.words(body)
    return b


def _access_body(r, b: L):
    """A CLF access line inside a message (gunicorn.access / werkzeug through a logger): its
    ``- -`` and ``-`` size are fields, the logger's `` - `` before it a delimiter."""
    clf_line(b, V.ip4(r), DASH, _maybe(r, V.user(r), 0.9), _clf_time(r), _request(r),
             str(pick(r, _STATUS)), _size(r, 0.4), _maybe(r, V.url(r), 0.6),
             _maybe(r, pick(r, _UAS), 0.1) if chance(r, 0.7) else None)


def _morgan_body(r, b: L):
    """morgan tiny ``:method :url :status :res[content-length] - :response-time ms``: a
    missing length is a ``-`` field, then the literal `` - `` delimits (``304 - - 2.345 ms``)."""
    path = _path(r)
    b.f(pick(r, V.HTTP_METHODS[:5])).sp()
    if path == "/":
        b.d("/")
    else:
        b.f(path)
    b.sp().f(str(pick(r, _STATUS))).sp().f(_size(r, 0.4)).d(" - ")
    b.f(f"{r.uniform(0, 300):.3f}").words(" ms")


def _kv_body(r, b: L):
    """``job=42 user=- queue=default took=-``: a ``-`` value is a field (rule 8)."""
    for i, k in enumerate(r.sample(("job", "user", "queue", "took", "retries", "peer", "task_id",
                                    "tenant", "region", "status"), r.randint(2, 6))):
        if i:
            b.sp()
        val = {"job": str(r.randint(1, 9999)), "user": V.user(r), "queue": pick(r, ["default", "mail", "high"]),
               "took": V.duration(r), "retries": str(r.randint(0, 5)), "peer": V.ip4(r),
               "task_id": V.uuid(r), "tenant": V.ident(r, 3, 8), "region": _region(r),
               "status": pick(r, ["ok", "failed", "retry"])}[k]
        b.kv(k, _maybe(r, val, 0.35))


def _colon_body(r, b: L):
    """``user: - ip: 10.0.0.1``: a ``-`` after a label's colon fills the value's place."""
    for i, k in enumerate(r.sample(("user", "ip", "session", "referer", "agent", "code"), r.randint(2, 4))):
        if i:
            b.d(pick(r, [" ", ", "]))
        val = {"user": V.user(r), "ip": V.ip4(r), "session": V.hexstr(r, 16, ""),
               "referer": V.url(r), "agent": pick(r, ["curl/8.4.0", "okhttp/4.9.3"]),
               "code": str(r.randint(100, 599))}[k]
        b.kv(k, _maybe(r, val, 0.4), ": ")


def _words_body(r, b: L):
    b.words(" ".join(V.word(r) for _ in range(r.randint(1, 7))))
    if chance(r, 0.4):
        b.d(pick(r, [": ", " "])).f(pick(r, [V.ip4(r), V.unix_path(r), str(r.randint(0, 9999)), V.duration(r)]))


_BODIES = (_access_body, _morgan_body, _kv_body, _colon_body, _words_body, _words_body)


@family("dash_separated")
def dash_separated(r) -> L:
    """`` - `` as a separator: Python logging's default ``asctime - name - levelname -
    message`` and ``name - levelname - message``, ``app - host - message``, ``[LEVEL] - ts -
    message``, uvicorn's ``host:port - "request" status``; with messages that carry ``-``
    placeholders of their own (an access line, ``user=-``, morgan's ``- -``)."""
    b = L()
    t = V.moment(r)
    asctime = t.strftime("%Y-%m-%d %H:%M:%S,") + f"{t.microsecond // 1000:03d}"
    body = pick(r, _BODIES)
    v = r.randint(0, 5)
    if v == 0:
        return dash_line(b, [asctime, pick(r, _PY_LOGGERS), pick(r, _LEVELS)], lambda x: body(r, x))
    if v == 1:
        return dash_line(b, [pick(r, _PY_LOGGERS), pick(r, _LEVELS)], lambda x: body(r, x))
    if v == 2:
        return dash_line(b, [pick(r, ["myapp", "billing-svc", "ingest", "auth-api"]), V.hostname(r)],
                         lambda x: body(r, x))
    if v == 3:
        b.d("[").f(pick(r, _LEVELS)).d("] - ").f(V.timestamp(r, pick(r, ["iso_t", "iso_space"]))).d(" - ")
        body(r, b)
        return b
    if v == 4:                                       # uvicorn access: `%s - "%s %s HTTP/%s" %d`
        lv = pick(r, ["INFO", "INFO", "WARNING"])
        b.f(lv).d(":" + " " * (9 - len(lv))).f(V.ip4(r)).d(":").f(str(r.randint(1024, 65535)))
        b.d(" - ").quoted(_request(r)).sp()
        st = pick(r, [(200, "OK"), (201, "Created"), (404, "Not Found"), (307, "Temporary Redirect"),
                      (500, "Internal Server Error")])
        b.f(str(st[0])).sp().words(st[1])
        return b
    # %(asctime)s - %(levelname)s - %(message)s
    return dash_line(b, [asctime, pick(r, _LEVELS)], lambda x: body(r, x))


# ============================================================================ column tables
_ENVOY_FLAGS = (DASH, DASH, DASH, DASH, "UH", "UF", "URX", "NR", "UT", "UO", "DC", "LH", "RL", "UC")
_PROGRAMS = ("sshd", "nginx", "java", "postgres", "redis-server", "node", "python3", "dockerd",
             "containerd", "envoy", "haproxy", "chronyd", "systemd-resolve")


def envoy_line(b: Line, ts, request, status, flags, rx, tx, duration, upstream_time, xff, ua,
               request_id, authority, upstream) -> Line:
    """Envoy's default access line: ``%RESPONSE_FLAGS%`` and an absent upstream time are ``-``
    in their columns (fields, rule 8), and so is a quoted ``"-"`` header.

    >>> envoy_line(Line(), "2016-04-15T20:17:00.310Z", "POST /api HTTP/2", "204", "-", "154",
    ...            "0", "226", "-", "-", "curl/8.4.0", "cc21d9b0", "locations",
    ...            "tcp://10.0.2.1:80").build().fields[:10]
    ['2016-04-15T20:17:00.310Z', 'POST /api HTTP/2', '204', '-', '154', '0', '226', '-', '-', 'curl/8.4.0']
    """
    b.bracketed(ts).sp().quoted(request).sp()
    b.fields([status, flags, rx, tx, duration, upstream_time]).sp()
    for i, v in enumerate((xff, ua, request_id, authority, upstream)):
        if i:
            b.sp()
        b.quoted(v)
    return b


def ls_line(b: Line, mode, links, owner, group, size, when, name, target=None) -> Line:
    """An ``ls -l`` row: the mode string (``-rw-r--r--``, dashes and all) is one field; the
    column padding and a symlink's `` -> `` are delimiters.

    >>> ls_line(Line(), "lrwxrwxrwx", "1", "root", "root", "7", "Mar  1  2023", "bin", "usr/bin").build().fields
    ['lrwxrwxrwx', '1', 'root', 'root', '7', 'Mar  1  2023', 'bin', 'usr/bin']
    """
    b.f(mode).sp().f(links).sp().f(owner).sp().f(group).sp(max(1, 6 - len(size))).f(size).sp()
    b.f(when).sp().f(name)
    if target is not None:
        b.d(" -> ").f(target)
    return b


def _mode(r) -> str:
    kind = pick(r, "----dl")
    bits = "".join(c if chance(r, 0.6) else DASH for c in "rwxrwxrwx")
    return kind + bits + pick(r, ["", "", "", ".", "@", "+"])


def _ls(r, b: L) -> L:
    t = V.moment(r)
    when = t.strftime("%b ") + f"{t.day:>2} " + (t.strftime("%H:%M") if chance(r, 0.6) else f" {t.year}")
    mode = _mode(r)
    name = pick(r, [V.ident(r) + pick(r, [".txt", ".log", ".conf", ".tar.gz", ".py", ""]),
                    V.ident(r, 2, 6)])
    target = V.unix_path(r) if mode[0] == "l" else None
    return ls_line(b, mode, str(r.randint(1, 40)), V.user(r), pick(r, ["root", "staff", "wheel", V.user(r)]),
                   str(r.randint(0, 10 ** r.randint(1, 9))), when, name, target)


def _netstat(r, b: L) -> L:
    """``netstat -tanp``: the PID/Program column is ``-`` when the owner is not visible."""
    b.f(pick(r, ["tcp", "tcp", "udp"])).sp(r.randint(1, 8)).f(str(r.randint(0, 400))).sp(r.randint(1, 6))
    b.f(str(r.randint(0, 400))).sp().f(V.ip4(r)).d(":").f(str(V.port(r))).sp(r.randint(1, 12))
    b.f(V.ip4(r)).d(":").f(str(r.randint(1024, 65535))).sp(r.randint(1, 12))
    b.f(pick(r, ["ESTABLISHED", "TIME_WAIT", "CLOSE_WAIT", "SYN_SENT", "FIN_WAIT2", "LAST_ACK"]))
    b.sp(r.randint(1, 8)).f(_maybe(r, f"{r.randint(1, 99999)}/{pick(r, _PROGRAMS)}", 0.4))
    return b


def _slot_line(r, b: L) -> L:
    """A padded column that holds ``-`` when its value is absent (``%-8X{ctx}`` with a ``-``
    default, a component column): the ``-`` is a field, the padding a delimiter, and a
    `` - `` before the message still separates."""
    b.f(V.timestamp(r, pick(r, ["iso_t", "iso_space", "iso_zone"]) if chance(r, 0.5) else None)).sp()
    lv = pick(r, ["INFO", "WARN", "ERROR", "DEBUG", "I", "W", "E", "D"])
    b.f(lv).sp(1 + max(0, 5 - len(lv)) if chance(r, 0.5) else 1)
    slot = _maybe(r, pick(r, ["NETWORK", "STORAGE", "REPL", "ACCESS", "QUERY", V.user(r),
                              V.hexstr(r, 8, "")]), 0.5)
    framed = chance(r, 0.3)
    if framed:
        b.d("[")
    b.f(slot).sp(max(1, 9 - len(slot)) if not framed else 0)
    if framed:
        b.d("] ")
    b.d("[").f(pick(r, ["main", "conn" + str(r.randint(1, 9999)), "worker-" + str(r.randint(1, 9)),
                        "http-nio-8080-exec-" + str(r.randint(1, 20)), "initandlisten"])).d("] ")
    if chance(r, 0.4):
        b.f(V.java_class(r)).d(" - ")
    _words_body(r, b)
    return b


def _flag_table(r, b: L) -> L:
    """Status rows whose flag column is a run of dashes when no flag is set (``----``, ``--``):
    a dash run standing in a column is a value (rule 8), like HAProxy's termination state."""
    n = pick(r, [2, 4, 4, 5])
    flags = "".join(pick(r, "ACDHIKLNPRSTUW") if chance(r, 0.25) else DASH for _ in range(n))
    head = [pick(r, ["sda", "sdb", "nvme0n1", "md0", "eth0", "bond0", "vol"]) + str(r.randint(0, 9)),
            flags, pick(r, ["ONLINE", "DEGRADED", "up", "down", "ok", "FAULTED"]), V.size(r)]
    if chance(r, 0.5):
        b.fields(head, pick(r, [" ", "  ", "\t"]))
    else:
        for i, (k, v) in enumerate(zip(("dev", "flags", "state", "size"), head)):
            if i:
                b.sp()
            b.kv(k, v)
    return b


def _timers(r) -> str:
    """A slash-joined group of counters or timers (``12/0/3/45/1200``): one field."""
    return "/".join(str(r.randint(-1, 999) if chance(r, 0.9) else "+" + str(r.randint(0, 9)))
                    for _ in range(r.randint(2, 5)))


def _flag_run(r) -> str:
    """A flag column: a run of dashes with now and then a letter set (``----``, ``CD--``,
    ``--NI``), or, less often, every flag set (``CDNN``, ``SD``): a value either way."""
    n = pick(r, [2, 2, 3, 4, 4, 4, 4, 6])
    p_letter = 0.2 if chance(r, 0.8) else 1.0
    return "".join(pick(r, "ACDHIKLNPRSTUW") if chance(r, p_letter) else DASH for _ in range(n))


def _wide_cell(r) -> str:
    return pick(r, [str(r.randint(0, 99999)), str(r.randint(100, 599)), V.ip4(r), _timers(r),
                    V.ident(r), f"{V.ident(r)}/{V.ident(r)}", f"{r.random() * 99:.3f}",
                    V.hostname(r), DASH, DASH, _flag_run(r), "+" + str(r.randint(0, 99999)),
                    (pick(r, ["SERVERID", "JSESSIONID", "sid", "route", "lb"]), V.hexstr(r, 8, ""))])


def _wide_record(r, b: L) -> L:
    """A space-separated record of many short columns (proxy, accounting or firewall style)
    where several absent values stand side by side as ``-`` cells and a flag column may be a
    dash run: ``200 5123 - - ---- 3/2/0 "GET / HTTP/1.1"``.  Each ``-`` and each dash run is a
    column of its own (rule 8), whatever comes before or after it."""
    cells = [_wide_cell(r) for _ in range(r.randint(2, 6))]
    at = r.randint(0, len(cells))
    run = [DASH] * r.randint(1, 3)
    if chance(r, 0.4):  # a captured cookie between the absent values and the flags
        run.append((pick(r, ["SERVERID", "JSESSIONID", "sid", "route"]), V.hexstr(r, 8, "")))
    if chance(r, 0.6):
        run.append(_flag_run(r))
    cells[at:at] = run
    cells += [_wide_cell(r) for _ in range(r.randint(0, 4))]
    if chance(r, 0.4):
        b.f(V.ip4(r))
        b.d(":").f(str(V.port(r))) if chance(r, 0.6) else None
        b.sp()
    if chance(r, 0.4):
        b.bracketed(V.timestamp(r, pick(r, ["apache", "iso_t", "syslog"]))).sp()
    for i, c in enumerate(cells):
        if i:
            b.sp()
        if isinstance(c, tuple):  # a captured cookie, key=value
            b.kv(*c)
        else:
            b.f(c)
    if chance(r, 0.5):
        b.sp().quoted(_request(r))
    return b


@family("column_tables")
def column_tables(r) -> L:
    """Columns that hold ``-`` or a run of dashes for an absent value, beside `` - `` and
    `` -> `` that separate: Envoy access lines (``%RESPONSE_FLAGS%`` ``-``), ``ls -l`` rows
    (``-rw-r--r--``), ``netstat -p`` rows (``-`` program), padded ``-`` slots before a
    thread, flag tables (``----``), and wide records with ``-`` cells side by side."""
    b = L()
    v = r.randint(0, 6)  # wide records twice as often as each other layout
    if v == 0:
        fail = chance(r, 0.3)
        return envoy_line(b, V.timestamp(r, pick(r, ["iso_t", "iso_nano"])),
                          _request(r), str(pick(r, _STATUS)), pick(r, _ENVOY_FLAGS),
                          str(r.randint(0, 9999)), str(r.randint(0, 99999)), str(r.randint(0, 3000)),
                          DASH if fail or chance(r, 0.2) else str(r.randint(0, 2000)),
                          _maybe(r, V.ip4(r), 0.4), pick(r, _UAS), V.uuid(r),
                          pick(r, ["locations", "api.internal", V.hostname(r, fqdn=True)]),
                          DASH if fail else f"{V.ip4(r)}:{V.port(r)}")
    return (_ls, _netstat, _slot_line, _flag_table, _wide_record, _wide_record)[v - 1](r, b)
