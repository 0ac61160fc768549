"""logsplit.spark: the pandas UDF in PySpark local mode gives exactly the Splitter's output."""
import shutil

import pytest

from logsplit import Splitter

LINES = [
    "Dec 10 06:55:46 LabSZ sshd[24200]: Invalid user webmaster from 173.234.31.186",
    "081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_38",
    'level=warn msg="disk full" ruser= rhost=10.0.0.1',
    "a,,c x||y",
    "",
    "   ",
    "café 😀 naïve\ttab",
    "GET /index.html?q=1 HTTP/1.1 200 - -",
    "x" * 1500 + " long line " + "y=1 " * 200,  # windowed
]


@pytest.fixture(scope="module")
def spark():
    pytest.importorskip("pyspark")
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    if shutil.which("java") is None:
        pytest.skip("no java on PATH (PySpark needs a JVM)")
    from pyspark.sql import SparkSession

    session = (SparkSession.builder.master("local[2]").appName("logsplit-test")
               .config("spark.ui.enabled", "false")
               .config("spark.sql.shuffle.partitions", "2").getOrCreate())
    yield session
    session.stop()


@pytest.mark.slow
def test_udf_matches_splitter_on_a_text_dataset(spark, tmp_path):
    from logsplit.spark import with_fields

    path = tmp_path / "app.log"
    path.write_text("".join(t + "\n" for t in LINES), encoding="utf-8")
    df = spark.read.text(str(path)).repartition(2)  # rows on both local workers
    rows = with_fields(df, "value").collect()
    got = {r["value"]: (list(r["fields"]), [list(s) for s in r["spans"]]) for r in rows}
    want = {r.text: (r.fields, [list(s) for s in r.spans]) for r in Splitter(jobs=1).split(LINES)}
    assert len(rows) == len(LINES)
    assert got == want
    assert got[LINES[0]][0][:4] == ["Dec 10 06:55:46", "LabSZ", "sshd", "24200"]


@pytest.mark.slow
def test_udf_keeps_nulls_and_other_columns(spark):
    from logsplit.spark import split_udf

    df = spark.createDataFrame([(1, "a=1 b"), (2, None), (3, "")], "id int, line string")
    rows = df.select("id", split_udf()("line").alias("s")).orderBy("id").collect()
    assert [r["id"] for r in rows] == [1, 2, 3]
    assert rows[0]["s"]["fields"] == Splitter(jobs=1).split(["a=1 b"])[0].fields
    assert rows[1]["s"] is None or rows[1]["s"]["fields"] is None
    assert list(rows[2]["s"]["fields"]) == [] and list(rows[2]["s"]["spans"]) == []


def test_split_series_without_spark():
    pd = pytest.importorskip("pandas")
    from logsplit.spark import split_series, splitter

    out = split_series(pd.Series(["a b", None, ""], index=[5, 6, 7]))
    assert list(out.index) == [5, 6, 7]
    assert out["fields"].tolist() == [["a", "b"], None, []]
    assert out["spans"].tolist() == [[[0, 1], [2, 3]], None, []]
    assert splitter() is splitter()  # one model per process
