"""The network families (fam_network: firewall, aws, jvm_gc) and the issue-8 constructions of the
system and cloud families label as docs/LABELING.md says: rule 6 (control characters), rule 8
(`-` placeholders and empty values are fields), rule 9 (the same construct splits alike: every
`interface:address/port` group, every ARN), glued `->`/`=>` between values.

Each row of ``CASES``: for every drawn line of ``family`` whose text matches ``when``, the line
rendered with ``⟦field⟧`` must match ``expect`` (a regex searched in the rendering, or a predicate
on the Sample).  Every row must apply to a few lines, so a row cannot pass vacuously.
"""
import random
import re

import pytest

from logsplit.fieldspans import empty_positions, has_controls
from logsplit_train import corpus
from logsplit_train.corpus import fam_network as FN
from logsplit_train.corpus import fam_syslog as FS
from logsplit_train.corpus.builder import Line
from corpus_checks import check_construction, render  # noqa: F401

N = 2000
IP4 = r"\d+\.\d+\.\d+\.\d+"
IP = r"[0-9a-f.:]+"
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
ARN = r"arn:aws(-cn|-us-gov)?:[a-z0-9-]+:[a-z0-9-]*:\d*:[^\s\"⟦⟧,]+"
FAMILIES = ("firewall", "aws", "jvm_gc", "syslog_rfc5424", "syslog_rfc3164", "openstack", "haproxy",
            "iptables", "sshd", "sudo_cron_pam", "cloud_misc", "ras_supercomputer", "kernel_dmesg",
            "journald", "docker", "healthapp")




@pytest.fixture(scope="module")
def drawn():
    return {f: corpus.generate(N, seed=8, families=[f]) for f in FAMILIES}


def _every_arn_whole(s):
    """Rule 9: each ARN/URN in the text is exactly one field."""
    found = re.findall(r"(?:arn:aws[\w-]*|urn):[^\s\",}\]]+", s.text)
    return found and all(a in s.fields for a in found)


def _controls_are_delimiters(s):
    return has_controls(s.text) and not any(has_controls(f) for f in s.fields) and \
        empty_positions(s.text, s.mask) == list(s.empties)


