"""What the tools and the tests agree on about notebooks.

Config from pyproject's [tool.course], the code hash of the provenance stamp,
the Colab badge, the kernel environment, and the structure checks.
"""

import ast
import hashlib
import json
import re
import tomllib
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
HOMEWORK = NOTEBOOKS / "homework"
SOLUTIONS = HOMEWORK / "solutions"

LESSON_NAME = re.compile(r"^\d\d_[a-z0-9]+(_[a-z0-9]+)*\.ipynb$")
HOMEWORK_NAME = re.compile(r"^hw\d\d_[a-z0-9]+(_[a-z0-9]+)*\.ipynb$")
BADGE_IMAGE = "https://colab.research.google.com/assets/colab-badge.svg"
STAMP_KEYS = ("source_sha256", "helpers_sha256", "outputs_sha256", "mode", "seconds", "hardware", "metrics")
HELPERS = ROOT / "helpers"

# The same environment for `make full` and for nbval, so that checked outputs
# (model.summary() tables above all) come out identical in both. NumPy's BLAS
# runs single-threaded: with TensorFlow's own threads on a small machine, two
# BLAS threads made the from-scratch lesson up to 30 times slower.
KERNEL_ENV = {
    "COLUMNS": "100",
    "TF_CPP_MIN_LOG_LEVEL": "2",
    "PYTHONHASHSEED": "0",
    "OPENBLAS_NUM_THREADS": "1",
}


def config():
    """The [tool.course] table of pyproject.toml."""
    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["tool"]["course"]


def lessons():
    """Lesson notebooks, in course order."""
    return sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def solutions():
    """Homework solution notebooks (the single source of each homework), in order."""
    return sorted(SOLUTIONS.glob("hw[0-9][0-9]_*.ipynb"))


def student_versions():
    """Student versions of the homework, generated from the solutions by `make homework`."""
    return sorted(HOMEWORK.glob("hw[0-9][0-9]_*.ipynb"))


def stamped():
    """Notebooks committed with full-mode outputs and a stamp: the lessons, then the solutions."""
    return lessons() + solutions()


