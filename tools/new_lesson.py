"""Start a lesson from the template: `python -m tools.new_lesson 07 mnist_dense "07. MNIST: …"`.

The template (tools/templates/lesson.ipynb) holds the conventions every lesson
shares: the title cell with the Colab badge for the notebook's own path, the
Colab-only bootstrap cell, and the course.setup() cell.
"""

import sys

import nbformat

from tools import nbmeta

TEMPLATE = nbmeta.ROOT / "tools" / "templates" / "lesson.ipynb"


def create(number, slug, title):
    path = nbmeta.NOTEBOOKS / f"{number}_{slug}.ipynb"
    return from_template(TEMPLATE, path, nbmeta.LESSON_NAME, "NN_snake_case.ipynb", {"{{TITLE}}": title})


def from_template(template, path, name_pattern, name_form, values):
    """Write `template` to `path` with {{TITLE}}, {{BADGE}}, {{INSTALL_URL}} and `values` filled in.

    Never overwrites: exits with a message if `path` exists or its name does not match `name_pattern`.
    """
    if path.exists():
        sys.exit(f"{nbmeta.rel(path)} already exists; the template never overwrites a notebook.")
    if not name_pattern.match(path.name):
        sys.exit(f"{path.name} is not {name_form}")
    nb = nbformat.read(template, as_version=4)
    values = {"{{BADGE}}": nbmeta.badge(path), "{{INSTALL_URL}}": nbmeta.install_url(), **values}
    for cell in nb.cells:
        for key, value in values.items():
            cell.source = cell.source.replace(key, value)
        cell.id = nbformat.v4.new_code_cell().id
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    print(nbmeta.rel(create(*sys.argv[1:])))
