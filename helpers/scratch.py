"""A small neural-network framework in pure NumPy, after Seth Weidman's "Deep Learning from Scratch".

Introduced in 02_numpy_from_scratch. The building blocks, bottom up:

- Operation, ParamOperation: one step of the computation with forward() and backward();
- WeightMultiply, BiasAdd: the operations with parameters (X·W and + B);
- Sigmoid, Tanh, ReLU, Linear: activation functions;
- Layer, Dense: a chain of operations with its own parameters;
- Loss, MeanSquaredError, SoftmaxCrossEntropy: how far predictions are from targets;
- NeuralNetwork: layers plus a loss; Optimizer, SGD: the parameter update;
- Trainer: epochs, shuffling, batches, evaluation, a progress bar;
- numerical_gradient, gradient_check: compare backward() with finite differences.

Arrays are NumPy arrays of floats (float32 or float64), one row per example. Every
public function, class and method checks its arguments once, at the boundary, and
answers a mistake with a Russian course error (helpers.errors.CourseTypeError or
CourseValueError; ShapeError, a CourseValueError, for shapes). The checks in the
per-batch methods are O(1) (type, dtype, number of axes); Trainer.fit checks the
whole data set (finiteness, lengths, targets against the network) before training.
Trainer.fit stops a diverging run (a loss of nan or inf) with one "⚠️" line.

Reference design: https://github.com/SethHWeidman/DLFS_code (the `lincoln` package).
"""

import math
import numbers
import time

import numpy as np
from tqdm.auto import tqdm

from helpers.errors import (
    CourseTypeError,
    CourseValueError,
    check_array,
    check_callable,
    check_choice,
    check_int,
    check_number,
    course_error,
    describe,
)


class ShapeError(CourseValueError):
    """An array of the wrong shape; the message names both shapes. Introduced in 02_numpy_from_scratch.

    A CourseValueError, hence also a ValueError.
    """


def check_shape(where, expected, received, hint=""):
    """Raise ShapeError unless `received` == `expected`. Introduced in 02_numpy_from_scratch.

    `where` (str) begins the Russian message, `expected` and `received` are shapes
    (tuples of ints such as x.shape), `hint` (str) ends it with the fix.
    Raises CourseTypeError when an argument is not of these kinds (e.g. an array instead of its .shape).
    """
    expected, received = _check_shape_arguments(where, expected, received, hint)
    if tuple(expected) != tuple(received):
        raise ShapeError(
            f"{where}: ожидалась форма {tuple(expected)}, а получена {tuple(received)}. {hint}".strip()
        )


# ---------------------------------------------------------------- operations


class Operation:
    """One step of the computation: forward() keeps its input, backward() applies the chain rule.

    Introduced in 02_numpy_from_scratch. Subclasses define _output() and _input_grad().
    forward(input_) takes a float array (float32/float64, usually a batch (examples, features));
    backward(output_grad) takes ∂L/∂output of the output's shape and returns ∂L/∂input.
    Raises CourseTypeError for a non-array or non-float input, ShapeError for a gradient
    of the wrong shape, CourseValueError for backward() before forward().
    """

    def forward(self, input_):
        """Compute, keep and return the output for `input_` (a float NumPy array); course errors otherwise."""
        _check_operation_input(self, input_)
        self.input_ = input_
        self.output = self._output()
        return self.output

    def backward(self, output_grad):
        """Return ∂L/∂input for `output_grad` = ∂L/∂output (a float array, the output's shape).

        Raises ShapeError for another shape, course errors for a non-float array or before forward().
        """
        _check_output_grad(self, output_grad)
        where = f"Градиент для {type(self).__name__}.backward"
        check_shape(where, self.output.shape, output_grad.shape)
        self.input_grad = self._input_grad(output_grad)
        return self.input_grad

    @property
    def params(self):
        """The parameter arrays: none for an operation without parameters."""
        return []

    @property
    def param_grads(self):
        """The gradients of the parameters, in the order of params."""
        return []

    def _output(self):
        raise NotImplementedError(f"{type(self).__name__}: определите в подклассе метод _output()")

    def _input_grad(self, output_grad):
        raise NotImplementedError(f"{type(self).__name__}: определите в подклассе метод _input_grad()")


class ParamOperation(Operation):
    """An operation with a parameter array; backward() also fills param_grad.

    Introduced in 02_numpy_from_scratch. Subclasses add _param_grad(). `param` is a
    float NumPy array without NaN/inf; the optimizer changes it in place, so it is kept
    as is (not copied). Raises CourseTypeError/CourseValueError for anything else.
    """

    def __init__(self, param):
        self.param = _check_param(self, param)

    def backward(self, output_grad):
        """As Operation.backward (the same errors); also stores ∂L/∂param (param's shape) in param_grad."""
        input_grad = super().backward(output_grad)
        self.param_grad = self._param_grad(output_grad)
        return input_grad

    @property
    def params(self):
        """[param]: the one parameter array, updated in place by the optimizer."""
        return [self.param]

    @property
    def param_grads(self):
        """[param_grad]: ∂L/∂param from the last backward(), the param's shape."""
        return [self.param_grad]

    def _param_grad(self, output_grad):
        raise NotImplementedError(f"{type(self).__name__}: определите в подклассе метод _param_grad()")


class WeightMultiply(ParamOperation):
    """X · W: inputs (batch, n_in) times weights (n_in, n_out). Introduced in 02_numpy_from_scratch.

    `param` is the float weight matrix (n_in, n_out); an input with another number of
    features raises ShapeError.
    """

    def _output(self):
        return self.input_ @ self.param

    def _input_grad(self, output_grad):
        return output_grad @ self.param.T

    def _param_grad(self, output_grad):
        return self.input_.T @ output_grad


class BiasAdd(ParamOperation):
    """X + B: adds the bias row (1, n) to every example. Introduced in 02_numpy_from_scratch.

    `param` is the float bias row of shape (1, n); inputs are (batch, n), else ShapeError.
    """

    def _output(self):
        return self.input_ + self.param

    def _input_grad(self, output_grad):
        return output_grad

    def _param_grad(self, output_grad):
        return output_grad.sum(axis=0, keepdims=True)


class Sigmoid(Operation):
    """σ(x) = 1 / (1 + e^(−x)), derivative σ(x)·(1 − σ(x)). Introduced in 02_numpy_from_scratch.

    Element-wise on a float array of any shape; errors as in Operation.
    """

    def _output(self):
        return 1.0 / (1.0 + np.exp(-self.input_))

    def _input_grad(self, output_grad):
        return output_grad * self.output * (1.0 - self.output)


class Tanh(Operation):
    """tanh(x), derivative 1 − tanh²(x). Introduced in 02_numpy_from_scratch.

    Element-wise on a float array of any shape; errors as in Operation.
    """

    def _output(self):
        return np.tanh(self.input_)

    def _input_grad(self, output_grad):
        return output_grad * (1.0 - self.output**2)


class ReLU(Operation):
    """max(0, x), derivative 1 where x > 0 and 0 elsewhere. Introduced in 02_numpy_from_scratch.

    Element-wise on a float array of any shape; errors as in Operation.
    """

    def _output(self):
        return np.maximum(self.input_, 0)

    def _input_grad(self, output_grad):
        return output_grad * (self.input_ > 0)


