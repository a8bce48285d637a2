"""One call wired to fakes: the session, its carrier, control, events and speech services."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from switchboard_common.audio import TELEPHONY_PCM16, AudioFormat
from switchboard_common.contract.tenant_config import AgentConfig, LlmConfig, TenantLimits
from switchboard_common.recordings import RecordingStore
from switchboard_voice_runtime.call.ports import CallContext, Clock
from switchboard_voice_runtime.call.session import CallOutcome, CallSession
from switchboard_voice_runtime.providers import ChatModel, SpeechServices, TextToSpeech
from switchboard_voice_runtime.providers.http_tools import ToolRunner
from switchboard_voice_runtime.testing.caller import ScriptedCaller
from switchboard_voice_runtime.testing.fakes import (
    FakeCallControl,
    FakeChatModel,
    FakeMediaSink,
    FakeSpeechToText,
    FakeTextToSpeech,
    ListEventSink,
)
from switchboard_voice_runtime.testing.virtual_time import VirtualClock


def call_context(
    agent: AgentConfig,
    *,
    limits: TenantLimits | None = None,
    recordings: RecordingStore | None = None,
    call_id: str = "call-1",
    caller_format: AudioFormat = TELEPHONY_PCM16,
) -> CallContext:
    return CallContext(
        call_id=call_id,
        tenant_id="tenant-1",
        number_id="number-1",
        carrier="twilio",
        carrier_call_id="CA" + "0" * 32,
        from_number="+15550001111",
        to_number="+15550002222",
        agent=agent,
        limits=limits or TenantLimits(),
        recordings=recordings,
        caller_format=caller_format,
    )


@dataclass
class CallHarness:
    session: CallSession
    caller: ScriptedCaller
    media: FakeMediaSink
    control: FakeCallControl
    events: ListEventSink
    stt: FakeSpeechToText
    tts: FakeTextToSpeech
    chat: FakeChatModel
    services: SpeechServices

    async def run(self) -> CallOutcome:
        """Runs the call and the caller's script together; returns the call's outcome."""
        caller = asyncio.create_task(self.caller.run(self.session))
        try:
            return await self.session.run()
        finally:
            caller.cancel()
            await asyncio.wait([caller])


def build_call(
    agent: AgentConfig,
    caller: ScriptedCaller | None = None,
    *,
    limits: TenantLimits | None = None,
    recordings: RecordingStore | None = None,
    chat: FakeChatModel | None = None,
    media: FakeMediaSink | None = None,
    clock: Clock | None = None,
    http_tools: ToolRunner | None = None,
    tts: TextToSpeech | None = None,
    filler_after_s: float = 1.5,
    caller_format: AudioFormat = TELEPHONY_PCM16,
) -> CallHarness:
    """Must be called inside the running (virtual-time) loop. ``tts`` replaces the fake TTS
    (``CallHarness.tts``, then unused) in the call's speech services."""
    caller = caller or ScriptedCaller()
    stt = FakeSpeechToText(caller.text_at)
    fake_tts = FakeTextToSpeech()
    fake_chat = chat or FakeChatModel()

    def chat_factory(config: LlmConfig, api_key: str | None) -> ChatModel:
        return fake_chat

    services = SpeechServices(
        stt=stt, tts=tts or fake_tts, chat=chat_factory, http_tools=http_tools
    )
    media = media or FakeMediaSink()
    control, events = FakeCallControl(), ListEventSink()
    session = CallSession(
        call_context(agent, limits=limits, recordings=recordings, caller_format=caller_format),
        media=media,
        control=control,
        events=events,
        services=services,
        clock=clock or VirtualClock(),
        filler_after_s=filler_after_s,
    )
    media.attach(session.mark_played)
    return CallHarness(session, caller, media, control, events, stt, fake_tts, fake_chat, services)


def sample_agent(**overrides: object) -> AgentConfig:
    """A small built-in-brain agent: knowledge about hours and prices, one quick reply."""
    fields: dict[str, object] = {
        "agent_id": "agent-1",
        "version": 1,
        "greeting": "Hello!",
        "knowledge": (
            {
                "title": "Hours",
                "content": "We open at nine in the morning. "
                "We close at five in the evening on weekdays. "
                "On weekends we are closed all day long.",
            },
            {"title": "Prices", "content": "A haircut costs twenty dollars."},
        ),
        "quick_replies": ({"phrases": ("where are you",), "answer": "We are on Main Street."},),
    }
    fields.update(overrides)
    return AgentConfig.model_validate(fields)
