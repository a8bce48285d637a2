"""The carrier's playout model of agent audio."""

from switchboard_callsim.playout import AgentPlayout

ONE_SECOND = bytes(8000)


def test_mark_is_due_only_after_the_audio_before_it_has_played() -> None:
    playout = AgentPlayout()
    playout.push(ONE_SECOND, now_ms=100.0)
    playout.mark("t1-s1", now_ms=110.0)
    assert playout.due_marks(1099.0) == []
    assert [mark.name for mark in playout.due_marks(1100.0)] == ["t1-s1"]
    assert playout.due_marks(5000.0) == []


def test_mark_without_queued_audio_is_due_at_once() -> None:
    playout = AgentPlayout()
    playout.push(bytes(160), now_ms=0.0)
    playout.mark("m", now_ms=500.0)
    assert [mark.name for mark in playout.due_marks(500.0)] == ["m"]


def test_audio_arriving_while_audio_plays_queues_behind_it() -> None:
    playout = AgentPlayout()
    first_end_ms = playout.push(ONE_SECOND, now_ms=0.0).end_ms
    second = playout.push(bytes(800), now_ms=200.0)
    assert second.start_ms == first_end_ms == 1000.0
    assert playout.queued_ms(200.0) == 900.0
    playout.mark("after-both", now_ms=300.0)
    assert playout.due_marks(1099.0) == []
    assert [m.name for m in playout.due_marks(1100.0)] == ["after-both"]


def test_clear_drops_unplayed_audio_and_returns_pending_marks() -> None:
    playout = AgentPlayout()
    playout.push(ONE_SECOND, now_ms=0.0, tag=0)
    playout.mark("a", now_ms=0.0)
    playout.push(ONE_SECOND, now_ms=0.0, tag=0)
    playout.mark("b", now_ms=0.0)
    returned = playout.clear(now_ms=250.0)
    assert [mark.name for mark in returned] == ["a", "b"]
    assert playout.queued_ms(250.0) == 0.0
    assert len(playout.audio_for(0)) == 2000  # 250 ms played
    assert playout.due_marks(10_000.0) == []


def test_audio_after_a_clear_plays_at_once() -> None:
    playout = AgentPlayout()
    playout.push(ONE_SECOND, now_ms=0.0)
    playout.clear(now_ms=100.0)
    segment = playout.push(bytes(160), now_ms=120.0)
    assert segment.start_ms == 120.0


def test_audio_is_kept_per_tag_in_timeline_order() -> None:
    playout = AgentPlayout()
    playout.push(b"\x01" * 160, now_ms=0.0, tag=0)
    playout.push(b"\x02" * 160, now_ms=20.0, tag=0)
    playout.push(b"\x03" * 160, now_ms=500.0, tag=1)
    assert playout.audio_for(0) == b"\x01" * 160 + b"\x02" * 160
    assert playout.audio_for(1) == b"\x03" * 160
    assert len(playout.segments) == 2
