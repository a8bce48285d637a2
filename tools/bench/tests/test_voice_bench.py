"""The voice benchmark's capacity path end to end: fake speech, a real runtime, the lean caller."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

pytestmark = pytest.mark.e2e

VOICE_SCRIPT = Path(__file__).resolve().parents[1] / "voice.py"


def load_voice_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("voice_bench_script", VOICE_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


async def test_a_short_capacity_run_hears_the_agent_and_writes_every_figure(
    tmp_path: Path,
) -> None:
    voice = load_voice_script()
    args = voice.parse_args(
        ["--capacity-only", "--quick", "--capacity-levels", "3", "--capacity-seconds", "6",
         "--ramp-seconds", "0.5", "--out-dir", str(tmp_path)]
    )  # fmt: skip
    await voice.main(args)

    report = json.loads((tmp_path / "voice.json").read_text())
    capacity = report["capacity"]
    level = capacity["levels"][0]
    assert level["calls"] == 3 and level["connected"] == 3 and level["failed"] == 0
    assert level["pacing"]["frames"] > 100  # greetings and replies arrived as 20 ms frames
    assert level["turns"] >= 1 and level["v2v_ms"]["p50"] > 0  # a question was answered
    assert level["pacing"]["lateness_ms"]["p99"] is not None
    assert level["runtime"]["playout_lateness_ms"]["n"] > 0  # the runtime's own histogram
    assert level["runtime"]["cpu_s_per_call_minute"] > 0
    assert level["caller"]["tick_lag_ms"]["n"] > 0
    assert capacity["max_calls_within_limit"] in (0, 3)
    assert "B) Runtime capacity" in (tmp_path / "voice.md").read_text()
