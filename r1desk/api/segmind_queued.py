"""Segmind's queued ("async") mode, the pieces that need no network.

`POST {base_v2}/{slug}` answers `{"request_id", "status_url", "response_url"}` at once; the
status URL is then polled until it says COMPLETED (the reply is in `output`, the provider's JSON
encoded as a string) or FAILED (HTTP 422 with `{"status": "FAILED", "error": ...}`).

Where the v2 API lives: a base ending in `/v1` has it replaced by `/v2`
(`https://api.segmind.com/v1` -> `https://api.segmind.com/v2`); any other base gets `/v2`
appended (`https://proxy.example/segmind` -> `https://proxy.example/segmind/v2`).

The key goes along with every poll, so the status and response URLs a server names must be on
the configured base's scheme, host and port; anything else is refused before a request is made.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import httpx

from r1desk.api.completion import Completion, completion_from_text, parse_completion
from r1desk.api.errors import InvalidResponseError, QueuedRequestFailedError, said_after
from r1desk.api.text import clean_message, message_from_body, message_from_json
from r1desk.texts import QT_TRANSLATE_NOOP

QUEUED = "QUEUED"
PROCESSING = "PROCESSING"
COMPLETED = "COMPLETED"
FAILED = "FAILED"
# Spellings other queue services use for the same states.
_STATUS_ADDRESS = QT_TRANSLATE_NOOP("ApiError", "status address")
_RESULT_ADDRESS = QT_TRANSLATE_NOOP("ApiError", "result address")
_STATUS_ALIASES = {
    "QUEUED": QUEUED,
    "IN_QUEUE": QUEUED,
    "PENDING": QUEUED,
    "PROCESSING": PROCESSING,
    "IN_PROGRESS": PROCESSING,
    "RUNNING": PROCESSING,
    "COMPLETED": COMPLETED,
    "SUCCEEDED": COMPLETED,
    "FAILED": FAILED,
    "ERROR": FAILED,
}


def v2_base(base_url: str) -> str:
    base = base_url.rstrip("/")
    return base[: -len("/v1")] + "/v2" if base.endswith("/v1") else base + "/v2"


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return url.scheme, url.host.lower(), url.port


def url_on_same_origin(base_url: str, target: object, what: str) -> str:
    """`target` as an absolute URL (relative ones are resolved on the base), if it is on the
    base's scheme, host and port; otherwise InvalidResponseError, and nothing is sent there."""
    if not isinstance(target, str) or not target.strip():
        text = QT_TRANSLATE_NOOP("ApiError", "The server's queued-mode reply had no {what}.")
        raise InvalidResponseError(text.format(what=what))
    try:
        base = httpx.URL(base_url)
        url = base.join(target.strip())
    except (httpx.InvalidURL, TypeError, ValueError):
        text = QT_TRANSLATE_NOOP("ApiError", "The server's queued-mode {what} is not a valid URL.")
        raise InvalidResponseError(text.format(what=what)) from None
    if url.scheme not in ("http", "https") or _origin(url) != _origin(base):
        text = QT_TRANSLATE_NOOP(
            "ApiError",
            "The server named a {what} on another server; r1desk did not send your key there.",
        )
        raise InvalidResponseError(
            text.format(what=what),
            next_step=QT_TRANSLATE_NOOP("ApiError", "Check the API base URL in Settings."),
            retryable=False,
        )
    return str(url)


@dataclass(frozen=True)
class QueuedTicket:
    request_id: str
    status_url: str
    response_url: str | None


def parse_ticket(data: object, base_url: str) -> QueuedTicket:
    """The answer to the queued POST."""
    if not isinstance(data, dict):
        raise InvalidResponseError(
            QT_TRANSLATE_NOOP("ApiError", "The server's queued-mode reply had an unexpected shape.")
        )
    request_id = data.get("request_id")
    status_url = url_on_same_origin(base_url, data.get("status_url"), _STATUS_ADDRESS)
    response = data.get("response_url")
    response_url = url_on_same_origin(base_url, response, _RESULT_ADDRESS) if response else None
    return QueuedTicket(str(request_id or ""), status_url, response_url)


def parse_status(data: object, *, result: bool = False) -> tuple[str, object]:
    """(QUEUED | PROCESSING | COMPLETED | FAILED, the `output` if any) from a status body.
    A `result` body (from the response URL) may hold just the `output`."""
    if result and isinstance(data, dict) and "status" not in data:
        return COMPLETED, data.get("output")
    status = data.get("status") if isinstance(data, dict) else None
    known = _STATUS_ALIASES.get(status.strip().upper()) if isinstance(status, str) else None
    if known is None or not isinstance(data, dict):
        raise InvalidResponseError(
            QT_TRANSLATE_NOOP("ApiError", "The server's queued-mode status could not be read.")
        )
    return known, data.get("output")


def completion_from_output(output: object) -> Completion:
    """The finished `output`: the provider's JSON as a string (or, leniently, as an object)."""
    if isinstance(output, str):
        return completion_from_text(output, "application/json")
    if isinstance(output, dict):
        return parse_completion(output)
    raise InvalidResponseError(
        QT_TRANSLATE_NOOP("ApiError", "The queued request finished without a reply.")
    )


def failed_from_json(data: object, secret: str | None) -> QueuedRequestFailedError:
    said = clean_message(message_from_json(data), secret)
    return _failed(said)


def failed_from_body(body: bytes, secret: str | None) -> QueuedRequestFailedError | None:
    """The FAILED error when `body` is a `{"status": "FAILED", ...}` document, else None."""
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (ValueError, RecursionError):
        return None
    status = data.get("status") if isinstance(data, dict) else None
    if not isinstance(status, str) or _STATUS_ALIASES.get(status.strip().upper()) != FAILED:
        return None
    return _failed(message_from_body(body, secret))


def _failed(said: str) -> QueuedRequestFailedError:
    text = QT_TRANSLATE_NOOP("ApiError", "Segmind could not finish the queued request")
    return QueuedRequestFailedError(said_after(text, said), status=422, server_message=said)
