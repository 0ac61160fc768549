"""Model loading: the contract is checked up front; every problem is one ModelError line."""
import json

import numpy as np
import pytest

from logsplit.errors import LogsplitError, ModelError
from logsplit.model import Model, default_model_path

onnx = pytest.importorskip("onnx")
import tiny_model  # noqa: E402  (tests/ is on sys.path via conftest)


def bad_models(tmp_path):
    """(name, path) of broken or incompatible models."""
    out = {}

    def save(name, model):
        out[name] = tiny_model.save(model, str(tmp_path / f"{name}.onnx"))

    (tmp_path / "empty.onnx").write_bytes(b"")
    out["empty"] = str(tmp_path / "empty.onnx")
    (tmp_path / "garbage.onnx").write_bytes(b"this is not a model\n" * 10)
    out["garbage"] = str(tmp_path / "garbage.onnx")
    good = tiny_model.build_lstm_model().SerializeToString()
    (tmp_path / "truncated.onnx").write_bytes(good[: len(good) // 2])
    out["truncated"] = str(tmp_path / "truncated.onnx")
    out["missing"] = str(tmp_path / "missing.onnx")
    out["directory"] = str(tmp_path)

    meta = tiny_model.metadata(embed=16, units=32, layers=1)
    save("no_metadata", tiny_model.build_lstm_model(meta={}))
    save("format_2", tiny_model.build_lstm_model(meta={**meta, "logsplit.format": "2"}))
    save("labels", tiny_model.build_lstm_model(
        meta={**meta, "logsplit.labels": json.dumps(["D", "O"])}))
    save("labels_not_json", tiny_model.build_lstm_model(meta={**meta, "logsplit.labels": "O,D"}))
    spec = json.loads(meta["logsplit.vocab"])
    save("vocab_version", tiny_model.build_lstm_model(
        meta={**meta, "logsplit.vocab": json.dumps({**spec, "version": 99})}))
    save("vocab_ids", tiny_model.build_lstm_model(
        meta={**meta, "logsplit.vocab": json.dumps({**spec, "pad": 7})}))
    save("vocab_missing", tiny_model.build_lstm_model(
        meta={k: v for k, v in meta.items() if k != "logsplit.vocab"}))
    save("max_len", tiny_model.build_lstm_model(meta={**meta, "logsplit.max_len": "long"}))
    save("small_embedding", tiny_model.build_lstm_model(vocab_size=20))

    renamed = tiny_model.build_lstm_model()
    renamed.graph.input[1].name = "lens"
    for node in renamed.graph.node:
        node.input[:] = ["lens" if i == "lengths" else i for i in node.input]
    save("input_name", renamed)

    out_renamed = tiny_model.build_lstm_model()
    out_renamed.graph.output[0].name = "scores"
    for node in out_renamed.graph.node:
        node.output[:] = ["scores" if o == "logits" else o for o in node.output]
    save("output_name", out_renamed)
    return out


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    return bad_models(tmp_path_factory.mktemp("bad"))


EXPECT = {
    "empty": "empty file",
    "garbage": "not an ONNX model",
    "truncated": "",
    "missing": "No such file",
    "directory": "cannot read model",
    "no_metadata": "logsplit.format is missing",
    "format_2": "format '2' is not supported",
    "labels": "labels",
    "labels_not_json": "not valid JSON",
    "vocab_version": "vocabulary mismatch",
    "vocab_ids": "vocabulary mismatch",
    "vocab_missing": "logsplit.vocab is missing",
    "max_len": "max_len",
    "small_embedding": "does not run on its own vocabulary",
    "input_name": "inputs are",
    "output_name": "no output 'logits'",
}


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_bad_model_is_one_model_error(broken, name):
    path = broken[name]
    with pytest.raises(ModelError) as info:
        Model(path)
    msg = str(info.value)
    assert msg.startswith(f"{path}: ")
    assert EXPECT[name] in msg
    assert "\n" not in msg and len(msg) < 500
    assert isinstance(info.value, LogsplitError)


def test_good_model_facts(tiny_model_path):
    m = Model(tiny_model_path)
    assert m.labels == ("O", "D") and m.max_len == 256
    assert m.sizes == {"embed": 16, "units": 32, "layers": 1}
    assert m.training["epochs"] == 0 and m.evaluation == {"val_char_accuracy": 0.5}
    info = m.info()
    json.dumps(info)
    assert info["vocab_size"] == m.vocab.size and info["path"] == tiny_model_path


def test_delimiters_shape_and_padding_independence(tiny_model_path):
    m = Model(tiny_model_path)
    ids = m.vocab.encode("a b,c").astype(np.int32)
    one = m.delimiters(ids[None, :], np.array([5], np.int32))
    padded = np.zeros((2, 9), np.int32)
    padded[0, :5] = ids
    two = m.delimiters(padded, np.array([5, 0], np.int32))
    assert one.dtype == bool and one.shape == (1, 5)
    assert (two[0, :5] == one[0]).all()
    assert one[0].tolist() == [False, True, False, True, False]


def test_session_options(tiny_model_path):
    from logsplit import defaults

    m = Model(tiny_model_path)
    opts = m.session.get_session_options()
    assert opts.intra_op_num_threads == defaults.INTRA_OP_THREADS
    assert opts.inter_op_num_threads == 1
    spin = opts.get_session_config_entry("session.intra_op.allow_spinning")
    assert spin == ("1" if defaults.INTRA_OP_SPINNING else "0")
    assert m.session.get_providers() == ["CPUExecutionProvider"]


def test_default_model_path_points_at_models_folder():
    assert default_model_path().replace("\\", "/").endswith("logsplit.onnx")
