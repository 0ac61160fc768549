"""Syslog and the Linux kernel: RFC 3164, RFC 5424, journalctl output, dmesg, iptables.

Also the helpers the other system-log modules (``fam_auth``, ``fam_platform``) share:

* :func:`header` appends a syslog-style prefix (``Oct 10 13:55:36 host prog[pid]: ``, ISO
  high-precision, RFC 5424, journald, bare ``prog[pid]: ``) before a message;
* :func:`tpl` compiles a message *template* the generator composed once, at import time, into
  a list of field/delimiter operations.  ``{name}`` is a slot filled per line by a typed value
  generator (which calls ``.f()``/``.d()`` itself); ``«text»`` is a literal field, ``‹text›`` a
  literal delimiter.  The constant words of a template are labeled by the convention (blank,
  bracket, quote, ``=`` ``,`` ``;`` ``|`` ``:`` ``@`` are delimiters; sentence punctuation at a
  word's end and a ``-`` ``--`` ``->`` ``*`` ``#`` ``/`` ``&&`` ``||`` standing alone are
  delimiters; text between double quotes is one field; a ``key=`` before a blank or the end and
  empty quotes ``""`` declare an empty field, rule 8).  A ``-`` that holds a value's place in a
  template is written ``«-»`` (a field, rule 8).  This only ever sees constant text written in
  this source; the random values are fields by construction.
* :func:`control_noise` adds ANSI sequences, NUL, BEL and stray ``\\r`` as delimiters (rule 6).

>>> import random
>>> ops = tpl("Started {n} - 'exit-code'. «a:b» ‹/›{n}, done.", SLOTS)
>>> s = emit(random.Random(1), Line(), ops).build()
>>> s.text == "Started 1 - 'exit-code'. a:b /8, done.", s.fields
(True, ['Started', '1', 'exit-code', 'a:b', '8', 'done'])
"""
from __future__ import annotations

import re

from . import family
from . import values as V
from .builder import Line
from .messages import message

# ============================================================================ fast draws
def _ri(r, lo: int, hi: int) -> int:
    """``r.randint`` without its argument checks (the corpus draws millions of these)."""
    return lo + int(r.random() * (hi - lo + 1))


def _rr(r, n: int) -> int:
    return int(r.random() * n)


def _pick(r, seq):
    return seq[int(r.random() * len(seq))]


def _chance(r, p: float) -> bool:
    return r.random() < p


# ============================================================================ templates
_TOKEN = re.compile(r"\{(\w+)\}|«([^»]*)»|‹([^›]*)›")
_DELIM_CHARS = frozenset(' \t[](){}<>"=,;|:@')
_STANDALONE = frozenset({"-", "--", "->", "=>", "*", "#", "/", "&&", "||", "...", ":", "|"})
_FIELD, _DELIM, _SLOT = 0, 1, 2


def _label_const(s: str, lglued: bool, rglued: bool) -> list[tuple[int, str]]:
    """Label constant template text (outside quotes).  ``lglued``/``rglued``: a value is glued
    directly to the left/right end of ``s`` (so the first/last word continues that value)."""
    n = len(s)
    lab = [1] * n
    for m in re.finditer(r"[^ \t]+", s):
        a, z = m.span()
        w = m.group()
        lopen = a == 0 and lglued
        ropen = z == n and rglued
        if not lopen and not ropen and (w in _STANDALONE or set(w) == {"-"}):
            continue                                        # standalone separator
        for j in range(a, z):
            c = s[j]
            if c in _DELIM_CHARS:
                continue
            if c == "'":
                before = (j == a and not lopen) or (j > a and (s[j - 1] in _DELIM_CHARS
                                                                or s[j - 1] == "'"))
                after = (j == z - 1 and not ropen) or (j + 1 < z and s[j + 1] in
                                                        _DELIM_CHARS | set("'.!?"))
                if before or after:
                    continue                                # a quote, not an apostrophe
            lab[j] = 0
        # sentence punctuation ending a run of field characters
        j = a
        while j < z:
            if lab[j]:
                j += 1
                continue
            k = j
            while k < z and not lab[k]:
                k += 1
            if k < z or not ropen:
                e = k
                while e > j and s[e - 1] in ".!?":
                    e -= 1
                for x in range(e, k):
                    lab[x] = 1
                # a run of punctuation alone (``++``, ``%%``, ``~``) is a separator, not a value
                if not (j == a and lopen) and not (k == z and ropen) and \
                        not any(ch.isalnum() for ch in s[j:e]):
                    for x in range(j, e):
                        lab[x] = 1
            j = k
    out: list[tuple[int, str]] = []
    for c, l in zip(s, lab):
        if out and out[-1][0] == l:
            out[-1] = (l, out[-1][1] + c)
        else:
            out.append((l, c))
    return out


def tpl(text: str, slots: dict) -> list:
    """Compile a template (see the module docstring) into ``[(kind, payload), ...]``."""
    pieces = []                      # ("c", text) | ("q", text inside quotes) | ("s", fn) | ...
    pos = 0
    for m in _TOKEN.finditer(text):
        if m.start() > pos:
            pieces.append(("c", text[pos:m.start()]))
        if m.group(1) is not None:
            pieces.append(("s", slots[m.group(1)]))
        elif m.group(2) is not None:
            pieces.append(("F", m.group(2)))
        else:
            pieces.append(("D", m.group(3)))
        pos = m.end()
    if pos < len(text):
        pieces.append(("c", text[pos:]))
    # double quotes: the quotes are delimiters, everything between them one field
    split, inq = [], False
    for k, p in pieces:
        if k == "s" and inq:
            split.append(("s", _flat(p)))           # a value inside quotes is part of one field
            continue
        if k != "c":
            split.append((k, p))
            continue
        i = 0
        while i <= len(p):
            j = i
            while j < len(p) and not (p[j] == '"' and (j == 0 or p[j - 1] != "\\")):
                j += 1
            if j > i:
                split.append(("F" if inq else "c", p[i:j]))
            if j < len(p):
                split.append(("D", '"'))
                inq = not inq
            i = j + 1
    if inq:
        raise ValueError(f"unbalanced quote in template {text!r}")
    ops: list = []
    for i, (k, p) in enumerate(split):
        if k == "c":
            lg = i > 0 and split[i - 1][0] in "sF"
            rg = i + 1 < len(split) and split[i + 1][0] in "sF"
            ops.extend(_label_const(p, lg, rg))
        elif k == "s":
            ops.append((_SLOT, p))
        elif k == "F":
            ops.append((_FIELD, p))
        else:
            ops.append((_DELIM, p))
    return _declare_empties(ops)


_EMPTY = 3
_AFTER_KEY_EMPTY = frozenset(" \t,;|")


