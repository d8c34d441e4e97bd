"""Segmind: `POST {base}/{slug}` with `x-api-key`; the reply arrives whole (no streaming).

`chat_queued` uses Segmind's queued ("async") mode instead, for replies that outlive a gateway's
time limit (see `segmind_queued`): one POST that is never retried once it may have reached the
server, then GET polls, which spend nothing and so are retried after a transient failure.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import httpx

from r1desk import domain
from r1desk.api.body import (
    MAX_BODY_BYTES,
    decode_text,
    parse_json,
    raise_for_status,
    read_body,
    read_error_body,
)
from r1desk.api.completion import Completion, completion_from_text
from r1desk.api.errors import (
    ApiError,
    ConnectionFailedError,
    InvalidResponseError,
    RequestTimeoutError,
    ServerError,
    deadline_passed,
    error_from_response,
)
from r1desk.api.exchange import checked_key, exchange, run_exchange
from r1desk.api.headers import parse_float, remaining_credits
from r1desk.api.http import DEFAULT_DEADLINE_S
from r1desk.api.segmind_queued import (
    COMPLETED,
    FAILED,
    QueuedTicket,
    completion_from_output,
    failed_from_body,
    failed_from_json,
    parse_status,
    parse_ticket,
    v2_base,
)
from r1desk.api.types import ChatParams, ChatReply, DeltaCallback, wire_messages
from r1desk.texts import QT_TRANSLATE_NOOP

DEFAULT_BASE_URL = "https://api.segmind.com/v1"
DEFAULT_SLUG = "deepseek-reasoner"
QUICK_DEADLINE_S = 30.0  # calls that should be instant (balance)
MAX_POLL_RETRIES = 3  # transient failures in a row while polling before giving up
SMALL_BODY_BYTES = 1024 * 1024  # balance, ticket and status bodies without the reply
_GATEWAY_STATUSES = (502, 503, 504)

StatusCallback = Callable[[str], None]


@dataclass(frozen=True)
class _Poll:
    status: str
    output: object
    credits: float | None


def _transient(error: ApiError) -> bool:
    """A failed poll worth another try: the GET spends nothing."""
    if isinstance(error, ConnectionFailedError):
        return error.retryable
    return isinstance(error, ServerError) and error.status in _GATEWAY_STATUSES


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
        await raise_for_status(response, secret=self._api_key.strip() or None)

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

    async def chat_queued(
        self,
        messages: Sequence[domain.Message],
        params: ChatParams | None = None,
        on_status: StatusCallback | None = None,
        poll_interval_s: float = 2.0,
    ) -> ChatReply:
        """The reply through Segmind's queued mode; `on_status` hears QUEUED / PROCESSING as
        they change. Under the client's deadline; cancelling stops the polling at once."""
        try:
            return await asyncio.wait_for(
                self._queued(messages, params, on_status, poll_interval_s), self.deadline_s
            )
        except asyncio.TimeoutError:
            raise RequestTimeoutError(deadline_passed(self.deadline_s)) from None

    async def _queued(
        self,
        messages: Sequence[domain.Message],
        params: ChatParams | None,
        on_status: StatusCallback | None,
        poll_interval_s: float,
    ) -> ChatReply:
        started = time.monotonic()
        ticket = await self._submit(messages, params)
        reported: str | None = None
        failures = 0
        while True:
            try:
                poll = await self._poll(ticket.status_url)
            except ApiError as error:
                failures += 1
                if not _transient(error) or failures > MAX_POLL_RETRIES:
                    raise
                await asyncio.sleep(poll_interval_s)
                continue
            failures = 0
            if poll.status == COMPLETED:
                if poll.output is None and ticket.response_url is not None:
                    poll = await self._poll(ticket.response_url, result=True)
                completion = completion_from_output(poll.output)
                return completion.to_reply(poll.credits, started, self.slug)
            if poll.status != reported:
                reported = poll.status
                if on_status is not None:
                    on_status(poll.status)
            await asyncio.sleep(poll_interval_s)

    async def _submit(
        self, messages: Sequence[domain.Message], params: ChatParams | None
    ) -> QueuedTicket:
        body = {"messages": wire_messages(messages), **(params or ChatParams()).as_body()}
        request = self._http.build_request(
            "POST", f"{v2_base(self.base_url)}/{self.slug}", headers=self._headers(), json=body
        )

        async def handle(response: httpx.Response) -> QueuedTicket:
            await self._check_status(response)
            data = parse_json(decode_text(await read_body(response, SMALL_BODY_BYTES)))
            return parse_ticket(data, self.base_url)

        return await exchange(self._http, request, handle)

    async def _poll(self, url: str, *, result: bool = False) -> _Poll:
        request = self._http.build_request("GET", url, headers=self._headers())
        secret = self._api_key.strip() or None

        async def handle(response: httpx.Response) -> _Poll:
            credits = remaining_credits(response.headers)
            if not 200 <= response.status_code <= 299:
                body = await read_error_body(response)
                failed = failed_from_body(body, secret)
                if failed is not None:
                    raise failed
                raise error_from_response(
                    response.status_code, response.headers, body, url, secret=secret
                )
            data = parse_json(decode_text(await read_body(response, self.max_body_bytes)))
            status, output = parse_status(data, result=result)
            if status == FAILED:
                raise failed_from_json(data, secret)
            return _Poll(status, output, credits)

        return await exchange(self._http, request, handle)

    async def get_credits(self) -> domain.Credits:
        """The balance, without spending anything (`GET {base}/get-user-credits`)."""
        request = self._http.build_request(
            "GET", f"{self.base_url}/get-user-credits", headers=self._headers()
        )

        async def handle(response: httpx.Response) -> domain.Credits:
            await self._check_status(response)
            data = parse_json(decode_text(await read_body(response, SMALL_BODY_BYTES)))
            if isinstance(data, dict):
                credits = domain.Credits(
                    remaining=parse_float(data.get("credits")),
                    free=parse_float(data.get("free-credits")),
                )
                if credits.remaining is not None or credits.free is not None:
                    return credits
            raise InvalidResponseError(
                QT_TRANSLATE_NOOP(
                    "ApiError", "The server's credits reply did not contain a balance."
                )
            )

        return await run_exchange(
            self._http, request, handle, min(self.deadline_s, QUICK_DEADLINE_S)
        )
