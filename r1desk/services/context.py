"""Everything the window needs, built once by the composition root (r1desk.app)."""

from __future__ import annotations

from dataclasses import dataclass

from r1desk.paths import AppPaths
from r1desk.secrets import KeyStore
from r1desk.services.chat_controller import ChatController
from r1desk.services.credits import CreditsMonitor
from r1desk.services.providers import ProviderSession
from r1desk.services.tasks import TaskKeeper
from r1desk.storage import Repository


@dataclass
class AppContext:
    paths: AppPaths
    repo: Repository
    keys: KeyStore
    providers: ProviderSession
    tasks: TaskKeeper
    credits: CreditsMonitor
    chat: ChatController
