"""Database servers: PostgreSQL, MySQL/MariaDB, Redis, MongoDB, Elasticsearch.

Every value is appended with ``.f()`` and every separator with ``.d()`` while the line is built;
constant message words go through ``.words()``.  Also holds two helpers other families reuse:
:func:`sql` (an SQL statement, labeled) and :func:`json_value` (a JSON value, labeled as in
docs/LABELING.md #8).
"""
from __future__ import annotations

from . import family
from . import messages as M
from . import values as V
from .builder import Line

pick, chance = V.pick, V.chance

_LEAD = frozenset("([{<\"'`")
_TRAIL = frozenset(")]}>\"'`.,;:!?")
_WORDS_CACHE: dict = {}


class L(Line):
    """A :class:`Line` whose ``words()`` also takes the punctuation the generator wrote around
    its constant words: brackets and quotes at a word's start, brackets, quotes and sentence
    punctuation at its end are delimiters, and a token without a letter or digit (``-``, ``...``,
    ``=``, ``<->``, ``|``) is a delimiter.  Only for constant text the generator composed."""

    __slots__ = ()

    def words(self, text: str) -> "L":
        cached = _WORDS_CACHE.get(text)
        if cached is None:
            cached = []
            for i, w in enumerate(text.split(" ")):
                if i:
                    cached.append((" ", False))
                if not w:
                    continue
                j, k = 0, len(w)
                while j < k and w[j] in _LEAD:
                    j += 1
                while k > j and w[k - 1] in _TRAIL:
                    k -= 1
                core = w[j:k]
                if not any(c.isalnum() for c in core):
                    cached.append((w, False))
                    continue
                if j:
                    cached.append((w[:j], False))
                cached.append((core, True))
                if k < len(w):
                    cached.append((w[k:], False))
            if len(_WORDS_CACHE) < 100_000:
                _WORDS_CACHE[text] = cached
        self.parts.extend(cached)
        return self


# ----------------------------------------------------------------------------- shared helpers
def json_value(b: Line, v, colon: str = ":", comma: str = ",") -> Line:
    r"""A JSON value: braces, brackets, quotes, ``:`` and ``,`` are delimiters; keys and scalars
    are fields; a quoted string is one field, its escaped quotes included, also at its end
    (decision 61: ``"msg":"unknown \"x\""``); an empty string ``""`` is one empty field
    (rule 8).  ``colon``/``comma`` give the exact separator text (``": "`` / ``", "``).

    >>> json_value(Line(), {"a": "", "b": 'say "hi"'}).build().fields
    ['a', '', 'b', 'say \\"hi\\"']
    """
    t = type(v)
    if t is dict:
        b.d("{")
        first = True
        for k, x in v.items():
            if not first:
                b.d(comma)
            first = False
            b.d('"').f(k).d('"' + colon)
            json_value(b, x, colon, comma)
        b.d("}")
    elif t is list:
        b.d("[")
        for i, x in enumerate(v):
            if i:
                b.d(comma)
            json_value(b, x, colon, comma)
        b.d("]")
    elif t is str:
        b.quoted(v.replace('"', '\\"'))
    elif v is None:
        b.f("null")
    elif t is bool:
        b.f("true" if v else "false")
    else:
        b.f(str(v))
    return b


TABLES = ["users", "orders", "sessions", "accounts", "payments", "events", "products",
          "invoices", "audit_log", "jobs", "line_items", "api_keys", "comments", "tags"]
COLUMNS = ["id", "name", "email", "status", "created_at", "updated_at", "user_id", "amount",
           "total", "state", "token", "expires_at", "title", "price", "quantity", "deleted_at",
           "account_id", "kind", "payload", "score"]
_STR_VALUES = ["active", "pending", "bob@example.com", "paid", "shipped", "admin", "draft",
               "new york", "alice smith", "en_US", "closed", "trial"]


def _sql_value(r, b: Line, q: str, params: bool, counter: list):
    k = r.randint(0, 9)
    if params and k < 4:
        counter[0] += 1
        b.f(f"${counter[0]}")
    elif k < 6:
        b.f(V.number(r, 1, 99999))
    elif k < 8:
        b.d(q).f(pick(r, _STR_VALUES) if chance(r, 0.7) else V.ident(r, 3, 10)).d(q)
    elif k == 8:
        b.f(pick(r, ["NOW", "CURRENT_TIMESTAMP", "lower", "coalesce"])).d("()")
    else:
        b.f(pick(r, ["NULL", "true", "false", "-1", V.decimal(r, 2)]))


def _col(r, b: Line, iq: str, table: str | None):
    """A column reference: ``id``, ``u.id`` or ``"users"."id"`` (quotes delimiters)."""
    c = pick(r, COLUMNS)
    if iq:
        if table:
            b.d(iq).f(table).d(iq + "." + iq).f(c).d(iq)
        else:
            b.d(iq).f(c).d(iq)
    elif table:
        b.f(table[0] + "." + c)
    else:
        b.f(c)


def _where(r, b: Line, iq: str, table, q: str, params: bool, counter: list):
    b.words(" WHERE ")
    for i in range(r.randint(1, 3)):
        if i:
            b.words(pick(r, [" AND ", " OR ", " AND "]))
        _col(r, b, iq, table)
        op = r.randint(0, 9)
        if op < 6:
            b.d(pick(r, [" = ", " = ", " > ", " < ", " >= ", " <> ", " != "]))
            _sql_value(r, b, q, params, counter)
        elif op < 8:
            b.words(" IN ").d("(")
            for j in range(r.randint(1, 4)):
                if j:
                    b.d(", ")
                _sql_value(r, b, q, params, counter)
            b.d(")")
        elif op == 8:
            b.words(pick(r, [" IS NULL", " IS NOT NULL"]))
        else:
            b.words(" LIKE ").d(q).f(V.ident(r, 2, 6) + "%").d(q)


