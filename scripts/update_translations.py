"""Regenerate r1desk's translation sources and compiled catalogues.

    python scripts/update_translations.py          # update every .ts from r1desk, compile .qm
    python scripts/update_translations.py --check  # fail if a .ts misses a string or a translation

pyside6-lupdate collects every `self.tr(...)` / `translate("Context", ...)` text from
r1desk/ui/*.py, and every `QT_TRANSLATE_NOOP("Context", ...)` text (see r1desk/texts.py)
from the layers below the UI, into r1desk/translations/r1desk_<lang>.ts (keeping existing
translations and dropping texts no longer used); translators edit the .ts (Qt Linguist or
by hand); then pyside6-lrelease compiles each .ts to the .qm that r1desk loads at start-up.
English is the source language, so its catalogue holds only the texts with plural forms
(`self.tr("%n file(s)", "", n)`): "1 file", "2 files".
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "r1desk"
TRANSLATIONS = ROOT / "r1desk" / "translations"
LANGUAGES = ("zh_CN", "en")
PLURALS_ONLY = ("en",)


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        sys.exit(f"{name} not found: it comes with PySide6 (pip install PySide6-Essentials)")
    return found


def lupdate(ts: Path, language: str) -> None:
    sources = sorted(str(p) for p in PACKAGE.rglob("*.py"))
    options = ["-no-obsolete", "-locations", "none", "-target-language", language]
    if language in PLURALS_ONLY:
        options.append("-pluralonly")
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources, *options, "-ts", str(ts)],
        check=True,
        capture_output=True,
    )


def lrelease(ts: Path) -> None:
    qm = ts.with_suffix(".qm")
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True)


def unfinished(ts: Path) -> list[str]:
    """Source texts without a finished translation."""
    missing = []
    root = ET.parse(ts).getroot()  # noqa: S314  our own file
    for message in root.iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") is not None:
            missing.append(message.findtext("source") or "")
            continue
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        if not all(form.strip() for form in forms):
            missing.append(message.findtext("source") or "")
    return missing


def check() -> int:
    problems = 0
    for language in LANGUAGES:
        ts = TRANSLATIONS / f"r1desk_{language}.ts"
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / ts.name
            shutil.copy(ts, copy)
            lupdate(copy, language)
            missing = unfinished(copy)
        for text in missing:
            print(f"{ts.name}: not translated: {text!r}")
        problems += len(missing)
    return 1 if problems else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report missing translations")
    args = parser.parse_args()
    if args.check:
        return check()
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        ts = TRANSLATIONS / f"r1desk_{language}.ts"
        lupdate(ts, language)
        lrelease(ts)
        missing = unfinished(ts)
        print(f"{ts.relative_to(ROOT)}: {len(missing)} text(s) still to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
