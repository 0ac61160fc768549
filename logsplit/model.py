"""Load a logsplit ONNX model, check it honours the model contract, and run it.

The contract (written by ``logsplit-train``): inputs ``chars`` int32 [batch, time] (vocabulary
ids, 0 = padding) and ``lengths`` int32 [batch]; output ``logits`` float32 [batch, time, 2]; a
character is a delimiter when ``logits[..., 1] > logits[..., 0]``.  The vocabulary, the labels
and the sizes travel in the model's ``logsplit.*`` metadata, so the model file alone is enough.
Everything that can be wrong with a model is raised here as one :class:`ModelError`, so the CLI
can print one line and exit 2.

>>> m = Model(model_path)                                        # doctest: +SKIP
>>> m.delimiters(chars, lengths).shape == chars.shape            # doctest: +SKIP
True
"""
from __future__ import annotations

import json
import os

import numpy as np

from . import defaults
from .errors import LogsplitError, ModelError
from .vocab import LABELS, Vocabulary, VocabularyError

#: The model format this runtime reads (metadata ``logsplit.format``).
FORMAT = "1"
#: Model inputs: name -> (onnx type, rank).
INPUTS = {"chars": ("tensor(int32)", 2), "lengths": ("tensor(int32)", 1)}
OUTPUT = "logits"
_META = "logsplit."


def default_model_path() -> str:
    """The shipped model: package data ``logsplit.models/logsplit.onnx``, else the repo's models/.

    >>> default_model_path().endswith("logsplit.onnx")
    True
    """
    try:
        from importlib.resources import files

        res = files("logsplit.models").joinpath("logsplit.onnx")
        if res.is_file():
            return str(res)
    except (ImportError, ModuleNotFoundError, TypeError, OSError):
        pass
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    return os.path.join(here, "models", "logsplit.onnx")


def session_options(threads: int = defaults.INTRA_OP_THREADS):
    """onnxruntime options tuned for small machines; shared by the runtime and the export."""
    import onnxruntime as ort
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = max(1, int(threads))
    opts.inter_op_num_threads = 1
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    spin = defaults.INTRA_OP_SPINNING
    opts.add_session_config_entry("session.intra_op.allow_spinning", "1" if spin else "0")
    return opts


def _one_line(err: BaseException) -> str:
    """An onnxruntime error message reduced to its informative last part, on one line."""
    text = " ".join(str(err).split())
    if "INVALID_PROTOBUF" in text or "Protobuf parsing failed" in text:
        return "not an ONNX model (protobuf parsing failed)"
    for marker in (" failed:", "] : ", "Status Message: "):
        if marker in text:
            text = text.rsplit(marker, 1)[-1].strip() or text
    return text[:300]


def _json_meta(meta: dict, key: str, path: str, required: bool = True):
    raw = meta.get(_META + key)
    if raw is None:
        if required:
            raise ModelError(path, f"metadata {_META + key} is missing (not a logsplit model?)")
        return None
    try:
        return json.loads(raw)
    except ValueError:
        if required:
            raise ModelError(path, f"metadata {_META + key} is not valid JSON") from None
        return raw


