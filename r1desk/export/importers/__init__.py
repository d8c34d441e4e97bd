"""Reading conversation files made elsewhere (or by r1desk) into domain objects."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

from r1desk.domain import Conversation
from r1desk.export.importers.chatgpt import looks_like_chatgpt, parse_chatgpt
from r1desk.export.importers.errors import ImportFormatError
from r1desk.export.importers.r1desk_json import looks_like_r1desk, parse_r1desk
from r1desk.texts import QT_TRANSLATE_NOOP

__all__ = ["ImportFormatError", "detect_and_parse", "parse_document"]

_CHATGPT_MEMBER = "conversations.json"


def _read(path: Path) -> bytes:
    """The file's bytes; for ChatGPT's export zip, its `conversations.json`."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            names = [n for n in archive.namelist() if Path(n).name == _CHATGPT_MEMBER]
            if not names:
                raise ImportFormatError(
                    QT_TRANSLATE_NOOP("Import", "the zip file holds no {name}").format(
                        name=_CHATGPT_MEMBER
                    )
                )
            return archive.read(min(names, key=len))
    return path.read_bytes()


def parse_document(document: Any) -> list[Conversation]:
    """Conversations from an already-decoded JSON document of any supported format."""
    if looks_like_r1desk(document):
        return parse_r1desk(document)
    if looks_like_chatgpt(document):
        return parse_chatgpt(document)
    raise ImportFormatError(
        QT_TRANSLATE_NOOP(
            "Import",
            "not a conversation export r1desk knows (expected r1desk JSON or ChatGPT's "
            "conversations.json)",
        )
    )


def detect_and_parse(path: Path) -> list[Conversation]:
    """Every conversation in the file at `path`, or ImportFormatError saying why and where.

    Nothing is returned unless the whole file parses: a bad 3rd conversation rejects the file.
    """
    try:
        raw = _read(Path(path))
    except zipfile.BadZipFile as error:
        reason = QT_TRANSLATE_NOOP("Import", "damaged zip file: {detail}")
        raise ImportFormatError(reason.format(detail=str(error))) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        reason = QT_TRANSLATE_NOOP("Import", "not UTF-8 text (byte {offset})")
        raise ImportFormatError(reason.format(offset=error.start)) from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFormatError.from_decode_error(error) from None
    except RecursionError:
        raise ImportFormatError(
            QT_TRANSLATE_NOOP("Import", "nested too deeply to be a conversation export")
        ) from None
    return parse_document(document)
