"""helpers.images: the demo dataset builder, the cleaning step and their Russian errors.

Builds are small (40 train / 5 test images per class) and live in tmp_path;
nothing here touches datasets/own_demo.
"""

import hashlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from helpers import images

TRAIN, TEST = 40, 5
PLANTED_FILES = {
    "truncated": "bag/bag_0007.jpg",
    "not_image": "dress/dress_0013.jpg",
    "grayscale": "sneaker/sneaker_0020.png",
    "rgba": "trousers/trousers_0034.png",
}


def hashes(root):
    """{relative posix path: sha256} of every file under root."""
    root = Path(root)
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def build(target, train=TRAIN, test=TEST, **kwargs):
    return images.build_demo_dataset(target, train_per_class=train, test_per_class=test, **kwargs)


@pytest.fixture(scope="module")
def reference_build(tmp_path_factory):
    """One build, never modified by the tests: (info, {path: sha256})."""
    root = tmp_path_factory.mktemp("demo_reference")
    info = build(root)
    return info, hashes(root)


@pytest.fixture
def demo(tmp_path):
    """A fresh build the test may change."""
    return build(tmp_path / "demo")


def error_text(call, *args, **kwargs):
    with pytest.raises(images.ImageFolderError) as error:
        call(*args, **kwargs)
    assert isinstance(error.value, ValueError)
    return str(error.value)


# The builder.


def test_build_writes_the_layout_and_returns_paths_and_counts(reference_build):
    info, files = reference_build
    root = info["root"]
    classes = sorted(images.DEMO_CLASSES)
    assert info["counts"] == {"train": dict.fromkeys(classes, TRAIN), "test": dict.fromkeys(classes, TEST)}
    for split, n in (("train", TRAIN), ("test", TEST)):
        assert sorted(p.name for p in (root / split).iterdir()) == classes
        for cls in classes:
            names = sorted(p.name for p in (root / split / cls).iterdir())
            assert names == [f"{cls}_{i:04d}.{'png' if i % 2 == 0 else 'jpg'}" for i in range(n)]
    assert len(files) == 4 * (TRAIN + TEST)
    with Image.open(root / "test" / "bag" / "bag_0000.png") as image:
        assert image.mode == "RGB" and image.size == (64, 64) and image.format == "PNG"
    with Image.open(root / "train" / "dress" / "dress_0001.jpg") as image:
        assert image.mode == "RGB" and image.size == (64, 64) and image.format == "JPEG"


def test_two_builds_are_byte_identical(reference_build, tmp_path):
    _, files = reference_build
    build(tmp_path / "again")
    assert hashes(tmp_path / "again") == files


def test_another_seed_picks_other_images(reference_build, tmp_path):
    _, files = reference_build
    build(tmp_path / "other", seed=7)
    other = hashes(tmp_path / "other")
    assert other.keys() == files.keys() and other != files


def test_planted_files_are_present_with_the_same_names_in_every_size(reference_build, tmp_path):
    info, files = reference_build
    root = info["root"]
    assert {kind: p.relative_to(root / "train").as_posix() for kind, p in info["planted"].items()} == (
        PLANTED_FILES
    )
    data = info["planted"]["truncated"].read_bytes()
    assert data[:2] == b"\xff\xd8" and not data.endswith(b"\xff\xd9")  # a JPEG start without its end
    with pytest.raises(OSError), Image.open(info["planted"]["truncated"]) as image:
        image.load()
    with pytest.raises(Image.UnidentifiedImageError):
        Image.open(info["planted"]["not_image"])
    info["planted"]["not_image"].read_text(encoding="utf-8")  # it is text
    with Image.open(info["planted"]["grayscale"]) as image:
        assert image.mode == "L"
    with Image.open(info["planted"]["rgba"]) as image:
        assert image.mode == "RGBA"
    # A bigger build starts with the very same files (so the lesson's table is the same in any mode).
    bigger = build(tmp_path / "bigger", train=TRAIN + 2, test=TEST + 1)
    assert {k: p.relative_to(bigger["root"]) for k, p in bigger["planted"].items()} == {
        k: p.relative_to(root) for k, p in info["planted"].items()
    }
    bigger_files = hashes(tmp_path / "bigger")
    assert all(bigger_files[name] == digest for name, digest in files.items())
    assert len(bigger_files) == len(files) + 4 * 3


