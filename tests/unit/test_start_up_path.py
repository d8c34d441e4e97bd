"""What start-up loads before the window's first paint, and the log it keeps.

The window paints before asyncio, qasync, httpx, markdown-it and Pygments are imported (see
app.run_gui); a module that imported one of them at the top would silently undo that.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from r1desk import api
from r1desk.app import LOG_ROLL_BYTES, _setup_logging
from r1desk.domain import Conversation, Message, MessageStatus, Role
from r1desk.paths import AppPaths
from r1desk.storage import Repository

# Everything run_gui imports before it waits for the first paint, and what the window builds.
BEFORE_FIRST_PAINT = """
import json, sys
import r1desk.app, r1desk.paths, r1desk.secrets, r1desk.services.main_thread_gc
import r1desk.ui.icons, r1desk.ui.main_window, r1desk.ui.single_instance, r1desk.ui.startup
from r1desk.app import build_context
from r1desk.paths import AppPaths
ctx, _ = build_context(AppPaths.for_data_dir(__import__("pathlib").Path(sys.argv[1])))
import PySide6.QtWidgets
print(json.dumps([n for n in vars(PySide6.QtWidgets) if n.startswith("Q")]))
print(json.dumps(sorted(sys.modules)))
"""
LOADED_AFTER_FIRST_PAINT = (
    "_hashlib",  # OpenSSL
    "asyncio",
    "qasync",
    "httpx",
    "ssl",
    "markdown_it",
    "pygments",
    "PySide6.QtNetwork",
)
# PySide6 builds a class's type and all its enums when it is first imported (QFileDialog: 3 ms).
DIALOGS_AFTER_FIRST_PAINT = (
    "QDialog",
    "QDialogButtonBox",
    "QFileDialog",
    "QInputDialog",
    "QMessageBox",
    "QSystemTrayIcon",
)


def test_nothing_heavy_is_imported_before_the_first_paint(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", BEFORE_FIRST_PAINT, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    loaded = set(json.loads(out.splitlines()[-1]))
    assert "r1desk.ui.main_window" in loaded
    assert sorted(loaded.intersection(LOADED_AFTER_FIRST_PAINT)) == []
    widget_classes = set(json.loads(out.splitlines()[-2]))
    assert "QMainWindow" in widget_classes
    assert sorted(widget_classes.intersection(DIALOGS_AFTER_FIRST_PAINT)) == []


def test_every_api_name_loads_on_first_use() -> None:
    assert sorted(api._WHERE) == sorted(api.__all__)
    for name in api.__all__:
        module = importlib.import_module(f"r1desk.api.{api._WHERE[name]}")
        assert getattr(api, name) is getattr(module, name)
    with pytest.raises(AttributeError):
        api.NoSuchName  # noqa: B018


def test_a_large_log_rolls_over_at_start_up(tmp_path: Path) -> None:
    log_file = tmp_path / "r1desk.log"
    log_file.write_text("x" * (LOG_ROLL_BYTES + 1))
    (tmp_path / "r1desk.log.1").write_text("older")
    import logging

    root = logging.getLogger()
    handlers = list(root.handlers)
    try:
        _setup_logging(log_file)
        logging.getLogger("r1desk").warning("fresh start")
        for handler in root.handlers:
            handler.flush()
    finally:
        for handler in set(root.handlers) - set(handlers):
            root.removeHandler(handler)
            handler.close()
    assert (tmp_path / "r1desk.log.1").stat().st_size == LOG_ROLL_BYTES + 1
    assert (tmp_path / "r1desk.log.2").read_text() == "older"
    assert "fresh start" in log_file.read_text()
    assert log_file.stat().st_size < 1000
    if os.name == "posix":
        assert log_file.stat().st_mode & 0o777 == 0o600


SOURCE_SCAN = """
import linecache, sys
import PySide6.QtCore
from r1desk.ui.feature_scan import skip_feature_source_scan
if sys.argv[2] == "skip":
    assert skip_feature_source_scan()
