"""Network and cloud-infrastructure logs: firewalls, AWS records with ARNs, JVM GC lines.

Why: these formats carry the constructs of labeling rule 9 ("the same construct gets the same
split everywhere") and of the glued ``->``:

* **firewall** (Cisco ASA, FortiGate key=value, pfSense ``filterlog`` CSV, Juniper SRX): every
  ``interface:address/port`` group splits alike, ``outside``, ``198.51.100.20``, ``51515``: the
  ``:`` after the interface and the ``/`` before the port are delimiters in every group of a
  line, and so is the ``/`` of ASA's ``outside/1.2.3.4(5555)`` (before an IP, product rule 5) and
  the glued ``->`` of SRX's ``10.1.1.5/51515->198.51.100.20/443``.  Empty CSV cells are empty
  fields (rule 8).
* **aws** (VPC flow logs, ALB and S3 access logs, CloudTrail JSON, Lambda, logfmt with role
  ARNs): an ARN ``arn:aws:iam::123456789012:user/alice`` or a URN ``urn:uuid:...`` is ONE field,
  quoted or not; a ``-`` in a value's place (VPC ``NODATA`` records, ALB and S3 columns) is a
  field.
* **jvm_gc** (HotSpot ``-XX:+PrintGCDetails``, unified ``-Xlog:gc``, state transitions): a glued
  ``->`` or ``=>`` between values is a delimiter, ``512M->128M(1024M)`` gives ``512M``,
  ``128M``, ``1024M``; ``state: RUNNING->STOPPED`` and ``a=>b`` likewise.

>>> import random
>>> _asa_group(Line(), "outside", "198.51.100.20", "51515").build().fields
['outside', '198.51.100.20', '51515']
>>> arn(random.Random(3)).startswith("arn:aws")
True
"""
from __future__ import annotations

from . import family
from . import values as V
from .builder import Line
from .fam_syslog import _chance, _pick, _ri, _rr, header, ts_bsd, ts_iso


# ============================================================================ shared
def _csv(b: Line, cells, sep: str = ",") -> Line:
    """Cells joined by ``sep``; an empty cell is an empty field (rule 8, ``a,,c``)."""
    for i, c in enumerate(cells):
        if i:
            b.d(sep)
        c = str(c)
        if c:
            b.f(c)
        else:
            b.empty()
    return b


def _pub_ip(r) -> str:
    return _pick(r, ["198.51.100.", "203.0.113.", "192.0.2.", f"{_ri(r, 11, 223)}.{_ri(r, 0, 255)}.{_ri(r, 0, 255)}."]) \
        + str(_ri(r, 1, 254))


def _priv_ip(r) -> str:
    return _pick(r, [f"10.{_ri(r, 0, 255)}.{_ri(r, 0, 255)}.", f"192.168.{_ri(r, 0, 255)}.",
                     f"172.{_ri(r, 16, 31)}.{_ri(r, 0, 255)}."]) + str(_ri(r, 1, 254))


def _v6(r) -> str:
    return "2001:db8:" + ":".join(format(_ri(r, 0, 65535), "x") for _ in range(_ri(r, 1, 3))) \
        + "::" + format(_ri(r, 1, 65535), "x")


def _eport(r) -> str:
    return str(_ri(r, 1024, 65535))


def _sport(r) -> str:
    return _pick(r, ["443", "80", "22", "53", "25", "3389", "8080", "123", "445", "1433", "3306"])


# ============================================================================ firewall
_ASA_IFACES = ["outside", "inside", "dmz", "management", "guest", "OUTSIDE", "INSIDE", "dmz2", "vpn"]


def _asa_group(b: Line, iface, ip, port) -> Line:
    """``outside:198.51.100.20/51515``: interface, address and port, three fields (rule 9)."""
    return b.f(iface).d(":").f(ip).d("/").f(port)


def _asa_mapped(b: Line, ip, port) -> Line:
    """`` (198.51.100.20/51515)``: the mapped address and port, split like the group."""
    return b.d(" (").f(ip).d("/").f(port).d(")")


def _asa_ends(r):
    v6 = _chance(r, 0.08)
    out_ip = _v6(r) if v6 else _pub_ip(r)
    in_ip = _v6(r) if v6 else _priv_ip(r)
    return out_ip, in_ip