def sql(r, b: Line, iq: str = "", q: str = "'", params: bool = False, semi: bool | None = None,
        table: str | None = None, kind: str | None = None) -> Line:
    """An SQL statement.  Keywords, identifiers and values are fields; ``,`` ``(`` ``)`` quotes,
    operators and ``*`` standing alone (also ``.*``, ``(*)``) are delimiters.  ``iq`` is the
    identifier quote (``"`` for PostgreSQL/Rails, `````` for MySQL, ``""`` none); ``kind`` one of
    select/insert/update/delete/other (default: random)."""
    t = table or pick(r, TABLES)
    qualified = chance(r, 0.3) or bool(iq)
    counter = [0]
    kind = {"select": 0, "insert": 5, "update": 7, "delete": 9, "other": 10}.get(kind, r.randint(0, 11)) \
        if kind else r.randint(0, 11)
    if kind < 5:
        b.words("SELECT ")
        c = r.randint(0, 5)
        if c == 0:
            if iq:
                b.d(iq).f(t).d(iq + ".*")
            else:
                b.d("*")
        elif c == 1:
            b.f(pick(r, ["count", "COUNT"])).d("(*)")
        else:
            for i in range(r.randint(1, 4)):
                if i:
                    b.d(", ")
                _col(r, b, iq, t if qualified else None)
        b.words(" FROM ")
        if iq:
            b.d(iq).f(t).d(iq)
        else:
            b.f(t)
            if qualified:
                b.sp().f(t[0])
        if chance(r, 0.8):
            _where(r, b, iq, t if qualified else None, q, params, counter)
        if chance(r, 0.3):
            b.words(" ORDER BY ")
            _col(r, b, iq, t if qualified else None)
            b.words(pick(r, ["", " DESC", " ASC"]))
        if chance(r, 0.4):
            b.words(" LIMIT ")
            if params:
                counter[0] += 1
                b.f(f"${counter[0]}")
            else:
                b.f(pick(r, ["1", "10", "20", "21", "50", "100", "1000"]))
    elif kind < 7:
        b.words("INSERT INTO ")
        b.d(iq).f(t).d(iq + " (")
        n = r.randint(1, 4)
        for i in range(n):
            if i:
                b.d(", ")
            _col(r, b, iq, None)
        b.words(") VALUES ").d("(")
        for i in range(n):
            if i:
                b.d(", ")
            _sql_value(r, b, q, params, counter)
        b.d(")")
        if chance(r, 0.3):
            b.words(" RETURNING ")
            _col(r, b, iq, None)
    elif kind < 9:
        b.words("UPDATE ").d(iq).f(t).d(iq).words(" SET ")
        for i in range(r.randint(1, 3)):
            if i:
                b.d(", ")
            _col(r, b, iq, None)
            b.d(" = ")
            _sql_value(r, b, q, params, counter)
        _where(r, b, iq, None, q, params, counter)
    elif kind == 9:
        b.words("DELETE FROM ").d(iq).f(t).d(iq)
        _where(r, b, iq, None, q, params, counter)
    else:
        stmt = pick(r, ["BEGIN", "COMMIT", "ROLLBACK", "SHOW TRANSACTION ISOLATION LEVEL",
                        "SELECT 1", "SET NAMES utf8mb4", "VACUUM ANALYZE " + t, "LIKE"])
        if stmt == "LIKE":
            b.words("SHOW VARIABLES LIKE ").d(q).f(pick(r, ["max_connections", "version",
                                                             "wait_timeout"])).d(q)
        else:
            b.words(stmt)
    if semi or (semi is None and chance(r, 0.3)):
        b.d(";")
    return b


def _t(r):
    return V.moment(r)


def _ms(t):
    return f"{t.microsecond // 1000:03d}"


# ----------------------------------------------------------------------------- PostgreSQL
_PG_USERS = ["app", "postgres", "readonly", "web", "etl", "bob", "replicator", "grafana"]
_PG_DBS = ["main", "app_production", "postgres", "analytics", "orders", "template1"]
_PG_APPS = ["psql", "PostgreSQL JDBC Driver", "rails", "[unknown]", "pg_dump", "Metabase",
            "puma: cluster worker 0", "sidekiq", "pgAdmin 4 - CONN:3472841"]


def _pg_prefix(r, b: Line):
    t = _t(r)
    zone = pick(r, ["UTC", "UTC", "CEST", "EST", "+02", "GMT"])
    pid = V.number(r, 100, 99999)
    v = r.randint(0, 4)
    ms = chance(r, 0.7)
    ts = t.strftime("%Y-%m-%d %H:%M:%S") + ("." + _ms(t) if ms else "") + " " + zone
    user, db = pick(r, _PG_USERS), pick(r, _PG_DBS)
    if v == 0:                                              # '%m [%p] '
        b.f(ts).d(" [").f(pid).d("] ")
    elif v == 1:                                            # '%m [%p] %q%u@%d '
        b.f(ts).d(" [").f(pid).d("] ")
        if chance(r, 0.8):
            b.f(user).d("@").f(db).sp()
    elif v == 2:                                            # '%t [%p]: [%l-1] user=..,db=..'
        b.f(ts).d(" [").f(pid).d("]: [").f(f"{r.randint(1, 40)}-1").d("] ")
        if chance(r, 0.2):
            # a background process (checkpointer, autovacuum) has no user, database, app or
            # client: each keeps its place as an empty value (rule 8)
            b.kv("user", "").d(",").kv("db", "").d(",").kv("app", "").d(",").kv("client", "")
            b.sp()
            return
        b.kv("user", user).d(",").kv("db", db).d(",").f("app")
        kp = len(b.parts) - 1
        b.d("=")
        app = pick(r, _PG_APPS)
        if app == "[unknown]":
            b.d("[").f("unknown").d("]")
        else:
            b.words(app)
        M._record_pair(b, kp, kp + 2)
        b.d(",").f("client")
        kp = len(b.parts) - 1
        b.d("=")
        if chance(r, 0.2):
            b.d("[").f("local").d("]")
        else:
            b.f(V.ip4(r))
        M._record_pair(b, kp, kp + 2)
        b.sp()
    elif v == 3:                                            # RDS '%t:%r:%u@%d:[%p]:'
        b.f(t.strftime("%Y-%m-%d %H:%M:%S") + " " + zone).d(":")
        if chance(r, 0.8):
            b.f(V.ip4(r)).d("(").f(V.number(r, 1024, 65535)).d("):").f(user).d("@").f(db)
            b.d(":[")
        else:
            b.d("::@:[")
        b.f(pid).d("]:")
    else:                                                   # '< %m >'
        b.d("< ").f(ts).d(" > ")


