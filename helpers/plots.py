"""Plots with Russian labels and one look for the whole course.

Introduced in 00_setup; lessons add their own plots here as the course grows.
Every public function checks its arguments before it draws anything and answers
a mistake with a ``CourseValueError`` or ``CourseTypeError`` (helpers.errors):
a Russian message that names the argument, what came in, what is expected and
how to fix it.
"""

import contextlib
import inspect
import io
import math
import numbers
import shutil
import tempfile
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes

from helpers.errors import (
    CourseTypeError,
    CourseValueError,
    check_array,
    check_callable,
    check_int,
    check_labels,
    check_number,
    course_error,
    describe,
)

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
    "loss": "Потери (loss)",
    "accuracy": "Точность (accuracy)",
    "mae": "Средняя абсолютная ошибка (MAE)",
    "mse": "Среднеквадратичная ошибка (MSE)",
}

# Beyond these sizes a figure is unreadable and slow to draw: it is a mistake
# (the whole training set passed instead of a slice), not a wish.
MAX_IMAGES = 300
MAX_CLASSES = 50
MAX_NEURONS = 30
MAX_LAYERS = 12


def use_course_style():
    """Apply the course's matplotlib look (rcParams). Introduced in 00_setup (called by course.setup).

    Takes no argument and raises no error.
    """
    plt.rcParams.update(STYLE)


# --- Checks shared by the plots (private; the general ones live in helpers.errors) ---


def _check_axes(function, ax):
    """``None`` or one matplotlib panel; a figure or an array of panels is a mistake."""
    if ax is None or isinstance(ax, Axes):
        return ax
    fix = "передайте одну панель: fig, ax = plt.subplots(), затем ax=ax, — или не передавайте ax вовсе."
    if isinstance(ax, np.ndarray):
        fix = "plt.subplots(1, 2) возвращает массив панелей: передайте одну из них, например ax=axes[0]."
    elif hasattr(ax, "add_subplot"):
        fix = "это вся фигура, а нужна панель: fig, ax = plt.subplots(), затем ax=ax."
    raise course_error(function, "ax", ax, "панель matplotlib (Axes) или None", fix, CourseTypeError)


def _check_limits(function, argument, value, example):
    """A pair of finite numbers (from, to) with from < to, returned as a tuple of floats."""
    expected = f"пара чисел (от, до), где от < до, например {argument}={example}"
    fix = f"передайте два числа в скобках: {argument}={example}."
    if isinstance(value, str | bytes | dict) or not hasattr(value, "__len__"):
        raise course_error(function, argument, value, expected, fix, CourseTypeError)
    if len(value) != 2:
        raise course_error(function, argument, value, expected, fix)
    for number in value:
        if isinstance(number, bool | np.bool_) or not isinstance(number, numbers.Real):
            raise course_error(function, argument, value, expected, fix, CourseTypeError)
    low, high = float(value[0]), float(value[1])
    if not (math.isfinite(low) and math.isfinite(high)):
        raise course_error(function, argument, value, expected,
                           "границы должны быть конечными числами, без NaN и inf.")
    if low == high:
        raise course_error(function, argument, value, expected,
                           f"границы совпадают: раздвиньте их, например {argument}={example}.")
    if low > high:
        raise course_error(function, argument, value, expected,
                           f"сначала меньшее число, потом большее: {argument}=({value[1]}, {value[0]}).")
    return low, high


def _check_names(function, argument, value, example, count=None):
    """A list (tuple, 1-D array) of captions, returned as a list; ``count`` is the number wanted."""
    expected = "список подписей" + (f" из {count} элементов" if count is not None else "")
    if not isinstance(value, list | tuple | np.ndarray):
        fix = f"передайте список строк, например {argument}={example}."
        if isinstance(value, str):
            fix = f"строка — это не список: заключите подписи в скобки, например {argument}={example}."
        raise course_error(function, argument, value, expected, fix, CourseTypeError)
    names = list(np.ravel(value)) if isinstance(value, np.ndarray) else list(value)
    if not names:
        raise course_error(function, argument, value, expected,
                           f"список пуст: перечислите подписи, например {argument}={example}, "
                           "или не передавайте его.")
    if count is not None and len(names) != count:
        raise course_error(function, argument, value, expected,
                           f"нужна ровно одна подпись на каждый из {count}: "
                           "добавьте недостающие или уберите лишние.")
    return names


def _check_xy_function(function, argument, value, example):
    """A function of two arguments (x, y), as the surfaces of lesson 04 are."""
    check_callable(function, argument, value, example)
    try:
        signature = inspect.signature(value)
    except (TypeError, ValueError):  # a built-in without a signature: trust it
        return value
    try:
        signature.bind(0.0, 0.0)
    except TypeError:
        raise course_error(
            function, argument, value, "функция двух аргументов (x, y), которая возвращает высоту",
            f"объявите её с двумя аргументами, например {example}.", CourseTypeError,
        ) from None
    return value


def _history_logs(function, argument, history):
    """The dict of curves inside what ``fit`` returns (or the dict itself)."""
    logs = getattr(history, "history", history)
    expected = "то, что вернул model.fit(...) (объект History), или его словарь history.history"
    if not isinstance(logs, dict):
        fix = "передайте результат обучения: history = model.fit(...), затем history."
        if "keras" in type(history).__module__ and hasattr(history, "layers"):
            fix = "это сама модель, а нужна история: history = model.fit(...), и передайте history."
        raise course_error(function, argument, history, expected, fix, CourseTypeError)
    if not logs:
        raise course_error(function, argument, history, expected,
                    "история пуста: обучите модель хотя бы одну эпоху, model.fit(..., epochs=1) или больше, "
                    "и передайте то, что вернул fit.")
    return logs


