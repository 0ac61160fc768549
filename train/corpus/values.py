"""Random values that real logs carry, each returned as the text of ONE field.

Every function takes a ``random.Random`` so the corpus is seeded and deterministic.  Composite
shapes (host:port, key=value lists, prose) are built with :class:`builder.Line` in the families.

>>> import random; r = random.Random(1)
>>> ip4(r).count(".")
3
"""
from __future__ import annotations

import datetime as _dt
import random
import string

LOWER = string.ascii_lowercase
HEX = "0123456789abcdef"

WORDS = """error warning failed success started stopped connection connected closed timeout
request response received sending sent reading writing opened user session client server
worker thread task job process node cluster block file disk memory cache queue message event
update updated delete deleted create created load loaded save saved start stop restart retry
retrying invalid valid unknown missing found not no yes ok ready done complete completed
initializing initialized shutting down up registered unregistered accepted rejected denied
allowed authentication authorization password token key value config configuration service
handler listener scheduler executor container pod volume network interface route packet
backend frontend upstream downstream proxy gateway database table index query transaction
commit rollback lock unlock acquired released waiting blocked running pending healthy
unhealthy checkpoint snapshot replica leader follower election vote heartbeat lease
cannot could should will was is are the a an of to for from in on at by with without after
before during into over while""".split()

NAMES = """alice bob carol dave eve frank grace heidi ivan judy mallory oscar peggy trent victor
walter admin root www-data nobody postgres mysql redis deploy jenkins ubuntu ec2-user git
svc_backup test guest operator""".split()

HOSTS = """web01 web-02 db1 db-primary cache3 api-gw lb01 node-7 worker12 ip-10-0-3-17 combo
LabSZ mesos-master-1 kafka-broker-2 esx04 nas hadoop-slave3 spark-exec-9 k8s-node-a1
build-agent-5""".split()

