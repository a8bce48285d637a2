"""Checking a finished call against its scenario's expectations."""

from __future__ import annotations

import re

from switchboard_callsim.report import CallReport, Check, TurnRecord
from switchboard_callsim.scenario import ReplyExpectation, Scenario

_NON_WORD = re.compile(r"[^a-z0-9]+")


def normalize(text: str) -> str:
    """Lowercase words separated by single spaces (punctuation dropped)."""
    return " ".join(_NON_WORD.sub(" ", text.lower().replace("'", "")).split())


def has_phrase(text: str, phrase: str) -> bool:
    """Whole-word, case- and punctuation-insensitive match of ``phrase`` in ``text``."""
    return f" {normalize(phrase)} " in f" {normalize(text)} "


def _word_checks(turn: TurnRecord, expect: ReplyExpectation) -> list[Check]:
    wanted = bool(expect.contains or expect.contains_any or expect.not_contains)
    if not wanted:
        return []
    if turn.agent_text is None:
        return [Check("reply_words", None, "agent audio was not transcribed (no STT)", turn.index)]
    text, checks = turn.agent_text, []
    missing = [p for p in expect.contains if not has_phrase(text, p)]
    if expect.contains:
        checks.append(
            Check("reply_contains", not missing, f"missing {missing} in {text!r}", turn.index)
        )
    if expect.contains_any:
        found = any(has_phrase(text, p) for p in expect.contains_any)
        detail = f"none of {list(expect.contains_any)} in {text!r}"
        checks.append(Check("reply_contains_any", found, detail, turn.index))
    present = [p for p in expect.not_contains if has_phrase(text, p)]
    if expect.not_contains:
        checks.append(Check("reply_not_contains", not present, f"found {present}", turn.index))
    return checks


def turn_checks(
    turn: TurnRecord, expect: ReplyExpectation | None, budget_ms: float | None
) -> list[Check]:
    """Reply presence, words and latency budget of one turn."""
    replied = turn.agent_first_audio_ms is not None
    checks: list[Check] = []
    if expect is not None and not expect.reply:
        return [Check("agent_silent", not replied, "the agent spoke", turn.index)]
    if expect is not None or budget_ms is not None:
        checks.append(Check("agent_replied", replied, "no voiced agent audio", turn.index))
    if expect is not None:
        checks += _word_checks(turn, expect)
        budget_ms = expect.max_latency_ms or budget_ms
    if budget_ms is not None and turn.index > 0 and replied:
        latency = turn.latency_ms
        ok = latency is not None and latency <= budget_ms
        checks.append(Check("latency_budget", ok, f"{latency} ms > {budget_ms} ms", turn.index))
    return checks


def _call_checks(report: CallReport, scenario: Scenario, carrier_observed: bool) -> list[Check]:
    expect = scenario.expect
    checks = [Check("twiml", report.twiml == expect.twiml, f"got <{report.twiml}>")]
    if expect.ended_by != "any":
        checks.append(
            Check("ended_by", report.ended_by == expect.ended_by, f"got {report.ended_by}")
        )
    if expect.end_reason != "any":
        ok: bool | None = report.end_reason == expect.end_reason
        if expect.end_reason in ("agent_hangup", "transferred") and not carrier_observed:
            ok = None if report.ended_by == "runtime" else False
        detail = f"got {report.end_reason}" + ("" if carrier_observed else " (no carrier observer)")
        checks.append(Check("end_reason", ok, detail))
    if expect.transfer_to is not None:
        targets = [a.get("target") for a in report.carrier_actions if a.get("kind") == "transfer"]
        transferred: bool | None = expect.transfer_to in targets if carrier_observed else None
        checks.append(Check("transfer_to", transferred, f"carrier saw transfers to {targets}"))
    if report.protocol_errors:
        checks.append(Check("media_protocol", False, "; ".join(report.protocol_errors[:5])))
    return checks


def evaluate(report: CallReport, scenario: Scenario, *, carrier_observed: bool) -> list[Check]:
    """Every check of the call, greeting and turns first."""
    checks: list[Check] = []
    if report.twiml == "stream":
        for turn in report.turns:
            expect = (
                scenario.expect.greeting if turn.step is None else scenario.steps[turn.step].expect
            )
            checks += turn_checks(turn, expect, scenario.defaults.max_latency_ms)
    return checks + _call_checks(report, scenario, carrier_observed)
