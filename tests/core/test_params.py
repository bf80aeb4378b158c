"""The parameter counts the window shows before training are those of the models training builds."""

from lora_studio.core.config import LoraConfig, ModelConfig
from lora_studio.core.model import lora, params
from lora_studio.core.model.cnn import MnistCNN
from lora_studio.core.model.param_report import count_trainable


def test_parameter_arithmetic_matches_real_models():
    for layers, variant in ((("fc1", "fc2"), "lora"), (("conv1", "conv2", "fc1", "fc2"), "dora"), (("conv2",), "lora")):
        for rank, feature_dim in ((8, 1), (1, 0), (64, 3)):
            config = ModelConfig(feature_dim=feature_dim)
            model = MnistCNN(config)
            lora.apply_lora(model, LoraConfig(rank=rank, layers=layers, variant=variant))
            if feature_dim:
                lora.train_feature_columns(model)
            budget = params.lora_budget(config, LoraConfig(rank=rank, layers=layers, variant=variant))
            assert budget.trainable == count_trainable(model)
            assert budget.total == sum(p.numel() for p in model.parameters())
    assert params.lora_budget(ModelConfig(feature_dim=1), LoraConfig()).sentence() == \
        "Trainable 7,448 of 59,586 parameters (12.5 %)"
