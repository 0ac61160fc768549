"""Every default of logsplit in one commented place; the CLIs read their defaults from here.

Runtime (``logsplit``) first, then training (``logsplit-train``).  Change a default here, not in
the code that uses it.
"""

# ============================================================================== runtime
#: Lines per onnxruntime call.  256 amortises the per-call overhead; larger buys little on 2 cores.
BATCH_SIZE = 256
#: A batch is flushed when its oldest line has waited this long (seconds), so `tail -f` output
#: appears promptly while bulk input still runs in full batches.
MAX_LATENCY = 0.05
#: Distinct normalised lines remembered (LRU).  Lines differing only in digits share an entry.
CACHE_SIZE = 65536
#: Lines longer than this many characters are labeled in overlapping windows.
WINDOW = 512
#: Characters of context on each side of a window's core (its labels come from the core only).
WINDOW_CONTEXT = 64
#: onnxruntime threads per session (per job of `--jobs`): one, the parallelism comes from
#: several sessions side by side (see CALL_ROWS).
INTRA_OP_THREADS = 1
#: Rows (distinct lines or windows) per onnxruntime call.  Measured by bench/tune.py (TUNED).
CALL_ROWS = 32
#: `--jobs` is at most this many by default: more sessions than this rarely find enough
#: distinct lines per batch to keep busy, and each costs memory.
MAX_JOBS = 8


def default_jobs() -> int:
    """`--jobs` by default: the cores this process may run on, at most MAX_JOBS."""
    import os

    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(MAX_JOBS, cores))


#: Let idle onnxruntime threads spin (busy-wait) for work: ~15% faster on an idle machine, but
#: 1.5-2x slower when other processes compete for the cores (measured), so off.
INTRA_OP_SPINNING = False
#: Padded characters (rows x width) per onnxruntime call.  The LSTM keeps buffers for every
#: character of a call, so this bounds memory (a 1 MB line: 140 MB peak instead of 650 MB);
#: calls this size run no slower than bigger ones (they stay in cache).
MAX_CALL_CHARS = 8192

# ============================================================================== training
#: Model sizes: character embedding width, LSTM units per direction, stacked BiLSTM layers.
EMBED_DIM = 32
LSTM_UNITS = 64
LSTM_LAYERS = 1
#: Replace every ASCII digit by one symbol (identical-shaped lines become identical inputs).
NORMALISE_DIGITS = True
#: Read each run of digits as one model position (needs NORMALISE_DIGITS): lines get ~30%
#: shorter for the model and lines differing only in number lengths become one model input.
#: Exact, since a digit run never holds a field boundary.  Stored in the model's vocabulary.
COLLAPSE_DIGITS = False
#: Training lines longer than this are cut into windows (the runtime windows longer lines too).
TRAIN_MAX_LEN = 256
#: Synthetic lines generated for training and for validation.
SYNTH_TRAIN_LINES = 60000
SYNTH_VAL_LINES = 6000
#: Whole corpus families never trained on: the validation report measures unseen layouts.
HOLDOUT_FAMILIES = ("haproxy", "mongodb", "logcat", "windows_cbs", "rails", "zap", "null_exports")
#: Share of each Loghub system (and of other non-synthetic data) held out for evaluation.
VAL_FRACTION = 0.1
EPOCHS = 12
TRAIN_BATCH = 128
LEARNING_RATE = 3e-3
#: How the learning rate moves: "cosine" decays it from LEARNING_RATE to COSINE_FLOOR x that
#: over the planned epochs and keeps the last weights (no early stop), "plateau" lowers it 0.3x
#: when the validation loss stalls and stops after PATIENCE epochs without a gain.
LR_SCHEDULE = "plateau"
COSINE_FLOOR = 0.03
#: Stop when the validation loss has not improved for this many epochs (best weights kept).
PATIENCE = 3
#: Delimiters are a minority class: their loss weight is scaled so both classes weigh equally,
#: capped at this factor.
MAX_CLASS_WEIGHT = 4.0
SEED = 0
#: Where `logsplit-train` writes when --out is not given (never over the shipped model).
DEFAULT_OUT = "runs/model.onnx"
#: ONNX opset for the export.
OPSET = 17
#: Parity between Keras and onnxruntime: identical labels and logits within this tolerance.
PARITY_ATOL = 5e-4
#: ... plus this share of the logit's own size (float32 rounding grows with it).  Taught networks
#: in bench/fewshot.py differed by 1.07e-4 and 1.32e-4 with every label identical, which the
#: former 1e-4 refused; shipped models measure about 1e-5.
PARITY_RTOL = 1e-5

