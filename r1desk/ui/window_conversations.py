"""The main window's operations on the conversation list: rename, pin, delete and undo delete."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from r1desk.ui.stored import stored
from r1desk.ui.timers import single_shot

if TYPE_CHECKING:
    from r1desk.ui.main_window import MainWindow

UNDO_DELETE_MS = 10_000
translate = QCoreApplication.translate


class ConversationOps(QObject):
    """Rename, pin and (soft) delete conversations, from the menus or the list's context menu."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._deleted_ids: list[int] = []
        lst = window.conversations
        lst.rename_requested.connect(self.rename)
        lst.pin_requested.connect(self.set_pinned)
        lst.delete_requested.connect(self.delete_conversations)
        window.undo_button.clicked.connect(self.undo_delete)
        self._undo_timer = single_shot(self, UNDO_DELETE_MS, window.undo_button.hide)

    def rename_current(self) -> None:
        if self.window.current_id is not None:
            self.rename(self.window.current_id)

    def rename(self, conversation_id: int) -> None:
        w = self.window
        conversation = w.ctx.repo.get_conversation(conversation_id, with_messages=False)
        from PySide6.QtWidgets import QInputDialog  # not at start-up (see window_dialogs)

        dialog = QInputDialog(w)
        dialog.setWindowTitle(translate("MainWindow", "Rename conversation"))
        dialog.setLabelText(translate("MainWindow", "Title:"))
        dialog.setTextValue(conversation.title)
        dialog.textValueSelected.connect(lambda text: self.apply_rename(conversation_id, text))
        dialog.open()

    def apply_rename(self, conversation_id: int, title: str) -> None:
        title = " ".join(title.split())
        if not title:
            return
        w = self.window
        what = translate("MainWindow", "rename the conversation")
        if not stored(w.status, what, w.ctx.repo.rename_conversation, conversation_id, title):
            return
        w.reload_list()
        if conversation_id == w.current_id:
            w.show_title(w.ctx.repo.get_conversation(conversation_id, with_messages=False))

    def toggle_pin_current(self) -> None:
        w = self.window
        if w.current_id is not None:
            pinned = w.ctx.repo.get_conversation(w.current_id, with_messages=False).pinned
            self.set_pinned(w.current_id, not pinned)

    def set_pinned(self, conversation_id: int, pinned: bool) -> None:
        w = self.window
        if pinned:
            what = translate("MainWindow", "pin the conversation")
        else:
            what = translate("MainWindow", "unpin the conversation")
        if stored(w.status, what, w.ctx.repo.set_pinned, conversation_id, pinned):
            w.reload_list()

    def delete_current(self) -> None:
        if self.window.current_id is not None:
            self.delete_conversation(self.window.current_id)

    def delete_conversation(self, conversation_id: int) -> None:
        self.delete_conversations([conversation_id])

    def delete_conversations(self, conversation_ids: list[int]) -> None:
        """Soft delete (all or none) with an undo button; purged on the next start."""
        w = self.window
        model = w.conversations.model
        row = min(model.row_of(cid) for cid in conversation_ids)
        if len(conversation_ids) == 1:
            what = translate("MainWindow", "delete the conversation")
            title = w.ctx.repo.get_conversation(conversation_ids[0], with_messages=False).title
            done = translate("MainWindow", "Deleted “{title}”. Ctrl+Z to undo.").format(
                title=title or translate("MainWindow", "New conversation")
            )
        else:
            what = translate("MainWindow", "delete the conversations")
            done = translate("MainWindow", "Deleted {count} conversations. Ctrl+Z to undo.")
            done = done.format(count=len(conversation_ids))
        if not stored(w.status, what, w.ctx.repo.delete_conversations, conversation_ids):
            return  # a reply that is running goes on
        for conversation_id in conversation_ids:
            w.ctx.chat.stop(conversation_id)
        self._deleted_ids = list(conversation_ids)
        if w.current_id in conversation_ids:
            w.current_id = None
        w.reload_list()
        count = model.rowCount()
        if count:
            w.conversations.view.setCurrentIndex(model.index(min(max(row, 0), count - 1)))
        else:
            w.new_conversation()
        w.status.showMessage(done, UNDO_DELETE_MS)
        w.undo_button.show()
        self._undo_timer.start()  # a second delete gets its own full time

    def undo_delete(self) -> None:
        if not self._deleted_ids:
            return
        w = self.window
        restored = self._deleted_ids
        what = translate("MainWindow", "restore the conversation")
        if not stored(w.status, what, w.ctx.repo.restore_conversations, restored):
            return  # still undoable: Ctrl+Z again once there is space
        self._deleted_ids = []
        if w.undo_button.hasFocus():  # clicked: hidden, it would pass the focus to the filter
            w.chat.composer.edit.setFocus()
        w.undo_button.hide()
        w.status.clearMessage()
        w.reload_list()
        w.conversations.select(restored[0])
