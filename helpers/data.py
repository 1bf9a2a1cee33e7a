"""MNIST and Fashion-MNIST that also work offline.

Introduced in 00_setup. `load_mnist()` and `load_fashion_mnist()` return exactly
what `keras.datasets.<name>.load_data()` returns:
``(x_train, y_train), (x_test, y_test)`` as uint8 arrays.

Where the files are looked for, in this order:
1. the folder in the COURSE_DATA_DIR environment variable;
2. the course's own `datasets/` folder;
3. the Keras download (needs internet; Keras keeps its own cache).

Local copies use the Keras file layout and are read directly. They are never
copied into the Keras cache, and a broken file is reported, never deleted:
the message names the file and how to fix it. When nothing loads, the message
also says what is wrong with COURSE_DATA_DIR (quotes inside the value, a file
instead of a folder, a folder that does not exist) and names a broken file
in the Keras cache, which Keras would otherwise keep reading.
"""

import gzip
import os
import tempfile
import zipfile
import zlib
from pathlib import Path

import numpy as np

from helpers.errors import CourseValueError

DATA_ENV = "COURSE_DATA_DIR"
COURSE_DATASETS = Path(__file__).resolve().parent.parent / "datasets"

MNIST_FILE = "mnist.npz"
FASHION_DIR = "fashion-mnist"
FASHION_FILES = {
    "x_train": "train-images-idx3-ubyte.gz",
    "y_train": "train-labels-idx1-ubyte.gz",
    "x_test": "t10k-images-idx3-ubyte.gz",
    "y_test": "t10k-labels-idx1-ubyte.gz",
}
SHAPES = {
    "x_train": (60000, 28, 28),
    "y_train": (60000,),
    "x_test": (10000, 28, 28),
    "y_test": (10000,),
}
# Magic numbers of the IDX format: 0x803 for images, 0x801 for labels.
IDX_MAGIC = {3: 2051, 1: 2049}

MNIST_CLASSES = [str(digit) for digit in range(10)]
FASHION_MNIST_CLASSES = [
    "футболка/топ",
    "брюки",
    "пуловер",
    "платье",
    "пальто",
    "сандалии",
    "рубашка",
    "кроссовки",
    "сумка",
    "ботинки",
]


class DatasetError(CourseValueError, RuntimeError):
    """A dataset is missing or broken; the Russian message says what to do. Introduced in 00_setup.

    A course error (``ValueError``) and, as before, a ``RuntimeError``.
    """


def search_dirs():
    """Folders searched for local copies: $COURSE_DATA_DIR, then datasets/. Introduced in 00_setup.

    Returns a list of ``Path``; the value of COURSE_DATA_DIR is taken as it is
    (``~`` expanded), even when it is wrong: the loaders' error message says what is wrong.
    """
    dirs = []
    if os.environ.get(DATA_ENV):
        dirs.append(Path(os.environ[DATA_ENV]).expanduser())
    dirs.append(COURSE_DATASETS)
    return dirs


def _data_dir_problem():
    """A Russian sentence on what is wrong with COURSE_DATA_DIR, or "" when it is unset or a folder.

    Used in error messages. Catches the usual mistakes: quotes that became part
    of the path (``export COURSE_DATA_DIR="'/data'"``, or quotes typed into a
    ``.env`` file), a path to a file (``…/mnist.npz``) instead of its folder, and
    a folder that does not exist.
    """
    raw = os.environ.get(DATA_ENV, "")
    if not raw:
        return ""
    if any(quote in raw for quote in "\"'«»"):
        clean = raw.strip().strip("\"'«»")
        return (
            f"В значении {DATA_ENV} есть кавычки ({raw!r}) — они стали частью пути, и такой папки нет. "
            f"Уберите их: `export {DATA_ENV}={clean}` (в Python: os.environ[\"{DATA_ENV}\"] = \"{clean}\")."
        )
    path = Path(raw).expanduser()
    if path.is_file():
        folder = path.parent.parent if path.parent.name == FASHION_DIR else path.parent
        return (
            f"{DATA_ENV} указывает на файл {path}, а нужна папка, в которой лежат {MNIST_FILE} "
            f"и {FASHION_DIR}/. Как исправить: `export {DATA_ENV}={folder}`."
        )
    if not path.exists():
        return f"Папки {path} из {DATA_ENV} не существует: проверьте путь (опечатка? другой компьютер?)."
    return ""


def load_mnist():
    """MNIST digits: ((x_train, y_train), (x_test, y_test)). Introduced in 00_setup.

    Shapes (60000, 28, 28), (60000,), (10000, 28, 28), (10000,); dtype uint8
    (pixels 0…255, labels 0…9). Raises ``DatasetError`` (a course
    ``ValueError``) for a broken local copy or a broken Keras cache file
    (naming the file) and when no copy is found and the download fails
    (naming the places searched and what is wrong with COURSE_DATA_DIR).
    """
    for folder in search_dirs():
        path = folder / MNIST_FILE
        if path.is_file():
            return _read_mnist_npz(path)
    return _download("mnist", "keras.datasets.mnist.load_data()", MNIST_FILE)


