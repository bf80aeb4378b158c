"""Property-based fuzzing of the IDX reader and of `data.import_folder` (hypothesis).

Every generated file is a valid IDX file (images or labels, plain or gzip) put
through a random chain of mutations: bytes flipped, inserted or cut, the file
truncated or extended, the magic number or a dimension replaced (huge counts
included), labels pushed out of range, the gzip stream damaged, or a plain file
named `.gz`. An independent reference parser below says whether the result is
still a valid file. The properties:

- the reader accepts exactly the files the reference accepts, with the same array;
- anything else is one `IdxError` whose message names the file, on one line; no other exception;
- a header claiming far more data than the file holds is refused after reading and allocating
  a bounded amount, not what the header claims;
- an import of a folder holding such a file is refused with a `DataError` naming it, and the
  earlier good import stays byte for byte as it was, with nothing left behind.

Case counts: `make test` runs QUICK cases per property and file kind, `make fuzz`
(`--hypothesis-profile=fuzz`, registered in tests/conftest.py) runs THOROUGH.
"""

import gzip
import re
import struct
import tempfile
import tracemalloc
import zlib
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from lora_studio.core.data import datasets as data
from lora_studio.core.data import idx, synthetic
from lora_studio.core.errors import DataError

pytestmark = pytest.mark.fuzz

