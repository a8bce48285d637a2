"""The caller's audio for every speaking step, ready before the call starts (8 kHz mu-law)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import numpy as np

from switchboard_callsim.energy import trim_silence
from switchboard_callsim.scenario import Scenario, ScenarioError
from switchboard_callsim.speech import SpeechClient
from switchboard_common.audio import mulaw_encode, read_wav, resample
from switchboard_common.audio.wav import WavFormatError


def wav_to_mulaw(path: Path) -> bytes:
    """A PCM16 WAV file (any rate, mono or multi-channel mixed down) as 8 kHz mu-law."""
    try:
        samples, rate_hz, channels = read_wav(path)
    except (OSError, WavFormatError) as exc:
        raise ScenarioError(f"{path}: cannot use as caller audio: {exc}") from exc
    if channels > 1:
        mixed = samples.reshape(-1, channels).astype(np.int32).mean(axis=1)
        samples = mixed.astype(np.int16)
    return mulaw_encode(resample(samples, rate_hz, 8000))


async def prepare_utterances(scenario: Scenario, speech: SpeechClient) -> dict[int, bytes]:
    """Step index -> audio, trimmed to its voiced part so the last frame sent is the last voiced
    one (the caller's end of speech is then exactly the end of what was sent)."""
    texts = {i: step.say for i, step in enumerate(scenario.steps) if step.say is not None}
    synthesized = await asyncio.gather(*(speech.synthesize(text) for text in texts.values()))
    audio = dict(zip(texts, synthesized, strict=True))
    for index, step in enumerate(scenario.steps):
        if step.wav is not None:
            audio[index] = wav_to_mulaw(scenario.wav_path(step))
    trimmed = {index: trim_silence(data) for index, data in audio.items()}
    silent = [index for index, data in trimmed.items() if not data]
    if silent:
        raise ScenarioError(f"{scenario.name}: steps {silent} have no voiced audio")
    return trimmed
