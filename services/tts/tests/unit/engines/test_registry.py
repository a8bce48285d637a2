"""Voices are addressed as engine:voice; engines are built only when named in settings."""

from __future__ import annotations

import pytest

from switchboard_tts.engines.catalog import build_registry
from switchboard_tts.engines.registry import EngineRegistry
from switchboard_tts.errors import EngineLoadError, UnknownVoiceError
from switchboard_tts.settings import Settings

pytestmark = pytest.mark.models


def test_voices_resolve_by_full_id_or_unique_bare_name(piper_registry: EngineRegistry) -> None:
    engine, voice = piper_registry.resolve("piper:en_US-joe-medium")
    assert (engine.name, voice.id) == ("piper", "piper:en_US-joe-medium")
    assert piper_registry.resolve("en_US-joe-medium")[1] == voice


@pytest.mark.parametrize("voice_id", ["piper:nobody", "coqui:en_US-joe-medium", "alloy", ""])
def test_unknown_voices_list_the_available_ones(
    piper_registry: EngineRegistry, voice_id: str
) -> None:
    with pytest.raises(UnknownVoiceError) as error:
        piper_registry.resolve(voice_id)
    assert error.value.details == {"available": ["piper:en_US-joe-medium"]}


def test_an_engine_cannot_be_registered_twice(piper_registry: EngineRegistry) -> None:
    with pytest.raises(ValueError, match="twice"):
        EngineRegistry([*piper_registry.engines, *piper_registry.engines])


def test_an_unknown_engine_name_fails_the_start() -> None:
    with pytest.raises(EngineLoadError, match="coqui"):
        build_registry(Settings(engines=["coqui"]))


def test_no_engine_is_built_unless_named() -> None:
    assert build_registry(Settings(engines=[])).voices() == []
