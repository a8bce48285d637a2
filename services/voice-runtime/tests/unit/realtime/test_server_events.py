"""Every server event we build validates against the official SDK's types, with no field the
SDK does not know, and ids in OpenAI's style."""

from __future__ import annotations

import base64
import re
from collections.abc import Callable

import pytest
from openai import BaseModel as SdkModel
from openai.types.realtime import RealtimeServerEvent
from pydantic import TypeAdapter

from switchboard_voice_runtime.realtime import server_events as events
from switchboard_voice_runtime.realtime.ids import new_id
from switchboard_voice_runtime.realtime.protocol import ClientEventError
from switchboard_voice_runtime.realtime.session_config import RealtimeSessionSettings

SDK_EVENT: TypeAdapter[RealtimeServerEvent] = TypeAdapter(RealtimeServerEvent)
SETTINGS = RealtimeSessionSettings(session_id=new_id("sess"), model="agt_1")
PART = events.OutputPart(response_id="resp_1", item_id="item_2", output_index=0, content_index=0)
USER = events.user_audio_item("item_1", "What are your hours?", "completed")
AGENT = events.assistant_audio_item("item_2", "Nine to five.", "completed")
DONE = events.response(
    "resp_1", "completed", output=[AGENT], usage=events.ResponseUsage(input_text_tokens=12)
)

BUILDERS: dict[str, Callable[[], events.Event]] = {
    "session.created": lambda: events.session_created(SETTINGS.to_wire()),
    "session.updated": lambda: events.session_updated(SETTINGS.to_wire()),
    "input_audio_buffer.speech_started": lambda: events.speech_started("item_1", 480),
    "input_audio_buffer.speech_stopped": lambda: events.speech_stopped("item_1", 2100),
    "input_audio_buffer.committed": lambda: events.input_committed("item_1", None),
    "input_audio_buffer.cleared": events.input_cleared,
    "conversation.item.added": lambda: events.item_added(USER, None),
    "conversation.item.done": lambda: events.item_done(AGENT, "item_1"),
    "conversation.item.retrieved": lambda: events.item_retrieved(USER),
    "conversation.item.truncated": lambda: events.item_truncated("item_2", 0, 1500),
    "conversation.item.deleted": lambda: events.item_deleted("item_2"),
    "conversation.item.input_audio_transcription.completed": (
        lambda: events.input_transcription_completed("item_1", "What are your hours?", 1.62)
    ),
    "response.created": lambda: events.response_created(events.response("resp_1", "in_progress")),
    "response.output_item.added": lambda: events.output_item_added(
        "resp_1", 0, events.assistant_audio_item("item_2", "", "in_progress")
    ),
    "response.output_item.done": lambda: events.output_item_done("resp_1", 0, AGENT),
    "response.content_part.added": PART.content_part_added,
    "response.content_part.done": lambda: PART.content_part_done("Nine to five."),
    "response.output_audio.delta": lambda: PART.audio_delta(b"\x00\x01" * 480),
    "response.output_audio.done": PART.audio_done,
    "response.output_audio_transcript.delta": lambda: PART.transcript_delta("Nine "),
    "response.output_audio_transcript.done": lambda: PART.transcript_done("Nine to five."),
    "response.output_text.delta": lambda: PART.text_delta("Nine "),
    "response.output_text.done": lambda: PART.text_done("Nine to five."),
    "response.done": lambda: events.response_done(DONE),
    "error": lambda: events.error("unknown_event", "Unknown event.", param="type", event_id="e1"),
}


def _unknown_fields(model: object, path: str = "") -> list[str]:
    """Fields the SDK's models do not declare, anywhere in the parsed event."""
    found: list[str] = []
    if isinstance(model, SdkModel):
        found += [f"{path}.{name}" for name in (model.model_extra or {})]
        for name in type(model).model_fields:
            found += _unknown_fields(getattr(model, name), f"{path}.{name}")
    elif isinstance(model, list):
        for index, value in enumerate(model):
            found += _unknown_fields(value, f"{path}.{index}")
    return found


# Fields OpenAI's server sends in the session object that the SDK's request model leaves out.
SESSION_EXTRAS = {".session.object", ".session.id"}


@pytest.mark.parametrize("event_type", sorted(BUILDERS))
def test_each_server_event_validates_against_the_sdk(event_type: str) -> None:
    event = BUILDERS[event_type]()
    parsed = SDK_EVENT.validate_python(event)
    assert parsed.type == event_type
    assert set(_unknown_fields(parsed)) <= SESSION_EXTRAS
    assert re.fullmatch(r"event_[A-Za-z0-9]{21}", str(event["event_id"]))


def test_every_server_event_the_issue_lists_has_a_builder() -> None:
    listed = {
        "session.created", "session.updated", "input_audio_buffer.speech_started",
        "input_audio_buffer.speech_stopped", "input_audio_buffer.committed",
        "input_audio_buffer.cleared", "conversation.item.added", "conversation.item.done",
        "conversation.item.truncated", "conversation.item.deleted",
        "conversation.item.input_audio_transcription.completed", "response.created",
        "response.output_item.added", "response.output_item.done", "response.output_audio.delta",
        "response.output_audio.done", "response.output_audio_transcript.delta",
        "response.output_audio_transcript.done", "response.done", "error",
    }  # fmt: skip
    assert listed <= set(BUILDERS)


def test_event_ids_are_unique() -> None:
    assert len({events.input_cleared()["event_id"] for _ in range(200)}) == 200


def test_audio_deltas_carry_base64_audio() -> None:
    delta = PART.audio_delta(b"\x01\x02\x03")
    assert base64.b64decode(str(delta["delta"])) == b"\x01\x02\x03"


def test_response_done_reports_usage_and_why_it_stopped() -> None:
    cancelled = events.response("resp_1", "cancelled", reason="turn_detected")
    parsed = SDK_EVENT.validate_python(events.response_done(cancelled))
    assert parsed.type == "response.done"
    assert parsed.response.status_details is not None
    assert parsed.response.status_details.reason == "turn_detected"
    usage = events.ResponseUsage(input_text_tokens=10, input_audio_tokens=5, output_text_tokens=7)
    done = SDK_EVENT.validate_python(
        events.response_done(events.response("r", "completed", usage=usage))
    )
    assert done.type == "response.done" and done.response.usage is not None
    assert (done.response.usage.input_tokens, done.response.usage.total_tokens) == (15, 22)


def test_a_client_error_keeps_code_param_and_event_id() -> None:
    problem = ClientEventError("invalid_value", "Bad.", param="audio", event_id="evt_9")
    parsed = SDK_EVENT.validate_python(events.client_error(problem))
    assert parsed.type == "error"
    assert (parsed.error.code, parsed.error.param, parsed.error.event_id) == (
        "invalid_value",
        "audio",
        "evt_9",
    )
    assert parsed.error.type == "invalid_request_error"
