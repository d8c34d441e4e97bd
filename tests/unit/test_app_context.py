"""The composition root wires everything without touching the network or the keyring."""

from __future__ import annotations

import asyncio
from pathlib import Path

from r1desk.app import build_context, shutdown
from r1desk.paths import AppPaths


def test_build_context_with_defaults_opens_storage_and_makes_no_http_client(
    qapp: object, tmp_path: Path
) -> None:
    paths = AppPaths.for_data_dir(tmp_path / "data").ensure()
    ctx, notice = build_context(paths)
    try:
        assert notice == ""
        assert ctx.repo.list_conversations() == []
        assert ctx.providers.endpoint().provider == "segmind"
        assert ctx.providers._http is None  # made on first use, after the first paint
        assert "KeyStore(service='r1desk')" in repr(ctx.keys)
    finally:
        asyncio.run(shutdown(ctx))
    assert paths.database.exists()
