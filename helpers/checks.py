"""Homework self-checks: one call per task, one Russian line, a bool.

Introduced in the homework notebooks (notebooks/homework/hw01_… and later).
A homework notebook starts with::

    from helpers import checks
    hw = checks.homework("hw01")

and after each task::

    hw.check(1, my_answer)   # prints ✅ / ❌ / ⏳ / ⚠️ and returns True only for ✅
    hw.hint(1)               # prints a hint for the task

The four verdicts:

- ✅ the answer is right (printed only when every step of the check ran);
- ❌ what is wrong, naming the property (type, shape, dtype, a value out of
  tolerance, a layer, the loss, accuracy below the threshold), never the
  expected value;
- ⏳ not done yet: the answer is the placeholder ``...`` or ``None``;
- ⚠️ the check itself could not run, with the exception's text.

The tasks of each homework live in ``helpers/homework/hwNN.py``; this module
holds the verdicts and the validators they share. Only NumPy is imported
here; Keras is imported inside the validators that need it. No check uses
``assert`` (it vanishes under ``python -O``): a failed step raises ``Wrong``.
"""

import importlib
import inspect
import math
import numbers
import pkgutil
import re
from dataclasses import dataclass

import numpy as np

from helpers.errors import (
    CourseTypeError,
    CourseValueError,
    check_array,
    check_int,
    check_labels,
    check_number,
    course_error,
)
from helpers.russian import plural

OK, WRONG, TODO, BROKEN = "✅", "❌", "⏳", "⚠️"


class CheckError(CourseValueError):
    """A homework or task id that does not exist; the message lists the valid ones.

    Introduced in the homework notebooks (hw01_…).
    """


class Wrong(CourseValueError):
    """Raised by a task's check: the answer is wrong; the message says what, in Russian.

    Introduced in the homework notebooks (hw01_…). Never carries the expected value.
    A course error: called outside ``hw.check`` a validator raises it as a ``ValueError``.
    """


class NotDone(CourseValueError):
    """Raised by a task's check: the answer is still a placeholder (``...`` or ``None``).

    Introduced in the homework notebooks (hw01_…).
    """


@dataclass
class Task:
    """One homework task: its id, title, the lesson that taught it, a hint and its check.

    Introduced in the homework notebooks (hw01_…). ``check(*answer, **options)``
    returns a short Russian success note (or ``None``) and raises ``Wrong`` or
    ``NotDone``; anything else it raises is reported as ⚠️.
    """

    id: str
    title: str
    lesson: str
    hint: str
    check: object

    def __post_init__(self):
        for name in ("id", "title", "lesson", "hint"):
            value = getattr(self, name)
            if not isinstance(value, str) or not value.strip():
                raise course_error("Task", name, value, "непустая строка",
                                   'впишите текст, например lesson="01_neural_networks_basics".',
                                   CourseTypeError)
        if not re.fullmatch(r"\d\d_\w+", self.lesson):
            raise course_error("Task", "lesson", self.lesson,
                               "имя блокнота урока вида 01_neural_networks_basics",
                               "передайте имя файла урока без .ipynb.")
        if not callable(self.check):
            raise course_error("Task", "check", self.check, "функция проверки",
                               "передайте саму функцию (без скобок).", CourseTypeError)