def _pg_body(r, b: Line, sev: str):
    if sev in ("LOG", "LOG", "DEBUG1"):
        k = r.randint(0, 12)
        if k < 4:
            b.words("duration: ").f(V.decimal(r, 3)).words(" ms")
            what = r.randint(0, 3)
            if what == 0:
                b.words("  statement: ")
            elif what == 1:
                b.words("  execute ").d("<").f("unnamed").d(">: ")
            elif what == 2:
                b.words("  execute ").f(f"S_{r.randint(1, 30)}").d(": ")
            else:
                if chance(r, 0.5):
                    b.words("  bind ").d("<").f("unnamed").d(">: ")
                else:
                    b.words("  parse ").f(f"S_{r.randint(1, 30)}").d(": ")
            sql(r, b, iq=pick(r, ["", '"']), params=what > 0)
        elif k == 4:
            b.words("statement: ")
            sql(r, b)
        elif k == 5:
            b.words("connection received: ").kv("host", V.ip4(r)).sp().kv("port", V.number(r, 1024, 65535))
        elif k == 6:
            b.words("connection authorized: ").kv("user", pick(r, _PG_USERS)).sp()
            b.kv("database", pick(r, _PG_DBS))
            if chance(r, 0.5):
                b.sp().kv("application_name", pick(r, ["psql", "rails", "pg_dump", "Metabase"]))
            if chance(r, 0.4):
                b.sp().kv("SSL", "enabled").sp().d("(").kv("protocol", "TLSv1.3").d(", ")
                b.kv("cipher", "TLS_AES_256_GCM_SHA384").d(", ").kv("bits", "256").d(")")
        elif k == 7:
            b.words("disconnection: session time: ")
            b.f(f"{r.randint(0, 9)}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}.{r.randint(0, 999):03d}")
            b.sp().kv("user", pick(r, _PG_USERS)).sp().kv("database", pick(r, _PG_DBS)).sp()
            b.kv("host", V.ip4(r)).sp().kv("port", V.number(r, 1024, 65535))
        elif k == 8:
            if chance(r, 0.5):
                b.words("checkpoint starting: ").words(pick(r, ["time", "wal", "shutdown immediate",
                                                            "immediate force wait"]))
            else:
                b.words("checkpoint complete: wrote ").f(V.number(r, 0, 9000))
                b.words(" buffers ").d("(").f(V.percent(r)).d("); ")
                b.f(V.number(r, 0, 9)).words(" WAL file").d("(").f("s").d(")")
                b.words(" added, ").f(V.number(r, 0, 9)).words(" removed, ")
                b.f(V.number(r, 0, 9)).words(" recycled; ")
                for i, key in enumerate(("write", "sync", "total")):
                    if i:
                        b.d(", ")
                    b.kv(key, V.decimal(r, 3)).words(" s")
                b.words("; sync ").kv("files", V.number(r, 0, 200)).d(", ")
                b.kv("longest", V.decimal(r, 3)).words(" s, ").kv("average", V.decimal(r, 3))
                b.words(" s; ").kv("distance", V.number(r, 0, 99999)).words(" kB, ")
                b.kv("estimate", V.number(r, 0, 99999)).words(" kB")
        elif k == 9:
            b.words(pick(r, ["automatic vacuum of table ", "automatic analyze of table "]))
            b.quoted(f"{pick(r, _PG_DBS)}.public.{pick(r, TABLES)}").words(": index scans: ")
            b.f(V.number(r, 0, 5))
        elif k == 10:
            b.words("listening on ")
            if chance(r, 0.5):
                if chance(r, 0.5):
                    b.words("IPv4 address ").quoted(pick(r, ["0.0.0.0", "127.0.0.1", V.ip4(r)]))
                else:
                    b.words("IPv6 address ").quoted(pick(r, ["::", "::1", V.ip6(r)]))
                b.words(", port ")
                b.f(pick(r, ["5432", "5433", "6432"]))
            else:
                b.words("Unix socket ").quoted(pick(r, ["/var/run/postgresql/.s.PGSQL.5432",
                                                        "/tmp/.s.PGSQL.5432"]))
        elif k == 11:
            b.words("temporary file: path ").quoted(f"base/pgsql_tmp/pgsql_tmp{V.number(r, 100, 99999)}.{r.randint(0, 9)}")
            b.words(", size ").f(V.number(r, 8192, 999999999))
        else:
            msg = pick(r, ["database system is ready to accept connections",
                           "database system was shut down at ",
                           "received fast shutdown request",
                           "aborting any active transactions",
                           "background worker",
                           "could not receive data from client: Connection reset by peer",
                           "unexpected EOF on client connection with an open transaction"])
            if msg.startswith("background"):
                b.words("background worker ").quoted("logical replication launcher").words(
                    " exited with exit code 1")
            else:
                b.words(msg)
            if msg.endswith(" at "):
                t = _t(r)
                b.f(t.strftime("%Y-%m-%d %H:%M:%S") + " UTC")
    elif sev == "ERROR":
        k = r.randint(0, 8)
        if k == 0:
            b.words("relation ").quoted(pick(r, TABLES)).words(" does not exist")
        elif k == 1:
            b.words("duplicate key value violates unique constraint ").quoted(
                f"{pick(r, TABLES)}_{pick(r, COLUMNS)}_key")
        elif k == 2:
            b.words("syntax error at or near ").quoted(pick(r, ["FROM", "WHERE", "SELECT", "$1", "users"]))
        elif k == 3:
            b.words("column ").quoted(pick(r, COLUMNS)).words(" does not exist")
        elif k == 4:
            b.words("null value in column ").quoted(pick(r, COLUMNS)).words(" of relation ")
            b.quoted(pick(r, TABLES)).words(" violates not-null constraint")
        elif k == 5:
            b.words(pick(r, ["canceling statement due to statement timeout", "deadlock detected",
                             "canceling statement due to user request",
                             "current transaction is aborted, commands ignored until end of transaction block",
                             "could not serialize access due to concurrent update"]))
        elif k == 6:
            b.words("permission denied for table ").f(pick(r, TABLES))
        elif k == 7:
            b.words("value too long for type character varying").d("(").f(pick(r, ["20", "64", "255"])).d(")")
        else:
            b.words("operator does not exist: ").f(pick(r, ["integer", "text", "uuid"])).words(" = ")
            b.words(pick(r, ["text", "integer", "character varying"]))
        if chance(r, 0.3):
            b.words(" at character ").f(V.number(r, 1, 400))
    elif sev == "DETAIL":
        k = r.randint(0, 4)
        if k == 0:
            b.words("Key ").d("(").f(pick(r, COLUMNS)).d(")=(").f(
                pick(r, [V.email(r), V.number(r, 1, 99999), V.ident(r)])).d(")").words(" already exists.")
        elif k == 1:
            b.words("Process ").f(V.number(r, 100, 99999)).words(" waits for ")
            b.f(pick(r, ["ShareLock", "ExclusiveLock", "AccessExclusiveLock"]))
            b.words(" on transaction ").f(V.number(r, 1000, 9999999)).words("; blocked by process ")
            b.f(V.number(r, 100, 99999)).d(".")
        elif k == 2:
            b.words("Role ").quoted(V.user(r)).words(" does not exist.")
        elif k == 3:
            b.words("Connection matched pg_hba.conf line ").f(V.number(r, 80, 130)).d(": ")
            b.quoted(pick(r, ["host all all 0.0.0.0/0 md5", "host all all all scram-sha-256",
                              "local all all peer"]))
        else:
            b.words("parameters: ")
            for i in range(r.randint(1, 4)):
                if i:
                    b.d(", ")
                b.f(f"${i + 1}").d(" = ").quoted(pick(r, [V.number(r), V.user(r), V.email(r)]), "'")
    elif sev == "STATEMENT":
        sql(r, b, iq=pick(r, ["", '"']), params=chance(r, 0.3))
    elif sev == "HINT":
        if chance(r, 0.3):
            b.words("Consider increasing the configuration parameter ").quoted("max_wal_size").d(".")
        else:
            hint = pick(r, ["No operator matches the given name and argument types. You might "
                            "need to add explicit type casts.",
                            "See server log for query details.",
                            "Future log output will appear in directory "])
            b.words(hint)
            if hint.endswith(" "):
                b.quoted(pick(r, ["log", "pg_log"])).d(".")
    elif sev == "FATAL":
        k = r.randint(0, 5)
        if k == 0:
            b.words("password authentication failed for user ").quoted(pick(r, _PG_USERS))
        elif k == 1:
            b.words("database ").quoted(V.ident(r, 3, 10)).words(" does not exist")
        elif k == 2:
            b.words("role ").quoted(V.user(r)).words(" does not exist")
        elif k == 3:
            b.words("no pg_hba.conf entry for host ").quoted(V.ip4(r)).words(", user ")
            b.quoted(pick(r, _PG_USERS)).words(", database ").quoted(pick(r, _PG_DBS))
            b.words(pick(r, [", SSL off", ", SSL on", ", no encryption"]))
        elif k == 4:
            b.words(pick(r, ["terminating connection due to administrator command",
                             "the database system is starting up",
                             "sorry, too many clients already",
                             "remaining connection slots are reserved for non-replication superuser connections"]))
        else:
            M.message(r, b, end=True)
    else:  # WARNING / NOTICE
        k = r.randint(0, 2)
        if k == 0:
            b.words("there is no transaction in progress")
        elif k == 1:
            b.words("checkpoints are occurring too frequently ").d("(").f(V.number(r, 2, 29))
            b.words(" seconds apart").d(")")
        else:
            M.message(r, b, end=True)


