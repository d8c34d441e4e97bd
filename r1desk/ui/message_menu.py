"""The context menu of one message: copy parts of it, or ask the controller to act on it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMenu, QWidget

from r1desk.domain import Message, MessageStatus, Role

translate = QCoreApplication.translate


def build_message_menu(
    parent: QWidget,
    message: Message,
    *,
    is_last_answer: bool,
    request: Callable[[str], None],
    copy: Callable[[str], None],
    expanded: bool = False,
    toggle: Callable[[], None] | None = None,
) -> QMenu:
    """Each action's data() is its name: copy, copy-reasoning, copy-both (done here), or
    edit, retry, regenerate, delete (passed to `request`); toggle-reasoning calls `toggle`."""
    menu = QMenu(parent)
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def add(text: str, name: str, slot: Callable[[], None], enabled: bool = True) -> None:
        action = menu.addAction(text)
        action.setData(name)
        action.setEnabled(enabled)
        action.triggered.connect(slot)

    def ask(name: str) -> Callable[[], None]:
        return lambda: request(name)

    reasoning = bool(message.reasoning)
    both = f"{message.reasoning}\n\n{message.content}" if reasoning else message.content
    add(
        translate("MessageMenu", "&Copy answer")
        if message.role is Role.ASSISTANT
        else translate("MessageMenu", "&Copy"),
        "copy",
        lambda: copy(message.content),
    )
    add(
        translate("MessageMenu", "Copy &reasoning"),
        "copy-reasoning",
        lambda: copy(message.reasoning),
        reasoning,
    )
    add(translate("MessageMenu", "Copy &both"), "copy-both", lambda: copy(both), reasoning)
    if reasoning and toggle is not None:
        add(
            translate("MessageMenu", "&Hide reasoning")
            if expanded
            else translate("MessageMenu", "&Show reasoning"),
            "toggle-reasoning",
            toggle,
        )
    menu.addSeparator()
    if message.role is Role.USER:
        add(translate("MessageMenu", "&Edit and resend…"), "edit", ask("edit"))
    if message.status in (MessageStatus.FAILED, MessageStatus.INTERRUPTED):
        add(translate("MessageMenu", "Re&try"), "retry", ask("retry"))
    if is_last_answer and message.status is not MessageStatus.PENDING:
        add(translate("MessageMenu", "Re&generate"), "regenerate", ask("regenerate"))
    add(translate("MessageMenu", "&Delete message…"), "delete", ask("delete"))
    return menu
