"""Safe Markdown -> HTML rendering shared by the chat view and the exporters (no Qt)."""

from r1desk.render.markdown import (
    RenderedMarkdown,
    is_safe_url,
    load_renderer,
    render_markdown,
    warm_up,
)

__all__ = ["RenderedMarkdown", "is_safe_url", "load_renderer", "render_markdown", "warm_up"]
