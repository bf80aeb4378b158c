"""IDX files are validated before use; a bad import is refused and leaves the earlier one untouched."""

import gzip
import struct

import numpy as np
import pytest

from lora_studio.core.data import datasets as data
from lora_studio.core.data import idx, synthetic
from lora_studio.core.errors import DataError


def header(ndim, dims, magic_type=0x08):
    return bytes([0, 0, magic_type, ndim]) + struct.pack(f">{len(dims)}I", *dims)


def write(path, payload):
    path.write_bytes(payload)
    return path


def test_reads_plain_and_gzipped_files_alike(tmp_path):
    arrays = synthetic.make_arrays(50, 20)
    plain = write(tmp_path / "a", synthetic.idx_bytes(arrays["train", "images"]))
    packed = write(tmp_path / "b.gz", gzip.compress(synthetic.idx_bytes(arrays["train", "images"])))
    assert np.array_equal(idx.read_images(plain), arrays["train", "images"])
    assert np.array_equal(idx.read_images(packed), arrays["train", "images"])
    labels = write(tmp_path / "l", synthetic.idx_bytes(arrays["train", "labels"]))
    assert np.array_equal(idx.read_labels(labels), arrays["train", "labels"])


@pytest.mark.parametrize(
    "payload, reader, message",
    [
        (b"", idx.read_images, "too short"),
        (header(3, (1, 28, 28), magic_type=0x0D) + bytes(784), idx.read_images, "magic number"),
        (b"\x01\x02" + header(3, (1, 28, 28))[2:] + bytes(784), idx.read_images, "magic number"),
        (header(1, (5,)) + bytes(5), idx.read_images, "expected images"),
        (header(3, (2, 28, 28)) + bytes(784), idx.read_images, "truncated"),
        (header(3, (1, 28, 28)) + bytes(800), idx.read_images, "unexpected bytes"),
        (header(3, (4_000_000_000, 28, 28)), idx.read_images, "more than"),
        (header(3, (10, 32, 32)) + bytes(10240), idx.read_images, "32×32"),
        (header(3, (0, 28, 28)), idx.read_images, "no items"),
        (header(1, (3,)) + bytes([1, 2, 11]), idx.read_labels, "label 11 at position 2"),
        (header(3, (1, 28, 28))[:10], idx.read_images, "header is truncated"),
    ],
)
def test_broken_files_are_rejected_with_the_file_named(tmp_path, payload, reader, message):
    path = write(tmp_path / "train-images-idx3-ubyte", payload)
    with pytest.raises(idx.IdxError) as error:
        reader(path)
    assert message in str(error.value)
    assert str(error.value).startswith("train-images-idx3-ubyte")


def test_gzip_that_is_not_gzip_and_corrupt_gzip_are_rejected(tmp_path):
    with pytest.raises(idx.IdxError, match="not gzip"):
        idx.read_images(write(tmp_path / "x.gz", header(3, (1, 28, 28)) + bytes(784)))
    good = gzip.compress(header(3, (1, 28, 28)) + bytes(784))
    with pytest.raises(idx.IdxError, match="gzip"):
        idx.read_images(write(tmp_path / "y.gz", good[:-12]))  # cut inside the stream
    with pytest.raises(idx.IdxError, match="gzip"):
        idx.read_images(write(tmp_path / "z.gz", good[:20] + bytes(len(good) - 20)))


def test_a_huge_header_is_refused_before_anything_is_allocated(tmp_path):
    path = write(tmp_path / "big", header(3, (999_999, 28, 28)) + bytes(100))
    with pytest.raises(idx.IdxError, match="truncated"):
        idx.read_images(path)  # claims 784 MB, holds 100 bytes: refused without reading 784 MB


def test_import_installs_a_valid_folder_and_loads_it(tmp_path):
    source = synthetic.write_folder(tmp_path / "src", 80, 30, gz=True)
    dataset = data.import_folder(source, tmp_path / "root", "mnist")
    assert len(dataset.train) == 80 and len(dataset.test) == 30
    assert data.is_available(tmp_path / "root", "mnist")
    again = data.load_dataset(tmp_path / "root", "mnist")
    assert np.array_equal(again.train.images.numpy(), dataset.train.images.numpy())
    assert again.train.labels.dtype.is_floating_point is False


