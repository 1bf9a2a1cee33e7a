"""Plots with Russian labels and one look for the whole course.

Introduced in 00_setup; lessons add their own plots here as the course grows.
"""

import math
import tempfile
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

STYLE = {
    "figure.figsize": (8, 4),
    "figure.dpi": 100,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
}

# How Keras metric names read in Russian.
METRIC_NAMES = {
    "loss": "Ошибка (loss)",
    "accuracy": "Точность (accuracy)",
    "mae": "Средняя абсолютная ошибка (MAE)",
    "mse": "Среднеквадратичная ошибка (MSE)",
}


def use_course_style():
    """Apply the course's matplotlib look. Introduced in 00_setup (called by course.setup)."""
    plt.rcParams.update(STYLE)


def plot_history(history, metrics=None, title=None):
    """Training curves of `model.fit`: one panel per metric, training vs validation.

    Introduced in 00_setup. `history` is what `fit` returns or its `.history` dict.
    """
    logs = getattr(history, "history", history)
    if not isinstance(logs, dict) or not logs:
        raise TypeError(
            "plot_history ждёт результат model.fit(...) или словарь history.history, "
            f"а получила {type(history).__name__}."
        )
    if metrics is None:
        metrics = [name for name in logs if not name.startswith("val_")]
    fig, axes = plt.subplots(1, len(metrics), figsize=(5 * len(metrics), 3.8), squeeze=False)
    for ax, name in zip(axes[0], metrics, strict=True):
        if name not in logs:
            raise KeyError(f"В истории обучения нет метрики «{name}». Есть: {', '.join(logs)}.")
        epochs = np.arange(1, len(logs[name]) + 1)
        ax.plot(epochs, logs[name], marker="o", label="обучающая выборка")
        if f"val_{name}" in logs:
            ax.plot(epochs, logs[f"val_{name}"], marker="o", label="проверочная выборка")
        ax.set_title(METRIC_NAMES.get(name, name))
        ax.set_xlabel("Эпоха")
        ax.set_ylabel(METRIC_NAMES.get(name, name))
        ax.legend()
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    plt.show()


def show_images(images, labels=None, class_names=None, ncols=10, title=None, size=1.3):
    """A grid of grayscale images with their labels as captions. Introduced in 00_setup.

    `images` has shape (n, height, width) or (n, height * width) for square images.
    """
    images = np.asarray(images)
    if images.ndim == 2:
        side = math.isqrt(images.shape[1])
        if side * side != images.shape[1]:
            raise ValueError(
                f"show_images: не понимаю форму {images.shape}. Передайте картинки формы "
                "(n, высота, ширина) или (n, сторона·сторона)."
            )
        images = images.reshape(-1, side, side)
    if images.ndim == 4 and images.shape[-1] == 1:
        images = images[..., 0]
    if images.ndim != 3:
        raise ValueError(
            f"show_images: ждём картинки формы (n, высота, ширина), а пришла {images.shape}."
        )
    nrows = math.ceil(len(images) / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(size * ncols, size * nrows * 1.15))
    for i, ax in enumerate(np.ravel(axes)):
        ax.axis("off")
        if i >= len(images):
            continue
        ax.imshow(images[i], cmap="gray")
        if labels is not None:
            label = labels[i]
            ax.set_title(class_names[label] if class_names else str(label), fontsize=9)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    plt.show()


def show_model(model, show_shapes=True):
    """Draw the model's graph with keras.utils.plot_model. Introduced in 00_setup.

    Without pydot or Graphviz prints how to install them and shows `summary()` instead.
    """
    import keras

    try:
        picture = Path(tempfile.gettempdir()) / "course_model_plot.png"
        return keras.utils.plot_model(model, show_shapes=show_shapes, to_file=str(picture), dpi=70)
    except ImportError as error:
        print(
            "Схему модели нарисовать не получилось: для keras.utils.plot_model нужны пакет pydot "
            "и программа Graphviz (dot). Установите их: `pip install pydot` и "
            "`sudo apt install graphviz` (Linux), `brew install graphviz` (macOS) или "
            "`conda install graphviz` (Windows). Пока вместо схемы — таблица слоёв.\n"
            f"(Подробности: {error})"
        )
        model.summary()
        return None
