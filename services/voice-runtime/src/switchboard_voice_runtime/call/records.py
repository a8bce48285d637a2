"""Value types of a call in progress: the outcome, one agent turn and its stage times."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from switchboard_common.contract import TurnStages
from switchboard_common.contract.events import EndReason, ToolCallReport
from switchboard_voice_runtime.call.brain import BrainKind
from switchboard_voice_runtime.call.speaker import Utterance
from switchboard_voice_runtime.providers.errors import ProviderError


@dataclass(frozen=True, slots=True)
class CallOutcome:
    reason: EndReason
    duration_s: float
    turns: int
    recording_ref: str | None
    """The recording's key in the runtime's RecordingStore."""
    transferred_to: str | None


@dataclass(slots=True)
class StageTimes:
    """Clock seconds (not yet relative to the call start) at which a turn's stages happened."""

    caller_stopped_s: float | None = None
    end_of_turn_s: float | None = None
    transcript_final_s: float | None = None
    llm_first_token_s: float | None = None

    def relative(self, started_at_s: float, utterance: Utterance) -> TurnStages:
        def ms(at_s: float | None) -> float | None:
            return None if at_s is None else round((at_s - started_at_s) * 1000, 1)

        return TurnStages(
            caller_stopped_ms=ms(self.caller_stopped_s),
            end_of_turn_ms=ms(self.end_of_turn_s),
            transcript_final_ms=ms(self.transcript_final_s),
            llm_first_token_ms=ms(self.llm_first_token_s),
            tts_first_audio_ms=ms(utterance.first_audio_at_s),
            first_frame_out_ms=ms(utterance.first_frame_at_s),
        )


@dataclass(slots=True)
class AgentTurn:
    """One agent utterance; ``index`` is the caller turn it answers (None: greeting, reprompt)."""

    utterance: Utterance
    index: int | None = None
    caller_text: str = ""
    brain: BrainKind | Literal["system"] = "system"
    stages: StageTimes = field(default_factory=StageTimes)
    counts_as_activity: bool = True
    finished: bool = False
    tool_calls: Sequence[ToolCallReport] = ()


@dataclass(frozen=True, slots=True)
class Heard:
    """A transcription result: the text or the error, and when it was known."""

    text: str
    at_s: float
    error: ProviderError | None = None
