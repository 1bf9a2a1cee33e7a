"""Tasks of hw03_losses_optimizers (after lessons 04, 05, 06). Introduced in hw03_losses_optimizers.

Losses written in NumPy and compared with ``keras.losses`` on the checker's own
arrays, the loss/activation pair for four problems, parameter counts with and
without bias, and a comparison of SGD and Adam whose stated conclusion must
agree with the student's own training histories.
"""

import math

import numpy as np

from helpers.checks import (
    TaskList,
    Wrong,
    activation_name,
    call_student,
    input_shape,
    layers_of,
    loss_name,
    require_callable,
    require_close,
    require_done,
    require_model,
    require_number,
)
from helpers.russian import plural

TASKS = TaskList("hw03", "Функции потерь, оптимизаторы и смещение")

LOSS_RTOL, LOSS_ATOL = 1e-4, 1e-6  # Keras считает во float32, NumPy — во float64
EPSILON = 1e-7  # keras.config.epsilon(): до [ε, 1 − ε] Keras обрезает вероятности

# Task 5: the problems and the loss/activation names that fit each of them.
PROBLEMS = {
    "квартира": "регрессия",
    "спам": "бинарная классификация",
    "одежда_onehot": "10 классов, метки one-hot",
    "одежда_номер": "10 классов, метки-номера",
}
LOSS_ALIASES = {"mean_squared_error": "mse", "mean_absolute_error": "mae"}
KNOWN_LOSSES = (
    "mse",
    "mae",
    "binary_crossentropy",
    "categorical_crossentropy",
    "sparse_categorical_crossentropy",
)
KNOWN_ACTIVATIONS = ("linear", "relu", "sigmoid", "softmax", "tanh")
FITTING = {
    "квартира": ({"mse", "mae"}, {"linear"}),
    "спам": ({"binary_crossentropy"}, {"sigmoid"}),
    "одежда_onehot": ({"categorical_crossentropy"}, {"softmax"}),
    "одежда_номер": ({"sparse_categorical_crossentropy"}, {"softmax"}),
}

# Task 6: networks (sizes of the layers, use_bias of each Dense layer) the checker counts itself.
NETWORKS = [
    ([5, 3], [True]),
    ([5, 3], [False]),
    ([20, 16, 8, 1], [True, False, True]),
    ([64, 32, 32, 4], [False, False, False]),
    ([784, 128, 10], [False, True]),
]

# Task 7: the network of the statement and its number of parameters.
MODEL_INPUT, MODEL_UNITS, MODEL_ACTIVATIONS, MODEL_PARAMS = (12,), [8, 3], ["relu", "softmax"], 123

MIN_EPOCHS = 5  # task 8: fewer epochs say nothing about the optimizers


def _regression_cases():
    """The checker's own (y_true, y_pred) pairs for MAE and MSE: shapes (n,) and (n, k)."""
    rng = np.random.default_rng(3031)
    cases = []
    for shape in [(7,), (12,), (4, 3)]:
        y_true = rng.normal(5.0, 4.0, size=shape)
        y_pred = y_true + rng.normal(0.0, 2.5, size=shape)
        cases.append((y_true, y_pred))
    return cases


def _check_regression_loss(function, name, keras_loss):
    f = require_callable(function, name)
    for y_true, y_pred in _regression_cases():
        what = f"{name}(y_true, y_pred) на массивах формы {y_true.shape}"
        got = require_done(call_student(f, y_true.copy(), y_pred.copy(), what=name), what)
        got = require_number(got, what)
        expected = float(keras_loss(y_true, y_pred))
        require_close(got, expected, what, rtol=LOSS_RTOL, atol=LOSS_ATOL)
    return "Совпало с keras.losses на трёх парах массивов, в том числе двумерных."


@TASKS.task(
    "1",
    "MAE в NumPy",
    lesson="05_loss_functions",
    hint="Модуль разности — np.abs(y_true - y_pred), а среднее по всем элементам — np.mean(...). "
    "Делить на len(y_true) нельзя: у двумерного массива len — это число строк, а не элементов.",
)
def _mae(mae):
    import keras

    return _check_regression_loss(mae, "mae", keras.losses.MeanAbsoluteError())


