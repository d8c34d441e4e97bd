"""Segmind: `POST {base}/{slug}` with `x-api-key`; the reply arrives whole (no streaming)."""

from __future__ import annotations

import time
from collections.abc import Sequence

import httpx

from r1desk import domain
from r1desk.api.body import MAX_BODY_BYTES, decode_text, parse_json, read_body, read_error_body
from r1desk.api.completion import Completion, completion_from_text
from r1desk.api.errors import InvalidResponseError, error_from_response
from r1desk.api.exchange import checked_key, run_exchange
from r1desk.api.headers import parse_float, remaining_credits
from r1desk.api.http import DEFAULT_DEADLINE_S
from r1desk.api.types import ChatParams, ChatReply, DeltaCallback, wire_messages

DEFAULT_BASE_URL = "https://api.segmind.com/v1"
DEFAULT_SLUG = "deepseek-reasoner"
QUICK_DEADLINE_S = 30.0  # calls that should be instant (balance)


class SegmindClient:
    provider_name = "segmind"

    def __init__(
        self,
        http: httpx.AsyncClient,
        api_key: str,
        base_url: str = DEFAULT_BASE_URL,
        slug: str = DEFAULT_SLUG,
        deadline_s: float = DEFAULT_DEADLINE_S,
        *,
        max_body_bytes: int = MAX_BODY_BYTES,
    ) -> None:
        self._http = http
        self._api_key = api_key
        self.base_url = base_url.rstrip("/")
        self.slug = slug.strip().strip("/")
        self.deadline_s = deadline_s
        self.max_body_bytes = max_body_bytes

    def __repr__(self) -> str:
        return f"SegmindClient(base_url={self.base_url!r}, slug={self.slug!r})"

    @property
    def model(self) -> str:
        return self.slug

    def _headers(self) -> dict[str, str]:
        return {"x-api-key": checked_key(self._api_key, "Segmind"), "accept": "application/json"}

    async def _check_status(self, response: httpx.Response) -> None:
        if not 200 <= response.status_code <= 299:
            body = await read_error_body(response)
            raise error_from_response(
                response.status_code,
                response.headers,
                body,
                str(response.request.url),
                secret=self._api_key.strip() or None,
            )

    async def chat(
        self,
        messages: Sequence[domain.Message],
        params: ChatParams | None = None,
        on_delta: DeltaCallback | None = None,
    ) -> ChatReply:
        started = time.monotonic()
        body = {"messages": wire_messages(messages), **(params or ChatParams()).as_body()}
        request = self._http.build_request(
            "POST", f"{self.base_url}/{self.slug}", headers=self._headers(), json=body
        )

        async def handle(response: httpx.Response) -> tuple[Completion, float | None]:
            credits = remaining_credits(response.headers)
            await self._check_status(response)
            text = decode_text(await read_body(response, self.max_body_bytes))
            return completion_from_text(text, response.headers.get("content-type", "")), credits

        completion, credits = await run_exchange(self._http, request, handle, self.deadline_s)
        if on_delta is not None:
            for delta in completion.deltas():
                on_delta(delta)
        return completion.to_reply(credits, started, self.slug)

    async def get_credits(self) -> domain.Credits:
        """The balance, without spending anything (`GET {base}/get-user-credits`)."""
        request = self._http.build_request(
            "GET", f"{self.base_url}/get-user-credits", headers=self._headers()
        )

        async def handle(response: httpx.Response) -> domain.Credits:
            await self._check_status(response)
            data = parse_json(decode_text(await read_body(response, 1024 * 1024)))
            if isinstance(data, dict):
                credits = domain.Credits(
                    remaining=parse_float(data.get("credits")),
                    free=parse_float(data.get("free-credits")),
                )
                if credits.remaining is not None or credits.free is not None:
                    return credits
            raise InvalidResponseError("The server's credits reply did not contain a balance.")

        return await run_exchange(
            self._http, request, handle, min(self.deadline_s, QUICK_DEADLINE_S)
        )
