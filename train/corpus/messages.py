"""Free-text log messages and log headers, built piece by piece with their labels.

``message(r, b)`` appends one realistic free-text message to a :class:`builder.Line`: words in
many styles, typed values (addresses, paths, URLs, identifiers, sizes...), ``key=value`` pairs,
lists, bracketed groups, quoted strings, arrows and sentence punctuation, composed at random so
that no fixed template is learnt.  ``header(r, b)`` appends a random plausible log header
(timestamp, level, host, process, thread, logger in random order and with random separators)
followed by the separator before the message.

Every field is appended with ``.f()`` and every delimiter with ``.d()`` as the piece is built;
nothing is labeled by scanning finished text (docs/LABELING.md is the convention).  Rule 8:
an absent value is an empty field where its separators keep its place (``key=``, ``a,,c``,
``x||y``, ``""``), declared with ``.empty()`` exactly where :mod:`logsplit.fieldspans` derives
it; glued ``->``/``=>`` are delimiters (``512M->128M(1024M)``); an ARN or URN is one field;
control characters and escape sequences are delimiters (rule 6); a quoted value keeps its
escaped quotes, also at its end (decision 61).

>>> import random
>>> s = message(random.Random(3), Line()).build("demo")
>>> len(s.spans) >= 1
True
"""
from __future__ import annotations

import bisect
import datetime as _dt
import string

from . import values as V
from .builder import Line

_LOWER = string.ascii_lowercase
_ALNUM = string.ascii_lowercase + string.digits


# ============================================================================ fast primitives
# values.py helpers are used where they are cheap; these replace the per-character r.choice
# loops on the hot path (a line must take well under 50 µs).
def _p(r, seq):
    """Uniform pick from a sequence (faster than random.choice)."""
    return seq[int(r.random() * len(seq))]


def _c(r, p: float) -> bool:
    return r.random() < p


def _n(r, lo: int, hi: int) -> int:
    """Uniform integer in [lo, hi]."""
    return lo + int(r.random() * (hi - lo + 1))


def _id(r, lo=3, hi=8, alphabet=_LOWER) -> str:
    return "".join(r.choices(alphabet, k=_n(r, lo, hi)))


_T0 = _dt.datetime(2005, 1, 1)
_T_SPAN_US = 21 * 365 * 86400 * 10 ** 6
_TS_STYLES = tuple(V.TIMESTAMP_STYLES)


def _moment(r) -> _dt.datetime:
    """A random datetime (2005..2026, microseconds) in one timedelta (values.moment is slower)."""
    return _T0 + _dt.timedelta(microseconds=int(r.random() * _T_SPAN_US))


def _ts(r, style: str | None = None) -> str:
    """A timestamp in a ``values.TIMESTAMP_STYLES`` style (random if None): one field."""
    return V.TIMESTAMP_STYLES[style or _p(r, _TS_STYLES)](r, _moment(r))


def _hex(r, n: int) -> str:
    return format(r.getrandbits(4 * n), f"0{n}x")


def _hex0(r) -> str:
    """``0x`` hex value of random width (``0x0``, ``0x7fed806eb5d``)."""
    n = _p(r, (1, 2, 4, 8, 8, 11, 12, 16))
    return "0x" + format(r.getrandbits(4 * n), "x")


def _uuid(r) -> str:
    h = format(r.getrandbits(128), "032x")
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _ip4(r) -> str:
    g = r.getrandbits(24)
    first = _p(r, (10, 10, 172, 192, 127, _n(r, 1, 223)))
    return f"{first}.{g >> 16}.{(g >> 8) & 255}.{g & 255}"


def _port(r) -> str:
    if _c(r, 0.5):
        return _p(r, ("22", "80", "443", "8080", "8443", "3306", "5432", "6379", "9092",
                       "2181", "50010", "9000", "27017", "53", "8000"))
    return str(_n(r, 1024, 65535))


def _num(r) -> str:
    """A plain number of random magnitude."""
    return str(int(r.random() * 10 ** _n(r, 1, 6)))


def _signed(r) -> str:
    v = int(r.random() * 10 ** _n(r, 1, 10))
    return f"-{v}" if _c(r, 0.5) else str(v)


def _decimal(r) -> str:
    return f"{r.random() * 10 ** _n(r, 0, 4):.{_n(r, 1, 4)}f}"


_PATH_DIRS = ("var", "usr", "etc", "opt", "home", "tmp", "srv", "data", "lib", "proc", "run",
              "mnt", "dev", "sys", "app")
_PATH_PARTS = ("log", "lib", "local", "share", "bin", "cache", "spool", "conf", "nginx",
               "hadoop", "spark", "kafka", "data", "current", "tmp", "www", "html", "models",
               "logs", "backup", "releases", "shared", "sockets", "run", "pki", "ssl", "certs",
               "2023", "v1", "hdfs", "blocks", "node_modules", "site-packages", ".cache")
_EXTS = V.EXTS + ["sock", "pid", "lock", "db", "csv", "tar", "sh", "c", "h", "rb", "js", "ts"]


def _upath(r, ext=None) -> str:
    parts = [_p(r, _PATH_DIRS)]
    for _ in range(_n(r, 0, 4)):
        parts.append(_p(r, _PATH_PARTS) if _c(r, 0.75) else _id(r, 2, 9, _ALNUM))
    if _c(r, 0.75):
        parts.append(_id(r, 3, 10) + "." + (ext or _p(r, _EXTS)))
    elif _c(r, 0.5):
        parts.append(_id(r, 3, 10))
    p = "/" + "/".join(parts)
    if _c(r, 0.05):
        p = "~" + p
    return p


_WIN_DIRS = ("Windows", "Users", "ProgramData", "inetpub", "Program_Files", "temp", "logs")
_WIN_PARTS = ("System32", "winsxs", "Logs", "CBS", "wwwroot", "AppData", "Temp", "Local",
              "Microsoft", "drivers", "config", "Servicing", "Packages", "SysWOW64")


def _wpath(r) -> str:
    if _c(r, 0.06):
        return _p(r, "CCDE") + ":\\"                  # a bare drive `C:\`
    if _c(r, 0.06):                                 # a registry key
        return _p(r, ("HKLM", "HKCU", "HKEY_LOCAL_MACHINE")) + "\\" + "\\".join(
            _p(r, ("SOFTWARE", "COMPONENTS", "SYSTEM", "Microsoft", "Windows", "CurrentVersion",
                   "Services", "Policies", "Control")) for _ in range(_n(r, 1, 4)))
    parts = [_p(r, _WIN_DIRS)] + [_p(r, _WIN_PARTS) for _ in range(_n(r, 0, 3))]
    if _c(r, 0.8):
        parts.append(_id(r, 3, 10) + "." + _p(r, ("dll", "exe", "log", "sys", "mum", "cab",
                                                   "ini", "dat", "txt")))
    return _p(r, "CCCDE") + ":\\" + "\\".join(parts)


_URL_SCHEMES = ("http", "https", "https", "https", "ftp", "s3", "hdfs", "ws", "wss", "grpc")
_QKEYS = ("id", "q", "page", "sort", "token", "lang", "limit", "offset", "user", "ts", "ref")


def _urlpath(r, query=None) -> str:
    p = "/" + "/".join(_p(r, V.URL_WORDS) if _c(r, 0.8) else str(_n(r, 1, 9999))
                       for _ in range(_n(r, 1, 4)))
    if query or (query is None and _c(r, 0.4)):
        p += "?" + "&".join(f"{_p(r, _QKEYS)}={_p(r, (str(_n(r, 1, 999)), _id(r, 2, 8)))}"
                            for _ in range(_n(r, 1, 3)))
    return p


_URL_SCHEMES_USER = ("spark", "akka.tcp", "postgres", "postgresql", "mysql", "redis", "mongodb",
                     "amqp", "jdbc:mysql", "jdbc:postgresql", "ssh", "sftp", "smtp", "ldap",
                     "kafka", "nats", "tcp", "udp", "file", "git+ssh", "unix")


def _url(r) -> str:
    """A URL (one field): `https://host:8443/a?b=c`, `spark://Scheduler@10.0.0.5:48069`,
    `postgres://app@db1:5432/orders`, `file:///var/log/x.log`."""
    host = _fqdn(r) if _c(r, 0.7) else _ip4(r)
    if _c(r, 0.3):
        host += ":" + _port(r)
    if _c(r, 0.25):
        scheme = _p(r, _URL_SCHEMES_USER)
        if scheme == "file":
            return "file://" + _upath(r)
        if _c(r, 0.6):
            host = (_p(r, V.NAMES) if _c(r, 0.5) else _p(r, _CAMEL)) + "@" + host
        if ":" not in host and _c(r, 0.7):
            host += ":" + _port(r)
        return f"{scheme}://{host}" + (_urlpath(r) if _c(r, 0.4) else "")
    return f"{_p(r, _URL_SCHEMES)}://{host}{_urlpath(r)}"


def _host(r) -> str:
    return _p(r, V.HOSTS)


def _fqdn(r) -> str:
    return f"{_p(r, V.HOSTS + ['www', 'api', 'mail', 'smtp', 'ns1'])}.{_id(r, 3, 8)}.{_p(r, V.TLDS)}"


def _email(r) -> str:
    return f"{_p(r, V.NAMES).replace('_', '.')}@{_id(r, 3, 8)}.{_p(r, V.TLDS)}"


def _version(r) -> str:
    v = ".".join(str(_n(r, 0, 20) if i < 2 else _n(r, 0, 30000)) for i in range(_n(r, 2, 4)))
    return _p(r, ("", "", "v", "V")) + v + _p(r, ("", "", "", "-beta", "-rc1", "-SNAPSHOT"))


