"""The ``logsplit`` command through a real subprocess: modes, inputs, colour, exit codes."""
import json
import os
import pty
import select
import signal
import subprocess
import sys
import time

import pytest

from logsplit.render import SEPARATOR

LINES = b"a b c\nfoo=bar, baz\n\nx\r\n"


def jsonl(stdout: bytes):
    return [json.loads(line) for line in stdout.decode("utf-8").splitlines()]


# ------------------------------------------------------------------ output modes
def test_json_from_stdin(run_cli, tiny_model_path):
    p = run_cli("--model", tiny_model_path, "--json", input=LINES)
    assert p.returncode == 0 and p.stderr == b""
    rows = jsonl(p.stdout)
    assert [r["line"] for r in rows] == [1, 2, 3, 4]
    assert [r["fields"] for r in rows] == [["a", "b", "c"], ["foo", "bar", "baz"], [], ["x"]]
    assert rows[3]["text"] == "x"


def test_dash_is_stdin_and_files_are_read_in_order(run_cli, tiny_model_path, tmp_path):
    a = tmp_path / "a.log"
    a.write_bytes(b"a1 x\na2 y\n")
    b = tmp_path / "b.log"
    b.write_bytes(b"b1 z")
    p = run_cli("--model", tiny_model_path, "--json", a, "-", b, input=b"s1 w\n")
    assert p.returncode == 0
    rows = jsonl(p.stdout)
    assert [(r["file"], r["line"], r["text"]) for r in rows] == [
        (str(a), 1, "a1 x"), (str(a), 2, "a2 y"), ("-", 1, "s1 w"), (str(b), 1, "b1 z")]
    assert all(list(r)[0] == "file" for r in rows)


def test_single_file_has_no_file_key(run_cli, tiny_model_path, tmp_path):
    a = tmp_path / "a.log"
    a.write_bytes(b"q r\n")
    (row,) = jsonl(run_cli("--model", tiny_model_path, "--json", a).stdout)
    assert list(row) == ["line", "text", "fields", "spans", "pairs"]


def test_unreadable_file_is_reported_and_the_rest_processed(run_cli, tiny_model_path, tmp_path):
    a = tmp_path / "a.log"
    a.write_bytes(b"one 1\n")
    missing = tmp_path / "missing.log"
    p = run_cli("--model", tiny_model_path, "--tsv", missing, a, tmp_path)
    assert p.returncode == 1
    assert p.stdout == b"one\t1\n"
    err = p.stderr.decode().splitlines()
    assert err == [f"logsplit: {missing}: No such file or directory",
                   f"logsplit: {tmp_path}: Is a directory"]


def test_tsv_and_field_selection(run_cli, tiny_model_path):
    p = run_cli("--model", tiny_model_path, "--tsv", input=LINES)
    assert p.stdout == b"a\tb\tc\nfoo\tbar\tbaz\n\nx\n"
    p = run_cli("--model", tiny_model_path, "-f", "1,-1,3-4", input=LINES)
    assert p.stdout == b"a\tc\tc\t\nfoo\tbaz\tbaz\t\n\t\t\t\nx\tx\t\t\n"
    p = run_cli("--model", tiny_model_path, "--fields=-2--1", input=LINES)
    assert p.stdout == b"b\tc\nbar\tbaz\n\nx\n"
    p = run_cli("--model", tiny_model_path, "-f", "2-", input=LINES)
    assert p.stdout == b"b\tc\nbar\tbaz\n\n\n"


def test_plain_default_when_piped(run_cli, tiny_model_path):
    p = run_cli("--model", tiny_model_path, input=LINES)
    sep = SEPARATOR.encode()
    assert p.stdout == b"a" + sep + b"b" + sep + b"c\nfoo" + sep + b"bar" + sep + b"baz\n\nx\n"
    assert b"\x1b[" not in p.stdout


def test_color_always_and_never(run_cli, tiny_model_path):
    p = run_cli("--model", tiny_model_path, "--color", "always", input=b"k=v\n")
    assert b"\x1b[" in p.stdout
    assert p.stdout.replace(b"\x1b[0m", b"").count(b"k") == 1
    # the original line is kept: strip the escapes and it comes back
    import re
    assert re.sub(rb"\x1b\[[0-9;]*m", b"", p.stdout) == b"k=v\n"
    p = run_cli("--model", tiny_model_path, "--color", "always", input=b"k=v\n",
                env={"NO_COLOR": "1"})  # an explicit flag beats NO_COLOR
    assert b"\x1b[" in p.stdout
    p = run_cli("--model", tiny_model_path, "--color", "never", input=b"k=v\n")
    assert p.stdout == f"k{SEPARATOR}v\n".encode()


