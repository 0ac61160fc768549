"""``logsplit-train --teach``: every corrected line is trained on, the shipped model is never
overwritten, and one small end-to-end run on a tiny Keras model (slow: imports TensorFlow)."""
import hashlib
import os
import subprocess
import sys

import numpy as np
import pytest

teach = pytest.importorskip("logsplit_train.teach")
from logsplit_train.fit import TrainError, shipped_model_path  # noqa: E402
from logsplit_train.sample import Sample  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _s(text, source="fix"):
    return Sample(text, np.zeros(len(text), np.uint8), source)


@pytest.mark.parametrize("n_corr,n_replay,share", [(1, 0, 0.4), (1, 512, 0.4), (10, 512, 0.4),
                                                   (7, 3, 0.5), (20, 100, 0.1), (3, 50, 0.9)])
def test_every_corrected_line_is_trained_on(n_corr, n_replay, share):
    corr = [_s(f"c{i}") for i in range(n_corr)]
    replay = [_s(f"r{i}", "corpus") for i in range(n_replay)]
    lines = teach.training_lines(corr, replay, share)
    texts = [s.text for s in lines]
    counts = {t: texts.count(t) for t in {s.text for s in corr}}
    assert set(counts) == {s.text for s in corr} and min(counts.values()) >= 1
    assert len(set(counts.values())) == 1                 # all repeated alike
    assert [t for t in texts if t.startswith("r")] == [s.text for s in replay]
    # repeated so the corrections are about `share` of the lines
    reps = max(1, round(share / (1 - share) * n_replay / n_corr))
    assert set(counts.values()) == {reps}


def _shipped_aliases(tmp_path):
    shipped = shipped_model_path()
    link = tmp_path / "alias.onnx"
    os.symlink(shipped, link)
    return [shipped, os.path.relpath(shipped), shipped[:-5], str(link)]


def test_teach_refuses_the_shipped_model_even_with_force(tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)
    for out in _shipped_aliases(tmp_path):
        cfg = teach.TeachConfig(corrections=["x.marked"], out=out, force=True)
        with pytest.raises(TrainError, match="shipped model"):
            teach.check_out(cfg)
        with pytest.raises(TrainError, match="shipped model"):
            teach.teach_samples([_s("a")], cfg)


def test_teach_refuses_an_existing_out_without_force(tmp_path):
    out = tmp_path / "m.onnx"
    out.write_bytes(b"x")
    with pytest.raises(TrainError, match="--force"):
        teach.check_out(teach.TeachConfig(out=str(out)))
    teach.check_out(teach.TeachConfig(out=str(out), force=True))


# ------------------------------------------------------------------ end to end (TensorFlow)
def _digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


@pytest.fixture(scope="module")
def tiny_keras(tmp_path_factory):
    """A tiny untrained Keras model (embed 8, 8 units) with its ONNX export beside it."""
    pytest.importorskip("keras")
    out = str(tmp_path_factory.mktemp("tiny") / "tiny.onnx")
    code = (
        "import sys\n"
        "from logsplit_train.teach import quiet_tensorflow; quiet_tensorflow()\n"
        "from logsplit.vocab import Vocabulary\n"
        "from logsplit_train import export\n"
        "from logsplit_train.model import build_model\n"
        "v = Vocabulary(); m = build_model(v.size, 8, 8)\n"
        "p = export.convert(m)\n"
        "export.set_metadata(p, export.base_metadata(v, {'embed': 8, 'units': 8, 'layers': 1}, 256))\n"
        "export.save(p, sys.argv[1]); m.save(sys.argv[1][:-5] + '.keras')\n")
    subprocess.run([sys.executable, "-c", code, out], check=True, timeout=300)
    return out


MARKED = "⟦JOB⟧#⟦12⟧~⟦alpha⟧~⟦ok⟧\n⟦JOB⟧#⟦7⟧~⟦beta⟧~⟦fail⟧\n⟦JOB⟧#⟦300⟧~⟦gamma⟧~⟦ok⟧,⟦⟧,⟦x⟧\n"


