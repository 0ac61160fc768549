"""Apache Spark integration: split a string column of a DataFrame into fields and spans.

Where one machine is not enough, logsplit runs inside Spark rather than beside it: a pandas UDF
(Arrow batches of rows) labels a string column, and each Python worker process loads the model
once, on first use, and keeps it (a module-level Splitter per process and model path; Spark
reuses its Python workers between tasks by default, ``spark.python.worker.reuse``).  Needs the
``[spark]`` extra (``pyspark``, ``pandas``, ``pyarrow``) on the driver and the executors, and
logsplit installed on the executors.

>>> from logsplit.spark import with_fields                                # doctest: +SKIP
>>> df = spark.read.text("logs/*.log")                                    # doctest: +SKIP
>>> with_fields(df, "value").select("fields", "spans").first()            # doctest: +SKIP
Row(fields=['Dec', '10', ...], spans=[[0, 3], [4, 6], ...])

Each row gets ``fields`` (array<string>) and ``spans`` (array<array<int>>, code-point offsets
into the text, as in ``logsplit --json``); a null text gives null fields and spans.
"""
from __future__ import annotations

import os

#: Python worker process -> Splitter per model path (loaded on first use, then reused).
_SPLITTERS: dict = {}

#: The UDF's result: a struct of the fields and their spans.
RESULT_DDL = "fields array<string>, spans array<array<int>>"


def splitter(model_path: str | None = None):
    """This process's Splitter for ``model_path`` (the shipped model when None), made once.

    ``jobs=1``: Spark already runs one task per core, so each worker labels on one thread.

    >>> splitter() is splitter()                                            # doctest: +SKIP
    True
    """
    key = os.fspath(model_path) if model_path is not None else None
    sp = _SPLITTERS.get(key)
    if sp is None:
        from .splitter import Splitter

        sp = _SPLITTERS[key] = Splitter(key, jobs=1)
    return sp


def split_series(texts, model_path: str | None = None):
    """A pandas Series of texts -> a pandas DataFrame with ``fields`` and ``spans`` columns.

    The body of the UDF, usable on its own (and testable without Spark); nulls stay null.

    >>> import pandas as pd                                                  # doctest: +SKIP
    >>> split_series(pd.Series(["a b", None])).to_dict("list")              # doctest: +SKIP
    {'fields': [['a', 'b'], None], 'spans': [[[0, 1], [2, 3]], None]}
    """
    import pandas as pd

    values = texts.tolist()
    present = [i for i, t in enumerate(values) if isinstance(t, str)]
    fields: list = [None] * len(values)
    spans: list = [None] * len(values)
    if present:
        sp = splitter(model_path)
        for i, r in zip(present, sp.split([values[i] for i in present])):
            fields[i] = r.fields
            spans[i] = [list(s) for s in r.spans]
    return pd.DataFrame({"fields": fields, "spans": spans}, index=texts.index)


def split_udf(model_path: str | None = None):
    """A pandas UDF: a string column -> struct<fields array<string>, spans array<array<int>>>.

    ``model_path`` must be readable on the executors (default: the model shipped with the
    logsplit installed there).

    >>> df.select(split_udf()("value").alias("split"))                       # doctest: +SKIP
    """
    from pyspark.sql.functions import pandas_udf

    @pandas_udf(RESULT_DDL)
    def logsplit_fields(texts):  # pandas Series -> pandas DataFrame (Arrow batches)
        return split_series(texts, model_path)

    return logsplit_fields


def with_fields(df, column: str, *, fields: str = "fields", spans: str = "spans",
                model_path: str | None = None):
    """``df`` with two more columns: the ``fields`` and ``spans`` of its string ``column``.

    >>> with_fields(spark.read.text("app.log"), "value").printSchema()      # doctest: +SKIP
    """
    from pyspark.sql.functions import col

    tmp = "__logsplit_result"
    out = df.withColumn(tmp, split_udf(model_path)(col(column)))
    return (out.withColumn(fields, col(f"{tmp}.fields"))
               .withColumn(spans, col(f"{tmp}.spans")).drop(tmp))
