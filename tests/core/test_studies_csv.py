"""A study's runs as CSV (core `studies.runs_csv`): the one writer behind `sweep --csv` and the Compare tab's export."""

import csv
import io

from lora_studio.core.storage.studies import CSV_COLUMNS, RUN_KEYS, runs_csv


def run(**changes) -> dict:
    record = {key: 0 for key in RUN_KEYS}
    record.update(model_id=None, base_id="base-1", task="inverted", method="lora", variant="rslora",
                  layers=["fc1", "fc2"], rank=4, alpha=16.0, lora_plus_ratio=1.0, seed=0, epochs=1,
                  trainable_params=3688, total_params=62000, target_accuracy=0.9375, source_accuracy=0.5,
                  base_target_accuracy=0.22, base_source_accuracy=0.98, forgetting=0.48, wall_seconds=1.25,
                  loss=[2.3, 1.1])
    record.update(changes)
    return record


def test_one_line_a_run_in_the_given_order_without_the_loss():
    runs = [run(), run(method="head", variant="none", layers=["fc2"], rank=None, alpha=None, seed=1)]
    text = runs_csv(reversed(runs))
    assert CSV_COLUMNS == tuple(key for key in RUN_KEYS if key != "loss")
    lines = text.split("\n")
    assert lines[0] == ",".join(CSV_COLUMNS) and lines[-1] == "" and "\r" not in text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["method"] for r in rows] == ["head", "lora"]
    assert rows[0]["layers"] == "fc2" and rows[0]["rank"] == "" and rows[0]["alpha"] == "" and rows[0]["model_id"] == ""
    assert rows[1]["layers"] == "fc1+fc2" and rows[1]["target_accuracy"] == "0.9375" and "loss" not in rows[1]


def test_no_runs_is_a_header_alone():
    assert runs_csv([]) == ",".join(CSV_COLUMNS) + "\n"
