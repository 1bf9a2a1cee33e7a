"""Tasks of hw01_activations_backprop (after lessons 01 and 02). Introduced in hw01_activations_backprop.

Activation functions and their derivatives, the forward pass of a 3 → 4 → 2 network,
its backward pass for an MSE loss, one SGD step and a numerical gradient check, all in
NumPy. Every function answer is called here on the checker's own inputs; the expected
values are computed here from those inputs.
"""

import numpy as np

from helpers.checks import (
    TaskList,
    Wrong,
    call_student,
    require_array,
    require_callable,
    require_close,
    require_done,
    require_number,
)

TASKS = TaskList("hw01", "Функции активации и обратное распространение")

# Sizes of the network of tasks 4–6: 3 inputs → 4 hidden neurons (tanh) → 2 outputs (sigmoid).
N_IN, N_HIDDEN, N_OUT = 3, 4, 2


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def _points(seed, shape, low=-4.0, high=4.0):
    """Checker's own inputs: uniform numbers kept away from 0 (where ReLU has its kink)."""
    rng = np.random.default_rng(seed)
    values = rng.uniform(0.05, 1.0, size=shape) * rng.choice([-1.0, 1.0], size=shape)
    return values * max(abs(low), abs(high))


def _network(seed, n):
    """Checker's own batch, targets and weights for the 3 → 4 → 2 network."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, N_IN))
    t = rng.uniform(0.0, 1.0, size=(n, N_OUT))
    w1 = rng.normal(scale=0.8, size=(N_IN, N_HIDDEN))
    b1 = rng.normal(scale=0.5, size=N_HIDDEN)
    w2 = rng.normal(scale=0.8, size=(N_HIDDEN, N_OUT))
    b2 = rng.normal(scale=0.5, size=N_OUT)
    return x, t, w1, b1, w2, b2


def _relative_error(a, b):
    denominator = np.linalg.norm(a) + np.linalg.norm(b)
    return float(np.linalg.norm(a - b) / denominator) if denominator else 0.0


def _forward(x, w1, b1, w2, b2):
    h = np.tanh(x @ w1 + b1)
    return h, _sigmoid(h @ w2 + b2)


def _gradients(x, t, w1, b1, w2, b2):
    """dL/dW1, dL/db1, dL/dW2, dL/db2 of L = mean((Y − T)²) over all elements."""
    h, y = _forward(x, w1, b1, w2, b2)
    grad_y = 2.0 * (y - t) / y.size
    grad_z2 = grad_y * y * (1.0 - y)
    grad_h = grad_z2 @ w2.T
    grad_z1 = grad_h * (1.0 - h**2)
    return x.T @ grad_z1, grad_z1.sum(axis=0), h.T @ grad_z2, grad_z2.sum(axis=0)


PARAM_NAMES = ("W1", "b1", "W2", "b2")


def _param_shapes():
    return ((N_IN, N_HIDDEN), (N_HIDDEN,), (N_HIDDEN, N_OUT), (N_OUT,))


def _require_sequence(value, what, length):
    """A tuple (or list) of ``length`` items, e.g. what ``return H, Y`` gives."""
    value = require_done(value, what)
    if not isinstance(value, tuple | list):
        raise Wrong(
            f"{what}: пришёл {type(value).__name__}, а нужен кортеж из {length} массивов (return a, b, …)."
        )
    if len(value) != length:
        raise Wrong(f"{what}: число элементов в кортеже — {len(value)}, а нужно {length}.")
    for item in value:
        require_done(item, what)
    return value


def _check_elementwise(function, name, reference, seed):
    """Call an element-wise function on two arrays of the checker and compare with ``reference``."""
    f = require_callable(function, name)
    total = 0
    for shape in [(9,), (3, 5)]:
        z = _points(seed, shape)
        got = require_done(call_student(f, z.copy(), what=name), f"{name}(z)")
        require_array(got, f"{name}(z) для z формы {z.shape}", shape=z.shape)
        require_close(got, reference(z), f"{name}(z)", rtol=1e-6, atol=1e-9)
        total += z.size
    return total


@TASKS.task(
    "1",
    "Производная сигмоиды",
    lesson="02_numpy_from_scratch",
    hint="σ'(z) = σ(z)·(1 − σ(z)); сначала посчитайте s = 1 / (1 + np.exp(-z)) для всего массива, "
    "потом верните s * (1 - s). Никаких циклов: NumPy считает поэлементно.",
)
def _sigmoid_derivative(sigmoid_derivative):
    total = _check_elementwise(
        sigmoid_derivative, "sigmoid_derivative", lambda z: _sigmoid(z) * (1 - _sigmoid(z)), seed=101
    )
    return f"Производная совпала в {total} точках."


@TASKS.task(
    "2",
    "Производные tanh и ReLU",
    lesson="02_numpy_from_scratch",
    hint="tanh'(z) = 1 − tanh²(z). Производная ReLU — 1 там, где z > 0, и 0 в остальных точках: "
    "сравнение (z > 0) даёт массив из True/False, превратите его в числа: (z > 0).astype(float).",
)
def _tanh_relu_derivatives(tanh_derivative, relu_derivative):
    total = _check_elementwise(tanh_derivative, "tanh_derivative", lambda z: 1 - np.tanh(z) ** 2, seed=202)
    total += _check_elementwise(relu_derivative, "relu_derivative", lambda z: (z > 0).astype(float), seed=303)
    return f"Обе производные совпали, всего {total} точек."


@TASKS.task(
    "3",
    "Softmax для батча",
    lesson="01_neural_networks_basics",
    hint="Работайте по строкам: np.max(Z, axis=1, keepdims=True) и np.sum(..., axis=1, keepdims=True). "
    "Вычтите из каждой строки её максимум до np.exp — иначе на числах порядка 1000 будет переполнение.",
)
def _softmax_rows(softmax_rows):
    f = require_callable(softmax_rows, "softmax_rows")
    rng = np.random.default_rng(404)
    z = rng.normal(scale=2.0, size=(6, 5))

    def expected(values):
        e = np.exp(values - values.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    got = require_done(call_student(f, z.copy(), what="softmax_rows"), "softmax_rows(Z)")
    require_array(got, "softmax_rows(Z)", shape=z.shape)
    if not np.allclose(got.sum(axis=1), 1.0, atol=1e-9):
        raise Wrong(
            "softmax_rows(Z): вероятности в каждой строке должны давать в сумме 1 — проверьте ось суммы."
        )
    require_close(got, expected(z), "softmax_rows(Z)", rtol=1e-6, atol=1e-9)

    big = np.array([[1000.0, 1001.0, 999.0, 1000.5], [-3.0, 0.0, 2.0, 1.0], [-800.0, -801.0, -799.5, -800.0]])
    with np.errstate(all="ignore"):
        got_big = require_done(call_student(f, big.copy(), what="softmax_rows"), "softmax_rows(Z)")
    if isinstance(got_big, np.ndarray) and got_big.dtype.kind == "f" and not np.all(np.isfinite(got_big)):
        raise Wrong(
            "softmax_rows(Z): на строках с большими по модулю числами (около ±1000) получились NaN "
            "или бесконечность — вычтите из каждой строки её максимум."
        )
    require_array(got_big, "softmax_rows(Z) на больших числах", shape=big.shape)
    require_close(got_big, expected(big), "softmax_rows(Z) на больших числах", rtol=1e-6, atol=1e-9)
    return "Строки дают в сумме 1, большие числа не переполняют exp."


@TASKS.task(
    "4",
    "Прямой проход сети 3 → 4 → 2",
    lesson="01_neural_networks_basics",
    hint="Две строки, как в уроке 01: H = np.tanh(X @ W1 + b1), затем Y = σ(H @ W2 + b2). "
    "Верните оба массива: return H, Y.",
)
def _forward_pass(forward):
    f = require_callable(forward, "forward")
    for seed, n in [(505, 6), (506, 1)]:
        x, _, w1, b1, w2, b2 = _network(seed, n)
        result = call_student(f, x, w1.copy(), b1.copy(), w2.copy(), b2.copy(), what="forward")
        h, y = _require_sequence(result, "forward(X, W1, b1, W2, b2)", 2)
        want_h, want_y = _forward(x, w1, b1, w2, b2)
        require_array(h, "H (выходы скрытого слоя)", shape=(n, N_HIDDEN))
        require_array(y, "Y (выходы сети)", shape=(n, N_OUT))
        require_close(h, want_h, "H (выходы скрытого слоя)", rtol=1e-6, atol=1e-9)
        require_close(y, want_y, "Y (выходы сети)", rtol=1e-6, atol=1e-9)
    return "H и Y совпали на двух батчах (6 примеров и 1 пример)."


@TASKS.task(
    "5",
    "Обратный проход: градиенты MSE",
    lesson="02_numpy_from_scratch",
    hint="Идите от потерь к входу: dY = 2·(Y − T) / Y.size; dZ2 = dY·Y·(1 − Y); dW2 = Hᵀ·dZ2, "
    "db2 = сумма dZ2 по примерам; dH = dZ2·W2ᵀ; dZ1 = dH·(1 − H²); dW1 = Xᵀ·dZ1, db1 = сумма dZ1. "
    "У каждого градиента форма его параметра.",
)
def _backward_pass(backward):
    f = require_callable(backward, "backward")
    x, t, w1, b1, w2, b2 = _network(606, 7)
    result = call_student(f, x, t, w1.copy(), b1.copy(), w2.copy(), b2.copy(), what="backward")
    grads = _require_sequence(result, "backward(X, T, W1, b1, W2, b2)", 4)
    expected = _gradients(x, t, w1, b1, w2, b2)
    for name, got, want, shape in zip(PARAM_NAMES, grads, expected, _param_shapes(), strict=True):
        require_array(got, f"градиент по {name}", shape=shape)
        require_close(got, want, f"градиент по {name}", rtol=1e-6, atol=1e-10)
    return "Все четыре градиента совпали."


@TASKS.task(
    "6",
    "Один шаг SGD",
    lesson="02_numpy_from_scratch",
    hint="Посчитайте градиенты своей функцией backward и сдвиньте каждый параметр против градиента: "
    "W_new = W − learning_rate · dW. Верните новые W1, b1, W2, b2 в этом порядке.",
)
def _sgd_step(sgd_step):
    f = require_callable(sgd_step, "sgd_step")
    x, t, w1, b1, w2, b2 = _network(707, 8)
    learning_rate = 0.5
    params = (w1, b1, w2, b2)
    result = call_student(f, x, t, *(p.copy() for p in params), learning_rate, what="sgd_step")
    new = _require_sequence(result, "sgd_step(X, T, W1, b1, W2, b2, learning_rate)", 4)
    grads = _gradients(x, t, *params)
    for name, got, old, grad, shape in zip(PARAM_NAMES, new, params, grads, _param_shapes(), strict=True):
        require_array(got, f"новый {name}", shape=shape)
        require_close(got, old - learning_rate * grad, f"новый {name}", rtol=1e-6, atol=1e-10)
    loss_before = np.mean((_forward(x, *params)[1] - t) ** 2)
    loss_after = np.mean((_forward(x, *new)[1] - t) ** 2)
    return f"После шага MSE на проверочном батче уменьшилась: {loss_before:.4f} → {loss_after:.4f}."


def _test_function(x):
    """The checker's own scalar function of an array: sum(sin(x) · x²) + x₀·x₋₁."""
    flat = x.reshape(-1)
    return float(np.sum(np.sin(x) * x**2) + flat[0] * flat[-1])


