<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccuracyPlot</name>
    <message>
        <location filename="../gui/shared/plots.py" line="+253"/>
        <source>Accuracy per epoch</source>
        <translation>每轮准确率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accuracy (%)</source>
        <translation>准确率（%）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accuracy appears after the first epoch</source>
        <translation>第一轮结束后显示准确率</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{0} · train</source>
        <translation>{0} · 训练集</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} · test</source>
        <translation>{0} · 测试集</translation>
    </message>
</context>
<context>
    <name>AccuracyTable</name>
    <message>
        <location filename="../gui/evaluation/accuracy_table.py" line="+27"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Target accuracy</source>
        <translation>目标准确率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source accuracy</source>
        <translation>源准确率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test loss</source>
        <translation>测试损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training time</source>
        <translation>训练用时</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Δ vs base (points)</source>
        <extracomment>the header of a column whose cells are in percentage points (the name stays the column&apos;s key)</extracomment>
        <translation>较基础模型 Δ（百分点）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forgetting (points)</source>
        <translation>遗忘（百分点）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The target task the model was trained for</source>
        <translation>模型训练所针对的目标任务。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On the whole test split of the model&apos;s target task (for the base: its own data set). For a mean over seeds, ± is the half-width of the 95 % interval over the seeds</source>
        <translation>在模型目标任务的整个测试集上测得（基础模型：在它自己的数据集上）。对多个随机种子取平均时，± 是跨随机种子的 95% 区间的半宽。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Target accuracy minus that of the base it was fine-tuned from, on the same task: what the fine-tuning gained</source>
        <translation>目标准确率减去其微调起点（基础模型）在同一任务上的准确率：即微调带来的提升。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On the test split of the source task, the base&apos;s own data set: what is left of the original skill</source>
        <translation>在源任务（基础模型自己的数据集）的测试集上测得：即原有能力还剩多少。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Base source accuracy minus this model&apos;s source accuracy: how much of its original task the model lost by adapting (+ means it got worse there). Empty when the base is not in the library</source>
        <translation>基础模型的源准确率减去该模型的源准确率：模型为适配新任务丢掉了多少原任务的能力（+ 表示在原任务上变差）。基础模型不在模型库中时为空。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Parameters the run trained, of all the model&apos;s</source>
        <translation>本次运行训练的参数数量，以及模型的参数总数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The whole training step: building, feature statistics, caching and training</source>
        <translation>整个训练步骤的用时：构建模型、统计特征、缓存和训练。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The base model as it is, on this target task: the reference the fine-tuned models are measured against</source>
        <translation>未经改动的基础模型在此目标任务上的表现：衡量微调后模型的参照。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The mean over the seeds above; ± is the half-width of its 95 % t interval over the seeds</source>
        <translation>上方各随机种子的平均值；± 是跨随机种子的 95% t 区间的半宽。</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Copy command</source>
        <translation>复制命令</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The lora-studio command that made this model</source>
        <translation>生成这个模型的 lora-studio 命令</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>{0} (reference)</source>
        <translation>{0}（参照）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>base, as it is</source>
        <translation>基础模型（原样）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{0} each</source>
        <translation>每次 {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mean of {0} seeds</source>
        <translation>{0} 个随机种子的平均</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{0} of {1}</source>
        <translation>{0} / {1}</translation>
    </message>
</context>
<context>
    <name>AppState</name>
    <message>
        <location filename="../gui/shared/state/app_state.py" line="+72"/>
        <source>{0} (unreadable)</source>
        <translation>{0}（无法读取）</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{0} ep, batch {1}, lr {2}, seed {3}</source>
        <extracomment>the ModelInfo fields that are the core record&apos;s summary (ModelRecord.summary) under the same name</extracomment>
        <translation>{0} 轮，批大小 {1}，学习率 {2}，随机种子 {3}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>r={0}, α={1}, {2}, {3}; {4}</source>
        <translation>r={0}，α={1}，{2}，{3}；{4}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}; {1} images</source>
        <translation>{0}；{1} 张图像</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Busy</source>
        <extracomment>the runner&apos;s key (JobRunner.run_soon) of the chosen data set&apos;s loading, while it waits for the worker</extracomment>
        <translation>正忙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} is still running. Wait for it to end, or stop it, before starting {1}.</source>
        <translation>“{0}”仍在运行。请等它结束或先停止它，再开始“{1}”。</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>no extra input</source>
        <translation>无额外输入</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>PyTorch could not be loaded</source>
        <translation>无法加载 PyTorch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LoRA Studio needs PyTorch to train: {0}</source>
        <translation>LoRA Studio 需要 PyTorch 才能训练：{0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bundled data</source>
        <translation>随附的数据</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>{0} will be loaded when {1} ends</source>
        <translation>{0} 将在“{1}”结束后加载</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} is not here yet: download it or import a folder</source>
        <translation>本机还没有 {0}：请下载，或导入一个文件夹</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The model library cannot be read: {0}</source>
        <translation>无法读取模型库：{0}</translation>
    </message>
</context>
<context>
    <name>BaseTab</name>
    <message>
        <location filename="../gui/base/tab.py" line="+28"/>
        <source>Passes over the training set (the article: 3)</source>
        <translation>完整遍历训练集的次数（文章中为 3）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Images per optimiser step (the article: 64)</source>
        <translation>优化器每更新一步所用的图像数（文章中为 64）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Adam&apos;s learning rate (the article: 0.001). Too high and training diverges.</source>
        <translation>Adam 的学习率（文章中为 0.001）。设得太高，训练会发散。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Random seed: the same seed and settings give the same model</source>
        <translation>随机种子：种子和设置都相同，得到的模型也相同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use only the first N training images, for a quick run</source>
        <translation>只用前 N 张训练图像，以便快速试跑</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Epochs</source>
        <translation>训练轮数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training images</source>
        <translation>训练图像数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base CNN</source>
        <translation>基础 CNN</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trains the article&apos;s small CNN (two convolutions, fc1 784→64, fc2 64→10; 52,138 parameters) from scratch on the chosen data set. The result is saved in the model library automatically and becomes the starting point of the LoRA tab.</source>
        <translation>在所选数据集上从头训练文章中的小型 CNN（两个卷积层，fc1 784→64，fc2 64→10；共 52,138 个参数）。训练结果会自动保存到模型库，并作为 LoRA 标签页的起点。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Train base model</source>
        <translation>训练基础模型</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No data yet</source>
        <translation>还没有数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download or import a data set in the Dataset tab before training.</source>
        <translation>训练前，请先在数据集标签页下载或导入数据集。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check the settings</source>
        <translation>请检查设置</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{0} learned nothing</source>
        <translation>{0}什么也没学到</translation>
    </message>
</context>
<context>
    <name>BrightnessErrorPlot</name>
    <message>
        <location filename="../gui/evaluation/brightness_plot.py" line="+25"/>
        <source>Error rate by brightness</source>
        <translation>各亮度下的错误率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>brightness (mean pixel value; each point: a tenth of the test images)</source>
        <translation>亮度（像素平均值；每个点为十分之一的测试图像）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>error rate (%)</source>
        <translation>错误率（%）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Brightness of the errors against all test images</source>
        <translation>错误图像与全部测试图像的亮度分布</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>brightness (mean pixel value)</source>
        <translation>亮度（像素平均值）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>share of the images (%)</source>
        <translation>图像占比（%）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>all test images</source>
        <translation>全部测试图像</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>errors</source>
        <translation>错误图像</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evaluate models to see whether dark or bright digits are the hard ones</source>
        <translation>评估模型后，可查看偏暗还是偏亮的数字更难识别</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>all {0} test images</source>
        <translation>全部 {0} 张测试图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the {0} errors of {1}</source>
        <translation>{1} 的 {0} 张错误图像</translation>
    </message>
</context>
<context>
    <name>CombineRow</name>
    <message>
        <location filename="../gui/evaluation/combine_row.py" line="+14"/>
        <source>cat</source>
        <extracomment>how each way is called in the window: PEFT&apos;s combination_type names, for the translator to keep or gloss</extracomment>
        <translation>cat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>linear</source>
        <translation>linear</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>svd</source>
        <translation>svd</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ties</source>
        <translation>ties</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>magnitude_prune</source>
        <translation>magnitude_prune</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>How the stacked adapters become one, as PEFT&apos;s add_weighted_adapter does; hover over an item to read what it does</source>
        <translation>堆叠的适配器如何合成一个（与 PEFT 的 add_weighted_adapter 相同）；将鼠标悬停在某一项上可查看它的做法</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>svd only: the rank the weighted sum of the adapters&apos; ΔW is cut back to (at most what every adapted layer can hold)</source>
        <translation>仅用于 svd：把各适配器 ΔW 的加权和截断到的秩（不超过每个被适配层所能容纳的秩）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save combination</source>
        <translation>保存合成结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Combine the stacked adapters at the sliders&apos; weights into one new LoRA adapter and save it in the model library</source>
        <translation>按滑块上的权重，把堆叠的适配器合成一个新的 LoRA 适配器，并保存到模型库</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Combine</source>
        <translation>合成方式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rank</source>
        <translation>秩</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <location filename="../gui/shared/command_line.py" line="+45"/>
        <source>Command copied to the clipboard</source>
        <extracomment>what `make` may give: the command, a reason why there is none (shown instead), or None (nothing chosen)</extracomment>
        <translation>命令已复制到剪贴板</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Nothing to show.</source>
        <translation>没有可显示的内容。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Command line</source>
        <translation>命令行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The lora-studio command that makes the same run: run in a terminal with the same data, it trains the same models (the same seeds give the same accuracy).</source>
        <translation>做同样运行的 lora-studio 命令：在终端中用同样的数据运行，它会训练出同样的模型（随机种子相同，准确率也相同）。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Copy command</source>
        <translation>复制命令</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the command to the clipboard, to run it in a terminal</source>
        <translation>把命令复制到剪贴板，以便在终端中运行</translation>
    </message>
</context>
<context>
    <name>CompareTab</name>
    <message>
        <location filename="../gui/i18n/lora_terms.py" line="+13"/>
        <source>Rank r: the inner size of LoRA&apos;s update ΔW = (α/r)·B·A. A has r rows and B has r columns, so an adapter&apos;s parameters grow in proportion to r, and a small r forces a simple update. Tick several: the plot shows where a larger rank stops paying for its parameters.</source>
        <translation>秩 r：LoRA 增量 ΔW = (α/r)·B·A 的中间维度。A 有 r 行，B 有 r 列，因此适配器的参数量与 r 成正比；r 越小，增量就越简单。可勾选多个：图中会显示秩大到什么程度后，多出的参数就不再划算。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>LoRA: the frozen weight plus a low-rank update (α/r)·B·A; only A and B are trained.</source>
        <translation>LoRA：冻结的权重加上低秩增量 (α/r)·B·A；只训练 A 和 B。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rsLoRA (rank-stabilised LoRA): the update is scaled by α/√r instead of α/r, so it does not shrink as the rank grows: large ranks learn about as fast as small ones. Same parameters as LoRA.</source>
        <translation>rsLoRA（秩稳定 LoRA）：增量按 α/√r 而不是 α/r 缩放，因此不会随秩增大而缩小：大秩与小秩学得差不多快。参数量与 LoRA 相同。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DoRA (weight-decomposed LoRA): each output&apos;s weights are split into a length and a direction; LoRA turns the direction and a learned magnitude per output sets the length. One extra parameter per output; it often does better than LoRA at small ranks.</source>
        <translation>DoRA（权重分解 LoRA）：每个输出的权重被拆成长度和方向；LoRA 调整方向，每个输出学习一个幅值来决定长度。每个输出多一个参数；在小秩时往往比 LoRA 效果更好。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Alpha α, the same for every rank: LoRA scales its update by α/r (rsLoRA by α/√r), so a larger rank gets a smaller scale.</source>
        <translation>缩放因子 α，对每个秩都相同：LoRA 将增量按 α/r 缩放（rsLoRA 按 α/√r），因此秩越大，缩放系数越小。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>LoRA+: B learns this many times faster than A (A at the usual learning rate). 1 turns it off; the LoRA+ paper uses 16. It adds no parameters, only speed, which counts in short runs.</source>
        <translation>LoRA+：B 的学习速度是 A 的几倍（A 使用通常的学习率）。设为 1 即关闭；LoRA+ 论文用 16。它不增加参数，只提高学习速度，这在短时间训练中很重要。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The layers LoRA adapts in every LoRA run. conv1 reads pixels (few parameters); fc1 and fc2 see the whole image (many more).</source>
        <translation>每次 LoRA 运行中要适配的层。conv1 读取像素（参数少）；fc1 和 fc2 看到整幅图像（参数多得多）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Which ways of fine-tuning to compare; hover over one to read what it trains. Each LoRA rank and variant is one setting; the head, full fine-tuning and from scratch are one setting each.</source>
        <translation>要比较哪些微调方式；将鼠标悬停在某一项上，可查看它训练哪些参数。每个 LoRA 秩与变体的组合算一种配置；仅输出层、全量微调和从头训练各算一种配置。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run every setting with seeds 0, 1, …: with two or more, each marker gets a bar for its 95 % interval, so a difference smaller than the training noise shows as such.</source>
        <translation>用随机种子 0、1、… 运行每种配置：有两个或更多随机种子时，每个标记都带有表示 95% 区间的误差棒，小于训练噪声的差异也就一目了然。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Passes over the training set in every run.</source>
        <translation>每次运行遍历训练集的次数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use only the first N training images of the target task</source>
        <translation>只使用目标任务的前 N 张训练图像。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also keep every run&apos;s model in the model library (off by default: a sweep would flood it). Only a kept model can be opened in the Evaluation tab; the results are in the study either way.</source>
        <translation>同时把每次运行的模型保存到模型库（默认关闭：一次参数扫描会塞满模型库）。只有保存下来的模型才能在评估标签页中打开；无论是否保存，结果都会记录在扫描记录中。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>First convolution (1→8 channels): reads the pixels</source>
        <translation>第一个卷积层（1→8 通道）：读取像素。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Second convolution (8→16 channels)</source>
        <translation>第二个卷积层（8→16 通道）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First fully connected layer (784 → 64)</source>
        <translation>第一个全连接层（784 → 64）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output layer (64 → 10 classes)</source>
        <translation>输出层（64 → 10 个类别）。</translation>
    </message>
    <message>
        <location filename="../gui/compare/tab.py" line="+78"/>
        <source>The trained base model every run starts from</source>
        <translation>每次运行的起点：一个已训练的基础模型。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train a base model first</source>
        <translation>请先训练一个基础模型</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Keep every run&apos;s model in the library</source>
        <translation>将每次运行的模型保存到模型库</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What Start will run, counted before anything is trained</source>
        <translation>“开始扫描”将运行的内容，在训练开始前统计。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start sweep</source>
        <translation>开始扫描</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Run every setting for every seed, one after another</source>
        <translation>依次为每个随机种子运行每种配置。</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Stop after the current batch: the runs that finished are kept in the study, the one running is dropped</source>
        <translation>在当前批次结束后停止：已完成的运行保留在扫描记录中，正在进行的运行会被丢弃。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open study…</source>
        <translation>打开扫描记录…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show a sweep run before (every sweep is saved as a study)</source>
        <translation>显示以前运行过的参数扫描（每次参数扫描都会保存为扫描记录）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the table as CSV: one line per run, in the table&apos;s order</source>
        <translation>将表格写成 CSV：每次运行一行，顺序与表格相同。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>What to compare</source>
        <translation>比较内容</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Base model</source>
        <translation>基础模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target task</source>
        <translation>目标任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Methods</source>
        <translation>方法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LoRA settings</source>
        <translation>LoRA 设置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ranks r</source>
        <translation>秩 r</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Variants</source>
        <translation>变体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alpha α</source>
        <translation>缩放因子 α</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LoRA+ ratio</source>
        <translation>LoRA+ 倍率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every run</source>
        <translation>每次运行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seeds</source>
        <translation>随机种子数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epochs</source>
        <translation>训练轮数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training images</source>
        <translation>训练图像数</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>{0:,} training images</source>
        <translation>{0:,} 张训练图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>all training images</source>
        <translation>全部训练图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;{0} runs&lt;/b&gt;: {1} setting(s) × {2} seed(s), {3} epoch(s) each on {4}.</source>
        <translation>&lt;b&gt;{0} 次运行&lt;/b&gt;：{1} 种配置 × {2} 个随机种子，每次训练 {3} 轮，数据：{4}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0:,} trainable parameters each, of {1:,} in the CNN.</source>
        <translation>每次 {0:,} 个可训练参数（CNN 共有 {1:,} 个参数）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From {0:,} to {1:,} trainable parameters a run, of {2:,} in the CNN.</source>
        <translation>每次运行 {0:,} 到 {1:,} 个可训练参数（CNN 共有 {2:,} 个参数）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No base model</source>
        <translation>没有基础模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train a base model in the Base training tab first: every run of a sweep starts from it.</source>
        <translation>请先在基础训练标签页中训练一个基础模型：参数扫描的每次运行都从它开始。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check the settings</source>
        <translation>请检查设置</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The study cannot be opened</source>
        <translation>无法打开扫描记录</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Study {0} · {1} runs</source>
        <translation>扫描记录 {0} · {1} 次运行</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nothing to export</source>
        <translation>没有可导出的内容</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Run a sweep or open a study first.</source>
        <translation>请先运行一次参数扫描，或打开一个扫描记录。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Could not write {0}: {1}.</source>
        <translation>无法写入 {0}：{1}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wrote {0} runs to {1}</source>
        <translation>已将 {0} 次运行写入 {1}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Export the sweep as CSV</source>
        <translation>将参数扫描导出为 CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No saved studies yet</source>
        <translation>还没有保存的扫描记录</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>{0} · {1}/{2} runs</source>
        <translation>{0} · {1}/{2} 次运行</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Run {0}/{1} · %p % · ETA {2}</source>
        <translation>第 {0}/{1} 次运行 · %p % · 剩余 {2}</translation>
    </message>
</context>
<context>
    <name>ConfusionPanel</name>
    <message>
        <location filename="../gui/evaluation/confusion_panel.py" line="+27"/>
        <source>Counts of the inspected model</source>
        <translation>所查看模型的计数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Difference: inspected − compared</source>
        <translation>差值：所查看模型 − 对比模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counts: how many test images of each true class (row) got each predicted class (column). Difference: how those counts changed from the compared model.</source>
        <translation>计数：每个真实类别（行）的测试图像中，有多少张被预测为各个类别（列）。差值：这些计数相对对比模型的变化。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>predicted class</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>true class</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Click a cell to see its images in the gallery</source>
        <translation>点击单元格，在图库中查看其中的图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluate models to see which digits are mistaken for which</source>
        <translation>评估模型后，可查看哪些数字被误认成了哪些</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Red: the inspected model puts more images in that cell, blue: fewer. Each row sums to zero: what leaves one cell lands in another. On the diagonal, red means more digits right. Click a cell to see the images that moved in or out of it.</source>
        <translation>红色：所查看的模型落在该单元格的图像更多；蓝色：更少。每一行之和为零：离开一个单元格的图像会落到另一个单元格。对角线上的红色表示认对的数字更多。点击单元格，可查看移入或移出它的图像。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} · colour on a log scale</source>
        <translation>{0} · 颜色为对数刻度</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} ({1} % wrong)</source>
        <translation>{0}（错误 {1} %）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} errors of {1}. Hardest classes: {2}. Click a cell to see its images.</source>
        <translation>{1} 张中错了 {0} 张。最难的类别：{2}。点击单元格可查看其中的图像。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} errors of {1}. No mistakes. Click a cell to see its images.</source>
        <translation>{1} 张中错了 {0} 张，没有错误。点击单元格可查看其中的图像。</translation>
    </message>
</context>
<context>
    <name>DatasetTab</name>
    <message>
        <location filename="../gui/dataset/tab.py" line="+55"/>
        <source>The data set to train on: 60,000 training and 10,000 test images of 28×28 pixels</source>
        <extracomment>ten distinguishable colours on white (matplotlib&apos;s tab10)</extracomment>
        <translation>用于训练的数据集：60,000 张训练图像和 10,000 张测试图像，每张 28×28 像素</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+232"/>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location line="-229"/>
        <source>Download the chosen data set from torchvision&apos;s mirrors (about 12 MB)</source>
        <translation>从 PyTorch 的数据镜像下载所选数据集（约 12 MB）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use a folder holding the four IDX files (train-images-idx3-ubyte, … ; .gz or not), for offline use</source>
        <translation>使用一个包含四个 IDX 文件（train-images-idx3-ubyte 等，是否为 *.gz 压缩均可）的文件夹，供离线使用</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Loading PyTorch…</source>
        <translation>正在加载 PyTorch…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show the samples of one class only</source>
        <translation>只显示某一类别的样本</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+109"/>
        <source>All classes</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location line="-106"/>
        <source>Show the images as a target task makes them from this data set: what a fine-tuning on that task trains on. The brightness histogram stays the data set&apos;s own.</source>
        <translation>按所选目标任务的方式显示由此数据集生成的图像：也就是在该任务上微调时用来训练的图像。亮度直方图仍是数据集本身的。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Download or import a data set to see its images</source>
        <translation>下载或导入数据集后，即可在这里查看图像</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training images; under each, its label and its brightness (mean pixel value, 0–1)</source>
        <translation>训练图像；每张下方是它的标签和亮度（像素平均值，0–1）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Data set:</source>
        <translation>数据集：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>as the target task</source>
        <translation>目标任务：</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>How bright the images of each class are: the feature the LoRA tab adds</source>
        <translation>各类别图像的亮度分布：LoRA 标签页加入的正是这个特征</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Brightness per class</source>
        <translation>各类别的亮度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>brightness (mean pixel value)</source>
        <translation>亮度（像素平均值）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>share of the class (%)</source>
        <translation>占该类别的比例（%）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose a folder holding the four {0} IDX files</source>
        <translation>选择包含四个 {0} IDX 文件的文件夹</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{0} is not on this computer yet. &lt;b&gt;Download&lt;/b&gt; it, or &lt;b&gt;Import folder…&lt;/b&gt; with its four IDX files when offline.</source>
        <translation>本机还没有 {0}。请&lt;b&gt;下载&lt;/b&gt;；离线时，可用&lt;b&gt;导入文件夹…&lt;/b&gt;导入它的四个 IDX 文件。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&lt;b&gt;{0}&lt;/b&gt;: {1} training and {2} test images, in {3}. {4}.</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;：{1} 张训练图像和 {2} 张测试图像，位于 {3}。{4}。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Making the target task&apos;s images…</source>
        <translation>正在生成目标任务的图像…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This task cannot be made: {0}</source>
        <translation>无法生成此任务：{0}</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Cancel download</source>
        <translation>取消下载</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{0} · %p %</source>
        <translation>{0} · %p %</translation>
    </message>
