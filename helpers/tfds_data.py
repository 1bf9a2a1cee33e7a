"""Ready-made datasets from tensorflow_datasets that degrade gracefully without internet.

Introduced in 12_own_dataset::

    from helpers.tfds_data import load_tfds

    result = load_tfds("cats_vs_dogs", split=["train[:80%]", "train[80%:]"],
                       as_supervised=True, with_info=True)
    if result is not None:
        (train, validation), info = result

Online (Colab, a student's computer) it is exactly ``tfds.load``: the dataset
is downloaded once into ``~/tensorflow_datasets`` and read from there. Offline
it prints one Russian message saying what to do and returns ``None``, so a
lesson goes on. ``tensorflow_datasets`` is imported inside the function: it is
slow to import and only this lesson needs it.
"""

import contextlib
import logging
import re
import socket
import threading

from helpers.errors import CourseTypeError, CourseValueError, course_error

# A host tfds downloads from; reaching it within PROBE_SECONDS is what "online" means here.
PROBE_HOST = ("storage.googleapis.com", 443)
PROBE_SECONDS = 3.0

OFFLINE_MESSAGE = (
    "⚠️ Набор «{name}» ещё не скачан, а скачать его сейчас нельзя: нет интернета "
    "(или сервер с данными недоступен). Что делать: запустите эту ячейку в Colab или на "
    "компьютере с интернетом — tfds.load скачает набор сам один раз и дальше будет брать его "
    "с диска; или обучите сеть на своей папке с картинками, как в этом уроке. "
    "Урок продолжается без этого набора."
)
NO_PACKAGE_MESSAGE = (
    "⚠️ Пакет tensorflow_datasets не установлен, поэтому набор «{name}» не загрузить. "
    "Установите его: `pip install tensorflow-datasets` (в курсе это делает `make lab`), "
    "затем перезапустите ядро. Урок продолжается без этого набора."
)


class TfdsError(CourseValueError):
    """``load_tfds`` got a dataset name tfds does not know (or not a string); the message is Russian.

    Introduced in 12_own_dataset.
    """


def load_tfds(name, **kwargs):
    """``tfds.load(name, **kwargs)`` that returns ``None`` with one Russian message when offline.

    Introduced in 12_own_dataset. ``kwargs`` go to ``tfds.load`` unchanged, e.g.
    ``split=["train[:80%]", "train[80%:]"], as_supervised=True, with_info=True``
    gives ``([train, validation], info)``; for ``cats_vs_dogs`` each element is
    ``(image, label)``: image uint8 of shape (height, width, 3) (sizes vary),
    label int64 (0 = cat, 1 = dog).

    Steps: first ``tfds.load(..., download=False)`` — a dataset already on disk
    (or mocked by ``tfds.testing.mock_data``) needs no network; otherwise, if
    the download server is reachable, the usual ``tfds.load`` downloads and
    prepares it. No network (the server does not answer within
    ``PROBE_SECONDS``, or the download fails with a connection error): prints
    ``OFFLINE_MESSAGE`` and returns ``None``. ``tensorflow_datasets`` not
    installed: prints ``NO_PACKAGE_MESSAGE`` and returns ``None``.

    Raises ``TfdsError`` (a course ``ValueError``) for a name that is not a
    string or that tfds does not know; ``CourseTypeError`` for an argument
    ``tfds.load`` does not have (listing the ones it has), a ``split`` that is
    not a string or a list of strings, or a flag (``as_supervised``,
    ``with_info``, ``shuffle_files``, ``download``) that is not ``True``/``False``.
    Other errors of ``tfds.load`` (e.g. a split name the dataset lacks)
    propagate as they are. With an explicit ``download=`` argument the call
    goes to ``tfds.load`` directly (no probe).
    """
    if not isinstance(name, str) or not name.strip():
        raise TfdsError(
            f'name: пришло {name!r}, а нужно имя набора строкой, например "cats_vs_dogs" '
            "(список: https://www.tensorflow.org/datasets/catalog/overview)."
        )
    try:
        import tensorflow_datasets as tfds
    except ImportError:
        print(NO_PACKAGE_MESSAGE.format(name=name))
        return None
    from tensorflow_datasets.core import load as tfds_load_module  # the real tfds.load, even when mocked

    _check_arguments(tfds_load_module.load, kwargs)
    not_found = tfds.core.registered.DatasetNotFoundError
    if "download" not in kwargs:
        try:
            with _quiet_absl():  # "Variant folder … has no dataset_info.json": expected before a download
                return tfds.load(name, download=False, **kwargs)
        except not_found as error:
            raise _unknown_name(name, error) from None
        except AssertionError:  # tfds: "could not find data in …" — not on disk yet: download below
            pass
        if not _online():
            print(OFFLINE_MESSAGE.format(name=name))
            return None
    try:
        return tfds.load(name, **kwargs)
    except not_found as error:
        raise _unknown_name(name, error) from None
    except Exception as error:
        if not _is_network_error(error):
            raise
        print(OFFLINE_MESSAGE.format(name=name))
        return None


