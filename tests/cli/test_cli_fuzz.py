"""Property-based fuzzing of the library commands (`models list/show/export`, `evaluate`) on broken models.

Each case copies a pristine saved model (base or feature+LoRA) into a fresh app
folder, damages one of its files (bytes flipped or cut, garbage, a JSON value
replaced, a tensor re-encoded with the wrong dtype or shape or a NaN, a file
removed), then runs the commands in this process. The properties:
- `models list` (table and --json) always succeeds and lists the model, broken exactly when its record is;
- `models show`, `evaluate` and `models export` succeed exactly when the library can read (or load) the
  model, and otherwise exit with code 2 and one line on stderr naming the model; export then leaves no file;
- no exception ever escapes `main`.
And any text given as a model id is refused with one line, or names the model, and nothing outside the
library is touched.
"""

import contextlib
import json
import os
import pickle
import shutil
import tempfile
from pathlib import Path

import pytest
import torch
from captured_cli import run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from safetensors.torch import load, save

from lora_studio.core import config as cfg
from lora_studio.core.data.features import FeatureScaler
from lora_studio.core.errors import StorageError
from lora_studio.core.model import lora
from lora_studio.core.model.cnn import MnistCNN
from lora_studio.core.storage.library import ModelLibrary, ModelRecord

pytestmark = pytest.mark.fuzz

THOROUGH = settings.default.max_examples >= 1000  # the fuzz profile of `make fuzz`
CASES = 300 if THOROUGH else 40  # each case runs five commands, `evaluate` on 200 images among them
FUZZ = settings(max_examples=CASES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
MODEL_IDS = ("base-1", "lora-1")


class _ForbiddenUnpickler(pickle.Unpickler):
    def __init__(self, *args, **kwargs):
        raise AssertionError("something tried to unpickle a file")


def _forbidden(*_args, **_kwargs):
    raise AssertionError("something tried to unpickle a file")


@pytest.fixture(scope="module", autouse=True)
def nothing_is_unpickled():
    """As in tests/core/test_fuzz_models.py: pickle and torch.load fail the test if anything calls them."""
    with pytest.MonkeyPatch.context() as patch:
        for owner, name in ((pickle, "load"), (pickle, "loads"), (torch, "load"), (torch.serialization, "load")):
            patch.setattr(owner, name, _forbidden)
        patch.setattr(pickle, "Unpickler", _ForbiddenUnpickler)
        yield


class Files(dict):
    def __repr__(self):
        return "<pristine model files>"


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    library = ModelLibrary(tmp_path_factory.mktemp("cli-pristine") / "models")
    torch.manual_seed(0)
    library.save(MnistCNN(), ModelRecord(kind="base", name="Base", dataset="mnist", model=cfg.ModelConfig(),
                                         train=cfg.TrainConfig()), "base-1")
    tuned = MnistCNN(cfg.ModelConfig(feature_dim=1))
    lora_config = cfg.LoraConfig(rank=2)
    lora.apply_lora(tuned, lora_config)
    library.save(tuned, ModelRecord(kind="feature_lora", name="Tuned", dataset="mnist", model=tuned.config,
                                    train=cfg.TrainConfig(), lora=lora_config,
                                    features=FeatureScaler(("brightness",), (0.13,), (0.04,)), parent="base-1"),
                 "lora-1")
    return Files({i: {p.name: p.read_bytes() for p in library.folder(i).iterdir()} for i in MODEL_IDS})


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("cli-fuzz")


@contextlib.contextmanager
def app_home_at(home: Path):
    """LORA_STUDIO_HOME for one hypothesis case (monkeypatch is per test, not per case)."""
    before = os.environ.get("LORA_STUDIO_HOME")
    os.environ["LORA_STUDIO_HOME"] = str(home)
    try:
        yield
    finally:
        if before is None:
            del os.environ["LORA_STUDIO_HOME"]
        else:
            os.environ["LORA_STUDIO_HOME"] = before


def one_line_error(code: int, err: str, *mentions: str) -> None:
    assert code == 2, (code, err)
    assert err.startswith("lora-studio: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    for text in mentions:
        assert text in err, err


# --- damage --------------------------------------------------------------------------------------------

JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers(-(2**40), 2**40) | st.floats() | st.text(max_size=8),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner,
                                                                                      max_size=3), max_leaves=6)


