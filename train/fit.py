"""``train()``: data -> Keras fit -> ONNX export with parity check -> evaluation -> files.

The plain function behind ``logsplit-train`` (the CLI only parses arguments).  It writes, for
``--out runs/m.onnx``: ``m.onnx`` (self-describing), ``m.keras`` (weights, for ``--init``),
``m.eval.json`` / ``m.eval.md`` (the evaluation), ``m.curves.png`` and ``m.confusion.png``.
"""
from __future__ import annotations

import json
import os
import random
import shlex
import time
from dataclasses import asdict, dataclass, field

import numpy as np

from logsplit import defaults
from logsplit.vocab import Vocabulary, vocab_spec

from . import corpus
from .dataset import cut_windows, delim_weight, make_batches, split_by_source
from .sample import Sample


class TrainError(RuntimeError):
    """A training run that cannot proceed (bad option combination, nothing to train on)."""


@dataclass
class TrainConfig:
    """Every knob of a training run; defaults come from :mod:`logsplit.defaults`."""
    data: list = field(default_factory=list)
    out: str = defaults.DEFAULT_OUT
    force: bool = False
    init: str | None = None
    synthetic: int = defaults.SYNTH_TRAIN_LINES
    synthetic_val: int = defaults.SYNTH_VAL_LINES
    holdout: tuple = defaults.HOLDOUT_FAMILIES
    embed: int = defaults.EMBED_DIM
    units: int = defaults.LSTM_UNITS
    layers: int = defaults.LSTM_LAYERS
    normalise_digits: bool = defaults.NORMALISE_DIGITS
    collapse_digits: bool = defaults.COLLAPSE_DIGITS
    max_len: int = defaults.TRAIN_MAX_LEN
    epochs: int = defaults.EPOCHS
    batch: int = defaults.TRAIN_BATCH
    learning_rate: float = defaults.LEARNING_RATE
    schedule: str = defaults.LR_SCHEDULE
    patience: int = defaults.PATIENCE
    val_fraction: float = defaults.VAL_FRACTION
    seed: int = defaults.SEED
    strict: bool = True
    parity_lines: int = 400
    verbose: int = 1


def shipped_model_path() -> str:
    return os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "models", "logsplit.onnx"))


def out_paths(out: str) -> dict:
    stem = out[:-5] if out.endswith(".onnx") else out
    return {k: stem + ext for k, ext in (("onnx", ".onnx"), ("keras", ".keras"),
                                          ("json", ".eval.json"), ("md", ".eval.md"),
                                          ("plots", ""))}


def load_data(cfg: TrainConfig, log) -> tuple[list[Sample], dict]:
    samples, stats = [], {"skipped": 0, "reasons": {}}
    for p in cfg.data:
        from .readers import read_path
        got = read_path(p, strict=cfg.strict, stats=stats)
        log(f"read {len(got)} labeled lines from {p}")
        samples += got
    return samples, stats


