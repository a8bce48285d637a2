"""Client events of the OpenAI Realtime API (GA) as typed, frozen models: parsing only, no I/O.

``parse_client_event`` turns one WebSocket text message into a ``ClientEvent`` or raises
``ClientEventError`` (stable ``code``, the JSON ``param`` path, the offending ``event_id``), which
``server_events.error`` turns into the ``error`` event the session answers with before it
carries on. Fields the platform does not act on (``tools``, ``noise_reduction``, ``voice``...)
are accepted and ignored, so clients written for OpenAI work unchanged.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, TypeAdapter, ValidationError

from switchboard_voice_runtime.realtime.session_config import SessionConfig

MAX_EVENT_ID_CHARS = 512
MAX_AUDIO_APPEND_BYTES = 15 * 1024 * 1024
"""The largest decoded ``input_audio_buffer.append`` chunk (OpenAI's limit, 15 MiB)."""
MAX_TEXT_CHARS = 20_000

ErrorCode = Literal[
    "invalid_json",
    "invalid_event",
    "unknown_event",
    "invalid_value",
    "unsupported_session_type",
]
CLIENT_EVENT_TYPES = (
    "session.update",
    "input_audio_buffer.append",
    "input_audio_buffer.commit",
    "input_audio_buffer.clear",
    "conversation.item.create",
    "conversation.item.retrieve",
    "conversation.item.truncate",
    "conversation.item.delete",
    "response.create",
    "response.cancel",
    "output_audio_buffer.clear",
)


class ClientEventError(Exception):
    """A client event that cannot be acted on; the session answers ``error`` and continues."""

    def __init__(
        self,
        code: ErrorCode,
        message: str,
        *,
        param: str | None = None,
        event_id: str | None = None,
    ) -> None:
        super().__init__(message)
        self.code: ErrorCode = code
        self.message = message
        self.param = param
        self.event_id = event_id


class _Wire(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")


class _Event(_Wire):
    event_id: str | None = Field(default=None, max_length=MAX_EVENT_ID_CHARS)


def _decode_audio(value: object) -> bytes:
    if not isinstance(value, str):
        raise ValueError("audio must be a base64 string")
    if len(value) > MAX_AUDIO_APPEND_BYTES * 4 // 3 + 4:
        raise ValueError(f"audio is larger than {MAX_AUDIO_APPEND_BYTES} bytes")
    try:
        return base64.b64decode(value, validate=True)
    except binascii.Error as exc:
        raise ValueError("audio is not valid base64") from exc


Base64Audio = Annotated[bytes, BeforeValidator(_decode_audio)]


class SessionUpdate(_Event):
    type: Literal["session.update"]
    session: SessionConfig


class InputAudioBufferAppend(_Event):
    """``audio``: the decoded bytes, in the session's input format."""

    type: Literal["input_audio_buffer.append"]
    audio: Base64Audio


class InputAudioBufferCommit(_Event):
    type: Literal["input_audio_buffer.commit"]


class InputAudioBufferClear(_Event):
    type: Literal["input_audio_buffer.clear"]


class InputText(_Wire):
    type: Literal["input_text"]
    text: str = Field(max_length=MAX_TEXT_CHARS)


class InputAudio(_Wire):
    type: Literal["input_audio"]
    audio: Base64Audio | None = None
    transcript: str | None = Field(default=None, max_length=MAX_TEXT_CHARS)


class OutputText(_Wire):
    type: Literal["output_text", "text"]
    text: str = Field(max_length=MAX_TEXT_CHARS)


class OutputAudio(_Wire):
    type: Literal["output_audio"]
    transcript: str | None = Field(default=None, max_length=MAX_TEXT_CHARS)


ContentPart = Annotated[
    InputText | InputAudio | OutputText | OutputAudio, Field(discriminator="type")
]


class MessageItem(_Wire):
    type: Literal["message"]
    id: str | None = Field(default=None, max_length=64)
    role: Literal["user", "assistant", "system"]
    content: tuple[ContentPart, ...] = Field(min_length=1, max_length=16)

    @property
    def text(self) -> str:
        """The item's words: typed text, or the transcript of its audio."""
        words = [
            part.text if isinstance(part, InputText | OutputText) else part.transcript or ""
            for part in self.content
        ]
        return " ".join(word for word in words if word)


class FunctionCallOutputItem(_Wire):
    type: Literal["function_call_output"]
    id: str | None = Field(default=None, max_length=64)
    call_id: str = Field(max_length=64)
    output: str = Field(max_length=MAX_TEXT_CHARS)


ConversationItem = Annotated[MessageItem | FunctionCallOutputItem, Field(discriminator="type")]


class ConversationItemCreate(_Event):
    type: Literal["conversation.item.create"]
    item: ConversationItem
    previous_item_id: str | None = None


class ConversationItemRetrieve(_Event):
    type: Literal["conversation.item.retrieve"]
    item_id: str


class ConversationItemTruncate(_Event):
    """The client played ``audio_end_ms`` of the item's audio: the rest was never heard."""

    type: Literal["conversation.item.truncate"]
    item_id: str
    content_index: int = Field(ge=0)
    audio_end_ms: int = Field(ge=0)


class ConversationItemDelete(_Event):
    type: Literal["conversation.item.delete"]
    item_id: str


class ResponseParams(_Wire):
    instructions: str | None = Field(default=None, max_length=MAX_TEXT_CHARS)
    output_modalities: tuple[Literal["text", "audio"], ...] | None = None
    conversation: str | None = None
    metadata: dict[str, str] | None = None


class ResponseCreate(_Event):
    type: Literal["response.create"]
    response: ResponseParams | None = None


class ResponseCancel(_Event):
    type: Literal["response.cancel"]
    response_id: str | None = None


class OutputAudioBufferClear(_Event):
    type: Literal["output_audio_buffer.clear"]


ClientEvent = Annotated[
    SessionUpdate
    | InputAudioBufferAppend
    | InputAudioBufferCommit
    | InputAudioBufferClear
    | ConversationItemCreate
    | ConversationItemRetrieve
    | ConversationItemTruncate
    | ConversationItemDelete
    | ResponseCreate
    | ResponseCancel
    | OutputAudioBufferClear,
    Field(discriminator="type"),
]
_CLIENT_EVENT: TypeAdapter[ClientEvent] = TypeAdapter(ClientEvent)


_UNION_FIELDS = frozenset({"format", "turn_detection", "item"})


def _param(error: ValidationError) -> str | None:
    """The JSON path of the first invalid field, as OpenAI names it: without the tags pydantic
    adds after a discriminated union (the event type, ``format``'s type, a content part's)."""
    loc = error.errors()[0]["loc"][1:]
    parts: list[str] = []
    for index, part in enumerate(loc):
        previous = loc[index - 1] if index else None
        after_union = previous in _UNION_FIELDS or (
            isinstance(previous, int) and index >= 2 and loc[index - 2] == "content"
        )
        if not (after_union and isinstance(part, str) and index + 1 < len(loc)):
            parts.append(str(part))
    return ".".join(parts) or None


def parse_client_event(message: str | bytes) -> ClientEvent:
    """One client event from one WebSocket message; ``ClientEventError`` otherwise."""
    try:
        raw = json.loads(message)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ClientEventError("invalid_json", "The event is not valid JSON.") from exc
    if not isinstance(raw, dict):
        raise ClientEventError("invalid_event", "An event is a JSON object.")
    event_id = raw.get("event_id") if isinstance(raw.get("event_id"), str) else None
    event_type = raw.get("type")
    if not isinstance(event_type, str):
        raise ClientEventError(
            "invalid_event", "The event has no type.", param="type", event_id=event_id
        )
    if event_type not in CLIENT_EVENT_TYPES:
        raise ClientEventError(
            "unknown_event",
            f"Unknown event type {event_type[:64]!r}.",
            param="type",
            event_id=event_id,
        )
    session = raw.get("session") if event_type == "session.update" else None
    if isinstance(session, dict) and session.get("type", "realtime") != "realtime":
        raise ClientEventError(
            "unsupported_session_type",
            "Only realtime sessions are supported (session.type: 'realtime').",
            param="session.type",
            event_id=event_id,
        )
    try:
        return _CLIENT_EVENT.validate_python(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise ClientEventError(
            "invalid_value",
            f"Invalid {event_type} event: {first['msg']}.",
            param=_param(exc),
            event_id=event_id,
        ) from None
