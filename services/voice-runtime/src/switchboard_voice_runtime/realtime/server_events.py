"""Builders of the server events of the OpenAI Realtime API (GA): JSON-ready dicts, no I/O.

Every event gets a fresh ``event_id``; ids of items, responses and sessions come from
``ids.new_id``. Audio travels base64-encoded in the session's output format.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from switchboard_voice_runtime.realtime.ids import new_id
from switchboard_voice_runtime.realtime.protocol import ClientEventError

Event = dict[str, object]
ItemStatus = Literal["completed", "incomplete", "in_progress"]
ResponseStatus = Literal["completed", "cancelled", "failed", "incomplete", "in_progress"]
ErrorType = Literal["invalid_request_error", "server_error"]


def _event(event_type: str, **fields: object) -> Event:
    return {"type": event_type, "event_id": new_id("event"), **fields}


def error(
    code: str,
    message: str,
    *,
    error_type: ErrorType = "invalid_request_error",
    param: str | None = None,
    event_id: str | None = None,
) -> Event:
    """``error``: ``event_id`` names the client event that caused it, when there was one."""
    body = {"type": error_type, "code": code, "message": message, "param": param}
    return _event("error", error={**body, "event_id": event_id})


def client_error(problem: ClientEventError) -> Event:
    return error(problem.code, problem.message, param=problem.param, event_id=problem.event_id)


def output_cleared(response_id: str) -> Event:
    """``output_audio_buffer.cleared``: the response's audio not yet played was dropped."""
    return _event("output_audio_buffer.cleared", response_id=response_id)


def session_created(session: Mapping[str, object]) -> Event:
    return _event("session.created", session=dict(session))


def session_updated(session: Mapping[str, object]) -> Event:
    return _event("session.updated", session=dict(session))


def speech_started(item_id: str, audio_start_ms: int) -> Event:
    return _event(
        "input_audio_buffer.speech_started", item_id=item_id, audio_start_ms=audio_start_ms
    )


def speech_stopped(item_id: str, audio_end_ms: int) -> Event:
    return _event("input_audio_buffer.speech_stopped", item_id=item_id, audio_end_ms=audio_end_ms)


def input_committed(item_id: str, previous_item_id: str | None) -> Event:
    return _event(
        "input_audio_buffer.committed", item_id=item_id, previous_item_id=previous_item_id
    )


def input_cleared() -> Event:
    return _event("input_audio_buffer.cleared")


def user_audio_item(item_id: str, transcript: str | None, status: ItemStatus) -> Event:
    """The caller's spoken turn (``transcript`` None until transcription completes)."""
    content = {"type": "input_audio", "transcript": transcript}
    return _message(item_id, "user", [content], status)


def user_text_item(item_id: str, text: str) -> Event:
    return _message(item_id, "user", [{"type": "input_text", "text": text}], "completed")


def system_text_item(item_id: str, text: str) -> Event:
    return _message(item_id, "system", [{"type": "input_text", "text": text}], "completed")


def assistant_audio_item(item_id: str, transcript: str, status: ItemStatus) -> Event:
    content = {"type": "output_audio", "transcript": transcript}
    return _message(item_id, "assistant", [content], status)


def assistant_text_item(item_id: str, text: str, status: ItemStatus) -> Event:
    return _message(item_id, "assistant", [{"type": "output_text", "text": text}], status)


def _message(
    item_id: str, role: str, content: Sequence[Mapping[str, object]], status: ItemStatus
) -> Event:
    return {
        "id": item_id,
        "object": "realtime.item",
        "type": "message",
        "role": role,
        "status": status,
        "content": [dict(part) for part in content],
    }


def item_added(item: Mapping[str, object], previous_item_id: str | None) -> Event:
    return _event("conversation.item.added", item=dict(item), previous_item_id=previous_item_id)


def item_done(item: Mapping[str, object], previous_item_id: str | None) -> Event:
    return _event("conversation.item.done", item=dict(item), previous_item_id=previous_item_id)


def item_retrieved(item: Mapping[str, object]) -> Event:
    return _event("conversation.item.retrieved", item=dict(item))


def item_truncated(item_id: str, content_index: int, audio_end_ms: int) -> Event:
    return _event(
        "conversation.item.truncated",
        item_id=item_id,
        content_index=content_index,
        audio_end_ms=audio_end_ms,
    )


