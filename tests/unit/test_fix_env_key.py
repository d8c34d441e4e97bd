"""A key the user enters replaces the environment's key for the rest of the session."""

from __future__ import annotations

import traceback

import keyring
import pytest
from keyring.backends import fail
from pytestqt.qtbot import QtBot

from r1desk.secrets import KeySource, KeyStore, KeyStoreError, keyring_next_step
from r1desk.ui.key_dialog import KeyDialog
from tests.unit.memory_keyring import MemoryKeyring

ENV_KEY = "env-key-0123456789"
NEW_KEY = "sk-new-9876543210"


def test_a_saved_key_replaces_the_environment_key_of_its_provider_only(
    memory_keyring: MemoryKeyring,
) -> None:
    store = KeyStore(environ={"SEGMIND_API_KEY": ENV_KEY, "DEEPSEEK_API_KEY": ENV_KEY})

    store.set_key("segmind", NEW_KEY)

    assert store.get_key("segmind") == NEW_KEY
    assert store.key_source("segmind") is KeySource.KEYRING
    assert memory_keyring.entries == {("r1desk", "segmind"): NEW_KEY}
    assert store.get_key("deepseek") == ENV_KEY  # another provider keeps its variable
    # The next start: the environment wins again, as documented.
    assert KeyStore(environ={"SEGMIND_API_KEY": ENV_KEY}).get_key("segmind") == ENV_KEY


def test_a_session_key_replaces_the_environment_key(memory_keyring: MemoryKeyring) -> None:
    store = KeyStore(environ={"SEGMIND_API_KEY": ENV_KEY})

    store.set_session_key("segmind", NEW_KEY)

    assert store.get_key("segmind") == NEW_KEY
    assert store.key_source("segmind") is KeySource.SESSION
    assert memory_keyring.entries == {}


def test_removing_the_entered_key_does_not_bring_back_the_replaced_one(
    memory_keyring: MemoryKeyring,
) -> None:
    store = KeyStore(environ={"SEGMIND_API_KEY": ENV_KEY})
    store.set_key("segmind", NEW_KEY)

    store.delete_key("segmind")

    assert store.get_key("segmind") is None
    assert store.key_source("segmind") is KeySource.NONE


def test_the_keys_never_show_in_the_repr(memory_keyring: MemoryKeyring) -> None:
    store = KeyStore(environ={"SEGMIND_API_KEY": ENV_KEY})
    store.set_key("segmind", NEW_KEY)

    assert ENV_KEY not in repr(store) and NEW_KEY not in repr(store)


def test_a_failed_save_names_this_os_keyring_once_without_offering_the_session_twice() -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        with pytest.raises(KeyStoreError) as raised:
            KeyStore(environ={}).set_key("segmind", NEW_KEY)
    finally:
        keyring.set_keyring(previous)
    text = str(raised.value)
    assert "session only" not in text  # the caller says that, after keeping it for the session
    assert text.endswith(f"next step: {keyring_next_step()}.")
    assert NEW_KEY not in "".join(traceback.format_exception(raised.value))


@pytest.mark.parametrize(
    ("platform", "named", "not_named"),
    [
        ("linux", "GNOME Keyring", ("macOS", "Windows", "Keychain")),
        ("darwin", "Keychain", ("GNOME", "KWallet", "Windows")),
        ("win32", "Windows Credential Manager", ("GNOME", "KWallet", "Keychain", "macOS")),
        ("freebsd14", "system keyring", ("GNOME", "Keychain", "Windows")),
    ],
)
def test_the_next_step_names_only_this_systems_keyring(
    platform: str, named: str, not_named: tuple[str, ...]
) -> None:
    step = keyring_next_step(platform)
    assert named in step
    assert not any(word in step for word in not_named)


def test_the_key_dialog_says_when_the_key_in_use_comes_from_the_environment(
    qtbot: QtBot,
) -> None:
    plain = KeyDialog("Segmind", keyring_available=True)
    from_env = KeyDialog("Segmind", keyring_available=True, environment_variable="SEGMIND_API_KEY")
    for dialog in (plain, from_env):
        qtbot.addWidget(dialog)
        dialog.show()
    assert not plain.environment_note.isVisible()
    assert from_env.environment_note.isVisible()
    assert from_env.environment_note.text() == (
        "The key in use comes from $SEGMIND_API_KEY. A key you save here is used instead "
        "until you quit r1desk; at the next start, $SEGMIND_API_KEY is used again if it is "
        "still set."
    )
