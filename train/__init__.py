"""logsplit's training side (installed as ``logsplit_train``): corpus, readers, model, export.

Only :mod:`logsplit_train.model`, :mod:`logsplit_train.fit` and :mod:`logsplit_train.export`
import TensorFlow; everything else is plain Python and numpy.
"""
