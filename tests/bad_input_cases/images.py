"""Bad inputs for helpers.images (lesson 12): paths, folders, sizes and scan rows."""

from pathlib import Path

from helpers import images
from tests.bad_input_cases import Bad


def dataset(env, classes=("cats", "dogs"), image=True):
    """A tiny image-folder dataset: one 8×8 PNG per class (or an empty class folder)."""
    from PIL import Image

    root = env.tmp_path / "photos"
    for cls in classes:
        (root / cls).mkdir(parents=True)
        if image:
            Image.new("RGB", (8, 8), "white").save(root / cls / "a.png")
    return root


def a_file(env, name="notes.txt", content=b"not an image"):
    path = env.tmp_path / name
    path.write_bytes(content)
    return path


def empty_class(env):
    root = dataset(env)
    (root / "birds").mkdir()
    return images.class_counts(root)


def loose_files(env):
    root = env.tmp_path / "flat"
    root.mkdir()
    (root / "cat.jpg").write_bytes(b"x")
    return images.scan_images(root)


def quarantine_inside(env):
    root = dataset(env)
    return images.quarantine([], root, root / "quarantine")


def quarantine_rows_not_rows(env):
    root = dataset(env)
    return images.quarantine([{"file": "a.png"}], root, env.tmp_path / "q")


def quarantine_rows_a_dict(env):
    root = dataset(env)
    return images.quarantine({"path": "a.png"}, root, env.tmp_path / "q")


def quarantine_moved_already(env):
    root = dataset(env)
    row = {"path": str(root / "cats" / "gone.jpg"), "class": "cats", "readable": False}
    return images.quarantine([row], root, env.tmp_path / "q")


def demo_target_is_a_file(env):
    return images.build_demo_dataset(a_file(env), train_per_class=40, test_per_class=1)


CASES = [
    Bad("images.build_demo_dataset", "too few per class", lambda env: images.build_demo_dataset(env.tmp_path / "d", train_per_class=5), ("train_per_class", "от 40")),
    Bad("images.build_demo_dataset", "seed as a string", lambda env: images.build_demo_dataset(env.tmp_path / "d", seed="42"), ("seed", "целое число")),
    Bad("images.build_demo_dataset", "target is a file", demo_target_is_a_file, ("target", "это файл")),
    Bad("images.build_demo_dataset", "target is a number", lambda env: images.build_demo_dataset(7, train_per_class=40, test_per_class=1), ("target", "строка или pathlib.Path")),
    Bad("images.scan_images", "missing folder", lambda env: images.scan_images(env.tmp_path / "nope"), ("folder", "нет", "подпапк")),
    Bad("images.scan_images", "a file", lambda env: images.scan_images(a_file(env)), ("folder", "это файл")),
    Bad("images.scan_images", "no class subfolders", loose_files, ("folder", "нет подпапок-классов", "Разложите")),
    Bad("images.scan_images", "None", lambda env: images.scan_images(None), ("folder", "NoneType")),
    Bad("images.quarantine", "quarantine inside the dataset", quarantine_inside, ("quarantine_dir", "внутри")),
    Bad("images.quarantine", "rows of another kind", quarantine_rows_not_rows, ("rows", "scan_images")),
    Bad("images.quarantine", "rows as a dict", quarantine_rows_a_dict, ("rows", "dict", "список")),
    Bad("images.quarantine", "a file moved already", quarantine_moved_already, ("rows", "уже нет", "Ничего не перемещено")),
    Bad("images.class_counts", "missing folder", lambda env: images.class_counts(env.tmp_path / "nope"), ("folder", "нет")),
    Bad("images.class_counts", "an empty class", empty_class, ("birds", "нет ни одной читаемой картинки")),
    Bad("images.class_counts", "a file", lambda env: images.class_counts(a_file(env)), ("folder", "это файл")),
    Bad("images.image_size_pair", "one number", lambda env: images.image_size_pair(64), ("image_size", "(64, 64)")),
    Bad("images.image_size_pair", "three numbers", lambda env: images.image_size_pair((64, 64, 3)), ("image_size", "два целых")),
    Bad("images.image_size_pair", "zero", lambda env: images.image_size_pair((0, 64)), ("image_size", "положительных")),
    Bad("images.image_size_pair", "floats", lambda env: images.image_size_pair((64.0, 64.0)), ("image_size", "целых")),
    Bad("images.load_image_batch", "missing file", lambda env: images.load_image_batch(env.tmp_path / "cat.jpg", (64, 64)), ("path", "нет", "Проверьте путь")),
    Bad("images.load_image_batch", "a folder", lambda env: images.load_image_batch(env.tmp_path, (64, 64)), ("path", "это папка")),
    Bad("images.load_image_batch", "not an image", lambda env: images.load_image_batch(a_file(env, "cat.jpg"), (64, 64)), ("path", "не картинка")),
    Bad("images.load_image_batch", "bad size", lambda env: images.load_image_batch(Path("x.png"), 64), ("image_size",)),
]
