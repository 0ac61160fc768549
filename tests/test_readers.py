"""Readers of labeled data: JSON Lines, character labels, Loghub structured CSVs, dispatch."""
import json
import time
from pathlib import Path

import numpy as np
import pytest

from logsplit_train.convention import render
from logsplit_train.readers import (DataError, read_char_labels, read_jsonl, read_loghub,
                                    read_path)

LOGHUB = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "loghub"
SYSTEMS = ["HDFS", "Hadoop", "Spark", "Zookeeper", "OpenSSH", "Linux", "Apache", "Android"]


def write(path: Path, content) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def jline(text, spans, **extra):
    return json.dumps({"text": text, "spans": spans, **extra}, ensure_ascii=False)


GOOD_JSON = jline("uid=0 ok", [[0, 3], [4, 5], [6, 8]])


# ----------------------------------------------------------------------------- JSON Lines
def test_jsonl_good(tmp_path):
    lines = [
        GOOD_JSON,
        "",
        "   ",
        # logsplit --json output: extra keys, matching fields
        jline("sshd[24200]: x", [[0, 4], [5, 10], [13, 14]], line=7, file="a.log",
              fields=["sshd", "24200", "x"]),
        jline("ünïcode 😀 x", [[0, 7], [10, 11]]),      # code-point offsets
        jline("---", []),                                 # a line without fields
        # empty fields (zero-length spans, what `logsplit --json` prints) where derived
        jline("a,,c ruser= ua=\"\"", [[0, 1], [2, 2], [3, 4], [5, 10], [11, 11], [12, 14], [16, 16]],
              fields=["a", "", "c", "ruser", "", "ua", ""]),
        # an implied empty field left out (older files) is derived all the same
        jline("x||y", [[0, 1], [3, 4]]),
    ]
    p = write(tmp_path / "d.jsonl", "\ufeff" + "\n".join(lines) + "\r\n")
    got = read_jsonl(p)
    assert [s.fields for s in got] == [["uid", "0", "ok"], ["sshd", "24200", "x"],
                                       ["ünïcode", "x"], [], ["a", "", "c", "ruser", "", "ua", ""],
                                       ["x", "", "y"]]
    assert got[4].spans == [(0, 1), (2, 2), (3, 4), (5, 10), (11, 11), (12, 14), (16, 16)]
    assert got[4].labels == "ODDODOOOOODDOODDD" and got[4].empties == [2, 11, 16]
    assert got[0].mask.dtype == np.uint8 and got[0].labels == "OOODODOO"
    assert got[1].meta == {"file": str(p), "line": 4}
    assert got[0].source == "d"


BAD_JSONL = [
    # (record, expected reason, stats key)
    (jline("abcdef", [[0, 3], [2, 5]]), "spans overlap", "spans overlap"),
    (jline("abcdef", [[0, 2], [2, 4]]), "spans touch", "spans touch"),
    (jline("abcdef", [[3, 4], [0, 1]]), "spans not sorted", "spans not sorted"),
    (jline("abc", [[0, 10]]), "out of range", "span out of range"),
    (jline("abc", [[-1, 2]]), "out of range", "span out of range"),
    (jline("abc", [[2, 1]]), "out of range", "span out of range"),
    # zero-length spans: only where the delimiters imply an empty field (rule 8)
    (jline("abc", [[1, 1]]), "span 1 [1, 1] is an empty field where the delimiters imply none",
     "empty span not implied"),
    (jline("a b", [[0, 1], [1, 1], [2, 3]]), "span 2 [1, 1] is an empty field", "empty span not implied"),
    (jline("a  b", [[0, 1], [2, 2], [3, 4]]), "is an empty field", "empty span not implied"),
    (jline("ab,c", [[0, 2], [2, 2], [3, 4]]), "is an empty field", "empty span not implied"),
    (jline("abc", [[0, 3], [3, 3]]), "span 2 [3, 3] is an empty field", "empty span not implied"),
    (jline("a,,c", [[0, 1], [2, 2], [2, 2], [3, 4]]), "spans repeated: [2, 2] after [2, 2]",
     "spans repeated"),
    (jline("a,,c", [[0, 1], [3, 4], [2, 2]]), "spans not sorted", "spans not sorted"),
    (jline("abcd", [[0, 4], [2, 2]]), "spans overlap: [0, 4] and [2, 2]", "spans overlap"),
    (jline("abc", [[4, 4]]), "out of range", "span out of range"),
    (jline("abc", [[0]]), "not a [start, end] pair", "span not an integer pair"),
    (jline("abc", [[0, 1.5]]), "not a [start, end] pair", "span not an integer pair"),
    (jline("abc", [[True, 2]]), "not a [start, end] pair", "span not an integer pair"),
    (jline("abc", "0,1"), '"spans" must be a list', '"spans" not a list'),
    (jline("ab cd", [[0, 2], [3, 5]], fields=["ab", "cx"]), 'field 2 is "cx"', '"fields" mismatch'),
    (jline("ab cd", [[0, 2], [3, 5]], fields=["ab"]), '1 "fields" for 2 spans', '"fields" mismatch'),
    ('{"text": "a", "spans": [[0, 1]]', "bad JSON", "bad JSON"),
    ("not json at all", "bad JSON", "bad JSON"),
    ("[1, 2]", "expected a JSON object", "not a JSON object"),
    ('{"spans": []}', 'no "text"', 'no "text"'),
    ('{"text": 5, "spans": []}', '"text" must be a string', '"text" not a string'),
    ('{"text": "abc"}', 'no "spans"', 'no "spans"'),
    (b'{"text": "caf\xe9", "spans": []}', "not valid UTF-8", "not valid UTF-8"),
]


