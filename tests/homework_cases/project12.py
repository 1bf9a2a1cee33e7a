"""Reference and wrong answers of project12 (lesson 12: a dataset of one's own).

The folders are small demo builds (helpers.images, 40 train images per class)
in a temporary folder; the reference model is a tiny network (a linear
classifier on 16×16 thumbnails, Rescaling inside) trained for 10 epochs on the
training subset (about a second), cached for the whole test run.
"""

import atexit
import functools
import shutil
import tempfile
from pathlib import Path

import numpy as np

from helpers import images
from tests.homework_cases import answer

SIZE = (64, 64)
TRAIN_PER_CLASS = 40


@functools.cache
def workdir():
    folder = Path(tempfile.mkdtemp(prefix="project12_cases_"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


@functools.cache
def raw_demo():
    """The demo build as built: its train/ still holds the two unreadable planted files."""
    info = images.build_demo_dataset(workdir() / "raw", train_per_class=TRAIN_PER_CLASS, test_per_class=1)
    return info["root"] / "train"


@functools.cache
def demo():
    """The demo train folder after cleaning: 4 classes, 39–40 readable images each."""
    info = images.build_demo_dataset(workdir() / "clean", train_per_class=TRAIN_PER_CLASS, test_per_class=1)
    train = info["root"] / "train"
    images.quarantine(images.scan_images(train), train, info["root"] / "quarantine")
    return train


def variant(name, keep):
    """A copy of the clean demo with ``keep``: {class: number of its files to copy}."""
    folder = workdir() / name
    if not folder.exists():
        for cls, n in keep.items():
            (folder / cls).mkdir(parents=True)
            for path in sorted((demo() / cls).iterdir())[:n]:
                shutil.copy(path, folder / cls / path.name)
    return folder


def flat_folder():
    folder = workdir() / "flat"
    if not folder.exists():
        folder.mkdir()
        for path in sorted((demo() / "bag").iterdir())[:5]:
            shutil.copy(path, folder / path.name)
    return folder


def empty_class_folder():
    folder = variant("empty_class", {"bag": 35, "dress": 35})
    (folder / "sneaker").mkdir(exist_ok=True)
    (folder / "sneaker" / "notes.txt").write_text("не картинка", encoding="utf-8")
    return folder


def model(input_shape=(*SIZE, 3), classes=4, rescale=True):
    import keras

    keras.utils.set_random_seed(12)
    layers = [keras.Input(shape=input_shape)]
    if rescale:
        layers.append(keras.layers.Rescaling(1 / 255))
    layers += [  # a linear classifier on 16×16 thumbnails: 0.84–0.94 on the validation subset in 10 epochs
        keras.layers.AveragePooling2D(4),
        keras.layers.Flatten(),
        keras.layers.Dense(classes, activation="softmax"),
    ]
    built = keras.Sequential(layers)
    built.compile(optimizer=keras.optimizers.Adam(0.01), loss="sparse_categorical_crossentropy")
    return built


@functools.cache
def trained():
    import keras

    train = keras.utils.image_dataset_from_directory(
        demo(),
        validation_split=0.2,
        subset="training",
        seed=42,
        image_size=SIZE,
        batch_size=32,
        verbose=False,
    )
    result = model()
    result.fit(train, epochs=10, verbose=0, shuffle=False)  # the dataset shuffles itself
    return result


@functools.cache
def untrained():
    return model()


def unbuilt():
    import keras

    return keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(4, activation="softmax")])


CASES = {
    "1": {
        "reference": lambda: answer(demo()),
        "wrong": {
            "path does not exist": lambda: answer(workdir() / "no_such_folder"),
            "images without class subfolders": lambda: answer(flat_folder()),
            "one class only": lambda: answer(variant("one_class", {"bag": 35})),
            "a class with too few images": lambda: answer(variant("few", {"bag": 35, "dress": 12})),
            "a class without readable images": lambda: answer(empty_class_folder()),
            "unreadable files not quarantined": lambda: answer(raw_demo()),
            "a file instead of a folder": lambda: answer(sorted((demo() / "bag").iterdir())[0]),
            "a number instead of a path": lambda: answer(42),
        },
        "also_right": {
            "path as str": lambda: answer(str(demo())),
            "two classes of 30": lambda: answer(variant("two_of_30", {"bag": 30, "dress": 30})),
        },
    },
    "2": {
        "reference": lambda: answer(untrained(), SIZE),
        "wrong": {
            "grayscale input": lambda: answer(model(input_shape=(*SIZE, 1)), SIZE),
            "another size": lambda: answer(model(input_shape=(32, 32, 3)), SIZE),
            "flat input": lambda: answer(model_flat(), SIZE),
            "image_size with channels": lambda: answer(untrained(), (*SIZE, 3)),
            "image_size as a string": lambda: answer(untrained(), "64x64"),
            "not built": lambda: answer(unbuilt(), SIZE),
            "array instead of a model": lambda: answer(np.zeros((1, *SIZE, 3)), SIZE),
        },
        "also_right": {
            "image_size as a list": lambda: answer(untrained(), list(SIZE)),
            "NumPy ints": lambda: answer(untrained(), (np.int64(64), np.int64(64))),
            "any spatial size (None, None, 3)": lambda: answer(model_any_size(), SIZE),
        },
    },
    "3": {
        "reference": lambda: answer(trained(), demo(), SIZE),
        "wrong": {
            "untrained": lambda: answer(untrained(), demo(), SIZE),
            "3 outputs for 4 classes": lambda: answer(model(classes=3), demo(), SIZE),
            "model input of another size": lambda: answer(trained(), demo(), (32, 32)),
            "unreadable files in the folder": lambda: answer(trained(), raw_demo(), SIZE),
            "two classes, four outputs": lambda: answer(
                trained(), variant("two", {"bag": 35, "dress": 35}), SIZE
            ),
        },
        "also_right": {
            "path as str": lambda: answer(trained(), str(demo()), SIZE),
        },
    },
}


