"""Self-checks of the closing project of lesson 12: a dataset of one's own. Introduced in 12_own_dataset.

The project: collect a folder of images, one subfolder per class (at least two
classes), and train a network on it. In the lesson::

    from helpers import checks
    project = checks.homework("project12")
    project.check(1, folder)                      # the folder: classes, enough readable images
    project.check(2, model, image_size)           # the model's input matches image_size
    project.check(3, model, folder, image_size)   # accuracy on the validation subset above chance

The checker reads the student's folder itself (``helpers.images``) and loads the
validation subset itself with ``keras.utils.image_dataset_from_directory``
(``validation_split=0.2``, ``subset="validation"``, ``seed=42``), as the lesson does.
Messages name classes and counts, never single files.
"""

import contextlib
import io
import os
from pathlib import Path

import numpy as np

from helpers.checks import TaskList, Wrong, input_shape, require_model
from helpers.images import ImageFolderError, class_counts, image_size_pair, scan_images

TASKS = TaskList("project12", "Проект урока 12: свой датасет", after=("12",))

LESSON = "12_own_dataset"
MIN_CLASSES = 2
MIN_IMAGES = 30  # readable images per class
MARGIN = 0.15  # validation accuracy must beat guessing (the majority class share) by more than this
VALIDATION_SPLIT = 0.2
SEED = 42
BATCH_SIZE = 32


def _folder(folder):
    """{class: readable images} of the student's folder; Wrong for anything that would break training."""
    if isinstance(folder, bool) or not isinstance(folder, str | os.PathLike):
        raise Wrong(
            f"folder: пришло {type(folder).__name__}, а нужен путь к папке датасета — "
            "строка или pathlib.Path."
        )
    try:
        counts = class_counts(folder)
        broken = sum(not row["readable"] for row in scan_images(folder))
    except ImageFolderError as error:
        raise Wrong(" ".join(str(error).split())) from error
    splits = {"train", "test", "val", "valid", "validation"}
    folder_path = Path(folder)
    if set(counts) <= splits and any(p.is_dir() for cls in counts for p in (folder_path / cls).iterdir()):
        raise Wrong(
            f"в папке подпапки {', '.join(counts)} — похоже, это корень датасета, а не папка с классами: "
            "передайте папку train/ (в ней по подпапке на класс)."
        )
    if len(counts) < MIN_CLASSES:
        raise Wrong(
            f"в папке найден {len(counts)} класс ({', '.join(counts)}), а нужно хотя бы {MIN_CLASSES}: "
            "добавьте подпапку для каждого следующего класса."
        )
    few = {cls: n for cls, n in counts.items() if n < MIN_IMAGES}
    if few:
        listed = ", ".join(f"{cls} — {n}" for cls, n in few.items())
        raise Wrong(
            f"мало читаемых картинок в классах: {listed}; нужно хотя бы {MIN_IMAGES} в каждом классе — "
            "соберите ещё."
        )
    if broken:
        raise Wrong(
            f"нечитаемых файлов в папке: {broken} — на них обучение упадёт. "
            "Найдите их images.scan_images(folder) и перенесите images.quarantine(...) в карантин."
        )
    return counts


def _image_size(image_size):
    try:
        return image_size_pair(image_size)
    except ImageFolderError as error:
        raise Wrong(str(error)) from error


def _matching_input(model, image_size):
    """The model is a built keras.Model whose input is (height, width, 3) = image_size + (3,)."""
    require_model(model)
    size = _image_size(image_size)
    shape = input_shape(model)
    if len(shape) != 3:
        raise Wrong(
            f"вход модели формы {shape}, а для цветных картинок нужен (высота, ширина, 3): "
            "начните модель с keras.Input(shape=image_size + (3,))."
        )
    if shape[2] != 3:
        raise Wrong(
            f'у входа модели {shape[2]} канал(а), а image_dataset_from_directory(color_mode="rgb") '
            "даёт 3 канала: нужен вход (высота, ширина, 3)."
        )
    if any(got is not None and got != want for got, want in zip(shape[:2], size, strict=True)):
        raise Wrong(
            f"вход модели {shape[:2]} (высота, ширина), а image_size {size}: картинки будут другого "
            "размера — сделайте их одинаковыми."
        )
    return size


