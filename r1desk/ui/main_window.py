"""The main window: conversation list on the left, chat on the right, status bar below."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QMainWindow,
    QPushButton,
    QSplitter,
    QWidget,
)

from r1desk.domain import Conversation, ConversationSettings, Message, Role
from r1desk.services import connection_test
from r1desk.services.context import AppContext
from r1desk.services.failures import TOP_UP_URL, Failure, NextAction
from r1desk.settings import Settings, save_settings
from r1desk.ui.chat_pane import ChatPane
from r1desk.ui.conversation_list import ConversationList
from r1desk.ui.conversation_settings_dialog import ConversationSettingsDialog
from r1desk.ui.key_dialog import KeyDialog
from r1desk.ui.search_dialog import SearchDialog
from r1desk.ui.settings_dialog import SettingsDialog
from r1desk.ui.status_bar import AppStatusBar
from r1desk.ui.theme import apply_theme
from r1desk.ui.transfer_dialogs import ExportDialog, run_export, run_import

log = logging.getLogger(__name__)
UNDO_DELETE_MS = 10_000


class MainWindow(QMainWindow):
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
        self.undo_button = QPushButton("Undo delete", self)
        self.undo_button.hide()
        self.status.addWidget(self.undo_button)
        self._deleted_id: int | None = None
        self.key_dialog: KeyDialog | None = None
        self.search_dialog: SearchDialog | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.conversation_settings_dialog: ConversationSettingsDialog | None = None
        self.export_dialog: ExportDialog | None = None
        self._build_actions()
        self._connect()
        self.resize(1100, 720)
        self.refresh_endpoint()
        self.chat.view.set_reasoning_expanded_default(ctx.providers.settings.reasoning_expanded)

    # -- set-up ------------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | list[QKeySequence] | None,
        slot: Callable[[], object],
    ) -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, list):
            action.setShortcuts(shortcut)
        elif shortcut is not None:
            action.setShortcut(shortcut)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence
        self.new_action = self._action(
            "&New conversation", key(key.StandardKey.New), self.new_conversation
        )
        self.quit_action = self._action("&Quit", key("Ctrl+Q"), self.close)
        self.filter_action = self._action("&Filter conversations", key("Ctrl+K"), self.focus_filter)
        self.find_action = self._action(
            "&Find in conversation…", key(key.StandardKey.Find), self.find_text
        )
        self.find_next_action = self._action("Find &next", key("F3"), self.chat.find_bar.find_next)
        self.find_prev_action = self._action(
            "Find pre&vious", key("Shift+F3"), self.chat.find_bar.find_previous
        )
        self.search_action = self._action("&Search all messages…", key("Ctrl+Shift+F"), self.search)
        self.settings_action = self._action(
            "&Settings…", [key("Ctrl+,"), key(key.StandardKey.Preferences)], self.open_settings
        )
        self.export_action = self._action("&Export…", key("Ctrl+E"), lambda: self.export(None))
        self.import_action = self._action("&Import…", key("Ctrl+I"), self.import_file)
        self.stop_action = self._action("&Stop reply", key("Esc"), self.stop_reply)
        self.prev_action = self._action(
            "&Previous conversation",
            [key("Ctrl+Up"), key("Ctrl+PgUp")],
            lambda: self.conversations.step(-1),
        )
        self.next_action = self._action(
            "N&ext conversation",
            [key("Ctrl+Down"), key("Ctrl+PgDown")],
            lambda: self.conversations.step(1),
        )
        self.rename_action = self._action("&Rename conversation…", key("F2"), self.rename_current)
        self.conversation_settings_action = self._action(
            "Conversation se&ttings…", key("Ctrl+Shift+,"), self.open_conversation_settings
        )
        self.delete_action = self._action("&Delete conversation", None, self.delete_current)
        self.undo_action = self._action("&Undo delete", key(key.StandardKey.Undo), self.undo_delete)
        self.undo_action.setShortcutContext(
            Qt.ShortcutContext.WidgetShortcut
        )  # not in the composer
        self.credits_action = self._action("Check &credits", key("F5"), self.ctx.credits.refresh)
        self.key_action = self._action("API &key…", None, self.ask_for_key)
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(self.new_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self.menuBar().addMenu("&Edit")
        for action in (
            self.rename_action,
            self.delete_action,
            self.undo_action,
            self.filter_action,
        ):
            edit_menu.addAction(action)
        chat_menu = self.menuBar().addMenu("&Chat")
        for action in (
            self.stop_action,
            self.prev_action,
            self.next_action,
            self.conversation_settings_action,
            self.credits_action,
        ):
            chat_menu.addAction(action)
        chat_menu.addSeparator()
        chat_menu.addAction(self.key_action)

    def _connect(self) -> None:
        chat, lst, composer = self.ctx.chat, self.conversations, self.chat.composer
        lst.current_changed.connect(self.open_conversation)
        lst.filter.textChanged.connect(lambda _t: self.reload_list())
        lst.rename_requested.connect(self.rename)
        lst.pin_requested.connect(self.set_pinned)
        lst.delete_requested.connect(self.delete_conversation)
        lst.export_requested.connect(self.export)
        self.chat.find_bar.match_selected.connect(self.chat.view.scroll_to_message)
        self.chat.find_bar.closed.connect(self.chat.composer.edit.setFocus)
        composer.send_requested.connect(self.send)
        composer.stop_requested.connect(self.stop_reply)
        composer.draft_changed.connect(self._save_draft)
        self.chat.banner.action_requested.connect(self._on_banner_action)
        self.chat.view.action_requested.connect(self._on_message_action)
        self.undo_button.clicked.connect(self.undo_delete)
        chat.message_added.connect(self._on_message_added)
        chat.message_updated.connect(self._on_message_updated)
        chat.messages_reset.connect(self._on_messages_reset)
        chat.conversation_changed.connect(self._on_conversation_changed)
        chat.busy_changed.connect(self._on_busy_changed)
        chat.reply_failed.connect(self._on_reply_failed)
        chat.reply_finished.connect(self._on_reply_finished)
        self.ctx.credits.credits_changed.connect(self._on_credits)
        self.ctx.credits.cost_changed.connect(self.status.set_cost)
        self.ctx.credits.check_failed.connect(
            lambda text: self.status.showMessage(f"Could not check credits: {text}", 8000)
        )

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
        self.ctx.chat.stop_all()
        super().closeEvent(event)

    # -- conversations ----------------------------------------------------------------------

    def reload_list(self) -> None:
        rows = self.ctx.repo.list_conversations(self.conversations.filter.text())
        self.conversations.set_conversations(rows, keep_id=self.current_id)

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
        self._show_title(conversation)
        self.conversations.select(conversation_id, notify=False)
        replies = [m for m in conversation.messages if m.role is Role.ASSISTANT]
        if replies:
            self.status.set_cost(replies[-1].cost)

    def _show_title(self, conversation: Conversation) -> None:
        title = conversation.title or "New conversation"
        self.setWindowTitle(f"{title} — r1desk")
        own = conversation.settings
        overrides = [
            "own system prompt" if own.system_prompt else "",
            f"max tokens {own.max_tokens}" if own.max_tokens is not None else "",
            f"temperature {own.temperature:g}" if own.temperature is not None else "",
            f"top-p {own.top_p:g}" if own.top_p is not None else "",
        ]
        self.chat.set_title(title, ", ".join(o for o in overrides if o))

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

    def rename_current(self) -> None:
        if self.current_id is not None:
            self.rename(self.current_id)

    def rename(self, conversation_id: int) -> None:
        conversation = self.ctx.repo.get_conversation(conversation_id, with_messages=False)
        dialog = QInputDialog(self)
        dialog.setWindowTitle("Rename conversation")
        dialog.setLabelText("Title:")
        dialog.setTextValue(conversation.title)
        dialog.textValueSelected.connect(lambda text: self._apply_rename(conversation_id, text))
        dialog.open()

    def _apply_rename(self, conversation_id: int, title: str) -> None:
        title = " ".join(title.split())
        if not title:
            return
        self.ctx.repo.rename_conversation(conversation_id, title)
        self.reload_list()
        if conversation_id == self.current_id:
            self._show_title(self.ctx.repo.get_conversation(conversation_id, with_messages=False))

    def set_pinned(self, conversation_id: int, pinned: bool) -> None:
        self.ctx.repo.set_pinned(conversation_id, pinned)
        self.reload_list()

    def delete_current(self) -> None:
        if self.current_id is not None:
            self.delete_conversation(self.current_id)

    def delete_conversation(self, conversation_id: int) -> None:
        """Soft delete with an undo button; purged on the next start."""
        self.ctx.chat.stop(conversation_id)
        row = self.conversations.model.row_of(conversation_id)
        title = self.ctx.repo.get_conversation(conversation_id, with_messages=False).title
        self.ctx.repo.delete_conversation(conversation_id)
        self._deleted_id = conversation_id
        if conversation_id == self.current_id:
            self.current_id = None
        self.reload_list()
        count = self.conversations.model.rowCount()
        if count:
            self.conversations.view.setCurrentIndex(
                self.conversations.model.index(min(row, count - 1))
            )
        else:
            self.new_conversation()
        self.status.showMessage(
            f"Deleted “{title or 'New conversation'}”. Ctrl+Z to undo.", UNDO_DELETE_MS
        )
        self.undo_button.show()
        QTimer.singleShot(UNDO_DELETE_MS, self.undo_button.hide)

    def undo_delete(self) -> None:
        if self._deleted_id is None:
            return
        restored, self._deleted_id = self._deleted_id, None
        self.ctx.repo.restore_conversation(restored)
        self.undo_button.hide()
        self.status.clearMessage()
        self.reload_list()
        self.conversations.select(restored)

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
            self.ctx.repo.set_draft(self.current_id, text)

    def _on_message_added(self, message: Message) -> None:
        if message.conversation_id == self.current_id:
            self.chat.view.append_message(message)

    def _on_message_updated(self, message: Message) -> None:
        if message.conversation_id == self.current_id:
            self.chat.view.update_message(message)

    def _on_messages_reset(self, conversation_id: int) -> None:
        if conversation_id == self.current_id:
            self.chat.view.set_messages(self.ctx.repo.messages(conversation_id))

    def _on_conversation_changed(self, conversation_id: int) -> None:
        self.reload_list()
        if conversation_id == self.current_id:
            self._show_title(self.ctx.repo.get_conversation(conversation_id, with_messages=False))

    def _on_busy_changed(self, conversation_id: int, busy: bool) -> None:
        if conversation_id == self.current_id:
            self.chat.composer.set_busy(busy)

    def _on_reply_failed(self, failure: Failure) -> None:
        if failure.conversation_id == self.current_id:
            self.chat.banner.show_failure(failure)
        else:
            self.status.showMessage(
                f"A reply failed in another conversation: {failure.message}", 8000
            )

    def _on_reply_finished(self, message: Message) -> None:
        if message.conversation_id != self.current_id:
            self.status.showMessage("A reply arrived in another conversation.", 5000)

    def _on_banner_action(self, action: str) -> None:
        if action == NextAction.ENTER_KEY.value:
            self.ask_for_key()
        elif action == NextAction.TOP_UP.value:
            QDesktopServices.openUrl(QUrl(TOP_UP_URL))
        elif action == NextAction.OPEN_SETTINGS.value:
            self.open_settings()
        elif self.current_id is not None and self.ctx.chat.retry(self.current_id):
            self.chat.banner.hide()

    def _on_message_action(self, action: str, message: Message) -> None:
        cid = message.conversation_id
        if cid is None:
            return
        if action == "retry":
            if self.ctx.chat.retry(cid):
                self.chat.banner.hide()
        elif action == "regenerate":
            self.ctx.chat.regenerate(cid)
        elif action == "delete":
            self.ctx.chat.delete_message(message)
        elif action == "edit" and message.role is Role.USER:
            dialog = QInputDialog(self)
            dialog.setWindowTitle("Edit and resend")
            dialog.setLabelText("Later messages in this conversation will be replaced.")
            dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
            dialog.setTextValue(message.content)
            dialog.textValueSelected.connect(
                lambda text: self.ctx.chat.edit_and_resend(message, text)
            )
            dialog.open()

    # -- dialogs --------------------------------------------------------------------------------

    def search(self) -> None:
        if self.search_dialog is None:
            self.search_dialog = SearchDialog(self.ctx.repo.search, self)
            self.search_dialog.hit_activated.connect(self.jump_to)
        self.search_dialog.show()
        self.search_dialog.raise_()
        self.search_dialog.activateWindow()

    def jump_to(self, conversation_id: int, message_id: int) -> None:
        self.conversations.filter.clear()
        self.conversations.select(conversation_id)
        self.chat.view.scroll_to_message(message_id, highlight=True)

    def open_conversation_settings(self) -> None:
        if self.current_id is None:
            return
        cid = self.current_id
        conversation = self.ctx.repo.get_conversation(cid, with_messages=False)
        dialog = ConversationSettingsDialog(
            conversation.title, conversation.settings, self.ctx.providers.settings, self
        )
        dialog.accepted_settings.connect(lambda own: self._apply_conversation_settings(cid, own))
        self.conversation_settings_dialog = dialog
        dialog.open()

    def _apply_conversation_settings(self, cid: int, own: ConversationSettings) -> None:
        self.ctx.repo.set_conversation_settings(cid, own)
        if cid == self.current_id:
            self._show_title(self.ctx.repo.get_conversation(cid, with_messages=False))

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.ctx.providers.settings, self.ctx.keys, self)
        dialog.settings_accepted.connect(self._apply_settings)
        dialog.test_requested.connect(
            lambda settings, key: self.ctx.tasks.spawn(self._test_connection(dialog, settings, key))
        )
        self.settings_dialog = dialog
        dialog.open()

    async def _test_connection(
        self, dialog: SettingsDialog, settings: Settings, key: str | None
    ) -> None:
        ok, text = await connection_test.test_connection(
            self.ctx.providers.http, settings, key, self.ctx.providers.api_base_override
        )
        dialog.show_test_result(ok, text)

    def _apply_settings(self, settings: Settings) -> None:
        save_settings(self.ctx.paths.settings_file, settings)
        theme_changed = settings.theme != self.ctx.providers.settings.theme
        self.ctx.providers.settings = settings
        app = QApplication.instance()
        if theme_changed and isinstance(app, QApplication):
            apply_theme(app, settings.theme)
        self.chat.view.set_reasoning_expanded_default(settings.reasoning_expanded)
        self.refresh_endpoint()
        self.ctx.credits.refresh()
        self.status.showMessage("Settings saved.", 4000)

    def export(self, conversation_id: int | None = None) -> None:
        cid = conversation_id if conversation_id is not None else self.current_id
        title = ""
        if cid is not None:
            title = self.ctx.repo.get_conversation(cid, with_messages=False).title
        selected = self.conversations.selected_ids() if conversation_id is None else []
        dialog = ExportDialog(cid, title, self.ctx.paths.exports_dir, selected, self)
        dialog.export_requested.connect(self._export)
        self.export_dialog = dialog
        dialog.open()

    def _export(self, ids: list[int] | None, fmt: str, out: Path, reasoning: bool) -> None:
        summary = run_export(self, self.ctx.repo, ids, fmt, out, reasoning, on_done=self._said)
        self._said(summary)

    def _said(self, summary: str) -> None:
        if summary:
            self.status.showMessage(summary, 10000)

    def import_file(self) -> None:
        dialog = QFileDialog(self, "Import conversations", str(Path.home()))
        dialog.setNameFilters(["Conversations (*.json *.zip)", "All files (*)"])
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda name: self._import(Path(name)))
        dialog.open()

    def _import(self, path: Path) -> None:
        result = run_import(self, self.ctx.repo, path)
        if result is not None:
            self.reload_list()
            self._said(
                f"Imported {result.added} conversation(s); {result.skipped} already present."
            )

    # -- key and credits --------------------------------------------------------------------

    def refresh_endpoint(self) -> None:
        where = self.ctx.providers.endpoint()
        self.status.set_endpoint(where.label, where.model)
        reported = self.ctx.providers.credits_client() is not None or where.provider == "segmind"
        self.status.set_credits(self.ctx.credits.credits, reported=reported)

    def _on_credits(self, credits: object) -> None:
        self.refresh_endpoint()

    def ask_for_key(self) -> None:
        preset = self.ctx.providers.endpoint()
        available = self.ctx.keys.backend_available()
        dialog = KeyDialog(
            preset.label,
            keyring_available=available,
            has_saved_key=bool(self.ctx.keys.get_key(preset.provider)),
            parent=self,
        )
        dialog.key_entered.connect(self._store_key)
        dialog.key_removed.connect(lambda: self.ctx.keys.delete_key(preset.provider))
        self.key_dialog = dialog
        dialog.open()

    def _store_key(self, key: str, session_only: bool) -> None:
        provider = self.ctx.providers.endpoint().provider
        try:
            if session_only:
                self.ctx.keys.set_session_key(provider, key)
            else:
                self.ctx.keys.set_key(provider, key)
        except Exception as error:  # the keyring can fail in many ways; never lose the key
            log.warning("Keyring refused the key: %s", type(error).__name__)
            self.ctx.keys.set_session_key(provider, key)
            self.status.showMessage(f"{error} The key is used for this session only.", 12000)
        self.ctx.credits.refresh()
