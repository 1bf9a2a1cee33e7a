"""Reference and wrong answers for hw03 (run by tests/test_checks.py)."""

from functools import cache

import numpy as np

from tests.homework_cases import answer

# Task 1–4: the losses, written here independently of the checker.


def mae(y_true, y_pred):
    return float(np.mean(np.abs(y_true - y_pred)))


def mse(y_true, y_pred):
    return float(np.mean((y_true - y_pred) ** 2))


def cce(y_true, y_pred):
    return float(np.mean(-np.sum(y_true * np.log(y_pred), axis=-1)))


def bce(y_true, y_pred):
    p = np.clip(y_pred, 1e-7, 1 - 1e-7)
    return float(-np.mean(y_true * np.log(p) + (1 - y_true) * np.log(1 - p)))


def bce_clipped(y_true, y_pred, eps):
    p = np.clip(y_pred, eps, 1 - eps)
    return float(-np.mean(y_true * np.log(p) + (1 - y_true) * np.log(1 - p)))


def keras_tensor_mae(y_true, y_pred):
    import keras

    return keras.losses.MeanAbsoluteError()(y_true, y_pred)  # a tensor, not a number


# Task 5: the pairs.

PAIRS = {
    "квартира": ("mse", "linear"),
    "спам": ("binary_crossentropy", "sigmoid"),
    "одежда_onehot": ("categorical_crossentropy", "softmax"),
    "одежда_номер": ("sparse_categorical_crossentropy", "softmax"),
}


def pairs_with(key, pair):
    changed = dict(PAIRS)
    changed[key] = pair
    return changed


# Task 6–7: parameters.


def dense_params(sizes, use_bias):
    total = 0
    for n_in, n_out, bias in zip(sizes[:-1], sizes[1:], use_bias, strict=True):
        total += n_in * n_out + (n_out if bias else 0)
    return total


def small_model(hidden_bias=False, output_bias=True, output_activation="softmax", units=(8, 3), inputs=True):
    import keras

    layers = [keras.Input(shape=(12,))] if inputs else []
    layers += [
        keras.layers.Dense(units[0], activation="relu", use_bias=hidden_bias),
        keras.layers.Dense(units[1], activation=output_activation, use_bias=output_bias),
    ]
    return keras.Sequential(layers)


# Task 8: a tiny regression with features on different scales.


def fuel_data(n=64):
    rng = np.random.default_rng(7)
    mass = rng.uniform(1.0, 2.5, n)
    speed = rng.uniform(40, 130, n)
    y = 1.5 + 3.0 * mass + 0.03 * speed + rng.normal(0, 0.3, n)
    return np.column_stack([mass, speed]).astype("float32"), y.astype("float32")


def train(optimizer, epochs=6, hidden=0, model=None):
    import keras

    x, y = fuel_data()
    if model is None:
        keras.utils.set_random_seed(0)
        hidden_layers = [keras.layers.Dense(hidden)] if hidden else []
        model = keras.Sequential([keras.Input(shape=(2,)), *hidden_layers, keras.layers.Dense(1)])
    model.compile(optimizer=optimizer, loss="mse")
    return model.fit(x, y, epochs=epochs, batch_size=16, verbose=0)


@cache
def race():
    import keras

    h_sgd = train(keras.optimizers.SGD(learning_rate=1e-4))
    h_adam = train(keras.optimizers.Adam(learning_rate=0.1))
    return h_sgd, h_adam


def race_winner():
    h_sgd, h_adam = race()
    return "sgd" if h_sgd.history["loss"][-1] < h_adam.history["loss"][-1] else "adam"


def race_loser():
    return {"sgd": "adam", "adam": "sgd"}[race_winner()]


def one_model_twice():
    import keras

    h_sgd = train(keras.optimizers.SGD(learning_rate=1e-4))
    h_adam = train(keras.optimizers.Adam(learning_rate=0.1), model=h_sgd.model)  # the same model again
    return answer(h_sgd, h_adam, "adam")