def _asa(r, b: Line):
    t = V.moment(r)
    v = _rr(r, 4)
    if v == 0:                                              # ASA's own timestamp and host
        b.f(t.strftime("%b %d %Y %H:%M:%S")).sp().f(_pick(r, ["fw01", "asa-edge", "ASA5516"])).d(" : ")
    elif v == 1:                                            # relayed by a syslog server
        b.f(ts_bsd(r, t)).sp().f(_pick(r, [_priv_ip(r), "fw01", "asa1.example.com"])).sp()
    elif v == 2:
        b.d("<").f(_pick(r, ["166", "164", "167", "162"])).d(">")
        b.f(t.strftime("%b %d %Y %H:%M:%S")).d(": ")
    sev = _pick(r, "4566667")
    k = _rr(r, 8)
    out_if, in_if = _pick(r, _ASA_IFACES[:1] + _ASA_IFACES[2:]), _pick(r, ["inside", "inside", "dmz", "INSIDE"])
    out_ip, in_ip = _asa_ends(r)
    oport, iport = _eport(r), _sport(r)
    proto = _pick(r, ["TCP", "TCP", "UDP"])
    cid = str(_ri(r, 1, 99999999))
    if k <= 1:                                              # Built ... connection
        b.f(f"%ASA-{sev}-{'302013' if proto == 'TCP' else '302015'}").d(": ")
        b.f("Built").sp().f(_pick(r, ["inbound", "outbound"])).sp().f(proto).sp().f("connection")
        b.sp().f(cid).sp().f("for").sp()
        _asa_group(b, out_if, out_ip, oport)
        _asa_mapped(b, out_ip, oport)
        b.sp().f("to").sp()
        _asa_group(b, in_if, in_ip, iport)
        if _chance(r, 0.3):
            _asa_mapped(b, _pub_ip(r), iport)
        else:
            _asa_mapped(b, in_ip, iport)
        if _chance(r, 0.15):
            b.d(" (").f("LOCAL\\" + _pick(r, V.NAMES[:8])).d(")")
    elif k == 2:                                            # Teardown
        b.f(f"%ASA-{sev}-{'302014' if proto == 'TCP' else '302016'}").d(": ")
        b.f("Teardown").sp().f(proto).sp().f("connection").sp().f(cid).sp().f("for").sp()
        _asa_group(b, out_if, out_ip, oport)
        b.sp().f("to").sp()
        _asa_group(b, in_if, in_ip, iport)
        b.sp().f("duration").sp().f(f"{_ri(r, 0, 9)}:{_ri(r, 0, 59):02d}:{_ri(r, 0, 59):02d}")
        b.sp().f("bytes").sp().f(_ri(r, 0, 9999999))
        if proto == "TCP":
            b.sp().words(_pick(r, ["TCP FINs", "TCP Reset-O", "TCP Reset-I", "Idle Timeout",
                                   "SYN Timeout", "Flow closed by inspection"]))
    elif k == 3:                                            # Deny by access-group
        b.f(f"%ASA-4-106023").d(": ").f("Deny").sp().f(proto.lower()).sp().f("src").sp()
        _asa_group(b, out_if, out_ip, oport)
        b.sp().f("dst").sp()
        _asa_group(b, in_if, in_ip, iport)
        b.sp().f("by").sp().f("access-group").sp().quoted(_pick(r, ["outside_access_in", "acl_in", "OUTSIDE-IN"]))
        b.d(" [").f("0x" + V.hexstr(r, 8, prefix="")).d(", ").f("0x0").d("]")
    elif k == 4:                                            # access-list: iface/addr(port)
        b.f("%ASA-6-106100").d(": ").f("access-list").sp().f(_pick(r, ["outside_access_in", "acl_in"]))
        b.sp().f(_pick(r, ["permitted", "denied"])).sp().f(proto.lower()).sp()
        b.f(out_if).d("/").f(out_ip).d("(").f(oport).d(") -> ")
        b.f(in_if).d("/").f(in_ip).d("(").f(iport).d(")")
        b.sp().f("hit-cnt").sp().f(_ri(r, 1, 300)).sp().words(_pick(r, ["first hit", "300-second interval"]))
        b.d(" [").f("0x" + V.hexstr(r, 8, prefix="")).d(", ").f("0x0").d("]")
    elif k == 5:                                            # translation
        b.f("%ASA-6-305011").d(": ").words(f"Built dynamic {proto} translation from").sp()
        _asa_group(b, in_if, in_ip, _eport(r))
        b.sp().f("to").sp()
        _asa_group(b, out_if, _pub_ip(r), _eport(r))
    elif k == 6:                                            # denied by ACL, bare addr/port first
        b.f("%ASA-3-710003").d(": ").words(f"{proto} access denied by ACL from").sp()
        b.f(out_ip).d("/").f(oport).sp().f("to").sp()
        _asa_group(b, out_if, in_ip, iport)
    else:                                                   # ICMP
        b.f("%ASA-3-313001").d(": ").f("Denied").sp().f("ICMP").sp()
        b.kv("type", _pick(r, ["0", "3", "8", "11"])).d(", ").kv("code", _pick(r, ["0", "1", "3"]))
        b.sp().f("from").sp().f(out_ip).sp().words("on interface").sp().f(out_if)


