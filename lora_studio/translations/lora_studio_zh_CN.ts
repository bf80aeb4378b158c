<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccuracyPlot</name>
    <message>
        <location filename="../gui/plots.py" line="+190"/>
        <source>Accuracy per epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accuracy (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accuracy appears after the first epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{0} · train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} · test</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccuracyTable</name>
    <message>
        <location filename="../gui/widgets/accuracy_table.py" line="+19"/>
        <source>base</source>
        <extracomment>as the table and the Evaluation tab&apos;s model list name the kinds (`kind_title` translates)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>feature+LoRA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>control (LoRA only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>head only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>full fine-tuning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from scratch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Model</source>
        <extracomment>the columns&apos; names are their keys (`column`) and, but for those in HEADERS, their headers</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Target accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Trained parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Δ vs base (points)</source>
        <extracomment>the header of a column whose cells are in percentage points (the name stays the column&apos;s key)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forgetting (points)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The target task the model was trained for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On the whole test split of the model&apos;s target task (for the base: its own data set). For a mean over seeds, ± is the half-width of the 95 % interval over the seeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Target accuracy minus that of the base it was fine-tuned from, on the same task: what the fine-tuning gained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On the test split of the source task, the base&apos;s own data set: what is left of the original skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Base source accuracy minus this model&apos;s source accuracy: how much of its original task the model lost by adapting (+ means it got worse there). Empty when the base is not in the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Parameters the run trained, of all the model&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The whole training step: building, feature statistics, caching and training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The base model as it is, on this target task: the reference the fine-tuned models are measured against</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The mean over the seeds above; ± is the half-width of its 95 % t interval over the seeds</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppState</name>
    <message>
        <location filename="../gui/state.py" line="+46"/>
        <source>{0} (unreadable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{0} ep, batch {1}, lr {2}, seed {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no feature (control)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}; {1} images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} is still running. Wait for it to end, or stop it, before starting {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+77"/>
        <source>{0} diverged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>PyTorch could not be loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LoRA Studio needs PyTorch to train: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bundled data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>{0} will be loaded when {1} ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} is not here yet: download it or import a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The model library cannot be read: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BaseTab</name>
    <message>
        <location filename="../gui/tabs/base.py" line="+24"/>
        <source>Passes over the training set (the article: 3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Images per optimiser step (the article: 64)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Adam&apos;s learning rate (the article: 0.001). Too high and training diverges.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Random seed: the same seed and settings give the same model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use only the first N training images, for a quick run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base CNN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trains the article&apos;s small CNN (two convolutions, fc1 784→64, fc2 64→10; 52,138 parameters) from scratch on the chosen data set. The result is saved in the model library automatically and becomes the starting point of the LoRA tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Train base model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No data yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download or import a data set in the Dataset tab before training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check the settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{0} learned nothing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BrightnessErrorPlot</name>
    <message>
        <location filename="../gui/widgets/brightness_plot.py" line="+25"/>
        <source>Error rate by brightness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>brightness (mean pixel value; each point: a tenth of the test images)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>error rate (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Brightness of the errors against all test images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>brightness (mean pixel value)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>share of the images (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>all test images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evaluate models to see whether dark or bright digits are the hard ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+42"/>
        <source>all {0} test images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the {0} errors of {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareTab</name>
    <message>
        <location filename="../gui/sweep_texts.py" line="+11"/>
        <source>Rank r: the inner size of LoRA&apos;s update ΔW = (α/r)·B·A. A has r rows and B has r columns, so an adapter&apos;s parameters grow in proportion to r, and a small r forces a simple update. Tick several: the plot shows where a larger rank stops paying for its parameters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>LoRA: the frozen weight plus a low-rank update (α/r)·B·A; only A and B are trained.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rsLoRA (rank-stabilised LoRA): the update is scaled by α/√r instead of α/r, so it does not shrink as the rank grows: large ranks learn about as fast as small ones. Same parameters as LoRA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DoRA (weight-decomposed LoRA): each output&apos;s weights are split into a length and a direction; LoRA turns the direction and a learned magnitude per output sets the length. One extra parameter per output; it often does better than LoRA at small ranks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Alpha α, the same for every rank: LoRA scales its update by α/r (rsLoRA by α/√r), so a larger rank gets a smaller scale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>LoRA+: B learns this many times faster than A (A at the usual learning rate). 1 turns it off; the LoRA+ paper uses 16. It adds no parameters, only speed, which counts in short runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The layers LoRA adapts in every LoRA run. conv1 reads pixels (few parameters); fc1 and fc2 see the whole image (many more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Which ways of fine-tuning to compare; hover over one to read what it trains. Each LoRA rank and variant is one setting; the head, full fine-tuning and from scratch are one setting each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run every setting with seeds 0, 1, …: with two or more, each marker gets a bar for its 95 % interval, so a difference smaller than the training noise shows as such.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Passes over the training set in every run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use only the first N training images of the target task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also keep every run&apos;s model in the model library (off by default: a sweep would flood it). Only a kept model can be opened in the Evaluation tab; the results are in the study either way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>First convolution (1→8 channels): reads the pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Second convolution (8→16 channels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First fully connected layer (784 → 64)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output layer (64 → 10 classes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>running</source>
        <extracomment>a study&apos;s status (core `workflows.sweep.Study.status`)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>diverged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/tabs/compare.py" line="+79"/>
        <source>The trained base model every run starts from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train a base model first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Keep every run&apos;s model in the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What Start will run, counted before anything is trained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run every setting for every seed, one after another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+269"/>
        <location line="+18"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-285"/>
        <source>Pause after the current batch; click again to resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop after the current batch: the runs that finished are kept in the study, the one running is dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open study…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show a sweep run before (every sweep is saved as a study)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the table as CSV: one line per run, in the table&apos;s order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <source>What to compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Base model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Methods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LoRA settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ranks r</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Variants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alpha α</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LoRA+ ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+55"/>
        <source>{0:,} training images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>all training images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;{0} runs&lt;/b&gt;: {1} setting(s) × {2} seed(s), {3} epoch(s) each on {4}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0:,} trainable parameters each, of {1:,} in the CNN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From {0:,} to {1:,} trainable parameters a run, of {2:,} in the CNN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No base model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train a base model in the Base training tab first: every run of a sweep starts from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check the settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The study cannot be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Study {0} · {1} runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Run a sweep or open a study first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Could not write {0}: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wrote {0} runs to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Export the sweep as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No saved studies yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Finished · {0}/{1} runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stopped · {0}/{1} runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diverged · {0}/{1} runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Failed · {0}/{1} runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paused · %p %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Run {0}/{1} · %p % · ETA {2}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfusionPanel</name>
    <message>
        <location filename="../gui/widgets/confusion_panel.py" line="+26"/>
        <source>Counts of the inspected model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Difference: inspected − compared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counts: how many test images of each true class (row) got each predicted class (column). Difference: how those counts changed from the compared model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confusion matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>predicted class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>true class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Click a cell to see its images in the gallery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluate models to see which digits are mistaken for which</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Red: the inspected model puts more images in that cell, blue: fewer. Each row sums to zero: what leaves one cell lands in another. On the diagonal, red means more digits right. Click a cell to see the images that moved in or out of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} · colour on a log scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} ({1} % wrong)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} errors of {1}. Hardest classes: {2}. Click a cell to see its images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} errors of {1}. No mistakes. Click a cell to see its images.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatasetTab</name>
    <message>
        <location filename="../gui/tabs/dataset.py" line="+55"/>
        <source>The data set to train on: 60,000 training and 10,000 test images of 28×28 pixels</source>
        <extracomment>the same titles as core.data.DATASETS (a test holds them together); that module imports PyTorch, and this combo is shown before PyTorch loads. English: `core_texts.dataset_title` translates them ten distinguishable colours on white (matplotlib&apos;s tab10)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+231"/>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-228"/>
        <source>Download the chosen data set from torchvision&apos;s mirrors (about 12 MB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use a folder holding the four IDX files (train-images-idx3-ubyte, … ; .gz or not), for offline use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Loading PyTorch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show the samples of one class only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+109"/>
        <source>All classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-106"/>
        <source>Show the images as a target task makes them from this data set: what a fine-tuning on that task trains on. The brightness histogram stays the data set&apos;s own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Download or import a data set to see its images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training images; under each, its label and its brightness (mean pixel value, 0–1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Data set:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>as the target task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+37"/>
        <source>How bright the images of each class are: the feature the LoRA tab adds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Brightness per class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>brightness (mean pixel value)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>share of the class (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose a folder holding the four {0} IDX files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{0} is not on this computer yet. &lt;b&gt;Download&lt;/b&gt; it, or &lt;b&gt;Import folder…&lt;/b&gt; with its four IDX files when offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&lt;b&gt;{0}&lt;/b&gt;: {1} training and {2} test images, in {3}. {4}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Making the target task&apos;s images…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This task cannot be made: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Cancel download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{0} · %p %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeltaWView</name>
    <message>
        <location filename="../gui/widgets/delta_view.py" line="+27"/>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>input (1 channel × 3 × 3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>input (8 channels × 3 × 3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>input (784 image features, then the extra features)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>input (64 hidden units)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Evaluate a LoRA model to see the update it learned for each layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Pick a layer to see its update. σ ≠ 0: singular values of ΔW that are not zero (to float precision), of all it has; ‖ΔW‖/‖W‖: the size of the update against the frozen weight (Frobenius norms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+98"/>
        <source>input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-98"/>
        <source>output unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No LoRA update to show yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Singular values of ΔW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>fc1&apos;s weights for the extra feature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>hidden unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <source>&lt;b&gt;{0}&lt;/b&gt;: no LoRA update to show (it is a base model, without LoRA). Inspect a LoRA model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evaluate a LoRA model to see the update it learned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspect a LoRA model to see ΔW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;{0}&lt;/b&gt;: each adapted layer&apos;s weight became W + ΔW with ΔW = (α/r)·B·A = ({1}/{2})·B·A, B (out × {2}) times A ({2} × in). Only A and B were trained; W stayed frozen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A product of a (out × {0}) and a ({0} × in) matrix has rank at most r = {0}: at most {0} singular values can be non-zero, whatever the layer&apos;s size. The scale α/r = {1} multiplies the whole update.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>ΔW of {0} ({1} × {2}), ‖ΔW‖/‖W‖ = {3} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Singular values of ΔW: {0} of {1} non-zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>fc1&apos;s weights for an extra feature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This model has no extra input feature (a base model or the control).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{0} and {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fc1&apos;s weights for {0} (new columns)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fc1&apos;s weights for {0} (new column)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>One weight per hidden unit multiplies the standardised {0}. Their mean |w| is {1}; dashed: ± the mean |w| of fc1&apos;s 784 image columns ({2}), for scale. (Where LoRA adapts fc1, its part of ΔW is included.)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DigitPreview</name>
    <message>
        <location filename="../gui/widgets/draw_canvas.py" line="+115"/>
        <source>Your drawing pre-processed like MNIST: scaled into a 20×20 box and centred by its centre of mass in 28×28 pixels — exactly what the models see</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrawCanvas</name>
    <message>
        <location line="-79"/>
        <source>Draw a digit with the mouse (white ink on black, like MNIST)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Draw a digit here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrawPanel</name>
    <message>
        <location filename="../gui/widgets/draw_panel.py" line="+26"/>
        <source>Feature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Your digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standardised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Training digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wipe the canvas and draw again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Evaluate models, then draw a digit: each model&apos;s answer appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The drawing&apos;s feature values; &apos;standardised&apos; is (value − training mean) / training spread: what the feature model is given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Draw here&lt;/b&gt; (hold the left button)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;What the models see&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>28 × 28 pixels:
the drawing boxed
to 20 × 20 and
centred by its
centre of mass,
as MNIST was made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Its feature values&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“Standardised” is (value − training mean) / training spread: the number the feature model is given. A drawing far bolder or thinner than the training digits gets an unusual value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Draw a digit on the black square: {0} will each say what they see.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; says {1} ({2} %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pre-processing {0} ms, {1} model(s) {2} ms, in the window&apos;s own thread</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvaluationJobs</name>
    <message>
        <location filename="../gui/evaluation_jobs.py" line="+135"/>
        <source>{0} model(s) evaluated on {1} test images in {2} s; best {3} at {4} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Comparing merged and unmerged outputs on {0} test images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the test set is not here, so merged and unmerged outputs were not compared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a base model has no LoRA to merge: the file holds its weights as they are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>largest |Δlogit| merged vs unmerged on {0} test images: {1} (float rounding only: the merged model answers the same)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>largest |Δlogit| merged vs unmerged on {0} test images: {1} (more than float rounding: the merged file does not answer like the LoRA model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>wrote {0}; {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvaluationTab</name>
    <message>
        <location filename="../gui/tabs/evaluation.py" line="+44"/>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brightness and errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What LoRA changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw a digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Tick the models to evaluate on the test set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+170"/>
        <source>Evaluate on the test set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-168"/>
        <source>Score the ticked models on the whole test set (in the background)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tick a base model, a feature+LoRA model and its control, then Evaluate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Feature+LoRA minus control, in test accuracy, with a 95 % interval: over seeds when several seeds of both were evaluated, else over test images. An interval that includes zero means the data cannot tell whether the feature helps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The model the views below show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The model it is compared with: &apos;fixed&apos; and &apos;broken by LoRA&apos;, the difference of confusion matrices and the drawing&apos;s second answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export merged…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the inspected model with LoRA merged into its weights (one safetensors file, a plain CNN), checked against the unmerged model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&lt;b&gt;Saved models&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Inspect&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>compared with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+77"/>
        <source>No model chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tick at least one saved model to evaluate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Exporting: comparing merged and unmerged outputs on the test set…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export merged weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>safetensors (*.safetensors)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>{0} · seed {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Evaluating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <source>&lt;b&gt;Feature effect&lt;/b&gt; (feature+LoRA − control, {0}): {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To see what the extra feature itself adds, evaluate a feature+LoRA model together with the control of the same base and settings (the LoRA tab trains both).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&lt;b&gt;Exported&lt;/b&gt; {0} to {1}: {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export stopped: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{0} at {1} %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explainer</name>
    <message>
        <location filename="../gui/widgets/explainer_maps.py" line="+49"/>
        <source>B (d × r)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>row i</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A (r × k)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ΔW = s·B·A (d × k)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>column j (input)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Point at a cell to see the sum of products it comes from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>σ of ΔW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/widgets/explainer_texts.py" line="+57"/>
        <source>&lt;p&gt;&lt;b&gt;{0}&lt;/b&gt; is a convolution from {1} to {2} channels with a {3} × {3} kernel. Its frozen weight is a tensor of shape ({2}, {1}, {3}, {3}); LoRA treats it as a matrix &lt;i&gt;W&lt;/i&gt; of &lt;i&gt;d&lt;/i&gt; × &lt;i&gt;k&lt;/i&gt; = {4}: one row per output channel, holding that channel&apos;s whole kernel.&lt;/p&gt;&lt;p&gt;The kernel is flattened in PyTorch&apos;s row-major order over (input channel, kernel row, kernel column): column &lt;i&gt;c&lt;/i&gt; = channel · {5} + row · {3} + column, so columns 0–{6} are input channel 0&apos;s kernel read row by row, then channel 1&apos;s, and so on. The adapters are stored channels-last (NHWC) in memory for speed: that moves the numbers in memory, not this order, which the heat maps below use too. &lt;i&gt;A&lt;/i&gt; is itself a {3} × {3} convolution from {1} channels to &lt;i&gt;r&lt;/i&gt; (as a matrix, &lt;i&gt;r&lt;/i&gt; × {7}) and &lt;i&gt;B&lt;/i&gt; a 1 × 1 convolution from &lt;i&gt;r&lt;/i&gt; to {2} channels (&lt;i&gt;d&lt;/i&gt; × &lt;i&gt;r&lt;/i&gt;).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;&lt;b&gt;fc1&lt;/b&gt; is a linear layer, &lt;i&gt;y&lt;/i&gt; = &lt;i&gt;W x&lt;/i&gt; + &lt;i&gt;b&lt;/i&gt;, with &lt;i&gt;W&lt;/i&gt; of &lt;i&gt;d&lt;/i&gt; × &lt;i&gt;k&lt;/i&gt; = {0}: {1} hidden units, each reading the {2} numbers the convolutions leave (16 channels × 7 × 7, flattened) followed by {3} extra input feature(s) ({4}) in the last column(s).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;p&gt;&lt;b&gt;{0}&lt;/b&gt; is a linear layer, &lt;i&gt;y&lt;/i&gt; = &lt;i&gt;W x&lt;/i&gt; + &lt;i&gt;b&lt;/i&gt;, with &lt;i&gt;W&lt;/i&gt; of &lt;i&gt;d&lt;/i&gt; × &lt;i&gt;k&lt;/i&gt; = {1}: {2} outputs, each reading {3} inputs.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&lt;p&gt;&lt;i&gt;B&lt;/i&gt; is &lt;i&gt;d&lt;/i&gt; × &lt;i&gt;r&lt;/i&gt; = {0} and &lt;i&gt;A&lt;/i&gt; is &lt;i&gt;r&lt;/i&gt; × &lt;i&gt;k&lt;/i&gt; = {1}, so &lt;i&gt;B&lt;/i&gt;·&lt;i&gt;A&lt;/i&gt; has the shape of &lt;i&gt;W&lt;/i&gt;, {2}, but a rank of at most &lt;i&gt;r&lt;/i&gt; = {3}. &lt;i&gt;A&lt;/i&gt; starts small and random and &lt;i&gt;B&lt;/i&gt; at zero, so a fresh adapter changes nothing; training moves only &lt;i&gt;A&lt;/i&gt; and &lt;i&gt;B&lt;/i&gt;, never &lt;i&gt;W&lt;/i&gt;. The layer computes &lt;i&gt;W x&lt;/i&gt; + &lt;i&gt;s&lt;/i&gt;·&lt;i&gt;B&lt;/i&gt;(&lt;i&gt;A x&lt;/i&gt;) + &lt;i&gt;b&lt;/i&gt;, with the scale&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>A full update of &lt;i&gt;W&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LoRA&apos;s &lt;i&gt;B&lt;/i&gt; and &lt;i&gt;A&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DoRA&apos;s magnitudes &lt;i&gt;m&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The whole adapter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;p&gt;The adapter trains {0} parameters instead of {1}: {2} % of them, {3} times fewer.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;p&gt;At rank {0} the adapter has {1} parameters, not fewer than the {2} of &lt;i&gt;W&lt;/i&gt; itself: on this small layer LoRA saves parameters only below &lt;i&gt;r&lt;/i&gt; = &lt;i&gt;d k&lt;/i&gt; / (&lt;i&gt;d&lt;/i&gt; + &lt;i&gt;k&lt;/i&gt;) = {3}.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&lt;p&gt;Reading the adapter…&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;There is no LoRA adapter in the library yet: fine-tune one on the LoRA tab, then pick it above to see its &lt;i&gt;B&lt;/i&gt;, &lt;i&gt;A&lt;/i&gt; and Δ&lt;i&gt;W&lt;/i&gt; in their true shapes.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;p&gt;&lt;b&gt;{0}&lt;/b&gt; did not adapt {1}: its adapters are on {2}. Choose one of those layers above, or another adapter.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;p&gt;&lt;b&gt;{0}&lt;/b&gt; was trained with &lt;i&gt;r&lt;/i&gt; = {1}, α = {2} ({3}), so &lt;i&gt;s&lt;/i&gt; = {4}. Below, &lt;i&gt;B&lt;/i&gt;, &lt;i&gt;A&lt;/i&gt; and Δ&lt;i&gt;W&lt;/i&gt; = &lt;i&gt;s&lt;/i&gt;·&lt;i&gt;B&lt;/i&gt;·&lt;i&gt;A&lt;/i&gt; are drawn in their true shapes (blue negative, red positive, white zero). Point at a cell of Δ&lt;i&gt;W&lt;/i&gt; to see the sum it comes from: row &lt;i&gt;i&lt;/i&gt; of &lt;i&gt;B&lt;/i&gt; times column &lt;i&gt;j&lt;/i&gt; of &lt;i&gt;A&lt;/i&gt;, times &lt;i&gt;s&lt;/i&gt;.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;p&gt;The update is {0} % of the frozen weight&apos;s size (Frobenius norms). {1} of its {2} singular values are non-zero, never more than &lt;i&gt;r&lt;/i&gt; = {3}: that is what low rank means. The plot beside the maps shows them.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;p&gt;This adapter is DoRA: the maps show the low-rank part &lt;i&gt;s&lt;/i&gt;·&lt;i&gt;B&lt;/i&gt;·&lt;i&gt;A&lt;/i&gt; of the new direction, and the hover sums are its cells. DoRA then rescales each row &lt;i&gt;i&lt;/i&gt; of &lt;i&gt;W&lt;/i&gt; + &lt;i&gt;s&lt;/i&gt;·&lt;i&gt;B&lt;/i&gt;·&lt;i&gt;A&lt;/i&gt; to its learned length &lt;i&gt;m&lt;sub&gt;i&lt;/sub&gt;&lt;/i&gt; (the factors &lt;i&gt;m&lt;sub&gt;i&lt;/sub&gt;&lt;/i&gt; / ‖row &lt;i&gt;i&lt;/i&gt;‖ run from {0} to {1} here), so the update the layer acts with, &lt;i&gt;W&lt;/i&gt;′ − &lt;i&gt;W&lt;/i&gt;, is not low rank: its size is {2} of ‖&lt;i&gt;W&lt;/i&gt;‖.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;p&gt;The formulas and counts above follow the LoRA tab (&lt;i&gt;r&lt;/i&gt; = {0}, α = {1}, {2}); this adapter&apos;s own settings are the ones in this paragraph.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&lt;p&gt;&lt;b&gt;Rank &lt;i&gt;r&lt;/i&gt;&lt;/b&gt; is the inner size of &lt;i&gt;B&lt;/i&gt;·&lt;i&gt;A&lt;/i&gt;. It bounds how many independent directions the update can have and sets the adapter&apos;s size, which grows in step with it. Here &lt;i&gt;r&lt;/i&gt; = {0}.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;p&gt;&lt;b&gt;Alpha α&lt;/b&gt; scales the update. With plain LoRA the scale is α/&lt;i&gt;r&lt;/i&gt;, so a higher rank at the same α damps each direction; keeping α/&lt;i&gt;r&lt;/i&gt; fixed (α = 2&lt;i&gt;r&lt;/i&gt; is common) keeps the update&apos;s size comparable across ranks. With Adam, a larger α acts much like a larger learning rate for the adapter. Here α/&lt;i&gt;r&lt;/i&gt; = {0}.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;p&gt;&lt;b&gt;rsLoRA&lt;/b&gt; (rank-stabilised LoRA) divides by √&lt;i&gt;r&lt;/i&gt; instead of &lt;i&gt;r&lt;/i&gt;, so the update keeps its size as the rank grows and a higher rank can actually learn more. At these settings its scale is {0} where plain LoRA&apos;s is {1}.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;p&gt;&lt;b&gt;DoRA&lt;/b&gt; (weight-decomposed LoRA) splits each row of the new weight into a length and a direction: the direction is that row of &lt;i&gt;W&lt;/i&gt; + &lt;i&gt;s&lt;/i&gt;·&lt;i&gt;B&lt;/i&gt;·&lt;i&gt;A&lt;/i&gt;, the length &lt;i&gt;m&lt;sub&gt;i&lt;/sub&gt;&lt;/i&gt; is learned, starting at the row&apos;s own length. It adds &lt;i&gt;d&lt;/i&gt; = {0} parameters, one magnitude per output, to the adapter.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;p&gt;&lt;b&gt;LoRA+&lt;/b&gt; changes training, not the formula: &lt;i&gt;B&lt;/i&gt; learns with a learning rate λ times &lt;i&gt;A&lt;/i&gt;&apos;s, because &lt;i&gt;B&lt;/i&gt; starts at zero and has further to go. Here λ = {0} (1 is plain LoRA).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;p&gt;&lt;b&gt;Merge&lt;/b&gt; writes the update into the frozen weight once training is done (DoRA writes its &lt;i&gt;W&lt;/i&gt;′). The merged layer computes exactly what the adapted one did, with one matrix and no extra work; unmerging restores &lt;i&gt;W&lt;/i&gt;. The model library&apos;s “export merged weights” does this.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&lt;p&gt;&lt;b&gt;The article&apos;s brightness feature.&lt;/b&gt; The fine-tuned model&apos;s fc1 takes one more input than the base&apos;s: after the 784 convolution features comes the image&apos;s mean brightness (standardised). So its &lt;i&gt;W&lt;/i&gt; gains a column, column 784 (the 785th). The base model&apos;s 784 columns are copied and stay frozen; the new one starts random and is trained directly, beside the adapters (fc1&apos;s &lt;i&gt;A&lt;/i&gt; also has a column for it).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Why its effect needs a control.&lt;/b&gt; A fine-tuned model can score higher simply because it trained longer, with new parameters, on the same data. To see what the brightness column itself adds, the app also runs a control: the same LoRA fine-tuning, same seeds and epochs, without the extra feature. The feature&apos;s effect is the difference between the two, with its uncertainty over seeds (the Evaluation tab&apos;s accuracy table).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExplainerPanel</name>
    <message>
        <location filename="../gui/widgets/explainer_panel.py" line="+53"/>
        <source>The layer whose weight and update the explanation is about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A LoRA model from the library whose trained B, A and ΔW are drawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trained adapter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+137"/>
        <source>Point at a cell of ΔW to see the sum it comes from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-72"/>
        <source>&lt;h3&gt;How LoRA works on {0}&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h4&gt;The update&lt;/h4&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h4&gt;Parameters&lt;/h4&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h4&gt;The trained adapter&lt;/h4&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h4&gt;What the settings change&lt;/h4&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h4&gt;The brightness feature&lt;/h4&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+39"/>
        <source>This adapter could not be read: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Reading the adapter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fine-tune a LoRA model to see its B, A and ΔW here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} did not adapt {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>(&lt;i&gt;s&lt;/i&gt;·&lt;i&gt;B&lt;/i&gt;·&lt;i&gt;A&lt;/i&gt;)[{0}, {1}] = &lt;i&gt;s&lt;/i&gt;·Σ&lt;sub&gt;k&lt;/sub&gt; &lt;i&gt;B&lt;/i&gt;[{0},k]·&lt;i&gt;A&lt;/i&gt;[k,{1}] = {2} × ({3}) = &lt;b&gt;{4}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Δ&lt;i&gt;W&lt;/i&gt;[{0}, {1}] = (α/{5})·Σ&lt;sub&gt;k&lt;/sub&gt; &lt;i&gt;B&lt;/i&gt;[{0},k]·&lt;i&gt;A&lt;/i&gt;[k,{1}] = {2} × ({3}) = &lt;b&gt;{4}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Δ&lt;i&gt;W&lt;/i&gt;[{0}, {1}] = (α/&lt;i&gt;r&lt;/i&gt;)·Σ&lt;sub&gt;k&lt;/sub&gt; &lt;i&gt;B&lt;/i&gt;[{0},k]·&lt;i&gt;A&lt;/i&gt;[k,{1}] = {2} × ({3}) = &lt;b&gt;{4}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Column {0} is input channel {1}, kernel row {2}, kernel column {3}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Column {0} is the extra input feature “{1}”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GalleryModel</name>
    <message>
        <location filename="../gui/widgets/gallery.py" line="+69"/>
        <source>the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Test image #{0}: true class {1}; {2} says {3} with {4} % confidence; brightness {5}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test image #{0}: true class {1}; {2} says {3} with {4} % confidence; brightness {5}; {6} said {7}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the compared model</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GalleryPanel</name>
    <message>
        <location filename="../gui/widgets/gallery_panel.py" line="+18"/>
        <source>All errors</source>
        <extracomment>(key, title, tooltip), the texts in English: translated where shown</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every test image the inspected model gets wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixed by LoRA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The compared model (the base) got these wrong, the inspected model gets them right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Broken by LoRA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The compared model (the base) got these right, the inspected model gets them wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confusion-matrix cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The images of the cell last clicked in the confusion matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Most confident first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Least confident first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Darkest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brightest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test-set order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Confident mistakes are the telling ones; sorting by brightness shows whether dark or bright digits go wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evaluate models to see the digits they get wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Cell: true {0} → predicted {1} (moved in or out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cell: true {0} → predicted {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+50"/>
        <source>images of true {0} that moved into or out of “predicted {1}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>images of true {0} that {1} calls {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>errors of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fixed: {0} wrong, {1} right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>broken: {0} right, {1} wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; {1} (of {2} test images)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Under each digit: true: {0} → {1} (red: wrong), confidence · brightness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Under each digit: true → predicted (red: wrong, green: right), confidence · brightness</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageGrid</name>
    <message>
        <location filename="../gui/widgets/image_grid.py" line="+23"/>
        <source>No images</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../gui/language_menu.py" line="+24"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The window will be in {language} when LoRA Studio starts next. Restart now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(LORA_STUDIO_LANGUAGE is set: while it is, it decides the language.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Restart now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryDialog</name>
    <message>
        <location filename="../gui/library.py" line="+33"/>
        <source>Name</source>
        <extracomment>the columns by their English names (the code finds a column by it); the header shows them translated</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Test accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trained parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Model library — LoRA Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Give the model a name of your choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove the model&apos;s folder from the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the model&apos;s files: config.json, weights, metrics, and for LoRA models the PEFT adapter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export merged weights…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write one safetensors file with LoRA merged into the weights: a plain CNN anyone can load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Renamed to “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete {0} and its files? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+12"/>
        <source>Model library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Rename model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export merged weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>safetensors (*.safetensors)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(unreadable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{0} model(s) in {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Exported {0} to {1}: {2}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoraTab</name>
    <message>
        <location filename="../gui/tabs/lora.py" line="+44"/>
        <source>First convolution (1→8 channels). Adapting it means re-running every convolution in each step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Second convolution (8→16 channels).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First fully connected layer (784 conv features + extra features → 64). The article adapts it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output layer (64 → 10 classes). The article adapts it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rank r: the inner size of the update ΔW = (α/r)·B·A. A has r rows, B has r columns, so the adapter&apos;s parameters grow linearly with r; small r forces a simple update.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Alpha α: the update is scaled by α/r. Raising α makes the adapter&apos;s changes count more without changing how many parameters it has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The trained base model to start from: its weights stay frozen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Train a base model first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>How the base is adapted to the target task. All methods get the same epochs, learning rate and images, so their scores can be compared; hover over an item to read what it trains.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Frozen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LoRA params</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The layer&apos;s weight shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parameters of this layer that stay frozen during fine-tuning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parameters of its adapter at the current rank: r·(in·k²) for A plus out·r for B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>LoRA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Plain LoRA: ΔW = (α/r)·B·A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rsLoRA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rank-stabilised LoRA: ΔW = (α/√r)·B·A, so a higher rank is not scaled down as much</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DoRA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weight-decomposed LoRA: a learned length for each output row (or channel) times the direction of W + ΔW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How the adapter becomes a weight: LoRA, rsLoRA or DoRA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>LoRA+: B learns this many times faster than A (1 = plain LoRA; the LoRA+ paper uses 16)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How strongly the low-rank update B·A is added to the frozen weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extra inputs to fc1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per-image values appended to fc1&apos;s input; their new weights are trained too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loading the feature list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also run a control without the extra features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The same LoRA fine-tuning without the extra inputs. Only the difference between the two says what the feature itself adds; fine-tuning alone also gains a little.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Passes over the training set (the article: 2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adam&apos;s learning rate for the adapters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use only the first N training images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Repeat the fine-tuning with seeds 0, 1, …: the spread shows training noise, and the feature&apos;s effect then gets an interval over seeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Adapters plus fc1&apos;s new feature columns, against all parameters of the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Start from, adapt to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Base model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Layers to adapt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Adapter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rank r</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alpha α</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Variant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LoRA+ ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+139"/>
        <source>Fine-tune with LoRA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-75"/>
        <source>No base model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train a base model in the Base training tab first: LoRA fine-tunes a copy of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check the settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{0} learned nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Append the image&apos;s {0} ({1}) to fc1&apos;s input, standardised with the training set&apos;s mean and spread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The layers, rank, alpha and extra inputs apply to LoRA only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Train: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <source>fc1 also gets {0} new input column(s) for the extra features: {1} trainable parameters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No extra features: this run is a plain LoRA fine-tuning (what the control does).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <location filename="../gui/plots.py" line="-53"/>
        <source>Training loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cross-entropy loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The loss appears here while training runs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../gui/main_window.py" line="+38"/>
        <source>LoRA Studio</source>
        <extracomment>jobs whose loss would hurt: closing the window while they run asks first</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+77"/>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-77"/>
        <source>Choose, download or import the images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+76"/>
        <source>Base training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-76"/>
        <source>Train the CNN from scratch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+75"/>
        <source>LoRA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Fine-tune low-rank adapters plus an extra input feature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+75"/>
        <source>Evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Compare saved models on the test set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+74"/>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-73"/>
        <source>Sweep methods, LoRA ranks and variants: accuracy against trainable parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+72"/>
        <source>Learn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-71"/>
        <source>How LoRA works, on the live model, and lessons that set up the experiments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Loading PyTorch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>PyTorch could not load: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import a folder holding the four IDX files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show where the data sets are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train &amp;base model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fine-tune with &amp;LoRA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Evaluate chosen models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run the s&amp;weep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start the sweep set up in the Compare tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Pause or resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model &amp;library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every saved model: rename, delete, open its folder, export merged weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About LoRA Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not create the data folder {0}: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+39"/>
        <source>loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;p&gt;See how LoRA fine-tuning works: train a small CNN, add an input feature, fine-tune low-rank adapters, and compare with a control.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;p&gt;&lt;b&gt;Data licences&lt;/b&gt;&lt;br&gt;{0}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;Files are kept in {0}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>About LoRA Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Ready · PyTorch {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Loaded {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} finished: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0} stopped: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} diverged: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0} failed: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0} stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} diverged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0} failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Settings are not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LoRA Studio cannot write its settings file {0}. It works as usual, but will not remember the window and the values of its controls next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Settings are not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The settings file {0} could not be read: LoRA Studio starts with its defaults.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Quit LoRA Studio?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} is still running. Stop it and quit? A run that has not finished is not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProbabilityPlot</name>
    <message>
        <location filename="../gui/widgets/draw_canvas.py" line="+41"/>
        <source>Class probabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>probability (%)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StrengthJobs</name>
    <message>
        <location filename="../gui/strength_jobs.py" line="+104"/>
        <source>{0} at adapter strength {1} %: target accuracy {2} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{0}: accuracy at {1} strengths</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StrengthPanel</name>
    <message>
        <location filename="../gui/widgets/strength_panel.py" line="+30"/>
        <source>Adapter strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>How much of the trained adapters the inspected model uses: its weights become W + s·ΔW. At 0 % it is the base model exactly, at 100 % the model as trained, at 200 % the update counts twice. Watch the views below change: turning the adapter down gives back the base&apos;s own task and loses the new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>0 %: the base model exactly · 100 %: as trained · 200 %: twice the update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Accuracy of the inspected model against adapter strength, on the target task (what it was trained for) and on the source task (the base&apos;s own data set); the vertical line is the slider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Accuracy against strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>adapter strength (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>accuracy (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+62"/>
        <source>target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-59"/>
        <location line="+64"/>
        <source>source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-35"/>
        <source>The inspected model has no adapters to turn: a base model, or one trained by another method than LoRA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>At {0} %: {1} {2} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At {0} %: {1} {2} %, {3} {4} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+43"/>
        <source>The accuracy against strength could not be computed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not recompute: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SweepJobs</name>
    <message>
        <location filename="../gui/sweep_jobs.py" line="+60"/>
        <source>{0} runs, {1} setting(s) on the Pareto front; saved as study {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} runs, {1} setting(s) on the Pareto front; saved as no study file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no run finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the {0} finished run(s) are kept in study {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the {0} finished run(s) are kept in no study file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} after {1} of {2} runs; {3}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SweepPlots</name>
    <message>
        <location filename="../gui/widgets/sweep_plots.py" line="+28"/>
        <source>head only</source>
        <extracomment>colour and marker of each group (a LoRA variant, or another method): ColorBrewer Dark2 plus shapes, so the groups stay apart for the common colour-vision deficiencies and in grey print</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>full fine-tuning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from scratch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+155"/>
        <source>Accuracy against trainable parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>trainable parameters (log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+31"/>
        <source>target accuracy (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-30"/>
        <location line="+31"/>
        <source>Each finished setting appears here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Pareto front</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One marker per setting: its mean target accuracy over the seeds, with a bar for the 95 % interval when there are several seeds. Further right costs more parameters. The dashed step line is the Pareto front: the settings that no other setting beats with as many parameters or fewer. A setting below the line pays for parameters it does not use. Click a marker for its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Learning against forgetting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>source accuracy (%) — the base&apos;s own task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>base model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Each setting&apos;s target accuracy (what it learnt) against its accuracy on the base&apos;s own task after fine-tuning (what it kept). The cross is the base model before any fine-tuning: a setting to its left forgot part of the source task. LoRA with a small rank usually stays close to it; full fine-tuning moves furthest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Loss of the selected runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loss (smoothed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Select runs in the table to compare their loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+70"/>
        <source>{0} seeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}
{1:,} trainable parameters
target {2}
source {3}
{4}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SweepTable</name>
    <message>
        <location filename="../gui/widgets/sweep_table.py" line="+23"/>
        <source>★</source>
        <extracomment>(title, tooltip) of each column</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On the Pareto front: no other setting reaches its mean target accuracy with fewer trainable parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the base was adapted: LoRA adapters, the head (fc2) alone, every weight, or a fresh CNN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>variant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The LoRA variant (lora, rslora, dora); “none” for the other methods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The layers whose weights the run trained (LoRA: the adapted ones)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LoRA&apos;s rank r; – for the other methods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The seed of the run: the same setting over several seeds shows the training noise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>params</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trainable parameters: what the run trained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accuracy on the target task&apos;s test split, in per cent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accuracy on the base&apos;s own task (the source task) after the fine-tuning, in per cent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>forgetting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source accuracy lost against the base, in percentage points (negative: it gained)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wall time of the run, in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+42"/>
        <source>One row per run. Click a header to sort; select rows (Ctrl or Shift for several) to overlay their loss curves.</source>
        <extracomment>the CSV&apos;s columns: the RUN record without its per-step loss (as `lora-studio sweep --csv` writes it)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Saved in the model library as {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+59"/>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SweepView</name>
    <message>
        <location filename="../gui/widgets/sweep_view.py" line="+37"/>
        <source>No sweep yet: choose what to compare and press Start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+64"/>
        <source>Click a marker to see its setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Open in Evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Evaluate the clicked setting&apos;s model (its first seed) against its base in the Evaluation tab (a double click on the marker does too). Only models kept in the library can be opened: tick “Keep every run&apos;s model” before the sweep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+84"/>
        <source>new sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; · from {1} to the task “{2}” · {3} run(s) · {4}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+72"/>
        <source>&lt;b&gt;{0} r = {1}&lt;/b&gt; on {2}, α = {3:g}, LoRA+ {4:g}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{0} · {1:,} trainable parameters · {2} seed(s): target {3}, source {4}, forgetting {5}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>on the Pareto front</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>model not kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{0} · seed {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskCombo</name>
    <message>
        <location filename="../gui/widgets/task_combo.py" line="+29"/>
        <source>Your own images…</source>
        <extracomment>the chosen task&apos;s name: a fixed name or &quot;folder:PATH&quot; (not emitted for the &quot;Your own images…&quot; item)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a folder with one subfolder per class, named by its label 0–9 (PNG, JPEG or BMP, any size, colour or grey). The images are brought to MNIST&apos;s form: grey, 28×28, centred.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The target task: what the fine-tuning adapts the base model to. The base was trained on its own data set (the source task); each target changes something else about it, and which layer is worth adapting depends on what changed. Hover over an item to read what it changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+33"/>
        <source>Your images: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Your own images in {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Choose a folder with one subfolder of images per class (0–9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>It needs that data set installed (the Dataset tab).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskStrip</name>
    <message>
        <location filename="../gui/widgets/task_strip.py" line="+22"/>
        <source>The target task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sample images of the target task appear here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training images of the target task, made from the base model&apos;s data set exactly as the fine-tuning will see them; under each, its label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The base model&apos;s data set ({0}) is not on this computer: the Dataset tab can download it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Making the target task&apos;s images…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This task cannot be made: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The target task cannot be made: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} test images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} training and {1} test images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}: {1}; under each image, its label</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <location filename="../gui/widgets/training_panel.py" line="+29"/>
        <location line="+61"/>
        <location line="+13"/>
        <location line="+18"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-90"/>
        <source>Pause after the current batch; click again to resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop after the current batch. A stopped run is not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diverged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paused · %p %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Run {0}/{1} · {2}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <location filename="../gui/core_texts.py" line="+94"/>
        <source>Trainable {0} of {1} parameters ({2} %)</source>
        <extracomment>core/model/params.py Budget.sentence(), in words a translator can reorder</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>datasets</name>
    <message>
        <location line="-11"/>
        <source>MNIST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fashion-MNIST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KMNIST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MNIST by Yann LeCun and Corinna Cortes, CC BY-SA 3.0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fashion-MNIST by Zalando Research, MIT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KMNIST by ROIS-DS CODH, CC BY-SA 4.0</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>features</name>
    <message>
        <location line="-30"/>
        <source>Brightness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>mean pixel value (the article&apos;s feature)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>standard deviation of the pixel values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fraction of pixels brighter than half</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fraction of columns that hold ink</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>jobs</name>
    <message>
        <location filename="../gui/worker.py" line="+34"/>
        <source>Loading PyTorch</source>
        <extracomment>what each kind of job is called in messages: &quot;Base training is still running&quot; (English; `job_title` translates)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loading the data set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>LoRA fine-tuning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adapter strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+138"/>
        <source>not enough memory: try a smaller subset or batch size</source>
        <extracomment>jobs the window starts by itself to show something (a task&apos;s images, a model at another adapter strength): their starter shows how they ended, so the window neither announces them nor boxes a user error of theirs called in the GUI thread with a list of the values the job passed to `JobContext.partial`, in order</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>an unexpected error ({0}: {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/jobs.py" line="+152"/>
        <source>Reading {0} from {1}</source>
        <extracomment>the jobs&apos; messages are translated where they are made, in the worker thread (QCoreApplication.translate is thread-safe); texts of the core inside them (its errors, its status lines) stay English</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: {1} training and {2} test images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>download cancelled; nothing was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} downloaded: {1} training images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Checking the files in {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} imported from {1}: {2} training images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Training the base CNN on {0} images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the training finished (test accuracy {0} %), but {1}; nothing was saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+32"/>
        <source>nothing was saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-28"/>
        <source>test accuracy {0} %, saved as “{1}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} The model was saved as “{1}”: the model library can delete it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Making the target task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} finished model(s) were saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} seed {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0}: {1} The models were saved: the model library can delete them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Training: {0}, seed {1}</source>
        <extracomment>how a message names the runs of a fine-tuning, in the order it lists them (core_texts.kind_title translates)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fine-tuning with {0}, seed {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fine-tuning the control, seed {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>{0} {1} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} {1} points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>target accuracy {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>forgetting {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/task_jobs.py" line="+55"/>
        <source>{0}: {1} training images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{0} · {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your images in {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kinds</name>
    <message>
        <location filename="../gui/core_texts.py" line="+5"/>
        <source>base</source>
        <extracomment>the kinds of models in the library (and of runs in a fine-tuning), as tables and legends name them</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>feature+LoRA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>control</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>head only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>full fine-tuning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from scratch</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>methods</name>
    <message>
        <location filename="../gui/methods.py" line="+15"/>
        <source>LoRA adapters</source>
        <extracomment>the methods the core offers, in its order (only LoRA before the core had others)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Head only (fc2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full fine-tuning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From scratch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>LoRA: the base&apos;s weights stay frozen; small low-rank adapters ΔW = (α/r)·B·A are trained on the layers chosen below (plus any extra inputs). Few parameters, and the base is still in there: the Evaluation tab&apos;s strength slider turns the adapters down to nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Head only: every weight stays frozen except the output layer fc2 (650 parameters), trained directly. Enough when only what the classes are called changed (swapped labels); helpless when the images themselves changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Full fine-tuning: every weight of the base is trained, starting from its values. The most freedom to fit the target, and usually the most forgetting of the base&apos;s own task.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>From scratch: a fresh CNN with random weights, trained on the target task only, with the same epochs, learning rate and images: what the target costs without the base&apos;s knowledge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>These settings belong to LoRA; the chosen method ({0}) uses no adapters and no extra inputs. Choose “LoRA adapters” as the method to change them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>scores</name>
    <message>
        <location filename="../gui/score_texts.py" line="+19"/>
        <source>t interval over {0} seeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paired over test images, one seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No clear effect: feature+LoRA scored {0} points against the control, but the 95 % interval ({1} to {2}) includes zero, so the difference may well be chance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The extra feature helps: feature+LoRA beats the control by {0} points, and even the low end of the 95 % interval ({1}) is above zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The extra feature hurts: feature+LoRA trails the control by {0} points, and even the high end of the 95 % interval ({1}) is below zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With one seed the interval covers only test-set noise: run more seeds to include training noise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{0} points</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spinners</name>
    <message>
        <location filename="../gui/widgets/spinners.py" line="+40"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} ({1} or more; “All” uses the whole training set)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>style</name>
    <message>
        <location filename="../gui/style.py" line="+25"/>
        <source>Paused in epoch {0}/{1} · %p %</source>
        <extracomment>one colour per phase, readable on white and for the common colour-vision deficiencies (ColorBrewer Dark2) the kinds of models (and of runs): the base, LoRA with and without the extra features, the other methods the control&apos;s smoothed loss is dashed: it often lies right on the feature model&apos;s</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Epoch {0}/{1} · %p % · {2} samples/s · ETA {3}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <location filename="../gui/core_texts.py" line="-66"/>
        <source>Same task (unchanged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inverted colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rotated by 90°</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Noisy digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Swapped labels (0↔1, 2↔3, …)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fashion-MNIST (clothes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KMNIST (cursive Japanese)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your own images (a folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The base&apos;s own data set, unchanged: the article&apos;s experiment. The base already knows this task, so an adapter has almost nothing to learn; keep it as the control the other tasks are judged by.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every pixel becomes 255 − pixel: dark digits on a white background. The shapes are the same, only the pixel values changed, and the first layer is the one that reads pixel values: an adapter on conv1 alone, with a tiny number of parameters, can undo it. Adapting fc1 and fc2 works too, with many times the parameters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Every image turned a quarter turn anticlockwise. Strokes keep their look but move to new places and directions, which conv1&apos;s 3×3 filters cannot undo: adapting conv1 barely helps here. The fully connected layers (fc1, fc2), which see the whole image at once, are where adapting pays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Gaussian noise with a standard deviation of half the pixel range (drawn from a fixed seed, so the same every time) added to every pixel, then clipped. The digits are still there under the noise; an adapter on conv1 can learn to filter it out, and adapting fc1 and fc2 does about as well.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The same images with their labels swapped in pairs: 0↔1, 2↔3, 4↔5, 6↔7, 8↔9. Nothing about the images changed, only what each class is called, so the change lives in the last layer, fc2 (the head): adapting conv1 cannot help, while training the head alone does well.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Photos of ten kinds of clothing (T-shirt, trouser, …, ankle boot) in MNIST&apos;s format: new images and new classes. Edge and stroke detectors still carry over, so the fully connected layers matter most; expect the base&apos;s own task to be forgotten more than with the small changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ten cursive Japanese (Kuzushiji) characters in MNIST&apos;s format: handwriting again, with new shapes and new classes. Strokes carry over from the digits, so the fully connected layers are where adapting pays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Images you made: a folder with one subfolder per class, named by its label 0–9 (PNG, JPEG or BMP, any size, colour or grey). Each is made grey and white-on-black, boxed to 20 pixels and centred in 28×28 like MNIST (leave some background around each digit: the border tells paper from ink); a fifth of each class is held out as the test split. Which layer matters depends on how your images differ from the base&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