def _test_function_gradient(x):
    grad = np.cos(x) * x**2 + 2 * x * np.sin(x)
    flat = grad.reshape(-1)
    source = x.reshape(-1)
    flat[0] += source[-1]
    flat[-1] += source[0]
    return grad


@TASKS.task(
    "7",
    "Численный градиент",
    lesson="02_numpy_from_scratch",
    hint="Для каждого индекса idx из np.ndindex(x.shape): скопируйте x, прибавьте eps к элементу idx, "
    "посчитайте f; так же с −eps; производная — (f(x + eps) − f(x − eps)) / (2·eps). "
    "Сам x не меняйте (или верните его значение на место).",
)
def _numerical_gradient(numerical_gradient):
    f = require_callable(numerical_gradient, "numerical_gradient")
    x = _points(808, (2, 3), low=-2.0, high=2.0)
    saved = x.copy()
    got = require_done(
        call_student(f, _test_function, x, 1e-5, what="numerical_gradient"), "numerical_gradient"
    )
    if not np.allclose(x, saved, rtol=1e-12, atol=0.0):  # 1 ulp from x += eps; x -= eps is fine
        raise Wrong("numerical_gradient изменила массив x и не вернула его значения на место.")
    require_array(got, "numerical_gradient(f, x, eps)", shape=x.shape)
    require_close(got, _test_function_gradient(x), "numerical_gradient(f, x, eps)", rtol=1e-6, atol=1e-7)
    return "Совпало с точной производной проверочной функции (центральная разность)."


