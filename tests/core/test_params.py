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


def test_the_budget_of_each_method_counts_what_its_model_trains():
    """head: fc2 alone trainable (as recipes freezes the rest); full and scratch: every weight; lora: lora_budget."""
    config = ModelConfig()
    model = MnistCNN(config)
    total = sum(p.numel() for p in model.parameters())
    for parameter_name, parameter in model.named_parameters():
        parameter.requires_grad_(parameter_name.startswith("fc2."))
    assert params.method_budget("head", config) == params.Budget(count_trainable(model), total) == \
        params.Budget(650, total)
    for method in ("full", "scratch"):
        assert params.method_budget(method, config) == params.Budget(total, total)
    adapters = LoraConfig(rank=4, layers=("conv1",), variant="rslora")
    assert params.method_budget("lora", config, adapters) == params.lora_budget(config, adapters)
    assert params.method_budget("lora", ModelConfig(feature_dim=1)) == params.lora_budget(ModelConfig(feature_dim=1),
                                                                                            LoraConfig())