def _jobid(r) -> str:
    ts = str(_n(r, 1400000000000, 1700000000000))
    k = _n(r, 0, 6)
    if k == 0:
        return f"job_{ts}_{_n(r, 1, 9999):04d}"
    if k == 1:
        return f"appattempt_{ts}_{_n(r, 1, 9999):04d}_{_n(r, 1, 3):06d}"
    if k == 2:
        return f"container_{ts}_{_n(r, 1, 9999):04d}_{_n(r, 1, 3):02d}_{_n(r, 1, 999):06d}"
    if k == 3:
        return f"attempt_{ts}_{_n(r, 1, 9999):04d}_{_p(r, 'mr')}_{_n(r, 0, 999):06d}_{_n(r, 0, 3)}"
    if k == 4:
        return f"task_{ts}_{_n(r, 1, 9999):04d}_{_p(r, 'mr')}_{_n(r, 0, 999):06d}"
    if k == 5:
        return f"application_{ts}_{_n(r, 1, 9999):04d}"
    return f"R{_n(r, 0, 77):02d}-M{_n(r, 0, 1)}-N{_n(r, 0, 15)}-C:J{_n(r, 2, 17):02d}-U{_n(r, 1, 11):02d}"


def _blk(r) -> str:
    return "blk_" + ("-" if _c(r, 0.5) else "") + str(r.getrandbits(62))


def _ident(r) -> str:
    """Opaque identifiers with ``_`` / ``-`` inside."""
    k = _n(r, 0, 7)
    if k <= 1:
        return _blk(r)
    if k <= 3:
        return _jobid(r)
    if k == 4:
        return f"{_p(r, ('req', 'txn', 'sess', 'trace', 'span', 'msg', 'ord'))}-{_hex(r, _n(r, 6, 16))}"
    if k == 5:
        return f"{_p(r, ('pod', 'vm', 'i', 'vol', 'sg', 'subnet'))}-{_hex(r, _p(r, (8, 17)))}"
    if k == 6:
        return f"{_id(r, 3, 7)}_{_n(r, 0, 999)}"
    return f"{_p(r, ('pool', 'worker', 'exec', 'shard', 'partition'))}-{_n(r, 0, 64)}"


def _duration(r) -> str:
    k = _n(r, 0, 9)
    if k < 5:
        return str(_n(r, 0, 9999)) + _p(r, ("ms", "ms", "s", "us", "µs", "ns", "m", "h", "sec",
                                            "secs", "min", "d"))
    if k < 8:
        return f"{r.random() * 100:.{_n(r, 1, 3)}f}" + _p(r, ("ms", "s", "s", "sec", "us"))
    if k == 8:
        x = r.random()
        if x < 0.4:
            return f"{_n(r, 0, 59)}m{_n(r, 0, 59)}.{_n(r, 0, 999):03d}s"
        if x < 0.6:
            return f"+{_n(r, 0, 59)}s{_n(r, 0, 999)}ms"
        return _clock(r)
    return f"{_n(r, 1, 23)}h{_n(r, 0, 59)}m{_n(r, 0, 59)}s"


_SIZE_UNITS = ("B", "KB", "MB", "GB", "TB", "kB", "KiB", "MiB", "GiB", "b", "k", "K", "M", "G")
_SPACED_UNITS = ("bytes", "B", "KB", "MB", "GB", "KiB", "MiB", "GiB", "ms", "s", "seconds",
                 "sec", "minutes", "hours", "records", "rows", "files", "items", "msgs",
                 "events", "blocks", "pages", "req/s", "MB/s", "ops/sec")


def _size(r) -> str:
    v = str(_n(r, 0, 99999)) if _c(r, 0.6) else f"{r.random() * 1000:.{_n(r, 1, 2)}f}"
    return v + _p(r, _SIZE_UNITS)


def _percent(r) -> str:
    return (str(_n(r, 0, 100)) if _c(r, 0.5) else f"{r.random() * 100:.{_n(r, 1, 2)}f}") + "%"


def _ip6(r) -> str:
    k = _n(r, 0, 4)
    if k == 0:
        return ":".join(format(r.getrandbits(16), "x") for _ in range(8))
    if k == 1:
        return "fe80::" + ":".join(format(r.getrandbits(16), "x") for _ in range(4))
    if k == 2:
        return "2001:db8::" + format(r.getrandbits(16), "x")
    if k == 3:
        return f"2001:db8:{format(r.getrandbits(16), 'x')}::{format(r.getrandbits(16), 'x')}"
    return "::1" if _c(r, 0.5) else "::ffff:" + _ip4(r)


def _mac(r) -> str:
    h = _hex(r, 12)
    sep = _p(r, ":::-")
    return sep.join(h[i:i + 2] for i in range(0, 12, 2))


# ============================================================================ word lists
_EXTRA_WORDS = """processing requested requesting attempting trying using found writing
flushed flushing skipping skipped scheduled scheduling assigned assigning launching launched
exiting exited terminated terminating killed killing spawned spawning bound binding listening
accepted dropping dropped expired expiring refreshing refreshed rotated rotating reloading
reloaded mounted unmounted parsed parsing compiled detected detecting reached exceeded
allocated freed reset resetting resolved resolving cleaning cleaned recovered recovering
the the the a a to to of of for for from from with on in at and and or not is was has have
be been will new old all some any no more less than only still already now again then
instance resource request replica partition segment record records batch chunk buffer
socket port address host peer channel stream pipe signal state status mode level policy
limit threshold quota usage rate size length count offset version build release patch
header body payload response result value entry entries item items object objects field
path directory file files log logs archive backup certificate key secret credential account
permission role group member owner tenant namespace endpoint route rule filter plugin
module component driver device sensor disk volume mount partition memory heap stack frame
call invocation method function callback hook trigger timer alarm watchdog daemon agent""".split()
_ALL_WORDS = V.WORDS + _EXTRA_WORDS

_UPPER = ("ERROR", "OK", "FAILED", "HTTP", "TCP", "UDP", "SSL", "TLS", "DNS", "API", "JVM",
          "GC", "CPU", "RAM", "BLOCK*", "NOTE", "WARNING", "SIGTERM", "SIGKILL", "SIGHUP",
          "EOF", "NULL", "ACK", "SYN", "FIN", "RST", "DHCPACK", "DHCPREQUEST", "NAT", "VPN",
          "SQL", "DDL", "URL", "URI", "UTF-8", "ID", "PID", "TTL", "AUTH", "READY", "DONE",
          "ABORTED", "TIMEOUT", "IO", "OOM", "FATAL", "CRITICAL", "RUNNING", "PENDING")
_CAMEL = ("PacketResponder", "NameSystem", "ResourceManager", "NodeManager", "DataNode",
          "BlockManager", "SecurityManager", "HikariPool", "ConnectionPool", "EventLoop",
          "StateMachine", "HealthCheck", "JobScheduler", "TaskRunner", "SessionStore",
          "AuthFilter", "RequestHandler", "CacheLoader", "MetricsReporter", "WorkerThread")
_LCAMEL = ("onStandStepChanged", "getInstance", "handleRequest", "processEvent", "doFilter",
           "onReceive", "flushBuffer", "setStatus", "getConnection", "initContext",
           "onCreate", "dispatchMessage", "readBlock", "writeChunk", "acquireLock",
           "checkHealth", "startServer", "loadConfig", "parseHeader", "resolveHost")
_SNAKE = ("max_retries", "user_id", "conn_pool", "read_timeout", "tx_bytes", "rx_packets",
          "session_id", "request_id", "last_seen", "queue_depth", "max_conn", "is_active",
          "retry_count", "error_code", "client_ip", "node_name", "shard_id", "batch_size",
          "exit_code", "worker_pid", "http_status", "sync_state", "mem_used", "gc_pause")
_APOS = ("don't", "can't", "won't", "isn't", "doesn't", "couldn't", "wasn't", "it's",
         "we're", "you're", "there's", "server's", "user's", "haven't", "aren't", "didn't",
         "shouldn't", "wouldn't", "that's", "client's", "node's", "let's", "hasn't", "I'm")
_HYPHEN = ("read-only", "non-blocking", "re-election", "keep-alive", "out-of-memory",
           "well-known", "built-in", "pre-flight", "half-open", "write-ahead", "end-to-end",
           "up-to-date", "time-out", "e-mail", "round-robin", "zero-copy", "self-signed",
           "multi-part", "x-forwarded-for", "re-sync", "co-located")
_KEYS = ("id", "user", "uid", "gid", "pid", "port", "host", "addr", "size", "status", "code",
         "count", "len", "name", "type", "mode", "state", "err", "error", "reason", "path",
         "file", "dst", "src", "from", "to", "duration", "elapsed", "took", "latency", "attempt",
         "retries", "offset", "partition", "topic", "key", "version", "level", "region", "zone",
         "policy", "wakefulness", "euid", "ruser", "rhost", "tty", "logname", "method", "url",
         "bytes", "rc", "exit", "signal", "node", "shard", "index", "seq", "ttl", "txid",
         "session", "client", "server", "backend", "queue", "job", "task", "slot", "prio")
_KEYS_ALL = _KEYS + _SNAKE + ("requestId", "userId", "traceId", "spanId", "clientIp",
                              "x-request-id", "Content-Length", "content.type", "http.status")
_SIGNALS = ("TERM", "HUP", "INT", "KILL", "USR1", "USR2", "QUIT", "PIPE", "CHLD", "ALRM")
_EXCEPTIONS = ("java.io.IOException", "java.lang.NullPointerException",
               "java.net.ConnectException", "java.net.SocketTimeoutException",
               "java.lang.IllegalStateException", "java.lang.OutOfMemoryError",
               "org.apache.hadoop.ipc.RemoteException", "java.util.concurrent.TimeoutException",
               "ValueError", "KeyError", "RuntimeError", "TypeError", "OSError",
               "ConnectionResetError", "FileNotFoundError", "PermissionError",
               "System.InvalidOperationException", "System.IO.IOException",
               "std::runtime_error", "std::bad_alloc", "EOFError", "SQLException")
