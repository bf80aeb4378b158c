"""Property-based fuzzing of saved models: the library against broken, tampered and hostile files (hypothesis).

A pristine base model and a pristine LoRA model (with the brightness feature)
are saved once; every case copies one of them into a fresh library and breaks
one of its files:
- model.safetensors / adapter_model.safetensors: bytes flipped, cut, inserted or
  appended; the header's length, JSON, dtypes, shapes and offsets tampered with;
  or a well-formed file holding tensors of the wrong shape or dtype, missing or
  extra keys, NaN and infinities;
- config.json: any value at any place replaced by any JSON value (wrong types,
  huge numbers, NaN), keys dropped or added, a future format_version, raw bytes
  damaged, nesting 100,000 deep, a 5,000-digit number;
- metrics.json: any JSON, or bytes that are not JSON;
- a file missing.
The properties: `load` either gives a model whose weights and outputs are
finite, or raises one `StorageError` naming the model on one line (no other
exception); `record` agrees; `list()` still works and marks the entry broken
exactly when its record cannot be read. Throughout, pickle and torch.load are
replaced by functions that fail the test: nothing is ever unpickled.

Ids: any text is either refused by `check_id` or names a folder directly inside the library.
"""

import json
import pickle
import re
import shutil
import struct
import tempfile
from pathlib import Path

import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import event as _event
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context
from safetensors.torch import save

from lora_studio.core import config as cfg
from lora_studio.core.data.features import FeatureScaler
from lora_studio.core.data.pixels import to_input
from lora_studio.core.errors import StorageError
from lora_studio.core.model import lora
from lora_studio.core.model.cnn import MnistCNN
from lora_studio.core.storage import record as storage_record
from lora_studio.core.storage.library import ModelLibrary, ModelRecord, check_id

pytestmark = pytest.mark.fuzz

THOROUGH = settings.default.max_examples >= 1000  # the fuzz profile of `make fuzz`
CASES = 1000 if THOROUGH else 200
FUZZ = settings(max_examples=CASES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

BASE, LORA = "base-model", "lora-model"
IMAGES = torch.randint(0, 256, (8, 28, 28), dtype=torch.uint8, generator=torch.Generator().manual_seed(0))


def _forbidden(*_args, **_kwargs):
    raise AssertionError("something tried to unpickle a file")


class _ForbiddenUnpickler(pickle.Unpickler):  # a class still, so that code subclassing Unpickler imports
    def __init__(self, *args, **kwargs):
        _forbidden()


@pytest.fixture(scope="module", autouse=True)
def nothing_is_unpickled():
    """pickle, torch.load and numpy's pickle path fail the test if anything calls them."""
    with pytest.MonkeyPatch.context() as patch:
        for owner, name in ((pickle, "load"), (pickle, "loads"), (torch, "load"), (torch.serialization, "load"),
                            (np, "load")):
            patch.setattr(owner, name, _forbidden)
        patch.setattr(pickle, "Unpickler", _ForbiddenUnpickler)
        yield


def event(text: str) -> None:
    """hypothesis's statistics of outcomes, also from the plain tests sharing the checks."""
    if currently_in_test_context():
        _event(text)


class Files(dict):
    def __repr__(self):  # keeps hypothesis's report of a failing case readable
        return f"<files of {', '.join(self)}>"


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> dict[str, dict[str, bytes]]:
    """The files of a saved base model and a saved feature+LoRA model."""
    library = ModelLibrary(tmp_path_factory.mktemp("pristine") / "models")
    torch.manual_seed(0)
    base = MnistCNN()
    library.save(base, ModelRecord(kind="base", name="Base", dataset="mnist", model=cfg.ModelConfig(),
                                   train=cfg.TrainConfig()), BASE)
    tuned = MnistCNN(cfg.ModelConfig(feature_dim=1))
    lora_config = cfg.LoraConfig(rank=4, layers=("conv2", "fc1", "fc2"))
    lora.apply_lora(tuned, lora_config, torch.Generator().manual_seed(1))
    with torch.no_grad():
        for layer in lora.lora_layers(tuned).values():
            layer.lora_B.normal_(0, 0.1)  # a trained adapter: B is not zero
    scaler = FeatureScaler(("brightness",), (0.13,), (0.04,))
    library.save(tuned, ModelRecord(kind="feature_lora", name="Tuned", dataset="mnist", model=tuned.config,
                                    train=cfg.TrainConfig(epochs=2), lora=lora_config, features=scaler,
                                    parent=BASE, metrics={"test_accuracy": 0.9, "trainable_params": 1234}), LORA)
    return Files({model_id: {p.name: p.read_bytes() for p in library.folder(model_id).iterdir()}
                  for model_id in (BASE, LORA)})


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz-models")


# --- how files are broken -------------------------------------------------------------------------


@st.composite
def byte_damage(draw):
    """Raw damage to any file: flipped, cut, inserted or appended bytes, or a truncation."""
    op = draw(st.sampled_from(["flip", "truncate", "extend", "insert", "cut", "replace"]))
    at = draw(st.floats(0, 1, exclude_max=True))
    extra = draw(st.binary(min_size=1, max_size=64))
    values = draw(st.lists(st.tuples(st.integers(0, 2**24), st.integers(0, 255)), min_size=1, max_size=8))

    def apply(blob: bytes) -> bytes:
        cut = int(len(blob) * at)
        if op == "flip":
            b = bytearray(blob)
            for where, value in values:
                if b:
                    b[where % len(b)] = value
            return bytes(b)
        if op == "truncate":
            return blob[:cut]
        if op == "extend":
            return blob + extra
        if op == "insert":
            return blob[:cut] + extra + blob[cut:]
        if op == "cut":
            return blob[:cut] + blob[cut + len(extra) * 16:]
        return extra  # the whole file replaced by garbage
    return f"bytes {op}", apply


def split_safetensors(blob: bytes) -> tuple[dict, bytes]:
    (n,) = struct.unpack("<Q", blob[:8])
    return json.loads(blob[8 : 8 + n]), blob[8 + n :]


def join_safetensors(header, body: bytes, length: int | None = None) -> bytes:
    raw = header if isinstance(header, bytes) else json.dumps(header).encode()
    return struct.pack("<Q", len(raw) if length is None else length) + raw + body


DTYPES = ["F16", "BF16", "F32", "F64", "I8", "U8", "I16", "U16", "I32", "U32", "I64", "U64", "BOOL",
          "F8_E4M3", "F8_E5M2", "C64", "XYZ", ""]
JSON_ANY = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)


