"""Which call core the runtime runs: the speech services (for prewarm) and the session factory."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable

import httpx

from switchboard_common.audio import AudioFormat
from switchboard_common.contract import AgentConfig
from switchboard_voice_runtime.call.ports import CallContext, CallControl, EventSink, MediaSink
from switchboard_voice_runtime.calls import LiveCall, SessionFactory
from switchboard_voice_runtime.metrics import RuntimeMetrics
from switchboard_voice_runtime.runtime import Prewarmer
from switchboard_voice_runtime.settings import Settings

logger = logging.getLogger(__name__)

CallCore = Callable[[Settings, httpx.AsyncClient, RuntimeMetrics], tuple[Prewarmer, SessionFactory]]
"""Builds, in the lifespan, the speech services (for prewarm) and the session factory."""


class _NoPrewarm:
    async def prewarm(self, agent: AgentConfig, audio_format: AudioFormat) -> None:
        return None


def _missing_session(
    context: CallContext, media: MediaSink, control: CallControl, events: EventSink
) -> LiveCall:
    raise NotImplementedError("the call core (CallSession) is not installed")


def default_call_core(
    settings: Settings, http: httpx.AsyncClient, metrics: RuntimeMetrics
) -> tuple[Prewarmer, SessionFactory]:
    """SpeechServices over the STT/TTS services and CallSession, from the call core modules.

    The modules are looked up at run time so the edge builds on its own; without them every
    media socket is refused (logged) while webhooks and health keep working.
    """
    try:
        providers = importlib.import_module("switchboard_voice_runtime.providers")
        session_module = importlib.import_module("switchboard_voice_runtime.call.session")
    except ImportError:
        logger.error("runtime.call_core_missing")
        return _NoPrewarm(), _missing_session
    services = providers.build_speech_services(
        stt_url=settings.stt_url,
        tts_url=settings.tts_url,
        http=http,
        stt_timeout_s=settings.stt_timeout_s,
        tts_timeout_s=settings.tts_timeout_s,
        stt_token=settings.stt_token,
        tts_token=settings.tts_token,
        allow_private_addresses=settings.allow_private_addresses,
        on_tool_outcome=lambda outcome: metrics.http_tool_calls.labels(outcome).inc(),
    )
    session_class = session_module.CallSession

    def build_session(
        context: CallContext, media: MediaSink, control: CallControl, events: EventSink
    ) -> LiveCall:
        session: LiveCall = session_class(
            context,
            media=media,
            control=control,
            events=events,
            services=services,
            filler_after_s=settings.filler_after_s,
        )
        return session

    prewarmer: Prewarmer = services
    return prewarmer, build_session
