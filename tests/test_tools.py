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
    assert stamp["helpers_sha256"] == nbmeta.helpers_sha256(executed)
    assert stamp["outputs_sha256"] == nbmeta.outputs_sha256(executed)
    expected = [f"helpers/{n}.py" for n in ("__init__", "course", "errors", "plots")]  # setup() uses plots
    assert nbmeta.helper_modules(executed) == expected
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


def test_repository_command_rewrites_every_address_and_keeps_the_stamps(monkeypatch):
    """A new [tool.course] repository: every badge and bootstrap cell is rewritten, the stamps hold."""
    import nbformat

    from tools import nbmeta, repository

    old = nbmeta.config()
    before = {path: nbmeta.source_sha256(nbformat.read(path, as_version=4)) for path in nbmeta.stamped()}
    assert repository.changes() == {}, "the committed notebooks already disagree with pyproject.toml"
    monkeypatch.setattr(nbmeta, "config", lambda: {**old, "repository": "new-owner/new-name"})
    pending = repository.changes()
    assert set(pending) == set(nbmeta.stamped())
    for path, text in pending.items():
        assert old["repository"] not in text, nbmeta.rel(path)
        nb = nbformat.reads(text, as_version=4)
        assert nbmeta.badge(path) in nb.cells[0].source
        code = [cell.source for cell in nb.cells if cell.cell_type == "code"]
        assert any("git+https://github.com/new-owner/new-name" in source for source in code)
        assert nbmeta.source_sha256(nb) == before[path], f"{nbmeta.rel(path)}: the stamp would go stale"


def test_readme_links_point_at_the_configured_repository():
    import re

    from tools import nbmeta, readme

    text = readme.README.read_text(encoding="utf-8")
    owners = set(re.findall(r"colab\.research\.google\.com/github/([\w.-]+/[\w.-]+)/", text))
    assert owners == {nbmeta.config()["repository"]}


def test_a_changed_helper_makes_the_stamp_stale_naming_the_notebook_and_the_fix(tmp_path, monkeypatch):
    """One line changed in a helper lesson 07 runs (in a copy of helpers/): the check names 07 and the fix."""
    import shutil

    lesson = next(p for p in nbmeta.lessons() if p.name.startswith("07_"))
    assert not [p for p in nbmeta.problems(lesson) if "helpers/" in p]
    shutil.copytree(nbmeta.HELPERS, tmp_path / "helpers", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(nbmeta.ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    plots = tmp_path / "helpers" / "plots.py"
    plots.write_text(plots.read_text(encoding="utf-8").replace("figure.dpi\": 100", "figure.dpi\": 101"))
    monkeypatch.setattr(nbmeta, "ROOT", tmp_path)
    monkeypatch.setattr(nbmeta, "HELPERS", tmp_path / "helpers")
    found = [p for p in nbmeta.problems(lesson) if "helpers/ code it runs changed" in p]
    assert found and "07_mnist_dense" in found[0] and "make full NB=07" in found[0], nbmeta.problems(lesson)


def test_an_output_edited_by_hand_makes_the_stamp_stale(tmp_path):
    lesson = next(p for p in nbmeta.lessons() if p.name.startswith("05_"))
    nb = nbformat.read(lesson, as_version=4)
    for cell in nb.cells:
        texts = [o for o in cell.get("outputs", []) if o.get("output_type") == "stream"]
        if texts and any(ch.isdigit() for ch in texts[0]["text"]):
            texts[0]["text"] = texts[0]["text"].replace("0", "9", 1)
            break
    edited = tmp_path / lesson.name
    nbformat.write(nb, edited)
    found = [p for p in nbmeta.problems(edited) if "stored outputs differ" in p]
    assert found and lesson.name in found[0] and "make full NB=05" in found[0]
