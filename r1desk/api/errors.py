"""The API error hierarchy, and the one place that turns a failed exchange into user text.

Every error carries `user_message` (short, human, never markup, never the key) and `next_step`
(what the user can do about it). `error_from_response` maps an HTTP status to a class;
`error_from_exception` maps an httpx transport exception.
"""

from __future__ import annotations

import http
from collections.abc import Mapping

import httpx

from r1desk.api.headers import header, remaining_credits, retry_after_seconds
from r1desk.api.text import human_duration, message_from_body, safe_url

TOP_UP_URL = "https://cloud.segmind.com"


class ApiError(Exception):
    """A request failed; the texts are safe to show to the user as they are."""

    default_message = "The request failed."
    default_next_step = "Try again."
    default_retryable = False

    def __init__(
        self,
        user_message: str | None = None,
        *,
        next_step: str | None = None,
        status: int | None = None,
        retryable: bool | None = None,
        server_message: str = "",
    ) -> None:
        self.user_message = user_message or self.default_message
        self.next_step = next_step or self.default_next_step
        self.status = status
        self.retryable = self.default_retryable if retryable is None else retryable
        self.server_message = server_message  # the provider's own words, cleaned and short
        super().__init__(self.user_message)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status={self.status!r}, user_message={self.user_message!r})"


class AuthenticationError(ApiError):
    default_message = "The API key was refused."
    default_next_step = "Re-enter your API key in Settings."


class NotFoundError(ApiError):
    default_message = "The API endpoint does not exist."
    default_next_step = "Check the API base URL and the model name in Settings."


class MethodNotAllowedError(ApiError):
    default_message = "The API endpoint does not accept this request."
    default_next_step = "Check the API base URL in Settings: the endpoint is misconfigured."


class InsufficientCreditsError(ApiError):
    default_message = "Your credits are used up."
    default_next_step = f"Top up your credits at {TOP_UP_URL}, then retry. Your draft is kept."

    def __init__(
        self,
        user_message: str | None = None,
        *,
        remaining_credits: float | None = None,
        status: int | None = 406,
        server_message: str = "",
    ) -> None:
        super().__init__(user_message, status=status, server_message=server_message)
        self.remaining_credits = remaining_credits


class RateLimitedError(ApiError):
    default_message = "The provider is limiting how many requests you can send."
    default_next_step = "Wait a minute, then retry."
    default_retryable = True

    def __init__(
        self,
        user_message: str | None = None,
        *,
        retry_after_s: float | None = None,
        status: int | None = 429,
        server_message: str = "",
    ) -> None:
        step = f"Wait {human_duration(retry_after_s)}, then retry." if retry_after_s else None
        super().__init__(user_message, next_step=step, status=status, server_message=server_message)
        self.retry_after_s = retry_after_s


class ServerError(ApiError):
    default_message = "The server failed to produce a reply."
    default_next_step = "Retry in a moment. Your draft is kept."
    default_retryable = True


class ClientError(ApiError):
    default_message = "The server rejected the request."
    default_next_step = "Check the model settings (max tokens, temperature, top-p) and retry."


class RequestTimeoutError(ApiError):
    default_message = "The server did not answer in time."
    default_next_step = "Retry, or raise the time limit in Settings."
    default_retryable = True


class ConnectionFailedError(ApiError):
    default_message = "Could not connect to the server."
    default_next_step = "Check your internet connection, proxy settings and the API base URL."
    default_retryable = True


class ConnectionLostError(ConnectionFailedError):
    """The connection broke after the request was sent: it may have been charged."""

    default_message = "The connection was lost before the reply was complete."
    default_next_step = "Retry. The provider may have charged for the lost reply."


class InvalidResponseError(ApiError):
    default_message = "The server sent a reply r1desk could not read."
    default_next_step = "Retry; if it keeps happening, check the API base URL in Settings."
    default_retryable = True


class ResponseTooLargeError(InvalidResponseError):
    default_message = "The server's reply was too large to accept."


class QueuedRequestFailedError(ApiError):
    """Segmind's queued mode reported the request FAILED (HTTP 422 on the status URL)."""

    default_message = "Segmind could not finish the queued request."
    default_next_step = "Retry; if it keeps failing, shorten the conversation or try another model."
    default_retryable = True


