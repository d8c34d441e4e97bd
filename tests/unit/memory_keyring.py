"""A keyring backend that lives in memory, for tests that must not touch the OS keyring."""

from __future__ import annotations

import threading

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    priority = 1  # usable, but lower than any real backend auto-detection would pick

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.entries: dict[tuple[str, str], str] = {}
        self.readers: list[str] = []  # the name of the thread behind each read
        self.failure: Exception | None = None  # raised by every read while set (e.g. locked)

    def get_password(self, service: str, username: str) -> str | None:
        self.readers.append(threading.current_thread().name)
        if self.failure is not None:
            raise self.failure
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("No such password")
