"""`python -m lora_studio` does what the `lora-studio` command does."""

from lora_studio.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
