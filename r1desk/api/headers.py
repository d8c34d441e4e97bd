"""Reading the few response headers r1desk cares about, without ever raising."""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

CREDITS_HEADER = "x-remaining-credits"


def header(headers: Mapping[str, str], name: str) -> str | None:
    """A header by case-insensitive name (httpx.Headers or a plain dict)."""
    value = headers.get(name)
    if value is not None:
        return value
    wanted = name.lower()
    for key, val in headers.items():
        if key.lower() == wanted:
            return val
    return None


def parse_float(value: object) -> float | None:
    """A finite float from a number or numeric text; anything else is None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) else None


def remaining_credits(headers: Mapping[str, str]) -> float | None:
    """Segmind's `x-remaining-credits`; missing or malformed gives None."""
    return parse_float(header(headers, CREDITS_HEADER))


def retry_after_seconds(headers: Mapping[str, str], now: datetime | None = None) -> float | None:
    """`retry-after` as seconds to wait: delta-seconds or an HTTP-date; None if absent or bad."""
    raw = header(headers, "retry-after")
    if raw is None:
        return None
    seconds = parse_float(raw)
    if seconds is not None:
        return max(seconds, 0.0)
    try:
        when = parsedate_to_datetime(raw.strip())
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    now = now or datetime.now(timezone.utc)
    return max((when - now).total_seconds(), 0.0)