def _forti(r, b: Line):
    t = V.moment(r)
    if _chance(r, 0.5):
        b.d("<").f(_pick(r, ["189", "188", "190", "185"])).d(">")
    b.kv("date", t.strftime("%Y-%m-%d")).sp().kv("time", t.strftime("%H:%M:%S")).sp()
    b.kv("devname", _pick(r, ["FGT60E", "fw-branch1", "FGT-HQ"]), q='"').sp()
    b.kv("devid", "FG" + _pick(r, ["T60E", "100F", "VM64"]) + "TK" + str(_ri(r, 10 ** 9, 10 ** 10 - 1)), q='"').sp()
    b.kv("logid", f"{_ri(r, 0, 13):04d}{_ri(r, 0, 999999):06d}", q='"').sp()
    b.kv("type", "traffic", q='"').sp().kv("subtype", _pick(r, ["forward", "local"]), q='"').sp()
    b.kv("level", _pick(r, ["notice", "warning", "information"]), q='"').sp().kv("vd", "root", q='"').sp()
    b.kv("eventtime", str(_ri(r, 1600000000, 1800000000)) + str(_ri(r, 10 ** 8, 10 ** 9 - 1))).sp()
    src, dst = _priv_ip(r), _pub_ip(r)
    b.kv("srcip", src).sp().kv("srcport", _eport(r)).sp().kv("srcintf", _pick(r, ["port1", "internal", "lan"]), q='"')
    b.sp().kv("srcintfrole", "lan", q='"').sp().kv("dstip", dst).sp().kv("dstport", _sport(r)).sp()
    b.kv("dstintf", _pick(r, ["wan1", "wan2", "port2"]), q='"').sp().kv("dstintfrole", "wan", q='"').sp()
    b.kv("sessionid", _ri(r, 1, 9999999)).sp().kv("proto", _pick(r, ["6", "17", "1"])).sp()
    b.kv("action", _pick(r, ["accept", "close", "deny", "timeout", "server-rst"]), q='"').sp()
    b.kv("policyid", _ri(r, 0, 120)).sp()
    b.kv("service", _pick(r, ["HTTPS", "HTTP", "DNS", "SSH", "tcp/8443"]), q='"').sp()
    b.kv("dstcountry", _pick(r, ["United States", "Germany", "Reserved", "China"]), q='"').sp()
    b.kv("srccountry", "Reserved", q='"').sp()
    if _chance(r, 0.5):
        b.kv("trandisp", "snat", q='"').sp().kv("transip", _pub_ip(r)).sp().kv("transport", _eport(r)).sp()
    else:
        b.kv("trandisp", "noop", q='"').sp()
    b.kv("duration", _ri(r, 0, 3600)).sp().kv("sentbyte", _ri(r, 0, 999999)).sp().kv("rcvdbyte", _ri(r, 0, 999999))
    if _chance(r, 0.4):
        b.sp().kv("user", _pick(r, ["", "", "alice", "CORP\\bob"]), q='"')       # `user=""`: empty field
    if _chance(r, 0.3):
        b.sp().kv("appcat", _pick(r, ["unscanned", ""]), q='"')


_PF_TCPFLAGS = ["S", "SA", "A", "R", "RA", "FA", "FPA", "PA"]


def _pfsense(r, b: Line):
    header(r, b, "filterlog", _ri(r, 100, 99999), _pick(r, ["bsd", "bsd_pri", "bsd_nohost", "iso"]))
    v6 = _chance(r, 0.12)
    proto = _pick(r, ["tcp", "tcp", "udp", "icmp"])
    cells = [_ri(r, 1, 200), "", "", _ri(r, 1000000000, 1999999999), _pick(r, ["igb0", "igb1", "em0", "vtnet0", "re0"]),
             "match", _pick(r, ["block", "pass", "pass", "block"]), _pick(r, ["in", "out"])]
    src, dst = (_v6(r), _v6(r)) if v6 else (_pub_ip(r), _priv_ip(r))
    pnum = {"tcp": "6", "udp": "17", "icmp": "58" if v6 else "1"}[proto]
    if v6:
        cells += ["6", "0x00", f"0x{_ri(r, 0, 0xfffff):05x}", _ri(r, 1, 255), proto, pnum, _ri(r, 40, 1500), src, dst]
    else:
        cells += ["4", _pick(r, ["0x0", "0x0", "0x10"]), "", _ri(r, 1, 255), _ri(r, 0, 65535), "0",
                  _pick(r, ["DF", "none"]), pnum, proto, _ri(r, 40, 1500), src, dst]
    if proto == "tcp":
        cells += [_eport(r), _sport(r), _ri(r, 0, 1460), _pick(r, _PF_TCPFLAGS), _ri(r, 1, 4294967295),
                  _pick(r, ["", str(_ri(r, 1, 4294967295))]), _pick(r, ["64240", "65535", "1024", "29200"]), ""]
        _csv(b, cells)
        b.d(",")
        opts = _pick(r, [["mss", "sackOK", "TS", "nop", "wscale"], ["mss", "nop", "wscale", "sackOK"], ["mss"]])
        _csv(b, opts, ";")
    elif proto == "udp":
        cells += [_eport(r), _pick(r, ["53", "123", "161", "1900", "5353"]), _ri(r, 8, 1400)]
        _csv(b, cells)
    else:
        cells += [_pick(r, ["request", "reply", "unreachproto"]), _ri(r, 1, 65535), _ri(r, 1, 65535)]
        _csv(b, cells)