CASES = [
    # --- firewall: every interface:address/port group splits alike (rule 9)
    ("firewall", r"%ASA-\d-30201[35]: Built",
     r"⟦for⟧ ⟦\w+⟧:⟦" + IP + r"⟧/⟦\d+⟧ \(⟦" + IP + r"⟧/⟦\d+⟧\) ⟦to⟧ ⟦\w+⟧:⟦" + IP + r"⟧/⟦\d+⟧ \(⟦" + IP + r"⟧/⟦\d+⟧\)"),
    ("firewall", r"%ASA-\d-30201[46]: Teardown",
     r"⟦for⟧ ⟦\w+⟧:⟦" + IP + r"⟧/⟦\d+⟧ ⟦to⟧ ⟦\w+⟧:⟦" + IP + r"⟧/⟦\d+⟧ ⟦duration⟧ ⟦\d:\d\d:\d\d⟧ ⟦bytes⟧ ⟦\d+⟧"),
    ("firewall", r"%ASA-4-106023", r"⟦src⟧ ⟦\w+⟧:⟦" + IP + r"⟧/⟦\d+⟧ ⟦dst⟧ ⟦\w+⟧:⟦" + IP + r"⟧/⟦\d+⟧ ⟦by⟧ ⟦access-group⟧ \"⟦[\w-]+⟧\" \[⟦0x[0-9a-f]{8}⟧, ⟦0x0⟧\]$"),
    ("firewall", r"%ASA-6-106100", r"⟦\w+⟧/⟦" + IP + r"⟧\(⟦\d+⟧\) -> ⟦\w+⟧/⟦" + IP + r"⟧\(⟦\d+⟧\) ⟦hit-cnt⟧ ⟦\d+⟧"),
    ("firewall", r"%ASA-3-710003", r"⟦from⟧ ⟦" + IP + r"⟧/⟦\d+⟧ ⟦to⟧ ⟦\w+⟧:⟦" + IP + r"⟧/⟦\d+⟧$"),
    ("firewall", r"%ASA-6-305011", r"⟦from⟧ ⟦\w+⟧:⟦" + IP + r"⟧/⟦\d+⟧ ⟦to⟧ ⟦\w+⟧:⟦" + IP + r"⟧/⟦\d+⟧$"),
    ("firewall", r"%ASA-", r"⟦%ASA-\d-\d{6}⟧: "),
    ("firewall", r"\(LOCAL\\", r"\(⟦LOCAL\\\w+⟧\)$"),
    ("firewall", r"^\w{3} \d\d \d{4} ", r"^⟦\w{3} \d\d \d{4} \d\d:\d\d:\d\d⟧ ⟦[\w-]+⟧ : ⟦%ASA"),
    # SRX: the glued `->` and the `/` before each port are delimiters
    ("firewall", r"RT_FLOW_SESSION", r"⟦" + IP4 + r"⟧/⟦\d+⟧->⟦" + IP4 + r"⟧/⟦\d+⟧ ⟦0x0⟧ ⟦junos-[\w-]+⟧"),
    ("firewall", r"RT_FLOW_SESSION_DENY", r"⟦\d+⟧\(⟦0⟧\) ⟦default-deny⟧\(⟦global⟧\)"),
    ("firewall", r"RT_FLOW", r"⟦N/A⟧\(⟦N/A⟧\) ⟦[\w./-]+⟧ ⟦UNKNOWN⟧ ⟦N/A⟧ ⟦-1⟧$"),
    # pfSense: empty CSV cells are empty fields; options split at `;`
    ("firewall", r"filterlog\[\d+\]: \d+,,,", r"\]: ⟦\d+⟧,⟦⟧,⟦⟧,⟦\d{10}⟧,⟦\w+⟧,⟦match⟧,⟦(block|pass)⟧,⟦(in|out)⟧,"),
    ("firewall", r",4,0x[01]0?,,", r",⟦4⟧,⟦0x[01]0?⟧,⟦⟧,⟦\d+⟧,"),
    ("firewall", r",tcp,.*,mss", r",⟦\d+⟧,⟦⟧,⟦mss⟧(;⟦\w+⟧)*$"),
    # FortiGate: key=value, quoted values one field, `user=""` an empty field
    ("firewall", r"^(<\d+>)?date=", r"⟦date⟧=⟦\d{4}-\d\d-\d\d⟧ ⟦time⟧=⟦\d\d:\d\d:\d\d⟧ ⟦devname⟧=\"⟦[\w-]+⟧\""),
    ("firewall", r"dstcountry=\"United States\"", r"⟦dstcountry⟧=\"⟦United States⟧\""),
    ("firewall", r' user=""', r"⟦user⟧=\"⟦⟧\""),
    ("firewall", r"srcip=", r"⟦srcip⟧=⟦" + IP4 + r"⟧ ⟦srcport⟧=⟦\d+⟧ "),
    # --- aws: an ARN / URN is one field, quoted or not (rule 9)
    ("aws", r"arn:aws", _every_arn_whole),
    ("aws", r"\barn:aws[\w-]*:iam::\d{12}:user/", r"⟦arn:aws[\w-]*:iam::\d{12}:user/[\w-]+⟧"),
    ("aws", r"\barn:aws[\w-]*:s3:::", r"⟦arn:aws[\w-]*:s3:::[\w.-]+(/[\w/.-]+)?⟧"),
    ("aws", r"\barn:aws[\w-]*:lambda:", r"⟦arn:aws[\w-]*:lambda:[\w-]+:\d{12}:function:[\w-]+(:[\w$]+)?⟧"),
    ("aws", r"\burn:uuid:", r"⟦urn:uuid:" + UUID + r"⟧"),
    ("aws", r"\"arn\":\"", r"\"⟦arn⟧\":\"⟦" + ARN + r"⟧\""),
    ("aws", r'"userAgent":""', r"\"⟦userAgent⟧\":\"⟦⟧\""),
    ("aws", r"role_arn=|principal=|resource=|target=", r"⟦(role_arn|principal|resource|target)⟧=⟦" + ARN + r"⟧ "),
    ("aws", r" error=$", r"⟦error⟧=⟦⟧$"),
    # an IAM action is not an ARN: its colon separates (decision 29)
    ("aws", r" action=", r" ⟦action⟧=⟦[a-z0-9]+⟧:⟦[A-Z]\w+⟧ "),
    ("aws", r"not authorized to perform", r"⟦perform⟧: ⟦[a-z0-9]+⟧:⟦[A-Z]\w+⟧ ⟦on⟧ ⟦resource⟧: ⟦" + ARN + r"⟧$"),
    # VPC flow NODATA: each `-` keeps its column (rule 8)
    ("aws", r"NODATA|SKIPDATA", r"^⟦2⟧ ⟦\d{12}⟧ ⟦eni-0[0-9a-f]{16}⟧ (⟦-⟧ ){7}⟦\d+⟧ ⟦\d+⟧ ⟦-⟧ ⟦(NODATA|SKIPDATA)⟧$"),
    ("aws", r"^2 \d{12} eni-\S+ \d", r"^⟦2⟧ ⟦\d{12}⟧ ⟦eni-0[0-9a-f]{16}⟧ ⟦" + IP4 + r"⟧ ⟦" + IP4 + r"⟧ ⟦\d+⟧ ⟦\d+⟧ ⟦\d+⟧ "),
    # ALB: a failed target is `-` and `-1` fields; the trailing "-" cells are fields
    ("aws", r"^(https?|h2) \S+ app/\S+ \S+ - -1", r"⟦" + IP4 + r"⟧:⟦\d+⟧ ⟦-⟧ ⟦-1⟧ ⟦-1⟧ ⟦-1⟧ ⟦\d{3}⟧ ⟦-⟧ "),
    ("aws", r"^(https?|h2) ", r"\"⟦forward⟧\" \"⟦-⟧\" \"⟦-⟧\"$"),
    ("aws", r"^(https?|h2) ", r"⟦app/[\w-]+/[0-9a-f]{16}⟧ "),
    # S3 access log: `-` columns are fields
    ("aws", r" REST\.\w+\.(VERSIONING|BUCKET) - ", r"⟦REST\.\w+\.(VERSIONING|BUCKET)⟧ ⟦-⟧ \""),
    ("aws", r"\] \S+ - [0-9A-F]{16} ", r"\] ⟦" + IP4 + r"⟧ ⟦-⟧ ⟦[0-9A-F]{16}⟧ "),
    ("aws", r"^REPORT ", r"^⟦REPORT⟧ ⟦RequestId⟧: ⟦" + UUID + r"⟧\t⟦Duration⟧: ⟦[\d.]+⟧ ⟦ms⟧\t⟦Billed⟧ ⟦Duration⟧: "),
    # --- jvm_gc: a glued `->` / `=>` between values is a delimiter
    ("jvm_gc", r"\[GC \((Allocation Failure|GCLocker Initiated GC|Metadata GC Threshold)\) \d",
     r"\[⟦GC⟧ \((⟦\w+⟧ ?)+\) ⟦\d+[KM]⟧->⟦\d+[KM]⟧\(⟦\d+[KM]⟧\), ⟦\d\.\d{7}⟧ ⟦secs⟧\]"),
    ("jvm_gc", r"\[Full GC \d", r"\[⟦Full⟧ ⟦GC⟧ ⟦\d+[KM]⟧->⟦\d+[KM]⟧\(⟦\d+[KM]⟧\)(, ⟦[\d.]+⟧ ⟦secs⟧)?\]"),
    ("jvm_gc", r"PSYoungGen", r"\[⟦PSYoungGen⟧: ⟦\d+K⟧->⟦\d+K⟧\(⟦\d+K⟧\)\]"),
    ("jvm_gc", r"\[Times: ", r"\[⟦Times⟧: ⟦user⟧=⟦0\.\d\d⟧ ⟦sys⟧=⟦0\.\d\d⟧, ⟦real⟧=⟦0\.\d\d⟧ ⟦secs⟧\]$"),
    ("jvm_gc", r"Pause Young \(Normal\)", r"⟦GC⟧\(⟦\d+⟧\) ⟦Pause⟧ ⟦Young⟧ \(⟦Normal⟧\) (\(⟦G1⟧ ⟦Evacuation⟧ ⟦Pause⟧\) )?⟦\d+M⟧->⟦\d+M⟧\(⟦\d+M⟧\) ⟦\d+\.\d{3}ms⟧$"),
    ("jvm_gc", r"Pause Full \(System", r"\(⟦System\.gc⟧\(\)\) ⟦\d+M⟧->⟦\d+M⟧"),
    ("jvm_gc", r"regions: \d", r"⟦regions⟧: ⟦\d+⟧->⟦\d+⟧(\(⟦\d+⟧\))?$"),
    ("jvm_gc", r"\]\[gc,", r"\]\[⟦gc⟧,⟦(start|heap|phases)⟧\]"),
    ("jvm_gc", r"^\[\d+\.\d{3}s\]", r"^\[⟦\d+\.\d{3}s⟧\]\[⟦(info|debug)⟧\]"),
    ("jvm_gc", r" state: [A-Z]+[-=]>", r"⟦state⟧: ⟦[A-Z]+⟧[-=]>⟦[A-Z]+⟧$"),
    ("jvm_gc", r"node state [A-Z]+[-=]>", r"⟦state⟧ (⟦[A-Z]+⟧[-=]>){2,3}⟦[A-Z]+⟧$"),
    ("jvm_gc", r"transitions: ", r"⟦transitions⟧: ⟦[a-z]+⟧=>⟦[a-z]+⟧(, ⟦[a-z]+⟧=>⟦[a-z]+⟧)*$"),
    ("jvm_gc", r"0x[0-9a-f]{12}[-=]>0x", r"⟦0x[0-9a-f]{12}⟧[-=]>⟦0x[0-9a-f]{12}⟧$"),
    ("jvm_gc", r"[-=]>", lambda s: not any("->" in f or "=>" in f for f in s.fields)),
    # --- rule 8 in the system and cloud families: `-` in a value's place is a field
    ("syslog_rfc5424", r"^<\d+>1 - ", r"^<⟦\d+⟧>⟦1⟧ ⟦-⟧ "),
    ("syslog_rfc5424", r"^<\d+>1 \S+ - ", r"^<⟦\d+⟧>⟦1⟧ ⟦[^⟧]+⟧ ⟦-⟧ ⟦[\w-]+⟧ "),
    ("syslog_rfc5424", r"^<\d+>1 \S+ \S+ \S+ - - - ", r"^<⟦\d+⟧>⟦1⟧ ⟦[^⟧]+⟧ ⟦[^⟧]+⟧ ⟦[\w-]+⟧ ⟦-⟧ ⟦-⟧ ⟦-⟧ "),
    ("syslog_rfc5424", r'=""', lambda s: "" in s.fields and re.search(r'⟦\w+⟧="⟦⟧"', render(s))),
    ("sshd", r"^<\d+>1 \S+ \S+ \S+ (\d+|-) (\S+) - ", r"^<⟦\d+⟧>⟦1⟧ ⟦[^⟧]+⟧ ⟦[^⟧]+⟧ ⟦[^⟧]+⟧ ⟦[^⟧]+⟧ ⟦[^⟧]+⟧ ⟦-⟧ "),
    ("openstack", r"\[req-\S+ - - - - -\]", r"\[⟦req-" + UUID + r"⟧ ⟦-⟧ ⟦-⟧ ⟦-⟧ ⟦-⟧ ⟦-⟧\]"),
    ("openstack", r"\[req-\S+ [0-9a-f]{32} [0-9a-f]{32} - - -\]", r"⟦[0-9a-f]{32}⟧ ⟦[0-9a-f]{32}⟧ ⟦-⟧ ⟦-⟧ ⟦-⟧\]"),
    ("openstack", r" - default default\]", r"⟦[0-9a-f]{32}⟧ ⟦-⟧ ⟦default⟧ ⟦default⟧\]"),
    ("openstack", r"\[-\]", r"\[⟦-⟧\]"),
    ("openstack", r"\d - - \[\d\d/", r"⟦" + IP4 + r"⟧ ⟦-⟧ ⟦-⟧ \[⟦\d\d/\w{3}/\d{4} \d\d:\d\d:\d\d⟧\] \""),
    ("cloud_misc", r"^\S+ - - \[", r"^⟦" + IP4 + r"⟧ ⟦-⟧ ⟦-⟧ \["),
    ("cloud_misc", r"\] - - - - \w", r"\] ⟦-⟧ ⟦-⟧ ⟦-⟧ ⟦-⟧ ⟦[0-9a-f]{32}⟧$"),
    ("cloud_misc", r"last-leader-addr= last-leader-id=$", r"⟦last-leader-addr⟧=⟦⟧ ⟦last-leader-id⟧=⟦⟧$"),
    ("haproxy", r" - - ---- ", r"⟦\+?\d+⟧ ⟦-⟧ ⟦-⟧ ⟦----⟧ ⟦\d+/\d+/\d+/\d+/\+?\d+⟧ "),
    ("haproxy", r" [A-Za-z-]{4} \d+/\d+/\d+/\d+/\+?\d+ ", r" ⟦[A-Za-z-]{4}⟧ ⟦\d+/\d+/\d+/\d+/\+?\d+⟧ "),
    ("haproxy", r" -- \d+/\d+/\d+/\d+/\d+ ", r" ⟦--⟧ ⟦\d+/\d+/\d+/\d+/\d+⟧ "),
    ("ras_supercomputer", r"^- \d{10} ", r"^⟦-⟧ ⟦\d{10}⟧ ⟦\d{4}\.\d\d\.\d\d⟧ "),
    # empty values: `key=` before a blank or at the end is an empty field
    ("iptables", r" OUT= ", r"⟦OUT⟧=⟦⟧ "),
    ("iptables", r"IN= ", r"⟦IN⟧=⟦⟧ ⟦OUT⟧=⟦\w+⟧"),
    ("iptables", r"MAC= ", r"⟦MAC⟧=⟦⟧ ⟦SRC⟧="),
    ("sshd", r"ruser= rhost=", r"⟦logname⟧=⟦⟧ ⟦uid⟧=⟦0⟧ ⟦euid⟧=⟦0⟧ ⟦tty⟧=⟦ssh⟧ ⟦ruser⟧=⟦⟧ ⟦rhost⟧=⟦[^⟧]+⟧"),
    ("sudo_cron_pam", r"rhost=  user=", r"⟦rhost⟧=⟦⟧  ⟦user⟧=⟦[\w-]+⟧$"),
    ("kernel_dmesg", r"bcdDevice= \d", r"⟦bcdDevice⟧=⟦⟧ ⟦\d+\.\d+⟧$"),
    ("healthapp", r"[a-zA-Z]= \d", lambda s: re.search(r"⟦\w+⟧=⟦⟧ ⟦[\w.#-]+⟧", render(s))),
    # --- rule 6: control characters are delimiters, never inside a field
    ("journald", "\x1b", _controls_are_delimiters),
    ("docker", "[\x00-\x08\x0b-\x1f\x7f]", _controls_are_delimiters),
    ("kernel_dmesg", "[\x00-\x08\x0b-\x1f\x7f]", _controls_are_delimiters),
    ("journald", "\x1b\\[[0-9;]*m[A-Za-z]", r"\x1b\[[0-9;]*m⟦[^⟧\x1b]+⟧(\x1b\[[0-9;]*m|[^⟦]*⟦)"),
    ("kernel_dmesg", "^\x1b\\]0;", r"^\x1b\]0;[^\x07⟦⟧]*\x07(\[|⟦)"),
]