@st.composite
def header_damage(draw):
    """Tampering with the safetensors header: dtypes, shapes, offsets, keys, length, metadata."""
    op = draw(st.sampled_from(["dtype", "shape", "offsets", "drop", "rename", "add", "length", "metadata",
                               "not-json", "value"]))
    pick = draw(st.integers(0, 1000))
    dtype = draw(st.sampled_from(DTYPES))
    shape = draw(st.lists(st.integers(0, 2**40), max_size=5))
    offsets = draw(st.lists(st.integers(0, 2**64 - 1), min_size=0, max_size=3))
    length = draw(st.integers(0, 2**64 - 1))
    value = draw(JSON_ANY)
    text = draw(st.binary(max_size=40))

    def apply(blob: bytes) -> bytes:
        header, body = split_safetensors(blob)
        keys = sorted(k for k in header if k != "__metadata__")
        key = keys[pick % len(keys)]
        if op == "dtype":
            header[key]["dtype"] = dtype
        elif op == "shape":
            header[key]["shape"] = shape
        elif op == "offsets":
            header[key]["data_offsets"] = offsets
        elif op == "drop":
            del header[key]
        elif op == "rename":
            header[key + ".x"] = header.pop(key)
        elif op == "add":
            header["evil.weight"] = dict(header[key])
        elif op == "length":
            return join_safetensors(header, body, length)
        elif op == "metadata":
            header["__metadata__"] = value
        elif op == "not-json":
            return join_safetensors(text, body)
        else:
            header[key] = value
        return join_safetensors(header, body)
    return f"header {op}", apply


@st.composite
def tensor_damage(draw):
    """A well-formed safetensors file whose tensors do not fit: shapes, dtypes, keys, non-finite values."""
    op = draw(st.sampled_from(["dtype", "shape", "drop", "extra", "rename", "nan", "inf", "empty", "scalar"]))
    pick = draw(st.integers(0, 1000))
    dtype = draw(st.sampled_from([torch.float16, torch.bfloat16, torch.float64, torch.int64, torch.int32,
                                  torch.uint8, torch.bool, torch.int8]))
    where = draw(st.integers(0, 10**6))
    bad = {"nan": float("nan"), "inf": draw(st.sampled_from([float("inf"), float("-inf")]))}.get(op)

    def apply(blob: bytes) -> bytes:
        from safetensors.torch import load

        tensors = load(blob)
        key = sorted(tensors)[pick % len(tensors)]
        t = tensors[key]
        if op == "dtype":
            tensors[key] = t.to(dtype)
        elif op == "shape":
            tensors[key] = t.reshape(-1) if t.dim() > 1 else torch.cat([t, t])
        elif op == "drop":
            del tensors[key]
        elif op == "extra":
            tensors["extra.weight"] = torch.zeros(3)
        elif op == "rename":
            tensors[key.replace("weight", "wieght").replace("bias", "bais")] = tensors.pop(key)
        elif op in ("nan", "inf"):
            t = t.clone()
            t.view(-1)[where % t.numel()] = bad
            tensors[key] = t
        elif op == "empty":
            tensors[key] = t.new_zeros((0,) + tuple(t.shape[1:]))
        else:
            tensors[key] = t.new_zeros(())
        return save({k: v.contiguous() for k, v in tensors.items()})
    return f"tensors {op}", apply