</context>
<context>
    <name>DeltaWView</name>
    <message>
        <location filename="../gui/evaluation/delta_view.py" line="+28"/>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>input (1 channel × 3 × 3)</source>
        <translation>输入（1 个通道 × 3 × 3）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>input (8 channels × 3 × 3)</source>
        <translation>输入（8 个通道 × 3 × 3）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>input (784 image features, then the extra features)</source>
        <translation>输入（784 个图像特征，其后是额外特征）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>input (64 hidden units)</source>
        <translation>输入（64 个隐藏单元）</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Evaluate a LoRA model to see the update it learned for each layer.</source>
        <extracomment>how each variant makes its scale s from α and r (config.LoraConfig.scale); a variant registered elsewhere is shown by its value alone</extracomment>
        <translation>评估一个 LoRA 模型，即可查看它为每一层学到的增量。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Pick a layer to see its update. σ ≠ 0: singular values of ΔW that are not zero (to float precision), of all it has; ‖ΔW‖/‖W‖: the size of the update against the frozen weight (Frobenius norms)</source>
        <translation>选择一层，查看它的增量。σ ≠ 0：ΔW 不为零（在浮点精度内）的奇异值个数 / 奇异值总数；‖ΔW‖/‖W‖：增量相对冻结权重的大小（弗罗贝尼乌斯范数）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+116"/>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location line="-116"/>
        <source>output unit</source>
        <translation>输出单元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No LoRA update to show yet</source>
        <translation>暂无可显示的 LoRA 增量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Singular values of ΔW</source>
        <translation>ΔW 的奇异值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>index</source>
        <translation>序号</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>fc1&apos;s weights for the extra feature</source>
        <translation>fc1 中额外特征的权重</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>hidden unit</source>
        <translation>隐藏单元</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>&lt;b&gt;{0}&lt;/b&gt;: no LoRA update to show (it is a base model, without LoRA). Inspect a LoRA model.</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;：没有可显示的 LoRA 增量（它是基础模型，不含 LoRA）。请查看一个 LoRA 模型。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evaluate a LoRA model to see the update it learned.</source>
        <translation>评估一个 LoRA 模型，即可查看它学到的增量。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspect a LoRA model to see ΔW</source>
        <translation>查看一个 LoRA 模型，即可看到 ΔW</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>At adapter strength {0} %, the maps show {1} × ΔW.</source>
        <translation>适配器强度为 {0} % 时，热力图显示的是 {1} × ΔW。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; is DoRA: each row of an adapted layer&apos;s weight became W′ = m · (W + s·B·A) / ‖W + s·B·A‖, with s = {1}, B (out × {2}) times A ({2} × in), and m the row&apos;s learned length. The heat map shows ΔW = W′ − W: the low-rank s·B·A and that rescaling together. Only A, B and m were trained; W stayed frozen.</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; 是 DoRA：被适配层权重的每一行变为 W′ = m · (W + s·B·A) / ‖W + s·B·A‖，其中 s = {1}，B（输出 × {2}）乘以 A（{2} × 输入），m 是该行学到的长度。热力图显示 ΔW = W′ − W：低秩的 s·B·A 与这一重新缩放合在一起。只训练了 A、B 和 m；W 保持冻结。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;{0}&lt;/b&gt;: each adapted layer&apos;s weight became W + ΔW with ΔW = s·B·A, s = {1}, B (out × {2}) times A ({2} × in). Only A and B were trained; W stayed frozen.</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;：每个被适配层的权重变为 W + ΔW，其中 ΔW = s·B·A，s = {1}，B（输出 × {2}）乘以 A（{2} × 输入）。只训练了 A 和 B；W 保持冻结。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>s·B·A has rank at most r = {0}, but W′ − W also rescales every row of W to its learned length: it need not be low rank, and more than {0} of its singular values can be non-zero. The scale s = {1} multiplies B·A inside the rescaled direction.</source>
        <translation>s·B·A 的秩至多为 r = {0}，但 W′ − W 还把 W 的每一行重新缩放到学到的长度：它不一定是低秩的，不为零的奇异值可以多于 {0} 个。缩放系数 s = {1} 乘在重新缩放的方向内部的 B·A 上。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A product of a (out × {0}) and a ({0} × in) matrix has rank at most r = {0}: at most {0} singular values can be non-zero, whatever the layer&apos;s size. The scale s = {1} multiplies the whole update.</source>
        <translation>一个（输出 × {0}）矩阵与一个（{0} × 输入）矩阵的乘积，秩至多为 r = {0}：无论层有多大，至多 {0} 个奇异值不为零。缩放系数 s = {1} 乘在整个增量上。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{0} of {1}</source>
        <translation>{0} / {1}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>ΔW of {0} ({1} × {2}), ‖ΔW‖/‖W‖ = {3} %</source>
        <translation>{0} 的 ΔW（{1} × {2}），‖ΔW‖/‖W‖ = {3} %</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Singular values of ΔW: {0} of {1} non-zero</source>
        <translation>ΔW 的奇异值（{0}/{1} 非零）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>fc1&apos;s weights for an extra feature</source>
        <translation>fc1 中额外特征的权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This model has no extra input feature (a base model or the control).</source>
        <translation>该模型没有额外输入特征（基础模型或对照）。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{0} and {1}</source>
        <translation>{0}和{1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fc1&apos;s weights for {0} (new columns)</source>
        <translation>fc1 中{0}的权重（新增列）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fc1&apos;s weights for {0} (new column)</source>
        <translation>fc1 中{0}的权重（新增列）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>One weight per hidden unit multiplies the standardised {0}. Their mean |w| is {1}; dashed: ± the mean |w| of fc1&apos;s 784 image columns ({2}), for scale. (Where LoRA adapts fc1, its part of ΔW is included.)</source>
        <translation>每个隐藏单元有一个权重，与标准化后的{0}相乘。这些权重的平均 |w| 为 {1}；虚线：± fc1 中 784 个图像列的平均 |w|（{2}），作为尺度参考。（若 LoRA 适配了 fc1，其中也计入 ΔW 的相应部分。）</translation>
    </message>
</context>
<context>
    <name>DigitPreview</name>
    <message>
        <location filename="../gui/evaluation/draw_canvas.py" line="+115"/>
        <source>Your drawing pre-processed like MNIST: scaled into a 20×20 box and centred by its centre of mass in 28×28 pixels — exactly what the models see</source>
        <translation>按 MNIST 的方式预处理后的手写数字：缩放进 20×20 的方框，再按质心在 28×28 像素中居中——正是模型看到的样子</translation>
    </message>
</context>
<context>
    <name>DrawCanvas</name>
    <message>
        <location line="-79"/>
        <source>Draw a digit with the mouse (white ink on black, like MNIST)</source>
        <translation>用鼠标写一个数字（黑底白字，与 MNIST 相同）</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Draw a digit here</source>
        <translation>在这里写一个数字</translation>
    </message>
</context>
<context>
    <name>DrawPanel</name>
    <message>
        <location filename="../gui/evaluation/draw_panel.py" line="+26"/>
        <source>Feature</source>
        <translation>特征</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Your digit</source>
        <translation>你的数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standardised</source>
        <translation>标准化值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Training digits</source>
        <translation>训练集数字</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wipe the canvas and draw again</source>
        <translation>清空画布，重新书写</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Evaluate models, then draw a digit: each model&apos;s answer appears here.</source>
        <translation>先评估模型，再写一个数字：每个模型的答案会显示在这里。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The drawing&apos;s feature values; &apos;standardised&apos; is (value − training mean) / training spread: what the feature model is given</source>
        <translation>手写数字的特征值；“标准化值”=（值 − 训练集均值）/ 训练集标准差：即特征模型得到的输入</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Draw here&lt;/b&gt; (hold the left button)</source>
        <translation>&lt;b&gt;在这里书写&lt;/b&gt;（按住鼠标左键）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;What the models see&lt;/b&gt;</source>
        <translation>&lt;b&gt;模型看到的图像&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>28 × 28 pixels:
the drawing boxed
to 20 × 20 and
centred by its
centre of mass,
as MNIST was made</source>
        <translation>28 × 28 像素：
手写数字缩放进
20 × 20 的方框，
再按质心居中，
与 MNIST 的
制作方式相同</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Its feature values&lt;/b&gt;</source>
        <translation>&lt;b&gt;它的特征值&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“Standardised” is (value − training mean) / training spread: the number the feature model is given. A drawing far bolder or thinner than the training digits gets an unusual value.</source>
        <translation>“标准化值”=（值 − 训练集均值）/ 训练集标准差：即特征模型得到的数值。笔画比训练数字粗得多或细得多时，会得到不寻常的值。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Draw a digit on the black square: {0} will each say what they see.</source>
        <translation>在黑色方框里写一个数字：{0} 会各自说出看到的是几。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> and </source>
        <translation>、</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; says {1} ({2} %)</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; 认为是 {1}（{2} %）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pre-processing {0} ms, {1} model(s) {2} ms, in the window&apos;s own thread</source>
        <translation>预处理 {0} ms，{1} 个模型 {2} ms，均在窗口自身的线程中运行</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
</context>
<context>
    <name>EvaluationJobs</name>
    <message>
        <location filename="../gui/evaluation/jobs.py" line="+129"/>
        <source>{0} model(s) evaluated on {1} test images in {2} s; best {3} at {4} %</source>
        <translation>已在 {1} 张测试图像上评估 {0} 个模型，用时 {2} s；最佳：{3}，{4} %</translation>
    </message>
    <message>
        <location filename="../gui/shared/export.py" line="+41"/>
        <source>Comparing merged and unmerged outputs on {0} test images</source>
        <translation>正在 {0} 张测试图像上比较合并前后的输出</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the test set is not here, so merged and unmerged outputs were not compared</source>
        <translation>测试集不在本地，因此未比较合并前后的输出</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a base model has no LoRA to merge: the file holds its weights as they are</source>
        <translation>基础模型没有可合并的 LoRA：文件保存的是它原样的权重</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>largest |Δlogit| merged vs unmerged on {0} test images: {1} (float rounding only: the merged model answers the same)</source>
        <translation>在 {0} 张测试图像上，合并前后 logit 的最大差值 |Δlogit| 为 {1}（仅为浮点舍入误差：合并后的模型给出相同的答案）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>largest |Δlogit| merged vs unmerged on {0} test images: {1} (more than float rounding: the merged file does not answer like the LoRA model)</source>
        <translation>在 {0} 张测试图像上，合并前后 logit 的最大差值 |Δlogit| 为 {1}（超出浮点舍入误差：合并后的文件与 LoRA 模型的答案不一致）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>wrote {0}; {1}</source>
        <translation>已写入 {0}；{1}</translation>
    </message>
</context>
<context>
    <name>EvaluationTab</name>
    <message>
        <location filename="../gui/evaluation/tab.py" line="+59"/>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brightness and errors</source>
        <translation>亮度与错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What LoRA changed</source>
        <translation>LoRA 改变了什么</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw a digit</source>
        <translation>手写数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adapter stack</source>
        <translation>适配器堆叠</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Tick the models to evaluate on the test set</source>
        <translation>勾选要在测试集上评估的模型。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+253"/>
        <source>Evaluate on the test set</source>
        <translation>在测试集上评估</translation>
    </message>
    <message>
        <location line="-251"/>
        <source>Score the ticked models on the whole test set (in the background)</source>
        <translation>在整个测试集上为勾选的模型打分（在后台运行）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The task the models are scored on: each its own target task, or all of them on one task, a task none of them was trained for included (the composites join two changes). The table and the views follow it</source>
        <translation>为模型评分所用的任务：各自的目标任务，或者全部用同一个任务，包括它们都没训练过的任务（复合任务把两种变化合在一起）。表格和下方视图都随之改变</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Feature+LoRA minus control, in test accuracy, with a 95 % interval: over seeds when several seeds of both were evaluated, else over test images. An interval that includes zero means the data cannot tell whether the feature helps</source>
        <translation>特征 + LoRA 与对照的测试准确率之差，以及 95% 区间：若两者都评估了多个随机种子，则跨随机种子计算，否则跨测试图像计算。区间包含零，说明数据无法判断该特征是否有帮助。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The model the views below show</source>
        <translation>下方视图显示的模型。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The model it is compared with: &apos;fixed&apos; and &apos;broken by LoRA&apos;, the difference of confusion matrices and the drawing&apos;s second answer</source>
        <translation>与之对比的模型：用于“被 LoRA 纠正”和“被 LoRA 改错”的图像、混淆矩阵的差值，以及手写数字的第二个答案。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export merged…</source>
        <translation>导出合并模型…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the inspected model with LoRA merged into its weights (one safetensors file, a plain CNN), checked against the unmerged model</source>
        <translation>把 LoRA 合并进所查看模型的权重后写入文件（一个 safetensors 文件，即普通的 CNN），并与未合并的模型核对。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy command</source>
        <translation>复制命令</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&lt;b&gt;Saved models&lt;/b&gt;</source>
        <translation>&lt;b&gt;已保存的模型&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scored on</source>
        <translation>评分任务</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;Inspect&lt;/b&gt;</source>
        <translation>&lt;b&gt;查看&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>compared with</source>
        <translation>对比</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>No model chosen</source>
        <translation>未选择模型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tick at least one saved model to evaluate.</source>
        <translation>请至少勾选一个已保存的模型进行评估。</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Exporting: comparing merged and unmerged outputs on the test set…</source>
        <translation>正在导出：在测试集上比较合并前后的输出…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export merged weights</source>
        <translation>导出合并后的权重</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Copy the lora-studio command that made the inspected model:</source>
        <translation>复制生成所查看模型的 lora-studio 命令：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the lora-studio command that made the inspected model</source>
        <translation>复制生成所查看模型的 lora-studio 命令</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Evaluating…</source>
        <translation>正在评估…</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>&lt;b&gt;Feature effect&lt;/b&gt; (feature+LoRA − control, {0}): {1}</source>
        <translation>&lt;b&gt;特征效应&lt;/b&gt;（特征 + LoRA − 对照，{0}）：{1}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&lt;b&gt;Exported&lt;/b&gt; {0} to {1}: {2}.</source>
        <translation>&lt;b&gt;已导出&lt;/b&gt; {0} 到 {1}：{2}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export stopped: {0}</source>
        <translation>导出已停止：{0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export failed: {0}</source>
        <translation>导出失败：{0}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{0} at {1} %</source>
        <translation>{0}：{1} %</translation>
    </message>
    <message>
        <location filename="../gui/evaluation/labels.py" line="+42"/>
        <source>{0} ep</source>
        <translation>{0} 轮</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>from {0}</source>
        <translation>基于 {0}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>seed {0}</source>
        <extracomment>what may tell two models of one kind and seed apart, in the order a label says it</extracomment>
        <translation>随机种子 {0}</translation>
    </message>
    <message>
        <location filename="../gui/evaluation/task_choice.py" line="+30"/>
        <source>Each model&apos;s own task</source>
        <translation>各模型自己的任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each model on the target task it was fine-tuned for (a base on its own data set), and on the source task</source>
        <translation>每个模型在它微调时的目标任务上评分（基础模型在它自己的数据集上），同时在源任务上评分</translation>
    </message>
    <message>
        <location filename="../gui/evaluation/hint.py" line="+24"/>
        <source>Tick the saved models to score, then Evaluate.</source>
        <translation>勾选要评分的已保存模型，然后点击“在测试集上评估”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>To see what the extra input adds, tick the feature+LoRA model&apos;s control too (the same LoRA without it, from the same base, settings and seed; the LoRA tab trains both), then Evaluate.</source>
        <translation>要看额外输入带来了什么，请同时勾选特征 + LoRA 模型的对照（不带额外输入的同一 LoRA，基础模型、设置和随机种子都相同；LoRA 标签页会同时训练两者），然后点击“在测试集上评估”。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Evaluate to score the base model(s) on their test set; tick fine-tuned models too to see what fine-tuning changed.</source>
        <translation>点击“在测试集上评估”，为基础模型在其测试集上评分；再勾选微调后的模型，即可看到微调改变了什么。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Evaluate to score the ticked models on {0} and on their base&apos;s own data set.</source>
        <translation>点击“在测试集上评估”，为勾选的模型在“{0}”和其基础模型自己的数据集上评分。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evaluate to score the ticked models: each on the task it was trained for and on its base&apos;s own data set.</source>
        <translation>点击“在测试集上评估”，为勾选的模型评分：各自在训练时的任务和其基础模型自己的数据集上。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>To see what the extra feature itself adds, evaluate a feature+LoRA model together with its control, the same LoRA without the extra input, from the same base and settings (the LoRA tab trains both).</source>
        <translation>要看额外特征本身带来了什么，请把特征 + LoRA 模型与它的对照一起评估：对照是不带额外输入、基础模型和设置都相同的同一 LoRA（LoRA 标签页会同时训练两者）。</translation>
    </message>
</context>
<context>
    <name>Explainer</name>
    <message>
        <location filename="../gui/learn/explainer_maps.py" line="+53"/>
        <source>B (d × r)</source>
        <translation>B (d × r)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>row i</source>
        <translation>行 i</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A (r × k)</source>
        <translation>A (r × k)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+38"/>
        <source>ΔW = s·B·A (d × k)</source>
        <translation>ΔW = s·B·A (d × k)</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>column j (input)</source>
        <translation>列 j（输入）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Point at a cell to see the sum of products it comes from</source>
        <translation>将鼠标指向一个单元格，查看它由哪些乘积相加而来</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+31"/>
        <source>σ of ΔW</source>
        <translation>ΔW 的奇异值 σ</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>index</source>
        <translation>序号</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>s·B·A, DoRA&apos;s low-rank part (d × k)</source>
        <translation>s·B·A，DoRA 的低秩部分 (d × k)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>σ of W′ − W</source>
        <translation>W′ − W 的奇异值 σ</translation>
    </message>
    <message>
        <location filename="../gui/learn/explainer_texts.py" line="+61"/>
        <source>&lt;p&gt;&lt;b&gt;{0}&lt;/b&gt; is a convolution from {1} to {2} channels with a {3} × {3} kernel. Its frozen weight is a tensor of shape ({2}, {1}, {3}, {3}); LoRA treats it as a matrix &lt;i&gt;W&lt;/i&gt; of &lt;i&gt;d&lt;/i&gt; × &lt;i&gt;k&lt;/i&gt; = {4}: one row per output channel, holding that channel&apos;s whole kernel.&lt;/p&gt;&lt;p&gt;The kernel is flattened in PyTorch&apos;s row-major order over (input channel, kernel row, kernel column): column &lt;i&gt;c&lt;/i&gt; = channel · {5} + row · {3} + column, so columns 0–{6} are input channel 0&apos;s kernel read row by row, then channel 1&apos;s, and so on. The adapters are stored channels-last (NHWC) in memory for speed: that moves the numbers in memory, not this order, which the heat maps below use too. &lt;i&gt;A&lt;/i&gt; is itself a {3} × {3} convolution from {1} channels to &lt;i&gt;r&lt;/i&gt; (as a matrix, &lt;i&gt;r&lt;/i&gt; × {7}) and &lt;i&gt;B&lt;/i&gt; a 1 × 1 convolution from &lt;i&gt;r&lt;/i&gt; to {2} channels (&lt;i&gt;d&lt;/i&gt; × &lt;i&gt;r&lt;/i&gt;).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;{0}&lt;/b&gt; 是一个卷积层，把 {1} 个通道映射为 {2} 个通道，卷积核大小为 {3} × {3}。它冻结的权重是形状为 ({2}, {1}, {3}, {3}) 的张量；LoRA 把它看作一个 &lt;i&gt;d&lt;/i&gt; × &lt;i&gt;k&lt;/i&gt; = {4} 的矩阵 &lt;i&gt;W&lt;/i&gt;：每个输出通道占一行，存放该通道的整个卷积核。&lt;/p&gt;&lt;p&gt;卷积核按 PyTorch 的行优先顺序，依（输入通道，核行，核列）展平：列号 &lt;i&gt;c&lt;/i&gt; = 通道 · {5} + 行 · {3} + 列，因此列 0–{6} 是输入通道 0 的卷积核（逐行读出），接着是通道 1 的，依此类推。为了提速，适配器在内存中按通道在后（NHWC）的格式存放：这只改变数字在内存中的位置，不改变这一顺序；下方的热力图用的也是这一顺序。&lt;i&gt;A&lt;/i&gt; 本身是一个 {3} × {3} 卷积，把 {1} 个通道映射为 &lt;i&gt;r&lt;/i&gt; 个通道（作为矩阵是 &lt;i&gt;r&lt;/i&gt; × {7}），&lt;i&gt;B&lt;/i&gt; 则是一个 1 × 1 卷积，把 &lt;i&gt;r&lt;/i&gt; 个通道映射为 {2} 个通道（&lt;i&gt;d&lt;/i&gt; × &lt;i&gt;r&lt;/i&gt;）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&lt;p&gt;&lt;b&gt;fc1&lt;/b&gt; is a linear layer, &lt;i&gt;y&lt;/i&gt; = &lt;i&gt;W x&lt;/i&gt; + &lt;i&gt;b&lt;/i&gt;, with &lt;i&gt;W&lt;/i&gt; of &lt;i&gt;d&lt;/i&gt; × &lt;i&gt;k&lt;/i&gt; = {0}: {1} hidden units, each reading the {2} numbers the convolutions leave (16 channels × 7 × 7, flattened). No extra input: as in the base.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;fc1&lt;/b&gt; 是一个线性层，&lt;i&gt;y&lt;/i&gt; = &lt;i&gt;W x&lt;/i&gt; + &lt;i&gt;b&lt;/i&gt;，其中 &lt;i&gt;W&lt;/i&gt; 为 &lt;i&gt;d&lt;/i&gt; × &lt;i&gt;k&lt;/i&gt; = {0}：{1} 个隐藏单元，每个单元读取卷积层输出的 {2} 个数（16 个通道 × 7 × 7，展平）。没有额外输入，与基础模型相同。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;p&gt;&lt;b&gt;fc1&lt;/b&gt; is a linear layer, &lt;i&gt;y&lt;/i&gt; = &lt;i&gt;W x&lt;/i&gt; + &lt;i&gt;b&lt;/i&gt;, with &lt;i&gt;W&lt;/i&gt; of &lt;i&gt;d&lt;/i&gt; × &lt;i&gt;k&lt;/i&gt; = {0}: {1} hidden units, each reading the {2} numbers the convolutions leave (16 channels × 7 × 7, flattened) followed by {3} extra input feature(s) ({4}) in the last column(s).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;fc1&lt;/b&gt; 是一个线性层，&lt;i&gt;y&lt;/i&gt; = &lt;i&gt;W x&lt;/i&gt; + &lt;i&gt;b&lt;/i&gt;，其中 &lt;i&gt;W&lt;/i&gt; 为 &lt;i&gt;d&lt;/i&gt; × &lt;i&gt;k&lt;/i&gt; = {0}：{1} 个隐藏单元，每个单元读取卷积层输出的 {2} 个数（16 个通道 × 7 × 7，展平），其后是排在最后的 {3} 个额外输入特征（{4}）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;p&gt;&lt;b&gt;{0}&lt;/b&gt; is a linear layer, &lt;i&gt;y&lt;/i&gt; = &lt;i&gt;W x&lt;/i&gt; + &lt;i&gt;b&lt;/i&gt;, with &lt;i&gt;W&lt;/i&gt; of &lt;i&gt;d&lt;/i&gt; × &lt;i&gt;k&lt;/i&gt; = {1}: {2} outputs, each reading {3} inputs.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;{0}&lt;/b&gt; 是一个线性层，&lt;i&gt;y&lt;/i&gt; = &lt;i&gt;W x&lt;/i&gt; + &lt;i&gt;b&lt;/i&gt;，其中 &lt;i&gt;W&lt;/i&gt; 为 &lt;i&gt;d&lt;/i&gt; × &lt;i&gt;k&lt;/i&gt; = {1}：{2} 个输出，每个输出读取 {3} 个输入。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&lt;p&gt;&lt;i&gt;B&lt;/i&gt; is &lt;i&gt;d&lt;/i&gt; × &lt;i&gt;r&lt;/i&gt; = {0} and &lt;i&gt;A&lt;/i&gt; is &lt;i&gt;r&lt;/i&gt; × &lt;i&gt;k&lt;/i&gt; = {1}, so &lt;i&gt;B&lt;/i&gt;·&lt;i&gt;A&lt;/i&gt; has the shape of &lt;i&gt;W&lt;/i&gt;, {2}, but a rank of at most &lt;i&gt;r&lt;/i&gt; = {3}. DoRA adds &lt;i&gt;s&lt;/i&gt;·&lt;i&gt;B&lt;/i&gt;·&lt;i&gt;A&lt;/i&gt; to &lt;i&gt;W&lt;/i&gt; for a direction, then rescales each row &lt;i&gt;i&lt;/i&gt; of it to a learned length &lt;i&gt;m&lt;sub&gt;i&lt;/sub&gt;&lt;/i&gt;. Training moves &lt;i&gt;A&lt;/i&gt;, &lt;i&gt;B&lt;/i&gt; and &lt;i&gt;m&lt;/i&gt;, never &lt;i&gt;W&lt;/i&gt;. The update the layer acts with, Δ&lt;i&gt;W&lt;/i&gt; = &lt;i&gt;W&lt;/i&gt;′ − &lt;i&gt;W&lt;/i&gt;, includes that rescaling of every row, so it need not be low rank, whatever &lt;i&gt;r&lt;/i&gt; is. Inside the direction, &lt;i&gt;B&lt;/i&gt;·&lt;i&gt;A&lt;/i&gt; is multiplied by the scale&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;B&lt;/i&gt; 为 &lt;i&gt;d&lt;/i&gt; × &lt;i&gt;r&lt;/i&gt; = {0}，&lt;i&gt;A&lt;/i&gt; 为 &lt;i&gt;r&lt;/i&gt; × &lt;i&gt;k&lt;/i&gt; = {1}，因此 &lt;i&gt;B&lt;/i&gt;·&lt;i&gt;A&lt;/i&gt; 的形状与 &lt;i&gt;W&lt;/i&gt; 相同，都是 {2}，但秩至多为 &lt;i&gt;r&lt;/i&gt; = {3}。DoRA 把 &lt;i&gt;s&lt;/i&gt;·&lt;i&gt;B&lt;/i&gt;·&lt;i&gt;A&lt;/i&gt; 加到 &lt;i&gt;W&lt;/i&gt; 上得到方向，再把它的每一行 &lt;i&gt;i&lt;/i&gt; 重新缩放到学到的长度 &lt;i&gt;m&lt;sub&gt;i&lt;/sub&gt;&lt;/i&gt;。训练只更新 &lt;i&gt;A&lt;/i&gt;、&lt;i&gt;B&lt;/i&gt; 和 &lt;i&gt;m&lt;/i&gt;，从不改动 &lt;i&gt;W&lt;/i&gt;。该层实际使用的增量 Δ&lt;i&gt;W&lt;/i&gt; = &lt;i&gt;W&lt;/i&gt;′ − &lt;i&gt;W&lt;/i&gt; 包含了对每一行的这一重新缩放，所以无论 &lt;i&gt;r&lt;/i&gt; 是多少，它都不一定是低秩的。在方向内部，&lt;i&gt;B&lt;/i&gt;·&lt;i&gt;A&lt;/i&gt; 乘以缩放系数&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&lt;p&gt;&lt;i&gt;B&lt;/i&gt; is &lt;i&gt;d&lt;/i&gt; × &lt;i&gt;r&lt;/i&gt; = {0} and &lt;i&gt;A&lt;/i&gt; is &lt;i&gt;r&lt;/i&gt; × &lt;i&gt;k&lt;/i&gt; = {1}, so &lt;i&gt;B&lt;/i&gt;·&lt;i&gt;A&lt;/i&gt; has the shape of &lt;i&gt;W&lt;/i&gt;, {2}, but a rank of at most &lt;i&gt;r&lt;/i&gt; = {3}. &lt;i&gt;A&lt;/i&gt; starts small and random and &lt;i&gt;B&lt;/i&gt; at zero, so a fresh adapter changes nothing; training moves only &lt;i&gt;A&lt;/i&gt; and &lt;i&gt;B&lt;/i&gt;, never &lt;i&gt;W&lt;/i&gt;. The layer computes &lt;i&gt;W x&lt;/i&gt; + &lt;i&gt;s&lt;/i&gt;·&lt;i&gt;B&lt;/i&gt;(&lt;i&gt;A x&lt;/i&gt;) + &lt;i&gt;b&lt;/i&gt;, with the scale&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;B&lt;/i&gt; 为 &lt;i&gt;d&lt;/i&gt; × &lt;i&gt;r&lt;/i&gt; = {0}，&lt;i&gt;A&lt;/i&gt; 为 &lt;i&gt;r&lt;/i&gt; × &lt;i&gt;k&lt;/i&gt; = {1}，因此 &lt;i&gt;B&lt;/i&gt;·&lt;i&gt;A&lt;/i&gt; 的形状与 &lt;i&gt;W&lt;/i&gt; 相同，都是 {2}，但秩至多为 &lt;i&gt;r&lt;/i&gt; = {3}。&lt;i&gt;A&lt;/i&gt; 以较小的随机值初始化，&lt;i&gt;B&lt;/i&gt; 初始化为零，所以新建的适配器不改变任何东西；训练只更新 &lt;i&gt;A&lt;/i&gt; 和 &lt;i&gt;B&lt;/i&gt;，从不改动 &lt;i&gt;W&lt;/i&gt;。该层计算 &lt;i&gt;W x&lt;/i&gt; + &lt;i&gt;s&lt;/i&gt;·&lt;i&gt;B&lt;/i&gt;(&lt;i&gt;A x&lt;/i&gt;) + &lt;i&gt;b&lt;/i&gt;，其中缩放系数为&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>A full update of &lt;i&gt;W&lt;/i&gt;</source>
        <translation>&lt;i&gt;W&lt;/i&gt; 的完整增量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LoRA&apos;s &lt;i&gt;B&lt;/i&gt; and &lt;i&gt;A&lt;/i&gt;</source>
        <translation>LoRA 的 &lt;i&gt;B&lt;/i&gt; 和 &lt;i&gt;A&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DoRA&apos;s magnitudes &lt;i&gt;m&lt;/i&gt;</source>
        <translation>DoRA 的幅值 &lt;i&gt;m&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The whole adapter</source>
        <translation>整个适配器</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;p&gt;The adapter trains {0} parameters instead of {1}: {2} % of them, {3} times fewer.&lt;/p&gt;</source>
        <translation>&lt;p&gt;适配器只训练 {0} 个参数，而不是 {1} 个：仅为后者的 {2} %，即 1/{3}。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;p&gt;At rank {0} the adapter has {1} parameters, not fewer than the {2} of &lt;i&gt;W&lt;/i&gt; itself: on this small layer LoRA saves parameters only below &lt;i&gt;r&lt;/i&gt; = &lt;i&gt;d k&lt;/i&gt; / (&lt;i&gt;d&lt;/i&gt; + &lt;i&gt;k&lt;/i&gt;) = {3}.&lt;/p&gt;</source>
        <translation>&lt;p&gt;秩为 {0} 时，适配器有 {1} 个参数，并不比 &lt;i&gt;W&lt;/i&gt; 本身的 {2} 个少：在这个小层上，只有 &lt;i&gt;r&lt;/i&gt; 低于 &lt;i&gt;d k&lt;/i&gt; / (&lt;i&gt;d&lt;/i&gt; + &lt;i&gt;k&lt;/i&gt;) = {3} 时，LoRA 才能节省参数。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&lt;p&gt;Reading the adapter…&lt;/p&gt;</source>
        <translation>&lt;p&gt;正在读取适配器…&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;There is no LoRA adapter in the library yet: fine-tune one on the LoRA tab, then pick it above to see its &lt;i&gt;B&lt;/i&gt;, &lt;i&gt;A&lt;/i&gt; and Δ&lt;i&gt;W&lt;/i&gt; in their true shapes.&lt;/p&gt;</source>
        <translation>&lt;p&gt;模型库中还没有 LoRA 适配器：请先在 LoRA 标签页微调一个，再在上方选中它，即可按真实形状查看它的 &lt;i&gt;B&lt;/i&gt;、&lt;i&gt;A&lt;/i&gt; 和 Δ&lt;i&gt;W&lt;/i&gt;。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;p&gt;&lt;b&gt;{0}&lt;/b&gt; did not adapt {1}: its adapters are on {2}. Choose one of those layers above, or another adapter.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;{0}&lt;/b&gt; 没有适配 {1}：它的适配器在 {2} 上。请在上方选择其中一层，或换一个适配器。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;p&gt;&lt;b&gt;{0}&lt;/b&gt; was trained with &lt;i&gt;r&lt;/i&gt; = {1}, α = {2} ({3}), so &lt;i&gt;s&lt;/i&gt; = {4}. Below, &lt;i&gt;B&lt;/i&gt;, &lt;i&gt;A&lt;/i&gt; and Δ&lt;i&gt;W&lt;/i&gt; = &lt;i&gt;s&lt;/i&gt;·&lt;i&gt;B&lt;/i&gt;·&lt;i&gt;A&lt;/i&gt; are drawn in their true shapes (blue negative, red positive, white zero). Point at a cell of Δ&lt;i&gt;W&lt;/i&gt; to see the sum it comes from: row &lt;i&gt;i&lt;/i&gt; of &lt;i&gt;B&lt;/i&gt; times column &lt;i&gt;j&lt;/i&gt; of &lt;i&gt;A&lt;/i&gt;, times &lt;i&gt;s&lt;/i&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;{0}&lt;/b&gt; 训练时使用 &lt;i&gt;r&lt;/i&gt; = {1}、α = {2}（{3}），因此 &lt;i&gt;s&lt;/i&gt; = {4}。下方按真实形状绘出 &lt;i&gt;B&lt;/i&gt;、&lt;i&gt;A&lt;/i&gt; 和 Δ&lt;i&gt;W&lt;/i&gt; = &lt;i&gt;s&lt;/i&gt;·&lt;i&gt;B&lt;/i&gt;·&lt;i&gt;A&lt;/i&gt;（蓝色为负，红色为正，白色为零）。将鼠标指向 Δ&lt;i&gt;W&lt;/i&gt; 的一个单元格，即可看到它由哪些项相加而来：&lt;i&gt;B&lt;/i&gt; 的行 &lt;i&gt;i&lt;/i&gt; 乘以 &lt;i&gt;A&lt;/i&gt; 的列 &lt;i&gt;j&lt;/i&gt;，再乘以 &lt;i&gt;s&lt;/i&gt;。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;p&gt;The update is {0} % of the frozen weight&apos;s size (Frobenius norms). {1} of its {2} singular values are non-zero, never more than &lt;i&gt;r&lt;/i&gt; = {3}: that is what low rank means. The plot beside the maps shows them.&lt;/p&gt;</source>
        <translation>&lt;p&gt;增量的大小是冻结权重的 {0} %（按 F 范数，即弗罗贝尼乌斯范数计）。它的 {2} 个奇异值中有 {1} 个不为零，永远不会多于 &lt;i&gt;r&lt;/i&gt; = {3}：这就是“低秩”的含义。热力图旁边的图画出了这些奇异值。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;p&gt;&lt;b&gt;{0}&lt;/b&gt; was trained with &lt;i&gt;r&lt;/i&gt; = {1}, α = {2} ({3}), so &lt;i&gt;s&lt;/i&gt; = {4}. Below, &lt;i&gt;B&lt;/i&gt;, &lt;i&gt;A&lt;/i&gt; and the low-rank part &lt;i&gt;s&lt;/i&gt;·&lt;i&gt;B&lt;/i&gt;·&lt;i&gt;A&lt;/i&gt; of the new direction are drawn in their true shapes (blue negative, red positive, white zero). Point at a cell of &lt;i&gt;s&lt;/i&gt;·&lt;i&gt;B&lt;/i&gt;·&lt;i&gt;A&lt;/i&gt; to see the sum it comes from: row &lt;i&gt;i&lt;/i&gt; of &lt;i&gt;B&lt;/i&gt; times column &lt;i&gt;j&lt;/i&gt; of &lt;i&gt;A&lt;/i&gt;, times &lt;i&gt;s&lt;/i&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;{0}&lt;/b&gt; 训练时使用 &lt;i&gt;r&lt;/i&gt; = {1}、α = {2}（{3}），因此 &lt;i&gt;s&lt;/i&gt; = {4}。下方按真实形状绘出 &lt;i&gt;B&lt;/i&gt;、&lt;i&gt;A&lt;/i&gt; 以及新方向的低秩部分 &lt;i&gt;s&lt;/i&gt;·&lt;i&gt;B&lt;/i&gt;·&lt;i&gt;A&lt;/i&gt;（蓝色为负，红色为正，白色为零）。将鼠标指向 &lt;i&gt;s&lt;/i&gt;·&lt;i&gt;B&lt;/i&gt;·&lt;i&gt;A&lt;/i&gt; 的一个单元格，即可看到它由哪些项相加而来：&lt;i&gt;B&lt;/i&gt; 的行 &lt;i&gt;i&lt;/i&gt; 乘以 &lt;i&gt;A&lt;/i&gt; 的列 &lt;i&gt;j&lt;/i&gt;，再乘以 &lt;i&gt;s&lt;/i&gt;。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;p&gt;This adapter is DoRA: it rescales each row &lt;i&gt;i&lt;/i&gt; of &lt;i&gt;W&lt;/i&gt; + &lt;i&gt;s&lt;/i&gt;·&lt;i&gt;B&lt;/i&gt;·&lt;i&gt;A&lt;/i&gt; to its learned length &lt;i&gt;m&lt;sub&gt;i&lt;/sub&gt;&lt;/i&gt; (the factors &lt;i&gt;m&lt;sub&gt;i&lt;/sub&gt;&lt;/i&gt; / ‖row &lt;i&gt;i&lt;/i&gt;‖ run from {0} to {1} here), so the update the layer acts with, Δ&lt;i&gt;W&lt;/i&gt; = &lt;i&gt;W&lt;/i&gt;′ − &lt;i&gt;W&lt;/i&gt;, includes that rescaling and need not be low rank: its size is {2} of ‖&lt;i&gt;W&lt;/i&gt;‖, and {3} of its {4} singular values are non-zero where &lt;i&gt;s&lt;/i&gt;·&lt;i&gt;B&lt;/i&gt;·&lt;i&gt;A&lt;/i&gt; alone has at most &lt;i&gt;r&lt;/i&gt; = {5}. The plot beside the maps shows those of &lt;i&gt;W&lt;/i&gt;′ − &lt;i&gt;W&lt;/i&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;这个适配器是 DoRA：它把 &lt;i&gt;W&lt;/i&gt; + &lt;i&gt;s&lt;/i&gt;·&lt;i&gt;B&lt;/i&gt;·&lt;i&gt;A&lt;/i&gt; 的每一行 &lt;i&gt;i&lt;/i&gt; 重新缩放到学到的长度 &lt;i&gt;m&lt;sub&gt;i&lt;/sub&gt;&lt;/i&gt;（这里的缩放因子 &lt;i&gt;m&lt;sub&gt;i&lt;/sub&gt;&lt;/i&gt; / ‖行 &lt;i&gt;i&lt;/i&gt;‖ 从 {0} 到 {1}），因此该层实际使用的增量 Δ&lt;i&gt;W&lt;/i&gt; = &lt;i&gt;W&lt;/i&gt;′ − &lt;i&gt;W&lt;/i&gt; 包含了这一重新缩放，不一定是低秩的：它的大小是 ‖&lt;i&gt;W&lt;/i&gt;‖ 的 {2}，它的 {4} 个奇异值中有 {3} 个不为零，而单独的 &lt;i&gt;s&lt;/i&gt;·&lt;i&gt;B&lt;/i&gt;·&lt;i&gt;A&lt;/i&gt; 至多只有 &lt;i&gt;r&lt;/i&gt; = {5} 个。热力图旁边的图画出的是 &lt;i&gt;W&lt;/i&gt;′ − &lt;i&gt;W&lt;/i&gt; 的奇异值。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&lt;p&gt;The formulas and counts above follow the LoRA tab (&lt;i&gt;r&lt;/i&gt; = {0}, α = {1}, {2}); this adapter&apos;s own settings are the ones in this paragraph.&lt;/p&gt;</source>
        <translation>&lt;p&gt;上文的公式和参数计数采用 LoRA 标签页的设置（&lt;i&gt;r&lt;/i&gt; = {0}，α = {1}，{2}）；这个适配器自己的设置以本段所写为准。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&lt;p&gt;&lt;b&gt;Rank &lt;i&gt;r&lt;/i&gt;&lt;/b&gt; is the inner size of &lt;i&gt;B&lt;/i&gt;·&lt;i&gt;A&lt;/i&gt;. It bounds how many independent directions the update can have and sets the adapter&apos;s size, which grows in step with it. Here &lt;i&gt;r&lt;/i&gt; = {0}.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;秩 &lt;i&gt;r&lt;/i&gt;&lt;/b&gt; 是 &lt;i&gt;B&lt;/i&gt;·&lt;i&gt;A&lt;/i&gt; 的中间维度。它限定了增量最多能有多少个独立方向，也决定了适配器的大小：适配器随它同步增大。这里 &lt;i&gt;r&lt;/i&gt; = {0}。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>rank</source>
        <comment>the rank of a matrix, as a formula writes it: rank(ΔW)</comment>
        <translation>秩</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;p&gt;&lt;b&gt;Alpha α&lt;/b&gt; scales the update. With plain LoRA the scale is α/&lt;i&gt;r&lt;/i&gt;, so a higher rank at the same α damps each direction; keeping α/&lt;i&gt;r&lt;/i&gt; fixed (α = 2&lt;i&gt;r&lt;/i&gt; is common) keeps the update&apos;s size comparable across ranks. With Adam, a larger α acts much like a larger learning rate for the adapter. Here α/&lt;i&gt;r&lt;/i&gt; = {0}.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;缩放因子 α&lt;/b&gt; 决定增量放大多少。标准 LoRA 的缩放系数是 α/&lt;i&gt;r&lt;/i&gt;，所以 α 不变时，秩越高，每个方向就被压得越小；保持 α/&lt;i&gt;r&lt;/i&gt; 不变（常取 α = 2&lt;i&gt;r&lt;/i&gt;），不同秩下增量的大小就大致可比。使用 Adam 时，增大 α 的效果很像给适配器调高学习率。这里 α/&lt;i&gt;r&lt;/i&gt; = {0}。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;p&gt;&lt;b&gt;rsLoRA&lt;/b&gt; (rank-stabilised LoRA) divides by √&lt;i&gt;r&lt;/i&gt; instead of &lt;i&gt;r&lt;/i&gt;, so the update keeps its size as the rank grows and a higher rank can actually learn more. At these settings its scale is {0} where plain LoRA&apos;s is {1}.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;rsLoRA&lt;/b&gt;（秩稳定 LoRA）除以 √&lt;i&gt;r&lt;/i&gt; 而不是 &lt;i&gt;r&lt;/i&gt;，因此秩增大时增量的大小保持不变，更高的秩也就真能学到更多。在当前设置下，它的缩放系数是 {0}，而标准 LoRA 的是 {1}。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;p&gt;&lt;b&gt;DoRA&lt;/b&gt; (weight-decomposed LoRA) splits each row of the new weight into a length and a direction: the direction is that row of &lt;i&gt;W&lt;/i&gt; + &lt;i&gt;s&lt;/i&gt;·&lt;i&gt;B&lt;/i&gt;·&lt;i&gt;A&lt;/i&gt;, the length &lt;i&gt;m&lt;sub&gt;i&lt;/sub&gt;&lt;/i&gt; is learned, starting at the row&apos;s own length. It adds &lt;i&gt;d&lt;/i&gt; = {0} parameters, one magnitude per output, to the adapter.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;DoRA&lt;/b&gt;（权重分解 LoRA）把新权重的每一行拆成长度和方向：方向取 &lt;i&gt;W&lt;/i&gt; + &lt;i&gt;s&lt;/i&gt;·&lt;i&gt;B&lt;/i&gt;·&lt;i&gt;A&lt;/i&gt; 的对应行，长度 &lt;i&gt;m&lt;sub&gt;i&lt;/sub&gt;&lt;/i&gt; 则靠学习得到，初始值就是该行原本的长度。它给适配器增加 &lt;i&gt;d&lt;/i&gt; = {0} 个参数，即每个输出一个幅值。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;p&gt;&lt;b&gt;LoRA+&lt;/b&gt; changes training, not the formula: &lt;i&gt;B&lt;/i&gt; learns with a learning rate λ times &lt;i&gt;A&lt;/i&gt;&apos;s, because &lt;i&gt;B&lt;/i&gt; starts at zero and has further to go. Here λ = {0} (1 is plain LoRA).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;LoRA+&lt;/b&gt; 改变的是训练方式，而不是公式：&lt;i&gt;B&lt;/i&gt; 的学习率是 &lt;i&gt;A&lt;/i&gt; 的 λ 倍，因为 &lt;i&gt;B&lt;/i&gt; 从零出发，要走的路更远。这里 λ = {0}（1 即标准 LoRA）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;p&gt;&lt;b&gt;Merge&lt;/b&gt; writes the update into the frozen weight once training is done (DoRA writes its &lt;i&gt;W&lt;/i&gt;′). The merged layer computes exactly what the adapted one did, with one matrix and no extra work; unmerging restores &lt;i&gt;W&lt;/i&gt;. The model library&apos;s “export merged weights” does this.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;合并&lt;/b&gt;：训练结束后，把增量写进冻结的权重（DoRA 写入它的 &lt;i&gt;W&lt;/i&gt;′）。合并后的层只用一个矩阵、不做额外计算，算出的结果与适配后的层完全相同；取消合并即可恢复 &lt;i&gt;W&lt;/i&gt;。模型库的“导出合并后的权重”做的就是这件事。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&lt;p&gt;&lt;b&gt;The article&apos;s brightness feature.&lt;/b&gt; The fine-tuned model&apos;s fc1 takes one more input than the base&apos;s: after the 784 convolution features comes the image&apos;s mean brightness (standardised). So its &lt;i&gt;W&lt;/i&gt; gains a column, column 784 (the 785th). The base model&apos;s 784 columns are copied and stay frozen; the new one starts random and is trained directly, beside the adapters (fc1&apos;s &lt;i&gt;A&lt;/i&gt; also has a column for it).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Why its effect needs a control.&lt;/b&gt; A fine-tuned model can score higher simply because it trained longer, with new parameters, on the same data. To see what the brightness column itself adds, the app also runs a control: the same LoRA fine-tuning, same seeds and epochs, without the extra feature. The feature&apos;s effect is the difference between the two, with its uncertainty over seeds (the Evaluation tab&apos;s accuracy table).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;文章中的额外亮度特征。&lt;/b&gt;微调后模型的 fc1 比基础模型的多一个输入：在 784 个卷积特征之后，是图像的平均亮度（标准化值）。因此它的 &lt;i&gt;W&lt;/i&gt; 多出一列，即列 784（第 785 列）。基础模型的 784 列原样拷贝并保持冻结；新增的一列随机初始化，与适配器一起直接训练（fc1 的 &lt;i&gt;A&lt;/i&gt; 也为它多出一列）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;为什么它的效应需要对照。&lt;/b&gt;微调后的模型得分更高，可能只是因为它在同样的数据上多训练了一段时间，又多了新参数。为了看清亮度这一列本身带来了什么，程序还会运行一个对照：同样的 LoRA 微调，同样的随机种子和训练轮数，只是不带额外特征。特征效应就是两者之差，以及它跨随机种子的不确定性（见评估标签页的准确率表）。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ExplainerJobs</name>
    <message>
        <location filename="../gui/learn/explainer_jobs.py" line="+89"/>
        <source>{0} has no LoRA adapters</source>
        <translation>{0} 没有 LoRA 适配器</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{0}: adapters of {1}</source>
        <translation>{0}：{1} 上的适配器</translation>
    </message>
</context>
<context>
    <name>ExplainerPanel</name>
    <message>
        <location filename="../gui/learn/explainer_panel.py" line="+55"/>
        <source>The layer whose weight and update the explanation is about</source>
        <translation>讲解中的权重和增量所属的层</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A LoRA model from the library whose trained B, A and ΔW are drawn</source>
        <translation>模型库中的一个 LoRA 模型：绘出它训练得到的 B、A 和 ΔW</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trained adapter</source>
        <translation>已训练的适配器</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+178"/>
        <source>Point at a cell of ΔW to see the sum it comes from.</source>
        <translation>将鼠标指向 ΔW 的一个单元格，查看它由哪些项相加而来。</translation>
    </message>
    <message>
        <location line="-104"/>
        <source>&lt;h3&gt;How LoRA works on {0}&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;LoRA 在 {0} 上如何工作&lt;/h3&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h4&gt;The update&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;增量&lt;/h4&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h4&gt;Parameters&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;参数量&lt;/h4&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h4&gt;The trained adapter&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;已训练的适配器&lt;/h4&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h4&gt;What the settings change&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;各项设置的作用&lt;/h4&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h4&gt;The brightness feature&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;亮度特征&lt;/h4&gt;</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>This adapter could not be read: {0}</source>
        <translation>无法读取这个适配器：{0}</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Reading the adapter…</source>
        <translation>正在读取适配器…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fine-tune a LoRA model to see its B, A and ΔW here</source>
        <translation>微调一个 LoRA 模型，即可在这里看到它的 B、A 和 ΔW</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} did not adapt {1}</source>
        <translation>{0} 没有适配 {1}</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>(&lt;i&gt;s&lt;/i&gt;·&lt;i&gt;B&lt;/i&gt;·&lt;i&gt;A&lt;/i&gt;)[{0}, {1}] = &lt;i&gt;s&lt;/i&gt;·Σ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; &lt;i&gt;B&lt;/i&gt;[{0},&lt;i&gt;t&lt;/i&gt;]·&lt;i&gt;A&lt;/i&gt;[&lt;i&gt;t&lt;/i&gt;,{1}] = {2} × ({3}) = &lt;b&gt;{4}&lt;/b&gt;</source>
        <translation>(&lt;i&gt;s&lt;/i&gt;·&lt;i&gt;B&lt;/i&gt;·&lt;i&gt;A&lt;/i&gt;)[{0}, {1}] = &lt;i&gt;s&lt;/i&gt;·Σ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; &lt;i&gt;B&lt;/i&gt;[{0},&lt;i&gt;t&lt;/i&gt;]·&lt;i&gt;A&lt;/i&gt;[&lt;i&gt;t&lt;/i&gt;,{1}] = {2} × ({3}) = &lt;b&gt;{4}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Δ&lt;i&gt;W&lt;/i&gt;[{0}, {1}] = (α/{5})·Σ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; &lt;i&gt;B&lt;/i&gt;[{0},&lt;i&gt;t&lt;/i&gt;]·&lt;i&gt;A&lt;/i&gt;[&lt;i&gt;t&lt;/i&gt;,{1}] = {2} × ({3}) = &lt;b&gt;{4}&lt;/b&gt;</source>
        <translation>Δ&lt;i&gt;W&lt;/i&gt;[{0}, {1}] = (α/{5})·Σ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; &lt;i&gt;B&lt;/i&gt;[{0},&lt;i&gt;t&lt;/i&gt;]·&lt;i&gt;A&lt;/i&gt;[&lt;i&gt;t&lt;/i&gt;,{1}] = {2} × ({3}) = &lt;b&gt;{4}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Δ&lt;i&gt;W&lt;/i&gt;[{0}, {1}] = (α/&lt;i&gt;r&lt;/i&gt;)·Σ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; &lt;i&gt;B&lt;/i&gt;[{0},&lt;i&gt;t&lt;/i&gt;]·&lt;i&gt;A&lt;/i&gt;[&lt;i&gt;t&lt;/i&gt;,{1}] = {2} × ({3}) = &lt;b&gt;{4}&lt;/b&gt;</source>
        <translation>Δ&lt;i&gt;W&lt;/i&gt;[{0}, {1}] = (α/&lt;i&gt;r&lt;/i&gt;)·Σ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; &lt;i&gt;B&lt;/i&gt;[{0},&lt;i&gt;t&lt;/i&gt;]·&lt;i&gt;A&lt;/i&gt;[&lt;i&gt;t&lt;/i&gt;,{1}] = {2} × ({3}) = &lt;b&gt;{4}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Column {0} is input channel {1}, kernel row {2}, kernel column {3}.</source>
        <translation>列 {0} 对应输入通道 {1} 的卷积核中的行 {2}、列 {3}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Column {0} is the extra input feature “{1}”.</source>
        <translation>列 {0} 是额外输入特征“{1}”。</translation>
    </message>
</context>
<context>
    <name>ExportCodeButton</name>
    <message>
        <location filename="../gui/shared/code_export.py" line="+30"/>
        <source>Python script (*.py)</source>
        <extracomment>the languages the core writes comments in (core export_code.LANGUAGES, named here without importing PyTorch) the save dialog&apos;s filters by format (core export_code.FORMATS): the filter chosen picks the format</extracomment>
        <translation>Python 脚本 (*.py)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jupyter notebook (*.ipynb)</source>
        <translation>Jupyter 笔记本 (*.ipynb)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>wrote {0}; open it in Jupyter: its first code cell holds the data folder, the base model&apos;s weights file, the seed and the epochs</source>
        <translation>已写入 {0}；请用 Jupyter 打开：第一个代码单元格里是数据文件夹、基础模型的权重文件、随机种子和训练轮数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>wrote {0}; run it with: python {1} [--data-dir DIR] [--base PATH] [--seed N] [--epochs N]</source>
        <translation>已写入 {0}；运行方式：python {1} [--data-dir DIR] [--base PATH] [--seed N] [--epochs N]</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Export as code…</source>
        <translation>导出为代码…</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Export as code</source>
        <translation>导出为代码</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Choose a fine-tuned model to write its run as a standalone PyTorch + PEFT script</source>
        <translation>选择一个微调后的模型，把它的运行写成独立的 PyTorch + PEFT 脚本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checking whether {0} can be exported as code…</source>
        <translation>正在检查 {0} 能否导出为代码…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot be exported as code: {0}</source>
        <translation>无法导出为代码：{0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write {0}&apos;s run as a standalone Python script or Jupyter notebook that trains it again with PyTorch and PEFT (no LoRA Studio needed), commented for a reader who has just used the app</source>
        <translation>把 {0} 的运行写成独立的 Python 脚本或 Jupyter 笔记本，用 PyTorch 和 PEFT 重新训练它（无需 LoRA Studio），注释写给刚用过本应用的读者</translation>
    </message>
</context>
<context>
    <name>GalleryModel</name>
    <message>
        <location filename="../gui/evaluation/gallery.py" line="+69"/>
        <source>the model</source>
        <translation>该模型</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Test image #{0}: true class {1}; {2} says {3} with {4} % confidence; brightness {5}</source>
        <translation>测试图像 #{0}：真实类别 {1}；{2} 判为 {3}，置信度 {4} %；亮度 {5}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test image #{0}: true class {1}; {2} says {3} with {4} % confidence; brightness {5}; {6} said {7}</source>
        <translation>测试图像 #{0}：真实类别 {1}；{2} 判为 {3}，置信度 {4} %；亮度 {5}；{6} 曾判为 {7}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the compared model</source>
        <translation>对比模型</translation>
    </message>
</context>
<context>
    <name>GalleryPanel</name>
    <message>
        <location filename="../gui/evaluation/gallery_panel.py" line="+18"/>
        <source>All errors</source>
        <extracomment>(key, title, tooltip), the texts in English: translated where shown</extracomment>
        <translation>全部错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every test image the inspected model gets wrong</source>
        <translation>所查看的模型判错的每一张测试图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixed by LoRA</source>
        <translation>被 LoRA 纠正</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The compared model (the base) got these wrong, the inspected model gets them right</source>
        <translation>对比模型（基础模型）判错、所查看的模型判对的图像</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Broken by LoRA</source>
        <translation>被 LoRA 改错</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The compared model (the base) got these right, the inspected model gets them wrong</source>
        <translation>对比模型（基础模型）判对、所查看的模型判错的图像</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confusion-matrix cell</source>
        <translation>混淆矩阵单元格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The images of the cell last clicked in the confusion matrix</source>
        <translation>混淆矩阵中最近一次点击的单元格里的图像</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Most confident first</source>
        <translation>置信度从高到低</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Least confident first</source>
        <translation>置信度从低到高</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Darkest first</source>
        <translation>亮度从暗到亮</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brightest first</source>
        <translation>亮度从亮到暗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test-set order</source>
        <translation>测试集顺序</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Confident mistakes are the telling ones; sorting by brightness shows whether dark or bright digits go wrong</source>
        <translation>高置信度的错误最能说明问题；按亮度排序，可以看出是偏暗还是偏亮的数字更容易出错</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evaluate models to see the digits they get wrong.</source>
        <translation>评估模型后，这里会显示它们判错的数字。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sort</source>
        <translation>排序</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Cell: true {0} → predicted {1} (moved in or out)</source>
        <translation>单元格：真实 {0} → 预测 {1}（移入或移出）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cell: true {0} → predicted {1}</source>
        <translation>单元格：真实 {0} → 预测 {1}</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>images of true {0} that moved into or out of “predicted {1}”</source>
        <translation>真实为 {0}、移入或移出“预测为 {1}”的图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>images of true {0} that {1} calls {2}</source>
        <translation>真实为 {0}、被 {1} 判为 {2} 的图像</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>errors of {0}</source>
        <translation>{0} 的错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fixed: {0} wrong, {1} right</source>
        <translation>被纠正：{0} 判错，{1} 判对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>broken: {0} right, {1} wrong</source>
        <translation>被改错：{0} 判对，{1} 判错</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>images</source>
        <translation>图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; {1} (of {2} test images)</source>
        <translation>{1}：&lt;b&gt;{0}&lt;/b&gt; 张（共 {2} 张测试图像）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Under each digit: true: {0} → {1} (red: wrong), confidence · brightness</source>
        <translation>每个数字下方：真实类别：{0} 的答案 → {1} 的答案（红色：判错），置信度 · 亮度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Under each digit: true → predicted (red: wrong, green: right), confidence · brightness</source>
        <translation>每个数字下方：真实类别 → 预测类别（红色：判错，绿色：判对），置信度 · 亮度</translation>
    </message>
</context>
<context>
    <name>ImageGrid</name>
    <message>
        <location filename="../gui/shared/image_grid.py" line="+23"/>
        <source>No images</source>
        <translation>没有图像</translation>
    </message>
</context>
<context>
    <name>JobControls</name>
    <message>
        <location filename="../gui/shared/job_controls.py" line="+30"/>
        <location line="+51"/>
        <location line="+22"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>Pause after the current batch; click again to resume</source>
        <translation>在当前批次结束后暂停；再次点击即可继续</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paused · %p %</source>
        <translation>已暂停 · %p %</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../gui/language_menu.py" line="+24"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The window will be in {language} when LoRA Studio starts next. Restart now?</source>
        <translation>下次启动 LoRA Studio 时，界面语言将是 {language}。现在重新启动吗？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(LORA_STUDIO_LANGUAGE is set: while it is, it decides the language.)</source>
        <translation>（已设置环境变量 LORA_STUDIO_LANGUAGE：只要它还在，界面语言就由它决定。）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Restart now</source>
        <translation>立即重启</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <location filename="../gui/learn/lesson_panel.py" line="+33"/>
        <source>Each lesson asks a question and sets up the run that answers it</source>
        <translation>每节课程提出一个问题，并设置好能回答它的运行</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Set it up</source>
        <translation>一键设置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Put this lesson&apos;s settings into the other tabs and show the tab to run it in</source>
        <translation>把本课程的设置填入其他标签页，并切换到运行它的标签页</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+107"/>
        <location line="+6"/>
        <source>Show the answer</source>
        <translation>显示答案</translation>
    </message>
    <message>
        <location line="-110"/>
        <source>The answer, with the figures of your own runs when you have them</source>
        <translation>显示答案；如果你已经运行过，还会引用你自己运行得到的数字</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>You have no base model trained on {0} yet. Set it up takes you to the Base training tab with {1} epochs set (to the Dataset tab first when {0} is not here yet): train it, then click Set it up again.</source>
        <translation>你还没有在 {0} 上训练的基础模型。“一键设置”会带你到基础训练标签页，并把训练轮数设为 {1}（如果还没有 {0}，会先带你到数据集标签页）：训练好后，再点一次“一键设置”。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Hide the answer</source>
        <translation>隐藏答案</translation>
    </message>
</context>
<context>
    <name>LibraryDialog</name>
    <message>
        <location filename="../gui/library/dialog.py" line="+39"/>
        <source>Name</source>
        <extracomment>the columns by their English names (the code finds a column by it); the header shows them translated</extracomment>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Model library — LoRA Studio</source>
        <translation>模型库 — LoRA Studio</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The command that made it</source>
        <translation>生成它的命令</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a model to see the lora-studio command that made it.</source>
        <translation>选择一个模型，即可看到生成它的 lora-studio 命令。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Give the model a name of your choice</source>
        <translation>给模型起一个你喜欢的名字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove the model&apos;s folder from the library</source>
        <translation>从模型库中删除该模型的文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the model&apos;s files: config.json, weights, metrics, and for LoRA models the PEFT adapter</source>
        <translation>查看模型的文件：config.json、权重、指标，LoRA 模型还有 PEFT 格式的适配器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export merged weights…</source>
        <translation>导出合并后的权重…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write one safetensors file with LoRA merged into the weights: a plain CNN anyone can load</source>
        <translation>写出一个 safetensors 文件，LoRA 已合并进权重：得到一个谁都能加载的普通 CNN</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The command that made {0} cannot be written from its record.</source>
        <translation>无法根据 {0} 的记录写出生成它的命令。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Renamed to “{0}”</source>
        <translation>已重命名为“{0}”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete {0} and its files? This cannot be undone.</source>
        <translation>删除 {0} 及其文件吗？此操作无法撤销。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted {0}</source>
        <translation>已删除 {0}</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+12"/>
        <source>Model library</source>
        <translation>模型库</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Rename model</source>
        <translation>重命名模型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export merged weights</source>
        <translation>导出合并后的权重</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{0} of {1}</source>
        <translation>{0} / {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(unreadable)</source>
        <translation>（无法读取）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{0} model(s) in {1}</source>
        <translation>{1} 中有 {0} 个模型</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Exported {0} to {1}: {2}</source>
        <translation>已将 {0} 导出到 {1}：{2}</translation>
    </message>
</context>
<context>
    <name>LoraTab</name>
    <message>
        <location filename="../gui/lora/tab.py" line="+51"/>
        <source>First convolution (1→8 channels). Adapting it means re-running every convolution in each step.</source>
        <translation>第一个卷积层（1→8 通道）。适配它时，每一步都要重新计算全部卷积。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Second convolution (8→16 channels).</source>
        <translation>第二个卷积层（8→16 通道）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First fully connected layer (784 conv features + extra features → 64). The article adapts it.</source>
        <translation>第一个全连接层（784 个卷积特征 + 额外特征 → 64）。文章的实验适配了这一层。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output layer (64 → 10 classes). The article adapts it.</source>
        <translation>输出层（64 → 10 个类别）。文章的实验适配了这一层。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rank r: the inner size of the update ΔW = (α/r)·B·A. A has r rows, B has r columns, so the adapter&apos;s parameters grow linearly with r; small r forces a simple update.</source>
        <translation>秩 r：增量 ΔW = (α/r)·B·A 的中间维度。A 有 r 行，B 有 r 列，因此适配器的参数量随 r 线性增长；r 越小，增量就越简单。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Alpha α: the update is scaled by α/r. Raising α makes the adapter&apos;s changes count more without changing how many parameters it has.</source>
        <translation>缩放因子 α：增量按 α/r 缩放。增大 α 会让适配器带来的改变影响更大，而参数量不变。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The trained base model to start from: its weights stay frozen</source>
        <translation>作为起点的已训练基础模型：它的权重保持冻结。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Train a base model first</source>
        <translation>请先训练一个基础模型</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>How the base is adapted to the target task. All methods get the same epochs, learning rate and images, so their scores can be compared; hover over an item to read what it trains.</source>
        <translation>基础模型如何适配目标任务。所有方法使用相同的训练轮数、学习率和图像，因此得分可以相互比较；将鼠标悬停在某一项上，可查看它训练哪些参数。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Frozen</source>
        <translation>冻结参数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LoRA params</source>
        <translation>LoRA 参数</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The layer&apos;s weight shape</source>
        <translation>该层权重的形状。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parameters of this layer that stay frozen during fine-tuning</source>
        <translation>该层在微调中保持冻结的参数数量。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parameters of its adapter at the current rank: r·(in·k²) for A plus out·r for B</source>
        <translation>当前秩下该层适配器的参数量：A 为 r·(输入维度·k²)，B 为输出维度·r。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>How the adapter becomes a weight: LoRA, rsLoRA or DoRA</source>
        <translation>适配器如何变成权重：LoRA、rsLoRA 或 DoRA。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>LoRA+: B learns this many times faster than A (1 = plain LoRA; the LoRA+ paper uses 16)</source>
        <translation>LoRA+：B 的学习速度是 A 的几倍（1 即标准 LoRA；LoRA+ 论文用 16）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How strongly the low-rank update B·A is added to the frozen weight</source>
        <translation>低秩增量 B·A 叠加到冻结权重上的强度。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extra inputs to fc1</source>
        <translation>fc1 的额外输入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per-image values appended to fc1&apos;s input; their new weights are trained too</source>
        <translation>为每张图像算出的数值，追加到 fc1 的输入中；它们的新权重也会参与训练。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loading the feature list…</source>
        <translation>正在加载特征列表…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also run a control without the extra features</source>
        <translation>同时运行不带额外特征的对照</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The same LoRA fine-tuning without the extra inputs. Only the difference between the two says what the feature itself adds; fine-tuning alone also gains a little.</source>
        <translation>不带额外输入、其余相同的 LoRA 微调。只有两者之差才能说明特征本身带来了什么：单靠微调也会有少许提升。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Passes over the training set (the article: 2)</source>
        <translation>遍历训练集的次数（文章中为 2）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adam&apos;s learning rate for the adapters</source>
        <translation>训练适配器的 Adam 优化器的学习率。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use only the first N training images</source>
        <translation>只使用前 N 张训练图像。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Repeat the fine-tuning with seeds 0, 1, …: the spread shows training noise, and the feature&apos;s effect then gets an interval over seeds</source>
        <translation>用随机种子 0、1、… 重复微调：结果的离散程度体现训练噪声，特征效应也由此得到跨随机种子的区间。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Adapters plus fc1&apos;s new feature columns, against all parameters of the model</source>
        <translation>适配器加上 fc1 新增的特征列，与模型全部参数相比。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Start from, adapt to</source>
        <translation>起点与适配目标</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Base model</source>
        <translation>基础模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target task</source>
        <translation>目标任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Layers to adapt</source>
        <translation>要适配的层</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Adapter</source>
        <translation>适配器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rank r</source>
        <translation>秩 r</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alpha α</source>
        <translation>缩放因子 α</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Variant</source>
        <translation>变体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale</source>
        <translation>缩放系数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LoRA+ ratio</source>
        <translation>LoRA+ 倍率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Epochs</source>
        <translation>训练轮数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training images</source>
        <translation>训练图像数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seeds</source>
        <translation>随机种子数</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+148"/>
        <source>Fine-tune with LoRA</source>
        <translation>用 LoRA 微调</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>No base model</source>
        <translation>没有基础模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train a base model in the Base training tab first: LoRA fine-tunes a copy of it.</source>
        <translation>请先在基础训练标签页中训练一个基础模型：LoRA 微调的是它的副本。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check the settings</source>
        <translation>请检查设置</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{0} learned nothing</source>
        <translation>{0}什么也没学到</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Append the image&apos;s {0} ({1}) to fc1&apos;s input, standardised with the training set&apos;s mean and spread</source>
        <translation>把图像的{0}（{1}）追加到 fc1 的输入中，并用训练集的均值和标准差做标准化。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The layers, rank, alpha and extra inputs apply to LoRA only.</source>
        <translation>层、秩、缩放因子和额外输入只对 LoRA 有效。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Train: {0}</source>
        <translation>训练：{0}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>A control runs beside a run with extra inputs: tick one above</source>
        <translation>对照只与带额外输入的运行一同运行：请先在上方勾选一项</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>fc1 also gets {0} new input column(s) for the extra features: {1} trainable parameters.</source>
        <translation>fc1 还会为额外特征新增 {0} 个输入列：共 {1} 个可训练参数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No extra features: this run is a plain LoRA fine-tuning (what the control does).</source>
        <translation>没有额外特征：这次运行就是普通的 LoRA 微调（与对照相同）。</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <location filename="../gui/shared/plots.py" line="-85"/>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cross-entropy loss</source>
        <translation>交叉熵损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The loss appears here while training runs</source>
        <translation>训练进行时，损失曲线显示在这里</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../gui/main_window.py" line="+37"/>
        <source>LoRA Studio</source>
        <translation>LoRA Studio</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+77"/>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>Choose, download or import the images</source>
        <translation>选择、下载或导入图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+76"/>
        <source>Base training</source>
        <translation>基础训练</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>Train the CNN from scratch</source>
        <translation>从头训练 CNN</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+75"/>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Fine-tune low-rank adapters plus an extra input feature</source>
        <translation>微调低秩适配器，并加入一个额外的输入特征</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+75"/>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Compare saved models on the test set</source>
        <translation>在测试集上比较已保存的模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+74"/>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>Sweep methods, LoRA ranks and variants: accuracy against trainable parameters</source>
        <translation>对方法、LoRA 的秩和变体做参数扫描：比较准确率与可训练参数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+72"/>
        <source>Learn</source>
        <translation>学习</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>How LoRA works, on the live model, and lessons that set up the experiments</source>
        <translation>结合当前模型讲解 LoRA 的原理，并提供可一键设置实验的课程</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Loading PyTorch…</source>
        <translation>正在加载 PyTorch…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>PyTorch could not load: {0}</source>
        <translation>PyTorch 加载失败：{0}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import data…</source>
        <translation>导入数据(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import a folder holding the four IDX files</source>
        <translation>导入一个包含四个 IDX 文件的文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open data folder</source>
        <translation>打开数据文件夹(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show where the data sets are kept</source>
        <translation>打开存放数据集的文件夹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train &amp;base model</source>
        <translation>训练基础模型(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fine-tune with &amp;LoRA</source>
        <translation>LoRA 微调(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Evaluate chosen models</source>
        <translation>评估所选模型(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run the s&amp;weep</source>
        <translation>运行参数扫描(&amp;W)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start the sweep set up in the Compare tab</source>
        <translation>开始对比标签页中设置好的参数扫描</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Pause or resume</source>
        <translation>暂停/继续(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Models</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model &amp;library…</source>
        <translation>模型库(&amp;L)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every saved model: rename, delete, open its folder, export merged weights</source>
        <translation>所有已保存的模型：重命名、删除、打开所在文件夹、导出合并后的权重</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About LoRA Studio</source>
        <translation>关于 LoRA Studio(&amp;A)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not create the data folder {0}: {1}.</source>
        <translation>无法创建数据文件夹 {0}：{1}。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Set up from {0}: ready to run</source>
        <translation>已基于 {0} 设置好：可以开始运行了</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set up from {0}: the adapters stacked on the Evaluation tab</source>
        <translation>已基于 {0} 设置好：适配器已堆叠在评估标签页上</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No base model trained on {0} yet: train one in the Base training tab, then click Set it up again</source>
        <translation>还没有在 {0} 上训练的基础模型：请在基础训练标签页训练一个，然后再次点击“一键设置”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No base model trained on {0} yet: download or import {0} here, train a base model in the Base training tab, then click Set it up again</source>
        <translation>还没有在 {0} 上训练的基础模型：请在这里下载或导入 {0}，到基础训练标签页训练一个基础模型，然后再次点击“一键设置”</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;p&gt;See how LoRA fine-tuning works: train a small CNN, add an input feature, fine-tune low-rank adapters, and compare with a control.&lt;/p&gt;</source>
        <translation>&lt;p&gt;亲手看看 LoRA 微调是怎样工作的：训练一个小型 CNN，加入一个输入特征，微调低秩适配器，再与对照运行比较。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;p&gt;&lt;b&gt;Data licences&lt;/b&gt;&lt;br&gt;{0}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;数据许可&lt;/b&gt;&lt;br&gt;{0}&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;Files are kept in {0}&lt;/p&gt;</source>
        <translation>&lt;p&gt;文件保存在 {0}&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>About LoRA Studio</source>
        <translation>关于 LoRA Studio</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Ready · PyTorch {0}</source>
        <translation>就绪 · PyTorch {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} running…</source>
        <translation>{0}进行中…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Loaded {0}</source>
        <translation>已加载 {0}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Settings are not saved</source>
        <translation>设置无法保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LoRA Studio cannot write its settings file {0}. It works as usual, but will not remember the window and the values of its controls next time.</source>
        <translation>LoRA Studio 无法写入设置文件 {0}。程序照常工作，但下次启动时不会记住窗口和各控件的取值。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Settings are not read</source>
        <translation>未能读取设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The settings file {0} could not be read: LoRA Studio starts with its defaults.</source>
        <translation>无法读取设置文件 {0}：LoRA Studio 将以默认设置启动。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Quit LoRA Studio?</source>
        <translation>退出 LoRA Studio？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} is still running. Stop it and quit? A run that has not finished is not saved.</source>
        <translation>“{0}”仍在运行。要停止它并退出吗？未完成的运行不会保存。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
</context>
<context>
    <name>ProbabilityPlot</name>
    <message>
        <location filename="../gui/evaluation/draw_canvas.py" line="+41"/>
        <source>Class probabilities</source>
        <translation>各类别的概率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>probability (%)</source>
        <translation>概率（%）</translation>
    </message>
</context>
<context>
    <name>StackJobs</name>
    <message>
        <location filename="../gui/evaluation/stack_jobs.py" line="+124"/>
        <source>{0} adapter(s) stacked: {1} % on the chosen task</source>
        <extracomment>(accuracy on the chosen task, accuracy on the source task)</extracomment>
        <translation>已堆叠 {0} 个适配器：在所选任务上 {1} %</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The base and {0} adapter(s) alone scored</source>
        <translation>已为基础模型和 {0} 个单独的适配器评分</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The stack scored over {0} seeds</source>
        <translation>已在 {0} 个随机种子上为堆叠评分</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Combining {0} adapters ({1})</source>
        <translation>正在合成 {0} 个适配器（{1}）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saved {0} ({1}): {2} % on the chosen task</source>
        <translation>已保存 {0}（{1}）：在所选任务上 {2} %</translation>
    </message>
</context>
<context>
    <name>StackPanel</name>
    <message>
        <location filename="../gui/evaluation/stack_panel.py" line="+77"/>
        <source>The task the stack is scored on (beside the source task): first, the adapters&apos; tasks together, a task none of them was trained for</source>
        <translation>为堆叠评分所用的任务（另外也在源任务上评分）：排在最前的是各适配器任务的叠加，这是它们都没训练过的任务</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Scored on</source>
        <translation>评分任务</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Loading the stack…</source>
        <translation>正在加载堆叠…</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+7"/>
        <source>Adapter stack</source>
        <translation>适配器堆叠</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Base model {0} is not in the library.</source>
        <translation>模型库中没有基础模型 {0}。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>These adapters cannot be stacked</source>
        <translation>这些适配器无法堆叠</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Could not score the stack: {0}</source>
        <translation>无法为堆叠评分：{0}</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Pick a base model, then add the LoRA adapters trained from it: each gets a weight, and the stack is scored on the chosen task without training.</source>
        <translation>先选一个基础模型，再添加基于它训练的 LoRA 适配器：每个适配器有一个权重，堆叠无需训练，直接在所选任务上评分。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Train a base model and LoRA adapters from it first.</source>
        <translation>请先训练一个基础模型，再基于它训练 LoRA 适配器。</translation>
    </message>
    <message>
        <location filename="../gui/evaluation/task_choice.py" line="+11"/>
        <source>{0} (the adapters&apos; tasks together)</source>
        <translation>{0}（各适配器任务的叠加）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} (the adapters&apos; task)</source>
        <translation>{0}（适配器的任务）</translation>
    </message>
    <message>
        <location filename="../gui/evaluation/stack_summary.py" line="+26"/>
        <source>base</source>
        <translation>基础模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The base: every weight at 0 %</source>
        <translation>基础模型：所有适配器的权重都为 0 %</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} alone</source>
        <translation>仅适配器 {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adapter {0} alone at 100 % (the others at 0 %): {1}</source>
        <translation>只用适配器 {0}，权重 100 %（其余为 0 %）：{1}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>stack</source>
        <translation>堆叠</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The stack at {0}</source>
        <translation>权重为 {0} 的堆叠</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved: {0} ({1})</source>
        <translation>已保存：{0}（{1}）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Several adapters change {0}: their updates add up on the same weights and may interfere.</source>
        <translation>有多个适配器改动 {0}：它们的增量叠加在同一组权重上，可能相互干扰。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No two adapters change the same layer.</source>
        <translation>没有两个适配器改动同一层。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scoring…</source>
        <translation>正在评分…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The stack: {0} on {1}, {2} on the source task.</source>
        <translation>堆叠：在“{1}”上 {0}，在源任务上 {2}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The base: {0} and {1}.</source>
        <translation>基础模型：{0} 和 {1}。</translation>
    </message>
</context>
<context>
    <name>StackPicker</name>
    <message>
        <location filename="../gui/evaluation/stack_picker.py" line="+19"/>
        <source>The base model: the adapters stacked must all be trained from it</source>
        <translation>基础模型：堆叠的适配器都必须基于它训练</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The LoRA models trained from this base: any layers, variants and ranks (a model with extra inputs cannot be stacked)</source>
        <translation>基于这个基础模型训练的 LoRA 模型：层、变体和秩不限（带额外输入的模型不能堆叠）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add to the stack</source>
        <translation>加入堆叠</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Base</source>
        <translation>基础模型</translation>
    </message>
</context>
<context>
    <name>StackScores</name>
    <message>
        <location filename="../gui/evaluation/stack_scores.py" line="+63"/>
        <source>Test accuracy of the base, of each adapter alone (weight 100 %), of the stack at the sliders&apos; weights and of the combinations saved from it, on the chosen task and on the source task. With seed siblings in the library (the same settings, other seeds), the mean over seeds ± half its 95 % interval</source>
        <translation>基础模型、每个单独的适配器（权重 100 %）、按滑块权重的堆叠，以及由它保存的合成结果，在所选任务和源任务上的测试准确率。若模型库中有同一设置、不同随机种子的模型，则显示跨随机种子的均值 ± 95% 区间的一半</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>accuracy (%)</source>
        <translation>准确率（%）</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{0} &amp;nbsp; {1}</source>
        <translation>{0} &amp;nbsp; {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the chosen task</source>
        <translation>所选任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the source task</source>
        <translation>源任务</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Source</source>
        <translation>源任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task,
{0} seeds</source>
        <translation>任务
{0} 个种子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source,
{0} seeds</source>
        <translation>源任务
{0} 个种子</translation>
    </message>
</context>
<context>
    <name>StackTable</name>
    <message>
        <location filename="../gui/evaluation/stack_table.py" line="+41"/>
        <source>seed {0}</source>
        <translation>随机种子 {0}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Adapter</source>
        <translation>适配器</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The adapters stacked on the base, each with its weight: the stack acts with W + Σ weight·ΔW on every layer an adapter changes, without any training. The layer columns show which layers each adapter changes; amber: a layer several adapters change, where their updates add up on the same weights</source>
        <translation>堆叠在基础模型上的适配器，各带一个权重：在被适配器改动的每一层上，堆叠都用 W + Σ 权重·ΔW 计算，无需任何训练。各层所在的列显示每个适配器改动了哪些层；琥珀色：有多个适配器改动的层，它们的增量叠加在同一组权重上</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>{0} is changed by adapters {1}: their updates add up on the same weights, and may interfere</source>
        <translation>{0} 被适配器 {1} 改动：它们的增量叠加在同一组权重上，可能相互干扰</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} is changed by this adapter only</source>
        <translation>只有这个适配器改动 {0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Take this adapter out of the stack</source>
        <translation>把这个适配器移出堆叠</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Several adapters change {0}</source>
        <translation>有多个适配器改动 {0}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This adapter&apos;s weight in the stack: 0 % leaves it out, 100 % adds its update as trained, −100 % takes it away, 200 % counts it twice</source>
        <translation>这个适配器在堆叠中的权重：0 % 表示不用它，100 % 表示按训练结果加上它的增量，−100 % 表示减去它，200 % 表示加两倍</translation>
    </message>
</context>
<context>
    <name>StrengthJobs</name>
    <message>
        <location filename="../gui/evaluation/strength_jobs.py" line="+105"/>
        <source>{0} at adapter strength {1} %: target accuracy {2} %</source>
        <translation>{0} 在适配器强度 {1} % 时：目标准确率 {2} %</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>{0}: accuracy at {1} strengths</source>
        <translation>{0}：{1} 个强度下的准确率</translation>
    </message>
</context>
<context>
    <name>StrengthPanel</name>
    <message>
        <location filename="../gui/evaluation/strength_panel.py" line="+32"/>
        <source>Adapter strength</source>
        <translation>适配器强度</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>How much of the trained adapters the inspected model uses: its weights become W + s·ΔW. At 0 % it is the base model exactly, at 100 % the model as trained, at 200 % the update counts twice. Watch the views below change: turning the adapter down gives back the base&apos;s own task and loses the new one.</source>
        <translation>所查看的模型使用多少已训练的适配器：它的权重变为 W + s·ΔW。0 % 时恰好是基础模型，100 % 时是训练得到的模型，200 % 时增量计入两次。留意下方视图的变化：调低适配器，会找回基础模型原有的任务，同时丢掉新任务。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>0 %: the base model exactly · 100 %: as trained · 200 %: twice the update</source>
        <translation>0 %：即基础模型 · 100 %：训练所得 · 200 %：两倍增量</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Accuracy of the inspected model against adapter strength, on the target task (what it was trained for) and on the source task (the base&apos;s own data set); the vertical line is the slider</source>
        <translation>所查看的模型在目标任务（它训练所针对的任务）和源任务（基础模型自己的数据集）上的准确率随适配器强度的变化；竖线即滑块所在位置。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Accuracy against strength</source>
        <translation>准确率与强度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>adapter strength (%)</source>
        <translation>适配器强度（%）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>accuracy (%)</source>
        <translation>准确率（%）</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The inspected model has no adapters to turn: a base model, or one trained by another method than LoRA.</source>
        <translation>所查看的模型没有可调节的适配器：它是基础模型，或是用 LoRA 以外的方法训练的。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>At {0} %: {1} {2} %</source>
        <translation>强度 {0} % 时：{1} {2} %</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At {0} %: {1} {2} %, {3} {4} %</source>
        <translation>强度 {0} % 时：{1} {2} %，{3} {4} %</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The accuracy against strength could not be computed: {0}</source>
        <translation>无法计算准确率随强度的变化：{0}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not recompute: {0}</source>
        <translation>无法重新计算：{0}</translation>
    </message>
</context>
<context>
    <name>SweepJobs</name>
    <message>
        <location filename="../gui/compare/jobs.py" line="+63"/>
        <source>{0} runs, {1} setting(s) on the Pareto front; saved as study {2}</source>
        <translation>{0} 次运行，{1} 种配置位于帕累托前沿；已保存为扫描记录 {2}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} runs, {1} setting(s) on the Pareto front; saved as no study file</source>
        <translation>{0} 次运行，{1} 种配置位于帕累托前沿；未保存扫描记录文件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no run finished</source>
        <translation>没有完成任何运行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the {0} finished run(s) are kept in study {1}</source>
        <translation>已完成的 {0} 次运行保存在扫描记录 {1} 中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the {0} finished run(s) are kept in no study file</source>
        <translation>已完成的 {0} 次运行未保存到扫描记录文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} after {1} of {2} runs; {3}</source>
        <translation>{0}：共 {2} 次运行，完成 {1} 次；{3}</translation>
    </message>
</context>
<context>
    <name>SweepPlots</name>
    <message>
        <location filename="../gui/compare/plots.py" line="+179"/>
        <source>Accuracy against trainable parameters</source>
        <translation>准确率与可训练参数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>trainable parameters (log scale)</source>
        <translation>可训练参数（对数刻度）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+31"/>
        <source>target accuracy (%)</source>
        <translation>目标准确率（%）</translation>
    </message>
    <message>
        <location line="-30"/>
        <location line="+31"/>
        <source>Each finished setting appears here</source>
        <translation>每种完成的配置都会显示在这里</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Pareto front</source>
        <translation>帕累托前沿</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One marker per setting: its mean target accuracy over the seeds, with a bar for the 95 % interval when there are several seeds. Further right costs more parameters. The dashed step line is the Pareto front: the settings that no other setting beats with as many parameters or fewer. A setting below the line pays for parameters it does not use. Click a marker for its details.</source>
        <translation>每种配置一个标记：表示它在各随机种子上的平均目标准确率；有多个随机种子时，误差棒表示 95% 区间。越靠右，参数越多。虚线阶梯是帕累托前沿：在参数相同或更少的条件下，没有其他配置能胜过的那些配置。位于线下方的配置，为用不上的参数付出了代价。点击标记可查看详情。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Learning against forgetting</source>
        <translation>学习与遗忘</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>source accuracy (%) — the base&apos;s own task</source>
        <translation>源准确率（%）—— 基础模型原有的任务</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>base model</source>
        <translation>基础模型</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Each setting&apos;s target accuracy (what it learnt) against its accuracy on the base&apos;s own task after fine-tuning (what it kept). The cross is the base model before any fine-tuning: a setting to its left forgot part of the source task. LoRA with a small rank usually stays close to it; full fine-tuning moves furthest.</source>
        <translation>每种配置的目标准确率（学到了什么）与微调后在基础模型原有任务上的准确率（保留了什么）。十字是微调前的基础模型：位于它左侧的配置遗忘了部分源任务。小秩的 LoRA 通常离它很近；全量微调偏离得最远。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Loss of the selected runs</source>
        <translation>所选运行的损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loss (smoothed)</source>
        <translation>损失（平滑后）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Select runs in the table to compare their loss</source>
        <translation>在表格中选择运行，比较它们的损失</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>{0} seeds</source>
        <translation>{0} 个随机种子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 seed</source>
        <translation>1 个随机种子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}
{1:,} trainable parameters
target {2}
source {3}
{4}</source>
        <translation>{0}
{1:,} 个可训练参数
目标 {2}
源 {3}
{4}</translation>
    </message>
</context>
<context>
    <name>SweepTable</name>
    <message>
        <location filename="../gui/compare/table.py" line="+24"/>
        <source>★</source>
        <extracomment>(title, tooltip) of each column</extracomment>
        <translation>★</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On the Pareto front: no other setting reaches its mean target accuracy with fewer trainable parameters</source>
        <translation>位于帕累托前沿：没有其他配置能用更少的可训练参数达到它的平均目标准确率。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the base was adapted: LoRA adapters, the head (fc2) alone, every weight, or a fresh CNN</source>
        <translation>基础模型的适配方式：LoRA 适配器、仅输出层（fc2）、全部权重，或全新的 CNN。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>variant</source>
        <translation>变体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The LoRA variant (LoRA, rsLoRA, DoRA); – for the other methods</source>
        <translation>LoRA 变体（LoRA、rsLoRA、DoRA）；其他方法为“–”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>layers</source>
        <translation>层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The layers whose weights the run trained (LoRA: the adapted ones)</source>
        <translation>本次运行训练了哪些层的权重（LoRA：被适配的层）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rank</source>
        <translation>秩</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LoRA&apos;s rank r; – for the other methods</source>
        <translation>LoRA 的秩 r；其他方法为 –。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The seed of the run: the same setting over several seeds shows the training noise</source>
        <translation>本次运行的随机种子：同一配置在多个随机种子上的结果体现训练噪声。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>params</source>
        <translation>参数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trainable parameters: what the run trained</source>
        <translation>可训练参数：本次运行训练的参数数量。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accuracy on the target task&apos;s test split, in per cent</source>
        <translation>在目标任务测试集上的准确率（%）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accuracy on the base&apos;s own task (the source task) after the fine-tuning, in per cent</source>
        <translation>微调后在基础模型原有任务（源任务）上的准确率（%）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>forgetting</source>
        <translation>遗忘</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source accuracy lost against the base, in percentage points (negative: it gained)</source>
        <translation>与基础模型相比损失的源准确率，单位为百分点（负值表示有所提升）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sec</source>
        <translation>秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wall time of the run, in seconds</source>
        <translation>本次运行的实际用时，单位为秒。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>One row per run. Click a header to sort; select rows (Ctrl or Shift for several) to overlay their loss curves.</source>
        <translation>每次运行一行。点击表头可排序；选中若干行（按住 Ctrl 或 Shift 可多选），可叠加显示它们的损失曲线。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Saved in the model library as {0}</source>
        <translation>已保存到模型库，名为 {0}</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
</context>
<context>
    <name>SweepView</name>
    <message>
        <location filename="../gui/compare/view.py" line="+38"/>
        <source>No sweep yet: choose what to compare and press Start.</source>
        <translation>还没有参数扫描：选择要比较的内容，然后点击“开始扫描”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+64"/>
        <source>Click a marker to see its setting.</source>
        <translation>点击标记，查看它的配置。</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Open in Evaluation</source>
        <translation>在评估标签页中打开</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Evaluate the clicked setting&apos;s model (its first seed) against its base in the Evaluation tab (a double click on the marker does too). Only models kept in the library can be opened: tick “Keep every run&apos;s model” before the sweep.</source>
        <translation>在评估标签页中，把所点击配置的模型（第一个随机种子）与它的基础模型对比评估（双击标记也可以）。只有保存在模型库中的模型才能打开：请在扫描前勾选“将每次运行的模型保存到模型库”。</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>new sweep</source>
        <translation>新的参数扫描</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; · from {1} to the task “{2}” · {3} run(s) · {4}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; · 从 {1} 到任务“{2}” · {3} 次运行 · {4}</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>&lt;b&gt;{0} r = {1}&lt;/b&gt; on {2}, α = {3:g}, LoRA+ {4:g}</source>
        <translation>&lt;b&gt;{0} r = {1}&lt;/b&gt;，作用于 {2}，α = {3:g}，LoRA+ {4:g}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{0} · {1:,} trainable parameters · {2} seed(s): target {3}, source {4}, forgetting {5}</source>
        <translation>{0} · {1:,} 个可训练参数 · {2} 个随机种子：目标 {3}，源 {4}，遗忘 {5}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>on the Pareto front</source>
        <translation>位于帕累托前沿</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>model not kept</source>
        <translation>模型未保存</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{0} · seed {1}</source>
        <translation>{0} · 随机种子 {1}</translation>
    </message>
</context>
<context>
    <name>TaskCombo</name>
    <message>
        <location filename="../gui/shared/task_combo.py" line="+37"/>
        <source>Your own images…</source>
        <extracomment>the chosen task&apos;s name: a fixed name or &quot;folder:PATH&quot; (not emitted for the &quot;Your own images…&quot; item)</extracomment>
        <translation>自己的图像…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a folder with one subfolder per class, named by its label 0–9 (PNG, JPEG or BMP, any size, colour or grey). The images are brought to MNIST&apos;s form: grey, 28×28, centred.</source>
        <translation>选择一个文件夹，其中每个类别一个子文件夹，以标签 0–9 命名（PNG、JPEG 或 BMP，尺寸不限，彩色或灰度均可）。图像会被转换成 MNIST 的形式：灰度、28×28、居中。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The target task: what the fine-tuning adapts the base model to. The base was trained on its own data set (the source task); each target changes something else about it, and which layer is worth adapting depends on what changed. Hover over an item to read what it changes.</source>
        <translation>目标任务：微调要让基础模型适应的任务。基础模型是在它自己的数据集（源任务）上训练的；每个目标任务各改变了其中的某一方面，值得适配哪一层取决于改变了什么。将鼠标悬停在选项上，可以看到它改变了什么。</translation>
    </message>
    <message>
        <location filename="../gui/i18n/core_texts.py" line="+68"/>
        <source>Your images: {0}</source>
        <translation>你的图像：{0}</translation>
    </message>
    <message>
        <location filename="../gui/shared/task_combo.py" line="+27"/>
        <source>Your own images in {0}</source>
        <translation>{0} 中你自己的图像</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Choose a folder with one subfolder of images per class (0–9)</source>
        <translation>选择一个文件夹（每个类别 0–9 各有一个图像子文件夹）</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>It needs that data set installed (the Dataset tab).</source>
        <translation>需要先安装该数据集（见数据集标签页）。</translation>
    </message>
</context>
<context>
    <name>TaskStrip</name>
    <message>
        <location filename="../gui/lora/task_strip.py" line="+23"/>
        <source>The target task</source>
        <translation>目标任务</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sample images of the target task appear here</source>
        <translation>目标任务的样例图像会显示在这里</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training images of the target task, made from the base model&apos;s data set exactly as the fine-tuning will see them; under each, its label</source>
        <translation>目标任务的训练图像，由基础模型的数据集生成，与微调时看到的完全一样；每张下方是它的标签</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The base model&apos;s data set ({0}) is not on this computer: the Dataset tab can download it</source>
        <translation>本机没有基础模型的数据集（{0}）：可以在数据集标签页下载</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Making the target task&apos;s images…</source>
        <translation>正在生成目标任务的图像…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This task cannot be made: {0}</source>
        <translation>无法生成此任务：{0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The target task cannot be made: {0}</source>
        <translation>无法生成目标任务：{0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} test images</source>
        <translation>{0} 张测试图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} training and {1} test images</source>
        <translation>{0} 张训练图像和 {1} 张测试图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}: {1}; under each image, its label</source>
        <translation>{0}：{1}；每张图像下方是它的标签</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <location filename="../gui/shared/training_panel.py" line="+26"/>
        <source>Stop after the current batch. A stopped run is not saved.</source>
        <translation>在当前批次结束后停止。停止的运行不会保存。</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Run {0}/{1} · {2}</source>
        <translation>第 {0}/{1} 次运行 · {2}</translation>
    </message>
</context>
<context>
    <name>classes</name>
    <message>
        <location filename="../core/data/dataset_names.py" line="+27"/>
        <source>0 - zero</source>
        <translation>0 - 零</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1 - one</source>
        <translation>1 - 一</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2 - two</source>
        <translation>2 - 二</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>3 - three</source>
        <translation>3 - 三</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>4 - four</source>
        <translation>4 - 四</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>5 - five</source>
        <translation>5 - 五</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>6 - six</source>
        <translation>6 - 六</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>7 - seven</source>
        <translation>7 - 七</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>8 - eight</source>
        <translation>8 - 八</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>9 - nine</source>
        <translation>9 - 九</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>T-shirt/top</source>
        <translation>T恤/上衣</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Trouser</source>
        <translation>裤子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pullover</source>
        <translation>套头衫</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dress</source>
        <translation>连衣裙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coat</source>
        <translation>外套</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sandal</source>
        <translation>凉鞋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shirt</source>
        <translation>衬衫</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sneaker</source>
        <translation>运动鞋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bag</source>
        <translation>包</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ankle boot</source>
        <translation>短靴</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>o</source>
        <translation>お (o)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ki</source>
        <translation>き (ki)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>su</source>
        <translation>す (su)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tsu</source>
        <translation>つ (tsu)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>na</source>
        <translation>な (na)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ha</source>
        <translation>は (ha)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ma</source>
        <translation>ま (ma)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ya</source>
        <translation>や (ya)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>re</source>
        <translation>れ (re)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wo</source>
        <translation>を (wo)</translation>
    </message>
</context>
<context>
    <name>combinations</name>
    <message>
        <location filename="../core/config.py" line="+27"/>
        <source>the adapters side by side: ΔW = Σ weight·ΔW exactly; its rank is the sum of theirs</source>
        <extracomment>how trained LoRA adapters of one base become one adapter, as PEFT&apos;s add_weighted_adapter does (model/combine.py) (marked: the window shows them translated, core_texts.core_text)</extracomment>
        <translation>把各适配器并排拼接：ΔW 恰好等于 Σ 权重·ΔW；其秩为各秩之和</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A&apos;s and B&apos;s weighted and added (one rank for all): not Σ weight·ΔW where they share a layer</source>
        <translation>把各 A 与各 B 分别加权相加（秩须相同）：在共同的层上不等于 Σ 权重·ΔW</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Σ weight·ΔW cut back to a chosen rank, keeping its largest singular values</source>
        <translation>把 Σ 权重·ΔW 截断到所选的秩，保留其最大的奇异值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A&apos;s and B&apos;s trimmed to their largest entries (density), signs elected, the agreeing ones averaged</source>
        <translation>各 A 与各 B 只保留最大的元素（按密度），选出符号，再对符号一致的元素取平均</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A&apos;s and B&apos;s trimmed to their largest entries (density), then weighted and added</source>
        <translation>各 A 与各 B 只保留最大的元素（按密度），再加权相加</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <location filename="../core/workflows/run_command.py" line="+40"/>
        <source>Choose a base model: the command needs its id in place of {0}.</source>
        <translation>请选择一个基础模型：命令需要用它的 ID 替换 {0}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This command makes {0} models; this one is the run with the extra inputs, seed {1}.</source>
        <translation>这条命令会生成 {0} 个模型；这个模型是带额外输入的那次运行，随机种子 {1}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This command makes {0} models; this one is the control (no extra inputs), seed {1}.</source>
        <translation>这条命令会生成 {0} 个模型；这个模型是对照（无额外输入），随机种子 {1}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This command makes {0} models; this one is seed {1}.</source>
        <translation>这条命令会生成 {0} 个模型；这个模型是随机种子 {1} 的那个。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved before LoRA Studio recorded a fine-tuning&apos;s other runs: this command makes this model alone (seed {0}); whether a control or other seeds ran beside it is not known.</source>
        <translation>这个模型保存于 LoRA Studio 开始记录一次微调中其他运行之前：这条命令只生成这一个模型（随机种子 {0}）；当时是否还运行了对照或其他随机种子，已无从得知。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The record does not say how many training images the run used: the command uses them all.</source>
        <translation>记录中没有写明这次运行用了多少张训练图像：命令会使用全部训练图像。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The record does not name its base model: put its id in place of {0}.</source>
        <translation>记录中没有写明基础模型：请用它的 ID 替换 {0}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The base model {0} is no longer in the library: the command needs it (or one made the same way).</source>
        <translation>基础模型 {0} 已不在模型库中：命令需要它（或用同样方式训练的基础模型）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LoRA dropout ({0}) cannot be set on the command line: the command trains without it.</source>
        <translation>命令行无法设置 LoRA dropout（{0}）：命令在训练时不使用它。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A sweep always keeps its learning rate constant; this plan asks for the {0} schedule.</source>
        <translation>参数扫描的学习率总是保持不变；而这个计划要求使用 {0} 调度。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This model was combined from other adapters, not trained: the command combines {0} again, so they must be in the library.</source>
        <translation>这个模型是由其他适配器合成的，而不是训练出来的：命令会重新合成 {0}，所以它们必须在模型库中。</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <location filename="../core/model/params.py" line="+16"/>
        <source>Trainable {0} of {1} parameters ({2} %)</source>
        <translation>可训练参数 {0} / {1}（{2} %）</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Conv {0}→{1}, {2}×{2}</source>
        <extracomment>how a layer&apos;s shape and the trainable share are said (marked: the window says them in its language)</extracomment>
        <translation>卷积层 {0}→{1}，{2}×{2}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Linear {0}→{1}</source>
        <translation>全连接层 {0}→{1}</translation>
    </message>
    <message>
        <location filename="../core/data/bundled.py" line="+73"/>
        <source>{0} is already in {1}</source>
        <extracomment>the folder of bundled data sets, inside the bundle&apos;s data folder (PyInstaller&apos;s `_internal`)</extracomment>
        <translation>{0} 已在 {1} 中</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the bundled {0} could not be imported: {1}</source>
        <translation>无法导入随附的 {0}：{1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>imported the bundled {0} ({1:,} training and {2:,} test images) into {3}</source>
        <translation>已将随附的 {0}（{1:,} 张训练图像和 {2:,} 张测试图像）导入到 {3}</translation>
    </message>
    <message>
        <location filename="../core/data/download.py" line="+49"/>
        <source>Downloading {0}</source>
        <translation>正在下载 {0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Checking and installing the files</source>
        <translation>正在检查并安装文件</translation>
    </message>
    <message>
        <location filename="../core/training/loop.py" line="+50"/>
        <source>stopped by the user</source>
        <extracomment>why a run ended early, as TrainResult.message says it (Texts: the window words them in its language)</extracomment>
        <translation>已被用户停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the loss became {0} at epoch {1}, step {2}: training diverged (learning rate {3:g} is probably too high). The weights of the last good step were kept.</source>
        <translation>损失在第 {1} 轮第 {2} 步变为 {0}：训练已发散（学习率 {3:g} 可能过高）。已保留最后一个正常步的权重。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the weights became infinite or NaN in the last step (learning rate {0:g} is probably too high). The weights of the last good step were kept.</source>
        <translation>权重在最后一步变为无穷大或 NaN（学习率 {0:g} 可能过高）。已保留最后一个正常步的权重。</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Caching the frozen {0} output</source>
        <translation>正在缓存冻结的 {0} 的输出</translation>
    </message>
    <message>
        <location filename="../core/workflows/evaluation_report.py" line="+185"/>
        <source>Measuring the brightness of {0:,} test images</source>
        <translation>正在测量 {0:,} 张测试图像的亮度</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Evaluating {0}</source>
        <translation>正在评估 {0}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Evaluated</source>
        <translation>评估完成</translation>
    </message>
    <message>
        <location filename="../core/workflows/experiment.py" line="+86"/>
        <source>Loading {0} from {1}</source>
        <translation>正在从 {1} 读取 {0}</translation>
    </message>
    <message>
        <location filename="../core/workflows/runs.py" line="+233"/>
        <source>Scoring the base model on the target and the source task</source>
        <translation>正在目标任务和源任务上为基础模型评分</translation>
    </message>
    <message>
        <location filename="../core/workflows/sweep.py" line="+37"/>
        <source>Run {0} of {1}: {2}, seed {3}</source>
        <translation>第 {0}/{1} 次运行：{2}，随机种子 {3}</translation>
    </message>
    <message>
        <location filename="../core/workflows/sweep_plan.py" line="+55"/>
        <source>{0} r={1}</source>
        <comment>a LoRA variant and its rank</comment>
        <translation>{0} r={1}</translation>
    </message>
</context>
<context>
    <name>datasets</name>
    <message>
        <location filename="../core/data/dataset_names.py" line="-24"/>
        <source>MNIST</source>
        <translation>MNIST</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Fashion-MNIST</source>
        <translation>Fashion-MNIST</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>KMNIST</source>
        <translation>KMNIST</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>MNIST by Yann LeCun and Corinna Cortes, CC BY-SA 3.0</source>
        <translation>MNIST：Yann LeCun 与 Corinna Cortes，CC BY-SA 3.0 许可</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Fashion-MNIST by Zalando Research, MIT</source>
        <translation>Fashion-MNIST：Zalando Research，MIT 许可</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>KMNIST by ROIS-DS CODH, CC BY-SA 4.0</source>
        <translation>KMNIST：ROIS-DS CODH，CC BY-SA 4.0 许可</translation>
    </message>
    <message>
        <location filename="../core/data/tasks.py" line="+97"/>
        <source>{0} · {1}</source>
        <comment>a data set · the task made of it</comment>
        <extracomment>each derived task&apos;s transformation of one split (&quot;train&quot; or &quot;test&quot;)</extracomment>
        <translation>{0} · {1}</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../core/config.py" line="+66"/>
        <location line="+164"/>
        <location line="+14"/>
        <source>{0} must be {1}, got {2} {3}</source>
        <translation>{0}必须是{1}，实际为 {2} {3}</translation>
    </message>
    <message>
        <location line="-174"/>
        <source>{0} must be between {1:g} and {2:g}, got {3:g}</source>
        <translation>{0}必须在 {1:g} 到 {2:g} 之间，实际为 {3:g}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} must be one of {1}; got {2}</source>
        <translation>{0}必须是 {1} 之一；实际为 {2}</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>choose at least one layer for LoRA</source>
        <translation>请为 LoRA 至少选择一个层</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a layer is listed twice</source>
        <translation>有一个层列出了两次</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>{0} must be a JSON object, got {1}</source>
        <translation>{0} 必须是 JSON 对象，实际为 {1}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0}: unknown setting(s) {1}</source>
        <translation>{0}：未知的设置 {1}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>text</source>
        <extracomment>how a message names the JSON value each type stands for (one, several)</extracomment>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>text values</source>
        <translation>文本值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>whole numbers</source>
        <translation>整数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>numbers</source>
        <translation>数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>true/false values</source>
        <translation>true/false 值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a JSON object</source>
        <translation>JSON 对象</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON objects</source>
        <translation>JSON 对象</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>{0} must be {1}, got {2}</source>
        <translation>{0}必须是{1}，实际为 {2}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} is too large a number</source>
        <translation>{0}的数值过大</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>a list of {0}</source>
        <translation>由{0}组成的列表</translation>
    </message>
    <message>
        <location filename="../core/data/bundled.py" line="+14"/>
        <source>{0} holds no data set (expected e.g. {1})</source>
        <translation>{0} 中没有数据集（应有例如 {1}）</translation>
    </message>
    <message>
        <location filename="../core/data/dataset_names.py" line="+13"/>
        <source>unknown data set {0}; choose one of {1}</source>
        <translation>未知的数据集 {0}；请从 {1} 中选择</translation>
    </message>
    <message>
        <location filename="../core/data/datasets.py" line="+24"/>
        <source>train</source>
        <comment>a data set&apos;s split</comment>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>test</source>
        <comment>a data set&apos;s split</comment>
        <translation>测试</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>{0} is not in {1}: download it, or import a folder holding its four IDX files</source>
        <translation>{1} 中没有 {0}：请下载，或导入一个包含其四个 IDX 文件的文件夹</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{0}: {1} (or {1}.gz) is missing</source>
        <translation>{0}：缺少 {1}（或 {1}.gz）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0}/{1}</source>
        <translation>{0}/{1}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0}: the {1} split has {2:,} images but {3:,} labels</source>
        <translation>{0}：{1}集有 {2:,} 张图像，却有 {3:,} 个标签</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{0} is not a folder</source>
        <translation>{0} 不是文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} holds none of the four IDX files ({1}, .gz or not)</source>
        <translation>{0} 中没有这四个 IDX 文件中的任何一个（{1}，.gz 压缩与否均可）</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>could not write the data set into {0}: {1}</source>
        <translation>无法将数据集写入 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../core/data/download.py" line="-31"/>
        <source>download cancelled</source>
        <translation>下载已取消</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>{0}: the download is damaged (checksum mismatch); try again</source>
        <translation>{0}：下载的文件已损坏（校验和不符）；请重试</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>could not download {0} ({1}). If this computer is offline, use “Import folder…” (or `lora-studio data import FOLDER`) with the four IDX files.</source>
        <translation>无法下载 {0}（{1}）。如果这台计算机处于离线状态，请用“导入文件夹…”（或 `lora-studio data import FOLDER`）导入四个 IDX 文件。</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>could not write the download into {0}: {1}</source>
        <translation>无法将下载内容写入 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../core/data/feature_names.py" line="+40"/>
        <source>unknown feature {0}; choose from {1}</source>
        <translation>未知的特征 {0}；请从 {1} 中选择</translation>
    </message>
    <message>
        <location filename="../core/data/features.py" line="+100"/>
        <source>feature statistics are inconsistent</source>
        <translation>特征统计量不一致</translation>
    </message>
    <message>
        <location filename="../core/data/idx.py" line="+49"/>
        <source>{0}: label {1} at position {2} is out of range (labels must be 0–9)</source>
        <translation>{0}：位置 {2} 的标签 {1} 超出范围（标签必须是 0–9）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{0}: is named .gz but is not gzip-compressed data</source>
        <translation>{0}：文件名以 .gz 结尾，但内容不是 gzip 压缩数据</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ends early</source>
        <translation>提前结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}: the gzip data is corrupt ({1})</source>
        <translation>{0}：gzip 数据已损坏（{1}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: file not found in {1}</source>
        <translation>{0}：在 {1} 中找不到该文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0}: is a folder, not a file</source>
        <translation>{0}：这是文件夹，不是文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../core/data/own_images.py" line="+154"/>
        <source>{0}: permission denied</source>
        <translation>{0}：权限不足</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>images (idx3)</source>
        <translation>图像（idx3）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>labels (idx1)</source>
        <translation>标签（idx1）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0}: too short to be an IDX file ({1} bytes)</source>
        <translation>{0}：太短，不是 IDX 文件（{1} 字节）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: not an IDX file of unsigned bytes (magic number 0x{1}, expected 0x0000080{2})</source>
        <translation>{0}：不是无符号字节的 IDX 文件（魔数为 0x{1}，应为 0x0000080{2}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0}: holds {1}-dimensional data, expected {2}</source>
        <translation>{0}：包含 {1} 维数据，应为{2}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: the header is truncated</source>
        <translation>{0}：文件头不完整</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0}: holds no items</source>
        <translation>{0}：不含任何条目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0}: the header claims {1:,} items, more than the {2:,} accepted</source>
        <translation>{0}：文件头声称有 {1:,} 个条目，超过了允许的 {2:,} 个</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: images are {1}×{2} pixels; LoRA Studio needs {3}×{3}</source>
        <translation>{0}：图像为 {1}×{2} 像素；LoRA Studio 需要 {3}×{3}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0}: truncated: the header promises {1:,} items ({2:,} bytes) but only {3:,} bytes follow</source>
        <translation>{0}：文件不完整：文件头声明有 {1:,} 个条目（{2:,} 字节），后面却只有 {3:,} 字节</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0}: has unexpected bytes after the {1:,} items the header declares</source>
        <translation>{0}：在文件头声明的 {1:,} 个条目之后还有多余的字节</translation>
    </message>
    <message>
        <location filename="../core/data/own_images.py" line="-91"/>
        <source>{0}: no such folder</source>
        <translation>{0}：没有这个文件夹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0}: is a file, not a folder holding one subfolder per class (0–9)</source>
        <translation>{0}：这是文件，不是每个类别（0–9）一个子文件夹的文件夹</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{0}: class folders are named by their label, 0–9, and {1} is not one</source>
        <translation>{0}：类别文件夹以其标签 0–9 命名，而 {1} 不是这样的名字</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0}: holds no class folders; put each class&apos;s images in a subfolder named by its label, 0–9</source>
        <translation>{0}：没有类别文件夹；请把每个类别的图像放进以其标签 0–9 命名的子文件夹</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0}: holds {1:,} images, more than the {2:,} accepted</source>
        <translation>{0}：有 {1:,} 张图像，超过了允许的 {2:,} 张</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{0}: a class folder holds images only, not folders</source>
        <translation>{0}：类别文件夹里只能放图像，不能放文件夹</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: not a PNG, JPEG or BMP image (by its name)</source>
        <translation>{0}：（从文件名看）不是 PNG、JPEG 或 BMP 图像</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: not a regular file (a broken link, a pipe or a device)</source>
        <translation>{0}：不是普通文件（是失效的链接、管道或设备）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0}: class {1} holds no images (PNG, JPEG or BMP)</source>
        <translation>{0}：类别 {1} 中没有图像（PNG、JPEG 或 BMP）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: class {1} has only {2} image; each class needs at least {3}, one to train on and one to test</source>
        <translation>{0}：类别 {1} 只有 {2} 张图像；每个类别至少需要 {3} 张，一张用于训练，一张用于测试</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{0}: cannot be read ({1})</source>
        <translation>{0}：无法读取（{1}）</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>{0}: too large: refused unread (at most {1:,} pixels a side)</source>
        <translation>{0}：太大，未读取即拒绝（每边最多 {1:,} 像素）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0}: was removed while the folder was being read</source>
        <translation>{0}：在读取文件夹时被删除了</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: not a PNG, JPEG or BMP image, or a corrupt one</source>
        <translation>{0}：不是 PNG、JPEG 或 BMP 图像，或者图像已损坏</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0}: corrupt or truncated image ({1})</source>
        <translation>{0}：图像已损坏或不完整（{1}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0}: shows no digit: every pixel is about the same shade</source>
        <translation>{0}：看不到数字：所有像素的深浅几乎相同</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{0}: {1}×{2} pixels is too small; at least {3} a side</source>
        <translation>{0}：{1}×{2} 像素太小；每边至少 {3} 像素</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: {1}×{2} pixels is too large; at most {3:,} a side</source>
        <translation>{0}：{1}×{2} 像素太大；每边最多 {3:,} 像素</translation>
    </message>
    <message>
        <location filename="../core/data/task_names.py" line="+211"/>
        <source>a task name must be text, got {0}</source>
        <translation>任务名必须是文本，实际为 {0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{0}: give the folder after the colon, e.g. {1}</source>
        <translation>{0}：请在冒号后给出文件夹，例如 {1}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no task given; choose one of {0}, or join two or more of {1} with +</source>
        <translation>没有给出任务；请从 {0} 中选择一个，或用 + 连接 {1} 中的两个或更多</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>unknown task {0}; did you mean {1}? choose one of {2}, or join two or more of {3} with +</source>
        <translation>未知的任务 {0}；您是指 {1} 吗？请从 {2} 中选择一个，或用 + 连接 {3} 中的两个或更多</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown task {0}; choose one of {1}, or join two or more of {2} with +</source>
        <translation>未知的任务 {0}；请从 {1} 中选择一个，或用 + 连接 {2} 中的两个或更多</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{0}: a task is missing beside a +; a composite task joins two or more of {1} with +</source>
        <translation>{0}：+ 旁缺少任务；组合任务用 + 连接 {1} 中的两个或更多</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} cannot be part of a composite task: only {1} can be joined with +</source>
        <translation>{0} 不能作为组合任务的一部分：只有 {1} 可以用 + 连接</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>unknown task {0} in {1}; did you mean {2}? a composite task joins two or more of {3} with +</source>
        <translation>{1} 中有未知的任务 {0}；您是指 {2} 吗？组合任务用 + 连接 {3} 中的两个或更多</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown task {0} in {1}; a composite task joins two or more of {2} with +</source>
        <translation>{1} 中有未知的任务 {0}；组合任务用 + 连接 {2} 中的两个或更多</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} appears twice in {1}: each change can be used once</source>
        <translation>{0} 在 {1} 中出现了两次：每种改变只能用一次</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>write {0} instead of {1}: a composite task&apos;s parts are written in the order they apply, which is {2}</source>
        <translation>请写 {0}，而不是 {1}：组合任务的各部分按其生效顺序书写，即 {2}</translation>
    </message>
    <message>
        <location filename="../core/data/tasks.py" line="+14"/>
        <source>the {0} task needs {1}, which is not installed: get it with `lora-studio data download {0}` or the Dataset tab&apos;s Download button</source>
        <translation>{0} 任务需要 {1}，但尚未安装：请用 `lora-studio data download {0}` 或数据集标签页的“下载”按钮获取</translation>
    </message>
    <message>
        <location filename="../core/errors.py" line="+60"/>
        <source>No space left on device</source>
        <extracomment>every error whose message is meant for people the operating system&apos;s common reasons, in the C library&apos;s English (what `strerror` says on Linux), marked so the window can say them in its language</extracomment>
        <translation>磁盘空间不足</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disk quota exceeded</source>
        <translation>超出磁盘配额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read-only file system</source>
        <translation>文件系统为只读</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Permission denied</source>
        <translation>权限不足</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operation not permitted</source>
        <translation>不允许该操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No such file or directory</source>
        <translation>没有这个文件或文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Is a directory</source>
        <translation>这是文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a directory</source>
        <translation>不是文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File exists</source>
        <translation>文件已存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Directory not empty</source>
        <translation>文件夹不为空</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File name too long</source>
        <translation>文件名过长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File too large</source>
        <translation>文件过大</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Input/output error</source>
        <translation>输入/输出错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many open files</source>
        <translation>打开的文件过多</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device or resource busy</source>
        <translation>设备或资源忙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalid cross-device link</source>
        <translation>无效的跨设备链接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many levels of symbolic links</source>
        <translation>符号链接层数过多</translation>
    </message>
    <message>
        <location filename="../core/evaluation/stack.py" line="+97"/>
        <source>the stack holds {0} adapters but {1} weights were given</source>
        <extracomment>every layer some adapter adapts, in forward order</extracomment>
        <translation>叠加中有 {0} 个适配器，却给出了 {1} 个权重</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>the base of an adapter stack must be a plain model of this app, without adapters</source>
        <translation>适配器叠加的基础必须是本应用的普通模型，不带适配器</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the base of an adapter stack takes no extra inputs</source>
        <translation>适配器叠加的基础模型不接受额外输入</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{0} is not a LoRA adapter: only LoRA models can be stacked</source>
        <translation>{0} 不是 LoRA 适配器：只有 LoRA 模型可以叠加</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../core/workflows/adapter_stack.py" line="+81"/>
        <source>{0} takes extra inputs: its fc1 is wider than the base&apos;s, so it cannot be stacked</source>
        <translation>{0} 接受额外输入：它的 fc1 比基础模型的宽，因此不能叠加</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} has its adapters merged into its weights</source>
        <translation>{0} 的适配器已合并进权重</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} was trained from a base of another shape</source>
        <translation>{0} 是从另一种形状的基础模型训练的</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} was not trained from this base: its frozen {1} differs from the base&apos;s</source>
        <translation>{0} 不是从这个基础模型训练的：它冻结的 {1} 与基础模型的不同</translation>
    </message>
    <message>
        <location filename="../core/export_code/__init__.py" line="+32"/>
        <source>the format must be one of {0}, not {1}</source>
        <translation>格式必须是 {0} 之一，而不是 {1}</translation>
    </message>
    <message>
        <location line="+24"/>
        <location filename="../core/storage/library.py" line="+159"/>
        <source>could not write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../core/export_code/comments.py" line="+215"/>
        <source>the comments can be written in {0}, not {1}</source>
        <translation>注释可以用 {0} 书写，不能用 {1}</translation>
    </message>
    <message>
        <location filename="../core/export_code/plan.py" line="+64"/>
        <source>{0} was trained on your images in {1}, which is no longer there: put the folder back to export it</source>
        <extracomment>the input and label changes an exported script makes itself (data/tasks.py&apos;s TRANSFORMS it replicates) the tensors of the base a method leaves as they were: the fine-tuned model&apos;s copies must equal the base file&apos;s</extracomment>
        <translation>{0} 是在 {1} 中你自己的图像上训练的，但该文件夹已不在：请放回文件夹后再导出</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{0} is a base model, not a fine-tuning: export a model fine-tuned from it</source>
        <translation>{0} 是基础模型，不是微调：请导出从它微调出的模型</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} combines other adapters and was never trained: export the adapters it combines</source>
        <translation>{0} 由其他适配器合并而成，从未训练过：请导出它所合并的适配器</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} was made by {1}, which cannot be exported as code</source>
        <translation>{0} 由 {1} 得到，无法导出为代码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} uses the LoRA variant {1}, which PEFT&apos;s LoraConfig cannot express; only {2} can be exported as code</source>
        <translation>{0} 使用 LoRA 变体 {1}，PEFT 的 LoraConfig 无法表达；只有 {2} 可以导出为代码</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the task {0} cannot be made by an exported script (it knows {1})</source>
        <translation>导出的脚本无法生成任务 {0}（它只认识 {1}）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{0} does not say which base model it was fine-tuned from; it cannot be exported</source>
        <translation>{0} 没有记录它是从哪个基础模型微调的；无法导出</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the base model {0} that {1} was fine-tuned from is no longer in the library</source>
        <translation>{1} 所基于的基础模型 {0} 已不在模型库中</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the base model {0} has no weights file: {1} is missing</source>
        <translation>基础模型 {0} 没有权重文件：缺少 {1}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the base model {0} changed since {1} was fine-tuned from it ({2} differs)</source>
        <translation>基础模型 {0} 在 {1} 从它微调之后有了变化（{2} 不同）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the weights of {0} changed since they were saved, or cannot be read: {1}</source>
        <translation>{0} 的权重在保存后有了变化，或无法读取：{1}</translation>
    </message>
    <message>
        <location filename="../core/model/combine.py" line="+76"/>
        <source>give one weight for each of the adapters to combine</source>
        <translation>请为每个要合并的适配器给出一个权重</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{0} needs adapters of one rank, these have ranks {1}: use cat or svd</source>
        <translation>{0} 需要秩相同的适配器，这些适配器的秩为 {1}：请用 cat 或 svd</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the rank is chosen for svd of two or more adapters only; {0} gives rank {1}</source>
        <translation>只有对两个或更多适配器做 svd 时才能选择秩；{0} 得到的秩为 {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the combined adapter would have rank {0}, above the largest rank, {1}</source>
        <translation>合并后的适配器的秩将为 {0}，超过了最大秩 {1}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>svd cannot keep rank {0}: {1}&apos;s ΔW is {2} × {3}, so it has at most {4} singular values</source>
        <translation>svd 无法保留秩 {0}：{1} 的 ΔW 为 {2} × {3}，最多只有 {4} 个奇异值</translation>
    </message>
    <message>
        <location filename="../core/model/weights.py" line="+86"/>
        <source>merging gives NaN or infinite values in {0}</source>
        <translation>合并后 {0} 中出现 NaN 或无穷大</translation>
    </message>
    <message>
        <location filename="../core/storage/library.py" line="-107"/>
        <source>{0} is not a model id (letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; only, not starting with &apos;.&apos;)</source>
        <translation>{0} 不是模型 ID（只能包含字母、数字、“.”、“_”和“-”，且不能以“.”开头）</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>{0}: {1} holds NaN or infinite values; the model was not saved</source>
        <translation>{0}：{1} 中有 NaN 或无穷大；模型未保存</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>could not save model {0} in {1}: {2}</source>
        <translation>无法将模型 {0} 保存到 {1}：{2}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a model&apos;s name must have 1 to 200 characters</source>
        <translation>模型名称必须有 1 到 200 个字符</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>could not rename {0}: {1}</source>
        <translation>无法重命名 {0}：{1}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>could not delete {0}: {1}</source>
        <translation>无法删除 {0}：{1}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{0}: {1}; nothing was written</source>
        <translation>{0}：{1}；未写入任何内容</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>cannot read the model library {0}: {1}</source>
        <translation>无法读取模型库 {0}：{1}</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>{0}/{1}: {2}</source>
        <translation>{0}/{1}：{2}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>no model {0} in {1}</source>
        <translation>{1} 中没有模型 {0}</translation>
    </message>
    <message>
        <location filename="../core/storage/model_files.py" line="+25"/>
        <source>{0} is too large to be one of ours</source>
        <translation>{0} 太大，不是本应用写的文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} is missing</source>
        <translation>缺少 {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} cannot be read: {1}</source>
        <translation>无法读取 {0}：{1}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{0} is not valid JSON ({1}, line {2})</source>
        <translation>{0} 不是有效的 JSON（{1}，第 {2} 行）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} is not usable JSON ({1})</source>
        <translation>{0} 不是可用的 JSON（{1}）</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{0} is not a valid safetensors file ({1})</source>
        <translation>{0} 不是有效的 safetensors 文件（{1}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} is damaged: its numbers do not match the checksum saved with them</source>
        <translation>{0} 已损坏：其中的数值与一同保存的校验和不符</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{0}: tensors do not match the model (missing {1}, unexpected {2})</source>
        <translation>{0}：张量与模型不符（缺少 {1}，多出 {2}）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0}: {1} is {2}, expected float32</source>
        <translation>{0}：{1} 的类型为 {2}，应为 float32</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: {1} has shape {2}, expected {3}</source>
        <translation>{0}：{1} 的形状为 {2}，应为 {3}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: {1} holds NaN or infinite values</source>
        <translation>{0}：{1} 中有 NaN 或无穷大</translation>
    </message>
    <message>
        <location filename="../core/storage/record.py" line="+47"/>
        <source>a series has at least one seed</source>
        <extracomment>what config.json&apos;s kind may say: KINDS, and control_lora, which earlier versions wrote for every LoRA model without extra inputs (read as lora: vocabulary.library_kind) the scores of metrics.json a summary carries (None when a model has none: a base has no forgetting)</extracomment>
        <translation>一个系列至少要有一个随机种子</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>a combination has at least one parent</source>
        <translation>合并至少要有一个来源适配器</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>{0}: config.json is not a JSON object</source>
        <translation>{0}：config.json 不是 JSON 对象</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: config.json has no valid format_version</source>
        <translation>{0}：config.json 中没有有效的 format_version</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0}: saved by a newer LoRA Studio (format {1}; this one reads up to {2}). Update LoRA Studio to open it.</source>
        <translation>{0}：由较新版本的 LoRA Studio 保存（格式 {1}；本版本最多能读取 {2}）。请更新 LoRA Studio 后再打开。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>{0}: config.json is not valid ({1})</source>
        <translation>{0}：config.json 无效（{1}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: config.json lists {1} features for a model taking {2}</source>
        <translation>{0}：config.json 列出了 {1} 个特征，而模型接受 {2} 个</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>a {0} model is made by {1}, not {2}</source>
        <translation>{0} 模型由 {1} 得到，而不是 {2}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no fine-tuning method</source>
        <translation>不用任何微调方法</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a {0} model has no LoRA settings</source>
        <translation>{0} 模型没有 LoRA 设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a {0} model cannot have LoRA settings</source>
        <translation>{0} 模型不能有 LoRA 设置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a {0} model takes no extra features</source>
        <translation>{0} 模型不接受额外特征</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a base model is trained on its own data set: its task is &apos;same&apos;</source>
        <translation>基础模型在它自己的数据集上训练：其任务是 &apos;same&apos;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a base model is no run of a fine-tuning series</source>
        <translation>基础模型不属于任何微调系列</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the feature statistics must be finite numbers, with standard deviations above 0</source>
        <translation>特征统计量必须是有限数值，且标准差大于 0</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{0}: metrics.json is not a JSON object</source>
        <extracomment>what every fine-tuned model&apos;s metrics hold besides test_accuracy (which equals target_accuracy): scores on the target task&apos;s and the source task&apos;s (the base&apos;s own data set&apos;s) test split, the base&apos;s on both, and forgetting = base_source_accuracy − source_accuracy what the metrics the app shows must be (the windows and tables format them); others are kept as they are</extracomment>
        <translation>{0}：metrics.json 不是 JSON 对象</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{0} must be a count (0 or more), got {1}</source>
        <translation>{0} 必须是计数（0 或更大），实际为 {1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0}: metrics.json: {1}</source>
        <translation>{0}：metrics.json：{1}</translation>
    </message>
    <message>
        <location filename="../core/storage/studies.py" line="+50"/>
        <source>could not save the study {0}: {1}</source>
        <extracomment>a study&apos;s runs as CSV (`lora-studio sweep --csv`, the Compare tab&apos;s export): the RUN record without its loss</extracomment>
        <translation>无法保存扫描记录 {0}：{1}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{0} is not a study id</source>
        <translation>{0} 不是扫描记录 ID</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{0} is not a JSON object</source>
        <translation>{0} 不是 JSON 对象</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: runs must be a list of run records</source>
        <translation>{0}：runs 必须是运行记录的列表</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0}: run {1} lacks {2}</source>
        <translation>{0}：第 {1} 次运行缺少 {2}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0}: run {1}: {2} must be a number, got {3}</source>
        <translation>{0}：第 {1} 次运行：{2} 必须是数字，实际为 {3}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0}: pareto must list indices of its runs</source>
        <translation>{0}：pareto 必须列出其运行的序号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: {1} must be text</source>
        <translation>{0}：{1} 必须是文本</translation>
    </message>
    <message>
        <location filename="../core/workflows/adapter_stack.py" line="-46"/>
        <source>choose at least one adapter to stack</source>
        <translation>请至少选择一个要叠加的适配器</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} is in the stack twice: give it one weight instead</source>
        <translation>{0} 在叠加中出现了两次：请改为给它一个权重</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../core/workflows/combine.py" line="+101"/>
        <source>{0} does not say which base model it was trained from</source>
        <translation>{0} 没有记录它是从哪个基础模型训练的</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>adapters of different bases cannot be stacked: {0} was trained from {1}, {2} from {3}</source>
        <translation>不同基础模型的适配器不能叠加：{0} 从 {1} 训练，{2} 从 {3} 训练</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{0} was not trained on these weights of base {1} (its frozen {2} differs): the base changed since, or the adapters were trained from different copies of it</source>
        <translation>{0} 不是在基础模型 {1} 的这些权重上训练的（它冻结的 {2} 不同）：基础模型此后有变化，或这些适配器是从它的不同副本训练的</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{0} is a {1} model, not a LoRA adapter: only LoRA models can be stacked</source>
        <translation>{0} 是 {1} 模型，不是 LoRA 适配器：只有 LoRA 模型可以叠加</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{0} is not a base model</source>
        <translation>{0} 不是基础模型</translation>
    </message>
    <message>
        <location filename="../core/workflows/combine.py" line="-43"/>
        <source>choose at least one adapter to combine</source>
        <translation>请至少选择一个要合并的适配器</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{0} is a {1} model, not a LoRA adapter: it cannot be combined</source>
        <translation>{0} 是 {1} 模型，不是 LoRA 适配器：不能合并</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} is a DoRA adapter: its learned magnitudes have no weighted sum (PEFT drops them), so DoRA adapters are not combined</source>
        <translation>{0} 是 DoRA 适配器：它学到的幅值没有加权和（PEFT 会丢弃它们），因此不合并 DoRA 适配器</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} takes extra inputs ({1}): their fc1 columns are trained outside the adapter, so only LoRA runs without extra inputs are combined</source>
        <translation>{0} 接受额外输入（{1}）：它们在 fc1 中的列是在适配器之外训练的，因此只合并不带额外输入的 LoRA 运行</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>adapters of different bases cannot be combined: {0} was trained from {1}, {2} from {3}</source>
        <translation>不同基础模型的适配器不能合并：{0} 从 {1} 训练，{2} 从 {3} 训练</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{0} and {1} were trained on different weights of base {2}: they cannot be combined</source>
        <translation>{0} 和 {1} 是在基础模型 {2} 的不同权重上训练的：不能合并</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>base {0} changed since {1} was trained: the adapter no longer fits its weights</source>
        <translation>基础模型 {0} 在训练 {1} 之后有了变化：适配器已不再适合它的权重</translation>
    </message>
    <message>
        <location filename="../core/workflows/evaluation_report.py" line="-41"/>
        <source>these models were trained on different data sets ({0}): evaluate them separately</source>
        <translation>这些模型是在不同的数据集上训练的（{0}）：请分别评估</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>evaluation stopped</source>
        <translation>评估已停止</translation>
    </message>
    <message>
        <location filename="../core/workflows/plans.py" line="+89"/>
        <source>give at least one seed</source>
        <translation>请至少给出一个随机种子</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a seed is listed twice</source>
        <translation>有一个随机种子列出了两次</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a feature is listed twice</source>
        <translation>有一个特征列出了两次</translation>
    </message>
    <message>
        <location filename="../core/workflows/runs.py" line="-137"/>
        <source>{0}, seed {1}: {2}</source>
        <translation>{0}，随机种子 {1}：{2}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}, seed {1}: stopped</source>
        <translation>{0}，随机种子 {1}：已停止</translation>
    </message>
    <message>
        <location line="+226"/>
        <source>{0} is a {1} model; fine-tuning starts from a base model</source>
        <translation>{0} 是 {1} 模型；微调要从基础模型开始</translation>
    </message>
    <message>
        <location filename="../core/workflows/sweep_plan.py" line="+1"/>
        <source>choose at least one {0}</source>
        <translation>请至少选择一个{0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a {0} is listed twice</source>
        <translation>有一个{0}列出了两次</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <location filename="../core/export_code/comments.py" line="-198"/>
        <source>“{name}” ({model_id}), exported from LoRA Studio as a standalone script</source>
        <translation>“{name}”（{model_id}），由 LoRA Studio 导出的独立脚本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It fine-tunes the base model {base_id} for the target task {task} with LoRA on {layers} (rank r = {rank}, α = {alpha}), the way the app did, and prints the accuracy on the target task and on the source task.</source>
        <translation>它像应用中那样，用 LoRA 在 {layers} 上（秩 r = {rank}，缩放因子 α = {alpha}）把基础模型 {base_id} 微调到目标任务 {task}，并输出目标任务和源任务上的准确率。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It fine-tunes the base model {base_id} for the target task {task} by training its head (fc2) alone, the way the app did, and prints the accuracy on the target task and on the source task.</source>
        <translation>它像应用中那样，只训练输出层 (fc2)，把基础模型 {base_id} 微调到目标任务 {task}，并输出目标任务和源任务上的准确率。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It fine-tunes the base model {base_id} for the target task {task} by training every weight (full fine-tuning), the way the app did, and prints the accuracy on the target task and on the source task.</source>
        <translation>它像应用中那样，训练全部权重（全量微调），把基础模型 {base_id} 微调到目标任务 {task}，并输出目标任务和源任务上的准确率。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It trains a fresh CNN from scratch on the target task {task}, the way the app did (the reference a fine-tuning is judged by), and prints the accuracy on the target task and on the source task.</source>
        <translation>它像应用中那样，在目标任务 {task} 上从头训练一个新的 CNN（衡量微调的参照），并输出目标任务和源任务上的准确率。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It imports torch, torchvision, safetensors and peft (pip install torch torchvision safetensors peft), nothing of LoRA Studio.</source>
        <translation>它只导入 torch、torchvision、safetensors 和 peft（pip install torch torchvision safetensors peft），不需要 LoRA Studio。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It imports torch, torchvision and safetensors (pip install torch torchvision safetensors), nothing of LoRA Studio: without adapters there is nothing for PEFT to do.</source>
        <translation>它只导入 torch、torchvision 和 safetensors（pip install torch torchvision safetensors），不需要 LoRA Studio：没有适配器，也就用不到 PEFT。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run it as: python {script} --data-dir DIR [--base PATH] [--seed N] [--epochs N]. Its last line is target_accuracy=… source_accuracy=…</source>
        <translation>运行方式：python {script} --data-dir DIR [--base PATH] [--seed N] [--epochs N]。最后一行输出为 target_accuracy=… source_accuracy=…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The first code cell holds its options: the data folder, the base model&apos;s weights file, the seed and the number of epochs. The last line it prints is target_accuracy=… source_accuracy=…</source>
        <translation>第一个代码单元格是它的选项：数据文件夹、基础模型的权重文件、随机种子和训练轮数。最后一行输出为 target_accuracy=… source_accuracy=…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With the same seed it starts from the same weights and draws the same batches as the app; the two add up their numbers in a different order, so the accuracies agree closely, not to the last digit.</source>
        <translation>随机种子相同时，它与应用从相同的权重出发、抽取相同的批次；两者求和的顺序不同，所以准确率非常接近，但不会每一位都相同。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Libraries</source>
        <translation>所用的库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The run&apos;s settings</source>
        <translation>本次运行的设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your own images</source>
        <translation>自己的图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The target task</source>
        <translation>目标任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The extra input features</source>
        <translation>额外输入特征</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The base model&apos;s weights</source>
        <translation>基础模型的权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LoRA with PEFT</source>
        <translation>用 PEFT 实现 LoRA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the head trains</source>
        <translation>只训练输出层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every weight trains</source>
        <translation>训练全部权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A fresh model</source>
        <translation>全新的模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimizer and learning rate</source>
        <translation>优化器与学习率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accuracy on the target and the source task</source>
        <translation>目标任务与源任务上的准确率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where the data set and the base model&apos;s weights are, the seed and the number of epochs; by default, the run&apos;s.</source>
        <translation>数据集和基础模型权重的位置、随机种子和训练轮数；默认值即本次运行的设置。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The run&apos;s other settings, as the app saved them with the model.</source>
        <translation>本次运行的其余设置，即应用随模型保存的设置。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the base&apos;s data set: the source task</source>
        <translation>基础模型的数据集：源任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the data set the target task is made of</source>
        <translation>构成目标任务的数据集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the first N training images (the app&apos;s training images)</source>
        <translation>前 N 张训练图像（应用中的训练图像数）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the base&apos;s training pixels: mean and standard deviation</source>
        <translation>基础模型训练像素的均值和标准差</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The data set, read with torchvision from DATA_DIR/&lt;Name&gt;/raw/ (download=False), as uint8 images (N, 28, 28) and their labels.</source>
        <translation>用 torchvision 从 DATA_DIR/&lt;Name&gt;/raw/ 读取数据集（download=False），得到 uint8 图像 (N, 28, 28) 及其标签。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>torchvision reads the unpacked IDX files only: a folder holding just the .gz files is unpacked into a temporary folder first.</source>
        <translation>torchvision 只读取解压后的 IDX 文件：若文件夹里只有 .gz 文件，先把它们解压到一个临时文件夹。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The target task {task}, made as the app makes it: each change is a small function of (images, labels, split), applied in order to the training and the test split.</source>
        <translation>目标任务 {task} 的生成方式与应用相同：每一种变化都是一个作用于 (images, labels, split) 的小函数，依次作用于训练集和测试集。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The target task is the source task itself (the article&apos;s experiment): nothing changes.</source>
        <translation>目标任务就是源任务本身（文章中的实验）：数据不做任何变化。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The target task is another data set, {target}; the source task stays the base&apos;s own.</source>
        <translation>目标任务是另一个数据集 {target}；源任务仍是基础模型自己的数据集。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gaussian noise of half the pixel range, drawn from a fixed seed per block of {block} images and per split: every run sees the same noisy images, the app&apos;s.</source>
        <translation>高斯噪声的标准差为像素范围的一半，按每 {block} 张图像一块、按训练集/测试集分别由固定的随机种子生成：每次运行看到的带噪声图像都相同，与应用中的一致。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The run trained on the first {train_images} images of the target task&apos;s training split.</source>
        <translation>本次运行只用了目标任务训练集的前 {train_images} 张图像。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your images in {folder}, one subfolder per class (0–9), prepared as the app prepares them: grey, white ink on black, boxed to 20 pixels and centred in 28×28 like MNIST. A fixed fifth of each class is the test split; the training images take the classes in turn.</source>
        <translation>{folder} 中自己的图像，每个类别一个子文件夹（0–9），处理方式与应用相同：转为灰度、黑底白字、缩放到 20 像素的方框内，并像 MNIST 那样居中放入 28×28。每个类别固定的五分之一作为测试集；训练图像按类别轮流排列。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The extra input features ({features}): computed from pixels in [0, 1], then standardised with the mean and standard deviation of the training split that the app saved with the model.</source>
        <translation>额外输入特征（{features}）：由 [0, 1] 范围内的像素计算，再用应用随模型保存的训练集均值和标准差做标准化。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The article&apos;s CNN, as the app builds it: two convolution layers, then two fully connected layers, fc1 and fc2 (the head).</source>
        <translation>文章中的 CNN，与应用构建的相同：两个卷积层，然后是两个全连接层 fc1 和 fc2（输出层）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>fc1 takes the {flat} flattened convolution features plus {features_count} extra input(s): the article&apos;s extra column(s), appended as the head begins.</source>
        <translation>fc1 的输入是展平后的 {flat} 个卷积特征，再加上 {features_count} 个额外输入：即文章中的额外列，在全连接部分开始处拼接。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pixels in [0, 1] are standardised inside the model, with the base&apos;s training statistics.</source>
        <translation>[0, 1] 范围内的像素在模型内部用基础模型训练集的统计量做标准化。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The SHA-256 of the tensors that LoRA Studio saved in the file. If it differs, this is not the base the run started from; set BASE_SHA256 = None to start from another base of the same shape.</source>
        <translation>LoRA Studio 保存在文件中的张量 SHA-256。若不一致，说明这不是本次运行所用的基础模型；若要从另一个形状相同的基础模型出发，请设 BASE_SHA256 = None。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One generator, seeded, draws what the app draws, in the same order: the new fc1 column(s), then each adapter&apos;s A.</source>
        <translation>一个设定了随机种子的生成器，按与应用相同的顺序抽取随机数：先是 fc1 的新列，再是每个适配器的 A。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One generator, seeded, draws each adapter&apos;s A as the app draws it, in the same order.</source>
        <translation>一个设定了随机种子的生成器，按与应用相同的顺序抽取每个适配器的 A。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weight transfer, as in the article: every base tensor is copied; fc1.weight grows from ({hidden}, {flat}) to ({hidden}, {fc1_inputs}): its first {flat} columns are the base&apos;s, the new column(s) start random, in nn.Linear&apos;s own range.</source>
        <translation>权重迁移，与文章相同：复制基础模型的每个张量；fc1.weight 从 ({hidden}, {flat}) 变为 ({hidden}, {fc1_inputs})：前 {flat} 列来自基础模型，新列按 nn.Linear 自身的范围随机初始化。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Weight transfer, as in the article: every base tensor is copied; fc1.weight grows from ({hidden}, {flat}) to ({hidden}, {fc1_inputs}): its first {flat} columns are the base&apos;s, the new column(s) start at zero.</source>
        <translation>权重迁移，与文章相同：复制基础模型的每个张量；fc1.weight 从 ({hidden}, {flat}) 变为 ({hidden}, {fc1_inputs})：前 {flat} 列来自基础模型，新列从零开始。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>get_peft_model freezes every weight of the base: this is the frozen W. Beside each layer of target_modules it adds an adapter, lora_A (r × in) and lora_B (out × r), where ΔW lives: the layer computes W x + s·B(A x), so ΔW = s·B·A.</source>
        <translation>get_peft_model 冻结基础模型的全部权重：这就是冻结的 W。它在 target_modules 的每一层旁加上一个适配器 lora_A（r × in）和 lora_B（out × r），增量 ΔW 就在这里：该层计算 W x + s·B(A x)，所以 ΔW = s·B·A。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The scale s = α/r = {alpha}/{rank} = {scale}: PEFT sets it from r and lora_alpha.</source>
        <translation>缩放系数 s = α/r = {alpha}/{rank} = {scale}：PEFT 由 r 和 lora_alpha 设定。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rsLoRA (use_rslora=True): the scale is s = α/√r = {alpha}/√{rank} = {scale}, so the update&apos;s size does not shrink as r grows.</source>
        <translation>秩稳定 LoRA（use_rslora=True）：缩放系数 s = α/√r = {alpha}/√{rank} = {scale}，因此增量的大小不随 r 增大而缩小。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DoRA (use_dora=True): a learned magnitude per output (lora_magnitude_vector, starting at the norm of W&apos;s rows) times the direction of W + s·B·A; s = α/r = {alpha}/{rank} = {scale}.</source>
        <translation>权重分解 LoRA（use_dora=True）：每个输出一个可学习的幅值（lora_magnitude_vector，初始为 W 各行的范数），乘以 W + s·B·A 的方向；s = α/r = {alpha}/{rank} = {scale}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>LoRA dropout: while training, a fraction {dropout} of the adapter&apos;s inputs is zeroed.</source>
        <translation>LoRA dropout：训练时，适配器输入中比例为 {dropout} 的部分被置零。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>B starts at zero, so the wrapped model starts out exactly as the base. A starts as the article has it, N(0, 0.01²), which PEFT does not offer (init_lora_weights: kaiming-uniform by default, or &quot;gaussian&quot; with std 1/r): it is drawn here, after wrapping, from the seeded generator.</source>
        <translation>B 从零开始，所以包装后的模型一开始与基础模型完全相同。A 按文章的方式初始化为 N(0, 0.01²)，PEFT 没有这个选项（init_lora_weights：默认为 kaiming 均匀分布，或标准差为 1/r 的 &quot;gaussian&quot;）：因此在包装之后，用设定了随机种子的生成器在这里抽取。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>B starts at zero, so the wrapped model starts out exactly as the base. A starts as PEFT&apos;s default has it (kaiming-uniform), drawn again here from the seeded generator so that it is the app&apos;s draw.</source>
        <translation>B 从零开始，所以包装后的模型一开始与基础模型完全相同。A 按 PEFT 的默认方式（kaiming 均匀分布）初始化，并在这里用设定了随机种子的生成器重新抽取，使其与应用中的相同。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The new feature column(s) of fc1 train too (the article&apos;s text says so; its code froze them): fc1&apos;s weight is made trainable and a gradient hook zeroes the gradient of the copied columns, so Adam leaves them exactly as they were.</source>
        <translation>fc1 的新特征列也参与训练（文章正文如此说明，但其代码把它们冻结了）：把 fc1 的权重设为可训练，并用一个梯度钩子把复制来的列的梯度置零，这样 Adam 会让它们保持原样。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What trains: the adapters and the new feature column(s), as the app counts them.</source>
        <translation>参与训练的部分：适配器和新的特征列，计数方式与应用相同。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The base&apos;s weights, then every weight frozen except the head&apos;s (fc2): {trained} parameters train.</source>
        <translation>载入基础模型的权重，然后冻结除输出层 (fc2) 以外的全部权重：{trained} 个参数参与训练。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The base&apos;s weights, and every one of them trains (full fine-tuning): nothing is frozen.</source>
        <translation>载入基础模型的权重，全部参与训练（全量微调）：没有冻结任何权重。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A fresh CNN: the seed draws its first weights as it drew the app&apos;s. The base model&apos;s weights are not used (--base is accepted and ignored); the source accuracy shows what a model of the target task alone knows of the base&apos;s task.</source>
        <translation>一个全新的 CNN：随机种子抽取的初始权重与应用中的相同。不使用基础模型的权重（接受 --base 但忽略它）；源准确率表明只学过目标任务的模型对基础模型的任务了解多少。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>torch.optim.Adam (its default betas and eps, no weight decay) over what trains, as the app trains.</source>
        <translation>torch.optim.Adam（默认的 betas 和 eps，无权重衰减）优化参与训练的参数，与应用相同。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>LoRA+: B learns {ratio} times as fast as A. Two optimizer groups: every lora_B at {ratio} × the learning rate, everything else at the learning rate.</source>
        <translation>LoRA+：B 的学习速度是 A 的 {ratio} 倍。两个优化器参数组：所有 lora_B 使用 {ratio} × 学习率，其余使用学习率。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One learning rate for everything that trains.</source>
        <translation>所有参与训练的参数使用同一个学习率。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The app&apos;s learning-rate schedule, anneal: the learning rate holds for the first two thirds of the steps, then falls linearly to 0.</source>
        <translation>应用的学习率调度 anneal：前三分之二的步保持学习率不变，之后线性降到 0。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The app&apos;s learning-rate schedule, cosine: from the learning rate down to 0 along half a cosine.</source>
        <translation>应用的学习率调度 cosine：沿半个余弦周期从学习率降到 0。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The app&apos;s learning-rate schedule, constant: it never changes.</source>
        <translation>应用的学习率调度 constant：学习率始终不变。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each epoch shuffles the training images with a generator seeded as the app seeds it and takes them in batches of {batch_size}.</source>
        <translation>每一轮用与应用相同随机种子的生成器打乱训练图像，并按批大小 {batch_size} 依次取用。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the schedule&apos;s rate, times each group&apos;s factor (LoRA+)</source>
        <translation>调度给出的学习率，乘以每个参数组的倍率 (LoRA+)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accuracy on the target task&apos;s test split, and on the source task&apos;s (the base&apos;s own data set): how much of the source task the fine-tuning kept.</source>
        <translation>目标任务测试集上的准确率，以及源任务（基础模型自己的数据集）测试集上的准确率：微调后源任务保留了多少。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The last line, for whoever compares runs.</source>
        <translation>最后一行，供比较运行结果的人使用。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One split of torchvision&apos;s data set `name`: uint8 images (N, 28, 28) and int64 labels (N,).</source>
        <translation>torchvision 数据集 `name` 的一个划分：uint8 图像 (N, 28, 28) 和 int64 标签 (N,)。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>uint8 (N, 28, 28) → float (N, 1, 28, 28) in [0, 1], as torchvision&apos;s ToTensor gives them.</source>
        <translation>uint8 (N, 28, 28) → [0, 1] 范围内的浮点数 (N, 1, 28, 28)，与 torchvision 的 ToTensor 相同。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>LoRA Studio&apos;s checksum: SHA-256 of the tensors&apos; names, types, shapes and bytes, by name.</source>
        <translation>LoRA Studio 的校验和：按名称顺序对张量的名称、类型、形状和字节计算 SHA-256。</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>a quarter turn anticlockwise</source>
        <translation>逆时针旋转 90°</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(train, test), each uint8 images (N, 28, 28) and int64 labels, split as the app splits them.</source>
        <translation>(训练集, 测试集)，各为 uint8 图像 (N, 28, 28) 和 int64 标签，划分方式与应用相同。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One image file → uint8 (28, 28): grey, white ink on black, boxed to 20 pixels and centred.</source>
        <translation>一个图像文件 → uint8 (28, 28)：灰度、黑底白字、缩放到 20 像素的方框内并居中。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>16-bit grey</source>
        <translation>16 位灰度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transparency is flattened onto white, as image viewers show it.</source>
        <translation>透明部分铺在白色上，与看图软件的显示一致。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark ink on light paper (a light border) is turned into MNIST&apos;s white ink on black; then the background&apos;s level is taken away and faint ink dropped.</source>
        <translation>浅色纸上的深色笔迹（边框较亮）被转换为 MNIST 的黑底白字；然后减去背景的亮度，并去掉很淡的笔迹。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The pixels of the outer ring, a twentieth of the shorter side wide (at least one pixel).</source>
        <translation>外圈的像素，宽度为较短边的二十分之一（至少一个像素）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ink (H, W) in [0, 1] → uint8 (28, 28): the digit scaled into a 20×20 box, centred by its mass, as MNIST&apos;s digits were made.</source>
        <translation>[0, 1] 范围内的笔迹 (H, W) → uint8 (28, 28)：把数字缩放到 20×20 的方框内，按质心居中，与 MNIST 数字的制作方式相同。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the article&apos;s img.mean(dim=[1, 2, 3])</source>
        <translation>即文章中的 img.mean(dim=[1, 2, 3])</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The standardised extra inputs (N, F) of uint8 images (N, 28, 28), 8,192 images at a time.</source>
        <translation>uint8 图像 (N, 28, 28) 的标准化额外输入 (N, F)，每次处理 8,192 张图像。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>get_peft_model moves it into fc1.base_layer</source>
        <translation>get_peft_model 会把它移到 fc1.base_layer 中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The share of the images whose most likely class is their label.</source>
        <translation>预测概率最高的类别等于其标签的图像所占比例。</translation>
    </message>
</context>
<context>
    <name>features</name>
    <message>
        <location filename="../core/data/feature_names.py" line="-16"/>
        <source>Brightness</source>
        <translation>亮度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contrast</source>
        <translation>对比度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ink</source>
        <translation>墨迹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>mean pixel value (the article&apos;s feature)</source>
        <translation>像素平均值（文章中的特征）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>standard deviation of the pixel values</source>
        <translation>像素值的标准差</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fraction of pixels brighter than half</source>
        <translation>亮度超过一半的像素所占比例</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fraction of columns that hold ink</source>
        <translation>有墨迹的列所占比例</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>brightness</source>
        <translation>亮度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>contrast</source>
        <translation>对比度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ink</source>
        <translation>墨迹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>width</source>
        <translation>宽度</translation>
    </message>
</context>
<context>
    <name>jobs</name>
    <message>
        <location filename="../gui/background/kinds.py" line="+58"/>
        <source>Loading PyTorch</source>
        <extracomment>started by the window itself to show something (a task&apos;s images, a model at another adapter strength, an adapter read for the explainer): its starter shows how it ended, so the window neither announces it nor boxes a user error of its own</extracomment>
        <translation>加载 PyTorch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loading the data set</source>
        <translation>加载数据集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base training</source>
        <translation>基础训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LoRA fine-tuning</source>
        <translation>LoRA 微调</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checking the export as code</source>
        <translation>检查能否导出为代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task preview</source>
        <translation>任务预览</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading the adapter</source>
        <translation>读取适配器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adapter strength</source>
        <translation>适配器强度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adapter stack</source>
        <translation>适配器堆叠</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Combining adapters</source>
        <translation>合成适配器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sweep</source>
        <translation>参数扫描</translation>
    </message>
    <message>
        <location filename="../gui/background/worker.py" line="+204"/>
        <source>not enough memory: try a smaller subset or batch size</source>
        <extracomment>called in the GUI thread with a list of the values the job passed to `JobContext.partial`, in order the jobs&apos; messages are translated where they are made, in the worker thread (QCoreApplication.translate is thread-safe)</extracomment>
        <translation>内存不足：请减少训练图像数或批大小</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>an unexpected error ({0}: {1})</source>
        <translation>意外错误（{0}：{1}）</translation>
    </message>
    <message>
        <location filename="../gui/shared/state/loading.py" line="+94"/>
        <source>Reading {0} from {1}</source>
        <translation>正在从 {1} 读取 {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: {1} training and {2} test images</source>
        <translation>{0}：{1} 张训练图像和 {2} 张测试图像</translation>
    </message>
    <message>
        <location filename="../gui/dataset/jobs.py" line="+19"/>
        <source>download cancelled; nothing was changed</source>
        <translation>下载已取消；未做任何更改</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} downloaded: {1} training images</source>
        <translation>{0} 已下载：{1} 张训练图像</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Checking the files in {0}</source>
        <translation>正在检查 {0} 中的文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} imported from {1}: {2} training images</source>
        <translation>已从 {1} 导入 {0}：{2} 张训练图像</translation>
    </message>
    <message>
        <location filename="../gui/base/jobs.py" line="+33"/>
        <source>Training the base CNN on {0} images</source>
        <translation>正在用 {0} 张图像训练基础 CNN</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the training finished (test accuracy {0} %), but {1}; nothing was saved</source>
        <translation>训练已完成（测试准确率 {0} %），但 {1}；未保存任何内容</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../gui/lora/jobs.py" line="+47"/>
        <source>nothing was saved</source>
        <translation>未保存任何内容</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>test accuracy {0} %, saved as “{1}”</source>
        <translation>测试准确率 {0} %，已保存为“{1}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} The model was saved as “{1}”: the model library can delete it.</source>
        <translation>{0} 模型已保存为“{1}”：可以在模型库中删除它。</translation>
    </message>
    <message>
        <location filename="../gui/lora/jobs.py" line="-6"/>
        <source>Making the target task</source>
        <translation>正在生成目标任务</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} finished model(s) were saved</source>
        <translation>已保存 {0} 个完成的模型</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} seed {1}</source>
        <translation>{0}（随机种子 {1}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0}: {1} The models were saved: the model library can delete them.</source>
        <translation>{0}：{1} 这些模型已保存：可以在模型库中删除它们。</translation>
    </message>
    <message>
        <location filename="../gui/shared/training_jobs.py" line="+35"/>
        <source>Training: {0}, seed {1}</source>
        <translation>正在训练：{0}，随机种子 {1}</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Fine-tuning with {0}, seed {1}</source>
        <translation>正在带特征 {0} 微调，随机种子 {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fine-tuning the control, seed {0}</source>
        <translation>正在微调对照，随机种子 {0}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>stopped by the user</source>
        <translation>已被用户停止</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{0} {1}.</source>
        <comment>a message, then a sentence of its own</comment>
        <translation>{0} {1}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0}; {1}</source>
        <comment>two clauses of one message</comment>
        <translation>{0}；{1}</translation>
    </message>
    <message>
        <location filename="../gui/i18n/core_texts.py" line="+120"/>
        <source>{0}, {1}</source>
        <comment>a list</comment>
        <extracomment>every data set&apos;s class names (core/data/dataset_names.py), which class_name translates</extracomment>
        <translation>{0}、{1}</translation>
    </message>
    <message>
        <location filename="../gui/lora/jobs.py" line="+15"/>
        <source>{0} {1} %</source>
        <translation>{0} {1} %</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} {1} points</source>
        <translation>{0} {1} 个百分点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>target accuracy {0}</source>
        <translation>目标准确率：{0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>forgetting {0}</source>
        <translation>遗忘：{0}</translation>
    </message>
    <message>
        <location filename="../gui/shared/task_jobs.py" line="+56"/>
        <source>{0}: {1} training images</source>
        <translation>{0}：{1} 张训练图像</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
</context>
<context>
    <name>kinds</name>
    <message>
        <location filename="../core/vocabulary.py" line="+114"/>
        <source>base</source>
        <extracomment>every kind, in the order tables, legends and summaries list them</extracomment>
        <translation>基础模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>feature+LoRA</source>
        <translation>特征 + LoRA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>control</source>
        <translation>对照</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>head only</source>
        <translation>仅输出层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>full fine-tuning</source>
        <translation>全量微调</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from scratch</source>
        <translation>从头训练</translation>
    </message>
</context>
<context>
    <name>lessons</name>
    <message>
        <location filename="../gui/learn/lessons.py" line="+65"/>
        <source>Data set: {0}; the newest base model trained on it.</source>
        <extracomment>a lesson that stacks adapters: `setup` is its first stage, stack_lessons.stage the one it is at</extracomment>
        <translation>数据集：{0}；使用在它上面训练的最新基础模型。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} at {1} %</source>
        <translation>{0}（权重 {1} %）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evaluation tab, Adapter stack page: on base {0}, {1}; scored on {2}, without training.</source>
        <translation>评估标签页的“适配器堆叠”页：基础模型 {0}，{1}；在“{2}”上评分，无需训练。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Compare tab: task {0}; methods {1}; LoRA on {2}, ranks {3}, variants {4}; {5} seed(s), {6} epoch(s) a run, {7}.</source>
        <translation>对比标签页：任务“{0}”；方法 {1}；LoRA 作用于 {2}，秩 {3}，变体 {4}；{5} 个随机种子，每次运行 {6} 轮，{7}。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>with a control run</source>
        <translation>带对照运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no control run</source>
        <translation>不运行对照</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LoRA tab: task {0}; method {1} on {2}, rank {3}, alpha {4:g}, variant {5}, LoRA+ ratio {6:g}; extra inputs: {7}, {8}; {9} seed(s), {10} epoch(s), learning rate {11:g}, {12}.</source>
        <translation>LoRA 标签页：任务“{0}”；方法 {1}，作用于 {2}，秩 {3}，缩放因子 {4:g}，变体 {5}，LoRA+ 倍率 {6:g}；额外输入：{7}，{8}；{9} 个随机种子，{10} 轮，学习率 {11:g}，{12}。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>LoRA tab: task {0}; method {1}; {2} seed(s), {3} epoch(s), learning rate {4:g}, {5}.</source>
        <translation>LoRA 标签页：任务“{0}”；方法 {1}；{2} 个随机种子，{3} 轮，学习率 {4:g}，{5}。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>all training images</source>
        <translation>全部训练图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the first {0} training images</source>
        <translation>前 {0} 张训练图像</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set it up</source>
        <translation>一键设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What to look at</source>
        <translation>观察要点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Your own runs:</source>
        <translation>你自己的运行：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You have no run of this lesson in your library yet: click Set it up, run it, and this answer will quote your own figures.</source>
        <translation>你的模型库中还没有这节课程的运行：点击“一键设置”并运行，这里的答案就会引用你自己的数字。</translation>
    </message>
    <message>
        <location filename="../gui/learn/lessons_content.py" line="+29"/>
        <source>1. Reproduce the article</source>
        <extracomment>lesson 8: adapters on different layers, for different changes, stacked on a task none of them saw lesson 9: two adapters on the same layers, summed and averaged, on each one&apos;s own task</extracomment>
        <translation>1. 复现文章的实验</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The article trains a small CNN on MNIST, then adds the image&apos;s brightness as an extra input to fc1 and fine-tunes low-rank adapters on fc1 and fc2 for two epochs. It reports that the model &quot;improves slightly&quot;. Does it, and what is trained?</source>
        <translation>文章先在 MNIST 上训练一个小型 CNN，再把图像的亮度作为额外输入加到 fc1，并在 fc1 和 fc2 上微调低秩适配器，训练两轮。文章说模型“可以轻微提升”。真是这样吗？训练的又是哪些参数？</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Click Fine-tune with LoRA. Watch the trainable-parameters line before you start, then the test accuracy of feature + LoRA and of its control against the base model&apos;s, in the plots and in the Evaluation tab.</source>
        <translation>点击“用 LoRA 微调”。开始之前，先看可训练参数那一行；训练完成后，在图表和评估标签页中，把特征 + LoRA 及其对照的测试准确率与基础模型的作比较。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only the adapters A and B on fc1 and fc2 and fc1&apos;s new column for brightness are trained: 7,448 of 59,586 parameters, about one in eight. The base&apos;s own weights stay frozen and B starts at zero, so the adapters change nothing at first; only the new brightness column, which starts random as in the article, moves the outputs from the first step.</source>
        <translation>只训练 fc1 和 fc2 上的适配器 A 和 B，以及 fc1 为亮度新增的那一列：59,586 个参数中的 7,448 个，约占八分之一。基础模型自己的权重保持冻结，B 又从零开始，所以适配器起初什么也不改变；只有新增的亮度列像文章中那样随机初始化，从第一步起就会改变输出。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The base is already at about 98.7 % after 3 epochs, so there is little left to gain: both LoRA runs end a tenth of a point or so above it. The control, the same LoRA without brightness, gains as much: the small improvement comes from two more epochs of training, not from the new input. The next lesson measures that properly.</source>
        <translation>基础模型训练 3 轮后已达到约 98.7 %，能提升的空间不大：两次 LoRA 运行最终都只比它高出 0.1 个百分点左右。对照（同样的 LoRA，但不带亮度）提升得一样多：这点小小的提升来自多训练的两轮，而不是新的输入。下一节课程会认真地衡量这一点。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Two slips of the article are put right here: fc1 has 16·7·7 = 784 image inputs (not 1568), and the brightness column is trained on its own, although the article&apos;s code freezes all of fc1.</source>
        <translation>这里纠正了文章的两处疏漏：fc1 有 16·7·7 = 784 个图像输入（而不是 1568 个）；亮度这一列会单独训练，尽管文章的代码把整个 fc1 都冻结了。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What to expect: the base about 98.7 %, feature + LoRA and the control both about 98.8 %, within a few hundredths of a point of each other. Each LoRA run takes a few seconds.</source>
        <translation>预期结果：基础模型约 98.7 %，特征 + LoRA 和对照都约为 98.8 %，两者只相差零点零几个百分点。每次 LoRA 运行只需几秒钟。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>2. Does brightness help?</source>
        <translation>2. 亮度有帮助吗？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feature + LoRA scored a little differently from its control. Is that the brightness input, or chance? How would you tell?</source>
        <translation>特征 + LoRA 的得分与它的对照略有不同。这是亮度输入的作用，还是偶然？怎样才能分辨？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Five seeds of feature + LoRA and five of the control, each pair differing only in the extra input. Click Fine-tune with LoRA, then evaluate the ten models in the Evaluation tab: the table gives the feature&apos;s effect with its 95 % interval over the seeds.</source>
        <translation>特征 + LoRA 和对照各用五个随机种子，每一对只差在额外输入上。点击“用 LoRA 微调”，然后在评估标签页评估这十个模型：表格会给出特征效应，以及它跨随机种子的 95% 区间。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>One run of each says little: two runs with different seeds differ by a few hundredths of a point anyway. With several seeds, the differences feature minus control have a mean and a 95 % interval; only when the whole interval is above zero does the feature help.</source>
        <translation>各跑一次说明不了什么：随机种子不同的两次运行，本来就会相差零点零几个百分点。有了多个随机种子，“特征减对照”的差值就有了均值和 95% 区间；只有整个区间都大于零，才说明特征有帮助。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Brightness is the mean of the pixels, and the convolutions already see every pixel: the model has the information before it gets the new input, so there is nothing for it to add.</source>
        <translation>亮度就是像素的平均值，而卷积层本来就能看到每一个像素：模型在得到新输入之前就已经掌握了这一信息，新输入也就没有什么可补充的。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What to expect: no clear effect. Over five seeds on MNIST, feature minus control came to −0.02 points with a 95 % interval of −0.05 to +0.01: it holds zero. The ten runs take under a minute.</source>
        <translation>预期结果：无明显效应。在 MNIST 上用五个随机种子，特征减对照为 −0.02 个百分点，95% 区间为 −0.05 到 +0.01：区间包含零。这十次运行用时不到一分钟。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>3. Inverted digits: which layer to adapt?</source>
        <translation>3. 反色数字：该适配哪一层？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make the digits dark on a white background: the base, trained on white on black, fails. Which layer should the adapter go on — and how few parameters are enough?</source>
        <translation>把数字变成白底黑字：在黑底白字上训练的基础模型就认不出来了。适配器应该加在哪一层？最少要多少参数才够？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>First run: LoRA on conv1 alone (136 parameters). Then untick conv1, tick fc1 and fc2, and run again (7,376 parameters). Compare the test accuracy on the inverted digits with the number of trainable parameters.</source>
        <translation>第一次运行：只在 conv1 上用 LoRA（136 个参数）。然后取消勾选 conv1，勾选 fc1 和 fc2，再运行一次（7,376 个参数）。结合可训练参数的数量，比较两次运行在反色数字上的测试准确率。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Inverting changes the pixel values, not where the strokes are. conv1 is the layer that reads pixel values: its eight 3×3 filters can learn to answer dark strokes on white as they answered white strokes on black, and everything after conv1 then works as before.</source>
        <translation>反色改变的是像素值，而不是笔画的位置。conv1 正是读取像素值的那一层：它的八个 3×3 滤波器可以学会对白底上的黑色笔画做出与原先对黑底上白色笔画相同的响应，这样 conv1 之后的各层就能照旧工作。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Adapting fc1 and fc2 works too, a little better, but with fifty times the parameters: it has to rebuild from conv features that no longer look like the ones it was trained on.</source>
        <translation>适配 fc1 和 fc2 也行，效果还稍好一些，但参数量是前者的五十倍：它只能从卷积特征重新拼出结果，而这些特征已经和它训练时见过的不一样了。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What to expect: the base as it is gets only about one inverted digit in five right (18–21 %). After two epochs, LoRA on conv1 reaches about 90 % and LoRA on fc1+fc2 about 96 %. Adapting conv1 takes longer (every step re-runs the convolutions); fc1+fc2 a few seconds.</source>
        <translation>预期结果：原样的基础模型只能认对约五分之一的反色数字（18–21 %）。训练两轮后，conv1 上的 LoRA 约达 90 %，fc1+fc2 上的 LoRA 约达 96 %。适配 conv1 耗时更长（每一步都要重新计算卷积）；适配 fc1+fc2 只需几秒钟。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>4. Rotated digits: why does conv1 alone fail?</source>
        <translation>4. 旋转的数字：为什么只适配 conv1 不行？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Turn every digit a quarter turn. conv1 rescued the inverted digits with 136 parameters. Can it rescue rotated ones?</source>
        <translation>把每个数字旋转 90°。conv1 只用 136 个参数就救回了反色数字。它也能救回旋转后的数字吗？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run LoRA on conv1 alone, then on fc1 and fc2 instead, and compare the test accuracy on the rotated digits.</source>
        <translation>先只在 conv1 上运行 LoRA，再改为在 fc1 和 fc2 上运行，比较两次运行在旋转数字上的测试准确率。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>conv1&apos;s filters see 3×3 pixels at a time. A rotation moves every stroke to another place in the image; whatever conv1 learns to see in a small patch, what it sees still arrives at the rotated place. fc1 reads the conv features position by position, so it is fc1 that must learn where things now are — and no change to conv1 can move them back.</source>
        <translation>conv1 的滤波器每次只看 3×3 个像素。旋转把每一笔都移到了图像中的别处；无论 conv1 学会在小块区域里看出什么，看到的东西仍然出现在旋转后的位置上。fc1 逐个位置读取卷积特征，所以必须由 fc1 来学会各部分现在在哪里——对 conv1 的任何改动都无法把它们移回原位。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>fc1 sees all 784 conv features at once: a low-rank change to it can re-map positions, and fc1+fc2 recover almost all of the accuracy. Which layer to adapt depends on what changed between the tasks.</source>
        <translation>fc1 一次看到全部 784 个卷积特征：对它做低秩的改动就能重新映射位置，fc1+fc2 几乎能找回全部准确率。该适配哪一层，取决于两个任务之间变了什么。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What to expect: the base as it is gets under 20 % of rotated digits right. After one epoch, LoRA on conv1 stays around 20 % (about 30 % after two), LoRA on fc1+fc2 reaches about 95 %. One epoch is enough to see it: adapting conv1 is the slow run here, as every step re-runs the convolutions.</source>
        <translation>预期结果：原样的基础模型只能认对不到 20 % 的旋转数字。训练一轮后，conv1 上的 LoRA 停留在 20 % 左右（两轮后约 30 %），fc1+fc2 上的 LoRA 约达 95 %。训练一轮就足以看出差别：这里慢的是适配 conv1 的那次运行，因为每一步都要重新计算卷积。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>5. How low can the rank go?</source>
        <translation>5. 秩最低能到多少？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The rank r sets how many parameters an adapter has. On the rotated digits, how small can r be before accuracy suffers, and how does LoRA compare with training the head alone?</source>
        <translation>秩 r 决定适配器有多少参数。在旋转的数字上，r 能小到多少而不损失准确率？LoRA 与只训练输出层相比又如何？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Click Start sweep: LoRA on fc1+fc2 at ranks 1 to 64 and the head (fc2 alone), two seeds each, one epoch. Read the plot of accuracy against trainable parameters (a log scale) and the table.</source>
        <translation>点击“开始扫描”：在 fc1+fc2 上运行秩从 1 到 64 的 LoRA，以及仅输出层（只训练 fc2），各用两个随机种子，训练一轮。查看准确率与可训练参数的关系图（对数刻度）和表格。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each doubling of r doubles the adapters&apos; parameters, but accuracy climbs steeply only for the first few ranks and then levels off: the change the task needs is itself of low rank. That is LoRA&apos;s bet.</source>
        <translation>r 每翻一倍，适配器的参数也翻一倍，但准确率只在最初几个秩上快速攀升，随后就趋于平缓：任务所需的改变本身就是低秩的。这正是 LoRA 押下的赌注。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Points that no other point beats with fewer parameters form the Pareto front; a rank past the knee of the curve buys little. The head alone is cheaper still but cannot re-map positions.</source>
        <translation>没有其他点能用更少参数胜过的那些点，构成帕累托前沿；秩一旦越过曲线的拐点，多花的参数就换不来多少提升。仅输出层更省参数，但无法重新映射位置。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What to expect, after one epoch on the rotated digits: r = 1 anywhere from about 60 to 76 % depending on the seed, r = 2 about 89 %, r = 4 about 94 %, r = 8 about 96 %, and r = 16, 32 or 64 no better than about 96 %, with up to eight times the parameters. The head alone (650 parameters) about 88 %.</source>
        <translation>预期结果（在旋转数字上训练一轮）：r = 1 因随机种子而异，约在 60 % 到 76 % 之间；r = 2 约 89 %，r = 4 约 94 %，r = 8 约 96 %；r = 16、32 或 64 的参数量最多是 r = 8 的八倍，准确率却不超过约 96 %。仅输出层（650 个参数）约 88 %。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>6. Forgetting, and the adapter&apos;s strength</source>
        <translation>6. 遗忘与适配器强度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After learning rotated digits, how well does the model still read upright ones? And since the base is still in there, can you get it back?</source>
        <translation>学会旋转的数字之后，模型还能认出多少正立的数字？既然基础模型仍在其中，能不能把它找回来？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run it, then open the Evaluation tab, tick the new model and Evaluate: the table shows target and source accuracy and the forgetting. Inspect the model and drag the adapter strength slider from 100 % down to 0 %: the plot beside it shows both accuracies at every strength.</source>
        <translation>运行后打开评估标签页，勾选新模型并点击“在测试集上评估”：表格会显示目标准确率、源准确率和遗忘。再查看这个模型，把适配器强度滑块从 100 % 拖到 0 %：旁边的图画出每个强度下的两种准确率。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The adapters change fc1 and fc2 for everything they see, upright digits too: the better the model reads rotated digits, the worse it reads upright ones. The same fc1 cannot place the strokes of both at once.</source>
        <translation>适配器改变了 fc1 和 fc2 对一切输入的处理，正立的数字也不例外：模型认旋转数字认得越好，认正立数字就越差。同一个 fc1 无法同时为两者的笔画定位。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The strength scales the update: W + s·(α/r)·B·A. At 0 % the model is exactly the base again, upright digits back at the base&apos;s accuracy; between 0 and 100 % you trade one task for the other. Because LoRA keeps the base apart, you can also keep one adapter per task and swap them.</source>
        <translation>强度 s 缩放的是增量：W + s·(α/r)·B·A。在 0 % 时，模型又完全变回基础模型，正立数字的准确率也回到基础模型的水平；在 0 到 100 % 之间，就是拿一个任务换另一个任务。由于 LoRA 把基础模型单独保留，你也可以为每个任务各保留一个适配器，按需切换。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What to expect: about 97 % on the rotated digits after two epochs, while upright digits fall from about 98.7 % to under 30 %: forgetting of about 70 points. (On inverted digits, far less is forgotten: upright accuracy stays near 87 %.)</source>
        <translation>预期结果：训练两轮后，旋转数字上约 97 %，而正立数字从约 98.7 % 跌到 30 % 以下：遗忘约 70 个百分点。（在反色数字上，遗忘要少得多：正立数字的准确率保持在 87 % 左右。）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>7. Merge and export</source>
        <translation>7. 合并与导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A LoRA model carries its adapters beside the frozen weights. To ship it, can you fold them in, and does the model change?</source>
        <translation>LoRA 模型把适配器放在冻结的权重旁边。要发布它，能不能把适配器并进权重？模型会因此改变吗？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run it, then in the Evaluation tab inspect the model and click Export merged… (or use Models → Model library → Export merged weights). The message says how far the merged model&apos;s outputs are from the unmerged one&apos;s.</source>
        <translation>运行后，在评估标签页查看这个模型，点击“导出合并模型…”（或使用“模型 → 模型库 → 导出合并后的权重”）。提示信息会说明合并后模型的输出与未合并模型的相差多少。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Merging computes W&apos; = W + (α/r)·B·A once and stores W&apos; instead of W, A and B: the result is the plain CNN with the same number of weights as before fine-tuning (plus brightness&apos;s column), and answers like the unmerged model up to rounding: the export measures the largest difference between their outputs on the test set and reports it.</source>
        <translation>合并时一次性算出 W&apos; = W + (α/r)·B·A，并存储 W&apos;，不再存储 W、A 和 B：结果就是一个普通的 CNN，权重数量与微调前相同（外加亮度那一列）；除舍入误差外，它的回答与未合并的模型一致：导出时会在测试集上测量两者输出的最大差值并报告出来。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What merging gives up is the separation: a merged model has no adapter strength to turn down and no adapter to swap. Keep the adapter files (saved as PEFT saves them) to have both.</source>
        <translation>合并放弃的是“分离”：合并后的模型没有可以调低的适配器强度，也没有可以替换的适配器。保留适配器文件（按 PEFT 的格式保存），两者就可以兼得。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What to expect: 59,586 parameters with the adapters, of which 7,448 trained; merged, a plain CNN of 52,202 parameters, the 7,384 adapter numbers folded in.</source>
        <translation>预期结果：带适配器时共 59,586 个参数，其中训练了 7,448 个；合并后是一个有 52,202 个参数的普通 CNN，适配器的 7,384 个数值已并入其中。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>8. Adapters are modules</source>
        <translation>8. 适配器是模块</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train one adapter on conv1 for inverted digits and another on fc2 for swapped labels, both from the same base. Applied together, with no further training, can they read inverted digits and answer with swapped labels, a task neither of them saw?</source>
        <translation>基于同一个基础模型训练两个适配器：一个在 conv1 上学反色数字，另一个在 fc2 上学交换标签。不再训练，把两者一起用上，它们能读懂反色数字并给出交换后的标签吗？这可是两者都没见过的任务。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Set it up goes in three steps: the conv1 run, then the fc2 run (click Fine-tune with LoRA each time, then Set it up again), then the Evaluation tab&apos;s Adapter stack holding both at 100 %, scored on inverted digits with swapped labels. Compare the stack with the base and with each adapter alone; drag one slider to 0 % to take that module out.</source>
        <translation>“一键设置”分三步：先是 conv1 的运行，再是 fc2 的运行（每次都点击“用 LoRA 微调”，完成后再点“一键设置”），最后在评估标签页的“适配器堆叠”页把两者都以 100 % 堆叠，在“反色数字 + 交换标签”上评分。把堆叠与基础模型、与每个单独的适配器作比较；把一个滑块拖到 0 %，就拿掉了那个模块。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>An adapter changes only the layers it sits on: W + (α/r)·B·A there, the base&apos;s weights everywhere else. conv1 reads pixel values, and its adapter learned to read dark strokes on white as the base reads white on black. fc2 turns the last features into the ten answers, and its adapter learned to give each digit another&apos;s label.</source>
        <translation>适配器只改变它所在的层：那里是 W + (α/r)·B·A，其他地方都是基础模型的权重。conv1 读取像素值，它的适配器学会了像基础模型读黑底白字那样读白底黑字。fc2 把最后的特征变成十个答案，它的适配器学会了给每个数字换上另一个数字的标签。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stacked, each ΔW goes to its own weight: conv1 repairs the input, fc2 swaps the answer, and the layers between work as before. Together they solve a task neither was trained on, while each alone fails it: the conv1 adapter reads the digits but names them as the base did, the fc2 adapter swaps the labels of digits it cannot read. Adapters on different layers, for different changes, compose like modules; the next lesson shows what happens when they share layers.</source>
        <translation>堆叠后，每个 ΔW 各自作用在自己的权重上：conv1 修正输入，fc2 交换答案，中间各层照旧工作。两者合起来能完成都没训练过的任务，而单独任何一个都做不到：conv1 的适配器能读懂数字，却仍按基础模型的叫法给出标签；fc2 的适配器会交换标签，却读不懂这些数字。作用在不同层、针对不同变化的适配器可以像模块一样组合；下一节课程会看看它们共用层时会发生什么。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What to expect (MNIST, one epoch per adapter, three seeds): on inverted digits with swapped labels the base gets about 7 % right, the conv1 adapter alone about 4 %, the fc2 adapter alone about 19 %, and both together about 74 % (64 to 84 % over the seeds), with no training on that task. The conv1 runs are the slow step: every step re-runs the convolutions.</source>
        <translation>预期结果（MNIST，每个适配器训练一轮，三个随机种子）：在“反色数字 + 交换标签”上，基础模型约认对 7 %，单独的 conv1 适配器约 4 %，单独的 fc2 适配器约 19 %，两者一起约 74 %（随随机种子在 64 % 到 84 % 之间），而且没有在这个任务上训练过。慢的是 conv1 的运行：每一步都要重新计算卷积。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>9. Adapters on the same layers interfere</source>
        <translation>9. 同一层上的适配器会相互干扰</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two adapters on fc1 and fc2 from the same base, one trained on inverted digits, the other on rotated ones: each is good at its own task. Stacked, does the model do both?</source>
        <translation>基于同一个基础模型，在 fc1 和 fc2 上训练两个适配器，一个学反色数字，一个学旋转的数字：各自都擅长自己的任务。把它们堆叠起来，模型能两样都做好吗？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set it up goes in three steps: the inverted run, the rotated run (Fine-tune with LoRA, then Set it up again each time), then the Adapter stack with both at 100 %, scored on inverted digits. The stack&apos;s table marks fc1 and fc2: both adapters change them. Compare the stack with each adapter alone, switch Scored on to rotated digits, then drag both sliders to 50 % to average the two.</source>
        <translation>“一键设置”分三步：反色的运行，旋转的运行（每次都点击“用 LoRA 微调”，完成后再点“一键设置”），最后在“适配器堆叠”页把两者都以 100 % 堆叠，在反色数字上评分。堆叠的表格标出了 fc1 和 fc2：两个适配器都改动它们。把堆叠与每个单独的适配器作比较，把“评分任务”切换为旋转的数字，再把两个滑块都拖到 50 %，取两者的平均。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Both adapters change the same two weights, and low-rank updates of one weight add like any matrices: summed, fc1 gets both changes at once, and each adapter&apos;s change disturbs what the other one&apos;s fc2 expects, so each task loses much of what its own adapter reached. Averaging halves each change: less disturbance, but at half strength neither adapter does its own task.</source>
        <translation>两个适配器改动的是同样的两个权重，而同一权重上的低秩增量就像普通矩阵一样相加：相加后，fc1 同时受到两种改动，每个适配器的改动都会打乱另一个适配器的 fc2 所预期的输入，于是每个任务都丢掉了它自己的适配器所达到的大部分准确率。取平均会把每种改动减半：干扰小了，但在一半强度下，两个适配器都做不好自己的任务。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Adapters on different layers, for different changes, compose (the previous lesson); adapters on the same layers do not simply add. To serve both tasks, keep one adapter per task and swap them, or train one adapter on both.</source>
        <translation>作用在不同层、针对不同变化的适配器可以组合（上一节课程）；同一层上的适配器却不能简单相加。要同时服务两个任务，可以每个任务保留一个适配器、按需切换，或者用两个任务一起训练一个适配器。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What to expect (MNIST, one epoch per adapter, three seeds): each adapter alone about 94 to 96 % on its own task; summed, about 22 % on inverted digits and 78 % on rotated ones; averaged, 24 to 43 % on inverted digits depending on the seed and about 71 % on rotated ones. Each run takes a few seconds.</source>
        <translation>预期结果（MNIST，每个适配器训练一轮，三个随机种子）：每个适配器单独在自己的任务上约 94 % 到 96 %；相加后，反色数字约 22 %，旋转的数字约 78 %；取平均后，反色数字随随机种子在 24 % 到 43 % 之间，旋转的数字约 71 %。每次运行只需几秒钟。</translation>
    </message>
    <message>
        <location filename="../gui/learn/lessons_runs.py" line="+41"/>
        <source>Your base model, before fine-tuning: {0}.</source>
        <translation>你的基础模型（微调前）：{0}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Feature + LoRA ({0}): {1}, training {2} of {3} parameters.</source>
        <translation>特征 + LoRA（{0}）：{1}，训练了 {3} 个参数中的 {2} 个。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Its control, the same LoRA without the extra input: {0}. Feature minus control: {1} points.</source>
        <translation>它的对照（同样的 LoRA，不带额外输入）：{0}。特征减对照：{1} 个百分点。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Feature minus control, one seed: {0}. One seed says nothing of how much runs vary: run this lesson&apos;s five seeds to get an interval.</source>
        <translation>特征减对照（单个随机种子）：{0}。只有一个随机种子，看不出运行之间的波动有多大：运行本课程的五个随机种子，才能得到区间。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No clear effect: feature minus control is {0} over {1} seeds, and the 95 % interval holds zero, so the difference may well be chance.</source>
        <translation>无明显效应：在 {1} 个随机种子上，特征减对照为 {0}，95% 区间包含零，因此这一差异很可能只是偶然。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The feature helps: feature minus control is {0} over {1} seeds, the whole 95 % interval above zero.</source>
        <translation>特征有帮助：在 {1} 个随机种子上，特征减对照为 {0}，整个 95% 区间都大于零。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The feature hurts: feature minus control is {0} over {1} seeds, the whole 95 % interval below zero.</source>
        <translation>特征有害：在 {1} 个随机种子上，特征减对照为 {0}，整个 95% 区间都小于零。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Feature + LoRA: {0}; control: {1} (means over {2} seed(s), 95 % intervals in brackets).</source>
        <translation>特征 + LoRA：{0}；对照：{1}（{2} 个随机种子的均值，方括号内为 95% 区间）。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The base as it is, on {0}: {1}.</source>
        <translation>原样的基础模型在“{0}”上：{1}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>LoRA on {0}, r = {1}</source>
        <translation>{0} 上的 LoRA，r = {1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} ({1} trainable parameters, {2} epoch(s), {3} seed(s)): {4} on the task; {5} on the base&apos;s own digits.</source>
        <translation>{0}（{1} 个可训练参数，{2} 轮，{3} 个随机种子）：目标任务上为 {4}；基础模型原有的数字上为 {5}。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>{0}, on {1}: {2} on the task (the base: {3}); on the base&apos;s own digits {4}, where the base scored {5}. Forgetting: {6} ({7} seed(s)).</source>
        <translation>{0}，任务“{1}”：目标任务上为 {2}（基础模型：{3}）；基础模型原有的数字上为 {4}，而基础模型在那里是 {5}。遗忘：{6}（{7} 个随机种子）。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{0}: {1} parameters with its adapters beside the weights ({2} of them trained). Merged, it is a plain CNN of {3} parameters: the adapters&apos; {4} numbers are folded into the weights they adapt.</source>
        <translation>{0}：适配器与权重并存时共 {1} 个参数（其中训练了 {2} 个）。合并后，它是一个有 {3} 个参数的普通 CNN：适配器的 {4} 个数值并入了它们所适配的权重。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Your newest sweep, {0}, on {1}:</source>
        <translation>你最新的参数扫描 {0}，任务“{1}”：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{0}: {1} trainable parameters, {2}.</source>
        <translation>{0}：{1} 个可训练参数，{2}。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The smallest rank within one point of your best LoRA rank: r = {0}.</source>
        <translation>准确率与你最好的 LoRA 秩相差不到 1 个百分点的最小秩：r = {0}。</translation>
    </message>
    <message>
        <location filename="../gui/learn/stack_answers.py" line="+51"/>
        <source>Your {0} stack(s) scored for the lesson</source>
        <extracomment>(weights, task) → the accuracy of each seed&apos;s stack at those weights on that task, in the seeds&apos; order</extracomment>
        <translation>已为课程给你的 {0} 个堆叠评分</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Your adapters could not be scored together: {0}</source>
        <translation>无法为你的适配器一起评分：{0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scoring your adapters together in the background, {0} stack(s) of them…</source>
        <translation>正在后台为你的适配器一起评分，共 {0} 个堆叠…</translation>
    </message>
    <message>
        <location filename="../gui/learn/stack_lessons.py" line="+120"/>
        <source>LoRA on {0} trained on {1}</source>
        <extracomment>what the answer judges (stack_words.py): &quot;composition&quot; (the stack on a task none of the parts saw, against the better part alone) or &quot;interference&quot; (on each part&apos;s own task, the stack against that part alone)</extracomment>
        <translation>{0} 上的 LoRA（训练于“{1}”）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Step 1 of {0}: {1}, once there is a base model.</source>
        <translation>第 1 步（共 {0} 步）：有了基础模型之后，训练 {1}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} ({1} seed(s))</source>
        <translation>{0}（{1} 个随机种子）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Step {0} of {1}: your library has no {2} for {3} epoch(s) from base {4} yet, so Set it up prepares that run on the LoRA tab. Click Set it up again once it has finished.</source>
        <translation>第 {0} 步（共 {1} 步）：你的模型库中还没有基于基础模型 {4}、训练 {3} 轮的 {2}，所以“一键设置”会在 LoRA 标签页准备好这次运行。运行结束后，请再次点击“一键设置”。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Already there: {0}.</source>
        <translation>已有：{0}。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Step {0} of {0}: both adapters are in your library ({1}). Set it up stacks them on the Evaluation tab, without training.</source>
        <translation>第 {0} 步（共 {0} 步）：两个适配器都已在你的模型库中（{1}）。“一键设置”会把它们堆叠在评估标签页上，无需训练。</translation>
    </message>
    <message>
        <location filename="../gui/learn/stack_words.py" line="+29"/>
        <source>{0}: {1} on its own task ({2} seed(s)).</source>
        <translation>{0}：在自己的任务上 {1}（{2} 个随机种子）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The stack&apos;s figures come once {0} is in your library too: click Set it up.</source>
        <translation>等 {0} 也进入你的模型库后，才会有堆叠的数字：请点击“一键设置”。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>seeds {0}</source>
        <translation>随机种子 {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the newest runs</source>
        <translation>最新的运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your adapters stacked by the core, {0} stack(s) of them ({1}); means over the seeds, 95 % intervals in brackets:</source>
        <translation>你的适配器堆叠后的结果，共 {0} 个堆叠（{1}）；数字为跨随机种子的均值，方括号内为 95% 区间：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{0} alone {1}</source>
        <translation>单独使用 {0}：{1}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>On {0}: the base {1}; {2}; both together, without training, {3}.</source>
        <translation>在“{0}”上：基础模型 {1}；{2}；两者一起（未经训练）{3}。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Both together minus the better adapter alone: {0}, from one seed, which says nothing of how much runs vary: run more seeds (the LoRA tab&apos;s Seeds) for an interval.</source>
        <translation>两者一起减去较好的那个适配器单独的结果：{0}。这只来自一个随机种子，看不出各次运行相差多少：多运行几个随机种子（LoRA 标签页的“随机种子数”）才能得到区间。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No clear gain from stacking them: both together minus the better adapter alone is {0}, and the 95 % interval holds zero.</source>
        <translation>堆叠没有明显收益：两者一起减去较好的那个适配器单独的结果为 {0}，95% 区间包含零。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>They compose: both together beat the better adapter alone by {0}, the whole 95 % interval above zero. Adapters on different layers, for different changes, add up to a model for a task none of them saw.</source>
        <translation>它们可以组合：两者一起比较好的那个适配器单独高出 {0}，整个 95% 区间都大于零。作用在不同层、针对不同变化的适配器，合起来就成了一个能完成它们都没见过的任务的模型。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>They do not compose here: both together minus the better adapter alone is {0}, the whole 95 % interval below zero.</source>
        <translation>这里它们没能组合起来：两者一起减去较好的那个适配器单独的结果为 {0}，整个 95% 区间都小于零。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>On {0}: {1}; {2}; summed (both at 100 %) {3}; averaged (both at 50 %) {4}.</source>
        <translation>在“{0}”上：{1}；{2}；相加（两者都为 100 %）{3}；平均（两者都为 50 %）{4}。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>On {0}, summed minus the adapter trained on it: {1}, from one seed, which says nothing of how much runs vary: run more seeds for an interval.</source>
        <translation>在“{0}”上，相加减去在该任务上训练的适配器：{1}。这只来自一个随机种子，看不出各次运行相差多少：多运行几个随机种子才能得到区间。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>On {0}, no clear effect of adding the other adapter: summed minus the adapter trained on it is {1}, and the 95 % interval holds zero.</source>
        <translation>在“{0}”上，加上另一个适配器没有明显效应：相加减去在该任务上训练的适配器为 {1}，95% 区间包含零。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>On {0} they interfere: summed minus the adapter trained on it is {1}, the whole 95 % interval below zero.</source>
        <translation>在“{0}”上它们相互干扰：相加减去在该任务上训练的适配器为 {1}，整个 95% 区间都小于零。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>On {0}, adding the other adapter helped: summed minus the adapter trained on it is {1}, the whole 95 % interval above zero.</source>
        <translation>在“{0}”上，加上另一个适配器反而有帮助：相加减去在该任务上训练的适配器为 {1}，整个 95% 区间都大于零。</translation>
    </message>
</context>
<context>
    <name>methods</name>
    <message>
        <location filename="../core/vocabulary.py" line="-54"/>
        <source>LoRA adapters</source>
        <extracomment>the fine-tuning methods by name, in the order they are offered</extracomment>
        <translation>LoRA 适配器</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>LoRA: low-rank adapters on the chosen layers, the base&apos;s weights frozen</source>
        <translation>LoRA：在所选的层上加低秩适配器，基础模型的权重保持冻结</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Head only (fc2)</source>
        <translation>仅输出层（fc2）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the head: fc2 alone trained, every other weight frozen</source>
        <translation>输出层：只训练 fc2，其余权重全部冻结</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Full fine-tuning</source>
        <translation>全量微调</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>full fine-tuning: every weight of the base trained</source>
        <translation>全量微调：训练基础模型的每一个权重</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From scratch</source>
        <translation>从头训练</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>from scratch: a fresh CNN, seeded, trained on the target task only</source>
        <translation>从头训练：一个按随机种子初始化的全新 CNN，只在目标任务上训练</translation>
    </message>
    <message>
        <location filename="../gui/i18n/methods.py" line="+16"/>
        <source>LoRA: the base&apos;s weights stay frozen; small low-rank adapters ΔW = (α/r)·B·A are trained on the layers chosen below (plus any extra inputs). Few parameters, and the base is still in there: the Evaluation tab&apos;s strength slider turns the adapters down to nothing.</source>
        <translation>LoRA：基础模型的权重保持冻结；在下方选中的层上训练小型低秩适配器 ΔW = (α/r)·B·A（以及额外输入，如有）。参数很少，而且基础模型原封不动地保留在其中：评估标签页的强度滑块可以把适配器一直调到零。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Head only: every weight stays frozen except the output layer fc2 (650 parameters), trained directly. Enough when only what the classes are called changed (swapped labels); helpless when the images themselves changed.</source>
        <translation>仅输出层：除输出层 fc2（650 个参数）直接训练外，所有权重保持冻结。如果只是类别的叫法变了（交换标签），这就够了；如果图像本身变了，它就无能为力。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Full fine-tuning: every weight of the base is trained, starting from its values. The most freedom to fit the target, and usually the most forgetting of the base&apos;s own task.</source>
        <translation>全量微调：从基础模型的权重值出发，训练它的每一个权重。拟合目标任务的自由度最大，通常对基础模型原有任务的遗忘也最多。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>From scratch: a fresh CNN with random weights, trained on the target task only, with the same epochs, learning rate and images: what the target costs without the base&apos;s knowledge.</source>
        <translation>从头训练：一个随机初始化权重的全新 CNN，只在目标任务上训练，训练轮数、学习率和图像都相同：即没有基础模型的知识时，学会目标任务要付出多少。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>These settings belong to LoRA; the chosen method ({0}) uses no adapters and no extra inputs. Choose “LoRA adapters” as the method to change them.</source>
        <translation>这些设置属于 LoRA；所选方法（{0}）既不用适配器，也不用额外输入。要修改它们，请把方法选为“LoRA 适配器”。</translation>
    </message>
</context>
<context>
    <name>modelnames</name>
    <message>
        <location filename="../core/data/task_names.py" line="-228"/>
        <source>same</source>
        <translation>同一任务</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>inverted</source>
        <translation>反色</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>rotate90</source>
        <translation>旋转 90°</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>noisy</source>
        <translation>噪声</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>swap-labels</source>
        <translation>交换标签</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>fashion-mnist</source>
        <translation>Fashion-MNIST</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>kmnist</source>
        <translation>KMNIST</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>folder {0}</source>
        <extracomment>the composites `lora-studio tasks` lists: every pair of COMPOSABLE, in its order how a model&apos;s name writes an own-images task: by its folder&apos;s own name</extracomment>
        <translation>文件夹 {0}</translation>
    </message>
    <message>
        <location filename="../core/workflows/recipes.py" line="+146"/>
        <source>{0} r={1} {2}</source>
        <translation>{0} r={1} {2}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>seed {0}</source>
        <translation>随机种子 {0}</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Base · {0} · seed {1}</source>
        <translation>基础模型 · {0} · 随机种子 {1}</translation>
    </message>
    <message>
        <location filename="../core/workflows/combine.py" line="-87"/>
        <source>Combined {0} r={1}: {2}</source>
        <extracomment>a combination&apos;s default name: how (PEFT&apos;s name, kept), the rank, each parent&apos;s weight, layers and task</extracomment>
        <translation>合成（{0}，r={1}）：{2}</translation>
    </message>
</context>
<context>
    <name>scores</name>
    <message>
        <location filename="../gui/i18n/score_texts.py" line="+18"/>
        <source>t interval over {0} seeds</source>
        <translation>跨 {0} 个随机种子的 t 区间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paired over test images, one seed</source>
        <translation>跨测试图像的配对区间，单个随机种子</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No clear effect: feature+LoRA scored {0} points against the control, but the 95 % interval ({1} to {2}) includes zero, so the difference may well be chance.</source>
        <translation>无明显效应：特征 + LoRA 与对照相差 {0} 个百分点，但 95% 区间（{1} 到 {2}）包含零，因此这一差异很可能只是偶然。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The extra feature helps: feature+LoRA beats the control by {0} points, and even the low end of the 95 % interval ({1}) is above zero.</source>
        <translation>额外特征有帮助：特征 + LoRA 比对照高 {0} 个百分点，而且连 95% 区间的下限（{1}）也大于零。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The extra feature hurts: feature+LoRA trails the control by {0} points, and even the high end of the 95 % interval ({1}) is below zero.</source>
        <translation>额外特征有害：特征 + LoRA 比对照低 {0} 个百分点，而且连 95% 区间的上限（{1}）也小于零。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With one seed the interval covers only test-set noise: run more seeds to include training noise.</source>
        <translation>只有一个随机种子时，区间只反映测试集的噪声：运行更多随机种子，才能把训练噪声也计算在内。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>no clear effect: the interval includes zero</source>
        <translation>无明显效应：区间包含零</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the extra feature helps</source>
        <translation>额外特征有帮助</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the extra feature hurts</source>
        <translation>额外特征有害</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} ({1} points, 95 % interval {2} to {3}, {4})</source>
        <translation>{0}（{1} 个百分点，95% 区间 {2} 到 {3}，{4}）</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+25"/>
        <location filename="../gui/learn/lessons_runs.py" line="-132"/>
        <source>{0} points</source>
        <translation>{0} 个百分点</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>its test loss exploded to {0} (guessing gives {1})</source>
        <translation>它的测试损失爆炸到 {0}（随机猜测为 {1}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>its test accuracy, {0} %, is no better than guessing ({1} %)</source>
        <translation>它的测试准确率 {0} % 不比随机猜测（{1} %）好</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The learning rate {0} is probably too high: try {1}, the article&apos;s.</source>
        <translation>学习率 {0} 可能过高：试试文章用的 {1}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>More training images or epochs may help.</source>
        <translation>增加训练图像或训练轮数可能会有帮助。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The model learned nothing useful: {0}. {1}</source>
        <translation>模型没有学到有用的东西：{0}。{1}</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <location filename="../core/config.py" line="-216"/>
        <source>rank</source>
        <extracomment>(lowest, highest) accepted for each numeric setting, inclusive. the RANGES key of each numeric field whose key is not its own name the settings as messages name them, marked so that the window says them in its language (the English is the name the command line has always printed; a name not listed here is shown as it is)</extracomment>
        <translation>秩</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>alpha</source>
        <translation>缩放因子 α</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dropout</source>
        <translation>LoRA 丢弃率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>LoRA+ ratio</source>
        <translation>LoRA+ 倍率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>variant</source>
        <translation>变体</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>init</source>
        <translation>初始化方式</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>new_columns</source>
        <translation>新增输入列的初始化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>epochs</source>
        <translation>训练轮数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>base epochs</source>
        <translation>基础模型训练轮数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>batch_size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>number of seeds</source>
        <translation>随机种子个数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lr_schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>limit</source>
        <translation>训练图像数上限</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>number of features</source>
        <translation>额外特征个数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>adapter weight</source>
        <translation>适配器权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>density</source>
        <translation>保留密度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>how</source>
        <translation>合并方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>conv1_channels</source>
        <translation>conv1 通道数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>conv2_channels</source>
        <translation>conv2 通道数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hidden</source>
        <translation>隐藏单元数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>feature_dim</source>
        <translation>额外特征维数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>num_classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>pixel_mean</source>
        <translation>像素均值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pixel_std</source>
        <translation>像素标准差</translation>
    </message>
