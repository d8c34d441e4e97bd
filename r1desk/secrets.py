"""The API key: environment override, OS keyring, or memory for this session only.

Never a plaintext file, never in a message, log or repr. `keyring` is imported lazily so
importing this module costs nothing at start-up; keyring calls may block (D-Bus, a prompt),
so callers make them outside hot paths. Reads are cached per KeyStore.
"""

from __future__ import annotations

import contextlib
import enum
import logging
import os
import sys
from collections.abc import Callable, Mapping, MutableMapping
from typing import TYPE_CHECKING, TypeVar

from r1desk.texts import QT_TRANSLATE_NOOP, Text

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

log = logging.getLogger(__name__)

# At start-up the environment wins over the keyring; it is never written anywhere. A key the
# user enters in r1desk replaces it for the rest of the session.
KEY_ENV_VARS: Mapping[str, str] = {
    "segmind": "SEGMIND_API_KEY",
    "deepseek": "DEEPSEEK_API_KEY",
}
_T = TypeVar("_T")


def keyring_next_step(platform: str = sys.platform) -> Text:
    """What makes the keyring work again, naming only this OS's keyring."""
    if platform.startswith("linux"):
        return QT_TRANSLATE_NOOP(
            "KeyStore", "unlock or start your system keyring (GNOME Keyring or KWallet)"
        )
    if platform == "darwin":
        return QT_TRANSLATE_NOOP("KeyStore", "unlock your Keychain")
    if platform == "win32":
        return QT_TRANSLATE_NOOP("KeyStore", "check that the Windows Credential Manager works")
    return QT_TRANSLATE_NOOP("KeyStore", "unlock or start your system keyring")


# For a failed read: the user can still type a key, which is then kept for this session.
NEXT_STEP = QT_TRANSLATE_NOOP("KeyStore", "{unlock}, or use the key for this session only").format(
    unlock=keyring_next_step()
)


class KeySource(str, enum.Enum):
    ENVIRONMENT = "environment"
    KEYRING = "keyring"
    SESSION = "session"
    NONE = "none"


class KeyStoreError(Exception):
    """The OS keyring failed. The text is for the user and never contains a key."""

    def __init__(self, reason: str, next_step: str = NEXT_STEP) -> None:
        text = QT_TRANSLATE_NOOP(
            "KeyStore", "Your system keyring is not available: {reason}, next step: {next_step}."
        )
        super().__init__(text.format(reason=reason, next_step=next_step))
        self.reason = reason
        self.next_step = next_step


def take_keys_from_environment(environ: MutableMapping[str, str] | None = None) -> dict[str, str]:
    """Remove the key variables (SEGMIND_API_KEY, ...) from the process environment and return
    them, so programs r1desk starts (the browser opening a link) never inherit a key."""
    environ = os.environ if environ is None else environ
    return {name: environ.pop(name) for name in KEY_ENV_VARS.values() if name in environ}