@family("postgres")
def postgres(r) -> Line:
    b = L()
    _pg_prefix(r, b)
    sev = pick(r, ["LOG", "LOG", "LOG", "LOG", "ERROR", "ERROR", "DETAIL", "STATEMENT", "FATAL",
                   "HINT", "WARNING", "NOTICE", "DEBUG1"])
    b.f(sev).d(":  ")
    _pg_body(r, b, sev)
    return b


# ----------------------------------------------------------------------------- MySQL
def _mysql_msg(r, b: Line):
    k = r.randint(0, 11)
    if k == 0:
        b.words("CA certificate ").f(pick(r, ["ca.pem", "ca-cert.pem", "/etc/mysql/ssl/ca.pem"]))
        b.words(" is self signed.")
    elif k == 1:
        b.f("/usr/sbin/mysqld").sp().d("(").f("mysqld").sp().f(pick(r, ["8.0.34", "8.0.35", "8.4.0", "8.0.28"]))
        b.d(")").words(" starting as process ").f(V.number(r, 1, 99999))
    elif k == 2:
        b.words("Aborted connection ").f(V.number(r, 1, 99999)).words(" to db: ").quoted(
            pick(r, _PG_DBS), "'").words(" user: ").quoted(V.user(r), "'").words(" host: ")
        b.quoted(V.ip4(r), "'").sp().d("(").words(pick(r, [
            "Got an error reading communication packets", "Got timeout reading communication packets",
            "Got an error writing communication packets"])).d(").")
    elif k == 3:
        b.words("Access denied for user ").quoted(V.user(r), "'").d("@").quoted(
            pick(r, [V.ip4(r), "localhost", "%"]), "'").sp().d("(").words("using password: ")
        b.f(pick(r, ["YES", "NO"])).d(")")
    elif k == 4:
        b.f("/usr/sbin/mysqld").words(": ready for connections. Version: ").quoted(
            pick(r, ["8.0.34", "8.0.35", "5.7.44-log"]), "'").words("  socket: ")
        b.quoted("/var/run/mysqld/mysqld.sock", "'").words("  port: ").f("3306")
        b.words("  MySQL Community Server - GPL.")
    elif k == 5:
        b.words(pick(r, ["InnoDB initialization has started.", "InnoDB initialization has ended.",
                         "Too many connections", "Shutdown complete",
                         "Starting XA crash recovery...", "XA crash recovery finished.",
                         "Normal shutdown", "Event Scheduler: Loaded 0 events"]))
    elif k == 6:
        b.words("Insecure configuration for ").f("--pid-file").words(": Location ")
        b.quoted("/var/run/mysqld", "'").words(" in the path is accessible to all OS users.")
    elif k == 7:
        b.words("Replica I/O thread for channel ").quoted("", "'").d(": ")
        b.words("connected to source ")
        b.quoted(f"repl@{V.ip4(r)}:3306", "'").d(",").words("replication started in log ")
        b.quoted(f"binlog.{r.randint(1, 999):06d}", "'").words(" at position ").f(V.number(r, 4, 999999))
    elif k == 8:
        b.words("X Plugin ready for connections. Bind-address: ").quoted(
            pick(r, ["::", "0.0.0.0"]), "'").words(" port: ").f("33060").words(", socket: ")
        b.f("/var/run/mysqld/mysqlx.sock")
    elif k == 9:
        b.words("Buffer pool").d("(").f("s").d(")").words(" load completed at ")
        t = _t(r)
        b.f(t.strftime("%y%m%d %H:%M:%S"))
    elif k == 10:
        b.words("The syntax ").quoted(pick(r, ["--skip-host-cache", "log_slave_updates",
                                               "expire-logs-days"]), "'")
        b.words(" is deprecated and will be removed in a future release.")
    else:
        M.message(r, b, end=True)


def _mysql_innodb(r, b: Line):
    b.words("InnoDB: ")
    k = r.randint(0, 3)
    if k == 0:
        b.words("Started; log sequence number ").f(V.number(r, 0, 9)).sp().f(V.number(r, 1000, 99999999))
    elif k == 1:
        b.words("Completed initialization of buffer pool")
    elif k == 2:
        b.words("Buffer pool size = ").f(V.decimal(r, 1)).f("G" if chance(r, 0.5) else "M")
    else:
        b.words("Waiting for purge to start")


def _mysql_slow(r, b: Line):
    k = r.randint(0, 5)
    if k == 0:
        b.d("# ").words("Time: ")
        t = _t(r)
        if chance(r, 0.6):
            b.f(t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond:06d}Z")
        else:
            b.f(t.strftime("%y%m%d ") + f"{t.hour:>2}" + t.strftime(":%M:%S"))
    elif k == 1:
        u = V.user(r)
        b.d("# ").f("User").d("@").f("Host").d(": ").f(u).d("[").f(u).d("] @ ")
        host = pick(r, ["localhost", V.hostname(r), ""])
        if host:
            b.f(host).sp()
        b.d("[").f(V.ip4(r) if host != "localhost" else "127.0.0.1").d("]")
        if chance(r, 0.7):
            b.d("  ").f("Id").d(":" + " " * r.randint(1, 4)).f(V.number(r, 1, 99999))
    elif k == 2:
        b.d("# ").f("Query_time").d(": ").f(f"{r.uniform(0, 30):.6f}").d("  ").f("Lock_time")
        b.d(": ").f(f"{r.uniform(0, 0.01):.6f}").d(" ").f("Rows_sent").d(": ").f(V.number(r, 0, 5000))
        b.d("  ").f("Rows_examined").d(": ").f(V.number(r, 0, 999999))
    elif k == 3:
        b.f("SET").sp().f("timestamp").d("=").f(str(r.randint(1_300_000_000, 1_750_000_000))).d(";")
    elif k == 4:
        b.f("use").sp().f(pick(r, _PG_DBS)).d(";")
    else:
        sql(r, b, iq=pick(r, ["", "`"]), semi=True)


@family("mysql")
def mysql(r) -> Line:
    b = L()
    v = r.randint(0, 5)
    t = _t(r)
    if v == 0:                                          # 8.0 error log
        b.f(t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond:06d}" + pick(r, ["Z", "Z", "+00:00"]))
        b.sp().f(pick(r, ["0", "1", V.number(r, 2, 9999)])).sp()
        b.d("[").f(pick(r, ["Warning", "Note", "System", "ERROR", "Warning"])).d("] [")
        b.f(f"MY-0{r.choice([10, 11, 12, 13])}{r.randint(0, 999):03d}")
        b.d("] [").f(pick(r, ["Server", "Server", "InnoDB", "Repl"])).d("] ")
        _mysql_msg(r, b)
    elif v == 1:                                        # 5.7 error log
        b.f(t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond:06d}Z").sp()
        b.f(V.number(r, 0, 9999)).sp().d("[").f(pick(r, ["Note", "Warning", "ERROR"])).d("] ")
        (_mysql_innodb if chance(r, 0.35) else _mysql_msg)(r, b)
    elif v == 2:                                        # 5.0-5.5: '231010  9:05:36 [Note] ...'
        b.f(t.strftime("%y%m%d ") + f"{t.hour:>2}" + t.strftime(":%M:%S")).sp()
        if chance(r, 0.3):
            _mysql_innodb(r, b)
        else:
            b.d("[").f(pick(r, ["Note", "Warning", "ERROR"])).d("] ")
            _mysql_msg(r, b)
    elif v == 3:                                        # MariaDB
        b.f(t.strftime("%Y-%m-%d ") + f"{t.hour:>2}" + t.strftime(":%M:%S")).sp()
        b.f(V.number(r, 0, 99)).sp().d("[").f(pick(r, ["Note", "Warning", "ERROR"])).d("] ")
        (_mysql_innodb if chance(r, 0.4) else _mysql_msg)(r, b)
    elif v == 4:                                        # slow query log
        _mysql_slow(r, b)
    else:                                               # general query log
        b.f(t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond:06d}Z").d("\t" + " " * r.randint(1, 4))
        b.f(V.number(r, 1, 9999)).sp()
        cmd = pick(r, ["Query", "Query", "Query", "Connect", "Quit", "Init DB"])
        b.words(cmd).d("\t")
        if cmd == "Query":
            sql(r, b, iq=pick(r, ["", "`"]))
        elif cmd == "Connect":
            b.f(V.user(r)).d("@").f(pick(r, ["localhost", V.ip4(r)])).words(" on ").f(pick(r, _PG_DBS))
            b.words(" using ").f(pick(r, ["Socket", "TCP/IP", "SSL/TLS"]))
        elif cmd == "Init DB":
            b.f(pick(r, _PG_DBS))
    return b


