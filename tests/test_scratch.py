"""Unit tests of helpers.scratch, the NumPy framework of 02_numpy_from_scratch.

The gradient checks compare every backward() with central differences in float64,
so a wrong derivative in any operation or loss makes its test fail.
"""

import traceback

import numpy as np
import pytest

from helpers import scratch as s
from helpers.errors import CourseError, CourseValueError

TOLERANCE = 1e-7


def rng():
    return np.random.default_rng(2024)


def away_from_zero(shape):
    """Inputs with |x| ≥ 0.1: ReLU has a kink at 0 where finite differences are wrong."""
    x = rng().uniform(0.1, 2.0, shape)
    return x * rng().choice([-1.0, 1.0], shape)


OPERATIONS = {
    "WeightMultiply": lambda: s.WeightMultiply(rng().normal(size=(4, 3))),
    "BiasAdd": lambda: s.BiasAdd(rng().normal(size=(1, 4))),
    "Sigmoid": s.Sigmoid,
    "Tanh": s.Tanh,
    "ReLU": s.ReLU,
    "Linear": s.Linear,
    "Dense+Sigmoid": lambda: s.Dense(3, s.Sigmoid()),
    "Dense+ReLU": lambda: s.Dense(3, s.ReLU(), weight_init="he"),
}


@pytest.mark.parametrize("name", OPERATIONS)
def test_operation_backward_matches_numerical_gradient(name):
    errors = s.gradient_check(OPERATIONS[name](), away_from_zero((5, 4)))
    assert set(errors) >= {"input"}
    if name in ("WeightMultiply", "BiasAdd"):
        assert set(errors) == {"input", "param 1"}
    if name.startswith("Dense"):
        assert set(errors) == {"input", "param 1", "param 2"}
    assert max(errors.values()) < TOLERANCE, errors


def test_mean_squared_error_gradient():
    prediction, target = rng().normal(size=(6, 2)), rng().normal(size=(6, 2)) + 1.0
    errors = s.gradient_check(s.MeanSquaredError(), prediction, target)
    assert errors["input"] < TOLERANCE, errors


def test_softmax_cross_entropy_gradient():
    logits = rng().normal(size=(6, 4)) * 3.0
    target = np.eye(4)[[0, 3, 1, 1, 2, 0]]
    errors = s.gradient_check(s.SoftmaxCrossEntropy(), logits, target)
    assert errors["input"] < TOLERANCE, errors


def test_whole_network_gradient():
    """The chain rule across layers: d loss / d W of the first layer."""
    x, y = rng().normal(size=(5, 3)), np.eye(2)[[0, 1, 1, 0, 1]]
    net = s.NeuralNetwork([s.Dense(4, s.Tanh()), s.Dense(2, s.Linear())], s.SoftmaxCrossEntropy())
    net.train_batch(x, y)
    first_w, analytic = net.params[0], net.param_grads[0].copy()
    numeric = s.numerical_gradient(lambda: net.loss.forward(net.forward(x), y), first_w)
    assert s.relative_error(analytic, numeric) < TOLERANCE


def test_gradient_check_catches_a_wrong_derivative():
    class BrokenSigmoid(s.Sigmoid):
        def _input_grad(self, output_grad):
            return output_grad * self.output  # forgot the factor (1 − σ)

    assert s.gradient_check(BrokenSigmoid(), away_from_zero((3, 3)))["input"] > 0.1


def test_numerical_gradient_of_a_square():
    x = np.array([[1.0, -2.0, 0.5]])
    grad = s.numerical_gradient(lambda: float(np.sum(x**2)), x)
    np.testing.assert_allclose(grad, 2 * x, atol=1e-6)
    np.testing.assert_array_equal(x, [[1.0, -2.0, 0.5]])  # restored


