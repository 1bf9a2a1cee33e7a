"""Reference and wrong answers for hw05 (run by tests/test_checks.py).

The reference of task 6 is a small CNN really trained here to the threshold
(cached, so it is trained once per test session).
"""

import functools
import math

import numpy as np

from tests.homework_cases import answer


def conv_size(size, kernel, stride, padding):
    """Reference of task 1, written as the lesson's formulas with math.ceil / math.floor."""
    if padding == "same":
        return math.ceil(size / stride)
    return math.floor((size - kernel) / stride) + 1


def _crash(size, kernel, stride, padding):
    raise ValueError("не знаю такой padding")


REFERENCE_SHAPES = [
    (24, 24, 16),
    (12, 12, 16),
    (6, 6, 32),
    (6, 6, 32),
    (6, 6, 32),
    (4, 4, 64),
    (2, 2, 64),
    (256,),
    (32,),
    (10,),
]
REFERENCE_PARAMS = [416, 0, 4608, 128, 0, 18496, 0, 0, 8224, 330]


@functools.cache
def _raw():
    from helpers.data import load_fashion_mnist

    return load_fashion_mnist()


def _prepared(x_raw):
    return (x_raw / 255.0).astype("float32")[..., np.newaxis]


def _data(transform_train=None, transform_test=None):
    (x_train_raw, _), (x_test_raw, _) = _raw()
    x_train, x_test = _prepared(x_train_raw), _prepared(x_test_raw)
    if transform_train:
        x_train = transform_train(x_train_raw, x_train)
    if transform_test:
        x_test = transform_test(x_test_raw, x_test)
    return answer(x_train, x_test)


def _cnn(
    input_shape=(28, 28, 1),
    units=10,
    activation="softmax",
    loss="sparse_categorical_crossentropy",
    compile_it=True,
    seed=42,
):
    """A small CNN: Conv16-BN-ReLU-Pool-Conv32-BN-ReLU-Pool-Flatten-Dense128-Dense10 (fast on a CPU)."""
    import keras

    keras.utils.set_random_seed(seed)
    layers = [keras.Input(shape=input_shape)]
    if len(input_shape) == 1:
        layers.append(keras.layers.Reshape((28, 28, 1)))
    for filters in (16, 32):
        layers += [
            keras.layers.Conv2D(filters, 3, padding="same", use_bias=False),
            keras.layers.BatchNormalization(momentum=0.9),
            keras.layers.Activation("relu"),
            keras.layers.MaxPooling2D(2),
        ]
    layers += [
        keras.layers.Flatten(),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(units, activation=activation),
    ]
    model = keras.Sequential(layers)
    if compile_it:
        model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.003), loss=loss, metrics=["accuracy"])
    return model


