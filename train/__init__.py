"""logsplit's training side (installed as ``logsplit_train``): corpus, readers, model, export.

Only :mod:`logsplit_train.model`, :mod:`logsplit_train.fit` and :mod:`logsplit_train.export`
import TensorFlow; everything else is plain Python and numpy.
"""

import os as _os

# TensorFlow's C++ start-up chatter (CPU features, oneDNN, CUDA probing) is noise for our users.
_os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
