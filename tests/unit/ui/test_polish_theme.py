"""Theme colours meet WCAG AA, and "system" follows the desktop's light/dark switch live."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from r1desk.ui.style import BoundaryStyle
from r1desk.ui.theme import (
    BANNER,
    DARK,
    DISABLED_TEXT,
    ERROR_TEXT,
    LIGHT,
    ThemeManager,
    is_dark,
)

R = QPalette.ColorRole
TEXT_PAIRS = [
    (R.Text, R.Base),
    (R.Text, R.AlternateBase),
    (R.WindowText, R.Window),
    (R.ButtonText, R.Button),
    (R.HighlightedText, R.Highlight),
    (R.PlaceholderText, R.Base),
    (R.Link, R.Base),
    (R.Link, R.Window),
    (R.ToolTipText, R.ToolTipBase),
]
UI_PAIRS = [(R.Highlight, R.Base), (R.Highlight, R.Window), (R.Mid, R.Base), (R.Mid, R.Window)]


def luminance(color: str) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    c = QColor(color)
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: str, b: str) -> float:
    low, high = sorted((luminance(a), luminance(b)))
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize(("name", "colors"), [("light", LIGHT), ("dark", DARK)])
def test_palette_text_meets_wcag_aa(name: str, colors: dict[R, str]) -> None:
    for fg, bg in TEXT_PAIRS:
        ratio = contrast(colors[fg], colors[bg])
        assert ratio >= 4.5, f"{name}: {fg.name} on {bg.name} is {ratio:.2f}:1"
    for fg, bg in UI_PAIRS:  # focus marks, frames: non-text contrast
        ratio = contrast(colors[fg], colors[bg])
        assert ratio >= 3.0, f"{name}: {fg.name} against {bg.name} is {ratio:.2f}:1"


@pytest.mark.parametrize("dark", [False, True])
def test_error_disabled_and_banner_colours_are_readable(dark: bool) -> None:
    colors = DARK if dark else LIGHT
    for bg in (colors[R.Window], colors[R.Base]):
        assert contrast(ERROR_TEXT[dark], bg) >= 4.5
        assert contrast(DISABLED_TEXT[dark], bg) >= 3.0
    background, border, text = BANNER[dark]
    assert contrast(text, background) >= 4.5
    assert contrast(colors[R.ButtonText], colors[R.Button]) >= 4.5  # its buttons
    assert contrast(border, colors[R.Window]) >= 3.0


@pytest.fixture
def manager(qapp: QApplication) -> Iterator[ThemeManager]:
    manager = ThemeManager.of(qapp)
    yield manager
    manager.set_theme("system")
    manager.scheme = QGuiApplication.styleHints().colorScheme()
    manager.set_theme("system")


def window_is_dark() -> bool:
    return is_dark(QApplication.palette())


def test_system_theme_follows_the_desktop_live(manager: ThemeManager) -> None:
    manager.set_theme("system")
    hints = QGuiApplication.styleHints()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # what Qt sends when the desktop switches
    assert window_is_dark()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert not window_is_dark()


def test_an_explicit_theme_ignores_the_desktop(manager: ThemeManager) -> None:
    manager.set_theme("dark")
    assert window_is_dark()
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert window_is_dark()
    manager.set_theme("light")
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert not window_is_dark()
    style = QApplication.style()
    assert isinstance(style, BoundaryStyle)
    assert style.baseStyle().name().lower() == "fusion"


def test_one_manager_per_app(qapp: QApplication) -> None:
    assert ThemeManager.of(qapp) is ThemeManager.of(qapp)
