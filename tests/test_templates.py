"""Message templates (logsplit/templates.py, --templates, --with-templates) and the GA/PA
arithmetic of bench/templates.py."""
import importlib.util
import json
import os
import re
import select
import subprocess
import sys
import time

import pytest

pytest.importorskip("drain3")

from logsplit.templates import Templates, message_start, render_template, slots  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _bench():
    spec = importlib.util.spec_from_file_location("bench_templates",
                                                  os.path.join(REPO, "bench", "templates.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def ws_spans(text):
    """A stand-in splitter: fields are the runs of characters other than blanks and ``=,[]``."""
    return tuple(m.span() for m in re.finditer(r"[^\s=,\[\]]+", text))


# a small fixed log with known groups: (line, group)
LOG = [
    ("10:00:01 sshd[42]: Accepted password for alice from 10.0.0.1", "accepted"),
    ("10:00:02 sshd[43]: Connection closed by 10.0.0.2 port 22", "closed"),
    ("10:00:03 sshd[44]: Accepted password for carol from 10.0.0.3", "accepted"),
    ("10:00:04 cron[7]: job backup started user=root", "job"),
    ("10:00:05 sshd[45]: Connection closed by 10.0.0.4 port 22", "closed"),
    ("10:00:06 cron[8]: job rotate started user=root", "job"),
    ("10:00:07 kernel: eth0 link down", "link"),
    ("10:00:08 kernel: eth1 link down", "link"),
]


def test_templates_group_a_small_log():
    t = Templates()
    ids = [t.add(text, ws_spans(text))[0] for text, _ in LOG]
    by_group = {}
    for tid, (_, group) in zip(ids, LOG):
        by_group.setdefault(group, set()).add(tid)
    assert all(len(v) == 1 for v in by_group.values()), by_group       # no group is split
    assert len({next(iter(v)) for v in by_group.values()}) == 4        # nor merged
    summary = t.summary()
    assert [s.count for s in summary] == [2, 2, 2, 2]
    assert [s.template_id for s in summary] == [1, 2, 3, 4]            # ties: first seen first
    got = {s.template for s in summary}
    assert got == {
        "<*> sshd[<*>]: Accepted password for <*> from <*>",
        "<*> sshd[<*>]: Connection closed by <*> port <*>",
        "<*> cron[<*>]: job <*> started user=root",
        "<*> kernel: <*> link down",
    }
    first = summary[0]
    assert (first.example, first.line) == (LOG[0][0], 0)               # line not given: 0


def test_one_differing_word_merges_like_drain():
    """Drain's known limit, kept: lines differing in one word of many are one template (when
    the first fields, which route a line in Drain's tree, agree)."""
    t = Templates()
    a = t.add("10:01 sshd Accepted password for alice from 10.0.0.1",
              ws_spans("10:01 sshd Accepted password for alice from 10.0.0.1"))
    b = t.add("10:02 sshd Failed password for bob from 10.0.0.2",
              ws_spans("10:02 sshd Failed password for bob from 10.0.0.2"))
    assert a[0] == b[0] and b[1] == "<*> sshd <*> password for <*> from <*>"


def test_fields_are_the_tokens_even_with_spaces_inside():
    """A field holding blanks (a timestamp) is one token: the template keeps the line's shape."""
    t = Templates()
    lines = ["Dec 10 06:55:46 up", "Dec 11 07:00:00 up"]
    spans = [((0, 15), (16, 18))] * 2
    for line, sp in zip(lines, spans):
        tid, template = t.add(line, sp)
    assert tid == 1 and template == "<*> up"


def fields_of(text):
    """A finer stand-in splitter: runs of characters other than blanks, brackets, quotes and
    ``=,:|``; a lone ``-`` is a delimiter."""
    return tuple(m.span() for m in re.finditer(r"[^\s=,\[\]():|{}\"]+", text) if m.group() != "-")


# the header ends at the first `: `, ` - `, ` | ` or `] ` (after a level word when there is one)
HEADERS = [
    ("Dec 10 06:55:46 LabSZ sshd[24200]: Failed password", "Failed password"),
    ("081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 terminating",
     "PacketResponder 1 terminating"),
    ("2015-07-29 17:41:44,747 - INFO  [main:QuorumPeer@913] - LOOKING", "LOOKING"),
    ("[Sun Dec 04 04:47:44 2005] [notice] workerEnv.init() ok", "workerEnv.init() ok"),
    ("03-17 16:13:38.811  1702  2395 D WindowManager: freezing display", "freezing display"),
    ("2024-05-01 10:00:00,123 - app.db - WARNING - pool exhausted", "pool exhausted"),
    ("2024-05-01 10:00:00 | INFO | app:run:42 - started", "app:run:42 - started"),
    ("connection closed by peer", "connection closed by peer"),          # no header
]


@pytest.mark.parametrize("line, message", HEADERS, ids=[h[1][:20] for h in HEADERS])
def test_message_start(line, message):
    spans = fields_of(line)
    k = message_start(line, spans)
    assert line[spans[k][0]:] == message


def test_header_is_not_mined_but_shown():
    """Two events of one host and program: the shared header no longer draws them together
    (Drain3 on whole lines merges them), and the header's varying fields show as <*> while its
    constant ones stay."""
    lines = ["Dec 10 06:55:46 LabSZ sshd[1]: Accepted publickey for alice from 10.0.0.1",
             "Dec 10 06:55:47 LabSZ sshd[2]: Failed password for bob from 10.0.0.2",
             "Dec 10 06:55:48 LabSZ sshd[3]: Accepted publickey for carol from 10.0.0.3"]
    spans = [((0, 15),) + tuple((s + 16, e + 16) for s, e in fields_of(x[16:])) for x in lines]
    t = Templates()
    ids = [t.add(x, sp)[0] for x, sp in zip(lines, spans)]
    assert ids[0] == ids[2] != ids[1]
    top = t.summary()[0]
    assert top.count == 2
    assert top.template == "<*> LabSZ sshd[<*>]: Accepted publickey for <*> from <*>"
    t2 = Templates(header=False)                        # the header mined too: one template
    assert len({t2.add(x, sp)[0] for x, sp in zip(lines, spans)}) == 1


def test_empty_brackets_hold_a_variable():
    """`()` keeps its value's place: the line keeps its template's length and shows `(<*>)`."""
    t = Templates()
    a = "ftpd[1]: connection from 1.2.3.4 (host.example) at Sun Jul 17"
    b = "ftpd[2]: connection from 1.2.3.5 () at Sun Jul 17"
    ta, tb = t.add(a, fields_of(a)), t.add(b, fields_of(b))
    assert ta[0] == tb[0]
    assert tb[1] == "ftpd[<*>]: connection from <*> (<*>) at Sun Jul <*>"
    assert slots("x () y [] z", ((0, 1), (5, 6), (10, 11))) == [(0, 1), (3, 3), (5, 6), (8, 8), (10, 11)]


def test_a_run_of_variables_is_one_token():
    """A list of ids of any length is one variable (blank-separated digit fields join)."""
    t = Templates()
    a = "ask 10.0.0.1:50010 to delete blk_1 blk_2"
    b = "ask 10.0.0.2:50010 to delete blk_3 blk_4 blk_5 blk_6"
    assert t.add(a, fields_of(a))[0] == t.add(b, fields_of(b))[0]
    assert t.summary()[0].template == "ask <*>:<*> to delete <*>"


@pytest.mark.parametrize("text, spans, tokens, want", [
    ("took 12 ms", ((0, 4), (5, 7), (8, 10)), ("took", "<*>", "ms"), "took <*> ms"),
    ("a=1,b=", ((0, 1), (2, 3), (4, 5), (6, 6)), ("a", "<*>", "b", "<*>"), "a=<*>,b=<*>"),
    ("x", ((0, 1),), ("x",), "x"),
    ("", (), (), ""),
])
def test_render_template(text, spans, tokens, want):
    assert render_template(text, spans, tokens) == want


# ------------------------------------------------------------------ GA / PA arithmetic
@pytest.mark.parametrize("pred, truth, want", [
    ([1, 1, 2, 2], ["a", "a", "b", "b"], 1.0),        # perfect
    ([1, 1, 1, 1], ["a", "a", "b", "b"], 0.0),        # all merged: no group is exact
    ([1, 2, 3, 3], ["a", "a", "b", "b"], 0.5),        # a split in two: its lines wrong
    ([1, 1, 2, 3, 3], ["a", "a", "b", "c", "d"], 0.6),  # {c,d} merged: 2 of 5 wrong
    (["x"], ["y"], 1.0),
    ([], [], 0.0),
])
def test_grouping_accuracy(pred, truth, want):
    assert _bench().grouping_accuracy(pred, truth) == pytest.approx(want)


@pytest.mark.parametrize("pred, truth, want", [
    (["a <*> b"], ["a <*> b"], 1.0),
    (["a  <*>  b "], ["a <*> b"], 1.0),               # whitespace runs
    (["a <*><*> b", "a <*> <*> b"], ["a <*> b"] * 2, 1.0),  # consecutive <*> collapse
    (["a <*> b", "a b"], ["a <*> b", "a <*> b"], 0.5),
    (["blk_<*>"], ["<*>"], 0.0),                      # glued constants are not dropped
])
def test_parsing_accuracy(pred, truth, want):
    assert _bench().parsing_accuracy(pred, truth) == pytest.approx(want)


def test_cut_to_content_and_header_regex():
    b = _bench()
    assert b.cut_to_content("10:01 INFO took 12 ms", (11, 21), [(0, 5), (16, 18)]) == \
        "took <*> ms"
    assert b.cut_to_content("h: x=5", (3, 6), [(0, 1), (2, 6)]) == "<*>"   # straddles: clipped
    m = b.loghub_format_regex(r"<Date> <Time> \[<Pid>\]: <Content>").match("a b [7]: hi there")
    assert (m.group("Pid"), m.group("Content")) == ("7", "hi there")


# ------------------------------------------------------------------ the CLI
SMALL = "".join(f"{text}\n" for text, _ in LOG).encode()


def test_templates_summary_through_cli(run_cli, tiny_model_path, tmp_path):
    log = tmp_path / "a.log"
    log.write_bytes(SMALL)
    p = run_cli("--model", tiny_model_path, "--templates", log)
    assert p.returncode == 0, p.stderr
    out = p.stdout.decode().splitlines()
    assert out[0].split() == ["count", "id", "template"]
    rows = out[1::2]
    examples = out[2::2]
    assert len(rows) == 4 and all(r.split()[0] == "2" for r in rows)
    assert all(e.strip().startswith("e.g. ") for e in examples)
    assert not any(line.startswith("+ ") for line in out)          # a regular file: no live lines

    p = run_cli("--model", tiny_model_path, "--templates", "--json", log)
    objs = [json.loads(x) for x in p.stdout.decode().splitlines()]
    assert [o["count"] for o in objs] == [2, 2, 2, 2]
    assert list(objs[0]) == ["template_id", "count", "template", "example", "line"]
    assert objs[0]["example"] == LOG[0][0] and objs[0]["line"] == 1


def test_with_templates_through_cli(run_cli, tiny_model_path, tmp_path):
    log = tmp_path / "a.log"
    log.write_bytes(SMALL)
    p = run_cli("--model", tiny_model_path, "--json", "--with-templates", log)
    assert p.returncode == 0, p.stderr
    objs = [json.loads(x) for x in p.stdout.decode().splitlines()]
    assert [o["text"] for o in objs] == [t for t, _ in LOG]           # every line, in order
    assert list(objs[0])[-2:] == ["template", "template_id"]
    ids = {}
    for o, (_, group) in zip(objs, LOG):
        ids.setdefault(group, set()).add(o["template_id"])
    assert all(len(v) == 1 for v in ids.values()) and len(ids) == 4
    # (the tiny model splits at ':' too, hence three fields for the time)
    assert objs[2]["template"] == "<*>:<*>:<*> sshd[<*>]: Accepted password for <*> from <*>"


@pytest.mark.parametrize("args, message", [
    (["--with-templates"], "--with-templates needs --json"),
    (["--templates", "--tsv"], "--templates prints templates"),
    (["--templates", "--json", "--with-templates"], "--templates prints templates"),
])
def test_template_usage_errors(run_cli, tiny_model_path, args, message):
    p = run_cli("--model", tiny_model_path, *args, input=b"a\n")
    assert p.returncode == 2
    assert p.stderr.decode().startswith(f"logsplit: {message}")


def test_missing_drain3_is_one_clear_line(run_cli, tiny_model_path, tmp_path):
    fake = tmp_path / "fake" / "drain3"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise ImportError('not installed')\n")
    p = run_cli("--model", tiny_model_path, "--templates", input=b"a 1\n",
                env={"PYTHONPATH": f"{REPO}{os.pathsep}{fake.parent}"})
    assert p.returncode == 2
    assert p.stderr.decode() == ("logsplit: --templates needs the [templates] extra: "
                                 "pip install 'logsplit[templates]'\n")
    assert p.stdout == b""


def _read_until(proc, marker: bytes, timeout: float = 20) -> bytes:
    got = b""
    deadline = time.monotonic() + timeout
    while marker not in got:
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(f"no {marker!r} within {timeout} s; got {got!r}")
        ready, _, _ = select.select([proc.stdout], [], [], left)
        if ready:
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                raise AssertionError(f"EOF before {marker!r}; got {got!r}")
            got += chunk
    return got


def test_streaming_templates_appear_before_eof(tiny_model_path, cli_env):
    """stdin a pipe held open: each new template is printed as its first line arrives."""
    proc = subprocess.Popen([sys.executable, "-m", "logsplit", "--model", tiny_model_path,
                             "--templates"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=cli_env())
    try:
        proc.stdin.write(b"kernel: eth0 link down\n")
        proc.stdin.flush()
        got = _read_until(proc, b"\n")
        assert got == b"+ 1  kernel: <*> link down\n"
        proc.stdin.write(b"kernel: eth1 link down\n")         # same template: nothing new
        proc.stdin.write(b"job backup started\n")             # a new one
        proc.stdin.flush()
        got = _read_until(proc, b"job")
        assert got.startswith(b"+ 2  job backup started") and b"eth1" not in got
        proc.stdin.close()
        rest = proc.stdout.read()
        err = proc.stderr.read()
        proc.wait(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    summary = (got + rest).decode().splitlines()[1:]
    assert summary[0].split() == ["count", "id", "template"]
    assert summary[1].split()[:2] == ["2", "1"]
