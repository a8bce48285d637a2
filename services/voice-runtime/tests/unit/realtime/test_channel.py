"""The wire side of a session: a turn under server VAD, manual commits, one response at a
time, barge-in with truncate, and bad events that get errors while the session goes on. Every
event sent validates against the official SDK's types."""

from __future__ import annotations

import base64
import json
from typing import cast

from openai.types.realtime import RealtimeServerEvent
from pydantic import TypeAdapter

from switchboard_voice_runtime.realtime import commands as cmd
from switchboard_voice_runtime.realtime import server_events as ev
from switchboard_voice_runtime.realtime.channel import RealtimeChannel
from switchboard_voice_runtime.realtime.session_config import RealtimeSessionSettings

SDK_EVENT: TypeAdapter[RealtimeServerEvent] = TypeAdapter(RealtimeServerEvent)
MS_100 = b"\x00\x00" * 2400  # 100 ms of 24 kHz PCM16


def _types(events: list[ev.Event]) -> list[str]:
    return [SDK_EVENT.validate_python(event).type for event in events]


def _channel(*, allow_instructions: bool = False) -> RealtimeChannel:
    settings = RealtimeSessionSettings(session_id="sess_1", model="agt_1")
    return RealtimeChannel(settings, allow_instructions=allow_instructions)


def _append(audio: bytes) -> str:
    return json.dumps(
        {"type": "input_audio_buffer.append", "audio": base64.b64encode(audio).decode()}
    )


def _reply(
    channel: RealtimeChannel, sentences: tuple[str, ...] = ("Nine to five.",)
) -> list[ev.Event]:
    events = channel.response_started()
    for sentence in sentences:
        events += channel.agent_sentence(sentence)
        events += channel.agent_audio(MS_100 * 5)
        channel.segment_sent()  # the media's mark after each sentence's audio
    return events


def test_a_server_vad_turn_and_its_answer() -> None:
    channel = _channel()
    assert _types(channel.opened()) == ["session.created"]
    step = channel.client_message(_append(MS_100))
    assert step.events == [] and isinstance(step.commands[0], cmd.HearAudio)
    started = channel.speech_started(480)
    stopped = channel.speech_stopped(1900)
    assert _types(stopped) == [
        "input_audio_buffer.speech_stopped",
        "input_audio_buffer.committed",
        "conversation.item.added",
    ]
    assert started[0]["item_id"] == stopped[0]["item_id"] == stopped[1]["item_id"]
    transcript = channel.caller_transcript("When are you open?", 1.4)
    assert _types(transcript) == [
        "conversation.item.input_audio_transcription.completed",
        "conversation.item.done",
    ]
    reply = _reply(channel, ("We open at nine.", "We close at five."))
    assert _types(reply)[:4] == [
        "response.created",
        "response.output_item.added",
        "conversation.item.added",
        "response.content_part.added",
    ]
    assert _types(reply)[4:6] == [
        "response.output_audio_transcript.delta",
        "response.output_audio.delta",
    ]
    done = channel.response_finished(usage=ev.ResponseUsage(input_text_tokens=20))
    assert _types(done) == [
        "response.output_audio.done",
        "response.output_audio_transcript.done",
        "response.content_part.done",
        "response.output_item.done",
        "conversation.item.done",
        "response.done",
    ]
    assert done[1]["transcript"] == "We open at nine. We close at five."
    assert channel.items.history() == [
        ("user", "When are you open?"),
        ("assistant", "We open at nine. We close at five."),
    ]