def _srx_flow(b: Line, a, ap, z, zp) -> Line:
    """``10.1.1.5/51515->198.51.100.20/443``: the glued ``->`` and both ``/`` are delimiters."""
    return b.f(a).d("/").f(ap).d("->").f(z).d("/").f(zp)


def _srx(r, b: Line):
    header(r, b, "RT_FLOW", False, _pick(r, ["bsd", "iso"]), host=_pick(r, ["srx01", "srx-edge", "fw-dc1"]))
    src, dst, sp, dp = _priv_ip(r), _pub_ip(r), _eport(r), _sport(r)
    app = _pick(r, ["junos-https", "junos-http", "junos-ssh", "junos-dns-udp", "junos-telnet"])
    k = _rr(r, 3)
    if k == 0:
        b.f("RT_FLOW_SESSION_CREATE").d(": ").words("session created").sp()
        _srx_flow(b, src, sp, dst, dp).sp().f("0x0").sp().f(app).sp()
        _srx_flow(b, _pub_ip(r), _eport(r), dst, dp).sp().f("0x0").sp()
        b.words("source rule").sp().f(_pick(r, ["r1", "snat-rule", "None"])).sp().f("N/A").sp().f("N/A").sp()
        b.f(_pick(r, ["6", "17"])).sp().f(_pick(r, ["trust-to-untrust", "allow-web"])).sp()
    elif k == 1:
        b.f("RT_FLOW_SESSION_DENY").d(": ").words("session denied").sp()
        _srx_flow(b, src, sp, dst, dp).sp().f("0x0").sp().f(app).sp()
        b.f(_pick(r, ["6", "17"])).d("(").f("0").d(")").sp().f("default-deny").d("(").f("global").d(")").sp()
    else:
        b.f("RT_FLOW_SESSION_CLOSE").d(": ").words("session closed").sp()
        b.words(_pick(r, ["TCP FIN", "TCP RST", "unset", "idle Timeout"])).d(": ")
        _srx_flow(b, src, sp, dst, dp).sp().f("0x0").sp().f(app).sp()
        b.f(_ri(r, 0, 99999)).d("(").f(_ri(r, 0, 9999999)).d(") ")
    b.f(_pick(r, ["trust", "untrust"])).sp().f(_pick(r, ["untrust", "dmz"])).sp().f(_ri(r, 1, 999999)).sp()
    b.f("N/A").d("(").f("N/A").d(")").sp().f(_pick(r, ["ge-0/0/1.0", "reth0.0", "ae1.100"])).sp()
    b.f("UNKNOWN").sp().f("N/A").sp().f("-1")


@family("firewall")
def firewall(r) -> Line:
    b = Line()
    v = _rr(r, 8)
    if v <= 3:
        _asa(r, b)
    elif v == 4 or v == 5:
        _forti(r, b)
    elif v == 6:
        _pfsense(r, b)
    else:
        _srx(r, b)
    return b


# ============================================================================ aws
_REGIONS = ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2"]
_PARTITIONS = ["aws", "aws", "aws", "aws", "aws-cn", "aws-us-gov"]


def _acct(r) -> str:
    return f"{_ri(r, 10 ** 11, 10 ** 12 - 1)}"


def arn(r, kind=None) -> str:
    """One ARN: ``arn:aws:iam::123456789012:user/alice``, ``arn:aws:s3:::bucket/key``, ...
    Each is ONE field wherever it stands (rule 9)."""
    p = _pick(r, _PARTITIONS)
    a, reg = _acct(r), _pick(r, _REGIONS)
    name = _pick(r, ["alice", "bob", "deploy", "ci-runner", "svc_backup", "Admin"])
    kind = kind or _pick(r, ["iam_user", "iam_role", "sts", "s3", "s3obj", "lambda", "sqs", "sns",
                             "dynamodb", "ec2", "kms", "logs", "elb"])
    fn = _pick(r, ["my-fn", "orders-handler", "thumbnail_gen", "authorizer"])
    bucket = _pick(r, ["my-bucket", "logs-" + _acct(r)[:6], "example.data", "awsexamplebucket1"])
    return {
        "iam_user": f"arn:{p}:iam::{a}:user/{name}",
        "iam_role": f"arn:{p}:iam::{a}:role/" + _pick(r, ["deploy-role", "service-role/lambda-exec", "OrganizationAccountAccessRole"]),
        "sts": f"arn:{p}:sts::{a}:assumed-role/{_pick(r, ['deploy', 'Admin', 'ReadOnly'])}/{_pick(r, ['session-1', name, 'i-0' + V.hexstr(r, 16, prefix='')])}",
        "s3": f"arn:{p}:s3:::{bucket}",
        "s3obj": f"arn:{p}:s3:::{bucket}/" + "/".join(V.word(r) for _ in range(_ri(r, 1, 3))) + "." + _pick(r, V.EXTS),
        "lambda": f"arn:{p}:lambda:{reg}:{a}:function:{fn}" + _pick(r, ["", "", ":PROD", ":$LATEST", ":7"]),
        "sqs": f"arn:{p}:sqs:{reg}:{a}:" + _pick(r, ["orders-queue", "dlq.fifo", "events"]),
        "sns": f"arn:{p}:sns:{reg}:{a}:" + _pick(r, ["alerts", "ops-topic"]),
        "dynamodb": f"arn:{p}:dynamodb:{reg}:{a}:table/" + _pick(r, ["Orders", "Users", "sessions"]),
        "ec2": f"arn:{p}:ec2:{reg}:{a}:instance/i-0" + V.hexstr(r, 16, prefix=""),
        "kms": f"arn:{p}:kms:{reg}:{a}:key/{V.uuid(r)}",
        "logs": f"arn:{p}:logs:{reg}:{a}:log-group:/aws/lambda/{fn}:*",
        "elb": f"arn:{p}:elasticloadbalancing:{reg}:{a}:targetgroup/{_pick(r, ['my-targets', 'web-tg'])}/{V.hexstr(r, 16, prefix='')}",
    }[kind]


