"""Running the async clients against the fake server from plain (sync) tests."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from r1desk import domain
from r1desk.api import ApiError, ChatReply, Delta, OpenAICompatClient, SegmindClient
from r1desk.api.http import make_http_client
from tests.fakes.server import FakeServer

T = TypeVar("T")


def user(text: str) -> list[domain.Message]:
    return [domain.Message(domain.Role.USER, text)]


def with_segmind(
    server: FakeServer, fn: Callable[[SegmindClient], Awaitable[T]], **options: Any
) -> T:
    async def main() -> T:
        async with make_http_client() as http:
            options.setdefault("api_key", "test-key")
            return await fn(SegmindClient(http, base_url=server.base_url, **options))

    return asyncio.run(main())


def with_openai(
    server: FakeServer, fn: Callable[[OpenAICompatClient], Awaitable[T]], **options: Any
) -> T:
    async def main() -> T:
        async with make_http_client() as http:
            options.setdefault("model", "deepseek-reasoner")
            client = OpenAICompatClient(http, base_url=server.openai_base_url, **options)
            return await fn(client)

    return asyncio.run(main())


def segmind_chat(server: FakeServer, text: str, **options: Any) -> ChatReply:
    return with_segmind(server, lambda c: c.chat(user(text)), **options)


def openai_chat(server: FakeServer, text: str, **options: Any) -> tuple[ChatReply, list[Delta]]:
    deltas: list[Delta] = []
    reply = with_openai(server, lambda c: c.chat(user(text), on_delta=deltas.append), **options)
    return reply, deltas


def segmind_error(server: FakeServer, text: str = "hi", **options: Any) -> ApiError:
    try:
        segmind_chat(server, text, **options)
    except ApiError as exc:
        return exc
    raise AssertionError("the request did not fail")


def openai_error(server: FakeServer, text: str = "hi", **options: Any) -> ApiError:
    try:
        openai_chat(server, text, **options)
    except ApiError as exc:
        return exc
    raise AssertionError("the request did not fail")


def split_at(text: str, cuts: list[int]) -> list[str]:
    """`text` cut at the given positions (modulo its length), as a stream may send it."""
    points = sorted({c % (len(text) + 1) for c in cuts})
    return [text[a:b] for a, b in itertools.pairwise([0, *points, len(text)])]
