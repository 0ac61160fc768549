"""The cloud families (fam_cloud: openstack, healthapp, cloud_misc) label specific constructions
as docs/LABELING.md says.

Each row of ``CASES``: for every drawn line of ``family`` whose text matches ``when``, the line
rendered with ``⟦field⟧`` must match ``expect`` (a regex searched in the rendering, or a predicate
on the Sample).  Every row must apply to a few lines, so a row cannot pass vacuously.
"""
import random
import re

import pytest

from logsplit_train import corpus
from logsplit_train.corpus import fam_cloud as FC
from logsplit_train.corpus.builder import Line
from corpus_checks import check_construction, render  # noqa: F401

N = 3000
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"




@pytest.fixture(scope="module")
def drawn():
    return {f: corpus.generate(N, seed=5, families=[f]) for f in ("openstack", "healthapp", "cloud_misc")}


def _no_field_has(sub):
    return lambda s: not any(sub in f for f in s.fields)


CASES = [
    # oslo: the log-file name with its embedded date and time is ONE field (a file name)
    ("openstack", r"^[a-z-]+\.log\S* \d{4}-",
     r"^⟦[a-z-]+\.log(\.\d+)?(\.\d{4}-\d\d-\d\d_\d\d:\d\d:\d\d)?⟧ ⟦\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}⟧ ⟦\d+⟧ ⟦[A-Z]+⟧ "),
    # the whole oslo timestamp is one field
    ("openstack", r"^\d{4}-\d\d-\d\d \d", r"^⟦\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}⟧ ⟦\d+⟧ "),
    # request context: ids are fields, and so are the lone `-` placeholders (rule 8)
    ("openstack", r"\[req-\S+ - - - - -\]", r"\[⟦req-" + UUID + r"⟧ ⟦-⟧ ⟦-⟧ ⟦-⟧ ⟦-⟧ ⟦-⟧\]"),
    ("openstack", r"\[req-\S+ [0-9a-f]{32} [0-9a-f]{32} - - -\]", r"\[⟦req-" + UUID + r"⟧ ⟦[0-9a-f]{32}⟧ ⟦[0-9a-f]{32}⟧ ⟦-⟧ ⟦-⟧ ⟦-⟧\]"),
    ("openstack", r" - default default\]", r"⟧ ⟦-⟧ ⟦default⟧ ⟦default⟧\]"),
    ("openstack", r"\[-\]", _no_field_has("[-]")),
    # [instance: <uuid>] gives two fields
    ("openstack", r"\[instance: ", r"\[⟦instance⟧: ⟦" + UUID + r"⟧\]"),
    # the quoted request line is one field; status/len/time are key and value
    ("openstack", r'"(GET|POST|PUT|DELETE|HEAD) /\S* HTTP/1\.1"', r'"⟦(GET|POST|PUT|DELETE|HEAD) /[^"⟦⟧ ]* HTTP/1\.1⟧"'),
    ("openstack", r"status: \d+ +len: ", r"⟦status⟧: ⟦\d{3}⟧ +⟦len⟧: ⟦\d+⟧ ⟦time⟧: ⟦\d+\.\d{7}⟧$"),
    ("openstack", r"\d,\d+\.\d+\.\d+\.\d+ \"", r"⟦[\d.]+⟧,⟦[\d.]+⟧ \"⟦GET "),
    # number and unit separated by a blank are two fields (decision 4), glued: one
    ("openstack", r"Total memory: ", r"⟦Total⟧ ⟦memory⟧: ⟦\d+⟧ ⟦MB⟧, ⟦used⟧: ⟦\d+\.\d\d⟧ ⟦MB⟧$"),
    ("openstack", r"Attempting claim: ", r"⟦claim⟧: ⟦memory⟧ ⟦\d+⟧ ⟦MB⟧, ⟦disk⟧ ⟦\d+⟧ ⟦GB⟧, ⟦vcpus⟧ ⟦\d+⟧ ⟦CPU⟧$"),
    ("openstack", r"phys_ram=", r"⟦phys_ram⟧=⟦\d+MB⟧ "),
    ("openstack", r"pci_stats=\[\]", r"⟦pci_stats⟧=\[\]$"),
    ("openstack", r"\(Lifecycle Event\)$", r"⟦VM⟧ ⟦(Started|Stopped|Paused|Resumed)⟧ \(⟦Lifecycle⟧ ⟦Event⟧\)$"),
    ("openstack", r"image \S+ at \(", r"⟦image⟧ ⟦" + UUID + r"⟧ ⟦at⟧ \(⟦/var/lib/nova/instances/_base/[0-9a-f]{40}⟧\): "),
    ("openstack", r"network-vif-plugged:", r"⟦network-vif-plugged⟧:⟦" + UUID + "⟧"),
    ("openstack", r"  File \"", r"  ⟦File⟧ \"⟦/[^\"]+\.py⟧\", ⟦line⟧ ⟦\d+⟧, ⟦in⟧ ⟦\w+⟧$"),
    ("openstack", r"Traceback \(most", r"⟦Traceback⟧ \(⟦most⟧ ⟦recent⟧ ⟦call⟧ ⟦last⟧\):$"),
    # HealthApp: the timestamp is one field, `|` delimits, `##` runs are one field
    ("healthapp", r"^", r"^⟦\d{8}-\d\d:\d\d:\d\d:\d{1,3}⟧\|⟦\w+⟧\|⟦\d+⟧\|"),
    ("healthapp", r"\d##\d", r"⟦\d+(##\d+)+⟧"),
    ("healthapp", r"\| getTodayTotalDetailSteps = ", r"\| ⟦getTodayTotalDetailSteps⟧ = ⟦\d+(#+\d+)+⟧$"),
    ("healthapp", r"setTodayTotalDetailSteps=", r"⟦setTodayTotalDetailSteps⟧=⟦\d+(#+\d+)+⟧$"),
    ("healthapp", r"REPORT : ", r"⟦REPORT⟧ : ⟦\d+⟧ ⟦\d+⟧ ⟦\d+⟧ ⟦\d+⟧$"),
    ("healthapp", r"totalCalories=", r"⟦calculateCaloriesWithCache⟧ ⟦totalCalories⟧=⟦\d+⟧$"),
    ("healthapp", r"\|onExtend:", r"⟦onExtend⟧:⟦\d{13}⟧ ⟦\d+⟧"),
    ("healthapp", r"flushTempCacheToDB by ", r"⟦flushTempCacheToDB⟧ ⟦by⟧ ⟦"),
    ("healthapp", r"startSync syncType = \d", r"⟦syncType⟧ = ⟦\d⟧, ⟦syncDataType⟧ = ⟦\d+⟧"),
    # Cassandra: `pool:index` and `File.java:line` split at the colon; padded level
    ("cloud_misc", r"\[CompactionExecutor:\d+\] ", r"\[⟦CompactionExecutor⟧:⟦\d+⟧\] ⟦\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}⟧ "),
    ("cloud_misc", r"^INFO  \[", r"^⟦INFO⟧  \["),
    ("cloud_misc", r"\.java:\d+ - ", r"⟦\w+\.java⟧:⟦\d+⟧ - "),
    # Kafka: bracketed timestamp, logger in parentheses
    ("cloud_misc", r"^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}\] ", r"^\[⟦\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}⟧\] ⟦[A-Z]+⟧ "),
    ("cloud_misc", r"\[ReplicaFetcher replicaId=", r"\[⟦ReplicaFetcher⟧ ⟦replicaId⟧=⟦\d⟧, ⟦leaderId⟧=⟦\d⟧, ⟦fetcherId⟧=⟦\d⟧\]"),
    ("cloud_misc", r"\(kafka\.[\w.]+\)$", r"\(⟦kafka\.[\w.]+⟧\)$"),
    # RabbitMQ: Erlang pids, `->` standing alone, host:port, rabbit@host (decision 38)
    ("cloud_misc", r"<0\.\d+\.\d+>", r"<⟦0\.\d+\.\d+⟧>"),
    ("cloud_misc", r" -> ", _no_field_has("->")),
    ("cloud_misc", r"\(\d+\.\d+\.\d+\.\d+:\d+ -> ", r"\(⟦[\d.]+⟧:⟦\d+⟧ -> ⟦[\d.]+⟧:⟦567[12]⟧"),
    ("cloud_misc", r"(?<![/\w])rabbit@rmq-0\b", r"⟦rabbit⟧@⟦rmq-0⟧"),
    ("cloud_misc", r"(?<![/\w])rabbit@mq01\.example\.com", r"⟦rabbit@mq01\.example\.com⟧"),
    ("cloud_misc", r"^=[A-Z]+ REPORT====", r"^=⟦[A-Z]+⟧ ⟦REPORT⟧==== ⟦\d+-\w{3}-\d{4}::\d\d:\d\d:\d\d⟧ ===$"),
    # etcd `I | pkg:` and hclog `[INFO]  module:`
    ("cloud_misc", r"^\S+ \S+ [IWENDC] \| ", r"^⟦\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}⟧ ⟦[IWENDC]⟧ \| ⟦[\w./]+⟧: "),
    ("cloud_misc", r"ClientURLs:\[", r"⟦ClientURLs⟧:\[⟦http://[\d.]+:\d+⟧\]\}"),
    ("cloud_misc", r"T\S+ \[(INFO|WARN|ERROR|DEBUG|TRACE)\] +\w", r"^⟦[^⟧ ]+⟧ \[⟦(INFO|WARN|ERROR|DEBUG|TRACE)⟧\] +⟦[\w.-]+⟧: "),
    ("cloud_misc", r"last-leader-addr= last-leader-id=$", r"⟦last-leader-addr⟧=⟦⟧ ⟦last-leader-id⟧=⟦⟧$"),
    # `/` directly before an IP address is a delimiter
    ("cloud_misc", r" /\d+\.\d+\.\d+\.\d+", r" /⟦\d+\.\d+\.\d+\.\d+⟧"),
    # ingress-nginx: empty brackets give no field
    ("cloud_misc", r"\] \[\] ", r"\[⟦[\w-]+⟧\] \[\] "),
]


