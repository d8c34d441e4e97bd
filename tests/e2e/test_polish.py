"""Polish a user notices: shortcuts, accessibility, language, notifications, welcome, zoom."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QAccessible, QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from r1desk.domain import ConversationSettings
from r1desk.settings import Settings, load_settings, save_settings
from r1desk.ui.about_dialog import AboutDialog
from r1desk.ui.conversation_settings_dialog import ConversationSettingsDialog
from r1desk.ui.i18n import install_translators
from r1desk.ui.key_dialog import KeyDialog
from r1desk.ui.main_window import MainWindow
from r1desk.ui.search_dialog import SearchDialog
from r1desk.ui.settings_dialog import SettingsDialog
from r1desk.ui.shortcuts_dialog import ShortcutsDialog, action_label
from r1desk.ui.transfer_dialogs import ExportDialog
from tests.e2e.conftest import TEST_KEY, RunningApp
from tests.e2e.test_chat_flow import reply_done, type_and_send

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractItemView,
    QPlainTextEdit,
    QTextEdit,
    QAbstractSpinBox,
)


def menu_actions(window: MainWindow) -> Iterator[QAction]:
    def walk(menu: QMenu) -> Iterator[QAction]:
        for action in menu.actions():
            if action.menu() is not None:
                yield from walk(action.menu())  # type: ignore[arg-type]
            elif not action.isSeparator():
                yield action

    for top in window.menuBar().actions():
        yield from walk(top.menu())  # type: ignore[arg-type]


def in_combo_popup(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if parent.metaObject().className() == "QComboBoxPrivateContainer":
            return True
        parent = parent.parentWidget()
    return False


def unnamed_controls(root: QWidget) -> list[str]:
    """Interactive widgets a screen reader would announce without a name."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        takes_focus = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if isinstance(widget, QScrollBar) or not (isinstance(widget, INTERACTIVE) or takes_focus):
            continue
        if isinstance(widget, QHeaderView) and widget.isHidden():
            continue  # a list's header that is never shown
        if in_combo_popup(widget):
            continue  # the combo box itself carries the name
        if widget.objectName() == "qt_spinbox_lineedit":
            continue  # named through its spin box
        face = QAccessible.queryAccessibleInterface(widget)
        name = face.text(QAccessible.Text.Name) if face is not None else ""
        if not re.search(r"\w", name):
            found.append(f"{type(widget).__name__}({widget.objectName()!r}, name={name!r})")
    return found


