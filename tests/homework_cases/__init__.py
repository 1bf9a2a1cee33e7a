"""Reference and wrong answers for every homework task, one module per homework.

Each module hwNN.py defines ``CASES``: ``{task_id: {"reference": make, "wrong": {name: make, …}}}``
(optionally ``"also_right": {name: make, …}``: other valid answers that must give ✅)
where each ``make`` is a function without arguments returning ``answer(*args, **kwargs)``.
tests/test_checks.py runs them all: the reference must give ✅, each wrong answer ❌,
the placeholder ``...`` ⏳.
"""


def answer(*args, **kwargs):
    """What a student passes to hw.check(task, *args, **kwargs)."""
    return args, kwargs


# homework id -> {"reference": n, "also_right": n, "wrong": n, "placeholder": n}: what tests/test_checks.py
# tried, printed at the end of the pytest run by tests/conftest.py.
TRIED = {}
