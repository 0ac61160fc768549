"""``logsplit-train --teach FILE...``: teach a model a format from a handful of corrected lines.

The loop: ``logsplit --marked app.log > fix.marked``, correct the marks of the lines it got
wrong, ``logsplit-train --teach fix.marked``.  :func:`teach` fine-tunes from the shipped model
(or ``--init``) on EVERY corrected line (none is held out: the corrections are the data),
repeated so they weigh as much as a small replay of synthetic corpus lines that keeps the model
from forgetting the formats it knew, and writes a new model, never the shipped one.  It reports,
before and after, which corrected lines the model gets right and the line accuracy of every
corpus family on fresh lines (the forgetting check), and how to use the new model.

Few epochs, a small replay and a fixed number of steps keep one run on 10 lines well under a
minute on two cores; ``bench/fewshot.py`` calls :func:`teach_samples` to measure how many
corrected lines a format needs.

>>> cfg = TeachConfig(corrections=["fix.marked"], out="runs/taught.onnx")
>>> cfg.epochs == defaults.TEACH_EPOCHS
True
"""
from __future__ import annotations

import os
import random
import sys
import time
from dataclasses import dataclass, field

import numpy as np

from logsplit import defaults
from logsplit.fieldspans import force_controls, spans_of
from logsplit.vocab import Vocabulary

from . import corpus
from .fit import TrainError, out_paths, read_metadata, shipped_model_path
from .sample import Sample


@dataclass
class TeachConfig:
    """The knobs of one teach run; defaults from :mod:`logsplit.defaults` (``TEACH_*``)."""
    corrections: list = field(default_factory=list)
    out: str = defaults.TEACH_OUT
    force: bool = False
    init: str | None = None
    replay: int = defaults.TEACH_REPLAY_LINES
    correction_share: float = defaults.TEACH_CORRECTION_SHARE
    varied: float = defaults.TEACH_VARIED_SHARE
    epochs: int = defaults.TEACH_EPOCHS
    batch: int = defaults.TEACH_BATCH
    learning_rate: float = defaults.TEACH_LEARNING_RATE
    check_per_family: int = defaults.TEACH_CHECK_PER_FAMILY
    parity_lines: int = defaults.TEACH_PARITY_LINES
    seed: int = defaults.SEED
    strict: bool = True
    verbose: bool = False
    route: bool = defaults.TEACH_ROUTE
    replay_near_share: float = defaults.TEACH_REPLAY_NEAR_SHARE
    route_calibration_per_family: int = defaults.TEACH_ROUTE_CALIBRATION_PER_FAMILY


# ----------------------------------------------------------------------------- quiet TensorFlow
def quiet_tensorflow(verbose: bool = False) -> None:
    """Keep TensorFlow, absl, CUDA and oneDNN start-up chatter off stderr (call before any
    TensorFlow import).  Python's ``sys.stderr`` keeps writing to the real stderr; only what
    native code writes to file descriptor 2 (``failed call to cuInit``, ``oneDNN custom
    operations are on``, absl's pre-init warnings) goes to /dev/null.  No-op when ``verbose``.
    """
    if verbose:
        return
    os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
    os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")
    os.environ.setdefault("ABSL_MIN_LOG_LEVEL", "3")
    try:
        sys.stderr.flush()
        real = os.dup(2)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.close(devnull)
        sys.stderr = os.fdopen(real, "w", buffering=1, encoding=sys.stderr.encoding or "utf-8",
                               errors="backslashreplace")
    except (OSError, ValueError, AttributeError):  # no real stderr (embedded): leave it alone
        pass
    import logging
    for name in ("tensorflow", "absl", "tf2onnx", "keras"):
        logging.getLogger(name).setLevel(logging.ERROR)
    try:
        import absl.logging
        absl.logging.set_verbosity(absl.logging.ERROR)
    except ImportError:  # pragma: no cover
        pass


