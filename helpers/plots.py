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
    height = (size + 0.3) * nrows + (0.4 if title else 0)  # room for captions and the title
    fig, axes = plt.subplots(nrows, ncols, figsize=(size * ncols, height), layout="constrained")
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


def plot_confusion_matrix(y_true, y_pred, class_names=None, title="Матрица ошибок"):
    """Counts of (true class, predicted class) pairs as a heat map. Introduced in 07_mnist_dense.

    `y_true` and `y_pred` are class numbers (use `argmax(axis=1)` on one-hot or probabilities).
    Returns the matrix: rows are true classes, columns are predictions.
    """
    y_true, y_pred = np.asarray(y_true).ravel(), np.asarray(y_pred).ravel()
    if y_true.shape != y_pred.shape:
        raise ValueError(
            f"plot_confusion_matrix: ответов {y_true.size}, а предсказаний {y_pred.size}. "
            "Передайте номера классов одинаковой длины (например, argmax(axis=1))."
        )
    n = len(class_names) if class_names else int(max(y_true.max(), y_pred.max())) + 1
    matrix = np.zeros((n, n), dtype=int)
    np.add.at(matrix, (y_true, y_pred), 1)
    names = class_names or [str(i) for i in range(n)]
    fig, ax = plt.subplots(figsize=(0.6 * n + 3, 0.6 * n + 2.5))
    ax.imshow(matrix, cmap="Blues")
    ax.grid(False)
    for (row, col), count in np.ndenumerate(matrix):
        color = "white" if count > matrix.max() / 2 else "black"
        ax.text(col, row, count, ha="center", va="center", fontsize=8, color=color)
    ax.set_xticks(range(n), names, rotation=45, ha="right")
    ax.set_yticks(range(n), names)
    ax.set_xlabel("Предсказанный класс")
    ax.set_ylabel("Верный класс")
    ax.set_title(title)
    fig.tight_layout()
    plt.show()
    return matrix


# --- Optimizer trajectories: introduced in 04_optimizers ---

OPTIMIZER_NAMES = ("SGD", "Momentum", "Nesterov", "Adagrad", "RMSprop", "Adam")


def make_optimizer(name, learning_rate):
    """A fresh Keras optimizer by its name in the course. Introduced in 04_optimizers.

    Names (case does not matter): SGD, Momentum, Nesterov, Adagrad, RMSprop, Adam.
    Everything but the learning rate keeps the lecture's values: momentum=0.9,
    rho=0.9, beta_1=0.9, beta_2=0.999, amsgrad=False.
    """
    import keras

    lr = learning_rate
    builders = {
        "sgd": lambda: keras.optimizers.SGD(learning_rate=lr),
        "momentum": lambda: keras.optimizers.SGD(learning_rate=lr, momentum=0.9),
        "nesterov": lambda: keras.optimizers.SGD(learning_rate=lr, momentum=0.9, nesterov=True),
        "adagrad": lambda: keras.optimizers.Adagrad(learning_rate=lr),
        "rmsprop": lambda: keras.optimizers.RMSprop(learning_rate=lr, rho=0.9),
        "adam": lambda: keras.optimizers.Adam(
            learning_rate=lr, beta_1=0.9, beta_2=0.999, amsgrad=False
        ),
    }
    key = str(name).lower()
    if key not in builders:
        raise ValueError(
            f"Не знаю оптимизатор «{name}». Выберите один из: {', '.join(OPTIMIZER_NAMES)}."
        )
    return builders[key]()