</context>
<context>
    <name>shared</name>
    <message>
        <location filename="../gui/i18n/shared_words.py" line="+13"/>
        <source>Trained parameters</source>
        <translation>训练参数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>target</source>
        <translation>目标任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>source</source>
        <translation>源任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>safetensors (*.safetensors)</source>
        <translation>safetensors 文件 (*.safetensors)</translation>
    </message>
</context>
<context>
    <name>spinners</name>
    <message>
        <location filename="../gui/shared/spinners.py" line="+40"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} ({1} or more; “All” uses the whole training set)</source>
        <translation>{0}（至少 {1}；“全部”表示使用整个训练集）</translation>
    </message>
</context>
<context>
    <name>statuses</name>
    <message>
        <location filename="../core/vocabulary.py" line="-25"/>
        <source>running</source>
        <extracomment>each status&apos;s English word, marked for translation (a str method already has the name `title`)</extracomment>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>diverged</source>
        <translation>已发散</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
</context>
<context>
    <name>style</name>
    <message>
        <location filename="../gui/shared/style.py" line="+35"/>
        <source>Paused in epoch {0}/{1} · %p %</source>
        <extracomment>one colour per kind of model or run, per method and per LoRA variant, whichever plot draws it; readable on white and for the common colour-vision deficiencies (ColorBrewer Dark2 and a blue). The kind, the method and the variant called &quot;lora&quot; are all plain LoRA: one colour. A control is a plain LoRA run (`colour`). the control&apos;s smoothed loss is dashed: it often lies right on the feature model&apos;s a fine-tuned model&apos;s accuracy on its target task and on its source task (the base&apos;s own data set, hence the base&apos;s colour)</extracomment>
        <translation>暂停于第 {0}/{1} 轮 · %p %</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Epoch {0}/{1} · %p % · {2} samples/s · ETA {3}</source>
        <translation>第 {0}/{1} 轮 · %p % · 每秒 {2} 张 · 剩余 {3}</translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <location filename="../core/data/task_names.py" line="-145"/>
        <source>Same task (unchanged)</source>
        <translation>同一任务（不变）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Inverted colours</source>
        <translation>反色数字</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Rotated by 90°</source>
        <translation>旋转 90°</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Noisy digits</source>
        <translation>带噪声的数字</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Swapped labels (0↔1, 2↔3, …)</source>
        <translation>交换标签（0↔1、2↔3、…）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Fashion-MNIST (clothes)</source>
        <translation>Fashion-MNIST（服装）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>KMNIST (cursive Japanese)</source>
        <translation>KMNIST（日文草书）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Your own images (a folder)</source>
        <extracomment>the tasks with fixed names, in the order they are listed</extracomment>
        <translation>自己的图像（文件夹）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{0} + {1}</source>
        <extracomment>the single tasks a composite may join, in the order they apply: where strokes are, noise on the pixels, the pixels&apos; colours, then what each class is called. The other tasks are whole data sets, not changes. how a composite&apos;s title and description are made from its parts&apos; (the window translates the same templates)</extracomment>
        <translation>{0} + {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}, then {1}</source>
        <translation>{0}，然后{1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same images changed in turn: {0}. No single task is this one, so it tests whether adapters trained on the parts, each where its change lives, can be stacked on one base and work together without further training. The parts: {1}</source>
        <translation>同一批图像依次做了这些改变：{0}。没有哪个单一任务与它相同，所以它检验的是：在各部分上训练的适配器（各自放在其改变所在的层）能否叠加在同一个基础模型上，不再训练就协同工作。各部分：{1}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>The base&apos;s own data set, unchanged: the article&apos;s experiment. The base already knows this task, so an adapter has almost nothing to learn; keep it as the control the other tasks are judged by.</source>
        <translation>基础模型自己的数据集，不做改变：即文章中的实验。基础模型已经会做这个任务，适配器几乎没有什么可学的；把它当作对照，用来衡量其他任务。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Every pixel becomes 255 − pixel: dark digits on a white background. The shapes are the same, only the pixel values changed, and the first layer is the one that reads pixel values: an adapter on conv1 alone, with a tiny number of parameters, can undo it. Adapting fc1 and fc2 works too, with many times the parameters.</source>
        <translation>每个像素变为 255 − 像素值：白底黑字。形状不变，变的只是像素值，而读取像素值的正是第一层：只在 conv1 上加适配器，用极少的参数就能把它还原。适配 fc1 和 fc2 也可以，但参数要多出许多倍。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Every image turned a quarter turn anticlockwise. Strokes keep their look but move to new places and directions, which conv1&apos;s 3×3 filters cannot undo: adapting conv1 barely helps here. The fully connected layers (fc1, fc2), which see the whole image at once, are where adapting pays.</source>
        <translation>每张图像逆时针旋转 90°。笔画的样子不变，但位置和方向都变了，conv1 的 3×3 滤波器无法还原这种变化：在这里适配 conv1 几乎没有帮助。全连接层（fc1、fc2）一次看到整张图像，适配它们才划算。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Gaussian noise with a standard deviation of half the pixel range (drawn from a fixed seed, so the same every time) added to every pixel, then clipped. The digits are still there under the noise; an adapter on conv1 can learn to filter it out, and adapting fc1 and fc2 does about as well.</source>
        <translation>给每个像素加上高斯噪声（标准差为像素取值范围的一半，由固定的随机种子生成，因此每次都相同），再截断到取值范围内。数字仍在噪声之下；conv1 上的适配器能学会把噪声滤掉，适配 fc1 和 fc2 的效果也差不多。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The same images with their labels swapped in pairs: 0↔1, 2↔3, 4↔5, 6↔7, 8↔9. Nothing about the images changed, only what each class is called, so the change lives in the last layer, fc2 (the head): adapting conv1 cannot help, while training the head alone does well.</source>
        <translation>图像不变，标签两两交换：0↔1、2↔3、4↔5、6↔7、8↔9。图像本身没有任何变化，变的只是每个类别的叫法，所以变化落在最后一层 fc2（输出层）上：适配 conv1 帮不上忙，而只训练输出层就能做得很好。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Photos of ten kinds of clothing (T-shirt, trouser, …, ankle boot) in MNIST&apos;s format: new images and new classes. Edge and stroke detectors still carry over, so the fully connected layers matter most; expect the base&apos;s own task to be forgotten more than with the small changes.</source>
        <translation>十种服装（T 恤、裤子、…、短靴）的照片，采用 MNIST 的格式：全新的图像和全新的类别。边缘和笔画检测器仍然用得上，所以全连接层最关键；预计基础模型对原任务的遗忘会比那些小改动更多。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ten cursive Japanese (Kuzushiji) characters in MNIST&apos;s format: handwriting again, with new shapes and new classes. Strokes carry over from the digits, so the fully connected layers are where adapting pays.</source>
        <translation>十个日文草书（くずし字）字符，采用 MNIST 的格式：同样是手写，但形状和类别都是新的。从数字学到的笔画特征仍然用得上，所以适配全连接层才划算。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Images you made: a folder with one subfolder per class, named by its label 0–9 (PNG, JPEG or BMP, any size, colour or grey). Each is made grey and white-on-black, boxed to 20 pixels and centred in 28×28 like MNIST (leave some background around each digit: the border tells paper from ink); a fifth of each class is held out as the test split. Which layer matters depends on how your images differ from the base&apos;s.</source>
        <translation>你自己制作的图像：一个文件夹，每个类别一个子文件夹，以标签 0–9 命名（PNG、JPEG 或 BMP，尺寸不限，彩色或灰度均可）。每张图像会像 MNIST 一样转为灰度、黑底白字，缩放进 20 像素的方框并在 28×28 中居中（请在每个数字周围留些背景：程序靠边缘区分纸和墨迹）；每个类别留出五分之一作为测试集。哪一层最关键，取决于你的图像与基础模型的数据有何不同。</translation>
    </message>
</context>
<context>
    <name>variants</name>
    <message>
        <location filename="../core/vocabulary.py" line="+37"/>
        <source>LoRA</source>
        <extracomment>the LoRA variants by name (model/lora_variants.register_variant adds one; config.LORA_VARIANTS is this dict)</extracomment>
        <translation>LoRA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>plain LoRA: ΔW = (α/r)·B·A</source>
        <translation>标准 LoRA：ΔW = (α/r)·B·A</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rsLoRA</source>
        <translation>rsLoRA</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>rank-stabilised LoRA: ΔW = (α/√r)·B·A, so the update&apos;s size does not shrink as r grows</source>
        <translation>秩稳定 LoRA：ΔW = (α/√r)·B·A，因此增量的大小不随 r 增大而缩小</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DoRA</source>
        <translation>DoRA</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>weight-decomposed LoRA: a learned magnitude per output times the direction of W + ΔW</source>
        <translation>权重分解 LoRA：每个输出学习一个幅值，乘以 W + ΔW 的方向</translation>
    </message>
</context>
<context>
    <name>words</name>
    <message>
        <location filename="../gui/i18n/words.py" line="+65"/>
        <source>{0} {1}: {2}</source>
        <comment>a job, how it ended, its message</comment>
        <translation>{0}{1}：{2}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} {1}</source>
        <comment>a job, how it ended</comment>
        <translation>{0}{1}</translation>
    </message>
</context>
</TS>
