"""A message box's sentence starts with a capital, unless it starts with a name the user may have to type."""

from lora_studio.gui.shared.state.app_state import sentence


def test_a_plain_sentence_gets_its_capital():
    assert sentence("not enough memory: try a smaller subset") == "Not enough memory: try a smaller subset"
    assert sentence("训练已停止") == "训练已停止"
    assert sentence("") == ""


def test_a_sentence_that_starts_with_a_name_keeps_it_as_typed():
    for text in ("mnist-base-20261204-1 has no adapter on conv1", "lora-studio was not found",
                 "train-images-idx3-ubyte.gz is truncated", "./models is read-only", "fc1_lora_A is missing"):
        assert sentence(text) == text
