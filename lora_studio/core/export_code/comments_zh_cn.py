"""The Chinese of an exported script's comments (comments.py), keyed by the English text.

The command line cannot ask the window's Qt translator, so the core carries this small table itself. Terms as
lora_studio/translations/GLOSSARY.zh_CN.md has them; the {fields} are the English text's.
"""

ZH_CN: dict[str, str] = {
    "“{name}” ({model_id}), exported from LoRA Studio as a standalone script":
        "“{name}”（{model_id}），由 LoRA Studio 导出的独立脚本",
    "It fine-tunes the base model {base_id} for the target task {task} with LoRA on {layers} (rank r = {rank}, "
    "α = {alpha}), the way the app did, and prints the accuracy on the target task and on the source task.":
        "它像应用中那样，用 LoRA 在 {layers} 上（秩 r = {rank}，缩放因子 α = {alpha}）把基础模型 {base_id} 微调到"
        "目标任务 {task}，并输出目标任务和源任务上的准确率。",
    "It fine-tunes the base model {base_id} for the target task {task} by training its head (fc2) alone, the way "
    "the app did, and prints the accuracy on the target task and on the source task.":
        "它像应用中那样，只训练输出层 (fc2)，把基础模型 {base_id} 微调到目标任务 {task}，并输出目标任务和源任务上的"
        "准确率。",
    "It fine-tunes the base model {base_id} for the target task {task} by training every weight (full "
    "fine-tuning), the way the app did, and prints the accuracy on the target task and on the source task.":
        "它像应用中那样，训练全部权重（全量微调），把基础模型 {base_id} 微调到目标任务 {task}，并输出目标任务和源任务上"
        "的准确率。",
    "It trains a fresh CNN from scratch on the target task {task}, the way the app did (the reference a "
    "fine-tuning is judged by), and prints the accuracy on the target task and on the source task.":
        "它像应用中那样，在目标任务 {task} 上从头训练一个新的 CNN（衡量微调的参照），并输出目标任务和源任务上的"
        "准确率。",
    "It imports torch, torchvision, safetensors and peft (pip install torch torchvision safetensors peft), "
    "nothing of LoRA Studio.":
        "它只导入 torch、torchvision、safetensors 和 peft（pip install torch torchvision safetensors peft），"
        "不需要 LoRA Studio。",
    "It imports torch, torchvision and safetensors (pip install torch torchvision safetensors), nothing of LoRA "
    "Studio: without adapters there is nothing for PEFT to do.":
        "它只导入 torch、torchvision 和 safetensors（pip install torch torchvision safetensors），不需要 LoRA "
        "Studio：没有适配器，也就用不到 PEFT。",
    "Run it as: python {script} --data-dir DIR [--base PATH] [--seed N] [--epochs N]. Its last line is "
    "target_accuracy=… source_accuracy=…":
        "运行方式：python {script} --data-dir DIR [--base PATH] [--seed N] [--epochs N]。最后一行输出为 "
        "target_accuracy=… source_accuracy=…",
    "The first code cell holds its options: the data folder, the base model's weights file, the seed and the "
    "number of epochs. The last line it prints is target_accuracy=… source_accuracy=…":
        "第一个代码单元格是它的选项：数据文件夹、基础模型的权重文件、随机种子和训练轮数。最后一行输出为 "
        "target_accuracy=… source_accuracy=…",
    "With the same seed it starts from the same weights and draws the same batches as the app; the two add up "
    "their numbers in a different order, so the accuracies agree closely, not to the last digit.":
        "随机种子相同时，它与应用从相同的权重出发、抽取相同的批次；两者求和的顺序不同，所以准确率非常接近，但不会每一位"
        "都相同。",
    "Options": "选项",
    "Libraries": "所用的库",
    "The run's settings": "本次运行的设置",
    "The data": "数据",
    "Your own images": "自己的图像",
    "The target task": "目标任务",
    "The extra input features": "额外输入特征",
    "The model": "模型",
    "The base model's weights": "基础模型的权重",
    "LoRA with PEFT": "用 PEFT 实现 LoRA",
    "Only the head trains": "只训练输出层",
    "Every weight trains": "训练全部权重",
    "A fresh model": "全新的模型",
    "Optimizer and learning rate": "优化器与学习率",
    "Training": "训练",
    "Accuracy on the target and the source task": "目标任务与源任务上的准确率",
    "Where the data set and the base model's weights are, the seed and the number of epochs; by default, the "
    "run's.":
        "数据集和基础模型权重的位置、随机种子和训练轮数；默认值即本次运行的设置。",
    "The run's other settings, as the app saved them with the model.": "本次运行的其余设置，即应用随模型保存的设置。",
    "the base's data set: the source task": "基础模型的数据集：源任务",
    "the data set the target task is made of": "构成目标任务的数据集",
    "the first N training images (the app's training images)": "前 N 张训练图像（应用中的训练图像数）",
    "the base's training pixels: mean and standard deviation": "基础模型训练像素的均值和标准差",
    "The data set, read with torchvision from DATA_DIR/<Name>/raw/ (download=False), as uint8 images (N, 28, 28) "
    "and their labels.":
        "用 torchvision 从 DATA_DIR/<Name>/raw/ 读取数据集（download=False），得到 uint8 图像 (N, 28, 28) 及其"
        "标签。",
    "torchvision reads the unpacked IDX files only: a folder holding just the .gz files is unpacked into a "
    "temporary folder first.":
        "torchvision 只读取解压后的 IDX 文件：若文件夹里只有 .gz 文件，先把它们解压到一个临时文件夹。",
    "The target task {task}, made as the app makes it: each change is a small function of (images, labels, "
    "split), applied in order to the training and the test split.":
        "目标任务 {task} 的生成方式与应用相同：每一种变化都是一个作用于 (images, labels, split) 的小函数，依次作用于"
        "训练集和测试集。",
    "The target task is the source task itself (the article's experiment): nothing changes.":
        "目标任务就是源任务本身（文章中的实验）：数据不做任何变化。",
    "The target task is another data set, {target}; the source task stays the base's own.":
        "目标任务是另一个数据集 {target}；源任务仍是基础模型自己的数据集。",
    "Gaussian noise of half the pixel range, drawn from a fixed seed per block of {block} images and per split: "
    "every run sees the same noisy images, the app's.":
        "高斯噪声的标准差为像素范围的一半，按每 {block} 张图像一块、按训练集/测试集分别由固定的随机种子生成：每次运行"
        "看到的带噪声图像都相同，与应用中的一致。",
    "The run trained on the first {train_images} images of the target task's training split.":
        "本次运行只用了目标任务训练集的前 {train_images} 张图像。",
    "Your images in {folder}, one subfolder per class (0–9), prepared as the app prepares them: grey, white ink "
    "on black, boxed to 20 pixels and centred in 28×28 like MNIST. A fixed fifth of each class is the test "
    "split; the training images take the classes in turn.":
        "{folder} 中自己的图像，每个类别一个子文件夹（0–9），处理方式与应用相同：转为灰度、黑底白字、缩放到 20 像素的"
        "方框内，并像 MNIST 那样居中放入 28×28。每个类别固定的五分之一作为测试集；训练图像按类别轮流排列。",
    "The extra input features ({features}): computed from pixels in [0, 1], then standardised with the mean and "
    "standard deviation of the training split that the app saved with the model.":
        "额外输入特征（{features}）：由 [0, 1] 范围内的像素计算，再用应用随模型保存的训练集均值和标准差做标准化。",
    "The article's CNN, as the app builds it: two convolution layers, then two fully connected layers, fc1 and "
    "fc2 (the head).":
        "文章中的 CNN，与应用构建的相同：两个卷积层，然后是两个全连接层 fc1 和 fc2（输出层）。",
    "fc1 takes the {flat} flattened convolution features plus {features_count} extra input(s): the article's extra "
    "column(s), appended as the head begins.":
        "fc1 的输入是展平后的 {flat} 个卷积特征，再加上 {features_count} 个额外输入：即文章中的额外列，"
        "在全连接部分开始处拼接。",
    "Pixels in [0, 1] are standardised inside the model, with the base's training statistics.":
        "[0, 1] 范围内的像素在模型内部用基础模型训练集的统计量做标准化。",
    "The SHA-256 of the tensors that LoRA Studio saved in the file. If it differs, this is not the base the run "
    "started from; set BASE_SHA256 = None to start from another base of the same shape.":
        "LoRA Studio 保存在文件中的张量 SHA-256。若不一致，说明这不是本次运行所用的基础模型；若要从另一个形状相同的"
        "基础模型出发，请设 BASE_SHA256 = None。",
    "One generator, seeded, draws each adapter's A as the app draws it, in the same order.":
        "一个设定了随机种子的生成器，按与应用相同的顺序抽取每个适配器的 A。",
    "One generator, seeded, draws what the app draws, in the same order: the new fc1 column(s), then each "
    "adapter's A.":
        "一个设定了随机种子的生成器，按与应用相同的顺序抽取随机数：先是 fc1 的新列，再是每个适配器的 A。",
    "Weight transfer, as in the article: every base tensor is copied; fc1.weight grows from ({hidden}, {flat}) to "
    "({hidden}, {fc1_inputs}): its first {flat} columns are the base's, the new column(s) start random, in "
    "nn.Linear's own range.":
        "权重迁移，与文章相同：复制基础模型的每个张量；fc1.weight 从 ({hidden}, {flat}) 变为 ({hidden}, "
        "{fc1_inputs})：前 {flat} 列来自基础模型，新列按 nn.Linear 自身的范围随机初始化。",
    "Weight transfer, as in the article: every base tensor is copied; fc1.weight grows from ({hidden}, {flat}) to "
    "({hidden}, {fc1_inputs}): its first {flat} columns are the base's, the new column(s) start at zero.":
        "权重迁移，与文章相同：复制基础模型的每个张量；fc1.weight 从 ({hidden}, {flat}) 变为 ({hidden}, "
        "{fc1_inputs})：前 {flat} 列来自基础模型，新列从零开始。",
    "get_peft_model freezes every weight of the base: this is the frozen W. Beside each layer of target_modules "
    "it adds an adapter, lora_A (r × in) and lora_B (out × r), where ΔW lives: the layer computes W x + s·B(A x), "
    "so ΔW = s·B·A.":
        "get_peft_model 冻结基础模型的全部权重：这就是冻结的 W。它在 target_modules 的每一层旁加上一个适配器 lora_A"
        "（r × in）和 lora_B（out × r），增量 ΔW 就在这里：该层计算 W x + s·B(A x)，所以 ΔW = s·B·A。",
    "The scale s = α/r = {alpha}/{rank} = {scale}: PEFT sets it from r and lora_alpha.":
        "缩放系数 s = α/r = {alpha}/{rank} = {scale}：PEFT 由 r 和 lora_alpha 设定。",
    "rsLoRA (use_rslora=True): the scale is s = α/√r = {alpha}/√{rank} = {scale}, so the update's size does not "
    "shrink as r grows.":
        "秩稳定 LoRA（use_rslora=True）：缩放系数 s = α/√r = {alpha}/√{rank} = {scale}，因此增量的大小不随 r 增大而"
        "缩小。",
    "DoRA (use_dora=True): a learned magnitude per output (lora_magnitude_vector, starting at the norm of W's "
    "rows) times the direction of W + s·B·A; s = α/r = {alpha}/{rank} = {scale}.":
        "权重分解 LoRA（use_dora=True）：每个输出一个可学习的幅值（lora_magnitude_vector，初始为 W 各行的范数），"
        "乘以 W + s·B·A 的方向；s = α/r = {alpha}/{rank} = {scale}。",
    "LoRA dropout: while training, a fraction {dropout} of the adapter's inputs is zeroed.":
        "LoRA dropout：训练时，适配器输入中比例为 {dropout} 的部分被置零。",
    "B starts at zero, so the wrapped model starts out exactly as the base. A starts as the article has it, "
    "N(0, 0.01²), which PEFT does not offer (init_lora_weights: kaiming-uniform by default, or \"gaussian\" with "
    "std 1/r): it is drawn here, after wrapping, from the seeded generator.":
        "B 从零开始，所以包装后的模型一开始与基础模型完全相同。A 按文章的方式初始化为 N(0, 0.01²)，PEFT 没有这个选项"
        "（init_lora_weights：默认为 kaiming 均匀分布，或标准差为 1/r 的 \"gaussian\"）：因此在包装之后，用设定了随机"
        "种子的生成器在这里抽取。",
    "B starts at zero, so the wrapped model starts out exactly as the base. A starts as PEFT's default has it "
    "(kaiming-uniform), drawn again here from the seeded generator so that it is the app's draw.":
        "B 从零开始，所以包装后的模型一开始与基础模型完全相同。A 按 PEFT 的默认方式（kaiming 均匀分布）初始化，"
        "并在这里用设定了随机种子的生成器重新抽取，使其与应用中的相同。",
    "The new feature column(s) of fc1 train too (the article's text says so; its code froze them): fc1's weight "
    "is made trainable and a gradient hook zeroes the gradient of the copied columns, so Adam leaves them "
    "exactly as they were.":
        "fc1 的新特征列也参与训练（文章正文如此说明，但其代码把它们冻结了）：把 fc1 的权重设为可训练，并用一个梯度钩子"
        "把复制来的列的梯度置零，这样 Adam 会让它们保持原样。",
    "What trains: the adapters and the new feature column(s), as the app counts them.":
        "参与训练的部分：适配器和新的特征列，计数方式与应用相同。",
    "The base's weights, then every weight frozen except the head's (fc2): {trained} parameters train.":
        "载入基础模型的权重，然后冻结除输出层 (fc2) 以外的全部权重：{trained} 个参数参与训练。",
    "The base's weights, and every one of them trains (full fine-tuning): nothing is frozen.":
        "载入基础模型的权重，全部参与训练（全量微调）：没有冻结任何权重。",
    "A fresh CNN: the seed draws its first weights as it drew the app's. The base model's weights are not used "
    "(--base is accepted and ignored); the source accuracy shows what a model of the target task alone knows of "
    "the base's task.":
        "一个全新的 CNN：随机种子抽取的初始权重与应用中的相同。不使用基础模型的权重（接受 --base 但忽略它）；源准确率"
        "表明只学过目标任务的模型对基础模型的任务了解多少。",
    "torch.optim.Adam (its default betas and eps, no weight decay) over what trains, as the app trains.":
        "torch.optim.Adam（默认的 betas 和 eps，无权重衰减）优化参与训练的参数，与应用相同。",
    "LoRA+: B learns {ratio} times as fast as A. Two optimizer groups: every lora_B at {ratio} × the learning "
    "rate, everything else at the learning rate.":
        "LoRA+：B 的学习速度是 A 的 {ratio} 倍。两个优化器参数组：所有 lora_B 使用 {ratio} × 学习率，其余使用学习率。",
    "One learning rate for everything that trains.": "所有参与训练的参数使用同一个学习率。",
    "The app's learning-rate schedule, anneal: the learning rate holds for the first two thirds of the steps, "
    "then falls linearly to 0.":
        "应用的学习率调度 anneal：前三分之二的步保持学习率不变，之后线性降到 0。",
    "The app's learning-rate schedule, cosine: from the learning rate down to 0 along half a cosine.":
        "应用的学习率调度 cosine：沿半个余弦周期从学习率降到 0。",
    "The app's learning-rate schedule, constant: it never changes.": "应用的学习率调度 constant：学习率始终不变。",
    "Each epoch shuffles the training images with a generator seeded as the app seeds it and takes them in "
    "batches of {batch_size}.":
        "每一轮用与应用相同随机种子的生成器打乱训练图像，并按批大小 {batch_size} 依次取用。",
    "the schedule's rate, times each group's factor (LoRA+)": "调度给出的学习率，乘以每个参数组的倍率 (LoRA+)",
    "Accuracy on the target task's test split, and on the source task's (the base's own data set): how much of "
    "the source task the fine-tuning kept.":
        "目标任务测试集上的准确率，以及源任务（基础模型自己的数据集）测试集上的准确率：微调后源任务保留了多少。",
    "The last line, for whoever compares runs.": "最后一行，供比较运行结果的人使用。",
    "One split of torchvision's data set `name`: uint8 images (N, 28, 28) and int64 labels (N,).":
        "torchvision 数据集 `name` 的一个划分：uint8 图像 (N, 28, 28) 和 int64 标签 (N,)。",
    "uint8 (N, 28, 28) → float (N, 1, 28, 28) in [0, 1], as torchvision's ToTensor gives them.":
        "uint8 (N, 28, 28) → [0, 1] 范围内的浮点数 (N, 1, 28, 28)，与 torchvision 的 ToTensor 相同。",
    "a quarter turn anticlockwise": "逆时针旋转 90°",
    "(train, test), each uint8 images (N, 28, 28) and int64 labels, split as the app splits them.":
        "(训练集, 测试集)，各为 uint8 图像 (N, 28, 28) 和 int64 标签，划分方式与应用相同。",
    "One image file → uint8 (28, 28): grey, white ink on black, boxed to 20 pixels and centred.":
        "一个图像文件 → uint8 (28, 28)：灰度、黑底白字、缩放到 20 像素的方框内并居中。",
    "16-bit grey": "16 位灰度",
    "Transparency is flattened onto white, as image viewers show it.": "透明部分铺在白色上，与看图软件的显示一致。",
    "Dark ink on light paper (a light border) is turned into MNIST's white ink on black; then the background's "
    "level is taken away and faint ink dropped.":
        "浅色纸上的深色笔迹（边框较亮）被转换为 MNIST 的黑底白字；然后减去背景的亮度，并去掉很淡的笔迹。",
    "The pixels of the outer ring, a twentieth of the shorter side wide (at least one pixel).":
        "外圈的像素，宽度为较短边的二十分之一（至少一个像素）。",
    "Ink (H, W) in [0, 1] → uint8 (28, 28): the digit scaled into a 20×20 box, centred by its mass, as MNIST's "
    "digits were made.":
        "[0, 1] 范围内的笔迹 (H, W) → uint8 (28, 28)：把数字缩放到 20×20 的方框内，按质心居中，与 MNIST 数字的制作方式"
        "相同。",
    "the article's img.mean(dim=[1, 2, 3])": "即文章中的 img.mean(dim=[1, 2, 3])",
    "The standardised extra inputs (N, F) of uint8 images (N, 28, 28), 8,192 images at a time.":
        "uint8 图像 (N, 28, 28) 的标准化额外输入 (N, F)，每次处理 8,192 张图像。",
    "LoRA Studio's checksum: SHA-256 of the tensors' names, types, shapes and bytes, by name.":
        "LoRA Studio 的校验和：按名称顺序对张量的名称、类型、形状和字节计算 SHA-256。",
    "get_peft_model moves it into fc1.base_layer": "get_peft_model 会把它移到 fc1.base_layer 中",
    "The share of the images whose most likely class is their label.": "预测概率最高的类别等于其标签的图像所占比例。",
}
