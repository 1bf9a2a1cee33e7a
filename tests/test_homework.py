"""Homework notebooks: generated student versions, stored check lines, my_work/ copies.

- the committed student versions equal what `make homework` derives, and hold
  no line from inside a solution block;
- the solutions' stored (full-mode) outputs check every task, and every check
  line there is ✅;
- the student versions run top to bottom in quick mode and print only ⏳;
- `make my-work` never overwrites: an edited copy survives a second run and a
  regeneration of the homework.
"""

import re

import nbformat
import pytest

from helpers import checks
from tools import homework, my_work, nbmeta, run_notebooks

SOLUTIONS = nbmeta.solutions()
STUDENT = nbmeta.student_versions()
VERDICT = re.compile(r"^(✅|❌|⏳|⚠️)", re.M)
CHECK_CALL = re.compile(r"\bhw\.check\(\s*['\"]?(\w+)")


def homework_id(path):
    return path.name.split("_")[0]


def outputs_text(cell):
    parts = []
    for out in cell.get("outputs", []):
        if out.output_type == "stream":
            parts.append(out.text)
        elif out.output_type in ("execute_result", "display_data"):
            parts.append(out.data.get("text/plain", ""))
        elif out.output_type == "error":
            parts.append(f"ERROR {out.ename}: {out.evalue}")
    return "".join(parts)


def test_five_solutions_and_their_student_versions():
    assert [homework_id(p) for p in SOLUTIONS] == [h for h in checks.homework_ids() if h.startswith("hw")]
    assert [p.name for p in STUDENT] == [p.name for p in SOLUTIONS]


def test_student_versions_equal_what_make_homework_generates():
    stale = homework.build(check=True)
    assert not stale, f"out of date: {[nbmeta.rel(p) for p in stale]} (fix: make homework)"


@pytest.mark.parametrize("solution", SOLUTIONS, ids=[p.name for p in SOLUTIONS])
def test_student_version_holds_no_solution_line(solution):
    nb = nbformat.read(solution, as_version=4)
    secret = {line.strip() for line in homework.solution_lines(nb)}
    assert secret, f"{solution.name} has no solution block"
    # A line that also stands outside every block (say `plt.show()`) gives nothing away.
    outside = set()
    for cell in nb.cells:
        lines = cell.source.splitlines()
        inside = {n for start, end in homework.solution_blocks(cell.source) for n in range(start, end + 1)}
        outside |= {line.strip() for n, line in enumerate(lines) if n not in inside}
    student = nbformat.read(homework.student_path(solution), as_version=4)
    shown = {line.strip() for cell in student.cells for line in cell.source.splitlines()}
    leaked = sorted((secret & shown) - outside)
    assert not leaked, f"solution lines visible to students: {leaked[:3]}"
    assert not any("BEGIN SOLUTION" in line or "END SOLUTION" in line for line in shown)


@pytest.mark.parametrize("student", STUDENT, ids=[p.name for p in STUDENT])
def test_student_version_has_no_outputs_stamp_or_checked_cells(student):
    nb = nbformat.read(student, as_version=4)
    assert "course" not in nb.metadata
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
            assert homework.CHECK_OUTPUT_TAG not in cell.metadata.get("tags", [])
    assert nbmeta.badge(student) in nb.cells[0].source
    assert any(nbmeta.install_url() in c.source for c in nb.cells if c.cell_type == "code")


@pytest.mark.parametrize("solution", SOLUTIONS, ids=[p.name for p in SOLUTIONS])
def test_stored_solution_outputs_check_every_task_and_all_are_right(solution):
    nb = nbformat.read(solution, as_version=4)
    tasks = checks.homework(homework_id(solution)).task_ids
    called = [m for c in nb.cells if c.cell_type == "code" for m in CHECK_CALL.findall(c.source)]
    assert sorted(set(called), key=tasks.index) == tasks, f"checked {called}, tasks {tasks}"
    lines = [line for c in nb.cells if c.cell_type == "code" for line in outputs_text(c).splitlines()]
    verdicts = [line for line in lines if VERDICT.match(line)]
    assert len(verdicts) >= len(tasks), f"{len(verdicts)} check lines stored for {len(tasks)} tasks"
    wrong = [line for line in verdicts if not line.startswith(checks.OK)]
    assert not wrong, f"stored check lines that are not ✅: {wrong}"


@pytest.mark.parametrize("student", STUDENT, ids=[p.name for p in STUDENT])
def test_student_version_runs_in_quick_mode_and_prints_only_not_done(student):
    nb = run_notebooks.execute(student, quick=True)
    assert nbmeta.output_problems(nb) == []
    tasks = checks.homework(homework_id(student)).task_ids
    verdicts = []
    for cell in nb.cells:
        if cell.cell_type == "code":
            text = outputs_text(cell)
            assert "ERROR" not in text, text
            verdicts += [line for line in text.splitlines() if VERDICT.match(line)]
    assert len(verdicts) >= len(tasks)
    assert all(line.startswith(checks.TODO) for line in verdicts), verdicts


