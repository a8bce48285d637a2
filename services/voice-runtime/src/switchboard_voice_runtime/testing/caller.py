"""A scripted caller: says mu-law lines at set times; the session gets 20 ms frames of 8 kHz
PCM16 in real (virtual) time, as a carrier edge would hand them over after decoding."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Protocol

from switchboard_common.audio import Resampler, mulaw_decode

FRAME_BYTES = 160
SILENCE = b"\xff" * FRAME_BYTES


class AudioInput(Protocol):
    def push_audio(self, payload: bytes) -> None: ...

    @property
    def ended(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class Line:
    at_s: float
    audio: bytes
    text: str


@dataclass
class ScriptedCaller:
    """Says each line at its time (mu-law 8 kHz audio); silence in between, until the call ends
    or ``until_s``. ``text_at`` tells a fake STT what was said last."""

    lines: list[Line] = field(default_factory=list)
    until_s: float = 120.0
    sample_rate_hz: int = 8_000
    """The rate the session hears (lines are resampled from 8 kHz as a wideband edge would)."""
    stalls: list[tuple[float, float]] = field(default_factory=list)

    def say(self, at_s: float, audio: bytes, text: str) -> ScriptedCaller:
        self.lines.append(Line(at_s, audio, text))
        self.lines.sort(key=lambda line: line.at_s)
        return self

    def stall(self, at_s: float, for_s: float) -> ScriptedCaller:
        """From ``at_s``, hold frames back for ``for_s`` and then deliver them in one burst, as a
        congested network (or a busy carrier) does."""
        self.stalls.append((at_s, at_s + for_s))
        return self

    def _stalled(self, now_s: float) -> bool:
        return any(start <= now_s + 1e-9 < end for start, end in self.stalls)

    def text_at(self, now_s: float) -> str:
        said = [line.text for line in self.lines if line.at_s <= now_s]
        return said[-1] if said else ""

    async def run(self, session: AudioInput) -> None:
        loop = asyncio.get_running_loop()
        start_s = loop.time()
        index = 0
        pending = b""
        held: list[bytes] = []
        upsample = Resampler(8_000, self.sample_rate_hz)
        while not session.ended and (now_s := loop.time() - start_s) < self.until_s:
            while index < len(self.lines) and self.lines[index].at_s <= now_s + 1e-9:
                pending += self.lines[index].audio
                index += 1
            frame, pending = pending[:FRAME_BYTES], pending[FRAME_BYTES:]
            pcm = upsample.process(mulaw_decode(frame.ljust(FRAME_BYTES, b"\xff")))
            held.append(pcm.tobytes())
            if not self._stalled(now_s):
                for payload in held:
                    session.push_audio(payload)
                held.clear()
            next_s = start_s + round((now_s + 0.02) / 0.02) * 0.02
            await asyncio.sleep(max(0.0, next_s - loop.time()))
