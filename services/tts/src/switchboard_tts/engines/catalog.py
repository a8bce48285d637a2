"""The engines this service knows how to build, by name; the one place a new engine is added.

A factory imports its engine module lazily, so an engine whose libraries are not installed costs
nothing unless it is enabled in `TTS_ENGINES`.
"""

from __future__ import annotations

from collections.abc import Callable

from switchboard_tts.engines.base import SpeechEngine
from switchboard_tts.engines.registry import EngineRegistry
from switchboard_tts.errors import EngineLoadError
from switchboard_tts.settings import Settings

EngineFactory = Callable[[Settings], SpeechEngine]


def _piper(settings: Settings) -> SpeechEngine:
    from switchboard_tts.engines.piper import PiperEngine

    return PiperEngine.from_settings(settings)


def _coqui(settings: Settings) -> SpeechEngine:
    try:
        from switchboard_tts.engines.coqui import CoquiEngine
    except ImportError as exc:
        raise EngineLoadError(
            "The coqui engine needs the `coqui` extra (coqui-tts and torch): install "
            "switchboard-tts[coqui], or build the TTS image with TTS_EXTRAS='--extra coqui'.",
            details={"missing": (exc.name or "").partition(".")[0]},
        ) from exc
    return CoquiEngine.from_settings(settings)


ENGINE_FACTORIES: dict[str, EngineFactory] = {"piper": _piper, "coqui": _coqui}


def build_registry(
    settings: Settings, factories: dict[str, EngineFactory] = ENGINE_FACTORIES
) -> EngineRegistry:
    """Builds every engine named in `settings.engines`. Blocking: models load here."""
    registry = EngineRegistry()
    for name in settings.engines:
        factory = factories.get(name)
        if factory is None:
            raise EngineLoadError(f"Unknown TTS engine {name!r}; known: {sorted(factories)}.")
        registry.add(factory(settings))
    return registry
