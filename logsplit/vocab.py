"""The label set and the character vocabulary: the one definition shared by training and runtime.

Every character of a line is labeled ``O`` (part of a field) or ``D`` (a delimiter), see
``docs/LABELING.md``.  The model sees each character as a small integer id.  What does not matter
for delimiters is normalised away before that (every ASCII digit becomes one id), so lines that
differ only in their numbers are the same input; the runtime caches on exactly that input.

The vocabulary is described by a plain dict (:func:`vocab_spec`) that is stored in the ONNX
model's metadata, so a model carries the vocabulary it was trained with and the runtime rebuilds
the lookup table from the model alone.

>>> v = Vocabulary()
>>> v.encode("ab 12").tolist() == [v.id_of("a"), v.id_of("b"), v.id_of(" "), DIGIT, DIGIT]
True
"""
from __future__ import annotations

import numpy as np

#: Label names, indexed by the model's output class.  ``O``: part of a field; ``D``: delimiter.
LABELS = ("O", "D")
FIELD, DELIM = 0, 1

VOCAB_VERSION = 1
#: Version 2 adds ``collapse_digits``: each run of digits is one model input position.  A
#: version-1 reader would feed such a model uncollapsed lines, so the version says it.
VOCAB_VERSIONS = (1, 2)
# Reserved ids; printable ASCII and a few control characters follow from FIRST_CHAR_ID.
PAD = 0          # padding after the end of a line (never a real character)
UNKNOWN = 1      # non-ASCII symbols, emoji, U+FFFD, code points beyond the BMP
DIGIT = 2        # every ASCII digit when digits are normalised
LETTER = 3       # non-ASCII letters and digits (é, ß, 中, ٣)
CONTROL = 4      # control characters other than those listed in CHARS (C0, DEL, C1)
FIRST_CHAR_ID = 5
#: Characters with an id of their own, in id order (digits are added when not normalised).
CHARS = "\t\x1b" + "".join(chr(c) for c in range(32, 127) if not chr(c).isdigit())


def vocab_spec(normalise_digits: bool = True, collapse_digits: bool = False) -> dict:
    """The vocabulary as a JSON-able dict, as stored in a model's metadata.

    ``collapse_digits`` (needs ``normalise_digits``): a run of digits is one input position of
    the model, labeled once; its label holds for every digit of the run (a digit run never
    holds a field boundary: digits are never delimiters), so spans map back exactly.
    """
    chars = CHARS if normalise_digits else CHARS + "0123456789"
    spec = {"version": VOCAB_VERSION, "pad": PAD, "unknown": UNKNOWN, "digit": DIGIT,
            "letter": LETTER, "control": CONTROL, "first_char_id": FIRST_CHAR_ID,
            "chars": chars, "normalise_digits": normalise_digits}
    if collapse_digits:
        if not normalise_digits:
            raise VocabularyError("collapse_digits needs normalise_digits")
        spec["version"] = 2
        spec["collapse_digits"] = True
    return spec


_BMP_LETTER = None


def _bmp_letters() -> np.ndarray:
    """Boolean table over the Basic Multilingual Plane: is the code point alphanumeric."""
    global _BMP_LETTER
    if _BMP_LETTER is None:
        try:  # numpy >= 2: one vectorised call (~2 ms instead of ~10 ms of start-up)
            cps = np.arange(0x10000, dtype=np.uint32)
            cps[0xD800:0xE000] = 0  # surrogates are not letters (and not valid UCS-4)
            _BMP_LETTER = np.strings.isalnum(cps.view("U1"))
        except AttributeError:
            _BMP_LETTER = np.fromiter((chr(c).isalnum() for c in range(0x10000)), bool, 0x10000)
    return _BMP_LETTER


class VocabularyError(ValueError):
    """A vocabulary spec this code cannot honour (newer version, inconsistent ids)."""