@TASKS.task(
    "8",
    "Проверка градиентов: относительная ошибка",
    lesson="02_numpy_from_scratch",
    hint="relative_error(a, b) = ‖a − b‖ / (‖a‖ + ‖b‖), норма — np.linalg.norm; "
    "если знаменатель 0, верните 0.0. Проверка сама сравнит ваш backward с вашим numerical_gradient "
    "на своей сети: если они расходятся, ищите ошибку в задании 5 или 7.",
)
def _gradient_check(relative_error, backward, numerical_gradient):
    f = require_callable(relative_error, "relative_error")
    rng = np.random.default_rng(909)
    a, b = rng.normal(size=(3, 4)), rng.normal(size=(3, 4))
    cases = [
        (a, b, "двух разных массивов"),
        (a, a + 1e-3 * b, "близких массивов"),
        (a, a.copy(), "одинаковых массивов"),
        (np.zeros(5), np.zeros(5), "двух нулевых массивов"),
    ]
    for first, second, label in cases:
        with np.errstate(all="ignore"):
            got = require_done(
                call_student(f, first.copy(), second.copy(), what="relative_error"), "relative_error"
            )
        got = require_number(got, f"relative_error для {label}")
        what = f"relative_error для {label}"
        require_close(got, _relative_error(first, second), what, rtol=1e-6, atol=1e-12)
    # The gradient check itself, on the checker's own network: the student's backward against the
    # student's numerical_gradient of the checker's loss. Nothing the student computed is trusted.
    back = require_callable(backward, "backward")
    numeric_f = require_callable(numerical_gradient, "numerical_gradient")
    x, t, *params = _network(910, 5)
    result = call_student(back, x, t, *[p.copy() for p in params], what="backward")
    analytic = _require_sequence(result, "backward(X, T, W1, b1, W2, b2)", 4)
    exact = _gradients(x, t, *params)
    worst = 0.0
    for i, (name, shape) in enumerate(zip(PARAM_NAMES, _param_shapes(), strict=True)):

        def loss_of(p, i=i):
            changed = list(params)
            changed[i] = p
            return float(np.mean((_forward(x, *changed)[1] - t) ** 2))

        numeric = require_done(
            call_student(numeric_f, loss_of, params[i].copy(), 1e-5, what="numerical_gradient"),
            "numerical_gradient",
        )
        require_array(analytic[i], f"градиент backward по {name}", shape=shape)
        require_array(numeric, f"numerical_gradient по {name}", shape=shape)
        error = _relative_error(analytic[i], numeric)
        if error >= 1e-6:
            raise Wrong(
                f"градиент по {name}: backward и numerical_gradient расходятся, относительная ошибка "
                f"{error:.1e} ≥ 1e-6. Проверьте backward (задание 5) и numerical_gradient (задание 7)."
            )
        worst = max(worst, error)
        # Two wrong functions can agree with each other (both zero, both doubled): compare with the truth too.
        require_close(analytic[i], exact[i], f"градиент backward по {name}", rtol=1e-6, atol=1e-9)
        require_close(numeric, exact[i], f"numerical_gradient по {name}", rtol=1e-4, atol=1e-8)
    return f"relative_error верна, градиенты прошли численную проверку (наибольшая ошибка {worst:.0e})."