FLAGS = ("as_supervised", "with_info", "shuffle_files", "download")


def _check_arguments(load, kwargs):
    """Course errors for keyword arguments ``tfds.load`` would reject in English (or misread)."""
    import inspect

    known = [p for p in inspect.signature(load).parameters if p != "name"]
    for key, value in kwargs.items():
        if key not in known:
            raise CourseTypeError(
                f"load_tfds: аргумента «{key}» у tfds.load нет. Есть: {', '.join(known)}. "
                "Как исправить: проверьте имя (например, split=, as_supervised=, with_info=)."
            )
        if key in FLAGS and not isinstance(value, bool):
            raise course_error("load_tfds", key, value, "True или False",
                               f"напишите {key}=True без кавычек.", CourseTypeError)
    split = kwargs.get("split")
    if split is not None and not isinstance(split, str):
        parts = split if isinstance(split, list | tuple) else [split]
        if not parts or not all(isinstance(part, str) or type(part).__name__ == "ReadInstruction"
                                for part in parts):
            raise course_error(
                "load_tfds", "split", split, 'строка или список строк, например "train[:80%]"',
                'передайте split="train" или split=["train[:80%]", "train[80%:]"].', CourseTypeError,
            )


def _unknown_name(name, error):
    hint = re.search(r"Did you mean: \S+ -> (\S+)", str(error))
    similar = f" Может быть, вы имели в виду «{hint.group(1)}»?" if hint else ""
    return TfdsError(
        f"name: набора «{name}» в tensorflow_datasets нет.{similar} Проверьте имя по каталогу "
        'https://www.tensorflow.org/datasets/catalog/overview (например, "cats_vs_dogs").'
    )


def _online():
    """True if PROBE_HOST accepts a TCP connection within PROBE_SECONDS (name lookup included)."""
    answer = []

    def probe():
        try:
            with socket.create_connection(PROBE_HOST, timeout=PROBE_SECONDS):
                answer.append(True)
        except OSError:
            pass

    thread = threading.Thread(target=probe, daemon=True)  # getaddrinfo ignores the socket timeout
    thread.start()
    thread.join(PROBE_SECONDS + 1)
    return bool(answer)


def _is_network_error(error):
    """True if ``error`` or anything in its cause/context chain is a connection failure."""
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, ConnectionError | TimeoutError | socket.gaierror | socket.timeout):
            return True
        kind = type(error)
        module = kind.__module__.split(".")[0]
        words = ("Connection", "Timeout", "MaxRetry", "NameResolution", "URLError")
        if module in ("requests", "urllib3", "urllib") and any(word in kind.__name__ for word in words):
            return True
        error = error.__cause__ or error.__context__
    return False


@contextlib.contextmanager
def _quiet_absl():
    """Hide tfds' absl warnings (English, about its cache folders) for the duration of the block."""
    logger = logging.getLogger("absl")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)
