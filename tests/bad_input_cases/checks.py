"""Bad inputs for helpers.checks: ids, task lists, and the validators the tasks share.

A validator's answer to a bad value is ``Wrong`` (❌ inside ``hw.check``), a
course error; ``hw.check`` and ``hw.hint`` print instead of raising, and
``hw.verdict`` returns the line.
"""

import keras
import numpy as np

from helpers import checks
from tests.bad_input_cases import Bad


def tiny_model(compiled=True, built=True):
    layers = [keras.layers.Dense(2, activation="softmax")]
    model = keras.Sequential(([keras.Input(shape=(3,))] if built else []) + layers)
    if compiled:
        model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    return model


def hw01():
    return checks.homework("hw01")


def a_check(answer):
    return None


def task_list():
    return checks.TaskList("hw98", "Проба")


def register_twice(env):
    tasks = task_list()
    tasks.task("1", "Первое", lesson="01_neural_networks_basics", hint="…")(a_check)
    return tasks.task("1", "Снова первое", lesson="01_neural_networks_basics", hint="…")


def failing(x):
    raise ZeroDivisionError("division by zero")


X = np.zeros((4, 3), dtype="float32")

CASES = [
    Bad("checks.homework", "unknown id", lambda env: checks.homework("hw99"), ("hw99", "hw01", 'checks.homework("hw01")')),
    Bad("checks.homework", "a number", lambda env: checks.homework(1), ("1", "Есть")),
    Bad("checks.homework", "upper case", lambda env: checks.homework("HW01"), ("HW01", "hw01")),
    Bad("checks.Homework", "not a task list", lambda env: checks.Homework("hw01"), ("«tasks»", 'checks.homework("hw01")')),
    Bad("checks.Homework", "None", lambda env: checks.Homework(None), ("«tasks»",)),
    Bad("checks.Homework", "a dict of tasks", lambda env: checks.Homework({}), ("«tasks»", "TaskList")),
    Bad("checks.Homework.check", "unknown task", lambda env: hw01().check(99, 1.0), ("нет задания «99»", "Есть задания"), printed=True),
    Bad("checks.Homework.check", "too many answers", lambda env: hw01().check(1, 1.0, 2.0, 3.0), ("проверка ждёт",), printed=True),
    Bad("checks.Homework.check", "placeholder", lambda env: hw01().check(1, ...), ("ещё не сделано",), printed=True),
    Bad("checks.Homework.check", "nothing passed", lambda env: hw01().check(1), ("ответ не передан",), printed=True),
    Bad("checks.Homework.verdict", "unknown task", lambda env: hw01().verdict("0", 1), ("нет задания",), returned=True),
    Bad("checks.Homework.verdict", "a string for a function", lambda env: hw01().verdict(1, "sigmoid"), ("функция",), returned=True),
    Bad("checks.Homework.verdict", "None", lambda env: hw01().verdict(1, None), ("ещё не сделано",), returned=True),
    Bad("checks.Homework.hint", "unknown task", lambda env: hw01().hint(42), ("нет задания «42»",), printed=True),
    Bad("checks.Homework.hint", "None", lambda env: hw01().hint(None), ("нет задания «None»",), printed=True),
    Bad("checks.Homework.hint", "a list", lambda env: hw01().hint([1]), ("Пример: hw.check(1, ответ)",), printed=True),
    Bad("checks.Task", "check not callable", lambda env: checks.Task("1", "t", "01_neural_networks_basics", "h", "f"), ("«check»", "без скобок")),
    Bad("checks.Task", "empty title", lambda env: checks.Task("1", "", "01_neural_networks_basics", "h", a_check), ("«title»",)),
    Bad("checks.Task", "lesson not a notebook name", lambda env: checks.Task("1", "t", "урок 1", "h", a_check), ("«lesson»", "без .ipynb")),
    Bad("checks.TaskList", "bad id", lambda env: checks.TaskList("homework1", "t"), ("«homework_id»", "hw01")),
    Bad("checks.TaskList", "no title", lambda env: checks.TaskList("hw01", None), ("«title»",)),
    Bad("checks.TaskList", "after as numbers", lambda env: checks.TaskList("hw01", "t", after=[7, 8]), ("«after»", "'07'")),
    Bad("checks.TaskList.task", "a taken id", register_twice, ("«task_id»", "заняты: 1")),
    Bad("checks.TaskList.task", "a float id", lambda env: task_list().task(1.5, "t", lesson="01_neural_networks_basics", hint="h"), ("«task_id»",)),
    Bad("checks.TaskList.task", "lesson missing its number", lambda env: task_list().task("1", "t", lesson="basics", hint="h"), ("«lesson»",)),
    Bad("checks.require_done", "None", lambda env: checks.require_done(None, "sigmoid(0)"), ("sigmoid(0)", "return")),
    Bad("checks.require_done", "Ellipsis", lambda env: checks.require_done(..., "ответ"), ("ответ", "не сделано")),
    Bad("checks.require_done", "a function that returns nothing", lambda env: checks.require_done(print(end=""), "f(1)"), ("f(1)",)),
    Bad("checks.require_number", "a string", lambda env: checks.require_number("0.5", "ответ"), ("ответ", "число", "str")),
    Bad("checks.require_number", "True", lambda env: checks.require_number(True, "ответ"), ("логическое",)),
    Bad("checks.require_number", "NaN", lambda env: checks.require_number(float("nan"), "ответ"), ("не конечное",)),
    Bad("checks.require_number", "float for an int", lambda env: checks.require_number(3.0, "n", integer=True), ("целое",)),
    Bad("checks.require_array", "a list", lambda env: checks.require_array([1.0], "w"), ("w", "np.array")),
    Bad("checks.require_array", "wrong shape", lambda env: checks.require_array(np.zeros(3), "w", shape=(3, 1)), ("форма (3,)",)),
    Bad("checks.require_array", "ints for floats", lambda env: checks.require_array(np.zeros(3, dtype=int), "w"), ("тип элементов",)),
    Bad("checks.require_array", "NaN", lambda env: checks.require_array(np.array([np.nan]), "w"), ("NaN",)),
    Bad("checks.require_close", "off", lambda env: checks.require_close(0.5, 0.6, "σ(0)"), ("σ(0)", "неверно", "допуск")),
    Bad("checks.require_close", "a string", lambda env: checks.require_close("0.5", 0.5, "σ(0)"), ("σ(0)", "число")),
    Bad("checks.require_close", "wrong shape", lambda env: checks.require_close(np.zeros(3), np.zeros(4), "w"), ("форма (3,)",)),
    Bad("checks.require_close", "NaN", lambda env: checks.require_close(np.array([np.nan, 1.0]), np.ones(2), "w"), ("NaN",)),
    Bad("checks.require_callable", "a number", lambda env: checks.require_callable(0.5, "sigmoid"), ("sigmoid", "без скобок")),
    Bad("checks.require_callable", "None", lambda env: checks.require_callable(None, "f"), ("NoneType",)),
    Bad("checks.require_callable", "a string", lambda env: checks.require_callable("relu", "f"), ("str",)),
    Bad("checks.call_student", "raises", lambda env: checks.call_student(failing, 1, what="f(1)"), ("f(1)", "ZeroDivisionError"), chained=True),
    Bad("checks.call_student", "not callable", lambda env: checks.call_student(3, 1, what="f(1)"), ("f(1)", "нужна функция")),
    Bad("checks.call_student", "wrong arity", lambda env: checks.call_student(failing, 1, 2, what="f(1, 2)"), ("TypeError",), chained=True),
    Bad("checks.require_choice", "not an option", lambda env: checks.require_choice("adamw", "оптимизатор", ["sgd", "adam"]), ("sgd, adam",)),
    Bad("checks.require_choice", "a number", lambda env: checks.require_choice(1, "ответ", ["a", "b"]), ("строка",)),
    Bad("checks.require_choice", "None", lambda env: checks.require_choice(None, "ответ", ["a"]), ("NoneType",)),
    Bad("checks.require_model", "a function", lambda env: checks.require_model(tiny_model), ("function", "keras.Model")),
    Bad("checks.require_model", "not built", lambda env: checks.require_model(tiny_model(built=False)), ("keras.Input",)),
    Bad("checks.require_model", "the class", lambda env: checks.require_model(keras.Sequential), ("это класс",)),
    Bad("checks.input_shape", "a layer", lambda env: checks.input_shape(keras.layers.Dense(3)), ("keras.Model",)),
    Bad("checks.input_shape", "not built", lambda env: checks.input_shape(tiny_model(built=False)), ("keras.Input",)),
    Bad("checks.input_shape", "None", lambda env: checks.input_shape(None), ("NoneType",)),
    Bad("checks.layers_of", "kind as a string", lambda env: checks.layers_of(tiny_model(), "Dense"), ("«kind»", "без кавычек")),
    Bad("checks.layers_of", "kind as an instance", lambda env: checks.layers_of(tiny_model(), keras.layers.Dense(2)), ("«kind»",)),
    Bad("checks.layers_of", "model as a list", lambda env: checks.layers_of([], keras.layers.Dense), ("keras.Model",)),
    Bad("checks.activation_name", "a model", lambda env: checks.activation_name(tiny_model()), ("слой Keras",)),
    Bad("checks.activation_name", "a string", lambda env: checks.activation_name("relu"), ("слой", "str")),
    Bad("checks.activation_name", "the class", lambda env: checks.activation_name(keras.layers.Dense), ("слой",)),
    Bad("checks.require_softmax_classifier", "a function", lambda env: checks.require_softmax_classifier(len), ("keras.Model",)),
    Bad("checks.require_softmax_classifier", "linear output", lambda env: checks.require_softmax_classifier(keras.Sequential([keras.Input((3,)), keras.layers.Dense(4, activation="relu"), keras.layers.Dense(2)])), ("softmax",)),
    Bad("checks.require_softmax_classifier", "no hidden non-linearity", lambda env: checks.require_softmax_classifier(keras.Sequential([keras.Input((3,)), keras.layers.Dense(4), keras.layers.Dense(2, activation="softmax")])), ("нелинейной",)),
    Bad("checks.require_compiled", "not compiled", lambda env: checks.require_compiled(tiny_model(compiled=False)), ("compile",)),
    Bad("checks.require_compiled", "a dict", lambda env: checks.require_compiled({}), ("dict",)),
    Bad("checks.require_compiled", "None", lambda env: checks.require_compiled(None), ("NoneType",)),
    Bad("checks.loss_name", "not compiled", lambda env: checks.loss_name(tiny_model(compiled=False)), ("compile",)),
    Bad("checks.loss_name", "a string", lambda env: checks.loss_name("mse"), ("keras.Model",)),
    Bad("checks.loss_name", "a loss object", lambda env: checks.loss_name(keras.losses.MeanSquaredError()), ("keras.Model",)),
    Bad("checks.loss_from_logits", "not compiled", lambda env: checks.loss_from_logits(tiny_model(compiled=False)), ("compile",)),
    Bad("checks.loss_from_logits", "a loss object", lambda env: checks.loss_from_logits(keras.losses.SparseCategoricalCrossentropy(from_logits=True)), ("keras.Model",)),
    Bad("checks.loss_from_logits", "None", lambda env: checks.loss_from_logits(None), ("NoneType",)),
    Bad("checks.model_layers", "a list of layers", lambda env: checks.model_layers([keras.layers.Dense(2)]), ("list",)),
    Bad("checks.model_layers", "None", lambda env: checks.model_layers(None), ("NoneType",)),
    Bad("checks.model_layers", "a layer", lambda env: checks.model_layers(keras.layers.Dense(2)), ("Dense",)),
    Bad("checks.epochs_trained", "a history", lambda env: checks.epochs_trained({"loss": [1.0]}), ("dict",)),
    Bad("checks.epochs_trained", "None", lambda env: checks.epochs_trained(None), ("NoneType",)),
    Bad("checks.epochs_trained", "an optimizer", lambda env: checks.epochs_trained(keras.optimizers.SGD()), ("SGD",)),
    Bad("checks.accuracy_on", "one-hot y", lambda env: checks.accuracy_on(tiny_model(), X, np.eye(2)[[0, 1, 0, 1]]), ("«y»", "argmax")),
    Bad("checks.accuracy_on", "y too short", lambda env: checks.accuracy_on(tiny_model(), X, np.zeros(3, dtype=int)), ("«y»", "по одной метке")),
    Bad("checks.accuracy_on", "batch_size zero", lambda env: checks.accuracy_on(tiny_model(), X, np.zeros(4, dtype=int), batch_size=0), ("«batch_size»",)),
    Bad("checks.accuracy_on", "not a model", lambda env: checks.accuracy_on("model", X, np.zeros(4, dtype=int)), ("keras.Model",)),
    Bad("checks.require_trained_classifier", "untrained", lambda env: checks.require_trained_classifier(tiny_model(), X, np.zeros(4, dtype=int), 0.5, 3), ("не обучалась", "model.fit")),
    Bad("checks.require_trained_classifier", "threshold in percent", lambda env: checks.require_trained_classifier(tiny_model(), X, np.zeros(4, dtype=int), 88, 10), ("«threshold»",)),
    Bad("checks.require_trained_classifier", "max_epochs zero", lambda env: checks.require_trained_classifier(tiny_model(), X, np.zeros(4, dtype=int), 0.5, 0), ("«max_epochs»",)),
]
