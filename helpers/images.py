"""A folder of one's own images: the offline demo dataset, the cleaning step, one photo as a batch.

Introduced in 12_own_dataset. A dataset for
``keras.utils.image_dataset_from_directory`` is one folder per class::

    folder/
    ├── bag/       bag_0000.png, bag_0001.jpg, …
    └── dress/     dress_0000.png, …

``build_demo_dataset()`` writes such a folder from Fashion-MNIST (no internet
needed) with a few deliberately broken files mixed in; ``scan_images()``
finds the broken and odd files, ``quarantine()`` moves the unreadable ones
aside (nothing is ever deleted or overwritten), ``class_counts()`` counts the
readable images per class and ``load_image_batch()`` turns one image file
into a batch of one for ``model.predict``.

Only NumPy and Pillow are imported here; Keras is imported inside
``load_image_batch`` and the Fashion-MNIST loader inside ``build_demo_dataset``.
"""

import io
import os
import shutil
from pathlib import Path

import numpy as np

from helpers.errors import CourseValueError
from helpers.russian import plural

_REPO = Path(__file__).resolve().parent.parent
# In a clone of the course: <repo>/datasets/own_demo (git-ignored). Installed as a
# package (Colab): datasets/own_demo under the current folder.
DEMO_DIR = (_REPO if (_REPO / "pyproject.toml").is_file() else Path.cwd()) / "datasets" / "own_demo"

# Folder name -> Russian name; the Fashion-MNIST label of each class is in _DEMO_LABELS.
DEMO_CLASSES = {"bag": "сумка", "dress": "платье", "sneaker": "кроссовки", "trousers": "брюки"}
_DEMO_LABELS = {"bag": 8, "dress": 3, "sneaker": 7, "trousers": 1}
_DEMO_SIZE = (64, 64)
_JPEG_QUALITY = 90
# The planted files: (kind, class, index). Indices stay below MIN_TRAIN_PER_CLASS so
# every build size plants the same names; even indices are PNG, odd ones JPEG.
_PLANTED = (
    ("truncated", "bag", 7),
    ("not_image", "dress", 13),
    ("grayscale", "sneaker", 20),
    ("rgba", "trousers", 34),
)
MIN_TRAIN_PER_CLASS = 40
_MAX_PER_CLASS = {"train": 6000, "test": 1000}  # Fashion-MNIST has this many images per class
_NOT_AN_IMAGE = (
    "Это текстовый файл, а не картинка: его положили сюда с расширением .jpg нарочно,\n"
    "чтобы показать, как очистка находит такие файлы.\n"
).encode()

# The extensions image_dataset_from_directory takes; other files it silently skips.
KERAS_EXTENSIONS = (".bmp", ".gif", ".jpeg", ".jpg", ".png")
# What tf.io.decode_image can decode (Pillow's format names): anything else inside a .jpg/.png breaks fit.
TF_FORMATS = ("JPEG", "PNG", "GIF", "BMP", "WEBP")

UNREADABLE = "не читается"
GRAYSCALE = "оттенки серого"
RGBA = "RGBA (прозрачность)"
SKIPPED_BY_KERAS = "Keras пропустит"


class ImageFolderError(CourseValueError):
    """A dataset folder or an image file that cannot be used; the Russian message says what to do.

    Introduced in 12_own_dataset. Raised for a path that does not exist, a file
    where a folder is expected, a folder without class subfolders, a class
    folder without readable images, a file that is not an image, and by
    ``build_demo_dataset`` for a file in its way that it did not write.
    A course error (``helpers.errors.CourseValueError``, so also a ``ValueError``).
    """


# The demo dataset.


