"""Piper with its decoder run in chunks: a sentence's first audio comes after the front-end and
one small decoder window, not after the whole sentence is decoded.

The front-end runs once on the whole sentence (prosody and all random sampling live there), then
the decoder runs on windows of latent frames, each with `margin_frames` of context on both sides
that are decoded and cut off. With enough context the pieces join exactly: on the bundled voice
32 frames give > 100 dB SNR against one whole-sentence decode (16 frames: ~60 dB; 8: ~27 dB).

Loudness: Piper scales each sentence to its own peak, which a stream cannot know before the end.
Here every sentence of a voice gets one gain, measured when the voice loads: the one that brings
the loudest of a few calibration sentences (sampled without noise) to `PEAK_TARGET`; samples past
full scale are clipped. Sentences keep the model's own (steady) level instead of being pushed to
full scale one by one.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from piper import PiperVoice

from switchboard_tts.engines.base import Pcm16
from switchboard_tts.engines.piper_split import SplitSessions

Float32 = npt.NDArray[np.float32]

MARGIN_FRAMES = 32
DEFAULT_SCHEDULE_FRAMES = (16, 48, 128, 256)
PEAK_TARGET = 0.9
CALIBRATION_TEXT = (
    "Thanks for calling, how can I help you today? Your appointment is on Tuesday at 3:30. "
    "Sure, I can move it to the morning! Is there anything else I can do for you?"
)
_MAX_INT16 = 32767.0


@dataclass(frozen=True, slots=True)
class Latents:
    """The front-end's output for one sentence: `z_p` and its frame mask (both sliced per
    window), plus the speaker embedding of multi-speaker voices."""

    z_p: Float32
    mask: Float32
    extra: tuple[Float32, ...] = ()

    @property
    def frames(self) -> int:
        return int(self.z_p.shape[2])


class ChunkedPiperVoice:
    """One Piper voice on split graphs. Thread-safe: ONNX Runtime sessions may run from many
    threads, and espeak-ng is only reached through `PiperVoice.phonemize`, which holds piper's
    process-wide phonemizer lock (the one synthesis lock of the process; no other code here
    calls espeak-ng). Nothing is locked while audio is decoded or between yielded chunks."""

    def __init__(
        self,
        phonemizer: PiperVoice,
        sessions: SplitSessions,
        *,
        schedule_frames: Sequence[int] = DEFAULT_SCHEDULE_FRAMES,
        margin_frames: int = MARGIN_FRAMES,
    ) -> None:
        if not schedule_frames or min(schedule_frames) < 1:
            raise ValueError("schedule_frames needs at least one positive window size.")
        self._phonemizer = phonemizer
        self._sessions = sessions
        self.schedule_frames = tuple(schedule_frames)
        self.margin_frames = margin_frames
        self.sample_rate_hz = int(phonemizer.config.sample_rate)
        self.gain = 1.0

    @property
    def hop(self) -> int:
        """Audio samples per latent frame."""
        return self._sessions.hop

    def calibrate(self, text: str = CALIBRATION_TEXT) -> float:
        """Sets (and returns) the voice's gain from the loudest calibration sentence."""
        scales = self.scales(1.0, noise=False)
        peak = max(
            float(np.max(np.abs(self.decode(self.latents(ids, scales), 0, None))))
            for ids in self.phoneme_ids(text)
        )
        self.gain = PEAK_TARGET / peak if peak > 1e-6 else 1.0
        return self.gain

    def phoneme_ids(self, text: str) -> list[list[int]]:
        """Phoneme ids per sentence of `text` (espeak-ng under piper's lock)."""
        voice = self._phonemizer
        return [voice.phonemes_to_ids(p) for p in voice.phonemize(text) if p]

    def scales(self, speed: float, *, noise: bool = True) -> Float32:
        config = self._phonemizer.config
        noise_scale, noise_w = (config.noise_scale, config.noise_w_scale) if noise else (0.0, 0.0)
        return np.array([noise_scale, config.length_scale / speed, noise_w], dtype=np.float32)

    def latents(self, ids: Sequence[int], scales: Float32) -> Latents:
        """The front-end pass over a whole sentence."""
        batch = np.array([ids], dtype=np.int64)
        feed: dict[str, npt.NDArray[np.generic]] = {
            "input": batch,
            "input_lengths": np.array([batch.shape[1]], dtype=np.int64),
            "scales": scales,
        }
        if "sid" in self._sessions.frontend_inputs:
            speaker = self._phonemizer.config.default_speaker_id
            feed["sid"] = np.array([speaker], dtype=np.int64)
        wanted = {k: v for k, v in feed.items() if k in self._sessions.frontend_inputs}
        z_p, mask, *extra = self._sessions.frontend.run(None, wanted)
        return Latents(z_p, mask, tuple(extra))

    def decode(self, latents: Latents, start: int, end: int | None) -> Float32:
        """Unscaled audio of frames [start, end) (None: to the last), decoded with margins."""
        end = latents.frames if end is None else end
        low = max(0, start - self.margin_frames)
        high = min(latents.frames, end + self.margin_frames)
        window = (latents.z_p[:, :, low:high], latents.mask[:, :, low:high], *latents.extra)
        names = self._sessions.decoder_inputs
        (audio,) = self._sessions.decoder.run(None, dict(zip(names, window, strict=True)))
        samples = np.asarray(audio, dtype=np.float32).reshape(-1)
        skip = (start - low) * self.hop
        return samples[skip : skip + (end - start) * self.hop]

    def windows(self, frames: int, *, ramp: bool = True) -> Iterator[tuple[int, int]]:
        """[start, end) frame windows covering `frames`, sized by the schedule (the last size
        repeats); without `ramp`, all of the last size (fewer margins decoded twice)."""
        sizes = self.schedule_frames if ramp else self.schedule_frames[-1:]
        start = 0
        for index in range(frames):
            if start >= frames:
                return
            size = sizes[min(index, len(sizes) - 1)]
            yield start, min(frames, start + size)
            start += size

    def synthesize(self, text: str, *, speed: float, ramp: bool = True) -> Iterator[Pcm16]:
        """PCM16 chunks, each as soon as its window is decoded. `ramp` (for the piece a listener
        is waiting for): the first sentence starts with the schedule's small windows; later
        sentences, and every sentence without it, use the largest window only (a sentence of up
        to that many frames is decoded in one go, with no margin decoded twice)."""
        scales = self.scales(speed)
        for index, ids in enumerate(self.phoneme_ids(text)):
            latents = self.latents(ids, scales)
            for start, end in self.windows(latents.frames, ramp=ramp and index == 0):
                yield self.to_pcm16(self.decode(latents, start, end))

    def to_pcm16(self, audio: Float32) -> Pcm16:
        scaled: Float32 = np.clip(audio * self.gain, -1.0, 1.0) * _MAX_INT16
        return scaled.astype(np.int16)