def _declare_empties(ops: list) -> list:
    """Rule 8 in constant template text: a ``key=`` glued to its key and followed by a blank,
    a list separator or the end (``ruser= rhost=``, ``bcdDevice= 1.93``), and empty quotes
    standing as a value (``rdomain ""``), give an empty field: declare it where
    :func:`logsplit.fieldspans.empty_positions` derives it (a slot is taken to end in a field)."""
    out: list = []
    n = len(ops)
    for i, (kind, p) in enumerate(ops):
        if kind != _DELIM:
            out.append((kind, p))
            continue
        prev_field = bool(out) and out[-1][0] in (_FIELD, _SLOT)
        nxt = ops[i + 1] if i + 1 < n else None
        if p == '"' and nxt == (_DELIM, '"'):
            before = out[-1] if out else None
            glued = before is not None and (before[0] in (_FIELD, _SLOT)
                                            or before[1][-1:] in "\"'")
            out.append((kind, p))
            if not glued:
                out.append((_EMPTY, ""))
            continue
        piece = ""
        for j, c in enumerate(p):
            piece += c
            if c != "=" or not (j == 0 and prev_field):
                continue
            if j + 1 < len(p):
                follows = p[j + 1] in _AFTER_KEY_EMPTY
            else:
                follows = nxt is None or (nxt[0] == _DELIM and nxt[1][:1] in _AFTER_KEY_EMPTY)
            if follows:
                out.append((_DELIM, piece))
                out.append((_EMPTY, ""))
                piece = ""
        if piece:
            out.append((_DELIM, piece))
    return out


def _flat(fn):
    """Wrap a slot so that everything it writes becomes field text (inside a quoted string)."""
    def flat(r, b, c):
        sub = Line()
        fn(r, sub, c)
        b.f(sub.text)
    return flat


def tpls(slots: dict, *texts: str) -> list:
    return [tpl(t, slots) for t in texts]


def emit(r, b: Line, ops, ctx=None) -> Line:
    """Append a compiled template to ``b``."""
    if ctx is None:
        ctx = {}
    for kind, p in ops:
        if kind == _FIELD:
            b.f(p)
        elif kind == _DELIM:
            b.d(p)
        elif kind == _EMPTY:
            b.empty()
        else:
            p(r, b, ctx)
    return b


def one_of(*xs):
    """A slot that is a random choice among constant values (each one field)."""
    return lambda r, b, c: b.f(_pick(r, xs))


def ints(lo, hi):
    return lambda r, b, c: b.f(str(_ri(r, lo, hi)))


def _msg(r, b, c):
    message(r, b)


def _ipport(r, b, c):
    b.f(V.ip4(r)).d(":").f(V.port(r))


def _hex(r, b, c):
    b.f(V.hexstr(r, prefix="0x"))


IFACES = ["eth0", "eth1", "ens3", "ens33", "enp0s3", "enp3s0f1", "eno1", "wlan0", "wlp2s0",
          "br0", "docker0", "bond0", "virbr0", "veth3f1a2b7", "lo", "tun0", "wg0"]
UNITS = ["nginx.service", "ssh.service", "sshd.service", "docker.service", "cron.service",
         "containerd.service", "systemd-journald.service", "apt-daily.service",
         "apt-daily-upgrade.timer", "logrotate.service", "postgresql.service",
         "NetworkManager.service", "snapd.service", "unattended-upgrades.service",
         "kubelet.service", "redis-server.service", "mysql.service", "fstrim.timer",
         "systemd-tmpfiles-clean.service", "session-12.scope", "getty@tty1.service",
         "user@1000.service", "motd-news.timer", "man-db.service", "rsyslog.service",
         "openvpn@client.service", "systemd-fsck@dev-disk-by\\x2duuid-4f2a.service"]
UNIT_DESCR = ["A high performance web server and a reverse proxy server",
              "OpenBSD Secure Shell server", "Docker Application Container Engine",
              "Regular background program processing daemon", "Daily apt download activities",
              "Daily apt upgrade and clean activities", "Rotate log files",
              "Cleanup of Temporary Directories", "Journal Service", "Network Manager",
              "Discard unused blocks once a week", "Daily man-db regeneration",
              "User Manager for UID 1000", "Message of the Day", "System Logging Service"]
COMMS = ["java", "python3", "chrome", "node", "mysqld", "postgres", "nginx", "Xorg", "firefox",
         "dockerd", "containerd-shim", "php-fpm7.4", "ruby", "gnome-shell", "Web Content",
         "redis-server", "beam.smp", "qemu-system-x86", "sshd", "bash", "kubelet"]
COMMS_1 = [x for x in COMMS if " " not in x]
LIBS = ["libc.so.6", "libc-2.31.so", "libpthread-2.31.so", "libstdc++.so.6.0.28",
        "libglib-2.0.so.0.7200.4", "libjvm.so", "ld-linux-x86-64.so.2", "libxul.so"]
BLKDEVS = ["sda1", "sda2", "sdb1", "nvme0n1p2", "dm-0", "vda1", "mmcblk0p2", "md0", "xvda1"]
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _comm(r, b, c):
    # a process name with a blank (``Web Content``) splits at the blank like any text
    b.words(_pick(r, COMMS))


def _cgroup(r, b, c):
    b.f(_pick(r, ["/system.slice/docker-" + V.hexstr(r, 64, prefix="") + ".scope",
                   f"/user.slice/user-{_ri(r, 1000, 1010)}.slice/session-{_ri(r, 1, 99)}.scope",
                   "/kubepods/burstable/pod" + V.uuid(r) + "/" + V.hexstr(r, 64, prefix=""),
                   "/system.slice/" + _pick(r, UNITS[:12])]))


