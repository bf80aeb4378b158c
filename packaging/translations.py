"""Refresh the window's translations: the .ts files from the sources, the .qm files, the Chinese font subset.

    .venv/bin/python packaging/translations.py          # what `make translations` runs
    .venv/bin/python packaging/translations.py --check  # exit 1 if anything committed is out of date

1. `pyside6-lupdate` reads every .py under lora_studio/gui/ and lora_studio/core/ (the core marks its texts with
   core/i18n.py's QT_TRANSLATE_NOOP, which lupdate finds by name) and updates
   lora_studio/translations/lora_studio_<language>.ts: new strings come in unfinished, strings the code
   no longer has are dropped (`-no-obsolete`), translations already made are kept.
2. `pyside6-lrelease` compiles each .ts into the .qm the app loads (package data: wheel and bundle).
3. The command line has no Qt translator, yet `lora-studio export-code --language zh_CN` writes Chinese comments:
   the "export" context of each .ts is written out as a Python table the core reads
   (lora_studio/core/export_code/comments_zh_cn.py, generated: the .ts stays the one place to translate).
4. For Chinese, a subset of Noto Sans CJK SC holding every character of our translations and of Qt's own
   (qtbase_zh_CN.qm) is written to lora_studio/resources/fonts/: the app registers it only when the
   system has no font for Chinese (a fresh Debian has DejaVu alone). Needs fontTools (a dev dependency)
   and the full font (Debian: fonts-noto-cjk; or NOTO_CJK_FONT=<path to a .ttc/.otf>).

Translators edit the .ts files (Qt Linguist: `.venv/bin/pyside6-linguist <file>.ts`), then run this again.
`--reuse` first fills each new message whose English is already translated in another context (a text that moved
from the window to the core keeps its translation) and lists them to be read.
"""

import argparse
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = (ROOT / "lora_studio" / "gui", ROOT / "lora_studio" / "core")  # the window's texts, the core's marked ones
TRANSLATIONS = ROOT / "lora_studio" / "translations"
FONT_DIR = ROOT / "lora_studio" / "resources" / "fonts"
FONT = FONT_DIR / "NotoSansCJKsc-LoRAStudio-subset.otf"  # the name lora_studio/gui/i18n/language.py loads
LANGUAGES = ("zh_CN",)  # every language but English, which the sources are written in
LANGUAGE_NAMES = "简体中文"  # drawn by the View → Language menu, not part of any translation
FULL_FONT_FAMILY = "Noto Sans CJK SC"
EXPORT_CONTEXT = "export"  # core/export_code/comments.py marks an exported script's comments in this context
EXPORT_TABLES = {"zh_CN": ROOT / "lora_studio" / "core" / "export_code" / "comments_zh_cn.py"}
FULL_FONT_CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",  # Debian, Ubuntu: fonts-noto-cjk
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",  # Arch, Fedora
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
)


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"lora_studio_{language}.ts"


def qm_path(language: str) -> Path:
    return TRANSLATIONS / f"lora_studio_{language}.qm"


def tool(name: str) -> str:
    """A Qt tool of the PySide6 beside this Python (the venv's), else from PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"translations: {name} not found (it comes with PySide6: pip install PySide6-Essentials)")
    return found


def sources() -> list[Path]:
    return sorted(p for folder in SOURCES for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def lupdate(ts: Path) -> None:
    """Update `ts` from the sources (paths in it relative to it, so the file is the same on every machine)."""
    ts.parent.mkdir(parents=True, exist_ok=True)
    listing = ts.parent / f".{ts.stem}.sources.lst"  # an @list: the command line would get long
    listing.write_text("\n".join(os.path.relpath(p, ts.parent) for p in sources()) + "\n", encoding="utf-8")
    try:
        run([tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "relative",
             f"@{listing.name}", "-ts", ts.name], cwd=ts.parent)
    finally:
        listing.unlink()


def lrelease(ts: Path, qm: Path) -> None:
    run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)])


def messages(ts: Path) -> dict[tuple[str, str], str]:
    """(context, source) → translation ("" where none yet) of every message in a .ts file."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            text = "".join(translation.itertext()) if translation is not None else ""
            found[(name, message.findtext("source") or "")] = text
    return found


