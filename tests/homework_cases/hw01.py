"""Reference and wrong answers for hw01 (run by tests/test_checks.py)."""

import numpy as np

from tests.homework_cases import answer

# References, written independently of helpers/homework/hw01.py.


def sigmoid_derivative(z):
    s = 1 / (1 + np.exp(-z))
    return s * (1 - s)


def tanh_derivative(z):
    return 1 / np.cosh(z) ** 2


def relu_derivative(z):
    return np.where(z > 0, 1.0, 0.0)


def softmax_rows(z):
    shifted = z - z.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=1, keepdims=True)


def forward(x, w1, b1, w2, b2):
    h = np.tanh(x @ w1 + b1)
    y = 1 / (1 + np.exp(-(h @ w2 + b2)))
    return h, y


def backward(x, t, w1, b1, w2, b2, scale=2.0, per_row=False):
    h, y = forward(x, w1, b1, w2, b2)
    count = len(y) if per_row else y.size
    dz2 = scale * (y - t) / count * y * (1 - y)
    dz1 = (dz2 @ w2.T) * (1 - h * h)
    return x.T @ dz1, dz1.sum(axis=0), h.T @ dz2, dz2.sum(axis=0)


def sgd_step(x, t, w1, b1, w2, b2, learning_rate):
    grads = backward(x, t, w1, b1, w2, b2)
    return tuple(p - learning_rate * g for p, g in zip((w1, b1, w2, b2), grads, strict=True))


def numerical_gradient(f, x, eps):
    grad = np.zeros_like(x, dtype=float)
    for idx in np.ndindex(x.shape):
        plus, minus = x.copy(), x.copy()
        plus[idx] += eps
        minus[idx] -= eps
        grad[idx] = (f(plus) - f(minus)) / (2 * eps)
    return grad


def forward_difference(f, x, eps):
    grad = np.zeros_like(x, dtype=float)
    for idx in np.ndindex(x.shape):
        shifted = x.copy()
        shifted[idx] += eps
        grad[idx] = (f(shifted) - f(x)) / eps
    return grad


def numerical_gradient_in_place(f, x, eps):
    """Shifts x in place and forgets to restore it."""
    grad = np.zeros_like(x, dtype=float)
    for idx in np.ndindex(x.shape):
        x[idx] += eps
        plus = f(x)
        x[idx] -= 2 * eps
        grad[idx] = (plus - f(x)) / (2 * eps)
    return grad


def relative_error(a, b):
    denominator = np.linalg.norm(a) + np.linalg.norm(b)
    if denominator == 0:
        return 0.0
    return float(np.linalg.norm(a - b) / denominator)


