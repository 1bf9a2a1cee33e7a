"""MNIST and Fashion-MNIST that also work offline.

Introduced in 00_setup. `load_mnist()` and `load_fashion_mnist()` return exactly
what `keras.datasets.<name>.load_data()` returns:
``(x_train, y_train), (x_test, y_test)`` as uint8 arrays.

Where the files are looked for, in this order:
1. the folder in the COURSE_DATA_DIR environment variable;
2. the course's own `datasets/` folder;
3. the Keras download (needs internet; Keras keeps its own cache).

Local copies use the Keras file layout and are read directly. They are never
copied into the Keras cache, and a broken file is reported, never deleted.
"""

import gzip
import os
import zipfile
import zlib
from pathlib import Path

import numpy as np

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
    "ботильоны",
]


class DatasetError(RuntimeError):
    """A dataset is missing or broken; the Russian message says what to do. Introduced in 00_setup."""


def search_dirs():
    """Folders searched for local copies: $COURSE_DATA_DIR, then datasets/. Introduced in 00_setup."""
    dirs = []
    if os.environ.get(DATA_ENV):
        dirs.append(Path(os.environ[DATA_ENV]).expanduser())
    dirs.append(COURSE_DATASETS)
    return dirs


def load_mnist():
    """MNIST digits: ((x_train, y_train), (x_test, y_test)). Introduced in 00_setup."""
    for folder in search_dirs():
        path = folder / MNIST_FILE
        if path.is_file():
            return _read_mnist_npz(path)
    return _download("mnist", "keras.datasets.mnist.load_data()", MNIST_FILE)


def load_fashion_mnist():
    """Fashion-MNIST: ((x_train, y_train), (x_test, y_test)). Introduced in 00_setup."""
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
        raise _broken(path, f"файл не читается как .npz ({error})") from error
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
        raise _broken(path, f"файл не распаковывается как .gz ({error})") from error
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
    return DatasetError(
        f"Файл {path} повреждён: {reason}. Файл оставлен на месте. "
        "Как исправить: замените его целой копией или сами переместите его в другое место, "
        f"чтобы Keras скачал набор заново (нужен интернет). Переменная {DATA_ENV} сейчас: "
        f"{os.environ.get(DATA_ENV) or 'не задана'}."
    )


def _download(name, keras_call, layout):
    import keras

    try:
        return getattr(keras.datasets, name).load_data()
    except Exception as error:
        searched = "; ".join(f"{folder / layout}" for folder in search_dirs())
        raise DatasetError(
            f"Не удалось загрузить набор данных {name}. Локальной копии нет (искали: {searched}), "
            f"а скачать его через {keras_call} не получилось: {error}. "
            f"Как исправить: подключитесь к интернету или задайте переменную {DATA_ENV} — папку, "
            f"где лежит {layout} (в раскладке Keras), например "
            f"`export {DATA_ENV}=/путь/к/datasets`, и перезапустите ядро."
        ) from error