def item_deleted(item_id: str) -> Event:
    return _event("conversation.item.deleted", item_id=item_id)


def input_transcription_completed(
    item_id: str, transcript: str, audio_s: float, content_index: int = 0
) -> Event:
    """The caller's words; usage is the transcribed audio's duration in seconds."""
    return _event(
        "conversation.item.input_audio_transcription.completed",
        item_id=item_id,
        content_index=content_index,
        transcript=transcript,
        usage={"type": "duration", "seconds": round(audio_s, 3)},
    )


@dataclass(frozen=True, slots=True)
class ResponseUsage:
    """Token counts of one response (0 where the brain reports none, as the built-in one)."""

    input_text_tokens: int = 0
    input_audio_tokens: int = 0
    output_text_tokens: int = 0
    output_audio_tokens: int = 0

    def to_wire(self) -> dict[str, object]:
        input_tokens = self.input_text_tokens + self.input_audio_tokens
        output_tokens = self.output_text_tokens + self.output_audio_tokens
        return {
            "total_tokens": input_tokens + output_tokens,
            "input_tokens": input_tokens,
            "output_tokens": output_tokens,
            "input_token_details": {
                "text_tokens": self.input_text_tokens,
                "audio_tokens": self.input_audio_tokens,
                "cached_tokens": 0,
            },
            "output_token_details": {
                "text_tokens": self.output_text_tokens,
                "audio_tokens": self.output_audio_tokens,
            },
        }


def response(
    response_id: str,
    status: ResponseStatus,
    *,
    output: Sequence[Mapping[str, object]] = (),
    output_modalities: Sequence[str] = ("audio",),
    usage: ResponseUsage | None = None,
    reason: str | None = None,
) -> Event:
    """The ``response`` object of ``response.created`` / ``response.done``; ``reason`` of a
    cancelled or incomplete one: ``turn_detected``, ``client_cancelled``..."""
    details: dict[str, object] | None = None
    if status in ("cancelled", "incomplete", "failed"):
        details = {"type": status, "reason": reason}
    return {
        "id": response_id,
        "object": "realtime.response",
        "status": status,
        "status_details": details,
        "output": [dict(item) for item in output],
        "output_modalities": list(output_modalities),
        "conversation_id": None,
        "usage": usage.to_wire() if usage else None,
    }


def response_created(body: Mapping[str, object]) -> Event:
    return _event("response.created", response=dict(body))


def response_done(body: Mapping[str, object]) -> Event:
    return _event("response.done", response=dict(body))


def output_item_added(response_id: str, output_index: int, item: Mapping[str, object]) -> Event:
    return _event(
        "response.output_item.added",
        response_id=response_id,
        output_index=output_index,
        item=dict(item),
    )


def output_item_done(response_id: str, output_index: int, item: Mapping[str, object]) -> Event:
    return _event(
        "response.output_item.done",
        response_id=response_id,
        output_index=output_index,
        item=dict(item),
    )


@dataclass(frozen=True, slots=True)
class OutputPart:
    """Where streamed output belongs: response, item, output index and content index."""

    response_id: str
    item_id: str
    output_index: int = 0
    content_index: int = 0

    def _fields(self) -> dict[str, object]:
        return {
            "response_id": self.response_id,
            "item_id": self.item_id,
            "output_index": self.output_index,
            "content_index": self.content_index,
        }

    def content_part_added(self) -> Event:
        part = {"type": "audio", "transcript": ""}
        return _event("response.content_part.added", part=part, **self._fields())

    def content_part_done(self, transcript: str) -> Event:
        part = {"type": "audio", "transcript": transcript}
        return _event("response.content_part.done", part=part, **self._fields())

    def audio_delta(self, audio: bytes) -> Event:
        delta = base64.b64encode(audio).decode("ascii")
        return _event("response.output_audio.delta", delta=delta, **self._fields())

    def audio_done(self) -> Event:
        return _event("response.output_audio.done", **self._fields())

    def transcript_delta(self, text: str) -> Event:
        return _event("response.output_audio_transcript.delta", delta=text, **self._fields())

    def transcript_done(self, transcript: str) -> Event:
        return _event(
            "response.output_audio_transcript.done", transcript=transcript, **self._fields()
        )

    def text_delta(self, text: str) -> Event:
        return _event("response.output_text.delta", delta=text, **self._fields())

    def text_done(self, text: str) -> Event:
        return _event("response.output_text.done", text=text, **self._fields())
