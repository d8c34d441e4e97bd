"""Provider clients over one httpx.AsyncClient: typed errors, reasoning extraction, SSE. No Qt.

The names below load on first use (PEP 562): importing `r1desk.api` costs nothing, so the
window can paint before httpx (about 40 ms and 7 MB) is imported.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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
    from r1desk.api.http import DEFAULT_DEADLINE_S, make_http_client, make_tls_context
    from r1desk.api.openai_compat import OpenAICompatClient
    from r1desk.api.reasoning import Delta, ReasoningExtractor, split_reasoning
    from r1desk.api.segmind import SegmindClient
    from r1desk.api.sse import SSEDecoder, SSEEvent, aiter_sse
    from r1desk.api.types import ChatClient, ChatParams, ChatReply, DeltaCallback, wire_messages

_WHERE = {
    "ApiError": "errors",
    "AuthenticationError": "errors",
    "ClientError": "errors",
    "ConnectionFailedError": "errors",
    "ConnectionLostError": "errors",
    "InsufficientCreditsError": "errors",
    "InvalidResponseError": "errors",
    "MethodNotAllowedError": "errors",
    "NotFoundError": "errors",
    "QueuedRequestFailedError": "errors",
    "RateLimitedError": "errors",
    "RequestTimeoutError": "errors",
    "ResponseTooLargeError": "errors",
    "ServerError": "errors",
    "error_from_exception": "errors",
    "error_from_response": "errors",
    "DEFAULT_DEADLINE_S": "http",
    "make_http_client": "http",
    "make_tls_context": "http",
    "OpenAICompatClient": "openai_compat",
    "Delta": "reasoning",
    "ReasoningExtractor": "reasoning",
    "split_reasoning": "reasoning",
    "SegmindClient": "segmind",
    "SSEDecoder": "sse",
    "SSEEvent": "sse",
    "aiter_sse": "sse",
    "ChatClient": "types",
    "ChatParams": "types",
    "ChatReply": "types",
    "DeltaCallback": "types",
    "wire_messages": "types",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'r1desk.api' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"r1desk.api.{module}"), name)
    globals()[name] = value
    return value


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
    "make_tls_context",
    "split_reasoning",
    "wire_messages",
]