class Linear(Operation):
    """The identity activation f(x) = x, for regression outputs. Introduced in 02_numpy_from_scratch.

    Element-wise on a float array of any shape; errors as in Operation.
    """

    def _output(self):
        return self.input_

    def _input_grad(self, output_grad):
        return output_grad


# -------------------------------------------------------------------- layers


class Layer(Operation):
    """A chain of operations; creates its parameters when it sees the first input.

    Introduced in 02_numpy_from_scratch. Subclasses fill self.operations in _setup_layer().
    `neurons` (int ≥ 1) is the number of outputs per example. forward() takes a float
    matrix (examples, features) with the same number of features every call; ShapeError
    otherwise, CourseTypeError for a non-float input (e.g. raw uint8 pixels).
    """

    def __init__(self, neurons):
        self.neurons = _check_count(type(self).__name__, "neurons", neurons,
                                    "укажите число нейронов слоя, хотя бы 1, например Dense(16).")
        self.operations = []
        self.rng = np.random.default_rng(0)  # NeuralNetwork replaces it with its own seeded one

    def forward(self, input_):
        """Pass a float matrix (examples, features) through the operations; returns (examples, neurons).

        Raises ShapeError for another number of axes or features, course errors for non-float input.
        """
        _check_layer_input(self, input_)
        if not self.operations:
            self.input_dim = input_.shape[1]
            self._setup_layer(input_)
        check_shape(f"Вход слоя {self}", (len(input_), self.input_dim), input_.shape,
                    f"Число признаков слой запомнил при первом вызове: {self.input_dim}; "
                    "подавайте столько же (или создайте новый слой).")
        return super().forward(input_)

    def _output(self):
        x = self.input_
        for operation in self.operations:
            x = operation.forward(x)
        return x

    def _input_grad(self, output_grad):
        for operation in reversed(self.operations):
            output_grad = operation.backward(output_grad)
        return output_grad

    @property
    def params(self):
        """The parameter arrays of all operations of the layer (empty before the first forward)."""
        return [p for op in self.operations for p in op.params]

    @property
    def param_grads(self):
        """Their gradients from the last backward(), in the same order."""
        return [g for op in self.operations for g in op.param_grads]

    def _setup_layer(self, input_):
        raise NotImplementedError(f"{type(self).__name__}: определите в подклассе метод _setup_layer()")


class Dense(Layer):
    """A fully connected layer: WeightMultiply → BiasAdd → activation.

    Introduced in 02_numpy_from_scratch. neurons: int ≥ 1. activation: an activation
    object (Sigmoid(), Tanh(), ReLU(), Linear(); default Sigmoid()) or, as in Keras, its
    name "sigmoid", "tanh", "relu", "linear". weight_init: "glorot" (std √(2/(n_in+n_out)),
    for sigmoid/tanh) or "he" (std √(2/n_in), for ReLU). Weights take the first input's dtype.
    Raises CourseTypeError/CourseValueError for anything else (an activation class instead
    of an object, an unknown name).
    """

    def __init__(self, neurons, activation=None, weight_init="glorot"):
        super().__init__(neurons)
        self.activation = _check_activation(self, activation)
        self.weight_init = _check_weight_init(self, weight_init)

    def __repr__(self):
        return f"Dense({self.neurons}, {type(self.activation).__name__})"

    def _setup_layer(self, input_):
        fan = {"glorot": self.input_dim + self.neurons, "he": self.input_dim}[self.weight_init]
        weights = self.rng.normal(0.0, np.sqrt(2.0 / fan), (self.input_dim, self.neurons))
        self.operations = [
            WeightMultiply(weights.astype(input_.dtype)),
            BiasAdd(np.zeros((1, self.neurons), dtype=input_.dtype)),
            self.activation,
        ]


# -------------------------------------------------------------------- losses


class Loss:
    """Compares predictions with targets: forward() gives a number, backward() its gradient.

    Introduced in 02_numpy_from_scratch. Subclasses define _output() and _input_grad().
    forward(prediction, target): a float prediction and a numeric target of the same
    shape (ShapeError names both shapes). backward() after forward(): ∂L/∂prediction.
    """

    hint = ""

    def forward(self, prediction, target):
        """Return the loss (a Python float) of `prediction` against `target` (ShapeError if shapes differ)."""
        _check_loss_input(self, prediction, target)
        where = f"Функция потерь {type(self).__name__}, цель (target)"
        check_shape(where, prediction.shape, target.shape, self.hint)
        self.prediction, self.target = prediction, target
        return float(self._output())

    def backward(self):
        """Return ∂L/∂prediction (the prediction's shape); call forward() first."""
        _check_forward_done(self, "prediction", "forward(prediction, target)")
        self.input_grad = self._input_grad()
        return self.input_grad

    def _output(self):
        raise NotImplementedError(f"{type(self).__name__}: определите в подклассе метод _output()")

    def _input_grad(self):
        raise NotImplementedError(f"{type(self).__name__}: определите в подклассе метод _input_grad()")


class MeanSquaredError(Loss):
    """mean((prediction − target)²) over all elements. Introduced in 02_numpy_from_scratch.

    Shapes must match exactly: a target (n,) for a prediction (n, 1) raises ShapeError.
    """

    hint = "Цель должна иметь ту же форму, что и прогноз; вектор в столбец: y.reshape(-1, 1)."

    def _output(self):
        return np.mean((self.prediction - self.target) ** 2)

    def _input_grad(self):
        return 2.0 * (self.prediction - self.target) / self.prediction.size


class SoftmaxCrossEntropy(Loss):
    """Softmax of the logits, then cross-entropy with one-hot targets, averaged over the batch.

    Introduced in 02_numpy_from_scratch. Numerically stable: subtracts each row's maximum
    before exp(); the gradient with respect to the logits is (softmax − target) / batch.
    prediction: logits (examples, classes), classes ≥ 2; target: one-hot rows of the same shape.
    Raises ShapeError/course errors for other shapes, non-float or non-one-hot targets.
    """

    hint = "Цель — one-hot матрица (примеры, классы); из меток её делает np.eye(10)[y]."

    def _output(self):
        shifted = self.prediction - self.prediction.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        self.probs = np.exp(log_probs)
        return -np.sum(self.target * log_probs) / len(self.prediction)

    def _input_grad(self):
        return (self.probs - self.target) / len(self.prediction)


def softmax(logits):
    """Row-wise softmax, stable for large logits. Introduced in 02_numpy_from_scratch.

    logits: a finite numeric matrix (examples, classes) (lists are converted); returns
    probabilities of the same shape, each row summing to 1. Raises CourseTypeError for
    non-numbers, CourseValueError for another number of axes or NaN/inf.
    """
    logits = _check_logits(logits)
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


# ------------------------------------------------------------------- network


