"""Tasks of hw04_fashion_dense (after lessons 07, 08, 09). Introduced in hw04_fashion_dense.

A fully connected network on Fashion-MNIST from the raw arrays to a trained
and saved model. The checker loads its own copy of the data with
``helpers.data.load_fashion_mnist()``: prepared arrays are compared with it,
and trained models are measured on its own test split.
"""

import functools
import math
import os

import numpy as np

from helpers.checks import (
    TaskList,
    Wrong,
    call_student,
    epochs_trained,
    input_shape,
    layers_of,
    loss_from_logits,
    loss_name,
    model_layers,
    require_array,
    require_callable,
    require_compiled,
    require_done,
    require_model,
    require_number,
    require_softmax_classifier,
    require_trained_classifier,
)
from helpers.data import FASHION_MNIST_CLASSES
from helpers.russian import plural

TASKS = TaskList("hw04", "Fashion-MNIST: полносвязная сеть от данных до модели", after=("07", "08", "09"))

PIXELS = 28 * 28
CLASS_COUNT = 10
THRESHOLD = 0.88  # test accuracy the trained model must reach
MAX_EPOCHS = 10  # the training budget of task 5
TEST_INDEX = 2026  # the test image of task 6
CHUNK = 10_000  # rows compared at a time: no 60000×784 float64 temporaries

# (images given to fit, batch size, validation_split): chosen so that every
# sensible formula gives the same count (n · validation_split is a whole number).
STEP_CASES = [
    (60_000, 128, 0.1),
    (54_000, 128, 0.0),
    (12_800, 128, 0.0),
    (1_000, 64, 0.2),
    (50_000, 256, 0.1),
    (10_000, 32, 0.25),
    (7_000, 50, 0.3),
    (50, 64, 0.0),
]


@functools.cache
def _fashion_mnist():
    from helpers.data import load_fashion_mnist

    return load_fashion_mnist()


def _prepare(images):
    return images.reshape(len(images), -1).astype("float32") / 255.0


def _test_split():
    """The checker's own test split: images prepared as task 1 asks, integer labels."""
    (_, _), (x_test, y_test) = _fashion_mnist()
    return _prepare(x_test), y_test


@TASKS.task(
    "1",
    "Подготовка картинок",
    lesson="07_mnist_dense",
    hint="Вытяните каждую картинку в вектор: x_train_org.reshape(len(x_train_org), -1), "
    "затем .astype('float32') и деление на 255. Порядок картинок не меняйте.",
)
def _prepared_images(x_train):
    require_array(x_train, "x_train", shape=(60_000, PIXELS))
    if x_train.dtype != np.float32:
        raise Wrong(f"x_train: тип элементов {x_train.dtype}, а нужен float32 — добавьте .astype('float32').")
    low, high = float(x_train.min()), float(x_train.max())
    if low < 0 or high > 1:
        raise Wrong(f"x_train: значения от {low:g} до {high:g}, а после нормализации должны лежать в [0, 1].")
    (images, _), _ = _fashion_mnist()
    bad = 0
    for start in range(0, len(images), CHUNK):
        expected = _prepare(images[start : start + CHUNK])
        wrong = np.abs(x_train[start : start + CHUNK] - expected) > 1e-6
        bad += int(np.count_nonzero(wrong.any(axis=1)))
    if bad:
        raise Wrong(
            f"x_train: {bad} из {len(images)} картинок не совпадают с исходными, поделёнными на 255 "
            "(допуск 1e-6) — проверьте делитель и порядок картинок."
        )
    return "60 000 векторов по 784 числа от 0 до 1."


@TASKS.task(
    "2",
    "Метки в формате one-hot",
    lesson="07_mnist_dense",
    hint="keras.utils.to_categorical(y_train_org, 10): у каждой картинки вектор из 10 чисел, "
    "единица стоит на месте её класса.",
)
def _one_hot_labels(y_train):
    if isinstance(y_train, np.ndarray) and y_train.dtype.kind in "iu":
        require_array(y_train, "y_train", shape=(60_000, CLASS_COUNT), dtype_kind="i")
    else:
        require_array(y_train, "y_train", shape=(60_000, CLASS_COUNT))
    is_binary = (y_train == 0) | (y_train == 1)
    not_one_hot = int(np.count_nonzero(~is_binary.all(axis=1) | (y_train.sum(axis=1) != 1)))
    if not_one_hot:
        raise Wrong(
            f"y_train: {plural(not_one_hot, 'строка', 'строки', 'строк')} не в формате one-hot — "
            "в каждой строке должна быть ровно одна единица, остальные нули."
        )
    (_, labels), _ = _fashion_mnist()
    bad = int(np.count_nonzero(np.argmax(y_train, axis=1) != labels))
    if bad:
        raise Wrong(
            f"y_train: у {bad} из {len(labels)} строк единица стоит не на месте класса картинки "
            "— проверьте порядок меток."
        )
    return "Единица в каждой строке стоит на месте класса."


