"""Target tasks: each transforms the train and test splits alike; own-image folders are read, checked and
brought to MNIST's form without writing anything."""

import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image, ImageDraw

from lora_studio.core.config import ConfigError
from lora_studio.core.data import datasets, own_images, synthetic
from lora_studio.core.data.datasets import Dataset, Split
from lora_studio.core.data.preprocess import mnist_preprocess
from lora_studio.core.data.task_names import TASKS, parse_task, task_infos, task_names
from lora_studio.core.data.tasks import make_task
from lora_studio.core.errors import DataError

DERIVED = ("same", "inverted", "rotate90", "noisy", "swap-labels")


def _source(images, labels, test_images=None, test_labels=None) -> Dataset:
    """A source data set (MNIST's info) from arrays; the test split repeats the training split unless given."""
    train = Split(torch.as_tensor(np.asarray(images, dtype=np.uint8)), torch.as_tensor(np.asarray(labels)).long())
    if test_images is None:
        test = Split(train.images.clone(), train.labels.clone())
    else:
        test = Split(torch.as_tensor(np.asarray(test_images, dtype=np.uint8)), torch.as_tensor(test_labels).long())
    return Dataset(datasets.dataset_info("mnist"), train, test)


def _equal(a: Split, b: Split) -> bool:
    return torch.equal(a.images, b.images) and torch.equal(a.labels, b.labels)


# --- names ------------------------------------------------------------------------------------------------


def test_task_names_are_the_products_in_order_folder_last():
    assert task_names() == ["same", "inverted", "rotate90", "noisy", "swap-labels", "fashion-mnist", "kmnist",
                            "folder:PATH"]
    for info in task_infos():
        assert info.title and info.description and "\n" not in info.title + info.description


