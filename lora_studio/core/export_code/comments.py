"""The comments of an exported script, for a reader who has just used the app: English templates, translated.

Each text is marked for lupdate (context "export") where it is written, so the window's catalogue holds it and
its translation; the command line has no Qt translator, so the Chinese comes from `comments_zh_cn.ZH_CN`, keyed
by the English, which `make translations` writes from that catalogue. A text's {fields} are filled with the
run's values (`comment`). Terms follow lora_studio/translations/GLOSSARY.zh_CN.md.
"""

from lora_studio.core.errors import ConfigError
from lora_studio.core.export_code.comments_zh_cn import ZH_CN
from lora_studio.core.i18n import QT_TRANSLATE_NOOP
from lora_studio.core.vocabulary import EXPORT_LANGUAGES

LANGUAGES = EXPORT_LANGUAGES

COMMENTS: dict[str, str] = {
    # --- the header -------------------------------------------------------------------------------
    "title": QT_TRANSLATE_NOOP("export", "“{name}” ({model_id}), exported from LoRA Studio as a standalone script"),
    "about_lora": QT_TRANSLATE_NOOP(
        "export", "It fine-tunes the base model {base_id} for the target task {task} with LoRA on {layers} "
                  "(rank r = {rank}, α = {alpha}), the way the app did, and prints the accuracy on the target "
                  "task and on the source task."),
    "about_head": QT_TRANSLATE_NOOP(
        "export", "It fine-tunes the base model {base_id} for the target task {task} by training its head (fc2) "
                  "alone, the way the app did, and prints the accuracy on the target task and on the source task."),
    "about_full": QT_TRANSLATE_NOOP(
        "export", "It fine-tunes the base model {base_id} for the target task {task} by training every weight "
                  "(full fine-tuning), the way the app did, and prints the accuracy on the target task and on "
                  "the source task."),
    "about_scratch": QT_TRANSLATE_NOOP(
        "export", "It trains a fresh CNN from scratch on the target task {task}, the way the app did (the "
                  "reference a fine-tuning is judged by), and prints the accuracy on the target task and on the "
                  "source task."),
    "needs_peft": QT_TRANSLATE_NOOP(
        "export", "It imports torch, torchvision, safetensors and peft (pip install torch torchvision "
                  "safetensors peft), nothing of LoRA Studio."),
    "needs_plain": QT_TRANSLATE_NOOP(
        "export", "It imports torch, torchvision and safetensors (pip install torch torchvision safetensors), "
                  "nothing of LoRA Studio: without adapters there is nothing for PEFT to do."),
    "usage_py": QT_TRANSLATE_NOOP(
        "export", "Run it as: python {script} --data-dir DIR [--base PATH] [--seed N] [--epochs N]. Its last line "
                  "is target_accuracy=… source_accuracy=…"),
    "usage_ipynb": QT_TRANSLATE_NOOP(
        "export", "The first code cell holds its options: the data folder, the base model's weights file, the "
                  "seed and the number of epochs. The last line it prints is target_accuracy=… source_accuracy=…"),
    "same_as_app": QT_TRANSLATE_NOOP(
        "export", "With the same seed it starts from the same weights and draws the same batches as the app; the "
                  "two add up their numbers in a different order, so the accuracies agree closely, not to the "
                  "last digit."),
    # --- section titles ---------------------------------------------------------------------------
    "t_options": QT_TRANSLATE_NOOP("export", "Options"),
    "t_imports": QT_TRANSLATE_NOOP("export", "Libraries"),
    "t_settings": QT_TRANSLATE_NOOP("export", "The run's settings"),
    "t_data": QT_TRANSLATE_NOOP("export", "The data"),
    "t_own_images": QT_TRANSLATE_NOOP("export", "Your own images"),
    "t_task": QT_TRANSLATE_NOOP("export", "The target task"),
    "t_features": QT_TRANSLATE_NOOP("export", "The extra input features"),
    "t_model": QT_TRANSLATE_NOOP("export", "The model"),
    "t_base": QT_TRANSLATE_NOOP("export", "The base model's weights"),
    "t_lora": QT_TRANSLATE_NOOP("export", "LoRA with PEFT"),
    "t_head": QT_TRANSLATE_NOOP("export", "Only the head trains"),
    "t_full": QT_TRANSLATE_NOOP("export", "Every weight trains"),
    "t_scratch": QT_TRANSLATE_NOOP("export", "A fresh model"),
    "t_optimizer": QT_TRANSLATE_NOOP("export", "Optimizer and learning rate"),
    "t_train": QT_TRANSLATE_NOOP("export", "Training"),
    "t_result": QT_TRANSLATE_NOOP("export", "Accuracy on the target and the source task"),
    # --- what each section does -------------------------------------------------------------------
    "options": QT_TRANSLATE_NOOP(
        "export", "Where the data set and the base model's weights are, the seed and the number of epochs; "
                  "by default, the run's."),
    "settings": QT_TRANSLATE_NOOP("export", "The run's other settings, as the app saved them with the model."),
    "s_source": QT_TRANSLATE_NOOP("export", "the base's data set: the source task"),
    "s_target": QT_TRANSLATE_NOOP("export", "the data set the target task is made of"),
    "s_train_images": QT_TRANSLATE_NOOP("export", "the first N training images (the app's training images)"),
    "s_pixels": QT_TRANSLATE_NOOP("export", "the base's training pixels: mean and standard deviation"),
    "data": QT_TRANSLATE_NOOP(
        "export", "The data set, read with torchvision from DATA_DIR/<Name>/raw/ (download=False), as uint8 "
                  "images (N, 28, 28) and their labels."),
    "gz_fallback": QT_TRANSLATE_NOOP(
        "export", "torchvision reads the unpacked IDX files only: a folder holding just the .gz files is unpacked "
                  "into a temporary folder first."),
    "task": QT_TRANSLATE_NOOP(
        "export", "The target task {task}, made as the app makes it: each change is a small function of (images, "
                  "labels, split), applied in order to the training and the test split."),
    "task_same": QT_TRANSLATE_NOOP(
        "export", "The target task is the source task itself (the article's experiment): nothing changes."),
    "task_dataset": QT_TRANSLATE_NOOP(
        "export", "The target task is another data set, {target}; the source task stays the base's own."),
    "noisy": QT_TRANSLATE_NOOP(
        "export", "Gaussian noise of half the pixel range, drawn from a fixed seed per block of {block} images and "
                  "per split: every run sees the same noisy images, the app's."),
    "train_images": QT_TRANSLATE_NOOP(
        "export", "The run trained on the first {train_images} images of the target task's training split."),
    "own_images": QT_TRANSLATE_NOOP(
        "export", "Your images in {folder}, one subfolder per class (0–9), prepared as the app prepares them: "
                  "grey, white ink on black, boxed to 20 pixels and centred in 28×28 like MNIST. A fixed fifth of "
                  "each class is the test split; the training images take the classes in turn."),
    "features": QT_TRANSLATE_NOOP(
        "export", "The extra input features ({features}): computed from pixels in [0, 1], then standardised with "
                  "the mean and standard deviation of the training split that the app saved with the model."),
    "model": QT_TRANSLATE_NOOP(
        "export", "The article's CNN, as the app builds it: two convolution layers, then two fully connected "
                  "layers, fc1 and fc2 (the head)."),
    "fc1_columns": QT_TRANSLATE_NOOP(
        "export", "fc1 takes the {flat} flattened convolution features plus {features_count} extra input(s): the "
                  "article's extra column(s), appended as the head begins."),
    "standardise": QT_TRANSLATE_NOOP(
        "export", "Pixels in [0, 1] are standardised inside the model, with the base's training statistics."),
    "checksum": QT_TRANSLATE_NOOP(
        "export", "The SHA-256 of the tensors that LoRA Studio saved in the file. If it differs, this is not the "
                  "base the run started from; set BASE_SHA256 = None to start from another base of the same shape."),
    "seeded_features": QT_TRANSLATE_NOOP(
        "export", "One generator, seeded, draws what the app draws, in the same order: the new fc1 column(s), "
                  "then each adapter's A."),
    "seeded": QT_TRANSLATE_NOOP(
        "export", "One generator, seeded, draws each adapter's A as the app draws it, in the same order."),
    "transfer_random": QT_TRANSLATE_NOOP(
        "export", "Weight transfer, as in the article: every base tensor is copied; fc1.weight grows from "
                  "({hidden}, {flat}) to ({hidden}, {fc1_inputs}): its first {flat} columns are the base's, the new "
                  "column(s) start random, in nn.Linear's own range."),
    "transfer_zeros": QT_TRANSLATE_NOOP(
        "export", "Weight transfer, as in the article: every base tensor is copied; fc1.weight grows from "
                  "({hidden}, {flat}) to ({hidden}, {fc1_inputs}): its first {flat} columns are the base's, the new "
                  "column(s) start at zero."),
    "frozen_base": QT_TRANSLATE_NOOP(
        "export", "get_peft_model freezes every weight of the base: this is the frozen W. Beside each layer of "
                  "target_modules it adds an adapter, lora_A (r × in) and lora_B (out × r), where ΔW lives: "
                  "the layer computes W x + s·B(A x), so ΔW = s·B·A."),
    "scale_lora": QT_TRANSLATE_NOOP(
        "export", "The scale s = α/r = {alpha}/{rank} = {scale}: PEFT sets it from r and lora_alpha."),
    "scale_rslora": QT_TRANSLATE_NOOP(
        "export", "rsLoRA (use_rslora=True): the scale is s = α/√r = {alpha}/√{rank} = {scale}, so the update's "
                  "size does not shrink as r grows."),
    "scale_dora": QT_TRANSLATE_NOOP(
        "export", "DoRA (use_dora=True): a learned magnitude per output (lora_magnitude_vector, starting at the "
                  "norm of W's rows) times the direction of W + s·B·A; s = α/r = {alpha}/{rank} = {scale}."),
    "dropout": QT_TRANSLATE_NOOP(
        "export", "LoRA dropout: while training, a fraction {dropout} of the adapter's inputs is zeroed."),
    "init_article": QT_TRANSLATE_NOOP(
        "export", "B starts at zero, so the wrapped model starts out exactly as the base. A starts as the article "
                  "has it, N(0, 0.01²), which PEFT does not offer (init_lora_weights: kaiming-uniform by default, "
                  "or \"gaussian\" with std 1/r): it is drawn here, after wrapping, from the seeded generator."),
    "init_kaiming": QT_TRANSLATE_NOOP(
        "export", "B starts at zero, so the wrapped model starts out exactly as the base. A starts as PEFT's "
                  "default has it (kaiming-uniform), drawn again here from the seeded generator so that it is "
                  "the app's draw."),
    "feature_columns": QT_TRANSLATE_NOOP(
        "export", "The new feature column(s) of fc1 train too (the article's text says so; its code froze them): "
                  "fc1's weight is made trainable and a gradient hook zeroes the gradient of the copied columns, "
                  "so Adam leaves them exactly as they were."),
    "trained_count": QT_TRANSLATE_NOOP(
        "export", "What trains: the adapters and the new feature column(s), as the app counts them."),
    "head_only": QT_TRANSLATE_NOOP(
        "export", "The base's weights, then every weight frozen except the head's (fc2): {trained} parameters "
                  "train."),
    "full": QT_TRANSLATE_NOOP(
        "export", "The base's weights, and every one of them trains (full fine-tuning): nothing is frozen."),
    "scratch": QT_TRANSLATE_NOOP(
        "export", "A fresh CNN: the seed draws its first weights as it drew the app's. The base model's weights "
                  "are not used (--base is accepted and ignored); the source accuracy shows what a model of the "
                  "target task alone knows of the base's task."),
    "adam": QT_TRANSLATE_NOOP(
        "export", "torch.optim.Adam (its default betas and eps, no weight decay) over what trains, as the app "
                  "trains."),
    "lora_plus": QT_TRANSLATE_NOOP(
        "export", "LoRA+: B learns {ratio} times as fast as A. Two optimizer groups: every lora_B at {ratio} × the "
                  "learning rate, everything else at the learning rate."),
    "one_rate": QT_TRANSLATE_NOOP("export", "One learning rate for everything that trains."),
    "schedule_anneal": QT_TRANSLATE_NOOP(
        "export", "The app's learning-rate schedule, anneal: the learning rate holds for the first two thirds of "
                  "the steps, then falls linearly to 0."),
    "schedule_cosine": QT_TRANSLATE_NOOP(
        "export", "The app's learning-rate schedule, cosine: from the learning rate down to 0 along half a cosine."),
    "schedule_constant": QT_TRANSLATE_NOOP("export", "The app's learning-rate schedule, constant: it never changes."),
    "train": QT_TRANSLATE_NOOP(
        "export", "Each epoch shuffles the training images with a generator seeded as the app seeds it and takes "
                  "them in batches of {batch_size}."),
    "set_rate": QT_TRANSLATE_NOOP("export", "the schedule's rate, times each group's factor (LoRA+)"),
    "result": QT_TRANSLATE_NOOP(
        "export", "Accuracy on the target task's test split, and on the source task's (the base's own data set): "
                  "how much of the source task the fine-tuning kept."),
    "last_line": QT_TRANSLATE_NOOP("export", "The last line, for whoever compares runs."),
    # --- what a function does, or a line ------------------------------------------------------------
    "read_dataset": QT_TRANSLATE_NOOP(
        "export", "One split of torchvision's data set `name`: uint8 images (N, 28, 28) and int64 labels (N,)."),
    "to_pixels": QT_TRANSLATE_NOOP(
        "export", "uint8 (N, 28, 28) → float (N, 1, 28, 28) in [0, 1], as torchvision's ToTensor gives them."),
    "anticlockwise": QT_TRANSLATE_NOOP("export", "a quarter turn anticlockwise"),
    "read_own_images": QT_TRANSLATE_NOOP(
        "export", "(train, test), each uint8 images (N, 28, 28) and int64 labels, split as the app splits them."),
    "read_image": QT_TRANSLATE_NOOP(
        "export", "One image file → uint8 (28, 28): grey, white ink on black, boxed to 20 pixels and centred."),
    "grey16": QT_TRANSLATE_NOOP("export", "16-bit grey"),
    "transparency": QT_TRANSLATE_NOOP("export", "Transparency is flattened onto white, as image viewers show it."),
    "polarity": QT_TRANSLATE_NOOP(
        "export", "Dark ink on light paper (a light border) is turned into MNIST's white ink on black; then the "
                  "background's level is taken away and faint ink dropped."),
    "border": QT_TRANSLATE_NOOP(
        "export", "The pixels of the outer ring, a twentieth of the shorter side wide (at least one pixel)."),
    "mnist_box": QT_TRANSLATE_NOOP(
        "export", "Ink (H, W) in [0, 1] → uint8 (28, 28): the digit scaled into a 20×20 box, centred by its mass, "
                  "as MNIST's digits were made."),
    "article_brightness": QT_TRANSLATE_NOOP("export", "the article's img.mean(dim=[1, 2, 3])"),
    "feature_inputs": QT_TRANSLATE_NOOP(
        "export", "The standardised extra inputs (N, F) of uint8 images (N, 28, 28), 8,192 images at a time."),
    "checksum_function": QT_TRANSLATE_NOOP(
        "export", "LoRA Studio's checksum: SHA-256 of the tensors' names, types, shapes and bytes, by name."),
    "same_tensor": QT_TRANSLATE_NOOP("export", "get_peft_model moves it into fc1.base_layer"),
    "accuracy": QT_TRANSLATE_NOOP("export", "The share of the images whose most likely class is their label."),
}


def comment(key: str, language: str, values: dict[str, object]) -> str:
    """The comment `key` in `language` ("en" or "zh_CN"), its fields filled with `values`."""
    if language not in LANGUAGES:
        raise ConfigError(QT_TRANSLATE_NOOP("errors", "the comments can be written in {0}, not {1}"),
                          " or ".join(LANGUAGES), language)
    english = COMMENTS[key]
    text = ZH_CN.get(english, english) if language == "zh_CN" else english
    return text.format(**values)
