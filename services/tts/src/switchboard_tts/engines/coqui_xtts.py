"""A Coqui XTTS v2 model folder: its built-in speakers and reference clips, streamed in chunks."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import soundfile
import torch
from TTS.tts.configs.xtts_config import XttsConfig
from TTS.tts.models.xtts import Xtts

from switchboard_tts.engines.base import Pcm16
from switchboard_tts.engines.coqui_files import CoquiModelFiles
from switchboard_tts.engines.coqui_placement import Placement, to_pcm16
from switchboard_tts.errors import EngineLoadError

REFERENCE_DIR = "voices"
_REFERENCE_RATE_HZ = 22050  # the rate XTTS's own reference loader resamples clips to
_MAX_REFERENCE_S = 30

Latents = tuple[torch.Tensor, torch.Tensor]


class XttsModel:
    """A loaded XTTS v2 model; each voice is a pair of conditioning latents.

    Voices: the speakers in `speakers_xtts.pth` (shipped with XTTS v2) and one per
    `voices/<name>.wav` reference clip, whose latents are computed once at load. Synthesis uses
    XTTS's streaming inference: audio every `stream_chunk_tokens` GPT tokens. Each step of a
    stream runs under the model's lock, so one torch module never runs on two threads at once,
    and no lock is held between steps (a stream waiting for a worker thread never blocks the
    others). Streams may interleave step by step: the one state XTTS keeps between calls, the
    prompt's embedding, is set and used within a stream's first step; later steps use the
    stream's own key-value cache.
    """

    def __init__(
        self,
        model: Any,
        placement: Placement,
        voices: dict[str, Latents],
        *,
        language: str,
        stream_chunk_tokens: int,
    ) -> None:
        self._model = model
        self._placement = placement
        self._voices = voices
        self._lock = threading.Lock()
        self.language = language
        self._stream_chunk_tokens = stream_chunk_tokens
        self.sample_rate_hz = int(model.args.output_sample_rate)

    @classmethod
    def load(
        cls,
        files: CoquiModelFiles,
        placement: Placement,
        *,
        language: str,
        stream_chunk_tokens: int,
    ) -> XttsModel:
        """Loads the checkpoint, vocabulary and speakers; computes reference clips' latents."""
        config = XttsConfig()
        config.load_json(str(files.config_path))
        if language.split("-")[0] not in config.languages:
            raise EngineLoadError(
                f"XTTS model {files.name!r} does not speak {language!r} (TTS_COQUI_LANGUAGE).",
                details={"languages": list(config.languages)},
            )
        model = Xtts(config)
        model.load_checkpoint(
            config, checkpoint_dir=str(files.folder), checkpoint_path=str(files.checkpoint_path)
        )
        model.to(placement.device)
        voices = _builtin_speakers(model)
        with placement.inference():
            voices.update(_reference_voices(model, files.folder / REFERENCE_DIR))
        if not voices:
            raise EngineLoadError(
                f"XTTS model {files.name!r} has no voices: no speakers_xtts.pth and no "
                f"{REFERENCE_DIR}/*.wav reference clips."
            )
        return cls(
            model, placement, voices, language=language, stream_chunk_tokens=stream_chunk_tokens
        )

    def speakers(self) -> list[str]:
        return sorted(self._voices)

    def synthesize(self, text: str, speaker: str | None, *, speed: float) -> Iterator[Pcm16]:
        """Chunks as XTTS's streaming inference decodes them."""
        if speaker is None:
            raise KeyError("XTTS voices are speakers; none was named")
        gpt_latent, speaker_embedding = self._voices[speaker]
        with self._lock:
            stream = self._model.inference_stream(
                text,
                self.language.split("-")[0],
                gpt_latent,
                speaker_embedding,
                stream_chunk_size=self._stream_chunk_tokens,
                speed=speed,
                enable_text_splitting=False,
            )
        while True:
            with self._lock, self._placement.inference():
                wave = next(stream, None)
            if wave is None:
                return
            pcm = to_pcm16(wave)
            if pcm.size:
                yield pcm

    def close(self) -> None:
        with self._lock:
            self._model = None
            self._voices.clear()


def _builtin_speakers(model: Any) -> dict[str, Latents]:
    manager = model.speaker_manager
    if manager is None:
        return {}
    return {
        str(name): (latents["gpt_cond_latent"], latents["speaker_embedding"])
        for name, latents in manager.speakers.items()
    }


def _reference_voices(model: Any, folder: Path) -> dict[str, Latents]:
    """Latents of each `<name>.wav` in `folder` (read with soundfile, not torchaudio's codecs)."""
    voices: dict[str, Latents] = {}
    for clip in sorted(folder.glob("*.wav")) if folder.is_dir() else []:
        try:
            samples, rate_hz = soundfile.read(clip, dtype="float32", always_2d=True)
        except (OSError, RuntimeError) as exc:
            raise EngineLoadError(f"XTTS reference clip {clip.name!r} is unreadable.") from exc
        mono = torch.from_numpy(np.ascontiguousarray(samples.mean(axis=1)))[None, :]
        audio = _resample(mono, int(rate_hz))[:, : _REFERENCE_RATE_HZ * _MAX_REFERENCE_S]
        audio = audio.to(model.device)
        embedding = model.get_speaker_embedding(audio, _REFERENCE_RATE_HZ)
        gpt_latent = model.get_gpt_cond_latents(audio, _REFERENCE_RATE_HZ, length=6)
        voices[clip.stem] = (gpt_latent, embedding)
    return voices


def _resample(audio: torch.Tensor, rate_hz: int) -> torch.Tensor:
    import torchaudio.functional

    if rate_hz == _REFERENCE_RATE_HZ:
        return audio
    resampled: torch.Tensor = torchaudio.functional.resample(audio, rate_hz, _REFERENCE_RATE_HZ)
    return resampled
