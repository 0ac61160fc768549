"""Key/value pairs (logsplit/pairs.py): the decision rules on an inline table, the JSON key and
``-f`` by key name through the real CLI."""
import json

import pytest

from logsplit.marked import parse_marked
from logsplit.pairs import find_pairs, lookup
from logsplit.splitter import Layout

# A line marked with its (true) fields, ⟦⟧ an empty field, and the pairs expected, as
# (key, value) texts in order.  The not-a-pair cases are as important as the pairs.
CASES = [
    # key=value, logfmt, quoted, empty values (rule 8)
    ("⟦level⟧=⟦warn⟧ ⟦msg⟧=\"⟦disk full⟧\" ⟦used⟧=⟦93.5%⟧",
     [("level", "warn"), ("msg", "disk full"), ("used", "93.5%")]),
    ("⟦ruser⟧=⟦⟧ ⟦rhost⟧=⟦10.0.0.1⟧", [("ruser", ""), ("rhost", "10.0.0.1")]),
    ("⟦ua⟧=\"⟦⟧\" ⟦ref⟧=\"⟦-⟧\"", [("ua", ""), ("ref", "-")]),
    ("⟦IN⟧=⟦⟧ ⟦OUT⟧=⟦eth0⟧ ⟦MAC⟧=⟦⟧ ⟦SRC⟧=⟦10.1.2.3⟧", [("IN", ""), ("OUT", "eth0"), ("MAC", ""),
                                                        ("SRC", "10.1.2.3")]),
    ("⟦took⟧ = ⟦50ms⟧; ⟦pid⟧ = ⟦77⟧", [("took", "50ms"), ("pid", "77")]),
    ("⟦shard_id⟧=`⟦StateMachine⟧`", [("shard_id", "StateMachine")]),
    ("⟦Retry⟧(⟦total⟧=⟦2⟧, ⟦connect⟧=⟦None⟧)", [("total", "2"), ("connect", "None")]),
    # JSON in a line, Python dict reprs
    ("{\"⟦status⟧\": ⟦404⟧, \"⟦time⟧\":\"⟦5ms⟧\", \"⟦ok⟧\": ⟦true⟧}",
     [("status", "404"), ("time", "5ms"), ("ok", "true")]),
    ("{\"⟦t⟧\":{\"⟦$date⟧\":\"⟦2024-01-01T00:00:00Z⟧\"},\"⟦s⟧\":\"⟦I⟧\"}",
     [("$date", "2024-01-01T00:00:00Z"), ("s", "I")]),
    ("{'⟦name⟧': '⟦x⟧', '⟦tags⟧': ['⟦a⟧', '⟦b⟧']}", [("name", "x")]),
    # key: value lists
    ("⟦client⟧: ⟦10.0.0.9⟧, ⟦server⟧: ⟦localhost⟧, ⟦request⟧: \"⟦GET / HTTP/1.1⟧\"",
     [("client", "10.0.0.9"), ("server", "localhost"), ("request", "GET / HTTP/1.1")]),
    ("⟦src⟧: ⟦/10.0.0.1⟧:⟦50010⟧ ⟦dest⟧: ⟦/10.0.0.2⟧:⟦50010⟧",
     [("src", "/10.0.0.1"), ("dest", "/10.0.0.2")]),
    ("(⟦Duration⟧: ⟦116.9ms⟧ | ⟦Allocations⟧: ⟦56725⟧)",
     [("Duration", "116.9ms"), ("Allocations", "56725")]),
    ("⟦Killed⟧ ⟦process⟧ ⟦759⟧ (⟦java⟧) ⟦total-vm⟧:⟦97604kB⟧, ⟦anon-rss⟧:⟦89563kB⟧",
     [("total-vm", "97604kB"), ("anon-rss", "89563kB")]),
    ("⟦ProcessThread⟧(⟦sid⟧:⟦1⟧ ⟦cport⟧:⟦-1⟧):", [("sid", "1"), ("cport", "-1")]),
    ("⟦retrying⟧ ⟦file⟧: ⟦blk_123⟧ ⟦size⟧: ⟦849M⟧\t⟦done⟧", [("file", "blk_123"), ("size", "849M")]),
    ("⟦Started⟧ ⟦in⟧ ⟦lifetime⟧: ⟦21:28⟧ ⟦is⟧ ⟦ok⟧", [("lifetime", "21:28")]),
    ("⟦MongoDB⟧ ⟦starting⟧ : ⟦pid⟧=⟦4242⟧ ⟦port⟧=⟦27017⟧", [("pid", "4242"), ("port", "27017")]),
    # not pairs: a component, a header word or a time before a colon, prose after it
    ("⟦081109⟧ ⟦INFO⟧ ⟦dfs.FSNamesystem⟧: ⟦BLOCK*⟧ ⟦NameSystem.allocateBlock⟧: ⟦/user/x⟧", []),
    ("⟦sshd⟧: ⟦Invalid⟧ ⟦user⟧ ⟦admin⟧", []),
    ("⟦at⟧ ⟦12:00⟧: ⟦done⟧", []),
    ("⟦ERROR⟧: ⟦null⟧ ⟦value⟧ ⟦in⟧ ⟦column⟧", []),
    ("⟦LOG⟧:  ⟦duration⟧: ⟦0.3⟧ ⟦ms⟧", [("duration", "0.3")]),
    ("⟦tun0⟧: ⟦DHCPv4⟧ ⟦address⟧ ⟦10.0.0.2/24⟧", []),
    ("⟦kernel⟧: ⟦netfilter-drop⟧ ⟦IN⟧=⟦eth0⟧", [("IN", "eth0")]),
    ("⟦pam_unix⟧(⟦sshd⟧:⟦auth⟧): ⟦authentication⟧ ⟦failure⟧", []),
    ("⟦connect⟧ ⟦to⟧ ⟦web01⟧:⟦8080⟧ ⟦and⟧ ⟦localhost⟧:⟦443⟧ ⟦and⟧ ⟦api-gw⟧:⟦9000⟧", []),
    ("⟦error⟧ : ⟦Could⟧ ⟦not⟧ ⟦connect⟧", []),
    ("⟦broken⟧ ⟦by⟧ '⟦ReadTimeoutError⟧': ⟦/items⟧", []),
    ("⟦if⟧ ⟦a⟧ == ⟦b⟧ ⟦or⟧ ⟦c⟧ != ⟦d⟧ ⟦or⟧ ⟦e⟧ >= ⟦f⟧", []),
    ("⟦512M⟧->⟦128M⟧ ⟦x⟧=>⟦y⟧", []),
    ("⟦1⟧=⟦2⟧", []),
    ("⟦config⟧:⟦18251⟧:⟦LabSZ⟧, ⟦release⟧", []),                 # a chain, not a pair
    ("⟦sid⟧:⟦7⟧, ⟦pid⟧:⟦12⟧", [("sid", "7"), ("pid", "12")]),
    ("⟦attrs⟧=[⟦a⟧ ⟦b⟧]", []),
    # decided: a list after a colon pairs its first item; the others are fields of their own
    ("⟦Changing⟧ ⟦view⟧ ⟦acls⟧ ⟦to⟧: ⟦yarn⟧,⟦curi⟧", [("to", "yarn")]),
]


