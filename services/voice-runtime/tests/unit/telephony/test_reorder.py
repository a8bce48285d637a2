"""The sequence re-orderer: frames come out in order, once, and a lost one never stalls."""

from __future__ import annotations

import pytest

from switchboard_voice_runtime.telephony.reorder import SequenceReorderer


def _feed(reorderer: SequenceReorderer[int], numbers: list[int]) -> list[int]:
    out: list[int] = []
    for number in numbers:
        out += reorderer.push(number, number)
    return out


def test_in_order_frames_pass_straight_through() -> None:
    reorderer: SequenceReorderer[int] = SequenceReorderer()
    assert [reorderer.push(n, n) for n in (1, 2, 3)] == [[1], [2], [3]]
    assert reorderer.next_expected == 4


def test_swapped_and_repeated_frames_come_out_in_order_once() -> None:
    reorderer: SequenceReorderer[int] = SequenceReorderer()
    assert _feed(reorderer, [1, 3, 2, 2, 5, 4, 3, 6, 1]) == [1, 2, 3, 4, 5, 6]
    assert (reorderer.stats.reordered, reorderer.stats.duplicates) == (2, 3)
    assert reorderer.stats.lost == 0


def test_a_lost_frame_is_given_up_once_the_window_fills() -> None:
    reorderer: SequenceReorderer[int] = SequenceReorderer(window=3)
    assert _feed(reorderer, [1, 3, 4, 5]) == [1]
    assert reorderer.push(6, 6) == [3, 4, 5, 6]
    assert reorderer.stats.lost == 1
    assert reorderer.push(2, 2) == []  # came too late
    assert reorderer.stats.late == 1


def test_flush_releases_what_is_held_and_unnumbered_frames_pass() -> None:
    reorderer: SequenceReorderer[str] = SequenceReorderer(first=None)
    assert reorderer.push(10, "a") == ["a"]
    assert reorderer.push(12, "c") == []
    assert reorderer.push(None, "x") == ["x"]
    assert reorderer.flush() == ["c"]
    assert reorderer.stats.lost == 1
    assert reorderer.push(11, "b") == []
    assert reorderer.next_expected == 13


def test_the_window_must_hold_a_frame() -> None:
    with pytest.raises(ValueError, match="window"):
        SequenceReorderer(window=0)