def run_on_tty(args, env, data=b"k=v w\n"):
    """Run the CLI with stdout on a pseudo-terminal; returns everything it printed."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "logsplit", *args], stdin=subprocess.PIPE,
                            stdout=slave, stderr=subprocess.PIPE, env=env)
    os.close(slave)
    proc.stdin.write(data)
    proc.stdin.close()
    out = b""
    deadline = time.time() + 30
    while time.time() < deadline:
        r, _, _ = select.select([master], [], [], 0.5)
        if r:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        elif proc.poll() is not None:
            break
    proc.wait(timeout=30)
    os.close(master)
    return proc.returncode, out


def test_terminal_gets_colour_unless_no_color(tiny_model_path, cli_env):
    rc, out = run_on_tty(["--model", tiny_model_path], cli_env())
    assert rc == 0 and b"\x1b[" in out
    rc, out = run_on_tty(["--model", tiny_model_path], cli_env({"NO_COLOR": "1"}))
    assert rc == 0 and b"\x1b[" not in out and SEPARATOR.encode() in out
    rc, out = run_on_tty(["--model", tiny_model_path], cli_env({"NO_COLOR": ""}))  # empty: ignored
    assert b"\x1b[" in out
    rc, out = run_on_tty(["--model", tiny_model_path, "--color", "never"], cli_env())
    assert b"\x1b[" not in out
    rc, out = run_on_tty(["--model", tiny_model_path, "--json"], cli_env())
    assert b"\x1b[" not in out and json.loads(out.decode().strip())["fields"] == ["k", "v", "w"]


def test_terminal_output_neutralises_escape_sequences_in_the_log(tiny_model_path, cli_env):
    rc, out = run_on_tty(["--model", tiny_model_path], cli_env(), data=b"\x1b]0;pwned\x07 x\n")
    assert rc == 0 and b"\x1b]0;" not in out and "␛".encode() in out


def test_batch_size_and_latency_do_not_change_output(run_cli, tiny_model_path):
    data = b"".join(b"line %d key=v%d, [x]\n" % (i, i % 7) for i in range(300))
    base = run_cli("--model", tiny_model_path, "--json", input=data).stdout
    for args in (["--batch-size", "1"], ["--batch-size", "7", "--max-latency", "0"],
                 ["--batch-size", "1000"]):
        assert run_cli("--model", tiny_model_path, "--json", *args, input=data).stdout == base


# ------------------------------------------------------------------ information
def test_model_info(run_cli, tiny_model_path):
    p = run_cli("--model", tiny_model_path, "--model-info")
    assert p.returncode == 0
    out = p.stdout.decode()
    for needle in ("embed=16", "units=32", "layers=1", "max_len:", "vocabulary:", "training:",
                   "evaluation:", "val_char_accuracy", tiny_model_path):
        assert needle in out
    info = json.loads(run_cli("--model", tiny_model_path, "--model-info", "--json").stdout)
    assert info["sizes"] == {"embed": 16, "units": 32, "layers": 1}
    assert info["labels"] == ["O", "D"] and info["vocab"]["version"] == 1


def test_version_and_help(run_cli):
    p = run_cli("--version")
    assert p.returncode == 0 and p.stdout.decode().startswith("logsplit ")
    p = run_cli("--help")
    assert p.returncode == 0
    text = p.stdout.decode()
    for needle in ("--json", "--tsv", "--fields", "--color", "--model", "--batch-size",
                   "--max-latency", "--model-info", "NO_COLOR", SEPARATOR.strip(), '"spans"',
                   "-f 1,3-5,-1 prints fields 1, 3 to 5,"):
        assert needle in text
    # a wheel install has no docs/ folder nor README file: help must not send people there
    assert "docs/" not in text and ".md" not in text


# ------------------------------------------------------------------ errors and exit codes
@pytest.mark.parametrize("args", [
    ["--no-such-option"], ["-f", "0"], ["-f", "1,,2"], ["--batch-size", "0"],
    ["--max-latency", "-1"], ["--max-latency", "nan"], ["--json", "--tsv"],
    ["--color", "sometimes"],
])
def test_usage_errors_exit_2(run_cli, tiny_model_path, args):
    p = run_cli("--model", tiny_model_path, *args)
    assert p.returncode == 2 and p.stdout == b""
    assert b"Traceback" not in p.stderr and b"logsplit: error:" in p.stderr


def model_error(run_cli, path):
    p = run_cli("--model", path, "--json", input=b"a b\n")
    assert p.returncode == 2 and p.stdout == b""
    (line,) = p.stderr.decode().splitlines()
    assert line.startswith(f"logsplit: {path}: ")
    return line


def test_missing_model(run_cli, tmp_path):
    assert "No such file" in model_error(run_cli, str(tmp_path / "nope.onnx"))


def test_unreadable_model(run_cli, tmp_path):
    if os.geteuid() == 0:
        assert "Is a directory" in model_error(run_cli, str(tmp_path))
    else:
        p = tmp_path / "secret.onnx"
        p.write_bytes(b"x")
        p.chmod(0)
        assert "Permission denied" in model_error(run_cli, str(p))


def test_corrupt_model(run_cli, tmp_path):
    p = tmp_path / "corrupt.onnx"
    p.write_bytes(b"\x08\x07garbage" * 50)
    assert "not an ONNX model" in model_error(run_cli, str(p))


def test_incompatible_models(run_cli, tmp_path):
    import json as _json

    import tiny_model

    meta = tiny_model.metadata(embed=16, units=32, layers=1)
    none = tiny_model.save(tiny_model.build_lstm_model(meta={}), str(tmp_path / "none.onnx"))
    assert "logsplit.format is missing" in model_error(run_cli, none)
    spec = _json.loads(meta["logsplit.vocab"])
    bad_vocab = tiny_model.save(tiny_model.build_lstm_model(
        meta={**meta, "logsplit.vocab": _json.dumps({**spec, "version": 7})}),
        str(tmp_path / "vocab.onnx"))
    assert "vocabulary mismatch" in model_error(run_cli, bad_vocab)
    labels = tiny_model.save(tiny_model.build_lstm_model(
        meta={**meta, "logsplit.labels": '["O", "D", "X"]'}), str(tmp_path / "labels.onnx"))
    assert "labels" in model_error(run_cli, labels)
    small = tiny_model.save(tiny_model.build_lstm_model(vocab_size=10), str(tmp_path / "s.onnx"))
    assert "vocabulary" in model_error(run_cli, small)


def test_head_closes_the_pipe_quietly(tiny_model_path, tmp_path, cli_env):
    big = tmp_path / "big.log"
    big.write_bytes(b"".join(b"row %d with some fields, key=value [x]\n" % i
                             for i in range(200000)))
    cmd = (f"{sys.executable} -m logsplit --model {tiny_model_path} --json {big} | head -1; "
           f"echo \"status=${{PIPESTATUS[0]}}\" >&2")
    p = subprocess.run(["bash", "-c", cmd], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       env=cli_env(), timeout=120)
    lines = p.stdout.decode().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["line"] == 1
    assert p.stderr.decode().strip() == "status=141"  # nothing else on stderr


def test_sigint_exits_130_without_traceback(tiny_model_path, cli_env):
    proc = subprocess.Popen([sys.executable, "-m", "logsplit", "--model", tiny_model_path,
                             "--json"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=cli_env())
    proc.stdin.write(b"hello there\n")
    proc.stdin.flush()
    assert json.loads(proc.stdout.readline())["text"] == "hello there"  # up and waiting
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert err == b""


# ------------------------------------------------------------------ streaming
def test_open_pipe_line_appears_within_a_second(tiny_model_path, cli_env):
    proc = subprocess.Popen([sys.executable, "-m", "logsplit", "--model", tiny_model_path,
                             "--json"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=cli_env())
    try:
        proc.stdin.write(b"warm up\n")
        proc.stdin.flush()
        proc.stdout.readline()  # start-up (imports, model) is not what this test measures
        for i in range(3):
            t0 = time.monotonic()
            proc.stdin.write(b"live line %d\n" % i)
            proc.stdin.flush()  # the pipe stays open: no EOF to wait for
            ready, _, _ = select.select([proc.stdout], [], [], 1.0)
            assert ready, "no output within 1 s"
            row = json.loads(proc.stdout.readline())
            assert row["line"] == i + 2 and row["text"] == f"live line {i}"
            assert time.monotonic() - t0 < 1.0
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
    assert proc.returncode == 0


# ------------------------------------------------------------------ imports
def test_never_imports_tensorflow_and_json_skips_rich(tiny_model_path, cli_env):
    code = (
        "import io, sys\n"
        "sys.stdin = io.TextIOWrapper(io.BytesIO(b'a b\\n'))\n"
        "from logsplit.cli import main\n"
        f"rc = main(['--model', {tiny_model_path!r}, '--json', {__file__!r}])\n"
        "print(rc, 'tensorflow' in sys.modules, 'rich' in sys.modules, 'keras' in sys.modules,"
        " file=sys.stderr)\n"
    )
    p = subprocess.run([sys.executable, "-c", code], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, env=cli_env(), timeout=60)
    assert p.stderr.decode().split() == ["0", "False", "False", "False"]
    assert p.stdout.count(b"\n") > 10


# ------------------------------------------------------------------ the shipped model
def test_default_model_json(run_cli, default_model_path):
    p = run_cli("--json", input=b"sshd[24200]: Invalid user admin from 10.0.0.7\n\n")
    assert p.returncode == 0, p.stderr
    rows = jsonl(p.stdout)
    assert len(rows) == 2 and rows[1]["fields"] == []
    assert rows[0]["fields"] == [rows[0]["text"][s:e] for s, e in rows[0]["spans"]]


def test_default_model_info(run_cli, default_model_path):
    p = run_cli("--model-info")
    assert p.returncode == 0 and b"sizes:" in p.stdout


def test_default_model_explicit_path_same_output(run_cli, default_model_path):
    data = b"2023-10-10 13:55:36 INFO main: started pid=42\n"
    assert run_cli("--json", input=data).stdout == \
        run_cli("--json", "--model", default_model_path, input=data).stdout


def test_run_in_process_restores_the_garbage_collector(tiny_model_path, tmp_path):
    import gc
    import io

    from logsplit import cli

    src = tmp_path / "in.log"
    src.write_bytes(b"a b\nc=d\n")

    class Out(io.StringIO):
        buffer = io.BytesIO()

    out = Out()
    assert gc.isenabled()
    assert cli.run(["--model", tiny_model_path, "--tsv", str(src)], stdout=out) == 0
    assert gc.isenabled()
    assert out.buffer.getvalue() == b"a\tb\nc\td\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("mode", [["--json"], ["--tsv"], ["--color", "never"]])
def test_full_disk_is_an_output_error(tiny_model_path, cli_env, mode):
    """Writing to a full disk: one line on stderr naming the cause, exit 1, no traceback."""
    with open("/dev/full", "wb") as full:
        p = subprocess.run([sys.executable, "-m", "logsplit", "--model", tiny_model_path, *mode],
                           input=b"a b\n" * 50000, stdout=full, stderr=subprocess.PIPE,
                           env=cli_env(), timeout=120)
    err = p.stderr.decode()
    assert p.returncode == 1, err
    assert err.strip().splitlines() == ["logsplit: cannot write output: No space left on device"]


@pytest.mark.parametrize("line, fields", [
    ("a\x00b", ["a", "b"]),
    ("\x1b[2Jclear", ["clear"]),
    ("\x1b[31mERROR\x1b[0m bell\x07", ["ERROR", "bell"]),
])
def test_control_characters_never_printed_raw(run_cli, tiny_model_path, line, fields):
    """Rule 6: NUL, BEL, ESC and whole escape sequences are delimiters, so --tsv, -f and
    --color never cannot print them."""
    for args in (["--tsv"], ["-f", "1-"], ["--color", "never"]):
        p = run_cli("--model", tiny_model_path, *args, input=line.encode() + b"\n")
        out = p.stdout.decode()
        assert p.returncode == 0
        assert not any(c in out for c in "\x00\x07\x1b"), (args, out)
    p = run_cli("--model", tiny_model_path, "--json", input=line.encode() + b"\n")
    assert json.loads(p.stdout)["fields"] == fields
