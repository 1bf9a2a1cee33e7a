"""Tests of the optimizer-trajectory helpers in helpers.plots (lesson 04_optimizers)."""

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from keras import ops

from helpers import plots
from helpers.errors import CourseTypeError, CourseValueError


def bowl(x, y):
    """A round convex bowl with its minimum 0 at (0, 0)."""
    return x**2 + y**2


def bumpy(x, y):
    """Many local minima, written with keras.ops so that gradients flow."""
    return (x**2 + y**2) / 10 - ops.cos(3 * x) * ops.cos(3 * y)


START = (3.0, -2.0)


@pytest.mark.parametrize("name", plots.OPTIMIZER_NAMES)
def test_every_optimizer_goes_down_a_convex_bowl(name):
    path = plots.optimizer_path(bowl, START, name, steps=200, learning_rate=0.2)
    start_loss = float(bowl(*path[0]))
    final_loss = float(bowl(*path[-1]))
    assert start_loss == pytest.approx(13.0)
    assert np.all(np.isfinite(path))
    assert final_loss < start_loss / 100, f"{name}: {start_loss} -> {final_loss}"


@pytest.mark.parametrize("steps", [0, 1, 7])
def test_path_has_steps_plus_one_points_starting_at_start(steps):
    path = plots.optimizer_path(bowl, START, "Adam", steps=steps, learning_rate=0.1)
    assert path.shape == (steps + 1, 2)
    np.testing.assert_allclose(path[0], START)


def test_plain_sgd_follows_the_textbook_formula():
    # On x² + y² the gradient is 2w, so w ← w − 0.1·2w = 0.8·w at every step.
    path = plots.optimizer_path(bowl, START, "sgd", steps=5, learning_rate=0.1)
    expected = np.array(START) * 0.8 ** np.arange(6)[:, None]
    np.testing.assert_allclose(path, expected, rtol=1e-5)


def test_a_ready_keras_optimizer_is_used_as_is():
    import keras

    optimizer = keras.optimizers.SGD(learning_rate=0.25)
    path = plots.optimizer_path(bowl, START, optimizer, steps=1, learning_rate=99.0)
    np.testing.assert_allclose(path[1], np.array(START) * 0.5, rtol=1e-6)
    assert int(optimizer.iterations.numpy()) == 1


def test_the_names_keep_the_lecture_arguments():
    configs = {name: plots.make_optimizer(name, 0.01).get_config() for name in plots.OPTIMIZER_NAMES}
    assert configs["SGD"]["momentum"] == 0.0
    assert configs["Momentum"]["momentum"] == pytest.approx(0.9)
    assert configs["Momentum"]["nesterov"] is False
    assert configs["Nesterov"]["nesterov"] is True
    assert configs["RMSprop"]["rho"] == pytest.approx(0.9)
    assert (configs["Adam"]["beta_1"], configs["Adam"]["beta_2"]) == (0.9, 0.999)
    assert configs["Adam"]["amsgrad"] is False
    for name, config in configs.items():
        assert config["learning_rate"] == pytest.approx(0.01), name


def test_names_ignore_case():
    assert plots.make_optimizer("rmsProp", 0.01).get_config()["name"].startswith("rm")


def test_unknown_name_gives_a_russian_error_with_the_choices():
    with pytest.raises(CourseValueError, match="«optimizer» — строка 'Adamax'") as error:
        plots.optimizer_path(bowl, START, "Adamax", steps=3)
    for name in plots.OPTIMIZER_NAMES:
        assert name in str(error.value)
    with pytest.raises(CourseValueError, match="«name» — строка 'Adamax'"):
        plots.make_optimizer("Adamax", 0.1)


def test_make_optimizer_checks_the_learning_rate():
    with pytest.raises(CourseValueError, match="«learning_rate»"):
        plots.make_optimizer("Adam", 0)
    with pytest.raises(CourseTypeError, match="уберите кавычки"):
        plots.make_optimizer("Adam", "0.1")


