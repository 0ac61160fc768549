"""Web servers and web frameworks: Apache and nginx access/error logs, Rails, Django, Express.

Labels come from construction: each value is appended with ``.f()``, each separator with
``.d()``; constant message words go through ``.words()`` (see :class:`fam_db.L`).
"""
from __future__ import annotations

from . import family
from . import messages as M
from . import values as V
from .fam_db import L, COLUMNS, json_value, sql

pick, chance = V.pick, V.chance
MON = V.MONTHS


def _t(r):
    return V.moment(r)


def _ms(t):
    return f"{t.microsecond // 1000:03d}"


def _clf(r, t):
    """``10/Oct/2023:13:55:36 +0000`` (Apache %t, nginx $time_local, morgan :date[clf])."""
    return f"{t.day:02d}/{MON[t.month - 1]}/{t.year}:" + t.strftime("%H:%M:%S ") + pick(
        r, ["+0000", "+0000", "-0700", "+0200", "+0530", "-0400"])


# ----------------------------------------------------------------------------- HTTP pieces
_UAS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15",
    "Mozilla/5.0 (X11; Linux x86_64; rv:{v}.0) Gecko/20100101 Firefox/{v}.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
    "Mozilla/5.0 (Linux; Android 13; SM-S901B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "curl/8.{m}.0", "Wget/1.21.{m}", "python-requests/2.{v}.0", "Go-http-client/1.1", "Go-http-client/2.0",
    "kube-probe/1.{m}", "ELB-HealthChecker/2.0", "axios/1.{m}.0", "PostmanRuntime/7.{v}.0",
    "okhttp/4.{m}.0", "Apache-HttpClient/4.5.{m} (Java/11.0.{v})", "Prometheus/2.{v}.0",
    "Mozilla/5.0 zgrab/0.x", "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
]
_STATUS = [200] * 14 + [201, 204, 206, 301, 302, 302, 304, 304, 400, 401, 403, 404, 404, 404,
                        405, 408, 413, 429, 499, 500, 502, 503, 504]
