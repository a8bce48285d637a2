"""Playout pacing on virtual time: 20 ms frames, a bounded lead, no drift, marks after audio."""

from __future__ import annotations

import asyncio
import itertools

from switchboard_voice_runtime.call.playout import Playout
from switchboard_voice_runtime.call.segment import Segment
from switchboard_voice_runtime.testing.fakes import FakeMediaSink
from switchboard_voice_runtime.testing.virtual_time import VirtualClock, run_virtual


def test_frames_keep_a_small_lead_without_drift_and_the_mark_follows_the_audio() -> None:
    async def main() -> FakeMediaSink:
        media = FakeMediaSink()
        playout = Playout(media, VirtualClock())
        segment = Segment("t0-s0", "hello")
        segment.feed(b"\x01" * 160 * 500 + b"\x02" * 80)  # 10 s and a half frame
        segment.finish()
        playout.enqueue(segment)
        task = asyncio.create_task(playout.run())
        await asyncio.sleep(11)
        task.cancel()
        return media

    media = run_virtual(main())
    frames = media.frames()
    assert len(frames) == 501 and all(len(frame.payload) == 160 for frame in frames)
    assert frames[-1].payload.endswith(b"\xff" * 80)
    for index, frame in enumerate(frames):
        lead_s = index * 0.02 - frame.at_s  # how far ahead of its play time it was sent
        assert 0.0 <= lead_s <= 0.1 + 1e-9, (index, lead_s)
    assert media.sent[-1].kind == "mark" and media.sent[-1].name == "t0-s0"


def test_clear_drops_unplayed_segments_and_stops_sending() -> None:
    async def main() -> tuple[FakeMediaSink, list[Segment]]:
        media = FakeMediaSink()
        playout = Playout(media, VirtualClock())
        first, second = Segment("t0-s0", "a"), Segment("t0-s1", "b")
        for segment in (first, second):
            segment.feed(b"\x01" * 160 * 50)
            segment.finish()
            playout.enqueue(segment)
        task = asyncio.create_task(playout.run())
        await asyncio.sleep(0.5)
        dropped = await playout.interrupt()
        await asyncio.sleep(2)
        task.cancel()
        assert not playout.speaking
        return media, dropped

    media, dropped = run_virtual(main())
    assert [segment.mark for segment in dropped] == ["t0-s0", "t0-s1"]
    clear_index = media.kinds().index("clear")
    assert "audio" not in media.kinds()[clear_index:]
    assert all(segment.dropped and not segment.heard for segment in dropped)


class StallingMediaSink(FakeMediaSink):
    """A socket that blocks for ``stall_s`` while sending frame number ``stall_at``."""

    def __init__(self, stall_at: int, stall_s: float) -> None:
        super().__init__()
        self._stall_at, self._stall_s = stall_at, stall_s

    async def send_audio(self, payload: bytes) -> None:
        if len(self.frames()) == self._stall_at:
            await asyncio.sleep(self._stall_s)
        await super().send_audio(payload)


def _lateness_of(media: FakeMediaSink, *, waits_for_tts: bool = False) -> list[float]:
    async def main() -> list[float]:
        lateness: list[float] = []
        playout = Playout(media, VirtualClock(), on_late=lateness.append)
        segment = Segment("t0-s0", "hello")
        segment.feed(b"\x01" * 160 * 100)
        if not waits_for_tts:
            segment.feed(b"\x01" * 160 * 100)
            segment.finish()
        playout.enqueue(segment)
        task = asyncio.create_task(playout.run())
        if waits_for_tts:
            await asyncio.sleep(3)  # TTS stalls for a second after the first 2 s of audio
            segment.feed(b"\x01" * 160 * 100)
            segment.finish()
        await asyncio.sleep(5)
        task.cancel()
        return lateness

    return run_virtual(main())


def test_frames_sent_on_schedule_are_observed_as_never_late() -> None:
    lateness = _lateness_of(FakeMediaSink())
    assert len(lateness) == 199  # every frame but the stretch's first
    assert max(lateness) == 0.0


