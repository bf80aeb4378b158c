"""The packaging files, checked without building a bundle (packaging/smoke_test.sh builds and runs one)."""

import configparser
import filecmp
import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def load(name: str):
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_spec_adds_torchvisions_compiled_operators():
    """Without them the bundle dies at `import torchvision` ("operator torchvision::nms does not exist")."""
    import torchvision

    spec = (PACKAGING / "lora_studio.spec").read_text()
    assert 'TORCHVISION_BINARIES = ["_C_stable", "image_stable"]' in spec
    assert '"torchvision")' in spec  # …into torchvision/, where torchvision loads them from
    folder = Path(torchvision.__file__).parent
    if any(folder.glob("*_stable.*")):  # the torchvision installed here has them: the spec finds both
        for stem in ("_C_stable", "image_stable"):
            assert list(folder.glob(f"{stem}.*")), stem


def test_spec_is_one_folder_and_keeps_dev_packages_out():
    spec = (PACKAGING / "lora_studio.spec").read_text()
    assert "COLLECT(" in spec and "exclude_binaries=True" in spec  # one-folder: one-file unpacks on every start
    assert 'NAME = "LoRAStudio"' in spec
    assert "excludes=EXCLUDED_MODULES" in spec and "keep(entry[0])" in spec
    assert "BUNDLED_DATA_DIR" in spec and "LORA_STUDIO_BUNDLE_DATA" in spec
    filters = load("bundle_filters")
    for module in ("triton", "transformers", "tokenizers", "peft", "accelerate", "PyQt5", "PyQt6"):
        assert module in filters.EXCLUDED_MODULES


@pytest.mark.parametrize(("dest", "kept"), [
    ("torch/lib/libtorch_cpu.so", True),
    ("torch/bin/torch_shm_manager", True),  # `import torch` needs it
    ("torch/bin/protoc", False),
    ("torch/bin/test_api", False),
    ("torch/lib/libtorchbind_test.so", False),
    ("torch/include/ATen/ATen.h", False),
    ("torchvision/_C_stable.so", True),
    ("nvidia/cudnn/lib/libcudnn.so.9", True),  # torch is linked to it: no start without it
    ("nvidia/cudnn/lib/libcudnn_engines_precompiled.so.9", False),  # dlopen()ed for GPU work only
    ("nvidia/cu13/lib/libcublas.so.13", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6\\Qt\\translations\\qt_fr.qm", False),
    ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),  # Qt's buttons and dialogs in the Chinese window
    ("lora_studio/translations/lora_studio_zh_CN.qm", True),
    ("lora_studio/resources/fonts/NotoSansCJKsc-LoRAStudio-subset.otf", True),
    ("lora_studio/resources/lora-studio-256.png", True),
    ("bundled-data/MNIST/raw/train-images-idx3-ubyte.gz", True),
])
def test_what_the_bundle_leaves_out(dest, kept):
    assert load("bundle_filters").keep(dest) is kept


def test_build_script_runs_on_the_standard_library_alone():
    completed = subprocess.run([sys.executable, "-I", str(PACKAGING / "build.py"), "--help"],
                               capture_output=True, text=True, timeout=60)
    assert completed.returncode == 0, completed.stderr
    assert "--data" in completed.stdout and "--torch" in completed.stdout
    build = load("build")
    assert build.DEFAULT_TORCH == "torch==2.14.1 torchvision==0.29.1"
    assert "torch" in build.runtime_dependencies()


def test_size_report(tmp_path, capsys):
    bundle = tmp_path / "LoRAStudio"
    (bundle / "_internal" / "torch" / "lib").mkdir(parents=True)
    (bundle / "_internal" / "torch" / "lib" / "libtorch_cpu.so").write_bytes(b"x" * 3_000_000)
    (bundle / "_internal" / "libpython3.so").write_bytes(b"x" * 1_000_000)
    (bundle / "LoRAStudio").write_bytes(b"x" * 10)
    load("build").report_size(bundle)
    out = capsys.readouterr().out
    assert "bundle size: 4 MB in 3 files" in out
    assert out.index("torch/") < out.index("libpython3.so")


def test_icons_exist_in_both_places_and_match_the_drawing():
    svg = ROOT / "resources" / "lora-studio.svg"
    assert svg.read_text(encoding="utf-8") == load("make_icons").svg()  # make_icons.py was run after a change
    names = ["lora-studio.svg", *(f"lora-studio-{size}.png" for size in SIZES)]
    for name in names:
        assert filecmp.cmp(ROOT / "resources" / name, ROOT / "lora_studio" / "resources" / name, shallow=False), name


def test_icons_load(qapp):
    from PySide6.QtGui import QIcon, QImage
    from PySide6.QtSvg import QSvgRenderer

    from lora_studio.gui.app import app_icon

    assert QSvgRenderer(str(ROOT / "resources" / "lora-studio.svg")).isValid()
    for size in SIZES:
        image = QImage(str(ROOT / "resources" / f"lora-studio-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
    icon = app_icon()
    assert isinstance(icon, QIcon) and not icon.isNull()
    assert sorted(s.width() for s in icon.availableSizes()) == list(SIZES)


def test_application_and_window_carry_the_icon(qapp):
    from lora_studio.gui.app import application

    app = application()
    assert not app.windowIcon().isNull()
    assert app.desktopFileName() == "lora-studio"


def test_desktop_file():
    path = ROOT / "resources" / "lora-studio.desktop"
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(path, encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Name"] == "LoRA Studio"
    assert desktop["Icon"] == "lora-studio" and desktop["Exec"] == "lora-studio"
    assert desktop["Terminal"] == "false"
    validate = shutil.which("desktop-file-validate")  # Debian: desktop-file-utils
    if validate is None:
        pytest.skip("desktop-file-validate is not installed")
    completed = subprocess.run([validate, str(path)], capture_output=True, text=True)
    assert completed.returncode == 0 and "error" not in completed.stdout, completed.stdout


def test_desktop_entry_script_points_at_the_bundle(tmp_path):
    """install-desktop-entry.sh, run from a bundle folder, writes a valid entry for that folder's LoRAStudio."""
    bundle = tmp_path / "My Apps" / "LoRAStudio"
    resources = bundle / "_internal" / "lora_studio" / "resources"
    shutil.copytree(ROOT / "lora_studio" / "resources", resources)
    shutil.copyfile(ROOT / "resources" / "lora-studio.desktop", bundle / "_internal" / "lora-studio.desktop")
    shutil.copyfile(PACKAGING / "install-desktop-entry.sh", bundle / "install-desktop-entry.sh")
    (bundle / "LoRAStudio").write_text("#!/bin/sh\n")
    (bundle / "LoRAStudio").chmod(0o755)
    share = tmp_path / "share"
    completed = subprocess.run(["sh", str(bundle / "install-desktop-entry.sh")], capture_output=True, text=True,
                               env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(share)})
    assert completed.returncode == 0, completed.stderr
    written = (share / "applications" / "lora-studio.desktop").read_text()
    assert f'Exec="{bundle}/LoRAStudio"' in written and f"TryExec={bundle}/LoRAStudio" in written
    assert (share / "icons" / "hicolor" / "256x256" / "apps" / "lora-studio.png").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "lora-studio.svg").is_file()
    validate = shutil.which("desktop-file-validate")
    if validate:
        assert subprocess.run([validate, str(share / "applications" / "lora-studio.desktop")]).returncode == 0
