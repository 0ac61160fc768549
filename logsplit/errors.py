"""The exceptions logsplit raises; the CLI turns each into ``logsplit: message`` and an exit code.

Library code raises these and never prints or exits, so a program embedding :class:`Splitter`
decides itself what a bad model or a bad argument means to it.

>>> str(ModelError("m.onnx", "not an ONNX model"))
'm.onnx: not an ONNX model'
"""
from __future__ import annotations


class LogsplitError(Exception):
    """Base class of every error logsplit raises on purpose."""


class ModelError(LogsplitError):
    """The model file is missing, unreadable, corrupt or does not honour the model contract.

    ``str()`` is ``"PATH: what is wrong"`` (one line, as the CLI prints it after ``logsplit:``).
    """

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class InputError(LogsplitError):
    """An input source cannot be read (the CLI reports it and goes on with the next source)."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class UsageError(LogsplitError):
    """An argument value that the library cannot honour (bad field list, batch size < 1...)."""


class OutputError(LogsplitError):
    """Standard output cannot be written (a full disk, an I/O error); not a closed pipe, which
    ends logsplit quietly."""


class TemplatesUnavailable(LogsplitError):
    """``--templates`` / :class:`~logsplit.templates.Templates` needs Drain3, which is not
    installed (it lives in the ``[templates]`` extra, so the plain runtime stays small)."""

    def __init__(self):
        super().__init__("--templates needs the [templates] extra: "
                         "pip install 'logsplit[templates]'")