TLDS = ["com", "net", "org", "io", "de", "cn", "local", "internal", "edu.hk"]
LEVELS = ["INFO", "WARN", "ERROR", "DEBUG", "TRACE", "FATAL", "WARNING", "CRITICAL", "NOTICE"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
JAVA_PKGS = """org.apache.hadoop.hdfs org.apache.spark.storage com.example.billing io.netty.channel
org.springframework.web.servlet org.eclipse.jetty.server com.zaxxer.hikari kafka.server
org.apache.zookeeper.server org.elasticsearch.cluster.service""".split()
JAVA_CLASSES = """DataNode BlockManager Executor TaskSetManager NioEventLoop DispatcherServlet
HikariPool QuorumPeer ReplicaManager MasterService FSNamesystem ContainerLauncherImpl
RMContainerAllocator LeaderElector""".split()
HTTP_METHODS = ["GET", "POST", "PUT", "DELETE", "HEAD", "PATCH", "OPTIONS"]
URL_WORDS = ["api", "v1", "v2", "users", "orders", "static", "img", "login", "health",
             "metrics", "search", "cart", "items", "admin", "assets", "js", "css", "auth"]
EXTS = ["log", "txt", "conf", "json", "xml", "py", "java", "go", "so", "dll", "properties",
        "jar", "gz", "png", "html", "yaml"]


def pick(r: random.Random, seq):
    return seq[r.randrange(len(seq))]


def chance(r: random.Random, p: float) -> bool:
    return r.random() < p


def word(r):
    return pick(r, WORDS)


def ident(r, n_min=3, n_max=12, alphabet=LOWER):
    return "".join(r.choice(alphabet) for _ in range(r.randint(n_min, n_max)))


def camel(r, parts=(1, 3)):
    return "".join(pick(r, WORDS).capitalize() for _ in range(r.randint(*parts)))


def number(r, lo=0, hi=100000):
    return str(r.randint(lo, hi))


def big_number(r):
    return str(r.randint(10 ** r.randint(1, 6), 10 ** r.randint(7, 19)))


def signed(r):
    return str(r.randint(-10 ** r.randint(1, 19), 10 ** r.randint(1, 19)))


def decimal(r, places=None):
    p = places if places is not None else r.randint(1, 6)
    return f"{r.uniform(0, 10 ** r.randint(0, 5)):.{p}f}"


def hexstr(r, n=None, prefix=None):
    n = n or r.randint(4, 16)
    h = "".join(r.choice(HEX) for _ in range(n))
    if prefix is None:
        prefix = "0x" if chance(r, 0.5) else ""
    return prefix + h


def uuid(r):
    h = "".join(r.choice(HEX) for _ in range(32))
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def ip4(r):
    first = pick(r, [10, 172, 192, 127, r.randint(1, 223)])
    return ".".join([str(first)] + [str(r.randint(0, 255)) for _ in range(3)])


def ip6(r):
    groups = [format(r.randint(0, 0xFFFF), "x") for _ in range(8)]
    form = r.randint(0, 3)
    if form == 0:
        return ":".join(groups)
    if form == 1:
        return "fe80::" + ":".join(groups[4:])
    if form == 2:
        return "2001:db8::" + groups[7]
    return "::1" if chance(r, 0.5) else "::ffff:" + ip4(r)


def mac(r):
    sep = pick(r, [":", "-"])
    return sep.join(format(r.randint(0, 255), "02x") for _ in range(6))


def port(r):
    return str(pick(r, [22, 80, 443, 8080, 8443, 3306, 5432, 6379, 9092, 2181, 50010,
                        r.randint(1024, 65535)]))


def hostname(r, fqdn=None):
    h = pick(r, HOSTS)
    if fqdn or (fqdn is None and chance(r, 0.4)):
        h += "." + ident(r, 3, 8) + "." + pick(r, TLDS)
    return h


def email(r):
    return f"{pick(r, NAMES).replace('_', '.')}@{ident(r, 3, 8)}.{pick(r, TLDS)}"


def user(r):
    return pick(r, NAMES) if chance(r, 0.7) else ident(r, 3, 10)


def unix_path(r, ext=None):
    depth = r.randint(1, 5)
    parts = [pick(r, ["var", "usr", "etc", "opt", "home", "tmp", "srv", "data", "lib"])]
    parts += [pick(r, URL_WORDS + WORDS[:20] + [ident(r, 2, 8)]) for _ in range(depth - 1)]
    name = ident(r, 3, 10) + "." + (ext or pick(r, EXTS)) if chance(r, 0.7) else ident(r, 3, 8)
    return "/" + "/".join(parts + [name])


def win_path(r):
    parts = [pick(r, ["Windows", "Program Files", "Users", "ProgramData", "inetpub"])]
    parts += [pick(r, ["System32", "winsxs", "Logs", "CBS", "wwwroot", "AppData", "Temp",
                       ident(r, 3, 8)]) for _ in range(r.randint(0, 3))]
    if chance(r, 0.15):  # a servicing or WinSxS directory named by a hash
        parts.append(hexstr(r, 7, "") if chance(r, 0.5) else f"{hexstr(r, 4, '')}_{ident(r, 3, 8)}")
    leaf = ident(r, 3, 10)
    if chance(r, 0.1):  # a glob pattern: `*_all.sqm`, `*.log`
        leaf = pick(r, ["*_", "*"]) + (leaf if chance(r, 0.7) else "")
    parts.append(leaf + "." + pick(r, ["dll", "exe", "log", "sys", "mum", "cab", "sqm", "etl"]))
    drive = pick(r, ["C", "D", "E"])
    return f"{drive}:\\" + "\\".join(p for p in parts if " " not in p or chance(r, 0.0))


def url_path(r, query=None):
    p = "/" + "/".join(pick(r, URL_WORDS) if chance(r, 0.8) else number(r, 1, 9999)
                       for _ in range(r.randint(1, 4)))
    if query or (query is None and chance(r, 0.35)):
        p += "?" + "&".join(f"{pick(r, ['id', 'q', 'page', 'sort', 'token', 'lang'])}="
                            f"{pick(r, [number(r, 1, 999), ident(r, 2, 8)])}"
                            for _ in range(r.randint(1, 3)))
    return p


def url(r):
    scheme = pick(r, ["http", "https", "https", "ftp", "s3", "hdfs"])
    host = hostname(r, fqdn=True) if chance(r, 0.7) else ip4(r)
    if chance(r, 0.3):
        host += ":" + port(r)
    return f"{scheme}://{host}{url_path(r)}"


def java_class(r, inner=None):
    c = pick(r, JAVA_PKGS) + "." + pick(r, JAVA_CLASSES)
    if inner or (inner is None and chance(r, 0.15)):
        c += "$" + camel(r, (1, 2))
    return c


def short_class(r):
    """Loghub-style abbreviated class (``dfs.DataNode``, ``spark.SecurityManager``)."""
    return pick(r, ["dfs", "spark", "storage", "executor", "scheduler", "mapred", "ipc",
                    "server", "util"]) + "." + pick(r, JAVA_CLASSES)


def version(r):
    v = ".".join(str(r.randint(0, 20)) for _ in range(r.randint(2, 4)))
    return pick(r, ["", "v", "V"]) + v


def duration(r):
    unit = pick(r, ["ms", "s", "us", "µs", "m", "h", "ns", "sec", "secs"])
    v = number(r, 0, 5000) if chance(r, 0.6) else decimal(r, r.randint(1, 3))
    if chance(r, 0.2):
        return f"{r.randint(0, 59)}m{r.randint(0, 59)}.{r.randint(0, 999)}s"
    return v + unit


def size(r):
    unit = pick(r, ["B", "KB", "MB", "GB", "kB", "KiB", "MiB", "GiB", "b", "k", "M"])
    return (number(r, 0, 99999) if chance(r, 0.6) else decimal(r, r.randint(1, 2))) + unit


def percent(r):
    return (number(r, 0, 100) if chance(r, 0.5) else decimal(r, r.randint(1, 2))) + "%"


def blk(r):
    return "blk_" + ("-" if chance(r, 0.5) else "") + str(r.randint(10 ** 17, 10 ** 19))


def level(r, style=None):
    lv = pick(r, LEVELS)
    if style == "lower":
        return lv.lower()
    if style == "short":
        return lv[0]
    return lv


# ----------------------------------------------------------------------------- timestamps
def moment(r) -> _dt.datetime:
    base = _dt.datetime(2005, 1, 1) + _dt.timedelta(seconds=r.randint(0, 21 * 365 * 86400))
    return base.replace(microsecond=r.randint(0, 999999))


def timestamp(r, style=None) -> str:
    """A timestamp in one of many real formats (one field, inner spaces included)."""
    t = moment(r)
    styles = list(TIMESTAMP_STYLES)
    style = style or pick(r, styles)
    return TIMESTAMP_STYLES[style](r, t)


def _ms(t):
    return f"{t.microsecond // 1000:03d}"


def _zone(r):
    return pick(r, ["Z", "+00:00", "+0000", "-0700", "+05:30", "+01:00", "-05:00"])


TIMESTAMP_STYLES = {
    "iso_t": lambda r, t: t.strftime("%Y-%m-%dT%H:%M:%S") + pick(r, ["", "." + _ms(t), f".{t.microsecond:06d}", "", "." + _ms(t), "," + _ms(t)]) + pick(r, ["", _zone(r)]),
    "iso_space": lambda r, t: t.strftime("%Y-%m-%d %H:%M:%S") + pick(r, ["", "," + _ms(t), "." + _ms(t), f".{t.microsecond:06d}"]),
    "iso_zone": lambda r, t: t.strftime("%Y-%m-%d %H:%M:%S") + "." + _ms(t) + " " + pick(r, ["UTC", "+0000", "CET", "-0800"]),
    "epoch": lambda r, t: str(int(t.timestamp())),
    "epoch_ms": lambda r, t: str(int(t.timestamp() * 1000)),
    "epoch_frac": lambda r, t: f"{t.timestamp():.3f}",
    "syslog": lambda r, t: t.strftime("%b ") + f"{t.day:>2}" + t.strftime(" %H:%M:%S"),
    "apache": lambda r, t: t.strftime("%d/%b/%Y:%H:%M:%S ") + pick(r, ["+0000", "-0700", "+0200"]),
    "apache_err": lambda r, t: t.strftime("%a %b %d %H:%M:%S") + pick(r, ["", "." + f"{t.microsecond:06d}"]) + t.strftime(" %Y"),
    "yymmdd": lambda r, t: t.strftime("%y%m%d %H%M%S"),
    "dd_mm_yy": lambda r, t: t.strftime("%d/%m/%y %H:%M:%S"),
    "yy_mm_dd": lambda r, t: t.strftime("%y/%m/%d %H:%M:%S"),
    # 24-hour clock, or a 12-hour clock with its AM/PM (never `15:30:22 PM`)
    "us_date": lambda r, t: t.strftime("%m/%d/%Y %H:%M:%S") if r.random() < 0.5 else t.strftime("%m/%d/%Y %I:%M:%S %p"),
    "slash_iso": lambda r, t: t.strftime("%Y/%m/%d %H:%M:%S") + pick(r, ["", "." + _ms(t)]),
    "mm_dd_time": lambda r, t: t.strftime("%m-%d %H:%M:%S.") + _ms(t),
    "klog": lambda r, t: t.strftime("%m%d %H:%M:%S.") + f"{t.microsecond:06d}",
    "dot_date": lambda r, t: t.strftime("%Y-%m-%d-%H.%M.%S.") + f"{t.microsecond:06d}",
    "compact": lambda r, t: t.strftime("%Y%m%d-%H:%M:%S:") + _ms(t),
    "rfc2822": lambda r, t: t.strftime("%a, %d %b %Y %H:%M:%S ") + pick(r, ["GMT", "+0000"]),
    "time_only": lambda r, t: t.strftime("%H:%M:%S") + pick(r, ["", "." + _ms(t), "," + _ms(t)]),
    "date_only": lambda r, t: t.strftime(pick(r, ["%Y-%m-%d", "%d.%m.%Y", "%Y/%m/%d"])),
    "ctime": lambda r, t: t.strftime("%a %b ") + f"{t.day:>2}" + t.strftime(" %H:%M:%S %Y"),
    # styles below were added so that the model learns where a timestamp ends: a numeric or
    # named zone after the time belongs to it, a following pid or count does not
    "iso_space_zone": lambda r, t: t.strftime("%Y-%m-%d %H:%M:%S") + pick(r, ["", "." + _ms(t)]) + " " + pick(r, ["+0200", "-0700", "+0000", "UTC", "+05:30", "Z", "+02", "-03"]),
    "iso_nano": lambda r, t: t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond:06d}{r.randint(0, 999):03d}" + pick(r, ["Z", "+00:00", "-07:00"]),
    "ctime_noyear": lambda r, t: t.strftime("%a %b ") + pick(r, [f"{t.day:>2}", f"{t.day:02d}"]) + t.strftime(" %H:%M:%S") + pick(r, ["", "." + _ms(t)]),
    "date_cmd": lambda r, t: t.strftime("%a %b ") + f"{t.day:>2}" + t.strftime(" %H:%M:%S ") + pick(r, ["UTC", "EDT", "PST", "CET", "CEST", "GMT"]) + t.strftime(" %Y"),
    "java_util": lambda r, t: t.strftime("%b %d, %Y ") + str(int(t.strftime("%I"))) + t.strftime(":%M:%S %p"),
    "tomcat": lambda r, t: t.strftime("%d-%b-%Y %H:%M:%S.") + _ms(t),
    "dot_md_time": lambda r, t: t.strftime("%m.%d %H:%M:%S"),
    "syslog_ms": lambda r, t: t.strftime("%b ") + f"{t.day:>2}" + t.strftime(" %H:%M:%S.") + _ms(t),
    "syslog_year": lambda r, t: pick(r, [t.strftime("%Y %b %d %H:%M:%S"), t.strftime("%b %d %Y %H:%M:%S")]),
    "dmy_time": lambda r, t: t.strftime(pick(r, ["%d.%m.%Y %H:%M:%S", "%d/%m/%Y %H:%M:%S", "%d-%m-%Y %H:%M:%S"])),
    "csi": lambda r, t: f"{t.year}/{t.month}/{t.day}:" + t.strftime("%H:%M:%S.") + _ms(t),
    # log4j %d{DATE} `23 Jul 2017 00:10:51,627`, and day-month without a year
    "day_mon": lambda r, t: t.strftime("%d %b " + pick(r, ["%Y ", ""]) + "%H:%M:%S") + pick(r, ["", "," + _ms(t), "." + _ms(t)]),
    "dot_ymd": lambda r, t: t.strftime("%Y.%m.%d") + pick(r, ["", t.strftime(" %H:%M:%S")]),
}
