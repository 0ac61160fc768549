"""A labeled line: the unit every reader and the corpus generator produce."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from logsplit.fieldspans import spans_of
from logsplit.vocab import mask_to_labels


@dataclass
class Sample:
    """One line and its delimiter mask (uint8, one per character, 1 = delimiter).

    ``source`` names where it came from (a corpus family, a Loghub system, a file) so that the
    evaluation can be reported per source.  ``spans`` are the fields: the runs of field
    characters plus the empty fields the delimiters imply (:mod:`logsplit.fieldspans`).
    ``empties`` are the empty fields its producer declared (the corpus generator; None when
    unknown) and ``pairs`` its key/value pairs as (key field index, value field index).

    >>> s = Sample("a b", np.array([0, 1, 0], np.uint8), "demo")
    >>> s.spans, s.labels
    ([(0, 1), (2, 3)], 'ODO')
    """

    text: str
    mask: np.ndarray
    source: str = ""
    meta: dict = field(default_factory=dict)
    empties: list | None = None
    pairs: list | None = None

    def __post_init__(self):
        if len(self.mask) != len(self.text):
            raise ValueError(f"{len(self.mask)} labels for {len(self.text)} characters")

    @property
    def spans(self) -> list[tuple[int, int]]:
        return spans_of(self.text, self.mask)

    @property
    def fields(self) -> list[str]:
        return [self.text[s:e] for s, e in self.spans]

    @property
    def labels(self) -> str:
        return mask_to_labels(self.mask)
