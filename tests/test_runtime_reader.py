"""Reader: os.read chunks -> whole lists of complete, decoded lines, errors per source."""
import os
import threading

import pytest

from logsplit.reader import END, ERROR, LINES, Reader, split_lines


def collect(reader):
    lines, errors = {}, []
    for item in reader:
        if item[0] == LINES:
            _, src, first, chunk = item
            got = lines.setdefault(src, [])
            assert first == len(got) + 1  # line numbers are consecutive per source
            got.extend(chunk)
        elif item[0] == ERROR:
            errors.append(item[1:])
        else:
            assert item == (END,)
    return lines, errors


def reference(data: bytes) -> list[str]:
    text = data.decode("utf-8", "replace")
    out = text.split("\n")
    if text.endswith("\n"):
        out.pop()
    if text == "":
        return []
    return [s[:-1] if s.endswith("\r") else s for s in out]


def test_split_lines_rules():
    assert split_lines(b"a\r\nb\r\r\n\n\xff x\n") == ["a", "b\r", "", "\ufffd x"]
    assert split_lines(b" lead and trail \t\n") == [" lead and trail \t"]


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 1 << 16])
def test_chunk_boundaries_do_not_matter(tmp_path, chunk):
    data = ("héllo wörld\r\n" "日本語 ✓\n" "\n" "no newline at the end €").encode() + b"\xe2\x82"
    p = tmp_path / "x.log"
    p.write_bytes(data)
    lines, errors = collect(Reader([str(p)], chunk=chunk))
    assert errors == []
    assert lines[0] == reference(data)


def test_crlf_split_across_chunks(tmp_path):
    p = tmp_path / "crlf.log"
    p.write_bytes(b"abc\r\ndef\r\n")
    lines, _ = collect(Reader([str(p)], chunk=4))  # "abc\r" | "\ndef" | ...
    assert lines[0] == ["abc", "def"]


def test_empty_file_and_missing_file_and_directory(tmp_path):
    empty = tmp_path / "empty.log"
    empty.write_bytes(b"")
    good = tmp_path / "good.log"
    good.write_bytes(b"x\n")
    lines, errors = collect(Reader([str(tmp_path / "nope.log"), str(empty), str(tmp_path),
                                    str(good)]))
    assert lines == {3: ["x"]}
    assert [e[0] for e in errors] == [0, 2]
    assert "No such file" in errors[0][1]
    assert "directory" in errors[1][1].lower()


def test_stdin_dash_reads_the_given_fd():
    r_fd, w_fd = os.pipe()
    os.write(w_fd, b"one\ntwo\n")
    os.close(w_fd)
    lines, errors = collect(Reader(["-"], stdin_fd=r_fd))
    os.close(r_fd)
    assert lines == {0: ["one", "two"]} and errors == []


def test_open_pipe_delivers_complete_lines_immediately():
    r_fd, w_fd = os.pipe()
    reader = Reader(["-"], stdin_fd=r_fd)
    os.write(w_fd, b"first line\npartial")
    item = reader.get(5.0)
    assert item == (LINES, 0, 1, ["first line"])  # without waiting for more input or EOF
    assert reader.get(0.2) is None  # "partial" is held back until its newline
    os.write(w_fd, b" done\n")
    assert reader.get(5.0) == (LINES, 0, 2, ["partial done"])
    os.close(w_fd)
    assert reader.get(5.0) == (END,)
    os.close(r_fd)


def test_one_item_per_chunk_not_per_line(tmp_path):
    p = tmp_path / "many.log"
    p.write_bytes(b"".join(b"line %d\n" % i for i in range(5000)))
    items = list(Reader([str(p)], chunk=1 << 16))
    assert len(items) < 10
    assert sum(len(i[3]) for i in items if i[0] == LINES) == 5000


def test_bounded_queue_blocks_the_reader_not_the_consumer(tmp_path):
    p = tmp_path / "big.log"
    p.write_bytes(b"x\n" * 100000)
    reader = Reader([str(p)], chunk=16, queue_chunks=4)
    threading.Event().wait(0.2)
    assert reader._queue.qsize() <= 4
    total = sum(len(i[3]) for i in reader if i[0] == LINES)
    assert total == 100000


def test_get_timeout_zero_does_not_block():
    r_fd, w_fd = os.pipe()
    reader = Reader(["-"], stdin_fd=r_fd)
    assert reader.get(0) is None
    os.close(w_fd)
    assert reader.get(5.0) == (END,)
    os.close(r_fd)