class Model:
    """A checked onnxruntime session plus the vocabulary and facts from the model's metadata.

    Attributes: ``path``, ``vocab`` (:class:`~logsplit.vocab.Vocabulary`), ``labels``, ``sizes``
    (dict), ``max_len`` (training window, int), ``training`` and ``evaluation`` (informational),
    ``metadata`` (all raw metadata strings).
    """

    def __init__(self, path: str | os.PathLike | None = None, *,
                 threads: int = defaults.INTRA_OP_THREADS, data: bytes | None = None):
        path = os.fspath(path) if path is not None else default_model_path()
        self.path = path
        if data is None:
            try:
                with open(path, "rb") as f:
                    data = f.read()
            except OSError as e:
                raise ModelError(path, f"cannot read model: {e.strerror or e}") from None
        if not data:
            raise ModelError(path, "not an ONNX model (empty file)")
        try:
            import onnxruntime as ort
        except ImportError as e:  # pragma: no cover - a dependency, always installed
            raise LogsplitError(f"onnxruntime is not installed ({e})") from None
        self._data = data  # kept for new_session() (parallel workers); models are small
        opts = session_options(threads)
        opts.log_severity_level = 4  # fatal only: errors are raised, and reported by the caller
        try:
            self._session = ort.InferenceSession(data, opts, providers=["CPUExecutionProvider"])
        except Exception as e:  # onnxruntime raises several unrelated exception types
            raise ModelError(path, _one_line(e)) from None
        meta = dict(self._session.get_modelmeta().custom_metadata_map)
        self.metadata = meta
        self._check_metadata(meta)
        self._check_io()
        self._probe()
        self._gate, self._base, self.route = None, None, None
        if meta.get(_META + "route") is not None:
            self._load_route(threads)

    # ------------------------------------------------------------------ checks
    def _check_metadata(self, meta: dict) -> None:
        path = self.path
        fmt = meta.get(_META + "format")
        if fmt is None:
            raise ModelError(path, "metadata logsplit.format is missing (not a logsplit model?)")
        if fmt != FORMAT:
            raise ModelError(path, f"model format {fmt!r} is not supported "
                                   f"(this logsplit reads format {FORMAT})")
        labels = _json_meta(meta, "labels", path)
        if labels != list(LABELS):
            raise ModelError(path, f"labels {labels!r} do not match this logsplit's {list(LABELS)!r}")
        spec = _json_meta(meta, "vocab", path)
        if not isinstance(spec, dict):
            raise ModelError(path, "metadata logsplit.vocab is not a vocabulary object")
        try:
            self.vocab = Vocabulary(spec)
        except VocabularyError as e:
            raise ModelError(path, f"vocabulary mismatch: {e}") from None
        self.labels = tuple(labels)
        raw_len = meta.get(_META + "max_len")
        try:
            self.max_len = int(raw_len) if raw_len is not None else None
        except ValueError:
            raise ModelError(path, f"metadata logsplit.max_len is not a number: {raw_len!r}") from None
        if self.max_len is not None and self.max_len < 1:
            raise ModelError(path, f"metadata logsplit.max_len must be positive, not {self.max_len}")
        self.sizes = _json_meta(meta, "sizes", path, required=False)
        self.training = _json_meta(meta, "training", path, required=False)
        self.evaluation = _json_meta(meta, "evaluation", path, required=False)

    def _check_io(self) -> None:
        got = {i.name: i for i in self._session.get_inputs()}
        if set(got) != set(INPUTS):
            raise ModelError(self.path, f"inputs are {sorted(got)}, expected {sorted(INPUTS)}")
        for name, (typ, rank) in INPUTS.items():
            i = got[name]
            if i.type != typ or (i.shape is not None and len(i.shape) != rank):
                raise ModelError(self.path, f"input {name!r} is {i.type} of rank "
                                            f"{len(i.shape or [])}, expected {typ} of rank {rank}")
        outs = {o.name: o for o in self._session.get_outputs()}
        o = outs.get(OUTPUT)
        if o is None:
            raise ModelError(self.path, f"no output {OUTPUT!r} (outputs: {sorted(outs)})")
        if o.type != "tensor(float)" or (o.shape is not None and len(o.shape) != 3):
            raise ModelError(self.path, f"output {OUTPUT!r} is {o.type} of rank "
                                        f"{len(o.shape or [])}, expected tensor(float) of rank 3")
        last = o.shape[-1] if o.shape else None
        if isinstance(last, int) and last != len(LABELS):
            raise ModelError(self.path, f"output {OUTPUT!r} has {last} classes, expected {len(LABELS)}")

    def _probe(self) -> None:
        """Run every vocabulary id once: catches an embedding smaller than the vocabulary."""
        n = self.vocab.size - 1
        chars = np.arange(1, n + 1, dtype=np.int32)[None, :]
        try:
            out = self._session.run([OUTPUT], {"chars": chars,
                                               "lengths": np.array([n], np.int32)})[0]
        except Exception as e:
            raise ModelError(self.path, f"does not run on its own vocabulary: {_one_line(e)}") from None
        if out.shape != (1, n, len(LABELS)):
            raise ModelError(self.path, f"output shape {list(out.shape)} for input [1, {n}], "
                                        f"expected [1, {n}, {len(LABELS)}]")

    def _load_route(self, threads: int) -> None:
        """A taught model (``logsplit-train --teach``): its gate and the base model it carries
        (see :mod:`logsplit.route`)."""
        import base64
        import hashlib

        from .route import Gate
        route = _json_meta(self.metadata, "route", self.path)
        try:
            base = route["base"]
            data = base64.b64decode(base["onnx"], validate=True)
            if hashlib.sha256(data).hexdigest() != base["sha256"]:
                raise ModelError(self.path, "the base model inside it is corrupt (sha256 differs)")
            gate_spec = route["gate"]
        except (KeyError, TypeError, ValueError) as e:
            raise ModelError(self.path, f"metadata logsplit.route is malformed ({e})") from None
        self._base = Model(f"{self.path} (its base model)", threads=threads, data=data)
        if self._base.vocab.spec != self.vocab.spec:
            raise ModelError(self.path, "its base model has another vocabulary")
        try:
            self._gate = Gate(gate_spec, self.vocab)
        except (KeyError, TypeError, ValueError) as e:
            raise ModelError(self.path, f"metadata logsplit.route has a bad gate ({e})") from None
        self.route = {"tau": self._gate.tau, "taught_shapes": len(gate_spec["taught"]),
                      "base": base.get("name")}

    @property
    def gate(self):
        """The :class:`~logsplit.route.Gate` of a taught model, else None."""
        return self._gate

    @property
    def base(self):
        """The base :class:`Model` a taught model carries, else None."""
        return self._base

    # ------------------------------------------------------------------ use
    @property
    def session(self):
        """The onnxruntime InferenceSession (for benchmarks that time the bare model)."""
        return self._session

    def new_session(self, threads: int = 1):
        """Another onnxruntime session of the same (already checked) model, for a parallel
        worker: onnxruntime releases the GIL while it runs, so one session per worker thread
        runs calls side by side (a session's outputs do not depend on its thread count).

        >>> m.delimiters(chars, lengths, session=m.new_session())             # doctest: +SKIP
        """
        import onnxruntime as ort

        opts = session_options(threads)
        opts.log_severity_level = 4
        try:
            own = ort.InferenceSession(self._data, opts, providers=["CPUExecutionProvider"])
        except Exception as e:
            raise ModelError(self.path, _one_line(e)) from None
        return own if self._gate is None else (own, self._base.new_session(threads))

    def delimiters(self, chars: np.ndarray, lengths: np.ndarray, session=None) -> np.ndarray:
        """Delimiter mask (bool [batch, time]) of a padded id matrix and its true lengths;
        ``session`` (from :meth:`new_session`) runs it instead of the model's own session.

        >>> m.delimiters(np.zeros((2, 3), np.int32), np.array([3, 1], np.int32)).shape  # doctest: +SKIP
        (2, 3)
        """
        if self._gate is None:
            return self._run(session or self._session, chars, lengths)
        own, base = session if isinstance(session, tuple) else (self._session, None)
        taught = self._gate.routed(chars, lengths)
        out = np.zeros(chars.shape, bool)
        if taught.any():
            out[taught] = self._run(own, chars[taught], lengths[taught])
        if not taught.all():
            rest = ~taught
            out[rest] = self._base.delimiters(chars[rest], lengths[rest], session=base)
        return out

    def _run(self, session, chars, lengths) -> np.ndarray:
        try:
            logits = session.run([OUTPUT], {"chars": chars, "lengths": lengths})[0]
        except Exception as e:
            raise ModelError(self.path, f"inference failed: {_one_line(e)}") from None
        return logits[..., 1] > logits[..., 0]

    def info(self) -> dict:
        """Everything the model says about itself (``logsplit --model-info``), JSON-able."""
        return {"path": self.path, "format": self.metadata.get(_META + "format"),
                "labels": list(self.labels), "sizes": self.sizes, "max_len": self.max_len,
                "vocab": self.vocab.spec, "vocab_size": self.vocab.size,
                "training": self.training, "evaluation": self.evaluation,
                "route": self.route,
                "other_metadata": {k: v for k, v in self.metadata.items()
                                   if k.split(".", 1)[-1] not in
                                   ("format", "labels", "vocab", "sizes", "max_len",
                                    "training", "evaluation", "route") or not k.startswith(_META)}}
