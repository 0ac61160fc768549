"""The label set and vocabulary shared by training and runtime."""
import numpy as np
import pytest

from logsplit.vocab import (CONTROL, DIGIT, LETTER, PAD, UNKNOWN, Vocabulary, VocabularyError,
                            labels_to_mask, mask_to_labels, mask_to_spans, pad_batch,
                            spans_to_mask, vocab_spec)

V = Vocabulary()


@pytest.mark.parametrize("char, want", [
    ("0", DIGIT), ("7", DIGIT), ("é", LETTER), ("中", LETTER), ("\x00", CONTROL),
    ("\x7f", CONTROL), ("\U0001F600", UNKNOWN), ("\ufffd", UNKNOWN),
])
def test_character_classes(char, want):
    assert V.id_of(char) == want


def test_every_printable_ascii_nondigit_has_its_own_id():
    chars = [chr(c) for c in range(32, 127) if not chr(c).isdigit()] + ["\t", "\x1b"]
    ids = [V.id_of(c) for c in chars]
    assert len(set(ids)) == len(ids)
    assert min(ids) > CONTROL and max(ids) < V.size


def test_digits_normalised_make_identical_inputs():
    assert V.encode("blk_123 at 10:01").tobytes() == V.encode("blk_987 at 22:59").tobytes()
    raw = Vocabulary(vocab_spec(normalise_digits=False))
    assert raw.encode("1").tolist() != raw.encode("2").tolist()
    assert raw.size == V.size + 10


def test_spec_round_trip_and_version_check():
    again = Vocabulary(dict(V.spec))
    assert np.array_equal(again.table, V.table)
    with pytest.raises(VocabularyError, match="version"):
        Vocabulary({**V.spec, "version": 99})
    with pytest.raises(VocabularyError, match="digit"):
        Vocabulary({**V.spec, "digit": 7})


def test_encode_joined_and_pad_batch():
    lines = ["ab", "", "a1c"]
    ids, lengths = V.encode_joined(lines)
    assert lengths.tolist() == [2, 0, 3]
    x = pad_batch(ids, lengths)
    assert x.shape == (3, 3)
    assert x[0].tolist() == [V.id_of("a"), V.id_of("b"), PAD]
    assert x[1].tolist() == [PAD] * 3
    assert x[2].tolist() == [V.id_of("a"), DIGIT, V.id_of("c")]


def test_lone_surrogate_does_not_crash():
    assert V.encode("a\udcffb").tolist()[1] == UNKNOWN


@pytest.mark.parametrize("labels, spans", [
    ("", []), ("D", []), ("O", [(0, 1)]), ("OODOO", [(0, 2), (3, 5)]),
    ("DDOODDDOD", [(2, 4), (7, 8)]),
])
def test_labels_spans_round_trip(labels, spans):
    mask = labels_to_mask(labels)
    assert mask_to_spans(mask) == spans
    assert mask_to_labels(spans_to_mask(len(labels), spans)) == labels


def test_random_masks_round_trip():
    rng = np.random.default_rng(0)
    for _ in range(200):
        m = (rng.random(rng.integers(0, 40)) < 0.3).astype(np.uint8)
        assert np.array_equal(spans_to_mask(len(m), mask_to_spans(m)), m)


def test_bad_label_letter():
    with pytest.raises(ValueError, match="position 3"):
        labels_to_mask("OOX")