# ============================================================================== teaching
# `logsplit-train --teach FILE...`: fine-tune on a handful of corrected lines (train/teach.py).
# Sized so one run on 10 lines stays well under a minute on 2 cores, start-up included.
#: Where the taught model is written when --out is not given (never the shipped model).
TEACH_OUT = "runs/taught.onnx"
#: Synthetic corpus lines (the families the init model was trained on) replayed beside the
#: corrections so the taught network keeps the formats it knew.  Without the route (below),
#: measured on 10 corrected lines of a `JOB#237~gamma~ok` format, shipped model (2026-12-02):
#: replay 512 / lr 1e-3 kept 0.878 of the other families' lines (24 s); replay 2048 / lr 3e-4
#: kept 0.958 (41 s).  With the route, the replay only has to keep the lines the route sends to
#: the taught network, so it is smaller and the learning rate higher (bench/fewshot.py, synth9
#: and synth10, k=10 on haproxy, windows_cbs, rails, null_exports, 2026-12-03: 2048 lines, 4
#: epochs, lr 1e-3 learned most and dropped no family line; 1024 lines or batch 64 dropped some).
TEACH_REPLAY_LINES = 1536
#: Every corrected line is repeated so the corrections make about this share of the lines.
TEACH_CORRECTION_SHARE = 0.4
#: Share of those repeats that are label-preserving variants of the correction (the words inside
#: its fields redrawn, delimiters kept: logsplit_train/augment.py) rather than exact copies.
#: Off: measured with bench/fewshot.py (k=10, one seed, 200 unseen lines) it moved haproxy
#: +0.010 / +0.005 (synth12 / synth13) and windows_cbs -0.020 / 0.000, the rest unchanged.
TEACH_VARIED_SHARE = 0.0
#: Passes over corrections + replay (no early stopping: nothing is held out to stop on).
#: 3 x 1536 replay lines is about as many steps as the former 2 x 2048 (~28 s of fit).
TEACH_EPOCHS = 3
TEACH_BATCH = 32
#: Higher than the former 3e-4: with the route the taught network may move further.
TEACH_LEARNING_RATE = 1e-3
#: Fresh corpus lines per family for the before/after forgetting check.
TEACH_CHECK_PER_FAMILY = 20
#: Lines on which the exported ONNX model must reproduce Keras.
TEACH_PARITY_LINES = 100
#: Route (logsplit/route.py): a taught model carries its base model, and only lines shaped
#: like the corrected ones go to the taught network, so every other line splits exactly as
#: before.  Off (`--no-route`): one fine-tuned network for every line (it forgets a little).
TEACH_ROUTE = True
#: With the route on, this share of the replay is the corpus lines most alike the corrections
#: (drawn from a pool TEACH_REPLAY_POOL times larger): those are the lines the route sends to
#: the taught network, so it must keep them right.
TEACH_REPLAY_NEAR_SHARE = 0.5
TEACH_REPLAY_POOL = 8
#: Fresh corpus lines per family on which the route's threshold is set: a line the taught
#: network splits wrongly and the base rightly must stay with the base.
TEACH_ROUTE_CALIBRATION_PER_FAMILY = 150
#: The threshold is the highest such line's similarity plus this margin...
TEACH_ROUTE_MARGIN = 0.05
#: ...and never below this (lines less alike than this never reach the taught network).
TEACH_ROUTE_FLOOR = 0.5

# ============================================================================== templates
# `logsplit --templates` (logsplit/templates.py): Drain3 mines templates over logsplit's fields.
#: Drain3's own defaults, written out so they are visible: a line joins a template when at
#: least this share of its fields equal the template's constant fields...
TEMPLATE_SIM_TH = 0.4
#: ...and the template tree is this deep (Drain's depth: the first depth-2 fields route a line).
TEMPLATE_DEPTH = 4
#: A field holding a digit is a variable before Drain3 sees it (a field is a whole value, so a
#: digit means a number, an id, an address or a time): on the Loghub dev systems this raised
#: grouping accuracy from 0.674 to 0.721 and parsing accuracy from 0.366 to 0.480.
TEMPLATE_DIGIT_FIELDS_VARIABLE = True
#: The header (timestamp, host, level, component...) is not mined: Drain3 sees the message only,
#: as the Loghub benchmark's per-system header formats arrange by hand.  The header ends at the
#: first delimiter holding `: `, ` - ` or ` | ` (or a `] ` opening one), searched after a level
#: word when one stands among the first TEMPLATE_LEVEL_FIELDS fields, and within the first
#: TEMPLATE_HEADER_FIELDS fields; a line without one has no header.  Measured on the Loghub dev
#: systems (`python bench/templates.py`, shipped model of 2026-12-02): grouping accuracy 0.724
#: -> 0.859 with the header cut.
TEMPLATE_HEADER_FIELDS = 12
TEMPLATE_LEVEL_FIELDS = 8
#: An empty pair of brackets in the message (`from 10.0.0.1 () at`) holds an absent value: it
#: counts as one variable token so the line keeps its template's length (Linux ftpd lines:
#: grouping accuracy 0.291 -> 0.746, same script and model; all steps together: mean GA 0.916).
TEMPLATE_EMPTY_BRACKET_SLOTS = True