def test_every_action_is_in_a_menu_and_listed_with_its_keys(
    qtbot: QtBot, start_app: Callable[..., RunningApp]
) -> None:
    app = start_app()
    window = app.window
    in_menus = set(menu_actions(window))
    assert set(window.actions()) <= in_menus  # every action is reachable with Alt + letter

    qtbot.keyClick(window, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    dialog = window.shortcuts_dialog
    assert isinstance(dialog, ShortcutsDialog) and dialog.isVisible()
    rows = dict(dialog.rows())
    with_keys = [a for a in in_menus if not a.shortcut().isEmpty()]
    assert len(with_keys) >= 20
    for action in with_keys:
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        assert keys in rows.get(action_label(action), ""), action.text()
    assert "Zoom in" in rows and "Ctrl+=" in rows["Zoom in"]


def test_no_two_actions_share_a_shortcut(start_app: Callable[..., RunningApp]) -> None:
    owner: dict[str, str] = {}
    for action in start_app().window.actions():
        for keys in {k.toString() for k in action.shortcuts()}:
            assert keys not in owner, f"{keys}: {owner.get(keys)} and {action.text()}"
            owner[keys] = action.text()


def test_menu_mnemonics_are_unique_within_each_menu(start_app: Callable[..., RunningApp]) -> None:
    window = start_app().window
    menus = [a.menu() for a in window.menuBar().actions()]
    titles = [a.text() for a in window.menuBar().actions()]
    for texts in [titles] + [[a.text() for a in m.actions() if a.text()] for m in menus if m]:
        letters = [re.search(r"&(\w)", t).group(1).lower() for t in texts]  # type: ignore[union-attr]
        assert len(letters) == len(set(letters)), texts


def test_tab_goes_filter_list_conversation_composer_send(
    qtbot: QtBot, start_app: Callable[..., RunningApp]
) -> None:
    app = start_app()
    type_and_send(qtbot, app, "hello")
    app.drive(reply_done(app))
    window = app.window
    qtbot.keyClicks(window.chat.composer.edit, "a draft")  # Send is enabled only with text
    window.conversations.filter.setFocus()
    seen = []
    for _ in range(4):
        seen.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    seen.append(QApplication.focusWidget())
    expected = [
        window.conversations.filter,
        window.conversations.view,
        window.chat.view,
        window.chat.composer.edit,
        window.chat.composer.button,
    ]
    assert seen == expected


def test_main_window_and_every_dialog_name_every_control(
    start_app: Callable[..., RunningApp],
) -> None:
    app = start_app(with_key=False)
    window = app.window
    assert unnamed_controls(window) == []
    settings = app.ctx.providers.settings
    dialogs: list[QDialog] = [
        KeyDialog("Segmind", keyring_available=False, has_saved_key=True, parent=window),
        SettingsDialog(settings, app.ctx.keys, window),
        ConversationSettingsDialog("Plans", ConversationSettings(), settings, window),
        SearchDialog(app.ctx.repo.search, window),
        ExportDialog(1, "Plans", app.paths.data_dir, [1, 2], window),
        ShortcutsDialog(window.actions(), window),
        AboutDialog(app.paths, window),
    ]
    for dialog in dialogs:
        dialog.show()
        assert unnamed_controls(dialog) == [], type(dialog).__name__
        dialog.close()


def test_a_reply_is_announced_and_reasoning_state_is_exposed(
    qtbot: QtBot, start_app: Callable[..., RunningApp]
) -> None:
    app = start_app()
    type_and_send(qtbot, app, "What is 2+2?")
    app.drive(reply_done(app))
    app.drive(lambda: app.window.announcer.last)
    assert app.window.announcer.last.startswith("R1 replied in")
    view = app.window.chat.view
    index = view.model().index(view.model().rowCount() - 1, 0)
    describe = Qt.ItemDataRole.AccessibleDescriptionRole
    assert "collapsed" in view.model().data(index, describe)
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert "expanded" in view.model().data(index, describe)
    reply = view.messages()[-1]
    assert reply.id is not None and view.is_reasoning_expanded(reply.id)


def deactivate(qtbot: QtBot, window: QWidget) -> QWidget:
    other = QWidget()
    other.setWindowTitle("another app")
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow())
    return other


def test_a_reply_in_the_background_notifies_with_the_title(
    qtbot: QtBot, start_app: Callable[..., RunningApp]
) -> None:
    app = start_app()
    window = app.window
    type_and_send(qtbot, app, "!slow 1 Plan a trip to Kyoto")
    deactivate(qtbot, window)
    app.drive(reply_done(app))
    app.drive(lambda: window.notifier.last is not None)
    sent = window.notifier.last
    assert sent is not None
    title = app.ctx.repo.get_conversation(window.current_id, with_messages=False).title  # type: ignore[arg-type]
    assert title and title in sent.title


def test_no_notification_when_active_or_turned_off(
    qtbot: QtBot, start_app: Callable[..., RunningApp]
) -> None:
    app = start_app()
    window = app.window
    type_and_send(qtbot, app, "first")
    app.drive(reply_done(app))
    assert window.notifier.sent == []  # the window was active

    app.ctx.providers.settings = app.ctx.providers.settings.replace(notify_when_done=False)
    type_and_send(qtbot, app, "!slow 1 second")
    deactivate(qtbot, window)
    app.drive(lambda: len(window.chat.view.messages()) == 4 and reply_done(app)())
    qtbot.wait(50)
    assert window.notifier.sent == []