def test_with_turn_detection_null_the_client_commits() -> None:
    channel = _channel()
    update = channel.client_message(
        '{"type": "session.update", "session": {"type": "realtime", "audio": {"input":'
        ' {"turn_detection": null, "format": {"type": "audio/pcmu"}}}}}'
    )
    assert _types(update.events) == ["session.updated"]
    applied = update.commands[0]
    assert isinstance(applied, cmd.ApplySettings) and applied.settings.turn_detection is None
    channel.client_message(_append(b"\xff" * 400))  # 50 ms of mu-law
    empty = channel.client_message('{"type": "input_audio_buffer.commit", "event_id": "c1"}')
    assert empty.events[0]["error"]["code"] == "input_audio_buffer_commit_empty"  # type: ignore[index]
    assert empty.events[0]["error"]["event_id"] == "c1"  # type: ignore[index]
    channel.client_message(_append(b"\xff" * 800))
    commit = channel.client_message('{"type": "input_audio_buffer.commit"}')
    assert _types(commit.events) == ["input_audio_buffer.committed", "conversation.item.added"]
    assert isinstance(commit.commands[0], cmd.EndCallerTurn)
    cleared = channel.client_message('{"type": "input_audio_buffer.clear"}')
    assert _types(cleared.events) == ["input_audio_buffer.cleared"]
    assert isinstance(cleared.commands[0], cmd.DropCallerAudio)


def test_one_response_at_a_time() -> None:
    channel = _channel(allow_instructions=True)  # the agent lets client instructions in
    first = channel.client_message(
        '{"type": "response.create", "response": {"instructions": "Hi"}}'
    )
    respond = first.commands[0]
    assert isinstance(respond, cmd.Respond) and respond.instructions == "Hi"
    second = channel.client_message('{"type": "response.create", "event_id": "r2"}')
    assert second.events[0]["error"]["code"] == "conversation_already_has_active_response"  # type: ignore[index]
    created = channel.response_started()
    assert created[0]["response"]["id"] == respond.response_id  # type: ignore[index]
    channel.response_finished()
    assert not channel.responding
    assert channel.client_message('{"type": "response.create"}').commands


def test_cancel_needs_an_active_response() -> None:
    channel = _channel()
    none = channel.client_message('{"type": "response.cancel"}')
    assert none.events[0]["error"]["code"] == "response_cancel_not_active"  # type: ignore[index]
    _reply(channel)
    cancel = channel.client_message('{"type": "response.cancel"}')
    assert cancel.commands == [cmd.StopResponse("client_cancelled")]
    done = channel.response_finished("cancelled", reason="client_cancelled")
    final = SDK_EVENT.validate_python(done[-1])
    assert final.type == "response.done" and final.response.status == "cancelled"


def test_barge_in_with_truncate_trims_the_history() -> None:
    channel = _channel()
    _reply(channel, ("We open at nine.", "We close at five."))
    item_id = channel.items.last_id
    assert _types(channel.speech_started(3000)) == ["input_audio_buffer.speech_started"]
    done = channel.response_finished("cancelled", reason="turn_detected")
    assert SDK_EVENT.validate_python(done[-1]).type == "response.done"
    truncate = channel.client_message(
        json.dumps({"type": "conversation.item.truncate", "item_id": item_id,
                    "content_index": 0, "audio_end_ms": 500})
    )  # fmt: skip
    assert _types(truncate.events) == ["conversation.item.truncated"]
    rewrite = truncate.commands[0]
    assert isinstance(rewrite, cmd.RewriteHistory)
    assert rewrite.history == (("assistant", "We open at nine."),)


def test_bad_events_get_errors_and_the_session_goes_on() -> None:
    channel = _channel()
    for message in ("not json", '{"type": "nope"}', '{"type": "conversation.item.delete",'
                    ' "item_id": "item_x", "event_id": "d1"}'):  # fmt: skip
        step = channel.client_message(message)
        assert _types(step.events) == ["error"] and step.commands == []
    assert channel.client_message('{"type": "response.create"}').commands


def test_client_items_rewrite_the_history_and_can_be_retrieved() -> None:
    channel = _channel()
    step = channel.client_message(
        '{"type": "conversation.item.create", "item": {"type": "message", "role": "user",'
        ' "id": "item_c1", "content": [{"type": "input_text", "text": "Do you deliver?"}]}}'
    )
    assert _types(step.events) == ["conversation.item.added", "conversation.item.done"]
    assert step.commands == [cmd.RewriteHistory((("user", "Do you deliver?"),))]
    got = channel.client_message('{"type": "conversation.item.retrieve", "item_id": "item_c1"}')
    assert _types(got.events) == ["conversation.item.retrieved"]
    gone = channel.client_message('{"type": "conversation.item.delete", "item_id": "item_c1"}')
    assert _types(gone.events) == ["conversation.item.deleted"]
    assert gone.commands == [cmd.RewriteHistory(())]