def test_rebuild_keeps_everything_and_replants_what_was_moved(demo):
    root = demo["root"]
    (root / "notes.txt").write_text("мои заметки", encoding="utf-8")
    Image.new("RGB", (20, 30), "blue").save(root / "train" / "bag" / "my_photo.png")
    before = hashes(root)
    moved = images.quarantine(images.scan_images(root / "train"), root / "train", root / "quarantine")
    assert len(moved) == 2
    again = build(root)
    assert again["planted"] == demo["planted"]
    after = hashes(root)
    # every file is back with the same bytes, the quarantined copies stay, the foreign files are untouched
    assert {k: v for k, v in after.items() if not k.startswith("quarantine/")} == before
    assert sorted(k for k in after if k.startswith("quarantine/")) == [
        "quarantine/bag/bag_0007.jpg",
        "quarantine/dress/dress_0013.jpg",
    ]


def test_rebuild_refuses_to_overwrite_a_changed_file(demo):
    root = demo["root"]
    changed = root / "train" / "bag" / "bag_0002.png"
    changed.write_bytes(b"my own bytes")
    missing = root / "test" / "dress" / "dress_0001.jpg"
    missing.unlink()
    before = hashes(root)
    message = error_text(build, root)
    assert str(changed) in message and "target" in message
    assert hashes(root) == before, "a refused build must write nothing"
    assert not missing.exists()


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"train_per_class": 39}, "train_per_class"),
        ({"train_per_class": 6001}, "train_per_class"),
        ({"test_per_class": 0}, "test_per_class"),
        ({"test_per_class": 2.5}, "test_per_class"),
        ({"seed": True}, "seed"),
    ],
)
def test_build_rejects_bad_sizes(tmp_path, kwargs, words):
    message = error_text(images.build_demo_dataset, tmp_path / "x", **kwargs)
    assert words in message and "целое число" in message
    assert not (tmp_path / "x").exists()


def test_build_into_a_file_is_refused(tmp_path):
    path = tmp_path / "file.txt"
    path.write_text("x")
    assert "это файл" in error_text(build, path)
    assert path.read_text() == "x"


# Cleaning.


def test_scan_finds_exactly_the_planted_problems(reference_build):
    info, _ = reference_build
    rows = images.scan_images(info["root"] / "train")
    assert [(row["file"], row["problem"], row["readable"]) for row in rows] == [
        ("bag/bag_0007.jpg", images.UNREADABLE, False),
        ("dress/dress_0013.jpg", images.UNREADABLE, False),
        ("sneaker/sneaker_0020.png", images.GRAYSCALE, True),
        ("trousers/trousers_0034.png", images.RGBA, True),
    ]
    assert [row["class"] for row in rows] == ["bag", "dress", "sneaker", "trousers"]
    assert [row["path"] for row in rows] == [info["planted"][k].resolve() for k in PLANTED_FILES]
    assert "обрезан" in rows[0]["detail"] and "не картинка" in rows[1]["detail"]
    assert images.scan_images(info["root"] / "test") == []