class NeuralNetwork:
    """Layers and a loss: forward pass, loss, backward pass for one batch.

    Introduced in 02_numpy_from_scratch. layers: a non-empty list of layer objects
    (each one once); loss: a Loss object; `seed` (int ≥ 0 or None) fixes the initial
    weights of all layers. forward(x) takes a float matrix (examples, features);
    train_batch(x, y) also a target y for the loss. Raises CourseTypeError/CourseValueError
    (ShapeError for shapes) with the fix.
    """

    def __init__(self, layers, loss, seed=1):
        _check_network(layers, loss, seed)
        self.layers, self.loss = layers, loss
        rng = np.random.default_rng(seed)
        for layer in layers:
            layer.rng = rng

    def forward(self, x):
        """Return the network's output for a float matrix `x` (examples, features).

        Raises ShapeError for a wrong shape, course errors for a non-float array or a list.
        """
        _check_batch(self, "forward", "x", x)
        for layer in self.layers:
            x = layer.forward(x)
        return x

    def backward(self, loss_grad):
        """Pass ∂L/∂output (float, the output's shape) back through the layers; call after forward().

        Raises course errors before forward() or for a gradient of another shape or dtype.
        """
        _check_network_grad(self, loss_grad)
        for layer in reversed(self.layers):
            loss_grad = layer.backward(loss_grad)
        return loss_grad

    def train_batch(self, x, y):
        """Forward, loss and backward for one batch: float x (examples, features), target y; returns the loss.

        Raises ShapeError/course errors as forward() and the loss do.
        """
        _check_batch(self, "train_batch", "x", x, y)
        loss = self.loss.forward(self.forward(x), y)
        self.backward(self.loss.backward())
        return loss

    @property
    def params(self):
        """The parameter arrays of all layers, first layer first."""
        return [p for layer in self.layers for p in layer.params]

    @property
    def param_grads(self):
        """Their gradients from the last backward(), in the same order."""
        return [g for layer in self.layers for g in layer.param_grads]


# ---------------------------------------------------------------- optimizers


class Optimizer:
    """Updates the network's parameters from their gradients; can decay the learning rate.

    Introduced in 02_numpy_from_scratch. With final_lr the rate falls exponentially from lr
    to final_lr over the epochs of Trainer.fit (one step per epoch). lr and final_lr are
    finite numbers > 0 (final_lr may be None); start(epochs) takes an int ≥ 1. Anything
    else raises CourseTypeError/CourseValueError.
    """

    def __init__(self, lr=0.01, final_lr=None):
        _check_rates(self, lr, final_lr)
        self.first_lr, self.final_lr = lr, final_lr
        self.lr = lr
        self.net = None  # set by Trainer

    def start(self, epochs):
        """Reset the rate to lr and compute the decay per epoch for `epochs` (int ≥ 1, course error else)."""
        _check_count(f"{type(self).__name__}.start", "epochs", epochs,
                     "укажите число эпох, например start(10).")
        self.lr = self.first_lr
        self.decay = 1.0
        if self.final_lr is not None and epochs > 1:
            self.decay = (self.final_lr / self.first_lr) ** (1.0 / (epochs - 1))

    def end_epoch(self):
        """Multiply the rate by the decay; Trainer.fit calls it after every epoch."""
        self.lr *= self.decay

    def step(self):
        """Update every parameter of the network from its gradient (after Trainer connected them)."""
        _check_attached(self)
        for i, (param, grad) in enumerate(zip(self.net.params, self.net.param_grads, strict=True)):
            self._update(i, param, grad)

    def _update(self, i, param, grad):
        raise NotImplementedError(f"{type(self).__name__}: определите в подклассе метод _update()")


class SGD(Optimizer):
    """Stochastic gradient descent, optionally with momentum (as keras.optimizers.SGD).

    Introduced in 02_numpy_from_scratch. v ← momentum·v − lr·grad; param ← param + v.
    Parameters change in place: the operations hold the very same arrays.
    lr > 0, 0 ≤ momentum < 1, final_lr > 0 or None; CourseTypeError/CourseValueError otherwise.
    """

    def __init__(self, lr=0.01, momentum=0.0, final_lr=None):
        super().__init__(lr, final_lr)
        self.momentum = _check_momentum(momentum)
        self.velocities = {}

    def _update(self, i, param, grad):
        if not self.momentum:
            param -= self.lr * grad
            return
        v = self.velocities.setdefault(i, np.zeros_like(param))
        v *= self.momentum
        v -= self.lr * grad
        param += v


# ------------------------------------------------------------------- trainer


def accuracy(net, x, y_onehot):
    """Share of examples whose largest output is the true class. Introduced in 02_numpy_from_scratch.

    net: a NeuralNetwork; x: a finite float matrix (examples, features); y_onehot: one-hot
    rows (examples, classes) as many as x has and as wide as the network's output.
    Returns a float in [0, 1]. Raises CourseTypeError/CourseValueError (ShapeError for shapes).
    """
    x, y_onehot = _check_accuracy(net, x, y_onehot)
    return _accuracy(net, x, y_onehot)


def _accuracy(net, x, y_onehot):
    return float(np.mean(net.forward(x).argmax(axis=1) == y_onehot.argmax(axis=1)))


# A loss this many times the first batch's (and above it) means the run has diverged.
DIVERGENCE_FACTOR = 1000.0


def diverged(loss, first_loss):
    """True when training has diverged: the loss is nan or ±inf, or exceeds 1000 × max(first_loss, 1).

    Introduced in 02_numpy_from_scratch (Trainer.fit stops then). Both are Python floats:
    the loss of the current batch and of the first batch of the run.
    Raises CourseTypeError for anything but two numbers.
    """
    _check_real("diverged", "loss", loss, "число — ошибка на батче")
    _check_real("diverged", "first_loss", first_loss, "число — ошибка на первом батче")
    return not math.isfinite(loss) or loss > DIVERGENCE_FACTOR * max(first_loss, 1.0)