def finished_messages(ts: Path) -> dict[tuple[str, str], str]:
    """(context, source) → translation of every message a translator finished (not lupdate's suggestions)."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None and translation.text:
                found[(context.findtext("name") or "", message.findtext("source") or "")] = translation.text
    return found


def qm_translations(qm: Path) -> list[str]:
    """The translated texts of a compiled .qm file (Qt's binary format: tagged sections, UTF-16 translations)."""
    data = qm.read_bytes()
    magic = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
    if not data.startswith(magic):
        raise ValueError(f"{qm} is not a .qm file")
    texts, pos = [], len(magic)
    while pos + 5 <= len(data):
        tag, length = data[pos], struct.unpack(">I", data[pos + 1:pos + 5])[0]
        pos += 5
        if tag == 0x69:  # the messages
            texts.extend(_message_texts(data[pos:pos + length]))
        pos += length
    return texts


def _message_texts(block: bytes) -> list[str]:
    texts, pos = [], 0
    while pos < len(block):
        tag = block[pos]
        pos += 1
        if tag == 1:  # end of a message
            continue
        if tag == 5:  # an old hash: 4 bytes
            pos += 4
            continue
        length = struct.unpack(">I", block[pos:pos + 4])[0]
        pos += 4
        if length == 0xFFFFFFFF:  # a null string
            continue
        if tag == 3:  # a translation, UTF-16 big-endian
            texts.append(block[pos:pos + length].decode("utf-16-be", errors="replace"))
        pos += length
    return texts


def qt_catalogue(language: str) -> Path | None:
    from PySide6.QtCore import QLibraryInfo

    path = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / f"qtbase_{language}.qm"
    return path if path.is_file() else None


def characters_to_draw(language: str) -> set[str]:
    """Every character outside ASCII that the window in `language` may show from a translation."""
    texts = [*messages(ts_path(language)).values(), LANGUAGE_NAMES]
    qt = qt_catalogue(language)
    if qt is not None:
        texts.extend(qm_translations(qt))
    return {ch for text in texts for ch in text if ord(ch) > 0x7F and ch.isprintable()}


def full_font() -> tuple[Path, int]:
    """The whole Noto Sans CJK SC (a .ttc holds several fonts: the index of the SC one)."""
    from fontTools.ttLib import TTCollection, TTFont

    candidates = [os.environ["NOTO_CJK_FONT"]] if os.environ.get("NOTO_CJK_FONT") else list(FULL_FONT_CANDIDATES)
    fc_match = shutil.which("fc-match")
    if fc_match and not os.environ.get("NOTO_CJK_FONT"):
        found = subprocess.run([fc_match, "-f", "%{file}", f"{FULL_FONT_FAMILY}:style=Regular"],
                               capture_output=True, text=True).stdout.strip()
        candidates.append(found)
    for candidate in filter(None, candidates):
        path = Path(candidate)
        if not path.is_file():
            continue
        if path.suffix.lower() == ".ttc":
            for index, font in enumerate(TTCollection(str(path), lazy=True).fonts):
                if font["name"].getDebugName(1) == FULL_FONT_FAMILY:
                    return path, index
        elif TTFont(str(path), lazy=True)["name"].getDebugName(1) == FULL_FONT_FAMILY:
            return path, 0
    raise SystemExit(f"translations: {FULL_FONT_FAMILY} not found; install it (Debian: apt-get install "
                     "fonts-noto-cjk) or point NOTO_CJK_FONT at NotoSansCJK-Regular.ttc")


def font_covers(path: Path, characters: set[str]) -> set[str]:
    """The characters the font at `path` lacks."""
    from fontTools.ttLib import TTFont

    if not path.is_file():
        return set(characters)
    cmap = TTFont(str(path), lazy=True).getBestCmap()
    return {ch for ch in characters if ord(ch) not in cmap}


def subset_font(characters: set[str], out: Path) -> None:
    """Noto Sans CJK SC cut down to `characters`, written so that the same input gives the same bytes."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    path, index = full_font()
    font = TTFont(str(path), fontNumber=index, recalcTimestamp=False)
    options = subset.Options()
    options.name_IDs = ["*"]  # keep the copyright and licence records (OFL)
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.layout_features = ["*"]
    # keep the original's claim to cover Chinese (OS/2 code pages): Qt lists fonts by writing system from it
    options.prune_codepage_ranges = False
    options.prune_unicode_ranges = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(ch) for ch in characters))
    subsetter.subset(font)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=out.parent, suffix=".tmp", delete=False) as tmp:
        font.save(tmp.name)
    Path(tmp.name).chmod(0o644)  # a temp file is private; package data is not
    Path(tmp.name).replace(out)


def reuse_translations(ts: Path, memory: dict[tuple[str, str], str]) -> list[tuple[str, str]]:
    """Finish each unfinished message of `ts` whose English `memory` (finished_messages) translates,
    word for word the same English, in another context: a text that moved (the GUI's copy of a core text now
    marked in the core) keeps its translation. Only a source translated one way is reused, and never for a message
    with a disambiguation (it says the English means something else there). Returns the (context, source) filled,
    for the translator to read."""
    by_source: dict[str, set[str]] = {}
    for (_context, source), text in {**memory, **finished_messages(ts)}.items():
        if text:
            by_source.setdefault(source, set()).add(text)
    tree = ET.parse(ts)
    filled = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            # lupdate may have put a suggestion there, from the same or a merely similar text: only the same counts
            if translation is None or translation.get("type") != "unfinished" or message.find("comment") is not None:
                continue
            found = by_source.get(message.findtext("source") or "", set())
            if len(found) == 1:
                translation.text = next(iter(found))
                del translation.attrib["type"]
                filled.append((name, message.findtext("source") or ""))
    if filled:
        tree.write(ts, encoding="utf-8", xml_declaration=True)
        lupdate(ts)  # lupdate's own layout again (ElementTree drops the doctype)
    return filled


def export_table(ts: Path) -> str:
    """The Python module holding the "export" context of `ts` (English → translation), for the command line."""
    table = {source: text for (context, source), text in messages(ts).items() if context == EXPORT_CONTEXT and text}
    lines = [
        "# ruff: noqa: E501",
        f'"""An exported script\'s comments (comments.py) in {ts.stem.split("_", 2)[-1]}, keyed by the English text.',
        "",
        f"Generated by packaging/translations.py from lora_studio/translations/{ts.name}",
        f"(context \"{EXPORT_CONTEXT}\"),"
        " so that the command line, which has no Qt translator, writes them too: translate them there, not here.",
        '"""',
        "",
        "ZH_CN: dict[str, str] = {",
        *(f"    {source!r}: {text!r}," for source, text in sorted(table.items())),
        "}",
        "",
    ]
    return "\n".join(lines)


