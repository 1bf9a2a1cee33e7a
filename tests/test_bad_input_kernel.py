"""The inputs of the bad-input issue, run as a student runs them: cells in a fresh Jupyter kernel.

Each cell must end in a course error whose traceback shows no frame from
NumPy, matplotlib, Keras or TensorFlow internals, or print a Russian message
without an error (``show_model`` without Graphviz, a diverging scratch run).
"""

import gzip
import re

import nbformat
import pytest
from nbclient import NotebookClient

from helpers import data
from tools.nbmeta import KERNEL_ENV

LIBRARIES = re.compile(r"site-packages/(numpy|matplotlib|keras|tensorflow)/")
ANSI = re.compile(r"\x1b\[[0-9;]*m")

SETUP = """
import os
import numpy as np
import keras
from helpers import course, data, plots, scratch


def offline(*args, **kwargs):  # what keras.datasets.*.load_data() does without internet
    raise Exception("URL fetch failure: [Errno -3] Temporary failure in name resolution")


keras.datasets.mnist.load_data = offline
x = np.random.default_rng(0).normal(size=(64, 4))
y = np.eye(3)[np.arange(64) % 3]
"""

# (label, code, "error" or a fragment the printed text must contain)
CELLS = [
    ("show_model without Graphviz after %who", """
model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3)])
%who
path, os.environ["PATH"] = os.environ["PATH"], "/nonexistent"
try:
    plots.show_model(model)
finally:
    os.environ["PATH"] = path
""", "Graphviz"),
    ("broken Fashion-MNIST file in the Keras cache", "data.load_fashion_mnist()", "error"),
    ("COURSE_DATA_DIR is mnist.npz", """
os.environ["COURSE_DATA_DIR"] = str(KERAS_DATASETS / "mnist.npz")
data.load_mnist()""", "error"),
    ("COURSE_DATA_DIR in quotes", """
os.environ["COURSE_DATA_DIR"] = f'"{KERAS_DATASETS}"'
data.load_mnist()""", "error"),
    ("scratch: early stopping, NaN first validation loss", """
net = scratch.NeuralNetwork([scratch.Dense(3, scratch.Linear())], scratch.SoftmaxCrossEntropy())
x_val = x.copy(); x_val[0, 0] = np.nan
scratch.Trainer(net, scratch.SGD(lr=0.1)).fit(x, y, x_val, y, epochs=3, early_stopping=True, progress=False)
""", "error_or_print"),
    ("scratch: a diverging run", """
net = scratch.NeuralNetwork([scratch.Dense(3, scratch.Linear())], scratch.MeanSquaredError())
history = scratch.Trainer(net, scratch.SGD(lr=1e6)).fit(x * 1e3, y, x, y, epochs=20, progress=False)
""", "⚠️"),
    ("scratch: raw uint8 pixels", """
pixels = np.random.default_rng(0).integers(0, 256, size=(64, 4), dtype=np.uint8)
net = scratch.NeuralNetwork([scratch.Dense(3)], scratch.MeanSquaredError())
scratch.Trainer(net, scratch.SGD()).fit(pixels, y, pixels, y, epochs=1, progress=False)
""", "error"),
    ("scratch: activation as a string", 'scratch.Dense(3, activation="relu").forward(np.array([[1.0]]))\nscratch.Dense(3, activation="rellu")', "error"),
    ("scratch: activation as the class", "scratch.Dense(3, activation=scratch.ReLU).forward(np.ones((2, 2)))", "error_or_print"),
    ("scratch: weight_init xavier", 'scratch.Dense(3, weight_init="xavier")', "error"),
    ("scratch: Python lists", """
net = scratch.NeuralNetwork([scratch.Dense(3)], scratch.MeanSquaredError())
scratch.Trainer(net, scratch.SGD()).fit([[1.0, 2.0]] * 4, [[0, 0, 1]] * 4, x[:4, :2], y[:4], epochs=1, progress=False)
""", "error"),
    ("scratch: batch_size 0", """
net = scratch.NeuralNetwork([scratch.Dense(3)], scratch.MeanSquaredError())
scratch.Trainer(net, scratch.SGD()).fit(x, y, x, y, batch_size=0, progress=False)
""", "error"),
    ("scratch: empty training set", """
net = scratch.NeuralNetwork([scratch.Dense(3)], scratch.MeanSquaredError())
scratch.Trainer(net, scratch.SGD()).fit(x[:0], y[:0], x, y, progress=False)
""", "error"),
    ("plot_history: metrics=[]", 'plots.plot_history({"loss": [1.0, 0.5]}, metrics=[])', "error"),
    ("plot_history: unknown metric", 'plots.plot_history({"loss": [1.0, 0.5]}, metrics="accuracy")', "error"),
    ("show_images: one 16×16 picture", "plots.show_images(np.random.rand(16, 16))", "error"),
    ("show_images: one-hot labels", "plots.show_images(np.zeros((3, 8, 8)), np.eye(3), class_names=['a', 'b', 'c'])", "error"),
    ("show_images: float labels", "plots.show_images(np.zeros((3, 8, 8)), np.array([0.5, 1.0, 2.0]), class_names=['a', 'b', 'c'])", "error"),
    ("show_images: label beyond class_names", "plots.show_images(np.zeros((3, 8, 8)), [0, 1, 3], class_names=['a', 'b', 'c'])", "error"),
    ("plot_confusion_matrix: label -1", "plots.plot_confusion_matrix([0, 1, -1], [0, 1, 1])", "error"),
    ("plot_confusion_matrix: one-hot", "plots.plot_confusion_matrix(np.eye(3), [0, 1, 2])", "error"),
    ("plot_confusion_matrix: float labels", "plots.plot_confusion_matrix([0.5, 1.0], [0, 1])", "error"),
    ("plot_confusion_matrix: label = number of classes", "plots.plot_confusion_matrix([0, 1, 2], [0, 1, 1], class_names=['a', 'b'])", "error"),
    ("plot_decision_boundary: NaN in x", "plots.plot_decision_boundary(lambda g: np.full(len(g), 0.5), np.array([[0.0, np.nan], [1.0, 1.0]]), [0, 1])", "error"),
    ("plot_trajectories: xlim=1", "plots.plot_trajectories(lambda a, b: a**2 + b**2, {}, xlim=1, ylim=(-1, 1))", "error"),
    ("course.report(acc=None)", "course.report(acc=None)", "error"),
    ('course.setup(seed="42")', 'course.setup(seed="42")', "error"),
]


