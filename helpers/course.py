"""Course setup: seeds, quiet logs, versions, device and mode in one place.

Introduced in 00_setup. Every lesson starts with::

    from helpers import course
    course.setup()

and reads the mode through one visible idiom::

    EPOCHS = course.pick(full=15, quick=1)
"""

import contextlib
import json
import os
import platform
import sys

SEED = 42

# Quick mode (COURSE_QUICK=1) is what CI runs: the same cells, fewer epochs.
QUICK_ENV = "COURSE_QUICK"
# Set by tools/run_notebooks.py: report() writes the lesson's metrics there.
METRICS_ENV = "COURSE_METRICS_FILE"

COLAB_GPU_HINT = (
    "Совет: в Colab включите GPU — меню «Среда выполнения» → «Сменить среду выполнения» → "
    "«Аппаратный ускоритель» → GPU, затем запустите блокнот заново."
)


def is_quick():
    """True when COURSE_QUICK is set to anything but '' or '0'. Introduced in 00_setup."""
    return os.environ.get(QUICK_ENV, "") not in ("", "0")


def pick(full, quick):
    """Return `quick` in quick mode and `full` otherwise. Introduced in 00_setup."""
    return quick if is_quick() else full


def in_colab():
    """True inside Google Colab. Introduced in 00_setup."""
    return "google.colab" in sys.modules


def setup(seed=SEED):
    """Seed everything, quiet TensorFlow, print versions, device and mode.

    Introduced in 00_setup. Call it before importing TensorFlow in a notebook:
    the log level has to be set before TensorFlow starts.
    """
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    with _quiet_stderr():
        import keras
        import tensorflow as tf

        gpus = tf.config.list_physical_devices("GPU")
        _ = tf.constant(1.0) + 1.0  # the first operation prints CPU notices: swallow them
    from helpers.plots import use_course_style

    tf.get_logger().setLevel("ERROR")
    keras.utils.set_random_seed(seed)
    use_course_style()

    device = f"GPU ({len(gpus)} шт.)" if gpus else "CPU"
    mode = "быстрый (quick)" if is_quick() else "полный (full)"
    print(
        f"TensorFlow {tf.__version__} · Keras {keras.__version__} · "
        f"Python {platform.python_version()} · устройство: {device} · "
        f"режим: {mode} · seed {seed}"
    )
    if in_colab() and not gpus:
        print(COLAB_GPU_HINT)


@contextlib.contextmanager
def _quiet_stderr():
    """Silence the process-level stderr, where TensorFlow's C++ start-up notices go."""
    sys.stderr.flush()
    saved = os.dup(2)
    with open(os.devnull, "w") as devnull:
        os.dup2(devnull.fileno(), 2)
        try:
            yield
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)


def report(**metrics):
    """Print the lesson's key numbers and hand them to the provenance stamp.

    Introduced in 00_setup. `make full` stores them in the notebook's
    metadata.course.metrics and the README results table shows them.
    """
    clean = {name: float(value) for name, value in metrics.items()}
    for name, value in clean.items():
        print(f"Итог урока: {name} = {value:.4f}")
    record(**clean)


def record(**metrics):
    """Hand numbers to the provenance stamp without printing them (nothing happens outside `make full`).

    Introduced in the homework notebooks: the checks record the test accuracy
    they measured themselves, so the stamp and the README show the checker's number.
    """
    path = os.environ.get(METRICS_ENV)
    if not path:
        return
    saved = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            saved = json.load(f)
    saved.update({name: float(value) for name, value in metrics.items()})
    with open(path, "w", encoding="utf-8") as f:
        json.dump(saved, f)
