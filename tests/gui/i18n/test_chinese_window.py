"""The window in Chinese leaves no English behind (issue 15).

With the zh_CN translation loaded, this walks every tab, the model library, every menu and action, and the
message boxes the menus can raise, and reads each text a person sees: labels, buttons, tooltips, status
tips, placeholders, window titles, table headers and cells, combo items, group-box titles, tab titles,
spinner prefixes and suffixes, the status bar, and the pyqtgraph plots' titles, axis labels, legends and
notes. Any English word outside ALLOWED fails the test, and the failure lists every leftover (where,
which property, the text) so a translator can work from it.

    .venv/bin/python tests/gui/i18n/test_chinese_window.py     # writes the list to /tmp/untranslated.txt

(or set LORA_STUDIO_UNTRANSLATED=<path> when running pytest). Drawn-only text (painted with QPainter in
the heat maps and image grids) is not readable here: `make screenshots-zh` shows it.
"""

import os
import shutil
import sys
from pathlib import Path

import pytest
from english_text import english_words  # tests/helpers
from PySide6.QtWidgets import QMessageBox
from window_texts import Leftovers, read_and_close_boxes, read_widgets  # tests/helpers

DUMP_ENV = "LORA_STUDIO_UNTRANSLATED"


@pytest.fixture
def models_ready(train_library, tmp_path_factory):
    return train_library(tmp_path_factory.mktemp("zh-library"))


def collect(window, qtbot, wait_idle, tmp_path, monkeypatch, library_root) -> Leftovers:
    leftovers = Leftovers()  # the menus are read with the window's widgets, at the end

    # the boxes the menus raise, on a library with no model yet
    boxes = [("Help/About", window.show_about),
             ("Run/Fine-tune with LoRA (no base model)", window.lora_tab.start),
             ("Run/Evaluate (nothing chosen)", window.eval_tab.evaluate),
             ("Run/Run the sweep (no base model)", window.compare_tab.start)]
    for what, trigger in boxes:
        trigger()
        read_and_close_boxes(qtbot, what, leftovers)

    def refuse(*_args, **_kwargs):  # the reason is the system's (strerror), in the system's language
        raise PermissionError(13, "权限不够")

    with monkeypatch.context() as patch:  # File → Open data folder, where the folder cannot be made
        patch.setattr(Path, "mkdir", refuse)
        window._open_data_folder()
    read_and_close_boxes(qtbot, "File/Open data folder (cannot create)", leftovers)

    empty = tmp_path / "no-idx-files-here"
    empty.mkdir()
    window.dataset_tab.choose_folder = lambda: str(empty)  # File → Import data…, a folder without IDX files
    window._import_data()
    read_and_close_boxes(qtbot, "File/Import data (no IDX files)", leftovers)
    wait_idle(window)

    asked = []  # File → Quit while a job runs: the question (static QMessageBox.question would block)
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, title, text, *a, **k: asked.append((title, text))
                        or QMessageBox.StandardButton.No)
    window._ask_close(window.tr("Base training"))
    for title, text in asked:
        leftovers.check("File/Quit while running: question title", title)
        leftovers.check("File/Quit while running: question", text)

    # View → Language → English: the box is said in the language in effect (the English line is on purpose)
    title, text = window.language_menu.texts("en")
    leftovers.check("View/Language box title", title)
    leftovers.check("View/Language box text", text.split("\n\n")[0])

    # with saved models: the tabs' model lists, the library's rows
    shutil.copytree(library_root, window.state.models_root, dirs_exist_ok=True)
    window.state.refresh_models()
    leftovers.stored_names = [model.name for model in window.state.models if model.name]
    qtbot.wait(50)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(50)
    read_widgets(window, leftovers)
    dialog = window.show_library()
    dialog.table.selectRow(0)
    qtbot.wait(50)
    read_widgets(dialog, leftovers)
    dialog.close()
    return leftovers


def test_no_english_left_in_the_chinese_window(chinese, make_window, tiny_data, models_ready, qtbot, wait_idle,
                                               tmp_path, monkeypatch):
    window = make_window()
    library_root, _ids = models_ready
    leftovers = collect(window, qtbot, wait_idle, tmp_path, monkeypatch, library_root)
    assert leftovers.texts_read > 200, "the walk read too little: it is not reaching the window's texts"
    lines = leftovers.lines()
    dump = os.environ.get(DUMP_ENV)
    if dump:
        Path(dump).write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    assert not lines, (f"{len(lines)} texts of the Chinese window still hold English "
                       f"(of {leftovers.texts_read} read):\n" + "\n".join(lines))


@pytest.mark.parametrize(("text", "words"), [
    ("训练 LoRA 适配器", []),
    ("&File", ["File"]),
    ("rank r = 8, α = 16, conv1 and fc2", ["rank", "and"]),
    ("<b>Fashion-MNIST</b> 数据集 · PyTorch 2.14.1", []),
    ("保存到 /home/me/models/feature-lora-20261127.safetensors", []),
    ("Train a base model", ["Train", "base", "model"]),
    ("每秒 1,234 张 · 12 ms · 3 MB", []),
    # a command is typed as it is: the program's name, and a command line set as code in a tooltip
    ("复制生成所查看模型的 lora-studio 命令", []),
    ("<p>复制命令：</p><p><code>lora-studio finetune BASE_ID --task inverted --json run.json</code></p>", []),
    ("<p>Copy the command:</p><p><code>lora-studio finetune</code></p>", ["Copy", "the", "command"]),
    ("与 PEFT 的 add_weighted_adapter 相同", []),  # a function's name
    # PEFT's ways of combining adapters: svd anywhere, the English words among them only as a name
    ("cat", []), ("ties 2", []), ("正在合成 2 个适配器（linear）", []), ("仅用于 svd：截断到所选的秩", []),
    ("a linear layer, cat and ties", ["linear", "layer", "cat", "and", "ties"]),
])
def test_what_counts_as_english(text, words):
    assert english_words(text) == words


if __name__ == "__main__":
    os.environ.setdefault(DUMP_ENV, "/tmp/untranslated.txt")
    code = pytest.main([__file__, "-q", "-x", "-k", "no_english", "-p", "no:cacheprovider"])
    dump = Path(os.environ[DUMP_ENV])
    if dump.exists():
        print(f"{len(dump.read_text(encoding='utf-8').splitlines())} untranslated texts listed in {dump}")
    sys.exit(code)
