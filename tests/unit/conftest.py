"""Fixtures for unit tests: a throw-away app folder (the in-memory keyring is suite-wide)."""

from __future__ import annotations

from pathlib import Path

import pytest

from r1desk.paths import AppPaths


@pytest.fixture
def app_paths(tmp_path: Path) -> AppPaths:
    """AppPaths in a temporary folder (like `--data-dir`), folders already created."""
    return AppPaths.for_data_dir(tmp_path / "r1desk-data").ensure()