@pytest.mark.parametrize("record,reason,kind", BAD_JSONL, ids=[c[2] + ":" + str(c[0])[:30] for c in BAD_JSONL])
def test_jsonl_malformed(tmp_path, record, reason, kind):
    record = record if isinstance(record, bytes) else record.encode()
    p = write(tmp_path / "x.jsonl", GOOD_JSON.encode() + b"\n" + record + b"\n" + GOOD_JSON.encode() + b"\n")
    with pytest.raises(DataError) as ei:
        read_jsonl(p)
    msg = str(ei.value)
    assert msg.startswith(f"{p}:2: "), msg
    assert reason in msg, msg
    assert "\n" not in msg
    assert ei.value.line == 2 and ei.value.path == str(p)
    # non-strict: skipped and counted, the good records around it are kept
    stats = {"skipped": 0, "reasons": {}}
    got = read_jsonl(p, strict=False, stats=stats)
    assert len(got) == 2
    assert stats["skipped"] == 1 and stats["reasons"] == {kind: 1}


def test_jsonl_nonstrict_counts_several(tmp_path):
    bad = [r for r, _, _ in BAD_JSONL if isinstance(r, str)]
    p = write(tmp_path / "x.jsonl", "\n".join([GOOD_JSON] + bad + [GOOD_JSON]))
    stats = {"skipped": 0, "reasons": {}}
    assert len(read_jsonl(p, strict=False, stats=stats)) == 2
    assert stats["skipped"] == len(bad)
    assert stats["reasons"]["bad JSON"] == 2


# ----------------------------------------------------------------------------- char labels
def test_char_labels_good(tmp_path):
    p = write(tmp_path / "l.tsv", "a=1\tODO\r\n\nx\ty z\tODODO\nk: v\tODDO  \n")
    got = read_char_labels(p)
    assert [(s.text, s.fields) for s in got] == [("a=1", ["a", "1"]), ("x\ty z", ["x", "y", "z"]),
                                                 ("k: v", ["k", "v"])]
    assert got[1].meta["line"] == 3


BAD_LABELS = [
    ("abc\tOO", "2 labels for 3 characters", "label count mismatch"),
    ("abc\tOODD", "4 labels for 3 characters", "label count mismatch"),
    ("abc\tOXO", "label 'X' at position 2 is not O or D", "bad label letter"),
    ("abc\tood", "is not O or D", "bad label letter"),
    ("abc", "no TAB", "no TAB"),
    (b"caf\xe9\tOOOO", "not valid UTF-8", "not valid UTF-8"),
]


@pytest.mark.parametrize("record,reason,kind", BAD_LABELS, ids=[c[2] for c in BAD_LABELS])
def test_char_labels_malformed(tmp_path, record, reason, kind):
    record = record if isinstance(record, bytes) else record.encode()
    p = write(tmp_path / "l.labels", b"ok\tOO\n" + record + b"\nok\tOO\n")
    with pytest.raises(DataError) as ei:
        read_char_labels(p)
    assert str(ei.value).startswith(f"{p}:2: ") and reason in str(ei.value), str(ei.value)
    stats = {"skipped": 0, "reasons": {}}
    assert len(read_char_labels(p, strict=False, stats=stats)) == 2
    assert stats == {"skipped": 1, "reasons": {kind: 1}, "examples": [str(ei.value)]}


