"""Bad inputs for helpers.scratch, the NumPy framework of 02_numpy_from_scratch.

Operations without a constructor (Sigmoid, Loss …) get their bad input in forward().
The two rows of the lesson's stored errors check the whole message, byte for byte.
Rows with printed=True are runs that diverge: fit() prints one "⚠️" line and stops.
"""

import numpy as np

from helpers import scratch as s
from tests.bad_input_cases import Bad

# The two messages lesson 02 shows in its stored outputs: they must not change.
LESSON_MSE_MESSAGE = (
    "Функция потерь MeanSquaredError, цель (target): ожидалась форма (5, 1), а получена (5,). "
    "Цель должна иметь ту же форму, что и прогноз; вектор в столбец: y.reshape(-1, 1)."
)
LESSON_DENSE_MESSAGE = (
    "Dense(256, ReLU): ждём матрицу (примеры, признаки), а получен массив формы (64, 28, 28). "
    "Разверните каждый пример в вектор: x.reshape(len(x), -1)."
)


def data(n=32, features=2):
    """A small regression set: float32 x (n, features), float32 y (n, 1)."""
    x = np.random.default_rng(0).normal(size=(n, features)).astype(np.float32)
    return x, (x.sum(axis=1, keepdims=True) + 1.0).astype(np.float32)


def classes(n=30, k=3):
    """A small classification set: float32 x (n, 4), one-hot float32 y (n, k), labels (n,)."""
    x = np.random.default_rng(0).normal(size=(n, 4)).astype(np.float32)
    labels = np.arange(n) % k
    return x, np.eye(k, dtype=np.float32)[labels], labels


def pixels(shape=(64, 28, 28)):
    return np.random.default_rng(0).integers(0, 256, shape, dtype=np.uint8)


def regression_net():
    return s.NeuralNetwork([s.Dense(1, s.Linear())], s.MeanSquaredError())


def classifier():
    return s.NeuralNetwork([s.Dense(5, s.ReLU(), "he"), s.Dense(3, s.Linear())], s.SoftmaxCrossEntropy())


def trainer(net=None, lr=0.05):
    return s.Trainer(net or regression_net(), s.SGD(lr=lr))


def fit(**changes):
    """trainer().fit on the regression data with some arguments replaced."""
    x, y = data()
    arguments = dict(x_train=x, y_train=y, x_val=x, y_val=y, epochs=2, progress=False) | changes
    return trainer().fit(**arguments)


def fit_classifier(**changes):
    x, y, _ = classes()
    arguments = dict(x_train=x, y_train=y, x_val=x, y_val=y, epochs=1, progress=False) | changes
    return trainer(classifier()).fit(**arguments)


def after_forward(operation, x):
    operation.forward(x)
    return operation


def net_after_forward():
    net = regression_net()
    net.forward(data()[0])
    return net


def diverging_run(env):
    """lr = 50 on unnormalised inputs: the loss overflows; fit prints ⚠️ and returns the history."""
    x, y = data(64)
    with np.errstate(all="ignore"):
        trainer(lr=50.0).fit(x * 100, y * 100, x, y, epochs=20, batch_size=8, progress=False)


class NanOnValidation(s.MeanSquaredError):
    """MSE that is nan on the validation set (4 examples): a check whose loss is nan from the start."""

    def forward(self, prediction, target):
        loss = super().forward(prediction, target)
        return float("nan") if len(prediction) == 4 else loss


def nan_validation_run(env):
    x, y = data(64)
    net = s.NeuralNetwork([s.Dense(1, s.Linear())], NanOnValidation())
    trainer(net).fit(x, y, x[:4], y[:4], epochs=3, batch_size=16, early_stopping=True, progress=False)


def read_only(array):
    array.flags.writeable = False
    return array


def shared_activation_net():
    activation = s.ReLU()
    return s.NeuralNetwork([s.Dense(4, activation), s.Dense(1, activation)], s.MeanSquaredError())


X23 = np.ones((2, 3))

