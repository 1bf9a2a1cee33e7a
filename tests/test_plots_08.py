"""helpers.plots.compare_histories (lesson 08): several runs on one axes."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

from helpers import plots
from helpers.errors import CourseTypeError, CourseValueError


class FakeHistory:
    """What model.fit returns, as far as the plot cares: an object with .history."""

    def __init__(self, history):
        self.history = history


def test_validation_solid_training_dashed_one_colour_per_run():
    runs = {
        "база": {"accuracy": [0.5, 0.9, 1.0], "val_accuracy": [0.6, 0.8, 0.79]},
        "Dropout": FakeHistory({"accuracy": [0.4, 0.7], "val_accuracy": [0.55, 0.85]}),
    }
    ax = plots.compare_histories(runs)
    assert len(ax.lines) == 4
    base_val, base_train, drop_val, drop_train = ax.lines
    np.testing.assert_array_equal(base_val.get_ydata(), [0.6, 0.8, 0.79])
    np.testing.assert_array_equal(drop_train.get_xdata(), [1, 2])
    assert base_val.get_linestyle() == "-" and base_train.get_linestyle() == "--"
    assert base_val.get_color() == base_train.get_color() != drop_val.get_color()
    labels = [text.get_text() for text in ax.get_legend().get_texts()]
    assert labels == ["база", "Dropout", "проверочная выборка", "обучающая выборка"]
    assert ax.get_xlabel() == "Эпоха" and ax.get_ylabel() == "Точность (accuracy)"


def test_other_metric_and_runs_without_training_curve():
    ax = plots.compare_histories({"a": {"val_loss": [1.0, 0.5]}}, metric="loss", title="Потери")
    assert len(ax.lines) == 1 and ax.get_title() == "Потери"


def test_draws_on_given_axes():
    _, (left, right) = plt.subplots(1, 2)
    assert plots.compare_histories({"a": {"val_accuracy": [0.5]}}, ax=right) is right
    assert not left.lines and len(right.lines) == 1


def test_clear_russian_errors():
    with pytest.raises(CourseTypeError, match="непустой словарь"):
        plots.compare_histories([{"val_accuracy": [0.5]}])
    with pytest.raises(CourseValueError, match="непустой словарь"):
        plots.compare_histories({})
    with pytest.raises(CourseValueError, match="нет метрики val_accuracy"):
        plots.compare_histories({"без проверки": {"accuracy": [0.5]}})
    with pytest.raises(CourseTypeError, match="«metric»"):
        plots.compare_histories({"a": {"val_accuracy": [0.5]}}, metric=["accuracy"])
    assert not plt.get_fignums(), "a rejected call leaves no empty figure behind"


def test_a_bad_run_is_found_before_anything_is_drawn():
    runs = {"хороший": {"val_accuracy": [0.5, 0.6]}, "плохой": {"accuracy": [0.5]}}
    with pytest.raises(CourseValueError, match="«histories\\['плохой'\\]»"):
        plots.compare_histories(runs)
    assert not plt.get_fignums()
