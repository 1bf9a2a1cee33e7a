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


def pytest_terminal_summary(terminalreporter):
    """How many reference, wrong and placeholder answers the homework checks were tried with."""
    from tests.homework_cases import TRIED

    if TRIED:
        terminalreporter.section("homework checks tried")
        for homework_id, tried in sorted(TRIED.items()):
            terminalreporter.write_line(
                f"{homework_id}: {tried['reference']} reference + {tried['also_right']} other right (✅), "
                f"{tried['wrong']} wrong (❌), {tried['placeholder']} placeholder (⏳)"
            )
