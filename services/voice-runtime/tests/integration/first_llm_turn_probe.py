"""Run in a fresh interpreter (litellm not yet imported): starts the runtime app with a call core
of fake speech services and the real litellm adapter (mock responses), reads /readyz while it
warms up and once it is ready, then runs a first LLM turn on one call while another call plays
its greeting, with a loop-lag monitor (a task sleeping 5 ms that records its overshoot).

Prints one JSON line: readiness before and after warm-up, the longest loop stall (ms) during
the calls (as lateness and as the loop thread's CPU), the LLM turn's agent text, and the playing
call's frame count.
Usage: python first_llm_turn_probe.py <redis_url> <caller_audio.ulaw>
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path

import httpx

from switchboard_common.contract.tenant_config import LlmConfig
from switchboard_voice_runtime.app import create_app
from switchboard_voice_runtime.call.ports import CallContext, CallControl, EventSink, MediaSink
from switchboard_voice_runtime.call.session import CallSession
from switchboard_voice_runtime.calls import LiveCall, SessionFactory
from switchboard_voice_runtime.metrics import RuntimeMetrics
from switchboard_voice_runtime.providers import ChatModel, LiteLlmChatModel, SpeechServices
from switchboard_voice_runtime.runtime import Prewarmer
from switchboard_voice_runtime.settings import Settings
from switchboard_voice_runtime.testing.caller import ScriptedCaller
from switchboard_voice_runtime.testing.fakes import (
    FakeCallControl,
    FakeMediaSink,
    FakeSpeechToText,
    FakeTextToSpeech,
    ListEventSink,
)
from switchboard_voice_runtime.testing.harness import call_context, sample_agent

ANSWER = "We open at nine in the morning. See you soon."
LONG_GREETING = " ".join(["Thanks for calling, this greeting plays for a long while."] * 6)


class LagMonitor:
    """A task sleeping 5 ms at a time: how late each wake-up came (wall clock), and how much
    CPU the loop's own thread spent meanwhile (the work that held the loop; a process the OS
    descheduled on a busy machine is late without having stalled its loop)."""

    def __init__(self) -> None:
        self.late_s: list[float] = []
        self.busy_s: list[float] = []

    async def run(self) -> None:
        while True:
            started, cpu_started = time.perf_counter(), time.thread_time()
            await asyncio.sleep(0.005)
            self.late_s.append(time.perf_counter() - started - 0.005)
            self.busy_s.append(time.thread_time() - cpu_started)


def _mock_chat(config: LlmConfig, api_key: str | None) -> ChatModel:
    return LiteLlmChatModel(config, "sk-probe", mock_response=ANSWER)


async def _readiness(client: httpx.AsyncClient) -> tuple[int, object]:
    response = await client.get("/readyz")
    return response.status_code, response.json()["checks"].get("call_core")


async def main(redis_url: str, caller_audio: bytes) -> dict[str, object]:
    caller = ScriptedCaller(until_s=30).say(0.3, caller_audio, "what are your opening hours")
    services = SpeechServices(
        stt=FakeSpeechToText(caller.text_at, delay_s=0.2),
        tts=FakeTextToSpeech(),
        chat=_mock_chat,
    )

    def core(
        settings: Settings, http: httpx.AsyncClient, metrics: RuntimeMetrics
    ) -> tuple[Prewarmer, SessionFactory]:
        return services, _no_media_sockets

    app = create_app(Settings(redis_url=redis_url, log_json=True), call_core=core)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://runtime") as client:
            warming = await _readiness(client)
            while (ready := await _readiness(client))[0] != 200:  # noqa: ASYNC110
                await asyncio.sleep(0.1)
            result = await _two_calls(services, caller)
    return {"warming": list(warming), "ready": list(ready), **result}


def _no_media_sockets(
    context: CallContext, media: MediaSink, control: CallControl, events: EventSink
) -> LiveCall:
    raise NotImplementedError("the probe runs its calls itself")


def _session(context: CallContext, services: SpeechServices) -> tuple[CallSession, FakeMediaSink]:
    media = FakeMediaSink()
    control: CallControl = FakeCallControl()
    events: EventSink = ListEventSink()
    sink: MediaSink = media
    session = CallSession(context, media=sink, control=control, events=events, services=services)
    media.attach(session.mark_played)
    return session, media


async def _two_calls(services: SpeechServices, caller: ScriptedCaller) -> dict[str, object]:
    playing_agent = sample_agent(greeting=LONG_GREETING)
    llm_agent = sample_agent(greeting="Hi.", llm={"model": "openai/gpt-4o-mini"})
    playing, playing_media = _session(call_context(playing_agent, call_id="playing"), services)
    asking, _ = _session(call_context(llm_agent, call_id="asking"), services)
    events = asking._events
    assert isinstance(events, ListEventSink)
    monitor = LagMonitor()
    async with asyncio.TaskGroup() as group:
        watch = group.create_task(monitor.run())
        calls: list[asyncio.Task[object]] = [
            group.create_task(playing.run()),
            group.create_task(asking.run()),
        ]
        speaking = group.create_task(caller.run(asking))
        deadline = time.monotonic() + 20
        while not events.turns() and time.monotonic() < deadline:  # noqa: ASYNC110
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.3)
        for session in (playing, asking):
            session.hang_up()
        speaking.cancel()
        await asyncio.wait(calls)
        watch.cancel()
    turns = events.turns()
    return {
        "max_late_ms": round(max(monitor.late_s) * 1000, 1),
        "max_busy_ms": round(max(monitor.busy_s) * 1000, 1),
        "agent_text": turns[0].agent_text if turns else None,
        "brain": turns[0].brain if turns else None,
        "playing_frames": len(playing_media.frames()),
    }


if __name__ == "__main__":
    outcome = asyncio.run(main(sys.argv[1], Path(sys.argv[2]).read_bytes()))
    print(json.dumps(outcome))