def build_demo_dataset(target=DEMO_DIR, train_per_class=400, test_per_class=100, seed=42):
    """Write the demo image-folder dataset from Fashion-MNIST; return where and what it wrote.

    Introduced in 12_own_dataset. Four classes (``DEMO_CLASSES``: bag, dress,
    sneaker, trousers), ``train_per_class`` images each (≥ 40) from the
    Fashion-MNIST train split into ``target/train/<class>/`` and
    ``test_per_class`` (≥ 1) from the test split into ``target/test/<class>/``.
    Each image is the 28×28 picture upscaled to 64×64 (bicubic) and saved as an
    RGB file named ``<class>_<NNNN>.png`` (even N) or ``.jpg`` (odd N). Which
    images are taken is fixed by ``seed`` (a prefix of one permutation, so a
    bigger build starts with the same files as a smaller one).

    Planted in ``train/`` on purpose, with the same names in every build size:
    a truncated JPEG (``bag/bag_0007.jpg``), a text file with a .jpg extension
    (``dress/dress_0013.jpg``), a grayscale (mode "L") PNG
    (``sneaker/sneaker_0020.png``) and an RGBA PNG (``trousers/trousers_0034.png``).

    Deterministic: building twice gives byte-identical files. Only the files it
    owns are written: an identical existing file is left as is, a missing one is
    written (a planted file moved to quarantine comes back), anything else in
    ``target`` is never touched, nothing is overwritten or deleted.

    Returns ``{"root": Path (absolute), "planted": {"truncated": Path, "not_image": Path,
    "grayscale": Path, "rgba": Path}, "counts": {"train": {class: n},
    "test": {class: n}}}`` where ``counts`` are the files of each class folder
    this build owns (planted ones included).

    Raises ``ImageFolderError`` for sizes out of range, a ``target`` that is a
    file, or a file at one of its paths with other content (naming the file);
    ``helpers.data.DatasetError`` if Fashion-MNIST cannot be loaded.
    """
    _require_int(train_per_class, "train_per_class", MIN_TRAIN_PER_CLASS, _MAX_PER_CLASS["train"])
    _require_int(test_per_class, "test_per_class", 1, _MAX_PER_CLASS["test"])
    _require_int(seed, "seed", 0, 2**32 - 1)
    root = _as_path(target, "target")
    if root.exists() and not root.is_dir():
        raise ImageFolderError(
            f"target: {root} — это файл, а нужна папка для демо-датасета. "
            "Передайте путь к папке (её создадут), например images.DEMO_DIR."
        )
    root = root.resolve()  # the same absolute paths as the rows of scan_images
    files = _demo_files(root, {"train": train_per_class, "test": test_per_class}, seed)
    # Check everything first: a conflict stops the build before a single file is written.
    missing = []
    for path, content in files.items():
        if path.exists():
            if not path.is_file() or path.read_bytes() != content:
                raise ImageFolderError(
                    f"target: файл {path} уже существует, и в нём не то, что записал бы построитель "
                    "демо-датасета. Файл оставлен как есть. Как исправить: передайте другую папку "
                    "target (например, новую пустую) или сами перенесите этот файл в другое место."
                )
        else:
            missing.append(path)
    for path in missing:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError):
            raise ImageFolderError(
                f"target: на месте папки {path.parent} (или над ней) лежит файл, и папку не создать. "
                "Файл оставлен как есть. Как исправить: передайте другую папку target или сами "
                "перенесите этот файл в другое место."
            ) from None
        with open(path, "xb") as f:  # "x": never overwrite
            f.write(files[path])
    planted = {kind: root / "train" / cls / _file_name(cls, index) for kind, cls, index in _PLANTED}
    counts = {
        split: {cls: n for cls in sorted(DEMO_CLASSES)}
        for split, n in (("train", train_per_class), ("test", test_per_class))
    }
    return {"root": root, "planted": planted, "counts": counts}


def _demo_files(root, sizes, seed):
    """{path: bytes} of every file of the build, in a fixed order."""
    from PIL import Image

    from helpers.data import load_fashion_mnist

    (x_train, y_train), (x_test, y_test) = load_fashion_mnist()
    arrays = {"train": (x_train, y_train), "test": (x_test, y_test)}
    planted = {(cls, index): kind for kind, cls, index in _PLANTED}
    files = {}
    for split, (x, y) in arrays.items():
        for cls in sorted(DEMO_CLASSES):
            indices = np.flatnonzero(y == _DEMO_LABELS[cls])
            order = np.random.default_rng([seed, _DEMO_LABELS[cls]]).permutation(indices)
            for number, image_index in enumerate(order[: sizes[split]]):
                name = _file_name(cls, number)
                kind = planted.get((cls, number)) if split == "train" else None
                picture = Image.fromarray(x[image_index]).resize(_DEMO_SIZE, Image.Resampling.BICUBIC)
                files[root / split / cls / name] = _encode(picture, name, kind)
    return files


def _file_name(cls, number):
    return f"{cls}_{number:04d}.{'png' if number % 2 == 0 else 'jpg'}"


