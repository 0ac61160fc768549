"""Project-wide pytest options: slow tests (real training, real model, whole-process CLI runs)
are skipped by default so a plain `pytest` stays within a few minutes; `--runslow` (what CI
and the README's test command use) runs everything."""
import pytest


def pytest_addoption(parser):
    parser.addoption("--runslow", action="store_true", default=False,
                     help="also run tests marked slow (CI does)")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--runslow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --runslow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