class TaskList:
    """The tasks of one homework, registered with the ``task`` decorator.

    Introduced in the homework notebooks (hw01_…). Raises ``CourseValueError``/``CourseTypeError``
    for an id that is not "hwNN"/"projectNN", an empty title or an ``after`` that is not a list
    of lesson numbers. In ``helpers/homework/hw01.py``::

        TASKS = TaskList("hw01", "Функции активации и обратное распространение")

        @TASKS.task("1", "Производная сигмоиды", lesson="01_neural_networks_basics",
                    hint="σ'(z) = σ(z)·(1 − σ(z)).")
        def sigmoid_derivative(answer):
            ...
    """

    def __init__(self, homework_id, title, after=None):
        if not isinstance(homework_id, str) or not re.fullmatch(r"(hw\d\d|project\d\d)", homework_id):
            raise course_error("TaskList", "homework_id", homework_id, 'строка вида "hw01" или "project12"',
                               "назовите список так же, как его модуль в helpers/homework/.")
        if not isinstance(title, str) or not title.strip():
            raise course_error("TaskList", "title", title, "непустая строка — название задания",
                               'например TaskList("hw01", "Функции активации").', CourseTypeError)
        if after is not None and (
            not isinstance(after, list | tuple)
            or not all(isinstance(n, str) and re.fullmatch(r"\d\d", n) for n in after)
        ):
            raise course_error("TaskList", "after", after,
                               "список номеров уроков строками, например ['07', '08']",
                               "передайте номера двумя цифрами в кавычках.")
        self.homework_id = homework_id
        self.title = title
        self._after = after
        self.tasks = {}

    @property
    def after(self):
        """Numbers of the lessons the homework follows, e.g. ['07', '08', '09'].

        Given explicitly, or else the lessons its tasks name.
        """
        if self._after:
            return list(self._after)
        return sorted({task.lesson[:2] for task in self.tasks.values()})

    def task(self, task_id, title, lesson, hint):
        """Decorator that registers a check function as task ``task_id`` (a str or int, unique).

        Raises ``CourseValueError`` for a task id already taken or empty, and
        the errors of ``Task`` for a bad title, lesson, hint or check.
        """
        if isinstance(task_id, bool) or not isinstance(task_id, str | int) or not str(task_id).strip():
            raise course_error("TaskList.task", "task_id", task_id, 'номер задания: "1", "2" …',
                               'передайте номер строкой или целым числом, например "3".', CourseTypeError)
        if str(task_id) in self.tasks:
            raise course_error("TaskList.task", "task_id", task_id, "номер, которого ещё нет в списке",
                               f"возьмите следующий свободный номер (заняты: {', '.join(self.tasks)}).")
        Task(str(task_id), title, lesson, hint, lambda: None)  # validates the texts before decorating

        def register(check):
            self.tasks[str(task_id)] = Task(str(task_id), title, lesson, hint, check)
            return check

        return register


def homework_ids():
    """Ids of the task lists that exist: homework ['hw01', …] and lesson projects. Introduced in hw01_….

    Takes no argument and raises no error (a list of str, sorted).
    """
    from helpers import homework as package

    names = (info.name for info in pkgutil.iter_modules(package.__path__))
    return sorted(name for name in names if not name.startswith("_"))


def homework(homework_id):
    """The checker of one homework: ``hw = checks.homework("hw01")``. Introduced in hw01_….

    Raises ``CheckError`` (a ``ValueError``) for an id that does not exist,
    listing the valid ids.
    """
    valid = homework_ids()
    if not isinstance(homework_id, str) or homework_id not in valid:
        raise CheckError(
            f"Домашнего задания {homework_id!r} нет. Есть: {', '.join(valid)}. "
            'Пример: hw = checks.homework("hw01").'
        )
    module = importlib.import_module(f"helpers.homework.{homework_id}")
    return Homework(module.TASKS)


