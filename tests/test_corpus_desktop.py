"""The desktop families (macos, proxifier) label their constructions as docs/LABELING.md says.

Each row is a regular expression whose groups are exactly the fields of the text it matches:
every field that overlaps a match must be one of its groups, span for span, and every group must
be a field.  Each row must match a few generated lines, so the construction is really produced.
"""
import random
import re

import pytest

from logsplit_train import corpus

N = 4000
TS_BSD = r"[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d"
EXE = r"[\w+-]+\.(?:exe|EXE)"

ROWS = [
    # macos: brackets delimit, `::` between a bracket and a name too, `::` names stay whole
    ("macos", r"(IOThunderboltSwitch)<(\d+)>\((0x[0-9a-f]+)\)::(listenerCallback) - "),
    ("macos", r"(route) = (0x[0-9a-f]+) (port) = (\d+) (unplug) = ([01])$"),
    ("macos", r"(ARPT): (\d+\.\d{6}): (AirPort_Brcm43xx::syncPowerState): (WWEN)\[(enabled|disabled)\]$"),
    ("macos", r"(AppleThunderboltNHIType2::prePCIWake) - (power) (up) (complete) - (took) (\d+) (us)$"),
    ("macos", r"(AppleCamIn::systemWakeCall) - (messageType) = (0xE[0-9A-F]{7})$"),
    ("macos", r"^(" + TS_BSD + r") ([\w.-]+) (kernel)\[(0)\]: "),
    ("macos", r"^(" + TS_BSD + r") (kernel)\[(0)\]: "),                      # no host
    ("macos", r"(Google) (Chrome) (Helper)\[(\d+)\]"),
    ("macos", r"(com\.apple\.CDScheduler)\[(\d+)\]: (Thermal) (pressure) (state): ([01]) (Memory)"),
    ("macos", r"(FA)\|()\|(Url)\|()\|(taskID)\[(\d+)\] (dealloc)$"),     # `||`: an empty item
    ("macos", r"(Couldn't) (set) (selectedTextBackgroundColor) (from) (default) \(\)$"),
    ("macos", r"\[(\d\d:\d\d:\d\d\.\d{3})\] <<<< (CRABS) >>>> (crabsFlumeHostAvailable): \[(0x7f[0-9a-f]{10})\] (Byte)"),
    ("macos", r"(\d\d:\d\d:\d\d\.\d{3}) : (BTLE) (scanner) (Powered) (On|Off)$"),
    ("macos", r"(mDNS_DeregisterInterface): (Frequent) (transitions) (for) (interface) ([a-z]+\d) \(([0-9A-F]{4}(?::[0-9A-F]{0,4})+)\)$"),
    ("macos", r"(?:(Addr): |\()(fe80::[0-9a-f:]+%[a-z]+\d)(?:\)|$)"),           # IPv6 with scope: one field
    ("macos", r"(__\d\d)-\[(NetworkAnalyticsEngine) (observeValueForKeyPath):(ofObject):(change):(context):\](_block_invoke) "),
    ("macos", r"\[(IDLE|RUNNING|ACTIVE|On|Off)\] -> \[(\w+)\]$"),
    ("macos", r"(age):(\d\d:\d\d:\d\d) (id):(\d+)"),                        # clock duration: one field
    ("macos", r"(Maintenance) (\d{4}/\d{1,2}/\d{1,2} \d\d:\d\d:\d\d), (sleep) (\d{4}/\d{1,2}/\d{1,2} \d\d:\d\d:\d\d)$"),
    ("macos", r"(com\.apple\.xpc\.launchd)\[(1)\] \(([\w.]+)\[(\d+)\]\): (Service)"),
    ("macos", r"^(" + TS_BSD + r") ([\w.-]+) ([\w.]+)\[(\d+)\] <(Notice|Warning|Error|Info|Debug|Critical|Alert)>: "),
    ("macos", r"^(" + TS_BSD + r") ([\w.-]+) --- (last) (message) (repeated) (\d+) (times?) ---$"),
    # unified log: timestamp with its zone one field, columns and padding delimiters
    ("macos", r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}[+-]\d{4}) (0x[0-9a-f]+) +(Default|Info|Debug|Error|Fault) +(0x[0-9a-f]+) +(\d+) +(?:(\d+) +)?(kernel): \((\w+)\) "),
    ("macos", r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) (Df|Db|I|E|F) +(kernel)\[(0):([0-9a-f]+)\] "),
    ("macos", r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}[+-]\d{4})  ([\w.-]+) (kernel)\[(0)\]: "),
    # proxifier
    ("proxifier", r"^\[(\d\d\.\d\d \d\d:\d\d:\d\d)\] (" + EXE + r") - "),
    ("proxifier", r"^\[(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)\] (" + EXE + r") "),
    ("proxifier", r"^\[(\d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d)\] "),
    ("proxifier", r"\] (" + EXE + r") (\*64) - "),
    ("proxifier", r"\] (" + EXE + r") \((\d+)\) "),
    ("proxifier", r" - ([\w.-]+\.[a-z]+):(\d+) (open) (through) (proxy) ([\w.-]+\.[a-z]+):(\d+) (HTTPS)$"),
    ("proxifier", r" - ([\w.-]+):(\d+) (close), (0) (bytes) (sent), "),
    ("proxifier", r"(\d+) (bytes) \((\d+\.\d+) (KB)\) (sent|received)"),
    ("proxifier", r"(\d+) (bytes) \((\d+\.\d+) (MB)\) (sent|received)"),
    ("proxifier", r"(received), (lifetime) <(1) (sec)$"),
    ("proxifier", r"(received), (lifetime) (\d\d:\d\d)$"),
    ("proxifier", r"(received), (lifetime) (\d:\d\d:\d\d)$"),
    ("proxifier", r" (error) : (Could) (not) (connect) (to) (proxy) ([\w.-]+):(\d+) - (connection) (attempt) (failed) (with) (error) (\d+)$"),
    ("proxifier", r" - (\d+\.\d+\.\d+\.\d+):(\d+) (matching) (rule) (Default) : (direct) (connection)$"),
    ("proxifier", r" - \[([0-9a-f:]+)\]:(\d+) "),                          # IPv6 target, decision 12
    ("proxifier", r" - (Resolving) ([\w.-]+) (through) (proxy) ([\w.-]+):(\d+)$"),
]


