"""Composition root: builds Qt, the asyncio loop, the services and the window, then runs them."""

from __future__ import annotations

import gc
import logging
import os
import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from r1desk import __version__

if TYPE_CHECKING:
    import asyncio
    from collections.abc import Callable

    from PySide6.QtWidgets import QApplication, QWidget
    from qasync import QEventLoop

    from r1desk.paths import AppPaths
    from r1desk.secrets import KeyStore
    from r1desk.services.context import AppContext
    from r1desk.storage import Repository

log = logging.getLogger("r1desk")
APP_ID = "io.github.r1desk.R1desk"
SMOKE_TEST_MS = 1500
AFTER_FIRST_PAINT_MS = 300
FREEZE_AFTER_MS = 3000
LOG_ROLL_BYTES = 1_000_000
LOG_BACKUPS = 2
WORKER_THREADS = 4
WORKER_THREAD_NAME = "r1desk-worker"
# Asked to stop by the session (logout, `kill`, a service manager: SIGTERM), by Ctrl+C in the
# terminal (SIGINT) or by the terminal going away (SIGHUP).
QUIT_SIGNALS = ("SIGTERM", "SIGINT", "SIGHUP")


def _setup_logging(log_file: Path) -> None:
    _roll_log(log_file)
    _make_private_file(log_file)
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    # httpx logs request URLs at INFO; keep it quiet (URLs are harmless, but less is safer).
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)


def _roll_log(log_file: Path) -> None:
    """At start-up, a log over LOG_ROLL_BYTES becomes r1desk.log.1 (and .1 becomes .2)."""
    try:
        if log_file.stat().st_size <= LOG_ROLL_BYTES:
            return
        for n in range(LOG_BACKUPS - 1, 0, -1):
            older = log_file.with_name(f"{log_file.name}.{n}")
            if older.exists():
                older.replace(log_file.with_name(f"{log_file.name}.{n + 1}"))
        log_file.replace(log_file.with_name(f"{log_file.name}.1"))
    except OSError:
        pass  # no log yet, or it cannot be moved: keep appending


def _make_private_file(path: Path) -> None:
    """Create `path` as 0600 (POSIX) before a handler opens it with the umask's mode."""
    if os.name != "posix":
        return
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
        path.chmod(0o600)
    except OSError:
        pass  # logging still works; the data dir itself is private


