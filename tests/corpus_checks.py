"""Shared checks of the corpus construction tables (tests/test_corpus_*.py).

A table row is ``(family, when, expect)``: every drawn line of ``family`` whose text matches the
regex ``when`` must render (fields in ``⟦ ⟧``) to match the regex ``expect``, or satisfy it when
``expect`` is a callable taking the Sample.
"""
import re


def render(s) -> str:
    """The Sample's text with its fields (empty ones included) marked ``⟦…⟧``."""
    out, pos = [], 0
    for a, z in s.spans:
        out.append(s.text[pos:a] + "⟦" + s.text[a:z] + "⟧")
        pos = z
    return "".join(out) + s.text[pos:]


def check_construction(samples, when, expect, min_hits: int = 3) -> None:
    """Assert one table row over ``samples`` (at least ``min_hits`` lines must match ``when``)."""
    hits, bad = 0, []
    for s in samples:
        if not re.search(when, s.text):
            continue
        hits += 1
        ok = expect(s) if callable(expect) else re.search(expect, render(s)) is not None
        if not ok:
            bad.append(render(s))
    assert hits >= min_hits, f"only {hits} lines match {when!r}"
    assert not bad, f"{len(bad)}/{hits} lines, e.g. {bad[:3]}"