SLOTS = {
    "ip": lambda r, b, c: b.f(V.ip4(r)),
    "ip6": lambda r, b, c: b.f(V.ip6(r)),
    "port": lambda r, b, c: b.f(V.port(r)),
    "cport": ints(1024, 65535),
    "ipport": _ipport,
    "host": lambda r, b, c: b.f(V.hostname(r)),
    "fqdn": lambda r, b, c: b.f(V.hostname(r, fqdn=True)),
    "email": lambda r, b, c: b.f(V.email(r)),
    "user": lambda r, b, c: b.f(V.user(r)),
    "pid": ints(2, 99999),
    "n": ints(0, 9),
    "n2": ints(1, 99),
    "n3": ints(100, 999),
    "num": ints(0, 99999),
    "big": lambda r, b, c: b.f(V.big_number(r)),
    "hex": _hex,
    "hexs": lambda r, b, c: b.f(V.hexstr(r, prefix="")),
    "hex4": lambda r, b, c: b.f(V.hexstr(r, 4, prefix="")),
    "hex16": lambda r, b, c: b.f(V.hexstr(r, 16, prefix="")),
    "hex32": lambda r, b, c: b.f(V.hexstr(r, 32, prefix="")),
    "hex64": lambda r, b, c: b.f(V.hexstr(r, 64, prefix="")),
    "b64": lambda r, b, c: b.f("".join(r.choice(_B64) for _ in range(43))),
    "path": lambda r, b, c: b.f(V.unix_path(r)),
    "url": lambda r, b, c: b.f(V.url(r)),
    "uuid": lambda r, b, c: b.f(V.uuid(r)),
    "dur": lambda r, b, c: b.f(V.duration(r)),
    "size": lambda r, b, c: b.f(V.size(r)),
    "pct": lambda r, b, c: b.f(V.percent(r)),
    "dec": lambda r, b, c: b.f(V.decimal(r, _ri(r, 1, 3))),
    "word": lambda r, b, c: b.f(V.word(r)),
    "mac": lambda r, b, c: b.f(V.mac(r).replace("-", ":")),
    "iface": lambda r, b, c: b.f(_pick(r, IFACES)),
    # a template instance ``getty@tty1.service`` is one name (shaped like an e-mail address)
    "unit": lambda r, b, c: b.f(_pick(r, UNITS)),
    "udescr": lambda r, b, c: b.words(_pick(r, UNIT_DESCR)),
    "ver": lambda r, b, c: b.f(V.version(r)),
    "comm": _comm,
    "lib": lambda r, b, c: b.f(_pick(r, LIBS)),
    "blk": lambda r, b, c: b.f(_pick(r, BLKDEVS)),
    "cg": _cgroup,
    "usbid": lambda r, b, c: b.f(f"{_ri(r, 1, 4)}-{_ri(r, 1, 8)}"
                                 + _pick(r, ["", "", f".{_ri(r, 1, 4)}"])),
    "date": lambda r, b, c: b.f(V.moment(r).strftime("%Y-%m-%d")),
    "epoch": lambda r, b, c: b.f(V.timestamp(r, "epoch_frac")),
    "tsiso": lambda r, b, c: b.f(ts_iso(r, frac=_pick(r, [6, 9]), zone=_pick(r, ["Z", "+02:00"]))),
    "klts": lambda r, b, c: b.f(V.TIMESTAMP_STYLES["klog"](r, V.moment(r))),
    "comm1": lambda r, b, c: b.f(_pick(r, COMMS_1)),
    "msg": _msg,
    # the single-quoted audit payload is one field (quoted string, product rule 2)
    "auditmsg": lambda r, b, c: b.f(f'unit={_pick(r, UNITS)} comm="systemd" exe="/usr/lib/systemd/systemd" '
                                    + _pick(r, ["hostname=? addr=? terminal=? ", ""]) + "res=" + _pick(r, ["success", "success", "failed"])),
}

# ============================================================================ timestamps
_ZONES_COLON = ["Z", "+00:00", "+02:00", "-07:00", "+05:30", "-05:00", "+01:00", "+09:00"]
_ZONES = ["+0000", "+0200", "-0700", "+0530", "-0500", "+0100", "+0900"]
_ZNAMES = ["UTC", "CEST", "CET", "EDT", "PST", "JST", "GMT", "MSK"]


def ts_bsd(r, t=None) -> str:
    """``Oct  1 22:14:15`` (day padded to two columns, as syslog writes it)."""
    t = t or V.moment(r)
    return V.TIMESTAMP_STYLES["syslog"](r, t)


def ts_iso(r, t=None, frac=None, zone=None) -> str:
    """ISO 8601 with ``T``: ``2023-10-10T13:55:36.123456+02:00`` (frac: 0, 3, 6 or 9 digits)."""
    t = t or V.moment(r)
    frac = _pick(r, [0, 3, 6, 6]) if frac is None else frac
    s = t.strftime("%Y-%m-%dT%H:%M:%S")
    if frac:
        digits = f"{t.microsecond:06d}" + "".join(str(_ri(r, 0, 9)) for _ in range(3))
        s += "." + digits[:frac]
    return s + (_pick(r, _ZONES_COLON) if zone is None else zone)


def ts_full(r, t=None) -> str:
    """journalctl short-full: ``Tue 2023-10-10 13:55:36 CEST``."""
    t = t or V.moment(r)
    return t.strftime("%a %Y-%m-%d %H:%M:%S ") + _pick(r, _ZNAMES)


def uptime(r) -> tuple[str, str]:
    """A kernel uptime stamp as (padding, number), printed ``[%5lu.%06lu]``."""
    sec = _ri(r, 0, 9) if _chance(r, 0.25) else _ri(r, 0, 10 ** _ri(r, 2, 7))
    s = str(sec)
    return " " * max(0, 5 - len(s)), f"{s}.{_ri(r, 0, 999999):06d}"


def add_uptime(r, b: Line) -> Line:
    pad, num = uptime(r)
    return b.d("[" + pad).f(num).d("]")


# ============================================================================ header
HEADER_STYLES = ("bsd", "bsd", "bsd", "bsd_pri", "iso", "iso", "precise", "rfc5424", "bare",
                 "none", "journal_iso", "bsd_nohost")


def header(r, b: Line, prog: str, pid=True, style=None, host=None) -> str:
    """Append a syslog prefix for ``prog`` (``pid``: True random, a number, or False for none)
    in ``style`` (default random among :data:`HEADER_STYLES`); returns the style used."""
    style = style or _pick(r, HEADER_STYLES)
    if pid is True:
        pid = _ri(r, 2, 99999)
    if style == "none":
        return style
    if host is None:
        host = V.hostname(r) if _chance(r, 0.85) else _pick(r, ["localhost", V.ip4(r)])
    if style == "rfc5424":
        b.d("<").f(_ri(r, 0, 191)).d(">").f("1").sp().f(ts_iso(r)).sp().f(host).sp().f(prog)
        b.sp()
        b.f(pid if pid else "-").sp()                       # nil values are fields (rule 8)
        if _chance(r, 0.2):
            b.f(_pick(r, ["ID47", "AUTH", "audit", "SECURITY", "TCPIN"])).sp()
        else:
            b.f("-").sp()
        b.f("-").sp()
        return style
    if style == "bsd_pri":
        b.d("<").f(_ri(r, 0, 191)).d(">")
    if style in ("bsd", "bsd_pri", "bsd_nohost"):
        b.f(ts_bsd(r))
    elif style == "iso":
        b.f(ts_iso(r, frac=_pick(r, [0, 6, 6, 3])))
    elif style == "journal_iso":
        t = V.moment(r)
        b.f(t.strftime("%Y-%m-%dT%H:%M:%S") + _pick(r, _ZONES + _ZONES_COLON[1:]))
    elif style == "precise":
        t = V.moment(r)
        b.f(ts_bsd(r, t) + f".{t.microsecond:06d}")
    elif style == "full":
        b.f(ts_full(r))
    elif style == "unix":
        b.f(V.timestamp(r, "epoch") + f".{_ri(r, 0, 999999):06d}")
    elif style == "monotonic":
        add_uptime(r, b)
    if style not in ("bare", "bsd_nohost"):
        b.sp().f(host)
    if style != "bare":
        b.sp()
    b.f(prog)
    if pid:
        b.d("[").f(pid).d("]")
    b.d(": ")
    return style



