"""The language and zoom settings: validated, saved, and absent from older files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from r1desk.settings import Settings, SettingsError, load_settings, save_settings


def test_language_and_zoom_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_settings(path, Settings(language="zh_CN", zoom=130))
    assert load_settings(path) == Settings(language="zh_CN", zoom=130)


def test_an_older_file_without_them_gets_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 1, "theme": "dark"}), encoding="utf-8")
    settings = load_settings(path)
    assert (settings.theme, settings.language, settings.zoom) == ("dark", "system", 100)


@pytest.mark.parametrize(
    ("field", "value"), [("language", "klingon"), ("zoom", 10), ("zoom", 1000), ("zoom", True)]
)
def test_bad_values_are_refused(field: str, value: object) -> None:
    with pytest.raises(SettingsError):
        Settings(**{field: value})


def test_bad_values_in_a_file_fall_back(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"language": "xx", "zoom": "big"}), encoding="utf-8")
    assert load_settings(path) == Settings()