_ERRNO_TEXT = ("connection refused", "connection reset by peer", "no such file or directory",
               "permission denied", "broken pipe", "i/o timeout", "no route to host",
               "too many open files", "address already in use", "network is unreachable",
               "operation not permitted", "resource temporarily unavailable",
               "device or resource busy", "no space left on device", "file exists",
               "context deadline exceeded", "certificate has expired", "EOF")
_GO_OPS = ("dial tcp", "read tcp", "write tcp", "open", "stat", "lookup", "listen tcp",
           "mkdir", "remove", "connect", "accept tcp", "read udp", "rename", "chmod")
_LEADS = ("from", "to", "at", "on", "for", "in", "with", "by", "via", "after", "took",
          "using", "of", "as", "into", "over", "within", "since", "until", "is", "was",
          "=", "size", "port", "host", "id", "user", "node", "address", "file", "path")
_STATES = ("INIT", "NEW", "RUNNING", "READY", "STOPPED", "FAILED", "PENDING", "ACTIVE",
           "STANDBY", "LEADER", "FOLLOWER", "CANDIDATE", "OPEN", "CLOSED", "HALF_OPEN",
           "SUBMITTED", "ACCEPTED", "FINISHED", "KILLED", "UP", "DOWN", "DEGRADED",
           "Healthy", "Unhealthy", "Terminating", "ContainerCreating", "CrashLoopBackOff")
_ANSI = ("\x1b[31m", "\x1b[32m", "\x1b[33m", "\x1b[34m", "\x1b[35m", "\x1b[36m", "\x1b[1m",
         "\x1b[1;31m", "\x1b[0;32m", "\x1b[01;33m", "\x1b[90m", "\x1b[91m", "\x1b[38;5;208m")
_ANSI_RESET = ("\x1b[0m", "\x1b[0m", "\x1b[m", "\x1b[39m", "\x1b[22m")


def _word(r) -> str:
    """One word in a random style (lower, Capitalised, UPPER, CamelCase, snake_case,
    apostrophe, hyphenated)."""
    x = r.random()
    if x < 0.55:
        return _p(r, _ALL_WORDS)
    if x < 0.66:
        return _p(r, _ALL_WORDS).capitalize()
    if x < 0.72:
        return _p(r, _UPPER)
    if x < 0.78:
        return _p(r, _CAMEL) if _c(r, 0.6) else V.camel(r, (2, 3))
    if x < 0.82:
        return _p(r, _LCAMEL)
    if x < 0.88:
        return _p(r, _SNAKE)
    if x < 0.94:
        return _p(r, _APOS)
    return _p(r, _HYPHEN)


def _plain_word(r) -> str:
    return _p(r, _ALL_WORDS)


# ============================================================================ typed values
def _v_ip4(r, b):
    b.f(_ip4(r))


def _v_ip4_port(r, b):
    b.f(_ip4(r)).d(":").f(_port(r))


def _v_slash_ip(r, b):
    # HDFS style: `/10.251.203.246:50010`; the slash before an IP is a delimiter
    b.d("/").f(_ip4(r))
    if _c(r, 0.7):
        b.d(":").f(_port(r))


def _v_ip6(r, b):
    b.f(_ip6(r))


def _v_ip6_port(r, b):
    b.d("[").f(_ip6(r)).d("]:").f(_port(r))


def _v_host(r, b):
    b.f(_host(r) if _c(r, 0.5) else _fqdn(r))


def _v_host_port(r, b):
    b.f(_fqdn(r) if _c(r, 0.6) else _host(r)).d(":").f(_port(r))


def _v_upath(r, b):
    b.f(_upath(r))


def _v_file_line(r, b):
    name = _id(r, 3, 10) + "." + _p(r, ("go", "py", "java", "c", "cc", "rs", "js", "rb", "scala"))
    if _c(r, 0.4):
        name = _p(r, ("src", "pkg", "internal", "lib", "app", "cmd/server")) + "/" + name
    b.f(name).d(":").f(_n(r, 1, 2500))


def _v_wpath(r, b):
    b.f(_wpath(r))


def _v_url(r, b):
    b.f(_url(r))


def _v_uuid(r, b):
    b.f(_uuid(r))


def _v_email(r, b):
    b.f(_email(r))


def _v_hex(r, b):
    b.f(_hex0(r) if _c(r, 0.7) else _hex(r, _p(r, (6, 8, 12, 16, 40))))


def _v_number(r, b):
    b.f(_num(r))


def _v_signed(r, b):
    b.f(_signed(r))


def _v_decimal(r, b):
    b.f(_decimal(r) if _c(r, 0.8) else ("-" + _decimal(r)))


def _v_duration(r, b):
    b.f(_duration(r))


def _v_size(r, b):
    b.f(_size(r))


def _v_spaced_unit(r, b):
    # `1.5 GB`, `67108864 bytes`: number and unit are two fields (docs #4)
    b.f(_num(r) if _c(r, 0.6) else _decimal(r)).sp().f(_p(r, _SPACED_UNITS))


def _clock(r) -> str:
    """A clock duration: `00:01`, `12:07`, `1:02:03`, `00:12:07.25` (one field, decision 64)."""
    d = f"{_n(r, 0, 59):02d}:{_n(r, 0, 59):02d}"
    if _c(r, 0.5):
        return d
    return f"{_n(r, 0, 99) if _c(r, 0.5) else _n(r, 0, 9):02d}:{d}" + ("" if _c(r, 0.8) else f".{_n(r, 0, 99):02d}")


def _v_clock(r, b):
    b.f(_clock(r))


def _v_percent(r, b):
    b.f(_percent(r))


def _v_version(r, b):
    b.f(_version(r))


def _v_java(r, b):
    b.f(V.java_class(r) if _c(r, 0.7) else V.short_class(r))


_NAMESPACES = ("std", "boost", "ActiveRecord", "ActionController", "Net", "Sidekiq", "CBS",
               "Microsoft", "Windows", "absl", "grpc", "llvm", "Qt", "AWS", "Rack", "System")


def _v_cpp_method(r, b):
    """`::`-qualified names stay whole: `EventLoop::getInstance`, `ActiveRecord::RecordNotFound`,
    `CPackageManagerCLIHandler::Private_ProcessFeatureChange`, `std::vector::at`."""
    k = _n(r, 0, 4)
    if k <= 1:
        b.f(f"{_p(r, _CAMEL)}::{_p(r, _LCAMEL)}")
    elif k == 2:
        b.f(f"{_p(r, _NAMESPACES)}::{_p(r, _CAMEL)}")
    elif k == 3:
        b.f(f"C{_p(r, _CAMEL)}::{_p(r, ('Private_', 'Internal_', 'Do', ''))}{_p(r, _CAMEL)}")
    else:
        b.f("::".join([_p(r, _NAMESPACES), _p(r, _CAMEL), _p(r, _LCAMEL)][:_n(r, 2, 3)]))


def _v_inner(r, b):
    b.f(V.java_class(r, inner=True))


def _v_obj_at(r, b):
    # `QuorumCnxManager$SendWorker@679`, `Foo@1a2b3c`: `@` between two values is a delimiter
    obj = _p(r, _CAMEL) if _c(r, 0.5) else V.java_class(r)
    b.f(obj).d("@").f(_hex(r, _n(r, 3, 8)) if _c(r, 0.7) else str(_n(r, 1, 9999)))


def _v_ident(r, b):
    b.f(_ident(r))


def _v_mac(r, b):
    b.f(_mac(r))


_TS_IN_TEXT = ("iso_t", "iso_space", "iso_t", "epoch", "epoch_ms", "syslog", "rfc2822",
               "time_only", "date_only", "slash_iso", "ctime", "ctime", "apache_err", "apache",
               "us_date", "iso_zone", "dd_mm_yy", "iso_space_zone", "iso_nano", "ctime_noyear",
               "date_cmd", "java_util", "tomcat", "syslog_ms", "syslog_year", "dmy_time", "csi",
               "dot_ymd", "mm_dd_time", "day_mon")


def _v_timestamp(r, b):
    # timestamps inside messages ("connection from x at Fri Jun 17 07:07:00 2005") are one
    # field in every style, weekday and year included
    b.f(_ts(r, _p(r, _TS_IN_TEXT)))


def _v_user_at_host(r, b):
    b.f(_p(r, V.NAMES)).d("@").f(_ip4(r) if _c(r, 0.4) else _host(r))


def _v_hash_num(r, b):
    b.f(_p(r, ("#", "#", "build#", "PR#", "issue#")) + str(_n(r, 1, 9999)))


def _v_stack_addrs(r, b):
    # `@0x7fed806eb5d @0x7fed806ea11`: `@` before each address is a delimiter
    for i in range(_n(r, 1, 4)):
        b.d(" @" if i else "@").f("0x" + _hex(r, 11))


def _ratio(r) -> str:
    """Slash-separated counters or timers: `3/10`, `18/10/-1/-1/3026`, `0/0/0/0/0` (one field,
    rule 7); a run of them separated by blanks is several fields."""
    n = _p(r, (2, 2, 2, 3, 4, 5, 5))
    return "/".join(str(_n(r, 0, _p(r, (9, 99, 999, 99999)))) if _c(r, 0.9) else "-1"
                    for _ in range(n))


def _v_ratio(r, b):
    b.f(_ratio(r))
    if _c(r, 0.4):                                   # `856/457/379/810/1 41/3`
        b.sp().f(_ratio(r) if _c(r, 0.7) else _num(r))


_FLAG_CHARS = "ABCDHIKLMNOPRSTUVWXcdhinpqrstvwx"


