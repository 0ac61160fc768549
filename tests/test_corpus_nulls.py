"""Rule 8 in the corpus: a ``-`` that fills a value's place is a field, a ``-`` that separates is
a delimiter, an empty value is an empty field ``''`` (fam_nulls, and the web, Python/Java,
logfmt and structured families brought to the convention).

``CONSTRUCTIONS``: a builder call with fixed values, the exact text it writes and its exact
fields (empty fields included).  ``CASES``: for every drawn line of ``family`` whose text matches
``when``, the rendering with ``⟦field⟧`` must match ``expect``; every row applies to a few lines,
so none passes vacuously.
"""
import random
import re

import pytest

from logsplit.fieldspans import empty_positions
from logsplit_train import corpus
from logsplit_train.corpus import fam_nulls as N
from logsplit_train.corpus import fam_structured as S
from logsplit_train.corpus import fam_web as W
from logsplit_train.corpus.builder import Line
from logsplit_train.corpus.fam_db import L
from corpus_checks import check_construction, render  # noqa: F401

TS = "10/Oct/2023:13:55:36 +0000"


def _clf(**kw):
    args = dict(client="10.0.0.5", ident="-", user="-", ts=TS, request="GET / HTTP/1.1",
                status="200", size="-")
    args.update(kw)
    return N.clf_line(Line(), **args)


def _cells(cells, sep, quote=False, between=None):
    b = Line()
    for i, (kind, text) in enumerate(cells):
        if i:
            b.d(sep)
        S._emit_cell(b, kind, text, quote, between=(0 < i < len(cells) - 1) if between is None else between)
    return b


def _logrus(key, text, color=""):
    b = Line()
    S._logrus_value(b, key, text, color)
    return b.sp().f("x")