def course_error_names():
    """Names of CourseError and all its subclasses in helpers/ (ShapeError, DatasetError …)."""
    import importlib

    from helpers.errors import CourseError

    for module in ("checks", "course", "data", "images", "plots", "scratch", "tfds_data"):
        importlib.import_module(f"helpers.{module}")
    found, todo = set(), [CourseError]
    while todo:
        kind = todo.pop()
        found.add(kind.__name__)
        todo += kind.__subclasses__()
    return found


COURSE_ERRORS = course_error_names()


def half_gz(path):
    raw = gzip.compress(bytes(60008))
    path.write_bytes(raw[: len(raw) // 2])


@pytest.fixture(scope="module")
def executed(tmp_path_factory, monkeypatch_module):
    keras_home = tmp_path_factory.mktemp("keras_home")
    cache = keras_home / "datasets" / "fashion-mnist"
    cache.mkdir(parents=True)
    for name in data.FASHION_FILES.values():
        half_gz(cache / name)
    (keras_home / "datasets" / "mnist.npz").write_bytes(b"")  # never read: COURSE_DATA_DIR cases only
    monkeypatch_module.setenv("KERAS_HOME", str(keras_home))
    monkeypatch_module.delenv("COURSE_DATA_DIR", raising=False)
    for key, value in KERNEL_ENV.items():
        monkeypatch_module.setenv(key, value)
    cells = [nbformat.v4.new_code_cell(SETUP + f"KERAS_DATASETS = __import__('pathlib').Path({str(keras_home / 'datasets')!r})")]
    cells += [nbformat.v4.new_code_cell(code.strip()) for _, code, _ in CELLS]
    nb = nbformat.v4.new_notebook(cells=cells)
    NotebookClient(nb, timeout=300, kernel_name="python3", allow_errors=True).execute()
    return nb.cells[1:]


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


@pytest.mark.parametrize("index", range(len(CELLS)), ids=[label for label, _, _ in CELLS])
def test_issue_input_in_a_fresh_kernel(executed, index):
    label, code, expect = CELLS[index]
    outputs = executed[index].outputs
    errors = [o for o in outputs if o.output_type == "error"]
    printed = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    if errors:
        assert expect in ("error", "error_or_print"), f"{label}: unexpected error {errors[0].ename}: {errors[0].evalue}"
        error = errors[0]
        assert error.ename in COURSE_ERRORS, f"{label}: {error.ename}: {error.evalue}"
        assert re.search(r"[а-яё]{3,}", error.evalue), error.evalue
        frames = [ANSI.sub("", line) for line in error.traceback]
        library = [line for line in frames if LIBRARIES.search(line)]
        assert not library, f"{label}: library frames in the traceback: {library}"
    else:
        assert expect != "error", f"{label}: no error, printed {printed!r}"
        assert re.search(r"[а-яё]{3,}", printed), f"{label}: nothing Russian printed: {printed!r}"
        if expect != "error_or_print":
            assert expect in printed, f"{label}: {printed!r}"