def optimizer_path(loss_fn, start, optimizer, steps, learning_rate=0.01):
    """Walk down the surface `loss_fn(x, y)` with a Keras optimizer; return the points.

    Introduced in 04_optimizers. The point (x, y) is a tf.Variable; each step takes
    the gradient with tf.GradientTape and calls `optimizer.apply_gradients`, exactly
    as `model.fit` does with a model's weights. `optimizer` is a name for
    make_optimizer (then `learning_rate` is used) or a fresh keras optimizer.
    `loss_fn` must be written with keras.ops / TensorFlow operations.
    Returns a NumPy array of shape (steps + 1, 2): the start and every step.
    """
    import tensorflow as tf

    start = np.asarray(start, dtype="float32")
    if start.shape != (2,):
        raise ValueError(
            f"optimizer_path: начальная точка должна состоять из двух чисел (x, y), "
            f"а пришло {start.tolist()}."
        )
    if int(steps) != steps or steps < 0:
        raise ValueError(f"optimizer_path: число шагов должно быть целым и ≥ 0, а не {steps}.")
    if isinstance(optimizer, str):
        optimizer = make_optimizer(optimizer, learning_rate)
    point = tf.Variable(start)
    if not optimizer.built:
        optimizer.build([point])

    no_gradient = ValueError(
        "optimizer_path: у loss_fn не получается взять градиент. Запишите её через keras.ops "
        "(ops.cos, ops.exp, …) или tf.*, а не через NumPy (np.cos и т. п.) и не через числа Python."
    )

    @tf.function(autograph=False)  # compiled into a graph once: about ten times faster
    def step():
        with tf.GradientTape() as tape:
            try:
                loss = loss_fn(point[0], point[1])
            except (NotImplementedError, TypeError, AttributeError) as error:
                raise no_gradient from error
        gradient = tape.gradient(loss, point) if tf.is_tensor(loss) else None
        if gradient is None:
            raise no_gradient
        optimizer.apply_gradients([(gradient, point)])

    path = [point.numpy()]
    for _ in range(int(steps)):
        step()
        path.append(point.numpy())
    return np.array(path)


def plot_trajectories(loss_fn, paths, xlim, ylim, title=None, ax=None):
    """Contour map of `loss_fn(x, y)` with optimizer paths over it. Introduced in 04_optimizers.

    `paths` maps a legend label to an array of points of shape (n, 2), e.g. what
    optimizer_path returns. Draws on `ax` when given (for panels side by side);
    otherwise makes its own figure and shows it. Returns the axes.
    """
    if not isinstance(paths, dict):
        raise TypeError(
            "plot_trajectories ждёт словарь {подпись: массив точек формы (n, 2)}, "
            f"а получила {type(paths).__name__}."
        )
    grid_x, grid_y = np.meshgrid(
        np.linspace(*xlim, 200, dtype="float32"), np.linspace(*ylim, 200, dtype="float32")
    )
    heights = np.asarray(loss_fn(grid_x, grid_y))
    own_figure = ax is None
    if own_figure:
        _, ax = plt.subplots(figsize=(6, 5))
    ax.contourf(grid_x, grid_y, heights, levels=30, cmap="Greys_r", alpha=0.55)
    ax.contour(grid_x, grid_y, heights, levels=15, colors="grey", linewidths=0.5, alpha=0.7)
    for label, points in paths.items():
        points = np.asarray(points)
        if points.ndim != 2 or points.shape[1] != 2:
            raise ValueError(
                f"Путь «{label}» должен иметь форму (n, 2), а у него форма {points.shape}."
            )
        (line,) = ax.plot(points[:, 0], points[:, 1], "-o", markersize=2, label=label)
        ax.plot(*points[-1], "X", color=line.get_color(), markersize=9)  # where it stopped
    if paths:
        ax.plot(*np.asarray(next(iter(paths.values())))[0], "k*", markersize=14, label="старт")
    ax.set_xlim(xlim)
    ax.set_ylim(ylim)
    ax.set_xlabel("вес $w_1$")
    ax.set_ylabel("вес $w_2$")
    ax.grid(False)
    if title:
        ax.set_title(title)
    if paths:
        ax.legend(fontsize=8, loc="lower right")
    if own_figure:
        plt.tight_layout()
        plt.show()
    return ax


