"""Light and dark palettes; "system" keeps what the desktop gives."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

Role = QPalette.ColorRole

DARK = {
    Role.Window: "#1f2125",
    Role.WindowText: "#e6e6e6",
    Role.Base: "#17181b",
    Role.AlternateBase: "#24262b",
    Role.Text: "#e6e6e6",
    Role.Button: "#2b2e33",
    Role.ButtonText: "#e6e6e6",
    Role.Highlight: "#3d6fb6",
    Role.HighlightedText: "#ffffff",
    Role.ToolTipBase: "#2b2e33",
    Role.ToolTipText: "#e6e6e6",
    Role.PlaceholderText: "#8a8f98",
    Role.Link: "#7fb0ff",
    Role.Mid: "#3a3d43",
    Role.Dark: "#101114",
}


def is_dark(palette: QPalette) -> bool:
    return palette.color(Role.Window).lightness() < 128


def apply_theme(app: QApplication, theme: str) -> None:
    """'dark' or 'light' force a Fusion palette; 'system' uses the platform's own."""
    if theme == "system":
        app.setPalette(app.style().standardPalette())
        return
    app.setStyle("Fusion")
    palette = app.style().standardPalette()
    if theme == "dark":
        for role, color in DARK.items():
            palette.setColor(role, QColor(color))
        disabled = QColor("#6b6f76")
        for role in (Role.Text, Role.ButtonText, Role.WindowText):
            palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    app.setPalette(palette)
