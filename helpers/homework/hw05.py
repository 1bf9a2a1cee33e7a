"""Tasks of hw05_fashion_cnn (after lessons 10_cnn_mnist and 11_cnn_fashion_mnist).

Introduced in hw05_fashion_cnn: sizes and parameters of convolutional layers by
formula, Fashion-MNIST prepared for a CNN, a CNN of one's own and its training
to a test accuracy threshold within an epoch budget.
"""

import functools

import numpy as np

from helpers.checks import (
    TaskList,
    Wrong,
    call_student,
    input_shape,
    layers_of,
    loss_from_logits,
    loss_name,
    require_array,
    require_callable,
    require_compiled,
    require_done,
    require_model,
    require_number,
    require_softmax_classifier,
    require_trained_classifier,
)

TASKS = TaskList("hw05", "Свёрточная сеть для Fashion-MNIST")

# Task 4–6: what the prepared pictures look like and what the trained model must reach.
IMAGE_SHAPE = (28, 28, 1)
THRESHOLD = 0.91
MAX_EPOCHS = 10
CROSS_ENTROPY = ("sparse_categorical_crossentropy", "categorical_crossentropy")

# Task 1: the checker's own cases (size, kernel, stride, padding) — odd sizes, strides 1–3, kernels 1–7.
SIZE_CASES = [
    (28, 3, 1, "valid"),
    (28, 5, 1, "valid"),
    (28, 3, 2, "valid"),
    (27, 3, 2, "valid"),
    (13, 2, 2, "valid"),
    (7, 2, 2, "valid"),
    (32, 7, 3, "valid"),
    (10, 1, 1, "valid"),
    (28, 3, 1, "same"),
    (28, 5, 2, "same"),
    (13, 3, 2, "same"),
    (7, 2, 2, "same"),
    (32, 3, 3, "same"),
    (9, 4, 1, "same"),
]


def _size_by_formula(size, kernel, stride, padding):
    if padding == "same":
        return int(np.ceil(size / stride))
    return (size - kernel) // stride + 1