class Homework:
    """Checks and hints of one homework; made by ``checks.homework(...)``. Introduced in hw01_….

    ``tasks`` is a ``TaskList``; anything else raises ``CourseTypeError``. ``check`` and
    ``hint`` never raise on a student's answer: they print ❌/⏳/⚠️ lines instead.
    """

    def __init__(self, tasks):
        if not isinstance(tasks, TaskList):
            raise course_error("Homework", "tasks", tasks, "TaskList из helpers/homework/",
                               'создавайте проверку так: hw = checks.homework("hw01").', CourseTypeError)
        self._tasks = tasks

    def __repr__(self):
        return f"<домашнее задание {self._tasks.homework_id}: задания {', '.join(self._tasks.tasks)}>"

    @property
    def tasks(self):
        """The ``Task`` objects of this homework, in order."""
        return list(self._tasks.tasks.values())

    @property
    def after(self):
        """Numbers of the lessons this homework follows, e.g. ['01', '02']."""
        return self._tasks.after

    @property
    def task_ids(self):
        """The task ids of this homework, as strings, in order."""
        return list(self._tasks.tasks)

    def check(self, task_id, *answer, **options):
        """Check one task's answer: print one line (✅/❌/⏳/⚠️) and return True only for ✅.

        ``answer`` is what the task asks for (an array, a number, a function,
        a model …), passed explicitly. An unknown ``task_id`` prints ⚠️ with
        the valid ids and returns False. Never raises (see ``verdict``).
        """
        symbol, message = self.verdict(task_id, *answer, **options)
        print(f"{symbol} {message}")
        return symbol == OK

    def verdict(self, task_id, *answer, **options):
        """(symbol, message) of a check, without printing: what ``check`` prints and the tests read.

        Never raises: an unknown task is ⚠️, a wrong answer or call ❌, a placeholder ⏳.
        """
        task = self._tasks.tasks.get(str(task_id))
        if task is None:
            return BROKEN, self._unknown(task_id)
        where = f"{self._tasks.homework_id}, задание {task.id}"
        if not answer and not options:
            return TODO, f"{where}: ответ не передан — вызовите hw.check({task.id}, ваш_ответ)."
        if any(_is_placeholder(part) for part in (*answer, *options.values())):
            return TODO, f"{where}: ещё не сделано — замените `...` своим ответом и запустите ячейку снова."
        try:
            inspect.signature(task.check).bind(*answer, **options)
        except TypeError:
            return WRONG, f"{where}: {_call_help(task, len(answer) + len(options))}"
        try:
            note = task.check(*answer, **options)
        except NotDone as reason:
            return TODO, f"{where}: {reason}"
        except Wrong as reason:
            return WRONG, f"{where}: {reason}"
        except Exception as error:  # the check itself failed: say so, never a false ✅/❌
            return BROKEN, f"{where}: проверка не смогла выполниться — {type(error).__name__}: {error}"
        return OK, f"{where}: верно!" + (f" {note}" if note else "")

    def hint(self, task_id):
        """Print the hint of one task (an unknown id prints ⚠️ and the valid ids; never raises)."""
        task = self._tasks.tasks.get(str(task_id))
        if task is None:
            print(f"{BROKEN} {self._unknown(task_id)}")
            return
        where = f"{self._tasks.homework_id}, задание {task.id} ({task.title}, урок {task.lesson[:2]})"
        print(f"💡 {where}: {task.hint}")

    def _unknown(self, task_id):
        return (
            f"в {self._tasks.homework_id} нет задания «{task_id}». "
            f"Есть задания: {', '.join(self._tasks.tasks)}. Пример: hw.check(1, ответ)."
        )


def _is_placeholder(value):
    return value is None or value is Ellipsis


def _call_help(task, given):
    """How to call a task's check, from the parameter names of its check function."""
    names = [
        p.name
        for p in inspect.signature(task.check).parameters.values()
        if p.default is inspect.Parameter.empty and p.kind is not inspect.Parameter.KEYWORD_ONLY
    ]
    return (
        f"проверка ждёт {len(names)} ответ(а) — hw.check({task.id}, {', '.join(names)}), "
        f"а передано {given}. Передайте ответы через запятую, по одному на аргумент."
    )


# Validators shared by the tasks. Each raises Wrong with a Russian message that
# names the property and never the expected value.


def require_done(value, what):
    """Return ``value``; raise ``NotDone`` (⏳) if it is a placeholder, ``...`` or ``None``.

    Introduced in hw01_…: a student's function whose body is still ``...``
    returns ``None``, so the result of calling it goes through this first.
    """
    if _is_placeholder(value):
        raise NotDone(
            f"{what} — пока `...` или None: задание ещё не сделано (или в функции забыт `return`)."
        )
    return value


