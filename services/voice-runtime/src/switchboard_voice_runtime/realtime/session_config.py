"""A realtime session's configuration: the ``session`` of ``session.update`` as the client sends
it, and the effective settings the session runs with (``RealtimeSessionSettings``), which
``session.created`` / ``session.updated`` echo back.

Partial updates as OpenAI applies them: a field left out keeps its value; ``turn_detection:
null`` (given, and null) turns server VAD off, after which the client commits the input buffer
itself. ``semantic_vad`` is accepted and runs on the same turn-taking as ``server_vad``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from switchboard_common.audio.formats import AudioEncoding, AudioFormat

PCM_RATE_HZ: Literal[24000] = 24_000
MAX_INSTRUCTIONS_CHARS = 20_000
WireFormatType = Literal["audio/pcm", "audio/pcmu", "audio/pcma"]


class _Wire(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")


class PcmFormat(_Wire):
    type: Literal["audio/pcm"]
    rate: Literal[24000] = PCM_RATE_HZ


class PcmuFormat(_Wire):
    type: Literal["audio/pcmu"]


class PcmaFormat(_Wire):
    type: Literal["audio/pcma"]


WireFormat = Annotated[PcmFormat | PcmuFormat | PcmaFormat, Field(discriminator="type")]


class ServerVad(_Wire):
    type: Literal["server_vad"]
    threshold: float | None = Field(default=None, ge=0.0, le=1.0)
    prefix_padding_ms: int | None = Field(default=None, ge=0, le=5_000)
    silence_duration_ms: int | None = Field(default=None, ge=100, le=5_000)
    create_response: bool = True
    interrupt_response: bool = True
    idle_timeout_ms: int | None = Field(default=None, ge=5_000, le=30_000)


class SemanticVad(_Wire):
    type: Literal["semantic_vad"]
    eagerness: Literal["low", "medium", "high", "auto"] = "auto"
    create_response: bool = True
    interrupt_response: bool = True


TurnDetection = Annotated[ServerVad | SemanticVad, Field(discriminator="type")]


class Transcription(_Wire):
    """Any model name is accepted: the platform's STT transcribes either way."""

    model: str | None = Field(default=None, max_length=128)
    language: str | None = Field(default=None, max_length=16)
    prompt: str | None = Field(default=None, max_length=2_000)


class AudioInputConfig(_Wire):
    format: WireFormat | None = None
    transcription: Transcription | None = None
    turn_detection: TurnDetection | None = None


class AudioOutputConfig(_Wire):
    format: WireFormat | None = None


class AudioConfig(_Wire):
    input: AudioInputConfig | None = None
    output: AudioOutputConfig | None = None


class SessionConfig(_Wire):
    """``session`` of a ``session.update`` (GA: ``type`` is required and ``"realtime"``)."""

    type: Literal["realtime"]
    instructions: str | None = Field(default=None, max_length=MAX_INSTRUCTIONS_CHARS)
    output_modalities: tuple[Literal["text", "audio"], ...] | None = Field(
        default=None, min_length=1
    )
    audio: AudioConfig | None = None


def wire_format_audio(wire: PcmFormat | PcmuFormat | PcmaFormat) -> AudioFormat:
    """The runtime's ``AudioFormat`` of a wire format."""
    if isinstance(wire, PcmFormat):
        return AudioFormat(AudioEncoding.PCM16, PCM_RATE_HZ)
    if isinstance(wire, PcmuFormat):
        return AudioFormat(AudioEncoding.MULAW, 8_000)
    return AudioFormat(AudioEncoding.ALAW, 8_000)


DEFAULT_TURN_DETECTION = ServerVad(type="server_vad")
PCM_24K = PcmFormat(type="audio/pcm")


@dataclass(frozen=True, slots=True)
class RealtimeSessionSettings:
    """What a session runs with. ``instructions`` are the client's (added to the agent's
    prompt only where the agent allows it); ``turn_detection`` None: the client commits."""

    session_id: str
    model: str
    input_format: PcmFormat | PcmuFormat | PcmaFormat = PCM_24K
    output_format: PcmFormat | PcmuFormat | PcmaFormat = PCM_24K
    turn_detection: ServerVad | SemanticVad | None = DEFAULT_TURN_DETECTION
    transcription: Transcription | None = None
    instructions: str = ""
    output_modalities: tuple[Literal["text", "audio"], ...] = ("audio",)

    @property
    def input_audio(self) -> AudioFormat:
        return wire_format_audio(self.input_format)

    @property
    def output_audio(self) -> AudioFormat:
        return wire_format_audio(self.output_format)

    def updated(self, config: SessionConfig) -> RealtimeSessionSettings:
        """These settings with a ``session.update`` applied (fields left out are kept)."""
        changes: dict[str, object] = {}
        if config.instructions is not None:
            changes["instructions"] = config.instructions
        if config.output_modalities is not None:
            changes["output_modalities"] = config.output_modalities
        audio_in = config.audio.input if config.audio else None
        audio_out = config.audio.output if config.audio else None
        if audio_in is not None:
            if audio_in.format is not None:
                changes["input_format"] = audio_in.format
            if "transcription" in audio_in.model_fields_set:
                changes["transcription"] = audio_in.transcription
            if "turn_detection" in audio_in.model_fields_set:
                changes["turn_detection"] = audio_in.turn_detection
        if audio_out is not None and audio_out.format is not None:
            changes["output_format"] = audio_out.format
        return replace(self, **changes)  # type: ignore[arg-type]

    def to_wire(self) -> dict[str, object]:
        """The ``session`` object of ``session.created`` / ``session.updated``."""
        turn = self.turn_detection.model_dump(exclude_none=True) if self.turn_detection else None
        transcription = (
            self.transcription.model_dump(exclude_none=True) if self.transcription else None
        )
        return {
            "type": "realtime",
            "object": "realtime.session",
            "id": self.session_id,
            "model": self.model,
            "instructions": self.instructions,
            "output_modalities": list(self.output_modalities),
            "audio": {
                "input": {
                    "format": self.input_format.model_dump(),
                    "transcription": transcription,
                    "turn_detection": turn,
                    "noise_reduction": None,
                },
                "output": {"format": self.output_format.model_dump()},
            },
            "tools": [],
            "tool_choice": "auto",
        }
