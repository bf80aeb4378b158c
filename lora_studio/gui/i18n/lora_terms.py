"""What the Compare tab says to a learner: what rank, rsLoRA, DoRA, LoRA+ and the other choices of a sweep mean.

Marked for translation here (context "CompareTab") and translated where they are shown (`tip`). The variants'
and statuses' titles are the core's (core/vocabulary.py; words.py translates them).
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from lora_studio.gui.i18n.words import variant_description

CONTEXT = "CompareTab"
TIPS = {
    "rank": QT_TRANSLATE_NOOP(
        "CompareTab", "Rank r: the inner size of LoRA's update ΔW = (α/r)·B·A. A has r rows and B has r columns, "
        "so an adapter's parameters grow in proportion to r, and a small r forces a simple update. Tick several: "
        "the plot shows where a larger rank stops paying for its parameters."),
    "lora": QT_TRANSLATE_NOOP(
        "CompareTab", "LoRA: the frozen weight plus a low-rank update (α/r)·B·A; only A and B are trained."),
    "rslora": QT_TRANSLATE_NOOP(
        "CompareTab", "rsLoRA (rank-stabilised LoRA): the update is scaled by α/√r instead of α/r, so it does "
        "not shrink as the rank grows: large ranks learn about as fast as small ones. Same parameters as LoRA."),
    "dora": QT_TRANSLATE_NOOP(
        "CompareTab", "DoRA (weight-decomposed LoRA): each output's weights are split into a length and a "
        "direction; LoRA turns the direction and a learned magnitude per output sets the length. One extra "
        "parameter per output; it often does better than LoRA at small ranks."),
    "alpha": QT_TRANSLATE_NOOP(
        "CompareTab", "Alpha α, the same for every rank: LoRA scales its update by α/r (rsLoRA by α/√r), so a "
        "larger rank gets a smaller scale."),
    "lora_plus": QT_TRANSLATE_NOOP(
        "CompareTab", "LoRA+: B learns this many times faster than A (A at the usual learning rate). 1 turns it "
        "off; the LoRA+ paper uses 16. It adds no parameters, only speed, which counts in short runs."),
    "layers": QT_TRANSLATE_NOOP(
        "CompareTab", "The layers LoRA adapts in every LoRA run. conv1 reads pixels (few parameters); fc1 and "
        "fc2 see the whole image (many more)."),
    "methods": QT_TRANSLATE_NOOP(
        "CompareTab", "Which ways of fine-tuning to compare; hover over one to read what it trains. Each LoRA "
        "rank and variant is one setting; the head, full fine-tuning and from scratch are one setting each."),
    "seeds": QT_TRANSLATE_NOOP(
        "CompareTab", "Run every setting with seeds 0, 1, …: with two or more, each marker gets a bar for its "
        "95 % interval, so a difference smaller than the training noise shows as such."),
    "epochs": QT_TRANSLATE_NOOP("CompareTab", "Passes over the training set in every run."),
    "subset": QT_TRANSLATE_NOOP("CompareTab", "Use only the first N training images of the target task"),
    "save": QT_TRANSLATE_NOOP(
        "CompareTab", "Also keep every run's model in the model library (off by default: a sweep would flood it). "
        "Only a kept model can be opened in the Evaluation tab; the results are in the study either way."),
}
LAYER_TIPS = {
    "conv1": QT_TRANSLATE_NOOP("CompareTab", "First convolution (1→8 channels): reads the pixels"),
    "conv2": QT_TRANSLATE_NOOP("CompareTab", "Second convolution (8→16 channels)"),
    "fc1": QT_TRANSLATE_NOOP("CompareTab", "First fully connected layer (784 → 64)"),
    "fc2": QT_TRANSLATE_NOOP("CompareTab", "Output layer (64 → 10 classes)"),
}


def tip(key: str) -> str:
    return QCoreApplication.translate(CONTEXT, TIPS[key])


def variant_tip(name: str) -> str:
    """What a LoRA variant does, for its item in a list (the LoRA tab's, the Compare tab's): the tip written here
    for the built-in ones, the registry's description for a variant registered later."""
    return tip(name) if name in TIPS else variant_description(name)


def layer_tip(name: str) -> str:
    return QCoreApplication.translate(CONTEXT, LAYER_TIPS[name])

