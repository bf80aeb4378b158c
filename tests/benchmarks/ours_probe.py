"""Run `lora-studio …` exactly as the console script does, and note when each experiment phase starts and ends.

    python tests/benchmarks/ours_probe.py TIMES.json experiment --data-dir … --json …

The JSON the command writes has each phase's `wall_seconds` as the core counts it
(from the start of `training.train`: frozen-prefix caching, epochs, per-epoch test).
The phase as a user waits for it is a little longer: feature statistics, building
the model, the weight transfer and LoRA set-up come before `train`, the final test
predictions after. This probe wraps the command's progress listener (nothing else)
to time that whole span, and also when PyTorch is imported and when the data set
has been loaded, so bench_training.py can report set-up honestly.
"""

import json
import sys
import time

STARTED = time.perf_counter()


def main() -> int:
    times_path, argv = sys.argv[1], sys.argv[2:]
    marks: dict = {"phases": []}

    from lora_studio.cli import commands  # imports PyTorch
    from lora_studio.cli import main as cli_main

    marks["imported"] = time.perf_counter() - STARTED

    class TimedBars(commands.TrainingBars):
        def phase_started(self, phase, seed, epochs):
            marks.setdefault("loaded", time.perf_counter() - STARTED)  # the data set is loaded before phase 1
            marks["phases"].append({"phase": phase, "seed": seed, "start": time.perf_counter() - STARTED})
            super().phase_started(phase, seed, epochs)

        def phase_finished(self, phase, seed, outcome):
            marks["phases"][-1]["end"] = time.perf_counter() - STARTED
            super().phase_finished(phase, seed, outcome)

    commands.TrainingBars = TimedBars
    code = cli_main(argv)
    marks["finished"] = time.perf_counter() - STARTED
    with open(times_path, "w") as f:
        json.dump(marks, f, indent=2)
    return code


if __name__ == "__main__":
    sys.exit(main())
