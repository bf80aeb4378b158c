"""`lora-studio export-code MODEL_ID --format py|ipynb -o PATH`: a fine-tuned model's run as a standalone
PyTorch + PEFT script or Jupyter notebook (core/export_code), which never imports lora_studio."""

from pathlib import Path

from lora_studio.cli.common import library
from lora_studio.cli.terminal import escape, out
from lora_studio.core.export_code import export_code


def run(args) -> int:
    output = Path(args.output).expanduser()
    fmt = args.format or ("ipynb" if output.suffix == ".ipynb" else "py")
    data_dir = Path(args.data_dir).expanduser() if args.data_dir else None
    path = export_code(library(), args.model_id, output, fmt, args.language, data_dir)
    if fmt == "py":
        out.print(f"Wrote the script of {escape(args.model_id)} to {escape(str(path))}; run it with: "
                  f"python {escape(str(path))} [--data-dir DIR] [--base PATH] [--seed N] [--epochs N]", soft_wrap=True)
    else:
        out.print(f"Wrote the notebook of {escape(args.model_id)} to {escape(str(path))}; its first code cell "
                  "holds the data folder, the base's weights file, the seed and the epochs", soft_wrap=True)
    return 0
