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
from r1desk.texts import QT_TRANSLATE_NOOP, Text

TOP_UP_URL = "https://cloud.segmind.com"


class ApiError(Exception):
    """A request failed; the texts are safe to show to the user as they are."""

    default_message = QT_TRANSLATE_NOOP("ApiError", "The request failed.")
    default_next_step = QT_TRANSLATE_NOOP("ApiError", "Try again.")
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
    default_message = QT_TRANSLATE_NOOP("ApiError", "The API key was refused.")
    default_next_step = QT_TRANSLATE_NOOP("ApiError", "Re-enter your API key in Settings.")


class NotFoundError(ApiError):
    default_message = QT_TRANSLATE_NOOP("ApiError", "The API endpoint does not exist.")
    default_next_step = QT_TRANSLATE_NOOP(
        "ApiError", "Check the API base URL and the model name in Settings."
    )


class MethodNotAllowedError(ApiError):
    default_message = QT_TRANSLATE_NOOP(
        "ApiError", "The API endpoint does not accept this request."
    )
    default_next_step = QT_TRANSLATE_NOOP(
        "ApiError", "Check the API base URL in Settings: the endpoint is misconfigured."
    )


class InsufficientCreditsError(ApiError):
    default_message = QT_TRANSLATE_NOOP("ApiError", "Your credits are used up.")
    default_next_step = QT_TRANSLATE_NOOP(
        "ApiError", "Top up your credits at {url}, then retry."
    ).format(url=TOP_UP_URL)

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
    default_message = QT_TRANSLATE_NOOP(
        "ApiError", "The provider is limiting how many requests you can send."
    )
    default_next_step = QT_TRANSLATE_NOOP("ApiError", "Wait a minute, then retry.")
    default_retryable = True

    def __init__(
        self,
        user_message: str | None = None,
        *,
        retry_after_s: float | None = None,
        status: int | None = 429,
        server_message: str = "",
    ) -> None:
        step = None
        if retry_after_s:
            step = QT_TRANSLATE_NOOP("ApiError", "Wait {duration}, then retry.").format(
                duration=human_duration(retry_after_s)
            )
        super().__init__(user_message, next_step=step, status=status, server_message=server_message)
        self.retry_after_s = retry_after_s


class ServerError(ApiError):
    default_message = QT_TRANSLATE_NOOP("ApiError", "The server failed to produce a reply.")
    default_next_step = QT_TRANSLATE_NOOP("ApiError", "Retry in a moment.")
    default_retryable = True


class ClientError(ApiError):
    default_message = QT_TRANSLATE_NOOP("ApiError", "The server rejected the request.")
    default_next_step = QT_TRANSLATE_NOOP(
        "ApiError", "Check the model settings (max tokens, temperature, top-p) and retry."
    )


class RequestTimeoutError(ApiError):
    default_message = QT_TRANSLATE_NOOP("ApiError", "The server did not answer in time.")
    default_next_step = QT_TRANSLATE_NOOP("ApiError", "Retry, or raise the time limit in Settings.")
    default_retryable = True


class ConnectionFailedError(ApiError):
    default_message = QT_TRANSLATE_NOOP("ApiError", "Could not connect to the server.")
    default_next_step = QT_TRANSLATE_NOOP(
        "ApiError", "Check your internet connection, proxy settings and the API base URL."
    )
    default_retryable = True


class ConnectionLostError(ConnectionFailedError):
    """The connection broke after the request was sent: it may have been charged."""

    default_message = QT_TRANSLATE_NOOP(
        "ApiError", "The connection was lost before the reply was complete."
    )
    default_next_step = QT_TRANSLATE_NOOP(
        "ApiError", "Retry. The provider may have charged for the lost reply."
    )


class InvalidResponseError(ApiError):
    default_message = QT_TRANSLATE_NOOP(
        "ApiError", "The server sent a reply r1desk could not read."
    )
    default_next_step = QT_TRANSLATE_NOOP(
        "ApiError", "Retry; if it keeps happening, check the API base URL in Settings."
    )
    default_retryable = True


