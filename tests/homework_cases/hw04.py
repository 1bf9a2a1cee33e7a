"""Reference and wrong answers for hw04 (run by tests/test_checks.py).

The model tasks need a model that really reaches the threshold: ``trained()``
trains one once (about 15 s on two CPU cores) and caches it.
"""

import atexit
import functools
import math
import shutil
import tempfile
from pathlib import Path

import numpy as np

from tests.homework_cases import answer

INDEX = 2026  # the test image of task 6


@functools.cache
def data():
    from helpers.data import load_fashion_mnist

    return load_fashion_mnist()


@functools.cache
def prepared():
    """x_train, one-hot y_train, x_test the way the tasks ask (written independently of the checker)."""
    (x_train, y_train), (x_test, _) = data()
    flat_train = (x_train / 255.0).astype(np.float32).reshape(-1, 784)  # float64 division, then cast
    flat_test = (x_test / 255.0).astype(np.float32).reshape(-1, 784)
    return flat_train, np.eye(10, dtype=np.float32)[y_train], flat_test


def dense_model(
    hidden=(256, 128),
    output_units=10,
    output_activation="softmax",
    hidden_activation="relu",
    loss="categorical_crossentropy",
    compile_=True,
    learning_rate=1e-3,
):
    import keras

    keras.utils.set_random_seed(42)
    layers = [keras.Input(shape=(784,))]
    layers += [keras.layers.Dense(units, activation=hidden_activation) for units in hidden]
    layers.append(keras.layers.Dense(output_units, activation=output_activation))
    model = keras.Sequential(layers)
    if compile_:
        model.compile(
            loss=loss, optimizer=keras.optimizers.Adam(learning_rate=learning_rate), metrics=["accuracy"]
        )
    return model


def fit(model, size, epochs, batch_size=128):
    x_train, y_train, _ = prepared()
    return model.fit(x_train[:size], y_train[:size], batch_size=batch_size, epochs=epochs, verbose=0)


@functools.cache
def trained():
    """784-256-128-10, Adam with a cosine-decayed learning rate, 8 epochs: test accuracy ≈ 0.89."""
    import keras

    epochs, batch_size = 8, 256
    schedule = keras.optimizers.schedules.CosineDecay(
        2e-3, decay_steps=epochs * math.ceil(60_000 / batch_size)
    )
    model = dense_model()
    model.compile(loss="categorical_crossentropy", optimizer=keras.optimizers.Adam(learning_rate=schedule))
    fit(model, 60_000, epochs, batch_size)
    return model


@functools.cache
def weak():
    """The same network after one epoch on 2 000 images: far below the threshold."""
    model = dense_model()
    fit(model, 2_000, 1)
    return model


@functools.cache
def over_budget():
    """11 epochs on 512 images: more epochs than the budget of 10."""
    model = dense_model(hidden=(32,))
    fit(model, 512, 11)
    return model


def untrained():
    return dense_model()


def prediction(model):
    _, _, x_test = prepared()
    return int(np.argmax(model.predict(x_test[INDEX : INDEX + 1], verbose=0)[0]))


