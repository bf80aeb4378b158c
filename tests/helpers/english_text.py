"""Finding English left in a translated text: what the Chinese-window tests count as an untranslated word.

Names of methods, data sets, software and formats are kept on purpose (ALLOWED), and so are units, numbers, ids
(anything holding a digit: conv1, feature-lora-…), code names (anything holding an underscore: add_weighted_adapter),
paths, single letters and code set as code (<code>…</code>: a command line in a tooltip). PEFT's ways of combining
adapters are names too, as the command line takes them (`lora-studio combine --how svd`): "svd" wherever it stands,
the English words among them (cat, linear, ties) only where they stand as a name, alone or in brackets.
"""

import html
import re

#: English kept on purpose: names of methods, data sets, software and formats, and the language's own name
ALLOWED = {
    "LoRA", "DoRA", "rsLoRA", "LoRA+", "MNIST", "Fashion-MNIST", "KMNIST", "PyTorch", "Qt", "PySide6",
    "pyqtgraph", "Python", "Jupyter", "IDX", "CSV", "CNN", "PEFT", "Adam", "JSON", "safetensors",
    "Studio",  # the app's name, LoRA Studio
    "English",  # View → Language names each language in its own language
    # the data sets' licence credits (Help → About, the Dataset tab): people's and bodies' names, licence names
    "Yann", "LeCun", "Corinna", "Cortes", "Zalando", "Research", "ROIS", "DS", "CODH", "CC", "BY", "SA", "MIT",
    "PNG", "JPEG", "BMP",  # image formats (own images: a folder of them)
    "Ctrl", "Shift",  # key names, as the keyboard has them
    "lora-studio",  # the command's name, as a terminal takes it
    "svd",  # a way of combining adapters (PEFT's combination_type), no English word
}
#: units and abbreviations written the same in Chinese text
UNITS = {"ms", "MB", "GB", "KB", "px"}
RUN = re.compile(r"[A-Za-z0-9_.'’+\-]+")  # a run of Latin letters, digits and the marks inside words
PATHS = re.compile(r"\S*[/\\]\S*|\S+\.(?:safetensors|json|png|csv|gz|qm|ts|py|txt)\b")
CODE = re.compile(r"<code>.*?</code>", re.S)
#: PEFT's combination_type names that are English words too: a name only alone ("cat", "cat 2") or in brackets
COMBINATION_NAME = re.compile(r"(?:^|(?<=[(（]))\s*(?:cat|linear|ties)(?:\s+\d+)?\s*(?=[)）]|$)")


def english_words(text: str) -> list[str]:
    """The English words of `text` not kept on purpose (numbers, ids, paths, single letters are not words)."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", CODE.sub(" ", text)))
    text = COMBINATION_NAME.sub(" ", text.strip())
    text = re.sub(r"&(?=\w)", "", text.replace("&&", "&"))  # menu accelerators: &File
    text = PATHS.sub(" ", text)
    words = []
    for run in RUN.findall(text):
        run = run.strip(".-'’_")
        if not run or any(ch.isdigit() for ch in run) or "_" in run or run in ALLOWED or run in UNITS:
            continue  # a number, a version, an id (conv1, feature-lora-…), code, a name kept on purpose
        for word in re.split(r"[-_]", run):
            if len(word) > 1 and word not in ALLOWED and word not in UNITS:
                words.append(word)
    return words
