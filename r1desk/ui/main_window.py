"""The main window: conversation list on the left, chat on the right, status bar below."""

from __future__ import annotations

import itertools
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QMainWindow,
    QMenu,
    QPushButton,
    QSplitter,
    QWidget,
)

from r1desk.domain import Conversation, ConversationSettings, Message, MessageStatus, Role
from r1desk.services.context import AppContext
from r1desk.services.failures import TOP_UP_URL, Failure, NextAction
from r1desk.settings import ZOOM_DEFAULT, ZOOM_MAX, ZOOM_MIN, Settings, save_settings
from r1desk.ui.a11y import Announcer
from r1desk.ui.chat_pane import ChatPane
from r1desk.ui.conversation_list import ConversationList, StoredList
from r1desk.ui.i18n import error_text, translated
from r1desk.ui.notify import Notifier
from r1desk.ui.status_bar import AppStatusBar
from r1desk.ui.theme import ThemeManager
from r1desk.ui.window_actions import build_actions, build_menus

if TYPE_CHECKING:  # dialogs are imported when first opened, to keep start-up light
    from r1desk.ui.about_dialog import AboutDialog
    from r1desk.ui.conversation_settings_dialog import ConversationSettingsDialog
    from r1desk.ui.key_dialog import KeyDialog
    from r1desk.ui.search_dialog import SearchDialog
    from r1desk.ui.settings_dialog import SettingsDialog
    from r1desk.ui.shortcuts_dialog import ShortcutsDialog
    from r1desk.ui.transfer_dialogs import ExportDialog

