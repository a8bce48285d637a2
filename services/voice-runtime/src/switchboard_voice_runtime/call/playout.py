"""Agent audio out: segments paced in 20 ms frames on the injected clock, each closed by a mark."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable

from switchboard_common.audio import AudioFormat
from switchboard_voice_runtime.call.ports import Clock, MediaSink
from switchboard_voice_runtime.call.segment import KEPT_FRAMES, Segment

AgentFrameSink = Callable[[bytes, float], None]
"""Called with each frame sent and the clock time it is scheduled to play at."""

LatenessSink = Callable[[float], None]
"""Called, for each frame that continues a stretch of speech, with how many seconds after its
scheduled play time it was sent (0 when it went out ahead, as it should)."""


class Playout:
    """Sends queued segments to the carrier in real time with a small lead, in frames of the
    media's ``audio_format``.

    Frame k of a stretch of continuous speech plays at start + k * 20 ms (no drift) and is sent
    ``lead_s`` before that: one frame every 20 ms with a constant lead, the steady cadence
    carriers' jitter buffers expect (not bursts of several frames), never starving them.
    ``run`` raises ConnectionError once the socket is gone. ``on_late`` measures that promise:
    a frame sent after its play time means the carrier ran out of audio (the loop was late or
    the socket slow); frames after a wait for TTS audio or a new utterance start a new stretch
    instead.
    """

    def __init__(
        self,
        media: MediaSink,
        clock: Clock,
        *,
        on_frame: AgentFrameSink | None = None,
        on_cut: Callable[[float], None] | None = None,
        on_late: LatenessSink | None = None,
        lead_s: float = 0.06,
    ) -> None:
        self._media = media
        self._format = media.audio_format
        self._frame_s = self._format.frame_s
        self._clock = clock
        self._on_frame = on_frame
        self._on_cut = on_cut
        self._on_late = on_late
        self._lead_s = lead_s
        self._queue: deque[Segment] = deque()
        self._queued = asyncio.Event()
        self._current: Segment | None = None
        self._awaiting_echo: dict[str, Segment] = {}
        self._next_play_at_s = 0.0
        self._in_stretch = False
        self._paused = False
        self._unpaused = asyncio.Event()
        self._unpaused.set()
        self._sending = asyncio.Lock()
        self._sent: deque[tuple[Segment, int, float]] = deque(maxlen=4 * KEPT_FRAMES)
        """The last frames sent: (segment, its position before the frame, play time)."""

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

    @property
    def paused(self) -> bool:
        return self._paused

    def pause(self) -> None:
        """Stops sending (a tentative interruption); nothing is dropped. The carrier still
        plays the lead it has (``lead_s``) unless ``flush`` clears it."""
        self._paused = True
        self._unpaused.clear()

    async def flush(self) -> bool:
        """While paused: clears what the carrier has buffered but not started playing and
        queues those frames to be sent again on ``resume`` (under new mark names), so the
        caller hears nothing more now and loses nothing if the agent goes on. Only for media
        whose clear drops audio and nothing else (``MediaSink.clears_on_pause``). True when a
        clear was sent; raises ConnectionError once the socket is gone."""
        async with self._sending:
            now_s = self._clock.now()
            unplayed = [sent for sent in self._sent if sent[2] >= now_s]
            if not self._paused or not unplayed or not self._media.clears_on_pause:
                return False
            again: list[Segment] = []
            for segment, position, _ in unplayed:
                if segment not in again and not segment.dropped:
                    self._awaiting_echo.pop(segment.sent_mark, None)
                    segment.resend(position)
                    again.append(segment)
            current, self._current = self._current, None
            if current is not None:
                current.wake()  # if it waits for TTS audio, the segments before it go first
                if current not in again:
                    again.append(current)  # nothing of it sent yet: it follows the others
            self._queue.extendleft(reversed(again))
            self._sent.clear()
            self._next_play_at_s = now_s
            self._in_stretch = False
            if self._on_cut is not None:
                self._on_cut(now_s)
            await self._media.send_clear()
            return True

    def resume(self) -> None:
        """Sends on from the frame where the pause stopped, as a new stretch."""
        self._paused = False
        self._unpaused.set()

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
        self._sent.clear()
        self._current = None
        for segment in dropped:
            segment.drop()
        self.resume()
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
            async with self._sending:
                if segment.dropped or self._current is not segment:
                    continue  # dropped, or queued again by a flush
                self._current = None
                self._awaiting_echo[segment.sent_mark] = segment
                await self._media.send_mark(segment.sent_mark)

    async def _play(self, segment: Segment) -> None:
        while not segment.dropped and self._current is segment:
            if self._paused:
                self._in_stretch = False
                await self._unpaused.wait()
                continue
            position = segment.position
            frame = segment.next_frame(self._format)
            handed_out = segment.position
            if frame is None:
                if segment.done:
                    return
                self._in_stretch = False
                await segment.wait_data()
                continue
            now_s = self._clock.now()
            if max(self._next_play_at_s, now_s) > now_s + self._lead_s:
                await self._clock.sleep(self._next_play_at_s - self._lead_s - now_s)
            async with self._sending:
                if segment.dropped or self._paused or self._current is not segment:
                    if segment.position == handed_out:  # not moved by a flush meanwhile
                        segment.seek(position)  # not sent: handed out again when it goes on
                    continue
                self._send_frame(segment, position, frame)
                await self._media.send_audio(frame)

    def _send_frame(self, segment: Segment, position: int, frame: bytes) -> None:
        """Books ``frame`` as sent now: its play time, lateness, recording and rewind point."""
        play_at_s = max(self._next_play_at_s, self._clock.now())
        if self._in_stretch and self._on_late is not None:
            self._on_late(play_at_s - self._next_play_at_s)
        if segment.first_frame_at_s is None:
            segment.first_frame_at_s = self._clock.now()
        if self._on_frame is not None:
            self._on_frame(frame, play_at_s)
        self._sent.append((segment, position, play_at_s))
        self._next_play_at_s = play_at_s + self._frame_s
        self._in_stretch = True
