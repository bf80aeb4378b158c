"""The Dataset tab's jobs: download a data set, import a folder of IDX files."""

from pathlib import Path

from lora_studio.gui.background.caches import DataCache
from lora_studio.gui.background.worker import Job, JobContext, OnDone, translate
from lora_studio.gui.i18n.core_texts import dataset_title
from lora_studio.gui.shared.state.loading import DatasetLoaded, _view


def make_download(cache: DataCache, root: Path, name: str, on_done: OnDone | None = None) -> Job:
    def run(ctx: JobContext) -> DatasetLoaded:
        from lora_studio.core.data import download
        from lora_studio.core.errors import Cancelled

        try:
            dataset = download.download(name, root, ctx.progress, ctx.is_cancelled)
        except Cancelled:
            return DatasetLoaded("stopped", translate("jobs", "download cancelled; nothing was changed"))
        cache.put(root, dataset)
        view = _view(dataset, root)
        return DatasetLoaded("finished", translate("jobs", "{0} downloaded: {1} training images").format(
            dataset_title(view.name), f"{view.n_train:,}"), view=view)

    return Job("download", run, on_done=on_done)


def make_import(cache: DataCache, root: Path, source: Path, name: str, on_done: OnDone | None = None) -> Job:
    def run(ctx: JobContext) -> DatasetLoaded:
        from lora_studio.core.data import datasets as data

        ctx.status(translate("jobs", "Checking the files in {0}").format(source))
        dataset = data.import_folder(source, root, name)
        cache.put(root, dataset)
        view = _view(dataset, root)
        return DatasetLoaded("finished", translate("jobs", "{0} imported from {1}: {2} training images").format(
            dataset_title(view.name), source, f"{view.n_train:,}"), view=view)

    return Job("import", run, on_done=on_done)