def urn(r) -> str:
    return _pick(r, [f"urn:uuid:{V.uuid(r)}", f"urn:uuid:{V.uuid(r)}",
                     f"urn:ietf:params:oauth:grant-type:{_pick(r, ['jwt-bearer', 'token-exchange'])}",
                     f"urn:li:dataset:{_ri(r, 1, 99999)}", f"urn:isbn:{_ri(r, 10 ** 9, 10 ** 10 - 1)}"])


def _vpc_flow(r, b: Line):
    cells = ["2", _acct(r), "eni-0" + V.hexstr(r, 16, prefix="")]
    t0 = _ri(r, 1600000000, 1800000000)
    if _chance(r, 0.2):                                     # NODATA / SKIPDATA: `-` keeps each column
        cells += ["-"] * 7 + [str(t0), str(t0 + 60), "-", _pick(r, ["NODATA", "SKIPDATA"])]
    else:
        cells += [_priv_ip(r), _pub_ip(r), _eport(r), _sport(r), _pick(r, ["6", "17", "1"]),
                  str(_ri(r, 1, 900)), str(_ri(r, 40, 9999999)), str(t0), str(t0 + _ri(r, 1, 60)),
                  _pick(r, ["ACCEPT", "ACCEPT", "REJECT"]), "OK"]
    b.fields(cells)


def _alb(r, b: Line):
    t = V.moment(r)
    b.f(_pick(r, ["https", "http", "h2"])).sp().f(ts_iso(r, t, frac=6, zone="Z")).sp()
    b.f(f"app/{_pick(r, ['my-alb', 'prod-web', 'api-lb'])}/{V.hexstr(r, 16, prefix='')}").sp()
    b.f(_pub_ip(r)).d(":").f(_eport(r)).sp()
    failed = _chance(r, 0.15)
    if failed:                                              # no target: `-` and `-1` hold the columns
        b.f("-").sp().f("-1").sp().f("-1").sp().f("-1").sp().f(_pick(r, ["502", "503", "460"])).sp().f("-")
    else:
        b.f(_priv_ip(r)).d(":").f(_pick(r, ["80", "8080", "3000"])).sp()
        b.f(f"0.{_ri(r, 0, 999):03d}").sp().f(f"0.{_ri(r, 0, 999):03d}").sp().f(f"0.{_ri(r, 0, 999):03d}").sp()
        st = _pick(r, ["200", "200", "301", "404", "500"])
        b.f(st).sp().f(st)
    b.sp().f(_ri(r, 0, 9999)).sp().f(_ri(r, 0, 99999)).sp()
    host = _pick(r, ["www.example.com", "api.example.org"])
    b.quoted(f"{_pick(r, V.HTTP_METHODS[:3])} https://{host}:443{V.url_path(r)} HTTP/1.1").sp()
    b.quoted(_pick(r, ["curl/8.4.0", "Mozilla/5.0 (X11; Linux x86_64)", "-"])).sp()
    b.f(_pick(r, ["ECDHE-RSA-AES128-GCM-SHA256", "-"])).sp().f(_pick(r, ["TLSv1.2", "TLSv1.3", "-"])).sp()
    b.f(arn(r, "elb")).sp()
    b.quoted(f"Root=1-{V.hexstr(r, 8, prefix='')}-{V.hexstr(r, 24, prefix='')}").sp().quoted(host).sp()
    b.quoted(f"arn:aws:acm:{_pick(r, _REGIONS)}:{_acct(r)}:certificate/{V.uuid(r)}" if _chance(r, 0.7) else "-")
    b.sp().f(_ri(r, 0, 9)).sp().f(ts_iso(r, t, frac=6, zone="Z")).sp().quoted("forward")
    b.sp().quoted("-").sp().quoted("-")


