"""Builds the API client for the provider, endpoint and key currently configured."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from r1desk import api
from r1desk.secrets import KeyStore, KeyStoreError
from r1desk.services.failures import MissingKeyError
from r1desk.settings import PRESETS, Settings

if TYPE_CHECKING:
    import httpx


log = logging.getLogger(__name__)
NETWORK_MODULES = (
    "r1desk.api.segmind",
    "r1desk.api.openai_compat",
    "anyio._backends._asyncio",  # what httpx's first request imports
)


@dataclass(frozen=True)
class Endpoint:
    """What the status bar shows and every stored reply records."""

    provider: str
    label: str
    base_url: str
    model: str


class ProviderSession:
    """Owns the app's single httpx client and turns settings + key into API clients.

    The client is made after the first paint, by `ready()` (awaited before each request):
    importing httpx and httpcore and building the TLS context (loading the CA bundle) take
    about 0.1 s, done in a worker thread so the window never waits for them. `http` makes it
    directly for the few synchronous users (the settings dialog's connection test).
    """

    def __init__(
        self,
        http: httpx.AsyncClient | None,
        settings: Settings,
        keys: KeyStore,
        *,
        api_base_override: str | None = None,
    ) -> None:
        self._http = http
        self.settings = settings
        self.keys = keys
        self.api_base_override = api_base_override
        self._overridden = (settings.provider, settings.api_base)

    @property
    def http(self) -> httpx.AsyncClient:
        if self._http is None:
            self._http = api.make_http_client()
        return self._http

    async def ready(self) -> None:
        """Make the client (once) without blocking the event loop."""
        if self._http is None:
            import asyncio

            http = await asyncio.to_thread(_make_client)
            if self._http is None:  # nobody made it synchronously meanwhile
                self._http = http

    async def aclose(self) -> None:
        """Close the connections, if any were ever opened."""
        if self._http is not None:
            await self._http.aclose()

    def override_for(self, provider: str, api_base: str) -> str | None:
        """The run's --api-base, while the user keeps the provider and address it started
        with: one chosen in Settings since then is used as chosen."""
        if (provider, api_base) != self._overridden:
            return None
        return self.api_base_override

    def endpoint(self) -> Endpoint:
        preset = PRESETS[self.settings.provider]
        own = self.settings.api_base or preset.default_base_url
        override = self.override_for(self.settings.provider, self.settings.api_base)
        base = (override or own).rstrip("/")
        model = self.settings.model or preset.default_model
        return Endpoint(preset.name, preset.label, base, model)

    async def load_key(self) -> KeyStoreError | None:
        """Read the provider's key in a worker thread; the reads after it come from KeyStore's
        cache. The keyring's first use (importing it, finding its backend, D-Bus round trips)
        held the GUI thread for ~140 ms. Returns the keyring's failure, if it failed and the
        provider needs a key; an optional key (a local server's) that cannot be read is none."""
        import asyncio

        preset = PRESETS[self.settings.provider]
        if not preset.accepts_key:
            return None
        try:
            await asyncio.to_thread(self.keys.get_key, preset.name)
        except KeyStoreError as error:
            if preset.needs_key:
                return error
            self.keys.remember_unreadable(preset.name)
        return None

    def missing_key(self) -> bool:
        """True when the provider needs a key and none is configured."""
        preset = PRESETS[self.settings.provider]
        return preset.needs_key and not self.keys.get_key(preset.name)

    def _key(self, required: bool) -> str | None:
        preset = PRESETS[self.settings.provider]
        if not preset.accepts_key:
            return None
        key = self.keys.get_key(preset.name)
        if required and not key:
            raise MissingKeyError(preset.label)
        return key

    def chat_client(self) -> api.ChatClient:
        preset = PRESETS[self.settings.provider]
        where = self.endpoint()
        if preset.kind == "segmind":
            key = self._key(required=True)
            assert key is not None
            return api.SegmindClient(self.http, key, base_url=where.base_url, slug=where.model)
        return api.OpenAICompatClient(
            self.http,
            where.base_url,
            where.model,
            api_key=self._key(required=preset.needs_key),
            stream=preset.streams,
            provider_name=preset.name,
        )

    def credits_client(self) -> api.SegmindClient | None:
        """Only Segmind reports a balance; None for other providers or without a key."""
        preset = PRESETS[self.settings.provider]
        if preset.kind != "segmind":
            return None
        key = self.keys.get_key(preset.name)
        if not key:
            return None
        return api.SegmindClient(self.http, key, base_url=self.endpoint().base_url)


def _make_client() -> httpx.AsyncClient:
    """Runs in a worker thread: imports what the first request needs (the provider clients,
    anyio's asyncio backend) and makes the client with its TLS context. Made on the GUI
    thread, the client held it for ~17 ms: httpx imports httpcore only when a client is made."""
    import importlib

    for module in NETWORK_MODULES:
        try:
            importlib.import_module(module)
        except ImportError:  # only a head start; the request imports what it needs anyway
            log.debug("Could not preload %s", module)
    from r1desk.api.http import make_tls_context

    return api.make_http_client(tls=make_tls_context())
