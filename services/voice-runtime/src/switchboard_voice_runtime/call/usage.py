"""What one call consumed, counted as it happens and reported in its ``call.ended``."""

from __future__ import annotations

from dataclasses import dataclass

from switchboard_common.contract.usage import CallUsage


@dataclass(slots=True)
class UsageTally:
    """Counters of one call; each is written by the one component that does the work (STT in the
    dialogue, TTS in the speaker, the LLM and tools in the LLM brain)."""

    stt_audio_s: float = 0.0
    tts_characters: int = 0
    llm_prompt_tokens: int = 0
    llm_completion_tokens: int = 0
    tool_calls: int = 0

    def heard(self, pcm16: bytes, sample_rate_hz: int) -> None:
        """Counts mono PCM16 audio sent to speech-to-text."""
        self.stt_audio_s += len(pcm16) / 2 / sample_rate_hz

    def report(self) -> CallUsage:
        return CallUsage(
            stt_audio_seconds=round(self.stt_audio_s, 3),
            tts_characters=self.tts_characters,
            llm_prompt_tokens=self.llm_prompt_tokens,
            llm_completion_tokens=self.llm_completion_tokens,
            tool_calls=self.tool_calls,
        )