@TASKS.task(
    "1",
    "Папка датасета",
    lesson=LESSON,
    hint=(
        "Папка датасета — одна подпапка на класс: folder/кошки/*.jpg, folder/собаки/*.jpg. "
        f"Нужно хотя бы {MIN_CLASSES} класса и по {MIN_IMAGES} читаемых картинок в каждом; "
        "images.class_counts(folder) покажет, сколько их, а images.scan_images(folder) — плохие файлы."
    ),
)
def dataset_folder(folder):
    counts = _folder(folder)
    listed = ", ".join(f"{cls} — {n}" for cls, n in counts.items())
    return f"Классов: {len(counts)} ({listed})."


@TASKS.task(
    "2",
    "Вход модели и размер картинок",
    lesson=LESSON,
    hint=(
        "image_size — тот же кортеж (высота, ширина), что в image_dataset_from_directory; "
        "модель начинается с keras.Input(shape=image_size + (3,)) — три канала RGB."
    ),
)
def model_input(model, image_size):
    size = _matching_input(model, image_size)
    return f"Вход модели {size + (3,)}."


@TASKS.task(
    "3",
    "Точность на проверочной выборке",
    lesson=LESSON,
    hint=(
        'Обучите модель на subset="training" той же папки (validation_split=0.2, seed=42): '
        "Rescaling(1/255) внутри модели, число выходов = число классов, softmax. "
        'Проверка сама возьмёт subset="validation" и сравнит точность с уровнем угадывания.'
    ),
)
def validation_accuracy(model, folder, image_size):
    size = _matching_input(model, image_size)
    counts = _folder(folder)
    classes = len(counts)
    if len(model.outputs) != 1:
        raise Wrong(f"у модели {len(model.outputs)} выхода, а нужен один: вероятности классов.")
    outputs = tuple(model.outputs[0].shape[1:])
    if outputs != (classes,):
        raise Wrong(
            f"на выходе модели форма {outputs}, а классов в папке {classes}: "
            'последний слой — Dense(число классов, activation="softmax").'
        )
    import keras

    with contextlib.redirect_stdout(io.StringIO()):  # Keras prints "Using N files…": one line per check
        validation = keras.utils.image_dataset_from_directory(
            folder,
            validation_split=VALIDATION_SPLIT,
            subset="validation",
            seed=SEED,
            image_size=size,
            batch_size=BATCH_SIZE,
            color_mode="rgb",
            verbose=False,
        )
    right = total = 0
    seen = np.zeros(classes, dtype=int)
    for images, labels in validation:
        outputs = model(images, training=False)
        if not hasattr(outputs, "shape") or tuple(outputs.shape) != (len(labels), classes):
            raise Wrong(
                "модель должна выдавать один массив формы (батч, число классов), а выдаёт "
                f"{type(outputs).__name__} — у модели должен быть один выход."
            )
        predicted = np.argmax(np.asarray(outputs), axis=-1)
        right += int(np.sum(predicted == labels.numpy()))
        total += len(labels)
        seen += np.bincount(labels.numpy(), minlength=classes)
    if total == 0:
        raise Wrong("в проверочной выборке нет ни одной картинки: добавьте картинок в папку.")
    accuracy = right / total
    # Guessing = always answering the most frequent class of the validation set (1/classes if balanced).
    chance = float(seen.max() / total)
    if accuracy <= chance + MARGIN:
        raise Wrong(
            f"точность на проверочной выборке {accuracy:.2f} ≤ уровня угадывания "
            f"{chance:.2f} + {MARGIN:.2f} (столько даёт ответ «всегда самый частый класс»): "
            "обучите модель дольше или соберите больше картинок (картинки подаются как есть, 0..255 — "
            "Rescaling(1/255) должен быть внутри модели)."
        )
    return f"Точность на проверочной выборке {accuracy:.2f} (угадывание — {chance:.2f})."
