"""helpers.tfds_data.load_tfds: the lesson's TFDS cell under mock data, offline, and with bad names.

Nothing here touches the network: the connectivity probe is replaced in every
test, so a machine that is online never starts an 800 MB download.
"""

import sys

import pytest
import requests
import urllib3

from helpers import tfds_data

tfds = pytest.importorskip("tensorflow_datasets")

# What the lesson's cell calls.
CALL = {"split": ["train[:80%]", "train[80%:]"], "as_supervised": True, "with_info": True}


@pytest.fixture
def offline(monkeypatch):
    monkeypatch.setattr(tfds_data, "_online", lambda: False)


@pytest.fixture
def no_probe(monkeypatch):
    def probe():
        raise AssertionError("load_tfds probed the network although the data was there")

    monkeypatch.setattr(tfds_data, "_online", probe)


def offline_download_error():
    """What tfds 4.9.10 raises here when download.microsoft.com cannot be resolved (measured offline)."""
    reason = urllib3.exceptions.NameResolutionError(
        "download.microsoft.com", None, OSError("[Errno -2] Name or service not known")
    )
    pool_error = urllib3.exceptions.MaxRetryError(None, "/kagglecatsanddogs_5340.zip", reason)
    error = requests.exceptions.ConnectionError(pool_error)
    error.__context__ = pool_error
    return error


def test_lesson_call_under_mock_data_gives_the_expected_shapes(no_probe):
    import tensorflow as tf

    with tfds.testing.mock_data(num_examples=6, policy=tfds.testing.MockPolicy.USE_CODE):
        result = tfds_data.load_tfds("cats_vs_dogs", **CALL)
        assert result is not None
        (train, validation), info = result
        assert info.features["label"].names == ["cat", "dog"]
        for dataset in (train, validation):
            image_spec, label_spec = dataset.element_spec
            assert image_spec.shape.as_list() == [None, None, 3] and image_spec.dtype == tf.uint8
            assert label_spec.shape.as_list() == [] and label_spec.dtype == tf.int64
        # The lesson's pipeline: resize to 64×64, batch.
        batches = train.map(lambda x, y: (tf.image.resize(x, (64, 64)), y)).batch(4)
        images, labels = next(iter(batches))
        assert images.shape == (4, 64, 64, 3) and images.dtype == tf.float32
        assert labels.shape == (4,) and set(labels.numpy()) <= {0, 1}


def test_offline_prints_one_russian_message_and_returns_none(offline, tmp_path, capsys, monkeypatch):
    calls = []
    real_load = tfds.load

    def spy(name, **kwargs):
        calls.append(kwargs.get("download", True))
        return real_load(name, **kwargs)

    monkeypatch.setattr(tfds, "load", spy)
    assert tfds_data.load_tfds("cats_vs_dogs", data_dir=str(tmp_path), **CALL) is None
    assert calls == [False], "offline, tfds.load must never be asked to download"
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "нет интернета" in out and "cats_vs_dogs" in out
    assert "Colab" in out and "своей папке" in out


def test_a_download_that_fails_for_lack_of_network_gives_the_same_message(monkeypatch, capsys):
    monkeypatch.setattr(tfds_data, "_online", lambda: True)  # the probe passed, the download does not

    def load(name, download=True, **kwargs):
        if not download:
            raise AssertionError(f"Dataset {name}: could not find data in /tmp/x.")
        raise offline_download_error()

    monkeypatch.setattr(tfds, "load", load)
    assert tfds_data.load_tfds("cats_vs_dogs", **CALL) is None
    assert "нет интернета" in capsys.readouterr().out


def test_other_errors_propagate(monkeypatch):
    monkeypatch.setattr(tfds_data, "_online", lambda: True)

    def load(name, download=True, **kwargs):
        raise ValueError("Unknown split 'tran'")

    monkeypatch.setattr(tfds, "load", load)
    with pytest.raises(ValueError, match="Unknown split"):
        tfds_data.load_tfds("cats_vs_dogs", split="tran")


def test_an_unknown_name_gets_a_russian_error(no_probe):
    with pytest.raises(tfds_data.TfdsError) as error:
        tfds_data.load_tfds("cats_vs_dog", **CALL)
    message = str(error.value)
    assert isinstance(error.value, ValueError)
    assert "cats_vs_dog" in message and "нет" in message and "«cats_vs_dogs»" in message
    for bad in (None, 42, ""):
        with pytest.raises(tfds_data.TfdsError, match="name"):
            tfds_data.load_tfds(bad)


def test_without_the_package_prints_how_to_install(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "tensorflow_datasets", None)  # import raises ImportError
    assert tfds_data.load_tfds("cats_vs_dogs") is None
    assert "pip install tensorflow-datasets" in capsys.readouterr().out


def test_network_errors_are_recognised_through_the_chain():
    assert tfds_data._is_network_error(offline_download_error())
    wrapped = RuntimeError("download failed")
    wrapped.__cause__ = offline_download_error()
    assert tfds_data._is_network_error(wrapped)
    assert tfds_data._is_network_error(TimeoutError())
    assert not tfds_data._is_network_error(ValueError("bad split"))