class Trainer:
    """Trains a NeuralNetwork: shuffles every epoch, goes through batches, evaluates, logs.

    Introduced in 02_numpy_from_scratch. net: a NeuralNetwork; optimizer: an Optimizer
    object such as SGD(lr=0.01). fit() returns a Keras-like history dict (loss, val_loss,
    val_accuracy for SoftmaxCrossEntropy, seconds per epoch) and stops a diverging run.
    Raises CourseTypeError for a net or optimizer of another kind (or swapped).
    """

    def __init__(self, net, optimizer):
        _check_trainer(net, optimizer)
        self.net, self.optimizer = net, optimizer
        optimizer.net = net

    def fit(self, x_train, y_train, x_val, y_val, epochs=10, eval_every=1, batch_size=32,
            seed=1, early_stopping=False, progress=True):
        """Train for `epochs` epochs of shuffled batches; evaluate every `eval_every` epochs.

        x_*: finite float NumPy matrices (examples, features); y_*: NumPy targets
        with one row per example, shaped like the network's output (one-hot rows for
        SoftmaxCrossEntropy). epochs, eval_every, batch_size: ints ≥ 1; seed: int ≥ 0 or None.
        early_stopping=True: stop when the validation loss grows, restoring the best weights.
        When a loss becomes nan or inf (the run diverged) it prints one "⚠️" line and stops,
        as keras.callbacks.TerminateOnNaN; the returned history holds the evaluated epochs
        before that (with early_stopping=True the best weights are restored, if any).
        Bad arguments raise CourseTypeError/CourseValueError (ShapeError for shapes) at once.
        """
        x_train, y_train, x_val, y_val = self._check_fit(x_train, y_train, x_val, y_val, epochs, eval_every,
                                                         batch_size, seed, early_stopping, progress)
        rng = np.random.default_rng(seed)
        self.optimizer.start(epochs)
        history = {"epoch": [], "loss": [], "val_loss": [], "seconds": []}
        best, first_loss = (np.inf, None), None
        steps = -(-len(x_train) // batch_size)  # ceil(N / batch_size)
        bar = tqdm(total=epochs * steps, desc="Обучение", unit="батч", disable=not progress)
        for epoch in range(1, epochs + 1):
            start, order, losses = time.perf_counter(), rng.permutation(len(x_train)), []
            for first in range(0, len(x_train), batch_size):
                batch = order[first : first + batch_size]
                with np.errstate(over="ignore", invalid="ignore"):  # divergence is caught two lines below
                    losses.append(self.net.train_batch(x_train[batch], y_train[batch]))
                first_loss = losses[0] if first_loss is None else first_loss
                if diverged(losses[-1], first_loss):  # stop, as keras.callbacks.TerminateOnNaN
                    break
                self.optimizer.step()
                bar.update()
            if diverged(losses[-1], first_loss):
                self._diverged(f"Эпоха {epoch}, батч {len(losses)}: потери на обучении", losses[-1],
                               best, early_stopping, first_loss)
                break
            self.optimizer.end_epoch()
            history["seconds"].append(time.perf_counter() - start)
            bar.set_postfix_str(f"эпоха {epoch}, потери {np.mean(losses):.4f}")
            if epoch % eval_every and epoch != epochs:
                continue
            with np.errstate(over="ignore", invalid="ignore"):
                val_loss = self._evaluate(x_val, y_val, history, epoch, np.mean(losses))
            if not math.isfinite(val_loss):
                self._diverged(f"Эпоха {epoch}: потери на проверке", val_loss, best, early_stopping)
                break
            if val_loss < best[0]:
                best = (val_loss, [p.copy() for p in self.net.params])
            elif early_stopping:
                for param, saved in zip(self.net.params, best[1], strict=True):
                    param[...] = saved
                print(f"Потери на проверке выросли: останавливаемся и возвращаем веса "
                      f"с лучшей проверки (потери {best[0]:.4f}).")
                break
        bar.close()
        return history

    def evaluate(self, x_val, y_val, history=None, epoch=None, train_loss=None):
        """Compute, print and return the validation loss (and accuracy for classification).

        x_val, y_val as in fit(). fit() also passes `history` (its dict, appended to),
        `epoch` (int ≥ 1) and `train_loss` (a number) for its log line: all three or none.
        Raises CourseTypeError/CourseValueError (ShapeError for shapes).
        """
        x_val, y_val = self._check_evaluate(x_val, y_val, history, epoch, train_loss)
        return self._evaluate(x_val, y_val, history, epoch, train_loss)

    def _evaluate(self, x_val, y_val, history=None, epoch=None, train_loss=None):
        val_loss = self.net.loss.forward(self.net.forward(x_val), y_val)
        line = f"Потери на проверке {val_loss:.4f}"
        if history is not None:
            history.setdefault("epoch", []).append(epoch)
            history.setdefault("loss", []).append(float(train_loss))
            history.setdefault("val_loss", []).append(val_loss)
            line = f"Эпоха {epoch}: потери на обучении {train_loss:.4f}, на проверке {val_loss:.4f}"
        if isinstance(self.net.loss, SoftmaxCrossEntropy):
            acc = _accuracy(self.net, x_val, y_val)
            if history is not None:
                history.setdefault("val_accuracy", []).append(acc)
            line += f", точность на проверке {acc:.2%}"
        print(line)
        return val_loss

    def _diverged(self, what, value, best, early_stopping, first_loss=None):
        """Print the one "⚠️" line of a diverged run; restore the best weights for early stopping."""
        became = f"стали {value}" if not math.isfinite(value) else (
            f"выросли до {value:.3g} (на первом батче были {first_loss:.3g})")
        line = (f"⚠️ {what} {became} — обучение разошлось, останавливаемся. "
                f"Уменьшите скорость обучения (сейчас lr = {self.optimizer.first_lr:g}) "
                "или нормализуйте входы (например, пиксели: x / 255).")
        if early_stopping and best[1] is not None:
            for param, saved in zip(self.net.params, best[1], strict=True):
                param[...] = saved
            line += f" Вернули веса с лучшей проверки (потери {best[0]:.4f})."
        elif not all(np.isfinite(p).all() for p in self.net.params):
            line += " Веса сети испорчены (в них nan или inf): создайте сеть заново."
        print(line)

    def _check_fit(self, x_train, y_train, x_val, y_val, epochs, eval_every, batch_size, seed,
                   early_stopping, progress):
        where = "Trainer.fit"
        x_train = _check_features(where, "x_train", x_train)
        y_train = _check_targets(where, "y_train", y_train, x_train, "x_train", self.net)
        x_val = _check_features(where, "x_val", x_val, like=x_train)
        y_val = _check_targets(where, "y_val", y_val, x_val, "x_val", self.net)
        for name, value, fix in (
            ("epochs", epochs, "укажите, сколько раз пройти по всем данным, например epochs=10."),
            ("eval_every", eval_every, "укажите, через сколько эпох проверять: eval_every=1 — после каждой."),
            ("batch_size", batch_size, "укажите размер батча (обычно 32–128): batch_size=32."),
        ):
            _check_count(where, name, value, fix)
        _check_seed(where, "seed", seed)
        for name, value in (("early_stopping", early_stopping), ("progress", progress)):
            if not isinstance(value, bool | np.bool_):
                raise course_error(where, name, value, "True или False", f"напишите {name}=True или "
                                   f"{name}=False (без кавычек).", CourseTypeError)
        return x_train, y_train, x_val, y_val

    def _check_evaluate(self, x_val, y_val, history, epoch, train_loss):
        where = "Trainer.evaluate"
        x_val = _check_features(where, "x_val", x_val)
        y_val = _check_targets(where, "y_val", y_val, x_val, "x_val", self.net)
        given = [history is not None, epoch is not None, train_loss is not None]
        if any(given) and not all(given):
            missing = [n for n, g in zip(("history", "epoch", "train_loss"), given, strict=True) if not g]
            raise course_error(where, missing[0], None, "history, epoch и train_loss — все три или ни одного",
                               "для проверки хватит trainer.evaluate(x_val, y_val); эти три аргумента "
                               "передаёт fit для своего журнала.", CourseValueError)
        if history is not None:
            if not isinstance(history, dict):
                raise course_error(where, "history", history, "словарь истории, как его ведёт fit",
                                   "передайте словарь, например history = {} (или не передавайте).",
                                   CourseTypeError)
            check_int(where, "epoch", epoch, low=1)
            _check_real(where, "train_loss", train_loss, "число — потери на обучении за эпоху")
        return x_val, y_val


# ---------------------------------------------------------------- grad check


def numerical_gradient(f, x, eps=1e-6):
    """Central differences (f(x+ε) − f(x−ε)) / 2ε of the scalar f() for every element of x.

    Introduced in 02_numpy_from_scratch. x is changed in place and restored.
    f: a function without arguments returning one number; x: a writable float64 array
    (the very array f reads); eps: a number > 0. Returns a float64 array of x's shape.
    Raises CourseTypeError/CourseValueError otherwise (float32 is too coarse for ε = 1e-6).
    """
    f = _check_numerical_gradient(f, x, eps)  # the same f, checking that it returns one number
    grad = np.zeros(x.shape)
    for idx in np.ndindex(x.shape):
        saved = x[idx]
        x[idx] = saved + eps
        plus = f()
        x[idx] = saved - eps
        minus = f()
        x[idx] = saved
        grad[idx] = (plus - minus) / (2 * eps)
    return grad


def relative_error(a, b):
    """‖a − b‖ / (‖a‖ + ‖b‖), 0 when both are zero. Introduced in 02_numpy_from_scratch.

    a, b: numeric arrays (or lists) of the same shape; returns a float (nan if they hold nan).
    Raises CourseTypeError for non-numbers, ShapeError for different shapes.
    """
    a, b = _check_pair(a, b)
    denominator = np.linalg.norm(a) + np.linalg.norm(b)
    return float(np.linalg.norm(a - b) / denominator) if denominator else 0.0


def gradient_check(block, x, target=None, seed=0):
    """Largest relative error between backward() and numerical_gradient, per array.

    Introduced in 02_numpy_from_scratch. `block` is an Operation (scalar: sum(output · G)
    for a fixed random G) or a Loss (then pass `target`). Use float64 arrays.
    x: finite numbers (converted to float64); target: for a Loss only, its shape;
    seed: int ≥ 0 or None. Returns {"input": error, "param 1": error, ...}.
    Raises CourseTypeError/CourseValueError (ShapeError for shapes), e.g. for float32 parameters.
    """
    target = _check_gradient_check(block, x, target, seed)
    x = np.array(x, dtype=np.float64)
    if isinstance(block, Loss):
        block.forward(x, target)
        analytic = [block.backward().copy()]
        arrays = [x]

        def scalar():
            return block.forward(x, target)

    else:
        g = np.random.default_rng(seed).normal(size=block.forward(x).shape)
        _check_float64_params(block)
        analytic = [block.backward(g).copy()] + [p.copy() for p in block.param_grads]
        arrays = [x, *block.params]

        def scalar():
            return float(np.sum(block.forward(x) * g))

    names = ["input"] + [f"param {i}" for i in range(1, len(arrays))]
    return {
        name: relative_error(a, numerical_gradient(scalar, array))
        for name, a, array in zip(names, analytic, arrays, strict=True)
    }


# ------------------------------------------- argument checks (not shown in the lesson)

_ACTIVATIONS = {"sigmoid": Sigmoid, "tanh": Tanh, "relu": ReLU, "linear": Linear}


def _name(obj):
    """How a message names an object: Dense(256, ReLU) for layers, the class name otherwise."""
    return repr(obj) if isinstance(obj, Dense) else type(obj).__name__


def _check_shape_arguments(where, expected, received, hint):
    for argument, value in (("where", where), ("hint", hint)):
        if not isinstance(value, str):
            raise course_error("check_shape", argument, value, "строка текста для сообщения",
                               "передайте текст в кавычках, например 'Вход слоя'.", CourseTypeError)
    return _as_shape("expected", expected), _as_shape("received", received)


def _as_shape(argument, value):
    if type(value) is tuple and all(type(d) is int and d >= 0 for d in value):  # an array's .shape
        return value
    expected = "форма — кортеж целых чисел ≥ 0, например (32, 10)"
    if isinstance(value, np.ndarray):
        raise course_error("check_shape", argument, value, expected,
                           "передайте форму массива, а не сам массив: x.shape.", CourseTypeError)
    if isinstance(value, tuple | list) and all(
        isinstance(d, numbers.Integral) and not isinstance(d, bool | np.bool_) and d >= 0 for d in value
    ):
        return tuple(int(d) for d in value)
    kind = CourseValueError if isinstance(value, tuple | list) else CourseTypeError
    raise course_error("check_shape", argument, value, expected,
                       "передайте x.shape или кортеж вроде (32, 10); одно число пишите как (5,).", kind)


def _not_an_array(where, argument, value, expected):
    """The error for a value that is not a NumPy array (lists, None, strings, classes …)."""
    fix = f"соберите массив NumPy: np.array({'x' if argument == 'input_' else argument}, dtype='float32')."
    if value is None:
        fix = "передайте массив; None часто значит, что функция выше ничего не вернула (нет return)."
    elif hasattr(value, "numpy"):
        fix = "переведите тензор в массив NumPy: np.asarray(x)."
    return course_error(where, argument, value, expected, fix, CourseTypeError)


def _float_fix(array):
    if array.dtype == np.uint8:
        return "сырые пиксели (0…255) переведите в дробные числа и нормализуйте: x.astype('float32') / 255."
    if array.dtype.kind in "biu":
        return "приведите к дробным числам: x.astype('float32')."
    return "нужны числа: np.array(x, dtype='float32') (проверьте, что в данных нет строк и None)."


def _check_float_array(where, argument, value, expected):
    """O(1): an ndarray of floats, or a course error naming `argument`."""
    if not isinstance(value, np.ndarray):
        raise _not_an_array(where, argument, value, expected)
    if value.dtype.kind != "f":
        raise course_error(where, argument, value, f"{expected} из дробных чисел (float32 или float64)",
                           _float_fix(value), CourseTypeError)
    return value


def _is_float_array(value):
    return isinstance(value, np.ndarray) and value.dtype.kind == "f"


def _all_finite(array):
    """True when a float array holds no NaN/inf; min and max (NaN propagates) need no temporary array."""
    return array.size == 0 or bool(np.isfinite(array.min()) and np.isfinite(array.max()))


def _check_operation_input(op, input_):
    if _is_float_array(input_) and input_.ndim:  # the fast path, once per operation and batch
        if not isinstance(op, WeightMultiply | BiasAdd):
            return
        features = op.param.shape[0] if isinstance(op, WeightMultiply) else op.param.shape[1]
        if input_.ndim == 2 and input_.shape[1] == features:
            return
    where = f"{_name(op)}.forward"
    _check_float_array(where, "input_", input_, "массив NumPy")
    if input_.ndim == 0:
        raise course_error(where, "input_", input_, "массив с осями (примеры, признаки)",
                           "одно число оберните в матрицу: np.array([[x]]).", ShapeError)
    if isinstance(op, WeightMultiply | BiasAdd):
        features = op.param.shape[0] if isinstance(op, WeightMultiply) else op.param.shape[1]
        if input_.ndim != 2 or input_.shape[1] != features:
            raise course_error(where, "input_", input_, f"матрица (примеры, {features})",
                               f"у параметра форма {op.param.shape}, поэтому признаков на входе должно "
                               f"быть {features}.", ShapeError)


def _check_output_grad(op, output_grad):
    if _is_float_array(output_grad) and hasattr(op, "output"):
        return
    where = f"{_name(op)}.backward"
    if not hasattr(op, "output"):
        raise CourseValueError(f"{where}: сначала нужен прямой проход forward(x) — backward берёт из него "
                               "сохранённые вход и выход. Как исправить: вызовите forward, потом backward.")
    _check_float_array(where, "output_grad", output_grad, f"градиент формы {op.output.shape}")


def _check_layer_input(layer, input_):
    if _is_float_array(input_) and input_.ndim == 2:
        return
    where, expected = f"{_name(layer)}.forward", "матрица (примеры, признаки)"
    if not isinstance(input_, np.ndarray):
        raise _not_an_array(where, "input_", input_, expected)
    if input_.ndim != 2:
        raise ShapeError(
            f"{layer}: ждём матрицу (примеры, признаки), а получен массив формы {input_.shape}. "
            "Разверните каждый пример в вектор: x.reshape(len(x), -1)."
        )
    _check_float_array(where, "input_", input_, expected)


def _check_param(op, param):
    where = type(op).__name__
    shapes = {WeightMultiply: "матрица весов (входы, нейроны)", BiasAdd: "строка смещений формы (1, нейроны)"}
    expected = next((text for cls, text in shapes.items() if isinstance(op, cls)), "массив параметров")
    if not isinstance(param, np.ndarray):
        raise _not_an_array(where, "param", param, f"{expected}: массив NumPy дробных чисел — оптимизатор "
                            "меняет его на месте")
    if param.dtype.kind != "f":
        raise course_error(where, "param", param, f"{expected} из дробных чисел",
                           "приведите к дробным числам: param.astype('float64') — шаг оптимизатора "
                           "в целых числах невозможен.", CourseTypeError)
    if isinstance(op, WeightMultiply) and param.ndim != 2:
        raise course_error(where, "param", param, expected,
                           "веса — матрица: для одного нейрона w.reshape(-1, 1).", ShapeError)
    if isinstance(op, BiasAdd) and (param.ndim != 2 or param.shape[0] != 1):
        raise course_error(where, "param", param, expected, "смещения — одна строка: b.reshape(1, -1).",
                           ShapeError)
    if not np.isfinite(param).all():
        raise course_error(where, "param", param, f"{expected} без NaN и бесконечностей",
                           "начните с конечных чисел, например rng.normal(size=...) или np.zeros(...).")
    return param


def _check_activation(layer, activation):
    where = f"Dense({layer.neurons})"
    names = ", ".join(f"'{n}'" for n in _ACTIVATIONS)
    expected = f"объект активации: Sigmoid(), Tanh(), ReLU(), Linear() — или имя {names}"
    if activation is None:
        return Sigmoid()
    if isinstance(activation, str):
        key = activation.strip().lower()
        if key == "softmax":
            raise course_error(where, "activation", activation, expected,
                               "softmax здесь встроен в функцию потерь SoftmaxCrossEntropy: у последнего "
                               "слоя возьмите activation=scratch.Linear().")
        if key not in _ACTIVATIONS:
            raise course_error(where, "activation", activation, expected,
                               f"выберите одно из: {names} — или передайте объект, например "
                               "activation=scratch.ReLU().")
        return _ACTIVATIONS[key]()
    if isinstance(activation, type):
        if not issubclass(activation, Layer):
            _not_a_class(where, "activation", activation, Operation, expected,
                         f"activation=scratch.{activation.__name__}()")
        raise course_error(where, "activation", activation, expected,
                           "передайте активацию этого фреймворка, например activation=scratch.ReLU().",
                           CourseTypeError)
    if isinstance(activation, Layer):
        raise course_error(where, "activation", activation, expected,
                           "слои перечисляют в списке NeuralNetwork([...]), а activation — функция "
                           "активации, например scratch.ReLU().", CourseTypeError)
    if not isinstance(activation, Operation):
        raise course_error(where, "activation", activation, expected,
                           "обычная функция не годится: нужна операция с forward и backward, например "
                           "activation=scratch.Tanh() вместо np.tanh.", CourseTypeError)
    return activation


def _check_weight_init(layer, weight_init):
    where = f"Dense({layer.neurons})"
    if isinstance(weight_init, str) and weight_init.strip().lower() in ("xavier", "glorot_normal",
                                                                        "glorot_uniform", "he_normal",
                                                                        "he_uniform"):
        right = "he" if weight_init.strip().lower().startswith("he") else "glorot"
        raise course_error(where, "weight_init", weight_init, "'glorot' или 'he'",
                           f"здесь это называется weight_init='{right}'"
                           + (" (Xavier Glorot — одно лицо)." if right == "glorot" else "."))
    if not isinstance(weight_init, str):
        raise course_error(where, "weight_init", weight_init, "'glorot' или 'he'",
                           "передайте имя в кавычках: weight_init='he' (для ReLU) или 'glorot'.",
                           CourseTypeError)
    return check_choice(where, "weight_init", weight_init, ["glorot", "he"])


def _check_loss_input(loss, prediction, target):
    if (_is_float_array(prediction) and isinstance(target, np.ndarray) and target.dtype.kind in "biuf"
            and prediction.size and not isinstance(loss, SoftmaxCrossEntropy)):
        return
    where = f"{type(loss).__name__}.forward"
    _check_float_array(where, "prediction", prediction, "прогноз сети — массив NumPy")
    if not isinstance(target, np.ndarray):
        raise _not_an_array(where, "target", target, "цель — массив NumPy той же формы, что и прогноз")
    if target.dtype.kind not in "biuf":
        raise course_error(where, "target", target, "цель из чисел", _float_fix(target), CourseTypeError)
    if prediction.size == 0:
        raise course_error(where, "prediction", prediction, "непустой прогноз (хотя бы один пример)",
                           "проверьте срез данных: в батче нет ни одного примера.")
    if isinstance(loss, SoftmaxCrossEntropy) and (prediction.ndim != 2 or prediction.shape[1] < 2):
        raise course_error(where, "prediction", prediction, "логиты (примеры, классы), классов не меньше 2",
                           "у последнего слоя должно быть по нейрону на класс: Dense(n_classes, Linear()).",
                           ShapeError)


def _check_forward_done(obj, attribute, call):
    if not hasattr(obj, attribute):
        raise CourseValueError(f"{type(obj).__name__}.backward: сначала нужен прямой проход {call} — "
                               f"backward берёт из него сохранённые значения. Как исправить: вызовите "
                               f"{call}, потом backward().")


def _check_logits(logits):
    where = "softmax"
    expected = "матрица логитов (примеры, классы)"
    array = check_array(where, "logits", logits, dtype_kinds="iuf", shape_text=expected)
    if array.ndim != 2:
        fix = "один пример сделайте строкой матрицы: logits.reshape(1, -1)." if array.ndim == 1 else \
            "разверните в матрицу: logits.reshape(len(logits), -1)."
        raise course_error(where, "logits", array, expected, fix, ShapeError)
    return check_array(where, "logits", array, dtype_kinds="iuf", finite=True, shape_text=expected)


def _check_network(layers, loss, seed):
    where = "NeuralNetwork"
    expected = "непустой список слоёв, например [Dense(16, ReLU()), Dense(1, Linear())]"
    if isinstance(layers, Operation):
        raise course_error(where, "layers", layers, expected,
                           f"даже один слой оберните в список: NeuralNetwork([{_name(layers)}], loss).",
                           CourseTypeError)
    if not isinstance(layers, list | tuple):
        raise course_error(where, "layers", layers, expected, "перечислите слои в квадратных скобках.",
                           CourseTypeError)
    if not layers:
        raise course_error(where, "layers", layers, expected,
                           "добавьте хотя бы один слой: [Dense(1, Linear())].")
    for i, layer in enumerate(layers):
        _not_a_class(where, f"layers[{i}]", layer, Operation, "объект слоя",
                     f"{getattr(layer, '__name__', '')}(16)")
        if not isinstance(layer, Operation):
            raise course_error(where, f"layers[{i}]", layer,
                               "объект слоя этого фреймворка, например Dense(16)",
                               "соберите слой из helpers.scratch: scratch.Dense(16, scratch.ReLU()).",
                               CourseTypeError)
    seen = {}
    for i, layer in enumerate(layers):
        for part in (layer, getattr(layer, "activation", None)):
            if part is None:
                continue
            if id(part) in seen:
                raise course_error(
                    where, f"layers[{i}]", part, "каждый слой и каждая активация — свой объект",
                    "один объект в двух местах сети хранит одни вход и выход, и обратный проход "
                    "даст неверные градиенты: создайте новый, например ReLU() для каждого слоя.")
            seen[id(part)] = i
    _not_a_class(where, "loss", loss, Loss, "объект функции потерь",
                 f"scratch.{getattr(loss, '__name__', '')}()")
    if not isinstance(loss, Loss):
        raise course_error(where, "loss", loss, "функция потерь этого фреймворка",
                           "передайте scratch.MeanSquaredError() (регрессия) или "
                           "scratch.SoftmaxCrossEntropy() (классификация).", CourseTypeError)
    last = layers[-1]
    if isinstance(loss, SoftmaxCrossEntropy) and isinstance(last, Layer) and last.neurons < 2:
        raise course_error(where, "layers", layers,
                           "для SoftmaxCrossEntropy — по нейрону последнего слоя на класс (классов ≥ 2)",
                           f"сейчас последний слой {_name(last)}: возьмите Dense(n_classes, Linear()), "
                           "а метки — one-hot np.eye(n_classes)[y].")
    _check_seed(where, "seed", seed)


def _check_seed(where, argument, seed):
    if seed is not None:
        check_int(where, argument, seed, low=0)


def _check_batch(net, method, argument, x, y=None):
    if _is_float_array(x) and (y is None or (isinstance(y, np.ndarray) and y.dtype.kind in "biuf"
                                             and len(x) and y.ndim and len(y) == len(x))):
        return
    where = f"NeuralNetwork.{method}"
    _check_float_array(where, argument, x, "матрица (примеры, признаки)")
    if y is None:
        return
    if not isinstance(y, np.ndarray):
        raise _not_an_array(where, "y", y, "цель — массив NumPy, строка на каждый пример")
    if y.dtype.kind not in "biuf":
        raise course_error(where, "y", y, "цель из чисел", _float_fix(y), CourseTypeError)
    if len(x) == 0:
        raise course_error(where, "x", x, "хотя бы один пример", "проверьте срез: батч пустой.")
    if y.ndim == 0 or len(y) != len(x):
        raise course_error(where, "y", y, f"по строке цели на каждый из {len(x)} примеров x",
                           "берите x и y одним и тем же срезом: x[batch], y[batch].", ShapeError)


def _check_network_grad(net, loss_grad):
    if _is_float_array(loss_grad) and hasattr(net.layers[-1], "output"):
        return
    where = "NeuralNetwork.backward"
    if not hasattr(net.layers[-1], "output"):
        raise CourseValueError(f"{where}: сначала нужен прямой проход — вызовите net.forward(x) "
                               "(или сразу net.train_batch(x, y)), потом backward.")
    _check_float_array(where, "loss_grad", loss_grad, f"градиент формы {net.layers[-1].output.shape}")


def _check_rates(optimizer, lr, final_lr):
    where = type(optimizer).__name__
    fix = "скорость обучения — положительное число, обычно от 0.001 до 0.1: {}=0.01."
    _check_positive(where, "lr", lr, fix.format("lr"))
    if final_lr is not None:
        _check_positive(where, "final_lr", final_lr,
                        fix.format("final_lr") + " Или final_lr=None — без затухания.")


def _check_momentum(momentum):
    if _is_real(momentum) and momentum < 0:
        raise course_error("SGD", "momentum", momentum, "число от 0 до 1, не включая 1 (обычно 0.9)",
                           "импульс не бывает отрицательным: momentum=0.9, или 0 — без импульса.")
    check_number("SGD", "momentum", momentum, low=0, high=1)
    if momentum == 1:
        raise course_error("SGD", "momentum", momentum, "число от 0 до 1, не включая 1 (обычно 0.9)",
                           "при momentum = 1 скорость никогда не затухает: возьмите 0.9.")
    return momentum


def _is_real(value):
    return isinstance(value, numbers.Real) and not isinstance(value, bool | np.bool_)


def _check_count(where, argument, value, fix):
    """An int ≥ 1; a number below 1 gets `fix` as the advice."""
    return check_int(where, argument, value, low=1, fix=fix)


def _check_positive(where, argument, value, fix):
    """A finite number > 0; a number ≤ 0 (or NaN, inf) gets `fix` as the advice."""
    return check_number(where, argument, value, low=0, low_open=True, fix=fix)


def _check_attached(optimizer):
    if optimizer.net is None:
        raise CourseValueError(f"{type(optimizer).__name__}.step: оптимизатор ещё не знает, "
                               "какую сеть менять. "
                               "Как исправить: подключите его через Trainer(net, optimizer) — "
                               "или задайте optimizer.net = net.")


def _check_real(where, argument, value, expected):
    if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Real):
        raise course_error(where, argument, value, expected, "передайте число, например 0.25.",
                           CourseTypeError)


