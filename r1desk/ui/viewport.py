"""A scroll area's viewport made from Python, to keep PySide6 off the start-up path."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QWidget


def own_viewport(area: QAbstractScrollArea) -> None:
    """Replace the viewport Qt made in C++ with an identical one made here.

    The first time PySide6 meets a C++-made QWidget (as `viewport()` returns it) it looks for
    the most derived Python class by creating every lazily loaded QWidget subclass: 15-20 ms,
    which would otherwise be spent in the window's first paint. A widget made in Python is
    already known. Same look as Qt's own: Base background, filled.
    """
    viewport = QWidget(area)
    viewport.setBackgroundRole(QPalette.ColorRole.Base)
    viewport.setAutoFillBackground(True)
    area.setViewport(viewport)
