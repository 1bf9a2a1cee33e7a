"""helpers.data: the offline loaders, their lookup order and their errors."""

import gzip
import hashlib
import os
from pathlib import Path

import numpy as np
import pytest

from helpers import data

SHARED = os.environ.get("COURSE_DATA_DIR")


@pytest.fixture
def isolated(tmp_path, monkeypatch):
    """COURSE_DATA_DIR points at an empty temp folder; datasets/ is hidden."""
    monkeypatch.setenv("COURSE_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(data, "COURSE_DATASETS", tmp_path / "no-such-datasets")
    return tmp_path


def write_mnist(folder, **override):
    arrays = {key: np.zeros(shape, np.uint8) for key, shape in data.SHAPES.items()}
    arrays.update(override)
    path = folder / "mnist.npz"
    np.savez_compressed(path, **arrays)
    return path


def write_idx(path, array, magic=None):
    magic = magic or data.IDX_MAGIC[array.ndim]
    header = magic.to_bytes(4, "big") + b"".join(d.to_bytes(4, "big") for d in array.shape)
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wb") as f:
        f.write(header + array.astype(np.uint8).tobytes())


def write_fashion(folder):
    for key, name in data.FASHION_FILES.items():
        write_idx(folder / "fashion-mnist" / name, np.full(data.SHAPES[key], 7, np.uint8))


def digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def assert_broken_and_kept(load, path):
    before = digest(path)
    with pytest.raises(data.DatasetError) as error:
        load()
    message = str(error.value)
    assert str(path) in message and "повреждён" in message and "Как исправить" in message
    assert Path(path).exists() and digest(path) == before, "the broken file must stay untouched"


@pytest.mark.skipif(not SHARED, reason="COURSE_DATA_DIR is not set")
def test_mnist_from_shared_copy():
    (x_train, y_train), (x_test, y_test) = data.load_mnist()
    assert x_train.shape == (60000, 28, 28) and x_test.shape == (10000, 28, 28)
    assert y_train.shape == (60000,) and y_test.shape == (10000,)
    assert x_train.dtype == np.uint8 and y_train.dtype == np.uint8
    assert y_train[0] == 5 and y_train[143] == 2


@pytest.mark.skipif(not SHARED, reason="COURSE_DATA_DIR is not set")
def test_fashion_mnist_from_shared_copy():
    (x_train, y_train), (x_test, y_test) = data.load_fashion_mnist()
    assert x_train.shape == (60000, 28, 28) and x_test.shape == (10000, 28, 28)
    assert x_train.dtype == np.uint8 and y_test.dtype == np.uint8
    assert list(y_train[:5]) == [9, 0, 0, 3, 0]
    assert len(data.FASHION_MNIST_CLASSES) == 10


def test_course_data_dir_comes_first(isolated, monkeypatch):
    labels = np.arange(60000, dtype=np.uint8) % 10
    write_mnist(isolated, y_train=labels)
    (_, y_train), _ = data.load_mnist()
    np.testing.assert_array_equal(y_train, labels)


def test_course_datasets_folder_is_second(tmp_path, monkeypatch):
    monkeypatch.delenv("COURSE_DATA_DIR", raising=False)
    monkeypatch.setattr(data, "COURSE_DATASETS", tmp_path)
    write_fashion(tmp_path)
    (x_train, _), _ = data.load_fashion_mnist()
    assert x_train.shape == (60000, 28, 28) and int(x_train[0, 0, 0]) == 7


def test_truncated_mnist_gives_russian_error_and_file_stays(isolated):
    path = write_mnist(isolated)
    content = path.read_bytes()
    path.write_bytes(content[: len(content) // 2])
    assert_broken_and_kept(data.load_mnist, path)


def test_mnist_with_wrong_keys(isolated):
    path = isolated / "mnist.npz"
    np.savez(path, images=np.zeros((2, 28, 28), np.uint8))
    assert_broken_and_kept(data.load_mnist, path)


def test_mnist_with_wrong_dtype_or_shape(isolated):
    path = write_mnist(isolated, x_test=np.zeros((10000, 28, 28), np.float32))
    assert_broken_and_kept(data.load_mnist, path)
    path = write_mnist(isolated, x_train=np.zeros((600, 28, 28), np.uint8))
    assert_broken_and_kept(data.load_mnist, path)


def test_not_an_npz_at_all(isolated):
    path = isolated / "mnist.npz"
    path.write_text("<html>404 Not Found</html>")
    assert_broken_and_kept(data.load_mnist, path)


def test_truncated_fashion_gz(isolated):
    write_fashion(isolated)
    path = isolated / "fashion-mnist" / data.FASHION_FILES["x_train"]
    content = path.read_bytes()
    path.write_bytes(content[: len(content) // 3])
    assert_broken_and_kept(data.load_fashion_mnist, path)


def test_fashion_with_wrong_magic(isolated):
    write_fashion(isolated)
    path = isolated / "fashion-mnist" / data.FASHION_FILES["y_test"]
    write_idx(path, np.zeros(10000, np.uint8), magic=2051)
    assert_broken_and_kept(data.load_fashion_mnist, path)


def test_incomplete_fashion_copy_names_missing_files(isolated):
    write_fashion(isolated)
    (isolated / "fashion-mnist" / data.FASHION_FILES["y_test"]).unlink()
    with pytest.raises(data.DatasetError, match="t10k-labels-idx1-ubyte.gz"):
        data.load_fashion_mnist()
    assert len(list((isolated / "fashion-mnist").iterdir())) == 3


@pytest.mark.parametrize(
    "loader, name", [("load_mnist", "mnist"), ("load_fashion_mnist", "fashion_mnist")]
)
def test_missing_offline_names_places_and_fix(isolated, monkeypatch, loader, name):
    import keras

    def offline():
        raise Exception("URL fetch failure: [Errno -3] Temporary failure in name resolution")

    monkeypatch.setattr(getattr(keras.datasets, name), "load_data", offline)
    with pytest.raises(data.DatasetError) as error:
        getattr(data, loader)()
    message = str(error.value)
    assert str(isolated) in message and "no-such-datasets" in message
    assert "COURSE_DATA_DIR" in message and "Как исправить" in message
    assert list(isolated.iterdir()) == [], "nothing may be created while searching"
