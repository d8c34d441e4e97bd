"""Pytest fixtures for the fake Segmind / OpenAI-compatible server (loaded as a plugin)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fakes.server import FakeServer


@pytest.fixture
def fake_server() -> Iterator[FakeServer]:
    """A fresh fake server on a random loopback port, stopped after the test."""
    server = FakeServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()
