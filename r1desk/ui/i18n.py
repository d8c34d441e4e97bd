"""Qt translators for r1desk's own texts and Qt's standard ones (OK, Cancel, …).

English is the source language; `r1desk/translations/r1desk_<lang>.qm` holds the others
(regenerate with `python scripts/update_translations.py`). "system" follows the user's
preferred UI languages from the OS. Texts made below the UI (errors, validation reasons) are
`r1desk.texts.Text`s: every widget shows them through `translated` or `error_text`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from r1desk.texts import Text, render

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "translations"
SHIPPED = ("en", "zh_CN")
_NAME = "r1desk-translator"


def translated(text: str) -> str:
    """`text` in the UI's language when it is a `Text` from below the UI; any other str as is."""
    return render(text, QCoreApplication.translate)


def error_text(error: BaseException) -> str:
    """An exception's message in the UI's language (when it was made from a `Text`)."""
    if len(error.args) == 1 and isinstance(error.args[0], Text):
        return translated(error.args[0])
    return str(error)


def resolve_language(setting: str, locale: QLocale | None = None) -> str:
    """The language to show: the setting, or for "system" the first shipped one the user
    prefers (else English)."""
    if setting != "system":
        return setting if setting in SHIPPED else "en"
    traditional = False  # zh-Hant-TW is followed by a bare "zh" that must not mean zh_CN
    for tag in (locale or QLocale.system()).uiLanguages():
        parts = tag.replace("-", "_").split("_")
        if parts[0] == "en":
            return "en"
        if parts[0] == "zh":
            traditional = traditional or bool({"Hant", "TW", "HK", "MO"} & set(parts[1:]))
            if not traditional:
                return "zh_CN"
    return "en"


def install_translators(app: QCoreApplication, setting: str) -> str:
    """Replace any translators installed before; returns the language now shown."""
    for old in app.findChildren(QTranslator, _NAME):
        app.removeTranslator(old)
        old.deleteLater()
        old.setObjectName("")
    language = resolve_language(setting)
    sources = [(TRANSLATIONS_DIR, f"r1desk_{language}")]  # English's: its plural forms only
    if language != "en":
        qt_translations = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        sources.append((qt_translations, f"qtbase_{language}"))
    loaded = False
    for folder, name in sources:
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            translator.setObjectName(_NAME)
            app.installTranslator(translator)
            loaded = loaded or name.startswith("r1desk")
        else:
            translator.deleteLater()
    return language if loaded else "en"
