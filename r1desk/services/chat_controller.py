"""Sending messages and receiving replies: the one place where a chat turn happens.

Every message the user would miss after a crash is committed before the next await:
the user's message before the request, a placeholder for the reply while it is pending,
and the reply the moment it completes, fails or is stopped. A streaming reply's text so far
is saved every CHECKPOINT_INTERVAL_S too, so a crash loses only its last few seconds.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import sqlite3
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from r1desk import api
from r1desk.domain import Message, MessageStatus, Role, title_from_first_message
from r1desk.secrets import KeyStoreError
from r1desk.services.credits import CreditsMonitor
from r1desk.services.failures import (
    describe_failure,
    describe_unsaved_message,
    describe_unsaved_reply,
)
from r1desk.services.providers import ProviderSession
from r1desk.services.tasks import TaskKeeper
from r1desk.storage import Repository
from r1desk.texts import render

if TYPE_CHECKING:  # asyncio loads after the first paint (see app.run_gui)
    import asyncio

log = logging.getLogger(__name__)
STREAM_PUBLISH_INTERVAL_S = 0.05
CHECKPOINT_INTERVAL_S = 2.0
STOPPED_TEXT = "Stopped — the reply is incomplete."
# Shown in a pending reply's `error` while Segmind's queued mode reports progress.
QUEUED_STATUS_TEXT = {"QUEUED": "Queued…", "PROCESSING": "Processing…"}
QUEUED_POLL_INTERVAL_S = 2.0


class ChatController(QObject):
    message_added = Signal(object)  # Message
    message_updated = Signal(object)  # Message (a copy; also for streamed partial text)
    conversation_changed = Signal(int)  # its title, order or messages changed
    messages_reset = Signal(int)  # messages were removed; reload this conversation
    busy_changed = Signal(int, bool)  # conversation id, a reply is in flight
    reply_finished = Signal(object)  # Message
    reply_failed = Signal(object)  # Failure

    def __init__(
        self,
        repo: Repository,
        providers: ProviderSession,
        credits: CreditsMonitor,
        tasks: TaskKeeper,
    ) -> None:
        super().__init__()
        self._repo = repo
        self._providers = providers
        self._credits = credits
        self._tasks = tasks
        self._in_flight: dict[int, asyncio.Task[Any]] = {}

    # -- what the UI asks for ------------------------------------------------------------

    def is_busy(self, conversation_id: int) -> bool:
        return conversation_id in self._in_flight

    def send(self, conversation_id: int, text: str) -> bool:
        """Store the user's message and ask for a reply. False if one is already running."""
        text = text.strip()
        if not text or self.is_busy(conversation_id):
            return False
        conversation = self._repo.get_conversation(conversation_id, with_messages=False)
        try:
            user, pending = self._repo.add_exchange(
                conversation_id,
                Message(Role.USER, text),
                self._pending_reply(),
                title=None if conversation.title else title_from_first_message(text),
            )
        except sqlite3.Error as error:  # nothing was stored; the composer keeps the text
            log.error("Could not store a sent message: %s", error)
            self.reply_failed.emit(describe_unsaved_message(conversation_id, error))
            return False
        self.message_added.emit(user)
        self.conversation_changed.emit(conversation_id)
        self._await_reply(conversation_id, pending)
        return True

    def stop(self, conversation_id: int) -> None:
        task = self._in_flight.get(conversation_id)
        if task is not None:
            task.cancel()

    def stop_all(self) -> None:
        for task in list(self._in_flight.values()):
            task.cancel()

    def retry(self, conversation_id: int) -> bool:
        """Drop a failed or stopped reply at the end and ask again."""
        return self._retry(conversation_id, queued=False)

    def retry_queued(self, conversation_id: int) -> bool:
        """Like `retry`, through Segmind's queued mode (no gateway time limit)."""
        return self._retry(conversation_id, queued=True)

    def _retry(self, conversation_id: int, *, queued: bool) -> bool:
        if self.is_busy(conversation_id):
            return False
        messages = self._repo.messages(conversation_id)
        if messages and messages[-1].role is Role.ASSISTANT:
            if messages[-1].status is MessageStatus.COMPLETE:
                return False
            self._remove(messages[-1])
        if not messages or not any(m.role is Role.USER for m in messages):
            return False
        self._start_reply(conversation_id, queued=queued)
        return True

    def regenerate(self, conversation_id: int) -> bool:
        """Replace the last reply, whatever its state, with a new one."""
        if self.is_busy(conversation_id):
            return False
        messages = self._repo.messages(conversation_id)
        if not messages or messages[-1].role is not Role.ASSISTANT:
            return False
        self._remove(messages[-1])
        self._start_reply(conversation_id)
        return True

    def edit_and_resend(self, message: Message, new_text: str) -> bool:
        """Replace a user message and everything after it with the edited text."""
        if message.id is None or message.conversation_id is None or not new_text.strip():
            return False
        conversation_id = message.conversation_id
        if self.is_busy(conversation_id):
            return False
        self._repo.delete_messages_from(conversation_id, message.id)
        self.messages_reset.emit(conversation_id)
        return self.send(conversation_id, new_text)

    def delete_message(self, message: Message) -> None:
        if message.id is None or message.conversation_id is None:
            return
        if message.status is MessageStatus.PENDING:
            self.stop(message.conversation_id)
            return
        self._remove(message)

    # -- the reply -------------------------------------------------------------------------

    def _remove(self, message: Message) -> None:
        assert message.id is not None and message.conversation_id is not None
        self._repo.delete_message(message.id)
        self.messages_reset.emit(message.conversation_id)

    def _start_reply(self, conversation_id: int, *, queued: bool = False) -> None:
        pending = self._repo.add_message(conversation_id, self._pending_reply())
        self._await_reply(conversation_id, pending, queued=queued)

    def _pending_reply(self) -> Message:
        where = self._providers.endpoint()
        return Message(
            Role.ASSISTANT,
            "",
            status=MessageStatus.PENDING,
            provider=where.provider,
            model=where.model,
            credits_before=self._credits.remaining,
        )

    def _await_reply(self, conversation_id: int, pending: Message, *, queued: bool = False) -> None:
        """Show the stored `pending` reply and ask the provider for it."""
        self.message_added.emit(dataclasses.replace(pending))
        task = self._tasks.spawn(self._reply(conversation_id, pending, queued), name="reply")
        self._in_flight[conversation_id] = task
        self.busy_changed.emit(conversation_id, True)

    def _request(self, conversation_id: int) -> tuple[list[Message], api.ChatParams]:
        """What goes on the wire: the system prompt, the turns without reasoning, and the
        parameters (the conversation's own where set, else the app's)."""
        conversation = self._repo.get_conversation(conversation_id, with_messages=False)
        own, app = conversation.settings, self._providers.settings
        system_prompt = own.system_prompt if own.system_prompt is not None else app.system_prompt
        history = [Message(Role.SYSTEM, system_prompt)] if system_prompt else []
        history += self._repo.turns(conversation_id)
        params = api.ChatParams(
            max_tokens=own.max_tokens if own.max_tokens is not None else app.max_tokens,
            temperature=own.temperature if own.temperature is not None else app.temperature,
            top_p=own.top_p if own.top_p is not None else app.top_p,
        )
        return history, params

    def _show_status(self, pending: Message, status: str) -> None:
        pending.error = QUEUED_STATUS_TEXT.get(status, pending.error)
        self.message_updated.emit(dataclasses.replace(pending))

    async def _reply(self, conversation_id: int, pending: Message, queued: bool) -> None:
        import asyncio

        started = time.monotonic()
        stream = _StreamedText(pending, started, self.message_updated.emit, self._save_partial)
        mode = self._providers.settings.segmind_queued_mode
        can_queue = False
        try:
            # One event-loop pass first: the window lays out and paints the sent message
            # before the history is read and encoded (~5-10 ms in a long conversation).
            await asyncio.sleep(0)
            await self._providers.ready()
            client = self._providers.chat_client()
            history, params = self._request(conversation_id)
            if isinstance(client, api.SegmindClient) and (queued or mode == "always"):
                on_status = functools.partial(self._show_status, pending)
                reply = await client.chat_queued(
                    history, params, on_status, poll_interval_s=QUEUED_POLL_INTERVAL_S
                )
            else:
                can_queue = isinstance(client, api.SegmindClient) and mode != "never"
                reply = await client.chat(history, params, stream.add)
        except asyncio.CancelledError:
            stream.close()
            pending.status = MessageStatus.INTERRUPTED
            pending.error = STOPPED_TEXT
            pending.elapsed_s = time.monotonic() - started
            self._finish(conversation_id, pending)
            raise
        except Exception as error:  # every failure is shown; none may escape silently
            stream.close()
            if not isinstance(error, api.ApiError | KeyStoreError):  # those are logged already
                log.exception("Unexpected error while waiting for a reply")
            waited = time.monotonic() - started
            failure = describe_failure(conversation_id, error, waited_s=waited, can_queue=can_queue)
            pending.status = MessageStatus.FAILED
            # Stored as the user read it: in the UI's language at the time of the failure.
            pending.error = render(failure.text, QCoreApplication.translate)
            pending.elapsed_s = time.monotonic() - started
            if isinstance(error, api.InsufficientCreditsError):
                self._credits.observe_reply(error.remaining_credits, None)
            self._finish(conversation_id, pending)
            self.reply_failed.emit(failure)
            return
        stream.close()
        pending.content = reply.content
        pending.reasoning = reply.reasoning
        pending.usage = reply.usage
        pending.model = reply.model or pending.model
        pending.credits_after = reply.remaining_credits
        pending.elapsed_s = time.monotonic() - started  # the clock thought_s was read on
        pending.status = MessageStatus.COMPLETE
        pending.error = ""
        self._finish(conversation_id, pending)
        self._credits.observe_reply(reply.remaining_credits, pending.cost)
        self.reply_finished.emit(dataclasses.replace(pending))

    def _save_partial(self, reply: Message) -> None:
        try:
            self._repo.save_partial_reply(reply)
        except sqlite3.Error:  # the final write will try again; the stream goes on
            log.warning("Could not save the partial reply", exc_info=True)

    def _finish(self, conversation_id: int, reply: Message) -> None:
        """Store the reply as it ended and show it; a refused write (a full disk) must not
        leave the conversation busy forever with the reply's text only in memory, unseen."""
        unsaved = None
        try:
            self._repo.update_message(reply)
        except sqlite3.Error as error:
            log.error("Could not store a reply: %s", error)
            unsaved = describe_unsaved_reply(conversation_id, error)
        self._in_flight.pop(conversation_id, None)
        self.message_updated.emit(dataclasses.replace(reply))
        self.busy_changed.emit(conversation_id, False)
        self.conversation_changed.emit(conversation_id)
        if unsaved is not None:
            self.reply_failed.emit(unsaved)


