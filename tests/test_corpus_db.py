"""The database families and the shared message constructions label as docs/LABELING.md says:
value-place `-` as fields, empty values as empty fields (rule 8), escaped quotes at the end of a
quoted value inside it (decision 61), glued `->`/`=>`, ARNs, control characters (rule 6).

Family rows: a regular expression whose groups are exactly the fields of the text it matches
(an empty group ``()`` is an empty field); each row must match a few generated lines.
"""
import random
import re

import numpy as np
import pytest

from logsplit.fieldspans import empty_positions, has_controls
from logsplit_train import corpus
from logsplit_train.corpus import messages as M
from logsplit_train.corpus.builder import Line

N = 3000
QSTR_ESC_END = r'((?:[^"\\]|\\")*\\")'          # a JSON string's content ending in `\"`

ROWS = [
    # postgres: a background process has no user/db/app/client: four empty values
    ("postgres", r"\]: \[(\d+-1)\] (user)=(),(db)=(),(app)=(),(client)=() "),
    ("postgres", r"\]: \[(\d+-1)\] (user)=(\w+),(db)=(\w+),(app)="),
    # mysql: an empty channel name `''` is one empty field
    ("mysql", r"(channel) '()': (connected) (to) (source) '(repl@[\d.]+:3306)',(replication)"),
    # redis: the level marker is the level column's field, `-` and `*` alike
    ("redis", r"^(\d+):([MSCX]) (\d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d\.\d{3}) (-) "),
    ("redis", r"^(\d+):([MSCX]) (\d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d\.\d{3}) (\*) "),
    ("redis", r"^\[(\d+)\] (\d\d [A-Z][a-z]{2} \d\d:\d\d:\d\d(?:\.\d{3})?) (#) "),
    # mongodb: the `-` component fills the component column; JSON `"c":"-"` too
    ("mongodb", r"^(\S+) ([IWEDF]) (-) {8}\[(\w+)\] "),
    ("mongodb", r"^(\S+) ([IWEDF]) (NETWORK) {2}\[(\w+)\] "),
    ("mongodb", r'"(c)":"(-)",'),
    # mongodb JSON: an empty string is an empty field; an escaped quote may end a value
    ("mongodb", r'"(application)":\{"(name)":"()"\}'),
    ("mongodb", r'"(error)":"' + QSTR_ESC_END + r'"\}'),
    ("mongodb", r'"(errmsg)":"' + QSTR_ESC_END + r'"\}'),
    # elasticsearch JSON layout
    ("elasticsearch", r'"(cluster\.uuid)": "()"'),
    ("elasticsearch", r'"(message)": "' + QSTR_ESC_END + r'"'),
]


@pytest.fixture(scope="module")
def lines():
    return {f: corpus.generate(N, seed=29, families=[f])
            for f in ("postgres", "mysql", "redis", "mongodb", "elasticsearch")}


def _check(rx, s):
    n = 0
    for m in rx.finditer(s.text):
        n += 1
        want = [m.span(i) for i in range(1, rx.groups + 1) if m.span(i) != (-1, -1)]
        got = [(a, b) for a, b in s.spans
               if (a < m.end() and b > m.start()) or (a == b and m.start() < a < m.end())]
        assert got == want, (rx.pattern, s.text, [s.text[a:b] for a, b in got])
    return n


@pytest.mark.parametrize("fam,pattern", ROWS)
def test_construction_is_labeled_by_the_convention(lines, fam, pattern):
    rx = re.compile(pattern)
    seen = sum(_check(rx, s) for s in lines[fam])
    assert seen >= 3, f"{pattern!r} matched only {seen} {fam} lines"


@pytest.mark.parametrize("fam,head,index,values", [
    # field N is the same column on every line (rule 8): the `-` component, the `.` level
    ("mongodb", re.compile(r"^\d{4}-\d\d-\d\dT"), 2, {
        "NETWORK", "COMMAND", "ACCESS", "CONTROL", "STORAGE", "REPL", "INDEX", "QUERY", "WRITE",
        "SHARDING", "FTDC", "ASIO", "-"}),
    ("redis", re.compile(r"^\d+:[MSCX] "), 3, set("*#-.")),
    ("redis", re.compile(r"^\[\d+\] "), 2, set("*#-.")),
])
def test_columns_stay_countable(lines, fam, head, index, values):
    hit = [s for s in lines[fam] if head.match(s.text)]
    assert len(hit) > 100
    assert {s.fields[index] for s in hit} == values


# ------------------------------------------------------------------ shared message constructions
def _samples(fn, n=600, seed=5):
    r = random.Random(seed)
    out = []
    for _ in range(n):
        b = Line()
        fn(r, b, False)
        out.append(b.build())
    return out


W = r"[\w.'%#$~+-]+"
PHRASE_ROWS = {
    M._ph_glued_arrow: [
        r"(0x[0-9a-f]+)(?:->|=>)(0x[0-9a-f]+)",                              # addresses
        r"(\d+[KMG]?B?)(?:->|=>)(\d+[KMG]?B?)(?:\((\d+[KMG]?B?)\))?(?:, (\d+\.\d+) (secs))?",
        r"([A-Z]\w*)(?:->|=>)([A-Z]\w*)(?:(?:->|=>)([A-Z]\w*))?",            # states
        r"(" + W + r")(?:->|=>)(" + W + r")",                                 # words, numbers
    ],
}