# The generator itself.


def test_placeholders_keep_the_notebook_runnable():
    source = "\n".join(
        [
            "def relu(z):",
            "    ### BEGIN SOLUTION",
            "    return np.maximum(z, 0)",
            "    ### END SOLUTION",
            "",
            "### BEGIN SOLUTION",
            "h, out = forward(x)",
            "w = h * 2",
            "### END SOLUTION",
            "print('ok')",
        ]
    )
    assert homework.strip_solutions(source, "code").splitlines() == [
        "def relu(z):",
        "    ...  # ваш код здесь",
        "",
        "h = ...  # ваш код здесь",
        "out = ...  # ваш код здесь",
        "w = ...  # ваш код здесь",
        "print('ok')",
    ]


def test_markdown_blocks_become_an_invitation_to_answer():
    source = "Вывод:\n<!-- ### BEGIN SOLUTION -->\nAdam быстрее.\n<!-- ### END SOLUTION -->"
    assert homework.strip_solutions(source, "markdown") == "Вывод:\n" + homework.MARKDOWN_PLACEHOLDER


@pytest.mark.parametrize(
    "source",
    ["### BEGIN SOLUTION\nx = 1", "x = 1\n### END SOLUTION", "### BEGIN SOLUTION\n### BEGIN SOLUTION\n"],
)
def test_unbalanced_markers_are_an_error(source):
    with pytest.raises(ValueError):
        homework.solution_blocks(source)


def test_generation_twice_changes_nothing(tmp_path):
    solution = SOLUTIONS[0]
    first = nbmeta.canonical_text(homework.student_version(solution))
    second = nbmeta.canonical_text(homework.student_version(solution))
    assert first == second == homework.student_path(solution).read_text(encoding="utf-8")


# my_work/: the student's copies are never overwritten.


def test_my_work_copies_then_never_overwrites(tmp_path, capsys):
    copied, kept = my_work.main([], target=tmp_path)
    assert sorted(p.name for p in copied) == [p.name for p in STUDENT] and not kept
    mine = tmp_path / "homework" / STUDENT[0].name
    edited = mine.read_text(encoding="utf-8").replace("...  # ваш код здесь", "42  # мой ответ", 1)
    assert edited != mine.read_text(encoding="utf-8")
    mine.write_text(edited, encoding="utf-8")

    homework.build()  # regenerate the student versions
    copied, kept = my_work.main([], target=tmp_path)
    assert not copied and mine in kept
    assert mine.read_text(encoding="utf-8") == edited
    assert "не трогаю" in capsys.readouterr().out


def test_my_work_with_lessons_mirrors_notebooks_so_links_work(tmp_path):
    my_work.main(["--lessons"], target=tmp_path)
    assert (tmp_path / nbmeta.lessons()[0].name).exists()
    hw = nbformat.read(tmp_path / "homework" / STUDENT[0].name, as_version=4)
    text = "\n".join(c.source for c in hw.cells if c.cell_type == "markdown")
    for link in re.findall(r"\]\((\.\./[^)#]+\.ipynb)", text):
        assert (tmp_path / "homework" / link).resolve().exists(), link


def test_my_work_homework_alone_links_to_the_lessons_in_notebooks(tmp_path):
    my_work.main([], target=tmp_path)
    hw = nbformat.read(tmp_path / "homework" / STUDENT[0].name, as_version=4)
    text = "\n".join(c.source for c in hw.cells if c.cell_type == "markdown")
    links = re.findall(r"\]\((\.\./[^)#]+\.ipynb)", text)
    assert links and all("/notebooks/" in link for link in links)
    for link in links:
        assert (tmp_path / "homework" / link).resolve().exists(), link


def test_each_lesson_summary_links_to_its_homework():
    from tools import readme

    for student in STUDENT:
        for number in readme.homework_lessons(homework_id(student)):
            lesson = next(p for p in nbmeta.lessons() if p.name.startswith(number))
            nb = nbformat.read(lesson, as_version=4)
            summary = next(c.source for c in nb.cells if c.cell_type == "markdown" and "## Итоги" in c.source)
            assert f"](homework/{student.name})" in summary, f"{lesson.name} «Итоги» lacks {student.name}"


def test_new_homework_follows_the_template_and_never_overwrites(tmp_path, monkeypatch):
    monkeypatch.setattr(nbmeta, "SOLUTIONS", tmp_path)
    path = homework.new("42", "probe_topic", "Домашнее задание 42. Проба")
    nb = nbformat.read(path, as_version=4)
    assert nb.cells[0].source.startswith("# Домашнее задание 42. Проба")
    assert nbmeta.badge(path) in nb.cells[0].source
    assert 'checks.homework("hw42")' in nb.cells[2].source
    with pytest.raises(SystemExit, match="never overwrites"):
        homework.new("42", "probe_topic", "again")
