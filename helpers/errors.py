"""The course's errors: a student's mistake gets one Russian message, never a deep traceback.

Introduced in 00_setup; every public helper checks its arguments at the
boundary with the functions below and raises a ``CourseValueError`` or a
``CourseTypeError`` (subclasses of ``ValueError`` and ``TypeError``, so
``except ValueError`` still works). The message always has four parts::

    show_images: аргумент «images» — массив NumPy формы (16, 16), dtype float64;
    ожидается: картинки формы (n, высота, ширина). Как исправить: …

the function, the argument, what came in (type, shape, dtype), what is
expected and how to fix it. ``course_error(...)`` builds such an error; the
``check_*`` functions validate the usual kinds of arguments and return the
value converted (e.g. a list turned into a NumPy array) or raise.
Only NumPy is imported here.
"""

import math
import numbers
import sys

import numpy as np


class CourseError(Exception):
    """Base class of every error the course's helpers raise on a student's mistake.

    Introduced in 00_setup. Catch it to tell the course's own messages from
    anything else; it is never raised directly.
    """


class CourseValueError(CourseError, ValueError):
    """A value of the right type but the wrong shape, range or content. Introduced in 00_setup."""


class CourseTypeError(CourseError, TypeError):
    """A value of the wrong type (a string where a number is expected …). Introduced in 00_setup."""


def describe(value):
    """A short Russian description of ``value`` for an error message: its type, shape and dtype.

    Introduced in 00_setup. Arrays and tensors: ``массив NumPy формы (16, 16), dtype float64``;
    lists: ``список из 3 элементов``; numbers and strings show the value itself.
    """
    if value is None:
        return "None"
    if value is Ellipsis:
        return "... (заготовка, которую ещё не заменили)"
    if isinstance(value, type):
        return f"класс {value.__name__} (а не его объект)"
    if isinstance(value, bool | np.bool_):
        return f"логическое значение {bool(value)}"
    if isinstance(value, numbers.Number):
        return f"число {value!r} ({type(value).__name__})"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "…"
        return f"строка {shown!r}"
    if isinstance(value, np.ndarray):
        return f"массив NumPy формы {value.shape}, dtype {value.dtype}"
    keras_object = _keras_description(value)
    if keras_object:
        return keras_object
    if hasattr(value, "shape") and hasattr(value, "dtype"):  # a tensor of TF, Keras, JAX …
        dtype = getattr(value.dtype, "name", value.dtype)
        return f"{type(value).__name__} формы {tuple(value.shape)}, dtype {dtype}"
    if isinstance(value, list | tuple):
        kind = "список" if isinstance(value, list) else "кортеж"
        return f"{kind} из {len(value)} {_elements(len(value))}"
    if isinstance(value, dict):
        keys = ", ".join(map(str, list(value)[:8])) + (", …" if len(value) > 8 else "")
        return f"словарь с ключами {{{keys}}}" if value else "пустой словарь"
    if callable(value):
        return f"функция {getattr(value, '__name__', type(value).__name__)}"
    return f"объект типа {type(value).__name__}"


def _keras_description(value):
    """A Russian description of a Keras model, layer or history; ``None`` for anything else.

    Looks Keras up in ``sys.modules`` only: if Keras is not imported, the value is not a Keras object.
    """
    keras = sys.modules.get("keras")
    if keras is None:
        return None
    if isinstance(value, keras.Model):
        return f"модель Keras {type(value).__name__} «{value.name}»"
    if isinstance(value, keras.layers.Layer):
        return f"слой Keras {type(value).__name__} «{value.name}»"
    if isinstance(value, keras.callbacks.History):
        return "история обучения (объект History, который вернул fit)"
    return None


def _elements(n):
    if n % 10 == 1 and n % 100 != 11:
        return "элемента"
    return "элементов"


def course_error(function, argument, value, expected, fix, kind=CourseValueError):
    """Build (not raise) a course error with the four parts of the message.

    Introduced in 00_setup. ``function`` and ``argument`` are names (``"show_images"``,
    ``"images"``); ``expected`` and ``fix`` are Russian phrases. ``kind`` is
    ``CourseValueError`` (default) or ``CourseTypeError``. Raises
    ``CourseTypeError`` itself when ``function``/``argument`` are not
    non-empty strings or ``kind`` is not a course error class.
    """
    for name, text in (("function", function), ("argument", argument)):
        if not isinstance(text, str) or not text:
            raise CourseTypeError(
                f"course_error: аргумент «{name}» — {describe(text)}; ожидается: имя строкой. "
                'Как исправить: course_error("show_images", "images", images, …).'
            )
    if not (isinstance(kind, type) and issubclass(kind, CourseError)):
        raise CourseTypeError(
            f"course_error: аргумент «kind» — {describe(kind)}; ожидается: CourseValueError или "
            "CourseTypeError. Как исправить: передайте один из этих классов."
        )
    return kind(
        f"{function}: аргумент «{argument}» — {describe(value)}; ожидается: {expected}. "
        f"Как исправить: {fix}"
    )