def draw_network(layer_sizes, layer_names=None, title=None):
    """Draw a fully connected network: neurons as circles, weights as lines.

    Introduced in 01_neural_networks_basics. `layer_sizes` lists the neurons of each
    layer, inputs first, e.g. ``[2, 3, 1]``; `layer_names` are the captions under the
    layers (by default «вход», «скрытый слой», «выход»). Returns the figure.
    """
    sizes = list(layer_sizes)
    if len(sizes) < 2 or not all(isinstance(n, (int, np.integer)) and n > 0 for n in sizes):
        raise ValueError(
            "draw_network ждёт список из двух и более целых положительных чисел — "
            f"число нейронов в каждом слое, например [2, 3, 1]; получено {layer_sizes!r}."
        )
    if layer_names is None:
        layer_names = ["вход", *["скрытый слой"] * (len(sizes) - 2), "выход"]
    if len(layer_names) != len(sizes):
        raise ValueError(
            f"Подписей слоёв {len(layer_names)}, а слоёв {len(sizes)}: "
            "передайте по одной подписи на каждый слой."
        )
    tallest = max(sizes)
    fig, ax = plt.subplots(figsize=(2.2 * len(sizes), 0.9 * tallest + 0.9))
    # Neuron j of a layer with n neurons sits at height j - (n - 1) / 2: layers are centred.
    points = [[(i, j - (n - 1) / 2) for j in range(n)] for i, n in enumerate(sizes)]
    for left, right in zip(points[:-1], points[1:], strict=True):
        for x0, y0 in left:
            for x1, y1 in right:
                ax.plot([x0, x1], [y0, y1], color="grey", lw=0.8, zorder=1)
    for i, layer in enumerate(points):
        for x, y in layer:
            ax.add_patch(plt.Circle((x, y), 0.18, facecolor=f"C{min(i, 2)}", zorder=2))
        ax.text(i, -(tallest - 1) / 2 - 0.35, layer_names[i], ha="center", va="top")
    ax.set_xlim(-0.5, len(sizes) - 0.5)
    ax.set_ylim(-(tallest - 1) / 2 - 0.75, (tallest - 1) / 2 + 0.5)
    ax.set_aspect("equal")
    ax.axis("off")
    if title:
        ax.set_title(title)
    fig.tight_layout()
    plt.show()
    return fig