@pytest.mark.parametrize("family,when,expect", CASES, ids=[f"{c[0]}:{c[1][:30]}" for c in CASES])
def test_construction(drawn, family, when, expect):
    check_construction(drawn[family], when, expect)


@pytest.mark.parametrize("build,fields", [
    (lambda b: FN._asa_group(b, "outside", "198.51.100.20", "51515"), ["outside", "198.51.100.20", "51515"]),
    (lambda b: FN._asa_group(b, "inside", "2001:db8::1", "443"), ["inside", "2001:db8::1", "443"]),
    (lambda b: FN._asa_mapped(b.f("x"), "10.1.1.5", "443"), ["x", "10.1.1.5", "443"]),
    (lambda b: FN._srx_flow(b, "10.1.1.5", "51515", "198.51.100.20", "443"),
     ["10.1.1.5", "51515", "198.51.100.20", "443"]),
    (lambda b: FN._transition(b, "512M", "128M").d("(").f("1024M").d(")"), ["512M", "128M", "1024M"]),
    (lambda b: FN._transition(b, "RUNNING", "STOPPED", "=>"), ["RUNNING", "STOPPED"]),
    (lambda b: FN._csv(b, ["5", "", "", "igb1"]), ["5", "", "", "igb1"]),
    (lambda b: FN._csv(b, ["mss", "sackOK", "TS"], ";"), ["mss", "sackOK", "TS"]),
])
def test_shapes(build, fields):
    s = build(Line()).build()
    assert s.fields == fields, s.text
    assert empty_positions(s.text, s.mask) == s.empties, s.text