def _check_features(where, argument, value, like=None):
    """A finite float matrix (examples, features) with at least one example."""
    expected = "матрица (примеры, признаки) из дробных чисел"
    if not isinstance(value, np.ndarray):
        raise _not_an_array(where, argument, value, expected)
    if value.dtype.kind != "f":
        raise course_error(where, argument, value, expected, _float_fix(value), CourseTypeError)
    if value.ndim != 2:
        fix = ("разверните каждый пример в вектор: x.reshape(len(x), -1)." if value.ndim > 2 else
               "если у примера один признак, сделайте столбец: x.reshape(-1, 1).")
        raise course_error(where, argument, value, expected, fix, ShapeError)
    if len(value) == 0:
        raise course_error(where, argument, value, f"{expected}, хотя бы один пример",
                           "выборка пустая: проверьте срезы и фильтры перед этим вызовом.")
    if like is not None and value.shape[1] != like.shape[1]:
        raise course_error(where, argument, value,
                           f"столько же признаков, сколько в x_train: {like.shape[1]}",
                           "готовьте проверочные данные так же, как обучающие (той же функцией).", ShapeError)
    if not _all_finite(value):
        bad = int(value.size - np.isfinite(value).sum())
        raise course_error(where, argument, value, f"{expected} без NaN и бесконечностей",
                           f"значений NaN/inf в данных: {bad}; найдите их (np.isnan(x).sum()) и уберите или "
                           "замените.")
    return value


