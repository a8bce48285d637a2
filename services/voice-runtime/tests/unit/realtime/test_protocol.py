"""Every client event the official SDK can send parses into its typed model; malformed and
unknown events raise a ClientEventError with a stable code, the param and the event_id."""

from __future__ import annotations

import base64
import json

import pytest
from openai.types.realtime import (
    ConversationItemCreateEvent,
    ConversationItemDeleteEvent,
    ConversationItemRetrieveEvent,
    ConversationItemTruncateEvent,
    InputAudioBufferAppendEvent,
    InputAudioBufferClearEvent,
    InputAudioBufferCommitEvent,
    OutputAudioBufferClearEvent,
    RealtimeClientEvent,
    ResponseCancelEvent,
    ResponseCreateEvent,
    SessionUpdateEvent,
)
from pydantic import TypeAdapter

from switchboard_voice_runtime.realtime.protocol import (
    CLIENT_EVENT_TYPES,
    ClientEventError,
    ConversationItemCreate,
    ConversationItemTruncate,
    FunctionCallOutputItem,
    InputAudioBufferAppend,
    MessageItem,
    ResponseCancel,
    ResponseCreate,
    SessionUpdate,
    parse_client_event,
)
from switchboard_voice_runtime.realtime.session_config import PcmuFormat, ServerVad

SDK_EVENT: TypeAdapter[RealtimeClientEvent] = TypeAdapter(RealtimeClientEvent)
AUDIO = bytes(range(256)) * 4


def _sent_by_sdk(event: dict[str, object]) -> str:
    """The JSON the SDK sends for ``event`` (AsyncRealtimeConnection.send with a model)."""
    model = SDK_EVENT.validate_python(event)
    return model.to_json(use_api_names=True, exclude_unset=True)


SDK_EVENTS: list[dict[str, object]] = [
    {
        "type": "session.update",
        "event_id": "evt_1",
        "session": {
            "type": "realtime",
            "model": "gpt-realtime",
            "instructions": "Be brief.",
            "output_modalities": ["audio"],
            "audio": {
                "input": {
                    "format": {"type": "audio/pcm", "rate": 24000},
                    "transcription": {"model": "gpt-4o-transcribe", "language": "en"},
                    "turn_detection": {
                        "type": "server_vad",
                        "threshold": 0.5,
                        "prefix_padding_ms": 300,
                        "silence_duration_ms": 500,
                        "create_response": True,
                        "interrupt_response": True,
                    },
                    "noise_reduction": {"type": "near_field"},
                },
                "output": {"format": {"type": "audio/pcm", "rate": 24000}, "voice": "marin"},
            },
            "tools": [{"type": "function", "name": "f", "parameters": {"type": "object"}}],
            "tool_choice": "auto",
        },
    },
    {
        "type": "session.update",
        "session": {
            "type": "realtime",
            "audio": {"input": {"format": {"type": "audio/pcmu"}, "turn_detection": None}},
        },
    },
    {
        "type": "session.update",
        "session": {"type": "realtime", "audio": {"output": {"format": {"type": "audio/pcma"}}}},
    },
    {
        "type": "session.update",
        "session": {
            "type": "realtime",
            "audio": {"input": {"turn_detection": {"type": "semantic_vad", "eagerness": "high"}}},
        },
    },
    {"type": "input_audio_buffer.append", "audio": base64.b64encode(AUDIO).decode()},
    {"type": "input_audio_buffer.commit", "event_id": "evt_c"},
    {"type": "input_audio_buffer.clear"},
    {
        "type": "conversation.item.create",
        "previous_item_id": "item_0",
        "item": {
            "type": "message",
            "role": "user",
            "content": [{"type": "input_text", "text": "What are your hours?"}],
        },
    },
    {
        "type": "conversation.item.create",
        "item": {
            "type": "message",
            "role": "system",
            "content": [{"type": "input_text", "text": "The caller is a member."}],
        },
    },
    {
        "type": "conversation.item.create",
        "item": {
            "type": "message",
            "role": "assistant",
            "content": [{"type": "output_text", "text": "Hello."}],
        },
    },
    {
        "type": "conversation.item.create",
        "item": {"type": "function_call_output", "call_id": "call_1", "output": '{"ok":true}'},
    },
    {"type": "conversation.item.retrieve", "item_id": "item_1"},
    {
        "type": "conversation.item.truncate",
        "item_id": "item_2",
        "content_index": 0,
        "audio_end_ms": 1500,
    },
    {"type": "conversation.item.delete", "item_id": "item_3"},
    {"type": "response.create"},
    {
        "type": "response.create",
        "response": {
            "instructions": "Say goodbye.",
            "output_modalities": ["audio"],
            "conversation": "auto",
            "metadata": {"topic": "bye"},
        },
    },
    {"type": "response.cancel"},
    {"type": "response.cancel", "response_id": "resp_1"},
    {"type": "output_audio_buffer.clear"},
]


