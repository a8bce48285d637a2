"""session.update applies partially: left-out fields keep their value, turn_detection null
turns server VAD off, and formats map onto the runtime's AudioFormat."""

from __future__ import annotations

from switchboard_common.audio.formats import AudioEncoding, AudioFormat
from switchboard_voice_runtime.realtime.protocol import SessionUpdate, parse_client_event
from switchboard_voice_runtime.realtime.session_config import (
    RealtimeSessionSettings,
    ServerVad,
)

DEFAULTS = RealtimeSessionSettings(session_id="sess_1", model="agt_1")


def _update(session: str) -> RealtimeSessionSettings:
    event = parse_client_event(f'{{"type": "session.update", "session": {session}}}')
    assert isinstance(event, SessionUpdate)
    return DEFAULTS.updated(event.session)


def test_a_session_starts_with_24_khz_pcm_and_server_vad() -> None:
    assert DEFAULTS.input_audio == AudioFormat(AudioEncoding.PCM16, 24_000)
    assert DEFAULTS.output_audio == AudioFormat(AudioEncoding.PCM16, 24_000)
    assert isinstance(DEFAULTS.turn_detection, ServerVad)


def test_g711_formats_map_to_8_khz() -> None:
    settings = _update(
        '{"type": "realtime", "audio": {"input": {"format": {"type": "audio/pcmu"}},'
        ' "output": {"format": {"type": "audio/pcma"}}}}'
    )
    assert settings.input_audio == AudioFormat(AudioEncoding.MULAW, 8_000)
    assert settings.output_audio == AudioFormat(AudioEncoding.ALAW, 8_000)


def test_turn_detection_null_means_the_client_commits_and_absent_keeps_it() -> None:
    manual = _update('{"type": "realtime", "audio": {"input": {"turn_detection": null}}}')
    assert manual.turn_detection is None
    kept = manual.updated(
        parse_client_event(  # type: ignore[union-attr]
            '{"type": "session.update", "session": {"type": "realtime", "instructions": "x"}}'
        ).session
    )
    assert kept.turn_detection is None and kept.instructions == "x"
    untouched = _update(
        '{"type": "realtime", "audio": {"input": {"format": {"type": "audio/pcmu"}}}}'
    )
    assert isinstance(untouched.turn_detection, ServerVad)


def test_vad_tuning_and_transcription_are_kept() -> None:
    settings = _update(
        '{"type": "realtime", "audio": {"input": {"turn_detection": {"type": "server_vad",'
        ' "silence_duration_ms": 700}, "transcription": {"model": "whisper-1"}}}}'
    )
    assert isinstance(settings.turn_detection, ServerVad)
    assert settings.turn_detection.silence_duration_ms == 700
    assert settings.transcription is not None and settings.transcription.model == "whisper-1"


def test_the_wire_form_echoes_the_effective_settings() -> None:
    wire = _update('{"type": "realtime", "audio": {"input": {"turn_detection": null}}}').to_wire()
    audio = wire["audio"]
    assert isinstance(audio, dict)
    assert audio["input"]["turn_detection"] is None
    assert audio["input"]["format"] == {"type": "audio/pcm", "rate": 24000}
    assert wire["id"] == "sess_1" and wire["type"] == "realtime"