def _check_targets(where, argument, value, x, x_name, net):
    """Targets with a row per example of x, shaped like the network's output (checked on one example)."""
    expected = "цель — по строке на каждый пример"
    if not isinstance(value, np.ndarray):
        raise _not_an_array(where, argument, value, expected)
    value = check_array(where, argument, value, dtype_kinds="biuf", finite=True, shape_text=expected)
    if value.ndim == 0 or len(value) != len(x):
        raise course_error(where, argument, value,
                           f"цель — по строке на каждый пример {x_name} (их {len(x)})",
                           f"берите {x_name} и {argument} одним срезом, например x[:800] и y[:800].",
                           ShapeError)
    output = net.forward(x[:1])  # builds the weights on the first call, exactly as the first batch would
    k = output.shape[1]
    softmax_loss = isinstance(net.loss, SoftmaxCrossEntropy)
    if value.shape[1:] != output.shape[1:]:
        if softmax_loss and value.ndim == 1:
            fix = f"номера классов переведите в one-hot: np.eye({k})[{argument}]."
        elif value.ndim == 1 and k == 1:
            fix = f"вектор в столбец: {argument}.reshape(-1, 1)."
        else:
            fix = (f"нейронов в последнем слое сети: {k}; сделайте его Dense({value.shape[-1]}, ...) "
                   "или проверьте цель.")
        raise course_error(where, argument, value,
                           f"форма {(len(value), *output.shape[1:])}, как у выхода сети", fix, ShapeError)
    if softmax_loss:
        _check_one_hot(where, argument, value)
    return value


