"""Appearance after a live theme or font switch, the list's focus, the settings dialog's height.

Real widgets, rendered offscreen; what is checked is what a user sees: the colours of painted
pixels, the fonts widgets end up with, and whether buttons show their whole labels.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timezone

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from r1desk.domain import Conversation, utc_now
from r1desk.secrets import KeyStore
from r1desk.services.failures import Failure, NextAction
from r1desk.services.providers import ProviderSession
from r1desk.settings import Settings
from r1desk.ui.chat_pane import ChatPane
from r1desk.ui.conversation_list import ConversationList
from r1desk.ui.failure_banner import FailureBanner
from r1desk.ui.settings_dialog import SettingsDialog
from r1desk.ui.theme import BANNER, ERROR_TEXT, ThemeManager, set_error_text
from tests.unit.memory_keyring import MemoryKeyring
from tests.unit.ui.test_polish_theme import contrast

R = QPalette.ColorRole
TOP_UP = Failure(
    conversation_id=1,
    message="Your credits are used up (HTTP 406): Insufficient credits. Balance: 9.9875.",
    next_step="Top up your credits at https://cloud.segmind.com, then retry.",
    action=NextAction.TOP_UP,
)


@pytest.fixture
def manager(qapp: QApplication) -> Iterator[ThemeManager]:
    manager = ThemeManager.of(qapp)
    manager.set_theme("light")
    manager.set_font_size(None)
    yield manager
    manager.set_theme("system")
    manager.set_font_size(None)


def shown(qtbot: QtBot, widget: QWidget, width: int = 800, height: int = 600) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def settle(qtbot: QtBot) -> None:
    QApplication.processEvents()
    qtbot.wait(20)


def best_contrast(image: QImage, background: str) -> float:
    """The contrast of the pixel that stands out most from `background` (text's core pixels)."""
    best = 1.0
    for y in range(image.height()):
        for x in range(image.width()):
            best = max(best, contrast(image.pixelColor(x, y).name(), background))
    return best


# -- 1. the conversation title (and error text) follow a live theme switch ----------------------


@pytest.mark.parametrize(("first", "second"), [("light", "dark"), ("dark", "light")])
def test_the_conversation_title_stays_readable_after_a_live_theme_switch(
    qtbot: QtBot, manager: ThemeManager, first: str, second: str
) -> None:
    manager.set_theme(first)
    pane = shown(qtbot, ChatPane())
    assert isinstance(pane, ChatPane)
    pane.set_title("A conversation about quokkas")
    manager.set_theme(second)
    settle(qtbot)
    background = QApplication.palette().color(R.Window).name()
    image = pane.grab(pane.header.geometry()).toImage()
    assert image.pixelColor(1, 1).name() == background  # the pane is in the new theme
    assert best_contrast(image, background) >= 4.5  # and so is the title's text


def test_the_conversation_title_follows_the_font_size(qtbot: QtBot, manager: ThemeManager) -> None:
    pane = shown(qtbot, ChatPane())
    assert isinstance(pane, ChatPane)
    manager.set_font_size(14)
    settle(qtbot)
    assert pane.header.font().pointSize() == 14
    assert pane.header.font().bold() or pane.header.font().weight() > 500


def test_error_text_takes_the_new_themes_error_colour(qtbot: QtBot, manager: ThemeManager) -> None:
    label = QLabel()
    shown(qtbot, label, 300, 40)
    set_error_text(label, "The address must start with https://")
    for dark, theme in ((True, "dark"), (False, "light"), (True, "dark")):
        manager.set_theme(theme)
        settle(qtbot)
        assert label.palette().color(R.WindowText).name() == ERROR_TEXT[dark]
        window = label.palette().color(R.Window).name()
        assert contrast(ERROR_TEXT[dark], window) >= 4.5
    set_error_text(label, "Connected.", error=False)
    assert label.palette().color(R.WindowText) == QApplication.palette().color(R.WindowText)


# -- 2. the failure banner follows the theme and the font size ---------------------------------


@pytest.mark.parametrize("built_in", ["light", "dark"])
def test_the_banner_is_dark_and_readable_in_the_dark_theme_at_a_large_font(
    qtbot: QtBot, manager: ThemeManager, built_in: str
) -> None:
    manager.set_theme(built_in)
    pane = shown(qtbot, ChatPane(), 900, 600)
    assert isinstance(pane, ChatPane)
    banner = pane.banner
    banner.show_failure(TOP_UP)
    manager.set_theme("dark")
    manager.set_font_size(14)
    settle(qtbot)
    background, _border, text = BANNER[True]
    image = banner.grab().toImage()
    assert image.pixelColor(image.width() // 2, 3).name() == background
    assert banner.label.palette().color(R.WindowText).name() == text
    assert contrast(text, background) >= 4.5
    label_image = banner.label.grab().toImage()
    assert best_contrast(label_image, background) >= 4.5
    for widget in (banner.label, banner.primary, banner.retry, banner.close_button):
        assert widget.font().pointSize() == 14, widget
    assert banner.primary.height() >= banner.primary.fontMetrics().height()


def test_the_banner_returns_to_light_colours(qtbot: QtBot, manager: ThemeManager) -> None:
    manager.set_theme("dark")
    host = QWidget()  # a child, as in the window: no palette event of its own
    banner = FailureBanner(host)
    banner.setGeometry(0, 0, 700, 80)
    shown(qtbot, host, 700, 80)
    banner.show_failure(TOP_UP)
    manager.set_theme("light")
    settle(qtbot)
    background, _border, text = BANNER[False]
    assert banner.grab().toImage().pixelColor(banner.width() // 2, 3).name() == background
    assert banner.label.palette().color(R.WindowText).name() == text


def whole(button: QPushButton) -> bool:
    """The button is wide enough for its label (and tall enough for a line)."""
    metrics = button.fontMetrics()
    return (
        button.width() >= metrics.horizontalAdvance(button.text()) + 8
        and button.height() >= metrics.height()
    )


@pytest.mark.parametrize("points", [None, 14])
def test_a_narrow_banner_wraps_its_text_and_keeps_its_buttons_whole(
    qtbot: QtBot, manager: ThemeManager, points: int | None
) -> None:
    manager.set_font_size(points)
    banner = FailureBanner()
    host = shown(qtbot, banner, 340, 200)
    banner.show_failure(TOP_UP)
    settle(qtbot)
    host.resize(host.width(), banner.heightForWidth(host.width()) + 20)
    settle(qtbot)
    buttons = [b for b in (banner.primary, banner.retry, banner.close_button) if b.isVisible()]
    assert len(buttons) == 3
    for button in buttons:
        assert whole(button), (button.text(), button.width())
        assert banner.rect().contains(button.geometry()), button.text()
    label = banner.label
    assert label.height() >= label.heightForWidth(label.width())  # every line of it shows
    assert label.y() + label.height() <= buttons[0].y()  # the buttons went below the text


# -- 3. the conversation list shows that it has focus ------------------------------------------


class ThreeConversations:
    def __init__(self) -> None:
        now = utc_now().astimezone(timezone.utc)
        self.rows = [Conversation(id=i, title=f"Chat {i}", updated_at=now) for i in (1, 2, 3)]

    def page(self, offset: int, limit: int) -> list[Conversation]:
        return self.rows[offset : offset + limit]

    def count(self) -> int:
        return len(self.rows)

    def rank(self, conversation_id: int) -> int | None:
        return conversation_id - 1


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_focused_list_marks_its_current_row_and_frame(
    qtbot: QtBot, manager: ThemeManager, theme: str
) -> None:
    manager.set_theme(theme)
    host = QWidget()
    conversations = ConversationList(host)
    conversations.setGeometry(0, 0, 260, 400)
    with qtbot.waitActive(host):
        shown(qtbot, host, 260, 400)
        host.activateWindow()
    conversations.set_conversations(ThreeConversations(), keep_id=1)
    view = conversations.view
    palette = QApplication.palette()
    highlight, ring = palette.color(R.Highlight).name(), palette.color(R.HighlightedText).name()

    def looks() -> tuple[str, str]:
        settle(qtbot)
        row = view.visualRect(view.currentIndex())
        inside = view.viewport().grab().toImage()
        ring_pixel = inside.pixelColor(row.left() + 1, row.center().y()).name()
        frame = conversations.grab(view.geometry()).toImage()
        frame_pixel = frame.pixelColor(frame.width() // 2, 0).name()
        return ring_pixel, frame_pixel

    conversations.filter.setFocus()
    ring_off, frame_off = looks()
    view.setFocus()
    assert view.hasFocus()
    ring_on, frame_on = looks()
    assert ring_on == ring and ring_off != ring
    assert contrast(ring, highlight) >= 3.0  # the ring stands out from the selection
    assert frame_on == highlight and frame_off != highlight
    assert contrast(frame_on, palette.color(R.Window).name()) >= 3.0


# -- 4. the settings dialog fits the screen, OK and Cancel on it -------------------------------


@pytest.mark.parametrize("points", [14, 24])
def test_the_settings_dialog_fits_an_800_px_screen_at_a_large_font(
    qtbot: QtBot, manager: ThemeManager, memory_keyring: MemoryKeyring, points: int
) -> None:
    manager.set_font_size(points)
    dialog = SettingsDialog(Settings(font_size=points), KeyStore(environ={}))
    qtbot.addWidget(dialog)
    assert dialog.sizeHint().height() <= 800 - 60
    dialog.open()
    qtbot.waitExposed(dialog)
    screen = dialog.screen().availableGeometry()
    assert dialog.height() <= screen.height()
    for button in dialog.buttons.buttons():
        assert button.isVisible()
        top_left = button.mapTo(dialog, QPoint(0, 0))
        assert dialog.rect().contains(QRect(top_left, button.size())), button.text()
    # Everything else is still there, a scroll away.
    dialog.scroll_area.ensureWidgetVisible(dialog.font_size)
    settle(qtbot)
    assert dialog.font_size.visibleRegion().boundingRect().height() == dialog.font_size.height()


def test_the_conversation_settings_problem_follows_a_live_theme_switch(
    qtbot: QtBot, manager: ThemeManager
) -> None:
    from r1desk.domain import ConversationSettings
    from r1desk.ui.conversation_settings_dialog import ConversationSettingsDialog

    dialog = ConversationSettingsDialog("Plans", ConversationSettings(), Settings())
    shown(qtbot, dialog, 500, 400)
    for dark, theme in ((True, "dark"), (False, "light")):
        manager.set_theme(theme)
        settle(qtbot)
        colour = dialog.problem.palette().color(QPalette.ColorRole.WindowText).name()
        assert colour == ERROR_TEXT[dark]  # a style sheet kept the first theme's colour


def test_a_one_line_problem_in_settings_is_one_line_tall(
    qtbot: QtBot, memory_keyring: MemoryKeyring
) -> None:
    """A word-wrapped QLabel took its size hint's two lines in the form: a blank line above
    the text, which is centred, between the field and its problem."""
    dialog = SettingsDialog(Settings(), KeyStore(environ={}))
    shown(qtbot, dialog, 640, 700)
    dialog.api_base.setText("ftp://nowhere")
    problem = dialog._errors["api_base"]
    qtbot.waitUntil(problem.isVisible)
    QApplication.processEvents()
    lines = problem.fontMetrics().boundingRect(problem.text()).width() // problem.width() + 1
    assert lines == 1
    assert problem.height() <= problem.fontMetrics().lineSpacing() + 2
    gap = problem.geometry().top() - dialog.api_base.geometry().bottom()
    assert gap <= 12  # right under its field


def test_settings_says_when_this_run_uses_another_address(
    qtbot: QtBot, memory_keyring: MemoryKeyring
) -> None:
    url = "http://127.0.0.1:8767/v1"
    started = Settings()
    session = ProviderSession(None, started, KeyStore(environ={}), api_base_override=url)
    dialog = SettingsDialog(started, KeyStore(environ={}), run_api_base=session.override_for)
    shown(qtbot, dialog, 640, 700)
    note = dialog.run_note
    assert note.isVisible() and url in note.text()
    QApplication.processEvents()
    assert note.height() >= note.heightForWidth(note.width())  # every line shows, not clipped
    dialog.api_base.setText("https://example.com/v1")  # the user's own address is used
    qtbot.waitUntil(lambda: not dialog.run_note.isVisible())
    dialog.api_base.setText("")
    qtbot.waitUntil(dialog.run_note.isVisible)

    plain = SettingsDialog(Settings(), KeyStore(environ={}))
    shown(qtbot, plain, 640, 700)
    assert not plain.run_note.isVisible()