@TASKS.task(
    "2",
    "MSE в NumPy",
    lesson="05_loss_functions",
    hint="Квадрат разности — (y_true - y_pred) ** 2, затем среднее по всем элементам: np.mean(...). "
    "Корень не извлекайте: это была бы уже другая величина (RMSE).",
)
def _mse(mse):
    import keras

    return _check_regression_loss(mse, "mse", keras.losses.MeanSquaredError())


def _classification_cases():
    """One-hot labels and softmax probabilities, (objects, classes) with objects ≠ classes."""
    rng = np.random.default_rng(3033)
    cases = []
    for objects, classes in [(6, 4), (5, 3), (3, 7)]:
        labels = rng.integers(0, classes, size=objects)
        y_true = np.eye(classes)[labels]
        logits = rng.normal(0.0, 1.5, size=(objects, classes))
        y_pred = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
        cases.append((y_true, y_pred))
    return cases


@TASKS.task(
    "3",
    "Категориальная кросс-энтропия в NumPy",
    lesson="05_loss_functions",
    hint="Для каждого объекта −Σ y·log(p) по классам: np.sum(..., axis=1); затем среднее по объектам. "
    "Сумма не по той оси — частая ошибка: в уроке 05 из-за неё вышло 0.0499 вместо 0.0998.",
)
def _cce(cce):
    import keras

    f = require_callable(cce, "cce")
    keras_loss = keras.losses.CategoricalCrossentropy()
    for y_true, y_pred in _classification_cases():
        objects, classes = y_true.shape
        what = f"cce(y_true, y_pred) на {objects} объектах и {classes} классах"
        got = require_done(call_student(f, y_true.copy(), y_pred.copy(), what="cce"), what)
        got = require_number(got, what)
        require_close(got, float(keras_loss(y_true, y_pred)), what, rtol=LOSS_RTOL, atol=LOSS_ATOL)
    return "Совпало с keras.losses.CategoricalCrossentropy() на трёх наборах."


def _binary_cases():
    """Labels 0/1 and probabilities; the last case has certain answers (exactly 0 and 1)."""
    rng = np.random.default_rng(3034)
    cases = []
    for size in [8, 15]:
        y_true = rng.integers(0, 2, size=size).astype(float)
        y_pred = rng.uniform(0.02, 0.98, size=size)
        cases.append((y_true, y_pred, False))
    certain_true = np.array([1.0, 0.0, 1.0, 1.0, 0.0, 0.0])
    certain_pred = np.array([0.0, 0.0, 1.0, 0.7, 0.2, 0.35])  # первый ответ — уверенная ошибка
    cases.append((certain_true, certain_pred, True))
    return cases


@TASKS.task(
    "4",
    "Бинарная кросс-энтропия в NumPy",
    lesson="05_loss_functions",
    hint="Сначала p = np.clip(y_pred, 1e-7, 1 - 1e-7), потом "
    "−mean(y·log p + (1 − y)·log(1 − p)). Без обрезки log(0) даёт бесконечность, а 0·log(0) — NaN.",
)
def _bce(bce):
    import keras

    f = require_callable(bce, "bce")
    keras_loss = keras.losses.BinaryCrossentropy()
    for y_true, y_pred, certain in _binary_cases():
        if certain:
            what = "bce(y_true, y_pred) на уверенных ответах (вероятности ровно 0 и 1)"
        else:
            what = f"bce(y_true, y_pred) на {len(y_true)} предсказаниях"
        with np.errstate(all="ignore"):  # log(0) без обрезки: пусть будет ❌, а не предупреждение
            got = require_done(call_student(f, y_true.copy(), y_pred.copy(), what="bce"), what)
        if certain and isinstance(got, float | np.floating) and not math.isfinite(got):
            raise Wrong(
                f"{what}: получилось {got} — обрежьте вероятности до [ε, 1 − ε] с ε = 1e-7, как Keras."
            )
        got = require_number(got, what)
        expected = float(keras_loss(y_true, y_pred))
        if certain and not np.isclose(got, expected, rtol=LOSS_RTOL, atol=LOSS_ATOL):
            raise Wrong(
                f"{what}: значение неверно — обрезаете ли вы вероятности до [1e-7, 1 − 1e-7], как Keras?"
            )
        require_close(got, expected, what, rtol=LOSS_RTOL, atol=LOSS_ATOL)
    return "Совпало с keras.losses.BinaryCrossentropy(), в том числе на уверенной ошибке."


