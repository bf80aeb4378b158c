"""`lora-studio show-command MODEL_ID`: the command that made a saved model, on one line; what it cannot say
(run_command's notes) goes to stderr, so that the line alone can be piped into a shell or captured."""

from lora_studio.cli.common import library, write_json
from lora_studio.cli.terminal import err, escape
from lora_studio.core.errors import StorageError
from lora_studio.core.storage.library import ModelLibrary
from lora_studio.core.workflows.run_command import record_command


def run(args) -> int:
    lib = library()
    record = lib.record(args.model_id)
    command = record_command(record, args.data_dir, base_in_library=not record.parent or _found(lib, record.parent))
    print(command.line())  # plain print: rich would wrap a long line and read [brackets] as markup
    for note in command.notes:
        err.print(f"note: {escape(str(note))}", soft_wrap=True)
    if args.json:
        write_json(args.json, {"model_id": record.id, **command.to_dict()})
    return 0


def _found(lib: ModelLibrary, model_id: str) -> bool:
    try:
        lib.record(model_id)
    except StorageError:  # gone, or no longer readable: either way the command cannot start from it
        return False
    return True
