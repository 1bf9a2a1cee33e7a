"""Bad inputs for helpers.plots: each must get a Russian course error (or, for show_model, a printed hint).

The rows of issue 12 are here, as a new user met them: ``metrics=[]``, a single
16×16 picture passed to show_images, one-hot/float/too large labels, a label −1
in the confusion matrix, NaN in the points of plot_decision_boundary,
``xlim=1`` in plot_trajectories, and show_model without Graphviz (also when
``keras.utils.plot_model`` prints an English notice and returns None, as it does
in a notebook after ``%who``).
"""

import sys

import numpy as np

from helpers import plots
from tests.bad_input_cases import Bad

HISTORY = {"loss": [0.9, 0.5, 0.3], "val_loss": [1.0, 0.7, 0.6], "accuracy": [0.6, 0.8, 0.9]}
IMAGES = np.zeros((3, 28, 28), dtype="uint8")
NAMES = ["ноль", "один", "два"]
POINTS = np.array([[0.0, 1.0], [1.0, 2.5], [0.5, 3.0], [2.0, 0.5], [3.0, 1.0], [2.5, 0.0]])
LABELS = np.array([0, 0, 0, 1, 1, 1])


def bowl(x, y):
    return x**2 + y**2


def probability(points):
    return 1.0 / (1.0 + np.exp(-4.0 * (points[:, 0] + points[:, 1] - 3.0)))


def tiny_model():
    import keras

    return keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2)])


def without_dot(env):
    env.monkeypatch.setenv("PATH", str(env.tmp_path))  # no `dot` program anywhere on PATH
    return plots.show_model(tiny_model())


def without_pydot(env):
    env.monkeypatch.setitem(sys.modules, "pydot", None)  # `import pydot` raises ImportError
    return plots.show_model(tiny_model())


def plot_model_returns_none(env):
    import keras

    def notice_only(*args, **kwargs):  # what Keras does in a notebook once %who has run
        print("You must install graphviz (see instructions at https://graphviz.gitlab.io/download/)")

    env.monkeypatch.setattr(keras.utils, "plot_model", notice_only)
    return plots.show_model(tiny_model())


def used_optimizer(env):
    import keras

    optimizer = keras.optimizers.SGD(learning_rate=0.1)
    plots.optimizer_path(bowl, (1.0, 1.0), optimizer, steps=1)
    return plots.optimizer_path(bowl, (1.0, 1.0), optimizer, steps=1)


def optimizer_class(env):
    import keras

    return plots.optimizer_path(bowl, (1.0, 1.0), keras.optimizers.Adam, steps=3)


def axes_array(env):
    import matplotlib.pyplot as plt

    _, axes = plt.subplots(1, 2)
    return plots.plot_trajectories(bowl, {}, (-1, 1), (-1, 1), ax=axes)


GRAPHVIZ_HINT = ("Схему модели нарисовать не получилось", "pip install pydot", "apt install graphviz",
                 "Total params")

