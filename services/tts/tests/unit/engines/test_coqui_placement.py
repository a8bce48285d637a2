"""Choosing the device and precision of Coqui inference, and turning its waveforms into PCM16."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from switchboard_tts.engines.coqui_placement import (
    Device,
    Dtype,
    Placement,
    resolve_placement,
    to_pcm16,
)
from switchboard_tts.errors import EngineLoadError


@pytest.mark.parametrize(
    ("device", "dtype", "cuda", "placement"),
    [
        ("auto", "auto", True, Placement("cuda", float16=True)),
        ("auto", "auto", False, Placement("cpu", float16=False)),
        ("auto", "float32", True, Placement("cuda", float16=False)),
        ("cuda", "float16", True, Placement("cuda", float16=True)),
        ("cpu", "auto", True, Placement("cpu", float16=False)),
        ("cpu", "float32", False, Placement("cpu", float16=False)),
    ],
)
def test_auto_means_cuda_with_float16_when_present_else_cpu_with_float32(
    device: Device, dtype: Dtype, cuda: bool, placement: Placement
) -> None:
    assert resolve_placement(device, dtype, cuda_available=cuda) == placement


@pytest.mark.parametrize(
    ("device", "dtype", "cuda", "message"),
    [
        ("cuda", "auto", False, "sees no CUDA device"),
        ("cpu", "float16", True, "float16 needs CUDA"),
        ("auto", "float16", False, "float16 needs CUDA"),
    ],
)
def test_a_placement_this_machine_cannot_give_is_a_load_error(
    device: Device, dtype: Dtype, cuda: bool, message: str
) -> None:
    with pytest.raises(EngineLoadError, match=message):
        resolve_placement(device, dtype, cuda_available=cuda)


def test_cpu_inference_records_no_gradients_and_stays_float32() -> None:
    layer = torch.nn.Linear(4, 4)
    with Placement("cpu", float16=False).inference():
        out = layer(torch.ones(1, 4))
    assert not out.requires_grad
    assert out.dtype == torch.float32


def test_waveforms_become_pcm16_clipped_at_full_scale() -> None:
    wave = torch.tensor([[[0.0, 0.5, -0.5, 1.5, -2.0]]])
    assert to_pcm16(wave).tolist() == [0, 16383, -16383, 32767, -32767]
    assert to_pcm16(np.array([0.25], dtype=np.float64)).dtype == np.int16