def test_forward_values():
    x = np.array([[-1.0, 0.0, 2.0]])
    np.testing.assert_allclose(s.Sigmoid().forward(x), 1 / (1 + np.exp(-x)))
    np.testing.assert_allclose(s.Tanh().forward(x), np.tanh(x))
    np.testing.assert_array_equal(s.ReLU().forward(x), [[0.0, 0.0, 2.0]])
    np.testing.assert_array_equal(s.Linear().forward(x), x)
    w = np.array([[1.0], [2.0], [3.0]])
    np.testing.assert_array_equal(s.WeightMultiply(w).forward(x), [[5.0]])
    np.testing.assert_array_equal(s.BiasAdd(np.array([[1.0, 1.0, 1.0]])).forward(x), x + 1)


def test_mse_value():
    loss = s.MeanSquaredError().forward(np.array([[1.0], [3.0]]), np.array([[0.0], [1.0]]))
    assert loss == pytest.approx(2.5)


def test_softmax_cross_entropy_value_and_stability():
    logits = np.array([[1000.0, 0.0, -1000.0], [0.0, 0.0, 0.0]])
    target = np.eye(3)[[0, 2]]
    loss = s.SoftmaxCrossEntropy()
    with np.errstate(over="raise", divide="raise", invalid="raise"):
        value = loss.forward(logits, target)
        grad = loss.backward()
    assert value == pytest.approx(np.log(3) / 2)
    assert np.isfinite(grad).all()
    np.testing.assert_allclose(s.softmax(logits)[0], [1.0, 0.0, 0.0])
    np.testing.assert_allclose(s.softmax(logits).sum(axis=1), [1.0, 1.0])


def test_loss_shape_error_names_both_shapes():
    with pytest.raises(s.ShapeError, match=r"\(4, 1\).*\(4,\)"):
        s.MeanSquaredError().forward(np.zeros((4, 1)), np.zeros(4))
    with pytest.raises(s.ShapeError, match=r"one-hot"):
        s.SoftmaxCrossEntropy().forward(np.zeros((4, 10)), np.zeros(4))


def test_layer_shape_errors():
    layer = s.Dense(3)
    layer.forward(np.zeros((2, 5)))
    with pytest.raises(s.ShapeError, match=r"\(2, 5\).*\(2, 6\)"):
        layer.forward(np.zeros((2, 6)))
    with pytest.raises(s.ShapeError, match=r"reshape"):
        s.Dense(3).forward(np.zeros((2, 28, 28)))
    with pytest.raises(s.ShapeError, match=r"\(2, 3\).*\(2, 4\)"):
        layer.backward(np.zeros((2, 4)))


def test_shape_error_is_a_value_error_in_russian():
    assert issubclass(s.ShapeError, ValueError)
    with pytest.raises(ValueError, match="ожидалась форма"):
        s.check_shape("тест", (1, 2), (2, 1))


def test_dense_initialisation():
    layer = s.Dense(200, s.ReLU(), weight_init="he")
    layer.rng = np.random.default_rng(0)
    layer.forward(np.zeros((1, 800), dtype=np.float32))
    weights, bias = layer.params
    assert weights.shape == (800, 200) and bias.shape == (1, 200)
    assert weights.dtype == bias.dtype == np.float32
    assert weights.std() == pytest.approx(np.sqrt(2 / 800), rel=0.02)
    assert not bias.any()


def test_sgd_plain_and_momentum_updates():
    class Net:
        params = [np.array([1.0])]
        param_grads = [np.array([2.0])]

    plain = s.SGD(lr=0.1)
    plain.net = Net()
    plain.step()
    assert Net.params[0][0] == pytest.approx(0.8)

    Net.params = [np.array([1.0])]
    momentum = s.SGD(lr=0.1, momentum=0.9)
    momentum.net = Net()
    momentum.step()  # v = −0.2
    momentum.step()  # v = 0.9·(−0.2) − 0.2 = −0.38
    assert Net.params[0][0] == pytest.approx(1.0 - 0.2 - 0.38)


def test_learning_rate_decays_to_final_lr():
    optimizer = s.SGD(lr=0.1, final_lr=0.001)
    optimizer.start(epochs=5)
    rates = [optimizer.lr]
    for _ in range(4):
        optimizer.end_epoch()
        rates.append(optimizer.lr)
    assert rates[0] == pytest.approx(0.1) and rates[-1] == pytest.approx(0.001)
    assert all(a > b for a, b in zip(rates, rates[1:], strict=False))


