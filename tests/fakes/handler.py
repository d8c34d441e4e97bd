"""The fake server's request handler: routing, triggers, and how each answer is written."""

from __future__ import annotations

import json
import select
import socket
import struct
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any

from tests.fakes import replies
from tests.fakes.models import FakeResponse, RecordedRequest
from tests.fakes.queued import FAIL_TRIGGER, STATUS_PREFIX

if TYPE_CHECKING:
    from tests.fakes.server import FakeServer

_BEARER = "bearer "


class FakeHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # header and body are separate writes; no 40 ms ACK wait
    server_version = "fake-segmind/1.0"
    sys_version = ""

    @property
    def fake(self) -> FakeServer:
        return self.server.fake  # type: ignore[attr-defined,no-any-return]

    def setup(self) -> None:
        super().setup()
        self.fake.track(self.connection, alive=True)

    def finish(self) -> None:
        self.fake.track(self.connection, alive=False)
        super().finish()

    def log_message(self, format: str, *args: Any) -> None:
        self.fake.log(format % args)

    def do_GET(self) -> None:
        self._handle()

    do_POST = do_PUT = do_DELETE = do_PATCH = do_GET

    # -- the request ---------------------------------------------------------------------------

    def _handle(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = {k.lower(): v for k, v in self.headers.items()}
        self.rec = RecordedRequest(self.command, self.path, headers, body)
        self.fake.record(self.rec)
        self.overrides: dict[str, str | None] = {}  # a script's headers, applied to any answer
        if not self._wait(self.fake.gate.is_set):
            return
        scripted = self.fake.next_scripted(self.path)
        if scripted is not None:
            self._play(scripted)
        else:
            self._route()

    def _route(self) -> None:
        path = self.path.split("?", 1)[0].rstrip("/")
        fake = self.fake
        if path == "/v1/get-user-credits":
            if self._allowed("GET") and self._segmind_key_ok():
                self._send(200, fake.credits_body(), replies.JSON_TYPE)
        elif path.startswith("/v1/") and path[4:] in fake.slugs:
            if self._allowed("POST") and self._segmind_key_ok():
                self._chat(model=path[4:], openai=False)
        elif path.startswith(STATUS_PREFIX):
            if self._allowed("GET") and self._segmind_key_ok():
                self._queued_poll(path)
        elif path.startswith("/v2/") and path[4:] in fake.slugs:
            if self._allowed("POST") and self._segmind_key_ok():
                self._queued_submit(model=path[4:])
        elif path == "/openai/v1/chat/completions":
            if self._allowed("POST") and self._bearer_ok():
                self._chat(model=None, openai=True)
        elif path == "/openai/v1/models":
            if self._allowed("GET") and self._bearer_ok():
                body = json.dumps(replies.models_body(fake.models)).encode()
                self._send(200, body, replies.JSON_TYPE)
        else:
            self._error(404, openai=path.startswith("/openai/"))

    def _allowed(self, method: str) -> bool:
        if self.command == method:
            return True
        self._error(405, openai=self.path.startswith("/openai/"), extra={"allow": method})
        return False

    def _segmind_key_ok(self) -> bool:
        if self.rec.headers.get("x-api-key") in self.fake.valid_keys:
            return True
        self._error(401, openai=False)
        return False

    def _bearer_ok(self) -> bool:
        auth = self.rec.headers.get("authorization", "")
        key = auth[len(_BEARER) :] if auth.lower().startswith(_BEARER) else None
        if not self.fake.openai_requires_key or key in self.fake.valid_keys:
            return True
        self._error(401, openai=True)
        return False

    # -- chat -------------------------------------------------------------------------------

    def _chat_body(self, openai: bool) -> dict[str, Any] | None:
        try:
            data = json.loads(self.rec.body)
        except ValueError:
            data = None
        if not isinstance(data, dict) or not isinstance(data.get("messages"), list):
            self._error(400, openai=openai)
            return None
        return data

    def _chat(self, model: str | None, openai: bool) -> None:
        data = self._chat_body(openai)
        if data is None:
            return
        model = model or str(data.get("model") or "unknown")
        text = self.rec.last_user_text()
        # A trigger is the first word, its argument the second; the rest is free text.
        word, arg = ([*text.split()[:2], "", ""])[:2]
        if word in ("!status", "!html") and arg.strip().isdigit():
            self._error(int(arg), openai=openai, html=word == "!html")
            return
        if word == "!timeout":  # a gateway that gave up waiting for the model
            if self._sleep(_number(arg)):
                self._error(504, openai=openai, html=True)
            return
        if word == "!drop":
            self._drop()
            return
        if word == "!garbage":
            self._send(200, replies.GARBAGE_BODY, replies.JSON_TYPE)
            return
        if word == "!slow" and not self._sleep(_number(arg)):
            return
        if word == "!credits":
            self.fake.set_credits(_number(arg))
            reply = ("", f"Credit balance set to {_number(arg):g}.")
        else:
            if not self.fake.charge():
                self._error(406, openai=openai)
                return
            reply = replies.answer_for(text)
            if word == "!echo":
                reply = ("Repeating what was asked.", text.split(None, 1)[1] if arg else "")
        stream = bool(data.get("stream")) and (openai or self.fake.segmind_streams)
        self._answer(model, text, reply, stream)

    def _queued_submit(self, model: str) -> None:
        data = self._chat_body(openai=False)
        if data is None:
            return
        text = self.rec.last_user_text()
        completion: dict[str, object] | None = None
        if text.split()[:1] != [FAIL_TRIGGER]:
            if not self.fake.charge():
                self._error(406, openai=False)
                return
            reasoning, content = replies.answer_for(text)
            usage = replies.usage_for(text, reasoning, content)
            style = self.fake.reasoning_style
            completion = replies.completion_body(model, style, reasoning, content, usage)
        job = self.fake.jobs.add(completion, self.fake.queued_polls)
        body = json.dumps(self.fake.jobs.ticket(job, self.fake.origin)).encode()
        self._send(200, body, replies.JSON_TYPE)

    def _queued_poll(self, path: str) -> None:
        job, what = self.fake.jobs.find(path)
        if job is None or what not in ("status", "response"):
            self._error(404, openai=False)
            return
        status, data = job.status_reply() if what == "status" else job.result_reply()
        self._send(status, json.dumps(data).encode(), replies.JSON_TYPE)

    def _answer(self, model: str, prompt: str, reply: tuple[str, str], stream: bool) -> None:
        reasoning, content = reply
        style = self.fake.reasoning_style if reasoning else "field"
        usage = replies.usage_for(prompt, reasoning, content)
        if not stream:
            body = replies.completion_body(model, style, reasoning, content, usage)
            self._send(200, json.dumps(body).encode(), replies.JSON_TYPE)
            return
        events = replies.sse_events(model, style, reasoning, content, usage, self.fake.piece_chars)
        self._stream(events)

    # -- writing ----------------------------------------------------------------------------

    def _play(self, script: FakeResponse) -> None:
        if script.hang and not self._wait(self.fake.hang_release.is_set):
            return
        if script.delay and not self._sleep(script.delay):
            return
        self.overrides = {k.lower(): v for k, v in script.headers.items()}
        if script.drop:
            self._drop()
            return
        if script.body is None and script.status == 200:
            self._route()
            return
        headers: dict[str, str | None] = {**replies.status_headers(script.status)}
        if script.body is None:
            body, ctype = replies.status_body(script.status, html=script.html)
        elif isinstance(script.body, (dict, list)):
            body, ctype = json.dumps(script.body).encode(), replies.JSON_TYPE
        else:
            body = script.body.encode() if isinstance(script.body, str) else script.body
            ctype = replies.HTML_TYPE if body.lstrip().startswith(b"<") else "text/plain"
        self._send(
            script.status, body, script.content_type or ctype, headers, script.reset_mid_body
        )

    def _error(
        self, status: int, openai: bool, html: bool = False, extra: dict[str, str] | None = None
    ) -> None:
        body, ctype = replies.status_body(status, html=html, openai=openai)
        headers: dict[str, str | None] = {**replies.status_headers(status), **(extra or {})}
        self._send(status, body, ctype, headers)

    def _head(self, status: int, ctype: str, headers: dict[str, str | None]) -> None:
        self.send_response(status)
        merged: dict[str, str | None] = {
            "content-type": ctype,
            "x-remaining-credits": self.fake.credits_header(),
        }
        merged.update({k.lower(): v for k, v in headers.items()})
        merged.update(self.overrides)
        for name, value in merged.items():
            if value is not None:
                self.send_header(name, value)
        self.end_headers()

    def _send(
        self,
        status: int,
        body: bytes,
        ctype: str,
        headers: dict[str, str | None] | None = None,
        reset_mid_body: bool = False,
    ) -> None:
        self._head(status, ctype, {**(headers or {}), "content-length": str(len(body))})
        try:
            self.wfile.write(body[: len(body) // 2] if reset_mid_body else body)
            self.wfile.flush()
        except OSError:
            self._gone()
            return
        if reset_mid_body:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True

    def _stream(self, events: list[str]) -> None:
        self._head(
            200,
            "text/event-stream; charset=utf-8",
            {"cache-control": "no-cache", "transfer-encoding": "chunked"},
        )
        for event in events:
            if self.fake.chunk_delay and not self._sleep(self.fake.chunk_delay):
                return
            data = event.encode()
            half = len(data) // 2  # two writes per event: lines arrive split
            try:
                for part in (data[:half], data[half:]):
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
                self.wfile.flush()
            except OSError:
                self._gone()
                return
        try:
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()
        except OSError:
            self._gone()

    def _drop(self) -> None:
        self.close_connection = True

    def _gone(self) -> None:
        self.rec.disconnected.set()
        self.close_connection = True

    # -- waiting while watching the client ---------------------------------------------------

    def _client_gone(self) -> bool:
        try:
            readable, _, _ = select.select([self.connection], [], [], 0)
            return bool(readable) and self.connection.recv(1, socket.MSG_PEEK) == b""
        except OSError:
            return True

    def _wait(self, done: Callable[[], bool], timeout: float | None = None) -> bool:
        """True when `done` (or the timeout) came; False if the client left or the server stops."""
        end = None if timeout is None else time.monotonic() + timeout
        while not done():
            if self.fake.stopping.is_set():
                self.close_connection = True
                return False
            if self._client_gone():
                self._gone()
                return False
            if end is not None and time.monotonic() >= end:
                return True
            time.sleep(0.01)
        return True

    def _sleep(self, seconds: float) -> bool:
        return self._wait(lambda: False, timeout=seconds)


def _number(text: str) -> float:
    try:
        return float(text.strip())
    except ValueError:
        return 0.0
