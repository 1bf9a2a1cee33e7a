"""Tasks of hw02_keras_neurons (after lesson 03). Introduced in hw02_keras_neurons.

Parameter counts of Sequential models by formula, the weights that ``get_weights()``
returns, a neuron with hand-set weights, iterations per epoch, and two single-neuron
regressions trained in Keras on new linear laws. Models are inspected through the public
Keras 3 API and evaluated here on the checker's own inputs.
"""

import numpy as np

from helpers.checks import (
    TaskList,
    Wrong,
    activation_name,
    call_student,
    epochs_trained,
    input_shape,
    model_layers,
    require_callable,
    require_close,
    require_done,
    require_model,
    require_number,
)

TASKS = TaskList("hw02", "Первые нейроны в Keras")

# Task 1: the models whose parameters are counted, as sizes [inputs, units of each Dense layer].
PARAM_MODELS = {"а": (6, 12, 1), "б": (20, 64, 32, 10), "в": (784, 64, 10)}
# Task 2: the model whose get_weights() is read: Input(5) → Dense(3) → Dense(2).
SHAPES_MODEL = (5, 3, 2)
# Task 3: the law the neuron computes with hand-set weights.
HAND_WEIGHTS, HAND_BIAS = (2.0, -0.5, 1.5), -4.0
# Tasks 5 and 6: the laws the neurons learn, and the tolerances on their learned weights.
LAW_ONE, LAW_TWO = ((3.0,), -7.0), ((0.5, -2.0), 4.0)
WEIGHT_TOLERANCE, BIAS_TOLERANCE, PREDICTION_TOLERANCE = 0.05, 0.1, 0.5


def _dense_params(sizes):
    """Parameters of Dense layers stacked on an input: Σ (inputs · units + units)."""
    return sum(n_in * n_out + n_out for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=False))


@TASKS.task(
    "1",
    "Параметры по формуле",
    lesson="03_first_neurons_keras",
    hint="У слоя Dense(units), который получает n_in чисел, n_in·units весов и units смещений. "
    "Считайте слой за слоем: вход следующего слоя — число нейронов предыдущего. "
    "Ответ — целое число (int), а не 97.0.",
)
def _param_counts(params_a, params_b, params_c):
    answers = (params_a, params_b, params_c)
    for (label, sizes), value in zip(PARAM_MODELS.items(), answers, strict=True):
        got = require_number(
            require_done(value, f"модель ({label})"), f"число параметров модели ({label})", integer=True
        )
        if got != _dense_params(sizes):
            raise Wrong(
                f"число параметров модели ({label}) неверно — пересчитайте веса и смещения каждого слоя."
            )
    return "Все три числа совпали."


def _require_shape_tuple(value, what):
    if not isinstance(value, tuple):
        raise Wrong(
            f"{what}: пришёл {type(value).__name__}, а форма массива в NumPy — кортеж (tuple), "
            "как array.shape."
        )
    for size in value:
        require_number(size, what, integer=True)
    return tuple(int(size) for size in value)


@TASKS.task(
    "2",
    "Формы массивов get_weights()",
    lesson="03_first_neurons_keras",
    hint="get_weights() возвращает список: ядро и смещение первого слоя, потом второго. "
    "Форма ядра — (число входов слоя, число нейронов), смещения — (число нейронов,). "
    "Проще всего: [w.shape for w in model.get_weights()].",
)
def _weight_shapes(weight_shapes):
    n_in, hidden, out = SHAPES_MODEL
    expected = [(n_in, hidden), (hidden,), (hidden, out), (out,)]
    if not isinstance(weight_shapes, list | tuple):
        raise Wrong(
            f"weight_shapes: пришёл {type(weight_shapes).__name__}, а нужен список форм (list из tuple)."
        )
    if len(weight_shapes) != len(expected):
        raise Wrong(
            f"weight_shapes: число форм в списке — {len(weight_shapes)}, а get_weights() этой модели "
            "возвращает по два массива на каждый слой Dense."
        )
    for number, (value, want) in enumerate(zip(weight_shapes, expected, strict=True), start=1):
        what = f"форма массива № {number}"
        got = _require_shape_tuple(value, what)
        if got != want:
            role = "ядра" if number % 2 else "смещения"
            raise Wrong(f"{what} (это массив {role}) неверна — какой формы {role} у этого слоя?")
    return "Формы всех четырёх массивов верны."


def _require_single_neuron(model, n_inputs):
    """A keras model of exactly one Dense(1) layer, linear, with a bias, on n_inputs numbers."""
    import keras

    require_model(model)
    layers = model_layers(model)
    dense = [layer for layer in layers if isinstance(layer, keras.layers.Dense)]
    if len(layers) != 1 or len(dense) != 1:
        raise Wrong(
            f"в модели слоёв: {len(layers)}, из них Dense: {len(dense)} — "
            "а нужен ровно один слой keras.layers.Dense после keras.Input."
        )
    layer = dense[0]
    config = layer.get_config()
    if config.get("units") != 1:
        raise Wrong(f"число нейронов в слое Dense — {config.get('units')}, а нужен один нейрон: Dense(1).")
    activation = activation_name(layer)
    if activation != "linear":
        raise Wrong(f"активация нейрона — {activation!r}, а для регрессии нужна линейная (по умолчанию).")
    if not config.get("use_bias", True):
        raise Wrong("у нейрона нет смещения (use_bias=False), а в законе есть свободный член.")
    shape = input_shape(model)
    if shape != (n_inputs,):
        raise Wrong(f"форма входа модели {shape} не подходит: сколько чисел в одном объекте по условию?")
    return layer