def test_welcome_screen_explains_the_key_and_fills_examples(
    qtbot: QtBot, start_app: Callable[..., RunningApp]
) -> None:
    app = start_app(with_key=False)
    pane = app.window.chat
    assert pane.welcome.isVisible() and not pane.view.isVisible()
    assert pane.welcome.key_button.isVisible()
    assert "cloud.segmind.com" in pane.welcome.key_text.text()
    qtbot.mouseClick(pane.welcome.key_button, Qt.MouseButton.LeftButton)
    assert isinstance(app.window.key_dialog, KeyDialog) and app.window.key_dialog.isVisible()
    app.window.key_dialog.field.setText(TEST_KEY)
    app.window.key_dialog.save_button.click()
    assert not pane.welcome.key_button.isVisible()  # the key is there now

    example = pane.welcome.examples[1]
    qtbot.mouseClick(example, Qt.MouseButton.LeftButton)
    assert pane.composer.text == example.text()
    assert pane.composer.edit.hasFocus()
    qtbot.keyClick(pane.composer.edit, Qt.Key.Key_Return)
    app.drive(lambda: pane.view.isVisible() and not pane.welcome.isVisible())


def test_zoom_keys_scale_the_chat_text_and_are_remembered(
    qtbot: QtBot, start_app: Callable[..., RunningApp]
) -> None:
    app = start_app()
    view = app.window.chat.view
    base = view.font().pointSizeF()
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(app.window, Qt.Key.Key_Equal, ctrl)
    qtbot.keyClick(app.window, Qt.Key.Key_Equal, ctrl)
    assert view.font().pointSizeF() == pytest.approx(base * 1.2)
    assert load_settings(app.paths.settings_file).zoom == 120
    qtbot.keyClick(app.window, Qt.Key.Key_Minus, ctrl)
    assert load_settings(app.paths.settings_file).zoom == 110
    app.close()

    again = start_app()
    assert again.window.chat.view.font().pointSizeF() == pytest.approx(base * 1.1)
    qtbot.keyClick(again.window, Qt.Key.Key_0, ctrl)
    assert again.window.chat.view.font().pointSizeF() == pytest.approx(base)
    assert load_settings(again.paths.settings_file).zoom == 100


def test_theme_menu_switches_live_and_is_saved(
    qtbot: QtBot, start_app: Callable[..., RunningApp]
) -> None:
    app = start_app()
    window = app.window
    type_and_send(qtbot, app, "show me code")
    app.drive(reply_done(app))
    window.theme_actions["dark"].trigger()
    assert QApplication.palette().color(QApplication.palette().ColorRole.Window).lightness() < 128
    app.drive(lambda: window.chat.view._delegate.dark)  # code is highlighted for dark
    assert json.loads(app.paths.settings_file.read_text())["theme"] == "dark"
    window.theme_actions["light"].trigger()
    app.drive(lambda: not window.chat.view._delegate.dark)
    assert json.loads(app.paths.settings_file.read_text())["theme"] == "light"


def test_about_dialog_shows_paths_and_opens_the_data_folder(
    start_app: Callable[..., RunningApp],
) -> None:
    app = start_app()
    app.window.about_action.trigger()
    dialog = app.window.about_dialog
    assert isinstance(dialog, AboutDialog)
    opened: list[QUrl] = []
    dialog.open_url = opened.append
    assert dialog.data_dir.text() == str(app.paths.data_dir)
    assert dialog.settings_file.text() == str(app.paths.settings_file)
    dialog.open_button.click()
    assert opened == [QUrl.fromLocalFile(str(app.paths.data_dir))]


def test_chinese_ui_from_the_language_setting(start_app: Callable[..., RunningApp]) -> None:
    app = start_app()
    paths = app.paths
    app.close()
    save_settings(paths.settings_file, Settings(language="zh_CN"))
    try:
        window = start_app().window
        titles = [a.text() for a in window.menuBar().actions()]
        assert titles == ["文件(&F)", "编辑(&E)", "视图(&V)", "聊天(&C)", "帮助(&H)"]
        assert window.chat.composer.button.text() == "发送"
        assert "欢迎" in window.chat.welcome.heading.text()
    finally:
        qt_app = QCoreApplication.instance()
        assert qt_app is not None
        install_translators(qt_app, "en")
