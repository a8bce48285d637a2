"""Compressed audio files (FLAC, MP3, Ogg, ...) decoded through PyAV, frame by frame, with a cap.

A file's size says little about its duration (640 KB of FLAC silence is an hour of audio), so
decoding counts the samples it has produced and stops at the cap; memory never holds more than
``max_audio_s`` of 16 kHz mono audio.
"""

from __future__ import annotations

import io
import itertools
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import av.audio.stream

from switchboard_stt.errors import AudioTooLongError, InvalidAudioError
from switchboard_stt.transcriber import SAMPLE_RATE_HZ, Samples

_PCM16_SCALE = 1.0 / 32768.0


def decode_container(data: bytes, max_audio_s: float) -> Samples:
    """16 kHz mono float32 samples of the file's first audio stream. Blocking.

    Raises AudioTooLongError once the decoded audio (or the duration the file declares) exceeds
    ``max_audio_s``, InvalidAudioError when the file cannot be decoded.
    """
    import av

    max_samples = int(max_audio_s * SAMPLE_RATE_HZ)
    pieces: list[np.ndarray[tuple[int], np.dtype[np.int16]]] = []
    total = 0
    try:
        with av.open(io.BytesIO(data), mode="r", metadata_errors="ignore") as container:
            if not container.streams.audio:
                raise InvalidAudioError("The uploaded file holds no audio stream.")
            stream = container.streams.audio[0]
            if _declared_s(stream) > max_audio_s:
                raise AudioTooLongError(max_audio_s)
            resampler = av.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE_HZ)
            for frame in itertools.chain(container.decode(stream), [None]):
                for out in resampler.resample(frame):
                    piece = out.to_ndarray().reshape(-1).astype(np.int16, copy=False)
                    total += piece.size
                    if total > max_samples:
                        raise AudioTooLongError(max_audio_s)
                    pieces.append(piece)
    except (av.error.FFmpegError, ValueError, IndexError, StopIteration) as exc:
        raise InvalidAudioError("The uploaded file is not audio that can be decoded.") from exc
    if not pieces:
        return np.zeros(0, dtype=np.float32)
    return (np.concatenate(pieces).astype(np.float32) * _PCM16_SCALE).astype(np.float32)


def _declared_s(stream: av.audio.stream.AudioStream) -> float:
    """The duration the file's header declares (0 when it declares none)."""
    if stream.duration is None or stream.time_base is None:
        return 0.0
    return float(stream.duration * stream.time_base)
