"""Call recording: caller left, agent right, at the caller's rate, aligned on the call timeline,
as a WAV."""

from __future__ import annotations

import numpy as np

from switchboard_common.audio import (
    TELEPHONY_MULAW,
    TELEPHONY_PCM16,
    AudioFormat,
    decode,
    resample,
    wav_bytes,
)


class CallRecorder:
    """Collects both directions as they travel (the caller's PCM16, the agent's frames in the
    media's format) and writes the stereo WAV at the end.

    The caller's audio is continuous from the media start; each agent frame lands at the time
    it is scheduled to play, and a barge-in cuts what the carrier never played.
    """

    def __init__(
        self,
        started_at_s: float,
        *,
        caller_format: AudioFormat = TELEPHONY_PCM16,
        agent_format: AudioFormat = TELEPHONY_MULAW,
    ) -> None:
        self.started_at_s = started_at_s
        self._caller_format = caller_format
        self._agent_format = agent_format
        self._agent_silence = bytes([agent_format.encoding.silence_byte])
        self._caller = bytearray()
        self._agent = bytearray()

    def caller(self, payload: bytes) -> None:
        self._caller.extend(payload)

    def _position(self, at_s: float) -> int:
        width = self._agent_format.encoding.bytes_per_sample
        samples = round((at_s - self.started_at_s) * self._agent_format.sample_rate_hz)
        return max(0, samples * width)

    def agent(self, frame: bytes, play_at_s: float) -> None:
        position = self._position(play_at_s)
        if position > len(self._agent):
            self._agent.extend(self._agent_silence * (position - len(self._agent)))
        self._agent[position : position + len(frame)] = frame

    def cut_agent(self, at_s: float) -> None:
        """Forgets agent audio scheduled at or after ``at_s`` (the carrier dropped it)."""
        del self._agent[self._position(at_s) :]

    def wav(self) -> bytes:
        """The whole stereo WAV (CPU-bound for a long call: run it in a thread)."""
        rate_hz = self._caller_format.sample_rate_hz
        caller = decode(bytes(self._caller), self._caller_format.encoding)
        agent = resample(
            decode(bytes(self._agent), self._agent_format.encoding),
            self._agent_format.sample_rate_hz,
            rate_hz,
        )
        length = max(caller.size, agent.size)
        stereo = np.zeros((length, 2), dtype=np.int16)
        stereo[: caller.size, 0] = caller
        stereo[: agent.size, 1] = agent
        return wav_bytes(stereo.reshape(-1), rate_hz, channels=2)
