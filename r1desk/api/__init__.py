"""Provider clients over one httpx.AsyncClient: typed errors, reasoning extraction, SSE. No Qt."""

from __future__ import annotations

from r1desk.api.errors import (
    ApiError,
    AuthenticationError,
    ClientError,
    ConnectionFailedError,
    ConnectionLostError,
    InsufficientCreditsError,
    InvalidResponseError,
    MethodNotAllowedError,
    NotFoundError,
    QueuedRequestFailedError,
    RateLimitedError,
    RequestTimeoutError,
    ResponseTooLargeError,
    ServerError,
    error_from_exception,
    error_from_response,
)
from r1desk.api.http import DEFAULT_DEADLINE_S, make_http_client
from r1desk.api.openai_compat import OpenAICompatClient
from r1desk.api.reasoning import Delta, ReasoningExtractor, split_reasoning
from r1desk.api.segmind import SegmindClient
from r1desk.api.sse import SSEDecoder, SSEEvent, aiter_sse
from r1desk.api.types import ChatClient, ChatParams, ChatReply, DeltaCallback, wire_messages

__all__ = [
    "DEFAULT_DEADLINE_S",
    "ApiError",
    "AuthenticationError",
    "ChatClient",
    "ChatParams",
    "ChatReply",
    "ClientError",
    "ConnectionFailedError",
    "ConnectionLostError",
    "Delta",
    "DeltaCallback",
    "InsufficientCreditsError",
    "InvalidResponseError",
    "MethodNotAllowedError",
    "NotFoundError",
    "OpenAICompatClient",
    "QueuedRequestFailedError",
    "RateLimitedError",
    "ReasoningExtractor",
    "RequestTimeoutError",
    "ResponseTooLargeError",
    "SSEDecoder",
    "SSEEvent",
    "SegmindClient",
    "ServerError",
    "aiter_sse",
    "error_from_exception",
    "error_from_response",
    "make_http_client",
    "split_reasoning",
    "wire_messages",
]
