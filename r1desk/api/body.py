"""Reading response bodies: a size cap enforced while reading, strict UTF-8, careful JSON."""

from __future__ import annotations

import codecs
import json
from collections.abc import AsyncGenerator
from contextlib import aclosing
from typing import cast

import httpx

from r1desk.api.errors import InvalidResponseError, ResponseTooLargeError, error_from_response
from r1desk.api.text import human_bytes
from r1desk.texts import QT_TRANSLATE_NOOP

MAX_BODY_BYTES = 20 * 1024 * 1024  # a reply is text; 20 MB is far beyond any real one
MAX_ERROR_BODY_BYTES = 256 * 1024  # error pages are read this far, then cut


def _too_large(limit: int) -> ResponseTooLargeError:
    return ResponseTooLargeError(
        QT_TRANSLATE_NOOP(
            "ApiError", "The server's reply was larger than {size}, so it was not read."
        ).format(size=human_bytes(limit))
    )


def _check_declared_length(response: httpx.Response, limit: int) -> None:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)


def _raw_chunks(response: httpx.Response) -> AsyncGenerator[bytes, None]:
    """httpx types this as an iterator, but it is a generator: callers close it in their own
    task, since one left open is finalised in another task, which anyio refuses."""
    return cast(AsyncGenerator[bytes, None], response.aiter_bytes())


async def iter_bytes(response: httpx.Response, limit: int) -> AsyncGenerator[bytes, None]:
    """The (decompressed) body in chunks; raises ResponseTooLargeError past `limit` bytes."""
    _check_declared_length(response, limit)
    total = 0
    async with aclosing(_raw_chunks(response)) as chunks:
        async for chunk in chunks:
            total += len(chunk)
            if total > limit:
                raise _too_large(limit)
            yield chunk


async def read_body(response: httpx.Response, limit: int = MAX_BODY_BYTES) -> bytes:
    return b"".join([chunk async for chunk in iter_bytes(response, limit)])


async def iter_text(
    response: httpx.Response, limit: int = MAX_BODY_BYTES
) -> AsyncGenerator[str, None]:
    """The body as text, decoded incrementally as strict UTF-8."""
    decoder = codecs.getincrementaldecoder("utf-8")(errors="strict")
    try:
        async with aclosing(iter_bytes(response, limit)) as chunks:
            async for chunk in chunks:
                text = decoder.decode(chunk)
                if text:
                    yield text
        tail = decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise _not_utf8() from None
    if tail:
        yield tail


async def read_error_body(response: httpx.Response, limit: int = MAX_ERROR_BODY_BYTES) -> bytes:
    """At most `limit` bytes of an error body; a broken connection keeps what arrived."""
    parts: list[bytes] = []
    total = 0
    try:
        async with aclosing(_raw_chunks(response)) as chunks:
            async for chunk in chunks:
                parts.append(chunk)
                total += len(chunk)
                if total >= limit:
                    break
    except httpx.HTTPError:
        pass
    return b"".join(parts)[:limit]


def _not_utf8() -> InvalidResponseError:
    return InvalidResponseError(
        QT_TRANSLATE_NOOP("ApiError", "The server's reply was not valid UTF-8 text.")
    )


def decode_text(body: bytes) -> str:
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _not_utf8() from None


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype", "<html", "<head", "<body", "<?xml", "<"))


def parse_json(text: str) -> object:
    """JSON from a reply body, or InvalidResponseError that says what came instead."""
    if not text.strip():
        raise InvalidResponseError(QT_TRANSLATE_NOOP("ApiError", "The server sent an empty reply."))
    if looks_like_html(text):
        raise InvalidResponseError(
            QT_TRANSLATE_NOOP("ApiError", "The server answered with a web page instead of data.")
        )
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        raise InvalidResponseError(
            QT_TRANSLATE_NOOP("ApiError", "The server's reply was not valid JSON.")
        ) from None


async def raise_for_status(response: httpx.Response, secret: str | None) -> None:
    """Raise the typed error for a non-2xx response; `secret` is scrubbed from what it quotes."""
    if not 200 <= response.status_code <= 299:
        body = await read_error_body(response)
        url = str(response.request.url)
        raise error_from_response(response.status_code, response.headers, body, url, secret=secret)