# ----------------------------------------------------------------------------- dispatch
def test_read_path_directory(tmp_path):
    write(tmp_path / "a.jsonl", GOOD_JSON + "\n")
    write(tmp_path / "sub" / "b.tsv", "a=1\tODO\n")
    write(tmp_path / "sub" / "deeper" / "c.labels", "x y\tODO\n")
    write(tmp_path / "sub" / "d.json", GOOD_JSON + "\n")
    write(tmp_path / "README.md", "# notes\n")
    write(tmp_path / "README.txt", "just prose, no labels\n")
    write(tmp_path / "model.eval.json", '{\n  "metrics": {}\n}\n')
    write(tmp_path / "weights.bin", b"\x00\xff")
    stats = {"skipped": 0, "reasons": {}}
    got = read_path(tmp_path, stats=stats)
    assert sorted(s.text for s in got) == ["a=1", "uid=0 ok", "uid=0 ok", "x y"]
    ignored = {Path(p).name for p in stats["ignored_files"]}
    assert ignored == {"README.md", "README.txt", "model.eval.json", "weights.bin"}


def test_read_path_explicit_files(tmp_path):
    assert len(read_path(write(tmp_path / "x.txt", "a b\tODO\n"))) == 1
    assert len(read_path(write(tmp_path / "x.json", GOOD_JSON))) == 1
    # unknown extension, recognisable content
    assert len(read_path(write(tmp_path / "x.data", GOOD_JSON))) == 1


@pytest.mark.parametrize("name,content,reason", [
    ("notes.md", "# hi\n", "unknown data file type"),
    ("x.bin", b"\x00\x01", "unknown data file type"),
    ("table.csv", "a,b\n1,2\n", "unknown data file type"),
])
def test_read_path_unknown_explicit(tmp_path, name, content, reason):
    p = write(tmp_path / name, content)
    with pytest.raises(DataError) as ei:
        read_path(p)
    assert str(ei.value) == (f"{p}: {reason} (expected .jsonl, .json, .tsv, .txt, .labels, "
                             f".marked or a Loghub *_structured.csv)")


def test_read_path_missing_and_empty(tmp_path):
    with pytest.raises(DataError, match="no such file or directory"):
        read_path(tmp_path / "nope.jsonl")
    (tmp_path / "empty").mkdir()
    write(tmp_path / "empty" / "README.md", "x")
    with pytest.raises(DataError, match="no labeled data files found"):
        read_path(tmp_path / "empty")


def test_read_path_error_names_file_in_directory(tmp_path):
    write(tmp_path / "a.jsonl", GOOD_JSON + "\n" + jline("abc", [[0, 2], [1, 3]]) + "\n")
    with pytest.raises(DataError) as ei:
        read_path(tmp_path)
    assert str(ei.value) == f"{tmp_path / 'a.jsonl'}:2: spans overlap: [0, 2] and [1, 3]"


# ----------------------------------------------------------------------------- Loghub (synthetic)
MINI_LOG = (
    "081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_1 terminating\r\n"
    "081109 203616 149 INFO dfs.DataNode$PacketResponder: something the template does not say\r\n"
    "081109 203617 150 WARN dfs.FSNamesystem: BLOCK* ask 10.250.19.102:50010 to delete  blk_-2\r\n"
)
MINI_CSV = (
    "LineId,Date,Time,Pid,Level,Component,Content,EventId,EventTemplate\n"
    "1,081109,203615,148,INFO,dfs.DataNode$PacketResponder,PacketResponder 1 for block blk_1 terminating,E10,PacketResponder <*> for block blk_<*> terminating\n"
    "2,081109,203616,149,INFO,dfs.DataNode$PacketResponder,something the template does not say,E99,PacketResponder <*> for block blk_<*> terminating\n"
    "3,081109,203617,150,WARN,dfs.FSNamesystem,BLOCK* ask 10.250.19.102:50010 to delete  blk_-2,E4,BLOCK* ask <*>:<*> to delete  blk_<*>\n"
)


