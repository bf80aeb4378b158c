"""The window: every named control of PRODUCT.md exists, in its tab; start-up and remembered settings."""

import pytest
from PySide6.QtWidgets import QTabWidget, QWidget

TABS = {
    "datasetTab": ("Dataset", ["datasetCombo", "downloadButton", "importFolderButton", "sampleGrid", "classFilter",
                               "brightnessHistogram"]),
    "baseTab": ("Base training", ["baseEpochs", "baseBatchSize", "baseLearningRate", "baseSeed", "baseSubset",
                                  "startBaseButton", "pauseBaseButton", "stopBaseButton", "baseProgress",
                                  "baseLossPlot", "baseAccuracyPlot"]),
    "loraTab": ("LoRA", ["baseModelCombo", "loraLayer_conv1", "loraLayer_conv2", "loraLayer_fc1", "loraLayer_fc2",
                         "loraRank", "loraAlpha", "feature_brightness", "feature_contrast", "feature_ink",
                         "feature_width", "controlRunCheck", "loraEpochs", "loraLearningRate", "loraSubset",
                         "loraSeeds", "trainableParamsLabel", "startLoraButton", "pauseLoraButton", "stopLoraButton",
                         "loraProgress", "loraLossPlot", "loraAccuracyPlot"]),
    "evalTab": ("Evaluation", ["modelSelector", "evaluateButton", "accuracyTable", "confusionMatrix",
                               "misclassifiedGallery", "brightnessErrorPlot", "deltaWView", "drawCanvas"]),
    "compareTab": ("Compare", ["sweepBaseCombo", "sweepTaskCombo", "sweepMethods", "sweepLayers", "sweepRanks",
                               "sweepVariants", "sweepLoraPlusRatio", "sweepSeeds", "sweepEpochs", "sweepSaveModels",
                               "startSweepButton", "pauseSweepButton", "stopSweepButton", "sweepProgress",
                               "paretoPlot", "forgettingPlot", "sweepLossPlot", "sweepTable", "exportSweepButton"]),
    "learnTab": ("Learn", ["explainerLayerCombo", "explainerView", "explainerAdapterCombo", "explainerDeltaW",
                           "explainerCellLabel", "lessonList", "lessonView", "lessonSetUpButton",
                           "lessonAnswerButton"]),
}


def test_every_tab_and_named_control_exists_in_order(make_window):
    window = make_window()
    assert window.objectName() == "mainWindow"
    tabs = window.findChild(QTabWidget, "mainTabs")
    assert [tabs.widget(i).objectName() for i in range(tabs.count())] == list(TABS)
    for index, (tab_name, (title, controls)) in enumerate(TABS.items()):
        assert tabs.tabText(index) == title
        tab = tabs.widget(index)
        for name in controls:
            found = tab.findChildren(QWidget, name)
            assert len(found) == 1, f"{name} should appear once in {tab_name}, found {len(found)}"


def test_the_window_shows_before_pytorch_is_ready_then_enables_its_controls(make_window, qtbot):
    window = make_window(wait_ready=False)
    assert window.statusBar().currentMessage() == "Loading PyTorch…"
    assert not window.base_tab.isEnabled() and not window.lora_tab.isEnabled()
    qtbot.waitUntil(lambda: window.state.ready, timeout=60_000)
    assert window.base_tab.isEnabled() and window.lora_tab.isEnabled() and window.eval_tab.isEnabled()
    assert window.dataset_tab.combo.isEnabled() and window.dataset_tab.download_button.isEnabled()


#: the core.config.RANGES key of every numeric spinner in the window; a new spinner must be added here
SPINNER_RANGES = {"baseEpochs": "epochs", "baseBatchSize": "batch_size", "baseLearningRate": "lr", "baseSeed": "seed",
                  "baseSubset": "limit", "loraRank": "rank", "loraAlpha": "alpha", "loraEpochs": "epochs",
                  "loraLearningRate": "lr", "loraSubset": "limit", "loraSeeds": "seeds", "sweepAlpha": "alpha",
                  "sweepLoraPlusRatio": "lora_plus_ratio", "sweepSeeds": "seeds", "sweepEpochs": "epochs",
                  "sweepSubset": "limit", "loraPlusRatio": "lora_plus_ratio", "combineRank": "rank"}
#: spinners whose top is set by what they act on, within the core's range: svd keeps at most the rank the stacked
#: layers can hold (until adapters are stacked, the spinner holds only the lowest rank)
CAPPED = {"combineRank"}