def _s3_access(r, b: Line):
    t = V.moment(r)
    bucket = _pick(r, ["awsexamplebucket1", "my-bucket", "example.data"])
    b.f(V.hexstr(r, 64, prefix="")).sp().f(bucket).sp().d("[").f(t.strftime("%d/%b/%Y:%H:%M:%S +0000")).d("] ")
    b.f(_pub_ip(r)).sp().f(arn(r, _pick(r, ["iam_user", "sts"])) if _chance(r, 0.8) else "-").sp()
    b.f(V.hexstr(r, 16, prefix="").upper()).sp()
    op = _pick(r, ["REST.GET.OBJECT", "REST.PUT.OBJECT", "REST.GET.VERSIONING", "REST.HEAD.BUCKET"])
    key = "-" if "BUCKET" in op or "VERSIONING" in op else "/".join(V.word(r) for _ in range(_ri(r, 1, 3))) + ".json"
    b.f(op).sp().f(key).sp()
    b.quoted(f"GET /{bucket}{'?versioning' if 'VERSIONING' in op else ''} HTTP/1.1").sp()
    b.f(_pick(r, ["200", "200", "403", "404"])).sp().f(_pick(r, ["-", "-", "NoSuchKey", "AccessDenied"])).sp()
    b.f(_pick(r, ["-", str(_ri(r, 1, 99999))])).sp().f(_pick(r, ["-", str(_ri(r, 1, 99999))])).sp()
    b.f(_ri(r, 1, 999)).sp().f(_pick(r, ["-", str(_ri(r, 1, 99))])).sp()
    b.quoted("-").sp().quoted(_pick(r, ["S3Console/0.4", "aws-cli/2.13.0", "Boto3/1.28.0"])).sp().f("-")


def _json_str(b: Line, k, v) -> Line:
    b.d('"').f(k).d('":')
    return b.quoted(v)


def _cloudtrail(r, b: Line):
    user = arn(r, _pick(r, ["iam_user", "iam_role", "sts"]))
    b.d("{")
    _json_str(b, "eventVersion", "1.08").d(',"').f("userIdentity").d('":{')
    _json_str(b, "type", _pick(r, ["IAMUser", "AssumedRole", "AWSService"])).d(",")
    _json_str(b, "arn", user).d(",")
    _json_str(b, "accountId", _acct(r)).d("},")
    _json_str(b, "eventTime", ts_iso(r, frac=0, zone="Z")).d(",")
    src, name, res = _pick(r, [("s3.amazonaws.com", "GetObject", "s3obj"), ("s3.amazonaws.com", "PutObject", "s3obj"),
                               ("lambda.amazonaws.com", "Invoke", "lambda"), ("kms.amazonaws.com", "Decrypt", "kms"),
                               ("dynamodb.amazonaws.com", "PutItem", "dynamodb"), ("sqs.amazonaws.com", "SendMessage", "sqs")])
    _json_str(b, "eventSource", src).d(",")
    _json_str(b, "eventName", name).d(",")
    _json_str(b, "awsRegion", _pick(r, _REGIONS)).d(",")
    _json_str(b, "sourceIPAddress", _pub_ip(r)).d(",")
    _json_str(b, "userAgent", _pick(r, ["aws-cli/2.13.0", "Boto3/1.28.0", ""])).d(',"')
    b.f("resources").d('":[{')
    _json_str(b, "ARN", arn(r, res)).d("}],")
    _json_str(b, "requestID", V.uuid(r)).d(",")
    if _chance(r, 0.3):
        _json_str(b, "errorCode", _pick(r, ["AccessDenied", ""])).d(",")
    b.d('"').f("readOnly").d('":').f(_pick(r, ["true", "false"])).d("}")


def _lambda(r, b: Line):
    rid = V.uuid(r)
    k = _rr(r, 4)
    if k == 0:
        b.f("START").sp().f("RequestId").d(": ").f(rid).sp().f("Version").d(": ").f(_pick(r, ["$LATEST", "7", "12"]))
    elif k == 1:
        b.f("REPORT").sp().f("RequestId").d(": ").f(rid).d("\t")
        b.words("Duration").d(": ").f(f"{_ri(r, 1, 9000)}.{_ri(r, 0, 99):02d}").sp().f("ms").d("\t")
        b.words("Billed Duration").d(": ").f(_ri(r, 1, 9000)).sp().f("ms").d("\t")
        b.words("Memory Size").d(": ").f(_pick(r, ["128", "256", "1024"])).sp().f("MB").d("\t")
        b.words("Max Memory Used").d(": ").f(_ri(r, 30, 128)).sp().f("MB")
    elif k == 2:
        b.f(ts_iso(r, frac=3, zone="Z")).d("\t").f(rid).d("\t").f(_pick(r, ["INFO", "ERROR", "WARN"])).d("\t")
        b.words(_pick(r, ["Invoking", "Forwarding event to", "Publishing to"])).sp()
        b.f(arn(r, _pick(r, ["lambda", "sqs", "sns"])))
    elif _chance(r, 0.5):
        b.words("Assuming role").sp().f(arn(r, "iam_role")).sp().f("for").sp().f(arn(r, "lambda"))
    else:                                # the AccessDenied message: action split, ARNs whole
        b.f(_pick(r, ["AccessDenied", "AccessDeniedException"])).d(": ").words("User").d(": ")
        b.f(arn(r, _pick(r, ["iam_user", "sts"]))).sp().words("is not authorized to perform").d(": ")
        b.f(_pick(r, _IAM_SERVICES)).d(":").f(_pick(r, _IAM_ACTIONS)).sp().words("on resource").d(": ")
        b.f(arn(r, _pick(r, ["s3obj", "lambda", "dynamodb", "kms"])))


