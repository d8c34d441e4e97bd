"""The main window's dialogs: search, settings, conversation settings, shortcuts, about, export
and import. Each dialog module is imported when first opened, to keep start-up light: even
importing a dialog class from PySide6 builds its type and its enums (QFileDialog: 3 ms)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QApplication

from r1desk.domain import ConversationSettings
from r1desk.settings import Settings, save_settings
from r1desk.ui.theme import ThemeManager

if TYPE_CHECKING:
    from r1desk.ui.main_window import MainWindow
    from r1desk.ui.settings_dialog import SettingsDialog

translate = QCoreApplication.translate


class WindowDialogs(QObject):
    """Opens the window's dialogs (kept on the window as `search_dialog`, `settings_dialog`, …)
    and applies what they return."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.conversations.export_requested.connect(self.export)

    def search(self) -> None:
        from r1desk.ui.search_dialog import SearchDialog

        w = self.window
        if w.search_dialog is None:
            w.search_dialog = SearchDialog(w.ctx.repo.search, w)
            w.search_dialog.hit_activated.connect(self.jump_to)
        w.search_dialog.show()
        w.search_dialog.raise_()
        w.search_dialog.activateWindow()

    def jump_to(self, conversation_id: int, message_id: int) -> None:
        w = self.window
        w.conversations.filter.clear()
        w.conversations.select(conversation_id)
        w.chat.view.scroll_to_message(message_id, highlight=True)

    def open_conversation_settings(self) -> None:
        from r1desk.ui.conversation_settings_dialog import ConversationSettingsDialog

        w = self.window
        if w.current_id is None:
            return
        cid = w.current_id
        conversation = w.ctx.repo.get_conversation(cid, with_messages=False)
        dialog = ConversationSettingsDialog(
            conversation.title, conversation.settings, w.ctx.providers.settings, w
        )
        dialog.accepted_settings.connect(lambda own: self.apply_conversation_settings(cid, own))
        w.conversation_settings_dialog = dialog
        dialog.open()

    def apply_conversation_settings(self, cid: int, own: ConversationSettings) -> None:
        w = self.window
        w.ctx.repo.set_conversation_settings(cid, own)
        if cid == w.current_id:
            w.show_title(w.ctx.repo.get_conversation(cid, with_messages=False))

    def open_settings(self) -> None:
        from r1desk.ui.settings_dialog import SettingsDialog

        w = self.window
        providers = w.ctx.providers
        dialog = SettingsDialog(
            providers.settings, w.ctx.keys, w, run_api_base=providers.override_for
        )
        dialog.settings_accepted.connect(self.apply_settings)
        dialog.test_requested.connect(
            lambda settings, key: w.ctx.tasks.spawn(self._test_connection(dialog, settings, key))
        )
        w.settings_dialog = dialog
        dialog.open()

    async def _test_connection(
        self, dialog: SettingsDialog, settings: Settings, key: str | None
    ) -> None:
        from r1desk.services import connection_test

        providers = self.window.ctx.providers
        override = providers.override_for(settings.provider, settings.api_base)
        ok, text = await connection_test.test_connection(providers.http, settings, key, override)
        dialog.show_test_result(ok, text)

    def apply_settings(self, settings: Settings) -> None:
        w = self.window
        save_settings(w.ctx.paths.settings_file, settings)
        old = w.ctx.providers.settings
        w.ctx.providers.settings = settings
        app = QApplication.instance()
        if isinstance(app, QApplication):
            manager = ThemeManager.of(app)
            if settings.theme != old.theme:
                manager.set_theme(settings.theme)
            if settings.font_size != old.font_size:
                manager.set_font_size(settings.font_size)
                w.chat.view.set_zoom(settings.zoom)
        w.theme_actions[settings.theme].setChecked(True)
        w.chat.view.set_reasoning_expanded_default(settings.reasoning_expanded)
        w.key_credits.refresh_endpoint()
        w.ctx.credits.refresh()
        saved = translate("MainWindow", "Settings saved.")
        if settings.language != old.language:
            saved += " " + translate(
                "MainWindow", "The new language is used after r1desk restarts."
            )
        w.status.showMessage(saved, 6000)

    def show_shortcuts(self) -> None:
        from r1desk.ui.shortcuts_dialog import ShortcutsDialog

        w = self.window
        w.shortcuts_dialog = ShortcutsDialog(w.actions(), w)
        w.shortcuts_dialog.open()

    def show_about(self) -> None:
        from r1desk.ui.about_dialog import AboutDialog

        w = self.window
        w.about_dialog = AboutDialog(w.ctx.paths, w)
        w.about_dialog.open()

    def export(self, conversation_id: int | None = None) -> None:
        from r1desk.ui.transfer_dialogs import ExportDialog

        w = self.window
        cid = conversation_id if conversation_id is not None else w.current_id
        title = ""
        if cid is not None:
            title = w.ctx.repo.get_conversation(cid, with_messages=False).title
        selected = w.conversations.selected_ids() if conversation_id is None else []
        dialog = ExportDialog(cid, title, w.ctx.paths.exports_dir, selected, w)
        dialog.export_requested.connect(self.run_export)
        w.export_dialog = dialog
        dialog.open()

    def run_export(self, ids: list[int] | None, fmt: str, out: Path, reasoning: bool) -> None:
        from r1desk.ui.transfer_dialogs import run_export

        w = self.window
        summary = run_export(w, w.ctx.repo, ids, fmt, out, reasoning, on_done=self._say)
        self._say(summary)

    def _say(self, summary: str) -> None:
        if summary:
            self.window.status.showMessage(summary, 10000)

    def import_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        dialog = QFileDialog(
            self.window, translate("MainWindow", "Import conversations"), str(Path.home())
        )
        dialog.setNameFilters(
            [
                translate("MainWindow", "Conversations (*.json *.zip)"),
                translate("MainWindow", "All files (*)"),
            ]
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda name: self._import(Path(name)))
        dialog.open()

    def _import(self, path: Path) -> None:
        from r1desk.ui.transfer_dialogs import run_import

        w = self.window
        result = run_import(w, w.ctx.repo, path)
        if result is not None:
            w.reload_list()
            self._say(
                translate(
                    "MainWindow", "Imported {added} conversation(s); {skipped} already present."
                ).format(added=result.added, skipped=result.skipped)
            )