def _check_one_hot(where, argument, value):
    if value.min() < 0 or value.max() > 1 or not np.allclose(value.sum(axis=1), 1.0, atol=1e-3):
        raise course_error(where, argument, value, "one-hot строки (одна единица, остальные нули) "
                           "или вероятности с суммой 1",
                           "из номеров классов one-hot делает np.eye(n_classes)[labels].")


def _check_accuracy(net, x, y_onehot):
    where = "accuracy"
    if not isinstance(net, NeuralNetwork):
        raise course_error(where, "net", net, "сеть NeuralNetwork", "передайте сеть первым аргументом: "
                           "accuracy(net, x, y_onehot).", CourseTypeError)
    x = _check_features(where, "x", x)
    expected = "one-hot матрица (примеры, классы)"
    if not isinstance(y_onehot, np.ndarray):
        raise _not_an_array(where, "y_onehot", y_onehot, expected)
    y_onehot = check_array(where, "y_onehot", y_onehot, dtype_kinds="biuf", finite=True, shape_text=expected)
    if y_onehot.ndim != 2:
        raise course_error(where, "y_onehot", y_onehot, expected,
                           "номера классов переведите в one-hot: np.eye(n_classes)[y].", ShapeError)
    if len(y_onehot) != len(x):
        raise course_error(where, "y_onehot", y_onehot,
                           f"{expected}, по строке на каждый пример x (их {len(x)})",
                           "берите x и y_onehot одним срезом.", ShapeError)
    return x, _check_targets(where, "y_onehot", y_onehot, x, "x", net)


