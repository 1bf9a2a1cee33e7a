"""helpers.course: mode switch, metrics report, setup."""

import json

import numpy as np
import pytest

from helpers import course


def test_pick_follows_course_quick(monkeypatch):
    monkeypatch.setenv("COURSE_QUICK", "1")
    assert course.is_quick() and course.pick(full=15, quick=1) == 1
    monkeypatch.setenv("COURSE_QUICK", "0")
    assert not course.is_quick() and course.pick(full=15, quick=1) == 15
    monkeypatch.delenv("COURSE_QUICK")
    assert course.pick(full=15, quick=1) == 15


def test_report_prints_and_merges_into_metrics_file(tmp_path, monkeypatch, capsys):
    target = tmp_path / "metrics.json"
    monkeypatch.setenv("COURSE_METRICS_FILE", str(target))
    course.report(test_accuracy=np.float32(0.98125))
    course.report(seconds_per_epoch=5)
    assert json.loads(target.read_text()) == {
        "test_accuracy": float(np.float32(0.98125)),
        "seconds_per_epoch": 5.0,
    }
    assert "Точность на тестовой выборке: 0.9812" in capsys.readouterr().out


def test_report_without_metrics_file_only_prints(monkeypatch, capsys, tmp_path):
    monkeypatch.delenv("COURSE_METRICS_FILE", raising=False)
    monkeypatch.chdir(tmp_path)
    course.report(x=1)
    assert "x: 1.0000" in capsys.readouterr().out and list(tmp_path.iterdir()) == []


def test_record_writes_silently_and_only_under_make_full(monkeypatch, capsys, tmp_path):
    target = tmp_path / "metrics.json"
    monkeypatch.setenv("COURSE_METRICS_FILE", str(target))
    course.record(checked_test_accuracy=np.float64(0.9194))
    assert json.loads(target.read_text()) == {"checked_test_accuracy": 0.9194}
    monkeypatch.delenv("COURSE_METRICS_FILE")
    monkeypatch.chdir(tmp_path)
    course.record(x=1)
    assert capsys.readouterr().out == "" and list(tmp_path.iterdir()) == [target]


def test_setup_seeds_and_prints_versions_device_mode(monkeypatch, capsys):
    monkeypatch.setenv("COURSE_QUICK", "1")
    course.setup(seed=7)
    first = np.random.rand(3)
    course.setup(seed=7)
    np.testing.assert_array_equal(first, np.random.rand(3))
    out = capsys.readouterr().out
    assert "TensorFlow" in out and "Keras" in out and "устройство: CPU" in out
    assert "режим: быстрый" in out and "seed 7" in out


def test_every_metric_a_lesson_reports_has_a_russian_label():
    import re
    from pathlib import Path

    import nbformat

    root = Path(__file__).resolve().parent.parent
    keys = set()
    for path in root.glob("notebooks/**/*.ipynb"):
        for cell in nbformat.read(path, as_version=4).cells:
            for call in re.findall(r"course\.report\(([^)]*(?:\([^)]*\)[^)]*)*)\)", cell.source):
                keys |= set(re.findall(r"(\w+)\s*=", call))
    keys.add("checked_test_accuracy")  # recorded by the homework checks
    assert keys and not keys - set(course.METRIC_LABELS), sorted(keys - set(course.METRIC_LABELS))


@pytest.mark.parametrize(
    ("n", "expected"),
    [(1, "1 ошибка"), (2, "2 ошибки"), (4, "4 ошибки"), (5, "5 ошибок"), (11, "11 ошибок"), (12, "12 ошибок"),
     (14, "14 ошибок"), (21, "21 ошибка"), (22, "22 ошибки"), (72, "72 ошибки"), (111, "111 ошибок"),
     (192, "192 ошибки"), (0, "0 ошибок"), (101, "101 ошибка")],
)
def test_plural_agrees_with_the_number(n, expected):
    from helpers.russian import plural

    assert plural(n, "ошибка", "ошибки", "ошибок") == expected
