"""The agent's vocabulary and STT model reach the STT service with every caller turn."""

from __future__ import annotations

import pytest

from switchboard_callsim import load_scenario
from switchboard_common.contract.tenant_config import SttConfig

from .checks import assert_call
from .stack import E2EStack
from .tenants import SCENARIOS, Tenants, call_events, e2e_agent

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="session")]

BIASED_NUMBER = "+15005556021"
BARE_NUMBER = "+15005556022"


async def test_a_staff_name_in_the_vocabulary_is_heard_that_the_bare_model_misses(
    stack: E2EStack, tenants: Tenants
) -> None:
    vocabulary = SttConfig(model="tiny.en", vocabulary=("Serenova Day Spa", "Siobhan", "Niamh"))
    await tenants.publish(BIASED_NUMBER, e2e_agent(stt=vocabulary.model_dump()))
    await tenants.publish(BARE_NUMBER, e2e_agent(stt={"model": "tiny.en"}))
    scenario = load_scenario(SCENARIOS / "vocabulary.yaml")
    heard: dict[str, str] = {}
    for number in (BIASED_NUMBER, BARE_NUMBER):
        report = await stack.call(scenario.model_copy(update={"to_number": number}))
        events = await call_events(stack.redis, report.call_sid)
        assert_call(report, events)
        heard[number] = " ".join(turn.caller_text for turn in events.turns).lower()
    assert "niamh" in heard[BIASED_NUMBER], heard
    assert "niamh" not in heard[BARE_NUMBER], heard
    assert "cancel" in heard[BARE_NUMBER], heard  # the bare call was heard, only the name missed