def _flags(r) -> str:
    """Flag strings where `-` marks an unset position: `CD--`, `--NI`, `-rw-r--r--` (one field)."""
    k = _n(r, 0, 4)
    if k == 0:
        return _p(r, "-d-l") + "r" + "".join(_p(r, "rwxst") if _c(r, 0.5) else "-"
                                            for _ in range(8))
    if k == 1:
        n = _n(r, 1, 3)
        return "".join(_p(r, _FLAG_CHARS) for _ in range(n)) + "-" * (4 - n)
    if k == 2:
        return "-" * _n(r, 1, 2) + "".join(_p(r, _FLAG_CHARS) for _ in range(_n(r, 1, 2)))
    if k == 3:
        return "".join(_p(r, _FLAG_CHARS) if _c(r, 0.5) else "-" for _ in range(4)).replace(
            "----", "-P--")
    return _p(r, _FLAG_CHARS) + "-" * _n(r, 1, 3)


def _v_flags(r, b):
    b.f(_flags(r))


def _v_at_value(r, b):
    """`00000251@2016/9/27:20:30:31.455`, `tx@0x7f`, `worker@1700000000`: `@` between values."""
    b.f(_hex(r, 8) if _c(r, 0.5) else _p(r, _SNAKE)).d("@")
    b.f(_ts(r, _p(r, ("csi", "epoch", "iso_t", "compact"))) if _c(r, 0.5) else _hex0(r))


def _v_hash_joined(r, b):
    """Numbers joined by `#` or `##` are one field (rule 7): `1514038440000##6993##548365`."""
    j = _p(r, ("##", "#", "##"))
    b.f(j.join(_num(r) if _c(r, 0.8) else str(_n(r, 10 ** 12, 10 ** 13)) for _ in range(_n(r, 2, 6))))


def _v_word_value(r, b):
    w = _word(r)
    b.f(w + "~" if _c(r, 0.03) and w[-1].isalnum() else w)   # `https-in~`, `notes.txt~`


def _v_user(r, b):
    b.f(_p(r, V.NAMES))


def _v_state(r, b):
    b.f(_p(r, _STATES))


def _v_signal(r, b):
    b.f("SIG" + _p(r, _SIGNALS))


_AWS_SERVICES = ("iam", "s3", "lambda", "sqs", "sns", "ec2", "dynamodb", "kms", "sts", "logs",
                 "secretsmanager", "rds", "ecs", "elasticloadbalancing")
_REGIONS = ("us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2", "ca-central-1")


def _arn(r) -> str:
    """An ARN or a URN: one identifier, colons and slashes included (product rule 9):
    `arn:aws:iam::123456789012:user/alice`, `arn:aws:s3:::logs-bucket/2024/x.gz`,
    `urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66`, `urn:li:person:1234`."""
    acct = str(_n(r, 10 ** 11, 10 ** 12 - 1))
    k = _n(r, 0, 9)
    if k <= 1:
        return f"arn:aws:iam::{acct}:{_p(r, ('user', 'role', 'group', 'policy'))}/" + (
            _p(r, V.NAMES) if _c(r, 0.5) else _p(r, _CAMEL))
    if k == 2:
        return f"arn:aws:s3:::{_p(r, V.HOSTS)}-{_id(r, 3, 7)}" + (
            "/" + _urlpath(r, False).lstrip("/") if _c(r, 0.5) else "")
    if k == 3:
        return f"arn:aws:lambda:{_p(r, _REGIONS)}:{acct}:function:{_p(r, _SNAKE).replace('_', '-')}"
    if k == 4:
        return f"arn:aws:sts::{acct}:assumed-role/{_p(r, _CAMEL)}/{_p(r, V.NAMES)}"
    if k == 5:
        svc = _p(r, _AWS_SERVICES)
        return (f"arn:{_p(r, ('aws', 'aws', 'aws-cn', 'aws-us-gov'))}:{svc}:{_p(r, _REGIONS)}:{acct}:"
                f"{_p(r, ('table', 'queue', 'key', 'log-group', 'secret', 'db', 'cluster'))}"
                f"{_p(r, (':', '/'))}{_id(r, 3, 10)}")
    if k == 6:
        return "urn:uuid:" + _uuid(r)
    if k == 7:
        return f"urn:{_p(r, ('li', 'ietf', 'oid', 'isbn', 'epc'))}:{_id(r, 3, 8)}:{_n(r, 1, 99999)}"
    if k == 8:
        return f"arn:aws:ecs:{_p(r, _REGIONS)}:{acct}:task/{_id(r, 4, 8)}/{_hex(r, 32)}"
    return f"arn:aws:sns:{_p(r, _REGIONS)}:{acct}:{_id(r, 3, 9)}-{_p(r, ('alerts', 'events', 'topic'))}"


def _v_arn(r, b):
    b.f(_arn(r))


_VALUES = (
    (_v_arn, 2),
    (_v_ip4, 8), (_v_ip4_port, 6), (_v_slash_ip, 2), (_v_ip6, 2), (_v_ip6_port, 2),
    (_v_host, 5), (_v_host_port, 3), (_v_upath, 6), (_v_file_line, 2), (_v_wpath, 2),
    (_v_url, 4), (_v_uuid, 3), (_v_email, 2), (_v_hex, 4), (_v_number, 12), (_v_signed, 3),
    (_v_decimal, 4), (_v_duration, 5), (_v_size, 4), (_v_spaced_unit, 3), (_v_percent, 3),
    (_v_version, 3), (_v_java, 3), (_v_cpp_method, 2), (_v_inner, 1), (_v_obj_at, 2),
    (_v_ident, 6), (_v_mac, 1), (_v_timestamp, 5), (_v_user_at_host, 1), (_v_hash_num, 1),
    (_v_stack_addrs, 1), (_v_word_value, 4), (_v_user, 3), (_v_state, 2), (_v_signal, 1),
    (_v_ratio, 3), (_v_flags, 3), (_v_at_value, 1), (_v_clock, 2), (_v_hash_joined, 1),
)


def _cumulative(table):
    fns, cum, t = [], [], 0
    for fn, w in table:
        t += w
        fns.append(fn)
        cum.append(t)
    return tuple(fns), tuple(x / t for x in cum)


_VAL_FNS, _VAL_CUM = _cumulative(_VALUES)


def _weighted(r, fns, cum):
    return fns[min(bisect.bisect_left(cum, r.random()), len(fns) - 1)]


def value(r, b: Line) -> Line:
    """Append one typed value (one field, or a small labeled compound such as ``host:port``)."""
    _weighted(r, _VAL_FNS, _VAL_CUM)(r, b)
    return b


_SCALARS = (_v_number, _v_number, _v_word_value, _v_word_value, _v_ip4, _v_host, _v_duration,
            _v_size, _v_percent, _v_upath, _v_user, _v_state, _v_hex, _v_decimal, _v_ident,
            _v_uuid, _v_version, _v_signed)


def scalar(r, b: Line) -> Line:
    """Append one single-field value (no compound), e.g. for list items and key=value."""
    _p(r, _SCALARS)(r, b)
    return b


# ============================================================================ quoted strings
def _quoted_text(r) -> str:
    """Content of a quoted string: words with spaces or one value (never blank-padded)."""
    k = _n(r, 0, 9)
    if k < 5:
        return " ".join(_plain_word(r) if _c(r, 0.8) else _word(r) for _ in range(_n(r, 1, 6)))
    if k == 5:
        return _upath(r)
    if k == 6:
        return _p(r, V.NAMES)
    if k == 7:
        return _p(r, _ERRNO_TEXT)
    if k == 8:
        return f"{_p(r, V.HTTP_METHODS)} {_urlpath(r)} HTTP/1.1"
    return _p(r, _CAMEL)


def _escaped_inner(r) -> str:
    """Quoted text holding escaped quotes (decision 61): `loading plugin \\"io.containerd\\"`,
    `key \\"a b\\" not found`; half of them end in the escaped quote."""
    inner = _p(r, ("io.containerd.grpc.v1.cri", "io.containerd.snapshotter.v1.overlayfs",
                   _upath(r), _p(r, V.NAMES), _p(r, _CAMEL), _p(r, _STATES),
                   " ".join(_plain_word(r) for _ in range(_n(r, 1, 3)))))
    lead = " ".join(_plain_word(r) if _c(r, 0.7) else _word(r) for _ in range(_n(r, 1, 4)))
    text = f'{lead} \\"{inner}\\"'
    if _c(r, 0.5):
        text += " " + " ".join(_plain_word(r) for _ in range(_n(r, 1, 3)))
    return text


def quoted(r, b: Line, empty: float = 0.05) -> Line:
    """Append a quoted string: quotes are delimiters, content one field.  Empty quotes standing
    as a value are one empty field (rule 8: ``""``, ``''``); escaped quotes inside stay in the
    field, also at its end (decision 61: ``"loading plugin \\"io.containerd\\""``)."""
    q = _p(r, ('"', '"', '"', "'", "'", "`"))
    if _c(r, empty):
        # only `""` and `''` keep an empty place (logsplit.fieldspans): never a backtick pair
        return b.quoted("", '"' if q == "`" else q)
    text = _quoted_text(r)
    if q == "'" and "'" in text:
        q = '"'
    if _c(r, 0.08):
        # escaped quotes outside any quoted string quote like `"` (decision 63):
        # `Component \042alt0\042 is`, `name=\"web\"`
        q = _p(r, ('\\"', '\\042', '\\x22', "&quot;", '\\"', '\\042'))
    elif q == '"' and _c(r, 0.12):
        text = _escaped_inner(r)
    return b.d(q).f(text).d(q)


# ============================================================================ phrases
def _ph_words(r, b, first):
    n = _n(r, 1, 5)
    for i in range(n):
        if i:
            b.sp()
        w = _word(r)
        if first and i == 0 and w[0].islower() and _c(r, 0.8):
            w = w[0].upper() + w[1:]
        b.f(w)
    return n


def _ph_lead_value(r, b, first):
    lead = _p(r, _LEADS)
    if lead == "=":
        # a standalone `=` between blanks is a separator (`x = 5`)
        b.f(_plain_word(r))
        k = len(b.parts) - 1
        b.d(" = ")
        value(r, b)
        b.paired(k)                                 # `word = value` is a pair (rule 1)
        return 2
    if first:
        lead = lead.capitalize()
    b.f(lead).sp()
    value(r, b)
    return 2


