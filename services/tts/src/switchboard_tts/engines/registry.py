"""The engines a process serves, and resolving `engine:voice` ids to them."""

from __future__ import annotations

from collections.abc import Iterable

from switchboard_tts.engines.base import SpeechEngine, VoiceInfo
from switchboard_tts.errors import UnknownVoiceError


class EngineRegistry:
    """Engines by name, filled explicitly when the app starts (never at import)."""

    def __init__(self, engines: Iterable[SpeechEngine] = ()) -> None:
        self._engines: dict[str, SpeechEngine] = {}
        for engine in engines:
            self.add(engine)

    def add(self, engine: SpeechEngine) -> None:
        if engine.name in self._engines:
            raise ValueError(f"engine {engine.name!r} is registered twice")
        self._engines[engine.name] = engine

    @property
    def engines(self) -> list[SpeechEngine]:
        return list(self._engines.values())

    def voices(self) -> list[VoiceInfo]:
        return [voice for engine in self._engines.values() for voice in engine.voices()]

    def resolve(self, voice_id: str) -> tuple[SpeechEngine, VoiceInfo]:
        """`engine:voice`, or a bare voice name when exactly one engine has it."""
        engine_name, _, voice_name = voice_id.partition(":")
        if not voice_name:
            matches = [v for v in self.voices() if v.name == engine_name]
            if len(matches) == 1:
                return self._engines[matches[0].engine], matches[0]
            raise self._unknown(voice_id)
        engine = self._engines.get(engine_name)
        if engine is None:
            raise self._unknown(voice_id)
        for voice in engine.voices():
            if voice.name == voice_name:
                return engine, voice
        raise self._unknown(voice_id)

    def close(self) -> None:
        for engine in self._engines.values():
            engine.close()

    def _unknown(self, voice_id: str) -> UnknownVoiceError:
        return UnknownVoiceError(
            f"Voice {voice_id!r} is not available.",
            details={"available": [voice.id for voice in self.voices()]},
        )