def mini_loghub(tmp_path, name="Mini"):
    d = tmp_path / name
    write(d / f"{name}_2k.log", MINI_LOG)
    write(d / f"{name}_2k.log_structured.csv", MINI_CSV)
    write(d / f"{name}_2k.log_templates.csv", "EventId,EventTemplate\nE10,x\n")
    write(d / "README.md", "about\n")
    return d


def test_loghub_synthetic(tmp_path):
    d = mini_loghub(tmp_path)
    stats = {"skipped": 0, "reasons": {}}
    got = read_loghub(d / "Mini_2k.log_structured.csv", strict=True, stats=stats)
    assert [s.meta["line"] for s in got] == [1, 3]
    assert got[0].source == "Mini"
    assert got[0].fields == ["081109 203615", "148", "INFO", "dfs.DataNode$PacketResponder",
                             "PacketResponder", "1", "for", "block", "blk_1", "terminating"]
    assert got[1].fields == ["081109 203617", "150", "WARN", "dfs.FSNamesystem", "BLOCK*", "ask",
                             "10.250.19.102", "50010", "to", "delete", "blk_-2"]
    assert stats["skipped"] == 1
    assert stats["reasons"] == {"loghub: template does not match": 1}
    assert stats["loghub"]["Mini"]["labeled"] == 2
    # a directory: only the structured CSV is read (not the raw log or the templates)
    assert len(read_path(d)) == 2
    # the raw log named explicitly reads its structured CSV
    assert len(read_path(d / "Mini_2k.log")) == 2


def test_loghub_errors(tmp_path):
    d = mini_loghub(tmp_path)
    (d / "Mini_2k.log").unlink()
    with pytest.raises(DataError, match="raw log Mini_2k.log not found"):
        read_loghub(d / "Mini_2k.log_structured.csv")
    write(d / "Mini_2k.log", MINI_LOG)
    write(d / "Bad_2k.log", "x\n")
    write(d / "Bad_2k.log_structured.csv", "LineId,Date,Text\n1,a,b\n")
    with pytest.raises(DataError, match="no Content, EventTemplate column"):
        read_loghub(d / "Bad_2k.log_structured.csv")
    # an undecodable raw line: an error in strict mode, skipped otherwise
    write(d / "Mini_2k.log", MINI_LOG.encode().replace(b"something", b"some\xffthing"))
    with pytest.raises(DataError) as ei:
        read_loghub(d / "Mini_2k.log_structured.csv")
    assert str(ei.value).startswith(f"{d / 'Mini_2k.log'}:2: not valid UTF-8")
    stats = {"skipped": 0, "reasons": {}}
    assert len(read_loghub(d / "Mini_2k.log_structured.csv", strict=False, stats=stats)) == 2
    assert stats["reasons"] == {"loghub: not valid UTF-8": 1}


# ----------------------------------------------------------------------------- Loghub (real)
@pytest.fixture(scope="module")
def loghub():
    if not all((LOGHUB / s / f"{s}_2k.log_structured.csv").is_file() for s in SYSTEMS):
        pytest.skip(f"Loghub data not found at {LOGHUB}")
    out, stats = {}, {"skipped": 0, "reasons": {}}
    t = time.perf_counter()
    for s in SYSTEMS:
        out[s] = read_loghub(LOGHUB / s / f"{s}_2k.log_structured.csv", stats=stats)
    out["_seconds"] = time.perf_counter() - t
    out["_stats"] = stats
    return out


def by_text(samples, text):
    for s in samples:
        if s.text == text:
            return s
    raise AssertionError(f"line not found: {text}")


def test_loghub_labeled_share(loghub):
    per = loghub["_stats"]["loghub"]
    for s in SYSTEMS:
        st = per[s]
        share = st["labeled"] / st["lines"]
        agree = st["vars_as_fields"] / max(st["vars"], 1)
        print(f"{s:10} labeled {st['labeled']}/{st['lines']} = {share:.3f}  skipped "
              f"{st['skipped'] or 0}  variables as fields {agree:.3f}")
        assert share >= 0.9, s
        assert len(loghub[s]) == st["labeled"]
        assert all(x.source == s for x in loghub[s])
    assert loghub["_seconds"] < 30


