"""The Colab bootstrap path, tried for real: `make compat` runs this (COURSE_COMPAT=1).

A clean environment holds only what Colab preinstalls (TensorFlow, Keras,
NumPy, matplotlib, ipywidgets, tqdm, pydot, Pillow, and ipykernel to run
notebooks), at the versions of requirements-compat.txt. Lesson 00 and the
hw01 solution run there in quick mode as on Colab: `google.colab` is present,
so their bootstrap cell runs `%pip install` — of the locally built wheel
instead of GitHub. Everything the notebooks import must come from that install.
"""

import os
import subprocess
import sys

import pytest

from tools import compat, nbmeta

pytestmark = pytest.mark.skipif(os.environ.get("COURSE_COMPAT") != "1", reason="run by `make compat`")

COLAB_PREINSTALLED = ("tensorflow", "keras", "numpy", "matplotlib", "ipywidgets", "tqdm", "pydot", "pillow",
                      "ipykernel")
FAKE_COLAB = "import sys, types\nsys.modules['google.colab'] = types.ModuleType('google.colab')"


def pins():
    lines = (nbmeta.ROOT / "requirements-compat.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.split("==")[0].lower() in COLAB_PREINSTALLED]


def freeze(python):
    result = subprocess.run([str(python), "-m", "pip", "freeze"], check=True, capture_output=True, text=True)
    return set(result.stdout.splitlines())


@pytest.fixture(scope="module")
def colab_like(tmp_path_factory):
    folder = tmp_path_factory.mktemp("colab")
    subprocess.run([sys.executable, "-m", "venv", str(folder / "venv")], check=True)
    python = folder / "venv" / "bin" / "python"
    command = [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", *pins()]
    subprocess.run(command, check=True)
    return python, compat.build_wheel(), compat.kernel_dir(python, "course-colab", folder / "jupyter")


@pytest.mark.parametrize("prefix", ["00_", "hw01_"])
def test_bootstrap_cell_installs_the_course_and_the_notebook_runs(colab_like, prefix, capsys):
    python, wheel, jupyter_path = colab_like
    path = next(p for p in nbmeta.stamped() if p.name.startswith(prefix))
    before = freeze(python)

    def as_on_colab(nb):
        for cell in nb.cells:
            if cell.cell_type == "code" and nbmeta.install_url() in cell.source:
                cell.source = cell.source.replace(nbmeta.install_url(), str(wheel))
                break
        else:
            pytest.fail(f"{path.name} has no bootstrap cell")
        nb.cells.insert(0, __import__("nbformat").v4.new_code_cell(FAKE_COLAB))

    nb = compat.execute(path, "course-colab", jupyter_path, extra_cells=[compat.ORIGIN], prepare=as_on_colab)
    errors = [p for p in nbmeta.output_problems(nb) if "stores an error" in p]
    assert not errors, errors
    helpers_file, tf_version, keras_version = compat.origin(nb)
    assert helpers_file and helpers_file.startswith(str(python.parent.parent)), helpers_file
    installed = sorted(freeze(python) - before)
    with capsys.disabled():
        print(f"\n{path.name}: TF {tf_version} / Keras {keras_version}; bootstrap cell installed {installed}")
    assert any(name.startswith("keras-course-helpers") or name.startswith("keras_course_helpers")
               for name in freeze(python))