@pytest.mark.slow
def test_teach_end_to_end_quiet(tiny_keras, tmp_path):
    fix = tmp_path / "fix.marked"
    fix.write_text(MARKED, encoding="utf-8")
    out = tmp_path / "taught.onnx"
    before = _digest(tiny_keras)
    cmd = [sys.executable, "-m", "logsplit_train.cli", "--teach", str(fix), "--init", tiny_keras,
           "--out", str(out), "--replay", "16", "--epochs", "1"]
    p = subprocess.run(cmd, capture_output=True, timeout=300, cwd=tmp_path)
    assert p.returncode == 0, p.stderr.decode()
    assert p.stderr == b""                                  # no TensorFlow/CUDA/oneDNN noise
    so = p.stdout.decode()
    assert "read 3 corrected lines" in so and "corrected lines the model gets right: " in so
    assert "fix.marked:3" in so and f"logsplit --model {out}" in so
    assert "forgetting check, line accuracy on" in so and "wall time (start-up included)" in so
    assert out.exists() and (tmp_path / "taught.keras").exists()
    assert _digest(tiny_keras) == before                    # the init model is untouched
    # the taught model runs in the runtime
    r = subprocess.run([sys.executable, "-m", "logsplit", "--model", str(out), "--marked"],
                       input=b"JOB#5~a~ok\n", capture_output=True, timeout=60)
    assert r.returncode == 0 and r.stdout.decode().count("\n") == 1
    # a second run refuses to overwrite without --force
    p2 = subprocess.run(cmd, capture_output=True, timeout=300, cwd=tmp_path)
    assert p2.returncode == 1 and b"--force" in p2.stderr


@pytest.mark.slow
def test_teach_trains_on_every_corrected_line(tiny_keras, tmp_path, monkeypatch):
    from logsplit_train import dataset
    from logsplit_train.readers import read_path

    seen = []
    real = dataset.make_batches

    def spy(samples, *a, **kw):
        seen.extend(s.text for s in samples)
        return real(samples, *a, **kw)

    monkeypatch.setattr(dataset, "make_batches", spy)
    fix = tmp_path / "fix.marked"
    fix.write_text(MARKED, encoding="utf-8")
    corr = read_path(fix)
    cfg = teach.TeachConfig(init=tiny_keras, out=str(tmp_path / "t.onnx"), replay=8, epochs=1,
                            check_per_family=1)
    s = teach.teach_samples(corr, cfg, log=lambda m: None)
    assert {c.text for c in corr} <= set(seen)
    assert s["corrected_lines"] == 3 and len(s["lines"]) == 3
    assert set(s["families"]) >= {"log4j", "haproxy"}
    # with variants, every corrected line is still trained on as it is, beside its variants
    seen.clear()
    cfg = teach.TeachConfig(init=tiny_keras, out=str(tmp_path / "v.onnx"), replay=8, epochs=1,
                            check_per_family=1, varied=0.9)
    teach.teach_samples(corr, cfg, log=lambda m: None)
    assert {c.text for c in corr} <= set(seen)
    assert len(set(seen) - {c.text for c in corr}) > 8  # variants, beyond the 8 replay lines


@pytest.mark.slow
def test_teach_routes_every_other_line_to_the_init_model(tiny_keras, tmp_path):
    """The taught model carries the init model: a line unlike the corrections splits exactly as
    the init model splits it; the corrections reach the taught network; --no-route has none."""
    import dataclasses

    from logsplit.model import Model
    from logsplit_train import corpus
    from logsplit_train.readers import read_path

    fix = tmp_path / "fix.marked"
    fix.write_text(MARKED, encoding="utf-8")
    corr = read_path(fix)
    out = str(tmp_path / "t.onnx")
    cfg = teach.TeachConfig(init=tiny_keras, out=out, replay=8, epochs=1, check_per_family=1,
                            route_calibration_per_family=2)
    s = teach.teach_samples(corr, cfg, log=lambda m: None)
    m = Model(out)
    assert m.route is not None and s["route"]["tau"] == pytest.approx(m.gate.tau)
    assert s["route"]["calibration_lines"] == 2 * len(corpus.names())
    assert s["route"]["calibration_families"] == len(corpus.names())  # the file is no family
    assert (m.gate.text_scores([c.text for c in corr]) >= m.gate.tau).all()
    lines = [x.text for x in corpus.generate(300, seed=4)]
    far = [t for t, sc in zip(lines, m.gate.text_scores(lines)) if sc < m.gate.tau]
    assert len(far) > 200
    assert teach.runtime_spans(out, far) == teach.runtime_spans(tiny_keras, far)
    out2 = str(tmp_path / "plain.onnx")
    teach.teach_samples(corr, dataclasses.replace(cfg, out=out2, route=False), log=lambda m: None)
    assert Model(out2).route is None