def plot_decision_boundary(
    predict,
    x,
    y,
    class_names=("класс 0", "класс 1"),
    ax=None,
    title=None,
    xlabel="признак x₁",
    ylabel="признак x₂",
    xlim=None,
    ylim=None,
    resolution=200,
):
    """Two-class points in the plane and the line where the model's answer flips.

    Introduced in 06_bias_neuron. `predict` turns an (n, 2) array into n
    probabilities of class 1: a Keras model (called as predict(..., verbose=0))
    or any function. The plane is shaded by the predicted class; the boundary,
    where the probability is 0.5, is a black line. Without `ax` a new figure is
    drawn and shown; with `ax` the caller shows it. Returns the axes.
    """
    from matplotlib.lines import Line2D

    x = np.asarray(x, dtype=float)
    y = np.asarray(y).reshape(-1)
    if x.ndim != 2 or x.shape[1] != 2:
        raise ValueError(
            "plot_decision_boundary: точки x должны иметь форму (n, 2) — два признака "
            f"на объект, а пришла форма {x.shape}."
        )
    if len(y) != len(x):
        raise ValueError(
            f"plot_decision_boundary: меток y {len(y)}, а точек {len(x)}. "
            "Нужна ровно одна метка (0 или 1) на каждую точку."
        )
    if not np.isin(y, (0, 1)).all():
        raise ValueError(
            "plot_decision_boundary: метки y должны быть 0 или 1, а встретились "
            f"{sorted(set(y.tolist()) - {0, 1})}."
        )

    def padded(values):
        margin = 0.1 * (values.max() - values.min()) or 1.0
        return values.min() - margin, values.max() + margin

    xlim = xlim or padded(x[:, 0])
    ylim = ylim or padded(x[:, 1])
    gx, gy = np.meshgrid(np.linspace(*xlim, resolution), np.linspace(*ylim, resolution))
    grid = np.column_stack([gx.ravel(), gy.ravel()]).astype("float32")
    if hasattr(predict, "predict"):  # a Keras model: big batches, no progress bar
        probs = predict.predict(grid, batch_size=4096, verbose=0)
    else:
        probs = predict(grid)
    probs = np.asarray(probs, dtype=float).reshape(-1)
    if probs.size != len(grid):
        raise ValueError(
            f"plot_decision_boundary: predict вернула {probs.size} чисел на {len(grid)} точек. "
            "Нужна одна вероятность класса 1 на каждую точку (выход Dense(1, activation='sigmoid'))."
        )
    if probs.min() < 0 or probs.max() > 1:
        raise ValueError(
            "plot_decision_boundary: predict вернула числа вне отрезка [0, 1] — похоже, это логиты. "
            "Примените к ним sigmoid или добавьте activation='sigmoid' в последний слой."
        )
    probs = probs.reshape(gx.shape)

    show = ax is None
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 5))
    ax.contourf(gx, gy, probs, levels=[0, 0.5, 1], colors=["C0", "C1"], alpha=0.15)
    handles = []
    for label in (0, 1):
        points = x[y == label]
        handles.append(
            ax.scatter(points[:, 0], points[:, 1], s=20, color=f"C{label}", edgecolors="white",
                       linewidths=0.5, label=class_names[label])
        )
    if probs.min() < 0.5 < probs.max():  # otherwise the boundary is outside the picture
        ax.contour(gx, gy, probs, levels=[0.5], colors="black", linewidths=2)
        handles.append(Line2D([], [], color="black", linewidth=2, label="граница решений"))
    ax.set_xlim(xlim)
    ax.set_ylim(ylim)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    ax.legend(handles=handles, loc="upper left")
    if show:
        plt.show()
    return ax


def compare_histories(histories, metric="accuracy", title=None, ax=None):
    """Several training runs on one axes: validation solid, training dashed, one colour per run.

    Introduced in 08_overfitting_regularization. `histories` maps a legend label to
    what `fit` returns (or its `.history` dict); every run must have `val_<metric>`.
    Without `ax` a new figure is drawn and shown; with `ax` the caller shows it.
    Returns the axes.
    """
    from matplotlib.lines import Line2D

    if not isinstance(histories, dict) or not histories:
        raise TypeError(
            "compare_histories ждёт непустой словарь {подпись: результат model.fit(...)}, "
            f"а получила {type(histories).__name__}."
        )
    show = ax is None
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 4.5))
    handles = []
    for i, (label, history) in enumerate(histories.items()):
        logs = getattr(history, "history", history)
        if f"val_{metric}" not in logs:
            raise KeyError(
                f"В истории «{label}» нет метрики val_{metric}: обучайте с validation_data=... "
                f"или validation_split=... Есть: {', '.join(logs)}."
            )
        color = f"C{i % 10}"
        epochs = np.arange(1, len(logs[f"val_{metric}"]) + 1)
        ax.plot(epochs, logs[f"val_{metric}"], color=color, lw=2)
        if metric in logs:
            ax.plot(epochs, logs[metric], color=color, lw=1, ls="--", alpha=0.7)
        handles.append(Line2D([], [], color=color, lw=2, label=label))
    handles += [
        Line2D([], [], color="black", lw=2, label="проверочная выборка"),
        Line2D([], [], color="black", lw=1, ls="--", label="обучающая выборка"),
    ]
    name = METRIC_NAMES.get(metric, metric)
    ax.set_xlabel("Эпоха")
    ax.set_ylabel(name)
    ax.set_title(title or name)
    ax.legend(handles=handles, fontsize=8, loc="best")
    if show:
        plt.tight_layout()
        plt.show()
    return ax