def _curve(function, argument, logs, name):
    """The values of one metric as a 1-D float array (NaN allowed: training can diverge)."""
    values = logs[name]
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        array = None
    if array is None or array.ndim != 1 or array.size == 0:
        raise course_error(
            function, f"{argument}['{name}']", values, "список чисел — по одному значению на каждую эпоху",
            "передайте историю, которую вернул model.fit(...), не меняя её: под каждым названием "
            "метрики в ней лежит список чисел.",
            CourseTypeError if array is None else CourseValueError,
        )
    return array


def _same_length(function, argument, history, name, curves):
    """Training and validation curves of one metric have one value per epoch each."""
    train, validation = curves
    if len(train) != len(validation):
        raise course_error(function, argument, history,
                    f"одинаковое число значений в «{name}» и «val_{name}» — по одному на эпоху",
                    f"значений в «{name}»: {len(train)}, а в «val_{name}»: {len(validation)}; "
                    "передайте историю, которую вернул fit, не меняя её.")


def plot_history(history, metrics=None, title=None):
    """Training curves of ``model.fit``: one panel per metric, training vs validation.

    Introduced in 00_setup. ``history`` is what ``fit`` returns (a Keras
    ``History``) or its ``.history`` dict ``{metric name: list of per-epoch
    values}``, e.g. ``{"loss": [...], "val_loss": [...], "accuracy": [...]}``;
    the NumPy framework of 02_numpy_from_scratch returns such a dict too.
    ``metrics`` is a list of metric names (default: every name without the
    ``val_`` prefix) or one name as a string; ``val_<name>``, when present, is
    drawn on the same panel. The x axis is the epoch, 1 … n. Shows the figure,
    returns ``None``.

    Raises ``CourseTypeError`` when ``history`` is not a History/dict or
    ``metrics`` is not a string or a list of strings, and ``CourseValueError``
    for an empty history, an empty ``metrics`` list, a name not in the history,
    or curves of different lengths.
    """
    function = "plot_history"
    logs = _history_logs(function, "history", history)
    available = ", ".join(map(str, logs))
    example = f"metrics=[{next(iter(logs))!r}]"
    if metrics is None:
        metrics = [name for name in logs if not str(name).startswith("val_")]
        if not metrics:
            raise course_error(function, "history", history, "хотя бы одна кривая обучающей выборки",
                        f"в истории только кривые проверочной выборки ({available}): "
                        f"назовите нужную явно, например {example}.")
    elif isinstance(metrics, str):
        metrics = [metrics]  # one metric by name: unambiguous
    elif not isinstance(metrics, list | tuple):
        raise course_error(function, "metrics", metrics, "название метрики или список названий",
                           f"передайте список строк, например {example}.", CourseTypeError)
    elif not metrics:
        raise course_error(function, "metrics", metrics,
                           f"непустой список названий метрик из истории: {available}",
                           f"назовите хотя бы одну метрику, например {example}, или не передавайте metrics — "
                           "тогда нарисуются все.")
    for name in metrics:
        if not isinstance(name, str):
            raise course_error(function, "metrics", metrics, "список строк — названий метрик",
                               f"запишите названия в кавычках, например {example}.", CourseTypeError)
        if name not in logs:
            raise course_error(function, "metrics", name, f"название метрики из истории: {available}",
                               f"в истории обучения нет метрики «{name}»: выберите из {available}; "
                               "кривая val_… рисуется сама рядом с обучающей.")
        train = _curve(function, "history", logs, name)
        if f"val_{name}" in logs:
            curves = (train, _curve(function, "history", logs, f"val_{name}"))
            _same_length(function, "history", history, name, curves)
    fig, axes = plt.subplots(1, len(metrics), figsize=(5 * len(metrics), 3.8), squeeze=False)
    for ax, name in zip(axes[0], metrics, strict=True):
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


IMAGES_TEXT = "батч картинок формы (n, высота, ширина), (n, высота·ширина) или (n, высота, ширина, 1)"


def _image_batch(images):
    """``images`` as an array (n, height, width), or a course error that says which rule it breaks."""
    function = "show_images"
    array = check_array(function, "images", images, dtype_kinds="biuf", shape_text=IMAGES_TEXT)
    if array.ndim == 4 and array.shape[-1] == 1:
        array = array[..., 0]
    elif array.ndim == 2:
        rows, width = array.shape
        side = math.isqrt(width)
        square = side * side == width and side >= 2
        # (n, side²) rows are flattened square pictures: MNIST's (n, 784) and the like. A narrow
        # width (side < 8, e.g. 16 = 4×4) or a square array such as (28, 28) is one picture.
        if square and side >= 8 and rows != width:
            return _batch_size_checked(array.reshape(-1, side, side))
        fix = (f"это одна картинка {rows}×{width}, а нужен батч картинок: передайте images[None] "
               "(батч из одной картинки) или список картинок [a, b, …].")
        if square:
            fix += (f" Если же это {rows} картинок {side}×{side}, вытянутых в строки, передайте "
                    f"images.reshape(-1, {side}, {side}).")
        raise course_error(function, "images", array, IMAGES_TEXT, fix)
    elif array.ndim == 1:
        side = math.isqrt(array.size)
        fix = "это один ряд чисел, а нужен батч картинок."
        if side * side == array.size and side >= 2:
            fix += (" Если это одна картинка, вытянутая в строку, передайте "
                    f"images.reshape(1, {side}, {side}).")
        raise course_error(function, "images", array, IMAGES_TEXT, fix)
    if array.ndim == 4 and array.shape[-1] in (3, 4):
        raise course_error(function, "images", array, f"{IMAGES_TEXT}; show_images рисует серые картинки",
                           "это цветные картинки (последняя ось — каналы): возьмите один канал, "
                           "images[..., 0], или яркость, images.mean(axis=-1).")
    if array.ndim != 3:
        raise course_error(function, "images", array, IMAGES_TEXT,
                           "приведите массив к форме (n, высота, ширина): проверьте, нет ли лишней оси "
                           "(reshape).")
    return _batch_size_checked(array)