# ============================================================================ control characters
# Rule 6: terminal output captured into a log carries ANSI colour/cursor sequences, NUL, BEL and
# stray carriage returns.  Every one of those characters is a delimiter and never sits inside a
# field; they are added next to fields and blanks only, so no empty field (rule 8) is created
# or destroyed.
_SGR = ["\x1b[31m", "\x1b[0;32m", "\x1b[1;33m", "\x1b[34m", "\x1b[1;31m", "\x1b[36m", "\x1b[01;35m"]
_SGR_OFF = ["\x1b[0m", "\x1b[m", "\x1b[0m\x1b[K"]
_PREFIXES = ["\x1b[2J\x1b[H", "\x1b]0;root@host: ~\x07", "\x1b]0;journalctl -f\x07", "\x1b[K",
             "\r", "\x1b[?25l"]
_IN_BLANK = ["\x00", "\x07", "\r", "\x1b[K", "\x1b[1G"]


def control_noise(r, b: Line, p: float = 0.04) -> Line:
    """With probability ``p``, add control characters to ``b`` as delimiters (rule 6): a colour
    sequence around one field that stands between blanks, a cursor/title sequence at the start,
    or a NUL, BEL, carriage return or erase-line in one blank.

    >>> import random
    >>> b = control_noise(random.Random(0), Line().f("kernel").sp().f("panic"), 1.0)
    >>> b.build().fields
    ['kernel', 'panic']
    """
    if not _chance(r, p) or not b.parts:
        return b
    parts = b.parts
    k = _rr(r, 3)
    if k == 0:                                      # colour one field between blanks
        cand = [i for i, (t, isf) in enumerate(parts)
                if isf and t and (i == 0 or (not parts[i - 1][1] and parts[i - 1][0][-1:] == " "))
                and (i + 1 == len(parts) or (not parts[i + 1][1] and parts[i + 1][0][:1] == " "))]
        if cand:
            i = _pick(r, cand)
            _insert(b, i + 1, _pick(r, _SGR_OFF))
            _insert(b, i, _pick(r, _SGR))
            return b
    if k == 1:                                      # cursor / title sequence before the line
        _insert(b, 0, _pick(r, _PREFIXES))
        return b
    blanks = [i for i, (t, isf) in enumerate(parts) if not isf and t == " "
              and 0 < i < len(parts) - 1 and parts[i - 1][1] and parts[i + 1][1]
              and parts[i - 1][0] and parts[i + 1][0]]
    if blanks:
        i = _pick(r, blanks)
        c = _pick(r, _IN_BLANK)
        parts[i] = (c + " " if _chance(r, 0.5) else " " + c, False)
    return b


def _insert(b: Line, i: int, text: str) -> None:
    """Insert delimiter ``text`` before part ``i``, keeping the recorded key/value pairs."""
    b.parts.insert(i, (text, False))
    b._pairs = [(k + (k >= i), v + (v >= i)) for k, v in b._pairs]

# ============================================================================ syslog_rfc3164
_S = SLOTS
SYSTEMD_MSGS = tpls(
    _S, "Started {udescr}.", "Starting {udescr}...", "Stopped {udescr}.", "Stopping {udescr}...",
    "Started {unit} - {udescr}.", "{unit}: Succeeded.", "{unit}: Deactivated successfully.",
    "{unit}: Main process exited, code=exited, status={n}/FAILURE",
    "{unit}: Failed with result 'exit-code'.", "{unit}: Consumed {dec}s CPU time.",
    "Failed to start {udescr}.", "Reached target Multi-User System.", "Reloading.",
    "Started Session {num} of user {user}.", "Created slice User Slice of UID {num}.",
    "{unit}: Scheduled restart job, restart counter is at {n2}.",
    "{unit}: Start request repeated too quickly.",
    "Startup finished in {dec}s (kernel)‹ + ›{dec}s (userspace) = {dec}s.")

