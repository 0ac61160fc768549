"""Shared pytest fixtures.

Runtime fixtures: small contract-conforming ONNX models built by ``tests/tiny_model.py`` (they
skip when the ``onnx`` package is missing), the shipped default model (skips when absent), and
``run_cli`` to run ``python -m logsplit`` as a real subprocess.
"""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

TESTS = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(TESTS)
DEFAULT_MODEL = os.path.join(REPO, "models", "logsplit.onnx")
if TESTS not in sys.path:
    sys.path.insert(0, TESTS)


def _build(tmp_path_factory, name: str, builder: str, **kw) -> str:
    pytest.importorskip("onnx")
    import tiny_model

    path = str(tmp_path_factory.mktemp("models") / name)
    return tiny_model.save(getattr(tiny_model, builder)(**kw), path)


@pytest.fixture(scope="session")
def tiny_model_path(tmp_path_factory) -> str:
    """A BiLSTM with the real model's graph that labels whitespace and punctuation as D."""
    return _build(tmp_path_factory, "tiny.onnx", "build_lstm_model")


@pytest.fixture(scope="session")
def random_model_path(tmp_path_factory) -> str:
    """A random (seeded) BiLSTM: labels depend on context in both directions."""
    return _build(tmp_path_factory, "random.onnx", "build_lstm_model", delimiters=None)


@pytest.fixture(scope="session")
def conv_model_path(tmp_path_factory) -> str:
    """A model whose label at i depends on characters i-6 .. i+6 exactly (windowing tests)."""
    return _build(tmp_path_factory, "conv.onnx", "build_conv_model", radius=6)


@pytest.fixture(scope="session")
def tiny_splitter(tiny_model_path):
    from logsplit import Splitter

    return Splitter(tiny_model_path)


@pytest.fixture(scope="session")
def default_model_path() -> str:
    """The shipped model in models/, when the training side has produced it."""
    if not os.path.isfile(DEFAULT_MODEL):
        pytest.skip("models/logsplit.onnx is not there yet")
    return DEFAULT_MODEL


def _cli_env(extra: dict | None = None) -> dict:
    env = dict(os.environ)
    for key in ("NO_COLOR", "FORCE_COLOR", "LOGSPLIT_DEBUG", "COLORTERM"):
        env.pop(key, None)
    env["TERM"] = "xterm-256color"
    env["PYTHONPATH"] = REPO + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra or {})
    return env


@pytest.fixture(scope="session")
def run_cli():
    """Run ``python -m logsplit ARGS`` with ``input`` bytes on stdin; returns CompletedProcess."""

    def run(*args, input: bytes | None = b"", env: dict | None = None, timeout: float = 60,
            cwd: str | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "logsplit", *map(str, args)], input=input,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout,
                              env=_cli_env(env), cwd=cwd)

    return run


@pytest.fixture(scope="session")
def cli_env():
    """The environment CLI subprocesses run with (colour variables cleared)."""
    return _cli_env
