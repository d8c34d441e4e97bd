"""The "Test connection" check: a provider's cheapest call, reported in one line for the user.

Segmind: `GET get-user-credits` (spends nothing). OpenAI-compatible: `GET /models`.
"""

from __future__ import annotations

import httpx

from r1desk import api
from r1desk.domain import Credits
from r1desk.settings import Settings


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
        return False, "No API address is set. Enter the API address of your provider."
    try:
        if preset.kind == "segmind":
            client = api.SegmindClient(
                http, key or "", base_url=base, slug=settings.effective_model
            )
            return True, "Connected. " + _credits_text(await client.get_credits())
        models = await api.OpenAICompatClient(
            http,
            base,
            settings.effective_model,
            api_key=key,
            stream=preset.streams,
            provider_name=preset.name,
        ).list_models()
    except api.ApiError as exc:
        return False, f"{exc.user_message} {exc.next_step}"
    return True, _models_text(models, settings.effective_model)


def _credits_text(credits: Credits) -> str:
    if credits.remaining is None:
        return f"Free credits: {credits.free:.4f}" if credits.free is not None else ""
    text = f"Credits: {credits.remaining:.4f}"
    if credits.free:
        text += f" (free: {credits.free:.4f})"
    return text


def _models_text(models: list[str], wanted: str) -> str:
    count = len(models)
    text = f"Connected. {count} model{'' if count == 1 else 's'} available."
    if models and wanted and wanted not in models:
        text += f" The model “{wanted}” is not among them."
    return text