def require_number(value, what, integer=False):
    """Return ``value`` as ``float`` (or ``int`` with ``integer=True``); raise ``Wrong`` otherwise.

    Introduced in hw01_…. A ``bool`` is not a number; with ``integer=True`` a
    float such as ``3.0`` is not an int either; NaN and ±inf are rejected.
    A 0-d NumPy array counts as a number.
    """
    if isinstance(value, bool | np.bool_):
        raise Wrong(f"{what}: ожидалось число, а пришло логическое значение {value!r}.")
    if integer:
        if not isinstance(value, numbers.Integral):
            raise Wrong(f"{what}: ожидалось целое число (int), а пришло {type(value).__name__}.")
        return int(value)
    if isinstance(value, np.ndarray) and value.shape == ():
        value = value.item()
    if not isinstance(value, numbers.Real):
        raise Wrong(f"{what}: ожидалось число, а пришло {type(value).__name__}.")
    value = float(value)
    if not math.isfinite(value):
        raise Wrong(f"{what}: получилось {value} — число не конечное (NaN или бесконечность).")
    return value


def require_array(value, what, shape=None, dtype_kind="f"):
    """Return ``value`` if it is a NumPy array of the right shape and dtype kind, all finite.

    Introduced in hw01_…. ``shape`` is a tuple that may hold ``None`` for any
    size along an axis; ``dtype_kind`` is ``"f"`` (any float) or ``"i"`` (any
    int). Checked in this order: type (a list or a TensorFlow tensor gets a ❌
    that says how to convert it), shape, dtype, finiteness (floats only).
    Raises ``Wrong`` naming the first property that fails.
    """
    if isinstance(value, list | tuple):
        kind = type(value).__name__
        raise Wrong(f"{what}: пришёл {kind}, а нужен массив NumPy — оберните в np.array(...).")
    if not isinstance(value, np.ndarray):
        raise Wrong(
            f"{what}: пришёл {type(value).__name__}, а нужен массив NumPy (np.ndarray)"
            " — для тензора вызовите .numpy() или np.asarray(...)."
        )
    if shape is not None:
        fits = value.ndim == len(shape) and all(
            want is None or got == want for got, want in zip(value.shape, shape, strict=True)
        )
        if not fits:
            raise Wrong(f"{what}: форма {value.shape} не подходит — перечитайте условие: какой формы ответ?")
    kinds = {"f": ("f",), "i": ("i", "u")}[dtype_kind]
    if value.dtype.kind not in kinds:
        name = {"f": "вещественный (float)", "i": "целый (int)"}[dtype_kind]
        raise Wrong(f"{what}: тип элементов {value.dtype}, а нужен {name}.")
    if dtype_kind == "f" and not np.all(np.isfinite(value)):
        raise Wrong(f"{what}: в массиве есть NaN или бесконечность.")
    return value


def require_close(actual, expected, what, rtol=1e-5, atol=1e-6):
    """Raise ``Wrong`` unless ``actual`` is close to ``expected`` (``np.allclose`` with ``rtol``, ``atol``).

    Introduced in hw01_…. The message states the tolerance and, for arrays,
    how many values are off — never the expected values themselves.
    """
    try:
        if isinstance(actual, str | bytes):
            raise TypeError("a string")
        actual = np.asarray(actual, dtype=float)
    except (TypeError, ValueError):
        raise Wrong(f"{what}: нужно число или массив чисел, а пришло {type(actual).__name__}.") from None
    if actual.shape != np.shape(expected) and actual.size != 1:
        raise Wrong(f"{what}: форма {actual.shape} не подходит — перечитайте условие: какой формы ответ?")
    if not np.all(np.isfinite(actual)):
        raise Wrong(f"{what}: есть NaN или бесконечность — вычисления разошлись.")
    if not np.allclose(actual, expected, rtol=rtol, atol=atol):
        tolerance = f"допуск: относительный {rtol:g}, абсолютный {atol:g}"
        if actual.ndim:
            bad = int(np.sum(~np.isclose(actual, expected, rtol=rtol, atol=atol)))
            raise Wrong(f"{what}: {bad} из {actual.size} значений неверны ({tolerance}).")
        raise Wrong(f"{what}: значение {actual.item():.6g} неверно ({tolerance}).")


def require_callable(value, what):
    """Return ``value`` if it is callable; raise ``Wrong`` (e.g. the student passed ``f()`` for ``f``).

    Introduced in hw01_…: function answers are called by the check on its own inputs.
    """
    if not callable(value):
        kind = type(value).__name__
        raise Wrong(f"{what}: нужна функция, а пришло {kind} — передайте имя функции без скобок.")
    return value


