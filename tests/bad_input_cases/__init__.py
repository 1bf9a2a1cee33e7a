"""Bad inputs for every public helper: one module of rows per module of helpers/.

Each module here (course.py, data.py, plots.py …) holds ``CASES``, a list of
``Bad`` rows; tests/test_bad_input.py runs them all and checks that every
public function, class and method of helpers/ has at least three rows.
"""

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

# The totals printed at the end of a pytest run (tests/conftest.py).
TRIED = Counter()


@dataclass
class Bad:
    """One bad input: ``call(env)`` must raise a course error (or print, with ``printed=True``).

    ``target`` names what is covered, relative to helpers: "plots.show_images",
    "scratch.Dense" (the constructor), "scratch.Trainer.fit" (a method).
    ``says`` are fragments the Russian message must contain (the argument's
    name, the property, the fix). ``env`` gives ``env.tmp_path`` (a fresh
    folder) and ``env.monkeypatch`` (environment variables, attributes).
    ``printed=True``: the helper answers by printing a Russian message (it
    must not raise, and returns ``None`` or ``False``); the printed text is
    checked instead. ``returned=True``: the helper returns its Russian answer
    (e.g. ``Homework.verdict``), whose text is checked and must not be ✅.
    ``chained=True``: the course error may keep its cause (the student's own
    exception, worth seeing).
    """

    target: str
    label: str
    call: Callable
    says: tuple = ()
    printed: bool = False
    returned: bool = False
    chained: bool = False


CYRILLIC = re.compile(r"[а-яё]{3,}", re.IGNORECASE)
