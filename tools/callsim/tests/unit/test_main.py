"""The command line."""

from pathlib import Path

import pytest

from switchboard_callsim.events import AgentReplied, CallerActed, CallFinished, describe
from switchboard_callsim.main import DEMO_SCENARIO, main, summary
from switchboard_callsim.report import CallReport, Check, TurnRecord
from switchboard_callsim.telnyx_signature import TelnyxSigner


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


SEED = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="


def test_telnyx_calls_need_a_signing_key_and_call_control_a_fake_api(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("CALLSIM_TELNYX_SIGNING_KEY", raising=False)
    monkeypatch.delenv("VOICE_RUNTIME_TELNYX__API_KEY", raising=False)
    assert main(["--carrier", "telnyx"]) == 2
    assert "--telnyx-signing-key" in capsys.readouterr().err
    assert main(["--carrier", "telnyx", "--telnyx-signing-key", "short"]) == 2
    assert "--telnyx-signing-key" in capsys.readouterr().err
    base = ["--carrier", "telnyx", "--telnyx-signing-key", SEED]
    assert main([*base, "--telnyx-mode", "call-control"]) == 2
    assert "--fake-carrier-port" in capsys.readouterr().err
    assert main([*base, "--fake-carrier-port", "9"]) == 2
    assert "--telnyx-api-key" in capsys.readouterr().err


def test_the_public_key_of_a_signing_key_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--telnyx-signing-key", SEED, "--print-telnyx-public-key"]) == 0
    public_key = capsys.readouterr().out.strip()
    assert public_key == TelnyxSigner.from_private_key(SEED).public_key
    assert len(public_key) == 44
