"""Carrier-neutral media: the events a carrier edge turns its media frames into, and the media
connection it implements for the call runner (``call_runner.py``).

A carrier's wire module (``telephony/<carrier>.py``, pure) parses its frames; its route under
``api/`` wraps the socket in a ``MediaConnection`` whose ``receive`` yields these events, with
caller audio already decoded to PCM16 at the call's rate.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from switchboard_common.audio import AudioFormat
from switchboard_common.contract.tenant_config import Carrier, TenantRuntimeConfig
from switchboard_voice_runtime.call.ports import CallControl, MediaSink


@dataclass(frozen=True, slots=True)
class MediaStarted:
    """The stream began: its ids, the parameters our answer put on it (the call token among
    them), and the caller's audio as ``MediaAudio`` will carry it (PCM16 at the call's rate)."""

    stream_id: str
    carrier_call_id: str
    caller_format: AudioFormat
    custom_parameters: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class MediaAudio:
    """Caller audio, PCM16 little-endian at ``MediaStarted.caller_format``'s rate; ``sequence``
    is the carrier's frame number where it sends one."""

    pcm16: bytes
    sequence: int | None = None


@dataclass(frozen=True, slots=True)
class MediaDtmf:
    digit: str


@dataclass(frozen=True, slots=True)
class MediaMark:
    """The carrier played everything sent before the mark ``name``."""

    name: str


@dataclass(frozen=True, slots=True)
class MediaStopped:
    """The carrier ended the stream."""


@dataclass(frozen=True, slots=True)
class MediaIgnored:
    """A frame with nothing for the call (``connected``, an unknown event)."""

    event: str


@dataclass(frozen=True, slots=True)
class MediaRejected:
    """A frame that was skipped; ``reason`` is a stable metric label (``malformed``,
    ``oversized``, ``too_complex``...)."""

    reason: str


MediaEvent = (
    MediaStarted | MediaAudio | MediaDtmf | MediaMark | MediaStopped | MediaIgnored | MediaRejected
)


class MediaConnection(MediaSink, Protocol):
    """What a carrier edge implements so the neutral runner can admit and run its call.

    Outbound (``MediaSink``): ``audio_format`` (what ``send_audio`` takes; the edge encodes it
    to its wire format), ``send_audio``, ``send_mark``, ``send_clear``; each raises
    ConnectionError once the connection is gone.
    """

    @property
    def carrier(self) -> Carrier:
        """The carrier this connection speaks for (checked against the call token's)."""

    async def receive(self) -> MediaEvent | None:
        """The next event, or None once the connection closed."""

    def authorizes(self, tenant: TenantRuntimeConfig) -> bool:
        """Whether the connection was opened by the carrier account that owns the tenant's
        numbers (a signature on the upgrade, a stream token...)."""

    def call_control(self, tenant: TenantRuntimeConfig, carrier_call_id: str) -> CallControl:
        """Hang-up and transfer of this carrier call, through the account that owns it."""