_IAM_SERVICES = ("s3", "iam", "ec2", "sts", "lambda", "dynamodb", "kms", "sqs", "logs")
_IAM_ACTIONS = ("GetObject", "PutObject", "ListBucket", "AssumeRole", "InvokeFunction",
                "DescribeInstances", "PutItem", "Decrypt", "SendMessage", "CreateLogStream")


def _logfmt_arn(r, b: Line):
    b.kv("time", ts_iso(r, frac=3, zone="Z")).sp().kv("level", _pick(r, ["info", "warn", "error"])).sp()
    b.kv("msg", _pick(r, ["assumed role", "access denied", "object uploaded", "message enqueued"]), q='"').sp()
    b.kv(_pick(r, ["role_arn", "principal", "resource", "target"]), arn(r)).sp()
    if _chance(r, 0.5):                  # an IAM action `s3:GetObject` is NOT an ARN: its colon
        b.f("action")                    # separates (decision 29), beside ARNs that stay whole
        k = len(b.parts) - 1
        b.d("=").f(_pick(r, _IAM_SERVICES)).d(":").f(_pick(r, _IAM_ACTIONS)).paired(k).sp()
    if _chance(r, 0.5):
        b.kv("request_id", urn(r)).sp()
    b.kv("caller", arn(r, _pick(r, ["iam_user", "sts"])), q='"' if _chance(r, 0.3) else "")
    if _chance(r, 0.3):
        b.sp().kv("error", "")                              # `error=`: an empty value


@family("aws")
def aws(r) -> Line:
    b = Line()
    k = _rr(r, 6)
    (_vpc_flow, _alb, _s3_access, _cloudtrail, _lambda, _logfmt_arn)[k](r, b)
    return b


