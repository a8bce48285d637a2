"""Call recording: caller left, agent right, 8 kHz, aligned on the call timeline, as a WAV."""

from __future__ import annotations

import numpy as np

from switchboard_common.audio import mulaw_decode, wav_bytes

RATE_HZ = 8000
_SILENCE = b"\xff"


class CallRecorder:
    """Collects both directions as mu-law (8 kB/s each) and writes the stereo WAV at the end.

    The caller's audio is continuous from the media start; each agent frame lands at the time
    it is scheduled to play, and a barge-in cuts what the carrier never played.
    """

    def __init__(self, started_at_s: float) -> None:
        self.started_at_s = started_at_s
        self._caller = bytearray()
        self._agent = bytearray()

    def caller(self, payload: bytes) -> None:
        self._caller.extend(payload)

    def agent(self, frame: bytes, play_at_s: float) -> None:
        position = max(0, round((play_at_s - self.started_at_s) * RATE_HZ))
        if position > len(self._agent):
            self._agent.extend(_SILENCE * (position - len(self._agent)))
        self._agent[position : position + len(frame)] = frame

    def cut_agent(self, at_s: float) -> None:
        """Forgets agent audio scheduled at or after ``at_s`` (the carrier dropped it)."""
        position = max(0, round((at_s - self.started_at_s) * RATE_HZ))
        del self._agent[position:]

    def wav(self) -> bytes:
        """The whole stereo WAV (CPU-bound for a long call: run it in a thread)."""
        length = max(len(self._caller), len(self._agent))
        stereo = np.empty((length, 2), dtype=np.int16)
        stereo[:, 0] = mulaw_decode(bytes(self._caller.ljust(length, _SILENCE)))
        stereo[:, 1] = mulaw_decode(bytes(self._agent.ljust(length, _SILENCE)))
        return wav_bytes(stereo.reshape(-1), RATE_HZ, channels=2)