def test_numpy_loss_gives_a_russian_hint():
    with pytest.raises(CourseValueError, match="keras.ops") as error:
        plots.optimizer_path(lambda x, y: np.cos(x) + y**2, START, "SGD", steps=2)
    assert error.value.__cause__ is None


def test_bad_start_and_steps_are_explained():
    with pytest.raises(CourseValueError, match="двух чисел"):
        plots.optimizer_path(bowl, (1.0, 2.0, 3.0), "SGD", steps=2)
    with pytest.raises(CourseValueError, match="«steps»"):
        plots.optimizer_path(bowl, START, "SGD", steps=-1)
    with pytest.raises(CourseTypeError, match="«steps»"):
        plots.optimizer_path(bowl, START, "SGD", steps=2.5)


def test_a_used_optimizer_is_refused_with_a_hint():
    import keras

    optimizer = keras.optimizers.Adam(learning_rate=0.1)
    plots.optimizer_path(bowl, START, optimizer, steps=1)
    with pytest.raises(CourseValueError, match="создайте новый"):
        plots.optimizer_path(bowl, START, optimizer, steps=1)


def test_momentum_rolls_further_than_sgd_on_a_bumpy_surface():
    # The lesson's picture: plain SGD stops in the nearest pit, momentum rolls on.
    start = (-4.0, 3.5)
    sgd = plots.optimizer_path(bumpy, start, "SGD", steps=100, learning_rate=0.1)
    momentum = plots.optimizer_path(bumpy, start, "Momentum", steps=100, learning_rate=0.1)
    assert float(bumpy(*momentum[-1])) < float(bumpy(*sgd[-1])) - 0.5


def test_plot_draws_one_line_and_one_end_mark_per_path():
    paths = {
        "SGD": plots.optimizer_path(bowl, START, "SGD", steps=10, learning_rate=0.1),
        "Adam": plots.optimizer_path(bowl, START, "Adam", steps=10, learning_rate=0.1),
    }
    fig, ax = plt.subplots()
    returned = plots.plot_trajectories(bowl, paths, (-4, 4), (-3, 3), title="Чаша", ax=ax)
    assert returned is ax
    assert ax.get_title() == "Чаша"
    labels = [text.get_text() for text in ax.get_legend().get_texts()]
    assert labels == ["SGD", "Adam", "старт"]
    assert len(ax.lines) == 2 * len(paths) + 1  # path + end mark each, and the start star
    np.testing.assert_allclose(ax.lines[0].get_xydata(), paths["SGD"])
    assert ax.get_xlim() == (-4, 4)
    plt.close(fig)


def test_plot_rejects_bad_paths_in_russian():
    fig, ax = plt.subplots()
    with pytest.raises(CourseTypeError, match="«paths».*словарь"):
        plots.plot_trajectories(bowl, [np.zeros((3, 2))], (-1, 1), (-1, 1), ax=ax)
    with pytest.raises(CourseValueError, match="форму \\(n, 2\\)"):
        plots.plot_trajectories(bowl, {"SGD": np.zeros((3, 3))}, (-1, 1), (-1, 1), ax=ax)
    with pytest.raises(CourseTypeError, match="«xlim».*пара чисел"):
        plots.plot_trajectories(bowl, {}, 1, (-1, 1), ax=ax)
    with pytest.raises(CourseValueError, match="«ylim».*сначала меньшее"):
        plots.plot_trajectories(bowl, {}, (-1, 1), (1, -1), ax=ax)
    assert not ax.lines and not ax.collections, "nothing is drawn before the arguments are checked"
    plt.close(fig)


def test_the_surface_alone_and_diverged_paths_are_fine():
    fig, ax = plt.subplots()
    plots.plot_trajectories(bowl, {}, (-1, 1), (-1, 1), ax=ax)
    diverged = np.array([[0.5, 0.5], [3.0, -3.0], [np.inf, np.nan]])
    plots.plot_trajectories(bowl, {"SGD, lr=3": diverged}, (-1, 1), (-1, 1), ax=ax)
    plt.close(fig)
