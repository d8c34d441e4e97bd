"""App-wide settings: provider presets, validation, and a JSON file written atomically.

The API key is never a setting: it lives in `r1desk.secrets`.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from r1desk.private_files import write_private_file_atomically
from r1desk.texts import QT_TRANSLATE_NOOP, Text

log = logging.getLogger(__name__)

SETTINGS_VERSION = 1
ProviderKind = Literal["segmind", "openai"]


@dataclass(frozen=True)
class ProviderPreset:
    name: str
    label: str
    kind: ProviderKind  # "segmind": x-api-key, slug in the URL; "openai": /chat/completions
    default_base_url: str
    default_model: str
    needs_key: bool  # requests fail without a key
    accepts_key: bool  # the key field is shown (optional when not needs_key)
    streams: bool


PRESETS: Mapping[str, ProviderPreset] = {
    p.name: p
    for p in (
        ProviderPreset(
            "segmind", "Segmind", "segmind", "https://api.segmind.com/v1", "deepseek-reasoner",
            needs_key=True, accepts_key=True, streams=False,
        ),
        ProviderPreset(
            "deepseek", "DeepSeek", "openai", "https://api.deepseek.com", "deepseek-reasoner",
            needs_key=True, accepts_key=True, streams=True,
        ),
        ProviderPreset(
            "ollama", "Ollama (local)", "openai", "http://localhost:11434/v1", "deepseek-r1",
            needs_key=False, accepts_key=False, streams=True,
        ),
        ProviderPreset(
            "llamacpp", "llama.cpp server (local)", "openai", "http://localhost:8080/v1",
            "deepseek-r1", needs_key=False, accepts_key=True, streams=True,
        ),
        ProviderPreset(
            "custom", "Custom (OpenAI-compatible)", "openai", "", "",
            needs_key=False, accepts_key=True, streams=True,
        ),
    )
}  # fmt: skip
THEMES = ("system", "light", "dark")
LANGUAGES = ("system", "en", "zh_CN")  # "system": from the OS locale
# Segmind's queued mode: "offer" it when a reply outlives the gateway, use it "always", or "never".
QUEUED_MODES = ("never", "offer", "always")
ZOOM_MIN, ZOOM_MAX, ZOOM_DEFAULT = 50, 300, 100  # chat text size, percent
_MODEL_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:/@+-]*")


# Each validator takes a raw value (from the UI or from JSON) and returns a reason, or None.
# Reasons are `Text`s: English, shown translated by the UI (`r1desk.ui.i18n.translated`).


def validate_provider(value: object) -> str | None:
    if value not in PRESETS:
        labels = ", ".join(p.label for p in PRESETS.values())
        return QT_TRANSLATE_NOOP("Settings", "Choose one of: {choices}.").format(choices=labels)
    return None


def validate_api_base(value: object) -> str | None:
    """An http(s) address, or "" for the provider's default."""
    if not isinstance(value, str):
        return QT_TRANSLATE_NOOP("Settings", "The API address must be text.")
    if value == "":
        return None
    if value != value.strip() or any(ch.isspace() for ch in value):
        return QT_TRANSLATE_NOOP("Settings", "The API address must not contain spaces.")
    try:
        parts = urlsplit(value)
        port_ok = parts.port is None or parts.port > 0
    except ValueError:
        return QT_TRANSLATE_NOOP("Settings", "The API address is not a valid URL.")
    if parts.scheme not in ("http", "https"):
        return QT_TRANSLATE_NOOP("Settings", "The API address must start with http:// or https://.")
    if not parts.hostname or not port_ok:
        return QT_TRANSLATE_NOOP(
            "Settings", "The API address needs a host name, e.g. https://api.example.com/v1."
        )
    if parts.username is not None or parts.password is not None:
        return QT_TRANSLATE_NOOP(
            "Settings", "Put the API key in the key field, not in the address."
        )
    if parts.fragment:
        return QT_TRANSLATE_NOOP("Settings", "The API address must not contain a '#' part.")
    return None