def _normal_name(value, what, known, aliases=None):
    if not isinstance(value, str):
        raise Wrong(f"{what}: нужна строка, а пришло {type(value).__name__}.")
    name = value.strip().lower()
    name = (aliases or {}).get(name, name)
    if name not in known:
        raise Wrong(f"{what}: {value!r} — такого имени нет среди вариантов: {', '.join(known)}.")
    return name


@TASKS.task(
    "5",
    "Функция потерь и активация выхода",
    lesson="05_loss_functions",
    hint="Регрессия — линейный выход и MSE или MAE; «да/нет» — sigmoid и бинарная кросс-энтропия; "
    "один класс из многих — softmax, а функция потерь зависит от того, как записаны метки.",
)
def _pairs(choices):
    if not isinstance(choices, dict):
        raise Wrong(
            f"ответ: пришёл {type(choices).__name__},"
            " а нужен словарь {задача: (функция потерь, активация)}."
        )
    missing = [key for key in PROBLEMS if key not in choices]
    extra = [repr(key) for key in choices if key not in PROBLEMS]
    if missing:
        raise Wrong(f"в словаре нет задач: {', '.join(missing)}.")
    if extra:
        raise Wrong(f"в словаре лишние ключи: {', '.join(extra)} (нужны ровно: {', '.join(PROBLEMS)}).")
    unfit = []
    for key, (losses, activations) in FITTING.items():
        pair = choices[key]
        if not isinstance(pair, tuple | list) or len(pair) != 2:
            raise Wrong(f"«{key}»: нужна пара (функция потерь, активация), а пришло {pair!r}.")
        loss = _normal_name(pair[0], f"«{key}», функция потерь", KNOWN_LOSSES, LOSS_ALIASES)
        activation = _normal_name(pair[1], f"«{key}», активация", KNOWN_ACTIVATIONS)
        if loss not in losses:
            unfit.append(f"«{key}» — функция потерь")
        if activation not in activations:
            unfit.append(f"«{key}» — активация выходного слоя")
    if unfit:
        raise Wrong(f"не подходит к задаче: {'; '.join(unfit)}.")
    return "Все четыре пары согласованы."


def _keras_params(sizes, biases):
    """The number of parameters Keras itself counts for Dense layers of these sizes."""
    import keras

    layers = [keras.Input(shape=(sizes[0],))]
    for units, bias in zip(sizes[1:], biases, strict=True):
        layers.append(keras.layers.Dense(units, use_bias=bias))
    return keras.Sequential(layers).count_params()


@TASKS.task(
    "6",
    "Число параметров со смещением и без",
    lesson="06_bias_neuron",
    hint="Слой Dense из m нейронов на n входах: n·m весов связей и ещё m смещений, если use_bias=True. "
    "Сложите по всем слоям (соседние размеры — zip(sizes[:-1], sizes[1:])).",
)
def _dense_params(dense_params):
    f = require_callable(dense_params, "dense_params")
    for sizes, biases in NETWORKS:
        what = f"dense_params({sizes}, {biases})"
        got = require_done(call_student(f, list(sizes), list(biases), what="dense_params"), what)
        got = require_number(got, what, integer=True)
        if got != _keras_params(sizes, biases):
            raise Wrong(f"{what} = {got} — не совпало с числом параметров, которое считает Keras.")
    return f"Совпало с count_params() Keras на {len(NETWORKS)} сетях."


@TASKS.task(
    "7",
    "Модель с заданным числом параметров",
    lesson="06_bias_neuron",
    hint="Посчитайте параметры для четырёх вариантов: смещение в обоих слоях, ни в одном, только в первом, "
    "только во втором. Подходит ровно один; отключите смещение в нужном слое аргументом use_bias=False.",
)
def _model_params(model):
    import keras

    model = require_model(model)
    if input_shape(model) != MODEL_INPUT:
        raise Wrong(f"вход модели формы {input_shape(model)}, а нужен {MODEL_INPUT}.")
    dense = layers_of(model, keras.layers.Dense)
    units = [layer.get_config()["units"] for layer in dense]
    if units != MODEL_UNITS:
        raise Wrong(f"слои Dense модели: нейронов {units}, а по условию нужно {MODEL_UNITS}.")
    activations = [activation_name(layer) for layer in dense]
    if activations != MODEL_ACTIVATIONS:
        raise Wrong(f"активации слоёв Dense {activations}, а по условию нужны {MODEL_ACTIVATIONS}.")
    params = model.count_params()
    if params != MODEL_PARAMS:
        raise Wrong(f"у модели {params} параметров, а нужно {MODEL_PARAMS}: в каких слоях включено смещение?")
    return "Смещение включено там, где нужно."


