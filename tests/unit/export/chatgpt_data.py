"""Builders for ChatGPT data-export `conversations.json` documents, shaped like the real ones."""

from __future__ import annotations

from typing import Any

T0 = 1_700_000_000.0


def node(
    node_id: str,
    parent: str | None,
    children: list[str],
    role: str | None = None,
    parts: list[Any] | None = None,
    *,
    content_type: str = "text",
    time: float | None = None,
    recipient: str = "all",
    model: str | None = None,
) -> dict[str, Any]:
    message: dict[str, Any] | None = None
    if role is not None:
        message = {
            "id": node_id,
            "author": {"role": role, "name": None, "metadata": {}},
            "create_time": time,
            "update_time": None,
            "content": {"content_type": content_type, "parts": parts or [""]},
            "status": "finished_successfully",
            "end_turn": True,
            "weight": 1.0,
            "metadata": {"model_slug": model} if model else {},
            "recipient": recipient,
        }
    return {"id": node_id, "message": message, "parent": parent, "children": children}


def branching_conversation(conversation_id: str = "abc-123") -> dict[str, Any]:
    """Q1/A1, then Q2 edited: the first Q2/A2 branch is abandoned, the edit is current."""
    nodes = [
        node("root", None, ["sys"]),
        node("sys", "root", ["q1"], "system", [""], time=None),
        node("q1", "sys", ["a1"], "user", ["First question 中文"], time=T0 + 1),
        node(
            "a1",
            "q1",
            ["q2-old", "q2-new"],
            "assistant",
            ["First answer 🚀"],
            time=T0 + 2,
            model="gpt-4o",
        ),
        node("q2-old", "a1", ["a2-old"], "user", ["Abandoned question"], time=T0 + 3),
        node("a2-old", "q2-old", [], "assistant", ["Abandoned answer"], time=T0 + 4),
        node(
            "q2-new",
            "a1",
            ["tool-call"],
            "user",
            [
                {"content_type": "image_asset_pointer", "asset_pointer": "file-service://x"},
                "Edited question",
            ],
            content_type="multimodal_text",
            time=T0 + 5,
        ),
        node(
            "tool-call",
            "q2-new",
            ["tool-out"],
            "assistant",
            ["search('x')"],
            content_type="code",
            recipient="browser",
            time=T0 + 6,
        ),
        node("tool-out", "tool-call", ["a2-new"], "tool", ["raw search results"], time=T0 + 7),
        node(
            "a2-new",
            "tool-out",
            [],
            "assistant",
            ["Edited answer\n\n```py\nprint(1)\n```"],
            time=T0 + 8,
            model="gpt-4o",
        ),
    ]
    mapping = {n["id"]: n for n in reversed(nodes)}  # order in the file must not matter
    return {
        "title": "Branching chat",
        "create_time": T0,
        "update_time": T0 + 8,
        "mapping": mapping,
        "moderation_results": [],
        "current_node": "a2-new",
        "plugin_ids": None,
        "conversation_id": conversation_id,
        "id": conversation_id,
    }


def simple_conversation(conversation_id: str, title: str = "Simple") -> dict[str, Any]:
    nodes = [
        node("r", None, ["u"]),
        node("u", "r", ["a"], "user", [f"Hello from {conversation_id}"], time=T0),
        node("a", "u", [], "assistant", ["Hi!"], time=T0 + 1),
    ]
    return {
        "title": title,
        "create_time": T0,
        "update_time": T0 + 1,
        "mapping": {n["id"]: n for n in nodes},
        "current_node": "a",
        "id": conversation_id,
    }
