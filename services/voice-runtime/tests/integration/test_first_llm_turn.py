"""The first LLM turn after a runtime starts: litellm is loaded before readiness, off the loop,
so that turn stalls no call (the probe runs in a fresh interpreter, where litellm is not yet
imported)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from switchboard_common.test_endpoints import redis_url

pytestmark = pytest.mark.integration

PROBE = Path(__file__).with_name("first_llm_turn_probe.py")
CALLER_AUDIO = Path(__file__).parents[1] / "unit" / "call" / "fixtures" / "caller_hours.ulaw"
ANSWER = "We open at nine in the morning. See you soon."
MAX_STALL_MS = 50.0


@pytest.fixture(scope="module")
def probe() -> dict[str, object]:
    finished = subprocess.run(  # noqa: S603 - our own probe, in this interpreter
        [sys.executable, str(PROBE), redis_url(2), str(CALLER_AUDIO)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr[-4000:]
    result: dict[str, object] = json.loads(finished.stdout.strip().splitlines()[-1])
    return result


def test_the_runtime_is_not_ready_until_litellm_is_loaded(probe: dict[str, object]) -> None:
    assert probe["warming"] == [503, "call core warming up"]
    assert probe["ready"] == [200, "ok"]


def test_a_first_llm_turn_does_not_stall_a_call_that_is_playing(
    probe: dict[str, object],
) -> None:
    assert probe["brain"] == "llm" and probe["agent_text"] == ANSWER
    assert isinstance(probe["playing_frames"], int) and probe["playing_frames"] > 100
    busy_ms = probe["max_busy_ms"]
    assert isinstance(busy_ms, float) and busy_ms < MAX_STALL_MS, probe
