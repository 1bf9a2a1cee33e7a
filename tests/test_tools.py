"""tools.run_notebooks stamps what it ran; tools.new_lesson follows the conventions."""

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

from tools import nbmeta, new_lesson, run_notebooks


def test_full_run_stamps_hash_mode_hardware_and_metrics(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_QUICK", "1")  # the full run must ignore the caller's mode
    path = tmp_path / "99_probe.ipynb"
    nb = new_notebook()
    nb.cells = [
        new_code_cell("from helpers import course\nprint(course.pick(full='full', quick='quick'))"),
        new_code_cell("course.report(answer=42)"),
    ]
    nbformat.write(nb, path)
    executed = run_notebooks.execute(path)
    stamp = executed.metadata["course"]
    assert stamp["mode"] == "full" and stamp["metrics"] == {"answer": 42.0}
    assert stamp["source_sha256"] == nbmeta.source_sha256(executed)
    assert stamp["hardware"]["cores"] >= 1 and stamp["seconds"] > 0
    assert executed.cells[0].outputs[0]["text"] == "full\n"
    assert [c.execution_count for c in executed.cells] == [1, 2]
    assert nbmeta.output_problems(executed) == []


def test_new_lesson_follows_template_and_never_overwrites(tmp_path, monkeypatch):
    monkeypatch.setattr(nbmeta, "NOTEBOOKS", tmp_path)
    path = new_lesson.create("42", "probe_lesson", "42. Проба")
    nb = nbformat.read(path, as_version=4)
    assert nb.cells[0].source.startswith("# 42. Проба")
    assert nbmeta.badge(path) in nb.cells[0].source
    assert nbmeta.install_url() in nb.cells[1].source
    assert "course.setup()" in nb.cells[2].source
    try:
        new_lesson.create("42", "probe_lesson", "again")
    except SystemExit as stop:
        assert "never overwrites" in str(stop)
    else:
        raise AssertionError("an existing lesson was overwritten")
