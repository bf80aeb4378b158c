#!/usr/bin/env bash
# `make bundle-test`: build the bundle from a fresh clone of this repository (its committed HEAD, nothing
# uncommitted), then run it as a user would, with a clean environment — no venv on PATH, nothing of the
# build's Python — : `LoRAStudio self-test`, then the window (`gui --quit-after-shown`, offscreen, each tab
# shown once), in English and once more in Chinese.
# The bundle carries a generated MNIST-like data set (make bundle DATA=…), so the first start's import of
# bundled data is checked too; DATA=<folder> bundles that folder instead (e.g. the real MNIST).
#
#   BUNDLE_VENV=<path>  reuse a build environment (default: a new one inside the clone, as CI has)
#   BUNDLE_TORCH=…      pip arguments for torch and torchvision (see packaging/README.md)
#   KEEP=1              keep the temporary folder (clone, build environment, bundle) for a look
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
started=$SECONDS
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lora-studio-bundle-test.XXXXXX")
cleanup() { if [ "${KEEP:-0}" = 1 ]; then echo "[smoke] kept $tmp"; else rm -rf "$tmp"; fi; }
trap cleanup EXIT
step() { echo "[smoke] $(( SECONDS - started )) s: $*"; }
fail() { echo "[smoke] FAILED: $*" >&2; exit 1; }

step "cloning $repo into $tmp/src"
git clone --quiet --no-hardlinks "$repo" "$tmp/src"
cd "$tmp/src"
echo "[smoke] at $(git log -1 --format='%h %s')"

python=${PYTHON:-python3}
venv=${BUNDLE_VENV:-$tmp/src/.venv-bundle}
data=${DATA:-}
if [ -z "$data" ]; then
    # 2,000 generated images in MNIST's IDX format; written with the build environment's Python below
    data="$tmp/data"
fi

step "building (build environment: $venv)"
build_started=$SECONDS
if [ "$data" = "$tmp/data" ]; then
    # the environment is made by build.py; make it first so its Python can write the generated data
    "$python" -c "import sys; sys.path.insert(0, 'packaging'); import build; build.build_env(build.Path(sys.argv[1]), build.os.environ.get('BUNDLE_TORCH') or build.DEFAULT_TORCH)" "$venv"
    "$venv/bin/python" -c "import sys; from lora_studio.core.data import synthetic; synthetic.write_folder(sys.argv[1], n_train=1500, n_test=500, seed=3)" "$data"
fi
"$python" packaging/build.py --venv "$venv" --data "$data"
build_seconds=$(( SECONDS - build_started ))
bundle="$tmp/src/dist/LoRAStudio"
[ -x "$bundle/LoRAStudio" ] || fail "no executable $bundle/LoRAStudio"
touch "$tmp/built"  # anything in the bundle newer than this was written by running it

home="$tmp/home"
studio="$tmp/studio-home"
mkdir -p "$home"
run() {  # the bundle, as from a double-click or a bare terminal: only HOME, the data folder and Qt's platform
    env -i HOME="$home" LORA_STUDIO_HOME="$studio" QT_QPA_PLATFORM=offscreen PATH=/usr/bin:/bin \
        "$bundle/LoRAStudio" "$@"
}

step "LoRAStudio self-test"
self_started=$SECONDS
rc=0
run self-test > "$tmp/self-test.log" 2>&1 || rc=$?
cat "$tmp/self-test.log"
[ "$rc" = 0 ] || fail "self-test exited with $rc"
grep -q "ok   bundled data" "$tmp/self-test.log" || fail "the self-test did not check the bundled data"
self_seconds=$(( SECONDS - self_started ))

step "LoRAStudio gui --quit-after-shown (first start: imports the bundled data)"
gui_started=$SECONDS
run gui --quit-after-shown > "$tmp/gui.log" 2>&1 || { cat "$tmp/gui.log"; fail "the window did not start and quit cleanly"; }
cat "$tmp/gui.log"
check_window_log() {  # $1: the log of one `gui --quit-after-shown`, $2: the language it must have started in
    grep -q "^shown_after_s=" "$1" || fail "the window was not shown"
    grep -q "^language=$2\$" "$1" || fail "the window did not start in $2"
    grep -q "^ready_after_s=" "$1" || fail "PyTorch did not load in the window"
    grep -q "^tabs_shown=.*learnTab" "$1" || fail "the window did not show each tab, the Learn tab among them"
    if grep -E "Traceback|QThread: Destroyed|translation not found" "$1"; then fail "errors while the window ran"; fi
}
check_window_log "$tmp/gui.log" en
for stem in train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte; do
    [ -f "$studio/datasets/MNIST/raw/$stem" ] || fail "the bundled data was not imported: no $stem in $studio"
done
echo "[smoke] bundled data imported into $studio/datasets/MNIST/raw"
gui_seconds=$(( SECONDS - gui_started ))

step "LoRAStudio gui --quit-after-shown in Chinese (LORA_STUDIO_LANGUAGE=zh_CN)"
env -i HOME="$home" LORA_STUDIO_HOME="$studio" QT_QPA_PLATFORM=offscreen PATH=/usr/bin:/bin LORA_STUDIO_LANGUAGE=zh_CN \
    "$bundle/LoRAStudio" gui --quit-after-shown > "$tmp/gui-zh.log" 2>&1 || { cat "$tmp/gui-zh.log"; fail "the Chinese window did not start and quit cleanly"; }
cat "$tmp/gui-zh.log"
check_window_log "$tmp/gui-zh.log" zh_CN
for file in lora_studio/translations/lora_studio_zh_CN.qm PySide6/Qt/translations/qtbase_zh_CN.qm \
            lora_studio/resources/fonts/NotoSansCJKsc-LoRAStudio-subset.otf; do
    [ -f "$bundle/_internal/$file" ] || fail "not in the bundle: $file"
done

step "the command line sees the imported data"
run data list > "$tmp/data.log" 2>&1 || { cat "$tmp/data.log"; fail "data list failed"; }
cat "$tmp/data.log"
grep -qi "mnist" "$tmp/data.log" || fail "data list does not show MNIST"

step "desktop integration"
[ -f "$bundle/_internal/lora_studio/resources/lora-studio-256.png" ] || fail "no icon in the bundle"
env -i HOME="$home" XDG_DATA_HOME="$tmp/share" PATH=/usr/bin:/bin sh "$bundle/install-desktop-entry.sh"
if command -v desktop-file-validate > /dev/null; then
    desktop-file-validate "$tmp/share/applications/lora-studio.desktop" || fail "the desktop entry is not valid"
fi

written=$(find "$bundle" -newer "$tmp/built" | head -5)
[ -z "$written" ] || fail "running the app wrote inside its bundle: $written"
echo "[smoke] nothing was written inside the bundle"

echo "[smoke] bundle: $(du -sh "$bundle" | cut -f1); build ${build_seconds} s, self-test ${self_seconds} s, window ${gui_seconds} s"
echo "[smoke] passed in $(( SECONDS - started )) s"