CASES = [
    # ---------------------------------------------------------------- check_shape
    Bad("scratch.check_shape", "the array instead of its shape",
        lambda env: s.check_shape("Вход", (2, 3), np.zeros((2, 3))), ("«received»", "x.shape")),
    Bad("scratch.check_shape", "a bare number", lambda env: s.check_shape("Вход", 5, (5,)),
        ("«expected»", "(5,)")),
    Bad("scratch.check_shape", "where is not text", lambda env: s.check_shape(None, (1,), (2,)),
        ("«where»", "в кавычках")),
    Bad("scratch.check_shape", "negative size", lambda env: s.check_shape("Вход", (-1, 3), (5, 3)),
        ("«expected»", "≥ 0", "x.shape")),
    # ---------------------------------------------------------------- Operation
    Bad("scratch.Operation", "list", lambda env: s.Operation().forward([1.0, 2.0]),
        ("«input_»", "список из 2 элементов", "np.array(x, dtype='float32')")),
    Bad("scratch.Operation", "integers", lambda env: s.Operation().forward(np.arange(4).reshape(2, 2)),
        ("«input_»", "int64", "x.astype('float32')")),
    Bad("scratch.Operation", "None", lambda env: s.Operation().forward(None), ("«input_»", "None", "return")),
    Bad("scratch.Operation", "zero axes", lambda env: s.Operation().forward(np.array(2.0)),
        ("«input_»", "np.array([[x]])")),
    Bad("scratch.Operation.forward", "raw pixels", lambda env: s.Tanh().forward(pixels((2, 784))),
        ("«input_»", "uint8", "x.astype('float32') / 255")),
    Bad("scratch.Operation.forward", "string", lambda env: s.Sigmoid().forward("0.5"),
        ("«input_»", "строка '0.5'", "np.array")),
    Bad("scratch.Operation.forward", "array of strings", lambda env: s.ReLU().forward(np.array([["a"]])),
        ("«input_»", "нужны числа")),
    Bad("scratch.Operation.backward", "before forward", lambda env: s.Sigmoid().backward(np.ones((2, 2))),
        ("Sigmoid.backward", "forward(x)", "потом backward")),
    Bad("scratch.Operation.backward", "wrong shape",
        lambda env: after_forward(s.Tanh(), X23).backward(np.ones((2, 4))),
        ("Градиент для Tanh.backward", "(2, 3)", "(2, 4)")),
    Bad("scratch.Operation.backward", "list", lambda env: after_forward(s.Tanh(), X23).backward([[1.0] * 3] * 2),
        ("«output_grad»", "список из 2 элементов", "np.array")),
    Bad("scratch.Operation.backward", "integers",
        lambda env: after_forward(s.ReLU(), X23).backward(np.ones((2, 3), dtype=int)),
        ("«output_grad»", "astype('float32')")),
    # ---------------------------------------------------------------- ParamOperation
    Bad("scratch.ParamOperation", "list", lambda env: s.ParamOperation([1.0, 2.0]),
        ("«param»", "список", "на месте")),
    Bad("scratch.ParamOperation", "integers", lambda env: s.ParamOperation(np.arange(3)),
        ("«param»", "param.astype('float64')")),
    Bad("scratch.ParamOperation", "NaN", lambda env: s.ParamOperation(np.array([np.nan, 1.0])),
        ("«param»", "NaN", "np.zeros")),
    Bad("scratch.ParamOperation", "None", lambda env: s.ParamOperation(None), ("«param»", "None")),
    Bad("scratch.ParamOperation.backward", "before forward",
        lambda env: s.WeightMultiply(np.ones((3, 2))).backward(np.ones((2, 2))),
        ("WeightMultiply.backward", "forward(x)")),
    Bad("scratch.ParamOperation.backward", "wrong shape",
        lambda env: after_forward(s.WeightMultiply(np.ones((3, 2))), X23).backward(np.ones((2, 3))),
        ("(2, 2)", "(2, 3)")),
    Bad("scratch.ParamOperation.backward", "list",
        lambda env: after_forward(s.BiasAdd(np.zeros((1, 3))), X23).backward([[0.0] * 3] * 2),
        ("«output_grad»", "np.array")),
    # ---------------------------------------------------------------- WeightMultiply, BiasAdd
    Bad("scratch.WeightMultiply", "vector", lambda env: s.WeightMultiply(np.ones(3)),
        ("«param»", "матрица весов", "w.reshape(-1, 1)")),
    Bad("scratch.WeightMultiply", "integers", lambda env: s.WeightMultiply(np.ones((3, 2), dtype=int)),
        ("«param»", "astype('float64')")),
    Bad("scratch.WeightMultiply", "list", lambda env: s.WeightMultiply([[1.0, 2.0]]),
        ("«param»", "список из 1 элемента")),
    Bad("scratch.WeightMultiply", "input with other features",
        lambda env: s.WeightMultiply(np.ones((3, 2))).forward(np.ones((2, 4))),
        ("«input_»", "(2, 4)", "признаков на входе должно быть 3")),
    Bad("scratch.BiasAdd", "vector", lambda env: s.BiasAdd(np.zeros(3)), ("«param»", "b.reshape(1, -1)")),
    Bad("scratch.BiasAdd", "column", lambda env: s.BiasAdd(np.zeros((3, 1))), ("«param»", "(1, нейроны)")),
    Bad("scratch.BiasAdd", "inf", lambda env: s.BiasAdd(np.full((1, 3), np.inf)), ("«param»", "NaN")),
    Bad("scratch.BiasAdd", "input with other features",
        lambda env: s.BiasAdd(np.zeros((1, 3))).forward(np.ones((2, 4))), ("«input_»", "признаков на входе должно быть 3")),
    # ---------------------------------------------------------------- activations (forward)
    Bad("scratch.Sigmoid", "list", lambda env: s.Sigmoid().forward([[0.0, 1.0]]), ("«input_»", "np.array")),
    Bad("scratch.Sigmoid", "raw pixels", lambda env: s.Sigmoid().forward(pixels((1, 4))),
        ("«input_»", "/ 255")),
    Bad("scratch.Sigmoid", "None", lambda env: s.Sigmoid().forward(None), ("«input_»", "None")),
    Bad("scratch.Tanh", "integers", lambda env: s.Tanh().forward(np.array([[1, 2]])), ("«input_»", "astype")),
    Bad("scratch.Tanh", "string", lambda env: s.Tanh().forward("x"), ("«input_»", "строка 'x'")),
    Bad("scratch.Tanh", "tuple", lambda env: s.Tanh().forward((0.5, 1.0)), ("«input_»", "кортеж")),
    Bad("scratch.ReLU", "booleans", lambda env: s.ReLU().forward(np.array([[True, False]])),
        ("«input_»", "bool", "astype('float32')")),
    Bad("scratch.ReLU", "zero axes", lambda env: s.ReLU().forward(np.array(-1.0)), ("«input_»", "np.array([[x]])")),
    Bad("scratch.ReLU", "dict", lambda env: s.ReLU().forward({"x": 1.0}), ("«input_»", "словарь")),
    Bad("scratch.Linear", "list", lambda env: s.Linear().forward([1.0]), ("«input_»", "np.array")),
    Bad("scratch.Linear", "objects", lambda env: s.Linear().forward(np.array([[1.0, None]])),
        ("«input_»", "dtype object", "нужны числа")),
    Bad("scratch.Linear", "None", lambda env: s.Linear().forward(None), ("«input_»", "None")),
    # ---------------------------------------------------------------- Layer, Dense
    Bad("scratch.Layer", "zero neurons", lambda env: s.Layer(0), ("«neurons»", "≥ 1")),
    Bad("scratch.Layer", "string", lambda env: s.Layer("16"), ("«neurons»", "уберите кавычки")),
    Bad("scratch.Layer", "fraction", lambda env: s.Layer(2.5), ("«neurons»", "целое число")),
    Bad("scratch.Layer.forward", "images of the lesson",
        lambda env: s.Dense(256, s.ReLU(), weight_init="he").forward(pixels()), (LESSON_DENSE_MESSAGE,)),
    Bad("scratch.Layer.forward", "flat raw pixels", lambda env: s.Dense(4).forward(pixels((64, 784))),
        ("«input_»", "uint8", "x.astype('float32') / 255")),
    Bad("scratch.Layer.forward", "list", lambda env: s.Dense(4).forward([[0.0, 1.0]]),
        ("«input_»", "np.array(x, dtype='float32')")),
    Bad("scratch.Layer.forward", "other features",
        lambda env: after_forward(s.Dense(3), np.zeros((2, 5))).forward(np.zeros((2, 6))),
        ("(2, 5)", "(2, 6)", "создайте новый слой")),
    Bad("scratch.Dense", "activation class", lambda env: s.Dense(3, activation=s.ReLU),
        ("«activation»", "класс ReLU", "activation=scratch.ReLU()")),
    Bad("scratch.Dense", "xavier", lambda env: s.Dense(3, weight_init="xavier"),
        ("«weight_init»", "weight_init='glorot'")),
    Bad("scratch.Dense", "softmax", lambda env: s.Dense(3, activation="softmax"),
        ("«activation»", "SoftmaxCrossEntropy", "scratch.Linear()")),
    Bad("scratch.Dense", "unknown name", lambda env: s.Dense(3, activation="gelu"),
        ("«activation»", "'relu'", "scratch.ReLU()")),
    Bad("scratch.Dense", "NumPy function", lambda env: s.Dense(3, activation=np.tanh),
        ("«activation»", "scratch.Tanh()")),
    Bad("scratch.Dense", "a layer as activation", lambda env: s.Dense(3, activation=s.Dense(2)),
        ("«activation»", "NeuralNetwork([...])")),
    Bad("scratch.Dense", "weight_init None", lambda env: s.Dense(3, weight_init=None),
        ("«weight_init»", "weight_init='he'")),
    Bad("scratch.Dense", "zero neurons", lambda env: s.Dense(0, s.ReLU()), ("«neurons»", "≥ 1")),
    # ---------------------------------------------------------------- losses
    Bad("scratch.Loss", "list", lambda env: s.Loss().forward([1.0], np.ones(1)),
        ("«prediction»", "np.array")),
    Bad("scratch.Loss", "target None", lambda env: s.Loss().forward(np.ones((2, 1)), None),
        ("«target»", "None")),
    Bad("scratch.Loss", "empty", lambda env: s.Loss().forward(np.ones((0, 1)), np.ones((0, 1))),
        ("«prediction»", "ни одного примера")),
    Bad("scratch.Loss.forward", "target of the lesson",
        lambda env: s.MeanSquaredError().forward((np.arange(5.0) + 0.1).reshape(-1, 1), np.arange(5.0)),
        (LESSON_MSE_MESSAGE,)),
    Bad("scratch.Loss.forward", "labels for cross-entropy",
        lambda env: s.SoftmaxCrossEntropy().forward(np.zeros((4, 10)), np.zeros(4)),
        ("ожидалась форма (4, 10)", "np.eye(10)[y]")),
    Bad("scratch.Loss.forward", "integer prediction",
        lambda env: s.MeanSquaredError().forward(np.ones((2, 1), dtype=int), np.ones((2, 1))),
        ("«prediction»", "astype('float32')")),
    Bad("scratch.Loss.forward", "text target",
        lambda env: s.MeanSquaredError().forward(np.ones((1, 1)), np.array([["1"]])),
        ("«target»", "нужны числа")),
    Bad("scratch.MeanSquaredError", "lists", lambda env: s.MeanSquaredError().forward([[1.0]], [[0.0]]),
        ("«prediction»", "список из 1 элемента", "np.array")),
    Bad("scratch.MeanSquaredError", "other width",
        lambda env: s.MeanSquaredError().forward(np.ones((3, 1)), np.ones((3, 2))),
        ("ожидалась форма (3, 1)", "y.reshape(-1, 1)")),
    Bad("scratch.MeanSquaredError", "backward before forward", lambda env: s.MeanSquaredError().backward(),
        ("MeanSquaredError.backward", "forward(prediction, target)")),
    Bad("scratch.SoftmaxCrossEntropy", "one output",
        lambda env: s.SoftmaxCrossEntropy().forward(np.zeros((4, 1)), np.ones((4, 1))),
        ("«prediction»", "Dense(n_classes, Linear())")),
    Bad("scratch.SoftmaxCrossEntropy", "vector of logits",
        lambda env: s.SoftmaxCrossEntropy().forward(np.zeros(10), np.eye(10)[3]),
        ("«prediction»", "классов не меньше 2")),
    Bad("scratch.SoftmaxCrossEntropy", "list target",
        lambda env: s.SoftmaxCrossEntropy().forward(np.zeros((1, 3)), [[0, 1, 0]]), ("«target»", "np.array")),
    Bad("scratch.softmax", "vector", lambda env: s.softmax(np.array([1.0, 2.0, 3.0])),
        ("«logits»", "logits.reshape(1, -1)")),
    Bad("scratch.softmax", "strings", lambda env: s.softmax([["a", "b"]]), ("«logits»", "astype")),
    Bad("scratch.softmax", "NaN", lambda env: s.softmax(np.array([[np.nan, 0.0]])), ("«logits»", "NaN")),
    Bad("scratch.softmax", "None", lambda env: s.softmax(None), ("«logits»", "None")),
    # ---------------------------------------------------------------- NeuralNetwork
    Bad("scratch.NeuralNetwork", "one layer without a list",
        lambda env: s.NeuralNetwork(s.Dense(1, s.Linear()), s.MeanSquaredError()),
        ("«layers»", "оберните в список", "NeuralNetwork([Dense(1, Linear)], loss)")),
    Bad("scratch.NeuralNetwork", "no layers", lambda env: s.NeuralNetwork([], s.MeanSquaredError()),
        ("«layers»", "хотя бы один слой")),
    Bad("scratch.NeuralNetwork", "layer class", lambda env: s.NeuralNetwork([s.Dense], s.MeanSquaredError()),
        ("«layers[0]»", "добавьте скобки")),
    Bad("scratch.NeuralNetwork", "loss class", lambda env: s.NeuralNetwork([s.Dense(1)], s.MeanSquaredError),
        ("«loss»", "scratch.MeanSquaredError()")),
    Bad("scratch.NeuralNetwork", "loss by name", lambda env: s.NeuralNetwork([s.Dense(1)], "mse"),
        ("«loss»", "строка 'mse'", "scratch.MeanSquaredError()")),
    Bad("scratch.NeuralNetwork", "one activation in two layers", lambda env: shared_activation_net(),
        ("«layers[1]»", "неверные градиенты", "ReLU() для каждого слоя")),
    Bad("scratch.NeuralNetwork", "one output for cross-entropy",
        lambda env: s.NeuralNetwork([s.Dense(1, s.Linear())], s.SoftmaxCrossEntropy()),
        ("«layers»", "Dense(n_classes, Linear())")),
    Bad("scratch.NeuralNetwork", "seed as a string",
        lambda env: s.NeuralNetwork([s.Dense(1)], s.MeanSquaredError(), seed="1"), ("«seed»", "уберите кавычки")),
    Bad("scratch.NeuralNetwork.forward", "list", lambda env: regression_net().forward([[1.0, 2.0]]),
        ("«x»", "np.array(x, dtype='float32')")),
    Bad("scratch.NeuralNetwork.forward", "raw pixels", lambda env: regression_net().forward(pixels((8, 784))),
        ("«x»", "/ 255")),
    Bad("scratch.NeuralNetwork.forward", "images", lambda env: regression_net().forward(np.zeros((8, 28, 28))),
        ("ждём матрицу", "x.reshape(len(x), -1)")),
    Bad("scratch.NeuralNetwork.forward", "other features",
        lambda env: net_after_forward().forward(np.zeros((2, 3))), ("(2, 2)", "(2, 3)")),
    Bad("scratch.NeuralNetwork.backward", "before forward",
        lambda env: regression_net().backward(np.ones((2, 1))), ("NeuralNetwork.backward", "net.forward(x)")),
    Bad("scratch.NeuralNetwork.backward", "list", lambda env: net_after_forward().backward([[1.0]] * 32),
        ("«loss_grad»", "np.array")),
    Bad("scratch.NeuralNetwork.backward", "wrong shape",
        lambda env: net_after_forward().backward(np.ones((32, 2))), ("ожидалась форма (32, 1)", "(32, 2)")),
    Bad("scratch.NeuralNetwork.train_batch", "list target",
        lambda env: regression_net().train_batch(data()[0], [[1.0]] * 32), ("«y»", "np.array")),
    Bad("scratch.NeuralNetwork.train_batch", "empty batch",
        lambda env: regression_net().train_batch(data()[0][:0], data()[1][:0]), ("«x»", "батч пустой")),
    Bad("scratch.NeuralNetwork.train_batch", "shorter target",
        lambda env: regression_net().train_batch(data()[0], data()[1][:3]), ("«y»", "x[batch], y[batch]")),
    Bad("scratch.NeuralNetwork.train_batch", "integer x",
        lambda env: regression_net().train_batch(np.ones((2, 2), dtype=int), np.ones((2, 1))),
        ("«x»", "astype('float32')")),
    Bad("scratch.NeuralNetwork.train_batch", "target vector",
        lambda env: regression_net().train_batch(data()[0], data()[1].ravel()), ("y.reshape(-1, 1)",)),
    # ---------------------------------------------------------------- optimizers
    Bad("scratch.Optimizer", "rate as a string", lambda env: s.Optimizer(lr="0.01"),
        ("«lr»", "уберите кавычки: 0.01")),
    Bad("scratch.Optimizer", "zero rate", lambda env: s.Optimizer(lr=0), ("«lr»", "> 0", "lr=0.01")),
    Bad("scratch.Optimizer", "negative final rate", lambda env: s.Optimizer(lr=0.1, final_lr=-1),
        ("«final_lr»", "final_lr=None")),
    Bad("scratch.Optimizer", "NaN rate", lambda env: s.Optimizer(lr=float("nan")),
        ("«lr»", "конечное число")),
    Bad("scratch.Optimizer", "step without a network", lambda env: s.SGD().step(),
        ("SGD.step", "Trainer(net, optimizer)")),
    Bad("scratch.Optimizer.start", "zero epochs", lambda env: s.SGD().start(0), ("«epochs»", "≥ 1")),
    Bad("scratch.Optimizer.start", "fraction", lambda env: s.SGD().start(2.5), ("«epochs»", "целое число")),
    Bad("scratch.Optimizer.start", "string", lambda env: s.SGD().start("10"), ("«epochs»", "уберите кавычки")),
    Bad("scratch.SGD", "negative rate", lambda env: s.SGD(lr=-0.1), ("«lr»", "> 0")),
    Bad("scratch.SGD", "momentum 1", lambda env: s.SGD(momentum=1.0), ("«momentum»", "возьмите 0.9")),
    Bad("scratch.SGD", "negative momentum", lambda env: s.SGD(momentum=-0.5), ("«momentum»", "не бывает отрицательным")),
    Bad("scratch.SGD", "rate None", lambda env: s.SGD(lr=None), ("«lr»", "None")),
    Bad("scratch.SGD", "final rate as a string", lambda env: s.SGD(0.1, 0.9, "0.01"),
        ("«final_lr»", "уберите кавычки")),
    # ---------------------------------------------------------------- accuracy
    Bad("scratch.accuracy", "labels", lambda env: s.accuracy(classifier(), classes()[0], classes()[2]),
        ("«y_onehot»", "np.eye(n_classes)[y]")),
    Bad("scratch.accuracy", "swapped", lambda env: s.accuracy(classes()[0], classifier(), classes()[1]),
        ("«net»", "accuracy(net, x, y_onehot)")),
    Bad("scratch.accuracy", "fewer rows", lambda env: s.accuracy(classifier(), classes()[0], classes()[1][:5]),
        ("«y_onehot»", "одним срезом")),
    Bad("scratch.accuracy", "NaN in x",
        lambda env: s.accuracy(classifier(), np.full((2, 4), np.nan, dtype=np.float32), np.eye(3)[:2]),
        ("«x»", "NaN", "np.isnan(x).sum()")),
    # ---------------------------------------------------------------- Trainer
    Bad("scratch.Trainer", "swapped", lambda env: s.Trainer(s.SGD(), regression_net()),
        ("«net»", "перепутаны", "Trainer(net, optimizer)")),
    Bad("scratch.Trainer", "optimizer class", lambda env: s.Trainer(regression_net(), s.SGD),
        ("«optimizer»", "добавьте скобки: SGD(lr=0.01)")),
    Bad("scratch.Trainer", "layers instead of a network", lambda env: s.Trainer([s.Dense(1)], s.SGD()),
        ("«net»", "NeuralNetwork([Dense(...), ...], MeanSquaredError())")),
    Bad("scratch.Trainer", "optimizer by name", lambda env: s.Trainer(regression_net(), "sgd"),
        ("«optimizer»", "scratch.SGD(lr=0.01)")),
    Bad("scratch.Trainer.fit", "raw pixels",
        lambda env: fit(x_train=pixels((32, 2)), x_val=pixels((32, 2))),
        ("«x_train»", "uint8", "x.astype('float32') / 255")),
    Bad("scratch.Trainer.fit", "lists", lambda env: fit(x_train=data()[0].tolist(), y_train=data()[1].tolist()),
        ("«x_train»", "список из 32 элементов", "np.array(x_train, dtype='float32')")),
    Bad("scratch.Trainer.fit", "target list", lambda env: fit(y_train=data()[1].ravel().tolist()),
        ("«y_train»", "np.array(y_train, dtype='float32')")),
    Bad("scratch.Trainer.fit", "batch_size 0", lambda env: fit(batch_size=0), ("«batch_size»", "batch_size=32")),
    Bad("scratch.Trainer.fit", "empty training set", lambda env: fit(x_train=data()[0][:0], y_train=data()[1][:0]),
        ("«x_train»", "выборка пустая")),
    Bad("scratch.Trainer.fit", "epochs as a string", lambda env: fit(epochs="10"), ("«epochs»", "уберите кавычки")),
    Bad("scratch.Trainer.fit", "zero epochs", lambda env: fit(epochs=0), ("«epochs»", "epochs=10")),
    Bad("scratch.Trainer.fit", "shorter target", lambda env: fit(y_train=data()[1][:10]),
        ("«y_train»", "(их 32)", "одним срезом")),
    Bad("scratch.Trainer.fit", "validation with other features", lambda env: fit(x_val=np.ones((4, 3), "float32")),
        ("«x_val»", "столько же признаков")),
    Bad("scratch.Trainer.fit", "labels for cross-entropy", lambda env: fit_classifier(y_train=classes()[2]),
        ("«y_train»", "np.eye(3)[y_train]")),
    Bad("scratch.Trainer.fit", "not one-hot", lambda env: fit_classifier(y_val=classes()[1] * 2),
        ("«y_val»", "np.eye(n_classes)[labels]")),
    Bad("scratch.Trainer.fit", "NaN in x", lambda env: fit(x_train=np.where(data()[0] > 1, np.nan, data()[0])),
        ("«x_train»", "NaN", "np.isnan(x).sum()")),
    Bad("scratch.Trainer.fit", "images", lambda env: fit(x_train=np.zeros((32, 28, 28), "float32")),
        ("«x_train»", "x.reshape(len(x), -1)")),
    Bad("scratch.Trainer.fit", "early_stopping as text", lambda env: fit(early_stopping="yes"),
        ("«early_stopping»", "early_stopping=True")),
    Bad("scratch.Trainer.fit", "negative seed", lambda env: fit(seed=-1), ("«seed»", "≥ 0")),
    Bad("scratch.Trainer.fit", "diverging run", diverging_run,
        ("⚠️ Эпоха", "обучение разошлось", "Уменьшите скорость обучения (сейчас lr = 50)", "x / 255"),
        printed=True),
    Bad("scratch.Trainer.fit", "validation loss nan with early stopping", nan_validation_run,
        ("⚠️ Эпоха 1: потери на проверке стали nan", "останавливаемся", "Уменьшите скорость обучения"),
        printed=True),
    Bad("scratch.Trainer.evaluate", "None", lambda env: trainer().evaluate(None, data()[1]),
        ("«x_val»", "None", "нет return")),
    Bad("scratch.Trainer.evaluate", "history without epoch", lambda env: trainer().evaluate(*data(), history={}),
        ("«epoch»", "все три или ни одного", "trainer.evaluate(x_val, y_val)")),
    Bad("scratch.Trainer.evaluate", "history as a list",
        lambda env: trainer().evaluate(*data(), history=[], epoch=1, train_loss=0.5),
        ("«history»", "словарь")),
    Bad("scratch.Trainer.evaluate", "target vector", lambda env: trainer().evaluate(data()[0], data()[1].ravel()),
        ("«y_val»", "y_val.reshape(-1, 1)")),
    Bad("scratch.Trainer.evaluate", "epoch 0", lambda env: trainer().evaluate(*data(), {}, 0, 0.5),
        ("«epoch»", "≥ 1")),
    # ---------------------------------------------------------------- gradient checks
    Bad("scratch.numerical_gradient", "f returns an array",
        lambda env: (lambda x: s.numerical_gradient(lambda: x * 2, x))(np.ones((1, 2))),
        ("«f»", "массив NumPy формы (1, 2)", "float(np.sum(...))")),
    Bad("scratch.numerical_gradient", "list", lambda env: s.numerical_gradient(lambda: 0.0, [1.0, 2.0]),
        ("«x»", "тот же массив NumPy")),
    Bad("scratch.numerical_gradient", "float32",
        lambda env: s.numerical_gradient(lambda: 0.0, np.ones(2, dtype=np.float32)),
        ("«x»", "float32", "x.astype(np.float64)")),
    Bad("scratch.numerical_gradient", "eps 0", lambda env: s.numerical_gradient(lambda: 0.0, np.ones(2), eps=0),
        ("«eps»", "> 0")),
    Bad("scratch.numerical_gradient", "not a function", lambda env: s.numerical_gradient(3.0, np.ones(2)),
        ("«f»", "lambda: float(np.sum(op.forward(x)))")),
    Bad("scratch.numerical_gradient", "read-only x",
        lambda env: s.numerical_gradient(lambda: 0.0, read_only(np.ones(2))), ("«x»", "x.copy()")),
    Bad("scratch.relative_error", "column and vector", lambda env: s.relative_error(np.ones((3, 1)), np.ones(3)),
        ("«b»", "той же формы", "(3, 1)")),
    Bad("scratch.relative_error", "string", lambda env: s.relative_error("a", np.ones(1)), ("«a»", "строка 'a'")),
    Bad("scratch.relative_error", "None", lambda env: s.relative_error(None, np.ones(1)), ("«a»", "None")),
    Bad("scratch.relative_error", "ragged list", lambda env: s.relative_error([[1.0], [1.0, 2.0]], np.ones(3)),
        ("«a»", "np.stack")),
    Bad("scratch.gradient_check", "class", lambda env: s.gradient_check(s.Sigmoid, np.ones((2, 2))),
        ("«block»", "добавьте скобки: Sigmoid()")),
    Bad("scratch.gradient_check", "loss without target",
        lambda env: s.gradient_check(s.MeanSquaredError(), np.ones((2, 1))),
        ("«target»", "gradient_check(MeanSquaredError(), prediction, target)")),
    Bad("scratch.gradient_check", "target for an operation",
        lambda env: s.gradient_check(s.Sigmoid(), np.ones((2, 2)), np.ones((2, 2))),
        ("«target»", "только функции потерь")),
    Bad("scratch.gradient_check", "NumPy function", lambda env: s.gradient_check(np.tanh, np.ones((2, 2))),
        ("«block»", "scratch.Tanh()")),
    Bad("scratch.gradient_check", "float32 weights",
        lambda env: s.gradient_check(s.WeightMultiply(np.ones((2, 2), np.float32)), np.ones((2, 2))),
        ("«block»", "float32", "float64")),
    Bad("scratch.gradient_check", "text x", lambda env: s.gradient_check(s.Tanh(), "x"), ("«x»", "строка 'x'")),
    Bad("scratch.gradient_check", "not one-hot",
        lambda env: s.gradient_check(s.SoftmaxCrossEntropy(), np.zeros((2, 3)), np.array([[0, 2, 0], [1, 0, 0]])),
        ("«target»", "np.eye(n_classes)[labels]")),
    Bad("scratch.diverged", "loss as a string", lambda env: s.diverged("nan", 1.0), ("«loss»", "число")),
    Bad("scratch.diverged", "first_loss None", lambda env: s.diverged(2.0, None), ("«first_loss»", "None")),
    Bad("scratch.diverged", "loss as an array", lambda env: s.diverged(np.array([1.0, 2.0]), 1.0), ("«loss»", "массив NumPy")),
]