class ResponseTooLargeError(InvalidResponseError):
    default_message = QT_TRANSLATE_NOOP("ApiError", "The server's reply was too large to accept.")


class QueuedRequestFailedError(ApiError):
    """Segmind's queued mode reported the request FAILED (HTTP 422 on the status URL)."""

    default_message = QT_TRANSLATE_NOOP("ApiError", "Segmind could not finish the queued request.")
    default_next_step = QT_TRANSLATE_NOOP(
        "ApiError", "Retry; if it keeps failing, shorten the conversation or try another model."
    )
    default_retryable = True


def deadline_passed(seconds: float) -> Text:
    text = QT_TRANSLATE_NOOP("ApiError", "No complete reply after {duration}, the time limit.")
    return text.format(duration=human_duration(seconds))


def _status_text(status: int) -> str:
    try:
        return f"HTTP {status} {http.HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


SENTENCE_ENDS = (".", "!", "?", "…", "。", "！", "？")


def said_after(message: Text, said: str) -> Text:
    """`message` (no final stop) followed by what the server said, or by a full stop."""
    if said:
        if not said.endswith(SENTENCE_ENDS):  # "Invalid API key" would run into the next step
            said += "."
        return QT_TRANSLATE_NOOP("ApiError", "{message}: {said}").format(message=message, said=said)
    return QT_TRANSLATE_NOOP("ApiError", "{message}.").format(message=message)


def error_from_response(
    status: int, headers: Mapping[str, str], body: bytes, url: str, *, secret: str | None = None
) -> ApiError:
    """The typed error for a non-success HTTP response."""
    said = message_from_body(body, secret)
    code = _status_text(status)
    if said.rstrip(".").lower() in code.lower():  # "Not Found" adds nothing to "HTTP 404 Not Found"
        said = ""
    where = safe_url(url)
    if status == 401:
        text = QT_TRANSLATE_NOOP("ApiError", "The API key was refused ({code})")
        return AuthenticationError(
            said_after(text.format(code=code), said), status=status, server_message=said
        )
    if status == 404:
        text = QT_TRANSLATE_NOOP("ApiError", "The address {url} does not exist ({code})")
        return NotFoundError(
            said_after(text.format(url=where, code=code), said), status=status, server_message=said
        )
    if status == 405:
        text = QT_TRANSLATE_NOOP("ApiError", "{url} does not accept chat requests ({code})")
        return MethodNotAllowedError(
            said_after(text.format(url=where, code=code), said), status=status, server_message=said
        )
    if status == 406:
        left = remaining_credits(headers)
        message = said_after(
            QT_TRANSLATE_NOOP("ApiError", "Your credits are used up (HTTP 406)"), said
        )
        if left is not None:
            balance = QT_TRANSLATE_NOOP("ApiError", "{message} Balance: {balance}.")
            message = balance.format(message=message, balance=f"{left:g}")
        return InsufficientCreditsError(
            message, remaining_credits=left, status=status, server_message=said
        )
    if status == 429:
        text = QT_TRANSLATE_NOOP("ApiError", "The provider is limiting requests ({code})")
        return RateLimitedError(
            said_after(text.format(code=code), said),
            retry_after_s=retry_after_seconds(headers),
            status=status,
            server_message=said,
        )
    if 500 <= status <= 599:
        text = QT_TRANSLATE_NOOP("ApiError", "The server failed to answer ({code})")
        return ServerError(
            said_after(text.format(code=code), said), status=status, server_message=said
        )
    if 400 <= status <= 499:
        text = QT_TRANSLATE_NOOP("ApiError", "The server rejected the request ({code})")
        return ClientError(
            said_after(text.format(code=code), said), status=status, server_message=said
        )
    if 300 <= status <= 399:
        target = header(headers, "location")
        if target:
            text = QT_TRANSLATE_NOOP(
                "ApiError", "The server redirected the request to {url} ({code})."
            )
            text = text.format(url=safe_url(target), code=code)
        else:
            text = QT_TRANSLATE_NOOP("ApiError", "The server redirected the request ({code}).")
            text = text.format(code=code)
        return InvalidResponseError(
            text,
            next_step=QT_TRANSLATE_NOOP("ApiError", "Update the API base URL in Settings."),
            retryable=False,
            status=status,
        )
    text = QT_TRANSLATE_NOOP("ApiError", "The server answered with an unexpected {code}.")
    return InvalidResponseError(text.format(code=code), status=status)


