"""Every public helper answers a student's mistake with a course error and a Russian message.

The rows live in tests/bad_input_cases/<module>.py. For each row the call must
raise ``helpers.errors.CourseError`` that is also a ``ValueError`` or a
``TypeError``, with a Russian message that contains the row's fragments and,
unless the row says otherwise, names the argument in «…». Rows with
``printed=True`` are helpers that answer by printing (and return ``None``).
The API test lists every public function, class and method of helpers/ and
fails when one has fewer than three rows.
"""

import importlib
import inspect
import types

import pytest

from helpers.errors import CourseError
from tests.bad_input_cases import CYRILLIC, TRIED

MODULES = ["course", "data", "plots", "scratch", "images", "tfds_data", "checks", "errors", "russian"]
MIN_ROWS = 3

# Public names that take no argument at all, or are error classes: there is no
# argument to get wrong. The test checks that each really takes none.
NO_ARGUMENTS = {
    "course.in_colab": "reads sys.modules only",
    "plots.use_course_style": "sets matplotlib rcParams, no input",
    "data.search_dirs": "its input is COURSE_DATA_DIR; rows for that are under data.load_mnist",
    "checks.homework_ids": "lists helpers/homework, no input",
}

# Public names that accept any value by design: a test tries odd values on each.
ACCEPTS_ANYTHING = {
    "errors.describe": "describes whatever it gets for an error message",
}


def rows():
    found = []
    for module in MODULES:
        try:
            cases = importlib.import_module(f"tests.bad_input_cases.{module}").CASES
        except ModuleNotFoundError:
            cases = []
        found += cases
    return found


ROWS = rows()


def public_api():
    """'module.name' of each public function and class, and 'module.Class.method' of each public method.

    Methods count when the class defines them itself and they take an argument
    besides ``self``; properties and error classes are left out.
    """
    names = []
    for module_name in MODULES:
        module = importlib.import_module(f"helpers.{module_name}")
        for name, value in vars(module).items():
            if name.startswith("_") or getattr(value, "__module__", None) != module.__name__:
                continue
            if inspect.isclass(value) and issubclass(value, BaseException):
                continue
            if inspect.isfunction(value):
                names.append(f"{module_name}.{name}")
            elif inspect.isclass(value):
                names.append(f"{module_name}.{name}")
                for method_name, method in vars(value).items():
                    if method_name.startswith("_") or not isinstance(method, types.FunctionType):
                        continue
                    if len(inspect.signature(method).parameters) > 1:
                        names.append(f"{module_name}.{name}.{method_name}")
    return names


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return types.SimpleNamespace(tmp_path=tmp_path, monkeypatch=monkeypatch)


@pytest.mark.parametrize("row", ROWS, ids=[f"{r.target}-{r.label}" for r in ROWS])
def test_bad_input_gets_a_russian_course_error(row, env, capsys):
    TRIED[row.target] += 1
    if row.printed:
        result = row.call(env)
        text = capsys.readouterr().out
        assert result is None or result is False, f"{row.target} returned {result!r} after printing"
    elif row.returned:
        text = str(row.call(env))
        assert "✅" not in text, f"a bad input was accepted: {text}"
    else:
        with pytest.raises(CourseError) as caught:
            row.call(env)
        error = caught.value
        kind = type(error).__name__
        assert isinstance(error, ValueError | TypeError), f"{kind} is not a ValueError/TypeError"
        text = str(error)
        shown_context = error.__context__ is not None and not error.__suppress_context__
        assert row.chained or (error.__cause__ is None and not shown_context), (
            "the course error is chained to another exception: its traceback would show library frames; "
            "raise ... from None and put the useful part into the message"
        )
    assert CYRILLIC.search(text), f"not a Russian message: {text!r}"
    for fragment in row.says:
        assert fragment in text, f"the message lacks {fragment!r}: {text}"


def test_every_public_helper_has_three_bad_inputs():
    covered = {row.target for row in ROWS}
    per_target = {name: sum(row.target == name for row in ROWS) for name in covered}
    api = public_api()
    exempt = NO_ARGUMENTS | ACCEPTS_ANYTHING
    missing = [name for name in api if name not in exempt and per_target.get(name, 0) < MIN_ROWS]
    assert not missing, f"public helpers with fewer than {MIN_ROWS} bad-input rows: {missing}"
    unknown = sorted(covered - set(api))
    assert not unknown, f"rows for names that are not public helpers (renamed?): {unknown}"


@pytest.mark.parametrize("name", sorted(NO_ARGUMENTS))
def test_the_exempt_helpers_really_take_no_argument(name):
    module_name, attribute = name.split(".")
    function = getattr(importlib.import_module(f"helpers.{module_name}"), attribute)
    assert not inspect.signature(function).parameters, f"{name} takes arguments: it needs bad-input rows"


def test_describe_accepts_anything_and_answers_in_russian():
    import numpy as np

    from helpers.errors import describe

    odd = [None, ..., int, True, 3, 2.5, "x" * 100, np.zeros((2, 3)), [1], (1, 2), {}, {"a": 1}, print]
    odd.append(object())
    texts = [describe(value) for value in odd]
    assert all(CYRILLIC.search(text) or text == "None" for text in texts), texts
    assert "массив NumPy формы (2, 3), dtype float64" in texts
