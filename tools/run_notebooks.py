"""Run notebooks top to bottom in full mode and stamp where their outputs came from.

    make full            # every lesson
    make full NB=07      # lessons whose file name starts with 07
    make full NB=hw04    # a homework solution (notebooks/homework/solutions/)
    python -m tools.run_notebooks 00 07

The outputs are written in place, and metadata.course gets the stamp:
source_sha256 (of the code cells), mode, seconds, hardware, versions, date and
the metrics the lesson passed to course.report(...). A notebook that fails, or
that leaves an error in a cell not marked to raise, is not written.
"""

import datetime
import importlib.metadata
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from tools import nbmeta, readme

CELL_TIMEOUT_S = 3600


def hardware():
    """CPU model, core count and GPU name(s) of this machine."""
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    gpu = None
    if shutil.which("nvidia-smi"):
        result = subprocess.run(
            ["nvidia-smi", "--query-gpu=name", "--format=csv,noheader"],
            capture_output=True,
            text=True,
        )
        gpu = ", ".join(line.strip() for line in result.stdout.splitlines() if line.strip())
        gpu = gpu or None
    return {"cpu": cpu, "cores": os.cpu_count(), "gpu": gpu}


def versions():
    names = ("tensorflow", "keras", "numpy")
    found = {name: importlib.metadata.version(name) for name in names}
    found["python"] = platform.python_version()
    return found


def execute(path, quick=False):
    """Execute one notebook and return it with a fresh stamp (not yet written)."""
    nb = nbformat.read(path, as_version=4)
    metrics_file = Path(tempfile.mkstemp(suffix=".json")[1])
    metrics_file.write_text("{}")
    env = {**nbmeta.KERNEL_ENV, "COURSE_METRICS_FILE": str(metrics_file)}
    saved = {key: os.environ.get(key) for key in [*env, "COURSE_QUICK"]}
    os.environ.update(env)
    os.environ.pop("COURSE_QUICK", None)
    if quick:
        os.environ["COURSE_QUICK"] = "1"
    client = NotebookClient(
        nb,
        timeout=CELL_TIMEOUT_S,
        kernel_name="python3",
        allow_errors=True,
        record_timing=False,
        resources={"metadata": {"path": str(Path(path).parent)}},
    )
    start = time.monotonic()
    try:
        client.execute()
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    seconds = round(time.monotonic() - start, 1)
    metrics = json.loads(metrics_file.read_text())
    metrics_file.unlink()
    show_widgets_as_a_note(nb)
    nb.metadata["course"] = {
        "source_sha256": nbmeta.source_sha256(nb),
        "helpers_sha256": nbmeta.helpers_sha256(nb),
        "outputs_sha256": nbmeta.outputs_sha256(nb),
        "mode": "quick" if quick else "full",
        "seconds": seconds,
        "hardware": hardware(),
        "versions": versions(),
        "kernel_env": dict(nbmeta.KERNEL_ENV),
        "date": datetime.date.today().isoformat(),
        "metrics": metrics,
    }
    return nb


WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
WIDGET_NOTE = (
    "[Здесь интерактивный виджет: ползунки появятся, когда вы выполните ячейку (Shift+Enter). "
    "В просмотре на GitHub и на сайте курса виджеты не работают.]"
)


def show_widgets_as_a_note(nb):
    """Replace the text form of stored widgets (``interactive(children=(IntSlider(…``) with a Russian note.

    That text is what a reader sees before the cell runs (an untrusted notebook,
    GitHub); lesson 00 tells what it means.
    """
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if WIDGET_MIME in output.get("data", {}):
                output["data"]["text/plain"] = WIDGET_NOTE


def select(patterns):
    notebooks = nbmeta.stamped()
    if not patterns:
        return notebooks
    chosen = [p for p in notebooks if any(p.name.startswith(pat) for pat in patterns)]
    if not chosen:
        sys.exit(f"No lesson or homework solution starts with {patterns}.")
    return chosen


def main(argv):
    failed = []
    for path in select(argv):
        print(f"▶ {nbmeta.rel(path)} (full mode)…", flush=True)
        nb = execute(path)
        problems = nbmeta.output_problems(nb)
        if problems:
            failed.append(path)
            print("  ✗ not written:\n    " + "\n    ".join(problems), flush=True)
            continue
        nbformat.write(nb, path)
        stamp = nb.metadata["course"]
        print(f"  ✓ {stamp['seconds']} s, metrics {stamp['metrics']}", flush=True)
    readme.write()
    if failed:
        sys.exit(f"{len(failed)} notebook(s) failed: {', '.join(map(nbmeta.rel, failed))}")


if __name__ == "__main__":
    main(sys.argv[1:])