_REASON = {200: "OK", 201: "Created", 204: "No Content", 206: "Partial Content",
           301: "Moved Permanently", 302: "Found", 304: "Not Modified", 400: "Bad Request",
           401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
           408: "Request Timeout", 413: "Payload Too Large", 422: "Unprocessable Entity",
           429: "Too Many Requests", 499: "Client Closed Request", 500: "Internal Server Error",
           502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout"}


def _ua(r):
    return pick(r, _UAS).replace("{v}", str(r.randint(20, 120))).replace("{m}", str(r.randint(0, 30)))


def _path(r):
    k = r.randint(0, 9)
    if k < 6:
        return V.url_path(r)
    if k == 6:
        return pick(r, ["/", "/favicon.ico", "/robots.txt", "/index.html", "/wp-login.php",
                        "/.env", "/healthz", "/server-status", "/api/v1/health"])
    if k == 7:
        return "/" + pick(r, ["static", "assets", "img", "js", "css"]) + "/" + V.ident(r, 3, 10) + \
            pick(r, [".js", ".css", ".png", ".svg", ".woff2", ".map", ".jpg"])
    if k == 8:
        return "/" + pick(r, ["users", "orders", "items", "posts"]) + "/" + str(r.randint(1, 99999)) + \
            pick(r, ["", "/edit", "/comments"])
    return "/" + pick(r, ["cgi-bin", "wp-admin", "phpmyadmin"]) + "/" + V.ident(r, 3, 8) + \
        pick(r, [".php", ".cgi", ""])


def _upath(b: L, path: str) -> L:
    """An unquoted URL path: one field, except the root ``/`` standing alone, which is a
    delimiter (product rule 5: a ``/`` standing alone between spaces)."""
    return b.d(path) if path == "/" else b.f(path)


def _request(r):
    """The text of an HTTP request line (``GET /x HTTP/1.1``) -- one field when quoted."""
    k = r.randint(0, 19)
    proto = pick(r, ["HTTP/1.1", "HTTP/1.1", "HTTP/1.1", "HTTP/1.0", "HTTP/2.0"])
    if k == 0:
        return "-"
    if k == 1:
        return f"CONNECT {V.hostname(r, fqdn=True)}:443 {proto}"
    return f"{pick(r, V.HTTP_METHODS[:4] if k < 15 else V.HTTP_METHODS)} {_path(r)} {proto}"


def _referer(r):
    return "-" if chance(r, 0.45) else (V.url(r) if chance(r, 0.5) else
                                         f"https://{pick(r, ['www.google.com', 'example.com', 't.co', 'news.ycombinator.com'])}/")


def _client(r):
    k = r.randint(0, 9)
    if k < 8:
        return V.ip4(r)
    if k == 8:
        return V.ip6(r)
    return V.hostname(r, fqdn=True)


def _quoted_or_dash(b: L, value: str):
    """``"value"`` (a quoted ``-`` is a field too; empty quotes one empty field, rule 8)."""
    return b.quoted(value)


def _ident_user(b: L, user: str | None = None) -> L:
    """CLF ``%l %u`` after the client: each ``-`` fills a value's place and is a field (rule 8:
    columns stay countable), like the user name that other lines carry there."""
    return b.sp().f("-").sp().f(user or "-").sp()


def _bytes(r, b: L, dash_for_zero: bool):
    """A response size; CLF ``%b`` writes ``-`` for zero bytes, a field (rule 8)."""
    n = r.randint(0, 4)
    if n == 0:
        if dash_for_zero:
            b.f("-")
        else:
            b.f("0")
    else:
        b.f(str(r.randint(10, 10 ** r.randint(2, 7))))


# ----------------------------------------------------------------------------- apache_access
@family("apache_access")
def apache_access(r) -> L:
    """common / combined / vhost_combined / combined with %D and X-Forwarded-For."""
    b = L()
    t = _t(r)
    v = r.randint(0, 4)
    if v == 2:                                       # %v:%p
        b.f(pick(r, ["example.com", "www.example.org", V.hostname(r, fqdn=True), "localhost",
                     "shop.example.net"])).d(":").f(pick(r, ["443", "80", "443", "8443"])).sp()
    if v == 4 and chance(r, 0.5):                    # "%{X-Forwarded-For}i" first
        b.d('"').f(V.ip4(r)).d('" ')
    b.f(_client(r))                                  # %h %l %u
    _ident_user(b, pick(r, ["frank", "admin", V.user(r), V.email(r)]) if chance(r, 0.15) else None)
    b.d("[").f(_clf(r, t)).d('] "').f(_request(r)).d('" ')
    b.f(str(pick(r, _STATUS))).sp()
    _bytes(r, b, dash_for_zero=True)
    if v != 0:
        b.sp()
        _quoted_or_dash(b, _referer(r)).sp()
        _quoted_or_dash(b, _ua(r) if chance(r, 0.95) else "-")
    if v == 3:                                       # %D (microseconds) or %T
        b.sp().f(str(r.randint(100, 9_999_999)))
    elif v == 4:
        if chance(r, 0.5):
            b.sp().f(str(r.randint(0, 30)))
        b.sp().f(str(r.randint(100, 999999)))
    return b


# ----------------------------------------------------------------------------- nginx_access
def _upstream_addr(r, b: L):
    k = r.randint(0, 9)
    if k == 0:
        b.f("-")                                     # no upstream: a placeholder field (rule 8)
    elif k == 1:
        b.f("unix").d(":").f(pick(r, ["/var/run/php/php8.1-fpm.sock", "/run/gunicorn.sock",
                                      "/tmp/puma.sock"]))
    else:
        for i in range(1 if k < 8 else 2):
            if i:
                b.d(", ")
            b.f(V.ip4(r) if chance(r, 0.8) else pick(r, ["127.0.0.1", "backend"])).d(":")
            b.f(pick(r, ["8080", "3000", "8000", "9000", "5000", V.port(r)]))


def _secs(r):
    return f"{r.uniform(0, 2 if chance(r, 0.9) else 60):.3f}"


@family("nginx_access")
def nginx_access(r) -> L:
    """default combined / main with X-Forwarded-For / timing key=value tail / upstream tail /
    ingress-nginx / escape=json."""
    b = L()
    t = _t(r)
    v = r.randint(0, 5)
    status = str(pick(r, _STATUS))
    if v == 5:                                       # log_format json escape=json
        obj = {"time": t.strftime("%Y-%m-%dT%H:%M:%S") + pick(r, ["+00:00", "+02:00"]),
               "remote_addr": V.ip4(r), "remote_user": "", "request": _request(r),
               "status": status if chance(r, 0.5) else int(status),
               "body_bytes_sent": str(r.randint(0, 99999)),
               "request_time": _secs(r), "http_referrer": _referer(r),
               "http_user_agent": _ua(r)}
        if chance(r, 0.5):
            obj["upstream_addr"] = f"{V.ip4(r)}:{pick(r, ['8080', '3000'])}"
            obj["upstream_response_time"] = _secs(r)
        json_value(b, obj, ":", pick(r, [",", ", "]))
        return b
    b.f(_client(r))
    _ident_user(b, V.user(r) if chance(r, 0.1) else None)
    b.d("[").f(_clf(r, t)).d('] "').f(_request(r)).d('" ').f(status).sp()
    _bytes(r, b, dash_for_zero=False)
    b.sp()
    _quoted_or_dash(b, _referer(r)).sp()
    _quoted_or_dash(b, _ua(r))
    if v == 1 or (v >= 2 and chance(r, 0.4)):        # "$http_x_forwarded_for"
        b.sp()
        _quoted_or_dash(b, "-" if chance(r, 0.5) else
                        (V.ip4(r) if chance(r, 0.6) else f"{V.ip4(r)}, {V.ip4(r)}"))
    if v == 2:                                       # rt=$request_time uct="$upstream_connect_time" ...
        b.sp().kv("rt", _secs(r))
        for key in ("uct", "uht", "urt"):
            b.sp().kv(key, "-" if chance(r, 0.05) else _secs(r), q='"')
    elif v == 3:                                     # upstream tail
        if chance(r, 0.5):
            b.words(" upstream: ")
            _upstream_addr(r, b)
            b.sp().kv("upstream_status", status).sp().kv("request_time", _secs(r))
            b.sp().kv("upstream_response_time", _secs(r))
        else:
            b.sp().f(_secs(r)).sp().f(_secs(r)).sp()
            _upstream_addr(r, b)
            b.sp().f(status)
    elif v == 4:                                     # ingress-nginx
        b.sp().f(str(r.randint(50, 3000))).sp().f(_secs(r)).d(" [")
        b.f(f"{pick(r, ['default', 'prod', 'web', 'kube-system'])}-{V.ident(r, 3, 8)}-{pick(r, ['80', '8080', 'http'])}")
        b.d("] [")
        if chance(r, 0.2):
            b.f(V.ident(r, 4, 10))
        b.d("] ")
        _upstream_addr(r, b)
        b.sp().f(str(r.randint(0, 99999))).sp().f(_secs(r)).sp().f(status).sp().f(V.hexstr(r, 32, ""))
    return b


# ----------------------------------------------------------------------------- apache_error
def _apache_err_msg(r, b: L):
    k = r.randint(0, 8)
    if k == 0:
        b.words("File does not exist: ").f("/var/www/html" + _path(r).split("?")[0])
    elif k == 1:
        b.words("Directory index forbidden by rule: ").f("/var/www/" + pick(r, ["html/", "html/uploads/", "icons/"]))
    elif k == 2:
        b.words("client denied by server configuration: ").f("/var/www/html" + _path(r).split("?")[0])
    elif k == 3:
        b.words("script not found or unable to stat: ").f("/var/www/cgi-bin/" + V.ident(r, 3, 9) + pick(r, ["", ".cgi", ".pl"]))
    elif k == 4:
        b.words("user ").f(V.user(r)).words(": authentication failure for ").quoted(
            pick(r, ["/admin", "/", "/private", "/server-status"])).words(": Password Mismatch")
    elif k == 5:
        b.words("Invalid method in request ").f(pick(r, ["\\x16\\x03\\x01", "SSTP_DUPLEX_POST", "t3"]))
    elif k == 6:
        b.words("Cannot serve directory ").f("/var/www/html/" + V.ident(r, 3, 8) + "/")
        b.words(": No matching DirectoryIndex ").d("(").f("index.html").d(",").f("index.php").d(")")
        b.words(" found, and server-generated directory index forbidden by Options directive")
    elif k == 7:
        b.words("PHP ").words(pick(r, ["Warning", "Notice", "Fatal error"]))
        b.words(":  Undefined variable ").f("$" + V.ident(r, 3, 8)).words(" in ")
        b.f(f"/var/www/html/{V.ident(r, 3, 8)}.php").words(" on line ").f(str(r.randint(1, 900)))
    else:
        M.message(r, b)


def _ah(r):
    return f"AH{r.randint(0, 3999):05d}"


@family("apache_error")
def apache_error(r) -> L:
    """2.2 ``[date] [level] [client ip] msg`` / 2.4 ``[date] [mod:level] [pid:tid] [client
    ip:port] AH...: msg`` / mod_jk and startup notices."""
    b = L()
    t = _t(r)
    v = r.randint(0, 3)
    if v <= 1:                                       # 2.2
        b.d("[").f(t.strftime("%a %b %d %H:%M:%S %Y")).d("] [")
        b.f(pick(r, ["error", "error", "warn", "notice", "crit", "alert"])).d("] ")
        if chance(r, 0.8):
            b.d("[").f("client").sp().f(V.ip4(r)).d("] ")
        _apache_err_msg(r, b)
        if chance(r, 0.2):
            b.words(", referer: ").f(V.url(r))
    elif v == 2:                                     # 2.4
        b.d("[").f(t.strftime("%a %b %d %H:%M:%S.") + f"{t.microsecond:06d}" + t.strftime(" %Y")).d("] [")
        mod = pick(r, ["core", "authz_core", "proxy", "proxy_fcgi", "ssl", "mpm_event", "php7",
                       "cgid", "autoindex", "access_compat", "mpm_prefork"])
        b.f(mod).d(":").f(pick(r, ["error", "error", "warn", "notice", "info", "crit", "debug"]))
        b.d("] [").f("pid").sp().f(str(r.randint(10, 99999)))
        if chance(r, 0.7):
            b.d(":").f("tid").sp().f(str(r.randint(10 ** 9, 10 ** 15)))
        b.d("] ")
        client = chance(r, 0.8)
        if client:
            if chance(r, 0.2):                       # APR error: '(70007)The timeout ...: '
                code, text = pick(r, [("104", "Connection reset by peer"), ("111", "Connection refused"),
                                      ("70007", "The timeout specified has expired"), ("32", "Broken pipe")])
                b.d("(").f(code).d(")").words(text).d(": ")
            b.d("[").f("client").sp().f(V.ip4(r)).d(":").f(str(r.randint(1024, 65535))).d("] ")
        k = r.randint(0, 6)
        b.f(_ah(r)).d(": ")
        if k == 0:
            b.words("Invalid URI in request ").f(pick(r, V.HTTP_METHODS)).sp()
            _upath(b, _path(r)).sp()
            b.f(pick(r, ["HTTP/1.1", "HTTP/1.0"]))
        elif k == 1:
            b.words("Got error ").quoted(pick(r, ["Primary script unknown", "PHP message: PHP Warning",
                                                   "Connection refused"]), "'")
        elif k == 2:
            b.words("client denied by server configuration: ").f("/var/www/html" + _path(r).split("?")[0])
        elif k == 3:
            b.f("Apache/" + pick(r, ["2.4.57", "2.4.41", "2.4.6", "2.4.54"])).sp()
            b.d("(").f(pick(r, ["Unix", "Ubuntu", "Debian", "CentOS"])).d(")")
            if chance(r, 0.5):
                b.sp().f(pick(r, ["OpenSSL/3.0.2", "OpenSSL/1.1.1n", "PHP/8.1.2", "mod_wsgi/4.9.0"]))
            b.words(" configured -- resuming normal operations")
        elif k == 4:
            if chance(r, 0.5):
                b.words("caught SIGTERM, shutting down")
            else:
                b.words("Command line: ").quoted("/usr/sbin/apache2", "'")
        elif k == 5:
            b.words("error reading status line from remote server ").f(V.hostname(r)).d(":").f(
                pick(r, ["8080", "8000", "3000"]))
        else:
            _apache_err_msg(r, b)
        if client and chance(r, 0.2):
            b.words(", referer: ").f(V.url(r))
    else:                                            # mod_jk / startup notices, no client
        b.d("[").f(t.strftime("%a %b %d %H:%M:%S %Y")).d("] [")
        b.f(pick(r, ["notice", "error", "notice", "info"])).d("] ")
        k = r.randint(0, 5)
        if k == 0:
            b.f("workerEnv.init").d("() ").f("ok").sp().f(pick(r, [
                "/etc/httpd/conf/workers2.properties", "/etc/apache2/workers.properties",
                "/usr/local/apache/conf/workers2.properties"]))
        elif k == 1:
            b.words("mod_jk child workerEnv in error state ").f(str(r.randint(1, 12)))
        elif k == 2:
            b.f("jk2_init").d("() ").words("Found child ").f(str(r.randint(1000, 40000)))
            b.words(" in scoreboard slot ").f(str(r.randint(1, 300)))
        elif k == 3:
            b.f(pick(r, ["Apache/2.2.3", "Apache/2.2.15", "Apache/2.0.52"])).d(" (").words(
                pick(r, ["Red Hat", "Unix", "CentOS"])).d(")")
            b.words(" configured -- resuming normal operations")
        elif k == 4:
            b.words("Digest: generating secret for digest authentication ").d("...")
        else:
            if chance(r, 0.5):
                b.words("caught SIGTERM, shutting down")
            else:
                b.words("child pid ").f(str(r.randint(100, 40000)))
                b.words(" exit signal Segmentation fault ").d("(").f("11").d(")")
    return b


# ----------------------------------------------------------------------------- nginx_error
def _nginx_tail(r, b: L, request: bool = True):
    b.words(", client: ").f(V.ip4(r)).words(", server: ")
    server = pick(r, ["localhost", "_", "example.com", ""])
    if server == "_":                   # the catch-all name has no letter or digit: a delimiter
        b.d("_")
    else:
        b.f(server or V.hostname(r, fqdn=True))
    if request:
        req = _request(r)
        b.words(", request: ").quoted(req if req != "-" else "GET / HTTP/1.1")
        if chance(r, 0.4):
            b.words(", upstream: ").quoted(f"http://{V.ip4(r)}:{pick(r, ['8080', '3000', '9000'])}{_path(r)}")
        if chance(r, 0.8):
            b.words(", host: ").quoted(pick(r, ["example.com", "localhost", V.ip4(r),
                                                 f"{V.hostname(r, fqdn=True)}:8443"]))
        if chance(r, 0.2):
            b.words(", referrer: ").quoted(V.url(r))


@family("nginx_error")
def nginx_error(r) -> L:
    b = L()
    t = _t(r)
    b.f(t.strftime("%Y/%m/%d %H:%M:%S")).d(" [")
    lvl = pick(r, ["error", "error", "error", "warn", "warn", "notice", "crit", "alert", "emerg", "info"])
    b.f(lvl).d("] ")
    pid = str(r.randint(1, 99999))
    b.f(pid + "#" + pick(r, ["0", pid, str(r.randint(1, 99999))])).d(": ")
    k = r.randint(0, 9)
    if k <= 6:
        b.f("*" + str(r.randint(1, 9_999_999))).sp()
    if k == 0:
        path = "/usr/share/nginx/html" + _path(r).split("?")[0]
        b.f("open").d("() ").quoted(path).words(" failed ").d("(").f("2").d(": ").words(
            "No such file or directory").d(")")
        _nginx_tail(r, b)
    elif k == 1:
        b.f("connect").d("() ").words("failed ").d("(").f("111").d(": ").words("Connection refused")
        b.words(") while connecting to upstream")
        _nginx_tail(r, b)
    elif k == 2:
        b.words("upstream timed out ").d("(").f("110").d(": ").words(
            pick(r, ["Connection timed out", "Unknown error"])).words(") while ").words(
            pick(r, ["reading response header from upstream", "connecting to upstream",
                     "reading upstream"]))
        _nginx_tail(r, b)
    elif k == 3:
        b.words("an upstream response is buffered to a temporary file ")
        b.f(f"/var/cache/nginx/proxy_temp/{r.randint(0, 9)}/{r.randint(0, 99):02d}/{r.randint(0, 10**10):010d}")
        b.words(" while reading upstream")
        _nginx_tail(r, b)
    elif k == 4:
        b.words("client intended to send too large body: ").f(str(r.randint(10**6, 10**9))).words(" bytes")
        _nginx_tail(r, b)
    elif k == 5:
        b.words("limiting requests, excess: ").f(f"{r.uniform(0, 50):.3f}").words(" by zone ")
        b.quoted(pick(r, ["one", "api", "login", "perip"]))
        _nginx_tail(r, b)
    elif k == 6:
        b.f("recv").d("() ").words("failed ").d("(").f("104").d(": ").words(
            "Connection reset by peer").words(") while reading response header from upstream")
        _nginx_tail(r, b)
    elif k == 7:
        b.f("bind").d("() ").words("to ").f(pick(r, ["0.0.0.0", "127.0.0.1", V.ip4(r)])).d(":").f(
            pick(r, ["80", "443", "8080"])).words(" failed ").d("(").f("98").d(": ").words(
            "Address already in use").d(")")
    elif k == 8:
        b.words(pick(r, ["signal process started", "using the \"epoll\" event method",
                         "start worker processes", "gracefully shutting down", "exiting",
                         "exit", "reopening logs"]).replace('"epoll"', "epoll"))
    else:
        num, name = pick(r, [("17", "SIGCHLD"), ("15", "SIGTERM"), ("1", "SIGHUP"), ("3", "SIGQUIT")])
        b.words("signal ").f(num).d(" (").f(name).words(") received from ")
        b.f(str(r.randint(1, 99999)))
    return b


# ----------------------------------------------------------------------------- rails
_CONTROLLERS = ["Users", "Orders", "Sessions", "Api::V1::Items", "Admin::Dashboard", "Products",
                "Comments", "Webhooks::Stripe", "Health", "Accounts"]
_ACTIONS = ["index", "show", "create", "update", "destroy", "new", "edit", "search", "callback"]
_MODELS = ["User", "Order", "Session", "Item", "Product", "Comment", "Account", "ApiKey"]


def _ruby_hash(r, b: L, depth: int = 0, arrow: str | None = None):
    if arrow is None:                            # Ruby 3.4 inspect: {"a" => "b"}
        arrow = " => " if chance(r, 0.3) else "=>"
    b.d("{")
    keys = r.sample(["id", "page", "q", "user", "format", "authenticity_token", "password",
                     "email", "commit", "per_page", "utf8", "ids", "sort"], r.randint(1, 4))
    for i, k in enumerate(keys):
        if i:
            b.d(", ")
        b.d('"').f(k).d('"' + arrow)
        if k == "user" and depth == 0:
            _ruby_hash(r, b, 1, arrow)
        elif k == "ids":
            b.d("[")
            for j in range(r.randint(1, 3)):
                if j:
                    b.d(", ")
                b.quoted(str(r.randint(1, 9999)))
            b.d("]")
        elif k in ("authenticity_token", "password"):
            b.quoted("[FILTERED]")
        elif k == "utf8":
            b.quoted("✓")
        else:
            b.quoted(pick(r, [str(r.randint(1, 9999)), V.ident(r, 3, 8), V.email(r), "json",
                              "Save", "created_at desc", ""]))
    b.d("}")


def _rails_sql(r, b: L, ansi: bool):
    model = pick(r, _MODELS)
    table = model.lower() + "s"
    if ansi:
        b.d("\x1b[1m\x1b[36m")
    tx = chance(r, 0.2)
    if tx:
        b.f("TRANSACTION")
    else:
        verb = pick(r, ["Load", "Load", "Load", "Create", "Update", "Exists", "Count", "Destroy"])
        if verb == "Load" and chance(r, 0.2):
            b.f("CACHE").sp()
        b.f(model).sp().f(verb)
        if verb == "Exists":                     # 'User Exists?': sentence punctuation
            b.d("?")
    b.d(" (").f(f"{r.uniform(0, 30):.1f}ms").d(")")
    if ansi:
        b.d("\x1b[0m  \x1b[1m\x1b[34m")
    else:
        b.d("  ")
    if tx:
        b.f(pick(r, ["BEGIN", "COMMIT", "ROLLBACK"]))
    else:
        sql(r, b, iq='"', params=True, semi=False, table=table,
            kind={"Create": "insert", "Update": "update", "Destroy": "delete"}.get(verb, "select"))
    if ansi:
        b.d("\x1b[0m")
    if chance(r, 0.5):
        b.d("  [")
        for i in range(r.randint(1, 3)):
            if i:
                b.d(", ")
            b.d('["').f(pick(r, COLUMNS + ["LIMIT"])).d('", ')
            if chance(r, 0.6):
                b.f(str(r.randint(1, 9999)))
            else:
                b.quoted(pick(r, ["active", V.email(r), V.ident(r, 3, 8)]))
            b.d("]")
        b.d("]")


def _rails_msg(r, b: L):
    k = r.randint(0, 12)
    if k <= 1:
        method = pick(r, V.HTTP_METHODS[:5])
        b.words("Started ").f(method).sp().quoted(_path(r)).words(" for ").f(
            V.ip4(r) if chance(r, 0.8) else pick(r, ["127.0.0.1", "::1"])).words(" at ")
        t = _t(r)
        b.f(t.strftime("%Y-%m-%d %H:%M:%S ") + pick(r, ["+0000", "+0000", "-0500", "+0200", "UTC"]))
    elif k == 2:
        ctrl = pick(r, _CONTROLLERS)
        b.words("Processing by ").f(f"{ctrl}Controller#{pick(r, _ACTIONS)}").words(" as ")
        # the request format is a value's place: `*/*` (any format) is a field like `HTML`
        # (rule 8; decision 30 amended)
        b.f(pick(r, ["HTML", "JSON", "*/*", "TURBO_STREAM", "XML", "JS"]))
    elif k == 3:
        b.d("  ").f("Parameters").d(": ")
        _ruby_hash(r, b)
    elif k <= 5:
        status = pick(r, [200, 200, 200, 201, 204, 302, 304, 401, 403, 404, 422, 500])
        b.words("Completed ").f(str(status)).sp().words(_REASON[status]).words(" in ")
        b.f(f"{r.randint(1, 3000)}ms")
        if status != 204 and chance(r, 0.9):
            b.d(" (")
            parts = []
            if chance(r, 0.7):
                parts.append("Views")
            parts.append("ActiveRecord")
            if chance(r, 0.5):
                parts.append("Allocations")
            for i, p in enumerate(parts):
                if i:
                    b.d(" | ")
                b.f(p).d(": ")
                b.f(str(r.randint(100, 99999)) if p == "Allocations" else f"{r.uniform(0, 900):.1f}ms")
            b.d(")")
    elif k == 6:
        b.d("  ").words(pick(r, ["Rendered ", "Rendering "]))
        if chance(r, 0.4):
            b.words("layout ")
        b.f(f"{pick(r, ['users', 'orders', 'layouts', 'shared', 'admin/dashboard'])}/"
            f"{pick(r, ['show', 'index', '_form', 'application', '_header', 'edit'])}.html.erb")
        if chance(r, 0.5):
            b.words(" within ").f("layouts/application")
        if chance(r, 0.7):
            b.d(" (").f("Duration").d(": ").f(f"{r.uniform(0, 200):.1f}ms").d(" | ").f("Allocations")
            b.d(": ").f(str(r.randint(10, 99999))).d(")")
    elif k == 7:
        b.d("  ")
        _rails_sql(r, b, ansi=chance(r, 0.3))
    elif k == 8:
        b.words("Redirected to ").f(V.url(r))
    elif k == 9:
        exc = r.randint(0, 2)
        b.f(("ActionController::RoutingError", "ActiveRecord::RecordNotFound",
             "ActionController::InvalidAuthenticityToken")[exc]).d(" (")
        if exc == 0:
            b.words("No route matches ").bracketed(pick(r, V.HTTP_METHODS[:4])).sp().quoted(_path(r))
        elif exc == 1:
            b.words("Couldn't find ").f(pick(r, _MODELS)).words(" with ").quoted("id", "'").d("=")
            b.f(str(r.randint(1, 99999)))
        else:
            b.words("Can't verify CSRF token authenticity.")
        b.d("):")
    elif k == 10:
        b.d("  ↳ ").f(f"app/{pick(r, ['controllers', 'models', 'services'])}/"
                               f"{pick(r, ['users_controller', 'order', 'billing_service'])}.rb")
        b.d(":").f(str(r.randint(1, 400))).d(":").f("in").d(" `").f(pick(r, _ACTIONS)).d("'")
    elif k == 11:
        w = r.randint(0, 3)
        if w == 0:
            b.words("Can't verify CSRF token authenticity.")
        elif w == 1:
            cb = pick(r, ["authenticate_user!", "require_login", "set_account"])
            b.words("Filter chain halted as ").d(":").f(cb.rstrip("!")).d(cb[-1] if cb[-1] == "!" else "")
            b.words(" rendered or redirected")
        elif w == 2:
            b.words("Sent data ").f(f"{V.ident(r, 3, 8)}.{pick(r, ['csv', 'pdf', 'zip'])}").d(" (")
            b.f(f"{r.uniform(0, 50):.1f}ms").d(")")
        else:
            b.words("Completed in ").f(f"{r.randint(1, 999)}ms")
    else:
        M.message(r, b)


@family("rails")
def rails(r) -> L:
    """Plain / ``[request-id]`` tagged / Logger-formatted (``I, [ts #pid]  INFO -- : ``) lines."""
    b = L()
    v = r.randint(0, 3)
    if v >= 2:                                        # Ruby Logger::Formatter
        t = _t(r)
        lv = pick(r, ["INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR", "FATAL"])
        b.f(lv[0]).d(", [").f(t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond:06d}")
        b.sp().f(f"#{r.randint(1, 99999)}").d("] " + " " * (5 - len(lv))).f(lv).d(" -- ")
        if chance(r, 0.3):
            b.f(pick(r, ["app", "sidekiq", "puma", "rails"]))
        b.d(": ")
    if v == 1 or (v == 3 and chance(r, 0.7)):          # config.log_tags = [:request_id, ...]
        b.d("[").f(V.uuid(r)).d("] ")
        if chance(r, 0.3):
            b.d("[").f(pick(r, [V.ip4(r), "127.0.0.1", "www.example.com"])).d("] ")
    _rails_msg(r, b)
    return b


# ----------------------------------------------------------------------------- django
def _django_msg(r, b: L):
    k = r.randint(0, 7)
    if k == 0:
        b.words(pick(r, ["Internal Server Error: ", "Not Found: ", "Bad Request: ",
                         "Unauthorized: ", "Service Unavailable: "]))
        _upath(b, _path(r).split("?")[0])
    elif k == 1:
        b.words("Forbidden ").d("(").words(pick(r, ["CSRF token missing.", "CSRF cookie not set.",
                                                    "Origin checking failed - https://evil.example does not match any trusted origins."]))
        b.d("): ")
        _upath(b, _path(r).split("?")[0])
    elif k == 2:
        b.words("Method Not Allowed ").d("(").f(pick(r, V.HTTP_METHODS)).d("): ")
        _upath(b, _path(r).split("?")[0])
    elif k == 3:
        host = pick(r, ["evil.com", V.ip4(r), "internal.local:8000"])
        b.words("Invalid HTTP_HOST header: ").quoted(host, "'").words(". You may need to add ")
        b.quoted(host.split(":")[0], "'").words(" to ALLOWED_HOSTS.")
    elif k == 4:
        b.d("(").f(f"{r.uniform(0, 0.5):.3f}").d(") ")
        sql(r, b, iq='"', semi=True, table=f"{pick(r, ['auth', 'app', 'shop'])}_{pick(r, ['user', 'order', 'item'])}")
        b.sp().f("args").d("=(")
        n = r.randint(0, 3)
        for i in range(n):
            if i:
                b.d(", ")
            if chance(r, 0.7):
                b.f(str(r.randint(1, 999)))
            else:
                b.quoted(pick(r, ["active", "bob", V.email(r)]), "'")
        b.d(",);" if n == 1 else ");").sp().kv("alias", "default")
    elif k == 5:
        b.d('"').f(_request(r).replace("CONNECT", "GET")).d('" ').f(str(pick(r, _STATUS))).sp()
        b.f(str(r.randint(0, 99999)))
    elif k == 6:
        w = r.randint(0, 4)
        if w == 0:
            b.words("System check identified no issues ").d("(").f("0").words(" silenced).")
        elif w == 1:
            b.words("Starting development server at ").f(f"http://127.0.0.1:{pick(r, ['8000', '8080'])}/")
        elif w == 2:
            b.words("Django version ").f(pick(r, ["4.2.5", "5.0.1", "3.2.22"])).words(", using settings ")
            b.quoted(pick(r, ["mysite.settings", "config.settings.local", "app.settings"]), "'")
        else:
            b.words(pick(r, ["Watching for file changes with StatReloader", "Performing system checks...",
                             "Quit the server with CONTROL-C."]))
    else:
        M.message(r, b)


@family("django")
def django(r) -> L:
    """runserver access lines, and logger lines in the verbose / basic / bracketed formats."""
    b = L()
    t = _t(r)
    v = r.randint(0, 4)
    lvl = pick(r, ["ERROR", "WARNING", "INFO", "DEBUG", "WARNING", "CRITICAL"])
    logger = pick(r, ["django.request", "django.server", "django.db.backends", "django.security.csrf",
                      "django.security.DisallowedHost", "myapp.views", "django"])
    asctime = t.strftime("%Y-%m-%d %H:%M:%S,") + _ms(t)
    if v == 0:                                       # runserver
        b.d("[").f(f"{t.day:02d}/{MON[t.month - 1]}/{t.year} " + t.strftime("%H:%M:%S")).d("] ")
        if chance(r, 0.8):
            b.d('"').f(_request(r).replace("CONNECT", "GET")).d('" ').f(str(pick(r, _STATUS))).sp()
            b.f(str(r.randint(0, 99999)))
        else:
            _django_msg(r, b)
    elif v == 1:                                     # verbose: {levelname} {asctime} {module} {process:d} {thread:d} {message}
        b.f(lvl).sp().f(asctime).sp().f(pick(r, ["log", "views", "basehttp", "utils", "exception", "csrf"]))
        b.sp().f(str(r.randint(1, 99999))).sp().f(str(r.randint(10 ** 13, 10 ** 15))).sp()
        _django_msg(r, b)
    elif v == 2:                                     # logging.basicConfig default
        b.f(lvl).d(":").f(logger).d(":")
        _django_msg(r, b)
    elif v == 3:                                     # [%(asctime)s] %(levelname)s [%(name)s:%(lineno)s] %(message)s
        b.d("[").f(asctime).d("] ").f(lvl).d(" [").f(logger).d(":").f(str(r.randint(1, 400))).d("] ")
        _django_msg(r, b)
    else:                                            # %(asctime)s %(name)s %(levelname)s %(message)s
        b.f(asctime).sp().f(logger).sp().f(lvl).sp()
        _django_msg(r, b)
    return b


# ----------------------------------------------------------------------------- express
def _ms3(r):
    return f"{r.uniform(0, 30 if chance(r, 0.8) else 3000):.3f}"


@family("express")
def express(r) -> L:
    """morgan dev (colours) / tiny / short / common / combined / default formats."""
    b = L()
    v = r.randint(0, 5)
    method = pick(r, V.HTTP_METHODS[:5] if chance(r, 0.9) else V.HTTP_METHODS)
    path = _path(r)
    status = pick(r, _STATUS)
    addr = pick(r, ["::1", "127.0.0.1", "::ffff:" + V.ip4(r), V.ip4(r), "::ffff:127.0.0.1"])
    if v == 0:                                       # dev
        color = 31 if status >= 500 else 33 if status >= 400 else 36 if status >= 300 else 32
        colored = chance(r, 0.6)
        b.d("\x1b[0m" if colored else "").f(method).sp()
        _upath(b, path).sp()
        b.d(f"\x1b[{color}m" if colored else "").f(str(status)).d("\x1b[0m" if colored else "").sp()
        b.f(_ms3(r)).words(" ms - ")
        _bytes(r, b, dash_for_zero=True)
        b.d("\x1b[0m" if colored else "")
    elif v == 1:                                     # tiny
        b.f(method).sp()
        _upath(b, path).sp().f(str(status)).sp()
        _bytes(r, b, dash_for_zero=True)
        b.d(" - ").f(_ms3(r)).words(" ms")
    elif v == 2:                                     # short: `:remote-addr :remote-user :method ...`
        b.f(addr).sp()
        b.f(V.user(r) if chance(r, 0.05) else "-").sp()   # the remote user's place: a field
        b.f(method).sp()
        _upath(b, path).sp().f("HTTP/" + pick(r, ["1.1", "1.1", "1.0", "2.0"])).sp()
        b.f(str(status)).sp()
        _bytes(r, b, dash_for_zero=True)
        b.d(" - ").f(_ms3(r)).words(" ms")
    else:                                            # common / combined / default
        t = _t(r)
        b.f(addr)                                    # `- :remote-user`, as CLF (rule 9)
        _ident_user(b, V.user(r) if chance(r, 0.1) else None)
        if v == 5:                                   # default: [:date] is the web date
            b.d("[").f(t.strftime("%a, %d %b %Y %H:%M:%S GMT")).d("] ")
        else:
            b.d("[").f(_clf(r, t)).d("] ")
        b.d('"').f(f"{method} {path} HTTP/{pick(r, ['1.1', '1.1', '1.0'])}").d('" ')
        b.f(str(status)).sp()
        _bytes(r, b, dash_for_zero=True)
        if v != 3:
            b.sp()
            _quoted_or_dash(b, _referer(r)).sp()
            _quoted_or_dash(b, _ua(r))
    return b
