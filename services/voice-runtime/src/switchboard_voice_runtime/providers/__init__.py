"""Speech and language providers: ports (SpeechToText, TextToSpeech, ChatModel) and adapters."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx
from pydantic import SecretStr

from switchboard_common.audio import TELEPHONY_MULAW, AudioFormat
from switchboard_common.contract.tenant_config import AgentConfig
from switchboard_voice_runtime.call.phrases import prewarm_phrases
from switchboard_voice_runtime.providers.errors import ProviderError
from switchboard_voice_runtime.providers.http_tools import HttpToolRunner, ToolOutcome, ToolRunner
from switchboard_voice_runtime.providers.litellm_loader import load_litellm
from switchboard_voice_runtime.providers.llm import (
    ChatDelta,
    ChatMessage,
    ChatModel,
    ChatModelFactory,
    LiteLlmChatModel,
    ToolCall,
    ToolSpec,
    litellm_chat_model,
    litellm_chat_models,
)
from switchboard_voice_runtime.providers.stt import HttpSpeechToText, SpeechToText
from switchboard_voice_runtime.providers.tts import (
    HttpTextToSpeech,
    SpeechCache,
    SpeechKey,
    TextToSpeech,
)


@dataclass(frozen=True, slots=True)
class SpeechServices:
    """What a call speaks, hears and thinks with; shared by every call of the process."""

    stt: SpeechToText
    tts: TextToSpeech
    chat: ChatModelFactory
    cache: SpeechCache = field(default_factory=SpeechCache)
    http_tools: ToolRunner | None = None

    async def warm_up(self) -> None:
        """Loads, in a worker thread, what a first LLM turn would otherwise load on the event
        loop (litellm's import, tokenizer and cost map: seconds of CPU)."""
        await load_litellm()

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
) -> SpeechServices:
    return SpeechServices(
        stt=HttpSpeechToText(stt_url, http, timeout_s=stt_timeout_s, token=stt_token),
        tts=HttpTextToSpeech(tts_url, http, timeout_s=tts_timeout_s, token=tts_token),
        chat=litellm_chat_models(allow_private_addresses=allow_private_addresses),
        http_tools=HttpToolRunner(
            http, allow_private_addresses=allow_private_addresses, on_outcome=on_tool_outcome
        ),
    )


__all__ = [
    "ChatDelta",
    "ChatMessage",
    "ChatModel",
    "ChatModelFactory",
    "HttpSpeechToText",
    "HttpTextToSpeech",
    "HttpToolRunner",
    "LiteLlmChatModel",
    "ProviderError",
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