def _check_trainer(net, optimizer):
    where = "Trainer"
    if isinstance(net, Optimizer) and isinstance(optimizer, NeuralNetwork):
        raise course_error(where, "net", net, "сеть NeuralNetwork", "аргументы перепутаны: "
                           "Trainer(net, optimizer) — сначала сеть, потом оптимизатор.", CourseTypeError)
    if not isinstance(net, NeuralNetwork):
        fix = "соберите сеть: NeuralNetwork([Dense(...), ...], MeanSquaredError())."
        raise course_error(where, "net", net, "сеть NeuralNetwork", fix, CourseTypeError)
    _not_a_class(where, "optimizer", optimizer, Optimizer, "объект оптимизатора",
                 f"{getattr(optimizer, '__name__', '')}(lr=0.01)")
    if not isinstance(optimizer, Optimizer):
        raise course_error(where, "optimizer", optimizer, "оптимизатор этого фреймворка",
                           "передайте scratch.SGD(lr=0.01) (оптимизаторы Keras здесь не подходят).",
                           CourseTypeError)


def _not_a_class(where, argument, value, base, expected, example):
    """Raise a course error for a class of this framework (``ReLU``) where its object (``ReLU()``) belongs."""
    if isinstance(value, type) and issubclass(value, base):
        raise course_error(where, argument, value, expected,
                           f"нужен объект, а не класс — добавьте скобки: {example}.", CourseTypeError)


def _check_numerical_gradient(f, x, eps):
    where = "numerical_gradient"
    example = "lambda: float(np.sum(op.forward(x)))"
    check_callable(where, "f", f, example)
    if not isinstance(x, np.ndarray):
        raise course_error(where, "x", x, "массив NumPy float64 — тот самый, который читает f",
                           "f должна видеть сдвиги x, поэтому передайте тот же массив NumPy, а не список "
                           "(сделайте x = np.array(..., dtype=np.float64) и используйте его в f).",
                           CourseTypeError)
    if x.dtype != np.float64:
        raise course_error(where, "x", x, "массив float64",
                           "в других типах сдвиг ε = 1e-6 теряется при округлении: x = x.astype(np.float64) "
                           "(и пусть f читает именно этот массив).", CourseTypeError)
    if not x.flags.writeable:
        raise course_error(where, "x", x, "массив, который можно менять", "передайте копию: x = x.copy().")
    _check_positive(where, "eps", eps, "шаг разности — маленькое положительное число: eps=1e-6.")

    def checked():
        value = f()
        if isinstance(value, bool | np.bool_) or not (
            isinstance(value, numbers.Real) or (isinstance(value, np.ndarray) and value.ndim == 0
                                                and value.dtype.kind in "iuf")
        ):
            raise course_error(where, "f", f, "функция, которая возвращает одно число",
                               f"f() вернула {describe(value)}: сверните результат в число, например "
                               "float(np.sum(...)).", CourseTypeError)
        return value

    return checked


def _check_pair(a, b):
    where = "relative_error"
    a = check_array(where, "a", a, dtype_kinds="biuf", shape_text="массив чисел")
    b = check_array(where, "b", b, dtype_kinds="biuf", shape_text="массив чисел")
    if a.shape != b.shape:
        raise course_error(where, "b", b, f"массив той же формы, что и a: {a.shape}",
                           "сравнивайте градиенты одного и того же массива (без транспонирования и reshape).",
                           ShapeError)
    return a, b


def _check_gradient_check(block, x, target, seed):
    where = "gradient_check"
    expected = "операция или функция потерь этого фреймворка, например Sigmoid() или MeanSquaredError()"
    _not_a_class(where, "block", block, Operation | Loss, expected,
                 f"{getattr(block, '__name__', '')}()")
    if not isinstance(block, Operation | Loss):
        raise course_error(where, "block", block, expected,
                           "передайте объект с forward и backward, например scratch.Tanh().", CourseTypeError)
    check_array(where, "x", x, dtype_kinds="biuf", finite=True, shape_text="массив чисел (примеры, признаки)")
    _check_seed(where, "seed", seed)
    if isinstance(block, Loss):
        if target is None:
            raise course_error(where, "target", target, "цель той же формы, что и x",
                               f"для функции потерь передайте цель: gradient_check({type(block).__name__}(), "
                               "prediction, target).")
        target = check_array(where, "target", target, dtype_kinds="biuf", finite=True,
                             shape_text="цель той же формы, что и x")
        if isinstance(block, SoftmaxCrossEntropy) and target.ndim == 2 and np.shape(x) == target.shape:
            _check_one_hot(where, "target", target)
        return target
    if target is not None:
        raise course_error(where, "target", target, "None для операции",
                           "target нужен только функции потерь; у операции уберите этот аргумент.")
    return target


def _check_float64_params(block):
    for param in block.params:
        if param.dtype != np.float64:
            raise course_error("gradient_check", "block", block, "операция с параметрами float64",
                               f"у параметра dtype {param.dtype}: в нём сдвиг ε = 1e-6 теряется. Создайте "
                               "операцию (или новый слой) заново и проверяйте её на float64.",
                               CourseTypeError)
