"""Agent audio out: segments paced in 20 ms frames on the injected clock, each closed by a mark."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable

from switchboard_common.audio import AudioFormat
from switchboard_voice_runtime.call.ports import Clock, MediaSink


class Segment:
    """One spoken piece (a sentence) whose audio may still be arriving from TTS."""

    __slots__ = (
        "_audio",
        "_data",
        "_offset",
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
        self._offset = 0
        self._data = asyncio.Event()

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
            if self._offset > 64 * size:
                del self._audio[: self._offset]
                self._offset = 0
            return frame.ljust(size, bytes([fmt.encoding.silence_byte]))
        self._data.clear()
        return None

    async def wait_data(self) -> None:
        await self._data.wait()


AgentFrameSink = Callable[[bytes, float], None]
"""Called with each frame sent and the clock time it is scheduled to play at."""

LatenessSink = Callable[[float], None]
"""Called, for each frame that continues a stretch of speech, with how many seconds after its
scheduled play time it was sent (0 when it went out ahead, as it should)."""


class Playout:
    """Sends queued segments to the carrier in real time with a small lead, in frames of the
    media's ``audio_format``.

    Frame k of a stretch of continuous speech plays at start + k * 20 ms (no drift); the loop
    keeps between ``low_water_s`` and ``high_water_s`` of audio ahead of the carrier, so it wakes
    once per few frames and the carrier's jitter buffer never starves. ``run`` raises
    ConnectionError once the socket is gone. ``on_late`` measures that promise: a frame sent
    after its play time means the carrier ran out of audio (the loop was late or the socket
    slow); frames after a wait for TTS audio or a new utterance start a new stretch instead.
    """

    def __init__(
        self,
        media: MediaSink,
        clock: Clock,
        *,
        on_frame: AgentFrameSink | None = None,
        on_cut: Callable[[float], None] | None = None,
        on_late: LatenessSink | None = None,
        low_water_s: float = 0.04,
        high_water_s: float = 0.1,
    ) -> None:
        self._media = media
        self._format = media.audio_format
        self._frame_s = self._format.frame_s
        self._clock = clock
        self._on_frame = on_frame
        self._on_cut = on_cut
        self._on_late = on_late
        self._low_water_s = low_water_s
        self._high_water_s = high_water_s
        self._queue: deque[Segment] = deque()
        self._queued = asyncio.Event()
        self._current: Segment | None = None
        self._awaiting_echo: dict[str, Segment] = {}
        self._next_play_at_s = 0.0
        self._in_stretch = False

    @property
    def audio_format(self) -> AudioFormat:
        """What the media connection takes (and so what the speaker asks TTS for)."""
        return self._format

    @property
    def audible_until_s(self) -> float:
        """When the audio sent so far ends playing at the carrier (clock seconds; in the past
        once the caller hears nothing)."""
        return self._next_play_at_s

    @property
    def speaking(self) -> bool:
        """Audio queued, being sent, or sent but not yet played by the carrier."""
        return bool(self._queue or self._current or self._awaiting_echo)

    def enqueue(self, segment: Segment) -> None:
        self._queue.append(segment)
        self._queued.set()

    def mark_played(self, name: str) -> Segment | None:
        segment = self._awaiting_echo.pop(name, None)
        if segment is not None:
            segment.heard = True
            segment.played.set()
        return segment

    def clear(self) -> list[Segment]:
        """Drops everything not yet played; returns the dropped segments. The caller sends the
        carrier's ``clear``."""
        dropped = [*self._awaiting_echo.values()]
        if self._current is not None:
            dropped.append(self._current)
        dropped.extend(self._queue)
        self._awaiting_echo.clear()
        self._queue.clear()
        self._current = None
        for segment in dropped:
            segment.drop()
        self._next_play_at_s = self._clock.now()
        self._in_stretch = False
        if dropped and self._on_cut is not None:
            self._on_cut(self._next_play_at_s)
        return dropped

    async def interrupt(self) -> list[Segment]:
        """Barge-in: drops the unplayed audio here and at the carrier (raises ConnectionError
        once the socket is gone)."""
        dropped = self.clear()
        if dropped:
            await self._media.send_clear()
        return dropped

    async def run(self) -> None:
        while True:
            while not self._queue:
                self._in_stretch = False
                self._queued.clear()
                await self._queued.wait()
            segment = self._queue.popleft()
            self._current = segment
            await self._play(segment)
            if segment.dropped or self._current is not segment:
                continue
            self._current = None
            self._awaiting_echo[segment.mark] = segment
            await self._media.send_mark(segment.mark)

    async def _play(self, segment: Segment) -> None:
        while not segment.dropped:
            frame = segment.next_frame(self._format)
            if frame is None:
                if segment.done:
                    return
                self._in_stretch = False
                await segment.wait_data()
                continue
            now_s = self._clock.now()
            play_at_s = max(self._next_play_at_s, now_s)
            if play_at_s > now_s + self._high_water_s:
                await self._clock.sleep(play_at_s - self._low_water_s - now_s)
                if segment.dropped:
                    return
                play_at_s = max(self._next_play_at_s, self._clock.now())
            if self._in_stretch and self._on_late is not None:
                self._on_late(play_at_s - self._next_play_at_s)
            await self._media.send_audio(frame)
            if segment.first_frame_at_s is None:
                segment.first_frame_at_s = self._clock.now()
            if self._on_frame is not None:
                self._on_frame(frame, play_at_s)
            self._next_play_at_s = play_at_s + self._frame_s
            self._in_stretch = True