def test_a_stalled_socket_shows_as_one_late_frame_then_a_new_schedule() -> None:
    lateness = _lateness_of(StallingMediaSink(stall_at=100, stall_s=0.3))
    late = [value for value in lateness if value > 0]
    assert len(late) == 1
    assert 0.3 - 0.1 - 1e-6 <= late[0] <= 0.3 - 0.04 + 1e-6  # the stall less the 40-100 ms lead


def test_waiting_for_tts_audio_starts_a_new_stretch_instead_of_counting_late() -> None:
    lateness = _lateness_of(FakeMediaSink(), waits_for_tts=True)
    assert len(lateness) == 198  # the first frame of each stretch is not observed
    assert max(lateness) == 0.0


def test_a_pause_holds_the_audio_and_resume_sends_on_from_the_same_frame() -> None:
    async def main() -> FakeMediaSink:
        media = FakeMediaSink()
        playout = Playout(media, VirtualClock())
        segment = Segment("t0-s0", "a")
        segment.feed(b"".join(bytes([n]) * 160 for n in range(100)))  # frame n is all n
        segment.finish()
        playout.enqueue(segment)
        task = asyncio.create_task(playout.run())
        await asyncio.sleep(0.5)
        playout.pause()
        await asyncio.sleep(1.0)
        assert playout.paused and playout.speaking
        playout.resume()
        await asyncio.sleep(3)
        task.cancel()
        return media

    media = run_virtual(main())
    frames = media.frames()
    assert [frame.payload[0] for frame in frames] == list(range(100))  # nothing lost or doubled
    sent_during_pause = [f for f in frames if 0.5 < f.at_s < 1.5]
    assert not sent_during_pause
    assert media.kinds()[-1] == "mark" and "clear" not in media.kinds()


def _numbered(count: int, first: int = 0) -> bytes:
    """``count`` frames, frame n all byte ``first + n``."""
    return b"".join(bytes([first + n]) * 160 for n in range(count))


def _segment(mark: str, audio: bytes, *, finished: bool = True) -> Segment:
    segment = Segment(mark, "text")
    segment.feed(audio)
    if finished:
        segment.finish()
    return segment


def _playing(media: FakeMediaSink, *segments: Segment) -> tuple[Playout, asyncio.Task[None]]:
    """A playout (60 ms lead) sending ``segments``, the carrier's mark echoes wired back."""
    playout = Playout(media, VirtualClock(), lead_s=0.06)

    def on_mark(name: str) -> None:
        playout.mark_played(name)

    media.attach(on_mark)
    for segment in segments:
        playout.enqueue(segment)
    return playout, asyncio.create_task(playout.run())


def test_a_flush_clears_the_carrier_at_once_and_resume_sends_the_unheard_frames_again() -> None:
    async def main() -> tuple[FakeMediaSink, bool, Segment]:
        media = FakeMediaSink()
        segment = _segment("t0-s0", _numbered(100))
        playout, task = _playing(media, segment)
        await asyncio.sleep(0.5)
        playout.pause()
        flushed = await playout.flush()
        await asyncio.sleep(0.5)
        assert playout.speaking and not segment.heard
        playout.resume()
        await asyncio.sleep(3)
        task.cancel()
        return media, flushed, segment

    media, flushed, segment = run_virtual(main())
    assert flushed
    (clear,) = [item for item in media.sent if item.kind == "clear"]
    assert clear.at_s == 0.5  # not after the lead the carrier had buffered
    # the caller heard every frame once, in order: those the clear dropped were sent again
    assert [frame[0] for frame in media.heard()] == list(range(100))
    assert len(media.frames()) > 100  # some were sent twice
    # the mark sent again has a new name, so the flushed one's echo is not taken for it
    assert [item.name for item in media.sent if item.kind == "mark"] == ["t0-s0r1"]
    assert segment.heard