CONSTRUCTIONS = [
    # CLF: ident, user and size placeholders are fields; "" is one empty field
    ("clf common", lambda: _clf(),
     '10.0.0.5 - - [10/Oct/2023:13:55:36 +0000] "GET / HTTP/1.1" 200 -',
     ["10.0.0.5", "-", "-", TS, "GET / HTTP/1.1", "200", "-"]),
    ("clf 408 no request", lambda: _clf(request="-", status="408", referer="-", ua=""),
     '10.0.0.5 - - [10/Oct/2023:13:55:36 +0000] "-" 408 - "-" ""',
     ["10.0.0.5", "-", "-", TS, "-", "408", "-", "-", ""]),
    ("clf empty request", lambda: _clf(request="", status="400"),
     '10.0.0.5 - - [10/Oct/2023:13:55:36 +0000] "" 400 -',
     ["10.0.0.5", "-", "-", TS, "", "400", "-"]),
    ("lighttpd vhost", lambda: _clf(ident=None, vhost="example.com", user="bob", size="12"),
     '10.0.0.5 example.com bob [10/Oct/2023:13:55:36 +0000] "GET / HTTP/1.1" 200 12',
     ["10.0.0.5", "example.com", "bob", TS, "GET / HTTP/1.1", "200", "12"]),
    ("clf xff tail", lambda: _clf(referer="-", ua="curl/8.4.0", extra=(("q", "-"), "0.003")),
     '10.0.0.5 - - [10/Oct/2023:13:55:36 +0000] "GET / HTTP/1.1" 200 - "-" "curl/8.4.0" "-" 0.003',
     ["10.0.0.5", "-", "-", TS, "GET / HTTP/1.1", "200", "-", "-", "curl/8.4.0", "-", "0.003"]),
    ("fam_web ident/user", lambda: W._ident_user(L().f("1.2.3.4")).d("[").f("x").d("]"),
     "1.2.3.4 - - [x]", ["1.2.3.4", "-", "-", "x"]),
    ("fam_web ident/user named", lambda: W._ident_user(L().f("1.2.3.4"), "frank").d("[").f("x").d("]"),
     "1.2.3.4 - frank [x]", ["1.2.3.4", "-", "frank", "x"]),
    # Squid native: `-` user, HIER_NONE/- peer and `-` type are fields; TCP_MISS/200 one field
    ("squid native", lambda: N.squid_line(Line(), "1286536309.123", "350", "10.0.0.1", "TCP_MISS/200",
                                          "1234", "GET", "http://x/", "-", "HIER_DIRECT", "1.2.3.4", "text/html"),
     "1286536309.123    350 10.0.0.1 TCP_MISS/200 1234 GET http://x/ - HIER_DIRECT/1.2.3.4 text/html",
     ["1286536309.123", "350", "10.0.0.1", "TCP_MISS/200", "1234", "GET", "http://x/", "-",
      "HIER_DIRECT", "1.2.3.4", "text/html"]),
    ("squid denied", lambda: N.squid_line(Line(), "1.000", "0", "10.0.0.1", "TCP_DENIED/403", "0",
                                          "CONNECT", "x.com:443", "bob", "HIER_NONE", "-", "-", pad=0),
     "1.000 0 10.0.0.1 TCP_DENIED/403 0 CONNECT x.com:443 bob HIER_NONE/- -",
     ["1.000", "0", "10.0.0.1", "TCP_DENIED/403", "0", "CONNECT", "x.com", "443", "bob",
      "HIER_NONE", "-", "-"]),
    ("squid error url", lambda: N.squid_line(Line(), "1.000", "5", "10.0.0.1", "NONE_NONE/000", "0",
                                             "NONE", "error:transaction-end-before-headers", "-",
                                             "HIER_NONE", "-", "-", pad=0),
     "1.000 5 10.0.0.1 NONE_NONE/000 0 NONE error:transaction-end-before-headers - HIER_NONE/- -",
     ["1.000", "5", "10.0.0.1", "NONE_NONE/000", "0", "NONE", "error",
      "transaction-end-before-headers", "-", "HIER_NONE", "-", "-"]),
    # IIS / W3C
    ("w3c fields header", lambda: N.w3c_directive(Line(), "Fields", ["date", "time", "cs-uri-query", "cs(User-Agent)"]),
     "#Fields: date time cs-uri-query cs(User-Agent)",
     ["#Fields", "date", "time", "cs-uri-query", "cs", "User-Agent"]),
    ("w3c software header", lambda: N.w3c_directive(Line(), "Software", "Microsoft Internet Information Services 10.0"),
     "#Software: Microsoft Internet Information Services 10.0",
     ["#Software", "Microsoft", "Internet", "Information", "Services", "10.0"]),
    ("iis data line", lambda: N.w3c_line(Line(), ["2023-10-10 13:55:36", "10.0.0.1", "GET", "/index.html",
                                                  "-", "443", "-", "10.0.0.2", "curl/8.4.0", "-", "200"]),
     "2023-10-10 13:55:36 10.0.0.1 GET /index.html - 443 - 10.0.0.2 curl/8.4.0 - 200",
     ["2023-10-10 13:55:36", "10.0.0.1", "GET", "/index.html", "-", "443", "-", "10.0.0.2",
      "curl/8.4.0", "-", "200"]),
    ("cloudfront tab cells", lambda: N.w3c_line(Line(), ["2019-12-04", "21:02:31", "-", "GET"], "\t"),
     "2019-12-04\t21:02:31\t-\tGET", ["2019-12-04", "21:02:31", "-", "GET"]),
    # ELB / ALB: a `-` backend, `-1` times, `-` cipher/protocol; `"- - - "` one field
    ("elb failed backend", lambda: N.elb_line(Line(), "2015-05-13T23:39:43.945958Z", "lb", "1.2.3.4", "2817",
                                              "-", None, "-1", "-1", "-1", "504", "0", "0", "0",
                                              "- - - ", "-", "-", "-"),
     '2015-05-13T23:39:43.945958Z lb 1.2.3.4:2817 - -1 -1 -1 504 0 0 0 "- - - " "-" - -',
     ["2015-05-13T23:39:43.945958Z", "lb", "1.2.3.4", "2817", "-", "-1", "-1", "-1", "504", "0",
      "0", "0", "- - -", "-", "-", "-"]),
    # records: empty cells between two list separators are empty fields, not first/last
    ("csv a,,c", lambda: N.record_line(Line(), ["a", "", "c"], ","), "a,,c", ["a", "", "c"]),
    ("csv a, ,c", lambda: N.record_line(Line(), ["a", "", "c"], ", "), "a, , c", ["a", "", "c"]),
    ("pipe x||y", lambda: N.record_line(Line(), ["x", "", "y"], "|"), "x||y", ["x", "", "y"]),
    ("padded pipe table", lambda: N.record_line(Line(), ["x", "", "y"], " | ", outer=True),
     "| x |  | y |", ["x", "", "y"]),
    ("framed empty first", lambda: N.record_line(Line(), ["", "y"], "|", outer=True), "||y|", ["", "y"]),
    ("leading/trailing empty", lambda: N.record_line(Line(), ["", "b", ""], ";"), ";b;", ["b"]),
    ("semicolon placeholders", lambda: N.record_line(Line(), ["2024-01-01", "-", "", "NULL", "\\N"], ";"),
     "2024-01-01;-;;NULL;\\N", ["2024-01-01", "-", "", "NULL", "\\N"]),
    ("quoted empty", lambda: N.record_line(Line(), ["a", "", "3"], ",", quote=(0, 1)), '"a","",3', ["a", "", "3"]),
    ("tsv empty cell", lambda: N.record_line(Line(), ["a", "", "b"], "\t"), "a\t\tb", ["a", "b"]),
    ("structured cells", lambda: _cells([("a", "1"), ("e", ""), ("e", ""), ("a", "4")], ","), "1,,,4",
     ["1", "", "", "4"]),
    ("structured quoted empty", lambda: _cells([("a", "1"), ("e", "")], ",", quote=True), '"1",""', ["1", ""]),
    ("structured tsv", lambda: _cells([("a", "1"), ("e", ""), ("a", "3")], "\t", between=False), "1\t\t3", ["1", "3"]),
    # key/value: `key=`, `key=""` are empty fields; a coloured logrus key writes `key=""`
    ("logrus bare empty", lambda: _logrus("user", ""), "user= x", ["user", "", "x"]),
    ("logrus quoted", lambda: _logrus("err", "a b"), 'err="a b" x', ["err", "a b", "x"]),
    ("logrus colour empty", lambda: _logrus("user", "", "\x1b[36m"), '\x1b[36muser\x1b[0m="" x', ["user", "", "x"]),
    ("kv dash value", lambda: Line().kv("user", "-").sp().kv("ua", "", q='"').sp().kv("ref", "-", q='"'),
     'user=- ua="" ref="-"', ["user", "-", "ua", "", "ref", "-"]),
    # ` - ` separates: a delimiter; a `-` placeholder inside the message is a field
    ("python default format", lambda: N.dash_line(Line(), ["2024-05-01 10:00:00,123", "app.db", "WARNING"], "pool exhausted"),
     "2024-05-01 10:00:00,123 - app.db - WARNING - pool exhausted",
     ["2024-05-01 10:00:00,123", "app.db", "WARNING", "pool", "exhausted"]),
    ("logger wraps access line",
     lambda: N.dash_line(L(), ["gunicorn.access", "INFO"], lambda b: N.clf_line(
         b, "10.0.0.1", "-", "-", TS, "GET / HTTP/1.1", "200", "-", "-", "curl/8.4.0")),
     'gunicorn.access - INFO - 10.0.0.1 - - [10/Oct/2023:13:55:36 +0000] "GET / HTTP/1.1" 200 - "-" "curl/8.4.0"',
     ["gunicorn.access", "INFO", "10.0.0.1", "-", "-", TS, "GET / HTTP/1.1", "200", "-", "-", "curl/8.4.0"]),
    # column tables (decision 83): `-` flags, a `-` upstream time and a quoted "-" are fields
    ("envoy default", lambda: N.envoy_line(Line(), "2016-04-15T20:17:00.310Z", "POST /api HTTP/2", "204", "-",
                                           "154", "0", "226", "-", "-", "nsq2http", "cc21d9b0",
                                           "locations", "tcp://10.0.2.1:80"),
     '[2016-04-15T20:17:00.310Z] "POST /api HTTP/2" 204 - 154 0 226 - "-" "nsq2http" "cc21d9b0" "locations" "tcp://10.0.2.1:80"',
     ["2016-04-15T20:17:00.310Z", "POST /api HTTP/2", "204", "-", "154", "0", "226", "-", "-",
      "nsq2http", "cc21d9b0", "locations", "tcp://10.0.2.1:80"]),
    ("ls -l mode and symlink", lambda: N.ls_line(Line(), "lrwxrwxrwx", "1", "root", "root", "7", "Mar  1  2023", "bin", "usr/bin"),
     "lrwxrwxrwx 1 root root     7 Mar  1  2023 bin -> usr/bin",
     ["lrwxrwxrwx", "1", "root", "root", "7", "Mar  1  2023", "bin", "usr/bin"]),
    ("ls -l plain file", lambda: N.ls_line(Line(), "-rw-r--r--", "1", "bob", "staff", "4096", "Dec  2 10:00", "notes.txt"),
     "-rw-r--r-- 1 bob staff  4096 Dec  2 10:00 notes.txt",
     ["-rw-r--r--", "1", "bob", "staff", "4096", "Dec  2 10:00", "notes.txt"]),
]