_PROGS_3164 = [
    ("systemd", 1, SYSTEMD_MSGS),
    ("dhclient", True, tpls(
        _S, "DHCPREQUEST for {ip} on {iface} to {ip} port 67 (xid={hex})",
        "DHCPACK of {ip} from {ip} (xid={hex})", "bound to {ip} -- renewal in {num} seconds.",
        "DHCPDISCOVER on {iface} to 255.255.255.255 port 67 interval {n2} (xid={hex})")),
    ("NetworkManager", True, tpls(
        _S, "<info>  [{epoch}] device ({iface}): state change: activated -> deactivating (reason 'user-requested', sys-iface-state: 'managed')",
        "<info>  [{epoch}] dhcp4 ({iface}): address {ip}", "<warn>  [{epoch}] dhcp4 ({iface}): request timed out",
        "<info>  [{epoch}] manager: NetworkManager state is now CONNECTED_GLOBAL")),
    ("postfix/smtpd", True, tpls(
        _S, "connect from {fqdn}[{ip}]", "disconnect from {fqdn}[{ip}] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4",
        "{hexs}: client={fqdn}[{ip}]", "lost connection after AUTH from unknown[{ip}]",
        "NOQUEUE: reject: RCPT from unknown[{ip}]: 554 5.7.1 Service unavailable; Client host [{ip}] blocked using zen.spamhaus.org; from=<{email}> to=<{email}> proto=ESMTP helo=<{fqdn}>")),
    ("postfix/qmgr", True, tpls(
        _S, "{hexs}: from=<{email}>, size={num}, nrcpt={n} (queue active)", "{hexs}: removed")),
    ("ntpd", True, tpls(
        _S, "synchronized to {ip}, stratum {n}", "Listen normally on {n2} {iface} {ip}:123",
        "kernel reports TIME_ERROR: {hex}: Clock Unsynchronized", "time reset {dec} s")),
    ("chronyd", True, tpls(
        _S, "Selected source {ip}", "System clock wrong by {dec} seconds, adjustment started",
        "Source {ip} replaced with {ip}", "Can't synchronise: no selectable sources")),
    ("rsyslogd", False, tpls(
        _S, '[origin software="rsyslogd" swVersion="8.2102.0" x-pid="{pid}" x-info="https://www.rsyslog.com"] rsyslogd was HUPed',
        '[origin software="rsyslogd" swVersion="8.2112.0" x-pid="{pid}" x-info="https://www.rsyslog.com"] start',
        "imuxsock: Acquired UNIX socket '/run/systemd/journal/syslog' (fd {n}) from systemd.  [v8.2102.0]")),
    ("su", False, tpls(
        _S, "‹'›«su root»‹'› failed for {user} on /dev/pts/{n}", "(to root) {user} on pts/{n}")),
    ("named", True, tpls(
        _S, "client @{hex} {ip}‹#›{port} ({fqdn}): query (cache) '{fqdn}/A/IN' denied",
        "zone {fqdn}/IN: loaded serial {big}", "network unreachable resolving '{fqdn}/AAAA/IN': {ip}‹#›53")),
    ("avahi-daemon", True, tpls(
        _S, "Joining mDNS multicast group on interface {iface}.IPv4 with address {ip}.",
        "Registering new address record for {ip} on {iface}.IPv4.",
        "Server startup complete. Host name is {host}.local. Local service cookie is {big}.")),
    ("smartd", True, tpls(
        _S, "Device: /dev/sda [SAT], SMART Usage Attribute: 194 Temperature_Celsius changed from {n2} to {n2}",
        "Device: /dev/nvme0, number of Error Log entries increased from {n2} to {n2}")),
    ("anacron", True, tpls(
        _S, "Job 'cron.daily' started", "Job 'cron.weekly' terminated", "Normal exit ({n} job run)",
        "Will run job 'cron.daily' in {n2} min.", "Anacron 2.3 started on {date}")),
    ("snapd", True, tpls(
        _S, 'storehelpers.go:{n3}: cannot refresh: snap has no updates available: "core20", "lxd"',
        "autorefresh.go:{n3}: auto-refresh: all snaps are up-to-date")),
]
_GENERIC_PROGS = ["myapp", "app", "backup.sh", "java", "python3", "node", "logger", "root",
                  "nginx", "php-fpm", "billing-worker", "collectd", "zabbix_agentd"]


@family("syslog_rfc3164")
def syslog_rfc3164(r) -> Line:
    b = Line()
    prog, pid, templates = _pick(r, _PROGS_3164)
    if pid is True:
        pid = _ri(r, 2, 99999) if _chance(r, 0.85) else False
    v = _rr(r, 6)
    if v == 0:                                          # Oct 11 22:14:15 host prog[pid]: msg
        header(r, b, prog, pid, "bsd")
    elif v == 1:                                        # <34>Oct 11 22:14:15 host prog: msg
        header(r, b, prog, pid, "bsd_pri")
    elif v == 2:                                        # rsyslog high-precision ISO
        header(r, b, prog, pid, "iso")
    elif v == 3:                                        # any program, generic message
        header(r, b, _pick(r, _GENERIC_PROGS), pid, _pick(r, ["bsd", "bsd_pri", "iso"]))
        message(r, b)
        return b
    elif v == 4:                                        # <13>2023-10-10T...: forwarded ISO
        b.d("<").f(_ri(r, 0, 191)).d(">")
        header(r, b, prog, pid, "iso")
    else:                                               # without pid
        header(r, b, prog, False, _pick(r, ["bsd", "bsd_pri", "iso"]))
    if _chance(r, 0.15):
        message(r, b)
    else:
        emit(r, b, _pick(r, templates))
    return b


# ============================================================================ syslog_rfc5424
_SD_CUSTOM_KEYS = ["iut", "eventSource", "eventID", "class", "user", "src", "action", "code",
                   "tenant", "region", "requestId", "status", "bytes", "reason"]


def _sd_value(r) -> str:
    k = _rr(r, 8)
    if k == 0:
        return ""                                       # empty value `k=""`: an empty field
    if k == 1:
        return " ".join(V.word(r) for _ in range(_ri(r, 2, 4)))
    if k == 2:
        return V.ip4(r)
    if k == 3:
        return V.camel(r, (1, 2))
    if k == 4:
        return V.uuid(r)
    return V.number(r, 0, 99999)


def _sd_param(b: Line, key, value):
    b.sp().kv(key, value, q='"')


def structured_data(r, b: Line):
    """RFC 5424 STRUCTURED-DATA: ``[id@32473 k="v" ...][timeQuality tzKnown="1"]``."""
    for _ in range(_ri(r, 1, 3)):
        b.d("[")
        k = _rr(r, 5)
        if k == 0:
            b.f("timeQuality")
            _sd_param(b, "tzKnown", _ri(r, 0, 1))
            _sd_param(b, "isSynced", _ri(r, 0, 1))
            if _chance(r, 0.5):
                _sd_param(b, "syncAccuracy", _ri(r, 1, 999999))
        elif k == 1:
            b.f("origin")
            _sd_param(b, "ip", V.ip4(r))
            if _chance(r, 0.6):
                _sd_param(b, "software", _pick(r, ["rsyslogd", "syslog-ng", "nxlog", "Application"]))
                _sd_param(b, "swVersion", V.version(r).lstrip("vV"))
        elif k == 2:
            b.f("meta")
            _sd_param(b, "sequenceId", _ri(r, 1, 99999))
            if _chance(r, 0.5):
                _sd_param(b, "sysUpTime", _ri(r, 1, 9999999))
            if _chance(r, 0.3):
                _sd_param(b, "language", _pick(r, ["en-US", "de-DE", "en"]))
        else:                                           # private id: name@enterprise-number
            b.f(_pick(r, ["exampleSDID", "examplePriority", "ourSDID", "mdc", "app", "req",
                           V.camel(r, (1, 2))]))
            b.d("@").f(_pick(r, ["32473", "41058", "18060", "27389", V.number(r, 1, 65000)]))
            for _ in range(_ri(r, 0, 4)):
                _sd_param(b, _pick(r, _SD_CUSTOM_KEYS), _sd_value(r))
        b.d("]")


_APPS_5424 = ["evntslog", "su", "myproc", "sshd", "kernel", "nginx", "dockerd", "java",
              "CRON", "app", "billing-svc", "mysqld", "haproxy", "postfix"]
_MSG_5424 = tpls(
    SLOTS, "An application event log entry...", "‹'›«su root»‹'› failed for {user} on /dev/pts/{n}",
    "Accepted publickey for {user} from {ip} port {port} ssh2", "{unit}: Deactivated successfully.",
    "%% It's time to make the do-nuts.", "User {user} logged in from {ip}",
    "GC pause {dur}, heap {size} -> {size}")


