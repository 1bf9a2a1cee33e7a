"""Structure of the committed notebooks, and the checks themselves.

Every lesson and homework solution must carry outputs from one full-mode
top-to-bottom run of the code that is committed (the provenance stamp), a Colab
badge for its own path, and canonical formatting. Each failure names the
notebook and the fix. (Student versions of the homework are checked in
tests/test_homework.py.)
"""

import ast
import importlib
import inspect
import json
import pkgutil
import shutil

import nbformat
import pytest

import helpers
from tools import nbmeta, readme

NOTEBOOKS = nbmeta.all_notebooks()
STAMPED = nbmeta.stamped()


@pytest.mark.parametrize("path", STAMPED, ids=[p.name for p in STAMPED])
def test_notebook_structure(path):
    problems = nbmeta.problems(path)
    assert not problems, "\n".join(problems)


def test_there_is_a_lesson_zero():
    assert nbmeta.lessons()[0].name == "00_setup.ipynb"


def test_readme_tables_match_notebooks_and_stamps():
    text = readme.README.read_text(encoding="utf-8")
    assert readme.render(text) == text, "README.md tables are out of date: run `make readme`"


def test_every_public_helper_names_its_lesson():
    for info in pkgutil.iter_modules(helpers.__path__):
        module = importlib.import_module(f"helpers.{info.name}")
        for name, obj in vars(module).items():
            if name.startswith("_") or getattr(obj, "__module__", None) != module.__name__:
                continue
            if inspect.isfunction(obj) or inspect.isclass(obj):
                assert "Introduced in" in (obj.__doc__ or ""), f"helpers.{info.name}.{name}"


def test_notebook_code_cells_parse_as_python():
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code" and "%" not in cell.source and "!" not in cell.source:
                ast.parse(cell.source)


# The checks themselves must catch what they promise to catch.


@pytest.fixture
def lesson_copy(tmp_path):
    target = tmp_path / "00_setup.ipynb"
    shutil.copy(nbmeta.lessons()[0], target)
    return target


def edit(path, change):
    nb = nbformat.read(path, as_version=4)
    change(nb)
    nbformat.write(nb, path)


def first_code(nb):
    return next(cell for cell in nb.cells if cell.cell_type == "code")


def test_edited_code_cell_fails_the_stamp_check(lesson_copy):
    edit(lesson_copy, lambda nb: setattr(first_code(nb), "source", "print('изменено')"))
    problems = nbmeta.problems(lesson_copy)
    assert any("00_setup.ipynb" in p and "code cells changed" in p for p in problems)
    assert any("make full NB=00" in p for p in problems)


def test_missing_stamp_is_reported(lesson_copy):
    edit(lesson_copy, lambda nb: nb.metadata.pop("course"))
    assert any("no provenance stamp" in p for p in nbmeta.problems(lesson_copy))


def test_out_of_order_execution_is_reported(lesson_copy):
    edit(lesson_copy, lambda nb: setattr(first_code(nb), "execution_count", 99))
    assert any("execution counts" in p for p in nbmeta.problems(lesson_copy))


def test_a_stored_error_output_is_reported(lesson_copy):
    error = nbformat.v4.new_output("error", ename="ValueError", evalue="x", traceback=[])
    edit(lesson_copy, lambda nb: first_code(nb).outputs.append(error))
    assert any("stores an error (ValueError)" in p for p in nbmeta.problems(lesson_copy))


def test_non_canonical_formatting_is_reported(lesson_copy):
    nb = json.loads(lesson_copy.read_text(encoding="utf-8"))
    lesson_copy.write_text(json.dumps(nb, indent=2, ensure_ascii=True), encoding="utf-8")
    assert any("canonically formatted" in p for p in nbmeta.problems(lesson_copy))


def test_badge_must_point_at_the_notebooks_own_path(lesson_copy):
    moved = lesson_copy.with_name("01_other.ipynb")
    lesson_copy.rename(moved)
    assert any("Colab badge" in p for p in nbmeta.problems(moved))


def test_bad_file_name_is_reported(lesson_copy):
    renamed = lesson_copy.with_name("Setup Lesson.ipynb")
    lesson_copy.rename(renamed)
    assert any("NN_snake_case" in p for p in nbmeta.problems(renamed))


def test_clean_copy_has_only_path_dependent_problems(lesson_copy):
    assert all("Colab badge" in p for p in nbmeta.problems(lesson_copy))


def test_no_test_machinery_in_code_cells():
    """nbval markers are cell tags (nbval-check-output …), never comments students read."""
    marked = [
        f"{nbmeta.rel(path)}, cell {number}"
        for path in nbmeta.all_notebooks()
        for number, cell in enumerate(nbformat.read(path, as_version=4).cells, 1)
        if cell.cell_type == "code" and "NBVAL" in cell.source.upper()
    ]
    assert not marked, marked


def test_widgets_are_stored_with_the_russian_note():
    """Before a cell runs (or on GitHub) a stored widget shows the note, not `interactive(children=…`."""
    from tools.run_notebooks import WIDGET_MIME, WIDGET_NOTE

    shown = [
        output["data"]["text/plain"]
        for path in STAMPED
        for cell in nbformat.read(path, as_version=4).cells
        for output in cell.get("outputs", [])
        if WIDGET_MIME in output.get("data", {})
    ]
    assert shown and set(shown) == {WIDGET_NOTE}