def _install_excepthook() -> None:
    """An exception in a Qt slot is logged, not a crash and not a lost message."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        log.error("Unhandled error", exc_info=(kind, error, tb))

    sys.excepthook = hook


def build_context(
    paths: AppPaths, *, api_base: str | None = None, keys: KeyStore | None = None
) -> tuple[AppContext, str]:
    """Open storage and wire the services. Returns the context and a start-up notice (or "")."""
    from r1desk.secrets import KeyStore
    from r1desk.services.chat_controller import ChatController
    from r1desk.services.context import AppContext
    from r1desk.services.credits import CreditsMonitor
    from r1desk.services.providers import ProviderSession
    from r1desk.services.tasks import TaskKeeper
    from r1desk.settings import load_settings

    repo, notice = open_repository(paths.database)
    settings = load_settings(paths.settings_file)
    keys = keys or KeyStore()
    tasks = TaskKeeper()
    providers = ProviderSession(None, settings, keys, api_base_override=api_base)
    credits = CreditsMonitor(providers, tasks)
    chat = ChatController(repo, providers, credits, tasks)
    return AppContext(paths, repo, keys, providers, tasks, credits, chat), notice


def open_repository(path: Path) -> tuple[Repository, str]:
    """The database, ready for the window; a damaged one is moved aside and replaced.

    Returns the repository and a notice for the user ("" when all went well). Besides opening,
    this runs the start-up writes and reads the conversation list, so damage in the pages the
    window needs first is found here, not as a crash later.
    """
    from r1desk.storage import DatabaseCorruptError, Repository, move_aside
    from r1desk.storage.db import is_corruption
    from r1desk.texts import QT_TRANSLATE_NOOP

    try:
        repo = Repository.open(path)
        try:
            _start_up(repo)
        except Exception as error:
            repo.close()
            if is_corruption(error):
                raise DatabaseCorruptError(path) from error
            raise
        return repo, ""
    except DatabaseCorruptError:
        moved = move_aside(path)
        log.error("Database unreadable, moved to %s", moved)
        notice = QT_TRANSLATE_NOOP(
            "Startup",
            "The conversation database could not be read and was moved aside to {path}. "
            "r1desk started with a fresh one.",
        ).format(path=str(moved))
    repo = Repository.open(path)
    _start_up(repo)
    return repo, notice


def _start_up(repo: Repository) -> None:
    repo.purge_deleted()
    interrupted = repo.mark_pending_interrupted()
    if interrupted:
        log.info("%d replies were interrupted by the last exit", interrupted)
    repo.verify_list_readable()


async def shutdown(ctx: AppContext) -> None:
    """Stop running replies (they are stored as interrupted) and close the connections."""
    await ctx.tasks.cancel_and_wait()
    await ctx.providers.aclose()
    ctx.repo.close()


def set_qt_environment() -> None:
    """Qt settings that only the environment carries; before the QApplication is made.

    QT_NO_GUI_THREADPOOL: Qt's raster engine hands every fill of 96 or more spans to a
    thread pool and waits for it. Waking those threads and waiting on them cost more than
    the fills: paging through a 5,000-message conversation took 25% more GUI-thread CPU
    with the pool (10.1 against 7.6 s), and a busy machine that is slow to run the pool's
    threads made the window wait on them. Set only if the user has not set it; programs
    r1desk opens (a browser for a link) inherit it, which only keeps their painting serial.
    """
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")


def run_gui(data_dir: Path | None, *, api_base: str | None = None, smoke_test: bool = False) -> int:
    """Start-up paints the window first: asyncio, qasync, httpx and Pygments load after."""
    if smoke_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    set_qt_environment()
    # MainThreadGarbageCollector (below) runs the collections from now on. Left on, the
    # collector ran ~60 times during start-up's imports: 10-15 ms before the first paint.
    gc.disable()

    from PySide6.QtCore import QTimer

    from r1desk.ui.feature_scan import skip_feature_source_scan

    skip_feature_source_scan()  # before the rest: ~180 modules would each have their source read

    from PySide6.QtWidgets import QApplication

    from r1desk.paths import AppPaths
    from r1desk.render.prerendered import PRERENDERED
    from r1desk.secrets import KeyStore, take_keys_from_environment
    from r1desk.services.main_thread_gc import MainThreadGarbageCollector
    from r1desk.ui.i18n import translated
    from r1desk.ui.icons import app_icon
    from r1desk.ui.main_window import MainWindow
    from r1desk.ui.single_instance import SingleInstance
    from r1desk.ui.startup import prepare_app, wait_for_first_paint

    paths = AppPaths.for_data_dir(data_dir) if data_dir else AppPaths.default()
    paths.ensure()
    _setup_logging(paths.data_dir / "r1desk.log")
    _install_excepthook()
    log.info("r1desk %s starting", __version__)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("r1desk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    instance = SingleInstance(paths.data_dir)
    if not instance.acquire():
        return 0  # the running r1desk shows its window instead
    collector = MainThreadGarbageCollector(app)
    collector.start()

    # The key variables move from the environment into the key store: children never see them.
    keys = KeyStore(environ=take_keys_from_environment())
    ctx, notice = build_context(paths, api_base=api_base, keys=keys)
    prepare_app(app, ctx.providers.settings)  # translators, theme, font size
    window = MainWindow(ctx)
    instance.activation_requested.connect(lambda: bring_to_front(window))
    window.chat.view.defer_code_colours()
    PRERENDERED.load(paths.prerendered_file)  # the last session's Markdown: no markdown-it yet
    window.restore()
    window.show()
    wait_for_first_paint(window)
    instance.listen()  # a start meanwhile keeps retrying for a few seconds
    app.setWindowIcon(app_icon())  # 5 PNGs, up to 128 px: decoded after the first paint

    import asyncio

    loop = make_event_loop(app)
    asyncio.set_event_loop(loop)
    close_on_quit_signals(loop, window.close)
    if notice:
        from PySide6.QtWidgets import QMessageBox

        text = translated(notice)
        QMessageBox(QMessageBox.Icon.Warning, "r1desk", text, parent=window).open()
    if smoke_test:
        QTimer.singleShot(SMOKE_TEST_MS, window.close)
    else:
        # The keyring and the only network call at start-up (the balance) wait until the
        # window has painted, so neither can delay it.
        QTimer.singleShot(AFTER_FIRST_PAINT_MS, window.after_first_paint)
        QTimer.singleShot(FREEZE_AFTER_MS, collector.freeze)  # start-up's objects are done

    closed = asyncio.Event()
    app.lastWindowClosed.connect(closed.set)
    if not window.isVisible():  # closed before the loop existed
        closed.set()
    with loop:
        loop.run_until_complete(closed.wait())
        loop.run_until_complete(shutdown(ctx))
    instance.release()
    log.info("r1desk stopped")
    return 0


def make_event_loop(app: QApplication, *, already_running: bool = False) -> QEventLoop:
    """The qasync loop that runs Qt and asyncio together.

    Its executor (TLS set-up, DNS lookups) starts a thread only when work is waiting and none
    is idle, up to WORKER_THREADS. qasync's own starts ten threads at once: ~4 MB for nothing.
    """
    from concurrent.futures import ThreadPoolExecutor

    import qasync

    loop = qasync.QEventLoop(app, already_running=already_running)
    loop.set_default_executor(
        ThreadPoolExecutor(max_workers=WORKER_THREADS, thread_name_prefix=WORKER_THREAD_NAME)
    )
    return loop


def close_on_quit_signals(loop: asyncio.AbstractEventLoop, close: Callable[[], object]) -> None:
    """Each of QUIT_SIGNALS runs `close` (the window's, as Quit does) instead of ending the
    process where it stands: the draft typed since the last save, the window's state and the
    next start's head start are written, and a streaming reply is stored as interrupted.

    A second signal ends the process at once, as if r1desk had not asked for it. Windows has
    none of these signals for a window (its log-off reaches Qt as a close), and its loop
    cannot take signal handlers: there this does nothing.
    """
    import signal

    numbers = [getattr(signal, name) for name in QUIT_SIGNALS if hasattr(signal, name)]

    def on_signal(number: int) -> None:
        log.info("Closing on %s", signal.Signals(number).name)
        for each in numbers:
            loop.remove_signal_handler(each)
            signal.signal(each, signal.SIG_DFL)
        close()

    for number in numbers:
        try:
            loop.add_signal_handler(number, on_signal, number)
        except NotImplementedError:
            return


def bring_to_front(window: QWidget) -> None:
    """Show, un-minimise and raise the window (another start asked for it)."""
    from PySide6.QtCore import Qt

    window.show()
    window.setWindowState(
        (window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive
    )
    window.raise_()
    window.activateWindow()
