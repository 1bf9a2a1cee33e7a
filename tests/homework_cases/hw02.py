"""Reference and wrong answers for hw02 (run by tests/test_checks.py)."""

import functools
import math

import numpy as np

from tests.homework_cases import answer


def neuron(n_inputs, units=1, activation=None, hidden=None, use_bias=True):
    """keras.Sequential of one Dense(units) on n_inputs numbers (or with a hidden layer first)."""
    import keras

    layers = [keras.Input(shape=(n_inputs,))]
    if hidden:
        layers.append(keras.layers.Dense(hidden))
    layers.append(keras.layers.Dense(units, activation=activation, use_bias=use_bias))
    return keras.Sequential(layers)


def law_data(weights, bias, seed=0, n=1000):
    x = np.random.default_rng(seed).uniform(-10, 10, size=(n, len(weights))).astype("float32")
    return x, (x @ np.array(weights, dtype="float32") + bias).reshape(-1, 1)


@functools.cache
def trained(weights, bias, epochs=10, learning_rate=0.01, activation=None, n_inputs=None, units=1):
    """A neuron trained like the notebook's solution (SGD, mse, batch 32) on the law y = x·weights + bias."""
    import keras

    keras.utils.set_random_seed(0)
    model = neuron(n_inputs or len(weights), units=units, activation=activation)
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=learning_rate), loss="mse")
    x, y = law_data(weights, bias)
    if n_inputs and n_inputs != len(weights):
        x = np.repeat(x[:, :1], n_inputs, axis=1)
    model.fit(x, np.repeat(y, units, axis=1), epochs=epochs, batch_size=32, verbose=0)
    return model


def compiled_untrained(n_inputs):
    import keras

    model = neuron(n_inputs)
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.01), loss="mse")
    return model


def hand_set(kernel, bias, n_inputs=3, **kwargs):
    model = neuron(n_inputs, **kwargs)
    weights = [np.array(kernel, dtype="float32").reshape(n_inputs, -1)]
    if kwargs.get("use_bias", True):
        weights.append(np.array([bias], dtype="float32"))
    model.set_weights(weights)
    return model


def two_layer_exact():
    """Input(3) → Dense(1) → Dense(1) that computes the law of task 3 exactly."""
    model = neuron(3, hidden=1)
    model.set_weights(
        [np.array([[2.0], [-0.5], [1.5]]), np.array([-4.0]), np.array([[1.0]]), np.array([0.0])]
    )
    return model


def set_but_not_trained():
    """The law of task 5 set by hand: never trained, so task 5 does not accept it."""
    model = neuron(1)
    model.set_weights([np.array([[3.0]]), np.array([-7.0])])
    return model


def params(sizes):
    total = 0
    for n_in, n_out in zip(sizes, sizes[1:], strict=False):
        total += (n_in + 1) * n_out
    return total


A, B, C = params([6, 12, 1]), params([20, 64, 32, 10]), params([784, 64, 10])
SHAPES = [(5, 3), (3,), (3, 2), (2,)]