@pytest.mark.parametrize("event", SDK_EVENTS, ids=lambda e: str(e["type"]))
def test_every_client_event_the_sdk_sends_parses(event: dict[str, object]) -> None:
    parsed = parse_client_event(_sent_by_sdk(event))
    assert parsed.type == event["type"]
    assert parsed.event_id == event.get("event_id")


def test_the_sdk_models_cover_every_client_event_type() -> None:
    sdk_models = (
        SessionUpdateEvent,
        InputAudioBufferAppendEvent,
        InputAudioBufferCommitEvent,
        InputAudioBufferClearEvent,
        ConversationItemCreateEvent,
        ConversationItemRetrieveEvent,
        ConversationItemTruncateEvent,
        ConversationItemDeleteEvent,
        ResponseCreateEvent,
        ResponseCancelEvent,
        OutputAudioBufferClearEvent,
    )
    sdk_types = {model.model_json_schema()["properties"]["type"]["const"] for model in sdk_models}
    assert sdk_types == set(CLIENT_EVENT_TYPES)
    assert {str(e["type"]) for e in SDK_EVENTS} == set(CLIENT_EVENT_TYPES)


def test_session_update_carries_formats_vad_and_instructions() -> None:
    full = parse_client_event(_sent_by_sdk(SDK_EVENTS[0]))
    assert isinstance(full, SessionUpdate)
    assert full.session.instructions == "Be brief."
    assert full.session.audio is not None and full.session.audio.input is not None
    vad = full.session.audio.input.turn_detection
    assert isinstance(vad, ServerVad) and vad.silence_duration_ms == 500
    manual = parse_client_event(_sent_by_sdk(SDK_EVENTS[1]))
    assert isinstance(manual, SessionUpdate)
    assert manual.session.audio is not None and manual.session.audio.input is not None
    audio_in = manual.session.audio.input
    assert isinstance(audio_in.format, PcmuFormat)
    assert "turn_detection" in audio_in.model_fields_set and audio_in.turn_detection is None


def test_append_decodes_the_audio() -> None:
    event = parse_client_event(_sent_by_sdk(SDK_EVENTS[4]))
    assert isinstance(event, InputAudioBufferAppend) and event.audio == AUDIO


def test_items_expose_their_words() -> None:
    user = parse_client_event(_sent_by_sdk(SDK_EVENTS[7]))
    assert isinstance(user, ConversationItemCreate) and isinstance(user.item, MessageItem)
    assert user.item.role == "user" and user.item.text == "What are your hours?"
    assert user.previous_item_id == "item_0"
    output = parse_client_event(_sent_by_sdk(SDK_EVENTS[10]))
    assert isinstance(output, ConversationItemCreate)
    assert isinstance(output.item, FunctionCallOutputItem) and output.item.call_id == "call_1"


