"""Copy the homework (and, if asked, the lessons) into my_work/ without ever overwriting.

    make my-work              # python -m tools.my_work
    make my-work LESSONS=1    # python -m tools.my_work --lessons

my_work/ mirrors notebooks/: the homework goes to my_work/homework/, lessons to
my_work/ itself, so the links between lessons and homework keep working. In the
homework copies, links to lessons point at notebooks/ unless the lessons are
copied too. A file that already exists in my_work/ is never touched: that is
the student's work. Messages are in Russian: students run this command.
"""

import os
import sys
from pathlib import Path

import nbformat

from tools import nbmeta

MY_WORK = nbmeta.ROOT / "my_work"


def plan(with_lessons, target=MY_WORK):
    """(source, destination) pairs: the student versions of the homework, then the lessons if asked."""
    pairs = [(path, target / "homework" / path.name) for path in nbmeta.student_versions()]
    if with_lessons:
        pairs += [(path, target / path.name) for path in nbmeta.lessons()]
    return pairs


def copy(source, destination, lessons_here):
    """Write one copy; homework links to lessons go to notebooks/ when my_work/ has no lessons."""
    nb = nbformat.read(source, as_version=4)
    if source.parent == nbmeta.HOMEWORK and not lessons_here:
        lessons = Path(os.path.relpath(nbmeta.NOTEBOOKS, destination.parent)).as_posix()
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                cell.source = cell.source.replace("](../", f"]({lessons}/")
    destination.parent.mkdir(parents=True, exist_ok=True)
    with open(destination, "x", encoding="utf-8") as f:  # "x": fails rather than overwrite
        f.write(nbmeta.canonical_text(nb))


def main(argv, target=MY_WORK):
    with_lessons = "--lessons" in argv
    lessons_here = with_lessons or (target / nbmeta.lessons()[0].name).exists()
    copied, kept = [], []
    for source, destination in plan(with_lessons, target):
        if destination.exists():
            kept.append(destination)
            continue
        copy(source, destination, lessons_here)
        copied.append(destination)
    for path in copied:
        print(f"скопирован: {nbmeta.rel(path)}")
    for path in kept:
        print(f"уже есть, не трогаю: {nbmeta.rel(path)}")
    print(
        f"Готово: скопировано {len(copied)}, оставлено как есть {len(kept)}. "
        f"Откройте папку {nbmeta.rel(target)}/ в Jupyter (make lab) и работайте в копиях."
    )
    if not with_lessons:
        print("Уроки тоже можно скопировать: make my-work LESSONS=1.")
    return copied, kept


if __name__ == "__main__":
    main(sys.argv[1:], Path(MY_WORK))