def linear_data(n=256):
    x = rng().normal(size=(n, 2)).astype(np.float32)
    y = (x @ np.array([[2.0], [-3.0]]) + 1.0).astype(np.float32)
    return x, y


def test_trainer_learns_a_linear_function(capsys):
    x, y = linear_data()
    net = s.NeuralNetwork([s.Dense(1, s.Linear())], s.MeanSquaredError(), seed=3)
    history = s.Trainer(net, s.SGD(lr=0.05)).fit(
        x, y, x, y, epochs=20, eval_every=10, batch_size=16, progress=False
    )
    weights, bias = net.params
    np.testing.assert_allclose(weights.ravel(), [2.0, -3.0], atol=1e-3)
    assert bias[0, 0] == pytest.approx(1.0, abs=1e-3)
    assert history["epoch"] == [10, 20] and len(history["seconds"]) == 20
    assert "Эпоха 20" in capsys.readouterr().out


def test_trainer_is_reproducible_and_reports_accuracy(capsys):
    x = rng().normal(size=(120, 4)).astype(np.float32)
    y = np.eye(3, dtype=np.float32)[(x[:, 0] > 0).astype(int) + (x[:, 1] > 1)]

    def run():
        net = s.NeuralNetwork([s.Dense(8, s.ReLU(), "he"), s.Dense(3, s.Linear())],
                              s.SoftmaxCrossEntropy(), seed=7)
        trainer = s.Trainer(net, s.SGD(lr=0.1, momentum=0.9))
        return trainer.fit(x, y, x, y, epochs=5, batch_size=10, seed=5, progress=False), net

    (h1, net1), (h2, _) = run(), run()
    assert h1["val_loss"] == h2["val_loss"]
    assert h1["val_loss"][-1] < h1["val_loss"][0]
    assert h1["val_accuracy"][-1] == s.accuracy(net1, x, y) > 0.8
    assert "точность на проверке" in capsys.readouterr().out


def test_early_stopping_restores_the_best_weights(capsys):
    x, y = linear_data(64)
    net = s.NeuralNetwork([s.Dense(1, s.Linear())], s.MeanSquaredError())
    trainer = s.Trainer(net, s.SGD(lr=2.0))  # far too large: the loss explodes
    with np.errstate(all="ignore"):
        history = trainer.fit(x, y, x, y, epochs=10, batch_size=64, early_stopping=True,
                              progress=False)
    assert len(history["val_loss"]) == 2
    assert net.loss.forward(net.forward(x), y) == pytest.approx(history["val_loss"][0])
    assert "останавливаемся" in capsys.readouterr().out


# ------------------------------------------------------------------ valid calls: same as before


def test_lesson_02_linear_regression_prints_the_stored_lines(capsys):
    """The lesson's first training run, with the lines its stored output shows."""
    generator = np.random.default_rng(42)
    x = generator.normal(size=(1000, 2)).astype(np.float32)
    noise = generator.normal(0, 0.1, (1000, 1))
    y = (2 * x[:, :1] - 3 * x[:, 1:] + 1 + noise).astype(np.float32)
    net = s.NeuralNetwork([s.Dense(1, s.Linear())], s.MeanSquaredError(), seed=1)
    s.Trainer(net, s.SGD(lr=0.01)).fit(x[:800], y[:800], x[800:], y[800:], epochs=20, eval_every=5,
                                       batch_size=32, progress=False)
    assert capsys.readouterr().out == (
        "Эпоха 5: потери на обучении 0.2634, на проверке 0.2010\n"
        "Эпоха 10: потери на обучении 0.0126, на проверке 0.0134\n"
        "Эпоха 15: потери на обучении 0.0101, на проверке 0.0113\n"
        "Эпоха 20: потери на обучении 0.0101, на проверке 0.0112\n"
    )
    weights, bias = net.params
    w1, w2 = weights.ravel()
    assert f"веса: {w1:.2f} и {w2:.2f}, смещение: {bias.item():.2f}" == "веса: 2.00 и -3.00, смещение: 1.00"


