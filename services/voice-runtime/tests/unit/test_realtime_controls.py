"""The client's commands without a call behind them, and the words told early."""

from __future__ import annotations

import base64
import json

from switchboard_voice_runtime.realtime import server_events as ev
from switchboard_voice_runtime.realtime.channel import RealtimeChannel
from switchboard_voice_runtime.realtime.media import RealtimeMedia
from switchboard_voice_runtime.realtime.session_config import RealtimeSessionSettings
from switchboard_voice_runtime.realtime_controls import ClientControls


def _controls() -> tuple[ClientControls, RealtimeChannel, list[ev.Event]]:
    channel = RealtimeChannel(RealtimeSessionSettings(session_id="sess_1", model="a1"))
    sent: list[ev.Event] = []

    async def send(events: list[ev.Event]) -> None:
        sent.extend(events)

    return ClientControls(channel, RealtimeMedia(channel, send), send), channel, sent


async def test_without_a_turn_control_the_commands_get_not_supported() -> None:
    controls, channel, sent = _controls()
    for command in channel.client_message('{"type": "response.create"}').commands:
        await controls.act(None, command)
    assert [e["type"] for e in sent] == ["error"]
    assert not channel.responding  # a refused response is not pending


async def test_a_commits_words_are_told_once() -> None:
    controls, channel, _ = _controls()
    audio = base64.b64encode(b"\x00\x00" * 4800).decode()
    channel.client_message(json.dumps({"type": "input_audio_buffer.append", "audio": audio}))
    channel.client_message('{"type": "input_audio_buffer.commit"}')
    told = controls.caller_transcribed("When are you open?")
    assert told[0]["type"] == "conversation.item.input_audio_transcription.completed"
    assert controls.untold("When are you open?") == ""
    assert controls.untold("Hello.") == "Hello."  # a turn told no earlier
