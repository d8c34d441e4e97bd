"""A real SQLite file per test, in a not-yet-existing data directory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from r1desk.storage import Repository


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "r1desk.sqlite3"


@pytest.fixture
def repo(db_path: Path) -> Iterator[Repository]:
    repository = Repository.open(db_path)
    yield repository
    repository.close()