THOROUGH = settings.default.max_examples >= 1000  # the fuzz profile of `make fuzz`
QUICK_CASES, THOROUGH_CASES = 250, 1000
CASES = THOROUGH_CASES if THOROUGH else QUICK_CASES
FUZZ = settings(max_examples=CASES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

NDIM = {"images": 3, "labels": 1}
READ = {"images": idx.read_images, "labels": idx.read_labels}
NAME = {"images": "train-images-idx3-ubyte", "labels": "train-labels-idx1-ubyte"}

# --- the reference: what a valid file is, written independently of idx.py -------------------------


def reference(raw: bytes, ndim: int) -> np.ndarray | None:
    """The array a valid uncompressed IDX file of `ndim` dimensions holds, or None if it is not valid."""
    head = 4 + 4 * ndim
    if len(raw) < head or raw[:4] != bytes([0, 0, 8, ndim]):
        return None
    dims = struct.unpack(f">{ndim}I", raw[4:head])
    if not 1 <= dims[0] <= idx.MAX_ITEMS or (ndim == 3 and dims[1:] != (28, 28)):
        return None
    if len(raw) != head + int(np.prod(dims)):
        return None
    array = np.frombuffer(raw[head:], dtype=np.uint8).reshape(dims)
    if ndim == 1 and array.max() > 9:
        return None
    return array


def reference_file(blob: bytes, gz_name: bool, ndim: int) -> np.ndarray | None:
    """Same, for the bytes of a file: gzip-compressed when it starts with gzip's magic number."""
    if blob[:2] == b"\x1f\x8b":
        try:
            blob = gzip.decompress(blob)
        except (OSError, EOFError, zlib.error):
            return None
    elif gz_name:
        return None  # named .gz but not gzip
    return reference(blob, ndim)


# --- strategies ----------------------------------------------------------------------------------

INTERESTING_DIMS = [0, 1, 2, 27, 28, 29, 255, 256, 60_000, idx.MAX_ITEMS, idx.MAX_ITEMS + 1,
                    2**31 - 1, 2**31, 2**32 - 1]
INTERESTING_MAGIC = [bytes.fromhex(h) for h in (
    "00000803", "00000801", "00000802", "00000804", "00000903", "00000b01", "00000d03", "01000803",
    "00010801", "08000003", "1f8b0800", "00000000", "ffffffff")]


@st.composite
def valid_idx(draw, kind: str) -> bytes:
    count = draw(st.integers(1, 4 if kind == "images" else 40))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    if kind == "images":
        array = rng.integers(0, 256, size=(count, 28, 28), dtype=np.uint8)
    else:
        array = rng.integers(0, 10, size=count, dtype=np.uint8)
    return synthetic.idx_bytes(array)


def _position(draw, blob: bytes) -> int:
    return draw(st.integers(0, max(len(blob) - 1, 0)))


@st.composite
def mutation(draw, kind: str):
    """One mutation: a function bytes → bytes, with a readable description for failure reports."""
    op = draw(st.sampled_from(["flip", "truncate", "extend", "insert", "cut", "magic", "dim", "label"]))
    if op == "flip":
        flips = draw(st.lists(st.tuples(st.integers(0, 2**20), st.integers(0, 255)), min_size=1, max_size=4))

        def apply(blob):
            b = bytearray(blob)
            for at, value in flips:
                if b:
                    b[at % len(b)] = value
            return bytes(b)
        return f"flip{flips}", apply
    if op == "truncate":
        keep = draw(st.floats(0, 1, exclude_max=True))
        return f"truncate to {keep:.3f}", lambda blob: blob[: int(len(blob) * keep)]
    if op == "extend":
        extra = draw(st.binary(min_size=1, max_size=64))
        return f"extend {extra!r}", lambda blob: blob + extra
    if op in ("insert", "cut"):
        at = draw(st.floats(0, 1))
        size = draw(st.integers(1, 1000))
        extra = draw(st.binary(min_size=1, max_size=32))
        if op == "insert":
            return f"insert {extra!r} at {at:.3f}", lambda blob: blob[: int(len(blob) * at)] + extra + blob[
                int(len(blob) * at):]
        return f"cut {size} at {at:.3f}", lambda blob: blob[: int(len(blob) * at)] + blob[int(len(blob) * at) + size:]
    if op == "magic":
        magic = draw(st.one_of(st.sampled_from(INTERESTING_MAGIC), st.binary(min_size=4, max_size=4)))
        return f"magic {magic.hex()}", lambda blob: magic + blob[4:]
    if op == "dim":
        which = draw(st.integers(0, NDIM[kind] - 1))
        value = draw(st.one_of(st.sampled_from(INTERESTING_DIMS), st.integers(0, 2**32 - 1)))
        at = 4 + 4 * which
        return f"dim {which} = {value}", lambda blob: blob[:at] + struct.pack(">I", value) + blob[at + 4:]
    # label: a byte of the payload set out of range (harmless to images: any byte is a pixel)
    value = draw(st.integers(10, 255))
    where = draw(st.floats(0, 1, exclude_max=True))

    def set_label(blob):
        head = 4 + 4 * NDIM[kind]
        if len(blob) <= head:
            return blob
        at = head + int((len(blob) - head) * where)
        return blob[:at] + bytes([value]) + blob[at + 1:]
    return f"label {value} at {where:.3f}", set_label


@st.composite
def gzip_mutation(draw):
    """A mutation of the compressed bytes themselves."""
    op = draw(st.sampled_from(["flip", "truncate", "extend", "zeros", "header"]))
    if op == "flip":
        at, value = draw(st.integers(0, 2**20)), draw(st.integers(0, 255))

        def apply(blob):
            b = bytearray(blob)
            if b:
                b[at % len(b)] = value
            return bytes(b)
        return f"gz flip {at}={value}", apply
    if op == "truncate":
        keep = draw(st.floats(0, 1, exclude_max=True))
        return f"gz truncate to {keep:.3f}", lambda blob: blob[: int(len(blob) * keep)]
    if op == "extend":
        extra = draw(st.binary(min_size=1, max_size=64))
        return f"gz extend {extra!r}", lambda blob: blob + extra
    if op == "zeros":
        at = draw(st.floats(0, 1, exclude_max=True))
        return f"gz zeros from {at:.3f}", lambda blob: blob[: int(len(blob) * at)] + bytes(len(blob) - int(
            len(blob) * at))
    field_at, value = draw(st.integers(2, 9)), draw(st.integers(0, 255))  # method, flags, mtime, xfl, os
    return f"gz header[{field_at}]={value}", lambda blob: blob[:field_at] + bytes([value]) + blob[field_at + 1:]


@st.composite
def idx_file(draw, kind: str, packing: str):
    """(file bytes, named .gz?, description) of a mutated file of `kind`."""
    blob = draw(valid_idx(kind))
    steps = []
    for name, apply in draw(st.lists(mutation(kind), max_size=3)):
        blob = apply(blob)
        steps.append(name)
    gz_name = packing == "gzip-named-plain" or (packing == "gzip" and draw(st.booleans()))
    if packing == "gzip":
        blob = gzip.compress(blob, mtime=0)
        for name, apply in draw(st.lists(gzip_mutation(), max_size=2)):
            blob = apply(blob)
            steps.append(name)
    elif packing == "gzip-named-plain":
        steps.append("plain data named .gz")
    return blob, gz_name, steps


# --- the reader ----------------------------------------------------------------------------------


def check_reader(kind: str, blob: bytes, gz_name: bool, folder: Path) -> np.ndarray | None:
    path = folder / (NAME[kind] + (".gz" if gz_name else ""))
    path.write_bytes(blob)
    expected = reference_file(blob, gz_name, NDIM[kind])
    try:
        got = READ[kind](path)
    except idx.IdxError as exc:
        message = str(exc)
        assert message.startswith(path.name + ":"), message
        assert "\n" not in message and len(message) < 300, message
        assert expected is None, f"a valid file was refused: {message}"
        reason = re.sub(r"[0-9][0-9,]*", "N", re.sub(r" \(.*", "", message.split(": ", 1)[1]))
        event(f"refused: {reason[:60]}")
        return None
    assert expected is not None, "an invalid file was accepted"
    event("accepted (the mutations left a valid file)")
    assert got.dtype == np.uint8 and np.array_equal(got, expected)
    return got


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz-idx")


@pytest.mark.parametrize("packing", ["plain", "gzip", "gzip-named-plain"])
@pytest.mark.parametrize("kind", ["images", "labels"])
@FUZZ
@given(draw=st.data())
def test_mutated_files_are_read_exactly_when_valid_and_refused_clearly_otherwise(kind, packing, draw, workdir):
    blob, gz_name, steps = draw.draw(idx_file(kind, packing), label="file")
    with tempfile.TemporaryDirectory(dir=workdir) as folder:
        check_reader(kind, blob, gz_name, Path(folder))


@FUZZ
@given(blob=st.binary(max_size=2000), kind=st.sampled_from(["images", "labels"]), gz_name=st.booleans())
def test_random_bytes_are_refused_clearly(blob, kind, gz_name, workdir):
    with tempfile.TemporaryDirectory(dir=workdir) as folder:
        check_reader(kind, blob, gz_name, Path(folder))


# --- headers that claim more than the file holds ------------------------------------------------------

CLAIM_LIMIT = 4 * idx.READ_CHUNK  # what reading a tiny file may cost at most, whatever its header says


def _bytes_read() -> int | None:
    """Bytes this process has read through read(2) so far (Linux), or None."""
    try:
        for line in Path("/proc/self/io").read_text().splitlines():
            if line.startswith("rchar:"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


@settings(max_examples=max(CASES // 5, 50), deadline=None)
@given(count=st.integers(2, idx.MAX_ITEMS), tail=st.integers(0, 5000), gz=st.booleans())
def test_a_header_claiming_much_more_than_the_file_holds_costs_a_bounded_read(count, tail, gz, workdir):
    payload = bytes([0, 0, 8, 3]) + struct.pack(">3I", count, 28, 28) + bytes(min(tail, count * 784 - 1))
    path = workdir / ("claim.gz" if gz else "claim")
    path.write_bytes(gzip.compress(payload, mtime=0) if gz else payload)
    before = _bytes_read()
    tracemalloc.start()
    try:
        with pytest.raises(idx.IdxError, match="truncated"):
            idx.read_images(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < CLAIM_LIMIT, f"{peak:,} bytes allocated for a {len(payload):,}-byte file claiming {count:,} images"
    if before is not None:
        assert _bytes_read() - before < CLAIM_LIMIT


def test_a_million_image_claim_in_a_tiny_file_allocates_almost_nothing(workdir):
    """The example of the issue: 10⁶ × 28 × 28 claimed (784 MB), 100 bytes held."""
    path = workdir / "million"
    path.write_bytes(bytes([0, 0, 8, 3]) + struct.pack(">3I", 1_000_000, 28, 28) + bytes(100))
    tracemalloc.start()
    try:
        with pytest.raises(idx.IdxError, match="promises 1,000,000 items"):
            idx.read_images(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2 * idx.READ_CHUNK  # it was 784 MB: read(n) allocates n bytes before reading any


# --- whole imports ---------------------------------------------------------------------------------

GOOD = {key: synthetic.idx_bytes(array) for key, array in synthetic.make_arrays(30, 12, seed=3).items()}
OTHER = {key: synthetic.idx_bytes(array) for key, array in synthetic.make_arrays(25, 11, seed=4).items()}


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under root/MNIST (hidden ones included), with its bytes."""
    base = root / "MNIST"
    return {str(p.relative_to(base)): p.read_bytes() for p in sorted(base.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A data root with a good import of GOOD, and its exact bytes."""
    root = tmp_path_factory.mktemp("fuzz-import") / "datasets"
    source = tmp_path_factory.mktemp("fuzz-good-source")
    for key, stem in data.FILES.items():
        (source / stem).write_bytes(GOOD[key])
    data.import_folder(source, root, "mnist")
    return root, source, snapshot(root)


@st.composite
def import_folder_case(draw):
    """The four files of a folder: three good ones, one (or a count mismatch) made bad."""
    files = {key: (OTHER[key], False) for key in data.FILES}
    target = draw(st.sampled_from(sorted(data.FILES)))
    split, kind = target
    how = draw(st.sampled_from(["mutated", "mutated-gzip", "not-gzip", "count-mismatch"]))
    if how == "count-mismatch":  # both files valid on their own, but they disagree on the count
        n = len(np.frombuffer(OTHER[split, "labels"][8:], dtype=np.uint8))
        other_n = draw(st.integers(1, 60).filter(lambda k: k != n))
        rng = np.random.default_rng(other_n)
        array = (rng.integers(0, 256, (other_n, 28, 28), dtype=np.uint8) if kind == "images"
                 else rng.integers(0, 10, other_n, dtype=np.uint8))
        files[target] = (synthetic.idx_bytes(array), False)
        return files, target, how
    packing = {"mutated": "plain", "mutated-gzip": "gzip", "not-gzip": "gzip-named-plain"}[how]
    blob = OTHER[target]
    if how != "not-gzip":
        for _name, apply in draw(st.lists(mutation(kind), min_size=1, max_size=3)):
            blob = apply(blob)
    if packing == "gzip":
        blob = gzip.compress(blob, mtime=0)
        for _name, apply in draw(st.lists(gzip_mutation(), max_size=2)):
            blob = apply(blob)
    files[target] = (blob, packing != "plain")
    return files, target, how


@FUZZ
@given(case=import_folder_case())
def test_a_bad_folder_is_refused_naming_the_file_and_the_earlier_import_stays(case, installed, workdir):
    root, good_source, before = installed
    files, (split, kind), how = case
    with tempfile.TemporaryDirectory(dir=workdir) as folder:
        source = Path(folder)
        for key, (blob, gz_name) in files.items():
            (source / (data.FILES[key] + (".gz" if gz_name else ""))).write_bytes(blob)
        try:
            dataset = data.import_folder(source, root, "mnist")
        except DataError as exc:
            message = str(exc)
            assert "\n" not in message
            if how == "count-mismatch":
                assert f"the {split} split has" in message, message
            else:
                assert data.FILES[split, kind] in message, message
            assert snapshot(root) == before, "a refused import changed the installed data"
            assert [p.name for p in (root / "MNIST").iterdir()] == ["raw"], "something was left behind"
            return
        # the mutation left a valid file: it must really be valid, installed as it was read
        assert how != "count-mismatch"
        blob, gz_name = files[split, kind]
        expected = reference_file(blob, gz_name, NDIM[kind])
        assert expected is not None, f"{how}: an invalid file was imported"
        got = dataset.train if split == "train" else dataset.test
        assert np.array_equal((got.images if kind == "images" else got.labels).numpy(), expected)
        data.import_folder(good_source, root, "mnist")  # put the good import back for the next case
        assert snapshot(root) == before

