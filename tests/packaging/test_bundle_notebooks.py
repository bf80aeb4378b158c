"""The bundle can write notebooks (export-code --format ipynb): nbformat's schema files travel with it."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import nbformat

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


def test_the_spec_collects_the_schema_files_nbformat_validates_with():
    spec = (PACKAGING / "lora_studio.spec").read_text()
    assert '*collect_data_files("nbformat")' in spec and '*collect_data_files("jsonschema_specifications")' in spec
    schemas = sorted(Path(nbformat.__file__).parent.glob("v4/*.schema.json"))
    assert schemas, "nbformat keeps its schemas as data files: without collecting them a bundle cannot validate"
    loader = importlib.util.spec_from_file_location("bundle_filters", PACKAGING / "bundle_filters.py")
    filters = importlib.util.module_from_spec(loader)
    loader.loader.exec_module(filters)
    assert all(filters.keep(f"nbformat/v4/{path.name}") for path in schemas)
    assert not {"nbformat", "jsonschema", "fastjsonschema", "traitlets"} & set(filters.EXCLUDED_MODULES)


def test_writing_a_notebook_needs_neither_ipython_nor_jupyter_client():
    """The bundle leaves IPython and jupyter_client out (bundle_filters): nbformat must not need them."""
    probe = ("import sys; import nbformat; from nbformat import v4; "
             "nbformat.writes(v4.new_notebook(cells=[v4.new_code_cell('x = 1')])); "
             "print(sorted(m for m in ('IPython', 'jupyter_client') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
