"""A process that saves models until it is killed: the subject of tests/core/test_crash_saves.py.

Run as `python crash_saver.py`; it imports PyTorch once, then forks a saver per
line read on stdin (a fork server, so each trial costs a fork, not a 3-second
PyTorch import) and answers `pid <pid>`, then `exit <status>` when that saver is
gone. Commands, one per line:

    loop <library> <progress file> <first version> <trial>
        save forever: overwrite "stable" (a base model) and "stable-lora" (a LoRA
        model) with version k, then save a new model "new-<trial>-<k>", k = first,
        first + 1, …; after each completed save append "<id> <k>" to the progress file.
    crash <library> <progress file> <version> <kind> <n>
        save version <version> of kind "base" or "lora" (as "stable" / "stable-lora") and
        SIGKILL itself just before its n-th file-system operation (open for writing, fsync,
        mkdir, rename, replace, unlink, rmdir), or print "ops <count>" if there were fewer.
    import <source folder> <data root> <progress file> <n>
        the same for `data.import_folder(source, root, "mnist")`.

Every tensor of version k holds the value k, the name is "v<k>" and metrics.json says
{"version": k}, so a mix of two versions is visible.
"""

import builtins
import os
import signal
import sys
from pathlib import Path


def main() -> None:
    import torch

    torch.set_num_threads(1)  # no OpenMP pool in the fork server: forked children stay safe

    from lora_studio.core import config as cfg
    from lora_studio.core.data import datasets as data
    from lora_studio.core.data.features import FeatureScaler
    from lora_studio.core.model import lora
    from lora_studio.core.model.cnn import MnistCNN
    from lora_studio.core.storage.library import ModelLibrary, ModelRecord

    base = MnistCNN()
    tuned = MnistCNN(cfg.ModelConfig(feature_dim=1))
    lora_config = cfg.LoraConfig(rank=2)
    lora.apply_lora(tuned, lora_config)

    def save(library, kind: str, version: int, model_id: str) -> None:
        model = base if kind == "base" else tuned
        with torch.no_grad():
            for tensor in model.state_dict().values():
                tensor.fill_(version)
        if kind == "base":
            record = ModelRecord(kind="base", name=f"v{version}", dataset="mnist", model=base.config,
                                 train=cfg.TrainConfig(), metrics={"version": version})
        else:
            record = ModelRecord(kind="feature_lora", name=f"v{version}", dataset="mnist", model=tuned.config,
                                 train=cfg.TrainConfig(), lora=lora_config, metrics={"version": version},
                                 features=FeatureScaler(("brightness",), (0.1,), (0.05,)))
        record.created = "2026-01-01T00:00:00"
        record.versions = {"test": "crash"}
        library.save(model, record, model_id)

    for line in sys.stdin:
        command, *args = line.split()
        pid = os.fork()
        if pid == 0:  # the saver
            try:
                if command == "import":
                    progress = open(args[2], "ab", buffering=0)
                    count = _crash_at(int(args[3]))
                    data.import_folder(Path(args[0]), Path(args[1]), "mnist")
                    progress.write(f"ops {count()}\n".encode())
                    continue
                library, progress = ModelLibrary(Path(args[0])), open(args[1], "ab", buffering=0)
                if command == "loop":
                    version, trial = int(args[2]), args[3]
                    while True:
                        for kind, model_id in (("base", "stable"), ("lora", "stable-lora"),
                                               ("lora", f"new-{trial}-{version}")):
                            save(library, kind, version, model_id)
                            progress.write(f"{model_id} {version}\n".encode())
                        version += 1
                else:
                    version, kind, n = int(args[2]), args[3], int(args[4])
                    count = _crash_at(n)
                    save(library, kind, version, "stable" if kind == "base" else "stable-lora")
                    progress.write(f"ops {count()}\n".encode())
            finally:
                os._exit(0)
        print(f"pid {pid}", flush=True)
        _, status = os.waitpid(pid, 0)
        print(f"exit {status}", flush=True)


def _crash_at(n: int):
    """Count file-system operations from now on; SIGKILL this process just before the n-th."""
    done = [0]

    def counted(function, is_write=lambda *a, **k: True):
        def wrapper(*args, **kwargs):
            if is_write(*args, **kwargs):
                done[0] += 1
                if done[0] == n:
                    os.kill(os.getpid(), signal.SIGKILL)
            return function(*args, **kwargs)
        return wrapper

    def writes(file, mode="r", *args, **kwargs):
        return any(c in mode for c in "wax+")

    builtins.open = counted(builtins.open, writes)
    for name in ("fsync", "mkdir", "rename", "replace", "unlink", "rmdir"):
        setattr(os, name, counted(getattr(os, name)))
    return lambda: done[0]


if __name__ == "__main__":
    main()
