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

Reference design: https://github.com/SethHWeidman/DLFS_code (the `lincoln` package).
"""

import time

import numpy as np
from tqdm.auto import tqdm


class ShapeError(ValueError):
    """An array of the wrong shape; the message names both shapes. Introduced in 02_numpy_from_scratch."""


def check_shape(where, expected, received, hint=""):
    """Raise ShapeError unless `received` == `expected`. Introduced in 02_numpy_from_scratch."""
    if tuple(expected) != tuple(received):
        raise ShapeError(
            f"{where}: ожидалась форма {tuple(expected)}, а получена {tuple(received)}. {hint}".strip()
        )


# ---------------------------------------------------------------- operations


class Operation:
    """One step of the computation: forward() keeps its input, backward() applies the chain rule.

    Introduced in 02_numpy_from_scratch. Subclasses define _output() and _input_grad().
    """

    def forward(self, input_):
        self.input_ = input_
        self.output = self._output()
        return self.output

    def backward(self, output_grad):
        where = f"Градиент для {type(self).__name__}.backward"
        check_shape(where, self.output.shape, output_grad.shape)
        self.input_grad = self._input_grad(output_grad)
        return self.input_grad

    @property
    def params(self):
        return []

    @property
    def param_grads(self):
        return []

    def _output(self):
        raise NotImplementedError

    def _input_grad(self, output_grad):
        raise NotImplementedError


class ParamOperation(Operation):
    """An operation with a parameter array; backward() also fills param_grad.

    Introduced in 02_numpy_from_scratch. Subclasses add _param_grad().
    """

    def __init__(self, param):
        self.param = param

    def backward(self, output_grad):
        input_grad = super().backward(output_grad)
        self.param_grad = self._param_grad(output_grad)
        return input_grad

    @property
    def params(self):
        return [self.param]

    @property
    def param_grads(self):
        return [self.param_grad]

    def _param_grad(self, output_grad):
        raise NotImplementedError


class WeightMultiply(ParamOperation):
    """X · W: inputs (batch, n_in) times weights (n_in, n_out). Introduced in 02_numpy_from_scratch."""

    def _output(self):
        return self.input_ @ self.param

    def _input_grad(self, output_grad):
        return output_grad @ self.param.T

    def _param_grad(self, output_grad):
        return self.input_.T @ output_grad


class BiasAdd(ParamOperation):
    """X + B: adds the bias row (1, n) to every example. Introduced in 02_numpy_from_scratch."""

    def _output(self):
        return self.input_ + self.param

    def _input_grad(self, output_grad):
        return output_grad

    def _param_grad(self, output_grad):
        return output_grad.sum(axis=0, keepdims=True)


class Sigmoid(Operation):
    """σ(x) = 1 / (1 + e^(−x)), derivative σ(x)·(1 − σ(x)). Introduced in 02_numpy_from_scratch."""

    def _output(self):
        return 1.0 / (1.0 + np.exp(-self.input_))

    def _input_grad(self, output_grad):
        return output_grad * self.output * (1.0 - self.output)


class Tanh(Operation):
    """tanh(x), derivative 1 − tanh²(x). Introduced in 02_numpy_from_scratch."""

    def _output(self):
        return np.tanh(self.input_)

    def _input_grad(self, output_grad):
        return output_grad * (1.0 - self.output**2)


class ReLU(Operation):
    """max(0, x), derivative 1 where x > 0 and 0 elsewhere. Introduced in 02_numpy_from_scratch."""

    def _output(self):
        return np.maximum(self.input_, 0)

    def _input_grad(self, output_grad):
        return output_grad * (self.input_ > 0)


class Linear(Operation):
    """The identity activation f(x) = x, for regression outputs. Introduced in 02_numpy_from_scratch."""

    def _output(self):
        return self.input_

    def _input_grad(self, output_grad):
        return output_grad


# -------------------------------------------------------------------- layers


class Layer(Operation):
    """A chain of operations; creates its parameters when it sees the first input.

    Introduced in 02_numpy_from_scratch. Subclasses fill self.operations in _setup_layer().
    """

    def __init__(self, neurons):
        self.neurons = neurons
        self.operations = []
        self.rng = np.random.default_rng(0)  # NeuralNetwork replaces it with its own seeded one

    def forward(self, input_):
        if input_.ndim != 2:
            raise ShapeError(
                f"{self}: ждём матрицу (примеры, признаки), а получен массив формы {input_.shape}. "
                "Разверните каждый пример в вектор: x.reshape(len(x), -1)."
            )
        if not self.operations:
            self.input_dim = input_.shape[1]
            self._setup_layer(input_)
        check_shape(f"Вход слоя {self}", (len(input_), self.input_dim), input_.shape)
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
        return [p for op in self.operations for p in op.params]

    @property
    def param_grads(self):
        return [g for op in self.operations for g in op.param_grads]

    def _setup_layer(self, input_):
        raise NotImplementedError


class Dense(Layer):
    """A fully connected layer: WeightMultiply → BiasAdd → activation.

    Introduced in 02_numpy_from_scratch. weight_init: "glorot" (std √(2/(n_in+n_out)),
    for sigmoid/tanh) or "he" (std √(2/n_in), for ReLU). Weights take the first input's dtype.
    """

    def __init__(self, neurons, activation=None, weight_init="glorot"):
        super().__init__(neurons)
        self.activation = activation if activation is not None else Sigmoid()
        self.weight_init = weight_init

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
    """

    hint = ""

    def forward(self, prediction, target):
        where = f"Функция потерь {type(self).__name__}, цель (target)"
        check_shape(where, prediction.shape, target.shape, self.hint)
        self.prediction, self.target = prediction, target
        return float(self._output())

    def backward(self):
        self.input_grad = self._input_grad()
        return self.input_grad

    def _output(self):
        raise NotImplementedError

    def _input_grad(self):
        raise NotImplementedError