class KeyStore:
    """Finds the API key of a provider; the keyring username is the provider name."""

    def __init__(self, service: str = "r1desk", environ: Mapping[str, str] | None = None) -> None:
        self._service = service
        self._environ = environ
        self._session: dict[str, str] = {}
        self._cache: dict[str, str | None] = {}  # what the keyring held, by provider
        self._env_replaced: set[str] = set()  # providers whose environment key the user replaced

    def __repr__(self) -> str:
        return f"KeyStore(service={self._service!r})"

    @property
    def service(self) -> str:
        return self._service

    def env_var(self, provider: str) -> str | None:
        """The environment variable that overrides this provider's key, if any."""
        return KEY_ENV_VARS.get(provider)

    def get_key(self, provider: str = "segmind") -> str | None:
        """The key to use: environment (until the user enters a key), then this session's key,
        then the keyring.

        Raises KeyStoreError when the keyring is there but fails (locked, D-Bus error).
        """
        return self._lookup(provider)[0]

    def key_source(self, provider: str = "segmind") -> KeySource:
        return self._lookup(provider)[1]

    def set_key(self, provider: str, key: str) -> None:
        """Store the key in the OS keyring (and forget any session-only key). From now on it
        replaces the environment's key for this provider.

        Raises KeyStoreError when the keyring cannot store it; callers then usually fall back
        to `set_session_key`, so the error's next step does not offer that again."""
        key = _clean_key(key)
        _check_provider(provider)
        if not self.backend_available():
            raise KeyStoreError(_no_backend_reason(), keyring_next_step())
        import keyring

        self._call(
            lambda: keyring.set_password(self._service, provider, key),
            secret=key,
            next_step=keyring_next_step(),
        )
        self._cache[provider] = key
        self._session.pop(provider, None)
        self._env_replaced.add(provider)

    def delete_key(self, provider: str) -> None:
        """Forget the stored and the session key. Deleting a missing key is fine. An environment
        key the user replaced stays replaced: removing a key never brings back one they
        replaced."""
        _check_provider(provider)
        self._session.pop(provider, None)
        if not self.backend_available():
            self._cache.pop(provider, None)
            return
        import keyring
        from keyring.errors import PasswordDeleteError

        def delete() -> None:
            with contextlib.suppress(PasswordDeleteError):  # nothing stored: already done
                keyring.delete_password(self._service, provider)

        self._call(delete)
        self._cache[provider] = None

    def set_session_key(self, provider: str, key: str) -> None:
        """Keep the key in memory for this run only (when no keyring works). It replaces the
        environment's key for this provider."""
        _check_provider(provider)
        self._session[provider] = _clean_key(key)
        self._env_replaced.add(provider)

    def remember_unreadable(self, provider: str) -> None:
        """The keyring could not be read for `provider`'s optional key: count it as none for
        this session rather than ask the keyring again, on the GUI thread, at every send."""
        _check_provider(provider)
        self._cache[provider] = None

    def backend_available(self) -> bool:
        """True when the active keyring backend stores secrets safely."""
        try:
            import keyring

            backend = keyring.get_keyring()
        except Exception:  # a broken keyring install must not stop the app
            log.warning("Loading the keyring backend failed", exc_info=True)
            return False
        return backend_is_usable(backend)

    def _lookup(self, provider: str) -> tuple[str | None, KeySource]:
        _check_provider(provider)
        env_name = KEY_ENV_VARS.get(provider)
        environ = os.environ if self._environ is None else self._environ
        replaced = provider in self._env_replaced
        env_value = environ.get(env_name, "").strip() if env_name and not replaced else ""
        if env_value:
            return env_value, KeySource.ENVIRONMENT
        if provider in self._session:
            return self._session[provider], KeySource.SESSION
        if provider not in self._cache:
            self._cache[provider] = self._read_keyring(provider)
        stored = self._cache[provider]
        return (stored, KeySource.KEYRING) if stored else (None, KeySource.NONE)

    def _read_keyring(self, provider: str) -> str | None:
        if not self.backend_available():
            return None
        import keyring

        value = self._call(lambda: keyring.get_password(self._service, provider))
        return value.strip() if value and value.strip() else None

    @staticmethod
    def _call(
        action: Callable[[], _T], secret: str | None = None, next_step: str = NEXT_STEP
    ) -> _T:
        """Run a keyring call; any failure becomes a KeyStoreError without the key."""
        try:
            return action()
        except Exception as exc:  # KeyringError, NoKeyringError, D-Bus and SecretStorage errors
            detail = str(exc).strip() or type(exc).__name__
            if secret:
                detail = detail.replace(secret, "***")
            log.warning("Keyring call failed: %s", type(exc).__name__)
            # `from None`: the backend's own traceback could show the key.
            raise KeyStoreError(detail.rstrip("."), next_step) from None


def backend_is_usable(backend: KeyringBackend) -> bool:
    """False for keyring's fail/null backends, priority <= 0, and plaintext/file backends.

    A chainer writes to its first backend, so that one decides.
    """
    from keyring.backends import chainer, fail, null

    if isinstance(backend, chainer.ChainerBackend):
        chained = list(backend.backends)
        return bool(chained) and backend_is_usable(chained[0])
    if isinstance(backend, (fail.Keyring, null.Keyring)):
        return False
    kind = type(backend)
    if kind.__module__.startswith("keyrings.alt") or "plaintext" in kind.__name__.lower():
        return False  # a file on disk is not a keyring; never fall back to it silently
    try:
        priority = float(backend.priority)
    except Exception:  # a backend reports unavailability by raising here
        return False
    return priority > 0


def _no_backend_reason() -> str:
    if sys.platform.startswith("linux") and not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return QT_TRANSLATE_NOOP("KeyStore", "no Secret Service was found (no D-Bus session)")
    return QT_TRANSLATE_NOOP("KeyStore", "no secure keyring backend was found")


def _check_provider(provider: str) -> None:
    if not provider or not provider.strip():
        raise ValueError("A provider name is required.")


def _clean_key(key: str) -> str:
    cleaned = key.strip()
    if not cleaned:
        raise ValueError("The API key is empty.")
    return cleaned
