"""The Segmind client against the fake Segmind on loopback."""

from __future__ import annotations

import pytest

from r1desk import domain
from r1desk.api import (
    AuthenticationError,
    ChatClient,
    ChatParams,
    Delta,
    InvalidResponseError,
    ResponseTooLargeError,
    SegmindClient,
    make_http_client,
)
from tests.fakes.models import FakeResponse
from tests.fakes.replies import answer_for
from tests.fakes.server import FakeServer
from tests.unit.api._support import segmind_chat, segmind_error, user, with_segmind

REASONING, CONTENT = answer_for("What is 2+2?")


@pytest.mark.parametrize("style", ["field", "reasoning", "think", "bare"])
def test_reasoning_is_separated_in_every_style(fake_server: FakeServer, style: str) -> None:
    fake_server.reasoning_style = style  # type: ignore[assignment]
    reply = segmind_chat(fake_server, "What is 2+2?")
    assert reply.reasoning == REASONING.strip()
    assert reply.content == CONTENT
    assert "<think>" not in reply.content and "</think>" not in reply.content
    assert reply.finish_reason == "stop"
    assert reply.model == "deepseek-reasoner"
    assert reply.usage is not None and reply.usage.reasoning_tokens == len(REASONING.split())


def test_request_on_the_wire(fake_server: FakeServer) -> None:
    history = [
        domain.Message(domain.Role.SYSTEM, "Be brief."),
        domain.Message(domain.Role.USER, "Hi"),
        domain.Message(domain.Role.ASSISTANT, "Hello!", reasoning="secret chain of thought"),
        domain.Message(domain.Role.USER, "Again"),
    ]
    params = ChatParams(max_tokens=256, temperature=0.6)
    with_segmind(fake_server, lambda c: c.chat(history, params), slug="deepseek-chat")
    (request,) = fake_server.requests
    assert (request.method, request.path) == ("POST", "/v1/deepseek-chat")
    assert request.headers["x-api-key"] == "test-key"
    assert "authorization" not in request.headers
    assert request.headers["user-agent"].startswith("r1desk/")
    assert request.json() == {
        "messages": [
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": "Hi"},
            {"role": "assistant", "content": "Hello!"},
            {"role": "user", "content": "Again"},
        ],
        "max_tokens": 256,
        "temperature": 0.6,
    }
    assert b"chain of thought" not in request.body


def test_credits_come_from_the_header_and_go_down(fake_server: FakeServer) -> None:
    first = segmind_chat(fake_server, "one")
    second = segmind_chat(fake_server, "two")
    assert first.remaining_credits == pytest.approx(10.0 - fake_server.cost_per_call)
    assert second.remaining_credits == pytest.approx(10.0 - 2 * fake_server.cost_per_call)


@pytest.mark.parametrize("value", [None, "n/a", "", "12,5"])
def test_missing_or_malformed_credits_header_gives_none(
    fake_server: FakeServer, value: str | None
) -> None:
    fake_server.queue(FakeResponse(headers={"x-remaining-credits": value}))
    reply = segmind_chat(fake_server, "hello")
    assert reply.remaining_credits is None
    assert reply.content  # the reply itself is fine


def test_credits_trigger_sets_the_balance(fake_server: FakeServer) -> None:
    reply = segmind_chat(fake_server, "!credits 3.5")
    assert reply.remaining_credits == 3.5
    assert "3.5" in reply.content


def test_get_credits(fake_server: FakeServer) -> None:
    fake_server.credits = 4.25
    credits = with_segmind(fake_server, lambda c: c.get_credits())
    assert credits == domain.Credits(remaining=4.25, free=fake_server.free_credits)
    (request,) = fake_server.requests
    assert (request.method, request.path) == ("GET", "/v1/get-user-credits")
    assert request.headers["x-api-key"] == "test-key"


def test_get_credits_with_a_wrong_key(fake_server: FakeServer) -> None:
    with pytest.raises(AuthenticationError):
        with_segmind(fake_server, lambda c: c.get_credits(), api_key="nope")