def refresh(reuse: bool = False) -> int:
    for language in LANGUAGES:
        ts, qm = ts_path(language), qm_path(language)
        memory = finished_messages(ts) if ts.is_file() else {}
        lupdate(ts)
        if reuse:
            for context, source in reuse_translations(ts, memory):
                print(f"reused in {context}: {source[:100]}")
        lrelease(ts, qm)
        if language in EXPORT_TABLES:
            EXPORT_TABLES[language].write_text(export_table(ts), encoding="utf-8")
        table = messages(ts)
        done = sum(1 for text in table.values() if text)
        print(f"{ts.relative_to(ROOT)}: {len(table)} messages, {done} translated")
        print(f"{qm.relative_to(ROOT)}: {qm.stat().st_size:,} bytes")
        if language.startswith("zh"):
            characters = characters_to_draw(language)
            subset_font(characters, FONT)
            print(f"{FONT.relative_to(ROOT)}: {len(characters):,} characters, {FONT.stat().st_size:,} bytes")
    return 0


def check() -> int:
    """Whether the committed files are what `refresh` would write (for CI: tests/packaging/test_translations.py)."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for language in LANGUAGES:
            ts, qm = ts_path(language), qm_path(language)
            # a copy beside the original: lupdate writes the sources' paths relative to the .ts file
            fresh_ts = TRANSLATIONS / f".check-{ts.name}"
            shutil.copyfile(ts, fresh_ts)
            try:
                lupdate(fresh_ts)
                if set(messages(fresh_ts)) != set(messages(ts)):
                    problems.append(f"{ts.name} does not hold the strings the sources have")
            finally:
                fresh_ts.unlink(missing_ok=True)
            fresh_qm = Path(tmp) / qm.name
            lrelease(ts, fresh_qm)
            if not qm.is_file() or fresh_qm.read_bytes() != qm.read_bytes():
                problems.append(f"{qm.name} is not {ts.name} compiled")
            table = EXPORT_TABLES.get(language)
            if table is not None and (not table.is_file() or table.read_text(encoding="utf-8") != export_table(ts)):
                problems.append(f"{table.name} is not the {EXPORT_CONTEXT} context of {ts.name}")
    for problem in problems:
        print(f"translations: {problem}: run `make translations`", file=sys.stderr)
    return 1 if problems else 0


def run(command: list, **kwargs) -> None:
    completed = subprocess.run([str(c) for c in command], **kwargs)
    if completed.returncode:
        raise SystemExit(f"translations: failed ({completed.returncode}): {' '.join(map(str, command))}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check that the committed files are up to date")
    parser.add_argument("--reuse", action="store_true",
                        help="fill a new message with the translation its English already has in another context")
    args = parser.parse_args(argv)
    return check() if args.check else refresh(args.reuse)


if __name__ == "__main__":
    sys.exit(main())