@pytest.mark.parametrize("name,build,text,fields", CONSTRUCTIONS, ids=[c[0] for c in CONSTRUCTIONS])
def test_construction_fields(name, build, text, fields):
    s = build().build()
    assert s.text == text
    assert s.fields == fields
    # the declared empty fields are exactly the ones the runtime derives from the delimiters
    assert empty_positions(s.text, s.mask) == list(s.empties or [])




FAMS = ("squid", "iis_w3c", "clf_variants", "null_exports", "elb_access", "dash_separated",
        "apache_access", "nginx_access", "express", "python_logging", "logfmt", "tsv_records",
        "csv_records", "kv_pairs", "pipe_records", "column_tables")


@pytest.fixture(scope="module")
def drawn():
    return {f: corpus.generate(1500, seed=8, families=[f]) for f in FAMS}


CLF_HEAD = r"^⟦[^⟧]+⟧ ⟦(-|[^⟧ ]+)⟧ ⟦(-|[^⟧ ]+)⟧ \[⟦\d\d/\w{3}/\d{4}:\d\d:\d\d:\d\d [+-]\d{4}⟧\] "
CASES = [
    # CLF-shaped lines: ident and user are fields, so the timestamp is always field 4
    ("apache_access", r"^\S+ - - \[", r"⟦-⟧ ⟦-⟧ \[⟦"),
    ("nginx_access", r"^\S+ - - \[", CLF_HEAD),
    ("clf_variants", r"^\S+ - \S+ \[", CLF_HEAD),
    ("express", r"^\S+ - - \[", r"^⟦[^⟧]+⟧ ⟦-⟧ ⟦-⟧ \["),
    ("python_logging", r" - - \[", r"⟦-⟧ ⟦-⟧ \[⟦"),
    # a `-` size is a field
    ("apache_access", r'" \d{3} -( |$)', r'" ⟦\d{3}⟧ ⟦-⟧'),
    ("clf_variants", r'" \d{3} -( |$)', r'" ⟦\d{3}⟧ ⟦-⟧'),
    # morgan tiny: the `-` length is a field, the literal ` - ` before the time a delimiter
    ("express", r" \d{3} - - [\d.]+ ms$", r"⟦\d{3}⟧ ⟦-⟧ - ⟦[\d.]+⟧ ⟦ms⟧$"),
    ("dash_separated", r" \d{3} - - [\d.]+ ms$", r"⟦\d{3}⟧ ⟦-⟧ - ⟦[\d.]+⟧ ⟦ms⟧$"),
    # morgan short: `:remote-addr :remote-user :method`
    ("express", r"^\S+ - (GET|POST|PUT|DELETE|HEAD|PATCH|OPTIONS) ", r"^⟦[^⟧]+⟧ ⟦-⟧ ⟦[A-Z]+⟧ "),
    # Python logging's ` - ` stays a delimiter, also before an access line's `- -`
    ("python_logging", r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} - ", r"^⟦[^⟧]+⟧ - ⟦[\w.]+⟧ - ⟦[A-Z]+⟧ - "),
    ("dash_separated", r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} - \S+ - [A-Z]+ - ", r"^⟦[^⟧]+⟧ - ⟦[\w.]+⟧ - ⟦[A-Z]+⟧ - ⟦"),
    ("dash_separated", r" - [A-Z]+ - [\d.]+ - - \[", r" - ⟦[A-Z]+⟧ - ⟦[\d.]+⟧ ⟦-⟧ ⟦(-|[^⟧ ]+)⟧ \["),
    ("dash_separated", r":\d+ - \"", r"⟦\d+⟧ - \"⟦"),                       # uvicorn
    ("dash_separated", r"\w=-( |$)", r"⟦\w+⟧=⟦-⟧"),
    ("dash_separated", r"\w: -( |,|$)", r"⟦\w+⟧: ⟦-⟧"),
    # Squid: `-` user and `HIER_NONE/-` are fields
    ("squid", r" - HIER_", r"⟧ ⟦-⟧ ⟦HIER_[A-Z_]+⟧/⟦"),
    ("squid", r"HIER_NONE/- ", r"⟦HIER_NONE⟧/⟦-⟧ ⟦"),
    ("squid", r" TCP_\w+/\d{3} ", r" ⟦TCP_\w+/\d{3}⟧ "),
    # W3C: data lines keep their column count (the `-` cells are fields)
    ("iis_w3c", r"^\d{4}-", lambda s: len(s.fields) in (14, 21, 11)),
    ("iis_w3c", r"^#Fields: ", r"^⟦#Fields⟧: ⟦date⟧ ⟦time⟧ "),
    ("iis_w3c", r" - ", lambda s: "-" in s.fields),
    # ELB / ALB: a `-` backend and `-` TLS columns are fields, ARNs one field
    ("elb_access", r"^\d{4}-\S+ \S+ \S+ - -1 ", r"⟧ ⟦-⟧ ⟦-1⟧ ⟦-1⟧ ⟦-1⟧ ⟦\d{3}⟧ "),
    ("elb_access", r" - -$", r" ⟦-⟧ ⟦-⟧$"),
    ("elb_access", r":targetgroup/", r" ⟦arn:aws:elasticloadbalancing:[\w-]+:\d{12}:targetgroup/[\w-]+/[0-9a-f]{16}⟧ "),
    ("elb_access", r"\t", r"^⟦\d{4}-\d\d-\d\d⟧\t⟦\d\d:\d\d:\d\d⟧\t"),
    # empty values
    ("logfmt", r'\w=""', r'⟦\w+⟧="⟦⟧"'),
    ("logfmt", r"\w=( |$)", r"⟦\w+⟧=⟦⟧( |$)"),
    ("null_exports", r"[,;|] *[,;|]", lambda s: "" in s.fields),
    ("csv_records", r",,", lambda s: "" in s.fields),
    ("tsv_records", r"\t-(\t|$)", r"\t⟦-⟧"),
    ("kv_pairs", r"[a-z]=( |$)", r"⟦[\w.-]+⟧=⟦⟧"),
    # placeholder words in cells are fields (decision 80)
    ("csv_records", r"(^|,)(NULL|N/A|\\N)(,|$)", r"⟦(NULL|N/A|\\N)⟧"),
    ("tsv_records", r"\t(NULL|N/A|\\N|--)(\t|$)", r"\t⟦(NULL|N/A|\\N|--)⟧"),
    ("pipe_records", r"\| (NULL|N/A|\\N|-) +\|", r"\| ⟦(NULL|N/A|\\N|-)⟧ +\|"),
    # column tables (decision 83): dash columns are fields, ` -> ` and ` - ` delimit
    ("column_tables", r"^[-dl][-rwx]{9}", r"^⟦[-dl][-rwx]{9}[.@+]?⟧ ⟦\d+⟧ "),
    ("column_tables", r" -> ", r"⟧ -> ⟦"),
    ("column_tables", r"^\[[^]]+\] \"[^\"]+\" \d{3} - ", r"\" ⟦\d{3}⟧ ⟦-⟧ ⟦\d+⟧ "),
    ("column_tables", r'"-"', r'"⟦-⟧"'),
    ("column_tables", r"(ESTABLISHED|TIME_WAIT|CLOSE_WAIT|SYN_SENT|FIN_WAIT2|LAST_ACK) +-$", r" +⟦-⟧$"),
    ("column_tables", r" - +\[", r" ⟦-⟧ +\[⟦"),
    ("column_tables", r"\[[\w-]+\] [\w.$]+ - ", r"⟧ - ⟦"),
    ("column_tables", r" - - ", r"⟦-⟧ ⟦-⟧"),
    ("column_tables", r" - -+ ", r"⟦-⟧ ⟦-+⟧"),
    ("column_tables", r"^\w+\d\s+-+\s", r"^⟦\w+⟧\s+⟦-+⟧\s"),
    ("column_tables", r"flags=-+ ", r"⟦flags⟧=⟦-+⟧ "),
]


