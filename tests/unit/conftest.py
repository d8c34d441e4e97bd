"""Fixtures for unit tests: an in-memory keyring and a throw-away app folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from r1desk.paths import AppPaths
from tests.unit.memory_keyring import MemoryKeyring


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Install a MemoryKeyring as the active backend; restore the previous one afterwards."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def app_paths(tmp_path: Path) -> AppPaths:
    """AppPaths in a temporary folder (like `--data-dir`), folders already created."""
    return AppPaths.for_data_dir(tmp_path / "r1desk-data").ensure()