def process_seconds() -> float:
    """Wall time since this process started (start-up included), from /proc where available."""
    try:
        with open("/proc/self/stat") as f:
            start_ticks = int(f.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/stat") as f:
            btime = next(int(l.split()[1]) for l in f if l.startswith("btime"))
        return time.time() - (btime + start_ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError, StopIteration):
        return time.time() - _T_IMPORT


_T_IMPORT = time.time()


# ----------------------------------------------------------------------------- helpers
def _same_file(a: str, b: str) -> bool:
    return os.path.realpath(a) == os.path.realpath(b)


def protected_paths() -> list[str]:
    """The shipped model wherever it can be found (repository and installed package data)."""
    out = [shipped_model_path()]
    try:
        from logsplit.model import default_model_path
        out.append(default_model_path())
    except Exception:  # pragma: no cover - the runtime cannot locate it: nothing more to guard
        pass
    return out


def check_out(cfg: TeachConfig) -> dict:
    """The output paths, or TrainError when --out is the shipped model (even with --force:
    teaching never replaces it) or exists without --force."""
    paths = out_paths(cfg.out)
    for kind in ("onnx", "keras"):
        for p in protected_paths():
            q = p[:-5] + ".keras" if kind == "keras" else p
            if _same_file(paths[kind], q):
                raise TrainError(f"--out {cfg.out} is the shipped model: teach never overwrites "
                                 f"it (even with --force); pick another --out")
    if os.path.exists(paths["onnx"]) and not cfg.force:
        raise TrainError(f"{paths['onnx']} exists; pass --force to overwrite it")
    return paths


def predict_spans(sess, texts: list[str], vocab: Vocabulary) -> list[list[tuple[int, int]]]:
    """The fields the runtime would give each text: model labels, control characters forced to
    delimiters (rule 6), empty fields derived (rule 8)."""
    from .export import onnx_masks
    out = []
    for t, m in zip(texts, onnx_masks(sess, texts, vocab)):
        m = m.copy()
        force_controls(t, m)
        out.append(spans_of(t, m))
    return out


def runtime_spans(model_path: str, texts: list[str]) -> list[list[tuple[int, int]]]:
    """The fields ``logsplit --model model_path`` gives each text (the runtime itself: a
    taught model's route included)."""
    from logsplit.splitter import Splitter
    sp = Splitter(model_path, jobs=1)
    try:
        return [list(r.spans) for r in sp.split(texts)]
    finally:
        sp.close()


def choose_replay(corrections: list[Sample], vocab: Vocabulary, cfg: TeachConfig,
                  families: list[str]) -> list[Sample]:
    """``cfg.replay`` corpus lines of ``families``; with the route on, ``replay_near_share`` of
    them are the lines most alike the corrections (the ones the route will send to the taught
    network), so the taught network keeps those right, and the rest a plain draw."""
    if cfg.replay <= 0:
        return []
    near = int(round(cfg.replay * cfg.replay_near_share)) if cfg.route and corrections else 0
    pool = corpus.generate(cfg.replay + near * (defaults.TEACH_REPLAY_POOL - 1),
                           seed=cfg.seed + 5_000_011, families=families)
    if not near:
        return pool[:cfg.replay]
    from logsplit.route import Gate
    gate = Gate.for_texts([s.text for s in corrections], vocab, tau=1.0)
    order = np.argsort(-gate.text_scores([s.text for s in pool]), kind="stable")
    chosen = set(order[:near].tolist())
    rest = [s for i, s in enumerate(pool) if i not in chosen]
    random.Random(cfg.seed).shuffle(rest)
    return [pool[i] for i in sorted(chosen)] + rest[:cfg.replay - near]


def calibrate_route(gate, calib: list[Sample], base_right: list[bool], taught_right: list[bool],
                    margin: float = defaults.TEACH_ROUTE_MARGIN,
                    floor: float = defaults.TEACH_ROUTE_FLOOR) -> tuple[float, dict]:
    """The route's threshold: above every calibration line that the taught network splits
    wrongly and the base rightly (so those stay with the base), at least ``floor``, at most 1
    (a line shaped exactly like a correction always reaches the taught network: the user's
    correction wins).

    >>> class G:
    ...     def text_scores(self, texts): return np.array([0.9, 0.7, 0.2])
    >>> c = [Sample(t, np.zeros(1, np.uint8), "x") for t in "abc"]
    >>> calibrate_route(G(), c, [True, True, False], [True, False, True], margin=0.02)[0]
    0.72
    """
    scores = gate.text_scores([s.text for s in calib])
    harm = np.array([b and not t for b, t in zip(base_right, taught_right)], bool)
    worst = float(scores[harm].max()) if harm.any() else 0.0
    tau = round(min(1.0, max(floor, worst + margin)), 6)
    info = {"tau": tau, "calibration_lines": len(calib), "harmful_lines": int(harm.sum()),
            "worst_harmful_similarity": round(worst, 4),
            "calibration_routed_share": round(float(np.mean(scores >= tau - 1e-6)), 4)
            if len(calib) else 0.0}
    return tau, info


def line_right(samples: list[Sample], predicted) -> list[bool]:
    return [list(map(tuple, p)) == list(map(tuple, s.spans)) for s, p in zip(samples, predicted)]


def per_family(samples: list[Sample], right: list[bool]) -> dict[str, float]:
    tot: dict[str, list[int]] = {}
    for s, r in zip(samples, right):
        t = tot.setdefault(s.source, [0, 0])
        t[0] += r
        t[1] += 1
    return {k: v[0] / v[1] for k, v in sorted(tot.items())}


def replay_families(meta: dict) -> list[str]:
    """The corpus families the init model was trained on (its metadata), so the replay never
    shows a fine-tune a family its model held out: a few-shot run on a held-out family must
    learn it from the k corrected lines alone.  All families when the metadata does not say.

    >>> replay_families({"training": {"data": {"train_families": ["sshd", "gone"]}}})
    ['sshd']
    >>> replay_families({}) == corpus.names()
    True
    """
    t = meta.get("training") or {}
    fams = (t.get("data") or {}).get("train_families") or t.get("replay_families")
    known = set(corpus.names())
    fams = [f for f in (fams or []) if f in known]
    return fams or corpus.names()


def calibration_families(corrections: list[Sample]) -> list[str]:
    """Every corpus family but those the corrections come from: the route's threshold is set on
    lines of formats the user did *not* teach, including families the init model never trained
    on (a format new to the model is exactly what a stray taught line would be).  The replay,
    in contrast, stays on the init model's training families (:func:`replay_families`).

    >>> c = [Sample("x", np.zeros(1, np.uint8), "haproxy")]
    >>> fams = calibration_families(c)
    >>> "haproxy" in fams, len(fams) == len(corpus.names()) - 1
    (False, True)
    """
    taught = {s.source for s in corrections}
    return [f for f in corpus.names() if f not in taught]


def training_lines(corrections: list[Sample], replay: list[Sample], share: float,
                   varied: float = 0.0, rng: random.Random | None = None) -> list[Sample]:
    """Every correction, repeated so the corrections make about ``share`` of the lines (each at
    least once), plus the replay lines.  With ``varied``, that share of each correction's
    repeats are label-preserving variants of it (:mod:`.augment`) instead of exact copies.

    >>> c = [Sample("a", np.zeros(1, np.uint8), "fix")]
    >>> r = [Sample("b", np.zeros(1, np.uint8), "x")] * 9
    >>> [s.source for s in training_lines(c, r, 0.5)].count("fix")
    9
    """
    if not corrections:
        return list(replay)
    want = share / (1 - share) * len(replay) if share < 1 else len(corrections)
    reps = max(1, int(round(want / len(corrections))))
    n_var = min(reps - 1, int(round(reps * varied))) if varied > 0 else 0
    if n_var:
        from .augment import vary
        rng = rng or random.Random(0)
        return [x for s in corrections
                for x in [s] * (reps - n_var) + [vary(s, rng) for _ in range(n_var)]] + list(replay)
    return [s for s in corrections for _ in range(reps)] + list(replay)


# ----------------------------------------------------------------------------- the run
def load_corrections(cfg: TeachConfig, log=print) -> tuple[list[Sample], dict]:
    from .readers import new_stats, read_path
    stats = new_stats()
    out = []
    for p in cfg.corrections:
        got = read_path(p, strict=cfg.strict, stats=stats)
        log(f"read {len(got)} corrected lines from {p}")
        out += got
    return out, stats


def teach(cfg: TeachConfig, log=print) -> dict:
    """Read ``cfg.corrections`` (marked, JSON Lines or character-label files) and teach them
    (:func:`teach_samples`)."""
    check_out(cfg)
    corrections, stats = load_corrections(cfg, log)
    summary = teach_samples(corrections, cfg, log)
    summary["read_stats"] = stats
    return summary


def teach_samples(corrections: list[Sample], cfg: TeachConfig, log=print, *,
                  check: list[Sample] | None = None, report: bool = True) -> dict:
    """Fine-tune ``cfg.init`` (default: the shipped model) on every sample of ``corrections``
    mixed with replayed corpus lines; write ``cfg.out`` (ONNX + .keras); return a summary with
    ``before``/``after`` per corrected line and per family line accuracy on ``check`` (default:
    ``cfg.check_per_family`` fresh corpus lines per family), ``seconds`` and ``paths``."""
    t0 = time.time()
    paths = check_out(cfg)
    if not corrections:
        raise TrainError("no corrected lines to teach (the files hold no labeled line)")
    init = cfg.init or shipped_model_path()
    keras_path = init[:-5] + ".keras" if init.endswith(".onnx") else init
    onnx_path = keras_path[:-6] + ".onnx"
    if not os.path.exists(keras_path):
        raise TrainError(f"--init: {keras_path} not found (the .keras file beside the model)")
    if not os.path.exists(onnx_path):
        raise TrainError(f"--init: {onnx_path} not found (the .onnx file beside the weights)")
    meta0 = read_metadata(onnx_path)
    vocab = Vocabulary(meta0.get("vocab")) if meta0.get("vocab") else Vocabulary()
    sizes = meta0.get("sizes") or {}
    max_len = int(meta0.get("max_len") or defaults.TRAIN_MAX_LEN)

    fams = corpus.names()
    if check is None:
        check = corpus.generate(cfg.check_per_family * len(fams), seed=cfg.seed + 7_000_003)
    texts_c = [s.text for s in corrections]
    texts_k = [s.text for s in check]
    pred = runtime_spans(onnx_path, texts_c + texts_k)
    before_c = line_right(corrections, pred[:len(texts_c)])
    before_k = line_right(check, pred[len(texts_c):])

    # ---- fit: every correction, repeated, plus the replay; a fixed number of epochs
    from .fit import _seed_everything
    _seed_everything(cfg.seed)
    import keras

    from . import export
    from .dataset import cut_windows, delim_weight, make_batches
    from .model import compile_model, load_model
    t_load = time.time()
    model = load_model(keras_path)
    compile_model(model, cfg.learning_rate)
    replay_fams = replay_families(meta0)
    replay = choose_replay(corrections, vocab, cfg, replay_fams)
    calib_fams = calibration_families(corrections)
    rng = random.Random(cfg.seed)
    lines = cut_windows(training_lines(corrections, replay, cfg.correction_share, cfg.varied,
                                       random.Random(cfg.seed + 1)), max_len)
    dw = delim_weight(lines, defaults.MAX_CLASS_WEIGHT)
    batches = make_batches(lines, vocab, cfg.batch, dw, rng)

    class Batches(keras.utils.PyDataset):
        def __init__(self, items):
            super().__init__()
            self.items, self.order = items, list(range(len(items)))
            rng.shuffle(self.order)

        def __len__(self):
            return len(self.items)

        def __getitem__(self, i):
            return self.items[self.order[i]]

        def on_epoch_end(self):
            rng.shuffle(self.order)

    from .model import batch_dataset
    data = Batches(batches)
    ds = batch_dataset(data).repeat()
    t_fit = time.time()
    hist = model.fit(ds, epochs=cfg.epochs, verbose=2 if cfg.verbose else 0,
                     steps_per_epoch=len(data), shuffle=False)
    fit_seconds = time.time() - t_fit

    # ---- export (with the parity check every shipped model passes), then measure again
    t_exp = time.time()
    proto = export.convert(model)
    meta = export.base_metadata(vocab, sizes or {"embed": defaults.EMBED_DIM,
                                                 "units": defaults.LSTM_UNITS,
                                                 "layers": defaults.LSTM_LAYERS}, max_len)
    os.makedirs(os.path.dirname(os.path.abspath(paths["onnx"])), exist_ok=True)
    export.set_metadata(proto, meta)
    export.save(proto, paths["onnx"])
    sess = export.session(paths["onnx"])
    par = random.Random(cfg.seed).sample(texts_k, min(cfg.parity_lines, len(texts_k)))
    parity = export.check_parity(model, sess, [t for t in par if len(t) <= 4 * max_len], vocab)
    route_info = None
    if cfg.route:
        route_info = _add_route(meta, onnx_path, corrections, vocab, sess, calib_fams, cfg)
        export.set_metadata(proto, meta)
        export.save(proto, paths["onnx"])
    pred = runtime_spans(paths["onnx"], texts_c + texts_k)
    pred_c = pred[:len(texts_c)]
    after_c = line_right(corrections, pred_c)
    after_k = line_right(check, pred[len(texts_c):])
    fam_before, fam_after = per_family(check, before_k), per_family(check, after_k)
    summary = {
        "init": onnx_path, "corrected_lines": len(corrections),
        "trained_lines": len(lines), "replay_lines": len(replay), "epochs": cfg.epochs,
        "corrections_right": {"before": sum(before_c), "after": sum(after_c)},
        "check_lines": len(check),
        "check_accuracy": {"before": _mean(before_k), "after": _mean(after_k)},
        "families": {f: {"before": fam_before[f], "after": fam_after[f]} for f in fam_before},
        "fit_seconds": round(fit_seconds, 2), "load_seconds": round(t_fit - t_load, 2),
        "export_seconds": round(time.time() - t_exp, 2), "parity": parity,
        "route": route_info,
        "loss": [float(v) for v in hist.history.get("loss", [])],
    }
    meta.update(training={"teach": {k: v for k, v in summary.items() if k != "families"},
                          "sources": sorted({s.source for s in corrections}),
                          "replay_families": replay_fams,
                          "calibration_families": calib_fams if cfg.route else []},
                evaluation={"check_line_accuracy": summary["check_accuracy"]["after"]})
    export.set_metadata(proto, meta)
    export.save(proto, paths["onnx"])
    model.save(paths["keras"])
    summary["seconds"] = round(time.time() - t0, 2)
    summary["paths"] = paths
    summary["lines"] = [{"where": _where(s), "text": s.text, "before": b, "after": a}
                        for s, b, a in zip(corrections, before_c, after_c)]
    if report:
        log(format_summary(summary, corrections, pred_c))
    return summary


def _add_route(meta: dict, base_path: str, corrections: list[Sample], vocab: Vocabulary, sess,
               families: list[str], cfg: TeachConfig) -> dict:
    """Put the route into ``meta``: the base model's bytes and a gate over the corrections'
    shapes, its threshold calibrated on fresh corpus lines of ``families``
    (:func:`calibration_families`, :func:`calibrate_route`)."""
    import base64
    import hashlib

    from logsplit.route import Gate
    gate = Gate.for_texts([s.text for s in corrections], vocab, tau=1.0)
    calib = corpus.generate(cfg.route_calibration_per_family * len(families),
                            seed=cfg.seed + 3_000_017, families=families)
    texts = [s.text for s in calib]
    base_right = line_right(calib, runtime_spans(base_path, texts))
    taught_right = line_right(calib, predict_spans(sess, texts, vocab))
    tau, info = calibrate_route(gate, calib, base_right, taught_right)
    with open(base_path, "rb") as f:
        data = f.read()
    meta["route"] = {"gate": dict(gate.spec, tau=tau),
                     "base": {"name": os.path.basename(base_path),
                              "sha256": hashlib.sha256(data).hexdigest(),
                              "onnx": base64.b64encode(data).decode("ascii")}}
    info["taught_shapes"] = len(gate.spec["taught"])
    info["calibration_families"] = len(families)
    return info


def _mean(xs) -> float:
    return float(np.mean(xs)) if len(xs) else 0.0


def _where(s: Sample) -> str:
    m = s.meta or {}
    return f"{m['file']}:{m['line']}" if "file" in m and "line" in m else s.source


def _clip(text: str, width: int = 90) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


def format_summary(summary: dict, corrections: list[Sample], predicted) -> str:
    """The human report: corrected lines before -> after, the forgetting check, what next."""
    from logsplit.marked import format_marked
    mark = {True: "right", False: "WRONG"}
    cr = summary["corrections_right"]
    n = summary["corrected_lines"]
    out = [f"corrected lines the model gets right: {cr['before']}/{n} before -> "
           f"{cr['after']}/{n} after"]
    for row, s, p in zip(summary["lines"], corrections, predicted):
        out.append(f"  {mark[row['before']]:>5} -> {mark[row['after']]:<5}  {row['where']}  "
                   f"{_clip(s.text)}")
        if not row["after"]:
            out.append(f"{'':17}model: {_clip(format_marked(s.text, p), 120)}")
    ca = summary["check_accuracy"]
    fams = summary["families"]
    out.append(f"forgetting check, line accuracy on {summary['check_lines']} fresh corpus lines "
               f"({len(fams)} families): {ca['before']:.3f} before -> {ca['after']:.3f} after")
    moved = sorted(((v["after"] - v["before"], f) for f, v in fams.items()
                    if abs(v["after"] - v["before"]) > 1e-9))
    if moved:
        out.append("  families that changed: " + ", ".join(
            f"{f} {fams[f]['before']:.2f}->{fams[f]['after']:.2f}" for _, f in moved))
    else:
        out.append("  no family changed")
    ri = summary.get("route")
    if ri:
        out.append(f"route: lines shaped like the {ri['taught_shapes']} corrected shape(s) "
                   f"(similarity >= {ri['tau']:.2f}) go to the taught network, every other line "
                   f"to the base model, unchanged ({ri['harmful_lines']} of "
                   f"{ri['calibration_lines']} calibration lines the taught network would split "
                   f"worse stay with the base)")
    out.append(f"trained {summary['epochs']} epochs on {summary['trained_lines']} lines (every "
               f"corrected line, repeated, + {summary['replay_lines']} replayed corpus lines): "
               f"load {summary['load_seconds']:.1f} s, fit {summary['fit_seconds']:.1f} s, "
               f"export {summary['export_seconds']:.1f} s")
    o = summary["paths"]["onnx"]
    out.append(f"wrote {o}; use it:  logsplit --model {o} FILE   (check again: "
               f"logsplit --marked --model {o} FILE)")
    return "\n".join(out)