@st.composite
def json_edit(draw):
    """Any value anywhere in a JSON document replaced, dropped, or joined by an unknown key."""
    op = draw(st.sampled_from(["replace", "drop", "add", "format_version", "whole"]))
    path_picks = draw(st.lists(st.integers(0, 1000), min_size=1, max_size=4))
    value = draw(JSON_ANY)
    version = draw(st.one_of(st.integers(2, 2**70), st.sampled_from([0, -1, 1.0, 1.5, "1", None, True, [1]])))

    def apply(blob: bytes) -> bytes:
        doc = json.loads(blob)
        if op == "whole":
            doc = value
        elif op == "format_version" and isinstance(doc, dict):
            doc["format_version"] = version
        else:
            parent, key = None, None
            node = doc
            for pick in path_picks:  # walk down a random path
                children = list(node) if isinstance(node, dict) else range(len(node)) if isinstance(
                    node, list) else []
                if not children:
                    break
                parent, key = node, children[pick % len(children)]
                node = node[key]
            if parent is None:
                doc = value
            elif op == "replace":
                parent[key] = value
            elif op == "drop":
                del parent[key]
            elif isinstance(parent, dict):
                parent[f"unknown_{key}"] = value
            else:
                parent.append(value)
        return json.dumps(doc, allow_nan=True).encode()
    return f"json {op}", apply


SPECIAL_JSON = [
    ("nested 100,000 deep", b"[" * 100_000 + b"]" * 100_000),
    ("5,000-digit number", b'{"format_version": 1' + b"0" * 5000 + b"}"),
    ("not UTF-8", b'{"name": "\xff\xfe"}'),
    ("empty", b""),
    ("NaN document", b"NaN"),
    ("byte-order mark", b"\xef\xbb\xbf{}"),
    ("two documents", b"{} {}"),
    ("over 1 MB", b'{"a": "' + b"x" * 1_100_000 + b'"}'),
]

WEIGHT_DAMAGE = st.one_of(byte_damage(), header_damage(), tensor_damage())
JSON_DAMAGE = st.one_of(byte_damage(), json_edit(), st.sampled_from(SPECIAL_JSON).map(
    lambda case: (f"special: {case[0]}", lambda _blob, payload=case[1]: payload)))


# --- the properties ---------------------------------------------------------------------------------


def check_library(folder: Path, model_id: str) -> None:
    """load/record/list on a library holding one model whose files may be broken."""
    library = ModelLibrary(folder)
    try:
        model, record = library.load(model_id)
    except StorageError as exc:
        message = str(exc)
        assert "\n" not in message and model_id in message, message
        event("refused: " + re.sub(r"\b[0-9][0-9.e+-]*", "N", message.split(": ", 1)[-1])[:50])
        loaded = False
    else:
        loaded = True
        event("loaded (the damage left a usable model)")
        assert all(torch.isfinite(t).all() for t in model.state_dict().values())
        extra = record.features.transform(IMAGES) if record.features else None
        with torch.no_grad():
            logits = model(to_input(IMAGES), extra)
        assert logits.shape == (len(IMAGES), record.model.num_classes)
        assert torch.isfinite(logits).all(), "a model that loads must answer with finite numbers"
    try:
        record_error = None
        library.record(model_id)
    except StorageError as exc:
        record_error = str(exc)
    entries = library.list()
    assert [e.id for e in entries] == [model_id]
    (entry,) = entries
    assert (entry.record is None) == (record_error is not None)
    assert entry.error == record_error
    if loaded:
        assert entry.record is not None


def library_with(workdir: Path, files: dict[str, bytes], model_id: str, name: str, payload: bytes | None):
    folder = Path(tempfile.mkdtemp(dir=workdir))
    model_folder = folder / model_id
    model_folder.mkdir()
    for file_name, blob in files.items():
        if file_name == name:
            if payload is None:
                continue  # the file is missing
            blob = payload
        (model_folder / file_name).write_bytes(blob)
    return folder


@pytest.mark.parametrize("file_name, model_id", [
    ("model.safetensors", BASE), ("model.safetensors", LORA), ("adapter_model.safetensors", LORA)])
@FUZZ
@given(draw=st.data())
def test_damaged_weights_are_refused_or_harmless(file_name, model_id, draw, pristine, workdir):
    files = pristine[model_id]
    description, apply = draw.draw(WEIGHT_DAMAGE, label="damage")
    try:
        payload = apply(files[file_name])
    except (ValueError, KeyError):  # the damage itself could not be built (e.g. header tampering on garbage)
        payload = files[file_name][:-1]
    folder = library_with(workdir, files, model_id, file_name, payload)
    try:
        check_library(folder, model_id)
    finally:
        shutil.rmtree(folder)


