"""Evaluation of predicted delimiter masks: character, field and line level, overall and per source.

Pure numpy (no TensorFlow), vectorised over the concatenation of all lines, so a 20k-line test
set is scored in well under a second.

What is measured (label order is :data:`logsplit.vocab.LABELS`, ``O`` = 0 then ``D`` = 1):

* **characters**: the 2x2 confusion matrix (rows = true label, columns = predicted label), the
  accuracy, and for each class precision, recall, F1 and support (number of true characters);
* **fields**: exact span matching as conlleval does for entities: a predicted field (a maximal
  run of non-delimiters, :func:`logsplit.vocab.mask_to_spans`) is correct only if a true field
  has the same ``(start, end)`` in the same line;
* **lines**: a line is *exact* when every character is right.  An empty line, or a line with
  neither true nor predicted fields whose mask is right, is exact.

Undefined ratios (a zero denominator: precision with nothing predicted, recall with nothing
true, F1 when precision + recall is 0, accuracy over zero characters or zero lines) are
reported as ``0.0``, never NaN, so the result is always valid JSON.

>>> import numpy as np
>>> from logsplit_train.sample import Sample
>>> s = Sample("ab cd", np.array([0, 0, 1, 0, 0], np.uint8), "demo")
>>> r = evaluate([s], [np.array([0, 0, 1, 1, 0], np.uint8)])
>>> r["overall"]["confusion"], r["overall"]["fields"]["precision"]
([[3, 1], [0, 1]], 0.5)
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from logsplit.vocab import LABELS


def _ratio(num, den) -> float:
    """``num / den`` as a float, 0.0 when ``den`` is 0 (the documented convention)."""
    return float(num) / float(den) if den else 0.0


def _prf(correct, predicted, true) -> dict:
    p = _ratio(correct, predicted)
    r = _ratio(correct, true)
    return {"precision": p, "recall": r, "f1": _ratio(2 * p * r, p + r)}


def _summary(conf: np.ndarray, lines: int, exact: int,
             f_true: int, f_pred: int, f_correct: int) -> dict:
    """The JSON-able result block of one group of lines (or of all of them)."""
    conf = np.asarray(conf, dtype=np.int64)
    chars = int(conf.sum())
    classes = {}
    for k, name in enumerate(LABELS):
        support = int(conf[k, :].sum())
        classes[name] = {**_prf(conf[k, k], conf[:, k].sum(), support), "support": support}
    return {
        "lines": int(lines),
        "exact_lines": int(exact),
        "line_accuracy": _ratio(exact, lines),
        "chars": chars,
        "char_accuracy": _ratio(np.trace(conf), chars),
        "confusion": conf.tolist(),
        "classes": classes,
        "fields": {**_prf(f_correct, f_pred, f_true),
                   "true": int(f_true), "predicted": int(f_pred), "correct": int(f_correct)},
    }


from logsplit.fieldspans import classes, empty_fields  # noqa: E402


def _field_keys(is_field: np.ndarray, line_start: np.ndarray, line_end: np.ndarray):
    """Start and a unique (start, end) key of every field of the concatenated lines.

    A field starts at a non-delimiter that begins a line or follows a delimiter, and ends at a
    non-delimiter that ends a line or precedes a delimiter, so fields never run across lines.
    """
    n = is_field.size
    prev_delim = np.ones(n, dtype=bool)
    prev_delim[1:] = ~is_field[:-1]
    next_delim = np.ones(n, dtype=bool)
    next_delim[:-1] = ~is_field[1:]
    starts = np.flatnonzero(is_field & (line_start | prev_delim)).astype(np.int64)
    ends = np.flatnonzero(is_field & (line_end | next_delim)).astype(np.int64) + 1
    return starts, starts * (n + 1) + ends


def _concat_predictions(pred_masks, lengths: np.ndarray) -> np.ndarray:
    if isinstance(pred_masks, np.ndarray) and pred_masks.ndim == 2:
        # A padded [lines, width] matrix (as a model outputs it): keep each line's prefix.
        if pred_masks.shape[0] != lengths.size:
            raise ValueError(f"{pred_masks.shape[0]} predicted masks for {lengths.size} lines")
        if lengths.size and lengths.max() > pred_masks.shape[1]:
            raise ValueError(f"padded predictions are {pred_masks.shape[1]} wide, "
                             f"the longest line has {int(lengths.max())} characters")
        keep = np.arange(pred_masks.shape[1])[None, :] < lengths[:, None]
        return np.asarray(pred_masks)[keep]
    if len(pred_masks) != lengths.size:
        raise ValueError(f"{len(pred_masks)} predicted masks for {lengths.size} lines")
    preds = [np.asarray(p).reshape(-1) for p in pred_masks]
    for i, (p, n) in enumerate(zip(preds, lengths.tolist())):
        if p.size != n:
            raise ValueError(f"line {i}: predicted mask has {p.size} labels for {n} characters")
    return np.concatenate(preds) if preds else np.zeros(0, np.uint8)


def evaluate(samples: Sequence, pred_masks) -> dict:
    """Score predicted delimiter masks against ``samples`` (overall and per ``Sample.source``).

    ``pred_masks`` is a list with one 0/1 mask per sample, of the sample's length (any integer
    or bool dtype), or a padded ``[lines, width]`` matrix whose rows are cut to each line's
    length.  Returns (all plain Python types)::

        {"labels": ["O", "D"],
         "overall": SUMMARY,
         "per_source": {source: SUMMARY, ...}}          # keys sorted by source name

    where SUMMARY is::

        {"lines", "exact_lines", "line_accuracy",
         "chars", "char_accuracy",
         "confusion": [[O->O, O->D], [D->O, D->D]],     # rows true, columns predicted
         "classes": {"O": {"precision", "recall", "f1", "support"}, "D": {...}},
         "fields": {"precision", "recall", "f1", "true", "predicted", "correct"}}

    Ratios with a zero denominator are 0.0 (see the module docstring).
    """
    samples = list(samples)
    n_lines = len(samples)
    lengths = np.fromiter((len(s.mask) for s in samples), dtype=np.int64, count=n_lines)
    true = (np.concatenate([np.asarray(s.mask).reshape(-1) for s in samples])
            if n_lines else np.zeros(0, np.uint8))
    pred = _concat_predictions(pred_masks, lengths)
    for name, m in (("true", true), ("predicted", pred)):
        if m.size and (m.min() < 0 or m.max() > 1):
            raise ValueError(f"{name} masks must hold only 0 (field) and 1 (delimiter)")
    true = true.astype(np.int64)
    pred = pred.astype(np.int64)

    # Group index of every line and every character.
    names, line_group = np.unique(np.array([str(s.source or "") for s in samples], dtype=object)
                                  if n_lines else np.zeros(0, dtype=object), return_inverse=True)
    line_group = line_group.reshape(-1).astype(np.int64)
    n_groups = len(names)
    char_group = np.repeat(line_group, lengths)

    # Characters: one bincount gives every group's 2x2 confusion matrix.
    conf = np.bincount(char_group * 4 + true * 2 + pred,
                       minlength=n_groups * 4).reshape(n_groups, 2, 2)

    # Lines: errors per line from a cumulative sum (empty lines have 0 errors -> exact).
    offsets = np.zeros(n_lines + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    wrong = np.zeros(true.size + 1, dtype=np.int64)
    np.cumsum(true != pred, out=wrong[1:])
    exact_line = (wrong[offsets[1:]] - wrong[offsets[:-1]]) == 0
    lines_per_group = np.bincount(line_group, minlength=n_groups)
    exact_per_group = np.bincount(line_group, weights=exact_line, minlength=n_groups)

    # Fields: exact (start, end) matching on global positions, which are unique across lines.
    nonempty = lengths > 0
    line_start = np.zeros(true.size, dtype=bool)
    line_start[offsets[:-1][nonempty]] = True
    line_end = np.zeros(true.size, dtype=bool)
    line_end[offsets[1:][nonempty] - 1] = True
    t_starts, t_keys = _field_keys(true == 0, line_start, line_end)
    p_starts, p_keys = _field_keys(pred == 0, line_start, line_end)
    t_group, p_group = char_group[t_starts], char_group[p_starts]
    # Empty fields (rule 8), derived from each mask as the runtime derives them: a zero-length
    # key (p, p) at the global position p, grouped by its line (p may be a line's end).
    if true.size:
        cls = classes("".join(str(s.text) for s in samples))
        for mask_, which in ((true, "t"), (pred, "p")):
            e_line, e_off = empty_fields(cls, mask_.astype(np.uint8), lengths)
            pos = offsets[e_line] + e_off
            keys = pos * (true.size + 1) + pos
            grp = line_group[e_line]
            if which == "t":
                t_keys = np.concatenate((t_keys, keys))
                t_group = np.concatenate((t_group, grp))
            else:
                p_keys = np.concatenate((p_keys, keys))
                p_group = np.concatenate((p_group, grp))
    hit = np.isin(p_keys, t_keys, assume_unique=True)
    f_true = np.bincount(t_group, minlength=n_groups)
    f_pred = np.bincount(p_group, minlength=n_groups)
    f_correct = np.bincount(p_group[hit], minlength=n_groups)

    per_source = {
        str(names[g]): _summary(conf[g], lines_per_group[g], exact_per_group[g],
                                f_true[g], f_pred[g], f_correct[g])
        for g in range(n_groups)  # np.unique sorts, so the keys come out sorted by name
    }
    overall = _summary(conf.sum(axis=0) if n_groups else np.zeros((2, 2), np.int64),
                       n_lines, int(exact_line.sum()),
                       t_keys.size, p_keys.size, int(hit.sum()))
    return {"labels": list(LABELS), "overall": overall, "per_source": per_source}
