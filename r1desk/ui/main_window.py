"""The main window: conversation list on the left, chat on the right, status bar below.

The window holds the widgets and the open conversation; helpers hold the rest of its work:
window_chat (the chat service's signals, message and banner actions), window_conversations
(rename, pin, delete, undo), window_dialogs (every dialog) and window_key (key and credits).
"""

from __future__ import annotations

import itertools
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QPushButton, QSplitter, QWidget

from r1desk.domain import Conversation, Role
from r1desk.render.prerendered import save as save_prerendered
from r1desk.services.context import AppContext
from r1desk.settings import ZOOM_DEFAULT, ZOOM_MAX, ZOOM_MIN, save_settings
from r1desk.ui.a11y import Announcer
from r1desk.ui.chat_pane import ChatPane
from r1desk.ui.conversation_list import ConversationList, StoredList
from r1desk.ui.notify import Notifier
from r1desk.ui.status_bar import AppStatusBar
from r1desk.ui.stored import stored
from r1desk.ui.theme import ThemeManager
from r1desk.ui.window_actions import build_actions, build_menus
from r1desk.ui.window_chat import ChatEvents
from r1desk.ui.window_conversations import ConversationOps
from r1desk.ui.window_dialogs import WindowDialogs
from r1desk.ui.window_key import KeyAndCredits

if TYPE_CHECKING:  # dialogs are imported when first opened, to keep start-up light
    from r1desk.ui.about_dialog import AboutDialog
    from r1desk.ui.conversation_settings_dialog import ConversationSettingsDialog
    from r1desk.ui.key_dialog import KeyDialog
    from r1desk.ui.search_dialog import SearchDialog
    from r1desk.ui.settings_dialog import SettingsDialog
    from r1desk.ui.shortcuts_dialog import ShortcutsDialog
    from r1desk.ui.transfer_dialogs import ExportDialog

