"""Checking turns and calls against expectations."""

from switchboard_callsim.expectations import evaluate, has_phrase, turn_checks
from switchboard_callsim.report import CallReport, TurnRecord
from switchboard_callsim.scenario import ReplyExpectation, parse_scenario


def replied_turn(text: str | None, latency_ms: float = 400.0) -> TurnRecord:
    return TurnRecord(
        index=1, kind="say", step=0, caller_stopped_ms=1000.0,
        agent_first_audio_ms=1000.0 + latency_ms, agent_text=text,
    )  # fmt: skip


def test_phrases_match_whole_words_ignoring_case_and_punctuation() -> None:
    assert has_phrase("We're at 42 Maple Street.", "maple street")
    assert has_phrase("Open Monday-Friday!", "friday")
    assert not has_phrase("We are openly happy", "open")
    assert has_phrase("That's all", "thats all")


def test_words_and_latency_budget_pass_and_fail() -> None:
    expect = ReplyExpectation(
        contains=("maple",), contains_any=("street", "road"), max_latency_ms=500
    )
    assert all(c.passed for c in turn_checks(replied_turn("At Maple Street."), expect, None))
    failed = {
        c.name
        for c in turn_checks(replied_turn("On Oak Avenue", 900.0), expect, None)
        if not c.passed
    }
    assert failed == {"reply_contains", "reply_contains_any", "latency_budget"}


def test_missing_reply_fails_and_missing_transcript_is_unverified() -> None:
    silent = TurnRecord(index=1, kind="say", step=0, caller_stopped_ms=1000.0)
    checks = turn_checks(silent, ReplyExpectation(contains=("x",)), None)
    assert checks[0].name == "agent_replied"
    assert checks[0].passed is False
    untranscribed = turn_checks(replied_turn(None), ReplyExpectation(contains=("x",)), None)
    assert [c.passed for c in untranscribed] == [True, None]


def test_expected_silence_fails_when_the_agent_speaks() -> None:
    checks = turn_checks(replied_turn("mhm"), ReplyExpectation(reply=False), None)
    assert [(c.name, c.passed) for c in checks] == [("agent_silent", False)]


def test_transfer_without_a_carrier_observer_is_unverified_not_failed() -> None:
    expect = {"ended_by": "runtime", "end_reason": "transferred", "transfer_to": "+15005550009"}
    scenario = parse_scenario({"name": "t", "steps": [{"dtmf": "0"}], "expect": expect})
    report = CallReport(
        "t", "CA1", "AC1", "MZ1", "stream", ended_by="runtime", end_reason="runtime_closed"
    )
    checks = {c.name: c.passed for c in evaluate(report, scenario, carrier_observed=False)}
    assert checks == {"twiml": True, "ended_by": True, "end_reason": None, "transfer_to": None}
    report.end_reason = "transferred"
    report.carrier_actions = [
        {"kind": "transfer", "target": "+15005550009", "twiml": "<Response/>"}
    ]
    checks = {c.name: c.passed for c in evaluate(report, scenario, carrier_observed=True)}
    assert all(checks.values())
    assert CallReport("t", "CA1", "AC1", "MZ1", "stream").passed


def test_protocol_errors_fail_the_call() -> None:
    scenario = parse_scenario({"name": "t", "steps": [{"hangup": True}]})
    report = CallReport("t", "CA1", "AC1", "MZ1", "stream", protocol_errors=["binary frame"])
    report.checks = evaluate(report, scenario, carrier_observed=False)
    assert not report.passed