sys.path.insert(0, sys.argv[1])
import freshly_imported  # imports os, and mentions PySide6
print(any(name.endswith("freshly_imported.py") for name in linecache.cache))
"""


@pytest.mark.parametrize(("mode", "source_read"), [("skip", False), ("pyside-default", True)])
def test_pyside_reads_no_module_source_once_told(
    tmp_path: Path, mode: str, source_read: bool
) -> None:
    (tmp_path / "freshly_imported.py").write_text("import os  # PySide6\n")
    out = subprocess.run(
        [sys.executable, "-c", SOURCE_SCAN, str(tmp_path), mode],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.split() == [str(source_read)]


def test_httpx_leaves_its_command_line_client_out() -> None:
    # click and rich are installed here (import-linter needs them), so httpx would load them.
    code = "import json, sys, r1desk, httpx; print(json.dumps([n for n in sys.modules]))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    loaded = set(json.loads(out))
    assert "httpx" in loaded
    assert sorted(loaded.intersection({"click", "rich"})) == []


AUTOMATIC_COLLECTIONS = """
import gc, sys
automatic = []
def watch(phase, info):
    # Explicit gc.collect() calls (the app's collector) also run while gc is disabled.
    if phase == "start" and gc.isenabled() and "PySide6.QtWidgets" in sys.modules:
        automatic.append(info["generation"])
gc.callbacks.append(watch)
from r1desk.cli import main
code = main(sys.argv[1:])
print(len(automatic))
sys.exit(code)
"""


def test_the_app_runs_no_automatic_collection_once_qt_is_loaded(tmp_path: Path) -> None:
    """The GUI thread's collector takes over before PySide6 loads: left on, the automatic
    collector ran ~60 times during start-up's imports, 10-15 ms before the first paint."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("SEGMIND_API_KEY", None)
    done = subprocess.run(
        [sys.executable, "-c", AUTOMATIC_COLLECTIONS, "--smoke-test", "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["0"]


FIRST_PAINT = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from r1desk.app import build_context
from r1desk.paths import AppPaths
from r1desk.render.prerendered import PRERENDERED
from r1desk.ui.main_window import MainWindow
from r1desk.ui.startup import prepare_app, wait_for_first_paint

paths = AppPaths.for_data_dir(Path(sys.argv[1]))
app = QApplication([])
ctx, _ = build_context(paths)
prepare_app(app, ctx.providers.settings)
window = MainWindow(ctx)
window.chat.view.defer_code_colours()
PRERENDERED.load(paths.prerendered_file)  # as run_gui does
window.restore()
window.show()
wait_for_first_paint(window)
import PySide6.QtGui
print("QTextFormat" in vars(PySide6.QtGui), "markdown_it" in sys.modules)
window.close()
"""


def test_the_second_start_paints_the_last_messages_without_markdown_it(tmp_path: Path) -> None:
    """Nor with QTextFormat's enums (built when a block's format is first read, ~3 ms): only
    a card cut in pieces needs its margins."""
    paths = AppPaths.for_data_dir(tmp_path / "data").ensure()
    answer = "Sure:\n\n```python\nprint('hi')\n```\n\n- **one**\n- two\n"
    messages = [
        Message(Role.USER, "a question"),
        Message(Role.ASSISTANT, answer, status=MessageStatus.COMPLETE),
    ]
    with Repository.open(paths.database) as repo:
        repo.import_conversations([Conversation(title="Markdown", messages=messages)])
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

    def start_and_close() -> list[str]:
        return subprocess.run(
            [sys.executable, "-c", FIRST_PAINT, str(paths.data_dir)],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=True,
        ).stdout.split()[-2:]

    # Nothing kept yet: markdown-it renders the answer.
    assert start_and_close() == ["False", "True"]
    assert paths.prerendered_file.exists()  # closing kept what was on screen
    assert start_and_close() == ["False", "False"]


QT_GUI_POOL_THREADS = """
import os, sys
if sys.argv[1] == "app":
    from r1desk.app import set_qt_environment
    set_qt_environment()  # as run_gui does, before the QApplication
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
app = QApplication([])
image = QImage(3000, 2000, QImage.Format.Format_RGB32)
image.fill(0x336699)
image.scaled(1500, 1000, Qt.AspectRatioMode.IgnoreAspectRatio,
             Qt.TransformationMode.SmoothTransformation)
names = [open(f"/proc/self/task/{t}/comm").read().strip() for t in os.listdir("/proc/self/task")]
print(sum(name == "Thread (pooled)" for name in names))
"""


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads /proc")
def test_qt_paints_on_the_gui_thread_without_its_thread_pool(tmp_path: Path) -> None:
    """Qt hands large fills and image scaling to a pool of threads and waits for them; the
    hand-off cost more than the work (see set_qt_environment). A large smooth scale is the
    probe: Qt always splits it across its pool when it has one (the control shows it)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("QT_NO_GUI_THREADPOOL", None)

    def pool_threads(setup: str) -> int:
        done = subprocess.run(
            [sys.executable, "-c", QT_GUI_POOL_THREADS, setup],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        return int(done.stdout.split()[-1])

    assert pool_threads("plain") > 0  # the probe works: a plain Qt app uses its pool
    assert pool_threads("app") == 0
