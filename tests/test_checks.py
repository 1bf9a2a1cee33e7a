"""The self-check engine, and the proof that every homework check is right.

The table-driven part is the course's own `nbgrader validate --invert`: for
every task of every homework, the reference answer (and any other right answer
listed under "also_right") gives ✅, each wrong answer (tests/homework_cases/hwNN.py)
gives ❌, the placeholder gives ⏳, and no task lacks a reference or at least
three wrong answers.
"""

import importlib
import subprocess
import sys

import numpy as np
import pytest

from helpers import checks
from tests.homework_cases import TRIED, answer

MIN_WRONG = 3
HOMEWORK = checks.homework_ids()


def cases(homework_id):
    return importlib.import_module(f"tests.homework_cases.{homework_id}").CASES


def table():
    rows = []
    for homework_id in HOMEWORK:
        for task_id, case in cases(homework_id).items():
            rows.append((homework_id, task_id, "reference", case["reference"]))
            for name, make in case.get("also_right", {}).items():
                rows.append((homework_id, task_id, f"also right: {name}", make))
            for name, make in case["wrong"].items():
                rows.append((homework_id, task_id, name, make))
    return rows


ROWS = table()


def count(homework_id, kind):
    tried = TRIED.setdefault(homework_id, {"reference": 0, "also_right": 0, "wrong": 0, "placeholder": 0})
    tried[kind] += 1


def test_there_are_five_homework():
    assert [h for h in HOMEWORK if h.startswith("hw")] == ["hw01", "hw02", "hw03", "hw04", "hw05"]


@pytest.mark.parametrize("homework_id", HOMEWORK)
def test_every_task_has_a_reference_and_three_wrong_answers(homework_id):
    tasks = checks.homework(homework_id).task_ids
    table_ = cases(homework_id)
    minimum = 5 if homework_id.startswith("hw") else 3  # a homework has 5+ tasks, a lesson project 3+
    assert len(tasks) >= minimum, f"{homework_id} has {len(tasks)} tasks, at least {minimum} are required"
    assert set(table_) == set(tasks), f"{homework_id}: tasks {tasks}, cases for {sorted(table_)}"
    for task_id, case in table_.items():
        assert callable(case["reference"]), f"{homework_id} task {task_id} lacks a reference"
        assert len(case["wrong"]) >= MIN_WRONG, f"{homework_id} task {task_id}: {len(case['wrong'])} wrong"


@pytest.mark.parametrize(
    ("homework_id", "task_id", "name", "make"),
    ROWS,
    ids=[f"{h}-{t}-{n}" for h, t, n, _ in ROWS],
)
def test_check_verdict(homework_id, task_id, name, make):
    args, kwargs = make()
    symbol, message = checks.homework(homework_id).verdict(task_id, *args, **kwargs)
    right = name == "reference" or name.startswith("also right")
    assert symbol == (checks.OK if right else checks.WRONG), f"{name}: got {symbol} {message}"
    assert "\n" not in message
    count(homework_id, "wrong" if not right else "reference" if name == "reference" else "also_right")


@pytest.mark.parametrize("homework_id", HOMEWORK)
def test_placeholder_is_not_done(homework_id):
    hw = checks.homework(homework_id)
    for task_id in hw.task_ids:
        for placeholder in (..., None):
            symbol, message = hw.verdict(task_id, placeholder)
            assert symbol == checks.TODO, f"task {task_id}: {symbol} {message}"
            count(homework_id, "placeholder")


# The engine itself, on a homework made up for the test.


def probe():
    tasks = checks.TaskList("hw99", "Проба")

    @tasks.task("1", "Квадраты", lesson="01_neural_networks_basics", hint="Возведите в квадрат.")
    def squares(values):
        got = checks.require_array(values, "values", shape=(3,))
        checks.require_close(got, np.array([1.0, 4.0, 9.0]), "values")

    @tasks.task("2", "Сломанная проверка", lesson="01_neural_networks_basics", hint="—")
    def broken(value):
        return 1 / 0

    @tasks.task("3", "Число слоёв", lesson="03_first_neurons_keras", hint="—")
    def layers(value):
        if checks.require_number(value, "число слоёв", integer=True) != 2:
            raise checks.Wrong("число слоёв неверно.")

    return checks.Homework(tasks)


