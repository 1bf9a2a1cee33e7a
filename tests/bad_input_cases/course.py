"""Bad inputs for helpers.course (setup, pick, report, record, is_quick)."""

import numpy as np

from helpers import course
from tests.bad_input_cases import Bad


def quick_env(value):
    def call(env):
        env.monkeypatch.setenv("COURSE_QUICK", value)
        return course.is_quick()

    return call


def record_into_file(**metrics):
    def call(env):
        env.monkeypatch.setenv(course.METRICS_ENV, str(env.tmp_path / "metrics.json"))
        return course.record(**metrics)

    return call


CASES = [
    Bad("course.is_quick", "russian yes", quick_env("да"), ("COURSE_QUICK", "export COURSE_QUICK=1")),
    Bad("course.is_quick", "two", quick_env("2"), ("COURSE_QUICK", "'2'")),
    Bad("course.is_quick", "word quick", quick_env("quick"), ("COURSE_QUICK", "перезапустите ядро")),
    Bad("course.pick", "quick as a string", lambda env: course.pick(full=15, quick="1"),
        ("«quick»", "строка '1'", "без кавычек")),
    Bad("course.pick", "swapped", lambda env: course.pick(1, 15), ("«quick»", "перепутаны", "full=15, quick=1")),
    Bad("course.pick", "placeholder", lambda env: course.pick(full=..., quick=1), ("«full»", "заготовка")),
    Bad("course.pick", "None", lambda env: course.pick(full=10, quick=None), ("«quick»", "None")),
    Bad("course.pick", "list and int", lambda env: course.pick(full=[16, 64], quick=16), ("«quick»", "одного типа")),
    Bad("course.setup", "seed as a string", lambda env: course.setup(seed="42"),
        ("«seed»", "строка '42'", "уберите кавычки: 42")),
    Bad("course.setup", "fractional seed", lambda env: course.setup(seed=4.2), ("«seed»", "целое число")),
    Bad("course.setup", "negative seed", lambda env: course.setup(seed=-1), ("«seed»", "от 0 до")),
    Bad("course.setup", "None seed", lambda env: course.setup(seed=None), ("«seed»", "None")),
    Bad("course.report", "None", lambda env: course.report(acc=None), ("«acc»", "None", "одно число")),
    Bad("course.report", "string", lambda env: course.report(acc="0.9"), ("«acc»", "строка '0.9'")),
    Bad("course.report", "NaN", lambda env: course.report(acc=float("nan")), ("«acc»", "конечное число")),
    Bad("course.report", "array of two", lambda env: course.report(acc=np.array([0.8, 0.9])),
        ("«acc»", "формы (2,)", "одно значение")),
    Bad("course.report", "nothing", lambda env: course.report(), ("report", "test_accuracy=test_accuracy")),
    Bad("course.record", "None", record_into_file(checked_test_accuracy=None), ("«checked_test_accuracy»", "None")),
    Bad("course.record", "inf", record_into_file(x=float("inf")), ("«x»", "конечное число")),
    Bad("course.record", "list", record_into_file(x=[0.5]), ("«x»", "список из 1 элемента")),
    Bad("course.record", "nothing", lambda env: course.record(), ("record", "ни одного числа")),
]