def _batch_size_checked(array):
    if len(array) == 0:
        raise course_error("show_images", "images", array, f"{IMAGES_TEXT}, хотя бы одна картинка",
                           "картинок нет: проверьте срез или фильтр, из которого они получились.")
    if len(array) > MAX_IMAGES:
        raise course_error("show_images", "images", array, f"{IMAGES_TEXT}, не больше {MAX_IMAGES} картинок",
                           "столько картинок на одном рисунке не разглядеть: покажите часть, например "
                           "images[:30].")
    return array


def _captions(labels, names, count):
    """One caption per picture: a class name (``names`` given), a class number or the caption itself."""
    function = "show_images"
    expected = "список подписей (строк) или номеров классов — по одному на картинку"
    if isinstance(labels, str | bytes | dict) or not hasattr(labels, "__len__"):
        fix = "передайте список, например labels=y[:10] или labels=['кошка', 'собака']."
        if isinstance(labels, str):
            fix = "строка — это не список подписей: заключите подписи в скобки, ['подпись 1', 'подпись 2']."
        raise course_error(function, "labels", labels, expected, fix, CourseTypeError)
    try:
        kind = np.asarray(labels).dtype.kind
    except (TypeError, ValueError):  # a ragged list: not class numbers
        kind = "O"
    if kind in "biuf":
        classes = check_labels(function, "labels", labels, None if names is None else len(names))
        captions = [str(k) if names is None else names[k] for k in classes]
    elif all(np.ndim(label) == 0 for label in labels):  # strings (or anything) one per picture
        if names is not None:
            raise course_error(function, "labels", labels,
                               "номера классов (целые числа), раз передан class_names",
                               "подписи уже готовы: уберите class_names или передайте вместо подписей "
                               "номера классов.")
        captions = [str(label) for label in labels]
    else:
        raise course_error(function, "labels", labels, expected,
                           "передайте плоский список: по одной подписи (или номеру класса) на картинку.",
                           CourseTypeError)
    if len(captions) != count:
        raise course_error(function, "labels", labels,
                           f"{expected}: картинок {count}, а подписей {len(captions)}",
                           "возьмите метки тем же срезом, что и картинки, например "
                           "show_images(x[:10], y[:10]).")
    return captions


def show_images(images, labels=None, class_names=None, ncols=10, title=None, size=1.3):
    """A grid of grayscale images with their labels as captions. Introduced in 00_setup.

    ``images`` is a batch: shape (n, height, width), (n, height, width, 1), or
    (n, side * side) for flattened square pictures at least 8×8 (MNIST's
    (n, 784)); any numeric dtype (uint8 0…255 or floats 0…1), 1 ≤ n ≤ 300.
    ``labels`` (optional) has one entry per picture: class numbers (ints, or
    whole floats; shape (n,) or (n, 1)) or ready captions (strings).
    ``class_names`` turns class numbers into names: ``class_names[label]``.
    ``ncols`` pictures per row, ``size`` is a picture's side in inches.
    Shows the figure, returns ``None``.

    Raises ``CourseValueError`` for a single 2-D picture where a batch is
    expected (pass ``images[None]``), colour or oddly shaped arrays, an empty
    or huge batch, one-hot, fractional, negative or too large labels, a wrong
    number of labels, ``ncols`` < 1 or ``size`` ≤ 0; ``CourseTypeError`` for
    non-numeric images, labels or class names of the wrong type.
    """
    array = _image_batch(images)
    names = None
    if class_names is not None:
        names = _check_names("show_images", "class_names", class_names, "['кошка', 'собака']")
    captions = None if labels is None else _captions(labels, names, len(array))
    ncols = check_int("show_images", "ncols", ncols, low=1)
    size = check_number("show_images", "size", size, low=0, low_open=True)
    nrows = math.ceil(len(array) / ncols)
    height = (size + 0.3) * nrows + (0.4 if title else 0)  # room for captions and the title
    fig, axes = plt.subplots(nrows, ncols, figsize=(size * ncols, height), layout="constrained")
    for i, ax in enumerate(np.ravel(axes)):
        ax.axis("off")
        if i >= len(array):
            continue
        ax.imshow(array[i], cmap="gray")
        if captions is not None:
            ax.set_title(captions[i], fontsize=9)
    if title:
        fig.suptitle(title)
    plt.show()


def _modified(path):
    """The file's modification time in ns, or ``None`` when there is no such file."""
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return None


def _graphviz_missing():
    """Why keras.utils.plot_model cannot draw (a Russian phrase), or ``None`` when it can."""
    try:
        import pydot  # noqa: F401
    except ImportError:
        return "не установлен пакет pydot"
    if shutil.which("dot") is None:
        return "не найдена программа dot из Graphviz"
    return None


