"""The main window's API key and credits: the status bar's endpoint and balance, the key dialog,
and storing or removing the key."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from r1desk.secrets import KeySource
from r1desk.ui.i18n import error_text, translated

if TYPE_CHECKING:
    from r1desk.ui.main_window import MainWindow

log = logging.getLogger(__name__)
translate = QCoreApplication.translate
KEYRING_MESSAGE_MS = 20_000


class KeyAndCredits(QObject):
    """Keeps the status bar and the welcome screen in step with the key and the balance."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        credits = window.ctx.credits
        window.chat.welcome.key_requested.connect(self.ask_for_key)
        credits.credits_changed.connect(self._on_credits)
        credits.cost_changed.connect(window.status.set_cost)
        credits.check_failed.connect(
            lambda text: window.status.showMessage(
                translate("MainWindow", "Could not check credits: {reason}").format(
                    reason=translated(text)
                ),
                8000,
            )
        )

    def refresh_endpoint(self, *, check_key: bool = True) -> None:
        """Show provider, model and balance; `check_key` also asks the keyring (slow at start)."""
        w = self.window
        where = w.ctx.providers.endpoint()
        w.status.set_endpoint(where.label, where.model)
        w.status.set_credits(w.ctx.credits.credits, reported=where.provider == "segmind")
        if check_key:
            w.chat.welcome.set_key_state(
                needs_key=w.ctx.providers.missing_key(), provider_label=where.label
            )

    def after_first_paint(self) -> None:
        """Start-up work that may block: the keyring (read in a worker thread), then the key
        dialog or the balance."""
        self.window.ctx.tasks.spawn(self._after_first_paint(), name="after-first-paint")

    async def _after_first_paint(self) -> None:
        failure = await self.window.ctx.providers.load_key()
        if failure is not None:  # not read again here: a stuck keyring would freeze the window
            self.refresh_endpoint(check_key=False)
            text = translate("MainWindow", "Could not read the API key from the keyring: {reason}")
            self.window.status.showMessage(
                text.format(reason=translated(failure.reason)), KEYRING_MESSAGE_MS
            )
            return
        self.refresh_endpoint()
        if self.window.ctx.providers.missing_key():
            self.ask_for_key()
        else:
            self.window.ctx.credits.refresh()

    def _on_credits(self, credits: object) -> None:
        self.refresh_endpoint()

    def ask_for_key(self) -> None:
        from r1desk.ui.key_dialog import KeyDialog

        w = self.window
        keys = w.ctx.keys
        preset = w.ctx.providers.endpoint()
        available = keys.backend_available()
        source = keys.key_source(preset.provider)
        from_environment = source is KeySource.ENVIRONMENT
        dialog = KeyDialog(
            preset.label,
            keyring_available=available,
            # an environment key is not saved anywhere: "Remove saved key" could not remove it
            has_saved_key=source in (KeySource.KEYRING, KeySource.SESSION),
            environment_variable=keys.env_var(preset.provider) if from_environment else None,
            parent=w,
        )
        dialog.key_entered.connect(self._store_key)
        dialog.key_removed.connect(lambda: self._remove_key(preset.provider))
        w.key_dialog = dialog
        dialog.open()

    def _remove_key(self, provider: str) -> None:
        self.window.ctx.keys.delete_key(provider)
        self.refresh_endpoint()

    def _store_key(self, key: str, session_only: bool) -> None:
        w = self.window
        provider = w.ctx.providers.endpoint().provider
        try:
            if session_only:
                w.ctx.keys.set_session_key(provider, key)
            else:
                w.ctx.keys.set_key(provider, key)
        except Exception as error:  # the keyring can fail in many ways; never lose the key
            log.warning("Keyring refused the key: %s", type(error).__name__)
            w.ctx.keys.set_session_key(provider, key)
            w.status.showMessage(
                translate("MainWindow", "{reason} The key is used for this session only.").format(
                    reason=error_text(error)
                ),
                12000,
            )
        w.ctx.credits.refresh()
        self.refresh_endpoint()