def _encode(picture, name, kind):
    """The bytes of one file: a plain RGB image, or the planted problem of ``kind``."""
    from PIL import Image

    if kind == "not_image":
        return _NOT_AN_IMAGE
    if kind == "grayscale":
        image = picture  # mode "L"
    elif kind == "rgba":
        image = picture.convert("RGBA")
        alpha = Image.linear_gradient("L").resize(_DEMO_SIZE).point(lambda v: 128 + v // 2)
        image.putalpha(alpha)  # half to fully opaque: the picture stays visible
    else:
        image = picture.convert("RGB")
    buffer = io.BytesIO()
    if name.endswith(".png"):
        image.save(buffer, format="PNG")
    else:
        image.save(buffer, format="JPEG", quality=_JPEG_QUALITY)
    data = buffer.getvalue()
    if kind == "truncated":
        return data[: len(data) // 2]  # an interrupted download
    return data


# Cleaning.


def scan_images(folder):
    """Open every file of every class subfolder with Pillow; one row per file that needs attention.

    Introduced in 12_own_dataset. ``folder`` (str or Path) holds one subfolder
    per class (hidden ones, starting with ".", are skipped, and so are hidden
    files and files lying directly in ``folder``); files in nested folders
    belong to their top-level class, as in ``image_dataset_from_directory``.
    Every file is opened twice (``verify()``, then ``load()``).

    Returns a list of dicts sorted by path, only for files that are NOT a plain
    readable RGB image with an extension Keras takes::

        {"path": Path, "file": "bag/bag_0007.jpg" (relative to folder, "/"-separated),
         "class": "bag", "problem": str, "detail": str (Russian), "readable": bool}

    ``problem`` is "не читается" (``readable`` False: Pillow cannot open or
    decode it — not an image, truncated, empty), "Keras пропустит" (an
    extension image_dataset_from_directory skips), "оттенки серого" (mode L),
    "RGBA (прозрачность)" or "режим <mode>" (readable, converted to RGB by
    ``color_mode="rgb"``). An empty list means every file is fine.

    Raises ``ImageFolderError`` for a path that does not exist, a file instead
    of a folder, a folder with no class subfolders.
    """
    root = _dataset_folder(folder)
    rows = []
    for cls, path in _class_files(root):
        row = _inspect(path)
        if row is not None:
            problem, detail, readable = row
            rows.append(
                {
                    "path": path,
                    "file": path.relative_to(root).as_posix(),
                    "class": cls,
                    "problem": problem,
                    "detail": detail,
                    "readable": readable,
                }
            )
    return rows


def _inspect(path):
    """None for a plain RGB image Keras takes, else (problem, detail, readable)."""
    from PIL import Image

    if path.suffix.lower() not in KERAS_EXTENSIONS:  # Keras never opens it: harmless for training
        return (
            SKIPPED_BY_KERAS,
            f"расширение «{path.suffix or 'нет'}»: image_dataset_from_directory берёт только "
            f"{', '.join(KERAS_EXTENSIONS)} и этот файл пропустит; если это картинка, пересохраните её "
            "в PNG или JPEG",
            True,
        )
    try:
        with Image.open(path) as image:
            image.verify()
        with Image.open(path) as image:
            image.load()
            mode, image_format = image.mode, image.format
            transparent = "transparency" in image.info
    except Image.UnidentifiedImageError:
        size = path.stat().st_size
        what = "файл пустой (0 байт)" if size == 0 else "это не картинка: Pillow не узнаёт в нём формат"
        detail = f"{what}; возможно, это страница или текст, сохранённые с расширением картинки"
        return UNREADABLE, detail, False
    except Exception as error:  # a broken file can fail in many ways: all of them mean "unreadable"
        text = str(error)
        if "truncated" in text:
            detail = "файл обрезан — недокачан или повреждён (Pillow: «" + text + "»)"
        else:
            detail = f"картинка повреждена — Pillow: {type(error).__name__}: {text}"
        return UNREADABLE, detail, False
    if image_format not in TF_FORMATS:
        return (
            UNREADABLE,
            f"внутри формат {image_format}, хотя расширение «{path.suffix}»: TensorFlow читает только "
            f"{', '.join(TF_FORMATS)}, и обучение на этом файле упадёт — пересохраните его в PNG или JPEG",
            False,
        )
    if mode == "RGB":
        return None
    if mode == "L":
        detail = 'чёрно-белая картинка (один канал); color_mode="rgb" повторит его в трёх каналах'
        return GRAYSCALE, detail, True
    if mode in ("RGBA", "LA") or transparent:
        return (
            RGBA,
            f'режим {mode}: есть канал прозрачности; color_mode="rgb" его отбросит',
            True,
        )
    return f"режим {mode}", f'режим {mode} (не RGB); color_mode="rgb" переведёт картинку в RGB', True


def quarantine(rows, folder, quarantine_dir):
    """Move the unreadable files of ``rows`` out of the dataset; return their new paths.

    Introduced in 12_own_dataset. ``rows`` come from ``scan_images(folder)``;
    only rows with ``readable`` False are moved, to
    ``quarantine_dir/<class>/<name>``. Nothing is deleted and nothing is
    overwritten: if the name is taken, a numeric suffix is added
    (``bag_0007_1.jpg``). Grayscale/RGBA files stay where they are:
    ``image_dataset_from_directory(color_mode="rgb")`` converts them.

    Returns the list of new paths (Path), in the order of ``rows``.
    Raises ``ImageFolderError`` (before moving anything) for ``folder`` problems
    as in ``scan_images``, a ``quarantine_dir`` inside ``folder`` (it would
    become one more class), a row whose file is outside ``folder`` or no longer
    there (scan again), and rows that are not scan_images rows.
    """
    root = _dataset_folder(folder)
    target = _as_path(quarantine_dir, "quarantine_dir").resolve()
    if target == root or root in target.parents:
        raise ImageFolderError(
            f"quarantine_dir: {target} лежит внутри папки датасета {root} — там карантин стал бы ещё "
            "одним классом. Выберите папку рядом, например папка_датасета.parent / 'quarantine'."
        )
    if target.exists() and not target.is_dir():
        raise ImageFolderError(f"quarantine_dir: {target} — это файл, а нужна папка (её создадут).")
    if not isinstance(rows, list | tuple):
        raise ImageFolderError(
            f"rows: пришло {type(rows).__name__}, а нужен список строк из images.scan_images(folder)."
        )
    moves = []
    for row in rows:
        if not isinstance(row, dict) or not {"path", "class", "readable"} <= set(row):
            raise ImageFolderError(
                f"rows: элемент {row!r} — не строка из images.scan_images(folder) "
                "(нужны ключи path, class, readable)."
            )
        if row["readable"]:
            continue
        source = Path(row["path"]).resolve()
        if root not in source.parents:
            raise ImageFolderError(
                f"rows: файл {source} лежит не в папке {root}: передайте строки scan_images этой же папки."
            )
        if not source.is_file():
            raise ImageFolderError(
                f"rows: файла {source} уже нет на месте (его переместили раньше?). "
                "Ничего не перемещено: запустите images.scan_images(folder) снова и передайте новые строки."
            )
        moves.append((source, target / str(row["class"])))
    return [_move_keeping(source, folder_to) for source, folder_to in moves]


def _move_keeping(source, folder_to):
    """Move ``source`` into ``folder_to`` under a free name; never overwrite, never lose the file."""
    folder_to.mkdir(parents=True, exist_ok=True)
    number = 0
    while True:
        suffix = f"_{number}" if number else ""
        destination = folder_to / f"{source.stem}{suffix}{source.suffix}"
        number += 1
        try:
            os.link(source, destination)  # fails if the name is taken: no overwrite, even in a race
        except FileExistsError:
            continue
        except OSError:  # another file system, or no hard links: copy, then remove the original
            try:
                with open(source, "rb") as src, open(destination, "xb") as dst:
                    shutil.copyfileobj(src, dst)
            except FileExistsError:
                continue
            shutil.copystat(source, destination)
        os.unlink(source)  # the file now lives at destination
        return destination


def class_counts(folder):
    """Readable images per class subfolder, in the order Keras gives the classes: {class: n}.

    Introduced in 12_own_dataset. Counts the files that
    ``image_dataset_from_directory`` would load (a Keras extension) and Pillow
    can read (grayscale/RGBA included). Raises ``ImageFolderError`` for a path
    that does not exist, a file instead of a folder, no class subfolders, or a
    class folder with no readable image (naming it and what to do).
    """
    root = _dataset_folder(folder)
    counts = {cls: 0 for cls in _class_names(root)}
    for cls, path in _class_files(root):
        if path.suffix.lower() in KERAS_EXTENSIONS:
            found = _inspect(path)
            counts[cls] += found is None or found[2]
    empty = [cls for cls, n in counts.items() if n == 0]
    if empty:
        raise ImageFolderError(
            f"folder: в папках классов {', '.join(empty)} (внутри {root}) нет ни одной читаемой картинки "
            f"({', '.join(KERAS_EXTENSIONS)}). Как исправить: положите туда картинки этого класса "
            "или уберите пустую папку из папки датасета (перенесите, не удаляйте нужное)."
        )
    return counts


# One image file as a batch.


def image_size_pair(image_size):
    """``image_size`` as a tuple of two positive ints (height, width), e.g. ``(64, 64)``.

    Introduced in 12_own_dataset. Raises ``ImageFolderError`` (Russian) for
    anything else: one number, three numbers, floats, bools, zero or negatives.
    """
    if (
        not isinstance(image_size, tuple | list)
        or len(image_size) != 2
        or not all(isinstance(v, int | np.integer) and not isinstance(v, bool) and v > 0 for v in image_size)
    ):
        raise ImageFolderError(
            f"image_size: пришло {image_size!r}, а нужны два целых положительных числа (высота, ширина), "
            "например (64, 64) — тот же размер, что при обучении."
        )
    return int(image_size[0]), int(image_size[1])


def load_image_batch(path, image_size):
    """One image file -> a float32 array of shape (1, height, width, 3) with values 0..255.

    Introduced in 12_own_dataset. Read with
    ``keras.utils.load_img(path, target_size=image_size, color_mode="rgb")``
    and ``keras.utils.img_to_array``: any size is resized to ``image_size``
    (height, width), grayscale and RGBA become RGB. The values stay 0..255:
    a model with ``Rescaling(1/255)`` inside takes them as they are.

    Raises ``ImageFolderError`` if ``image_size`` is not two positive ints, the
    path does not exist or is a folder, or the file is not a readable image.
    """
    image_size = image_size_pair(image_size)
    file = _as_path(path, "path")
    if not file.exists():
        raise ImageFolderError(f"path: файла {file} нет. Проверьте путь (и расширение) и запустите снова.")
    if not file.is_file():
        raise ImageFolderError(f"path: {file} — это папка, а нужен путь к одному файлу-картинке.")
    import keras

    try:
        image = keras.utils.load_img(file, target_size=tuple(int(v) for v in image_size), color_mode="rgb")
        array = keras.utils.img_to_array(image, dtype="float32")
    except Exception as error:  # PIL raises many kinds for a broken or foreign file
        from PIL import UnidentifiedImageError

        if isinstance(error, UnidentifiedImageError):
            reason = "Pillow не узнаёт в нём формат картинки"
        else:
            reason = f"{type(error).__name__}: {error}"
        raise ImageFolderError(
            f"path: {file} — не картинка или повреждённая картинка ({reason}). "
            "Откройте файл в просмотрщике или возьмите другой (PNG, JPEG)."
        ) from None
    return array[np.newaxis]


# Shared checks of paths and folders.


def _as_path(value, what):
    if isinstance(value, bool) or not isinstance(value, str | os.PathLike):
        raise ImageFolderError(
            f"{what}: пришло {type(value).__name__} ({value!r}), а нужен путь — строка или pathlib.Path."
        )
    return Path(value).expanduser()


def _require_int(value, what, low, high):
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or not low <= value <= high:
        raise ImageFolderError(f"{what}: пришло {value!r}, а нужно целое число от {low} до {high}.")


def _dataset_folder(folder):
    root = _as_path(folder, "folder")
    if not root.exists():
        raise ImageFolderError(
            f"folder: папки {root} нет. Проверьте путь: в ней должна быть одна подпапка на каждый класс "
            "(например, cats/ и dogs/)."
        )
    if not root.is_dir():
        raise ImageFolderError(
            f"folder: {root} — это файл, а нужна папка с подпапками-классами. "
            "Передайте папку, в которой лежат подпапки классов."
        )
    root = root.resolve()
    if not _class_names(root):
        loose = [p for p in root.iterdir() if p.is_file() and not p.name.startswith(".")]
        files = plural(len(loose), "файл", "файла", "файлов")
        found = f"в ней есть {files}, но " if loose else "в ней "
        raise ImageFolderError(
            f"folder: {root} — {found}нет подпапок-классов. Разложите картинки по подпапкам, "
            "одна подпапка на класс (например, cats/ и dogs/): имя подпапки станет названием класса."
        )
    return root


def _class_names(root):
    return sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))


def _class_files(root):
    """(class, path) of every file under each class folder, sorted, walked the way Keras walks it.

    Like ``image_dataset_from_directory``: hidden files and folders inside a
    class folder count (a macOS ``._photo.jpg`` is loaded and breaks training),
    and symbolic links to folders are not followed.
    """
    for cls in _class_names(root):
        for directory, subdirs, names in os.walk(root / cls, followlinks=False):
            subdirs.sort()
            for name in sorted(names):
                yield cls, Path(directory) / name
