"""What a lesson's "Set it up" puts into the other tabs' controls (the Learn tab makes one, the window hands it
to each tab's `apply_setup`: a tab never reaches another)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class SweepSetup:
    """The Compare tab's controls for a lesson's sweep."""

    methods: tuple[str, ...] = ("lora", "head")
    layers: tuple[str, ...] = ("fc1", "fc2")
    ranks: tuple[int, ...] = (1, 2, 4, 8)
    variants: tuple[str, ...] = ("lora",)
    seeds: int = 1  # seeds 0, 1, … (the Compare tab's sweepSeeds)
    epochs: int = 1
    subset: int | None = None  # the first N training images; None: all of them


@dataclass(frozen=True)
class StackSetup:
    """The Evaluation tab's adapter stack for a lesson: a base, its LoRA adapters by id with their weights (−1 … 2,
    in the stack's order) and the task the stack is scored on (None: the adapters' tasks together, as
    workflows/combine.py combined_task makes it: conv1 on inverted and fc2 on swap-labels give
    inverted+swap-labels)."""

    base_id: str
    adapters: tuple[tuple[str, float], ...]
    task: str | None = None


@dataclass(frozen=True)
class Setup:
    """What "Set it up" puts into the controls. `tab` is the objectName of the tab shown afterwards."""

    tab: str = "loraTab"
    dataset: str = "mnist"
    base_epochs: int = 3  # for the base the person trains when there is none on `dataset` yet
    task: str = "same"
    method: str = "lora"
    layers: tuple[str, ...] = ("fc1", "fc2")
    rank: int = 8
    alpha: float = 16.0
    variant: str = "lora"
    lora_plus_ratio: float = 1.0
    features: tuple[str, ...] = ("brightness",)
    control: bool = True
    seeds: int = 1  # seeds 0, 1, … (the LoRA tab's loraSeeds)
    epochs: int = 2
    subset: int | None = None
    learning_rate: float = 1e-3
    sweep: SweepSetup | None = None  # a sweep on the Compare tab instead of a run on the LoRA tab
    stack: StackSetup | None = None  # the Evaluation tab's adapter stack (EvaluationTab.apply_setup)
