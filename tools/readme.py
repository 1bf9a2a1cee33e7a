"""Keep README's lesson, homework and results tables in sync with the notebooks.

    python -m tools.readme          # rewrite the two tables
    python -m tools.readme --check  # exit 1 if README is out of date

The tables live between <!-- lessons:start/end -->, <!-- homework:start/end -->
and <!-- results:start/end -->. The results come from the provenance stamps
(metadata.course) only; a homework's lessons are those its tasks name.
"""

import re
import sys

import nbformat

from tools import nbmeta

README = nbmeta.ROOT / "README.md"


def lessons_table():
    rows = ["| № | Урок | Colab |", "|---|---|---|"]
    for path in nbmeta.lessons():
        nb = nbformat.read(path, as_version=4)
        rows.append(
            f"| {path.name[:2]} | [{nbmeta.title(nb)}]({nbmeta.rel(path)}) "
            f"| [открыть]({nbmeta.colab_url(path)}) |"
        )
    return "\n".join(rows)


def homework_lessons(homework_id):
    """Numbers of the lessons a homework follows, e.g. ['01', '02']."""
    from helpers import checks

    return checks.homework(homework_id).after


def homework_table():
    rows = ["| № | Домашнее задание | После уроков | Colab |", "|---|---|---|---|"]
    for path in nbmeta.student_versions():
        nb = nbformat.read(path, as_version=4)
        homework_id = path.name.split("_")[0]
        rows.append(
            f"| {homework_id} | [{nbmeta.title(nb)}]({nbmeta.rel(path)}) "
            f"| {', '.join(homework_lessons(homework_id))} | [открыть]({nbmeta.colab_url(path)}) |"
        )
    return "\n".join(rows)


def describe_hardware(hw):
    if hw.get("gpu"):
        return f"GPU {hw['gpu']}"
    return f"CPU {hw.get('cpu', '?')}, {hw.get('cores', '?')} ядра"


def results_table():
    rows = [
        "| № | Метрики (полный режим) | Время, с | Оборудование | Дата |",
        "|---|---|---|---|---|",
    ]
    for path in nbmeta.stamped():
        number = path.name.split("_")[0]
        stamp = nbformat.read(path, as_version=4).metadata.get("course")
        if not stamp:
            rows.append(f"| {number} | не запускался в полном режиме | | | |")
            continue
        metrics = ", ".join(f"`{k}` = {v:.4f}" for k, v in stamp["metrics"].items()) or "—"
        rows.append(
            f"| {number} | {metrics} | {stamp['seconds']:.0f} "
            f"| {describe_hardware(stamp['hardware'])} | {stamp.get('date', '')} |"
        )
    return "\n".join(rows)


def site_url():
    """GitHub Pages address of the course website, from [tool.course] repository: owner.github.io/name/."""
    owner, name = nbmeta.config()["repository"].split("/")
    return f"https://{owner.lower()}.github.io/{name}/"


def site_line():
    return f"Сайт курса — все уроки и домашние задания для чтения в браузере, с поиском: {site_url()}"


def render(text):
    tables = (("lessons", lessons_table()), ("homework", homework_table()), ("results", results_table()),
              ("site", site_line()))
    for name, table in tables:
        pattern = re.compile(rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)", re.S)
        if not pattern.search(text):
            raise ValueError(f"README.md lacks the <!-- {name}:start/end --> markers")
        text = pattern.sub(lambda m, t=table: m.group(1) + t + "\n" + m.group(2), text)
    return text


def write():
    README.write_text(render(README.read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    current = README.read_text(encoding="utf-8")
    if "--check" in sys.argv:
        sys.exit(0 if render(current) == current else "README.md is out of date: make readme")
    write()