@pytest.fixture(scope="module")
def lines():
    return {f: corpus.generate(N, seed=23, families=[f]) for f in ("macos", "proxifier")}


@pytest.mark.parametrize("fam,pattern", ROWS)
def test_construction_is_labeled_by_the_convention(lines, fam, pattern):
    rx = re.compile(pattern)
    seen = 0
    for s in lines[fam]:
        for m in rx.finditer(s.text):
            seen += 1
            want = [m.span(i) for i in range(1, rx.groups + 1) if m.span(i) != (-1, -1)]
            got = [(a, b) for a, b in s.spans if a < m.end() and b > m.start()]
            assert got == want, (pattern, s.text, [s.text[a:b] for a, b in got])
    assert seen >= 3, f"{pattern!r} matched only {seen} {fam} lines"


def test_layouts_and_messages_vary(lines):
    for fam, ss in lines.items():
        firsts = {re.sub(r"\d", "9", s.fields[0]) for s in ss}
        assert len(firsts) >= 3, fam                            # several timestamp shapes
        assert len({len(s.spans) for s in ss}) >= 15, fam
        assert len({s.text for s in ss}) >= 0.97 * len(ss), fam


@pytest.mark.parametrize("fam", ["macos", "proxifier"])
def test_only_the_given_random_stream_is_used(fam):
    out = []
    for glob in (1, 2):
        random.seed(glob)
        r = random.Random(7)
        out.append([corpus.sample_family(fam, r).text for _ in range(200)])
    assert out[0] == out[1]