def test_truncate_response_create_and_cancel_keep_their_fields() -> None:
    truncate = parse_client_event(_sent_by_sdk(SDK_EVENTS[12]))
    assert isinstance(truncate, ConversationItemTruncate)
    assert (truncate.item_id, truncate.content_index, truncate.audio_end_ms) == ("item_2", 0, 1500)
    create = parse_client_event(_sent_by_sdk(SDK_EVENTS[15]))
    assert isinstance(create, ResponseCreate) and create.response is not None
    assert create.response.instructions == "Say goodbye."
    cancel = parse_client_event(_sent_by_sdk(SDK_EVENTS[17]))
    assert isinstance(cancel, ResponseCancel) and cancel.response_id == "resp_1"


def _refusal(message: str | bytes) -> ClientEventError:
    with pytest.raises(ClientEventError) as caught:
        parse_client_event(message)
    return caught.value


@pytest.mark.parametrize(
    ("message", "code", "param"),
    [
        ("not json", "invalid_json", None),
        (b"\xff\xfe", "invalid_json", None),
        ("[1, 2]", "invalid_event", None),
        ('{"event_id": "e"}', "invalid_event", "type"),
        ('{"type": 7}', "invalid_event", "type"),
        ('{"type": "response.explode"}', "unknown_event", "type"),
        ('{"type": "session.update"}', "invalid_value", "session"),
        ('{"type": "session.update", "session": {}}', "invalid_value", "session.type"),
        (
            '{"type": "session.update", "session": {"type": "transcription"}}',
            "unsupported_session_type",
            "session.type",
        ),
        (
            json.dumps(
                {
                    "type": "session.update",
                    "session": {
                        "type": "realtime",
                        "audio": {"input": {"format": {"type": "audio/pcm", "rate": 16000}}},
                    },
                }
            ),
            "invalid_value",
            "session.audio.input.format.rate",
        ),
        (
            json.dumps(
                {
                    "type": "session.update",
                    "session": {
                        "type": "realtime",
                        "audio": {"output": {"format": {"type": "audio/opus"}}},
                    },
                }
            ),
            "invalid_value",
            "session.audio.output.format",
        ),
        ('{"type": "input_audio_buffer.append", "audio": "%%%"}', "invalid_value", "audio"),
        ('{"type": "input_audio_buffer.append"}', "invalid_value", "audio"),
        (
            '{"type": "conversation.item.truncate", "item_id": "i", "content_index": 0,'
            ' "audio_end_ms": -1}',
            "invalid_value",
            "audio_end_ms",
        ),
        (
            '{"type": "conversation.item.create", "item": {"type": "mcp_call"}}',
            "invalid_value",
            "item",
        ),
        (
            json.dumps(
                {
                    "type": "conversation.item.create",
                    "item": {
                        "type": "message",
                        "role": "user",
                        "content": [{"type": "input_text"}],
                    },
                }
            ),
            "invalid_value",
            "item.content.0.text",
        ),
        (
            json.dumps(
                {
                    "type": "session.update",
                    "session": {
                        "type": "realtime",
                        "audio": {
                            "input": {"turn_detection": {"type": "server_vad", "threshold": 2}}
                        },
                    },
                }
            ),
            "invalid_value",
            "session.audio.input.turn_detection.threshold",
        ),
    ],
)
def test_bad_events_get_a_stable_code_and_param(
    message: str | bytes, code: str, param: str | None
) -> None:
    refusal = _refusal(message)
    assert refusal.code == code
    assert refusal.param == param


def test_a_refusal_names_the_offending_event_id() -> None:
    refusal = _refusal('{"type": "nope", "event_id": "evt_42"}')
    assert refusal.event_id == "evt_42"
    refusal = _refusal('{"type": "conversation.item.delete", "event_id": "evt_43"}')
    assert refusal.event_id == "evt_43" and refusal.param == "item_id"


def test_an_oversized_append_is_refused() -> None:
    huge = "A" * (16 * 1024 * 1024 * 4 // 3)
    refusal = _refusal(json.dumps({"type": "input_audio_buffer.append", "audio": huge}))
    assert refusal.code == "invalid_value" and "larger" in refusal.message