def synthetic_sets(cfg: TrainConfig):
    """Training lines from the non-held-out families, a validation set from the same families
    (fresh seed) and a test set from the held-out families only (with no family held out:
    fresh lines of every family, which measures fit, not generalisation)."""
    fams = corpus.names()
    unknown = [h for h in cfg.holdout if h not in fams]
    if unknown:
        raise TrainError(f"unknown held-out families: {', '.join(unknown)}")
    train_f = [f for f in fams if f not in cfg.holdout]
    if cfg.synthetic <= 0:
        return [], [], []
    train = corpus.generate(cfg.synthetic, seed=cfg.seed, families=train_f)
    val = corpus.generate(max(cfg.synthetic_val // 2, 1), seed=cfg.seed + 1_000_003, families=train_f)
    test = corpus.generate(cfg.synthetic_val, seed=cfg.seed + 2_000_003,
                           families=list(cfg.holdout) or train_f)
    return train, val, test


def _seed_everything(seed: int):
    import keras
    random.seed(seed)
    np.random.seed(seed)
    keras.utils.set_random_seed(seed)
    try:
        import tensorflow as tf
        tf.config.experimental.enable_op_determinism()
    except Exception:  # pragma: no cover - older TF
        pass


def train(cfg: TrainConfig, log=print) -> dict:
    """Run a whole training; returns the summary (also stored in the model's metadata)."""
    paths = out_paths(cfg.out)
    if os.path.exists(paths["onnx"]) and not cfg.force:
        raise TrainError(f"{paths['onnx']} exists; pass --force to overwrite it")
    if os.path.abspath(paths["onnx"]) == shipped_model_path() and not cfg.force:
        raise TrainError("refusing to write over the shipped model without --force")
    t_start = time.time()
    _seed_everything(cfg.seed)
    import keras

    from . import export
    from .model import build_model, compile_model, load_model

    user, read_stats = load_data(cfg, log)
    u_train, u_val, u_test = split_by_source(user, (cfg.val_fraction, cfg.val_fraction), cfg.seed)
    s_train, s_val, s_test = synthetic_sets(cfg)
    train_s = s_train + u_train
    val_s = s_val + u_val
    test_s = s_test + u_test or val_s  # no held-out data at all: report on validation
    if not train_s:
        raise TrainError("nothing to train on: give DATA or keep --synthetic above 0")
    log(f"lines: train {len(train_s)} (synthetic {len(s_train)}), validation {len(val_s)}, "
        f"test {len(test_s)} (held-out families: {', '.join(cfg.holdout) or 'none'})")

    init_meta = {}
    if cfg.init:
        keras_path = cfg.init[:-5] + ".keras" if cfg.init.endswith(".onnx") else cfg.init
        if not os.path.exists(keras_path):
            raise TrainError(f"--init: {keras_path} not found (the .keras file beside the model)")
        model = load_model(keras_path)
        onnx_path = keras_path[:-6] + ".onnx"
        if os.path.exists(onnx_path):
            init_meta = read_metadata(onnx_path)
        spec = init_meta.get("vocab") or vocab_spec(cfg.normalise_digits, cfg.collapse_digits)
        sizes = init_meta.get("sizes") or {"embed": cfg.embed, "units": cfg.units, "layers": cfg.layers}
        log(f"fine-tuning from {keras_path}")
    else:
        spec = vocab_spec(cfg.normalise_digits, cfg.collapse_digits and cfg.normalise_digits)
        sizes = {"embed": cfg.embed, "units": cfg.units, "layers": cfg.layers}
    vocab = Vocabulary(spec)
    if not cfg.init:
        model = build_model(vocab.size, cfg.embed, cfg.units, cfg.layers)
    rng = random.Random(cfg.seed)
    train_w = cut_windows(train_s, cfg.max_len)
    val_w = cut_windows(val_s, cfg.max_len) if val_s else cut_windows(train_s[:200], cfg.max_len)
    dw = delim_weight(train_w, defaults.MAX_CLASS_WEIGHT)
    batches = make_batches(train_w, vocab, cfg.batch, dw, rng)
    val_batches = make_batches(val_w, vocab, cfg.batch * 2, dw)
    log(f"{len(batches)} batches of {cfg.batch}, delimiter loss weight {dw:.2f}")
    if cfg.schedule == "cosine":
        compile_model(model, keras.optimizers.schedules.CosineDecay(
            cfg.learning_rate, decay_steps=cfg.epochs * len(batches), alpha=defaults.COSINE_FLOOR))
    else:
        compile_model(model, cfg.learning_rate)

    class Batches(keras.utils.PyDataset):
        def __init__(self, items, shuffle):
            super().__init__()
            self.items, self.shuffle, self.order = items, shuffle, list(range(len(items)))

        def __len__(self):
            return len(self.items)

        def __getitem__(self, i):
            return self.items[self.order[i]]

        def on_epoch_end(self):
            if self.shuffle:
                rng.shuffle(self.order)

    train_ds = Batches(batches, True)
    train_ds.on_epoch_end()
    stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=cfg.patience,
                                         restore_best_weights=True)
    # a plateau first lowers the learning rate; only a longer one stops the run
    slow = keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.3,
                                             patience=max(cfg.patience - 1, 1), verbose=0)
    # a cosine run ends at its lowest rate: its last weights are the result, so no early stop
    # (a mid-run validation dip under a high rate would otherwise end it and keep those weights)
    callbacks = [stop, slow] if cfg.schedule != "cosine" else []
    class EpochLog(keras.callbacks.Callback):
        """One line per epoch through ``log``, also when the progress bar is off."""
        def on_epoch_begin(self, epoch, logs=None):
            self.t = time.time()

        def on_epoch_end(self, epoch, logs=None):
            logs = logs if logs is not None else {}
            # the rate the next step will use (a schedule's value, or the plateau-lowered one)
            logs["learning_rate"] = float(keras.ops.convert_to_numpy(self.model.optimizer.learning_rate))
            log(f"epoch {epoch + 1}/{cfg.epochs}: loss {logs.get('loss', 0):.4f} "
                f"val_loss {logs.get('val_loss', 0):.4f} val_acc {logs.get('val_acc', 0):.4f} "
                f"lr {logs['learning_rate']:.2e} ({time.time() - self.t:.0f} s)")

    t0 = time.time()
    from .model import batch_dataset
    hist = model.fit(batch_dataset(train_ds).repeat(), steps_per_epoch=len(train_ds),
                     validation_data=batch_dataset(Batches(val_batches, False)).repeat(),
                     validation_steps=len(val_batches),
                     epochs=cfg.epochs, callbacks=callbacks + [EpochLog()], verbose=cfg.verbose,
                     shuffle=False)
    fit_seconds = time.time() - t0
    history = {k: [float(v) for v in vs] for k, vs in hist.history.items()}
    epochs_run = len(history.get("loss", []))
    best = int(np.argmin(history["val_loss"])) + 1 if history.get("val_loss") else epochs_run

    # export, parity, evaluation: all on the ONNX file that will ship
    proto = export.convert(model)
    meta = export.base_metadata(vocab, sizes, cfg.max_len)
    export.set_metadata(proto, meta)
    export.save(proto, paths["onnx"])
    sess = export.session(paths["onnx"])
    par_pool = [s.text for s in (test_s or val_s) if len(s.text) <= 4 * cfg.max_len]
    par_texts = random.Random(cfg.seed).sample(par_pool, min(cfg.parity_lines, len(par_pool)))
    parity = export.check_parity(model, sess, par_texts, vocab)
    log(f"parity: ONNX == Keras on {parity['lines']} lines ({parity['chars']} chars), "
        f"max |logit diff| {parity['max_abs_logit_diff']:.1e}")

    from .metrics import evaluate
    from .report import format_report, report_markdown, save_json, save_plots
    masks = export.onnx_masks(sess, [s.text for s in test_s], vocab)
    result = evaluate(test_s, masks)
    summary = {
        "command": cfg_command(cfg),
        "config": {k: v for k, v in asdict(cfg).items() if k not in ("verbose", "force")},
        "data": {"train_lines": len(train_s), "synthetic_train_lines": len(s_train),
                 "user_train_lines": len(u_train), "validation_lines": len(val_s),
                 "test_lines": len(test_s), "held_out_families": list(cfg.holdout),
                 "train_families": [f for f in corpus.names() if f not in cfg.holdout] if s_train else [],
                 "user_sources": sorted({s.source for s in user}), "read_stats": read_stats},
        "epochs_run": epochs_run, "best_epoch": best, "fit_seconds": round(fit_seconds, 1),
        "total_seconds": round(time.time() - t_start, 1), "delim_weight": dw,
        "parity": parity, "history": history,
    }
    ev_overall = result.get("overall", result)
    meta.update(training={k: v for k, v in summary.items() if k != "history"},
                evaluation={"overall": ev_overall,
                            "per_source": {k: _brief(v) for k, v in result.get("per_source", {}).items()}})
    export.set_metadata(proto, meta)
    export.save(proto, paths["onnx"])
    model.save(paths["keras"])
    held = []
    if s_test:
        held.append(f"held-out families {', '.join(cfg.holdout)}" if cfg.holdout
                    else "fresh lines of the training families")
    if u_test:
        held.append("held-out lines of each DATA source")
    title = (f"Evaluation of {os.path.basename(paths['onnx'])} on held-out data "
             f"({'; '.join(held) or 'validation lines'})")
    with open(paths["json"], "w", encoding="utf-8") as f:
        json.dump({"evaluation": result, "training": summary}, f, indent=1, sort_keys=True)
    with open(paths["md"], "w", encoding="utf-8") as f:
        f.write(report_markdown(result, title, {k: v for k, v in summary.items() if k != "history"}))
    save_plots(history, ev_overall["confusion"], paths["plots"])
    log(format_report(result, title))
    summary["evaluation"] = result
    summary["paths"] = paths
    return summary