# ----------------------------------------------------------------------------- Redis
def _redis_msg(r, b: Line, role: str):
    k = r.randint(0, 14)
    if k == 0:
        b.words("Ready to accept connections")
        if chance(r, 0.4):
            b.sp().f(pick(r, ["tcp", "unix", "tls"]))
    elif k == 1:
        b.words("DB loaded from disk: ").f(V.decimal(r, 3)).words(" seconds")
    elif k == 2:
        b.words("Background saving started by pid ").f(V.number(r, 10, 99999))
    elif k == 3:
        b.words(pick(r, ["DB saved on disk", "Background saving terminated with success",
                         "Server initialized", "Configuration loaded", "User requested shutdown...",
                         "Saving the final RDB snapshot before exiting.", "Redis is now ready to exit, bye bye...",
                         "Client closed connection", "MASTER aborted replication with an error: NOAUTH Authentication required."]))
    elif k == 4:
        b.words("RDB: ").f(V.number(r, 0, 900)).words(" MB of memory used by copy-on-write")
    elif k == 5:
        w = r.randint(0, 3)
        if w == 0:
            b.words("Accepted ").f(V.ip4(r)).d(":").f(V.number(r, 1024, 65535))
        elif w == 1:
            b.words("Connecting to MASTER ").f(V.ip4(r)).d(":").f(pick(r, ["6379", "6380"]))
        elif w == 2:
            b.words("Replica ").f(V.ip4(r)).d(":").f(pick(r, ["6379", "6380", V.port(r)]))
            b.words(" asks for synchronization")
        else:
            b.words("Connecting to MASTER ").f(V.hostname(r)).d(":").f("6379")
    elif k == 6:
        b.words("MASTER ").d("<->").words(" REPLICA sync: ").words(pick(r, [
            "Flushing old data", "Loading DB in memory", "Finished with success",
            "receiving streamed RDB from master with EOF to disk"]))
    elif k == 7:
        b.f(V.number(r, 1, 10000)).words(" changes in ").f(pick(r, ["60", "300", "3600", "900"]))
        b.words(" seconds. Saving").d("...")
    elif k == 8:
        b.f("oO0OoO0OoO0Oo").words(" Redis is starting ").f("oO0OoO0OoO0Oo")
    elif k == 9:
        b.words("Redis version").d("=").f(pick(r, ["7.2.4", "6.2.14", "7.0.15", "5.0.7"])).d(", ")
        b.kv("bits", "64").d(", ").kv("commit", pick(r, ["00000000", V.hexstr(r, 8, "")])).d(", ")
        b.kv("modified", pick(r, ["0", "1"])).d(", ").kv("pid", V.number(r, 1, 99999)).words(", just started")
    elif k == 10:
        b.words("Running mode").d("=").f(pick(r, ["standalone", "cluster", "sentinel"])).d(", ")
        b.kv("port", pick(r, ["6379", "6380", "26379"])).d(".")
    elif k == 11:
        b.words("WARNING overcommit_memory is set to ").f("0").words(
            "! Background save may fail under low memory condition.")
    elif k == 12:
        b.words("Partial resynchronization not accepted: Replication ID mismatch ").d("(")
        b.words("Replica asked for ").quoted(V.hexstr(r, 40, ""), "'").words(", my replication ID is ")
        b.quoted(V.hexstr(r, 40, ""), "'").d(")")
    elif k == 13:
        b.words("Fork CoW for RDB: current ").f(V.number(r, 0, 90)).words(" MB, peak ")
        b.f(V.number(r, 0, 90)).words(" MB, average ").f(V.number(r, 0, 90)).words(" MB")
    else:
        M.message(r, b, end=True)


@family("redis")
def redis(r) -> Line:
    b = L()
    t = _t(r)
    v = r.randint(0, 3)
    pid = V.number(r, 1, 99999)
    if v <= 1:                  # 3.x+  'pid:R dd Mon yyyy HH:MM:SS.mmm L msg'
        role = pick(r, ["M", "M", "M", "S", "C", "X"])
        b.f(pid).d(":").f(role).sp()
        b.f(f"{t.day:02d} {V.MONTHS[t.month - 1]} {t.year} " + t.strftime("%H:%M:%S.") + _ms(t))
        # the level marker (`.` debug, `-` verbose, `*` notice, `#` warning) is the level
        # column's value: a field, so the message is always field 5 (rule 8)
        b.sp().f(pick(r, ["*", "*", "*", "#", "-", "."])).sp()
        _redis_msg(r, b, role)
    elif v == 2:                # 2.6-2.8  '[pid] dd Mon HH:MM:SS.mmm L msg'
        b.d("[").f(pid).d("] ")
        b.f(f"{t.day:02d} {V.MONTHS[t.month - 1]} " + t.strftime("%H:%M:%S") + ("." + _ms(t) if chance(r, 0.7) else ""))
        b.sp().f(pick(r, ["*", "*", "#", "-", "."])).sp()
        _redis_msg(r, b, "M")
    else:                       # MONITOR output '1696946136.123456 [0 10.0.0.1:51234] "SET" "k" "v"'
        b.f(f"{r.randint(1_300_000_000, 1_750_000_000)}.{r.randint(0, 999999):06d}").d(" [")
        b.f(str(r.randint(0, 15))).sp()
        if chance(r, 0.2):
            b.f("lua")
        else:
            b.f(V.ip4(r)).d(":").f(V.number(r, 1024, 65535))
        b.d("]")
        cmd = pick(r, ["GET", "SET", "HGETALL", "EXPIRE", "DEL", "INCR", "LPUSH", "PING", "HSET",
                       "ZADD", "SELECT", "AUTH"])
        b.sp().quoted(cmd)
        n = 0 if cmd == "PING" else 1 if cmd in ("SELECT", "AUTH") else r.randint(1, 3)
        for _ in range(n):
            k = r.randint(0, 5)
            b.sp().quoted(f"session:{V.hexstr(r, 16, '')}" if k == 0 else
                          f"user:{r.randint(1, 99999)}" if k == 1 else
                          str(r.randint(0, 99999)) if k == 2 else
                          V.ident(r) if k == 3 else pick(r, ["cache:home", "3600", "EX", "1"]))
    return b


