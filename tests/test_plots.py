"""helpers.plots: Russian labels and clear errors."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

from helpers import plots


def test_plot_history_draws_train_and_validation_with_russian_labels():
    history = {"loss": [0.9, 0.5, 0.3], "val_loss": [1.0, 0.7, 0.6], "accuracy": [0.6, 0.8, 0.9]}
    plots.plot_history(history)
    loss_ax, acc_ax = plt.gcf().axes
    assert loss_ax.get_xlabel() == "Эпоха" and loss_ax.get_title() == "Ошибка (loss)"
    assert [line.get_label() for line in loss_ax.lines] == [
        "обучающая выборка",
        "проверочная выборка",
    ]
    assert len(acc_ax.lines) == 1
    np.testing.assert_array_equal(loss_ax.lines[1].get_ydata(), [1.0, 0.7, 0.6])


def test_plot_history_rejects_wrong_input_in_russian():
    with pytest.raises(TypeError, match="ждёт результат model.fit"):
        plots.plot_history([0.1, 0.2])
    with pytest.raises(KeyError, match="нет метрики"):
        plots.plot_history({"loss": [1.0]}, metrics=["accuracy"])


def test_show_images_accepts_flat_vectors_and_names_classes():
    images = np.random.default_rng(0).integers(0, 255, (3, 784))
    plots.show_images(images, labels=[0, 2, 1], class_names=["ноль", "один", "два"], ncols=3)
    titles = [ax.get_title() for ax in plt.gcf().axes]
    assert titles == ["ноль", "два", "один"]


def test_show_images_rejects_odd_shapes():
    with pytest.raises(ValueError, match="не понимаю форму"):
        plots.show_images(np.zeros((2, 10)))
    with pytest.raises(ValueError, match="ждём картинки формы"):
        plots.show_images(np.zeros((2, 3, 4, 5)))


def test_show_model_without_graphviz_explains_and_falls_back(monkeypatch, capsys):
    import keras

    def no_graphviz(*args, **kwargs):
        raise ImportError("You must install graphviz")

    monkeypatch.setattr(keras.utils, "plot_model", no_graphviz)
    model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2)])
    assert plots.show_model(model) is None
    out = capsys.readouterr().out
    assert "Graphviz" in out and "apt install graphviz" in out and "Total params" in out


def test_confusion_matrix_counts_pairs_and_labels_axes_in_russian():
    matrix = plots.plot_confusion_matrix([0, 1, 1, 2, 2, 2], [0, 1, 2, 2, 2, 0], ["а", "б", "в"])
    np.testing.assert_array_equal(matrix, [[1, 0, 0], [0, 1, 1], [1, 0, 2]])
    ax = plt.gcf().axes[0]
    assert ax.get_xlabel() == "Предсказанный класс" and ax.get_ylabel() == "Верный класс"
    with pytest.raises(ValueError, match="ответов 2, а предсказаний 3"):
        plots.plot_confusion_matrix([0, 1], [0, 1, 1])
