"""Texts for the user made below the UI: English as they are, translatable when shown.

The layers under `r1desk.ui` must not use Qt, yet what they say is shown in the UI's language.
They mark each text with `QT_TRANSLATE_NOOP("Context", "literal")`, which pyside6-lupdate
finds in the source as it finds Qt's own macro, and fill `{named}` placeholders (translators
may reorder them) with `.format(name=value)`. The result is a `Text`: a `str` that *is* the
English rendering (for logs, the CLI, comparisons) and remembers its context, template and
arguments, so the UI can render it again in the user's language (`r1desk.ui.i18n.translated`).
An argument that is itself a `Text` is translated too; any other value is shown as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

Translate = Callable[[str, str], str]
"""(context, English template) -> the template in the user's language."""


class Text(str):
    """English text that can be rendered again through a translator."""

    context: str
    template: str
    args: Mapping[str, object]

    def __new__(cls, context: str, template: str, args: Mapping[str, object] | None = None) -> Text:
        values = dict(args or {})
        english = template.format(**values) if values else template
        self = super().__new__(cls, english)
        self.context = context
        self.template = template
        self.args = values
        return self

    def format(self, *args: object, **kwargs: Any) -> Text:
        """The same template with (more) named arguments filled in."""
        if args:
            raise TypeError("Text templates take named placeholders only")
        return Text(self.context, self.template, {**self.args, **kwargs})

    def render(self, translate: Translate) -> str:
        """This text in the language of `translate`; English if the translation is broken."""
        values = {
            name: value.render(translate) if isinstance(value, Text) else value
            for name, value in self.args.items()
        }
        template = translate(self.context, self.template)
        try:
            return template.format(**values) if values else template
        except (KeyError, IndexError, ValueError):  # a translation with a mistyped placeholder
            return str.__str__(self)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Text, (self.context, self.template, dict(self.args)))


def QT_TRANSLATE_NOOP(context: str, text: str) -> Text:
    """Mark `text` (a literal, never an f-string) for translation in `context`."""
    return Text(context, text)


def render(text: str, translate: Translate) -> str:
    """`text` in the language of `translate` if it is a `Text`; any other str as it is."""
    return text.render(translate) if isinstance(text, Text) else text
