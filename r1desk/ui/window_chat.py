"""The main window's side of chatting: it follows the chat service's signals into the open
conversation, tells the user when a reply ends, and runs the actions of message cards and of
the failure banner."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QUrl
from PySide6.QtGui import QDesktopServices

from r1desk.domain import Message, MessageStatus, Role
from r1desk.services.failures import TOP_UP_URL, Failure, NextAction
from r1desk.ui.i18n import translated

if TYPE_CHECKING:
    from r1desk.ui.main_window import MainWindow

PREVIEW_CHARS = 120
translate = QCoreApplication.translate


def _preview(text: str) -> str:
    """The text's first words on one line: what a notification or a question quotes."""
    return " ".join(text.split())[:PREVIEW_CHARS]


class ChatEvents(QObject):
    """Shows what the chat service reports, and acts on the message cards and the banner."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        chat = window.ctx.chat
        window.chat.banner.action_requested.connect(self._on_banner_action)
        window.chat.view.action_requested.connect(self._on_message_action)
        chat.message_added.connect(self._on_message_added)
        chat.message_updated.connect(self._on_message_updated)
        chat.messages_reset.connect(self._on_messages_reset)
        chat.conversation_changed.connect(self._on_conversation_changed)
        chat.busy_changed.connect(self._on_busy_changed)
        chat.reply_failed.connect(self._on_reply_failed)
        chat.reply_finished.connect(self._on_reply_finished)

    def _on_message_added(self, message: Message) -> None:
        if message.conversation_id == self.window.current_id:
            self.window.chat.view.append_message(message)

    def _on_message_updated(self, message: Message) -> None:
        if message.conversation_id == self.window.current_id:
            self.window.chat.view.update_message(message)

    def _on_messages_reset(self, conversation_id: int) -> None:
        w = self.window
        if conversation_id == w.current_id:
            w.chat.view.set_messages(w.ctx.repo.messages(conversation_id))

    def _on_conversation_changed(self, conversation_id: int) -> None:
        w = self.window
        w.reload_list()
        if conversation_id == w.current_id:
            w.show_title(w.ctx.repo.get_conversation(conversation_id, with_messages=False))

    def _on_busy_changed(self, conversation_id: int, busy: bool) -> None:
        if conversation_id == self.window.current_id:
            self.window.chat.composer.set_busy(busy)

    def _on_reply_failed(self, failure: Failure) -> None:
        w = self.window
        if failure.conversation_id == w.current_id:
            w.chat.banner.show_failure(failure)
        else:
            w.status.showMessage(
                translate("MainWindow", "A reply failed in another conversation: {reason}").format(
                    reason=translated(failure.message)
                ),
                8000,
            )
        self._tell_user(failure.conversation_id, translated(failure.message), failed=True)

    def _on_reply_finished(self, message: Message) -> None:
        if message.conversation_id != self.window.current_id:
            self.window.status.showMessage(
                translate("MainWindow", "A reply arrived in another conversation."), 5000
            )
        if message.conversation_id is not None and message.status is MessageStatus.COMPLETE:
            self._tell_user(message.conversation_id, message.content, failed=False)

    def _tell_user(self, conversation_id: int, text: str, *, failed: bool) -> None:
        """Announce to screen readers; notify the desktop when the window is in the background."""
        w = self.window
        title = w.ctx.repo.get_conversation(conversation_id, with_messages=False).title
        title = title or translate("MainWindow", "New conversation")
        preview = _preview(text)
        if failed:
            heading = translate("MainWindow", "The reply in “{title}” failed").format(title=title)
        else:
            heading = translate("MainWindow", "R1 replied in “{title}”").format(title=title)
        if conversation_id == w.current_id:
            w.announcer.announce(f"{heading}: {preview}")
        if w.ctx.providers.settings.notify_when_done and not w.isActiveWindow():
            w.notifier.notify(heading, preview)

    def _on_banner_action(self, action: str) -> None:
        w = self.window
        if action == NextAction.ENTER_KEY.value:
            w.key_credits.ask_for_key()
        elif action == NextAction.TOP_UP.value:
            QDesktopServices.openUrl(QUrl(TOP_UP_URL))
        elif action == NextAction.OPEN_SETTINGS.value:
            w.dialogs.open_settings()
        elif action == NextAction.SEND_AGAIN.value:
            w.chat.banner.hide()
            w.send(w.chat.composer.text)  # shows the banner again if it still fails
        elif action == NextAction.RETRY_QUEUED.value:
            if w.current_id is not None and w.ctx.chat.retry_queued(w.current_id):
                w.chat.banner.hide()
        elif w.current_id is not None and w.ctx.chat.retry(w.current_id):
            w.chat.banner.hide()

    def _on_message_action(self, action: str, message: Message) -> None:
        w = self.window
        cid = message.conversation_id
        if cid is None:
            return
        if action == "retry":
            if w.ctx.chat.retry(cid):
                w.chat.banner.hide()
        elif action == "regenerate":
            w.ctx.chat.regenerate(cid)
        elif action == "delete":
            self._confirm_delete(message)
        elif action == "edit" and message.role is Role.USER:
            from PySide6.QtWidgets import QInputDialog  # not at start-up (see window_dialogs)

            dialog = QInputDialog(w)
            dialog.setWindowTitle(translate("MainWindow", "Edit and resend"))
            dialog.setLabelText(
                translate("MainWindow", "Later messages in this conversation will be replaced.")
            )
            dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
            dialog.setTextValue(message.content)
            dialog.textValueSelected.connect(lambda text: w.ctx.chat.edit_and_resend(message, text))
            dialog.open()

    def _confirm_delete(self, message: Message) -> None:
        """A message cannot be restored once deleted, so the user says so first (Cancel is
        the default: Enter keeps it)."""
        from PySide6.QtWidgets import QMessageBox  # not at start-up (see window_dialogs)

        box = QMessageBox(
            QMessageBox.Icon.Question,
            translate("MainWindow", "Delete message"),
            translate("MainWindow", "Delete this message? This cannot be undone."),
            QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.setInformativeText(_preview(message.content))
        delete = box.addButton(
            translate("MainWindow", "Delete"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        delete.clicked.connect(lambda: self.window.ctx.chat.delete_message(message))
        box.open()
