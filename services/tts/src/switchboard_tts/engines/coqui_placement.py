"""Where and in what precision a Coqui model runs: CUDA or CPU, float16 (autocast) or float32."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

import numpy as np
import torch

from switchboard_tts.engines.base import Pcm16
from switchboard_tts.errors import EngineLoadError

Device = Literal["auto", "cuda", "cpu"]
Dtype = Literal["auto", "float16", "float32"]


@dataclass(frozen=True, slots=True)
class Placement:
    """A resolved device (`cuda` or `cpu`) and whether inference autocasts to float16.

    float16 runs through `torch.autocast`, which keeps the numerically delicate operations
    (normalizations, the flows' exponentials, softmax) in float32: that is "float16 where the
    model allows it" without hand-picking layers per model.
    """

    device: str
    float16: bool

    @property
    def dtype_name(self) -> str:
        return "float16" if self.float16 else "float32"

    @contextlib.contextmanager
    def inference(self) -> Iterator[None]:
        """No autograd, and float16 autocast on CUDA when asked."""
        with torch.inference_mode():
            if self.float16:
                with torch.autocast(device_type="cuda", dtype=torch.float16):
                    yield
            else:
                yield


def resolve_placement(device: Device, dtype: Dtype, *, cuda_available: bool) -> Placement:
    """The placement the settings ask for, or EngineLoadError when it cannot be had here."""
    if device == "cuda" and not cuda_available:
        raise EngineLoadError("TTS_COQUI_DEVICE=cuda, but torch sees no CUDA device.")
    on_cuda = device == "cuda" or (device == "auto" and cuda_available)
    if dtype == "float16" and not on_cuda:
        raise EngineLoadError("TTS_COQUI_DTYPE=float16 needs CUDA; on CPU use float32 or auto.")
    float16 = on_cuda and dtype in ("auto", "float16")
    return Placement("cuda" if on_cuda else "cpu", float16)


def to_pcm16(wave: torch.Tensor | np.ndarray) -> Pcm16:
    """A float waveform in [-1, 1] (any shape holding one channel) as PCM16, clipped."""
    samples = wave.detach().float().cpu().numpy() if isinstance(wave, torch.Tensor) else wave
    flat = np.asarray(samples, dtype=np.float32).reshape(-1)
    return (np.clip(flat, -1.0, 1.0) * 32767.0).astype(np.int16)