# ============================================================================ jvm_gc
def _mem(r, unit=None):
    unit = unit or _pick(r, ["K", "K", "M"])
    cap = _ri(r, 64, 8192) * (1024 if unit == "K" else 1)
    before = _ri(r, cap // 4, cap)
    after = _ri(r, 0, before)
    return f"{before}{unit}", f"{after}{unit}", f"{cap}{unit}"


def _transition(b: Line, a, z, arrow="->") -> Line:
    """``512M->128M``: two values and a glued arrow, a delimiter."""
    return b.f(a).d(arrow).f(z)


def _heap(r, b: Line, unit=None) -> Line:
    """``512M->128M(1024M)``: before, after, capacity: three fields."""
    a, z, cap = _mem(r, unit)
    return _transition(b, a, z).d("(").f(cap).d(")")


def _secs(r) -> str:
    return f"{_ri(r, 0, 2)}.{_ri(r, 0, 9999999):07d}"


def _hotspot(r, b: Line):
    if _chance(r, 0.6):
        b.f(ts_iso(r, frac=3, zone=_pick(r, ["+0000", "+0200", "-0500"]))).d(": ")
    if _chance(r, 0.7):
        b.f(f"{_ri(r, 0, 99999)}.{_ri(r, 0, 999):03d}").d(": ")
    k = _rr(r, 4)
    unit = _pick(r, ["K", "M"])
    if k == 0:                                              # [GC (Allocation Failure) 512M->128M(1024M), 0.0123 secs]
        b.d("[").f("GC").d(" (").words(_pick(r, ["Allocation Failure", "GCLocker Initiated GC", "Metadata GC Threshold"]))
        b.d(") ")
        _heap(r, b, unit).d(", ").f(_secs(r)).sp().f("secs").d("]")
    elif k == 1:                                            # [Full GC 1234K->567K(8192K)]
        b.d("[").f("Full").sp().f("GC").sp()
        _heap(r, b, unit)
        if _chance(r, 0.5):
            b.d(", ").f(_secs(r)).sp().f("secs")
        b.d("]")
    elif k == 2:                                            # with generations
        b.d("[").f("GC").d(" (").words("Allocation Failure").d(") [").f("PSYoungGen").d(": ")
        _heap(r, b, "K").d("] ")
        _heap(r, b, "K").d(", ").f(_secs(r)).sp().f("secs").d("] [")
        b.f("Times").d(": ").kv("user", f"0.{_ri(r, 0, 99):02d}").sp().kv("sys", f"0.{_ri(r, 0, 99):02d}")
        b.d(", ").kv("real", f"0.{_ri(r, 0, 99):02d}").sp().f("secs").d("]")
    else:
        b.d("[").f("Full").sp().f("GC").d(" (").f("Ergonomics").d(") [").f("PSYoungGen").d(": ")
        _heap(r, b, "K").d("] [").f("ParOldGen").d(": ")
        _heap(r, b, "K").d("] ")
        _heap(r, b, "K").d(", [").f("Metaspace").d(": ")
        _heap(r, b, "K").d("], ").f(_secs(r)).sp().f("secs").d("]")


def _unified(r, b: Line):
    """``[2023-10-10T13:55:36.123+0000][12.345s][info][gc] GC(42) Pause Young (Normal) ...``"""
    if _chance(r, 0.6):
        b.d("[").f(ts_iso(r, frac=3, zone="+0000")).d("]")
    b.d("[").f(f"{_ri(r, 0, 99999)}.{_ri(r, 0, 999):03d}s").d("][").f(_pick(r, ["info", "info", "debug"])).d("][")
    tags = _pick(r, [["gc"], ["gc"], ["gc", "start"], ["gc", "heap"], ["gc", "phases"]])
    _csv(b, tags).d("]")
    b.d(" " * _pick(r, [1, 1, 6])).f("GC").d("(").f(_ri(r, 0, 9999)).d(") ")
    k = _rr(r, 5)
    if k == 0:
        b.words("Pause Young").d(" (").words(_pick(r, ["Normal", "Concurrent Start", "Prepare Mixed", "Mixed"])).d(") ")
        if _chance(r, 0.5):
            b.d("(").words("G1 Evacuation Pause").d(") ")
        _heap(r, b, "M").sp().f(f"{_ri(r, 0, 99)}.{_ri(r, 0, 999):03d}ms")
    elif k == 1:
        b.words("Pause Full").d(" (").f("System.gc").d("()) ")
        _heap(r, b, "M").sp().f(f"{_ri(r, 0, 999)}.{_ri(r, 0, 999):03d}ms")
    elif k == 2:
        b.words(_pick(r, ["Eden regions", "Survivor regions", "Old regions", "Humongous regions"])).d(": ")
        a, z = str(_ri(r, 0, 99)), str(_ri(r, 0, 99))
        _transition(b, a, z)
        if _chance(r, 0.6):
            b.d("(").f(_ri(r, 1, 200)).d(")")
    elif k == 3:
        b.words("Metaspace").d(": ")
        _heap(r, b, "K")
    else:
        b.words("Pause Remark").sp()
        _heap(r, b, "M").sp().f(f"{_ri(r, 0, 99)}.{_ri(r, 0, 999):03d}ms")


_STATES = ["NEW", "INIT", "RUNNING", "STOPPED", "FAILED", "FINISHED", "PENDING", "SCHEDULED",
           "CANCELED", "UP", "DOWN", "LEADER", "FOLLOWER", "CANDIDATE", "ACTIVE", "STANDBY"]


def _states(r, b: Line):
    t = V.moment(r)
    b.f(t.strftime("%Y-%m-%d %H:%M:%S,") + f"{t.microsecond // 1000:03d}").sp()
    b.f(_pick(r, ["INFO", "INFO", "WARN"])).sp()
    b.f(_pick(r, ["org.apache.flink.runtime.executiongraph.ExecutionGraph", "o.a.h.yarn.server.RMAppImpl",
                  "StateMachine", "raft.Node"])).d(" - ")
    a, z = _pick(r, _STATES), _pick(r, _STATES)
    arrow = _pick(r, ["->", "->", "=>"])
    k = _rr(r, 4)
    if k == 0:                                              # state: RUNNING->STOPPED
        b.f(_pick(r, ["Job", "Task", "app", "container"])).sp().f(V.hexstr(r, 12, prefix="")).sp().f("state").d(": ")
        _transition(b, a, z, arrow)
    elif k == 1:                                            # a chain: FOLLOWER->CANDIDATE->LEADER
        b.words("node state").sp()
        for i in range(_ri(r, 3, 4)):
            if i:
                b.d(arrow)
            b.f(_pick(r, _STATES))
    elif k == 2:                                            # version and address transitions
        b.words(_pick(r, ["upgrade", "schema migration", "rebalanced partition"])).sp()
        if _chance(r, 0.5):
            _transition(b, V.version(r), V.version(r), arrow)
        else:
            _transition(b, f"0x{V.hexstr(r, 12, prefix='')}", f"0x{V.hexstr(r, 12, prefix='')}", arrow)
    else:                                                   # key: a=>b pairs, comma separated
        b.f("transitions").d(": ")
        for i in range(_ri(r, 1, 3)):
            if i:
                b.d(", ")
            _transition(b, _pick(r, _STATES).lower(), _pick(r, _STATES).lower(), "=>")


@family("jvm_gc")
def jvm_gc(r) -> Line:
    b = Line()
    k = _rr(r, 5)
    if k <= 1:
        _hotspot(r, b)
    elif k <= 3:
        _unified(r, b)
    else:
        _states(r, b)
    return b