def call_student(function, *args, what):
    """Return ``function(*args)``; an exception raised by the student's code becomes ``Wrong`` (❌).

    Introduced in hw01_…. ``what`` names the call in the message, which keeps
    the exception's type and text, so the student sees why their code failed
    (the ``Wrong`` is chained to it, so a direct call shows the student's traceback).
    """
    require_callable(function, what)
    try:
        return function(*args)
    except Exception as error:
        raise Wrong(f"{what} упала с ошибкой {type(error).__name__}: {error}") from error


def require_choice(value, what, options):
    """Return ``value`` lower-cased and stripped if it is one of ``options``; raise ``Wrong`` otherwise.

    Introduced in hw03_…. The message lists the allowed options (they are part of the task).
    """
    if not isinstance(value, str):
        raise Wrong(f"{what}: нужна строка, а пришло {type(value).__name__}.")
    normal = value.strip().lower()
    if normal not in options:
        raise Wrong(f"{what}: {value!r} — не из списка вариантов: {', '.join(options)}.")
    return normal


# Keras models: inspected through public Keras 3 API only.


def require_model(model, what="модель"):
    """Return ``model`` if it is a ``keras.Model`` with known inputs; raise ``Wrong`` otherwise.

    Introduced in hw02_…. A ``Sequential`` started without ``keras.Input`` has
    no inputs until it is called; the message says to start it with ``keras.Input``.
    """
    _require_keras_model(model, what)
    try:
        inputs = model.inputs
    except (AttributeError, ValueError):
        inputs = None
    if not inputs:
        raise Wrong(f"{what} не построена: начните её с keras.Input(shape=...).")
    return model


def _require_keras_model(model, what="модель"):
    import keras

    if not isinstance(model, keras.Model):
        hint = " (это класс — создайте модель: keras.Sequential([...]))" if isinstance(model, type) else ""
        raise Wrong(f"{what}: пришёл {type(model).__name__}{hint}, а нужна модель Keras (keras.Model).")
    return model


def input_shape(model):
    """Shape of the model's first input without the batch axis, e.g. ``(784,)`` or ``(28, 28, 1)``.

    Introduced in hw02_…. Read from ``model.inputs`` (Keras 3 has no ``layer.input_shape``).
    Raises ``Wrong`` for anything but a built Keras model (see ``require_model``).
    """
    require_model(model)
    return tuple(model.inputs[0].shape[1:])


def layers_of(model, kind):
    """The model's layers that are instances of ``kind`` (a class of ``keras.layers``), in order.

    Introduced in hw02_…. Raises ``Wrong`` for a ``model`` that is not a Keras
    model and ``CourseTypeError`` for a ``kind`` that is not a class (or a tuple of classes).
    """
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if not kinds or not all(isinstance(k, type) for k in kinds):
        raise course_error("layers_of", "kind", kind, "класс слоя, например keras.layers.Dense",
                           "передайте сам класс, без скобок и без кавычек.", CourseTypeError)
    return [layer for layer in model_layers(model) if isinstance(layer, kind)]


def activation_name(layer):
    """The activation of a layer as a name: ``'relu'``, ``'softmax'``, ``'linear'`` …

    Introduced in hw02_…. Read from ``layer.get_config()``; a layer without one counts as linear.
    Raises ``Wrong`` for anything but a Keras layer.
    """
    import keras

    if not isinstance(layer, keras.layers.Layer) or isinstance(layer, keras.Model):
        raise Wrong(f"слой: пришёл {type(layer).__name__}, а нужен слой Keras (например, model.layers[0]).")
    activation = layer.get_config().get("activation", "linear")
    if isinstance(activation, dict):  # serialised functions in some configs
        activation = activation.get("config", activation).get("name", str(activation))
    return str(activation)