def check_int(function, argument, value, low=None, high=None, fix=None):
    """Return ``value`` as ``int`` if it is a whole number in [low, high]; raise otherwise.

    Introduced in 00_setup. ``True``/``False`` and floats (even ``3.0``) are rejected:
    a count of epochs or a batch size is a whole number. Raises ``CourseTypeError``
    for a wrong type, ``CourseValueError`` for a number out of range (with ``fix``
    as the advice when given, e.g. "batch_size=32").
    """
    expected = "целое число" + _range_text(low, high)
    if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Integral):
        fix = "передайте целое число без кавычек и без дробной части"
        if isinstance(value, numbers.Real) and float(value).is_integer():
            fix += f", например {int(value)}"
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            fix = f"уберите кавычки: {value.strip()} вместо {value!r}"
        raise course_error(function, argument, value, expected, fix + ".", CourseTypeError)
    value = int(value)
    if (low is not None and value < low) or (high is not None and value > high):
        raise course_error(function, argument, value, expected, fix or "возьмите число из этого диапазона.")
    return value


def check_number(function, argument, value, low=None, high=None, low_open=False, fix=None):
    """Return ``value`` as ``float`` if it is a finite real number in range; raise otherwise.

    Introduced in 00_setup. ``low_open=True`` excludes ``low`` itself (a learning
    rate must be > 0). Strings, ``None``, ``True``/``False`` → ``CourseTypeError``;
    NaN, ±inf, out of range → ``CourseValueError`` (with ``fix`` as the advice when given).
    """
    expected = "конечное число" + _range_text(low, high, low_open)
    if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Real):
        fix = "передайте число без кавычек, например 0.01."
        if isinstance(value, str):
            fix = f"уберите кавычки: {value.strip(chr(34) + chr(39))} вместо {value!r}."
        raise course_error(function, argument, value, expected, fix, CourseTypeError)
    number = float(value)
    below = low is not None and (number <= low if low_open else number < low)
    if not math.isfinite(number) or below or (high is not None and number > high):
        raise course_error(function, argument, value, expected, fix or "возьмите число из этого диапазона.")
    return number


def _range_text(low, high, low_open=False):
    if low is not None and high is not None:
        return f" от {low}{' (не включая)' if low_open else ''} до {high}"
    if low is not None:
        return f" {'>' if low_open else '≥'} {low}"
    if high is not None:
        return f" ≤ {high}"
    return ""


def check_choice(function, argument, value, options):
    """Return ``value`` if it is one of ``options``; raise ``CourseValueError`` listing them.

    Introduced in 00_setup. For strings the comparison ignores case and
    surrounding spaces and the lower-case option is returned.
    """
    key = value.strip().lower() if isinstance(value, str) else value
    lowered = {(o.lower() if isinstance(o, str) else o): o for o in options}
    try:
        if key in lowered:
            return key if isinstance(key, str) else value
    except TypeError:  # an unhashable value (a list …) is simply not an option
        pass
    shown = ", ".join(repr(o) for o in options)
    raise course_error(function, argument, value, f"одно из: {shown}", f"выберите одно из: {shown}.")


def check_callable(function, argument, value, example):
    """Return ``value`` if it can be called; raise ``CourseTypeError`` with ``example`` otherwise.

    Introduced in 00_setup. ``example`` shows a right call, e.g. ``"lambda x, y: x**2 + y**2"``.
    """
    if callable(value) and not isinstance(value, type):
        return value
    raise course_error(
        function, argument, value, "функция", f"передайте саму функцию, например {example}.",
        CourseTypeError,
    )


