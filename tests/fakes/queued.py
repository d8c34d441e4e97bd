"""The fake's Segmind queued ("async") mode: jobs that finish after a number of status polls.

    POST /v2/{slug}                      -> {"request_id", "status_url", "response_url"}
    GET  /v2/requests/{id}/status        -> QUEUED (first poll), PROCESSING, ..., then COMPLETED
                                            with `output` = the chat.completion as a JSON string,
                                            or HTTP 422 {"status": "FAILED", "error": ...}
    GET  /v2/requests/{id}/response      -> {"output": ...} once completed

A job answers `polls_before_done` polls before it completes (FakeServer.queued_polls).
The content trigger `!queued-fail` makes the job fail instead.
"""

from __future__ import annotations

import itertools
import json
import threading
from dataclasses import dataclass

STATUS_PREFIX = "/v2/requests/"
FAIL_TRIGGER = "!queued-fail"
FAILED_ERROR = "Model execution failed: the worker ran out of memory"


@dataclass
class QueuedJob:
    request_id: str
    completion: dict[str, object] | None  # None: the job fails
    polls_before_done: int
    polls: int = 0

    def status_reply(self) -> tuple[int, dict[str, object]]:
        """(HTTP status, body) for one more poll."""
        self.polls += 1
        if self.polls <= self.polls_before_done:
            state = "QUEUED" if self.polls == 1 else "PROCESSING"
            return 200, {"request_id": self.request_id, "status": state}
        if self.completion is None:
            return 422, {"request_id": self.request_id, "status": "FAILED", "error": FAILED_ERROR}
        output = json.dumps(self.completion)
        return 200, {"request_id": self.request_id, "status": "COMPLETED", "output": output}

    def result_reply(self) -> tuple[int, dict[str, object]]:
        if self.completion is None:
            return 404, {"error": "This request has no result"}
        return 200, {"request_id": self.request_id, "output": json.dumps(self.completion)}


class QueuedJobs:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._jobs: dict[str, QueuedJob] = {}
        self._ids = itertools.count(1)

    def add(self, completion: dict[str, object] | None, polls_before_done: int) -> QueuedJob:
        with self._lock:
            job = QueuedJob(f"req-{next(self._ids):04d}", completion, polls_before_done)
            self._jobs[job.request_id] = job
            return job

    def find(self, path: str) -> tuple[QueuedJob | None, str]:
        """The job a `/v2/requests/{id}/{what}` path names, and `what`."""
        rest = path[len(STATUS_PREFIX) :].split("/")
        if len(rest) != 2:
            return None, ""
        with self._lock:
            return self._jobs.get(rest[0]), rest[1]

    def ticket(self, job: QueuedJob, origin: str) -> dict[str, object]:
        where = f"{origin}{STATUS_PREFIX}{job.request_id}"
        return {
            "request_id": job.request_id,
            "status_url": f"{where}/status",
            "response_url": f"{where}/response",
        }