def _brief(v: dict) -> dict:
    keep = ("lines", "char_accuracy", "field", "line_accuracy")
    return {k: v[k] for k in keep if k in v}


def cfg_command(cfg: TrainConfig) -> str:
    parts = ["logsplit-train", *cfg.data, "--out", cfg.out]
    d = TrainConfig()
    for name, flag in (("synthetic", "--synthetic"), ("embed", "--embed"), ("units", "--units"),
                       ("layers", "--layers"), ("epochs", "--epochs"), ("seed", "--seed"),
                       ("init", "--init"), ("max_len", "--max-len"), ("batch", "--batch"),
                       ("learning_rate", "--learning-rate"), ("schedule", "--schedule"), ("patience", "--patience")):
        if getattr(cfg, name) != getattr(d, name):
            parts += [flag, str(getattr(cfg, name))]
    if tuple(cfg.holdout) != tuple(d.holdout):
        parts += ["--holdout", shlex.quote(",".join(cfg.holdout))]
    if cfg.normalise_digits != d.normalise_digits:
        parts.append("--no-normalise-digits")
    if cfg.collapse_digits != d.collapse_digits:
        parts.append("--collapse-digits" if cfg.collapse_digits else "--no-collapse-digits")
    return " ".join(parts)


def read_metadata(onnx_path: str) -> dict:
    """The ``logsplit.*`` metadata of an ONNX file, JSON-decoded where possible."""
    import onnx
    proto = onnx.load(onnx_path, load_external_data=False)
    out = {}
    for p in proto.metadata_props:
        if p.key.startswith("logsplit."):
            try:
                out[p.key[9:]] = json.loads(p.value)
            except ValueError:
                out[p.key[9:]] = p.value
    return out