def require_softmax_classifier(model, what="модель"):
    """Raise ``Wrong`` unless the last layer gives softmax probabilities and some hidden layer is non-linear.

    Introduced in hw04_…. The output may be ``Dense(…, activation="softmax")``,
    ``Activation("softmax")`` or ``Softmax()``; a hidden non-linearity may be an
    ``activation=`` argument (``Dense``, ``Conv2D``, ``Activation``) or a
    ``ReLU()``/``LeakyReLU()``/``PReLU()`` layer. Without one, any depth of the
    network is a single linear layer.
    """
    import keras

    layers = model_layers(model)
    last = layers[-1] if layers else None
    softmax = isinstance(last, keras.layers.Softmax) or (
        last is not None and "activation" in last.get_config() and activation_name(last) == "softmax"
    )
    if not softmax:
        kind = type(last).__name__ if last is not None else "ничего"
        raise Wrong(
            f"{what}: последний слой ({kind}) должен выдавать вероятности классов — активация softmax."
        )
    activation_layers = (keras.layers.ReLU, keras.layers.LeakyReLU, keras.layers.PReLU)
    nonlinear = [
        layer
        for layer in layers[:-1]
        if isinstance(layer, activation_layers)
        or ("activation" in layer.get_config() and activation_name(layer) != "linear")
    ]
    if not nonlinear:
        raise Wrong(
            f"{what}: у скрытых слоёв нет нелинейной активации (например, relu) — "
            "без неё вся сеть сводится к одному линейному слою."
        )
    return model


def require_compiled(model, what="модель"):
    """Return ``model`` if it was compiled (has an optimizer and a loss); raise ``Wrong`` otherwise.

    Introduced in hw03_…. Raises ``Wrong`` for anything but a Keras model, too.
    """
    _require_keras_model(model, what)
    if getattr(model, "optimizer", None) is None or getattr(model, "loss", None) is None:
        raise Wrong(f"{what} не скомпилирована: вызовите model.compile(optimizer=..., loss=...).")
    return model


def loss_name(model):
    """The compiled loss (``model.loss``) as a name: ``'categorical_crossentropy'``, ``'mse'`` …

    Introduced in hw04_…. Always snake_case and lower case, however it was
    given: ``"SparseCategoricalCrossentropy"``, a loss object or a function.
    Raises ``Wrong`` for a model that is not a compiled Keras model.
    """
    loss = require_compiled(model).loss
    if isinstance(loss, str):
        name = loss
    else:
        name = getattr(loss, "name", None) or getattr(loss, "__name__", None) or type(loss).__name__
    name = str(name)
    if name.isupper():  # "MSE", "MAE"
        return name.lower()
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()  # "SparseCategoricalCrossentropy"


def loss_from_logits(model):
    """True when the compiled loss was made with ``from_logits=True``.

    Introduced in hw04_…: with a softmax output layer that is a mistake.
    Raises ``Wrong`` for a model that is not a compiled Keras model.
    """
    get_config = getattr(require_compiled(model).loss, "get_config", None)
    return bool(get_config and (get_config() or {}).get("from_logits"))


def model_layers(model):
    """The model's layers without the ``InputLayer`` a functional model lists (Sequential has none).

    Introduced in hw02_…: so ``keras.Model(inputs, outputs)`` and ``keras.Sequential`` count alike.
    Raises ``Wrong`` for anything but a Keras model.
    """
    import keras

    _require_keras_model(model)
    return [layer for layer in model.layers if not isinstance(layer, keras.layers.InputLayer)]


def epochs_trained(model):
    """How many epochs of training the model has had in all (a float), from its optimizer's step counter.

    Introduced in hw04_….

    ``model.history.params['steps']`` is the number of steps in one epoch of the
    last ``fit``; the optimizer counts every step ever taken. Returns 0 for a
    model that was never trained; for a trained model whose epoch length is
    unknown (a ``tf.data`` pipeline of unknown size) the number of epochs of
    its last ``fit``; NaN when it took steps but has no training log at all
    (e.g. it was loaded from a file). Raises ``Wrong`` for anything but a Keras model.
    """
    _require_keras_model(model)
    optimizer = getattr(model, "optimizer", None)
    steps_done = int(optimizer.iterations.numpy()) if optimizer is not None else 0
    if steps_done == 0:
        return 0
    history = getattr(model, "history", None)
    steps = (getattr(history, "params", None) or {}).get("steps")
    if steps:
        return steps_done / steps
    if history is not None and getattr(history, "epoch", None):
        return float(len(history.epoch))
    return math.nan


