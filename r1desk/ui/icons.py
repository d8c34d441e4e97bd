"""The application icon, read from the package data in `r1desk.resources`.

importlib.resources finds it wherever r1desk runs from: a wheel, an editable install
(`resources/` in the checkout) or the PyInstaller bundle.
"""

from __future__ import annotations

from importlib.resources import files

from PySide6.QtGui import QIcon, QPixmap

APP_ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)  # shipped, for installers and desktop files
# Title bar, task bar and task switcher: 128 px covers 64 px at 200 % scaling. X11 decodes
# every size a window icon has; the 256 and 512 px ones cost 1.3 MB for nothing.
WINDOW_ICON_SIZES = (16, 32, 48, 64, 128)


def app_icon() -> QIcon:
    """The window's icon in WINDOW_ICON_SIZES; needs a QGuiApplication."""
    folder = files("r1desk.resources") / "icons"
    icon = QIcon()
    for size in WINDOW_ICON_SIZES:
        pixmap = QPixmap()
        if pixmap.loadFromData((folder / f"r1desk-{size}.png").read_bytes(), "PNG"):
            icon.addPixmap(pixmap)
    return icon