def test_import_finds_files_in_a_torchvision_layout(tmp_path):
    synthetic.write_folder(tmp_path / "src" / "FashionMNIST" / "raw", 40, 20)
    dataset = data.import_folder(tmp_path / "src", tmp_path / "root", "fashion-mnist")
    assert len(dataset.train) == 40
    assert (tmp_path / "root" / "FashionMNIST" / "raw").is_dir()


def test_a_bad_import_leaves_the_earlier_good_one_untouched(tmp_path):
    root = tmp_path / "root"
    data.import_folder(synthetic.write_folder(tmp_path / "good", 60, 20, seed=1), root, "mnist")
    before = {p.name: p.read_bytes() for p in data.raw_folder(root, "mnist").iterdir()}

    bad = synthetic.write_folder(tmp_path / "bad", 70, 20, seed=2)
    labels = bad / "t10k-labels-idx1-ubyte"
    labels.write_bytes(labels.read_bytes()[:-5])  # truncated
    with pytest.raises(DataError, match="t10k-labels-idx1-ubyte: truncated"):
        data.import_folder(bad, root, "mnist")

    after = {p.name: p.read_bytes() for p in data.raw_folder(root, "mnist").iterdir()}
    assert after == before
    assert not [p for p in (root / "MNIST").iterdir() if p.name.startswith(".")], "no staging folder left"


def test_count_mismatch_and_missing_files_are_explained(tmp_path):
    folder = synthetic.write_folder(tmp_path / "src", 60, 20)
    (folder / "train-labels-idx1-ubyte").write_bytes(synthetic.idx_bytes(np.zeros(59, dtype=np.uint8)))
    with pytest.raises(DataError, match="60 images but 59 labels"):
        data.import_folder(folder, tmp_path / "root", "mnist")
    (folder / "t10k-images-idx3-ubyte").unlink()
    with pytest.raises(DataError, match="t10k-images-idx3-ubyte .* is missing"):
        data.read_folder(folder)
    with pytest.raises(DataError, match="holds none of the four"):
        data.import_folder(tmp_path, tmp_path / "root", "mnist")


def test_import_errors_carry_their_template_and_values(tmp_path):
    """The window translates the template and fills in the values (core/errors.py); str() is the English."""
    folder = synthetic.write_folder(tmp_path / "src", 60, 20)
    (folder / "t10k-images-idx3-ubyte").unlink()
    with pytest.raises(DataError) as missing:
        data.read_folder(folder)
    assert missing.value.template == "{0}: {1} (or {1}.gz) is missing"
    assert missing.value.values == (folder, "t10k-images-idx3-ubyte")
    assert str(missing.value) == f"{folder}: t10k-images-idx3-ubyte (or t10k-images-idx3-ubyte.gz) is missing"
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(DataError) as none:
        data.import_folder(empty, tmp_path / "root", "mnist")
    assert none.value.values == (empty, ", ".join(data.FILES.values()))
    assert str(none.value).startswith(f"{empty} holds none of the four IDX files")
    with pytest.raises(DataError) as not_folder:
        data.locate_import_source(tmp_path / "nowhere", "mnist")
    assert not_folder.value.values == (tmp_path / "nowhere",)
    with pytest.raises(DataError) as not_here:
        data.load_dataset(tmp_path / "root", "kmnist")
    assert not_here.value.values == ("KMNIST", data.raw_folder(tmp_path / "root", "kmnist"))


def test_interrupted_swap_is_recovered(tmp_path):
    root = tmp_path / "root"
    data.import_folder(synthetic.write_folder(tmp_path / "good", 60, 20), root, "mnist")
    raw = data.raw_folder(root, "mnist")
    raw.rename(raw.with_name("raw.old"))  # as if the process died between the two renames
    data.recover_interrupted_import(root, "mnist")
    assert data.is_available(root, "mnist")


def test_subsets_are_the_first_n_images(tiny_dataset):
    subset = tiny_dataset.train.first(100)
    assert len(subset) == 100
    assert np.array_equal(subset.labels.numpy(), tiny_dataset.train.labels[:100].numpy())
    assert tiny_dataset.train.first(None) is tiny_dataset.train
