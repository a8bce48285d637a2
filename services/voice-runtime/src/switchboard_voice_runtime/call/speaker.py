"""Turns text into playout segments: cached phrases at once, the rest streamed from TTS."""

from __future__ import annotations

import logging

from switchboard_common.contract.tenant_config import AgentConfig
from switchboard_voice_runtime.call.phrases import builtin_audio
from switchboard_voice_runtime.call.playout import Playout
from switchboard_voice_runtime.call.ports import CallObserver, Clock
from switchboard_voice_runtime.call.segment import Segment
from switchboard_voice_runtime.call.usage import UsageTally
from switchboard_voice_runtime.providers import ProviderError, SpeechServices
from switchboard_voice_runtime.providers.tts import SpeechKey

_log = logging.getLogger(__name__)


class Utterance:
    """One agent utterance (a greeting, a reply, a reprompt): its segments, marked t{n}-s{m}."""

    def __init__(self, number: int) -> None:
        self.number = number
        self.segments: list[Segment] = []
        self.fillers: set[str] = set()
        """Marks of the filler segments (said while the answer was late; not the answer's
        stage times)."""
        self.first_audio_at_s: float | None = None

    def new_segment(self, text: str) -> Segment:
        segment = Segment(f"t{self.number}-s{len(self.segments)}", text)
        self.segments.append(segment)
        return segment

    @property
    def first_frame_at_s(self) -> float | None:
        return next(
            (
                s.first_frame_at_s
                for s in self.segments
                if s.first_frame_at_s and s.mark not in self.fillers
            ),
            None,
        )

    def text(self, *, heard_only: bool) -> str:
        return " ".join(s.text for s in self.segments if s.heard or not heard_only).strip()

    async def played(self) -> None:
        """Returns once the carrier has played (or dropped) every segment."""
        for segment in self.segments:
            await segment.played.wait()


class Speaker:
    """Speaks into the playout; TTS failures surface as ProviderError except for fixed phrases,
    which fall back to the cache, then to the pre-rendered recordings, then to silence. Every
    phrase it speaks counts its characters in ``usage`` (``tts_characters``), from TTS or from
    the shared cache alike, so a call's count does not depend on what other calls cached."""

    def __init__(
        self,
        services: SpeechServices,
        agent: AgentConfig,
        playout: Playout,
        clock: Clock,
        *,
        usage: UsageTally | None = None,
        observer: CallObserver | None = None,
    ) -> None:
        self._observer = observer
        self._services = services
        self._usage = usage or UsageTally()
        self._voice_id = agent.tts.voice_id
        self._speed = agent.tts.speed
        self._playout = playout
        self._format = playout.audio_format
        self._clock = clock

    def _new_segment(self, utterance: Utterance, text: str) -> Segment:
        segment = utterance.new_segment(text)
        if self._observer is not None:
            self._observer.agent_segment(segment.mark, text)
        return segment

    def key(self, text: str) -> SpeechKey:
        return (self._voice_id, self._speed, text)

    async def speak(self, utterance: Utterance, text: str) -> None:
        """Streams one sentence; raises ProviderError when TTS fails."""
        self._usage.tts_characters += len(text)
        segment = self._new_segment(utterance, text)
        cached = self._services.cache.get(self.key(text), self._format)
        if cached is not None:
            self._note_audio(utterance)
            segment.feed(cached)
            segment.finish()
            self._playout.enqueue(segment)
            return
        self._playout.enqueue(segment)
        try:
            async for chunk in self._services.tts.stream(
                text, voice_id=self._voice_id, speed=self._speed, audio_format=self._format
            ):
                self._note_audio(utterance)
                segment.feed(chunk)
        finally:
            segment.finish()

    async def speak_fixed(self, utterance: Utterance, text: str) -> None:
        """Speaks a fixed phrase without raising: from the cache (or its pre-warm in flight),
        else streamed from TTS, else the built-in recording; silence and a log line when
        nothing works."""
        audio = await self._services.cache.wait(self.key(text), self._format)
        if audio is not None:
            self._usage.tts_characters += len(text)
        else:
            try:
                await self.speak(utterance, text)
                return
            except ProviderError as error:
                _log.warning("tts failed", extra={"fields": {"retryable": error.retryable}})
            utterance.segments[-1].text = ""  # its audio never came
            audio = builtin_audio(text, self._format)
        segment = self._new_segment(utterance, text)
        if audio is None:
            _log.warning("fixed phrase unavailable", extra={"pii": {"text": text}})
        else:
            self._note_audio(utterance)
            segment.feed(audio)
        segment.finish()
        self._playout.enqueue(segment)

    def say_filler(self, utterance: Utterance, text: str) -> Segment | None:
        """Queues a filler phrase into the utterance at once: cached (pre-warmed) or built-in
        audio only, so a late TTS cannot make it late too; None when neither exists."""
        audio = self._services.cache.get(self.key(text), self._format) or builtin_audio(
            text, self._format
        )
        if audio is None:
            _log.warning("filler unavailable", extra={"pii": {"text": text}})
            return None
        self._usage.tts_characters += len(text)
        segment = self._new_segment(utterance, text)
        utterance.fillers.add(segment.mark)
        segment.feed(audio)
        segment.finish()
        self._playout.enqueue(segment)
        return segment

    def _note_audio(self, utterance: Utterance) -> None:
        if utterance.first_audio_at_s is None:
            utterance.first_audio_at_s = self._clock.now()