def error_from_exception(exc: httpx.HTTPError, url: str | httpx.URL) -> ApiError:
    """The typed error for an httpx exception (no status: nothing usable came back)."""
    host = _host(url)
    if isinstance(exc, httpx.ConnectTimeout):
        text = QT_TRANSLATE_NOOP("ApiError", "Connecting to {host} timed out.")
        return ConnectionFailedError(text.format(host=host))
    if isinstance(exc, httpx.ProxyError):
        return ConnectionFailedError(
            QT_TRANSLATE_NOOP("ApiError", "The proxy refused the connection."),
            next_step=QT_TRANSLATE_NOOP("ApiError", "Check the proxy settings."),
        )
    if isinstance(exc, (httpx.UnsupportedProtocol, httpx.InvalidURL)):
        text = QT_TRANSLATE_NOOP("ApiError", "The API address {url} is not a valid http(s) URL.")
        return ConnectionFailedError(
            text.format(url=safe_url(url)),
            next_step=QT_TRANSLATE_NOOP("ApiError", "Fix the API base URL in Settings."),
            retryable=False,
        )
    if isinstance(exc, httpx.ConnectError):
        text = QT_TRANSLATE_NOOP("ApiError", "Could not connect to {host}.")
        return ConnectionFailedError(text.format(host=host))
    if isinstance(exc, httpx.ReadTimeout):
        seconds = _timeout(exc, "read")
        if seconds:
            text = QT_TRANSLATE_NOOP("ApiError", "{host} stopped sending data for {duration}.")
            return RequestTimeoutError(text.format(host=host, duration=human_duration(seconds)))
        text = QT_TRANSLATE_NOOP("ApiError", "{host} stopped sending data.")
        return RequestTimeoutError(text.format(host=host))
    if isinstance(exc, httpx.WriteTimeout):
        text = QT_TRANSLATE_NOOP("ApiError", "Sending the request to {host} timed out.")
        return RequestTimeoutError(text.format(host=host))
    if isinstance(exc, httpx.PoolTimeout):
        return RequestTimeoutError(
            QT_TRANSLATE_NOOP("ApiError", "Too many requests are already waiting for a connection.")
        )
    if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)):
        text = QT_TRANSLATE_NOOP(
            "ApiError", "The connection to {host} was lost before the reply was complete."
        )
        return ConnectionLostError(text.format(host=host))
    if isinstance(exc, httpx.DecodingError):
        text = QT_TRANSLATE_NOOP("ApiError", "{host} sent a reply that could not be decompressed.")
        return InvalidResponseError(text.format(host=host))
    if isinstance(exc, httpx.TooManyRedirects):
        text = QT_TRANSLATE_NOOP("ApiError", "{host} redirected too many times.")
        return InvalidResponseError(text.format(host=host))
    text = QT_TRANSLATE_NOOP("ApiError", "The request to {host} failed ({kind}).")
    return ConnectionFailedError(text.format(host=host, kind=type(exc).__name__))


def _host(url: str | httpx.URL) -> str:
    try:
        host = httpx.URL(str(url)).host
    except (httpx.InvalidURL, TypeError, ValueError):
        host = ""
    return host or QT_TRANSLATE_NOOP("ApiError", "the server")


def _timeout(exc: httpx.HTTPError, which: str) -> float:
    try:
        seconds = exc.request.extensions["timeout"][which]
    except (RuntimeError, KeyError, TypeError):
        return 0.0
    return float(seconds) if seconds else 0.0