@TASKS.task(
    "3",
    "Шагов оптимизатора за эпоху",
    lesson="07_mnist_dense",
    hint="Сначала validation_split отрезает проверочную долю: в обучение идёт "
    "math.floor(n_images * (1 - validation_split)) картинок. Последний батч может быть неполным, "
    "но это тоже шаг — поэтому округляем вверх: math.ceil(...).",
)
def _steps_per_epoch(steps_per_epoch):
    f = require_callable(steps_per_epoch, "steps_per_epoch")
    for n_images, batch_size, validation_split in STEP_CASES:
        what = f"steps_per_epoch({n_images}, {batch_size}, {validation_split})"
        got = require_done(call_student(f, n_images, batch_size, validation_split, what=what), what)
        got = require_number(got, what, integer=True)
        train = int(math.floor(n_images * (1.0 - validation_split)))
        if got != -(-train // batch_size):
            raise Wrong(
                f"{what} = {got} — неверно. Сколько картинок остаётся на обучение "
                "и что происходит с последним неполным батчем?"
            )
    return f"Число шагов совпало в {len(STEP_CASES)} случаях."


def _require_dense_classifier(model, what="модель"):
    """Task 4's architecture and compile checks, shared by tasks 5 and 6."""
    import keras

    require_model(model, what)
    shape = input_shape(model)
    if shape != (PIXELS,):
        raise Wrong(
            f"{what}: вход формы {shape}, а нужен (784,) — вытянутая картинка: keras.Input(shape=(784,))."
        )
    # Activation layers in any form: Activation("relu"), ReLU(), LeakyReLU(), PReLU(), Softmax().
    kl = keras.layers
    activations = (kl.Activation, kl.ReLU, kl.LeakyReLU, kl.PReLU, kl.Softmax)
    allowed = (kl.Dense, kl.Dropout, kl.BatchNormalization, *activations)
    layers = model_layers(model)
    for layer in layers:
        if not isinstance(layer, allowed):
            raise Wrong(
                f"{what}: слой {type(layer).__name__} здесь не разрешён — сеть полносвязная: "
                "только Dense, Dropout, BatchNormalization и слои активации."
            )
    dense = layers_of(model, keras.layers.Dense)
    if len(dense) < 2:
        raise Wrong(f"{what}: нужен хотя бы один скрытый слой Dense перед выходным.")
    units = dense[-1].get_config()["units"]
    if units != CLASS_COUNT:
        raise Wrong(f"{what}: в выходном слое Dense {units} нейронов, а классов 10.")
    require_softmax_classifier(model, what)
    require_compiled(model, what)
    name = loss_name(model).replace("_", "").lower()
    if name == "sparsecategoricalcrossentropy":
        raise Wrong(
            f"{what}: функция потерь sparse_categorical_crossentropy ждёт метки-числа, "
            "а наши y_train — в формате one-hot: нужна categorical_crossentropy."
        )
    if name != "categoricalcrossentropy":
        raise Wrong(f"{what}: функция потерь {loss_name(model)!r}, а нужна категориальная кросс-энтропия.")
    if loss_from_logits(model):
        raise Wrong(f"{what}: from_logits=True не подходит — выход сети уже прошёл через softmax.")
    return model


@TASKS.task(
    "4",
    "Полносвязная модель",
    lesson="09_fashion_mnist_dense",
    hint="keras.Sequential([keras.Input(shape=(784,)), keras.layers.Dense(…, activation='relu'), "
    "…, keras.layers.Dense(10, activation='softmax')]), затем "
    "model.compile(loss='categorical_crossentropy', optimizer=…, metrics=['accuracy']). "
    "Dropout и BatchNormalization — по желанию (уроки 08 и 09).",
)
def _dense_model(model):
    _require_dense_classifier(model)
    count = f"{model.count_params():,}".replace(",", " ")
    return f"Архитектура подходит, параметров в модели: {count}."


@TASKS.task(
    "5",
    "Обученная модель: не меньше 0,88 на тесте",
    lesson="09_fashion_mnist_dense",
    hint="Не больше 10 эпох в сумме (повторный fit продолжает счёт — пересоздайте модель). "
    "Помогают Dropout (урок 08), BatchNormalization и уменьшение скорости обучения "
    "к концу обучения — CosineDecay (уроки 07 и 09).",
)
def _trained_model(model):
    _require_dense_classifier(model)
    x_test, y_test = _test_split()
    accuracy = require_trained_classifier(model, x_test, y_test, threshold=THRESHOLD, max_epochs=MAX_EPOCHS)
    epochs = round(epochs_trained(model))
    return f"Точность на тестовой выборке {accuracy:.3f} за {plural(epochs, 'эпоху', 'эпохи', 'эпох')}."


@TASKS.task(
    "6",
    "Ответ сети для одной картинки",
    lesson="07_mnist_dense",
    hint="model.predict ждёт батч: подайте x_test[2026:2027] (форма (1, 784)). "
    "Номер класса — np.argmax от 10 вероятностей, int(...) превратит его в обычное число.",
)
def _single_prediction(model, predicted_class):
    predicted_class = require_number(predicted_class, "номер класса", integer=True)
    if not 0 <= predicted_class < CLASS_COUNT:
        raise Wrong(f"номер класса {predicted_class}: классы пронумерованы от 0 до 9.")
    _require_dense_classifier(model)
    x_test, y_test = _test_split()
    try:
        require_trained_classifier(model, x_test, y_test, threshold=THRESHOLD, max_epochs=MAX_EPOCHS)
    except Wrong as reason:
        raise Wrong(f"сначала доведите модель до условия задания 5: {reason}") from reason
    probabilities = np.asarray(model.predict(x_test[TEST_INDEX : TEST_INDEX + 1], verbose=0))
    if int(np.argmax(probabilities[0])) != predicted_class:
        raise Wrong(
            f"номер класса {predicted_class} — не тот, который ваша модель выдаёт для тестовой "
            f"картинки № {TEST_INDEX}."
        )
    return f"Модель видит на картинке № {TEST_INDEX} класс «{FASHION_MNIST_CLASSES[predicted_class]}»."


@TASKS.task(
    "7",
    "Модель в файле .keras",
    lesson="07_mnist_dense",
    hint="model.save(путь) с расширением .keras сохраняет модель целиком: архитектуру, веса "
    "и настройки обучения. Сохраняйте уже обученную модель.",
)
def _saved_model(model, path):
    import keras

    if not isinstance(path, str | os.PathLike):
        raise Wrong(f"путь: пришёл {type(path).__name__}, а нужна строка или pathlib.Path.")
    path = os.fspath(path)
    if not path.endswith(".keras"):
        raise Wrong(f"файл {os.path.basename(path)!r}: модель целиком в Keras 3 сохраняют в формат .keras.")
    if not os.path.isfile(path):
        raise Wrong(f"файла {path} нет — сохраните модель: model.save(путь).")
    _require_dense_classifier(model)
    if epochs_trained(model) == 0:
        raise Wrong("модель ещё не обучалась — сохраните обученную модель из задания 5.")
    try:
        loaded = keras.saving.load_model(path)
    except Exception as error:
        raise Wrong(
            f"файл {path} не читается как модель Keras (повреждён или это не .keras-архив) — сохраните "
            f"модель заново: model.save(путь). Ошибка Keras: {type(error).__name__}: {error}"
        ) from error
    x_test, _ = _test_split()
    sample = x_test[:200]
    try:
        from_file = np.asarray(loaded.predict(sample, verbose=0))
    except Exception as error:
        raise Wrong(
            f"модель из файла не принимает картинки формы (n, 784): {type(error).__name__}: {error}"
        ) from error
    original = np.asarray(model.predict(sample, verbose=0))
    if from_file.shape != original.shape or not np.allclose(from_file, original, atol=1e-5):
        raise Wrong(
            "модель из файла отвечает не так, как model (допуск 1e-5) — "
            "сохраните модель заново после обучения."
        )
    return "Модель из файла отвечает так же, как исходная."