def diverged():
    import keras

    h_sgd = train(keras.optimizers.SGD(learning_rate=0.01))  # far too large for speeds ~100
    return answer(h_sgd, race()[1], "adam")


def other_epochs():
    import keras

    return answer(race()[0], train(keras.optimizers.Adam(learning_rate=0.1), epochs=8), "adam")


def other_model():
    import keras

    return answer(race()[0], train(keras.optimizers.Adam(learning_rate=0.1), hidden=4), "adam")


def frozen():
    import keras

    return answer(train(keras.optimizers.SGD(learning_rate=0.0)), race()[1], "adam")  # weights never move


def never_trained():
    import keras

    return answer(keras.callbacks.History(), race()[1], "adam")


def fabricated(losses):
    """A History filled by hand and attached to a compiled model that never trained."""
    import keras

    model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=1e-4), loss="mse")
    history = keras.callbacks.History()
    history.history = {"loss": list(losses)}
    history.params = {"epochs": len(losses)}
    history.set_model(model)
    return history


def fitted_twice():
    """SGD history of a model that had already been trained once before: not one run of fit."""
    import keras

    first = train(keras.optimizers.SGD(learning_rate=1e-4))
    x, y = fuel_data()
    again = first.model.fit(x, y, epochs=6, batch_size=16, verbose=0)
    return answer(again, race()[1], "adam")