@st.composite
def damage(draw, files: dict[str, bytes]):
    """(file name, new bytes or None for a removed file)."""
    name = draw(st.sampled_from(sorted(files)))
    blob = files[name]
    how = draw(st.sampled_from(["flip", "truncate", "garbage", "remove"] + (
        ["json"] if name.endswith(".json") else ["tensor"])))
    if how == "remove":
        return name, None
    if how == "flip":
        b = bytearray(blob)
        for at, value in draw(st.lists(st.tuples(st.integers(0, len(b) - 1), st.integers(0, 255)), min_size=1,
                                       max_size=6)):
            b[at] = value
        return name, bytes(b)
    if how == "truncate":
        return name, blob[: draw(st.integers(0, len(blob) - 1))]
    if how == "garbage":
        return name, draw(st.binary(max_size=200))
    if how == "json":
        doc = json.loads(blob)
        if isinstance(doc, dict) and doc:
            key = draw(st.sampled_from(sorted(doc)))
            node = doc
            if isinstance(doc[key], dict) and doc[key] and draw(st.booleans()):
                node, key = doc[key], draw(st.sampled_from(sorted(doc[key])))
            node[key] = draw(JSON_VALUES)
        else:
            doc = draw(JSON_VALUES)
        return name, json.dumps(doc).encode()
    tensors = load(blob)
    key = draw(st.sampled_from(sorted(tensors)))
    change = draw(st.sampled_from(["dtype", "shape", "nan", "drop", "extra"]))
    if change == "dtype":
        tensors[key] = tensors[key].to(draw(st.sampled_from([torch.float16, torch.float64, torch.int32])))
    elif change == "shape":
        tensors[key] = tensors[key].reshape(-1)[:-1].clone()
    elif change == "nan":
        tensors[key] = tensors[key].clone()
        tensors[key].view(-1)[0] = float("nan")
    elif change == "drop":
        del tensors[key]
    else:
        tensors["x.weight"] = torch.ones(2)
    return name, save(tensors)


# --- the properties -------------------------------------------------------------------------------------


@FUZZ
@given(draw=st.data())
def test_library_commands_on_a_damaged_model(draw, pristine, workdir, tiny_root):
    model_id = draw.draw(st.sampled_from(MODEL_IDS), label="model")
    name, payload = draw.draw(damage(pristine[model_id]), label="damage")
    home = Path(tempfile.mkdtemp(dir=workdir))
    folder = home / "models" / model_id
    folder.mkdir(parents=True)
    for file_name, blob in pristine[model_id].items():
        if file_name == name and payload is None:
            continue
        (folder / file_name).write_bytes(payload if file_name == name else blob)
    library = ModelLibrary(home / "models")
    try:
        library.record(model_id)
        readable = True
    except StorageError:
        readable = False
    try:
        library.load(model_id)
        loadable = True
    except StorageError:
        loadable = False
    try:
        with app_home_at(home):
            code, out, err = run("models", "list", "--json", home / "list.json")
            assert code == 0 and not err, err
            (listed,) = json.loads((home / "list.json").read_text())
            assert listed["id"] == model_id and (listed["error"] is None) == readable

            code, out, err = run("models", "show", model_id)
            if readable:
                assert code == 0 and not err, err
            else:
                one_line_error(code, err, model_id)

            merged = home / "out" / "merged.safetensors"
            merged.parent.mkdir()
            code, out, err = run("models", "export", model_id, "--merged", merged)
            if loadable:
                assert code == 0 and merged.is_file(), err
            else:
                one_line_error(code, err, model_id)
                assert not any(merged.parent.iterdir()), "a refused export left a file behind"

            code, out, err = run("evaluate", model_id, "--data-dir", tiny_root)
            if loadable:
                assert code == 0, err
            else:
                one_line_error(code, err, model_id)
    finally:
        shutil.rmtree(home)


ID_TEXT = st.one_of(
    st.text(max_size=100),
    st.sampled_from(["../base-1", "base-1/../base-1", "/etc/passwd", "..", ".", "", "-h", "--merged", ".tmp-x",
                     "base-1 ", "BASE-1", "x" * 300, "a\x00b", "[/bold]", "base-1\n"]),
)


@settings(max_examples=max(CASES * 2, 60), deadline=None)
@given(model_id=ID_TEXT)
def test_any_text_as_a_model_id(model_id, pristine, workdir):
    home = Path(tempfile.mkdtemp(dir=workdir))
    folder = home / "models" / "base-1"
    folder.mkdir(parents=True)
    for file_name, blob in pristine["base-1"].items():
        (folder / file_name).write_bytes(blob)
    (home / "outside").write_text("keep")
    try:
        with app_home_at(home):
            for args in (("models", "show", model_id), ("models", "delete", model_id),
                         ("models", "rename", model_id, "x"), ("models", "export", model_id, "--merged", home / "m"),
                         ("finetune", model_id, "--offline")):
                if "\x00" in model_id:
                    break  # no operating system passes a NUL inside an argument
                code, out, err = run(*args)
                if model_id == "base-1" and args[1] in ("show", "rename", "export"):
                    assert code == 0, err
                    continue
                if model_id == "base-1" and args[1] == "delete":
                    assert code == 0
                    break
                if model_id.startswith("-"):  # read as an option: a usage error, or -h's help
                    assert code in (0, 2) and "Traceback" not in err
                    continue
                assert code == 2, (args, code, err)
                assert err.count("\n") == 1 and "Traceback" not in err, err
        assert (home / "outside").read_text() == "keep"
    finally:
        shutil.rmtree(home)
