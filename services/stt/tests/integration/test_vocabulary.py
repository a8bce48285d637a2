"""A vocabulary prompt on telephone audio: a name the bare model cannot spell is spelled, and
noise does not turn into the prompt's words."""

from __future__ import annotations

import numpy as np
import pytest
from piper import SynthesisConfig

from switchboard_common.audio import mulaw_decode, mulaw_encode, resample
from switchboard_stt.audio_input import pcm16_to_samples
from switchboard_stt.transcriber import Samples, TranscriptionOptions, WhisperSpeechToText
from switchboard_tts.engines.piper import bundled_voice_files, load_voice

pytestmark = pytest.mark.models

PHONE_RATE_HZ = 8_000
SAID = "I need to cancel my four o'clock with Niamh."
PROMPT = "Serenova Day Spa, Siobhan, Niamh, hot stone massage."


@pytest.fixture(scope="module")
def caller_turn() -> Samples:
    """SAID by the Piper voice without sampling noise (the same audio every run), over 8 kHz
    mu-law, with the runtime's 200 ms pre-roll and 500 ms end-of-turn silence."""
    voice, _ = load_voice(bundled_voice_files(), use_cuda=False)
    config = SynthesisConfig(noise_scale=0.0, noise_w_scale=0.0)
    chunks = list(voice.synthesize(SAID, syn_config=config))
    pcm = np.concatenate([c.audio_int16_array for c in chunks])
    line = mulaw_decode(mulaw_encode(resample(pcm, chunks[0].sample_rate, PHONE_RATE_HZ)))
    voiced = np.flatnonzero(np.abs(line.astype(np.int32)) > 64)
    speech = line[voiced[0] : voiced[-1] + 1]
    silence = np.zeros(PHONE_RATE_HZ // 10, dtype=np.int16)
    turn = np.concatenate([*[silence] * 2, speech, *[silence] * 5]).astype(np.int16)
    return pcm16_to_samples(turn, PHONE_RATE_HZ)


def test_the_prompt_spells_a_name_the_bare_model_misses(
    whisper_tiny: WhisperSpeechToText, caller_turn: Samples
) -> None:
    fitted = TranscriptionOptions(language="en", fitted_window=True)
    bare = whisper_tiny.transcribe(caller_turn, fitted).text
    biased = whisper_tiny.transcribe(
        caller_turn, TranscriptionOptions(language="en", fitted_window=True, prompt=PROMPT)
    ).text
    assert "niamh" not in bare.lower(), bare
    assert "Niamh" in biased, biased
    assert "cancel" in bare.lower() and "cancel" in biased.lower()


@pytest.mark.parametrize("fitted_window", [True, False])
def test_noise_with_a_prompt_is_heard_as_nothing(
    whisper_tiny: WhisperSpeechToText, fitted_window: bool
) -> None:
    rng = np.random.default_rng(1)
    for level in (0.003, 0.02):  # line hiss; a breath-like burst
        noise = rng.normal(0, level, 16_000).astype(np.float32)
        options = TranscriptionOptions(language="en", fitted_window=fitted_window, prompt=PROMPT)
        assert whisper_tiny.transcribe(noise, options).text == ""
