"""logsplit: split arbitrary log lines into fields with a character-level BiLSTM.

>>> from logsplit import Splitter                                      # doctest: +SKIP
>>> Splitter().split(["sshd[24200]: Invalid user admin"])[0].fields    # doctest: +SKIP
['sshd', '24200', 'Invalid', 'user', 'admin']

``Splitter`` and ``__version__`` are resolved on first use, so ``import logsplit`` (and the CLI's
``--help``) does not load numpy or onnxruntime.
"""
from __future__ import annotations

__all__ = ["Splitter", "Result", "__version__"]


def __getattr__(name: str):
    if name in ("Splitter", "Result"):
        from . import splitter

        return getattr(splitter, name)
    if name == "__version__":
        try:
            from importlib.metadata import PackageNotFoundError, version

            try:
                value = version("logsplit")
            except PackageNotFoundError:
                value = "0+unknown"
        except ImportError:  # pragma: no cover
            value = "0+unknown"
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module 'logsplit' has no attribute {name!r}")
