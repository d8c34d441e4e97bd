"""Writes the window makes for the user (rename, pin, delete, the draft), with a message in the
status bar when the database refuses one, a full disk say: the log alone told nobody."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QStatusBar

from r1desk.services.failures import storage_reason
from r1desk.ui.i18n import translated

log = logging.getLogger(__name__)
MESSAGE_MS = 12_000


def stored(status: QStatusBar, what: str, write: Callable[..., object], *args: object) -> bool:
    """Run `write(*args)`; False, after telling the user, if the database refused it. `what`
    is what the user asked for, as in "Could not {what}"."""
    try:
        write(*args)
    except sqlite3.Error as error:
        log.error("Could not %s: %s", what, error)
        text = QCoreApplication.translate(
            "MainWindow", "Could not {what}: {reason}. Free some disk space, then try again."
        )
        reason = translated(storage_reason(error))
        status.showMessage(text.format(what=what, reason=reason), MESSAGE_MS)
        return False
    return True