@pytest.mark.parametrize("kind", ["iam_user", "iam_role", "sts", "s3", "s3obj", "lambda", "sqs", "sns",
                                  "dynamodb", "ec2", "kms", "logs", "elb"])
def test_arn_is_one_field(kind):
    r = random.Random(kind)
    for _ in range(50):
        a = FN.arn(r, kind)
        assert a.startswith("arn:aws") and " " not in a, a
        s = Line().f("principal").d("=").f(a).sp().quoted(a).build()
        assert s.fields == ["principal", a, a]


@pytest.mark.parametrize("template,fields", [
    ("logname= uid=0 ruser= rhost={ip}", ["logname", "", "uid", "0", "ruser", "", "rhost", "IP"]),
    ("bcdDevice= {n}.{n}", ["bcdDevice", "", "N.N"]),
    ('rdomain ""', ["rdomain", ""]),
    ("rhost=  user={user}", ["rhost", "", "user", "U"]),
    ("x-pid={n} to=", ["x-pid", "N", "to", ""]),
])
def test_template_empties_are_declared(template, fields):
    """Constant template text: `key=` before a blank or the end, and `""`, give declared empty
    fields exactly where logsplit.fieldspans derives them."""
    slots = {"ip": lambda r, b, c: b.f("IP"), "n": lambda r, b, c: b.f("N"), "user": lambda r, b, c: b.f("U")}
    s = FS.emit(random.Random(0), Line(), FS.tpl(template, slots)).build()
    assert s.fields == fields, s.text
    assert empty_positions(s.text, s.mask) == s.empties, s.text


