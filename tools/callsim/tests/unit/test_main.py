"""The command line."""

from pathlib import Path

import pytest

from switchboard_callsim.events import AgentReplied, CallerActed, CallFinished, describe
from switchboard_callsim.main import DEMO_SCENARIO, main, summary
from switchboard_callsim.report import CallReport, Check, TurnRecord


def test_default_scenario_is_the_bundled_demo() -> None:
    assert DEMO_SCENARIO.is_file()
    assert DEMO_SCENARIO.name == "demo.yaml"


def test_missing_auth_token_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("VOICE_RUNTIME_TWILIO__AUTH_TOKEN", raising=False)
    assert main([]) == 2
    assert "--auth-token" in capsys.readouterr().err


def test_invalid_scenario_exits_2_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: bad\nsteps:\n  - {say: hi, dtmf: '1'}\n")
    assert main([str(bad), "--auth-token", "t"]) == 2
    err = capsys.readouterr().err
    assert "steps.0" in err
    assert "exactly one of" in err


def test_live_lines_say_who_said_what_and_the_latency() -> None:
    assert "caller (say): Where are you?" in describe(
        CallerActed(1, "say", "Where are you?", 1500.0)
    )
    assert (
        describe(AgentReplied(1, "On Maple Street.", 412.4))
        == "agent (turn 1, 412 ms): On Maple Street."
    )
    assert "FAILED" in describe(CallFinished("caller", "caller_hangup", 9000.0, passed=False))


def test_summary_gives_p50_failures_and_unverified_checks() -> None:
    report = CallReport("demo", "CA1", "AC1", "MZ1", "stream")
    report.turns = [
        TurnRecord(1, "say", caller_stopped_ms=0.0, agent_first_audio_ms=400.0),
        TurnRecord(2, "say", caller_stopped_ms=0.0, agent_first_audio_ms=600.0),
    ]
    report.checks = [
        Check("reply_contains", False, "missing ['maple']", 2),
        Check("transfer_to", None, "no observer"),
    ]
    text = summary(report)
    assert "p50 500 ms, max 600 ms" in text
    assert "FAILED reply_contains (turn 2)" in text
    assert "unverified transfer_to" in text


def test_hang_up_line_has_no_empty_quote() -> None:
    assert describe(CallerActed(3, "hangup", "", 2000.0)).endswith("caller hangs up")
