"""The main window's actions and menus. Every action is in a menu, so the keyboard reaches all
of them (Alt + underlined letter), and Help > Keyboard Shortcuts lists those with keys."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QToolButton

from r1desk.settings import THEMES

if TYPE_CHECKING:
    from r1desk.ui.main_window import MainWindow

Keys = QKeySequence | list[QKeySequence] | None


translate = QCoreApplication.translate


def theme_names() -> dict[str, str]:
    return {
        "system": translate("MainWindow", "Follow &system"),
        "light": translate("MainWindow", "&Light"),
        "dark": translate("MainWindow", "&Dark"),
    }


def _action(window: MainWindow, text: str, keys: Keys, slot: Callable[[], object]) -> QAction:
    action = QAction(text, window)
    if isinstance(keys, list):
        action.setShortcuts(list({k.toString(): k for k in keys if not k.isEmpty()}.values()))
    elif keys is not None:
        action.setShortcut(keys)
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(slot)
    window.addAction(action)
    return action


def build_actions(w: MainWindow) -> None:
    k = QKeySequence
    std = QKeySequence.StandardKey
    dialogs, ops = w.dialogs, w.conversation_ops
    w.new_action = _action(
        w, translate("MainWindow", "&New conversation"), k(std.New), w.new_conversation
    )
    w.export_action = _action(
        w, translate("MainWindow", "&Export…"), k("Ctrl+E"), lambda: dialogs.export(None)
    )
    w.import_action = _action(
        w, translate("MainWindow", "&Import…"), k("Ctrl+I"), dialogs.import_file
    )
    w.settings_action = _action(
        w,
        translate("MainWindow", "&Settings…"),
        [k("Ctrl+,"), k(std.Preferences)],
        dialogs.open_settings,
    )
    w.quit_action = _action(w, translate("MainWindow", "&Quit"), k("Ctrl+Q"), w.close)

    w.rename_action = _action(
        w,
        translate("MainWindow", "&Rename conversation…"),
        k("F2"),
        ops.rename_current,
    )
    w.pin_action = _action(
        w,
        translate("MainWindow", "&Pin or unpin conversation"),
        None,
        ops.toggle_pin_current,
    )
    w.delete_action = _action(
        w, translate("MainWindow", "&Delete conversation"), None, ops.delete_current
    )
    # In the whole window; text fields keep Ctrl+Z for their own undo (they take it first).
    w.undo_action = _action(
        w, translate("MainWindow", "&Undo delete"), k(std.Undo), ops.undo_delete
    )
    w.filter_action = _action(
        w, translate("MainWindow", "Fi&lter conversations"), k("Ctrl+K"), w.focus_filter
    )
    w.find_action = _action(
        w, translate("MainWindow", "&Find in conversation…"), k(std.Find), w.find_text
    )
    w.find_next_action = _action(
        w, translate("MainWindow", "Find ne&xt"), k("F3"), w.chat.find_bar.find_next
    )
    w.find_prev_action = _action(
        w, translate("MainWindow", "Find pre&vious"), k("Shift+F3"), w.chat.find_bar.find_previous
    )
    w.search_action = _action(
        w, translate("MainWindow", "Searc&h all messages…"), k("Ctrl+Shift+F"), dialogs.search
    )

    w.zoom_in_action = _action(
        w, translate("MainWindow", "Zoom &in"), [k("Ctrl+="), k("Ctrl++")], w.zoom_in
    )
    w.zoom_out_action = _action(w, translate("MainWindow", "Zoom &out"), k("Ctrl+-"), w.zoom_out)
    w.zoom_reset_action = _action(
        w, translate("MainWindow", "&Actual size"), k("Ctrl+0"), w.zoom_reset
    )
    w.reasoning_action = _action(
        w,
        translate("MainWindow", "Show or hide &reasoning"),
        k("Ctrl+Shift+R"),
        w.toggle_current_reasoning,
    )
    w.theme_group = QActionGroup(w)
    w.theme_actions = {}
    for theme, label in theme_names().items():
        action = _action(w, label, None, functools.partial(w.set_theme, theme))
        action.setCheckable(True)
        w.theme_group.addAction(action)
        w.theme_actions[theme] = action

    w.stop_action = _action(w, translate("MainWindow", "&Stop reply"), k("Esc"), w.stop_reply)
    w.prev_action = _action(
        w,
        translate("MainWindow", "&Previous conversation"),
        [k("Ctrl+Up"), k("Ctrl+PgUp")],
        lambda: w.conversations.step(-1),
    )
    w.next_action = _action(
        w,
        translate("MainWindow", "N&ext conversation"),
        [k("Ctrl+Down"), k("Ctrl+PgDown")],
        lambda: w.conversations.step(1),
    )
    w.conversation_settings_action = _action(
        w,
        translate("MainWindow", "Conversation se&ttings…"),
        k("Ctrl+Shift+,"),
        dialogs.open_conversation_settings,
    )
    w.credits_action = _action(
        w, translate("MainWindow", "Check &credits"), k("F5"), w.ctx.credits.refresh
    )
    w.key_action = _action(w, translate("MainWindow", "API &key…"), None, w.key_credits.ask_for_key)

    w.shortcuts_action = _action(
        w,
        translate("MainWindow", "&Keyboard shortcuts"),
        [k("Ctrl+/"), k("F1")],
        dialogs.show_shortcuts,
    )
    w.about_action = _action(w, translate("MainWindow", "&About r1desk"), None, dialogs.show_about)


def build_menus(w: MainWindow) -> None:
    bar = w.menuBar()

    def menu(title: str, *items: QAction | QMenu | None) -> QMenu:
        m = bar.addMenu(title)
        for item in items:
            if item is None:
                m.addSeparator()
            elif isinstance(item, QMenu):
                m.addMenu(item)
            else:
                m.addAction(item)
        return m

    w.file_menu = menu(
        translate("MainWindow", "&File"),
        w.new_action,
        None,
        w.export_action,
        w.import_action,
        None,
        w.settings_action,
        None,
        w.quit_action,
    )
    w.edit_menu = menu(
        translate("MainWindow", "&Edit"),
        w.rename_action,
        w.pin_action,
        w.delete_action,
        w.undo_action,
        None,
        w.filter_action,
        w.find_action,
        w.find_next_action,
        w.find_prev_action,
        w.search_action,
    )
    theme_menu = QMenu(translate("MainWindow", "&Theme"), w)
    for action in w.theme_actions.values():
        theme_menu.addAction(action)
    w.view_menu = menu(
        translate("MainWindow", "&View"),
        w.zoom_in_action,
        w.zoom_out_action,
        w.zoom_reset_action,
        None,
        w.reasoning_action,
        None,
        theme_menu,
    )
    w.chat_menu = menu(
        translate("MainWindow", "&Chat"),
        w.stop_action,
        w.prev_action,
        w.next_action,
        None,
        w.conversation_settings_action,
        w.credits_action,
        None,
        w.key_action,
    )
    w.help_menu = menu(translate("MainWindow", "&Help"), w.shortcuts_action, None, w.about_action)
    overflow = bar.findChild(QToolButton, "qt_menubar_ext_button")
    if overflow is not None:  # shown when the menus do not fit; Qt gives it no name
        overflow.setAccessibleName(translate("MainWindow", "More menus"))
    w.theme_actions.get(w.ctx.providers.settings.theme, w.theme_actions[THEMES[0]]).setChecked(True)
