"""The app in a child Python, for tests that end it from outside (a crash, a signal).

`CHILD_WINDOW` is the start of a child's script: it builds the real window on the data dir
and endpoint given as its first two arguments, with the test key, and leaves `app`, `loop`,
`ctx` and `window` for the rest of the script. `child_env` is the environment to run it in.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD_WINDOW = textwrap.dedent(
    """
    import asyncio, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from r1desk.app import build_context, make_event_loop
    from r1desk.paths import AppPaths
    from r1desk.secrets import KeyStore
    from r1desk.ui.main_window import MainWindow

    data_dir, api_base = sys.argv[1:3]
    app = QApplication([])
    loop = make_event_loop(app)
    asyncio.set_event_loop(loop)
    paths = AppPaths.for_data_dir(data_dir).ensure()
    keys = KeyStore(environ={"SEGMIND_API_KEY": "test-key"})
    ctx, _ = build_context(paths, api_base=api_base, keys=keys)
    window = MainWindow(ctx)
    window.restore()
    window.show()
    """
)


def child_env(**extra: str) -> dict[str, str]:
    """This environment without API keys, offscreen, with r1desk importable and no keyring."""
    env = {k: v for k, v in os.environ.items() if not k.endswith("_API_KEY")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
        **extra,
    )
    return env


def start_child(code: str, *args: str, ready: str) -> subprocess.Popen[str]:
    """Run `code` in a child Python with `args` and this module's environment; return once it
    has printed the line `ready` (killed, and the test failed with its stderr, if it did not)."""
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(),
    )
    assert child.stdout is not None
    line = child.stdout.readline()  # blocks until the child is ready (or dies)
    if line.strip() != ready:
        child.kill()
        _, errors = child.communicate()
        raise AssertionError(f"the child printed {line!r}, not {ready!r}: {errors}")
    return child
