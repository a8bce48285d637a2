"""The realtime media path: client audio becomes 20 ms frames of 16 kHz PCM16 for the call;
agent audio leaves in the session's format inside a response; a barge-in echoes the pending
marks at once and tells the client speech started."""

from __future__ import annotations

import base64

import numpy as np

from switchboard_common.audio import AudioEncoding, AudioFormat
from switchboard_voice_runtime.realtime import server_events as ev
from switchboard_voice_runtime.realtime.channel import RealtimeChannel
from switchboard_voice_runtime.realtime.media import CALL_FORMAT, RealtimeMedia
from switchboard_voice_runtime.realtime.protocol import SessionUpdate, parse_client_event
from switchboard_voice_runtime.realtime.session_config import RealtimeSessionSettings

PCM_24K = AudioFormat(AudioEncoding.PCM16, 24_000)
MULAW_8K = AudioFormat(AudioEncoding.MULAW, 8_000)


def _tone(rate_hz: int, ms: int) -> bytes:
    t = np.arange(rate_hz * ms // 1000) / rate_hz
    return (np.sin(2 * np.pi * 440 * t) * 8000).astype("<i2").tobytes()


class Sent:
    def __init__(self) -> None:
        self.events: list[ev.Event] = []

    async def __call__(self, events: list[ev.Event]) -> None:
        self.events += events

    @property
    def types(self) -> list[str]:
        return [str(event["type"]) for event in self.events]


def _media(session: str | None = None) -> tuple[RealtimeMedia, RealtimeChannel, Sent]:
    channel = RealtimeChannel(RealtimeSessionSettings(session_id="sess_1", model="a1"))
    if session is not None:
        update = parse_client_event(f'{{"type": "session.update", "session": {session}}}')
        assert isinstance(update, SessionUpdate)
        channel.settings = channel.settings.updated(update.session)
    sent = Sent()
    return RealtimeMedia(channel, sent), channel, sent


def test_client_audio_becomes_20_ms_frames_at_the_calls_rate() -> None:
    media, _, _ = _media()
    frames = [f for _ in range(10) for f in media.hear(_tone(24_000, 100), PCM_24K)]
    assert frames and {len(f) for f in frames} == {CALL_FORMAT.frame_bytes}
    assert 45 <= len(frames) <= 50  # one second, less the resampler's delay
    mulaw = media.hear(b"\xff" * 800, MULAW_8K)
    assert all(len(f) == CALL_FORMAT.frame_bytes for f in mulaw)
    assert media.heard_ms == 1100


async def test_agent_audio_opens_a_response_and_leaves_in_the_sessions_format() -> None:
    media, channel, sent = _media(
        '{"type": "realtime", "audio": {"output": {"format": {"type": "audio/pcmu"}}}}'
    )
    for _ in range(10):
        await media.send_audio(_tone(24_000, 20))
    assert sent.types[:4] == [
        "response.created",
        "response.output_item.added",
        "conversation.item.added",
        "response.content_part.added",
    ]
    deltas = [base64.b64decode(str(e["delta"])) for e in sent.events[4:]]
    assert set(sent.types[4:]) == {"response.output_audio.delta"} and all(deltas)
    assert 1200 <= len(b"".join(deltas)) <= 1600  # 200 ms of 8 kHz mu-law, less the delay
    assert channel.responding_now


async def test_a_barge_in_echoes_pending_marks_at_once_and_says_speech_started() -> None:
    media, channel, sent = _media()
    echoed: list[str] = []
    all_played: list[bool] = []
    media.on_mark_played(echoed.append, lambda: all_played.append(True))
    await media.send_audio(_tone(24_000, 1000))
    await media.send_mark("t1-s0")
    assert echoed == [] and media.playing
    await media.send_clear()
    assert echoed == ["t1-s0"] and all_played == [True] and not media.playing
    assert sent.types[-1] == "input_audio_buffer.speech_started"
    assert 0 <= media.spoken_ms < 1000
    assert channel.responding_now  # ends when the session publishes the interrupted turn


async def test_a_clear_the_client_asked_for_is_not_a_barge_in() -> None:
    media, _, sent = _media()
    echoed: list[str] = []
    media.on_mark_played(echoed.append, lambda: None)
    await media.send_audio(_tone(24_000, 1000))
    await media.send_mark("t1-s0")
    media.client_stops()
    await media.send_clear()
    assert echoed == ["t1-s0"] and "input_audio_buffer.speech_started" not in sent.types
    await media.send_audio(_tone(24_000, 100))
    await media.send_clear()  # the next one is a barge-in again
    assert sent.types[-1] == "input_audio_buffer.speech_started"
