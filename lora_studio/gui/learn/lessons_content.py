"""The lessons of the Learn tab, in the order the list shows them.

Each expectation is what a run with the lesson's own settings gave on the real MNIST, on two CPU cores
(docs: ../shared/design/FIELD-NOTES.md and the measurements of issue 14); runs vary a little with the seed
and the base, so the texts say "about". Epochs, seeds and sweep sizes are chosen so that every lesson's runs
take a few minutes at most on such a machine. The last two lessons stack two adapters each: three seeds a run,
so that their answers have a 95 % interval over seeds, one epoch each as in the measurements.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

from lora_studio.gui.learn import lessons_runs
from lora_studio.gui.learn.lessons import Lesson, Setup, SweepSetup
from lora_studio.gui.learn.stack_lessons import Part, StackLesson

#: lesson 8: adapters on different layers, for different changes, stacked on a task none of them saw
MODULES = StackLesson("composition", (Part(("conv1",), "inverted"), Part(("fc2",), "swap-labels")),
                      scored_on=("inverted+swap-labels",), stacked=((1.0, 1.0),))
#: lesson 9: two adapters on the same layers, summed and averaged, on each one's own task
SAME_LAYERS = StackLesson("interference", (Part(("fc1", "fc2"), "inverted"), Part(("fc1", "fc2"), "rotate90")),
                          scored_on=("inverted", "rotate90"), stacked=((1.0, 1.0), (0.5, 0.5)), with_base=False)

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
    Lesson(
        "modules",
        QT_TRANSLATE_NOOP("lessons", "8. Adapters are modules"),
        QT_TRANSLATE_NOOP(
            "lessons", "Train one adapter on conv1 for inverted digits and another on fc2 for swapped labels, both "
            "from the same base. Applied together, with no further training, can they read inverted digits and "
            "answer with swapped labels, a task neither of them saw?"),
        QT_TRANSLATE_NOOP(
            "lessons", "Set it up goes in three steps: the conv1 run, then the fc2 run (click Fine-tune with LoRA "
            "each time, then Set it up again), then the Evaluation tab's Adapter stack holding both at 100 %, "
            "scored on inverted digits with swapped labels. Compare the stack with the base and with each adapter "
            "alone; drag one slider to 0 % to take that module out."),
        (QT_TRANSLATE_NOOP(
            "lessons", "An adapter changes only the layers it sits on: W + (α/r)·B·A there, the base's weights "
            "everywhere else. conv1 reads pixel values, and its adapter learned to read dark strokes on white as "
            "the base reads white on black. fc2 turns the last features into the ten answers, and its adapter "
            "learned to give each digit another's label."),
         QT_TRANSLATE_NOOP(
            "lessons", "Stacked, each ΔW goes to its own weight: conv1 repairs the input, fc2 swaps the answer, and "
            "the layers between work as before. Together they solve a task neither was trained on, while each alone "
            "fails it: the conv1 adapter reads the digits but names them as the base did, the fc2 adapter swaps "
            "the labels of digits it cannot read. Adapters on different layers, for different changes, compose "
            "like modules; the next lesson shows what happens when they share layers.")),
        QT_TRANSLATE_NOOP(
            "lessons", "What to expect (MNIST, one epoch per adapter, three seeds): on inverted digits with "
            "swapped labels the base gets about 7 % right, the conv1 adapter alone about 4 %, the fc2 adapter alone "
            "about 19 %, and both together about 74 % (64 to 84 % over the seeds), with no training on that task. "
            "The conv1 runs are the slow step: every step re-runs the convolutions."),
        MODULES.run_setup(MODULES.parts[0]), stack=MODULES),
    Lesson(
        "interfere",
        QT_TRANSLATE_NOOP("lessons", "9. Adapters on the same layers interfere"),
        QT_TRANSLATE_NOOP(
            "lessons", "Two adapters on fc1 and fc2 from the same base, one trained on inverted digits, the other "
            "on rotated ones: each is good at its own task. Stacked, does the model do both?"),
        QT_TRANSLATE_NOOP(
            "lessons", "Set it up goes in three steps: the inverted run, the rotated run (Fine-tune with LoRA, then "
            "Set it up again each time), then the Adapter stack with both at 100 %, scored on inverted digits. The "
            "stack's table marks fc1 and fc2: both adapters change them. Compare the stack with each adapter "
            "alone, switch Scored on to rotated digits, then drag both sliders to 50 % to average the two."),
        (QT_TRANSLATE_NOOP(
            "lessons", "Both adapters change the same two weights, and low-rank updates of one weight add like any "
            "matrices: summed, fc1 gets both changes at once, and each adapter's change disturbs what the other "
            "one's fc2 expects, so each task loses much of what its own adapter reached. Averaging halves each "
            "change: less disturbance, but at half strength neither adapter does its own task."),
         QT_TRANSLATE_NOOP(
            "lessons", "Adapters on different layers, for different changes, compose (the previous lesson); adapters "
            "on the same layers do not simply add. To serve both tasks, keep one adapter per task and swap them, "
            "or train one adapter on both.")),
        QT_TRANSLATE_NOOP(
            "lessons", "What to expect (MNIST, one epoch per adapter, three seeds): each adapter alone about 94 to "
            "96 % on its own task; summed, about 22 % on inverted digits and 78 % on rotated ones; averaged, 24 to "
            "43 % on inverted digits depending on the seed and about 71 % on rotated ones. Each run takes a few "
            "seconds."),
        SAME_LAYERS.run_setup(SAME_LAYERS.parts[0]), stack=SAME_LAYERS),
)
