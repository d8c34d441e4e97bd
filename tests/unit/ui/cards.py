"""What a painted message card shows, read from its laid-out documents."""

from __future__ import annotations

from r1desk.ui.chat_view import ChatView


def code_colours(view: ChatView, row: int, code: str) -> set[str]:
    """Foreground colours of the text of `code` in the card of `row`, as painted now."""
    colours: set[str] = set()
    for doc in view._delegate.document(row).docs:
        block = doc.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                if fragment.text().strip() and fragment.text() in code:
                    colours.add(fragment.charFormat().foreground().color().name())
                it += 1
            block = block.next()
    return colours