def test_scan_reports_other_modes_and_extensions_keras_skips(tmp_path):
    for cls in ("a", "b"):
        (tmp_path / cls).mkdir()
        Image.new("RGB", (8, 8), "red").save(tmp_path / cls / "ok.png")
    Image.new("P", (8, 8)).save(tmp_path / "a" / "palette.png")
    Image.new("RGB", (8, 8)).save(tmp_path / "a" / "photo.webp")
    (tmp_path / "b" / "empty.jpg").write_bytes(b"")
    (tmp_path / "b" / ".DS_Store").write_bytes(b"\0\1")
    nested = tmp_path / "b" / "more"
    nested.mkdir()
    Image.new("L", (8, 8)).save(nested / "gray.jpg")
    # What Keras itself would load breaks training: a hidden macOS "._" file, a TIFF saved as .png.
    (tmp_path / "a" / "._ok.jpg").write_bytes(b"\0\5\26\7 AppleDouble")
    Image.new("RGB", (8, 8)).save(tmp_path / "a" / "scan.png", format="TIFF")
    rows = {row["file"]: row for row in images.scan_images(tmp_path)}
    assert sorted(rows) == [
        "a/._ok.jpg",
        "a/palette.png",
        "a/photo.webp",
        "a/scan.png",
        "b/.DS_Store",
        "b/empty.jpg",
        "b/more/gray.jpg",
    ]
    assert rows["a/palette.png"]["problem"] == "режим P" and rows["a/palette.png"]["readable"]
    assert rows["a/photo.webp"]["problem"] == images.SKIPPED_BY_KERAS and rows["a/photo.webp"]["readable"]
    assert rows["b/.DS_Store"]["problem"] == images.SKIPPED_BY_KERAS and rows["b/.DS_Store"]["readable"]
    assert rows["a/._ok.jpg"]["readable"] is False
    assert rows["a/scan.png"]["readable"] is False and "TIFF" in rows["a/scan.png"]["detail"]
    assert rows["b/empty.jpg"]["readable"] is False and "пустой" in rows["b/empty.jpg"]["detail"]
    assert rows["b/more/gray.jpg"]["class"] == "b"
    assert images.class_counts(tmp_path) == {"a": 2, "b": 2}


def test_quarantine_moves_exactly_the_unreadable_files_and_deletes_nothing(demo, tmp_path):
    root = demo["root"]
    train = root / "train"
    before = hashes(root)
    rows = images.scan_images(train)
    moved = images.quarantine(rows, train, tmp_path / "quarantine")
    assert moved == [
        tmp_path / "quarantine" / "bag" / "bag_0007.jpg",
        tmp_path / "quarantine" / "dress" / "dress_0013.jpg",
    ]
    after = hashes(root)
    quarantined = hashes(tmp_path / "quarantine")
    # Nothing lost, nothing changed: the files left plus the quarantine are exactly the files before.
    assert sorted([*after.values(), *quarantined.values()]) == sorted(before.values())
    assert set(before) - set(after) == {
        "train/" + PLANTED_FILES["truncated"],
        "train/" + PLANTED_FILES["not_image"],
    }
    assert {f"train/{name}": digest for name, digest in quarantined.items()} == {
        name: before[name] for name in set(before) - set(after)
    }
    assert demo["planted"]["grayscale"].exists() and demo["planted"]["rgba"].exists()
    # What is left is clean apart from the convertible files.
    assert [row["readable"] for row in images.scan_images(train)] == [True, True]
    assert images.class_counts(train) == {
        "bag": TRAIN - 1,
        "dress": TRAIN - 1,
        "sneaker": TRAIN,
        "trousers": TRAIN,
    }


def test_quarantine_never_overwrites(demo, tmp_path):
    train = demo["root"] / "train"
    target = tmp_path / "quarantine"
    (target / "bag").mkdir(parents=True)
    (target / "bag" / "bag_0007.jpg").write_bytes(b"already here")
    first = images.quarantine(images.scan_images(train), train, target)
    build(demo["root"])  # plants the broken files again
    second = images.quarantine(images.scan_images(train), train, target)
    assert [p.name for p in first] == ["bag_0007_1.jpg", "dress_0013.jpg"]
    assert [p.name for p in second] == ["bag_0007_2.jpg", "dress_0013_1.jpg"]
    assert (target / "bag" / "bag_0007.jpg").read_bytes() == b"already here"
    assert first[0].read_bytes() == second[0].read_bytes()
    assert first[0].read_bytes()[:2] == b"\xff\xd8" and len(first[0].read_bytes()) > 100


