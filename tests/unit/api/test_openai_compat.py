"""The OpenAI-compatible client: streamed deltas, JSON fallbacks, auth, model list."""

from __future__ import annotations

import json

import pytest

from r1desk.api import (
    AuthenticationError,
    ChatClient,
    ConnectionLostError,
    Delta,
    InvalidResponseError,
    OpenAICompatClient,
    ServerError,
)
from tests.fakes.models import FakeResponse
from tests.fakes.replies import answer_for, completion_body, usage_for
from tests.fakes.server import FakeServer
from tests.unit.api._support import openai_chat, openai_error, with_openai

REASONING, CONTENT = answer_for("Explain SSE")
SSE = "text/event-stream"


def joined(deltas: list[Delta], kind: str) -> str:
    return "".join(d.text for d in deltas if d.kind == kind)


@pytest.mark.parametrize("style", ["field", "reasoning", "think", "bare"])
def test_streamed_deltas_arrive_in_order(fake_server: FakeServer, style: str) -> None:
    fake_server.reasoning_style = style  # type: ignore[assignment]
    reply, deltas = openai_chat(fake_server, "Explain SSE")
    assert len(deltas) > 10  # really streamed, not one lump
    kinds = [d.kind for d in deltas]
    assert kinds == sorted(kinds, key=["reasoning", "content"].index)  # all reasoning first
    assert joined(deltas, "reasoning") == reply.reasoning == REASONING.strip()
    assert joined(deltas, "content") == reply.content == CONTENT
    assert reply.finish_reason == "stop"
    assert reply.usage is not None and reply.usage.total_tokens


def test_request_on_the_wire_with_and_without_key(fake_server: FakeServer) -> None:
    openai_chat(fake_server, "hi", api_key="test-key", provider_name="deepseek")
    openai_chat(fake_server, "hi")
    with_key, without_key = fake_server.requests
    assert with_key.path == "/openai/v1/chat/completions"
    assert with_key.headers["authorization"] == "Bearer test-key"
    assert "x-api-key" not in with_key.headers
    assert with_key.json() == {
        "model": "deepseek-reasoner",
        "messages": [{"role": "user", "content": "hi"}],
        "stream": True,
    }
    assert "authorization" not in without_key.headers


def test_a_required_key_that_is_wrong_is_refused(fake_server: FakeServer) -> None:
    fake_server.openai_requires_key = True
    error = openai_error(fake_server, api_key="bad-key")
    assert isinstance(error, AuthenticationError)
    assert "Authentication Fails" in error.user_message


def test_non_streaming_mode(fake_server: FakeServer) -> None:
    fake_server.reasoning_style = "think"
    reply, deltas = openai_chat(fake_server, "Explain SSE", stream=False)
    assert fake_server.requests[0].json()["stream"] is False  # type: ignore[index]
    assert (reply.reasoning, reply.content) == (REASONING.strip(), CONTENT)
    assert deltas == [Delta("reasoning", reply.reasoning), Delta("content", reply.content)]


def test_a_json_body_where_a_stream_was_asked_for(fake_server: FakeServer) -> None:
    usage = usage_for("q", "r", "c")
    body = completion_body("other-model", "field", "Thinking.", "Plain answer.", usage)
    fake_server.queue(FakeResponse(body=body))
    reply, deltas = openai_chat(fake_server, "q")
    assert (reply.reasoning, reply.content, reply.model) == (
        "Thinking.",
        "Plain answer.",
        "other-model",
    )
    assert joined(deltas, "content") == "Plain answer."


def test_a_json_error_where_a_stream_was_asked_for(fake_server: FakeServer) -> None:
    fake_server.queue(FakeResponse(status=503, body={"error": {"message": "Server busy"}}))
    error = openai_error(fake_server)
    assert isinstance(error, ServerError)
    assert "Server busy" in error.user_message


def _sse(*events: object) -> bytes:
    return "".join(
        f"data: {e if isinstance(e, str) else json.dumps(e)}\n\n" for e in events
    ).encode()


def _chunk(delta: dict[str, object], finish: str | None = None) -> dict[str, object]:
    return {"choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}


def test_stream_without_done_or_finish_reason_is_reported_as_cut(fake_server: FakeServer) -> None:
    fake_server.queue(FakeResponse(body=_sse(_chunk({"content": "Part"})), content_type=SSE))
    deltas: list[Delta] = []

    async def run(client: OpenAICompatClient) -> None:
        await client.chat([], on_delta=deltas.append)

    with pytest.raises(ConnectionLostError):
        with_openai(fake_server, run)
    assert deltas == [Delta("content", "Part")]  # what arrived was shown


def test_usage_only_final_chunk_and_crlf_lines(fake_server: FakeServer) -> None:
    body = _sse(
        _chunk({"reasoning_content": "Hm."}),
        _chunk({"content": "Yes."}, finish="stop"),
        {"choices": [], "usage": {"prompt_tokens": 3, "completion_tokens": 4, "total_tokens": 7}},
        "[DONE]",
    ).replace(b"\n", b"\r\n")
    fake_server.queue(FakeResponse(body=body, content_type=SSE))
    reply, _ = openai_chat(fake_server, "q")
    assert (reply.reasoning, reply.content) == ("Hm.", "Yes.")
    assert reply.usage is not None and reply.usage.total_tokens == 7


def test_an_error_event_mid_stream(fake_server: FakeServer) -> None:
    body = _sse(_chunk({"content": "Hal"}), {"error": {"message": "Upstream overloaded"}})
    fake_server.queue(FakeResponse(body=body, content_type=SSE))
    error = openai_error(fake_server)
    assert isinstance(error, ServerError)
    assert "Upstream overloaded" in error.user_message


@pytest.mark.parametrize(
    "body",
    [_sse("{not json"), b"data: \xff\xfe\n\n", _sse("[1, 2]")],
)
def test_unreadable_stream_data(fake_server: FakeServer, body: bytes) -> None:
    fake_server.queue(FakeResponse(body=body, content_type=SSE))
    assert isinstance(openai_error(fake_server), InvalidResponseError)


def test_slow_stream_keeps_streaming(fake_server: FakeServer) -> None:
    fake_server.chunk_delay = 0.002
    reply, deltas = openai_chat(fake_server, "Explain SSE")
    assert reply.content == CONTENT and len(deltas) > 10


def test_list_models(fake_server: FakeServer) -> None:
    models = with_openai(fake_server, lambda c: c.list_models(), api_key="test-key")
    assert models == ["deepseek-reasoner", "deepseek-chat"]
    (request,) = fake_server.requests
    assert (request.method, request.path) == ("GET", "/openai/v1/models")
    assert request.headers["authorization"] == "Bearer test-key"


def test_repr_hides_the_key(fake_server: FakeServer) -> None:
    text = with_openai(fake_server, _repr, api_key="sk-hidden-999")
    assert "sk-hidden-999" not in text and "OpenAICompatClient" in text


async def _repr(client: OpenAICompatClient) -> str:
    return repr(client)


def test_openai_client_is_a_chat_client(fake_server: FakeServer) -> None:
    async def describe(client: ChatClient) -> tuple[str, str]:
        return client.provider_name, client.model

    assert with_openai(fake_server, describe, provider_name="ollama", model="r1:8b") == (
        "ollama",
        "r1:8b",
    )
