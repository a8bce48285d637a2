"""A call at 16 kHz PCM16 both ways (a wideband carrier): the core frames, voices, transcribes
and records at the rate it is told, and asks TTS for what the media port takes."""

from __future__ import annotations

import asyncio
from pathlib import Path

from switchboard_common.audio import AudioEncoding, AudioFormat, read_wav
from switchboard_common.recordings.directory import DirectoryRecordingStore
from switchboard_voice_runtime.call.session import CallOutcome
from switchboard_voice_runtime.testing.caller import ScriptedCaller
from switchboard_voice_runtime.testing.fakes import FakeMediaSink
from switchboard_voice_runtime.testing.harness import CallHarness, build_call, sample_agent
from switchboard_voice_runtime.testing.virtual_time import run_virtual

HOURS = (Path(__file__).parent / "fixtures" / "caller_hours.ulaw").read_bytes()
WIDEBAND = AudioFormat(AudioEncoding.PCM16, 16_000)


def test_a_16_khz_call_is_heard_answered_and_recorded_at_16_khz(tmp_path: Path) -> None:
    agent = sample_agent(recording=True)
    caller = ScriptedCaller(until_s=6, sample_rate_hz=16_000)
    caller.say(0.5, HOURS, "what are your opening hours")
    holder: list[CallHarness] = []

    async def main() -> CallOutcome:
        media = FakeMediaSink(audio_format=WIDEBAND)
        holder.append(
            build_call(
                agent,
                caller,
                recordings=DirectoryRecordingStore(tmp_path),
                media=media,
                caller_format=WIDEBAND,
            )
        )
        asyncio.get_running_loop().call_later(6, holder[0].session.hang_up)
        return await holder[0].run()

    outcome = run_virtual(main())
    call = holder[0]
    assert call.events.turns()[0].caller_text == "what are your opening hours"
    assert call.events.turns()[0].agent_text, "the caller was answered"
    speech_s = len(HOURS) / 8000
    assert any(abs(heard_s - speech_s) < 0.6 for heard_s in call.stt.audio_s)
    frames = [sent.payload for sent in call.media.sent if sent.kind == "audio"]
    assert frames and all(len(frame) == WIDEBAND.frame_bytes for frame in frames)
    assert outcome.recording_ref is not None
    samples, rate_hz, channels = read_wav(tmp_path / outcome.recording_ref)
    assert (rate_hz, channels) == (16_000, 2)
    left, right = samples[0::2], samples[1::2]
    assert 5.9 * 16_000 <= left.size <= 6.15 * 16_000
    assert abs(left[int(0.6 * 16_000) : int(1.5 * 16_000)]).mean() > 100
    assert abs(right[: int(0.3 * 16_000)]).mean() > 100  # the greeting, at once