def test_on_delta_gets_the_whole_reply_once(fake_server: FakeServer) -> None:
    deltas: list[Delta] = []
    reply = with_segmind(fake_server, lambda c: c.chat(user("x"), on_delta=deltas.append))
    assert deltas == [Delta("reasoning", reply.reasoning), Delta("content", reply.content)]


def test_an_event_stream_body_is_accepted_too(fake_server: FakeServer) -> None:
    fake_server.segmind_streams = True
    fake_server.reasoning_style = "think"
    reply = with_segmind(fake_server, lambda c: c.chat(user("What is 2+2?")))
    assert (reply.reasoning, reply.content) == (REASONING.strip(), CONTENT)
    assert fake_server.requests[0].json() == {
        "messages": [{"role": "user", "content": "What is 2+2?"}]
    }


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b'{"choices": [{"message": {"content": "cut', "not valid JSON"),
        (b"", "empty"),
        (b"<html><body>Welcome to nginx!</body></html>", "web page"),
        ('{"choices": [{"message": {"content": "caf\xe9"}}]}'.encode("latin-1"), "UTF-8"),
        (b'{"result": "something else"}', "chat answer"),
        (b"[1, 2, 3]", "expected shape"),
        (b'{"choices": [{"text": "legacy"}]}', "chat answer"),
    ],
)
def test_unreadable_success_bodies(fake_server: FakeServer, body: bytes, words: str) -> None:
    fake_server.queue(FakeResponse(status=200, body=body, content_type="application/json"))
    error = segmind_error(fake_server)
    assert isinstance(error, InvalidResponseError)
    assert words in error.user_message
    assert "<" not in error.user_message


def test_garbage_trigger(fake_server: FakeServer) -> None:
    assert isinstance(segmind_error(fake_server, "!garbage"), InvalidResponseError)


def test_an_error_inside_a_200_body_is_reported(fake_server: FakeServer) -> None:
    fake_server.queue(FakeResponse(body={"error": "Model is loading, try again"}))
    error = segmind_error(fake_server)
    assert "Model is loading" in error.user_message
    assert error.retryable


def test_oversized_bodies_are_refused_while_reading(fake_server: FakeServer) -> None:
    fake_server.queue(FakeResponse(body=b'{"x": "' + b"a" * 5000 + b'"}'))
    error = segmind_error(fake_server, max_body_bytes=1000)
    assert isinstance(error, ResponseTooLargeError)
    assert "1000 bytes" in error.user_message


def test_the_default_size_cap_is_20_mb(fake_server: FakeServer) -> None:
    fake_server.queue(
        FakeResponse(body=b" " * (20 * 1024 * 1024 + 1), content_type="application/json")
    )
    error = segmind_error(fake_server)
    assert isinstance(error, ResponseTooLargeError)
    assert "20 MB" in error.user_message


def test_the_key_never_shows_in_repr_or_errors(fake_server: FakeServer) -> None:
    key = "sk-super-secret-0123"

    async def probe(client: SegmindClient) -> str:
        try:
            await client.chat(user("hi"))
        except AuthenticationError as exc:
            return f"{client!r} {exc!r} {exc} {exc.next_step}"
        raise AssertionError("expected a refusal")

    fake_server.queue(FakeResponse(status=401, body={"error": f"Invalid API key {key}"}))
    text = with_segmind(fake_server, probe, api_key=key)
    assert key not in text
    assert "SegmindClient" in text


@pytest.mark.parametrize("key", ["", "   ", "two words", "kéy", "line\nbreak"])
def test_unusable_keys_fail_before_anything_is_sent(fake_server: FakeServer, key: str) -> None:
    error = segmind_error(fake_server, api_key=key)
    assert isinstance(error, AuthenticationError)
    assert key.strip() == "" or key not in str(error)
    assert fake_server.requests == []


def test_segmind_client_is_a_chat_client() -> None:
    async def build() -> ChatClient:
        async with make_http_client() as http:
            return SegmindClient(http, "k")

    import asyncio

    client = asyncio.run(build())
    assert (client.provider_name, client.model) == ("segmind", "deepseek-reasoner")
