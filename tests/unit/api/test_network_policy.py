"""Cancellation, deadlines, timeouts and retries: what happens on the wire."""

from __future__ import annotations

import asyncio
import socket
import time

import httpx
import pytest

from r1desk.api import (
    ConnectionFailedError,
    ConnectionLostError,
    Delta,
    OpenAICompatClient,
    RequestTimeoutError,
    ResponseTooLargeError,
    SegmindClient,
    ServerError,
    make_http_client,
)
from r1desk.api.exchange import MAX_CONNECT_ATTEMPTS
from r1desk.api.http import USER_AGENT
from tests.fakes.models import FakeResponse
from tests.fakes.server import FakeServer
from tests.unit.api._support import segmind_chat, segmind_error, user


def test_cancelling_while_the_server_thinks_closes_the_connection(
    fake_server: FakeServer,
) -> None:
    fake_server.hold()

    async def main() -> tuple[float, bool, str]:
        async with make_http_client() as http:
            client = SegmindClient(http, "test-key", base_url=fake_server.base_url)
            task = asyncio.create_task(client.chat(user("think hard")))
            (request,) = await asyncio.to_thread(fake_server.wait_for_requests, 1)
            started = time.monotonic()
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            took = time.monotonic() - started
            closed = await asyncio.to_thread(request.disconnected.wait, 2.0)
            fake_server.release()
            again = await client.chat(user("after cancel"))  # the pool is still healthy
            return took, closed, again.content

    took, closed, content = asyncio.run(main())
    assert took < 0.5
    assert closed, "the server never saw the connection close"
    assert "after cancel" in content


def test_cancelling_mid_stream_closes_the_connection(fake_server: FakeServer) -> None:
    fake_server.chunk_delay = 0.05

    async def main() -> tuple[list[Delta], bool]:
        async with make_http_client() as http:
            client = OpenAICompatClient(http, fake_server.openai_base_url, "deepseek-reasoner")
            deltas: list[Delta] = []
            task = asyncio.create_task(client.chat(user("stream"), on_delta=deltas.append))
            while len(deltas) < 3:
                await asyncio.sleep(0.01)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            request = fake_server.requests[0]
            return deltas, await asyncio.to_thread(request.disconnected.wait, 2.0)

    deltas, closed = asyncio.run(main())
    assert closed
    assert 3 <= len(deltas) < 20


def test_elapsed_time_is_measured(fake_server: FakeServer) -> None:
    fake_server.queue(FakeResponse(delay=0.3))
    assert segmind_chat(fake_server, "hi").elapsed_s >= 0.3


def test_the_overall_deadline_says_how_long_it_waited(fake_server: FakeServer) -> None:
    fake_server.queue(FakeResponse(hang=True))
    started = time.monotonic()
    error = segmind_error(fake_server, deadline_s=0.4)
    assert time.monotonic() - started < 2
    assert isinstance(error, RequestTimeoutError)
    assert "0.4 s" in error.user_message
    assert error.retryable
    assert len(fake_server.requests) == 1
    assert fake_server.requests[0].disconnected.wait(2.0)


def test_a_read_timeout_is_not_retried(fake_server: FakeServer) -> None:
    fake_server.hold()

    async def main() -> BaseException:
        async with httpx.AsyncClient(timeout=httpx.Timeout(5, read=0.3)) as http:
            client = SegmindClient(http, "test-key", base_url=fake_server.base_url)
            with pytest.raises(RequestTimeoutError) as info:
                await client.chat(user("hi"))
            return info.value

    error = asyncio.run(main())
    assert "stopped sending data" in str(error)
    assert len(fake_server.requests) == 1


