"""Playout pacing on virtual time: 20 ms frames, a bounded lead, no drift, marks after audio."""

from __future__ import annotations

import asyncio
import itertools

from switchboard_voice_runtime.call.playout import Playout, Segment
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
