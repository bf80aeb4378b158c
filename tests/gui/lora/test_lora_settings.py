"""The LoRA tab's parameter table and trainableParamsLabel follow every setting, as core.params counts."""

from lora_studio.core.config import LoraConfig, ModelConfig
from lora_studio.core.model.params import lora_budget


def test_the_default_is_the_articles_budget(make_window):
    tab = make_window().lora_tab
    assert tab.layers() == ("fc1", "fc2") and tab.rank.value() == 8 and tab.features() == ("brightness",)
    assert tab.budget_label.text() == "Trainable 7,448 of 59,586 parameters (12.5 %)"
    assert tab.scale_label.text().startswith("α/r = 2 ")


def test_the_trainable_count_follows_the_layer_checkboxes_rank_and_features(make_window):
    tab = make_window().lora_tab
    tab.layer_checks["fc2"].setChecked(False)
    assert tab.budget_label.text() == lora_budget(ModelConfig(feature_dim=1), LoraConfig(layers=("fc1",))).sentence()
    tab.layer_checks["conv1"].setChecked(True)
    tab.rank.setValue(2)
    expected = lora_budget(ModelConfig(feature_dim=1), LoraConfig(rank=2, layers=("conv1", "fc1")))
    assert tab.budget_label.text() == expected.sentence()
    assert tab.layer_labels["conv1"][2].text() == "34"  # A: 2·(1·3·3) = 18, B: 8·2 = 16
    assert tab.layer_labels["fc2"][2].text() == "(148)" and not tab.layer_labels["fc2"][2].isEnabled()
    tab.feature_checks["brightness"].setChecked(False)
    tab.feature_checks["ink"].setChecked(True)
    tab.feature_checks["width"].setChecked(True)
    expected = lora_budget(ModelConfig(feature_dim=2), LoraConfig(rank=2, layers=("conv1", "fc1")))
    assert tab.budget_label.text() == expected.sentence()
    assert tab.layer_labels["fc1"][0].text() == "Linear 786→64"
    assert tab.layer_labels["fc1"][1].text() == f"{786 * 64 + 64 - 128:,}"  # the new columns are not frozen


def test_no_layer_chosen_is_said_and_refused(make_window):
    window = make_window()
    tab = window.lora_tab
    for check in tab.layer_checks.values():
        check.setChecked(False)
    assert tab.budget_label.text() == "Choose at least one layer for LoRA"
    tab.base_combo.addItem("a base", "base-x")  # as if one were saved: the settings are checked first
    tab.base_combo.setCurrentIndex(0)
    tab.start()
    assert window.messages[-1][1] == "Check the settings"
    assert window.state.runner.job is None


def test_alpha_changes_the_scale_not_the_count(make_window):
    tab = make_window().lora_tab
    before = tab.budget_label.text()
    tab.alpha.setValue(32)
    assert tab.scale_label.text().startswith("α/r = 4 ")
    assert tab.budget_label.text() == before


def test_the_variant_and_lora_plus_ratio_reach_the_plan_and_the_counts(make_window):
    tab = make_window().lora_tab
    combo = tab.variant_combo
    assert combo.objectName() == "loraVariantCombo" and tab.lora_plus.objectName() == "loraPlusRatio"
    assert [combo.itemData(i) for i in range(combo.count())] == ["lora", "rslora", "dora"]
    tab.rank.setValue(16)
    combo.setCurrentIndex(combo.findData("rslora"))
    assert tab.scale_label.text().startswith("α/√r = 4 ")  # 16 / √16
    combo.setCurrentIndex(combo.findData("dora"))
    expected = lora_budget(ModelConfig(feature_dim=1), LoraConfig(rank=16, variant="dora"))
    assert tab.budget_label.text() == expected.sentence()
    assert tab.layer_labels["fc2"][2].text() == f"{16 * 64 + 10 * 16 + 10:,}"  # A, B and DoRA's 10 magnitudes
    tab.lora_plus.setValue(16.0)
    config = tab.lora_config()
    assert (config.variant, config.lora_plus_ratio, config.scale) == ("dora", 16.0, 1.0)


def test_a_control_is_offered_only_beside_a_run_with_extra_inputs(make_window):
    """Without extra inputs the run is plain LoRA: a control of it would be the same run again."""
    tab = make_window().lora_tab
    assert tab.control_check.isChecked() and tab.control_check.isEnabled() and tab.plan().control
    tab.feature_checks["brightness"].setChecked(False)
    assert not tab.control_check.isEnabled() and tab.control_check.isChecked()  # the tick is kept for later
    assert not tab.plan().control and "--no-control" in tab.command_now().line()
    tab.feature_checks["ink"].setChecked(True)
    assert tab.control_check.isEnabled() and tab.plan().control
    tab.method_combo.setCurrentIndex(tab.method_combo.findData("head"))
    assert not tab.control_check.isEnabled() and not tab.plan().control