@pytest.mark.parametrize("family,when,expect", CASES, ids=[f"{c[0]}:{c[1][:30]}" for c in CASES])
def test_construction(drawn, family, when, expect):
    check_construction(drawn[family], when, expect)


@pytest.mark.parametrize("name,host,fields", [
    ("rabbit", "rmq-0", ["rabbit", "rmq-0"]),
    ("rabbit", "node2", ["rabbit", "node2"]),
    ("rabbit", "mq01.example.com", ["rabbit@mq01.example.com"]),
    ("celery", "w2.example.com", ["celery@w2.example.com"]),
])
def test_at_name(name, host, fields):
    assert FC._at_name(Line(), name, host).build().fields == fields


def test_hashrun_is_one_field():
    r = random.Random(2)
    for _ in range(200):
        (f,) = _one(FC._hashrun, r)
        assert re.fullmatch(r"\d+(#{1,2}\d+)+", f), f


def _one(slot, r):
    b = Line()
    slot(r, b, None)
    return b.build().fields


def test_openstack_context_placeholders_are_fields():
    r = random.Random(9)
    for _ in range(300):
        b = Line()
        FC._os_context(r, b, False)
        s = b.build()
        assert s.text.startswith("[") and s.text.endswith("]"), s.text
        # every slot keeps its field: the context always has the same number of fields
        assert all(f == "-" or f == "None" or f == "default" or f.startswith("req-") or re.fullmatch(r"[0-9a-f]{32}|admin|demo|service|nova|alt_demo", f)
                   for f in s.fields), s.text


def test_cloud_families_deterministic():
    for f in ("openstack", "healthapp", "cloud_misc"):
        a = [s.text for s in corpus.generate(50, seed=1, families=[f])]
        b = [s.text for s in corpus.generate(50, seed=1, families=[f])]
        assert a == b