def load_fashion_mnist():
    """Fashion-MNIST: ((x_train, y_train), (x_test, y_test)). Introduced in 00_setup.

    Shapes and dtypes as ``load_mnist`` (labels 0…9 name ``FASHION_MNIST_CLASSES``).
    Raises ``DatasetError`` as ``load_mnist`` does, and for a folder holding
    only some of the four files.
    """
    for folder in search_dirs():
        paths = {key: folder / FASHION_DIR / name for key, name in FASHION_FILES.items()}
        present = [p for p in paths.values() if p.is_file()]
        if len(present) == len(paths):
            arrays = {key: _read_idx_gz(path, SHAPES[key]) for key, path in paths.items()}
            return (arrays["x_train"], arrays["y_train"]), (arrays["x_test"], arrays["y_test"])
        if present:
            missing = ", ".join(p.name for p in paths.values() if not p.is_file())
            raise DatasetError(
                f"В папке {folder / FASHION_DIR} лежит неполная копия Fashion-MNIST: "
                f"нет файлов {missing}. Положите туда все четыре файла "
                f"({', '.join(FASHION_FILES.values())}) или уберите папку, "
                "чтобы Keras скачал набор сам."
            )
    return _download(
        "fashion_mnist", "keras.datasets.fashion_mnist.load_data()", f"{FASHION_DIR}/*.gz"
    )


def _read_mnist_npz(path):
    try:
        with np.load(path) as f:
            arrays = {key: f[key] for key in SHAPES if key in f.files}
    except (OSError, ValueError, EOFError, zipfile.BadZipFile, zlib.error) as error:
        raise _broken(path, f"файл не читается как .npz ({error})") from None
    missing = [key for key in SHAPES if key not in arrays]
    if missing:
        raise _broken(path, f"в архиве нет массивов {', '.join(missing)}")
    for key, array in arrays.items():
        _check_array(path, key, array)
    return (arrays["x_train"], arrays["y_train"]), (arrays["x_test"], arrays["y_test"])


def _read_idx_gz(path, shape):
    try:
        with gzip.open(path, "rb") as f:
            raw = f.read()
    except (OSError, EOFError, zlib.error) as error:
        raise _broken(path, f"файл не распаковывается как .gz ({error})") from None
    header = 4 + 4 * len(shape)
    if len(raw) < header:
        raise _broken(path, "файл короче заголовка формата IDX")
    magic = int.from_bytes(raw[0:4], "big")
    if magic != IDX_MAGIC[len(shape)]:
        raise _broken(path, f"неверная сигнатура IDX {magic}, ожидалась {IDX_MAGIC[len(shape)]}")
    dims = tuple(int.from_bytes(raw[4 + 4 * i : 8 + 4 * i], "big") for i in range(len(shape)))
    data = np.frombuffer(raw, dtype=np.uint8, offset=header)
    if dims != shape or data.size != int(np.prod(shape)):
        raise _broken(path, f"ожидалась форма {shape}, в заголовке {dims}, данных {data.size} байт")
    return data.reshape(shape)


def _check_array(path, key, array):
    if array.shape != SHAPES[key] or array.dtype != np.uint8:
        raise _broken(
            path,
            f"массив {key} имеет форму {array.shape} и тип {array.dtype}, "
            f"а должен иметь форму {SHAPES[key]} и тип uint8",
        )


def _broken(path, reason):
    """The DatasetError for a local file that exists but is wrong; ``.reason`` keeps the short cause."""
    error = DatasetError(
        f"Файл {path} повреждён: {reason}. Файл оставлен на месте. "
        "Как исправить: замените его целой копией или сами переместите его в другое место, "
        f"чтобы Keras скачал набор заново (нужен интернет). Переменная {DATA_ENV} сейчас: "
        f"{os.environ.get(DATA_ENV) or 'не задана'}."
    )
    error.reason = reason
    return error


def _keras_cache_dirs():
    """Folders where Keras keeps downloaded datasets: ``$KERAS_HOME/datasets`` or ``~/.keras/datasets``.

    Used in error messages. The same rule as Keras'
    ``get_file``; Keras falls back to ``/tmp/.keras`` when its home is not
    writable, so that one is listed too.
    """
    home = Path(os.environ.get("KERAS_HOME") or Path("~/.keras").expanduser())
    return [home / "datasets", Path(tempfile.gettempdir()) / ".keras" / "datasets"]


def _broken_cache_file(name):
    """(path, reason) of the first unreadable file of dataset ``name`` in the Keras cache, or None."""
    if name == "mnist":
        files = {"all": MNIST_FILE}
    else:
        files = {key: f"{FASHION_DIR}/{file}" for key, file in FASHION_FILES.items()}
    for folder in _keras_cache_dirs():
        for key, relative in files.items():
            path = folder / relative
            if not path.is_file():
                continue
            try:
                _read_mnist_npz(path) if key == "all" else _read_idx_gz(path, SHAPES[key])
            except DatasetError as error:
                return path, error.reason
    return None


def _download(name, keras_call, layout):
    import keras

    try:
        return getattr(keras.datasets, name).load_data()
    except Exception as error:
        reason = f"{type(error).__name__}: {error}"
    broken = _broken_cache_file(name)
    if broken:
        path, why = broken
        raise DatasetError(
            f"Файл {path} в кэше Keras повреждён: {why}. Keras не проверяет этот файл и не скачает "
            "его заново, пока он лежит там, — поэтому загрузка не удаётся. Как исправить: удалите "
            f"этот файл вручную (`rm '{path}'`) и запустите ячейку снова с интернетом — Keras скачает "
            f"его заново; или задайте {DATA_ENV} — папку с целой копией ({layout})."
        )
    searched = "; ".join(f"{folder / layout}" for folder in search_dirs())
    problem = _data_dir_problem()
    fix = (
        f"Похоже, причина — в переменной {DATA_ENV}. {problem} Затем перезапустите ядро."
        if problem
        else f"Как исправить: подключитесь к интернету или задайте переменную {DATA_ENV} — папку, "
        f"где лежит {layout} (в раскладке Keras), например `export {DATA_ENV}=/путь/к/datasets`, "
        "и перезапустите ядро."
    )
    raise DatasetError(
        f"Не удалось загрузить набор данных {name}. Локальной копии нет (искали: {searched}), "
        f"а скачать его через {keras_call} не получилось ({reason}). {fix}"
    )
