"""Bad inputs for helpers.errors: the validators themselves, tried on what they exist to reject."""

import numpy as np

from helpers import errors
from tests.bad_input_cases import Bad

CASES = [
    Bad("errors.course_error", "kind not a course error",
        lambda env: errors.course_error("f", "x", 1, "число", "исправьте.", kind=KeyError), ("«kind»",)),
    Bad("errors.course_error", "function not a string",
        lambda env: errors.course_error(print, "x", 1, "число", "исправьте."), ("«function»",)),
    Bad("errors.course_error", "empty argument name",
        lambda env: errors.course_error("f", "", 1, "число", "исправьте."), ("«argument»",)),
    Bad("errors.check_int", "float", lambda env: errors.check_int("f", "epochs", 3.0), ("«epochs»", "например 3")),
    Bad("errors.check_int", "bool", lambda env: errors.check_int("f", "epochs", True), ("«epochs»", "логическое")),
    Bad("errors.check_int", "below", lambda env: errors.check_int("f", "epochs", 0, low=1), ("«epochs»", "≥ 1")),
    Bad("errors.check_int", "string", lambda env: errors.check_int("f", "epochs", "5"), ("«epochs»", "кавычки")),
    Bad("errors.check_number", "string", lambda env: errors.check_number("f", "lr", "0.1"), ("«lr»", "уберите кавычки")),
    Bad("errors.check_number", "nan", lambda env: errors.check_number("f", "lr", float("nan")), ("«lr»", "конечное")),
    Bad("errors.check_number", "zero, open", lambda env: errors.check_number("f", "lr", 0, low=0, low_open=True),
        ("«lr»", "> 0")),
    Bad("errors.check_number", "above", lambda env: errors.check_number("f", "p", 2, 0, 1), ("«p»", "от 0 до 1")),
    Bad("errors.check_choice", "unknown", lambda env: errors.check_choice("f", "name", "adamw", ["sgd", "adam"]),
        ("«name»", "'sgd', 'adam'")),
    Bad("errors.check_choice", "list", lambda env: errors.check_choice("f", "name", ["sgd"], ["sgd"]),
        ("«name»", "список")),
    Bad("errors.check_choice", "None", lambda env: errors.check_choice("f", "name", None, ["sgd"]), ("«name»", "None")),
    Bad("errors.check_callable", "result not function",
        lambda env: errors.check_callable("f", "loss_fn", 3.0, "lambda x: x"), ("«loss_fn»", "lambda x: x")),
    Bad("errors.check_callable", "class", lambda env: errors.check_callable("f", "fn", int, "len"),
        ("«fn»", "класс int")),
    Bad("errors.check_callable", "string", lambda env: errors.check_callable("f", "fn", "relu", "np.tanh"),
        ("«fn»", "строка 'relu'")),
    Bad("errors.check_array", "ragged", lambda env: errors.check_array("f", "x", [[1, 2], [3]]), ("«x»", "np.stack")),
    Bad("errors.check_array", "strings", lambda env: errors.check_array("f", "x", np.array(["a", "b"])),
        ("«x»", "astype")),
    Bad("errors.check_array", "ndim", lambda env: errors.check_array("f", "x", np.zeros(3), ndim=2), ("«x»", "2 осями")),
    Bad("errors.check_array", "nan", lambda env: errors.check_array("f", "x", [1.0, np.nan], finite=True),
        ("«x»", "NaN")),
    Bad("errors.check_array", "empty", lambda env: errors.check_array("f", "x", np.zeros((0, 2)), min_length=1),
        ("«x»", "непустые")),
    Bad("errors.check_labels", "one-hot", lambda env: errors.check_labels("f", "y", np.eye(3)), ("«y»", "argmax")),
    Bad("errors.check_labels", "negative", lambda env: errors.check_labels("f", "y", [0, -1]), ("«y»", "-1")),
    Bad("errors.check_labels", "too big", lambda env: errors.check_labels("f", "y", [0, 3], n_classes=3),
        ("«y»", "от 0 до 2")),
    Bad("errors.check_labels", "fractional", lambda env: errors.check_labels("f", "y", [0.2, 0.8]),
        ("«y»", "astype(int)")),
]
