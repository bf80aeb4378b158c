"""What the bundle leaves out: read by lora_studio.spec, estimate_cpu_bundle.py and the tests.

Modules are left out of the analysis; files are taken out of what the analysis collected, by their
path inside the bundle's `_internal/` (fnmatch patterns, `/` as separator on every platform).
"""

from fnmatch import fnmatch

# Modules the app never uses. Some would come in only as optional imports of what it does use.
EXCLUDED_MODULES = [
    "triton", "transformers", "tokenizers", "peft", "accelerate",  # a dev environment's; triton alone 891 MB
    "PyQt5", "PyQt6", "PySide2", "tkinter", "_tkinter", "matplotlib", "IPython", "jupyter_client",
    "pytest", "hypothesis", "pytest_qt", "setuptools", "pip",
    "pyqtgraph.examples", "pyqtgraph.opengl", "pyqtgraph.jupyter",
    "torch.utils.tensorboard", "tensorboard",
    "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtQml", "PySide6.QtQuick",
    "PySide6.QtQuickWidgets", "PySide6.QtPdf", "PySide6.QtMultimedia", "PySide6.QtNetwork",
    "PySide6.QtDesigner", "PySide6.QtUiTools", "PySide6.Qt3DCore",
]

# Files the analysis collects that the app never opens.
EXCLUDED_FILES = [
    "PySide6/Qt/translations/*",  # Qt's own, for every language: the app keeps only those it speaks (below)
    "PySide6/Qt/lib/libQt6WebEngine*", "PySide6/Qt/lib/libQt6Quick*", "PySide6/Qt/lib/libQt6Qml*",
    "PySide6/Qt/lib/libQt6Pdf*", "PySide6/Qt/lib/libQt6VirtualKeyboard*",
    "PySide6/Qt/plugins/platforminputcontexts/*virtualkeyboard*",
    "PySide6/Qt/plugins/sqldrivers/*", "PySide6/Qt/plugins/multimedia/*", "PySide6/Qt/plugins/qmltooling/*",
    "PySide6/Qt/plugins/networkinformation/*", "PySide6/Qt/plugins/tls/*", "PySide6/Qt/plugins/position/*",
    "PySide6/Qt/plugins/generic/*",
    "pyqtgraph/examples/*",
    # torch: headers, CMake files, build tools and C++ tests (the CPU wheels carry ~50 MB of test programs)
    "torch/include/*", "torch/share/*", "torch/bin/*", "torch/lib/*.a", "torch/lib/*.lib",
    "torch/lib/*test*", "torch/lib/libaoti_custom_ops*", "torch/lib/libbackend_with_compiler*",
    "torch/testing/_internal/data/*",
    # The app computes on the CPU only. A CUDA build cannot start without the CUDA libraries torch is linked
    # to (libcudnn.so.9 …), but these are only ever dlopen()ed for work on a GPU: cuDNN's kernels (0.9 GB)
    # and torch's CUDA linear algebra. The loader libcudnn.so.9 itself stays.
    "nvidia/cudnn/lib/libcudnn_*", "torch/lib/libtorch_cuda_linalg.so",
    "*/__pycache__/*", "*.pyi",
]

# Exceptions to the patterns above.
KEPT_FILES = [
    "torch/bin/torch_shm_manager*",  # `import torch` fails without it ("Unable to find torch_shm_manager")
    # Qt's own buttons and dialogs in the window's Chinese (gui/i18n/language.py)
    "PySide6/Qt/translations/qtbase_zh_CN.qm",
]


def keep(dest: str) -> bool:
    """Whether the file at `dest` (its path inside _internal/) stays in the bundle."""
    dest = dest.replace("\\", "/")
    if any(fnmatch(dest, pattern) for pattern in KEPT_FILES):
        return True
    return not any(fnmatch(dest, pattern) for pattern in EXCLUDED_FILES)
