"""Which synthetic lines a training run trains, validates and reports on (no TensorFlow needed)."""
from logsplit_train import corpus
from logsplit_train.fit import TrainConfig, synthetic_sets


def _families(samples):
    return {s.source for s in samples}


def test_held_out_families_are_only_in_the_test_set():
    train, val, test = synthetic_sets(TrainConfig(synthetic=600, synthetic_val=200,
                                                  holdout=("logfmt", "zap")))
    assert _families(test) == {"logfmt", "zap"}
    assert not _families(train + val) & {"logfmt", "zap"}


def test_without_a_held_out_family_the_test_set_is_fresh_lines_of_every_family():
    train, val, test = synthetic_sets(TrainConfig(synthetic=len(corpus.names()) * 3,
                                                  synthetic_val=len(corpus.names()) * 2, holdout=()))
    assert _families(test) == _families(train) == set(corpus.names())
    assert not {s.text for s in test} & {s.text for s in train}


def test_the_recorded_command_names_every_non_default_option():
    from logsplit_train.fit import cfg_command
    assert cfg_command(TrainConfig(out="m.onnx")) == "logsplit-train --out m.onnx"
    cmd = cfg_command(TrainConfig(data=["d/"], out="m.onnx", holdout=(), synthetic=10,
                                  init="a.onnx"))
    assert cmd == "logsplit-train d/ --out m.onnx --synthetic 10 --init a.onnx --holdout ''"
    assert cfg_command(TrainConfig(holdout=("zap", "rails"))).endswith("--holdout zap,rails")
    assert cfg_command(TrainConfig(out="m.onnx", schedule="cosine")) == \
        "logsplit-train --out m.onnx --schedule cosine"