@pytest.mark.parametrize("family,when,expect", CASES, ids=[f"{c[0]}:{c[1][:30]}" for c in CASES])
def test_family_construction(drawn, family, when, expect):
    check_construction(drawn[family], when, expect)


def test_no_lone_dash_delimiter_in_placeholder_formats(drawn):
    """Squid, IIS, ELB and CSV exports have no `-` separator: every lone `-` is a field."""
    for fam in ("squid", "iis_w3c", "elb_access", "null_exports"):
        for s in drawn[fam]:
            for m in re.finditer(r"(?<![^\s,;|\t])-(?![^\s,;|\t])", s.text):
                assert s.mask[m.start()] == 0, (fam, render(s))


def test_nulls_deterministic():
    for f in ("squid", "iis_w3c", "clf_variants", "null_exports", "elb_access", "dash_separated"):
        a = [s.text for s in corpus.generate(40, seed=1, families=[f])]
        assert a == [s.text for s in corpus.generate(40, seed=1, families=[f])]
        assert a != [s.text for s in corpus.generate(40, seed=2, families=[f])]


def test_record_line_matches_derivation_randomised():
    """Any mix of empty and filled cells under any separator declares exactly the derived
    empty fields."""
    r = random.Random(4)
    for _ in range(2000):
        cells = [r.choice(["", "", "a", "7", "-"]) for _ in range(r.randint(1, 7))]
        sep = r.choice([",", ";", "|", ", ", " | ", "; ", "\t"])
        s = N.record_line(Line(), cells, sep, outer=r.random() < 0.3 and sep.strip() == "|").build()
        assert empty_positions(s.text, s.mask) == list(s.empties), (cells, sep, s.text)