CASES = {
    "1": {
        "reference": lambda: answer(mae),
        "wrong": {
            "sum / len (wrong on 2-D arrays)": lambda: answer(lambda t, p: np.abs(t - p).sum() / len(t)),
            "median instead of mean": lambda: answer(lambda t, p: float(np.median(np.abs(t - p)))),
            "per-element array (wrong shape)": lambda: answer(lambda t, p: np.abs(t - p)),
            "a Keras tensor (wrong type)": lambda: answer(keras_tensor_mae),
            "a list (wrong type)": lambda: answer(lambda t, p: [mae(t, p)]),
            "not a function": lambda: answer(3.5),
            "function that raises": lambda: answer(lambda t, p: t.nonexistent),
        },
    },
    "2": {
        "reference": lambda: answer(mse),
        "wrong": {
            "RMSE (square root taken)": lambda: answer(lambda t, p: float(np.sqrt(np.mean((t - p) ** 2)))),
            "MAE instead of MSE": lambda: answer(mae),
            "per-element squares (wrong shape)": lambda: answer(lambda t, p: (t - p) ** 2),
            "string (wrong type)": lambda: answer(lambda t, p: f"{mse(t, p):.3f}"),
            "bool (wrong type)": lambda: answer(lambda t, p: True),
            "NaN": lambda: answer(lambda t, p: float("nan")),
        },
    },
    "3": {
        "reference": lambda: answer(cce),
        "wrong": {
            "lesson's trap: divided by classes": lambda: answer(
                lambda t, p: float(-np.sum(t * np.log(p)) / t.shape[1])
            ),
            "no minus sign": lambda: answer(lambda t, p: float(np.mean(np.sum(t * np.log(p), axis=1)))),
            "sum instead of mean over objects": lambda: answer(lambda t, p: float(-np.sum(t * np.log(p)))),
            "per-object vector (wrong shape)": lambda: answer(lambda t, p: -np.sum(t * np.log(p), axis=1)),
            "a list (wrong type)": lambda: answer(lambda t, p: [cce(t, p)]),
        },
    },
    "4": {
        "reference": lambda: answer(bce),
        "wrong": {
            "no clipping (inf / NaN on certain answers)": lambda: answer(
                lambda t, p: float(-np.mean(t * np.log(p) + (1 - t) * np.log(1 - p)))
            ),
            "clipped at 1e-15, not 1e-7": lambda: answer(lambda t, p: bce_clipped(t, p, 1e-15)),
            "only the y·log(p) term": lambda: answer(
                lambda t, p: float(-np.mean(t * np.log(np.clip(p, 1e-7, 1 - 1e-7))))
            ),
            "per-prediction array (wrong shape)": lambda: answer(
                lambda t, p: -(t * np.log(np.clip(p, 1e-7, 1)) + (1 - t) * np.log(np.clip(1 - p, 1e-7, 1)))
            ),
            "a list (wrong type)": lambda: answer(lambda t, p: [bce(t, p)]),
        },
    },
    "5": {
        "reference": lambda: answer(PAIRS),
        "wrong": {
            "relu on the regression output": lambda: answer(pairs_with("квартира", ("mse", "relu"))),
            "softmax for spam": lambda: answer(pairs_with("спам", ("binary_crossentropy", "softmax"))),
            "one-hot labels with the sparse loss": lambda: answer(
                pairs_with("одежда_onehot", ("sparse_categorical_crossentropy", "softmax"))
            ),
            "number labels with the one-hot loss": lambda: answer(
                pairs_with("одежда_номер", ("categorical_crossentropy", "softmax"))
            ),
            "unknown loss name": lambda: answer(pairs_with("спам", ("bce", "sigmoid"))),
            "a pair of three": lambda: answer(pairs_with("спам", ("binary_crossentropy", "sigmoid", 1))),
            "a key missing": lambda: answer({k: v for k, v in PAIRS.items() if k != "спам"}),
            "an extra key": lambda: answer({**PAIRS, "погода": ("mse", "linear")}),
            "a list of pairs (wrong type)": lambda: answer(list(PAIRS.values())),
        },
    },
    "6": {
        "reference": lambda: answer(dense_params),
        "wrong": {
            "bias ignored": lambda: answer(
                lambda s, b: sum(i * o for i, o in zip(s[:-1], s[1:], strict=True))
            ),
            "bias counted on the inputs": lambda: answer(
                lambda s, b: sum(i * o + (i if u else 0) for i, o, u in zip(s[:-1], s[1:], b, strict=True))
            ),
            "a float (wrong type)": lambda: answer(lambda s, b: float(dense_params(s, b))),
            "per-layer list (wrong type)": lambda: answer(
                lambda s, b: [i * o + (o if u else 0) for i, o, u in zip(s[:-1], s[1:], b, strict=True)]
            ),
            "the answer for one network only": lambda: answer(lambda s, b: 123),
        },
    },
    "7": {
        "reference": lambda: answer(small_model()),
        "wrong": {
            "bias in both layers (131)": lambda: answer(small_model(hidden_bias=True)),
            "bias only in the hidden layer (128)": lambda: answer(
                small_model(hidden_bias=True, output_bias=False)
            ),
            "sigmoid output": lambda: answer(small_model(output_activation="sigmoid")),
            "wrong units": lambda: answer(small_model(units=(9, 3))),
            "no keras.Input (not built)": lambda: answer(small_model(inputs=False)),
            "a list of layers (wrong type)": lambda: answer(small_model().layers),
        },
    },
    "8": {
        "reference": lambda: answer(*race(), race_winner()),
        "wrong": {
            "conclusion disagrees with the histories": lambda: answer(*race(), race_loser()),
            "unknown optimizer name": lambda: answer(*race(), "rmsprop"),
            "histories swapped": lambda: answer(race()[1], race()[0], race_winner()),
            "lists of losses (wrong type)": lambda: answer(
                race()[0].history["loss"], race()[1].history["loss"], race_winner()
            ),
            "one model trained twice": one_model_twice,
            "SGD diverged (NaN)": diverged,
            "different numbers of epochs": other_epochs,
            "different models": other_model,
            "an empty History (untrained)": never_trained,
            "learning rate 0: the loss does not fall": frozen,
            "winner as a bool": lambda: answer(*race(), True),
            "histories filled by hand": lambda: answer(
                fabricated([9, 8, 7, 6, 5, 4]), race()[1], "adam"
            ),
            "SGD model trained by two fits": fitted_twice,
        },
    },
}
