"""Build the one-folder bundle dist/LoRAStudio/ with PyInstaller, from a clean build environment.

    python3 packaging/build.py                      # what `make bundle` runs
    python3 packaging/build.py --data ~/mnist       # `make bundle DATA=~/mnist`: MNIST inside the bundle
    python3 packaging/build.py --torch "torch torchvision --index-url https://download.pytorch.org/whl/cpu"

The build environment (.venv-bundle/ by default, git-ignored) holds only the app's runtime dependencies
and PyInstaller: whatever else is installed there could end up in the bundle. It is made on the first
run and reused while the requested torch and pyproject.toml stay the same; otherwise it is made anew.
Needs only the standard library, so any Python >= 3.10 can run it (the bundle gets that Python).
"""

import argparse
import hashlib
import os
import shlex
import shutil
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAME = "LoRAStudio"
DEFAULT_TORCH = "torch==2.14.1 torchvision==0.29.1"  # the tested pair (as in the Makefile)
BUILD_TOOLS = ["pyinstaller>=6.10", "pyinstaller-hooks-contrib"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, help="a folder holding the four MNIST IDX files, to bundle")
    parser.add_argument("--dataset", default="mnist", help="which data set --data holds (default: mnist)")
    parser.add_argument("--torch", default=os.environ.get("BUNDLE_TORCH") or DEFAULT_TORCH,
                        help="pip arguments installing torch and torchvision (default: %(default)s; "
                             "or set BUNDLE_TORCH)")
    parser.add_argument("--venv", type=Path, default=ROOT / ".venv-bundle", help="the build environment")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where LoRAStudio/ goes")
    parser.add_argument("--console-twin", action="store_true",
                        help="also make lora-studio, a console executable (always on Windows)")
    args = parser.parse_args(argv)
    started = time.perf_counter()

    python = build_env(args.venv, args.torch)
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    work = ROOT / "build" / "bundle"
    env["LORA_STUDIO_BUNDLE_DATA"] = ""
    if args.data:
        staged = work / "data"
        shutil.rmtree(staged, ignore_errors=True)
        say(f"validating and staging {args.data} as {args.dataset}")
        run([python, "-c", "import sys; from pathlib import Path; from lora_studio.core.data.bundled import stage; "
                           "print(stage(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]))",
             str(args.data.expanduser().resolve()), str(staged), args.dataset], cwd=ROOT, env=env)
        env["LORA_STUDIO_BUNDLE_DATA"] = str(staged)
    if args.console_twin:
        env["LORA_STUDIO_CONSOLE_TWIN"] = "1"

    say("running PyInstaller")
    pyinstaller_started = time.perf_counter()
    run([python, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(args.dist), "--workpath", str(work / "pyinstaller"),
         str(ROOT / "packaging" / "lora_studio.spec")], cwd=ROOT, env=env)
    bundle = args.dist / NAME
    add_beside(bundle)
    report_size(bundle)
    say(f"PyInstaller took {time.perf_counter() - pyinstaller_started:.0f} s, the whole build "
        f"{time.perf_counter() - started:.0f} s")
    executable = bundle / (NAME + (".exe" if sys.platform == "win32" else ""))
    say(f"built {executable}; check it with: {executable} self-test")
    return 0


def build_env(path: Path, torch_args: str) -> Path:
    """The build environment's Python, made (or made anew) so that it holds exactly what the bundle needs."""
    python = path / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    recipe = f"{sys.version}\n{torch_args}\n{BUILD_TOOLS}\n{runtime_dependencies()}"
    stamp = path / ".installed"
    if python.exists() and stamp.exists() and stamp.read_text() == recipe:
        say(f"reusing the build environment {path}")
        return python
    if path.exists():
        say(f"making the build environment {path} anew (torch, pyproject.toml or Python changed)")
        shutil.rmtree(path)
    else:
        say(f"making the build environment {path}")
    started = time.perf_counter()
    venv.create(path, with_pip=True)
    pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    run([*pip, "--upgrade", "pip"])
    run([*pip, *shlex.split(torch_args)])
    # The app's runtime dependencies from pyproject.toml, without the app itself: PyInstaller takes the
    # app from this source tree, so a stale installed copy can never end up in the bundle.
    run([*pip, str(ROOT), *BUILD_TOOLS])
    run([str(python), "-m", "pip", "uninstall", "--quiet", "--yes", "lora-studio"])
    stamp.write_text(recipe)
    say(f"build environment ready in {time.perf_counter() - started:.0f} s")
    return python


def add_beside(bundle: Path) -> None:
    """Files for people, next to the executable: what to do with the folder; on Linux, the menu entry script."""
    shutil.copyfile(ROOT / "packaging" / "README-bundle.txt", bundle / "README.txt")
    if sys.platform.startswith("linux"):
        script = bundle / "install-desktop-entry.sh"
        shutil.copyfile(ROOT / "packaging" / "install-desktop-entry.sh", script)
        script.chmod(0o755)


def runtime_dependencies() -> str:
    """What pyproject.toml asks for at run time (the whole file's hash where Python has no tomllib)."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    try:
        import tomllib
    except ImportError:  # Python 3.10
        return hashlib.sha256(text.encode()).hexdigest()
    return repr(tomllib.loads(text)["project"]["dependencies"])


def report_size(bundle: Path) -> None:
    """The bundle's size, then its biggest parts: top folders of _internal/, then single files."""
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    total = sum(p.stat().st_size for p in files)
    internal = bundle / "_internal"
    parts: dict[str, int] = {}
    for p in files:
        rel = p.relative_to(internal if internal in p.parents else bundle)
        key = rel.parts[0] + ("/" if len(rel.parts) > 1 else "")
        parts[key] = parts.get(key, 0) + p.stat().st_size
    say(f"bundle size: {mb(total)} in {len(files):,} files ({bundle})")
    print("  biggest parts of _internal/:")
    for key, size in sorted(parts.items(), key=lambda kv: -kv[1])[:10]:
        print(f"    {mb(size):>10}  {key}")
    print("  biggest files:")
    for p in sorted(files, key=lambda p: -p.stat().st_size)[:8]:
        print(f"    {mb(p.stat().st_size):>10}  {p.relative_to(bundle)}")


def mb(size: int) -> str:
    return f"{size / 1e6:,.0f} MB"


def say(text: str) -> None:
    print(f"[bundle] {text}", flush=True)


def run(command: list, **kwargs) -> None:
    completed = subprocess.run([str(c) for c in command], **kwargs)
    if completed.returncode:
        raise SystemExit(f"[bundle] failed ({completed.returncode}): {shlex.join(str(c) for c in command)}")


if __name__ == "__main__":
    sys.exit(main())
