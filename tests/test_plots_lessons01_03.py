"""helpers.plots.draw_network (lesson 01): what it draws and how it refuses bad input."""

import numpy as np
import pytest

from helpers import plots
from helpers.errors import CourseError


def test_draw_network_draws_every_neuron_and_every_weight():
    fig = plots.draw_network([2, 3, 1], title="Сеть 2 → 3 → 1")
    ax = fig.axes[0]
    assert len(ax.patches) == 2 + 3 + 1  # one circle per neuron
    assert len(ax.lines) == 2 * 3 + 3 * 1  # one line per weight
    assert [t.get_text() for t in ax.texts] == ["вход", "скрытый слой", "выход"]
    assert ax.get_title() == "Сеть 2 → 3 → 1"


def test_draw_network_centres_layers_and_accepts_numpy_sizes():
    fig = plots.draw_network(np.array([1, 3]), layer_names=["x", "y"])
    centres = sorted(p.center for p in fig.axes[0].patches)
    assert centres == [(0, 0.0), (1, -1.0), (1, 0.0), (1, 1.0)]
    assert [t.get_text() for t in fig.axes[0].texts] == ["x", "y"]


@pytest.mark.parametrize("sizes", [[3], [2, 0, 1], [2, 1.5], "23", 3, [784, 128, 10], [True, 2]])
def test_draw_network_rejects_bad_sizes_in_russian(sizes):
    with pytest.raises(CourseError, match="«layer_sizes».*число нейронов в каждом слое"):
        plots.draw_network(sizes)


def test_draw_network_wants_one_caption_per_layer():
    with pytest.raises(CourseError, match="«layer_names».*ровно одна подпись на каждый из 3"):
        plots.draw_network([2, 3, 1], layer_names=["вход", "выход"])
    with pytest.raises(CourseError, match="строка — это не список"):
        plots.draw_network([2, 1], layer_names="вход")
