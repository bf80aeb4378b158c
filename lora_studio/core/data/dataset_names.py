"""The data sets by name: their titles, licences, folders and class names, without PyTorch or NumPy.

What the window's Dataset tab, its About box and the command line's `data list` show, and what `datasets.py` reads
from disk. Like `task_names.py`, this module imports nothing heavy, so the window can name the data sets before
PyTorch loads. The texts a person reads are marked for translation where they are written (core/i18n.py).
"""

from dataclasses import dataclass

from lora_studio.core.errors import DataError
from lora_studio.core.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class DatasetInfo:
    name: str  # the id used on the command line: mnist, fashion-mnist, kmnist
    title: str  # shown to people
    folder: str  # torchvision's class name, which is also its folder name
    licence: str
    classes: tuple[str, ...] = ()  # the class names in label order, as torchvision gives them


DATASETS = {
    "mnist": DatasetInfo(
        "mnist", QT_TRANSLATE_NOOP("datasets", "MNIST"), "MNIST",
        QT_TRANSLATE_NOOP("datasets", "MNIST by Yann LeCun and Corinna Cortes, CC BY-SA 3.0"),
        (QT_TRANSLATE_NOOP("classes", "0 - zero"), QT_TRANSLATE_NOOP("classes", "1 - one"),
         QT_TRANSLATE_NOOP("classes", "2 - two"), QT_TRANSLATE_NOOP("classes", "3 - three"),
         QT_TRANSLATE_NOOP("classes", "4 - four"), QT_TRANSLATE_NOOP("classes", "5 - five"),
         QT_TRANSLATE_NOOP("classes", "6 - six"), QT_TRANSLATE_NOOP("classes", "7 - seven"),
         QT_TRANSLATE_NOOP("classes", "8 - eight"), QT_TRANSLATE_NOOP("classes", "9 - nine")),
    ),
    "fashion-mnist": DatasetInfo(
        "fashion-mnist", QT_TRANSLATE_NOOP("datasets", "Fashion-MNIST"), "FashionMNIST",
        QT_TRANSLATE_NOOP("datasets", "Fashion-MNIST by Zalando Research, MIT"),
        (QT_TRANSLATE_NOOP("classes", "T-shirt/top"), QT_TRANSLATE_NOOP("classes", "Trouser"),
         QT_TRANSLATE_NOOP("classes", "Pullover"), QT_TRANSLATE_NOOP("classes", "Dress"),
         QT_TRANSLATE_NOOP("classes", "Coat"), QT_TRANSLATE_NOOP("classes", "Sandal"),
         QT_TRANSLATE_NOOP("classes", "Shirt"), QT_TRANSLATE_NOOP("classes", "Sneaker"),
         QT_TRANSLATE_NOOP("classes", "Bag"), QT_TRANSLATE_NOOP("classes", "Ankle boot")),
    ),
    # KMNIST's classes are romanised hiragana; the translation writes the characters themselves
    "kmnist": DatasetInfo(
        "kmnist", QT_TRANSLATE_NOOP("datasets", "KMNIST"), "KMNIST",
        QT_TRANSLATE_NOOP("datasets", "KMNIST by ROIS-DS CODH, CC BY-SA 4.0"),
        (QT_TRANSLATE_NOOP("classes", "o"), QT_TRANSLATE_NOOP("classes", "ki"), QT_TRANSLATE_NOOP("classes", "su"),
         QT_TRANSLATE_NOOP("classes", "tsu"), QT_TRANSLATE_NOOP("classes", "na"), QT_TRANSLATE_NOOP("classes", "ha"),
         QT_TRANSLATE_NOOP("classes", "ma"), QT_TRANSLATE_NOOP("classes", "ya"), QT_TRANSLATE_NOOP("classes", "re"),
         QT_TRANSLATE_NOOP("classes", "wo")),
    ),
}


def dataset_info(name: str) -> DatasetInfo:
    try:
        return DATASETS[name]
    except (KeyError, TypeError):
        raise DataError(QT_TRANSLATE_NOOP("errors", "unknown data set {0}; choose one of {1}"),
                        repr(name), ", ".join(DATASETS)) from None


def class_names(name: str) -> list[str]:
    """The class names of data set `name` in label order ("0 - zero", "T-shirt/top", …: torchvision's)."""
    return list(dataset_info(name).classes)
