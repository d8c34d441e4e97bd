"""Sending one request under r1desk's network policy.

- Connection failures before anything was sent (refused, DNS) are retried a couple of times with
  a short pause. Nothing else is ever retried: once the request may have reached the server, a
  retry could spend the user's credits twice.
- The whole exchange runs under an overall deadline (RequestTimeoutError says how long it waited).
- The response is closed in `finally`, so cancelling the awaiting task closes the connection.
- httpx exceptions become typed ApiErrors.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

import httpx

from r1desk.api.errors import (
    AuthenticationError,
    RequestTimeoutError,
    deadline_passed,
    error_from_exception,
)
from r1desk.texts import QT_TRANSLATE_NOOP

T = TypeVar("T")

CONNECT_RETRY_DELAYS_S = (0.25, 0.75)  # so at most 3 attempts
MAX_CONNECT_ATTEMPTS = len(CONNECT_RETRY_DELAYS_S) + 1


def checked_key(api_key: str | None, provider: str) -> str:
    """The key as it can go in a header; never echoes the key in the error."""
    key = (api_key or "").strip()
    if not key:
        step = QT_TRANSLATE_NOOP("ApiError", "Enter your {provider} API key in Settings.")
        raise AuthenticationError(
            QT_TRANSLATE_NOOP("ApiError", "No API key is set."),
            next_step=step.format(provider=provider),
        )
    if not all(33 <= ord(ch) <= 126 for ch in key):
        step = QT_TRANSLATE_NOOP("ApiError", "Paste your {provider} API key again in Settings.")
        raise AuthenticationError(
            QT_TRANSLATE_NOOP(
                "ApiError", "The API key contains spaces or characters that cannot be sent."
            ),
            next_step=step.format(provider=provider),
        )
    return key


async def run_exchange(
    http: httpx.AsyncClient,
    request: httpx.Request,
    handle: Callable[[httpx.Response], Awaitable[T]],
    deadline_s: float,
) -> T:
    """Send `request` and let `handle` read the response, under the deadline."""
    try:
        return await asyncio.wait_for(_exchange(http, request, handle), timeout=deadline_s)
    except asyncio.TimeoutError:
        raise RequestTimeoutError(deadline_passed(deadline_s)) from None


async def exchange(
    http: httpx.AsyncClient,
    request: httpx.Request,
    handle: Callable[[httpx.Response], Awaitable[T]],
) -> T:
    """`run_exchange` without a deadline of its own, for a caller that runs several exchanges
    under one. Loops must use this: before Python 3.12, `asyncio.wait_for` drops a cancellation
    that arrives just as its awaitable finishes, so a loop of `run_exchange` calls could miss a
    cancel and go on."""
    return await _exchange(http, request, handle)


async def _exchange(
    http: httpx.AsyncClient,
    request: httpx.Request,
    handle: Callable[[httpx.Response], Awaitable[T]],
) -> T:
    response = await _send(http, request)
    try:
        return await handle(response)
    except httpx.HTTPError as exc:
        raise error_from_exception(exc, request.url) from exc
    finally:
        await response.aclose()


async def _send(http: httpx.AsyncClient, request: httpx.Request) -> httpx.Response:
    for attempt in range(MAX_CONNECT_ATTEMPTS):
        try:
            return await http.send(request, stream=True)
        except httpx.ConnectError as exc:  # not ConnectTimeout: that one already took long
            if attempt + 1 >= MAX_CONNECT_ATTEMPTS:
                raise error_from_exception(exc, request.url) from exc
        except httpx.HTTPError as exc:
            raise error_from_exception(exc, request.url) from exc
        await asyncio.sleep(CONNECT_RETRY_DELAYS_S[attempt])
    raise AssertionError("unreachable")
