"""Turning what a server said into one short line that is safe to show."""

from __future__ import annotations

import json
import re

import httpx

from r1desk.texts import QT_TRANSLATE_NOOP, Text

MAX_MESSAGE_CHARS = 200
_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!?][^>]*>")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


def human_duration(seconds: float) -> Text:
    if seconds < 120:
        shown = f"{seconds:.3g}" if seconds < 10 else f"{seconds:.0f}"
        return QT_TRANSLATE_NOOP("Units", "{n} s").format(n=shown)
    minutes = seconds / 60
    if minutes < 120:
        return QT_TRANSLATE_NOOP("Units", "{n} min").format(n=f"{minutes:.0f}")
    return QT_TRANSLATE_NOOP("Units", "{n} h").format(n=f"{minutes / 60:.1f}")


def safe_url(url: str | httpx.URL) -> str:
    """The URL without query, fragment or user info (they may hold secrets)."""
    try:
        parsed = httpx.URL(str(url))
        return str(parsed.copy_with(query=None, fragment=None, userinfo=b""))
    except (httpx.InvalidURL, TypeError, ValueError):
        return QT_TRANSLATE_NOOP("ApiError", "the configured address")


def clean_message(text: str, secret: str | None = None) -> str:
    """One short line of plain text, or "" when it looks like markup."""
    if secret:
        text = text.replace(secret, "***")
    text = " ".join(_CONTROL.sub(" ", text).split())
    if not text or _MARKUP.search(text):
        return ""
    if len(text) > MAX_MESSAGE_CHARS:
        text = text[: MAX_MESSAGE_CHARS - 1].rstrip() + "…"
    return text


def message_from_json(data: object) -> str:
    """The human part of `{"error": ...}`, `{"error": {"message": ...}}`, `{"detail": ...}`."""
    if isinstance(data, str):
        return data
    if isinstance(data, list) and data:
        return message_from_json(data[0])
    if not isinstance(data, dict):
        return ""
    for key in ("error", "detail", "message", "msg"):
        value = data.get(key)
        if isinstance(value, str) and value.strip():
            return value
        if isinstance(value, (dict, list)):
            found = message_from_json(value)
            if found:
                return found
    return ""


def message_from_body(body: bytes, secret: str | None = None) -> str:
    """A short message from an error body; "" for HTML, empty or unreadable bodies."""
    try:
        text = body.decode("utf-8-sig").strip()
    except UnicodeDecodeError:
        return ""
    if not text or _MARKUP.search(text[:2000]):
        return ""
    try:
        found = message_from_json(json.loads(text))
    except (ValueError, RecursionError):
        plain = len(text) <= MAX_MESSAGE_CHARS and "\n" not in text and text[0] not in "{["
        found = text if plain else ""
    return clean_message(found, secret)


def human_bytes(count: int) -> Text:
    if count >= 1024 * 1024:
        return QT_TRANSLATE_NOOP("Units", "{n} MB").format(n=f"{count / (1024 * 1024):g}")
    if count >= 1024:
        return QT_TRANSLATE_NOOP("Units", "{n} KB").format(n=f"{count / 1024:g}")
    return QT_TRANSLATE_NOOP("Units", "{n} bytes").format(n=count)
