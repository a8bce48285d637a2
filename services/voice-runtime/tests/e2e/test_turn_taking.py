"""Turn-taking on the real stack (issue 16): a caller pausing mid-sentence is not answered
early; backchannels over the agent's default interruption minimum and noise bursts do not cut
the agent off. Generous budgets: the figures live in ``tools/bench/turn_taking.py``."""

from __future__ import annotations

import pytest

from .checks import assert_call, assert_only_paused
from .stack import E2EStack
from .tenants import Tenants, call_events, e2e_agent

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="session")]


async def test_a_caller_pausing_mid_sentence_is_answered_once_after_the_end(
    stack: E2EStack, tenants: Tenants
) -> None:
    await tenants.publish("+15005556020", e2e_agent())
    report = await stack.call("mid_sentence_pause")
    events = await call_events(stack.redis, report.call_sid)
    assert_call(report, events)

    (turn,) = events.turns
    heard = turn.caller_text.lower()
    assert "book" in heard and ("tuesday" in heard or "cleaning" in heard), heard


async def test_a_backchannel_over_the_default_minimum_pauses_but_never_cuts_the_agent(
    stack: E2EStack, tenants: Tenants
) -> None:
    await tenants.publish("+15005556003", e2e_agent())  # barge_in_min_speech_ms 200
    report = await stack.call("backchannel")
    events = await call_events(stack.redis, report.call_sid)
    assert_call(report, events)

    assert_only_paused(report)
    full = next(q.answer for q in e2e_agent().quick_replies if "your services" in q.phrases)
    assert [(t.agent_text, t.interrupted) for t in events.turns] == [(full, False)]


async def test_a_noise_burst_does_not_cut_the_agent(stack: E2EStack, tenants: Tenants) -> None:
    await tenants.publish("+15005556021", e2e_agent())
    report = await stack.call("noise_burst")
    events = await call_events(stack.redis, report.call_sid)
    assert_call(report, events)

    assert_only_paused(report)
    full = next(q.answer for q in e2e_agent().quick_replies if "your services" in q.phrases)
    assert [(t.agent_text, t.interrupted) for t in events.turns] == [(full, False)]