@pytest.mark.slow
def test_teach_cli_refuses_shipped_model_with_force(tmp_path):
    fix = tmp_path / "fix.marked"
    fix.write_text(MARKED, encoding="utf-8")
    shipped = shipped_model_path()
    before = _digest(shipped)
    p = subprocess.run([sys.executable, "-m", "logsplit_train.cli", "--teach", str(fix),
                        "--out", shipped, "--force"], capture_output=True, timeout=300)
    assert p.returncode == 1 and b"shipped model" in p.stderr
    assert _digest(shipped) == before


@pytest.mark.slow
def test_fewshot_bench_quick(tiny_keras, tmp_path):
    out = tmp_path / "fs"
    p = subprocess.run([sys.executable, os.path.join(REPO, "bench", "fewshot.py"), "--init",
                        tiny_keras, "--out", str(out), "--quick", "--formats", "haproxy",
                        "--k", "1"], capture_output=True, timeout=600)
    assert p.returncode == 0, p.stderr.decode()[-2000:]
    import json
    res = json.loads((out / "fewshot.json").read_text())
    assert [(r["format"], r["k"]) for r in res["rows"]] == [("haproxy", 1)]
    # what was measured is on disk row by row, for a run stopped before its end
    assert json.loads((out / "fewshot.partial.json").read_text())["rows"] == res["rows"]
    row = res["rows"][0]
    assert 0.5 <= row["route_tau"] <= 1.0 and 0.0 <= row["unseen_routed"] <= 1.0
    assert res["headline"][0]["k"] == 1
    assert (out / "fewshot.png").stat().st_size > 1000
    md = (out / "fewshot.md").read_text()
    assert "| haproxy |" in md and "Route: share" in md and "| k | wrong formats |" in md


@pytest.mark.slow
def test_fewshot_bench_merges_side_by_side_runs(tiny_keras, tmp_path):
    """Two runs on disjoint formats, then --merge: one table with both, settings checked."""
    import json
    bench = os.path.join(REPO, "bench", "fewshot.py")
    for fmt in ("haproxy", "zap"):
        p = subprocess.run([sys.executable, bench, "--init", tiny_keras, "--out",
                            str(tmp_path / fmt), "--quick", "--formats", fmt, "--k", "1"],
                           capture_output=True, timeout=600)
        assert p.returncode == 0, p.stderr.decode()[-2000:]
    parts = [str(tmp_path / f / "fewshot.json") for f in ("haproxy", "zap")]
    p = subprocess.run([sys.executable, bench, "--init", tiny_keras, "--out", str(tmp_path / "all"),
                        "--merge", *parts], capture_output=True, timeout=120)
    assert p.returncode == 0, p.stderr.decode()[-2000:]
    res = json.loads((tmp_path / "all" / "fewshot.json").read_text())
    assert sorted(r["format"] for r in res["rows"]) == ["haproxy", "zap"]
    md = (tmp_path / "all" / "fewshot.md").read_text()
    assert "| haproxy |" in md and "| zap |" in md
    # runs made with other settings are refused, with the reason
    other = json.loads(open(parts[1]).read())
    other["epochs"] = 9
    (tmp_path / "other.json").write_text(json.dumps(other))
    p = subprocess.run([sys.executable, bench, "--init", tiny_keras, "--out", str(tmp_path / "bad"),
                        "--merge", parts[0], str(tmp_path / "other.json")],
                       capture_output=True, timeout=120)
    assert p.returncode != 0 and b"epochs differ" in p.stderr
    # the same cell twice is refused too (a carried-on run must start at another --first-seed)
    p = subprocess.run([sys.executable, bench, "--init", tiny_keras, "--out", str(tmp_path / "dup"),
                        "--merge", parts[0], parts[0]], capture_output=True, timeout=120)
    assert p.returncode != 0 and b"more than one" in p.stderr


@pytest.mark.parametrize("sources, left_out", [
    (["haproxy"], {"haproxy"}),               # a corpus family taught: its lines never calibrate
    (["haproxy", "haproxy", "zap"], {"haproxy", "zap"}),
    (["fix.marked"], set()),                  # a user's file: every family calibrates
])
def test_route_calibrates_on_every_family_but_the_taught_ones(sources, left_out):
    """The route's threshold is set on lines of every format the user did not teach, held-out
    families included (replay stays on the init model's training families)."""
    from logsplit_train import corpus
    corr = [Sample("x y", np.zeros(3, np.uint8), s) for s in sources]
    fams = teach.calibration_families(corr)
    assert set(fams) == set(corpus.names()) - left_out and len(fams) == len(set(fams))


def test_teach_doctests():
    import doctest
    assert doctest.testmod(teach).failed == 0
