"""Derive the student versions of the homework from their solutions.

    make homework                       # python -m tools.homework
    python -m tools.homework --check    # exit 1 if a student version is out of date
    python -m tools.homework new 06 topic "Домашнее задание 6. Заголовок"

The single source of each homework is notebooks/homework/solutions/hwNN_*.ipynb.
Its student version notebooks/homework/hwNN_*.ipynb is that notebook with:

- every block between ``### BEGIN SOLUTION`` and ``### END SOLUTION`` replaced
  by a placeholder that keeps the notebook runnable: inside a function body
  ``...``, at the top level one ``name = ...`` line per name the block assigns;
  in markdown cells (markers inside ``<!-- … -->``) an invitation to answer;
- outputs, execution counts, the provenance stamp and the kernel details
  of the last run removed, and the
  ``nbval-check-output`` tags dropped (there is no output to compare);
- the Colab badge and the links to lessons rewritten for its own folder.

Generation is deterministic: running it twice changes nothing.
"""

import ast
import sys

import nbformat

from tools import nbmeta, new_lesson

BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
CODE_PLACEHOLDER = "...  # ваш код здесь"
MARKDOWN_PLACEHOLDER = "_Ваш ответ:_ …"
CHECK_OUTPUT_TAG = "nbval-check-output"
TEMPLATE = nbmeta.ROOT / "tools" / "templates" / "homework.ipynb"


def student_path(solution):
    """notebooks/homework/solutions/hwNN_x.ipynb → notebooks/homework/hwNN_x.ipynb."""
    return nbmeta.HOMEWORK / solution.name


def solution_blocks(source):
    """(start, end) line indexes of each solution block, markers included; ValueError if unbalanced."""
    blocks, start = [], None
    for number, line in enumerate(source.splitlines()):
        if BEGIN in line:
            if start is not None:
                raise ValueError(f"line {number + 1}: {BEGIN} inside another solution block")
            start = number
        elif END in line:
            if start is None:
                raise ValueError(f"line {number + 1}: {END} without {BEGIN}")
            blocks.append((start, number))
            start = None
    if start is not None:
        raise ValueError(f"line {start + 1}: {BEGIN} is never closed")
    return blocks


def assigned_names(code):
    """Names a top-level block assigns, in order of first assignment."""
    names = []

    def add(target):
        if isinstance(target, ast.Name) and target.id not in names:
            names.append(target.id)
        elif isinstance(target, ast.Tuple | ast.List):
            for element in target.elts:
                add(element)

    for node in ast.parse(code).body:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                add(target)
        elif isinstance(node, ast.AnnAssign | ast.AugAssign):
            add(node.target)
        elif isinstance(node, ast.FunctionDef | ast.ClassDef) and node.name not in names:
            names.append(node.name)
    return names


def placeholder(lines, cell_type):
    """What replaces the lines of one block (markers excluded) in the student version."""
    marker = lines[0]
    indent = marker[: len(marker) - len(marker.lstrip())]
    body = lines[1:-1]
    if cell_type == "markdown":
        return [MARKDOWN_PLACEHOLDER]
    if indent:
        return [indent + CODE_PLACEHOLDER]
    names = assigned_names("\n".join(body))
    if not names:
        return ["# ваш код здесь"]
    return [f"{name} = ...  # ваш код здесь" for name in names]


def strip_solutions(source, cell_type):
    """The source with every solution block replaced by its placeholder."""
    lines = source.splitlines()
    out, last = [], 0
    for start, end in solution_blocks(source):
        out += lines[last:start] + placeholder(lines[start : end + 1], cell_type)
        last = end + 1
    out += lines[last:]
    return "\n".join(out)


def solution_lines(nb):
    """The non-blank lines inside the solution blocks of a notebook (what students must not see)."""
    found = []
    for cell in nb.cells:
        lines = cell.source.splitlines()
        for start, end in solution_blocks(cell.source):
            found += [line for line in lines[start + 1 : end] if line.strip()]
    return found


def student_version(solution):
    """The student version of a solution notebook, as a notebook object (not written)."""
    nb = nbformat.read(solution, as_version=4)
    target = student_path(solution)
    # Only what does not depend on running the solution: no stamp, no widget
    # state, no kernel details (Python version …) that execution fills in.
    nb.metadata.pop("course", None)
    nb.metadata.pop("widgets", None)
    nb.metadata["language_info"] = {"name": "python"}
    for cell in nb.cells:
        cell.source = strip_solutions(cell.source, cell.cell_type)
        tags = [tag for tag in cell.metadata.get("tags", []) if tag != CHECK_OUTPUT_TAG]
        if tags:
            cell.metadata["tags"] = tags
        else:
            cell.metadata.pop("tags", None)
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        elif cell.cell_type == "markdown":
            cell.source = cell.source.replace(nbmeta.badge(solution), nbmeta.badge(target))
            cell.source = cell.source.replace("](../../", "](../")
    return nb


def build(check=False):
    """Write (or with check=True only compare) every student version; returns the stale ones."""
    stale = []
    for solution in nbmeta.solutions():
        target = student_path(solution)
        text = nbmeta.canonical_text(student_version(solution))
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current == text:
            continue
        stale.append(target)
        if not check:
            target.write_text(text, encoding="utf-8")
    return stale


def new(number, slug, title):
    """A new solution notebook from the template; never overwrites an existing one."""
    path = nbmeta.SOLUTIONS / f"hw{number}_{slug}.ipynb"
    values = {"{{TITLE}}": title, "{{ID}}": f"hw{number}"}
    return new_lesson.from_template(TEMPLATE, path, nbmeta.HOMEWORK_NAME, "hwNN_snake_case.ipynb", values)


def main(argv):
    if argv[:1] == ["new"]:
        if len(argv) != 4:
            sys.exit(__doc__)
        print(nbmeta.rel(new(*argv[1:])))
        return
    check = "--check" in argv
    stale = build(check=check)
    for path in stale:
        print(("out of date: " if check else "written: ") + nbmeta.rel(path))
    if check and stale:
        sys.exit("Student versions are out of date: run `make homework`.")
    if not stale:
        print(f"{len(nbmeta.solutions())} student versions up to date.")


if __name__ == "__main__":
    main(sys.argv[1:])