@family("syslog_rfc5424")
def syslog_rfc5424(r) -> Line:
    b = Line()
    v = _rr(r, 5)   # 0 SD+msg, 1 nil SD+msg, 2 SD no msg, 3 nil-heavy, 4 SD+known msg
    b.d("<").f(_ri(r, 0, 191)).d(">").f("1").sp()
    if v == 3 and _chance(r, 0.5):
        b.f("-")                                        # nil timestamp: a field (rule 8)
    else:
        b.f(ts_iso(r, frac=_pick(r, [0, 3, 3, 6]), zone=_pick(r, _ZONES_COLON)))
    b.sp()
    if v == 3 and _chance(r, 0.3):
        b.f("-")                                        # nil hostname
    else:
        b.f(_pick(r, [V.hostname(r), V.hostname(r, fqdn=True), V.ip4(r)]))
    b.sp().f(_pick(r, _APPS_5424)).sp()
    if v == 3 or _chance(r, 0.3):
        b.f("-")                                        # nil procid
    else:
        b.f(_ri(r, 1, 99999))
    b.sp()
    if v == 3 or _chance(r, 0.5):
        b.f("-")                                        # nil msgid
    else:
        b.f(_pick(r, ["ID47", "ID" + V.number(r, 1, 999), "TCPIN", "audit", "SECURITY",
                       "req", "login", "GC"]))
    b.sp()
    if v in (0, 2, 4):
        structured_data(r, b)
    else:
        b.f("-")                                        # nil structured data
    if v == 2:
        return b                                        # no MSG part
    b.sp()
    if v == 4:
        emit(r, b, _pick(r, _MSG_5424))
    else:
        message(r, b)
    return b


# ============================================================================ kernel messages
KERNEL_MSGS = tpls(
    _S,
    "{iface}: link up", "{iface}: link down", "{iface}: renamed from eth0",
    "e1000e: {iface} NIC Link is Up 1000 Mbps Full Duplex, Flow Control: Rx/Tx",
    "e1000e: {iface} NIC Link is Down", "r8169 {iface}: Link is Up - 1Gbps/Full - flow control rx/tx",
    "IPv6: ADDRCONF(NETDEV_CHANGE): {iface}: link becomes ready",
    "IPv6: ADDRCONF(NETDEV_UP): {iface}: link is not ready",
    "br0: port {n}({iface}) entered forwarding state", "docker0: port {n}({iface}) entered blocking state",
    "device {iface} entered promiscuous mode", "device {iface} left promiscuous mode",
    "{iface}: authenticate with {mac}", "{iface}: associated", "{iface}: deauthenticating from {mac} by local choice (Reason: 3=DEAUTH_LEAVING)",
    "usb {usbid}: new high-speed USB device number {n2} using xhci_hcd",
    "usb {usbid}: New USB device found, idVendor={hex4}, idProduct={hex4}, bcdDevice= {n}.{n}{n}",
    "usb {usbid}: New USB device strings: Mfr=1, Product=2, SerialNumber=3",
    "usb {usbid}: Product: Cruzer Blade", "usb {usbid}: Manufacturer: SanDisk",
    "usb {usbid}: Product: USB Optical Mouse", "usb {usbid}: SerialNumber: {hex16}",
    "usb {usbid}: USB disconnect, device number {n2}",
    "usb-storage {usbid}:1.0: USB Mass Storage device detected",
    "EXT4-fs ({blk}): mounted filesystem with ordered data mode. Opts: (null)",
    "EXT4-fs ({blk}): mounted filesystem {uuid} r/w with ordered data mode. Quota mode: none.",
    "EXT4-fs ({blk}): re-mounted. Opts: errors=remount-ro",
    "EXT4-fs error (device {blk}): ext4_find_entry:{num}: inode #{num}: comm {comm}: reading directory lblock 0",
    "EXT4-fs ({blk}): Remounting filesystem read-only",
    "{comm} invoked oom-killer: gfp_mask={hex}(GFP_HIGHUSER_MOVABLE|__GFP_ZERO), order=0, oom_score_adj=0",
    "Out of memory: Killed process {pid} ({comm}) total-vm:{num}kB, anon-rss:{num}kB, file-rss:{num}kB, shmem-rss:0kB, UID:{num} pgtables:{num}kB oom_score_adj:0",
    "oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset={cg},mems_allowed=0,global_oom,task_memcg={cg},task={comm},pid={pid},uid={num}",
    "oom_reaper: reaped process {pid} ({comm}), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB",
    "Memory cgroup out of memory: Killed process {pid} ({comm}) total-vm:{num}kB, anon-rss:{num}kB, file-rss:{num}kB",
    "{comm}[{pid}]: segfault at {hexs} ip {hex16} sp {hex16} error {n} in {lib}[{hexs}+{hexs}]",
    "traps: {comm}[{pid}] general protection fault ip:{hexs} sp:{hexs} error:0 in {lib}[{hexs}+{hexs}]",
    "CPU{n}: Core temperature above threshold, cpu clock throttled (total events = {num})",
    "CPU{n}: Package temperature/speed normal",
    "TCP: request_sock_TCP: Possible SYN flooding on port {port}. Sending cookies.  Check SNMP counters.",
    "nf_conntrack: nf_conntrack: table full, dropping packet",
    'audit: type=1400 audit({epoch}:{n3}): apparmor="DENIED" operation="open" profile="{path}" name="{path}" pid={pid} comm="{comm1}" requested_mask="r" denied_mask="r" fsuid=0 ouid=0',
    "audit: type=1130 audit({epoch}:{n3}): pid=1 uid=0 auid=4294967295 ses=4294967295 msg=‹'›{auditmsg}‹'›",
    "ata{n}: SATA link up 6.0 Gbps (SStatus 133 SControl 300)",
    "ata{n}.00: exception Emask 0x0 SAct 0x0 SErr 0x0 action 0x6 frozen",
    "Bluetooth: hci0: command {hex} tx timeout",
    "perf: interrupt took too long ({num} > {num}), lowering kernel.perf_event_max_sample_rate to {num}",
    "INFO: task {comm1}:{pid} blocked for more than 120 seconds.",
    "Buffer I/O error on dev {blk}, logical block {num}, async page read",
    "blk_update_request: I/O error, dev {blk}, sector {num} op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0",
    "NET: Registered PF_INET6 protocol family", "random: crng init done",
    "Linux version 5.15.0-{n2}-generic (buildd@lcy02-amd64-0{n2}) (gcc (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0, GNU ld (GNU Binutils for Ubuntu) 2.38) #{n2}-Ubuntu SMP",
    "Command line: BOOT_IMAGE=/boot/vmlinuz-5.15.0-{n2}-generic root=UUID={uuid} ro quiet splash",
    "nvme nvme0: I/O {num} QID {n} timeout, aborting",
    "watchdog: BUG: soft lockup - CPU#{n} stuck for {n2}s! [{comm1}:{pid}]",
    "kauditd_printk_skb: {n2} callbacks suppressed", "hrtimer: interrupt took {num} ns",
    "Memory: {num}K/{num}K available ({num}K kernel code, {num}K rwdata, {num}K rodata, {num}K init, {num}K bss, {num}K reserved, 0K cma-reserved)",
    "overlayfs: upperdir is in-use as upperdir/workdir of another mount, accessing files from both mounts will result in undefined behavior.",
)


