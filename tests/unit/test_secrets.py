from __future__ import annotations

import logging
import traceback
from pathlib import Path

import keyring
import pytest
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringError, NoKeyringError

from r1desk.secrets import KeySource, KeyStore, KeyStoreError, backend_is_usable
from tests.unit.memory_keyring import MemoryKeyring

KEY = "sk-test-0123456789abcdef"


class BrokenKeyring(MemoryKeyring):
    """Fails like a locked or vanished Secret Service; careless enough to echo the key."""

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringError("org.freedesktop.DBus.Error.ServiceUnknown: no secrets service")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringError(f"could not store {password!r}: collection is locked")

    def delete_password(self, service: str, username: str) -> None:
        raise NoKeyringError("Prompt dismissed")


class PlaintextKeyring(MemoryKeyring):
    """Looks like keyrings.alt's file backend: stores keys in a readable file."""


def test_a_stored_key_comes_back_and_can_be_deleted(memory_keyring: MemoryKeyring) -> None:
    store = KeyStore(environ={})

    store.set_key("segmind", KEY)

    assert memory_keyring.entries == {("r1desk", "segmind"): KEY}
    assert KeyStore(environ={}).get_key("segmind") == KEY  # a new run reads the keyring
    assert store.key_source("segmind") is KeySource.KEYRING

    store.delete_key("segmind")

    assert memory_keyring.entries == {}
    assert store.get_key("segmind") is None
    assert KeyStore(environ={}).key_source("segmind") is KeySource.NONE


def test_keys_are_kept_per_provider(memory_keyring: MemoryKeyring) -> None:
    store = KeyStore(environ={})
    store.set_key("segmind", "seg-key")
    store.set_key("deepseek", "ds-key")

    assert store.get_key("segmind") == "seg-key"
    assert store.get_key("deepseek") == "ds-key"
    assert store.get_key("llamacpp") is None


def test_deleting_a_key_that_is_not_there_is_fine(memory_keyring: MemoryKeyring) -> None:
    KeyStore(environ={}).delete_key("segmind")


