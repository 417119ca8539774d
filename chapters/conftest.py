"""The chapters under pytest (nbval) run their checks in strict mode.

With ``MLP_CHECKS_STRICT=1`` (inherited by each notebook's kernel) a check that does not
pass raises ``AssertionError`` after printing its line, so a chapter whose solution
fails its own check fails its test. Together with tests/test_edition.py, which shows
that filling the student edition's stubs with the solutions gives the chapter's code
back, this is the round trip: filled in with the solutions, every check passes.
"""

import os

import pytest


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    os.environ["MLP_CHECKS_STRICT"] = "1"  # before nbval starts the kernel


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item, nextitem):
    os.environ.pop("MLP_CHECKS_STRICT", None)