def _ph_value(r, b, first):
    value(r, b)
    return 1


_KV_FNS, _KV_CUM = _cumulative(tuple((f, w) for f, w in _VALUES if f is not _v_stack_addrs))


def _q_errno(r, b):
    b.d('"').f(_p(r, _ERRNO_TEXT)).d('"')


def _v_status(r, b):
    b.f(_p(r, ("200", "200", "201", "204", "301", "304", "400", "401", "403", "404", "409",
               "429", "500", "502", "503", "504")))


def _v_method(r, b):
    b.f(_p(r, V.HTTP_METHODS))


def _v_level(r, b):
    b.f(V.level(r, _p(r, (None, "lower"))))


def _v_ts_iso(r, b):
    b.f(_ts(r, _p(r, ("iso_t", "iso_t", "epoch", "epoch_frac"))))


# typed pairs: a key with the kind of value it carries in real logs
_TYPED_KV = (
    (("status", "code", "http_status", "statusCode", "rc"), _v_status),
    (("latency", "took", "duration", "elapsed", "ttl", "gc_pause", "timeout"), _v_duration),
    (("bytes", "len", "count", "rows", "pid", "uid", "seq", "retries", "attempt"), _v_number),
    (("ip", "client_ip", "src", "dst", "remote", "rhost", "peer"), _v_ip4),
    (("addr", "listen", "backend", "upstream", "endpoint"), _v_ip4_port),
    (("user", "ruser", "logname", "owner", "account"), _v_user),
    (("path", "file", "dir", "config", "cwd", "exe"), _v_upath),
    (("url", "uri", "referer", "href"), _v_url),
    (("id", "request_id", "requestId", "traceId", "session", "uuid"), _v_uuid),
    (("level", "lvl", "severity"), _v_level),
    (("host", "hostname", "node", "server"), _v_host),
    (("email", "from", "to", "mail"), _v_email),
    (("version", "ver", "build"), _v_version),
    (("size", "mem", "heap", "rss", "written"), _v_size),
    (("cpu", "usage", "used", "util", "progress"), _v_percent),
    (("err", "error", "reason", "cause"), _q_errno),
    (("method", "verb"), _v_method),
    (("ts", "time", "timestamp", "at", "since"), _v_ts_iso),
    (("job", "task", "container", "block", "app"), _v_ident),
    (("state", "status", "phase"), _v_state),
    (("offset", "delta", "diff", "balance"), _v_signed),
    (("ratio", "load", "score", "weight"), _v_decimal),
    (("lifetime", "uptime", "elapsed", "runtime", "cpu_time", "wait"), _v_clock),
    (("mac", "hwaddr"), _v_mac),
    (("arn", "resource", "role_arn", "principal", "urn", "topic_arn"), _v_arn),
    (("ptr", "addr", "mask", "flags"), _v_hex),
)


def _record_pair(b: Line, key_part: int, start: int) -> None:
    """Record the field at ``b.parts[key_part]`` and the first field appended at or after part
    ``start`` as a key/value pair (what :meth:`Line.kv` records, for values that a value
    generator writes, such as ``host:port`` or a quoted string)."""
    for i in range(start, len(b.parts)):
        if b.parts[i][1]:
            b._pairs.append((key_part, i))
            return


def typed_pair(r, b: Line, sep: str = "=") -> Line:
    """Append ``key<sep>value`` where the value has the type the key suggests
    (``latency=12ms``, ``client_ip=10.0.0.1``, ``err="connection refused"``), recorded as a
    pair."""
    keys, fn = _p(r, _TYPED_KV)
    b.f(_p(r, keys))
    k = len(b.parts) - 1
    b.d(sep)
    fn(r, b)
    _record_pair(b, k, k + 2)
    return b


def _kv_one(r, b, sep, empty=0.08):
    """One ``key<sep>value``, recorded as a pair; with ``sep`` ``=`` the value may be empty:
    an empty field right after the ``=`` (rule 8: ``ruser= rhost=``).  The caller follows it
    with a blank or a list separator, where :mod:`logsplit.fieldspans` derives it."""
    if _c(r, 0.5):
        typed_pair(r, b, sep)
        return
    b.f(_p(r, _KEYS_ALL) if _c(r, 0.85) else _id(r, 2, 8))
    k = len(b.parts) - 1
    b.d(sep)
    x = r.random()
    if x < empty:
        if sep == "=":
            b.empty()
            b._pairs.append((k, len(b.parts) - 1))
        else:
            scalar(r, b)             # `key = ` / `key: ` keep no empty place: give a value
            _record_pair(b, k, k + 2)
        return
    _record_pair_at = len(b.parts)
    if x < 0.22:
        quoted(r, b, 0.1)
    elif x < 0.7:
        scalar(r, b)
        if _c(r, 0.03):
            b.d('"')                 # a stray, unmatched quote is a delimiter (`name=x", ws=`)
    else:
        _weighted(r, _KV_FNS, _KV_CUM)(r, b)
    _record_pair(b, k, _record_pair_at)


def _ph_kv(r, b, first):
    n = _n(r, 1, 4)
    x = r.random()
    if x < 0.55:
        sep, between = "=", _p(r, (" ", " ", " ", ", ", ",", "; ", " | "))
    elif x < 0.85:
        sep, between = ": ", _p(r, (", ", ", ", "; ", " ", " | "))
    elif x < 0.92:
        sep, between = ":", _p(r, (" ", ", ", ","))    # `pid:1234` colon-separated pair
    else:
        # never `key= value`: a glued `=` before a blank keeps an empty value's place
        # (logsplit.fieldspans), so `key= value` would read as key, empty, value
        sep, between = _p(r, (" = ", " =", " = ")), _p(r, (", ", " "))
    for i in range(n):
        if i:
            b.d(between)
        if sep == ":":
            # `pid:1234`: the colon between the parts is a delimiter
            key = _p(r, _KEYS) if _c(r, 0.8) else _p(r, "ilnxybkv")   # `i:0`, `l:64`
            b.kv(key, _n(r, 0, 99999) if _c(r, 0.6) else _plain_word(r), ":")
        elif sep == ": ":
            # no empty values here: `key: ` then the next pair would read as `key: next`
            _kv_one(r, b, sep, empty=0.0)
        else:
            _kv_one(r, b, sep)
    return 2 * n


def _list_item(r, b, kind):
    if kind == 0:
        b.f(_plain_word(r) if _c(r, 0.6) else _p(r, V.NAMES))
    elif kind == 1:
        b.f(_p(r, _SIGNALS) if _c(r, 0.5) else _p(r, _UPPER))
    elif kind == 2:
        b.f(_num(r))
    elif kind == 3:
        scalar(r, b)
    elif kind == 4:
        _v_ip4_port(r, b) if _c(r, 0.5) else _v_ip4(r, b)
    else:
        b.f(_p(r, _STATES))


def _ph_list(r, b, first):
    n = _n(r, 2, 6)
    kind = _n(r, 0, 5)
    x = r.random()
    if x < 0.3:
        open_, sep, close = "", ",", ""                 # `yarn,curi`
    elif x < 0.55:
        open_, sep, close = "[", ", ", "]"              # `[TERM, HUP, INT]`
    elif x < 0.65:
        open_, sep, close = _p(r, ("(", "{", "[")), ",", ""
        close = {"(": ")", "{": "}", "[": "]"}[open_]
    elif x < 0.75:
        open_, sep, close = "", _p(r, ("; ", ";", " | ", "|", " / ")), ""
    elif x < 0.85:
        open_, sep, close = "(", ", ", ")"
    else:
        open_, sep, close = "", ", ", ""                # in-sentence enumeration
    if open_ and _c(r, 0.1):
        b.d(open_ + close)                              # empty list
        return 1
    b.d(open_)
    for i in range(n):
        if i:
            b.d(sep)
        _list_item(r, b, kind)
    b.d(close)
    return n


def _ph_group(r, b, first):
    k = _n(r, 0, 11)
    if k == 0:                                          # (TID 69)
        b.d("(").f(_p(r, ("TID", "pid", "thread", "attempt", "try", "errno", "code", "rc",
                          "exit", "step", "stage", "id"))).sp().f(_n(r, 0, 9999)).d(")")
        return 2
    if k == 1:                                          # {id: 3, name: x}
        b.d("{")
        for i in range(_n(r, 1, 3)):
            if i:
                b.d(", ")
            b.f(_p(r, _KEYS))
            kp = len(b.parts) - 1
            b.d(_p(r, (": ", ":", "=")))
            scalar(r, b)
            _record_pair(b, kp, kp + 2)
        b.d("}")
        return 4
    if k == 2:                                          # <0x0>
        b.d("<").f(_hex0(r) if _c(r, 0.6) else str(_n(r, 0, 9))).d(">")
        return 1
    if k == 3:                                          # (attempt 3 of 5)
        b.d("(")
        if _c(r, 0.5):
            _ph_words(r, b, False)
        else:
            b.f(_plain_word(r)).sp().f(_n(r, 1, 9)).sp().f("of").sp().f(_n(r, 10, 99))
        b.d(")")
        return 3
    if k == 4:                                          # (key=value, key=value)
        o, c = _p(r, (("(", ")"), ("[", "]"), ("{", "}")))
        b.d(o)
        for i in range(_n(r, 1, 3)):
            if i:
                b.d(_p(r, (", ", ",", " ")))
            b.f(_p(r, _KEYS))
            kp = len(b.parts) - 1
            b.d("=")
            scalar(r, b)
            _record_pair(b, kp, kp + 2)
        b.d(c)
        return 4
    if k == 5:                                          # Class<0>(0x0)::method
        b.f(_p(r, _CAMEL)).d("<").f(_n(r, 0, 9)).d(">(").f(_hex0(r)).d(")::").f(_p(r, _LCAMEL))
        return 4
    if k == 6:                                          # [pool-1-thread-3]
        b.d("[").f(f"{_p(r, ('pool', 'worker', 'Thread', 'exec', 'main'))}-{_n(r, 1, 40)}").d("]")
        return 1
    if k == 7:                                          # (12ms) / (2.49 KB)
        b.d("(")
        _p(r, (_v_duration, _v_spaced_unit, _v_percent, _v_size))(r, b)
        b.d(")")
        return 1
    o, c = _p(r, (("(", ")"), ("[", "]"), ("<", ">"), ("{", "}"), ("[", "]")))
    b.d(o)
    value(r, b)
    b.d(c)
    return 1


