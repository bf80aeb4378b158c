#!/bin/sh
# Put LoRA Studio in the desktop's application menu (Linux): run it from the LoRAStudio folder, where
# `make bundle` copies it. It writes only under your own data folder (~/.local/share): the .desktop file,
# pointing at this folder's LoRAStudio, and the icon. Move the folder? Run it again.
# To undo: rm ~/.local/share/applications/lora-studio.desktop ~/.local/share/icons/hicolor/*/apps/lora-studio.*
set -eu
here=$(cd "$(dirname "$0")" && pwd)
resources="$here/_internal/lora_studio/resources"
share=${XDG_DATA_HOME:-$HOME/.local/share}
[ -x "$here/LoRAStudio" ] || { echo "install-desktop-entry.sh: no LoRAStudio beside me in $here" >&2; exit 1; }
for size in 16 24 32 48 64 128 256; do
    mkdir -p "$share/icons/hicolor/${size}x${size}/apps"
    cp "$resources/lora-studio-$size.png" "$share/icons/hicolor/${size}x${size}/apps/lora-studio.png"
done
mkdir -p "$share/icons/hicolor/scalable/apps" "$share/applications"
cp "$resources/lora-studio.svg" "$share/icons/hicolor/scalable/apps/lora-studio.svg"
# Exec takes the path in double quotes (it may hold spaces); TryExec takes it as it is.
sed -e "s|^Exec=.*|Exec=\"$here/LoRAStudio\"|" -e "s|^TryExec=.*|TryExec=$here/LoRAStudio|" \
    "$here/_internal/lora-studio.desktop" > "$share/applications/lora-studio.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$share/applications" || true
echo "LoRA Studio is in the application menu: $share/applications/lora-studio.desktop"
