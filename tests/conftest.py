"""Suite-wide set-up: Qt runs offscreen unless a test asks for a real display."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator

import keyring
import pytest
from hypothesis import HealthCheck, settings

from tests.unit.memory_keyring import MemoryKeyring

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never let a test reach a real key in the environment.
for _name in ("SEGMIND_API_KEY", "DEEPSEEK_API_KEY"):
    os.environ.pop(_name, None)

pytest_plugins = ["tests.fakes.fixtures"]

# Collect garbage on the main thread only, as the app does (r1desk.services.main_thread_gc):
# a Qt object collected on the fake server's thread leaves a dangling timer and Qt segfaults.
gc.disable()


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


@pytest.fixture(autouse=True)
def _collect_garbage_on_the_main_thread() -> Iterator[None]:
    yield
    gc.collect()


# Property tests: quick locally, a larger fixed budget in CI (.ci/run sets HYPOTHESIS_PROFILE=ci).
settings.register_profile("dev", max_examples=200, deadline=None)
settings.register_profile(
    "ci", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
