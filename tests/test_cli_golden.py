"""The output contract, pinned by golden files (tests/golden/), produced with the tiny model.

The JSON Lines schema is a contract (docs/CLI.md): keys ``line, text, fields, spans, pairs`` in this
order, ``file`` first with several inputs.  Regenerate after an intended change with
``LOGSPLIT_REGEN_GOLDEN=1 python -m pytest tests/test_cli_golden.py`` and review the diff.
"""
import json
import os

import pytest

from logsplit.fieldspans import empty_positions
from logsplit.vocab import spans_to_mask

GOLDEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden")
INPUT = os.path.join(GOLDEN, "input.log")
SECOND = os.path.join(GOLDEN, "second.log")
REGEN = os.environ.get("LOGSPLIT_REGEN_GOLDEN") == "1"

CASES = {
    "input.jsonl": (["--json", INPUT], None),
    "multi.jsonl": (["--json", INPUT, SECOND], None),
    "stdin.jsonl": (["--json"], INPUT),
    "input.tsv": (["--tsv", INPUT], None),
    "input.fields.tsv": (["-f", "1,3-4,-1", INPUT], None),
    "input.txt": ([INPUT], None),
}


def reference_lines(path):
    with open(path, "rb") as f:
        text = f.read().decode("utf-8", "replace")
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    return [s[:-1] if s.endswith("\r") else s for s in lines]


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_output(run_cli, tiny_model_path, name):
    args, stdin_path = CASES[name]
    stdin = open(stdin_path, "rb").read() if stdin_path else b""
    # golden files hold paths relative to tests/golden
    rel = [os.path.relpath(a, GOLDEN) if os.path.isabs(a) else a for a in args]
    p = run_cli("--model", tiny_model_path, *rel, input=stdin, cwd=GOLDEN)
    assert p.returncode == 0 and p.stderr == b""
    path = os.path.join(GOLDEN, name)
    if REGEN:
        with open(path, "wb") as f:
            f.write(p.stdout)
    with open(path, "rb") as f:
        assert p.stdout == f.read()


def check_schema(objs, refs, multi=False):
    assert len(objs) == len(refs)
    for o, (name, number, text) in zip(objs, refs):
        keys = ["file", "line", "text", "fields", "spans", "pairs"] if multi else \
            ["line", "text", "fields", "spans", "pairs"]
        assert list(o) == keys
        # pairs: [key, value] indices into fields, a key before its value, a field in one pair
        flat = [i for kv in o["pairs"] for i in kv]
        assert all(len(kv) == 2 and 0 <= kv[0] < kv[1] < len(o["fields"]) for kv in o["pairs"])
        assert len(flat) == len(set(flat))
        if multi:
            assert o["file"] == name
        assert o["line"] == number and o["text"] == text
        assert isinstance(o["fields"], list) and isinstance(o["spans"], list)
        assert len(o["fields"]) == len(o["spans"])
        prev = -1
        for f, (s, e) in zip(o["fields"], o["spans"]):
            # sorted and disjoint, with at least one delimiter between two spans; a zero-length
            # span is an empty field (rule 8) and sits where the delimiters imply one
            assert isinstance(s, int) and isinstance(e, int) and prev < s <= e <= len(text)
            assert f == text[s:e]
            prev = e
        empties = [s for s, e in o["spans"] if s == e]
        mask = spans_to_mask(len(text), o["spans"])
        assert empties == empty_positions(text, mask)
        if text == "":
            assert o["fields"] == [] and o["spans"] == []


def test_golden_json_schema():
    refs = [(None, i, t) for i, t in enumerate(reference_lines(INPUT), 1)]
    with open(os.path.join(GOLDEN, "input.jsonl"), encoding="utf-8") as f:
        check_schema([json.loads(line) for line in f], refs)
    with open(os.path.join(GOLDEN, "stdin.jsonl"), encoding="utf-8") as f:
        check_schema([json.loads(line) for line in f], refs)


def test_golden_multi_file_schema():
    refs = [("input.log", i, t) for i, t in enumerate(reference_lines(INPUT), 1)]
    refs += [("second.log", i, t) for i, t in enumerate(reference_lines(SECOND), 1)]
    with open(os.path.join(GOLDEN, "multi.jsonl"), encoding="utf-8") as f:
        check_schema([json.loads(line) for line in f], refs, multi=True)


def test_golden_json_is_utf8_not_ascii_escaped():
    raw = open(os.path.join(GOLDEN, "input.jsonl"), "rb").read()
    assert "café".encode() in raw and b"\\u00e9" not in raw
    assert b'"text": "back\\\\slash and \\"quotes\\"' in raw
