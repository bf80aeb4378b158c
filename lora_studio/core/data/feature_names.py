"""The extra input features by name: their titles and descriptions, without PyTorch.

`features.py` computes them; this module holds what a person reads about them, marked for translation where it is
written (core/i18n.py), and imports nothing heavy, so the window can name the features before PyTorch loads. A
feature's `name` is also the word a model's name and a settings summary write for it ("+brightness").
"""

from dataclasses import dataclass

from lora_studio.core.errors import ConfigError
from lora_studio.core.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class FeatureInfo:
    name: str  # as typed (--features brightness) and stored; also the word a model's name writes
    title: str  # for a check box or a table
    description: str  # what is measured


FEATURE_INFOS: dict[str, FeatureInfo] = {
    info.name: info
    for info in (
        FeatureInfo(QT_TRANSLATE_NOOP("features", "brightness"), QT_TRANSLATE_NOOP("features", "Brightness"),
                    QT_TRANSLATE_NOOP("features", "mean pixel value (the article's feature)")),
        FeatureInfo(QT_TRANSLATE_NOOP("features", "contrast"), QT_TRANSLATE_NOOP("features", "Contrast"),
                    QT_TRANSLATE_NOOP("features", "standard deviation of the pixel values")),
        FeatureInfo(QT_TRANSLATE_NOOP("features", "ink"), QT_TRANSLATE_NOOP("features", "Ink"),
                    QT_TRANSLATE_NOOP("features", "fraction of pixels brighter than half")),
        FeatureInfo(QT_TRANSLATE_NOOP("features", "width"), QT_TRANSLATE_NOOP("features", "Width"),
                    QT_TRANSLATE_NOOP("features", "fraction of columns that hold ink")),
    )
}


def check_features(names) -> tuple[str, ...]:
    """`names` as a tuple, each a registered feature; ConfigError naming the first that is not."""
    for name in names:
        if not isinstance(name, str) or name not in FEATURE_INFOS:
            raise ConfigError(QT_TRANSLATE_NOOP("errors", "unknown feature {0}; choose from {1}"), repr(name),
                              ", ".join(FEATURE_INFOS))
    return tuple(names)
