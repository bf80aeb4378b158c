"""`lora-studio combine ID[:WEIGHT] ID[:WEIGHT]… --how cat|linear|svd|ties|magnitude_prune`: trained LoRA adapters
of one base combined into a new adapter, as PEFT's add_weighted_adapter does, saved in the library
(workflows/combine.py). Prints the new id; scores it when the base's data set is installed."""

from lora_studio.cli.common import data_root, library, write_json
from lora_studio.cli.terminal import escape, out, percent
from lora_studio.core.data import datasets as data
from lora_studio.core.errors import ConfigError
from lora_studio.core.workflows.combine import combine_adapters


def parse_adapter(text: str) -> tuple[str, float]:
    """"ID" or "ID:WEIGHT" (ids hold no colon) as (id, weight); the weight is 1 when left out."""
    model_id, colon, weight = text.partition(":")
    if not colon:
        return model_id, 1.0
    try:
        return model_id, float(weight)
    except ValueError:
        raise ConfigError(f"{text!r}: the weight after ':' must be a number (ID:WEIGHT, e.g. {model_id}:0.5)") from None


def installed_dataset(args, name: str) -> data.Dataset | None:
    """The data set `name`, when it is installed (to score the combination); else None."""
    root = data_root(args)
    return data.load_dataset(root, name) if data.is_available(root, name) else None


def run(args) -> int:
    parents = [parse_adapter(text) for text in args.adapters]
    lib = library()
    model_id = combine_adapters(lib, parents, args.how, rank=args.rank, name=args.name, density=args.density,
                                load_dataset=lambda name: installed_dataset(args, name), data_root=data_root(args))
    record = lib.record(model_id)
    assert record.combination is not None and record.lora is not None
    combination, m = record.combination, record.metrics
    out.print(f"Saved combination [bold]{model_id}[/bold] ({combination.how}, rank {combination.rank}, on "
              f"{'+'.join(record.lora.layers)}): {escape(record.name)}")
    if "target_accuracy" in m:
        out.print(f"  on {escape(record.task)}: {percent(m['target_accuracy'])} (the base: "
                  f"{percent(m['base_target_accuracy'])}); source accuracy {percent(m['source_accuracy'])} "
                  f"(the base: {percent(m['base_source_accuracy'])})")
    else:
        out.print(f"  not scored: {data.dataset_info(record.dataset).title} is not installed in "
                  f"{escape(str(data_root(args)))}; `lora-studio evaluate {model_id}` scores it")
    if args.json:
        write_json(args.json, {
            "id": model_id, "name": record.name, "base_id": record.parent, "how": combination.how,
            "rank": combination.rank, "density": combination.density,
            "parents": [{"id": p.id, "weight": p.weight} for p in combination.parents],
            "layers": list(record.lora.layers), "task": record.task, "metrics": m})
    return 0
