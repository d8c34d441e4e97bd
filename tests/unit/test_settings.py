from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from r1desk.settings import (
    PRESETS,
    Settings,
    SettingsError,
    load_settings,
    load_settings_with_report,
    save_settings,
    validate_api_base,
    validate_max_tokens,
    validate_model,
    validate_temperature,
    validate_top_p,
)


def test_a_missing_file_gives_the_defaults_without_complaint(tmp_path: Path) -> None:
    settings, ignored = load_settings_with_report(tmp_path / "settings.json")

    assert settings == Settings()
    assert ignored == []
    assert settings.provider == "segmind"
    assert settings.effective_api_base == "https://api.segmind.com/v1"
    assert settings.effective_model == "deepseek-reasoner"


def test_saved_settings_come_back_the_same(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "settings.json"
    original = Settings(
        provider="ollama",
        api_base="http://192.168.1.20:11434/v1",
        model="deepseek-r1:14b",
        system_prompt="Réponds en français.\nBe brief.",
        max_tokens=4096,
        temperature=0.6,
        top_p=0.95,
        reasoning_expanded=True,
        theme="dark",
        font_size=13,
        notify_when_done=False,
    )

    save_settings(path, original)

    assert load_settings(path) == original


def test_whole_number_temperature_in_the_file_loads_as_a_float(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"temperature": 1, "top_p": 0}), encoding="utf-8")

    settings = load_settings(path)

    assert settings.temperature == 1.0
    assert isinstance(settings.temperature, float)
    assert isinstance(settings.top_p, float)


@pytest.mark.parametrize("content", ["{not json", "", "[1, 2]", '"text"', "\udcff"])
def test_a_corrupt_file_gives_defaults_and_says_so(tmp_path: Path, content: str) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content.encode("utf-8", "surrogateescape"))

    settings, ignored = load_settings_with_report(path)

    assert settings == Settings()
    assert len(ignored) == 1


def test_an_unreadable_settings_path_does_not_crash(tmp_path: Path) -> None:
    folder = tmp_path / "settings.json"
    folder.mkdir()

    settings, ignored = load_settings_with_report(folder)

    assert settings == Settings()
    assert ignored and "could not be read" in ignored[0]


def test_bad_values_fall_back_one_by_one_and_the_rest_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps(
            {
                "version": 1,
                "provider": "deepseek",
                "api_base": "ftp://example.com",
                "model": "deepseek-chat",
                "max_tokens": -5,
                "temperature": "hot",
                "top_p": 0.9,
                "theme": "neon",
                "font_size": True,
                "reasoning_expanded": "yes",
                "api_key": "sk-should-never-be-echoed",
                "from_the_future": 1,
            }
        ),
        encoding="utf-8",
    )

    settings, ignored = load_settings_with_report(path)

    assert settings == Settings(provider="deepseek", model="deepseek-chat", top_p=0.9)
    report = "\n".join(ignored)
    for name in ("api_base", "max_tokens", "temperature", "theme", "font_size", "api_key"):
        assert name in report
    assert "from_the_future" in report
    assert "sk-should-never-be-echoed" not in report  # reports name fields, never values
    assert "ftp://example.com" not in report


def test_load_settings_logs_what_it_ignored(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"theme": "neon"}', encoding="utf-8")

    assert load_settings(path).theme == "system"
    assert "theme" in caplog.text


def test_the_file_is_private_and_no_temp_file_is_left(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"

    save_settings(path, Settings(model="one"))
    save_settings(path, Settings(model="two"))

    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]
    assert json.loads(path.read_text(encoding="utf-8"))["model"] == "two"
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "settings.json"
    save_settings(path, Settings(model="kept"))

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        save_settings(path, Settings(model="lost"))

    assert load_settings(path).model == "kept"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_the_api_key_is_not_a_setting() -> None:
    names = set(Settings().to_json_dict())

    assert not {n for n in names if "key" in n or "secret" in n or "password" in n}


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("ftp://api.example.com", "http"),
        ("api.example.com/v1", "http"),
        ("https://", "host"),
        ("https://api.example.com/v1 ", "spaces"),
        ("https://user:sk-123@api.example.com", "key field"),
        ("http://[::1", "valid URL"),
        (42, "text"),
    ],
)
def test_bad_api_addresses_get_a_reason(url: object, fragment: str) -> None:
    reason = validate_api_base(url)

    assert reason is not None and fragment in reason
    if isinstance(url, str) and "sk-123" in url:
        assert "sk-123" not in reason


@pytest.mark.parametrize(
    "url",
    ["", "https://api.segmind.com/v1", "http://localhost:11434/v1", "http://[::1]:8080/v1"],
)
def test_good_api_addresses_pass(url: str) -> None:
    assert validate_api_base(url) is None


def test_number_settings_state_their_range() -> None:
    assert validate_max_tokens(0) == "Max tokens must be between 1 and 10,000,000."
    assert validate_max_tokens(2.5) == "Max tokens must be a whole number."
    assert validate_max_tokens(None) is None
    assert validate_temperature(2.5) == "Temperature must be between 0 and 2."
    assert validate_temperature(float("nan")) == "Temperature must be a number."
    assert validate_temperature(2) is None
    assert validate_top_p(1.01) == "Top-p must be between 0 and 1."
    assert validate_top_p(False) == "Top-p must be a number."


@pytest.mark.parametrize("name", ["deepseek-reasoner", "deepseek-r1:14b", "deepseek-ai/R1", ""])
def test_model_names_from_every_provider_are_accepted(name: str) -> None:
    assert validate_model(name) is None


@pytest.mark.parametrize("name", ["deepseek reasoner", "../etc", "x" * 201])
def test_odd_model_names_are_refused(name: str) -> None:
    assert validate_model(name) is not None


def test_invalid_settings_cannot_be_built() -> None:
    with pytest.raises(SettingsError) as caught:
        Settings().replace(temperature=3.0)

    assert caught.value.field == "temperature"
    with pytest.raises(SettingsError, match="provider"):
        Settings(provider="openrouter")


def test_explicit_address_and_model_win_over_the_preset() -> None:
    settings = Settings(provider="deepseek")

    assert settings.effective_api_base == "https://api.deepseek.com"
    assert settings.effective_model == "deepseek-reasoner"

    changed = settings.replace(api_base="https://proxy.example/v1", model="deepseek-chat")

    assert changed.effective_api_base == "https://proxy.example/v1"
    assert changed.effective_model == "deepseek-chat"


def test_a_custom_provider_says_what_it_still_needs() -> None:
    assert Settings().problems() == {}
    problems = Settings(provider="custom").problems()

    assert set(problems) == {"api_base", "model"}
    configured = Settings(provider="custom", api_base="http://gpu-box:8000/v1", model="R1")
    assert configured.problems() == {}


def test_presets_match_the_providers() -> None:
    assert set(PRESETS) == {"segmind", "deepseek", "ollama", "llamacpp", "custom"}
    assert PRESETS["segmind"].kind == "segmind" and not PRESETS["segmind"].streams
    assert all(p.kind == "openai" and p.streams for n, p in PRESETS.items() if n != "segmind")
    assert PRESETS["segmind"].needs_key and PRESETS["deepseek"].needs_key
    assert not PRESETS["ollama"].needs_key and not PRESETS["ollama"].accepts_key
    assert not PRESETS["llamacpp"].needs_key and PRESETS["llamacpp"].accepts_key
    assert PRESETS["custom"].default_base_url == ""
    for preset in PRESETS.values():
        assert validate_api_base(preset.default_base_url) is None