# ----------------------------------------------------------------------------- MongoDB
_MONGO_COMPONENTS = ["NETWORK", "COMMAND", "ACCESS", "CONTROL", "STORAGE", "REPL", "INDEX",
                     "QUERY", "WRITE", "SHARDING", "FTDC", "ASIO", "-"]


def _mongo_ctx(r):
    return pick(r, [f"conn{r.randint(1, 99999)}", "initandlisten", "listener", "ftdc",
                    "ReplicationExecutor", "WTCheckpointThread", "TTLMonitor", "signalProcessingThread",
                    "LogicalSessionCacheRefresh", "rsSync"])


def _mongo_legacy_msg(r, b: Line, ctx: str):
    k = r.randint(0, 9)
    if k == 0:
        b.words("received client metadata from ").f(V.ip4(r)).d(":").f(V.number(r, 1024, 65535))
        b.sp().f(ctx).d(": { ").f("driver").d(": { ").f("name").d(': "')
        b.f(pick(r, ["nodejs", "PyMongo", "mongo-java-driver|sync", "mongo-go-driver"])).d('", ')
        b.f("version").d(': "').f(V.version(r).lstrip("vV")).d('" }')
        if chance(r, 0.6):
            b.d(", ").f("os").d(": { ").f("type").d(': "').f(pick(r, ["Linux", "Darwin", "Windows"]))
            b.d('", ').f("architecture").d(': "').f(pick(r, ["x64", "arm64", "amd64"])).d('" }')
        b.d(" }")
    elif k == 1:
        b.words("connection accepted from ").f(V.ip4(r)).d(":").f(V.number(r, 1024, 65535)).sp()
        n = r.randint(1, 900)
        b.f(f"#{r.randint(1, 99999)}").d(" (").f(str(n)).words(
            " connection now open" if n == 1 else " connections now open").d(")")
    elif k == 2:
        b.words("end connection ").f(V.ip4(r)).d(":").f(V.number(r, 1024, 65535)).d(" (")
        b.f(V.number(r, 0, 900)).words(" connections now open").d(")")
    elif k == 3:
        db, coll = pick(r, ["main", "admin", "app", "test"]), pick(r, TABLES)
        b.words("command ").f(f"{db}.{coll}").words(" command: ").f("find").d(" { ").f("find")
        b.d(': "').f(coll).d('", ').f("filter").d(": { ").f(pick(r, COLUMNS)).d(": ")
        if chance(r, 0.5):
            b.d("{ ").f(pick(r, ["$gt", "$in", "$lte", "$ne"])).d(": ").f(V.number(r, 0, 999)).d(" }")
        else:
            b.d('"').f(V.ident(r)).d('"')
        b.d(" }, ").f("$db").d(': "').f(db).d('" } ')
        plan = pick(r, ["COLLSCAN", "IXSCAN", "IDHACK"])
        b.f("planSummary").d(": ").f(plan)
        if plan == "IXSCAN":
            b.d(" { ").f(pick(r, ["_id", "user_id", "created_at"])).d(": ").f(pick(r, ["1", "-1"])).d(" }")
        for key in pick(r, [("keysExamined", "docsExamined", "nreturned"),
                            ("keysExamined", "docsExamined", "cursorExhausted", "numYields", "nreturned", "reslen")]):
            b.sp().f(key).d(":").f(V.number(r, 0, 99999))
        b.sp().f("protocol").d(":").f(pick(r, ["op_msg", "op_query"])).sp().f(f"{r.randint(100, 9999)}ms")
    elif k == 4:
        b.words("MongoDB starting : ").kv("pid", V.number(r, 1, 99999)).sp().kv("port", "27017").sp()
        b.kv("dbpath", pick(r, ["/data/db", "/var/lib/mongodb"])).sp().f("64-bit").sp().kv("host", V.hostname(r))
    elif k == 5:
        b.words("db version ").f(pick(r, ["v4.2.24", "v4.0.28", "v3.6.23", "v4.2.8"]))
    elif k == 6:
        b.words("Successfully authenticated as principal ").f(V.user(r)).words(" on ")
        b.f(pick(r, ["admin", "main"])).words(" from client ").f(V.ip4(r)).d(":").f(V.number(r, 1024, 65535))
    elif k == 7:
        b.words("Member ").f(V.hostname(r)).d(":").f("27017").words(" is now in state ")
        b.f(pick(r, ["SECONDARY", "PRIMARY", "RECOVERING", "ARBITER", "STARTUP2"]))
    elif k == 8:
        b.words("waiting for connections on port ").f(pick(r, ["27017", "27018", "27019"]))
    else:
        M.message(r, b, end=True)


_MONGO_JSON = [
    ("NETWORK", 22943, "listener", "Connection accepted", "accepted"),
    ("NETWORK", 22944, "conn", "Connection ended", "ended"),
    ("NETWORK", 51800, "conn", "client metadata", "meta"),
    ("ACCESS", 20250, "conn", "Authentication succeeded", "auth"),
    ("COMMAND", 51803, "conn", "Slow query", "slow"),
    ("STORAGE", 22430, "WTCheckpointThread", "WiredTiger message", "wt"),
    ("CONTROL", 23285, "main", "Automatically disabling TLS 1.0, to force-enable TLS 1.0 specify --sslDisabledProtocols 'none'", None),
    ("REPL", 21358, "ReplCoord-0", "Replica set state transition", "repl"),
    ("NETWORK", 23016, "listener", "Waiting for connections", "port"),
    ("-", 4939300, "monitoring-keys-for-HMAC", "Failed to refresh key cache", "err"),
    ("ACCESS", 20249, "conn", "Authentication failed", "authfail"),
]


