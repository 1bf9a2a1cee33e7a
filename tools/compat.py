"""Run the course on Colab's stack: TensorFlow 2.19.0 / Keras 3.10.0 (`make compat`).

Steps:

1. build the course package (a wheel in build/dist/, as `pip install` of the
   repository would) and install it into `.venv-compat`, an environment made
   from requirements-compat.txt (the Makefile creates it);
2. execute every lesson and homework solution there in quick mode, each in a
   temporary folder, with a kernel of that environment; `helpers` must come
   from the installed wheel, never from the repository;
3. report per notebook: errors (the run fails) and, separately, checked-output
   cells (tag `nbval-check-output`) whose text differs from the stored one
   after the nbval sanitizers — formatting differences between Keras versions.

Prints a summary line: notebooks executed, versions, differences, wall time.
"""

import configparser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from tools import nbmeta

VENV = nbmeta.ROOT / ".venv-compat"
DIST = nbmeta.ROOT / "build" / "dist"
KERNEL_NAME = "course-compat"
CELL_TIMEOUT_S = 900


def build_wheel():
    """The course package as a wheel in build/dist/ (no dependencies bundled); returns its path."""
    shutil.rmtree(DIST, ignore_errors=True)
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"]
    command += ["-w", str(DIST), "."]
    subprocess.run(command, cwd=nbmeta.ROOT, check=True)
    (wheel,) = DIST.glob("*.whl")
    return wheel


def install(python, wheel):
    """pip install the wheel into the environment of ``python`` (its dependencies are already there)."""
    command = [str(python), "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall", str(wheel)]
    subprocess.run(command, check=True)


def kernel_dir(python, name, folder):
    """A kernelspec ``name`` that starts ``python``; returns the folder to put on JUPYTER_PATH."""
    spec = folder / "kernels" / name
    spec.mkdir(parents=True)
    argv = [str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": name, "language": "python"}))
    return folder


def sanitizers():
    parser = configparser.ConfigParser()
    parser.read(nbmeta.ROOT / "tests" / "nbval_sanitize.cfg", encoding="utf-8")
    return [(re.compile(parser[s]["regex"]), parser[s]["replace"]) for s in parser.sections()]


def shown_text(cell, rules):
    """The text of a cell's outputs (streams and text/plain), sanitized as nbval does."""
    parts = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream" and output.get("name") == "stdout":
            parts.append(output["text"])
        elif "data" in output and "text/plain" in output["data"]:
            parts.append(output["data"]["text/plain"])
    text = "".join(parts)
    for regex, replacement in rules:
        text = regex.sub(replacement, text)
    return text


def execute(path, kernel_name, jupyter_path, extra_cells=(), prepare=None):
    """Run a copy of the notebook in quick mode in a temporary folder; return the executed notebook."""
    nb = nbformat.read(path, as_version=4)
    if prepare:
        prepare(nb)
    nb.cells += [nbformat.v4.new_code_cell(source) for source in extra_cells]
    env = {**nbmeta.KERNEL_ENV, "COURSE_QUICK": "1", "JUPYTER_PATH": str(jupyter_path)}
    saved = {key: os.environ.get(key) for key in env}
    os.environ.update(env)
    try:
        with tempfile.TemporaryDirectory(prefix="course-compat-") as folder:
            client = NotebookClient(nb, timeout=CELL_TIMEOUT_S, kernel_name=kernel_name, allow_errors=True,
                                    resources={"metadata": {"path": folder}})
            client.execute()
    finally:
        for key, value in saved.items():
            os.environ.pop(key, None) if value is None else os.environ.__setitem__(key, value)
    return nb


ORIGIN = (
    "import helpers, keras, tensorflow as tf\n"
    "print('ORIGIN', helpers.__file__, tf.__version__, keras.__version__)"
)


def origin(nb):
    """(helpers file, TF version, Keras version) printed by the ORIGIN cell at the end of ``nb``."""
    text = "".join(o.get("text", "") for o in nb.cells[-1].get("outputs", []))
    match = re.search(r"ORIGIN (\S+) (\S+) (\S+)", text)
    return match.groups() if match else (None, None, None)


def main(argv):
    started = time.monotonic()
    python = VENV / "bin" / "python"
    if not python.exists():
        sys.exit(f"{nbmeta.rel(VENV)} is missing: `make compat` makes it from requirements-compat.txt")
    wheel = build_wheel()
    install(python, wheel)
    rules = sanitizers()
    chosen = [p for p in nbmeta.stamped() if not argv or any(p.name.startswith(a) for a in argv)]
    failures, differences, versions = [], [], None
    with tempfile.TemporaryDirectory(prefix="course-kernels-") as folder:
        jupyter_path = kernel_dir(python, KERNEL_NAME, Path(folder))
        for path in chosen:
            start = time.monotonic()
            nb = execute(path, KERNEL_NAME, jupyter_path, extra_cells=[ORIGIN])
            stored = nbformat.read(path, as_version=4)
            problems = nbmeta.output_problems(nb)
            helpers_file, tf_version, keras_version = origin(nb)
            versions = (tf_version, keras_version)
            if not helpers_file or str(VENV) not in helpers_file:
                problems.append(f"helpers was imported from {helpers_file}, not from the installed wheel")
            for number, (new, old) in enumerate(zip(nb.cells, stored.cells, strict=False), 1):
                checked = "nbval-check-output" in old.metadata.get("tags", [])
                if checked and shown_text(new, rules) != shown_text(old, rules):
                    differences.append(f"{nbmeta.rel(path)}, cell {number}")
            status = "ok" if not problems else "FAILED: " + "; ".join(problems[:3])
            print(f"{nbmeta.rel(path)}: {time.monotonic() - start:.0f} s, {status}", flush=True)
            failures += [path] if problems else []
    print(f"Formatting differences in checked-output cells ({len(differences)}):")
    for item in differences:
        print(f"  {item}")
    print(
        f"{len(chosen)} notebooks executed in quick mode on TensorFlow {versions[0]} / Keras {versions[1]} "
        f"with the course installed from {wheel.name}; {len(failures)} failed; "
        f"{time.monotonic() - started:.0f} s"
    )
    if failures:
        sys.exit(1)


if __name__ == "__main__":
    main(sys.argv[1:])
