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
#: onnxruntime threads (this tool targets small machines: 2 cores).
INTRA_OP_THREADS = 2
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
#: Training lines longer than this are cut into windows (the runtime windows longer lines too).
TRAIN_MAX_LEN = 256
#: Synthetic lines generated for training and for validation.
SYNTH_TRAIN_LINES = 60000
SYNTH_VAL_LINES = 6000
#: Whole corpus families never trained on: the validation report measures unseen layouts.
HOLDOUT_FAMILIES = ("haproxy", "mongodb", "logcat", "windows_cbs", "rails", "zap")
#: Share of each Loghub system (and of other non-synthetic data) held out for evaluation.
VAL_FRACTION = 0.1
EPOCHS = 12
TRAIN_BATCH = 128
LEARNING_RATE = 3e-3
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
PARITY_ATOL = 1e-4
