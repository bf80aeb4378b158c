# Two commands to know: `make run` (the app) and `make test` (everything CI checks).
# The first one of them creates .venv and installs what is needed; later ones reuse it.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# The tested pair, pinned here only: pyproject.toml keeps ranges so users' machines get what suits them.
# On a machine where these are not available, override: make test TORCH_PIN="torch torchvision"
TORCH_PIN ?= torch==2.14.1 torchvision==0.29.1

.PHONY: run test lint bench fuzz screenshots screenshots-zh translations bundle bundle-test clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet $(TORCH_PIN)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/lora-studio

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest

# The fault and fuzz tests with many more cases than `make test` runs (docs/RELIABILITY.md has the figures).
fuzz: $(STAMP)
	$(BIN)/python -m pytest -m fuzz --hypothesis-profile=fuzz --hypothesis-show-statistics

bench: $(STAMP)
	$(BIN)/python tests/benchmarks/run_all.py

# PNGs of each tab after a short real training run (offscreen), shown in README.md
screenshots: $(STAMP)
	$(BIN)/python tests/screenshots.py

# The window in Chinese, every tab at 1280×800 under a virtual X display with real fonts (xvfb-run; Debian:
# xvfb fonts-noto-cjk), into docs/screenshots/zh_CN/
screenshots-zh: $(STAMP)
	SHOTS_LANGUAGE=zh_CN SHOTS_OUT=docs/screenshots/zh_CN xvfb-run -a -s "-screen 0 1280x800x24" \
		env -u QT_QPA_PLATFORM QT_QPA_PLATFORM=xcb $(BIN)/python tests/screenshots.py

# After changing a string in lora_studio/gui or a translation: the .ts files from the sources (translators
# edit these), the compiled .qm files the app loads, and the Chinese font subset (packaging/translations.py)
translations: $(STAMP)
	$(BIN)/python packaging/translations.py

# The one-folder app for people who never open a terminal: dist/LoRAStudio/ (packaging/README.md).
# Built from its own clean environment, .venv-bundle/. DATA=<folder with the four MNIST IDX files> puts MNIST
# inside, imported on first start; BUNDLE_TORCH="<pip arguments>" installs other torch wheels (CPU-only).
bundle:
	$(PYTHON) packaging/build.py $(if $(DATA),--data "$(DATA)") $(if $(BUNDLE_TORCH),--torch "$(BUNDLE_TORCH)")

# Build the bundle from a fresh clone and run it with a clean environment (~5 minutes here; .ci/run runs it).
bundle-test:
	DATA="$(DATA)" BUNDLE_TORCH="$(BUNDLE_TORCH)" PYTHON="$(PYTHON)" bash packaging/smoke_test.sh

clean:
	rm -rf $(VENV) .venv-bundle build dist .pytest_cache .ruff_cache
