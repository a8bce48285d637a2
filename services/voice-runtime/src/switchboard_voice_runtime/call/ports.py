"""What a call session needs from the world around it: the carrier media path, carrier call
control, the event sink, and time. The carrier edge implements these; the session only sees them.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from switchboard_common.audio import TELEPHONY_PCM16, AudioFormat
from switchboard_common.contract import CallEnded, CallStarted, CallTurn
from switchboard_common.contract.events import CallOrigin
from switchboard_common.contract.tenant_config import AgentConfig, TenantLimits
from switchboard_common.recordings import RecordingStore


class MediaSink(Protocol):
    """The outbound half of the carrier's media connection."""

    @property
    def audio_format(self) -> AudioFormat:
        """What ``send_audio`` takes: a format the TTS service produces (PCM16 or mu-law at the
        call's rate); the edge converts it to its wire format if that differs (A-law, L16)."""

    async def send_audio(self, payload: bytes) -> None:
        """Sends one frame (``audio_format.frame_bytes``, 20 ms). Raises ConnectionError once
        the connection is gone."""

    async def send_mark(self, name: str) -> None:
        """Sends a mark; the carrier echoes it once the audio sent before it has played."""

    async def send_clear(self) -> None:
        """Drops the audio the carrier has buffered but not played (barge-in)."""

    @property
    def clears_on_pause(self) -> bool:
        """True when ``send_clear`` only drops buffered audio and echoes the pending marks (a
        carrier): a tentative interruption then clears at once and the playout sends the
        dropped frames again if the agent goes on. False when a clear tells the far end more
        (a realtime client hears that the caller started speaking)."""


class CallControlError(Exception):
    """The carrier refused or failed a call-control action."""


class CallControl(Protocol):
    """Carrier REST actions on the live call."""

    async def hang_up(self) -> None: ...

    async def transfer(self, number: str) -> None:
        """Transfers the call to an E.164 number (already checked against the allow-list)."""


class EventSink(Protocol):
    """Where call events go (the Redis stream). Never raises for transport failures: it buffers
    and retries on its own."""

    async def publish(self, event: CallStarted | CallTurn | CallEnded) -> None: ...


class Clock(Protocol):
    """Injected time, so turn-taking and playout run on virtual time in tests."""

    def now(self) -> float:
        """Monotonic seconds."""

    def wall(self) -> datetime:
        """Aware UTC wall-clock time."""

    async def sleep(self, seconds: float) -> None: ...


class SystemClock:
    """The real clock."""

    def now(self) -> float:
        return time.monotonic()

    def wall(self) -> datetime:
        return datetime.now(UTC)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


class CallObserver(Protocol):
    """Told, as they happen, what a caller-side client shows live (a realtime session's
    events; a carrier needs none). Called on the session's loop; must not block."""

    def caller_started(self) -> None:
        """The caller began speaking."""

    def caller_stopped(self) -> None:
        """The caller's turn ended (end of turn detected)."""

    def agent_segment(self, mark: str, text: str) -> None:
        """The agent is about to say ``text``; its audio follows, up to the mark ``mark``."""

    def caller_transcribed(self, text: str) -> None:
        """The words of a turn the client committed itself (manual turns; "" when none)."""


@dataclass(frozen=True, slots=True)
class CallContext:
    """Everything known about a call when its media starts."""

    call_id: str
    tenant_id: str
    number_id: str
    carrier: CallOrigin
    carrier_call_id: str
    from_number: str
    to_number: str
    agent: AgentConfig
    limits: TenantLimits
    llm_api_key: str | None = None
    recordings: RecordingStore | None = None
    """Where the call's recording goes when the agent records (None: not kept)."""
    playout_lateness: Callable[[float], None] | None = None
    """Observes how late each agent frame went out (seconds; the runtime's metric)."""
    caller_format: AudioFormat = TELEPHONY_PCM16
    """The caller's audio as ``push_audio`` gets it: PCM16 at the call's rate (the edge decodes)."""
    observer: CallObserver | None = None
    """Who wants the call's speech and sentences live (realtime sessions); None for carriers."""
