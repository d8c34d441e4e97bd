"""What the user is told when a reply fails, and which one-click action the UI offers."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from r1desk import api
from r1desk.secrets import KeyStoreError
from r1desk.texts import QT_TRANSLATE_NOOP, Text


class NextAction(str, enum.Enum):
    RETRY = "retry"
    RETRY_QUEUED = "retry_queued"  # the same turn again, through Segmind's queued mode
    ENTER_KEY = "key"
    OPEN_SETTINGS = "settings"
    TOP_UP = "top_up"
    SEND_AGAIN = "send_again"  # the message was not stored; it is still in the composer


class MissingKeyError(Exception):
    """No API key is configured for the provider in use."""

    def __init__(self, provider_label: str) -> None:
        text = QT_TRANSLATE_NOOP("Failure", "No API key is set for {provider}.")
        super().__init__(text.format(provider=provider_label))
        self.text = text.format(provider=provider_label)
        self.provider_label = provider_label


@dataclass(frozen=True)
class Failure:
    conversation_id: int
    message: str
    next_step: str
    action: NextAction
    retry_after_s: float | None = None

    @property
    def text(self) -> str:
        """The message and the next step; a `Text` the UI shows in its language."""
        if not self.next_step:
            return self.message
        both = QT_TRANSLATE_NOOP("Failure", "{message} {next_step}")
        return both.format(message=self.message, next_step=self.next_step)


TOP_UP_URL = "https://cloud.segmind.com/console/billing"
KEYS_URL = "https://cloud.segmind.com/console/api-keys"
# A connection that breaks (or a read that times out) after this long was most likely cut by a
# gateway's time limit while R1 was still thinking, not by a network fault.
LONG_WAIT_S = 30.0
KEYRING_NEXT_STEP = QT_TRANSLATE_NOOP(
    "Failure",
    "Unlock or start your system keyring, then press Retry. Or enter the key for this "
    "session only in Settings.",
)
GATEWAY_LIMIT_TEXT = QT_TRANSLATE_NOOP("Failure", "R1 took longer than the gateway allows.")
QUEUED_NEXT_STEP = QT_TRANSLATE_NOOP(
    "Failure", "Retry in queued mode: it waits for the reply without that time limit."
)


def storage_reason(error: Exception) -> str:
    """Why the database refused a write, in words for the user (a `Text` when known)."""
    detail = str(error).lower()
    if "full" in detail:
        return QT_TRANSLATE_NOOP("Failure", "the disk is full")
    if "readonly" in detail or "read-only" in detail:
        return QT_TRANSLATE_NOOP("Failure", "the database is read-only")
    return str(error).rstrip(".") or type(error).__name__  # SQLite's own words


def describe_unsaved_message(conversation_id: int, error: Exception) -> Failure:
    """Sending could not store the user's message (a full disk, a read-only database)."""
    return _unsaved(
        conversation_id,
        error,
        QT_TRANSLATE_NOOP("Failure", "Your message could not be saved: {reason}."),
        QT_TRANSLATE_NOOP(
            "Failure",
            "It is still in the message box. Free some disk space, then press Send again.",
        ),
        NextAction.SEND_AGAIN,
    )


def describe_unsaved_reply(conversation_id: int, error: Exception) -> Failure:
    """A reply arrived (or ended) but could not be stored; the window still shows it."""
    return _unsaved(
        conversation_id,
        error,
        QT_TRANSLATE_NOOP("Failure", "The reply could not be saved: {reason}."),
        QT_TRANSLATE_NOOP(
            "Failure",
            "It is shown until r1desk closes: copy what you need, free some disk space, "
            "then press Retry to ask again.",
        ),
        NextAction.RETRY,
    )


def _unsaved(
    conversation_id: int, error: Exception, what: Text, next_step: Text, action: NextAction
) -> Failure:
    """A write the database refused: `what` (with a {reason}), then `next_step`."""
    return Failure(conversation_id, what.format(reason=storage_reason(error)), next_step, action)


def outlived_gateway(error: BaseException, waited_s: float) -> bool:
    """The request most likely failed at a gateway's time limit (504, or dropped after long)."""
    if isinstance(error, api.ServerError) and error.status == 504:
        return True
    long_wait = waited_s > LONG_WAIT_S
    return long_wait and isinstance(error, api.ConnectionLostError | api.RequestTimeoutError)


def describe_failure(
    conversation_id: int,
    error: BaseException,
    *,
    waited_s: float = 0.0,
    can_queue: bool = False,
) -> Failure:
    """`can_queue`: the request was a synchronous Segmind one, and queued mode may be offered."""
    if can_queue and outlived_gateway(error, waited_s):
        assert isinstance(error, api.ApiError)
        message = QT_TRANSLATE_NOOP("Failure", "{message} {explanation}").format(
            message=error.user_message, explanation=GATEWAY_LIMIT_TEXT
        )
        return Failure(conversation_id, message, QUEUED_NEXT_STEP, NextAction.RETRY_QUEUED)
    if isinstance(error, MissingKeyError):
        return Failure(
            conversation_id,
            error.text,
            QT_TRANSLATE_NOOP("Failure", "Enter your API key to start chatting."),
            NextAction.ENTER_KEY,
        )
    if isinstance(error, KeyStoreError):
        return Failure(
            conversation_id,
            QT_TRANSLATE_NOOP(
                "Failure", "The API key could not be read from your system keyring: {reason}."
            ).format(reason=error.reason),
            KEYRING_NEXT_STEP,
            NextAction.RETRY,
        )
    if isinstance(error, api.ApiError):
        action = NextAction.RETRY
        retry_after = None
        if isinstance(error, api.AuthenticationError):
            action = NextAction.ENTER_KEY
        elif isinstance(
            error, api.NotFoundError | api.MethodNotAllowedError | api.InvalidResponseError
        ):  # an unreadable reply: its next step names the address in Settings (Retry shows too)
            action = NextAction.OPEN_SETTINGS
        elif isinstance(error, api.InsufficientCreditsError):
            action = NextAction.TOP_UP
        elif isinstance(error, api.RateLimitedError):
            retry_after = error.retry_after_s
        return Failure(conversation_id, error.user_message, error.next_step, action, retry_after)
    return Failure(
        conversation_id,
        QT_TRANSLATE_NOOP(
            "Failure", "Something unexpected went wrong while waiting for the reply."
        ),
        QT_TRANSLATE_NOOP("Failure", "Your message is saved; try again."),
        NextAction.RETRY,
    )