def test_task_names_load_without_torch_numpy_or_pillow():
    code = ("import sys, lora_studio.core.data.task_names as t; t.parse_task('inverted'); "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'torch', 'numpy', 'PIL'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize(("text", "expected"), [
    ("Inverted", "unknown task 'Inverted'; did you mean inverted?"),
    ("swap", "unknown task 'swap'; did you mean swap-labels?"),
    ("fold:~/x", "did you mean folder:PATH?"),
    ("rotate-90\nx", "unknown task 'rotate-90\\nx'"),
    ("", "no task given"),
    ("   ", "no task given"),
    ("folder:", "folder:PATH: give the folder after the colon"),
    ("folder:  ", "folder:PATH: give the folder after the colon"),
])
def test_parse_task_refuses_anything_else_with_one_line(text, expected):
    with pytest.raises(DataError) as caught:
        parse_task(text)
    message = str(caught.value)
    assert expected in message and "\n" not in message
    if not text.startswith("folder:"):
        assert message.endswith("choose one of " + ", ".join(task_names())
                                + ", or join two or more of rotate90, noisy, inverted, swap-labels with +")


def test_parse_task_accepts_the_names_and_folders(tmp_path, monkeypatch):
    for name in TASKS:
        spec = parse_task(f" {name} ")
        assert (spec.name, spec.info.name, spec.folder) == (name, name, None)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    assert parse_task("folder:~/digits").folder == tmp_path / "digits"
    assert parse_task("folder: ~/digits ").name == f"folder:{tmp_path / 'digits'}"
    spec = parse_task("folder:my digits")  # relative to where the command runs; recorded absolute
    assert spec.name == f"folder:{tmp_path / 'my digits'}" and spec.info.name == "folder:PATH"


# --- tasks derived from the source ------------------------------------------------------------------------


@pytest.mark.parametrize("name", DERIVED)
def test_train_and_test_splits_are_transformed_the_same_way(name):
    """With the test split a copy of the training split, the target's two splits must match again (noise
    excepted: it is drawn independently for each split, so only its labels match)."""
    rng = np.random.default_rng(1)
    source = _source(rng.integers(0, 256, (40, 28, 28)), rng.integers(0, 10, 40))
    target = make_task(name, source, None)
    assert target.train.images.shape == (40, 28, 28) and target.train.images.dtype == torch.uint8
    assert target.train.labels.dtype == torch.int64
    assert torch.equal(target.train.labels, target.test.labels)
    if name == "noisy":
        assert not torch.equal(target.train.images, target.test.images)
    else:
        assert torch.equal(target.train.images, target.test.images)
    assert target.info.name == "mnist" and target.classes == source.classes
    assert (target.info.title == "MNIST") == (name == "same")


def test_same_is_the_source(tiny_dataset):
    target = make_task("same", tiny_dataset, None)
    assert _equal(target.train, tiny_dataset.train) and _equal(target.test, tiny_dataset.test)


def test_inverted_twice_is_the_identity(tiny_dataset):
    once = make_task("inverted", tiny_dataset, None)
    for target, source in ((once.train, tiny_dataset.train), (once.test, tiny_dataset.test)):
        assert ((target.images.int() + source.images.int()) == 255).all()
        assert torch.equal(target.labels, source.labels)
    twice = make_task("inverted", once, None)
    assert _equal(twice.train, tiny_dataset.train) and _equal(twice.test, tiny_dataset.test)


def test_rotate90_turns_anticlockwise_and_four_times_is_the_identity(tiny_dataset):
    corner = np.zeros((1, 28, 28), dtype=np.uint8)
    corner[0, 0, 27] = 255  # top right
    turned = make_task("rotate90", _source(corner, [3]), None).train.images[0]
    assert turned[0, 0] == 255 and int(turned.sum()) == 255  # → top left
    assert turned.is_contiguous()
    target = tiny_dataset
    for turns in range(1, 5):
        target = make_task("rotate90", target, None)
        assert torch.equal(target.train.labels, tiny_dataset.train.labels)
        assert torch.equal(target.train.images, tiny_dataset.train.images) == (turns == 4)
    assert _equal(target.train, tiny_dataset.train) and _equal(target.test, tiny_dataset.test)


def test_swap_labels_swaps_pairs_and_twice_is_the_identity(tiny_dataset):
    source = _source(np.zeros((10, 28, 28)), np.arange(10))
    assert make_task("swap-labels", source, None).train.labels.tolist() == [1, 0, 3, 2, 5, 4, 7, 6, 9, 8]
    once = make_task("swap-labels", tiny_dataset, None)
    assert torch.equal(once.train.images, tiny_dataset.train.images)
    assert (once.test.labels != tiny_dataset.test.labels).all()
    twice = make_task("swap-labels", once, None)
    assert _equal(twice.train, tiny_dataset.train) and _equal(twice.test, tiny_dataset.test)


def test_noisy_is_deterministic_and_has_the_stated_level():
    grey = np.full((2500, 28, 28), 128, dtype=np.uint8)  # more than two noise blocks
    source = _source(grey, np.arange(2500) % 10, grey[:300], np.arange(300) % 10)
    first, again = make_task("noisy", source, None), make_task("noisy", source, None)
    assert _equal(first.train, again.train) and _equal(first.test, again.test)
    assert torch.equal(first.train.labels, source.train.labels)
    pixels = first.train.images.double()
    assert abs(pixels.mean().item() - 128) < 1
    # σ = 0.5 of the range is 127.5 grey levels: 128 falls to 0 below −1.004 σ, P ≈ 0.158
    assert abs((first.train.images == 0).double().mean().item() - 0.158) < 0.005
    assert not torch.equal(first.test.images, first.train.images[:300])
    few = make_task("noisy", source, None, limit=1500)  # the first images get the same noise, limited or not
    assert torch.equal(few.train.images, first.train.images[:1500])


def test_noisy_differs_from_the_source(tiny_dataset):
    target = make_task("noisy", tiny_dataset, None)
    for noisy, clean in ((target.train, tiny_dataset.train), (target.test, tiny_dataset.test)):
        assert noisy.images.dtype == torch.uint8 and noisy.images.shape == clean.images.shape
        # black pixels stay black where the noise is negative, about half of them; the rest all change
        changed = (noisy.images != clean.images).double().mean().item()
        assert changed > 0.6


def test_limit_keeps_the_first_training_images_and_the_whole_test_split(tiny_dataset):
    for name in DERIVED:
        target = make_task(name, tiny_dataset, None, limit=25)
        full = make_task(name, tiny_dataset, None)
        assert _equal(target.train, Split(full.train.images[:25], full.train.labels[:25]))
        assert _equal(target.test, full.test)
    assert len(make_task("inverted", tiny_dataset, None, limit=10_000).train) == len(tiny_dataset.train)
    for bad in (0, 5, 2.5, True):
        with pytest.raises(ConfigError, match="limit"):
            make_task("inverted", tiny_dataset, None, limit=bad)


# --- the other installed data sets ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def three_sets(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("three-sets")
    synthetic.write_folder(datasets.raw_folder(root, "mnist"), n_train=60, n_test=20, seed=0)
    synthetic.write_folder(datasets.raw_folder(root, "fashion-mnist"), n_train=50, n_test=30, seed=1)
    synthetic.write_folder(datasets.raw_folder(root, "kmnist"), n_train=40, n_test=25, seed=2, gz=True)
    return root


@pytest.mark.parametrize("name", ["fashion-mnist", "kmnist"])
def test_another_data_set_is_the_target(three_sets, name):
    mnist = datasets.load_dataset(three_sets, "mnist")
    expected = datasets.load_dataset(three_sets, name)
    target = make_task(name, mnist, three_sets)
    assert target.info == datasets.dataset_info(name)
    assert _equal(target.train, expected.train) and _equal(target.test, expected.test)
    few = make_task(name, mnist, three_sets, limit=12)
    assert len(few.train) == 12 and _equal(few.test, expected.test)
    itself = make_task(name, expected, None)  # a base trained on it: nothing to read, no root needed
    assert itself.train is expected.train and itself.test is expected.test


@pytest.mark.parametrize("name", ["fashion-mnist", "kmnist"])
def test_a_missing_data_set_says_how_to_get_it(tiny_root, tiny_dataset, name):
    for root in (tiny_root, None):
        with pytest.raises(DataError) as caught:
            make_task(name, tiny_dataset, root)
        message = str(caught.value)
        assert f"`lora-studio data download {name}`" in message and "Dataset tab" in message
        assert "not installed" in message and "\n" not in message


# --- own images: a folder of class subfolders -------------------------------------------------------------

# seven-segment digits: each segment from one corner of the unit box to another
SEGMENTS = {"a": ((0, 0), (1, 0)), "b": ((1, 0), (1, .5)), "c": ((1, .5), (1, 1)), "d": ((0, 1), (1, 1)),
            "e": ((0, .5), (0, 1)), "f": ((0, 0), (0, .5)), "g": ((0, .5), (1, .5))}
DIGITS = ("abcdef", "bc", "abdeg", "abcdg", "bcfg", "acdfg", "acdefg", "abc", "abcdefg", "abcdfg")


def _glyph(label: int, size=(60, 80), box=(10, 10, 45, 70), ink=0, paper=255, mode="L") -> Image.Image:
    image = Image.new(mode, size, paper)
    draw = ImageDraw.Draw(image)
    x0, y0, x1, y1 = box
    for segment in DIGITS[label]:
        (ax, ay), (bx, by) = SEGMENTS[segment]
        draw.line([(x0 + ax * (x1 - x0), y0 + ay * (y1 - y0)), (x0 + bx * (x1 - x0), y0 + by * (y1 - y0))],
                  fill=ink, width=max(2, (y1 - y0) // 7))
    return image


def _variant(label: int, k: int, rng: np.random.Generator) -> tuple[str, Image.Image]:
    """Image k of a class: a suffix and a picture, cycling through formats, modes, sizes and polarities."""
    kind = (label * 4 + k) % 9
    width, height = [(60, 80), (200, 150), (28, 28), (100, 100), (40, 40), (300, 220), (90, 60), (50, 35),
                     (64, 64)][kind]
    side = int(min(width, height) * rng.uniform(0.5, 0.8))
    left, top = int(rng.integers(1, width - side * 0.7)), int(rng.integers(1, height - side))
    box = (left, top, left + int(side * 0.6), top + side - 1)
    if kind == 0:
        return ".png", _glyph(label, (width, height), box)  # dark ink on white paper
    if kind == 1:
        return ".jpg", _glyph(label, (width, height), box, (20, 30, 160), (250, 240, 200), "RGB")  # blue on cream
    if kind == 2:
        return ".bmp", _glyph(label, (width, height), box, 255, 0)  # MNIST's way: white on black
    if kind == 3:
        return ".png", _glyph(label, (width, height), box, (10, 10, 10, 255), (0, 0, 0, 0), "RGBA")  # transparent
    if kind == 4:
        # 16-bit grey, dark on light: converting to 8 bits by clipping (as Pillow does) would leave it blank
        ink = np.asarray(_glyph(label, (width, height), box, 1, 0), dtype=np.uint16)
        return ".png", Image.fromarray((60_000 - ink * 52_000).astype(np.uint16))
    if kind == 5:
        return ".JPEG", _glyph(label, (width, height), box, 60, 190)  # grey pencil on grey paper
    if kind == 6:
        return ".bmp", _glyph(label, (width, height), box, (250, 200, 0), (0, 0, 80), "RGB")  # yellow on navy
    if kind == 7:
        return ".png", _glyph(label, (width, height), box, 0, 255).convert("P")  # a palette image
    return ".png", _glyph(label, (width, height), box, 0, 255).convert("1", dither=Image.Dither.NONE)  # 1-bit


def _write_folder(folder: Path, per_class: int = 4, labels=range(10)) -> Path:
    rng = np.random.default_rng(7)
    for label in labels:
        (folder / str(label)).mkdir(parents=True)
        for k in range(per_class):
            suffix, image = _variant(label, k, rng)
            image.save(folder / str(label) / f"img{k}{suffix}")
    return folder


def _blurred(image: np.ndarray) -> np.ndarray:
    """A 28×28 image blurred (three 3×3 box passes), centred and of unit length: for comparing shapes whose
    thin strokes may sit a pixel apart."""
    image = np.asarray(image, dtype=np.float64)
    for _ in range(3):
        padded = np.pad(image, 1)
        image = sum(padded[i : i + 28, j : j + 28] for i in range(3) for j in range(3)) / 9
    vector = image.ravel() - image.mean()
    return vector / np.linalg.norm(vector)


def _reference(label: int) -> np.ndarray:
    """A large, clean, white-on-black glyph through the draw canvas's preprocessing, blurred."""
    ink = np.asarray(_glyph(label, (120, 160), (20, 20, 90, 140), 255, 0), dtype=np.float32) / 255
    return _blurred(mnist_preprocess(ink))


def _tree(root: Path) -> list:
    """Every entry under root with its kind, size and modification time: to prove nothing was written."""
    return sorted((str(p.relative_to(root)), p.is_symlink(), p.is_dir(), p.lstat().st_size, p.lstat().st_mtime_ns)
                  for p in root.rglob("*"))


def test_a_folder_of_own_images_becomes_centred_white_on_black_digits(tmp_path, tiny_dataset):
    folder = _write_folder(tmp_path / "my digits")
    before = _tree(tmp_path)
    target = make_task(f"folder:{folder}", tiny_dataset, None)
    assert _tree(tmp_path) == before
    assert target.info.name == "mnist" and target.info.title == "Your images in my digits"
    assert len(target.train) == 30 and len(target.test) == 10  # a fifth of each class's four, at least one
    assert target.test.labels.tolist() == list(range(10))
    assert target.train.labels.tolist() == list(range(10)) * 3  # classes interleaved for --limit
    references = np.stack([_reference(label) for label in range(10)])  # (10, 784)
    for split in (target.train, target.test):
        assert split.images.dtype == torch.uint8 and split.images.shape[1:] == (28, 28)
        for image, label in zip(split.images.numpy(), split.labels.tolist(), strict=True):
            assert image.max() >= 200 and image[[0, -1]].max() == 0 and image[:, [0, -1]].max() == 0
            ys, xs = np.nonzero(image)
            assert max(ys.max() - ys.min(), xs.max() - xs.min()) + 1 == 20  # the 20-pixel box
            mass = image.astype(np.float64)
            for axis in range(2):
                assert abs((np.indices((28, 28))[axis] * mass).sum() / mass.sum() - 13.5) <= 1.0
            assert int(np.argmax(references @ _blurred(image))) == label  # its own digit, under its label
    again = make_task(f"folder:{folder}", tiny_dataset, None)
    assert _equal(again.train, target.train) and _equal(again.test, target.test)
    few = make_task(f"folder:{folder}", tiny_dataset, None, limit=10)
    assert few.train.labels.tolist() == list(range(10)) and _equal(few.test, target.test)


def test_dark_ink_on_paper_is_inverted_by_its_border(tmp_path):
    folder = tmp_path / "d" / "2"
    folder.mkdir(parents=True)
    _glyph(2, ink=0, paper=255).save(folder / "paper.png")
    _glyph(2, ink=255, paper=0).save(folder / "screen.png")
    noisy_photo = np.asarray(_glyph(2, ink=70, paper=185), dtype=np.float64)
    noisy_photo += np.random.default_rng(0).normal(0, 6, noisy_photo.shape)
    Image.fromarray(np.clip(noisy_photo, 0, 255).astype(np.uint8)).save(folder / "photo.png")
    paper, screen, photo = (own_images.read_image(folder / f"{n}.png") for n in ("paper", "screen", "photo"))
    assert np.array_equal(paper, screen)
    assert paper[0, 0] == 0 and paper.max() == 255
    assert np.abs(photo.astype(int) - paper.astype(int)).mean() < 8


def test_a_jpeg_is_turned_upright_by_its_exif_orientation(tmp_path):
    upright = _glyph(7, (80, 80), (20, 10, 55, 70)).convert("RGB")
    upright.save(tmp_path / "upright.jpg", quality=95)
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to display": the camera was held on its side
    upright.transpose(Image.Transpose.ROTATE_90).save(tmp_path / "sideways.jpg", quality=95, exif=exif)
    upright_image = own_images.read_image(tmp_path / "upright.jpg").astype(int)
    sideways = own_images.read_image(tmp_path / "sideways.jpg").astype(int)
    assert np.abs(sideways - upright_image).mean() < 3
    assert np.abs(np.rot90(sideways) - upright_image).mean() > 20  # the test would see a missed rotation


def _png_header(width: int, height: int) -> bytes:
    """A PNG whose header claims width×height grey pixels, with no pixel data worth the name."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


def _small(folder: Path, label: int, name: str = "x.png", size=(30, 30)) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    _glyph(label, size, (5, 3, 20, 26)).save(folder / name)
    return folder / name


def _truncated(folder: Path) -> Path:
    path = _small(folder / "6", 6, "cut.png", (200, 200))
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    return path


def _gif(folder: Path) -> Path:
    path = folder / "6" / "really-a-gif.png"
    _glyph(6, (30, 30), (5, 3, 20, 26)).save(path, format="GIF")
    return path


def _fifo(folder: Path) -> Path:
    os.mkfifo(folder / "7" / "pipe.png")  # reading it would wait for a writer for ever
    return folder / "7" / "pipe.png"


def _broken_link(folder: Path) -> Path:
    (folder / "7" / "gone.png").symlink_to(folder / "nowhere.png")
    return folder / "7" / "gone.png"


# (case, how to spoil a good folder of classes 0–9 with two images each → the path the message names,
#  the rest of the message after "PATH: ")
BAD_FOLDERS = [
    ("missing", lambda f: f / "nowhere", "no such folder"),
    ("a file", lambda f: _small(f / "3", 3), "is a file, not a folder holding one subfolder per class (0–9)"),
    ("no class folders", None,
     "holds no class folders; put each class's images in a subfolder named by its label, 0–9"),
    ("a word", lambda f: _small(f / "seven", 7).parent,
     "class folders are named by their label, 0–9, and 'seven' is not one"),
    ("ten", lambda f: _small(f / "10", 1).parent, "class folders are named by their label, 0–9, and '10' is not one"),
    ("leading zero", lambda f: _small(f / "03", 3).parent,
     "class folders are named by their label, 0–9, and '03' is not one"),
    ("empty class", lambda f: _emptied(f / "3"), "class 3 holds no images (PNG, JPEG or BMP)"),
    ("one image", lambda f: _emptied(f / "4", keep=1),
     "class 4 has only 1 image; each class needs at least 2, one to train on and one to test"),
    ("not an image", lambda f: _text(f / "5" / "notes.txt"), "not a PNG, JPEG or BMP image (by its name)"),
    ("a folder in a class", lambda f: _made(f / "5" / "more"), "a class folder holds images only, not folders"),
    ("garbage", lambda f: _text(f / "6" / "bad.png"), "not a PNG, JPEG or BMP image, or a corrupt one"),
    ("empty file", lambda f: _text(f / "6" / "empty.jpg", ""), "not a PNG, JPEG or BMP image, or a corrupt one"),
    ("a GIF", _gif, "not a PNG, JPEG or BMP image, or a corrupt one"),
    ("truncated", _truncated, "corrupt or truncated image ("),
    ("too small", lambda f: _small(f / "8", 8, "tiny.png", (7, 30)), "7×30 pixels is too small; at least 8 a side"),
    ("too wide", lambda f: _small(f / "8", 8, "wide.png", (4097, 8)),
     "4097×8 pixels is too large; at most 4,096 a side"),
    ("a bomb Pillow warns of", lambda f: _bytes(f / "9" / "bomb.png", _png_header(10_000, 10_000)),
     "too large: refused unread (at most 4,096 pixels a side)"),
    ("a bomb Pillow refuses", lambda f: _bytes(f / "9" / "bomb.png", _png_header(30_000, 30_000)),
     "too large: refused unread (at most 4,096 pixels a side)"),
    ("a huge header", lambda f: _bytes(f / "9" / "huge.png", _png_header(5000, 8)),
     "5000×8 pixels is too large; at most 4,096 a side"),
    ("blank", lambda f: _blank(f / "2" / "blank.bmp"), "shows no digit: every pixel is about the same shade"),
    ("a pipe", _fifo, "not a regular file (a broken link, a pipe or a device)"),
    ("a broken link", _broken_link, "not a regular file (a broken link, a pipe or a device)"),
]


def _emptied(folder: Path, keep: int = 0) -> Path:
    for path in sorted(folder.iterdir())[keep:]:
        path.unlink()
    (folder / ".DS_Store").write_bytes(b"\0")  # hidden files are not images: skipped, not counted
    return folder


def _text(path: Path, text: str = "hello") -> Path:
    path.write_text(text)
    return path


def _bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _made(path: Path) -> Path:
    path.mkdir()
    return path


def _blank(path: Path) -> Path:
    Image.new("RGB", (40, 40), (120, 130, 140)).save(path)
    return path


@pytest.mark.parametrize(("case", "spoil", "problem"), BAD_FOLDERS, ids=[case for case, _, _ in BAD_FOLDERS])
def test_a_bad_folder_gives_one_clear_line_and_writes_nothing(tmp_path, tiny_dataset, case, spoil, problem):
    folder = tmp_path / "digits"
    for label in range(10):
        _small(folder / str(label), label, "a.png")
        _small(folder / str(label), label, "b.bmp")
    (folder / "README.txt").write_text("my digits")  # plain files beside the class folders are allowed
    (folder / ".git").mkdir()  # and hidden entries skipped
    task = folder
    if case == "no class folders":
        for label in range(10):
            for path in (folder / str(label)).iterdir():
                path.rename(folder / f"{label}-{path.name}")  # images, but not in class folders
            (folder / str(label)).rmdir()
        named = folder
    elif case == "a file":
        task = named = spoil(folder)
    else:
        named = spoil(folder)
        task = named if case == "missing" else folder
    before = _tree(tmp_path)
    with pytest.raises(DataError) as caught:
        make_task(f"folder:{task}", tiny_dataset, None)
    assert str(caught.value).startswith(f"{named}: {problem}")
    assert "\n" not in str(caught.value)
    assert _tree(tmp_path) == before


def test_too_many_images_are_refused_before_any_is_read(tmp_path, tiny_dataset, monkeypatch):
    folder = _write_folder(tmp_path / "d", per_class=2)
    monkeypatch.setattr(own_images, "MAX_IMAGES", 19)
    monkeypatch.setattr(own_images, "read_image", lambda path: pytest.fail("an image was read"))
    with pytest.raises(DataError, match=r"d: holds 20 images, more than the 19 accepted$"):
        make_task(f"folder:{folder}", tiny_dataset, None)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a POSIX user that permissions bind")
def test_an_unreadable_image_or_class_folder_is_named(tmp_path, tiny_dataset):
    folder = _write_folder(tmp_path / "d", per_class=2)
    image = folder / "3" / "img0.png"
    image.chmod(0)
    try:
        with pytest.raises(DataError, match=f"^{image}: permission denied$"):
            make_task(f"folder:{folder}", tiny_dataset, None)
    finally:
        image.chmod(0o644)
    (folder / "4").chmod(0)
    try:
        with pytest.raises(DataError, match=f"^{folder / '4'}: cannot be read \\(Permission denied\\)$"):
            make_task(f"folder:{folder}", tiny_dataset, None)
    finally:
        (folder / "4").chmod(0o755)


def test_refused_access_is_reported_as_such(tmp_path, tiny_dataset, monkeypatch):
    """The same as above where permissions do not bind (root): the operating system's refusal is simulated."""
    folder = _write_folder(tmp_path / "d", per_class=2)
    locked_image, locked_folder = folder / "3" / "img0.png", folder / "4"
    real_open, real_listdir = Image.open, os.listdir

    def open_image(path, *args, **kwargs):
        if Path(path) == locked_image:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    def listdir(path):
        if Path(path) == locked_folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real_listdir(path)

    monkeypatch.setattr(Image, "open", open_image)
    with pytest.raises(DataError, match=f"^{locked_image}: permission denied$"):
        make_task(f"folder:{folder}", tiny_dataset, None)
    monkeypatch.setattr(os, "listdir", listdir)
    with pytest.raises(DataError, match=f"^{locked_folder}: cannot be read \\(Permission denied\\)$"):
        make_task(f"folder:{folder}", tiny_dataset, None)


def test_a_damaged_image_either_reads_or_gives_a_data_error_naming_it(tmp_path):
    """Cut and overwritten bytes of a PNG, a JPEG and a BMP: Pillow's own exceptions never escape."""
    rng = np.random.default_rng(3)
    outcomes = set()
    for suffix in (".png", ".jpg", ".bmp"):
        _glyph(5, (40, 40), (8, 5, 30, 35)).save(tmp_path / f"good{suffix}")
        good = (tmp_path / f"good{suffix}").read_bytes()
        for trial in range(60):
            data = bytearray(good)
            if trial % 3 == 0:
                data = data[: int(rng.integers(0, len(data)))]
            else:
                for at in rng.integers(0, len(data), size=int(rng.integers(1, 9))):
                    data[at] = int(rng.integers(0, 256))
            path = tmp_path / f"damaged{suffix}"
            path.write_bytes(bytes(data))
            try:
                image = own_images.read_image(path)
            except DataError as exc:
                assert str(exc).startswith(f"{path}: ") and "\n" not in str(exc)
                outcomes.add("refused")
            else:
                assert image.dtype == np.uint8 and image.shape == (28, 28)
                outcomes.add("read")
    assert outcomes == {"refused", "read"}
