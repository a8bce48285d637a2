"""Cutting a byte stream into fixed-duration frames (20 ms for telephony)."""

from __future__ import annotations

from switchboard_common.audio.formats import AudioFormat

DEFAULT_FRAME_MS = 20


def frame_bytes(fmt: AudioFormat, frame_ms: int = DEFAULT_FRAME_MS) -> int:
    """Bytes in one frame of ``frame_ms`` (160 for 20 ms of 8 kHz mu-law, 640 for 16 kHz PCM16)."""
    return fmt.bytes_for_ms(frame_ms)


class FrameSplitter:
    """Buffers arbitrary chunks and yields whole frames; the remainder waits for more data."""

    def __init__(self, fmt: AudioFormat, frame_ms: int = DEFAULT_FRAME_MS) -> None:
        self.format = fmt
        self.frame_bytes = frame_bytes(fmt, frame_ms)
        self._buffer = bytearray()

    def push(self, data: bytes) -> list[bytes]:
        """Adds data and returns every complete frame now available, in order."""
        self._buffer.extend(data)
        count = len(self._buffer) // self.frame_bytes
        frames = [
            bytes(self._buffer[i * self.frame_bytes : (i + 1) * self.frame_bytes])
            for i in range(count)
        ]
        del self._buffer[: count * self.frame_bytes]
        return frames

    def flush(self, pad_byte: int = 0) -> bytes | None:
        """The last partial frame padded to full length with ``pad_byte``, or None if empty."""
        if not self._buffer:
            return None
        frame = bytes(self._buffer) + bytes([pad_byte]) * (self.frame_bytes - len(self._buffer))
        self._buffer.clear()
        return frame

    @property
    def pending_bytes(self) -> int:
        return len(self._buffer)