def all_notebooks():
    """Every notebook under notebooks/, checkpoints excluded."""
    return sorted(p for p in NOTEBOOKS.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def rel(path):
    """Path relative to the repository root (as is, for files outside it)."""
    path = Path(path).resolve()
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.as_posix()


def colab_url(path):
    cfg = config()
    return f"https://colab.research.google.com/github/{cfg['repository']}/blob/{cfg['branch']}/{rel(path)}"


def badge(path):
    return f"[![Открыть в Colab]({BADGE_IMAGE})]({colab_url(path)})"


def install_url():
    return f"git+https://github.com/{config()['repository']}"


def source_sha256(nb):
    """sha256 of the code cells' sources, in order: what the stamp vouches for.

    The repository address in the Colab bootstrap cell counts as ``<repository>``:
    publishing the course under another GitHub name (``python -m tools.repository``)
    changes no output, so it leaves the stamps valid.
    """
    address = config()["repository"]
    sources = [cell.source.replace(address, "<repository>") for cell in nb.cells if cell.cell_type == "code"]
    return hashlib.sha256(json.dumps(sources, ensure_ascii=False).encode("utf-8")).hexdigest()


def helper_modules(nb):
    """The helpers/ files a notebook runs: the modules its code imports, and theirs, transitively.

    Imports are read from the code (``from helpers import plots``,
    ``from helpers.data import load_mnist``, imports inside functions too);
    ``helpers/__init__.py`` always counts, and ``checks.homework("hw04")``
    also runs the task list ``helpers/homework/hw04.py`` (loaded by name).
    Returns sorted paths relative to the repository root.
    """
    todo = [cell.source for cell in nb.cells if cell.cell_type == "code"]
    # checks.homework("hw04") imports helpers/homework/hw04.py by name
    by_name = re.findall(r"homework\([\"'](\w+)[\"']\)", "\n".join(todo))
    todo += [f"import helpers.homework.{name}" for name in by_name]
    found = {HELPERS / "__init__.py"}
    seen_modules = set()
    while todo:
        for name in _helpers_imports(todo.pop()):
            if name in seen_modules:
                continue
            seen_modules.add(name)
            parts = name.split(".")[1:]
            base = HELPERS.joinpath(*parts)
            for path in (base.with_suffix(".py"), base / "__init__.py"):
                if path.is_file():
                    found.add(path)
                    todo.append(path.read_text(encoding="utf-8"))
    return sorted(rel(path) for path in found)


def _helpers_imports(source):
    """Names of the helpers modules ``source`` imports (IPython magics and shell lines are skipped)."""
    lines = [line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))]
    try:
        tree = ast.parse("\n".join(lines))
    except SyntaxError:
        return []
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names if alias.name.split(".")[0] == "helpers"]
        elif isinstance(node, ast.ImportFrom) and not node.level and str(node.module).startswith("helpers"):
            names.append(node.module)
            names += [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level > 0:  # relative, inside helpers/
            names.append("helpers." + (node.module or ""))
    return names


def helpers_sha256(nb):
    """sha256 of the helpers/ files the notebook runs (``helper_modules``): names and contents."""
    digest = hashlib.sha256()
    for name in helper_modules(nb):
        digest.update(name.encode("utf-8") + b"\0" + (ROOT / name).read_bytes() + b"\0")
    return digest.hexdigest()


def outputs_sha256(nb):
    """sha256 of the stored outputs of every code cell, in order: edited outputs no longer match."""
    outputs = [cell.get("outputs", []) for cell in nb.cells if cell.cell_type == "code"]
    return hashlib.sha256(json.dumps(outputs, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def title(nb):
    """The first '# ' heading of the notebook."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return ""


def canonical_text(nb):
    """The exact text nbformat.write produces for this notebook."""
    text = nbformat.writes(nb)
    return text if text.endswith("\n") else text + "\n"


def output_problems(nb):
    """Execution order and error outputs: what one clean top-to-bottom run leaves."""
    problems = []
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    counts = [cell.execution_count for cell in code]
    if counts != list(range(1, len(code) + 1)):
        problems.append(
            f"execution counts are {counts}, not 1..{len(code)} in order "
            "(outputs are not from one top-to-bottom run)"
        )
    for number, cell in enumerate(code, 1):
        errors = [out for out in cell.outputs if out.output_type == "error"]
        if errors:  # a raising cell stops "Run All" in every front end: catch and print instead
            problems.append(
                f"code cell {number} stores an error ({errors[0].ename}); a cell that shows an error "
                "must catch it (try/except) and print it, so that Run All goes on"
            )
    return problems


def problems(path):
    """Everything wrong with a committed lesson notebook; each item names the fix."""
    path = Path(path)
    name = rel(path)
    found = []
    if not (LESSON_NAME.match(path.name) or HOMEWORK_NAME.match(path.name)):
        found.append(
            f"file name must look like NN_snake_case.ipynb or hwNN_snake_case.ipynb (fix: git mv {name} …)"
        )
    text = path.read_text(encoding="utf-8")
    nb = nbformat.reads(text, as_version=4)
    if text != canonical_text(nb):
        found.append("not canonically formatted (fix: save it with nbformat.write, e.g. make full)")
    stamp = nb.metadata.get("course")
    if not stamp:
        found.append("no provenance stamp metadata.course (fix: make full NB=…)")
    else:
        missing = [key for key in STAMP_KEYS if key not in stamp]
        if missing:
            found.append(f"stamp lacks {missing} (fix: make full NB=…)")
        if stamp.get("mode") != "full":
            found.append(f"stamp mode is {stamp.get('mode')!r}, not 'full' (fix: make full NB=…)")
        if stamp.get("source_sha256") != source_sha256(nb):
            found.append(
                "code cells changed after the outputs were made: stamp "
                f"{str(stamp.get('source_sha256'))[:12]}…, code now {source_sha256(nb)[:12]}… "
                "(fix: re-run it with make full NB=…)"
            )
        if stamp.get("helpers_sha256") != helpers_sha256(nb):
            found.append(
                "helpers/ code it runs changed after the outputs were made "
                f"({', '.join(m.removeprefix('helpers/') for m in helper_modules(nb))}): its figures and "
                "printed lines may be out of date (fix: re-run it with make full NB=…)"
            )
        if stamp.get("outputs_sha256") != outputs_sha256(nb):
            found.append(
                "stored outputs differ from the ones the full run made (edited by hand or by a tool?) "
                "(fix: re-run it with make full NB=…)"
            )
    found += output_problems(nb)
    first = nb.cells[0].source if nb.cells else ""
    if badge(path) not in first:
        found.append(f"first cell lacks the Colab badge for its own path: {badge(path)}")
    if not any(install_url() in cell.source for cell in nb.cells if cell.cell_type == "code"):
        found.append(f"no Colab bootstrap cell installing {install_url()}")
    prefix = path.name.split("_")[0]
    return [f"{name}: {item}".replace("NB=…", f"NB={prefix}") for item in found]