def _dense_only():
    import keras

    keras.utils.set_random_seed(42)
    model = keras.Sequential(
        [
            keras.Input(shape=(28, 28, 1)),
            keras.layers.Flatten(),
            keras.layers.Dense(128, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


def _fit(model, size, epochs, batch_size=128):
    (x_train_raw, y_train), _ = _raw()
    model.fit(_prepared(x_train_raw[:size]), y_train[:size], batch_size=batch_size, epochs=epochs, verbose=0)
    return model


REFERENCE_EPOCHS = 5  # 0.918 on the test split, about 45 s on 2 CPU cores


@functools.cache
def trained_reference():
    """Task 6 reference: the small CNN above, REFERENCE_EPOCHS epochs on all 60000 pictures, cosine decay."""
    import keras

    (x_train_raw, y_train), _ = _raw()
    model = _cnn(compile_it=False)
    steps = math.ceil(len(x_train_raw) / 128)
    schedule = keras.optimizers.schedules.CosineDecay(0.003, decay_steps=REFERENCE_EPOCHS * steps)
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=schedule),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    model.fit(_prepared(x_train_raw), y_train, batch_size=128, epochs=REFERENCE_EPOCHS, verbose=0)
    return model


CASES = {
    "1": {
        "reference": lambda: answer(conv_size),
        "wrong": {
            "valid without +1": lambda: answer(
                lambda n, k, s, p: -(-n // s) if p == "same" else (n - k) // s
            ),
            "same ignores the stride": lambda: answer(
                lambda n, k, s, p: n if p == "same" else (n - k) // s + 1
            ),
            "same rounds down": lambda: answer(
                lambda n, k, s, p: n // s if p == "same" else (n - k) // s + 1
            ),
            "float from true division": lambda: answer(
                lambda n, k, s, p: math.ceil(n / s) if p == "same" else (n - k) / s + 1
            ),
            "string": lambda: answer(lambda n, k, s, p: str(conv_size(n, k, s, p))),
            "crashes": lambda: answer(_crash),
            "a number, not a function": lambda: answer(24),
        },
    },
    "2": {
        "reference": lambda: answer([tuple(shape) for shape in REFERENCE_SHAPES]),
        "wrong": {
            "same padding rounded down (13 // 2)": lambda: answer(
                [
                    (24, 24, 16),
                    (12, 12, 16),
                    (5, 5, 32),
                    (5, 5, 32),
                    (5, 5, 32),
                    (3, 3, 64),
                    (1, 1, 64),
                    (64,),
                    (32,),
                    (10,),
                ]
            ),
            "flatten keeps the map": lambda: answer([*REFERENCE_SHAPES[:7], (2, 2, 64), (32,), (10,)]),
            "channels = kernel size": lambda: answer([(24, 24, 5), *REFERENCE_SHAPES[1:]]),
            "with the batch axis": lambda: answer([(None, *shape) for shape in REFERENCE_SHAPES]),
            "floats": lambda: answer([tuple(float(size) for size in shape) for shape in REFERENCE_SHAPES]),
            "only 9 layers (Activation forgotten)": lambda: answer(
                REFERENCE_SHAPES[:4] + REFERENCE_SHAPES[5:]
            ),
            "numpy array": lambda: answer(np.array(REFERENCE_SHAPES[:7])),
            "a number per layer": lambda: answer([24, 12, 6, 6, 6, 4, 2, 256, 32, 10]),
        },
    },
    "3": {
        "reference": lambda: answer(list(REFERENCE_PARAMS)),
        "wrong": {
            "bias counted without use_bias": lambda: answer([416, 0, 4640, 128, 0, 18496, 0, 0, 8224, 330]),
            "BatchNormalization: only 2 per channel": lambda: answer(
                [416, 0, 4608, 64, 0, 18496, 0, 0, 8224, 330]
            ),
            "Dense without bias": lambda: answer([416, 0, 4608, 128, 0, 18496, 0, 0, 8192, 320]),
            "total instead of a list": lambda: answer(sum(REFERENCE_PARAMS)),
            "floats": lambda: answer([float(count) for count in REFERENCE_PARAMS]),
            "a bool for zero": lambda: answer([416, False, 4608, 128, 0, 18496, 0, 0, 8224, 330]),
            "without the layers that have no parameters": lambda: answer([416, 4608, 128, 18496, 8224, 330]),
        },
    },
    "4": {
        "reference": lambda: _data(),
        "wrong": {
            "uint8, not scaled": lambda: _data(lambda raw, x: raw[..., np.newaxis]),
            "float64": lambda: _data(lambda raw, x: (raw / 255.0)[..., np.newaxis]),
            "no channel axis": lambda: _data(lambda raw, x: (raw / 255.0).astype("float32")),
            "divided by 256": lambda: _data(lambda raw, x: (raw / 256.0).astype("float32")[..., np.newaxis]),
            "not scaled at all (0..255 floats)": lambda: _data(
                lambda raw, x: raw.astype("float32")[..., np.newaxis]
            ),
            "shuffled order": lambda: _data(lambda raw, x: x[np.random.default_rng(0).permutation(len(x))]),
            "x_test left unprepared": lambda: _data(transform_test=lambda raw, x: raw),
            "list of pictures": lambda: _data(lambda raw, x: list(x)),
            "a NaN": lambda: _data(
                lambda raw, x: np.where(np.arange(len(x))[:, None, None, None] == 7, np.nan, x).astype(
                    "float32"
                )
            ),
        },
    },
    "5": {
        "reference": lambda: answer(_cnn()),
        "wrong": {
            "dense-only model": lambda: answer(_dense_only()),
            "input of flat vectors (784,)": lambda: answer(_cnn(input_shape=(784,))),
            "9 output units": lambda: answer(_cnn(units=9)),
            "linear output": lambda: answer(_cnn(activation="linear")),
            "not compiled": lambda: answer(_cnn(compile_it=False)),
            "mse loss": lambda: answer(_cnn(loss="mse")),
            "a list of layers": lambda: answer(list(_cnn().layers)),
        },
    },
    "6": {
        "reference": lambda: answer(trained_reference()),
        "wrong": {
            "untrained CNN": lambda: answer(_cnn()),
            "trained over budget (11 epochs)": lambda: answer(_fit(_cnn(), size=128, epochs=11)),
            "trained too little (1 epoch on 1000 pictures)": lambda: answer(
                _fit(_cnn(), size=1000, epochs=1)
            ),
            "dense-only model, trained": lambda: answer(_fit(_dense_only(), size=1000, epochs=1)),
            "input of flat vectors (784,)": lambda: answer(_cnn(input_shape=(784,))),
            "12 output units, trained": lambda: answer(_fit(_cnn(units=12), size=256, epochs=1)),
            "a number instead of a model": lambda: answer(0.92),
        },
    },
}


def _compiled_with(loss, from_logits=None):
    """The task-5 CNN compiled with a loss given by name, or as a loss object (from_logits True/False)."""
    import keras

    if from_logits is not None:
        loss = keras.losses.SparseCategoricalCrossentropy(from_logits=from_logits)
    model = _cnn(compile_it=False)
    model.compile(optimizer="adam", loss=loss)
    return model


def _two_fits():
    """Two calls of fit on one CNN: the epoch budget cannot be verified."""
    return _fit(_fit(_cnn(), size=256, epochs=1), size=256, epochs=1, batch_size=32)


CASES["5"]["also_right"] = {
    "loss given by its class name": lambda: answer(_compiled_with("SparseCategoricalCrossentropy")),
    "loss object": lambda: answer(_compiled_with(None, from_logits=False)),
}
CASES["5"]["wrong"]["from_logits=True after softmax"] = lambda: answer(_compiled_with(None, from_logits=True))
CASES["6"]["wrong"]["trained by two calls of fit"] = lambda: answer(_two_fits())


def _linear_cnn():
    """Conv2D without an activation, then softmax: no non-linearity anywhere (a linear model)."""
    import keras

    model = keras.Sequential(
        [
            keras.Input(shape=(28, 28, 1)),
            keras.layers.Conv2D(8, 3),
            keras.layers.Flatten(),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    return model


def _prelu_cnn():
    """A CNN whose non-linearity is a PReLU layer: also right."""
    import keras

    model = keras.Sequential(
        [
            keras.Input(shape=(28, 28, 1)),
            keras.layers.Conv2D(8, 3),
            keras.layers.PReLU(),
            keras.layers.Flatten(),
            keras.layers.Dense(10),
            keras.layers.Softmax(),
        ]
    )
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    return model


CASES["5"]["wrong"]["no non-linearity (linear CNN)"] = lambda: answer(_linear_cnn())
CASES["5"]["also_right"]["PReLU layer, Softmax layer"] = lambda: answer(_prelu_cnn())
