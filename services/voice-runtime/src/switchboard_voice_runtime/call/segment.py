"""One spoken piece of agent audio (a sentence) as the playout hands it out, frame by frame."""

from __future__ import annotations

import asyncio

from switchboard_common.audio import AudioFormat

KEPT_FRAMES = 16
"""Frames a segment keeps after sending them: more than a flush ever sends again (the lead)."""


class Segment:
    """One spoken piece (a sentence) whose audio may still be arriving from TTS."""

    __slots__ = (
        "_audio",
        "_base",
        "_data",
        "_offset",
        "_resends",
        "done",
        "dropped",
        "first_frame_at_s",
        "heard",
        "mark",
        "played",
        "text",
    )

    def __init__(self, mark: str, text: str) -> None:
        self.mark = mark
        self.text = text
        self.done = False
        self.dropped = False
        self.heard = False
        self.first_frame_at_s: float | None = None
        self.played = asyncio.Event()
        self._audio = bytearray()
        self._base = 0
        self._offset = 0
        self._resends = 0
        self._data = asyncio.Event()

    @property
    def position(self) -> int:
        """Bytes handed out so far (``seek`` goes back to an earlier position)."""
        return self._base + self._offset

    def seek(self, position: int) -> None:
        """Hands out the audio again from ``position`` (at most ``KEPT_FRAMES`` frames back)."""
        self._offset = max(0, position - self._base)

    @property
    def sent_mark(self) -> str:
        """The mark's name as last sent: a segment sent again after a flush gets a new one, so
        the echo of the flushed mark is not taken for the new one."""
        return self.mark if not self._resends else f"{self.mark}r{self._resends}"

    def resend(self, position: int) -> None:
        """To be sent again from ``position`` under a new mark name."""
        self.seek(position)
        self._resends += 1

    def feed(self, audio: bytes) -> None:
        self._audio.extend(audio)
        self._data.set()

    def finish(self) -> None:
        self.done = True
        self._data.set()

    def drop(self) -> None:
        """Never to be played (barge-in); wakes everything waiting on it."""
        self.dropped = True
        self.done = True
        self._data.set()
        self.played.set()

    def next_frame(self, fmt: AudioFormat) -> bytes | None:
        """The next frame of ``fmt`` (the last one padded with its silence), or None when none
        is ready."""
        size = fmt.frame_bytes
        available = len(self._audio) - self._offset
        if available >= size or (self.done and available > 0):
            frame = bytes(self._audio[self._offset : self._offset + size])
            self._offset += len(frame)
            if self._offset > 64 * size:  # keep what a flush may send again
                spent = self._offset - KEPT_FRAMES * size
                del self._audio[:spent]
                self._base += spent
                self._offset -= spent
            return frame.ljust(size, bytes([fmt.encoding.silence_byte]))
        self._data.clear()
        return None

    async def wait_data(self) -> None:
        await self._data.wait()

    def wake(self) -> None:
        """Wakes whoever waits for its audio (it was queued again: they stop waiting)."""
        self._data.set()
