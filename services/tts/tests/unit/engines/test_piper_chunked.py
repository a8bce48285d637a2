"""The chunked decoder: audio equal to Piper's whole-sentence synthesis, first window first."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import numpy.typing as npt
import pytest
from piper import SynthesisConfig

from switchboard_tts.engines.piper import PiperEngine, bundled_voice_files, load_voice
from switchboard_tts.engines.piper_chunked import PEAK_TARGET, ChunkedPiperVoice
from switchboard_tts.engines.registry import EngineRegistry

pytestmark = pytest.mark.models

LONG = (
    "Thanks for calling the clinic, I can book, move or cancel an appointment for you, or "
    "answer any questions you have about our opening hours today."
)


@pytest.fixture(scope="module")
def chunked(piper_registry: EngineRegistry) -> ChunkedPiperVoice:
    engine = piper_registry.engines[0]
    assert isinstance(engine, PiperEngine)
    voice = engine.synth("en_US-joe-medium")
    assert isinstance(voice, ChunkedPiperVoice)
    return voice


def snr_db(reference: npt.NDArray[np.float32], other: npt.NDArray[np.float32]) -> float:
    assert reference.shape == other.shape
    error = float(np.sum((reference.astype(np.float64) - other) ** 2))
    return float(
        10 * np.log10(float(np.sum(reference.astype(np.float64) ** 2)) / max(error, 1e-30))
    )


def stitched(voice: ChunkedPiperVoice, text: str, *, noise: bool) -> npt.NDArray[np.float32]:
    (ids,) = voice.phoneme_ids(text)
    latents = voice.latents(ids, voice.scales(1.0, noise=noise))
    return np.concatenate([voice.decode(latents, a, b) for a, b in voice.windows(latents.frames)])


def test_stitched_windows_equal_pipers_whole_sentence_synthesis(
    chunked: ChunkedPiperVoice,
) -> None:
    # Without noise both paths are deterministic, so Piper's own model run on the whole sentence
    # is the reference for what the split graphs decode window by window
    whole_voice, _ = load_voice(bundled_voice_files(), use_cuda=False)
    (ids,) = chunked.phoneme_ids(LONG)
    quiet = SynthesisConfig(noise_scale=0.0, noise_w_scale=0.0)
    reference = np.asarray(whole_voice.phoneme_ids_to_audio(ids, quiet), dtype=np.float32)
    ours = stitched(chunked, LONG, noise=False)
    assert len(list(chunked.windows(ours.size // chunked.hop))) >= 4
    assert snr_db(reference, ours) > 80
    assert float(np.corrcoef(reference, ours)[0, 1]) > 0.99999


def test_windows_of_a_sampled_sentence_equal_one_decode_of_its_latents(
    chunked: ChunkedPiperVoice,
) -> None:
    (ids,) = chunked.phoneme_ids(LONG)
    latents = chunked.latents(ids, chunked.scales(1.0))
    whole = chunked.decode(latents, 0, None)
    parts = [chunked.decode(latents, a, b) for a, b in chunked.windows(latents.frames)]
    assert parts[0].size == chunked.schedule_frames[0] * chunked.hop
    assert snr_db(whole, np.concatenate(parts)) > 80


def test_synthesis_yields_the_first_window_alone_then_the_rest(
    chunked: ChunkedPiperVoice,
) -> None:
    pieces = list(chunked.synthesize(LONG, speed=1.0))
    sizes = [p.size // chunked.hop for p in pieces]
    assert sizes[: len(chunked.schedule_frames) - 1] == list(chunked.schedule_frames[:-1])
    assert all(p.dtype == np.int16 for p in pieces)
    assert sum(p.size for p in pieces) > 5 * chunked.sample_rate_hz


def test_every_sentence_of_a_piece_is_spoken(chunked: ChunkedPiperVoice) -> None:
    one = sum(p.size for p in chunked.synthesize("Please hold.", speed=1.0))
    two = sum(p.size for p in chunked.synthesize("Please hold. Please hold.", speed=1.0))
    assert two > 1.6 * one


def test_the_voice_gain_brings_the_calibration_peak_to_the_target(
    chunked: ChunkedPiperVoice,
) -> None:
    gain = chunked.gain
    try:
        measured = chunked.calibrate("Sure, one moment please.")
        audio = stitched(chunked, "Sure, one moment please.", noise=False)
        peak = int(np.abs(chunked.to_pcm16(audio)).max())
    finally:
        chunked.gain = gain
    assert 1.0 < measured < 4.0
    assert abs(peak - PEAK_TARGET * 32767) < 50


def test_phonemizing_from_many_threads_matches_phonemizing_alone(
    chunked: ChunkedPiperVoice,
) -> None:
    # espeak-ng is not thread-safe; piper's process-wide lock serializes every call into it
    texts = ["Your appointment is on Tuesday.", LONG, "Okay, thanks, bye!"] * 20
    alone = [chunked.phoneme_ids(text) for text in texts[:3]]
    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(chunked.phoneme_ids, texts))
    assert together == alone * 20


def test_without_the_ramp_windows_are_all_of_the_largest_size(
    chunked: ChunkedPiperVoice,
) -> None:
    largest = chunked.schedule_frames[-1]
    assert list(chunked.windows(600, ramp=False)) == [(0, 256), (256, 512), (512, 600)]
    assert largest == 256
    short = list(chunked.synthesize("Please hold.", speed=1.0, ramp=False))
    assert len(short) == 1  # under 256 frames: decoded in one go, no margin decoded twice