def test_loghub_hdfs_worked_example(loghub):
    text = ("081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block "
            "blk_38865049064139660 terminating")
    s = by_text(loghub["HDFS"], text)
    assert render(s.text, s.mask) == (
        "⟦081109 203615⟧ ⟦148⟧ ⟦INFO⟧ ⟦dfs.DataNode$PacketResponder⟧: ⟦PacketResponder⟧ ⟦1⟧ "
        "⟦for⟧ ⟦block⟧ ⟦blk_38865049064139660⟧ ⟦terminating⟧")
    colon = text.index(": ")
    assert s.mask[colon] == 1 and s.mask[6] == 0        # the colon delimits; the ts blank not


def test_loghub_openssh_worked_example(loghub):
    s = by_text(loghub["OpenSSH"],
                "Dec 10 06:55:46 LabSZ sshd[24200]: Invalid user webmaster from 173.234.31.186")
    assert render(s.text, s.mask) == ("⟦Dec 10 06:55:46⟧ ⟦LabSZ⟧ ⟦sshd⟧[⟦24200⟧]: ⟦Invalid⟧ "
                                      "⟦user⟧ ⟦webmaster⟧ ⟦from⟧ ⟦173.234.31.186⟧")


def test_loghub_spark_worked_example(loghub):
    s = by_text(loghub["Spark"],
                "17/06/09 20:10:40 INFO spark.SecurityManager: Changing view acls to: yarn,curi")
    assert s.fields == ["17/06/09 20:10:40", "INFO", "spark.SecurityManager", "Changing", "view",
                        "acls", "to", "yarn", "curi"]


def test_loghub_apache_worked_example(loghub):
    s = by_text(loghub["Apache"],
                "[Sun Dec 04 04:47:44 2005] [error] mod_jk child workerEnv in error state 6")
    assert render(s.text, s.mask) == ("[⟦Sun Dec 04 04:47:44 2005⟧] [⟦error⟧] ⟦mod_jk⟧ ⟦child⟧ "
                                      "⟦workerEnv⟧ ⟦in⟧ ⟦error⟧ ⟦state⟧ ⟦6⟧")


def test_loghub_more_systems(loghub):
    s = by_text(loghub["HDFS"], "081109 204005 35 INFO dfs.FSNamesystem: BLOCK* NameSystem."
                "addStoredBlock: blockMap updated: 10.251.73.220:50010 is added to "
                "blk_7128370237687728475 size 67108864")
    assert s.fields[4:] == ["BLOCK*", "NameSystem.addStoredBlock", "blockMap", "updated",
                            "10.251.73.220", "50010", "is", "added", "to",
                            "blk_7128370237687728475", "size", "67108864"]
    # Zookeeper: the thread is re-split at the last colon; its parts follow the convention
    z = [x for x in loghub["Zookeeper"] if "[QuorumPeer[myid=1]/0:0:0:0:0:0:0:0:2181:FastLeader" in x.text][0]
    assert z.fields[:11] == [z.fields[0], "INFO", "QuorumPeer", "myid", "1", "0:0:0:0:0:0:0:0",
                             "2181", "FastLeaderElection", "774", "Notification", "time"]
    assert z.fields[0] == z.text[:23]                   # 2015-07-29 17:41:44,747
    # Linux: a one-digit day padded with two blanks is still one timestamp field
    lx = [x for x in loghub["Linux"] if x.text.startswith("Jul  2 ")][0]
    assert lx.fields[0] == lx.text[:15]
    # Android: the logcat header
    a = loghub["Android"][1]
    assert a.fields[:6] == ["03-17 16:13:38.819", "1702", "8671", "D", "PowerManagerService",
                            "acquire"]
    # Hadoop: bracketed thread names split at blanks, timestamp with its milliseconds
    h = by_text(loghub["Hadoop"], "2015-10-18 18:01:47,978 INFO [main] org.apache.hadoop."
                "mapreduce.v2.app.MRAppMaster: Created MRAppMaster for application "
                "appattempt_1445144423722_0020_000001")
    assert h.fields == ["2015-10-18 18:01:47,978", "INFO", "main",
                        "org.apache.hadoop.mapreduce.v2.app.MRAppMaster", "Created", "MRAppMaster",
                        "for", "application", "appattempt_1445144423722_0020_000001"]