class Vocabulary:
    """Maps text to model input ids with one numpy lookup (no per-character Python).

    >>> Vocabulary().size > 90
    True
    """

    def __init__(self, spec: dict | None = None):
        spec = dict(spec or vocab_spec())
        if spec.get("version") not in VOCAB_VERSIONS:
            raise VocabularyError(f"vocabulary version {spec.get('version')!r} is not supported "
                                  f"(this logsplit reads versions "
                                  f"{', '.join(map(str, VOCAB_VERSIONS))})")
        for key, want in (("pad", PAD), ("unknown", UNKNOWN), ("digit", DIGIT),
                          ("letter", LETTER), ("control", CONTROL), ("first_char_id", FIRST_CHAR_ID)):
            if spec.get(key) != want:
                raise VocabularyError(f"vocabulary id {key!r} is {spec.get(key)!r}, expected {want}")
        chars = spec.get("chars")
        if not isinstance(chars, str) or len(set(chars)) != len(chars):
            raise VocabularyError("vocabulary 'chars' must be a string of distinct characters")
        self.spec = spec
        self.normalise_digits = bool(spec.get("normalise_digits"))
        self.collapse_digits = bool(spec.get("collapse_digits")) and spec["version"] >= 2
        if self.collapse_digits and not self.normalise_digits:
            raise VocabularyError("collapse_digits needs normalise_digits")
        self.size = FIRST_CHAR_ID + len(chars)
        table = np.full(0x110000, UNKNOWN, dtype=np.uint8)
        table[:0x10000][_bmp_letters()] = LETTER
        table[0:32] = CONTROL
        table[127:160] = CONTROL
        if self.normalise_digits:
            table[ord("0"):ord("9") + 1] = DIGIT
        for i, c in enumerate(chars):
            table[ord(c)] = FIRST_CHAR_ID + i
        self.table = table

    def id_of(self, char: str) -> int:
        return int(self.table[ord(char)])

    def encode(self, text: str) -> np.ndarray:
        """Ids of one line (uint8, one per code point)."""
        return self.table[codepoints(text)]

    def encode_joined(self, lines: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Ids of all lines concatenated, and the lines' lengths: one lookup for a whole batch."""
        lengths = np.fromiter(map(len, lines), dtype=np.int64, count=len(lines))
        return self.table[codepoints("".join(lines))], lengths

    def model_input(self, ids: np.ndarray, lengths: np.ndarray):
        """What the model reads of lines encoded back to back: ``(ids, lengths, index)``.

        Without ``collapse_digits`` that is the input itself and ``index`` is None.  With it,
        every run of digits becomes one position, and ``index[i]`` is the model position of
        input character ``i`` (so a model label array ``lab`` maps back as ``lab[index]``).

        >>> v = Vocabulary(vocab_spec(collapse_digits=True))
        >>> ids, n = v.encode_joined(["ab 123", "7"])
        >>> m, mn, ix = v.model_input(ids, n)
        >>> mn.tolist(), ix.tolist()
        ([4, 1], [0, 1, 2, 3, 3, 3, 4])
        """
        if not self.collapse_digits or ids.size == 0:
            return ids, lengths, None
        digit = ids == DIGIT
        drop = np.zeros(ids.size, bool)
        drop[1:] = digit[1:] & digit[:-1]
        starts = np.cumsum(lengths) - lengths
        drop[starts[lengths > 0]] = False  # a line's first character is always kept
        keep = ~drop
        index = np.cumsum(keep) - 1
        line = np.repeat(np.arange(len(lengths)), lengths)
        m_len = np.bincount(line[keep], minlength=len(lengths)).astype(lengths.dtype)
        return ids[keep], m_len, index


def codepoints(text: str) -> np.ndarray:
    """Code points of ``text`` as uint32 (lone surrogates included, never an error)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def pad_batch(ids: np.ndarray, lengths: np.ndarray, width: int | None = None) -> np.ndarray:
    """Scatter concatenated ids into a zero-padded [lines, width] int32 matrix, vectorised."""
    n = len(lengths)
    width = int(lengths.max(initial=0)) if width is None else width
    out = np.zeros((n, max(width, 1)), dtype=np.int32)
    if ids.size:
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        rows = np.repeat(np.arange(n), lengths)
        cols = np.arange(ids.size) - np.repeat(starts, lengths)
        out[rows, cols] = ids
    return out


def spans_to_mask(length: int, spans) -> np.ndarray:
    """Delimiter mask (uint8, 1 = delimiter) of a line whose fields are ``spans``.

    >>> spans_to_mask(5, [(0, 2), (3, 5)]).tolist()
    [0, 0, 1, 0, 0]
    """
    mask = np.ones(length, dtype=np.uint8)
    for s, e in spans:
        mask[s:e] = 0
    return mask


def mask_to_spans(mask) -> list[tuple[int, int]]:
    """Fields (maximal runs of non-delimiters) of one line's delimiter mask.

    >>> mask_to_spans([1, 0, 0, 1, 0])
    [(1, 3), (4, 5)]
    """
    m = np.asarray(mask, dtype=np.int8)
    if m.size == 0:
        return []
    edges = np.diff(np.concatenate(([1], m, [1])))
    starts = np.flatnonzero(edges == -1)
    ends = np.flatnonzero(edges == 1)
    return list(zip(starts.tolist(), ends.tolist()))


def labels_to_mask(labels: str) -> np.ndarray:
    """``"OODO"`` -> delimiter mask; raises ValueError on any other letter."""
    arr = np.frombuffer(labels.encode("ascii", "replace"), dtype=np.uint8)
    bad = (arr != ord("O")) & (arr != ord("D"))
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise ValueError(f"label {labels[i]!r} at position {i + 1} is not O or D")
    return (arr == ord("D")).astype(np.uint8)


def mask_to_labels(mask) -> str:
    return "".join(LABELS[int(x)] for x in mask)
