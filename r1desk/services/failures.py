"""What the user is told when a reply fails, and which one-click action the UI offers."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from r1desk import api


class NextAction(str, enum.Enum):
    RETRY = "retry"
    ENTER_KEY = "key"
    OPEN_SETTINGS = "settings"
    TOP_UP = "top_up"


class MissingKeyError(Exception):
    """No API key is configured for the provider in use."""

    def __init__(self, provider_label: str) -> None:
        super().__init__(f"No API key is set for {provider_label}.")
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
        return f"{self.message} {self.next_step}".strip()


TOP_UP_URL = "https://cloud.segmind.com/console/billing"


def describe_failure(conversation_id: int, error: BaseException) -> Failure:
    if isinstance(error, MissingKeyError):
        return Failure(
            conversation_id,
            str(error),
            "Enter your API key to start chatting.",
            NextAction.ENTER_KEY,
        )
    if isinstance(error, api.ApiError):
        action = NextAction.RETRY
        retry_after = None
        if isinstance(error, api.AuthenticationError):
            action = NextAction.ENTER_KEY
        elif isinstance(error, api.NotFoundError | api.MethodNotAllowedError):
            action = NextAction.OPEN_SETTINGS
        elif isinstance(error, api.InsufficientCreditsError):
            action = NextAction.TOP_UP
        elif isinstance(error, api.RateLimitedError):
            retry_after = error.retry_after_s
        return Failure(conversation_id, error.user_message, error.next_step, action, retry_after)
    return Failure(
        conversation_id,
        "Something unexpected went wrong while waiting for the reply.",
        "Your message is saved; try again.",
        NextAction.RETRY,
    )
