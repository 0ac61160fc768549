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
