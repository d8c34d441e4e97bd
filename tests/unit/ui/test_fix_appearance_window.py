"""The main window's minimum size: at it, the error banner and the status bar show whole.

The real window, wired as the app wires it (the end-to-end fixtures), with the real banner.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from r1desk.services.failures import Failure, NextAction
from r1desk.ui.theme import ThemeManager
from tests.e2e import conftest as e2e

loop = e2e.loop  # the end-to-end fixtures, under their own names
start_app = e2e.start_app

TOP_UP = Failure(
    conversation_id=1,
    message=(
        "Your credits are used up (HTTP 406): Insufficient credits. Please add credits to your"
        " account to continue. Balance: 9.9875."
    ),
    next_step="Top up your credits at https://cloud.segmind.com, then retry. Your draft is kept.",
    action=NextAction.TOP_UP,
)


@pytest.fixture
def font_size(qapp: QApplication) -> Iterator[ThemeManager]:
    manager = ThemeManager.of(qapp)
    yield manager
    manager.set_font_size(None)


def inside(widget: QWidget, window: QWidget) -> bool:
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return window.rect().contains(widget.rect().translated(top_left))


def whole_text(widget: QLabel | QPushButton) -> bool:
    metrics = widget.fontMetrics()
    return widget.width() >= metrics.horizontalAdvance(widget.text().replace("&", ""))


@pytest.mark.parametrize("points", [None, 14])
def test_at_its_minimum_size_the_window_shows_the_banner_and_status_bar_whole(
    start_app: Callable[..., e2e.RunningApp], font_size: ThemeManager, points: int | None
) -> None:
    app = start_app()
    window = app.window
    font_size.set_font_size(points)
    window.chat.banner.show_failure(TOP_UP)
    window.status.set_cost(None)
    window.resize(200, 200)  # Qt keeps a window at its minimum size at least
    app.qtbot.waitUntil(lambda: window.width() == window.minimumWidth())
    app.qtbot.wait(50)
    assert window.minimumWidth() >= 600 and window.minimumHeight() >= 400
    assert window.minimumWidth() <= 1280 and window.minimumHeight() <= 800
    banner = window.chat.banner
    assert banner.isVisible() and inside(banner, window)
    for button in (banner.primary, banner.retry, banner.close_button):
        assert button.isVisible() and whole_text(button), (button.text(), button.width())
        assert inside(button, window)
    label = banner.label
    assert label.height() >= label.heightForWidth(label.width())  # every line of the text
    status = window.status
    for item in (status.provider_label, status.credits_label, status.cost_label):
        assert item.isVisible() and inside(item, window)
        assert whole_text(item), (item.text(), item.width())