def test_lesson_02_stored_error_messages_are_unchanged():
    target = np.arange(5.0)
    with pytest.raises(s.ShapeError) as caught:
        s.MeanSquaredError().forward((target + 0.1).reshape(-1, 1), target)
    assert str(caught.value) == (
        "Функция потерь MeanSquaredError, цель (target): ожидалась форма (5, 1), а получена (5,). "
        "Цель должна иметь ту же форму, что и прогноз; вектор в столбец: y.reshape(-1, 1)."
    )
    pixels = np.zeros((64, 28, 28), dtype=np.uint8)
    with pytest.raises(s.ShapeError) as caught:
        s.Dense(256, s.ReLU(), weight_init="he").forward(pixels)
    assert str(caught.value) == (
        "Dense(256, ReLU): ждём матрицу (примеры, признаки), а получен массив формы (64, 28, 28). "
        "Разверните каждый пример в вектор: x.reshape(len(x), -1)."
    )


def test_shape_error_is_a_course_value_error():
    assert issubclass(s.ShapeError, CourseValueError)


def test_conveniences_keep_the_meaning(capsys):
    """Activation names as in Keras; evaluate without fit's bookkeeping."""
    assert repr(s.Dense(3, "relu")) == "Dense(3, ReLU)" and repr(s.Dense(3, " Tanh ")) == "Dense(3, Tanh)"
    assert s.Dense(3, weight_init="He").weight_init == "he"
    x, y = linear_data(32)

    def run(activation):
        net = s.NeuralNetwork([s.Dense(1, activation)], s.MeanSquaredError(), seed=3)
        trainer = s.Trainer(net, s.SGD(lr=0.05))
        return trainer, trainer.fit(x, y, x, y, epochs=2, batch_size=8, progress=False)

    _, with_object = run(s.Linear())
    trainer, with_name = run("linear")
    assert with_name["val_loss"] == with_object["val_loss"]
    capsys.readouterr()
    val_loss = trainer.evaluate(x, y)
    assert val_loss == pytest.approx(with_name["val_loss"][-1])
    assert capsys.readouterr().out == f"Потери на проверке {val_loss:.4f}\n"


# ------------------------------------------------------------------ a diverging run stops


def test_a_diverging_run_stops_with_one_warning(capsys):
    x, y = linear_data(64)
    net = s.NeuralNetwork([s.Dense(1, s.Linear())], s.MeanSquaredError())
    calls = []
    train_batch = net.train_batch
    net.train_batch = lambda xb, yb: calls.append(1) or train_batch(xb, yb)
    with np.errstate(all="ignore"):
        history = s.Trainer(net, s.SGD(lr=50.0)).fit(x * 100, y * 100, x, y, epochs=30, batch_size=8,
                                                     progress=False)
    out = capsys.readouterr().out
    warnings = [line for line in out.splitlines() if line.startswith("⚠️")]
    assert len(warnings) == 1, out
    assert "обучение разошлось, останавливаемся" in warnings[0] and "lr = 50" in warnings[0]
    assert "нормализуйте входы" in warnings[0]
    assert len(calls) < 30 * 8, "training went on after the loss stopped being finite"
    assert "nan" not in out.replace(warnings[0], "") and len(history["epoch"]) < 30
    assert len(history["epoch"]) == len(history["loss"]) == len(history["val_loss"])
    assert all(np.isfinite(history["loss"]))


def test_an_exploding_but_finite_loss_stops_at_once(capsys):
    """A loss 1000 times the first batch's stops the run before it prints numbers with 50 digits.

    NumPy's English overflow warnings are not shown: the Russian ⚠️ line says it all.
    """
    import warnings

    x, y = linear_data(64)
    net = s.NeuralNetwork([s.Dense(1, s.Linear())], s.MeanSquaredError())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        history = s.Trainer(net, s.SGD(lr=1e6)).fit(x * 1e3, y, x, y, epochs=20, progress=False)
    assert not [w for w in caught if issubclass(w.category, RuntimeWarning)], [str(w.message) for w in caught]
    out = capsys.readouterr().out
    assert out.startswith("⚠️ Эпоха 1, батч"), out
    assert "выросли до" in out and "на первом батче были" in out
    assert history["epoch"] == []


