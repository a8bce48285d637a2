"""Reading and writing PCM16 WAV files and in-memory WAV bytes."""

from __future__ import annotations

import io
import wave
from pathlib import Path

import numpy as np
import numpy.typing as npt

Pcm16 = npt.NDArray[np.int16]


class WavFormatError(ValueError):
    """The data is not a PCM16 WAV file."""


def read_wav(source: Path | str | bytes) -> tuple[Pcm16, int, int]:
    """Returns (samples, sample_rate_hz, channels); multi-channel samples are interleaved."""
    stream = io.BytesIO(source) if isinstance(source, bytes) else open(source, "rb")  # noqa: SIM115
    try:
        with wave.open(stream, "rb") as wav:
            if wav.getsampwidth() != 2:
                raise WavFormatError(f"expected 16-bit samples, got {wav.getsampwidth() * 8}-bit")
            frames = wav.readframes(wav.getnframes())
            return np.frombuffer(frames, dtype="<i2").copy(), wav.getframerate(), wav.getnchannels()
    except (wave.Error, EOFError) as exc:
        raise WavFormatError(str(exc)) from exc
    finally:
        stream.close()


def wav_bytes(pcm: Pcm16, sample_rate_hz: int, channels: int = 1) -> bytes:
    """A complete WAV file in memory."""
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(channels)
        wav.setsampwidth(2)
        wav.setframerate(sample_rate_hz)
        wav.writeframes(pcm.astype("<i2", copy=False).tobytes())
    return out.getvalue()


def write_wav(path: Path | str, pcm: Pcm16, sample_rate_hz: int, channels: int = 1) -> None:
    """Writes a WAV file (interleaved samples when ``channels`` > 1)."""
    Path(path).write_bytes(wav_bytes(pcm, sample_rate_hz, channels))
