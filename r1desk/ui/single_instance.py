"""One r1desk per data dir: a second start asks the running one to show its window, then exits.

The first process takes a lock file in the data dir (QLockFile: a lock left by a killed process
is detected by its PID and taken over) and then, once its window is up, listens on a local
socket whose name is derived from the data dir and the user (QtNetwork loads after the first
paint). A later process that cannot take the lock connects to that socket, retrying for a few
seconds, writes one line, and quits; the running process raises its window.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCryptographicHash, QLockFile, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

LOCK_NAME = "r1desk.lock"
ACTIVATE = b"activate\n"
HANDOVER_WAIT_S = 5.0  # the first instance may still be starting up
CONNECT_TIMEOUT_MS = 500


def server_name(data_dir: Path) -> str:
    """A short, stable socket name for this data dir and this user."""
    uid = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    key = f"{uid}\0{Path(data_dir).resolve()}".encode("utf-8", "surrogateescape")
    # Qt's SHA-256, not hashlib's: that one loads OpenSSL before the first paint.
    digest = QCryptographicHash.hash(key, QCryptographicHash.Algorithm.Sha256)
    return "r1desk-" + bytes(digest.toHex().data()).decode("ascii")[:24]


class SingleInstance(QObject):
    """Create it, then call `acquire()`: True means carry on, False means another one has it."""

    activation_requested = Signal()

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.name = server_name(data_dir)
        self._lock = QLockFile(str(Path(data_dir) / LOCK_NAME))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """Become the running instance, or hand over to the one already running.

        Returns True when this process should start the app (then call `listen()`). False when
        another instance was told to show itself (this process should exit). If the lock is
        held but its owner does not answer, starts anyway: SQLite's busy timeout keeps two
        writers safe.
        """
        if self._lock.tryLock(0):
            return True  # call listen() when the window is up
        if self._lock.error() is not QLockFile.LockError.LockFailedError:
            log.warning("Cannot create the lock file in the data dir; starting anyway")
            return True  # nobody holds it: there is no one to hand over to
        if self.notify_running():
            log.info("Another r1desk is running on this data dir; asked it to show its window")
            return False
        log.warning("The data dir is locked but its owner does not answer; starting anyway")
        return True

    def notify_running(self, wait_s: float = HANDOVER_WAIT_S) -> bool:
        from PySide6.QtNetwork import QLocalSocket

        end = time.monotonic() + wait_s
        while True:
            socket = QLocalSocket()
            socket.connectToServer(self.name)
            if socket.waitForConnected(CONNECT_TIMEOUT_MS):
                socket.write(ACTIVATE)
                sent = socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
                socket.disconnectFromServer()
                return sent
            if time.monotonic() >= end:
                return False
            time.sleep(0.1)

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    def listen(self) -> None:
        """Answer later starts (after `acquire()` returned True)."""
        from PySide6.QtNetwork import QLocalServer

        QLocalServer.removeServer(self.name)  # a socket file left by a killed instance
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            log.warning("Cannot listen for other instances: %s", server.errorString())
            return
        server.newConnection.connect(self._on_connection)
        self._server = server

    def _on_connection(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(ACTIVATE.strip()):
            log.info("Another start asked for this window")
            self.activation_requested.emit()
