"""The API key part of the settings dialog: one key per provider, kept until OK is pressed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from r1desk.secrets import KeySource, KeyStore, KeyStoreError, keyring_next_step
from r1desk.settings import PRESETS
from r1desk.ui.i18n import error_text, translated
from r1desk.ui.theme import set_error_text
from r1desk.ui.wrapped_label import WrappedLabel


class KeyEditor(QWidget):
    """Masked key field, show toggle, "Remove key" and a status line, for the current provider.

    Typed keys and removals are pending per provider; `save()` writes them to the keyring.
    The stored key is never put in the field.
    """

    changed = Signal()

    def __init__(self, keys: KeyStore, provider: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._keys = keys
        self._provider = provider
        self._pending: dict[str, str | None] = {}  # provider -> new key; None: remove it
        self._sources: dict[str, KeySource | str] = {}  # keyring calls may block: ask once
        self._keyring_works: bool | None = None  # asked when first needed, then kept
        self.field = QLineEdit(self)
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName(self.tr("API key"))
        self.field.setMinimumWidth(240)
        self.show_key = QCheckBox(self.tr("Show key"), self)
        self.remove = QPushButton(self.tr("Remove key"), self)
        for button in (self.show_key, self.remove):
            button.setAccessibleName(button.text())
        self.status = WrappedLabel(self)
        self.status.setAccessibleName(self.tr("API key status"))
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.show_key)
        row.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.field.textChanged.connect(self.changed)
        self.show_key.toggled.connect(self._toggle_visible)
        self.remove.clicked.connect(self._remove)
        self.set_provider(provider)

    def set_provider(self, provider: str) -> None:
        self._remember_typed()
        self._provider = provider
        preset = PRESETS[provider]
        self.field.blockSignals(True)
        self.field.setText(self._pending.get(provider) or "")
        self.field.blockSignals(False)
        self.field.setPlaceholderText(
            self.tr("Paste your {provider} API key").format(provider=preset.label)
            if preset.needs_key
            else self.tr("Optional")
        )
        self.refresh()

    def problem(self) -> str | None:
        key = self.field.text().strip()
        if key and not all(33 <= ord(ch) <= 126 for ch in key):
            return self.tr("The API key must not contain spaces or unusual characters.")
        return None

    def refresh(self) -> None:
        """Show the typed key's problem, or where the key comes from."""
        problem = self.problem()
        set_error_text(self.status, problem or self._status_text(), error=bool(problem))
        self.remove.setEnabled(self._saved_source() in (KeySource.KEYRING, KeySource.SESSION))

    def key_for_test(self) -> str | None:
        """The key the provider would get if OK were pressed now."""
        typed = self.field.text().strip()
        if typed or self._removing():
            return typed or None
        try:
            return self._keys.get_key(self._provider)
        except KeyStoreError:
            return None

    def save(self) -> bool:
        """Apply every pending change. Without a keyring (the status line said so before OK) a
        key is kept for this session only. A keyring that fails unexpectedly also keeps the key
        for this session only, shows why, and returns False: the dialog stays open once."""
        self._remember_typed()
        problems: list[str] = []
        for provider, key in list(self._pending.items()):
            try:
                if key is None:
                    self._keys.delete_key(provider)
                elif self._keyring_available():
                    self._keys.set_key(provider, key)
                else:
                    self._keys.set_session_key(provider, key)
            except KeyStoreError as exc:
                if key is not None:
                    self._keys.set_session_key(provider, key)
                problems.append(error_text(exc))
            del self._pending[provider]
        self._sources.clear()
        if not problems:
            return True
        self.field.clear()
        set_error_text(
            self.status,
            self.tr("{reason} The key is used for this session only; press OK to close.").format(
                reason=problems[0]
            ),
        )
        return False

    def _remember_typed(self) -> None:
        typed = self.field.text().strip()
        if typed:
            self._pending[self._provider] = typed
        elif self._pending.get(self._provider):
            del self._pending[self._provider]  # typed, then erased: no change

    def _removing(self) -> bool:
        return self._provider in self._pending and self._pending[self._provider] is None

    def _saved_source(self) -> KeySource | str:
        if self._removing():
            return KeySource.NONE
        if self._provider not in self._sources:
            try:
                self._sources[self._provider] = self._keys.key_source(self._provider)
            except KeyStoreError as exc:
                self._sources[self._provider] = error_text(exc)
        return self._sources[self._provider]

    def _keyring_available(self) -> bool:
        if self._keyring_works is None:
            self._keyring_works = self._keys.backend_available()
        return self._keyring_works

    def _status_text(self) -> str:
        if self.field.text().strip():
            if not self._keyring_available():
                return self.tr(
                    "No system keyring is available, so this key will be used for this session "
                    "only. To save it, {next_step}."
                ).format(next_step=translated(keyring_next_step()))
            return self.tr("The new key will be saved in your system keyring when you press OK.")
        if self._removing():
            return self.tr("The saved key will be removed when you press OK.")
        source = self._saved_source()
        if source == KeySource.ENVIRONMENT:
            return self.tr("Using the key from ${name}.").format(
                name=self._keys.env_var(self._provider)
            )
        if source == KeySource.KEYRING:
            return self.tr("A key is saved in your system keyring. Type a new one to replace it.")
        if source == KeySource.SESSION:
            return self.tr("A key is set for this session only.")
        return self.tr("No key is saved.") if source == KeySource.NONE else str(source)

    def _toggle_visible(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.field.setEchoMode(mode)

    def _remove(self) -> None:
        self._pending[self._provider] = None
        self.field.clear()
        self.refresh()