def show_model(model, show_shapes=True):
    """Draw the model's graph with keras.utils.plot_model. Introduced in 00_setup.

    ``model`` is a built Keras model (one that knows its input shape, e.g.
    ``keras.Sequential([keras.Input(shape=(4,)), ...])``); ``show_shapes``
    (bool) writes each layer's output shape. Returns the picture (an IPython
    ``Image``, shown by Jupyter). Without the ``pydot`` package or the
    Graphviz program ``dot`` — checked here before drawing, and also when
    ``plot_model`` returns nothing, as Keras does in a notebook after ``%who``
    — prints one Russian message on how to install them, shows ``summary()``
    instead and returns ``None``.

    Raises ``CourseTypeError`` when ``model`` is not a Keras model or
    ``show_shapes`` not a bool, ``CourseValueError`` for a model that is not
    built yet.
    """
    import keras

    if not isinstance(model, keras.Model):
        fix = "передайте саму модель: model = keras.Sequential([...]), затем show_model(model)."
        if isinstance(model, keras.layers.Layer):
            fix = ("это отдельный слой, а нужна модель: соберите её, "
                   "keras.Sequential([keras.Input(shape=(...)), слой, ...]).")
        elif isinstance(model, keras.callbacks.History):
            fix = "это история обучения, которую вернул fit; схему рисуют по модели: show_model(model)."
        raise course_error("show_model", "model", model, "модель Keras", fix, CourseTypeError)
    if not model.built:
        raise course_error("show_model", "model", model,
                    "построенная модель, которая знает форму входа (эта ещё не построена)",
                    "добавьте первым слоем keras.Input(shape=(...)), например "
                    "keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3)]), "
                    "или постройте её: model.build((None, 4)).")
    if not isinstance(show_shapes, bool | np.bool_):
        raise course_error("show_model", "show_shapes", show_shapes, "True или False",
                           "передайте show_shapes=True (показать формы) или show_shapes=False.",
                           CourseTypeError)

    missing = _graphviz_missing()
    if missing is None:
        picture = Path(tempfile.gettempdir()) / "course_model_plot.png"
        before = _modified(picture)  # a picture left by an earlier call must not count as drawn
        printed = io.StringIO()  # Keras prints an English notice instead of raising in a notebook
        try:
            with contextlib.redirect_stdout(printed):
                result = keras.utils.plot_model(
                    model, show_shapes=bool(show_shapes), to_file=str(picture), dpi=70
                )
        except ImportError:
            missing = "keras.utils.plot_model не нашла Graphviz"
        else:
            if result is not None or _modified(picture) not in (None, before):
                print(printed.getvalue(), end="")
                return result
            missing = "keras.utils.plot_model не нарисовала схему (так бывает, когда Graphviz не установлен)"
    print(
        f"Схему модели нарисовать не получилось: {missing}. Для keras.utils.plot_model нужны пакет pydot "
        "и программа Graphviz (dot). Установите их: `pip install pydot` и "
        "`sudo apt install graphviz` (Linux), `brew install graphviz` (macOS) или "
        "`conda install graphviz` (Windows), затем перезапустите ядро. Пока вместо схемы — таблица слоёв."
    )
    model.summary()
    return None


def plot_confusion_matrix(y_true, y_pred, class_names=None, title="Матрица ошибок"):
    """Counts of (true class, predicted class) pairs as a heat map. Introduced in 07_mnist_dense.

    ``y_true`` and ``y_pred`` are class numbers of the same length n ≥ 1:
    integer arrays (any int dtype, e.g. uint8) or lists of shape (n,) or (n, 1);
    floats only when whole. For one-hot rows or probabilities take
    ``argmax(axis=1)`` first. ``class_names`` (optional) names the classes
    0 … len(class_names) − 1; without it the classes are 0 … max label (at
    most 50). Shows the figure and returns the matrix, an int array of shape
    (k, k): rows are true classes, columns are predictions.

    Raises ``CourseValueError`` for one-hot or fractional labels, negative
    labels or labels ≥ len(class_names), different lengths, empty input;
    ``CourseTypeError`` for non-numeric labels or ``class_names`` that is not
    a list.
    """
    function = "plot_confusion_matrix"
    names = None
    if class_names is not None:
        names = _check_names(function, "class_names", class_names, "['кошка', 'собака']")
    count = None if names is None else len(names)
    y_true = check_labels(function, "y_true", y_true, count)
    y_pred = check_labels(function, "y_pred", y_pred, count)
    if y_true.size == 0:
        raise course_error(function, "y_true", y_true, "номера классов, хотя бы один ответ",
                           "ответов нет: проверьте срез или фильтр, из которого получились метки.")
    if y_true.shape != y_pred.shape:
        raise course_error(function, "y_pred", y_pred,
                           f"по одному предсказанию на каждый ответ: ответов {y_true.size}, "
                           f"а предсказаний {y_pred.size}",
                           "передайте номера классов одинаковой длины: "
                           "y_pred = model.predict(x).argmax(axis=1) для тех же x, "
                           "к которым относятся y_true.")
    n = count if count is not None else int(max(y_true.max(), y_pred.max())) + 1
    if n > MAX_CLASSES:
        argument, labels = ("y_true", y_true) if y_true.max() + 1 == n else ("y_pred", y_pred)
        raise course_error(function, argument, labels,
                           f"номера классов от 0 до {MAX_CLASSES - 1}, а встретился {n - 1}",
                           "похоже, это не номера классов: передайте argmax(axis=1) от выхода модели "
                           "и настоящие метки; если классов и правда больше, передайте class_names.")
    matrix = np.zeros((n, n), dtype=int)
    np.add.at(matrix, (y_true, y_pred), 1)
    if names is None:
        names = [str(i) for i in range(n)]
    fig, ax = plt.subplots(figsize=(0.6 * n + 3, 0.6 * n + 2.5))
    ax.imshow(matrix, cmap="Blues")
    ax.grid(False)
    for (row, col), cell in np.ndenumerate(matrix):
        color = "white" if cell > matrix.max() / 2 else "black"
        ax.text(col, row, cell, ha="center", va="center", fontsize=8, color=color)
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


