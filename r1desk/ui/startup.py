"""What the app sets up once, before the first window: theme, font size, language."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from r1desk.settings import Settings
from r1desk.ui.i18n import install_translators
from r1desk.ui.theme import ThemeManager


def prepare_app(app: QApplication, settings: Settings) -> str:
    """Install translators and apply theme and font size; returns the language shown.

    Call before building the window (texts are translated when widgets are made). The theme
    then follows the system's light/dark scheme live while the setting is "system".
    """
    language = install_translators(app, settings.language)
    manager = ThemeManager.of(app)
    manager.set_theme(settings.theme)
    manager.set_font_size(settings.font_size)
    return language
