"""File names made from conversation titles that are valid on Windows, macOS and Linux."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import MutableSet
from pathlib import Path

FALLBACK_NAME = "conversation"
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL"]
    + [f"{port}{digit}" for port in ("COM", "LPT") for digit in "123456789¹²³"]
)


def _truncate_utf8(text: str, max_bytes: int) -> str:
    """The longest prefix of `text` that fits in `max_bytes` of UTF-8 (never half a character)."""
    encoded = text.encode("utf-8")
    if len(encoded) <= max_bytes:
        return text
    return encoded[:max_bytes].decode("utf-8", errors="ignore")


def _is_reserved(stem: str) -> bool:
    # Windows reserves CON, CON.txt, con.tar.gz, "CON " ... : compare the part before any dot.
    return stem.split(".", 1)[0].strip().upper() in _RESERVED


def safe_filename(title: str, ext: str, max_len: int = 120) -> str:
    """`title` + `.ext` as a portable file name of at most `max_len` UTF-8 bytes.

    Forbidden and control characters become `_`, whitespace runs become one space,
    trailing dots and spaces go, reserved device names get a `_` suffix, and an empty
    result becomes "conversation".
    """
    suffix = "." + ext.lstrip(".") if ext.strip(".") else ""
    suffix = _FORBIDDEN.sub("_", suffix)
    # NFC so macOS (which stores decomposed forms) and the others agree on the byte length.
    stem = unicodedata.normalize("NFC", title)
    stem = " ".join(stem.split())  # newlines and tabs become spaces first
    stem = _FORBIDDEN.sub("_", stem)
    stem = stem.strip(" .")
    if not stem.strip("_"):
        stem = FALLBACK_NAME
    if _is_reserved(stem):
        head, dot, rest = stem.partition(".")
        stem = head.rstrip() + "_" + dot + rest
    budget = max(max_len - len(suffix.encode("utf-8")), len(FALLBACK_NAME))
    stem = _truncate_utf8(stem, budget).rstrip(" .") or FALLBACK_NAME
    return stem + suffix


def _split(name: str) -> tuple[str, str]:
    stem, dot, ext = name.rpartition(".")
    return (stem, dot + ext) if stem else (name, "")


def unique_path(
    folder: Path, name: str, taken: MutableSet[str] | None = None, max_len: int = 120
) -> Path:
    """`folder/name`, or `folder/name (2)`, `(3)`... before the extension if the name is taken.

    With `taken` (names already chosen in this run, compared case-insensitively because
    Windows and macOS file systems are), only those count and the chosen name is added to it;
    without it, files that exist in `folder` count.
    """
    stem, ext = _split(name)
    candidate = name
    number = 1
    while True:
        clash = (
            candidate.casefold() in taken if taken is not None else (folder / candidate).exists()
        )
        if not clash:
            break
        number += 1
        tail = f" ({number}){ext}"
        candidate = _truncate_utf8(stem, max_len - len(tail.encode("utf-8"))).rstrip(" .") + tail
    if taken is not None:
        taken.add(candidate.casefold())
    return folder / candidate
