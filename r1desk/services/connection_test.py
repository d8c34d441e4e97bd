"""The "Test connection" check: a provider's cheapest call, reported in one line for the user.

Segmind: `GET get-user-credits` (spends nothing). OpenAI-compatible: `GET /models`.
"""

from __future__ import annotations

import httpx

from r1desk import api
from r1desk.domain import Credits
from r1desk.settings import Settings
from r1desk.texts import QT_TRANSLATE_NOOP, Text


async def test_connection(
    http: httpx.AsyncClient,
    settings: Settings,
    key: str | None,
    api_base_override: str | None = None,
) -> tuple[bool, str]:
    """(True, "Connected. …") or (False, what went wrong and what to do). Never raises ApiError."""
    preset = settings.preset
    base = (api_base_override or settings.effective_api_base).rstrip("/")
    if not base:
        return False, QT_TRANSLATE_NOOP(
            "ConnectionTest", "No API address is set. Enter the API address of your provider."
        )
    try:
        if preset.kind == "segmind":
            client = api.SegmindClient(
                http, key or "", base_url=base, slug=settings.effective_model
            )
            return True, _credits_text(await client.get_credits())
        models = await api.OpenAICompatClient(
            http,
            base,
            settings.effective_model,
            api_key=key,
            stream=preset.streams,
            provider_name=preset.name,
        ).list_models()
    except api.ApiError as exc:
        both = QT_TRANSLATE_NOOP("ConnectionTest", "{message} {next_step}")
        return False, both.format(message=exc.user_message, next_step=exc.next_step)
    return True, _models_text(models, settings.effective_model)


def _credits_text(credits: Credits) -> Text:
    if credits.remaining is None:
        if credits.free is None:
            return QT_TRANSLATE_NOOP("ConnectionTest", "Connected.")
        text = QT_TRANSLATE_NOOP("ConnectionTest", "Connected. Free credits: {free}")
        return text.format(free=f"{credits.free:.4f}")
    if credits.free:
        text = QT_TRANSLATE_NOOP("ConnectionTest", "Connected. Credits: {credits} (free: {free})")
        return text.format(credits=f"{credits.remaining:.4f}", free=f"{credits.free:.4f}")
    text = QT_TRANSLATE_NOOP("ConnectionTest", "Connected. Credits: {credits}")
    return text.format(credits=f"{credits.remaining:.4f}")


def _models_text(models: list[str], wanted: str) -> Text:
    count = len(models)
    if count == 1:
        text = QT_TRANSLATE_NOOP("ConnectionTest", "Connected. 1 model available.")
    else:
        text = QT_TRANSLATE_NOOP("ConnectionTest", "Connected. {count} models available.")
    text = text.format(count=count)
    if models and wanted and wanted not in models:
        missing = QT_TRANSLATE_NOOP(
            "ConnectionTest", "{text} The model “{model}” is not among them."
        )
        text = missing.format(text=text, model=wanted)
    return text