def test_every_numeric_spinner_of_every_tab_has_the_cores_range(make_window):
    """Found by walking the window, so a spinner added later without the core's range fails here."""
    from PySide6.QtWidgets import QAbstractSpinBox, QDoubleSpinBox, QSpinBox

    from lora_studio.core.config import RANGES, ConfigError, check_range
    from lora_studio.gui.shared.spinners import subset_value

    window = make_window()
    window.show_library()  # the dialogs too
    spinners = {spin.objectName(): spin for spin in window.findChildren(QAbstractSpinBox)}
    assert set(spinners) == set(SPINNER_RANGES), "every spinner needs a range from core.config.RANGES"
    for name, key in SPINNER_RANGES.items():
        spin, (low, high) = spinners[name], RANGES[key]
        whole = isinstance(spin, QSpinBox)
        assert whole or isinstance(spin, QDoubleSpinBox)
        if key == "limit":  # 0 shows "All" (the whole split); any other value is at least the core's minimum
            assert (spin.minimum(), spin.maximum(), spin.specialValueText()) == (0, high, "All")
            spin.setValue(1)
            assert subset_value(spin) == low
            continue
        if name in CAPPED:
            assert spin.minimum() == low and low <= spin.maximum() <= high, name
            continue
        assert (spin.minimum(), spin.maximum()) == (low, min(high, 2**31 - 1)), name
        for value in (spin.minimum(), spin.maximum()):  # both ends are values the core accepts
            check_range(name, int(value) if whole else value, key, whole=whole)
        spin.setValue(spin.minimum())
        assert spin.value() == low and float(spin.textFromValue(spin.value())) == low, f"{name} cannot show {low}"
        for outside in ((low - 1, high + 1) if whole else (low / 2, high * 2)):  # refused by both
            with pytest.raises(ConfigError):
                check_range(name, outside, key, whole=whole)
            if not whole or -(2**31) <= outside < 2**31:
                spin.setValue(outside)
                assert low <= spin.value() <= high, f"{name} took {outside}"


def test_settings_are_remembered_between_windows(make_window, tmp_path):
    first = make_window()
    first.base_tab.epochs.setValue(7)
    first.lora_tab.rank.setValue(4)
    first.lora_tab.layer_checks["conv2"].setChecked(True)
    first.lora_tab.feature_checks["width"].setChecked(True)
    first.tabs.setCurrentIndex(2)
    first.close()
    second = make_window()
    assert second.base_tab.epochs.value() == 7
    assert second.lora_tab.rank.value() == 4
    assert second.lora_tab.layer_checks["conv2"].isChecked()
    assert second.lora_tab.feature_checks["width"].isChecked()
    assert second.tabs.currentIndex() == 2
    assert list((tmp_path / "settings").rglob("*.ini")), "settings must go to the test's folder"


def test_about_names_versions_and_the_data_licence(make_window):
    window = make_window()
    text = window.about_text()
    assert "PyTorch 2." in text and "PySide6" in text and "CC BY-SA 3.0" in text


def test_the_window_is_built_without_pytorch_numpy_or_pyqtgraph(tmp_path):
    """What makes the window appear fast: the heavy libraries load after it is shown."""
    import os
    import subprocess
    import sys

    code = ("import sys; from lora_studio.gui.app import application; from lora_studio.gui.main_window import "
            "MainWindow; app = application(); w = MainWindow(); w.show(); app.processEvents(); "
            "print(sorted(m for m in ('torch', 'numpy', 'pyqtgraph', 'torchvision') if m in sys.modules)); "
            "w.close()")
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"))  # its settings stay in the test's folder
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_menus_offer_the_file_actions_and_shortcuts(make_window):
    window = make_window()
    menus = {menu.text().replace("&", ""): {a.text().replace("&", ""): a.shortcut().toString()
                                            for a in menu.menu().actions() if a.text()}
             for menu in window.menuBar().actions()}
    assert {"Import data…", "Open data folder", "Quit"} <= set(menus["File"])
    assert menus["File"]["Quit"] == "Ctrl+Q" and menus["Run"]["Train base model"] == "Ctrl+B"
    assert menus["Run"]["Stop"] == "Ctrl+." and menus["Models"]["Model library…"] == "Ctrl+M"
    assert "About LoRA Studio" in menus["Help"]
    window.tabs.setCurrentIndex(0)
    next(a for a in window.menuBar().actions() if a.text() == "&View").menu().actions()[3].trigger()
    assert window.tabs.currentWidget() is window.eval_tab
    assert menus["View"]["Learn"] == "Ctrl+6"
    assert menus["View"]["Compare"] == "Ctrl+5" and menus["Run"]["Run the sweep"] == "Ctrl+Shift+R"
