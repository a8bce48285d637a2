"""Smart-Turn v3.2: is the caller done? An ONNX model (BSD-2, Daily; weights pinned beside this
file with their licence, see docs/adr/0003-end-of-turn-model.md) over Whisper log-mel features
of the last 8 s of speech at 16 kHz. Inference runs in one worker thread per process, never on
the event loop."""

from __future__ import annotations

import asyncio
import hashlib
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

from switchboard_common.audio import resample
from switchboard_voice_runtime.providers.smart_turn.features import (
    compute_whisper_log_mel_features,
)

MODEL_PATH = Path(__file__).with_name("smart-turn-v3.2-cpu.onnx")
MODEL_SHA256 = "2bb026316b14a660486a75b1733cd3fbab8c2fd0314dc9af7be49f8cca967e4f"
"""The file as shipped in the pipecat-ai 1.14.0 wheel (pipecat/audio/turn/smart_turn/data)."""
MODEL_RATE_HZ = 16_000
WINDOW_S = 8
COMPLETE_THRESHOLD = 0.5


class ModelIntegrityError(RuntimeError):
    """The model file is not the pinned one."""


class SmartTurnModel:
    """The probability that an utterance is a complete turn. Loads on first use (or
    ``load``), checking the file's sha256; thread-safe; one inference at a time per process."""

    def __init__(self, path: Path = MODEL_PATH, *, sha256: str | None = MODEL_SHA256) -> None:
        self._path = path
        self._sha256 = sha256
        self._session: Any = None
        self._lock = threading.Lock()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="smart-turn")

    def load(self) -> None:
        """Checks and loads the model (blocking: call it off the loop)."""
        with self._lock:
            if self._session is not None:
                return
            data = self._path.read_bytes()
            if self._sha256 is not None and hashlib.sha256(data).hexdigest() != self._sha256:
                raise ModelIntegrityError(f"{self._path.name}: sha256 differs from the pinned one")
            import onnxruntime as ort  # the runtime's import stays light until a model is used

            options = ort.SessionOptions()
            options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
            options.inter_op_num_threads = 1
            options.intra_op_num_threads = 1
            options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
            self._session = ort.InferenceSession(
                data, sess_options=options, providers=["CPUExecutionProvider"]
            )

    def probability(self, pcm16: bytes, sample_rate_hz: int) -> float:
        """Blocking: P(complete) for the utterance (PCM16 at ``sample_rate_hz``, resampled to
        16 kHz; only its last 8 s count, shorter audio is padded before it)."""
        self.load()
        samples = np.frombuffer(pcm16, dtype="<i2")
        if sample_rate_hz != MODEL_RATE_HZ:
            samples = resample(samples, sample_rate_hz, MODEL_RATE_HZ)
        audio = samples.astype(np.float32) / 32768.0
        window = MODEL_RATE_HZ * WINDOW_S
        audio = audio[-window:]
        if audio.size < window:
            audio = np.pad(audio, (window - audio.size, 0))
        features = compute_whisper_log_mel_features(audio, do_normalize=True)
        outputs = self._session.run(None, {"input_features": features[np.newaxis]})
        return float(np.asarray(outputs[0]).reshape(-1)[0])

    async def complete_probability(self, pcm16: bytes, *, sample_rate_hz: int) -> float:
        """``probability`` in the model's worker thread."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self.probability, pcm16, sample_rate_hz)

    async def warm_up(self) -> None:
        """Loads the model and runs one decision, in the worker thread."""
        await self.complete_probability(b"\0\0" * MODEL_RATE_HZ, sample_rate_hz=MODEL_RATE_HZ)
