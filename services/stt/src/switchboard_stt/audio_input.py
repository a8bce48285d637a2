"""Turning what clients send (files, raw PCM16 or mu-law) into 16 kHz mono float32 samples."""

from __future__ import annotations

import numpy as np

from switchboard_common.audio import AudioEncoding, mulaw_decode, read_wav, resample
from switchboard_common.audio.wav import WavFormatError
from switchboard_common.errors import UnsupportedSampleRateError
from switchboard_stt.container import decode_container
from switchboard_stt.errors import (
    AudioTooLongError,
    EmptyAudioError,
    InvalidAudioError,
    UnsupportedEncodingError,
)
from switchboard_stt.transcriber import SAMPLE_RATE_HZ, Samples

SUPPORTED_RATES_HZ = frozenset({8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000})
RAW_ENCODINGS = (AudioEncoding.PCM16, AudioEncoding.MULAW)
_PCM16_SCALE = 1.0 / 32768.0


def parse_encoding(name: str) -> AudioEncoding:
    """`pcm16` or `mulaw` (also `pcm`, `s16le`, `ulaw`); anything else is unsupported."""
    aliases = {"pcm": "pcm16", "s16le": "pcm16", "ulaw": "mulaw", "pcmu": "mulaw"}
    normalized = aliases.get(name.strip().lower(), name.strip().lower())
    for encoding in RAW_ENCODINGS:
        if encoding.value == normalized:
            return encoding
    raise UnsupportedEncodingError(
        f"Encoding {name!r} is not supported; use pcm16 or mulaw.",
        details={"supported": [e.value for e in RAW_ENCODINGS]},
    )


def check_sample_rate(sample_rate_hz: int) -> int:
    if sample_rate_hz not in SUPPORTED_RATES_HZ:
        raise UnsupportedSampleRateError(
            f"Sample rate {sample_rate_hz} Hz is not supported.",
            details={"supported": sorted(SUPPORTED_RATES_HZ)},
        )
    return sample_rate_hz


def to_pcm16(data: bytes, encoding: AudioEncoding) -> np.ndarray[tuple[int], np.dtype[np.int16]]:
    """Raw bytes to PCM16 samples; a PCM16 body must hold whole samples."""
    if encoding is AudioEncoding.MULAW:
        return mulaw_decode(data)
    if len(data) % 2:
        raise InvalidAudioError("PCM16 audio must have an even number of bytes.")
    return np.frombuffer(data, dtype="<i2")


def pcm16_to_samples(pcm: np.ndarray[tuple[int], np.dtype[np.int16]], rate_hz: int) -> Samples:
    """PCM16 at any supported rate to Whisper's 16 kHz float32."""
    at_16k = resample(pcm, rate_hz, SAMPLE_RATE_HZ)
    return (at_16k.astype(np.float32) * _PCM16_SCALE).astype(np.float32, copy=False)


def decode_raw(
    data: bytes, encoding: AudioEncoding, sample_rate_hz: int, *, max_audio_s: float
) -> Samples:
    """Raw headerless audio (the voice runtime's fast path) to samples; its duration is known
    from its length, so audio over ``max_audio_s`` is refused before decoding."""
    if not data:
        raise EmptyAudioError("The request carries no audio.")
    rate_hz = check_sample_rate(sample_rate_hz)
    bytes_per_sample = 1 if encoding is AudioEncoding.MULAW else 2
    if len(data) / bytes_per_sample / rate_hz > max_audio_s:
        raise AudioTooLongError(max_audio_s)
    samples = pcm16_to_samples(to_pcm16(data, encoding), rate_hz)
    if samples.size == 0:
        raise EmptyAudioError("The request carries no audio.")
    return samples


def decode_file(data: bytes, *, max_audio_s: float) -> Samples:
    """An audio file (WAV read directly; other containers through PyAV) to samples; decoding
    stops as soon as the audio runs past ``max_audio_s`` (a small compressed file can hold
    hours of audio).

    Blocking for compressed formats: call it off the event loop.
    """
    if not data:
        raise EmptyAudioError("The uploaded file is empty.")
    samples = None
    if data[:4] == b"RIFF" and data[8:12] == b"WAVE":
        samples = _decode_wav(data, max_audio_s)
    if samples is None:
        samples = decode_container(data, max_audio_s)
    if samples.size == 0:
        raise EmptyAudioError("The uploaded file holds no audio samples.")
    return samples


def _decode_wav(data: bytes, max_audio_s: float) -> Samples | None:
    """PCM16 WAV without PyAV; None for other WAV flavours (float, 24-bit), left to PyAV."""
    try:
        pcm, rate_hz, channels = read_wav(data)
    except WavFormatError:
        return None
    if rate_hz < 1000:
        raise InvalidAudioError(f"The WAV file's sample rate ({rate_hz} Hz) is not usable.")
    if pcm.size / max(channels, 1) / rate_hz > max_audio_s:
        raise AudioTooLongError(max_audio_s)
    if channels > 1:
        frames = pcm[: pcm.size - pcm.size % channels].reshape(-1, channels)
        pcm = frames.mean(axis=1).astype(np.int16)
    return pcm16_to_samples(pcm, rate_hz)
