"""A target task's sample images, made in the worker thread by the core (`data.tasks.make_task`).

The LoRA tab shows a strip of them under its task choice and the Dataset tab can show them in its sample
grid. The task is made from the source data set (the base model's, or the one chosen in the Dataset
tab) exactly as a fine-tuning would make it, so what a person sees is what the model will be trained on.
What comes back is NumPy copies; a task that cannot be made (a bad folder, a data set not installed)
comes back as one line in `message`, status "failed", without a traceback.
"""

from __future__ import annotations  # NumPy in annotations only: it loads after the window shows

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from lora_studio.gui.background.caches import DataCache
from lora_studio.gui.background.worker import Job, JobContext, JobResult, OnDone
from lora_studio.gui.i18n.core_texts import user_error

if TYPE_CHECKING:
    import numpy as np

POOL = 2000  # training images the samples are picked from: enough to find every class of a derived task


@dataclass(frozen=True)
class TaskPreviewed(JobResult):
    task: str = ""  # the task's name, as asked for
    source: str = ""  # the source data set's name
    title: str = ""  # the task's data set title ("MNIST · Inverted colours")
    classes: tuple[str, ...] = ()
    images: np.ndarray | None = None  # (M, 28, 28) uint8: a few of each class, classes taking turns
    labels: np.ndarray | None = None  # (M,) int64
    n_train: int | None = None  # training images in the task; None: more than the POOL read for the samples
    n_test: int = 0


def make_task_preview(cache: DataCache, root: Path, task: str, source: str, count: int,
                      on_done: OnDone | None = None) -> Job:
    """Up to `count` training images of the target task `task` made from the data set `source`."""

    def run(ctx: JobContext) -> TaskPreviewed:
        from lora_studio.core.data import tasks
        from lora_studio.core.errors import USER_ERRORS

        try:
            dataset = tasks.make_task(task, cache.get(root, source), root, limit=POOL)
        except USER_ERRORS as exc:  # one line (a bad folder, a missing data set): the tab shows it
            return TaskPreviewed("failed", user_error(exc), task=task, source=source)
        labels = dataset.train.labels.numpy()
        chosen = alternate_classes(labels, count)
        title = task_data_title(task, source, dataset.info.title)
        return TaskPreviewed(
            "finished", QCoreApplication.translate("jobs", "{0}: {1} training images").format(
                title, f"{len(dataset.train):,}"), task=task, source=source,
            title=title, classes=tuple(dataset.classes),
            images=dataset.train.images.numpy()[chosen].copy(), labels=labels[chosen].copy(),
            n_train=len(dataset.train) if len(dataset.train) < POOL else None, n_test=len(dataset.test))

    return Job("preview", run, on_done=on_done)


def task_data_title(task: str, source: str, english: str) -> str:
    """The title of a task's data set as `tasks.make_task` gives it ("MNIST · Inverted colours"), translated;
    `english`, the core's, for a task the window does not know."""
    from lora_studio.core.data.task_names import FOLDER_PREFIX, TASKS
    from lora_studio.gui.i18n.core_texts import dataset_title, task_title

    if task == "same":
        return dataset_title(source)
    if task in TASKS and TASKS[task].needs_dataset:
        return dataset_title(TASKS[task].needs_dataset)
    if task in TASKS:
        return QCoreApplication.translate("jobs", "{0} · {1}").format(dataset_title(source), task_title(task))
    if task.startswith(FOLDER_PREFIX):
        return task_title(task)
    return english


def alternate_classes(labels: np.ndarray, count: int) -> np.ndarray:
    """Indices of up to `count` items, the classes taking turns (0, 1, 2, …, 0, 1, …), each in its order:
    a folder of own images is read class by class, and its first `count` images would all be zeros."""
    import numpy as np

    by_class = [np.flatnonzero(labels == c) for c in np.unique(labels)]
    turns = [index for round_ in range(count) for members in by_class if round_ < len(members)
             for index in (members[round_],)]
    return np.asarray(turns[:count], dtype=np.int64)