def named(text, spans, pairs):
    return [(text[spans[k][0]:spans[k][1]], text[spans[v][0]:spans[v][1]]) for k, v in pairs]


@pytest.mark.parametrize("marked,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_pairs_table(marked, expected):
    text, spans = parse_marked(marked)
    pairs = find_pairs(text, spans)
    assert named(text, spans, pairs) == expected
    assert all(k < v for k, v in pairs)


def test_a_field_is_in_one_pair_at_most():
    text, spans = parse_marked("⟦a⟧=⟦b⟧=⟦c⟧ ⟦userId⟧ = ⟦rows⟧ =⟦7⟧")
    assert named(text, spans, find_pairs(text, spans)) == [("a", "b"), ("rows", "7")]


def test_pairs_do_not_depend_on_which_digits():
    # a Layout is shared by lines that differ only in digits: their pairs must be equal
    for marked in ("⟦tun0⟧: ⟦up⟧", "⟦sid⟧:⟦1⟧ ⟦x⟧", "⟦api-gw⟧:⟦443⟧ ⟦k⟧"):
        text, spans = parse_marked(marked)
        other = text.translate(str.maketrans("0123456789", "9876543210"))
        assert find_pairs(text, spans) == find_pairs(other, spans)


def test_layout_caches_pairs():
    lay = Layout((0, 1, 2, 3))
    assert lay.pairs("a=1") == ((0, 1),)
    assert lay.pairs("a=2") is lay.pairs("a=1")


def test_lookup_takes_the_first_value_of_a_repeated_key():
    text, spans = parse_marked("⟦id⟧=⟦1⟧ ⟦id⟧=⟦2⟧ ⟦x⟧")
    assert lookup(["id", "x", "nope"], text, spans, find_pairs(text, spans)) == ["1", "", ""]


# Hand-checked lines in the shape of real logs (written here, not copied from any data set),
# with the split the convention gives: the rules must find exactly the marked pairs.
REAL = [
    ("⟦Jun 14 15:16:01⟧ ⟦combo⟧ ⟦sshd⟧(⟦pam_unix⟧)[⟦19939⟧]: ⟦authentication⟧ ⟦failure⟧; "
     "⟦logname⟧=⟦⟧ ⟦uid⟧=⟦0⟧ ⟦euid⟧=⟦0⟧ ⟦tty⟧=⟦NODEVssh⟧ ⟦ruser⟧=⟦⟧ ⟦rhost⟧=⟦218.188.2.4⟧",
     [("logname", ""), ("uid", "0"), ("euid", "0"), ("tty", "NODEVssh"), ("ruser", ""),
      ("rhost", "218.188.2.4")]),
    ("⟦2015-10-18 18:01:47,978⟧ ⟦INFO⟧ [⟦main⟧] ⟦org.apache.hadoop.mapreduce.v2.app.MRAppMaster⟧: "
     "⟦Created⟧ ⟦MRAppMaster⟧ ⟦for⟧ ⟦application⟧ ⟦appattempt_1445144423722_0020_000001⟧", []),
    ("⟦17/06/09 20:10:40⟧ ⟦INFO⟧ ⟦spark.SecurityManager⟧: ⟦Changing⟧ ⟦view⟧ ⟦acls⟧ ⟦to⟧: "
     "⟦yarn⟧,⟦curi⟧", [("to", "yarn")]),
    ("⟦2016-09-28 04:30:30⟧, ⟦Info⟧ ⟦CBS⟧ ⟦Loaded⟧ ⟦Servicing⟧ ⟦Stack⟧ ⟦v6.1.7601.23505⟧ ⟦with⟧ "
     "⟦Core⟧: ⟦C:\\Windows\\winsxs\\cbscore.dll⟧", [("Core", "C:\\Windows\\winsxs\\cbscore.dll")]),
    ("⟦2024/01/02 10:00:00⟧ [⟦error⟧] ⟦4242⟧#⟦0⟧: *⟦17⟧ ⟦open⟧() \"⟦/x/favicon.ico⟧\" ⟦failed⟧ "
     "(⟦2⟧: ⟦No⟧ ⟦such⟧ ⟦file⟧), ⟦client⟧: ⟦10.1.1.1⟧, ⟦server⟧: ⟦localhost⟧, "
     "⟦request⟧: \"⟦GET /favicon.ico HTTP/1.1⟧\"",
     [("client", "10.1.1.1"), ("server", "localhost"), ("request", "GET /favicon.ico HTTP/1.1")]),
    ("⟦time⟧=\"⟦2024-01-04T21:31:23Z⟧\" ⟦level⟧=⟦info⟧ ⟦msg⟧=\"⟦Starting up⟧\"",
     [("time", "2024-01-04T21:31:23Z"), ("level", "info"), ("msg", "Starting up")]),
    ("{\"⟦t⟧\":{\"⟦$date⟧\":\"⟦2024-06-07T14:02:52.312+00:00⟧\"},\"⟦s⟧\":\"⟦I⟧\",  \"⟦c⟧\":\"⟦NETWORK⟧\","
     "  \"⟦id⟧\":⟦22943⟧,   \"⟦ctx⟧\":\"⟦listener⟧\",\"⟦msg⟧\":\"⟦Connection accepted⟧\"}",
     [("$date", "2024-06-07T14:02:52.312+00:00"), ("s", "I"), ("c", "NETWORK"), ("id", "22943"),
      ("ctx", "listener"), ("msg", "Connection accepted")]),
    ("⟦2017-05-16 00:00:00.008⟧ ⟦25746⟧ ⟦INFO⟧ ⟦nova.osapi_compute.wsgi.server⟧ "
     "[⟦req-38101a0b⟧ ⟦admin⟧ ⟦-⟧] ⟦10.11.10.1⟧ \"⟦GET /v2/servers HTTP/1.1⟧\" ⟦status⟧: ⟦200⟧ "
     "⟦len⟧: ⟦1893⟧ ⟦time⟧: ⟦0.2477829⟧",
     [("status", "200"), ("len", "1893"), ("time", "0.2477829")]),
    ("⟦03-17 16:13:38.811⟧  ⟦1702⟧  ⟦2395⟧ ⟦D⟧ ⟦WindowManager⟧: ⟦printFreezingDisplayLogsopening⟧"
     "⟦app⟧ ⟦wtoken⟧ = ⟦AppWindowToken⟧{⟦9f4ef63⟧}", [("wtoken", "AppWindowToken")]),
    ("⟦Dec 10 07:07:38⟧ ⟦LabSZ⟧ ⟦sshd⟧[⟦24206⟧]: ⟦Received⟧ ⟦disconnect⟧ ⟦from⟧ ⟦52.80.34.196⟧: "
     "⟦11⟧: ⟦Bye Bye⟧ [⟦preauth⟧]", []),
    ("⟦2015-07-29 17:41:44,747⟧ - ⟦INFO⟧  [⟦QuorumPeer⟧[⟦myid⟧=⟦1⟧]/⟦0:0:0:0:0:0:0:0⟧:⟦2181⟧"
     ":⟦FastLeaderElection⟧@⟦774⟧] - ⟦Notification⟧ ⟦time⟧ ⟦out⟧: ⟦3200⟧",
     [("myid", "1"), ("out", "3200")]),   # a key of several words: its last word
    ("⟦20171223-22:15:29:606⟧|⟦Step_LSC⟧|⟦30002312⟧|⟦onStandStepChanged⟧ ⟦3579⟧", []),
]


def test_hand_checked_lines():
    tp = fp = fn = 0
    for marked, expected in REAL:
        text, spans = parse_marked(marked)
        got = set(named(text, spans, find_pairs(text, spans)))
        tp += len(got & set(expected))
        fp += len(got - set(expected))
        fn += len(set(expected) - got)
        assert got == set(expected), marked
    assert fp == fn == 0 and tp == sum(len(set(e)) for _, e in REAL)


def test_json_has_pairs_after_spans(run_cli, tiny_model_path):
    p = run_cli("--model", tiny_model_path, "--json",
                input=b"status=200 time=3ms\nsshd: Invalid user\n\n")
    assert p.returncode == 0, p.stderr
    rows = [json.loads(x) for x in p.stdout.decode().splitlines()]
    assert [list(r) for r in rows] == [["line", "text", "fields", "spans", "pairs"]] * 3
    assert rows[0]["fields"] == ["status", "200", "time", "3ms"]
    assert [r["pairs"] for r in rows] == [[[0, 1], [2, 3]], [], []]


def test_fields_by_key_name(run_cli, tiny_model_path):
    log = (b"status=200 time=3ms\n"
           b"time=5ms other=1\n"
           b"no pairs here\n"
           b'{"status": 404, "time": "9ms"}\n')
    p = run_cli("--model", tiny_model_path, "-f", "time,status,1", input=log)
    assert p.returncode == 0, p.stderr
    assert p.stdout.decode().splitlines() == [
        "3ms\t200\tstatus", "5ms\t\ttime", "\t\tno", "9ms\t404\tstatus"]


@pytest.mark.parametrize("spec,out", [
    ("2", "200"),           # a number is a number, even where a key "2" could exist
    ("status", "200"),
    ("-1", "3ms"),
    ("1-2", "status\t200"),
    ("nope,1", "\tstatus"),
])
def test_field_list_numbers_and_names_mix(run_cli, tiny_model_path, spec, out):
    p = run_cli("--model", tiny_model_path, f"--fields={spec}", input=b"status=200 time=3ms\n")
    assert p.returncode == 0, p.stderr
    assert p.stdout.decode() == out + "\n"


def test_bad_field_list_still_a_usage_error(run_cli, tiny_model_path):
    p = run_cli("--model", tiny_model_path, "-f", "1,,2", input=b"a\n")
    assert p.returncode == 2 and b"invalid field list" in p.stderr