def _status_text(status: int) -> str:
    try:
        return f"HTTP {status} {http.HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


def error_from_response(
    status: int, headers: Mapping[str, str], body: bytes, url: str, *, secret: str | None = None
) -> ApiError:
    """The typed error for a non-success HTTP response."""
    said = message_from_body(body, secret)
    code = _status_text(status)
    if said.rstrip(".").lower() in code.lower():  # "Not Found" adds nothing to "HTTP 404 Not Found"
        said = ""
    tail = f": {said}" if said else "."
    where = safe_url(url)
    if status == 401:
        return AuthenticationError(
            f"The API key was refused ({code}){tail}", status=status, server_message=said
        )
    if status == 404:
        return NotFoundError(
            f"The address {where} does not exist ({code}){tail}", status=status, server_message=said
        )
    if status == 405:
        return MethodNotAllowedError(
            f"{where} does not accept chat requests ({code}){tail}",
            status=status,
            server_message=said,
        )
    if status == 406:
        left = remaining_credits(headers)
        balance = f" Balance: {left:g}." if left is not None else ""
        return InsufficientCreditsError(
            f"Your credits are used up (HTTP 406){tail}{balance}",
            remaining_credits=left,
            status=status,
            server_message=said,
        )
    if status == 429:
        return RateLimitedError(
            f"The provider is limiting requests ({code}){tail}",
            retry_after_s=retry_after_seconds(headers),
            status=status,
            server_message=said,
        )
    if 500 <= status <= 599:
        return ServerError(
            f"The server failed to answer ({code}){tail}", status=status, server_message=said
        )
    if 400 <= status <= 499:
        return ClientError(
            f"The server rejected the request ({code}){tail}", status=status, server_message=said
        )
    if 300 <= status <= 399:
        target = header(headers, "location")
        moved = f" to {safe_url(target)}" if target else ""
        return InvalidResponseError(
            f"The server redirected the request{moved} ({code}).",
            next_step="Update the API base URL in Settings.",
            retryable=False,
            status=status,
        )
    return InvalidResponseError(f"The server answered with an unexpected {code}.", status=status)


def error_from_exception(exc: httpx.HTTPError, url: str | httpx.URL) -> ApiError:
    """The typed error for an httpx exception (no status: nothing usable came back)."""
    host = _host(url)
    if isinstance(exc, httpx.ConnectTimeout):
        return ConnectionFailedError(f"Connecting to {host} timed out.")
    if isinstance(exc, httpx.ProxyError):
        return ConnectionFailedError(
            "The proxy refused the connection.", next_step="Check the proxy settings."
        )
    if isinstance(exc, (httpx.UnsupportedProtocol, httpx.InvalidURL)):
        return ConnectionFailedError(
            f"The API address {safe_url(url)} is not a valid http(s) URL.",
            next_step="Fix the API base URL in Settings.",
            retryable=False,
        )
    if isinstance(exc, httpx.ConnectError):
        return ConnectionFailedError(f"Could not connect to {host}.")
    if isinstance(exc, httpx.ReadTimeout):
        return RequestTimeoutError(f"{host} stopped sending data{_timeout_note(exc, 'read')}.")
    if isinstance(exc, httpx.WriteTimeout):
        return RequestTimeoutError(f"Sending the request to {host} timed out.")
    if isinstance(exc, httpx.PoolTimeout):
        return RequestTimeoutError("Too many requests are already waiting for a connection.")
    if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)):
        return ConnectionLostError(
            f"The connection to {host} was lost before the reply was complete."
        )
    if isinstance(exc, httpx.DecodingError):
        return InvalidResponseError(f"{host} sent a reply that could not be decompressed.")
    if isinstance(exc, httpx.TooManyRedirects):
        return InvalidResponseError(f"{host} redirected too many times.")
    return ConnectionFailedError(f"The request to {host} failed ({type(exc).__name__}).")


def _host(url: str | httpx.URL) -> str:
    try:
        return httpx.URL(str(url)).host or "the server"
    except (httpx.InvalidURL, TypeError, ValueError):
        return "the server"


def _timeout_note(exc: httpx.HTTPError, which: str) -> str:
    try:
        seconds = exc.request.extensions["timeout"][which]
    except (RuntimeError, KeyError, TypeError):
        return ""
    return f" for {human_duration(float(seconds))}" if seconds else ""