def test_loghub_timestamp_header_is_one_field(loghub):
    # every labeled line starts with its timestamp as one field covering the header columns
    lengths = {"HDFS": 13, "Hadoop": 23, "Spark": 17, "Zookeeper": 23, "OpenSSH": 15,
               "Linux": 15, "Android": 18}
    for system, n in lengths.items():
        for s in loghub[system]:
            assert s.spans[0] == (0, n), (system, s.text)
    for s in loghub["Apache"]:
        assert s.spans[0] == (1, 25)


def test_read_path_loghub_dir(loghub):
    stats = {"skipped": 0, "reasons": {}}
    got = read_path(LOGHUB, stats=stats)
    assert len(got) == sum(len(loghub[s]) for s in SYSTEMS)
    assert {s.source for s in got} == set(SYSTEMS)


def test_loghub_unknown_system_timestamp_heuristic(tmp_path):
    d = tmp_path / "Box"
    write(d / "Box.log", "- 1117838570 Jun  9 06:06:20 node-7 kernel[0]: link up\n")
    write(d / "Box.log_structured.csv",
          "LineId,Label,Timestamp,Month,Day,Time,Node,Component,Pid,Content,EventId,EventTemplate\n"
          "1,-,1117838570,Jun,9,06:06:20,node-7,kernel,0,link up,E1,link <*>\n")
    (s,) = read_path(d)
    assert s.source == "Box"
    # the epoch is a value of its own; Month+Day+Time are one field; the "-" label column
    # is a placeholder in its column's place: a field (rule 8)
    assert s.fields == ["-", "1117838570", "Jun  9 06:06:20", "node-7", "kernel", "0", "link",
                        "up"]


# (raw line, header values after LineId, Content, EventTemplate, expected fields)
LOGHUB_RULE8 = [
    # a header column whose value is "-" (alert flag) is a field, like "ALERT" on other lines
    ("- 1117838570 node17 kernel: link up", ["-", "1117838570", "node17", "kernel"],
     "link up", "link <*>", ["-", "1117838570", "node17", "kernel", "link", "up"]),
    ("ALERT 1117838571 node17 kernel: link up", ["ALERT", "1117838571", "node17", "kernel"],
     "link up", "link <*>", ["ALERT", "1117838571", "node17", "kernel", "link", "up"]),
    # template constant "- -" after an IP fills the ident/user places; " - " between words delimits
    ("x 1 n k: 10.0.0.5 - - GET / failed - POSSIBLE", ["x", "1", "n", "k"],
     "10.0.0.5 - - GET / failed - POSSIBLE", "<*> - - GET / failed - POSSIBLE",
     ["x", "1", "n", "k", "10.0.0.5", "-", "-", "GET", "failed", "POSSIBLE"]),
    # a template variable whose value is "-"
    ("x 1 n k: user - logged", ["x", "1", "n", "k"], "user - logged", "user <*> logged",
     ["x", "1", "n", "k", "user", "-", "logged"]),
    # empty values are derived empty fields, nothing to label
    ("x 1 n k: logname= uid=0 a,,b", ["x", "1", "n", "k"], "logname= uid=0 a,,b",
     "logname= uid=<*> a,,b", ["x", "1", "n", "k", "logname", "", "uid", "0", "a", "", "b"]),
    # control characters are delimiters, also inside a header value and a variable
    ("x 1 n\x07m k: v=a\x1b[31mb", ["x", "1", "n\x07m", "k"], "v=a\x1b[31mb", "v=<*>",
     ["x", "1", "n", "m", "k", "v", "a", "b"]),
]


@pytest.mark.parametrize("raw,header,content,template,expected", LOGHUB_RULE8,
                         ids=[c[0][:30] for c in LOGHUB_RULE8])
def test_loghub_placeholders_empties_controls(tmp_path, raw, header, content, template, expected):
    import csv as _csv
    import io as _io
    d = tmp_path / "Box"
    buf = _io.StringIO()
    w = _csv.writer(buf, lineterminator="\n")
    w.writerow(["LineId", "Label", "Timestamp", "Node", "Component", "Content", "EventId",
                "EventTemplate"])
    w.writerow(["1", *header, content, "E1", template])
    write(d / "Box.log", raw + "\n")
    write(d / "Box.log_structured.csv", buf.getvalue())
    stats = {"skipped": 0, "reasons": {}}
    got = read_loghub(d / "Box.log_structured.csv", stats=stats)
    assert stats["skipped"] == 0, stats
    (s,) = got
    assert s.fields == expected, render(s.text, s.mask)