def test_control_noise_keeps_fields_and_empties():
    r = random.Random(4)
    seen = set()
    for _ in range(400):
        b = Line().f("kernel").sp().f("eth0").d(": ").kv("ruser", "").sp().kv("rhost", "10.0.0.1")
        plain = b.build()
        s = FS.control_noise(r, b, 1.0).build()
        assert s.fields == plain.fields, repr(s.text)
        assert not any(has_controls(f) for f in s.fields)
        assert empty_positions(s.text, s.mask) == s.empties, repr(s.text)
        assert [(s.fields[k], s.fields[v]) for k, v in s.pairs] == [("ruser", ""), ("rhost", "10.0.0.1")]
        seen.update(c for c in s.text if has_controls(c))
    assert {"\x1b", "\x07"} <= seen and ({"\x00", "\r"} & seen)


def test_network_families_registered_and_deterministic():
    assert {"firewall", "aws", "jvm_gc"} <= set(corpus.names())
    assert {corpus.GROUPS[f] for f in ("firewall", "aws", "jvm_gc")} == {"network"}
    for f in ("firewall", "aws", "jvm_gc"):
        a = [s.text for s in corpus.generate(50, seed=1, families=[f])]
        assert a == [s.text for s in corpus.generate(50, seed=1, families=[f])]
