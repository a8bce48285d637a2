"""What every end-to-end call asserts, with failure messages that show both sides of the call."""

from __future__ import annotations

from switchboard_callsim import CallReport, load_scenario

from .tenants import SCENARIOS, CallEvents

BUDGET_MS = 2500.0
"""The scenarios' per-turn voice-to-voice budget."""

LATENCY_MARGIN = 2.0
"""A turn fails only past twice its scenario budget (2500 ms): the suite runs on a shared,
loaded 2-core machine; the voice benchmark holds the real latency goals."""


def failed(report: CallReport, events: CallEvents | None = None) -> str:
    """What went wrong, with what the simulator and the runtime each saw."""
    checks = [c for c in report.checks if c.passed is False]
    texts = [(t.index, t.caller_text, t.agent_text, t.latency_ms) for t in report.turns]
    heard = [(t.caller_text, t.agent_text, t.stages) for t in events.turns] if events else None
    return (
        f"failed {checks}; turns {texts}; runtime heard {heard}; "
        f"errors {report.errors + report.protocol_errors}"
    )


def assert_call(report: CallReport, events: CallEvents) -> None:
    """Every expectation of the scenario held, latencies within budget times the margin, as the
    simulator measured them and as the runtime reported them."""
    wrong = [c for c in report.checks if c.passed is False and c.name != "latency_budget"]
    assert not wrong, failed(report, events)
    scenario = load_scenario(SCENARIOS / f"{report.scenario}.yaml")
    for turn in report.turns:
        if turn.step is None or turn.latency_ms is None:
            continue
        expect = scenario.steps[turn.step].expect
        budget_ms = (expect and expect.max_latency_ms) or scenario.defaults.max_latency_ms
        if budget_ms is not None:
            assert turn.latency_ms <= budget_ms * LATENCY_MARGIN, failed(report, events)
    runtime_budget_ms = (scenario.defaults.max_latency_ms or BUDGET_MS) * LATENCY_MARGIN
    for event in events.turns:
        v2v = event.stages.voice_to_voice_ms
        assert v2v is None or v2v <= runtime_budget_ms, failed(report, events)


def assert_only_paused(report: CallReport) -> None:
    """The agent was paused, never cut off: a tentative interruption clears the carrier at once
    but only of the short lead it had buffered (sent again when the agent goes on), and the
    agent spoke on after it."""
    for clear in report.clears:
        assert clear.dropped_ms <= 200, f"the agent was cut off: {report.clears}"
        ends = [t.agent_last_audio_end_ms or 0.0 for t in report.turns]
        assert max(ends) > clear.at_ms + 500, f"the agent did not go on: {report.clears}"
