from __future__ import annotations

import pytest

from switchboard_control_plane.recordings.byte_ranges import (
    ByteRange,
    RangeNotSatisfiableError,
    requested_range,
)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("bytes=0-0", ByteRange(0, 1, 100)),
        ("bytes=10-19", ByteRange(10, 20, 100)),
        ("bytes=90-", ByteRange(90, 100, 100)),
        ("bytes=-10", ByteRange(90, 100, 100)),
        ("bytes=-500", ByteRange(0, 100, 100)),
        ("bytes=50-5000", ByteRange(50, 100, 100)),
        ("Bytes = 1-2", ByteRange(1, 3, 100)),
    ],
)
def test_one_byte_range_is_served(header: str, expected: ByteRange) -> None:
    assert requested_range(header, 100) == expected


def test_the_content_range_names_the_last_byte_and_the_size() -> None:
    wanted = requested_range("bytes=10-19", 100)
    assert wanted is not None
    assert (wanted.content_range, wanted.length) == ("bytes 10-19/100", 10)


@pytest.mark.parametrize("header", [None, "items=0-5", "bytes=0-1,5-6"])
def test_no_range_another_unit_or_several_ranges_mean_the_whole_body(header: str | None) -> None:
    assert requested_range(header, 100) is None


@pytest.mark.parametrize(
    ("header", "size"),
    [
        ("bytes=100-", 100),
        ("bytes=5-4", 100),
        ("bytes=-0", 100),
        ("bytes=a-b", 100),
        ("bytes=-", 100),
        ("bytes=-5", 0),
        ("bytes=0-", 0),
    ],
)
def test_a_range_that_cannot_be_served_is_refused_with_the_size(header: str, size: int) -> None:
    with pytest.raises(RangeNotSatisfiableError) as refused:
        requested_range(header, size)
    assert refused.value.headers == {"Content-Range": f"bytes */{size}"}
    assert refused.value.status_code == 416