def _optimizer_key(function, argument, name):
    """The lower-case name of one of OPTIMIZER_NAMES, or a course error listing them."""
    choices = ", ".join(OPTIMIZER_NAMES)
    if not isinstance(name, str):
        fix = f"передайте название строкой в кавычках, например {argument}='Adam'."
        if isinstance(name, type):
            fix = f"передайте название строкой, например {argument}='{name.__name__}', а не класс Keras."
        raise course_error(function, argument, name, f"название оптимизатора: одно из {choices}", fix,
                           CourseTypeError)
    key = name.strip().lower()
    if key not in {option.lower() for option in OPTIMIZER_NAMES}:
        raise course_error(function, argument, name, f"название оптимизатора: одно из {choices}",
                           f"такого оптимизатора в уроке нет — выберите одно из: {choices} "
                           "(регистр не важен).")
    return key


def _learning_rate(function, argument, value):
    """A learning rate: a number > 0 (or a Keras schedule); returned unchanged."""
    import keras

    if isinstance(value, keras.optimizers.schedules.LearningRateSchedule):
        return value
    check_number(function, argument, value, low=0, low_open=True)
    return value


def _build_optimizer(key, lr):
    import keras

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
    return builders[key]()


def make_optimizer(name, learning_rate):
    """A fresh Keras optimizer by its name in the course. Introduced in 04_optimizers.

    ``name`` (a string, case does not matter): SGD, Momentum, Nesterov,
    Adagrad, RMSprop, Adam. ``learning_rate`` — the learning rate, a number
    > 0 (or a ``keras.optimizers.schedules`` schedule). Everything else keeps
    the values of lesson 04: momentum=0.9, rho=0.9, beta_1=0.9, beta_2=0.999,
    amsgrad=False.

    Raises ``CourseTypeError`` when ``name`` is not a string or
    ``learning_rate`` not a number, ``CourseValueError`` for an unknown name
    or a learning rate ≤ 0, NaN or inf.
    """
    key = _optimizer_key("make_optimizer", "name", name)
    return _build_optimizer(key, _learning_rate("make_optimizer", "learning_rate", learning_rate))


class _NoGradient(Exception):
    """Raised while tracing when loss_fn cannot be differentiated; turned into a course error."""


def optimizer_path(loss_fn, start, optimizer, steps, learning_rate=0.01):
    """Walk down the surface ``loss_fn(x, y)`` with a Keras optimizer; return the points.

    Introduced in 04_optimizers. The point (x, y) is a tf.Variable; each step takes
    the gradient with tf.GradientTape and calls ``optimizer.apply_gradients``, exactly
    as ``model.fit`` does with a model's weights. ``loss_fn(x, y)`` is a function
    of two arguments written with keras.ops / TensorFlow operations (NumPy
    has no gradients). ``start`` — two finite numbers (x, y). ``optimizer`` is
    a name for make_optimizer (then ``learning_rate`` > 0 is used) or a fresh,
    not yet used keras optimizer. ``steps`` — a whole number ≥ 0.
    Returns a float32 NumPy array of shape (steps + 1, 2): the start and every
    step (it may hold inf/NaN when a too large learning rate diverges).

    Raises ``CourseTypeError`` for a ``loss_fn`` that is not a function of
    (x, y), an ``optimizer`` that is neither a name nor a Keras optimizer, a
    fractional ``steps``; ``CourseValueError`` for a start that is not two
    finite numbers, steps < 0, an unknown name, a learning rate ≤ 0, an
    optimizer already used for another path, and a ``loss_fn`` without a
    gradient (written with NumPy or Python numbers).
    """
    import keras
    import tensorflow as tf

    function = "optimizer_path"
    _check_xy_function(function, "loss_fn", loss_fn, "lambda x, y: x**2 + y**2")
    start = check_array(function, "start", start, finite=True,
                        shape_text="начальная точка из двух чисел (x, y), например (3.0, -2.0)")
    if start.shape != (2,):
        raise course_error(function, "start", start,
                           "начальная точка из двух чисел (x, y), например (3.0, -2.0)",
                           "передайте ровно два числа: start=(x, y).")
    steps = check_int(function, "steps", steps, low=0)
    _learning_rate(function, "learning_rate", learning_rate)
    if isinstance(optimizer, str):
        optimizer = _build_optimizer(_optimizer_key(function, "optimizer", optimizer), learning_rate)
    elif not isinstance(optimizer, keras.optimizers.Optimizer):
        fix = ("передайте название, например optimizer='Adam', "
               "или новый оптимизатор keras.optimizers.Adam(0.1).")
        if isinstance(optimizer, type):
            name = optimizer.__name__
            fix = (f"это класс, а нужен его объект: keras.optimizers.{name}(learning_rate=0.1), "
                   f"или название: optimizer='{name}'.")
        raise course_error(function, "optimizer", optimizer,
                           f"название ({', '.join(OPTIMIZER_NAMES)}) или оптимизатор Keras", fix,
                           CourseTypeError)
    elif optimizer.built:
        raise course_error(function, "optimizer", optimizer, "новый, ещё не использованный оптимизатор Keras",
                           "этот оптимизатор уже шагал по другим весам и помнит их: создайте новый "
                           "для каждого пути, например keras.optimizers.Adam(learning_rate=0.1), "
                           "или передайте название, optimizer='Adam'.")
    point = tf.Variable(start.astype("float32"))
    optimizer.build([point])

    @tf.function(autograph=False)  # compiled into a graph once: about ten times faster
    def step():
        with tf.GradientTape() as tape:
            try:
                loss = loss_fn(point[0], point[1])
            except (NotImplementedError, TypeError, AttributeError):
                raise _NoGradient from None
        gradient = tape.gradient(loss, point) if tf.is_tensor(loss) else None
        if gradient is None:
            raise _NoGradient
        optimizer.apply_gradients([(gradient, point)])

    path = [point.numpy()]
    try:
        for _ in range(steps):
            step()
            path.append(point.numpy())
    except _NoGradient:
        raise course_error(
            function, "loss_fn", loss_fn, "функция, у которой можно взять градиент по x и y",
            "у loss_fn не получается взять градиент. Запишите её через keras.ops (ops.cos, ops.exp, …) "
            "или tf.*, а не через NumPy (np.cos и т. п.) и не через числа Python, "
            "и проверьте, что она зависит от x и y.",
        ) from None
    return np.array(path)