def accuracy_on(model, x, y, batch_size=512):
    """Share of right answers (a float in [0, 1]) of ``model`` on images ``x`` and int labels ``y``.

    Introduced in hw04_…. ``y`` has shape (n,); the model's outputs must have
    shape (n, classes); argmax works for probabilities and for logits alike.
    Raises ``Wrong`` for a model that is not a Keras model or gives outputs of
    another shape, and course errors for ``x``/``y`` of different lengths,
    ``y`` that is not int labels or a ``batch_size`` that is not a positive int.
    """
    _require_keras_model(model)
    x = check_array("accuracy_on", "x", x, min_length=1)
    y = check_labels("accuracy_on", "y", y)
    if len(y) != len(x):
        raise course_error("accuracy_on", "y", y, f"по одной метке на каждый пример x ({len(x)})",
                           "передайте x и y одной и той же выборки.")
    batch_size = check_int("accuracy_on", "batch_size", batch_size, low=1)
    outputs = model.predict(x, batch_size=batch_size, verbose=0)
    outputs = np.asarray(outputs)
    if outputs.ndim != 2 or outputs.shape[0] != len(y):
        raise Wrong(f"модель выдаёт ответы формы {outputs.shape}, а нужна (число картинок, число классов).")
    return float(np.mean(np.argmax(outputs, axis=1) == y))


def require_trained_classifier(model, x_test, y_test, threshold, max_epochs):
    """A model trained within the epoch budget whose test accuracy, measured here, reaches the threshold.

    Introduced in hw04_…. Raises ``Wrong`` for an untrained model, a model
    trained over ``max_epochs``, a model trained by several ``fit`` calls
    (the optimizer took more steps than the last ``fit`` made, so the budget
    cannot be verified) or an accuracy below ``threshold``. A model compiled
    again between two ``fit`` calls restarts the optimizer's counter: that
    case is not detected.

    ``x_test`` (prepared the way the task asks) and ``y_test`` (int labels,
    shape (n,)) come from the checker's own copy of the test split, never from
    the student. Returns the measured accuracy (a float in [0, 1]) and, under
    `make full`, records it in the notebook's stamp as ``checked_test_accuracy``.
    ``threshold`` is a share in (0, 1], ``max_epochs`` a whole number ≥ 1
    (course errors otherwise: these come from the task list, not the student).
    """
    threshold = check_number("require_trained_classifier", "threshold", threshold, 0, 1, low_open=True)
    max_epochs = check_int("require_trained_classifier", "max_epochs", max_epochs, low=1)
    epochs = epochs_trained(model)
    if epochs == 0:
        raise Wrong("модель ещё не обучалась — вызовите model.fit(...) и проверьте снова.")
    history = getattr(model, "history", None)
    if history is None or not getattr(history, "epoch", None):
        raise Wrong(
            "у модели нет журнала обучения (её загрузили из файла или скопировали веса?) — бюджет эпох "
            "не проверить: обучите модель в этом блокноте одним вызовом fit и передайте её."
        )
    last_fit = len(history.epoch)
    steps = (history.params or {}).get("steps")
    if steps and int(model.optimizer.iterations.numpy()) != steps * last_fit:
        raise Wrong(
            "модель обучали не одним вызовом fit, и бюджет эпох так не проверить — соберите модель "
            f"заново, скомпилируйте и обучите одним вызовом fit с epochs не больше {max_epochs}."
        )
    if last_fit > max_epochs:
        trained = plural(last_fit, "эпоху", "эпохи", "эпох")
        raise Wrong(f"модель обучалась {trained}, а бюджет задания — не больше {max_epochs}.")
    accuracy = accuracy_on(model, x_test, y_test)
    if accuracy < threshold:
        raise Wrong(f"точность на тестовой выборке {accuracy:.3f} < порога {threshold:.3f}.")
    from helpers import course

    course.record(checked_test_accuracy=accuracy)  # for the stamp of `make full`; no-op elsewhere
    return accuracy
