"""What the wire side of a realtime session asks of the call side (the CallSession on the
seam): frozen commands, each answering one client event."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from switchboard_common.audio.formats import AudioFormat
from switchboard_voice_runtime.realtime.session_config import RealtimeSessionSettings


@dataclass(frozen=True, slots=True)
class HearAudio:
    """Caller audio as the client sent it, in ``audio_format`` (the session's input format)."""

    audio: bytes
    audio_format: AudioFormat


@dataclass(frozen=True, slots=True)
class EndCallerTurn:
    """The client committed its input: the caller's turn ends now (``turn_detection: null``)."""

    item_id: str


@dataclass(frozen=True, slots=True)
class DropCallerAudio:
    """``input_audio_buffer.clear``: forget the caller audio not yet committed."""


@dataclass(frozen=True, slots=True)
class Respond:
    """``response.create``: answer now; ``instructions`` apply to this response only."""

    response_id: str
    instructions: str | None = None


@dataclass(frozen=True, slots=True)
class StopResponse:
    """``response.cancel`` / ``output_audio_buffer.clear``: stop the agent's output now."""

    reason: Literal["client_cancelled", "output_cleared"]


@dataclass(frozen=True, slots=True)
class ApplySettings:
    """``session.update`` changed what the session runs with (formats, turn detection...)."""

    settings: RealtimeSessionSettings


@dataclass(frozen=True, slots=True)
class RewriteHistory:
    """An item was created, truncated or deleted: ``history`` is the conversation the brain
    should now see, as (role, words) in order."""

    history: tuple[tuple[Literal["user", "assistant", "system"], str], ...]


Command = (
    HearAudio
    | EndCallerTurn
    | DropCallerAudio
    | Respond
    | StopResponse
    | ApplySettings
    | RewriteHistory
)
