"""A faithful fake of Segmind and of an OpenAI-compatible server, on a real loopback socket.

Endpoints (see docs api-facts.md):
    POST /v1/{slug}                    Segmind chat (x-api-key), a whole JSON reply
    GET  /v1/get-user-credits          Segmind balance: {"credits": x, "free-credits": y}
    POST /v2/{slug}                    Segmind queued mode; polled at /v2/requests/{id}/status
                                       (tests/fakes/queued.py)
    POST /openai/v1/chat/completions   OpenAI-style chat; SSE when the body has "stream": true
    GET  /openai/v1/models             the model list

Every response carries `x-remaining-credits`; each successful chat costs `cost_per_call`.
When the balance is below the cost, chats get 406.

Content triggers, read from the last user message, so a person (or a GUI test) can drive
failures from the chat box:
    !status N    reply with HTTP status N and a realistic body (429 comes with retry-after)
    !html N      reply with status N and an HTML error page
    !slow S      answer normally after S seconds
    !timeout S   after S seconds (default 0) a 504 HTML gateway page (chat endpoints, not /v2)
    !queued-fail a queued (/v2) request that ends FAILED (HTTP 422 on its status URL)
    !drop        close the connection without a response
    !garbage     200 with a truncated, invalid JSON body
    !credits X   set the balance to X (answers without charging)
    !echo TEXT   answer with TEXT itself as the Markdown reply (a long reply, in benchmarks)
Anything else gets a deterministic Markdown answer (a table and a Python block) that echoes the
text, with reasoning "The user asked about: <text> ...", in `reasoning_style`:
"field" (reasoning_content), "reasoning" (reasoning), "think" (inline) or "bare" (only </think>).

Tests can also `queue(FakeResponse(...))` to script the next response (of a request whose path
starts with its `only_path`, when set), and `hold()`/`release()`
to keep requests waiting (they are recorded first; `wait_for_requests` helps to sync).
"""

from __future__ import annotations

import contextlib
import json
import threading
from http.server import ThreadingHTTPServer
from types import TracebackType

from tests.fakes.handler import FakeHandler
from tests.fakes.models import FakeResponse, RecordedRequest
from tests.fakes.queued import STATUS_PREFIX, QueuedJobs
from tests.fakes.replies import ReasoningStyle

__all__ = ["FakeResponse", "FakeServer", "RecordedRequest"]


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], fake: FakeServer) -> None:
        self.fake = fake
        super().__init__(address, FakeHandler)


class FakeServer:
    def __init__(self, port: int = 0, host: str = "127.0.0.1") -> None:
        self._address = (host, port)
        self._server: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Condition()
        self._requests: list[RecordedRequest] = []
        self._script: list[FakeResponse] = []
        self._connections: set[object] = set()
        self.gate = threading.Event()  # open (set) unless held
        self.gate.set()
        self.hang_release = threading.Event()
        self.stopping = threading.Event()
        self.credits = 10.0
        self.free_credits = 0.0184921035
        self.cost_per_call = 0.0125
        self.valid_keys = {"test-key"}
        self.openai_requires_key = False
        self.reasoning_style: ReasoningStyle = "field"
        self.slugs = {"deepseek-reasoner", "deepseek-chat"}
        self.models = ["deepseek-reasoner", "deepseek-chat"]
        self.chunk_delay = 0.0  # seconds between SSE events
        self.piece_chars = 7  # characters per streamed delta
        self.segmind_streams = False  # answer "stream": true with SSE on the Segmind side too
        self.send_credits_header = True
        self.credits_header_text: str | None = None  # e.g. "n/a"; None: the real balance
        self.verbose = False
        self.jobs = QueuedJobs()
        self.queued_polls = 2  # status polls a queued job answers before it is finished

    # -- life cycle ---------------------------------------------------------------------------

    def start(self) -> FakeServer:
        self._server = _HTTPServer(self._address, self)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.release()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        with self._lock:
            connections = list(self._connections)
        for sock in connections:
            with contextlib.suppress(OSError):
                sock.shutdown(2)  # type: ignore[attr-defined]
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._server is not None, "start() the server first"
        return int(self._server.server_address[1])

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        return f"{self.origin}/v1"

    @property
    def openai_base_url(self) -> str:
        return f"{self.origin}/openai/v1"

    # -- scripting ----------------------------------------------------------------------------

    def queue(self, *responses: FakeResponse) -> None:
        with self._lock:
            self._script.extend(responses)

    def hold(self) -> None:
        """Keep every new request waiting (after it is recorded) until release()."""
        self.gate.clear()

    def release(self) -> None:
        self.gate.set()
        self.hang_release.set()

    # -- records ------------------------------------------------------------------------------

    @property
    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._requests)

    def wait_for_requests(self, count: int, timeout: float = 5.0) -> list[RecordedRequest]:
        with self._lock:
            if not self._lock.wait_for(lambda: len(self._requests) >= count, timeout):
                raise TimeoutError(f"{len(self._requests)} requests arrived, not {count}")
            return list(self._requests)

    def chat_requests(self) -> list[RecordedRequest]:
        return [r for r in self.requests if r.method == "POST"]

    def status_polls(self) -> list[RecordedRequest]:
        return [r for r in self.requests if r.path.startswith(STATUS_PREFIX)]

    # -- used by the handler ------------------------------------------------------------------

    def record(self, request: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(request)
            self._lock.notify_all()

    def next_scripted(self, path: str = "") -> FakeResponse | None:
        with self._lock:
            for index, script in enumerate(self._script):
                if script.only_path is None or path.startswith(script.only_path):
                    return self._script.pop(index)
            return None

    def track(self, sock: object, alive: bool) -> None:
        with self._lock:
            (self._connections.add if alive else self._connections.discard)(sock)

    def charge(self) -> bool:
        """Take the cost of one reply; False when the balance is too low."""
        with self._lock:
            if self.credits < self.cost_per_call:
                return False
            self.credits = round(self.credits - self.cost_per_call, 10)
            return True

    def set_credits(self, value: float) -> None:
        with self._lock:
            self.credits = value

    def credits_header(self) -> str | None:
        if not self.send_credits_header:
            return None
        if self.credits_header_text is not None:
            return self.credits_header_text
        with self._lock:
            return f"{self.credits:.4f}"

    def credits_body(self) -> bytes:
        with self._lock:
            return json.dumps({"credits": self.credits, "free-credits": self.free_credits}).encode()

    def log(self, line: str) -> None:
        if self.verbose:
            print(line, flush=True)