@pytest.mark.parametrize("file_name, model_id", [
    ("config.json", BASE), ("config.json", LORA), ("metrics.json", LORA)])
@FUZZ
@given(draw=st.data())
def test_damaged_json_is_refused_or_harmless(file_name, model_id, draw, pristine, workdir):
    files = pristine[model_id]
    description, apply = draw.draw(JSON_DAMAGE, label="damage")
    folder = library_with(workdir, files, model_id, file_name, apply(files[file_name]))
    try:
        check_library(folder, model_id)
    finally:
        shutil.rmtree(folder)


@pytest.mark.parametrize("model_id", [BASE, LORA])
@pytest.mark.parametrize("missing", ["config.json", "model.safetensors", "metrics.json", "adapter_model.safetensors",
                                     "adapter_config.json"])
def test_a_missing_file_is_refused_or_harmless(model_id, missing, pristine, workdir):
    folder = library_with(workdir, pristine[model_id], model_id, missing, None)
    check_library(folder, model_id)


def test_a_config_from_the_future_asks_for_an_update(pristine, workdir):
    config = json.loads(pristine[BASE]["config.json"])
    config["format_version"] = storage_record.FORMAT_VERSION + 1
    config["something_new"] = {"a": 1}
    folder = library_with(workdir, pristine[BASE], BASE, "config.json", json.dumps(config).encode())
    with pytest.raises(StorageError, match="newer LoRA Studio .* Update LoRA Studio"):
        ModelLibrary(folder).load(BASE)
    (entry,) = ModelLibrary(folder).list()
    assert entry.record is None and "newer" in entry.error


# --- ids -------------------------------------------------------------------------------------------

ID_TEXT = st.one_of(
    st.text(max_size=120),
    st.sampled_from(["..", ".", "../x", "../../etc/passwd", "/etc", "/", "a/b", "a\\b", "a/../b", ".hidden", "a..b",
                     "x" * 81, "x" * 80, "con", "a\x00b", "ä", "model id", "-rf", "~", "~root", "$HOME", "a\nb",
                     "C:\\x", "C:x", "base-model", ".tmp-x", ".old-x"]),
    st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.\-/\\]{0,90}", fullmatch=True),
)


@FUZZ
@given(model_id=ID_TEXT)
def test_an_id_is_refused_or_names_a_folder_right_inside_the_library(model_id, workdir):
    root = (workdir / "ids" / "models").resolve()
    try:
        checked = check_id(model_id)
    except StorageError as exc:
        assert "not a model id" in str(exc)
        event("refused")
        return
    event("accepted")
    assert checked == model_id
    target = (root / checked).resolve()
    assert target.parent == root and target.name == model_id
    assert not model_id.startswith(".")  # hidden names are the library's own (.tmp-, .old-)


@settings(max_examples=max(CASES // 4, 50), deadline=None)
@given(model_id=ID_TEXT)
def test_library_actions_never_reach_outside_the_library(model_id, workdir):
    """show/delete/rename/load with any id leave a file beside the library, and a model in it, alone."""
    home = Path(tempfile.mkdtemp(dir=workdir))
    library = ModelLibrary(home / "models")
    (home / "models" / "keep").mkdir(parents=True)
    (home / "models" / "keep" / "config.json").write_text("{}")
    (home / "precious").mkdir()
    (home / "precious" / "config.json").write_text("{}")
    try:
        for action in (library.record, library.load, library.delete, lambda i: library.rename(i, "x"),
                       library.folder):
            try:
                action(model_id)
            except StorageError:
                pass
        assert (home / "precious" / "config.json").read_text() == "{}"
        if model_id != "keep":
            assert (home / "models" / "keep" / "config.json").read_text() == "{}"
    finally:
        shutil.rmtree(home)


def test_the_guard_against_unpickling_is_live():
    with pytest.raises(AssertionError, match="unpickle"):
        torch.load("anything")
    with pytest.raises(AssertionError, match="unpickle"):
        pickle.loads(b"")
    with pytest.raises(AssertionError, match="unpickle"):
        pickle.Unpickler(None)


@pytest.mark.parametrize("file_name", ["config.json", "metrics.json"])
@pytest.mark.parametrize("label, payload", SPECIAL_JSON, ids=[label for label, _ in SPECIAL_JSON])
def test_json_that_breaks_the_parser_is_refused(file_name, label, payload, pristine, workdir):
    """Deep nesting (RecursionError) and 5,000-digit numbers (ValueError) used to escape as tracebacks."""
    folder = library_with(workdir, pristine[LORA], LORA, file_name, payload)
    check_library(folder, LORA)