CASES = [
    # plot_history
    Bad("plots.plot_history", "empty metrics list",
        lambda env: plots.plot_history(HISTORY, metrics=[]),
        says=("«metrics»", "хотя бы одну метрику", "metrics=['loss']")),
    Bad("plots.plot_history", "metric name with a typo",
        lambda env: plots.plot_history(HISTORY, metrics="los"),
        says=("«metrics»", "нет метрики «los»", "выберите из loss, val_loss, accuracy")),
    Bad("plots.plot_history", "a list of numbers instead of a history",
        lambda env: plots.plot_history([0.9, 0.5]),
        says=("«history»", "список из 2 элементов", "history = model.fit(...)")),
    Bad("plots.plot_history", "an empty history",
        lambda env: plots.plot_history({}),
        says=("«history»", "история пуста", "epochs=1")),
    Bad("plots.plot_history", "the model instead of its history",
        lambda env: plots.plot_history(tiny_model()),
        says=("«history»", "модель Keras Sequential", "это сама модель")),
    Bad("plots.plot_history", "metrics as a number",
        lambda env: plots.plot_history(HISTORY, metrics=1),
        says=("«metrics»", "число 1", "список строк")),
    Bad("plots.plot_history", "validation curve of another length",
        lambda env: plots.plot_history({"loss": [0.9, 0.5], "val_loss": [1.0]}),
        says=("«history»", "значений в «loss»: 2, а в «val_loss»: 1", "не меняя её")),
    # show_images
    Bad("plots.show_images", "one 16×16 picture instead of a batch",
        lambda env: plots.show_images(np.random.default_rng(0).random((16, 16))),
        says=("«images»", "(16, 16)", "одна картинка 16×16", "images[None]")),
    Bad("plots.show_images", "one 28×28 picture instead of a batch",
        lambda env: plots.show_images(np.zeros((28, 28))),
        says=("«images»", "одна картинка 28×28", "images[None]")),
    Bad("plots.show_images", "one-hot labels",
        lambda env: plots.show_images(IMAGES, np.eye(3), class_names=NAMES),
        says=("«labels»", "(3, 3)", "one-hot", "argmax(axis=1)")),
    Bad("plots.show_images", "fractional float labels",
        lambda env: plots.show_images(IMAGES, np.array([0.2, 1.7, 0.9]), class_names=NAMES),
        says=("«labels»", "float64", "argmax")),
    Bad("plots.show_images", "a label as large as len(class_names)",
        lambda env: plots.show_images(IMAGES, [0, 1, 3], class_names=NAMES),
        says=("«labels»", "до 2, а встретилось 3", "class_names")),
    Bad("plots.show_images", "fewer labels than images",
        lambda env: plots.show_images(IMAGES, [0, 1]),
        says=("«labels»", "картинок 3, а подписей 2", "y[:10]")),
    Bad("plots.show_images", "colour pictures",
        lambda env: plots.show_images(np.zeros((2, 8, 8, 3))),
        says=("«images»", "(2, 8, 8, 3)", "цветные", "images[..., 0]")),
    Bad("plots.show_images", "the whole training set",
        lambda env: plots.show_images(np.zeros((1000, 4, 4), dtype="uint8")),
        says=("«images»", "не больше 300", "images[:30]")),
    Bad("plots.show_images", "class_names as one string",
        lambda env: plots.show_images(IMAGES, [0, 1, 2], class_names="цифры"),
        says=("«class_names»", "строка — это не список")),
    Bad("plots.show_images", "ncols zero",
        lambda env: plots.show_images(IMAGES, ncols=0),
        says=("«ncols»", "≥ 1")),
    # show_model: without Graphviz it prints one Russian hint and the layer table
    Bad("plots.show_model", "no dot program on PATH", without_dot, says=GRAPHVIZ_HINT, printed=True),
    Bad("plots.show_model", "pydot not importable", without_pydot, says=GRAPHVIZ_HINT, printed=True),
    Bad("plots.show_model", "plot_model prints a notice and returns None (after %who)",
        plot_model_returns_none, says=GRAPHVIZ_HINT, printed=True),
    Bad("plots.show_model", "not a Keras model",
        lambda env: plots.show_model(np.zeros((3, 2))),
        says=("«model»", "массив NumPy формы (3, 2)", "keras.Sequential")),
    Bad("plots.show_model", "a Sequential without keras.Input",
        lambda env: plots.show_model(__import__("keras").Sequential([__import__("keras").layers.Dense(2)])),
        says=("«model»", "ещё не построена", "keras.Input(shape=")),
    Bad("plots.show_model", "a layer instead of a model",
        lambda env: plots.show_model(__import__("keras").layers.Dense(2)),
        says=("«model»", "слой Keras Dense", "keras.Sequential")),
    Bad("plots.show_model", "show_shapes as a string",
        lambda env: plots.show_model(tiny_model(), show_shapes="да"),
        says=("«show_shapes»", "True или False")),
    # plot_confusion_matrix
    Bad("plots.plot_confusion_matrix", "label -1",
        lambda env: plots.plot_confusion_matrix([0, 1, -1], [0, 1, 1]),
        says=("«y_true»", "встретилось -1", "нумеруются с 0")),
    Bad("plots.plot_confusion_matrix", "one-hot predictions",
        lambda env: plots.plot_confusion_matrix([0, 1, 2], np.eye(3)),
        says=("«y_pred»", "(3, 3)", "argmax(axis=1)")),
    Bad("plots.plot_confusion_matrix", "float probabilities",
        lambda env: plots.plot_confusion_matrix([0, 1, 2], [0.1, 0.8, 0.6]),
        says=("«y_pred»", "float64", "argmax")),
    Bad("plots.plot_confusion_matrix", "a label equal to the number of classes",
        lambda env: plots.plot_confusion_matrix([0, 1, 3], [0, 1, 2], NAMES),
        says=("«y_true»", "до 2, а встретилось 3", "class_names")),
    Bad("plots.plot_confusion_matrix", "different lengths",
        lambda env: plots.plot_confusion_matrix([0, 1], [0, 1, 1]),
        says=("«y_pred»", "ответов 2, а предсказаний 3", "argmax(axis=1)")),
    Bad("plots.plot_confusion_matrix", "class_names as one string",
        lambda env: plots.plot_confusion_matrix([0, 1], [0, 1], class_names="ab"),
        says=("«class_names»", "строка — это не список")),
    Bad("plots.plot_confusion_matrix", "labels as text",
        lambda env: plots.plot_confusion_matrix("012", [0, 1, 2]),
        says=("«y_true»", "строка '012'", "массив NumPy")),
    # make_optimizer
    Bad("plots.make_optimizer", "unknown name",
        lambda env: plots.make_optimizer("Adamax", 0.1),
        says=("«name»", "строка 'Adamax'", "SGD, Momentum, Nesterov, Adagrad, RMSprop, Adam")),
    Bad("plots.make_optimizer", "the Keras class instead of a name",
        lambda env: plots.make_optimizer(__import__("keras").optimizers.Adam, 0.1),
        says=("«name»", "класс Adam", "name='Adam'")),
    Bad("plots.make_optimizer", "learning rate in quotes",
        lambda env: plots.make_optimizer("Adam", "0.1"),
        says=("«learning_rate»", "уберите кавычки")),
    Bad("plots.make_optimizer", "negative learning rate",
        lambda env: plots.make_optimizer("SGD", -0.1),
        says=("«learning_rate»", "> 0", "диапазона")),
    Bad("plots.make_optimizer", "NaN learning rate",
        lambda env: plots.make_optimizer("SGD", float("nan")),
        says=("«learning_rate»", "конечное число")),
    # optimizer_path
    Bad("plots.optimizer_path", "loss written with NumPy",
        lambda env: plots.optimizer_path(lambda x, y: np.cos(x) + y**2, (1.0, 1.0), "SGD", steps=2),
        says=("«loss_fn»", "keras.ops", "np.cos")),
    Bad("plots.optimizer_path", "loss of one argument",
        lambda env: plots.optimizer_path(lambda w: w**2, (1.0, 1.0), "SGD", steps=2),
        says=("«loss_fn»", "двух аргументов (x, y)", "lambda x, y: x**2 + y**2")),
    Bad("plots.optimizer_path", "three numbers as the start",
        lambda env: plots.optimizer_path(bowl, (1.0, 2.0, 3.0), "SGD", steps=2),
        says=("«start»", "двух чисел", "start=(x, y)")),
    Bad("plots.optimizer_path", "NaN in the start",
        lambda env: plots.optimizer_path(bowl, (np.nan, 2.0), "SGD", steps=2),
        says=("«start»", "без NaN", "np.isnan")),
    Bad("plots.optimizer_path", "negative steps",
        lambda env: plots.optimizer_path(bowl, (1.0, 1.0), "SGD", steps=-1),
        says=("«steps»", "≥ 0")),
    Bad("plots.optimizer_path", "fractional steps",
        lambda env: plots.optimizer_path(bowl, (1.0, 1.0), "SGD", steps=2.5),
        says=("«steps»", "целое число")),
    Bad("plots.optimizer_path", "unknown optimizer name",
        lambda env: plots.optimizer_path(bowl, (1.0, 1.0), "Adamax", steps=2),
        says=("«optimizer»", "Adamax", "RMSprop")),
    Bad("plots.optimizer_path", "the optimizer class, not an object", optimizer_class,
        says=("«optimizer»", "класс Adam", "keras.optimizers.Adam(learning_rate=0.1)")),
    Bad("plots.optimizer_path", "one optimizer for two paths", used_optimizer,
        says=("«optimizer»", "уже шагал", "создайте новый")),
    # plot_trajectories
    Bad("plots.plot_trajectories", "xlim as one number",
        lambda env: plots.plot_trajectories(bowl, {}, xlim=1, ylim=(-1, 1)),
        says=("«xlim»", "число 1", "пара чисел", "xlim=(-3, 3)")),
    Bad("plots.plot_trajectories", "ylim in the wrong order",
        lambda env: plots.plot_trajectories(bowl, {}, (-1, 1), (2, -2)),
        says=("«ylim»", "сначала меньшее", "ylim=(-2, 2)")),
    Bad("plots.plot_trajectories", "a list of paths",
        lambda env: plots.plot_trajectories(bowl, [np.zeros((3, 2))], (-1, 1), (-1, 1)),
        says=("«paths»", "словарь", "{'SGD': path}")),
    Bad("plots.plot_trajectories", "a path with three columns",
        lambda env: plots.plot_trajectories(bowl, {"SGD": np.zeros((3, 3))}, (-1, 1), (-1, 1)),
        says=("«paths['SGD']»", "форму (n, 2)", "optimizer_path")),
    Bad("plots.plot_trajectories", "a loss that sums over the grid",
        lambda env: plots.plot_trajectories(lambda x, y: np.sum(x**2 + y**2), {}, (-1, 1), (-1, 1)),
        says=("«loss_fn»", "поэлементная", "без суммирования")),
    Bad("plots.plot_trajectories", "ax is the array of panels", axes_array,
        says=("«ax»", "axes[0]")),
    # draw_network
    Bad("plots.draw_network", "one layer only",
        lambda env: plots.draw_network([3]),
        says=("«layer_sizes»", "число нейронов в каждом слое", "[2, 3, 1]")),
    Bad("plots.draw_network", "a fractional size",
        lambda env: plots.draw_network([2, 1.5]),
        says=("«layer_sizes»", "1.5 — не целое число")),
    Bad("plots.draw_network", "sizes as a string",
        lambda env: plots.draw_network("231"),
        says=("«layer_sizes»", "квадратных скобках")),
    Bad("plots.draw_network", "a zero layer",
        lambda env: plots.draw_network([2, 0, 1]),
        says=("«layer_sizes»", "хотя бы один нейрон")),
    Bad("plots.draw_network", "the MNIST network, too big to draw",
        lambda env: plots.draw_network([784, 128, 10]),
        says=("«layer_sizes»", "не больше 30", "слой размером 784", "уменьшенную схему")),
    Bad("plots.draw_network", "captions for two of three layers",
        lambda env: plots.draw_network([2, 3, 1], layer_names=["вход", "выход"]),
        says=("«layer_names»", "одна подпись на каждый из 3")),
    # plot_decision_boundary
    Bad("plots.plot_decision_boundary", "NaN in x",
        lambda env: plots.plot_decision_boundary(probability, np.where(POINTS == 3.0, np.nan, POINTS), LABELS),
        says=("«x»", "без NaN", "np.isnan(x).sum()")),
    Bad("plots.plot_decision_boundary", "three features",
        lambda env: plots.plot_decision_boundary(probability, np.zeros((6, 3)), LABELS),
        says=("«x»", "(6, 3)", "форму (n, 2)")),
    Bad("plots.plot_decision_boundary", "labels 0, 1, 2",
        lambda env: plots.plot_decision_boundary(probability, POINTS, [0, 1, 2, 0, 1, 1]),
        says=("«y»", "0 или 1", "встретились [2]")),
    Bad("plots.plot_decision_boundary", "fewer labels than points",
        lambda env: plots.plot_decision_boundary(probability, POINTS, LABELS[:4]),
        says=("«y»", "меток y 4, а точек 6", "одним срезом")),
    Bad("plots.plot_decision_boundary", "a model that returns logits",
        lambda env: plots.plot_decision_boundary(lambda p: 4.0 * (p[:, 0] - p[:, 1]), POINTS, LABELS),
        says=("«predict»", "логиты", "activation='sigmoid'")),
    Bad("plots.plot_decision_boundary", "predict is a string",
        lambda env: plots.plot_decision_boundary("model", POINTS, LABELS),
        says=("«predict»", "строка 'model'", "саму модель")),
    Bad("plots.plot_decision_boundary", "resolution 1",
        lambda env: plots.plot_decision_boundary(probability, POINTS, LABELS, resolution=1),
        says=("«resolution»", "от 2 до 1000")),
    Bad("plots.plot_decision_boundary", "xlim with equal ends",
        lambda env: plots.plot_decision_boundary(probability, POINTS, LABELS, xlim=(5, 5)),
        says=("«xlim»", "границы совпадают")),
    # compare_histories
    Bad("plots.compare_histories", "a list of histories",
        lambda env: plots.compare_histories([HISTORY]),
        says=("«histories»", "список из 1 элемента", "{'база': history_base")),
    Bad("plots.compare_histories", "an empty dict",
        lambda env: plots.compare_histories({}),
        says=("«histories»", "словарь пуст")),
    Bad("plots.compare_histories", "a run without validation",
        lambda env: plots.compare_histories({"без проверки": {"accuracy": [0.5]}}),
        says=("«histories['без проверки']»", "нет метрики val_accuracy", "validation_split")),
    Bad("plots.compare_histories", "metric as a list",
        lambda env: plots.compare_histories({"a": HISTORY}, metric=["loss"]),
        says=("«metric»", "metric='accuracy'")),
    Bad("plots.compare_histories", "a run that is a number",
        lambda env: plots.compare_histories({"a": 0.9}, metric="loss"),
        says=("«histories['a']»", "число 0.9", "model.fit(...)")),
]