log = logging.getLogger(__name__)
UNDO_DELETE_MS = 10_000
ZOOM_STEP = 10
PREVIEW_CHARS = 120


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
        self.status.addWidget(self.undo_button)
        self._deleted_id: int | None = None
        self.key_dialog: KeyDialog | None = None
        self.search_dialog: SearchDialog | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.conversation_settings_dialog: ConversationSettingsDialog | None = None
        self.export_dialog: ExportDialog | None = None
        self.shortcuts_dialog: ShortcutsDialog | None = None
        self.about_dialog: AboutDialog | None = None
        self.notifier = Notifier(self)
        self.announcer = Announcer(self.chat.view)
        build_actions(self)
        build_menus(self)
        self._connect()
        self._set_tab_order()
        self.resize(1100, 720)
        self.refresh_endpoint(check_key=False)
        self.chat.view.set_reasoning_expanded_default(ctx.providers.settings.reasoning_expanded)
        self.chat.view.set_zoom(ctx.providers.settings.zoom)

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
        self.chat.welcome.key_requested.connect(self.ask_for_key)
        self.chat.welcome.prompt_chosen.connect(self.chat.composer.insert_example)
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
            lambda text: self.status.showMessage(
                self.tr("Could not check credits: {reason}").format(reason=translated(text)), 8000
            )
        )

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
        self._show_title(conversation)
        self.conversations.select(conversation_id, notify=False)
        replies = [m for m in conversation.messages if m.role is Role.ASSISTANT]
        if replies:
            self.status.set_cost(replies[-1].cost)

    def _show_title(self, conversation: Conversation) -> None:
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

    def rename_current(self) -> None:
        if self.current_id is not None:
            self.rename(self.current_id)

    def rename(self, conversation_id: int) -> None:
        conversation = self.ctx.repo.get_conversation(conversation_id, with_messages=False)
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Rename conversation"))
        dialog.setLabelText(self.tr("Title:"))
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

    def toggle_pin_current(self) -> None:
        if self.current_id is not None:
            pinned = self.ctx.repo.get_conversation(self.current_id, with_messages=False).pinned
            self.set_pinned(self.current_id, not pinned)

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
            self.tr("Deleted “{title}”. Ctrl+Z to undo.").format(
                title=title or self.tr("New conversation")
            ),
            UNDO_DELETE_MS,
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
                self.tr("A reply failed in another conversation: {reason}").format(
                    reason=translated(failure.message)
                ),
                8000,
            )
        self._tell_user(failure.conversation_id, translated(failure.message), failed=True)

    def _on_reply_finished(self, message: Message) -> None:
        if message.conversation_id != self.current_id:
            self.status.showMessage(self.tr("A reply arrived in another conversation."), 5000)
        if message.conversation_id is not None and message.status is MessageStatus.COMPLETE:
            self._tell_user(message.conversation_id, message.content, failed=False)

    def _tell_user(self, conversation_id: int, text: str, *, failed: bool) -> None:
        """Announce to screen readers; notify the desktop when the window is in the background."""
        title = self.ctx.repo.get_conversation(conversation_id, with_messages=False).title
        title = title or self.tr("New conversation")
        preview = " ".join(text.split())[:PREVIEW_CHARS]
        if failed:
            heading = self.tr("The reply in “{title}” failed").format(title=title)
        else:
            heading = self.tr("R1 replied in “{title}”").format(title=title)
        if conversation_id == self.current_id:
            self.announcer.announce(f"{heading}: {preview}")
        if self.ctx.providers.settings.notify_when_done and not self.isActiveWindow():
            self.notifier.notify(heading, preview)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.notifier.window_activated()

    def _on_banner_action(self, action: str) -> None:
        if action == NextAction.ENTER_KEY.value:
            self.ask_for_key()
        elif action == NextAction.TOP_UP.value:
            QDesktopServices.openUrl(QUrl(TOP_UP_URL))
        elif action == NextAction.OPEN_SETTINGS.value:
            self.open_settings()
        elif action == NextAction.RETRY_QUEUED.value:
            if self.current_id is not None and self.ctx.chat.retry_queued(self.current_id):
                self.chat.banner.hide()
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
            dialog.setWindowTitle(self.tr("Edit and resend"))
            dialog.setLabelText(self.tr("Later messages in this conversation will be replaced."))
            dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
            dialog.setTextValue(message.content)
            dialog.textValueSelected.connect(
                lambda text: self.ctx.chat.edit_and_resend(message, text)
            )
            dialog.open()

    # -- dialogs --------------------------------------------------------------------------------

    def search(self) -> None:
        from r1desk.ui.search_dialog import SearchDialog

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
        from r1desk.ui.conversation_settings_dialog import ConversationSettingsDialog

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
        from r1desk.ui.settings_dialog import SettingsDialog

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
        from r1desk.services import connection_test

        ok, text = await connection_test.test_connection(
            self.ctx.providers.http, settings, key, self.ctx.providers.api_base_override
        )
        dialog.show_test_result(ok, text)

    def _apply_settings(self, settings: Settings) -> None:
        save_settings(self.ctx.paths.settings_file, settings)
        old = self.ctx.providers.settings
        self.ctx.providers.settings = settings
        app = QApplication.instance()
        if isinstance(app, QApplication):
            manager = ThemeManager.of(app)
            if settings.theme != old.theme:
                manager.set_theme(settings.theme)
            if settings.font_size != old.font_size:
                manager.set_font_size(settings.font_size)
                self.chat.view.set_zoom(settings.zoom)
        self.theme_actions[settings.theme].setChecked(True)
        self.chat.view.set_reasoning_expanded_default(settings.reasoning_expanded)
        self.refresh_endpoint()
        self.ctx.credits.refresh()
        saved = self.tr("Settings saved.")
        if settings.language != old.language:
            saved += " " + self.tr("The new language is used after r1desk restarts.")
        self.status.showMessage(saved, 6000)

    def _save_setting(self, **changes: object) -> None:
        settings = self.ctx.providers.settings.replace(**changes)
        self.ctx.providers.settings = settings
        save_settings(self.ctx.paths.settings_file, settings)

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

    def show_shortcuts(self) -> None:
        from r1desk.ui.shortcuts_dialog import ShortcutsDialog

        self.shortcuts_dialog = ShortcutsDialog(self.actions(), self)
        self.shortcuts_dialog.open()

    def show_about(self) -> None:
        from r1desk.ui.about_dialog import AboutDialog

        self.about_dialog = AboutDialog(self.ctx.paths, self)
        self.about_dialog.open()

    def export(self, conversation_id: int | None = None) -> None:
        from r1desk.ui.transfer_dialogs import ExportDialog

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
        from r1desk.ui.transfer_dialogs import run_export

        summary = run_export(self, self.ctx.repo, ids, fmt, out, reasoning, on_done=self._said)
        self._said(summary)

    def _said(self, summary: str) -> None:
        if summary:
            self.status.showMessage(summary, 10000)

    def import_file(self) -> None:
        dialog = QFileDialog(self, self.tr("Import conversations"), str(Path.home()))
        dialog.setNameFilters([self.tr("Conversations (*.json *.zip)"), self.tr("All files (*)")])
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda name: self._import(Path(name)))
        dialog.open()

    def _import(self, path: Path) -> None:
        from r1desk.ui.transfer_dialogs import run_import

        result = run_import(self, self.ctx.repo, path)
        if result is not None:
            self.reload_list()
            self._said(
                self.tr("Imported {added} conversation(s); {skipped} already present.").format(
                    added=result.added, skipped=result.skipped
                )
            )

    # -- key and credits --------------------------------------------------------------------

    def refresh_endpoint(self, *, check_key: bool = True) -> None:
        """Show provider, model and balance; `check_key` also asks the keyring (slow at start)."""
        where = self.ctx.providers.endpoint()
        self.status.set_endpoint(where.label, where.model)
        self.status.set_credits(self.ctx.credits.credits, reported=where.provider == "segmind")
        if check_key:
            self.chat.welcome.set_key_state(
                needs_key=self.ctx.providers.missing_key(), provider_label=where.label
            )

    def after_first_paint(self) -> None:
        """Start-up work that may block: the keyring, then the key dialog or the balance."""
        self.refresh_endpoint()
        if self.ctx.providers.missing_key():
            self.ask_for_key()
        else:
            self.ctx.credits.refresh()

    def _on_credits(self, credits: object) -> None:
        self.refresh_endpoint()

    def ask_for_key(self) -> None:
        from r1desk.ui.key_dialog import KeyDialog

        preset = self.ctx.providers.endpoint()
        available = self.ctx.keys.backend_available()
        dialog = KeyDialog(
            preset.label,
            keyring_available=available,
            has_saved_key=bool(self.ctx.keys.get_key(preset.provider)),
            parent=self,
        )
        dialog.key_entered.connect(self._store_key)
        dialog.key_removed.connect(lambda: self._remove_key(preset.provider))
        self.key_dialog = dialog
        dialog.open()

    def _remove_key(self, provider: str) -> None:
        self.ctx.keys.delete_key(provider)
        self.refresh_endpoint()

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
            self.status.showMessage(
                self.tr("{reason} The key is used for this session only.").format(
                    reason=error_text(error)
                ),
                12000,
            )
        self.ctx.credits.refresh()
        self.refresh_endpoint()
