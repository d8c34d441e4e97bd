"""--api-base points a run at another server until the user picks one in Settings."""

from __future__ import annotations

from r1desk.secrets import KeyStore
from r1desk.services.providers import ProviderSession
from r1desk.settings import Settings

OVERRIDE = "http://127.0.0.1:8767/v1"


def test_the_override_holds_until_the_provider_or_address_changes() -> None:
    started = Settings()
    session = ProviderSession(None, started, KeyStore(environ={}), api_base_override=OVERRIDE)
    assert session.endpoint().base_url == OVERRIDE

    session.settings = started.replace(theme="dark")  # other settings keep it
    assert session.endpoint().base_url == OVERRIDE

    chosen = started.replace(provider="custom", api_base="http://127.0.0.1:8767/openai/v1")
    # what the settings dialog's connection test and its note ask
    assert session.override_for(chosen.provider, chosen.api_base) is None
    session.settings = chosen
    assert session.endpoint().base_url == "http://127.0.0.1:8767/openai/v1"