def _ph_quoted(r, b, first):
    if _c(r, 0.35):
        b.f(_p(r, ("file", "user", "key", "table", "topic", "queue", "bucket", "name",
                   "database", "index", "host", "Key", "column", "option", "pattern"))).sp()
    quoted(r, b)
    return 2


def _ph_arrow(r, b, first):
    arrow = _p(r, (" -> ", " -> ", " => ", " --> ", " <- "))
    if arrow == " --> ":
        arrow = " -> "
    if _c(r, 0.4):
        b.f(_p(r, _STATES)).d(arrow).f(_p(r, _STATES))
    elif _c(r, 0.5):
        value(r, b)
        b.d(arrow)
        value(r, b)
    else:
        b.f(_word(r)).d(arrow).f(_word(r))
    return 2


def _ph_call(r, b, first):
    k = _n(r, 0, 4)
    if k == 0:
        b.f(_p(r, _LCAMEL)).d("()")
    elif k == 1:
        b.f(f"{_p(r, _CAMEL)}::{_p(r, _LCAMEL)}").d("()")
    elif k == 2:
        b.f(f"{_p(r, _SNAKE)}").d("(")
        for i in range(_n(r, 1, 3)):
            if i:
                b.d(", ")
            scalar(r, b)
        b.d(")")
    elif k == 3:
        b.f(f"{_id(r, 2, 6)}.{_p(r, _LCAMEL)}").d("(")
        if _c(r, 0.5):
            _v_hex(r, b)
        b.d(")")
    else:
        b.f(V.java_class(r) + "." + _p(r, _LCAMEL)).d("()")
    return 2


def _ph_ansi(r, b, first):
    b.d(_p(r, _ANSI))
    if _c(r, 0.5):
        b.f(_p(r, V.LEVELS))
    elif _c(r, 0.5):
        b.f(_word(r))
    else:
        value(r, b)
    b.d(_p(r, _ANSI_RESET))
    return 1


def _ph_exception(r, b, first):
    b.f(_p(r, _EXCEPTIONS))
    if _c(r, 0.75):
        b.d(": ")
        if _c(r, 0.5):
            b.f(_p(r, _ERRNO_TEXT).split(" ")[0]) if _c(r, 0.2) else _ph_words(r, b, True)
        else:
            # Caused by: ... / message with a value
            _ph_words(r, b, True)
            b.sp()
            value(r, b)
    return 4


def _ph_errchain(r, b, first):
    # Go-style error chain: `dial tcp 10.0.0.1:5432: connect: connection refused`
    op = _p(r, _GO_OPS)
    b.f(op.split(" ")[0])
    if " " in op:
        b.sp().f(op.split(" ")[1])
    b.sp()
    if op.startswith(("dial", "read", "write", "listen", "accept", "connect")):
        _v_ip4_port(r, b) if _c(r, 0.6) else _v_host_port(r, b)
        if _c(r, 0.3):
            b.d(": ")
            b.f(_p(r, ("connect", "read", "write", "i/o")))
    else:
        b.f(_upath(r) if op != "lookup" else _fqdn(r))
    b.d(": ")
    words = _p(r, _ERRNO_TEXT).split(" ")
    for i, w in enumerate(words):
        if i:
            b.sp()
        b.f(w)
    return 5


def _ph_count(r, b, first):
    k = _n(r, 0, 3)
    if k == 0:
        b.f(_n(r, 0, 99)).sp().f("of").sp().f(_n(r, 100, 999)).sp().f(_plain_word(r))
    elif k == 1:
        b.f(_p(r, ("processed", "wrote", "read", "sent", "received", "flushed", "copied")))
        b.sp()
        _v_spaced_unit(r, b) if _c(r, 0.5) else _v_size(r, b)
        b.sp().f("in").sp()
        _v_duration(r, b)
    elif k == 2:
        b.f(_n(r, 1, 99999)).sp().f(_p(r, ("records", "rows", "bytes", "files", "events",
                                           "requests", "errors", "connections", "entries")))
    else:
        b.f(_p(r, ("took", "elapsed", "latency", "avg", "p99", "cpu", "mem", "load", "lifetime",
                   "uptime")))
        b.sp()
        _p(r, (_v_duration, _v_percent, _v_decimal, _v_spaced_unit, _v_clock))(r, b)
    return 4


_WHEN = ("at", "at", "since", "until", "on", "after", "before", "expires", "from", "by",
         "Last login:", "started", "scheduled for", "valid until", "modified")


def _ph_when(r, b, first):
    """`at 2024-10-06 09:56:45 +0200`, `since Fri Apr 15 00:57:17.340 (pid 12)`: the words
    before a timestamp and the values after it are not part of it."""
    lead = _p(r, _WHEN)
    if first:
        lead = lead[0].upper() + lead[1:]
    b.words(lead).sp() if lead[-1] != ":" else b.words(lead[:-1]).d(": ")
    b.f(_ts(r, _p(r, _TS_IN_TEXT)))
    k = _n(r, 0, 4)
    if k == 0:
        b.sp().f(_num(r))
    elif k == 1:
        b.sp().d("(").f(_p(r, ("pid", "uid", "took", "id"))).sp().f(_num(r)).d(")")
    elif k == 2:
        b.sp().f(_p(r, ("from", "by", "on", "to"))).sp()
        _p(r, (_v_ip4, _v_host, _v_user))(r, b)
    return 3


def _ph_numbers(r, b, first):
    """A run of blank-separated numbers and counters (`12 0 3`, `0/0 1/2 7`): each a field."""
    n = _n(r, 2, 5)
    for i in range(n):
        if i:
            b.d(_p(r, (" ", " ", " ", "  ")))
        x = r.random()
        b.f(_num(r) if x < 0.45 else _ratio(r) if x < 0.8 else _decimal(r) if x < 0.9
            else _signed(r))
    return n


def _ph_colon_tuple(r, b, first):
    """Colon-separated parts of one compound (product rule 5): `69465:M`, `M:3`,
    `default:web-7:nginx`; numbers and words alternate (two numbers would read as a clock)."""
    n = _n(r, 2, 3)
    num = _c(r, 0.5)
    for i in range(n):
        if i:
            b.d(":")
        if num:
            b.f(_num(r))
        else:
            k = _n(r, 0, 3)
            b.f(_p(r, "MSCXRW") if k == 0 else _p(r, _STATES) if k == 1 else
                _p(r, _MODULES) if k == 2 else _host(r))
        num = not num
    return n


_GLUE_SIZES = ("K", "M", "G", "KB", "MB", "")


def _ph_glued_arrow(r, b, first):
    """`->` / `=>` glued between values is a delimiter (product rule 5): `512M->128M(1024M)`
    (a GC's before->after(total)), `RUNNING->STOPPED`, `a=>b`, `0x7f3a->0x7f3b`."""
    arrow = _p(r, ("->", "->", "->", "=>"))
    k = _n(r, 0, 4)
    if k <= 1:
        u = _p(r, _GLUE_SIZES)
        hi = _n(r, 64, 99999)
        b.f(f"{hi}{u}").d(arrow).f(f"{_n(r, 0, hi)}{u}")
        if _c(r, 0.6):
            b.d("(").f(f"{_n(r, hi, hi * 4)}{u}").d(")")
        if _c(r, 0.3):
            b.d(", ").f(_decimal(r)).sp().f("secs")
        return 3
    if k == 2:
        b.f(_p(r, _STATES)).d(arrow).f(_p(r, _STATES))
        if _c(r, 0.3):
            b.d(arrow).f(_p(r, _STATES))
        return 2
    if k == 3:
        b.f(_hex0(r)).d(arrow).f(_hex0(r))
        return 2
    b.f(_plain_word(r) if _c(r, 0.5) else _p(r, _SNAKE)).d(arrow).f(
        _plain_word(r) if _c(r, 0.5) else _num(r))
    return 2


def _ph_empty_items(r, b, first):
    """Lists and key lists with absent values (rule 8): `opts=a,,c`, `a, ,c`, `x||y`,
    `user= host=db1`, `tags=,web`: every absent item is an empty field where the separators
    keep its place.  A trailing separator keeps none (`a,b,` has two items)."""
    k = _n(r, 0, 3)
    if k <= 1:
        key = _p(r, ("opts", "options", "flags", "args", "tags", "roles", "groups", "cols",
                     "fields", "path", "hosts", "list", "values"))
        b.f(key)
        kp = len(b.parts) - 1
        b.d("=")
        sep = _p(r, (",", ",", ",", ";", "|", ":"))
        if sep == ":":
            sep = ","
        n = _n(r, 2, 6)
        items = [_c(r, 0.3) for _ in range(n)]
        items[-1] = False                        # the last item is present
        if not any(items):
            items[_n(r, 0, n - 2)] = True
        for i, absent in enumerate(items):
            if i:
                b.d(sep)
            if absent:
                b.empty()
            else:
                _list_item(r, b, _n(r, 0, 5) if _c(r, 0.5) else 0)
        b._pairs.append((kp, kp + 2))
        return 2 + n
    if k == 2:                                   # bare list `a,,c` / `a, ,c` / `x||y`
        sep = _p(r, (",", ", ", ";", "|", "||"))
        n = _n(r, 3, 6)
        for i in range(n):
            if i:
                if sep == "||":
                    b.d("|").empty().d("|")
                elif i < n - 1 and _c(r, 0.35):
                    b.d(sep).empty().d(sep)      # `a,,c`, `a, , c`, `a;;c`
                else:
                    b.d(sep)
            b.f(_plain_word(r) if _c(r, 0.5) else _num(r))
        return n
    # `user= host=x`: keys with and without values
    n = _n(r, 2, 4)
    between = _p(r, (" ", " ", ", ", ","))
    empty_at = _n(r, 0, n - 1)
    for i in range(n):
        if i:
            b.d(between)
        if i == empty_at or _c(r, 0.2):
            b.kv(_p(r, _KEYS_ALL), "")
        else:
            keys, fn = _p(r, _TYPED_KV)
            if fn is _q_errno:
                fn = _v_number
            b.f(_p(r, keys))
            kp = len(b.parts) - 1
            b.d("=")
            fn(r, b)
            _record_pair(b, kp, kp + 2)
    return 2 * n