@pytest.mark.parametrize(
    ("script", "error_class"),
    [
        (FakeResponse(status=500), ServerError),
        (FakeResponse(status=502, html=True), ServerError),
        (FakeResponse(drop=True), ConnectionLostError),
        (
            FakeResponse(status=200, body=b'{"choices": []}' * 100, reset_mid_body=True),
            ConnectionLostError,
        ),
    ],
)
def test_requests_that_reached_the_server_are_never_retried(
    fake_server: FakeServer, script: FakeResponse, error_class: type[Exception]
) -> None:
    fake_server.queue(script)
    assert isinstance(segmind_error(fake_server), error_class)
    time.sleep(0.3)  # a retry would have arrived by now
    assert len(fake_server.requests) == 1


def test_drop_trigger_is_not_retried(fake_server: FakeServer) -> None:
    assert isinstance(segmind_error(fake_server, "!drop"), ConnectionLostError)
    assert len(fake_server.requests) == 1


class CountingTransport(httpx.AsyncHTTPTransport):
    def __init__(self, fail_first: int = 0) -> None:
        super().__init__()
        self.attempts = 0
        self.fail_first = fail_first

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.attempts += 1
        if self.attempts <= self.fail_first:
            raise httpx.ConnectError("connection refused", request=request)
        return await super().handle_async_request(request)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_connection_refused_is_retried_a_bounded_number_of_times() -> None:
    transport = CountingTransport()

    async def main() -> ConnectionFailedError:
        async with make_http_client(transport=transport) as http:
            base = f"http://127.0.0.1:{_closed_port()}/v1"
            with pytest.raises(ConnectionFailedError) as info:
                await SegmindClient(http, "test-key", base_url=base).chat(user("hi"))
            return info.value

    started = time.monotonic()
    error = asyncio.run(main())
    assert time.monotonic() - started < 3
    assert transport.attempts == MAX_CONNECT_ATTEMPTS == 3
    assert "127.0.0.1" in error.user_message and error.retryable


def test_a_connection_that_works_on_the_second_try_sends_once(fake_server: FakeServer) -> None:
    transport = CountingTransport(fail_first=1)

    async def main() -> str:
        async with make_http_client(transport=transport) as http:
            client = SegmindClient(http, "test-key", base_url=fake_server.base_url)
            return (await client.chat(user("second try"))).content

    assert "second try" in asyncio.run(main())
    assert transport.attempts == 2
    assert len(fake_server.requests) == 1


def test_invalid_base_url_is_a_settings_problem() -> None:
    async def main() -> ConnectionFailedError:
        async with make_http_client() as http:
            with pytest.raises(ConnectionFailedError) as info:
                await SegmindClient(http, "k", base_url="ftp://example.invalid/v1").chat(user("x"))
            return info.value

    error = asyncio.run(main())
    assert not error.retryable and "Settings" in error.next_step


def test_shared_http_client_settings() -> None:
    async def main() -> httpx.AsyncClient:
        async with make_http_client() as http:
            return http

    http = asyncio.run(main())
    assert (http.timeout.connect, http.timeout.read, http.timeout.write, http.timeout.pool) == (
        10,
        600,
        30,
        10,
    )
    assert http.trust_env and not http.follow_redirects
    assert http.headers["user-agent"] == USER_AGENT


def test_a_reply_abandoned_mid_stream_closes_the_connection(fake_server: FakeServer) -> None:
    fake_server.chunk_delay = 0.05

    async def main() -> bool:
        async with make_http_client() as http:
            client = OpenAICompatClient(
                http, fake_server.openai_base_url, "deepseek-reasoner", max_body_bytes=600
            )
            with pytest.raises(ResponseTooLargeError):
                await client.chat(user("a long stream"))
            request = fake_server.requests[0]
            return await asyncio.to_thread(request.disconnected.wait, 2.0)

    assert asyncio.run(main()), "the server kept streaming to nobody"


def test_slow_trigger_delays_the_reply(fake_server: FakeServer) -> None:
    reply = segmind_chat(fake_server, "!slow 0.3")
    assert reply.elapsed_s >= 0.3
    assert "!slow 0.3" in reply.content
