"""OpenAI-compatible providers (DeepSeek, Ollama, llama.cpp, vLLM): `POST {base}/chat/completions`.

Streams by default: deltas reach `on_delta` as they arrive. A plain JSON body (or a JSON error)
where a stream was asked for is accepted too.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from contextlib import aclosing

import httpx

from r1desk import domain
from r1desk.api.body import MAX_BODY_BYTES, decode_text, parse_json, raise_for_status, read_body
from r1desk.api.completion import Completion, StreamAccumulator, completion_from_text
from r1desk.api.errors import ConnectionLostError, InvalidResponseError
from r1desk.api.exchange import checked_key, run_exchange
from r1desk.api.headers import remaining_credits
from r1desk.api.http import DEFAULT_DEADLINE_S
from r1desk.api.reasoning import DEFAULT_BARE_WINDOW, Delta
from r1desk.api.sse import aiter_sse
from r1desk.api.types import ChatParams, ChatReply, DeltaCallback, wire_messages
from r1desk.texts import QT_TRANSLATE_NOOP

QUICK_DEADLINE_S = 30.0


class OpenAICompatClient:
    def __init__(
        self,
        http: httpx.AsyncClient,
        base_url: str,
        model: str,
        api_key: str | None = None,
        stream: bool = True,
        provider_name: str = "openai",
        deadline_s: float = DEFAULT_DEADLINE_S,
        *,
        max_body_bytes: int = MAX_BODY_BYTES,
        bare_window: int | None = DEFAULT_BARE_WINDOW,
    ) -> None:
        self._http = http
        self._api_key = api_key
        self.base_url = base_url.rstrip("/")
        self._model = model
        self.stream = stream
        self._provider_name = provider_name
        self.deadline_s = deadline_s
        self.max_body_bytes = max_body_bytes
        self.bare_window = bare_window

    def __repr__(self) -> str:
        return (
            f"OpenAICompatClient(provider={self._provider_name!r}, base_url={self.base_url!r}, "
            f"model={self._model!r}, stream={self.stream!r})"
        )

    @property
    def provider_name(self) -> str:
        return self._provider_name

    @property
    def model(self) -> str:
        return self._model

    def _headers(self, accept: str) -> dict[str, str]:
        headers = {"accept": accept}
        if self._api_key is not None and self._api_key.strip():
            headers["authorization"] = "Bearer " + checked_key(self._api_key, self._provider_name)
        return headers

    async def _check_status(self, response: httpx.Response) -> None:
        await raise_for_status(response, secret=(self._api_key or "").strip() or None)

    async def chat(
        self,
        messages: Sequence[domain.Message],
        params: ChatParams | None = None,
        on_delta: DeltaCallback | None = None,
    ) -> ChatReply:
        started = time.monotonic()
        body = {
            "model": self._model,
            "messages": wire_messages(messages),
            "stream": self.stream,
            **(params or ChatParams()).as_body(),
        }
        accept = "text/event-stream" if self.stream else "application/json"
        request = self._http.build_request(
            "POST", f"{self.base_url}/chat/completions", headers=self._headers(accept), json=body
        )

        def emit(deltas: list[Delta]) -> None:
            if on_delta is not None:
                for delta in deltas:
                    on_delta(delta)

        async def handle(response: httpx.Response) -> tuple[Completion, float | None]:
            credits = remaining_credits(response.headers)
            await self._check_status(response)
            content_type = response.headers.get("content-type", "")
            if "text/event-stream" not in content_type.lower():
                text = decode_text(await read_body(response, self.max_body_bytes))
                completion = completion_from_text(text, content_type)
                emit(completion.deltas())
                return completion, credits
            accumulator = StreamAccumulator(self.bare_window)
            # A bad event is remembered, not raised mid-loop: abandoning httpx's inner
            # generators leaves them to be finalised in another task, which anyio refuses.
            failure: InvalidResponseError | None = None
            async with aclosing(aiter_sse(response, self.max_body_bytes)) as events:
                async for event in events:
                    if accumulator.done or failure is not None:
                        continue
                    try:
                        emit(accumulator.add_event(event))
                    except InvalidResponseError as error:
                        failure = error
            if failure is not None:
                raise failure
            emit(accumulator.finish())
            if not accumulator.complete:
                raise ConnectionLostError(
                    QT_TRANSLATE_NOOP("ApiError", "The reply stopped before it was complete.")
                )
            return accumulator.result(), credits

        completion, credits = await run_exchange(self._http, request, handle, self.deadline_s)
        return completion.to_reply(credits, started, self._model)

    async def list_models(self) -> list[str]:
        """Model names (`GET {base}/models`): the cheapest call, good for "Test connection"."""
        request = self._http.build_request(
            "GET", f"{self.base_url}/models", headers=self._headers("application/json")
        )

        async def handle(response: httpx.Response) -> list[str]:
            await self._check_status(response)
            data = parse_json(decode_text(await read_body(response, self.max_body_bytes)))
            items = data.get("data", data.get("models")) if isinstance(data, dict) else None
            if not isinstance(items, list):
                raise InvalidResponseError(
                    QT_TRANSLATE_NOOP(
                        "ApiError", "The server's model list did not have the expected shape."
                    )
                )
            names = [i.get("id") or i.get("name") if isinstance(i, dict) else i for i in items]
            return [n for n in names if isinstance(n, str) and n]

        return await run_exchange(
            self._http, request, handle, min(self.deadline_s, QUICK_DEADLINE_S)
        )