def _losses_of(history, name):
    """The training losses of one History, checked to be a whole, finite, decreasing run."""
    losses = history.history.get("loss") if isinstance(history.history, dict) else None
    if getattr(history, "model", None) is None or not losses:
        raise Wrong(f"{name}: история пустая — передайте то, что вернул model.fit(...).")
    planned = (history.params or {}).get("epochs")
    if planned != len(losses):
        raise Wrong(
            f"{name}: обучение прошло {plural(len(losses), 'эпоху', 'эпохи', 'эпох')} "
            f"из запланированных {planned}"
            " — дайте ему дойти до конца."
        )
    steps = (history.params or {}).get("steps")
    optimizer = getattr(history.model, "optimizer", None)
    if not steps or optimizer is None or int(optimizer.iterations.numpy()) != steps * len(losses):
        raise Wrong(
            f"{name}: эта история не от единственного вызова model.fit этой модели — соберите модель"
            " заново и обучите её одним вызовом fit."
        )
    losses = [float(value) for value in losses]
    if not all(math.isfinite(value) for value in losses):
        raise Wrong(
            f"{name}: потери стали NaN или бесконечностью — обучение разошлось"
            " (слишком большая скорость обучения?)."
        )
    if not losses[-1] < losses[0]:
        raise Wrong(f"{name}: потери к последней эпохе не уменьшились — модель не учится.")
    return losses


def _architecture(model):
    return [type(layer).__name__ for layer in model.layers], model.count_params(), loss_name(model)


@TASKS.task(
    "8",
    "SGD против Adam",
    lesson="04_optimizers",
    hint="Соберите и обучите модель дважды, каждый раз заново "
    "(одна и та же функция с keras.utils.set_random_seed внутри). "
    "Победитель — тот, у кого меньше history.history['loss'][-1].",
)
def _race(history_sgd, history_adam, winner):
    import keras

    histories = {"history_sgd": history_sgd, "history_adam": history_adam}
    for name, history in histories.items():
        if not isinstance(history, keras.callbacks.History):
            raise Wrong(
                f"{name}: пришёл {type(history).__name__}, а нужен объект History"
                " — то, что возвращает model.fit(...)."
            )
    final = {name: _losses_of(history, name)[-1] for name, history in histories.items()}
    if history_sgd.model is history_adam.model:
        raise Wrong("обе истории — от одной модели: для каждого оптимизатора соберите модель заново.")
    kinds = [keras.optimizers.SGD, keras.optimizers.Adam]
    for (name, history), kind in zip(histories.items(), kinds, strict=True):
        optimizer = history.model.optimizer
        if not isinstance(optimizer, kind):
            raise Wrong(
                f"{name}: модель обучалась оптимизатором {type(optimizer).__name__}, а нужен {kind.__name__} "
                "(порядок: сначала история SGD, потом Adam)."
            )
    if len(history_sgd.history["loss"]) != len(history_adam.history["loss"]):
        raise Wrong("модели обучались разное число эпох — сравнение нечестное.")
    if len(history_sgd.history["loss"]) < MIN_EPOCHS:
        raise Wrong(
            f"слишком короткое обучение: нужно хотя бы {plural(MIN_EPOCHS, 'эпоха', 'эпохи', 'эпох')}."
        )
    if _architecture(history_sgd.model) != _architecture(history_adam.model):
        raise Wrong(
            "модели отличаются (слои, число параметров или функция потерь)"
            " — сравнивать можно только одинаковые."
        )
    if not isinstance(winner, str):
        raise Wrong(f"winner: нужна строка 'sgd' или 'adam', а пришло {type(winner).__name__}.")
    choice = winner.strip().lower()
    if choice not in ("sgd", "adam"):
        raise Wrong(f"winner: {winner!r} — нужна строка 'sgd' или 'adam'.")
    sgd, adam = final["history_sgd"], final["history_adam"]
    tie = math.isclose(sgd, adam, rel_tol=1e-3)
    if not tie and choice != ("sgd" if sgd < adam else "adam"):
        raise Wrong("winner не согласуется с вашими же историями: сравните потери на последней эпохе.")
    return f"Потери на последней эпохе: SGD {sgd:.4g}, Adam {adam:.4g}."
