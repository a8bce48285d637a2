"""Speech and language providers: ports (SpeechToText, TextToSpeech, ChatModel) and adapters."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

import httpx
from pydantic import SecretStr

from switchboard_common.audio import TELEPHONY_MULAW, AudioFormat
from switchboard_common.contract.tenant_config import AgentConfig
from switchboard_voice_runtime.call.phrases import prewarm_phrases
from switchboard_voice_runtime.call.silero_vad import SileroPool
from switchboard_voice_runtime.providers.errors import ProviderError
from switchboard_voice_runtime.providers.http_tools import HttpToolRunner, ToolOutcome, ToolRunner
from switchboard_voice_runtime.providers.litellm_chat import (
    LiteLlmChatModel,
    litellm_chat_model,
    litellm_chat_models,
)
from switchboard_voice_runtime.providers.litellm_loader import load_litellm
from switchboard_voice_runtime.providers.llm import (
    ChatDelta,
    ChatMessage,
    ChatModel,
    ChatModelFactory,
    ToolCall,
    ToolSpec,
)
from switchboard_voice_runtime.providers.smart_turn import SmartTurnModel
from switchboard_voice_runtime.providers.stt import HttpSpeechToText, SpeechToText
from switchboard_voice_runtime.providers.tts import (
    HttpTextToSpeech,
    SpeechCache,
    SpeechKey,
    TextToSpeech,
)


class EndOfTurnModel(Protocol):
    """Whether a caller who paused is done (``providers.smart_turn.SmartTurnModel``)."""

    async def complete_probability(self, pcm16: bytes, *, sample_rate_hz: int) -> float:
        """P(the utterance, PCM16 at ``sample_rate_hz``, is a complete turn), off the loop."""

    async def warm_up(self) -> None: ...


SILERO_PRELOADED = 4
"""Silero VADs loaded (8 kHz) before the runtime is ready; more load in the background."""


@dataclass(frozen=True, slots=True)
class SpeechServices:
    """What a call speaks, hears and thinks with; shared by every call of the process.
    Without ``turn_model`` silence alone ends a caller's turn."""

    stt: SpeechToText
    tts: TextToSpeech
    chat: ChatModelFactory
    cache: SpeechCache = field(default_factory=SpeechCache)
    http_tools: ToolRunner | None = None
    turn_model: EndOfTurnModel | None = None
    vads: SileroPool | None = None
    """Silero VADs lent to calls to gate WebRTC's (None: WebRTC alone)."""

    async def warm_up(self) -> None:
        """Loads, in a worker thread, what a first turn would otherwise load on the event
        loop (litellm's import, tokenizer and cost map: seconds of CPU; the end-of-turn model;
        a few Silero VADs)."""
        await load_litellm()
        if self.turn_model is not None:
            await self.turn_model.warm_up()
        if self.vads is not None:
            await asyncio.to_thread(self.vads.fill, SILERO_PRELOADED)

    async def prewarm(
        self, agent: AgentConfig, audio_format: AudioFormat = TELEPHONY_MULAW
    ) -> None:
        """Best effort: synthesizes the greeting and the fixed phrases into the cache, in the
        format the call's media connection takes."""
        voice_id, speed = agent.tts.voice_id, agent.tts.speed
        await asyncio.gather(
            *(
                self.cache.fill(self.tts, (voice_id, speed, text), audio_format)
                for text in prewarm_phrases(agent)
            )
        )


def build_speech_services(
    *,
    stt_url: str,
    tts_url: str,
    http: httpx.AsyncClient,
    stt_timeout_s: float = 3.0,
    tts_timeout_s: float = 3.0,
    stt_token: SecretStr | None = None,
    tts_token: SecretStr | None = None,
    allow_private_addresses: bool = False,
    on_tool_outcome: Callable[[ToolOutcome], None] | None = None,
    end_of_turn_model: bool = True,
    silero_vad: bool = True,
) -> SpeechServices:
    return SpeechServices(
        stt=HttpSpeechToText(stt_url, http, timeout_s=stt_timeout_s, token=stt_token),
        tts=HttpTextToSpeech(tts_url, http, timeout_s=tts_timeout_s, token=tts_token),
        chat=litellm_chat_models(allow_private_addresses=allow_private_addresses),
        http_tools=HttpToolRunner(
            http, allow_private_addresses=allow_private_addresses, on_outcome=on_tool_outcome
        ),
        turn_model=SmartTurnModel() if end_of_turn_model else None,
        vads=SileroPool() if silero_vad else None,
    )


__all__ = [
    "ChatDelta",
    "ChatMessage",
    "ChatModel",
    "ChatModelFactory",
    "EndOfTurnModel",
    "HttpSpeechToText",
    "HttpTextToSpeech",
    "HttpToolRunner",
    "LiteLlmChatModel",
    "ProviderError",
    "SmartTurnModel",
    "SpeechCache",
    "SpeechKey",
    "SpeechServices",
    "SpeechToText",
    "TextToSpeech",
    "ToolCall",
    "ToolSpec",
    "build_speech_services",
    "litellm_chat_model",
    "litellm_chat_models",
]