def validate_model(value: object) -> str | None:
    """A model slug or name ("deepseek-reasoner", "deepseek-r1:14b", "org/Model"), or ""."""
    if not isinstance(value, str):
        return QT_TRANSLATE_NOOP("Settings", "The model must be text.")
    if value and (len(value) > 200 or not _MODEL_RE.fullmatch(value)):
        return QT_TRANSLATE_NOOP(
            "Settings",
            "Use only letters, digits and . _ : / @ + - in the model name, without spaces.",
        )
    return None


def validate_system_prompt(value: object) -> str | None:
    return (
        None
        if isinstance(value, str)
        else QT_TRANSLATE_NOOP("Settings", "The system prompt must be text.")
    )


def validate_max_tokens(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        return QT_TRANSLATE_NOOP("Settings", "Max tokens must be a whole number.")
    if not 0 < value <= 10_000_000:
        return QT_TRANSLATE_NOOP("Settings", "Max tokens must be between 1 and 10,000,000.")
    return None


def _number_in(low: float, high: float, label: Text) -> Callable[[object], str | None]:
    def validate(value: object) -> str | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
            return QT_TRANSLATE_NOOP("Settings", "{setting} must be a number.").format(
                setting=label
            )
        if not low <= value <= high:
            text = QT_TRANSLATE_NOOP("Settings", "{setting} must be between {low} and {high}.")
            return text.format(setting=label, low=f"{low:g}", high=f"{high:g}")
        return None

    return validate


validate_temperature = _number_in(0.0, 2.0, QT_TRANSLATE_NOOP("Settings", "Temperature"))
validate_top_p = _number_in(0.0, 1.0, QT_TRANSLATE_NOOP("Settings", "Top-p"))


def validate_theme(value: object) -> str | None:
    return (
        None
        if value in THEMES
        else QT_TRANSLATE_NOOP("Settings", "The theme must be system, light or dark.")
    )


def validate_font_size(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 6 <= value <= 72:
        return QT_TRANSLATE_NOOP("Settings", "The font size must be a whole number from 6 to 72.")
    return None


def validate_language(value: object) -> str | None:
    return (
        None
        if value in LANGUAGES
        else QT_TRANSLATE_NOOP("Settings", "The language must be system, en or zh_CN.")
    )


def validate_zoom(value: object) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int) or not ZOOM_MIN <= value <= ZOOM_MAX:
        text = QT_TRANSLATE_NOOP(
            "Settings", "The zoom must be a whole percentage from {low} to {high}."
        )
        return text.format(low=ZOOM_MIN, high=ZOOM_MAX)
    return None


def validate_queued_mode(value: object) -> str | None:
    return (
        None
        if value in QUEUED_MODES
        else QT_TRANSLATE_NOOP("Settings", "The queued mode must be never, offer or always.")
    )


def _validate_bool(value: object) -> str | None:
    return (
        None
        if isinstance(value, bool)
        else QT_TRANSLATE_NOOP("Settings", "This must be true or false.")
    )


VALIDATORS: Mapping[str, Callable[[object], str | None]] = {
    "provider": validate_provider,
    "api_base": validate_api_base,
    "model": validate_model,
    "system_prompt": validate_system_prompt,
    "max_tokens": validate_max_tokens,
    "temperature": validate_temperature,
    "top_p": validate_top_p,
    "reasoning_expanded": _validate_bool,
    "theme": validate_theme,
    "font_size": validate_font_size,
    "notify_when_done": _validate_bool,
    "language": validate_language,
    "zoom": validate_zoom,
    "segmind_queued_mode": validate_queued_mode,
}


class SettingsError(ValueError):
    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


@dataclass(frozen=True)
class Settings:
    """Valid by construction: an invalid value raises SettingsError. Change with `replace()`."""

    provider: str = "segmind"
    api_base: str = ""  # "" means the provider preset's address
    model: str = ""  # "" means the provider preset's model
    system_prompt: str = ""
    max_tokens: int | None = None
    temperature: float | None = None
    top_p: float | None = None
    reasoning_expanded: bool = False
    theme: str = "system"
    font_size: int | None = None  # None: the platform's font size
    notify_when_done: bool = True
    language: str = "system"
    zoom: int = ZOOM_DEFAULT  # chat text size in percent (Ctrl+= / Ctrl+- / Ctrl+0)
    segmind_queued_mode: str = "offer"  # one of QUEUED_MODES

    def __post_init__(self) -> None:
        for field in dataclasses.fields(self):
            reason = VALIDATORS[field.name](getattr(self, field.name))
            if reason is not None:
                raise SettingsError(field.name, reason)

    @property
    def preset(self) -> ProviderPreset:
        return PRESETS[self.provider]

    @property
    def effective_api_base(self) -> str:
        """The explicit address, else the preset's ("" for a custom provider not set up)."""
        return self.api_base or self.preset.default_base_url

    @property
    def effective_model(self) -> str:
        return self.model or self.preset.default_model

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)

    def problems(self) -> dict[str, str]:
        """What stops this configuration from sending a request (field -> reason)."""
        found: dict[str, str] = {}
        if not self.effective_api_base:
            found["api_base"] = QT_TRANSLATE_NOOP(
                "Settings", "Enter the API address of your provider."
            )
        if not self.effective_model:
            found["model"] = QT_TRANSLATE_NOOP(
                "Settings", "Enter the model name your provider expects."
            )
        return found

    def to_json_dict(self) -> dict[str, object]:
        return {"version": SETTINGS_VERSION, **dataclasses.asdict(self)}