@pytest.mark.parametrize("fn", list(PHRASE_ROWS), ids=lambda f: f.__name__)
def test_phrase_is_labeled_by_the_convention(fn):
    """Every generated phrase matches one row whole (the glued arrow and the control
    characters are delimiters, the values fields); every row is produced."""
    rows = [re.compile(p) for p in PHRASE_ROWS[fn]]
    used = [0] * len(rows)
    unmatched = []
    for s in _samples(fn):
        for i, rx in enumerate(rows):
            m = rx.fullmatch(s.text)
            if m:
                used[i] += 1
                assert s.spans == [m.span(k) for k in range(1, rx.groups + 1)
                                   if m.span(k) != (-1, -1)], (rx.pattern, s.text, s.fields)
                break
        else:
            unmatched.append(s.text)
    assert not unmatched, unmatched[:5]
    assert all(used), (fn.__name__, used)


_CONTROL_RUN = re.compile(r"(?:\x1b\]0;build\x07|\x1b\[[?\d]*[A-Za-z]|\x1b\(B|\x9b0m"
                          r"|[\x00-\x08\x0b\x0c\x7f]) ?")


def test_control_phrase_is_a_delimiter_between_values():
    """`word<BEL>value`: the whole control character or escape sequence (and a blank after it)
    is a delimiter (rule 6); the word before it is one field, the value after it follows."""
    seen = set()
    for s in _samples(M._ph_control):
        m = _CONTROL_RUN.search(s.text)
        assert m, repr(s.text)
        seen.add(m.group().strip())
        assert s.mask[m.start():m.end()].all(), repr(s.text)
        assert s.spans[0] == (0, m.start()), repr(s.text)
        assert s.spans[1][0] >= m.end(), repr(s.text)     # a value may open with `[` or `/`
    assert len(seen) >= 10, seen


def test_arn_is_one_field():
    """ARNs and URNs are one field (product rule 9), in several shapes, also in messages."""
    r = random.Random(9)
    shapes = set()
    for _ in range(500):
        b = Line()
        M._v_arn(r, b)
        (f,) = b.build().fields
        assert re.fullmatch(r"(?:arn|urn):\S+", f), f
        shapes.add(re.sub(r"[^:]+", "x", f))
    assert len(shapes) >= 5, shapes
    r = random.Random(10)
    fields = [f for _ in range(4000) for f in M.message(r).build().fields]
    for prefix in ("arn:aws:iam::", "arn:aws:s3:::", "urn:uuid:"):
        assert any(f.startswith(prefix) for f in fields), prefix


_ITEM = r"[\w.%$#~+-]*"


def test_empty_items_are_empty_fields():
    """`opts=a,,c`, `a, , c`, `x||y`, `user= host=x`: one empty field per absent item, where
    the separators keep its place (and where logsplit.fieldspans derives it)."""
    key_list = re.compile(r"(\w+)=(" + _ITEM + r"(?:[,;|]" + _ITEM + r")+)")
    bare = re.compile(_ITEM + r"(?:(?:, |[,;|])" + _ITEM + r")+")
    pairs = re.compile(r"[\w.-]+=" + _ITEM + r"(?:(?: |, |,)[\w.-]+=" + _ITEM + r")+")
    seen = {"key_list": 0, "bare": 0, "pairs": 0}
    for s in _samples(M._ph_empty_items, 1500):
        assert empty_positions(s.text, s.mask) == s.empties, s.text
        if (m := key_list.fullmatch(s.text)):
            want = [m.group(1)] + re.split(r"[,;|]", m.group(2))
            seen["key_list"] += "" in want
        elif (m := pairs.fullmatch(s.text)):
            want = [x for kv in re.split(r" |, |,", s.text) for x in kv.split("=", 1)]
            seen["pairs"] += "" in want
            assert len(s.pairs) == len(want) // 2, (s.text, s.pairs)
        elif (m := bare.fullmatch(s.text)):
            want = re.split(r", |[,;|]", s.text)
            seen["bare"] += "" in want
        else:
            continue
        assert s.fields == want, (s.text, s.fields)
    assert all(v >= 20 for v in seen.values()), seen


@pytest.mark.parametrize("end", [False, True])
def test_message_ends_in_an_empty_value_only_at_the_end_of_a_line(end):
    """A message inside a line (followed by a quote or a bracket) never ends in `key=`; one that
    ends the line may (`... rhost=`), and the empty field is then derived at the line's end."""
    r = random.Random(4)
    trailing = 0
    for _ in range(4000):
        s = M.message(r, Line(), end=end).build()
        assert empty_positions(s.text, s.mask) == s.empties, s.text
        trailing += bool(s.empties) and s.empties[-1] == len(s.text)
    assert (trailing > 0) is end


def test_messages_carry_the_new_constructions():
    """The free-text messages the families use hold each new construction at a low rate."""
    r = random.Random(8)
    texts = [M.message(r).build() for _ in range(4000)]
    rate = {
        "glued arrow": np.mean([bool(re.search(r"\w(?:->|=>)\w", s.text)) for s in texts]),
        "empty field": np.mean([bool(s.empties) for s in texts]),
        "control": np.mean([has_controls(s.text) for s in texts]),
        "escaped quote at a field's end": np.mean([any(f.endswith('\\"') for f in s.fields)
                                                   for s in texts]),
    }
    for k, v in rate.items():
        assert 0.001 < v < 0.5, (k, v)
    for s in texts:                       # rule 6: controls are delimiters, never in a field
        assert not any(has_controls(f) for f in s.fields), s.text