def _mongo_attr(r, kind):
    remote = f"{V.ip4(r)}:{V.number(r, 1024, 65535)}"
    if kind == "accepted":
        return {"remote": remote, "uuid": V.uuid(r), "connectionId": r.randint(1, 9999),
                "connectionCount": r.randint(1, 500)}
    if kind == "ended":
        return {"remote": remote, "connectionId": r.randint(1, 9999), "connectionCount": r.randint(0, 500)}
    if kind == "meta":
        doc = {"driver": {"name": pick(r, ["nodejs", "PyMongo"]), "version": V.version(r).lstrip("vV")},
               "os": {"type": "Linux", "architecture": "x86_64"}}
        if chance(r, 0.4):                          # a driver with an empty appName: `"name":""`
            doc["application"] = {"name": pick(r, ["", "", "mongosh", "orders-api"])}
        return {"remote": remote, "client": f"conn{r.randint(1, 9999)}", "doc": doc}
    if kind == "authfail":
        # the error text quotes names: escaped quotes inside the value, also at its end
        return {"mechanism": pick(r, ["SCRAM-SHA-256", "SCRAM-SHA-1"]), "speculative": chance(r, 0.5),
                "principalName": V.user(r), "authenticationDatabase": pick(r, ["admin", "main"]),
                "remote": remote, "extraInfo": {},
                "error": pick(r, [f'UserNotFound: Could not find user "{V.user(r)}" for db "admin"',
                                  "AuthenticationFailed: SCRAM authentication failed, storedKey mismatch",
                                  f'BadValue: unknown mechanism "{pick(r, ["PLAIN", "MONGODB-X509"])}"'])}
    if kind == "auth":
        return {"mechanism": pick(r, ["SCRAM-SHA-256", "SCRAM-SHA-1"]), "speculative": chance(r, 0.5),
                "principalName": V.user(r), "authenticationDatabase": "admin", "remote": remote}
    if kind == "slow":
        return {"type": "command", "ns": f"main.{pick(r, TABLES)}", "command": {"find": pick(r, TABLES),
                "filter": {pick(r, COLUMNS): r.randint(0, 999)}, "$db": "main"},
                "planSummary": pick(r, ["COLLSCAN", "IXSCAN { user_id: 1 }"]), "keysExamined": r.randint(0, 9999),
                "docsExamined": r.randint(0, 99999), "nreturned": r.randint(0, 100),
                "durationMillis": r.randint(100, 9999)}
    if kind == "wt":
        return {"message": f"[{r.randint(1_600_000_000, 1_750_000_000)}:{r.randint(0, 999999)}][{r.randint(1, 999)}:0x{V.hexstr(r, 12, '')}], WT_SESSION.checkpoint: [WT_VERB_CHECKPOINT_PROGRESS] saving checkpoint snapshot min: {r.randint(1, 9999)}, snapshot max: {r.randint(1, 9999)}"}
    if kind == "repl":
        return {"newState": pick(r, ["PRIMARY", "SECONDARY"]), "oldState": pick(r, ["STARTUP2", "SECONDARY"])}
    if kind == "port":
        return {"port": 27017, "ssl": pick(r, ["off", "on"])}
    if kind == "err":
        return {"error": {"code": 13, "codeName": "Unauthorized", "errmsg": pick(r, [
            "command find requires authentication",
            'not authorized on admin to execute command { find: "system.keys" }',
            'command find requires authentication on namespace "admin.system.keys"'])}}
    return None


def _mongo_json(r, b: Line, t):
    comp, mid, ctx, msg, kind = pick(r, _MONGO_JSON)
    if ctx == "conn":
        ctx = f"conn{r.randint(1, 9999)}"
    ts = t.strftime("%Y-%m-%dT%H:%M:%S.") + _ms(t) + pick(r, ["+00:00", "+00:00", "+02:00", "-05:00"])
    b.d('{"').f("t").d('":{"').f("$date").d('":"').f(ts).d('"},"').f("s").d('":"')
    b.f(pick(r, ["I", "I", "I", "W", "E", "D1"])).d('",  "').f("c").d('":"').f(comp)
    b.d('",' + " " * max(1, 9 - len(comp)) + '"').f("id").d('":').f(str(mid))
    b.d("," + " " * max(1, 8 - len(str(mid))) + '"').f("ctx").d('":"').f(ctx).d('","')
    b.f("msg").d('":"').f(msg).d('"')
    attr = _mongo_attr(r, kind)
    if attr is not None:
        b.d(',"').f("attr").d('":')
        json_value(b, attr)
    b.d("}")


@family("mongodb")
def mongodb(r) -> Line:
    b = L()
    t = _t(r)
    v = r.randint(0, 3)
    if v <= 1:                                          # 3.x-4.2 text log
        b.f(t.strftime("%Y-%m-%dT%H:%M:%S.") + _ms(t) + pick(r, ["+0000", "+0000", "+0200", "-0500"]))
        b.sp().f(pick(r, ["I", "I", "I", "W", "E", "D", "F"])).sp()
        comp = pick(r, _MONGO_COMPONENTS)
        b.f(comp).d(" " * max(1, 9 - len(comp)))        # `-`: no component, still a field
        ctx = _mongo_ctx(r)
        b.d("[").f(ctx).d("] ")
        _mongo_legacy_msg(r, b, ctx)
    elif v == 2:                                        # 4.4+ structured JSON
        _mongo_json(r, b, t)
    else:                                               # 2.x 'Tue Oct 10 13:55:36.123 [conn12] ...'
        b.f(t.strftime("%a %b ") + f"{t.day:>2}" + t.strftime(" %H:%M:%S.") + _ms(t)).sp()
        ctx = _mongo_ctx(r)
        b.d("[").f(ctx).d("] ")
        _mongo_legacy_msg(r, b, ctx)
    return b


# ----------------------------------------------------------------------------- Elasticsearch
_ES_LOGGERS = ["o.e.c.r.a.AllocationService", "o.e.n.Node", "o.e.c.m.MetadataCreateIndexService",
               "o.e.c.m.MetadataMappingService", "o.e.c.s.MasterService", "o.e.c.s.ClusterApplierService",
               "o.e.m.j.JvmGcMonitorService", "o.e.c.r.a.DiskThresholdMonitor", "o.e.t.TransportService",
               "o.e.h.AbstractHttpServerTransport", "o.e.x.s.a.AuthenticationService", "o.e.g.GatewayService",
               "o.e.i.s.IndexShard", "o.e.b.BootstrapChecks", "o.e.x.i.IndexLifecycleRunner"]
_ES_LONG = {"o.e.n.Node": "org.elasticsearch.node.Node",
            "o.e.c.r.a.AllocationService": "org.elasticsearch.cluster.routing.allocation.AllocationService"}


def _es_index(r):
    return pick(r, [f"logs-{r.randint(2019, 2025)}.{r.randint(1, 12):02d}.{r.randint(1, 28):02d}",
                    "my-index-000001", ".kibana_8.10.2_001", "products", f"filebeat-8.{r.randint(0, 12)}.0",
                    ".ds-metrics-system.cpu-default-2023.10.10-000001", "orders_v2"])