@pytest.mark.parametrize(
    ("loss", "first", "expected"),
    [(float("nan"), 1.0, True), (float("inf"), 1.0, True), (2300.0, 2.0, True), (1999.0, 2.0, False),
     (999.0, 1e-6, False), (1001.0, 1e-6, True), (1e9 + 1, 1e6, True), (5.0, 2.3, False)],
)
def test_diverged_means_nan_inf_or_a_thousand_times_the_first_loss(loss, first, expected):
    assert s.diverged(loss, first) is expected


def test_a_diverging_run_with_early_stopping_restores_the_best_weights(capsys):
    x, y = linear_data(64)
    net = s.NeuralNetwork([s.Dense(1, s.Linear())], s.MeanSquaredError())
    trainer = s.Trainer(net, s.SGD(lr=0.2))
    big = x * 3  # diverges in the second epoch, after one validation: there are weights to return
    with np.errstate(all="ignore"):
        history = trainer.fit(big, y, x, y, epochs=30, batch_size=16, early_stopping=True, progress=False)
    out = capsys.readouterr().out
    assert "⚠️" in out and "Вернули веса с лучшей проверки" in out, out
    best = min(history["val_loss"])
    assert all(np.isfinite(p).all() for p in net.params)
    assert net.loss.forward(net.forward(x), y) == pytest.approx(best)


class NanOnValidation(s.MeanSquaredError):
    """MSE that turns nan on the validation set (4 examples) from the `after`-th check on."""

    def __init__(self, after=1):
        self.after, self.checks = after, 0

    def forward(self, prediction, target):
        loss = super().forward(prediction, target)
        if len(prediction) == 4:
            self.checks += 1
            if self.checks >= self.after:
                return float("nan")
        return loss


def nan_validation_fit(after, early_stopping):
    x, y = linear_data(64)
    net = s.NeuralNetwork([s.Dense(1, s.Linear())], NanOnValidation(after))
    history = s.Trainer(net, s.SGD(lr=0.05)).fit(x, y, x[:4], y[:4], epochs=5, batch_size=16,
                                                 early_stopping=early_stopping, progress=False)
    return net, history


@pytest.mark.parametrize("early_stopping", [True, False])
def test_a_nan_first_validation_loss_stops_without_a_type_error(capsys, early_stopping):
    net, history = nan_validation_fit(after=1, early_stopping=early_stopping)
    out = capsys.readouterr().out
    assert "⚠️ Эпоха 1: потери на проверке стали nan — обучение разошлось, останавливаемся." in out
    assert "Вернули веса" not in out  # there were no better weights to return
    assert history["epoch"] == [1] and np.isnan(history["val_loss"][0])


def test_a_nan_validation_loss_with_early_stopping_restores_the_best_weights(capsys):
    x, y = linear_data(64)
    net, history = nan_validation_fit(after=3, early_stopping=True)
    out = capsys.readouterr().out
    assert history["epoch"] == [1, 2, 3]
    assert f"Вернули веса с лучшей проверки (потери {history['val_loss'][1]:.4f})" in out, out
    assert s.MeanSquaredError().forward(net.forward(x[:4]), y[:4]) == pytest.approx(history["val_loss"][1])


# ------------------------------------------------------------------ course errors, no library frames


def test_course_errors_show_no_numpy_frames():
    """A bad input stops at the boundary: no frame of its traceback is inside NumPy."""
    from tests.bad_input_cases.scratch import CASES

    for row in CASES:
        if row.printed:
            continue
        try:
            row.call(None)
        except CourseError as error:
            frames = [frame.filename for frame in traceback.extract_tb(error.__traceback__)]
            assert not [f for f in frames if "numpy" in f], (row.label, frames)
            assert error.__cause__ is None and error.__suppress_context__ or error.__context__ is None
        else:
            pytest.fail(f"{row.target} {row.label}: no course error")