def kernel_message(r, b: Line) -> Line:
    return emit(r, b, _pick(r, KERNEL_MSGS))


_DMESG_FAC = ["kern", "kern", "kern", "user", "daemon", "syslog"]
_DMESG_LVL = ["info", "info", "notice", "warn", "err", "debug", "crit"]


@family("kernel_dmesg")
def kernel_dmesg(r) -> Line:
    b = Line()
    v = _rr(r, 7)
    if v == 0:                                          # [ 1234.567890] msg
        add_uptime(r, b).sp()
    elif v == 1:                                        # dmesg -T
        b.d("[").f(V.timestamp(r, "ctime")).d("] ")
    elif v == 2:                                        # syslog kernel: [ 123.4] msg
        header(r, b, "kernel", False, _pick(r, ["bsd", "bsd", "iso", "bsd_pri"]))
        add_uptime(r, b).sp()
    elif v == 3:                                        # syslog / journald kernel: msg
        header(r, b, "kernel", False, _pick(r, ["bsd", "precise", "iso", "journal_iso"]))
    elif v == 4:                                        # dmesg -x: kern  :info  : [ 1.2] msg
        b.f(_pick(r, _DMESG_FAC)).d(" " * _ri(r, 1, 2) + ":")
        lv = _pick(r, _DMESG_LVL)
        b.f(lv).d(" " * (6 - len(lv)) + ": ")
        add_uptime(r, b).sp()
    elif v == 5:                                        # dmesg --time-format iso
        t = V.moment(r)
        b.f(t.strftime("%Y-%m-%dT%H:%M:%S,") + f"{t.microsecond:06d}" + _pick(r, _ZONES_COLON[1:]))
        b.sp()
    else:                                               # [ 1.2] + generic driver message
        add_uptime(r, b).sp()
        b.f(_pick(r, ["mydrv", "snd_hda_intel", "i915", "amdgpu", "nouveau", "iwlwifi",
                       "xhci_hcd", "thermal", "ACPI", "pci"])).d(": ")
        message(r, b)
        return control_noise(r, b)
    kernel_message(r, b)
    return control_noise(r, b)


# ============================================================================ iptables
_FW_PREFIXES = ["[UFW BLOCK] ", "[UFW BLOCK] ", "[UFW ALLOW] ", "[UFW AUDIT] ", "[UFW LIMIT BLOCK] ",
                "IPTables-Dropped: ", "IPTables-Input-Drop: ", "DROP: ", "FW-INPUT-DROP ",
                "iptables denied: ", "INPUT:DROP:", "netfilter-drop ", "[FW-IN] ", ""]
_FW_PREFIX_OPS = {p: tpl(p, SLOTS) for p in _FW_PREFIXES}
_TCP_FLAGS = ["SYN", "SYN", "ACK SYN", "ACK PSH", "ACK FIN", "RST", "ACK RST", "ACK", "ACK PSH FIN",
              "CWR ECE SYN", "ACK URG"]


def _ethhdr(r, v6: bool) -> str:
    """The MAC= value: destination MAC, source MAC and ethertype, 14 colon-joined bytes (one field)."""
    return ":".join(format(_ri(r, 0, 255), "02x") for _ in range(12)) + (":86:dd" if v6 else ":08:00")


def iptables_body(r, b: Line) -> Line:
    emit(r, b, _FW_PREFIX_OPS[_pick(r, _FW_PREFIXES)])
    v6 = _chance(r, 0.15)
    chain = _rr(r, 3)                              # 0 INPUT, 1 OUTPUT, 2 FORWARD
    b.kv("IN", _pick(r, IFACES[:10]) if chain != 1 else "")          # `IN= `: an empty field
    b.sp().kv("OUT", _pick(r, IFACES[:10]) if chain != 0 else "")
    if chain == 2 and _chance(r, 0.3):
        b.sp().kv("PHYSIN", _pick(r, IFACES[-6:])).sp().kv("PHYSOUT", _pick(r, IFACES[:6]))
    if chain != 1:
        b.sp().kv("MAC", _ethhdr(r, v6) if _chance(r, 0.95) else "")
    b.sp().kv("SRC", V.ip6(r) if v6 else V.ip4(r))
    b.sp().kv("DST", V.ip6(r) if v6 else V.ip4(r))
    b.sp().kv("LEN", _ri(r, 28, 1500))
    if v6:
        b.sp().kv("TC", _pick(r, ["0", "0", "16"]))
        b.sp().kv("HOPLIMIT", _pick(r, ["64", "255", "1", str(_ri(r, 30, 64))]))
        b.sp().kv("FLOWLBL", _ri(r, 0, 1048575))
    else:
        b.sp().kv("TOS", _pick(r, ["0x00", "0x00", "0x08", "0x10", "0x02"]))
        b.sp().kv("PREC", _pick(r, ["0x00", "0x00", "0x20", "0xC0"]))
        b.sp().kv("TTL", _pick(r, ["64", "128", "255", "1", str(_ri(r, 30, 250))]))
        b.sp().kv("ID", _ri(r, 0, 65535))
        if _chance(r, 0.5):
            b.sp().f("DF")
    proto = _pick(r, ["TCP", "TCP", "TCP", "UDP", "UDP", "ICMP", "2"])
    if v6 and proto == "ICMP":
        proto = "ICMPv6"
    b.sp().kv("PROTO", proto)
    if proto == "TCP":
        b.sp().kv("SPT", _ri(r, 1024, 65535)).sp().kv("DPT", V.port(r))
        b.sp().kv("WINDOW", _pick(r, ["0", "1024", "29200", "65535", "64240", str(_ri(r, 0, 65535))]))
        b.sp().kv("RES", "0x00")
        for fl in _pick(r, _TCP_FLAGS).split():
            b.sp().f(fl)
        b.sp().kv("URGP", "0")
    elif proto == "UDP":
        b.sp().kv("SPT", _ri(r, 1, 65535)).sp().kv("DPT", _pick(r, ["53", "123", "137", "1900", "5353", "67", V.port(r)]))
        b.sp().kv("LEN", _ri(r, 8, 1480))
    elif proto in ("ICMP", "ICMPv6"):
        t = _pick(r, ["8", "0", "3", "11", "135", "136"] if v6 else ["8", "0", "3", "11"])
        b.sp().kv("TYPE", t).sp().kv("CODE", _pick(r, ["0", "0", "1", "3"]))
        if t in ("8", "0"):
            b.sp().kv("ID", _ri(r, 0, 65535)).sp().kv("SEQ", _ri(r, 1, 9999))
        elif t == "3" and _chance(r, 0.6):             # the quoted original packet
            b.sp().d("[").kv("SRC", V.ip4(r)).sp().kv("DST", V.ip4(r))
            b.sp().kv("LEN", _ri(r, 28, 1500)).sp().kv("TOS", "0x00")
            b.sp().kv("PREC", "0x00").sp().kv("TTL", _ri(r, 1, 64))
            b.sp().kv("ID", _ri(r, 0, 65535)).sp().kv("PROTO", "UDP")
            b.sp().kv("SPT", _ri(r, 1024, 65535)).sp().kv("DPT", "53")
            b.sp().kv("LEN", _ri(r, 8, 512)).d(" ]")
    if chain == 1 and _chance(r, 0.4):
        b.sp().kv("UID", _ri(r, 0, 1100)).sp().kv("GID", _ri(r, 0, 1100))
    if _chance(r, 0.15):
        b.sp().kv("MARK", V.hexstr(r, _ri(r, 1, 4), prefix="0x"))
    if _chance(r, 0.3):
        b.sp()                                          # UFW lines end with a blank
    return b