_FLOAT_FIELDS = frozenset({"temperature", "top_p"})


def settings_from_json(data: object) -> tuple[Settings, list[str]]:
    """Settings from decoded JSON; a bad or unknown value is dropped and reported.

    Reports name fields, never values (a pasted address could carry a key).
    """
    if not isinstance(data, dict):
        return Settings(), [
            QT_TRANSLATE_NOOP(
                "Settings", "The settings file does not hold a JSON object; using defaults."
            )
        ]
    kept: dict[str, Any] = {}
    ignored: list[str] = []
    for name, value in data.items():
        if name == "version":
            continue
        validator = VALIDATORS.get(name)
        if validator is None:
            unknown = QT_TRANSLATE_NOOP("Settings", "Unknown setting {name} was ignored.")
            ignored.append(unknown.format(name=repr(str(name)[:40])))
            continue
        reason = validator(value)
        if reason is not None:
            reset = QT_TRANSLATE_NOOP(
                "Settings", "Setting {name} was reset to its default: {reason}"
            )
            ignored.append(reset.format(name=repr(name), reason=reason))
            continue
        if name in _FLOAT_FIELDS and value is not None:
            value = float(value)
        kept[name] = value
    return Settings(**kept), ignored


def load_settings_with_report(path: Path) -> tuple[Settings, list[str]]:
    """Read settings; never raises. Missing file: defaults and no report."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings(), []
    except (OSError, UnicodeDecodeError) as exc:
        text = QT_TRANSLATE_NOOP("Settings", "The settings file could not be read ({kind}).")
        return Settings(), [text.format(kind=type(exc).__name__)]
    try:
        data = json.loads(text)
    except ValueError:
        text = QT_TRANSLATE_NOOP("Settings", "The settings file is not valid JSON; using defaults.")
        return Settings(), [text]
    return settings_from_json(data)


def load_settings(path: Path) -> Settings:
    """Read settings; whatever was ignored is logged as a warning."""
    settings, ignored = load_settings_with_report(path)
    for line in ignored:
        log.warning("%s (%s)", line, path)
    return settings


def save_settings(path: Path, settings: Settings) -> None:
    """Write settings atomically (temp file in the same folder + os.replace), mode 0600."""
    text = json.dumps(settings.to_json_dict(), indent=2, ensure_ascii=False) + "\n"
    write_private_file_atomically(path, text)