def test_the_environment_key_wins_and_is_never_written(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.entries[("r1desk", "segmind")] = "stored-key"
    store = KeyStore(environ={"SEGMIND_API_KEY": f"  {KEY}\n"})

    assert store.get_key("segmind") == KEY
    assert store.key_source("segmind") is KeySource.ENVIRONMENT
    assert KEY not in memory_keyring.entries.values()


def test_deepseek_has_its_own_environment_variable(memory_keyring: MemoryKeyring) -> None:
    store = KeyStore(environ={"DEEPSEEK_API_KEY": KEY})

    assert store.get_key("deepseek") == KEY
    assert store.get_key("segmind") is None


def test_an_empty_environment_variable_does_not_count(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.entries[("r1desk", "segmind")] = "stored-key"

    store = KeyStore(environ={"SEGMIND_API_KEY": "  "})

    assert store.get_key("segmind") == "stored-key"


def test_the_real_environment_is_read_by_default(
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = KeyStore()
    monkeypatch.setenv("SEGMIND_API_KEY", KEY)

    assert store.get_key() == KEY


def test_a_session_key_lives_only_in_this_keystore(memory_keyring: MemoryKeyring) -> None:
    store = KeyStore(environ={})

    store.set_session_key("segmind", KEY)

    assert store.get_key("segmind") == KEY
    assert store.key_source("segmind") is KeySource.SESSION
    assert memory_keyring.entries == {}
    assert KeyStore(environ={}).get_key("segmind") is None


def test_a_session_key_works_when_there_is_no_keyring_at_all() -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        store = KeyStore(environ={})
        assert not store.backend_available()
        assert store.get_key("segmind") is None  # no crash, just no key
        with pytest.raises(KeyStoreError, match="next step"):
            store.set_key("segmind", KEY)

        store.set_session_key("segmind", KEY)

        assert store.get_key("segmind") == KEY
        store.delete_key("segmind")
        assert store.get_key("segmind") is None
    finally:
        keyring.set_keyring(previous)


def test_storing_in_the_keyring_replaces_the_session_key(memory_keyring: MemoryKeyring) -> None:
    store = KeyStore(environ={})
    store.set_session_key("segmind", "temporary")

    store.set_key("segmind", KEY)

    assert store.key_source("segmind") is KeySource.KEYRING
    assert store.get_key("segmind") == KEY


def test_empty_keys_are_refused(memory_keyring: MemoryKeyring) -> None:
    store = KeyStore(environ={})

    with pytest.raises(ValueError, match="empty"):
        store.set_key("segmind", "   ")
    with pytest.raises(ValueError, match="empty"):
        store.set_session_key("segmind", "")


def test_repr_never_shows_a_key(memory_keyring: MemoryKeyring) -> None:
    store = KeyStore(environ={"SEGMIND_API_KEY": KEY})
    store.set_key("deepseek", KEY)
    store.set_session_key("llamacpp", KEY)
    store.get_key("segmind")

    assert KEY not in repr(store)
    assert KEY not in str(store)
    assert repr(store) == "KeyStore(service='r1desk')"


def test_keyring_failures_become_keystore_errors_without_the_key(
    caplog: pytest.LogCaptureFixture,
) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(BrokenKeyring())
    caplog.set_level(logging.DEBUG)
    try:
        store = KeyStore(environ={})
        with pytest.raises(KeyStoreError) as on_set:
            store.set_key("segmind", KEY)
        with pytest.raises(KeyStoreError) as on_get:
            store.get_key("segmind")
        with pytest.raises(KeyStoreError, match="Prompt dismissed"):
            store.delete_key("segmind")
    finally:
        keyring.set_keyring(previous)

    message = str(on_set.value)
    assert message.startswith("Your system keyring is not available: could not store")
    assert "next step:" in message
    assert "ServiceUnknown" in str(on_get.value)
    crash_text = "".join(traceback.format_exception(on_set.value))
    assert KEY not in crash_text
    assert KEY not in caplog.text


def test_the_fail_and_null_backends_are_not_available() -> None:
    assert not backend_is_usable(fail.Keyring())
    assert not backend_is_usable(null.Keyring())


def test_a_plaintext_file_backend_is_not_a_keyring() -> None:
    assert not backend_is_usable(PlaintextKeyring())


def test_a_plaintext_backend_is_never_written_to_silently() -> None:
    previous = keyring.get_keyring()
    backend = PlaintextKeyring()
    keyring.set_keyring(backend)
    try:
        with pytest.raises(KeyStoreError):
            KeyStore(environ={}).set_key("segmind", KEY)
    finally:
        keyring.set_keyring(previous)
    assert backend.entries == {}


def test_a_chainer_is_as_good_as_the_backend_it_writes_to(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def chain_of(*backends: object) -> None:
        monkeypatch.setattr(chainer.ChainerBackend, "backends", list(backends))

    chain_of()
    assert not backend_is_usable(chainer.ChainerBackend())
    chain_of(MemoryKeyring(), PlaintextKeyring())
    assert backend_is_usable(chainer.ChainerBackend())
    chain_of(PlaintextKeyring(), MemoryKeyring())
    assert not backend_is_usable(chainer.ChainerBackend())


def test_memory_keyring_is_available(memory_keyring: MemoryKeyring) -> None:
    assert KeyStore().backend_available()


def test_importing_secrets_does_not_import_keyring() -> None:
    import subprocess
    import sys

    code = "import sys, r1desk.secrets; print('keyring' in sys.modules)"
    repo = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=repo
    )

    assert out.stdout.strip() == "False"


def test_key_variables_leave_the_environment_so_children_never_inherit_them() -> None:
    import os
    import subprocess
    import sys

    from r1desk.secrets import KeyStore, take_keys_from_environment

    environ = {"SEGMIND_API_KEY": "sk-ENVCHILD-42", "PATH": os.environ.get("PATH", "")}
    taken = take_keys_from_environment(environ)
    assert taken == {"SEGMIND_API_KEY": "sk-ENVCHILD-42"}
    assert "SEGMIND_API_KEY" not in environ
    assert KeyStore(environ=taken).get_key("segmind") == "sk-ENVCHILD-42"
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(dict(os.environ))"],
        env=environ,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "sk-ENVCHILD-42" not in child.stdout
