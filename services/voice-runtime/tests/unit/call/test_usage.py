"""A call's ``call.ended`` reports what it used: STT audio, TTS characters, LLM tokens, tools."""

from __future__ import annotations

from pathlib import Path

from switchboard_voice_runtime.call.usage import UsageTally
from switchboard_voice_runtime.providers import ChatDelta, ToolCall
from switchboard_voice_runtime.providers.llm import TokenUsage
from switchboard_voice_runtime.testing.caller import ScriptedCaller
from switchboard_voice_runtime.testing.fakes import FakeChatModel
from switchboard_voice_runtime.testing.harness import CallHarness, build_call, sample_agent
from switchboard_voice_runtime.testing.virtual_time import run_virtual

HOURS = (Path(__file__).parent / "fixtures" / "caller_hours.ulaw").read_bytes()


def test_stt_audio_is_counted_in_seconds_of_pcm16() -> None:
    tally = UsageTally()
    tally.heard(b"\x00\x00" * 16_000, 16_000)
    tally.heard(b"\x00\x00" * 8_000, 16_000)
    assert tally.report().stt_audio_seconds == 1.5


def test_call_ended_reports_the_calls_usage() -> None:
    chat = FakeChatModel(
        [
            (0.1, ChatDelta(text="We open at nine.")),
            (0.0, ChatDelta(usage=TokenUsage(prompt_tokens=120, completion_tokens=6))),
            (0.0, ChatDelta(tool_call=ToolCall("end_call", {}))),
        ]
    )
    agent = sample_agent(llm={"model": "openai/gpt-4o-mini"})
    caller = ScriptedCaller(until_s=15).say(0.5, HOURS, "when do you open")

    async def main() -> CallHarness:
        call = build_call(agent, caller, chat=chat)
        await call.run()
        return call

    call = run_virtual(main())
    usage = call.events.ended().usage
    assert usage.stt_audio_seconds == round(sum(call.stt.audio_s), 3) > 0
    spoken = [e.text for e in call.events.ended().transcript if e.role == "agent"]
    assert "We open at nine." in spoken
    assert usage.tts_characters == sum(len(text) for text in spoken)
    assert (usage.llm_prompt_tokens, usage.llm_completion_tokens) == (120, 6)
    assert usage.tool_calls == 1