def test_quarantine_refuses_stale_rows_and_a_folder_inside_the_dataset(demo, tmp_path):
    train = demo["root"] / "train"
    rows = images.scan_images(train)
    assert "внутри папки датасета" in error_text(images.quarantine, rows, train, train / "quarantine")
    images.quarantine(rows, train, tmp_path / "q")
    build(demo["root"])
    demo["planted"]["not_image"].unlink()  # the dress file is gone again: the old rows are stale
    before = hashes(demo["root"])
    message = error_text(images.quarantine, rows, train, tmp_path / "q")
    assert "scan_images" in message and "dress_0013.jpg" in message
    assert hashes(demo["root"]) == before, "nothing moves when one row is stale"
    assert "rows" in error_text(images.quarantine, [{"path": "x"}], train, tmp_path / "q")
    outside = [{"path": tmp_path / "elsewhere.jpg", "class": "bag", "readable": False}]
    assert "не в папке" in error_text(images.quarantine, outside, train, tmp_path / "q")


# Russian errors for bad folders.


def test_missing_path_file_instead_of_folder_and_no_class_folders(tmp_path):
    missing = tmp_path / "no_such_folder"
    for call in (images.scan_images, images.class_counts):
        message = error_text(call, missing)
        assert "folder" in message and "нет" in message and str(missing) in message
    a_file = tmp_path / "photo.jpg"
    Image.new("RGB", (4, 4)).save(a_file)
    for call in (images.scan_images, images.class_counts):
        assert "это файл" in error_text(call, a_file)
    flat = tmp_path / "flat"
    flat.mkdir()
    Image.new("RGB", (4, 4)).save(flat / "one.jpg")
    (flat / ".hidden").mkdir()
    for call in (images.scan_images, images.class_counts):
        message = error_text(call, flat)
        assert "нет подпапок-классов" in message and "в ней есть 1 файл," in message
    assert "строка или pathlib.Path" in error_text(images.scan_images, 42)


def test_a_class_without_readable_images_is_named(tmp_path):
    for cls in ("cats", "dogs", "birds"):
        (tmp_path / cls).mkdir()
    Image.new("RGB", (4, 4)).save(tmp_path / "cats" / "c.png")
    (tmp_path / "dogs" / "broken.jpg").write_text("not an image")
    (tmp_path / "birds" / "list.txt").write_text("not an image either")
    message = error_text(images.class_counts, tmp_path)
    assert "birds, dogs" in message and "cats" not in message.split("(внутри")[0]
    assert "Как исправить" in message


# One image as a batch.


def test_load_image_batch_any_size_and_mode(reference_build, tmp_path):
    info, _ = reference_build
    big = tmp_path / "big photo.jpg"
    Image.fromarray(np.full((120, 90, 3), 200, np.uint8)).save(big)
    for path in (
        info["root"] / "test" / "bag" / "bag_0000.png",
        big,
        info["planted"]["grayscale"],
        info["planted"]["rgba"],
    ):
        batch = images.load_image_batch(path, (64, 64))
        assert batch.shape == (1, 64, 64, 3) and batch.dtype == np.float32
        assert 0 <= batch.min() and batch.max() <= 255 and batch.max() > 1
    assert images.load_image_batch(str(big), (20, 30)).shape == (1, 20, 30, 3)
    gray = images.load_image_batch(info["planted"]["grayscale"], (64, 64))[0]
    assert np.array_equal(gray[..., 0], gray[..., 2])


def test_load_image_batch_errors(reference_build, tmp_path):
    info, _ = reference_build
    message = error_text(images.load_image_batch, info["planted"]["not_image"], (64, 64))
    assert "не картинка" in message and "dress_0013.jpg" in message and "0x" not in message
    assert "обрезан" not in message
    assert "повреждённая" in error_text(images.load_image_batch, info["planted"]["truncated"], (64, 64))
    assert "нет" in error_text(images.load_image_batch, tmp_path / "missing.png", (64, 64))
    assert "папка" in error_text(images.load_image_batch, tmp_path, (64, 64))
    for size in (64, (64,), (64.0, 64), (0, 64), (True, 64), "64x64"):
        assert "image_size" in error_text(images.load_image_batch, info["planted"]["rgba"], size)
