"""The "Test connection" check against the real loopback fake server."""

from __future__ import annotations

import asyncio
import socket

import pytest

from r1desk import api
from r1desk.services import connection_test
from r1desk.settings import Settings
from tests.fakes.server import FakeResponse, FakeServer

SEGMIND = Settings(provider="segmind")
DEEPSEEK = Settings(provider="deepseek", model="deepseek-reasoner")


def check(settings: Settings, key: str | None, base: str) -> tuple[bool, str]:
    async def run() -> tuple[bool, str]:
        async with api.make_http_client() as http:
            return await connection_test.test_connection(http, settings, key, base)

    return asyncio.run(run())


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_segmind_success_reports_the_balance(fake_server: FakeServer) -> None:
    fake_server.credits = 12.3456
    ok, text = check(SEGMIND, "test-key", fake_server.base_url)
    assert ok
    assert text.startswith("Connected. Credits: 12.3456")
    assert [r.path for r in fake_server.requests] == ["/v1/get-user-credits"]
    assert fake_server.requests[0].headers["x-api-key"] == "test-key"
    assert fake_server.credits == 12.3456  # testing costs nothing


def test_openai_success_counts_models(fake_server: FakeServer) -> None:
    fake_server.models = ["deepseek-reasoner", "deepseek-chat", "other"]
    ok, text = check(DEEPSEEK, "test-key", fake_server.openai_base_url)
    assert (ok, text) == (True, "Connected. 3 models available.")
    assert fake_server.requests[0].path == "/openai/v1/models"
    assert fake_server.requests[0].headers["authorization"] == "Bearer test-key"


def test_openai_success_warns_about_an_unknown_model(fake_server: FakeServer) -> None:
    fake_server.models = ["llama3"]
    ok, text = check(DEEPSEEK, None, fake_server.openai_base_url)
    assert ok
    assert text == "Connected. 1 model available. The model “deepseek-reasoner” is not among them."


def test_wrong_segmind_key_is_an_authentication_failure(fake_server: FakeServer) -> None:
    ok, text = check(SEGMIND, "wrong-key", fake_server.base_url)
    assert not ok
    assert "The API key was refused (HTTP 401" in text
    assert text.endswith("Re-enter your API key in Settings.")
    assert "wrong-key" not in text


def test_missing_segmind_key_is_reported_without_a_request(fake_server: FakeServer) -> None:
    ok, text = check(SEGMIND, None, fake_server.base_url)
    assert not ok
    assert text.startswith("No API key is set.")
    assert fake_server.requests == []


def test_openai_401(fake_server: FakeServer) -> None:
    fake_server.openai_requires_key = True
    ok, text = check(DEEPSEEK, "nope", fake_server.openai_base_url)
    assert not ok
    assert "The API key was refused (HTTP 401" in text


def test_wrong_address_is_not_found(fake_server: FakeServer) -> None:
    ok, text = check(DEEPSEEK, None, fake_server.origin + "/nowhere")
    assert not ok
    assert "/nowhere/models does not exist (HTTP 404" in text
    assert text.endswith("Check the API base URL and the model name in Settings.")


@pytest.mark.parametrize("settings", [SEGMIND, DEEPSEEK], ids=["segmind", "openai"])
def test_server_error(fake_server: FakeServer, settings: Settings) -> None:
    fake_server.queue(FakeResponse(status=500))
    base = fake_server.base_url if settings is SEGMIND else fake_server.openai_base_url
    ok, text = check(settings, "test-key", base)
    assert not ok
    assert "The server failed to answer (HTTP 500" in text
    assert text.endswith("Retry in a moment.")


def test_html_error_page_is_never_shown(fake_server: FakeServer) -> None:
    fake_server.queue(FakeResponse(status=502, html=True))
    ok, text = check(SEGMIND, "test-key", fake_server.base_url)
    assert not ok
    assert "<" not in text
    assert "HTTP 502" in text


def test_connection_refused_on_a_closed_port() -> None:
    ok, text = check(DEEPSEEK, None, f"http://127.0.0.1:{closed_port()}/v1")
    assert not ok
    assert text.startswith("Could not connect to 127.0.0.1.")


def test_custom_provider_without_an_address() -> None:
    ok, text = check(Settings(provider="custom", model="m"), None, "")
    assert not ok
    assert "Enter the API address" in text
