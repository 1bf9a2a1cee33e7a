"""Course setup: seeds, quiet logs, versions, device and mode in one place.

Introduced in 00_setup. Every lesson starts with::

    from helpers import course
    course.setup()

and reads the mode through one visible idiom::

    EPOCHS = course.pick(full=15, quick=1)
"""

import contextlib
import json
import numbers
import os
import platform
import sys

from helpers.errors import CourseTypeError, CourseValueError, check_int, course_error, describe

SEED = 42

# Quick mode (COURSE_QUICK=1) is what CI runs: the same cells, fewer epochs.
QUICK_ENV = "COURSE_QUICK"
# Set by tools/run_notebooks.py: report() writes the lesson's metrics there.
METRICS_ENV = "COURSE_METRICS_FILE"

COLAB_GPU_HINT = (
    "Совет: в Colab включите GPU — меню «Среда выполнения» → «Сменить среду выполнения» → "
    "«Аппаратный ускоритель» → GPU, затем запустите блокнот заново."
)


# Values of COURSE_QUICK, case and spaces ignored.
QUICK_ON = ("1", "true", "yes")
QUICK_OFF = ("", "0", "false", "no")


def is_quick():
    """True in quick mode: COURSE_QUICK is 1, true or yes (case ignored). Introduced in 00_setup.

    Unset, empty, 0, false or no mean full mode. Any other value raises
    ``CourseValueError``: a typo such as ``COURSE_QUICK=да`` must not silently
    pick a mode.
    """
    raw = os.environ.get(QUICK_ENV, "")
    value = raw.strip().lower()
    if value in QUICK_ON:
        return True
    if value in QUICK_OFF:
        return False
    raise CourseValueError(
        f"Переменная окружения {QUICK_ENV} — {describe(raw)}; ожидается: 1 (быстрый режим) "
        f"или 0 (полный). Как исправить: `export {QUICK_ENV}=1` или `unset {QUICK_ENV}`, "
        "затем перезапустите ядро."
    )


def pick(full, quick):
    """Return `quick` in quick mode and `full` otherwise. Introduced in 00_setup.

    ``full`` and ``quick`` are the same kind of value: two numbers (epochs,
    examples; ``quick`` ≤ ``full``, since quick mode only shrinks the run) or
    two values of one type (e.g. two lists). Raises ``CourseValueError`` for a
    placeholder (``...``/``None``) or ``quick`` > ``full`` (usually the two
    swapped), ``CourseTypeError`` for values of different kinds (``quick="1"``).
    """
    for name, value in (("full", full), ("quick", quick)):
        if value is None or value is Ellipsis:
            raise course_error("pick", name, value, "значение для этого режима",
                               "впишите число, например course.pick(full=15, quick=1).")
    numbers_given = [isinstance(v, numbers.Real) and not isinstance(v, bool) for v in (full, quick)]
    if all(numbers_given):
        if quick > full:
            raise course_error(
                "pick", "quick", quick, f"не больше full (= {full}): быстрый режим только уменьшает",
                f"похоже, значения перепутаны местами — course.pick(full={quick}, quick={full}).",
            )
    elif type(full) is not type(quick):
        raise course_error(
            "pick", "quick", quick, f"значение того же вида, что full ({describe(full)})",
            "передайте оба значения одного типа, например course.pick(full=15, quick=1) — без кавычек.",
            CourseTypeError,
        )
    return quick if is_quick() else full


def in_colab():
    """True inside Google Colab. Introduced in 00_setup. Takes no argument, raises no error."""
    return "google.colab" in sys.modules


def setup(seed=SEED):
    """Seed everything, quiet TensorFlow, print versions, device and mode.

    Introduced in 00_setup. Call it before importing TensorFlow in a notebook:
    the log level has to be set before TensorFlow starts. ``seed`` is a whole
    number from 0 to 2³² − 1 (``keras.utils.set_random_seed`` seeds Python,
    NumPy and the backend with it); anything else raises a course error
    before TensorFlow is touched.
    """
    seed = check_int("setup", "seed", seed, low=0, high=2**32 - 1)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    with _quiet_stderr():
        import keras
        import tensorflow as tf

        gpus = tf.config.list_physical_devices("GPU")
        _ = tf.constant(1.0) + 1.0  # the first operation prints CPU notices: swallow them
    from helpers.plots import use_course_style

    tf.get_logger().setLevel("ERROR")
    keras.utils.set_random_seed(seed)
    use_course_style()

    device = f"GPU ({len(gpus)} шт.)" if gpus else "CPU"
    mode = "быстрый (quick)" if is_quick() else "полный (full)"
    print(
        f"TensorFlow {tf.__version__} · Keras {keras.__version__} · "
        f"Python {platform.python_version()} · устройство: {device} · "
        f"режим: {mode} · seed {seed}"
    )
    if in_colab() and not gpus:
        print(COLAB_GPU_HINT)