CASES = {
    "1": {
        "reference": lambda: answer(sigmoid_derivative),
        "wrong": {
            "sigmoid itself": lambda: answer(lambda z: 1 / (1 + np.exp(-z))),
            "formula without sigmoid: z·(1 − z)": lambda: answer(lambda z: z * (1 - z)),
            "list instead of array": lambda: answer(lambda z: list(sigmoid_derivative(z))),
            "a number instead of a function": lambda: answer(0.25),
            "wrong shape (flattened)": lambda: answer(lambda z: sigmoid_derivative(z).ravel()),
            "NaN inside": lambda: answer(lambda z: sigmoid_derivative(z) * np.nan),
            "raises": lambda: answer(lambda z: z.no_such_method()),
        },
    },
    "2": {
        "reference": lambda: answer(tanh_derivative, relu_derivative),
        "wrong": {
            "tanh derivative 1 − tanh (no square)": lambda: answer(lambda z: 1 - np.tanh(z), relu_derivative),
            "relu derivative returns bool": lambda: answer(tanh_derivative, lambda z: z > 0),
            "relu derivative = relu itself": lambda: answer(tanh_derivative, lambda z: np.maximum(0.0, z)),
            "relu derivative as a list": lambda: answer(
                tanh_derivative, lambda z: (z > 0).astype(float).tolist()
            ),
            "tanh derivative of wrong shape": lambda: answer(
                lambda z: tanh_derivative(z)[..., :1], relu_derivative
            ),
        },
    },
    "3": {
        "reference": lambda: answer(softmax_rows),
        "wrong": {
            "without subtracting the max (overflow)": lambda: answer(
                lambda z: np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
            ),
            "normalised over columns": lambda: answer(
                lambda z: np.exp(z - z.max(axis=0)) / np.exp(z - z.max(axis=0)).sum(axis=0)
            ),
            "normalised over the whole array": lambda: answer(
                lambda z: np.exp(z - z.max()) / np.exp(z - z.max()).sum()
            ),
            "one probability per row (wrong shape)": lambda: answer(lambda z: softmax_rows(z).max(axis=1)),
            "list instead of array": lambda: answer(lambda z: softmax_rows(z).tolist()),
        },
    },
    "4": {
        "reference": lambda: answer(forward),
        "wrong": {
            "sigmoid in the hidden layer": lambda: answer(
                lambda x, w1, b1, w2, b2: (
                    1 / (1 + np.exp(-(x @ w1 + b1))),
                    1 / (1 + np.exp(-(1 / (1 + np.exp(-(x @ w1 + b1))) @ w2 + b2))),
                )
            ),
            "no sigmoid on the output": lambda: answer(
                lambda x, w1, b1, w2, b2: (np.tanh(x @ w1 + b1), np.tanh(x @ w1 + b1) @ w2 + b2)
            ),
            "returns only Y": lambda: answer(lambda *args: forward(*args)[1]),
            "returns Y, H (swapped)": lambda: answer(lambda *args: forward(*args)[::-1]),
            "hidden outputs transposed": lambda: answer(
                lambda *args: (forward(*args)[0].T, forward(*args)[1])
            ),
        },
    },
    "5": {
        "reference": lambda: answer(backward),
        "wrong": {
            "no factor 2 of the square": lambda: answer(lambda *args: backward(*args, scale=1.0)),
            "mean over examples only (not all elements)": lambda: answer(
                lambda *args: backward(*args, per_row=True)
            ),
            "bias gradients not summed over examples": lambda: answer(
                lambda *args: (backward(*args)[0], np.zeros((7, 4)), backward(*args)[2], np.zeros((7, 2)))
            ),
            "a dict instead of a tuple": lambda: answer(lambda *args: dict(enumerate(backward(*args)))),
            "only three gradients": lambda: answer(lambda *args: backward(*args)[:3]),
        },
    },
    "6": {
        "reference": lambda: answer(sgd_step),
        "wrong": {
            "step along the gradient (+)": lambda: answer(
                lambda x, t, w1, b1, w2, b2, lr: tuple(
                    p + lr * g for p, g in zip((w1, b1, w2, b2), backward(x, t, w1, b1, w2, b2), strict=True)
                )
            ),
            "returns the gradients": lambda: answer(
                lambda x, t, w1, b1, w2, b2, lr: backward(x, t, w1, b1, w2, b2)
            ),
            "learning rate ignored": lambda: answer(
                lambda x, t, w1, b1, w2, b2, lr: sgd_step(x, t, w1, b1, w2, b2, 1.0)
            ),
            "lists instead of arrays": lambda: answer(lambda *args: [p.tolist() for p in sgd_step(*args)]),
        },
    },
    "7": {
        "reference": lambda: answer(numerical_gradient),
        "wrong": {
            "forward difference": lambda: answer(forward_difference),
            "x changed in place": lambda: answer(numerical_gradient_in_place),
            "denominator eps instead of 2·eps": lambda: answer(
                lambda f, x, eps: numerical_gradient(f, x, eps) * 2
            ),
            "flattened result": lambda: answer(lambda f, x, eps: numerical_gradient(f, x, eps).ravel()),
            "list instead of array": lambda: answer(lambda f, x, eps: numerical_gradient(f, x, eps).tolist()),
        },
    },
    "8": {
        "reference": lambda: answer(relative_error, backward, numerical_gradient),
        "wrong": {
            "no guard against 0/0": lambda: answer(
                lambda a, b: float(np.linalg.norm(a - b) / (np.linalg.norm(a) + np.linalg.norm(b))),
                backward,
                numerical_gradient,
            ),
            "absolute instead of relative": lambda: answer(
                lambda a, b: float(np.linalg.norm(a - b)), backward, numerical_gradient
            ),
            "returns an array": lambda: answer(lambda a, b: np.abs(a - b), backward, numerical_gradient),
            "broken backward (no factor 2)": lambda: answer(
                relative_error, lambda *a: backward(*a, scale=1.0), numerical_gradient
            ),
            "forward difference is too coarse": lambda: answer(relative_error, backward, forward_difference),
            "a number instead of numerical_gradient (old signature)": lambda: answer(
                relative_error, backward, 3.2e-10
            ),
            "only two answers": lambda: answer(relative_error, 3.2e-10),
            "both functions doubled (they agree with each other)": lambda: answer(
                relative_error,
                lambda *a: tuple(2 * g for g in backward(*a)),
                lambda f, x, eps: 2 * numerical_gradient(f, x, eps),
            ),
            "both return zeros": lambda: answer(
                relative_error,
                lambda x, t, w1, b1, w2, b2: tuple(np.zeros_like(p) for p in (w1, b1, w2, b2)),
                lambda f, x, eps: np.zeros_like(x),
            ),
        },
    },
}