def _es_msg(r, b: Line, logger: str):
    k = r.randint(0, 10)
    if k == 0:
        col = ["RED", "YELLOW", "GREEN"]
        a, z = r.sample(col, 2)
        b.words("Cluster health status changed from ").bracketed(a).words(" to ").bracketed(z)
        b.d(" (").f("reason").d(": [").words(pick(r, ["shards started", "index created", "shards failed",
                                                       "allocation explain"]))
        b.d(" [[").f(_es_index(r)).d("][").f(str(r.randint(0, 9))).d("]]]).")
    elif k == 1:
        b.d("[").f(_es_index(r)).d("] ").words("creating index, cause ")
        if chance(r, 0.3):
            b.d("[").f("auto").d("(").words("bulk api").d(")]")
        else:
            b.bracketed(pick(r, ["api", "rollover_data_stream"]))
        b.words(", templates ")
        if chance(r, 0.5):
            b.d("[]")
        else:
            b.bracketed(pick(r, ["logs", "metrics-tpl", "ilm-history"]))
        b.words(", shards ").bracketed(str(r.randint(1, 5))).d("/").bracketed(str(r.randint(0, 2)))
    elif k == 2:
        w = pick(r, ["started", "stopping", "stopped", "closing", "initialized", "starting"])
        b.f(w)
        if w.endswith("ing"):
            b.d(" ...")
    elif k == 3:
        b.words("publish_address ").d("{").f(V.ip4(r)).d(":").f(pick(r, ["9300", "9200"])).d("}, ")
        b.words("bound_addresses ").d("{")
        for i in range(r.randint(1, 2)):
            if i:
                b.d(", ")
            if chance(r, 0.5):
                b.d("[").f(pick(r, ["::", "::1"])).d("]:")
            else:
                b.f(pick(r, ["0.0.0.0", "127.0.0.1", V.ip4(r)])).d(":")
            b.f(pick(r, ["9300", "9200"]))
        b.d("}")
    elif k == 4:
        b.d("[").f("gc").d("][").f(V.number(r, 1, 99999)).d("] ").words("overhead, spent ")
        b.bracketed(V.decimal(r, 1) + pick(r, ["s", "ms"])).words(" collecting in the last ")
        b.bracketed(V.decimal(r, 1) + "s")
    elif k == 5:
        b.words(pick(r, ["high disk watermark ", "low disk watermark "])).bracketed(
            pick(r, ["85%", "90%", "95%"])).words(" exceeded on ").bracketed(V.ident(r, 22, 22, V.LOWER + "ABCDEFGHIJ_"))
        b.bracketed(f"node-{r.randint(1, 9)}").bracketed("/usr/share/elasticsearch/data")
        b.words(" free: ").f(V.decimal(r, 1) + "gb").bracketed(V.decimal(r, 1) + "%")
        b.words(", shards will be relocated away from this node")
    elif k == 6:
        b.words("Authentication of ").bracketed(V.user(r)).words(" was terminated by realm ")
        b.bracketed(pick(r, ["reserved", "native1", "file1", "ldap1"])).words(" - failed to authenticate user ")
        b.bracketed(V.user(r))
    elif k == 7:
        # index/uuid has no blank and no IP after the slash: one field (product rule 7)
        b.d("[").f(_es_index(r) + "/" + V.ident(r, 22, 22, V.LOWER + "ABCDEFGHIJKLMN-_")).d("] ")
        b.words("update_mapping ").bracketed("_doc")
    elif k == 8:
        b.words("moving index ").bracketed(_es_index(r)).words(" from ")
        b.d("[{").quoted("phase").d(":").quoted("hot").d(",").quoted("action").d(":").quoted("rollover")
        b.d("}]").words(" to ").d("[{").quoted("phase").d(":").quoted("warm").d("}]").words(" in policy ")
        b.bracketed(pick(r, ["logs", "metrics", "7-days-default"]))
    elif k == 9:
        b.words("version").bracketed(pick(r, ["8.10.2", "7.17.13", "8.11.1"])).d(", ").f("pid")
        b.bracketed(V.number(r, 1, 99999)).d(", ").f("OS").bracketed(
            "Linux/" + pick(r, ["5.15.0-86-generic", "6.1.0", "4.18.0-477.el8.x86_64"]) + "/"
            + pick(r, ["amd64", "aarch64"]))
    else:
        M.message(r, b, end=True)


@family("elasticsearch")
def elasticsearch(r) -> Line:
    b = L()
    t = _t(r)
    v = r.randint(0, 4)
    logger = pick(r, _ES_LOGGERS)
    node = pick(r, [f"node-{r.randint(1, 9)}", f"es0{r.randint(1, 9)}", V.hostname(r, fqdn=False),
                    f"elasticsearch-master-{r.randint(0, 2)}"])
    if v <= 1:                                  # '[%d{ISO8601}][%-5p][%-25c{1.}] [%node_name]%marker %m'
        lv = pick(r, ["INFO", "INFO", "WARN", "DEBUG", "ERROR"])
        b.d("[").f(t.strftime("%Y-%m-%dT%H:%M:%S,") + _ms(t)).d("][").f(lv).d(" " * (5 - len(lv)) + "][")
        b.f(logger).d(" " * max(0, 25 - len(logger)) + "] [").f(node).d("] ")
        _es_msg(r, b, logger)
    elif v == 2:                                # slowlog
        b.d("[").f(t.strftime("%Y-%m-%dT%H:%M:%S,") + _ms(t)).d("][").f(pick(r, ["WARN", "INFO", "TRACE"]))
        b.d(" ][").f(pick(r, ["i.s.s.query", "i.s.s.fetch", "i.i.s.index"])).d(" " * 14 + "] [").f(node)
        b.d("] [").f(_es_index(r)).d("][").f(str(r.randint(0, 9))).d("] ")
        b.f("took").bracketed(V.decimal(r, 1) + pick(r, ["s", "ms"])).d(", ").f("took_millis")
        b.bracketed(V.number(r, 0, 99999)).d(", ").f("total_hits").d("[").f(V.number(r, 0, 99999))
        b.words(" hits").d("], ").f("types").d("[], ").f("stats").d("[], ").f("search_type")
        b.bracketed(pick(r, ["QUERY_THEN_FETCH", "DFS_QUERY_THEN_FETCH"])).d(", ").f("total_shards")
        b.bracketed(str(r.randint(1, 30))).d(", ").f("source").d("[")
        json_value(b, {"query": {"match": {pick(r, COLUMNS): pick(r, _STR_VALUES)}}})
        b.d("], ").f("id").d("[],")
    elif v == 3:                                # 7.x JSON layout
        obj = {"type": pick(r, ["server", "server", "deprecation"]),
               "timestamp": t.strftime("%Y-%m-%dT%H:%M:%S,") + _ms(t) + pick(r, ["Z", "+00:00"]),
               "level": pick(r, ["INFO", "WARN", "DEBUG"]), "component": logger,
               "cluster.name": pick(r, ["docker-cluster", "elasticsearch", "prod-logs"]),
               "node.name": node,
               "message": pick(r, ["started", "publish_address {10.0.0.4:9300}, bound_addresses {0.0.0.0:9300}",
                                   "Cluster health status changed from [YELLOW] to [GREEN] (reason: [shards started]).",
                                   "using discovery type [single-node] and seed hosts providers [settings]",
                                   f"adding template [{_es_index(r)}] for index patterns [logs-*]",
                                   "heap size [1gb], compressed ordinary object pointers [true]",
                                   "failed to parse field [status] of type [long] in document with id '"
                                   f"{r.randint(1, 999)}'. Preview of field's value: \"{pick(r, ['ok', 'N/A', 'abc'])}\""])}
        if chance(r, 0.1):                      # not yet joined a cluster: `"cluster.uuid": ""`
            obj["cluster.uuid"] = ""
        elif chance(r, 0.6):
            obj["cluster.uuid"] = V.ident(r, 22, 22, V.LOWER + "ABCDEFG_-")
            obj["node.id"] = V.ident(r, 22, 22, V.LOWER + "HIJKLMN_-")
        json_value(b, obj, ": ", ", ")
    else:                                       # 8.x ECS JSON
        obj = {"@timestamp": t.strftime("%Y-%m-%dT%H:%M:%S.") + _ms(t) + "Z",
               "log.level": pick(r, ["INFO", "WARN", "ERROR"]),
               "message": pick(r, ["started", "stopping ...", "node name [node-1], node ID [aBcD]",
                                   "Security is enabled", "recovered [12] indices into cluster_state",
                                   f"[{_es_index(r)}] creating index, cause [api], templates [], shards [1]/[1]"]),
               "ecs.version": "1.2.0", "service.name": "ES_ECS", "event.dataset": "elasticsearch.server",
               "process.thread.name": pick(r, ["main", "elasticsearch[node-1][masterService#updateTask][T#1]",
                                               "elasticsearch[node-1][generic][T#3]"]),
               "log.logger": _ES_LONG.get(logger, "org.elasticsearch.cluster.service.MasterService"),
               "elasticsearch.node.name": node,
               "elasticsearch.cluster.name": pick(r, ["docker-cluster", "elasticsearch"])}
        json_value(b, obj, ":", pick(r, [",", ", "]))
    return b
