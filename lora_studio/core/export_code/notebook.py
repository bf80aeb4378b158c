"""An ExportPlan as a Jupyter notebook (nbformat v4): the script's sections as markdown and code cells.

The first code cell holds the options (data folder, base weights file, seed, epochs) as plain variables,
where the script has argparse; everything else is the script's code, cell by cell.
"""

import nbformat
from nbformat import v4

from lora_studio.core.export_code.plan import ExportPlan
from lora_studio.core.export_code.script import sections

KERNEL = {"name": "python3", "display_name": "Python 3", "language": "python"}


def notebook_text(plan: ExportPlan, language: str = "en") -> str:
    """The notebook of `plan` as nbformat's JSON, its comments in `language`; validated against nbformat's schema."""
    header, parts = sections(plan, language, script_name=f"{plan.model_id}.py", notebook=True)
    title, *paragraphs = header
    cells = [v4.new_markdown_cell("\n\n".join([f"# {title}", *paragraphs]))]
    for part in parts:
        cells.append(v4.new_markdown_cell("\n\n".join([f"## {part.title}", *part.intro])))
        cells.append(v4.new_code_cell(part.code))
    notebook = v4.new_notebook(cells=cells, metadata={"kernelspec": KERNEL, "language_info": {"name": "python"}})
    nbformat.validate(notebook)
    return nbformat.writes(notebook)
