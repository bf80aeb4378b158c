"""A model's default name says what the run is: its method, or its LoRA variant, rank and layers; its task; its
extra inputs; its seed. Never "control" (a role beside a feature run, not what a model is), and models of
different settings never share a name."""

from lora_studio.core.config import LoraConfig
from lora_studio.core.workflows import recipes
from lora_studio.core.workflows.plans import FinetunePlan
from lora_studio.core.workflows.sweep_plan import SweepPlan


def test_a_lora_run_is_named_by_its_variant_rank_layers_task_inputs_and_seed():
    conv1 = LoraConfig(layers=("conv1",))
    assert recipes.lora_name(conv1, (), "inverted", 0) == "LoRA r=8 conv1 · inverted · seed 0"
    assert recipes.lora_name(LoraConfig(), ("brightness",), "same", 2) == "LoRA r=8 fc1+fc2 · +brightness · seed 2"
    assert recipes.lora_name(LoraConfig(rank=4, variant="rslora"), (), "rotate90", 1) == \
        "rsLoRA r=4 fc1+fc2 · rotate90 · seed 1"
    assert recipes.lora_name(LoraConfig(variant="dora"), (), "folder:/home/me/digits/", 0) == \
        "DoRA r=8 fc1+fc2 · folder digits · seed 0"
    assert recipes.method_name("head", "swap-labels", 3) == "Head only (fc2) · swap-labels · seed 3"


def test_no_run_of_any_plan_is_named_control():
    for features in ((), ("brightness",)):
        for control in (True, False):
            plan = FinetunePlan("b", LoraConfig(layers=("conv1",)), features, control, (0, 1), task="inverted")
            for phase, seed in plan.runs():
                inputs = plan.features if phase == "feature_lora" else ()
                name = recipes.lora_name(plan.lora, inputs, plan.task, seed)
                assert "control" not in name, (phase, name)
    # the feature run and its control differ by the feature run's extra inputs, and by nothing else
    assert recipes.lora_name(LoraConfig(), ("brightness",), "same", 0).replace(" · +brightness", "") == \
        recipes.lora_name(LoraConfig(), (), "same", 0)


def test_a_sweeps_settings_get_distinct_names():
    plan = SweepPlan("b", task="inverted", methods=("lora", "head", "full"), ranks=(2, 8),
                     variants=("lora", "rslora", "dora"), seeds=(0,))
    names = []
    for setting, seed in plan.runs():
        run = plan.finetune_plan(setting, seed)
        ((phase, _),) = run.runs()
        names.append(recipes.lora_name(run.lora, (), run.task, seed) if run.method == "lora"
                     else recipes.method_name(run.method, run.task, seed))
        assert phase == (run.method if run.method != "lora" else "lora")
    assert len(set(names)) == len(names) == 3 * 2 + 2


def test_a_name_is_said_in_the_language_of_the_translate_function_given():
    def shouting(context: str, text: str) -> str:  # a stand-in for QCoreApplication.translate
        return f"{context}:{text}".upper()

    name = recipes.lora_name(LoraConfig(variant="rslora"), ("brightness",), "inverted", 1, say=shouting,
                             feature_word=str.title)
    assert name == "MODELNAMES:VARIANTS:RSLORA R=8 fc1+fc2 · MODELNAMES:INVERTED · +Brightness · MODELNAMES:SEED 1"
    assert recipes.method_name("full", "same", 0, say=shouting) == \
        "METHODS:FULL FINE-TUNING · MODELNAMES:SAME · MODELNAMES:SEED 0"
    assert recipes.base_name("MNIST", 3, say=shouting) == "MODELNAMES:BASE · MNIST · SEED 3"