def plot_trajectories(loss_fn, paths, xlim, ylim, title=None, ax=None):
    """Contour map of ``loss_fn(x, y)`` with optimizer paths over it. Introduced in 04_optimizers.

    ``loss_fn(x, y)`` is evaluated element-wise on a 200×200 grid of float32
    NumPy arrays and must return 200×200 heights (NumPy or keras.ops).
    ``paths`` maps a legend label to an array of points of shape (n, 2), n ≥ 1,
    e.g. what optimizer_path returns; ``{}`` draws the surface alone.
    ``xlim`` and ``ylim`` are (from, to) pairs of finite numbers, from < to.
    Draws on ``ax`` when given (for panels side by side); otherwise makes its
    own figure and shows it. Returns the axes.

    Raises ``CourseTypeError`` when ``paths`` is not a dict, ``loss_fn`` not a
    function of (x, y), ``xlim``/``ylim`` not pairs of numbers, ``ax`` not a
    panel; ``CourseValueError`` for a path not shaped (n, 2), limits in the
    wrong order, a ``loss_fn`` that returns the wrong shape or no finite value.
    """
    function = "plot_trajectories"
    _check_xy_function(function, "loss_fn", loss_fn, "lambda x, y: x**2 + y**2")
    if not isinstance(paths, dict):
        fix = "соберите словарь, например {'SGD': path_sgd, 'Adam': path_adam}."
        if isinstance(paths, np.ndarray) or isinstance(paths, list | tuple):
            fix = "подпишите путь: передайте словарь, например {'SGD': path}."
        raise course_error(function, "paths", paths, "словарь {подпись: массив точек формы (n, 2)}", fix,
                           CourseTypeError)
    checked = {}
    for label, points in paths.items():
        points = check_array(function, f"paths[{label!r}]", points,
                             shape_text="массив точек формы (n, 2) — столбцы x и y")
        if points.ndim != 2 or points.shape[1] != 2 or len(points) == 0:
            raise course_error(function, f"paths[{label!r}]", points,
                               "массив точек формы (n, 2) — столбцы x и y",
                               f"путь «{label}» должен иметь форму (n, 2), хотя бы одна точка: передайте то, "
                               "что вернула optimizer_path.")
        checked[label] = points
    xlim = _check_limits(function, "xlim", xlim, "(-3, 3)")
    ylim = _check_limits(function, "ylim", ylim, "(-3, 3)")
    ax = _check_axes(function, ax)
    grid_x, grid_y = np.meshgrid(
        np.linspace(*xlim, 200, dtype="float32"), np.linspace(*ylim, 200, dtype="float32")
    )
    answer = loss_fn(grid_x, grid_y)
    try:
        heights = np.asarray(answer)  # float32 from keras.ops stays float32: the same contour levels
    except (TypeError, ValueError):
        heights = np.asarray(None)
    if heights.dtype.kind not in "biuf":
        raise course_error(function, "loss_fn", loss_fn,
                           "функция, которая возвращает числа — высоту поверхности",
                           f"на сетке точек она вернула {describe(answer)}: верните выражение из x и y, "
                           "например x**2 + y**2.", CourseTypeError)
    if heights.shape != grid_x.shape:
        raise course_error(function, "loss_fn", loss_fn,
                           f"поэлементная функция: для сетки {grid_x.shape[0]}×{grid_x.shape[1]} точек — "
                           f"столько же высот, а вернулась форма {heights.shape}",
                           "считайте высоту для каждой пары (x, y) отдельно, например x**2 + y**2, "
                           "без суммирования по всем точкам (ops.mean или np.sum без axis).")
    if not np.isfinite(heights).any():
        raise course_error(function, "loss_fn", loss_fn, "конечные значения хотя бы в части рисунка",
                           "на всей сетке получились NaN или inf: проверьте формулу и пределы xlim, ylim.")
    own_figure = ax is None
    if own_figure:
        _, ax = plt.subplots(figsize=(6, 5))
    ax.contourf(grid_x, grid_y, heights, levels=30, cmap="Greys_r", alpha=0.55)
    ax.contour(grid_x, grid_y, heights, levels=15, colors="grey", linewidths=0.5, alpha=0.7)
    for label, points in checked.items():
        (line,) = ax.plot(points[:, 0], points[:, 1], "-o", markersize=2, label=label)
        ax.plot(*points[-1], "X", color=line.get_color(), markersize=9)  # where it stopped
    if checked:
        ax.plot(*next(iter(checked.values()))[0], "k*", markersize=14, label="старт")
    ax.set_xlim(xlim)
    ax.set_ylim(ylim)
    ax.set_xlabel("вес $w_1$")
    ax.set_ylabel("вес $w_2$")
    ax.grid(False)
    if title:
        ax.set_title(title)
    if checked:
        ax.legend(fontsize=8, loc="lower right")
    if own_figure:
        plt.tight_layout()
        plt.show()
    return ax


