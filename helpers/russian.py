"""Russian words next to numbers: «1 эпоха», «3 эпохи», «5 эпох».

Introduced in 04_optimizers: printed lines say «4 раза», «192 ошибки», not «4 раз».
"""

import numbers

import numpy as np

from helpers.errors import CourseTypeError, course_error


def plural(n, one, few, many):
    """``n`` and the form of the word that agrees with it: ``plural(4, "раз", "раза", "раз")`` → "4 раза".

    Introduced in 04_optimizers. ``n`` is a whole number (int or NumPy integer);
    ``one`` goes with 1, 21, 101 …; ``few`` with 2–4, 22–24 …; ``many`` with
    0, 5–20, 25–30, 111–114 … Raises ``CourseTypeError`` for a non-integer ``n``
    or a form that is not a string.
    """
    if isinstance(n, bool | np.bool_) or not isinstance(n, numbers.Integral):
        raise course_error("plural", "n", n, "целое число", "передайте целое: plural(len(wrong), ...).",
                           CourseTypeError)
    for name, form in (("one", one), ("few", few), ("many", many)):
        if not isinstance(form, str) or not form:
            raise course_error("plural", name, form, "непустая строка — форма слова",
                               'например plural(n, "ошибка", "ошибки", "ошибок").', CourseTypeError)
    last_two, last = abs(int(n)) % 100, abs(int(n)) % 10
    if last == 1 and last_two != 11:
        word = one
    elif 2 <= last <= 4 and not 12 <= last_two <= 14:
        word = few
    else:
        word = many
    return f"{n} {word}"
