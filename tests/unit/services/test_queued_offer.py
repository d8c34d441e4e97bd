"""When a failed Segmind reply offers queued mode, and the setting that governs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from r1desk import api
from r1desk.services.failures import LONG_WAIT_S, NextAction, describe_failure
from r1desk.settings import Settings, SettingsError, load_settings_with_report, save_settings

GATEWAY_504 = api.error_from_response(
    504, {}, b"<html><body>504 Gateway Time-out</body></html>", "https://api.segmind.com/v1/x"
)
LONG = LONG_WAIT_S + 1


@pytest.mark.parametrize(
    ("error", "waited_s"),
    [
        (GATEWAY_504, 0.0),
        (api.ConnectionLostError(), LONG),
        (api.RequestTimeoutError("api.segmind.com stopped sending data."), LONG),
    ],
)
def test_a_reply_cut_at_the_gateway_offers_queued_mode(
    error: api.ApiError, waited_s: float
) -> None:
    failure = describe_failure(7, error, waited_s=waited_s, can_queue=True)
    assert failure.action is NextAction.RETRY_QUEUED
    assert "R1 took longer than the gateway allows" in failure.message
    assert failure.next_step.startswith("Retry in queued mode")
    assert "without that time limit" in failure.text


@pytest.mark.parametrize(
    ("error", "waited_s", "can_queue"),
    [
        (GATEWAY_504, 0.0, False),  # another provider, a queued request, or "never"
        (api.ConnectionLostError(), 2.0, True),  # a quick drop is a network fault
        (api.RequestTimeoutError(), LONG_WAIT_S - 1, True),
        (api.ServerError(status=500), LONG, True),
        (api.QueuedRequestFailedError(), LONG, True),
    ],
)
def test_other_failures_keep_their_usual_action(
    error: api.ApiError, waited_s: float, can_queue: bool
) -> None:
    failure = describe_failure(7, error, waited_s=waited_s, can_queue=can_queue)
    assert failure.action is NextAction.RETRY
    assert failure.message == error.user_message


def test_queued_mode_setting_defaults_validates_and_round_trips(tmp_path: Path) -> None:
    assert Settings().segmind_queued_mode == "offer"
    with pytest.raises(SettingsError):
        Settings(segmind_queued_mode="sometimes")
    path = tmp_path / "settings.json"
    save_settings(path, Settings(segmind_queued_mode="always"))
    assert load_settings_with_report(path) == (Settings(segmind_queued_mode="always"), [])


def test_old_and_bad_settings_files_still_load(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 1, "theme": "dark"}), encoding="utf-8")
    assert load_settings_with_report(path) == (Settings(theme="dark"), [])
    path.write_text(json.dumps({"segmind_queued_mode": 3, "theme": "dark"}), encoding="utf-8")
    settings, report = load_settings_with_report(path)
    assert settings == Settings(theme="dark")
    assert len(report) == 1 and "segmind_queued_mode" in report[0]