class _StreamedText:
    """Collects streamed deltas into the pending reply and publishes a copy at most every
    STREAM_PUBLISH_INTERVAL_S (the view redraws no faster), so a fast stream costs little.
    At most every CHECKPOINT_INTERVAL_S, a published copy is also given to `checkpoint`."""

    def __init__(
        self,
        pending: Message,
        started: float,
        publish: Callable[[Message], None],
        checkpoint: Callable[[Message], None],
    ) -> None:
        self._pending = pending
        self._started = started  # time.monotonic() when the request was sent
        self._publish = publish
        self._checkpoint = checkpoint
        self._checkpointed = time.monotonic()
        self._parts: dict[str, list[str]] = {"reasoning": [pending.reasoning], "content": []}
        self._parts["content"].append(pending.content)
        self._timer: asyncio.TimerHandle | None = None

    def add(self, delta: api.Delta) -> None:
        self._parts[delta.kind].append(delta.text)
        if delta.kind == "content" and self._pending.thought_s is None and delta.text.strip():
            self._pending.thought_s = time.monotonic() - self._started  # the answer begins
        if self._timer is None:
            import asyncio

            loop = asyncio.get_event_loop()
            self._timer = loop.call_later(STREAM_PUBLISH_INTERVAL_S, self._flush)

    def _flush(self) -> None:
        self._timer = None
        self._sync()
        copy = dataclasses.replace(self._pending)
        self._publish(copy)
        if time.monotonic() - self._checkpointed >= CHECKPOINT_INTERVAL_S:
            self._checkpointed = time.monotonic()
            self._checkpoint(copy)

    def _sync(self) -> None:
        self._pending.reasoning = "".join(self._parts["reasoning"])
        self._pending.content = "".join(self._parts["content"])

    def close(self) -> None:
        """Stop publishing; the pending reply holds everything that arrived."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self._sync()
