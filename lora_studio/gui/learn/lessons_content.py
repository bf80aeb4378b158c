"""The lessons of the Learn tab, in the order the list shows them.

Each expectation is what a run with the lesson's own settings gave on the real MNIST, on two CPU cores
(docs: ../shared/design/FIELD-NOTES.md and the measurements of issue 14); runs vary a little with the seed
and the base, so the texts say "about". Epochs, seeds and sweep sizes are chosen so that every lesson's runs
take a few minutes at most on such a machine.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

from lora_studio.gui.learn import lessons_runs
from lora_studio.gui.learn.lessons import Lesson, Setup, SweepSetup

ARTICLE = Setup(tab="loraTab", task="same", layers=("fc1", "fc2"), rank=8, alpha=16.0, features=("brightness",),
                control=True, seeds=1, epochs=2)

LESSONS: tuple[Lesson, ...] = (
    Lesson(
        "article",
        QT_TRANSLATE_NOOP("lessons", "1. Reproduce the article"),
        QT_TRANSLATE_NOOP(
            "lessons", "The article trains a small CNN on MNIST, then adds the image's brightness as an extra input "
            "to fc1 and fine-tunes low-rank adapters on fc1 and fc2 for two epochs. It reports that the model "
            "\"improves slightly\". Does it, and what is trained?"),
        QT_TRANSLATE_NOOP(
            "lessons", "Click Fine-tune with LoRA. Watch the trainable-parameters line before you start, then the "
            "test accuracy of feature + LoRA and of its control against the base model's, in the plots and in the "
            "Evaluation tab."),
        (QT_TRANSLATE_NOOP(
            "lessons", "Only the adapters A and B on fc1 and fc2 and fc1's new column for brightness are trained: "
            "7,448 of 59,586 parameters, about one in eight. The base's own weights stay frozen and B starts "
            "at zero, so the adapters change nothing at first; only the new brightness column, which starts "
            "random as in the article, moves the outputs from the first step."),
         QT_TRANSLATE_NOOP(
            "lessons", "The base is already at about 98.7 % after 3 epochs, so there is little left to gain: both "
            "LoRA runs end a tenth of a point or so above it. The control, the same LoRA without brightness, "
            "gains as much: the small improvement comes from two more epochs of training, not from the new "
            "input. The next lesson measures that properly."),
         QT_TRANSLATE_NOOP(
            "lessons", "Two slips of the article are put right here: fc1 has 16·7·7 = 784 image inputs (not 1568), "
            "and the brightness column is trained on its own, although the article's code freezes all of fc1.")),
        QT_TRANSLATE_NOOP(
            "lessons", "What to expect: the base about 98.7 %, feature + LoRA and the control both about 98.8 %, "
            "within a few hundredths of a point of each other. Each LoRA run takes a few seconds."),
        ARTICLE, lessons_runs.article),
    Lesson(
        "brightness",
        QT_TRANSLATE_NOOP("lessons", "2. Does brightness help?"),
        QT_TRANSLATE_NOOP(
            "lessons", "Feature + LoRA scored a little differently from its control. Is that the brightness input, "
            "or chance? How would you tell?"),
        QT_TRANSLATE_NOOP(
            "lessons", "Five seeds of feature + LoRA and five of the control, each pair differing only in the "
            "extra input. Click Fine-tune with LoRA, then evaluate the ten models in the Evaluation tab: the table "
            "gives the feature's effect with its 95 % interval over the seeds."),
        (QT_TRANSLATE_NOOP(
            "lessons", "One run of each says little: two runs with different seeds differ by a few hundredths of a "
            "point anyway. With several seeds, the differences feature minus control have a mean and a 95 % "
            "interval; only when the whole interval is above zero does the feature help."),
         QT_TRANSLATE_NOOP(
            "lessons", "Brightness is the mean of the pixels, and the convolutions already see every pixel: the "
            "model has the information before it gets the new input, so there is nothing for it to add.")),
        QT_TRANSLATE_NOOP(
            "lessons", "What to expect: no clear effect. Over five seeds on MNIST, feature minus control came to "
            "−0.02 points with a 95 % interval of −0.05 to +0.01: it holds zero. The ten runs take under a minute."),
        Setup(tab="loraTab", seeds=5, epochs=2, features=("brightness",), control=True), lessons_runs.feature_effect),
    Lesson(
        "inverted",
        QT_TRANSLATE_NOOP("lessons", "3. Inverted digits: which layer to adapt?"),
        QT_TRANSLATE_NOOP(
            "lessons", "Make the digits dark on a white background: the base, trained on white on black, fails. "
            "Which layer should the adapter go on — and how few parameters are enough?"),
        QT_TRANSLATE_NOOP(
            "lessons", "First run: LoRA on conv1 alone (136 parameters). Then untick conv1, tick fc1 and fc2, and run "
            "again (7,376 parameters). Compare the test accuracy on the inverted digits with the number of "
            "trainable parameters."),
        (QT_TRANSLATE_NOOP(
            "lessons", "Inverting changes the pixel values, not where the strokes are. conv1 is the layer that "
            "reads pixel values: its eight 3×3 filters can learn to answer dark strokes on white as they answered "
            "white strokes on black, and everything after conv1 then works as before."),
         QT_TRANSLATE_NOOP(
            "lessons", "Adapting fc1 and fc2 works too, a little better, but with fifty times the parameters: it "
            "has to rebuild from conv features that no longer look like the ones it was trained on.")),
        QT_TRANSLATE_NOOP(
            "lessons", "What to expect: the base as it is gets only about one inverted digit in five right (18–21 "
            "%). After two epochs, LoRA on conv1 reaches about 90 % and LoRA on fc1+fc2 about 96 %. Adapting "
            "conv1 takes longer (every step re-runs the convolutions); fc1+fc2 a few seconds."),
        Setup(tab="loraTab", task="inverted", layers=("conv1",), features=(), control=False, epochs=2),
        lessons_runs.task_runs("inverted")),
    Lesson(
        "rotate90",
        QT_TRANSLATE_NOOP("lessons", "4. Rotated digits: why does conv1 alone fail?"),
        QT_TRANSLATE_NOOP(
            "lessons", "Turn every digit a quarter turn. conv1 rescued the inverted digits with 136 parameters. "
            "Can it rescue rotated ones?"),
        QT_TRANSLATE_NOOP(
            "lessons", "Run LoRA on conv1 alone, then on fc1 and fc2 instead, and compare the test accuracy on the "
            "rotated digits."),
        (QT_TRANSLATE_NOOP(
            "lessons", "conv1's filters see 3×3 pixels at a time. A rotation moves every stroke to another place in "
            "the image; whatever conv1 learns to see in a small patch, what it sees still arrives at the rotated "
            "place. fc1 reads the conv features position by position, so it is fc1 that must learn where things "
            "now are — and no change to conv1 can move them back."),
         QT_TRANSLATE_NOOP(
            "lessons", "fc1 sees all 784 conv features at once: a low-rank change to it can re-map positions, and "
            "fc1+fc2 recover almost all of the accuracy. Which layer to adapt depends on what changed between the "
            "tasks.")),
        QT_TRANSLATE_NOOP(
            "lessons", "What to expect: the base as it is gets under 20 % of rotated digits right. After one "
            "epoch, LoRA on conv1 stays around 20 % (about 30 % after two), LoRA on fc1+fc2 reaches about 95 %. "
            "One epoch is enough to see it: adapting conv1 is the slow run here, as every step re-runs the "
            "convolutions."),
        # one epoch: conv1's runs re-run every convolution, and a second epoch changes nothing of the lesson
        Setup(tab="loraTab", task="rotate90", layers=("conv1",), features=(), control=False, epochs=1),
        lessons_runs.task_runs("rotate90")),
    Lesson(
        "rank",
        QT_TRANSLATE_NOOP("lessons", "5. How low can the rank go?"),
        QT_TRANSLATE_NOOP(
            "lessons", "The rank r sets how many parameters an adapter has. On the rotated digits, how small can r "
            "be before accuracy suffers, and how does LoRA compare with training the head alone?"),
        QT_TRANSLATE_NOOP(
            "lessons", "Click Start sweep: LoRA on fc1+fc2 at ranks 1 to 64 and the head (fc2 alone), two seeds "
            "each, one epoch. Read the plot of accuracy against trainable parameters (a log scale) and the table."),
        (QT_TRANSLATE_NOOP(
            "lessons", "Each doubling of r doubles the adapters' parameters, but accuracy climbs steeply only for "
            "the first few ranks and then levels off: the change the task needs is itself of low rank. That is "
            "LoRA's bet."),
         QT_TRANSLATE_NOOP(
            "lessons", "Points that no other point beats with fewer parameters form the Pareto front; a rank past "
            "the knee of the curve buys little. The head alone is cheaper still but cannot re-map positions.")),
        QT_TRANSLATE_NOOP(
            "lessons", "What to expect, after one epoch on the rotated digits: r = 1 anywhere from about 60 to 76 % "
            "depending on the seed, r = 2 about 89 %, r = 4 about 94 %, r = 8 about 96 %, and r = 16, 32 or 64 no "
            "better than about 96 %, with up to eight times the parameters. The head alone (650 parameters) about "
            "88 %."),
        Setup(tab="compareTab", task="rotate90", sweep=SweepSetup(
            methods=("lora", "head"), layers=("fc1", "fc2"), ranks=(1, 2, 4, 8, 16, 32, 64), variants=("lora",),
            seeds=2, epochs=1)),
        lessons_runs.rank_sweep),
    Lesson(
        "forgetting",
        QT_TRANSLATE_NOOP("lessons", "6. Forgetting, and the adapter's strength"),
        QT_TRANSLATE_NOOP(
            "lessons", "After learning rotated digits, how well does the model still read upright ones? And since "
            "the base is still in there, can you get it back?"),
        QT_TRANSLATE_NOOP(
            "lessons", "Run it, then open the Evaluation tab, tick the new model and Evaluate: the table shows "
            "target and source accuracy and the forgetting. Inspect the model and drag the adapter strength "
            "slider from 100 % down to 0 %: the plot beside it shows both accuracies at every strength."),
        (QT_TRANSLATE_NOOP(
            "lessons", "The adapters change fc1 and fc2 for everything they see, upright digits too: the better "
            "the model reads rotated digits, the worse it reads upright ones. The same fc1 cannot place the "
            "strokes of both at once."),
         QT_TRANSLATE_NOOP(
            "lessons", "The strength scales the update: W + s·(α/r)·B·A. At 0 % the model is exactly the base again, "
            "upright digits back at the base's accuracy; between 0 and 100 % you trade one task for the other. "
            "Because LoRA keeps the base apart, you can also keep one adapter per task and swap them.")),
        QT_TRANSLATE_NOOP(
            "lessons", "What to expect: about 97 % on the rotated digits after two epochs, while upright digits fall "
            "from about 98.7 % to under 30 %: forgetting of about 70 points. (On inverted digits, far less is "
            "forgotten: upright accuracy stays near 87 %.)"),
        Setup(tab="loraTab", task="rotate90", layers=("fc1", "fc2"), features=(), control=False, epochs=2),
        lessons_runs.forgetting),
    Lesson(
        "merge",
        QT_TRANSLATE_NOOP("lessons", "7. Merge and export"),
        QT_TRANSLATE_NOOP(
            "lessons", "A LoRA model carries its adapters beside the frozen weights. To ship it, can you fold them "
            "in, and does the model change?"),
        QT_TRANSLATE_NOOP(
            "lessons", "Run it, then in the Evaluation tab inspect the model and click Export merged… (or use "
            "Models → Model library → Export merged weights). The message says how far the merged model's "
            "outputs are from the unmerged one's."),
        (QT_TRANSLATE_NOOP(
            "lessons", "Merging computes W' = W + (α/r)·B·A once and stores W' instead of W, A and B: the result is "
            "the plain CNN with the same number of weights as before fine-tuning (plus brightness's column), and "
            "answers like the unmerged model up to rounding: the export measures the largest difference between their "
            "outputs on the test set and reports it."),
         QT_TRANSLATE_NOOP(
            "lessons", "What merging gives up is the separation: a merged model has no adapter strength to turn "
            "down and no adapter to swap. Keep the adapter files (saved as PEFT saves them) to have both.")),
        QT_TRANSLATE_NOOP(
            "lessons", "What to expect: 59,586 parameters with the adapters, of which 7,448 trained; merged, a "
            "plain CNN of 52,202 parameters, the 7,384 adapter numbers folded in."),
        Setup(tab="loraTab", features=("brightness",), control=False, epochs=2), lessons_runs.merged),
)
