"""API client overhead against the loopback fake Segmind server.

Two intervals per call of `SegmindClient.chat` (20-message history, the app's httpx client):
"send": from the call until the fake server has the whole request; "receive": from the
server's last byte written until `chat` returns its `ChatReply`. Baseline, same run, same
server and body: a raw `httpx.AsyncClient.post` + `response.json()`. Medians of alternating
runs on one plain asyncio loop (the app runs the same client on qasync).
Run alone: `python -m benchmarks.bench_api`.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import time
from typing import Any

import httpx

from benchmarks.data import START, TextMaker, make_messages, quick_mode
from benchmarks.report import Result, make_result
from r1desk.api import SegmindClient, make_http_client, wire_messages
from tests.fakes.handler import FakeHandler
from tests.fakes.models import RecordedRequest
from tests.fakes.server import FakeServer

BUDGET_MS = 5.0
KEY = "test-key"


class TimedServer(FakeServer):
    """The fake, noting when each request was complete and when its reply's last byte left."""

    def __init__(self) -> None:
        super().__init__()
        self.arrived: list[float] = []
        self.sent: list[float] = []
        self.credits = 1e9

    def record(self, request: RecordedRequest) -> None:
        self.arrived.append(time.perf_counter())
        super().record(request)

    def start(self) -> TimedServer:
        super().start()
        assert self._server is not None
        self._server.RequestHandlerClass = TimedHandler
        return self


class TimedHandler(FakeHandler):
    # Real servers send with TCP_NODELAY; without it the fake's two writes (head, body) wait
    # ~40 ms for a delayed ACK and the benchmark would measure the kernel, not the client.
    disable_nagle_algorithm = True

    def _send(self, *args: Any, **kwargs: Any) -> None:
        super()._send(*args, **kwargs)
        self.fake.sent.append(time.perf_counter())  # type: ignore[attr-defined]


async def measure(server: TimedServer, rounds: int) -> dict[str, list[float]]:
    messages = make_messages(TextMaker(3), 19, START)
    body = {"messages": wire_messages(messages), "max_tokens": 4096}
    url = f"{server.base_url}/deepseek-reasoner"
    times: dict[str, list[float]] = {"send": [], "receive": [], "raw_send": [], "raw_receive": []}
    async with make_http_client() as http, httpx.AsyncClient() as raw:
        client = SegmindClient(http, KEY, base_url=server.base_url)

        async def app_call() -> None:
            await client.chat(messages)

        async def raw_call() -> None:
            response = await raw.post(url, json=body, headers={"x-api-key": KEY})
            response.raise_for_status()
            response.json()

        for round_ in range(rounds + 2):  # two warm-up rounds open the connections
            for prefix, call in (("", app_call), ("raw_", raw_call)):
                started = time.perf_counter()
                await call()
                done = time.perf_counter()
                if round_ >= 2:
                    times[prefix + "send"].append((server.arrived[-1] - started) * 1000)
                    times[prefix + "receive"].append((done - server.sent[-1]) * 1000)
    return times


def run() -> list[Result]:
    rounds = 15 if quick_mode() else 60
    server = TimedServer().start()
    try:
        times = asyncio.run(measure(server, rounds))
    finally:
        server.stop()
    med = {name: statistics.median(values) for name, values in times.items()}
    p90 = {name: statistics.quantiles(values, n=10)[-1] for name, values in times.items()}
    note = "median of {n}; p90 {v:.2f} ms (baseline {b:.2f} ms)"
    return [
        make_result(
            f"api.{kind}_overhead",
            med[kind],
            "ms",
            med["raw_" + kind],
            BUDGET_MS,
            note=note.format(n=rounds, v=p90[kind], b=p90["raw_" + kind]),
        )
        for kind in ("send", "receive")
    ]


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