CASES = {
    "1": {
        "reference": lambda: answer(A, B, C),
        "wrong": {
            "biases forgotten": lambda: answer(6 * 12 + 12 * 1, B, C),
            "last model without its output layer": lambda: answer(A, B, 784 * 64 + 64),
            "float instead of int": lambda: answer(float(A), B, C),
            "bool instead of int": lambda: answer(True, B, C),
            "numpy array": lambda: answer(np.array([A]), B, C),
            "string": lambda: answer(A, str(B), C),
        },
    },
    "2": {
        "reference": lambda: answer(list(SHAPES)),
        "wrong": {
            "kernel shape transposed": lambda: answer([(3, 5), (3,), (3, 2), (2,)]),
            "bias shapes as (1, n)": lambda: answer([(5, 3), (1, 3), (3, 2), (1, 2)]),
            "only the first layer": lambda: answer([(5, 3), (3,)]),
            "lists instead of tuples": lambda: answer([list(shape) for shape in SHAPES]),
            "a dict": lambda: answer(dict(enumerate(SHAPES))),
            "sizes as floats": lambda: answer([(5.0, 3.0), (3,), (3, 2), (2,)]),
        },
    },
    "3": {
        "reference": lambda: answer(hand_set([2.0, -0.5, 1.5], -4.0)),
        "wrong": {
            "random weights (nothing set)": lambda: answer(neuron(3)),
            "bias with wrong sign": lambda: answer(hand_set([2.0, -0.5, 1.5], 4.0)),
            "weights in wrong order": lambda: answer(hand_set([1.5, -0.5, 2.0], -4.0)),
            "relu activation": lambda: answer(hand_set([2.0, -0.5, 1.5], -4.0, activation="relu")),
            "input of 1 number": lambda: answer(hand_set([2.0], -4.0, n_inputs=1)),
            "two layers": lambda: answer(two_layer_exact()),
            "weights as a numpy array": lambda: answer(np.array([2.0, -0.5, 1.5, -4.0])),
            "no bias": lambda: answer(hand_set([2.0, -0.5, 1.5], 0.0, use_bias=False)),
        },
    },
    "4": {
        "reference": lambda: answer(lambda n, batch_size: math.ceil(n / batch_size)),
        "wrong": {
            "floor division": lambda: answer(lambda n, batch_size: n // batch_size),
            "float from np.ceil": lambda: answer(lambda n, batch_size: np.ceil(n / batch_size)),
            "plain division": lambda: answer(lambda n, batch_size: n / batch_size),
            "always one extra": lambda: answer(lambda n, batch_size: n // batch_size + 1),
            "a number instead of a function": lambda: answer(32),
        },
    },
    "5": {
        "reference": lambda: answer(trained((3.0,), -7.0)),
        "wrong": {
            "untrained model": lambda: answer(compiled_untrained(1)),
            "set by hand, never trained": lambda: answer(set_but_not_trained()),
            "trained on another law (y = 3x + 7)": lambda: answer(trained((3.0,), 7.0)),
            "trained too little (1 epoch, small learning rate)": lambda: answer(
                trained((3.0,), -7.0, epochs=1, learning_rate=0.001)
            ),
            "relu activation": lambda: answer(trained((3.0,), -7.0, activation="relu")),
            "two units": lambda: answer(trained((3.0,), -7.0, units=2)),
            "input of 2 numbers": lambda: answer(trained((3.0,), -7.0, n_inputs=2)),
            "not a model": lambda: answer(np.array([3.0, -7.0])),
        },
    },
    "6": {
        "reference": lambda: answer(trained((0.5, -2.0), 4.0)),
        "wrong": {
            "untrained model": lambda: answer(compiled_untrained(2)),
            "trained on the law of task 5 (one input)": lambda: answer(trained((3.0,), -7.0)),
            "weights of the inputs swapped": lambda: answer(trained((-2.0, 0.5), 4.0)),
            "trained too little": lambda: answer(trained((0.5, -2.0), 4.0, epochs=1, learning_rate=0.001)),
            "sigmoid activation": lambda: answer(trained((0.5, -2.0), 4.0, activation="sigmoid")),
            "a list of weights instead of a model": lambda: answer(
                [np.array([[0.5], [-2.0]]), np.array([4.0])]
            ),
        },
    },
}


def functional_hand_set():
    """The neuron of task 3 built with the functional API: keras.Model(inputs, outputs)."""
    import keras

    inputs = keras.Input(shape=(3,))
    model = keras.Model(inputs, keras.layers.Dense(1)(inputs))
    model.set_weights([np.array([[2.0], [-0.5], [1.5]], dtype="float32"), np.array([-4.0], dtype="float32")])
    return model


CASES["3"]["also_right"] = {"functional API model": lambda: answer(functional_hand_set())}
