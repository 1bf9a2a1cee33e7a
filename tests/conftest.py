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
    """How many answers the homework checks and how many bad inputs the helpers were tried with."""
    from tests.bad_input_cases import TRIED as BAD_TRIED
    from tests.homework_cases import TRIED

    if BAD_TRIED:
        terminalreporter.section("bad inputs tried")
        terminalreporter.write_line(
            f"{sum(BAD_TRIED.values())} bad inputs over {len(BAD_TRIED)} public functions, classes "
            "and methods of helpers/"
        )

    if TRIED:
        terminalreporter.section("homework checks tried")
        for homework_id, tried in sorted(TRIED.items()):
            terminalreporter.write_line(
                f"{homework_id}: {tried['reference']} reference + {tried['also_right']} other right (✅), "
                f"{tried['wrong']} wrong (❌), {tried['placeholder']} placeholder (⏳)"
            )