@family("iptables")
def iptables(r) -> Line:
    b = Line()
    v = _rr(r, 5)
    if v == 0:                                          # Oct 10 ... host kernel: [ 12.3] [UFW BLOCK] IN=...
        header(r, b, "kernel", False, _pick(r, ["bsd", "bsd", "iso", "precise"]))
        add_uptime(r, b).sp()
    elif v == 1:                                        # ... host kernel: IN=...
        header(r, b, "kernel", False, _pick(r, ["bsd", "iso", "journal_iso", "bsd_pri"]))
    elif v == 2:                                        # raw dmesg
        add_uptime(r, b).sp()
    elif v == 3:                                        # dmesg -T
        b.d("[").f(V.timestamp(r, "ctime")).d("] ")
    # v == 4: the bare body (as in kern.log excerpts and ulogd)
    return iptables_body(r, b)


# ============================================================================ journald
_JOURNAL_PROGS = [
    ("systemd", 1, SYSTEMD_MSGS),
    ("systemd-logind", True, tpls(
        _S, "New session {num} of user {user}.", "Session {num} logged out. Waiting for processes to exit.",
        "Removed session {num}.", "Watching system buttons on /dev/input/event{n} (Power Button)",
        "New seat seat0.", "Lid closed.", "Suspending...", "System is rebooting.",
        "Operation 'sleep' finished.")),
    ("systemd-journald", True, tpls(
        _S, "Journal started",
        "Runtime Journal (/run/log/journal/{hex32}) is {size}, max {size}, {size} free.",
        "System Journal (/var/log/journal/{hex32}) is {size}, max {size}, {size} free.",
        "Time spent on flushing to /var/log/journal/{hex32} is {dur} for {num} entries.",
        "Suppressed {num} messages from {unit}",
        "Data hash table of /var/log/journal/{hex32}/system.journal has a fill level at {dec} ({num} of {num} items, {size} file size, {num} bytes per hash table item), suggesting rotation.")),
    ("systemd-resolved", True, tpls(
        _S, "Using degraded feature set UDP instead of UDP+EDNS0 for DNS server {ip}.",
        "Positive Trust Anchors:", "Using system hostname '{host}'.",
        "Clock change detected. Flushing caches.")),
    ("systemd-networkd", True, tpls(
        _S, "{iface}: Link UP", "{iface}: Gained carrier", "{iface}: DHCPv4 address {ip}/24 via {ip}",
        "{iface}: Gained IPv6LL", "{iface}: Lost carrier")),
    ("kernel", False, None),
    ("dockerd", True, tpls(
        _S, 'time="{tsiso}" level=info msg="Loading containers: done."',
        'time="{tsiso}" level=warning msg="Error getting v2 registry: Get \\"https://registry-1.docker.io/v2/\\": net/http: request canceled"',
        'time="{tsiso}" level=info msg="ignoring event" container={hex64} module=libcontainerd namespace=moby topic=/tasks/delete type="*events.TaskDelete"')),
    ("gnome-shell", True, tpls(
        _S, "Window manager warning: Buggy client sent a _NET_ACTIVE_WINDOW message with a timestamp of 0 for {hex}",
        "JS ERROR: TypeError: this._settings is null")),
    ("sshd", True, tpls(
        _S, "Accepted publickey for {user} from {ip} port {port} ssh2: ED25519 SHA256:{b64}",
        "pam_unix(sshd:session): session opened for user {user}(uid={num}) by (uid=0)",
        "Server listening on {ip} port {port}.")),
    ("NetworkManager", True, _PROGS_3164[2][2]),
    ("kubelet", True, tpls(
        _S, 'I{klts}    {pid} kubelet.go:{n3}] "SyncLoop (PLEG): event for pod" pod="default/web-{hexs}"',
        'E{klts}    {pid} pod_workers.go:{n3}] "Error syncing pod, skipping" err="failed to \\"StartContainer\\" for \\"web\\" with CrashLoopBackOff"')),
    ("cron", True, None),
]
_JOURNAL_HEAD = tpls(
    dict(SLOTS, full=lambda r, b, c: b.f(ts_full(r))),
    "-- Logs begin at {full}, end at {full}. --", "-- Journal begins at {full}, ends at {full}. --",
    "-- Boot {hex32} --", "-- Reboot --", "-- No entries --")
_JOURNAL_STYLES = ("bsd", "bsd", "precise", "journal_iso", "iso", "full", "monotonic", "unix")


@family("journald")
def journald(r) -> Line:
    b = Line()
    if _chance(r, 0.06):
        return emit(r, b, _pick(r, _JOURNAL_HEAD))
    prog, pid, templates = _pick(r, _JOURNAL_PROGS)
    if pid is True:
        pid = _ri(r, 2, 99999)
    style = _pick(r, _JOURNAL_STYLES)
    header(r, b, prog, pid, style)
    if prog == "kernel":
        kernel_message(r, b)
    elif templates is None or _chance(r, 0.15):
        message(r, b)
    else:
        emit(r, b, _pick(r, templates))
    return control_noise(r, b)
