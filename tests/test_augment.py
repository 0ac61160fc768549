"""Label-preserving variants of corrected lines (train/augment.py), used by teach."""
import doctest
import random

import numpy as np
import pytest

from logsplit.marked import parse_marked
from logsplit_train import augment, corpus, teach
from logsplit_train.sample import Sample


def _sample(marked: str) -> Sample:
    text, spans = parse_marked(marked)
    mask = np.ones(len(text), np.uint8)
    for s, e in spans:
        mask[s:e] = 0
    return Sample(text, mask, "fix")


def _delims(s: Sample) -> list[str]:
    """The delimiter runs of a line, in order (what a variant must keep)."""
    out, cur = [], ""
    for c, m in zip(s.text, s.mask):
        if m:
            cur += c
        elif cur:
            out.append(cur)
            cur = ""
    return out + ([cur] if cur else [])


CASES = [
    "⟦user⟧=⟦alice⟧ ⟦took⟧ ⟦12ms⟧",
    "⟦Dec 10 06:55:46⟧ ⟦LabSZ⟧ ⟦sshd⟧[⟦24200⟧]: ⟦Invalid⟧ ⟦user⟧ ⟦webmaster⟧",
    "⟦id⟧,⟦name⟧,⟦⟧,⟦score⟧",
    "⟦ua⟧=\"⟦⟧\" ⟦ref⟧=\"⟦-⟧\" ⟦msg⟧=\"⟦disk almost full⟧\"",
    "⟦JOB#12⟧~⟦gamma⟧~⟦ok⟧~⟦33.1s⟧~⟦node8⟧",
]


@pytest.mark.parametrize("marked", CASES)
def test_a_variant_keeps_every_delimiter_and_field_count(marked):
    s = _sample(marked)
    rng = random.Random(3)
    for _ in range(20):
        v = augment.vary(s, rng)
        assert _delims(v) == _delims(s)
        assert len(v.spans) == len(s.spans)
        assert [e - b == 0 for b, e in v.spans] == [e - b == 0 for b, e in s.spans]
        # digits and punctuation inside fields are untouched, in order
        keep = lambda t: [c for c in t if not c.isalpha()]  # noqa: E731
        assert keep(v.text) == keep(s.text)


def test_variants_differ_and_short_words_in_spaced_fields_stay():
    s = _sample("⟦Dec 10 06:55:46⟧ ⟦GET /index.html HTTP/1.1⟧ ⟦webmaster⟧")
    texts = {augment.vary(s, random.Random(i)).text for i in range(30)}
    assert len(texts) > 10
    assert all(t.startswith("Dec 10 06:55:46 GET /") for t in texts)


def test_variants_of_corpus_lines_keep_the_generator_labels():
    rng = random.Random(0)
    for s in corpus.generate(200, seed=5):
        v = augment.vary(s, rng)
        assert _delims(v) == _delims(s) and len(v.spans) == len(s.spans)


def test_training_lines_mix_copies_and_variants():
    corr = [_sample("⟦user⟧=⟦alice⟧ ⟦took⟧ ⟦12ms⟧")]
    other = _sample("⟦a⟧ ⟦b⟧")
    other.source = "corpus"
    replay = [other] * 30
    plain = teach.training_lines(corr, replay, 0.5)
    mixed = teach.training_lines(corr, replay, 0.5, varied=0.5, rng=random.Random(0))
    fix = [s for s in mixed if s.source == "fix"]
    assert len(fix) == len([s for s in plain if s.source == "fix"]) == 30
    exact = sum(s.text == corr[0].text for s in fix)
    assert exact == 15  # the correction itself is always kept, as often as asked
    assert all(_delims(s) == _delims(corr[0]) for s in fix)


def test_module_examples():
    assert doctest.testmod(augment).failed == 0