ZOOM_STEP = 10
MINIMUM_CENTRAL_SIZE = QSize(640, 400)
log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    # Built by window_actions.build_actions / build_menus.
    new_action: QAction
    export_action: QAction
    import_action: QAction
    settings_action: QAction
    quit_action: QAction
    rename_action: QAction
    pin_action: QAction
    delete_action: QAction
    undo_action: QAction
    filter_action: QAction
    find_action: QAction
    find_next_action: QAction
    find_prev_action: QAction
    search_action: QAction
    zoom_in_action: QAction
    zoom_out_action: QAction
    zoom_reset_action: QAction
    reasoning_action: QAction
    theme_group: QActionGroup
    theme_actions: dict[str, QAction]
    stop_action: QAction
    prev_action: QAction
    next_action: QAction
    conversation_settings_action: QAction
    credits_action: QAction
    key_action: QAction
    shortcuts_action: QAction
    about_action: QAction
    file_menu: QMenu
    edit_menu: QMenu
    view_menu: QMenu
    chat_menu: QMenu
    help_menu: QMenu

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current_id: int | None = None
        self.state = QSettings(str(ctx.paths.ui_state_file), QSettings.Format.IniFormat)
        self.conversations = ConversationList(self)
        self.chat = ChatPane(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.conversations)
        self.splitter.addWidget(self.chat)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([260, 740])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.status = AppStatusBar(self)
        self.setStatusBar(self.status)
        self.undo_button = QPushButton(self.tr("Undo delete"), self)
        self.undo_button.hide()
        # Permanent: the status bar hides its other widgets while any message shows.
        self.status.insertPermanentWidget(0, self.undo_button)
        # The open dialogs, set by the helpers below.
        self.key_dialog: KeyDialog | None = None
        self.search_dialog: SearchDialog | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.conversation_settings_dialog: ConversationSettingsDialog | None = None
        self.export_dialog: ExportDialog | None = None
        self.shortcuts_dialog: ShortcutsDialog | None = None
        self.about_dialog: AboutDialog | None = None
        self.notifier = Notifier(self)
        self.announcer = Announcer(self.chat.view)
        self.chat_events = ChatEvents(self)
        self.conversation_ops = ConversationOps(self)
        self.dialogs = WindowDialogs(self)
        self.key_credits = KeyAndCredits(self)
        build_actions(self)
        build_menus(self)
        self._connect()
        self._set_tab_order()
        # On the splitter: the window's minimum then also counts the menu and status bars
        # (wider at a large font). Any narrower and the banner and status bar were cut.
        self.splitter.setMinimumSize(MINIMUM_CENTRAL_SIZE)
        self.resize(1100, 720)
        self.refresh_endpoint(check_key=False)
        self.chat.view.set_reasoning_expanded_default(ctx.providers.settings.reasoning_expanded)
        self.chat.view.set_zoom(ctx.providers.settings.zoom)

    def _connect(self) -> None:
        """The widgets' own signals; the helpers connect theirs."""
        lst, composer = self.conversations, self.chat.composer
        lst.current_changed.connect(self.open_conversation)
        lst.filter.textChanged.connect(lambda _t: self.reload_list())
        self.chat.find_bar.match_selected.connect(self.chat.view.scroll_to_message)
        self.chat.find_bar.closed.connect(self.chat.composer.edit.setFocus)
        composer.send_requested.connect(self.send)
        composer.stop_requested.connect(self.stop_reply)
        composer.draft_changed.connect(self._save_draft)
        self.chat.welcome.prompt_chosen.connect(self.chat.composer.insert_example)

    def _set_tab_order(self) -> None:
        """Filter → list → find bar → messages (or the welcome screen) → composer → Send."""
        chain = [
            self.conversations.filter,
            self.conversations.view,
            self.chat.find_bar.query,
            self.chat.view,
            self.chat.welcome,
            *self.chat.welcome.focus_chain(),
            self.chat.banner.primary,
            self.chat.banner.retry,
            self.chat.banner.close_button,
            self.chat.composer.edit,
            self.chat.composer.button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- start and stop ---------------------------------------------------------------------

    def restore(self) -> None:
        """Bring back geometry, splitter and the last open conversation."""
        geometry = self.state.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = self.state.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self.reload_list()
        last = self.state.value("window/last_conversation")
        last_id = int(last) if isinstance(last, (int, str)) and str(last).isdigit() else None
        if last_id is None or not self.conversations.select(last_id):
            first = (
                self.conversations.model.rowCount() and self.conversations.model.conversation(0).id
            )
            if first:
                self.conversations.select(first)
            else:
                self.new_conversation()
        self.chat.composer.edit.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.chat.composer.flush_draft()
        self.state.setValue("window/geometry", self.saveGeometry())
        self.state.setValue("window/splitter", self.splitter.saveState())
        if self.current_id is not None:
            self.state.setValue("window/last_conversation", self.current_id)
        self.state.sync()
        try:
            save_prerendered(self.ctx.paths.prerendered_file, self.chat.view.tail_markdown())
        except Exception:  # only the next start's head start is lost; closing must go on
            log.exception("Keeping the messages on screen for the next start failed")
        self.ctx.chat.stop_all()
        super().closeEvent(event)

    # -- conversations ----------------------------------------------------------------------

    def reload_list(self) -> None:
        source = StoredList(self.ctx.repo, self.conversations.filter.text())
        self.conversations.set_conversations(source, keep_id=self.current_id)

    def open_conversation(self, conversation_id: int) -> None:
        if conversation_id == self.current_id:
            return
        self.chat.composer.flush_draft()
        conversation = self.ctx.repo.get_conversation(conversation_id, with_messages=True)
        self.current_id = conversation_id
        self.chat.banner.hide()
        self.chat.view.set_messages(conversation.messages)
        self.chat.composer.set_text(conversation.draft)
        self.chat.composer.set_busy(self.ctx.chat.is_busy(conversation_id))
        self.show_title(conversation)
        self.conversations.select(conversation_id, notify=False)
        replies = [m for m in conversation.messages if m.role is Role.ASSISTANT]
        if replies:
            self.status.set_cost(replies[-1].cost)

    def show_title(self, conversation: Conversation) -> None:
        title = conversation.title or self.tr("New conversation")
        self.setWindowTitle(self.tr("{title} — r1desk").format(title=title))
        own = conversation.settings
        overrides = [
            self.tr("own system prompt") if own.system_prompt else "",
            self.tr("max tokens {n}").format(n=own.max_tokens)
            if own.max_tokens is not None
            else "",
            self.tr("temperature {t}").format(t=f"{own.temperature:g}")
            if own.temperature is not None
            else "",
            self.tr("top-p {p}").format(p=f"{own.top_p:g}") if own.top_p is not None else "",
        ]
        self.chat.set_title(title, self.tr(", ").join(o for o in overrides if o))

    def new_conversation(self) -> None:
        if (
            self.current_id is not None
            and not self.chat.view.messages()
            and not self.chat.composer.text
        ):
            self.chat.composer.edit.setFocus()  # the open one is already empty
            return
        self.conversations.filter.clear()
        conversation = self.ctx.repo.create_conversation()
        assert conversation.id is not None
        self.reload_list()
        self.conversations.select(conversation.id)
        self.chat.composer.edit.setFocus()

    def find_text(self) -> None:
        """Ctrl+F: filter the list when it has focus, else find text in this conversation."""
        if self.conversations.isAncestorOf(self.focusWidget()):
            self.focus_filter()
        else:
            self.chat.open_find()

    def focus_filter(self) -> None:
        self.conversations.filter.setFocus()
        self.conversations.filter.selectAll()

    # -- chatting ---------------------------------------------------------------------------

    def send(self, text: str) -> None:
        if self.current_id is None:
            self.new_conversation()
        assert self.current_id is not None
        if self.ctx.chat.send(self.current_id, text):
            self.chat.banner.hide()
            self.chat.composer.set_text("")
            self.chat.composer.edit.setFocus()

    def stop_reply(self) -> None:
        """Esc: close the find bar when typing in it, else stop the running reply."""
        if self.chat.find_bar.isAncestorOf(self.focusWidget()):
            self.chat.find_bar.close_bar()
            return
        if self.current_id is not None:
            self.ctx.chat.stop(self.current_id)

    def _save_draft(self, text: str) -> None:
        if self.current_id is not None:
            what = self.tr("save the draft")  # it stays in the box meanwhile
            stored(self.status, what, self.ctx.repo.set_draft, self.current_id, text)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.notifier.window_activated()

    # -- view: zoom, theme, reasoning -----------------------------------------------------------

    def set_zoom(self, percent: int) -> None:
        percent = max(ZOOM_MIN, min(ZOOM_MAX, percent))
        self.chat.view.set_zoom(percent)
        if percent != self.ctx.providers.settings.zoom:
            self._save_setting(zoom=percent)
        self.status.showMessage(self.tr("Chat text size {percent}%").format(percent=percent), 2000)

    def zoom_in(self) -> None:
        self.set_zoom(self.ctx.providers.settings.zoom + ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.ctx.providers.settings.zoom - ZOOM_STEP)

    def zoom_reset(self) -> None:
        self.set_zoom(ZOOM_DEFAULT)

    def set_theme(self, theme: str) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            ThemeManager.of(app).set_theme(theme)
        self.theme_actions[theme].setChecked(True)
        if theme != self.ctx.providers.settings.theme:
            self._save_setting(theme=theme)

    def toggle_current_reasoning(self) -> None:
        self.chat.view.toggle_current_reasoning()

    def _save_setting(self, **changes: object) -> None:
        settings = self.ctx.providers.settings.replace(**changes)
        self.ctx.providers.settings = settings
        save_settings(self.ctx.paths.settings_file, settings)

    # -- called from app, tests and benchmarks; the work is in the helpers ---------------------

    def refresh_endpoint(self, *, check_key: bool = True) -> None:
        self.key_credits.refresh_endpoint(check_key=check_key)

    def after_first_paint(self) -> None:
        self.key_credits.after_first_paint()

    def open_settings(self) -> None:
        self.dialogs.open_settings()

    def open_conversation_settings(self) -> None:
        self.dialogs.open_conversation_settings()

    def set_pinned(self, conversation_id: int, pinned: bool) -> None:
        self.conversation_ops.set_pinned(conversation_id, pinned)

    def delete_conversation(self, conversation_id: int) -> None:
        self.conversation_ops.delete_conversation(conversation_id)

    def undo_delete(self) -> None:
        self.conversation_ops.undo_delete()
