"""The one error every importer raises for a file it cannot take, with where it went wrong."""

from __future__ import annotations

import json
from typing import Any, TypeVar

from r1desk.texts import QT_TRANSLATE_NOOP

T = TypeVar("T")


class ImportFormatError(ValueError):
    """A file that is not a conversation export we understand.

    `line`/`column` locate a JSON syntax error; `json_path` (like `[3].mapping.abc.message`)
    locates a value of the wrong shape. The message says the reason and the position.
    """

    def __init__(
        self,
        reason: str,
        *,
        line: int | None = None,
        column: int | None = None,
        json_path: str | None = None,
    ) -> None:
        self.reason = reason
        self.line = line
        self.column = column
        self.json_path = json_path
        self.text: str = reason  # a Text, for the UI to show in its language
        if line is not None:
            self.text = QT_TRANSLATE_NOOP("Import", "{reason} (line {line}, column {column})")
            self.text = self.text.format(reason=reason, line=line, column=column)
        elif json_path:
            self.text = QT_TRANSLATE_NOOP("Import", "{reason} (at {path})").format(
                reason=reason, path=json_path
            )
        super().__init__(self.text)

    @classmethod
    def from_decode_error(cls, error: json.JSONDecodeError) -> ImportFormatError:
        reason = QT_TRANSLATE_NOOP("Import", "not valid JSON: {detail}").format(detail=error.msg)
        return cls(reason, line=error.lineno, column=error.colno)


def join_path(path: str, key: str | int) -> str:
    """`[3]` + `mapping` -> `[3].mapping`; keys that are not identifiers are quoted."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    if key.isidentifier() or key.replace("-", "").isalnum():
        return f"{path}.{key}" if path else key
    return f"{path}[{json.dumps(key, ensure_ascii=False)}]"


_TYPE_NAMES = {
    dict: QT_TRANSLATE_NOOP("Import", "an object"),
    list: QT_TRANSLATE_NOOP("Import", "a list"),
    str: QT_TRANSLATE_NOOP("Import", "a string"),
    bool: QT_TRANSLATE_NOOP("Import", "true or false"),
}


def expect(value: Any, kind: type[T], path: str) -> T:
    """`value` if it is a `kind`, else an ImportFormatError naming the path."""
    ok = isinstance(value, kind) and not (kind is not bool and isinstance(value, bool))
    if not ok:
        wanted = _TYPE_NAMES.get(kind, kind.__name__)
        got = "null" if value is None else type(value).__name__
        reason = QT_TRANSLATE_NOOP("Import", "expected {wanted}, found {got}")
        raise ImportFormatError(reason.format(wanted=wanted, got=got), json_path=path or "$")
    checked: T = value
    return checked


def field(obj: dict[str, Any], key: str, kind: type[T], path: str) -> T:
    """A required member of a JSON object, type-checked."""
    where = join_path(path, key)
    if key not in obj:
        reason = QT_TRANSLATE_NOOP("Import", "missing field {name}").format(name=repr(key))
        raise ImportFormatError(reason, json_path=path or "$")
    return expect(obj[key], kind, where)


def optional(obj: dict[str, Any], key: str, kind: type[T], path: str) -> T | None:
    """An optional (missing or null) member of a JSON object, type-checked when present."""
    value = obj.get(key)
    return None if value is None else expect(value, kind, join_path(path, key))


def number(obj: dict[str, Any], key: str, path: str) -> float | None:
    """An optional number (int or float, not bool)."""
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ImportFormatError(
            QT_TRANSLATE_NOOP("Import", "expected a number"), json_path=join_path(path, key)
        )
    return float(value)
