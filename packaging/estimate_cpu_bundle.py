"""Estimate the size of the bundle built with CPU-only PyTorch wheels, from a CUDA bundle and a CPU wheel.

    python3 packaging/estimate_cpu_bundle.py dist/LoRAStudio /opt/wheels/torch-2.13.0+cpu-cp311-*.whl

An estimate, not a measurement: it takes the CUDA bundle as built, removes what only the CUDA build has
(nvidia/, cuda/, torch's CUDA libraries) and counts torch's compiled files at their size in the CPU wheel
(a wheel is a zip; its file sizes are read without unpacking it). torch's Python modules, torchvision and
everything else are counted as they are in the CUDA bundle. Standard library only.
"""

import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bundle_filters import keep  # noqa: E402

CUDA_ONLY = ("nvidia/", "cuda/")  # the CUDA libraries and the cuda-bindings package, absent with CPU wheels


def main(bundle: Path, wheel: Path) -> int:
    internal = bundle / "_internal"
    files = {p.relative_to(internal).as_posix(): p.stat().st_size
             for p in internal.rglob("*") if p.is_file() and not p.is_symlink()}
    outside = sum(p.stat().st_size for p in bundle.iterdir() if p.is_file())  # the executable (and its PYZ)
    with zipfile.ZipFile(wheel) as archive:
        cpu = {info.filename: info.file_size for info in archive.infolist() if not info.is_dir()}

    cuda_total = outside + sum(files.values())
    kept, dropped, torch_cuda, torch_cpu = 0, 0, 0, 0
    for name, size in files.items():
        if name.startswith(CUDA_ONLY):
            dropped += size
        elif name.startswith("torch/"):
            torch_cuda += size
            torch_cpu += cpu.get(name, 0)  # 0: a CUDA-only file of torch (libtorch_cuda.so …)
        else:
            kept += size
    # compiled parts of the CPU wheel that the CUDA build does not have, which the bundle would collect
    extra = {name: size for name, size in cpu.items()
             if name.startswith("torch/lib/") and ".so" in Path(name).name and name not in files and keep(name)}
    torch_cpu += sum(extra.values())
    estimate = outside + kept + torch_cpu
    print(f"CUDA bundle as built:               {mb(cuda_total)}")
    print(f"  of which nvidia/ and cuda/:       {mb(dropped)}  (not in a CPU build)")
    print(f"  of which torch/:                  {mb(torch_cuda)}")
    print(f"torch/ with the CPU wheel's files:  {mb(torch_cpu)}"
          + (f"  (incl. {', '.join(Path(n).name for n in sorted(extra))})" if extra else ""))
    print(f"estimated CPU bundle:               {mb(estimate)}  (saves {mb(cuda_total - estimate)}, "
          f"{(cuda_total - estimate) / cuda_total:.0%})")
    return 0


def mb(size: int) -> str:
    return f"{size / 1e6:>7,.0f} MB"


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__.split("\n\n")[1])
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
