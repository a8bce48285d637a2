"""The one ``Range: bytes=...`` the recording route serves (what a media player asks for)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from switchboard_control_plane.errors import ControlPlaneError

_ONE_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


class RangeNotSatisfiableError(ControlPlaneError):
    status_code = 416
    code = "range_not_satisfiable"

    def __init__(self, size_bytes: int) -> None:
        super().__init__(
            f"The range is outside the recording's {size_bytes} bytes.",
            details={"size_bytes": size_bytes},
            headers={"Content-Range": f"bytes */{size_bytes}"},
        )


@dataclass(frozen=True, slots=True)
class ByteRange:
    """Bytes ``start`` to ``end`` (exclusive) of ``size_bytes``."""

    start: int
    end: int
    size_bytes: int

    @property
    def length(self) -> int:
        return self.end - self.start

    @property
    def content_range(self) -> str:
        return f"bytes {self.start}-{self.end - 1}/{self.size_bytes}"


def requested_range(header: str | None, size_bytes: int) -> ByteRange | None:
    """The range asked for, or None for the whole body.

    ``a-b``, ``a-`` and ``-n`` (the last n bytes) are served; an end past the last byte is
    shortened to it. A header in another unit, or a list of ranges, is ignored (the whole body,
    as RFC 9110 allows). A byte range that is malformed or starts past the end: 416.
    """
    if header is None:
        return None
    value = header.strip().replace(" ", "")
    if not value.lower().startswith("bytes=") or "," in value:
        return None
    match = _ONE_RANGE.fullmatch("bytes=" + value[len("bytes=") :])
    if match is None:
        raise RangeNotSatisfiableError(size_bytes)
    first, last = match.groups()
    if not first:
        if not last or int(last) == 0 or size_bytes == 0:
            raise RangeNotSatisfiableError(size_bytes)
        return ByteRange(max(0, size_bytes - int(last)), size_bytes, size_bytes)
    start = int(first)
    end = size_bytes if not last else min(int(last) + 1, size_bytes)
    if start >= size_bytes or (last and int(last) < start):
        raise RangeNotSatisfiableError(size_bytes)
    return ByteRange(start, end, size_bytes)
