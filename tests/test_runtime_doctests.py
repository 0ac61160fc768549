"""The examples in the runtime modules' docstrings run and hold."""
import doctest
import importlib

import pytest

MODULES = ["logsplit.errors", "logsplit.batching", "logsplit.reader", "logsplit.windows",
           "logsplit.splitter", "logsplit.render", "logsplit.model", "logsplit.cli",
           "logsplit.fieldspans", "logsplit.marked", "logsplit.pairs", "logsplit.vocab",
           "logsplit.route", "logsplit"]


@pytest.mark.parametrize("name", MODULES)
def test_runtime_doctests(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
