"""Bad inputs for helpers.data: the loaders take no argument, their input is the environment.

Each row runs offline by construction: the course's datasets/ folder is
replaced by an empty one, the Keras download fails, Keras' cache is a fresh
folder (KERAS_HOME), and COURSE_DATA_DIR is set the wrong way the row names.
"""

import gzip

import keras
import numpy as np

from helpers import data
from tests.bad_input_cases import Bad


def idx_gz(key):
    """A valid Fashion-MNIST file for ``key`` (all zeros): header with the magic number and sizes."""
    shape = data.SHAPES[key]
    header = data.IDX_MAGIC[len(shape)].to_bytes(4, "big") + b"".join(n.to_bytes(4, "big") for n in shape)
    return gzip.compress(header + bytes(int(np.prod(shape))), compresslevel=1)


def offline(env, data_dir=None):
    """No local copy, no download, an empty Keras cache; COURSE_DATA_DIR set to ``data_dir``."""
    empty = env.tmp_path / "course_datasets"
    empty.mkdir(exist_ok=True)
    env.monkeypatch.setattr(data, "COURSE_DATASETS", empty)
    env.monkeypatch.setenv("KERAS_HOME", str(env.tmp_path / "keras_home"))

    def fail(*args, **kwargs):
        raise Exception("URL fetch failure: [Errno -3] Temporary failure in name resolution")

    env.monkeypatch.setattr(keras.datasets.mnist, "load_data", fail)
    env.monkeypatch.setattr(keras.datasets.fashion_mnist, "load_data", fail)
    if data_dir is None:
        env.monkeypatch.delenv(data.DATA_ENV, raising=False)
    else:
        env.monkeypatch.setenv(data.DATA_ENV, str(data_dir))


def a_file(env, name="mnist.npz", content=b"PK\x03\x04 not really a zip"):
    path = env.tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def half_gz(key, target):
    """The first half of a valid .gz file: what an interrupted download leaves."""
    raw = idx_gz(key)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(raw[: len(raw) // 2])


def mnist_dir_is_a_file(env):
    offline(env, a_file(env))
    return data.load_mnist()


def mnist_dir_in_quotes(env):
    folder = env.tmp_path / "datasets"
    folder.mkdir()
    offline(env, f'"{folder}"')
    return data.load_mnist()


def mnist_dir_missing(env):
    offline(env, env.tmp_path / "no_such_folder")
    return data.load_mnist()


def mnist_broken_local(env):
    folder = env.tmp_path / "datasets"
    a_file(env, "datasets/mnist.npz")
    offline(env, folder)
    return data.load_mnist()


def mnist_broken_in_keras_cache(env):
    offline(env)
    a_file(env, "keras_home/datasets/mnist.npz", b"half a download")
    return data.load_mnist()


def fashion_broken_in_keras_cache(env):
    offline(env)
    cache = env.tmp_path / "keras_home" / "datasets" / "fashion-mnist"
    cache.mkdir(parents=True)
    for key, name in data.FASHION_FILES.items():
        if key == "y_train":
            half_gz(key, cache / name)
        else:
            (cache / name).write_bytes(idx_gz(key))
    return data.load_fashion_mnist()


def fashion_partial_folder(env):
    folder = env.tmp_path / "datasets"
    name = data.FASHION_FILES["y_test"]
    half_gz("y_test", folder / "fashion-mnist" / name)
    offline(env, folder)
    return data.load_fashion_mnist()


def fashion_dir_is_a_file(env):
    offline(env, a_file(env, "fashion-mnist/train-images-idx3-ubyte.gz"))
    return data.load_fashion_mnist()


def fashion_dir_in_quotes(env):
    offline(env, f"'{env.tmp_path}'")
    return data.load_fashion_mnist()


CASES = [
    Bad("data.load_mnist", "COURSE_DATA_DIR is mnist.npz itself", mnist_dir_is_a_file,
        ("указывает на файл", "mnist.npz", "export COURSE_DATA_DIR=")),
    Bad("data.load_mnist", "COURSE_DATA_DIR in quotes", mnist_dir_in_quotes, ("кавычки", "Уберите их")),
    Bad("data.load_mnist", "COURSE_DATA_DIR missing", mnist_dir_missing, ("no_such_folder", "не существует")),
    Bad("data.load_mnist", "broken local copy", mnist_broken_local, ("повреждён", "mnist.npz", "оставлен на месте")),
    Bad("data.load_mnist", "broken file in the Keras cache", mnist_broken_in_keras_cache,
        ("кэше Keras", "keras_home/datasets/mnist.npz", "удалите этот файл вручную")),
    Bad("data.load_fashion_mnist", "half a file in the Keras cache", fashion_broken_in_keras_cache,
        ("кэше Keras", "train-labels-idx1-ubyte.gz", "удалите этот файл вручную", "не скачает")),
    Bad("data.load_fashion_mnist", "a folder with one file of four", fashion_partial_folder,
        ("неполная копия", "train-images-idx3-ubyte.gz")),
    Bad("data.load_fashion_mnist", "COURSE_DATA_DIR is one of the files", fashion_dir_is_a_file,
        ("указывает на файл", "export COURSE_DATA_DIR=")),
    Bad("data.load_fashion_mnist", "COURSE_DATA_DIR in single quotes", fashion_dir_in_quotes, ("кавычки",)),
]
