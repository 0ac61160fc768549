"""``logsplit-train DATA...``: a thin CLI over :func:`logsplit_train.fit.train`.

    logsplit-train data/ --out runs/mine.onnx            # synthetic corpus + your data
    logsplit-train fixes.jsonl --init models/logsplit.onnx --out runs/tuned.onnx --epochs 3
"""
from __future__ import annotations

import argparse
import sys

from logsplit import defaults


def parser() -> argparse.ArgumentParser:
    d = defaults
    p = argparse.ArgumentParser(
        prog="logsplit-train",
        description="Train logsplit's character-level delimiter model and export it to ONNX. "
                    "DATA are files or directories of JSON Lines {\"text\", \"spans\"} "
                    "(what `logsplit --json` prints), TEXT<TAB>LABELS character-label lines "
                    "(.tsv/.txt/.labels) or Loghub *_structured.csv files beside their raw .log. "
                    "A synthetic corpus of many log formats is always mixed in unless "
                    "--synthetic 0.")
    p.add_argument("data", nargs="*", metavar="DATA", help="labeled files or directories")
    p.add_argument("--out", default=None,
                   help=f"model to write (default {d.DEFAULT_OUT}, with --teach {d.TEACH_OUT}); "
                        ".keras, .eval.json, .eval.md and .png files are written beside it")
    p.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    p.add_argument("--init", metavar="MODEL", help="fine-tune from this model (.onnx with its "
                   ".keras beside it, or the .keras file)")
    p.add_argument("--synthetic", type=int, default=d.SYNTH_TRAIN_LINES,
                   help=f"synthetic training lines (default {d.SYNTH_TRAIN_LINES}; 0: none)")
    p.add_argument("--synthetic-val", type=int, default=d.SYNTH_VAL_LINES,
                   help=f"synthetic validation/test lines (default {d.SYNTH_VAL_LINES})")
    p.add_argument("--holdout", default=",".join(d.HOLDOUT_FAMILIES),
                   help="corpus families never trained on, reported as unseen layouts "
                        f"(default {','.join(d.HOLDOUT_FAMILIES)}; '' for none)")
    p.add_argument("--embed", type=int, default=d.EMBED_DIM, help=f"embedding width ({d.EMBED_DIM})")
    p.add_argument("--units", type=int, default=d.LSTM_UNITS, help=f"LSTM units per direction ({d.LSTM_UNITS})")
    p.add_argument("--layers", type=int, default=d.LSTM_LAYERS, help=f"BiLSTM layers ({d.LSTM_LAYERS})")
    p.add_argument("--collapse-digits", dest="collapse_digits", action="store_true",
                   default=defaults.COLLAPSE_DIGITS,
                   help="read each run of digits as one model position (faster; default: %(default)s)")
    p.add_argument("--no-collapse-digits", dest="collapse_digits", action="store_false",
                   help="one model position per digit")
    p.add_argument("--no-normalise-digits", dest="normalise_digits", action="store_false",
                   help="give each digit its own id (default: all digits are one symbol)")
    p.add_argument("--max-len", type=int, default=d.TRAIN_MAX_LEN,
                   help=f"training window in characters ({d.TRAIN_MAX_LEN})")
    p.add_argument("--epochs", type=int, default=None,
                   help=f"maximum epochs ({d.EPOCHS}; with --teach {d.TEACH_EPOCHS})")
    p.add_argument("--batch", type=int, default=None,
                   help=f"batch size ({d.TRAIN_BATCH}; with --teach {d.TEACH_BATCH})")
    p.add_argument("--learning-rate", type=float, default=None,
                   help=f"({d.LEARNING_RATE}; with --teach {d.TEACH_LEARNING_RATE})")
    p.add_argument("--schedule", choices=("plateau", "cosine"), default=d.LR_SCHEDULE,
                   help=f"learning-rate schedule: lower on a plateau, or cosine decay over --epochs ({d.LR_SCHEDULE})")
    p.add_argument("--patience", type=int, default=d.PATIENCE,
                   help=f"early stopping patience on validation loss, plateau schedule only ({d.PATIENCE})")
    p.add_argument("--val-fraction", type=float, default=d.VAL_FRACTION,
                   help="share of each DATA source for validation, and again for test")
    p.add_argument("--seed", type=int, default=d.SEED, help=f"random seed ({d.SEED})")
    p.add_argument("--skip-bad", action="store_true",
                   help="skip and count malformed records instead of stopping at the first")
    p.add_argument("--quiet", action="store_true", help="no per-epoch progress bar")
    t = p.add_argument_group("teaching a format (--teach)")
    t.add_argument("--teach", action="store_true",
                   help="fine-tune from the shipped model (or --init) on EVERY line of DATA "
                        "(corrected lines, e.g. a file of `logsplit --marked` output with the "
                        "marks fixed), mixed with replayed corpus lines; report before/after; "
                        "never overwrites the shipped model")
    t.add_argument("--replay", type=int, default=d.TEACH_REPLAY_LINES,
                   help=f"corpus lines replayed with --teach (default {d.TEACH_REPLAY_LINES})")
    t.add_argument("--varied", type=float, default=d.TEACH_VARIED_SHARE,
                   help="with --teach: share of the corrections' repeats that are variants of "
                        "them (words inside fields redrawn, delimiters kept; default "
                        f"{d.TEACH_VARIED_SHARE})")
    t.add_argument("--no-route", dest="route", action="store_false",
                   help="with --teach: one fine-tuned network for every line, no route (by "
                        "default the new model carries the old one and only lines shaped like "
                        "the corrected ones reach the taught network)")
    t.add_argument("--verbose", action="store_true",
                   help="with --teach: let TensorFlow's own log messages through")
    return p


