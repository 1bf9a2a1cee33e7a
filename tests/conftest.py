"""Fixtures shared by the unit tests: draw off-screen and close every figure."""

import matplotlib
import pytest

matplotlib.use("Agg")  # before pyplot is imported anywhere: no windows, works on CI

import matplotlib.pyplot as plt  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    """Each test starts with no open figures and leaves none behind."""
    yield
    plt.close("all")