_CONTROLS = ("\x07", "\x00", "\x08", "\x7f", "\x1b[K", "\x1b[2K", "\x1b(B", "\x1b[?25l",
             "\x1b]0;build\x07", "\x9b0m", "\x1b[1A", "\x0b", "\x0c")


def _ph_control(r, b, first):
    """Control characters and escape sequences are delimiters, always (rule 6): a BEL, a NUL,
    an erase-line `ESC[K`, a title `ESC]0;…BEL` between or glued to values."""
    b.f(_word(r))
    b.d(_p(r, _CONTROLS) + (" " if _c(r, 0.5) else ""))
    if _c(r, 0.5):
        value(r, b)
    else:
        b.f(_word(r))
    return 2


def _ph_ellipsis(r, b, first):
    # a standalone `...` is a delimiter: `retrying shortly ...`
    b.f(_plain_word(r) if not first else _plain_word(r).capitalize()).d(" ...")
    return 1


_PHRASES = (
    (_ph_words, 30), (_ph_lead_value, 18), (_ph_value, 12), (_ph_kv, 10), (_ph_list, 5),
    (_ph_group, 8), (_ph_quoted, 5), (_ph_arrow, 3), (_ph_call, 3), (_ph_ansi, 2),
    (_ph_exception, 2), (_ph_errchain, 2), (_ph_count, 4), (_ph_ellipsis, 1),
    (_ph_when, 3), (_ph_numbers, 2), (_ph_colon_tuple, 2),
    (_ph_glued_arrow, 3), (_ph_empty_items, 3), (_ph_control, 1),
)
_PH_FNS, _PH_CUM = _cumulative(_PHRASES)
_WORDY = (_ph_words, _ph_lead_value, _ph_value, _ph_count, _ph_quoted, _ph_group, _ph_call,
          _ph_kv, _ph_errchain, _ph_when, _ph_numbers, _ph_colon_tuple)

# separators between phrases; punctuation at a phrase's end is a delimiter too
_JOINS = (" ",) * 14 + (" - ", ", ", "; ", ": ", "  ", " | ", "\t", " -- ")
_PUNCT = (".", ".", ",", ",", ",", "!", "?", "...", ":", ";")
_END = (".", ".", ".", "!", "...", "?", ":")


# ============================================================================ templates
# Realistic sentence shapes (constant words composed here, values from the generators).
def _t_sshd(r, b):
    k = _n(r, 0, 3)
    if k == 0:
        b.words(_p(r, ("Failed password for", "Accepted password for", "Accepted publickey for",
                       "Failed password for invalid user", "Invalid user")))
        b.sp().f(_p(r, V.NAMES)).sp().f("from").sp().f(_ip4(r)).sp().f("port").sp() \
            .f(_n(r, 1024, 65535))
        if _c(r, 0.7):
            b.sp().f("ssh2")
    elif k == 1:
        b.words("Received disconnect from").sp().f(_ip4(r)).d(": ").f(_n(r, 1, 14)).d(": ")
        b.words(_p(r, ("Bye Bye", "disconnected by user", "Normal Shutdown, Thank you for playing")))
        b.sp().d("[").f("preauth").d("]")
    elif k == 2:
        b.f("pam_unix").d("(").f("sshd").d(":").f("auth").d("): ")
        b.words("authentication failure;").sp()
        b.kv("logname", "").sp().kv("uid", _n(r, 0, 1000)).sp().kv("euid", _n(r, 0, 1000))
        b.sp().kv("tty", "ssh").sp().kv("ruser", "").sp().kv("rhost", _ip4(r))
        if _c(r, 0.5):
            b.d("  ").kv("user", _p(r, V.NAMES))
    else:
        b.words("reverse mapping checking getaddrinfo for").sp().f(_fqdn(r)).sp()
        b.d("[").f(_ip4(r)).d("] ")
        b.words("failed - POSSIBLE BREAK-IN ATTEMPT!")


def _t_hdfs(r, b):
    k = _n(r, 0, 3)
    if k == 0:
        b.words("Receiving block").sp().f(_blk(r)).sp().f("src").d(": /").f(_ip4(r)).d(":") \
            .f(_port(r)).sp().f("dest").d(": /").f(_ip4(r)).d(":").f(_port(r))
    elif k == 1:
        b.words("PacketResponder").sp().f(_n(r, 0, 3)).sp().words("for block").sp().f(_blk(r)) \
            .sp().f("terminating")
    elif k == 2:
        b.f("BLOCK*").sp().words("NameSystem.addStoredBlock: blockMap updated:").sp() \
            .f(_ip4(r)).d(":").f(_port(r)).sp().words("is added to").sp().f(_blk(r)).sp() \
            .f("size").sp().f(_n(r, 1, 67108864))
    else:
        b.words("Verification succeeded for").sp().f(_blk(r))


def _t_http(r, b):
    k = _n(r, 0, 2)
    if k == 0:
        b.f(_p(r, ("Started", "Completed", "Processing"))).sp().f(_p(r, V.HTTP_METHODS)).sp()
        b.quoted(_urlpath(r)) if _c(r, 0.5) else b.f(_urlpath(r))
        b.sp().f("for").sp().f(_ip4(r))
    elif k == 1:
        b.f(_p(r, V.HTTP_METHODS)).sp().f(_urlpath(r)).sp()
        if _c(r, 0.5):
            b.f("HTTP/1.1").sp()
        b.f(_p(r, ("200", "201", "204", "301", "302", "400", "401", "403", "404", "500", "502",
                   "503"))).sp()
        _v_duration(r, b)
        if _c(r, 0.5):
            b.sp()
            _v_size(r, b)
    else:
        b.words(_p(r, ("Request to", "Proxying request to", "Fetching", "Calling")))
        b.sp().f(_url(r)).sp().f("returned").sp().f(_n(r, 200, 599))


def _t_spark(r, b):
    k = _n(r, 0, 3)
    if k == 0:
        b.words("Changing view acls to:")
        kp = len(b.parts) - 2                       # `to`, then the `:` delimiter
        b.sp()
        b.fields([_p(r, V.NAMES) for _ in range(_n(r, 1, 3))], ",")
        b.paired(kp)                                # `to: a,b` pairs `to` with `a`
    elif k == 1:
        b.words("Finished task").sp().f(f"{_n(r, 0, 200)}.0").sp().words("in stage").sp() \
            .f(f"{_n(r, 0, 30)}.0").sp().d("(").f("TID").sp().f(_n(r, 0, 9999)).d(")").sp() \
            .f("in").sp().f(f"{_n(r, 1, 9999)}").sp().f("ms").sp().f("on").sp().f(_host(r)) \
            .sp().d("(").f("executor").sp().f(_n(r, 1, 20)).d(")").sp().d("(") \
            .f(f"{_n(r, 1, 9)}/{_n(r, 10, 99)}").d(")")     # `1/2`: one field (rule 7)
    elif k == 2:
        b.words("Registered signal handlers for").sp().d("[")
        b.fields([_p(r, _SIGNALS) for _ in range(_n(r, 2, 4))], ", ")
        b.d("]")
    else:
        b.words("Block").sp().f(f"rdd_{_n(r, 0, 99)}_{_n(r, 0, 99)}").sp() \
            .words("stored as bytes in memory").sp().d("(").words("estimated size").sp() \
            .f(_decimal(r)).sp().f(_p(r, ("B", "KB", "MB"))).d(", ").words("free").sp() \
            .f(_decimal(r)).sp().f(_p(r, ("KB", "MB", "GB"))).d(")")


def _t_sentence(r, b):
    """Subject verb object with a value, e.g. `Connection to db1:5432 was closed by peer.`"""
    b.f(_p(r, ("Connection", "Session", "Worker", "Client", "Request", "Job", "Task", "Node",
               "Replica", "Lease", "Container", "Pod", "Disk", "Volume", "Backup", "Upload",
               "Certificate", "User", "Process", "Service")))
    if _c(r, 0.6):
        b.sp()
        value(r, b)
    b.sp().words(_p(r, ("was", "is", "has been", "could not be", "will be", "cannot be")))
    b.sp().f(_p(r, ("closed", "opened", "reset", "refused", "accepted", "rejected", "restarted",
                    "evicted", "created", "deleted", "renewed", "expired", "completed",
                    "scheduled", "found", "killed", "mounted", "resized")))
    if _c(r, 0.6):
        b.sp().f(_p(r, _LEADS[:14])).sp()
        value(r, b)


_TEMPLATES = (_t_sshd, _t_hdfs, _t_http, _t_spark, _t_sentence, _t_sentence)


# ============================================================================ message
# joins after an empty value (`key=`): a blank or a list separator must follow it, or the `=`
# keeps no empty place (logsplit.fieldspans)
_JOINS_AFTER_EMPTY = (" ",) * 6 + (", ", "; ", " | ", "\t", " - ", " -- ")


def _ends_empty(b: Line) -> bool:
    return bool(b.parts) and b.parts[-1] == ("", True)