@contextlib.contextmanager
def _quiet_stderr():
    """Silence the process-level stderr, where TensorFlow's C++ start-up notices go."""
    sys.stderr.flush()
    saved = os.dup(2)
    with open(os.devnull, "w") as devnull:
        os.dup2(devnull.fileno(), 2)
        try:
            yield
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)


# How report() names the lesson's key numbers for the student (the key stays in the stamp and README).
METRIC_LABELS = {
    "test_accuracy": "Точность на тестовой выборке",
    "seconds_per_epoch": "Секунд на эпоху",
    "multiply_weight": "Вес нейрона, который научился умножать на 2.5",
    "add_weights_error": "Наибольшее отклонение весов сумматора от 1",
    "scratch_test_accuracy": "Точность сети на NumPy на тестовой выборке",
    "keras_test_accuracy": "Точность такой же сети на Keras на тестовой выборке",
    "scratch_seconds_per_epoch": "Секунд на эпоху, сеть на NumPy",
    "keras_seconds_per_epoch": "Секунд на эпоху, сеть на Keras",
    "best_val_accuracy": "Лучшая точность на проверочной выборке",
    "val_loss_sgd": "Потери на проверочной выборке, SGD",
    "val_loss_momentum": "Потери на проверочной выборке, Momentum",
    "val_loss_nesterov": "Потери на проверочной выборке, Nesterov",
    "val_loss_adagrad": "Потери на проверочной выборке, Adagrad",
    "val_loss_rmsprop": "Потери на проверочной выборке, RMSprop",
    "val_loss_adam": "Потери на проверочной выборке, Adam",
    "mae": "MAE (средняя абсолютная ошибка)",
    "mse": "MSE (средняя квадратичная ошибка)",
    "cce": "Категориальная кросс-энтропия",
    "bce": "Бинарная кросс-энтропия",
    "accuracy_no_bias": "Точность без нейрона смещения",
    "accuracy_with_bias": "Точность с нейроном смещения",
    "seed_model_test_accuracy": "Точность исходной модели на тестовой выборке",
    "baseline_val_accuracy": "Точность без регуляризации на проверочной выборке",
    "best_regularized_val_accuracy": "Лучшая точность с регуляризацией на проверочной выборке",
    "mnist_same_arch_test_accuracy": "Точность такой же сети на MNIST",
    "dense_test_accuracy": "Точность полносвязной сети на тестовой выборке",
    "checked_test_accuracy": "Точность, измеренная проверкой",
}


def report(**metrics):
    """Print the lesson's key numbers and hand them to the provenance stamp.

    Introduced in 00_setup. Each number is printed under its Russian name from
    ``METRIC_LABELS`` (``test_accuracy`` → «Точность на тестовой выборке: 0.9812»);
    `make full` stores them by key in the notebook's metadata.course.metrics and
    the README results table shows them. Each
    value is one finite number (a Python or NumPy scalar, a 0-d array or
    tensor); printed with four decimals. Raises ``CourseTypeError``/``CourseValueError``
    for no metrics, ``None``, a string, an array of several numbers, NaN or ±inf.
    """
    clean = _metric_values("report", metrics)
    for name, value in clean.items():
        print(f"{METRIC_LABELS.get(name, name)}: {value:.4f}")
    record(**clean)


def record(**metrics):
    """Hand numbers to the provenance stamp without printing them (nothing happens outside `make full`).

    Introduced in the homework notebooks: the checks record the test accuracy
    they measured themselves, so the stamp and the README show the checker's number.
    Values as for ``report`` (the same errors).
    """
    clean = _metric_values("record", metrics)
    path = os.environ.get(METRICS_ENV)
    if not path:
        return
    saved = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            saved = json.load(f)
    saved.update(clean)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(saved, f)


def _metric_values(function, metrics):
    """{name: float} of report()/record() arguments, each one finite number, or a course error."""
    if not metrics:
        raise CourseTypeError(
            f"{function}: не передано ни одного числа; ожидается: имя=число. "
            f"Как исправить: course.{function}(test_accuracy=test_accuracy)."
        )
    clean = {}
    for name, value in metrics.items():
        fix = f"передайте одно число, например course.{function}({name}=float(значение))."
        if hasattr(value, "shape") and tuple(getattr(value, "shape", ())) not in ((), (1,)):
            raise course_error(function, name, value, "одно число", "выберите одно значение "
                               "(например, последнее: history.history['val_accuracy'][-1]).")
        if isinstance(value, str | bool) or value is None:
            raise course_error(function, name, value, "одно число", fix, CourseTypeError)
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise course_error(function, name, value, "одно число", fix, CourseTypeError) from None
        if number != number or number in (float("inf"), float("-inf")):
            raise course_error(function, name, value, "конечное число",
                               "обучение, похоже, разошлось (NaN/inf): уменьшите скорость обучения.")
        clean[name] = number
    return clean