def test_a_flush_across_segments_sends_each_again_from_its_first_unheard_frame() -> None:
    async def main() -> tuple[FakeMediaSink, list[Segment], list[str]]:
        media = FakeMediaSink()
        segments = [_segment(f"t0-s{n}", _numbered(10, first=10 * n)) for n in range(2)]
        playout, task = _playing(media, *segments)
        echoed: list[str] = []
        media.attach(lambda name: echoed.append(name) if playout.mark_played(name) else None)
        # the first segment's last frames and mark are out, the second's first frame too
        await asyncio.sleep(0.175)
        playout.pause()
        assert await playout.flush()
        await asyncio.sleep(0.3)
        assert not any(segment.heard for segment in segments)  # the clear's echo is ignored
        playout.resume()
        await asyncio.sleep(1)
        task.cancel()
        return media, segments, echoed

    media, segments, echoed = run_virtual(main())
    assert [frame[0] for frame in media.heard()] == list(range(20))
    assert all(segment.heard for segment in segments)
    assert echoed == ["t0-s0r1", "t0-s1r1"]


def test_a_flush_while_the_segment_waits_for_tts_sends_the_earlier_one_again_at_once() -> None:
    async def main() -> FakeMediaSink:
        media = FakeMediaSink()
        first = _segment("t0-s0", _numbered(10))
        streaming = _segment("t0-s1", _numbered(2, first=10), finished=False)
        playout, task = _playing(media, first, streaming)
        await asyncio.sleep(0.17)  # the first's last frame and the second's two are unplayed
        playout.pause()
        assert await playout.flush()
        playout.resume()
        await asyncio.sleep(1)  # the second segment's TTS never sends more
        task.cancel()
        return media

    media = run_virtual(main())
    assert [frame[0] for frame in media.heard()] == list(range(12))


def test_a_flush_sends_no_clear_when_the_carrier_has_nothing_buffered() -> None:
    async def main() -> tuple[FakeMediaSink, bool]:
        media = FakeMediaSink()
        playout, task = _playing(media, _segment("t0-s0", _numbered(5), finished=False))
        await asyncio.sleep(0.5)  # TTS still streaming the rest
        playout.pause()
        flushed = await playout.flush()
        task.cancel()
        return media, flushed

    media, flushed = run_virtual(main())
    assert not flushed and "clear" not in media.kinds()


def test_media_whose_clear_means_more_is_only_paused() -> None:
    async def main() -> tuple[FakeMediaSink, bool]:
        media = FakeMediaSink(clears_on_pause=False)
        playout, task = _playing(media, _segment("t0-s0", _numbered(100)))
        await asyncio.sleep(0.5)
        playout.pause()
        flushed = await playout.flush()
        playout.resume()
        await asyncio.sleep(3)
        task.cancel()
        return media, flushed

    media, flushed = run_virtual(main())
    assert not flushed and "clear" not in media.kinds()
    assert [frame.payload[0] for frame in media.frames()] == list(range(100))


def test_clear_ends_a_pause() -> None:
    async def main() -> Playout:
        media = FakeMediaSink()
        playout = Playout(media, VirtualClock())
        playout.pause()
        await playout.interrupt()
        return playout

    assert not run_virtual(main()).paused


def test_frames_leave_one_every_20_ms_with_a_constant_lead() -> None:
    async def main() -> FakeMediaSink:
        media = FakeMediaSink()
        playout = Playout(media, VirtualClock(), lead_s=0.06)
        segment = Segment("t0-s0", "hello")
        segment.feed(b"\x01" * 160 * 100)
        segment.finish()
        playout.enqueue(segment)
        task = asyncio.create_task(playout.run())
        await asyncio.sleep(3)
        task.cancel()
        return media

    frames = run_virtual(main()).frames()
    steady = frames[3:]  # the first lead's worth goes at once
    gaps = {round(b.at_s - a.at_s, 6) for a, b in itertools.pairwise(steady)}
    assert gaps == {0.02}
    assert all(
        abs(index * 0.02 - f.at_s - 0.06) < 1e-9 for index, f in enumerate(frames) if index >= 3
    )