def _guarded(run, errors: tuple) -> int:
    """Run ``run()``; the training library's own ``errors`` and OS errors become one line on
    stderr and exit 1, Ctrl-C exit 130.  Returns 0 when ``run`` finished."""
    try:
        run()
    except errors as e:
        print(f"logsplit-train: {e}", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"logsplit-train: {e.filename or ''}: {e.strerror or e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("logsplit-train: interrupted", file=sys.stderr)
        return 130
    return 0


def teach_main(args) -> int:
    """``logsplit-train --teach DATA...``: TensorFlow silenced before it is imported."""
    from .teach import TeachConfig, process_seconds, quiet_tensorflow
    quiet_tensorflow(args.verbose)
    d = defaults
    try:
        from .export import ExportError
        from .fit import TrainError
        from .readers import DataError
        from .teach import teach
        import keras  # noqa: F401  (fail here, with the hint, when the extra is missing)
    except ImportError as e:
        print(f"logsplit-train: {e}; install the training extra: pip install 'logsplit[train]'",
              file=sys.stderr)
        return 2
    if not args.data:
        print("logsplit-train: --teach needs DATA: the corrected lines (e.g. fix.marked)",
              file=sys.stderr)
        return 2
    cfg = TeachConfig(
        corrections=args.data, out=args.out or d.TEACH_OUT, force=args.force, init=args.init,
        replay=args.replay, epochs=args.epochs or d.TEACH_EPOCHS,
        batch=args.batch or d.TEACH_BATCH,
        learning_rate=args.learning_rate or d.TEACH_LEARNING_RATE, seed=args.seed,
        strict=not args.skip_bad, verbose=args.verbose, route=args.route, varied=args.varied)
    code = _guarded(lambda: teach(cfg, log=lambda m: print(m, flush=True)),
                    (TrainError, DataError, ExportError))
    if code:
        return code
    print(f"teach took {process_seconds():.1f} s wall time (start-up included)", flush=True)
    return 0


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    if args.teach:
        return teach_main(args)
    from rich.console import Console
    err = Console(stderr=True)
    try:
        from .fit import TrainConfig, TrainError, train
        from .export import ExportError
        from .readers import DataError
    except ImportError as e:  # TensorFlow or tf2onnx missing
        print(f"logsplit-train: {e}; install the training extra: pip install 'logsplit[train]'",
              file=sys.stderr)
        return 2
    cfg = TrainConfig(
        data=args.data, out=args.out or defaults.DEFAULT_OUT, force=args.force, init=args.init,
        synthetic=args.synthetic, synthetic_val=args.synthetic_val,
        holdout=tuple(h for h in args.holdout.split(",") if h),
        embed=args.embed, units=args.units, layers=args.layers,
        normalise_digits=args.normalise_digits, collapse_digits=args.collapse_digits, max_len=args.max_len,
        epochs=args.epochs or defaults.EPOCHS, batch=args.batch or defaults.TRAIN_BATCH,
        learning_rate=args.learning_rate or defaults.LEARNING_RATE, schedule=args.schedule,
        patience=args.patience,
        val_fraction=args.val_fraction, seed=args.seed, strict=not args.skip_bad,
        verbose=0 if args.quiet else (1 if sys.stderr.isatty() else 2))
    console = Console()
    done = {}
    code = _guarded(lambda: done.setdefault("summary", train(cfg, log=console.print)),
                    (TrainError, DataError, ExportError))
    if code:
        return code
    summary = done["summary"]
    err.print(f"wrote {summary['paths']['onnx']} in {summary['total_seconds']:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