def model_flat():
    import keras

    return keras.Sequential(
        [keras.Input(shape=(SIZE[0] * SIZE[1] * 3,)), keras.layers.Dense(4, activation="softmax")]
    )


def model_any_size():
    import keras

    return keras.Sequential(
        [
            keras.Input(shape=(None, None, 3)),
            keras.layers.Rescaling(1 / 255),
            keras.layers.GlobalAveragePooling2D(),
            keras.layers.Dense(4, activation="softmax"),
        ]
    )


def with_extra(name, files):
    """A copy of the two-class variant plus extra files {relative path: bytes} in the class folders."""
    folder = variant(name, {"bag": 35, "dress": 35})
    for relative, content in files.items():
        (folder / relative).write_bytes(content)
    return folder


def dataset_root():
    """The demo's root folder: its train/ and test/ would pass for two classes."""
    root = workdir() / "root"
    if not root.exists():
        for split, n in (("train", 35), ("test", 35)):
            for cls in ("bag", "dress"):
                (root / split / cls).mkdir(parents=True)
                for path in sorted((demo() / cls).iterdir())[:n]:
                    shutil.copy(path, root / split / cls / path.name)
    return root


def imbalanced():
    """30 bags and 160 sneakers (the demo build has 40 per class: sneakers are copied under four names)."""
    folder = workdir() / "imbalanced"
    if not folder.exists():
        for path in sorted((demo() / "bag").iterdir())[:30]:
            (folder / "bag").mkdir(parents=True, exist_ok=True)
            shutil.copy(path, folder / "bag" / path.name)
        (folder / "sneaker").mkdir(parents=True)
        for copy in range(4):
            for path in sorted((demo() / "sneaker").iterdir()):
                shutil.copy(path, folder / "sneaker" / f"{copy}_{path.name}")
    return folder


def always_second_class():
    """A 'model' that always answers class 1 (the majority class of imbalanced())."""
    import keras

    inputs = keras.Input(shape=(*SIZE, 3))
    pooled = keras.layers.GlobalAveragePooling2D()(inputs)
    outputs = keras.layers.Dense(2, activation="softmax")
    built = keras.Model(inputs, outputs(pooled))
    built.layers[-1].set_weights([np.zeros((3, 2)), np.array([0.0, 5.0])])
    return built


def two_outputs():
    import keras

    inputs = keras.Input(shape=(*SIZE, 3))
    features = keras.layers.Flatten()(keras.layers.AveragePooling2D(4)(inputs))
    probabilities = keras.layers.Dense(4, activation="softmax")(features)
    return keras.Model(inputs, [probabilities, keras.layers.Dense(4)(features)])


CASES["1"]["wrong"]["the dataset root (train/ and test/ as classes)"] = lambda: answer(dataset_root())
CASES["1"]["wrong"]["a hidden macOS ._ file that Keras would load"] = lambda: answer(
    with_extra("appledouble", {"bag/._bag_0000.png": b"\0\5\26\7 AppleDouble"})
)
CASES["1"]["also_right"]["files Keras skips (Thumbs.db, notes.txt)"] = lambda: answer(
    with_extra("skipped", {"bag/Thumbs.db": b"\0\1\2", "dress/notes.txt": "заметки".encode()})
)
CASES["3"]["wrong"]["always the majority class of an imbalanced folder"] = lambda: answer(
    always_second_class(), imbalanced(), SIZE
)
CASES["3"]["wrong"]["two outputs"] = lambda: answer(two_outputs(), demo(), SIZE)
