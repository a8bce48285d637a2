"""The caller's audio keeps its weak first sounds: Piper speech trimmed as the simulator sends
it is still heard with its first word by the real STT service ("Hi", not "I"), decoded as the
runtime asks (fitted window) after the runtime's lead-in."""

from __future__ import annotations

from pathlib import Path

import httpx
import numpy as np
import pytest
from piper import SynthesisConfig

from switchboard_callsim.energy import SILENCE_BYTE, trim_silence
from switchboard_common.app_testing import serving
from switchboard_common.audio import mulaw_encode, resample
from switchboard_stt.app import create_app as create_stt_app
from switchboard_stt.quality import first_word_kept
from switchboard_stt.settings import Settings as SttSettings
from switchboard_tts.engines.piper import bundled_voice_files, load_voice

pytestmark = pytest.mark.models

PHRASES = (
    "Hi, I need to book an appointment.",
    "Hi there, is this the dental office?",
    "Hello, I would like to cancel my visit.",
    "How much does a cleaning cost?",
)
SPEEDS = (1.0, 1.2)
LEAD_IN = bytes([SILENCE_BYTE]) * 1_600  # 200 ms, what the runtime's pre-roll adds
RUNTIME_PARAMS = {"encoding": "mulaw", "sample_rate_hz": "8000", "window": "fitted"}
"""What the runtime asks for a caller's turn."""
TAIL = bytes([SILENCE_BYTE]) * 2_400  # 300 ms of the caller's pause


def piper_mulaw() -> dict[tuple[str, float], bytes]:
    """Each phrase at each speed, 8 kHz mu-law; without Piper's sampling noise, so every run
    hears the same audio."""
    voice, _ = load_voice(bundled_voice_files(), use_cuda=False)
    audio: dict[tuple[str, float], bytes] = {}
    for phrase in PHRASES:
        for speed in SPEEDS:
            config = SynthesisConfig(
                length_scale=(voice.config.length_scale or 1.0) / speed,
                noise_scale=0.0,
                noise_w_scale=0.0,
            )
            chunks = list(voice.synthesize(phrase, syn_config=config))
            pcm = np.concatenate([chunk.audio_int16_array for chunk in chunks])
            audio[phrase, speed] = mulaw_encode(resample(pcm, chunks[0].sample_rate, 8_000))
    return audio


async def test_trimmed_caller_audio_keeps_its_first_word(tmp_path: Path) -> None:
    stt_app = create_stt_app(SttSettings(cache_dir=tmp_path, warmup=False))
    heard: list[tuple[str, float, str]] = []
    async with serving(stt_app) as stt_url, httpx.AsyncClient(base_url=stt_url) as http:
        for (phrase, speed), mulaw in piper_mulaw().items():
            response = await http.post(
                "/v1/audio/transcriptions",
                params=RUNTIME_PARAMS,
                content=LEAD_IN + trim_silence(mulaw) + TAIL,
                headers={"content-type": "application/octet-stream"},
                timeout=60.0,
            )
            heard.append((phrase, speed, response.json()["text"]))
    lost = [(said, speed, text) for said, speed, text in heard if not first_word_kept(said, text)]
    assert not lost, lost
