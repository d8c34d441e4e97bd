"""Suite-wide set-up: Qt runs offscreen unless a test asks for a real display."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never let a test reach a real key in the environment.
for _name in ("SEGMIND_API_KEY", "DEEPSEEK_API_KEY"):
    os.environ.pop(_name, None)

pytest_plugins = ["tests.fakes.fixtures"]