def test_output_clear_stops_the_output() -> None:
    channel = _channel()
    _reply(channel)
    step = channel.client_message('{"type": "output_audio_buffer.clear"}')
    assert _types(step.events) == ["output_audio_buffer.cleared"]
    assert step.commands == [cmd.StopResponse("output_cleared")]


def test_a_refused_response_request_is_no_longer_pending() -> None:
    channel = _channel()
    respond = channel.client_message('{"type": "response.create"}').commands[0]
    assert channel.responding
    assert _types(channel.refuse(respond)) == ["error"]
    assert not channel.responding


def _instructed(channel: RealtimeChannel) -> tuple[list[ev.Event], list[cmd.Command]]:
    update = {
        "type": "session.update",
        "event_id": "evt_1",
        "session": {
            "type": "realtime",
            "instructions": "Speak French.",
            "audio": {"input": {"turn_detection": None}},
        },
    }
    step = channel.client_message(json.dumps(update))
    return step.events, step.commands


def test_instructions_are_refused_unless_the_agent_allows_them_and_the_rest_applies() -> None:
    channel = _channel()
    events, commands = _instructed(channel)
    assert _types(events) == ["error", "session.updated"]
    error = cast("dict[str, str]", events[0]["error"])
    assert error["code"] == "instructions_not_allowed"
    assert (error["param"], error["event_id"]) == ("session.instructions", "evt_1")
    (apply,) = commands
    assert isinstance(apply, cmd.ApplySettings)
    assert apply.settings.instructions == "" and apply.settings.turn_detection is None
    step = channel.client_message(
        '{"type": "response.create", "response": {"instructions": "Shout."}}'
    )
    assert _types(step.events) == ["error"]
    assert isinstance(step.commands[0], cmd.Respond) and step.commands[0].instructions is None

    allowing = _channel(allow_instructions=True)
    events, commands = _instructed(allowing)
    assert _types(events) == ["session.updated"]
    assert cast("dict[str, str]", events[0]["session"])["instructions"] == "Speak French."
    step = allowing.client_message(
        '{"type": "response.create", "response": {"instructions": "Shout."}}'
    )
    (respond,) = step.commands
    assert step.events == [] and isinstance(respond, cmd.Respond)
    assert respond.instructions == "Shout."


def test_a_commit_awaits_its_transcript() -> None:
    channel = _channel()
    assert not channel.awaiting_transcript
    channel.client_message(_append(MS_100 * 2))
    channel.client_message('{"type": "input_audio_buffer.commit"}')
    assert channel.awaiting_transcript
    channel.caller_transcript("Hello.", 0.2)
    assert not channel.awaiting_transcript


def test_a_cancelled_response_keeps_what_the_call_says_was_sent() -> None:
    channel = _channel()
    _reply(channel, ("Nine to five.", "Closed on Sundays.", "And on holidays."))
    channel.agent_kept("Nine to five.", 500.0)
    done = channel.response_finished("cancelled", reason="client_cancelled")
    assert done[1]["transcript"] == "Nine to five."
    assert channel.items.history()[-1] == ("assistant", "Nine to five.")


def test_audio_belongs_to_the_sentence_being_sent_though_later_ones_are_announced() -> None:
    channel = _channel()
    channel.response_started()
    for sentence in ("We open at nine.", "We close at five.", "Closed on Sundays."):
        channel.agent_sentence(sentence)  # the speaker announces sentences ahead of their audio
    item_id = channel.items.last_id
    assert item_id is not None
    channel.agent_audio(MS_100 * 10)
    channel.segment_sent()
    channel.agent_audio(MS_100 * 10)
    channel.client_message(
        json.dumps(
            {
                "type": "conversation.item.truncate",
                "item_id": item_id,
                "content_index": 0,
                "audio_end_ms": 1500,
            }
        )
    )
    assert channel.items.history()[-1] == ("assistant", "We open at nine. We close")