def _require_law(model, layer, weights, bias, seed, tolerances):
    """The neuron's kernel, bias and predictions on the checker's own x follow the law."""
    weight_tol, bias_tol, prediction_tol = tolerances
    kernel, got_bias = (np.asarray(array, dtype=float) for array in layer.get_weights())
    require_close(kernel[:, 0], np.array(weights), "веса нейрона (ядро)", rtol=0, atol=weight_tol)
    require_close(got_bias, np.array([bias]), "смещение нейрона", rtol=0, atol=bias_tol)
    x = np.random.default_rng(seed).uniform(-20, 20, size=(200, len(weights))).astype("float32")
    predictions = np.asarray(model.predict(x, verbose=0), dtype=float)
    if predictions.shape != (len(x), 1):
        raise Wrong(f"модель выдаёт ответы формы {predictions.shape}, а нужна (число объектов, 1).")
    expected = x.astype(float) @ np.array(weights) + bias
    worst = float(np.max(np.abs(predictions[:, 0] - expected)))
    if not np.isfinite(worst) or worst > prediction_tol:
        raise Wrong(
            "прогнозы модели на проверочных x от −20 до 20 отходят от закона "
            f"больше чем на {prediction_tol:g}."
        )
    return worst


@TASKS.task(
    "3",
    "Нейрон с заданными весами",
    lesson="03_first_neurons_keras",
    hint="Соберите keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(1)]) и вызовите "
    "model.set_weights([ядро, смещение]): ядро — массив формы (3, 1), смещение — формы (1,).",
)
def _hand_weights(model):
    layer = _require_single_neuron(model, len(HAND_WEIGHTS))
    _require_law(model, layer, HAND_WEIGHTS, HAND_BIAS, seed=303, tolerances=(1e-6, 1e-6, 1e-3))
    return "Нейрон считает ровно заданную формулу."


@TASKS.task(
    "4",
    "Итерации за эпоху",
    lesson="03_first_neurons_keras",
    hint="Итераций за эпоху ⌈N / B⌉: последний батч может быть неполным. "
    "math.ceil(n / batch_size) возвращает int; np.ceil — float, он не подойдёт.",
)
def _iterations_per_epoch(iterations_per_epoch):
    f = require_callable(iterations_per_epoch, "iterations_per_epoch")
    pairs = [(1000, 32), (2500, 64), (640, 64), (10, 32), (7, 1), (60000, 128), (50000, 100), (129, 128)]
    for n, batch_size in pairs:
        what = f"iterations_per_epoch({n}, {batch_size})"
        got = require_done(call_student(f, n, batch_size, what="iterations_per_epoch"), what)
        got = require_number(got, what, integer=True)
        if got != -(-n // batch_size):
            raise Wrong(f"{what}: число итераций неверно — не забыт ли неполный последний батч?")
    return f"Верно на {len(pairs)} парах (N, batch_size)."


def _trained_neuron(model, law, seed):
    weights, bias = law
    layer = _require_single_neuron(model, len(weights))
    if epochs_trained(model) == 0:
        raise Wrong("модель ещё не обучалась — вызовите model.fit(...) и проверьте снова.")
    tolerances = (WEIGHT_TOLERANCE, BIAS_TOLERANCE, PREDICTION_TOLERANCE)
    worst = _require_law(model, layer, weights, bias, seed=seed, tolerances=tolerances)
    return f"Закон выучен: на 200 проверочных x наибольшее отклонение прогноза {worst:.3f}."


@TASKS.task(
    "5",
    "Нейрон учит закон y = 3x − 7",
    lesson="03_first_neurons_keras",
    hint="Как нейрон для умножения из урока 03: x от −10 до 10 формы (N, 1), y = 3·x − 7, "
    "модель keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1)]), "
    "compile(optimizer=keras.optimizers.SGD(learning_rate=0.01), loss='mse'), затем fit. "
    "Если смещение не успело дойти до −7, добавьте эпох.",
)
def _law_one(model):
    return _trained_neuron(model, LAW_ONE, seed=505)


@TASKS.task(
    "6",
    "Два входа: y = 0,5·x₁ − 2·x₂ + 4",
    lesson="03_first_neurons_keras",
    hint="Как нейрон для сложения из урока 03: x формы (N, 2), y = 0.5·x[:, :1] − 2·x[:, 1:] + 4 "
    "формы (N, 1), keras.Input(shape=(2,)), один Dense(1), SGD и mse.",
)
def _law_two(model):
    return _trained_neuron(model, LAW_TWO, seed=606)