def test_right_answer_prints_one_check_line_and_returns_true(capsys):
    assert probe().check(1, np.array([1.0, 4.0, 9.0])) is True
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 and lines[0].startswith("✅ hw99, задание 1")


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ([1.0, 4.0, 9.0], "list"),
        (np.array([1.0, 4.0]), "форма"),
        (np.array([1, 4, 9]), "тип элементов"),
        (np.array([1.0, np.nan, 9.0]), "NaN"),
        (np.array([1.0, 4.0, 10.0]), "1 из 3 значений неверны"),
    ],
)
def test_wrong_answer_names_the_property_never_the_expected_value(capsys, value, words):
    assert probe().check(1, value) is False
    out = capsys.readouterr().out
    assert out.startswith("❌") and words in out and out.count("\n") == 1
    assert "4.0, 9.0" not in out and "[1. 4. 9.]" not in out


def test_bool_is_not_an_int():
    assert probe().verdict(3, True)[0] == checks.WRONG
    assert probe().verdict(3, 2)[0] == checks.OK
    assert probe().verdict(3, 2.0)[0] == checks.WRONG


def test_placeholder_and_missing_answer_are_not_done():
    assert probe().verdict(1, ...)[0] == checks.TODO
    assert probe().verdict(1, None)[0] == checks.TODO
    assert probe().verdict(1)[0] == checks.TODO


def test_a_failing_check_is_a_warning_with_the_exception_text(capsys):
    assert probe().check(2, 5) is False
    out = capsys.readouterr().out
    assert out.startswith("⚠️") and "ZeroDivisionError" in out and "division by zero" in out


def test_unknown_task_lists_the_valid_ids(capsys):
    assert probe().check(7, 1) is False
    out = capsys.readouterr().out
    assert out.startswith("⚠️") and "нет задания «7»" in out and "1, 2, 3" in out
    probe().hint("7")
    assert "1, 2, 3" in capsys.readouterr().out


def test_hint_names_the_task_and_its_lesson(capsys):
    probe().hint(1)
    out = capsys.readouterr().out
    assert "Возведите в квадрат" in out and "урок 01" in out


def test_unknown_homework_lists_the_valid_ids():
    with pytest.raises(checks.CheckError) as error:
        checks.homework("hw09")
    assert "hw01" in str(error.value) and "hw05" in str(error.value)
    assert isinstance(error.value, ValueError)


def test_a_student_function_that_raises_is_a_wrong_answer():
    def broken(x):
        raise TypeError("плохо")

    with pytest.raises(checks.Wrong) as error:
        checks.call_student(broken, 1, what="функция f")
    assert "TypeError" in str(error.value) and "плохо" in str(error.value)


def test_checks_work_under_python_O_and_import_numpy_only():
    code = (
        "import sys, numpy as np\n"
        "from helpers import checks\n"
        "for hw in checks.homework_ids(): checks.homework(hw)\n"
        "if 'keras' in sys.modules or 'tensorflow' in sys.modules: sys.exit('keras imported')\n"
        "t = checks.TaskList('hw99', 'x')\n"
        "@t.task('1', 't', lesson='01_neural_networks_basics', hint='h')\n"
        "def c(v):\n"
        "    checks.require_close(checks.require_array(v, 'v', shape=(1,)), np.array([1.0]), 'v')\n"
        "print(checks.Homework(t).verdict(1, np.array([2.0]))[0])\n"
    )
    result = subprocess.run([sys.executable, "-O", "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == checks.WRONG


def test_answer_helper_packs_arguments():
    assert answer(1, two=2) == ((1,), {"two": 2})


def test_every_helpers_subpackage_is_installed_for_colab():
    """Colab installs the package from git (not editable): each subpackage must be listed."""
    import tomllib
    from pathlib import Path

    root = Path(checks.__file__).resolve().parent.parent
    with open(root / "pyproject.toml", "rb") as f:
        listed = set(tomllib.load(f)["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(root).parts) for init in (root / "helpers").rglob("__init__.py")
    }
    assert found == listed, f"pyproject [tool.setuptools] packages {sorted(listed)}, on disk {sorted(found)}"