def _given_stack():
    """The stack of tasks 2 and 3 — the same listing the notebook shows as text."""
    import keras

    return keras.Sequential(
        [
            keras.Input(shape=IMAGE_SHAPE),
            keras.layers.Conv2D(16, 5, activation="relu"),
            keras.layers.MaxPooling2D(2),
            keras.layers.Conv2D(32, 3, strides=2, padding="same", use_bias=False),
            keras.layers.BatchNormalization(),
            keras.layers.Activation("relu"),
            keras.layers.Conv2D(64, 3, activation="relu"),
            keras.layers.MaxPooling2D(2),
            keras.layers.Flatten(),
            keras.layers.Dense(32, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )


@functools.cache
def _stack_facts():
    """(names, output shapes, parameter counts) of the given stack, as Keras itself computes them."""
    model = _given_stack()
    names = [type(layer).__name__ for layer in model.layers]
    shapes, shape = [], (None, *IMAGE_SHAPE)
    for layer in model.layers:
        shape = tuple(layer.compute_output_shape(shape))
        shapes.append(tuple(int(size) for size in shape[1:]))
    params = [int(layer.count_params()) for layer in model.layers]
    return names, shapes, params


@functools.cache
def _fashion_test_prepared():
    """The checker's own Fashion-MNIST test split, prepared as task 4 asks."""
    from helpers.data import load_fashion_mnist

    _, (x_test, y_test) = load_fashion_mnist()
    return (x_test / 255.0).astype("float32")[..., np.newaxis], np.asarray(y_test)


def _require_list(value, what, length):
    if not isinstance(value, list | tuple):
        raise Wrong(f"{what}: нужен список (list), а пришло {type(value).__name__}.")
    if len(value) != length:
        raise Wrong(
            f"{what}: в списке {len(value)} элементов, а слоёв в стопке {length} — по одному на слой."
        )
    return list(value)


def _wrong_layers(got, expected, names):
    return ", ".join(
        f"{number} ({name})"
        for number, (name, mine, right) in enumerate(zip(names, got, expected, strict=True), start=1)
        if mine != right
    )


@TASKS.task(
    "1",
    "Размер выхода свёртки",
    lesson="10_cnn_mnist",
    hint="padding='valid': (size − kernel) // stride + 1; padding='same': размер делится на шаг "
    "с округлением вверх, -(-size // stride). Ответ — целое число, поэтому деление целочисленное (//).",
)
def _conv_output_size(function):
    f = require_callable(function, "conv_output_size")
    for size, kernel, stride, padding in SIZE_CASES:
        call = f"conv_output_size({size}, {kernel}, {stride}, {padding!r})"
        got = require_done(call_student(f, size, kernel, stride, padding, what=call), call)
        got = require_number(got, call, integer=True)
        if got != _size_by_formula(size, kernel, stride, padding):
            raise Wrong(f"{call} вернула неверный размер. Проверьте формулу для padding={padding!r}.")
    return f"Размер совпал во всех {len(SIZE_CASES)} случаях — с шагом 1, 2, 3 и обоими видами padding."


@TASKS.task(
    "2",
    "Формы выхода слоёв",
    lesson="10_cnn_mnist",
    hint="Идите по слоям сверху вниз, выход одного — вход следующего. Conv2D меняет высоту и ширину "
    "по формуле задания 1, а каналов делает столько, сколько фильтров. MaxPooling2D(2) — это окно 2 "
    "с шагом 2 без дополнения. BatchNormalization и Activation форму не меняют; Flatten даёт (h·w·c,).",
)
def _layer_shapes(shapes):
    names, expected, _ = _stack_facts()
    shapes = _require_list(shapes, "shapes", len(expected))
    for number, shape in enumerate(shapes, start=1):
        what = f"форма после слоя {number} ({names[number - 1]})"
        if not isinstance(shape, tuple | list):
            raise Wrong(
                f"{what}: нужен кортеж целых чисел, например (h, w, c) или (n,), "
                f"а пришло {type(shape).__name__}."
            )
        for size in shape:
            if size is None:
                raise Wrong(f"{what}: в форме есть None — ось батча в ответ не входит, уберите её.")
            require_number(size, what, integer=True)
    shapes = [tuple(int(size) for size in shape) for shape in shapes]
    wrong = _wrong_layers(shapes, expected, names)
    if wrong:
        raise Wrong(f"неверна форма выхода слоёв: {wrong}. Ось батча в форму не входит.")
    return f"Все {len(expected)} форм верны."


@TASKS.task(
    "3",
    "Число параметров слоёв",
    lesson="10_cnn_mnist",
    hint="Conv2D: (k·k·C_in + 1)·F, без смещения (use_bias=False) — k·k·C_in·F; C_in — число каналов "
    "на входе слоя (из задания 2). Dense: (n_in + 1)·n. BatchNormalization: 4 числа на канал "
    "(урок 11). У MaxPooling2D, Activation и Flatten параметров нет.",
)
def _layer_params(params):
    names, _, expected = _stack_facts()
    params = _require_list(params, "params", len(expected))
    params = [
        require_number(count, f"параметры слоя {number} ({names[number - 1]})", integer=True)
        for number, count in enumerate(params, start=1)
    ]
    wrong = _wrong_layers(params, expected, names)
    if wrong:
        raise Wrong(f"неверно число параметров слоёв: {wrong}.")
    return f"Все {len(expected)} чисел верны, всего параметров {sum(expected)}."


def _require_images(x, what, raw):
    x = require_array(x, what, shape=(len(raw), *IMAGE_SHAPE), dtype_kind="f")
    if x.dtype != np.float32:
        raise Wrong(f"{what}: тип элементов {x.dtype}, а нужен float32 — .astype('float32').")
    if x.min() < 0 or x.max() > 1:
        raise Wrong(f"{what}: яркости выходят за отрезок [0, 1].")
    for start in range(0, len(raw), 10000):  # по частям, чтобы не занимать лишнюю память
        mine = x[start : start + 10000].reshape(-1)
        right = raw[start : start + 10000].reshape(-1) / 255.0
        if not np.allclose(mine, right, rtol=0, atol=1e-6):
            raise Wrong(
                f"{what}: яркости не совпадают с исходными картинками, делёнными на 255 "
                "(допуск 1e-6); порядок картинок менять нельзя."
            )


@TASKS.task(
    "4",
    "Данные для свёрточной сети",
    lesson="10_cnn_mnist",
    hint="Разделите яркости на 255.0, приведите к float32 и добавьте в конец ось каналов: "
    "x[..., np.newaxis] превращает форму (n, 28, 28) в (n, 28, 28, 1).",
)
def _prepared_data(x_train, x_test):
    from helpers.data import load_fashion_mnist

    (train_raw, _), (test_raw, _) = load_fashion_mnist()
    _require_images(x_train, "x_train", train_raw)
    _require_images(x_test, "x_test", test_raw)
    return f"x_train {x_train.shape}, x_test {x_test.shape}, float32 в [0, 1]."


def _require_cnn(model, what="модель"):
    """The task-5 architecture: input (28, 28, 1), a Conv2D, 10 softmax outputs, a cross-entropy loss."""
    import keras

    model = require_model(model, what)
    if input_shape(model) != IMAGE_SHAPE:
        raise Wrong(
            f"{what}: форма входа {input_shape(model)} не совпадает с формой одной картинки из задания 4."
        )
    if not layers_of(model, keras.layers.Conv2D):
        raise Wrong(f"{what}: в ней нет ни одного слоя Conv2D — это ещё не свёрточная сеть.")
    outputs = tuple(model.outputs[0].shape[1:])
    if outputs != (10,):
        raise Wrong(f"{what}: выход формы {outputs}, а нужна одна вероятность на каждый класс Fashion-MNIST.")
    require_softmax_classifier(model, what)
    require_compiled(model, what)
    if loss_name(model) not in CROSS_ENTROPY:
        raise Wrong(
            f"{what}: функция потерь {loss_name(model)!r} не подходит для классификации "
            "с метками-числами — нужна кросс-энтропия."
        )
    if loss_from_logits(model):
        raise Wrong(f"{what}: from_logits=True не подходит — выход сети уже прошёл через softmax.")
    return model


@TASKS.task(
    "5",
    "Архитектура свёрточной сети",
    lesson="11_cnn_fashion_mnist",
    hint="keras.Sequential([keras.Input(shape=(28, 28, 1)), блоки Conv2D → BatchNormalization → "
    "ReLU → MaxPooling2D, затем Flatten, Dense, Dropout и Dense(10, activation='softmax')]); "
    "model.compile(optimizer=keras.optimizers.Adam(...), loss='sparse_categorical_crossentropy', "
    "metrics=['accuracy']).",
)
def _architecture(model):
    import keras

    model = _require_cnn(model)
    convs = len(layers_of(model, keras.layers.Conv2D))
    count = f"{model.count_params():,}".replace(",", " ")
    return f"Свёрточных слоёв: {convs}, параметров: {count}."


@TASKS.task(
    "6",
    f"Точность не ниже {THRESHOLD} за {MAX_EPOCHS} эпох",
    lesson="11_cnn_fashion_mnist",
    hint="Помогают нормализация по батчу, Dropout и скорость обучения, которая уменьшается по "
    "расписанию (CosineDecay, урок 11). Эпох всего не больше 10, считая все вызовы fit. "
    "Если не хватает точности — добавьте фильтров или эпох в пределах бюджета и обучите модель заново.",
)
def _trained(model):
    model = _require_cnn(model)
    x_test, y_test = _fashion_test_prepared()
    accuracy = require_trained_classifier(model, x_test, y_test, threshold=THRESHOLD, max_epochs=MAX_EPOCHS)
    return f"Точность на тестовой выборке проверки: {accuracy:.4f}."
