"""The remaining balance and the cost of the last reply, as the status bar shows them."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from r1desk import api
from r1desk.domain import Credits
from r1desk.services.providers import ProviderSession
from r1desk.services.tasks import TaskKeeper

log = logging.getLogger(__name__)


class CreditsMonitor(QObject):
    """Knows the latest balance: from `get-user-credits` or from any reply's header."""

    credits_changed = Signal(object)  # Credits | None
    cost_changed = Signal(object)  # float | None: what the last reply spent
    check_failed = Signal(object)  # str (a Text): a human reason the balance could not be read

    def __init__(self, providers: ProviderSession, tasks: TaskKeeper) -> None:
        super().__init__()
        self._providers = providers
        self._tasks = tasks
        self.credits: Credits | None = None

    @property
    def remaining(self) -> float | None:
        return self.credits.remaining if self.credits else None

    def refresh(self) -> None:
        """Ask the provider for the balance without spending anything."""
        self._tasks.spawn(self._fetch(), name="credits-check")

    async def _fetch(self) -> None:
        await self._providers.ready()
        client = self._providers.credits_client()
        if client is None:
            self.credits = None
            self.credits_changed.emit(None)
            return
        try:
            credits = await client.get_credits()
        except api.ApiError as error:
            log.info("Credits check failed: %s", error.user_message)
            self.check_failed.emit(error.user_message)
            return
        self.credits = credits
        self.credits_changed.emit(credits)

    def observe_reply(self, remaining: float | None, cost: float | None) -> None:
        """A reply (or an error) reported the balance in its headers."""
        if remaining is not None:
            free = self.credits.free if self.credits else None
            self.credits = Credits(remaining=remaining, free=free)
            self.credits_changed.emit(self.credits)
        self.cost_changed.emit(cost)