def check_array(function, argument, value, ndim=None, dtype_kinds="biuf", finite=False,
                min_length=None, shape_text=None):
    """Return ``value`` as a NumPy array after checking its type, dimensions, dtype and values.

    Introduced in 00_setup. Lists, tuples and tensors are converted with
    ``np.asarray``. ``ndim`` is an int or a tuple of allowed ints; ``dtype_kinds``
    are NumPy dtype kinds ("b" bool, "i"/"u" integers, "f" floats); ``finite``
    rejects NaN and ±inf; ``min_length`` is the least allowed ``len``.
    ``shape_text`` describes the expected array in Russian (e.g. "матрица (n, 2)").
    Raises ``CourseTypeError`` for strings, dicts, ragged lists and non-numeric
    dtypes, ``CourseValueError`` for the wrong number of dimensions, too few
    elements or non-finite values.
    """
    allowed = (ndim,) if isinstance(ndim, int) else ndim
    expected = shape_text or (
        f"массив чисел с {' или '.join(map(str, allowed))} осями" if allowed else "массив чисел"
    )
    if isinstance(value, str | bytes | dict) or value is None or value is Ellipsis:
        raise course_error(function, argument, value, expected, "передайте массив NumPy (или список чисел).",
                           CourseTypeError)
    try:
        array = np.asarray(value)
    except (ValueError, TypeError):
        raise course_error(
            function, argument, value, expected,
            "у вложенных списков разной длины нет формы: выровняйте их или соберите np.stack(...).",
            CourseTypeError,
        ) from None
    if array.dtype.kind not in dtype_kinds:
        fix = f"нужны числа ({_kinds_text(dtype_kinds)}); приведите массив: x.astype('float32')."
        raise course_error(function, argument, array, expected, fix, CourseTypeError)
    if allowed and array.ndim not in allowed:
        fix = "приведите массив к нужной форме (reshape) или проверьте, что передали то, что нужно."
        raise course_error(function, argument, array, expected, fix)
    if min_length is not None and (array.ndim == 0 or len(array) < min_length):
        raise course_error(function, argument, array, f"{expected}, не меньше {min_length} элементов",
                           "передайте непустые данные: проверьте срезы и фильтры перед этим вызовом.")
    if finite and array.dtype.kind == "f" and not np.isfinite(array).all():
        bad = int(np.size(array) - np.isfinite(array).sum())
        raise course_error(function, argument, array, f"{expected} без NaN и бесконечностей",
                           f"значений NaN/inf в массиве: {bad}; найдите их (np.isnan(x).sum()) и уберите "
                           "или замените, прежде чем вызывать снова.")
    return array


def _kinds_text(kinds):
    names = {"b": "bool", "i": "целые", "u": "целые без знака", "f": "дробные"}
    return ", ".join(dict.fromkeys(names[k] for k in kinds))


def check_labels(function, argument, value, n_classes=None):
    """Return class numbers as a 1-D int array; reject one-hot, fractional or out-of-range labels.

    Introduced in 07_mnist_dense. Accepts integer arrays of shape (n,) or (n, 1),
    and floats only when every value is a whole number. ``n_classes`` (when
    given) bounds the labels to 0 … n_classes − 1; negative labels are always
    rejected (NumPy would silently count −1 as the last class). Raises
    ``CourseValueError``/``CourseTypeError`` naming the property and the fix
    (``argmax(axis=1)`` for one-hot rows or probabilities).
    """
    array = check_array(function, argument, value, dtype_kinds="biuf",
                        shape_text="номера классов — целые числа, форма (n,)")
    if array.ndim == 2 and array.shape[1] == 1:
        array = array[:, 0]
    if array.ndim == 2:
        raise course_error(function, argument, array, "номера классов — целые числа, форма (n,)",
                           "это похоже на one-hot метки или вероятности: возьмите номер класса, "
                           "y.argmax(axis=1).")
    if array.ndim != 1:
        raise course_error(function, argument, array, "номера классов — целые числа, форма (n,)",
                           "разверните метки в вектор: y.reshape(-1).")
    if array.dtype.kind == "f" and not (np.isfinite(array).all() and (array == np.round(array)).all()):
        raise course_error(function, argument, array, "номера классов — целые числа",
                           "это похоже на вероятности: возьмите номер класса через argmax, "
                           "а целые числа в float приведите: y.astype(int).")
    array = array.astype(np.int64)
    top = None if n_classes is None else n_classes - 1
    if array.size and (array.min() < 0 or (top is not None and array.max() > top)):
        where = array.min() if array.min() < 0 else array.max()
        expected = "номера классов от 0" + (f" до {top}" if top is not None else "")
        raise course_error(function, argument, array, f"{expected}, а встретилось {where}",
                           "проверьте метки: классы нумеруются с 0"
                           + ("; или передайте class_names с названием для каждого класса." if top is not None
                              else "."))
    return array
