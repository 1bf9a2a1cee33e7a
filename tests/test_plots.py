"""helpers.plots: Russian labels and clear errors."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

from helpers import plots
from helpers.errors import CourseTypeError, CourseValueError


def test_plot_history_draws_train_and_validation_with_russian_labels():
    history = {"loss": [0.9, 0.5, 0.3], "val_loss": [1.0, 0.7, 0.6], "accuracy": [0.6, 0.8, 0.9]}
    plots.plot_history(history)
    loss_ax, acc_ax = plt.gcf().axes
    assert loss_ax.get_xlabel() == "Эпоха" and loss_ax.get_title() == "Потери (loss)"
    assert [line.get_label() for line in loss_ax.lines] == [
        "обучающая выборка",
        "проверочная выборка",
    ]
    assert len(acc_ax.lines) == 1
    np.testing.assert_array_equal(loss_ax.lines[1].get_ydata(), [1.0, 0.7, 0.6])


def test_plot_history_takes_one_metric_by_name():
    history = {"loss": [0.9, 0.5], "val_loss": [1.0, 0.7], "accuracy": [0.6, 0.8]}
    plots.plot_history(history, metrics="loss")
    [ax] = plt.gcf().axes
    assert ax.get_title() == "Потери (loss)" and len(ax.lines) == 2


def test_plot_history_accepts_a_keras_history_and_the_scratch_dict():
    class FakeHistory:
        history = {"loss": [0.9, 0.5], "val_loss": [1.0, 0.7]}

    plots.plot_history(FakeHistory(), title="Keras")
    assert len(plt.gcf().axes) == 1
    scratch = {"epoch": [1, 2], "loss": [0.9, 0.5], "val_loss": [1.0, 0.7], "seconds": [1.0, 1.1]}
    plots.plot_history(scratch, metrics=["loss"])
    assert len(plt.gcf().axes) == 1


def test_plot_history_rejects_wrong_input_in_russian():
    with pytest.raises(CourseTypeError, match="«history»"):
        plots.plot_history([0.1, 0.2])
    with pytest.raises(CourseValueError, match="нет метрики «accuracy»"):
        plots.plot_history({"loss": [1.0]}, metrics=["accuracy"])
    with pytest.raises(CourseValueError, match="«metrics»"):
        plots.plot_history({"loss": [1.0]}, metrics=[])
    assert not plt.get_fignums(), "no figure may be left behind by a rejected call"


def test_show_images_accepts_flat_vectors_and_names_classes():
    images = np.random.default_rng(0).integers(0, 255, (3, 784))
    plots.show_images(images, labels=[0, 2, 1], class_names=["ноль", "один", "два"], ncols=3)
    titles = [ax.get_title() for ax in plt.gcf().axes]
    assert titles == ["ноль", "два", "один"]


@pytest.mark.parametrize("shape", [(4, 28, 28), (4, 784), (4, 28, 28, 1), (4, 8, 8)])
def test_show_images_accepts_the_lessons_shapes(shape):
    plots.show_images(np.zeros(shape, dtype="uint8"), np.arange(4, dtype="uint8"), ncols=4)
    axes = plt.gcf().axes
    assert [ax.get_title() for ax in axes] == ["0", "1", "2", "3"]
    expected = (28, 28) if len(shape) == 2 else shape[1:3]
    assert axes[0].images[0].get_array().shape == expected


def test_show_images_takes_ready_captions():
    plots.show_images([np.zeros((5, 5)), np.ones((5, 5))], ["оригинал", "копия 1"], ncols=2)
    assert [ax.get_title() for ax in plt.gcf().axes] == ["оригинал", "копия 1"]


def test_show_images_rejects_odd_shapes():
    with pytest.raises(CourseValueError, match="одна картинка 2×10"):
        plots.show_images(np.zeros((2, 10)))
    with pytest.raises(CourseValueError, match=r"одна картинка 16×16.*images\[None\]"):
        plots.show_images(np.random.default_rng(0).random((16, 16)))
    with pytest.raises(CourseValueError, match="форме \\(n, высота, ширина\\)"):
        plots.show_images(np.zeros((2, 3, 4, 5)))
    assert not plt.get_fignums()


def test_show_images_rejects_labels_that_do_not_fit():
    images = np.zeros((3, 28, 28))
    with pytest.raises(CourseValueError, match="argmax"):
        plots.show_images(images, np.eye(3), class_names=["а", "б", "в"])
    with pytest.raises(CourseValueError, match="до 2, а встретилось 3"):
        plots.show_images(images, [0, 1, 3], class_names=["а", "б", "в"])
    with pytest.raises(CourseValueError, match="картинок 3, а подписей 2"):
        plots.show_images(images, [0, 1])


def tiny_model():
    import keras

    return keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2)])


def test_show_model_draws_with_the_installed_graphviz(capsys):
    import shutil

    pytest.importorskip("pydot")
    if shutil.which("dot") is None:
        pytest.skip("Graphviz (dot) is not installed here")
    picture = plots.show_model(tiny_model())
    assert picture is not None and picture.data.startswith(b"\x89PNG")
    assert capsys.readouterr().out == ""


def test_show_model_without_graphviz_explains_and_falls_back(monkeypatch, capsys):
    import keras

    def no_graphviz(*args, **kwargs):
        raise ImportError("You must install graphviz")

    monkeypatch.setattr(keras.utils, "plot_model", no_graphviz)
    assert plots.show_model(tiny_model()) is None
    out = capsys.readouterr().out
    assert "Graphviz" in out and "apt install graphviz" in out and "Total params" in out
    assert "You must" not in out


@pytest.mark.parametrize("how", ["no dot on PATH", "no pydot", "plot_model returns None"])
def test_show_model_finds_missing_graphviz_itself(how, monkeypatch, capsys, tmp_path):
    import sys

    import keras

    if how == "no dot on PATH":
        monkeypatch.setenv("PATH", str(tmp_path))
    elif how == "no pydot":
        monkeypatch.setitem(sys.modules, "pydot", None)
    else:  # what Keras does in a notebook after %who: an English notice, no error

        def prints_and_returns_none(*args, **kwargs):
            print("You must install graphviz (see instructions at https://graphviz.gitlab.io/download/)")

        monkeypatch.setattr(keras.utils, "plot_model", prints_and_returns_none)
    assert plots.show_model(tiny_model()) is None
    out = capsys.readouterr().out
    assert out.count("Схему модели нарисовать не получилось") == 1 and "Total params" in out
    assert "You must" not in out


def test_show_model_rejects_what_is_not_a_built_model():
    import keras

    with pytest.raises(CourseTypeError, match="«model»"):
        plots.show_model("model")
    with pytest.raises(CourseValueError, match="keras.Input"):
        plots.show_model(keras.Sequential([keras.layers.Dense(2)]))


def test_confusion_matrix_counts_pairs_and_labels_axes_in_russian():
    matrix = plots.plot_confusion_matrix([0, 1, 1, 2, 2, 2], [0, 1, 2, 2, 2, 0], ["а", "б", "в"])
    np.testing.assert_array_equal(matrix, [[1, 0, 0], [0, 1, 1], [1, 0, 2]])
    ax = plt.gcf().axes[0]
    assert ax.get_xlabel() == "Предсказанный класс" and ax.get_ylabel() == "Верный класс"
    with pytest.raises(CourseValueError, match="ответов 2, а предсказаний 3"):
        plots.plot_confusion_matrix([0, 1], [0, 1, 1])


def test_confusion_matrix_takes_uint8_and_column_labels():
    y_true = np.array([0, 1, 2, 2], dtype="uint8")
    matrix = plots.plot_confusion_matrix(y_true, np.array([[0], [1], [1], [2]]))
    np.testing.assert_array_equal(matrix, [[1, 0, 0], [0, 1, 0], [0, 1, 1]])


@pytest.mark.parametrize(
    ("y_true", "y_pred", "names", "message"),
    [
        ([0, 1, -1], [0, 1, 1], None, "встретилось -1"),
        ([0, 1, 3], [0, 1, 1], ["а", "б", "в"], "до 2, а встретилось 3"),
        (np.eye(3), [0, 1, 2], None, "argmax"),
        ([0, 1, 2], [0.2, 0.9, 1.5], None, "argmax"),
    ],
)
def test_confusion_matrix_never_counts_a_wrong_label_silently(y_true, y_pred, names, message):
    with pytest.raises(CourseValueError, match=message):
        plots.plot_confusion_matrix(y_true, y_pred, names)
    assert not plt.get_fignums()
