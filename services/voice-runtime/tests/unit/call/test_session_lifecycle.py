"""Scripted calls on virtual time: idling, limits, business hours, recording, tools, cleanup."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from switchboard_common.audio import read_wav
from switchboard_common.contract.tenant_config import TenantLimits
from switchboard_common.recordings.directory import DirectoryRecordingStore
from switchboard_voice_runtime.call.phrases import GOODBYE, TAKE_MESSAGE_THANKS, TRANSFER_REFUSED
from switchboard_voice_runtime.call.session import CallOutcome
from switchboard_voice_runtime.providers import ChatDelta, ToolCall
from switchboard_voice_runtime.testing.caller import ScriptedCaller
from switchboard_voice_runtime.testing.fakes import FakeChatModel, FakeMediaSink
from switchboard_voice_runtime.testing.harness import CallHarness, build_call, sample_agent
from switchboard_voice_runtime.testing.virtual_time import VirtualClock, run_virtual

FIXTURES = Path(__file__).parent / "fixtures"
HOURS = (FIXTURES / "caller_hours.ulaw").read_bytes()
TARGETS = {"transfer_targets": ({"name": "Sales", "number": "+15550009999"},)}


def _call(
    factory: Callable[[], CallHarness], *, hang_up_at_s: float | None = None
) -> tuple[CallOutcome, CallHarness]:
    async def main() -> tuple[CallOutcome, CallHarness]:
        harness = factory()
        if hang_up_at_s is not None:
            asyncio.get_running_loop().call_later(hang_up_at_s, harness.session.hang_up)
        outcome = await harness.run()
        others = asyncio.all_tasks() - {asyncio.current_task()}
        assert not others, f"tasks left behind: {others}"
        return outcome, harness

    return run_virtual(main())


def _agent_texts(harness: CallHarness) -> list[str]:
    return [e.text for e in harness.events.ended().transcript if e.role == "agent"]


def test_idle_caller_is_reprompted_then_hung_up() -> None:
    agent = sample_agent(turn_taking={"idle_reprompt_s": 4, "idle_hangup_s": 9})
    holder: list[CallHarness] = []

    async def main() -> CallOutcome:
        holder.append(build_call(agent, ScriptedCaller(until_s=60)))
        return await holder[0].run()

    outcome = run_virtual(main())
    call = holder[0]
    assert outcome.reason == "idle_timeout" and 9 <= outcome.duration_s <= 10
    assert _agent_texts(call) == ["Hello!", "Are you still there?"]
    assert call.control.hang_ups == 1
    assert call.events.ended().reason == "idle_timeout"


def test_idle_hang_up_waits_for_the_reprompt_to_finish_playing() -> None:
    reprompt = "Are you still there? I can help with opening hours and prices."  # ~3.8 s
    agent = sample_agent(
        turn_taking={"idle_reprompt_s": 4, "idle_hangup_s": 5, "idle_reprompt_message": reprompt}
    )
    holder: list[CallHarness] = []

    async def main() -> CallOutcome:
        holder.append(build_call(agent, ScriptedCaller(until_s=60)))
        return await holder[0].run()

    outcome = run_virtual(main())
    assert outcome.reason == "idle_timeout"
    assert outcome.duration_s >= 4 + 3.7, "the caller must hear the whole reprompt"
    ended = holder[0].events.ended()
    assert [(e.text, e.interrupted) for e in ended.transcript if e.role == "agent"][-1] == (
        reprompt,
        False,
    )


def test_call_ends_at_the_tenant_maximum_duration() -> None:
    agent = sample_agent(turn_taking={"idle_reprompt_s": 100, "idle_hangup_s": 200})
    limits = TenantLimits(max_call_duration_s=30)

    async def main() -> tuple[CallOutcome, CallHarness]:
        call = build_call(agent, ScriptedCaller(until_s=100), limits=limits)
        return await call.run(), call

    outcome, call = run_virtual(main())
    assert outcome.reason == "max_duration" and 30 <= outcome.duration_s < 30.5
    assert call.control.hang_ups == 1


def test_after_hours_the_agent_says_its_message_and_ends() -> None:
    hours = {
        "timezone": "America/New_York",
        "windows": ({"days": ("mon",), "opens_at": "09:00", "closes_at": "10:00"},),
        "after_hours_message": "We are closed now.",
    }
    outcome, call = _call(
        lambda: build_call(sample_agent(business_hours=hours), ScriptedCaller(until_s=10))
    )
    assert outcome.reason == "agent_hangup"
    assert _agent_texts(call) == ["We are closed now."]


def test_after_hours_with_take_message_records_the_callers_message() -> None:
    hours = {
        "windows": ({"days": ("sat",), "opens_at": "09:00", "closes_at": "10:00"},),
        "after_hours_message": "We are closed. Leave a message.",
        "take_message": True,
    }
    caller = ScriptedCaller(until_s=10).say(2.0, HOURS, "please call me back")
    clock = VirtualClock(datetime(2025, 6, 2, 15, 0, tzinfo=UTC))
    holder: list[CallHarness] = []

    async def main() -> CallOutcome:
        holder.append(build_call(sample_agent(business_hours=hours), caller, clock=clock))
        return await holder[0].run()

    outcome = run_virtual(main())
    (turn,) = holder[0].events.turns()
    assert outcome.reason == "agent_hangup"
    assert turn.caller_text == "please call me back" and turn.brain == "system"
    assert turn.agent_text == TAKE_MESSAGE_THANKS


def test_recording_is_a_stereo_wav_aligned_on_the_call(tmp_path: Path) -> None:
    agent = sample_agent(recording=True)
    caller = ScriptedCaller(until_s=6).say(0.5, HOURS, "what are your opening hours")
    holder: list[CallHarness] = []

    async def main() -> CallOutcome:
        store = DirectoryRecordingStore(tmp_path)
        holder.append(build_call(agent, caller, recordings=store))
        asyncio.get_running_loop().call_later(6, holder[0].session.hang_up)
        return await holder[0].run()

    outcome = run_virtual(main())
    assert outcome.recording_ref == "tenants/tenant-1/calls/call-1.wav"
    assert holder[0].events.ended().recording_ref == outcome.recording_ref
    samples, rate_hz, channels = read_wav(tmp_path / outcome.recording_ref)
    assert (rate_hz, channels) == (8000, 2)
    left, right = samples[0::2], samples[1::2]
    assert 5.9 * 8000 <= left.size <= 6.15 * 8000  # the agent's track runs ahead by the lead
    caller_voiced = abs(left[int(0.6 * 8000) : int(1.5 * 8000)]).mean()
    assert caller_voiced > 100 and abs(left[: int(0.4 * 8000)]).mean() < 10
    assert abs(right[: int(0.3 * 8000)]).mean() > 100  # the greeting, at once


def test_goodbye_ends_the_call_after_the_goodbye_is_played() -> None:
    caller = ScriptedCaller(until_s=10).say(0.5, HOURS, "ok that's all, bye")
    outcome, call = _call(lambda: build_call(sample_agent(), caller))
    assert outcome.reason == "agent_hangup" and call.control.hang_ups == 1
    assert call.events.turns()[0].agent_text == GOODBYE
    last_mark = [s for s in call.media.sent if s.kind == "mark"][-1]
    assert outcome.duration_s >= last_mark.at_s  # hung up after the goodbye played


def test_builtin_brain_transfers_to_an_allow_listed_target() -> None:
    caller = ScriptedCaller(until_s=10).say(0.5, HOURS, "can you transfer me to sales")
    outcome, call = _call(lambda: build_call(sample_agent(tools=TARGETS), caller))
    assert outcome.reason == "transferred" and outcome.transferred_to == "+15550009999"
    assert call.control.transfers == ["+15550009999"] and call.control.hang_ups == 0
    assert call.events.ended().transferred_to == "+15550009999"


def test_llm_transfer_to_a_number_off_the_allow_list_is_refused_politely() -> None:
    chat = FakeChatModel(
        [(0.1, ChatDelta(tool_call=ToolCall("transfer_call", {"number": "+15550006666"})))]
    )
    agent = sample_agent(llm={"model": "openai/gpt-4o-mini"}, tools=TARGETS)
    caller = ScriptedCaller(until_s=10).say(0.5, HOURS, "put me through to my cousin")
    _, call = _call(lambda: build_call(agent, caller, chat=chat), hang_up_at_s=8)
    assert call.control.transfers == []
    assert TRANSFER_REFUSED in _agent_texts(call)


def test_llm_transfer_call_tool_transfers_to_the_named_target() -> None:
    chat = FakeChatModel(
        [
            (0.1, ChatDelta(text="Connecting you to sales.")),
            (0.1, ChatDelta(tool_call=ToolCall("transfer_call", {"target": "Sales"}))),
        ]
    )
    agent = sample_agent(llm={"model": "openai/gpt-4o-mini"}, tools=TARGETS)
    caller = ScriptedCaller(until_s=10).say(0.5, HOURS, "sales please")
    outcome, call = _call(lambda: build_call(agent, caller, chat=chat))
    assert outcome.reason == "transferred" and call.control.transfers == ["+15550009999"]


def test_refused_carrier_transfer_apologizes_and_the_call_goes_on() -> None:
    caller = ScriptedCaller(until_s=10).say(0.5, HOURS, "can you transfer me to sales")

    def refusing() -> CallHarness:
        harness = build_call(sample_agent(tools=TARGETS), caller)
        harness.control.refuse_transfer = True
        return harness

    outcome, call = _call(refusing, hang_up_at_s=9)
    assert outcome.reason == "caller_hangup"
    assert "I'm sorry, the transfer didn't go through." in _agent_texts(call)


def test_llm_end_call_tool_says_goodbye_and_hangs_up() -> None:
    chat = FakeChatModel([(0.1, ChatDelta(tool_call=ToolCall("end_call", {})))])
    agent = sample_agent(llm={"model": "openai/gpt-4o-mini"})
    caller = ScriptedCaller(until_s=10).say(0.5, HOURS, "I'm done")
    outcome, call = _call(lambda: build_call(agent, caller, chat=chat))
    assert outcome.reason == "agent_hangup" and call.control.hang_ups == 1
    assert _agent_texts(call)[-1] == GOODBYE


@pytest.mark.parametrize("hang_up_at_s", [0.1, 2.95, 3.3])
def test_no_task_outlives_a_hang_up_mid_sentence(hang_up_at_s: float) -> None:
    caller = ScriptedCaller(until_s=10).say(0.5, HOURS, "what are your opening hours")
    outcome, call = _call(lambda: build_call(sample_agent(), caller), hang_up_at_s=hang_up_at_s)
    assert outcome.reason == "caller_hangup" and call.control.hang_ups == 0
    assert call.session.ended


def test_a_closed_media_socket_ends_the_call_cleanly() -> None:
    caller = ScriptedCaller(until_s=10).say(0.5, HOURS, "what are your opening hours")
    outcome, call = _call(
        lambda: build_call(sample_agent(), caller, media=FakeMediaSink(fail_after_frames=40))
    )
    assert outcome.reason == "caller_hangup"
    assert call.events.ended().reason == "caller_hangup"
