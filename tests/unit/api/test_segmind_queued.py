"""Segmind's queued ("async") mode against the fake Segmind on loopback."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from r1desk.api import (
    ChatReply,
    ConnectionLostError,
    InvalidResponseError,
    QueuedRequestFailedError,
    RequestTimeoutError,
    SegmindClient,
    make_http_client,
)
from r1desk.api.segmind_queued import url_on_same_origin, v2_base
from tests.fakes.models import FakeResponse
from tests.fakes.queued import FAILED_ERROR, STATUS_PREFIX
from tests.fakes.replies import answer_for
from tests.fakes.server import FakeServer
from tests.unit.api._support import user, with_segmind

FAST = 0.01  # poll interval in these tests
REASONING, CONTENT = answer_for("Prove it slowly")


def queued_chat(
    server: FakeServer, text: str, statuses: list[str] | None = None, **options: Any
) -> ChatReply:
    on_status = statuses.append if statuses is not None else None
    return with_segmind(
        server,
        lambda c: c.chat_queued(user(text), on_status=on_status, poll_interval_s=FAST),
        **options,
    )


def queued_error(server: FakeServer, text: str = "hi", **options: Any) -> Exception:
    with pytest.raises(Exception) as caught:
        queued_chat(server, text, **options)
    return caught.value


@pytest.mark.parametrize(
    ("base", "expected"),
    [
        ("https://api.segmind.com/v1", "https://api.segmind.com/v2"),
        ("https://api.segmind.com/v1/", "https://api.segmind.com/v2"),
        ("http://127.0.0.1:8080/proxy/v1", "http://127.0.0.1:8080/proxy/v2"),
        ("https://proxy.example/segmind", "https://proxy.example/segmind/v2"),
        ("https://proxy.example/v10", "https://proxy.example/v10/v2"),
    ],
)
def test_v2_base_replaces_a_trailing_v1_else_appends(base: str, expected: str) -> None:
    assert v2_base(base) == expected


def test_reply_arrives_after_several_polls(fake_server: FakeServer) -> None:
    fake_server.queued_polls = 4
    statuses: list[str] = []
    reply = queued_chat(fake_server, "Prove it slowly", statuses)
    assert reply.content == CONTENT
    assert reply.reasoning == REASONING.strip()
    assert reply.finish_reason == "stop" and reply.model == "deepseek-reasoner"
    assert reply.usage is not None and reply.usage.reasoning_tokens == len(REASONING.split())
    assert reply.remaining_credits == pytest.approx(10.0 - fake_server.cost_per_call)
    assert statuses == ["QUEUED", "PROCESSING"]  # each change once

    post, *polls = fake_server.requests
    assert (post.method, post.path) == ("POST", "/v2/deepseek-reasoner")
    assert post.json() == {"messages": [{"role": "user", "content": "Prove it slowly"}]}
    assert len(polls) == 5 and all(p.method == "GET" for p in polls)
    assert all(r.headers["x-api-key"] == "test-key" for r in fake_server.requests)


def test_failed_job_gives_a_typed_error_with_the_providers_words(fake_server: FakeServer) -> None:
    error = queued_error(fake_server, "!queued-fail please")
    assert isinstance(error, QueuedRequestFailedError)
    assert error.status == 422 and error.retryable
    assert FAILED_ERROR in error.user_message
    assert error.user_message.startswith("Segmind could not finish the queued request")


def test_output_is_fetched_from_the_response_url_when_the_status_omits_it(
    fake_server: FakeServer,
) -> None:
    fake_server.queued_polls = 0
    fake_server.queue(FakeResponse(body={"status": "COMPLETED"}, only_path=STATUS_PREFIX))
    reply = queued_chat(fake_server, "Prove it slowly")
    assert reply.content == CONTENT
    assert fake_server.requests[-1].path.endswith("/response")


@pytest.mark.parametrize(
    "body",
    ["{not json", "<html><body>Bad gateway</body></html>", {"state": "done"}, {"status": 7}, []],
)
def test_malformed_status_body_is_an_invalid_response(
    fake_server: FakeServer, body: str | dict[str, object] | list[object]
) -> None:
    fake_server.queue(FakeResponse(body=body, only_path=STATUS_PREFIX))
    error = queued_error(fake_server)
    assert isinstance(error, InvalidResponseError)
    assert "<html" not in error.user_message


def test_completed_output_that_is_not_a_completion_is_an_invalid_response(
    fake_server: FakeServer,
) -> None:
    done = {"status": "COMPLETED", "output": '{"half": '}
    fake_server.queue(FakeResponse(body=done, only_path=STATUS_PREFIX))
    assert isinstance(queued_error(fake_server), InvalidResponseError)


def test_cancelling_stops_polling_at_once(fake_server: FakeServer) -> None:
    fake_server.queued_polls = 100_000

    async def main() -> None:
        async with make_http_client() as http:
            client = SegmindClient(http, "test-key", base_url=fake_server.base_url)
            task = asyncio.ensure_future(client.chat_queued(user("hi"), poll_interval_s=0.02))
            while len(fake_server.status_polls()) < 3 and not task.done():
                await asyncio.sleep(0.01)
            assert not task.done(), task.exception()
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task

    asyncio.run(main())
    seen = len(fake_server.status_polls())
    asyncio.run(asyncio.sleep(0.3))
    assert len(fake_server.status_polls()) == seen


def test_polling_stays_under_the_deadline(fake_server: FakeServer) -> None:
    fake_server.queued_polls = 100_000
    error = queued_error(fake_server, deadline_s=0.3)
    assert isinstance(error, RequestTimeoutError)
    assert "time limit" in error.user_message


def test_status_url_on_another_server_is_refused_and_gets_no_key(fake_server: FakeServer) -> None:
    with FakeServer() as other:
        ticket = {
            "request_id": "req-evil",
            "status_url": f"{other.origin}{STATUS_PREFIX}req-evil/status",
            "response_url": f"{fake_server.origin}{STATUS_PREFIX}req-evil/response",
        }
        fake_server.queue(FakeResponse(body=ticket, only_path="/v2/"))
        error = queued_error(fake_server)
        assert other.requests == []
    assert isinstance(error, InvalidResponseError) and not error.retryable
    assert "another server" in error.user_message
    assert [r.method for r in fake_server.requests] == ["POST"]


@pytest.mark.parametrize(
    "target",
    [
        "https://127.0.0.1:{port}/v2/requests/x/status",  # another scheme
        "http://localhost:{port}/v2/requests/x/status",  # another host name
        "http://127.0.0.1:{other}/v2/requests/x/status",  # another port
        "//example.com/v2/requests/x/status",  # scheme-relative: another host
        "file:///etc/passwd",
        "",
    ],
)
def test_only_the_configured_origin_is_polled(target: str) -> None:
    base = "http://127.0.0.1:8123/v1"
    with pytest.raises(InvalidResponseError):
        url_on_same_origin(base, target.format(port=8123, other=8124), "status address")


def test_relative_status_urls_resolve_on_the_configured_server() -> None:
    base = "https://api.segmind.com/v1"
    found = url_on_same_origin(base, "/v2/requests/abc/status", "status address")
    assert found == "https://api.segmind.com/v2/requests/abc/status"
    same = url_on_same_origin(base, "https://API.segmind.com:443/v2/x", "status address")
    assert same == "https://api.segmind.com/v2/x"


def test_a_poll_lost_to_a_dropped_connection_is_retried(fake_server: FakeServer) -> None:
    fake_server.queue(FakeResponse(drop=True, only_path=STATUS_PREFIX))
    fake_server.queue(FakeResponse(status=502, html=True, only_path=STATUS_PREFIX))
    reply = queued_chat(fake_server, "Prove it slowly")
    assert reply.content == CONTENT
    polls = fake_server.status_polls()
    assert len(polls) == fake_server.queued_polls + 1 + 2  # two failed polls, then the normal run
    assert len(fake_server.chat_requests()) == 1


def test_polling_gives_up_after_repeated_failures(fake_server: FakeServer) -> None:
    fake_server.queue(*[FakeResponse(drop=True, only_path=STATUS_PREFIX) for _ in range(10)])
    error = queued_error(fake_server)
    assert isinstance(error, ConnectionLostError)
    assert len(fake_server.status_polls()) == 4  # the first try and three retries


@pytest.mark.parametrize(
    "failure", [FakeResponse(drop=True), FakeResponse(reset_mid_body=True, body={"request_id": 1})]
)
def test_the_queued_post_is_never_retried(fake_server: FakeServer, failure: FakeResponse) -> None:
    failure.only_path = "/v2/deepseek-reasoner"
    fake_server.queue(failure)
    error = queued_error(fake_server)
    assert isinstance(error, (ConnectionLostError, InvalidResponseError))
    assert [(r.method, r.path) for r in fake_server.requests] == [("POST", "/v2/deepseek-reasoner")]


def test_queued_post_errors_are_the_usual_typed_errors(fake_server: FakeServer) -> None:
    fake_server.set_credits(0.0)
    error = queued_error(fake_server)
    assert type(error).__name__ == "InsufficientCreditsError"
    assert fake_server.status_polls() == []