def draw_network(layer_sizes, layer_names=None, title=None):
    """Draw a fully connected network: neurons as circles, weights as lines.

    Introduced in 01_neural_networks_basics. ``layer_sizes`` lists the neurons of
    each layer, inputs first, e.g. ``[2, 3, 1]``: 2 to 12 layers of 1 to 30
    neurons (whole numbers; a list, tuple or 1-D int array). ``layer_names``
    are the captions under the layers, one per layer (by default «вход»,
    «скрытый слой», «выход»). Shows and returns the figure.

    Raises ``CourseTypeError`` for sizes that are not a list of whole numbers
    and captions that are not a list, ``CourseValueError`` for fewer than two
    layers, sizes ≤ 0 or too big to draw, and the wrong number of captions.
    """
    function = "draw_network"
    expected = ("список из двух и более целых положительных чисел — число нейронов в каждом слое, "
                "например [2, 3, 1]")
    if isinstance(layer_sizes, str | bytes | dict) or not isinstance(layer_sizes, list | tuple | np.ndarray):
        raise course_error(function, "layer_sizes", layer_sizes, expected,
                           "перечислите числа нейронов в квадратных скобках: draw_network([2, 3, 1]).",
                           CourseTypeError)
    sizes = list(np.ravel(layer_sizes)) if isinstance(layer_sizes, np.ndarray) else list(layer_sizes)
    if len(sizes) < 2:
        raise course_error(function, "layer_sizes", layer_sizes, expected,
                           "у сети есть хотя бы вход и выход: добавьте слои, например [2, 3, 1].")
    for n in sizes:
        if isinstance(n, bool | np.bool_) or not isinstance(n, numbers.Integral):
            raise course_error(function, "layer_sizes", layer_sizes, expected,
                               f"{n!r} — не целое число: число нейронов бывает только целым, "
                               "например [2, 3, 1].",
                               CourseTypeError)
        if n <= 0:
            raise course_error(function, "layer_sizes", layer_sizes, expected,
                               f"в слое {n} нейронов: в каждом слое нужен хотя бы один нейрон.")
        if n > MAX_NEURONS:
            raise course_error(function, "layer_sizes", layer_sizes,
                               f"{expected}, не больше {MAX_NEURONS} в слое",
                               f"слой размером {n} не поместится на рисунке: нарисуйте уменьшенную схему, "
                               "например [8, 5, 3].")
    if len(sizes) > MAX_LAYERS:
        raise course_error(function, "layer_sizes", layer_sizes, f"{expected}, не больше {MAX_LAYERS} слоёв",
                           "столько слоёв не поместятся на рисунке: нарисуйте уменьшенную схему.")
    if layer_names is None:
        layer_names = ["вход", *["скрытый слой"] * (len(sizes) - 2), "выход"]
    else:
        layer_names = _check_names(function, "layer_names", layer_names, '["вход", "скрытый", "выход"]',
                                   count=len(sizes))
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

    Introduced in 06_bias_neuron. ``predict`` turns an (n, 2) float32 array
    into n probabilities of class 1 (numbers in [0, 1], any shape with n
    elements): a Keras model (called as predict(..., batch_size=4096,
    verbose=0)) or any function. ``x`` — the points, shape (n, 2), finite
    numbers (two features per object, in their own units, e.g. cm and kg);
    ``y`` — their labels 0 or 1, shape (n,) or (n, 1), int, float or bool.
    ``class_names`` — two legend captions. ``xlim``/``ylim`` — (from, to)
    pairs (default: the points with a 10 % margin); ``resolution`` — grid
    points per side, 2 … 1000. The plane is shaded by the predicted class; the
    boundary, where the probability is 0.5, is a black line. Without ``ax`` a
    new figure is drawn and shown; with ``ax`` the caller shows it. Returns
    the axes.

    Raises ``CourseTypeError`` for a ``predict`` that is neither a model nor
    a function and arguments of the wrong type; ``CourseValueError`` for
    ``x`` not shaped (n, 2) or holding NaN/inf, labels other than 0/1 or not
    one per point, bad limits or resolution, and a ``predict`` that returns
    the wrong number of values, NaN or numbers outside [0, 1] (logits).
    """
    from matplotlib.lines import Line2D

    function = "plot_decision_boundary"
    if isinstance(predict, type) or not (hasattr(predict, "predict") or callable(predict)):
        raise course_error(function, "predict", predict,
                           "обученная модель Keras или функция: массив точек (n, 2) → n вероятностей "
                           "класса 1",
                           "передайте саму модель (model) или функцию, например "
                           "lambda p: model.predict(p, verbose=0).",
                           CourseTypeError)
    points_text = "точки формы (n, 2) — два признака на объект"
    x = check_array(function, "x", x, finite=True, shape_text=points_text)
    if x.ndim != 2 or x.shape[1] != 2 or len(x) == 0:
        raise course_error(function, "x", x, points_text,
                           "x должен иметь форму (n, 2) — по два признака на каждую точку, "
                           "например np.column_stack([рост, вес]).")
    x = x.astype(float)
    labels_text = "метки 0 или 1, по одной на точку, форма (n,)"
    y = check_array(function, "y", y, shape_text=labels_text)
    if y.size != max(y.shape, default=1):  # more than one axis longer than 1: one-hot rows or a table
        raise course_error(function, "y", y, labels_text,
                           "это похоже на one-hot метки или вероятности: возьмите номер класса, "
                           "y.argmax(axis=1).")
    y = y.reshape(-1)
    if len(y) != len(x):
        raise course_error(function, "y", y, f"{labels_text}: меток y {len(y)}, а точек {len(x)}",
                           "нужна ровно одна метка (0 или 1) на каждую точку: возьмите x и y одним срезом.")
    if not np.isin(y, (0, 1)).all():
        others = sorted({float(v) if isinstance(v, float) else v for v in y[~np.isin(y, (0, 1))].tolist()},
                        key=str)[:5]
        raise course_error(function, "y", y, f"{labels_text}, а встретились {others}",
                           "здесь два класса: метки должны быть 0 или 1 "
                           "(из вероятностей их получают так: (p > 0.5).astype(int)).")
    class_names = _check_names(function, "class_names", class_names, '("кошки", "собаки")', count=2)
    xlim = None if xlim is None else _check_limits(function, "xlim", xlim, "(-2, 60)")
    ylim = None if ylim is None else _check_limits(function, "ylim", ylim, "(-1, 13)")
    resolution = check_int(function, "resolution", resolution, low=2, high=1000)
    ax = _check_axes(function, ax)

    def padded(values):
        margin = 0.1 * (values.max() - values.min()) or 1.0
        return values.min() - margin, values.max() + margin

    xlim = xlim or padded(x[:, 0])
    ylim = ylim or padded(x[:, 1])
    gx, gy = np.meshgrid(np.linspace(*xlim, resolution), np.linspace(*ylim, resolution))
    grid = np.column_stack([gx.ravel(), gy.ravel()]).astype("float32")
    if hasattr(predict, "predict"):  # a Keras model: big batches, no progress bar
        answer = predict.predict(grid, batch_size=4096, verbose=0)
    else:
        answer = predict(grid)
    try:
        probs = np.asarray(answer, dtype=float).reshape(-1)
    except (TypeError, ValueError):
        raise course_error(function, "predict", predict, "n вероятностей класса 1 на массив точек (n, 2)",
                    f"на {len(grid)} точках она вернула {describe(answer)}, а не числа: верните "
                    "вероятности (выход Dense(1, activation='sigmoid')).", CourseTypeError) from None
    if probs.size != len(grid):
        raise course_error(function, "predict", predict, "одна вероятность класса 1 на каждую точку",
                    f"predict вернула {probs.size} чисел на {len(grid)} точек. Нужна одна вероятность "
                    "класса 1 на каждую точку (выход Dense(1, activation='sigmoid')).")
    if not np.isfinite(probs).all():
        raise course_error(function, "predict", predict, "вероятности класса 1 без NaN и бесконечностей",
                    "predict вернула NaN или inf — похоже, обучение разошлось: уменьшите скорость обучения "
                    "и обучите модель заново.")
    if probs.min() < 0 or probs.max() > 1:
        raise course_error(function, "predict", predict, "вероятности класса 1 — числа от 0 до 1",
                    "predict вернула числа вне отрезка [0, 1] — похоже, это логиты. Примените к ним sigmoid "
                    "или добавьте activation='sigmoid' в последний слой.")
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

    Introduced in 08_overfitting_regularization. ``histories`` is a non-empty
    dict ``{legend label: what fit returns (or its .history dict)}``; every
    run must have ``val_<metric>`` (train with validation_data=... or
    validation_split=...), ``<metric>`` itself is drawn dashed when present.
    ``metric`` is a metric name, e.g. "accuracy" or "loss"; the x axis is the
    epoch. Without ``ax`` a new figure is drawn and shown; with ``ax`` the
    caller shows it. Returns the axes.

    Raises ``CourseTypeError`` when ``histories`` is not a dict, a run is not
    a History/dict, ``metric`` not a string or ``ax`` not a panel;
    ``CourseValueError`` for an empty dict, an empty run, a run without
    ``val_<metric>`` or with curves of different lengths.
    """
    from matplotlib.lines import Line2D

    function = "compare_histories"
    expected = "непустой словарь {подпись: результат model.fit(...)}"
    if not isinstance(histories, dict):
        fix = "подпишите каждый запуск: compare_histories({'база': history_base, 'Dropout': history_drop})."
        raise course_error(function, "histories", histories, expected, fix, CourseTypeError)
    if not histories:
        raise course_error(function, "histories", histories, expected,
                           "словарь пуст: добавьте в него истории обучения, {'база': history}.")
    if not isinstance(metric, str):
        raise course_error(function, "metric", metric,
                           "название метрики строкой, например 'accuracy' или 'loss'",
                           "передайте название в кавычках: metric='accuracy'.", CourseTypeError)
    curves = {}
    for label, history in histories.items():
        argument = f"histories[{label!r}]"
        logs = _history_logs(function, argument, history)
        if f"val_{metric}" not in logs:
            raise course_error(function, argument, history, f"история с метрикой val_{metric}",
                               f"в истории «{label}» нет метрики val_{metric}: обучайте с "
                               "validation_data=... или validation_split=..., либо выберите другую metric. "
                               f"Есть: {', '.join(map(str, logs))}.")
        validation = _curve(function, argument, logs, f"val_{metric}")
        if metric in logs:
            training = _curve(function, argument, logs, metric)
            _same_length(function, argument, history, metric, (training, validation))
        curves[label] = (logs, validation)
    ax = _check_axes(function, ax)
    show = ax is None
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 4.5))
    handles = []
    for i, (label, (logs, validation)) in enumerate(curves.items()):
        color = f"C{i % 10}"
        epochs = np.arange(1, len(validation) + 1)
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
