"""Light and dark palettes (contrast-checked, WCAG AA), and following the system's scheme.

"system" picks the light or dark palette from `QStyleHints.colorScheme()` and switches live when
the desktop does. Both palettes use the Fusion style (with control boundaries redrawn by
`BoundaryStyle`, r1desk/ui/style.py), so every platform gets colours whose contrast the tests
check (tests/unit/ui/test_polish_theme.py, test_control_contrast.py).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from r1desk.ui.style import BoundaryStyle

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

LIGHT: dict[QPalette.ColorRole, str] = {
    Role.Window: "#f3f4f6",
    Role.WindowText: "#1f2328",
    Role.Base: "#ffffff",
    Role.AlternateBase: "#eef1f5",
    Role.Text: "#1f2328",
    Role.Button: "#e9ebef",
    Role.ButtonText: "#1f2328",
    Role.BrightText: "#ffffff",
    Role.Highlight: "#0b57d0",
    Role.HighlightedText: "#ffffff",
    Role.ToolTipBase: "#ffffff",
    Role.ToolTipText: "#1f2328",
    Role.PlaceholderText: "#60656b",
    Role.Link: "#0b57d0",
    Role.LinkVisited: "#6a3ab2",
    Role.Light: "#ffffff",
    Role.Midlight: "#d9dce1",
    Role.Mid: "#787e86",  # control boundaries (r1desk/ui/style.py): >= 3:1 on Window, Base, groove
    Role.Dark: "#6e757d",
    Role.Shadow: "#3c4043",
}

DARK: dict[QPalette.ColorRole, str] = {
    Role.Window: "#1f2125",
    Role.WindowText: "#e6e6e6",
    Role.Base: "#17181b",
    Role.AlternateBase: "#24262b",
    Role.Text: "#e6e6e6",
    Role.Button: "#2b2e33",
    Role.ButtonText: "#e6e6e6",
    Role.BrightText: "#ffffff",
    Role.Highlight: "#3d6fb6",
    Role.HighlightedText: "#ffffff",
    Role.ToolTipBase: "#2b2e33",
    Role.ToolTipText: "#e6e6e6",
    Role.PlaceholderText: "#8f949d",
    Role.Link: "#7fb0ff",
    Role.LinkVisited: "#c3a6ff",
    Role.Light: "#3a3d43",
    Role.Midlight: "#33363c",
    Role.Mid: "#71767f",  # control boundaries: >= 3:1 on Window, Base, scroll bar groove
    Role.Dark: "#101114",
    Role.Shadow: "#000000",
}

# Disabled text: WCAG sets no minimum for inactive controls; we keep it above 3:1 anyway.
DISABLED_TEXT = {False: "#767b82", True: "#80858d"}
# Error text, and the failure banner's (background, border, text), per theme (dark: True).
ERROR_TEXT = {False: "#b3261e", True: "#ff9b91"}
BANNER = {False: ("#fdecea", "#b4554b", "#5f1d16"), True: ("#3b1f1d", "#c0736b", "#ffd9d4")}
# Set on widgets whose text shows in ERROR_TEXT (see `mark_error`).
ERROR_PROPERTY = "r1deskErrorText"


def is_dark(palette: QPalette) -> bool:
    return palette.color(Role.Window).lightness() < 128


def build_palette(dark: bool) -> QPalette:
    palette = QPalette()
    for role, color in (DARK if dark else LIGHT).items():
        palette.setColor(role, QColor(color))
    disabled = QColor(DISABLED_TEXT[dark])
    for role in (Role.Text, Role.ButtonText, Role.WindowText, Role.PlaceholderText):
        palette.setColor(Group.Disabled, role, disabled)
    return palette


def scheme_is_dark(theme: str, scheme: Qt.ColorScheme) -> bool:
    """Whether `theme` ("system", "light", "dark") shows dark under the system's scheme."""
    if theme == "system":
        return scheme == Qt.ColorScheme.Dark
    return theme == "dark"


def apply_theme(app: QApplication, theme: str, scheme: Qt.ColorScheme | None = None) -> None:
    """Apply a theme now; "system" reads the current scheme unless one is given."""
    if scheme is None:
        scheme = QGuiApplication.styleHints().colorScheme()
    if not isinstance(app.style(), BoundaryStyle):
        app.setStyle(BoundaryStyle())
    dark = scheme_is_dark(theme, scheme)
    app.setPalette(build_palette(dark))
    for widget in app.allWidgets():
        if widget.property(ERROR_PROPERTY):
            set_text_colour(widget, ERROR_TEXT[dark])


def set_text_colour(widget: QWidget, colour: str) -> None:
    """The widget's text in `colour`, through its palette: everything else (and a later
    theme or font change) still follows the parent, which a style sheet would stop."""
    palette = QPalette()  # only the text colour is set
    palette.setColor(Group.Active, Role.WindowText, QColor(colour))
    palette.setColor(Group.Inactive, Role.WindowText, QColor(colour))
    widget.setPalette(palette)


def mark_error(widget: QWidget, error: bool = True) -> None:
    """Show the widget's text in the error colour (AA in either theme), or in the normal one.

    Done with the palette, not a style sheet: the colour follows a live theme switch (see
    `apply_theme`) and the widget keeps following the app's font size.
    """
    if error == bool(widget.property(ERROR_PROPERTY)):
        return
    widget.setProperty(ERROR_PROPERTY, error)
    if error:
        set_text_colour(widget, ERROR_TEXT[is_dark(QApplication.palette())])
    else:
        widget.setPalette(QPalette())  # nothing set: all inherited again


def set_error_text(label: QLabel, text: str, *, error: bool = True) -> None:
    mark_error(label, error and bool(text))
    label.setText(text)


class ThemeManager(QObject):
    """Owns the app's theme choice; follows the system scheme while the choice is "system"."""

    def __init__(self, app: QApplication, theme: str = "system") -> None:
        super().__init__(app)
        self.setObjectName("r1desk-theme-manager")
        self._app = app
        self.theme = theme
        self.scheme = QGuiApplication.styleHints().colorScheme()
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_scheme_changed)
        apply_theme(app, theme, self.scheme)

    @staticmethod
    def of(app: QApplication) -> ThemeManager:
        """The app's manager (created, following "system", if none exists yet)."""
        found = app.findChild(ThemeManager, "r1desk-theme-manager")
        return found if isinstance(found, ThemeManager) else ThemeManager(app)

    @property
    def dark(self) -> bool:
        return scheme_is_dark(self.theme, self.scheme)

    def set_theme(self, theme: str) -> None:
        self.theme = theme
        apply_theme(self._app, theme, self.scheme)

    def set_font_size(self, points: int | None) -> None:
        """The app-wide font size in points; None: the platform's."""
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
        if points:
            font.setPointSize(points)
        self._app.setFont(font)

    def _on_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        self.scheme = scheme
        if self.theme == "system":
            apply_theme(self._app, self.theme, scheme)
