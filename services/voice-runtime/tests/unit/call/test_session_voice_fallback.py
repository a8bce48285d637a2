"""A call whose agent names a voice the TTS service does not have: every phrase is spoken in the
service's default voice, never silence (scripted on virtual time, TTS over HTTP)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import httpx

from switchboard_voice_runtime.call.phrases import GOODBYE
from switchboard_voice_runtime.providers import HttpTextToSpeech
from switchboard_voice_runtime.testing.caller import ScriptedCaller
from switchboard_voice_runtime.testing.fakes import FakeMediaSink
from switchboard_voice_runtime.testing.harness import CallHarness, build_call, sample_agent
from switchboard_voice_runtime.testing.virtual_time import run_virtual

HOURS = (Path(__file__).parent / "fixtures" / "caller_hours.ulaw").read_bytes()
DEFAULT_VOICE_AUDIO = b"\x15" * 160
"""What the stand-in TTS service answers in its default voice (one 20 ms frame per character)."""


class TtsService:
    """The TTS service's answers: audio in its default voice, ``400 unknown_voice`` (its stable
    error, with the voices on offer) for a voice it does not have."""

    def __init__(self) -> None:
        self.voices_asked: list[str | None] = []

    def handle(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        voice = body.get("voice")
        self.voices_asked.append(voice)
        if voice not in (None, "piper:en_US-joe-medium"):
            error = {
                "code": "unknown_voice",
                "message": f"Voice {voice!r} is not available.",
                "details": {"available": ["piper:en_US-joe-medium"]},
            }
            return httpx.Response(400, json={"error": error})
        return httpx.Response(200, content=DEFAULT_VOICE_AUDIO * len(body["input"]))


def _audio_before_each_mark(media: FakeMediaSink) -> dict[str, bytes]:
    audio: dict[str, bytes] = {}
    pending = bytearray()
    for sent in media.sent:
        if sent.kind == "audio":
            pending += sent.payload
        elif sent.kind == "mark":
            audio[sent.name], pending = bytes(pending), bytearray()
    return audio


def test_an_unknown_voice_falls_back_to_the_default_voice_for_every_phrase() -> None:
    service = TtsService()
    agent = sample_agent(
        tts={"engine": "piper", "voice": "en_US-nobody-medium"},
        turn_taking={"idle_reprompt_s": 3, "idle_hangup_s": 30},
    )
    caller = ScriptedCaller(until_s=30).say(8.0, HOURS, "goodbye")
    holder: list[CallHarness] = []

    async def main() -> None:
        async with httpx.AsyncClient(transport=httpx.MockTransport(service.handle)) as http:
            tts = HttpTextToSpeech("http://tts", http)
            holder.append(build_call(agent, caller, tts=tts))
            asyncio.get_running_loop().call_later(25, holder[0].session.hang_up)
            await holder[0].run()

    run_virtual(main())
    call = holder[0]
    agent_texts = [e.text for e in call.events.ended().transcript if e.role == "agent"]
    assert agent_texts == ["Hello!", "Are you still there?", GOODBYE]
    audio = _audio_before_each_mark(call.media)
    for mark in ("t0-s0", "t1-s0", "t2-s0"):  # greeting, reprompt, goodbye
        assert DEFAULT_VOICE_AUDIO * 5 in audio.get(mark, b""), f"{mark} was silent"
    assert call.events.ended().reason == "agent_hangup"
    assert service.voices_asked[0] == "piper:en_US-nobody-medium"
    assert service.voices_asked.count("piper:en_US-nobody-medium") == 1, "refusal remembered"
