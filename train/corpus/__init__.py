"""Synthetic labeled corpus: format families of real logging, labels from construction.

A *family* is one kind of log (syslog RFC 3164, nginx access, log4j, ...) with randomised values
and several layout variants.  Families register themselves with :func:`family`; ``generate``
draws lines from them round-robin, seeded and deterministic.  Whole families are held out for
validation (``logsplit.defaults.HOLDOUT_FAMILIES``) so the report measures generalisation.

>>> samples = generate(4, seed=1, families=["logfmt"])
>>> len(samples), samples[0].source
(4, 'logfmt')
"""
from __future__ import annotations

import importlib
import pkgutil
import random
from typing import Callable

from ..sample import Sample
from .builder import Line

#: name -> generator(r) returning a Line
FAMILIES: dict[str, Callable[[random.Random], Line]] = {}
#: name -> group (the module that defines it, e.g. "syslog")
GROUPS: dict[str, str] = {}


def family(name: str):
    """Register a generator ``fn(r: random.Random) -> Line`` under ``name``."""
    def deco(fn):
        if name in FAMILIES:
            raise ValueError(f"family {name!r} registered twice")
        FAMILIES[name] = fn
        GROUPS[name] = fn.__module__.rsplit(".", 1)[-1].removeprefix("fam_")
        return fn
    return deco


def _load_all():
    for m in pkgutil.iter_modules(__path__):
        if m.name.startswith("fam_"):
            importlib.import_module(f"{__name__}.{m.name}")


_load_all()


def names() -> list[str]:
    return sorted(FAMILIES)


def sample_family(name: str, r: random.Random) -> Sample:
    return FAMILIES[name](r).build(name)


def generate(n: int, seed: int = 0, families=None) -> list[Sample]:
    """``n`` samples drawn evenly over ``families`` (default: all), deterministic in ``seed``.

    Each family gets its own random stream derived from (seed, name), so adding a family does
    not change the lines of the others."""
    fams = sorted(families) if families is not None else names()
    unknown = [f for f in fams if f not in FAMILIES]
    if unknown:
        raise KeyError(f"unknown corpus families: {', '.join(unknown)}")
    rngs = {f: random.Random(f"{seed}:{f}") for f in fams}
    out = []
    for i in range(n):
        f = fams[i % len(fams)]
        out.append(sample_family(f, rngs[f]))
    return out