def conv_model():
    import keras

    model = keras.Sequential(
        [
            keras.Input(shape=(28, 28, 1)),
            keras.layers.Conv2D(8, 3, activation="relu"),
            keras.layers.Flatten(),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(loss="categorical_crossentropy", optimizer="adam")
    return model


def conv_model_flat_input():
    import keras

    model = keras.Sequential(
        [
            keras.Input(shape=(784,)),
            keras.layers.Reshape((28, 28, 1)),
            keras.layers.Conv2D(8, 3, activation="relu"),
            keras.layers.Flatten(),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(loss="categorical_crossentropy", optimizer="adam")
    return model


@functools.cache
def saved_files():
    """The trained model and an untrained one saved as .keras files in a temporary folder."""
    folder = Path(tempfile.mkdtemp(prefix="hw04_cases_"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    trained().save(folder / "trained.keras")
    untrained_model = untrained()
    fit(untrained_model, 256, 1)  # one short epoch: "trained", but a different model
    untrained_model.save(folder / "other.keras")
    return folder, untrained_model


def steps_reference(n_images, batch_size, validation_split):
    train = math.floor(n_images * (1 - validation_split))
    return math.ceil(train / batch_size)


CASES = {
    "1": {
        "reference": lambda: answer(prepared()[0]),
        "wrong": {
            "not normalised (0..255)": lambda: answer(data()[0][0].reshape(60_000, 784).astype(np.float32)),
            "divided by 256": lambda: answer(data()[0][0].reshape(60_000, 784).astype(np.float32) / 256),
            "float64": lambda: answer(data()[0][0].reshape(60_000, 784) / 255.0),
            "images not flattened": lambda: answer(data()[0][0].astype(np.float32) / 255),
            "list instead of array": lambda: answer(list(prepared()[0][:10])),
            "shuffled order": lambda: answer(prepared()[0][np.random.default_rng(0).permutation(60_000)]),
            "test images": lambda: answer(prepared()[2]),
            "one NaN": lambda: answer(np.where(np.arange(784) == 5, np.float32("nan"), prepared()[0])),
        },
    },
    "2": {
        "reference": lambda: answer(prepared()[1]),
        "wrong": {
            "integer labels, not one-hot": lambda: answer(data()[0][1]),
            "11 classes": lambda: answer(np.eye(11)[data()[0][1]]),
            "labels shifted by one": lambda: answer(np.eye(10)[(data()[0][1] + 1) % 10]),
            "smoothed labels": lambda: answer(np.eye(10)[data()[0][1]] * 0.9 + 0.01),
            "list instead of array": lambda: answer(np.eye(10)[data()[0][1]].tolist()),
            "bool one-hot": lambda: answer(np.eye(10, dtype=bool)[data()[0][1]]),
        },
    },
    "3": {
        "reference": lambda: answer(steps_reference),
        "wrong": {
            "floor: the last batch dropped": lambda: answer(lambda n, b, v: math.floor(n * (1 - v)) // b),
            "validation split ignored": lambda: answer(lambda n, b, v: math.ceil(n / b)),
            "float result": lambda: answer(lambda n, b, v: float(np.ceil(n * (1 - v) / b))),
            "plus one always": lambda: answer(lambda n, b, v: math.floor(n * (1 - v)) // b + 1),
            "not a function": lambda: answer(422),
            "function raises": lambda: answer(lambda n, b: n // b),
            "round instead of ceil": lambda: answer(lambda n, b, v: round(math.floor(n * (1 - v)) / b)),
        },
    },
    "4": {
        "reference": lambda: answer(untrained()),
        "wrong": {
            "Conv2D on 28×28×1": lambda: answer(conv_model()),
            "Conv2D behind a Reshape": lambda: answer(conv_model_flat_input()),
            "9 output units": lambda: answer(dense_model(output_units=9)),
            "sigmoid output": lambda: answer(dense_model(output_activation="sigmoid")),
            "no hidden layer": lambda: answer(dense_model(hidden=())),
            "linear hidden layers": lambda: answer(dense_model(hidden_activation=None)),
            "sparse loss": lambda: answer(dense_model(loss="sparse_categorical_crossentropy")),
            "mse loss": lambda: answer(dense_model(loss="mse")),
            "not compiled": lambda: answer(dense_model(compile_=False)),
            "History instead of model": lambda: answer(fit(dense_model(hidden=(16,)), 256, 1)),
            "array instead of model": lambda: answer(prepared()[2][:5]),
        },
    },
    "5": {
        "reference": lambda: answer(trained()),
        "wrong": {
            "untrained": lambda: answer(untrained()),
            "below the threshold": lambda: answer(weak()),
            "over the epoch budget": lambda: answer(over_budget()),
            "wrong architecture (sigmoid output)": lambda: answer(dense_model(output_activation="sigmoid")),
            "Conv2D model": lambda: answer(conv_model()),
            "History instead of model": lambda: answer(fit(dense_model(hidden=(16,)), 256, 1)),
        },
    },
    "6": {
        "reference": lambda: answer(trained(), prediction(trained())),
        "wrong": {
            "another class": lambda: answer(trained(), (prediction(trained()) + 1) % 10),
            "bool": lambda: answer(trained(), True),
            "float": lambda: answer(trained(), float(prediction(trained()))),
            "class name instead of index": lambda: answer(trained(), "брюки"),
            "array of probabilities": lambda: answer(trained(), np.full(10, 0.1)),
            "out of range": lambda: answer(trained(), 10),
            "untrained model, its own answer": lambda: answer(untrained(), prediction(untrained())),
            "weak model, its own answer": lambda: answer(weak(), prediction(weak())),
        },
    },
    "7": {
        "reference": lambda: answer(trained(), saved_files()[0] / "trained.keras"),
        "wrong": {
            "old .h5 format": lambda: answer(trained(), saved_files()[0] / "trained.h5"),
            "file does not exist": lambda: answer(trained(), saved_files()[0] / "missing.keras"),
            "another model in the file": lambda: answer(trained(), saved_files()[0] / "other.keras"),
            "path is a number": lambda: answer(trained(), 42),
            "untrained model": lambda: answer(untrained(), saved_files()[0] / "trained.keras"),
        },
    },
}

CASES["2"]["also_right"] = {"int one-hot": lambda: answer(np.eye(10, dtype=np.int64)[data()[0][1]])}
CASES["7"]["also_right"] = {"path as str": lambda: answer(trained(), str(saved_files()[0] / "trained.keras"))}


def relu_layers_model():
    """Task 4 with activation layers instead of activation= arguments: also a right answer."""
    import keras

    model = keras.Sequential(
        [
            keras.Input(shape=(784,)),
            keras.layers.Dense(64),
            keras.layers.ReLU(),
            keras.layers.Dense(10),
            keras.layers.Softmax(),
        ]
    )
    model.compile(loss="categorical_crossentropy", optimizer="adam")
    return model


@functools.cache
def two_fits():
    """Two calls of fit on one model (6 + 6 epochs on 512 images): the budget cannot be verified."""
    model = dense_model(hidden=(32,))
    fit(model, 512, 6)
    fit(model, 512, 6, batch_size=64)
    return model


def wrong_architecture_saved():
    """A sigmoid-output model, trained one short epoch and saved: task 7 must still ask for task 4's model."""
    model = dense_model(hidden=(16,), output_activation="sigmoid")
    fit(model, 256, 1)
    path = saved_files()[0] / "sigmoid.keras"
    model.save(path)
    return answer(model, path)


CASES["4"]["also_right"] = {"ReLU() and Softmax() layers": lambda: answer(relu_layers_model())}
CASES["5"]["wrong"]["trained by two calls of fit"] = lambda: answer(two_fits())
CASES["7"]["wrong"]["wrong architecture, saved"] = wrong_architecture_saved


def reloaded():
    """The trained model loaded back from its .keras file: no training log, so the budget can't be checked."""
    import keras

    return keras.saving.load_model(saved_files()[0] / "trained.keras")


CASES["5"]["wrong"]["loaded from a .keras file (no training log)"] = lambda: answer(reloaded())
