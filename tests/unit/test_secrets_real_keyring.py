"""The key really reaches the OS keyring (Secret Service over D-Bus) and comes back.

Skipped when no Secret Service is reachable, unless CI=true or R1DESK_REQUIRE_REAL_KEYRING=1:
then a missing or broken keyring fails the run (.ci/keyring-session.sh provides one).
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from r1desk.secrets import KeySource, KeyStore, KeyStoreError

pytestmark = [pytest.mark.real_keyring, pytest.mark.timeout(60)]
REPO = Path(__file__).resolve().parents[2]


def _required() -> bool:
    return (
        os.environ.get("CI", "").lower() == "true"
        or os.environ.get("R1DESK_REQUIRE_REAL_KEYRING") == "1"
    )


def _unavailable(reason: str) -> None:
    if _required():
        pytest.fail(
            f"The real keyring is required here (CI=true or R1DESK_REQUIRE_REAL_KEYRING=1) "
            f"but {reason}. Source .ci/keyring-session.sh before running the tests.",
            pytrace=False,
        )
    pytest.skip(f"no usable Secret Service: {reason}")


@pytest.fixture
def secret_service() -> Iterator[None]:
    """Make keyring use the Secret Service backend for this test, or skip/fail."""
    if not sys.platform.startswith("linux"):
        _unavailable("this test drives the Linux Secret Service only")
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        _unavailable("DBUS_SESSION_BUS_ADDRESS is not set (no D-Bus session)")
    try:
        from keyring.backends import SecretService

        SecretService.Keyring.priority  # noqa: B018  (raises with the reason when unusable)
        backend = SecretService.Keyring()
    except Exception as exc:
        _unavailable(f"the Secret Service backend cannot start ({exc})")
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield
    finally:
        keyring.set_keyring(previous)


def test_a_key_is_stored_read_back_and_deleted(secret_service: None) -> None:
    service = f"r1desk-test-{uuid.uuid4().hex[:12]}"  # never touches a real r1desk key
    key = f"sk-real-keyring-{uuid.uuid4().hex}"
    store = KeyStore(service=service, environ={})
    assert store.backend_available()

    try:
        store.set_key("segmind", key)
    except KeyStoreError as exc:
        _unavailable(f"storing failed ({exc})")
    try:
        reader = KeyStore(service=service, environ={})  # no cache: really asks the keyring
        assert reader.get_key("segmind") == key
        assert reader.key_source("segmind") is KeySource.KEYRING
    finally:
        store.delete_key("segmind")

    assert KeyStore(service=service, environ={}).get_key("segmind") is None


def test_the_app_picks_a_usable_keyring_by_itself(secret_service: None) -> None:
    """A fresh process, as the app starts: keyring's own detection must find the service."""
    code = (
        "import keyring, r1desk.secrets as s; "
        "print(s.KeyStore().backend_available(), type(keyring.get_keyring()).__module__)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=30
    )

    assert out.returncode == 0, out.stderr
    assert out.stdout.split()[0] == "True", out.stdout + out.stderr