def _close(r, b: Line, end: bool) -> Line:
    """A message that may be followed by more text never ends in an empty value: what follows
    (a quote, a bracket) would take its place away; fill it with a value instead."""
    if not end and _ends_empty(b):
        b.parts[-1] = (_num(r) if _c(r, 0.5) else _plain_word(r), True)
    return b


def message(r, b: Line | None = None, end: bool = False) -> Line:
    """Append a free-text message: words mixed with typed values, pairs, lists, groups,
    quotes, arrows and punctuation, between 2 and ~30 fields long.  ``end``: the message ends
    the line, so it may end in an empty value (``... rhost=``)."""
    b = b if b is not None else Line()
    if _c(r, 0.15):
        _p(r, _TEMPLATES)(r, b)
        if _c(r, 0.3):
            b.d(_p(r, _END))
        elif _c(r, 0.3):
            b.d(_p(r, (" - ", ", ", ": ", " ")))
            _ph_words(r, b, False) if _c(r, 0.5) else _ph_kv(r, b, False)
        return _close(r, b, end)
    budget = 2 + int(28 * r.random() ** 2.5)
    used = 0
    first = True
    while True:
        fn = _weighted(r, _PH_FNS, _PH_CUM)
        if first and fn is _ph_kv and _c(r, 0.7):
            fn = _ph_words
        used += fn(r, b, first)
        first = False
        if used >= budget:
            break
        # between phrases: sentence punctuation at the word's end, then a separator
        if _ends_empty(b):
            b.d(_p(r, _JOINS_AFTER_EMPTY))
        elif b.parts[-1][0][-1:] in ",;|" and not b.parts[-1][1]:
            b.sp()                       # `&quot;; x` would read `;;` as an empty item
        elif fn in _WORDY and _c(r, 0.18):
            p = _p(r, _PUNCT)
            b.d(p + " ")
            if p in ".!?" and _c(r, 0.7):
                b.f(_word(r).capitalize()).sp()
                used += 1
        else:
            b.d(_p(r, _JOINS))
    if _c(r, 0.25) and not _ends_empty(b):
        b.d(_p(r, _END))
    return _close(r, b, end)


# ============================================================================ header
_THREADS = ("main", "pool-1-thread-3", "http-nio-8080-exec-1", "Thread-12", "worker-7",
            "ForkJoinPool.commonPool-worker-1", "kafka-producer-network-thread", "scheduler-2",
            "RMCommunicator Allocator", "IPC Server handler 3 on 8020", "DataXceiver",
            "grpc-default-executor-0", "qtp1234567-42", "Timer-0", "async-worker", "reactor-1",
            "AsyncDispatcher event handler", "SyncThread:0", "localhost-startStop-1")
_PROCS = ("sshd", "kernel", "systemd", "CRON", "nginx", "dockerd", "kubelet", "postfix/smtpd",
          "su", "sudo", "named", "ntpd", "dhclient", "containerd", "app", "java", "python3",
          "gunicorn", "node", "rsyslogd", "NetworkManager", "smartd", "auditd")
_MODULES = ("server", "db", "auth", "http", "api", "cache", "scheduler", "worker", "storage",
            "net", "core", "main", "config", "metrics", "router", "queue", "sync", "raft")


def _logger_name(r) -> str:
    k = _n(r, 0, 5)
    if k <= 1:
        return V.java_class(r)
    if k == 2:
        return V.short_class(r)
    if k == 3:
        return f"{_p(r, ('com', 'org', 'io', 'net'))}.{_id(r, 3, 8)}.{_p(r, _CAMEL)}"
    if k == 4:
        return ".".join(_p(r, _MODULES) for _ in range(_n(r, 1, 3)))
    return f"{_p(r, _MODULES)}_{_p(r, _MODULES)}"


def _h_level(r, b, last):
    lv = _p(r, V.LEVELS)
    k = _n(r, 0, 10)
    if k <= 2:
        b.f(lv)
    elif k == 3:
        b.f(lv.lower() if _c(r, 0.7) else lv.capitalize())
    elif k == 4:
        b.d("[").f(lv).d("]")
    elif k == 5:
        b.d("[").f(lv.lower()).d("]")
    elif k == 6:
        b.d("<").f(lv).d(">")
    elif k == 7:
        b.f(lv).d(" " * max(0, 5 - len(lv)))         # padded `INFO ` (%-5p)
    elif k == 8:
        b.d("[").f(lv).d(" " * max(0, 5 - len(lv)) + "]")  # `[INFO ]`
    elif k == 9:
        b.f(lv[0])                                 # glog / logcat letter
    else:
        b.d(_p(r, _ANSI)).f(lv).d(_p(r, _ANSI_RESET))


def _h_host(r, b, last):
    b.f(_host(r) if _c(r, 0.6) else (_fqdn(r) if _c(r, 0.5) else _ip4(r)))


def _h_process(r, b, last):
    k = _n(r, 0, 4)
    if k <= 1:
        b.f(_p(r, _PROCS)).d("[").f(_n(r, 1, 65535)).d("]")
    elif k == 2:
        b.f(_p(r, _PROCS)).d("(").f(_n(r, 1, 65535)).d(")")
    elif k == 3:
        b.f(_n(r, 1, 65535))                       # bare pid (HDFS `148`)
    else:
        o, c = _p(r, _PAIRS)
        b.d(o).f(_n(r, 1, 65535)).d(c)


def _h_thread(r, b, last):
    t = _p(r, _THREADS)
    o, c = _p(r, (("[", "]"), ("[", "]"), ("[", "]"), ("(", ")"), ("{", "}")))
    b.d(o)
    # docs #26: a thread name without blanks is one field (`pool-1-thread-3`); with blanks it
    # splits at the blanks like text (`AsyncDispatcher event handler`), and a colon separates
    # its parts (`SyncThread:0`, product rule 5, decision 29)
    for i, w in enumerate(t.split(" ")):
        if i:
            b.sp()
        b.fields(w.split(":"), ":")
    b.d(c)


def _h_logger(r, b, last):
    name = _logger_name(r)
    k = _n(r, 0, 5)
    if k == 0:
        b.d("[").f(name).d("]")
    elif k == 1:
        b.f(name).d(":").f(_n(r, 1, 999))            # `%C:%L`
    elif k == 2:
        b.f(_id(r, 3, 10) + "." + _p(r, ("go", "py", "java", "cc", "rs"))).d(":").f(_n(r, 1, 999))
    elif k == 3:
        b.d("(").f(name).d(")")
    else:
        b.f(name)


def _h_ids(r, b, last):
    """Bare ids after a timestamp: `28601 28601`, ` 1702  8671` (padded), `#64919`, `148`."""
    k = _n(r, 0, 3)
    if k == 0:
        b.f("#" + str(_n(r, 1, 99999)))
        return
    for i in range(_n(r, 1, 2)):
        v = str(_n(r, 1, 99999))
        if i:
            b.sp()
        if k == 1:
            b.d(" " * (5 - len(v)))                 # right-aligned like logcat threadtime
        b.f(v)


_PAIRS = (("[", "]"), ("(", ")"), ("{", "}"), ("<", ">"))
_H_ELEMS = (_h_level, _h_host, _h_process, _h_thread, _h_logger, _h_ids)
_H_PROB = (0.75, 0.3, 0.3, 0.3, 0.45, 0.2)
_H_SEPS = (" ", " ", " ", " ", " - ", " | ", "\t", "  ", " ")


def header(r, b: Line | None = None) -> Line:
    """Append a random plausible log header and the separator before the message.

    A timestamp (any style of ``values.TIMESTAMP_STYLES``, sometimes bracketed) is usually
    first; level, host, process ``name[pid]``, thread ``[name]`` and logger ``com.x.Y`` follow
    in random order with a random separator (space, `` - ``, `` | ``, tab); the header ends with
    a delimiter (``": "``, `` - ``, a blank...), so the message can be appended directly.
    """
    b = b if b is not None else Line()
    elems = [e for e, p in zip(_H_ELEMS, _H_PROB) if r.random() < p]
    r.shuffle(elems)
    has_ts = _c(r, 0.92)
    if has_ts:
        pos = 0 if _c(r, 0.8) else _n(r, 0, len(elems))
        elems.insert(pos, None)
    if not elems:
        elems = [_h_level]
    sep = _p(r, _H_SEPS)
    mixed = _c(r, 0.15)
    for i, e in enumerate(elems):
        last = i == len(elems) - 1
        this_sep = (_p(r, _H_SEPS) if mixed else sep) if i else ""
        if i and b.parts[-1][0][-1] in "])>}" and not b.parts[-1][1] and _c(r, 0.25):
            this_sep = None                       # `[INFO][main]`: brackets may touch
        else:
            b.d(this_sep)
        start = len(b.parts)
        if e is None:
            ts = _ts(r)
            k = _n(r, 0, 9)
            if k <= 1:
                b.d("[").f(ts)
                if _c(r, 0.25):                   # `[2014-12-27T20:05:14.606236 #64919]`
                    b.sp()
                    _h_ids(r, b, False)
                b.d("]")
            elif k == 2:
                o, c = _p(r, _PAIRS)
                b.d(o).f(ts).d(c)
            else:
                b.f(ts)
        else:
            e(r, b, last)
        if this_sep is None and b.parts[start][1]:
            b.parts.insert(start, (sep if sep.strip() else " ", False))  # a field never touches `]`
    # the separator before the message
    last_text, last_is_field = b.parts[-1]
    if not last_is_field and last_text.isspace():
        b.d(_p(r, ("", "", " ", "- ")))           # padded level `INFO ` already separates
    elif not last_is_field:
        b.d(_p(r, (" ", " ", ": ", " - ")))
    else:
        b.d(_p(r, (": ", ": ", " ", " - ", " | ", "\t", " -- ", ": ") if elems[-1] is not None
                   else (" ", " ", " - ", " | ", "\t", ": ")))
    return b