class MeanSquaredError(Loss):
    """mean((prediction − target)²) over all elements. Introduced in 02_numpy_from_scratch."""

    hint = "Цель должна иметь ту же форму, что и прогноз; вектор в столбец: y.reshape(-1, 1)."

    def _output(self):
        return np.mean((self.prediction - self.target) ** 2)

    def _input_grad(self):
        return 2.0 * (self.prediction - self.target) / self.prediction.size


class SoftmaxCrossEntropy(Loss):
    """Softmax of the logits, then cross-entropy with one-hot targets, averaged over the batch.

    Introduced in 02_numpy_from_scratch. Numerically stable: subtracts each row's maximum
    before exp(); the gradient with respect to the logits is (softmax − target) / batch.
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
    """Row-wise softmax, stable for large logits. Introduced in 02_numpy_from_scratch."""
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


# ------------------------------------------------------------------- network


class NeuralNetwork:
    """Layers and a loss: forward pass, loss, backward pass for one batch.

    Introduced in 02_numpy_from_scratch. `seed` fixes the initial weights of all layers.
    """

    def __init__(self, layers, loss, seed=1):
        self.layers, self.loss = layers, loss
        rng = np.random.default_rng(seed)
        for layer in layers:
            layer.rng = rng

    def forward(self, x):
        for layer in self.layers:
            x = layer.forward(x)
        return x

    def backward(self, loss_grad):
        for layer in reversed(self.layers):
            loss_grad = layer.backward(loss_grad)
        return loss_grad

    def train_batch(self, x, y):
        loss = self.loss.forward(self.forward(x), y)
        self.backward(self.loss.backward())
        return loss

    @property
    def params(self):
        return [p for layer in self.layers for p in layer.params]

    @property
    def param_grads(self):
        return [g for layer in self.layers for g in layer.param_grads]


# ---------------------------------------------------------------- optimizers


class Optimizer:
    """Updates the network's parameters from their gradients; can decay the learning rate.

    Introduced in 02_numpy_from_scratch. With final_lr the rate falls exponentially from lr
    to final_lr over the epochs of Trainer.fit (one step per epoch).
    """

    def __init__(self, lr=0.01, final_lr=None):
        self.first_lr, self.final_lr = lr, final_lr
        self.lr = lr
        self.net = None  # set by Trainer

    def start(self, epochs):
        self.lr = self.first_lr
        self.decay = 1.0
        if self.final_lr is not None and epochs > 1:
            self.decay = (self.final_lr / self.first_lr) ** (1.0 / (epochs - 1))

    def end_epoch(self):
        self.lr *= self.decay

    def step(self):
        for i, (param, grad) in enumerate(zip(self.net.params, self.net.param_grads, strict=True)):
            self._update(i, param, grad)

    def _update(self, i, param, grad):
        raise NotImplementedError


class SGD(Optimizer):
    """Stochastic gradient descent, optionally with momentum (as keras.optimizers.SGD).

    Introduced in 02_numpy_from_scratch. v ← momentum·v − lr·grad; param ← param + v.
    Parameters change in place: the operations hold the very same arrays.
    """

    def __init__(self, lr=0.01, momentum=0.0, final_lr=None):
        super().__init__(lr, final_lr)
        self.momentum = momentum
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
    """Share of examples whose largest output is the true class. Introduced in 02_numpy_from_scratch."""
    return float(np.mean(net.forward(x).argmax(axis=1) == y_onehot.argmax(axis=1)))


class Trainer:
    """Trains a NeuralNetwork: shuffles every epoch, goes through batches, evaluates, logs.

    Introduced in 02_numpy_from_scratch. fit() returns a Keras-like history dict
    (loss, val_loss, val_accuracy for SoftmaxCrossEntropy, seconds per epoch).
    """

    def __init__(self, net, optimizer):
        self.net, self.optimizer = net, optimizer
        optimizer.net = net

    def fit(self, x_train, y_train, x_val, y_val, epochs=10, eval_every=1, batch_size=32,
            seed=1, early_stopping=False, progress=True):
        rng = np.random.default_rng(seed)
        self.optimizer.start(epochs)
        history = {"epoch": [], "loss": [], "val_loss": [], "seconds": []}
        best = (np.inf, None)
        steps = -(-len(x_train) // batch_size)  # ceil(N / batch_size)
        bar = tqdm(total=epochs * steps, desc="Обучение", unit="батч", disable=not progress)
        for epoch in range(1, epochs + 1):
            start, order, losses = time.perf_counter(), rng.permutation(len(x_train)), []
            for first in range(0, len(x_train), batch_size):
                batch = order[first : first + batch_size]
                losses.append(self.net.train_batch(x_train[batch], y_train[batch]))
                self.optimizer.step()
                bar.update()
            self.optimizer.end_epoch()
            history["seconds"].append(time.perf_counter() - start)
            bar.set_postfix_str(f"эпоха {epoch}, ошибка {np.mean(losses):.4f}")
            if epoch % eval_every and epoch != epochs:
                continue
            val_loss = self.evaluate(x_val, y_val, history, epoch, np.mean(losses))
            if val_loss < best[0]:
                best = (val_loss, [p.copy() for p in self.net.params])
            elif early_stopping:
                for param, saved in zip(self.net.params, best[1], strict=True):
                    param[...] = saved
                print(f"Ошибка на проверке выросла: останавливаемся и возвращаем веса "
                      f"с лучшей проверки (ошибка {best[0]:.4f}).")
                break
        bar.close()
        return history

    def evaluate(self, x_val, y_val, history, epoch, train_loss):
        """Compute and log the validation loss (and accuracy for classification)."""
        val_loss = self.net.loss.forward(self.net.forward(x_val), y_val)
        history["epoch"].append(epoch)
        history["loss"].append(float(train_loss))
        history["val_loss"].append(val_loss)
        line = f"Эпоха {epoch}: ошибка на обучении {train_loss:.4f}, на проверке {val_loss:.4f}"
        if isinstance(self.net.loss, SoftmaxCrossEntropy):
            acc = accuracy(self.net, x_val, y_val)
            history.setdefault("val_accuracy", []).append(acc)
            line += f", точность на проверке {acc:.2%}"
        print(line)
        return val_loss


# ---------------------------------------------------------------- grad check


def numerical_gradient(f, x, eps=1e-6):
    """Central differences (f(x+ε) − f(x−ε)) / 2ε of the scalar f() for every element of x.

    Introduced in 02_numpy_from_scratch. x is changed in place and restored.
    """
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
    """‖a − b‖ / (‖a‖ + ‖b‖), 0 when both are zero. Introduced in 02_numpy_from_scratch."""
    denominator = np.linalg.norm(a) + np.linalg.norm(b)
    return float(np.linalg.norm(a - b) / denominator) if denominator else 0.0


def gradient_check(block, x, target=None, seed=0):
    """Largest relative error between backward() and numerical_gradient, per array.

    Introduced in 02_numpy_from_scratch. `block` is an Operation (scalar: sum(output · G)
    for a fixed random G) or a Loss (then pass `target`). Use float64 arrays.
    Returns {"input": error, "param 1": error, ...}.
    """
    x = np.array(x, dtype=np.float64)
    if isinstance(block, Loss):
        block.forward(x, target)
        analytic = [block.backward().copy()]
        arrays = [x]

        def scalar():
            return block.forward(x, target)

    else:
        g = np.random.default_rng(seed).normal(size=block.forward(x).shape)
        analytic = [block.backward(g).copy()] + [p.copy() for p in block.param_grads]
        arrays = [x, *block.params]

        def scalar():
            return float(np.sum(block.forward(x) * g))

    names = ["input"] + [f"param {i}" for i in range(1, len(arrays))]
    return {
        name: relative_error(a, numerical_gradient(scalar, array))
        for name, a, array in zip(names, analytic, arrays, strict=True)
    }
