"""Every failure the user can meet gets the right class and a short, human, markup-free message."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest

from r1desk.api import (
    ApiError,
    AuthenticationError,
    ClientError,
    InsufficientCreditsError,
    InvalidResponseError,
    MethodNotAllowedError,
    NotFoundError,
    RateLimitedError,
    ServerError,
    error_from_response,
)
from r1desk.api.headers import remaining_credits, retry_after_seconds
from tests.fakes.server import FakeServer
from tests.unit.api._support import openai_error, segmind_error

URL = "https://api.segmind.com/v1/deepseek-reasoner"


def _json(data: object) -> bytes:
    return json.dumps(data).encode()


def assert_presentable(error: ApiError) -> None:
    for text in (error.user_message, error.next_step):
        assert text and len(text) <= 400
        assert "<" not in text and ">" not in text, text
        assert "test-key" not in text
    assert "\n" not in error.user_message


STATUS_CLASSES = [
    (401, AuthenticationError),
    (404, NotFoundError),
    (405, MethodNotAllowedError),
    (406, InsufficientCreditsError),
    (429, RateLimitedError),
    (500, ServerError),
    (502, ServerError),
    (503, ServerError),
    (504, ServerError),
    (400, ClientError),
    (403, ClientError),
    (422, ClientError),
]


@pytest.mark.parametrize(("status", "cls"), STATUS_CLASSES)
def test_segmind_status_maps_to_error_class(
    fake_server: FakeServer, status: int, cls: type[ApiError]
) -> None:
    error = segmind_error(fake_server, f"!status {status}")
    assert type(error) is cls
    assert error.status == status
    assert f"HTTP {status}" in error.user_message
    assert_presentable(error)


@pytest.mark.parametrize(("status", "cls"), STATUS_CLASSES)
def test_openai_status_maps_to_error_class(
    fake_server: FakeServer, status: int, cls: type[ApiError]
) -> None:
    error = openai_error(fake_server, f"!status {status}")
    assert type(error) is cls
    assert_presentable(error)


@pytest.mark.parametrize("status", [400, 401, 404, 429, 500, 502, 504])
def test_html_error_pages_never_leak_markup(fake_server: FakeServer, status: int) -> None:
    error = segmind_error(fake_server, f"!html {status}")
    assert_presentable(error)
    assert "nginx" not in error.user_message and "script" not in error.user_message


def test_wrong_key_is_refused_with_a_way_out(fake_server: FakeServer) -> None:
    error = segmind_error(fake_server, api_key="wrong-key")
    assert isinstance(error, AuthenticationError)
    assert "Invalid API key" in error.user_message
    assert "Settings" in error.next_step
    assert not error.retryable


def test_unknown_slug_names_the_address(fake_server: FakeServer) -> None:
    error = segmind_error(fake_server, slug="deepseek-reasonr")
    assert isinstance(error, NotFoundError)
    assert "deepseek-reasonr" in error.user_message


def test_exhausted_credits_show_the_balance(fake_server: FakeServer) -> None:
    fake_server.credits = 0.001
    error = segmind_error(fake_server, "hello")
    assert isinstance(error, InsufficientCreditsError)
    assert error.remaining_credits == pytest.approx(0.001)
    assert "0.001" in error.user_message
    assert "https://" in error.next_step


def test_rate_limit_honours_retry_after(fake_server: FakeServer) -> None:
    error = segmind_error(fake_server, "!status 429")
    assert isinstance(error, RateLimitedError)
    assert error.retry_after_s == 12
    assert error.retryable
    assert "12 s" in error.next_step


def test_server_errors_are_retryable_client_errors_are_not() -> None:
    assert error_from_response(500, {}, b"", URL).retryable
    assert not error_from_response(400, {}, b"", URL).retryable


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (_json({"error": "Invalid API key"}), "Invalid API key"),
        (_json({"error": {"message": "Bad model", "type": "x"}}), "Bad model"),
        (_json({"detail": "Quota gone"}), "Quota gone"),
        (_json({"detail": [{"loc": ["body"], "msg": "field required"}]}), "field required"),
        (_json({"message": "Try later"}), "Try later"),
        (b"Upstream overloaded", "Upstream overloaded"),
    ],
)
def test_message_is_taken_from_common_body_shapes(body: bytes, expected: str) -> None:
    error = error_from_response(400, {}, body, URL)
    assert error.server_message == expected
    assert expected in error.user_message


@pytest.mark.parametrize(
    "body",
    [b"", b"   ", b"<html><body><h1>Bad</h1></body></html>", b"\xff\xfe\x00garbage", b"{not json"],
)
def test_unhelpful_bodies_give_a_generic_message(body: bytes) -> None:
    error = error_from_response(500, {}, body, URL)
    assert error.user_message == "The server failed to answer (HTTP 500 Internal Server Error)."
    assert_presentable(error)


def test_long_messages_are_shortened_and_the_key_is_redacted() -> None:
    body = _json({"error": "Incorrect API key provided: sk-secret-123. " + "x" * 500})
    error = error_from_response(401, {}, body, URL, secret="sk-secret-123")
    assert "sk-secret-123" not in error.user_message
    assert "***" in error.user_message
    assert len(error.server_message) <= 200


def test_query_strings_never_reach_the_message() -> None:
    error = error_from_response(404, {}, b"", "https://example.com/v1/x?key=secret#frag")
    assert "secret" not in error.user_message
    assert "https://example.com/v1/x" in error.user_message


def test_redirects_are_reported_as_configuration_problems() -> None:
    error = error_from_response(301, {"Location": "https://new.example/v1"}, b"", URL)
    assert isinstance(error, InvalidResponseError)
    assert "https://new.example/v1" in error.user_message
    assert not error.retryable


def test_retry_after_accepts_seconds_and_http_dates() -> None:
    now = datetime(2026, 1, 1, 12, 0, 0, tzinfo=timezone.utc)
    later = format_datetime(now + timedelta(seconds=90), usegmt=True)
    assert retry_after_seconds({"Retry-After": "30"}, now) == 30
    assert retry_after_seconds({"retry-after": " 2.5 "}, now) == 2.5
    assert retry_after_seconds({"retry-after": later}, now) == 90
    assert retry_after_seconds({"retry-after": format_datetime(now, usegmt=True)}, now) == 0
    assert retry_after_seconds({"retry-after": "soon"}, now) is None
    assert retry_after_seconds({}, now) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [("12.3456", 12.3456), (" 0 ", 0.0), ("1e2", 100.0), ("n/a", None), ("", None), ("nan", None)],
)
def test_credits_header_parsing_never_raises(value: str, expected: float | None) -> None:
    assert remaining_credits({"X-Remaining-Credits": value}) == expected


@pytest.mark.parametrize(
    ("said", "shown"),
    [("Invalid API key", "Invalid API key."), ("Slow down!", "Slow down!"), ("满了。", "满了。")],
)
def test_the_servers_words_end_a_sentence_before_the_next_step(said: str, shown: str) -> None:
    from r1desk.services.failures import describe_failure

    error = error_from_response(401, {}, _json({"error": said}), URL)
    assert error.user_message.endswith(f": {shown}")
    assert f"{shown} Re-enter your API key" in describe_failure(1, error).text
